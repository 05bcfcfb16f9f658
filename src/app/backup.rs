//! Whole-library backup: one file holding every plan, and how each plan in a
//! backup stands against the copy in this browser when it is restored.
//!
//! A backup file is `{"format": "jsp-planner/library", "version": 1,
//! "created_at": …, "plans": [plan file, …]}`, each element a whole plan file
//! (docs/FILE_FORMAT.md). Each plan is read by the plan importer on its own,
//! so older plan versions migrate and one damaged plan does not stop the rest.

use serde_json::Value;

use crate::common::json::Envelope;
use crate::plan::file::{self, ImportError};
use crate::plan::model::Plan;

/// The value of the `format` field of a backup file.
pub const FORMAT: &str = "jsp-planner/library";
/// The backup version this build writes and reads.
pub const VERSION: u64 = 1;
/// A backup holds every plan, so it may be larger than one plan file (every
/// plan of a browser's local storage fits well within this).
pub const MAX_BYTES: usize = 32 * 1024 * 1024;

/// Write a backup of `plans`, made at `now`.
pub fn write(plans: &[Plan], now: &str) -> String {
    write_with(plans, &[], now)
}

/// Write a backup of `plans` and of the maturity assessments whose files
/// (as stored: `crate::assessment::export_compact`) are `assessments`. The
/// `assessments` list is left out when there are none, so a backup of plans
/// alone reads as before.
pub fn write_with(plans: &[Plan], assessments: &[&str], now: &str) -> String {
    // Each plan through the plan file writer (one serializer in the wasm).
    let files: Vec<String> = plans.iter().map(file::export_compact).collect();
    let created = serde_json::to_string(now).unwrap_or_else(|_| "\"\"".into());
    let assessments = match assessments {
        [] => String::new(),
        list => format!(",\"assessments\":[{}]", list.join(",")),
    };
    format!("{{\"format\":\"{FORMAT}\",\"version\":{VERSION},\"created_at\":{created},\"plans\":[{}]{assessments}}}", files.join(","))
}

/// The maturity assessment files in a backup, as JSON texts to import one
/// by one (each is checked as any assessment file is); none when unreadable.
pub fn assessment_files(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = file::decode_text(bytes) else { return Vec::new() };
    let Ok(value) = serde_json::from_str::<Value>(&text) else { return Vec::new() };
    value.get("assessments").and_then(Value::as_array).map(|list| list.iter().map(Value::to_string).collect()).unwrap_or_default()
}

/// Whether `bytes` are a backup file (rather than a plan file): its text is
/// an object whose `format` is the backup format.
pub fn is_backup(bytes: &[u8]) -> bool {
    #[derive(serde::Deserialize)]
    struct Header {
        format: Option<Value>,
    }
    let Ok(text) = file::decode_text(bytes) else { return false };
    let text: &str = &text;
    text.trim_start().starts_with('{')
        && serde_json::from_str::<Header>(text).is_ok_and(|h| h.format.as_ref().and_then(Value::as_str) == Some(FORMAT))
}

/// One plan of a backup: read, or why not (its 1-based place in the file).
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub position: usize,
    pub plan: Result<Plan, ImportError>,
}

/// Read a backup file. A problem with the file as a whole is an error; a
/// problem with one plan is that entry's error.
pub fn read(bytes: &[u8]) -> Result<Vec<Entry>, ImportError> {
    read_with(bytes, Some(file::check_revisions))
}

/// [`read`], with the check of each plan's revision history given (the
/// app's editor part holds it; `None` when it could not be downloaded, and
/// a plan with revisions is then refused).
pub fn read_with(bytes: &[u8], check: Option<file::RevisionCheck>) -> Result<Vec<Entry>, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::File(Envelope::TooLarge { size: bytes.len() }));
    }
    let text = file::decode_text(bytes)?;
    let value: Value = serde_json::from_str(&text).map_err(|e| file::json_error(e, &text))?;
    match value.get("version") {
        Some(v) if v.as_u64() == Some(VERSION) || v.as_f64() == Some(VERSION as f64) => {}
        Some(v) if v.as_u64().is_some_and(|n| n > VERSION) => {
            return Err(ImportError::BadBackup(format!(
                "it is a backup of version {v}, newer than this version of JSP Planner reads (up to {VERSION}); open it in a newer version"
            )))
        }
        _ => return Err(ImportError::BadBackup("its “version” is not a backup version".into())),
    }
    let Some(plans) = value.get("plans").and_then(Value::as_array) else {
        return Err(ImportError::BadBackup("it has no list of “plans”".into()));
    };
    Ok(plans.iter().enumerate().map(|(i, file)| Entry { position: i + 1, plan: import_checked(file, check) }).collect())
}

fn import_checked(file: &Value, check: Option<file::RevisionCheck>) -> Result<Plan, ImportError> {
    let plan = file::import_plan(file.to_string().as_bytes())?.plan;
    match check {
        _ if plan.revisions.is_empty() => Ok(plan),
        Some(check) => check(&plan).map(|()| plan),
        None => Err(ImportError::NotChecked),
    }
}

/// How a plan in a backup stands against the copy in this browser.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Not in this browser.
    New,
    /// The same plan, to the letter.
    Identical,
    /// Edited after the copy here.
    Newer,
    /// The copy here was edited after it.
    Older,
    /// Different, with the same time of last edit.
    Different,
}

impl Standing {
    pub fn of(incoming: &Plan, stored: Option<&Plan>) -> Standing {
        let Some(stored) = stored else { return Standing::New };
        if incoming == stored {
            return Standing::Identical;
        }
        // RFC 3339 times in UTC, as the app writes them, order as text.
        match incoming.updated_at.cmp(&stored.updated_at) {
            std::cmp::Ordering::Greater => Standing::Newer,
            std::cmp::Ordering::Less => Standing::Older,
            std::cmp::Ordering::Equal => Standing::Different,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Standing::New => "New: not in this browser",
            Standing::Identical => "Identical to the copy here",
            Standing::Newer => "Newer than the copy here",
            Standing::Older => "Older than the copy here",
            Standing::Different => "Different from the copy here",
        }
    }

    /// Whether restoring it is offered ticked: what adds or updates, never
    /// what would put back an older version over newer work.
    pub fn restore_by_default(self) -> bool {
        matches!(self, Standing::New | Standing::Newer)
    }

    /// Whether restoring would change anything at all.
    pub fn changes_something(self) -> bool {
        self != Standing::Identical
    }
}

/// Whether to remind the user to back up: some plan was edited after the
/// last backup or export that covers it (or, never covered, after it was
/// created), and that was at least `days` days before `now`. Each plan is
/// `(created_at, updated_at, covered_at)`, times in RFC 3339.
pub fn reminder_due<'a>(plans: impl IntoIterator<Item = (&'a str, &'a str, Option<&'a str>)>, now: &str, days: i64) -> bool {
    plans.into_iter().any(|(created_at, updated_at, covered_at)| {
        let since = covered_at.unwrap_or(created_at);
        updated_at > since && days_between(since, now).is_some_and(|d| d >= days)
    })
}

/// Whole calendar days from the date of `a` to the date of `b` (RFC 3339 times, dates in UTC).
pub fn days_between(a: &str, b: &str) -> Option<i64> {
    Some(day_number(b)? - day_number(a)?)
}

/// Days since 1970-01-01 of the date an RFC 3339 time starts with.
fn day_number(time: &str) -> Option<i64> {
    let date = time.get(..10)?;
    let mut parts = date.split('-');
    let (y, m, d): (i64, i64, i64) = (parts.next()?.parse().ok()?, parts.next()?.parse().ok()?, parts.next()?.parse().ok()?);
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
        return None;
    }
    // Howard Hinnant's days_from_civil.
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}
