//! Which components the register's filters show: a pure function over the
//! plan's components, so the view only draws its answer and the choice is
//! tested natively (tests/app/components.rs).

use crate::plan::model::{Component, SupportLevel};

/// Which components to show, by their support.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Show {
    #[default]
    All,
    /// Support not known yet (a gap until someone finds out).
    UnknownSupport,
    /// No longer maintained, or abandoned.
    Unsupported,
    /// Support that ends before the product's planned end of support.
    EndsBeforeProduct,
}

impl Show {
    pub const ALL: [Show; 4] = [Show::All, Show::UnknownSupport, Show::Unsupported, Show::EndsBeforeProduct];

    pub fn label(self) -> &'static str {
        match self {
            Show::All => "All components",
            Show::UnknownSupport => "Support unknown",
            Show::Unsupported => "No longer maintained or abandoned",
            Show::EndsBeforeProduct => "Support ends before the product’s",
        }
    }

    /// The value of its `<option>`.
    pub fn key(self) -> &'static str {
        match self {
            Show::All => "all",
            Show::UnknownSupport => "unknown",
            Show::Unsupported => "unsupported",
            Show::EndsBeforeProduct => "ends-before",
        }
    }

    pub fn from_key(key: &str) -> Show {
        Show::ALL.into_iter().find(|s| s.key() == key).unwrap_or_default()
    }
}

/// The register's filters: a support filter and words to find.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ComponentQuery {
    pub show: Show,
    /// Words each shown component holds somewhere (id, name, group, version,
    /// supplier, licence, package URL, CPE, monitoring or notes), in any case.
    pub text: String,
}

impl ComponentQuery {
    /// Whether the query shows every component.
    pub fn is_empty(&self) -> bool {
        self.show == Show::All && self.text.trim().is_empty()
    }
}

/// The positions of the components `query` shows, in register order.
/// `product_end` is the product's planned end of support (A.1); while it is
/// not set, no component's support "ends before the product's".
pub fn filter<'a>(components: impl IntoIterator<Item = &'a Component>, query: &ComponentQuery, product_end: &str) -> Vec<usize> {
    let words: Vec<String> = query.text.split_whitespace().map(str::to_lowercase).collect();
    components
        .into_iter()
        .enumerate()
        .filter(|(_, c)| shows(c, query.show, product_end) && words.iter().all(|w| holds(c, w)))
        .map(|(i, _)| i)
        .collect()
}

fn shows(c: &Component, show: Show, product_end: &str) -> bool {
    match show {
        Show::All => true,
        Show::UnknownSupport => c.support == SupportLevel::Unknown,
        Show::Unsupported => c.support.unsupported(),
        Show::EndsBeforeProduct => c.support_ends_before(product_end),
    }
}

/// Whether one of the component's texts holds `word` (already lower case).
fn holds(c: &Component, word: &str) -> bool {
    [
        &c.id,
        &c.name,
        &c.group,
        &c.version,
        &c.supplier,
        &c.licence,
        &c.purl,
        &c.cpe,
        &c.monitoring.source,
        &c.monitoring.frequency,
        &c.monitoring.who,
        &c.notes,
    ]
    .into_iter()
    .any(|t| contains_lower(t, word))
}

/// `text` holds `word` ignoring case, without making a lower-case copy of
/// `text` when it is ASCII (5,000 components x 12 texts on each keystroke).
fn contains_lower(text: &str, word: &str) -> bool {
    if text.is_ascii() && word.is_ascii() {
        let (t, w) = (text.as_bytes(), word.as_bytes());
        return w.is_empty() || t.windows(w.len()).any(|win| win.eq_ignore_ascii_case(w));
    }
    text.to_lowercase().contains(word)
}
