//! Comparing sets of choices side by side: two or three options of one gemeente, two gemeenten,
//! or this term against the previous one. Rows are activities; a row differs when the columns do
//! not all hold the same peppers and volume.

use rust_decimal::Decimal;

use super::PepperColour;
use super::card::Activity;
use super::workbook::Workbook;

/// What a column shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// An option of the gemeente (the proposal or another), by name.
    Option(String),
    /// The gemeente's choices in the previous term.
    PreviousTerm,
}

/// One column of a comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Column {
    /// The gemeente.
    pub gemeente: String,
    /// Which of its choices.
    pub source: Source,
}

impl Column {
    /// The column's heading: "Beuningen · Optie B", "Beuningen · 2021–2022".
    pub fn title(&self, workbook: &Workbook) -> String {
        let what = match &self.source {
            Source::Option(name) => {
                let proposal = workbook
                    .plan(&self.gemeente)
                    .is_some_and(|p| p.proposal == *name);
                if proposal {
                    format!("{name} (voorstel)")
                } else {
                    name.clone()
                }
            }
            Source::PreviousTerm => workbook
                .previous
                .as_ref()
                .map(|p| format!("vorige looptijd {}", p.term.label()))
                .unwrap_or_else(|| "vorige looptijd".into()),
        };
        format!("{} · {what}", self.gemeente)
    }
}

/// One activity's figures in one column.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// Peppers placed.
    pub peppers: Decimal,
    /// What they buy, as text.
    pub volume: String,
    /// Their euro equivalent.
    pub euros: Decimal,
}

/// One column's totals, for its budget bar and pie.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Totals {
    /// The heading.
    pub title: String,
    /// The gemeente's colour.
    pub colour: PepperColour,
    /// Peppers placed.
    pub used: Decimal,
    /// Peppers available.
    pub available: Decimal,
    /// Euros of the placed peppers.
    pub euros: Decimal,
}

/// One activity across the columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// The activity's number.
    pub activity: u32,
    /// Its title (with the first column's gemeente name filled in).
    pub title: String,
    /// Per column, what it holds (None: not chosen).
    pub cells: Vec<Option<Cell>>,
    /// Whether the columns differ on this activity.
    pub differs: bool,
}

/// A comparison: totals per column and the rows of activities any column chose.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comparison {
    /// Per column.
    pub totals: Vec<Totals>,
    /// Per activity chosen in any column, in card order.
    pub rows: Vec<Row>,
}

impl Comparison {
    /// The activities on which the columns differ.
    pub fn differing(&self) -> Vec<u32> {
        self.rows
            .iter()
            .filter(|r| r.differs)
            .map(|r| r.activity)
            .collect()
    }
}

/// Compares the columns; columns naming an unknown gemeente or option are shown empty.
pub fn compare(workbook: &Workbook, columns: &[Column]) -> Comparison {
    let mut totals = Vec::new();
    let mut per_column: Vec<Vec<(u32, Cell)>> = Vec::new();
    for column in columns {
        let gemeente = workbook.region.gemeente(&column.gemeente);
        let cells = column_cells(workbook, column);
        let used = cells.iter().map(|(_, c)| c.peppers).sum();
        totals.push(Totals {
            title: column.title(workbook),
            colour: gemeente.map(|g| g.colour).unwrap_or(PepperColour::Red),
            used,
            available: gemeente.map(|g| g.peppers).unwrap_or_default(),
            euros: cells.iter().map(|(_, c)| c.euros).sum(),
        });
        per_column.push(cells);
    }
    // Titles carry the gemeente's name only when every column is the same gemeente.
    let same = columns.windows(2).all(|w| w[0].gemeente == w[1].gemeente);
    let name = columns
        .first()
        .filter(|_| same)
        .map(|c| c.gemeente.as_str());
    let rows = workbook
        .card
        .activities
        .iter()
        .filter_map(|activity| row(activity, &per_column, name))
        .collect();
    Comparison { totals, rows }
}

/// A column's cells, per activity: an option's lines, or what the previous term recorded.
fn column_cells(workbook: &Workbook, column: &Column) -> Vec<(u32, Cell)> {
    let gemeente = workbook.region.gemeente(&column.gemeente);
    match (&column.source, gemeente) {
        (Source::Option(name), Some(gemeente)) => {
            let choices = workbook
                .plan(&gemeente.name)
                .and_then(|p| p.option_choices(name))
                .unwrap_or_default();
            workbook
                .lines_for(gemeente, choices)
                .into_iter()
                .map(|l| {
                    let cell = Cell {
                        peppers: l.peppers,
                        volume: l.volume_label,
                        euros: l.euros,
                    };
                    (l.activity, cell)
                })
                .collect()
        }
        (Source::PreviousTerm, _) => workbook
            .previous
            .iter()
            .flat_map(|p| p.plans.iter().filter(|b| b.gemeente == column.gemeente))
            .flat_map(|b| &b.lines)
            .map(|l| {
                let cell = Cell {
                    peppers: l.peppers,
                    volume: l.volume.clone(),
                    euros: l.euros,
                };
                (l.activity, cell)
            })
            .collect(),
        (_, None) => Vec::new(),
    }
}

/// One activity's row across the columns, or none when no column has it.
fn row(activity: &Activity, per_column: &[Vec<(u32, Cell)>], name: Option<&str>) -> Option<Row> {
    let cells: Vec<Option<Cell>> = per_column
        .iter()
        .map(|cells| {
            cells
                .iter()
                .find(|(n, _)| *n == activity.number)
                .map(|(_, c)| c.clone())
        })
        .collect();
    if cells.iter().all(Option::is_none) {
        return None;
    }
    let key = |c: &Option<Cell>| {
        c.as_ref()
            .map(|c| (c.peppers.normalize(), c.volume.clone()))
    };
    let differs = cells.windows(2).any(|w| key(&w[0]) != key(&w[1]));
    Some(Row {
        activity: activity.number,
        title: name
            .map(|n| activity.title_for(n))
            .unwrap_or_else(|| activity.title_for_every_gemeente()),
        cells,
        differs,
    })
}
