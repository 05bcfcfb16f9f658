//! What the inspector and the buyer read, computed from the plan (issue
//! 27): FDA security control category coverage, premarket readiness, the
//! MDS2 draft and the customer security summary. Native code, no views; the
//! views call these functions and render what they return.
//!
//! The API the views call:
//! - [`coverage::coverage`]`(plan)`: the eight categories in FDA's order,
//!   each a [`coverage::CategoryCoverage`] (its controls, the ids of the
//!   risks they treat, how many are verified, the reason it does not apply,
//!   a [`coverage::CoverageState`]). [`coverage::coverage_gaps`] and
//!   [`coverage::uncategorised`] list what is open as [`Gap`]s;
//!   [`coverage::CoverageCounts::of`] counts them for the dashboard.
//!   Edits: `Plan::set_control_category`, `Plan::set_category_reason`.
//! - [`readiness::readiness`]`(plan)`: every element of FDA's recommended
//!   premarket documentation, in the guidance's order, each a
//!   [`readiness::Element`] (title, parent for the parts of the risk
//!   management report, whether it applies and why, its
//!   [`readiness::State`] by written rules, what in the plan feeds it and
//!   its gaps, each with a [`Target`]). [`readiness::Summary::of`] counts
//!   them for the dashboard. The architecture views are edited with
//!   `Plan::set_view_text` / `Plan::set_view_status`; the cyber device
//!   answer with `Plan::set_cyber_device`.
//! - [`mds2::questions`]: the MDS2 sections and our question set;
//!   [`mds2::draft`]`(plan)`: every question with its answer (drafted from
//!   the plan, or the team's), its source and status; [`mds2::report`]
//!   (a report-model document: print, Markdown, Word) and [`mds2::csv`]
//!   (rows to paste into NEMA's workbook). Edits: [`mds2::set_answer`],
//!   [`mds2::set_note`], [`mds2::confirm`], `Plan::reset_mds2`.
//! - [`summary::report`]`(plan)`: the customer security summary, a
//!   report-model document with the document control block.
//! - [`report::build`]`(plan, report::ALL_PARTS)`: readiness, coverage and
//!   the architecture views as one printable document (document control
//!   block first); a view may take some of its parts.
//!
//! A gap's [`Target`] says what to open: a field of the plan's existing
//! sections ([`Target::Plan`], the dashboard's [`Fix`]) or one of the
//! premarket places, which the premarket views show.

pub mod coverage;
pub mod mds2;
pub mod readiness;
pub mod report;
pub mod summary;

use crate::plan::deliverables::Fix;
use crate::plan::model::{SecurityCategory, ViewKind};
use crate::plan::sections::Section;

/// Where a premarket gap is fixed, or a feeding item lives: a gap link
/// opens it and puts the focus on the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// A field of the plan's sections, as the dashboard's gaps name them.
    Plan(Fix),
    /// A.1's cyber device answer (section 524B).
    CyberDevice,
    /// A.1's planned end of support of the product.
    EndOfSupport,
    /// The input that adds a risk control (controls and traceability).
    NewControl,
    /// The categories of the control with this id (controls and traceability).
    ControlCategories(String),
    /// The component register.
    Components,
    /// The component with this id in the register.
    Component(String),
    /// The coverage view as a whole.
    Coverage,
    /// The category's row of the coverage view: its reason it does not apply.
    CategoryReason(SecurityCategory),
    /// An architecture view's row of the checklist.
    View(ViewKind),
    /// The MDS2 question with this id.
    Mds2(String),
}

impl Target {
    /// The existing section that shows it, or `None` for the places only
    /// the premarket and component views show.
    pub fn section(&self) -> Option<Section> {
        match self {
            Target::Plan(fix) => Some(fix.place()),
            Target::CyberDevice | Target::EndOfSupport => Some(Section::Project),
            Target::NewControl | Target::ControlCategories(_) => Some(Section::Traceability),
            Target::Components
            | Target::Component(_)
            | Target::Coverage
            | Target::CategoryReason(_)
            | Target::View(_)
            | Target::Mds2(_) => None,
        }
    }
}

/// Something still to do, in words, and where to do it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    pub text: String,
    pub target: Target,
}

impl From<crate::plan::deliverables::Gap> for Gap {
    fn from(g: crate::plan::deliverables::Gap) -> Gap {
        Gap { text: g.text, target: Target::Plan(g.fix) }
    }
}

fn filled(s: &str) -> bool {
    !s.trim().is_empty()
}
