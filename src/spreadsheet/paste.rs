//! A block of figures copied from Excel and pasted into the Voortgang grid: tab-separated rows,
//! placed from the cell that has the focus, rightwards over the periods and down over the
//! activities, as a spreadsheet pastes.

use crate::core::money::parse_dutch_decimal;
use crate::core::period::Period;
use crate::core::progress::CellValue;

/// What a pasted block holds, or why a value in it cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PastedBlock {
    /// The figures, one per non-empty value that lands in the grid.
    pub cells: Vec<CellValue>,
    /// Values that are not numbers: (row, column) in the block, 1-based, and the text.
    pub not_numbers: Vec<(usize, usize, String)>,
    /// Values that fall outside the grid (more rows or columns than there is room for).
    pub outside: usize,
}

/// Places tab-separated text in the grid of one gemeente: `activities` are the grid's rows and
/// `periods` its columns; the block starts at row `row` and column `column`. An empty value
/// leaves its cell as it is.
pub fn paste_block(
    text: &str,
    gemeente: &str,
    activities: &[u32],
    periods: &[Period],
    row: usize,
    column: usize,
) -> PastedBlock {
    let mut block = PastedBlock {
        cells: Vec::new(),
        not_numbers: Vec::new(),
        outside: 0,
    };
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    for (i, line) in text.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        for (j, value) in line.split('\t').enumerate() {
            let value = value.trim();
            if value.is_empty() {
                continue;
            }
            let (Some(activity), Some(period)) = (activities.get(row + i), periods.get(column + j))
            else {
                block.outside += 1;
                continue;
            };
            match parse_dutch_decimal(value) {
                Some(volume) => block.cells.push(CellValue {
                    gemeente: gemeente.to_owned(),
                    activity: *activity,
                    period: *period,
                    volume: Some(volume.normalize()),
                    note: None,
                }),
                None => block
                    .not_numbers
                    .push((i + 1, j + 1, value.chars().take(40).collect())),
            }
        }
    }
    block
}

/// Whether pasted text is a block (more than one value) rather than one value for one cell.
pub fn is_block(text: &str) -> bool {
    let trimmed = text.trim_end_matches(['\n', '\r']);
    trimmed.contains('\t') || trimmed.contains('\n')
}
