//! The component register: the third-party components of the product (what
//! an SBOM lists), each with what FDA asks of it (its level of support and
//! when support ends) and how the team watches it for vulnerabilities
//! (format version 6).
//!
//! A component comes from an imported SBOM (CycloneDX or SPDX, read by
//! `plan::sbom`) or is typed in. What the SBOM says (name, version,
//! supplier, identifiers, licence, kind) is refreshed by a
//! re-import; what the team writes (monitoring, notes, linked risks) is
//! theirs and survives it. `sbom_ref` is the component's `bom-ref`
//! (CycloneDX) or `SPDXID` (SPDX) in the SBOM it came from, so a re-import
//! of that SBOM finds it again; it is not a link to an item of the plan
//! (the merge follows fields named `…_id`/`…_ids` as links).
//!
//! Hashes are not kept: a SHA-256 with its algorithm is about 100 bytes a
//! component, half a megabyte of a 4 MB plan file at 5,000 components, and
//! the register is about support and monitoring; the build's own SBOM
//! keeps the digests.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The longest package URL, CPE, licence or SBOM reference, in characters:
/// longer than a name (a purl with qualifiers, a licence expression), still
/// bounded so that 5,000 components fit in a plan file.
pub const MAX_REF_LEN: usize = 1_000;

/// What kind of thing a component is: CycloneDX's component types, written
/// in snake case (`operating_system` for CycloneDX's `operating-system`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    Application,
    Framework,
    Library,
    Container,
    Platform,
    OperatingSystem,
    Device,
    DeviceDriver,
    Firmware,
    File,
    Other,
}

impl ComponentKind {
    pub const ALL: [ComponentKind; 11] = [
        ComponentKind::Application,
        ComponentKind::Framework,
        ComponentKind::Library,
        ComponentKind::Container,
        ComponentKind::Platform,
        ComponentKind::OperatingSystem,
        ComponentKind::Device,
        ComponentKind::DeviceDriver,
        ComponentKind::Firmware,
        ComponentKind::File,
        ComponentKind::Other,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ComponentKind::Application => "Application",
            ComponentKind::Framework => "Framework",
            ComponentKind::Library => "Library",
            ComponentKind::Container => "Container",
            ComponentKind::Platform => "Platform",
            ComponentKind::OperatingSystem => "Operating system",
            ComponentKind::Device => "Device",
            ComponentKind::DeviceDriver => "Device driver",
            ComponentKind::Firmware => "Firmware",
            ComponentKind::File => "File",
            ComponentKind::Other => "Other",
        }
    }

    /// The CycloneDX `type` word ("operating-system").
    pub fn cyclonedx(self) -> &'static str {
        match self {
            ComponentKind::Application => "application",
            ComponentKind::Framework => "framework",
            ComponentKind::Library => "library",
            ComponentKind::Container => "container",
            ComponentKind::Platform => "platform",
            ComponentKind::OperatingSystem => "operating-system",
            ComponentKind::Device => "device",
            ComponentKind::DeviceDriver => "device-driver",
            ComponentKind::Firmware => "firmware",
            ComponentKind::File => "file",
            ComponentKind::Other => "other",
        }
    }

    /// The kind a CycloneDX `type` names; a type this list does not hold
    /// (CycloneDX 1.5's `machine-learning-model`, `data`, 1.6's
    /// `cryptographic-asset`) is `Other`.
    pub fn from_cyclonedx(word: &str) -> ComponentKind {
        ComponentKind::ALL.into_iter().find(|k| k.cyclonedx() == word).unwrap_or(ComponentKind::Other)
    }
}

/// The level of support FDA asks for, per component: whether its maker
/// still maintains it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SupportLevel {
    ActivelyMaintained,
    NoLongerMaintained,
    Abandoned,
    /// Not known yet: a gap until the team finds out.
    Unknown,
}

impl SupportLevel {
    pub const ALL: [SupportLevel; 4] =
        [SupportLevel::ActivelyMaintained, SupportLevel::NoLongerMaintained, SupportLevel::Abandoned, SupportLevel::Unknown];

    pub fn label(self) -> &'static str {
        match self {
            SupportLevel::ActivelyMaintained => "Actively maintained",
            SupportLevel::NoLongerMaintained => "No longer maintained",
            SupportLevel::Abandoned => "Abandoned",
            SupportLevel::Unknown => "Unknown",
        }
    }

    /// Its maker no longer maintains it (no longer maintained, or abandoned).
    pub fn unsupported(self) -> bool {
        matches!(self, SupportLevel::NoLongerMaintained | SupportLevel::Abandoned)
    }
}

/// How the team watches a component for vulnerabilities and end of support.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Monitoring {
    /// Where they look ("NVD", "vendor advisories", "GitHub security advisories").
    pub source: String,
    /// How often ("weekly", "on every release build").
    pub frequency: String,
    /// Who does it, as the team names them (as a risk's owner is named).
    pub who: String,
}

impl Monitoring {
    pub fn is_empty(&self) -> bool {
        self.source.trim().is_empty() && self.frequency.trim().is_empty() && self.who.trim().is_empty()
    }
}

/// One third-party component of the product.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Component {
    /// Stable identifier, e.g. "CMP-001"; shown to users.
    pub id: String,
    pub name: String,
    /// As the supplier writes it ("3.0.2", "1.2.13-r0"); may be empty.
    pub version: String,
    /// The namespace the supplier publishes it under ("org.apache.logging.log4j"); may be empty.
    pub group: String,
    /// Who supplies it (an organisation or person); may be empty.
    pub supplier: String,
    /// Package URL ("pkg:npm/lodash@4.17.21"); may be empty.
    pub purl: String,
    /// CPE name ("cpe:2.3:a:openssl:openssl:3.0.2:*:*:*:*:*:*:*"); may be empty.
    pub cpe: String,
    /// Its licence: an SPDX id ("MIT"), a name, or an expression ("MIT OR Apache-2.0"); may be empty.
    pub licence: String,
    pub kind: ComponentKind,
    /// Its level of support.
    pub support: SupportLevel,
    /// When its maker stops supporting it, YYYY-MM-DD; empty when not known.
    pub end_of_support: String,
    /// When it reaches end of life, YYYY-MM-DD; empty when not known.
    pub end_of_life: String,
    pub monitoring: Monitoring,
    pub notes: String,
    /// The risks of the register it bears on.
    pub risk_ids: Vec<String>,
    /// Its `bom-ref` (CycloneDX) or `SPDXID` (SPDX) in the SBOM it came
    /// from, so a re-import finds it; empty when typed in.
    pub sbom_ref: String,
}

impl Component {
    /// A component with only a name, of unknown support.
    pub fn new(id: String, name: &str) -> Component {
        Component {
            id,
            name: name.trim().into(),
            version: String::new(),
            group: String::new(),
            supplier: String::new(),
            purl: String::new(),
            cpe: String::new(),
            licence: String::new(),
            kind: ComponentKind::Library,
            support: SupportLevel::Unknown,
            end_of_support: String::new(),
            end_of_life: String::new(),
            monitoring: Monitoring::default(),
            notes: String::new(),
            risk_ids: Vec::new(),
            sbom_ref: String::new(),
        }
    }

    /// "openssl 3.0.2" (the group, when there is one, before the name:
    /// "org.apache.logging.log4j/log4j-core 2.17.1").
    pub fn title(&self) -> String {
        let name = match self.group.trim() {
            "" => self.name.trim().to_string(),
            group => format!("{group}/{}", self.name.trim()),
        };
        match self.version.trim() {
            "" => name,
            version => format!("{name} {version}"),
        }
    }

    /// Whether its support ends before `date` (YYYY-MM-DD; dates of this
    /// form compare as text). False when either date is not known.
    pub fn support_ends_before(&self, date: &str) -> bool {
        !self.end_of_support.is_empty() && !date.is_empty() && self.end_of_support.as_str() < date
    }
}

/// The component texts a view edits one by one, as one table (as
/// [`super::PlanText`] is for the plan's own texts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComponentText {
    Name,
    Version,
    Group,
    Supplier,
    Purl,
    Cpe,
    Licence,
    EndOfSupport,
    EndOfLife,
    MonitoringSource,
    MonitoringFrequency,
    MonitoringWho,
    Notes,
}

impl ComponentText {
    pub const ALL: [ComponentText; 13] = [
        ComponentText::Name,
        ComponentText::Version,
        ComponentText::Group,
        ComponentText::Supplier,
        ComponentText::Purl,
        ComponentText::Cpe,
        ComponentText::Licence,
        ComponentText::EndOfSupport,
        ComponentText::EndOfLife,
        ComponentText::MonitoringSource,
        ComponentText::MonitoringFrequency,
        ComponentText::MonitoringWho,
        ComponentText::Notes,
    ];

    pub fn label(self) -> &'static str {
        match self {
            ComponentText::Name => "Name",
            ComponentText::Version => "Version",
            ComponentText::Group => "Group",
            ComponentText::Supplier => "Supplier",
            ComponentText::Purl => "Package URL",
            ComponentText::Cpe => "CPE",
            ComponentText::Licence => "Licence",
            ComponentText::EndOfSupport => "End of support",
            ComponentText::EndOfLife => "End of life",
            ComponentText::MonitoringSource => "Monitored in",
            ComponentText::MonitoringFrequency => "How often",
            ComponentText::MonitoringWho => "Who monitors it",
            ComponentText::Notes => "Notes",
        }
    }

    /// A date field (YYYY-MM-DD or empty).
    pub fn is_date(self) -> bool {
        matches!(self, ComponentText::EndOfSupport | ComponentText::EndOfLife)
    }

    pub fn get(self, c: &Component) -> &String {
        match self {
            ComponentText::Name => &c.name,
            ComponentText::Version => &c.version,
            ComponentText::Group => &c.group,
            ComponentText::Supplier => &c.supplier,
            ComponentText::Purl => &c.purl,
            ComponentText::Cpe => &c.cpe,
            ComponentText::Licence => &c.licence,
            ComponentText::EndOfSupport => &c.end_of_support,
            ComponentText::EndOfLife => &c.end_of_life,
            ComponentText::MonitoringSource => &c.monitoring.source,
            ComponentText::MonitoringFrequency => &c.monitoring.frequency,
            ComponentText::MonitoringWho => &c.monitoring.who,
            ComponentText::Notes => &c.notes,
        }
    }

    pub fn get_mut(self, c: &mut Component) -> &mut String {
        match self {
            ComponentText::Name => &mut c.name,
            ComponentText::Version => &mut c.version,
            ComponentText::Group => &mut c.group,
            ComponentText::Supplier => &mut c.supplier,
            ComponentText::Purl => &mut c.purl,
            ComponentText::Cpe => &mut c.cpe,
            ComponentText::Licence => &mut c.licence,
            ComponentText::EndOfSupport => &mut c.end_of_support,
            ComponentText::EndOfLife => &mut c.end_of_life,
            ComponentText::MonitoringSource => &mut c.monitoring.source,
            ComponentText::MonitoringFrequency => &mut c.monitoring.frequency,
            ComponentText::MonitoringWho => &mut c.monitoring.who,
            ComponentText::Notes => &mut c.notes,
        }
    }
}

/// The register's filters, as pure choices the view only calls.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComponentFilter {
    All,
    /// Level of support not known: a gap.
    UnknownSupport,
    /// No longer maintained, or abandoned.
    Unsupported,
    /// Support ends before the product's planned end of support (A.1).
    EndsBeforeProduct,
}

impl ComponentFilter {
    pub const ALL: [ComponentFilter; 4] =
        [ComponentFilter::All, ComponentFilter::UnknownSupport, ComponentFilter::Unsupported, ComponentFilter::EndsBeforeProduct];

    pub fn label(self) -> &'static str {
        match self {
            ComponentFilter::All => "All components",
            ComponentFilter::UnknownSupport => "Support not known",
            ComponentFilter::Unsupported => "No longer maintained or abandoned",
            ComponentFilter::EndsBeforeProduct => "Support ends before the product’s",
        }
    }

    /// Whether `c` shows under this filter; `product_end` is the product's
    /// planned end of support (empty: not decided, so no component's support
    /// ends before it).
    pub fn matches(self, c: &Component, product_end: &str) -> bool {
        match self {
            ComponentFilter::All => true,
            ComponentFilter::UnknownSupport => c.support == SupportLevel::Unknown,
            ComponentFilter::Unsupported => c.support.unsupported(),
            ComponentFilter::EndsBeforeProduct => c.support_ends_before(product_end),
        }
    }
}

impl super::Plan {
    /// The components `filter` shows, in the register's order.
    pub fn filtered_components(&self, filter: ComponentFilter) -> Vec<&Component> {
        self.components.iter().filter(|c| filter.matches(c, &self.project.end_of_support)).collect()
    }
}
