//! Every edit of a [`Plan`] in one place (issuing revisions and approvals
//! stays in `revision.rs`, with the history it keeps; quick capture in
//! `plan::capture`). Each keeps the invariants of `plan::rules`: removing
//! an item removes the links to it, and shrinking the grid moves ratings
//! that fell off it onto its edge.

use super::{
    Activity, Answer, Attendee, ChecklistItem, Component, ComponentKind, ComponentText, Control, ControlKind, ControlStatus, ImpactAnswer,
    LikelihoodAxis, NeedLink, Plan, Raci, RaciAssignment, Rating, Relevance, RiskCriteria, RiskEntry, Role, SbomFormat, Scope,
    SecurityNeed, Stakeholder, SupportLevel, UserNeed, Zone, MAX_LEVELS, MIN_LEVELS,
};
use super::{Mds2Answer, SecurityCategory, ViewKind, ViewStatus, ViewText};
use crate::common::ids::{move_by, Identified};

macro_rules! identified {
    ($($t:ty),*) => { $(impl Identified for $t { fn id(&self) -> &str { &self.id } })* };
}
identified!(Stakeholder, SecurityNeed, UserNeed, RiskEntry, Role, Activity, ChecklistItem, Control, Component);

impl Relevance {
    /// The next value when a matrix cell is clicked: none -> relevant -> critical -> none.
    pub fn cycle(current: Option<Relevance>) -> Option<Relevance> {
        match current {
            None => Some(Relevance::Relevant),
            Some(Relevance::Relevant) => Some(Relevance::Critical),
            Some(Relevance::Critical) => None,
        }
    }
}

/// The plan's lists of named items, which the app edits alike.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NamedList {
    Stakeholders,
    Roles,
    Activities,
}

impl Plan {
    /// Set (or clear, with `None`) one cell of the stakeholder-needs matrix.
    pub fn set_relevance(&mut self, stakeholder_id: &str, need_id: &str, value: Option<Relevance>) {
        self.need_links.retain(|l| !(l.stakeholder_id == stakeholder_id && l.need_id == need_id));
        if let Some(relevance) = value {
            self.need_links.push(NeedLink { stakeholder_id: stakeholder_id.to_owned(), need_id: need_id.to_owned(), relevance });
        }
    }

    /// Remove a stakeholder and every matrix cell that refers to it.
    pub fn remove_stakeholder(&mut self, id: &str) {
        self.stakeholders.retain(|s| s.id != id);
        self.need_links.retain(|l| l.stakeholder_id != id);
    }

    /// Remove a control and its links from risk entries.
    pub fn remove_control(&mut self, id: &str) {
        self.controls.retain(|c| c.id != id);
        for risk in &mut self.risks {
            risk.control_ids.retain(|c| c != id);
        }
    }

    pub fn control_mut(&mut self, id: &str) -> Option<&mut Control> {
        self.controls.iter_mut().find(|c| c.id == id)
    }

    /// Add a control with the next free id (C-001, C-002, ...); returns its id.
    pub fn add_control(&mut self, description: &str, kind: ControlKind) -> String {
        let id = format!("C-{:03}", crate::common::ids::next_number(self.controls.iter().map(|c| c.id.as_str()), "C-"));
        self.controls.push(Control {
            id: id.clone(),
            description: description.trim().into(),
            kind,
            status: ControlStatus::Planned,
            verification: String::new(),
            categories: Vec::new(),
        });
        id
    }

    /// Remove a need, its matrix cells and its links from risk entries.
    pub fn remove_need(&mut self, id: &str) {
        self.needs.retain(|n| n.id != id);
        self.need_links.retain(|l| l.need_id != id);
        for risk in &mut self.risks {
            risk.need_ids.retain(|n| n != id);
        }
    }

    /// Each item's id and name, in order.
    pub fn named_items(&self, list: NamedList) -> Vec<(String, String)> {
        let pair = |id: &String, name: &String| (id.clone(), name.clone());
        match list {
            NamedList::Stakeholders => self.stakeholders.iter().map(|x| pair(&x.id, &x.name)).collect(),
            NamedList::Roles => self.roles.iter().map(|x| pair(&x.id, &x.name)).collect(),
            NamedList::Activities => self.activities.iter().map(|x| pair(&x.id, &x.name)).collect(),
        }
    }

    pub fn add_named(&mut self, list: NamedList, id: String, name: String) {
        match list {
            NamedList::Stakeholders => self.add_stakeholder(id, name),
            NamedList::Roles => self.roles.push(Role { id, name }),
            NamedList::Activities => self.activities.push(Activity { id, name }),
        }
    }

    pub fn rename_named(&mut self, list: NamedList, id: &str, name: String) {
        let slot = match list {
            NamedList::Stakeholders => self.stakeholders.iter_mut().find(|x| x.id == id).map(|x| &mut x.name),
            NamedList::Roles => self.roles.iter_mut().find(|x| x.id == id).map(|x| &mut x.name),
            NamedList::Activities => self.activities.iter_mut().find(|x| x.id == id).map(|x| &mut x.name),
        };
        if let Some(slot) = slot {
            *slot = name;
        }
    }

    pub fn move_named(&mut self, list: NamedList, id: &str, delta: isize) {
        match list {
            NamedList::Stakeholders => move_by(&mut self.stakeholders, id, delta),
            NamedList::Roles => move_by(&mut self.roles, id, delta),
            NamedList::Activities => move_by(&mut self.activities, id, delta),
        };
    }

    /// Remove an item and every link to it.
    pub fn remove_named(&mut self, list: NamedList, id: &str) {
        match list {
            NamedList::Stakeholders => self.remove_stakeholder(id),
            NamedList::Roles => self.remove_role(id),
            NamedList::Activities => self.remove_activity(id),
        }
    }
}

/// The component register's edits (format version 6).
impl Plan {
    /// The id the next component gets: CMP- and the number after the
    /// highest one (CMP-001, CMP-002… CMP-1000).
    pub fn next_component_id(&self) -> String {
        component_id(crate::common::ids::next_number(self.components.iter().map(|c| c.id.as_str()), "CMP-"))
    }

    /// Add a component with only a name, of unknown support; returns its id.
    pub fn add_component(&mut self, name: &str) -> String {
        let id = self.next_component_id();
        self.components.push(Component::new(id.clone(), name));
        id
    }

    /// Add `components` (read from an SBOM) at the end of the register, in
    /// order, each under the next free id (the ids they bring are not
    /// kept); returns the ids given.
    pub fn add_components(&mut self, components: Vec<Component>) -> Vec<String> {
        let mut next = crate::common::ids::next_number(self.components.iter().map(|c| c.id.as_str()), "CMP-");
        let mut ids = Vec::with_capacity(components.len());
        for mut c in components {
            c.id = component_id(next);
            next = next.saturating_add(1);
            ids.push(c.id.clone());
            self.components.push(c);
        }
        ids
    }

    pub fn component(&self, id: &str) -> Option<&Component> {
        self.components.iter().find(|c| c.id == id)
    }

    pub fn component_mut(&mut self, id: &str) -> Option<&mut Component> {
        self.components.iter_mut().find(|c| c.id == id)
    }

    /// Set one text of a component, as typed (a date field takes YYYY-MM-DD
    /// or empty; validation refuses anything else, so the edit is not kept).
    pub fn set_component_text(&mut self, id: &str, field: ComponentText, value: String) {
        if let Some(c) = self.component_mut(id) {
            *field.get_mut(c) = value;
        }
    }

    pub fn set_component_kind(&mut self, id: &str, kind: ComponentKind) {
        if let Some(c) = self.component_mut(id) {
            c.kind = kind;
        }
    }

    pub fn set_component_support(&mut self, id: &str, support: SupportLevel) {
        if let Some(c) = self.component_mut(id) {
            c.support = support;
        }
    }

    /// Link a component to a risk of the register, or unlink it; each link at most once.
    pub fn link_component_risk(&mut self, id: &str, risk_id: &str, linked: bool) {
        if let Some(c) = self.component_mut(id) {
            c.risk_ids.retain(|r| r != risk_id);
            if linked {
                c.risk_ids.push(risk_id.to_string());
            }
        }
    }

    pub fn move_component(&mut self, id: &str, delta: isize) {
        move_by(&mut self.components, id, delta);
    }

    pub fn remove_component(&mut self, id: &str) {
        self.components.retain(|c| c.id != id);
    }

    /// The product's planned end of support (A.1), YYYY-MM-DD or empty.
    pub fn set_product_end_of_support(&mut self, date: String) {
        self.project.end_of_support = date;
    }
}

/// The premarket part's edits (format version 7). The MDS2 edits that
/// start from the drafted answer are `plan::premarket::mds2`'s.
impl Plan {
    /// Put a control in a security control category, or take it out; its
    /// categories stay in the order of [`SecurityCategory::ALL`].
    pub fn set_control_category(&mut self, id: &str, category: SecurityCategory, on: bool) {
        if let Some(c) = self.control_mut(id) {
            c.categories.retain(|x| *x != category);
            if on {
                c.categories.push(category);
                c.categories.sort();
            }
        }
    }

    /// Why a category does not apply (empty: it applies).
    pub fn set_category_reason(&mut self, category: SecurityCategory, reason: String) {
        *self.premarket.not_applicable.get_mut(category) = reason;
    }

    pub fn set_view_text(&mut self, view: ViewKind, field: ViewText, value: String) {
        let v = self.premarket.architecture.get_mut(view);
        match field {
            ViewText::Shows => v.shows = value,
            ViewText::Location => v.location = value,
        }
    }

    pub fn set_view_status(&mut self, view: ViewKind, status: ViewStatus) {
        self.premarket.architecture.get_mut(view).status = status;
    }

    /// Section 524B: `None` until decided.
    pub fn set_cyber_device(&mut self, answer: Option<bool>) {
        self.project.cyber_device = answer;
    }

    /// The team's stored answer to an MDS2 question, if any.
    pub fn mds2_answer(&self, question_id: &str) -> Option<&Mds2Answer> {
        self.premarket.mds2.iter().find(|a| a.question_id == question_id)
    }

    /// Store the team's answer to a question whole (the draft no longer
    /// counts for it).
    pub fn set_mds2(&mut self, answer: Mds2Answer) {
        match self.premarket.mds2.iter_mut().find(|a| a.question_id == answer.question_id) {
            Some(slot) => *slot = answer,
            None => self.premarket.mds2.push(answer),
        }
    }

    /// Forget the team's answer: the drafted one shows again.
    pub fn reset_mds2(&mut self, question_id: &str) {
        self.premarket.mds2.retain(|a| a.question_id != question_id);
    }
}

/// "CMP-001"; four digits and more past 999.
fn component_id(n: u32) -> String {
    format!("CMP-{n:03}")
}

/// Which A.1 checklist an edit is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Checklist {
    Inputs,
    Outputs,
}

impl Plan {
    pub fn checklist(&self, list: Checklist) -> &Vec<ChecklistItem> {
        match list {
            Checklist::Inputs => &self.project.inputs,
            Checklist::Outputs => &self.project.outputs,
        }
    }

    fn checklist_mut(&mut self, list: Checklist) -> &mut Vec<ChecklistItem> {
        match list {
            Checklist::Inputs => &mut self.project.inputs,
            Checklist::Outputs => &mut self.project.outputs,
        }
    }

    pub fn add_checklist_item(&mut self, list: Checklist, id: String, label: String) {
        self.checklist_mut(list).push(ChecklistItem { id, label, done: false });
    }

    pub fn set_checklist_done(&mut self, list: Checklist, id: &str, done: bool) {
        self.checklist_mut(list).iter_mut().filter(|i| i.id == id).for_each(|i| i.done = done);
    }

    pub fn remove_checklist_item(&mut self, list: Checklist, id: &str) {
        self.checklist_mut(list).retain(|i| i.id != id);
    }

    pub fn set_scope(&mut self, scope: Scope) {
        self.project.scope = Some(scope);
    }

    /// Answer one Change Impact Assessment question (keeping its note).
    pub fn answer_impact(&mut self, question_id: &str, answer: Answer) {
        let list = &mut self.project.change_impact;
        match list.iter_mut().find(|x| x.question_id == question_id) {
            Some(x) => x.answer = answer,
            None => list.push(ImpactAnswer { question_id: question_id.into(), answer, note: String::new() }),
        }
    }

    /// The note of an answered question (an unanswered one has no note).
    pub fn note_impact(&mut self, question_id: &str, note: String) {
        if let Some(x) = self.project.change_impact.iter_mut().find(|x| x.question_id == question_id) {
            x.note = note;
        }
    }

    pub fn add_stakeholder(&mut self, id: String, name: String) {
        self.stakeholders.push(Stakeholder { id, name, description: String::new() });
    }

    pub fn need_mut(&mut self, id: &str) -> Option<&mut SecurityNeed> {
        self.needs.iter_mut().find(|n| n.id == id)
    }

    /// Add a need with the next free readable id (SN-01, SN-02, ...); returns its id.
    pub fn add_need(&mut self, text: String) -> String {
        let id = self.next_need_id();
        self.needs.push(SecurityNeed { id: id.clone(), text, user_need_ids: Vec::new() });
        id
    }

    /// The id the next need gets: SN- and the number after the highest one (format version 5).
    pub fn next_need_id(&self) -> String {
        format!("SN-{:02}", crate::common::ids::next_number(self.needs.iter().map(|n| n.id.as_str()), "SN-"))
    }

    /// Fold security need `need_id` into the user needs named in `ids`
    /// (separated by commas or spaces, as typed in the matrix); a user need
    /// not in the plan yet is added with no text. Blank unfolds the need. An
    /// id that is not 1 to 64 letters, digits, hyphens or underscores is
    /// refused by validation, so the edit is not kept.
    pub fn fold_need(&mut self, need_id: &str, ids: &str) {
        let mut wanted: Vec<String> = Vec::new();
        for id in ids.split(|c: char| c == ',' || c == ';' || c.is_whitespace()).filter(|s| !s.is_empty()) {
            if !wanted.iter().any(|w| w == id) {
                wanted.push(id.to_string());
            }
        }
        for id in &wanted {
            if !self.user_needs.iter().any(|u| u.id == *id) {
                self.user_needs.push(UserNeed { id: id.clone(), text: String::new() });
            }
        }
        if let Some(n) = self.need_mut(need_id) {
            n.user_need_ids = wanted;
        }
    }

    /// Add an attendee with a fresh `id`.
    pub fn add_attendee(&mut self, id: String, name: &str, organisation: &str, role_id: Option<String>) {
        self.document.attendees.push(Attendee { id, name: name.trim().into(), organisation: organisation.trim().into(), role_id });
    }

    pub fn attendee_mut(&mut self, id: &str) -> Option<&mut Attendee> {
        self.document.attendees.iter_mut().find(|a| a.id == id)
    }

    pub fn remove_attendee(&mut self, id: &str) {
        self.document.attendees.retain(|a| a.id != id);
    }

    /// Add a user need with the next free id (UN-1, UN-2, ...); returns its id.
    pub fn add_user_need(&mut self, text: &str) -> String {
        let id = format!("UN-{}", crate::common::ids::next_number(self.user_needs.iter().map(|u| u.id.as_str()), "UN-"));
        self.user_needs.push(UserNeed { id: id.clone(), text: text.trim().into() });
        id
    }

    pub fn user_need_mut(&mut self, id: &str) -> Option<&mut UserNeed> {
        self.user_needs.iter_mut().find(|u| u.id == id)
    }

    /// Remove a user need and unfold the security needs from it.
    pub fn remove_user_need(&mut self, id: &str) {
        self.user_needs.retain(|u| u.id != id);
        for n in &mut self.needs {
            n.user_need_ids.retain(|u| u != id);
        }
    }

    pub fn move_need(&mut self, id: &str, delta: isize) {
        move_by(&mut self.needs, id, delta);
    }

    pub fn risk_mut(&mut self, id: &str) -> Option<&mut RiskEntry> {
        self.risks.iter_mut().find(|r| r.id == id)
    }

    /// Add a risk with the next free id (R-001, R-002, ...), not rated yet; returns its id.
    pub fn add_risk(&mut self, asset: &str, threat: &str) -> String {
        let id = crate::plan::risk::next_risk_id(self);
        self.risks.push(RiskEntry::new(id.clone(), asset, threat));
        id
    }

    /// Remove a risk and the components' links to it.
    pub fn remove_risk(&mut self, id: &str) {
        self.risks.retain(|r| r.id != id);
        for c in &mut self.components {
            c.risk_ids.retain(|r| r != id);
        }
    }

    pub fn set_axis(&mut self, axis: LikelihoodAxis) {
        self.criteria.axis = axis;
    }

    /// Rename level `index` (0-based) of one axis; a level off the grid is left alone.
    pub fn rename_level(&mut self, likelihood: bool, index: usize, name: String) {
        let c = &mut self.criteria;
        let levels = if likelihood { &mut c.likelihood_levels } else { &mut c.severity_levels };
        if let Some(slot) = levels.get_mut(index) {
            *slot = name;
        }
    }

    /// Paint one cell of the grid (0-based likelihood and severity levels).
    pub fn set_zone(&mut self, likelihood: usize, severity: usize, zone: Zone) {
        if let Some(cell) = self.criteria.zones.get_mut(likelihood).and_then(|row| row.get_mut(severity)) {
            *cell = zone;
        }
    }

    /// Name an SBOM format as used, or not; each appears at most once.
    pub fn set_sbom_format(&mut self, format: SbomFormat, used: bool) {
        let formats = &mut self.management.sbom.formats;
        formats.retain(|x| *x != format);
        if used {
            formats.push(format);
        }
    }

    pub fn raci_value(&self, role_id: &str, activity_id: &str) -> Option<Raci> {
        self.raci.iter().find(|a| a.role_id == role_id && a.activity_id == activity_id).map(|a| a.value)
    }

    pub fn set_raci(&mut self, role_id: &str, activity_id: &str, value: Option<Raci>) {
        self.raci.retain(|a| !(a.role_id == role_id && a.activity_id == activity_id));
        if let Some(value) = value {
            self.raci.push(RaciAssignment { role_id: role_id.into(), activity_id: activity_id.into(), value });
        }
    }

    pub fn remove_role(&mut self, id: &str) {
        self.roles.retain(|r| r.id != id);
        self.raci.retain(|a| a.role_id != id);
        for a in &mut self.document.attendees {
            if a.role_id.as_deref() == Some(id) {
                a.role_id = None;
            }
        }
    }

    pub fn remove_activity(&mut self, id: &str) {
        self.activities.retain(|a| a.id != id);
        self.raci.retain(|a| a.activity_id != id);
    }

    /// Add the JSP's example needs that are not in the plan yet, each linked
    /// as critical to the stakeholder that voiced it (if still present).
    pub fn accept_example_needs(&mut self) -> usize {
        let mut added = 0;
        for (need, stakeholder) in crate::plan::presets::example_needs() {
            if self.needs.iter().any(|n| n.id == need.id || n.text == need.text) {
                continue;
            }
            let id = self.add_need(need.text);
            if self.stakeholders.iter().any(|s| s.id == stakeholder) {
                self.set_relevance(stakeholder, &id, Some(Relevance::Critical));
            }
            added += 1;
        }
        added
    }

    /// Replace the grid with `criteria` (a preset); ratings beyond its edge
    /// move onto it. Returns how many ratings moved.
    pub fn apply_grid(&mut self, criteria: RiskCriteria) -> usize {
        let moved = self.resize_grid(criteria.likelihood_levels.len(), criteria.severity_levels.len());
        self.criteria = criteria;
        moved
    }

    /// Change the number of levels on each axis (each clamped to 3..=5).
    /// New levels get default names and zones; ratings beyond the new edge
    /// move onto it. Returns how many ratings moved.
    pub fn resize_grid(&mut self, likelihood: usize, severity: usize) -> usize {
        let (l, s) = (likelihood.clamp(MIN_LEVELS, MAX_LEVELS), severity.clamp(MIN_LEVELS, MAX_LEVELS));
        let c = &mut self.criteria;
        resize_levels(&mut c.likelihood_levels, &mut c.removed_likelihood_levels, l, "Level");
        resize_levels(&mut c.severity_levels, &mut c.removed_severity_levels, s, "Severity");
        c.zones.truncate(l);
        for row in &mut c.zones {
            row.truncate(s);
        }
        for (i, row) in c.zones.iter_mut().enumerate() {
            for j in row.len()..s {
                row.push(default_zone(i, j, l, s));
            }
        }
        for i in c.zones.len()..l {
            c.zones.push((0..s).map(|j| default_zone(i, j, l, s)).collect());
        }
        let (l, s) = (l as u8, s as u8);
        let mut moved = 0;
        for r in &mut self.risks {
            for rating in r.initial.iter_mut().chain(r.residual.as_mut()) {
                let clamped = Rating { likelihood: rating.likelihood.min(l), severity: rating.severity.min(s) };
                if clamped != *rating {
                    *rating = clamped;
                    moved += 1;
                }
            }
        }
        moved
    }
}

/// Shrinking keeps the names it removes in `removed` (lowest first) and
/// growing takes them back, so 5 -> 4 -> 5 restores "Frequent" rather than
/// inventing "Level 5". A level that stays is never renamed.
fn resize_levels(levels: &mut Vec<String>, removed: &mut Vec<String>, n: usize, word: &str) {
    if levels.len() > n {
        let mut gone = levels.split_off(n);
        gone.append(removed);
        *removed = gone;
    }
    while levels.len() < n {
        let name = if removed.is_empty() { format!("{word} {}", levels.len() + 1) } else { removed.remove(0) };
        levels.push(name);
    }
    removed.truncate(MAX_LEVELS);
}

/// The zone a new cell gets: by its distance from the low corner.
fn default_zone(i: usize, j: usize, l: usize, s: usize) -> Zone {
    let score = (i as f64 / (l - 1) as f64) + (j as f64 / (s - 1) as f64);
    if score < 0.75 {
        Zone::Acceptable
    } else if score < 1.5 {
        Zone::Review
    } else {
        Zone::Unacceptable
    }
}
