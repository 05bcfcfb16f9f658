//! The edits the app makes, as a proptest menu with arbitrary inputs (empty,
//! blank, very long, any Unicode, any number): shared by the edit-sequence
//! and merge property tests (included with `mod edits;`).
#![allow(dead_code)]

use jsp_planner::common::ids::Identified;
use jsp_planner::plan::model::*;
use proptest::prelude::*;

#[derive(Debug, Clone)]
pub enum Op {
    Text(PlanText, String),
    AddNamed(NamedList, String),
    RenameNamed(NamedList, usize, String),
    MoveNamed(NamedList, usize, bool),
    RemoveNamed(NamedList, usize),
    AddNeed(String),
    NeedText(usize, String),
    UserNeed(usize, String),
    RemoveNeed(usize),
    Relevance(usize, usize, u8),
    AddRisk(String, String),
    Rate(usize, u8, u8),
    Residual(usize, Option<(u8, u8)>),
    LinkNeed(usize, usize),
    Resize(usize, usize),
    Preset(usize),
    LevelName(bool, usize, String),
    Zone(usize, usize, u8),
    Checklist(bool, String),
    Impact(usize, String),
    Sbom(bool, bool),
    Raci(usize, usize, u8),
    Examples,
    AddAttendee(String, usize),
    DocumentText(String),
    AddUserNeed(String),
    UserNeedText(usize, String),
    RemoveUserNeed(usize),
    AddControl(String),
    LinkControl(usize, usize),
    RemoveControl(usize),
    Verification(usize, String),
    Treatment(usize, u8),
    Accept(usize, String, String, String),
    AddComponent(String),
    ComponentText(usize, usize, String),
    ComponentChoice(usize, u8, u8),
    LinkComponentRisk(usize, usize, bool),
    RemoveComponent(usize),
    RemoveRisk(usize),
    ProductEndOfSupport(String),
    ControlCategory(usize, u8, bool),
    CategoryReason(u8, String),
    ViewText(u8, bool, String),
    ViewStatus(u8, u8),
    CyberDevice(Option<bool>),
    Mds2(String, Option<u8>, String, bool),
    ResetMds2(String),
}

fn question_id() -> impl Strategy<Value = String> {
    prop_oneof![Just("DOC-8".to_string()), Just("AUDT-2.8.1".into()), Just("SBOM-1".into()), Just("not an id!".into()), Just(String::new())]
}

fn date() -> impl Strategy<Value = String> {
    prop_oneof![Just("2026-11-24".to_string()), Just("2031-12-31".into()), Just("2026-13-01".into()), Just(String::new()), text()]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), Just("   ".to_string()), "\\PC{0,40}", (0usize..3).prop_map(|k| "x".repeat([299, 301, 20_001][k])),]
}

pub fn op() -> impl Strategy<Value = Op> {
    let i = 0usize..12;
    prop_oneof![
        (proptest::sample::select(PlanText::ALL.to_vec()), text()).prop_map(|(f, t)| Op::Text(f, t)),
        (list(), text()).prop_map(|(l, t)| Op::AddNamed(l, t)),
        (list(), i.clone(), text()).prop_map(|(l, i, t)| Op::RenameNamed(l, i, t)),
        (list(), i.clone(), any::<bool>()).prop_map(|(l, i, up)| Op::MoveNamed(l, i, up)),
        (list(), i.clone()).prop_map(|(l, i)| Op::RemoveNamed(l, i)),
        text().prop_map(Op::AddNeed),
        (i.clone(), text()).prop_map(|(i, t)| Op::NeedText(i, t)),
        (i.clone(), text()).prop_map(|(i, t)| Op::UserNeed(i, t)),
        i.clone().prop_map(Op::RemoveNeed),
        (i.clone(), i.clone(), 0u8..3).prop_map(|(a, b, r)| Op::Relevance(a, b, r)),
        (text(), text()).prop_map(|(a, t)| Op::AddRisk(a, t)),
        (i.clone(), any::<u8>(), any::<u8>()).prop_map(|(i, l, s)| Op::Rate(i, l, s)),
        (i.clone(), proptest::option::of((any::<u8>(), any::<u8>()))).prop_map(|(i, r)| Op::Residual(i, r)),
        (i.clone(), i.clone()).prop_map(|(a, b)| Op::LinkNeed(a, b)),
        (0usize..8, 0usize..8).prop_map(|(l, s)| Op::Resize(l, s)),
        (0usize..6).prop_map(Op::Preset),
        (any::<bool>(), 0usize..6, text()).prop_map(|(l, i, t)| Op::LevelName(l, i, t)),
        (0usize..6, 0usize..6, 0u8..3).prop_map(|(i, j, z)| Op::Zone(i, j, z)),
        (any::<bool>(), text()).prop_map(|(o, t)| Op::Checklist(o, t)),
        (0usize..12, text()).prop_map(|(q, t)| Op::Impact(q, t)),
        (any::<bool>(), any::<bool>()).prop_map(|(s, u)| Op::Sbom(s, u)),
        (i.clone(), i.clone(), 0u8..5).prop_map(|(a, b, v)| Op::Raci(a, b, v)),
        Just(Op::Examples),
        (text(), i.clone()).prop_map(|(t, r)| Op::AddAttendee(t, r)),
        text().prop_map(Op::DocumentText),
        text().prop_map(Op::AddUserNeed),
        (i.clone(), text()).prop_map(|(u, t)| Op::UserNeedText(u, t)),
        i.clone().prop_map(Op::RemoveUserNeed),
        (i.clone(), prop_oneof![Just("UN-1".to_string()), Just("UN-1, UN-2 UN-1".into()), Just("UN 7".into()), text()])
            .prop_map(|(n, t)| Op::UserNeed(n, t)),
        text().prop_map(Op::AddControl),
        (i.clone(), i.clone()).prop_map(|(a, b)| Op::LinkControl(a, b)),
        i.clone().prop_map(Op::RemoveControl),
        (i.clone(), text()).prop_map(|(c, t)| Op::Verification(c, t)),
        (i.clone(), 0u8..5).prop_map(|(r, t)| Op::Treatment(r, t)),
        (i.clone(), text(), text(), prop_oneof![Just("2026-11-24".to_string()), Just("2026-13-01".into()), text()])
            .prop_map(|(r, a, b, d)| Op::Accept(r, a, b, d)),
        text().prop_map(Op::AddComponent),
        (i.clone(), 0usize..ComponentText::ALL.len(), prop_oneof![date(), text()]).prop_map(|(c, f, t)| Op::ComponentText(c, f, t)),
        (i.clone(), any::<u8>(), any::<u8>()).prop_map(|(c, k, s)| Op::ComponentChoice(c, k, s)),
        (i.clone(), i.clone(), any::<bool>()).prop_map(|(c, r, l)| Op::LinkComponentRisk(c, r, l)),
        i.clone().prop_map(Op::RemoveComponent),
        i.clone().prop_map(Op::RemoveRisk),
        date().prop_map(Op::ProductEndOfSupport),
        (i.clone(), any::<u8>(), any::<bool>()).prop_map(|(c, k, on)| Op::ControlCategory(c, k, on)),
        (any::<u8>(), text()).prop_map(|(k, t)| Op::CategoryReason(k, t)),
        (any::<u8>(), any::<bool>(), text()).prop_map(|(k, f, t)| Op::ViewText(k, f, t)),
        (any::<u8>(), any::<u8>()).prop_map(|(k, s)| Op::ViewStatus(k, s)),
        proptest::option::of(any::<bool>()).prop_map(Op::CyberDevice),
        (question_id(), proptest::option::of(any::<u8>()), text(), any::<bool>()).prop_map(|(q, a, t, c)| Op::Mds2(q, a, t, c)),
        question_id().prop_map(Op::ResetMds2),
    ]
}

fn list() -> impl Strategy<Value = NamedList> {
    proptest::sample::select(vec![NamedList::Stakeholders, NamedList::Roles, NamedList::Activities])
}

fn nth(items: Vec<(String, String)>, i: usize) -> Option<String> {
    (!items.is_empty()).then(|| items[i % items.len()].0.clone())
}

fn nth_id<T: Identified>(items: &[T], i: usize) -> Option<String> {
    (!items.is_empty()).then(|| items[i % items.len()].id().to_string())
}

/// The change each op makes, through the model's named edits as the views make it.
pub fn run(op: Op, p: &mut Plan, n: usize) {
    match op {
        Op::Text(field, t) => p.set_text(field, t),
        Op::AddNamed(list, t) => p.add_named(list, format!("x-{n}"), t),
        Op::RenameNamed(list, i, t) => {
            if let Some(id) = nth(p.named_items(list), i) {
                p.rename_named(list, &id, t);
            }
        }
        Op::MoveNamed(list, i, up) => {
            if let Some(id) = nth(p.named_items(list), i) {
                p.move_named(list, &id, if up { -1 } else { 1 });
            }
        }
        Op::RemoveNamed(list, i) => {
            if let Some(id) = nth(p.named_items(list), i) {
                p.remove_named(list, &id);
            }
        }
        Op::AddNeed(t) => {
            p.add_need(t);
        }
        Op::NeedText(i, t) => {
            if let Some(n) = nth_id(&p.needs, i).and_then(|id| p.need_mut(&id)) {
                n.text = t;
            }
        }
        Op::UserNeed(i, t) => {
            if let Some(id) = nth_id(&p.needs, i) {
                p.fold_need(&id, &t);
            }
        }
        Op::AddAttendee(t, r) => {
            let role = nth_id(&p.roles, r);
            p.add_attendee(format!("at-{n}"), &t, "Hospital IT", role);
        }
        Op::DocumentText(t) => {
            p.document.author = t.clone();
            p.document.document_id = t;
        }
        Op::AddUserNeed(t) => {
            p.add_user_need(&t);
        }
        Op::UserNeedText(i, t) => {
            if let Some(u) = nth_id(&p.user_needs, i).and_then(|id| p.user_need_mut(&id)) {
                u.text = t;
            }
        }
        Op::RemoveUserNeed(i) => {
            if let Some(id) = nth_id(&p.user_needs, i) {
                p.remove_user_need(&id);
            }
        }
        Op::RemoveNeed(i) => {
            if let Some(id) = nth_id(&p.needs, i) {
                p.remove_need(&id);
            }
        }
        Op::Relevance(a, b, r) => {
            if let (Some(s), Some(nd)) = (nth_id(&p.stakeholders, a), nth_id(&p.needs, b)) {
                let value = [None, Some(Relevance::Relevant), Some(Relevance::Critical)][usize::from(r)];
                p.set_relevance(&s, &nd, value);
            }
        }
        Op::AddRisk(a, t) => {
            p.add_risk(&a, &t);
        }
        Op::Rate(i, l, s) => {
            if let Some(r) = nth_id(&p.risks, i).and_then(|id| p.risk_mut(&id)) {
                r.initial = Some(Rating { likelihood: l, severity: s });
            }
        }
        Op::Residual(i, rating) => {
            if let Some(r) = nth_id(&p.risks, i).and_then(|id| p.risk_mut(&id)) {
                r.residual = rating.map(|(likelihood, severity)| Rating { likelihood, severity });
            }
        }
        Op::AddControl(t) => {
            p.add_control(&t, ControlKind::Design);
        }
        Op::LinkControl(a, b) => {
            if let (Some(r), Some(c)) = (nth_id(&p.risks, a), nth_id(&p.controls, b)) {
                if let Some(x) = p.risk_mut(&r) {
                    x.control_ids.retain(|y| *y != c);
                    x.control_ids.push(c);
                }
            }
        }
        Op::RemoveControl(i) => {
            if let Some(c) = nth_id(&p.controls, i) {
                p.remove_control(&c);
            }
        }
        Op::Verification(i, t) => {
            if let Some(c) = nth_id(&p.controls, i).and_then(|id| p.control_mut(&id)) {
                c.verification = t;
            }
        }
        Op::Treatment(i, t) => {
            if let Some(r) = nth_id(&p.risks, i).and_then(|id| p.risk_mut(&id)) {
                r.treatment = Treatment::ALL.get(usize::from(t)).copied();
            }
        }
        Op::Accept(i, rationale, approver, date) => {
            if let Some(r) = nth_id(&p.risks, i).and_then(|id| p.risk_mut(&id)) {
                r.acceptance = Acceptance { rationale, approver, date };
            }
        }
        Op::LinkNeed(a, b) => {
            if let (Some(r), Some(nd)) = (nth_id(&p.risks, a), nth_id(&p.needs, b)) {
                if let Some(x) = p.risk_mut(&r) {
                    x.need_ids.retain(|y| *y != nd);
                    x.need_ids.push(nd);
                }
            }
        }
        Op::Resize(l, s) => {
            p.resize_grid(l, s);
        }
        Op::Preset(i) => {
            if let Some((_, c)) = jsp_planner::plan::presets::grid_presets().into_iter().nth(i) {
                p.apply_grid(c);
            }
        }
        Op::LevelName(likelihood, i, t) => p.rename_level(likelihood, i, t),
        Op::Zone(i, j, z) => p.set_zone(i, j, [Zone::Acceptable, Zone::Review, Zone::Unacceptable][usize::from(z)]),
        Op::Checklist(outputs, t) => {
            let list = if outputs { Checklist::Outputs } else { Checklist::Inputs };
            p.add_checklist_item(list, format!("c-{n}"), t);
        }
        Op::Impact(q, t) => {
            let (qid, _) = jsp_planner::plan::presets::IMPACT_QUESTIONS[q % jsp_planner::plan::presets::IMPACT_QUESTIONS.len()];
            p.answer_impact(qid, Answer::Unsure);
            p.note_impact(qid, t);
        }
        Op::Sbom(spdx, used) => p.set_sbom_format(if spdx { SbomFormat::Spdx } else { SbomFormat::Cyclonedx }, used),
        Op::Raci(a, b, v) => {
            if let (Some(r), Some(x)) = (nth_id(&p.roles, a), nth_id(&p.activities, b)) {
                p.set_raci(&r, &x, Raci::ALL.get(usize::from(v)).copied());
            }
        }
        Op::Examples => {
            p.accept_example_needs();
        }
        Op::AddComponent(t) => {
            p.add_component(&t);
        }
        Op::ComponentText(c, f, t) => {
            if let Some(id) = nth_id(&p.components, c) {
                p.set_component_text(&id, ComponentText::ALL[f], t);
            }
        }
        Op::ComponentChoice(c, k, s) => {
            if let Some(id) = nth_id(&p.components, c) {
                p.set_component_kind(&id, ComponentKind::ALL[usize::from(k) % ComponentKind::ALL.len()]);
                p.set_component_support(&id, SupportLevel::ALL[usize::from(s) % SupportLevel::ALL.len()]);
            }
        }
        Op::LinkComponentRisk(c, r, linked) => {
            if let (Some(c), Some(r)) = (nth_id(&p.components, c), nth_id(&p.risks, r)) {
                p.link_component_risk(&c, &r, linked);
            }
        }
        Op::RemoveComponent(c) => {
            if let Some(id) = nth_id(&p.components, c) {
                p.remove_component(&id);
            }
        }
        Op::RemoveRisk(r) => {
            if let Some(id) = nth_id(&p.risks, r) {
                p.remove_risk(&id);
            }
        }
        Op::ProductEndOfSupport(d) => p.set_product_end_of_support(d),
        Op::ControlCategory(c, k, on) => {
            if let Some(id) = nth_id(&p.controls, c) {
                p.set_control_category(&id, SecurityCategory::ALL[usize::from(k) % 8], on);
            }
        }
        Op::CategoryReason(k, t) => p.set_category_reason(SecurityCategory::ALL[usize::from(k) % 8], t),
        Op::ViewText(k, shows, t) => {
            p.set_view_text(ViewKind::ALL[usize::from(k) % 4], if shows { ViewText::Shows } else { ViewText::Location }, t)
        }
        Op::ViewStatus(k, s) => p.set_view_status(ViewKind::ALL[usize::from(k) % 4], ViewStatus::ALL[usize::from(s) % 3]),
        Op::CyberDevice(a) => p.set_cyber_device(a),
        Op::Mds2(question_id, answer, note, confirmed) => {
            let answer = answer.map(|a| Mds2Value::ALL[usize::from(a) % 3]);
            p.set_mds2(Mds2Answer { question_id, answer, note, confirmed });
        }
        Op::ResetMds2(q) => p.reset_mds2(&q),
    }
}
