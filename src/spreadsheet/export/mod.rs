//! The workbook as an Excel file an official can go on working in: the choices per gemeente, the
//! budgets, the regional overview and the realisation, each a real Excel table with Dutch headings,
//! euros as currency and totals and percentages as formulas (their results stored as well, so a
//! reader that does not calculate sees the same figures).

use chrono::NaiveDate;
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use rust_xlsxwriter::{
    Format, FormatAlign, Formula, Table, TableColumn, TableStyle, Workbook as Xlsx, Worksheet,
    XlsxError,
};

mod accounts;

use crate::core::capacity::CapacityAssumptions;
use crate::core::money::round_shown;
use crate::core::progress_figures::{Figure, region_progress};
use crate::core::signoff::SignOffCheck;
use crate::core::workbook::Workbook;

/// Why the spreadsheet could not be made; `Display` is a Dutch message.
#[derive(Debug)]
pub struct ExportError(pub String);

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Het Excel-bestand kon niet worden gemaakt: {}", self.0)
    }
}

impl std::error::Error for ExportError {}

impl From<XlsxError> for ExportError {
    fn from(error: XlsxError) -> Self {
        ExportError(error.to_string())
    }
}

/// Number formats. Excel shows the separators of the reader's locale (a Dutch Excel: 1.172.413);
/// the euro sign is pinned to Dutch (`-413`) so it stands in front as Dutch officials write it.
pub(super) struct Formats {
    pub(super) euros: Format,
    pub(super) cents: Format,
    pub(super) number: Format,
    pub(super) percent: Format,
    pub(super) bold: Format,
    pub(super) bold_euros: Format,
    pub(super) bold_number: Format,
}

impl Formats {
    fn new() -> Formats {
        let euros = "[$€-413] #,##0;[$€-413] -#,##0";
        let number = "#,##0.##;-#,##0.##;0";
        Formats {
            euros: Format::new().set_num_format(euros),
            cents: Format::new().set_num_format("[$€-413] #,##0.00"),
            number: Format::new()
                .set_num_format(number)
                .set_align(FormatAlign::Right),
            percent: Format::new().set_num_format("0%"),
            bold: Format::new().set_bold(),
            bold_euros: Format::new().set_bold().set_num_format(euros),
            bold_number: Format::new().set_bold().set_num_format(number),
        }
    }
}

pub(super) fn f(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

/// A decimal as a formula result ("1234.5").
pub(super) fn result(value: Decimal) -> String {
    value.normalize().to_string()
}

/// Column letters for a 0-based column (A … Z, AA …).
fn letter(mut column: u16) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + (column % 26) as u8));
        if column < 26 {
            break;
        }
        column = column / 26 - 1;
    }
    letters.iter().rev().collect()
}

/// An Excel table; its column names must differ (Excel compares them ignoring case), so a name
/// that repeats gets " (2)", " (3)", …: a file listing a gemeente twice (a rule error that
/// `check` reports, but a file that loads) still exports. Found by the fuzzer.
pub(super) fn table(name: &str, headers: &[&str]) -> Table {
    let mut seen = std::collections::HashSet::new();
    let columns: Vec<TableColumn> = headers
        .iter()
        .map(|h| {
            let mut header = (*h).to_owned();
            let mut n = 1;
            while !seen.insert(header.to_lowercase()) {
                n += 1;
                header = format!("{h} ({n})");
            }
            TableColumn::new().set_header(header)
        })
        .collect();
    Table::new()
        .set_name(name)
        .set_style(TableStyle::Medium2)
        .set_columns(&columns)
}

/// Writes the workbook as .xlsx bytes; progress is reckoned as it stands on `as_of`.
pub fn export_xlsx(
    workbook: &Workbook,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
) -> Result<Vec<u8>, ExportError> {
    let formats = Formats::new();
    let mut xlsx = Xlsx::new();
    // The sign-off check once, for the status columns of both sheets.
    let checks = crate::core::signoff::verify(workbook);
    choices_sheet(xlsx.add_worksheet(), workbook, &checks, &formats)?;
    budget_sheet(xlsx.add_worksheet(), workbook, &checks, &formats)?;
    overview_sheet(xlsx.add_worksheet(), workbook, &formats)?;
    progress_sheet(xlsx.add_worksheet(), workbook, as_of, assumptions, &formats)?;
    accounts::accounts_sheet(xlsx.add_worksheet(), workbook, as_of, assumptions, &formats)?;
    history_sheet(xlsx.add_worksheet(), workbook, &formats)?;
    Ok(xlsx.save_to_buffer()?)
}

/// "Keuzes": one row per chosen activity of every gemeente's proposal, with a total row.
fn choices_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    checks: &[SignOffCheck],
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Keuzes")?;
    let headers = [
        "Gemeente",
        "Artikel",
        "Nr.",
        "Activiteit",
        "Pepers",
        "Volume",
        "Eenheid",
        "Euro's",
        "Notitie",
        "Kleur",
        "Status",
    ];
    let mut row: u32 = 1;
    let mut euros = Decimal::ZERO;
    for gemeente in &workbook.region.gemeenten {
        let status = &status_of(checks, &gemeente.name);
        let colour = workbook.region.gemeente(&gemeente.name).map(|g| g.colour);
        for line in workbook.choice_lines(gemeente) {
            let unit = colour
                .and_then(|c| workbook.card.activity(line.activity)?.offer(c))
                .map(|o| {
                    if line.volume == Decimal::ONE {
                        o.unit.one.clone()
                    } else {
                        o.unit.many.clone()
                    }
                })
                .unwrap_or_default();
            sheet.write_string(row, 0, &gemeente.name)?;
            sheet.write_number(row, 1, f64::from(gemeente.article))?;
            sheet.write_number(row, 2, f64::from(line.activity))?;
            sheet.write_string(row, 3, &line.title)?;
            sheet.write_number_with_format(row, 4, f(line.peppers), &fm.number)?;
            sheet.write_number_with_format(row, 5, f(line.volume), &fm.number)?;
            sheet.write_string(row, 6, &unit)?;
            sheet.write_number_with_format(row, 7, f(line.euros), &fm.euros)?;
            sheet.write_string(row, 8, &line.note)?;
            sheet.write_string(row, 9, gemeente.colour.adjective())?;
            sheet.write_string(row, 10, status.as_str())?;
            euros += line.euros;
            row += 1;
        }
    }
    let last = row.max(2) - 1;
    sheet.add_table(
        0,
        0,
        last,
        (headers.len() - 1) as u16,
        &table("Keuzes", &headers),
    )?;
    choices_totals(sheet, workbook, last, euros, fm)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(420).autofit();
    Ok(())
}

/// The totals under "Keuzes" (`last` is the last line's row): red and green peppers differ ten
/// times in value, so a total per colour (a SUMIFS on the colour column), and the euros together.
fn choices_totals(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    last: u32,
    euros: Decimal,
    fm: &Formats,
) -> Result<(), ExportError> {
    let mut total = last + 1;
    for colour_total in workbook.peppers_per_colour() {
        let adjective = colour_total.colour.adjective();
        sheet.write_string_with_format(total, 0, format!("Totaal {adjective} pepers"), &fm.bold)?;
        sheet.write_string_with_format(total, 9, adjective, &fm.bold)?;
        sheet.write_formula_with_format(
            total,
            4,
            Formula::new(format!(
                "=SUMIFS(E2:E{end},J2:J{end},J{r})",
                end = last + 1,
                r = total + 1
            ))
            .set_result(result(colour_total.used)),
            &fm.bold_number,
        )?;
        total += 1;
    }
    sheet.write_string_with_format(total, 0, "Totaal", &fm.bold)?;
    sheet.write_string_with_format(total, 3, "in euro", &fm.bold)?;
    sheet.write_formula_with_format(
        total,
        7,
        Formula::new(format!("=SUM(H2:H{})", last + 1)).set_result(result(euros)),
        &fm.bold_euros,
    )?;
    Ok(())
}

/// "Budget": per gemeente its peppers and euros, what its choices use (formulas over "Keuzes")
/// and what is left.
fn budget_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    checks: &[SignOffCheck],
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Budget")?;
    let headers = [
        "Gemeente",
        "Kleur",
        "Pepers",
        "Pepers gebruikt",
        "Pepers over",
        "Budget",
        "Gebruikt",
        "Status",
    ];
    let count = workbook.region.gemeenten.len() as u32;
    // Per colour (peppers and euros) and for the region (euros): the cached formula results.
    let mut per_colour: std::collections::BTreeMap<_, [Decimal; 5]> = Default::default();
    for (i, gemeente) in workbook.region.gemeenten.iter().enumerate() {
        let figures = workbook.budget(gemeente);
        let status = status_of(checks, &gemeente.name);
        budget_row(sheet, i as u32 + 1, gemeente, &figures, &status, fm)?;
        let totals = per_colour.entry(gemeente.colour).or_default();
        for (total, value) in totals.iter_mut().zip([
            gemeente.peppers,
            figures.used,
            figures.left,
            gemeente.budget,
            figures.used_eur,
        ]) {
            *total += value;
        }
    }
    let last = count.max(1);
    sheet.add_table(
        0,
        0,
        last,
        (headers.len() - 1) as u16,
        &table("Budget", &headers),
    )?;
    budget_totals(sheet, &per_colour, last, fm)?;
    sheet.set_autofit_max_width(300).autofit();
    Ok(())
}

/// The totals under "Budget": red and green peppers differ ten times in value, so a row per
/// colour (a SUMIFS on the colour column, peppers and euros) and the region's total in euros only.
/// `per_colour` holds the app's own figures (budget, used, left in peppers; budget, used in euros)
/// as the formulas' cached results; `last` is the last gemeente row.
fn budget_totals(
    sheet: &mut Worksheet,
    per_colour: &std::collections::BTreeMap<crate::core::PepperColour, [Decimal; 5]>,
    last: u32,
    fm: &Formats,
) -> Result<(), ExportError> {
    let mut row = last + 1;
    for (colour, values) in per_colour {
        let adjective = colour.adjective();
        sheet.write_string_with_format(row, 0, format!("Regio, {adjective} pepers"), &fm.bold)?;
        sheet.write_string_with_format(row, 1, adjective, &fm.bold)?;
        for (value, column) in values.iter().zip(2u16..=6) {
            let l = letter(column);
            sheet.write_formula_with_format(
                row,
                column,
                Formula::new(format!(
                    "=SUMIFS({l}2:{l}{end},$B2:$B{end},$B{r})",
                    end = last + 1,
                    r = row + 1
                ))
                .set_result(result(*value)),
                if column >= 5 {
                    &fm.bold_euros
                } else {
                    &fm.bold_number
                },
            )?;
        }
        row += 1;
    }
    sheet.write_string_with_format(row, 0, "Regio", &fm.bold)?;
    sheet.write_string_with_format(row, 1, "in euro", &fm.bold)?;
    for (i, column) in [(3, 5u16), (4, 6)] {
        let total: Decimal = per_colour.values().map(|v| v[i]).sum();
        let l = letter(column);
        sheet.write_formula_with_format(
            row,
            column,
            Formula::new(format!("=SUM({l}2:{l}{})", last + 1)).set_result(result(total)),
            &fm.bold_euros,
        )?;
    }
    Ok(())
}

/// One gemeente's row of "Budget": what it uses as formulas over "Keuzes", with the app's own
/// figures as the cached results.
fn budget_row(
    sheet: &mut Worksheet,
    row: u32,
    gemeente: &crate::core::Gemeente,
    figures: &crate::core::workbook::BudgetFigures,
    status: &str,
    fm: &Formats,
) -> Result<(), ExportError> {
    let r = row + 1;
    sheet.write_string(row, 0, &gemeente.name)?;
    sheet.write_string(row, 1, gemeente.colour.adjective())?;
    sheet.write_number_with_format(row, 2, f(gemeente.peppers), &fm.number)?;
    sheet.write_formula_with_format(
        row,
        3,
        Formula::new(format!("=SUMIFS(Keuzes!$E:$E,Keuzes!$A:$A,$A{r})"))
            .set_result(result(figures.used)),
        &fm.number,
    )?;
    sheet.write_formula_with_format(
        row,
        4,
        Formula::new(format!("=C{r}-D{r}")).set_result(result(figures.left)),
        &fm.number,
    )?;
    sheet.write_number_with_format(row, 5, f(gemeente.budget), &fm.euros)?;
    sheet.write_formula_with_format(
        row,
        6,
        Formula::new(format!("=SUMIFS(Keuzes!$H:$H,Keuzes!$A:$A,$A{r})"))
            .set_result(result(figures.used_eur)),
        &fm.euros,
    )?;
    sheet.write_string(row, 7, status)?;
    Ok(())
}

/// "Regio-overzicht": peppers per activity (rows) and gemeente (columns), totals as formulas. The
/// region's columns are one per colour ("Regio rode pepers"): red and green differ ten times in
/// value and are never added up.
fn overview_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Regio-overzicht")?;
    let gemeenten = &workbook.region.gemeenten;
    let first_g: u16 = 2;
    let colours: Vec<crate::core::PepperColour> = workbook
        .peppers_per_colour()
        .iter()
        .map(|t| t.colour)
        .collect();
    // Per colour, the sheet's columns of the gemeenten that have it.
    let columns_of = |colour| -> Vec<u16> {
        (0..gemeenten.len())
            .filter(|j| gemeenten[*j].colour == colour)
            .map(|j| first_g + j as u16)
            .collect()
    };
    let mut headers: Vec<String> = vec!["Nr.".into(), "Activiteit".into()];
    headers.extend(gemeenten.iter().map(|g| g.name.clone()));
    headers.extend(
        colours
            .iter()
            .map(|c| format!("Regio {} pepers", c.adjective())),
    );
    let header_refs: Vec<&str> = headers.iter().map(String::as_str).collect();
    let region_column = first_g + gemeenten.len() as u16;
    let activities = &workbook.card.activities;
    let columns = overview_columns(workbook, &colours);
    for (i, activity) in activities.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, f64::from(activity.number))?;
        sheet.write_string(row, 1, activity.title_for("[Gemeentenaam]"))?;
        for (j, values) in columns.iter().enumerate().take(gemeenten.len()) {
            sheet.write_number_with_format(row, first_g + j as u16, f(values[i]), &fm.number)?;
        }
        for (k, colour) in colours.iter().enumerate() {
            let cells: Vec<String> = columns_of(*colour)
                .iter()
                .map(|c| format!("{}{}", letter(*c), row + 1))
                .collect();
            sheet.write_formula_with_format(
                row,
                region_column + k as u16,
                Formula::new(format!("=SUM({})", cells.join(",")))
                    .set_result(result(columns[gemeenten.len() + k][i])),
                &fm.bold_number,
            )?;
        }
    }
    let last = activities.len().max(1) as u32;
    let last_column = (region_column + colours.len() as u16).saturating_sub(1);
    sheet.add_table(
        0,
        0,
        last,
        last_column,
        &table("Regio_overzicht", &header_refs),
    )?;
    let total = last + 1;
    sheet.write_string_with_format(total, 1, "Totaal pepers", &fm.bold)?;
    for (j, values) in columns.iter().enumerate() {
        let column = first_g + j as u16;
        let l = letter(column);
        sheet.write_formula_with_format(
            total,
            column,
            Formula::new(format!("=SUM({l}2:{l}{})", last + 1))
                .set_result(result(values.iter().copied().sum())),
            &fm.bold_number,
        )?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.set_autofit_max_width(360).autofit();
    Ok(())
}

/// The figures of "Regio-overzicht", per column (the gemeenten, then the region per colour),
/// the peppers on each activity in card order.
fn overview_columns(
    workbook: &Workbook,
    colours: &[crate::core::PepperColour],
) -> Vec<Vec<Decimal>> {
    let gemeenten = &workbook.region.gemeenten;
    let mut columns: Vec<Vec<Decimal>> = gemeenten
        .iter()
        .map(|gemeente| {
            workbook
                .card
                .activities
                .iter()
                .map(|activity| {
                    workbook
                        .plan(&gemeente.name)
                        .map(|p| p.peppers_on(activity.number))
                        .unwrap_or_default()
                })
                .collect()
        })
        .collect();
    for colour in colours {
        let region = (0..workbook.card.activities.len())
            .map(|i| {
                (0..gemeenten.len())
                    .filter(|j| gemeenten[*j].colour == *colour)
                    .map(|j| columns[j][i])
                    .sum()
            })
            .collect();
        columns.push(region);
    }
    columns
}

/// "Voortgang": agreed (pro rata to `as_of`) and delivered per gemeente, activity and period, the
/// percentage as a formula.
fn progress_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Voortgang")?;
    // A share with nothing delivered is empty, not 0 %, also for a reader that shows the stored
    // results instead of calculating.
    sheet.set_formula_result_default("");
    let headers = [
        "Gemeente",
        "Nr.",
        "Activiteit",
        "Periode",
        "Eenheid",
        "Afgesproken",
        "Gerealiseerd",
        "Percentage",
        "Notitie",
        "Stand",
    ];
    let mut row: u32 = 1;
    for gemeente in region_progress(workbook, as_of, assumptions) {
        for activity in &gemeente.activities {
            for period in &activity.periods {
                if period.elapsed.is_zero() {
                    continue;
                }
                let Figure { agreed, delivered } = &period.figure;
                let r = row + 1;
                sheet.write_string(row, 0, &gemeente.gemeente)?;
                sheet.write_number(row, 1, f64::from(activity.activity))?;
                sheet.write_string(row, 2, &activity.title)?;
                sheet.write_string(row, 3, period.period.code())?;
                sheet.write_string(row, 4, &activity.unit.many)?;
                if let Some(agreed) = agreed {
                    sheet.write_number_with_format(
                        row,
                        5,
                        f(round_shown(*agreed, 2)),
                        &fm.number,
                    )?;
                }
                if let Some(delivered) = delivered {
                    sheet.write_number_with_format(row, 6, f(*delivered), &fm.number)?;
                }
                sheet.write_formula_with_format(
                    row,
                    7,
                    share_formula(r, agreed, delivered),
                    &fm.percent,
                )?;
                let note = workbook
                    .progress
                    .delivered(&gemeente.gemeente, activity.activity, period.period)
                    .map(|d| d.note.as_str())
                    .unwrap_or("");
                sheet.write_string(row, 8, note)?;
                // The figure's state as text: an empty Gerealiseerd is "niet aangeleverd", never
                // a zero; an open period's figure is "voorlopig".
                sheet.write_string(row, 9, period.state.map_or("", |s| s.label()))?;
                row += 1;
            }
        }
    }
    let last = row.max(2) - 1;
    sheet.add_table(
        0,
        0,
        last,
        (headers.len() - 1) as u16,
        &table("Voortgang", &headers),
    )?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(360).autofit();
    Ok(())
}

/// "Geschiedenis": every line of the realisation's history, oldest first, one column per part
/// (who, computer, cell, old and new value, source, reason), so a controller can filter a figure
/// and trace it to its file.
fn history_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Geschiedenis")?;
    let headers = [
        "Wanneer",
        "Wie",
        "Computer",
        "Soort",
        "Gemeente",
        "Nr.",
        "Periode",
        "Oud",
        "Nieuw",
        "Bron",
        "Reden",
        "Omschrijving",
    ];
    let mut row: u32 = 1;
    for line in crate::core::history::all_lines(&workbook.progress.history) {
        let change = line.change;
        sheet.write_string(row, 0, change.at.format("%Y-%m-%d %H:%M").to_string())?;
        sheet.write_string(row, 1, &change.by)?;
        sheet.write_string(row, 2, &change.machine)?;
        let kind = history_line_parts(sheet, row, &line, fm)?;
        sheet.write_string(row, 3, kind)?;
        sheet.write_string(row, 11, change.description(line.file))?;
        row += 1;
    }
    let last = row.max(2) - 1;
    sheet.add_table(
        0,
        0,
        last,
        (headers.len() - 1) as u16,
        &table("Geschiedenis", &headers),
    )?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(360).autofit();
    Ok(())
}

/// Writes the parts of one history line that depend on its kind (the cell, the values, the
/// source, the reason) into their columns of "Geschiedenis", and names the kind.
fn history_line_parts(
    sheet: &mut Worksheet,
    row: u32,
    line: &crate::core::history::FigureLine<'_>,
    fm: &Formats,
) -> Result<&'static str, ExportError> {
    use crate::core::history::Changed;
    let change = line.change;
    Ok(match &change.what {
        Changed::Figure {
            gemeente,
            activity,
            period,
            old,
            new,
            source,
            reason,
        } => {
            sheet.write_string(row, 4, gemeente)?;
            sheet.write_number(row, 5, f64::from(*activity))?;
            sheet.write_string(row, 6, period.code())?;
            for (column, value) in [(7, old), (8, new)] {
                if let Some(value) = value {
                    sheet.write_number_with_format(row, column, f(*value), &fm.number)?;
                }
            }
            let from = match line.file {
                Some(file) => format!("{} uit {file}", source.label()),
                None => source.label().to_owned(),
            };
            sheet.write_string(row, 9, from)?;
            sheet.write_string(row, 10, reason)?;
            "cijfer"
        }
        Changed::Closed { period } => {
            sheet.write_string(row, 6, period.code())?;
            "afgesloten"
        }
        Changed::Reopened { period, reason } => {
            sheet.write_string(row, 6, period.code())?;
            sheet.write_string(row, 10, reason)?;
            "heropend"
        }
        Changed::Imported { .. } => "import",
        Changed::Archived { .. } => "gearchiveerd",
        Changed::SignOff { gemeente, .. } => {
            sheet.write_string(row, 4, gemeente)?;
            "besluitvorming"
        }
    })
}

/// Column H of a Voortgang row: delivered over agreed as a formula, with the result stored that
/// the formula gives on the rounded agreed figure of column F (so a reader that does not
/// recalculate shows the same share). Empty where nothing was delivered: no figure is not 0 %.
fn share_formula(r: u32, agreed: &Option<Decimal>, delivered: &Option<Decimal>) -> Formula {
    let shown_agreed = agreed.map(|a| round_shown(a, 2)).filter(|a| !a.is_zero());
    let stored = shown_agreed
        .zip(*delivered)
        .map_or(String::new(), |(a, d)| result(round_shown(d / a, 6)));
    Formula::new(format!("=IF(AND(N(F{r})>0,ISNUMBER(G{r})),G{r}/F{r},\"\")")).set_result(stored)
}

/// A gemeente's status as every printer writes it: through the one sign-off check, so a sheet
/// never says plain "Vastgesteld" where `verify` says ONGELDIG.
fn status_of(checks: &[SignOffCheck], gemeente: &str) -> String {
    checks
        .iter()
        .find(|c| c.gemeente == gemeente)
        .map(|c| c.status_label())
        .unwrap_or_default()
}
