//! What the inspector and the buyer ask for (issue 27), drawn from the
//! plan by `plan::premarket`: the security control categories and their
//! coverage, premarket readiness with the architecture views, and (for
//! hospitals and sales) the MDS2 draft and the customer security summary.
//! The three sections live in a part of the app of their own ([`part`]),
//! fetched when one first shows; a control's category boxes, A.1's cyber
//! device answer and the dashboard's summary are drawn by the plan editor.
//! Styles ([`style`]) are added when first shown, so the first screen
//! carries none of them.
//!
//! - [`categories`]: a control's category boxes (in its row of Controls and
//!   traceability) and the coverage view.
//! - [`readiness`]: the readiness view and its dashboard summary;
//!   [`views`]: the architecture views checklist under it.
//! - [`buyers`]: the customer security summary ([`summary`]) and the MDS2
//!   draft ([`mds2`]), with their downloads ([`downloads`]).
//! - [`cyber`]: A.1's cyber device answer.
//! - [`target`]: where a gap link goes and the field it focuses.

pub mod buyers;
pub mod categories;
pub mod cyber;
pub mod downloads;
pub mod mds2;
pub mod readiness;
pub mod style;
pub mod summary;
pub mod target;
pub mod views;

pub use categories::ControlCategories;
pub use cyber::CyberDevice;
pub use readiness::PremarketSummary;

use leptos::prelude::*;

use crate::plan::sections::Section;

/// Draw a premarket section (called from its own part of the app, [`part`]).
/// Draw one of the sections that live in the sections' part (`section_part.rs`).
pub(super) fn draw(section: Section) -> AnyView {
    match section {
        Section::Categories => view! { <categories::CategoriesSection/> }.into_any(),
        Section::Premarket => view! { <readiness::PremarketSection/> }.into_any(),
        // Sections the workshop visits less often ride in this part too, so
        // that the editor's own part (what opening a plan downloads) stays small.
        Section::Components => view! { <super::components::ComponentsSection/> }.into_any(),
        Section::Revisions => view! { <super::revisions::RevisionsSection/> }.into_any(),
        Section::Report => view! { <super::report::ReportSection/> }.into_any(),
        _ => view! { <buyers::BuyersSection/> }.into_any(),
    }
}
