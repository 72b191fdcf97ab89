//! The app's dialogs: unsaved changes, recovery, errors, import previews, a path typed by hand
//! when no file dialog could be shown, as modal windows. The file dialogs are in `file_picker`.

use std::path::{Path, PathBuf};

use egui::RichText;

use super::action::{Action, FileAction, PathFor};
use super::design_tokens as tokens;
use super::file_commands::FileCommand;
use super::file_picker::{PickRequest, display_name};
use super::signoff_panel::{self, DecisionForm, describe};
use crate::core::diff::ChoiceChange;
use crate::storage::ImportPreview;
use crate::storage::recovery::RecoveryCopy;

/// A modal dialog waiting for the user.
#[derive(Clone, Debug)]
pub enum Dialog {
    /// Unsaved changes would be lost by `then`: Opslaan / Niet opslaan / Annuleren.
    UnsavedChanges {
        /// What to do once the user answered.
        then: FileAction,
    },
    /// Unsaved work from a session that ended unexpectedly: Herstellen / Weggooien.
    Recovery(Box<RecoveryCopy>),
    /// Something went wrong; the text says what and that nothing was lost.
    Error {
        /// The dialog's title.
        title: String,
        /// What happened, in Dutch.
        text: String,
    },
    /// A check's report (a verified annex): its verdict as the title, what was found below.
    Report {
        /// The verdict.
        title: String,
        /// What was checked and found, line by line, in Dutch.
        text: String,
    },
    /// What importing a gemeente's file would change: Importeren / Annuleren.
    Import(Box<ImportPreview>),
    /// Realisation figures from a spreadsheet: mapping and preview.
    ImportRealisation(Box<super::import_dialog::RealisationImport>),
    /// The form to record a decision of the college or WerkBedrijf.
    Decision(Box<DecisionForm>),
    /// "Vul aan": the priority order of activities to fill.
    Fill(Box<super::fill_dialog::FillForm>),
    /// *Wat als…*: the budget changed, the choices checked, a fit proposed.
    WhatIf(Box<super::what_if_dialog::WhatIfForm>),
    /// Undo would take back a recorded decision: asked first, since one keystroke should not
    /// undo what a college or WerkBedrijf decided.
    ConfirmUndo {
        /// The undo's label ("Besluit WerkBedrijf: Akkoord").
        label: String,
    },
    /// *Bijlage ondertekenen…*: the certificate and its password.
    Sign(Box<super::sign_dialog::SignForm>),
    /// The annex was written: offer to open it.
    AnnexWritten {
        /// The PDF.
        path: PathBuf,
        /// Texts that were changed so they could be printed, in Dutch (emoji, control characters).
        replaced: Vec<String>,
    },
    /// A Beheer change that needs a yes first: it breaks agreed sign-offs, or replaces the card.
    ConfirmSetup {
        /// The dialog's title.
        title: String,
        /// What the change is.
        lines: Vec<String>,
        /// The gemeenten whose agreed choices would no longer hold.
        broken: Vec<String>,
        /// The change.
        edit: crate::core::SetupEdit,
    },
    /// A decision agreed with an old fingerprint, to be recorded again with the current one:
    /// what it will cover, and Opnieuw vastleggen / Annuleren.
    ConfirmReseal(super::action::ResealQuestion),
    /// No file dialog could be shown: the path typed by hand, checked like a chosen one.
    PathEntry {
        /// What the path is for.
        purpose: PathFor,
        /// What was asked of the dialog (title, kind, suggested name).
        request: PickRequest,
        /// The path as typed so far, starting at the suggestion.
        text: String,
        /// Why no dialog could be shown.
        reason: String,
        /// What is wrong with the last path tried, if anything.
        error: Option<String>,
        /// Set when the dialog opens: the field takes the keyboard focus once.
        focus: bool,
    },
    /// The typed path names a file that exists: overwrite it?
    ConfirmOverwrite {
        /// What the path is for.
        purpose: PathFor,
        /// The file.
        path: PathBuf,
    },
    /// Another instance has the workbook open: open it read-only, or not at all.
    InUse {
        /// The workbook.
        path: PathBuf,
        /// Who has it ("Anne op PC-0412 (sinds …)").
        owner: String,
    },
    /// The workbook changed on disk since it was opened here; nothing was saved.
    ChangedOnDisk {
        /// The workbook.
        path: PathBuf,
    },
    /// *Sessie starten…*: the port, and resuming an unfinished session.
    SessionStart(Box<super::session_panel::StartForm>),
    /// *Deelnemen…*: the host's address, the code, the gemeente.
    SessionJoin(Box<super::session_panel::JoinForm>),
    /// A seat asks to join the hosted session: Toelaten / Weigeren.
    AdmitSeat {
        /// The question's number.
        ticket: u64,
        /// The gemeente it wants to speak for.
        gemeente: String,
        /// Where it connects from.
        peer: String,
    },
    /// What changed between two versions of a gemeente's choices.
    Changes {
        /// Which versions.
        title: String,
        /// The changes, activity by activity.
        changes: Vec<ChoiceChange>,
    },
}

impl Dialog {
    /// The dialog's title, as shown.
    pub fn title(&self) -> String {
        match self {
            Dialog::UnsavedChanges { .. } => "Niet-opgeslagen wijzigingen".into(),
            Dialog::Recovery(_) => "Niet-opgeslagen werk gevonden".into(),
            Dialog::Error { title, .. } | Dialog::Report { title, .. } => title.clone(),
            Dialog::Import(preview) => format!("Keuzes van {} importeren", preview.plan.gemeente),
            Dialog::Decision(form) => format!("Besluit vastleggen: {}", form.gemeente),
            Dialog::Changes { title, .. } | Dialog::ConfirmSetup { title, .. } => title.clone(),
            Dialog::AnnexWritten { .. } => "Bijlage gemaakt".into(),
            Dialog::Sign(_) => "Bijlage ondertekenen".into(),
            Dialog::InUse { .. } => "Bestand is al geopend".into(),
            Dialog::PathEntry { request, .. } => request.title.clone(),
            Dialog::ConfirmOverwrite { .. } => "Bestand bestaat al".into(),
            Dialog::ChangedOnDisk { .. } => "Bestand is intussen veranderd".into(),
            Dialog::Fill(form) => format!("Vul aan: {}", form.gemeente),
            Dialog::WhatIf(form) => format!("Wat als: {}", form.gemeente),
            Dialog::ImportRealisation(_) => "Realisatie importeren".into(),
            Dialog::ConfirmUndo { .. } => "Besluit ongedaan maken?".into(),
            Dialog::SessionStart(_) => "Sessie starten".into(),
            Dialog::SessionJoin(_) => "Deelnemen aan een sessie".into(),
            Dialog::AdmitSeat { .. } => "Iemand wil meedoen".into(),
            Dialog::ConfirmReseal(question) => {
                format!("Besluit van {} opnieuw vastleggen", question.gemeente)
            }
        }
    }
}

/// Shows the dialog as a modal window and reports the user's answer as actions. Each dialog
/// draws itself in a function of its own below.
pub fn show(ctx: &egui::Context, dialog: &mut Dialog, actions: &mut Vec<Action>) {
    let response = egui::Modal::new(egui::Id::unique("dialoog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        crate::ui::painted::heading(ui, dialog.title());
        ui.add_space(tokens::SPACE_M);
        match dialog {
            Dialog::UnsavedChanges { then } => unsaved_changes(ui, then, actions),
            Dialog::Recovery(copy) => recovery(ui, copy, actions),
            Dialog::Error { text, .. } => error(ui, text, actions),
            Dialog::Report { text, .. } => report(ui, text, actions),
            Dialog::Decision(form) => signoff_panel::decision_form(ui, form, actions),
            Dialog::Fill(form) => super::fill_dialog::show(ui, form, actions),
            Dialog::WhatIf(form) => super::what_if_dialog::show(ui, form, actions),
            Dialog::ImportRealisation(form) => super::import_dialog::show(ui, form, actions),
            Dialog::ConfirmUndo { label } => confirm_undo(ui, label, actions),
            Dialog::ConfirmReseal(question) => confirm_reseal(ui, question, actions),
            Dialog::AnnexWritten { path, replaced } => annex_written(ui, path, replaced, actions),
            Dialog::Sign(form) => super::sign_dialog::show(ui, form, actions),
            Dialog::ConfirmSetup {
                lines,
                broken,
                edit,
                ..
            } => confirm_setup(ui, lines, broken, edit, actions),
            Dialog::PathEntry {
                purpose,
                request,
                text,
                reason,
                error,
                focus,
            } => path_entry(ui, purpose, request, text, reason, error, focus, actions),
            Dialog::ConfirmOverwrite { purpose, path } => {
                confirm_overwrite(ui, purpose, path, actions)
            }
            Dialog::InUse { path, owner } => in_use(ui, path, owner, actions),
            Dialog::ChangedOnDisk { path } => changed_on_disk(ui, path, actions),
            Dialog::Changes { changes, .. } => {
                signoff_panel::changes_table(ui, changes);
                ui.add_space(tokens::SPACE_M);
                close_button(ui, actions);
            }
            Dialog::Import(preview) => import_preview(ui, preview, actions),
            Dialog::SessionStart(form) => super::session_panel::start_form(ui, form, actions),
            Dialog::SessionJoin(form) => super::session_panel::join_form(ui, form, actions),
            Dialog::AdmitSeat {
                ticket,
                gemeente,
                peer,
            } => super::session_panel::admit_question(ui, *ticket, gemeente, peer, actions),
        }
    });
    if response.should_close() && !matches!(dialog, Dialog::Recovery(_)) {
        actions.push(Action::CloseDialog);
    }
}

/// A row of buttons; each pushes its actions when clicked.
fn buttons(ui: &mut egui::Ui, actions: &mut Vec<Action>, row: Vec<(&str, Vec<Action>)>) {
    ui.horizontal(|ui| {
        for (label, then) in row {
            if ui.button(label).clicked() {
                actions.extend(then);
            }
        }
    });
}

fn close_button(ui: &mut egui::Ui, actions: &mut Vec<Action>) {
    if ui.button("Sluiten").clicked() {
        actions.push(Action::CloseDialog);
    }
}

fn cancel() -> (&'static str, Vec<Action>) {
    ("Annuleren", vec![Action::CloseDialog])
}

fn unsaved_changes(ui: &mut egui::Ui, then: &FileAction, actions: &mut Vec<Action>) {
    ui.label(then.command.unsaved_question());
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            (
                "Opslaan",
                vec![Action::CloseDialog, Action::SaveThen(then.clone())],
            ),
            (
                "Niet opslaan",
                vec![Action::CloseDialog, Action::FileConfirmed(then.clone())],
            ),
            cancel(),
        ],
    );
}

fn recovery(ui: &mut egui::Ui, copy: &RecoveryCopy, actions: &mut Vec<Action>) {
    let file = copy
        .file
        .as_ref()
        .map(|f| format!(" bij {}", f.display()))
        .unwrap_or_else(|| " bij een naamloze werkmap".into());
    ui.label(format!(
        "Keuzekaart is de vorige keer niet netjes afgesloten. Er is werk{file} dat niet was opgeslagen, \
         bewaard op {}.",
        copy.written.format("%d-%m-%Y om %H:%M:%S")
    ));
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            ("Herstellen", vec![Action::Restore(Box::new(copy.clone()))]),
            ("Weggooien", vec![Action::DiscardRecovery]),
        ],
    );
}

fn error(ui: &mut egui::Ui, text: &str, actions: &mut Vec<Action>) {
    ui.label(RichText::new(text).color(tokens::ERROR));
    ui.add_space(tokens::SPACE_M);
    close_button(ui, actions);
}

fn report(ui: &mut egui::Ui, text: &str, actions: &mut Vec<Action>) {
    egui::ScrollArea::vertical()
        .max_height(360.0)
        .show(ui, |ui| ui.label(text));
    ui.add_space(tokens::SPACE_M);
    close_button(ui, actions);
}

fn confirm_undo(ui: &mut egui::Ui, label: &str, actions: &mut Vec<Action>) {
    ui.label(format!(
        "Ongedaan maken neemt het vastgelegde besluit terug: {label}. \
         De status van de keuzes gaat terug naar wat hij ervoor was."
    ));
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            (
                "Besluit ongedaan maken",
                vec![Action::CloseDialog, Action::UndoConfirmed],
            ),
            cancel(),
        ],
    );
}

fn confirm_reseal(
    ui: &mut egui::Ui,
    question: &super::action::ResealQuestion,
    actions: &mut Vec<Action>,
) {
    let super::action::ResealQuestion {
        gemeente,
        uncovered,
        lines,
    } = question;
    ui.label(format!(
        "De keuzes van {gemeente} zijn vastgesteld {uncovered}; de bijlage drukt ze daarom af als \
         concept. Controleer of het besluit van het college en van het Dagelijks Bestuur hierover \
         ging, zoals het bestand het nu zegt:"
    ));
    ui.add_space(tokens::SPACE_S);
    for line in lines {
        ui.label(RichText::new(line.as_str()).small());
    }
    ui.add_space(tokens::SPACE_S);
    ui.label(
        "Opnieuw vastleggen legt dezelfde besluiten vast met de vingerafdruk van nu, die alles dekt \
         wat de bijlage afdrukt. Klopt iets niet, annuleer dan en start een tussentijdse wijziging.",
    );
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            (
                "Opnieuw vastleggen",
                vec![
                    Action::CloseDialog,
                    Action::Edit(
                        crate::core::Edit::SignOff {
                            gemeente: gemeente.clone(),
                            step: crate::core::signoff::SignOffStep::Reseal,
                        },
                        None,
                    ),
                ],
            ),
            cancel(),
        ],
    );
}

fn annex_written(ui: &mut egui::Ui, path: &Path, replaced: &[String], actions: &mut Vec<Action>) {
    ui.label(format!("De bijlage staat in {}.", path.display()));
    if !replaced.is_empty() {
        ui.add_space(tokens::SPACE_S);
        ui.label(
            RichText::new("Niet alle tekst kon worden gedrukt zoals hij is ingevoerd:")
                .color(tokens::WARNING),
        );
        egui::ScrollArea::vertical()
            .max_height(160.0)
            .show(ui, |ui| {
                for line in replaced {
                    ui.label(format!("• {line}."));
                }
            });
    }
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            ("Openen", vec![Action::OpenExternally(path.to_owned())]),
            (
                "Ondertekenen…",
                vec![
                    Action::CloseDialog,
                    Action::File(FileAction {
                        command: FileCommand::SignAnnex,
                        path: Some(path.to_owned()),
                    }),
                ],
            ),
            ("Sluiten", vec![Action::CloseDialog]),
        ],
    );
}

fn confirm_setup(
    ui: &mut egui::Ui,
    lines: &[String],
    broken: &[String],
    edit: &crate::core::SetupEdit,
    actions: &mut Vec<Action>,
) {
    for line in lines {
        ui.label(line.as_str());
    }
    if !broken.is_empty() {
        ui.add_space(tokens::SPACE_S);
        ui.label(
            RichText::new(format!(
                "Hierna gelden de vastgestelde keuzes van {} niet meer: hun vingerafdruk dekt alles wat de bijlage van hen afdrukt, ook de prijzen, budgetten en teksten waarop ze rusten. Ze moeten opnieuw worden vastgesteld.",
                crate::core::words::list(broken)
            ))
            .color(tokens::ERROR),
        );
    }
    ui.add_space(tokens::SPACE_M);
    let confirm = if broken.is_empty() {
        "Toepassen"
    } else {
        "Toch wijzigen"
    };
    buttons(
        ui,
        actions,
        vec![
            (confirm, vec![Action::ConfirmSetup(edit.clone())]),
            cancel(),
        ],
    );
}

#[allow(clippy::too_many_arguments)]
fn path_entry(
    ui: &mut egui::Ui,
    purpose: &PathFor,
    request: &PickRequest,
    text: &mut String,
    reason: &str,
    error: &Option<String>,
    focus: &mut bool,
    actions: &mut Vec<Action>,
) {
    ui.label(format!(
        "Het venster om een bestand te kiezen kon niet worden geopend ({reason}). \
         Typ hieronder het volledige pad van het bestand."
    ));
    ui.add_space(tokens::SPACE_S);
    let label = "Pad";
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .desired_width(480.0)
            .char_limit(4096),
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
    // Ready to type as soon as the dialog shows.
    if std::mem::take(focus) {
        response.request_focus();
    }
    let entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    if let Some(error) = error {
        ui.label(RichText::new(error.as_str()).color(tokens::ERROR));
    }
    ui.add_space(tokens::SPACE_M);
    let typed = Action::PathTyped {
        purpose: purpose.clone(),
        request: request.clone(),
        text: text.clone(),
    };
    if entered {
        actions.push(typed.clone());
    }
    let ok = if request.save { "Opslaan" } else { "Openen" };
    buttons(ui, actions, vec![(ok, vec![typed]), cancel()]);
}

fn confirm_overwrite(ui: &mut egui::Ui, purpose: &PathFor, path: &Path, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} bestaat al. Wilt u het vervangen?",
        display_name(path)
    ));
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            (
                "Vervangen",
                vec![Action::CloseDialog, purpose.clone().action(path.to_owned())],
            ),
            cancel(),
        ],
    );
}

fn in_use(ui: &mut egui::Ui, path: &Path, owner: &str, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} is geopend door {owner}. Als u het ook bewerkt, overschrijft de een het werk \
         van de ander. U kunt het alleen-lezen openen en uw wijzigingen met Opslaan als… \
         onder een andere naam bewaren.",
        display_name(path)
    ));
    ui.add_space(tokens::SPACE_M);
    buttons(
        ui,
        actions,
        vec![
            (
                "Alleen-lezen openen",
                vec![Action::CloseDialog, Action::OpenReadOnly(path.to_owned())],
            ),
            cancel(),
        ],
    );
}

fn changed_on_disk(ui: &mut egui::Ui, path: &Path, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} is veranderd sinds u het opende, waarschijnlijk door iemand anders. Er is niets \
         opgeslagen, zodat geen van beide versies verloren gaat.",
        display_name(path)
    ));
    ui.add_space(tokens::SPACE_M);
    let then = |action| vec![Action::CloseDialog, Action::File(action)];
    buttons(
        ui,
        actions,
        vec![
            (
                "Opslaan als…",
                then(FileAction::chosen(FileCommand::SaveAs)),
            ),
            (
                "Vergelijken met het bestand",
                then(FileAction::new(FileCommand::CompareWithFile, path)),
            ),
            (
                "Opnieuw laden",
                vec![
                    Action::CloseDialog,
                    Action::FileConfirmed(FileAction::new(FileCommand::Open, path)),
                ],
            ),
            cancel(),
        ],
    );
}

fn import_preview(ui: &mut egui::Ui, preview: &ImportPreview, actions: &mut Vec<Action>) {
    for warning in &preview.warnings {
        ui.label(RichText::new(warning).color(tokens::WARNING));
    }
    if preview.changes.is_empty() {
        ui.label("Het bestand bevat dezelfde keuzes als de werkmap; er verandert niets.");
    } else {
        ui.label("Deze activiteiten veranderen:");
        egui::Grid::new("import-wijzigingen")
            .striped(true)
            .show(ui, |ui| {
                ui.label(RichText::new("Activiteit").strong());
                ui.label(RichText::new("Nu").strong());
                ui.label(RichText::new("Na importeren").strong());
                ui.end_row();
                for change in &preview.changes {
                    ui.label(format!("{} {}", change.activity, change.title));
                    ui.label(describe(change.before, &change.volume_before));
                    let after = describe(change.after, &change.volume_after);
                    ui.label(if change.note_only {
                        format!("{after} (andere notitie)")
                    } else {
                        after
                    });
                    ui.end_row();
                }
            });
    }
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(!preview.changes.is_empty(), egui::Button::new("Importeren"))
            .clicked()
        {
            actions.push(Action::ConfirmImport(Box::new(preview.clone())));
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}
