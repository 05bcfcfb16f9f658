//! The risk register: entries placed on the grid and judged by the criteria,
//! with filtering, sorting, a placement grid whose cells list their entries,
//! and an editor for one entry at a time.

use std::sync::Arc;

use leptos::prelude::*;

use crate::plan::model::{Rating, RiskCriteria, RiskEntry, RiskStatus, Zone};
use crate::plan::risk::{self, RegisterQuery, Stage};
use crate::web::views::common::derive;

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
    initial_rating: Option<Rating>,
    initial: Option<RatingText>,
    initial_zone: Option<Zone>,
    residual_rating: Option<Rating>,
    residual: Option<RatingText>,
    residual_zone: Option<Zone>,
    status: RiskStatus,
    owner: String,
    needs: usize,
    /// A hash of all of the above, made once (see [`Row::key`]).
    hash: u64,
}

impl Row {
    /// The `For` key: the id and a hash of what is shown, so only changed
    /// rows are drawn again.
    pub(super) fn key(row: &Arc<Row>) -> (String, u64) {
        (row.id.clone(), row.hash)
    }

    /// Whether this row still shows `r` (under unchanged criteria).
    fn shows(&self, r: &RiskEntry) -> bool {
        self.id == r.id
            && self.asset == r.asset
            && self.threat == r.threat
            && self.owner == r.owner
            && self.status == r.status
            && self.needs == r.need_ids.len()
            && self.initial_rating == r.initial
            && self.residual_rating == r.residual
    }
}

/// A rating as the table shows it: level names first, numbers as a detail.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(super) struct RatingText {
    names: String,
    numbers: String,
}

/// The table's rows, and the criteria they were judged by.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Rows {
    criteria: RiskCriteria,
    pub(super) rows: Vec<Arc<Row>>,
}

/// The rows of `risks`, judged by `c`. A row of `last` that still shows its
/// entry is kept as it is: an edit changes one entry, and building 500 rows
/// of text again took a fifth of it. Each grid cell's text is written once.
pub(super) fn rows<'a>(risks: impl Iterator<Item = &'a RiskEntry>, c: &RiskCriteria, last: Option<&Rows>) -> Rows {
    let reusable: rustc_hash::FxHashMap<&str, &Arc<Row>> =
        last.filter(|l| l.criteria == *c).map(|l| l.rows.iter().map(|r| (r.id.as_str(), r)).collect()).unwrap_or_default();
    let mut texts: rustc_hash::FxHashMap<Rating, (RatingText, Option<Zone>)> = Default::default();
    let mut judged = |x: Option<Rating>| {
        x.map(|x| {
            texts
                .entry(x)
                .or_insert_with(|| (RatingText { names: risk::rating_names(c, x), numbers: risk::rating_numbers(x) }, c.zone_of(x)))
                .clone()
        })
    };
    let rows = risks
        .map(|r| match reusable.get(r.id.as_str()) {
            Some(row) if row.shows(r) => Arc::clone(row),
            _ => {
                let (initial, initial_zone) = judged(r.initial).map_or((None, None), |(t, z)| (Some(t), z));
                let (residual, residual_zone) = judged(r.residual).map_or((None, None), |(t, z)| (Some(t), z));
                let mut row = Row {
                    id: r.id.clone(),
                    asset: r.asset.clone(),
                    threat: r.threat.clone(),
                    initial_rating: r.initial,
                    initial,
                    initial_zone,
                    residual_rating: r.residual,
                    residual,
                    residual_zone,
                    status: r.status,
                    owner: r.owner.clone(),
                    needs: r.need_ids.len(),
                    hash: 0,
                };
                row.hash = std::hash::BuildHasher::hash_one(&rustc_hash::FxBuildHasher, &row);
                Arc::new(row)
            }
        })
        .collect();
    Rows { criteria: c.clone(), rows }
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
