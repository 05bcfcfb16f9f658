//! Property tests: every valid plan survives export -> import unchanged, and
//! import never panics, whatever bytes it is given.

use jsp_planner::plan::file;
use jsp_planner::plan::model::*;
use jsp_planner::plan::rules::validate;
use proptest::prelude::*;
use proptest::sample::subsequence;

/// Text a user might type, including markup, quotes and non-Latin scripts; never blank.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 <>&\"'/\\\\éß漢字😀\\n\\t]{0,24}x"
}

fn arb_zone() -> impl Strategy<Value = Zone> {
    prop_oneof![Just(Zone::Acceptable), Just(Zone::Review), Just(Zone::Unacceptable)]
}

fn arb_criteria() -> impl Strategy<Value = RiskCriteria> {
    (3usize..=5, 3usize..=5, any::<bool>()).prop_flat_map(|(l, s, exploit)| {
        (prop::collection::vec(text(), l), prop::collection::vec(text(), s), prop::collection::vec(prop::collection::vec(arb_zone(), s), l))
            .prop_map(move |(likelihood_levels, severity_levels, zones)| RiskCriteria {
                axis: if exploit { LikelihoodAxis::Exploitability } else { LikelihoodAxis::Likelihood },
                likelihood_levels,
                severity_levels,
                zones,
                removed_likelihood_levels: Vec::new(),
                removed_severity_levels: Vec::new(),
            })
    })
}

fn arb_rating(l: usize, s: usize) -> impl Strategy<Value = Rating> {
    (1..=l as u8, 1..=s as u8).prop_map(|(likelihood, severity)| Rating { likelihood, severity })
}

fn arb_plan() -> impl Strategy<Value = Plan> {
    (
        arb_criteria(),
        prop::collection::vec(text(), 0..6),
        prop::collection::vec((text(), prop::option::of(text())), 0..8),
        text(),
        prop::option::of(prop_oneof![Just(Scope::NewProduct), Just(Scope::MajorAddition), Just(Scope::Maintenance)]),
    )
        .prop_flat_map(|(criteria, stakeholder_names, need_texts, name, scope)| {
            let (l, s) = (criteria.likelihood_levels.len(), criteria.severity_levels.len());
            let cells: Vec<(usize, usize)> =
                (0..stakeholder_names.len()).flat_map(|a| (0..need_texts.len()).map(move |b| (a, b))).collect();
            let n_cells = cells.len();
            let need_ids: Vec<String> = (0..need_texts.len()).map(|i| format!("nd-{i}")).collect();
            let n_needs = need_ids.len();
            (
                Just((criteria, stakeholder_names, need_texts, name, scope)),
                subsequence(cells, 0..=n_cells),
                prop::collection::vec(any::<bool>(), n_cells),
                prop::collection::vec(
                    (
                        text(),
                        text(),
                        prop::option::of(arb_rating(l, s)),
                        prop::option::of(arb_rating(l, s)),
                        subsequence(need_ids, 0..=n_needs),
                    ),
                    0..5,
                ),
                prop::collection::vec((0usize..8, 0usize..6, 0u8..4), 0..10),
                prop::collection::vec(text(), 0..4),
            )
        })
        .prop_map(|((criteria, stakeholder_names, need_texts, name, scope), cells, critical, risks, raci, control_texts)| {
            let mut plan = jsp_planner::plan::presets::new_plan("plan-prop".into(), name, crate::common::NOW.into());
            plan.project.scope = scope;
            plan.criteria = criteria;
            plan.stakeholders = stakeholder_names
                .into_iter()
                .enumerate()
                .map(|(i, name)| Stakeholder { id: format!("sh-{i}"), name, description: String::new() })
                .collect();
            let need_texts_refs = need_texts.clone();
            plan.needs = need_texts
                .into_iter()
                .enumerate()
                .map(|(i, (text, _))| SecurityNeed { id: format!("nd-{i}"), text, user_need_ids: Vec::new() })
                .collect();
            // A need with a user need folds into it, and every second one into UN-shared as well.
            for (i, (_, user_need)) in need_texts_refs.iter().enumerate() {
                if let Some(text) = user_need {
                    let id = format!("UN-{i}");
                    plan.user_needs.push(UserNeed { id: id.clone(), text: text.clone() });
                    plan.needs[i].user_need_ids.push(id);
                    if i % 2 == 0 {
                        if !plan.user_needs.iter().any(|u| u.id == "UN-shared") {
                            plan.user_needs.push(UserNeed { id: "UN-shared".into(), text: String::new() });
                        }
                        plan.needs[i].user_need_ids.push("UN-shared".into());
                    }
                }
            }
            for ((a, b), crit) in cells.into_iter().zip(critical) {
                let relevance = if crit { Relevance::Critical } else { Relevance::Relevant };
                plan.set_relevance(&format!("sh-{a}"), &format!("nd-{b}"), Some(relevance));
            }
            plan.risks = risks
                .into_iter()
                .enumerate()
                .map(|(i, (asset, threat, initial, residual, need_ids))| RiskEntry {
                    id: format!("R-{i:03}"),
                    asset,
                    threat,
                    initial,
                    controls: String::new(),
                    residual,
                    need_ids,
                    owner: String::new(),
                    status: RiskStatus::Open,
                    treatment: Treatment::ALL.get(i % 5).copied(),
                    control_ids: Vec::new(),
                    acceptance: Acceptance::default(),
                })
                .collect();
            // Document control, with an attendee per control text, every other one holding a role.
            plan.document = DocumentControl {
                document_id: "SMP-0042".into(),
                revision: "B".into(),
                author: control_texts.first().cloned().unwrap_or_default(),
                workshop_dates: "2026-11-24, 2026-11-26".into(),
                attendees: control_texts
                    .iter()
                    .enumerate()
                    .map(|(i, name)| Attendee {
                        id: format!("at-{i}"),
                        name: name.clone(),
                        organisation: "RA/QA <b>".into(),
                        role_id: (i % 2 == 0).then(|| plan.roles[i % plan.roles.len()].id.clone()),
                    })
                    .collect(),
            };
            // Every third entry is accepted; controls shared between entries.
            for (i, description) in control_texts.into_iter().enumerate() {
                let id = format!("C-{:03}", i + 1);
                plan.controls.push(Control {
                    id: id.clone(),
                    description,
                    kind: ControlKind::ALL[i % 3],
                    status: ControlStatus::ALL[(i / 3) % 3],
                    verification: if i % 2 == 0 { format!("VER-{i}") } else { String::new() },
                    categories: SecurityCategory::ALL.into_iter().skip(i % 8).step_by(3).collect(),
                });
                for (j, risk) in plan.risks.iter_mut().enumerate() {
                    if (i + j) % 2 == 0 {
                        risk.control_ids.push(id.clone());
                    }
                }
            }
            for risk in plan.risks.iter_mut().step_by(3) {
                risk.acceptance = Acceptance {
                    rationale: "Benefit outweighs <risk> & \"residual\"".into(),
                    approver: "Head of QA".into(),
                    date: "2026-11-24".into(),
                };
            }
            let values = [Raci::Responsible, Raci::Accountable, Raci::Consulted, Raci::Informed];
            for (role, activity, value) in raci {
                let (role_id, activity_id) = (plan.roles[role].id.clone(), plan.activities[activity].id.clone());
                if !plan.raci.iter().any(|a| a.role_id == role_id && a.activity_id == activity_id) {
                    plan.raci.push(RaciAssignment { role_id, activity_id, value: values[usize::from(value)] });
                }
            }
            plan
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn generated_plans_are_valid(plan in arb_plan()) {
        prop_assert_eq!(validate(&plan), vec![]);
    }

    #[test]
    fn export_import_round_trips(plan in arb_plan()) {
        let imported = file::import(file::export_pretty(&plan).as_bytes()).unwrap();
        prop_assert_eq!(&imported.plan, &plan);
        let imported = file::import(file::export_compact(&plan).as_bytes()).unwrap();
        prop_assert_eq!(&imported.plan, &plan);
        let imported = file::import(file::export_for_file(&plan).as_bytes()).unwrap();
        prop_assert_eq!(imported.plan, plan);
    }

    /// The same file in UTF-16 (either order, with a byte-order mark) reads the same.
    #[test]
    fn utf16_files_round_trip(plan in arb_plan(), big_endian in any::<bool>()) {
        let mut bytes = if big_endian { vec![0xfe, 0xff] } else { vec![0xff, 0xfe] };
        for unit in file::export_pretty(&plan).encode_utf16() {
            bytes.extend(if big_endian { unit.to_be_bytes() } else { unit.to_le_bytes() });
        }
        prop_assert_eq!(file::import(&bytes).unwrap().plan, plan);
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        let _ = file::import(&bytes);
    }

    #[test]
    fn arbitrary_json_never_panics(text in "[\\[\\]{}\",:0-9a-z \\-.eE]{0,400}") {
        let _ = file::import(text.as_bytes());
        let framed = format!("{{\"format\":\"jsp-planner/plan\",\"version\":2,\"plan\":{text}}}");
        let _ = file::import(framed.as_bytes());
    }

    /// Mutating one byte of a valid file either imports a valid plan or gives an error.
    #[test]
    fn corrupted_files_fail_cleanly(plan in arb_plan(), pos in any::<prop::sample::Index>(), byte in any::<u8>()) {
        let mut bytes = file::export_compact(&plan).into_bytes();
        let i = pos.index(bytes.len());
        bytes[i] = byte;
        match file::import(&bytes) {
            Ok(imported) => prop_assert_eq!(validate(&imported.plan), vec![]),
            Err(e) => prop_assert!(e.to_string().ends_with('.'), "{}", e),
        }
    }
}
