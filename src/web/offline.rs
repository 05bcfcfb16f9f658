//! The offline service worker (public/sw.js): registered at start, so that
//! after one visit the app opens with the network off. When a new version of
//! the app has been installed and waits, [`Offline::update_ready`] turns true
//! and the update banner offers a reload; the waiting worker takes over only
//! when the user agrees, so a deploy never reloads the page under an edit.

use super::browser;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{ServiceWorker, ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// The worker's URL, next to index.html (so it works under any subpath).
const WORKER: &str = "sw.js";

#[derive(Clone, Copy)]
pub struct Offline {
    /// A new version is installed and waits for the user's reload.
    pub update_ready: RwSignal<bool>,
}

impl Offline {
    pub fn new() -> Self {
        Offline { update_ready: RwSignal::new(false) }
    }

    /// Register the worker and watch for new versions. Does nothing where
    /// service workers are unavailable (a page opened from a file, or an
    /// insecure origin): the app then simply needs the network to open.
    pub fn install(self) {
        let Some(workers) = container() else { return };
        let ready = self.update_ready;
        wasm_bindgen_futures::spawn_local(async move {
            let Ok(registration) = JsFuture::from(workers.register(WORKER)).await else { return };
            // Not a registration where a browser (or its automation) blocks service workers.
            let Ok(registration) = registration.dyn_into::<ServiceWorkerRegistration>() else { return };
            // Only an update waits: the very first worker installs with no page to replace.
            let has_controller = move || container().and_then(|c| c.controller()).is_some();
            if registration.waiting().is_some() && has_controller() {
                ready.set(true);
            }
            let watched = registration.clone();
            let on_update_found = Closure::<dyn FnMut()>::new(move || {
                if let Some(worker) = watched.installing() {
                    watch_install(&worker, move || {
                        if has_controller() {
                            ready.set(true);
                        }
                    });
                }
            });
            registration.set_onupdatefound(Some(on_update_found.as_ref().unchecked_ref()));
            // Lives as long as the page.
            on_update_found.forget();
        });
    }

    /// Let the waiting version take over, then reload into it.
    pub fn apply(self) {
        let Some(workers) = container() else { return browser::reload() };
        let on_change = Closure::<dyn FnMut()>::new(browser::reload);
        workers.set_oncontrollerchange(Some(on_change.as_ref().unchecked_ref()));
        on_change.forget();
        wasm_bindgen_futures::spawn_local(async move {
            let waiting = JsFuture::from(workers.get_registration())
                .await
                .ok()
                .and_then(|r| r.dyn_into::<ServiceWorkerRegistration>().ok())
                .and_then(|r| r.waiting());
            match waiting {
                Some(worker) => {
                    let _ = worker.post_message(&JsValue::from_str("skip-waiting"));
                }
                None => browser::reload(),
            }
        });
    }
}

/// `navigator.serviceWorker`, where the browser offers it.
fn container() -> Option<ServiceWorkerContainer> {
    let navigator = web_sys::window()?.navigator();
    let value = js_sys::Reflect::get(&navigator, &JsValue::from_str("serviceWorker")).ok()?;
    (!value.is_undefined()).then(|| value.unchecked_into())
}

/// Call `done` once `worker` has finished installing.
fn watch_install(worker: &ServiceWorker, done: impl Fn() + 'static) {
    let observed = worker.clone();
    let on_state = Closure::<dyn FnMut()>::new(move || {
        if observed.state() == ServiceWorkerState::Installed {
            done();
        }
    });
    worker.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
    on_state.forget();
}

/// Ask the browser to keep this site's storage (`navigator.storage.persist()`)
/// and put its answer in `answer`; it stays `None` where the browser has no
/// storage manager.
pub fn ask_persistent_storage(answer: RwSignal<Option<bool>>) {
    let Some(window) = web_sys::window() else { return };
    let manager = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("storage")).ok().filter(|m| !m.is_undefined());
    let Some(manager) = manager.map(|m| m.unchecked_into::<web_sys::StorageManager>()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        let granted = match manager.persist() {
            Ok(promise) => JsFuture::from(promise).await.ok().and_then(|v| v.as_bool()),
            Err(_) => None,
        };
        if let Some(granted) = granted {
            let _ = answer.try_set(Some(granted));
        }
    });
}
