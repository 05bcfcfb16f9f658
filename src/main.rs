//! Entry point. In the browser it mounts the app; natively it is the
//! command-line tool (`src/cli`): `jsp-planner --help`.

#[cfg(target_arch = "wasm32")]
fn main() {
    jsp_planner::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    jsp_planner::cli::main()
}
