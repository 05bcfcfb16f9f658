//! No silent truncation: a text field with a `maxlength` says so as its text
//! nears the limit, and says what an insertion that did not fit kept.
//!
//! One mechanism for every field of the app, not a copy per field: capture
//! listeners on the document watch every `<input>` and `<textarea>` that has
//! a `maxlength` (the views take it from `common::rules`'s `MAX_*`), and one
//! status element, placed under the focused field, shows
//! - "240 / 300 characters" from 80 % of the limit on, and
//! - "Pasted 30,000 characters; the first 300 were kept: this field holds at
//!   most 300." when the browser cut a paste, a drop or any insertion of
//!   more than one character (it does so silently, by `maxlength`).
//!
//! The cut is known before it happens: `beforeinput` carries the whole text
//! offered (measured in Chromium: `data` holds all 30,000 characters, the
//! following `input` event only what fitted), and the room is the limit less
//! the text that stays. Lengths are the browser's (UTF-16 units), as
//! `maxlength` counts them.
//!
//! The status element is a polite live region (`role="status"`), named by
//! the focused field's `aria-describedby`; it moves into an open `<dialog>`
//! when the field is in one, since a modal dialog makes the rest of the page
//! inert. It is installed once, when the editor's part of the app loads
//! (`web/editor.rs`), so the first screen carries none of it.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, HtmlElement};

use crate::common::words::thousands;
use crate::web::browser;

/// The status element's id, which focused fields' `aria-describedby` names.
const STATUS_ID: &str = "field-limit";

/// The status element and the field it speaks for.
struct Status {
    root: HtmlElement,
    /// What the last insertion kept, when it was cut.
    cut: HtmlElement,
    /// The count of characters, near the limit.
    count: HtmlElement,
    field: Option<HtmlElement>,
}

thread_local! {
    static STATUS: RefCell<Option<Status>> = const { RefCell::new(None) };
}

/// Watch every limited field of the page (once; later calls do nothing).
pub fn install() {
    if STATUS.with_borrow(Option::is_some) {
        return;
    }
    let Some(doc) = browser::document() else { return };
    let make = |tag: &str, class: &str| -> Option<HtmlElement> {
        let el = doc.create_element(tag).ok()?.dyn_into::<HtmlElement>().ok()?;
        el.set_class_name(class);
        Some(el)
    };
    let (Some(root), Some(cut), Some(count), Some(body)) =
        (make("div", "field-limit"), make("span", "cut"), make("span", "count"), doc.body())
    else {
        return;
    };
    root.set_id(STATUS_ID);
    let _ = root.set_attribute("role", "status");
    let _ = root.append_child(&cut);
    let _ = root.append_child(&count);
    let _ = body.append_child(&root);
    STATUS.set(Some(Status { root, cut, count, field: None }));

    listen(&doc, "focusin", |ev| {
        if let Some((field, max)) = limited(&ev) {
            attach(field, max);
        }
    });
    listen(&doc, "focusout", |ev| {
        if limited(&ev).is_some() {
            detach();
        }
    });
    listen(&doc, "beforeinput", |ev| {
        if let Some((field, max)) = limited(&ev) {
            before_insert(&ev, &field, max);
        }
    });
    listen(&doc, "input", |ev| {
        if let Some((field, max)) = limited(&ev) {
            show_count(&field, max);
        }
    });
    // Scrolling any container moves the field under the status: follow it.
    listen(&doc, "scroll", |_| place());
    if let Some(window) = web_sys::window() {
        listen(&window, "resize", |_| place());
    }
}

/// A listener for the life of the page, called in the capture phase (before
/// the field's own handlers, which a cut should not wait for).
fn listen(target: &web_sys::EventTarget, kind: &str, f: impl Fn(Event) + 'static) {
    let f = Closure::<dyn Fn(Event)>::new(f);
    let _ = target.add_event_listener_with_callback_and_bool(kind, f.as_ref().unchecked_ref(), true);
    f.forget();
}

/// The event's field and its limit, if it is a text field with a `maxlength`.
fn limited(ev: &Event) -> Option<(HtmlElement, usize)> {
    let el = ev.target()?.dyn_into::<HtmlElement>().ok()?;
    if !matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
        return None;
    }
    // `maxLength` is -1 when the field has no limit.
    let max = js_sys::Reflect::get(&el, &"maxLength".into()).ok()?.as_f64()?;
    (max > 0.0).then_some((el, max as usize))
}

/// A text property of an element or event (`value`, `data`, `inputType`):
/// read by name, for `<input>` and `<textarea>` alike.
fn text_of(object: &JsValue, property: &str) -> Option<String> {
    js_sys::Reflect::get(object, &property.into()).ok()?.as_string()
}

fn number_of(object: &JsValue, property: &str) -> Option<usize> {
    js_sys::Reflect::get(object, &property.into()).ok()?.as_f64().map(|n| n as usize)
}

/// Length as `maxlength` counts it: UTF-16 code units.
fn units(s: &str) -> usize {
    s.encode_utf16().count()
}

/// The field took the focus: the status speaks for it.
fn attach(field: HtmlElement, max: usize) {
    STATUS.with_borrow_mut(|s| {
        let Some(s) = s else { return };
        // Inside a modal dialog the rest of the page is inert: go where the field is.
        let host: Option<Element> = field.closest("dialog").ok().flatten().or_else(|| browser::document()?.body().map(Into::into));
        if let Some(host) = host {
            if s.root.parent_element().as_ref() != Some(&host) {
                let _ = host.append_child(&s.root);
            }
        }
        let described = field.get_attribute("aria-describedby").unwrap_or_default();
        if !described.split_whitespace().any(|id| id == STATUS_ID) {
            let ids: Vec<&str> = described.split_whitespace().chain([STATUS_ID]).collect();
            let _ = field.set_attribute("aria-describedby", &ids.join(" "));
        }
        s.cut.set_text_content(None);
        s.field = Some(field.clone());
    });
    show_count(&field, max);
}

/// The field lost the focus: the status empties and lets it go.
fn detach() {
    STATUS.with_borrow_mut(|s| {
        let Some(s) = s else { return };
        if let Some(field) = s.field.take() {
            if let Some(described) = field.get_attribute("aria-describedby") {
                let rest: Vec<&str> = described.split_whitespace().filter(|id| *id != STATUS_ID).collect();
                let _ = if rest.is_empty() {
                    field.remove_attribute("aria-describedby")
                } else {
                    field.set_attribute("aria-describedby", &rest.join(" "))
                };
            }
        }
        s.cut.set_text_content(None);
        s.count.set_text_content(None);
    });
}

/// Before the browser inserts text: if more is offered than the field has
/// room for, say how much it keeps. Typing one character into a full field
/// needs no sentence: the count already says the field is full.
fn before_insert(ev: &Event, field: &HtmlElement, max: usize) {
    let offered = text_of(ev, "data").unwrap_or_default();
    // A pasted line break "\r\n" arrives as one character.
    let offered = units(&offered) - offered.matches("\r\n").count();
    let value = text_of(field, "value").unwrap_or_default();
    let (start, end) = (number_of(field, "selectionStart"), number_of(field, "selectionEnd"));
    let replaced = match (start, end) {
        (Some(a), Some(b)) => b.saturating_sub(a),
        _ => 0,
    };
    let room = max.saturating_sub(units(&value).saturating_sub(replaced));
    let sentence = (offered > 1 && offered > room).then(|| {
        let verb = match text_of(ev, "inputType").as_deref() {
            Some("insertFromPaste" | "insertFromPasteAsQuotation") => "Pasted",
            Some("insertFromDrop") => "Dropped",
            _ => "Entered",
        };
        cut_sentence(verb, offered, room, max)
    });
    STATUS.with_borrow(|s| {
        if let Some(s) = s {
            s.cut.set_text_content(sentence.as_deref());
        }
    });
}

/// "Pasted 30,000 characters; the first 300 were kept: this field holds at most 300."
fn cut_sentence(verb: &str, offered: usize, kept: usize, max: usize) -> String {
    let (offered, max) = (thousands(offered), thousands(max));
    match kept {
        0 => format!("{verb} {offered} characters; none was kept: the field is full (it holds at most {max})."),
        1 => format!("{verb} {offered} characters; the first one was kept: this field holds at most {max}."),
        n => format!("{verb} {offered} characters; the first {} were kept: this field holds at most {max}.", thousands(n)),
    }
}

/// The count, from 80 % of the limit on; nothing below.
fn show_count(field: &HtmlElement, max: usize) {
    let length = units(&text_of(field, "value").unwrap_or_default());
    let words = if length * 5 < max * 4 {
        None
    } else if length >= max {
        Some(format!("{} / {} characters: the most this field holds", thousands(length), thousands(max)))
    } else {
        Some(format!("{} / {} characters", thousands(length), thousands(max)))
    };
    STATUS.with_borrow(|s| {
        if let Some(s) = s {
            if s.count.text_content().as_deref().unwrap_or_default() != words.as_deref().unwrap_or_default() {
                s.count.set_text_content(words.as_deref());
            }
        }
    });
    place();
}

/// Put the status just under its field (above it near the bottom of the window).
fn place() {
    STATUS.with_borrow(|s| {
        let Some(s) = s else { return };
        let Some(field) = &s.field else { return };
        let style = s.root.style();
        let rect = field.get_bounding_client_rect();
        let height = f64::from(s.root.offset_height());
        let window_height = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).unwrap_or(f64::MAX);
        let top = if rect.bottom() + height + 4.0 > window_height { rect.top() - height - 2.0 } else { rect.bottom() + 2.0 };
        let _ = style.set_property("top", &format!("{top}px"));
        let _ = style.set_property("left", &format!("{}px", rect.left().max(0.0)));
    });
}
