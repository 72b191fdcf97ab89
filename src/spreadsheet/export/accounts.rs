//! The Excel sheet "Verantwoording": the report's reconciliation per gemeente, activity and
//! calendar year (agreed and delivered, state, price per unit, euros agreed and realised), with a
//! region line whose sums are formulas over the lines, so a controller can filter, pivot and
//! check the report's totals in the spreadsheet itself.

use chrono::NaiveDate;
use rust_xlsxwriter::{Formula, Worksheet};

use super::{ExportError, Formats, f, result, table};
use crate::core::capacity::CapacityAssumptions;
use crate::core::reconciliation::{reconcile, region_totals};
use crate::core::workbook::Workbook;

const HEADERS: [&str; 11] = [
    "Gemeente",
    "Nr.",
    "Activiteit",
    "Jaar",
    "Eenheid",
    "Afgesproken",
    "Gerealiseerd",
    "Stand",
    "Prijs per eenheid",
    "Euro afgesproken",
    "Euro gerealiseerd",
];

/// Writes the sheet: one row per gemeente, activity and year, then the region's sums.
pub(super) fn accounts_sheet(
    sheet: &mut Worksheet,
    workbook: &Workbook,
    as_of: NaiveDate,
    assumptions: &CapacityAssumptions,
    fm: &Formats,
) -> Result<(), ExportError> {
    sheet.set_name("Verantwoording")?;
    let accounts = reconcile(workbook, as_of, assumptions);
    let mut row: u32 = 1;
    for account in &accounts {
        for activity in &account.activities {
            for year in &activity.years {
                sheet.write_string(row, 0, &account.gemeente)?;
                sheet.write_number(row, 1, f64::from(activity.activity))?;
                sheet.write_string(row, 2, &activity.title)?;
                sheet.write_number(row, 3, f64::from(year.year))?;
                sheet.write_string(row, 4, &activity.unit.many)?;
                let numbers = [
                    (5, year.agreed, &fm.number),
                    (6, year.delivered, &fm.number),
                    (
                        8,
                        activity.price.map(crate::core::money::round_cents),
                        &fm.cents,
                    ),
                    (9, year.euros_agreed, &fm.euros),
                    (10, year.euros_realised, &fm.euros),
                ];
                for (column, value, format) in numbers {
                    if let Some(value) = value {
                        sheet.write_number_with_format(row, column, f(value), format)?;
                    }
                }
                // A year never delivered says so in words: its empty cell is not a zero.
                sheet.write_string(row, 7, year.state.map_or("", |s| s.label()))?;
                row += 1;
            }
        }
    }
    let last = row.max(2) - 1;
    sheet.add_table(
        0,
        0,
        last,
        (HEADERS.len() - 1) as u16,
        &table("Verantwoording", &HEADERS),
    )?;
    // The region's line under the table: sums over its lines, with the results stored that the
    // report prints.
    let (_, term) = region_totals(&accounts);
    let total = last + 1;
    sheet.write_string_with_format(total, 0, "Regio, looptijd", &fm.bold)?;
    for (column, value) in [(9u16, term.agreed), (10, term.realised)] {
        let letter = (b'A' + column as u8) as char;
        let formula =
            Formula::new(format!("=SUM({letter}2:{letter}{})", last + 1)).set_result(result(value));
        sheet.write_formula_with_format(total, column, formula, &fm.bold_euros)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_autofit_max_width(360).autofit();
    Ok(())
}
