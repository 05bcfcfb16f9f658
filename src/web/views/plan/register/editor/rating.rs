//! The entry's two ratings, each chosen level by level.

use leptos::prelude::*;

use super::{EditRisk, Fields};
use crate::plan::model::{Rating, RiskCriteria};
use crate::plan::risk::{self, Stage};
use crate::web::views::common::level_options;

/// Which level of a rating a select chooses. (The criteria call the
/// likelihood axis likelihood or exploitability: see [`Axis::label`].)
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Axis {
    Likelihood,
    Severity,
}

impl Axis {
    /// This level of `r` (0: not chosen).
    fn of(self, r: Rating) -> u8 {
        match self {
            Axis::Likelihood => r.likelihood,
            Axis::Severity => r.severity,
        }
    }

    fn set(self, r: &mut Rating, v: u8) {
        match self {
            Axis::Likelihood => r.likelihood = v,
            Axis::Severity => r.severity = v,
        }
    }

    /// The names of the axis's levels, lowest first.
    fn levels(self, c: &RiskCriteria) -> Vec<String> {
        match self {
            Axis::Likelihood => c.likelihood_levels.clone(),
            Axis::Severity => c.severity_levels.clone(),
        }
    }

    /// The axis's name under the criteria `c`.
    fn label(self, c: Option<&RiskCriteria>) -> &'static str {
        match self {
            Axis::Likelihood => c.map(|c| c.axis.label()).unwrap_or("Likelihood"),
            Axis::Severity => "Severity",
        }
    }
}

/// The initial rating's two levels. An unrated entry gets its initial rating
/// only once both are chosen: the first choice waits in `pending`.
#[component]
pub(super) fn InitialRating(fields: Fields, criteria: Memo<Option<RiskCriteria>>, edit: EditRisk) -> impl IntoView {
    // 0: not chosen yet.
    let pending = RwSignal::new(Rating { likelihood: 0, severity: 0 });
    view! {
        <fieldset class="field ratings">
            <legend>"Initial rating (before controls)"</legend>
            <RatingSelect stage=Stage::Initial axis=Axis::Likelihood fields criteria edit pending/>
            <RatingSelect stage=Stage::Initial axis=Axis::Severity fields criteria edit pending/>
        </fieldset>
    }
}

/// Whether the residual risk is assessed (it starts as the initial rating),
/// and its two levels, chosen only once it is.
#[component]
pub(super) fn ResidualRating(fields: Fields, criteria: Memo<Option<RiskCriteria>>, edit: EditRisk) -> impl IntoView {
    view! {
        <fieldset class="field ratings">
            <legend>"Residual rating (after controls)"</legend>
            <label class="choice">
                <input type="checkbox" prop:checked=move || fields.residual.with(Option::is_some)
                    prop:disabled=move || fields.initial.with(Option::is_none) && fields.residual.with(Option::is_none)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        edit.apply(move |r| r.residual = if on { r.residual.or(r.initial) } else { None });
                    }/>
                "Residual risk assessed"
                {move || fields.initial.with(Option::is_none).then_some(view! { <span class="hint">" (rate the initial risk first)"</span> })}
            </label>
            <RatingSelect stage=Stage::Residual axis=Axis::Likelihood fields criteria edit/>
            <RatingSelect stage=Stage::Residual axis=Axis::Severity fields criteria edit/>
        </fieldset>
    }
}

/// One level of the rating of `stage`. While the entry is unrated, a choice
/// goes to `pending` (given for the initial rating) until both levels are
/// chosen. "Not rated" takes the initial rating back; the residual select is
/// disabled until the residual risk is assessed.
#[component]
fn RatingSelect(
    stage: Stage,
    axis: Axis,
    fields: Fields,
    criteria: Memo<Option<RiskCriteria>>,
    edit: EditRisk,
    #[prop(optional)] pending: Option<RwSignal<Rating>>,
) -> impl IntoView {
    let rating = fields.rating(stage);
    let id = select_id(stage, axis);
    let current = move || match rating.get() {
        Some(r) => axis.of(r),
        None => pending.map_or(0, |p| p.with(|p| axis.of(*p))),
    };
    let choose = move |ev: leptos::ev::Event| {
        let v: u8 = event_target_value(&ev).parse().unwrap_or(0);
        if rating.with_untracked(Option::is_none) {
            let Some(pending) = pending else { return };
            pending.update(|p| axis.set(p, v));
            let chosen = pending.get_untracked();
            if chosen.likelihood == 0 || chosen.severity == 0 {
                return;
            }
            pending.set(Rating { likelihood: 0, severity: 0 });
            edit.apply(move |r| r.initial = Some(chosen));
            return;
        }
        edit.apply(move |r| {
            let target = match stage {
                Stage::Initial => &mut r.initial,
                Stage::Residual => &mut r.residual,
            };
            match (target.as_mut(), v) {
                // "Not rated" takes the rating back.
                (_, 0) if stage == Stage::Initial => *target = None,
                (Some(t), v) if v > 0 => axis.set(t, v),
                _ => {}
            }
        });
    };
    let unset_text = if stage == Stage::Residual { "—" } else { risk::NOT_RATED };
    view! {
        <div class="field compact">
            <label for=id>{move || criteria.with(|c| axis.label(c.as_ref()))}</label>
            <select id=id prop:disabled=move || stage == Stage::Residual && rating.with(Option::is_none) on:change=choose>
                {move || {
                    let unset = current() == 0;
                    view! { <option value="0" selected=unset>{unset_text}</option> }
                }}
                {move || level_options(criteria.with(|c| c.as_ref().map(|c| axis.levels(c)).unwrap_or_default()), current())}
            </select>
        </div>
    }
}

/// The id of the select of `axis` in the rating of `stage`.
fn select_id(stage: Stage, axis: Axis) -> &'static str {
    match (stage, axis) {
        (Stage::Initial, Axis::Likelihood) => "risk-initial-l",
        (Stage::Initial, Axis::Severity) => "risk-initial-s",
        (Stage::Residual, Axis::Likelihood) => "risk-residual-l",
        (Stage::Residual, Axis::Severity) => "risk-residual-s",
    }
}
