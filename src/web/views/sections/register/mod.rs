//! The risk register: entries placed on the grid and judged by the criteria,
//! with filtering, sorting, a placement grid whose cells list their entries,
//! and an editor for one entry at a time.

use leptos::prelude::*;

use super::criteria::zone_class;
use crate::assess::{self, RegisterQuery, SortKey, Stage};
use crate::model::{Rating, RiskEntry, RiskStatus, Zone};
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::app;
use crate::web::views::common::{derive, level_options};

use crate::assess::zone_label;

mod add;
mod editor;
mod filters;
mod placement;
mod table;

use add::AddRisk;
use editor::RiskEditor;
use filters::Filters;
use placement::Placement;
use table::RiskTable;

/// One table row, as displayed; the `For` key, so only changed rows re-render.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct Row {
    id: String,
    asset: String,
    threat: String,
    initial: Option<RatingText>,
    initial_zone: Option<Zone>,
    residual: Option<RatingText>,
    residual_zone: Option<Zone>,
    status: RiskStatus,
    owner: String,
    needs: usize,
}

/// A rating as the table shows it: level names first, numbers as a detail.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct RatingText {
    names: String,
    numbers: String,
}

pub(super) fn row(r: &RiskEntry, c: &crate::model::RiskCriteria) -> Row {
    let j = assess::judge(r, c);
    let rating = |x: Rating| RatingText { names: assess::rating_names(c, x), numbers: assess::rating_numbers(x) };
    Row {
        id: r.id.clone(),
        asset: r.asset.clone(),
        threat: r.threat.clone(),
        initial: r.initial.map(rating),
        initial_zone: j.initial,
        residual: r.residual.map(rating),
        residual_zone: j.residual,
        status: r.status,
        owner: r.owner.clone(),
        needs: r.need_ids.len(),
    }
}

#[component]
pub fn RegisterSection() -> impl IntoView {
    let query = RwSignal::new(RegisterQuery::default());
    let cell = RwSignal::new(None::<(Stage, Rating)>);
    let selected = RwSignal::new(None::<String>);
    // The editor shows while its entry exists: deleting it (once confirmed) or
    // undoing its creation closes it; cancelling the delete keeps it open.
    let ids = derive(|p| p.risks.iter().map(|r| r.id.clone()).collect::<Vec<_>>());
    let editing = Memo::new(move |_| selected.get().filter(|id| ids.with(|ids| ids.contains(id))));
    view! {
        <section aria-labelledby="register-title">
            <h2 id="register-title">"Risk register"</h2>
            <p class="hint">"Each entry ties an asset and a threat to stakeholder needs and controls; its cell on the grid decides whether it is acceptable."</p>
            <AddRisk selected/>
            <Placement cell/>
            <Filters query cell/>
            <RiskTable query cell selected/>
            {move || editing.get().map(|id| view! { <RiskEditor id selected/> })}
        </section>
    }
}
