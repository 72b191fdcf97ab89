//! Realisation figures from a spreadsheet: an .xlsx/.ods exported by a registration system, a .csv,
//! or a block pasted from Excel. The sheet is read into text cells; a [`Mapping`] says which column
//! is gemeente, activity, period, volume (and note); [`preview`] turns every row into a figure or a
//! refusal with its reason. Nothing changes until the preview's figures are entered as one edit.

use std::collections::HashMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use crate::core::limits::{self, NumberKind};
use crate::core::money::{format_number, parse_dutch_decimal};
use crate::core::period::{Period, PeriodKind};
use crate::core::progress::CellValue;
use crate::core::workbook::Workbook;

pub use super::sheet::{MAX_ROWS, Sheet, SheetError};

/// Which column holds what (0-based), as the user mapped it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Mapping {
    /// The gemeente's name.
    pub gemeente: usize,
    /// The activity's number or title.
    pub activity: usize,
    /// The period ("2021-H1") or a date in it.
    pub period: usize,
    /// The delivered volume.
    pub volume: usize,
    /// An optional note.
    pub note: Option<usize>,
    /// What a row is.
    pub rows_are: RowsAre,
}

/// What one row of the sheet stands for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum RowsAre {
    /// The total of a cell (gemeente, activity, period): a second row for it is refused.
    #[default]
    Totals,
    /// One delivery: the rows of a cell are added up.
    Deliveries,
}

impl RowsAre {
    /// Both, for a choice list.
    pub const ALL: [RowsAre; 2] = [RowsAre::Totals, RowsAre::Deliveries];

    /// In Dutch, for the choice list.
    pub fn label(self) -> &'static str {
        match self {
            RowsAre::Totals => "Elke regel is een totaal per periode",
            RowsAre::Deliveries => "Elke regel is één levering (regels worden opgeteld)",
        }
    }
}

/// A mapping by column headings, as the app remembers it between imports.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct RememberedMapping {
    /// The heading of the gemeente column.
    pub gemeente: String,
    /// The heading of the activity column.
    pub activity: String,
    /// The heading of the period column.
    pub period: String,
    /// The heading of the volume column.
    pub volume: String,
    /// The heading of the note column, if any.
    pub note: String,
    /// What a row is.
    pub rows_are: RowsAre,
}

impl Mapping {
    /// The mapping for these headings: the remembered one where its headings are found, else a
    /// guess from the usual words; `None` when no column can be found for a role.
    pub fn for_headers(
        headers: &[String],
        remembered: Option<&RememberedMapping>,
    ) -> Option<Mapping> {
        let find = |heading: &str| {
            (!heading.is_empty())
                .then(|| headers.iter().position(|h| h.eq_ignore_ascii_case(heading)))
                .flatten()
        };
        let guess = |words: &[&str]| {
            headers.iter().position(|h| {
                let h = h.to_lowercase();
                words.iter().any(|w| h.contains(w))
            })
        };
        let pick =
            |heading: Option<&str>, words: &[&str]| heading.and_then(find).or_else(|| guess(words));
        let r = remembered;
        Some(Mapping {
            gemeente: pick(
                r.map(|r| r.gemeente.as_str()),
                &["gemeente", "municipality"],
            )?,
            activity: pick(
                r.map(|r| r.activity.as_str()),
                &["activiteit", "activity", "product"],
            )?,
            period: pick(
                r.map(|r| r.period.as_str()),
                &["periode", "period", "kwartaal", "halfjaar", "datum", "date"],
            )?,
            volume: pick(
                r.map(|r| r.volume.as_str()),
                &["gerealiseerd", "volume", "aantal", "realisatie", "geleverd"],
            )?,
            note: pick(
                r.map(|r| r.note.as_str()),
                &["notitie", "opmerking", "toelichting", "note"],
            ),
            rows_are: r.map(|r| r.rows_are).unwrap_or_default(),
        })
    }

    /// The mapping as headings, to remember.
    pub fn remember(&self, headers: &[String]) -> RememberedMapping {
        let heading = |i: usize| headers.get(i).cloned().unwrap_or_default();
        RememberedMapping {
            gemeente: heading(self.gemeente),
            activity: heading(self.activity),
            period: heading(self.period),
            volume: heading(self.volume),
            note: self.note.map(heading).unwrap_or_default(),
            rows_are: self.rows_are,
        }
    }
}

/// Why a row was refused.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum RowProblem {
    /// The gemeente is not in the region.
    #[error("onbekende gemeente ‘{0}’")]
    UnknownGemeente(String),
    /// The activity is not on the card.
    #[error("onbekende activiteit ‘{0}’")]
    UnknownActivity(String),
    /// The period cannot be read.
    #[error("onbekende periode ‘{0}’; schrijf bijvoorbeeld 2021-H1 of een datum")]
    UnknownPeriod(String),
    /// The period is of the other kind (a quarter where the term reports half-years).
    #[error("{} is een {}, maar de voortgang gaat per {}", .found.label(), .found.kind.noun(), .kind.noun())]
    OtherKind {
        /// The period read.
        found: Period,
        /// The term's kind.
        kind: PeriodKind,
    },
    /// The period is outside the term.
    #[error("{} valt buiten de looptijd", .0.label())]
    OutsideTerm(Period),
    /// The volume is not a number.
    #[error("‘{0}’ is geen getal")]
    NotANumber(String),
    /// The volume is negative.
    #[error("negatief volume ({})", format_number(*.0))]
    Negative(Decimal),
    /// The volume or note is out of range.
    #[error("{0}")]
    OutOfRange(String),
    /// A second row for the same gemeente, activity and period (rows are totals).
    #[error("dubbele regel: {gemeente}, activiteit {activity}, {} staat ook in regel {first}", .period.label())]
    Duplicate {
        /// The gemeente.
        gemeente: String,
        /// The activity.
        activity: u32,
        /// The period.
        period: Period,
        /// The row it was first found in.
        first: usize,
    },
    /// A comma-separated row with more cells than headings: a number with a decimal comma,
    /// unquoted, was split in two ("12,5" read as 12 and 5).
    #[error(
        "de regel heeft {found} kolommen en de kop {expected}; staat er een getal met een komma zonder aanhalingstekens in (12,5)? Gebruik ; als scheidingsteken of zet het getal tussen aanhalingstekens"
    )]
    ExtraColumns {
        /// The cells the row has (up to the last filled one).
        found: usize,
        /// The headings.
        expected: usize,
    },
    /// The row lacks a column the mapping names.
    #[error("de regel heeft geen kolom {0}")]
    MissingColumn(usize),
}

/// A row that was refused, with its number in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RefusedRow {
    /// The row number in the file (1-based, as the spreadsheet shows it).
    pub row: usize,
    /// Why.
    pub problem: RowProblem,
}

/// What an import would do: the figures to enter and every row refused, before anything changes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ImportPreview {
    /// The figures, one per cell, in the order found.
    pub cells: Vec<CellValue>,
    /// Rows read into them.
    pub rows_read: usize,
    /// The rows refused, in file order.
    pub refused: Vec<RefusedRow>,
    /// How many figures already in the workbook would be replaced by a different one.
    pub replaced: usize,
    /// The closed periods the import touches (entering then needs a reason).
    pub closed: Vec<Period>,
}

/// Reads every row of the sheet through the mapping against the workbook's region, card and term.
pub fn preview(workbook: &Workbook, sheet: &Sheet, mapping: &Mapping) -> ImportPreview {
    let kind = workbook.progress.settings.periods;
    let periods = Period::of_term(&workbook.region.term, kind);
    let gemeenten: HashMap<String, &str> = workbook
        .region
        .gemeenten
        .iter()
        .map(|g| (fold(&g.name), g.name.as_str()))
        .collect();
    let activities = activity_names(workbook);
    let mut preview = ImportPreview::default();
    let mut found: HashMap<(String, u32, Period), (usize, usize)> = HashMap::new();
    for (row_number, row) in &sheet.rows {
        let filled = row.iter().rposition(|c| !c.is_empty()).map_or(0, |i| i + 1);
        let read = if sheet.comma_separated && filled > sheet.headers.len() {
            Err(RowProblem::ExtraColumns {
                found: filled,
                expected: sheet.headers.len(),
            })
        } else {
            read_row(row, mapping, &gemeenten, &activities, kind, &periods)
        };
        let (gemeente, activity, period, volume, note) = match read {
            Ok(values) => values,
            Err(problem) => {
                preview.refused.push(RefusedRow {
                    row: *row_number,
                    problem,
                });
                continue;
            }
        };
        let key = (gemeente.to_owned(), activity, period);
        match (found.get(&key), mapping.rows_are) {
            (Some(&(first, _)), RowsAre::Totals) => preview.refused.push(RefusedRow {
                row: *row_number,
                problem: RowProblem::Duplicate {
                    gemeente: gemeente.to_owned(),
                    activity,
                    period,
                    first,
                },
            }),
            (Some(&(_, index)), RowsAre::Deliveries) => {
                match add_delivery(&mut preview.cells[index], volume, note) {
                    Ok(()) => preview.rows_read += 1,
                    Err(problem) => preview.refused.push(RefusedRow {
                        row: *row_number,
                        problem,
                    }),
                }
            }
            (None, _) => {
                found.insert(key, (*row_number, preview.cells.len()));
                preview.cells.push(CellValue {
                    gemeente: gemeente.to_owned(),
                    activity,
                    period,
                    volume: Some(volume),
                    note: note.map(str::to_owned),
                });
                preview.rows_read += 1;
            }
        }
    }
    note_what_changes(workbook, &mut preview);
    preview
}

/// Every name an activity is known by in a sheet: its number, its title and each gemeente's
/// title for it, folded as the sheet's cells are.
fn activity_names(workbook: &Workbook) -> HashMap<String, u32> {
    let mut activities: HashMap<String, u32> = HashMap::new();
    for activity in &workbook.card.activities {
        activities.insert(activity.number.to_string(), activity.number);
        activities.insert(fold(&activity.title), activity.number);
        for g in &workbook.region.gemeenten {
            activities.insert(fold(&activity.title_for(&g.name)), activity.number);
        }
    }
    activities
}

/// A delivery row for a figure already read: its volume added (within the range of a volume)
/// and its note joined to the figure's.
fn add_delivery(
    cell: &mut CellValue,
    volume: Decimal,
    note: Option<&str>,
) -> Result<(), RowProblem> {
    let sum = cell.volume.unwrap_or_default() + volume;
    limits::check_number(sum, NumberKind::Volume).map_err(RowProblem::OutOfRange)?;
    cell.volume = Some(sum);
    if let Some(note) = note.filter(|n| !n.is_empty()) {
        let joined = match cell.note.take().filter(|n| !n.is_empty()) {
            Some(before) => format!("{before}; {note}"),
            None => note.to_owned(),
        };
        cell.note = Some(joined.chars().take(limits::MAX_NOTE_CHARS).collect());
    }
    Ok(())
}

/// How many figures in the workbook the import would replace, and which closed periods it
/// touches.
fn note_what_changes(workbook: &Workbook, preview: &mut ImportPreview) {
    let progress = &workbook.progress;
    for cell in &preview.cells {
        if let Some(before) = progress.delivered(&cell.gemeente, cell.activity, cell.period)
            && Some(before.volume) != cell.volume
        {
            preview.replaced += 1;
        }
        if progress.is_closed(cell.period) && !preview.closed.contains(&cell.period) {
            preview.closed.push(cell.period);
        }
    }
    preview.closed.sort();
}

type RowValues<'a> = (&'a str, u32, Period, Decimal, Option<&'a str>);

fn read_row<'a>(
    row: &'a [String],
    mapping: &Mapping,
    gemeenten: &HashMap<String, &'a str>,
    activities: &HashMap<String, u32>,
    kind: PeriodKind,
    periods: &[Period],
) -> Result<RowValues<'a>, RowProblem> {
    let column = |i: usize| {
        row.get(i)
            .map(String::as_str)
            .ok_or(RowProblem::MissingColumn(i + 1))
    };
    let gemeente_text = column(mapping.gemeente)?;
    let folded = fold(gemeente_text);
    let gemeente = gemeenten
        .get(&folded)
        .or_else(|| gemeenten.get(folded.trim_start_matches("gemeente ")))
        .copied()
        .ok_or_else(|| RowProblem::UnknownGemeente(clip(gemeente_text)))?;
    let activity_text = column(mapping.activity)?;
    let activity_key = fold(activity_text);
    let activity = activities
        .get(&activity_key)
        .or_else(|| activities.get(activity_key.trim_end_matches('.')))
        .or_else(|| {
            // "4 Screenen kandidaten", "4. Screenen kandidaten": the number in front.
            let number: String = activity_key
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            activities.get(&number)
        })
        .copied()
        .ok_or_else(|| RowProblem::UnknownActivity(clip(activity_text)))?;
    let period_text = column(mapping.period)?;
    let period = match Period::parse(period_text) {
        Some(p) => p,
        None => {
            let date = parse_date(period_text)
                .ok_or_else(|| RowProblem::UnknownPeriod(clip(period_text)))?;
            Period::containing(date, kind)
        }
    };
    if period.kind != kind {
        return Err(RowProblem::OtherKind {
            found: period,
            kind,
        });
    }
    if !periods.contains(&period) {
        return Err(RowProblem::OutsideTerm(period));
    }
    let volume_text = column(mapping.volume)?;
    let volume =
        parse_volume(volume_text).ok_or_else(|| RowProblem::NotANumber(clip(volume_text)))?;
    if volume.is_sign_negative() && !volume.is_zero() {
        return Err(RowProblem::Negative(volume));
    }
    limits::check_number(volume, NumberKind::Volume).map_err(RowProblem::OutOfRange)?;
    let note = match mapping.note {
        Some(i) => {
            let note = row.get(i).map(String::as_str).unwrap_or("");
            limits::check_text(note, limits::MAX_NOTE_CHARS, "de notitie")
                .map_err(RowProblem::OutOfRange)?;
            Some(note)
        }
        None => None,
    };
    Ok((gemeente, activity, period, volume, note))
}

/// A number as a registration system or a Dutch user writes it: "12", "12,5", "1.250", "12.5".
fn parse_volume(text: &str) -> Option<Decimal> {
    let text = text.trim();
    if text.is_empty() {
        return None;
    }
    parse_dutch_decimal(text)
}

/// A date as spreadsheets write it: "2021-03-31", "31-03-2021", "31/03/2021", "31.03.2021".
fn parse_date(text: &str) -> Option<NaiveDate> {
    let text = text.trim();
    let text = text.split([' ', 'T']).next().unwrap_or(text);
    ["%Y-%m-%d", "%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y/%m/%d"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(text, f).ok())
}

/// Names compared as people write them: case and surrounding spaces ignored.
fn fold(text: &str) -> String {
    text.trim()
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// A value quoted in a message, kept short (a 10 MB cell stays out of the dialog).
fn clip(text: &str) -> String {
    let mut clipped: String = text.chars().filter(|c| !c.is_control()).take(60).collect();
    if text.chars().count() > 60 {
        clipped.push('…');
    }
    clipped
}
