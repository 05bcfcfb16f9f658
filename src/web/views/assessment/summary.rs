//! What the scores add up to: the heatmap, the chart of each component's
//! mean current and target level beside the same numbers as a table, and
//! the gaps, largest first.
//!
//! The heatmap, the table and the gaps are the report's parts (drawn by the
//! report's view). On the projector the heatmap is its brief form, so the
//! room sees the whole organisation at once, and the chart spans the screen
//! above the table. The chart's geometry is
//! `assessment::chart`, so this file only turns it into SVG. Every value in the chart is written as text and
//! the chart is one image to assistive technology, the table beside it
//! being its text alternative.

use leptos::prelude::*;

use super::report_part;
use crate::assessment::chart::{self, Chart, Label, Measure};
use crate::assessment::report::{brief_heatmap, BriefRow, BRIEF_LEGEND};
use crate::report::PartKey;
use crate::web::display::display;
use crate::web::state::assessment::open_assessment;
use crate::web::views::common::report_view::tone_class;

#[component]
pub(super) fn Heatmap() -> impl IntoView {
    let workshop = display().workshop;
    view! {
        <div id="assessment-heatmap" class="assessment-heatmap" data-artefact="heatmap">
            <Show when=move || workshop.get() fallback=|| report_part(PartKey::Heatmap)><BriefHeatmap/></Show>
        </div>
    }
}

/// The heatmap on the projector: each component a short list of its
/// activities, laid in columns, each saying "2 → 4 · 2 short" on its shade.
#[component]
fn BriefHeatmap() -> impl IntoView {
    let doc = open_assessment().doc;
    let rows = Memo::new(move |_| doc.with(brief_heatmap));
    view! {
        <section class="heatmap-brief" aria-labelledby="heatmap-brief-title">
            // The workshop bar names the part; the heading is for assistive technology.
            <h2 id="heatmap-brief-title" class="visually-hidden">"Heatmap"</h2>
            <p class="prose">{BRIEF_LEGEND}</p>
            <div class="heatmap-brief-grid">
                {move || rows.with(|rows| rows.iter().map(brief_component).collect_view())}
            </div>
        </section>
    }
}

fn brief_component(row: &BriefRow) -> impl IntoView {
    view! {
        <div class="heatmap-brief-component">
            <h3>{row.component}</h3>
            <ul>
                {row.cells.iter().map(|c| view! {
                    <li class=tone_class(c.tone)>
                        <span class="activity">{c.strong.clone()}</span>" "<strong class="levels">{c.text.clone()}</strong>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub(super) fn Summary() -> impl IntoView {
    view! {
        <div id="assessment-summary" class="assessment-summary">
            <div class="scores-and-chart" data-artefact="scores">
                <div class="scores-table">{report_part(PartKey::Scores)}</div>
                <ChartView/>
            </div>
            {report_part(PartKey::Gaps)}
        </div>
    }
}

#[component]
fn ChartView() -> impl IntoView {
    let (doc, workshop) = (open_assessment().doc, display().workshop);
    // On the projector the chart spans the screen with text the room can read.
    let layout = move || if workshop.get() { &chart::PROJECTOR } else { &chart::DESK };
    let chart = Memo::new(move |_| doc.with(|a| chart::chart_in(a, layout())));
    view! { <div class="chart-box">{move || chart.with(svg)}</div> }
}

fn svg(c: &Chart) -> impl IntoView {
    view! {
        <svg class="maturity-chart" viewBox=format!("0 0 {} {}", c.width, c.height) font-size=c.text.to_string() role="img"
            aria-labelledby="maturity-chart-title maturity-chart-desc">
            <title id="maturity-chart-title">{c.title.clone()}</title>
            <desc id="maturity-chart-desc">{c.description.clone()}</desc>
            {c.ticks.iter().map(|t| view! {
                <line class="chart-tick" x1=t.x.to_string() x2=t.x.to_string() y1=t.y1.to_string() y2=t.y2.to_string()/>
                {text(&t.label, "chart-tick-label")}
            }).collect_view()}
            {c.rows.iter().map(|r| view! {
                <g class="chart-row" data-component=r.component_id>
                    {text(&r.label, "chart-name")}
                    {bar(&r.current, "chart-current")}
                    {bar(&r.target, "chart-target")}
                </g>
            }).collect_view()}
            {text(&c.caption, "chart-caption")}
        </svg>
    }
}

/// A mean level's bar (none when nothing is scored) and its value in words.
fn bar(m: &Measure, class: &'static str) -> impl IntoView {
    let rect = m.bar.as_ref().map(|b| {
        view! {
            <rect class=class x=b.x.to_string() y=b.y.to_string() width=b.width.to_string() height=b.height.to_string()/>
        }
    });
    (rect, text(&m.label, "chart-value"))
}

fn text(l: &Label, class: &'static str) -> impl IntoView {
    view! {
        <text class=format!("{class} chart-text") x=l.x.to_string() y=l.y.to_string() text-anchor=l.anchor.as_str()>
            {l.text.clone()}
        </text>
    }
}
