//! The premarket documents as files, made in the browser: a report-model
//! document as Markdown or Word, the MDS2 draft as CSV. Called only from
//! the premarket views, so the renderers ride in the plan editor's part.

use crate::plan::model::Plan;
use crate::report::{docx, markdown, Document};
use crate::web::files;
use crate::web::state::NoticeKind;
use crate::web::views::app;

/// The file formats a document downloads as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Word,
}

/// Offer `doc` as `<plan name><suffix>.md` or `.docx`, and say what happened.
pub fn document(plan: &Plan, doc: &Document, suffix: &str, format: Format) {
    let outcome = match format {
        Format::Markdown => {
            let name = file_name(plan, &format!("{suffix}.md"));
            files::download(&name, "text/markdown;charset=utf-8", &markdown::render(doc)).map(|()| name)
        }
        Format::Word => {
            let name = file_name(plan, &format!("{suffix}.docx"));
            files::download_bytes(&name, docx::MIME, &docx::render(doc)).map(|()| name)
        }
    };
    tell(outcome);
}

/// Offer `text` as CSV, `<plan name><suffix>.csv`.
pub fn csv(plan: &Plan, text: &str, suffix: &str) {
    let name = file_name(plan, &format!("{suffix}.csv"));
    tell(files::download(&name, "text/csv;charset=utf-8", text).map(|()| name));
}

fn file_name(plan: &Plan, suffix: &str) -> String {
    let base = if plan.name.trim().is_empty() { &plan.document.document_id } else { &plan.name };
    files::file_name(base, suffix)
}

fn tell(outcome: Result<String, String>) {
    match outcome {
        Ok(name) => app().notify(NoticeKind::Info, format!("Downloaded {name}.")),
        Err(why) => app().notify(NoticeKind::Error, format!("The download failed: {why}")),
    }
}
