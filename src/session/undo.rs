//! Undo on a seat: the seat's own last edit, taken back by ordinary edits that go through the
//! host's rules like any other.
//!
//! A seat cannot rewind the host's model (the session's truth, which every laptop follows in one
//! order); it can only ask for the edits that put its plan back. They are found by comparing the
//! seat's plan before and after its edit, as the host applied it: peppers taken off first, so
//! that putting peppers back never passes the budget on the way, then peppers put back, offers
//! and notes. A move is taken back as one move, so no activity passes through an empty state.

use rust_decimal::Decimal;

use super::protocol::SeatEdit;
use crate::core::{Choice, Plan};

/// The edits that turn `after` back into `before`, for `gemeente`'s plan.
pub fn take_back(gemeente: &str, before: Option<&Plan>, after: Option<&Plan>) -> Vec<SeatEdit> {
    let choices = |plan: Option<&Plan>| plan.map(|p| p.choices.clone()).unwrap_or_default();
    let (before, after) = (choices(before), choices(after));
    let mut activities: Vec<u32> = before.iter().chain(&after).map(|c| c.activity).collect();
    activities.sort_unstable();
    activities.dedup();
    let find = |list: &[Choice], activity: u32| {
        list.iter()
            .find(|c| c.activity == activity)
            .cloned()
            .unwrap_or_else(|| Choice::empty(activity))
    };
    let mut off = Vec::new();
    let mut on = Vec::new();
    let mut rest = Vec::new();
    for activity in activities {
        let (was, is) = (find(&before, activity), find(&after, activity));
        let delta = was.peppers - is.peppers;
        if delta < Decimal::ZERO {
            off.push((activity, delta));
        } else if delta > Decimal::ZERO {
            on.push((activity, delta));
        }
        if was.taken != is.taken {
            rest.push(SeatEdit::SetTaken {
                gemeente: gemeente.to_owned(),
                activity,
                taken: was.taken,
            });
        }
        if was.note != is.note {
            rest.push(SeatEdit::SetNote {
                gemeente: gemeente.to_owned(),
                activity,
                note: was.note,
            });
        }
    }
    let mut edits = Vec::new();
    if let ([(from, taken)], [(to, given)]) = (off.as_slice(), on.as_slice())
        && -*taken == *given
    {
        edits.push(SeatEdit::MovePeppers {
            gemeente: gemeente.to_owned(),
            from: *from,
            to: *to,
            peppers: *given,
        });
    } else {
        for (activity, peppers) in off.into_iter().chain(on) {
            edits.push(SeatEdit::AddPeppers {
                gemeente: gemeente.to_owned(),
                activity,
                peppers,
            });
        }
    }
    edits.extend(rest);
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::{Model, Workbook};

    /// Applies `edit` to the bundled card's Wijchen, takes it back, and says whether the plan is
    /// as it was and how many edits that took.
    fn round_trip(setup: &[SeatEdit], edit: SeatEdit) -> (bool, Vec<SeatEdit>) {
        let mut model = Model::new(Workbook::bundled());
        for e in setup {
            model.apply(e.to_edit()).unwrap();
        }
        let before = model.workbook().plan("Wijchen").cloned();
        model.apply(edit.to_edit()).unwrap();
        let after = model.workbook().plan("Wijchen").cloned();
        let back = take_back("Wijchen", before.as_ref(), after.as_ref());
        for e in &back {
            model.apply(e.to_edit()).unwrap();
        }
        let now = model.workbook().plan("Wijchen").cloned();
        let peppers = |p: &Option<Plan>| {
            p.as_ref()
                .map(|p| {
                    p.choices
                        .iter()
                        .filter(|c| !c.peppers.is_zero() || c.taken || !c.note.is_empty())
                        .map(|c| (c.activity, c.peppers, c.taken, c.note.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        };
        (peppers(&now) == peppers(&before), back)
    }

    fn add(activity: u32, n: i64) -> SeatEdit {
        SeatEdit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity,
            peppers: Decimal::from(n),
        }
    }

    #[test]
    fn a_pepper_a_move_a_note_and_vul_aan_are_each_taken_back_exactly() {
        let (same, back) = round_trip(&[], add(4, 1));
        assert!(same);
        assert_eq!(back, vec![add(4, -1)]);

        let move_ = SeatEdit::MovePeppers {
            gemeente: "Wijchen".into(),
            from: 4,
            to: 12,
            peppers: Decimal::ONE,
        };
        let (same, back) = round_trip(&[add(4, 2)], move_);
        assert!(same);
        assert!(matches!(
            back.as_slice(),
            [SeatEdit::MovePeppers {
                from: 12,
                to: 4,
                ..
            }]
        ));

        let note = SeatEdit::SetNote {
            gemeente: "Wijchen".into(),
            activity: 4,
            note: "start na de zomer 🌞".into(),
        };
        assert!(round_trip(&[], note).0);

        let fill = SeatEdit::Fill {
            gemeente: "Wijchen".into(),
            priority: vec![4, 12, 2],
        };
        let (same, back) = round_trip(&[add(4, 1)], fill);
        assert!(same, "Vul aan is taken back: {back:?}");
        assert!(!back.is_empty());
    }

    #[test]
    fn nothing_changed_needs_nothing_to_take_back() {
        let plan = Model::new(Workbook::bundled())
            .workbook()
            .plan("Wijchen")
            .cloned();
        assert!(take_back("Wijchen", plan.as_ref(), plan.as_ref()).is_empty());
    }
}
