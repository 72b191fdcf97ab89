//! Realisation in and out of spreadsheets: importing a .csv and an .xlsx made here (and one with
//! every kind of bad row), pasting a block from Excel, undoing an import, and the Excel export read
//! back by calamine and opened by a real spreadsheet program (LibreOffice, headless).

use std::path::Path;

use calamine::{Data, Reader};
use chrono::NaiveDate;
use keuzekaart::core::capacity::CapacityAssumptions;
use keuzekaart::core::period::Period;
use keuzekaart::core::progress::{ProgressEdit, Source};
use keuzekaart::core::{Edit, Model};
use keuzekaart::spreadsheet::{
    Mapping, RowProblem, RowsAre, Sheet, export_xlsx, is_block, paste_block, preview,
};

use crate::common::{agreed_workbook, d, progress_workbook};

fn period(code: &str) -> Period {
    Period::parse(code).unwrap()
}

fn import_edit(cells: Vec<keuzekaart::core::progress::CellValue>, file: &str) -> Edit {
    Edit::Progress(ProgressEdit::Enter {
        cells,
        source: Source::Imported {
            file: file.into(),
            sha256: "0".repeat(64),
        },
        reason: String::new(),
        by: "Toetser".into(),
        at: NaiveDate::from_ymd_opt(2021, 7, 5)
            .unwrap()
            .and_hms_opt(9, 0, 0)
            .unwrap(),
    })
}

#[test]
fn a_csv_export_of_a_registration_system_is_imported_as_one_undoable_edit() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("registratie.csv");
    // As Dutch Excel writes CSV: semicolons, decimal commas, dates as dd-mm-yyyy; one column the
    // importer does not need.
    std::fs::write(
        &path,
        "Registratienummer;Gemeente;Activiteit;Datum;Aantal geleverd;Opmerking\n\
         R-1;Beuningen;4;31-03-2021;7;\n\
         R-2;beuningen ;Screenen kandidaten;2021-06-30;5;inhaalslag\n\
         R-3;Heumen;7;2021-H2;150,5;\n",
    )
    .unwrap();
    let sheet = Sheet::read(&path).unwrap();
    assert_eq!(sheet.headers[1], "Gemeente");
    let mapping = Mapping::for_headers(&sheet.headers, None).expect("the usual words are found");
    assert_eq!(
        (
            mapping.gemeente,
            mapping.activity,
            mapping.period,
            mapping.volume
        ),
        (1, 2, 3, 4)
    );
    assert_eq!(mapping.note, Some(5));

    let mut model = Model::new(agreed_workbook());
    // Rows are totals: the two rows of Beuningen, activity 4, H1 2021 are one too many.
    let totals = preview(model.workbook(), &sheet, &mapping);
    assert_eq!(totals.cells.len(), 2);
    assert!(matches!(
        totals.refused[0].problem,
        RowProblem::Duplicate { first: 2, .. }
    ));
    assert_eq!(totals.refused[0].row, 3);
    // Rows are deliveries: they are added up.
    let mapping = Mapping {
        rows_are: RowsAre::Deliveries,
        ..mapping
    };
    let deliveries = preview(model.workbook(), &sheet, &mapping);
    assert!(deliveries.refused.is_empty(), "{:?}", deliveries.refused);
    assert_eq!(deliveries.cells.len(), 2);
    assert_eq!(deliveries.cells[0].volume, Some(d("12")));
    assert_eq!(deliveries.cells[0].note.as_deref(), Some("inhaalslag"));
    assert_eq!(deliveries.cells[1].period, period("2021-H2"));
    assert_eq!(deliveries.cells[1].volume, Some(d("150.5")));

    // Nothing changed by the preview; the import is one edit, undone as one.
    assert!(model.workbook().progress.delivered.is_empty());
    model
        .apply(import_edit(deliveries.cells, "registratie.csv"))
        .unwrap();
    assert_eq!(model.workbook().progress.delivered.len(), 2);
    assert_eq!(
        model.undo_label(),
        Some("2 realisatiecijfers geïmporteerd uit registratie.csv")
    );
    model.undo();
    assert!(model.workbook().progress.delivered.is_empty());
}

#[test]
fn an_xlsx_with_number_and_date_cells_is_imported_and_a_remembered_mapping_is_used() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.xlsx");
    let mut xlsx = rust_xlsxwriter::Workbook::new();
    let sheet = xlsx.add_worksheet();
    let date = rust_xlsxwriter::Format::new().set_num_format("dd-mm-yyyy");
    for (c, h) in ["Gem.", "Product", "Peildatum", "Realisatie"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, c as u16, *h).unwrap();
    }
    let rows = [
        ("Beuningen", 4.0, (2021, 5, 31), 12.0),
        ("Nijmegen", 10.0, (2022, 2, 1), 95.5),
    ];
    for (i, (g, a, (y, m, dd), v)) in rows.iter().enumerate() {
        let r = i as u32 + 1;
        sheet.write_string(r, 0, *g).unwrap();
        sheet.write_number(r, 1, *a).unwrap();
        let day = rust_xlsxwriter::ExcelDateTime::from_ymd(*y, *m, *dd).unwrap();
        sheet.write_datetime_with_format(r, 2, &day, &date).unwrap();
        sheet.write_number(r, 3, *v).unwrap();
    }
    xlsx.save(&path).unwrap();

    let sheet = Sheet::read(&path).unwrap();
    assert_eq!(
        sheet.rows[0].1[2], "2021-05-31",
        "a date cell reads as a date"
    );
    // "Gem." and "Product" are not the usual words: the user maps them once, the app remembers.
    assert!(
        Mapping::for_headers(&sheet.headers, None).is_none() || {
            let m = Mapping::for_headers(&sheet.headers, None).unwrap();
            m.gemeente != 0
        }
    );
    let mapping = Mapping {
        gemeente: 0,
        activity: 1,
        period: 2,
        volume: 3,
        note: None,
        rows_are: RowsAre::Totals,
    };
    let remembered = mapping.remember(&sheet.headers);
    let again = Mapping::for_headers(&sheet.headers, Some(&remembered)).unwrap();
    assert_eq!(again, mapping);

    let wb = agreed_workbook();
    let result = preview(&wb, &sheet, &again);
    assert!(result.refused.is_empty(), "{:?}", result.refused);
    assert_eq!(result.cells[0].period, period("2021-H1"));
    assert_eq!(result.cells[1].period, period("2022-H1"));
    assert_eq!(result.cells[1].volume, Some(d("95.5")));
}

#[test]
fn every_kind_of_bad_row_is_refused_with_its_reason_and_nothing_changes() {
    let text = "gemeente;activiteit;periode;volume\n\
        Utrecht;4;2021-H1;3\n\
        Beuningen;99;2021-H1;3\n\
        Beuningen;Koffie zetten;2021-H1;3\n\
        Beuningen;4;zomer;3\n\
        Beuningen;4;2023-H1;3\n\
        Beuningen;4;2021-K2;3\n\
        Beuningen;4;2021-H1;veel\n\
        Beuningen;4;2021-H1;-2\n\
        Beuningen;4;2021-H1;99999999\n\
        Beuningen;4;2021-H2;3\n\
        Beuningen;4;2021-H2;4\n\
        Beuningen\n\
        Beuningen;4;2022-H1;1\n";
    let sheet = Sheet::from_delimited(text).unwrap();
    let mapping = Mapping::for_headers(&sheet.headers, None).unwrap();
    let mut model = Model::new(agreed_workbook());
    let before = model.workbook().clone();
    let result = preview(model.workbook(), &sheet, &mapping);
    let reasons: Vec<(usize, String)> = result
        .refused
        .iter()
        .map(|r| (r.row, r.problem.to_string()))
        .collect();
    let expected = [
        (2, "onbekende gemeente ‘Utrecht’"),
        (3, "onbekende activiteit ‘99’"),
        (4, "onbekende activiteit ‘Koffie zetten’"),
        (
            5,
            "onbekende periode ‘zomer’; schrijf bijvoorbeeld 2021-H1 of een datum",
        ),
        (6, "1e halfjaar 2023 valt buiten de looptijd"),
        (
            7,
            "2e kwartaal 2021 is een kwartaal, maar de voortgang gaat per halfjaar",
        ),
        (8, "‘veel’ is geen getal"),
        (9, "negatief volume (-2)"),
        (
            12,
            "dubbele regel: Beuningen, activiteit 4, 2e halfjaar 2021 staat ook in regel 11",
        ),
        (13, "de regel heeft geen kolom 2"),
    ];
    for (row, words) in expected {
        assert!(
            reasons.iter().any(|(r, w)| *r == row && w == words),
            "row {row}: expected «{words}», got {reasons:?}"
        );
    }
    assert!(
        reasons
            .iter()
            .any(|(r, w)| *r == 10 && w.contains("1.000.000")),
        "{reasons:?}"
    );
    assert_eq!(result.refused.len(), 11);
    assert_eq!(result.cells.len(), 2, "the two good rows");
    assert_eq!(*model.workbook(), before, "a preview changes nothing");
    model
        .apply(import_edit(result.cells, "slecht.csv"))
        .unwrap();
    assert_eq!(model.workbook().progress.delivered.len(), 2);
}

#[test]
fn a_block_pasted_from_excel_fills_the_grid_from_the_focused_cell() {
    let text = "12\t16\r\n9\t\r\n";
    assert!(is_block(text));
    assert!(!is_block("12\n"));
    let wb = agreed_workbook();
    let periods = Period::of_term(&wb.region.term, wb.progress.settings.periods);
    // The grid of Beuningen: activities 4 and 12; the block starts at activity 4, 2021-H2.
    let block = paste_block(text, "Beuningen", &[4, 12], &periods, 0, 1);
    let placed: Vec<(u32, String, String)> = block
        .cells
        .iter()
        .map(|c| (c.activity, c.period.code(), c.volume.unwrap().to_string()))
        .collect();
    assert_eq!(
        placed,
        [
            (4, "2021-H2".to_owned(), "12".to_owned()),
            (4, "2022-H1".to_owned(), "16".to_owned()),
            (12, "2021-H2".to_owned(), "9".to_owned()),
        ]
    );
    let block = paste_block("1.250\tzes\t3\t4", "Beuningen", &[4, 12], &periods, 0, 1);
    assert_eq!(block.cells[0].volume, Some(d("1250")), "Dutch thousands");
    assert_eq!(block.not_numbers, [(1, 2, "zes".to_owned())]);
    assert_eq!(block.outside, 1, "the fourth value falls off the grid");
}

/// The export of the progress example, as bytes, reckoned at the end of the term.
fn exported() -> (keuzekaart::core::Workbook, Vec<u8>) {
    let wb = progress_workbook();
    let bytes = export_xlsx(&wb, wb.region.term.end, &CapacityAssumptions::bundled()).unwrap();
    (wb, bytes)
}

fn number(cell: &Data) -> f64 {
    match cell {
        Data::Float(f) => *f,
        Data::Int(i) => *i as f64,
        other => panic!("not a number: {other:?}"),
    }
}

#[test]
fn the_excel_export_reads_back_with_its_tables_totals_and_percentages() {
    let (wb, bytes) = exported();
    let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    assert_eq!(
        xlsx.sheet_names(),
        [
            "Keuzes",
            "Budget",
            "Regio-overzicht",
            "Voortgang",
            "Verantwoording",
            "Geschiedenis"
        ]
    );
    xlsx.load_tables().unwrap();
    let tables = xlsx.table_names().into_iter().cloned().collect::<Vec<_>>();
    assert_eq!(
        tables,
        [
            "Keuzes",
            "Budget",
            "Regio_overzicht",
            "Voortgang",
            "Verantwoording",
            "Geschiedenis"
        ]
    );

    // Budget: a row per gemeente; peppers used (a SUMIFS over Keuzes) and the region's total.
    let budget = xlsx.worksheet_range("Budget").unwrap();
    let heumen = budget
        .rows()
        .find(|r| r[0] == Data::String("Heumen".into()))
        .unwrap();
    let g = wb.region.gemeente("Heumen").unwrap();
    let figures = wb.budget(g);
    assert_eq!(
        number(&heumen[3]),
        figures.used.to_string().parse::<f64>().unwrap()
    );
    assert_eq!(
        number(&heumen[6]),
        figures.used_eur.to_string().parse::<f64>().unwrap()
    );
    let region = budget
        .rows()
        .find(|r| r[0] == Data::String("Regio".into()))
        .unwrap();
    assert_eq!(number(&region[5]), 1_731_616.0, "the region's euro budget");
    let formulas = xlsx.worksheet_formula("Budget").unwrap();
    assert!(
        formulas
            .rows()
            .flatten()
            .any(|f| f.starts_with("SUMIFS(Keuzes!")),
        "totals are formulas"
    );

    // Voortgang: Beuningen, activity 4, H1 2021: agreed, delivered and the percentage formula.
    let progress = xlsx.worksheet_range("Voortgang").unwrap();
    let row = progress
        .rows()
        .find(|r| {
            r[0] == Data::String("Beuningen".into())
                && number(&r[1]) == 4.0
                && r[3] == Data::String("2021-H1".into())
        })
        .unwrap();
    let (agreed, delivered) = (number(&row[5]), number(&row[6]));
    assert!(agreed > 0.0);
    assert!((number(&row[7]) - delivered / agreed).abs() < 1e-6);
    let entered = wb
        .progress
        .delivered("Beuningen", 4, period("2021-H1"))
        .unwrap();
    assert_eq!(
        delivered,
        entered.volume.to_string().parse::<f64>().unwrap()
    );
}

/// Converts every sheet of an .xlsx to CSV with LibreOffice, headless; `None` (with a message)
/// where LibreOffice is not installed.
fn libreoffice_csv(xlsx: &Path, dir: &Path) -> Option<Vec<(String, String)>> {
    let program = ["soffice", "libreoffice"].into_iter().find(|p| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok()
    });
    let Some(program) = program else {
        crate::common::missing_tool("LibreOffice", "libreoffice-calc-nogui");
        return None;
    };
    // A fresh profile that tells LibreOffice to calculate every formula on load: by default it
    // shows the results stored in the file, and the test is about its own results.
    let profile = dir.join("lo-profile");
    std::fs::create_dir_all(profile.join("user")).unwrap();
    std::fs::write(
        profile.join("user/registrymodifications.xcu"),
        r#"<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
"#,
    )
    .unwrap();
    let status = std::process::Command::new(program)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        // UTF-8 (76), comma-separated, every sheet (-1) to a file of its own.
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(dir)
        .arg(xlsx)
        .output()
        .expect("LibreOffice runs");
    assert!(
        status.status.success(),
        "{}",
        String::from_utf8_lossy(&status.stderr)
    );
    let mut sheets = Vec::new();
    for name in [
        "Keuzes",
        "Budget",
        "Regio-overzicht",
        "Voortgang",
        "Verantwoording",
    ] {
        let path = dir.join(format!("export-{name}.csv"));
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        sheets.push((name.to_owned(), text));
    }
    Some(sheets)
}

#[test]
fn libreoffice_opens_the_export_and_its_formulas_give_the_same_figures() {
    let (wb, bytes) = exported();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("export.xlsx");
    std::fs::write(&path, &bytes).unwrap();
    let Some(sheets) = libreoffice_csv(&path, dir.path()) else {
        return;
    };
    let sheet = |name: &str| -> Vec<Vec<String>> {
        let text = &sheets.iter().find(|(n, _)| n == name).unwrap().1;
        csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect()
    };
    // LibreOffice calculates the formulas itself; its results must be ours.
    let budget = sheet("Budget");
    for gemeente in &wb.region.gemeenten {
        let row = budget.iter().find(|r| r[0] == gemeente.name).unwrap();
        let figures = wb.budget(gemeente);
        let used: f64 = row[3].replace(',', "").parse().unwrap();
        assert_eq!(
            used,
            figures.used.to_string().parse::<f64>().unwrap(),
            "{}",
            gemeente.name
        );
        let euros: String = row[6].chars().filter(char::is_ascii_digit).collect();
        assert_eq!(euros, figures.used_eur.to_string(), "{}", gemeente.name);
    }
    let region = budget.iter().find(|r| r[0] == "Regio").unwrap();
    let total: String = region[5].chars().filter(char::is_ascii_digit).collect();
    assert_eq!(total, "1731616");
    // Red and green totalled apart, as the app's overview does, never added up; LibreOffice's own
    // sums of the formulas give the app's figures.
    let per_colour = wb.peppers_per_colour();
    assert_eq!(per_colour.len(), 2, "red and green");
    for total in &per_colour {
        let adjective = total.colour.adjective();
        let row = budget
            .iter()
            .find(|r| r[0] == format!("Regio, {adjective} pepers"))
            .unwrap_or_else(|| panic!("a row for {adjective} peppers: {budget:?}"));
        let cell = |i: usize| row[i].replace(',', "").parse::<f64>().unwrap();
        let exact = |d: rust_decimal::Decimal| d.to_string().parse::<f64>().unwrap();
        assert_eq!(cell(2), exact(total.available), "{row:?}");
        assert_eq!(cell(3), exact(total.used), "{row:?}");
    }
    // Verantwoording: LibreOffice's own sum of the euro lines is the report's region total, and
    // a year never delivered says so in words.
    let accounts = sheet("Verantwoording");
    let reckoned = keuzekaart::core::reconciliation::reconcile(
        &wb,
        wb.region.term.end,
        &CapacityAssumptions::bundled(),
    );
    let (_, term) = keuzekaart::core::reconciliation::region_totals(&reckoned);
    let region = accounts
        .iter()
        .find(|r| r[0] == "Regio, looptijd")
        .expect("the region's line");
    let digits = |cell: &str| -> String { cell.chars().filter(char::is_ascii_digit).collect() };
    assert_eq!(digits(&region[9]), term.agreed.to_string(), "{region:?}");
    assert_eq!(digits(&region[10]), term.realised.to_string(), "{region:?}");
    let lines = accounts.len() - 2;
    let expected: usize = reckoned
        .iter()
        .map(|a| a.activities.len() * a.years.len())
        .sum();
    assert_eq!(lines, expected, "a line per gemeente, activity and year");
    assert!(accounts.iter().any(|r| r[7] == "voorlopig"));
    let choices = sheet("Keuzes");
    for total in &per_colour {
        let label = format!("Totaal {} pepers", total.colour.adjective());
        let row = choices.iter().find(|r| r[0] == label).unwrap();
        assert_eq!(
            row[4].replace(',', "").parse::<f64>().unwrap(),
            total.used.to_string().parse::<f64>().unwrap(),
            "{label}"
        );
    }
    let overview = sheet("Regio-overzicht");
    let headers = &overview[0];
    let totals = overview.iter().find(|r| r[1] == "Totaal pepers").unwrap();
    for total in &per_colour {
        let header = format!("Regio {} pepers", total.colour.adjective());
        let column = headers
            .iter()
            .position(|h| *h == header)
            .unwrap_or_else(|| panic!("{header} in {headers:?}"));
        assert_eq!(
            totals[column].replace(',', "").parse::<f64>().unwrap(),
            total.used.to_string().parse::<f64>().unwrap(),
            "{header}"
        );
    }
    assert!(
        !headers.iter().any(|h| h == "Regio"),
        "no column adding red to green: {headers:?}"
    );
    let progress = sheet("Voortgang");
    let row = progress
        .iter()
        .find(|r| r[0] == "Beuningen" && r[1] == "4" && r[3] == "2021-H1")
        .unwrap();
    let agreed: f64 = row[5].replace(',', "").parse().unwrap();
    let delivered: f64 = row[6].replace(',', "").parse().unwrap();
    let percent: f64 = row[7].trim_end_matches('%').parse().unwrap();
    assert!(
        (percent - delivered / agreed * 100.0).abs() < 0.01,
        "{percent} vs {delivered}/{agreed}"
    );
}

#[test]
fn the_command_line_exports_to_excel_and_makes_the_progress_report() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("werkmap.ron");
    std::fs::write(&file, keuzekaart::storage::to_ron(&progress_workbook())).unwrap();
    let run = |args: &[&str]| {
        let output = std::process::Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .args(args)
            .output()
            .unwrap();
        (
            output.status.code().unwrap(),
            String::from_utf8_lossy(&output.stdout).into_owned(),
            String::from_utf8_lossy(&output.stderr).into_owned(),
        )
    };
    let xlsx = dir.path().join("keuzes.xlsx");
    let (code, out, _) = run(&[
        "export",
        file.to_str().unwrap(),
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("Excel-bestand gemaakt"), "{out}");
    assert!(calamine::open_workbook_auto(&xlsx).is_ok());
    let (code, _, err) = run(&[
        "export",
        file.to_str().unwrap(),
        "--out",
        xlsx.to_str().unwrap(),
    ]);
    assert_eq!(code, 3, "an existing file is not overwritten: {err}");

    let pdf = dir.path().join("r.pdf");
    let (code, out, err) = run(&[
        "voortgang",
        file.to_str().unwrap(),
        "--periode",
        "2021-H1",
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("Tussenrapportage 2021 (1e halfjaar)"), "{out}");
    assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF-"));
    let (code, _, err) = run(&[
        "voortgang",
        file.to_str().unwrap(),
        "--periode",
        "2024-H1",
        "--out",
        dir.path().join("x.pdf").to_str().unwrap(),
    ]);
    assert_eq!(code, 3);
    assert!(
        err.contains("kies uit 2021-H1, 2021-H2, 2022-H1, 2022-H2"),
        "{err}"
    );
}

/// Found by the fuzzer: a file that lists a gemeente twice loads (with a rule error) and must
/// still export; Excel's table columns must differ, so the second gets "(2)".
#[test]
fn a_file_listing_a_gemeente_twice_still_exports() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/gemeente-twice.ron");
    let workbook = keuzekaart::storage::read_workbook(&path).expect("it loads");
    let bytes = export_xlsx(
        &workbook,
        workbook.region.term.end,
        &CapacityAssumptions::bundled(),
    )
    .expect("the export succeeds");
    let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = xlsx.worksheet_range("Regio-overzicht").unwrap();
    let headers: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert!(headers.contains(&"Heumen".to_owned()), "{headers:?}");
    assert!(headers.contains(&"Heumen (2)".to_owned()), "{headers:?}");
}

/// Reads a sheet in a child thread with a bounded wait, so a reader that hangs fails the test
/// instead of stalling the suite (an allocation of hundreds of GiB aborts the process instead).
fn read_bounded(path: &Path) -> Result<Sheet, String> {
    let path = path.to_owned();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(Sheet::read(&path).map_err(|e| e.to_string()));
    });
    rx.recv_timeout(std::time::Duration::from_secs(60))
        .expect("the sheet was read, or refused, within a minute")
}

/// The four headings an import maps by itself, in the first row.
fn headings(sheet: &mut rust_xlsxwriter::Worksheet) {
    for (column, heading) in ["gemeente", "activiteit", "periode", "volume"]
        .into_iter()
        .enumerate()
    {
        sheet.write_string(0, column as u16, heading).unwrap();
    }
}

#[test]
fn a_cell_at_the_far_corner_of_a_sheet_is_refused_before_it_is_allocated() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hoek.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    headings(sheet);
    sheet.write_string(1, 0, "Beuningen").unwrap();
    // XFD1048576: the last cell a sheet has.
    sheet.write_string(1_048_575, 16_383, "x").unwrap();
    book.save(&path).unwrap();
    assert!(
        std::fs::metadata(&path).unwrap().len() < 10_000,
        "a small file"
    );
    let error = read_bounded(&path).expect_err("refused");
    assert!(error.contains("meer dan 1.000.000 regels"), "{error}");

    // The same far column in the first rows: refused by its column.
    let path = dir.path().join("breed.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(0, 0, "gemeente").unwrap();
    sheet.write_string(2, 16_383, "x").unwrap();
    book.save(&path).unwrap();
    let error = read_bounded(&path).expect_err("refused");
    assert!(error.contains("kolom 16384"), "{error}");
}

#[test]
fn a_zip_bomb_is_refused_before_it_is_unpacked() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bom.xlsx");
    let file = std::fs::File::create(&path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .large_file(true);
    zip.start_file("xl/worksheets/sheet1.xml", options).unwrap();
    let block = vec![b' '; 1 << 20];
    for _ in 0..300 {
        zip.write_all(&block).unwrap();
    }
    zip.finish().unwrap();
    let size = std::fs::metadata(&path).unwrap().len();
    assert!(
        size < 2_000_000,
        "a small file that unpacks to 300 MB ({size} bytes)"
    );
    let error = read_bounded(&path).expect_err("refused");
    assert!(error.contains("pakt uit tot meer dan 256 MB"), "{error}");
}

/// The preview refused exactly one row, this one, saying this.
fn one_refused(result: &keuzekaart::spreadsheet::ImportPreview, row: usize, says: &str) {
    assert_eq!(result.refused.len(), 1, "{:?}", result.refused);
    assert_eq!(result.refused[0].row, row);
    let problem = result.refused[0].problem.to_string();
    assert!(problem.contains(says), "{problem}");
}

#[test]
fn numbers_are_read_as_the_cell_holds_them_and_a_split_number_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("getallen.xlsx");
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    headings(sheet);
    for (row, (period, volume)) in [
        ("2021-H1", 2.125),
        ("2021-H1", 2.25),
        ("2021-H2", 1250.0),
        ("2022-H1", 0.1),
    ]
    .into_iter()
    .enumerate()
    {
        let row = row as u32 + 1;
        sheet.write_string(row, 0, "Beuningen").unwrap();
        sheet.write_number(row, 1, 4.0).unwrap();
        sheet.write_string(row, 2, period).unwrap();
        sheet.write_number(row, 3, volume).unwrap();
    }
    book.save(&path).unwrap();
    let sheet = Sheet::read(&path).unwrap();
    let mapping = Mapping::for_headers(&sheet.headers, None).unwrap();
    let result = preview(&agreed_workbook(), &sheet, &mapping);
    // 2,125 is read as two and an eighth (never 2.125 read the Dutch way, as 2125), which has a
    // decimal more than a volume takes: refused, and said.
    one_refused(&result, 2, "hier staat 2,125");
    let volumes: Vec<_> = result.cells.iter().map(|c| c.volume.unwrap()).collect();
    assert_eq!(volumes, [d("2.25"), d("1250"), d("0.1")]);

    // A comma-separated line with a decimal comma, unquoted: the row is refused, never read as 12.
    let sheet =
        Sheet::from_delimited("gemeente,activiteit,periode,volume\nBeuningen,4,2021-H1,12,5\nBeuningen,4,2021-H2,\"12,5\"\n")
            .unwrap();
    let mapping = Mapping::for_headers(&sheet.headers, None).unwrap();
    let result = preview(&agreed_workbook(), &sheet, &mapping);
    one_refused(&result, 2, "5 kolommen en de kop 4");
    assert_eq!(result.cells.len(), 1);
    assert_eq!(result.cells[0].volume, Some(d("12.5")));
}

#[test]
fn rows_past_the_limit_are_refused_as_a_whole_never_dropped_without_a_word() {
    let mut text = String::from("gemeente;activiteit;periode;volume\n");
    for _ in 0..keuzekaart::spreadsheet::import::MAX_ROWS + 1 {
        text.push_str("Beuningen;4;2021-H1;1\n");
    }
    let error = Sheet::from_delimited(&text)
        .expect_err("refused")
        .to_string();
    assert!(error.contains("meer dan 1.000.000 regels"), "{error}");
    // Exactly at the limit: read, every row.
    let at_limit: String = text
        .lines()
        .take(keuzekaart::spreadsheet::import::MAX_ROWS + 1)
        .map(|l| format!("{l}\n"))
        .collect();
    let sheet = Sheet::from_delimited(&at_limit).unwrap();
    assert_eq!(sheet.rows.len(), keuzekaart::spreadsheet::import::MAX_ROWS);
}

#[test]
fn a_damaged_office_file_found_by_the_fuzzer_is_refused_not_a_crash() {
    let dir = tempfile::tempdir().unwrap();
    let damaged = std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus/import/cfb-short-sector"),
    )
    .unwrap();
    for extension in ["xlsx", "xls", "xlsb"] {
        let path = dir.path().join(format!("kapot.{extension}"));
        std::fs::write(&path, &damaged).unwrap();
        let error = Sheet::read(&path).expect_err("refused").to_string();
        assert!(error.contains("is beschadigd"), "{extension}: {error}");
    }
}

#[test]
fn a_file_that_crashes_the_spreadsheet_library_costs_only_the_reading_process() {
    // Found by the import fuzz target: calamine 0.38 overflows on this .xls's DIMENSIONS record
    // (in a release build it then asks for an impossible allocation and aborts).
    let damaged =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/sheets/xls-dimensions-overflow.xls");
    let program = Path::new(env!("CARGO_BIN_EXE_keuzekaart"));
    let error = Sheet::read_isolated(&damaged, program)
        .expect_err("refused")
        .to_string();
    assert!(error.contains("het lezen stopte voortijdig"), "{error}");
}

#[test]
fn a_figure_never_delivered_prints_and_exports_as_niet_aangeleverd_and_an_open_period_as_voorlopig()
{
    // Beuningen agreed screening (4) and trajecten (12); only screening in 2021-H1 was delivered.
    let mut model = Model::new(agreed_workbook());
    model
        .apply(Edit::Progress(ProgressEdit::Enter {
            cells: vec![keuzekaart::core::progress::CellValue {
                gemeente: "Beuningen".into(),
                activity: 4,
                period: period("2021-H1"),
                volume: Some(d("12")),
                note: None,
            }],
            source: Source::Typed,
            reason: String::new(),
            by: "Toetser".into(),
            at: NaiveDate::from_ymd_opt(2021, 7, 5)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
        }))
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("werkmap.ron");
    std::fs::write(&file, keuzekaart::storage::to_ron(model.workbook())).unwrap();

    // The report for 2021-H2, as a reader copies it.
    let pdf = dir.path().join("voortgang.pdf");
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .args([
            "voortgang",
            file.to_str().unwrap(),
            "--periode",
            "2021-H2",
            "--out",
        ])
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let text = crate::annex::tool("pdftotext", &["-raw"], &pdf);
    // Activity 12's row (its title wraps in its column), up to the chart under the table.
    let start = text.find("12. Subsidiëren").expect("activity 12's row");
    let trajecten = &text[start..start + text[start..].find("Balk:").unwrap()];
    assert!(trajecten.contains("niet aangeleverd"), "{trajecten}");
    assert!(
        !trajecten.contains("0%"),
        "no figure is not 0 %: {trajecten}"
    );
    assert!(!trajecten.contains("ver achter"), "{trajecten}");
    assert!(
        text.contains("Cijfers voorlopig: 1e halfjaar 2021 en 2e halfjaar 2021 zijn nog niet afgesloten; ze kunnen nog veranderen."),
        "{text}"
    );
    assert!(
        text.contains("1 niet aangeleverd"),
        "the summary counts it: {text}"
    );

    // The Excel export: the state as text, no share where nothing was delivered.
    let bytes = export_xlsx(
        model.workbook(),
        NaiveDate::from_ymd_opt(2021, 12, 31).unwrap(),
        &CapacityAssumptions::bundled(),
    )
    .unwrap();
    let mut xlsx = calamine::Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    let sheet = xlsx.worksheet_range("Voortgang").unwrap();
    let headers: Vec<String> = sheet
        .rows()
        .next()
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(headers.last().map(String::as_str), Some("Stand"));
    let row = |activity: f64, code: &str| {
        sheet
            .rows()
            .find(|r| {
                r[0] == Data::String("Beuningen".into())
                    && r[1] == Data::Float(activity)
                    && r[3] == Data::String(code.into())
            })
            .unwrap_or_else(|| panic!("Beuningen {activity} {code}"))
            .to_vec()
    };
    let delivered = row(4.0, "2021-H1");
    assert_eq!(delivered[9], Data::String("voorlopig".into()));
    let missing = row(12.0, "2021-H1");
    assert_eq!(missing[9], Data::String("niet aangeleverd".into()));
    assert!(
        matches!(missing[6], Data::Empty) && !matches!(missing[7], Data::Float(_)),
        "neither a delivered zero nor a share: {missing:?}"
    );
}
