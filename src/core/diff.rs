//! Differences between two sets of choices of one gemeente, activity by activity: for importing a
//! gemeente's file, comparing versions and comparing options.

use rust_decimal::Decimal;

use super::card::Card;
use super::money::format_number;
use super::words::list;
use super::workbook::{Choice, Workbook};

/// How one activity differs between two plans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceChange {
    /// The activity's number.
    pub activity: u32,
    /// Its title, with the gemeente's name filled in.
    pub title: String,
    /// Peppers before.
    pub before: Decimal,
    /// Peppers after.
    pub after: Decimal,
    /// Volume before, as text ("30 kandidaten"; empty when nothing).
    pub volume_before: String,
    /// Volume after, as text.
    pub volume_after: String,
    /// Whether only the note differs.
    pub note_only: bool,
}

/// The activities whose choice differs between two sets of one gemeente's choices, in card order.
pub fn plan_changes(
    workbook: &Workbook,
    gemeente: &str,
    before: &[Choice],
    after: &[Choice],
) -> Vec<ChoiceChange> {
    let colour = workbook.region.gemeente(gemeente).map(|g| g.colour);
    let mut numbers: Vec<u32> = before.iter().chain(after).map(|c| c.activity).collect();
    numbers.sort_by_key(|n| {
        (
            workbook
                .card
                .activities
                .iter()
                .position(|a| a.number == *n)
                .unwrap_or(usize::MAX),
            *n,
        )
    });
    numbers.dedup();
    numbers
        .into_iter()
        .filter_map(|number| {
            let old = before.iter().find(|c| c.activity == number);
            let new = after.iter().find(|c| c.activity == number);
            if old == new {
                return None;
            }
            let activity = workbook.card.activity(number);
            let offer = activity.zip(colour).and_then(|(a, c)| a.offer(c));
            let volume = |choice: Option<&super::Choice>| match (choice, offer) {
                (Some(c), Some(o)) => {
                    let v = o.volume_for(c.peppers, c.taken);
                    if v.is_zero() {
                        String::new()
                    } else {
                        o.unit.amount(v)
                    }
                }
                _ => String::new(),
            };
            let peppers = |c: Option<&super::Choice>| c.map(|c| c.peppers).unwrap_or_default();
            let taken = |c: Option<&super::Choice>| c.is_some_and(|c| c.taken);
            Some(ChoiceChange {
                activity: number,
                title: activity
                    .map(|a| a.title_for(gemeente))
                    .unwrap_or_else(|| format!("activiteit {number}")),
                before: peppers(old),
                after: peppers(new),
                volume_before: volume(old),
                volume_after: volume(new),
                note_only: peppers(old) == peppers(new) && taken(old) == taken(new),
            })
        })
        .collect()
}

/// What "Vul aan" added, per activity, for the message after it: the user sees at once where the
/// peppers went, or that nothing fitted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FillReport {
    /// The activities that changed, in card order.
    pub changes: Vec<ChoiceChange>,
}

impl FillReport {
    /// Compares a gemeente's choices before and after "Vul aan".
    pub fn new(workbook: &Workbook, gemeente: &str, before: &[Choice], after: &[Choice]) -> Self {
        FillReport {
            changes: plan_changes(workbook, gemeente, before, after),
        }
    }
}

impl std::fmt::Display for FillReport {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if self.changes.is_empty() {
            return f.write_str("Vul aan: er paste niets meer bij binnen de regels en het budget.");
        }
        let parts: Vec<String> = self
            .changes
            .iter()
            .map(|c| {
                format!(
                    "+{} op {} {}",
                    format_number(c.after - c.before),
                    c.activity,
                    c.title
                )
            })
            .collect();
        write!(f, "Vul aan: {}.", parts.join("; "))
    }
}

/// What replacing the card with another changes, said before the user confirms an imported card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CardReplacement {
    /// The current card's name and number of activities.
    pub current: (String, usize),
    /// The new card's name and number of activities.
    pub new: (String, usize),
    /// The activities of the new card that are new or differ, in its order.
    pub changed: Vec<u32>,
}

impl CardReplacement {
    /// Compares the current card with the one that would replace it.
    pub fn new(current: &Card, new: &Card) -> Self {
        CardReplacement {
            current: (current.name.clone(), current.activities.len()),
            new: (new.name.clone(), new.activities.len()),
            changed: new
                .activities
                .iter()
                .filter(|a| current.activity(a.number) != Some(*a))
                .map(|a| a.number)
                .collect(),
        }
    }

    /// The Dutch lines of the confirmation: which card replaces which, and what is new or differs.
    pub fn lines(&self) -> Vec<String> {
        let changed: Vec<String> = self.changed.iter().map(u32::to_string).collect();
        vec![
            format!(
                "‘{}’ met {} activiteiten vervangt ‘{}’ met {}.",
                self.new.0, self.new.1, self.current.0, self.current.1
            ),
            if changed.is_empty() {
                "Geen activiteit verandert.".to_owned()
            } else {
                format!("Nieuw of anders: activiteit {}.", list(&changed))
            },
        ]
    }
}
