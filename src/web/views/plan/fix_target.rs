//! Where a dashboard gap is fixed: the control each `Fix` names, found in the
//! page once its section is drawn, opened if folded away, and focused (which
//! brings it into view).

use std::cell::RefCell;

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use crate::plan::deliverables::{ComponentField, Fix};
use crate::plan::model::ComponentFilter;

thread_local! {
    /// The fix a gap link asked for, taken by the next section change.
    static PENDING: RefCell<Option<Fix>> = const { RefCell::new(None) };
}

/// Remember `fix` for the section change the clicked link is about to cause.
pub fn request(fix: Fix) {
    PENDING.with(|p| *p.borrow_mut() = Some(fix));
}

/// The fix a gap link asked for that no section has taken yet (a long
/// list draws the row it names).
pub fn pending() -> Option<Fix> {
    PENDING.with(|p| p.borrow().clone())
}

/// Forget the requested fix (its section could not be drawn).
pub fn forget() {
    PENDING.with(|p| p.borrow_mut().take());
}

/// Focus the control of the requested fix, if there is one and it is drawn.
/// Returns whether it did, so the caller can fall back to the heading.
pub fn focus_requested() -> bool {
    let Some(fix) = pending() else { return false };
    if super::section_part::opening() && super::section_part::holds(fix.place()) {
        // Its section is still downloading: it is focused once drawn.
        return true;
    }
    PENDING.with(|p| p.borrow_mut().take());
    let Some(el) = control(&fix) else { return false };
    open_folds(&el);
    el.focus().is_ok()
}

/// The open section's body, where a gap's field is looked for.
pub(super) struct SectionBody(Element);

impl SectionBody {
    pub(super) fn find() -> Option<SectionBody> {
        web_sys::window()?.document()?.query_selector(".section-body").ok()?.map(SectionBody)
    }

    /// The first `selector` whose `attr` is `value`. Ids and paths come from
    /// the plan, so they are compared, never put in a selector.
    pub(super) fn with_attr(&self, selector: &str, attr: &str, value: &str) -> Option<Element> {
        let list = self.0.query_selector_all(selector).ok()?;
        (0..list.length())
            .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
            .find(|e| e.get_attribute(attr).as_deref() == Some(value))
    }

    pub(super) fn first(&self, selector: &str) -> Option<Element> {
        self.0.query_selector(selector).ok().flatten()
    }
}

/// The first focusable control for `fix`.
fn control(fix: &Fix) -> Option<HtmlElement> {
    let body = SectionBody::find()?;
    let with_attr = |selector: &str, attr: &str, value: &str| body.with_attr(selector, attr, value);
    let first = |selector: &str| body.first(selector);
    let found = match fix {
        Fix::Text(t) => with_attr("[data-text]", "data-text", t.path()),
        Fix::Scope => first("fieldset.scope input:checked").or_else(|| first("fieldset.scope input")),
        Fix::ImpactQuestions => first("fieldset.cia input, fieldset.cia select"),
        Fix::Grid => first("#zone-grid button"),
        Fix::Accountable(activity) => with_attr("select[data-activity]", "data-activity", activity),
        Fix::NewStakeholder => first("#new-stakeholder"),
        Fix::NewNeed => first("#new-need"),
        Fix::NeedLinks => first(".matrix-region"),
        Fix::UserNeeds => empty_user_need(&body.0).or_else(|| first(".matrix-region")),
        Fix::SbomFormat => first("fieldset.sbom input"),
        Fix::NewRisk => first("#new-risk-asset"),
        // The entry's row: choosing it opens its editor, acceptance included.
        Fix::Risk(id) | Fix::Acceptance(id) => with_attr("button[data-risk]", "data-risk", id),
        Fix::Control(id) => with_attr("input[data-control]", "data-control", id),
        Fix::ProductEndOfSupport => first("#product-end-of-support"),
        // The component's editor, opened by its section (`pending_component`), wherever its row is.
        Fix::Component(_, ComponentField::Support) => first("#component-support"),
        Fix::Component(_, ComponentField::Notes) => first("#component-notes"),
        // The register, filtered by its section (`pending_filter`).
        Fix::Components(_) => first("#component-show"),
    };
    found?.dyn_into::<HtmlElement>().ok()
}

/// The first drawn user-need field still empty.
fn empty_user_need(body: &Element) -> Option<Element> {
    let list = body.query_selector_all(".matrix input.user-need").ok()?;
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlInputElement>().ok())
        .find(|input| input.value().trim().is_empty())
        .map(Into::into)
}

/// Open every `<details>` around `el` (the A.2 stakeholder list folds away in workshop mode).
pub(super) fn open_folds(el: &Element) {
    let mut at = el.parent_element();
    while let Some(e) = at {
        if e.tag_name().eq_ignore_ascii_case("details") {
            let _ = e.set_attribute("open", "");
        }
        at = e.parent_element();
    }
}

/// The component a pending gap link names: its section opens that
/// component's editor, where [`focus_requested`] then finds the field.
pub fn pending_component() -> Option<String> {
    match pending() {
        Some(Fix::Component(id, _)) => Some(id),
        _ => None,
    }
}

/// The filter a pending gap link about many components asks the register to show.
pub fn pending_filter() -> Option<ComponentFilter> {
    match pending() {
        Some(Fix::Components(filter)) => Some(filter),
        _ => None,
    }
}
