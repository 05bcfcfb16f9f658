//! The browser's objects a linked file needs: the file pickers, a file
//! handle's file, writes and permission, reached through `js_sys::Reflect`
//! and `Function::call*`, which the first screen imports already (each
//! method of a `#[wasm_bindgen] extern` block would add its glue to the
//! first screen's script: wasm-bindgen writes every import there, whichever
//! part uses it). Option objects are written with serde-wasm-bindgen.

use std::cell::RefCell;

use js_sys::{Function, Promise, Reflect};
use leptos::prelude::set_timeout;
use serde::Serialize;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

pub(super) fn get(target: &JsValue, key: &str) -> JsValue {
    Reflect::get(target, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn set(target: &JsValue, key: &str, value: &JsValue) {
    let _ = Reflect::set(target, &JsValue::from_str(key), value);
}

/// Call `target.name(args…)` (two arguments at most).
pub(super) fn call(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let f = get(target, name);
    if !f.is_function() {
        return Err(JsValue::from_str(&format!("this browser has no {name}")));
    }
    let f: &Function = f.unchecked_ref();
    match args {
        [] => f.call0(target),
        [a] => f.call1(target, a),
        [a, b, ..] => f.call2(target, a, b),
    }
}

/// Call a method that returns a promise, and wait for it.
async fn wait(target: &JsValue, name: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    JsFuture::from(Promise::resolve(&call(target, name, args)?)).await
}

pub(super) fn window() -> JsValue {
    web_sys::window().map_or(JsValue::UNDEFINED, JsValue::from)
}

/// Whether this browser can link a plan to a file (Chrome, Edge; not Firefox or Safari).
pub fn supported() -> bool {
    get(&window(), "showSaveFilePicker").is_function()
}

/// The options of a file picker (`showSaveFilePicker`, `showOpenFilePicker`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PickerOptions<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    suggested_name: Option<&'a str>,
    types: [FileType; 1],
    /// The picker opens in the folder it was last used in with this id.
    id: &'static str,
}

#[derive(Serialize)]
struct FileType {
    description: &'static str,
    accept: Accept,
}

#[derive(Serialize)]
struct Accept {
    #[serde(rename = "application/json")]
    json: [&'static str; 1],
}

/// The options of `queryPermission` and `requestPermission`.
#[derive(Serialize)]
struct Mode {
    mode: &'static str,
}

fn options(value: &impl Serialize) -> JsValue {
    serde_wasm_bindgen::to_value(value).unwrap_or(JsValue::UNDEFINED)
}

pub(super) fn picker(suggested_name: Option<&str>) -> JsValue {
    let types = [FileType { description: "JSP Planner plan file", accept: Accept { json: [".json"] } }];
    options(&PickerOptions { suggested_name, types, id: "jsp-plan" })
}

/// The browser's error as (name, message): a `DOMException`'s, or its text.
pub(super) fn error_parts(e: &JsValue) -> (String, String) {
    match e.dyn_ref::<web_sys::DomException>() {
        Some(ex) => (ex.name(), ex.message()),
        None => (String::new(), e.as_string().unwrap_or_default()),
    }
}

/// The user closed the picker without choosing.
pub(super) fn cancelled(e: &JsValue) -> bool {
    error_parts(e).0 == "AbortError"
}

pub(super) fn name_of(handle: &JsValue) -> String {
    get(handle, "name").as_string().unwrap_or_else(|| "the file".into())
}

/// A file's last-modified time and size: whether it may have changed.
pub(super) type Stamp = (f64, f64);

/// The file behind `handle` and its stamp (nothing is read yet). A file
/// being replaced (git, or a browser closing a write, moves a new copy
/// into place) is missing for a moment: it is looked for once more.
pub(super) async fn file_of(handle: &JsValue) -> Result<(web_sys::File, Stamp), JsValue> {
    let file = match wait(handle, "getFile", &[]).await {
        Err(e) if error_parts(&e).0 == "NotFoundError" => {
            pause(200).await;
            wait(handle, "getFile", &[]).await?
        }
        other => other?,
    };
    let file: web_sys::File = file.unchecked_into();
    let stamp = (get(&file, "lastModified").as_f64().unwrap_or(0.0), file.size());
    Ok((file, stamp))
}

/// A flag a browser callback raises and a task waits for (a future of
/// its own, not `js_sys::Promise::new`: that one's glue would go into the
/// first screen's script).
#[derive(Clone, Default)]
pub(super) struct Flag(std::rc::Rc<RefCell<(bool, Option<std::task::Waker>)>>);

impl Flag {
    pub(super) fn raise(&self) {
        let mut s = self.0.borrow_mut();
        s.0 = true;
        if let Some(waker) = s.1.take() {
            waker.wake();
        }
    }

    pub(super) async fn raised(&self) {
        std::future::poll_fn(|cx| {
            let mut s = self.0.borrow_mut();
            if s.0 {
                return std::task::Poll::Ready(());
            }
            s.1 = Some(cx.waker().clone());
            std::task::Poll::Pending
        })
        .await;
    }
}

/// Wait `ms` milliseconds.
async fn pause(ms: u64) {
    let flag = Flag::default();
    let over = flag.clone();
    set_timeout(move || over.raise(), std::time::Duration::from_millis(ms));
    flag.raised().await;
}

/// Write `text` as the whole file; its stamp after. A write that fails
/// midway is aborted, so the file keeps its old text.
pub(super) async fn write_text(handle: &JsValue, text: &str) -> Result<Stamp, JsValue> {
    let writable = wait(handle, "createWritable", &[]).await?;
    if let Err(e) = wait(&writable, "write", &[&JsValue::from_str(text)]).await {
        let _ = wait(&writable, "abort", &[]).await;
        return Err(e);
    }
    wait(&writable, "close", &[]).await?;
    Ok(file_of(handle).await?.1)
}

/// Whether the app may write to the file: asked of the user with `ask`
/// (needs a click), else as it stands. A handle without these methods
/// says so by failing to write.
pub(super) async fn permission(handle: &JsValue, ask: bool) -> bool {
    let method = if ask { "requestPermission" } else { "queryPermission" };
    if !get(handle, method).is_function() {
        return true;
    }
    let answer = wait(handle, method, &[&options(&Mode { mode: "readwrite" })]).await;
    answer.ok().and_then(|a| a.as_string()).as_deref() == Some("granted")
}
