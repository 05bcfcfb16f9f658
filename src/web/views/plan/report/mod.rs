//! Report and exports: the whole plan as one document, styled for print
//! ("Save as PDF" gives a clean file with no app chrome), and the Markdown
//! and CSV downloads. What the report says is built by [`crate::report`];
//! this section only shows it (`views::common::report_view`).

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::views::common::repeated_click;

use crate::plan::model::Plan;
use crate::web::state::Output;
use crate::web::views::{app, open_plan};

mod word_export;

use crate::web::views::common::report_view::set_page_footer;

#[component]
pub fn ReportSection() -> impl IntoView {
    let app = app();
    let plan = open_plan().plan;
    // Every printed page's footer names the document (style/main.css reads
    // --page-footer in @page); set through the CSSOM, which the
    // Content-Security-Policy allows, and taken away with the section.
    Effect::new(move |_| set_page_footer(Some(plan.with(crate::plan::export::page_footer))));
    on_cleanup(|| set_page_footer(None));
    // The PDF's title and file name: the document id and the plan's name.
    crate::web::browser::title_while_printing(move || plan.with_untracked(crate::plan::report::print_title));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    view! {
        <section aria-labelledby="report-title" class="report-page">
            <h2 id="report-title">"Report and exports"</h2>
            <div class="report-actions">
                <p class="hint">"Print the report below, or choose “Save as PDF” in the print dialog. The downloads open in wikis and spreadsheets."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                    <button type="button" on:click=move |ev| if !repeated_click(&ev) { app.download_output(Output::Markdown) }>"Download Markdown"</button>
                    <word_export::WordExport/>
                    <button type="button" on:click=move |ev| if !repeated_click(&ev) { app.download_output(Output::RegisterCsv) }>"Download risk register (CSV)"</button>
                    <button type="button" on:click=move |ev| if !repeated_click(&ev) { app.download_output(Output::MatrixCsv) }>"Download needs matrix (CSV)"</button>
                    // The component register's, also in its section; the writer downloads on demand.
                    <super::components::sbom::Downloads/>
                </div>
            </div>
            <DocumentFields/>
            <Preview plan/>
        </section>
    }
}

/// The document control fields the printed cover and every page's footer show.
#[component]
fn DocumentFields() -> impl IntoView {
    use crate::plan::model::DocumentControl;
    let field = |id: &'static str,
                 label: &'static str,
                 placeholder: &'static str,
                 get: fn(&DocumentControl) -> &String,
                 set: fn(&mut DocumentControl, String)| {
        let value = crate::web::views::common::derive(move |p| get(&p.document).clone());
        let error = crate::web::views::common::field::FieldError::new();
        let error_id = format!("{id}-error");
        view! {
            <div class="field compact">
                <label for=id>{label}</label>
                <input id=id type="text" maxlength=MAX_NAME_LEN placeholder=placeholder prop:value=move || value.get()
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| set(&mut p.document, v)); }/>
                {error.view(error_id)}
            </div>
        }
    };
    view! {
        <fieldset class="document-control">
            <legend>"Document control"</legend>
            <p class="hint">"Shown on the cover and at the foot of every printed page. The attendees are listed under “Who is in the room”."</p>
            <div class="document-fields">
                {field("doc-id", "Document id", "e.g. SMP-0042", |d| &d.document_id, |d, v| d.document_id = v)}
                {field("doc-revision", "Revision", "e.g. A", |d| &d.revision, |d, v| d.revision = v)}
                {field("doc-author", "Author", "Name and role", |d| &d.author, |d, v| d.author = v)}
                {field("doc-dates", "Workshop dates", "e.g. 2026-11-24, 2026-11-26", |d| &d.workshop_dates, |d, v| d.workshop_dates = v)}
            </div>
        </fieldset>
    }
}

/// The preview: the whole plan report, as it prints. Built when the section
/// opens; after an edit (typing the document id) its cover is built again
/// at once and the rest once the typing pauses, and only the parts that changed are drawn again (see
/// `report_view::parts_view`; long tables draw as they are scrolled to).
#[component]
fn Preview(plan: RwSignal<Plan>) -> impl IntoView {
    use crate::report::PartKey;
    use crate::web::views::common::report_view::{parts_view, renumber};
    use std::time::Duration;
    let build = |p: &Plan| crate::plan::report::build(p, &p.revisions(), crate::plan::report::ALL_PARTS).parts;
    let parts = RwSignal::new(renumber(&[], plan.with_untracked(build)));
    let pending = StoredValue::new_local(None::<TimeoutHandle>);
    Effect::new(move |seen: Option<()>| {
        plan.track();
        if seen.is_none() {
            return;
        }
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
        // The cover (what the document fields change) at once, so that a
        // print straight after typing shows it; the rest once typing pauses.
        let cover = plan.with_untracked(|p| crate::plan::report::build(p, &p.revisions(), &[PartKey::Cover]).parts);
        parts.update(|last| {
            if let (Some(first), Some(cover)) = (last.first_mut(), cover.into_iter().next()) {
                if *first.1 != cover {
                    *first = renumber(&[], vec![cover]).remove(0);
                }
            }
        });
        let later = set_timeout_with_handle(
            move || {
                let Some(next) = plan.try_with_untracked(build) else { return };
                parts.try_update(|last| *last = renumber(last, next));
            },
            REBUILD_AFTER,
        );
        pending.set_value(later.ok());
    });
    on_cleanup(move || {
        if let Some(h) = pending.try_update_value(Option::take).flatten() {
            h.clear();
        }
    });
    const REBUILD_AFTER: Duration = Duration::from_millis(250);
    view! {
        <article class="report" aria-label="Report preview" data-artefact>
            {parts_view(parts.into())}
        </article>
    }
}
