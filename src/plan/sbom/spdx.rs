//! SPDX 2.3 (and 2.2) JSON: its packages in the register's terms.
//!
//! Each package is a component: `name`, `versionInfo`, the supplier from
//! `supplier` (else `originator`) without its "Organization: " or "Person: "
//! prefix (NOASSERTION is no supplier), the licence from `licenseConcluded`
//! (else `licenseDeclared`; NOASSERTION and NONE are none), the purl and
//! CPE from `externalRefs` (`purl`; `cpe23Type`, else `cpe22Type`), the
//! kind from `primaryPackagePurpose`, the end of support from
//! `validUntilDate` and `SPDXID` as its reference. SPDX has no level of
//! support, so it is unknown. The packages the document DESCRIBES
//! (`documentDescribes`, or a DESCRIBES relationship from the document) are
//! the product, not its components; the first names the product.

use serde::Deserialize;

use super::loose::{List, Text};
use super::{date, long, short, Product, Sbom, SbomFormat};
use crate::plan::model::{Component, ComponentKind};

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Package {
    #[serde(rename = "SPDXID")]
    spdx_id: Text,
    name: Text,
    #[serde(rename = "versionInfo")]
    version_info: Text,
    supplier: Text,
    originator: Text,
    #[serde(rename = "licenseConcluded")]
    license_concluded: Text,
    #[serde(rename = "licenseDeclared")]
    license_declared: Text,
    #[serde(rename = "externalRefs")]
    external_refs: List<ExternalRef>,
    #[serde(rename = "primaryPackagePurpose")]
    purpose: Text,
    #[serde(rename = "validUntilDate")]
    valid_until: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct ExternalRef {
    #[serde(rename = "referenceType")]
    reference_type: Text,
    #[serde(rename = "referenceLocator")]
    reference_locator: Text,
}

#[derive(Deserialize, Default)]
#[serde(default)]
pub(super) struct Relationship {
    #[serde(rename = "spdxElementId")]
    element: Text,
    #[serde(rename = "relationshipType")]
    kind: Text,
    #[serde(rename = "relatedSpdxElement")]
    related: Text,
}

pub(super) fn read(version: &str, packages: Vec<Package>, describes: Vec<Text>, relationships: Vec<Relationship>) -> Sbom {
    let mut described: Vec<String> = describes.iter().map(|d| d.as_str().to_string()).collect();
    for r in &relationships {
        let (element, kind, related) = (r.element.as_str(), r.kind.as_str(), r.related.as_str());
        if element == "SPDXRef-DOCUMENT" && kind == "DESCRIBES" {
            described.push(related.to_string());
        } else if related == "SPDXRef-DOCUMENT" && kind == "DESCRIBED_BY" {
            described.push(element.to_string());
        }
    }
    let product = described
        .first()
        .and_then(|id| packages.iter().find(|p| p.spdx_id.as_str() == id))
        .map(|p| Product { name: short(&p.name), version: short(&p.version_info) })
        .filter(|p| !p.name.is_empty());
    let mut sbom = Sbom { format: SbomFormat::Spdx, spec_version: version.to_string(), product, components: Vec::new(), unnamed: 0 };
    for p in packages.iter().filter(|p| !described.iter().any(|d| d == p.spdx_id.as_str())) {
        match component(p) {
            Some(c) => sbom.components.push(c),
            None => sbom.unnamed += 1,
        }
    }
    sbom
}

fn component(p: &Package) -> Option<Component> {
    let name = short(&p.name);
    if name.is_empty() {
        return None;
    }
    let mut c = Component::new(String::new(), &name);
    c.version = short(&p.version_info);
    c.supplier = [&p.supplier, &p.originator].into_iter().map(|s| party(s.as_str())).find(|s| !s.is_empty()).unwrap_or_default();
    c.licence =
        [&p.license_concluded, &p.license_declared].into_iter().map(|l| licence(l.as_str())).find(|l| !l.is_empty()).unwrap_or_default();
    let reference = |types: &[&str]| {
        types
            .iter()
            .find_map(|t| p.external_refs.0.iter().find(|r| r.reference_type.as_str() == *t).map(|r| long(r.reference_locator.as_str())))
            .unwrap_or_default()
    };
    c.purl = reference(&["purl"]);
    c.cpe = reference(&["cpe23Type", "cpe22Type"]);
    c.kind = kind(p.purpose.as_str());
    c.end_of_support = date(p.valid_until.as_str());
    c.sbom_ref = long(p.spdx_id.as_str());
    Some(c)
}

/// "Organization: Acme (sbom@acme.example)" -> "Acme (sbom@acme.example)"; NOASSERTION -> "".
pub fn party(text: &str) -> String {
    let text = text.trim();
    let name = ["Organization:", "Person:", "Tool:"].iter().find_map(|p| text.strip_prefix(p)).unwrap_or(text).trim();
    if name == "NOASSERTION" {
        String::new()
    } else {
        super::clip(name, crate::common::rules::MAX_NAME_LEN)
    }
}

/// A licence expression; NOASSERTION and NONE say nothing.
fn licence(text: &str) -> String {
    match text.trim() {
        "NOASSERTION" | "NONE" => String::new(),
        other => long(other),
    }
}

/// SPDX 2.3's `primaryPackagePurpose` as a CycloneDX component type; a
/// package without one is a library, as most are.
fn kind(purpose: &str) -> ComponentKind {
    match purpose {
        "APPLICATION" => ComponentKind::Application,
        "FRAMEWORK" => ComponentKind::Framework,
        "LIBRARY" | "" => ComponentKind::Library,
        "CONTAINER" => ComponentKind::Container,
        "OPERATING-SYSTEM" => ComponentKind::OperatingSystem,
        "DEVICE" => ComponentKind::Device,
        "FIRMWARE" => ComponentKind::Firmware,
        "FILE" => ComponentKind::File,
        _ => ComponentKind::Other,
    }
}
