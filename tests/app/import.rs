//! What an import says before and after the user chooses: how the file's
//! copy stands against the one stored here, and why storing it failed.

use crate::common::sample_plan;
use jsp_planner::app::backup::Standing;
use jsp_planner::app::decide::{import_comparison, import_too_big_for_storage, import_too_large};

#[test]
fn the_dialog_says_identical_or_which_copy_is_newer_and_when_each_was_edited() {
    let here = sample_plan();
    let file_time = "24/11/2026, 09:30:00";
    let yours = "22/11/2026, 10:00:00";
    assert_eq!(
        import_comparison(Standing::of(&here, Some(&here)), yours, yours),
        "The file’s copy is identical to yours (last edited 22/11/2026, 10:00:00): importing it changes nothing."
    );
    let mut newer = here.clone();
    newer.updated_at = "2026-11-24T09:30:00Z".into();
    newer.name.push_str(" edited");
    assert_eq!(
        import_comparison(Standing::of(&newer, Some(&here)), file_time, yours),
        "The file’s copy is newer: it was last edited 24/11/2026, 09:30:00, yours 22/11/2026, 10:00:00."
    );
    assert_eq!(
        import_comparison(Standing::of(&here, Some(&newer)), yours, file_time),
        "Your copy is newer: it was last edited 24/11/2026, 09:30:00, the file’s 22/11/2026, 10:00:00."
    );
    let mut same_time = here.clone();
    same_time.name.push_str(" elsewhere");
    assert_eq!(
        import_comparison(Standing::of(&same_time, Some(&here)), yours, yours),
        "The copies differ, though both were last edited 22/11/2026, 10:00:00."
    );
}

#[test]
fn a_full_storage_says_the_file_was_not_imported_and_the_room_needed_and_free() {
    const MB: usize = 1024 * 1024;
    let words = import_too_big_for_storage(8 * MB, Some(2 * MB + MB / 10));
    assert_eq!(
        words,
        "Browser storage is full, so the file was not imported. It needs about 8 MB of storage and about 2.1 MB is free. \
         Export plans you no longer need to files and delete them here, then import it again."
    );
    assert!(!words.contains("latest changes"), "nothing was being edited");
    // A browser that keeps less than the estimate knows: the write failed, so less is free.
    let words = import_too_big_for_storage(3 * MB, Some(4 * MB));
    assert!(words.contains("It needs about 3 MB of storage, more than is free."), "{words}");
    assert!(!words.contains("4 MB"), "{words}");
}

#[test]
fn a_plan_too_large_to_keep_is_refused_as_an_import_not_a_change() {
    let words = import_too_large(4_194_320);
    assert_eq!(
        words,
        "The file was not imported: kept in this browser, its plan would take 4,194,320 bytes, more than the 4,194,304 bytes (4 MB) \
         a plan can hold. Make the plan smaller where it was written, then import it again."
    );
    assert!(!words.contains("change"), "an import is not a change: {words}");
}
