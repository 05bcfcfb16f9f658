//! The component register: the product's third-party components (what an
//! SBOM lists), each with its level of support, end of support and how the
//! team monitors it; imported from an SBOM or typed in, and written out as
//! a CycloneDX SBOM or CSV.
//!
//! - `table.rs`: the register, drawing only the rows in view (a plan holds
//!   up to 5,000 components), with arrow keys between rows;
//! - `editor.rs`: the editor of one component, under the table;
//! - `style.rs`: its styles, added when it first shows (not on the first screen);
//! - `sbom.rs`: import (preview of what changes, then apply) and downloads,
//!   whose readers and writer are a part of the app loaded on demand.

use std::sync::Arc;

use leptos::prelude::*;

use crate::app::components::{filter_from_key, filter_key, ComponentQuery};
use crate::common::rules::MAX_NAME_LEN;
use crate::plan::model::{Component, ComponentFilter};
use crate::web::views::common::derive;
use crate::web::views::common::inline_add::InlineAdd;
use crate::web::views::{app, open_plan};

mod editor;
pub(crate) mod sbom;
mod style;
mod table;

use editor::ComponentEditor;
use table::ComponentTable;

/// The register's components, each shared: a row keeps its `Arc` while its
/// component is unchanged, so an edit makes one new row, and comparing two
/// registers compares pointers (5,000 components at every keystroke).
#[derive(Clone, Default)]
pub(super) struct Rows(pub(super) Vec<Arc<Component>>);

impl PartialEq for Rows {
    fn eq(&self, other: &Rows) -> bool {
        self.0.len() == other.0.len() && self.0.iter().zip(&other.0).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

impl Rows {
    /// The rows of `components`, reusing those of `last` that still show theirs.
    fn of(components: &[Component], last: Option<&Rows>) -> Rows {
        let last = last.map_or(&[][..], |l| l.0.as_slice());
        // An edit keeps every position but one; an import or removal shifts
        // them, and then rows are found by id.
        let mut by_id: Option<rustc_hash::FxHashMap<&str, &Arc<Component>>> = None;
        let rows = components
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let same = last
                    .get(i)
                    .filter(|r| r.id == c.id)
                    .or_else(|| by_id.get_or_insert_with(|| last.iter().map(|r| (r.id.as_str(), r)).collect()).get(c.id.as_str()).copied());
                match same {
                    Some(r) if **r == *c => Arc::clone(r),
                    _ => Arc::new(c.clone()),
                }
            })
            .collect();
        Rows(rows)
    }
}

#[component]
pub fn ComponentsSection() -> impl IntoView {
    style::install();
    let plan = open_plan().plan;
    let rows = Memo::new(move |last: Option<&Rows>| plan.with(|p| Rows::of(&p.components, last)));
    // A dashboard gap link to many components opens the register filtered to them.
    let query =
        RwSignal::new(ComponentQuery { show: super::fix_target::pending_filter().unwrap_or(ComponentFilter::All), text: String::new() });
    let product_end = derive(|p| p.project.end_of_support.clone());
    let shown = Memo::new(move |_| {
        let end = product_end.get();
        query.with(|q| {
            rows.with(|r| {
                let at = crate::app::components::filter(r.0.iter().map(|c| &**c), q, &end);
                Rows(at.into_iter().map(|i| Arc::clone(&r.0[i])).collect())
            })
        })
    });
    // A dashboard gap link to a component opens its editor (fix_target.rs focuses the field).
    let selected = RwSignal::new(super::fix_target::pending_component());
    let editing = Memo::new(move |_| selected.get().filter(|id| rows.with(|r| r.0.iter().any(|c| c.id == *id))));
    view! {
        <section aria-labelledby="components-title" class="components-section">
            <h2 id="components-title">"Third-party components"</h2>
            <p class="hint">"Each component the product ships, with its level of support, when support ends and how the team watches it for vulnerabilities (what FDA asks for in an SBOM). Import the SBOM, then fill in what it does not say."</p>
            <ProductEnd product_end/>
            <div class="toolbar">
                <InlineAdd id="new-component" label="Add a component" placeholder="e.g. openssl" button="Add component"
                    required="Type the component’s name first, then add it." on_add=move |typed: String| {
                        let Some(name) = crate::common::ids::clean_name(&typed) else { return };
                        let mut id = String::new();
                        app().edit(|p| id = p.add_component(&name));
                        if !id.is_empty() {
                            selected.set(Some(id));
                            crate::web::views::common::focus_id("component-version");
                        }
                    }/>
                <sbom::ImportSbom/>
                <sbom::Downloads/>
            </div>
            <Filters query product_end/>
            <ComponentTable rows shown query selected/>
            {move || editing.get().map(|id| view! { <ComponentEditor id selected/> })}
        </section>
    }
}

/// The product's planned end of support (A.1), which the components' own are measured against.
#[component]
fn ProductEnd(product_end: Memo<String>) -> impl IntoView {
    view! {
        <p class="product-end">
            {move || match product_end.get() {
                date if date.is_empty() => view! {
                    "The product’s planned end of support is not set yet: "
                    <a href="#a1">"set it in A.1"</a>
                    " to see which components’ support ends before it."
                }.into_any(),
                date => view! {
                    "The product’s planned end of support: " <strong>{date}</strong> " ("<a href="#a1">"A.1"</a>")."
                }.into_any(),
            }}
        </p>
    }
}

/// The support filter and the find field.
#[component]
fn Filters(query: RwSignal<ComponentQuery>, product_end: Memo<String>) -> impl IntoView {
    view! {
        <div class="filters" role="search" aria-label="Filter the components">
            <div class="field compact">
                <label for="component-show">"Show"</label>
                <select id="component-show" on:change=move |ev| {
                    let show = filter_from_key(&event_target_value(&ev));
                    query.update(|q| q.show = show);
                }>
                    {ComponentFilter::ALL.map(|s| view! { <option value=filter_key(s) selected=move || query.with(|q| q.show == s)>{s.label()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field compact">
                <label for="component-find">"Find components"</label>
                <input id="component-find" type="search" maxlength=MAX_NAME_LEN placeholder="Name, supplier, licence, notes…"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); query.update(|q| q.text = v); }/>
            </div>
            <Show when=move || query.with(|q| q.show == ComponentFilter::EndsBeforeProduct) && product_end.with(String::is_empty)>
                <p class="hint">"Set the product’s planned end of support in A.1 first: until then no component’s support ends before it."</p>
            </Show>
        </div>
    }
}
