//! The realisation's history (issue 34): every change of a figure, every closing and every import
//! is a line with who, which computer, when, old → new and where it came from; it is shown per
//! figure on the Voortgang screen, printed as the report's appendix, exported as an Excel sheet,
//! kept through save and load, checked on load, bounded, and archived to a file of its own.

use crate::common::app::{open_progress, type_into};
use std::path::Path;
use std::process::Command;

use chrono::{NaiveDate, NaiveDateTime};
use egui_kittest::kittest::Queryable;
use keuzekaart::core::history::{Author, Change, Changed, MAX_HISTORY, Origin, figure_lines};
use keuzekaart::core::period::Period;
use keuzekaart::core::progress::{CellValue, ProgressEdit, ProgressRefusal, Source};
use keuzekaart::core::{Edit, Model, Refusal};
use keuzekaart::ui::file_picker::ScriptedPicker;

use crate::common::{agreed_workbook, d, progress_workbook};

fn at(hour: u32) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2021, 7, 5)
        .unwrap()
        .and_hms_opt(hour, 15, 0)
        .unwrap()
}

fn period(code: &str) -> Period {
    Period::parse(code).unwrap()
}

fn cell(volume: Option<&str>) -> CellValue {
    CellValue {
        gemeente: "Beuningen".into(),
        activity: 4,
        period: period("2021-H1"),
        volume: volume.map(d),
        note: None,
    }
}

fn enter(cells: Vec<CellValue>, source: Source, reason: &str, hour: u32) -> Edit {
    Edit::Progress(ProgressEdit::Enter {
        cells,
        source,
        reason: reason.into(),
        by: Author {
            name: "A. de Vries".into(),
            machine: "LAPTOP-7".into(),
        },
        at: at(hour),
    })
}

fn lines(model: &Model) -> Vec<Change> {
    model.workbook().progress.history.clone()
}

/// What `sha256sum` (coreutils) prints for a file: the hash a controller recomputes.
fn sha256sum(path: &Path) -> String {
    let output = Command::new("sha256sum").arg(path).output().unwrap();
    assert!(output.status.success());
    String::from_utf8(output.stdout).unwrap()[..64].to_owned()
}

#[test]
fn every_change_of_a_figure_is_a_line_with_who_where_old_and_new_and_undo_takes_it_back() {
    let mut model = Model::new(agreed_workbook());
    model
        .apply(enter(vec![cell(Some("12"))], Source::Typed, "", 9))
        .unwrap();
    model
        .apply(enter(vec![cell(Some("14.5"))], Source::Pasted, "", 10))
        .unwrap();
    // The same figure again, and a note alone: no figure changed, so no line.
    model
        .apply(enter(vec![cell(Some("14.5"))], Source::Typed, "", 11))
        .unwrap();
    let note = CellValue {
        note: Some("incl. inhaalslag".into()),
        ..cell(Some("14.5"))
    };
    model
        .apply(enter(vec![note], Source::Note, "", 11))
        .unwrap();
    assert_eq!(lines(&model).len(), 2);

    let history = lines(&model);
    assert_eq!(history[0].by, "A. de Vries");
    assert_eq!(history[0].machine, "LAPTOP-7");
    assert_eq!(history[0].at, at(9));
    assert_eq!(
        history[0].description(None),
        "Beuningen, activiteit 4, 1e halfjaar 2021: ingevuld: 12, getypt"
    );
    assert_eq!(
        history[1].description(None),
        "Beuningen, activiteit 4, 1e halfjaar 2021: van 12 naar 14,5, geplakt"
    );

    // Closed, then corrected with a reason: both lines, the reason with the figure's.
    model
        .apply(Edit::Progress(ProgressEdit::Close {
            period: period("2021-H1"),
            by: "Controller".into(),
            at: at(12),
        }))
        .unwrap();
    model
        .apply(enter(
            vec![cell(None)],
            Source::Typed,
            "dubbel geteld in de registratie",
            13,
        ))
        .unwrap();
    let history = lines(&model);
    assert_eq!(history[2].description(None), "1e halfjaar 2021 afgesloten");
    assert_eq!(history[2].who(), "Controller");
    // A figure cleared in a closed period stays, at zero, with its reason.
    assert_eq!(
        history[3].description(None),
        "Beuningen, activiteit 4, 1e halfjaar 2021: van 14,5 naar 0, getypt; reden: dubbel geteld in de registratie"
    );
    let of_cell = figure_lines(&history, "Beuningen", 4, period("2021-H1"));
    assert_eq!(of_cell.len(), 3, "the closing is not a line of the figure");

    // Undo takes the correction back with its line; redo brings both back.
    model.undo();
    assert_eq!(lines(&model).len(), 3);
    model.redo();
    assert_eq!(lines(&model).len(), 4);

    // A figure cleared in an open period leaves a line too.
    model
        .apply(enter(
            vec![CellValue {
                period: period("2021-H2"),
                ..cell(Some("3"))
            }],
            Source::Typed,
            "",
            14,
        ))
        .unwrap();
    model
        .apply(enter(
            vec![CellValue {
                period: period("2021-H2"),
                ..cell(None)
            }],
            Source::Typed,
            "",
            15,
        ))
        .unwrap();
    let last = lines(&model).pop().unwrap();
    assert_eq!(
        last.description(None),
        "Beuningen, activiteit 4, 2e halfjaar 2021: gewist (was 3), getypt"
    );
}

#[test]
fn a_full_history_refuses_the_next_change_and_changes_nothing() {
    let mut workbook = agreed_workbook();
    let line = Change {
        at: at(9),
        by: String::new(),
        machine: String::new(),
        what: Changed::Closed {
            period: period("2021-H1"),
        },
    };
    workbook.progress.history = vec![line; MAX_HISTORY];
    let mut model = Model::new(workbook);
    let refused = model.apply(enter(vec![cell(Some("12"))], Source::Typed, "", 9));
    assert_eq!(
        refused,
        Err(Refusal::Progress(ProgressRefusal::HistoryFull)),
        "a change the history cannot hold is refused"
    );
    assert!(
        refused
            .unwrap_err()
            .to_string()
            .contains("archiveer haar eerst via het menu Bestand, Geschiedenis archiveren…")
    );
    assert!(model.workbook().progress.delivered.is_empty());
    assert_eq!(model.workbook().progress.history.len(), MAX_HISTORY);
}

#[test]
fn the_history_survives_save_and_load_and_a_version_2_file_opens_with_none() {
    let workbook = progress_workbook();
    assert!(!workbook.progress.history.is_empty());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("werkmap.ron");
    keuzekaart::storage::save_workbook(&path, &workbook).unwrap();
    let read = keuzekaart::storage::read_workbook(&path).unwrap();
    assert_eq!(read.progress.history, workbook.progress.history);

    // The same file as the previous version wrote it: no history, version 2.
    let mut old = workbook.clone();
    old.progress.history.clear();
    let text = crate::common::as_version(&keuzekaart::storage::to_ron(&old), 2);
    assert!(!text.contains("history"));
    let read = keuzekaart::storage::parse_workbook(&text).unwrap();
    assert_eq!(read.version, keuzekaart::core::workbook::FORMAT_VERSION);
    assert_eq!(read.progress.delivered, workbook.progress.delivered);
    assert!(read.progress.history.is_empty());
    // Its history starts with the next change.
    let mut model = Model::new(read);
    model
        .apply(enter(
            vec![CellValue {
                gemeente: "Heumen".into(),
                activity: 7,
                period: period("2022-H2"),
                volume: Some(d("5")),
                note: None,
            }],
            Source::Typed,
            "",
            9,
        ))
        .unwrap();
    assert_eq!(model.workbook().progress.history.len(), 1);
}

#[test]
fn a_hand_edited_history_is_checked_on_load_with_a_dutch_message() {
    let workbook = progress_workbook();
    let text = keuzekaart::storage::to_ron(&workbook);
    let sha = "4f2a9c1e7b3d5a8f0c6e2b9d4a7f1c3e5b8d0a2f4c6e8b1d3f5a7c9e0b2d4f6a";
    assert!(text.contains(sha));
    let broken = text.replacen(sha, "niet-een-hash", 1);
    let error = keuzekaart::storage::parse_workbook(&broken)
        .unwrap_err()
        .to_string();
    assert!(error.contains("een SHA-256 is 64 tekens"), "{error}");

    // More lines than a workbook holds: refused on load, not read into memory and kept.
    let mut full = workbook.clone();
    let line = full.progress.history[0].clone();
    full.progress.history = vec![line; MAX_HISTORY + 1];
    let error = keuzekaart::storage::parse_workbook(&keuzekaart::storage::to_ron(&full))
        .unwrap_err()
        .to_string();
    assert!(error.contains("regels geschiedenis"), "{error}");
    assert!(error.contains("hoogstens 20000"), "{error}");
}

#[test]
fn the_report_prints_every_line_as_its_appendix_and_excel_has_them_as_a_sheet() {
    let workbook = progress_workbook();
    let history = workbook.progress.history.clone();
    // The example: one import of 2022's registration, its figures, and three closings.
    assert!(matches!(history[0].what, Changed::Imported { .. }));
    let figures = history
        .iter()
        .filter(|c| {
            matches!(
                c.what,
                Changed::Figure {
                    source: Origin::Imported,
                    ..
                }
            )
        })
        .count();
    assert!(figures > 20, "{figures}");
    assert_eq!(
        history
            .iter()
            .filter(|c| matches!(c.what, Changed::Closed { .. }))
            .count(),
        3
    );

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("werkmap.ron");
    std::fs::write(&file, keuzekaart::storage::to_ron(&workbook)).unwrap();
    let pdf = dir.path().join("voortgang.pdf");
    let output = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .args(["voortgang", file.to_str().unwrap(), "--out"])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = crate::annex::tool("pdftotext", &["-raw"], &pdf);
    let appendix = &text[text
        .find("Bijlage: geschiedenis van de cijfers")
        .expect("the appendix")..];
    assert!(
        appendix.contains("Import uit registratie-2022.xlsx (SHA-256"),
        "{appendix}"
    );
    assert!(
        appendix.contains("WerkBedrijf, team Regie"),
        "who entered them: {appendix}"
    );
    assert!(
        appendix.contains("geïmporteerd uit registratie-2022.xlsx"),
        "each figure names its file: {appendix}"
    );
    assert!(
        appendix.contains("2e halfjaar 2021 afgesloten"),
        "{appendix}"
    );

    let bytes = keuzekaart::spreadsheet::export_xlsx(
        &workbook,
        NaiveDate::from_ymd_opt(2023, 1, 31).unwrap(),
        &keuzekaart::core::capacity::CapacityAssumptions::bundled(),
    )
    .unwrap();
    use calamine::Reader;
    let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = xlsx.worksheet_range("Geschiedenis").unwrap();
    let rows: Vec<Vec<String>> = sheet
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    assert_eq!(rows.len(), history.len() + 1, "a heading and every line");
    assert_eq!(rows[0][0], "Wanneer");
    assert_eq!(rows[1][3], "import");
    let figure = rows
        .iter()
        .find(|r| r[3] == "cijfer")
        .expect("a figure's row");
    assert_eq!(figure[9], "geïmporteerd uit registratie-2022.xlsx");
    assert_eq!(figure[7], "", "there was no figure before");
    assert!(!figure[8].is_empty(), "the new figure");
}

#[test]
fn an_import_is_named_by_its_sha256_and_each_figure_tells_its_history_on_the_screen() {
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
        "Gemeente;Activiteit;Periode;Aantal\nHeumen;7;2021-H1;150\nHeumen;13;2021-H1;12\n",
    )
    .unwrap();
    crate::common::app::import_from_menu(&mut h, &picker, &csv);
    h.get_by_label("Importeren").click();
    for _ in 0..3 {
        h.run();
    }
    let history = h.state().model().workbook().progress.history.clone();
    match &history[0].what {
        Changed::Imported {
            file,
            sha256,
            figures,
        } => {
            assert_eq!(file, "registratie.csv");
            assert_eq!(*sha256, sha256sum(&csv), "the hash sha256sum gives");
            assert_eq!(*figures, 2);
        }
        other => panic!("{other:?}"),
    }
    let machine = keuzekaart::storage::paths::machine_name();
    assert_eq!(history[1].machine, machine);

    // On the Voortgang screen: the user's name, then the figure's history under the grid.
    open_progress(&mut h);
    h.get_by_label("Uw naam").focus();
    h.run();
    h.get_by_label("Uw naam").type_text("Fatima el Amrani");
    h.run();
    let label = "Gerealiseerd Heumen, activiteit 7, 1e halfjaar 2021";
    type_into(&mut h, label, "160");
    h.get_by_label(label).focus();
    h.run();
    h.run();
    assert!(
        h.query_by_label_contains("Geschiedenis van dit getal (activiteit 7, 1e halfjaar 2021)")
            .is_some()
    );
    let newest = format!("Fatima el Amrani ({machine}) · van 150 naar 160, getypt");
    assert!(
        h.query_by_label_contains(&newest).is_some(),
        "the change just typed, by name and computer"
    );
    assert!(
        h.query_by_label_contains("ingevuld: 150, geïmporteerd uit registratie.csv")
            .is_some(),
        "the import it came from"
    );
    assert_eq!(h.state().settings().author, "Fatima el Amrani");
}

#[test]
fn a_history_is_archived_from_the_file_menu_to_a_file_named_by_its_sha256() {
    let home = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let workbook = progress_workbook();
    let lines = workbook.progress.history.clone();
    let mut h = crate::common::app::app_at_home_on(
        home.path(),
        Some(workbook),
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    let archive = home.path().join("geschiedenis.ron");
    picker.answer_path(&archive);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Geschiedenis archiveren…").click();
    for _ in 0..3 {
        h.run();
    }
    let left = h.state().model().workbook().progress.history.clone();
    assert_eq!(left.len(), 1, "one line names the archive");
    match &left[0].what {
        Changed::Archived {
            file,
            sha256,
            lines: count,
        } => {
            assert_eq!(file, "geschiedenis.ron");
            assert_eq!(*sha256, sha256sum(&archive));
            assert_eq!(*count as usize, lines.len());
        }
        other => panic!("{other:?}"),
    }
    let text = std::fs::read_to_string(&archive).unwrap();
    let read: keuzekaart::core::history::Archive = ron::from_str(&text).unwrap();
    assert_eq!(read.changes, lines, "every line is in the archive");
    assert!(read.workbook.contains("2021"), "{}", read.workbook);
    // The figures themselves stay.
    assert!(!h.state().model().workbook().progress.delivered.is_empty());
    assert_eq!(
        h.state().model().undo_label(),
        Some("Geschiedenis gearchiveerd")
    );
}

#[test]
fn a_sign_off_step_made_by_someone_is_a_line_that_undo_takes_back_and_a_file_keeps() {
    use keuzekaart::core::signoff::SignOffStep;
    let mut model = Model::new(crate::common::filled_workbook());
    let submit = |by: Option<Author>| {
        let step = Edit::SignOff {
            gemeente: "Beuningen".into(),
            step: SignOffStep::Submit,
        };
        match by {
            Some(by) => Edit::Recorded {
                edit: Box::new(step),
                by,
                at: at(9),
            },
            None => step,
        }
    };
    let by = Author {
        name: "A. de Vries".into(),
        machine: "LAPTOP-7".into(),
    };
    model.apply(submit(Some(by))).unwrap();
    let history = lines(&model);
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].who(), "A. de Vries (LAPTOP-7)");
    assert_eq!(history[0].at, at(9));
    assert_eq!(
        history[0].description(None),
        "Beuningen: Ter besluitvorming aangeboden (nu ter besluitvorming)"
    );
    assert_eq!(
        model.undo_label(),
        Some("Ter besluitvorming aangeboden"),
        "undo names the step, not its record"
    );
    // The line is kept in the file and read back.
    let text = keuzekaart::storage::to_ron(model.workbook());
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("werkmap.ron");
    std::fs::write(&path, &text).unwrap();
    let read = keuzekaart::storage::read_workbook(&path).unwrap();
    assert_eq!(read.progress.history, history);
    // Undo takes the step and its line back together.
    model.undo();
    assert!(lines(&model).is_empty());
    assert!(
        model
            .workbook()
            .plan("Beuningen")
            .unwrap()
            .sign_off
            .status
            .is_editable()
    );
    // A refused step leaves no line; a step without an author (scripts) none either.
    model.apply(submit(None)).unwrap();
    assert!(lines(&model).is_empty());
    let again = model.apply(submit(Some(Author::from("B"))));
    assert!(again.is_err(), "already offered");
    assert!(lines(&model).is_empty());
}

#[test]
fn a_version_3_file_reads_unchanged_and_a_file_with_sign_off_lines_is_version_4() {
    use keuzekaart::core::workbook::FORMAT_VERSION;
    // A version 3 file: a history of figure lines only, as the previous build wrote it.
    let workbook = progress_workbook();
    let figures = workbook.progress.history.clone();
    assert!(!figures.is_empty());
    let v3 = crate::common::as_version(&keuzekaart::storage::to_ron(&workbook), 3);
    assert!(v3.contains("version: 3,"));
    let read = keuzekaart::storage::parse_workbook(&v3).unwrap();
    assert_eq!(FORMAT_VERSION, 4);
    assert_eq!(
        read.version, 4,
        "written as the current version on the next save"
    );
    assert_eq!(read.progress.history, figures);
    assert_eq!(read.progress.delivered, workbook.progress.delivered);

    // A sign-off step in the history: the file says version 4, so an app that knows only
    // version 3 refuses it as newer ("bestandsversie 4") instead of failing on the line.
    let mut model = Model::new(crate::common::filled_workbook());
    model
        .apply(Edit::Recorded {
            edit: Box::new(Edit::SignOff {
                gemeente: "Beuningen".into(),
                step: keuzekaart::core::signoff::SignOffStep::Submit,
            }),
            by: Author::from("A. de Vries"),
            at: at(10),
        })
        .unwrap();
    let text = keuzekaart::storage::to_ron(model.workbook());
    assert!(text.contains("SignOff"), "the step is a line of the file");
    assert!(text.contains("version: 4,"));
    // The next version is refused with both numbers, and nothing is migrated.
    let newer = text.replacen("version: 4,", "version: 5,", 1);
    let error = keuzekaart::storage::parse_workbook(&newer)
        .unwrap_err()
        .to_string();
    assert!(error.contains("bestandsversie 5"), "{error}");
}

#[test]
fn reopening_a_period_needs_a_closed_period_and_a_reason_a_file_can_keep() {
    let mut model = Model::new(progress_workbook());
    let reopen = |period_code: &str, reason: &str| {
        Edit::Progress(ProgressEdit::Reopen {
            period: period(period_code),
            reason: reason.into(),
            by: "Controller".into(),
            at: at(11),
        })
    };
    let first = period("2021-H1");
    assert!(model.workbook().progress.is_closed(first));
    let open = model.workbook().progress.settings.periods;
    let open_period =
        keuzekaart::core::period::Period::of_term(&model.workbook().region.term, open)
            .into_iter()
            .find(|p| !model.workbook().progress.is_closed(*p))
            .unwrap();
    assert_eq!(
        model
            .apply(reopen(&open_period.code(), "waarom niet"))
            .unwrap_err()
            .to_string(),
        format!(
            "{} is niet afgesloten; er is niets te heropenen.",
            open_period.label()
        )
    );
    assert_eq!(
        model
            .apply(reopen("2021-H1", "  "))
            .unwrap_err()
            .to_string(),
        "Geef een reden om 1e halfjaar 2021 te heropenen."
    );
    // A reason longer than a file keeps is refused here, not on the next load.
    let long = "x".repeat(10 * 1024 * 1024);
    let refusal = model
        .apply(reopen("2021-H1", &long))
        .unwrap_err()
        .to_string();
    assert!(refusal.contains("De reden is te lang"), "{refusal}");
    assert!(
        model.workbook().progress.is_closed(first),
        "refusals change nothing"
    );
    let before = lines(&model).len();

    model
        .apply(reopen("2021-H1", "nagekomen aanmeldingen"))
        .unwrap();
    assert!(!model.workbook().progress.is_closed(first));
    let history = lines(&model);
    assert_eq!(history.len(), before + 1);
    assert_eq!(history[before].who(), "Controller");
    assert_eq!(
        history[before].what,
        Changed::Reopened {
            period: first,
            reason: "nagekomen aanmeldingen".into()
        }
    );
    // Kept by the file, and closed again later: both lines stay.
    let read = keuzekaart::storage::parse_workbook(&keuzekaart::storage::to_ron(model.workbook()))
        .unwrap();
    assert_eq!(read.progress.history, history);
    assert!(!read.progress.is_closed(first));
    model
        .apply(Edit::Progress(ProgressEdit::Close {
            period: first,
            by: "Controller".into(),
            at: at(12),
        }))
        .unwrap();
    let kinds: Vec<String> = lines(&model)
        .iter()
        .rev()
        .take(2)
        .map(|l| l.description(None))
        .collect();
    assert_eq!(
        kinds,
        [
            "1e halfjaar 2021 afgesloten",
            "1e halfjaar 2021 heropend; reden: nagekomen aanmeldingen"
        ]
    );
}

#[test]
fn a_correction_reason_longer_than_a_file_keeps_is_refused_when_typed() {
    // Before, the app took it and wrote a file that its own loader then refused.
    let mut model = Model::new(progress_workbook());
    let long = "reden ".repeat(400);
    let refusal = model
        .apply(enter(vec![cell(Some("99"))], Source::Typed, &long, 9))
        .unwrap_err()
        .to_string();
    assert!(
        refusal.contains("De reden is te lang: 2.399 tekens, hoogstens 2.000"),
        "{refusal}"
    );
    model
        .apply(enter(vec![cell(Some("99"))], Source::Typed, "telfout", 9))
        .unwrap();
    let text = keuzekaart::storage::to_ron(model.workbook());
    assert!(keuzekaart::storage::parse_workbook(&text).is_ok());
}
