//! Realisation (art. 14.2 DVO): what WerkBedrijf delivered per gemeente, per activity, per period,
//! in the activity's own unit, kept in the workbook beside the choices. It is not signed off, but a
//! period can be closed ("afgesloten"), after which a figure changes only with a recorded reason.
//! Every change goes through [`ProgressEdit`], as one undoable edit of the model.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::card::Unit;
use super::limits::{self, NumberKind};
use super::money::format_number;
use super::period::{Period, PeriodKind};
use super::workbook::Workbook;

/// The bundled settings of the 2021–2022 term, as RON data.
pub const BUNDLED_SETTINGS: &str = include_str!("../../assets/voortgang-2021-2022.ron");

/// Most delivered figures a workbook holds: 50 gemeenten × 20 activities × 40 quarters.
pub const MAX_DELIVERED: usize = 40_000;

/// What the volumes on the card are counted over.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum VolumePer {
    /// The volumes are per year of the term.
    #[default]
    Year,
    /// The volumes are for the whole term.
    Term,
}

/// A unit that is a rate per week, and the unit its delivery is registered in.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RateUnit {
    /// The card's unit, plural ("dagdelen/week").
    pub per_week: String,
    /// What is registered per period ("dagdelen").
    pub delivered: Unit,
}

/// How progress is measured in this term; data, set per term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProgressSettings {
    /// Quarters or half-years.
    pub periods: PeriodKind,
    /// What the card's volumes are counted over.
    pub volume_per: VolumePer,
    /// Weeks in a year, to turn a volume per week into a volume per period.
    #[serde(deserialize_with = "limits::de::price")]
    pub weeks_per_year: Decimal,
    /// The units that are rates per week.
    pub rates: Vec<RateUnit>,
    /// Percentage of agreed, to date, from which an activity is "op schema".
    #[serde(deserialize_with = "limits::de::price")]
    pub on_track: Decimal,
    /// Percentage of agreed, to date, from which it is "achter" (below: "ver achter").
    #[serde(deserialize_with = "limits::de::price")]
    pub behind: Decimal,
    /// The settings in Dutch, shown beside the figures.
    #[serde(default)]
    pub notes: Vec<String>,
}

impl Default for ProgressSettings {
    fn default() -> Self {
        ron::from_str(BUNDLED_SETTINGS).expect("bundled progress settings are valid RON")
    }
}

impl ProgressSettings {
    /// The rate this unit is, if it is one.
    pub fn rate(&self, unit: &Unit) -> Option<&RateUnit> {
        self.rates.iter().find(|r| r.per_week == unit.many)
    }

    /// The unit a delivery of an offer in `unit` is registered in.
    pub fn delivered_unit(&self, unit: &Unit) -> Unit {
        self.rate(unit)
            .map(|r| r.delivered.clone())
            .unwrap_or_else(|| unit.clone())
    }
}

/// A correction of a figure in a closed period, kept with the figure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// The figure before the correction (none: there was none).
    pub previous: Option<Decimal>,
    /// Why it changed.
    #[serde(deserialize_with = "limits::de::note")]
    pub reason: String,
    /// Who changed it.
    #[serde(deserialize_with = "limits::de::name")]
    pub by: String,
    /// When.
    pub at: NaiveDateTime,
}

/// What was delivered of one activity for one gemeente in one period.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Delivered {
    /// The gemeente, by name.
    #[serde(deserialize_with = "limits::de::name")]
    pub gemeente: String,
    /// The activity's number.
    #[serde(deserialize_with = "limits::de::count")]
    pub activity: u32,
    /// The period.
    pub period: Period,
    /// The volume delivered, in the delivered unit.
    #[serde(deserialize_with = "limits::de::volume")]
    pub volume: Decimal,
    /// A note ("incl. inhaalslag na zomer").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "limits::de::note")]
    pub note: String,
    /// Who entered it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "limits::de::name")]
    pub by: String,
    /// When it was entered or last changed.
    pub at: NaiveDateTime,
    /// Changes made after its period was closed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
}

/// A closed period: its figures change only with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Closed {
    /// The period.
    pub period: Period,
    /// When it was closed.
    pub on: NaiveDate,
    /// Who closed it.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "limits::de::name")]
    pub by: String,
}

/// The realisation of the term: settings, delivered figures and closed periods.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Progress {
    /// How it is measured.
    #[serde(default)]
    pub settings: ProgressSettings,
    /// The delivered figures, sorted by gemeente, activity and period.
    #[serde(default)]
    pub delivered: Vec<Delivered>,
    /// The closed periods, in order.
    #[serde(default)]
    pub closed: Vec<Closed>,
}

impl Delivered {
    /// Where the figure stands, as messages name it ("Voortgang, Heumen, activiteit 4, …").
    pub fn place(&self) -> String {
        format!(
            "Voortgang, {}, activiteit {}, {}",
            self.gemeente,
            self.activity,
            self.period.label()
        )
    }
}

impl Progress {
    /// The delivered figure of one cell, if entered.
    pub fn delivered(&self, gemeente: &str, activity: u32, period: Period) -> Option<&Delivered> {
        self.delivered
            .iter()
            .find(|d| d.gemeente == gemeente && d.activity == activity && d.period == period)
    }

    /// Whether a period is closed.
    pub fn is_closed(&self, period: Period) -> bool {
        self.closed.iter().any(|c| c.period == period)
    }
}

/// One figure to enter: by typing, pasting or importing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CellValue {
    /// The gemeente.
    pub gemeente: String,
    /// The activity's number.
    pub activity: u32,
    /// The period.
    pub period: Period,
    /// The delivered volume; `None` clears the figure.
    pub volume: Option<Decimal>,
    /// A note to set with it (`None` keeps the note there is).
    pub note: Option<String>,
}

/// Where entered figures came from, for the undo menu.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// Typed into the grid.
    Typed,
    /// A block pasted from a spreadsheet.
    Pasted,
    /// Imported from a file, by name.
    Imported(String),
    /// A note typed for a figure (the figure itself unchanged).
    Note,
}

/// A change of the realisation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ProgressEdit {
    /// Enter (or clear) figures, as one step.
    Enter {
        /// The figures.
        cells: Vec<CellValue>,
        /// Where they came from.
        source: Source,
        /// Why, when a closed period changes (empty otherwise).
        reason: String,
        /// Who enters them.
        by: String,
        /// When.
        at: NaiveDateTime,
    },
    /// Close a period.
    Close {
        /// The period.
        period: Period,
        /// Who closes it.
        by: String,
        /// When.
        on: NaiveDate,
    },
    /// Report in quarters or half-years; only while no figure is entered.
    SetPeriods(PeriodKind),
}

impl ProgressEdit {
    /// A short Dutch description for the undo menu.
    pub fn label(&self) -> String {
        match self {
            ProgressEdit::Enter { cells, source, .. } => {
                let what = match cells.as_slice() {
                    [one] => format!(
                        "Gerealiseerd {}, activiteit {}, {}",
                        one.gemeente,
                        one.activity,
                        one.period.label()
                    ),
                    many => format!("{} realisatiecijfers", format_number(many.len().into())),
                };
                match source {
                    Source::Note => what.replacen("Gerealiseerd", "Notitie bij", 1),
                    Source::Typed => what,
                    Source::Pasted => format!("{what} geplakt"),
                    Source::Imported(file) => format!("{what} geïmporteerd uit {file}"),
                }
            }
            ProgressEdit::Close { period, .. } => format!("{} afgesloten", period.label()),
            ProgressEdit::SetPeriods(kind) => format!("Voortgang per {}", kind.noun()),
        }
    }
}

/// Why a change of the realisation was refused. `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ProgressRefusal {
    /// The period is not one of the term's.
    #[error("{} valt niet in de looptijd {term}, of de voortgang gaat per {}.", .period.label(), .kind.noun())]
    NotInTerm {
        /// The period.
        period: Period,
        /// The term's label.
        term: String,
        /// The term's kind of period.
        kind: PeriodKind,
    },
    /// A delivered volume below zero.
    #[error("Een gerealiseerd volume kan niet negatief zijn ({}).", format_number(*.0))]
    Negative(Decimal),
    /// A closed period changes only with a reason.
    #[error("{} is afgesloten; geef een reden voor de wijziging.", .0.label())]
    ClosedNeedsReason(Period),
    /// The period is closed already.
    #[error("{} is al afgesloten.", .0.label())]
    AlreadyClosed(Period),
    /// The kind of period can change only while nothing is entered.
    #[error("De voortgang heeft al cijfers per {}; die indeling blijft.", .0.noun())]
    PeriodsInUse(PeriodKind),
    /// More figures than a workbook holds.
    #[error("Zoveel realisatiecijfers passen niet in een werkmap (hoogstens {}).", format_number(MAX_DELIVERED.into()))]
    TooMany,
}

/// Applies a change of the realisation to the workbook; refused changes change nothing.
pub fn apply_progress(
    workbook: &mut Workbook,
    edit: &ProgressEdit,
) -> Result<(), super::refusal::Refusal> {
    let periods = Period::of_term(&workbook.region.term, workbook.progress.settings.periods);
    match edit {
        ProgressEdit::SetPeriods(kind) => {
            let progress = &mut workbook.progress;
            if progress.settings.periods != *kind && !progress.delivered.is_empty() {
                return Err(ProgressRefusal::PeriodsInUse(progress.settings.periods).into());
            }
            progress.settings.periods = *kind;
            progress.closed.clear();
        }
        ProgressEdit::Close { period, by, on } => {
            if !periods.contains(period) {
                return Err(not_in_term(workbook, *period).into());
            }
            if workbook.progress.is_closed(*period) {
                return Err(ProgressRefusal::AlreadyClosed(*period).into());
            }
            let closed = &mut workbook.progress.closed;
            closed.push(Closed {
                period: *period,
                on: *on,
                by: by.clone(),
            });
            closed.sort_by_key(|c| c.period);
        }
        ProgressEdit::Enter {
            cells,
            reason,
            by,
            at,
            ..
        } => {
            let mut progress = workbook.progress.clone();
            // Where each cell's figure stands, so a block of thousands of figures (an import)
            // is entered in one pass.
            let mut index: HashMap<(String, u32, Period), usize> = progress
                .delivered
                .iter()
                .enumerate()
                .map(|(i, d)| ((d.gemeente.clone(), d.activity, d.period), i))
                .collect();
            let mut removed = vec![false; progress.delivered.len()];
            for cell in cells {
                check_cell(workbook, &periods, cell)?;
                let key = (cell.gemeente.clone(), cell.activity, cell.period);
                let at_index = index.get(&key).copied().filter(|i| !removed[*i]);
                match enter(&mut progress, at_index, cell, reason, by, *at)? {
                    Entered::Added(i) => {
                        index.insert(key, i);
                        removed.push(false);
                    }
                    Entered::Removed(i) => removed[i] = true,
                    Entered::Changed => {}
                }
            }
            let mut keep = removed.iter().map(|r| !r);
            progress.delivered.retain(|_| keep.next().unwrap_or(true));
            if progress.delivered.len() > MAX_DELIVERED {
                return Err(ProgressRefusal::TooMany.into());
            }
            progress.delivered.sort_by(|a, b| {
                (&a.gemeente, a.activity, a.period).cmp(&(&b.gemeente, b.activity, b.period))
            });
            workbook.progress = progress;
        }
    }
    Ok(())
}

fn not_in_term(workbook: &Workbook, period: Period) -> ProgressRefusal {
    ProgressRefusal::NotInTerm {
        period,
        term: workbook.region.term.label(),
        kind: workbook.progress.settings.periods,
    }
}

/// Checks the realisation a file holds, as entering it would: every figure of a gemeente in the
/// region, an activity on the card and a period of the term, each cell once, and every closed
/// period one of the term's, once. Run on load, so a hand-edited file cannot carry a figure the
/// app would have refused (or a second figure for a cell, of which only the first would count).
pub fn check_realisation(workbook: &Workbook) -> Result<(), limits::OutOfRange> {
    let progress = &workbook.progress;
    let periods = Period::of_term(&workbook.region.term, progress.settings.periods);
    let mut seen = std::collections::HashSet::new();
    for d in &progress.delivered {
        let place = || d.place();
        let cell = CellValue {
            gemeente: d.gemeente.clone(),
            activity: d.activity,
            period: d.period,
            volume: Some(d.volume),
            note: None,
        };
        check_cell(workbook, &periods, &cell).map_err(|refusal| limits::OutOfRange {
            place: place(),
            message: trim_stop(&refusal.to_string()),
        })?;
        if !seen.insert((d.gemeente.as_str(), d.activity, d.period)) {
            return Err(limits::OutOfRange {
                place: place(),
                message: "dit cijfer staat twee keer in het bestand; haal er één weg".into(),
            });
        }
    }
    let mut closed = std::collections::HashSet::new();
    for c in &progress.closed {
        let place = || format!("Voortgang, afgesloten periode {}", c.period.label());
        if !periods.contains(&c.period) {
            return Err(limits::OutOfRange {
                place: place(),
                message: trim_stop(&not_in_term(workbook, c.period).to_string()),
            });
        }
        if !closed.insert(c.period) {
            return Err(limits::OutOfRange {
                place: place(),
                message: "deze periode staat twee keer als afgesloten in het bestand".into(),
            });
        }
    }
    Ok(())
}

/// A refusal's sentence as the message of an [`limits::OutOfRange`], which adds its own stop.
fn trim_stop(sentence: &str) -> String {
    sentence.trim_end_matches('.').to_owned()
}

/// Checks one figure against the card, the region, the term and the ranges.
fn check_cell(
    workbook: &Workbook,
    periods: &[Period],
    cell: &CellValue,
) -> Result<(), super::refusal::Refusal> {
    use super::refusal::Refusal;
    if workbook.region.gemeente(&cell.gemeente).is_none() {
        return Err(Refusal::UnknownGemeente(cell.gemeente.clone()));
    }
    if workbook.card.activity(cell.activity).is_none() {
        return Err(Refusal::NotOnCard(cell.activity));
    }
    if !periods.contains(&cell.period) {
        return Err(not_in_term(workbook, cell.period).into());
    }
    let place = || {
        format!(
            "{}, activiteit {}, {}",
            cell.gemeente,
            cell.activity,
            cell.period.label()
        )
    };
    if let Some(volume) = cell.volume {
        if volume.is_sign_negative() && !volume.is_zero() {
            return Err(ProgressRefusal::Negative(volume).into());
        }
        limits::check_number(volume, NumberKind::Volume).map_err(|message| limits::OutOfRange {
            place: place(),
            message,
        })?;
    }
    if let Some(note) = &cell.note {
        limits::check_text(note, limits::MAX_NOTE_CHARS, "de notitie").map_err(|message| {
            limits::OutOfRange {
                place: place(),
                message,
            }
        })?;
    }
    Ok(())
}

/// What entering one figure did to the list of figures.
enum Entered {
    /// A figure was added at this index.
    Added(usize),
    /// The figure at this index is to be removed.
    Removed(usize),
    /// A figure changed in place, or nothing changed.
    Changed,
}

/// Enters one figure into the realisation (checked by the caller); `index` is where its cell's
/// figure stands, if it has one.
fn enter(
    progress: &mut Progress,
    index: Option<usize>,
    cell: &CellValue,
    reason: &str,
    by: &str,
    at: NaiveDateTime,
) -> Result<Entered, ProgressRefusal> {
    let closed = progress.is_closed(cell.period);
    let previous = index.map(|i| progress.delivered[i].volume);
    let note_changes = match (index, &cell.note) {
        (Some(i), Some(note)) => progress.delivered[i].note != *note,
        (None, Some(note)) => !note.is_empty(),
        (_, None) => false,
    };
    if previous == cell.volume && !note_changes {
        return Ok(Entered::Changed);
    }
    if closed && reason.trim().is_empty() {
        return Err(ProgressRefusal::ClosedNeedsReason(cell.period));
    }
    let correction = closed.then(|| Correction {
        previous,
        reason: reason.trim().to_owned(),
        by: by.to_owned(),
        at,
    });
    match (index, cell.volume) {
        (Some(i), None) => {
            // A cleared figure in a closed period leaves its trace: it stays, at zero, with
            // the correction that says why.
            if let Some(correction) = correction {
                let entry = &mut progress.delivered[i];
                entry.volume = Decimal::ZERO;
                entry.at = at;
                entry.corrections.push(correction);
            } else {
                return Ok(Entered::Removed(i));
            }
        }
        (Some(i), Some(volume)) => {
            let entry = &mut progress.delivered[i];
            entry.volume = volume;
            if let Some(note) = &cell.note {
                entry.note = note.clone();
            }
            entry.by = by.to_owned();
            entry.at = at;
            entry.corrections.extend(correction);
        }
        (None, Some(volume)) => {
            progress.delivered.push(Delivered {
                gemeente: cell.gemeente.clone(),
                activity: cell.activity,
                period: cell.period,
                volume,
                note: cell.note.clone().unwrap_or_default(),
                by: by.to_owned(),
                at,
                corrections: correction.into_iter().collect(),
            });
            return Ok(Entered::Added(progress.delivered.len() - 1));
        }
        (None, None) => {}
    }
    Ok(Entered::Changed)
}
