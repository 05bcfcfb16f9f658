//! The risk register: entries placed on the grid and judged by the criteria,
//! with filtering, sorting, a placement grid whose cells list their entries,
//! and an editor for one entry at a time.

use leptos::prelude::*;

use super::criteria::zone_class;
use crate::assess::{self, RegisterQuery, SortKey, Stage};
use crate::model::{Rating, RiskEntry, RiskStatus, Zone};
use crate::web::state::{Confirmed, Dialog};
use crate::web::views::common::{derive, level_options};
use crate::web::views::{app, open_plan};

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

/// One table row, as displayed.
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

impl Row {
    /// The `For` key: the id and a hash of what is shown, so only changed
    /// rows are drawn again; hashing once here is cheaper than the list
    /// hashing and cloning whole rows as keys.
    pub(super) fn key(&self) -> (String, u64) {
        use std::hash::BuildHasher;
        (self.id.clone(), rustc_hash::FxBuildHasher.hash_one(self))
    }
}

/// A rating as the table shows it: level names first, numbers as a detail.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct RatingText {
    names: String,
    numbers: String,
}

/// The rows of `risks`, judged by `c`. Each grid cell's text is written once
/// (25 cells, where 500 entries would format 1,000 ratings).
pub(super) fn rows<'a>(risks: impl Iterator<Item = &'a RiskEntry>, c: &crate::model::RiskCriteria) -> Vec<Row> {
    let mut texts: rustc_hash::FxHashMap<Rating, (RatingText, Option<Zone>)> = Default::default();
    let mut judged = |x: Option<Rating>| {
        x.map(|x| {
            texts
                .entry(x)
                .or_insert_with(|| (RatingText { names: assess::rating_names(c, x), numbers: assess::rating_numbers(x) }, c.zone_of(x)))
                .clone()
        })
    };
    risks
        .map(|r| {
            let (initial, initial_zone) = judged(r.initial).map_or((None, None), |(t, z)| (Some(t), z));
            let (residual, residual_zone) = judged(r.residual).map_or((None, None), |(t, z)| (Some(t), z));
            Row {
                id: r.id.clone(),
                asset: r.asset.clone(),
                threat: r.threat.clone(),
                initial,
                initial_zone,
                residual,
                residual_zone,
                status: r.status,
                owner: r.owner.clone(),
                needs: r.need_ids.len(),
            }
        })
        .collect()
}

#[component]
pub fn RegisterSection() -> impl IntoView {
    let query = RwSignal::new(RegisterQuery::default());
    let cell = RwSignal::new(None::<(Stage, Rating)>);
    let selected = RwSignal::new(None::<String>);
    // The editor shows while its entry exists: deleting it (once confirmed) or
    // undoing its creation closes it; cancelling the delete keeps it open.
    let editing = derive(move |p| selected.with(|s| s.clone().filter(|id| p.risks.iter().any(|r| r.id == *id))));
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
