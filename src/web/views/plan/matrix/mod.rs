//! A.2 Voice of the customer: stakeholders, their security needs, and the
//! stakeholder-needs matrix (needs as rows, stakeholders as columns).
//!
//! Cells are buttons: click or Space/Enter cycles none -> relevant -> critical;
//! keys 0, 1 and 2 set a value directly; arrow keys move between cells.

use std::collections::HashMap;
use std::sync::Arc;

use leptos::prelude::*;

use crate::plan::model::{NamedList, Relevance};
use crate::web::views::common::derive;
use crate::web::views::common::name_list::{NameList, NamedItems};

mod cells;
mod row;
mod table;
mod user_needs;

use table::NeedMatrix;
use user_needs::UserNeedList;

/// One need's row of the matrix: stakeholder id -> relevance. Shared, so a
/// row takes its part of the index without copying it.
type RowLinks = Arc<HashMap<String, Relevance>>;
/// need id -> its row: one lookup per cell, rebuilt once per change.
type LinkIndex = HashMap<String, RowLinks>;

#[component]
pub fn StakeholderSection() -> impl IntoView {
    view! {
        <section aria-labelledby="a2-title">
            <h2 id="a2-title">"A.2 Voice of the customer"</h2>
            <p class="hint">"Each stakeholder group brings security needs. Mark how much each need matters to each group, then fold every need into a user need."</p>
            <StakeholderList/>
            <NeedMatrix/>
            <UserNeedList/>
        </section>
    }
}

const STAKEHOLDERS: NamedItems = NamedItems {
    noun: "stakeholder",
    list: NamedList::Stakeholders,
    id_prefix: "sh",
    remove_note: "Their column of the matrix is removed too.",
};

/// A list longer than this starts folded at a desk too: 50 stakeholders'
/// fields would push the matrix two screens down (and cost its first draw
/// about 20 ms of layout).
const LONG_LIST: usize = 12;

/// Open at a desk; folded away on the projector, and when it is long, so the
/// matrix comes first. Once shown, it stays as the user leaves it.
#[component]
fn StakeholderList() -> impl IntoView {
    let workshop = crate::web::display::display().workshop;
    let count = derive(|p| p.stakeholders.len());
    view! {
        <details class="stakeholders" prop:open=move || !workshop.get() && count.get_untracked() <= LONG_LIST>
            <summary><h3>{move || format!("Stakeholders ({})", count.get())}</h3></summary>
            <NameList kind=STAKEHOLDERS placeholder="e.g. Home caregivers"/>
        </details>
    }
}
