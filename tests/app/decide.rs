//! The decisions about other tabs, saves, imports and notices.

use jsp_planner::app::decide::*;
use jsp_planner::common::words::isolate;

const PREFIX: &str = "jsp-planner/plan/";
const KEY: &str = "jsp-planner/plan/p1";

fn open(stored: Option<&'static str>, saved: bool) -> Option<OpenPlan<'static>> {
    Some(OpenPlan { key: KEY, stored, saved })
}

fn event(key: Option<&'static str>, old_value: Option<&'static str>, new_value: Option<&'static str>) -> StorageEvent<'static> {
    StorageEvent { key, old_value, new_value }
}

#[test]
fn other_keys_and_other_plans() {
    assert_eq!(
        storage_event(event(Some("jsp-planner/pref/theme"), None, Some("dark")), PREFIX, open(Some("a"), true)),
        StorageAction::Ignore
    );
    assert_eq!(
        storage_event(event(Some("jsp-planner/plan/p2"), None, Some("x")), PREFIX, open(Some("a"), true)),
        StorageAction::RefreshList
    );
    assert_eq!(storage_event(event(Some(KEY), None, Some("x")), PREFIX, None), StorageAction::RefreshList);
}

#[test]
fn a_tab_without_edits_of_its_own_follows() {
    assert_eq!(storage_event(event(Some(KEY), Some("a"), Some("b")), PREFIX, open(Some("a"), true)), StorageAction::Follow);
}

#[test]
fn a_tab_with_unsaved_or_diverged_edits_gets_a_conflict() {
    // This tab saved "c" but the other tab wrote over "a": both changed the plan.
    assert_eq!(storage_event(event(Some(KEY), Some("a"), Some("b")), PREFIX, open(Some("c"), true)), StorageAction::Conflict);
    // This tab has edits that storage refused: following would lose them.
    assert_eq!(storage_event(event(Some(KEY), Some("a"), Some("b")), PREFIX, open(Some("a"), false)), StorageAction::Conflict);
}

#[test]
fn our_own_text_echoed_back_changes_nothing() {
    assert_eq!(storage_event(event(Some(KEY), Some("z"), Some("a")), PREFIX, open(Some("a"), true)), StorageAction::RefreshList);
}

#[test]
fn deleted_or_cleared_elsewhere_is_reported_as_deleted() {
    assert_eq!(storage_event(event(Some(KEY), Some("a"), None), PREFIX, open(Some("a"), true)), StorageAction::Deleted);
    assert_eq!(storage_event(event(None, None, None), PREFIX, open(Some("a"), true)), StorageAction::Deleted);
    assert_eq!(storage_event(event(None, None, None), PREFIX, None), StorageAction::RefreshList);
}

#[test]
fn saves_write_only_over_what_this_tab_saw() {
    assert_eq!(save_check(Some("a"), Some("a")), SaveCheck::Write);
    assert_eq!(save_check::<str>(None, None), SaveCheck::Write);
    assert_eq!(save_check(Some("a"), Some("b")), SaveCheck::Conflict);
    assert_eq!(save_check(None, Some("b")), SaveCheck::Conflict);
    assert_eq!(save_check(Some("a"), None), SaveCheck::Recreate);
}

#[test]
fn imports_by_what_the_library_holds() {
    assert_eq!(import_action("p1", &["p2"], &[]), ImportAction::Store);
    assert_eq!(import_action("p1", &["p1"], &[]), ImportAction::AskReplaceOrKeepBoth);
    assert_eq!(import_action("p1", &[], &["p1"]), ImportAction::OfferReplaceUnreadable);
}

#[test]
fn errors_stay_and_the_latest_infos_stay() {
    use NoticeKind::*;
    assert_eq!(notices_to_keep(&[Info, Error, Info, Info], Info), vec![1, 2, 3]);
    assert_eq!(notices_to_keep(&[Info, Info, Info], Error), vec![0, 1, 2]);
    assert_eq!(notices_to_keep(&[Error, Error], Info), vec![0, 1]);
    assert_eq!(notices_to_keep(&[Info, Info, Info, Info], Info), vec![2, 3]);
}

#[test]
fn user_text_is_isolated() {
    let name = "evil\u{202e} name";
    let message = format!("Imported {}.", isolate(name));
    assert!(message.contains("\u{2068}evil\u{202e} name\u{2069}."));
}
