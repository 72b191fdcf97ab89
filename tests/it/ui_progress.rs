//! The Voortgang screen driven as a user: reached from the Beeld menu, figures typed into the grid
//! and pasted from Excel as one edit, a closed period that asks for a reason, the regional
//! dashboard read by its accessible names, and the Excel export and the report from the menu.

use crate::common::app::{open_progress, type_into};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keuzekaart::core::period::Period;
use keuzekaart::ui::KeuzekaartApp;
use keuzekaart::ui::file_picker::ScriptedPicker;

use crate::common::app::harness_with;
use crate::common::{d, progress_workbook};

fn delivered(
    h: &Harness<'static, KeuzekaartApp>,
    gemeente: &str,
    activity: u32,
    code: &str,
) -> Option<rust_decimal::Decimal> {
    h.state()
        .model()
        .workbook()
        .progress
        .delivered(gemeente, activity, Period::parse(code).unwrap())
        .map(|d| d.volume)
}

/// Checks that the screen says `refusal`, then types `reason` in the field for it, as an
/// official does after reading why the app refused.
fn refused_then_give_reason(h: &mut Harness<'static, KeuzekaartApp>, refusal: &str, reason: &str) {
    assert!(
        h.query_all_by_label_contains(refusal).count() > 0,
        "the refusal is said: {refusal}"
    );
    h.get_by_label("Reden van de wijziging").focus();
    h.run();
    h.get_by_label("Reden van de wijziging").type_text(reason);
    h.run();
}

#[test]
fn figures_are_typed_and_pasted_into_the_grid_and_undone_as_one() {
    let mut h = harness_with(progress_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    open_progress(&mut h);
    // The dashboard names every figure with its gemeente, activity and flag.
    assert!(
        h.query_by_label_contains("Beuningen, activiteit 4: ")
            .is_some()
    );

    let cell = "Gerealiseerd Beuningen, activiteit 4, 2e halfjaar 2022";
    assert_ne!(delivered(&h, "Beuningen", 4, "2022-H2"), Some(d("14.5")));
    type_into(&mut h, cell, "14,5");
    assert_eq!(delivered(&h, "Beuningen", 4, "2022-H2"), Some(d("14.5")));

    // A block copied from Excel, pasted in the focused cell: two rows, one column.
    h.get_by_label(cell).focus();
    h.run();
    h.event(egui::Event::Paste("20\n7\n".into()));
    h.run();
    h.run();
    assert_eq!(delivered(&h, "Beuningen", 4, "2022-H2"), Some(d("20")));
    let second = h
        .state()
        .model()
        .workbook()
        .plan("Beuningen")
        .unwrap()
        .choices
        .iter()
        .map(|c| c.activity)
        .filter(|a| *a != 4)
        .collect::<Vec<_>>();
    let next = second
        .iter()
        .copied()
        .find(|a| delivered(&h, "Beuningen", *a, "2022-H2") == Some(d("7")));
    assert!(
        next.is_some(),
        "the second value landed on the next activity"
    );
    assert_eq!(
        h.state().model().undo_label(),
        Some("2 realisatiecijfers geplakt")
    );
    // Undone from the Bewerken menu, by its label (in a text field Ctrl+Z is the field's own).
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Bewerken").click();
    h.run();
    h.run();
    h.get_by_label_contains("Ongedaan maken: 2 realisatiecijfers geplakt")
        .click();
    h.run();
    h.run();
    assert_eq!(delivered(&h, "Beuningen", 4, "2022-H2"), Some(d("14.5")));
}

#[test]
fn a_closed_period_refuses_a_change_without_a_reason_and_takes_one_with() {
    let mut h = harness_with(progress_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    open_progress(&mut h);
    let before = delivered(&h, "Beuningen", 4, "2021-H1");
    let cell = "Gerealiseerd Beuningen, activiteit 4, 1e halfjaar 2021";
    type_into(&mut h, cell, "99");
    assert_eq!(delivered(&h, "Beuningen", 4, "2021-H1"), before);
    refused_then_give_reason(
        &mut h,
        "1e halfjaar 2021 is afgesloten; geef een reden",
        "correctie registratie",
    );
    type_into(&mut h, cell, "99");
    assert_eq!(delivered(&h, "Beuningen", 4, "2021-H1"), Some(d("99")));
    let entry = h
        .state()
        .model()
        .workbook()
        .progress
        .delivered("Beuningen", 4, Period::parse("2021-H1").unwrap())
        .unwrap()
        .clone();
    assert_eq!(entry.corrections[0].reason, "correctie registratie");
}

#[test]
fn a_closed_period_is_reopened_with_a_reason_and_the_history_says_so() {
    let mut h = harness_with(progress_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    open_progress(&mut h);
    let first = Period::parse("2021-H1").unwrap();
    let closed = |h: &Harness<'static, KeuzekaartApp>| {
        h.state().model().workbook().progress.is_closed(first)
    };
    assert!(closed(&h));
    // Without a reason the period stays closed, and the app says what is missing.
    h.get_by_label("Heropen 1e halfjaar 2021").click();
    h.run();
    h.run();
    assert!(closed(&h));
    refused_then_give_reason(
        &mut h,
        "Geef een reden om 1e halfjaar 2021 te heropenen",
        "nagekomen aanmeldingen UWV",
    );
    h.get_by_label("Heropen 1e halfjaar 2021").click();
    h.run();
    h.run();
    assert!(!closed(&h), "reopened");
    let history = &h.state().model().workbook().progress.history;
    let last = history.last().unwrap();
    assert_eq!(
        last.description(None),
        "1e halfjaar 2021 heropend; reden: nagekomen aanmeldingen UWV"
    );
    // Its figures are provisional again (the report and the export read the same state).
    let state = {
        use keuzekaart::core::progress_figures::gemeente_progress;
        let wb = h.state().model().workbook();
        let beuningen = wb.region.gemeente("Beuningen").unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2023, 1, 15).unwrap();
        let assumptions = keuzekaart::core::capacity::CapacityAssumptions::bundled();
        gemeente_progress(wb, beuningen, today, &assumptions)
            .activities
            .into_iter()
            .find(|a| a.activity == 4)
            .unwrap()
            .periods[0]
            .state
    };
    assert_eq!(
        state,
        Some(keuzekaart::core::progress_figures::FigureState::Provisional)
    );
    // A figure of the reopened period changes like one of an open period: no reason asked.
    h.get_by_label("Reden van de wijziging").focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    let reason = h.get_by_label("Reden van de wijziging").value();
    assert_eq!(reason.unwrap_or_default(), "", "the reason is cleared");
    let cell = "Gerealiseerd Beuningen, activiteit 4, 1e halfjaar 2021";
    type_into(&mut h, cell, "77");
    assert_eq!(delivered(&h, "Beuningen", 4, "2021-H1"), Some(d("77")));
    // Undo takes the figure back, then the reopening: closed again, its line gone.
    let lines = h.state().model().workbook().progress.history.len();
    h.key_press(Key::Escape);
    h.run();
    for expected in [
        "Gerealiseerd Beuningen, activiteit 4",
        "1e halfjaar 2021 heropend",
    ] {
        h.get_by_label("Bewerken").click();
        h.run();
        h.run();
        h.get_by_label_contains(&format!("Ongedaan maken: {expected}"))
            .click();
        h.run();
        h.run();
    }
    assert!(closed(&h));
    assert!(h.state().model().workbook().progress.history.len() < lines - 1);
}

#[test]
fn excel_export_and_progress_report_are_made_from_the_file_menu() {
    let home = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = crate::common::app::app_at_home(
        home.path(),
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    let xlsx = home.path().join("keuzes.xlsx");
    picker.answer_path(&xlsx);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Exporteren naar Excel…").click();
    for _ in 0..4 {
        h.run();
    }
    let workbook = calamine::open_workbook_auto(&xlsx).expect("an Excel file was written");
    use calamine::Reader;
    assert!(workbook.sheet_names().contains(&"Voortgang".to_owned()));

    let pdf = home.path().join("voortgang.pdf");
    picker.answer_path(&pdf);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Voortgangsrapport maken…").click();
    for _ in 0..4 {
        h.run();
    }
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
}

#[test]
fn a_registration_export_is_imported_from_the_file_menu_after_its_preview() {
    let home = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = crate::common::app::app_at_home(
        home.path(),
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    let csv = home.path().join("registratie.csv");
    std::fs::write(
        &csv,
        "Gemeente;Activiteit;Periode;Aantal\nHeumen;7;2021-H1;150\nHeumen;13;2021-H1;12\nUtrecht;4;2021-H1;3\n",
    )
    .unwrap();
    crate::common::app::import_from_menu(&mut h, &picker, &csv);
    // The preview says what would happen and which row is refused, and nothing changed yet.
    assert!(h.query_by_label_contains("3 regels gelezen").is_none());
    assert!(
        h.query_by_label_contains("2 regels gelezen tot 2 realisatiecijfers")
            .is_some()
    );
    assert!(
        h.query_by_label("Regel 4: onbekende gemeente ‘Utrecht’")
            .is_some()
    );
    assert_eq!(delivered(&h, "Heumen", 7, "2021-H1"), None);
    // The report accounts for every row, to paste into Excel: taken, or refused and why.
    h.get_by_label("Verslag kopiëren").click();
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(text) => Some(text.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(
        copied,
        [
            "Regel\tGemeente\tActiviteit\tPeriode\tAantal\tUitkomst\tReden\n\
          2\tHeumen\t7\t2021-H1\t150\tovergenomen\t\n\
          3\tHeumen\t13\t2021-H1\t12\tovergenomen\t\n\
          4\tUtrecht\t4\t2021-H1\t3\tgeweigerd\tonbekende gemeente ‘Utrecht’\n"
        ]
    );
    h.run();
    assert!(
        h.query_by_label_contains("Verslag van 3 regels gekopieerd")
            .is_some()
    );
    h.get_by_label("Importeren").click();
    for _ in 0..3 {
        h.run();
    }
    assert_eq!(delivered(&h, "Heumen", 7, "2021-H1"), Some(d("150")));
    assert_eq!(delivered(&h, "Heumen", 13, "2021-H1"), Some(d("12")));
    assert_eq!(
        h.state().model().undo_label(),
        Some("2 realisatiecijfers geïmporteerd uit registratie.csv")
    );
    // The mapping is remembered for the next import.
    let remembered = h.state().settings().import_mapping.clone().unwrap();
    assert_eq!(remembered.volume, "Aantal");
}

#[test]
fn a_term_without_figures_can_be_reported_in_quarters() {
    let mut h = harness_with(
        keuzekaart::core::Workbook::bundled(),
        "Heumen",
        Vec2::new(1366.0, 2400.0),
    );
    open_progress(&mut h);
    h.get_by_label("Perioden").click();
    h.run();
    h.get_by_label("kwartalen").click();
    h.run();
    h.run();
    use keuzekaart::core::period::PeriodKind;
    assert_eq!(
        h.state().model().workbook().progress.settings.periods,
        PeriodKind::Quarter
    );
    assert_eq!(
        h.state().model().undo_label(),
        Some("Voortgang per kwartaal")
    );
}

#[test]
fn the_report_covers_the_period_chosen_on_the_screen() {
    let home = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = crate::common::app::app_at_home_on(
        home.path(),
        Some(progress_workbook()),
        "Beuningen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    open_progress(&mut h);
    h.get_by_label("Rapport over").click();
    h.run();
    // The term is over: every period that ended, and the whole term, can be reported on.
    for choice in [
        "Tussenrapportage 2021 (1e halfjaar)",
        "Jaarverslag 2021",
        "Tussenrapportage 2022 (1e halfjaar)",
    ] {
        assert!(h.query_by_label(choice).is_some(), "{choice} is a choice");
    }
    assert!(h.query_all_by_label("Looptijd 2021–2022").count() > 0);
    h.get_by_label("Tussenrapportage 2021 (1e halfjaar)")
        .click();
    h.run();
    h.run();
    let pdf = home.path().join("tussenrapportage.pdf");
    picker.answer_path(&pdf);
    h.get_by_label("Rapport maken…").click();
    for _ in 0..4 {
        h.run();
    }
    let text = crate::annex::tool("pdftotext", &[], &pdf);
    assert!(
        text.contains("Tussenrapportage 2021 (1e halfjaar)"),
        "the report is the one chosen: {}",
        &text[..text.len().min(400)]
    );
    assert!(!text.contains("Looptijd 2021–2022\n"));
}

#[test]
fn a_note_is_typed_for_the_figure_in_the_focused_cell() {
    let mut h = harness_with(progress_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    open_progress(&mut h);
    let cell = "Gerealiseerd Beuningen, activiteit 4, 2e halfjaar 2022";
    type_into(&mut h, cell, "12");
    h.get_by_label(cell).focus();
    h.run();
    h.run();
    type_into(
        &mut h,
        "Notitie bij het cijfer",
        "incl. inhaalslag ná de zomer",
    );
    let note = |h: &Harness<'static, KeuzekaartApp>| {
        h.state()
            .model()
            .workbook()
            .progress
            .delivered("Beuningen", 4, Period::parse("2022-H2").unwrap())
            .map(|d| d.note.clone())
    };
    assert_eq!(note(&h).as_deref(), Some("incl. inhaalslag ná de zomer"));
    assert_eq!(delivered(&h, "Beuningen", 4, "2022-H2"), Some(d("12")));
    // The cell says it has a note, and undo takes the note off again.
    assert!(h.query_by_label_contains("·N").is_some());
    h.get_by_label("Bewerken").click();
    h.run();
    h.run();
    h.get_by_label_contains("Ongedaan maken: Notitie bij Beuningen, activiteit 4")
        .click();
    h.run();
    h.run();
    assert_eq!(note(&h).as_deref(), Some(""));
}

#[test]
fn a_spreadsheet_that_kills_its_reader_leaves_the_app_and_its_work_as_they_were() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    // A reader that dies as the spreadsheet library would on a file that crashes it.
    let reader = home.path().join("lezer-die-crasht");
    std::fs::write(&reader, "#!/bin/sh\nkill -SEGV $$\n").unwrap();
    std::fs::set_permissions(&reader, std::fs::Permissions::from_mode(0o755)).unwrap();
    let picker = ScriptedPicker::new();
    let mut h = crate::common::app::app_with_sheet_reader(
        home.path(),
        None,
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
        reader,
    );
    let before = h.state().model().workbook().clone();
    let sheet = home.path().join("registratie.xlsx");
    std::fs::write(&sheet, b"PK\x03\x04 not really").unwrap();
    crate::common::app::import_from_menu(&mut h, &picker, &sheet);
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("registratie.xlsx is niet te lezen")
    );
    h.get_by_label_contains("het lezen stopte voortijdig");
    assert_eq!(h.state().model().workbook(), &before);
}

#[test]
fn the_app_binary_reads_a_sheet_in_its_own_process_as_the_library_does() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("registratie.csv");
    std::fs::write(
        &csv,
        "Gemeente;Activiteit;Periode;Aantal\nHeumen;7;2021-H1;150\n;;;\nWijchen;11;2021-H2;12,5\n",
    )
    .unwrap();
    let program = std::path::Path::new(env!("CARGO_BIN_EXE_keuzekaart"));
    let isolated = keuzekaart::spreadsheet::Sheet::read_isolated(&csv, program).unwrap();
    assert_eq!(
        isolated,
        keuzekaart::spreadsheet::Sheet::read(&csv).unwrap()
    );
    assert_eq!(isolated.rows.len(), 2);
    assert_eq!(isolated.skipped_empty, 1);
    // A refusal comes back as the same Dutch sentence.
    let fifo = dir.path().join("pijp.csv");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let error = keuzekaart::spreadsheet::Sheet::read_isolated(&fifo, program)
        .unwrap_err()
        .to_string();
    assert!(error.contains("geen gewoon bestand"), "{error}");
}
