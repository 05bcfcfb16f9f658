//! The MDS2 draft: the Manufacturer Disclosure Statement for Medical Device
//! Security (ANSI/NEMA HN 1-2019) as far as the plan can answer it.
//!
//! The form has a DOC block and 22 security sections ([`SECTIONS`]). Each
//! section here carries a question set **written in our own words**: the
//! standard's question text is NEMA's and is not copied. Question ids follow
//! the form's numbering ("AUDT-2.8.1"), as seen in published filled-in
//! forms, so an answer can be pasted against the right row of NEMA's
//! workbook; we ask a subset (about 140 of the form's roughly 240
//! questions), the top-level question of every item and the sub-questions
//! the plan can inform. Always check the row in the workbook.
//!
//! Drafting rules ([`draft`]), each answer naming the plan item it came from:
//! - DOC from A.1 (product, summary), the disclosure contact and coordinated
//!   disclosure (A.3) and the Global System architecture view.
//! - CSUP, RDMP and SBOM from A.3 (updates, third-party monitoring,
//!   suppliers, the SBOM approach) and the component register (kinds of
//!   component, suppliers, versions, support ending before the product's).
//! - Control sections from controls by security control category: a
//!   question tied to a category is drafted "Yes" when controls carry it
//!   (the note names them) and "No" when the team recorded why the category
//!   does not apply (the note gives the reason). Otherwise it stays blank.
//! - Gating questions: when a gate's answer is the one that closes its
//!   section ("if no, the rest are N/A"), the questions under it that the
//!   team has not answered are N/A.
//!
//! Every drafted answer says "Drafted from the plan — confirm". The team's
//! stored answers ([`crate::plan::model::Mds2Answer`]) override the draft:
//! "Confirmed", or "Edited — confirm" until confirmed. For the DOC block's
//! text questions the answer is text, kept in the note.

use super::{filled, Target};
use crate::common::words::count;
use crate::plan::deliverables::Fix;
use crate::plan::model::{
    Component, ComponentKind, ControlKind, Mds2Answer, Mds2Value, Plan, PlanText, SecurityCategory, ViewKind, ViewStatus,
};
use crate::report::{Block, Cell, Document, Orientation, Part, PartKey, Properties, Table};

/// One section of the form.
#[derive(Debug, PartialEq)]
pub struct Section {
    /// "AUDT"; "DOC" for the document block.
    pub id: &'static str,
    pub name: &'static str,
    pub questions: &'static [Question],
}

/// What kind of answer a question takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// Yes / No / N/A, with a note.
    YesNo,
    /// A text (the DOC block's names, ids and dates), kept in the note.
    Text,
}

/// One question, in our words.
#[derive(Debug, PartialEq)]
pub struct Question {
    /// The form's number ("AUDT-2.8.1").
    pub id: &'static str,
    pub prompt: &'static str,
    pub kind: Kind,
    /// A gating question: when answered with this value, the questions
    /// whose ids start with `gate_scope` are N/A.
    pub gate: Option<(Mds2Value, &'static str)>,
}

const fn q(id: &'static str, prompt: &'static str) -> Question {
    Question { id, prompt, kind: Kind::YesNo, gate: None }
}

const fn text(id: &'static str, prompt: &'static str) -> Question {
    Question { id, prompt, kind: Kind::Text, gate: None }
}

const fn gate(id: &'static str, prompt: &'static str, closes_on: Mds2Value, scope: &'static str) -> Question {
    Question { id, prompt, kind: Kind::YesNo, gate: Some((closes_on, scope)) }
}

use Mds2Value::{No as NO, Yes as YES};

/// The DOC block and the 22 security sections, in the form's order.
pub static SECTIONS: [Section; 23] = [
    Section {
        id: "DOC",
        name: "Device and document",
        questions: &[
            text("DOC-1", "Who makes the device (the manufacturer's name)?"),
            text("DOC-2", "What the device is, in a sentence."),
            text("DOC-3", "The model name or number, and version, this statement covers."),
            text("DOC-4", "This statement's own document id."),
            text("DOC-5", "How to reach the manufacturer about security."),
            text("DOC-6", "How the device is meant to be used on a network."),
            text("DOC-7", "When this statement was released."),
            q("DOC-8", "Does the manufacturer run a coordinated vulnerability disclosure programme for this device?"),
            q("DOC-9", "Does the manufacturer take part in an information sharing and analysis organisation (ISAO)?"),
            q("DOC-10", "Is there a diagram of the device's network connections or data flows?"),
            q("DOC-11", "Is the device software only (software as a medical device)?"),
        ],
    },
    Section {
        id: "MPII",
        name: "Management of personally identifiable information",
        questions: &[
            gate("MPII-1", "Can the device show, send, keep or change personal data such as ePHI? (If not, the rest of this section is N/A.)", NO, "MPII-"),
            q("MPII-2", "Does the device keep personal data?"),
            q("MPII-2.2", "Is personal data kept persistently on internal storage?"),
            q("MPII-2.4", "Is personal data kept in a database?"),
            q("MPII-2.6", "Does the device exchange personal data with other systems?"),
            q("MPII-3", "Does the device have ways to send, import or export personal data?"),
            q("MPII-3.3", "Is personal data read from or written to removable media?"),
            q("MPII-3.5", "Does personal data travel over a wired network?"),
            q("MPII-3.6", "Does personal data travel over a wireless link?"),
            q("MPII-3.7", "Does personal data travel over an external network such as the internet?"),
        ],
    },
    Section {
        id: "ALOF",
        name: "Automatic logoff",
        questions: &[
            q("ALOF-1", "Can the device be set to ask for a fresh login after a period without activity?"),
            q("ALOF-2", "Can users or administrators set how long that period is?"),
        ],
    },
    Section {
        id: "AUDT",
        name: "Audit controls",
        questions: &[
            q("AUDT-1", "Does the device keep audit logs of its own, beyond the operating system's?"),
            q("AUDT-1.1", "Do log entries name the user?"),
            gate("AUDT-2", "Are security-relevant events written to an audit log? (If not, the list of events below is N/A.)", NO, "AUDT-2."),
            q("AUDT-2.1", "Logged: logins and logouts that succeed?"),
            q("AUDT-2.2", "Logged: logins that fail?"),
            q("AUDT-2.8.1", "Logged: service sessions, remote or on site?"),
            q("AUDT-2.10", "Logged: other events, such as software updates?"),
            q("AUDT-3", "Can the operator choose which events are logged?"),
            q("AUDT-4.1", "Do log entries carry the date and time?"),
            q("AUDT-5", "Can the log be exported?"),
            q("AUDT-6", "Can the operator review the logs?"),
            q("AUDT-7", "Are the logs protected against change?"),
        ],
    },
    Section {
        id: "AUTH",
        name: "Authorization",
        questions: &[
            q("AUTH-1", "Does a login or a similar mechanism keep unauthorised users out?"),
            q("AUTH-2", "Can users be given different privileges by role (user, administrator, service)?"),
            q("AUTH-3", "Can the operator give themselves unrestricted administrator rights?"),
            q("AUTH-4", "Does the device check authorisation for every API request?"),
            q("AUTH-5", "Does the device run in a locked-down (kiosk) mode by default?"),
        ],
    },
    Section {
        id: "CSUP",
        name: "Cybersecurity product upgrades",
        questions: &[
            gate(
                "CSUP-1",
                "Does the device hold software or firmware that may need security updates during its life? (If not, the rest of this section is N/A.)",
                NO,
                "CSUP-",
            ),
            q("CSUP-2", "Does it contain an operating system?"),
            q("CSUP-3", "Does it contain drivers or firmware?"),
            q("CSUP-4", "Does it contain anti-malware software?"),
            q("CSUP-5", "Does it contain other off-the-shelf components besides the operating system?"),
            q("CSUP-7", "Are customers told when an update is approved for installation?"),
            q("CSUP-8", "Does the device install updates by itself?"),
            q("CSUP-11", "Does the manufacturer assess vulnerabilities and updates for the device?"),
        ],
    },
    Section {
        id: "DIDT",
        name: "Health data de-identification",
        questions: &[q("DIDT-1", "Can the device itself strip identifying data from records?")],
    },
    Section {
        id: "DTBK",
        name: "Data backup and disaster recovery",
        questions: &[
            q("DTBK-1", "Is the device the long-term primary store of patient data?"),
            q("DTBK-2", "Can the device be reset to its factory settings?"),
            q("DTBK-3", "Can the device back up data to removable media?"),
            q("DTBK-5", "Can configuration, patches and software be backed up and restored?"),
            q("DTBK-6", "Can a backup's integrity and authenticity be checked?"),
        ],
    },
    Section {
        id: "EMRG",
        name: "Emergency access",
        questions: &[q("EMRG-1", "Is there a break-glass way to reach patient data in an emergency?")],
    },
    Section {
        id: "IGAU",
        name: "Health data integrity and authenticity",
        questions: &[
            q("IGAU-1", "Does the device check that stored health data has not been altered (a hash, a signature)?"),
            q("IGAU-2", "Does it protect stored health data against failures and recover it (for example RAID)?"),
        ],
    },
    Section {
        id: "MLDP",
        name: "Malware detection/protection",
        questions: &[
            q("MLDP-1", "Can the device host and run executable software?"),
            gate("MLDP-2", "Does it support anti-malware software or another anti-malware mechanism? (If not, its details below are N/A.)", NO, "MLDP-2."),
            q("MLDP-2.1", "Is anti-malware included by default?"),
            q("MLDP-3", "Where anti-malware cannot be installed, are other compensating controls in place?"),
            q("MLDP-4", "Does it allow only approved software and services to run (allow-listing)?"),
            q("MLDP-5", "Does it use host-based intrusion detection or prevention?"),
        ],
    },
    Section {
        id: "NAUT",
        name: "Node authentication",
        questions: &[
            q("NAUT-1", "Do the device and its communication partners authenticate each other?"),
            q("NAUT-2", "Does it support network access control, such as its own firewall or an allow-list of connections?"),
            q("NAUT-3", "Does it authenticate network connections with certificates?"),
        ],
    },
    Section {
        id: "CONN",
        name: "Connectivity capabilities",
        questions: &[
            q("CONN-1", "Does the device have hardware ways to connect (wired, wireless, ports)?"),
            q("CONN-1.1", "Wireless connections?"),
            q("CONN-1.2", "Physical connections?"),
            q("CONN-2", "Does the manufacturer list the network ports and protocols the device uses?"),
            q("CONN-3", "Does it talk to other systems inside the customer's network?"),
            q("CONN-4", "Does it talk to systems outside the customer's network, such as a service host?"),
            q("CONN-5", "Does it make or accept API calls?"),
            q("CONN-6", "Does its intended use need an internet connection?"),
            q("CONN-7", "Does it support TLS?"),
            q("CONN-8", "Can it be operated from another device (telemedicine)?"),
        ],
    },
    Section {
        id: "PAUT",
        name: "Person authentication",
        questions: &[
            q("PAUT-1", "Does it support and enforce a unique login for every user and role, service accounts included?"),
            q("PAUT-2", "Can it authenticate users against an external directory service?"),
            q("PAUT-3", "Can it lock a user out after repeated failed logins?"),
            q("PAUT-4", "Are all default accounts listed in the documentation?"),
            q("PAUT-5", "Can every password be changed?"),
            q("PAUT-6", "Can it enforce the organisation's password complexity rules?"),
            q("PAUT-8", "Does it support multi-factor authentication?"),
            q("PAUT-9", "Does it support single sign-on?"),
            q("PAUT-10", "Can accounts be disabled or locked?"),
            q("PAUT-14", "Does it store or manage login credentials?"),
            q("PAUT-14.1", "Are stored credentials protected?"),
        ],
    },
    Section {
        id: "PLOK",
        name: "Physical locks",
        questions: &[
            gate("PLOK-1", "Is the device software only? (If so, the rest of this section is N/A.)", YES, "PLOK-"),
            q("PLOK-2", "Are the parts holding personal data fixed so they cannot be removed without tools?"),
            q("PLOK-3", "Are those parts behind an individually keyed lock?"),
            q("PLOK-4", "Can the customer lock access to removable media?"),
        ],
    },
    Section {
        id: "RDMP",
        name: "Roadmap for third party components in device life cycle",
        questions: &[
            q("RDMP-1", "Was a secure development process followed (for example IEC 62304, IEC 81001-5-1, the JSP)?"),
            q("RDMP-2", "Does the manufacturer assess third-party components for secure development practice?"),
            q("RDMP-3", "Does the manufacturer publish software support dates and updates (a web page or similar)?"),
            q("RDMP-4", "Is there a plan for third-party components that reach end of life?"),
        ],
    },
    Section {
        id: "SBOM",
        name: "Software bill of materials",
        questions: &[
            q("SBOM-1", "Is the product's SBOM available to customers?"),
            q("SBOM-2", "Does it describe components in a standard format?"),
            q("SBOM-2.1", "Are the components identified?"),
            q("SBOM-2.2", "Are their makers or suppliers identified?"),
            q("SBOM-2.3", "Are their versions identified?"),
            q("SBOM-3", "Can the device itself list the software installed on it?"),
            q("SBOM-4", "Is the SBOM kept up to date by a defined process?"),
        ],
    },
    Section {
        id: "SAHD",
        name: "System and application hardening",
        questions: &[
            q("SAHD-1", "Is the device hardened to an industry standard?"),
            q("SAHD-2", "Does it hold cybersecurity certifications?"),
            q("SAHD-3", "Does it check the integrity of its software?"),
            q("SAHD-3.1", "Does it check that installed software is the manufacturer's (a hash, a signature)?"),
            q("SAHD-3.2", "Does it check that updates are the manufacturer's?"),
            q("SAHD-4", "Can the operator check that the software has not been tampered with?"),
            q("SAHD-6", "Are accounts that are not needed disabled or restricted when the device is delivered?"),
            q("SAHD-7", "Are shared resources the intended use does not need disabled?"),
            q("SAHD-8", "Are ports and protocols the intended use does not need disabled?"),
            q("SAHD-9", "Are services the intended use does not need removed or disabled?"),
            q("SAHD-10", "Are applications the intended use does not need removed or disabled?"),
            q("SAHD-11", "Can booting from removable or uncontrolled media be prevented?"),
            q("SAHD-12", "Can software or hardware be installed without tools and without authorisation?"),
            q("SAHD-14", "Can the device be hardened further than delivered?"),
        ],
    },
    Section {
        id: "SGUD",
        name: "Security guidance",
        questions: &[
            q("SGUD-1", "Does the device come with security documentation for the operator?"),
            q("SGUD-2", "Can data be deleted permanently, with instructions for doing it?"),
            q("SGUD-3", "Are all access accounts documented?"),
            q("SGUD-4", "Is there documentation of recommended compensating controls?"),
        ],
    },
    Section {
        id: "STCF",
        name: "Health data storage confidentiality",
        questions: &[
            q("STCF-1", "Can the device encrypt data at rest?"),
            q("STCF-2", "Can the encryption keys be changed or configured?"),
            q("STCF-3", "Is data kept in a database on the device?"),
            q("STCF-4", "Is data kept in a database outside the device?"),
        ],
    },
    Section {
        id: "TXCF",
        name: "Transmission confidentiality",
        questions: &[
            q("TXCF-1", "Is personal data sent only over a dedicated point-to-point cable?"),
            q("TXCF-2", "Is personal data encrypted before it is sent over a network or written to removable media?"),
            q("TXCF-3", "Is sending personal data limited to a fixed list of destinations?"),
            q("TXCF-4", "Are connections limited to authenticated systems?"),
            q("TXCF-5", "Are secure transmission methods supported (DICOM, HL7, IEEE 11073)?"),
        ],
    },
    Section {
        id: "TXIG",
        name: "Transmission integrity",
        questions: &[
            q("TXIG-1", "Does the device make sure data is not changed in transit (for example with signatures)?"),
            q("TXIG-2", "Is the device made of sub-components joined by external cables?"),
        ],
    },
    Section {
        id: "RMOT",
        name: "Remote service",
        questions: &[
            q("RMOT-1", "Can service staff connect remotely to analyse or repair the device?"),
            q("RMOT-1.1", "Can the operator start remote service sessions?"),
            q("RMOT-1.2", "Is an active remote session shown?"),
            q("RMOT-2", "Does the device use remote connections for predictive maintenance data?"),
            q("RMOT-3", "Does it have other remotely reachable functions (updates, training)?"),
        ],
    },
];

/// The question with this id, and its section.
pub fn question(id: &str) -> Option<(&'static Section, &'static Question)> {
    SECTIONS.iter().find_map(|s| s.questions.iter().find(|q| q.id == id).map(|q| (s, q)))
}

/// Where an answer stands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Status {
    /// Drafted from the plan; the team has yet to confirm it.
    Drafted,
    /// The plan does not hold the answer: the team answers it.
    NotInPlan,
    /// N/A because the gating question with this id closes its part.
    Gated(&'static str),
    /// The team changed it and has not confirmed it yet.
    Edited,
    /// The team confirmed it.
    Confirmed,
}

impl Status {
    pub fn label(&self) -> String {
        match self {
            Status::Drafted => "Drafted from the plan — confirm".into(),
            Status::NotInPlan => "Not in the plan — answer".into(),
            Status::Gated(id) => format!("N/A because of {id} — confirm"),
            Status::Edited => "Edited — confirm".into(),
            Status::Confirmed => "Confirmed".into(),
        }
    }
}

/// What an answer came from: a plan item, in words, and where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub label: String,
    pub target: Option<Target>,
}

/// One question with its answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub section: &'static Section,
    pub question: &'static Question,
    /// For Yes/No questions; `None` is blank.
    pub answer: Option<Mds2Value>,
    /// The note; for text questions, the answer.
    pub note: String,
    pub source: Option<Source>,
    pub status: Status,
}

impl Row {
    /// The answer as the workbook takes it: "Yes", "No", "N/A", the text of
    /// a text question, or empty.
    pub fn answer_text(&self) -> String {
        match self.question.kind {
            Kind::Text => self.note.trim().to_string(),
            Kind::YesNo => self.answer.map_or(String::new(), |a| a.label().to_string()),
        }
    }

    /// The note column: empty for text questions (their text is the answer).
    pub fn note_text(&self) -> &str {
        match self.question.kind {
            Kind::Text => "",
            Kind::YesNo => self.note.trim(),
        }
    }

    /// "Drafted from the plan — confirm: A.3 disclosure contact".
    pub fn source_text(&self) -> String {
        match &self.source {
            Some(s) => format!("{}: {}", self.status.label(), s.label),
            None => self.status.label(),
        }
    }
}

/// A drafted answer before the team's overrides and gates.
struct Drafted {
    answer: Option<Mds2Value>,
    note: String,
    source: Source,
}

fn src(label: impl Into<String>, target: Target) -> Source {
    Source { label: label.into(), target: Some(target) }
}

/// What the plan says to `question`, if anything.
fn draft_one(plan: &Plan, id: &str) -> Option<Drafted> {
    let m = &plan.management;
    let p = &plan.project;
    let yes = |note: String, source: Source| Some(Drafted { answer: Some(Mds2Value::Yes), note, source });
    let said = |note: &str, source: Source| Some(Drafted { answer: None, note: note.trim().to_string(), source });
    match id {
        "DOC-2" if filled(&p.description) => said(&p.description, src("A.1 project summary", Target::Plan(Fix::Text(PlanText::Summary)))),
        "DOC-3" if filled(&p.product) => said(&p.product, src("A.1 product", Target::Plan(Fix::Text(PlanText::Product)))),
        "DOC-5" if filled(&m.disclosure_contact) => {
            said(&m.disclosure_contact, src("A.3 disclosure contact", Target::Plan(Fix::Text(PlanText::DisclosureContact))))
        }
        "DOC-8" if filled(&m.vulnerability_disclosure) || filled(&m.disclosure_contact) => {
            let note = match m.disclosure_contact.trim() {
                "" => first_line(&m.vulnerability_disclosure),
                contact => format!("Report vulnerabilities to {contact}."),
            };
            let source = if filled(&m.disclosure_contact) {
                src("A.3 disclosure contact", Target::Plan(Fix::Text(PlanText::DisclosureContact)))
            } else {
                src("A.3 coordinated vulnerability disclosure", Target::Plan(Fix::Text(PlanText::Disclosure)))
            };
            yes(note, source)
        }
        "DOC-10" => {
            let v = &plan.premarket.architecture.global_system;
            (v.status == ViewStatus::Done).then(|| Drafted {
                answer: Some(Mds2Value::Yes),
                note: if filled(&v.location) { format!("See {}.", v.location.trim()) } else { String::new() },
                source: src("Architecture view: Global System", Target::View(ViewKind::GlobalSystem)),
            })
        }
        "CSUP-1" => {
            if !plan.components.is_empty() {
                yes(
                    format!("The component register lists {}.", count(plan.components.len(), "component")),
                    src("Component register", Target::Components),
                )
            } else if filled(&m.update_and_rollback) {
                yes(first_line(&m.update_and_rollback), src("A.3 update and rollback strategy", Target::Plan(Fix::Text(PlanText::Updates))))
            } else {
                None
            }
        }
        "CSUP-2" => of_kind(plan, |k| k == ComponentKind::OperatingSystem),
        "CSUP-3" => of_kind(plan, |k| matches!(k, ComponentKind::Firmware | ComponentKind::DeviceDriver)),
        "CSUP-5" => of_kind(plan, |k| !matches!(k, ComponentKind::OperatingSystem | ComponentKind::Firmware | ComponentKind::DeviceDriver)),
        "CSUP-11" if filled(&m.third_party_monitoring) => yes(
            first_line(&m.third_party_monitoring),
            src("A.3 third-party component vulnerabilities", Target::Plan(Fix::Text(PlanText::ThirdParty))),
        ),
        "RDMP-1" if filled(&m.security_and_safety_risk) => yes(
            "Developed under a security plan following the HSCC Joint Security Plan (JSP2).".into(),
            src("A.3 security risk alongside safety risk", Target::Plan(Fix::Text(PlanText::SafetyRisk))),
        ),
        "RDMP-2" if filled(&m.suppliers) => {
            yes(first_line(&m.suppliers), src("A.3 supplier and contractor expectations", Target::Plan(Fix::Text(PlanText::Suppliers))))
        }
        "RDMP-4" if filled(&m.third_party_monitoring) && !plan.components.is_empty() => {
            let eos = p.end_of_support.trim();
            let early = plan.components.iter().filter(|c| c.support_ends_before(eos)).count();
            let unsupported = plan.components.iter().filter(|c| c.support.unsupported()).count();
            let mut note = first_line(&m.third_party_monitoring);
            if !eos.is_empty() {
                note.push_str(&format!(" {} end support before the product ({eos}).", count(early, "component")));
            }
            if unsupported > 0 {
                note.push_str(&format!(" {} no longer maintained or abandoned.", count(unsupported, "component")));
            }
            yes(note, src("A.3 third-party component vulnerabilities and the component register", Target::Components))
        }
        "SBOM-1" if filled(&m.sbom.customer_access) => {
            let formats: Vec<&str> = m.sbom.formats.iter().map(|f| f.label()).collect();
            let note = match formats.is_empty() {
                true => first_line(&m.sbom.customer_access),
                false => format!("{} ({}).", first_line(&m.sbom.customer_access).trim_end_matches('.'), formats.join(", ")),
            };
            yes(note, src("A.3 SBOM approach: how customers get it", Target::Plan(Fix::Text(PlanText::SbomAccess))))
        }
        "SBOM-2" if !m.sbom.formats.is_empty() => {
            let formats: Vec<&str> = m.sbom.formats.iter().map(|f| f.label()).collect();
            yes(formats.join(", "), src("A.3 SBOM approach: format", Target::Plan(Fix::SbomFormat)))
        }
        "SBOM-2.1" if !plan.components.is_empty() => {
            yes(format!("{} listed.", count(plan.components.len(), "component")), src("Component register", Target::Components))
        }
        "SBOM-2.2" => every_component(plan, |c| filled(&c.supplier), "supplier"),
        "SBOM-2.3" => every_component(plan, |c| filled(&c.version), "version"),
        "SBOM-4" if filled(&m.sbom.generated_when) => yes(
            first_line(&m.sbom.generated_when),
            src("A.3 SBOM approach: when it is generated", Target::Plan(Fix::Text(PlanText::SbomWhen))),
        ),
        "SGUD-1" => {
            let labelling: Vec<&str> = plan.controls.iter().filter(|c| c.kind == ControlKind::Labelling).map(|c| c.id.as_str()).collect();
            (!labelling.is_empty()).then(|| Drafted {
                answer: Some(Mds2Value::Yes),
                note: format!("Labelling controls {}.", labelling.join(", ")),
                source: src("Labelling controls", Target::ControlCategories(labelling[0].to_string())),
            })
        }
        _ => category(id).and_then(|c| by_category(plan, c)),
    }
}

/// The security control category a control-section question is drafted from.
fn category(id: &str) -> Option<SecurityCategory> {
    use SecurityCategory as C;
    Some(match id {
        "AUDT-1" | "AUDT-2" => C::EventDetectionAndLogging,
        "AUTH-1" | "AUTH-2" => C::Authorization,
        "PAUT-1" | "NAUT-1" => C::Authentication,
        "IGAU-1" | "SAHD-3" | "SAHD-3.1" | "TXIG-1" => C::CodeDataAndExecutionIntegrity,
        "SAHD-3.2" => C::FirmwareAndSoftwareUpdates,
        "STCF-1" => C::Cryptography,
        "TXCF-2" => C::Confidentiality,
        "DTBK-5" => C::ResiliencyAndRecovery,
        _ => return None,
    })
}

/// "Yes" when controls carry the category (naming them), "No" when the team
/// recorded why it does not apply, nothing otherwise.
fn by_category(plan: &Plan, category: SecurityCategory) -> Option<Drafted> {
    let controls: Vec<&str> = plan.controls.iter().filter(|c| c.categories.contains(&category)).map(|c| c.id.as_str()).collect();
    let source = src(format!("Controls in “{}”", category.label()), Target::CategoryReason(category));
    if !controls.is_empty() {
        let descriptions: Vec<String> = plan
            .controls
            .iter()
            .filter(|c| c.categories.contains(&category))
            .map(|c| format!("{} {}", c.id, first_line(&c.description)).trim().to_string())
            .collect();
        return Some(Drafted { answer: Some(Mds2Value::Yes), note: descriptions.join("; "), source });
    }
    let reason = plan.premarket.not_applicable.get(category);
    filled(reason).then(|| Drafted {
        answer: Some(Mds2Value::No),
        note: first_line(reason),
        source: src(format!("Why “{}” does not apply", category.label()), Target::CategoryReason(category)),
    })
}

/// "Yes" when the register lists a component of such a kind, naming them.
fn of_kind(plan: &Plan, kind: impl Fn(ComponentKind) -> bool) -> Option<Drafted> {
    let found: Vec<String> = plan.components.iter().filter(|c| kind(c.kind)).map(Component::title).collect();
    (!found.is_empty()).then(|| Drafted {
        answer: Some(Mds2Value::Yes),
        note: shorten_list(&found),
        source: src("Component register", Target::Components),
    })
}

/// "Yes" when every component has `what`; otherwise a blank answer whose
/// note says how many lack it.
fn every_component(plan: &Plan, ok: impl Fn(&Component) -> bool, what: &str) -> Option<Drafted> {
    if plan.components.is_empty() {
        return None;
    }
    let lacking = plan.components.iter().filter(|c| !ok(c)).count();
    let source = src("Component register", Target::Components);
    Some(match lacking {
        0 => Drafted { answer: Some(Mds2Value::Yes), note: String::new(), source },
        n => Drafted { answer: None, note: format!("{} without a {what} in the register.", count(n, "component")), source },
    })
}

fn shorten_list(items: &[String]) -> String {
    match items.len() {
        0..=5 => items.join(", "),
        n => format!("{} and {} more", items[..5].join(", "), n - 5),
    }
}

/// The first line of a text, trimmed: a note should be short.
fn first_line(text: &str) -> String {
    text.trim().lines().next().unwrap_or_default().trim().to_string()
}

/// Every question of the form with its answer, in the form's order: the
/// team's where stored, else drafted from the plan, else blank; then the
/// gates applied.
pub fn draft(plan: &Plan) -> Vec<Row> {
    let mut rows: Vec<Row> = SECTIONS
        .iter()
        .flat_map(|section| section.questions.iter().map(move |question| (section, question)))
        .map(|(section, question)| match plan.mds2_answer(question.id) {
            Some(a) => Row {
                section,
                question,
                answer: a.answer,
                note: a.note.clone(),
                source: None,
                status: if a.confirmed { Status::Confirmed } else { Status::Edited },
            },
            None => match draft_one(plan, question.id) {
                Some(d) => Row { section, question, answer: d.answer, note: d.note, source: Some(d.source), status: Status::Drafted },
                None => Row { section, question, answer: None, note: String::new(), source: None, status: Status::NotInPlan },
            },
        })
        .collect();
    // Gates: the team's or the drafted answer that closes a part makes the
    // questions under it N/A, where the team has not answered them.
    let closing: Vec<(&'static str, &'static str)> = rows
        .iter()
        .filter_map(|r| r.question.gate.filter(|(closes_on, _)| r.answer == Some(*closes_on)).map(|(_, scope)| (r.question.id, scope)))
        .collect();
    for row in &mut rows {
        if matches!(row.status, Status::Confirmed | Status::Edited) {
            continue;
        }
        if let Some((gate, _)) = closing.iter().find(|(gate, scope)| row.question.id != *gate && row.question.id.starts_with(scope)) {
            row.answer = Some(Mds2Value::NotApplicable);
            row.status = Status::Gated(gate);
        }
    }
    rows
}

/// The row of one question.
pub fn row(plan: &Plan, question_id: &str) -> Option<Row> {
    draft(plan).into_iter().find(|r| r.question.id == question_id)
}

/// How many answers are drafted, confirmed, edited, and not in the plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Counts {
    pub questions: usize,
    pub drafted: usize,
    pub confirmed: usize,
    pub edited: usize,
    pub not_in_plan: usize,
}

pub fn counts(rows: &[Row]) -> Counts {
    let mut c = Counts { questions: rows.len(), ..Counts::default() };
    for r in rows {
        match r.status {
            Status::Drafted | Status::Gated(_) => c.drafted += 1,
            Status::Confirmed => c.confirmed += 1,
            Status::Edited => c.edited += 1,
            Status::NotInPlan => c.not_in_plan += 1,
        }
    }
    c
}

// --- Edits: through `plan::edit::apply`, as every edit ---------------------------

/// The team's answer to a question starts from what it shows now.
fn stored(plan: &Plan, question_id: &str) -> Mds2Answer {
    match (plan.mds2_answer(question_id), row(plan, question_id)) {
        (Some(a), _) => a.clone(),
        (None, Some(r)) => Mds2Answer { question_id: question_id.into(), answer: r.answer, note: r.note, confirmed: false },
        (None, None) => Mds2Answer { question_id: question_id.into(), answer: None, note: String::new(), confirmed: false },
    }
}

/// The team chooses an answer (`None`: left blank): it is theirs, confirmed.
pub fn set_answer(plan: &mut Plan, question_id: &str, answer: Option<Mds2Value>) {
    let mut a = stored(plan, question_id);
    a.answer = answer;
    a.confirmed = true;
    plan.set_mds2(a);
}

/// The team writes the note (for a text question, the answer); the answer
/// is theirs but not confirmed until they confirm it.
pub fn set_note(plan: &mut Plan, question_id: &str, note: String) {
    let mut a = stored(plan, question_id);
    a.note = note;
    plan.set_mds2(a);
}

/// The team confirms the answer shown (drafted or edited).
pub fn confirm(plan: &mut Plan, question_id: &str) {
    let mut a = stored(plan, question_id);
    a.confirmed = true;
    plan.set_mds2(a);
}

// --- Outputs ---------------------------------------------------------------------

/// The title line of every output.
pub const TITLE: &str = "MDS2 draft";

/// What every output says first: how it was made and what to do with it.
pub const INTRO: &str =
    "Drafted from the plan: each answer names the plan item it came from and stays a draft until the team confirms it. \
Question ids follow the numbering of the MDS2 form (ANSI/NEMA HN 1-2019); the prompts are our own words, not the standard's. \
Paste the answers into NEMA's MDS2 workbook, row by question id, and check each row there.";

/// The draft as a report-model document: a DOC part with the document
/// control block, then the 22 security sections (print, Markdown, Word).
pub fn report(plan: &Plan) -> Document {
    let rows = draft(plan);
    let c = counts(&rows);
    let d = &plan.document;
    let mut doc_blocks = vec![
        Block::Kicker("Manufacturer Disclosure Statement for Medical Device Security · draft".into()),
        Block::Heading { level: 2, text: "Document control".into() },
        Block::Facts(vec![
            ("Plan".into(), dash(&plan.name)),
            ("Plan document id".into(), dash(&d.document_id)),
            ("Revision".into(), dash(&d.revision)),
            ("Author".into(), dash(&d.author)),
            ("Product".into(), dash(&plan.project.product)),
            ("Last edited".into(), plan.updated_at.get(..10).unwrap_or(&plan.updated_at).to_string()),
        ]),
        Block::Paragraph(INTRO.into()),
        Block::Paragraph(format!(
            "{} questions: {} drafted from the plan, {} confirmed, {} edited and not yet confirmed, {} not in the plan.",
            c.questions, c.drafted, c.confirmed, c.edited, c.not_in_plan
        )),
    ];
    doc_blocks.push(section_table(&rows, "DOC"));
    let mut parts = vec![Part {
        key: PartKey::Mds2Doc,
        title: format!("{TITLE}: {}", dash(&plan.project.product)),
        orientation: Orientation::Portrait,
        blocks: doc_blocks,
    }];
    let mut blocks = Vec::new();
    for section in SECTIONS.iter().filter(|s| s.id != "DOC") {
        blocks.push(Block::Heading { level: 2, text: format!("{} — {}", section.id, section.name) });
        blocks.push(section_table(&rows, section.id));
    }
    parts.push(Part { key: PartKey::Mds2Sections, title: "Security sections".into(), orientation: Orientation::Landscape, blocks });
    Document {
        properties: Properties {
            title: format!("{TITLE}: {}", dash(&plan.project.product)),
            subject: "Manufacturer Disclosure Statement for Medical Device Security (draft)".into(),
            author: d.author.trim().to_string(),
            document_id: d.document_id.trim().to_string(),
            revision: d.revision.trim().to_string(),
            footer: format!("{} · {TITLE}", crate::plan::export::page_footer(plan)),
        },
        parts,
    }
}

fn dash(text: &str) -> String {
    match text.trim() {
        "" => "—".into(),
        t => t.into(),
    }
}

fn section_table(rows: &[Row], section: &str) -> Block {
    let rows = rows
        .iter()
        .filter(|r| r.section.id == section)
        .map(|r| {
            vec![
                Cell::row_header(r.question.id),
                Cell::text(r.question.prompt),
                Cell { strong: r.answer_text(), ..Cell::default() },
                Cell::text(r.note_text()),
                Cell::text(r.source_text()),
            ]
        })
        .collect();
    Block::Table(Table { kind: "mds2", header: ["Question", "Prompt", "Answer", "Note", "Source"].map(String::from).to_vec(), rows })
}

/// The draft as CSV to paste into NEMA's workbook: section id, question id,
/// prompt, answer, note, source; cells a spreadsheet would run as a formula
/// are defused.
pub fn csv(plan: &Plan) -> String {
    let mut rows = vec![["Section", "Question", "Prompt", "Answer", "Note", "Source"].map(String::from).to_vec()];
    for r in draft(plan) {
        rows.push(vec![
            r.section.id.to_string(),
            r.question.id.to_string(),
            r.question.prompt.to_string(),
            r.answer_text(),
            r.note_text().to_string(),
            r.source_text(),
        ]);
    }
    crate::plan::export::to_csv(rows)
}
