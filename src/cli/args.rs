//! The commands and their options, as clap reads them; `--help` is made
//! from the comments here.

use std::path::PathBuf;

use clap::builder::{PossibleValue, PossibleValuesParser};
use clap::{Parser, Subcommand, ValueEnum};

/// Check, report, merge and compare JSP Planner plan and maturity
/// assessment files: in shared folders, in CI and as git's merge and diff
/// drivers. Every command reads plans and assessments alike, telling them
/// apart by the file's content.
#[derive(Debug, Parser)]
#[command(name = "jsp-planner", version, about, long_about, arg_required_else_help = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check files and list what each still lacks.
    ///
    /// A plan's gaps are the dashboard's: what each Concept Phase
    /// deliverable still lacks, and the breaks in traceability and risk
    /// acceptance. An assessment's gaps are the activities not yet scored
    /// and the maturity gaps no milestone closes.
    ///
    /// Exit status: 0 when every file is valid and has no gaps, 1 when some
    /// file has gaps, 2 when some file cannot be read as a valid plan or
    /// assessment.
    Check {
        /// The plan or assessment files.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Print one JSON object for machines instead of words.
        #[arg(long)]
        json: bool,
    },
    /// Write a report or export of a plan or an assessment.
    ///
    /// The same report as the app's "Report and exports": Markdown, Word, and
    /// a plan's CSV tables. Without -o, text goes to standard output.
    Report {
        /// The plan or assessment file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// What to write.
        #[arg(long, short, value_name = "FORMAT", value_parser = formats())]
        format: String,
        /// Where to write it ("-" or nothing: standard output; a Word document needs a file).
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// An earlier assessment file: an assessment's report then shows the progress since it.
        #[arg(long, value_name = "FILE")]
        baseline: Option<PathBuf>,
    },
    /// Three-way merge of two copies of a plan or an assessment, as the app's "Merge…".
    ///
    /// Writes the merge into OURS. A change made on one side only applies by
    /// itself. When some field was changed differently on both sides, OURS
    /// keeps our value there (the file still opens in the app), a report of
    /// each such field with both values is written beside it
    /// (PATH.conflicts.md, or OURS.conflicts.md), and the exit status is 1.
    /// On an error nothing is written and the exit status is 2.
    ///
    /// As git's merge driver: merge.jsp-planner.driver = "jsp-planner merge %O %A %B %P".
    Merge {
        /// The common ancestor (git's %O); an empty file when there is none.
        #[arg(value_name = "BASE")]
        base: PathBuf,
        /// Our copy (git's %A): the merge is written here.
        #[arg(value_name = "OURS")]
        ours: PathBuf,
        /// Their copy (git's %B).
        #[arg(value_name = "THEIRS")]
        theirs: PathBuf,
        /// The file's path in the repository (git's %P): the conflict report goes beside it.
        #[arg(value_name = "PATH")]
        path: Option<PathBuf>,
    },
    /// The changes from one version of a plan or assessment to another, in words, per section.
    ///
    /// Takes two files, or the seven arguments git gives an external diff
    /// (path old-file old-hex old-mode new-file new-hex new-mode):
    /// diff.jsp-planner.command = "jsp-planner diff". Exit status 0 whether
    /// or not they differ (git stops at any other), 2 on an error.
    Diff {
        /// A B, or git's seven arguments.
        #[arg(value_name = "FILE", num_args = 2.., required = true, allow_hyphen_values = true)]
        args: Vec<PathBuf>,
    },
    /// Print the JSON Schema of the plan or the assessment file format.
    ///
    /// The schemas shipped in public/ are these:
    /// `jsp-planner schema plan > public/jsp-plan.schema.json`.
    Schema {
        /// Which file format.
        #[arg(value_enum)]
        kind: SchemaKind,
        /// Where to write it ("-" or nothing: standard output).
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Bring a file to the current format version, as the app reads it.
    ///
    /// Writes the file in place, or to OUT with -o. A file already at the
    /// current version is left as it is (with -o, it is written there).
    Migrate {
        /// The plan or assessment file.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Where to write the migrated file (default: FILE itself).
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SchemaKind {
    /// The plan file, jsp-planner/plan.
    Plan,
    /// The maturity assessment file, jsp-planner/assessment.
    Assessment,
}

/// The report formats by name, from the one list in `report`.
fn formats() -> PossibleValuesParser {
    PossibleValuesParser::new(super::report::FORMATS.iter().map(|f| PossibleValue::new(f.name).help(f.about)))
}
