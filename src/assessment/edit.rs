//! The edits the assessment editor makes, each keeping every rule of
//! [`super::rules`]: an edit that would break one is refused with a
//! sentence and changes nothing, so the editor can show the sentence beside
//! the field and keep what was there.
//!
//! The shape is the plan's: the assessment owns its operations (methods
//! here, as `Plan::add_risk` or `Plan::remove_need`), and the editor makes
//! them through [`apply`], its one edit path, which stamps the time,
//! checks the whole assessment once more, and hands back the assessment as
//! it was, for `history::History`. Ids are minted here, never by a view:
//! phases "PH-1", "PH-2"…, milestones "M-1"… after the highest number in use,
//! as the plan numbers its risks (`common::ids::next_number`).
//!
//! Texts: what an item is created with (a name typed in a dialog) is
//! trimmed; a field edited in place (evidence, an owner, a renamed phase)
//! is kept as typed, keystroke by keystroke, so trimming never eats the
//! space just typed. Anything over the rules' length is refused, never cut.
//!
//! Removing an item removes the links to it: a removed phase leaves its
//! milestones unphased, never deleted. Marking an activity not applicable
//! keeps its levels, so marking it applicable again brings them back (they
//! count nowhere meanwhile); levels of an activity marked not applicable are
//! not edited, so nobody scores what no output shows.
//!
//! The baseline of a progress comparison stays outside the assessment (the
//! file has no place for it): the editor imports it with
//! [`super::import`], compares with [`super::score::progress`], and may
//! show [`baseline_notes`].

use super::framework::{self, Activity};
use super::level::MAX_LEVEL;
use super::rules::{describe, validate, MAX_MILESTONES, MAX_PHASES};
use super::{export_compact, ActivityEntry, Assessment, Milestone, Phase, MAX_FILE_BYTES};
use crate::common::edit::{impl_document, settle, Kept};
use crate::common::ids::{is_id, move_by, Identified};
use crate::common::rules::{is_date, MAX_ID_LEN, MAX_NAME_LEN, MAX_TEXT_LEN};
use crate::common::words::{quoted, thousands};

/// Phase ids: "PH-1", "PH-2"…
pub const PHASE_PREFIX: &str = "PH-";
/// Milestone ids: "M-1", "M-2"…
pub const MILESTONE_PREFIX: &str = "M-";

// ---- the one edit path ----------------------------------------------------

/// A kept edit.
#[derive(Debug, Clone, PartialEq)]
pub struct Applied<T> {
    /// What the change returned, such as a new milestone's id.
    pub value: T,
    /// The assessment as it was, for undo.
    pub before: Assessment,
    /// Its new stored text (an assessment is small: writing it is cheap).
    pub text: String,
}

/// Make `change`, stamping `now` (RFC 3339) as the time of the last edit.
/// `Ok(None)` when it changed nothing (and so is neither saved nor an undo
/// step); on `Err` the assessment is exactly as it was, even when `change`
/// made several edits and a later one was refused.
pub fn apply<T>(
    a: &mut Assessment,
    now: &str,
    change: impl FnOnce(&mut Assessment) -> Result<T, String>,
) -> Result<Option<Applied<T>>, String> {
    let before = a.clone();
    match change(a) {
        Ok(value) => Ok(settle(a, before, now, true)?.map(|Kept { before, text }| Applied {
            value,
            before,
            text: text.expect("settle writes the text when asked"),
        })),
        Err(why) => {
            *a = before;
            Err(why)
        }
    }
}

impl_document!(Assessment, max_bytes: MAX_FILE_BYTES, validate: validate, describe: describe, text: export_compact, too_large: too_large);

/// Why an edit that would outgrow an assessment file is not kept.
fn too_large() -> String {
    format!(
        "The assessment would be larger than {} MB, the most an assessment file can hold, so this change was not kept.",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

// ---- the library: create, duplicate --------------------------------------

/// A new assessment of `organisation` (may be empty) on `assessed_on`
/// (YYYY-MM-DD, today in the app), holding every framework activity
/// unscored, no roadmap and no plan. `id` is fresh (`common::ids::new_id`),
/// `now` RFC 3339. Name and organisation are trimmed.
pub fn create(id: String, name: &str, organisation: &str, assessed_on: &str, now: &str) -> Result<Assessment, String> {
    let (name, organisation) = (name.trim(), organisation.trim());
    assessment_name(name)?;
    bounded(organisation, MAX_NAME_LEN, || "The organisation's name".into())?;
    date(assessed_on, "The date of the assessment")?;
    checked(Assessment::new(id, name.into(), organisation.into(), assessed_on.into(), now.into()))
}

/// A copy with a new identity and name (`common::ids::copy_name` makes the
/// usual one), keeping levels, notes, roadmap and plan link: next year's
/// assessment starts from this year's answers.
pub fn duplicate(a: &Assessment, new_id: String, now: &str, name: &str) -> Result<Assessment, String> {
    let name = name.trim();
    assessment_name(name)?;
    let mut copy = a.clone();
    copy.id = new_id;
    copy.name = name.into();
    copy.created_at = now.into();
    copy.updated_at = now.into();
    checked(copy)
}

/// A whole new assessment passes every rule, or the first it breaks is said.
fn checked(a: Assessment) -> Result<Assessment, String> {
    match validate(&a).first() {
        Some(problem) => Err(describe(problem, &a)),
        None => Ok(a),
    }
}

fn assessment_name(name: &str) -> Result<(), String> {
    required(name, "An assessment needs a name.")?;
    bounded(name, MAX_NAME_LEN, || "The assessment's name".into())
}

// ---- the keyboard: stepping levels, moving between activities -------------

/// A step of a level with the arrow keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Up,
    Down,
}

/// The level one step away: up from not scored is 0, then 1… up to 5, where
/// it stays; down from 0 is not scored, where it stays. Holding a key never
/// wraps round to the other end.
pub fn step(level: Option<u8>, step: Step) -> Option<u8> {
    match (step, level) {
        (Step::Up, None) => Some(0),
        (Step::Up, Some(l)) => Some(l.saturating_add(1).min(MAX_LEVEL)),
        (Step::Down, None) => None,
        (Step::Down, Some(l)) => l.checked_sub(1).map(|l| l.min(MAX_LEVEL)),
    }
}

/// The activity after `activity_id` in framework order (across components);
/// `None` after the last one or for an id the framework does not know.
pub fn next_activity(activity_id: &str) -> Option<&'static Activity> {
    let i = framework::activities().position(|a| a.id == activity_id)?;
    framework::activities().nth(i + 1)
}

/// The activity before `activity_id` in framework order; `None` before the first.
pub fn previous_activity(activity_id: &str) -> Option<&'static Activity> {
    let i = framework::activities().position(|a| a.id == activity_id)?;
    framework::activities().nth(i.checked_sub(1)?)
}

// ---- the assessment's own fields -------------------------------------------

impl Assessment {
    /// Rename the assessment (kept as typed; blank is refused).
    pub fn rename(&mut self, name: &str) -> Result<(), String> {
        assessment_name(name)?;
        self.name = name.into();
        Ok(())
    }

    /// The organisation assessed; may be empty.
    pub fn set_organisation(&mut self, organisation: &str) -> Result<(), String> {
        bounded(organisation, MAX_NAME_LEN, || "The organisation's name".into())?;
        self.organisation = organisation.into();
        Ok(())
    }

    /// The day of the workshop, YYYY-MM-DD.
    pub fn set_assessed_on(&mut self, assessed_on: &str) -> Result<(), String> {
        date(assessed_on, "The date of the assessment")?;
        self.assessed_on = assessed_on.into();
        Ok(())
    }

    /// Link the assessment to a plan (its id), or unlink it with `None`.
    pub fn set_plan_id(&mut self, plan_id: Option<&str>) -> Result<(), String> {
        if let Some(id) = plan_id.filter(|id| !is_id(id)) {
            return Err(format!("A plan's id is 1 to {MAX_ID_LEN} letters, digits, hyphens or underscores; {} is not one.", quoted(id)));
        }
        self.plan_id = plan_id.map(str::to_string);
        Ok(())
    }
}

// ---- activities ---------------------------------------------------------------

/// Which of an activity's two levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Current,
    Target,
}

impl Side {
    /// "current" or "target", as a sentence names the level.
    pub fn word(self) -> &'static str {
        match self {
            Side::Current => "current",
            Side::Target => "target",
        }
    }
}

impl Assessment {
    /// The level today: 0 to 5, or `None` for not scored.
    pub fn set_current(&mut self, activity_id: &str, level: Option<u8>) -> Result<(), String> {
        self.set_level(activity_id, Side::Current, level)
    }

    /// The level aimed for: 0 to 5, or `None` for not chosen.
    pub fn set_target(&mut self, activity_id: &str, level: Option<u8>) -> Result<(), String> {
        self.set_level(activity_id, Side::Target, level)
    }

    /// The current level one [`step`] up or down.
    pub fn step_current(&mut self, activity_id: &str, by: Step) -> Result<(), String> {
        self.step_level(activity_id, Side::Current, by)
    }

    /// The target level one [`step`] up or down.
    pub fn step_target(&mut self, activity_id: &str, by: Step) -> Result<(), String> {
        self.step_level(activity_id, Side::Target, by)
    }

    /// One of the levels one [`step`] up or down.
    pub fn step_level(&mut self, activity_id: &str, side: Side, by: Step) -> Result<(), String> {
        let level = self.entry(activity_id).and_then(|e| match side {
            Side::Current => e.current,
            Side::Target => e.target,
        });
        self.set_level(activity_id, side, step(level, by))
    }

    /// One of the levels: 0 to 5, or `None` for not scored (not chosen).
    pub fn set_level(&mut self, activity_id: &str, side: Side, level: Option<u8>) -> Result<(), String> {
        let activity = activity(activity_id)?;
        if let Some(l) = level.filter(|l| *l > MAX_LEVEL) {
            return Err(format!("The {} level of “{}” cannot be {l}; levels are 0 to {MAX_LEVEL}.", side.word(), activity.name));
        }
        if self.entry(activity_id).is_some_and(|e| !e.applicable()) {
            return Err(format!("The activity “{}” is marked not applicable; mark it applicable before scoring it.", activity.name));
        }
        self.update_entry(activity_id, |e| match side {
            Side::Current => e.current = level,
            Side::Target => e.target = level,
        });
        Ok(())
    }

    /// Mark an activity not applicable, saying why (or change the reason).
    /// Its levels are kept, and count nowhere until it applies again.
    pub fn mark_not_applicable(&mut self, activity_id: &str, reason: &str) -> Result<(), String> {
        let activity = activity(activity_id)?;
        required(reason, &format!("Say why “{}” does not apply to the organisation.", activity.name))?;
        bounded(reason, MAX_TEXT_LEN, || format!("The reason “{}” does not apply", activity.name))?;
        self.update_entry(activity_id, |e| e.not_applicable = Some(reason.into()));
        Ok(())
    }

    /// Mark an activity applicable again; the levels it had count again.
    pub fn mark_applicable(&mut self, activity_id: &str) -> Result<(), String> {
        activity(activity_id)?;
        self.update_entry(activity_id, |e| e.not_applicable = None);
        Ok(())
    }

    /// What shows the level: documents, records, links.
    pub fn set_evidence(&mut self, activity_id: &str, evidence: &str) -> Result<(), String> {
        let activity = activity(activity_id)?;
        bounded(evidence, MAX_TEXT_LEN, || format!("The evidence for “{}”", activity.name))?;
        self.update_entry(activity_id, |e| e.evidence = evidence.into());
        Ok(())
    }

    /// Who answers for improving the activity; may be empty.
    pub fn set_owner(&mut self, activity_id: &str, owner: &str) -> Result<(), String> {
        let activity = activity(activity_id)?;
        bounded(owner, MAX_NAME_LEN, || format!("The owner of “{}”", activity.name))?;
        self.update_entry(activity_id, |e| e.owner = owner.into());
        Ok(())
    }

    /// Change a framework activity's entry; a missing entry (a file older
    /// than the framework) is added only when the change leaves it scored
    /// or noted, so an edit that changes nothing changes nothing.
    fn update_entry(&mut self, activity_id: &str, change: impl FnOnce(&mut ActivityEntry)) {
        let old = self.entry(activity_id).cloned().unwrap_or_else(|| ActivityEntry::unscored(activity_id));
        let mut new = old.clone();
        change(&mut new);
        if new != old {
            *self.entry_mut(activity_id).expect("checked to be a framework activity") = new;
        }
    }
}

// ---- the roadmap: phases ---------------------------------------------------------

impl Identified for Phase {
    fn id(&self) -> &str {
        &self.id
    }
}

impl Assessment {
    /// Add a phase at the end of the roadmap; returns its id.
    pub fn add_phase(&mut self, name: &str, goal: &str) -> Result<String, String> {
        if self.phases.len() >= MAX_PHASES {
            return Err(format!("The roadmap already has {MAX_PHASES} phases, the most it can hold."));
        }
        let (name, goal) = (name.trim(), goal.trim());
        phase_name(name)?;
        bounded(goal, MAX_TEXT_LEN, || "The phase's goal".into())?;
        let id = fresh_id(PHASE_PREFIX, self.phases.iter().map(|p| p.id.as_str()));
        self.phases.push(Phase { id: id.clone(), name: name.into(), goal: goal.into() });
        Ok(id)
    }

    pub fn rename_phase(&mut self, id: &str, name: &str) -> Result<(), String> {
        phase_name(name)?;
        self.phase_mut(id)?.name = name.into();
        Ok(())
    }

    /// What the phase is for; may be empty.
    pub fn set_phase_goal(&mut self, id: &str, goal: &str) -> Result<(), String> {
        bounded(goal, MAX_TEXT_LEN, || "The phase's goal".into())?;
        self.phase_mut(id)?.goal = goal.into();
        Ok(())
    }

    /// Move a phase one place earlier (`-1`) or later (`+1`) in the
    /// roadmap; at either end it stays.
    pub fn move_phase(&mut self, id: &str, delta: isize) -> Result<(), String> {
        self.phase_mut(id)?;
        move_by(&mut self.phases, id, delta);
        Ok(())
    }

    /// Remove a phase; its milestones stay, without a phase.
    pub fn remove_phase(&mut self, id: &str) -> Result<(), String> {
        self.phase_mut(id)?;
        self.phases.retain(|p| p.id != id);
        for m in self.milestones.iter_mut().filter(|m| m.phase_id.as_deref() == Some(id)) {
            m.phase_id = None;
        }
        Ok(())
    }

    fn phase_mut(&mut self, id: &str) -> Result<&mut Phase, String> {
        self.phases.iter_mut().find(|p| p.id == id).ok_or_else(|| no_phase(id))
    }

    fn known_phase(&self, id: Option<&str>) -> Result<(), String> {
        match id {
            Some(id) if !self.phases.iter().any(|p| p.id == id) => Err(no_phase(id)),
            _ => Ok(()),
        }
    }
}

fn phase_name(name: &str) -> Result<(), String> {
    required(name, "A phase needs a name.")?;
    bounded(name, MAX_NAME_LEN, || "The phase's name".into())
}

fn no_phase(id: &str) -> String {
    format!("There is no phase {} in this roadmap; it may have been removed.", quoted(id))
}

// ---- the roadmap: milestones -------------------------------------------------------

impl Assessment {
    /// Add a milestone due on `date` (YYYY-MM-DD), in a phase or none,
    /// closing the gaps of `closes` (framework activity ids; one named twice
    /// is listed once); returns its id.
    pub fn add_milestone(&mut self, name: &str, date: &str, phase_id: Option<&str>, closes: &[&str]) -> Result<String, String> {
        if self.milestones.len() >= MAX_MILESTONES {
            return Err(format!("The roadmap already has {} milestones, the most it can hold.", thousands(MAX_MILESTONES)));
        }
        let name = name.trim();
        milestone_name(name)?;
        milestone_date(date)?;
        self.known_phase(phase_id)?;
        let closes = activity_list(closes)?;
        let id = fresh_id(MILESTONE_PREFIX, self.milestones.iter().map(|m| m.id.as_str()));
        self.milestones.push(Milestone {
            id: id.clone(),
            name: name.into(),
            date: date.into(),
            phase_id: phase_id.map(str::to_string),
            closes,
        });
        Ok(id)
    }

    pub fn rename_milestone(&mut self, id: &str, name: &str) -> Result<(), String> {
        milestone_name(name)?;
        self.milestone_mut(id)?.name = name.into();
        Ok(())
    }

    /// When it is due, YYYY-MM-DD.
    pub fn set_milestone_date(&mut self, id: &str, date: &str) -> Result<(), String> {
        milestone_date(date)?;
        self.milestone_mut(id)?.date = date.into();
        Ok(())
    }

    /// Put a milestone in a phase of this roadmap, or in none.
    pub fn set_milestone_phase(&mut self, id: &str, phase_id: Option<&str>) -> Result<(), String> {
        self.known_phase(phase_id)?;
        self.milestone_mut(id)?.phase_id = phase_id.map(str::to_string);
        Ok(())
    }

    /// Replace the activities whose gaps a milestone closes.
    pub fn set_milestone_closes(&mut self, id: &str, closes: &[&str]) -> Result<(), String> {
        let closes = activity_list(closes)?;
        self.milestone_mut(id)?.closes = closes;
        Ok(())
    }

    /// Say the milestone closes `activity_id`'s gap (already said: no change).
    pub fn link_gap(&mut self, milestone_id: &str, activity_id: &str) -> Result<(), String> {
        activity(activity_id)?;
        let m = self.milestone_mut(milestone_id)?;
        if !m.closes.iter().any(|c| c == activity_id) {
            m.closes.push(activity_id.into());
        }
        Ok(())
    }

    /// Say the milestone no longer closes `activity_id`'s gap.
    pub fn unlink_gap(&mut self, milestone_id: &str, activity_id: &str) -> Result<(), String> {
        self.milestone_mut(milestone_id)?.closes.retain(|c| c != activity_id);
        Ok(())
    }

    pub fn remove_milestone(&mut self, id: &str) -> Result<(), String> {
        self.milestone_mut(id)?;
        self.milestones.retain(|m| m.id != id);
        Ok(())
    }

    fn milestone_mut(&mut self, id: &str) -> Result<&mut Milestone, String> {
        self.milestones
            .iter_mut()
            .find(|m| m.id == id)
            .ok_or_else(|| format!("There is no milestone {} in this roadmap; it may have been removed.", quoted(id)))
    }
}

fn milestone_name(name: &str) -> Result<(), String> {
    required(name, "A milestone needs a name.")?;
    bounded(name, MAX_NAME_LEN, || "The milestone's name".into())
}

fn milestone_date(d: &str) -> Result<(), String> {
    date(d, "A milestone's date")
}

/// Framework activity ids, each once, in the order given.
fn activity_list(ids: &[&str]) -> Result<Vec<String>, String> {
    let mut list: Vec<String> = Vec::new();
    for id in ids {
        activity(id)?;
        if !list.iter().any(|x| x == id) {
            list.push((*id).into());
        }
    }
    Ok(list)
}

// ---- the baseline --------------------------------------------------------------

/// What the editor may say beside a progress comparison, when the baseline
/// looks like the wrong file: assessed after this assessment (progress then
/// reads backwards), or of another organisation. Empty when it looks right.
pub fn baseline_notes(baseline: &Assessment, now: &Assessment) -> Vec<String> {
    let mut notes = Vec::new();
    if baseline.assessed_on > now.assessed_on {
        notes.push(format!(
            "The baseline was assessed on {}, after this assessment ({}), so the changes shown run backwards.",
            baseline.assessed_on, now.assessed_on
        ));
    }
    let (was, is) = (baseline.organisation.trim(), now.organisation.trim());
    if !was.is_empty() && !is.is_empty() && !was.eq_ignore_ascii_case(is) {
        notes.push(format!("The baseline assesses {}, not {}.", quoted(was), quoted(is)));
    }
    notes
}

// ---- shared checks ----------------------------------------------------------------

/// The framework activity `id`, or why there is none.
fn activity(id: &str) -> Result<&'static Activity, String> {
    framework::find(id).map(|(_, a)| a).ok_or_else(|| format!("There is no activity {} in the JSP framework.", quoted(id)))
}

fn required(text: &str, sentence: &str) -> Result<(), String> {
    if text.trim().is_empty() {
        Err(sentence.into())
    } else {
        Ok(())
    }
}

/// At most `max` characters; `what` names the text, capitalised.
fn bounded(text: &str, max: usize, what: impl FnOnce() -> String) -> Result<(), String> {
    // Counting stops at the limit, as in the rules.
    if text.chars().nth(max).is_some() {
        Err(format!("{} is longer than {} characters; shorten it.", what(), thousands(max)))
    } else {
        Ok(())
    }
}

fn date(d: &str, what: &str) -> Result<(), String> {
    if is_date(d) {
        Ok(())
    } else {
        let found = if d.trim().is_empty() { "empty".to_string() } else { quoted(d) };
        Err(format!("{what} is {found}; write it YYYY-MM-DD, such as 2026-09-30."))
    }
}

/// `prefix` + the number after the highest in use; should that be taken
/// (a number at the top of the range), the lowest free one.
fn fresh_id<'a>(prefix: &str, ids: impl Iterator<Item = &'a str> + Clone) -> String {
    let taken = |n: u32| ids.clone().any(|id| id == format!("{prefix}{n}"));
    let n = crate::common::ids::next_number(ids.clone(), prefix);
    let n = if taken(n) { (1..).find(|n| !taken(*n)).expect("fewer ids than numbers") } else { n };
    format!("{prefix}{n}")
}
