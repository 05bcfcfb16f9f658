//! The assessment's report through the shared report model
//! (`assessment::report`): its parts and what each says, its Markdown and
//! Word renderings; and the geometry of the current-vs-target chart
//! (`assessment::chart`).

use std::collections::BTreeSet;
use std::io::{Cursor, Read};

use crate::common::assessment::{blank, score_workshop, set, TRANSFER_REASON};
use jsp_planner::assessment::chart::{self, Anchor, PLOT_LEFT, PLOT_RIGHT, WIDTH};
use jsp_planner::assessment::report::{brief_heatmap, brief_text, document, BRIEF_LEGEND, PARTS};
use jsp_planner::assessment::{export, framework, score, Assessment, Milestone, Phase, COMPONENTS};
use jsp_planner::report::{docx, markdown, Block, Cell, Document, Part, PartKey, Table, Tone};

/// Some levels (a gap of 1, of 3, one met, one with no target), one
/// activity not applicable, a roadmap of two phases and a loose milestone.
fn sample() -> Assessment {
    let mut a = blank();
    score_workshop(&mut a);
    set(&mut a, "vv.penetration_testing", Some(2), None);
    a.phases = vec![
        Phase { id: "PH-1".into(), name: "Foundations".into(), goal: "Write down what we already do.".into() },
        Phase { id: "PH-2".into(), name: "Transparency".into(), goal: String::new() },
        Phase { id: "PH-3".into(), name: "Later".into(), goal: String::new() },
    ];
    let milestone = |id: &str, name: &str, date: &str, phase: Option<&str>, closes: &[&str]| Milestone {
        id: id.into(),
        name: name.into(),
        date: date.into(),
        phase_id: phase.map(str::to_string),
        closes: closes.iter().map(|c| c.to_string()).collect(),
    };
    a.milestones = vec![
        milestone("M-2", "SBOM for every product", "2026-09-30", Some("PH-2"), &["transparency.sbom"]),
        milestone("M-1", "Customer needs template", "2026-06-30", Some("PH-1"), &["concept.a2", "concept.a1"]),
        milestone("M-0", "Kick-off", "2026-04-01", Some("PH-1"), &[]),
        milestone("M-9", "Unsorted idea", "2027-01-15", None, &["design.transfer", "risk.design_assessment"]),
    ];
    a
}

// ---- reading the document ----

fn part(doc: &Document, key: PartKey) -> &Part {
    doc.parts.iter().find(|p| p.key == key).unwrap_or_else(|| panic!("no {key:?} part"))
}

fn tables(part: &Part) -> Vec<&Table> {
    part.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

fn only_table(part: &Part) -> &Table {
    let t = tables(part);
    assert_eq!(t.len(), 1, "{part:?}");
    t[0]
}

fn headings(part: &Part) -> Vec<&str> {
    part.blocks.iter().filter_map(|b| if let Block::Heading { text, .. } = b { Some(text.as_str()) } else { None }).collect()
}

fn paragraphs(part: &Part) -> Vec<&str> {
    part.blocks.iter().filter_map(|b| if let Block::Paragraph(text) = b { Some(text.as_str()) } else { None }).collect()
}

fn texts(row: &[Cell]) -> Vec<&str> {
    row.iter().map(|c| c.text.as_str()).collect()
}

/// The heatmap's cell for an activity: (its text, its tone).
fn heat(doc: &Document, activity_id: &str) -> (String, Tone) {
    let (c, act) = framework::find(activity_id).unwrap();
    let t = only_table(part(doc, PartKey::Heatmap));
    let row = t.rows.iter().find(|r| r[0].text == c.name).expect("a row per component");
    let cell = row.iter().find(|cell| cell.strong == act.name).expect("a cell per activity");
    (cell.text.clone(), cell.tone)
}

// ---- parts ----

#[test]
fn parts_come_in_order_and_the_cover_says_who_when_and_which_plan() {
    let mut a = sample();
    let doc = document(&a, None);
    let keys: Vec<PartKey> = doc.parts.iter().map(|p| p.key).collect();
    assert_eq!(
        keys,
        [PartKey::Cover, PartKey::Levels, PartKey::Heatmap, PartKey::Scores, PartKey::Gaps, PartKey::Roadmap, PartKey::Activities]
    );
    assert_eq!(keys, PARTS);
    let cover = &doc.parts[0];
    assert_eq!(cover.title, "Product security maturity 2026");
    let Some(Block::Facts(facts)) = cover.blocks.iter().find(|b| matches!(b, Block::Facts(_))) else { panic!("cover facts") };
    let fact = |label: &str| facts.iter().find(|(l, _)| l == label).map(|(_, v)| v.as_str());
    assert_eq!(fact("Organisation"), Some("Acme Medical"));
    assert_eq!(fact("Assessed on"), Some("2026-03-02"));
    assert_eq!(fact("Linked plan"), None, "no plan linked");
    // 28 activities, one not applicable; six of the rest scored.
    assert_eq!(fact("Activities scored"), Some("6 of 27 that apply (1 not applicable)"));
    assert_eq!((doc.properties.title.as_str(), doc.properties.author.as_str()), ("Product security maturity 2026", "Acme Medical"));
    assert_eq!(doc.properties.footer, "Product security maturity 2026, assessed 2026-03-02");

    a.plan_id = Some("plan-7".into());
    a.name = "  ".into();
    let doc = document(&a, None);
    let Some(Block::Facts(facts)) = doc.parts[0].blocks.iter().find(|b| matches!(b, Block::Facts(_))) else { panic!() };
    assert!(facts.contains(&("Linked plan".to_string(), "plan-7".to_string())), "{facts:?}");
    assert_eq!(doc.parts[0].title, "Maturity assessment", "a nameless assessment still has a title");
}

#[test]
fn levels_part_defines_every_level() {
    let doc = document(&blank(), None);
    let t = only_table(part(&doc, PartKey::Levels));
    assert_eq!(t.header, ["Level", "Name", "Meaning"]);
    assert_eq!(t.rows.len(), 6);
    assert_eq!(texts(&t.rows[2]), ["2", "Managed", jsp_planner::assessment::LEVELS[2].definition]);
    assert!(t.rows.iter().all(|r| r[0].row_header));
}

// ---- heatmap ----

#[test]
fn heatmap_holds_every_activity_in_framework_order_with_its_levels_written() {
    let doc = document(&sample(), None);
    let heatmap = part(&doc, PartKey::Heatmap);
    let t = only_table(heatmap);
    let widest = COMPONENTS.iter().map(|c| c.activities.len()).max().unwrap();
    assert_eq!(t.header.len(), 1 + widest);
    assert_eq!(t.rows.len(), COMPONENTS.len());
    assert!(t.rows.iter().all(|r| r.len() == t.header.len()), "every row as wide as the header");
    let row_names: Vec<&str> = t.rows.iter().map(|r| r[0].text.as_str()).collect();
    assert_eq!(row_names, COMPONENTS.iter().map(|c| c.name).collect::<Vec<_>>());
    let cells: Vec<&str> = t.rows.iter().flat_map(|r| r[1..].iter().map(|c| c.strong.as_str())).filter(|s| !s.is_empty()).collect();
    assert_eq!(cells, framework::activities().map(|a| a.name).collect::<Vec<_>>());

    assert_eq!(heat(&doc, "concept.a1"), ("Current: 2 – Managed; target: 3 – Defined; 1 level short".into(), Tone::Review));
    assert_eq!(heat(&doc, "concept.a2"), ("Current: 1 – Performed; target: 4 – Measured; 3 levels short".into(), Tone::Unacceptable));
    assert_eq!(heat(&doc, "concept.a3"), ("Current: 3 – Defined; target: 3 – Defined; target met".into(), Tone::Acceptable));
    assert_eq!(heat(&doc, "vv.penetration_testing"), ("Current: 2 – Managed; target: Not scored".into(), Tone::Unset));
    assert!(paragraphs(heatmap)[0].contains("green where the target is met"), "the shading is explained");
}

#[test]
fn heatmap_shows_not_applicable_with_its_reason_and_unscored_as_such() {
    let doc = document(&sample(), None);
    assert_eq!(heat(&doc, "design.transfer"), (format!("Not applicable: {TRANSFER_REASON}"), Tone::Plain));
    assert_eq!(heat(&doc, "risk.design_assessment"), ("Not scored".into(), Tone::Unset));
    // No cell relies on its colour alone: every toned cell says a level or why there is none.
    let t = only_table(part(&doc, PartKey::Heatmap));
    for cell in t.rows.iter().flat_map(|r| &r[1..]).filter(|c| !c.strong.is_empty()) {
        assert!(cell.text.starts_with("Current: ") || cell.text == "Not scored" || cell.text.starts_with("Not applicable: "), "{cell:?}");
        assert!(!cell.text.contains("0 – Not performed") || cell.tone != Tone::Plain, "a scored 0 is not shown as not applicable");
    }
}

#[test]
fn standing_says_met_short_unknown_or_not_applicable() {
    use score::{standing, Standing};
    let a = sample();
    let of = |id: &str| standing(a.entry(id).expect("scored in the sample"));
    assert_eq!(of("concept.a1"), Standing::Short(1));
    assert_eq!(of("concept.a2"), Standing::Short(3));
    assert_eq!(of("concept.a3"), Standing::Met);
    assert_eq!(of("vv.penetration_testing"), Standing::Unknown, "no target: how far short is unknown");
    assert_eq!(of("design.transfer"), Standing::NotApplicable);
    assert_eq!(of("risk.design_assessment"), Standing::NotScored, "neither level yet");
    let mut b = blank();
    set(&mut b, "concept.a1", Some(5), Some(3));
    assert_eq!(standing(b.entry("concept.a1").unwrap()), Standing::Met, "above the target is met");
}

#[test]
fn brief_heatmap_has_every_activity_with_levels_as_numbers() {
    let a = sample();
    let (full, brief) = (document(&a, None), brief_heatmap(&a));
    let f = only_table(part(&full, PartKey::Heatmap));
    assert_eq!(brief.len(), f.rows.len());
    for (b, frow) in brief.iter().zip(&f.rows) {
        assert_eq!(b.component, frow[0].text, "the components in order");
        let shading =
            |cells: &[Cell]| cells.iter().filter(|c| !c.strong.is_empty()).map(|c| (c.strong.clone(), c.tone)).collect::<Vec<_>>();
        assert_eq!(shading(&b.cells), shading(&frow[1..]), "the same activities, shaded the same");
    }
    let cell = |id: &str| {
        let (_, act) = framework::find(id).unwrap();
        brief.iter().flat_map(|b| &b.cells).find(|c| c.strong == act.name).unwrap().text.clone()
    };
    assert_eq!(cell("concept.a1"), "2 → 3 · 1 short");
    assert_eq!(cell("concept.a2"), "1 → 4 · 3 short");
    assert_eq!(cell("concept.a3"), "3 → 3 · met");
    assert_eq!(cell("vv.penetration_testing"), "2 → –");
    assert_eq!(cell("design.transfer"), "Not applicable");
    assert_eq!(cell("risk.design_assessment"), "Not scored");
    assert_eq!(brief_text(a.entry("concept.a1").unwrap()), "2 → 3 · 1 short");
    assert!(BRIEF_LEGEND.contains("Current → target"), "the legend says how to read a cell");
}

// ---- scores and gaps ----

#[test]
fn scores_part_is_the_component_means() {
    let a = sample();
    let doc = document(&a, None);
    let t = only_table(part(&doc, PartKey::Scores));
    assert_eq!(t.header, ["Component", "Current", "Target", "Activities scored"]);
    let shown = |s: Option<score::Score>| s.map_or("Not scored".to_string(), |s| s.display());
    for (row, s) in t.rows.iter().zip(score::component_scores(&a)) {
        assert_eq!(
            texts(row),
            [s.component.name.to_string(), shown(s.current), shown(s.target), format!("{} of {}", s.scored, s.applicable)]
        );
    }
    assert_eq!(texts(&t.rows[0]), ["Concept", "2.0", "3.3", "3 of 3"]);
    assert_eq!(texts(&t.rows[3]), ["Design and development", "Not scored", "Not scored", "0 of 3"], "not applicable is not counted");
}

#[test]
fn gaps_are_listed_largest_first_with_what_closes_them() {
    let doc = document(&sample(), None);
    let t = only_table(part(&doc, PartKey::Gaps));
    let rows: Vec<Vec<&str>> = t.rows.iter().map(|r| texts(r)).collect();
    assert_eq!(
        rows,
        [
            vec!["A.2 Voice of the customer", "Concept", "1 – Performed", "4 – Measured", "3", "Customer needs template (2026-06-30)"],
            vec![
                "Software bill of materials (SBOM)",
                "Transparency to customers",
                "0 – Not performed",
                "3 – Defined",
                "3",
                "SBOM for every product (2026-09-30)"
            ],
            vec!["Patching", "Maintenance", "1 – Performed", "3 – Defined", "2", "No milestone yet"],
            vec![
                "A.1 Release / change project planning",
                "Concept",
                "2 – Managed",
                "3 – Defined",
                "1",
                "Customer needs template (2026-06-30)"
            ],
        ]
    );
    let sizes: Vec<u8> = rows.iter().map(|r| r[4].parse().unwrap()).collect();
    assert!(sizes.windows(2).all(|w| w[0] >= w[1]), "{sizes:?}");

    let none = document(&blank(), None);
    let gaps = part(&none, PartKey::Gaps);
    assert!(tables(gaps).is_empty());
    assert_eq!(paragraphs(gaps), ["No applicable activity has a target above its current level."]);
}

// ---- roadmap ----

#[test]
fn roadmap_groups_milestones_by_phase_in_date_order_with_the_gaps_they_close() {
    let doc = document(&sample(), None);
    let roadmap = part(&doc, PartKey::Roadmap);
    assert_eq!(
        headings(roadmap),
        ["Foundations (2026-04-01 to 2026-06-30)", "Transparency (2026-09-30)", "Later", "Milestones without a phase (2027-01-15)"]
    );
    let t = tables(roadmap);
    assert_eq!(t.len(), 3, "the empty phase has no table");
    assert_eq!(t[0].header, ["Date", "Milestone", "Closes the gaps of"]);
    let rows: Vec<Vec<&str>> = t[0].rows.iter().map(|r| texts(r)).collect();
    assert_eq!(
        rows,
        [
            vec!["2026-04-01", "Kick-off", "—"],
            vec![
                "2026-06-30",
                "Customer needs template",
                "A.2 Voice of the customer (gap 3: 1 to 4); A.1 Release / change project planning (gap 1: 2 to 3)"
            ],
        ]
    );
    assert_eq!(texts(&t[1].rows[0]), ["2026-09-30", "SBOM for every product", "Software bill of materials (SBOM) (gap 3: 0 to 3)"]);
    assert_eq!(t[2].rows[0][2].text, "Secure transfer to manufacturing (not applicable); Security design risk assessment (not scored)");
    let notes = paragraphs(roadmap);
    assert!(notes.contains(&"Write down what we already do."), "{notes:?}");
    assert!(notes.contains(&"No milestones yet."), "{notes:?}");
    assert!(notes.contains(&"Gaps no milestone closes yet: Patching."), "{notes:?}");

    let empty = document(&blank(), None);
    assert_eq!(paragraphs(part(&empty, PartKey::Roadmap)), ["No phases or milestones yet."]);
}

// ---- progress ----

#[test]
fn progress_appears_only_with_a_baseline_and_says_what_moved() {
    let now = sample();
    assert!(document(&now, None).parts.iter().all(|p| p.key != PartKey::Progress));

    let mut baseline = sample();
    baseline.name = "Maturity 2025".into();
    baseline.assessed_on = "2025-03-01".into();
    set(&mut baseline, "concept.a2", Some(0), Some(4));
    set(&mut baseline, "risk.design_assessment", Some(3), None);
    set(&mut baseline, "maintenance.patching", None, Some(3));
    let doc = document(&now, Some(&baseline));
    let keys: Vec<PartKey> = doc.parts.iter().map(|p| p.key).collect();
    assert_eq!(
        keys,
        [
            PartKey::Cover,
            PartKey::Levels,
            PartKey::Heatmap,
            PartKey::Scores,
            PartKey::Gaps,
            PartKey::Roadmap,
            PartKey::Progress,
            PartKey::Activities
        ]
    );
    let progress = part(&doc, PartKey::Progress);
    assert_eq!(progress.title, "Progress since Maturity 2025 (2025-03-01)");
    assert_eq!(headings(progress), ["By component", "Activities whose level changed"]);
    let t = tables(progress);
    let component = |name: &str| texts(t[0].rows.iter().find(|r| r[0].text == name).unwrap()).join(" | ");
    assert_eq!(t[0].rows.len(), COMPONENTS.len());
    // Concept: 5/3 (1.7) then 6/3 (2.0).
    assert_eq!(component("Concept"), "Concept | 1.7 | 2.0 | +0.3");
    assert_eq!(component("Risk management"), "Risk management | 3.0 | Not scored | No longer scored");
    assert_eq!(component("Maintenance"), "Maintenance | Not scored | 1.0 | Newly scored");
    assert_eq!(component("Supplier management"), "Supplier management | Not scored | Not scored | —");
    assert_eq!(component("Transparency to customers"), "Transparency to customers | 0.0 | 0.0 | 0.0");
    let moved: Vec<Vec<&str>> = t[1].rows.iter().map(|r| texts(r)).collect();
    assert_eq!(
        moved,
        [
            vec!["A.2 Voice of the customer", "Concept", "0 – Not performed", "1 – Performed", "+1"],
            vec!["Security design risk assessment", "Risk management", "3 – Defined", "Not scored", "No longer scored"],
            vec!["Patching", "Maintenance", "Not scored", "1 – Performed", "Newly scored"],
        ],
        "only what moved, in framework order"
    );

    let same = document(&now, Some(&now));
    let progress = part(&same, PartKey::Progress);
    assert_eq!(tables(progress).len(), 1);
    assert!(paragraphs(progress).contains(&"No activity’s level changed."));
}

// ---- activities ----

#[test]
fn activities_part_has_owners_evidence_and_reasons() {
    let doc = document(&sample(), None);
    let activities = part(&doc, PartKey::Activities);
    assert_eq!(headings(activities), COMPONENTS.iter().map(|c| c.name).collect::<Vec<_>>());
    let rows: Vec<&Vec<Cell>> = tables(activities).into_iter().flat_map(|t| &t.rows).collect();
    assert_eq!(rows.len(), framework::activities().count());
    let row = |name: &str| texts(rows.iter().find(|r| r[0].text == name).unwrap());
    assert_eq!(
        row("A.2 Voice of the customer"),
        [
            "A.2 Voice of the customer",
            "1 – Performed",
            "4 – Measured",
            "Head of product management",
            "Workshop notes, 2025 user needs review"
        ]
    );
    assert_eq!(row("Secure transfer to manufacturing"), ["Secure transfer to manufacturing", "Not applicable", "—", "—", "—"]);
    let reasons: Vec<String> = activities
        .blocks
        .iter()
        .filter_map(|b| if let Block::List(items) = b { Some(items) } else { None })
        .flatten()
        .map(|i| i.text.clone())
        .collect();
    assert_eq!(reasons, [format!("Secure transfer to manufacturing: {TRANSFER_REASON}")]);
}

// ---- renderings ----

#[test]
fn markdown_is_the_documents_and_names_every_component_and_activity() {
    let a = sample();
    let md = markdown::render(&document(&a, None));
    assert_eq!(export::assessment_markdown(&a, None), md, "the export is the report's Markdown");
    for c in COMPONENTS {
        assert!(md.contains(&format!("### {}\n", c.name)), "{}", c.name);
        assert!(md.contains(&format!("| {} |", c.name)), "{} in the heatmap and scores", c.name);
        for act in c.activities {
            let name = markdown::escape_markdown(act.name);
            assert!(md.contains(&format!("**{name}**")), "{} in the heatmap", act.name);
            assert!(md.contains(&format!("| {name} |")), "{} in the activities", act.name);
        }
    }
    assert!(md.contains(&format!("**Secure transfer to manufacturing** Not applicable: {TRANSFER_REASON}")), "{md}");
    for title in ["## Levels\n", "## Heatmap\n", "## Scores by component\n", "## Gaps, largest first\n", "## Roadmap\n"] {
        assert!(md.contains(title), "{title}");
    }
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn document_xml(bytes: &[u8]) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).expect("a zip archive");
    let mut entry = archive.by_name("word/document.xml").expect("the main document part");
    let mut text = String::new();
    entry.read_to_string(&mut text).expect("UTF-8 text with a right CRC");
    text
}

#[test]
fn word_renders_the_document_with_every_heading() {
    let mut a = sample();
    a.name = "Maturity <2026> & \"beyond\"".into();
    let mut baseline = sample();
    baseline.name = "Maturity 2025".into();
    baseline.assessed_on = "2025-03-01".into();
    let doc = document(&a, Some(&baseline));
    let bytes = docx::render(&doc);
    assert!(bytes.starts_with(b"PK"), "a zip package");
    let xml = document_xml(&bytes);
    let parsed = roxmltree::Document::parse(&xml).expect("well-formed XML, user text escaped");
    let paragraphs: BTreeSet<String> = parsed
        .descendants()
        .filter(|n| n.has_tag_name((W, "p")))
        .map(|p| p.descendants().filter(|n| n.has_tag_name((W, "t"))).filter_map(|t| t.text()).collect())
        .collect();
    let mut expected: Vec<String> = doc.parts.iter().map(|p| p.title.clone()).collect();
    expected.extend(doc.parts.iter().flat_map(|p| headings(p).into_iter().map(str::to_string)));
    assert!(expected.contains(&"Maturity <2026> & \"beyond\"".to_string()));
    assert!(expected.contains(&"Progress since Maturity 2025 (2025-03-01)".to_string()));
    for text in &expected {
        assert!(paragraphs.contains(text), "{text} missing from word/document.xml");
    }
    assert!(xml.contains("Not applicable: We make software only"), "the heatmap's words are in the document");
}

// ---- chart ----

fn row<'a>(c: &'a chart::Chart, id: &str) -> &'a chart::Row {
    c.rows.iter().find(|r| r.component_id == id).unwrap()
}

#[test]
fn chart_bars_are_proportional_to_the_means_and_every_value_is_written() {
    let c = chart::chart(&sample());
    assert_eq!(c.width, WIDTH);
    assert_eq!(c.rows.len(), COMPONENTS.len());
    let labels: Vec<&str> = c.rows.iter().map(|r| r.label.text.as_str()).collect();
    assert_eq!(labels, COMPONENTS.iter().map(|c| c.name).collect::<Vec<_>>());
    let unit = (PLOT_RIGHT - PLOT_LEFT) / 5.0;

    let concept = row(&c, "concept");
    let current = concept.current.bar.as_ref().expect("a bar for a scored component");
    let target = concept.target.bar.as_ref().unwrap();
    assert!((current.value - 2.0).abs() < 1e-6 && (target.value - 10.0 / 3.0).abs() < 1e-5);
    assert!((current.width - 2.0 * unit).abs() < 1e-3, "{current:?}");
    assert!((target.width - 10.0 / 3.0 * unit).abs() < 1e-3, "{target:?}");
    assert_eq!((current.x, target.x), (PLOT_LEFT, PLOT_LEFT), "bars start at the scale's 0");
    assert!(target.height < current.height, "the target differs by shape, not only colour");
    assert_eq!((concept.current.label.text.as_str(), concept.target.label.text.as_str()), ("Current 2.0", "Target 3.3"));
    assert!(concept.current.label.x > current.x + current.width, "the value sits beside its bar");
    assert!(concept.target.label.x > target.x + target.width);

    // Every bar in the chart: the same units per level.
    let bars: Vec<&chart::Bar> = c.rows.iter().flat_map(|r| [&r.current.bar, &r.target.bar]).flatten().collect();
    assert_eq!(bars.len(), 7, "Concept, Maintenance and Transparency have both; V&V has a current only");
    assert!(bars.iter().all(|b| (b.width - b.value * unit).abs() < 1e-3 && b.x + b.width <= PLOT_RIGHT), "{bars:?}");

    // A mean of 0 is an answer: a bar of no width, its value written.
    let transparency = row(&c, "transparency");
    assert_eq!(transparency.current.bar.as_ref().map(|b| b.width), Some(0.0));
    assert_eq!(transparency.current.label.text, "Current 0.0");
}

#[test]
fn chart_says_when_a_component_has_no_score_and_draws_no_bar() {
    let mut a = sample();
    for id in ["transparency.sbom", "transparency.mds2"] {
        a.entry_mut(id).unwrap().not_applicable = Some("Internal tools only".into());
    }
    let c = chart::chart(&a);
    for id in ["risk", "design", "transparency"] {
        let r = row(&c, id);
        assert!(r.current.bar.is_none() && r.target.bar.is_none(), "{id}");
        assert_eq!((r.current.label.text.as_str(), r.target.label.text.as_str()), ("Current: not scored", "Target: not scored"));
    }
    let pentest = row(&c, "vv");
    assert!(pentest.current.bar.is_some() && pentest.target.bar.is_none());
    assert_eq!(pentest.target.label.text, "Target: not scored");
}

#[test]
fn chart_has_a_labelled_scale_and_everything_inside_its_view_box() {
    let c = chart::chart(&sample());
    let ticks: Vec<(u8, &str)> = c.ticks.iter().map(|t| (t.value, t.label.text.as_str())).collect();
    assert_eq!(ticks, [(0, "0"), (1, "1"), (2, "2"), (3, "3"), (4, "4"), (5, "5")]);
    assert_eq!((c.ticks[0].x, c.ticks[5].x), (PLOT_LEFT, PLOT_RIGHT));
    let steps: Vec<f32> = c.ticks.windows(2).map(|w| w[1].x - w[0].x).collect();
    assert!(steps.iter().all(|s| (s - steps[0]).abs() < 1e-3 && *s > 0.0), "evenly spaced: {steps:?}");
    assert!(c.ticks.iter().all(|t| t.label.anchor == Anchor::Middle && t.label.y > t.y2), "labels under the grid");
    assert_eq!(Anchor::Middle.as_str(), "middle");
    assert!(!c.title.is_empty() && !c.description.is_empty() && !c.caption.text.is_empty());

    // Rows one under the other, each one's text and bars inside its band.
    let bands: Vec<f32> = c.rows.iter().map(|r| r.label.y).collect();
    assert!(bands.windows(2).all(|w| w[1] > w[0]), "{bands:?}");
    for (i, r) in c.rows.iter().enumerate() {
        let next = c.rows.get(i + 1).map_or(c.ticks[0].y2, |n| n.label.y - 14.0);
        for bar in [&r.current.bar, &r.target.bar].into_iter().flatten() {
            assert!(bar.y > r.label.y && bar.y + bar.height <= next, "{i}: {bar:?}");
        }
        for label in [&r.label, &r.current.label, &r.target.label] {
            assert!(label.x >= 0.0 && label.x < WIDTH - 60.0 && label.y > 0.0 && label.y < c.height, "{label:?}");
        }
    }
    assert!(c.caption.y < c.height && c.ticks[0].label.y < c.caption.y);
}

#[test]
fn projector_chart_spans_the_screen_with_names_beside_their_bars() {
    let a = sample();
    let (wide, desk) = (chart::chart_in(&a, &chart::PROJECTOR), chart::chart(&a));
    assert_eq!((wide.width, wide.text, desk.text), (1232.0, 18.0, 14.0));
    // Drawn 1:1 across a 1280 x 720 screen, it fits under the workshop bar.
    assert!(wide.height <= 640.0, "{}", wide.height);
    let l = chart::PROJECTOR;
    let unit = (l.plot_right - l.plot_left) / 5.0;
    for (w, d) in wide.rows.iter().zip(&desk.rows) {
        assert_eq!(
            (&w.label.text, &w.current.label.text, &w.target.label.text),
            (&d.label.text, &d.current.label.text, &d.target.label.text)
        );
        assert_eq!((w.label.anchor, d.label.anchor), (Anchor::End, Anchor::Start), "names right-aligned to the scale's 0");
        assert!(w.label.x < l.plot_left && w.label.x > 400.0, "room for the longest name: {:?}", w.label);
        for bar in [&w.current.bar, &w.target.bar].into_iter().flatten() {
            assert!(bar.x == l.plot_left && (bar.width - bar.value * unit).abs() < 1e-3, "{bar:?}");
        }
        // The name sits between the top of the current bar's label and the target's baseline.
        assert!(w.label.y > w.current.label.y && w.label.y < w.target.label.y, "{w:?}");
    }
    // Each row's text is clear of the next row's: the target's baseline above the next row's first text.
    for pair in wide.rows.windows(2) {
        assert!(pair[0].target.label.y + 4.0 < pair[1].current.label.y - wide.text * 0.75, "{pair:?}");
    }
    assert!(wide.ticks.iter().all(|t| t.label.y > t.y2 && t.label.y < wide.caption.y) && wide.caption.y < wide.height);
}
