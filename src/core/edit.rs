//! Every change of a draft is an [`Edit`] applied by [`apply`]: drag and drop, the +/− buttons,
//! keyboard shortcuts and undo/redo all go through this one path, so they obey the same rules.

use rust_decimal::Decimal;

use super::options::{OptionChange, OptionRefusal, apply_option_change};
use super::refusal::Refusal;
use super::rules::quantum;
use super::setup::{SetupEdit, apply_setup};
use super::signoff::{self, SignOffStep, Status};
use super::workbook::{Choice, Plan, Workbook};

/// One change of a workbook, as a value, so it can be applied, refused, recorded and undone.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Edit {
    /// Put peppers on an activity (positive) or take them off (negative).
    AddPeppers {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// How many peppers to add; negative to take off.
        peppers: Decimal,
    },
    /// Move peppers from one activity to another in one step (drag from card to card).
    MovePeppers {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity the peppers leave.
        from: u32,
        /// The activity the peppers go to.
        to: u32,
        /// How many peppers move.
        peppers: Decimal,
    },
    /// Take or drop an offer that costs no peppers (activity 1).
    SetTaken {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// Whether the gemeente takes it.
        taken: bool,
    },
    /// Set the free-text note of a choice.
    SetNote {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activity's number.
        activity: u32,
        /// The new note.
        note: String,
    },
    /// Replace a gemeente's choices with those of an imported file (after the user saw the changes).
    ImportPlan {
        /// The imported plan.
        plan: Plan,
    },
    /// A step in signing off a gemeente's choices.
    SignOff {
        /// The gemeente.
        gemeente: String,
        /// The step.
        step: SignOffStep,
    },
    /// A sign-off step made by someone at some moment: applied as the step, and written to the
    /// workbook's history with who (the name from Instellingen and the computer) and when, so a
    /// controller sees every step of a decision beside the figures. The app makes every sign-off
    /// step this way; a step without it (scripts, tests) leaves no history line.
    Recorded {
        /// The sign-off step ([`Edit::SignOff`]).
        edit: Box<Edit>,
        /// Who.
        by: super::history::Author,
        /// When.
        at: chrono::NaiveDateTime,
    },
    /// A change of the card, the region or the term (Beheer).
    Setup(SetupEdit),
    /// A change of the realisation: figures entered, pasted or imported, a period closed.
    Progress(super::progress::ProgressEdit),
    /// A choice edit (peppers, taken, note, fill) applied to an option other than the proposal.
    InOption {
        /// The option's name.
        option: String,
        /// The edit; its gemeente is the plan's.
        edit: Box<Edit>,
    },
    /// Make, copy, rename, delete an option, or make one the proposal.
    Options {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The change.
        change: OptionChange,
    },
    /// "Vul aan": spend the peppers left on the activities in this order, each as far as the
    /// rules allow (minimum, maximum, colour, budget), as one edit.
    Fill {
        /// The gemeente whose plan changes.
        gemeente: String,
        /// The activities in order of priority.
        priority: Vec<u32>,
    },
}

/// What an applied edit changed, as it was before (for undo) or after (for redo): one gemeente's
/// plan for drafting edits, the whole document for Beheer edits, which can touch every plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Snapshot {
    /// One gemeente's plan.
    Plan(Plan),
    /// The region, card, plans and baseline (not the file's metadata).
    Document(Box<Workbook>),
    /// The realisation.
    Progress(Box<super::progress::Progress>),
}

impl Snapshot {
    /// Takes the same kind of snapshot of the workbook as it stands now.
    pub fn retake(&self, workbook: &Workbook) -> Snapshot {
        match self {
            Snapshot::Plan(plan) => Snapshot::Plan(
                workbook
                    .plan(&plan.gemeente)
                    .cloned()
                    .unwrap_or_else(|| Plan {
                        gemeente: plan.gemeente.clone(),
                        ..Plan::default()
                    }),
            ),
            Snapshot::Document(_) => Snapshot::Document(Box::new(workbook.clone())),
            Snapshot::Progress(_) => Snapshot::Progress(Box::new(workbook.progress.clone())),
        }
    }

    /// Puts the snapshot back into the workbook; never refused, because it restores a state the
    /// user already had.
    pub fn restore(self, workbook: &mut Workbook) {
        match self {
            Snapshot::Plan(plan) => {
                let name = plan.gemeente.clone();
                *workbook.plan_mut(&name) = plan;
            }
            Snapshot::Document(document) => {
                let metadata = std::mem::take(&mut workbook.metadata);
                *workbook = *document;
                workbook.metadata = metadata;
            }
            Snapshot::Progress(progress) => workbook.progress = *progress,
        }
    }
}

impl Edit {
    /// The gemeente whose plan this edit changes; `None` for a Beheer edit, which concerns all.
    pub fn gemeente(&self) -> Option<&str> {
        match self {
            Edit::AddPeppers { gemeente, .. }
            | Edit::MovePeppers { gemeente, .. }
            | Edit::SetTaken { gemeente, .. }
            | Edit::SetNote { gemeente, .. }
            | Edit::SignOff { gemeente, .. }
            | Edit::Options { gemeente, .. }
            | Edit::Fill { gemeente, .. } => Some(gemeente),
            Edit::ImportPlan { plan } => Some(&plan.gemeente),
            Edit::InOption { edit, .. } | Edit::Recorded { edit, .. } => edit.gemeente(),
            Edit::Setup(_) | Edit::Progress(_) => None,
        }
    }

    /// A short Dutch description for the undo/redo menu ("Pepers op activiteit 4").
    pub fn label(&self) -> String {
        match self {
            Edit::AddPeppers {
                activity, peppers, ..
            } if peppers.is_sign_negative() => {
                format!("Pepers van activiteit {activity} af")
            }
            Edit::AddPeppers { activity, .. } => format!("Pepers op activiteit {activity}"),
            Edit::MovePeppers { from, to, .. } => format!("Pepers van activiteit {from} naar {to}"),
            Edit::SetTaken {
                activity,
                taken: true,
                ..
            } => format!("Activiteit {activity} gekozen"),
            Edit::SetTaken { activity, .. } => format!("Activiteit {activity} niet meer gekozen"),
            Edit::SetNote { activity, .. } => format!("Notitie bij activiteit {activity}"),
            Edit::SignOff { step, .. } => step.label(),
            Edit::ImportPlan { plan } => format!("Keuzes van {} geïmporteerd", plan.gemeente),
            Edit::Setup(setup) => setup.label(),
            Edit::Progress(progress) => progress.label(),
            Edit::InOption { option, edit } => format!("{} ({option})", edit.label()),
            Edit::Options { change, .. } => change.label(),
            Edit::Fill { .. } => "Vul aan".to_owned(),
            Edit::Recorded { edit, .. } => edit.label(),
        }
    }

    /// Whether this edit changes choices (peppers, taken, notes), so it can be aimed at an option.
    pub fn is_choice_edit(&self) -> bool {
        matches!(
            self,
            Edit::AddPeppers { .. }
                | Edit::MovePeppers { .. }
                | Edit::SetTaken { .. }
                | Edit::SetNote { .. }
                | Edit::Fill { .. }
        )
    }
}

/// Applies an edit to the workbook. On success returns what it changed as it was before, so the
/// caller can record it for undo, or `None` when the edit changed nothing. A refused edit changes
/// nothing.
pub fn apply(workbook: &mut Workbook, edit: &Edit) -> Result<Option<Snapshot>, Refusal> {
    if let Edit::Progress(progress) = edit {
        let before = workbook.progress.clone();
        super::progress_edit::apply_progress(workbook, progress)?;
        if workbook.progress == before {
            return Ok(None);
        }
        return Ok(Some(Snapshot::Progress(Box::new(before))));
    }
    if let Edit::Recorded { edit, by, at } = edit {
        return apply_recorded(workbook, edit, by, *at);
    }
    let Some(gemeente_name) = edit.gemeente() else {
        let Edit::Setup(setup) = edit else {
            unreachable!("only Beheer edits concern no single gemeente")
        };
        return apply_setup_edit(workbook, setup);
    };
    if workbook.region.gemeente(gemeente_name).is_none() {
        return Err(Refusal::UnknownGemeente(gemeente_name.to_owned()));
    }
    let before = workbook
        .plan(gemeente_name)
        .cloned()
        .unwrap_or_else(|| Plan {
            gemeente: gemeente_name.to_owned(),
            ..Plan::default()
        });
    let mut after = before.clone();
    let status = before.sign_off.status;
    let changes_choices = match edit {
        Edit::SignOff { .. } | Edit::InOption { .. } => false,
        Edit::Options { change, .. } => change.changes_proposal(),
        _ => true,
    };
    if changes_choices && !status.is_editable() {
        return Err(locked(gemeente_name, &before));
    }
    match edit {
        Edit::InOption {
            option,
            edit: inner,
        } => {
            if *option == after.proposal && !status.is_editable() {
                return Err(locked(gemeente_name, &before));
            }
            apply_in_option(workbook, gemeente_name, &mut after, option, inner)?;
        }
        Edit::Options { change, .. } => apply_option_change(&mut after, change)?,
        _ => apply_to_plan(workbook, gemeente_name, &mut after, edit)?,
    }
    if after == before {
        return Ok(None);
    }
    super::range_check::check_plan(&after)?;
    *workbook.plan_mut(gemeente_name) = after;
    Ok(Some(Snapshot::Plan(before)))
}

/// A Beheer edit: applied to the whole workbook, which is put back as it was when the change
/// or the ranges of the result refuse it.
/// A sign-off step with its history line; the snapshot is the whole workbook, so undo takes the
/// step and its line back together. Only a sign-off step is recorded this way.
fn apply_recorded(
    workbook: &mut Workbook,
    edit: &Edit,
    by: &super::history::Author,
    at: chrono::NaiveDateTime,
) -> Result<Option<Snapshot>, Refusal> {
    let Edit::SignOff { gemeente, step } = edit else {
        return apply(workbook, edit);
    };
    let before = Box::new(workbook.clone());
    if apply(workbook, edit)?.is_none() {
        return Ok(None);
    }
    let status = workbook
        .plan(gemeente)
        .map_or(Status::Concept, |p| p.sign_off.status);
    // A decision is named with its number, date and signatory, as the controller finds it in
    // the deciding body's records.
    let words = match step {
        SignOffStep::Decide(d) => format!(
            "{}, besluit {} van {}, getekend door {} ({})",
            step.label(),
            d.number,
            d.date.format("%d-%m-%Y"),
            d.signatory,
            d.role
        ),
        other => other.label(),
    };
    let line = super::history::Changed::SignOff {
        gemeente: gemeente.clone(),
        step: words.chars().take(super::limits::MAX_NOTE_CHARS).collect(),
        status: status.label().to_owned(),
    };
    if let Err(refusal) =
        super::progress_edit::record(&mut workbook.progress.history, vec![line], by, at)
    {
        Snapshot::Document(before).restore(workbook);
        return Err(refusal.into());
    }
    Ok(Some(Snapshot::Document(before)))
}

fn apply_setup_edit(
    workbook: &mut Workbook,
    setup: &SetupEdit,
) -> Result<Option<Snapshot>, Refusal> {
    let before = workbook.clone();
    if let Err(refusal) = apply_setup(workbook, setup) {
        *workbook = before;
        return Err(refusal.into());
    }
    if let Err(problem) = super::range_check::check_workbook(workbook) {
        *workbook = before;
        return Err(problem.into());
    }
    if *workbook == before {
        return Ok(None);
    }
    Ok(Some(Snapshot::Document(Box::new(before))))
}

/// A choice edit made in one of a plan's options: in the proposal itself, or in an alternative,
/// which is worked on as a plan of its own under the same rules.
fn apply_in_option(
    workbook: &Workbook,
    gemeente_name: &str,
    after: &mut Plan,
    option: &str,
    inner: &Edit,
) -> Result<(), Refusal> {
    if !inner.is_choice_edit() {
        return Err(Refusal::NotForAnOption(inner.label()));
    }
    if option == after.proposal {
        return apply_to_plan(workbook, gemeente_name, after, inner);
    }
    let index = after
        .alternatives
        .iter()
        .position(|s| s.name == option)
        .ok_or_else(|| OptionRefusal::Unknown(option.to_owned()))?;
    let mut scratch = Plan {
        gemeente: gemeente_name.to_owned(),
        choices: after.alternatives[index].choices.clone(),
        ..Plan::default()
    };
    apply_to_plan(workbook, gemeente_name, &mut scratch, inner)?;
    after.alternatives[index].choices = scratch.choices;
    Ok(())
}

/// Applies an edit that changes one plan's choices or sign-off to `after`.
fn apply_to_plan(
    workbook: &Workbook,
    gemeente_name: &str,
    after: &mut Plan,
    edit: &Edit,
) -> Result<(), Refusal> {
    match edit {
        Edit::AddPeppers {
            activity, peppers, ..
        } => {
            let old = after.peppers_on(*activity);
            let new = old.checked_add(*peppers).ok_or(Refusal::BeyondAnyBudget)?;
            check_change(workbook, gemeente_name, after, *activity, new, *peppers)?;
            set_peppers(after, *activity, new);
        }
        Edit::MovePeppers {
            from, to, peppers, ..
        } => move_peppers(workbook, gemeente_name, after, (*from, *to), *peppers)?,
        Edit::SetTaken {
            activity, taken, ..
        } => {
            check_free_offer(workbook, gemeente_name, *activity)?;
            with_choice(after, *activity, |c| c.taken = *taken);
        }
        Edit::SetNote { activity, note, .. } => {
            let chars = note.chars().count();
            if chars > super::limits::MAX_NOTE_CHARS {
                return Err(Refusal::NoteTooLong {
                    chars,
                    max: super::limits::MAX_NOTE_CHARS,
                });
            }
            if workbook.card.activity(*activity).is_none() {
                return Err(Refusal::NotOnCard(*activity));
            }
            with_choice(after, *activity, |c| c.note = note.clone());
        }
        Edit::SignOff { step, .. } => sign_off_step(workbook, gemeente_name, after, step)?,
        // An import is taken as it is; the rules then show what in it needs attention.
        Edit::ImportPlan { plan } => *after = plan.clone(),
        Edit::Fill { priority, .. } => fill(workbook, gemeente_name, after, priority),
        Edit::Setup(_)
        | Edit::Progress(_)
        | Edit::InOption { .. }
        | Edit::Options { .. }
        | Edit::Recorded { .. } => {
            unreachable!("handled by apply")
        }
    }
    Ok(())
}

/// Moves peppers from one activity to another, each side under the rules of its activity.
fn move_peppers(
    workbook: &Workbook,
    gemeente_name: &str,
    after: &mut Plan,
    (from, to): (u32, u32),
    peppers: Decimal,
) -> Result<(), Refusal> {
    if from == to || peppers.is_zero() {
        return Ok(());
    }
    let new_from = after
        .peppers_on(from)
        .checked_sub(peppers)
        .ok_or(Refusal::BeyondAnyBudget)?;
    check_change(workbook, gemeente_name, after, from, new_from, -peppers)?;
    set_peppers(after, from, new_from);
    let new_to = after
        .peppers_on(to)
        .checked_add(peppers)
        .ok_or(Refusal::BeyondAnyBudget)?;
    check_change(workbook, gemeente_name, after, to, new_to, peppers)?;
    set_peppers(after, to, new_to);
    Ok(())
}

/// An activity is taken or left (rather than given peppers) only where the gemeente's offer of
/// it is free.
fn check_free_offer(
    workbook: &Workbook,
    gemeente_name: &str,
    activity: u32,
) -> Result<(), Refusal> {
    let activity_ref = workbook
        .card
        .activity(activity)
        .ok_or(Refusal::NotOnCard(activity))?;
    let colour = workbook
        .region
        .gemeente(gemeente_name)
        .ok_or_else(|| Refusal::UnknownGemeente(gemeente_name.to_owned()))?
        .colour;
    match activity_ref.offer(colour) {
        Some(offer) if offer.is_free() => Ok(()),
        Some(_) => Err(Refusal::ChosenByPeppers(activity)),
        None => Err(Refusal::NoOffer { activity, colour }),
    }
}

/// One step of the sign-off, taken only where the gemeente's choices have no errors.
fn sign_off_step(
    workbook: &Workbook,
    gemeente_name: &str,
    after: &mut Plan,
    step: &SignOffStep,
) -> Result<(), Refusal> {
    let gemeente = workbook
        .region
        .gemeente(gemeente_name)
        .cloned()
        .ok_or_else(|| Refusal::UnknownGemeente(gemeente_name.to_owned()))?;
    // A sign-off that no longer holds (a Beheer change, say) is not an error of the choices:
    // agreeing them again in an amendment is how it is mended.
    let has_errors = super::rules::check(workbook).iter().any(|f| {
        f.severity == super::rules::Severity::Error
            && f.gemeente.as_deref() == Some(gemeente_name)
            && !matches!(f.problem, super::rules::Problem::SignOffInvalid { .. })
    });
    signoff::step(
        after,
        step,
        &gemeente,
        signoff::Terms {
            region: &workbook.region,
            card: &workbook.card,
        },
        has_errors,
    )?;
    Ok(())
}

/// Why a plan cannot be changed now.
fn locked(gemeente: &str, plan: &Plan) -> Refusal {
    match plan.sign_off.status {
        Status::Vastgesteld => Refusal::Agreed {
            gemeente: gemeente.to_owned(),
        },
        status => Refusal::Locked {
            gemeente: gemeente.to_owned(),
            status,
        },
    }
}

/// Checks that `activity` may go to `new` peppers by a change of `delta`. Changes that make things
/// better (taking peppers off an over-full plan) are always allowed; only changes that would break
/// a rule of the card the user can see are refused.
fn check_change(
    workbook: &Workbook,
    gemeente_name: &str,
    plan: &Plan,
    activity: u32,
    new: Decimal,
    delta: Decimal,
) -> Result<(), Refusal> {
    let gemeente = workbook
        .region
        .gemeente(gemeente_name)
        .ok_or_else(|| Refusal::UnknownGemeente(gemeente_name.to_owned()))?;
    let card_activity = workbook
        .card
        .activity(activity)
        .ok_or(Refusal::NotOnCard(activity))?;
    if new.is_sign_negative() && !new.is_zero() {
        return Err(Refusal::NoneToTakeOff(activity));
    }
    if delta <= Decimal::ZERO {
        return Ok(());
    }
    let offer = card_activity
        .offer(gemeente.colour)
        .ok_or(Refusal::NoOffer {
            activity,
            colour: gemeente.colour,
        })?;
    if offer.is_free() {
        return Err(Refusal::Free(activity));
    }
    if let Some(maximum) = offer.maximum
        && new > maximum
    {
        return Err(Refusal::AboveMaximum {
            activity,
            maximum,
            colour: gemeente.colour,
        });
    }
    let step = quantum(gemeente, offer.peppers);
    if step.is_zero() || !new.checked_rem(step).is_some_and(|r| r.is_zero()) {
        return Err(Refusal::NotAStep { activity, step });
    }
    let used = plan
        .peppers_used()
        .checked_add(delta)
        .ok_or(Refusal::BeyondAnyBudget)?;
    if used > gemeente.peppers {
        let left = gemeente.peppers.saturating_sub(plan.peppers_used());
        return Err(if left <= Decimal::ZERO {
            Refusal::BudgetSpent {
                gemeente: gemeente.name.clone(),
                budget: gemeente.peppers,
            }
        } else {
            Refusal::NotEnoughLeft {
                gemeente: gemeente.name.clone(),
                left,
            }
        });
    }
    Ok(())
}

fn set_peppers(plan: &mut Plan, activity: u32, peppers: Decimal) {
    with_choice(plan, activity, |c| c.peppers = peppers.normalize());
}

/// Changes the choice for an activity, creating it in card order if needed and dropping it when
/// it ends up empty, so files stay free of empty entries.
fn with_choice(plan: &mut Plan, activity: u32, change: impl FnOnce(&mut Choice)) {
    let index = match plan.choices.iter().position(|c| c.activity == activity) {
        Some(index) => index,
        None => {
            let at = plan
                .choices
                .iter()
                .position(|c| c.activity > activity)
                .unwrap_or(plan.choices.len());
            plan.choices.insert(at, Choice::empty(activity));
            at
        }
    };
    change(&mut plan.choices[index]);
    if plan.choices[index].is_empty() {
        plan.choices.remove(index);
    }
}

/// "Vul aan": for each activity in priority order, adds steps while the rules allow (colour,
/// maximum, whole steps, budget). A first step goes straight to the minimum take unless the
/// gemeente may go below it. Never refuses: what cannot be added is simply not added.
fn fill(workbook: &Workbook, gemeente_name: &str, plan: &mut Plan, priority: &[u32]) {
    let Some(gemeente) = workbook.region.gemeente(gemeente_name) else {
        return;
    };
    for &number in priority {
        let Some(offer) = workbook
            .card
            .activity(number)
            .and_then(|a| a.offer(gemeente.colour))
        else {
            continue;
        };
        if offer.is_free() {
            continue;
        }
        let step = quantum(gemeente, offer.peppers);
        if step <= Decimal::ZERO {
            continue;
        }
        loop {
            let current = plan.peppers_on(number);
            let mut next = current + step;
            if current.is_zero() && !gemeente.may_go_below_minimum && next < offer.minimum {
                next = (offer.minimum / step).ceil() * step;
            }
            let delta = next - current;
            if check_change(workbook, gemeente_name, plan, number, next, delta).is_err() {
                break;
            }
            set_peppers(plan, number, next);
        }
    }
}
