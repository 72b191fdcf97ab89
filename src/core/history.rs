//! The realisation's history: every change of a delivered figure, every closing of a period,
//! every import and every step of a sign-off made in the app, with who made it, on which machine, when and from which file, so a controller
//! can trace each number of the art. 14.2 report back to its source. It is kept in the workbook
//! (`Progress::history`), written only by [`super::progress_edit::apply_progress`] (and, for a
//! sign-off step, by [`Edit::Recorded`](super::edit::Edit::Recorded)), and bounded
//! like every list; a full history is archived to a file of its own, leaving one line that names
//! the archive and its SHA-256.
//!
//! Undo takes an edit back with its history lines: the history tells how the figures the
//! workbook holds came to be, and an undone edit did not make them.

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::limits;
use super::money::format_number;
use super::period::Period;

/// Most lines a workbook's history holds: enough for every figure of a region's term entered,
/// corrected and imported many times over, small enough that the file stays within its size
/// limit. Beyond it, an edit is refused until the history is archived.
pub const MAX_HISTORY: usize = 20_000;

/// Who makes a change: the name set in Instellingen and the computer it is made on, so a line
/// of the history says both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Author {
    /// The name ("A. de Vries"); empty when none was set.
    pub name: String,
    /// The computer's name ("LAPTOP-7"); empty when it is not known.
    pub machine: String,
}

impl From<&str> for Author {
    /// An author known by name only (scripts and tests).
    fn from(name: &str) -> Self {
        Author {
            name: name.to_owned(),
            machine: String::new(),
        }
    }
}

/// One line of the history.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Change {
    /// When.
    pub at: NaiveDateTime,
    /// Who, by the name set in Instellingen (empty when none was set).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "limits::de::name")]
    pub by: String,
    /// On which computer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "limits::de::name")]
    pub machine: String,
    /// What happened.
    pub what: Changed,
}

/// What a line of the history records.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Changed {
    /// A delivered figure was entered, changed or cleared.
    Figure {
        /// The gemeente.
        #[serde(deserialize_with = "limits::de::name")]
        gemeente: String,
        /// The activity's number.
        #[serde(deserialize_with = "limits::de::count")]
        activity: u32,
        /// The period.
        period: Period,
        /// The figure before (none: there was none).
        #[serde(default, deserialize_with = "optional_volume")]
        old: Option<Decimal>,
        /// The figure after (none: cleared).
        #[serde(default, deserialize_with = "optional_volume")]
        new: Option<Decimal>,
        /// How it got in.
        source: Origin,
        /// Why, for a change in a closed period.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        #[serde(deserialize_with = "limits::de::note")]
        reason: String,
    },
    /// A period was closed.
    Closed {
        /// The period.
        period: Period,
    },
    /// A closed period was opened again.
    Reopened {
        /// The period.
        period: Period,
        /// Why.
        #[serde(deserialize_with = "limits::de::note")]
        reason: String,
    },
    /// Figures were imported from a file.
    Imported {
        /// The file's name.
        #[serde(deserialize_with = "limits::de::name")]
        file: String,
        /// The SHA-256 of the file's bytes, in hexadecimal, so the file can be found again.
        #[serde(deserialize_with = "sha256_hex")]
        sha256: String,
        /// How many figures it changed.
        #[serde(deserialize_with = "limits::de::count")]
        figures: u32,
    },
    /// A step of a gemeente's sign-off: offered for decision, sent back, a decision recorded, an
    /// amendment started, a decision re-recorded.
    SignOff {
        /// The gemeente.
        #[serde(deserialize_with = "limits::de::name")]
        gemeente: String,
        /// The step, as the undo menu names it ("Besluit college: Akkoord").
        #[serde(deserialize_with = "limits::de::note")]
        step: String,
        /// Where the sign-off stands after it ("Besloten door college").
        #[serde(deserialize_with = "limits::de::name")]
        status: String,
    },
    /// The history up to here was moved to an archive file.
    Archived {
        /// The archive's file name.
        #[serde(deserialize_with = "limits::de::name")]
        file: String,
        /// The SHA-256 of the archive's bytes, in hexadecimal.
        #[serde(deserialize_with = "sha256_hex")]
        sha256: String,
        /// How many lines it holds.
        #[serde(deserialize_with = "limits::de::count")]
        lines: u32,
    },
}

/// How a figure got into the workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Origin {
    /// Typed into the Voortgang grid.
    Typed,
    /// Pasted as a block from a spreadsheet.
    Pasted,
    /// Imported from the file named in the import's line just before.
    Imported,
}

impl Origin {
    /// The Dutch word for it.
    pub fn label(self) -> &'static str {
        match self {
            Origin::Typed => "getypt",
            Origin::Pasted => "geplakt",
            Origin::Imported => "geïmporteerd",
        }
    }
}

/// What an archive file holds: the lines moved out of a workbook, and which workbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Archive {
    /// The region and term of the workbook it came from ("Rijk van Nijmegen, 2021–2022").
    #[serde(deserialize_with = "limits::de::name")]
    pub workbook: String,
    /// The lines, oldest first.
    pub changes: Vec<Change>,
}

fn optional_volume<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Decimal>, D::Error> {
    let value = Option::<Decimal>::deserialize(d)?;
    if let Some(value) = value {
        limits::check_number(value, limits::NumberKind::Volume)
            .map_err(serde::de::Error::custom)?;
    }
    Ok(value)
}

fn sha256_hex<'de, D: serde::Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    let value = String::deserialize(d)?;
    if value.len() != 64 || !value.bytes().all(|b| b.is_ascii_hexdigit()) {
        return Err(serde::de::Error::custom(
            "een SHA-256 is 64 tekens 0-9 en a-f",
        ));
    }
    Ok(value)
}

impl Change {
    /// Whether this line is about one cell's figure.
    pub fn is_about(&self, gemeente: &str, activity: u32, period: Period) -> bool {
        matches!(&self.what, Changed::Figure { gemeente: g, activity: a, period: p, .. }
            if g == gemeente && *a == activity && *p == period)
    }

    /// Who and where, as a line names them ("A. de Vries (LAPTOP-7)", "onbekend").
    pub fn who(&self) -> String {
        match (self.by.is_empty(), self.machine.is_empty()) {
            (true, true) => "onbekend".into(),
            (false, true) => self.by.clone(),
            (true, false) => format!("onbekend ({})", self.machine),
            (false, false) => format!("{} ({})", self.by, self.machine),
        }
    }

    /// What happened, in Dutch, without who and when ("Heumen, activiteit 4, 2e kwartaal
    /// 2022: van 3 naar 5, geïmporteerd uit registratie.xlsx"); `file` is the import a figure's line
    /// came from ([`import_file`]).
    pub fn description(&self, file: Option<&str>) -> String {
        match &self.what {
            Changed::Figure {
                gemeente,
                activity,
                period,
                ..
            } => format!(
                "{gemeente}, activiteit {activity}, {}: {}",
                period.label(),
                self.step(file)
            ),
            Changed::Closed { period } => format!("{} afgesloten", period.label()),
            Changed::Reopened { period, reason } => {
                format!("{} heropend; reden: {reason}", period.label())
            }
            Changed::SignOff {
                gemeente,
                step,
                status,
            } => format!("{gemeente}: {step} (nu {})", status.to_lowercase()),
            Changed::Imported {
                file,
                sha256,
                figures,
            } => format!(
                "Import uit {file} (SHA-256 {sha256}): {} cijfers gewijzigd",
                format_number((*figures).into())
            ),
            Changed::Archived {
                file,
                sha256,
                lines,
            } => format!(
                "Geschiedenis tot hier gearchiveerd in {file} (SHA-256 {sha256}, {} regels)",
                format_number((*lines).into())
            ),
        }
    }

    /// The step a figure's line records, without the cell ("van 3 naar 5, geïmporteerd uit
    /// registratie.xlsx; reden: …"); the description for any other line.
    pub fn step(&self, file: Option<&str>) -> String {
        let Changed::Figure {
            old,
            new,
            source,
            reason,
            ..
        } = &self.what
        else {
            return self.description(None);
        };
        // In words, not with an arrow: the app's own font has no arrow glyph.
        let change = match (old, new) {
            (None, Some(new)) => format!("ingevuld: {}", format_number(*new)),
            (Some(old), None) => format!("gewist (was {})", format_number(*old)),
            (Some(old), Some(new)) => {
                format!("van {} naar {}", format_number(*old), format_number(*new))
            }
            (None, None) => "leeg".into(),
        };
        let mut text = format!("{change}, {}", source.label());
        if let (Origin::Imported, Some(file)) = (source, file) {
            text.push_str(&format!(" uit {file}"));
        }
        if !reason.is_empty() {
            text.push_str(&format!("; reden: {reason}"));
        }
        text
    }
}

/// A figure's line of the history with the file it was imported from, if it was.
#[derive(Clone, Copy, Debug)]
pub struct FigureLine<'a> {
    /// The line.
    pub change: &'a Change,
    /// The imported file's name, for a line of an import.
    pub file: Option<&'a str>,
}

/// The file an import's figure line came from: the import's own line, just before its figures.
pub fn import_file(history: &[Change], index: usize) -> Option<&str> {
    history[..index].iter().rev().find_map(|c| match &c.what {
        Changed::Imported { file, .. } => Some(file.as_str()),
        _ => None,
    })
}

/// The lines about one cell's figure, oldest first: "Geschiedenis van dit getal".
pub fn figure_lines<'a>(
    history: &'a [Change],
    gemeente: &str,
    activity: u32,
    period: Period,
) -> Vec<FigureLine<'a>> {
    history
        .iter()
        .enumerate()
        .filter(|(_, c)| c.is_about(gemeente, activity, period))
        .map(|(i, change)| FigureLine {
            change,
            file: match &change.what {
                Changed::Figure {
                    source: Origin::Imported,
                    ..
                } => import_file(history, i),
                _ => None,
            },
        })
        .collect()
}

/// Every line with the file an import's figure came from, oldest first, in one pass: what the
/// report's appendix and the Excel sheet list.
pub fn all_lines(history: &[Change]) -> Vec<FigureLine<'_>> {
    let mut current = None;
    history
        .iter()
        .map(|change| {
            let file = match &change.what {
                Changed::Imported { file, .. } => {
                    current = Some(file.as_str());
                    None
                }
                Changed::Figure {
                    source: Origin::Imported,
                    ..
                } => current,
                _ => None,
            };
            FigureLine { change, file }
        })
        .collect()
}
