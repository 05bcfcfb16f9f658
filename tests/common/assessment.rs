//! Maturity-assessment fixtures shared by tests/assessment/{document, edit,
//! report}.rs (as `common::assessment`).

use jsp_planner::assessment::Assessment;

/// The clock the assessment fixtures are created at.
pub const NOW: &str = "2026-03-02T09:00:00.000Z";

/// Why `design.transfer` is not applicable in the scored fixtures.
pub const TRANSFER_REASON: &str = "We make software only; nothing goes to a factory.";

/// A new assessment: every framework activity, nothing scored, no roadmap.
pub fn blank() -> Assessment {
    Assessment::new("as-2026".into(), "Product security maturity 2026".into(), "Acme Medical".into(), "2026-03-02".into(), NOW.into())
}

/// Set a framework activity's current and target levels.
pub fn set(a: &mut Assessment, id: &str, current: Option<u8>, target: Option<u8>) {
    let e = a.entry_mut(id).expect("a framework activity");
    e.current = current;
    e.target = target;
}

/// The answers both files' `sample()` start from: five activities scored
/// (gaps of 1, 3, 2 and 3, and one met), `design.transfer` not applicable
/// (for `TRANSFER_REASON`), an owner and evidence on `concept.a2`. The
/// roadmap is left to each file.
pub fn score_workshop(a: &mut Assessment) {
    set(a, "concept.a1", Some(2), Some(3));
    set(a, "concept.a2", Some(1), Some(4));
    set(a, "concept.a3", Some(3), Some(3));
    set(a, "maintenance.patching", Some(1), Some(3));
    set(a, "transparency.sbom", Some(0), Some(3));
    let e = a.entry_mut("design.transfer").unwrap();
    e.not_applicable = Some(TRANSFER_REASON.into());
    e.current = Some(0);
    let e = a.entry_mut("concept.a2").unwrap();
    e.owner = "Head of product management".into();
    e.evidence = "Workshop notes, 2025 user needs review".into();
}
