//! Plans in and out as files: export, the outside formats, and import of one
//! or many picked or dropped files, each with its own outcome message.

use js_sys::JsString;
use leptos::prelude::*;

use super::{AppState, Dialog, NoticeKind, Output};
use crate::app::decide::{import_action, ImportAction};
use crate::app::library as plans;
use crate::common::json::Envelope;
use crate::common::words::isolate;
use crate::plan::export;
use crate::plan::file::{self, ImportError};
use crate::plan::model::Plan;
use crate::web::{browser, files, storage};

/// An imported plan's revision history checked by the editor's part, which
/// holds the revision code (downloaded first if need be; the plan then opens
/// in it anyway).
async fn check_revisions(imported: file::Imported) -> Result<file::Imported, ImportError> {
    if imported.plan.revisions.is_empty() {
        return Ok(imported);
    }
    match crate::web::editor::load().await {
        Some(parts) => (parts.check_revisions)(&imported.plan).map(|()| imported),
        None => Err(ImportError::NotChecked),
    }
}

/// Why storing an imported plan failed, worded for an import: nothing was
/// being edited, and nothing was changed.
fn import_refused(plan: &Plan, e: &storage::SaveError) -> String {
    use crate::app::decide::import_too_big_for_storage;
    match e {
        storage::SaveError::Full => {
            let needs = storage::room_needed(&storage::plan_key(&plan.id), &file::export_compact(plan));
            import_too_big_for_storage(needs, Some(storage::room_free()))
        }
        storage::SaveError::TooLarge => crate::app::decide::import_too_large(file::export_compact(plan).len()),
        other => format!("The file was not imported. {}", other.message()),
    }
}

/// How the file's copy of a plan stands against the one stored here, in
/// words: identical, or which is newer and when each was last edited.
/// Empty if the stored copy cannot be read after all.
fn compare_with_stored(incoming: &Plan) -> String {
    use crate::web::views::short_time;
    let Ok(stored) = storage::load(&incoming.id) else { return String::new() };
    let standing = crate::app::backup::Standing::of(incoming, Some(&stored.plan));
    crate::app::decide::import_comparison(standing, &short_time(&incoming.updated_at), &short_time(&stored.plan.updated_at))
}

/// An import under way, as the editor's part hands it back.
pub type ImportTask = std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>;

impl AppState {
    /// Download plan `id` as a plan file (through the editor's part, which writes plan files).
    pub fn export(self, id: &str) {
        self.through_editor(super::ListAction::Export(id.to_string()));
    }

    pub(super) fn export_now(self, id: &str) {
        let Some(plan) = self.copy_here(id) else {
            self.notify(NoticeKind::Error, "The plan could not be read for export.");
            return;
        };
        let name = files::file_name(&plan.name, ".jsp-plan.json");
        match files::download(&name, "application/json", &file::export_for_file(&plan)) {
            Ok(()) => {
                storage::set_base(&plan);
                self.library.mark_covered(std::slice::from_ref(&plan.id));
                self.notify(NoticeKind::Info, format!("Exported “{}” as {name}.", isolate(&plan.name)));
            }
            Err(why) => self.notify(NoticeKind::Error, format!("The export failed: {why}")),
        }
    }

    /// Download the open plan in one of the outside formats.
    pub fn download_output(self, output: Output) {
        let Some((name, text)) = self.session.with_plan(|p| {
            let (suffix, text) = match output {
                Output::Markdown => (".md", export::plan_markdown(p)),
                Output::RegisterCsv => ("-risk-register.csv", export::register_csv(p)),
                Output::MatrixCsv => ("-stakeholder-needs.csv", export::matrix_csv(p)),
                Output::TraceCsv => ("-traceability.csv", export::trace_csv(p)),
            };
            (files::file_name(&p.name, suffix), text)
        }) else {
            return;
        };
        let mime = match output {
            Output::Markdown => "text/markdown;charset=utf-8",
            Output::RegisterCsv | Output::MatrixCsv | Output::TraceCsv => "text/csv;charset=utf-8",
        };
        match files::download(&name, mime, &text) {
            Ok(()) => self.notify(NoticeKind::Info, format!("Downloaded {name}.")),
            Err(why) => self.notify(NoticeKind::Error, format!("The download failed: {why}")),
        }
    }

    /// Import files the user picked or dropped, one after another; each is
    /// imported or refused with a message of its own.
    pub fn import_files(self, list: Vec<web_sys::File>) {
        leptos::task::spawn_local(async move {
            for file in list {
                self.import_one(file).await;
            }
        });
    }

    async fn import_one(self, file: web_sys::File) {
        let file_name = file.name();
        // Read up to a backup's size; a plan file over its own limit is refused by the importer.
        let bytes = match files::read(&file, crate::app::backup::MAX_BYTES).await {
            Ok(bytes) => bytes,
            Err(files::ReadError::TooLarge(size)) => {
                let e = ImportError::File(Envelope::TooLarge { size });
                self.notify(NoticeKind::Error, format!("“{}” was not imported. {e} Your plans are unchanged.", isolate(&file_name)));
                return;
            }
            Err(files::ReadError::Failed(why)) => {
                self.notify(NoticeKind::Error, format!("“{}” could not be read: {why}. Nothing was changed.", isolate(&file_name)));
                return;
            }
        };
        // The importers are in the editor's part (fetched when the browser
        // was idle, so usually here already): the first screen carries none.
        match crate::web::editor::load().await {
            Some(parts) => (parts.import_bytes)(self, file_name, bytes).await,
            None => self.notify(
                NoticeKind::Error,
                format!(
                    "“{}” was not imported: the part of JSP Planner that reads files did not download. Try again when the network is back.",
                    isolate(&file_name)
                ),
            ),
        }
    }

    /// Import a file's bytes: a plan file, an assessment file or a backup.
    /// Only called through the editor's part ([`crate::web::editor::EditorParts`]).
    pub fn import_bytes(self, file_name: String, bytes: Vec<u8>) -> ImportTask {
        crate::web::linked_file::import_started();
        Box::pin(self.import_read(file_name, bytes))
    }

    async fn import_read(self, file_name: String, bytes: Vec<u8>) {
        // Marks for the benchmark: parse + validate time of an import.
        browser::mark("jsp-import-read");
        let result = file::import_plan(&bytes);
        // A backup is refused as a plan file for its format (or its
        // size) only: look for one then, not in every plan file.
        let maybe_backup = matches!(result, Err(ImportError::File(Envelope::WrongFormat { .. } | Envelope::TooLarge { .. })));
        if maybe_backup && super::assessments::is_assessment(&bytes) {
            self.import_assessment(&file_name, &bytes).await;
            return;
        }
        if maybe_backup && crate::app::backup::is_backup(&bytes) {
            let parts = crate::web::editor::load().await;
            self.offer_restore(&file_name, crate::app::backup::read_with(&bytes, parts.map(|p| p.check_revisions)));
            // Only a backup that holds assessments needs their part.
            let restore = if bytes.windows(13).any(|w| w == b"\"assessments\"") {
                crate::web::editor::load_assessment().await.map(|p| p.restore)
            } else {
                None
            };
            self.restore_assessments(&file_name, &bytes, restore);
            return;
        }
        let result = match result {
            Ok(imported) => check_revisions(imported).await,
            Err(e) => Err(e),
        };
        browser::mark("jsp-import-checked");
        self.import_result(&file_name, result);
    }

    fn import_result(self, file_name: &str, result: Result<file::Imported, ImportError>) {
        let imported = match result {
            Ok(imported) => imported,
            Err(e) => {
                self.notify(NoticeKind::Error, format!("“{}” was not imported. {e} Your plans are unchanged.", isolate(file_name)));
                return;
            }
        };
        let plan = imported.plan;
        let readable: Vec<String> = self.library.plans.with_untracked(|l| l.iter().map(|p| p.id.clone()).collect());
        let unreadable = self.library.unreadable_keys();
        let unreadable_ids: Vec<&str> = unreadable.iter().filter_map(|k| k.strip_prefix(storage::PLAN_PREFIX)).collect();
        let readable: Vec<&str> = readable.iter().map(String::as_str).collect();
        match import_action(&plan.id, &readable, &unreadable_ids) {
            ImportAction::Store => self.store_imported(plan, None),
            ImportAction::AskReplaceOrKeepBoth => {
                let existing_name = self.library.name_of(&plan.id).unwrap_or_default();
                let comparison = compare_with_stored(&plan);
                self.ask(Dialog::ImportConflict { incoming: Box::new(plan), existing_name, comparison });
            }
            ImportAction::OfferReplaceUnreadable => {
                let key = storage::plan_key(&plan.id);
                self.ask(Dialog::ReplaceUnreadable { incoming: Box::new(plan), key });
            }
        }
    }

    /// Finish an import: `replace` holds the stored text being replaced, if any.
    fn store_imported(self, plan: Plan, replace: Option<JsString>) {
        match storage::save(&plan, replace.as_ref()) {
            Ok(saved) => {
                storage::set_base(&plan);
                let (name, id) = (plan.name.clone(), plan.id.clone());
                self.session.start(plan, saved.text, Vec::new());
                self.notify(NoticeKind::Info, format!("Imported “{}”.", isolate(&name)));
                // Opened by "Open file…": the plan is linked to its file.
                crate::web::linked_file::adopt(self, &id, false);
            }
            Err(e) => self.notify(NoticeKind::Error, import_refused(&plan, &e)),
        }
        self.library.refresh();
    }

    pub fn import_replace(self, plan: Plan) {
        let current = storage::raw_js(&storage::plan_key(&plan.id));
        if self.open_id().as_deref() == Some(plan.id.as_str()) {
            self.session.end();
        }
        self.store_imported(plan, current);
    }

    pub fn import_keep_both(self, plan: Plan) {
        let name = self.library.unique_name(&plan.name);
        let copy = plans::duplicate(&plan, crate::common::ids::new_id("plan", browser::entropy()), &plan.updated_at, name);
        let copy = Plan { created_at: plan.created_at.clone(), ..copy };
        self.store_imported(copy, None);
    }

    // ----- unreadable stored entries ---------------------------------------

    /// Save an unreadable entry's raw text as a file so nothing is lost.
    pub fn download_unreadable(self, key: &str) {
        let Some(text) = storage::raw(key) else { return };
        let id = key.strip_prefix(storage::PLAN_PREFIX).or_else(|| key.strip_prefix(storage::ASSESSMENT_PREFIX)).unwrap_or(key);
        let name = files::file_name(id, ".unreadable.json");
        if let Err(why) = files::download(&name, "application/json", &text) {
            self.notify(NoticeKind::Error, format!("The download failed: {why}"));
        }
    }

    /// Save the open plan's stored text exactly as it is (before a repair is saved).
    pub fn download_stored_original(self) {
        let Some(text) = self.session.stored_text() else { return };
        let name = self.session.with_plan(|p| files::file_name(&p.name, ".original.json"));
        if let Err(why) = files::download(&name.unwrap_or_else(|| "plan.original.json".into()), "application/json", &text) {
            self.notify(NoticeKind::Error, format!("The download failed: {why}"));
        }
    }

    pub fn discard_unreadable(self, key: &str) {
        storage::remove(key);
        self.library.refresh();
    }
}
