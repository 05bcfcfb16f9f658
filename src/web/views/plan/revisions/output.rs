//! What the revisions section shows below its list: one revision as its
//! read-only report, or the changes between two versions, each printable
//! and downloadable as Markdown (both are report-model documents).

use leptos::prelude::*;

use crate::plan::model::Plan;
use crate::plan::report::ALL_PARTS;
use crate::report::Document;
use crate::web::state::NoticeKind;
use crate::web::views::common::report_view::document_view;
use crate::web::views::{app, open_plan};

/// A version of the plan that can be compared.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Version {
    Draft,
    Revision(u32),
    /// The plan file picked for comparing.
    File,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Shown {
    Revision(u32),
    Compare(Version, Version),
}

type PickedFile = RwSignal<Option<(String, Plan)>>;

impl Version {
    fn key(self) -> String {
        match self {
            Version::Draft => "draft".into(),
            Version::File => "file".into(),
            Version::Revision(n) => format!("r{n}"),
        }
    }

    fn from_key(key: &str) -> Option<Version> {
        match key {
            "draft" => Some(Version::Draft),
            "file" => Some(Version::File),
            k => k.strip_prefix('r')?.parse().ok().map(Version::Revision),
        }
    }

    fn name(self, plan: &Plan, file: &Option<(String, Plan)>) -> String {
        match self {
            Version::Draft => "the draft".into(),
            Version::File => file.as_ref().map_or("a file".into(), |(name, _)| format!("the file “{name}”")),
            Version::Revision(n) => plan.revision(n).map_or(format!("revision {n}"), |r| r.title().replacen("Revision", "revision", 1)),
        }
    }

    /// The plan as this version has it.
    fn plan(self, plan: &Plan, file: &Option<(String, Plan)>) -> Result<Plan, String> {
        match self {
            Version::Draft => Ok(plan.clone()),
            Version::File => file.as_ref().map(|(_, p)| p.clone()).ok_or_else(|| "Pick a plan file to compare with first.".into()),
            Version::Revision(n) => crate::plan::file::revision_plan(plan, n),
        }
    }
}

/// Choose two versions to compare, or a file to compare the draft with.
#[component]
pub fn CompareForm(shown: RwSignal<Option<Shown>>, file: PickedFile) -> impl IntoView {
    let app = app();
    let choices = Memo::new(move |_| {
        let mut list: Vec<(String, String)> =
            super::history().with(|l| l.iter().map(|r| (Version::Revision(r.number).key(), r.title())).collect());
        list.push((Version::Draft.key(), "The draft".into()));
        if let Some((name, _)) = file.get() {
            list.push((Version::File.key(), format!("File “{name}”")));
        }
        list
    });
    let (from, to) = (RwSignal::new(String::new()), RwSignal::new(Version::Draft.key()));
    let compare = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let first = choices.with_untracked(|c| c.first().map(|(k, _)| k.clone())).unwrap_or_default();
        let f = Some(from.get_untracked()).filter(|k| !k.is_empty()).unwrap_or(first);
        if let (Some(a), Some(b)) = (Version::from_key(&f), Version::from_key(&to.get_untracked())) {
            shown.set(Some(Shown::Compare(a, b)));
        }
    };
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(picked) = input.get_untracked().and_then(|i| i.files()).and_then(|l| l.get(0)) else { return };
        leptos::task::spawn_local(async move {
            let name = picked.name();
            let read = crate::web::files::read(&picked, crate::plan::file::MAX_FILE_BYTES).await;
            let imported = match read {
                Ok(bytes) => crate::plan::file::import(&bytes).map_err(|e| e.to_string()),
                Err(_) => Err("The file could not be read.".to_string()),
            };
            match imported {
                Ok(i) => {
                    file.set(Some((name, i.plan)));
                    shown.set(Some(Shown::Compare(Version::File, Version::Draft)));
                }
                Err(why) => app.notify(NoticeKind::Error, format!("“{name}” cannot be compared: {why} Nothing was changed.")),
            }
        });
    };
    let select = move |id: &'static str, label: &'static str, value: RwSignal<String>| {
        view! {
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                {move || choices.get().into_iter().map(|(k, name)| {
                    let selected = { let k = k.clone(); move || value.get() == k };
                    view! { <option value=k selected=selected>{name}</option> }
                }).collect_view()}
            </select>
        }
    };
    view! {
        <form class="compare-form inline-add" on:submit=compare aria-labelledby="compare-title">
            <h3 id="compare-title">"Compare"</h3>
            {select("compare-from", "From", from)}
            {select("compare-to", "To", to)}
            <button type="submit">"Compare"</button>
            <label class="file-pick">
                "Compare the draft with a plan file…"
                <input node_ref=input type="file" accept=".json,application/json" data-testid="compare-input" on:change=on_file/>
            </label>
        </form>
    }
}

/// The revision or comparison chosen, as a report.
#[component]
pub fn ShownOutput(shown: RwSignal<Option<Shown>>, file: PickedFile) -> impl IntoView {
    let app = app();
    let plan = open_plan().plan;
    let made = Memo::new(move |_| {
        let s = shown.get()?;
        Some(plan.with(|p| file.with(|f| document_of(s, p, f))))
    });
    let download = move |_| {
        let Some(Ok((title, doc))) = made.get_untracked() else { return };
        let name = crate::web::files::file_name(&title, ".md");
        match crate::web::files::download(&name, "text/markdown;charset=utf-8", &crate::report::markdown::render(&doc)) {
            Ok(()) => app.notify(NoticeKind::Info, format!("Downloaded {name}.")),
            Err(why) => app.notify(NoticeKind::Error, format!("The download failed: {why}")),
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    // The PDF is named after the revision or comparison shown, not the app.
    crate::web::browser::title_while_printing(move || {
        let plan_title = plan.with_untracked(crate::plan::report::print_title);
        match made.try_get_untracked().flatten() {
            Some(Ok((title, _))) => format!("{plan_title} – {title}"),
            _ => plan_title,
        }
    });
    move || {
        made.get().map(|result| match result {
            Err(why) => view! { <p class="field-error" role="alert">{why}</p> }.into_any(),
            Ok((title, doc)) => view! {
                <div class="revision-output">
                    <div class="output-actions">
                        <h3 id="shown-title">{title}</h3>
                        <button type="button" class="primary" on:click=print>"Print or save as PDF"</button>
                        <button type="button" on:click=move |ev| if !crate::web::views::common::repeated_click(&ev) { download(ev) }>"Download Markdown"</button>
                        <button type="button" on:click=move |_| shown.set(None)>"Close"</button>
                    </div>
                    <article class="report" aria-labelledby="shown-title" data-artefact>{document_view(&doc)}</article>
                </div>
            }
            .into_any(),
        })
    }
}

/// The report of what is shown, with its title.
fn document_of(shown: Shown, plan: &Plan, file: &Option<(String, Plan)>) -> Result<(String, Document), String> {
    match shown {
        Shown::Revision(n) => {
            let frozen = crate::plan::file::revision_plan(plan, n)?;
            let revision = plan.revision(n).ok_or("That revision is no longer there.")?;
            let history: Vec<_> = plan.revisions().into_iter().filter(|r| r.number <= n).collect();
            let title = format!("{}, {}: read-only", revision.title(), revision.status().to_lowercase());
            Ok((title, crate::plan::report::build(&frozen, &history, ALL_PARTS)))
        }
        Shown::Compare(a, b) => {
            let (before, after) = (a.plan(plan, file)?, b.plan(plan, file)?);
            let entries = crate::plan::versions::compare::compare(&before, &after);
            let (from, to) = (a.name(plan, file), b.name(plan, file));
            let doc = crate::plan::versions::compare::document(plan, &from, &to, &entries);
            Ok((doc.parts[0].title.clone(), doc))
        }
    }
}
