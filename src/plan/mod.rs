//! The product plan: its model (A.1, A.2, A.3, criteria, register, RACI),
//! the rules it keeps, its file format, what it produces (deliverables,
//! traceability, report, exports) and its versions (diff, compare, merge).

pub mod capture;
pub mod deliverables;
pub mod edit;
pub mod export;
pub mod file;
pub mod model;
pub mod premarket;
pub mod presets;
pub mod repair;
pub mod report;
pub mod risk;
pub mod rules;
pub mod sbom;
pub mod sections;
pub mod trace;
pub mod versions;
