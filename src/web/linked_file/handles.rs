//! The links kept over a reload: a file handle survives one only in
//! IndexedDB (it can be cloned but not written as JSON). One record per
//! plan id holds the handle and the text last written to the file (or read
//! from it), the merge base; every tab of the browser shares it, so a file
//! another tab wrote is known as ours.

use js_sys::Object;
use wasm_bindgen::JsValue;

use super::disk::{call, get, set, window, Flag};

const DB: &str = "jsp-planner-files";
const STORE: &str = "links";

/// Wait for an IndexedDB request; its result.
async fn done(request: &JsValue) -> Result<JsValue, JsValue> {
    let flag = Flag::default();
    let finished = flag.clone();
    // Freed by the browser's garbage collector once the request is gone.
    let on = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || finished.raise()).into_js_value();
    set(request, "onsuccess", &on);
    set(request, "onerror", &on);
    flag.raised().await;
    let error = get(request, "error");
    if error.is_null() || error.is_undefined() {
        Ok(get(request, "result"))
    } else {
        Err(error)
    }
}

/// The database (made on first use) and its store of links, in `mode`.
async fn links(mode: &str) -> Result<(JsValue, JsValue), JsValue> {
    let open = call(&get(&window(), "indexedDB"), "open", &[&DB.into()])?;
    let upgrading = open.clone();
    let upgrade = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = call(&get(&upgrading, "result"), "createObjectStore", &[&STORE.into()]);
    });
    set(&open, "onupgradeneeded", &upgrade);
    let db = done(&open).await?;
    let store = call(&db, "transaction", &[&STORE.into(), &mode.into()]).and_then(|tx| call(&tx, "objectStore", &[&STORE.into()]));
    Ok((db, store?))
}

/// Run one request on the store of links.
async fn on_links(mode: &str, method: &str, args: &[&JsValue]) -> Result<JsValue, JsValue> {
    let (db, store) = links(mode).await?;
    let result = match call(&store, method, args) {
        Ok(request) => done(&request).await,
        Err(e) => Err(e),
    };
    // Closing waits for the transaction to finish.
    let _ = call(&db, "close", &[]);
    result
}

/// Keep plan `id`'s link: its handle and the text last written or read.
pub(super) async fn keep(id: &str, handle: &JsValue, base: &str) {
    let record = Object::new();
    set(&record, "handle", handle);
    set(&record, "base", &JsValue::from_str(base));
    // A failure only costs the link after a reload.
    let _ = on_links("readwrite", "put", &[&record, &id.into()]).await;
}

/// Plan `id`'s link: its handle and the text last written or read.
pub(super) async fn recall(id: &str) -> Option<(JsValue, String)> {
    let record = on_links("readonly", "get", &[&id.into()]).await.ok()?;
    let handle = get(&record, "handle");
    (!handle.is_undefined()).then(|| (handle, get(&record, "base").as_string().unwrap_or_default()))
}

pub(super) async fn forget(id: &str) {
    let _ = on_links("readwrite", "delete", &[&id.into()]).await;
}
