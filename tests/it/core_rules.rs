//! The rules of the card, as a gemeente official meets them.

use crate::common::{d, filled_workbook};

use keuzekaart::core::edit::{Edit, apply};
use keuzekaart::core::rules::{self, Severity, has_errors};
use keuzekaart::core::{Choice, Model, PepperColour, Problem, Refusal, Workbook};

fn set(wb: &mut Workbook, gemeente: &str, activity: u32, peppers: &str) {
    let plan = wb.plan_mut(gemeente);
    plan.choices.retain(|c| c.activity != activity);
    plan.choices.push(Choice {
        peppers: d(peppers),
        ..Choice::empty(activity)
    });
}

fn errors_about(wb: &Workbook, gemeente: &str) -> Vec<Problem> {
    rules::check(wb)
        .into_iter()
        .filter(|f| f.severity == Severity::Error && f.gemeente.as_deref() == Some(gemeente))
        .map(|f| f.problem)
        .collect()
}

#[test]
fn over_budget_is_an_error_that_names_the_excess() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Beuningen", 4, "6");
    set(&mut wb, "Beuningen", 6, "3");
    let errors = errors_about(&wb, "Beuningen");
    let overspent = Problem::Overspent {
        gemeente: "Beuningen".into(),
        used: d("9"),
        budget: d("8"),
    };
    assert_eq!(errors, std::slice::from_ref(&overspent));
    assert_eq!(
        overspent.to_string(),
        "Beuningen heeft 9 pepers geplaatst, maar heeft er maar 8: 1 te veel."
    );
}

#[test]
fn below_minimum_is_an_error_except_for_mook_en_middelaar_down_to_half_a_step() {
    let mut wb = Workbook::bundled();
    // A card with a higher minimum (WerkBedrijf may set one) makes the rule visible for whole peppers.
    let offer = wb.card.activities[3]
        .offers
        .get_mut(&PepperColour::Red)
        .unwrap();
    offer.minimum = d("2");
    set(&mut wb, "Druten", 4, "1");
    set(&mut wb, "Mook en Middelaar", 4, "1");
    let druten = errors_about(&wb, "Druten");
    assert!(
        druten.iter().any(|p| matches!(p,
            Problem::BelowMinimum { activity: 4, peppers, minimum, .. }
                if *peppers == d("1") && *minimum == d("2"))),
        "{druten:?}"
    );
    assert!(errors_about(&wb, "Mook en Middelaar").is_empty());
    let warnings: Vec<_> = rules::check(&wb)
        .into_iter()
        .filter(|f| f.severity == Severity::Warning)
        .filter(|f| !matches!(f.problem, Problem::Unspent { .. }))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        matches!(&warnings[0].problem,
            Problem::BelowMinimumAllowed { gemeente, activity: 4, .. } if gemeente == "Mook en Middelaar"),
        "{warnings:?}"
    );

    set(&mut wb, "Mook en Middelaar", 4, "0.25");
    let mook = errors_about(&wb, "Mook en Middelaar");
    assert!(
        mook.iter().any(|p| matches!(p,
            Problem::BelowHalfStep { activity: 4, half_step, .. } if *half_step == d("0.5"))),
        "{mook:?}"
    );
}

#[test]
fn half_peppers_are_for_mook_en_middelaar_only() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Mook en Middelaar", 9, "1.5");
    assert!(errors_about(&wb, "Mook en Middelaar").is_empty());
    set(&mut wb, "Wijchen", 9, "1.5");
    let errors = errors_about(&wb, "Wijchen");
    assert!(
        errors.iter().any(|p| matches!(p,
            Problem::NotWholeSteps { activity: 9, step, .. } if *step == d("1"))),
        "{errors:?}"
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
        errors.iter().any(|p| matches!(p,
            Problem::AboveMaximum { activity: 12, maximum, colour: PepperColour::Red, .. }
                if *maximum == d("4"))),
        "{errors:?}"
    );
}

#[test]
fn an_activity_without_an_offer_in_the_colour_cannot_be_chosen() {
    let mut wb = Workbook::bundled();
    set(&mut wb, "Nijmegen", 7, "1");
    let errors = errors_about(&wb, "Nijmegen");
    assert!(
        errors.iter().any(|p| matches!(
            p,
            Problem::NoOffer {
                activity: 7,
                colour: PepperColour::Green,
                ..
            }
        )),
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
    let second = wb.region.gemeenten[1].name.clone();
    wb.region.gemeenten[1].article = 5;
    set(&mut wb, "Heumen", 42, "1");
    let problems: Vec<Problem> = rules::check(&wb).into_iter().map(|f| f.problem).collect();
    assert!(
        problems.contains(&Problem::TooManyActivities { count: 16, max: 15 }),
        "{problems:?}"
    );
    assert!(
        problems.contains(&Problem::ArticleShared {
            gemeente: second,
            article: 5
        }),
        "{problems:?}"
    );
    assert!(
        problems.contains(&Problem::NotOnCard {
            gemeente: "Heumen".into(),
            activity: 42
        }),
        "{problems:?}"
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
    let add = |gemeente: &str, activity, peppers| Edit::AddPeppers {
        gemeente: gemeente.into(),
        activity,
        peppers: d(peppers),
    };
    let above_twelves_maximum = Refusal::AboveMaximum {
        activity: 12,
        maximum: d("4"),
        colour: PepperColour::Red,
    };
    // Beuningen has 8 red peppers: 3 on activity 4 and 2 on activity 12 (at most 4).
    let refusals = [
        (
            add("Beuningen", 4, "4"),
            Refusal::NotEnoughLeft {
                gemeente: "Beuningen".into(),
                left: d("3"),
            },
        ),
        (add("Beuningen", 12, "3"), above_twelves_maximum.clone()),
        (
            add("Nijmegen", 2, "1"),
            Refusal::NoOffer {
                activity: 2,
                colour: PepperColour::Green,
            },
        ),
        (add("Beuningen", 1, "1"), Refusal::Free(1)),
        (
            add("Beuningen", 5, "0.5"),
            Refusal::NotAStep {
                activity: 5,
                step: d("1"),
            },
        ),
        (add("Beuningen", 5, "-1"), Refusal::NoneToTakeOff(5)),
        (
            Edit::MovePeppers {
                gemeente: "Beuningen".into(),
                from: 4,
                to: 12,
                peppers: d("3"),
            },
            above_twelves_maximum.clone(),
        ),
        (
            add("Atlantis", 4, "1"),
            Refusal::UnknownGemeente("Atlantis".into()),
        ),
    ];
    for (edit, expected) in refusals {
        let refusal = apply(&mut wb, &edit).expect_err(&format!("{edit:?} should be refused"));
        assert_eq!(refusal, expected, "{edit:?}");
        assert_eq!(wb, before, "{edit:?} changed the workbook");
    }
    // The sentence the user reads, shared by the app and the command line.
    assert_eq!(
        above_twelves_maximum.to_string(),
        "Activiteit 12 heeft een maximum van 4 rode pepers."
    );
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

#[test]
fn a_decision_signed_by_an_office_that_does_not_sign_for_that_body_is_warned() {
    use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
    let mut model = Model::new(filled_workbook());
    let decision = |side, role: &str| Decision {
        side,
        outcome: Outcome::Akkoord,
        date: chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap(),
        number: "2021-7".into(),
        signatory: "J. de Vries".into(),
        role: role.into(),
        place: "Beuningen".into(),
        version: 0,
    };
    for step in [
        SignOffStep::Submit,
        // A loco-burgemeester may sign for the college; an alderman may not sign for the MGR.
        SignOffStep::Decide(decision(Side::College, "Loco-burgemeester")),
        SignOffStep::Decide(decision(Side::WerkBedrijf, "wethouder Werk en Inkomen")),
    ] {
        model
            .apply(Edit::SignOff {
                gemeente: "Beuningen".into(),
                step,
            })
            .unwrap();
    }
    let warned: Vec<String> = rules::check(model.workbook())
        .into_iter()
        .filter(|f| matches!(f.problem, Problem::SignatoryNotCompetent { .. }))
        .map(|f| {
            assert_eq!(f.severity, Severity::Warning);
            f.problem.to_string()
        })
        .collect();
    assert_eq!(
        warned,
        [
            "Het besluit van WerkBedrijf (Dagelijks Bestuur MGR) over de keuzes van Beuningen is \
          ondertekend door J. de Vries (wethouder Werk en Inkomen); volgens de DVO tekent daarvoor \
          de voorzitter van het Dagelijks Bestuur van de MGR."
        ]
    );
    // The example workbooks the docs show sign the way the DVO says.
    for example in [
        "docs/voorbeeld-2021-2022.ron",
        "docs/voortgang-voorbeeld-2021-2022.ron",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(example);
        let workbook = keuzekaart::storage::read_workbook(&path).unwrap();
        assert!(
            !rules::check(&workbook)
                .iter()
                .any(|f| matches!(f.problem, Problem::SignatoryNotCompetent { .. })),
            "{example}"
        );
    }
}

#[test]
fn undo_keeps_the_last_two_hundred_steps_so_a_long_session_does_not_grow_without_end() {
    let mut model = Model::new(Workbook::bundled());
    for i in 0..250 {
        model
            .apply(Edit::SetNote {
                gemeente: "Wijchen".into(),
                activity: 4,
                note: format!("versie {i}"),
            })
            .unwrap();
    }
    let mut undone = 0;
    while model.undo().is_some() {
        undone += 1;
    }
    assert_eq!(undone, 200);
    // The oldest steps that were let go stay applied: the note is the 50th version.
    let note = |m: &Model| {
        m.workbook()
            .plan("Wijchen")
            .unwrap()
            .choices
            .iter()
            .find(|c| c.activity == 4)
            .unwrap()
            .note
            .clone()
    };
    assert_eq!(note(&model), "versie 49");
}
