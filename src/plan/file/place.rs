//! A place in a plan, named the way the app shows it: "Stakeholder 3
//! (“Clinicians”), name", "Risk R-001, initial severity", "Risk criteria,
//! name of severity level 2".
//!
//! Both kinds of message use it: shape errors found while reading a file
//! (the path comes from [`super::locate`], item names from the file's JSON)
//! and broken invariants (the path comes from [`crate::plan::rules`], item names
//! from the plan). Paths are relative to the plan, e.g. `risks/0/initial/severity`.

use serde_json::Value;

use crate::common::words::{place_phrase, place_sentence, quoted, shorten};
use crate::plan::model::Plan;

/// Names items of a collection; implemented for a [`Plan`] and for the JSON of one.
pub(crate) trait Lookup {
    /// What the user calls item `index` of `collection` (`"stakeholders"`,
    /// `"project/inputs"`, …): its id for risks, its name or text otherwise.
    fn label(&self, collection: &str, index: usize) -> Option<String>;
    /// How many levels the grid has on `axis` (`"likelihood"` or `"severity"`).
    fn levels(&self, axis: &str) -> Option<usize>;
}

/// A place: where it is (items and sections, outermost first) and, when the
/// place is a field, the field's name in words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct Place {
    pub context: Vec<String>,
    pub field: Option<String>,
    /// What kind of thing the place is, with its article ("a risk"), when it
    /// is an object the file format knows.
    pub noun: Option<&'static str>,
    /// Set when the place is a rating level: the axis ("likelihood" or "severity").
    pub level_axis: Option<&'static str>,
    /// The allowed values when the place holds one of a fixed set of words.
    pub choices: Option<&'static [&'static str]>,
}

impl Place {
    /// The place as one phrase, capitalised: "Risk R-001, initial severity".
    pub fn phrase(&self) -> String {
        place_phrase(&self.context, self.field.as_ref(), "The plan")
    }

    /// The place, then `predicate`, as one whole sentence.
    pub fn sentence(&self, predicate: &str) -> String {
        place_sentence(&self.context, self.field.as_ref(), "The plan", predicate)
    }
}

pub(crate) const STATUS: &[&str] = &["open", "mitigating", "accepted", "closed"];
pub(crate) const SCOPE: &[&str] = &["new_product", "major_addition", "maintenance"];
pub(crate) const RELEVANCE: &[&str] = &["relevant", "critical"];
pub(crate) const TREATMENT: &[&str] = &["mitigate", "accept", "transfer", "avoid"];
pub(crate) const CONTROL_KIND: &[&str] = &["design", "labelling", "procedure"];
pub(crate) const CONTROL_STATUS: &[&str] = &["planned", "implemented", "verified"];
pub(crate) const ANSWER: &[&str] = &["yes", "no", "unsure"];
pub(crate) const AXIS: &[&str] = &["exploitability", "likelihood"];
pub(crate) const ZONE: &[&str] = &["acceptable", "review", "unacceptable"];
pub(crate) const SBOM_FORMAT: &[&str] = &["cyclonedx", "spdx"];
pub(crate) const RACI: &[&str] = &["R", "A", "C", "I"];
pub(crate) const COMPONENT_KIND: &[&str] = &[
    "application",
    "framework",
    "library",
    "container",
    "platform",
    "operating_system",
    "device",
    "device_driver",
    "firmware",
    "file",
    "other",
];
pub(crate) const SUPPORT: &[&str] = &["actively_maintained", "no_longer_maintained", "abandoned", "unknown"];
pub(crate) const CATEGORY: &[&str] = &[
    "authentication",
    "authorization",
    "cryptography",
    "code_data_and_execution_integrity",
    "confidentiality",
    "event_detection_and_logging",
    "resiliency_and_recovery",
    "firmware_and_software_updates",
];
pub(crate) const VIEW_STATUS: &[&str] = &["not_started", "drafting", "done"];
pub(crate) const MDS2_VALUE: &[&str] = &["yes", "no", "not_applicable"];
pub(crate) const CATEGORY_LABELS: &[&str] = &[
    "Authentication",
    "Authorization",
    "Cryptography",
    "Code, Data and Execution Integrity",
    "Confidentiality",
    "Event Detection and Logging",
    "Resiliency and Recovery",
    "Firmware and Software Updates",
];
pub(crate) const VIEWS: &[(&str, &str)] = &[
    ("global_system", "Global System"),
    ("multi_patient_harm", "Multi-Patient Harm"),
    ("updateability_patchability", "Updateability/Patchability"),
    ("security_use_cases", "Security Use Case(s)"),
];

const MANAGEMENT: &[(&str, &str)] = &[
    ("security_and_safety_risk", "Security risk alongside safety risk"),
    ("risk_acceptability", "Risk acceptability"),
    ("third_party_monitoring", "Third-party component vulnerabilities"),
    ("update_and_rollback", "Update and rollback strategy"),
    ("vulnerability_disclosure", "Coordinated vulnerability disclosure"),
    ("suppliers", "Supplier and contractor expectations"),
    ("roles_and_responsibilities", "Roles and responsibilities"),
    ("disclosure_contact", "Disclosure contact"),
];

/// Name the place at `path` (plan-relative segments).
pub(crate) fn place(path: &[&str], lookup: &dyn Lookup) -> Place {
    let mut p = Place::default();
    let Some((&first, rest)) = path.split_first() else {
        p.noun = Some("the plan");
        return p;
    };
    let item = |p: &mut Place, collection: &str, word: &str, rest: &[&str]| -> Option<usize> {
        let index = rest.first()?.parse::<usize>().ok()?;
        let n = index + 1;
        let label = match (collection, lookup.label(collection, index)) {
            ("risks" | "controls" | "user_needs" | "components" | "premarket/mds2", Some(id)) => format!("{word} {id}"),
            ("need_links" | "raci", Some(pair)) => format!("{word} {n} ({pair})"),
            (_, Some(name)) => format!("{word} {n} ({})", quoted(&name)),
            (_, None) => format!("{word} {n}"),
        };
        p.context.push(label);
        Some(index)
    };
    match first {
        "id" => p.field = Some("plan id".into()),
        "name" => p.field = Some("plan name".into()),
        "created_at" => p.field = Some("creation time".into()),
        "updated_at" => p.field = Some("last edit time".into()),
        "project" => project(&mut p, rest, &item),
        "document" => document(&mut p, rest, &item),
        "revisions" => revisions(&mut p, rest, &item),
        "stakeholders" | "needs" | "user_needs" | "need_links" | "risks" | "controls" | "components" | "roles" | "activities" | "raci" => {
            let (word, list, noun) = match first {
                "stakeholders" => ("Stakeholder", "stakeholder list", "a stakeholder"),
                "needs" => ("Security need", "list of security needs", "a security need"),
                "user_needs" => ("User need", "list of user needs", "a user need"),
                "controls" => ("Control", "list of risk controls", "a risk control"),
                "components" => ("Component", "component register", "a component"),
                "need_links" => ("Needs matrix cell", "needs matrix", "a needs matrix cell"),
                "risks" => ("Risk", "risk register", "a risk"),
                "roles" => ("Role", "list of roles", "a role"),
                "activities" => ("Activity", "list of activities", "an activity"),
                _ => ("RACI cell", "RACI matrix", "a RACI cell"),
            };
            if rest.is_empty() {
                p.field = Some(list.into());
                p.noun = Some("a list");
            } else if item(&mut p, first, word, rest).is_some() {
                p.noun = Some(noun);
                item_field(&mut p, first, &rest[1..]);
            } else {
                unknown(&mut p, rest);
            }
        }
        "management" => {
            p.context.push("Security management plan".into());
            p.noun = Some("the security management plan");
            match rest {
                [] => {}
                ["sbom", more @ ..] => {
                    p.context.push("SBOM approach".into());
                    p.noun = Some("the SBOM approach");
                    field(
                        &mut p,
                        more,
                        &[
                            ("formats", "formats"),
                            ("generated_when", "when it is generated"),
                            ("owner", "owner"),
                            ("customer_access", "how customers get it"),
                        ],
                    );
                    if let ["formats", i, ..] = more {
                        if let Ok(i) = i.parse::<usize>() {
                            p.field = Some(format!("format {}", i + 1));
                            p.choices = Some(SBOM_FORMAT);
                        }
                    }
                }
                [key, ..] => match MANAGEMENT.iter().find(|(k, _)| k == key) {
                    Some((_, label)) => {
                        p.field = Some(format!("section “{label}”"));
                        p.noun = None;
                        unknown(&mut p, &rest[1..]);
                    }
                    None => unknown(&mut p, rest),
                },
            }
        }
        "criteria" => criteria(&mut p, rest),
        "premarket" => premarket(&mut p, rest, &item),
        _ => unknown(&mut p, path),
    }
    p
}

/// Name a field given by `rest[0]` from `names`; deeper segments are unknown.
fn field(p: &mut Place, rest: &[&str], names: &[(&str, &str)]) {
    let Some((key, more)) = rest.split_first() else { return };
    match names.iter().find(|(k, _)| k == key) {
        Some((_, name)) => {
            p.field = Some((*name).into());
            p.noun = None;
            unknown(p, more);
        }
        None => unknown(p, rest),
    }
}

/// Segments the format does not know (an unknown field and what is in it).
fn unknown(p: &mut Place, rest: &[&str]) {
    if let Some(key) = rest.first() {
        if let Some(field) = p.field.take() {
            p.context.push(field);
        }
        p.field = Some(format!("field {}", quoted(key)));
        p.noun = None;
        p.choices = None;
        p.level_axis = None;
    }
}

type ItemFn<'a> = dyn Fn(&mut Place, &str, &str, &[&str]) -> Option<usize> + 'a;

fn document(p: &mut Place, rest: &[&str], item: &ItemFn<'_>) {
    p.context.push("Document control".into());
    p.noun = Some("the document control");
    match rest {
        ["attendees"] => {
            p.field = Some("attendees".into());
            p.noun = Some("a list");
        }
        ["attendees", more @ ..] => {
            if item(p, "document/attendees", "Attendee", more).is_some() {
                p.noun = Some("an attendee");
                field(p, &more[1..], &[("id", "id"), ("name", "name"), ("organisation", "organisation"), ("role_id", "role")]);
            } else {
                unknown(p, more);
            }
        }
        _ => field(
            p,
            rest,
            &[("document_id", "document id"), ("revision", "revision"), ("author", "author"), ("workshop_dates", "workshop dates")],
        ),
    }
}

fn revisions(p: &mut Place, rest: &[&str], item: &ItemFn<'_>) {
    let [index, more @ ..] = rest else {
        p.field = Some("list of revisions".into());
        p.noun = Some("a list");
        return;
    };
    let Ok(i) = index.parse::<usize>() else { return unknown(p, rest) };
    p.context.push(format!("Revision {}", i + 1));
    p.noun = Some("a revision");
    match more {
        ["approvals", at, rest @ ..] => {
            let Ok(j) = at.parse::<usize>() else { return unknown(p, &more[1..]) };
            p.context.push(format!("approval {}", j + 1));
            p.noun = Some("an approval");
            field(
                p,
                rest,
                &[("id", "id"), ("name", "name"), ("role", "role"), ("meaning", "meaning"), ("date", "date"), ("comment", "comment")],
            );
        }
        _ => field(
            p,
            more,
            &[
                ("number", "number"),
                ("label", "label"),
                ("issued_at", "issue time"),
                ("summary", "change summary"),
                ("approvals", "approvals"),
                ("content", "content"),
            ],
        ),
    }
    let _ = item;
}

fn project(p: &mut Place, rest: &[&str], item: &ItemFn<'_>) {
    p.context.push("Project planning".into());
    p.noun = Some("the project planning");
    match rest {
        [] => {}
        [list @ ("inputs" | "outputs"), more @ ..] => {
            let (word, noun) = if *list == "inputs" { ("input", "an input") } else { ("output", "an output") };
            if more.is_empty() {
                p.field = Some(format!("{word}s"));
                p.noun = Some("a list");
            } else if item(p, &format!("project/{list}"), word, more).is_some() {
                p.noun = Some(noun);
                field(p, &more[1..], &[("id", "id"), ("label", "label"), ("done", "done mark")]);
            } else {
                unknown(p, more);
            }
        }
        ["resources", more @ ..] => {
            p.context.push("resources".into());
            p.noun = Some("the resources");
            field(p, more, &[("budget", "budget"), ("people", "people"), ("activities", "security activities")]);
        }
        ["change_impact", more @ ..] => {
            if more.is_empty() {
                p.field = Some("change impact answers".into());
                p.noun = Some("a list");
            } else if item(p, "project/change_impact", "change impact answer", more).is_some() {
                p.noun = Some("a change impact answer");
                field(p, &more[1..], &[("question_id", "question"), ("answer", "answer"), ("note", "note")]);
                if more.get(1) == Some(&"answer") {
                    p.choices = Some(ANSWER);
                }
            } else {
                unknown(p, more);
            }
        }
        _ => {
            field(
                p,
                rest,
                &[
                    ("product", "product"),
                    ("scope", "scope"),
                    ("description", "project summary"),
                    ("end_of_support", "planned end of support"),
                    ("cyber_device", "cyber device answer"),
                ],
            );
            if rest == ["scope"] {
                p.choices = Some(SCOPE);
            }
        }
    }
}

fn item_field(p: &mut Place, collection: &str, rest: &[&str]) {
    match collection {
        "stakeholders" => field(p, rest, &[("id", "id"), ("name", "name"), ("description", "description")]),
        "needs" => match rest {
            ["user_need_ids", i] if i.parse::<usize>().is_ok() => {
                p.field = Some(format!("user need {}", i.parse::<usize>().unwrap_or(0) + 1));
            }
            _ => field(p, rest, &[("id", "id"), ("text", "text"), ("user_need_ids", "user needs")]),
        },
        "user_needs" => field(p, rest, &[("id", "id"), ("text", "text")]),
        "controls" if matches!(rest, ["categories", i] if i.parse::<usize>().is_ok()) => {
            p.field = Some(format!("security control category {}", rest[1].parse::<usize>().unwrap_or(0) + 1));
            p.noun = None;
            p.choices = Some(CATEGORY);
        }
        "controls" => {
            field(
                p,
                rest,
                &[
                    ("id", "id"),
                    ("description", "description"),
                    ("kind", "kind"),
                    ("status", "status"),
                    ("verification", "verification"),
                    ("categories", "security control categories"),
                ],
            );
            match rest {
                ["kind"] => p.choices = Some(CONTROL_KIND),
                ["status"] => p.choices = Some(CONTROL_STATUS),
                _ => {}
            }
        }
        "need_links" => {
            field(p, rest, &[("stakeholder_id", "stakeholder"), ("need_id", "need"), ("relevance", "relevance")]);
            if rest == ["relevance"] {
                p.choices = Some(RELEVANCE);
            }
        }
        "roles" | "activities" => field(p, rest, &[("id", "id"), ("name", "name")]),
        "components" => component_field(p, rest),
        "raci" => {
            field(p, rest, &[("role_id", "role"), ("activity_id", "activity"), ("value", "letter")]);
            if rest == ["value"] {
                p.choices = Some(RACI);
            }
        }
        _ => match rest {
            [when @ ("initial" | "residual"), more @ ..] => {
                p.field = Some(format!("{when} rating"));
                p.noun = Some("a rating");
                match more {
                    [] => {}
                    [axis @ ("likelihood" | "severity")] => {
                        p.field = Some(format!("{when} {axis}"));
                        p.noun = None;
                        p.level_axis = Some(if *axis == "likelihood" { "likelihood" } else { "severity" });
                    }
                    _ => unknown(p, more),
                }
            }
            ["need_ids", i] if i.parse::<usize>().is_ok() => {
                p.field = Some(format!("linked need {}", i.parse::<usize>().unwrap_or(0) + 1));
            }
            ["control_ids", i] if i.parse::<usize>().is_ok() => {
                p.field = Some(format!("linked control {}", i.parse::<usize>().unwrap_or(0) + 1));
            }
            ["acceptance", more @ ..] => {
                p.context.push("acceptance".into());
                field(p, more, &[("rationale", "rationale"), ("approver", "approver"), ("date", "date")]);
            }
            _ => {
                field(
                    p,
                    rest,
                    &[
                        ("id", "id"),
                        ("asset", "asset"),
                        ("threat", "threat"),
                        ("controls", "control notes"),
                        ("treatment", "treatment"),
                        ("control_ids", "linked controls"),
                        ("need_ids", "linked needs"),
                        ("owner", "owner"),
                        ("status", "status"),
                    ],
                );
                match rest {
                    ["status"] => p.choices = Some(STATUS),
                    ["treatment"] => p.choices = Some(TREATMENT),
                    _ => {}
                }
            }
        },
    }
}

/// The premarket part (format version 7): reasons a category does not
/// apply, the architecture views, the team's MDS2 answers.
fn premarket(p: &mut Place, rest: &[&str], item: &ItemFn<'_>) {
    p.context.push("Premarket documentation".into());
    p.noun = Some("the premarket documentation");
    match rest {
        ["not_applicable", more @ ..] => {
            p.context.push("categories that do not apply".into());
            p.noun = Some("the reasons categories do not apply");
            let names: Vec<(&str, String)> =
                CATEGORY.iter().zip(CATEGORY_LABELS).map(|(k, l)| (*k, format!("reason “{l}” does not apply"))).collect();
            let names: Vec<(&str, &str)> = names.iter().map(|(k, l)| (*k, l.as_str())).collect();
            field(p, more, &names);
        }
        ["architecture", more @ ..] => {
            p.context.push("architecture views".into());
            p.noun = Some("the architecture views");
            if let [view, fields @ ..] = more {
                match VIEWS.iter().find(|(k, _)| k == view) {
                    Some((_, label)) => {
                        p.context.push(format!("view “{label}”"));
                        p.noun = Some("an architecture view");
                        field(p, fields, &[("shows", "content"), ("location", "location"), ("status", "status")]);
                        if fields == ["status"] {
                            p.choices = Some(VIEW_STATUS);
                        }
                    }
                    None => unknown(p, more),
                }
            }
        }
        ["mds2"] => {
            p.field = Some("MDS2 answers".into());
            p.noun = Some("a list");
        }
        ["mds2", more @ ..] => {
            if item(p, "premarket/mds2", "MDS2 answer", more).is_some() {
                p.noun = Some("an MDS2 answer");
                field(
                    p,
                    &more[1..],
                    &[("question_id", "question"), ("answer", "answer"), ("note", "note"), ("confirmed", "confirmed mark")],
                );
                if more.get(1) == Some(&"answer") {
                    p.choices = Some(MDS2_VALUE);
                }
            } else {
                unknown(p, more);
            }
        }
        _ => field(
            p,
            rest,
            &[("not_applicable", "categories that do not apply"), ("architecture", "architecture views"), ("mds2", "MDS2 answers")],
        ),
    }
}

fn component_field(p: &mut Place, rest: &[&str]) {
    match rest {
        ["risk_ids", i] if i.parse::<usize>().is_ok() => {
            p.field = Some(format!("linked risk {}", i.parse::<usize>().unwrap_or(0) + 1));
        }
        ["monitoring", more @ ..] => {
            p.context.push("monitoring".into());
            p.noun = Some("the monitoring");
            field(p, more, &[("source", "source"), ("frequency", "frequency"), ("who", "who")]);
        }
        _ => {
            field(
                p,
                rest,
                &[
                    ("id", "id"),
                    ("name", "name"),
                    ("version", "version"),
                    ("group", "group"),
                    ("supplier", "supplier"),
                    ("purl", "package URL"),
                    ("cpe", "CPE"),
                    ("licence", "licence"),
                    ("kind", "kind"),
                    ("support", "level of support"),
                    ("end_of_support", "end of support"),
                    ("end_of_life", "end of life"),
                    ("monitoring", "monitoring"),
                    ("notes", "notes"),
                    ("risk_ids", "linked risks"),
                    ("sbom_ref", "SBOM reference"),
                ],
            );
            match rest {
                ["kind"] => p.choices = Some(COMPONENT_KIND),
                ["support"] => p.choices = Some(SUPPORT),
                _ => {}
            }
        }
    }
}

fn criteria(p: &mut Place, rest: &[&str]) {
    p.context.push("Risk criteria".into());
    p.noun = Some("the risk criteria");
    let level = |s: &str| s.parse::<usize>().ok().map(|i| i + 1);
    match rest {
        [] => {}
        ["axis"] => {
            p.field = Some("axis".into());
            p.noun = None;
            p.choices = Some(AXIS);
        }
        [key @ ("likelihood_levels" | "severity_levels"), more @ ..] => {
            let axis = &key[..key.len() - 7];
            match more {
                [] => p.field = Some(format!("{axis} scale")),
                [i] if level(i).is_some() => p.field = Some(format!("name of {axis} level {}", level(i).unwrap_or(0))),
                _ => unknown(p, more),
            }
            p.noun = None;
        }
        [key @ ("removed_likelihood_levels" | "removed_severity_levels"), more @ ..] => {
            let axis = if key.contains("likelihood") { "likelihood" } else { "severity" };
            match more {
                [] => p.field = Some(format!("kept names of removed {axis} levels")),
                [i] if level(i).is_some() => p.field = Some(format!("kept name of removed {axis} level {}", level(i).unwrap_or(0))),
                _ => unknown(p, more),
            }
            p.noun = None;
        }
        ["zones", more @ ..] => {
            p.noun = None;
            match more {
                [] => p.field = Some("zone grid".into()),
                [l] if level(l).is_some() => p.field = Some(format!("zones of likelihood level {}", level(l).unwrap_or(0))),
                [l, s] if level(l).is_some() && level(s).is_some() => {
                    p.field = Some(format!("zone of likelihood level {}, severity level {}", level(l).unwrap_or(0), level(s).unwrap_or(0)));
                    p.choices = Some(ZONE);
                }
                _ => unknown(p, more),
            }
        }
        _ => unknown(p, rest),
    }
}

impl Lookup for Plan {
    fn label(&self, collection: &str, index: usize) -> Option<String> {
        let text = match collection {
            "stakeholders" => self.stakeholders.get(index)?.name.clone(),
            "needs" => self.needs.get(index)?.text.clone(),
            "roles" => self.roles.get(index)?.name.clone(),
            "activities" => self.activities.get(index)?.name.clone(),
            "risks" => self.risks.get(index)?.id.clone(),
            "controls" => self.controls.get(index)?.id.clone(),
            "components" => self.components.get(index)?.id.clone(),
            "premarket/mds2" => self.premarket.mds2.get(index)?.question_id.clone(),
            "user_needs" => self.user_needs.get(index)?.id.clone(),
            "project/inputs" => self.project.inputs.get(index)?.label.clone(),
            "project/outputs" => self.project.outputs.get(index)?.label.clone(),
            "document/attendees" => self.document.attendees.get(index)?.name.clone(),
            "need_links" => {
                let link = self.need_links.get(index)?;
                let s = self.stakeholders.iter().find(|s| s.id == link.stakeholder_id).map(|s| s.name.as_str());
                let n = self.needs.iter().find(|n| n.id == link.need_id).map(|n| n.text.as_str());
                return pair(s, n);
            }
            "raci" => {
                let cell = self.raci.get(index)?;
                let r = self.roles.iter().find(|r| r.id == cell.role_id).map(|r| r.name.as_str());
                let a = self.activities.iter().find(|a| a.id == cell.activity_id).map(|a| a.name.as_str());
                return pair(r, a);
            }
            _ => return None,
        };
        usable(collection, text)
    }

    fn levels(&self, axis: &str) -> Option<usize> {
        Some(if axis == "likelihood" { self.criteria.likelihood_levels.len() } else { self.criteria.severity_levels.len() })
    }
}

/// The JSON of a plan (the `plan` member of a file), as far as it goes.
pub(crate) struct JsonPlan<'a>(pub Option<&'a Value>);

impl JsonPlan<'_> {
    fn get(&self, path: &str) -> Option<&Value> {
        path.split('/').try_fold(self.0?, |v, key| v.get(key))
    }
    fn find_name(&self, collection: &str, id: Option<&str>, field: &str) -> Option<String> {
        let id = id?;
        let items = self.get(collection)?.as_array()?;
        items.iter().find(|i| i.get("id").and_then(Value::as_str) == Some(id))?.get(field)?.as_str().map(str::to_string)
    }
}

impl Lookup for JsonPlan<'_> {
    fn label(&self, collection: &str, index: usize) -> Option<String> {
        let item = self.get(collection)?.get(index)?;
        let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_string);
        match collection {
            "stakeholders" | "roles" | "activities" => usable(collection, text("name")?),
            "needs" => usable(collection, text("text")?),
            "risks" | "controls" | "user_needs" | "components" => usable(collection, text("id")?),
            "premarket/mds2" => usable(collection, text("question_id")?),
            "project/inputs" | "project/outputs" => usable(collection, text("label")?),
            "document/attendees" => usable(collection, text("name")?),
            "need_links" => pair(
                self.find_name("stakeholders", item.get("stakeholder_id").and_then(Value::as_str), "name").as_deref(),
                self.find_name("needs", item.get("need_id").and_then(Value::as_str), "text").as_deref(),
            ),
            "raci" => pair(
                self.find_name("roles", item.get("role_id").and_then(Value::as_str), "name").as_deref(),
                self.find_name("activities", item.get("activity_id").and_then(Value::as_str), "name").as_deref(),
            ),
            _ => None,
        }
    }

    fn levels(&self, axis: &str) -> Option<usize> {
        self.get(&format!("criteria/{axis}_levels"))?.as_array().map(Vec::len)
    }
}

/// A label is used only when it says something: risks by a well-formed id,
/// other items by a name that is not blank.
fn usable(collection: &str, text: String) -> Option<String> {
    if collection == "premarket/mds2" {
        return crate::plan::model::is_question_id(&text).then_some(text);
    }
    if collection == "risks" || collection == "components" {
        let ok = !text.is_empty() && text.len() <= 20 && text.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        return ok.then_some(text);
    }
    (!text.trim().is_empty()).then_some(text)
}

fn pair(a: Option<&str>, b: Option<&str>) -> Option<String> {
    let (a, b) = (a?.trim(), b?.trim());
    (!a.is_empty() && !b.is_empty()).then(|| format!("{} × {}", quoted(&shorten(a, 30)), quoted(&shorten(b, 30))))
}
