//! Prints the assessment file's JSON Schema, so the shipped copy can be
//! regenerated natively (the binary's `main` prints the plan's):
//! `cargo run --quiet --example assessment_schema > public/jsp-assessment.schema.json`.
//! `tests/assessment.rs` fails when the shipped copy is stale.

fn main() {
    println!("{}", jsp_planner::assessment::schema_json());
}
