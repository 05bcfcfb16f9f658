//! A plan's list of items as a table: the attendees, the risk controls, the
//! user needs.

use leptos::prelude::*;

/// One row per id, drawn by `row`, under headings `columns` and a last
/// column of each row's remove button (named for screen readers only); the
/// table is named by the heading `labelled_by`. With no ids, `empty` shows
/// instead (or nothing, when it is `None`).
#[component]
pub fn ItemTable<R: IntoView + 'static>(
    ids: Memo<Vec<String>>,
    labelled_by: &'static str,
    class: &'static str,
    columns: &'static [&'static str],
    #[prop(optional)] empty: Option<&'static str>,
    row: impl Fn(String) -> R + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <Show when=move || !ids.with(Vec::is_empty)
            fallback=move || empty.map(|text| view! { <p class="empty">{text}</p> })>
            <div class="table-scroll">
                <table class=class aria-labelledby=labelled_by>
                    <thead><tr>
                        {columns.iter().map(|c| view! { <th scope="col">{*c}</th> }).collect_view()}
                        <th scope="col"><span class="visually-hidden">"Remove"</span></th>
                    </tr></thead>
                    <tbody>
                        <For each=move || ids.get() key=|id| id.clone() children=move |id| row(id)/>
                    </tbody>
                </table>
            </div>
        </Show>
    }
}
