//! An editable list of named items (stakeholders, roles, activities): rename
//! inline, move up and down, remove after confirmation, add at the end.

use std::collections::HashMap;

use leptos::prelude::*;

use super::derive;
use super::inline_add::InlineAdd;
use crate::common::ids::{clean_name, new_id};
use crate::common::rules::MAX_NAME_LEN;
use crate::plan::model::NamedList;
use crate::web::browser::entropy;
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;

/// How a list of named items lives in the plan.
#[derive(Clone, Copy)]
pub struct NamedItems {
    /// Singular noun for labels, e.g. "stakeholder".
    pub noun: &'static str,
    pub list: NamedList,
    /// How new items' ids begin, e.g. "sh".
    pub id_prefix: &'static str,
    /// What else goes when an item is removed.
    pub remove_note: &'static str,
}

#[component]
pub fn NameList(kind: NamedItems, #[prop(optional)] placeholder: &'static str) -> impl IntoView {
    let app = app();
    let ids = derive(move |p| p.named_items(kind.list).into_iter().map(|(id, _)| id).collect::<Vec<_>>());
    let names = derive(move |p| p.named_items(kind.list).into_iter().collect::<HashMap<_, _>>());
    let name_of = move |id: &str| names.with(|m| m.get(id).cloned().unwrap_or_default());
    let add = move |typed: String| {
        let Some(name) = clean_name(&typed) else { return };
        let id = new_id(kind.id_prefix, entropy());
        app.edit(move |p| p.add_named(kind.list, id, name));
    };
    view! {
        <ul class="edit-list" aria-label=format!("{}s", capitalise(kind.noun))>
            <For each=move || ids.get() key=|id| id.clone() let:id>
                {
                    let input_id = format!("{}-{id}", kind.noun.replace(' ', "-"));
                    let error = super::field::FieldError::new();
                    let error_id = format!("{input_id}-error");
                    let (rename_id, up_id, down_id, del_id) = (id.clone(), id.clone(), id.clone(), id.clone());
                    let label_id = id.clone();
                    let label = move |verb: &str| format!("{verb} {} {}", kind.noun, name_of(&label_id));
                    let (l1, l2, l3) = (label.clone(), label.clone(), label);
                    view! {
                        <li>
                            <label for=input_id.clone() class="visually-hidden">{format!("{} name", capitalise(kind.noun))}</label>
                            <input id=input_id type="text" maxlength=MAX_NAME_LEN prop:value={ let id = id.clone(); move || name_of(&id) }
                                aria-invalid=error.invalid() aria-describedby=error_id.clone()
                                on:input=move |ev| { let v = event_target_value(&ev); let id = rename_id.clone(); error.edit(move |p| p.rename_named(kind.list, &id, v)); }/>
                            <button type="button" class="icon" aria-label=move || l1("Move up:")
                                on:click=move |_| { let id = up_id.clone(); app.edit(move |p| p.move_named(kind.list, &id, -1)); }>"↑"</button>
                            <button type="button" class="icon" aria-label=move || l2("Move down:")
                                on:click=move |_| { let id = down_id.clone(); app.edit(move |p| p.move_named(kind.list, &id, 1)); }>"↓"</button>
                            <button type="button" class="icon danger" aria-label=move || l3("Remove")
                                on:click=move |_| app.ask(Dialog::Confirm {
                                    title: format!("Remove {} “{}”?", kind.noun, names.with_untracked(|m| m.get(&del_id).cloned().unwrap_or_default())),
                                    body: kind.remove_note.into(),
                                    action: Confirmed::RemoveNamed(kind.list, del_id.clone()),
                                })>"×"</button>
                            {error.view(error_id)}
                        </li>
                    }
                }
            </For>
        </ul>
        <InlineAdd id=format!("new-{}", kind.noun.replace(' ', "-")) label=format!("Add {}", with_article(kind.noun))
            placeholder button=format!("Add {}", kind.noun) required=format!("Type the {}’s name first, then add it.", kind.noun) on_add=add/>
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// "a role", "an activity": the indefinite article a noun takes in the labels.
fn with_article(noun: &str) -> String {
    let article = if noun.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
    format!("{article} {noun}")
}
