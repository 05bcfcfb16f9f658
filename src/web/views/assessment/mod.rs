//! The page of one maturity assessment: score every activity of the JSP,
//! see the heatmap, chart and gaps, plan the roadmap, compare with an
//! earlier assessment, and print or download the report.
//!
//! Every change goes through the open assessment's one edit path
//! (`web::state::assessment::OpenAssessment`): these views hold no editing logic
//! and mint no ids; a refused edit shows the domain's sentence, beside the
//! field or as a notice. What the page shows in tables (heatmap, scores,
//! gaps, roadmap, progress) is the report's own parts
//! (`assessment::report::document`), so the screen, print, Markdown and
//! Word say the same.
//!
//! - this file: the entry point, the page's context and its frame.
//! - `header`: name, organisation, date, undo and redo, the save line and
//!   the conflict with another tab.
//! - `scoring`: the scoring editor, one table per component, with its keys.
//! - `summary`: heatmap (brief on the projector), chart (inline SVG) with
//!   its table, gaps.
//! - `roadmap`: phases and milestones.
//! - `baseline`: the comparison with an earlier assessment file.
//! - `outputs`: print, Markdown, CSV, Word, the assessment file.
//! - `workshop`: on the projector, the slim bar that steps through the
//!   page one part at a time (each component's scoring, then the heatmap,
//!   the scores, roadmap, progress and outputs), as the plan's sections are stepped.

mod baseline;
mod header;
mod milestones;
mod outputs;
mod roadmap;
mod scoring;
mod summary;
mod workshop;

use leptos::prelude::*;

use crate::app::shortcuts::Shortcut;
use crate::assessment::{Assessment, COMPONENTS};
use crate::report::{Document, PartKey};
use crate::web::display::display;
use crate::web::state::assessment::{open_assessment, OpenAssessment};
use crate::web::state::NoticeKind;
use crate::web::views::app;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::report_view::set_page_footer;

/// What the page's parts share besides the open assessment
/// (`open_assessment()`): the baseline it is compared with (kept on this
/// page only: the file has no place for it), its report, built once per
/// change for every part that shows it, and the part a workshop is on.
#[derive(Clone, Copy)]
struct Page {
    baseline: RwSignal<Option<Assessment>>,
    report: Memo<Document>,
    step: RwSignal<usize>,
}

/// The parts after the components' scoring, by their titles: the workshop
/// steps through them and the page's navigation links to them.
const PARTS: [(&str, &str); 5] = [
    ("assessment-heatmap", "Heatmap"),
    ("assessment-summary", "Scores, chart and gaps"),
    ("assessment-roadmap", "Roadmap"),
    ("assessment-baseline", "Progress"),
    ("assessment-outputs", "Report and downloads"),
];

/// Each component's scoring, then each of [`PARTS`].
fn step_count() -> usize {
    COMPONENTS.len() + PARTS.len()
}

fn step_title(step: usize) -> &'static str {
    COMPONENTS.get(step).map_or_else(|| PARTS[step - COMPONENTS.len()].1, |c| c.name)
}

/// Whether step `at` is out of sight: in workshop mode only the step the
/// room is on shows; at a desk the whole page does.
fn off_step(at: usize) -> impl Fn() -> bool + Copy + Send + Sync + 'static {
    let (workshop, step) = (display().workshop, page().step);
    move || workshop.get() && step.get() != at
}

/// One of [`PARTS`], the step after the components' numbered `at`.
#[component]
fn Stop(at: usize, children: Children) -> impl IntoView {
    let step = COMPONENTS.len() + at;
    view! { <div class="assessment-stop" data-step=step class:off-step=off_step(step)>{children()}</div> }
}

fn page() -> Page {
    expect_context::<Page>()
}

/// The page of assessment `id`, or why it cannot be shown.
pub fn draw(id: String) -> AnyView {
    match OpenAssessment::load(&id) {
        Ok(open) => view! { <AssessmentPage open/> }.into_any(),
        Err(why) => {
            // Its stored text stays as it is; it can be kept as a file to put right.
            let key = crate::web::storage::assessment_key(&id);
            let stored = crate::web::storage::raw(&key).is_some();
            view! {
                <div class="assessment-missing">
                    <h1>"The assessment cannot be opened"</h1>
                    <p role="alert">{why}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| app().close_assessment()>"Back to the list"</button>
                        <Show when=move || stored>
                            <button type="button" on:click={
                                let key = key.clone();
                                move |_| app().download_unreadable(&key)
                            }>"Download raw text"</button>
                        </Show>
                    </div>
                </div>
            }
            .into_any()
        }
    }
}

#[component]
fn AssessmentPage(open: OpenAssessment) -> impl IntoView {
    provide_context(open);
    let baseline = RwSignal::new(None::<Assessment>);
    let doc = open.doc;
    let report = Memo::new(move |_| doc.with(|a| baseline.with(|b| crate::assessment::report::document(a, b.as_ref()))));
    // Every printed page names the assessment, as the plan's report does.
    Effect::new(move |_| set_page_footer(Some(report.with(|d| d.properties.footer.clone()))));
    on_cleanup(|| set_page_footer(None));
    let step = RwSignal::new(0);
    provide_context(Page { baseline, report, step });
    install_listeners(open, step);
    opened(open);
    workshop::follow_the_room(step);
    view! {
        <div class="assessment-page">
            <workshop::WorkshopBar/>
            <header::Header/>
            <nav class="assessment-nav" aria-label="Parts of the assessment">
                <a href="#assessment-scoring">"Scoring"</a>
                {PARTS.map(|(id, title)| view! { <a href=format!("#{id}")>{title}</a> }).collect_view()}
            </nav>
            <scoring::Scoring/>
            <Stop at=0><summary::Heatmap/></Stop>
            <Stop at=1><summary::Summary/></Stop>
            <Stop at=2><roadmap::Roadmap/></Stop>
            <Stop at=3><baseline::Baseline/></Stop>
            <Stop at=4><outputs::Outputs/></Stop>
            <outputs::Printed/>
        </div>
    }
}

/// The address names the assessment (Back, Forward and reload come back to
/// it), and the page opens at its top with focus on its title, or at the part
/// its address names (a reload there); not where the list was scrolled to.
fn opened(open: OpenAssessment) {
    let id = open.doc.with_untracked(|a| a.id.clone());
    crate::web::address::assessment_shown(&id);
    let here = id.clone();
    let links = window_event_listener(leptos::ev::hashchange, move |_| crate::web::address::link_followed(true, &here));
    on_cleanup(move || {
        links.remove();
        crate::web::address::assessment_left(&id);
    });
    request_animation_frame(|| {
        use wasm_bindgen::JsCast;
        let Some(doc) = crate::web::browser::document() else { return };
        let hash = doc.location().and_then(|l| l.hash().ok()).unwrap_or_default();
        let part = hash.strip_prefix("#assessment-").and_then(|_| doc.get_element_by_id(&hash[1..]));
        if let Some(part) = part {
            part.scroll_into_view();
            return;
        }
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
        let title = doc.query_selector(".assessment-header h1").ok().flatten().and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(title) = title {
            title.set_tab_index(-1);
            let _ = title.focus();
        }
    });
}

/// Another tab's write to this assessment, undo/redo by the keyboard and,
/// in workshop mode, the next and previous part (the app's own shortcuts
/// act on plans only; the keys are the same table's).
fn install_listeners(open: OpenAssessment, step: RwSignal<usize>) {
    let (app, d) = (app(), display());
    let key = open.doc.with_untracked(|a| crate::web::storage::assessment_key(&a.id));
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if ev.key().as_deref() == Some(key.as_str()) {
            open.check_other_tabs();
        }
    });
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.default_prevented() || ev.is_composing() || app.ui.dialog_open() || d.help.get_untracked() {
            return;
        }
        let workshop = d.workshop.get_untracked();
        let handled = match crate::web::keys::shortcut_of(&ev, workshop) {
            // In a text field the browser's own undo acts on what is being typed
            // (a level list has none: there the assessment's undo acts).
            Some(Shortcut::Undo | Shortcut::Redo) if typing_in(&ev) => false,
            Some(Shortcut::Undo) => {
                open.undo();
                true
            }
            Some(Shortcut::Redo) => {
                open.redo();
                true
            }
            Some(Shortcut::NextSection) if workshop => workshop::go(step, 1),
            Some(Shortcut::PreviousSection) if workshop => workshop::go(step, -1),
            // A part's artefact fits one screen and the editing forms below it
            // (the roadmap's run to 20 screens) are for the desk: the clicker steps.
            Some(Shortcut::PageForward) if workshop => workshop::go(step, 1),
            Some(Shortcut::PageBack) if workshop => workshop::go(step, -1),
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || {
        storage.remove();
        keys.remove();
    });
}

fn typing_in(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let target = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    target.is_some_and(|el| el.tag_name() != "SELECT" && crate::web::browser::is_text_entry(&el))
}

/// One part of the assessment's report, as the report shows it; it is drawn
/// again only when that part changes.
fn report_part(key: PartKey) -> impl IntoView {
    let report = page().report;
    let part = Memo::new(move |_| report.with(|d| d.parts.iter().find(|p| p.key == key).cloned()));
    move || {
        part.get().map(|p| {
            let doc = Document { properties: Default::default(), parts: vec![p] };
            crate::web::views::common::report_view::document_view(&doc)
        })
    }
}

/// Tell the user why an edit was refused; a kept edit says nothing.
fn refused<T>(outcome: Result<Option<T>, String>) {
    if let Err(why) = outcome {
        app().notify(NoticeKind::Error, why);
    }
}

/// A one-line field of the assessment kept as typed: each keystroke is an
/// edit, grouped for undo under the field's id; a refused value stays in the
/// field and the refusal is said under it.
fn typed_field(
    id: String,
    label: &'static str,
    maxlength: usize,
    value: Memo<String>,
    edit: impl Fn(&mut Assessment, &str) -> Result<(), String> + Send + Sync + 'static,
) -> impl IntoView {
    let open = open_assessment();
    let error = FieldError::new();
    let error_id = format!("{id}-error");
    let key = id.clone();
    view! {
        <div class="field compact">
            <label for=id.clone()>{label}</label>
            <input id=id type="text" maxlength=maxlength prop:value=move || value.get()
                aria-invalid=error.invalid() aria-describedby=error_id.clone()
                on:input=move |ev| {
                    let v = event_target_value(&ev);
                    error.show(open.edit_typing(&key, |a| edit(a, &v)));
                }/>
            {error.view(error_id)}
        </div>
    }
}

/// An id for HTML made of an activity id ("concept.a2" gives "concept-a2").
fn html_id(prefix: &str, id: &str) -> String {
    format!("{prefix}-{}", id.replace(|c: char| !c.is_ascii_alphanumeric(), "-"))
}
