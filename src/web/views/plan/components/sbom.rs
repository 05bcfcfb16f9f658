//! SBOMs in and out of the register: "Import SBOM…" (a file picked or
//! dropped on the button's area) shows what would be added, removed and
//! changed, and changes nothing until confirmed; the downloads write the
//! register as a CycloneDX 1.6 SBOM or as CSV.
//!
//! The readers, the comparison and the writers are a part of the app of
//! their own, downloaded the first time one is needed
//! ([`crate::web::editor::load_sbom`]): a plan that never sees an SBOM
//! never downloads them.

use leptos::prelude::*;

use crate::plan::model::Plan;
use crate::plan::sbom::{Changes, MAX_SBOM_BYTES};
use crate::web::editor::{load_sbom, SbomParts};
use crate::web::state::{AppState, NoticeKind};
use crate::web::views::app;
use crate::web::views::common::repeated_click;

/// An SBOM read and compared with the register, waiting to be confirmed.
#[derive(Clone)]
pub struct Preview {
    /// "“sbom.json”, a CycloneDX 1.6 SBOM of Infusion pump 2.1".
    pub source: String,
    /// Components the SBOM lists without a name (left out).
    pub unnamed: usize,
    pub changes: Changes,
}

/// Read `bytes` as an SBOM and compare it with `plan`'s register (in the SBOM part).
pub(crate) fn preview(file_name: &str, bytes: &[u8], plan: &Plan) -> Result<Preview, String> {
    let sbom = crate::plan::sbom::read(bytes).map_err(|e| e.to_string())?;
    let changes = crate::plan::sbom::compare(&plan.components, &sbom);
    Ok(Preview { source: format!("{}, a {}", crate::common::words::quoted(file_name), sbom.title()), unnamed: sbom.unnamed, changes })
}

/// Make the preview's changes (in the SBOM part, through the plan's edit path).
pub(crate) fn apply(preview: &Preview, plan: &mut Plan) {
    preview.changes.apply(plan);
}

/// The plan's name as a file name, with `suffix`.
fn file_name(plan: &Plan, suffix: &str) -> String {
    crate::web::files::file_name(&plan.name, suffix)
}

/// Run `f` with the SBOM part, downloading it first if need be; says so if it cannot be.
/// (`app` is taken by the caller: after the download there is no component to ask.)
fn with_sbom(app: AppState, f: impl FnOnce(SbomParts) + 'static) {
    leptos::task::spawn_local(async move {
        match load_sbom().await {
            Some(parts) => f(parts),
            None => app.notify(
                NoticeKind::Error,
                "The SBOM reader could not be downloaded: the connection may be down. Try again, or reload the app.",
            ),
        }
    });
}

/// "Import SBOM…": a button for the file picker, on an area that also takes a dropped file.
#[component]
pub(crate) fn ImportSbom() -> impl IntoView {
    let app = app();
    let input = NodeRef::<leptos::html::Input>::new();
    let preview = RwSignal::new(None::<Preview>);
    let over = RwSignal::new(false);
    let take = move |files: Vec<web_sys::File>| {
        // One SBOM at a time: the first file.
        let Some(file) = files.into_iter().next() else { return };
        let name = file.name();
        leptos::task::spawn_local(async move {
            let shown = crate::common::words::quoted(&name);
            let refused = move |why: String| {
                app.notify(NoticeKind::Error, format!("{shown} was not imported. {why} The plan is unchanged."));
            };
            let bytes = match crate::web::files::read(&file, MAX_SBOM_BYTES).await {
                Ok(bytes) => bytes,
                Err(crate::web::files::ReadError::TooLarge(size)) => {
                    return refused(format!(
                        "The file is {}; an SBOM can be at most {}.",
                        crate::common::words::human_bytes(size),
                        crate::common::words::human_bytes(MAX_SBOM_BYTES)
                    ))
                }
                Err(crate::web::files::ReadError::Failed(_)) => return refused("The browser could not read the file.".into()),
            };
            with_sbom(app, move |parts| {
                let read = app.session.with_plan(|p| (parts.preview)(&name, &bytes, p));
                match read {
                    Some(Ok(p)) => preview.set(Some(p)),
                    Some(Err(why)) => refused(why),
                    None => {}
                }
            });
        });
    };
    let picked = move |_| {
        let Some(el) = input.get_untracked() else { return };
        let files = el.files().map(|f| crate::web::files::list(&f)).unwrap_or_default();
        // The same file picked again is a new choice.
        el.set_value("");
        take(files);
    };
    view! {
        <div class="sbom-import" class:drop-here=move || over.get()
            on:dragover=move |ev: web_sys::DragEvent| { ev.prevent_default(); ev.stop_propagation(); over.set(true); }
            on:dragleave=move |_| over.set(false)
            on:drop=move |ev: web_sys::DragEvent| {
                // Dropped here, the file is an SBOM, not a plan for the app's own drop.
                ev.prevent_default();
                ev.stop_propagation();
                over.set(false);
                take(ev.data_transfer().and_then(|dt| dt.files()).map(|f| crate::web::files::list(&f)).unwrap_or_default());
            }>
            <button type="button" on:click=move |_| {
                // Fetch the reader while the user chooses the file.
                with_sbom(app, |_| {});
                if let Some(el) = input.get_untracked() { crate::web::files::open_picker(el); }
            }>"Import SBOM…"</button>
            <input type="file" class="visually-hidden" node_ref=input tabindex="-1" aria-hidden="true" data-testid="sbom-input"
                accept=".json,.cdx.json,.spdx.json,application/json" on:change=picked/>
            <span class="hint">"CycloneDX or SPDX JSON; or drop the file here"</span>
        </div>
        {move || preview.get().map(|p| view! { <PreviewDialog preview=p done=move || preview.set(None)/> })}
    }
}

/// How many components each list of the preview names; the rest are counted.
const LISTED: usize = 100;

/// What the import would do, and nothing done until "Import".
#[component]
fn PreviewDialog(preview: Preview, done: impl Fn() + Clone + Send + Sync + 'static) -> impl IntoView {
    let app = app();
    let node = crate::web::views::shell::dialogs::modal_when_mounted();
    let c = &preview.changes;
    let nothing = c.is_empty();
    let summary = c.summary();
    let more = |n: usize| {
        (n > LISTED).then(|| view! { <li class="more">{format!("and {} more", crate::common::words::thousands(n - LISTED))}</li> })
    };
    let added = (!c.added.is_empty()).then(|| {
        let n = c.added.len();
        view! {
            <h3>{format!("Added ({})", crate::common::words::thousands(n))}</h3>
            <ul class="sbom-added">
                {c.added.iter().take(LISTED).map(|a| view! { <li>{a.title()}" · "{a.support.label()}{(!a.end_of_support.is_empty()).then(|| format!(", support ends {}", a.end_of_support))}</li> }).collect_view()}
                {more(n)}
            </ul>
        }
    });
    let changed = (!c.changed.is_empty()).then(|| {
        let n = c.changed.len();
        view! {
            <h3>{format!("Changed ({})", crate::common::words::thousands(n))}</h3>
            <ul class="sbom-changed">
                {c.changed.iter().take(LISTED).map(|ch| view! {
                    <li>{ch.title.clone()}
                        <ul>{ch.fields.iter().map(|f| view! { <li>{format!("{}: {} → {}", f.field, f.before, f.after)}</li> }).collect_view()}</ul>
                    </li>
                }).collect_view()}
                {more(n)}
            </ul>
        }
    });
    let removed = (!c.removed.is_empty()).then(|| {
        let n = c.removed.len();
        view! {
            <h3>{format!("No longer in the SBOM ({})", crate::common::words::thousands(n))}</h3>
            <ul class="sbom-removed">
                {c.removed.iter().take(LISTED).map(|r| view! {
                    <li>{r.title.clone()}" · "{if r.kept { "kept: typed in, or the team wrote about it" } else { "removed" }}</li>
                }).collect_view()}
                {more(n)}
            </ul>
        }
    });
    let unnamed = (preview.unnamed > 0)
        .then(|| format!("{} without a name in the SBOM left out.", crate::common::words::count(preview.unnamed, "component")));
    let cancel = done.clone();
    let cancel_key = done.clone();
    let preview_for_apply = StoredValue::new(Some(preview.clone()));
    let confirm = move |_| {
        let Some(p) = preview_for_apply.get_value() else { return };
        done();
        with_sbom(app, move |parts| {
            let summary = p.changes.summary();
            match app.try_edit(|plan| (parts.apply)(&p, plan)) {
                Ok(()) => app.notify(NoticeKind::Info, format!("SBOM imported: {summary} Ctrl+Z undoes the import.")),
                Err(why) => app.notify(NoticeKind::Error, format!("The SBOM was not imported: {why} The plan is unchanged.")),
            }
        });
    };
    view! {
        <dialog node_ref=node class="modal sbom-preview" aria-labelledby="sbom-preview-title"
            on:cancel=move |ev: web_sys::Event| { ev.prevent_default(); cancel_key(); }>
            <h2 id="sbom-preview-title">"Import the SBOM?"</h2>
            <p>{format!("From {}.", preview.source)}</p>
            <p class="sbom-summary" role="status">{summary}</p>
            {unnamed.map(|u| view! { <p>{u}</p> })}
            <div class="sbom-lists">{added}{changed}{removed}</div>
            <p class="hint">"What the team wrote (monitoring, notes, linked risks) is kept. Nothing changes until you choose Import; Ctrl+Z undoes it after."</p>
            <div class="actions">
                {(!nothing).then(|| view! { <button type="button" class="primary" autofocus on:click=confirm>"Import"</button> })}
                <button type="button" autofocus=nothing on:click=move |_| cancel()>{if nothing { "Close" } else { "Cancel" }}</button>
            </div>
        </dialog>
    }
}

/// "Download SBOM (CycloneDX 1.6)" and "Download components (CSV)".
#[component]
pub(crate) fn Downloads() -> impl IntoView {
    let app = app();
    let download = move |ev: leptos::ev::MouseEvent, cyclonedx: bool| {
        if repeated_click(&ev) {
            return;
        }
        with_sbom(app, move |parts| {
            let Some((name, text)) = app.session.with_plan(|p| {
                if cyclonedx {
                    (file_name(p, ".cdx.json"), (parts.cyclonedx)(p))
                } else {
                    (file_name(p, "-components.csv"), (parts.csv)(p))
                }
            }) else {
                return;
            };
            let mime = if cyclonedx { "application/vnd.cyclonedx+json" } else { "text/csv" };
            match crate::web::files::download(&name, mime, &text) {
                Ok(()) => app.notify(NoticeKind::Info, format!("Downloaded {name}.")),
                Err(why) => app.notify(NoticeKind::Error, format!("The download failed: {why}")),
            }
        });
    };
    view! {
        <button type="button" on:click=move |ev| download(ev, true)>"Download SBOM (CycloneDX 1.6)"</button>
        <button type="button" on:click=move |ev| download(ev, false)>"Download components (CSV)"</button>
    }
}
