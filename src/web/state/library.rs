//! The plans kept in this browser, as the plan list shows them, and the
//! stored entries that cannot be read (left untouched until the user acts).

use leptos::prelude::*;

use super::session::Session;
use crate::app::library::{self as plans, PlanSummary};
use crate::plan::edit::SizeCheck;
use crate::plan::model::Plan;
use crate::web::{browser, storage};

#[derive(Clone, Copy)]
pub struct Library {
    pub plans: RwSignal<Vec<PlanSummary>>,
    /// The stored maturity assessments, listed beside the plans.
    pub assessments: RwSignal<Vec<storage::AssessmentSummary>>,
    pub unreadable: RwSignal<Vec<storage::Unreadable>>,
    /// When each plan was last exported or backed up (id to time).
    pub covered: RwSignal<std::collections::HashMap<String, String>>,
}

impl Library {
    pub fn new() -> Self {
        Library {
            plans: RwSignal::new(Vec::new()),
            assessments: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(Vec::new()),
            covered: RwSignal::new(Default::default()),
        }
    }

    /// Read the list again: every plan checked whole once the editor's part
    /// is loaded (it holds the checks), else by name alone.
    pub fn refresh(self) {
        let scan = match crate::web::editor::parts() {
            Some(parts) => (parts.scan_plans)(),
            None => storage::scan_listed(),
        };
        let (assessments, broken) = storage::scan_assessments();
        self.plans.set(scan.plans);
        self.unreadable.set(scan.unreadable.into_iter().chain(broken).collect());
        self.covered.set(storage::covered());
        self.assessments.set(assessments);
    }

    pub fn assessment_name(self, id: &str) -> Option<String> {
        self.assessments.with_untracked(|l| l.iter().find(|a| a.id == id).map(|a| a.name.clone()))
    }

    pub fn contains(self, id: &str) -> bool {
        self.plans.with_untracked(|l| l.iter().any(|p| p.id == id))
    }

    pub fn name_of(self, id: &str) -> Option<String> {
        self.plans.with_untracked(|l| l.iter().find(|p| p.id == id).map(|p| p.name.clone()))
    }

    /// A name no stored plan has yet: "Name", "Name (2)", ...
    pub fn unique_name(self, name: &str) -> String {
        self.plans.with_untracked(|l| crate::common::ids::unique_name(name, l.iter().map(|p| p.name.as_str())))
    }

    /// Keep the open plan's line of the list in step after an edit.
    pub fn note(self, session: Session) {
        let Some(summary) = session.with_plan(|p| PlanSummary::from(p)) else { return };
        if self.plans.with_untracked(|l| l.first() == Some(&summary)) {
            return;
        }
        self.plans.update(|l| {
            l.retain(|s| s.id != summary.id);
            l.insert(0, summary);
        });
    }

    /// Change a plan that is not open, keeping the conflict check.
    pub fn change_stored(self, id: &str, change: impl FnOnce(&mut Plan)) -> Result<(), String> {
        let loaded = storage::load(id)?;
        let mut plan = loaded.plan;
        let Some(applied) = crate::plan::edit::apply(&mut plan, &browser::now(), SizeCheck::Now, change)? else { return Ok(()) };
        let text = applied.text.unwrap_or_else(|| crate::plan::file::export_compact(&plan));
        storage::save_text(id, text, Some(&loaded.text)).map(|_| ()).map_err(|e| e.message())
    }

    /// Store a copy of plan `id` under a new id; returns the copy's name.
    pub fn duplicate(self, id: &str) -> Result<String, String> {
        let loaded = storage::load(id).map_err(|why| format!("The plan could not be copied: {why}"))?;
        let name = self.unique_name(&crate::common::ids::copy_name(&loaded.plan.name));
        let copy = plans::duplicate(&loaded.plan, crate::common::ids::new_id("plan", browser::entropy()), &browser::now(), name);
        let result =
            storage::save(&copy, None).map(|_| copy.name.clone()).map_err(|e| format!("The copy could not be saved. {}", e.message()));
        self.refresh();
        result
    }

    /// Note that `ids` were just exported or backed up.
    pub fn mark_covered(self, ids: &[String]) {
        self.covered.set(storage::record_covered(ids, &browser::now()));
    }

    pub fn unreadable_keys(self) -> Vec<String> {
        self.unreadable.with_untracked(|u| u.iter().map(|e| e.key.clone()).collect())
    }
}
