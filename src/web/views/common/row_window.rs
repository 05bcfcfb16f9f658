//! Row windowing for long tables: only the rows near the visible part of a
//! scrolling region are in the page; two spacer rows of the same height stand
//! in for the rest. A 50 x 200 needs matrix is 10,000 cells; laying all of
//! them out took the browser seconds.
//!
//! The table's drawn rows carry `aria-rowindex` (which screen readers need
//! anyway, since most rows are absent); the window measures the first of them.

use leptos::prelude::*;

/// Rows drawn beyond the visible part, above and below.
const OVERSCAN: usize = 6;

/// Which rows of a scrolling region to draw.
#[derive(Clone, Copy)]
pub struct RowWindow {
    region: NodeRef<leptos::html::Div>,
    scroll_top: RwSignal<f64>,
    height: RwSignal<f64>,
    /// Height of one row in pixels, measured once rows are drawn.
    pub row_px: RwSignal<f64>,
    range: Memo<(usize, usize)>,
}

impl RowWindow {
    /// A window over `count()` rows in `region` (which scrolls, and calls
    /// [`RowWindow::on_scroll`] when it does).
    pub fn new(region: NodeRef<leptos::html::Div>, count: impl Fn() -> usize + Send + Sync + 'static) -> Self {
        // Until measured: the region's maximum height, 75% of the window (style/main.css).
        let initial = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()).map_or(800.0, |h| h * 0.75);
        let (scroll_top, height, row_px) = (RwSignal::new(0.0_f64), RwSignal::new(initial), RwSignal::new(46.0_f64));
        let range = Memo::new(move |_| {
            let n = count();
            let px = row_px.get().max(1.0);
            // OVERSCAN rows each side of the visible ones (none above the first).
            let top = (scroll_top.get() / px) as usize;
            let visible = (height.get() / px).ceil() as usize;
            (top.saturating_sub(OVERSCAN).min(n), (top + visible + OVERSCAN).min(n))
        });
        let window = RowWindow { region, scroll_top, height, row_px, range };
        Effect::new(move |_| {
            range.track();
            request_animation_frame(move || window.measure());
        });
        window
    }

    /// The rows to draw: `start..end`.
    pub fn range(self) -> (usize, usize) {
        self.range.get()
    }

    /// Back to the first row, e.g. when the rows shown change.
    pub fn to_top(self) {
        if let Some(el) = self.region.get_untracked() {
            el.set_scroll_top(0);
        }
        self.scroll_top.set(0.0);
    }

    /// Scroll so that row `index` is in view, now, so that it is drawn
    /// before the next frame (a key may ask for a row the window has not
    /// reached yet; the scroll event would come a frame later).
    pub fn reveal(self, index: usize) {
        let px = self.row_px.get_untracked().max(1.0);
        let (top, height) = (self.scroll_top.get_untracked(), self.height.get_untracked());
        let row_top = index as f64 * px;
        let to = if row_top < top {
            row_top
        } else if row_top + px > top + height {
            row_top + px - height
        } else {
            return;
        };
        if let Some(el) = self.region.get_untracked() {
            el.set_scroll_top(to as i32);
        }
        self.scroll_top.set(to);
    }

    pub fn on_scroll(self) {
        if let Some(el) = self.region.get_untracked() {
            self.scroll_top.set(f64::from(el.scroll_top()));
        }
    }

    /// Take the real row height and region height from the page.
    fn measure(self) {
        use wasm_bindgen::JsCast;
        // This runs a frame after it was asked for: by then the section may
        // be gone (N pressed quickly in workshop mode) and its signals disposed.
        let Some(Some(el)) = self.region.try_get_untracked() else {
            return;
        };
        if self.row_px.try_get_untracked().is_none() || self.height.try_get_untracked().is_none() {
            return;
        }
        let height = f64::from(el.client_height());
        if height > 0.0 && (height - self.height.get_untracked()).abs() > 1.0 {
            self.height.set(height);
        }
        let row = el.query_selector("tbody tr[aria-rowindex]").ok().flatten();
        if let Some(row) = row.and_then(|r| r.dyn_into::<web_sys::HtmlElement>().ok()) {
            let px = f64::from(row.offset_height());
            if px > 0.0 && (px - self.row_px.get_untracked()).abs() > 0.5 {
                self.row_px.set(px);
            }
        }
    }
}

/// A row standing in for `rows` rows that are not drawn, spanning `columns`.
#[component]
pub fn Spacer(rows: Signal<usize>, row_px: RwSignal<f64>, columns: Signal<usize>) -> impl IntoView {
    view! {
        <tr class="spacer" aria-hidden="true">
            <td colspan=move || columns.get().to_string()
                // Whole pixels: formatting an f64 would pull float printing into the wasm.
                style:height=move || format!("{}px", (rows.get() as f64 * row_px.get()).round() as u64)></td>
        </tr>
    }
}

/// The line under a long table in the page's own flow: it draws `step` more
/// rows (up to `total()`) each time it nears the screen ([`grow_when_near`]),
/// and while some are not drawn says so: "{what} 1 to 500 of 1,200 are
/// drawn; more are drawn as you scroll.{rest}".
#[component]
pub fn MoreRows(
    drawn: RwSignal<usize>,
    step: usize,
    total: impl Fn() -> usize + Copy + Send + Sync + 'static,
    /// What the rows are: "Rows", "Entries", "Controls".
    what: &'static str,
    /// Where every row is, after a space (" The CSV and the report hold them all."), or nothing.
    #[prop(default = "")]
    rest: &'static str,
) -> impl IntoView {
    let line = NodeRef::<leptos::html::P>::new();
    grow_when_near(line, drawn, step, total);
    view! {
        <p class="more-rows hint" node_ref=line>
            {move || {
                let (drawn, total) = (drawn.get(), total());
                (drawn < total).then(|| format!("{what} 1 to {drawn} of {total} are drawn; more are drawn as you scroll.{rest}"))
            }}
        </p>
    }
}

/// Draw `step` more rows (up to `total()`) whenever `line` (under the
/// table) comes within a screen of the visible part of the page: for long
/// tables in the page's own flow (the report's, the register's), where a
/// scrolling region of their own would be a second scroll bar.
fn grow_when_near(line: NodeRef<leptos::html::P>, shown: RwSignal<usize>, step: usize, total: impl Fn() -> usize + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let observer: StoredValue<Option<web_sys::IntersectionObserver>, LocalStorage> = StoredValue::new_local(None);
    // `FnMut(JsValue)`, a closure type the first screen has anyway (the observer's second argument is not needed).
    type OnNear = Closure<dyn FnMut(wasm_bindgen::JsValue)>;
    let callback: StoredValue<Option<OnNear>, LocalStorage> = StoredValue::new_local(None);
    line.on_load(move |el| {
        let target: web_sys::Element = el.clone().into();
        let on_near = Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(move |entries: wasm_bindgen::JsValue| {
            let entries: js_sys::Array = entries.unchecked_into();
            let near = entries.iter().any(|e| e.unchecked_into::<web_sys::IntersectionObserverEntry>().is_intersecting());
            let Some(now) = shown.try_get_untracked() else { return };
            let total = total();
            if near && now < total {
                shown.set((now + step).min(total));
                // Observed again, it is reported again: still near once
                // the new rows are drawn, it draws another step.
                observer.with_value(|io| {
                    if let Some(io) = io {
                        io.unobserve(&target);
                        io.observe(&target);
                    }
                });
            }
        });
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("0px 0px 100% 0px");
        let Ok(io) = web_sys::IntersectionObserver::new_with_options(on_near.as_ref().unchecked_ref(), &options) else { return };
        io.observe(&el);
        observer.set_value(Some(io));
        callback.set_value(Some(on_near));
    });
    on_cleanup(move || {
        if let Some(io) = observer.try_update_value(Option::take).flatten() {
            io.disconnect();
        }
        callback.try_update_value(Option::take);
    });
}
