//! The premarket views' styles, carried by the plan editor's part of the
//! app and added to the page's stylesheet the first time one of them shows
//! (through the CSSOM, which the Content-Security-Policy allows):
//! style/main.css is part of the first screen, which must not grow for
//! sections most visits never open.

use std::cell::Cell;

/// One rule each, as `insertRule` takes them. Why each is there:
/// - the tables wrap their text in fixed columns, so the room sees them at
///   1280x720 without sideways scrolling, in 0.8rem of workshop mode's 24 px
///   (19.2 px, over the 18 px bar); what only the desk needs (the hints
///   under a category's name) waits for the desk;
/// - a control's categories fold under one line in its row, opened by
///   keyboard like any `<details>`;
/// - printing the customer summary prints the summary alone.
const RULES: &[&str] = &[
    "table.coverage,table.readiness,table.views,table.mds2{border-collapse:collapse;width:100%;table-layout:fixed}",
    ".coverage th,.coverage td,.readiness th,.readiness td,.views th,.views td,.mds2 th,.mds2 td{border:1px solid var(--line);padding:.25rem .4rem;text-align:left;vertical-align:top;overflow-wrap:break-word}",
    ".coverage thead th,.readiness thead th,.views thead th,.mds2 thead th{background:var(--surface)}",
    ".coverage th[scope=row] .hint{display:block;font-weight:400;margin:0}",
    ".coverage col.c1,.coverage thead th:nth-child(1){width:22%}",
    ".coverage thead th:nth-child(3){width:13%}",
    ".coverage thead th:nth-child(4){width:15%}",
    ".coverage thead th:nth-child(5){width:24%}",
    ".coverage .verification{display:block}",
    ".premarket-page ul.plain{list-style:none;margin:0;padding:0}",
    ".premarket-page .muted{color:var(--muted)}",
    ".readiness thead th:nth-child(1){width:26%}",
    ".readiness thead th:nth-child(2){width:12%}",
    ".readiness thead th:nth-child(3){width:24%}",
    ".readiness tr.part th[scope=row]{padding-left:1.4rem;font-weight:400}",
    ".readiness tr.not-applicable{color:var(--muted)}",
    ".readiness .rule{display:block;font-weight:400;color:var(--muted);font-size:.9em}",
    ".readiness ul,.views ul{margin:0;padding-left:1.1rem}",
    ".views thead th:nth-child(1){width:22%}",
    ".views thead th:nth-child(4){width:15%}",
    ".views textarea,.views input[type=text],.mds2 textarea,.mds2 input[type=text]{width:100%}",
    ".section-body section.premarket-page{max-width:none}",
    "details.control-categories{margin-top:.3rem}",
    "details.control-categories>summary{cursor:pointer;color:var(--muted)}",
    "details.control-categories fieldset{border:none;margin:0;padding:.2rem 0 0}",
    ".cyber-device .choice{display:inline-block;margin-right:1.25rem}",
    ".premarket-summary{margin-top:1.5rem}",
    ".mds2 thead th:nth-child(1){width:10%}",
    ".mds2 thead th:nth-child(3){width:9%}",
    ".mds2 thead th:nth-child(5){width:20%}",
    ".mds2 .source{display:block;color:var(--muted)}",
    ".views select,.mds2 select{max-width:100%}",
    ".mds2 .drafted{font-weight:600}",
    ".mds2-section{margin:1rem 0}",
    "html[data-workshop=on] .coverage,html[data-workshop=on] .readiness,html[data-workshop=on] .views,html[data-workshop=on] .mds2{font-size:.8rem}",
    "html[data-workshop=on] .premarket-page .desk-only,html[data-workshop=on] .readiness .rule{display:none}",
    "@media print{.buyers-page>:not(.customer-summary),.customer-summary>.report-actions{display:none!important}}",
];

thread_local! {
    static ADDED: Cell<bool> = const { Cell::new(false) };
}

/// Add the rules to the page's stylesheet, once.
pub fn install() {
    use wasm_bindgen::JsCast;
    if ADDED.get() {
        return;
    }
    let Some(sheets) = web_sys::window().and_then(|w| w.document()).map(|d| d.style_sheets()) else { return };
    // The app's own stylesheet: the last one whose rules can be read.
    let sheet = (0..sheets.length())
        .rev()
        .filter_map(|i| sheets.item(i)?.dyn_into::<web_sys::CssStyleSheet>().ok())
        .find(|s| s.css_rules().is_ok());
    let Some(sheet) = sheet else { return };
    for rule in RULES {
        let at = sheet.css_rules().map_or(0, |r| r.length());
        let _ = sheet.insert_rule_with_index(rule, at);
    }
    ADDED.set(true);
}
