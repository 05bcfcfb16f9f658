//! Differences between two versions of a plan's JSON, and the paths that
//! name a place in it.
//!
//! Two jobs share this walk: "Compare" lists what changed between two
//! versions ([`differences`], put in words by [`crate::plan::versions::compare`]), and an
//! issued revision is stored as the changes that turn the next revision
//! back into it ([`delta`], [`apply`]), so twenty revisions of a large plan
//! cost one copy and twenty short lists rather than twenty copies.
//!
//! Objects are walked field by field; lists whose items all have a key (an
//! `id`, or `…_id` fields like matrix cells and RACI assignments; the same
//! rule as the three-way merge) item by item; anything else is compared as
//! a whole value.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::Value;

/// One step into the plan's JSON: a field, or the item of a list with this key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Step {
    Field(String),
    Item(String),
}

/// One place that differs. `None`: absent on that side (an item or field
/// added or removed).
#[derive(Debug, Clone, PartialEq)]
pub enum Difference {
    Changed {
        path: Vec<Step>,
        before: Option<Value>,
        after: Option<Value>,
    },
    /// The list at `path` holds the same items in another order (`keys`, after).
    Reordered {
        path: Vec<Step>,
        keys: Vec<String>,
    },
}

/// One stored change, enough to turn one version into the other (format version 4).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Change {
    /// Put `value` at `path` (an item not in its list is appended).
    Set { path: Vec<Step>, value: Value },
    /// Take away the field or item at `path`.
    Remove { path: Vec<Step> },
    /// Put the list at `path` in the order of `keys`.
    Order { path: Vec<Step>, keys: Vec<String> },
}

/// Every place where `after` differs from `before`, in the order of the
/// plan's fields. Paths for which `whole` says yes are compared as one
/// value (a rating: its likelihood belongs with its severity).
pub fn differences(before: &Value, after: &Value, whole: &dyn Fn(&[Step]) -> bool) -> Vec<Difference> {
    let mut walk = Walk { path: Vec::new(), out: Vec::new(), whole };
    walk.value(before, after);
    walk.out
}

/// The changes that turn `from` into `to`.
pub fn delta(from: &Value, to: &Value) -> Vec<Change> {
    differences(from, to, &|_| false)
        .into_iter()
        .map(|d| match d {
            Difference::Changed { path, after: Some(value), .. } => Change::Set { path, value },
            Difference::Changed { path, after: None, .. } => Change::Remove { path },
            Difference::Reordered { path, keys } => Change::Order { path, keys },
        })
        .collect()
}

/// Apply `changes` to `root`. A change whose place is missing is an error:
/// the stored changes do not belong to this version.
pub fn apply(root: &mut Value, changes: &[Change]) -> Result<(), String> {
    for change in changes {
        let done = match change {
            Change::Set { path, value } => set(root, path, Some(value.clone())),
            Change::Remove { path } => set(root, path, None),
            Change::Order { path, keys } => reorder(root, path, keys),
        };
        if !done {
            return Err("a stored change does not fit the revision after it".into());
        }
    }
    Ok(())
}

struct Walk<'w> {
    path: Vec<Step>,
    out: Vec<Difference>,
    whole: &'w dyn Fn(&[Step]) -> bool,
}

impl Walk<'_> {
    fn value(&mut self, before: &Value, after: &Value) {
        if before == after {
            return;
        }
        match (before, after) {
            _ if (self.whole)(&self.path) => self.changed(Some(before), Some(after)),
            (Value::Object(b), Value::Object(a)) => {
                for (k, bv) in b {
                    self.path.push(Step::Field(k.clone()));
                    match a.get(k) {
                        Some(av) => self.value(bv, av),
                        None => self.changed(Some(bv), None),
                    }
                    self.path.pop();
                }
                for (k, av) in a.iter().filter(|(k, _)| !b.contains_key(*k)) {
                    self.path.push(Step::Field(k.clone()));
                    self.changed(None, Some(av));
                    self.path.pop();
                }
            }
            (Value::Array(b), Value::Array(a)) if keyed(b, a) && unique(b) && unique(a) => self.list(b, a),
            _ => self.changed(Some(before), Some(after)),
        }
    }

    fn list(&mut self, before: &[Value], after: &[Value]) {
        let (bi, ai) = (index(before), index(after));
        let mut kept = Vec::with_capacity(after.len());
        for item in before {
            let key = key_of(item).unwrap_or_default();
            self.path.push(Step::Item(key.clone()));
            match ai.get(&key) {
                Some(&i) => {
                    self.value(item, &after[i]);
                    kept.push(key);
                }
                None => self.changed(Some(item), None),
            }
            self.path.pop();
        }
        for item in after {
            let key = key_of(item).unwrap_or_default();
            if !bi.contains_key(&key) {
                self.path.push(Step::Item(key.clone()));
                self.changed(None, Some(item));
                self.path.pop();
                kept.push(key);
            }
        }
        let keys: Vec<String> = after.iter().filter_map(key_of).collect();
        if kept != keys {
            self.out.push(Difference::Reordered { path: self.path.clone(), keys });
        }
    }

    fn changed(&mut self, before: Option<&Value>, after: Option<&Value>) {
        self.out.push(Difference::Changed { path: self.path.clone(), before: before.cloned(), after: after.cloned() });
    }
}

fn unique(list: &[Value]) -> bool {
    index(list).len() == list.len()
}

/// Whether two versions of a list hold items with keys (so they compare and
/// merge item by item): every element of both has one, and one of them has some.
pub(crate) fn keyed(a: &[Value], b: &[Value]) -> bool {
    !(a.is_empty() && b.is_empty()) && a.iter().chain(b).all(|v| key_of(v).is_some())
}

/// Each item's position by key, built once per list: a plan's lists hold
/// thousands of items, and looking each up by scanning would be quadratic.
pub(crate) fn index(list: &[Value]) -> std::collections::HashMap<String, usize> {
    list.iter().enumerate().filter_map(|(i, v)| key_of(v).map(|k| (k, i))).collect()
}

/// An item's key: its `id`, else its `…_id` fields together.
pub(crate) fn key_of(item: &Value) -> Option<String> {
    let obj = item.as_object()?;
    if let Some(id) = obj.get("id").and_then(Value::as_str) {
        return Some(id.to_string());
    }
    let parts: Vec<String> =
        obj.iter().filter(|(k, _)| k.ends_with("_id")).filter_map(|(k, v)| v.as_str().map(|v| format!("{k}={v}"))).collect();
    (!parts.is_empty()).then(|| parts.join("&"))
}

/// The value at `path`, if there is one.
pub(crate) fn get<'a>(root: &'a Value, path: &[Step]) -> Option<&'a Value> {
    path.iter().try_fold(root, |at, step| match (step, at) {
        (Step::Field(f), Value::Object(o)) => o.get(f),
        (Step::Item(k), Value::Array(a)) => a.iter().find(|v| key_of(v).as_deref() == Some(k.as_str())),
        _ => None,
    })
}

pub(crate) fn get_mut<'a>(root: &'a mut Value, path: &[Step]) -> Option<&'a mut Value> {
    path.iter().try_fold(root, |at, step| match (step, at) {
        (Step::Field(f), Value::Object(o)) => o.get_mut(f),
        (Step::Item(k), Value::Array(a)) => a.iter_mut().find(|v| key_of(v).as_deref() == Some(k.as_str())),
        _ => None,
    })
}

/// Put `value` at `path` (`None` removes it; an item not there is
/// appended). False when the place's parent is not there.
pub(crate) fn set(root: &mut Value, path: &[Step], value: Option<Value>) -> bool {
    let Some((last, parents)) = path.split_last() else {
        if let Some(v) = value {
            *root = v;
        }
        return true;
    };
    let Some(at) = get_mut(root, parents) else { return false };
    match (last, at, value) {
        (Step::Field(f), Value::Object(o), Some(v)) => {
            o.insert(f.clone(), v);
        }
        (Step::Field(f), Value::Object(o), None) => {
            o.remove(f);
        }
        (Step::Item(k), Value::Array(a), v) => {
            let i = a.iter().position(|x| key_of(x).as_deref() == Some(k.as_str()));
            match (i, v) {
                (Some(i), Some(v)) => a[i] = v,
                (Some(i), None) => {
                    a.remove(i);
                }
                (None, Some(v)) => a.push(v),
                (None, None) => {}
            }
        }
        _ => return false,
    }
    true
}

/// Put the items of the list at `path` in the order of `keys` (items not
/// named keep their order, after them).
fn reorder(root: &mut Value, path: &[Step], keys: &[String]) -> bool {
    let Some(Value::Array(list)) = get_mut(root, path) else { return false };
    let rank: std::collections::HashMap<&str, usize> = keys.iter().enumerate().map(|(i, k)| (k.as_str(), i)).collect();
    // A stable sort: unnamed items (rank past the end) keep their order.
    list.sort_by_key(|v| key_of(v).and_then(|k| rank.get(k.as_str()).copied()).unwrap_or(usize::MAX));
    true
}
