//! CycloneDX JSON (1.4, 1.5, 1.6): reading its components into the
//! register's terms, and writing the register as a CycloneDX 1.6 SBOM.
//!
//! Read: `components[]` and the components nested in each (flattened,
//! each after its parent); `metadata.component` is the product itself, not
//! one of its components. The supplier is `supplier.name`, else
//! `manufacturer.name` (1.6), else `author` (1.4), else `authors[].name`
//! (1.6), else `publisher`. Licences are `{license: {id}}`,
//! `{license: {name}}` or `{expression}`; several are joined with ", "
//! (CycloneDX does not say whether several mean all or any, so no "AND"
//! is made up). FDA's properties (`cdx:fda:level-of-support`,
//! `cdx:fda:end-of-support-date`, `cdx:fda:end-of-life-date`, the CycloneDX
//! property taxonomy's `cdx:fda` namespace) give the support level and
//! dates, else the lifecycle milestones `cdx:lifecycle:milestone:endOfSupport`
//! and `…:endOfLife` (a timestamp counts by its date). The taxonomy asks
//! for FDA's words "actively maintained", "no longer maintained" and
//! "abandoned" verbatim; they are read whatever their case, and with
//! hyphens or underscores for spaces. Anything else is an unknown level.
//!
//! Written ([`write`]): CycloneDX 1.6, valid against its published JSON
//! schema (checked by `tests/browser/sbom-schema.test.mjs`), with each
//! component's FDA properties; where the level of support or a date is not
//! known, a `cdx:fda:justification` says so, as the taxonomy asks.

use serde::{Deserialize, Serialize};

use super::loose::{List, Loose, Text};
use super::{date, long, short, Product, Sbom, SbomFormat};
use crate::plan::model::{Component, ComponentKind, Plan, SupportLevel};

pub const LEVEL_OF_SUPPORT: &str = "cdx:fda:level-of-support";
pub const END_OF_SUPPORT: &str = "cdx:fda:end-of-support-date";
pub const END_OF_LIFE: &str = "cdx:fda:end-of-life-date";
pub const JUSTIFICATION: &str = "cdx:fda:justification";
pub const MILESTONE_END_OF_SUPPORT: &str = "cdx:lifecycle:milestone:endOfSupport";
pub const MILESTONE_END_OF_LIFE: &str = "cdx:lifecycle:milestone:endOfLife";

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Metadata {
    component: Loose<CdxComponent>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Entity {
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct LicenseChoice {
    license: Loose<License>,
    expression: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct License {
    id: Text,
    name: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct Property {
    name: Text,
    value: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct CdxComponent {
    #[serde(rename = "type")]
    kind: Text,
    #[serde(rename = "bom-ref")]
    bom_ref: Text,
    name: Text,
    group: Text,
    version: Text,
    supplier: Loose<Entity>,
    manufacturer: Loose<Entity>,
    author: Text,
    authors: List<Entity>,
    publisher: Text,
    purl: Text,
    cpe: Text,
    licenses: List<LicenseChoice>,
    properties: List<Property>,
    components: List<CdxComponent>,
}

/// The register's view of the components of a CycloneDX document.
pub(super) fn read(version: &str, metadata: Option<Metadata>, components: Vec<CdxComponent>) -> Sbom {
    let product = metadata.and_then(|m| m.component.0);
    let product_ref = product.as_ref().map(|p| p.bom_ref.as_str().to_string()).filter(|r| !r.is_empty());
    let mut sbom = Sbom {
        format: SbomFormat::CycloneDx,
        spec_version: version.to_string(),
        product: product.as_ref().map(|p| Product { name: short(&p.name), version: short(&p.version) }).filter(|p| !p.name.is_empty()),
        components: Vec::new(),
        unnamed: 0,
    };
    // Depth first, each component before the ones nested in it. The
    // nesting is bounded by the JSON reader's recursion limit.
    let mut stack: Vec<CdxComponent> = components.into_iter().rev().collect();
    while let Some(mut c) = stack.pop() {
        stack.extend(std::mem::take(&mut c.components.0).into_iter().rev());
        // Some tools list the product among its components too.
        if product_ref.as_deref().is_some_and(|r| r == c.bom_ref.as_str()) {
            continue;
        }
        match component(&c) {
            Some(c) => sbom.components.push(c),
            None => sbom.unnamed += 1,
        }
    }
    sbom
}

fn component(c: &CdxComponent) -> Option<Component> {
    let name = short(&c.name);
    if name.is_empty() {
        return None;
    }
    let mut out = Component::new(String::new(), &name);
    out.version = short(&c.version);
    out.group = short(&c.group);
    out.kind = ComponentKind::from_cyclonedx(c.kind.as_str());
    let entity = |e: &Loose<Entity>| e.0.as_ref().map(|e| short(&e.name)).unwrap_or_default();
    let authors = c.authors.0.iter().map(|a| short(&a.name)).filter(|a| !a.is_empty()).collect::<Vec<_>>().join(", ");
    out.supplier = [entity(&c.supplier), entity(&c.manufacturer), short(&c.author), authors, short(&c.publisher)]
        .into_iter()
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    out.purl = long(c.purl.as_str());
    out.cpe = long(c.cpe.as_str());
    let licences: Vec<&str> = c
        .licenses
        .0
        .iter()
        .map(|l| match &l.license.0 {
            Some(license) if !license.id.as_str().is_empty() => license.id.as_str(),
            Some(license) => license.name.as_str(),
            None => l.expression.as_str(),
        })
        .filter(|l| !l.is_empty())
        .collect();
    out.licence = long(&licences.join(", "));
    let property = |name: &str| c.properties.0.iter().find(|p| p.name.as_str() == name).map(|p| p.value.as_str()).unwrap_or("");
    out.support = support_level(property(LEVEL_OF_SUPPORT));
    let first_date = |names: [&str; 2]| names.into_iter().map(|n| date(property(n))).find(|d| !d.is_empty()).unwrap_or_default();
    out.end_of_support = first_date([END_OF_SUPPORT, MILESTONE_END_OF_SUPPORT]);
    out.end_of_life = first_date([END_OF_LIFE, MILESTONE_END_OF_LIFE]);
    out.sbom_ref = long(c.bom_ref.as_str());
    Some(out)
}

/// FDA's level of support from the taxonomy's free text.
pub fn support_level(text: &str) -> SupportLevel {
    let words: String = text.trim().to_lowercase().chars().map(|c| if c == '-' || c == '_' { ' ' } else { c }).collect();
    match words.split_whitespace().collect::<Vec<_>>().join(" ").as_str() {
        "actively maintained" => SupportLevel::ActivelyMaintained,
        "no longer maintained" => SupportLevel::NoLongerMaintained,
        "abandoned" => SupportLevel::Abandoned,
        _ => SupportLevel::Unknown,
    }
}

/// The words the taxonomy asks for: "actively maintained"; `None` when unknown.
fn support_words(level: SupportLevel) -> Option<&'static str> {
    match level {
        SupportLevel::ActivelyMaintained => Some("actively maintained"),
        SupportLevel::NoLongerMaintained => Some("no longer maintained"),
        SupportLevel::Abandoned => Some("abandoned"),
        SupportLevel::Unknown => None,
    }
}

// --- Writing ---------------------------------------------------------------

#[derive(Serialize)]
struct Bom<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    #[serde(rename = "bomFormat")]
    bom_format: &'static str,
    #[serde(rename = "specVersion")]
    spec_version: &'static str,
    #[serde(rename = "serialNumber")]
    serial_number: String,
    version: u32,
    metadata: OutMetadata<'a>,
    components: Vec<OutComponent<'a>>,
}

#[derive(Serialize)]
struct OutMetadata<'a> {
    timestamp: &'a str,
    tools: Tools,
    component: OutComponent<'a>,
}

#[derive(Serialize)]
struct Tools {
    components: [Tool; 1],
}

#[derive(Serialize)]
struct Tool {
    #[serde(rename = "type")]
    kind: &'static str,
    name: &'static str,
    version: &'static str,
}

#[derive(Serialize)]
struct OutComponent<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "bom-ref")]
    bom_ref: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    supplier: Option<OutEntity<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    group: &'a str,
    name: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    version: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    licenses: Vec<OutLicense<'a>>,
    #[serde(skip_serializing_if = "str::is_empty")]
    cpe: &'a str,
    #[serde(skip_serializing_if = "str::is_empty")]
    purl: &'a str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    properties: Vec<OutProperty<'a>>,
}

#[derive(Serialize)]
struct OutEntity<'a> {
    name: &'a str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum OutLicense<'a> {
    Named { license: OutEntity<'a> },
    Expression { expression: &'a str },
}

#[derive(Serialize)]
struct OutProperty<'a> {
    name: &'static str,
    value: std::borrow::Cow<'a, str>,
}

/// The register as a CycloneDX 1.6 JSON SBOM, pretty-printed.
///
/// `metadata.component` is the product (A.1's product, else the plan's
/// name) with its planned end of support. Each component keeps its
/// `sbom_ref` as its `bom-ref` (its id, when it has none or the reference
/// is taken), so the SBOM can be imported back. The serial number is a
/// UUID made from the plan's id and the time of its last edit: the same
/// plan gives the same number until it changes. The team's monitoring,
/// notes and linked risks stay in the plan.
pub fn write(plan: &Plan) -> String {
    let mut taken = std::collections::HashSet::new();
    taken.insert("product".to_string());
    let mut unique = |wanted: &str, id: &str| -> String {
        let candidates = [wanted.to_string(), id.to_string()];
        let found = candidates.into_iter().filter(|r| !r.is_empty()).find(|r| !taken.contains(r));
        let chosen = found.unwrap_or_else(|| (2..).map(|n| format!("{id}-{n}")).find(|r| !taken.contains(r)).expect("a free reference"));
        taken.insert(chosen.clone());
        chosen
    };
    let product_name = match plan.project.product.trim() {
        "" => plan.name.trim(),
        product => product,
    };
    let mut product = OutComponent {
        kind: "device",
        bom_ref: "product".into(),
        supplier: None,
        group: "",
        name: product_name,
        version: "",
        licenses: Vec::new(),
        cpe: "",
        purl: "",
        properties: Vec::new(),
    };
    if !plan.project.end_of_support.is_empty() {
        product.properties.push(property(END_OF_SUPPORT, &plan.project.end_of_support));
        product.properties.push(property(MILESTONE_END_OF_SUPPORT, &plan.project.end_of_support));
    }
    let components = plan.components.iter().map(|c| out_component(c, unique(&c.sbom_ref, &c.id))).collect();
    let bom = Bom {
        schema: "http://cyclonedx.org/schema/bom-1.6.schema.json",
        bom_format: "CycloneDX",
        spec_version: "1.6",
        serial_number: serial_number(&plan.id, &plan.updated_at),
        version: 1,
        metadata: OutMetadata {
            timestamp: &plan.updated_at,
            tools: Tools { components: [Tool { kind: "application", name: "JSP Planner", version: env!("CARGO_PKG_VERSION") }] },
            component: product,
        },
        components,
    };
    serde_json::to_string_pretty(&bom).expect("an SBOM always serializes")
}

fn property<'a>(name: &'static str, value: &'a str) -> OutProperty<'a> {
    OutProperty { name, value: value.into() }
}

fn out_component(c: &Component, bom_ref: String) -> OutComponent<'_> {
    let licence = c.licence.trim();
    let licenses = if licence.is_empty() {
        Vec::new()
    } else if [" AND ", " OR ", " WITH "].iter().any(|op| licence.contains(op)) {
        vec![OutLicense::Expression { expression: licence }]
    } else {
        vec![OutLicense::Named { license: OutEntity { name: licence } }]
    };
    let mut properties = Vec::new();
    match support_words(c.support) {
        Some(words) => properties.push(property(LEVEL_OF_SUPPORT, words)),
        None => properties.push(property(JUSTIFICATION, "cdx:fda:level-of-support: not determined yet")),
    }
    if c.end_of_support.is_empty() {
        properties.push(property(JUSTIFICATION, "cdx:fda:end-of-support-date: not known yet"));
    } else {
        properties.push(property(END_OF_SUPPORT, &c.end_of_support));
        properties.push(property(MILESTONE_END_OF_SUPPORT, &c.end_of_support));
    }
    if !c.end_of_life.is_empty() {
        properties.push(property(END_OF_LIFE, &c.end_of_life));
        properties.push(property(MILESTONE_END_OF_LIFE, &c.end_of_life));
    }
    OutComponent {
        kind: c.kind.cyclonedx(),
        bom_ref,
        supplier: (!c.supplier.trim().is_empty()).then(|| OutEntity { name: c.supplier.trim() }),
        group: c.group.trim(),
        name: c.name.trim(),
        version: c.version.trim(),
        licenses,
        cpe: c.cpe.trim(),
        purl: c.purl.trim(),
        properties,
    }
}

/// `urn:uuid:` and a version 4 UUID whose bits come from `id` and `time`
/// (two FNV-1a hashes): the same plan state gives the same number.
fn serial_number(id: &str, time: &str) -> String {
    let fnv = |seed: u64| {
        let mut h = seed;
        for b in id.bytes().chain([0]).chain(time.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    };
    let (a, b) = (fnv(0xcbf2_9ce4_8422_2325), fnv(0x6c62_272e_07bb_0142));
    let a = (a & 0xffff_ffff_ffff_0fff) | 0x0000_0000_0000_4000;
    let b = (b & 0x3fff_ffff_ffff_ffff) | 0x8000_0000_0000_0000;
    format!("urn:uuid:{:08x}-{:04x}-{:04x}-{:04x}-{:012x}", a >> 32, (a >> 16) & 0xffff, a & 0xffff, b >> 48, b & 0xffff_ffff_ffff)
}
