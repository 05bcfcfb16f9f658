//! The customer security summary as it prints, with Print/PDF, Markdown and
//! Word. Printing from this section prints the summary alone (see
//! [`super::style`]), its title naming the PDF.

use leptos::prelude::*;

use super::downloads::{self, Format};
use crate::plan::premarket::summary;
use crate::web::views::common::derive;
use crate::web::views::common::report_view::{document_view, set_page_footer};
use crate::web::views::open_plan;

/// The PDF's title and file name: the document id, then the summary's title.
fn print_title(p: &crate::plan::model::Plan) -> String {
    let title =
        format!("{}: {}", summary::TITLE, if p.project.product.trim().is_empty() { p.name.trim() } else { p.project.product.trim() });
    let words = [p.document.document_id.trim(), title.as_str()];
    words.iter().filter(|w| !w.is_empty()).copied().collect::<Vec<_>>().join(" ").chars().filter(|c| !c.is_control()).collect()
}

#[component]
pub fn CustomerSummary() -> impl IntoView {
    let plan = open_plan().plan;
    let doc = derive(|p| Some(summary::report(p)));
    Effect::new(move |_| set_page_footer(doc.with(|d| d.as_ref().map(|d| d.properties.footer.clone()))));
    on_cleanup(|| set_page_footer(None));
    crate::web::browser::title_while_printing(move || plan.with_untracked(print_title));
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let save =
        move |format: Format| plan.with_untracked(|p| downloads::document(p, &summary::report(p), "-customer-security-summary", format));
    view! {
        <section class="customer-summary" aria-labelledby="customer-summary-title">
            <div class="report-actions">
                <h3 id="customer-summary-title">"Customer security summary"</h3>
                <p class="hint">"One or two pages for hospital buyers and sales: updates, vulnerability handling, the SBOM, what the hospital must do and how long the device is supported. Written from the plan; print it, or save it as PDF in the print dialog."</p>
                <div class="actions">
                    <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                    <button type="button" on:click=move |_| save(Format::Markdown)>"Download summary (Markdown)"</button>
                    <button type="button" on:click=move |_| save(Format::Word)>"Download summary (Word)"</button>
                </div>
            </div>
            <article class="report" aria-label="Customer security summary preview" data-artefact>
                {move || doc.with(|d| d.as_ref().map(document_view).collect_view())}
            </article>
        </section>
    }
}
