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
