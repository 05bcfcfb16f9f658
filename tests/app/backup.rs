//! Whole-library backup: the file round-trips every plan, each plan is read
//! on its own, and each stands against the copy here as it should.

use crate::common::{sample_plan, NOW};
use jsp_planner::app::backup::{self, days_between, reminder_due, Standing};
use jsp_planner::common::json::Envelope;
use jsp_planner::plan::file::{self, ImportError};
use jsp_planner::plan::model::Plan;

fn two_plans() -> Vec<Plan> {
    let a = sample_plan();
    let mut b = sample_plan();
    b.id = "plan-0000000000000002".into();
    b.name = "Insulin pump “4.0”\n".trim().into();
    vec![a, b]
}

#[test]
fn a_backup_round_trips_every_plan() {
    let plans = two_plans();
    let text = backup::write(&plans, NOW);
    assert!(backup::is_backup(text.as_bytes()));
    let entries = backup::read(text.as_bytes()).expect("a backup we wrote reads");
    let read: Vec<Plan> = entries.into_iter().map(|e| e.plan.expect("each plan reads")).collect();
    assert_eq!(read, plans);
    // A plan file is not a backup, and a backup is not a plan file.
    assert!(!backup::is_backup(file::export_pretty(&plans[0]).as_bytes()));
    assert!(matches!(file::import(text.as_bytes()), Err(ImportError::File(Envelope::WrongFormat { .. }))));
}

#[test]
fn an_empty_library_backs_up_and_restores_nothing() {
    let text = backup::write(&[], NOW);
    assert_eq!(backup::read(text.as_bytes()).unwrap(), []);
}

#[test]
fn one_damaged_plan_does_not_stop_the_others() {
    let plans = two_plans();
    let text = backup::write(&plans, NOW);
    // Break the first plan's name (a plan name must not be empty).
    let broken = text.replacen(&format!("\"name\":\"{}\"", plans[0].name), "\"name\":\"\"", 1);
    assert_ne!(broken, text);
    let entries = backup::read(broken.as_bytes()).unwrap();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0].position, 1);
    let why = entries[0].plan.as_ref().unwrap_err().to_string();
    assert!(why.contains("Plan name must not be empty"), "{why}");
    assert_eq!(entries[1].plan.as_ref().unwrap(), &plans[1]);
}

#[test]
fn older_plan_versions_in_a_backup_migrate() {
    let v1 = std::fs::read_to_string("tests/fixtures/v1/full-plan.jsp-plan.json").expect("version-1 fixture");
    let text = format!("{{\"format\":\"jsp-planner/library\",\"version\":1,\"created_at\":\"{NOW}\",\"plans\":[{v1}]}}");
    let entries = backup::read(text.as_bytes()).unwrap();
    assert!(entries[0].plan.is_ok(), "{:?}", entries[0].plan);
}

#[test]
fn whole_file_problems_are_said_once() {
    let newer = format!("{{\"format\":\"jsp-planner/library\",\"version\":7,\"created_at\":\"{NOW}\",\"plans\":[]}}");
    let why = backup::read(newer.as_bytes()).unwrap_err().to_string();
    assert!(why.contains("version 7") && why.contains("newer"), "{why}");
    assert!(why.starts_with("It is a backup of version 7") && !why.contains("not a plan file"), "{why}");
    let no_list = "{\"format\":\"jsp-planner/library\",\"version\":1}";
    assert_eq!(backup::read(no_list.as_bytes()).unwrap_err().to_string(), "It has no list of “plans”.");
    assert!(matches!(backup::read(b"{\"format\":\"jsp-planner/library\","), Err(ImportError::File(Envelope::NotJson { line: 1, .. }))));
    let huge = vec![b' '; backup::MAX_BYTES + 1];
    assert!(matches!(backup::read(&huge), Err(ImportError::File(Envelope::TooLarge { .. }))));
}

#[test]
fn each_plan_stands_against_the_copy_here() {
    let here = sample_plan();
    let mut newer = here.clone();
    newer.name = "Renamed".into();
    newer.updated_at = "2026-11-23T09:00:00.000Z".into();
    let mut older = here.clone();
    older.name = "Old name".into();
    older.updated_at = "2026-11-01T09:00:00.000Z".into();
    let mut same_time = here.clone();
    same_time.name = "Same time, other text".into();
    assert_eq!(Standing::of(&here, None), Standing::New);
    assert_eq!(Standing::of(&here, Some(&here)), Standing::Identical);
    assert_eq!(Standing::of(&newer, Some(&here)), Standing::Newer);
    assert_eq!(Standing::of(&older, Some(&here)), Standing::Older);
    assert_eq!(Standing::of(&same_time, Some(&here)), Standing::Different);
    // Offered ticked: only what adds or updates.
    let ticked: Vec<Standing> = [Standing::New, Standing::Identical, Standing::Newer, Standing::Older, Standing::Different]
        .into_iter()
        .filter(|s| s.restore_by_default())
        .collect();
    assert_eq!(ticked, [Standing::New, Standing::Newer]);
    assert!(!Standing::Identical.changes_something());
}

#[test]
fn the_reminder_comes_after_days_of_unsaved_edits() {
    let now = "2026-11-24T10:00:00.000Z";
    assert_eq!(days_between("2026-11-20T23:59:00.000Z", now), Some(4));
    assert_eq!(days_between("2025-12-31T00:00:00.000Z", "2026-01-01T00:00:00.000Z"), Some(1));
    assert_eq!(days_between("2024-02-28T00:00:00.000Z", "2024-03-01T00:00:00.000Z"), Some(2), "leap year");
    assert_eq!(days_between("not a time", now), None);
    // Edited since its backup 5 days ago: remind.
    assert!(reminder_due([("2026-11-01T00:00:00Z", "2026-11-23T00:00:00Z", Some("2026-11-19T00:00:00Z"))], now, 3));
    // Backed up after the last edit: nothing to remind.
    assert!(!reminder_due([("2026-11-01T00:00:00Z", "2026-11-18T00:00:00Z", Some("2026-11-19T00:00:00Z"))], now, 3));
    // Never backed up, created a week ago and edited since: remind.
    assert!(reminder_due([("2026-11-17T00:00:00Z", "2026-11-24T09:00:00Z", None)], now, 3));
    // Created today: too soon to nag.
    assert!(!reminder_due([("2026-11-24T08:00:00Z", "2026-11-24T09:00:00Z", None)], now, 3));
    assert!(!reminder_due([], now, 3));
}

/// Maturity assessments travel in the backup beside the plans, as their own
/// files; a backup of plans alone has no `assessments` list at all.
#[test]
fn assessments_travel_in_the_backup_as_their_files() {
    use jsp_planner::assessment;
    let a = assessment::edit::create("assessment-1".into(), "Maturity 2026", "Acme", "2026-11-24", NOW).unwrap();
    let file = assessment::export_compact(&a);
    let text = backup::write_with(&[sample_plan()], &[file.as_str()], NOW);
    assert_eq!(backup::read(text.as_bytes()).unwrap().len(), 1, "the plans read as before");
    let files = backup::assessment_files(text.as_bytes());
    assert_eq!(files.len(), 1);
    assert_eq!(assessment::import(files[0].as_bytes()).unwrap(), a);
    let plans_only = backup::write(&[sample_plan()], NOW);
    assert!(!plans_only.contains("\"assessments\""));
    assert!(backup::assessment_files(plans_only.as_bytes()).is_empty());
}
