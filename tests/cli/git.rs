//! The tool as git's merge and diff drivers, in a real repository in a
//! temporary folder, configured as the README says (with this build's
//! binary for `jsp-planner`). Git's own global and system settings are
//! kept out; the repository's are set in it alone.

use std::path::Path;
use std::process::Output;

use crate::*;

const FILE: &str = "plans/pump.jsp-plan.json";

/// Run git in `dir`, away from any global or system configuration.
fn git(dir: &Path, args: &[&str]) -> Output {
    std::process::Command::new("git")
        .current_dir(dir)
        .args(args)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("HOME", dir)
        .env_remove("GIT_DIR")
        .env_remove("GIT_WORK_TREE")
        .output()
        .expect("git runs")
}

/// Run git and insist it succeeds; its standard output.
fn ok(dir: &Path, args: &[&str]) -> String {
    let out = git(dir, args);
    assert!(out.status.success(), "git {args:?}: {}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// A repository set up with the README's lines, holding `plan` committed on `main`.
fn repository(plan: &Plan) -> tempfile::TempDir {
    let dir = folder();
    let d = dir.path();
    ok(d, &["-c", "init.defaultBranch=main", "init", "-q"]);
    let bin = format!("'{BIN}'");
    for (key, value) in [
        ("init.defaultBranch", "main".to_string()),
        ("user.name", "Test".into()),
        ("user.email", "test@example.com".into()),
        ("commit.gpgsign", "false".into()),
        // The README's lines, with this build's binary.
        ("merge.jsp-planner.name", "JSP Planner three-way merge".into()),
        ("merge.jsp-planner.driver", format!("{bin} merge %O %A %B %P")),
        ("diff.jsp-planner.command", format!("{bin} diff")),
        ("diff.jsp-planner.textconv", format!("{bin} report --format md")),
    ] {
        ok(d, &["config", key, &value]);
    }
    std::fs::write(d.join(".gitattributes"), include_str!("gitattributes.txt")).unwrap();
    std::fs::create_dir(d.join("plans")).unwrap();
    write_plan(&d.join(FILE), plan);
    ok(d, &["add", "."]);
    ok(d, &["commit", "-q", "-m", "The plan"]);
    dir
}

/// Commit `plan` as the file on `branch` (made from main when new).
fn commit_on(d: &Path, branch: &str, plan: &Plan, new: bool) {
    ok(d, &if new { vec!["checkout", "-q", "-b", branch] } else { vec!["checkout", "-q", branch] });
    write_plan(&d.join(FILE), plan);
    ok(d, &["commit", "-q", "-am", &format!("Edit on {branch}")]);
}

#[test]
fn the_readme_gives_the_lines_these_tests_use() {
    let readme = std::fs::read_to_string(repo_file("README.md")).unwrap();
    assert!(readme.contains(include_str!("gitattributes.txt")), "README's .gitattributes lines are tests/cli/gitattributes.txt");
    for line in [
        r#"git config merge.jsp-planner.name "JSP Planner three-way merge""#,
        r#"git config merge.jsp-planner.driver "jsp-planner merge %O %A %B %P""#,
        r#"git config diff.jsp-planner.command "jsp-planner diff""#,
        r#"git config diff.jsp-planner.textconv "jsp-planner report --format md""#,
    ] {
        assert!(readme.contains(line), "README gives `{line}`, as repository() sets it");
    }
}

#[test]
fn git_merge_runs_our_driver_and_keeps_both_branches_changes() {
    let base = common::sample_plan();
    let dir = repository(&base);
    let d = dir.path();
    // The owner and the status are adjacent lines of the file: git's own
    // line merge would call this a conflict; the plan's merge does not.
    let mut theirs = base.clone();
    theirs.risks[0].status = RiskStatus::Accepted;
    theirs.needs[0].text = "Updates that need no steps at all".into();
    commit_on(d, "theirs", &theirs, true);
    let mut ours = base.clone();
    ours.risks[0].owner = "Firmware team".into();
    commit_on(d, "main", &ours, false);

    let out = git(d, &["merge", "--no-edit", "theirs"]);
    let (code, stdout, stderr) = outcome(&out);
    assert_eq!(code, 0, "{stdout}{stderr}");
    assert!(stderr.contains(&format!("{FILE}: merged (2 changes of theirs taken).")), "our driver ran: {stderr}");
    let merged = read_plan(&d.join(FILE));
    assert_eq!(merged.risks[0].owner, "Firmware team");
    assert_eq!(merged.risks[0].status, RiskStatus::Accepted);
    assert_eq!(merged.needs[0].text, "Updates that need no steps at all");
    assert_eq!(ok(d, &["status", "--porcelain"]), "", "merged and committed, nothing left over");
}

#[test]
fn a_conflicting_change_stops_git_merge_with_our_conflict_report() {
    let base = common::sample_plan();
    let dir = repository(&base);
    let d = dir.path();
    let mut theirs = base.clone();
    theirs.risks[0].owner = "Quality team".into();
    theirs.project.product = "Pump 2".into();
    commit_on(d, "theirs", &theirs, true);
    let mut ours = base.clone();
    ours.risks[0].owner = "Firmware team".into();
    commit_on(d, "main", &ours, false);

    let (code, stdout, stderr) = outcome(&git(d, &["merge", "--no-edit", "theirs"]));
    assert_ne!(code, 0, "the merge stops: {stdout}{stderr}");
    assert!(stdout.contains(&format!("CONFLICT (content): Merge conflict in {FILE}")), "{stdout}");
    let report_name = format!("{FILE}.conflicts.md");
    assert!(stderr.contains(&report_name), "the report is named on stderr: {stderr}");
    let report = std::fs::read_to_string(d.join(&report_name)).unwrap();
    assert!(report.contains(&format!("# Merge conflicts in {FILE}")), "{report}");
    assert!(report.contains("## 1. Risk R-001") && report.contains("owner"), "{report}");
    assert!(report.contains("- Ours (kept): Firmware team") && report.contains("- Theirs: Quality team"), "{report}");
    // The file left in the work tree opens in the app: ours where they conflict, theirs elsewhere.
    let left = read_plan(&d.join(FILE));
    assert_eq!((left.risks[0].owner.as_str(), left.project.product.as_str()), ("Firmware team", "Pump 2"));
    assert!(ok(d, &["status", "--porcelain"]).contains(&format!("UU {FILE}")), "git holds the file as unmerged");
}

#[test]
fn git_diff_and_git_log_show_the_changes_in_words() {
    let base = common::sample_plan();
    let dir = repository(&base);
    let d = dir.path();
    let mut changed = base.clone();
    changed.risks[0].owner = "Quality team".into();
    write_plan(&d.join(FILE), &changed);

    // `git diff`: our words, per section (diff.jsp-planner.command).
    let diff = ok(d, &["diff"]);
    assert!(diff.contains(&format!("{FILE}: plan “Infusion pump 3.2”: 1 change in 1 section.")), "{diff}");
    assert!(diff.contains("Risk register\n  Changed: Risk R-001, owner\n    - Engineering\n    + Quality team"), "{diff}");
    assert!(!diff.contains("\"owner\""), "no JSON: {diff}");

    // `git log -p` and `git show` use the text conversion: the report's Markdown, line by line.
    ok(d, &["commit", "-q", "-am", "New owner"]);
    let log = ok(d, &["log", "-p", "-1"]);
    let added: Vec<&str> = log.lines().filter(|l| l.starts_with('+') && !l.starts_with("+++")).collect();
    assert!(added.iter().any(|l| l.contains("Quality team") && l.contains("R-001")), "{log}");
    assert!(!log.contains("\"owner\""), "no JSON: {log}");
}
