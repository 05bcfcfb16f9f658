//! Entry point. In the browser it mounts the app; natively it prints the
//! plan file's JSON Schema so `public/jsp-plan.schema.json` can be regenerated:
//! `cargo run --quiet > public/jsp-plan.schema.json`.

#[cfg(target_arch = "wasm32")]
fn main() {
    jsp_planner::web::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    println!("{}", jsp_planner::plan::file::schema_json());
}
