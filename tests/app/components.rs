//! The component register's filters (`app::components`).

use jsp_planner::app::components::{filter, filter_from_key, filter_key, ComponentQuery};
use jsp_planner::plan::model::{Component, ComponentFilter as Show, SupportLevel};

fn component(id: &str, name: &str, support: SupportLevel, end_of_support: &str) -> Component {
    let mut c = Component::new(id.into(), name);
    c.support = support;
    c.end_of_support = end_of_support.into();
    c
}

fn register() -> Vec<Component> {
    let mut zlib = component("CMP-002", "zlib", SupportLevel::ActivelyMaintained, "2040-01-01");
    zlib.notes = "Vendored in the bootloader".into();
    let mut busybox = component("CMP-004", "BusyBox", SupportLevel::Abandoned, "");
    busybox.supplier = "Erik Andersen".into();
    vec![
        component("CMP-001", "openssl", SupportLevel::ActivelyMaintained, "2026-09-07"),
        zlib,
        component("CMP-003", "log4j-core", SupportLevel::Unknown, ""),
        busybox,
        component("CMP-005", "Qt", SupportLevel::NoLongerMaintained, "2030-12-31"),
    ]
}

fn query(show: Show, text: &str) -> ComponentQuery {
    ComponentQuery { show, text: text.into() }
}

#[test]
fn each_support_filter_shows_its_components_in_register_order() {
    let r = register();
    let product = "2032-12-31";
    assert_eq!(filter(&r, &query(Show::All, ""), product), [0, 1, 2, 3, 4]);
    assert_eq!(filter(&r, &query(Show::UnknownSupport, ""), product), [2]);
    assert_eq!(filter(&r, &query(Show::Unsupported, ""), product), [3, 4], "no longer maintained and abandoned");
    // Support ending before the product's: only components with a date before it.
    assert_eq!(filter(&r, &query(Show::EndsBeforeProduct, ""), product), [0, 4]);
    assert_eq!(filter(&r, &query(Show::EndsBeforeProduct, ""), "2026-09-07"), Vec::<usize>::new(), "the same day is not before");
    assert_eq!(filter(&r, &query(Show::EndsBeforeProduct, ""), ""), Vec::<usize>::new(), "no product date: nothing ends before it");
}

#[test]
fn find_matches_every_word_in_any_text_ignoring_case() {
    let r = register();
    assert_eq!(filter(&r, &query(Show::All, "OPENSSL"), ""), [0]);
    assert_eq!(filter(&r, &query(Show::All, "cmp-00"), ""), [0, 1, 2, 3, 4], "the id is searched");
    assert_eq!(filter(&r, &query(Show::All, "bootloader"), ""), [1], "the notes are searched");
    assert_eq!(filter(&r, &query(Show::All, "andersen busybox"), ""), [3], "every word, anywhere");
    assert_eq!(filter(&r, &query(Show::All, "andersen zlib"), ""), Vec::<usize>::new());
    assert_eq!(filter(&r, &query(Show::Unsupported, "qt"), ""), [4], "words and support together");
    let mut accented = r.clone();
    accented[1].notes = "Géré par l’équipe".into();
    assert_eq!(filter(&accented, &query(Show::All, "GÉRÉ"), ""), [1], "beyond ASCII too");
    assert!(query(Show::All, "  ").is_empty() && !query(Show::UnknownSupport, "").is_empty());
}

#[test]
fn a_filter_is_named_by_its_option_value() {
    for show in Show::ALL {
        assert_eq!(filter_from_key(filter_key(show)), show);
    }
    assert_eq!(filter_from_key("nonsense"), Show::All);
}
