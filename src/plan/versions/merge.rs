//! Three-way merge of two copies of one plan against their common ancestor
//! (the version last exchanged as a file). A change made on one side only
//! applies by itself; a field changed differently on both sides is a
//! conflict, resolved by choosing mine or theirs, or, where the field can
//! hold both, both (two texts joined, two lists of links united). An item
//! both sides added under one id is two items: theirs gets a new id.
//!
//! The merge works on the plan's JSON, so every field, present and future,
//! takes part: objects field by field; lists of items with an id (or with
//! `…_id` fields, like matrix cells and RACI assignments) item by item, in
//! my order with their new items after; any other value as a whole. The
//! result is read back as a plan, repaired (a link to an item the other side
//! removed is dropped) and validated before anyone sees it.

use serde_json::{Map, Value};

use crate::plan::file::place::{JsonPlan, Lookup};
use crate::plan::model::Plan;
use crate::plan::rules::{describe, validate};

pub use crate::plan::versions::diff::Step;
use crate::plan::versions::diff::{get, get_mut, index, key_of, keyed, set};
use crate::plan::versions::words::worded;

/// Which side's value to keep.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Mine,
    Theirs,
    /// Both values in the field (offered where [`Conflict::both`] is set).
    Both,
}

/// A place changed differently on both sides. `None` means the side removed it.
#[derive(Debug, Clone, PartialEq)]
pub struct Conflict {
    pub path: Vec<Step>,
    pub mine: Option<Value>,
    pub theirs: Option<Value>,
    /// Where it is, in words ("Risk R-001, owner").
    pub place: String,
    /// Mine and theirs in the app's words ([`crate::plan::versions::words::worded`]).
    pub mine_words: String,
    pub theirs_words: String,
    /// Both values in one, where the field can hold them: two texts
    /// joined, two lists of links united ([`both_values`]).
    pub both: Option<Value>,
    /// That value in words.
    pub both_words: Option<String>,
}

/// The merge before conflicts are resolved: mine at every conflict.
#[derive(Debug, Clone, PartialEq)]
pub struct Merge {
    merged: Value,
    pub conflicts: Vec<Conflict>,
    /// How many places took their change by itself.
    pub theirs_applied: usize,
    /// Those places in words, for the preview ("Risk R-001, owner").
    pub applied: Vec<String>,
    /// Items both sides added under the same id: both are kept, theirs under a new id.
    pub renumbered: Vec<Renumbered>,
}

/// An item both sides added under one id, with different content: mine
/// keeps the id, theirs is added under the next free one, and every link to
/// it in their copy follows.
#[derive(Debug, Clone, PartialEq)]
pub struct Renumbered {
    /// The id both sides gave it ("R-010").
    pub old: String,
    /// The id their item is added under ("R-011").
    pub new: String,
    /// Mine, in words ("Risk R-010").
    pub mine: String,
    /// Theirs under its new id, in words ("Risk R-011").
    pub theirs: String,
}

/// Merge `mine` and `theirs`, both descended from `base`.
pub fn merge(base: &Plan, mine: &Plan, theirs: &Plan) -> Merge {
    merge_onto(&to_value(base), mine, theirs)
}

/// [`merge`] with the ancestor as the plan's JSON, as [`crate::plan::file::plan_json`]
/// reads it from a file's text: the ancestor is only compared with, so it
/// need not be read into a plan and written out again (a quarter of the
/// time of merging two 1 MB copies in the browser).
pub fn merge_onto(b: &Value, mine: &Plan, theirs: &Plan) -> Merge {
    merge_sides(b, mine, theirs, false)
}

/// [`merge_onto`] for two tabs of one browser (`web::state::tabs`): of two
/// items added under one id, the one whose JSON sorts first keeps the id,
/// whichever side it is on. Both tabs, merging each other's version at the
/// same moment, so give the same ids and do not write back and forth (with
/// theirs always renumbered, each tab would renumber the other's item).
pub fn merge_tabs(b: &Value, stored: &Plan, own: &Plan) -> Merge {
    merge_sides(b, stored, own, true)
}

fn merge_sides(b: &Value, mine: &Plan, theirs: &Plan, either: bool) -> Merge {
    let (mut m, mut t) = (to_value(mine), to_value(theirs));
    if either {
        // An item of mine that sorts after theirs takes a new id, in mine.
        renumber(b, &t.clone(), &mut m, &|own_item, stored_item| sorts_after(stored_item, own_item));
    }
    let renames = renumber(b, &m, &mut t, &|_, _| true);
    let mut state = State { conflicts: Vec::new(), theirs_applied: 0, applied: Vec::new(), path: Vec::new() };
    let mut merged = state.value(Some(b), Some(&m), Some(&t)).unwrap_or_else(|| m.clone());
    // Times of edit are not edits: the later one stands, never a conflict.
    state.conflicts.retain(|c| !matches!(c.path.as_slice(), [Step::Field(f)] if f == "updated_at" || f == "created_at"));
    if let Some(obj) = merged.as_object_mut() {
        obj.insert("updated_at".into(), Value::String(mine.updated_at.clone().max(theirs.updated_at.clone())));
        obj.insert("created_at".into(), Value::String(mine.created_at.clone().min(theirs.created_at.clone())));
    }
    // Their plan names their items, unless some were renumbered: then its JSON does.
    let renamed = JsonPlan(Some(&t));
    let their_names: &dyn Lookup = if renames.is_empty() { theirs } else { &renamed };
    let sides: [(&dyn Lookup, &Value); 2] = [(mine, &m), (their_names, &t)];
    for c in &mut state.conflicts {
        c.place = place_of(&sides, &c.path);
        c.mine_words = worded(&c.path, c.mine.as_ref(), &m, &t);
        c.theirs_words = worded(&c.path, c.theirs.as_ref(), &t, &m);
        c.both = both_values(&c.path, c.mine.as_ref(), c.theirs.as_ref());
        c.both_words = c.both.as_ref().map(|both| worded(&c.path, Some(both), &m, &t));
    }
    let applied = state.applied.iter().map(|path| place_of(&sides, path)).collect();
    let renumbered = renames
        .into_iter()
        .map(|(list, old, new)| {
            let at = |id: &str| [list.as_slice(), &[Step::Item(id.to_string())]].concat();
            Renumbered { mine: place_of(&sides[..1], &at(&old)), theirs: place_of(&sides[1..], &at(&new)), old, new }
        })
        .collect();
    Merge { merged, conflicts: state.conflicts, theirs_applied: state.theirs_applied, applied, renumbered }
}

/// Give each item that both sides added under one id, with different
/// content, a new id in `theirs` (see [`fresh_id`]), and make every link to
/// it in `theirs` follow. Returns each renumbered item's list, old and new id.
///
/// A link is a field named for the item's list: a `need_id` or `need_ids`
/// for an item of `needs`, `control_ids` for `controls`, `activity_id` for
/// `activities` (the plan's naming, checked by the tests). The revisions are
/// history and are left as they are.
/// Whether `a`'s JSON text sorts after `b`'s.
fn sorts_after(a: &Value, b: &Value) -> bool {
    let (a, b) = (a.to_string(), b.to_string());
    a > b
}

/// `rename(item in mine, item in theirs)` says whether theirs is the one to renumber.
fn renumber(base: &Value, mine: &Value, theirs: &mut Value, rename: &dyn Fn(&Value, &Value) -> bool) -> Vec<(Vec<Step>, String, String)> {
    let mut found = Vec::new();
    both_added(Some(base), mine, theirs, &mut Vec::new(), &mut found);
    found.retain(|(list, id)| {
        let path = [list.as_slice(), &[Step::Item(id.clone())]].concat();
        matches!((get(mine, &path), get(theirs, &path)), (Some(m), Some(t)) if rename(m, t))
    });
    let mut renames: Vec<(Vec<Step>, String, String)> = Vec::with_capacity(found.len());
    for (list, old) in found {
        let ids = |root: &Value| -> Vec<String> {
            get(root, &list).and_then(Value::as_array).map(|l| l.iter().filter_map(key_of).collect()).unwrap_or_default()
        };
        let taken: std::collections::HashSet<String> = ids(base).into_iter().chain(ids(mine)).chain(ids(theirs)).collect();
        let new = fresh_id(&old, &taken);
        let mut path = list.clone();
        path.push(Step::Item(old.clone()));
        if let Some(item) = get_mut(theirs, &path).and_then(Value::as_object_mut) {
            item.insert("id".into(), Value::String(new.clone()));
            renames.push((list, old, new));
        }
    }
    // Links, by the field name that holds them: "need" -> (old -> new).
    let mut links: std::collections::HashMap<String, std::collections::HashMap<String, String>> = std::collections::HashMap::new();
    for (list, old, new) in &renames {
        if let Some(Step::Field(name)) = list.last() {
            links.entry(singular(name)).or_default().insert(old.clone(), new.clone());
        }
    }
    if let Some(plan) = theirs.as_object_mut() {
        for (key, value) in plan.iter_mut().filter(|(k, _)| *k != "revisions") {
            relink(key, value, &links);
        }
    }
    renames
}

/// What a link to an item of list `name` is called: "needs" -> "need", "activities" -> "activity".
fn singular(name: &str) -> String {
    match name.strip_suffix("ies") {
        Some(stem) => format!("{stem}y"),
        None => name.strip_suffix('s').unwrap_or(name).to_string(),
    }
}

/// Find the items with an `id` that `mine` and `theirs` both hold, `base`
/// does not, and that differ: each as its list's path and its id.
fn both_added(base: Option<&Value>, mine: &Value, theirs: &Value, path: &mut Vec<Step>, found: &mut Vec<(Vec<Step>, String)>) {
    match (mine, theirs) {
        (Value::Object(m), Value::Object(t)) => {
            for (k, tv) in t {
                let Some(mv) = m.get(k) else { continue };
                if path.is_empty() && k == "revisions" {
                    continue;
                }
                path.push(Step::Field(k.clone()));
                both_added(base.and_then(|b| b.get(k)), mv, tv, path, found);
                path.pop();
            }
        }
        (Value::Array(m), Value::Array(t)) => {
            let id = |v: &Value| v.get("id").and_then(Value::as_str).map(str::to_string);
            if t.is_empty() || !t.iter().all(|v| id(v).is_some()) {
                return;
            }
            let (mi, bi) = (index(m), base.and_then(Value::as_array).map(|b| (index(b), b)));
            for item in t {
                let Some(key) = id(item) else { continue };
                let Some(&i) = mi.get(&key) else { continue };
                match bi.as_ref().and_then(|(bi, b)| bi.get(&key).map(|&j| &b[j])) {
                    Some(was) => {
                        path.push(Step::Item(key));
                        both_added(Some(was), &m[i], item, path, found);
                        path.pop();
                    }
                    None if m[i] != *item => found.push((path.clone(), key)),
                    None => {}
                }
            }
        }
        _ => {}
    }
}

/// Point the links in `value` (the field `key`) at the new ids.
fn relink(key: &str, value: &mut Value, links: &std::collections::HashMap<String, std::collections::HashMap<String, String>>) {
    let renamed = |field: &str| field.strip_suffix("_ids").or_else(|| field.strip_suffix("_id")).and_then(|stem| links.get(stem));
    match value {
        Value::String(id) => {
            if let Some(new) = renamed(key).filter(|_| key.ends_with("_id")).and_then(|m| m.get(id.as_str())) {
                *id = new.clone();
            }
        }
        Value::Array(items) => {
            let map = renamed(key).filter(|_| key.ends_with("_ids"));
            for item in items {
                match (map, item) {
                    (Some(map), Value::String(id)) => {
                        if let Some(new) = map.get(id.as_str()) {
                            *id = new.clone();
                        }
                    }
                    (_, item) => relink("", item, links),
                }
            }
        }
        Value::Object(fields) => {
            for (k, v) in fields.iter_mut() {
                relink(k, v, links);
            }
        }
        _ => {}
    }
}

impl Merge {
    /// The merged plan with `choices` (one per conflict, in order; missing
    /// ones keep mine), repaired and validated; or why it cannot be.
    pub fn resolve(&self, choices: &[Side]) -> Result<Resolved, String> {
        let mut value = self.merged.clone();
        for (i, c) in self.conflicts.iter().enumerate() {
            match (choices.get(i), &c.both) {
                (Some(Side::Theirs), _) => {
                    set(&mut value, &c.path, c.theirs.clone());
                }
                (Some(Side::Both), Some(both)) => {
                    set(&mut value, &c.path, Some(both.clone()));
                }
                _ => {}
            }
        }
        let file = format!("{{\"format\":\"{}\",\"version\":{},\"plan\":{value}}}", crate::plan::file::FORMAT, crate::plan::file::VERSION);
        let mut plan = crate::plan::file::parse(file.as_bytes()).map_err(|e| format!("The merged plan could not be read ({e})."))?.plan;
        let repairs = crate::plan::repair::repair(&mut plan);
        let problems = validate(&plan);
        if let Some(first) = problems.first() {
            return Err(format!("The merged plan breaks a rule: {}", describe(first, &plan)));
        }
        Ok(Resolved { plan, repairs })
    }
}

/// A merged plan ready to store, and what was repaired to make it valid.
#[derive(Debug, Clone, PartialEq)]
pub struct Resolved {
    pub plan: Plan,
    pub repairs: Vec<String>,
}

/// The plan's JSON, through the plan file writer and the JSON reader the
/// app already has (`serde_json::to_value` / `from_value` would put a second
/// serializer and deserializer of the whole plan into the wasm).
pub(crate) fn to_value(plan: &Plan) -> Value {
    serde_json::from_str::<Value>(&crate::plan::file::export_compact(plan))
        .ok()
        .and_then(|mut file| file.get_mut("plan").map(Value::take))
        .unwrap_or(Value::Null)
}

struct State {
    conflicts: Vec<Conflict>,
    theirs_applied: usize,
    applied: Vec<Vec<Step>>,
    path: Vec<Step>,
}

impl State {
    /// The merged value at the current path (`None`: absent).
    fn value(&mut self, base: Option<&Value>, mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
        if mine == theirs || base == theirs {
            return mine.cloned();
        }
        if base == mine {
            if !self.at_edit_time() {
                self.note_applied(base, theirs);
            }
            return theirs.cloned();
        }
        match (mine, theirs) {
            (Some(Value::Object(m)), Some(Value::Object(t))) if !self.whole() => {
                let b = base.and_then(Value::as_object);
                Some(Value::Object(self.object(b, m, t)))
            }
            (Some(Value::Array(m)), Some(Value::Array(t))) if !self.whole() && keyed(m, t) => {
                let b = base.and_then(Value::as_array).map(Vec::as_slice).unwrap_or(&[]);
                Some(Value::Array(self.list(b, m, t)))
            }
            _ => {
                self.conflicts.push(Conflict {
                    path: self.path.clone(),
                    mine: mine.cloned(),
                    theirs: theirs.cloned(),
                    place: String::new(),
                    mine_words: String::new(),
                    theirs_words: String::new(),
                    both: None,
                    both_words: None,
                });
                mine.cloned()
            }
        }
    }

    /// Record, for the preview, each place where `theirs` differs from
    /// `base` under the current path: the fields and items themselves, not
    /// the whole list or section that contains them.
    fn note_applied(&mut self, base: Option<&Value>, theirs: Option<&Value>) {
        match (base, theirs) {
            (Some(Value::Object(b)), Some(Value::Object(t))) if !self.whole() => {
                let keys: Vec<String> = t.keys().chain(b.keys().filter(|k| !t.contains_key(*k))).cloned().collect();
                for k in keys {
                    if b.get(&k) != t.get(&k) {
                        self.path.push(Step::Field(k.clone()));
                        self.note_applied(b.get(&k), t.get(&k));
                        self.path.pop();
                    }
                }
            }
            (Some(Value::Array(b)), Some(Value::Array(t))) if keyed(b, t) => {
                let (bi, ti) = (index(b), index(t));
                let keys: Vec<String> = t.iter().chain(b.iter()).filter_map(key_of).collect();
                let mut seen = std::collections::HashSet::new();
                for key in keys.into_iter().filter(|k| seen.insert(k.clone())) {
                    let (bv, tv) = (bi.get(&key).map(|&i| &b[i]), ti.get(&key).map(|&i| &t[i]));
                    if bv != tv {
                        self.path.push(Step::Item(key));
                        // A whole item added or removed is one place.
                        if bv.is_some() && tv.is_some() {
                            self.note_applied(bv, tv);
                        } else {
                            self.theirs_applied += 1;
                            self.applied.push(self.path.clone());
                        }
                        self.path.pop();
                    }
                }
            }
            _ => {
                self.theirs_applied += 1;
                self.applied.push(self.path.clone());
            }
        }
    }

    /// Values that only make sense whole: the risk criteria (levels, names
    /// and zones fit together) and a rating (a likelihood with its severity).
    fn whole(&self) -> bool {
        matches!(self.path.last(), Some(Step::Field(f)) if f == "criteria" || f == "initial" || f == "residual")
    }

    fn at_edit_time(&self) -> bool {
        matches!(self.path.as_slice(), [Step::Field(f)] if f == "updated_at" || f == "created_at")
    }

    fn object(&mut self, base: Option<&Map<String, Value>>, mine: &Map<String, Value>, theirs: &Map<String, Value>) -> Map<String, Value> {
        let mut out = Map::new();
        let keys = mine.keys().chain(theirs.keys().filter(|k| !mine.contains_key(*k))).cloned().collect::<Vec<_>>();
        for k in keys {
            self.path.push(Step::Field(k.clone()));
            if let Some(v) = self.value(base.and_then(|b| b.get(&k)), mine.get(&k), theirs.get(&k)) {
                out.insert(k, v);
            }
            self.path.pop();
        }
        out
    }

    fn list(&mut self, base: &[Value], mine: &[Value], theirs: &[Value]) -> Vec<Value> {
        let (bi, mi, ti) = (index(base), index(mine), index(theirs));
        let mut keys: Vec<(usize, String)> = mi.iter().map(|(k, i)| (*i, k.clone())).collect();
        keys.sort_unstable();
        let mut theirs_only: Vec<(usize, String)> = ti.iter().filter(|(k, _)| !mi.contains_key(*k)).map(|(k, i)| (*i, k.clone())).collect();
        theirs_only.sort_unstable();
        let mut out = Vec::with_capacity(mine.len().max(theirs.len()));
        for (_, key) in keys.into_iter().chain(theirs_only) {
            self.path.push(Step::Item(key.clone()));
            let (b, m, t) = (bi.get(&key).map(|&i| &base[i]), mi.get(&key).map(|&i| &mine[i]), ti.get(&key).map(|&i| &theirs[i]));
            if let Some(v) = self.value(b, m, t) {
                out.push(v);
            }
            self.path.pop();
        }
        out
    }
}

/// Both values of a conflict in one, where the field can hold them and
/// that means something: two texts joined (a long text by a blank line, a
/// short one by "; ", if the result fits the field), two lists of links
/// united (mine, then theirs' others). Not for a removal, an empty side, a
/// choice, a rating, a date, or a name or id, which are one thing.
pub fn both_values(path: &[Step], mine: Option<&Value>, theirs: Option<&Value>) -> Option<Value> {
    use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
    let Some(Step::Field(field)) = path.last() else { return None };
    let field = field.as_str();
    if crate::plan::versions::words::is_choice(field)
        || matches!(field, "name" | "product" | "label" | "asset" | "approver" | "organisation" | "document_id" | "revision" | "date")
        // A component's identity and dates are one thing each, as a name is.
        || matches!(field, "version" | "group" | "supplier" | "purl" | "cpe" | "licence" | "sbom_ref" | "end_of_support" | "end_of_life")
        // Where to report a vulnerability, where a view lives: one thing each.
        || matches!(field, "disclosure_contact" | "location")
    {
        return None;
    }
    match (mine?, theirs?) {
        (Value::String(m), Value::String(t)) => {
            let (m, t) = (m.trim(), t.trim());
            if m.is_empty() || t.is_empty() {
                return None;
            }
            // The long texts: those inside items, and the plan's own texts of A.1's resources and A.3.
            let long = matches!(field, "description" | "note" | "notes" | "threat" | "controls" | "rationale")
                || matches!(path.first(), Some(Step::Field(f)) if f == "management" || f == "premarket")
                || matches!(path.get(1), Some(Step::Field(f)) if f == "resources");
            let (joined, max) = if long { (format!("{m}\n\n{t}"), MAX_TEXT_LEN) } else { (format!("{m}; {t}"), MAX_NAME_LEN) };
            (joined.chars().count() <= max).then_some(Value::String(joined))
        }
        (Value::Array(m), Value::Array(t)) if m.iter().chain(t).all(Value::is_string) => {
            let mut united = m.clone();
            united.extend(t.iter().filter(|x| !m.contains(x)).cloned());
            (united != *m && united != *t).then_some(Value::Array(united))
        }
        _ => None,
    }
}

/// An id not in `taken`, made from `id`: for an id written `PREFIX-digits`
/// ("R-010", "UN-3", "SN-01"), the number after the highest one taken, as
/// wide ("R-011"); for any other, the id with `-2`, `-3`…
fn fresh_id(id: &str, taken: &std::collections::HashSet<String>) -> String {
    if let Some((stem, digits)) =
        id.rsplit_once('-').filter(|(s, d)| !s.is_empty() && !d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
    {
        let prefix = format!("{stem}-");
        let n = crate::common::ids::next_number(taken.iter().map(String::as_str), &prefix);
        let candidate = format!("{prefix}{n:0width$}", width = digits.len());
        if !taken.contains(&candidate) && crate::common::ids::is_id(&candidate) {
            return candidate;
        }
    }
    // Keep within the id length limit, on a character boundary.
    let mut stem = id.to_string();
    while stem.len() > crate::common::rules::MAX_ID_LEN - 8 {
        stem.pop();
    }
    (2..).map(|n| format!("{stem}-{n}")).find(|c| !taken.contains(c)).unwrap_or_default()
}

/// The place of `path` in words, named as in mine, or in theirs for an item
/// only they have.
/// `sides` holds each plan with its JSON, mine first.
pub(crate) fn place_of(sides: &[(&dyn Lookup, &Value)], path: &[Step]) -> String {
    sides.iter().find_map(|(names, value)| place_in(*names, value, path)).unwrap_or_else(|| "The plan".into())
}

/// The place of `path` in `plan` (whose JSON is `value`), if every item on the way is in it.
fn place_in(names: &dyn Lookup, value: &Value, path: &[Step]) -> Option<String> {
    // The place namer reads index paths.
    let mut segments = Vec::new();
    let mut at = Some(value);
    for step in path {
        match step {
            Step::Field(f) => {
                segments.push(f.clone());
                at = at.and_then(|v| v.get(f));
            }
            Step::Item(k) => {
                let list = at.and_then(Value::as_array);
                let i = list.and_then(|l| l.iter().position(|v| key_of(v).as_deref() == Some(k.as_str())));
                match i {
                    Some(i) => {
                        segments.push(i.to_string());
                        at = list.and_then(|l| l.get(i));
                    }
                    None => return None,
                }
            }
        }
    }
    let segments: Vec<&str> = segments.iter().map(String::as_str).collect();
    Some(crate::plan::file::place::place(&segments, names).phrase())
}

/// Three-way merge of any JSON document (a maturity assessment's file, a
/// plan's): `first`'s order of items, the other's new items after. `None`
/// when a place changed differently on both sides; a time of edit is not
/// an edit: `updated_at` takes the later and `created_at` the earlier.
pub fn merge_json(base: &Value, first: &Value, second: &Value) -> Option<Value> {
    let (merged, conflicts) = merge_json_keeping_first(base, first, second);
    conflicts.is_empty().then_some(merged)
}

/// [`merge_json`] that goes on past the places changed differently on both
/// sides: the merge with `first`'s value at each of them, and those places
/// (their path and both values; the words are left empty, for the caller,
/// who knows the kind of document, to fill). For the command-line merge of
/// assessments (`crate::cli`), which writes the merge and reports them.
pub fn merge_json_keeping_first(base: &Value, first: &Value, second: &Value) -> (Value, Vec<Conflict>) {
    let mut state = State { conflicts: Vec::new(), theirs_applied: 0, applied: Vec::new(), path: Vec::new() };
    let mut merged = state.value(Some(base), Some(first), Some(second)).unwrap_or_else(|| first.clone());
    let mut left = Vec::new();
    for c in state.conflicts {
        let later = match c.path.last() {
            Some(Step::Field(f)) if f == "updated_at" => true,
            Some(Step::Field(f)) if f == "created_at" => false,
            _ => {
                left.push(c);
                continue;
            }
        };
        let (a, b) = (c.mine.as_ref().and_then(Value::as_str), c.theirs.as_ref().and_then(Value::as_str));
        let time = if later { a.max(b) } else { a.min(b).or(a.max(b)) };
        set(&mut merged, &c.path, time.map(|t| Value::String(t.to_string())));
    }
    (merged, left)
}
