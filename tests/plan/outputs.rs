//! Undo history, quick capture, and the Markdown and CSV exports.

use crate::common::sample_plan;
use jsp_planner::common::history::{Group, History, GROUP_WINDOW_MS, LIMIT};
use jsp_planner::plan::capture::CaptureKind;
use jsp_planner::plan::export::{escape_markdown, matrix_csv, plan_markdown, register_csv, safe_cell};
use jsp_planner::plan::model::Acceptance;
use jsp_planner::plan::rules::validate;

const HOSTILE: &str = "<img src=x onerror=alert(1)> [click](javascript:alert(2)) **bold** | pipe http://evil.example www.evil.example";

fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let body = text.strip_prefix('\u{feff}').expect("starts with a byte order mark");
    let mut reader = csv::ReaderBuilder::new().has_headers(false).from_reader(body.as_bytes());
    reader.records().map(|r| r.unwrap().iter().map(String::from).collect()).collect()
}

fn render(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::ENABLE_TABLES | pulldown_cmark::Options::ENABLE_GFM);
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

// ----- history -------------------------------------------------------------

#[test]
fn undo_and_redo_walk_back_and_forth() {
    let mut h = History::default();
    h.record(1, None);
    h.record(2, None);
    assert_eq!(h.undo(3), Some(2));
    assert_eq!(h.undo(2), Some(1));
    assert_eq!(h.undo(1), None);
    assert_eq!(h.redo(1), Some(2));
    assert_eq!(h.redo(2), Some(3));
    assert!(!h.can_redo());
}

#[test]
fn a_new_edit_drops_the_redo_steps() {
    let mut h = History::default();
    h.record(1, None);
    assert_eq!(h.undo(2), Some(1));
    h.record(1, None);
    assert!(!h.can_redo());
}

#[test]
fn typing_in_one_field_is_one_step_until_a_pause_or_another_field() {
    let mut h = History::default();
    let g = |key, at_ms| Some(Group { key, at_ms });
    h.record("", g(1, 0.0));
    h.record("a", g(1, 300.0));
    h.record("ab", g(1, 600.0));
    h.record("abc", g(1, 600.0 + GROUP_WINDOW_MS + 1.0)); // after a pause: a new step
    h.record("x", g(2, 2500.0)); // another field: a new step
    assert_eq!(h.undo("xy"), Some("x"));
    assert_eq!(h.undo("x"), Some("abc"));
    assert_eq!(h.undo("abc"), Some(""));
    assert!(!h.can_undo());
}

#[test]
fn history_keeps_only_the_latest_steps() {
    let mut h = History::default();
    for i in 0..LIMIT + 10 {
        h.record(i, None);
    }
    let mut steps = 0;
    let mut current = LIMIT + 10;
    while let Some(prev) = h.undo(current) {
        current = prev;
        steps += 1;
    }
    assert_eq!(steps, LIMIT);
    assert_eq!(current, 10);
}

// ----- quick capture -------------------------------------------------------

#[test]
fn capture_adds_needs_stakeholders_and_risks_that_keep_the_invariants() {
    let mut plan = sample_plan();
    let need = plan.capture(CaptureKind::Need, "  Alarms cannot be silenced remotely ", 7).unwrap();
    let who = plan.capture(CaptureKind::Stakeholder, "Home-care nurses", 8).unwrap();
    let risk = plan.capture(CaptureKind::Risk, "Pump firmware: downgrade to a vulnerable version", 9).unwrap();
    let bare = plan.capture(CaptureKind::Risk, "Stolen service laptop", 10).unwrap();
    let url = plan.capture(CaptureKind::Risk, "Phishing via http://example.org/login", 12).unwrap();
    assert!(plan.capture(CaptureKind::Need, "   ", 11).is_none());

    assert_eq!(plan.needs.iter().find(|n| n.id == need.id).unwrap().text, "Alarms cannot be silenced remotely");
    assert_eq!(plan.stakeholders.iter().find(|s| s.id == who.id).unwrap().name, "Home-care nurses");
    let r = plan.risks.iter().find(|r| r.id == risk.id).unwrap();
    assert_eq!((r.asset.as_str(), r.threat.as_str()), ("Pump firmware", "downgrade to a vulnerable version"));
    assert_eq!(risk.id, "R-002");
    let b = plan.risks.iter().find(|r| r.id == bare.id).unwrap();
    assert_eq!((b.asset.as_str(), b.threat.as_str()), ("", "Stolen service laptop"));
    let u = plan.risks.iter().find(|r| r.id == url.id).unwrap();
    assert_eq!((u.asset.as_str(), u.threat.as_str()), ("", "Phishing via http://example.org/login"));
    assert_eq!(validate(&plan), vec![]);
}

// ----- CSV -----------------------------------------------------------------

#[test]
fn register_csv_parses_back_to_the_register() {
    let mut plan = sample_plan();
    plan.risks[0].controls = "Signed updates, \"secure\" boot\nand monitoring".into();
    let rows = parse_csv(&register_csv(&plan));
    assert_eq!(rows.len(), 1 + plan.risks.len());
    assert_eq!(rows[0][0], "ID");
    assert_eq!(rows[0][3], "Initial exploitability");
    let r = &rows[1];
    assert_eq!(r[0], "R-001");
    assert_eq!(r[1], "Dose update service");
    assert_eq!(r[5], "Unacceptable");
    assert_eq!(r[6], "Mitigate");
    assert_eq!(r[7], "C-001 Firmware images are signed and verified by secure boot");
    assert_eq!(r[8], "Signed updates, \"secure\" boot\nand monitoring");
    assert_eq!(r[11], "Review");
    assert_eq!(r[12], "Review");
    assert_eq!(r[15], "Mitigating");
    assert_eq!(rows[0][16..], ["Acceptance rationale", "Accepted by", "Accepted on"]);
    assert!(rows.iter().all(|row| row.len() == rows[0].len()));
}

proptest::proptest! {
    /// Any text, however it mixes commas, quotes and line ends, reads back as
    /// itself (defused where it starts like a formula).
    #[test]
    fn any_text_reads_back_from_the_csv(asset in "[a-z ,\"\r\n=+@-]{0,12}", owner in "\\PC{0,12}") {
        let mut plan = sample_plan();
        plan.risks[0].asset = asset.clone();
        plan.risks[0].owner = owner.clone();
        let rows = parse_csv(&register_csv(&plan));
        proptest::prop_assert_eq!(&rows[1][1], &safe_cell(&asset));
        proptest::prop_assert_eq!(&rows[1][14], &safe_cell(&owner));
        proptest::prop_assert_eq!(rows.len(), 1 + plan.risks.len());
    }
}

#[test]
fn csv_uses_crlf_and_quotes_only_where_needed() {
    let text = register_csv(&sample_plan());
    assert!(text.contains("\r\n"));
    assert!(!text.replace("\r\n", "").contains('\n'), "no bare line feeds outside quoted cells");
    assert!(text.contains("\r\nR-001,Dose update service,"), "plain cells are not quoted: {text}");
}

#[test]
fn matrix_csv_has_a_row_per_need_and_a_column_per_stakeholder() {
    let plan = sample_plan();
    let rows = parse_csv(&matrix_csv(&plan));
    assert_eq!(rows.len(), 1 + plan.needs.len());
    assert_eq!(rows[0].len(), 3 + plan.stakeholders.len());
    assert_eq!(rows[0][..2], ["Need id", "Security need"]);
    for (n, row) in plan.needs.iter().zip(&rows[1..]) {
        assert_eq!((&row[0], &row[1]), (&n.id, &n.text));
        for (s, cell) in plan.stakeholders.iter().zip(&row[3..]) {
            assert_eq!(cell, plan.relevance(&s.id, &n.id).map_or("", |r| r.label()));
        }
    }
}

#[test]
fn cells_a_spreadsheet_would_evaluate_are_defused() {
    for risky in ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1"] {
        assert!(safe_cell(risky).starts_with('\''), "{risky:?}");
    }
    assert_eq!(safe_cell("Ransomware"), "Ransomware");
    let mut plan = sample_plan();
    plan.risks[0].asset = "=cmd|' /C calc'!A0".into();
    plan.stakeholders[0].name = "@evil".into();
    let rows = parse_csv(&register_csv(&plan));
    assert_eq!(rows[1][1], "'=cmd|' /C calc'!A0");
    assert_eq!(parse_csv(&matrix_csv(&plan))[0][3], "'@evil");
}

// ----- Markdown ------------------------------------------------------------

#[test]
fn markdown_holds_every_section_and_the_plan_data() {
    let plan = sample_plan();
    let md = plan_markdown(&plan);
    for heading in [
        "## A.1 Release / change project planning",
        "## A.2 Voice of the customer",
        "## A.3 Security management plan",
        "## A.3 Risk acceptability criteria",
        "## Risk register",
        "## Who is in the room (RACI)",
        "## Deliverables status",
    ] {
        assert!(md.contains(heading), "missing {heading}");
    }
    let html = render(&md);
    assert!(html.contains("<h1>Infusion pump 3.2</h1>"));
    assert!(html.contains("Tampered firmware image"));
    assert!(html.contains("R-001"));
    // The grid: one table row per likelihood level plus the header row.
    let tables = html.matches("<table>").count();
    assert!(tables >= 4, "matrix, grid, register and RACI are tables, found {tables}");
}

#[test]
fn hostile_text_stays_text_in_markdown() {
    let mut plan = sample_plan();
    plan.name = HOSTILE.into();
    plan.project.description = format!("{HOSTILE}\n- not a list\n    not code\n# not a heading");
    plan.risks[0].threat = HOSTILE.into();
    plan.stakeholders[0].name = HOSTILE.into();
    let html = render(&plan_markdown(&plan));
    assert!(!html.contains("<img"), "an image tag was formed");
    assert!(!html.contains("<a "), "a link was formed");
    assert!(!html.contains("<strong>bold"), "user text became bold");
    assert!(!html.contains("<code>"), "indented text became code");
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"), "the text itself is shown");
    assert_eq!(html.matches("<h1>").count(), 1);
}

#[test]
fn escaping_leaves_plain_words_alone() {
    assert_eq!(escape_markdown("Signed updates"), "Signed updates");
    assert_eq!(escape_markdown("a|b\nc"), "a\\|b c");
    // Ids, times, sentences, numbers and paths read as written.
    for plain in [
        "R-001",
        "2026-11-23T22:35",
        "Patch within 30 days (critical: 7).",
        "CVSS 9.8 - see UN-12",
        "snake_case_name",
        "C:\\Users\\pump",
        "AT&T",
        "Budget: $40k",
        "e.g. 1.2.3",
        "Q&A 50% (approx.) !",
    ] {
        assert_eq!(escape_markdown(plain), plain, "{plain} was escaped");
    }
}

#[test]
fn escaping_marks_only_what_is_markup() {
    for (text, escaped) in [
        ("*bold* and _em_", "\\*bold\\* and \\_em\\_"),
        ("[x](javascript:alert(1))", "\\[x\\](javascript:alert(1))"),
        ("<img src=x>", "\\<img src=x>"),
        ("# Title", "\\# Title"),
        ("- item", "\\- item"),
        ("> quote", "\\> quote"),
        ("12. twelve", "12\\. twelve"),
        ("3) three", "3\\) three"),
        ("a > b - c # d", "a > b - c # d"),
        ("see http://x.example and www.x.example", "see http\\://x.example and www\\.x.example"),
        ("mail a@b.example", "mail a\\@b.example"),
        ("&amp; &#65; & x", "\\&amp; \\&#65; & x"),
        ("$a$ and $b", "\\$a\\$ and \\$b"),
        ("~~gone~~", "\\~\\~gone\\~\\~"),
        ("`code`", "\\`code\\`"),
        ("end\\", "end\\\\"),
    ] {
        assert_eq!(escape_markdown(text), escaped, "{text}");
    }
}

proptest::proptest! {
    /// Whatever the text, its escaped form renders as exactly that text: in a
    /// paragraph and in a table cell, with every extension a wiki may turn on.
    #[test]
    fn escaped_text_renders_as_itself(text in "[a-z0-9 .:/\\-+#>*_`\\[\\]()<&;|~$@!=^{}\\\\w]{1,24}") {
        let expected = text.trim();
        proptest::prop_assume!(!expected.is_empty());
        let escaped = escape_markdown(&text);
        let paragraph = render_all(&escaped);
        proptest::prop_assert_eq!(inner(&paragraph, "<p>", "</p>").map(str::to_string), Some(html_text(expected)), "{}", escaped);
        let table = render_all(&format!("| a |\n|---|\n| {escaped} |\n"));
        proptest::prop_assert_eq!(inner(&table, "<td>", "</td>").map(str::to_string), Some(html_text(expected)), "{}", escaped);
    }
}

/// Markdown to HTML with the extensions of common wikis and GitHub.
fn render_all(markdown: &str) -> String {
    use pulldown_cmark::Options;
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_GFM
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_MATH;
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, pulldown_cmark::Parser::new_ext(markdown, options));
    html
}

/// The one element's content, if the HTML is that element alone (after any table head).
fn inner<'a>(html: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = html.find(open)? + open.len();
    let end = html[start..].find(close)? + start;
    (html.matches(open).count() == 1).then_some(&html[start..end])
}

fn html_text(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

// ----- shortcuts -----------------------------------------------------------

#[test]
fn shortcuts_ignore_letters_while_typing_but_not_undo() {
    use jsp_planner::app::shortcuts::{KeyPress, Shortcut};
    let key = |key, typing| KeyPress { key, typing, ..Default::default() };
    assert_eq!(Shortcut::from_key(key("n", false)), Some(Shortcut::NextSection));
    assert_eq!(Shortcut::from_key(key("n", true)), None);
    assert_eq!(Shortcut::from_key(key("?", false)), Some(Shortcut::Help));
    let ctrl_z = KeyPress { key: "z", ctrl: true, typing: true, ..Default::default() };
    assert_eq!(Shortcut::from_key(ctrl_z), Some(Shortcut::Undo));
    assert_eq!(Shortcut::from_key(KeyPress { shift: true, key: "Z", ..ctrl_z }), Some(Shortcut::Redo));
    assert_eq!(Shortcut::from_key(KeyPress { meta: true, ctrl: false, ..ctrl_z }), Some(Shortcut::Undo));
    assert_eq!(Shortcut::from_key(KeyPress { key: "w", ctrl: true, ..Default::default() }), None, "Ctrl+W stays the browser's");
}

#[test]
fn a_presenters_clicker_steps_sections_only_in_workshop_mode() {
    use jsp_planner::app::shortcuts::{KeyPress, Shortcut};
    let workshop = |key| KeyPress { key, workshop: true, ..Default::default() };
    assert_eq!(Shortcut::from_key(workshop("PageDown")), Some(Shortcut::PageForward));
    assert_eq!(Shortcut::from_key(workshop("PageUp")), Some(Shortcut::PageBack));
    assert_eq!(Shortcut::from_key(workshop("ArrowRight")), Some(Shortcut::NextSection));
    assert_eq!(Shortcut::from_key(workshop("ArrowLeft")), Some(Shortcut::PreviousSection));
    // Arrows belong to a focused control (a matrix cell, a select); text fields keep every key.
    assert_eq!(Shortcut::from_key(KeyPress { on_control: true, ..workshop("ArrowRight") }), None);
    assert_eq!(Shortcut::from_key(KeyPress { on_control: true, ..workshop("PageDown") }), Some(Shortcut::PageForward));
    assert_eq!(Shortcut::from_key(KeyPress { typing: true, ..workshop("PageDown") }), None);
    // Outside workshop mode Page Down scrolls the page as usual.
    assert_eq!(Shortcut::from_key(KeyPress { key: "PageDown", ..Default::default() }), None);
    assert_eq!(Shortcut::from_key(KeyPress { key: "ArrowRight", ..Default::default() }), None);
}

#[test]
fn page_down_scrolls_a_long_section_before_it_steps() {
    use jsp_planner::app::shortcuts::{page_move, PageMove};
    // 720 px high, 60 px under the workshop bar, the register 1.5 screens long.
    let (view, bar, total) = (720.0, 60.0, 1800.0);
    assert_eq!(page_move(true, 0.0, view, total, bar), PageMove::Scroll(612.0), "a screen less the bar and a line");
    assert_eq!(page_move(true, 612.0, view, total, bar), PageMove::Scroll(468.0), "only what is left");
    assert_eq!(page_move(true, 1080.0, view, total, bar), PageMove::Step, "at the end: the next section");
    assert_eq!(page_move(true, 1079.5, view, total, bar), PageMove::Step, "half a pixel left is the end");
    assert_eq!(page_move(true, 0.0, view, 700.0, bar), PageMove::Step, "a section that fits steps at once");
    // Page Up goes back up the section, then to the previous one.
    assert_eq!(page_move(false, 1080.0, view, total, bar), PageMove::Scroll(-612.0));
    assert_eq!(page_move(false, 300.0, view, total, bar), PageMove::Scroll(-300.0));
    assert_eq!(page_move(false, 0.0, view, total, bar), PageMove::Step);
    // A bar taller than half the screen still leaves half a screen per press.
    assert_eq!(page_move(true, 0.0, view, total, 500.0), PageMove::Scroll(360.0));
}

#[test]
fn markdown_lists_treatment_controls_acceptance_and_the_trace() {
    let mut plan = sample_plan();
    plan.risks[0].acceptance = Acceptance {
        rationale: "Benefit of remote dosing outweighs *the* residual risk".into(),
        approver: "Head of QA".into(),
        date: "2026-11-24".into(),
    };
    let html = render(&plan_markdown(&plan));
    assert!(html.contains("<td>Mitigate</td>"), "{html}");
    assert!(html.contains("<td>C-001 Firmware images are signed and verified by secure boot; Signed updates, secure boot</td>"), "{html}");
    assert!(html.contains("<h3>Acceptance of residual risks</h3>"));
    assert!(
        html.contains("<td>Benefit of remote dosing outweighs *the* residual risk</td><td>Head of QA</td><td>2026-11-24</td>"),
        "{html}"
    );
    assert!(html.contains("<h3>Risk controls</h3>"));
    assert!(html.contains("<td>Design</td><td>Implemented</td><td>VER-SEC-012</td><td>R-001</td>"), "{html}");
    assert!(html.contains("<h3>Traceability</h3>"));
    assert!(
        // A need held critical says so beside its words, as the printed report does.
        html.contains("<td>nd-updates-no-steps Security updates that need no technical steps from the patient (critical)</td><td>—</td><td>R-001</td>"),
        "{html}"
    );
}

#[test]
fn markdown_lists_the_user_needs_and_what_folds_into_them() {
    let mut plan = sample_plan();
    plan.fold_need("nd-updates-no-steps", "UN-4, UN-9");
    plan.fold_need("nd-patch-schedule", "UN-4");
    plan.user_need_mut("UN-4").unwrap().text = "Therapy continues safely during an update".into();
    assert!(validate(&plan).is_empty());
    let html = render(&plan_markdown(&plan));
    assert!(html.contains("<h3>User needs</h3>"), "{html}");
    assert!(html.contains("<td>UN-4</td><td>Therapy continues safely during an update</td><td>Security updates that need no technical steps from the patient; A predictable patch schedule</td>"), "{html}");
    assert!(html.contains("<td>UN-9</td><td>—</td>"), "{html}");
    assert!(html.contains("<td>UN-4, UN-9</td>"), "the matrix names both: {html}");
}

#[test]
fn every_page_names_the_document_by_id_and_revision_or_by_the_plan() {
    let mut plan = sample_plan();
    assert_eq!(jsp_planner::plan::export::page_footer(&plan), "Infusion pump 3.2");
    plan.document.document_id = " SMP-0042 ".into();
    plan.document.revision = "B\n".into();
    assert_eq!(jsp_planner::plan::export::page_footer(&plan), "SMP-0042, revision B");
}

#[test]
fn attendees_hold_roles_of_the_plan_and_lose_them_with_the_role() {
    let mut plan = sample_plan();
    plan.add_attendee("at-1".into(), "Ana Ruiz", "RA/QA", Some("role-raqa".into()));
    plan.add_attendee("at-2".into(), "Ben Okafor", "", Some("role-nowhere".into()));
    let paths: Vec<String> = validate(&plan).into_iter().map(|v| v.path).collect();
    assert_eq!(paths, ["document/attendees/1/role_id"]);
    let message = jsp_planner::plan::rules::describe(&validate(&plan)[0], &plan);
    assert_eq!(message, "Document control, Attendee 2 (“Ben Okafor”): the role is “role-nowhere”, which does not exist.");
    plan.remove_attendee("at-2");
    plan.remove_named(jsp_planner::plan::model::NamedList::Roles, "role-raqa");
    assert_eq!(plan.document.attendees[0].role_id, None);
    assert!(validate(&plan).is_empty());
}

#[test]
fn markdown_starts_with_the_document_control_block() {
    let mut plan = sample_plan();
    plan.document.document_id = "SMP-0042".into();
    plan.add_attendee("at-1".into(), "Ana *Ruiz*", "Hospital IT", Some("role-raqa".into()));
    let md = plan_markdown(&plan);
    let html = render(&md);
    assert!(md.find("## Document control").unwrap() < md.find("## A.1").unwrap());
    assert!(html.contains("<strong>Document id:</strong> SMP-0042"), "{html}");
    assert!(html.contains("<strong>Revision:</strong> —"), "{html}");
    assert!(html.contains("<td>Ana *Ruiz*</td><td>Hospital IT</td><td>RA/QA</td>"), "{html}");
}
