//! One plan, section by section. This shell holds A.1's fields, A.3's plan
//! sections and overviews of A.2, the register and the RACI roles.

use leptos::prelude::*;

use super::app;
use crate::model::{Plan, Scope};

type ReadText = fn(&Plan) -> &String;
type WriteText = fn(&mut Plan, String);

/// A labelled single-line field bound to one string of the open plan.
fn text_field(id: &'static str, label: &'static str, get: ReadText, set: WriteText) -> impl IntoView {
    let app = app();
    let value = Memo::new(move |_| app.plan.with(|p| p.as_ref().map(|p| get(p).clone()).unwrap_or_default()));
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="text" maxlength="300" prop:value=move || value.get()
                on:input=move |ev| { let v = event_target_value(&ev); app.edit(move |p| set(p, v)); }/>
        </div>
    }
}

/// A labelled multi-line field with JSP guidance under its label.
fn text_area(id: &'static str, label: &'static str, hint: &'static str, get: ReadText, set: WriteText) -> impl IntoView {
    let app = app();
    let value = Memo::new(move |_| app.plan.with(|p| p.as_ref().map(|p| get(p).clone()).unwrap_or_default()));
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <p class="hint" id=hint_id.clone()>{hint}</p>
            <textarea id=id rows="3" aria-describedby=hint_id prop:value=move || value.get()
                on:input=move |ev| { let v = event_target_value(&ev); app.edit(move |p| set(p, v)); }></textarea>
        </div>
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    view! {
        <div class="plan-page">
            <nav class="sections" aria-label="Concept Phase sections">
                <ul>
                    <li><a href="#a1">"A.1 Project planning"</a></li>
                    <li><a href="#a2">"A.2 Stakeholder needs"</a></li>
                    <li><a href="#a3">"A.3 Security management plan"</a></li>
                    <li><a href="#register">"Risk register"</a></li>
                    <li><a href="#roles">"Who is in the room"</a></li>
                </ul>
                <PlanActions/>
            </nav>
            <div class="section-body">
                <ProjectSection/>
                <StakeholderSection/>
                <ManagementSection/>
                <RegisterSection/>
                <RolesSection/>
            </div>
        </div>
    }
}

#[component]
fn PlanActions() -> impl IntoView {
    let app = app();
    view! {
        <div class="plan-actions">
            <button type="button" on:click=move |_| { if let Some(id) = app.open_id() { app.export(&id); } }>"Export plan file"</button>
        </div>
    }
}

#[component]
fn ProjectSection() -> impl IntoView {
    view! {
        <section id="a1" aria-labelledby="a1-title">
            <h2 id="a1-title">"A.1 Release / change project planning"</h2>
            {text_field("plan-name", "Plan name", |p| &p.name, |p, v| p.name = v)}
            {text_field("product", "Product", |p| &p.project.product, |p, v| p.project.product = v)}
            <ScopeChoice/>
            {text_area("description", "Project summary", "What the release or change delivers, and why.",
                |p| &p.project.description, |p, v| p.project.description = v)}
            {text_area("res-budget", "Security budget", "The money committed to security activities, decided now rather than later.",
                |p| &p.project.resources.budget, |p, v| p.project.resources.budget = v)}
            {text_area("res-people", "Security people", "Who will do the security work, and how much of their time.",
                |p| &p.project.resources.people, |p, v| p.project.resources.people = v)}
            {text_area("res-activities", "Security activities", "The security activities this scope needs (e.g. threat modelling, testing, SBOM).",
                |p| &p.project.resources.activities, |p, v| p.project.resources.activities = v)}
        </section>
    }
}

#[component]
fn ScopeChoice() -> impl IntoView {
    let app = app();
    let scope = Memo::new(move |_| app.plan.with(|p| p.as_ref().and_then(|p| p.project.scope)));
    view! {
        <fieldset class="field">
            <legend>"Scope of the project"</legend>
            {Scope::ALL.into_iter().map(|s| {
                view! {
                    <label class="choice">
                        <input type="radio" name="scope" prop:checked=move || scope.get() == Some(s)
                            on:change=move |_| app.edit(move |p| p.project.scope = Some(s))/>
                        {s.label()}
                    </label>
                }
            }).collect_view()}
        </fieldset>
    }
}

#[component]
fn StakeholderSection() -> impl IntoView {
    let app = app();
    let names = Memo::new(move |_| {
        app.plan.with(|p| p.as_ref().map(|p| p.stakeholders.iter().map(|s| s.name.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    let needs = Memo::new(move |_| app.plan.with(|p| p.as_ref().map_or(0, |p| p.needs.len())));
    view! {
        <section id="a2" aria-labelledby="a2-title">
            <h2 id="a2-title">"A.2 Voice of the customer"</h2>
            <p class="hint">"Each stakeholder group brings security needs that become inputs to user needs."</p>
            <h3>"Stakeholders"</h3>
            <ul class="stakeholders">
                {move || names.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
            <p>{move || format!("{} security needs recorded.", needs.get())}</p>
        </section>
    }
}

#[component]
fn ManagementSection() -> impl IntoView {
    view! {
        <section id="a3" aria-labelledby="a3-title">
            <h2 id="a3-title">"A.3 Security management plan"</h2>
            {text_area("smp-safety", "Security risk alongside safety risk",
                "How security risks are assessed and documented together with safety risks.",
                |p| &p.management.security_and_safety_risk, |p, v| p.management.security_and_safety_risk = v)}
            {text_area("smp-acceptability", "Risk acceptability",
                "What acceptable security risk looks like for this product, and what needs mitigation.",
                |p| &p.management.risk_acceptability, |p, v| p.management.risk_acceptability = v)}
            {text_area("smp-third-party", "Third-party component vulnerabilities",
                "How vulnerabilities in third-party components are monitored, assessed and patched.",
                |p| &p.management.third_party_monitoring, |p, v| p.management.third_party_monitoring = v)}
            {text_area("smp-updates", "Update and rollback strategy",
                "How updates reach the field, and how a failed update is rolled back.",
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
fn RegisterSection() -> impl IntoView {
    let app = app();
    let count = Memo::new(move |_| app.plan.with(|p| p.as_ref().map_or(0, |p| p.risks.len())));
    let grid = Memo::new(move |_| {
        app.plan.with(|p| {
            p.as_ref().map_or((0, 0), |p| (p.criteria.likelihood_levels.len(), p.criteria.severity_levels.len()))
        })
    });
    view! {
        <section id="register" aria-labelledby="register-title">
            <h2 id="register-title">"Risk register"</h2>
            <p>{move || {
                let (l, s) = grid.get();
                format!("{} entries, judged on a {l} × {s} risk acceptability grid.", count.get())
            }}</p>
        </section>
    }
}

#[component]
fn RolesSection() -> impl IntoView {
    let app = app();
    let roles = Memo::new(move |_| {
        app.plan.with(|p| p.as_ref().map(|p| p.roles.iter().map(|r| r.name.clone()).collect::<Vec<_>>()).unwrap_or_default())
    });
    view! {
        <section id="roles" aria-labelledby="roles-title">
            <h2 id="roles-title">"Who is in the room"</h2>
            <ul class="roles">
                {move || roles.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        </section>
    }
}
