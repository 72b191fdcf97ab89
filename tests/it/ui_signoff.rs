//! Signing off through the app's own screens (egui_kittest).

use crate::common::app::{drag_first, harness_with, peppers_on};
use crate::common::{d, filled_workbook};
use egui::Vec2;
use egui_kittest::kittest::Queryable;
use keuzekaart::core::Status;

fn fill_decision_form(
    h: &mut egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>,
    date: &str,
    number: &str,
) {
    for (label, value) in [
        ("Beslissing d.d. (dd-mm-jjjj)", date),
        ("Besluitnummer", number),
        ("Naam ondertekenaar", "A. Jansen"),
        ("Functie", "wethouder"),
    ] {
        h.get_by_role_and_label(egui::Role::TextInput, label)
            .focus();
        h.run();
        // Replace whatever the field holds (the date is prefilled with today).
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.run();
        h.get_by_role_and_label(egui::Role::TextInput, label)
            .type_text(value);
        h.run();
    }
}

/// Where a gemeente's sign-off stands in the app's model.
fn status_of(
    h: &egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>,
    gemeente: &str,
) -> Status {
    h.state()
        .model()
        .workbook()
        .plan(gemeente)
        .unwrap()
        .sign_off
        .status
}

#[test]
fn walking_druten_to_vastgesteld_locks_it_and_an_amendment_unlocks_it() {
    let mut wb = filled_workbook();
    // Leave Druten one pepper in the tray, so there is something to drag.
    wb.plan_mut("Druten").choices[0].peppers = d("1");
    let mut h = harness_with(wb, "Druten", Vec2::new(1366.0, 2400.0));
    let status =
        |h: &egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>| status_of(h, "Druten");

    h.get_by_label("Ter besluitvorming aanbieden").click();
    h.run();
    assert_eq!(status(&h), Status::TerBesluitvorming);

    h.get_by_label("Besluit college vastleggen…").click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Besluit vastleggen: Druten")
    );
    // An unfinished form says what is missing and records nothing.
    h.get_by_label("Vastleggen").click();
    h.run();
    h.get_by_label("Vul het besluitnummer in.");
    // The hint follows the form: with the number filled in, it asks for the next thing.
    h.get_by_role_and_label(egui::Role::TextInput, "Besluitnummer")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "Besluitnummer")
        .type_text("B&W 2021/17");
    h.run();
    assert_eq!(h.query_all_by_label("Vul het besluitnummer in.").count(), 0);
    h.get_by_label("Vul de naam in.");
    fill_decision_form(&mut h, "02-02-2021", "B&W 2021/17");
    h.get_by_label("Vastleggen").click();
    h.run();
    assert_eq!(status(&h), Status::BeslotenDoorCollege);

    h.get_by_label("Besluit WerkBedrijf vastleggen…").click();
    h.run();
    fill_decision_form(&mut h, "14-03-2021", "DB 2021/9");
    // Enter in a field records the decision, as the button does.
    h.get_by_role_and_label(egui::Role::TextInput, "Plaats")
        .focus();
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    assert_eq!(status(&h), Status::Vastgesteld);
    h.get_by_label_contains("Vastgesteld 14-03-2021. Deze keuzes zijn alleen te lezen");
    // Every step is a line of the workbook's history, with this computer's name, for the
    // controller (issue 34): offered, the college's decision, WerkBedrijf's.
    let steps: Vec<String> = h
        .state()
        .model()
        .workbook()
        .progress
        .history
        .iter()
        .filter(|line| {
            matches!(
                line.what,
                keuzekaart::core::history::Changed::SignOff { .. }
            )
        })
        .map(|line| {
            assert!(!line.machine.is_empty(), "the computer is named: {line:?}");
            line.description(None)
        })
        .collect();
    assert_eq!(
        steps,
        [
            "Druten: Ter besluitvorming aangeboden (nu ter besluitvorming)",
            "Druten: Besluit College van B&W: Akkoord, besluit B&W 2021/17 van 02-02-2021, \
             getekend door A. Jansen (wethouder) (nu besloten door college)",
            "Druten: Besluit WerkBedrijf (Dagelijks Bestuur MGR): Akkoord, besluit DB 2021/9 van \
             14-03-2021, getekend door A. Jansen (wethouder) (nu vastgesteld)",
        ]
    );

    // A pepper dropped on the agreed card is refused and nothing changes.
    let before = h.state().model().workbook().clone();
    drag_first(
        &mut h,
        "Rode peper in voorraad",
        "Activiteit 11: Lokale marktbewerking",
    );
    assert_eq!(h.state().model().workbook(), &before);
    assert!(
        h.state().message().unwrap().contains("vastgesteld"),
        "{:?}",
        h.state().message()
    );

    h.get_by_label("Tussentijdse wijziging starten").click();
    h.run();
    assert_eq!(status(&h), Status::Concept);
    drag_first(
        &mut h,
        "Rode peper in voorraad",
        "Activiteit 11: Lokale marktbewerking",
    );
    assert_eq!(peppers_on(&h, "Druten", 11), d("1"));
    let sign_off = &h
        .state()
        .model()
        .workbook()
        .plan("Druten")
        .unwrap()
        .sign_off;
    assert_eq!(sign_off.version, 1);
    assert_eq!(sign_off.agreed.len(), 1);
    assert_eq!(sign_off.decisions[0].number, "B&W 2021/17");
    assert_eq!(sign_off.decisions[0].signatory, "A. Jansen");

    // The difference with the agreed version is one activity.
    h.get_by_label("Vergelijk met vastgestelde versie (1 verschil(len))")
        .click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Druten: Vastgesteld 14-03-2021 vergeleken met nu")
    );
    h.get_by_label("1 peper · 20 contacten");
}

#[test]
fn a_hand_edited_agreed_file_shows_the_sign_off_as_invalid() {
    let mut wb = filled_workbook();
    let mut model = keuzekaart::core::Model::new(wb.clone());
    use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
    let decision = |side| Decision {
        side,
        outcome: Outcome::Akkoord,
        date: chrono::NaiveDate::from_ymd_opt(2021, 3, 1).unwrap(),
        number: "1".into(),
        signatory: "X".into(),
        role: "Y".into(),
        place: "Z".into(),
        version: 0,
    };
    for step in [
        SignOffStep::Submit,
        SignOffStep::Decide(decision(Side::College)),
        SignOffStep::Decide(decision(Side::WerkBedrijf)),
    ] {
        model
            .apply(keuzekaart::core::Edit::SignOff {
                gemeente: "Wijchen".into(),
                step,
            })
            .unwrap();
    }
    wb = model.workbook().clone();
    wb.plan_mut("Wijchen").choices[0].peppers = d("5");
    let h = harness_with(wb, "Wijchen", Vec2::new(1366.0, 1200.0));
    // In the gemeente list, the header and the sign-off section.
    assert_eq!(
        h.query_all_by_label("Wijchen: Vastgesteld — ONGELDIG")
            .count(),
        3
    );
    assert!(
        h.query_all_by_label_contains("Vastgesteld — ONGELDIG: de keuzes in het bestand wijken af")
            .count()
            >= 1
    );
}

#[test]
fn agreed_choices_explain_their_check_number_and_drop_the_drag_hint() {
    let h = crate::common::app::harness_with(
        crate::common::agreed_workbook(),
        "Beuningen",
        Vec2::new(1366.0, 1200.0),
    );
    let check = h.state().model().sign_off_check("Beuningen").unwrap();
    let short: String = check
        .fingerprint
        .as_deref()
        .unwrap()
        .chars()
        .take(12)
        .collect();
    h.get_by_label(&format!(
        "Controlegetal {short}: staat ook op de getekende bijlage."
    ));
    // No "drag a pepper" hint over choices that cannot change.
    h.get_by_label(
        "Deze keuzes liggen vast en zijn hier alleen te lezen; zie Besluitvorming rechts.",
    );
    assert_eq!(h.query_all_by_label_contains("Sleep een peper").count(), 0);
}

#[test]
fn undoing_a_recorded_decision_asks_first() {
    let mut h = harness_with(filled_workbook(), "Druten", Vec2::new(1366.0, 2400.0));
    let status =
        |h: &egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>| status_of(h, "Druten");
    h.get_by_label("Stap 1 van 4: Concept");
    h.get_by_label("Ter besluitvorming aanbieden").click();
    h.run();
    h.get_by_label("Stap 2 van 4: Ter besluitvorming");
    h.get_by_label("Besluit college vastleggen…").click();
    h.run();
    fill_decision_form(&mut h, "02-02-2021", "B&W 2021/17");
    h.get_by_label("Vastleggen").click();
    h.run();
    assert_eq!(status(&h), Status::BeslotenDoorCollege);
    h.get_by_label("Stap 3 van 4: Besloten door college");

    // Ctrl+Z does not take back the college's decision in one keystroke: it asks.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Besluit ongedaan maken?")
    );
    assert_eq!(status(&h), Status::BeslotenDoorCollege);
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(status(&h), Status::BeslotenDoorCollege);

    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    h.get_by_label("Besluit ongedaan maken").click();
    h.run();
    assert_eq!(status(&h), Status::TerBesluitvorming);
    // Undoing the submission (no decision) needs no question.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    assert_eq!(h.state().dialog_title(), None);
    assert_eq!(status(&h), Status::Concept);
}

/// What a fast typist's keyboard delivers within one frame: Tab, then the next field's text.
fn tab_then_type(
    h: &mut egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>,
    text: &str,
) {
    tabs_and_text_in_one_frame(h, &[text]);
}

/// For each text: Tab pressed, released, and the text, all in one frame.
fn tabs_and_text_in_one_frame(
    h: &mut egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>,
    texts: &[&str],
) {
    let key = |pressed| egui::Event::Key {
        key: egui::Key::Tab,
        pressed,
        repeat: false,
        modifiers: egui::Modifiers::NONE,
        physical_key: None,
    };
    let input = h.input_mut();
    for text in texts {
        input.events.push(key(true));
        input.events.push(key(false));
        input.events.push(egui::Event::Text((*text).to_owned()));
    }
    h.step();
    h.run();
}

#[test]
fn keystrokes_typed_right_after_tab_land_in_the_next_field() {
    let mut wb = filled_workbook();
    wb.plan_mut("Druten").sign_off.status = Status::TerBesluitvorming;
    let mut h = harness_with(wb, "Druten", Vec2::new(1366.0, 2400.0));
    h.get_by_label("Besluit college vastleggen…").click();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "Besluitnummer")
        .focus();
    h.run();
    h.get_by_role_and_label(egui::Role::TextInput, "Besluitnummer")
        .type_text("2026-123");
    h.run();
    // Each Tab with the next field's text in the same frame, as a fast typist delivers it.
    tab_then_type(&mut h, "J. de Vries");
    tab_then_type(&mut h, "wethouder");
    // The place is filled in with the gemeente; what is typed goes after it.
    tab_then_type(&mut h, ", gemeentehuis");
    // Read back as a screen reader reads the fields: by their labels.
    let value = |label: &str| {
        h.get_by_role_and_label(egui::Role::TextInput, label)
            .value()
            .unwrap_or_default()
    };
    assert_eq!(value("Besluitnummer"), "2026-123");
    assert_eq!(value("Naam ondertekenaar"), "J. de Vries");
    assert_eq!(value("Functie"), "wethouder");
    assert_eq!(value("Plaats"), "Druten, gemeentehuis");

    // Two Tabs and their text in one frame: each text goes to its own field.
    h.get_by_role_and_label(egui::Role::TextInput, "Besluitnummer")
        .focus();
    h.run();
    tabs_and_text_in_one_frame(&mut h, &[" sr.", " a.i."]);
    let value = |label: &str| {
        h.get_by_role_and_label(egui::Role::TextInput, label)
            .value()
            .unwrap_or_default()
    };
    assert_eq!(value("Besluitnummer"), "2026-123");
    assert_eq!(value("Naam ondertekenaar"), "J. de Vries sr.");
    assert_eq!(value("Functie"), "wethouder a.i.");
}
