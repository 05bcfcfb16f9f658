//! One report model: what the report says is decided once, here, as a
//! format-neutral [`Document`] built from the plan, and each output only
//! renders it: the on-screen and printed report (`web::views::plan::report`, with `web::views::common::report_view`),
//! Markdown ([`markdown`]) and Word ([`docx`]). The plan builds its document
//! in `plan::report`, the assessment in `assessment::report`; the renderers
//! serve both.
//!
//!
//! A document is a list of [`Part`]s (cover, A.1, A.2, ...) so that an output
//! can take some of them (the Word chooser; "Security Management Plan only").
//! Blocks carry words, not layout: a renderer decides how a heading, a table or
//! a zone looks. Hints a renderer may use: a part's [`Orientation`] (Word puts
//! a landscape section around it; print lets it run wide) and a cell's
//! [`Tone`] (zone colours, with the zone's name always written too, so
//! nothing depends on colour).

pub mod docx;
pub mod markdown;

/// A whole document: properties for the file, then its parts in order.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub properties: Properties,
    pub parts: Vec<Part>,
}

/// What a file format records about the document itself (Word's core
/// properties; the printed footer).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Properties {
    pub title: String,
    pub subject: String,
    pub author: String,
    pub document_id: String,
    pub revision: String,
    /// The line every printed page carries at its foot (document id, revision).
    pub footer: String,
}

/// Which part of a report a [`Part`] holds, for choosing parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum PartKey {
    /// Title, document control, approvals, attendees, deliverables status.
    Cover,
    /// A.1 Release / change project planning.
    Project,
    /// A.2 Stakeholder security needs and user needs.
    Needs,
    /// A.3 Security management plan sections and SBOM approach.
    Management,
    /// A.3 Risk acceptability criteria (the zone grid).
    Criteria,
    /// The risk register with acceptances.
    Register,
    /// Controls and the traceability table.
    Traceability,
    /// The third-party component register: each component's support and
    /// how it is monitored (the table FDA asks for).
    Components,
    /// Who is in the room: roles and RACI.
    Roles,
    /// A comparison of two versions of the plan (not part of the plan report).
    Changes,
    // The parts of a maturity assessment's report (`assessment::report`),
    // none of them part of a plan report; its title page is a `Cover`.
    /// The maturity levels 0–5 and what each means.
    Levels,
    /// Every activity's current and target level, component by component.
    Heatmap,
    /// Each component's mean current and target level.
    Scores,
    /// The gaps between current and target levels, largest first.
    Gaps,
    /// The roadmap: phases and their milestones.
    Roadmap,
    /// Progress since a baseline assessment.
    Progress,
    /// Each activity's owner and evidence, and why some do not apply.
    Activities,
    // The premarket documents (`plan::premarket`), none of them part of the plan report.
    /// The MDS2 draft's document block (DOC), with the document control.
    Mds2Doc,
    /// The MDS2 draft's 22 security sections.
    Mds2Sections,
    /// The customer security summary.
    CustomerSummary,
    /// Premarket readiness: each element of FDA's premarket documentation.
    Readiness,
    /// Security control category coverage.
    Coverage,
    /// The architecture views checklist.
    ArchitectureViews,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Orientation {
    #[default]
    Portrait,
    /// Wide tables: Word gives the part a landscape section.
    Landscape,
}

/// One part of the document: it starts with a level-1 heading (`title`).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    pub key: PartKey,
    pub title: String,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A heading inside a part: level 2 or 3 (the part's title is level 1).
    Heading {
        level: u8,
        text: String,
    },
    /// A paragraph of plain text.
    Paragraph(String),
    /// A short line that sets the scene, e.g. "HSCC Joint Security Plan 2.0 · Concept Phase".
    Kicker(String),
    /// Labelled values ("Document id: SMP-0042"), as a definition list.
    Facts(Vec<(String, String)>),
    /// A bulleted list; each item may start with a strong run.
    List(Vec<Item>),
    /// A list of ticked or unticked items.
    Checklist(Vec<(bool, String)>),
    Table(Table),
}

/// A list item: `strong` (may be empty) is emphasised, then `text`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Item {
    pub strong: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    /// What the table holds, for screen readers and as a CSS hook
    /// ("register", "grid", "matrix", "trace", ...).
    pub kind: &'static str,
    /// Column headings; repeated at the top of every page where the format can.
    pub header: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
}

/// A table cell: `strong` (may be empty) is emphasised, then `text`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Cell {
    pub strong: String,
    pub text: String,
    /// The row's heading cell (the first column of a row, as `<th scope="row">`).
    pub row_header: bool,
    pub tone: Tone,
}

/// A colour hint for a cell. The words in the cell always say the same, so
/// an output without colour loses nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tone {
    #[default]
    Plain,
    Acceptable,
    Review,
    Unacceptable,
    /// A grid cell with no zone set.
    Unset,
    Critical,
    Relevant,
}

impl Cell {
    pub fn text(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), ..Cell::default() }
    }
    pub fn row_header(text: impl Into<String>) -> Cell {
        Cell { text: text.into(), row_header: true, ..Cell::default() }
    }
}
