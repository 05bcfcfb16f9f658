//! What the address bar says, so that Back, Forward and reload show it.
//!
//! - The plan list: no hash.
//! - The open plan: its section's anchor (`#a2`); the history entry's state
//!   names the plan (`{"plan": id}`), added when the entry is made by a link
//!   (a section link, N or P) and the plan page sees it.
//! - An open maturity assessment: `#assessment` (or an anchor of its page's
//!   own navigation, `#assessment-roadmap`); the state names it.
//!
//! The pages write the address as they open and close (`plan_shown`,
//! `assessment_shown`, `plan_left`, `assessment_left`); Back and Forward come to [`install`]'s
//! listener, which opens or closes what the entry names. The state outlives
//! a reload, so a reload reopens the assessment (or the plan) it names.

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::state::{AppState, NoticeKind};
use crate::plan::sections::Section;

/// What the current history entry shows.
#[derive(Debug, Clone, PartialEq)]
enum Place {
    List,
    /// A plan's section; the plan's id if the entry's state names it.
    Plan(Option<String>),
    Assessment(Option<String>),
    /// An anchor of neither (the skip link's `#main`): nothing to change.
    Other,
}

const PLAN: &str = "plan";
const ASSESSMENT: &str = "assessment";

fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

fn state_id(state: &JsValue, kind: &str) -> Option<String> {
    js_sys::Reflect::get(state, &kind.into()).ok().and_then(|v| v.as_string())
}

fn place() -> Place {
    let state = web_sys::window().and_then(|w| w.history().ok()).and_then(|h| h.state().ok()).unwrap_or(JsValue::NULL);
    if state.is_object() {
        if let Some(id) = state_id(&state, PLAN) {
            return Place::Plan(Some(id));
        }
        if let Some(id) = state_id(&state, ASSESSMENT) {
            return Place::Assessment(Some(id));
        }
    }
    let hash = hash();
    let anchor = hash.trim_start_matches('#');
    if anchor.is_empty() {
        Place::List
    } else if Section::from_anchor(anchor).is_some() {
        Place::Plan(None)
    } else if anchor == ASSESSMENT || anchor.starts_with("assessment-") {
        Place::Assessment(None)
    } else {
        Place::Other
    }
}

/// The document a reload should reopen, if the address names one: `(true, id)`
/// for an assessment, `(false, id)` for a plan.
pub fn named() -> Option<(bool, String)> {
    match place() {
        Place::Assessment(Some(id)) => Some((true, id)),
        Place::Plan(Some(id)) => Some((false, id)),
        _ => None,
    }
}

/// Write the history entry: a new one (`push`) or this one, naming `kind`
/// `id` (none for the list) at `url` (`None`: the address stays).
fn write(push: bool, named: Option<(&str, &str)>, url: Option<&str>) {
    let Some(history) = web_sys::window().and_then(|w| w.history().ok()) else { return };
    let state = match named {
        Some((kind, id)) => {
            let state = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&state, &kind.into(), &id.into());
            state.into()
        }
        None => JsValue::NULL,
    };
    let _ = if push { history.push_state_with_url(&state, "", url) } else { history.replace_state_with_url(&state, "", url) };
}

/// The address of the plan list: this page without a hash.
fn list_url() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |f: fn(&web_sys::Location) -> Result<String, JsValue>| location.as_ref().and_then(|l| f(l).ok()).unwrap_or_default();
    format!("{}{}", part(web_sys::Location::pathname), part(web_sys::Location::search))
}

/// The plan page of `id` shows: the entry names it; a plan opened from elsewhere gets an entry of its own,
/// at the section showing.
pub fn plan_shown(id: &str, section: Section) {
    match place() {
        Place::Plan(Some(named)) if named == id => {}
        Place::Plan(None) => write(false, Some((PLAN, id)), None),
        _ => write(true, Some((PLAN, id)), Some(&format!("#{}", section.anchor()))),
    }
}

/// A link changed the anchor of the plan page of `id` (or of the page of
/// assessment `id`, with `assessment`): the new entry names it. An entry that
/// already names something is left as it is: Back and Forward reach the
/// pages' listeners too, before `install`'s has closed the page.
pub fn link_followed(assessment: bool, id: &str) {
    match place() {
        Place::Plan(None) if !assessment => write(false, Some((PLAN, id)), None),
        Place::Assessment(None) if assessment => write(false, Some((ASSESSMENT, id)), None),
        _ => {}
    }
}

/// The page of assessment `id` shows.
pub fn assessment_shown(id: &str) {
    match place() {
        Place::Assessment(Some(named)) if named == id => {}
        Place::Assessment(None) => write(false, Some((ASSESSMENT, id)), None),
        _ => write(true, Some((ASSESSMENT, id)), Some("#assessment")),
    }
}

/// The page of plan `id` closed: unless Back or Forward closed it (the
/// address then says where it went), the plan list gets an entry.
pub fn plan_left(id: &str) {
    if matches!(place(), Place::Plan(named) if named.as_deref().is_none_or(|n| n == id)) {
        write(true, None, Some(&list_url()));
    }
}

/// The page of assessment `id` closed (see [`plan_left`]).
pub fn assessment_left(id: &str) {
    if matches!(place(), Place::Assessment(named) if named.as_deref().is_none_or(|n| n == id)) {
        write(true, None, Some(&list_url()));
    }
}

/// Back and Forward: show what the entry names.
pub fn install(app: AppState) {
    let listener = window_event_listener(leptos::ev::popstate, move |_| follow(app));
    on_cleanup(move || listener.remove());
}

fn follow(app: AppState) {
    let plan = app.open_id();
    let assessment = app.assessment.get_untracked();
    match place() {
        Place::List => {
            if plan.is_some() {
                app.close();
            }
            if assessment.is_some() {
                app.close_assessment();
            }
        }
        Place::Plan(Some(id)) if plan.as_deref() != Some(id.as_str()) => {
            if !app.library.contains(&id) {
                app.notify(NoticeKind::Error, "That plan is no longer in this browser.");
                return;
            }
            app.assessment.set(None);
            app.open(&id);
        }
        Place::Assessment(Some(id)) if assessment.as_deref() != Some(id.as_str()) => {
            if app.library.assessment_name(&id).is_none() {
                app.notify(NoticeKind::Error, "That assessment is no longer in this browser.");
                return;
            }
            if plan.is_some() {
                app.close();
            }
            app.open_assessment(&id);
        }
        // A section of a plan no longer open (the entry was made before a
        // reload): the list it shows is what the address says.
        Place::Plan(None) if plan.is_none() => write(false, None, Some(&list_url())),
        _ => {}
    }
}
