//! The plan library in `localStorage`: one key per plan, holding the same JSON
//! as an exported file, plus the id of the plan open last.
//!
//! Nothing here overwrites data it did not write: saving compares the stored
//! text with what this tab last read or wrote, so a change made by another
//! tab is reported as a conflict instead of being lost, and an entry that
//! cannot be read is left exactly as it is until the user decides.

use gloo_storage::{LocalStorage, Storage};
use js_sys::JsString;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::library::PlanSummary;
use crate::plan::file;
use crate::plan::model::Plan;

pub const PLAN_PREFIX: &str = "jsp-planner/plan/";
/// Maturity assessments, kept beside the plans (see `web/state/assessment.rs`).
pub const ASSESSMENT_PREFIX: &str = "jsp-planner/assessment/";
const LAST_OPEN: &str = "jsp-planner/last-open";
const PREFS_PREFIX: &str = "jsp-planner/pref/";
/// The version of each plan last exchanged as a file (exported or imported):
/// the common ancestor a later merge with another copy starts from.
const BASE_PREFIX: &str = "jsp-planner/base/";
/// When each plan was last exported or backed up: lines of id, tab, time.
const COVERED: &str = "jsp-planner/covered";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// A stored entry that could not be read as a plan. Its text stays in storage.
#[derive(Debug, Clone, PartialEq)]
pub struct Unreadable {
    pub key: String,
    /// What the user knows it by: the plan's name if the text still shows
    /// one, never the storage key.
    pub label: String,
    pub reason: String,
}

/// The plan name inside an unreadable entry, if the text still has one.
fn label_of(text: &str) -> String {
    let name = serde_json::from_str::<serde_json::Value>(text).ok().and_then(|v| v["plan"]["name"].as_str().map(str::to_string));
    match name {
        Some(n) if !n.trim().is_empty() => format!("“{}”", crate::common::words::isolate(&n.chars().take(80).collect::<String>())),
        _ => "A plan without a readable name".to_string(),
    }
}

#[derive(Debug, Default)]
pub struct Scan {
    pub plans: Vec<PlanSummary>,
    pub unreadable: Vec<Unreadable>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum SaveError {
    /// The stored plan is not the one this tab last saw (another tab changed it).
    Conflict,
    /// The plan would be larger than a plan file may be, so it could not be
    /// exported and imported again.
    TooLarge,
    /// The browser's storage quota is used up.
    Full,
    /// Storage refused for another reason (disabled, private mode...).
    Unavailable(String),
}

impl SaveError {
    pub fn message(&self) -> String {
        match self {
            SaveError::Conflict => "This plan was changed in another tab.".into(),
            SaveError::TooLarge => crate::plan::edit::too_large(),
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

// `getItem` and `setItem` on JS strings as they are: a plan's stored text
// (up to megabytes) is compared and written without being copied into wasm
// memory and back on every autosave.
#[wasm_bindgen]
extern "C" {
    /// The `Storage` object, with string values left as JS strings.
    #[wasm_bindgen(js_name = Storage)]
    type JsStorage;
    #[wasm_bindgen(method, js_name = getItem)]
    fn get_item_js(this: &JsStorage, key: &str) -> JsValue;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_js(this: &JsStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

fn js_storage() -> JsStorage {
    LocalStorage::raw().unchecked_into()
}

/// The stored text under `key` as a JS string.
pub fn raw_js(key: &str) -> Option<JsString> {
    js_storage().get_item_js(key).dyn_into::<JsString>().ok()
}

/// Read every stored plan, sorted by last edit, newest first. A plan that
/// breaks a rule but can be repaired is listed (it is repaired when opened).
/// The stored plans as the first screen lists them before the editor's
/// part (which reads plans whole, [`scan`]) is loaded: by id and name, read
/// as plain JSON. An entry that does not even look like a plan is left for
/// the whole check to name, a moment later.
pub fn scan_listed() -> Scan {
    let mut scan = Scan::default();
    for key in raw_keys().into_iter().filter(|k| k.starts_with(PLAN_PREFIX)) {
        let Some(value) = raw(&key).and_then(|text| serde_json::from_str::<serde_json::Value>(&text).ok()) else { continue };
        let field = |k: &str| value["plan"][k].as_str().map(str::to_string);
        if let (Some(id), Some(name)) = (field("id"), field("name")) {
            if plan_key(&id) == key {
                let (created_at, updated_at) = (field("created_at").unwrap_or_default(), field("updated_at").unwrap_or_default());
                scan.plans.push(PlanSummary { id, name, created_at, updated_at });
            }
        }
    }
    scan.plans.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    scan
}

/// Every stored plan read whole and checked, and the entries that cannot be
/// read (in the editor's part: see `state::stored`).
pub fn scan() -> Scan {
    let mut scan = Scan::default();
    for key in raw_keys().into_iter().filter(|k| k.starts_with(PLAN_PREFIX)) {
        let Some(text) = raw(&key) else { continue };
        match crate::plan::repair::read_stored(&text) {
            Ok((plan, _)) if plan_key(&plan.id) == key => scan.plans.push(PlanSummary::from(&plan)),
            Ok(_) => {
                let reason = "The plan inside has another id than its place in storage.".into();
                scan.unreadable.push(Unreadable { label: label_of(&text), key, reason })
            }
            Err(e) => scan.unreadable.push(Unreadable { label: label_of(&text), key, reason: e.to_string() }),
        }
    }
    scan.plans.sort_by(|a, b| b.updated_at.cmp(&a.updated_at));
    scan
}

/// A stored maturity assessment as the plan list shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct AssessmentSummary {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub updated_at: String,
}

/// The stored maturity assessments, newest edit first, read as plain JSON:
/// the plan list needs their names, not the assessment code (which is in
/// the editor's part; opening one checks it whole). An entry that is not
/// even JSON is listed as unreadable instead, so it never silently vanishes.
pub fn scan_assessments() -> (Vec<AssessmentSummary>, Vec<Unreadable>) {
    let text = |v: &serde_json::Value, k: &str| v["assessment"][k].as_str().unwrap_or_default().to_string();
    let mut unreadable = Vec::new();
    let mut list: Vec<AssessmentSummary> = raw_keys()
        .into_iter()
        .filter_map(|key| {
            let id = key.strip_prefix(ASSESSMENT_PREFIX)?.to_string();
            let value: serde_json::Value = match serde_json::from_str(&raw(&key)?) {
                Ok(value) => value,
                Err(e) => {
                    let (label, reason) =
                        ("An assessment without a readable name".into(), crate::common::json::words::syntax(&e.to_string(), "assessment"));
                    unreadable.push(Unreadable { key, label, reason });
                    return None;
                }
            };
            let name = Some(text(&value, "name")).filter(|n| !n.trim().is_empty()).unwrap_or_else(|| "Untitled assessment".into());
            Some(AssessmentSummary { id, name, organisation: text(&value, "organisation"), updated_at: text(&value, "updated_at") })
        })
        .collect();
    // Newest first, by picking: a few entries, and no sort routine of its own in the first download.
    let mut newest_first = Vec::with_capacity(list.len());
    while let Some(i) = (0..list.len()).max_by(|&a, &b| list[a].updated_at.cmp(&list[b].updated_at)) {
        newest_first.push(list.swap_remove(i));
    }
    (newest_first, unreadable)
}

/// A stored plan as read, with the exact text it came from.
pub struct Loaded {
    pub plan: Plan,
    pub text: JsString,
    /// What had to be repaired for it to open (see `crate::plan::repair`).
    pub repairs: Vec<String>,
}

/// Load one plan with the exact stored text it came from.
pub fn load(id: &str) -> Result<Loaded, String> {
    let text = raw_js(&plan_key(id)).ok_or_else(|| "The plan is no longer in this browser's storage.".to_string())?;
    let (plan, repairs) = crate::plan::repair::read_stored(&String::from(&text)).map_err(|e| e.to_string())?;
    Ok(Loaded { plan, text, repairs })
}

/// A plan written to storage.
pub struct Saved {
    pub text: JsString,
}

/// Save a plan if the stored text is still `expected` (`None`: nothing stored yet).
pub fn save(plan: &Plan, expected: Option<&JsString>) -> Result<Saved, SaveError> {
    save_text(&plan.id, file::export_compact(plan), expected)
}

/// Save the compact text of plan `id` (already written by the caller).
pub fn save_text(id: &str, text: String, expected: Option<&JsString>) -> Result<Saved, SaveError> {
    use crate::app::decide::{save_check, SaveCheck};
    let key = plan_key(id);
    let current = raw_js(&key);
    // A plan cleared from storage in this very tab (no event came) is simply
    // written again: nothing of anyone's is overwritten.
    if save_check(expected, current.as_ref()) == SaveCheck::Conflict {
        return Err(SaveError::Conflict);
    }
    Ok(Saved { text: write(&key, text)? })
}

/// Save a plan whatever is stored: only after the user chose to overwrite.
pub fn save_over(plan: &Plan) -> Result<JsString, SaveError> {
    write(&plan_key(&plan.id), file::export_compact(plan))
}

/// Nothing is stored that could not be exported and imported again.
pub fn assessment_key(id: &str) -> String {
    format!("{ASSESSMENT_PREFIX}{id}")
}

/// Write `text` under `key` (an assessment's: it checks its own conflicts).
pub fn write_text(key: &str, text: &str) -> Result<(), SaveError> {
    write(key, text.to_string()).map(|_| ())
}

fn write(key: &str, text: String) -> Result<JsString, SaveError> {
    if text.len() > file::MAX_FILE_BYTES {
        return Err(SaveError::TooLarge);
    }
    let text = JsString::from(text.as_str());
    match js_storage().set_item_js(key, &text) {
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

pub fn clear_preference(name: &str) {
    LocalStorage::delete(format!("{PREFS_PREFIX}{name}"));
}

/// When each plan was last exported or backed up (id to RFC 3339 time).
/// Stored as lines of "id<TAB>time": ids and times hold neither.
pub fn covered() -> std::collections::HashMap<String, String> {
    raw(COVERED)
        .map(|text| text.lines().filter_map(|l| l.split_once('\t')).map(|(id, t)| (id.to_string(), t.to_string())).collect())
        .unwrap_or_default()
}

/// Note that `ids` were exported or backed up at `now`, and return every
/// plan's time. Failure to store it only costs the reminder's accuracy.
pub fn record_covered(ids: &[String], now: &str) -> std::collections::HashMap<String, String> {
    let mut map = covered();
    for id in ids {
        map.insert(id.clone(), now.to_string());
    }
    // Forget plans no longer stored (by key: reading each plan's text would cost megabytes).
    let stored: std::collections::HashSet<String> = raw_keys().into_iter().collect();
    map.retain(|id, _| stored.contains(&plan_key(id)));
    let text: String = map.iter().map(|(id, t)| format!("{id}\t{t}\n")).collect();
    let _ = LocalStorage::raw().set_item(COVERED, &text);
    map
}

/// Bytes the entry under `key` takes in local storage, its key too (browsers
/// count UTF-16 code units, 2 bytes each); 0 when there is none.
fn entry_bytes(key: &str) -> usize {
    raw_js(key).map_or(0, |v| (key.encode_utf16().count() + v.length() as usize) * 2)
}

/// Bytes the app's entries take in local storage.
pub fn bytes_used() -> usize {
    raw_keys().into_iter().filter(|k| k.starts_with("jsp-planner/")).map(|k| entry_bytes(&k)).sum()
}

/// The version of plan `id` last exchanged, as JSON to merge onto (see
/// [`crate::plan::versions::merge::merge_onto`]).
pub fn base_json(id: &str) -> Option<serde_json::Value> {
    let text = raw(&format!("{BASE_PREFIX}{id}"))?;
    file::plan_json(text.as_bytes()).ok()
}

/// Keep `plan` as the version last exchanged. A full storage only costs the
/// merge offer for this plan, so a failure is not reported.
pub fn set_base(plan: &Plan) {
    let _ = LocalStorage::raw().set_item(&format!("{BASE_PREFIX}{}", plan.id), &file::export_compact(plan));
}

pub fn remove_base(id: &str) {
    LocalStorage::delete(format!("{BASE_PREFIX}{id}"));
}

/// What an origin's local storage holds at most, as Chromium and Firefox
/// count it: keys and values in UTF-16, 2 bytes a code unit, 5 Mi code
/// units in all. A browser that keeps less (Safari) shows it by refusing a
/// write the estimate would allow; [`crate::app::decide::import_too_big_for_storage`] says so.
const QUOTA_BYTES: usize = 10 * 1024 * 1024;

/// The room, in storage's measure, that writing `text` under `key` takes
/// beyond what the entry holds now.
pub fn room_needed(key: &str, text: &str) -> usize {
    ((key.encode_utf16().count() + text.encode_utf16().count()) * 2).saturating_sub(entry_bytes(key))
}

/// About how much room is left in local storage: the known quota less what
/// every entry of the origin takes (other apps' too).
pub fn room_free() -> usize {
    let used: usize = raw_keys().into_iter().map(|k| entry_bytes(&k)).sum();
    QUOTA_BYTES.saturating_sub(used)
}

// ----- what tabs wrote -------------------------------------------------
// Used by the editor's part only (`web::state::tabs`, the open assessment).

/// Recent writes of plans and assessments, one line each: the text written
/// and the text it was made from (see `app::decide::lineage_add`).
pub const LINEAGE: &str = "jsp-planner/lineage";

thread_local! {
    /// The writes this tab learnt of (from the list and from other tabs' events), newest last.
    static PARENTS: std::cell::RefCell<Vec<(u64, u64)>> = const { std::cell::RefCell::new(Vec::new()) };
    /// Recent texts of documents by hash: what a newer text may have been made from.
    static TEXTS: std::cell::RefCell<Vec<(u64, JsString)>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// How many writes and texts this tab keeps in mind.
const PARENTS_KEPT: usize = 128;
const TEXTS_KEPT: usize = 12;

/// Learn the writes in a list of writes (as stored, or as another tab wrote it).
pub fn note_lineage(list: &str) {
    PARENTS.with_borrow_mut(|known| {
        for line in crate::app::decide::lineage_read(list) {
            if !known.contains(&line) {
                known.push(line);
            }
        }
        let extra = known.len().saturating_sub(PARENTS_KEPT);
        known.drain(..extra);
    });
}

/// Learn the writes in the stored list (this tab may not have had their events yet).
pub fn learn_lineage() {
    if let Some(list) = raw(LINEAGE) {
        note_lineage(&list);
    }
}

/// The text the text `hash` was made from (its hash), if this tab learnt it.
pub fn parent_of(hash: u64) -> Option<u64> {
    PARENTS.with_borrow(|known| known.iter().rev().find(|(c, _)| *c == hash).map(|(_, p)| *p))
}

/// Keep `text` (whose hash is `hash`) in mind as a version a later text may be made from.
pub fn remember(hash: u64, text: &JsString) {
    TEXTS.with_borrow_mut(|texts| {
        texts.retain(|(h, _)| *h != hash);
        texts.push((hash, text.clone()));
        let extra = texts.len().saturating_sub(TEXTS_KEPT);
        texts.drain(..extra);
    });
}

pub fn remembered(hash: u64) -> Option<JsString> {
    TEXTS.with_borrow(|texts| texts.iter().find(|(h, _)| *h == hash).map(|(_, t)| t.clone()))
}

/// Write `text` as the document under `key`, noting that it was made from
/// the text `parent` (a hash); the written text and its hash.
pub fn write_doc(key: &str, text: String, parent: u64) -> Result<(JsString, u64), SaveError> {
    let hash = crate::app::decide::text_hash(&text);
    let list = crate::app::decide::lineage_add(raw(LINEAGE).as_deref(), hash, parent);
    // A list that cannot be written only costs a later merge its exact base.
    let _ = LocalStorage::raw().set_item(LINEAGE, &list);
    note_lineage(&list);
    let js = write(key, text)?;
    remember(hash, &js);
    Ok((js, hash))
}
