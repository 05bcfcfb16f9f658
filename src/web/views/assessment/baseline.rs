//! The comparison with an earlier assessment: its file is read and checked
//! as any import (`assessment::import`), kept on this page only (the
//! assessment's file has no place for it, and nothing is stored), and the
//! report gains its "Progress since" part, shown here.

use leptos::prelude::*;

use super::{page, report_part};
use crate::assessment::edit::baseline_notes;
use crate::assessment::{import, MAX_FILE_BYTES};
use crate::report::PartKey;
use crate::web::files::{self, ReadError};
use crate::web::state::assessment::open_assessment;
use crate::web::state::NoticeKind;
use crate::web::views::app;

#[component]
pub(super) fn Baseline() -> impl IntoView {
    let (open, baseline, app) = (open_assessment(), page().baseline, app());
    let input = NodeRef::<leptos::html::Input>::new();
    let on_file = move |_| {
        let Some(field) = input.get_untracked() else { return };
        let Some(picked) = field.files().and_then(|l| l.get(0)) else { return };
        // The same file may be chosen again after it was cleared.
        field.set_value("");
        leptos::task::spawn_local(async move {
            let name = picked.name();
            let read = match files::read(&picked, MAX_FILE_BYTES).await {
                Ok(bytes) => import(&bytes).map_err(|e| e.to_string()),
                Err(ReadError::TooLarge(_)) => {
                    Err(format!("It is larger than {} MB, the most an assessment file can hold.", MAX_FILE_BYTES / (1024 * 1024)))
                }
                Err(ReadError::Failed(_)) => Err("The file could not be read.".into()),
            };
            match read {
                Ok(earlier) => {
                    app.notify(NoticeKind::Info, format!("Comparing with “{}”, from {name}.", earlier.name.trim()));
                    baseline.set(Some(earlier));
                }
                Err(why) => app.notify(NoticeKind::Error, format!("“{name}” cannot be compared: {why} Nothing was changed.")),
            }
        });
    };
    let chosen = Memo::new(move |_| baseline.with(|b| b.as_ref().map(|b| (b.name.clone(), b.assessed_on.clone()))));
    let notes = Memo::new(move |_| baseline.with(|b| b.as_ref().map(|b| open.doc.with(|a| baseline_notes(b, a))).unwrap_or_default()));
    view! {
        <section id="assessment-baseline" class="assessment-baseline" aria-labelledby="baseline-title">
            <h2 id="baseline-title">"Compare with an earlier assessment"</h2>
            <p class="hint">
                "Choose an earlier assessment file (last year’s, say) to see how each component and activity has moved. "
                "The file is only read: it is not stored, and this assessment does not change."
            </p>
            <div class="actions" data-artefact="baseline">
                <label class="file-pick">
                    "Compare with an earlier assessment…"
                    <input node_ref=input type="file" accept=".json,application/json" data-testid="baseline-input" on:change=on_file/>
                </label>
                <Show when=move || chosen.with(Option::is_some)>
                    <button type="button" on:click=move |_| baseline.set(None)>"Clear the baseline"</button>
                </Show>
            </div>
            <p class="baseline-state" role="status">
                {move || match chosen.get() {
                    Some((name, day)) => format!("Comparing with “{}”, assessed on {day}.", name.trim()),
                    None => "No earlier assessment chosen.".into(),
                }}
            </p>
            <Show when=move || notes.with(|n| !n.is_empty())>
                <ul class="baseline-notes">{move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </Show>
        </section>
        {report_part(PartKey::Progress)}
    }
}
