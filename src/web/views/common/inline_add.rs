//! A one-line form that adds an item: a labelled field and a button.

use leptos::prelude::*;

use super::field::FieldError;
use crate::common::rules::MAX_NAME_LEN;

/// Label, field and button; `on_add` gets the text typed when the form is
/// sent (by the button or Enter), and the field is emptied for the next one.
/// With `required`, sending the form empty says so at the field instead
/// (focus stays there) and `on_add` is not called.
#[component]
pub fn InlineAdd(
    /// The field's id, which its label names.
    #[prop(into)]
    id: String,
    #[prop(into)] label: String,
    placeholder: &'static str,
    /// The button's words ("Add need").
    #[prop(into)]
    button: String,
    /// The form's class: "inline-add" beside a table, "create" on the plan list.
    #[prop(default = "inline-add")]
    class: &'static str,
    /// What to say when the form is sent with nothing typed ("Type the need
    /// first, then add it."); without it an empty text goes to `on_add`.
    #[prop(optional, into)]
    required: Option<String>,
    on_add: impl Fn(String) + 'static,
) -> impl IntoView {
    let text = RwSignal::new(String::new());
    let error = FieldError::new();
    let field_id = id.clone();
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = text.get_untracked();
        if let Some(why) = required.as_ref().filter(|_| typed.trim().is_empty()) {
            error.show::<()>(Err(why.clone()));
            // Sent by the button, the form would leave the focus there.
            super::focus_id(&field_id);
            return;
        }
        error.clear();
        on_add(typed);
        text.set(String::new());
    };
    let error_id = format!("{id}-error");
    view! {
        <form class=class on:submit=submit>
            <label for=id.clone()>{label}</label>
            <input id=id type="text" maxlength=MAX_NAME_LEN placeholder=placeholder
                aria-invalid=error.invalid() aria-describedby=error_id.clone()
                prop:value=move || text.get() on:input=move |ev| { error.clear(); text.set(event_target_value(&ev)); }/>
            <button type="submit">{button}</button>
            {error.view(error_id)}
        </form>
    }
}
