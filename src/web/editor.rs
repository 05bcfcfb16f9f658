//! The plan editor and the maturity assessment, each downloaded on demand.
//!
//! The build cuts three parts off the first screen's WebAssembly, each at its
//! split point: the plan editor (every section, the report, the exports, the
//! importers) at [`load_plan_editor`], the maturity assessment (its page,
//! report and actions) at [`load_assessment_part`], which a plan never needs,
//! and the SBOM readers and writers at [`load_sbom_part`], which only the
//! component register's import and downloads need.
//! Code both use goes into a shared chunk the loader fetches with either. So
//! the first visit downloads only what the plan list needs, and opening a
//! plan only what the plan editor needs. The first time a plan or an
//! assessment opens its part is fetched (from the offline cache after one
//! visit); until then a short "Opening…" line shows, and a failed download
//! says so with a way to try again.

use std::cell::Cell;

use leptos::prelude::*;

use super::browser;
use crate::plan::model::Plan;
use crate::plan::versions::merge::Merge;

/// What the editor's part of the app hands out once downloaded: the editor,
/// the merge with its dialog (see `views/plan/merge_dialog.rs`), the check of
/// an imported plan's revision history (`plan::file::check_revisions`) and
/// the importers.
#[derive(Clone, Copy)]
pub struct EditorParts {
    pub draw: fn() -> AnyView,
    pub merge: fn(&serde_json::Value, &Plan, &Plan) -> Merge,
    pub merge_dialog: fn(Plan, Merge, bool) -> AnyView,
    pub check_revisions: crate::plan::file::RevisionCheck,
    /// Import a picked or dropped file's bytes (a plan, an assessment or a backup).
    pub import_bytes: fn(crate::web::state::AppState, String, Vec<u8>) -> crate::web::state::ImportTask,
    /// Draw the questions an import asks.
    pub import_dialog: fn(crate::web::state::Dialog) -> AnyView,
    /// Bring the open plan and storage together (`state::tabs`): now, or once the cross-tab lock is ours.
    pub sync_plan: fn(crate::web::state::OpenPlan, bool),
    /// How much an edit can grow the open plan's text (`plan::edit::growth_bound`).
    pub growth_bound: crate::plan::edit::GrowthBound,
    /// Undo (`true`) or redo one edit of the open plan.
    pub step_history: fn(crate::web::state::Session, bool) -> bool,
    /// What the plan list asks of stored plans (open, create, rename, …: `state::stored`).
    pub list_action: fn(crate::web::state::AppState, crate::web::state::ListAction),
    /// The stored plans, each read whole and checked.
    pub scan_plans: fn() -> crate::web::storage::Scan,
    /// "Open file…": open a plan file on disk and link the plan to it (`web::linked_file`).
    pub open_file: fn(crate::web::state::AppState),
}

/// What the maturity assessment's part of the app hands out once downloaded.
#[derive(Clone, Copy)]
pub struct AssessmentParts {
    /// The page of the maturity assessment with this id.
    pub draw: fn(String) -> AnyView,
    pub create: fn(&str) -> Result<String, String>,
    /// Import an assessment file: the id to open and what was done, in words.
    pub import: crate::web::state::assessment::ImportFile,
    /// Restore the maturity assessments of a backup file.
    pub restore: crate::web::state::assessment::Restore,
}

/// What the SBOM part hands out once downloaded (see
/// `views/plan/components/sbom.rs`): read a file and compare it with the
/// register, apply that, and write the register as CycloneDX or CSV.
#[derive(Clone, Copy)]
pub struct SbomParts {
    /// Read an SBOM file (its name and bytes) and compare it with the plan's register; or why it is refused, in words.
    pub preview: fn(&str, &[u8], &Plan) -> Result<crate::web::views::plan::SbomPreview, String>,
    /// Make a preview's changes in the plan (run through the edit path).
    pub apply: fn(&crate::web::views::plan::SbomPreview, &mut Plan),
    /// The register as a CycloneDX 1.6 JSON SBOM.
    pub cyclonedx: fn(&Plan) -> String,
    /// The register as CSV.
    pub csv: fn(&Plan) -> String,
}

thread_local! {
    /// The SBOM part once downloaded.
    static SBOM: Cell<Option<SbomParts>> = const { Cell::new(None) };
    /// The editor once downloaded, so opening another plan draws it at once.
    static LOADED: Cell<Option<EditorParts>> = const { Cell::new(None) };
    /// The assessment's part once downloaded.
    static ASSESSMENT: Cell<Option<AssessmentParts>> = const { Cell::new(None) };
    /// Whether the listeners both parts need are installed ([`install`]).
    static INSTALLED: Cell<bool> = const { Cell::new(false) };
    /// What to do once the editor's part is loaded ([`when_loaded`]).
    static ON_LOAD: std::cell::RefCell<Option<Box<dyn FnOnce()>>> = const { std::cell::RefCell::new(None) };
}

/// Run `f` once the editor's part is loaded (now, if it is).
pub fn when_loaded(f: impl FnOnce() + 'static) {
    if LOADED.get().is_some() {
        f();
    } else {
        ON_LOAD.set(Some(Box::new(f)));
    }
}

/// The editor's part, if it is downloaded.
pub fn parts() -> Option<EditorParts> {
    LOADED.get()
}

/// Run `ready` with the editor's part, downloading it first if need be (from
/// the offline cache after one visit); `failed` if it cannot be downloaded.
pub fn with_parts(ready: impl FnOnce(EditorParts) + 'static, failed: impl FnOnce() + 'static) {
    if let Some(parts) = LOADED.get() {
        ready(parts);
        return;
    }
    leptos::task::spawn_local(async move {
        match load().await {
            Some(parts) => ready(parts),
            None => failed(),
        }
    });
}

/// The editor's part, downloaded first if need be; `None` if it cannot be.
pub async fn load() -> Option<EditorParts> {
    if let Some(parts) = LOADED.get() {
        return Some(parts);
    }
    let parts = load_plan_editor().await.ok()?;
    if LOADED.get().is_none() {
        LOADED.set(Some(parts));
        browser::mark("jsp-editor-ready");
        if let Some(f) = ON_LOAD.take() {
            f();
        }
    }
    Some(parts)
}

/// The assessment's part, downloaded first if need be; `None` if it cannot be.
pub async fn load_assessment() -> Option<AssessmentParts> {
    if let Some(parts) = ASSESSMENT.get() {
        return Some(parts);
    }
    let parts = load_assessment_part().await.ok()?;
    ASSESSMENT.set(Some(parts));
    Some(parts)
}

/// The SBOM part, downloaded first if need be; `None` if it cannot be.
/// It is not fetched ahead of need: most plans never import an SBOM.
pub async fn load_sbom() -> Option<SbomParts> {
    if let Some(parts) = SBOM.get() {
        return Some(parts);
    }
    let parts = load_sbom_part().await.ok()?;
    SBOM.set(Some(parts));
    Some(parts)
}

/// Fetch and compile the editor's part ahead of need, then the assessment's:
/// once the first screen has painted, when the browser is next idle
/// (`requestIdleCallback`, or a second later where there is none), so that
/// the first plan, assessment or file opened draws at once. After one visit the part comes from the offline cache
/// (the service worker precaches every file of the build). A failure here
/// is silent: opening a plan tries again, and says so if that fails.
pub fn prefetch() {
    use wasm_bindgen::JsCast;
    browser::after_paint(|| {
        let start = wasm_bindgen::closure::Closure::once_into_js(|| {
            leptos::task::spawn_local(async {
                if load().await.is_some() {
                    load_assessment().await;
                }
            })
        });
        let Some(window) = web_sys::window() else { return };
        if window.request_idle_callback(start.unchecked_ref()).is_err() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(start.unchecked_ref(), 1000);
        }
    });
}

/// A part downloaded, ready to draw.
#[derive(Clone, Copy)]
enum Ready {
    Plan(EditorParts),
    Assessment(AssessmentParts),
}

/// Where the part's download stands.
#[derive(Clone, Copy)]
enum Load {
    NotStarted,
    Loading,
    Ready(Ready),
    Failed,
}

/// The editor for the open plan, or with `assessment` the page of that
/// maturity assessment: loads that part of the app the first time it is asked for.
#[component]
pub fn Editor(assessment: Option<String>) -> impl IntoView {
    let for_assessment = assessment.is_some();
    let loaded = if for_assessment { ASSESSMENT.get().map(Ready::Assessment) } else { LOADED.get().map(Ready::Plan) };
    let load = RwSignal::new(loaded.map_or(Load::NotStarted, Load::Ready));
    let start = move || {
        if matches!(load.get_untracked(), Load::Ready(_) | Load::Loading) {
            return;
        }
        load.set(Load::Loading);
        leptos::task::spawn_local(async move {
            let ready = if for_assessment { load_assessment().await.map(Ready::Assessment) } else { self::load().await.map(Ready::Plan) };
            // The plan or assessment may have been closed meanwhile: then there is no one to tell.
            load.try_set(ready.map_or(Load::Failed, Load::Ready));
        });
    };
    start();
    let (opening, failed) = if for_assessment {
        ("Opening the assessment…", "The assessment editor could not be downloaded")
    } else {
        ("Opening the plan…", "The plan editor could not be downloaded")
    };
    move || match load.get() {
        Load::Ready(Ready::Plan(parts)) => (parts.draw)(),
        Load::Ready(Ready::Assessment(parts)) => (parts.draw)(assessment.clone().unwrap_or_default()),
        Load::Failed => view! {
            <div class="editor-load" role="alert">
                <p>
                    {failed}
                    ": the connection may be down, or another tab installed a newer version of the app. "
                    "Your plans and assessments are safe in this browser."
                </p>
                <button type="button" class="primary" on:click=move |_| start()>"Try again"</button>
                " "
                <button type="button" on:click=move |_| browser::reload()>"Reload the app"</button>
            </div>
        }
        .into_any(),
        Load::NotStarted | Load::Loading => view! {
            <p class="editor-load" role="status" aria-busy="true">{opening}</p>
        }
        .into_any(),
    }
}

/// What both parts need once: every limited field, the plan list's too, says
/// when it nears its limit; and other tabs' writes are learnt as they come.
fn install() {
    if INSTALLED.replace(true) {
        return;
    }
    crate::web::views::common::limit::install();
    crate::web::state::tabs::listen();
}

/// The plan editor lives in its own part of the app, downloaded the first
/// time a plan opens (`scripts/wasm.mjs` splits it off): the first screen, the
/// plan list, needs none of it. What comes back is the function that draws
/// the editor; a download that fails is an error the caller can show and
/// retry, not a crash.
#[leptos::wasm_split::wasm_split(plan_editor, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_plan_editor() -> Result<EditorParts, leptos::wasm_split::SplitLoaderError> {
    install();
    Ok(EditorParts {
        draw: || {
            use crate::web::views::shell::banners::{ConflictBanner, RepairBanner};
            view! { <ConflictBanner/> <RepairBanner/> <crate::web::views::plan::PlanPage/> }.into_any()
        },
        merge: crate::plan::versions::merge::merge_onto,
        merge_dialog: crate::web::views::plan::merge_dialog::merge_dialog,
        check_revisions: crate::plan::file::check_revisions,
        import_bytes: crate::web::state::AppState::import_bytes,
        import_dialog: crate::web::views::shell::import_dialogs::draw,
        sync_plan: crate::web::state::tabs::sync_plan,
        growth_bound: crate::plan::edit::growth_bound,
        step_history: crate::web::state::step_history,
        list_action: crate::web::state::stored::run,
        scan_plans: crate::web::storage::scan,
        open_file: crate::web::linked_file::open_file,
    })
}

/// The maturity assessment lives in a part of its own, downloaded the first
/// time an assessment is opened, created, imported or restored (and fetched
/// ahead of need after the plan editor, see [`prefetch`]): a plan needs none
/// of it.
#[leptos::wasm_split::wasm_split(assessment, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_assessment_part() -> Result<AssessmentParts, leptos::wasm_split::SplitLoaderError> {
    install();
    Ok(AssessmentParts {
        draw: crate::web::views::assessment::draw,
        create: crate::web::state::assessment::create,
        import: crate::web::state::assessment::import_file,
        restore: crate::web::state::assessment::restore,
    })
}

/// The SBOM readers (CycloneDX and SPDX JSON), the comparison of a
/// re-import and the writers live in a part of their own, downloaded the
/// first time the component register imports or downloads an SBOM: the
/// plan editor needs none of it to show the register.
#[leptos::wasm_split::wasm_split(sbom, wasm_split_path = ::leptos::wasm_split, fallible)]
pub fn load_sbom_part() -> Result<SbomParts, leptos::wasm_split::SplitLoaderError> {
    use crate::web::views::plan::sbom_io;
    Ok(SbomParts {
        preview: sbom_io::preview,
        apply: sbom_io::apply,
        cyclonedx: crate::plan::sbom::cyclonedx::write,
        csv: crate::plan::export::components_csv,
    })
}
