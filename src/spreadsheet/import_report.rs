//! The import's report: every row of the sheet with what became of it (taken, or refused and why),
//! as tab-separated text to paste into a spreadsheet, so a controller can account for each row of
//! a registration export, not only for the counts the dialog shows.

use std::collections::HashMap;
use std::fmt::Write;

use super::import::ImportPreview;
use super::sheet::Sheet;

/// The report: a heading line, one line per row of the sheet in file order ("Regel", the row's
/// cells, "Uitkomst", "Reden"), and a last line for the empty rows skipped.
pub fn import_report(sheet: &Sheet, preview: &ImportPreview) -> String {
    let refused: HashMap<usize, String> = preview
        .refused
        .iter()
        .map(|r| (r.row, r.problem.to_string()))
        .collect();
    let mut out = String::with_capacity(sheet.rows.len() * 48);
    let heading = std::iter::once("Regel".to_owned())
        .chain(sheet.headers.iter().map(|h| cell(h)))
        .chain(["Uitkomst".to_owned(), "Reden".to_owned()]);
    line(&mut out, heading);
    for (number, row) in &sheet.rows {
        let (outcome, reason) = match refused.get(number) {
            Some(reason) => ("geweigerd", cell(reason)),
            None => ("overgenomen", String::new()),
        };
        let cells = (0..sheet.headers.len()).map(|i| cell(row.get(i).map_or("", String::as_str)));
        let fields = std::iter::once(number.to_string())
            .chain(cells)
            .chain([outcome.to_owned(), reason]);
        line(&mut out, fields);
    }
    if sheet.skipped_empty > 0 {
        let _ = writeln!(
            out,
            "{} lege regels overgeslagen",
            crate::core::money::format_number(sheet.skipped_empty.into())
        );
    }
    out
}

fn line(out: &mut String, fields: impl Iterator<Item = String>) {
    let fields: Vec<String> = fields.collect();
    out.push_str(&fields.join("\t"));
    out.push('\n');
}

/// A cell as it may go into pasted text: no tab or line break (they would split it), no control
/// or bidi characters, and never read as a formula by the spreadsheet it is pasted into (a cell
/// starting with `=`, `+`, `@` or a `-` that is not a number gets a leading apostrophe, which
/// Excel and LibreOffice read as "this is text").
fn cell(text: &str) -> String {
    let clean: String = text
        .chars()
        .map(|c| {
            if c.is_control() || crate::core::words::is_bidi_control(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    let clean = clean.trim().to_owned();
    let formula = match clean.chars().next() {
        Some('=' | '+' | '@') => true,
        Some('-') => clean.len() > 1 && crate::core::money::parse_dutch_decimal(&clean).is_none(),
        _ => false,
    };
    if formula { format!("'{clean}") } else { clean }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hostile_cell_stays_one_cell_of_text() {
        assert_eq!(
            cell("=HYPERLINK(\"http://x\")"),
            "'=HYPERLINK(\"http://x\")"
        );
        assert_eq!(cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(cell("-5"), "-5");
        assert_eq!(cell("-2,5"), "-2,5");
        assert_eq!(cell("-cmd"), "'-cmd");
        assert_eq!(cell("a\tb\nc"), "a b c");
        assert_eq!(cell("\u{202e}Heumen"), "Heumen");
        assert_eq!(cell("Mook en Middelaar"), "Mook en Middelaar");
    }
}
