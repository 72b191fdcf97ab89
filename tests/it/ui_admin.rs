//! Beheer through the app's own screens (egui_kittest): prices, the number of activities, the
//! warning over agreed choices, card files and the next term.

use std::process::Command;

use crate::common::app::harness_with;
use crate::common::{agreed_workbook, d, filled_workbook};
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;
use keuzekaart::core::{PepperColour, Status, Workbook};
use keuzekaart::ui::FileAction;
use keuzekaart::ui::file_commands::FileCommand;

use crate::common::app::App;

fn app(workbook: Workbook) -> App {
    harness_with(workbook, "Beuningen", Vec2::new(1366.0, 1600.0))
}

/// Replaces what a labelled field holds, as a person would: click, select all, type.
fn retype(h: &mut App, label: &str, value: &str) {
    h.get_by_role_and_label(egui::Role::TextInput, label)
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, label)
        .type_text(value);
    h.run();
}

fn click(h: &mut App, label: &str) {
    h.get_by_label(label).click();
    h.run();
}

fn red_volume_of_4(h: &App) -> rust_decimal::Decimal {
    h.state()
        .model()
        .workbook()
        .card
        .activity(4)
        .unwrap()
        .offers[&PepperColour::Red]
        .volume
}

fn open_activity_4(h: &mut App) {
    click(h, "Beheer");
    click(h, "4. Screenen kandidaten");
}

#[test]
fn a_new_price_for_activity_4_updates_beuningen_and_undo_restores_it() {
    let mut h = app(filled_workbook());
    open_activity_4(&mut h);
    assert_eq!(red_volume_of_4(&h), d("10"));
    retype(&mut h, "Volume per stap (rood)", "12");
    click(&mut h, "Toepassen");
    assert_eq!(red_volume_of_4(&h), d("12"));
    assert_eq!(h.state().message(), Some("Activiteit 4 gewijzigd."));

    click(&mut h, "Keuzes");
    assert!(
        h.query_by_label_contains("Gekozen: 36 kandidaten · 3 pepers")
            .is_some(),
        "Beuningen's three peppers now buy 36 candidates"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(red_volume_of_4(&h), d("10"));
    assert!(
        h.query_by_label_contains("Gekozen: 30 kandidaten · 3 pepers")
            .is_some()
    );
    assert_eq!(h.state().model().workbook(), &filled_workbook());
}

#[test]
fn a_word_for_a_price_is_refused_with_the_field_named_and_nothing_changes() {
    let mut h = app(filled_workbook());
    open_activity_4(&mut h);
    retype(&mut h, "Volume per stap (rood)", "twaalf");
    click(&mut h, "Toepassen");
    let message = h.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("Volume per stap (rood)"), "{message}");
    assert_eq!(h.state().model().workbook(), &filled_workbook());
    // The typed text is still there to correct.
    click(&mut h, "Herstellen");
    assert_eq!(red_volume_of_4(&h), d("10"));
    // The same price written differently changes nothing and says so.
    retype(&mut h, "Volume per stap (rood)", "10,0");
    click(&mut h, "Toepassen");
    assert_eq!(h.state().message(), Some("Er verandert niets."));
    assert_eq!(h.state().model().undo_label(), None);
}

#[test]
fn a_fourteenth_and_fifteenth_activity_fit_and_a_sixteenth_is_refused() {
    let mut h = harness_with(Workbook::bundled(), "Beuningen", Vec2::new(1366.0, 2600.0));
    click(&mut h, "Beheer");
    click(&mut h, "Activiteit toevoegen");
    click(&mut h, "Activiteit toevoegen");
    let numbers: Vec<u32> = h
        .state()
        .model()
        .workbook()
        .card
        .activities
        .iter()
        .map(|a| a.number)
        .collect();
    assert_eq!(numbers.len(), 15);
    assert_eq!(&numbers[13..], &[14, 15]);
    assert!(h.query_by_label("15. Nieuwe activiteit").is_some());
    click(&mut h, "Activiteit toevoegen");
    assert_eq!(h.state().model().workbook().card.activities.len(), 15);
    let message = h.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("hoogstens 15"), "{message}");

    // The new activity gets a title and a red offer; Beuningen can then spend on it.
    click(&mut h, "15. Nieuwe activiteit");
    retype(&mut h, "Titel", "Jongerenloket");
    h.get_by_label("Aanbod voor rode pepers").click();
    h.run();
    retype(&mut h, "Volume per stap (rood)", "5");
    click(&mut h, "Toepassen");
    let activity = h
        .state()
        .model()
        .workbook()
        .card
        .activity(15)
        .unwrap()
        .clone();
    assert_eq!(activity.title, "Jongerenloket");
    assert_eq!(activity.offers[&PepperColour::Red].volume, d("5"));
    click(&mut h, "Keuzes");
    click(&mut h, "Peper erbij op activiteit 15");
    assert_eq!(crate::common::app::peppers_on(&h, "Beuningen", 15), d("1"));
}

#[test]
fn fewer_peppers_for_beuningen_names_beuningen_at_once() {
    let mut h = app(filled_workbook());
    click(&mut h, "Beheer");
    click(&mut h, "Regio en budgetten");
    click(&mut h, "Beuningen · art. 6");
    retype(&mut h, "Pepers", "4");
    click(&mut h, "Toepassen");
    let message = h.state().message().unwrap_or_default().to_owned();
    assert!(message.contains("Nieuwe fouten bij Beuningen"), "{message}");
    assert!(
        h.query_by_label_contains("Door de laatste wijziging")
            .is_some()
    );
}

#[test]
fn a_price_change_under_agreed_choices_warns_and_then_verify_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vastgesteld.ron");
    let mut h = app(agreed_workbook());
    open_activity_4(&mut h);
    retype(&mut h, "Volume per stap (rood)", "12");
    click(&mut h, "Toepassen");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Vastgestelde keuzes vervallen")
    );
    assert!(
        h.query_by_label_contains("keuzes van Beuningen niet meer")
            .is_some()
    );

    // Annuleren changes nothing.
    click(&mut h, "Annuleren");
    assert_eq!(red_volume_of_4(&h), d("10"));
    click(&mut h, "Toepassen");
    click(&mut h, "Toch wijzigen");
    assert_eq!(red_volume_of_4(&h), d("12"));

    h.state_mut()
        .file_action(FileAction::new(FileCommand::SaveAs, path.clone()));
    h.run();
    let out = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .arg("verify")
        .arg(&path)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{stdout}");
    assert!(
        stdout.contains("Beuningen: Vastgesteld — ONGELDIG"),
        "{stdout}"
    );
}

#[test]
fn a_card_file_goes_out_and_comes_back_and_a_broken_one_is_refused_in_dutch() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keuzekaart.ron");
    let mut h = app(filled_workbook());
    h.state_mut()
        .file_action(FileAction::new(FileCommand::ExportCard, path.clone()));
    h.run();
    // WerkBedrijf raises activity 6's red volume in the file and sends it round.
    let text = std::fs::read_to_string(&path).unwrap();
    let changed = text.replacen("volume: \"10\"", "volume: \"11\"", 2);
    std::fs::write(&path, &changed).unwrap();
    h.state_mut()
        .file_action(FileAction::new(FileCommand::ImportCard, path.clone()));
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Keuzekaart importeren")
    );
    assert!(
        h.query_by_label_contains("Nieuw of anders: activiteit 4 en 6")
            .is_some()
    );
    click(&mut h, "Toepassen");
    assert_eq!(red_volume_of_4(&h), d("11"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(red_volume_of_4(&h), d("10"));

    std::fs::write(&path, "(version: 1, card: (naam: 3))").unwrap();
    h.state_mut()
        .file_action(FileAction::new(FileCommand::ImportCard, path.clone()));
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("keuzekaart.ron is niet te lezen")
    );
    assert_eq!(h.state().model().workbook(), &filled_workbook());
}

#[test]
fn a_new_term_starts_from_the_agreed_choices_with_the_old_ones_beside_them() {
    let old = agreed_workbook();
    let mut h = app(old.clone());
    click(&mut h, "Beheer");
    click(&mut h, "Looptijd");
    click(&mut h, "Nieuwe looptijd starten…");
    let wb = h.state().model().workbook().clone();
    assert_eq!(wb.region.term.label(), "2023–2024");
    assert!(
        h.state().file().is_none(),
        "the old file is not overwritten"
    );
    for plan in &wb.plans {
        assert_eq!(plan.sign_off.status, Status::Concept, "{}", plan.gemeente);
        let before = old.plan(&plan.gemeente).unwrap();
        let expected = before
            .sign_off
            .in_force()
            .map(|a| a.choices.clone())
            .unwrap_or_else(|| before.choices.clone());
        assert_eq!(plan.choices, expected, "{}", plan.gemeente);
    }
    click(&mut h, "Terug naar keuzes");
    assert!(
        h.query_by_label("Vorige looptijd (2021–2022): 3 pepers · 30 kandidaten")
            .is_some(),
        "Beuningen's card 4 shows what it chose in 2021–2022"
    );
    assert!(
        h.query_all_by_label("Vorige looptijd (2021–2022): niet gekozen")
            .count()
            >= 5,
        "the other cards say Beuningen did not choose them"
    );
}
