//! Properties of the rules over random workbooks.

use crate::common::strategies::workbooks;

use keuzekaart::core::Problem;
use keuzekaart::core::Workbook;
use keuzekaart::core::edit::{Edit, apply};
use keuzekaart::core::rules;
use proptest::prelude::*;
use rust_decimal::Decimal;

fn over_budget_errors(wb: &Workbook) -> Vec<String> {
    rules::check(wb)
        .into_iter()
        .filter_map(|f| match f.problem {
            Problem::Overspent { gemeente, .. } => Some(gemeente),
            _ => None,
        })
        .collect()
}

proptest! {
    #[test]
    fn the_rules_never_panic(wb in workbooks()) {
        let _ = rules::check(&wb);
    }

    #[test]
    fn no_errors_means_no_gemeente_over_budget(wb in workbooks()) {
        if !rules::has_errors(&rules::check(&wb)) {
            for g in &wb.region.gemeenten {
                prop_assert!(wb.budget(g).used <= g.peppers, "{} over budget without a finding", g.name);
            }
        }
    }

    #[test]
    fn removing_peppers_never_creates_an_over_budget_error(
        wb in workbooks(), gemeente in 0usize..7, pick in any::<prop::sample::Index>(), halves in 1i64..6
    ) {
        let before = over_budget_errors(&wb);
        let mut after = wb.clone();
        let plan = &mut after.plans[gemeente];
        if !plan.choices.is_empty() {
            let at = pick.index(plan.choices.len());
            let choice = &mut plan.choices[at];
            let take = (Decimal::from(halves) / Decimal::TWO).min(choice.peppers.max(Decimal::ZERO));
            choice.peppers -= take;
        }
        for name in over_budget_errors(&after) {
            prop_assert!(before.contains(&name), "removing peppers made {name} over budget");
        }
    }

    #[test]
    fn accepted_edits_never_put_a_valid_workbook_over_budget(
        steps in prop::collection::vec((0usize..7, 1u32..14, -3i64..4), 1..40)
    ) {
        let mut wb = Workbook::bundled();
        for (g, activity, halves) in steps {
            let gemeente = wb.region.gemeenten[g].name.clone();
            let edit = Edit::AddPeppers { gemeente, activity, peppers: Decimal::from(halves) / Decimal::TWO };
            let before = wb.clone();
            if apply(&mut wb, &edit).is_err() {
                prop_assert_eq!(&wb, &before);
            }
            prop_assert!(over_budget_errors(&wb).is_empty());
        }
    }
}

proptest! {
    /// The euros printed per line are whole and add up exactly to the gemeente's euros used, and
    /// to its budget once every pepper is spent: the sums a council member checks by hand.
    #[test]
    fn euro_lines_add_up_exactly(wb in workbooks(), budgets in prop::collection::vec(0u64..2_000_000, 7)) {
        let mut wb = wb;
        for (gemeente, budget) in wb.region.gemeenten.iter_mut().zip(budgets) {
            gemeente.budget = Decimal::from(budget);
        }
        for gemeente in &wb.region.gemeenten {
            let lines = wb.choice_lines(gemeente);
            let sum: Decimal = lines.iter().map(|l| l.euros).sum();
            prop_assert!(lines.iter().all(|l| l.euros.fract().is_zero()));
            let figures = wb.budget(gemeente);
            let on_card: Decimal = lines.iter().map(|l| l.peppers).sum();
            if on_card == figures.used && !figures.available.is_zero() {
                prop_assert_eq!(sum, figures.used_eur);
                if figures.used == figures.available {
                    prop_assert_eq!(sum, gemeente.budget);
                }
            }
        }
    }
}

#[test]
fn every_gemeente_of_the_example_adds_up_to_its_budget_when_all_is_spent() {
    // Each gemeente spends all its peppers on activity 2 (red) or 3 (green) and 4: the lines
    // must add up to the budget to the euro (Beuningen's three-way split was € 78.395,01).
    let mut wb = Workbook::bundled();
    for gemeente in wb.region.gemeenten.clone() {
        let (first, second) = if gemeente.colour == keuzekaart::core::PepperColour::Green {
            (3, 4)
        } else {
            (2, 4)
        };
        let half = (gemeente.peppers / Decimal::TWO).floor();
        for (activity, peppers) in [(first, half), (second, gemeente.peppers - half)] {
            if !peppers.is_zero() {
                apply(
                    &mut wb,
                    &Edit::AddPeppers {
                        gemeente: gemeente.name.clone(),
                        activity,
                        peppers,
                    },
                )
                .unwrap();
            }
        }
        let sum: Decimal = wb.choice_lines(&gemeente).iter().map(|l| l.euros).sum();
        assert_eq!(sum, gemeente.budget, "{}", gemeente.name);
    }
}
