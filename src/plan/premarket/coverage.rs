//! Category coverage: per FDA security control category, the controls in
//! it, the risks they treat and how far they are verified. A category with
//! no control is a gap unless the team has recorded why it does not apply.

use super::{Gap, Target};
use crate::plan::model::{Control, ControlStatus, Plan, SecurityCategory};

/// Where one category stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CoverageState {
    /// No control and no reason: a gap.
    Gap,
    /// No control, and the team has recorded why it does not apply.
    NotApplicable,
    /// Controls, none of them verified yet.
    NotVerified,
    /// Controls, some verified.
    PartlyVerified,
    /// Controls, all verified.
    Verified,
}

impl CoverageState {
    pub fn label(self) -> &'static str {
        match self {
            CoverageState::Gap => "Gap",
            CoverageState::NotApplicable => "Does not apply",
            CoverageState::NotVerified => "Not verified",
            CoverageState::PartlyVerified => "Partly verified",
            CoverageState::Verified => "Verified",
        }
    }
}

/// One row of the coverage view.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryCoverage<'a> {
    pub category: SecurityCategory,
    /// The controls in this category, in the plan's order.
    pub controls: Vec<&'a Control>,
    /// The ids of the risks those controls treat, in register order.
    pub risks: Vec<&'a str>,
    /// How many of the controls are verified.
    pub verified: usize,
    /// Why it does not apply, when recorded (not blank).
    pub reason: Option<&'a str>,
    pub state: CoverageState,
}

impl CategoryCoverage<'_> {
    pub fn is_gap(&self) -> bool {
        self.state == CoverageState::Gap
    }

    /// "2 of 3 verified", "no control", "does not apply".
    pub fn verification(&self) -> String {
        match self.state {
            CoverageState::Gap => "No control".into(),
            CoverageState::NotApplicable => "Does not apply".into(),
            _ => format!("{} of {} verified", self.verified, self.controls.len()),
        }
    }
}

/// The eight categories in FDA's order, each with its coverage.
pub fn coverage(plan: &Plan) -> Vec<CategoryCoverage<'_>> {
    SecurityCategory::ALL.into_iter().map(|c| category_coverage(plan, c)).collect()
}

/// One category's coverage.
pub fn category_coverage(plan: &Plan, category: SecurityCategory) -> CategoryCoverage<'_> {
    let controls: Vec<&Control> = plan.controls.iter().filter(|c| c.categories.contains(&category)).collect();
    // One look-up per link: a register of 4,000 entries and 400 controls.
    let ids: std::collections::HashSet<&str> = controls.iter().map(|c| c.id.as_str()).collect();
    let risks = plan.risks.iter().filter(|r| r.control_ids.iter().any(|id| ids.contains(id.as_str()))).map(|r| r.id.as_str()).collect();
    let verified = controls.iter().filter(|c| c.status == ControlStatus::Verified).count();
    let reason = Some(plan.premarket.not_applicable.get(category).as_str()).filter(|r| !r.trim().is_empty());
    let state = match (controls.len(), verified, reason) {
        (0, _, None) => CoverageState::Gap,
        (0, _, Some(_)) => CoverageState::NotApplicable,
        (_, 0, _) => CoverageState::NotVerified,
        (n, v, _) if v < n => CoverageState::PartlyVerified,
        _ => CoverageState::Verified,
    };
    CategoryCoverage { category, controls, risks, verified, reason, state }
}

/// The categories left open, each a gap linking to where its reason is
/// recorded (the coverage view's row, which also lists the controls to
/// categorise).
pub fn coverage_gaps(plan: &Plan) -> Vec<Gap> {
    coverage(plan)
        .into_iter()
        .filter(CategoryCoverage::is_gap)
        .map(|c| Gap {
            text: format!("No control is in “{}”: categorise a control, or record why it does not apply.", c.category.label()),
            target: Target::CategoryReason(c.category),
        })
        .collect()
}

/// The controls that carry no category yet, each a gap linking to its categories.
pub fn uncategorised(plan: &Plan) -> Vec<Gap> {
    plan.controls
        .iter()
        .filter(|c| c.categories.is_empty())
        .map(|c| Gap {
            text: format!("Control {} has no security control category.", c.id),
            target: Target::ControlCategories(c.id.clone()),
        })
        .collect()
}

/// How the eight categories stand, for the dashboard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct CoverageCounts {
    /// Categories with controls.
    pub covered: usize,
    /// Of those, the ones whose controls are all verified.
    pub verified: usize,
    /// Categories ruled out with a reason.
    pub not_applicable: usize,
    pub gaps: usize,
}

impl CoverageCounts {
    pub fn of(rows: &[CategoryCoverage<'_>]) -> CoverageCounts {
        let mut c = CoverageCounts::default();
        for r in rows {
            match r.state {
                CoverageState::Gap => c.gaps += 1,
                CoverageState::NotApplicable => c.not_applicable += 1,
                CoverageState::Verified => {
                    c.covered += 1;
                    c.verified += 1;
                }
                CoverageState::NotVerified | CoverageState::PartlyVerified => c.covered += 1,
            }
        }
        c
    }

    /// "5 of 8 categories covered (2 verified), 1 does not apply, 2 gaps."
    pub fn line(&self) -> String {
        let total = self.covered + self.not_applicable + self.gaps;
        let mut line = format!("{} of {total} categories covered ({} verified)", self.covered, self.verified);
        if self.not_applicable > 0 {
            line.push_str(&format!(", {} {} not apply", self.not_applicable, if self.not_applicable == 1 { "does" } else { "do" }));
        }
        line.push_str(&match self.gaps {
            0 => ", no gap.".to_string(),
            1 => ", 1 gap.".to_string(),
            n => format!(", {n} gaps."),
        });
        line
    }
}
