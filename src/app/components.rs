//! Which components the register's filters show: the model's support
//! filters ([`ComponentFilter`]) with words to find, as a pure function over
//! the plan's components, so the view only draws its answer and the choice
//! is tested natively (tests/app/components.rs).

use crate::plan::model::{Component, ComponentFilter};

/// The value of a support filter's `<option>`.
pub fn filter_key(f: ComponentFilter) -> &'static str {
    match f {
        ComponentFilter::All => "all",
        ComponentFilter::UnknownSupport => "unknown",
        ComponentFilter::Unsupported => "unsupported",
        ComponentFilter::EndsBeforeProduct => "ends-before",
    }
}

/// The support filter an `<option>` value names (all components for any other).
pub fn filter_from_key(key: &str) -> ComponentFilter {
    ComponentFilter::ALL.into_iter().find(|f| filter_key(*f) == key).unwrap_or(ComponentFilter::All)
}

/// The register's filters: a support filter and words to find.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ComponentQuery {
    pub show: ComponentFilter,
    /// Words each shown component holds somewhere (id, name, group, version,
    /// supplier, licence, package URL, CPE, monitoring or notes), in any case.
    pub text: String,
}

impl Default for ComponentQuery {
    fn default() -> Self {
        ComponentQuery { show: ComponentFilter::All, text: String::new() }
    }
}

impl ComponentQuery {
    /// Whether the query shows every component.
    pub fn is_empty(&self) -> bool {
        self.show == ComponentFilter::All && self.text.trim().is_empty()
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
        .filter(|(_, c)| query.show.matches(c, product_end) && words.iter().all(|w| holds(c, w)))
        .map(|(i, _)| i)
        .collect()
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
