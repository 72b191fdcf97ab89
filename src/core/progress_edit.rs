//! Changes of the realisation applied to a workbook, and the check of the figures a file brings:
//! the part of progress that works on a whole workbook (its term, its card, its plans), above the
//! plain data of `progress`.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use rust_decimal::Decimal;

use super::history::{Author, Change, Changed, MAX_HISTORY, Origin};
use super::limits::{self, NumberKind};
use super::period::Period;
use super::progress::*;
use super::workbook::Workbook;

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
        ProgressEdit::Close { period, by, at } => {
            if !periods.contains(period) {
                return Err(not_in_term(workbook, *period).into());
            }
            if workbook.progress.is_closed(*period) {
                return Err(ProgressRefusal::AlreadyClosed(*period).into());
            }
            let line = Changed::Closed { period: *period };
            record(&mut workbook.progress.history, vec![line], by, *at)?;
            let closed = &mut workbook.progress.closed;
            closed.push(Closed {
                period: *period,
                on: at.date(),
                by: by.name.clone(),
            });
            closed.sort_by_key(|c| c.period);
        }
        ProgressEdit::Reopen {
            period,
            reason,
            by,
            at,
        } => reopen(workbook, *period, reason, by, *at)?,
        ProgressEdit::ArchiveHistory {
            file,
            sha256,
            by,
            at,
        } => {
            let lines = workbook.progress.history.len();
            let line = Changed::Archived {
                file: file.clone(),
                sha256: sha256.clone(),
                lines: u32::try_from(lines).unwrap_or(u32::MAX),
            };
            let mut history = Vec::new();
            record(&mut history, vec![line], by, *at)?;
            workbook.progress.history = history;
        }
        ProgressEdit::Enter {
            cells,
            source,
            reason,
            by,
            at,
        } => enter_all(workbook, &periods, cells, source, reason, by, *at)?,
    }
    Ok(())
}

/// Opens a closed period again: it leaves the list of closed periods (its figures read as
/// provisional again) and the history gets a line with the reason.
fn reopen(
    workbook: &mut Workbook,
    period: Period,
    reason: &str,
    by: &Author,
    at: NaiveDateTime,
) -> Result<(), super::refusal::Refusal> {
    if !workbook.progress.is_closed(period) {
        return Err(ProgressRefusal::NotClosed(period).into());
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ProgressRefusal::ReopenNeedsReason(period).into());
    }
    check_reason(reason, &period.label())?;
    let line = Changed::Reopened {
        period,
        reason: reason.to_owned(),
    };
    record(&mut workbook.progress.history, vec![line], by, at)?;
    workbook.progress.closed.retain(|c| c.period != period);
    Ok(())
}

/// Checks a reason's length as a file's is checked on load, so a reason the app takes is never
/// one that makes the saved file unreadable.
fn check_reason(reason: &str, place: &str) -> Result<(), limits::OutOfRange> {
    limits::check_text(reason, limits::MAX_NOTE_CHARS, "de reden").map_err(|message| {
        limits::OutOfRange {
            place: place.to_owned(),
            message,
        }
    })
}

/// Enters (or clears) figures as one step, with a history line for every figure that changed
/// (and one for the import they came from); refused as a whole when any figure is.
fn enter_all(
    workbook: &mut Workbook,
    periods: &[Period],
    cells: &[CellValue],
    source: &Source,
    reason: &str,
    by: &Author,
    at: NaiveDateTime,
) -> Result<(), super::refusal::Refusal> {
    check_reason(reason.trim(), "de reden van de wijziging")?;
    let mut lines = Vec::new();
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
        check_cell(workbook, periods, cell)?;
        let key = (cell.gemeente.clone(), cell.activity, cell.period);
        let at_index = index.get(&key).copied().filter(|i| !removed[*i]);
        let old = at_index.map(|i| progress.delivered[i].volume);
        let new = match enter(&mut progress, at_index, cell, reason, &by.name, at)? {
            Entered::Added(i) => {
                index.insert(key, i);
                removed.push(false);
                Some(progress.delivered[i].volume)
            }
            Entered::Removed(i) => {
                removed[i] = true;
                None
            }
            Entered::Changed => at_index.map(|i| progress.delivered[i].volume),
        };
        if old != new {
            lines.push(figure_line(cell, old, new, source, reason, &progress));
        }
    }
    if let Source::Imported { file, sha256 } = source {
        let figures = u32::try_from(lines.len()).unwrap_or(u32::MAX);
        let line = Changed::Imported {
            file: file.clone(),
            sha256: sha256.clone(),
            figures,
        };
        lines.insert(0, line);
    }
    record(&mut progress.history, lines, by, at)?;
    let mut keep = removed.iter().map(|r| !r);
    progress.delivered.retain(|_| keep.next().unwrap_or(true));
    if progress.delivered.len() > MAX_DELIVERED {
        return Err(ProgressRefusal::TooMany.into());
    }
    progress.delivered.sort_by(|a, b| {
        (&a.gemeente, a.activity, a.period).cmp(&(&b.gemeente, b.activity, b.period))
    });
    workbook.progress = progress;
    Ok(())
}

/// Appends lines to the history, all by one author at one moment; refused when the history
/// would grow beyond its bound (nothing is appended then).
pub(super) fn record(
    history: &mut Vec<Change>,
    lines: Vec<Changed>,
    by: &Author,
    at: NaiveDateTime,
) -> Result<(), ProgressRefusal> {
    if history.len() + lines.len() > MAX_HISTORY {
        return Err(ProgressRefusal::HistoryFull);
    }
    history.extend(lines.into_iter().map(|what| Change {
        at,
        by: by.name.clone(),
        machine: by.machine.clone(),
        what,
    }));
    Ok(())
}

/// The history line of one figure that changed: from `old` to `new`, with the reason when its
/// period is closed.
fn figure_line(
    cell: &CellValue,
    old: Option<Decimal>,
    new: Option<Decimal>,
    source: &Source,
    reason: &str,
    progress: &Progress,
) -> Changed {
    let origin = match source {
        Source::Typed | Source::Note => Origin::Typed,
        Source::Pasted => Origin::Pasted,
        Source::Imported { .. } => Origin::Imported,
    };
    let closed = progress.is_closed(cell.period);
    Changed::Figure {
        gemeente: cell.gemeente.clone(),
        activity: cell.activity,
        period: cell.period,
        old,
        new,
        source: origin,
        reason: if closed {
            reason.trim().to_owned()
        } else {
            String::new()
        },
    }
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
