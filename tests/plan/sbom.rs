//! SBOMs in and out (`jsp_planner::plan::sbom`): the CycloneDX and SPDX
//! readers on the fixtures in `tests/fixtures/sbom/` (which the browser tests
//! import too), files that are refused, the re-import's changes, and the
//! CycloneDX 1.6 writer.

use crate::common::{sample_plan, NOW};
use jsp_planner::plan::edit::{apply, SizeCheck};
use jsp_planner::plan::model::*;
use jsp_planner::plan::sbom::{self, compare, cyclonedx, Changes, Product, SbomError, SbomFormat};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{}/tests/fixtures/sbom/{name}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

/// (name, version, supplier, licence, kind, support, end of support, end of life).
type Row<'a> = (&'a str, &'a str, &'a str, &'a str, ComponentKind, SupportLevel, &'a str, &'a str);

fn rows(components: &[Component]) -> Vec<Row<'_>> {
    components
        .iter()
        .map(|c| {
            (
                c.name.as_str(),
                c.version.as_str(),
                c.supplier.as_str(),
                c.licence.as_str(),
                c.kind,
                c.support,
                c.end_of_support.as_str(),
                c.end_of_life.as_str(),
            )
        })
        .collect()
}

#[test]
fn a_cyclonedx_1_6_sbom_is_read_with_nested_components_and_fda_properties() {
    let sbom = sbom::read(&fixture("infusion-pump-2.1.cdx.json")).unwrap();
    assert_eq!(sbom.format, SbomFormat::CycloneDx);
    assert_eq!(sbom.title(), "CycloneDX 1.6 SBOM of Infusion pump 2.1");
    assert_eq!(sbom.product, Some(Product { name: "Infusion pump".into(), version: "2.1".into() }));
    use ComponentKind::*;
    use SupportLevel::*;
    assert_eq!(
        rows(&sbom.components),
        [
            ("poky", "4.0.15", "Yocto Project", "MIT", OperatingSystem, ActivelyMaintained, "2026-04-30", "2027-04-30"),
            // Nested in poky, after it; the lifecycle milestone's timestamp counts by its date.
            ("openssl", "3.0.2", "OpenSSL Software Foundation", "Apache-2.0", Library, ActivelyMaintained, "2026-09-07", ""),
            ("busybox", "1.35.0", "BusyBox project", "GNU General Public License v2", Library, NoLongerMaintained, "", ""),
            ("lodash", "4.17.21", "John-David Dalton, Mathias Bynens", "MIT OR CC0-1.0", Library, Abandoned, "", ""),
            ("log4j-core", "2.17.1", "The Apache Software Foundation", "Apache-2.0", Framework, Unknown, "", ""),
            ("SoftDevice S140", "7.3.0", "Nordic Semiconductor", "", Firmware, ActivelyMaintained, "2031-06-30", ""),
        ]
    );
    let openssl = &sbom.components[1];
    assert_eq!(openssl.purl, "pkg:generic/openssl/openssl@3.0.2");
    assert_eq!(openssl.cpe, "cpe:2.3:a:openssl:openssl:3.0.2:*:*:*:*:*:*:*");
    assert_eq!(openssl.sbom_ref, "pkg:generic/openssl/openssl@3.0.2");
    assert!(openssl.id.is_empty() && openssl.risk_ids.is_empty() && openssl.monitoring.is_empty());
    assert_eq!(sbom.components[4].group, "org.apache.logging.log4j");
    assert_eq!(sbom.components[4].title(), "org.apache.logging.log4j/log4j-core 2.17.1");
    assert_eq!(sbom.unnamed, 0);
}

#[test]
fn a_cyclonedx_1_4_sbom_with_missing_and_odd_fields_is_read_as_far_as_it_goes() {
    let sbom = sbom::read(&fixture("glucose-monitor-1.4.cdx.json")).unwrap();
    assert_eq!(sbom.title(), "CycloneDX 1.4 SBOM of Glucose monitor app 1.4.0");
    use ComponentKind::*;
    use SupportLevel::*;
    assert_eq!(
        rows(&sbom.components),
        [
            ("express", "4.18.2", "TJ Holowaychuk", "MIT", Library, Unknown, "", ""),
            // A version written as a number is its text; two licences are listed, not joined by AND.
            ("qs", "6.11", "", "BSD-3-Clause, Custom notice", Library, Unknown, "", ""),
            // Nothing but a name.
            ("left-pad", "", "", "", Library, Unknown, "", ""),
        ]
    );
    assert_eq!(sbom.unnamed, 1, "the component without a name is left out and counted");
}

#[test]
fn an_spdx_2_3_sbom_is_read_from_its_packages_and_the_product_is_what_it_describes() {
    let sbom = sbom::read(&fixture("infusion-pump-2.1.spdx.json")).unwrap();
    assert_eq!(sbom.format, SbomFormat::Spdx);
    assert_eq!(sbom.title(), "SPDX 2.3 SBOM of Infusion pump 2.1");
    use ComponentKind::*;
    use SupportLevel::*;
    assert_eq!(
        rows(&sbom.components),
        [
            (
                "openssl",
                "3.0.2",
                "OpenSSL Software Foundation (openssl-security@openssl.org)",
                "Apache-2.0",
                Library,
                Unknown,
                "2026-09-07",
                ""
            ),
            // NOASSERTION: the originator supplies it, the declared licence stands.
            ("busybox", "1.35.0", "Erik Andersen", "GPL-2.0-only", Library, Unknown, "", ""),
            (
                "linux-kernel",
                "5.15.120",
                "The Linux Foundation",
                "GPL-2.0-only WITH Linux-syscall-note",
                OperatingSystem,
                Unknown,
                "2026-12-31",
                ""
            ),
            ("sqlite", "", "", "", Library, Unknown, "", ""),
        ]
    );
    let (openssl, busybox) = (&sbom.components[0], &sbom.components[1]);
    assert_eq!(
        (openssl.purl.as_str(), openssl.cpe.as_str()),
        ("pkg:generic/openssl/openssl@3.0.2", "cpe:2.3:a:openssl:openssl:3.0.2:*:*:*:*:*:*:*")
    );
    assert_eq!((busybox.purl.as_str(), busybox.cpe.as_str()), ("", "cpe:/a:busybox:busybox:1.35.0"));
    assert_eq!(openssl.sbom_ref, "SPDXRef-Package-openssl");

    // SPDX 2.2 reads alike; a DESCRIBES relationship alone names the product.
    let text = String::from_utf8(fixture("infusion-pump-2.1.spdx.json")).unwrap();
    let text = text.replace("SPDX-2.3", "SPDX-2.2").replace("\"documentDescribes\": [ \"SPDXRef-Package-infusion-pump\" ],", "");
    let older = sbom::read(text.as_bytes()).unwrap();
    assert_eq!(older.title(), "SPDX 2.2 SBOM of Infusion pump 2.1");
    assert_eq!(older.components, sbom.components);
}

#[test]
fn supplier_strings_and_support_words_are_read_in_their_usual_spellings() {
    assert_eq!(sbom::spdx::party("Organization: Acme Medical"), "Acme Medical");
    assert_eq!(sbom::spdx::party("Person: Jane Doe (jane@example.org)"), "Jane Doe (jane@example.org)");
    assert_eq!(sbom::spdx::party("NOASSERTION"), "");
    assert_eq!(sbom::spdx::party("  Acme  "), "Acme");
    for (text, level) in [
        ("actively maintained", SupportLevel::ActivelyMaintained),
        ("Actively-Maintained", SupportLevel::ActivelyMaintained),
        ("NO_LONGER_MAINTAINED", SupportLevel::NoLongerMaintained),
        (" abandoned ", SupportLevel::Abandoned),
        ("maintained", SupportLevel::Unknown),
        ("", SupportLevel::Unknown),
    ] {
        assert_eq!(cyclonedx::support_level(text), level, "{text:?}");
    }
}

fn refused(bytes: &[u8]) -> (SbomError, String) {
    let e = sbom::read(bytes).unwrap_err();
    let words = e.to_string();
    (e, words)
}

#[test]
fn other_files_are_refused_in_plain_words() {
    let cases: Vec<(Vec<u8>, SbomError, &str)> = vec![
        (
            fixture("bad-cyclonedx-1.3.cdx.json"),
            SbomError::CycloneDxVersion("1.3".into()),
            "This is a CycloneDX 1.3 SBOM; JSP Planner reads CycloneDX 1.4, 1.5 and 1.6. Export it as CycloneDX 1.6 JSON.",
        ),
        (
            fixture("bad-spdx-3.spdx.json"),
            SbomError::Spdx3,
            "This is an SPDX 3 file. JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON. Export it as SPDX 2.3 JSON.",
        ),
        (
            fixture("bad-cyclonedx.cdx.xml"),
            SbomError::Xml,
            "This is an XML file. JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON. Export the SBOM as JSON from your SBOM tool.",
        ),
        (
            fixture("bad-not-an-sbom.json"),
            SbomError::Unknown,
            "The file is JSON but not an SBOM: it has no “bomFormat” or “spdxVersion”. JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON.",
        ),
        (
            std::fs::read(format!("{}/tests/fixtures/v1/minimal.jsp-plan.json", env!("CARGO_MANIFEST_DIR"))).unwrap(),
            SbomError::PlannerFile("jsp-planner/plan".into()),
            "This is a JSP Planner plan file, not an SBOM. Open it from the plan list.",
        ),
        (b"  \n".to_vec(), SbomError::Empty, "The file is empty."),
        (b"SPDXVersion: SPDX-2.3\nDataLicense: CC0-1.0\n".to_vec(), SbomError::TagValue, "This is an SPDX file in tag-value form. JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON. Export it as SPDX JSON."),
        (br#"{"spdxVersion": "SPDX-2.1", "packages": []}"#.to_vec(), SbomError::SpdxVersion("SPDX-2.1".into()), "This SBOM says it is “SPDX-2.1”; JSP Planner reads SPDX 2.2 and 2.3 in JSON."),
        (br#"{"bomFormat": "CycloneDX", "specVersion": "1.7"}"#.to_vec(), SbomError::CycloneDxVersion("1.7".into()), "This is a CycloneDX 1.7 SBOM; JSP Planner reads CycloneDX 1.4, 1.5 and 1.6. Export it as CycloneDX 1.6 JSON."),
        (b"[1, 2, 3]".to_vec(), SbomError::NotAnObject, "The file is JSON but not an SBOM: it does not hold an object. JSP Planner reads CycloneDX (1.4 to 1.6) and SPDX (2.2 or 2.3) SBOMs in JSON."),
        (vec![0, 159, 146, 150, 0, 1], SbomError::NotText("The file is not text: it holds binary data.".into()), "The file is not text: it holds binary data."),
    ];
    for (bytes, error, words) in cases {
        assert_eq!(refused(&bytes), (error, words.to_string()));
    }
    let (e, words) = refused(&fixture("bad-broken.cdx.json"));
    assert_eq!(e, SbomError::NotJson { line: 7, column: 1, what: "The file ends too early: it may have been cut off".into() });
    assert_eq!(words, "The file ends too early: it may have been cut off (line 7, column 1).");
}

#[test]
fn hostile_files_are_refused_without_a_crash() {
    let too_large = vec![b' '; sbom::MAX_SBOM_BYTES + 1];
    assert_eq!(refused(&too_large).1, "The file is 33,554,433 bytes; an SBOM can be at most 33,554,432 bytes (32 MB).");
    assert_eq!(refused(&vec![b' '; 40 << 20]).1, "The file is 40 MB; an SBOM can be at most 32 MB.");
    let deep =
        format!("{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":{}{}}}", "[".repeat(10_000), "]".repeat(10_000));
    let (e, words) = refused(deep.as_bytes());
    assert!(matches!(e, SbomError::NotJson { .. }) && words.starts_with("The file is nested too deeply to read"), "{words}");
    // Nested components as deep as JSON allows are flattened, not recursed into.
    let mut nested = String::from("{\"type\":\"library\",\"name\":\"leaf\"}");
    for i in 0..60 {
        nested = format!("{{\"name\":\"c{i}\",\"components\":[{nested}]}}");
    }
    let text = format!("{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{nested}]}}");
    let sbom = sbom::read(text.as_bytes()).unwrap();
    assert_eq!(sbom.components.len(), 61);
    assert_eq!((sbom.components[0].name.as_str(), sbom.components[60].name.as_str()), ("c59", "leaf"));
    // Fields of the wrong type are skipped; over-long texts are cut to what a plan holds.
    let odd = format!(
        r#"{{"bomFormat":"CycloneDX","specVersion":"1.5","metadata":"none","components":[
            {{"name":"a","version":{{"x":1}},"supplier":"Acme","licenses":{{"license":"MIT"}},"properties":[1,{{"name":"cdx:fda:end-of-support-date","value":"31/12/2030"}}]}},
            7, "text", null,
            {{"name":"{}","purl":"{}","type":"machine-learning-model"}}
        ]}}"#,
        "n".repeat(400),
        "p".repeat(2_000)
    );
    let sbom = sbom::read(odd.as_bytes()).unwrap();
    assert_eq!(sbom.components.len(), 2);
    let (a, long) = (&sbom.components[0], &sbom.components[1]);
    assert_eq!((a.version.as_str(), a.supplier.as_str(), a.licence.as_str(), a.end_of_support.as_str()), ("", "", "", ""));
    assert_eq!((long.name.chars().count(), long.purl.chars().count(), long.kind), (300, 1_000, ComponentKind::Other));
    let mut plan = sample_plan();
    plan.add_components(sbom.components);
    assert!(jsp_planner::plan::rules::validate(&plan).is_empty(), "what is read always fits the plan's rules");
    // More components than a plan holds.
    let many: Vec<String> = (0..5_001).map(|i| format!("{{\"name\":\"c{i}\"}}")).collect();
    let text = format!("{{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"components\":[{}]}}", many.join(","));
    assert_eq!(
        refused(text.as_bytes()),
        (
            SbomError::TooMany(5_001),
            "The SBOM lists 5,001 components; a plan holds at most 5,000. Import the SBOM of a part of the product.".into()
        )
    );
}

/// Added titles; changed titles with "field: before → after"; removed titles and whether kept.
type Worded = (Vec<String>, Vec<(String, Vec<String>)>, Vec<(String, bool)>);

fn changes_words(changes: &Changes) -> Worded {
    let added = changes.added.iter().map(Component::title).collect();
    let changed = changes
        .changed
        .iter()
        .map(|c| (c.title.clone(), c.fields.iter().map(|f| format!("{}: {} → {}", f.field, f.before, f.after)).collect()))
        .collect();
    let removed = changes.removed.iter().map(|r| (r.title.clone(), r.kept)).collect();
    (added, changed, removed)
}

#[test]
fn a_first_import_adds_every_component_and_a_re_import_shows_its_changes_and_keeps_what_the_team_wrote() {
    let mut plan = sample_plan();
    let first = sbom::read(&fixture("infusion-pump-2.1.cdx.json")).unwrap();
    let changes = compare(&plan.components, &first);
    assert_eq!(changes.summary(), "6 added.");
    apply(&mut plan, NOW, SizeCheck::Now, |p| changes.apply(p)).unwrap().expect("a change");
    let ids: Vec<&str> = plan.components.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(ids, ["CMP-001", "CMP-002", "CMP-003", "CMP-004", "CMP-005", "CMP-006"]);
    // The same SBOM again changes nothing.
    let again = compare(&plan.components, &first);
    assert!(again.is_empty(), "{again:?}");
    assert_eq!(again.summary(), "6 unchanged.");

    // The team writes about openssl (CMP-002) and busybox (CMP-003), and
    // sets a date the SBOM does not give for lodash (CMP-004); log4j (CMP-005) is typed in again by hand.
    plan.set_component_text("CMP-002", ComponentText::Notes, "Used by the update client only".into());
    plan.link_component_risk("CMP-002", "R-001", true);
    plan.set_component_text("CMP-003", ComponentText::MonitoringSource, "BusyBox mailing list".into());
    plan.set_component_text("CMP-004", ComponentText::EndOfSupport, "2025-01-01".into());
    let typed = plan.add_component("Vendor RTOS patch");

    let next = sbom::read(&fixture("infusion-pump-2.2.cdx.json")).unwrap();
    let changes = compare(&plan.components, &next);
    assert_eq!(changes.summary(), "1 added, 1 changed, 2 kept though the SBOM no longer lists them, 4 unchanged.");
    let (added, changed, removed) = changes_words(&changes);
    assert_eq!(added, ["zlib 1.3.1"]);
    assert_eq!(
        changed,
        [(
            "CMP-002 openssl 3.0.2".to_string(),
            vec![
                "Version: 3.0.2 → 3.0.13".to_string(),
                "Package URL: pkg:generic/openssl/openssl@3.0.2 → pkg:generic/openssl/openssl@3.0.13".into(),
                "CPE: cpe:2.3:a:openssl:openssl:3.0.2:*:*:*:*:*:*:* → cpe:2.3:a:openssl:openssl:3.0.13:*:*:*:*:*:*:*".into(),
            ]
        )]
    );
    assert_eq!(removed, [("CMP-003 busybox 1.35.0".to_string(), true), (format!("{typed} Vendor RTOS patch"), true)]);

    apply(&mut plan, NOW, SizeCheck::Now, |p| changes.apply(p)).unwrap().expect("a change");
    let openssl = plan.component("CMP-002").unwrap();
    assert_eq!((openssl.version.as_str(), openssl.notes.as_str()), ("3.0.13", "Used by the update client only"));
    assert_eq!(openssl.risk_ids, ["R-001"]);
    assert_eq!(openssl.sbom_ref, "pkg:generic/openssl/openssl@3.0.13");
    assert_eq!(plan.component("CMP-003").unwrap().monitoring.source, "BusyBox mailing list", "kept with what the team wrote");
    assert_eq!(plan.component("CMP-004").unwrap().end_of_support, "2025-01-01", "a date the SBOM does not give stays");
    assert_eq!(plan.component("CMP-008").unwrap().title(), "zlib 1.3.1");

    // An SBOM without SoftDevice removes it: it came from an SBOM and nobody wrote about it.
    let text = String::from_utf8(fixture("infusion-pump-2.2.cdx.json")).unwrap();
    let cut = text.find("    {\n      \"type\": \"firmware\"").unwrap();
    let end = text[cut..].find("    },\n").unwrap() + cut + "    },\n".len();
    let without = format!("{}{}", &text[..cut], &text[end..]);
    let changes = compare(&plan.components, &sbom::read(without.as_bytes()).unwrap());
    assert_eq!(
        changes_words(&changes).2,
        [
            ("CMP-003 busybox 1.35.0".to_string(), true),
            ("CMP-006 SoftDevice S140 7.3.0".to_string(), false),
            (format!("{typed} Vendor RTOS patch"), true)
        ]
    );
    changes.apply(&mut plan);
    assert!(plan.component("CMP-006").is_none());
}

#[test]
fn components_match_by_purl_then_reference_then_name_and_version_then_name() {
    let mut plan = sample_plan();
    let mut a = Component::new(String::new(), "lib");
    a.version = "1.0".into();
    let mut b = a.clone();
    b.version = "2.0".into();
    b.purl = "pkg:generic/lib@2.0".into();
    b.sbom_ref = "ref-b".into();
    plan.add_components(vec![a.clone(), b.clone()]);
    // The SBOM lists "lib 2.0" under another purl but b's reference, and "lib 1.0".
    let mut b2 = b.clone();
    b2.purl = "pkg:generic/lib@2.0?arch=arm".into();
    let sbom = sbom::Sbom { format: SbomFormat::CycloneDx, spec_version: "1.6".into(), product: None, components: vec![a, b2], unnamed: 0 };
    let changes = compare(&plan.components, &sbom);
    assert_eq!(changes.changed.len(), 1);
    assert_eq!(changes.changed[0].id, "CMP-002");
    assert_eq!(changes.summary(), "1 changed, 1 unchanged.");
}

/// A plan whose register holds the 1.6 fixture's components, a typed-in
/// one the team knows little about, and two with the same SBOM reference.
fn register_plan() -> Plan {
    let mut plan = sample_plan();
    plan.project.end_of_support = "2034-12-31".into();
    plan.updated_at = "2026-11-24T10:00:00.000Z".into();
    plan.add_components(sbom::read(&fixture("infusion-pump-2.1.cdx.json")).unwrap().components);
    let typed = plan.add_component("Vendor RTOS patch");
    plan.set_component_text(&typed, ComponentText::Notes, "Delivered by the RTOS vendor as a binary".into());
    let mut twin = plan.components[1].clone();
    twin.version = "3.0.2-fips".into();
    plan.add_components(vec![twin]);
    plan
}

#[test]
fn the_written_cyclonedx_reads_back_as_the_same_components() {
    let plan = register_plan();
    let written = cyclonedx::write(&plan);
    let back = sbom::read(written.as_bytes()).unwrap();
    assert_eq!(back.title(), "CycloneDX 1.6 SBOM of Infusion pump");
    assert_eq!(back.components.len(), plan.components.len());
    for (read, c) in back.components.iter().zip(&plan.components) {
        let mut expected = c.clone();
        expected.id = String::new();
        // The team's own fields stay in the plan.
        expected.notes = String::new();
        expected.monitoring = Monitoring::default();
        expected.risk_ids = Vec::new();
        // A component with no reference, or one already taken, is written under its id.
        if c.sbom_ref.is_empty() || c.id == "CMP-008" {
            expected.sbom_ref = c.id.clone();
        }
        assert_eq!(*read, expected, "{}", c.id);
    }
    // And a re-import of it changes nothing but the references it gave.
    let changes = compare(&plan.components, &back);
    assert!(changes.added.is_empty() && changes.changed.is_empty() && changes.removed.is_empty(), "{changes:?}");
}

#[test]
fn the_written_cyclonedx_carries_fda_properties_the_product_and_a_stable_serial_number() {
    let plan = register_plan();
    let written = cyclonedx::write(&plan);
    let bom: serde_json::Value = serde_json::from_str(&written).unwrap();
    assert_eq!((bom["bomFormat"].as_str(), bom["specVersion"].as_str()), (Some("CycloneDX"), Some("1.6")));
    let serial = bom["serialNumber"].as_str().unwrap();
    assert!(serial.starts_with("urn:uuid:") && serial.len() == 45 && &serial[23..24] == "4", "{serial}");
    assert_eq!(cyclonedx::write(&plan), written, "the same plan writes the same SBOM");
    let mut later = plan.clone();
    later.updated_at = "2026-11-25T10:00:00.000Z".into();
    let later: serde_json::Value = serde_json::from_str(&cyclonedx::write(&later)).unwrap();
    assert_ne!(later["serialNumber"], bom["serialNumber"]);
    let product = &bom["metadata"]["component"];
    assert_eq!(product["name"], "Infusion pump");
    assert_eq!(product["properties"][0], serde_json::json!({ "name": "cdx:fda:end-of-support-date", "value": "2034-12-31" }));
    let props = |i: usize| -> Vec<(String, String)> {
        bom["components"][i]["properties"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| (p["name"].as_str().unwrap().to_string(), p["value"].as_str().unwrap().to_string()))
            .collect()
    };
    let pairs = |list: &[(&str, &str)]| list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect::<Vec<_>>();
    assert_eq!(
        props(0),
        pairs(&[
            ("cdx:fda:level-of-support", "actively maintained"),
            ("cdx:fda:end-of-support-date", "2026-04-30"),
            ("cdx:lifecycle:milestone:endOfSupport", "2026-04-30"),
            ("cdx:fda:end-of-life-date", "2027-04-30"),
            ("cdx:lifecycle:milestone:endOfLife", "2027-04-30"),
        ])
    );
    assert_eq!(
        props(6),
        pairs(&[
            ("cdx:fda:justification", "cdx:fda:level-of-support: not determined yet"),
            ("cdx:fda:justification", "cdx:fda:end-of-support-date: not known yet"),
        ])
    );
    assert_eq!(bom["components"][3]["licenses"], serde_json::json!([{ "expression": "MIT OR CC0-1.0" }]));
    assert_eq!(bom["components"][2]["licenses"], serde_json::json!([{ "license": { "name": "GNU General Public License v2" } }]));
}

/// The written SBOM the browser-side schema test validates
/// (`tests/browser/sbom-schema.test.mjs`, with CycloneDX's own 1.6 JSON
/// schema): it must be what the writer writes today.
#[test]
fn the_written_sbom_fixture_is_what_the_writer_writes() {
    let path = format!("{}/tests/fixtures/sbom/written-by-jsp-planner.cdx.json", env!("CARGO_MANIFEST_DIR"));
    let written = cyclonedx::write(&register_plan()).replace(env!("CARGO_PKG_VERSION"), "0.0.0");
    if std::env::var_os("UPDATE_FIXTURES").is_some() {
        std::fs::write(&path, format!("{written}\n")).unwrap();
    }
    let shipped = std::fs::read_to_string(&path).expect("the fixture exists; write it with UPDATE_FIXTURES=1 cargo test --test plan sbom");
    assert_eq!(shipped.trim_end(), written, "stale: run UPDATE_FIXTURES=1 cargo test --test plan sbom");
}
