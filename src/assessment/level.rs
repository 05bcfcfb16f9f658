//! The maturity levels 0–5, named and defined in our words.
//!
//! The scale follows the CMMI-like one of MDIC's industry benchmarking (from
//! not performed, through performed and managed, to measured and
//! continuously improved), so an organisation's levels can be set beside the
//! published industry averages. The definitions are written to settle the
//! usual workshop argument between two neighbouring levels.

/// The highest level; levels are 0 to this.
pub const MAX_LEVEL: u8 = 5;

/// One level of the scale.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Level {
    pub value: u8,
    pub name: &'static str,
    pub definition: &'static str,
}

/// Levels 0 to 5, in order (`LEVELS[n].value == n`).
pub const LEVELS: [Level; 6] = [
    Level { value: 0, name: "Not performed", definition: "The activity is not done, or only by chance." },
    Level {
        value: 1,
        name: "Performed",
        definition: "It is done on some products, by people who know to do it, but not written down or done the same way twice.",
    },
    Level {
        value: 2,
        name: "Managed",
        definition: "It is planned and tracked on every product, with a named owner and records, though teams may do it differently.",
    },
    Level {
        value: 3,
        name: "Defined",
        definition: "One documented process, with templates and training, is followed by every team and reviewed when it changes.",
    },
    Level {
        value: 4,
        name: "Measured",
        definition: "The process is measured (coverage, time taken, findings), and the measures are reviewed and drive decisions.",
    },
    Level {
        value: 5,
        name: "Continuously improved",
        definition: "Measured and continuously improved: measures, incidents and audits feed regular changes to the process, \
                     and their effect is checked.",
    },
];

/// The level `value`, when it is one (0 to [`MAX_LEVEL`]).
pub fn level(value: u8) -> Option<&'static Level> {
    LEVELS.get(usize::from(value))
}

/// "2 – Managed", or just the number when it is no level.
pub fn label(value: u8) -> String {
    match level(value) {
        Some(l) => format!("{} – {}", l.value, l.name),
        None => value.to_string(),
    }
}
