//! Native tests of the command-line tool (`src/cli`), run as the built
//! binary: every command's exit status, output and files, and the git
//! drivers in a real repository in a temporary folder (`git.rs`).

#[path = "../common/mod.rs"]
mod common;

mod commands;
mod git;
mod merge;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use jsp_planner::assessment::{self, Assessment};
use jsp_planner::plan::deliverables::status;
use jsp_planner::plan::file;
use jsp_planner::plan::model::*;

/// The binary cargo built for these tests.
pub const BIN: &str = env!("CARGO_BIN_EXE_jsp-planner");

/// The repository's own files (fixtures, shipped schemas).
pub fn repo_file(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// Run the tool in `dir` with `args`.
pub fn run(dir: &Path, args: &[&str]) -> Output {
    Command::new(BIN).current_dir(dir).args(args).output().expect("the tool runs")
}

/// The exit status, standard output and standard error of a run.
pub fn outcome(out: &Output) -> (i32, String, String) {
    (
        out.status.code().expect("exited"),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// A temporary folder, removed when dropped.
pub fn folder() -> tempfile::TempDir {
    tempfile::tempdir().expect("a temporary folder")
}

/// Write a plan file as the app exports it.
pub fn write_plan(path: &Path, plan: &Plan) {
    std::fs::write(path, file::export_pretty(plan)).unwrap();
}

/// Read a plan file back with the app's own reader.
pub fn read_plan(path: &Path) -> Plan {
    file::import(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{} opens in the app: {e}", path.display())).plan
}

/// A plan with nothing missing: no gap in any deliverable, none in traceability.
pub fn complete_plan() -> Plan {
    let mut plan = common::sample_plan();
    plan.project.scope = Some(Scope::NewProduct);
    // Every text but the name and product, which the sample plan has.
    for field in PlanText::ALL.into_iter().filter(|f| !matches!(f, PlanText::Name | PlanText::Product)) {
        plan.set_text(field, format!("Written for {}", field.path()));
    }
    plan.management.sbom.formats = vec![SbomFormat::Cyclonedx];
    // Relevant, not critical: a critical need asks for a risk and a control of its own.
    let links: Vec<(String, String)> = plan.need_links.iter().map(|l| (l.stakeholder_id.clone(), l.need_id.clone())).collect();
    for (stakeholder, need) in links {
        plan.set_relevance(&stakeholder, &need, Some(Relevance::Relevant));
    }
    let needs: Vec<String> = plan.needs.iter().map(|n| n.id.clone()).collect();
    for need in &needs {
        plan.fold_need(need, "UN-1");
    }
    plan.risks[0].residual = Some(Rating { likelihood: 1, severity: 1 });
    let role = plan.roles[0].id.clone();
    plan.raci = plan
        .activities
        .iter()
        .map(|a| RaciAssignment { role_id: role.clone(), activity_id: a.id.clone(), value: Raci::Accountable })
        .collect();
    let open: Vec<String> = status(&plan).rows().flat_map(|d| d.gaps.iter().map(|g| g.text.clone())).collect();
    assert!(open.is_empty(), "the complete plan has gaps: {open:?}");
    plan
}

/// An assessment with two activities scored, one phase and one milestone.
pub fn sample_assessment() -> Assessment {
    let mut a = common::assessment::blank();
    common::assessment::score_workshop(&mut a);
    a.phases.push(assessment::Phase { id: "ph-1".into(), name: "Foundations".into(), goal: "The basics".into() });
    a.milestones.push(assessment::Milestone {
        id: "ms-1".into(),
        name: "Voice of the customer".into(),
        date: "2026-09-30".into(),
        phase_id: Some("ph-1".into()),
        closes: vec!["concept.a2".into()],
    });
    a
}

pub fn write_assessment(path: &Path, a: &Assessment) {
    std::fs::write(path, assessment::export_pretty(a)).unwrap();
}

pub fn read_assessment(path: &Path) -> Assessment {
    assessment::import(&std::fs::read(path).unwrap()).unwrap_or_else(|e| panic!("{} opens in the app: {e}", path.display()))
}

/// Every file in `dir`, by name, sorted.
pub fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().to_string_lossy().into_owned()).collect();
    names.sort();
    names
}
