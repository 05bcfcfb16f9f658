//! The command-line tool, `jsp-planner` (native only; none of it is in the
//! wasm): plan and assessment files checked, reported, merged and compared
//! outside the browser, in shared folders, CI and git (as its merge and diff
//! drivers). Every command reads files with the app's own readers and says
//! what is wrong in the app's own words.
//!
//! One file per command (`check`, `report`, `merge`, `diff`, `schema`,
//! `migrate`); `args` declares them for clap (`--help` comes from there),
//! `doc` reads a file as a plan or an assessment, `errors` says what went
//! wrong and the exit status, `write` writes files whole or not at all.

mod args;
mod check;
mod diff;
mod doc;
mod errors;
mod merge;
mod migrate;
mod report;
mod schema;
mod write;

pub use report::{Format, FORMATS};

use clap::Parser;

use args::{Cli, Command};
use errors::{CliError, Exit};

/// Run the command the process was given; its exit status.
pub fn main() -> std::process::ExitCode {
    let cli = Cli::parse();
    let exit = match run(cli.command) {
        Ok(exit) => exit,
        Err(e) => {
            complain(&e);
            Exit::Failed
        }
    };
    std::process::ExitCode::from(exit as u8)
}

fn run(command: Command) -> Result<Exit, CliError> {
    match command {
        Command::Check { files, json } => Ok(check::run(&files, json)),
        Command::Report { file, format, output, baseline } => report::run(&file, &format, output.as_deref(), baseline.as_deref()),
        Command::Merge { base, ours, theirs, path } => merge::run(&base, &ours, &theirs, path.as_deref()),
        Command::Diff { args } => diff::run(&args),
        Command::Schema { kind, output } => schema::run(kind, output.as_deref()),
        Command::Migrate { file, output } => migrate::run(&file, output.as_deref()),
    }
}

/// An error on standard error, with the detail experts read on a line of its own.
fn complain(e: &CliError) {
    eprintln!("jsp-planner: {e}");
    if let Some(detail) = e.detail() {
        eprintln!("  Detail: {detail}");
    }
}
