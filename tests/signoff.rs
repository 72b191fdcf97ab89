//! Signing off: the status walk, locking, amendments, fingerprints and `keuzekaart verify`.

mod common;

use std::process::Command;

use chrono::NaiveDate;
use common::{d, filled_workbook};
use keuzekaart::core::signoff::{self, Decision, Outcome, Side, SignOffStep, Status};
use keuzekaart::core::{Edit, Model, Workbook};
use keuzekaart::storage;

fn decision(side: Side, outcome: Outcome, date: &str) -> Decision {
    Decision {
        side,
        outcome,
        date: NaiveDate::parse_from_str(date, "%d-%m-%Y").unwrap(),
        number: "2021-0042".into(),
        signatory: "J. de Vries".into(),
        role: if side == Side::College {
            "wethouder Werk".into()
        } else {
            "voorzitter DB MGR".into()
        },
        place: "Beuningen".into(),
        version: 0,
    }
}

fn step(model: &mut Model, gemeente: &str, step: SignOffStep) -> Result<(), String> {
    model
        .apply(Edit::SignOff {
            gemeente: gemeente.into(),
            step,
        })
        .map_err(|r| r.0)
}

/// Beuningen's filled choices, agreed by both sides.
fn agreed_model() -> Model {
    let mut model = Model::new(filled_workbook());
    step(&mut model, "Beuningen", SignOffStep::Submit).unwrap();
    step(
        &mut model,
        "Beuningen",
        SignOffStep::Decide(decision(Side::College, Outcome::Akkoord, "02-02-2021")),
    )
    .unwrap();
    step(
        &mut model,
        "Beuningen",
        SignOffStep::Decide(decision(Side::WerkBedrijf, Outcome::Akkoord, "14-03-2021")),
    )
    .unwrap();
    model
}

fn status(model: &Model, gemeente: &str) -> Status {
    model.workbook().plan(gemeente).unwrap().sign_off.status
}

#[test]
fn from_concept_to_vastgesteld_then_locked_until_an_amendment() {
    let mut model = agreed_model();
    assert_eq!(status(&model, "Beuningen"), Status::Vastgesteld);
    let plan = model.workbook().plan("Beuningen").unwrap().clone();
    let agreed = plan.sign_off.in_force().unwrap();
    assert_eq!(agreed.describe(), "Vastgesteld 14-03-2021");
    assert_eq!(agreed.choices, plan.choices);
    assert_eq!(agreed.fingerprint.len(), 64);

    let before = model.workbook().clone();
    let refusal = model
        .apply(Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 4,
            peppers: d("-1"),
        })
        .unwrap_err();
    assert!(
        refusal.0.contains("vastgesteld") && refusal.0.contains("tussentijdse wijziging"),
        "{refusal}"
    );
    assert_eq!(model.workbook(), &before);

    step(&mut model, "Beuningen", SignOffStep::StartAmendment).unwrap();
    assert_eq!(status(&model, "Beuningen"), Status::Concept);
    model
        .apply(Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 4,
            peppers: d("-1"),
        })
        .unwrap();
    let plan = model.workbook().plan("Beuningen").unwrap();
    assert_eq!(plan.sign_off.version, 1);
    assert_eq!(
        plan.sign_off.agreed.len(),
        1,
        "the agreed version stays in the history"
    );
    assert_eq!(
        plan.sign_off.in_force().unwrap().choices,
        before.plan("Beuningen").unwrap().choices
    );
    // The version in force still holds while the amendment is drafted.
    assert!(matches!(
        signoff::verify(model.workbook())[1].holds,
        Some(Ok(_))
    ));

    // The amendment is agreed as "Tussentijdse wijziging 1".
    step(&mut model, "Beuningen", SignOffStep::Submit).unwrap();
    step(
        &mut model,
        "Beuningen",
        SignOffStep::Decide(decision(Side::College, Outcome::Akkoord, "01-03-2022")),
    )
    .unwrap();
    step(
        &mut model,
        "Beuningen",
        SignOffStep::Decide(decision(Side::WerkBedrijf, Outcome::Akkoord, "14-03-2022")),
    )
    .unwrap();
    let sign_off = &model.workbook().plan("Beuningen").unwrap().sign_off;
    assert_eq!(sign_off.agreed.len(), 2);
    assert_eq!(
        sign_off.in_force().unwrap().describe(),
        "Tussentijdse wijziging 1, vastgesteld 14-03-2022"
    );
    assert_eq!(sign_off.decisions.len(), 4);
}

#[test]
fn steps_out_of_order_and_submitting_with_errors_are_refused() {
    let mut model = Model::new(filled_workbook());
    let err = step(
        &mut model,
        "Druten",
        SignOffStep::Decide(decision(Side::WerkBedrijf, Outcome::Akkoord, "01-01-2021")),
    );
    assert!(err.unwrap_err().contains("nadat het college"));
    assert!(step(&mut model, "Druten", SignOffStep::StartAmendment).is_err());
    // Over budget: cannot be offered for decision.
    let mut wb = filled_workbook();
    wb.plan_mut("Druten").choices[0].peppers = d("9");
    let mut model = Model::new(wb);
    assert!(
        step(&mut model, "Druten", SignOffStep::Submit)
            .unwrap_err()
            .contains("fouten")
    );
    assert_eq!(status(&model, "Druten"), Status::Concept);
}

#[test]
fn niet_akkoord_sends_the_choices_back_to_concept_and_keeps_the_decision() {
    let mut model = Model::new(filled_workbook());
    step(&mut model, "Heumen", SignOffStep::Submit).unwrap();
    assert!(
        model
            .apply(Edit::AddPeppers {
                gemeente: "Heumen".into(),
                activity: 7,
                peppers: d("-1")
            })
            .is_err(),
        "frozen while ter besluitvorming"
    );
    step(
        &mut model,
        "Heumen",
        SignOffStep::Decide(decision(Side::College, Outcome::NietAkkoord, "05-02-2021")),
    )
    .unwrap();
    let sign_off = &model.workbook().plan("Heumen").unwrap().sign_off;
    assert_eq!(sign_off.status, Status::Concept);
    assert_eq!(sign_off.decisions.len(), 1);
    assert_eq!(sign_off.decisions[0].outcome, Outcome::NietAkkoord);
    assert!(sign_off.agreed.is_empty());
    // And undo takes the decision back.
    model.undo();
    assert_eq!(status(&model, "Heumen"), Status::TerBesluitvorming);
}

#[test]
fn the_fingerprint_survives_save_load_reordering_and_notes_but_not_a_changed_pepper() {
    let model = agreed_model();
    let text = storage::to_ron(model.workbook());
    let back = storage::parse_workbook(&text).unwrap();
    assert!(matches!(signoff::verify(&back)[1].holds, Some(Ok(_))));

    // Reorder fields of the agreed version in the RON text: same content, same fingerprint.
    let indent = " ".repeat(24);
    let original = format!("{indent}version: 0,\n{indent}agreed_on: \"2021-03-14\",\n");
    let swapped = format!("{indent}agreed_on: \"2021-03-14\",\n{indent}version: 0,\n");
    assert!(
        text.contains(&original),
        "the agreed version block was not found"
    );
    let reordered = text.replacen(&original, &swapped, 1);
    let back = storage::parse_workbook(&reordered).unwrap();
    assert!(
        matches!(signoff::verify(&back)[1].holds, Some(Ok(_))),
        "{:?}",
        signoff::verify(&back)[1]
    );

    // A note is not part of the agreed content.
    let mut noted = model.workbook().clone();
    noted.plan_mut("Beuningen").choices[0].note = "start in maart".into();
    assert!(matches!(signoff::verify(&noted)[1].holds, Some(Ok(_))));

    // A pepper changed by hand is caught, and so is a price change on the card.
    let mut edited = model.workbook().clone();
    edited.plan_mut("Beuningen").sign_off.agreed[0].choices[0].peppers = d("4");
    edited.plan_mut("Beuningen").choices[0].peppers = d("4");
    assert!(matches!(signoff::verify(&edited)[1].holds, Some(Err(_))));
    let mut repriced = model.workbook().clone();
    let offer = repriced.card.activities[3]
        .offers
        .get_mut(&keuzekaart::core::PepperColour::Red)
        .unwrap();
    offer.volume = d("12");
    assert!(matches!(signoff::verify(&repriced)[1].holds, Some(Err(_))));
}

#[test]
fn the_fingerprint_of_known_content_is_fixed_across_app_versions() {
    // If this value changes, files signed with an earlier build no longer verify: the canonical
    // form must then get a new version line and both forms must be accepted.
    let wb = Workbook::bundled();
    let gemeente = wb.region.gemeente("Beuningen").unwrap();
    let choices = filled_workbook().plan("Beuningen").unwrap().choices.clone();
    let canonical =
        signoff::canonical_form(gemeente, &wb.card, &wb.region.citation_title, 0, &choices);
    assert_eq!(
        canonical,
        "keuzekaart-vaststelling 1\n\
         dvo=Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022\n\
         gemeente=Beuningen\nartikel=6\nkleur=rood\npepers=8\nversie=0\n\
         keuze activiteit=4 pepers=3 gekozen=false aanbod volume=10 eenheid=kandidaat/kandidaten pepers=1 minimum=1 maximum=-\n\
         keuze activiteit=12 pepers=2 gekozen=false aanbod volume=15 eenheid=traject/trajecten pepers=1 minimum=1 maximum=4\n"
    );
    let fingerprint =
        signoff::fingerprint(gemeente, &wb.card, &wb.region.citation_title, 0, &choices);
    assert_eq!(
        fingerprint,
        "4517cc3e667206a1f0b03ae0a41c70cbe6cec54f39e0fca9990cb5a849042e86"
    );
}

#[test]
fn verify_exits_one_naming_a_hand_edited_gemeente_and_zero_after_a_note_change() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vastgesteld.ron");
    let text = storage::to_ron(agreed_model().workbook());
    std::fs::write(&path, &text).unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .arg("verify")
            .arg(&path)
            .output()
            .unwrap()
    };

    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("Beuningen: Vastgesteld — vingerafdruk"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Druten: Concept — nog niet vastgesteld"),
        "{stdout}"
    );

    // A note is edited by hand: still holds.
    let noted = text.replacen(
        "activity: 4,\n                    peppers: \"3\",",
        "activity: 4,\n                    peppers: \"3\",\n                    note: \"met de wijkteams\",",
        1,
    );
    assert!(noted != text, "the choice was not found");
    std::fs::write(&path, &noted).unwrap();
    assert_eq!(run().status.code(), Some(0));

    // The agreed peppers are edited by hand: verify fails and names Beuningen.
    let edited = text.replace(
        "activity: 4,\n                    peppers: \"3\",",
        "activity: 4,\n                    peppers: \"4\",",
    );
    assert!(edited != text, "the choice was not found");
    std::fs::write(&path, &edited).unwrap();
    let out = run();
    let stdout = String::from_utf8_lossy(&out.stdout).into_owned();
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Beuningen: Vastgesteld — ONGELDIG"),
        "{stdout}"
    );

    std::fs::write(&path, "kapot").unwrap();
    assert_eq!(run().status.code(), Some(2));
}
