//! The register's styles, carried by the plan editor's part of the app and
//! added to the page's stylesheet the first time the section shows (through
//! the CSSOM, which the Content-Security-Policy allows): style/main.css is
//! part of the first screen, which must not grow for a section that most
//! visits never open.

use std::cell::Cell;

/// One rule each, as `insertRule` takes them; they go before the
/// stylesheet's own, so a rule that overrides one of main.css is the more
/// specific. Why each is there:
/// - the region is a box of its own that scrolls, drawing only the rows in
///   view (table.rs), so it keeps a height (main.css lifts it from other
///   tables: `.table-scroll:not(.matrix-region)`, one element less specific);
/// - every row is one line high and laid out on its own (a grid, as the risk
///   register's), so the window counts rows by height and an edit lays out
///   one row; longer texts are cut with an ellipsis (the editor shows them);
/// - support is a badge in words and colour, the colours of the zones;
/// - on the projector the room sees component, version, supplier, support,
///   its end, monitoring and risks in 18 px text at 1280x720 (0.78rem of
///   24 px); licence, kind and notes wait for the desk (and for a screen
///   wider than a 1366 laptop's, where the eight others fit); and the register
///   comes first, under the step bar, with its tools after it.
const RULES: &[&str] = &[
    "div.table-scroll.components-region{max-height:70vh}",
    "table.components{display:block;width:100%;border-collapse:separate;border-spacing:0}",
    ".components thead,.components tbody{display:block}",
    ".components thead{position:sticky;top:0;z-index:1;background:var(--surface)}",
    ".components tr{display:grid;grid-template-columns:minmax(6.5em,1.6fr) minmax(4.5em,.7fr) minmax(5em,1fr) minmax(4em,.8fr) 4.5em 9.5em 6em minmax(5em,1.2fr) minmax(4em,1fr) 3.5em 8em}",
    "@media (max-width:1500px){.components .desk-only{display:none}.components tr{grid-template-columns:minmax(7em,1.6fr) minmax(5em,.7fr) minmax(5em,1fr) 9.5em 6.5em minmax(5em,1.3fr) 4em 8.5em}}",
    ".components th,.components td{border:none;border-right:1px solid var(--line);border-bottom:1px solid var(--line);padding:.25rem .3rem;text-align:left}",
    ".components tbody th,.components tbody td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}",
    ".components tr>:last-child{border-right:none}",
    ".components tbody th{font-weight:400}",
    ".components .cmp-id{color:var(--muted)}",
    ".components td.row-actions{display:flex;gap:.3rem}",
    ".components tr.selected{outline:3px solid var(--accent);outline-offset:-3px}",
    ".components tr.spacer,.components tr.spacer td{display:block;padding:0;border:none}",
    ".support-active{background:#d7f0dd;color:#0f3d1c}",
    ".support-ended{background:#fff1c2;color:#4a3800}",
    ".support-abandoned{background:#f7d4d4;color:#5c0b0e}",
    ".badge.support-unknown{background:var(--surface);color:var(--text);border-style:dashed}",
    ".section-body section.components-section{max-width:none}",
    ".components-section .toolbar{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:end;margin-bottom:.75rem}",
    ".sbom-import{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem;padding:.3rem .5rem;border:2px dashed var(--line);border-radius:var(--radius)}",
    ".sbom-import.drop-here{border-color:var(--accent)}",
    ".sbom-import .hint{margin:0}",
    ".component-editor{border:3px solid var(--accent);border-radius:var(--radius);padding:1rem 1.25rem;margin-top:1rem}",
    ".component-fields{display:grid;grid-template-columns:repeat(auto-fill,minmax(15rem,1fr));gap:.5rem 1rem}",
    ".component-fields .field.compact{margin:0}",
    ".component-fields input{width:100%}",
    ".risk-links .choice{display:block}",
    ".modal.sbom-preview{max-width:min(48rem,calc(100vw - 2rem))}",
    ".sbom-lists{max-height:50vh;overflow-y:auto}",
    ".sbom-lists h3{margin:.6rem 0 .2rem;font-size:1.05rem}",
    ".sbom-lists ul{margin:0;padding-left:1.2rem;overflow-wrap:anywhere}",
    "html[data-workshop=on] .components{font-size:.78rem}",
    "html[data-workshop=on] .components .desk-only{display:none}",
    "html[data-workshop=on] .components tr{grid-template-columns:minmax(8em,1.6fr) minmax(4em,.7fr) minmax(5em,1fr) 8.5em 6.5em minmax(7em,1.3fr) 4.5em 8.5em}",
    "html[data-workshop=on] .table-scroll.components-region{max-height:calc(100vh - 9rem)}",
    "html[data-workshop=on] section.components-section{display:flex;flex-direction:column}",
    "html[data-workshop=on] .components-section>.hint{display:none}",
    "html[data-workshop=on] .components-section>.count-line,html[data-workshop=on] .components-region{order:-1}",
];

thread_local! {
    static ADDED: Cell<bool> = const { Cell::new(false) };
}

/// Add the rules to the page's stylesheet (the one index.html links), once.
/// At its start, in reverse, so they keep their order. Through `Reflect`
/// and `Function::call1`, which the first screen imports already: web-sys's
/// `CssStyleSheet` would add its JavaScript glue to the first screen.
pub(super) fn install() {
    use wasm_bindgen::{JsCast, JsValue};
    if ADDED.get() {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let get = |o: &JsValue, key: &str| js_sys::Reflect::get(o, &JsValue::from_str(key)).ok().filter(|v| !v.is_undefined());
    let Some(sheet) = get(&document, "styleSheets").and_then(|sheets| get(&sheets, "0")) else { return };
    let Some(insert) = get(&sheet, "insertRule") else { return };
    let insert: js_sys::Function = insert.unchecked_into();
    for rule in RULES.iter().rev() {
        let _ = insert.call1(&sheet, &JsValue::from_str(rule));
    }
    ADDED.set(true);
}
