//! A.3 Security management planning: the draft Security Management Plan.

use leptos::prelude::*;

use crate::plan::model::{PlanText, SbomFormat, TextSection, MANAGEMENT_SECTIONS};
use crate::web::views::app;
use crate::web::views::common::derive;
use crate::web::views::common::field::{text_area, text_field};

#[component]
pub fn ManagementSection() -> impl IntoView {
    view! {
        <section aria-labelledby="a3-title">
            <h2 id="a3-title">"A.3 Security management plan"</h2>
            <p class="hint">"A living Security Risk Management Plan that guides the rest of the project. Risk acceptability criteria have their own page."</p>
            <div class="form-body" data-artefact>
                {MANAGEMENT_SECTIONS[..3].iter().map(section_area).collect_view()}
                <Sbom/>
                {MANAGEMENT_SECTIONS[3..5].iter().map(section_area).collect_view()}
                {text_field("disclosure-contact", "Where vulnerabilities are reported (an address or web page)", PlanText::DisclosureContact)}
                {MANAGEMENT_SECTIONS[5..].iter().map(section_area).collect_view()}
            </div>
        </section>
    }
}

#[component]
fn Sbom() -> impl IntoView {
    let app = app();
    let formats = derive(|p| p.management.sbom.formats.clone());
    view! {
        <fieldset class="field sbom">
            <legend>"SBOM approach"</legend>
            <p class="hint">"Hospitals ask for an SBOM (and often the MDS2 form); regulators expect one in premarket submissions."</p>
            <div class="choices">
                {[SbomFormat::Cyclonedx, SbomFormat::Spdx].into_iter().map(|f| view! {
                    <label class="choice inline">
                        <input type="checkbox" prop:checked=move || formats.with(|v| v.contains(&f))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                app.edit(move |p| p.set_sbom_format(f, on));
                            }/>
                        {f.label()}
                    </label>
                }).collect_view()}
            </div>
            {text_field("sbom-when", "When it is generated", PlanText::SbomWhen)}
            {text_field("sbom-owner", "Who owns and publishes it", PlanText::SbomOwner)}
            {text_field("sbom-access", "How customers get it", PlanText::SbomAccess)}
        </fieldset>
    }
}

fn section_area(s: &'static TextSection) -> impl IntoView {
    text_area(s.id, s.label, s.hint, s.field)
}
