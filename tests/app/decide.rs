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

// ----- several tabs writing one document ---------------------------------

#[test]
fn the_list_of_writes_names_each_text_and_the_one_it_was_made_from() {
    let (a, b) = (text_hash("plan one"), text_hash("plan two"));
    assert_ne!(a, b);
    assert_eq!(a, text_hash("plan one"), "the same text has the same hash in every tab");
    let list = lineage_add(None, b, a);
    assert_eq!(lineage_read(&list), vec![(b, a)]);
    // Writing the same text again replaces its line; the list keeps the newest lines only.
    let mut list = lineage_add(Some(&list), b, 7);
    assert_eq!(lineage_read(&list), vec![(b, 7)]);
    for n in 0..(LINEAGE_LINES as u64 + 5) {
        list = lineage_add(Some(&list), 100 + n, 99 + n);
    }
    let lines = lineage_read(&list);
    assert_eq!(lines.len(), LINEAGE_LINES);
    assert_eq!(lines.last(), Some(&(100 + LINEAGE_LINES as u64 + 4, 99 + LINEAGE_LINES as u64 + 4)));
    // Lines another version cannot read are skipped, not fatal.
    assert_eq!(lineage_read("garbage\n00000000000000ff 0000000000000001\n"), vec![(255, 1)]);
}

fn facts(moved_on: bool, unwritten: bool, own_in_stored: bool, builds_on_stored: bool) -> SyncFacts {
    SyncFacts { gone: false, moved_on, unwritten, own_in_stored, builds_on_stored }
}

#[test]
fn a_tab_in_step_with_storage_writes_its_edits_or_nothing() {
    assert_eq!(sync_step(facts(false, true, true, false)), SyncStep::Write);
    assert_eq!(sync_step(facts(false, false, true, false)), SyncStep::Nothing);
    // Cleared in this very tab: written again only if there is something to write.
    assert_eq!(sync_step(SyncFacts { gone: true, ..facts(false, true, false, false) }), SyncStep::Write);
    assert_eq!(sync_step(SyncFacts { gone: true, ..facts(false, false, true, false) }), SyncStep::Nothing);
}

#[test]
fn a_tab_takes_a_newer_version_only_when_it_loses_nothing() {
    // Nothing of this tab's in what it last saw, and no edits waiting: take theirs.
    assert_eq!(sync_step(facts(true, false, false, false)), SyncStep::Follow);
    // This tab wrote the last text, and the newer one was made from it: take theirs.
    assert_eq!(sync_step(facts(true, false, true, true)), SyncStep::Follow);
    // This tab wrote the last text but the newer one was made from an older
    // one (that tab had not seen this tab's write): taking it would lose this tab's edit.
    assert_eq!(sync_step(facts(true, false, true, false)), SyncStep::Merge);
    // Edits waiting: always merged onto the newer version, never dropped.
    assert_eq!(sync_step(facts(true, true, false, true)), SyncStep::Merge);
    assert_eq!(sync_step(facts(true, true, true, false)), SyncStep::Merge);
}

#[test]
fn a_merge_is_written_only_when_it_adds_something() {
    assert_eq!(after_merge(true, false), Merged::Ask);
    assert_eq!(after_merge(true, true), Merged::Ask);
    // Writing a merge equal to what is stored would make the other tab merge again: never.
    assert_eq!(after_merge(false, true), Merged::Follow);
    assert_eq!(after_merge(false, false), Merged::Write);
}

#[test]
fn a_merge_starts_from_where_both_versions_meet() {
    // 1 <- 2 <- 3: text 3 was made from 2, made from 1.
    let parent = |h: u64| match h {
        3 => Some(2),
        2 => Some(1),
        _ => None,
    };
    assert_eq!(ancestors(3, parent), vec![2, 1]);
    assert_eq!(ancestors(1, parent), Vec::<u64>::new());
    // A loop (only a hash collision could make one) ends the walk.
    assert_eq!(ancestors(5, |h| Some(if h == 5 { 6 } else { 5 })), vec![6]);

    // Made from what this tab last saw (even two writes back): merge from it.
    assert_eq!(merge_base(&[2, 1], 1, &[], true), Base::Stored);
    // Written without a record: what this tab last saw is the best guess.
    assert_eq!(merge_base(&[], 9, &[8], true), Base::Stored);
    // This tab wrote 4 (made from 1); the newer text 3 was made from 2, made
    // from 1, so it lacks this tab's write: merge from 1, not from 4 (which
    // would take the newer text's old values as deliberate changes).
    assert_eq!(merge_base(&[2, 1], 4, &[1], true), Base::Ancestor(1));
    // Nothing in common that this tab knows of.
    assert_eq!(merge_base(&[2, 1], 4, &[7], true), Base::Lost);
    assert_eq!(merge_base(&[2, 1], 4, &[7], false), Base::Stored);
}
