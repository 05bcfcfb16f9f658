//! The form that adds a risk, not rated yet, and opens it in the editor.

use crate::common::rules::MAX_NAME_LEN;
use leptos::prelude::*;

use crate::web::state::NoticeKind;
use crate::web::views::app;

#[component]
pub(super) fn AddRisk(selected: RwSignal<Option<String>>) -> impl IntoView {
    let app = app();
    let asset = RwSignal::new(String::new());
    let threat = RwSignal::new(String::new());
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (a, t) = (asset.get_untracked(), threat.get_untracked());
        if a.trim().is_empty() && t.trim().is_empty() {
            app.notify(NoticeKind::Error, "Name the asset or the threat of the new risk.");
            return;
        }
        let mut new_id = String::new();
        app.edit(|p| new_id = p.add_risk(&a, &t));
        asset.set(String::new());
        threat.set(String::new());
        selected.set(Some(new_id));
    };
    view! {
        <form class="add-risk" on:submit=add aria-label="Add a risk">
            <div class="field">
                <label for="new-risk-asset">"Asset or function"</label>
                <input id="new-risk-asset" type="text" maxlength=MAX_NAME_LEN prop:value=move || asset.get() on:input=move |ev| asset.set(event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="new-risk-threat">"Threat or vulnerability"</label>
                <input id="new-risk-threat" type="text" maxlength=MAX_NAME_LEN prop:value=move || threat.get() on:input=move |ev| threat.set(event_target_value(&ev))/>
            </div>
            <button type="submit" class="primary">"Add risk"</button>
        </form>
    }
}
