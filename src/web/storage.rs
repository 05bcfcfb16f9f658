//! The plan library in `localStorage`: one key per plan, holding the same JSON
//! as an exported file, plus the id of the plan open last.
//!
//! Nothing here overwrites data it did not write: saving compares the stored
//! text with what this tab last read or wrote, so a change made by another
//! tab is reported as a conflict instead of being lost, and an entry that
//! cannot be read is left exactly as it is until the user decides.

use gloo_storage::{LocalStorage, Storage};
use wasm_bindgen::JsCast;

use crate::format;
use crate::library::PlanSummary;
use crate::model::Plan;

pub const PLAN_PREFIX: &str = "jsp-planner/plan/";
const LAST_OPEN: &str = "jsp-planner/last-open";
const PREFS_PREFIX: &str = "jsp-planner/pref/";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// A stored entry that could not be read as a plan. Its text stays in storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    pub reason: String,
}

#[derive(Debug, Default)]
pub struct Scan {
    pub plans: Vec<PlanSummary>,
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The stored plan is not the one this tab last saw (another tab changed or deleted it).
    Conflict,
    /// The browser's storage quota is used up.
    Full,
    /// Storage refused for another reason (disabled, private mode...).
    Unavailable(String),
}

impl SaveError {
    pub fn message(&self) -> String {
        match self {
            SaveError::Conflict => "This plan was changed in another tab.".into(),
            SaveError::Full => "Browser storage is full, so the latest changes are not saved. Export this plan to a file, or delete plans you no longer need.".into(),
            SaveError::Unavailable(why) => format!("The browser refused to save ({why}). Export this plan to a file to keep your changes."),
        }
    }
}

fn raw_keys() -> Vec<String> {
    let storage = LocalStorage::raw();
    let n = storage.length().unwrap_or(0);
    (0..n).filter_map(|i| storage.key(i).ok().flatten()).collect()
}

/// The stored text under `key`, exactly as it is.
pub fn raw(key: &str) -> Option<String> {
    LocalStorage::raw().get_item(key).ok().flatten()
}

/// Read every stored plan, sorted by last edit, newest first.
pub fn scan() -> Scan {
    let mut scan = Scan::default();
    for key in raw_keys().into_iter().filter(|k| k.starts_with(PLAN_PREFIX)) {
        let Some(text) = raw(&key) else { continue };
        match format::import(text.as_bytes()) {
            Ok(imported) => scan.plans.push(PlanSummary::from(&imported.plan)),
            Err(e) => scan.unreadable.push(Unreadable { key, reason: e.to_string() }),
        }
    }
    scan.plans.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    scan
}

/// Load one plan with the exact stored text it came from.
pub fn load(id: &str) -> Result<(Plan, String), String> {
    let text = raw(&plan_key(id)).ok_or_else(|| "The plan is no longer in this browser's storage.".to_string())?;
    let imported = format::import(text.as_bytes()).map_err(|e| e.to_string())?;
    Ok((imported.plan, text))
}

/// Save a plan if the stored text is still `expected` (`None`: nothing stored yet).
/// Returns the text now stored.
pub fn save(plan: &Plan, expected: Option<&str>) -> Result<String, SaveError> {
    let key = plan_key(&plan.id);
    if raw(&key).as_deref() != expected {
        return Err(SaveError::Conflict);
    }
    write(&key, format::export_compact(plan))
}

/// Save a plan whatever is stored: only after the user chose to overwrite.
pub fn save_over(plan: &Plan) -> Result<String, SaveError> {
    write(&plan_key(&plan.id), format::export_compact(plan))
}

fn write(key: &str, text: String) -> Result<String, SaveError> {
    match LocalStorage::raw().set_item(key, &text) {
        Ok(()) => Ok(text),
        Err(e) => Err(classify(e)),
    }
}

fn classify(e: wasm_bindgen::JsValue) -> SaveError {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) if ex.name() == "QuotaExceededError" || ex.code() == 22 => SaveError::Full,
        Some(ex) => SaveError::Unavailable(ex.message()),
        None => SaveError::Unavailable(format!("{e:?}")),
    }
}

pub fn remove(key: &str) {
    LocalStorage::delete(key);
}

pub fn last_open() -> Option<String> {
    raw(LAST_OPEN)
}

/// Remember (or forget, with `None`) the open plan. Failure only costs the restore on reload.
pub fn set_last_open(id: Option<&str>) {
    match id {
        Some(id) => {
            let _ = LocalStorage::raw().set_item(LAST_OPEN, id);
        }
        None => LocalStorage::delete(LAST_OPEN),
    }
}

/// A display preference (theme, workshop mode), or `None` if never set.
pub fn preference(name: &str) -> Option<String> {
    raw(&format!("{PREFS_PREFIX}{name}"))
}

/// Remember a display preference. Failure only costs the preference on reload.
pub fn set_preference(name: &str, value: &str) {
    let _ = LocalStorage::raw().set_item(&format!("{PREFS_PREFIX}{name}"), value);
}
