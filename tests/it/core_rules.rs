//! The rules of the card, as a gemeente official meets them.

use crate::common::{d, filled_workbook};

use keuzekaart::core::edit::{Edit, apply};
use keuzekaart::core::rules::{self, Severity, has_errors};
use keuzekaart::core::{Choice, Model, Workbook};

fn set(wb: &mut Workbook, gemeente: &str, activity: u32, peppers: &str) {
    let plan = wb.plan_mut(gemeente);
    plan.choices.retain(|c| c.activity != activity);
    plan.choices.push(Choice {
        peppers: d(peppers),
        ..Choice::empty(activity)
    });
}

fn errors_about(wb: &Workbook, gemeente: &str) -> Vec<String> {
    rules::check(wb)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.gemeente.as_deref() == Some(gemeente))
        .map(|f| f.message)
        .collect()
}

#[test]
fn over_budget_is_an_error_that_names_the_excess() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Beuningen", 4, "6");
    set(&mut wb, "Beuningen", 6, "3");
    let errors = errors_about(&wb, "Beuningen");
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert!(
        errors[0].contains("9 pepers") && errors[0].contains("1 te veel"),
        "{}",
        errors[0]
    );
}

#[test]
fn below_minimum_is_an_error_except_for_mook_en_middelaar_down_to_half_a_step() {
    let mut wb = Workbook::bundled();
    // A card with a higher minimum (WerkBedrijf may set one) makes the rule visible for whole peppers.
    let offer = wb.card.activities[3]
        .offers
        .get_mut(&keuzekaart::core::PepperColour::Red)
        .unwrap();
    offer.minimum = d("2");
    set(&mut wb, "Druten", 4, "1");
    set(&mut wb, "Mook en Middelaar", 4, "1");
    let druten = errors_about(&wb, "Druten");
    assert!(
        druten.iter().any(|m| m.contains("minimale afname")),
        "{druten:?}"
    );
    assert!(errors_about(&wb, "Mook en Middelaar").is_empty());
    let warnings: Vec<_> = crate::common::findings_besides_unspent(&wb)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .collect();
    assert_eq!(warnings.len(), 1);
    assert_eq!(warnings[0].gemeente.as_deref(), Some("Mook en Middelaar"));

    set(&mut wb, "Mook en Middelaar", 4, "0.25");
    let mook = errors_about(&wb, "Mook en Middelaar");
    assert!(mook.iter().any(|m| m.contains("halve stap")), "{mook:?}");
}

#[test]
fn half_peppers_are_for_mook_en_middelaar_only() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Mook en Middelaar", 9, "1.5");
    assert!(errors_about(&wb, "Mook en Middelaar").is_empty());
    set(&mut wb, "Wijchen", 9, "1.5");
    assert!(
        errors_about(&wb, "Wijchen")
            .iter()
            .any(|m| m.contains("veelvoud"))
    );
}

#[test]
fn activity_twelve_takes_at_most_four_red_peppers() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Berg en Dal", 12, "4");
    assert!(errors_about(&wb, "Berg en Dal").is_empty());
    set(&mut wb, "Berg en Dal", 12, "5");
    let errors = errors_about(&wb, "Berg en Dal");
    assert!(
        errors
            .iter()
            .any(|m| m.contains("maximum is 4 rode pepers")),
        "{errors:?}"
    );
}

#[test]
fn an_activity_without_an_offer_in_the_colour_cannot_be_chosen() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Nijmegen", 7, "1");
    let errors = errors_about(&wb, "Nijmegen");
    assert!(
        errors
            .iter()
            .any(|m| m.contains("geen aanbod voor groene pepers")),
        "{errors:?}"
    );
}

#[test]
fn card_region_and_file_structure_rules() {
    let mut wb = Workbook::bundled();
    let extra = wb.card.activities[0].clone();
    for n in 14..=16 {
        wb.card.activities.push(keuzekaart::core::Activity {
            number: n,
            ..extra.clone()
        });
    }
    wb.region.gemeenten[1].article = 5;
    set(&mut wb, "Heumen", 42, "1");
    let messages: Vec<String> = rules::check(&wb).into_iter().map(|f| f.message).collect();
    assert!(
        messages
            .iter()
            .any(|m| m.contains("16 activiteiten") && m.contains("15")),
        "{messages:?}"
    );
    assert!(
        messages.iter().any(|m| m.contains("Artikelnummer 5")),
        "{messages:?}"
    );
    assert!(
        messages
            .iter()
            .any(|m| m.contains("activiteit 42 staat niet op de keuzekaart")),
        "{messages:?}"
    );
}

#[test]
fn derived_figures_give_volumes_and_euros() {
    let wb = filled_workbook();
    let beuningen = wb.region.gemeente("Beuningen").unwrap();
    let budget = wb.budget(beuningen);
    assert_eq!((budget.used, budget.left), (d("5"), d("3")));
    let lines = wb.choice_lines(beuningen);
    assert_eq!(lines[0].volume_label, "30 kandidaten");
    assert_eq!(lines[1].volume_label, "30 trajecten");
    // Euros are the gemeente's own budget spread over its peppers: 3/8 of € 78.395.
    // 78.395 × 3/8 = 29.398,125 and × 2/8 = 19.598,75: whole euros that add up to 48.997.
    assert_eq!(lines[0].euros, d("29398"));
    assert_eq!(lines[1].euros, d("19599"));
    let heumen = wb.region.gemeente("Heumen").unwrap();
    let lines = wb.choice_lines(heumen);
    assert_eq!(lines[0].title, "Werkintake op locatie");
    assert_eq!(lines[0].volume_label, "1 dagdeel/week");
    assert_eq!(lines[1].title, "Heumen Werkt!");
    assert_eq!(lines[1].volume_label, "6 dagdelen/week");
    let mook = wb.region.gemeente("Mook en Middelaar").unwrap();
    assert_eq!(wb.choice_lines(mook)[0].volume_label, "9 zorgjongeren");
    assert!(!has_errors(&rules::check(&wb)), "{:?}", rules::check(&wb));
}

#[test]
fn edits_that_break_a_rule_are_refused_and_change_nothing() {
    let mut wb = filled_workbook();
    let before = wb.clone();
    let refusals = [
        Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 4,
            peppers: d("4"),
        },
        Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 12,
            peppers: d("3"),
        },
        Edit::AddPeppers {
            gemeente: "Nijmegen".into(),
            activity: 2,
            peppers: d("1"),
        },
        Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 1,
            peppers: d("1"),
        },
        Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 5,
            peppers: d("0.5"),
        },
        Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 5,
            peppers: d("-1"),
        },
        Edit::MovePeppers {
            gemeente: "Beuningen".into(),
            from: 4,
            to: 12,
            peppers: d("3"),
        },
        Edit::AddPeppers {
            gemeente: "Atlantis".into(),
            activity: 4,
            peppers: d("1"),
        },
    ];
    for edit in refusals {
        let refusal = apply(&mut wb, &edit).expect_err(&format!("{edit:?} should be refused"));
        assert!(!refusal.0.is_empty());
        assert_eq!(wb, before, "{edit:?} changed the workbook");
    }
    let msg = apply(
        &mut wb,
        &Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 12,
            peppers: d("3"),
        },
    )
    .unwrap_err();
    assert_eq!(msg.0, "Activiteit 12 heeft een maximum van 4 rode pepers.");
}

#[test]
fn undo_and_redo_restore_exact_workbooks() {
    let start = filled_workbook();
    let mut model = Model::new(start.clone());
    model
        .apply(Edit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity: 4,
            peppers: d("1"),
        })
        .unwrap();
    let after_one = model.workbook().clone();
    model
        .apply(Edit::MovePeppers {
            gemeente: "Wijchen".into(),
            from: 11,
            to: 13,
            peppers: d("2"),
        })
        .unwrap();
    model
        .apply(Edit::SetNote {
            gemeente: "Wijchen".into(),
            activity: 13,
            note: "start in maart".into(),
        })
        .unwrap();
    let after_three = model.workbook().clone();
    assert!(model.is_dirty());
    assert_eq!(model.undo().as_deref(), Some("Notitie bij activiteit 13"));
    model.undo();
    assert_eq!(model.workbook(), &after_one);
    model.undo();
    assert_eq!(model.workbook(), &start);
    assert!(model.undo().is_none());
    model.redo();
    model.redo();
    model.redo();
    assert_eq!(model.workbook(), &after_three);
    assert!(model.redo().is_none());
}
