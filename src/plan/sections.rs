//! The plan's sections as one table: navigation, the workshop stepper, the
//! N/P keys, dashboard gap links, the report and the Markdown export all read
//! it, so a section is named and addressed the same way everywhere.

/// One page of an open plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Section {
    Dashboard,
    Project,
    Stakeholders,
    Management,
    Criteria,
    Register,
    Traceability,
    Components,
    Roles,
    Categories,
    Premarket,
    Buyers,
    Report,
    Revisions,
}

/// What a section is called and where it lives.
pub struct SectionInfo {
    pub section: Section,
    /// The URL hash without '#', e.g. "a2".
    pub anchor: &'static str,
    /// The navigation and stepper label.
    pub title: &'static str,
}

/// Every section in workshop order.
pub const SECTIONS: [SectionInfo; 14] = [
    SectionInfo { section: Section::Dashboard, anchor: "overview", title: "What you walk away with" },
    SectionInfo { section: Section::Project, anchor: "a1", title: "A.1 Project planning" },
    SectionInfo { section: Section::Stakeholders, anchor: "a2", title: "A.2 Stakeholder needs" },
    SectionInfo { section: Section::Management, anchor: "a3", title: "A.3 Security management plan" },
    SectionInfo { section: Section::Criteria, anchor: "criteria", title: "A.3 Risk acceptability" },
    SectionInfo { section: Section::Register, anchor: "register", title: "Risk register" },
    SectionInfo { section: Section::Traceability, anchor: "trace", title: "Controls and traceability" },
    SectionInfo { section: Section::Components, anchor: "components", title: "Third-party components" },
    SectionInfo { section: Section::Roles, anchor: "roles", title: "Who is in the room" },
    SectionInfo { section: Section::Categories, anchor: "categories", title: "Security control categories" },
    SectionInfo { section: Section::Premarket, anchor: "premarket", title: "Premarket readiness" },
    SectionInfo { section: Section::Buyers, anchor: "buyers", title: "MDS2 and customer summary" },
    SectionInfo { section: Section::Report, anchor: "report", title: "Report and exports" },
    SectionInfo { section: Section::Revisions, anchor: "revisions", title: "Revisions and approvals" },
];

impl Section {
    pub const ALL: [Section; 14] = [
        Section::Dashboard,
        Section::Project,
        Section::Stakeholders,
        Section::Management,
        Section::Criteria,
        Section::Register,
        Section::Traceability,
        Section::Components,
        Section::Roles,
        Section::Categories,
        Section::Premarket,
        Section::Buyers,
        Section::Report,
        Section::Revisions,
    ];

    fn info(self) -> &'static SectionInfo {
        &SECTIONS[self.index()]
    }

    /// Position in workshop order, 0-based.
    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn anchor(self) -> &'static str {
        self.info().anchor
    }

    pub fn title(self) -> &'static str {
        self.info().title
    }

    /// The section a URL hash names ('#' optional).
    pub fn from_anchor(hash: &str) -> Option<Section> {
        let hash = hash.trim_start_matches('#');
        SECTIONS.iter().find(|s| s.anchor == hash).map(|s| s.section)
    }

    /// The next (`delta` 1) or previous (-1) section, if there is one.
    pub fn step(self, delta: isize) -> Option<Section> {
        self.index().checked_add_signed(delta).and_then(|i| Section::ALL.get(i)).copied()
    }
}
