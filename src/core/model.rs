//! The open document: a workbook with its undo history and its cached findings.
//!
//! The UI holds one [`Model`]; it never changes the workbook directly. Findings are recomputed
//! only when an edit changed something, never per frame.

use super::edit::{Edit, Snapshot, apply};
use super::refusal::Refusal;
use super::rules::{Finding, Severity, check};
use super::signoff::{SignOffCheck, verify};
use super::workbook::Workbook;

/// Generations are unique across every model of the process, so a view's cache keyed by
/// generation never mistakes a newly opened workbook for the one it replaced.
static GENERATIONS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

fn next_generation() -> u64 {
    GENERATIONS.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
}

/// How many steps undo keeps. An office program keeps about a hundred; a session host applies
/// every seat's edits to its model, so without a bound a long meeting would grow its memory with
/// every edit (benches/session.rs measures it).
const MAX_UNDO: usize = 200;

/// One step of history: what to put back on undo and what to put back on redo.
#[derive(Clone, Debug)]
struct Step {
    label: String,
    before: Snapshot,
    after: Snapshot,
    /// Whether the edit recorded a decision (a college's or WerkBedrijf's): taking that back is
    /// worth a question first.
    decision: bool,
}

/// A workbook being edited, with undo/redo and the rules' findings kept up to date.
#[derive(Clone, Debug)]
pub struct Model {
    workbook: Workbook,
    findings: Vec<Finding>,
    new_findings: Vec<Finding>,
    checks: Vec<SignOffCheck>,
    undo: Vec<Step>,
    redo: Vec<Step>,
    generation: u64,
    saved_generation: u64,
}

impl Model {
    /// Opens a workbook for editing, with empty history.
    pub fn new(workbook: Workbook) -> Self {
        let findings = check(&workbook);
        let checks = verify(&workbook);
        let generation = next_generation();
        Model {
            workbook,
            findings,
            new_findings: Vec::new(),
            checks,
            undo: Vec::new(),
            redo: Vec::new(),
            generation,
            saved_generation: generation,
        }
    }

    /// The workbook as it stands.
    pub fn workbook(&self) -> &Workbook {
        &self.workbook
    }

    /// The rules' findings for the workbook as it stands.
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// Whether each gemeente's sign-off in force still holds (recomputed only on change).
    pub fn sign_off_check(&self, gemeente: &str) -> Option<&SignOffCheck> {
        self.checks.iter().find(|c| c.gemeente == gemeente)
    }

    /// A counter that changes whenever the workbook changes, so views can cache derived data.
    pub fn generation(&self) -> u64 {
        self.generation
    }

    /// Whether there are changes since the last save (or since opening).
    pub fn is_dirty(&self) -> bool {
        self.generation != self.saved_generation
    }

    /// Marks the workbook as not saved (a restored recovery copy is unsaved work).
    pub fn mark_unsaved(&mut self) {
        self.saved_generation = u64::MAX;
    }

    /// Sets who saved the file and when; not an edit of the choices, so not undoable.
    pub fn set_metadata(&mut self, metadata: super::workbook::Metadata) {
        self.workbook.metadata = metadata;
    }

    /// Records that the workbook as it stands has been saved.
    pub fn mark_saved(&mut self) {
        self.saved_generation = self.generation;
    }

    /// Applies an edit through the one edit path; records it for undo when it changed something.
    pub fn apply(&mut self, edit: Edit) -> Result<(), Refusal> {
        if let Some(before) = apply(&mut self.workbook, &edit)? {
            let after = before.retake(&self.workbook);
            self.undo.push(Step {
                label: edit.label(),
                before,
                after,
                decision: is_decision(&edit),
            });
            if self.undo.len() > MAX_UNDO {
                self.undo.remove(0);
            }
            self.redo.clear();
            self.changed();
        }
        Ok(())
    }

    /// Undoes the last edit; returns its label, or `None` when there is nothing to undo.
    pub fn undo(&mut self) -> Option<String> {
        let step = self.undo.pop()?;
        self.restore(step.before.clone());
        let label = step.label.clone();
        self.redo.push(step);
        Some(label)
    }

    /// Redoes the last undone edit; returns its label, or `None` when there is nothing to redo.
    pub fn redo(&mut self) -> Option<String> {
        let step = self.redo.pop()?;
        self.restore(step.after.clone());
        let label = step.label.clone();
        self.undo.push(step);
        Some(label)
    }

    /// The label of the edit undo would take back.
    pub fn undo_label(&self) -> Option<&str> {
        self.undo.last().map(|s| s.label.as_str())
    }

    /// Whether undo would take back a recorded decision (the app asks before it does).
    pub fn undo_takes_back_a_decision(&self) -> bool {
        self.undo.last().is_some_and(|s| s.decision)
    }

    /// The label of the edit redo would re-apply.
    pub fn redo_label(&self) -> Option<&str> {
        self.redo.last().map(|s| s.label.as_str())
    }

    fn restore(&mut self, snapshot: Snapshot) {
        snapshot.restore(&mut self.workbook);
        self.changed();
    }

    /// The errors the last change (edit, undo or redo) brought that were not there before, so
    /// Beheer can say at once which gemeenten a price change puts over budget.
    pub fn new_findings(&self) -> &[Finding] {
        &self.new_findings
    }

    /// The gemeenten whose agreed choices would no longer hold after this edit (their fingerprint
    /// covers the prices and budgets), found by trying it on a copy. Refused edits give the refusal.
    pub fn sign_offs_broken_by(&self, edit: &Edit) -> Result<Vec<String>, Refusal> {
        let mut trial = self.workbook.clone();
        apply(&mut trial, edit)?;
        let holding = |checks: &[SignOffCheck], name: &str| {
            checks.iter().any(|c| c.gemeente == name && c.is_valid())
        };
        let after = verify(&trial);
        Ok(self
            .checks
            .iter()
            .filter(|c| c.is_valid() && !holding(&after, &c.gemeente))
            .map(|c| c.gemeente.clone())
            .collect())
    }

    fn changed(&mut self) {
        self.generation = next_generation();
        let findings = check(&self.workbook);
        self.new_findings = findings
            .iter()
            .filter(|f| f.severity == Severity::Error && !self.findings.contains(f))
            .cloned()
            .collect();
        self.findings = findings;
        self.checks = verify(&self.workbook);
    }
}

/// Whether an edit records (or re-records) a decision, which undo asks about first.
fn is_decision(edit: &Edit) -> bool {
    match edit {
        Edit::SignOff {
            step: super::signoff::SignOffStep::Decide(_) | super::signoff::SignOffStep::Reseal,
            ..
        } => true,
        Edit::Recorded { edit, .. } => is_decision(edit),
        _ => false,
    }
}
