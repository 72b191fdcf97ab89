//! Signing off: the status walk, locking, amendments, fingerprints and `keuzekaart verify`.

use std::process::Command;

use crate::common::{d, filled_workbook};
use chrono::NaiveDate;
use keuzekaart::core::signoff::{
    self, Decision, Outcome, Side, SignOffRefusal, SignOffStep, Status,
};
use keuzekaart::core::{Edit, Model, Refusal, Workbook};
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

fn step(model: &mut Model, gemeente: &str, step: SignOffStep) -> Result<(), Refusal> {
    model.apply(Edit::SignOff {
        gemeente: gemeente.into(),
        step,
    })
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
    assert_eq!(
        refusal,
        keuzekaart::core::Refusal::Agreed {
            gemeente: "Beuningen".into()
        }
    );
    assert!(
        refusal.to_string().contains("tussentijdse wijziging"),
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
    assert!(signoff::verify(model.workbook())[1].is_valid());

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
    assert_eq!(
        err.unwrap_err(),
        Refusal::SignOff(SignOffRefusal::WerkBedrijfOutOfTurn)
    );
    assert!(step(&mut model, "Druten", SignOffStep::StartAmendment).is_err());
    // Over budget: cannot be offered for decision.
    let mut wb = filled_workbook();
    wb.plan_mut("Druten").choices[0].peppers = d("9");
    let mut model = Model::new(wb);
    assert_eq!(
        step(&mut model, "Druten", SignOffStep::Submit).unwrap_err(),
        Refusal::SignOff(SignOffRefusal::HasErrors("Druten".into()))
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
fn the_fingerprint_survives_save_load_reordering_and_options_but_not_a_changed_pepper_or_note() {
    let model = agreed_model();
    let text = storage::to_ron(model.workbook());
    let back = storage::parse_workbook(&text).unwrap();
    assert!(signoff::verify(&back)[1].is_valid());

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
        signoff::verify(&back)[1].is_valid(),
        "{:?}",
        signoff::verify(&back)[1]
    );

    // A note on an agreed choice is printed, so it is part of the agreed content; a note on an
    // option is not.
    let mut noted = model.workbook().clone();
    noted.plan_mut("Beuningen").choices[0].note = "start in maart".into();
    assert!(signoff::verify(&noted)[1].problem().is_some());
    let mut optioned = model.workbook().clone();
    optioned
        .plan_mut("Beuningen")
        .alternatives
        .push(keuzekaart::core::options::Scenario {
            name: "Optie B".into(),
            choices: vec![keuzekaart::core::Choice {
                note: "start in maart".into(),
                ..keuzekaart::core::Choice::empty(4)
            }],
        });
    assert!(signoff::verify(&optioned)[1].is_valid());

    // A pepper changed by hand is caught, and so is a price change on the card.
    let mut edited = model.workbook().clone();
    edited.plan_mut("Beuningen").sign_off.agreed[0].choices[0].peppers = d("4");
    edited.plan_mut("Beuningen").choices[0].peppers = d("4");
    assert!(signoff::verify(&edited)[1].problem().is_some());
    let mut repriced = model.workbook().clone();
    let offer = repriced.card.activities[3]
        .offers
        .get_mut(&keuzekaart::core::PepperColour::Red)
        .unwrap();
    offer.volume = d("12");
    assert!(signoff::verify(&repriced)[1].problem().is_some());
}

#[test]
fn the_fingerprint_of_known_content_is_fixed_across_app_versions() {
    // If this changes, sign-offs made with the second recipe are no longer recognised: the old
    // recipes stay, so that such a file says "oude vingerafdruk" rather than ONGELDIG (see
    // recipe 1 in trust.rs, whose golden value from the oldest recipe is still recognised).
    let wb = Workbook::bundled();
    let gemeente = wb.region.gemeente("Beuningen").unwrap();
    let choices = filled_workbook().plan("Beuningen").unwrap().choices.clone();
    let college = decision(Side::College, Outcome::Akkoord, "02-02-2021");
    let db = decision(Side::WerkBedrijf, Outcome::Akkoord, "14-03-2021");
    let terms = signoff::Terms {
        region: &wb.region,
        card: &wb.card,
    };
    let canonical = signoff::canonical_form_v2(terms, gemeente, 0, &choices, &[&db, &college]);
    let card = |n: u32| wb.card.activity(n).unwrap().description.clone();
    let q = |s: &str| serde_json::to_string(s).unwrap();
    assert_eq!(
        canonical,
        format!(
            "keuzekaart-vaststelling 2\n\
             dvo=\"Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022\"\n\
             looptijd=2021-01-01/2022-12-31\n\
             peperwaarde rood=10000\npeperwaarde groen=100000\n\
             gemeente=\"Beuningen\"\nartikel=6\ndoel={}\nkleur=rood\npepers=8\nbudget=78395\n\
             onder-minimum=false\nversie=0\n\
             keuze activiteit=4 pepers=3 gekozen=false notitie=\"\" titel=\"Screenen kandidaten\" omschrijving={} \
             aanbod volume=10 eenheid=\"kandidaat\"/\"kandidaten\" pepers=1 minimum=1 maximum=-\n\
             keuze activiteit=12 pepers=2 gekozen=false notitie=\"\" titel=\"Subsidiëren participatietrajecten\" omschrijving={} \
             aanbod volume=15 eenheid=\"traject\"/\"trajecten\" pepers=1 minimum=1 maximum=4\n\
             besluit college uitkomst=\"Akkoord\" datum=2021-02-02 nummer=\"2021-0042\" ondertekenaar=\"J. de Vries\" functie=\"wethouder Werk\" plaats=\"Beuningen\"\n\
             besluit werkbedrijf uitkomst=\"Akkoord\" datum=2021-03-14 nummer=\"2021-0042\" ondertekenaar=\"J. de Vries\" functie=\"voorzitter DB MGR\" plaats=\"Beuningen\"\n",
            q(&gemeente.goal),
            q(&card(4)),
            q(&card(12)),
        )
    );
    // The app signs with the statement recipe: the fingerprint stored is the SHA-256 of the
    // statement stored beside it, which anyone can recompute with `sha256sum`.
    let model = agreed_model();
    let agreed = &model.workbook().plan("Beuningen").unwrap().sign_off.agreed[0];
    assert_eq!(agreed.recipe, signoff::CURRENT_RECIPE);
    assert_eq!(agreed.recipe, 3);
    use sha2::Digest;
    assert_eq!(
        agreed.fingerprint,
        format!("{:x}", sha2::Sha256::digest(agreed.statement.as_bytes()))
    );
    assert!(
        agreed.statement.starts_with(
            "{\"kind\":\"keuzekaart-vaststelling\",\"recipe\":3,\"region\":\"Rijk van Nijmegen\",\
             \"citation_title\":\"Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022\",\
             \"term_start\":\"2021-01-01\",\"term_end\":\"2022-12-31\",\
             \"pepper_values\":[[\"rood\",\"10000\"],[\"groen\",\"100000\"]]"
        ),
        "{}",
        agreed.statement
    );
}

#[test]
fn verify_exits_one_naming_a_hand_edited_gemeente_and_zero_after_an_unprinted_change() {
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

    // A note of an agreed choice is edited by hand: the annex prints it, so it no longer holds.
    let noted = text.replacen(
        "activity: 4,\n                    peppers: \"3\",",
        "activity: 4,\n                    peppers: \"3\",\n                    note: \"met de wijkteams\",",
        1,
    );
    assert!(noted != text, "the choice was not found");
    std::fs::write(&path, &noted).unwrap();
    assert_eq!(run().status.code(), Some(1));
    // Metadata the annex does not print: still holds.
    let authored = text.replacen("metadata: (", "metadata: (\n        author: \"Iemand\",", 1);
    assert!(authored != text);
    std::fs::write(&path, &authored).unwrap();
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
