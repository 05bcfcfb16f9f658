//! A plan linked to a file on disk (`app::linked`): what the file on disk
//! means for the plan here, what the app offers in each state, and its words.

use crate::common::sample_plan;
use jsp_planner::app::linked::*;
use jsp_planner::common::words::isolate;
use jsp_planner::plan::file;
use jsp_planner::plan::model::PlanText;
use jsp_planner::plan::versions::merge::merge_onto;

const NAME: &str = "pump.jsp-plan.json";

#[test]
fn the_file_holding_what_was_last_written_is_in_step() {
    let plan = sample_plan();
    let written = file::export_for_file(&plan);
    assert_eq!(on_disk(written.as_bytes(), &written, &plan, NAME), Disk::InStep);
}

#[test]
fn another_text_of_the_same_plan_needs_no_merge() {
    // Saved again elsewhere in the compact layout (or with other line endings): the same plan.
    let plan = sample_plan();
    let written = file::export_for_file(&plan);
    let compact = file::export_compact(&plan);
    assert_eq!(on_disk(compact.as_bytes(), &written, &plan, NAME), Disk::SameAsOurs);
}

#[test]
fn a_change_on_disk_is_offered_as_a_merge_that_keeps_both_sides_changes() {
    let base = sample_plan();
    let written = file::export_for_file(&base);
    // Here: the product renamed. On disk (a colleague, a git pull): the summary written.
    let mut ours = base.clone();
    ours.set_text(PlanText::Product, "Infusion pump, model B".into());
    let mut theirs = base.clone();
    theirs.set_text(PlanText::Summary, "Dose updates over the air".into());
    let disk = file::export_for_file(&theirs);
    let Disk::Changed(found) = on_disk(disk.as_bytes(), &written, &ours, NAME) else { panic!("expected a change on disk") };
    assert_eq!(*found, theirs);
    // The merge the app offers: from the last write, the plan here as ours, the disk's as theirs.
    let merge = merge_onto(&file::plan_json(written.as_bytes()).unwrap(), &ours, &found);
    assert!(merge.conflicts.is_empty());
    let merged = merge.resolve(&[]).unwrap().plan;
    assert_eq!(merged.project.product, "Infusion pump, model B");
    assert_eq!(merged.project.description, "Dose updates over the air");
}

#[test]
fn a_broken_file_on_disk_is_refused_in_words_and_changes_nothing() {
    let plan = sample_plan();
    let written = file::export_for_file(&plan);
    // A git merge left its conflict markers in the file.
    let broken = format!("<<<<<<< HEAD\n{written}=======\n{written}>>>>>>> theirs\n");
    let Disk::Refused(words) = on_disk(broken.as_bytes(), &written, &plan, NAME) else { panic!("expected a refusal") };
    assert!(words.starts_with(&format!("{} on disk cannot be read as this plan. ", isolate(NAME))), "{words}");
    assert!(words.ends_with("Nothing was changed here, and the file is not written until you choose."), "{words}");
    let Disk::Refused(words) = on_disk(b"", &written, &plan, NAME) else { panic!("expected a refusal") };
    assert!(words.contains("cannot be read as this plan"), "{words}");
}

#[test]
fn a_file_that_now_holds_another_plan_is_refused() {
    let plan = sample_plan();
    let written = file::export_for_file(&plan);
    let mut other = sample_plan();
    other.id = "plan-00000000000000ff".into();
    other.name = "Ventilator 2.0".into();
    let Disk::Refused(words) = on_disk(file::export_for_file(&other).as_bytes(), &written, &plan, NAME) else {
        panic!("expected a refusal")
    };
    assert_eq!(
        words,
        format!(
            "{} on disk now holds another plan, “{}”. Nothing was changed here, and the file is not written until you choose.",
            isolate(NAME),
            isolate("Ventilator 2.0")
        )
    );
}

#[test]
fn the_file_is_read_again_only_when_its_time_or_size_moved() {
    assert!(may_have_changed(None, (1.0, 10.0)));
    assert!(!may_have_changed(Some((1.0, 10.0)), (1.0, 10.0)));
    assert!(may_have_changed(Some((1.0, 10.0)), (2.0, 10.0)));
    assert!(may_have_changed(Some((1.0, 10.0)), (1.0, 11.0)));
}

#[test]
fn failed_writes_say_why_in_words_and_that_nothing_is_lost() {
    let name = isolate(NAME);
    let tail = "Your edits are safe in this browser; try again, or unlink the file.";
    assert_eq!(
        failure(NAME, false, "NotAllowedError", "The request is not allowed"),
        format!("{name} could not be written: the browser no longer allows the app to use it. {tail}")
    );
    assert_eq!(
        failure(NAME, true, "NotFoundError", "A requested file could not be found"),
        format!("{name} could not be read: the file is gone (moved, renamed or deleted). {tail}")
    );
    assert_eq!(failure(NAME, false, "QuotaExceededError", ""), format!("{name} could not be written: the disk is full. {tail}"));
    assert_eq!(
        failure(NAME, false, "UnknownError", "Disk I/O failed."),
        format!("{name} could not be written: the browser said: Disk I/O failed. {tail}")
    );
    assert_eq!(failure(NAME, false, "", " "), format!("{name} could not be written: the browser did not say why. {tail}"));
}

#[test]
fn each_state_has_its_line_and_its_buttons() {
    let name = isolate(NAME);
    assert_eq!(status_line(NAME, &Status::NeedsPermission), format!("Linked to {name} — allow writing again"));
    assert_eq!(status_line(NAME, &Status::InStep), format!("Linked to {name}: every saved change is written there too."));
    assert!(status_line(NAME, &Status::Changed).starts_with(&format!("{name} changed on disk since this app last wrote it.")));
    assert_eq!(status_line(NAME, &Status::Failed("Why.".into())), "Why.");
    assert_eq!(actions(&Status::InStep), &[Action::Unlink]);
    assert_eq!(actions(&Status::NeedsPermission), &[Action::Allow, Action::Unlink]);
    assert_eq!(actions(&Status::Failed(String::new())), &[Action::Retry, Action::Unlink]);
    assert_eq!(actions(&Status::Changed), &[Action::Merge, Action::WriteOver, Action::Unlink]);
    assert_eq!(actions(&Status::Refused(String::new())), &[Action::CheckAgain, Action::WriteOver, Action::Unlink]);
    assert_eq!(Action::Allow.label(), "Allow writing again");
    assert!(!needs_attention(&Status::InStep));
    assert!(needs_attention(&Status::NeedsPermission));
}

#[test]
fn saved_edits_reach_the_file_only_while_it_is_in_step_or_a_write_may_work_again() {
    assert!(writes(&Status::InStep));
    assert!(writes(&Status::Failed("x".into())));
    // Edits stay in the browser's storage until the user acts.
    assert!(!writes(&Status::NeedsPermission));
    assert!(!writes(&Status::Changed));
    assert!(!writes(&Status::Refused("x".into())));
}

#[test]
fn where_the_browser_cannot_the_words_point_to_export_and_import() {
    assert_eq!(NO_FILE_API, "Saving to a file on disk needs Chrome or Edge; use Export and Import here.");
    assert!(NO_FILE_API_OPEN.contains("use Import here"));
}
