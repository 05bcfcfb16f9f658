//! A one-line form that adds an item: a labelled field and a button.

use leptos::prelude::*;

/// Label, field and button; `on_add` gets the text typed when the form is
/// sent (by the button or Enter), and the field is emptied for the next one.
#[component]
pub fn InlineAdd(
    /// The field's id, which its label names.
    id: &'static str,
    label: &'static str,
    placeholder: &'static str,
    /// The button's words ("Add need").
    button: &'static str,
    /// The form's class: "inline-add" beside a table, "create" on the plan list.
    #[prop(default = "inline-add")]
    class: &'static str,
    on_add: impl Fn(String) + 'static,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_add(text.get_untracked());
        text.set(String::new());
    };
    view! {
        <form class=class on:submit=submit>
            <label for=id>{label}</label>
            <input id=id type="text" maxlength="300" placeholder=placeholder
                prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))/>
            <button type="submit">{button}</button>
        </form>
    }
}
