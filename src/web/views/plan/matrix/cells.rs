//! The stakeholder cells of one need's row, as a view of our own.
//!
//! Why not `view!`: a 1080p screenful of a 50-stakeholder matrix is 1,200
//! cells, and building each button element by element, with two reactive
//! attributes and two handlers, took about 100 ms of the 270 ms it took to
//! draw the matrix (CPU profile, 1 MB bench plan). Here a row's cells are one
//! HTML string the browser parses in one call; clicks and keys are handled
//! once for the whole table (`table.rs`); and an edit changes the class and
//! label of only the buttons whose value changed, so focus stays where it is.

use leptos::tachys::html::attribute::{any_attribute::AnyAttribute, Attribute};
use leptos::tachys::hydration::Cursor;
use leptos::tachys::view::{add_attr::AddAnyAttr, Mountable, Position, PositionState, Render, RenderHtml};
use wasm_bindgen::JsCast;
use web_sys::{Element, Node, Text};

use crate::plan::model::Relevance;

/// One need's cells: each stakeholder's id and the need's relevance to them.
#[derive(Clone, PartialEq)]
pub(super) struct Cells {
    pub nid: String,
    pub values: Vec<(String, Option<Relevance>)>,
}

pub(super) struct CellsState {
    cells: Cells,
    tds: Vec<Element>,
    /// An empty text node after the cells: new cells go before it.
    end: Text,
}

pub(super) fn rel_class(v: Option<Relevance>) -> &'static str {
    match v {
        None => "rel-none",
        Some(Relevance::Relevant) => "rel-relevant",
        Some(Relevance::Critical) => "rel-critical",
    }
}

/// The symbol a cell shows (the legend above the matrix explains them).
fn symbol(v: Option<Relevance>) -> &'static str {
    match v {
        None => "·",
        Some(Relevance::Relevant) => "R",
        Some(Relevance::Critical) => "C",
    }
}

fn state_label(v: Option<Relevance>) -> &'static str {
    match v {
        None => "none",
        Some(Relevance::Relevant) => "relevant",
        Some(Relevance::Critical) => "critical",
    }
}

/// Text for an HTML attribute value in double quotes.
fn escape_attr(s: &str, out: &mut String) {
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '"' => out.push_str("&quot;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            c => out.push(c),
        }
    }
}

impl Cells {
    /// The cells' markup. The accessible name is "need, stakeholder, state":
    /// the row and column headers, then the button's own label.
    fn html(&self) -> String {
        let mut out = String::with_capacity(self.values.len() * 200);
        let mut nid = String::new();
        escape_attr(&self.nid, &mut nid);
        for (sid, v) in &self.values {
            let mut s = String::new();
            escape_attr(sid, &mut s);
            let own = format!("st-{nid}-{s}");
            out.push_str(&format!(
                r#"<td class="cell"><button type="button" id="{own}" data-sid="{s}" class="rel {}" aria-labelledby="nl-{nid} sl-{s} {own}" aria-label="{}">{}</button></td>"#,
                rel_class(*v),
                state_label(*v),
                symbol(*v)
            ));
        }
        out
    }

    /// The cells as elements, parsed by a template (which takes `td`s alone).
    fn parse(&self) -> Vec<Element> {
        let document = leptos::prelude::document();
        let Ok(template) = document.create_element("template") else {
            return Vec::new();
        };
        template.set_inner_html(&self.html());
        let content = template.unchecked_into::<web_sys::HtmlTemplateElement>().content();
        let children = content.children();
        (0..children.length()).filter_map(|i| children.item(i)).collect()
    }
}

impl CellsState {
    fn parent(&self) -> Option<Node> {
        self.end.parent_node()
    }

    fn update(&mut self, next: Cells) {
        let same_columns = next.values.len() == self.cells.values.len()
            && next.values.iter().zip(&self.cells.values).all(|(a, b)| a.0 == b.0)
            && next.nid == self.cells.nid;
        if !same_columns {
            let tds = next.parse();
            if let Some(parent) = self.parent() {
                for td in &tds {
                    let _ = parent.insert_before(td, Some(&self.end));
                }
            }
            for td in &self.tds {
                td.remove();
            }
            self.tds = tds;
            self.cells = next;
            return;
        }
        for ((td, old), new) in self.tds.iter().zip(&self.cells.values).zip(&next.values) {
            if old.1 != new.1 {
                if let Some(button) = td.first_element_child() {
                    let _ = button.set_attribute("class", &format!("rel {}", rel_class(new.1)));
                    let _ = button.set_attribute("aria-label", state_label(new.1));
                    button.set_text_content(Some(symbol(new.1)));
                }
            }
        }
        self.cells = next;
    }
}

impl Render for Cells {
    type State = CellsState;

    fn build(self) -> CellsState {
        let tds = self.parse();
        CellsState { cells: self, tds, end: leptos::prelude::document().create_text_node("") }
    }

    fn rebuild(self, state: &mut CellsState) {
        if self != state.cells {
            state.update(self);
        }
    }
}

impl Mountable for CellsState {
    fn unmount(&mut self) {
        for td in &self.tds {
            td.remove();
        }
        self.end.remove();
    }

    fn mount(&mut self, parent: &Element, marker: Option<&Node>) {
        for td in &self.tds {
            let _ = parent.insert_before(td, marker);
        }
        let _ = parent.insert_before(&self.end, marker);
    }

    fn insert_before_this(&self, child: &mut dyn Mountable) -> bool {
        let first: &Node = self.tds.first().map_or(self.end.as_ref(), |td| td.as_ref());
        match first.parent_node().and_then(|p| p.dyn_into::<Element>().ok()) {
            Some(parent) => {
                child.mount(&parent, Some(first));
                true
            }
            None => false,
        }
    }

    fn elements(&self) -> Vec<Element> {
        self.tds.clone()
    }
}

// The traits below are for rendering on a server, which this app never does;
// `view!` asks for them of every child.

impl AddAnyAttr for Cells {
    type Output<SomeNewAttr: Attribute> = Self;

    fn add_any_attr<NewAttr: Attribute>(self, _attr: NewAttr) -> Self::Output<NewAttr>
    where
        Self::Output<NewAttr>: RenderHtml,
    {
        self
    }
}

impl RenderHtml for Cells {
    type AsyncOutput = Self;
    type Owned = Self;

    const MIN_LENGTH: usize = 0;

    fn dry_resolve(&mut self) {}

    async fn resolve(self) -> Self {
        self
    }

    fn to_html_with_buf(
        self,
        buf: &mut String,
        position: &mut Position,
        _escape: bool,
        _mark_branches: bool,
        _extra_attrs: Vec<AnyAttribute>,
    ) {
        buf.push_str(&self.html());
        *position = Position::NextChild;
    }

    fn hydrate<const FROM_SERVER: bool>(self, _cursor: &Cursor, _position: &PositionState) -> CellsState {
        self.build()
    }

    fn into_owned(self) -> Self {
        self
    }
}
