//! Small building blocks shared by the section views.

use leptos::prelude::*;

use super::app;
use crate::plan::model::{Plan, PlanText};

/// A memo of one derived value of the open plan; views re-render only when it changes.
pub fn derive<T>(f: impl Fn(&Plan) -> T + Send + Sync + 'static) -> Memo<T>
where
    T: PartialEq + Default + Send + Sync + 'static,
{
    let plan = super::open_plan().plan;
    Memo::new(move |_| plan.with(&f))
}

/// A text as tables show it: a dash for nothing.
pub fn or_dash(s: &str) -> String {
    if s.trim().is_empty() {
        "—".into()
    } else {
        s.to_string()
    }
}

/// Why the value last typed into a field was not kept. The plan keeps its
/// last valid value; the field keeps what was typed, so it can be corrected.
#[derive(Clone, Copy)]
pub struct FieldError {
    message: RwSignal<Option<String>>,
}

impl FieldError {
    pub fn new() -> Self {
        FieldError { message: RwSignal::new(None) }
    }

    /// Try an edit typed into the field and show its outcome.
    pub fn edit(self, change: impl FnOnce(&mut Plan)) {
        let outcome = app().try_edit(change).err();
        if self.message.with_untracked(|m| *m != outcome) {
            self.message.set(outcome);
        }
    }

    pub fn invalid(self) -> impl Fn() -> &'static str + Copy {
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
            <input id=id type="text" maxlength="300" prop:value=move || value.get() data-text=field.path()
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
            <textarea id=id rows="3" aria-describedby=format!("{hint_id} {error_id}") prop:value=move || value.get() data-text=field.path()
                aria-invalid=error.invalid()
                on:input=move |ev| { let v = event_target_value(&ev); error.edit(move |p| p.set_text(field, v)); }></textarea>
            {error.view(error_id)}
        </div>
    }
}

/// A numbered level select (1..=n) with the level names.
pub fn level_options(names: Vec<String>, selected: u8) -> impl IntoView {
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            let v = (i + 1) as u8;
            view! { <option value=v.to_string() selected=v == selected>{format!("{v} – {name}")}</option> }
        })
        .collect_view()
}

/// Arrow-key navigation between the buttons of a table's cells: Up/Down move
/// to the same column of the neighbouring row, Left/Right to the neighbouring
/// cell, Home/End to the row's first/last button. Returns true if handled.
pub fn table_arrow_nav(ev: &web_sys::KeyboardEvent) -> bool {
    use wasm_bindgen::JsCast;
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    let Some(cell) = target.closest("td").ok().flatten() else { return false };
    let Some(row) = cell.parent_element() else { return false };
    let index = cell.unchecked_ref::<web_sys::HtmlTableCellElement>().cell_index();
    let button_in = |el: Option<web_sys::Element>| el.and_then(|e| e.query_selector("button").ok().flatten());
    let nth =
        |tr: Option<web_sys::Element>| tr.and_then(|tr| tr.unchecked_into::<web_sys::HtmlTableRowElement>().cells().item(index as u32));
    let dest = match ev.key().as_str() {
        "ArrowUp" => button_in(nth(row.previous_element_sibling())),
        "ArrowDown" => button_in(nth(row.next_element_sibling())),
        "ArrowLeft" => button_in(cell.previous_element_sibling()),
        "ArrowRight" => button_in(cell.next_element_sibling()),
        "Home" => row.query_selector("td button").ok().flatten(),
        "End" => {
            let all = row.query_selector_all("td button").ok();
            all.and_then(|l| l.item(l.length().saturating_sub(1))).and_then(|n| n.dyn_into().ok())
        }
        _ => return false,
    };
    ev.prevent_default();
    if let Some(el) = dest.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = el.focus();
    }
    true
}

/// Focus the element with `id` (the browser brings it into view). If it is
/// not in the page yet, e.g. a matrix row just being drawn, try again on the
/// next frame.
pub fn focus_id(id: &str) {
    use wasm_bindgen::JsCast;
    let find = |id: &str| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(id))
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    };
    if let Some(el) = find(id) {
        let _ = el.focus();
        return;
    }
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = find(&id) {
            let _ = el.focus();
        }
    });
}

/// A signal that follows `f` but is set only when the value really changes.
///
/// Memos in Leptos mark every downstream effect for a check on each change of
/// their sources; with thousands of cells that check alone costs more than the
/// edit. A signal fed by one effect stops that: cells below it are woken only
/// when their row actually changed.
pub fn follow<T>(f: impl Fn() -> T + Send + Sync + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let (read, write) = signal(untrack(&f));
    Effect::new(move |_| {
        let next = f();
        if read.with_untracked(|v| *v != next) {
            write.set(next);
        }
    });
    read
}
