//! The merge dialog. It lives in the plan editor's part of the app (with the
//! merge itself, `crate::plan::versions::merge`), downloaded on demand: the first screen does
//! not carry either (about 7 kB gzip), and merging is rare.

use leptos::prelude::*;

use crate::web::views::app;
use crate::web::views::shell::dialogs::{close, Modal};

/// The dialog for a merge, as a view (what the editor part hands out).
pub fn merge_dialog(theirs: crate::plan::model::Plan, merge: crate::plan::versions::merge::Merge, from_tab: bool) -> AnyView {
    view! { <MergeDialog theirs merge from_tab/> }.into_any()
}

/// The merge of two copies: what applies by itself, and each conflict with
/// both versions to choose from (mine by default). Nothing is stored before "Merge".
#[component]
fn MergeDialog(theirs: crate::plan::model::Plan, merge: crate::plan::versions::merge::Merge, from_tab: bool) -> impl IntoView {
    use crate::plan::versions::merge::Side;
    let app = app();
    let choices = RwSignal::new(vec![Side::Mine; merge.conflicts.len()]);
    let source = if from_tab { "the other tab" } else { "the file" };
    let summary = match (merge.theirs_applied, merge.conflicts.len()) {
        (0, 0) => format!("Your copy already holds everything in {source}."),
        (n, 0) => format!("{} from {source} apply by themselves; nothing conflicts.", crate::common::words::count(n, "change")),
        (n, c) => format!(
            "{} from {source} apply by themselves. {} changed on both sides: choose which version to keep.",
            crate::common::words::count(n, "change"),
            if c == 1 { "1 place was".to_string() } else { format!("{c} places were") },
        ),
    };
    let conflicts = merge.conflicts.clone();
    let applied = merge.applied.clone();
    let whose = if from_tab { "the other tab’s" } else { "the file’s" };
    let renumbered: Vec<String> =
        merge.renumbered.iter().map(|r| format!("{}: yours stays {}, {whose} is added as {}", r.old, r.mine, r.theirs)).collect();
    let title = format!("Merge “{}”", theirs.name);
    let apply = move |_| {
        let picked = choices.get_untracked();
        close();
        app.finish_merge(theirs.clone(), &merge, &picked, from_tab);
    };
    view! {
        <Modal title>
            <p>{summary}</p>
            {(!renumbered.is_empty()).then(|| view! {
                <p>"Added on both sides under the same id; both are kept:"</p>
                <ul class="merge-renumbered">{renumbered.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
            })}
            {(!applied.is_empty()).then(|| view! {
                <details class="merge-applied">
                    <summary>{format!("What applies by itself ({})", applied.len())}</summary>
                    <ul>{applied.into_iter().map(|place| view! { <li>{place}</li> }).collect_view()}</ul>
                </details>
            })}
            <ol class="merge-conflicts">
                {conflicts.into_iter().enumerate().map(|(i, c)| {
                    let name = format!("merge-{i}");
                    let option = move |side: Side, label: &'static str, value: String| view! {
                        <label class="choice">
                            <input type="radio" name=name.clone() prop:checked=move || choices.with(|v| v[i] == side)
                                on:change=move |_| choices.update(|v| v[i] = side)/>
                            <span class="side">{label}</span>
                            <span class="value">{value}</span>
                        </label>
                    };
                    view! {
                        <li>
                            <fieldset>
                                <legend>{c.place.clone()}</legend>
                                {option(Side::Mine, "Mine: ", c.mine_words.clone())}
                                {option(Side::Theirs, if from_tab { "Other tab’s: " } else { "The file’s: " }, c.theirs_words.clone())}
                                {c.both_words.clone().map(|both| option(Side::Both, "Both: ", both))}
                            </fieldset>
                        </li>
                    }
                }).collect_view()}
            </ol>
            <div class="actions">
                <button type="button" class="primary" on:click=apply>"Merge"</button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </Modal>
    }
}
