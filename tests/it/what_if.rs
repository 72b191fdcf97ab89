//! *Wat als* (issue 34): a gemeente's budget changed by a percentage or an amount shows which of
//! its choices no longer fit and proposes a fit under the same rules, without touching the draft.

use keuzekaart::core::rules::{Problem, Severity};
use keuzekaart::core::what_if::{BudgetChange, WhatIfRefusal, what_if};
use rust_decimal::Decimal;

use crate::common::{d, progress_workbook};

#[test]
fn a_smaller_budget_gets_a_fit_that_keeps_the_rules_and_never_gives_an_activity_more() {
    let workbook = progress_workbook();
    let before = workbook.clone();
    for gemeente in &workbook.region.gemeenten {
        let choices = workbook.plan(&gemeente.name).unwrap().choices.clone();
        let used: Decimal = choices.iter().map(|c| c.peppers).sum();
        for percent in ["-1", "-10", "-25", "-50", "-90"] {
            let Ok(result) = what_if(
                &workbook,
                &gemeente.name,
                &choices,
                BudgetChange::Percent(d(percent)),
            ) else {
                // Only a budget that buys not one pepper is refused.
                assert!(
                    gemeente.peppers * (Decimal::ONE_HUNDRED + d(percent)) / Decimal::ONE_HUNDRED
                        < Decimal::ONE
                );
                continue;
            };
            let what = format!("{} {percent} %", gemeente.name);
            assert!(result.peppers_then <= gemeente.peppers, "{what}");
            assert!(
                result.proposal_errors.is_empty(),
                "{what}: {:?}",
                result.proposal_errors
            );
            let spent: Decimal = result.proposal.iter().map(|c| c.peppers).sum();
            assert!(spent <= result.peppers_then, "{what}");
            assert_eq!(result.left, result.peppers_then - spent);
            for c in &result.proposal {
                let had = choices
                    .iter()
                    .find(|o| o.activity == c.activity)
                    .map_or(Decimal::ZERO, |o| o.peppers);
                assert!(
                    c.peppers <= had,
                    "{what}: activity {} gets {} for {had}",
                    c.activity,
                    c.peppers
                );
            }
            // The choices as they are: over the smaller budget is an error the rules name.
            if used > result.peppers_then {
                assert!(!result.fits_now(), "{what}");
                assert!(
                    result.findings.iter().any(|f| f.severity == Severity::Error
                        && matches!(f.problem, Problem::Overspent { .. })),
                    "{what}: {:?}",
                    result.findings
                );
                assert!(!result.changes.is_empty(), "{what}");
            }
            // The euros are the peppers' at the same price per pepper.
            let per_pepper = workbook.euro_per_pepper(gemeente);
            assert!((result.budget_then - result.peppers_then * per_pepper).abs() < d("0.01"));
        }
    }
    assert_eq!(workbook, before, "the draft is not touched");
}

#[test]
fn a_quarter_less_for_beuningen_by_hand() {
    // Beuningen: 8 red peppers of € 9.799,375, 3 on activity 4, 3 on 7, 2 on 12. A quarter less
    // buys 6 peppers; each keeps three quarters, rounded down to whole peppers: 2, 2 and 1, and
    // the one left goes back to the largest first, activity 4.
    let workbook = progress_workbook();
    let choices = workbook.plan("Beuningen").unwrap().choices.clone();
    let result = what_if(
        &workbook,
        "Beuningen",
        &choices,
        BudgetChange::Percent(d("-25")),
    )
    .unwrap();
    assert_eq!(result.peppers_then, d("6"));
    assert_eq!(result.budget_then, d("58796.25"));
    let on = |n: u32| {
        result
            .proposal
            .iter()
            .find(|c| c.activity == n)
            .map_or(Decimal::ZERO, |c| c.peppers)
    };
    assert_eq!(
        (on(4), on(7), on(12)),
        (d("3"), d("2"), d("1")),
        "{:?}",
        result.proposal
    );
    assert_eq!(result.left, Decimal::ZERO);
    // In euros: a € 20.000 cut buys 5 peppers (58.395 / 9.799,375 = 5,96).
    let euros = what_if(
        &workbook,
        "Beuningen",
        &choices,
        BudgetChange::Euros(d("-20000")),
    )
    .unwrap();
    assert_eq!(euros.peppers_then, d("5"));
}

#[test]
fn a_larger_budget_keeps_the_choices_and_spends_the_extra_on_them() {
    let workbook = progress_workbook();
    let choices = workbook.plan("Beuningen").unwrap().choices.clone();
    let result = what_if(
        &workbook,
        "Beuningen",
        &choices,
        BudgetChange::Percent(d("50")),
    )
    .unwrap();
    assert_eq!(result.peppers_then, d("12"));
    assert!(result.fits_now());
    for c in &choices {
        let now = result
            .proposal
            .iter()
            .find(|p| p.activity == c.activity)
            .unwrap();
        assert!(now.peppers >= c.peppers, "activity {}", c.activity);
    }
    assert!(
        result
            .changes
            .iter()
            .all(|c| c.to > c.from && c.why == "aangevuld")
    );
    assert!(result.proposal_errors.is_empty());
}

#[test]
fn budgets_at_the_edges_are_refused_in_dutch() {
    let workbook = progress_workbook();
    let choices = workbook.plan("Heumen").unwrap().choices.clone();
    for change in [
        BudgetChange::Percent(d("-100")),
        BudgetChange::Percent(d("-1000")),
        BudgetChange::Euros(d("-99999999")),
    ] {
        let refusal = what_if(&workbook, "Heumen", &choices, change).unwrap_err();
        assert_eq!(refusal, WhatIfRefusal::NothingLeft);
        assert!(refusal.to_string().contains("geen budget over"));
    }
    let huge = what_if(
        &workbook,
        "Heumen",
        &choices,
        BudgetChange::Percent(Decimal::MAX),
    );
    assert!(huge.is_err(), "{huge:?}");
    assert!(
        what_if(
            &workbook,
            "Atlantis",
            &choices,
            BudgetChange::Percent(d("-10"))
        )
        .is_err()
    );
}
