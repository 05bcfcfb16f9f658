//! Where a premarket gap link goes: the section that shows its
//! [`Target`], and the field focused once that section is drawn. A target
//! in the plan's own sections ([`Target::Plan`]) is the dashboard's
//! [`fix_target`](super::super::fix_target); the others (a category's
//! reason, an architecture view, a control's categories, an MDS2 question)
//! are found here, the same way: by a data attribute compared, never put in
//! a selector.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

use super::super::fix_target::SectionBody;

use crate::plan::premarket::{Gap, Target};
use crate::plan::sections::Section;

thread_local! {
    /// The target a link asked for, taken by the next section change.
    static PENDING: RefCell<Option<Target>> = const { RefCell::new(None) };
}

/// The section that shows `target`. The component register has a section
/// of its own once issue 28's lands ("#components"); until then the SBOM
/// approach in A.3 is where components are.
pub fn section(target: &Target) -> Section {
    target.section().unwrap_or(match target {
        Target::Coverage | Target::CategoryReason(_) => Section::Categories,
        Target::View(_) => Section::Premarket,
        Target::Mds2(_) => Section::Buyers,
        _ => Section::from_anchor("components").unwrap_or(Section::Management),
    })
}

/// Remember `target` for the section change the clicked link is about to cause.
pub fn request(target: &Target) {
    match target {
        Target::Plan(fix) => super::super::fix_target::request(fix.clone()),
        other => PENDING.with(|p| *p.borrow_mut() = Some(other.clone())),
    }
}

/// The target a link asked for that no section has taken yet.
pub fn pending() -> Option<Target> {
    PENDING.with(|p| p.borrow().clone())
}

/// Forget the requested target (its section could not be drawn).
pub fn forget() {
    PENDING.with(|p| p.borrow_mut().take());
}

/// Focus the field of the requested target, if there is one and it is
/// drawn; whether it did (else the caller focuses the heading).
pub fn focus_requested() -> bool {
    let Some(target) = pending() else { return false };
    if super::super::section_part::opening() && section_part_holds(section(&target)) {
        // Its section is still downloading: it focuses the field once drawn.
        return true;
    }
    forget();
    let Some(el) = field(&target) else { return false };
    super::super::fix_target::open_folds(&el);
    el.focus().is_ok()
}

/// The first focusable control for `target`.
fn field(target: &Target) -> Option<HtmlElement> {
    let body = SectionBody::find()?;
    let with_attr = |selector: &str, attr: &str, value: &str| body.with_attr(selector, attr, value);
    let first = |selector: &str| body.first(selector);
    let found = match target {
        Target::Plan(_) | Target::Coverage => None,
        Target::CyberDevice => first("fieldset.cyber-device input:checked").or_else(|| first("fieldset.cyber-device input")),
        Target::EndOfSupport => first("#product-end-of-support"),
        Target::NewControl => first("#new-control"),
        Target::ControlCategories(id) => with_attr("input[data-category-of]", "data-category-of", id),
        Target::Components | Target::Component(_) => first("#component-show"),
        Target::CategoryReason(c) => with_attr("textarea[data-category-reason]", "data-category-reason", c.key()),
        Target::View(v) => with_attr("[data-view]", "data-view", v.key()),
        Target::Mds2(q) => with_attr("select[data-mds2]", "data-mds2", q),
    };
    found?.dyn_into::<HtmlElement>().ok()
}

/// A gap as a link to the field that closes it. A link to the section it is
/// in does not change the page, so the field is focused at once.
pub fn gap_link(gap: Gap, here: Section) -> impl IntoView {
    let to = section(&gap.target);
    let target = gap.target;
    view! {
        <a href=format!("#{}", to.anchor()) on:click=move |ev| {
            request(&target);
            if to == here {
                ev.prevent_default();
                if !super::super::fix_target::focus_requested() {
                    focus_requested();
                }
            }
        }>{gap.text}</a>
    }
}

/// A link to what feeds an element, or to any place a [`Target`] names.
pub fn target_link(label: String, target: Target, here: Section) -> impl IntoView {
    gap_link(Gap { text: label, target }, here)
}

/// Whether `section` is drawn from the sections' part (`section_part.rs`).
fn section_part_holds(section: Section) -> bool {
    super::super::section_part::holds(section)
}
