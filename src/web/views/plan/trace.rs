//! Controls and traceability: the plan's shared risk controls, the gaps in
//! the chain from stakeholder need to verified control, and the chain as a
//! table (and CSV).

use crate::common::rules::{MAX_NAME_LEN, MAX_TEXT_LEN};
use leptos::prelude::*;

use crate::web::views::common::row_window::MoreRows;

use crate::plan::deliverables::{Fix, Gap};
use crate::plan::model::{Control, ControlKind, ControlStatus};
use crate::plan::sections::Section;
use crate::plan::trace::{gaps, rows, Links, TraceRow};
use crate::web::state::{Confirmed, Dialog, Output};
use crate::web::views::app;
use crate::web::views::common::field::FieldError;
use crate::web::views::common::item_table::ItemTable;
use crate::web::views::common::{derive, or_dash};

#[component]
pub fn TraceSection() -> impl IntoView {
    let ids = derive(|p| p.controls.iter().map(|c| c.id.clone()).collect::<Vec<_>>());
    // A gap link to a control further down than the list draws draws it.
    let wanted = match (super::fix_target::pending(), super::premarket::target::pending()) {
        (Some(Fix::Control(id)), _) | (_, Some(crate::plan::premarket::Target::ControlCategories(id))) => {
            ids.with_untracked(|ids| ids.iter().position(|c| *c == id).map_or(0, |i| i + 1))
        }
        _ => 0,
    };
    let controls = ControlsDrawn { drawn: RwSignal::new(CONTROLS_STEP.max(wanted)), ids };
    provide_context(controls);
    view! {
        <section aria-labelledby="trace-title">
            <h2 id="trace-title">"Controls and traceability"</h2>
            <p class="hint">"Trace each stakeholder need to the risks that threaten it, the controls that reduce them and the evidence that verifies each control. A control can serve several register entries: link it from each entry in the risk register."</p>
            <TraceGaps/>
            <ControlList controls/>
            <TraceTable/>
        </section>
    }
}

/// A gap as a link to where it is fixed. In this section itself the page
/// does not change, so the control is focused at once.
pub fn gap_link(g: Gap) -> impl IntoView {
    let fix = g.fix.clone();
    let here = g.place == Section::Traceability;
    let drawn = use_context::<ControlsDrawn>();
    view! {
        <a href=format!("#{}", g.place.anchor()) on:click=move |ev| {
            super::fix_target::request(fix.clone());
            if here {
                ev.prevent_default();
                // A control not drawn yet is drawn first, then focused.
                match (&fix, drawn) {
                    (Fix::Control(id), Some(drawn)) if drawn.show(id) => request_animation_frame(|| {
                        super::fix_target::focus_requested();
                    }),
                    _ => {
                        super::fix_target::focus_requested();
                    }
                }
            }
        }>{g.text}</a>
    }
}

/// Gaps listed at first: the rest (4,000 entries can have thousands) on request.
const GAPS_LISTED: usize = 50;

#[component]
fn TraceGaps() -> impl IntoView {
    let found = derive(gaps);
    let all = RwSignal::new(false);
    view! {
        <h3 id="trace-gaps-title">{move || match found.with(Vec::len) {
            0 => "No gaps in the chain".to_string(),
            1 => "1 gap in the chain".to_string(),
            n => format!("{n} gaps in the chain"),
        }}</h3>
        <Show when=move || !found.with(Vec::is_empty)
            fallback=|| view! { <p class="hint">"Every critical need is covered by a risk and a control, every control has a verification reference and every residual risk that needs it is accepted."</p> }>
            <ul class="gaps trace-gaps" aria-labelledby="trace-gaps-title">
                {move || {
                    let listed = if all.get() { usize::MAX } else { GAPS_LISTED };
                    found.with(|f| f.iter().take(listed).cloned().map(|g| view! { <li>{gap_link(g)}</li> }).collect_view())
                }}
            </ul>
            {move || {
                let n = found.with(Vec::len);
                (n > GAPS_LISTED && !all.get()).then(|| view! {
                    <button type="button" class="more-gaps" on:click=move |_| all.set(true)>{format!("Show all {n} gaps")}</button>
                })
            }}
        </Show>
    }
}

/// The kind a new control gets, chosen beside its description (here and in
/// the register's "Add and link"); the label is read by screen readers only.
pub(super) fn control_kind_select(id: &'static str, label: &'static str, kind: RwSignal<ControlKind>) -> impl IntoView {
    view! {
        <label for=id class="visually-hidden">{label}</label>
        <select id=id on:change=move |ev| {
            let v = event_target_value(&ev);
            if let Some(k) = ControlKind::ALL.into_iter().find(|k| k.label() == v) { kind.set(k); }
        }>
            {ControlKind::ALL.map(|k| view! { <option value=k.label() selected=move || kind.get() == k>{k.label()}</option> }).collect_view()}
        </select>
    }
}

#[component]
fn ControlList(controls: ControlsDrawn) -> impl IntoView {
    let app = app();
    let ControlsDrawn { drawn, ids } = controls;
    // Which entries use each control, found once for all the rows.
    let used_by = derive(|p| Links::new(p).users_by_control());
    // A long list draws its first rows, and more as the line under it nears
    // the screen (400 rows of fields took most of a second to lay out).
    let shown = Memo::new(move |_| ids.with(|ids| ids.iter().take(drawn.get()).cloned().collect::<Vec<_>>()));
    let total = move || ids.with(Vec::len);
    let description = RwSignal::new(String::new());
    let kind = RwSignal::new(ControlKind::Design);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let text = description.get_untracked();
        if text.trim().is_empty() {
            return;
        }
        let k = kind.get_untracked();
        app.edit(move |p| {
            p.add_control(&text, k);
        });
        // The new control is the last: drawn, however long the list.
        drawn.set(usize::MAX);
        description.set(String::new());
    };
    view! {
        <h3 id="controls-title">{move || format!("Risk controls ({})", ids.with(Vec::len))}</h3>
        <form class="inline-add" on:submit=add>
            <label for="new-control">"Add a control"</label>
            <input id="new-control" type="text" maxlength=MAX_NAME_LEN placeholder="e.g. Signed firmware verified at boot"
                prop:value=move || description.get() on:input=move |ev| description.set(event_target_value(&ev))/>
            {control_kind_select("new-control-kind", "Kind of the new control", kind)}
            <button type="submit">"Add control"</button>
        </form>
        <ItemTable ids=shown labelled_by="controls-title" class="controls"
            columns=&["Control", "Description", "Kind", "Status", "Verification", "Used by"]
            empty="No controls yet. Add one above, or from a register entry." row=move |id| view! { <ControlRow id used_by/> }/>
        <MoreRows drawn step=CONTROLS_STEP total what="Controls"/>
    }
}

/// Control rows drawn at first, and added each time the reader nears the end.
const CONTROLS_STEP: usize = 50;

/// How many controls the list draws, for a gap link that names one further down.
#[derive(Clone, Copy)]
pub(super) struct ControlsDrawn {
    drawn: RwSignal<usize>,
    ids: Memo<Vec<String>>,
}

impl ControlsDrawn {
    /// Draw the list down to control `id`; whether it was not drawn yet.
    fn show(self, id: &str) -> bool {
        let Some(at) = self.ids.with_untracked(|ids| ids.iter().position(|c| c == id)) else { return false };
        let drawn = self.drawn.get_untracked();
        if at < drawn {
            return false;
        }
        self.drawn.set(at + 1);
        true
    }
}

#[component]
fn ControlRow(id: String, used_by: Memo<rustc_hash::FxHashMap<String, String>>) -> impl IntoView {
    let app = app();
    let control = {
        let id = id.clone();
        derive(move |p| p.controls.iter().find(|c| c.id == id).cloned())
    };
    let used_by = {
        let id = id.clone();
        Memo::new(move |_| used_by.with(|u| u.get(&id).cloned().unwrap_or_default()))
    };
    let read = move |f: fn(&Control) -> String| move || control.with(|c| c.as_ref().map(f).unwrap_or_default());
    let error = FieldError::new();
    let edit = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut Control) + Send>| {
            let id = id.clone();
            error.edit(move |p| {
                if let Some(c) = p.control_mut(&id) {
                    f(c);
                }
            });
        }
    };
    let (edit_kind, edit_status, edit_verification) = (edit.clone(), edit.clone(), edit.clone());
    let error_id = format!("control-{id}-error");
    let del_id = id.clone();
    view! {
        <tr>
            <th scope="row">{id.clone()}</th>
            <td>
                <textarea rows="2" maxlength=MAX_TEXT_LEN aria-label=format!("Description of control {id}") prop:value=read(|c| c.description.clone())
                    aria-invalid=error.invalid() aria-describedby=error_id.clone()
                    on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |c| c.description = v)); }></textarea>
                {error.view(error_id)}
                <super::premarket::ControlCategories id=id.clone()/>
            </td>
            <td>
                <select aria-label=format!("Kind of control {id}") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = ControlKind::ALL.into_iter().find(|k| k.label() == v) { edit_kind(Box::new(move |c| c.kind = k)); }
                }>
                    {ControlKind::ALL.map(|k| view! { <option value=k.label() selected=move || control.with(|c| c.as_ref().is_some_and(|c| c.kind == k))>{k.label()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=format!("Status of control {id}") on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(s) = ControlStatus::ALL.into_iter().find(|s| s.label() == v) { edit_status(Box::new(move |c| c.status = s)); }
                }>
                    {ControlStatus::ALL.map(|s| view! { <option value=s.label() selected=move || control.with(|c| c.as_ref().is_some_and(|c| c.status == s))>{s.label()}</option> }).collect_view()}
                </select>
            </td>
            <td>
                <input type="text" maxlength=MAX_NAME_LEN placeholder="e.g. VER-SEC-012" data-control=id.clone()
                    aria-label=format!("Verification of control {id}") prop:value=read(|c| c.verification.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); edit_verification(Box::new(move |c| c.verification = v)); }/>
            </td>
            <td>{move || used_by.with(|u| or_dash(u))}</td>
            <td>
                <button type="button" class="icon danger" aria-label=format!("Remove control {id}") on:click=move |_| {
                    app.ask(Dialog::Confirm {
                        title: format!("Remove control {del_id}?"),
                        body: "Its links from register entries are removed too.".into(),
                        action: Confirmed::RemoveControl(del_id.clone()),
                    });
                }>"×"</button>
            </td>
        </tr>
    }
}

#[component]
fn TraceTable() -> impl IntoView {
    let app = app();
    let table = derive(rows);
    // A long table draws its first rows, and more as the line under it
    // nears the screen: 4,000 entries with two controls each are 8,000
    // rows, which took seconds to draw.
    let drawn = RwSignal::new(STEP);
    let total = move || table.with(Vec::len);
    view! {
        <h3 id="trace-table-title">"Traceability"</h3>
        <div class="actions">
            <button type="button" on:click=move |ev| if !crate::web::views::common::repeated_click(&ev) { app.download_output(Output::TraceCsv) }>"Download traceability (CSV)"</button>
        </div>
        <div class="table-scroll">
            <table class="trace" aria-labelledby="trace-table-title">
                <thead><tr>
                    <th scope="col">"Stakeholder need"</th>
                    <th scope="col">"User need"</th>
                    <th scope="col">"Risk"</th>
                    <th scope="col">"Control"</th>
                    <th scope="col">"Verification"</th>
                </tr></thead>
                // One row group per step: an edit redraws only the groups whose rows changed.
                <For each=move || 0..total().min(drawn.get()).div_ceil(STEP) key=|i| *i let:i>
                    {rows_group(table, i)}
                </For>
            </table>
        </div>
        <MoreRows drawn step=STEP total what="Rows" rest=" The CSV and the report hold them all."/>
    }
}

/// Rows of the traceability table drawn at first, and added each time the reader nears the end.
const STEP: usize = 200;

/// The `i`th group of [`STEP`] rows.
fn rows_group(table: Memo<Vec<TraceRow>>, i: usize) -> impl IntoView {
    let group =
        Memo::new(move |_| table.with(|t| t.get(i * STEP..((i + 1) * STEP).min(t.len())).map(<[TraceRow]>::to_vec).unwrap_or_default()));
    view! {
        <tbody>
            {move || group.get().into_iter().map(|r| {
                let need = r.need_label().to_string();
                view! {
                    <tr>
                        <th scope="row">{need}{r.critical.then(|| view! { " " <span class="badge critical">"critical"</span> })}</th>
                        <td>{or_dash(&r.user_need)}</td>
                        <td>{or_dash(&r.risk_id)}</td>
                        <td>{or_dash(&r.control_label())}</td>
                        <td>{or_dash(&r.verification)}</td>
                    </tr>
                }
            }).collect_view()}
        </tbody>
    }
}
