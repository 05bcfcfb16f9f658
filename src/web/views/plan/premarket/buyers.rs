//! For hospitals and sales: the customer security summary (first, as the
//! section's artefact) and the MDS2 draft.

use leptos::prelude::*;

#[component]
pub fn BuyersSection() -> impl IntoView {
    super::style::install();
    view! {
        <section aria-labelledby="buyers-title" class="premarket-page buyers-page">
            <h2 id="buyers-title">"MDS2 and customer summary"</h2>
            <super::summary::CustomerSummary/>
            <super::mds2::Mds2Draft/>
        </section>
    }
}
