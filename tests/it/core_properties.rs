//! Properties of the rules over random workbooks.

use crate::common::strategies::workbooks;

use keuzekaart::core::Workbook;
use keuzekaart::core::edit::{Edit, apply};
use keuzekaart::core::rules::{self, Severity};
use proptest::prelude::*;
use rust_decimal::Decimal;

fn over_budget_errors(wb: &Workbook) -> Vec<String> {
    rules::check(wb)
        .into_iter()
        .filter(|f| {
            f.severity == Severity::Error && f.activity.is_none() && f.message.contains("te veel")
        })
        .filter_map(|f| f.gemeente)
        .collect()
}

proptest! {
    #[test]
    fn the_rules_never_panic(wb in workbooks()) {
        let _ = rules::check(&wb);
    }

    #[test]
    fn no_findings_means_no_gemeente_over_budget(wb in workbooks()) {
        if rules::check(&wb).is_empty() {
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
