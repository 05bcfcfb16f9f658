//! Ids and names of items and documents: what an id may be, minting the next
//! numbered id or a fresh random one, names kept short and unique, and
//! moving an item of a list by its id.

use super::rules::{MAX_ID_LEN, MAX_NAME_LEN};

/// Whether `s` can be an id: 1 to [`MAX_ID_LEN`] letters, digits, hyphens or underscores.
pub fn is_id(s: &str) -> bool {
    !s.is_empty() && s.len() <= MAX_ID_LEN && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

/// The number after the highest one in ids written `prefix` + number (so a
/// removed item's id is not given to the next one): 1 when there is none.
pub fn next_number<'a>(ids: impl Iterator<Item = &'a str>, prefix: &str) -> u32 {
    ids.filter_map(|id| id.strip_prefix(prefix)?.parse::<u32>().ok()).max().unwrap_or(0).saturating_add(1)
}

/// A fresh id from caller-supplied entropy (the browser's crypto in the app,
/// fixed values in tests): `prefix` followed by 16 hex digits.
pub fn new_id(prefix: &str, entropy: u64) -> String {
    format!("{prefix}-{entropy:016x}")
}

/// Trim and bound a name typed by the user; `None` if nothing is left.
pub fn clean_name(raw: &str) -> Option<String> {
    let name: String = raw.trim().chars().take(MAX_NAME_LEN).collect();
    (!name.is_empty()).then_some(name)
}

/// The default name of a copy: "Copy of <name>", bounded in length.
pub fn copy_name(name: &str) -> String {
    clean_name(&format!("Copy of {name}")).unwrap_or_else(|| "Copy".into())
}

/// A name not already taken by `existing`: "Name", then "Name (2)", "Name (3)"...
pub fn unique_name<'a>(name: &str, existing: impl Iterator<Item = &'a str> + Clone) -> String {
    if !existing.clone().any(|n| n == name) {
        return name.to_owned();
    }
    (2..).map(|i| format!("{name} ({i})")).find(|candidate| !existing.clone().any(|n| n == candidate)).expect("an unused name exists")
}

/// Anything with a stable id, so lists can be reordered by id.
pub trait Identified {
    fn id(&self) -> &str;
}

/// Move the item with `id` one place up (`-1`) or down (`+1`); false if it cannot move.
pub fn move_by<T: Identified>(items: &mut [T], id: &str, delta: isize) -> bool {
    let Some(i) = items.iter().position(|x| x.id() == id) else { return false };
    let Some(j) = i.checked_add_signed(delta).filter(|j| *j < items.len()) else { return false };
    items.swap(i, j);
    true
}
