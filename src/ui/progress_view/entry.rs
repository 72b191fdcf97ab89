//! How figures get into the Voortgang grid besides typing: a block pasted from Excel, and the
//! note of a figure; and what a cell tells about its figure (who, when, corrections).

use chrono::NaiveDateTime;
use egui::Ui;

use super::{ProgressState, amount};
use crate::core::history::Author;
use crate::core::period::Period;
use crate::core::progress::{CellValue, ProgressEdit, Source};
use crate::core::progress_figures::GemeenteProgress;
use crate::core::{Edit, Model};
use crate::ui::action::Action;

/// Who entered a figure and when, its note, and the corrections made after its period closed:
/// shown when the pointer rests on the cell.
pub(super) fn entry_history(entry: &crate::core::progress::Delivered) -> String {
    let mut lines = vec![if entry.by.is_empty() {
        format!("Ingevuld op {}", entry.at.format("%d-%m-%Y %H:%M"))
    } else {
        format!(
            "Ingevuld door {} op {}",
            entry.by,
            entry.at.format("%d-%m-%Y %H:%M")
        )
    }];
    if !entry.note.is_empty() {
        lines.push(format!("Notitie: {}", entry.note));
    }
    for c in &entry.corrections {
        lines.push(format!(
            "Gewijzigd na afsluiten op {} door {} (was {}): {}",
            c.at.format("%d-%m-%Y"),
            c.by,
            amount(c.previous),
            c.reason
        ));
    }
    lines.join("\n")
}

/// The note of the figure in the cell that had the focus last: typed here, entered with Enter
/// or when the field loses the focus, as one edit (with the reason, in a closed period).
pub(super) fn note_field(
    ui: &mut Ui,
    model: &Model,
    progress: &GemeenteProgress,
    author: &Author,
    now: NaiveDateTime,
    state: &mut ProgressState,
    actions: &mut Vec<Action>,
) {
    let Some(key @ (activity, period)) = state.selected else {
        return;
    };
    let Some(entry) = model
        .workbook()
        .progress
        .delivered(&progress.gemeente, activity, period)
    else {
        ui.label(format!(
            "Notitie bij activiteit {activity}, {}: vul eerst een cijfer in.",
            period.label()
        ));
        return;
    };
    let stored = entry.note.clone();
    let volume = entry.volume;
    let text = match &mut state.note {
        Some((k, text)) if *k == key => text,
        other => &mut other.insert((key, stored.clone())).1,
    };
    let mut committed = false;
    ui.horizontal(|ui| {
        ui.label(format!(
            "Notitie bij activiteit {activity}, {}:",
            period.label()
        ));
        let response = ui.add(
            egui::TextEdit::singleline(text)
                .desired_width(360.0)
                .hint_text("bijvoorbeeld: incl. inhaalslag na de zomer")
                .char_limit(crate::core::limits::MAX_NOTE_CHARS),
        );
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Notitie bij het cijfer")
        });
        committed = response.lost_focus() && *text != stored;
    });
    if committed {
        let note = text.trim().to_owned();
        state.note = None;
        actions.push(Action::Edit(
            Edit::Progress(ProgressEdit::Enter {
                cells: vec![CellValue {
                    gemeente: progress.gemeente.clone(),
                    activity,
                    period,
                    volume: Some(volume),
                    note: Some(note),
                }],
                source: Source::Note,
                reason: state.reason.clone(),
                by: author.clone(),
                at: now,
            }),
            None,
        ));
    }
}

/// A block pasted into a focused cell: placed over the grid as one edit.
#[allow(clippy::too_many_arguments)]
pub(super) fn take_paste(
    ui: &mut Ui,
    progress: &GemeenteProgress,
    rows: &[u32],
    periods: &[Period],
    author: &Author,
    now: NaiveDateTime,
    state: &mut ProgressState,
    actions: &mut Vec<Action>,
) {
    let Some((row, column)) = state.focused else {
        return;
    };
    let pasted = ui.input_mut(|input| {
        let index = input.events.iter().position(
            |e| matches!(e, egui::Event::Paste(text) if crate::spreadsheet::is_block(text)),
        )?;
        match input.events.remove(index) {
            egui::Event::Paste(text) => Some(text),
            _ => None,
        }
    });
    let Some(text) = pasted else {
        return;
    };
    let block =
        crate::spreadsheet::paste_block(&text, &progress.gemeente, rows, periods, row, column);
    for cell in &block.cells {
        state.typing.remove(&(cell.activity, cell.period));
    }
    if !block.not_numbers.is_empty() {
        let (r, c, value) = &block.not_numbers[0];
        actions.push(Action::Message(format!(
            "Niet geplakt: ‘{value}’ (regel {r}, kolom {c} van het blok) is geen getal."
        )));
        return;
    }
    actions.push(Action::Edit(
        Edit::Progress(ProgressEdit::Enter {
            cells: block.cells,
            source: Source::Pasted,
            reason: state.reason.clone(),
            by: author.clone(),
            at: now,
        }),
        None,
    ));
}

/// Most lines "Geschiedenis van dit getal" lists on screen; the report and the Excel export
/// hold them all.
const SHOWN_HISTORY_LINES: usize = 30;

/// "Geschiedenis van dit getal": every change of the figure in the cell that had the focus
/// last, newest first, with who (name and computer), when, old → new, how it got in (typed,
/// pasted, or imported from which file) and the reason of a correction.
pub(super) fn figure_history(
    ui: &mut Ui,
    model: &Model,
    gemeente: &str,
    state: &ProgressState,
    look: &crate::ui::design_tokens::Tokens,
) {
    let Some((activity, period)) = state.selected else {
        return;
    };
    let history = &model.workbook().progress.history;
    let lines = crate::core::history::figure_lines(history, gemeente, activity, period);
    let heading = format!(
        "Geschiedenis van dit getal (activiteit {activity}, {})",
        period.label()
    );
    egui::CollapsingHeader::new(heading)
        .id_salt("geschiedenis-van-dit-getal")
        .default_open(true)
        .show(ui, |ui| {
            if lines.is_empty() {
                ui.label(
                    egui::RichText::new(
                        "Nog geen wijzigingen vastgelegd (een cijfer van vóór de geschiedenis, of nog niet ingevuld).",
                    )
                    .color(look.weak_text),
                );
                return;
            }
            for line in lines.iter().rev().take(SHOWN_HISTORY_LINES) {
                ui.label(format!(
                    "{} · {} · {}",
                    line.change.at.format("%d-%m-%Y %H:%M"),
                    line.change.who(),
                    line.change.step(line.file)
                ));
            }
            if lines.len() > SHOWN_HISTORY_LINES {
                ui.label(
                    egui::RichText::new(format!(
                        "… en {} eerdere wijzigingen; het voortgangsrapport en de Excel-export hebben ze allemaal.",
                        lines.len() - SHOWN_HISTORY_LINES
                    ))
                    .color(look.weak_text),
                );
            }
        });
}
