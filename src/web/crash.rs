//! If the app itself fails (a panic: with `panic = "abort"` the wasm module
//! stops for good), the page must not go blank. The panic hook, which runs
//! before the module stops, writes a message into the page with plain DOM
//! calls: what happened, a link that downloads the open plan as last saved,
//! and a reload link. It also notes which section was showing, so that the
//! restart opens the overview instead of the section that failed again.

use wasm_bindgen::JsCast;

use super::state::{AppState, NoticeKind};
use super::{browser, storage};
use crate::plan::sections::Section;

const CRASHED: &str = "crashed-in";

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        // Nothing here may panic again: every step is allowed to fail.
        let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
        storage::set_preference(CRASHED, hash.trim_start_matches('#'));
        let _ = show(&info.to_string());
    }));
}

/// The message shown in place of the app.
fn show(detail: &str) -> Option<()> {
    let doc = browser::document()?;
    let body = doc.body()?;
    let panel = doc.create_element("section").ok()?;
    panel.set_class_name("crash");
    panel.set_attribute("role", "alert").ok()?;
    panel.set_attribute("aria-labelledby", "crash-title").ok()?;
    let heading = doc.create_element("h2").ok()?;
    heading.set_id("crash-title");
    heading.set_text_content(Some("JSP Planner stopped because of an error"));
    panel.append_child(&heading).ok()?;
    let text = doc.create_element("p").ok()?;
    text.set_text_content(Some(
        "Your plan is kept in this browser as it was last saved. Download it to be safe, then reload the page: \
         it opens on the overview, not on the part that failed.",
    ));
    panel.append_child(&text).ok()?;
    let actions = doc.create_element("p").ok()?;
    actions.set_class_name("actions");
    if let Some(link) = download_link(&doc) {
        actions.append_child(&link).ok()?;
    }
    let reload: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.unchecked_into();
    reload.set_text_content(Some("Reload the app"));
    reload.set_class_name("button");
    // A link to the same page with a new hash does not reload by itself.
    let path = web_sys::window()?.location().pathname().ok()?;
    reload.set_href(&format!("{path}?restart#overview"));
    actions.append_child(&reload).ok()?;
    panel.append_child(&actions).ok()?;
    let details = doc.create_element("details").ok()?;
    let summary = doc.create_element("summary").ok()?;
    summary.set_text_content(Some("Technical details"));
    details.append_child(&summary).ok()?;
    let pre = doc.create_element("pre").ok()?;
    pre.set_text_content(Some(&detail.chars().take(2000).collect::<String>()));
    details.append_child(&pre).ok()?;
    panel.append_child(&details).ok()?;
    body.prepend_with_node_1(&panel).ok()?;
    let _ = panel.unchecked_ref::<web_sys::HtmlElement>().focus();
    Some(())
}

/// A link that downloads the open plan's stored text, if a plan is open.
fn download_link(doc: &web_sys::Document) -> Option<web_sys::Element> {
    let id = storage::last_open()?;
    let text = storage::raw(&storage::plan_key(&id))?;
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link: web_sys::HtmlAnchorElement = doc.create_element("a").ok()?.unchecked_into();
    link.set_href(&url);
    link.set_download("jsp-plan-backup.jsp-plan.json");
    link.set_class_name("button primary");
    link.set_text_content(Some("Download the open plan"));
    Some(link.into())
}

/// After a crash, open the overview rather than the section that failed.
pub fn after_restart(app: AppState) {
    let Some(section) = storage::preference(CRASHED) else { return };
    storage::clear_preference(CRASHED);
    let hash = web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default();
    let failed = Section::from_anchor(&section);
    if Section::from_anchor(&hash) == failed || hash.is_empty() {
        if let Some(w) = web_sys::window() {
            let _ = w.history().and_then(|h| h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("#overview")));
        }
    }
    let place = failed.map_or("the last page".to_string(), |s| format!("“{}”", s.title()));
    app.notify(
        NoticeKind::Error,
        format!("The app stopped while showing {place} last time, so it opened the overview instead. Your plan is as it was last saved."),
    );
}
