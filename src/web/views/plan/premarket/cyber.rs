//! A.1's cyber device answer (section 524B of the FD&C Act): whether the
//! product runs software, can connect to the internet and could be
//! vulnerable. It decides whether three more premarket elements apply.

use leptos::prelude::*;

use crate::web::views::app;
use crate::web::views::common::derive;

#[component]
pub fn CyberDevice() -> impl IntoView {
    let app = app();
    let answer = derive(|p| Some(p.project.cyber_device));
    let choices: [(Option<bool>, &str); 3] = [(Some(true), "Yes"), (Some(false), "No"), (None, "Not decided yet")];
    view! {
        <fieldset class="field cyber-device" aria-describedby="cyber-device-hint">
            <legend>"Is the product a cyber device (section 524B)?"</legend>
            <p class="hint" id="cyber-device-hint">"A device with software that can connect to the internet and could be vulnerable. A cyber device adds a postmarket and disclosure plan, processes for reasonable assurance and an SBOM to the premarket submission."</p>
            {choices.into_iter().map(|(value, label)| view! {
                <label class="choice">
                    <input type="radio" name="cyber-device" prop:checked=move || answer.get() == Some(value)
                        on:change=move |_| app.edit(move |p| p.set_cyber_device(value))/>
                    {label}
                </label>
            }).collect_view()}
        </fieldset>
    }
}
