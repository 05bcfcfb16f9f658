//! The one report model: what `plan::report::build` says about a plan, and how
//! `report::markdown` writes it.

use crate::common::{sample_plan, NOW};
use jsp_planner::plan::model::{Approval, Meaning, Plan, Revision};
use jsp_planner::plan::report::{build, ALL_PARTS, MANAGEMENT_PLAN_PARTS};
use jsp_planner::report::{markdown, Block, Cell, Document, Orientation, Part, PartKey, Table, Tone};

fn part(doc: &Document, key: PartKey) -> &Part {
    doc.parts.iter().find(|p| p.key == key).unwrap_or_else(|| panic!("no {key:?} part"))
}

fn tables(part: &Part) -> Vec<&Table> {
    part.blocks.iter().filter_map(|b| if let Block::Table(t) = b { Some(t) } else { None }).collect()
}

/// The table of this kind in the part.
fn table<'a>(part: &'a Part, kind: &str) -> &'a Table {
    tables(part).into_iter().find(|t| t.kind == kind).unwrap_or_else(|| panic!("no {kind} table in {}", part.title))
}

/// The cell under `column` in the row headed `row`.
fn cell<'a>(t: &'a Table, row: &str, column: &str) -> &'a Cell {
    let col = t.header.iter().position(|h| h == column).unwrap_or_else(|| panic!("no column {column}"));
    let r = t.rows.iter().find(|r| r[0].text == row).unwrap_or_else(|| panic!("no row {row}"));
    &r[col]
}

/// Everything the part says after its title, one string per block.
fn paragraphs(part: &Part) -> Vec<&str> {
    part.blocks.iter().filter_map(|b| if let Block::Paragraph(t) = b { Some(t.as_str()) } else { None }).collect()
}

fn headings(part: &Part) -> Vec<&str> {
    part.blocks.iter().filter_map(|b| if let Block::Heading { text, .. } = b { Some(text.as_str()) } else { None }).collect()
}

fn html(markdown: &str) -> String {
    let options = pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_GFM;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(markdown, options));
    html
}

/// A plan with two issued revisions, the first approved.
fn plan_with_revisions() -> Plan {
    let mut plan = sample_plan();
    plan.issue_revision("A", "First issue for the design review", NOW).unwrap();
    let sign = |name: &str, meaning| Approval {
        id: String::new(),
        name: name.into(),
        role: "Head of quality".into(),
        meaning,
        date: "2026-11-25".into(),
        comment: "Checked against the JSP".into(),
    };
    plan.record_approval(1, sign("Ana Ruiz", Meaning::Reviewer)).unwrap();
    plan.record_approval(1, sign("Ben Okafor", Meaning::Approver)).unwrap();
    plan.issue_revision("B", "Register after the threat model", "2026-12-01T09:00:00Z").unwrap();
    plan
}

#[test]
fn the_report_has_every_part_in_order_and_the_wide_ones_on_landscape() {
    let doc = build(&sample_plan(), &[], ALL_PARTS);
    let keys: Vec<PartKey> = doc.parts.iter().map(|p| p.key).collect();
    assert_eq!(keys, ALL_PARTS);
    let landscape: Vec<PartKey> = doc.parts.iter().filter(|p| p.orientation == Orientation::Landscape).map(|p| p.key).collect();
    assert_eq!(landscape, [PartKey::Needs, PartKey::Register, PartKey::Traceability, PartKey::Components]);
    assert_eq!(doc.parts[0].title, "Infusion pump 3.2");
    assert_eq!(doc.properties.title, "Infusion pump 3.2");
    assert_eq!(doc.properties.footer, "Infusion pump 3.2");
}

#[test]
fn the_management_plan_alone_is_its_cover_a3_criteria_and_roles() {
    let doc = build(&sample_plan(), &[], MANAGEMENT_PLAN_PARTS);
    let keys: Vec<PartKey> = doc.parts.iter().map(|p| p.key).collect();
    assert_eq!(keys, [PartKey::Cover, PartKey::Management, PartKey::Criteria, PartKey::Roles]);
    let md = markdown::render(&doc);
    assert!(!md.contains("## Risk register") && !md.contains("| R-001 |"), "no register in the SMP");
    assert!(md.contains("## A.3 Security management plan"));
    // A comparison is no part of a plan report.
    assert!(build(&sample_plan(), &[], &[PartKey::Changes]).parts.is_empty());
}

#[test]
fn the_register_row_carries_its_linked_needs_and_controls() {
    let mut plan = sample_plan();
    plan.risks[0].need_ids.push("nd-patch-schedule".into());
    let doc = build(&plan, &[], ALL_PARTS);
    let register = table(part(&doc, PartKey::Register), "register");
    assert!(register.rows[0][0].row_header);
    assert_eq!(
        cell(register, "R-001", "Needs").text,
        "nd-updates-no-steps Security updates that need no technical steps from the patient; nd-patch-schedule A predictable patch schedule"
    );
    assert_eq!(
        cell(register, "R-001", "Controls").text,
        "C-001 Firmware images are signed and verified by secure boot; Signed updates, secure boot"
    );
    assert_eq!(cell(register, "R-001", "Treatment").text, "Mitigate");
    let acceptability = cell(register, "R-001", "Zone");
    assert_eq!((acceptability.text.as_str(), acceptability.tone), ("Review", Tone::Review));
}

#[test]
fn the_grid_names_each_zone_and_the_risks_placed_there() {
    let doc = build(&sample_plan(), &[], ALL_PARTS);
    let grid = table(part(&doc, PartKey::Criteria), "grid");
    assert_eq!(grid.header[0], "Exploitability / severity");
    assert_eq!(grid.rows.len(), 5, "one row per likelihood level");
    // R-001 starts at likelihood 4, severity 5; the highest likelihood is the first row.
    let r001 = &grid.rows[1][5];
    assert_eq!((r001.strong.as_str(), r001.text.as_str(), r001.tone), ("Unacceptable", "R-001", Tone::Unacceptable));
    assert!(grid.rows.iter().all(|r| r[0].row_header && r[1..].iter().all(|c| !c.strong.is_empty() && c.tone != Tone::Plain)));
}

#[test]
fn the_trace_follows_the_controls_and_marks_critical_needs() {
    let doc = build(&sample_plan(), &[], ALL_PARTS);
    let trace = part(&doc, PartKey::Traceability);
    assert_eq!(headings(trace), ["Risk controls", "Traceability"]);
    assert_eq!(cell(table(trace, "controls"), "C-001", "Used by").text, "R-001");
    let rows = &table(trace, "trace").rows;
    let row: Vec<&str> = rows[0].iter().map(|c| c.text.as_str()).collect();
    assert_eq!(
        row,
        [
            "nd-updates-no-steps Security updates that need no technical steps from the patient (critical)",
            "—",
            "R-001",
            "C-001 Firmware images are signed and verified by secure boot",
            "VER-SEC-012"
        ]
    );
}

#[test]
fn a_matrix_wider_than_a_page_becomes_a_list() {
    let mut plan = sample_plan();
    let doc = build(&plan, &[], ALL_PARTS);
    let needs = part(&doc, PartKey::Needs);
    let matrix = table(needs, "matrix");
    assert_eq!(&matrix.header[..2], ["Security need", "User needs"]);
    assert!(matrix.rows.iter().flatten().any(|c| c.text == "Critical" && c.tone == Tone::Critical));
    for i in 0..jsp_planner::plan::export::WIDE_MATRIX {
        plan.stakeholders.push(jsp_planner::plan::model::Stakeholder {
            id: format!("sh-extra-{i}"),
            name: format!("Extra {i}"),
            description: String::new(),
        });
    }
    let doc = build(&plan, &[], ALL_PARTS);
    let needs = part(&doc, PartKey::Needs);
    assert!(tables(needs).is_empty());
    assert_eq!(needs.orientation, Orientation::Portrait);
    assert!(paragraphs(needs)[0].starts_with(&format!("{} stakeholders", plan.stakeholders.len())));
    let Some(Block::List(items)) = needs.blocks.get(1) else { panic!("a list of needs") };
    assert_eq!(items.len(), plan.needs.len());
    assert!(items[0].text.contains("Critical for: "), "{:?}", items[0]);
}

#[test]
fn the_cover_lists_revisions_and_their_approvals() {
    let plan = plan_with_revisions();
    let doc = build(&plan, &plan.revisions(), &[PartKey::Cover]);
    let cover = &doc.parts[0];
    let history = table(cover, "revisions");
    assert_eq!(history.header, ["Revision", "Issued", "Change summary", "Status"]);
    let row = |r: &[Cell]| r.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
    assert_eq!(row(&history.rows[0]), ["1 (A)", "2026-11-22", "First issue for the design review", "Approved"]);
    assert_eq!(row(&history.rows[1]), ["2 (B)", "2026-12-01", "Register after the threat model", "Issued"]);
    let approvals = table(cover, "approvals");
    assert_eq!(approvals.header, ["Revision", "Name", "Role", "Meaning", "Date", "Comment"]);
    assert_eq!(approvals.rows.len(), 2);
    assert_eq!(row(&approvals.rows[1]), ["1 (A)", "Ben Okafor", "Head of quality", "Approver", "2026-11-25", "Checked against the JSP"]);
    // A snapshot of revision 1 shows the history up to itself.
    let first: &[Revision] = &plan.revisions()[..1];
    let doc = build(&plan, first, &[PartKey::Cover]);
    assert_eq!(table(&doc.parts[0], "revisions").rows.len(), 1);
}

#[test]
fn a_revision_not_yet_signed_says_so() {
    let mut plan = sample_plan();
    plan.issue_revision("A", "First issue", NOW).unwrap();
    let doc = build(&plan, &plan.revisions(), &[PartKey::Cover]);
    assert_eq!(tables(&doc.parts[0]).iter().filter(|t| t.kind == "approvals").count(), 0);
    assert!(paragraphs(&doc.parts[0]).contains(&"No approval recorded yet."));
}

#[test]
fn the_cover_holds_document_control_attendees_and_deliverables() {
    let mut plan = sample_plan();
    plan.document.document_id = "SMP-0042".into();
    plan.add_attendee("at-1".into(), "Ana Ruiz", "Hospital IT", Some("role-raqa".into()));
    let doc = build(&plan, &[], ALL_PARTS);
    let cover = &doc.parts[0];
    assert!(matches!(&cover.blocks[0], Block::Kicker(k) if k.contains("Joint Security Plan")));
    let facts = cover.blocks.iter().find_map(|b| if let Block::Facts(f) = b { Some(f) } else { None }).unwrap();
    let fact = |label: &str| facts.iter().find(|(l, _)| l == label).map(|(_, v)| v.as_str());
    assert_eq!(fact("Document id"), Some("SMP-0042"));
    assert_eq!(fact("Revision"), Some("—"));
    assert_eq!(fact("Last edited"), Some("2026-11-22 10:00 UTC"));
    assert_eq!(headings(cover), ["Document control", "Revision history", "Approvals", "Attendees", "Deliverables status"]);
    let summary = jsp_planner::plan::deliverables::status(&plan).summary();
    assert_eq!(paragraphs(cover), ["No revision issued yet.", "No revision issued yet.", summary.as_str()]);
    assert_eq!(cell(table(cover, "attendees"), "Ana Ruiz", "RACI role").text, "RA/QA");
    assert_eq!(table(cover, "status").rows.len(), 7, "the six deliverables, then traceability and risk acceptance");
}

#[test]
fn the_deliverables_table_counts_every_gap_the_app_lists() {
    // Six deliverables complete, ten gaps in the chain: the table once read
    // "Complete" on every row.
    let plan = crate::workspace::complete_but_for_the_chain();
    let chain = jsp_planner::plan::trace::gaps(&plan);
    assert_eq!(chain.len(), 10);
    let doc = build(&plan, &[], ALL_PARTS);
    let cover = part(&doc, PartKey::Cover);
    let status = table(cover, "status");
    let statuses: Vec<&str> = status.rows.iter().map(|r| r[1].text.as_str()).collect();
    assert_eq!(statuses, ["Complete", "Complete", "Complete", "Complete", "Complete", "Complete", "In progress"]);
    let missing = &cell(status, "Traceability and risk acceptance", "Still missing").text;
    for gap in &chain {
        assert!(missing.contains(&gap.text), "{} is not in the table", gap.text);
    }
    assert!(paragraphs(cover).contains(&"6 of 6 deliverables complete; 10 gaps open, all in traceability and risk acceptance."));
    // Markdown says the same, every gap in its row.
    let md = markdown::render(&doc);
    let row = md.lines().find(|l| l.starts_with("| Traceability and risk acceptance |")).expect("the row in the Markdown");
    assert!(row.contains("| In progress |"), "{row}");
    for gap in &chain {
        assert!(row.contains(&gap.text), "{} is not in the Markdown row", gap.text);
    }
    assert!(md.contains("10 gaps open, all in traceability and risk acceptance."));
}

#[test]
fn an_empty_plan_still_has_every_part_each_saying_what_is_missing() {
    let mut plan = jsp_planner::plan::presets::new_plan("plan-1".into(), "Empty".into(), NOW.into());
    plan.stakeholders.clear();
    plan.roles.clear();
    plan.activities.clear();
    plan.project.inputs.clear();
    let doc = build(&plan, &[], ALL_PARTS);
    assert_eq!(doc.parts.len(), ALL_PARTS.len());
    assert_eq!(paragraphs(part(&doc, PartKey::Needs)), ["0 stakeholders, 0 security needs."]);
    assert_eq!(paragraphs(part(&doc, PartKey::Register)), ["No entries yet."]);
    assert_eq!(paragraphs(part(&doc, PartKey::Roles)), ["No roles or activities yet."]);
    assert_eq!(paragraphs(part(&doc, PartKey::Traceability)), ["No controls yet.", "No needs or risks to trace yet."]);
    assert!(paragraphs(part(&doc, PartKey::Project)).contains(&"None listed."));
    let md = markdown::render(&doc);
    assert_eq!(html(&md).matches("<h1>").count(), 1);
}

#[test]
fn markdown_writes_tables_facts_and_lists() {
    let mut plan = plan_with_revisions();
    plan.document.document_id = "SMP-0042".into();
    let md = markdown::render(&build(&plan, &plan.revisions(), ALL_PARTS));
    let html = html(&md);
    assert!(md.starts_with("# Infusion pump 3.2\n\n*HSCC Joint Security Plan 2.0 · Concept Phase*\n"), "{md}");
    assert!(html.contains("<h2>Document control</h2>"), "cover headings sit under the title");
    assert!(html.contains("<h2>A.1 Release / change project planning</h2>\n<p>—</p>\n<h3>Inputs</h3>"), "{html}");
    assert!(html.contains("<li><strong>Document id:</strong> SMP-0042</li>"));
    assert!(html.contains("<th>Revision</th><th>Name</th><th>Role</th><th>Meaning</th><th>Date</th><th>Comment</th>"), "{html}");
    assert!(html.contains("<td>1 (A)</td><td>Ana Ruiz</td><td>Head of quality</td><td>Reviewer</td>"), "{html}");
    assert!(html.contains("<td><strong>Unacceptable</strong> R-001</td>"), "a grid cell: its zone, then its risks: {html}");
    assert!(md.contains("| R-001 | Dose update service | Tampered firmware image |"), "ids read as written");
}

#[test]
fn hostile_text_stays_text_in_every_block_of_the_markdown() {
    let hostile = "<script>alert(1)</script> a|b [x](javascript:alert(2)) **bold**";
    let mut plan = sample_plan();
    plan.name = hostile.into();
    plan.project.description = format!("{hostile}\n# not a heading");
    plan.project.inputs[0].label = hostile.into();
    plan.document.author = hostile.into();
    plan.risks[0].threat = hostile.into();
    plan.needs[0].text = hostile.into();
    let md = markdown::render(&build(&plan, &[], ALL_PARTS));
    let html = html(&md);
    assert!(!html.contains("<script"), "a script tag was formed");
    assert!(!html.contains("<a "), "a link was formed");
    assert!(!html.contains("<strong>bold"), "user text became bold");
    assert_eq!(html.matches("<h1>").count(), 1);
    assert!(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; a|b [x](javascript:alert(2)) **bold**"), "the text itself is shown");
    // The pipe stays inside its cell: the register row keeps its eleven cells.
    let row = html.split("<tr>").find(|r| r.contains("<td>R-001</td>")).unwrap();
    assert_eq!(row.matches("<td>").count(), 11, "{row}");
}

#[test]
fn the_printed_title_is_the_document_id_and_the_plans_name() {
    use jsp_planner::plan::report::print_title;
    let mut plan = sample_plan();
    plan.name = "Infusion pump 3.2".into();
    assert_eq!(print_title(&plan), "Infusion pump 3.2");
    plan.document.document_id = " SMP-0042 ".into();
    assert_eq!(print_title(&plan), "SMP-0042 Infusion pump 3.2");
    plan.name = " \t".into();
    assert_eq!(print_title(&plan), "SMP-0042");
    plan.document.document_id.clear();
    assert_eq!(print_title(&plan), "JSP Planner plan");
}
