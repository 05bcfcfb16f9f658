//! A.3 Security management planning: the draft Security Management Plan.

use leptos::prelude::*;

use crate::model::SbomFormat;
use crate::web::views::app;
use crate::web::views::common::{derive, text_area, text_field};

#[component]
pub fn ManagementSection() -> impl IntoView {
    view! {
        <section aria-labelledby="a3-title">
            <h2 id="a3-title">"A.3 Security management plan"</h2>
            <p class="hint">"A living Security Risk Management Plan that guides the rest of the project. Risk acceptability criteria have their own page."</p>
            {text_area("smp-safety", "Security risk alongside safety risk",
                "How security risks are assessed and documented together with safety risks (AAMI SW96, ISO 14971).",
                |p| &p.management.security_and_safety_risk, |p, v| p.management.security_and_safety_risk = v)}
            {text_area("smp-acceptability", "Risk acceptability",
                "What acceptable security risk looks like for this product, and what needs mitigation.",
                |p| &p.management.risk_acceptability, |p, v| p.management.risk_acceptability = v)}
            {text_area("smp-third-party", "Third-party component vulnerabilities",
                "How vulnerabilities in third-party components are monitored, assessed and patched.",
                |p| &p.management.third_party_monitoring, |p, v| p.management.third_party_monitoring = v)}
            <Sbom/>
            {text_area("smp-updates", "Update and rollback strategy",
                "How updates reach the field without technical steps for users, and how a failed update is rolled back.",
                |p| &p.management.update_and_rollback, |p, v| p.management.update_and_rollback = v)}
            {text_area("smp-disclosure", "Coordinated vulnerability disclosure",
                "How vulnerabilities are received, handled and disclosed with customers and regulators.",
                |p| &p.management.vulnerability_disclosure, |p, v| p.management.vulnerability_disclosure = v)}
            {text_area("smp-suppliers", "Supplier and contractor expectations",
                "What suppliers and contractors must do for secure components.",
                |p| &p.management.suppliers, |p, v| p.management.suppliers = v)}
            {text_area("smp-roles", "Roles and responsibilities",
                "Who does what in security management, so there is no confusion later.",
                |p| &p.management.roles_and_responsibilities, |p, v| p.management.roles_and_responsibilities = v)}
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
                {[(SbomFormat::Cyclonedx, "CycloneDX"), (SbomFormat::Spdx, "SPDX")].into_iter().map(|(f, label)| view! {
                    <label class="choice inline">
                        <input type="checkbox" prop:checked=move || formats.with(|v| v.contains(&f))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                app.edit(move |p| {
                                    let v = &mut p.management.sbom.formats;
                                    v.retain(|x| *x != f);
                                    if on { v.push(f); }
                                });
                            }/>
                        {label}
                    </label>
                }).collect_view()}
            </div>
            {text_field("sbom-when", "When it is generated", |p| &p.management.sbom.generated_when, |p, v| p.management.sbom.generated_when = v)}
            {text_field("sbom-owner", "Who owns and publishes it", |p| &p.management.sbom.owner, |p, v| p.management.sbom.owner = v)}
        </fieldset>
    }
}
