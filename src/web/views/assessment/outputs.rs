//! The report and the downloads. Printing gives the report alone (the
//! page's controls are hidden on paper, see style/main.css); the same
//! report is the Markdown and the Word document, with the progress part
//! when a baseline is chosen. The assessment file is what the plan list
//! imports and what a later comparison reads.

use leptos::prelude::*;

use crate::web::views::common::repeated_click;

use super::{page, Page};
use crate::assessment::export::{assessment_csv, assessment_markdown};
use crate::assessment::{export_pretty, Assessment};
use crate::report::docx;
use crate::web::files;
use crate::web::state::assessment::open_assessment;
use crate::web::state::NoticeKind;
use crate::web::views::app;
use crate::web::views::common::report_view::document_view;

/// What a download button offers.
#[derive(Clone, Copy)]
enum Output {
    Markdown,
    Csv,
    Word,
    File,
}

#[component]
pub(super) fn Outputs() -> impl IntoView {
    let (open, Page { baseline, .. }) = (open_assessment(), page());
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // The PDF is named after the assessment, not the app.
    crate::web::browser::title_while_printing(move || {
        open.doc.with_untracked(|a| match a.name.trim() {
            "" => "JSP maturity assessment".to_string(),
            name => format!("{name} (JSP maturity assessment)"),
        })
    });
    let offer = move |what: Output| open.doc.with_untracked(|a| baseline.with_untracked(|b| save(what, a, b.as_ref())));
    view! {
        <section id="assessment-outputs" class="assessment-outputs" aria-labelledby="outputs-title">
            <h2 id="outputs-title">"Report and downloads"</h2>
            <p class="hint">
                "The report holds the levels, heatmap, scores, gaps, roadmap, each activity’s owner and evidence, and the progress "
                "when an earlier assessment is chosen. Printing gives the report alone: choose “Save as PDF” in the print dialog for a PDF."
            </p>
            <div class="actions" data-artefact="outputs">
                <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                <button type="button" on:click=move |ev| if !repeated_click(&ev) { offer(Output::Markdown) }>"Download Markdown"</button>
                <button type="button" on:click=move |ev| if !repeated_click(&ev) { offer(Output::Csv) }>"Download CSV"</button>
                <button type="button" on:click=move |ev| if !repeated_click(&ev) { offer(Output::Word) }>"Download Word document"</button>
                <button type="button" on:click=move |ev| if !repeated_click(&ev) { offer(Output::File) }>"Export assessment file"</button>
            </div>
        </section>
    }
}

/// The report, shown only on paper: the screen shows the same parts, with
/// their controls. Outside every workshop step, so it prints from any.
#[component]
pub(super) fn Printed() -> impl IntoView {
    let report = page().report;
    view! { <article class="report assessment-report" aria-label="Report">{move || report.with(document_view)}</article> }
}

fn save(what: Output, a: &Assessment, baseline: Option<&Assessment>) {
    let name = if a.name.trim().is_empty() { "maturity-assessment" } else { a.name.as_str() };
    let (file, done) = match what {
        Output::Markdown => {
            let file = files::file_name(name, ".md");
            let done = files::download(&file, "text/markdown;charset=utf-8", &assessment_markdown(a, baseline));
            (file, done)
        }
        Output::Csv => {
            let file = files::file_name(name, ".csv");
            let done = files::download(&file, "text/csv;charset=utf-8", &assessment_csv(a));
            (file, done)
        }
        Output::Word => {
            let file = files::file_name(name, ".docx");
            let bytes = docx::render(&crate::assessment::report::document(a, baseline));
            let done = files::download_bytes(&file, docx::MIME, &bytes);
            (file, done)
        }
        Output::File => {
            let file = files::file_name(name, ".jsp-assessment.json");
            let done = files::download(&file, "application/json", &export_pretty(a));
            (file, done)
        }
    };
    match done {
        Ok(()) => app().notify(NoticeKind::Info, format!("Downloaded {file}.")),
        Err(why) => app().notify(NoticeKind::Error, format!("The download failed: {why}")),
    }
}
