//! Maturity assessments from the plan list: create, open, close, import,
//! export and delete. The assessment code itself (reading, checking and
//! editing one) is in the editor's part, downloaded on demand
//! (`web/state/assessment.rs`): these actions ask it through `editor::load_assessment`.

use leptos::prelude::*;

use super::{AppState, Confirmed, Dialog, NoticeKind};
use crate::common::words::isolate;
use crate::web::{editor, files, storage};

impl AppState {
    pub fn create_assessment(self, raw_name: &str) {
        let name = crate::common::ids::clean_name(raw_name).unwrap_or_else(|| "Maturity assessment".into());
        leptos::task::spawn_local(async move {
            let Some(parts) = editor::load_assessment().await else {
                self.notify(NoticeKind::Error, UNAVAILABLE);
                return;
            };
            match (parts.create)(&name) {
                Ok(id) => self.open_assessment(&id),
                Err(why) => self.notify(NoticeKind::Error, format!("The assessment could not be created. {why}")),
            }
            self.library.refresh();
        });
    }

    pub fn open_assessment(self, id: &str) {
        self.assessment.set(Some(id.to_string()));
    }

    pub fn close_assessment(self) {
        self.assessment.set(None);
        self.library.refresh();
    }

    /// Download the stored assessment as it is (its stored text is a valid file).
    pub fn export_assessment(self, id: &str) {
        let Some(text) = storage::raw(&storage::assessment_key(id)) else {
            self.notify(NoticeKind::Error, "The assessment is no longer in this browser's storage.");
            return;
        };
        let name = self.library.assessment_name(id).unwrap_or_default();
        let file = files::file_name(&name, ".jsp-assessment.json");
        match files::download(&file, "application/json", &text) {
            Ok(()) => self.notify(NoticeKind::Info, format!("Exported “{}” as {file}.", isolate(&name))),
            Err(why) => self.notify(NoticeKind::Error, format!("The export failed: {why}")),
        }
    }

    pub fn ask_delete_assessment(self, id: &str) {
        let name = self.library.assessment_name(id).unwrap_or_default();
        self.ask(Dialog::Confirm {
            title: format!("Delete “{name}”?"),
            body: "The assessment is removed from this browser. Export it first to keep a copy.".into(),
            action: Confirmed::DeleteAssessment(id.to_string()),
        });
    }

    pub(super) fn delete_assessment(self, id: &str) {
        let name = self.library.assessment_name(id).unwrap_or_default();
        storage::remove(&storage::assessment_key(id));
        self.library.refresh();
        self.notify(NoticeKind::Info, format!("Deleted “{}”.", isolate(&name)));
    }

    /// Import an assessment file picked or dropped in the plan list.
    pub(super) async fn import_assessment(self, file_name: &str, bytes: &[u8]) {
        let Some(parts) = editor::load_assessment().await else {
            self.notify(NoticeKind::Error, format!("“{}” was not imported. {UNAVAILABLE}", isolate(file_name)));
            return;
        };
        match (parts.import)(bytes) {
            Ok((id, said)) => {
                self.library.refresh();
                self.notify(NoticeKind::Info, said);
                self.open_assessment(&id);
            }
            Err(why) => self.notify(
                NoticeKind::Error,
                format!("“{}” was not imported. {why} Your plans and assessments are unchanged.", isolate(file_name)),
            ),
        }
    }
}

impl AppState {
    /// The maturity assessments of a backup, each imported as a file is
    /// (by the assessment's part: `web::state::assessment::restore`), each outcome told.
    pub(super) fn restore_assessments(self, file_name: &str, bytes: &[u8], restore: Option<crate::web::state::assessment::Restore>) {
        let Some(restore) = restore else {
            if bytes.windows(13).any(|w| w == b"\"assessments\"") {
                self.notify(NoticeKind::Error, format!("The assessments in “{}” were not restored. {UNAVAILABLE}", isolate(file_name)));
            }
            return;
        };
        let outcomes = restore(bytes);
        for (i, outcome) in outcomes.iter().enumerate() {
            match outcome {
                Ok(said) => self.notify(NoticeKind::Info, said.clone()),
                Err(why) => self.notify(
                    NoticeKind::Error,
                    format!("Assessment {} of {} in “{}” cannot be restored. {why}", i + 1, outcomes.len(), isolate(file_name)),
                ),
            }
        }
        if !outcomes.is_empty() {
            self.library.refresh();
        }
    }
}

/// Whether `bytes` are an assessment file (read only when a plan import refused them for their format).
pub(super) fn is_assessment(bytes: &[u8]) -> bool {
    crate::plan::file::decode_text(bytes)
        .ok()
        .and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok())
        .is_some_and(|v| v["format"] == crate::assessment::FORMAT)
}

const UNAVAILABLE: &str = "The part of JSP Planner that reads assessments did not download: try again when the network is back.";
