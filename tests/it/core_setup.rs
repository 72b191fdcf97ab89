//! Beheer in the core: card, region and term edits through the one edit path, their undo, the
//! sign-offs they break, card files and the next term.

use crate::common::{agreed_workbook, d, filled_workbook};
use keuzekaart::core::next_term::next_term;
use keuzekaart::core::setup::{SetupEdit, SetupRefusal};
use keuzekaart::core::signoff::Status;
use keuzekaart::core::{Edit, Model, PepperColour, Refusal, Workbook};
use keuzekaart::storage;

fn setup(model: &mut Model, edit: SetupEdit) -> Result<(), SetupRefusal> {
    model
        .apply(Edit::Setup(edit))
        .map_err(|refusal| match refusal {
            Refusal::Setup(setup) => setup,
            other => panic!("not a Beheer refusal: {other:?}"),
        })
}

fn activity_4_at(volume: &str) -> SetupEdit {
    let mut activity = Workbook::bundled().card.activity(4).unwrap().clone();
    activity.offers.get_mut(&PepperColour::Red).unwrap().volume = d(volume);
    SetupEdit::SetActivity {
        number: 4,
        activity,
    }
}

#[test]
fn a_price_change_updates_the_volumes_and_undo_puts_it_back() {
    let mut model = Model::new(filled_workbook());
    let beuningen = model
        .workbook()
        .region
        .gemeente("Beuningen")
        .unwrap()
        .clone();
    let volume = |model: &Model| {
        model
            .workbook()
            .choice_lines(&beuningen)
            .into_iter()
            .find(|l| l.activity == 4)
            .unwrap()
            .volume_label
    };
    assert_eq!(volume(&model), "30 kandidaten");
    setup(&mut model, activity_4_at("12")).unwrap();
    assert_eq!(volume(&model), "36 kandidaten");
    assert_eq!(model.undo_label(), Some("Activiteit 4 gewijzigd"));
    model.undo();
    assert_eq!(volume(&model), "30 kandidaten");
    assert_eq!(model.workbook(), &filled_workbook());
    model.redo();
    assert_eq!(volume(&model), "36 kandidaten");
}

#[test]
fn the_card_holds_at_most_fifteen_activities() {
    let mut model = Model::new(Workbook::bundled());
    assert_eq!(model.workbook().card.activities.len(), 13);
    setup(&mut model, SetupEdit::AddActivity).unwrap();
    setup(&mut model, SetupEdit::AddActivity).unwrap();
    let numbers: Vec<u32> = model
        .workbook()
        .card
        .activities
        .iter()
        .map(|a| a.number)
        .collect();
    assert_eq!(&numbers[13..], &[14, 15]);
    let refusal = setup(&mut model, SetupEdit::AddActivity).unwrap_err();
    assert_eq!(refusal, SetupRefusal::CardFull { count: 15, max: 15 });
    assert_eq!(model.workbook().card.activities.len(), 15);
}

#[test]
fn an_activity_in_use_cannot_be_removed_and_a_free_one_can() {
    let mut model = Model::new(filled_workbook());
    let refusal = setup(&mut model, SetupEdit::RemoveActivity { number: 4 }).unwrap_err();
    assert_eq!(
        refusal,
        SetupRefusal::InUse {
            activity: 4,
            users: vec!["Beuningen".into(), "Nijmegen".into()]
        }
    );
    assert_eq!(
        refusal.to_string(),
        "Activiteit 4 wordt gebruikt door Beuningen en Nijmegen; die keuzes moeten er eerst af."
    );
    setup(&mut model, SetupEdit::RemoveActivity { number: 3 }).unwrap();
    assert!(model.workbook().card.activity(3).is_none());
    model.undo();
    assert_eq!(model.workbook().card, filled_workbook().card);
}

#[test]
fn renumbering_carries_the_choices_and_moving_keeps_them() {
    let mut model = Model::new(filled_workbook());
    let mut activity = model.workbook().card.activity(4).unwrap().clone();
    activity.number = 14;
    setup(
        &mut model,
        SetupEdit::SetActivity {
            number: 4,
            activity,
        },
    )
    .unwrap();
    let plan = model.workbook().plan("Beuningen").unwrap();
    assert_eq!(plan.peppers_on(14), d("3"));
    assert_eq!(plan.peppers_on(4), d("0"));
    let findings = crate::common::findings_besides_unspent(model.workbook());
    assert!(findings.is_empty(), "{findings:?}");

    let five = model.workbook().card.activity(5).unwrap().clone();
    let taken = setup(
        &mut model,
        SetupEdit::SetActivity {
            number: 14,
            activity: five,
        },
    )
    .unwrap_err();
    assert_eq!(taken, SetupRefusal::NumberTaken(5));

    setup(
        &mut model,
        SetupEdit::MoveActivity {
            number: 2,
            up: true,
        },
    )
    .unwrap();
    assert_eq!(model.workbook().card.activities[0].number, 2);
    let top = setup(
        &mut model,
        SetupEdit::MoveActivity {
            number: 2,
            up: true,
        },
    )
    .unwrap_err();
    assert_eq!(
        top,
        SetupRefusal::AtEdge {
            activity: 2,
            up: true
        }
    );
}

#[test]
fn a_price_rise_names_the_gemeenten_it_puts_over_their_minimum_or_budget() {
    let mut model = Model::new(filled_workbook());
    // Two red peppers per step on activity 13: Heumen's 3 peppers are no longer whole steps.
    let mut activity = model.workbook().card.activity(13).unwrap().clone();
    activity.offers.get_mut(&PepperColour::Red).unwrap().peppers = d("2");
    activity.offers.get_mut(&PepperColour::Red).unwrap().minimum = d("4");
    setup(
        &mut model,
        SetupEdit::SetActivity {
            number: 13,
            activity,
        },
    )
    .unwrap();
    let named: Vec<_> = model
        .new_findings()
        .iter()
        .filter_map(|f| f.gemeente.clone())
        .collect();
    assert!(
        named.iter().any(|g| g == "Heumen"),
        "{:?}",
        model.new_findings()
    );
    assert!(named.iter().all(|g| g == "Heumen"), "{named:?}");

    // Fewer peppers for Wijchen than it placed: over budget, named.
    let mut wijchen = model.workbook().region.gemeente("Wijchen").unwrap().clone();
    wijchen.peppers = d("3");
    setup(&mut model, SetupEdit::SetGemeente { gemeente: wijchen }).unwrap();
    assert!(
        model
            .new_findings()
            .iter()
            .all(|f| f.gemeente.as_deref() == Some("Wijchen"))
            && !model.new_findings().is_empty(),
        "{:?}",
        model.new_findings()
    );
}

#[test]
fn a_price_change_under_an_agreed_gemeente_is_known_to_break_its_sign_off() {
    let mut model = Model::new(agreed_workbook());
    let edit = Edit::Setup(activity_4_at("12"));
    assert_eq!(
        model.sign_offs_broken_by(&edit).unwrap(),
        vec!["Beuningen".to_owned()]
    );
    // A price only Nijmegen's green offer uses breaks nothing agreed.
    let mut green = model.workbook().card.activity(10).unwrap().clone();
    green.title = "Andere titel".into();
    assert!(
        model
            .sign_offs_broken_by(&Edit::Setup(SetupEdit::SetActivity {
                number: 10,
                activity: green
            }))
            .unwrap()
            .is_empty()
    );
    model.apply(edit).unwrap();
    let check = model.sign_off_check("Beuningen").unwrap();
    assert!(check.problem().is_some(), "{check:?}");
}

#[test]
fn bad_region_and_term_values_are_refused_in_dutch() {
    let mut model = Model::new(Workbook::bundled());
    let mut heumen = model.workbook().region.gemeente("Heumen").unwrap().clone();
    heumen.article = 5;
    let refusal = setup(&mut model, SetupEdit::SetGemeente { gemeente: heumen }).unwrap_err();
    assert_eq!(
        refusal,
        SetupRefusal::ArticleTaken {
            article: 5,
            other: "Berg en Dal".into()
        }
    );
    let term = model.workbook().region.term.clone();
    let refusal = setup(
        &mut model,
        SetupEdit::SetTerm {
            start: term.end,
            end: term.start,
            citation_title: "x".into(),
            card_name: "y".into(),
            reading_note: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(refusal, SetupRefusal::TermBackwards);
    setup(
        &mut model,
        SetupEdit::SetPepperValue {
            colour: PepperColour::Red,
            value: d("11000"),
        },
    )
    .unwrap();
    assert_eq!(
        model.workbook().region.pepper_value(PepperColour::Red),
        d("11000")
    );
    assert_eq!(model.undo_label(), Some("Waarde van een rode peper"));

    // Once WerkBedrijf confirms the card, Beheer clears the note that its prices are a reading,
    // and the annex stops printing it.
    assert!(!model.workbook().card.reading_note.is_empty());
    let confirmed = SetupEdit::SetTerm {
        start: term.start,
        end: term.end,
        citation_title: model.workbook().region.citation_title.clone(),
        card_name: model.workbook().card.name.clone(),
        reading_note: String::new(),
    };
    setup(&mut model, confirmed).unwrap();
    assert!(model.workbook().card.reading_note.is_empty());
}

#[test]
fn a_card_file_round_trips_and_a_broken_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("kaart.ron");
    let card = Workbook::bundled().card;
    storage::export_card(&path, &card).unwrap();
    assert_eq!(storage::read_card_file(&path).unwrap(), card);

    let text = std::fs::read_to_string(&path).unwrap();
    let doubled = text.replacen("number: 2,", "number: 1,", 1);
    std::fs::write(&path, doubled).unwrap();
    let error = storage::read_card_file(&path).unwrap_err();
    assert!(error.contains("Nummer 1 staat meer dan eens"), "{error}");

    std::fs::write(&path, "(version: 1, card: (name: \"x\"").unwrap();
    let error = storage::read_card_file(&path).unwrap_err();
    assert!(error.contains("regel"), "{error}");

    // A card that lacks an activity a gemeente chose is refused on import.
    let mut model = Model::new(filled_workbook());
    let mut smaller = card.clone();
    smaller.activities.retain(|a| a.number != 12);
    let refusal = setup(&mut model, SetupEdit::ReplaceCard { card: smaller }).unwrap_err();
    assert_eq!(
        refusal,
        SetupRefusal::ChosenActivitiesMissing {
            missing: vec![("Beuningen".into(), 12)]
        }
    );
    assert!(
        refusal.to_string().contains("Beuningen (activiteit 12)"),
        "{refusal}"
    );
}

#[test]
fn the_next_term_starts_from_the_agreed_choices_in_concept_with_a_baseline() {
    let old = agreed_workbook();
    let next = next_term(&old);
    assert_eq!(next.region.term.label(), "2023–2024");
    assert_eq!(next.region.term.start.to_string(), "2023-01-01");
    assert_eq!(next.region.term.end.to_string(), "2024-12-31");
    assert!(
        next.region.citation_title.contains("2023"),
        "{}",
        next.region.citation_title
    );
    assert!(!next.region.citation_title.contains("2021"));
    assert_eq!(next.card.name, "Keuzekaart 2023-2024");
    let agreed = old
        .plan("Beuningen")
        .unwrap()
        .sign_off
        .in_force()
        .unwrap()
        .choices
        .clone();
    for plan in &next.plans {
        assert_eq!(plan.sign_off.status, Status::Concept);
        assert!(plan.sign_off.agreed.is_empty());
    }
    assert_eq!(next.plan("Beuningen").unwrap().choices, agreed);
    assert_eq!(
        next.plan("Heumen").unwrap().choices,
        old.plan("Heumen").unwrap().choices
    );
    let previous = next.previous.as_ref().unwrap();
    assert_eq!(previous.term.label(), "2021–2022");
    let line = previous.line("Beuningen", 4).unwrap();
    assert_eq!(
        (line.peppers, line.volume.as_str()),
        (d("3"), "30 kandidaten")
    );
    assert!(
        previous
            .plans
            .iter()
            .find(|p| p.gemeente == "Beuningen")
            .unwrap()
            .agreed
    );

    // It saves and reads back with its baseline.
    let text = storage::to_ron(&next);
    assert_eq!(storage::parse_workbook(&text).unwrap(), next);
}

#[test]
fn next_term_on_the_command_line_writes_a_new_file_and_keeps_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let old = dir.path().join("2021-2022.ron");
    let new = dir.path().join("2023-2024.ron");
    let text = storage::to_ron(&agreed_workbook());
    std::fs::write(&old, &text).unwrap();
    let run = |args: &[&std::path::Path]| {
        let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_keuzekaart"));
        command
            .arg("next-term")
            .arg(args[0])
            .arg("--out")
            .arg(args[1]);
        command.output().unwrap()
    };
    let out = run(&[&old, &new]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("2021–2022 → 2023–2024; 1 van 7 gemeenten"),
        "{stdout}"
    );
    assert_eq!(std::fs::read_to_string(&old).unwrap(), text);
    let next = storage::read_workbook(&new).unwrap();
    assert_eq!(next.region.term.label(), "2023–2024");
    assert!(next.previous.is_some());
    // A second run does not overwrite the new file without --overwrite.
    assert_eq!(run(&[&old, &new]).status.code(), Some(3));
}

#[test]
fn replacing_the_card_says_which_card_replaces_which_and_what_changes() {
    use keuzekaart::core::diff::CardReplacement;
    let current = Workbook::bundled().card;
    let mut new = current.clone();
    new.name = "Keuzekaart 2023".into();
    new.activities[3]
        .offers
        .get_mut(&PepperColour::Red)
        .unwrap()
        .volume = d("12");
    let mut extra = new.activities[0].clone();
    extra.number = 14;
    new.activities.push(extra);
    let replacement = CardReplacement::new(&current, &new);
    assert_eq!(replacement.changed, [4, 14]);
    assert_eq!(
        replacement.lines(),
        [
            format!(
                "‘Keuzekaart 2023’ met 14 activiteiten vervangt ‘{}’ met 13.",
                current.name
            ),
            "Nieuw of anders: activiteit 4 en 14.".to_owned()
        ]
    );
    assert_eq!(
        CardReplacement::new(&current, &current).lines()[1],
        "Geen activiteit verandert."
    );
}
