//! The premarket part (format version 7): security control categories,
//! architecture views, the cyber device answer and MDS2 answers in the
//! model and the file; category coverage, premarket readiness, the MDS2
//! draft and the customer security summary.

use crate::common::{sample_plan, NOW};
use jsp_planner::plan::edit::{apply, SizeCheck};
use jsp_planner::plan::file;
use jsp_planner::plan::model::*;
use jsp_planner::plan::repair::repair;
use jsp_planner::plan::rules::{describe, validate};
use serde_json::{json, Value};

fn messages(plan: &Plan) -> Vec<String> {
    validate(plan).iter().map(|v| describe(v, plan)).collect()
}

/// Remove what version 7 added, everywhere in a file (the plan, the
/// newest revision's copy and the controls older revisions' changes hold).
fn strip_version_7(value: &mut Value) {
    match value {
        Value::Object(fields) => {
            for key in ["categories", "premarket", "cyber_device", "disclosure_contact", "customer_access"] {
                fields.remove(key);
            }
            fields.values_mut().for_each(strip_version_7);
        }
        Value::Array(items) => items.iter_mut().for_each(strip_version_7),
        _ => {}
    }
}

// --- Model, file and rules ----------------------------------------------------

#[test]
fn a_version_6_file_with_revisions_gains_the_premarket_fields_everywhere() {
    let mut plan = sample_plan();
    // Revision A holds a control that is removed before revision B: B's
    // stored changes put it back whole.
    let gone = plan.add_control("Audit log of service logins", ControlKind::Design);
    plan.set_control_category(&gone, SecurityCategory::EventDetectionAndLogging, true);
    plan.issue_revision("A", "First issue", NOW).unwrap();
    plan.remove_control(&gone);
    plan.issue_revision("B", "Control dropped", NOW).unwrap();
    let mut v: Value = serde_json::from_str(&file::export_compact(&plan)).unwrap();
    strip_version_7(&mut v);
    v["version"] = json!(6);
    let text = v.to_string();
    assert!(!text.contains("categories") && !text.contains("premarket"), "a version 6 file");

    let imported = file::import(text.as_bytes()).unwrap();
    assert_eq!(imported.migrated_from, Some(6));
    let back = imported.plan;
    assert_eq!(back.project.cyber_device, None);
    assert_eq!(back.management.disclosure_contact, "");
    assert_eq!(back.management.sbom.customer_access, "");
    assert_eq!(back.premarket, Premarket::default());
    assert!(back.controls.iter().all(|c| c.categories.is_empty()));
    let a = file::revision_plan(&back, 1).unwrap();
    let control = a.controls.iter().find(|c| c.id == gone).expect("revision A keeps the dropped control");
    assert!(control.categories.is_empty());
    assert_eq!(file::revision_plan(&back, 2).unwrap().premarket, Premarket::default());
    // What the file held is all there, and it exports as version 7.
    let mut expected = plan.clone();
    for c in &mut expected.controls {
        c.categories.clear();
    }
    expected.revisions = back.revisions.clone();
    assert_eq!(back, expected);
    let again: Value = serde_json::from_str(&file::export_compact(&back)).unwrap();
    assert_eq!(again["version"], 7);
}

#[test]
fn premarket_fields_round_trip_through_a_file() {
    let mut plan = sample_plan();
    plan.set_cyber_device(Some(true));
    plan.set_text(PlanText::DisclosureContact, "psirt@example.com".into());
    plan.set_text(PlanText::SbomAccess, "With each release, on the customer portal".into());
    plan.set_category_reason(SecurityCategory::Cryptography, "No data leaves the device.".into());
    plan.set_view_text(ViewKind::MultiPatientHarm, ViewText::Location, "ARC-0012 rev B".into());
    plan.set_view_status(ViewKind::MultiPatientHarm, ViewStatus::Drafting);
    plan.set_mds2(Mds2Answer {
        question_id: "AUDT-2.8.1".into(),
        answer: Some(Mds2Value::NotApplicable),
        note: "No remote service".into(),
        confirmed: true,
    });
    let text = file::export_pretty(&plan);
    let v: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(v["plan"]["project"]["cyber_device"], true);
    assert_eq!(v["plan"]["controls"][0]["categories"], json!(["code_data_and_execution_integrity", "firmware_and_software_updates"]));
    assert_eq!(v["plan"]["premarket"]["not_applicable"]["cryptography"], "No data leaves the device.");
    assert_eq!(v["plan"]["premarket"]["architecture"]["multi_patient_harm"]["status"], "drafting");
    assert_eq!(v["plan"]["premarket"]["mds2"][0]["answer"], "not_applicable");
    assert_eq!(file::import(text.as_bytes()).unwrap().plan, plan);
}

#[test]
fn categories_are_kept_in_order_once_each_through_the_edit_path() {
    let mut plan = sample_plan();
    let id = plan.controls[0].id.clone();
    let kept = apply(&mut plan, NOW, SizeCheck::Now, |p| {
        p.set_control_category(&id, SecurityCategory::Authentication, true);
        p.set_control_category(&id, SecurityCategory::Authentication, true);
    })
    .unwrap()
    .expect("a change");
    assert!(kept.before.controls[0].categories.len() == 2);
    assert_eq!(
        plan.controls[0].categories,
        [SecurityCategory::Authentication, SecurityCategory::CodeDataAndExecutionIntegrity, SecurityCategory::FirmwareAndSoftwareUpdates]
    );
    apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_control_category(&id, SecurityCategory::FirmwareAndSoftwareUpdates, false)).unwrap();
    assert_eq!(plan.controls[0].categories, [SecurityCategory::Authentication, SecurityCategory::CodeDataAndExecutionIntegrity]);
    // The same edit again changes nothing: no undo step.
    assert!(apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_control_category(&id, SecurityCategory::Authentication, true))
        .unwrap()
        .is_none());
}

#[test]
fn broken_premarket_fields_are_named_where_they_are_and_repaired_where_safe() {
    let mut plan = sample_plan();
    plan.controls[0].categories = vec![SecurityCategory::Cryptography, SecurityCategory::Cryptography];
    plan.premarket.mds2 = vec![
        Mds2Answer { question_id: "AUDT-2".into(), answer: Some(Mds2Value::Yes), note: String::new(), confirmed: true },
        Mds2Answer { question_id: "AUDT-2".into(), answer: Some(Mds2Value::No), note: String::new(), confirmed: false },
        Mds2Answer { question_id: "AUDT 2!".into(), answer: None, note: String::new(), confirmed: false },
    ];
    plan.premarket.architecture.global_system.location = "x".repeat(301);
    plan.management.disclosure_contact = "y".repeat(301);
    assert_eq!(
        messages(&plan),
        [
            "Security management plan: the section “Disclosure contact” is longer than 300 characters.",
            "Control C-001: the security control category 2 names a category twice.",
            "Premarket documentation, architecture views, view “Global System”: the location is longer than 300 characters.",
            "Premarket documentation, MDS2 answer AUDT-2: the question is “AUDT-2”, the same as an earlier one.",
            "Premarket documentation, MDS2 answer 3: the question must be 1 to 32 letters, digits, hyphens or dots, as AUDT-2.8.1.",
        ]
    );
    let log = repair(&mut plan);
    assert!(log.iter().any(|l| l.contains("named a security control category twice")), "{log:?}");
    assert!(log.iter().any(|l| l.contains("answered twice")), "{log:?}");
    assert_eq!(plan.controls[0].categories, [SecurityCategory::Cryptography]);
    assert_eq!(plan.premarket.mds2[0].answer, Some(Mds2Value::Yes), "the first answer is kept");
    // The malformed question id is not guessed at: it stays a problem.
    assert_eq!(messages(&plan).len(), 1, "{:?}", messages(&plan));
}

#[test]
fn a_file_with_an_unknown_category_or_answer_names_the_allowed_words() {
    let mut v: Value = serde_json::from_str(&file::export_compact(&sample_plan())).unwrap();
    v["plan"]["controls"][0]["categories"] = json!(["crypto"]);
    let err = file::import(v.to_string().as_bytes()).unwrap_err().to_string();
    assert!(err.contains("Control C-001") && err.contains("cryptography"), "{err}");
    let mut v: Value = serde_json::from_str(&file::export_compact(&sample_plan())).unwrap();
    v["plan"]["premarket"]["mds2"] = json!([{ "question_id": "SBOM-1", "answer": "maybe", "note": "", "confirmed": false }]);
    let err = file::import(v.to_string().as_bytes()).unwrap_err().to_string();
    assert!(err.contains("MDS2 answer SBOM-1") && err.contains("not_applicable"), "{err}");
}

// --- Category coverage --------------------------------------------------------

mod coverage {
    use super::*;
    use jsp_planner::plan::premarket::coverage::{coverage, coverage_gaps, uncategorised, CoverageCounts, CoverageState};
    use jsp_planner::plan::premarket::Target;

    #[test]
    fn each_category_lists_its_controls_their_risks_and_verification() {
        let mut plan = sample_plan();
        let rows = coverage(&plan);
        assert_eq!(rows.len(), 8);
        let integrity = &rows[3];
        assert_eq!(integrity.category, SecurityCategory::CodeDataAndExecutionIntegrity);
        assert_eq!(integrity.controls.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(), ["C-001"]);
        assert_eq!(integrity.risks, ["R-001"]);
        assert_eq!((integrity.state, integrity.verification().as_str()), (CoverageState::NotVerified, "0 of 1 verified"));
        // A second control, verified: partly verified; then both.
        let c2 = plan.add_control("Signed update packages", ControlKind::Design);
        plan.set_control_category(&c2, SecurityCategory::CodeDataAndExecutionIntegrity, true);
        plan.control_mut(&c2).unwrap().status = ControlStatus::Verified;
        assert_eq!(coverage(&plan)[3].state, CoverageState::PartlyVerified);
        assert_eq!(coverage(&plan)[3].risks, ["R-001"], "a control no risk links treats no risk");
        plan.controls[0].status = ControlStatus::Verified;
        assert_eq!(coverage(&plan)[3].state, CoverageState::Verified);
        assert_eq!(coverage(&plan)[3].verification(), "2 of 2 verified");
    }

    #[test]
    fn a_category_gap_closes_when_a_control_is_categorised_or_a_reason_is_recorded() {
        let mut plan = sample_plan();
        let open = |p: &Plan| coverage_gaps(p).into_iter().map(|g| g.target).collect::<Vec<_>>();
        assert_eq!(open(&plan).len(), 6, "the sample's one control covers two of the eight");
        assert!(open(&plan).contains(&Target::CategoryReason(SecurityCategory::Authentication)));
        assert_eq!(
            coverage_gaps(&plan)[0].text,
            "No control is in “Authentication”: categorise a control, or record why it does not apply."
        );
        let id = plan.controls[0].id.clone();
        plan.set_control_category(&id, SecurityCategory::Authentication, true);
        assert!(!open(&plan).contains(&Target::CategoryReason(SecurityCategory::Authentication)));
        assert_eq!(open(&plan).len(), 5);
        // A blank reason is no reason; a written one closes the gap.
        plan.set_category_reason(SecurityCategory::Cryptography, "   ".into());
        assert_eq!(coverage(&plan)[2].state, CoverageState::Gap);
        plan.set_category_reason(SecurityCategory::Cryptography, "Nothing is stored or sent.".into());
        assert_eq!(
            (coverage(&plan)[2].state, coverage(&plan)[2].reason),
            (CoverageState::NotApplicable, Some("Nothing is stored or sent."))
        );
        assert_eq!(open(&plan).len(), 4);
        let counts = CoverageCounts::of(&coverage(&plan));
        assert_eq!((counts.covered, counts.not_applicable, counts.gaps), (3, 1, 4));
        assert_eq!(counts.line(), "3 of 8 categories covered (0 verified), 1 does not apply, 4 gaps.");
    }

    #[test]
    fn controls_without_a_category_are_listed_with_a_link_to_their_categories() {
        let mut plan = sample_plan();
        assert!(uncategorised(&plan).is_empty());
        let c2 = plan.add_control("Tamper-evident enclosure", ControlKind::Design);
        let gaps = uncategorised(&plan);
        assert_eq!(gaps.len(), 1);
        assert_eq!(gaps[0].target, Target::ControlCategories(c2.clone()));
        assert_eq!(gaps[0].target.section(), Some(jsp_planner::plan::sections::Section::Traceability));
        plan.set_control_category(&c2, SecurityCategory::ResiliencyAndRecovery, true);
        assert!(uncategorised(&plan).is_empty());
    }
}

// --- Premarket readiness ------------------------------------------------------

mod readiness {
    use super::*;
    use jsp_planner::plan::deliverables::Fix;
    use jsp_planner::plan::premarket::readiness::{readiness, Applies, Element, ElementId, State, Summary};
    use jsp_planner::plan::premarket::Target;
    use jsp_planner::plan::presets::new_plan;
    use jsp_planner::plan::sections::Section;

    fn get(plan: &Plan, id: ElementId) -> Element {
        readiness(plan).into_iter().find(|e| e.id == id).unwrap()
    }

    fn state(plan: &Plan, id: ElementId) -> State {
        get(plan, id).state
    }

    #[test]
    fn every_element_is_listed_in_the_guidance_order_with_the_report_parts_under_it() {
        let plan = new_plan("plan-1".into(), "Pump".into(), NOW.into());
        let elements = readiness(&plan);
        assert_eq!(elements.iter().map(|e| e.id).collect::<Vec<_>>(), ElementId::ALL);
        let parts: Vec<&str> =
            elements.iter().filter(|e| e.id.parent() == Some(ElementId::RiskManagementReport)).map(|e| e.title()).collect();
        assert_eq!(
            parts,
            [
                "Threat model",
                "Cybersecurity risk assessment",
                "Software bill of materials (SBOM)",
                "Vulnerability assessment and software support",
                "Unresolved anomalies assessment",
                "Traceability: threat model, risks, SBOM and tests",
            ]
        );
        for e in elements.iter().filter(|e| e.id != ElementId::RiskManagementReport) {
            assert!(!e.id.rule().is_empty());
            assert_eq!(e.state == State::Drafted, e.gaps.is_empty(), "{}: drafted exactly when no gap is left", e.title());
        }
    }

    #[test]
    fn a_new_plan_is_mostly_missing_and_the_states_follow_the_plan_as_it_fills() {
        let mut plan = new_plan("plan-1".into(), "Pump".into(), NOW.into());
        assert_eq!(state(&plan, ElementId::ThreatModel), State::Missing);
        assert_eq!(state(&plan, ElementId::RiskManagementReport), State::Started, "the preset grid already feeds the risk assessment");
        assert_eq!(state(&plan, ElementId::RiskAssessment), State::Started);
        assert_eq!(state(&plan, ElementId::ArchitectureViews), State::Missing);

        // The threat model: a risk with its asset and threat starts it …
        let r = plan.add_risk("Dose settings", "Tampered over the network");
        assert_eq!(state(&plan, ElementId::ThreatModel), State::Started);
        let gaps = get(&plan, ElementId::ThreatModel).gaps;
        assert_eq!(
            gaps.iter().map(|g| &g.target).collect::<Vec<_>>(),
            [&Target::View(ViewKind::GlobalSystem), &Target::Plan(Fix::Text(PlanText::SafetyRisk))]
        );
        // … the Global System view under way and the method written draft it.
        plan.set_view_status(ViewKind::GlobalSystem, ViewStatus::Drafting);
        plan.set_text(PlanText::SafetyRisk, "Per AAMI SW96, in the same review as ISO 14971.".into());
        assert_eq!(state(&plan, ElementId::ThreatModel), State::Drafted);
        // A second risk without its threat takes it back to started, linking to that risk.
        let r2 = plan.add_risk("Service port", "");
        let gap = &get(&plan, ElementId::ThreatModel).gaps[0];
        assert_eq!((state(&plan, ElementId::ThreatModel), &gap.target), (State::Started, &Target::Plan(Fix::Risk(r2.clone()))));
        assert_eq!(gap.text, format!("Name the asset and the threat of each risk ({r2})."));
        plan.remove_risk(&r2);

        // The architecture views: each needs what it shows, where it lives and a start.
        for view in ViewKind::ALL {
            plan.set_view_text(view, ViewText::Shows, format!("{} of the pump", view.label()));
            plan.set_view_text(view, ViewText::Location, "ARC-0012".into());
        }
        assert_eq!(state(&plan, ElementId::ArchitectureViews), State::Started, "one view is being drafted");
        for view in ViewKind::ALL {
            plan.set_view_status(view, ViewStatus::Done);
        }
        assert_eq!(state(&plan, ElementId::ArchitectureViews), State::Drafted);

        // Labeling: the disclosure contact gap lands on the contact field, in A.3.
        let gap = get(&plan, ElementId::Labeling).gaps.into_iter().find(|g| g.text.contains("disclosure contact")).unwrap();
        assert_eq!(gap.target, Target::Plan(Fix::Text(PlanText::DisclosureContact)));
        assert_eq!(gap.target.section(), Some(Section::Management));
        plan.set_text(PlanText::DisclosureContact, "psirt@example.com".into());
        assert!(!get(&plan, ElementId::Labeling).gaps.iter().any(|g| g.text.contains("disclosure contact")));
        let _ = r;
    }

    #[test]
    fn the_sbom_and_vulnerability_elements_read_the_component_register() {
        let mut plan = sample_plan();
        plan.management.sbom.generated_when = "Every release build".into();
        plan.management.sbom.owner = "PSIRT".into();
        plan.management.sbom.formats = vec![SbomFormat::Cyclonedx];
        let sbom = get(&plan, ElementId::Sbom);
        assert_eq!((sbom.state, sbom.gaps.iter().map(|g| &g.target).collect::<Vec<_>>()), (State::Started, vec![&Target::Components]));
        let id = plan.add_component("openssl");
        assert_eq!(state(&plan, ElementId::Sbom), State::Drafted);
        let gaps = get(&plan, ElementId::VulnerabilityAssessment).gaps;
        assert!(gaps.iter().any(|g| g.target == Target::Component(id.clone()) && g.text.contains("level of support")), "{gaps:?}");
        assert!(gaps.iter().any(|g| g.target == Target::EndOfSupport));
        plan.set_component_support(&id, SupportLevel::ActivelyMaintained);
        plan.set_component_text(&id, ComponentText::EndOfSupport, "2030-12-31".into());
        plan.component_mut(&id).unwrap().monitoring.source = "NVD".into();
        plan.set_product_end_of_support("2032-12-31".into());
        plan.set_text(PlanText::ThirdParty, "Weekly NVD review".into());
        assert_eq!(state(&plan, ElementId::VulnerabilityAssessment), State::Drafted);
    }

    #[test]
    fn the_cyber_device_answer_and_the_scope_decide_what_applies() {
        let mut plan = new_plan("plan-1".into(), "Pump".into(), NOW.into());
        let cyber = [ElementId::PostmarketPlan, ElementId::ReasonableAssurance, ElementId::CyberDeviceSbom];
        for id in cyber {
            assert!(matches!(get(&plan, id).applies, Applies::Undecided(_)), "{id:?}");
        }
        let s = Summary::of(&readiness(&plan));
        assert_eq!((s.applicable, s.undecided, s.not_applicable), (12, 3, 0));
        assert!(s.line().ends_with("; 3 more apply if the product is a cyber device."), "{}", s.line());

        plan.set_cyber_device(Some(true));
        assert!(cyber.iter().all(|id| get(&plan, *id).applies()));
        assert_eq!(Summary::of(&readiness(&plan)).applicable, 15);
        plan.set_cyber_device(Some(false));
        assert!(cyber.iter().all(|id| matches!(get(&plan, *id).applies, Applies::No(_))));
        let s = Summary::of(&readiness(&plan));
        assert_eq!((s.applicable, s.not_applicable, s.undecided), (12, 3, 0));

        assert!(get(&plan, ElementId::ArchitectureViews).applies());
        plan.project.scope = Some(Scope::Maintenance);
        assert!(matches!(get(&plan, ElementId::ArchitectureViews).applies, Applies::No(_)));
        plan.project.scope = Some(Scope::MajorAddition);
        assert!(get(&plan, ElementId::ArchitectureViews).applies());
    }

    #[test]
    fn the_summary_counts_states_and_gaps_of_what_applies() {
        let mut plan = sample_plan();
        plan.set_cyber_device(Some(true));
        let elements = readiness(&plan);
        let s = Summary::of(&elements);
        assert_eq!(s.drafted + s.started + s.missing, s.applicable);
        let gaps: usize = elements.iter().filter(|e| e.applies() && e.id != ElementId::RiskManagementReport).map(|e| e.gaps.len()).sum();
        assert_eq!(s.gaps, gaps);
        assert_eq!(s.line(), format!("{} of 15 elements drafted, {} started, {} missing.", s.drafted, s.started, s.missing));
        // The disclosure contact feeds three elements, all missing until now:
        // each starts, and three gaps close.
        let before = s;
        let states = |p: &Plan| [ElementId::Labeling, ElementId::ManagementPlans, ElementId::PostmarketPlan].map(|id| state(p, id));
        assert_eq!(states(&plan), [State::Missing; 3]);
        plan.set_text(PlanText::DisclosureContact, "psirt@example.com".into());
        assert_eq!(states(&plan), [State::Started; 3]);
        let after = Summary::of(&readiness(&plan));
        assert_eq!((after.missing, after.started, after.gaps), (before.missing - 3, before.started + 3, before.gaps - 3));
    }
}

#[test]
fn the_readiness_rules_page_lists_every_element_with_its_rule() {
    use jsp_planner::plan::premarket::readiness::ElementId;
    let page = std::fs::read_to_string(format!("{}/docs/READINESS.md", env!("CARGO_MANIFEST_DIR"))).unwrap();
    for id in ElementId::ALL {
        let line = format!("- **{}**: {}", id.title(), id.rule());
        assert!(page.contains(&line), "docs/READINESS.md lacks: {line}");
    }
}

// --- The MDS2 draft -------------------------------------------------------------

mod mds2 {
    use super::*;
    use jsp_planner::plan::premarket::mds2::{self, counts, draft, row, Kind, Status, SECTIONS};
    use jsp_planner::plan::premarket::Target;
    use jsp_planner::report::{markdown, Block, PartKey};

    const IDS: [&str; 22] = [
        "MPII", "ALOF", "AUDT", "AUTH", "CSUP", "DIDT", "DTBK", "EMRG", "IGAU", "MLDP", "NAUT", "CONN", "PAUT", "PLOK", "RDMP", "SBOM",
        "SAHD", "SGUD", "STCF", "TXCF", "TXIG", "RMOT",
    ];

    fn with_contact() -> Plan {
        let mut plan = sample_plan();
        plan.set_text(PlanText::DisclosureContact, "psirt@example.com, https://example.com/security".into());
        plan
    }

    fn parse(text: &str) -> Vec<Vec<String>> {
        let body = text.strip_prefix('\u{feff}').expect("a byte order mark for Excel");
        let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect()
    }

    #[test]
    fn the_form_has_the_doc_block_then_the_22_sections_each_with_questions_of_its_own() {
        let ids: Vec<&str> = SECTIONS.iter().map(|s| s.id).collect();
        assert_eq!(ids[0], "DOC");
        assert_eq!(ids[1..], IDS);
        let mut seen = std::collections::HashSet::new();
        for s in &SECTIONS {
            assert!(!s.name.is_empty() && !s.questions.is_empty(), "{}", s.id);
            for q in s.questions {
                assert!(q.id.starts_with(&format!("{}-", s.id)), "{} in {}", q.id, s.id);
                assert!(is_question_id(q.id), "{}", q.id);
                assert!(seen.insert(q.id), "{} twice", q.id);
                assert!(q.prompt.ends_with('?') || q.prompt.ends_with('.') || q.prompt.ends_with(')'), "{}", q.id);
                if let Some((_, scope)) = q.gate {
                    assert!(s.questions.iter().any(|other| other.id != q.id && other.id.starts_with(scope)), "{} closes nothing", q.id);
                }
            }
        }
        assert!(seen.len() > 120, "{} questions", seen.len());
        assert!(seen.contains("AUDT-2.8.1"));
    }

    #[test]
    fn doc_answers_are_drafted_from_the_disclosure_contact_and_name_it() {
        let plan = sample_plan();
        assert_eq!(row(&plan, "DOC-5").unwrap().status, Status::NotInPlan);
        let plan = with_contact();
        let doc5 = row(&plan, "DOC-5").unwrap();
        assert_eq!(doc5.question.kind, Kind::Text);
        assert_eq!(doc5.answer_text(), "psirt@example.com, https://example.com/security");
        assert_eq!(doc5.status, Status::Drafted);
        assert_eq!(doc5.source_text(), "Drafted from the plan — confirm: A.3 disclosure contact");
        assert_eq!(
            doc5.source.unwrap().target,
            Some(Target::Plan(jsp_planner::plan::deliverables::Fix::Text(PlanText::DisclosureContact)))
        );
        let doc8 = row(&plan, "DOC-8").unwrap();
        assert_eq!(
            (doc8.answer, doc8.note.as_str()),
            (Some(Mds2Value::Yes), "Report vulnerabilities to psirt@example.com, https://example.com/security.")
        );
        assert_eq!(row(&plan, "DOC-3").unwrap().answer_text(), plan.project.product.trim());
    }

    #[test]
    fn control_sections_are_drafted_from_controls_by_category_and_from_reasons() {
        let mut plan = sample_plan();
        let audit = row(&plan, "AUDT-2").unwrap();
        assert_eq!((audit.answer, audit.status), (None, Status::NotInPlan));
        let id = plan.controls[0].id.clone();
        plan.set_control_category(&id, SecurityCategory::EventDetectionAndLogging, true);
        let audit = row(&plan, "AUDT-2").unwrap();
        assert_eq!((audit.answer, audit.status.clone()), (Some(Mds2Value::Yes), Status::Drafted));
        assert!(audit.note.starts_with("C-001 Firmware images are signed"), "{}", audit.note);
        assert_eq!(audit.source_text(), "Drafted from the plan — confirm: Controls in “Event Detection and Logging”");
        // The sample's control is in Code, Data and Execution Integrity: SAHD-3.1 and IGAU-1 follow.
        assert_eq!(row(&plan, "SAHD-3.1").unwrap().answer, Some(Mds2Value::Yes));
        // A category ruled out drafts "No" with the reason.
        plan.set_category_reason(SecurityCategory::Cryptography, "No patient data is stored on the device.".into());
        let stcf = row(&plan, "STCF-1").unwrap();
        assert_eq!((stcf.answer, stcf.note.as_str()), (Some(Mds2Value::No), "No patient data is stored on the device."));
    }

    #[test]
    fn csup_rdmp_and_sbom_are_drafted_from_a3_and_the_component_register() {
        let mut plan = sample_plan();
        plan.management.sbom.formats = vec![SbomFormat::Cyclonedx];
        plan.set_text(PlanText::SbomAccess, "On request from the service portal".into());
        plan.set_text(PlanText::SbomWhen, "Every release build".into());
        plan.set_text(PlanText::ThirdParty, "Weekly review of NVD and vendor advisories".into());
        plan.set_product_end_of_support("2031-12-31".into());
        let os = plan.add_component("linux-kernel");
        plan.set_component_kind(&os, ComponentKind::OperatingSystem);
        plan.set_component_text(&os, ComponentText::EndOfSupport, "2028-12-31".into());
        let lib = plan.add_component("openssl");
        plan.set_component_text(&lib, ComponentText::Version, "3.0.2".into());
        let answer = |id: &str| row(&plan, id).map(|r| (r.answer, r.note)).unwrap();
        assert_eq!(answer("CSUP-1"), (Some(Mds2Value::Yes), "The component register lists 2 components.".into()));
        assert_eq!(answer("CSUP-2"), (Some(Mds2Value::Yes), "linux-kernel".into()));
        assert_eq!(answer("CSUP-5"), (Some(Mds2Value::Yes), "openssl 3.0.2".into()));
        assert_eq!(answer("CSUP-3").0, None, "no firmware or driver listed: left to the team");
        assert_eq!(answer("SBOM-1"), (Some(Mds2Value::Yes), "On request from the service portal (CycloneDX).".into()));
        assert_eq!(answer("SBOM-2"), (Some(Mds2Value::Yes), "CycloneDX".into()));
        assert_eq!(answer("SBOM-2.3"), (None, "1 component without a version in the register.".into()));
        assert_eq!(answer("SBOM-4"), (Some(Mds2Value::Yes), "Every release build".into()));
        let rdmp4 = answer("RDMP-4");
        assert_eq!(rdmp4.0, Some(Mds2Value::Yes));
        assert!(rdmp4.1.contains("1 component end support before the product (2031-12-31)."), "{}", rdmp4.1);
    }

    #[test]
    fn a_gate_closes_its_part_and_the_teams_answers_override_the_draft() {
        let mut plan = sample_plan();
        let component = plan.add_component("openssl");
        let _ = component;
        mds2::set_answer(&mut plan, "CSUP-1", Some(Mds2Value::No));
        let rows = draft(&plan);
        let csup: Vec<_> = rows.iter().filter(|r| r.section.id == "CSUP").collect();
        assert_eq!(csup[0].status, Status::Confirmed);
        for r in &csup[1..] {
            assert_eq!((r.answer, r.status.clone()), (Some(Mds2Value::NotApplicable), Status::Gated("CSUP-1")), "{}", r.question.id);
        }
        assert_eq!(csup[1].source_text(), "N/A because of CSUP-1 — confirm");
        // A question the team answered stays theirs under a closed gate.
        mds2::set_answer(&mut plan, "CSUP-8", Some(Mds2Value::Yes));
        assert_eq!(row(&plan, "CSUP-8").unwrap().answer, Some(Mds2Value::Yes));

        // A note edits the drafted answer without confirming it; confirming does.
        plan.set_text(PlanText::DisclosureContact, "psirt@example.com".into());
        mds2::set_note(&mut plan, "DOC-8", "Disclosure policy on the web site".into());
        let doc8 = row(&plan, "DOC-8").unwrap();
        assert_eq!(
            (doc8.answer, doc8.status.clone(), doc8.source_text()),
            (Some(Mds2Value::Yes), Status::Edited, "Edited — confirm".into())
        );
        mds2::confirm(&mut plan, "DOC-8");
        assert_eq!(row(&plan, "DOC-8").unwrap().status, Status::Confirmed);
        assert_eq!(plan.premarket.mds2.len(), 3, "only the team's answers are stored");
        // Forgetting the team's answer brings the draft back.
        plan.reset_mds2("DOC-8");
        assert_eq!(row(&plan, "DOC-8").unwrap().status, Status::Drafted);
        let c = counts(&draft(&plan));
        assert_eq!(c.questions, c.drafted + c.confirmed + c.edited + c.not_in_plan);
        assert_eq!(c.confirmed, 2);
        assert!(validate(&plan).is_empty(), "{:?}", messages(&plan));
    }

    #[test]
    fn the_csv_holds_doc_and_all_22_sections_with_the_drafted_contact_and_defused_cells() {
        let mut plan = with_contact();
        plan.set_text(PlanText::Product, "=HYPERLINK(\"http://evil\")".into());
        let rows = parse(&mds2::csv(&plan));
        assert_eq!(rows[0], ["Section", "Question", "Prompt", "Answer", "Note", "Source"]);
        let sections: Vec<&str> = rows[1..].iter().map(|r| r[0].as_str()).collect();
        assert!(sections.contains(&"DOC"));
        for id in IDS {
            assert!(sections.contains(&id), "{id}");
        }
        assert_eq!(rows.len() - 1, draft(&plan).len());
        let doc5 = rows.iter().find(|r| r[1] == "DOC-5").unwrap();
        assert_eq!(doc5[3], "psirt@example.com, https://example.com/security");
        assert_eq!(doc5[5], "Drafted from the plan — confirm: A.3 disclosure contact");
        let doc3 = rows.iter().find(|r| r[1] == "DOC-3").unwrap();
        assert_eq!(doc3[3], "'=HYPERLINK(\"http://evil\")", "a formula is defused");
    }

    #[test]
    fn the_report_prints_every_section_with_the_document_control_block() {
        let plan = with_contact();
        let doc = mds2::report(&plan);
        assert_eq!(doc.parts.iter().map(|p| p.key).collect::<Vec<_>>(), [PartKey::Mds2Doc, PartKey::Mds2Sections]);
        assert!(matches!(&doc.parts[0].blocks[1], Block::Heading { text, .. } if text == "Document control"));
        let md = markdown::render(&doc);
        assert!(md.contains(r"psirt\@example.com"), "{md}");
        assert!(md.contains("AUDT — Audit controls") && md.contains("RMOT — Remote service"));
        assert!(md.contains("the prompts are our own words"));
        let word = jsp_planner::report::docx::render(&doc);
        assert!(word.starts_with(b"PK"), "a Word file (a zip)");
    }
}

// --- The customer security summary ---------------------------------------------

mod summary {
    use super::*;
    use jsp_planner::plan::premarket::summary::report;
    use jsp_planner::report::{markdown, Block, PartKey};

    fn texts(plan: &Plan) -> String {
        markdown::render(&report(plan))
    }

    #[test]
    fn a_new_plan_says_what_is_not_decided_rather_than_promising() {
        let plan = jsp_planner::plan::presets::new_plan("plan-1".into(), "Pump".into(), NOW.into());
        let md = texts(&plan);
        assert!(md.contains("Not decided yet."), "{md}");
        assert!(md.contains("The planned end of support is not decided yet."));
        assert!(md.contains("the plan records no labelling control yet"));
    }

    #[test]
    fn the_summary_answers_the_buyers_questions_from_the_plan() {
        let mut plan = sample_plan();
        plan.set_text(PlanText::Updates, "Signed updates installed by field service; the previous image is kept for rollback.".into());
        plan.set_text(PlanText::DisclosureContact, "psirt@example.com".into());
        plan.set_text(PlanText::ThirdParty, "Weekly review of NVD and vendor advisories".into());
        plan.set_text(PlanText::SbomAccess, "With each release on the customer portal".into());
        plan.management.sbom.formats = vec![SbomFormat::Cyclonedx, SbomFormat::Spdx];
        plan.set_product_end_of_support("2034-06-30".into());
        let label = plan.add_control("Place the pump on a segmented clinical network", ControlKind::Labelling);
        plan.risks[0].control_ids.push(label);
        plan.risks[0].need_ids.push("nd-patch-schedule".into());

        let doc = report(&plan);
        assert_eq!(doc.parts.len(), 1);
        assert_eq!(doc.parts[0].key, PartKey::CustomerSummary);
        assert_eq!(doc.parts[0].title, "Customer security summary: Infusion pump");
        assert!(matches!(&doc.parts[0].blocks[1], Block::Heading { text, .. } if text == "Document control"));
        let md = texts(&plan);
        for expected in [
            "Signed updates installed by field service; the previous image is kept for rollback.",
            "Firmware images are signed and verified by secure boot",
            r"psirt\@example.com",
            "Yes: With each release on the customer portal",
            "CycloneDX, SPDX",
            "Place the pump on a segmented clinical network",
            "A predictable patch schedule",
            "Security updates are planned until 2034-06-30.",
        ] {
            assert!(md.contains(expected), "{expected:?} in:\n{md}");
        }
        // Needs hospital IT holds that nothing answers yet say so.
        assert!(md.contains("being worked on."), "{md}");
        assert!(!md.contains("Security updates that need no technical steps"), "a patient's need is not hospital IT's");
        let word = jsp_planner::report::docx::render(&doc);
        assert!(word.starts_with(b"PK"));
    }
}

#[test]
fn readiness_coverage_and_views_print_as_one_document_with_document_control() {
    use jsp_planner::plan::premarket::report::{build, ALL_PARTS};
    use jsp_planner::report::{markdown, PartKey};
    let mut plan = sample_plan();
    plan.set_view_text(ViewKind::GlobalSystem, ViewText::Location, "ARC-0012 rev B".into());
    plan.set_category_reason(SecurityCategory::Cryptography, "Nothing is stored or sent.".into());
    let doc = build(&plan, ALL_PARTS);
    assert_eq!(doc.parts.iter().map(|p| p.key).collect::<Vec<_>>(), [PartKey::Readiness, PartKey::Coverage, PartKey::ArchitectureViews]);
    let md = markdown::render(&doc);
    for expected in [
        "Document control",
        "Cyber device (section 524B)",
        "– Threat model",
        "Applies if the product is a cyber device",
        "Does not apply: Nothing is stored or sent.",
        "C-001 Firmware images are signed",
        "ARC-0012 rev B",
        "elements drafted",
    ] {
        assert!(md.contains(expected), "{expected:?} in:\n{md}");
    }
    assert_eq!(build(&plan, &[PartKey::Coverage, PartKey::Register]).parts.len(), 1, "keys of other documents are skipped");
    assert!(jsp_planner::report::docx::render(&doc).starts_with(b"PK"));
}

#[test]
fn premarket_changes_are_compared_and_merged_in_the_apps_words() {
    use jsp_planner::plan::versions::compare::compare;
    use jsp_planner::plan::versions::merge::merge;
    let before = sample_plan();
    let mut after = before.clone();
    after.set_cyber_device(Some(true));
    after.set_control_category("C-001", SecurityCategory::Authentication, true);
    after.set_view_status(ViewKind::MultiPatientHarm, ViewStatus::Done);
    after.set_mds2(Mds2Answer {
        question_id: "SBOM-1".into(),
        answer: Some(Mds2Value::NotApplicable),
        note: String::new(),
        confirmed: true,
    });
    let entries: Vec<(&str, String)> = compare(&before, &after).iter().map(|e| (e.section, e.place.clone())).collect();
    assert_eq!(
        entries,
        [
            ("A.1 Release / change project planning", "Project planning, cyber device answer".into()),
            ("Controls and traceability", "Control C-001, security control categories".into()),
            ("Premarket documentation", "Premarket documentation, architecture views, view “Multi-Patient Harm”, status".into()),
            ("Premarket documentation", "Premarket documentation, MDS2 answer SBOM-1".into()),
        ]
    );

    // Two teams answer one MDS2 question differently: a conflict, worded.
    let (mut mine, mut theirs) = (before.clone(), before.clone());
    mine.set_mds2(Mds2Answer {
        question_id: "SBOM-1".into(),
        answer: Some(Mds2Value::NotApplicable),
        note: String::new(),
        confirmed: true,
    });
    theirs.set_mds2(Mds2Answer { question_id: "SBOM-1".into(), answer: None, note: String::new(), confirmed: false });
    mine.set_control_category("C-001", SecurityCategory::Authentication, true);
    theirs.set_control_category("C-001", SecurityCategory::ResiliencyAndRecovery, true);
    mine.set_cyber_device(Some(false));
    let m = merge(&before, &mine, &theirs);
    let words: Vec<(&str, &str, &str)> =
        m.conflicts.iter().map(|c| (c.place.as_str(), c.mine_words.as_str(), c.theirs_words.as_str())).collect();
    assert_eq!(
        words,
        [
            (
                "Control C-001, security control categories",
                "Authentication, Code, Data and Execution Integrity, Firmware and Software Updates",
                "Code, Data and Execution Integrity, Resiliency and Recovery, Firmware and Software Updates"
            ),
            ("Premarket documentation, MDS2 answer SBOM-1, answer", "N/A", "(blank)"),
            ("Premarket documentation, MDS2 answer SBOM-1, confirmed mark", "Confirmed", "Not confirmed"),
        ]
    );
    assert!(m.conflicts[0].both.is_some(), "both sides' categories can be kept");
    use jsp_planner::plan::versions::merge::Side;
    let kept = m.resolve(&[Side::Both, Side::Mine, Side::Mine]).unwrap().plan;
    assert_eq!(kept.project.cyber_device, Some(false));
    let mut categories = kept.controls[0].categories.clone();
    categories.sort();
    assert_eq!(
        categories,
        [
            SecurityCategory::Authentication,
            SecurityCategory::CodeDataAndExecutionIntegrity,
            SecurityCategory::ResiliencyAndRecovery,
            SecurityCategory::FirmwareAndSoftwareUpdates
        ],
        "both sides' categories are kept"
    );
    assert_eq!(kept.mds2_answer("SBOM-1").unwrap().answer, Some(Mds2Value::NotApplicable));
}

#[test]
fn the_plan_report_prints_the_cyber_device_answer_the_disclosure_contact_and_how_customers_get_the_sbom() {
    let mut plan = sample_plan();
    let md = jsp_planner::plan::export::plan_markdown(&plan);
    assert!(md.contains("Cyber device (section 524B)") && md.contains("Not decided"), "{md}");
    plan.set_cyber_device(Some(true));
    plan.set_text(PlanText::DisclosureContact, "security at example dot com".into());
    plan.set_text(PlanText::SbomAccess, "With each release".into());
    let md = jsp_planner::plan::export::plan_markdown(&plan);
    for expected in ["security at example dot com", "How customers get it", "With each release"] {
        assert!(md.contains(expected), "{expected:?} in:\n{md}");
    }
}
