//! Realisation (art. 14.2 DVO): what WerkBedrijf delivered per gemeente, per activity, per period,
//! in the activity's own unit, kept in the workbook beside the choices. It is not signed off, but a
//! period can be closed ("afgesloten"), after which a figure changes only with a recorded reason.
//! Every change goes through [`ProgressEdit`], as one undoable edit of the model.

use chrono::{NaiveDate, NaiveDateTime};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::card::Unit;
use super::limits;
use super::money::format_number;
use super::period::{Period, PeriodKind};

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
    /// Every change of a figure, closing and import, oldest first ([`super::history`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<super::history::Change>,
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
    /// Imported from a file.
    Imported {
        /// The file's name.
        file: String,
        /// The SHA-256 of its bytes, in hexadecimal.
        sha256: String,
    },
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
        by: super::history::Author,
        /// When.
        at: NaiveDateTime,
    },
    /// Close a period.
    Close {
        /// The period.
        period: Period,
        /// Who closes it.
        by: super::history::Author,
        /// When.
        at: NaiveDateTime,
    },
    /// Open a closed period again, with the reason: its figures count as provisional until it is
    /// closed anew, and the history keeps both the closing and the reopening.
    Reopen {
        /// The period.
        period: Period,
        /// Why it is opened again.
        reason: String,
        /// Who opens it.
        by: super::history::Author,
        /// When.
        at: NaiveDateTime,
    },
    /// Move the history to an archive file already written, leaving one line that names it.
    ArchiveHistory {
        /// The archive's file name.
        file: String,
        /// The SHA-256 of the archive's bytes, in hexadecimal.
        sha256: String,
        /// Who archives it.
        by: super::history::Author,
        /// When.
        at: NaiveDateTime,
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
                    Source::Imported { file, .. } => format!("{what} geïmporteerd uit {file}"),
                }
            }
            ProgressEdit::Close { period, .. } => format!("{} afgesloten", period.label()),
            ProgressEdit::Reopen { period, .. } => format!("{} heropend", period.label()),
            ProgressEdit::ArchiveHistory { .. } => "Geschiedenis gearchiveerd".into(),
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
    /// Only a closed period can be opened again.
    #[error("{} is niet afgesloten; er is niets te heropenen.", .0.label())]
    NotClosed(Period),
    /// A closed period is opened again only with a reason.
    #[error("Geef een reden om {} te heropenen.", .0.label())]
    ReopenNeedsReason(Period),
    /// The kind of period can change only while nothing is entered.
    #[error("De voortgang heeft al cijfers per {}; die indeling blijft.", .0.noun())]
    PeriodsInUse(PeriodKind),
    /// The history is full; it is to be archived first.
    #[error("De geschiedenis van de voortgang is vol (hoogstens {} regels); archiveer haar eerst via het menu Bestand, Geschiedenis archiveren….", format_number(super::history::MAX_HISTORY.into()))]
    HistoryFull,
    /// More figures than a workbook holds.
    #[error("Zoveel realisatiecijfers passen niet in een werkmap (hoogstens {}).", format_number(MAX_DELIVERED.into()))]
    TooMany,
}
