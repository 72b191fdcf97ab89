//! proptest strategies for random workbooks.

use keuzekaart::core::{Choice, Workbook};
use proptest::prelude::*;
use rust_decimal::Decimal;

/// A random workbook: the bundled card and region with random peppers (in half peppers, some
/// negative, some on activities the card lacks) and random budgets.
pub fn workbooks() -> impl Strategy<Value = Workbook> {
    let choice = (0u32..17, -2i64..20, any::<bool>());
    let plan = prop::collection::vec(choice, 0..10);
    (
        prop::collection::vec(plan, 7),
        prop::collection::vec(0i64..30, 7),
    )
        .prop_map(|(plans, budgets)| {
            let mut wb = Workbook::bundled();
            for (gemeente, budget) in wb.region.gemeenten.iter_mut().zip(&budgets) {
                gemeente.peppers = Decimal::from(*budget);
            }
            for (plan, choices) in wb.plans.iter_mut().zip(plans) {
                plan.choices = choices
                    .into_iter()
                    .map(|(activity, halves, taken)| Choice {
                        peppers: Decimal::from(halves) / Decimal::TWO,
                        taken,
                        note: if halves % 5 == 0 {
                            format!("notitie {halves} #[*$ \"quote\"")
                        } else {
                            String::new()
                        },
                        ..Choice::empty(activity)
                    })
                    .collect();
            }
            wb
        })
}
