//! Differences between two sets of choices of one gemeente, activity by activity: for importing a
//! gemeente's file, comparing versions and comparing options.

use rust_decimal::Decimal;

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
