//! The component register (format version 6): its edits, its rules, its
//! repair, its migration, its words in compare and merge, and that 5,000
//! components fit in a plan file.

use crate::common::{sample_plan, NOW};
use jsp_planner::plan::edit::{apply, SizeCheck};
use jsp_planner::plan::file;
use jsp_planner::plan::model::*;
use jsp_planner::plan::repair::repair;
use jsp_planner::plan::rules::{describe, validate};
use jsp_planner::plan::versions::compare::compare;
use jsp_planner::plan::versions::merge::merge;
use serde_json::{json, Value};

/// A component as an SBOM generator writes one for a Linux package: the
/// fields a real register holds, at their usual lengths.
pub fn typical_component(i: usize) -> Component {
    let name = format!("libexample{i}");
    let version = format!("3.0.{}-0ubuntu1.{}", i % 20, i % 13);
    let mut c = Component::new(String::new(), &name);
    c.version = version.clone();
    c.supplier = "Ubuntu Developers".into();
    c.purl = format!("pkg:deb/ubuntu/{name}@{version}?arch=amd64&distro=ubuntu-22.04");
    c.cpe = format!("cpe:2.3:a:{name}:{name}:{version}:*:*:*:*:*:*:*");
    c.licence = "Apache-2.0 OR MIT".into();
    c.support = SupportLevel::ActivelyMaintained;
    c.end_of_support = "2032-04-30".into();
    c.monitoring =
        Monitoring { source: "NVD and Ubuntu security notices".into(), frequency: "Weekly".into(), who: "Product security".into() };
    c.sbom_ref = format!("{}?package-id={i:016x}", c.purl);
    c
}

fn with_components(n: usize) -> Plan {
    let mut plan = sample_plan();
    plan.add_components((0..n).map(typical_component).collect());
    plan
}

#[test]
fn components_are_numbered_after_the_highest_and_imported_ones_take_the_next_ids() {
    let mut plan = sample_plan();
    assert_eq!(plan.add_component("  openssl "), "CMP-001");
    assert_eq!(plan.add_component("zlib"), "CMP-002");
    plan.remove_component("CMP-001");
    assert_eq!(plan.add_component("busybox"), "CMP-003", "a removed component's id is not given again");
    assert_eq!(plan.component("CMP-002").unwrap().name, "zlib");
    let mut brought = typical_component(1);
    brought.id = "CMP-002".into();
    let ids = plan.add_components(vec![brought, typical_component(2)]);
    assert_eq!(ids, ["CMP-004", "CMP-005"], "the ids an SBOM's components bring are not kept");
    let order: Vec<&str> = plan.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["CMP-002", "CMP-003", "CMP-004", "CMP-005"]);
    assert_eq!(plan.component("CMP-003").unwrap().support, SupportLevel::Unknown, "support is unknown until someone says");
    assert!(validate(&plan).is_empty(), "{:?}", validate(&plan));
    // Past 999 the number grows a digit.
    let mut plan = sample_plan();
    plan.add_components((0..1000).map(typical_component).collect());
    assert_eq!(plan.components.last().unwrap().id, "CMP-1000");
    assert_eq!(plan.next_component_id(), "CMP-1001");
}

#[test]
fn each_edit_changes_one_component_and_goes_through_the_edit_path() {
    let mut plan = sample_plan();
    let id = plan.add_component("openssl");
    for (field, value) in [
        (ComponentText::Version, "3.0.2"),
        (ComponentText::Supplier, "OpenSSL Software Foundation"),
        (ComponentText::EndOfSupport, "2026-09-07"),
        (ComponentText::MonitoringWho, "Product security"),
    ] {
        let applied = apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_component_text(&id, field, value.into())).unwrap();
        assert!(applied.is_some(), "{field:?} was kept");
        assert_eq!(field.get(plan.component(&id).unwrap()), value);
    }
    apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_component_kind(&id, ComponentKind::OperatingSystem)).unwrap();
    apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_component_support(&id, SupportLevel::NoLongerMaintained)).unwrap();
    apply(&mut plan, NOW, SizeCheck::Now, |p| p.link_component_risk(&id, "R-001", true)).unwrap();
    let c = plan.component(&id).unwrap();
    assert_eq!(
        (c.kind, c.support, c.risk_ids.as_slice()),
        (ComponentKind::OperatingSystem, SupportLevel::NoLongerMaintained, &["R-001".to_string()][..])
    );
    assert_eq!(c.title(), "openssl 3.0.2");

    // A date that is not one, a link to a risk that does not exist: refused, nothing changes.
    let before = plan.clone();
    let refused = apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_component_text(&id, ComponentText::EndOfLife, "next year".into()));
    assert_eq!(refused.unwrap_err(), "Component CMP-001: the end of life must be written year-month-day, as 2026-11-24, or be left empty.");
    let refused = apply(&mut plan, NOW, SizeCheck::Now, |p| p.link_component_risk(&id, "R-404", true));
    assert_eq!(refused.unwrap_err(), "Component CMP-001: the linked risk 2 is “R-404”, which does not exist.");
    assert_eq!(plan, before);

    // Removing a risk removes the components' links to it.
    plan.remove_risk("R-001");
    assert!(plan.component(&id).unwrap().risk_ids.is_empty());
    apply(&mut plan, NOW, SizeCheck::Now, |p| p.remove_component(&id)).unwrap();
    assert!(plan.components.is_empty());

    apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_product_end_of_support("2035-12-31".into())).unwrap();
    assert_eq!(plan.project.end_of_support, "2035-12-31");
    let refused = apply(&mut plan, NOW, SizeCheck::Now, |p| p.set_product_end_of_support("31/12/2035".into()));
    assert_eq!(
        refused.unwrap_err(),
        "Project planning: the planned end of support must be written year-month-day, as 2026-11-24, or be left empty."
    );
}

#[test]
fn broken_component_rules_are_named_by_component_and_field() {
    let mut plan = sample_plan();
    plan.add_components(vec![typical_component(1), typical_component(2)]);
    let c = &mut plan.components[0];
    c.name = "  ".into();
    c.purl = "p".repeat(1_001);
    c.end_of_support = "2026-02-30x".into();
    c.monitoring.frequency = "w".repeat(301);
    c.risk_ids = vec!["R-001".into(), "R-001".into()];
    plan.components[1].id = "CMP-001".into();
    let found: Vec<String> = validate(&plan).iter().map(|v| describe(v, &plan)).collect();
    assert_eq!(
        found,
        [
            "Component CMP-001: the id is “CMP-001”, the same as an earlier one.",
            "Component CMP-001: the name must not be empty.",
            "Component CMP-001: the package URL is longer than 1,000 characters.",
            "Component CMP-001: the end of support must be written year-month-day, as 2026-11-24, or be left empty.",
            "Component CMP-001, monitoring: the frequency is longer than 300 characters.",
            "Component CMP-001: the linked risk 2 is “R-001”, which is already linked.",
        ]
    );
}

#[test]
fn five_thousand_components_fit_in_a_plan_file_and_one_more_is_refused() {
    let plan = with_components(5_000);
    assert!(validate(&plan).is_empty());
    let compact = file::export_compact(&plan);
    let pretty = file::export_pretty(&plan);
    // Measured: 3,278,175 bytes compact (4,376,125 pretty, so the file is
    // written compactly) for these typical fields; printed with --nocapture.
    println!("5,000 typical components: {} bytes compact, {} bytes pretty", compact.len(), pretty.len());
    assert!(compact.len() < file::MAX_FILE_BYTES, "{} bytes", compact.len());
    let again = file::import(file::export_for_file(&plan).as_bytes()).unwrap();
    assert_eq!(again.plan, plan);

    let mut more = plan.clone();
    more.add_component("one too many");
    let found: Vec<String> = validate(&more).iter().map(|v| describe(v, &more)).collect();
    assert_eq!(found, ["Component register has 5,001 entries; at most 5,000 are allowed."]);
}

#[test]
fn repair_drops_links_to_removed_risks_and_clears_what_is_not_a_date() {
    let mut plan = sample_plan();
    plan.add_components(vec![typical_component(1)]);
    let c = &mut plan.components[0];
    c.risk_ids = vec!["R-001".into(), "R-404".into()];
    c.end_of_life = "soon".into();
    c.name = String::new();
    plan.project.end_of_support = "2030".into();
    let log = repair(&mut plan);
    assert_eq!(
        log,
        [
            "The product's planned end of support was not a date and was cleared.",
            "The name of component CMP-001 was empty and is now “Unnamed component”.",
            "The end of life date of component CMP-001 was not a date and was cleared.",
            "Component CMP-001 linked risks that no longer exist; those links were removed.",
        ]
    );
    assert!(validate(&plan).is_empty());
    assert_eq!(plan.components[0].risk_ids, ["R-001"]);
}

/// `plan` as a version 5 file wrote it: no component register, no planned end of support.
fn as_version_5(plan: &Plan) -> Value {
    let mut v: Value = serde_json::from_str(&file::export_compact(plan)).unwrap();
    v["version"] = json!(5);
    fn strip(plan: &mut Value) {
        assert_eq!(plan.as_object_mut().unwrap().remove("components"), Some(json!([])));
        plan["project"].as_object_mut().unwrap().remove("end_of_support");
    }
    strip(&mut v["plan"]);
    if let Some(list) = v["plan"]["revisions"].as_array_mut() {
        for r in list {
            if let Some(snapshot) = r.pointer_mut("/content/snapshot") {
                strip(snapshot);
            }
        }
    }
    v
}

#[test]
fn a_version_5_plan_with_revisions_gains_an_empty_register_and_its_revisions_rebuild() {
    let mut plan = sample_plan();
    plan.issue_revision("A", "First issue", NOW).unwrap();
    plan.risk_mut("R-001").unwrap().owner = "Product security".into();
    plan.project.description = "Second".into();
    plan.issue_revision("B", "Owner named", NOW).unwrap();
    let v5 = as_version_5(&plan);
    assert!(v5.to_string().find("components").is_none(), "a version 5 file has no register");
    let imported = file::import(v5.to_string().as_bytes()).unwrap();
    assert_eq!(imported.migrated_from, Some(5));
    // The same plan; its history is the same but for the order of the fields in its text.
    let mut draft = imported.plan.clone();
    draft.revisions = plan.revisions.clone();
    assert_eq!(draft, plan);
    for number in [1, 2] {
        let frozen = file::revision_plan(&imported.plan, number).unwrap();
        assert_eq!(frozen, file::revision_plan(&plan, number).unwrap(), "revision {number}");
        assert!(frozen.components.is_empty() && frozen.project.end_of_support.is_empty());
    }
}

#[test]
fn components_are_worded_by_id_name_and_version_in_compare_and_merge() {
    let before = sample_plan();
    let mut after = before.clone();
    after.add_component("zlib");
    let id = after.add_component("openssl");
    after.set_component_text(&id, ComponentText::Version, "3.0.2".into());
    after.link_component_risk(&id, "R-001", true);
    after.set_component_support(&id, SupportLevel::NoLongerMaintained);
    let entries = compare(&before, &after);
    let added: Vec<(&str, &str, &str)> = entries.iter().map(|e| (e.section, e.place.as_str(), e.after.as_str())).collect();
    assert_eq!(
        added,
        [
            ("Third-party components", "Component CMP-001", "CMP-001 zlib"),
            ("Third-party components", "Component CMP-002", "CMP-002 openssl 3.0.2"),
        ]
    );
    let mut later = after.clone();
    later.set_component_text(&id, ComponentText::MonitoringFrequency, "Weekly".into());
    let changed: Vec<(String, String, String)> = compare(&after, &later).into_iter().map(|e| (e.place, e.before, e.after)).collect();
    assert_eq!(changed, [("Component CMP-002, monitoring, frequency".into(), "—".into(), "Weekly".into())]);

    // The merge words a conflict as the register shows it.
    let (mut mine, mut theirs) = (after.clone(), after.clone());
    mine.set_component_support(&id, SupportLevel::Abandoned);
    mine.link_component_risk(&id, "R-001", false);
    theirs.set_component_support(&id, SupportLevel::ActivelyMaintained);
    theirs.set_component_text(&id, ComponentText::Notes, "Vendor confirmed".into());
    theirs.link_component_risk(&id, "R-001", false);
    theirs.add_risk("Update server", "Stolen key");
    theirs.link_component_risk(&id, "R-002", true);
    let m = merge(&after, &mine, &theirs);
    let words: Vec<(&str, &str, &str)> =
        m.conflicts.iter().map(|c| (c.place.as_str(), c.mine_words.as_str(), c.theirs_words.as_str())).collect();
    assert_eq!(
        words,
        [
            ("Component CMP-002, linked risks", "(none)", "R-002 Update server: Stolen key"),
            ("Component CMP-002, level of support", "Abandoned", "Actively maintained"),
        ]
    );
}

/// A register with one component of each kind of support the filters tell apart.
fn filter_plan() -> Plan {
    let mut plan = sample_plan();
    plan.project.end_of_support = "2034-12-31".into();
    for (name, support, end) in [
        ("poky", SupportLevel::ActivelyMaintained, "2036-04-30"),
        ("openssl", SupportLevel::ActivelyMaintained, "2026-09-07"),
        ("busybox", SupportLevel::NoLongerMaintained, ""),
        ("lodash", SupportLevel::Abandoned, "2034-12-31"),
        ("log4j", SupportLevel::Unknown, ""),
    ] {
        let id = plan.add_component(name);
        plan.set_component_support(&id, support);
        plan.set_component_text(&id, ComponentText::EndOfSupport, end.into());
    }
    plan
}

#[test]
fn filters_pick_unknown_support_unsupported_and_support_ending_before_the_product() {
    let mut plan = filter_plan();
    let names = |plan: &Plan, f| plan.filtered_components(f).iter().map(|c| c.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(&plan, ComponentFilter::All).len(), 5);
    assert_eq!(names(&plan, ComponentFilter::UnknownSupport), ["log4j"]);
    assert_eq!(names(&plan, ComponentFilter::Unsupported), ["busybox", "lodash"]);
    // Ending on the product's own date is not before it.
    assert_eq!(names(&plan, ComponentFilter::EndsBeforeProduct), ["openssl"]);
    plan.project.end_of_support = String::new();
    assert!(names(&plan, ComponentFilter::EndsBeforeProduct).is_empty(), "no product date, nothing ends before it");
}

#[test]
fn the_register_exports_as_csv_with_every_field() {
    let mut plan = filter_plan();
    plan.components[0].monitoring = Monitoring { source: "=NVD".into(), frequency: "Weekly".into(), who: "Product security".into() };
    plan.components[0].risk_ids = vec!["R-001".into()];
    plan.components[0].notes = "Line one\nline two, with \"quotes\"".into();
    let text = jsp_planner::plan::export::components_csv(&plan);
    let body = text.strip_prefix('\u{feff}').expect("a byte order mark for Excel");
    let rows: Vec<Vec<String>> = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(body.as_bytes())
        .records()
        .map(|r| r.unwrap().iter().map(String::from).collect())
        .collect();
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[0][..4], ["ID", "Name", "Version", "Group"]);
    let row = &rows[1];
    assert_eq!(
        (row[0].as_str(), row[1].as_str(), row[9].as_str(), row[10].as_str()),
        ("CMP-001", "poky", "Actively maintained", "2036-04-30")
    );
    assert_eq!((row[12].as_str(), row[13].as_str(), row[15].as_str()), ("'=NVD", "Weekly", "R-001"), "a formula is defused");
    assert_eq!(row[16], "Line one\nline two, with \"quotes\"");
    assert_eq!(rows[5][9], "Unknown");
}

#[test]
fn the_report_has_the_support_table_fda_asks_for() {
    use jsp_planner::plan::report::{build, ALL_PARTS};
    use jsp_planner::report::{Block, PartKey};
    let mut plan = filter_plan();
    plan.components[1].monitoring = Monitoring { source: "NVD".into(), frequency: "Weekly".into(), who: String::new() };
    let doc = build(&plan, &[], ALL_PARTS);
    let keys: Vec<PartKey> = doc.parts.iter().map(|p| p.key).collect();
    assert_eq!(keys[keys.len() - 2..], [PartKey::Components, PartKey::Roles], "after traceability, before the roles");
    let part = doc.parts.iter().find(|p| p.key == PartKey::Components).unwrap();
    assert_eq!(part.title, "Third-party components");
    let texts: Vec<String> = part
        .blocks
        .iter()
        .filter_map(|b| match b {
            Block::Paragraph(p) => Some(p.clone()),
            Block::Facts(f) => Some(format!("{}: {}", f[0].0, f[0].1)),
            _ => None,
        })
        .collect();
    assert_eq!(
        texts,
        [
            "Product's planned end of support: 2034-12-31",
            "5 components in the register: 1 component with support not known, 2 no longer maintained or abandoned, 1 whose support ends before the product’s.",
        ]
    );
    let table = part.blocks.iter().find_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).unwrap();
    assert_eq!(table.header, ["Component", "Version", "Supplier", "Level of support", "End of support", "Monitoring"]);
    let row: Vec<&str> = table.rows[1].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(row, ["CMP-002 openssl", "—", "—", "Actively maintained", "2026-09-07", "NVD; Weekly"]);
    let markdown = jsp_planner::plan::export::plan_markdown(&plan);
    assert!(markdown.contains("| CMP-002 openssl | — | — | Actively maintained | 2026-09-07 | NVD; Weekly |"), "{markdown}");

    let empty = build(&sample_plan(), &[], &[PartKey::Components]);
    assert!(matches!(&empty.parts[0].blocks[1], Block::Paragraph(p) if p == "No components in the register yet."));
}

#[test]
fn components_with_support_unknown_or_ending_before_the_product_are_sbom_approach_gaps() {
    use jsp_planner::plan::deliverables::{deliverables, ComponentField, Fix, Place, NAMED_COMPONENT_GAPS};
    let sbom_gaps = |plan: &Plan| {
        let d = deliverables(plan).into_iter().find(|d| d.title == "SBOM approach").unwrap();
        d.gaps
            .into_iter()
            .filter(|g| !matches!(g.fix, Fix::SbomFormat | Fix::Text(_)))
            .map(|g| (g.text, g.fix, g.place))
            .collect::<Vec<_>>()
    };
    assert!(sbom_gaps(&sample_plan()).is_empty(), "an empty register is no gap");
    let mut plan = filter_plan();
    assert_eq!(
        sbom_gaps(&plan),
        [
            ("CMP-005 log4j: find out its level of support.".to_string(), Fix::Component("CMP-005".into(), ComponentField::Support), Place::Components),
            (
                "CMP-002 openssl: support ends 2026-09-07, before the product's (2034-12-31); say in its notes how it will be updated or replaced."
                    .to_string(),
                Fix::Component("CMP-002".into(), ComponentField::Notes),
                Place::Components
            ),
        ]
    );
    // A plan in its notes closes the second; a known level the first.
    plan.set_component_text("CMP-002", ComponentText::Notes, "Move to OpenSSL 3.5 LTS in release 2.3".into());
    plan.set_component_support("CMP-005", SupportLevel::ActivelyMaintained);
    assert!(sbom_gaps(&plan).is_empty());
    // Without the product's date, that is the gap.
    plan.project.end_of_support.clear();
    assert_eq!(
        sbom_gaps(&plan),
        [(
            "Set the product's planned end of support (A.1), to see which components' support ends first.".to_string(),
            Fix::ProductEndOfSupport,
            Place::Project
        )]
    );
    // Many: ten named, the rest one gap that opens the register filtered to them.
    let mut plan = sample_plan();
    plan.project.end_of_support = "2034-12-31".into();
    plan.add_components((0..25).map(|i| Component::new(String::new(), &format!("lib{i}"))).collect());
    let gaps = sbom_gaps(&plan);
    assert_eq!(gaps.len(), NAMED_COMPONENT_GAPS + 1);
    assert_eq!(gaps[NAMED_COMPONENT_GAPS].0, "15 more components with support not known.");
    assert_eq!(gaps[NAMED_COMPONENT_GAPS].1, Fix::Components(ComponentFilter::UnknownSupport));
}
