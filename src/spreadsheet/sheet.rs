//! A sheet read as text: the header row and the rows under it. The common ground of the file
//! readers (`sheet_file`), the pasted block (`paste`) and the import's mapping (`import`).

use std::fmt;

use serde::{Deserialize, Serialize};

use crate::core::money::format_number;

/// Most rows read from one sheet; a registration export of a term is far below it.
pub const MAX_ROWS: usize = 1_000_000;

/// A sheet as text: the header row and the rows under it, each cell as text (dates as
/// `yyyy-mm-dd`, numbers as written).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sheet {
    /// The column headings (the first row that is not empty).
    pub headers: Vec<String>,
    /// The rows under it, with their row number in the file (1-based).
    pub rows: Vec<(usize, Vec<String>)>,
    /// Whether the text was separated by commas, so that an unquoted "12,5" became two cells:
    /// a row with more cells than headings is then refused rather than read as 12.
    pub comma_separated: bool,
    /// Rows with nothing in them, skipped (said in the import dialog, so every row is accounted
    /// for: taken, refused or skipped).
    pub skipped_empty: usize,
    /// The SHA-256 of the file's bytes, in hexadecimal (empty for a pasted block): the
    /// realisation's history names each import by it, so the file can be found again.
    #[serde(default)]
    pub sha256: String,
}

/// Why a sheet could not be read; `Display` is a Dutch message.
#[derive(Debug)]
pub struct SheetError(pub String);

impl fmt::Display for SheetError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for SheetError {}

impl Sheet {
    /// A sheet from delimited text: a .csv file, or a block copied from Excel (tab-separated).
    pub fn from_delimited(text: &str) -> Result<Sheet, SheetError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let delimiter = [b'\t', b';', b',']
            .into_iter()
            .max_by_key(|d| first.matches(char::from(*d)).count())
            .unwrap_or(b';');
        let reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        let rows = reader.into_records().enumerate().filter_map(|(i, record)| {
            let record = record.ok()?;
            Some((i + 1, record.iter().map(|c| c.trim().to_owned()).collect()))
        });
        let mut sheet = Sheet::from_rows(rows)?;
        sheet.comma_separated = delimiter == b',';
        Ok(sheet)
    }

    /// A sheet from its rows: the first row that is not empty is the header. More than
    /// [`MAX_ROWS`] rows under it are refused as a whole, never cut off without a word.
    pub(super) fn from_rows(
        rows: impl Iterator<Item = (usize, Vec<String>)>,
    ) -> Result<Sheet, SheetError> {
        let mut sheet = Sheet::default();
        for (number, row) in rows {
            if row.iter().all(|c| c.is_empty()) {
                sheet.skipped_empty += usize::from(!sheet.headers.is_empty());
                continue;
            }
            if sheet.headers.is_empty() {
                sheet.headers = row;
            } else if sheet.rows.len() == MAX_ROWS {
                return Err(too_many_rows());
            } else {
                sheet.rows.push((number, row));
            }
        }
        Ok(sheet)
    }
}

/// A cell as text. Numbers are written with a decimal comma ("2,125"), so the Dutch reading of
/// a typed "2.125" as two thousand one hundred and twenty-five never applies to a cell that holds
/// the number 2,125.
pub(super) fn cell_text(cell: &calamine::Data) -> String {
    use calamine::{Data, DataType};
    match cell {
        Data::Empty => String::new(),
        Data::String(s) => s.trim().to_owned(),
        Data::Int(i) => i.to_string(),
        // A spreadsheet's number is a double; its shortest decimal form (what Rust prints, and
        // what the spreadsheet showed when typed) is the number as the cell holds it.
        Data::Float(f) if f.is_finite() => f.to_string().replace('.', ","),
        Data::DateTime(_) | Data::DateTimeIso(_) => cell
            .as_datetime()
            .map(|d| d.date().format("%Y-%m-%d").to_string())
            .unwrap_or_default(),
        other => other.to_string(),
    }
}

/// What a sheet with more rows than are read is told.
pub fn too_many_rows() -> SheetError {
    SheetError(format!(
        "Het blad heeft meer dan {} regels; Keuzekaart leest er hoogstens zoveel en slaat er geen \
         ongemerkt over. Splits het bestand, bijvoorbeeld per jaar.",
        format_number(MAX_ROWS.into())
    ))
}
