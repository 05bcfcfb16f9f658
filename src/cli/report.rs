//! `report FILE --format F [-o OUT]`: the app's own outputs, from the same
//! report model (`crate::report::Document`, built by `plan::report` and
//! `assessment::report`) and the same renderers (Markdown, Word) and CSV
//! writers (`plan::export`, `assessment::export`).
//!
//! [`FORMATS`] is the one list of formats: `--format`'s choices and its
//! help are made from it, so a new output is one line there.

use std::path::Path;

use super::doc::{self, Doc};
use super::errors::{CliError, Exit};
use super::write::Out;
use crate::assessment::{self, Assessment};
use crate::plan::export;
use crate::plan::model::Plan;
use crate::plan::report::{build, ALL_PARTS};
use crate::report::docx;

/// Writes a plan's output.
pub type PlanWriter = fn(&Plan) -> Vec<u8>;
/// Writes an assessment's output; the second is an earlier assessment to
/// show the progress since (`--baseline`).
pub type AssessmentWriter = fn(&Assessment, Option<&Assessment>) -> Vec<u8>;

/// One output: its name on the command line, what it is, and how each kind
/// of document writes it (`None`: that kind has no such output).
pub struct Format {
    pub name: &'static str,
    pub about: &'static str,
    pub plan: Option<PlanWriter>,
    pub assessment: Option<AssessmentWriter>,
    /// A Word document: never to standard output.
    pub binary: bool,
}

/// Every output, in the order `--help` lists them.
pub const FORMATS: &[Format] = &[
    Format {
        name: "md",
        about: "the whole report as Markdown",
        plan: Some(|p| export::plan_markdown(p).into_bytes()),
        assessment: Some(|a, b| assessment::export::assessment_markdown(a, b).into_bytes()),
        binary: false,
    },
    Format {
        name: "docx",
        about: "the whole report as a Word document",
        plan: Some(|p| docx::render(&build(p, &p.revisions(), ALL_PARTS))),
        assessment: Some(|a, b| docx::render(&assessment::report::document(a, b))),
        binary: true,
    },
    Format {
        name: "docx-management-plan",
        about: "the Security Management Plan alone as a Word document (plans)",
        plan: Some(|p| docx::render(&build(p, &p.revisions(), crate::plan::report::MANAGEMENT_PLAN_PARTS))),
        assessment: None,
        binary: true,
    },
    Format {
        name: "csv-register",
        about: "the risk register as CSV (plans)",
        plan: Some(|p| export::register_csv(p).into_bytes()),
        assessment: None,
        binary: false,
    },
    Format {
        name: "csv-needs",
        about: "the stakeholder needs matrix as CSV (plans)",
        plan: Some(|p| export::matrix_csv(p).into_bytes()),
        assessment: None,
        binary: false,
    },
    Format {
        name: "csv-trace",
        about: "the traceability table as CSV (plans)",
        plan: Some(|p| export::trace_csv(p).into_bytes()),
        assessment: None,
        binary: false,
    },
    Format {
        name: "csv-components",
        about: "the third-party component register as CSV (plans)",
        plan: Some(|p| export::components_csv(p).into_bytes()),
        assessment: None,
        binary: false,
    },
    Format {
        name: "sbom-cyclonedx",
        about: "the component register as a CycloneDX 1.6 JSON SBOM with FDA's support properties (plans)",
        plan: Some(|p| crate::plan::sbom::cyclonedx::write(p).into_bytes()),
        assessment: None,
        binary: false,
    },
    Format {
        name: "csv-activities",
        about: "one row per activity as CSV (assessments)",
        plan: None,
        assessment: Some(|a, _| assessment::export::assessment_csv(a).into_bytes()),
        binary: false,
    },
];

pub fn run(file: &Path, format: &str, output: Option<&Path>, baseline: Option<&Path>) -> Result<Exit, CliError> {
    let format = FORMATS.iter().find(|f| f.name == format).expect("clap only lets FORMATS' names through");
    let out = Out::of(output);
    if format.binary && matches!(out, Out::Stdout) {
        return Err(CliError::Refused(format!(
            "“{}” is a Word document, not text: name the file to write with -o, for example -o report.docx. Nothing was written.",
            format.name
        )));
    }
    let document = doc::open(file)?;
    let baseline = match (baseline, &document) {
        (None, _) => None,
        (Some(path), Doc::Assessment { .. }) => match doc::open(path)? {
            Doc::Assessment { assessment, .. } => Some(assessment),
            Doc::Plan { .. } => {
                return Err(refused(&format!("{} is a plan; the baseline of an assessment is an earlier assessment", path.display())))
            }
        },
        (Some(_), Doc::Plan { .. }) => return Err(refused("--baseline is for assessments: a plan's report has no baseline")),
    };
    let bytes = match &document {
        Doc::Plan { plan, .. } => match format.plan {
            Some(write) => write(plan),
            None => return Err(refused(&format!("a plan has no “{}” output ({})", format.name, format.about))),
        },
        Doc::Assessment { assessment, .. } => match format.assessment {
            Some(write) => write(assessment, baseline.as_deref()),
            None => return Err(refused(&format!("an assessment has no “{}” output ({})", format.name, format.about))),
        },
    };
    out.put(&bytes)?;
    Ok(Exit::Clean)
}

fn refused(why: &str) -> CliError {
    CliError::Refused(format!("{}. Nothing was written.", crate::common::words::capitalize(why)))
}
