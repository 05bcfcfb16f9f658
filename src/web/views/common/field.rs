//! Fields and why what was typed into one was not kept: one [`FieldError`]
//! for both documents' views, and the plan's text fields.

use leptos::prelude::*;

use super::derive;
use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::plan::model::{Plan, PlanText};
use crate::web::views::app;

/// Why the value last typed into a field was not kept. The document keeps
/// its last valid value; the field keeps what was typed, so it can be put right.
#[derive(Clone, Copy)]
pub struct FieldError {
    message: RwSignal<Option<String>>,
}

impl FieldError {
    pub fn new() -> Self {
        FieldError { message: RwSignal::new(None) }
    }

    /// Show the outcome of an edit made from the field: its refusal, or nothing.
    pub fn show<T>(self, outcome: Result<T, String>) {
        self.set(outcome.err());
    }

    /// Try an edit of the open plan typed into the field and show its outcome.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        self.show(app().try_edit(change));
    }

    /// Forget the refusal (the field was put right another way).
    pub fn clear(self) {
        self.set(None);
    }

    fn set(self, message: Option<String>) {
        if self.message.with_untracked(|m| *m != message) {
            self.message.set(message);
        }
    }

    pub fn invalid(self) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || if self.message.with(Option::is_some) { "true" } else { "false" }
    }

    /// The message element, referenced by the field's `aria-describedby`.
    pub fn view(self, element_id: String) -> impl IntoView {
        view! {
            <p class="field-error" id=element_id hidden=move || self.message.with(Option::is_none)>
                {move || self.message.get()}
            </p>
        }
    }
}

/// A labelled single-line field bound to one string of the open plan.
pub fn text_field(id: &'static str, label: &'static str, field: PlanText) -> impl IntoView {
    let value = derive(move |p| p.text(field).clone());
    let error = FieldError::new();
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" maxlength=MAX_NAME_LEN prop:value=move || value.get() data-text=field.path()
                aria-invalid=error.invalid() aria-describedby=error_id.clone()
                on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| p.set_text(field, v)); }/>
            {error.view(error_id)}
        </div>
    }
}

/// A labelled multi-line field with JSP guidance under its label.
pub fn text_area(id: &'static str, label: &'static str, hint: &'static str, field: PlanText) -> impl IntoView {
    let value = derive(move |p| p.text(field).clone());
    let error = FieldError::new();
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <textarea id=id rows="3" maxlength=MAX_TEXT_LEN aria-describedby=format!("{hint_id} {error_id}") prop:value=move || value.get() data-text=field.path()
                aria-invalid=error.invalid()
                on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| p.set_text(field, v)); }></textarea>
            {error.view(error_id)}
        </div>
    }
}
