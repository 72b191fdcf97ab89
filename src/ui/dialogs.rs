//! The app's dialogs: unsaved changes, recovery, errors, import previews, a path typed by hand
//! when no file dialog could be shown, as modal windows. The file dialogs are in `file_picker`.

use std::path::PathBuf;

use egui::RichText;

use super::action::{Action, FileAction};
use super::design_tokens as tokens;
use super::file_picker::display_name;
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
    /// What importing a gemeente's file would change: Importeren / Annuleren.
    Import(Box<ImportPreview>),
    /// Realisation figures from a spreadsheet: mapping and preview.
    ImportRealisation(Box<super::import_dialog::RealisationImport>),
    /// The form to record a decision of the college or WerkBedrijf.
    Decision(Box<DecisionForm>),
    /// "Vul aan": the priority order of activities to fill.
    Fill(Box<super::fill_dialog::FillForm>),
    /// Undo would take back a recorded decision: asked first, since one keystroke should not
    /// undo what a college or WerkBedrijf decided.
    ConfirmUndo {
        /// The undo's label ("Besluit WerkBedrijf: Akkoord").
        label: String,
    },
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
    /// No file dialog could be shown: the path typed by hand, checked like a chosen one.
    PathEntry {
        /// What the path is for.
        purpose: super::path_requests::PathUse,
        /// What was asked of the dialog (title, kind, suggested name).
        request: super::file_picker::PickRequest,
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
        purpose: super::path_requests::PathUse,
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
            Dialog::Error { title, .. } => title.clone(),
            Dialog::Import(preview) => format!("Keuzes van {} importeren", preview.plan.gemeente),
            Dialog::Decision(form) => format!("Besluit vastleggen: {}", form.gemeente),
            Dialog::Changes { title, .. } | Dialog::ConfirmSetup { title, .. } => title.clone(),
            Dialog::AnnexWritten { .. } => "Bijlage gemaakt".into(),
            Dialog::InUse { .. } => "Bestand is al geopend".into(),
            Dialog::PathEntry { request, .. } => request.title.clone(),
            Dialog::ConfirmOverwrite { .. } => "Bestand bestaat al".into(),
            Dialog::ChangedOnDisk { .. } => "Bestand is intussen veranderd".into(),
            Dialog::Fill(form) => format!("Vul aan: {}", form.gemeente),
            Dialog::ImportRealisation(_) => "Realisatie importeren".into(),
            Dialog::ConfirmUndo { .. } => "Besluit ongedaan maken?".into(),
        }
    }
}

/// Shows the dialog as a modal window and reports the user's answer as actions.
pub fn show(ctx: &egui::Context, dialog: &mut Dialog, actions: &mut Vec<Action>) {
    let response = egui::Modal::new(egui::Id::unique("dialoog")).show(ctx, |ui| {
        ui.set_max_width(520.0);
        crate::ui::painted::heading(ui, dialog.title());
        ui.add_space(tokens::SPACE_M);
        match dialog {
            Dialog::UnsavedChanges { then } => {
                let what = match then {
                    FileAction::Quit => "Wilt u de wijzigingen opslaan voordat u afsluit?",
                    FileAction::New => "Wilt u de wijzigingen opslaan voordat u een nieuwe werkmap begint?",
                    _ => "Wilt u de wijzigingen opslaan voordat u een ander bestand opent?",
                };
                ui.label(what);
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Opslaan").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::SaveThen(then.clone()));
                    }
                    if ui.button("Niet opslaan").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::FileConfirmed(then.clone()));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Recovery(copy) => {
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
                ui.horizontal(|ui| {
                    if ui.button("Herstellen").clicked() {
                        actions.push(Action::Restore(copy.clone()));
                    }
                    if ui.button("Weggooien").clicked() {
                        actions.push(Action::DiscardRecovery);
                    }
                });
            }
            Dialog::Error { text, .. } => {
                ui.label(RichText::new(text.as_str()).color(tokens::ERROR));
                ui.add_space(tokens::SPACE_M);
                if ui.button("Sluiten").clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::Decision(form) => signoff_panel::decision_form(ui, form, actions),
            Dialog::Fill(form) => super::fill_dialog::show(ui, form, actions),
            Dialog::ImportRealisation(form) => super::import_dialog::show(ui, form, actions),
            Dialog::ConfirmUndo { label } => {
                ui.label(format!(
                    "Ongedaan maken neemt het vastgelegde besluit terug: {label}. \
                     De status van de keuzes gaat terug naar wat hij ervoor was."
                ));
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Besluit ongedaan maken").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::UndoConfirmed);
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::AnnexWritten { path, replaced } => {
                ui.label(format!("De bijlage staat in {}.", path.display()));
                if !replaced.is_empty() {
                    ui.add_space(tokens::SPACE_S);
                    ui.label(
                        RichText::new("Niet alle tekst kon worden gedrukt zoals hij is ingevoerd:")
                            .color(tokens::WARNING),
                    );
                    egui::ScrollArea::vertical().max_height(160.0).show(ui, |ui| {
                        for line in replaced.iter() {
                            ui.label(format!("• {line}."));
                        }
                    });
                }
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Openen").clicked() {
                        actions.push(Action::OpenExternally(path.clone()));
                    }
                    if ui.button("Sluiten").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmSetup {
                lines,
                broken,
                edit,
                ..
            } => {
                for line in lines.iter() {
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
                ui.horizontal(|ui| {
                    let confirm = if broken.is_empty() { "Toepassen" } else { "Toch wijzigen" };
                    if ui.button(confirm).clicked() {
                        actions.push(Action::ConfirmSetup(edit.clone()));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::PathEntry {
                purpose,
                request,
                text,
                reason,
                error,
                focus,
            } => {
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
                ui.horizontal(|ui| {
                    let ok = if request.save { "Opslaan" } else { "Openen" };
                    if ui.button(ok).clicked() || entered {
                        actions.push(Action::PathTyped {
                            purpose: purpose.clone(),
                            request: request.clone(),
                            text: text.clone(),
                        });
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmOverwrite { purpose, path } => {
                ui.label(format!(
                    "{} bestaat al. Wilt u het vervangen?",
                    display_name(path)
                ));
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Vervangen").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(purpose.clone().action(path.clone()));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::InUse { path, owner } => {
                ui.label(format!(
                    "{} is geopend door {owner}. Als u het ook bewerkt, overschrijft de een het werk \
                     van de ander. U kunt het alleen-lezen openen en uw wijzigingen met Opslaan als… \
                     onder een andere naam bewaren.",
                    display_name(path)
                ));
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Alleen-lezen openen").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::FileConfirmed(FileAction::OpenReadOnly(path.clone())));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ChangedOnDisk { path } => {
                ui.label(format!(
                    "{} is veranderd sinds u het opende, waarschijnlijk door iemand anders. Er is niets \
                     opgeslagen, zodat geen van beide versies verloren gaat.",
                    display_name(path)
                ));
                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.button("Opslaan als…").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::Command(super::commands::UiCommand::SaveAs));
                    }
                    if ui.button("Vergelijken met het bestand").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::File(FileAction::CompareWith(path.clone())));
                    }
                    if ui.button("Opnieuw laden").clicked() {
                        actions.push(Action::CloseDialog);
                        actions.push(Action::FileConfirmed(FileAction::Open(path.clone())));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::Changes { changes, .. } => {
                signoff_panel::changes_table(ui, changes);
                ui.add_space(tokens::SPACE_M);
                if ui.button("Sluiten").clicked() {
                    actions.push(Action::CloseDialog);
                }
            }
            Dialog::Import(preview) => {
                for warning in &preview.warnings {
                    ui.label(RichText::new(warning).color(tokens::WARNING));
                }
                if preview.changes.is_empty() {
                    ui.label("Het bestand bevat dezelfde keuzes als de werkmap; er verandert niets.");
                } else {
                    ui.label("Deze activiteiten veranderen:");
                    egui::Grid::new("import-wijzigingen").striped(true).show(ui, |ui| {
                        ui.label(RichText::new("Activiteit").strong());
                        ui.label(RichText::new("Nu").strong());
                        ui.label(RichText::new("Na importeren").strong());
                        ui.end_row();
                        for change in &preview.changes {
                            ui.label(format!("{} {}", change.activity, change.title));
                            ui.label(describe(change.before, &change.volume_before));
                            let after = describe(change.after, &change.volume_after);
                            ui.label(if change.note_only { format!("{after} (andere notitie)") } else { after });
                            ui.end_row();
                        }
                    });
                }
                                ui.add_space(tokens::SPACE_M);
                ui.horizontal(|ui| {
                    if ui.add_enabled(!preview.changes.is_empty(), egui::Button::new("Importeren")).clicked() {
                        actions.push(Action::ConfirmImport(preview.clone()));
                    }
                    if ui.button("Annuleren").clicked() {
                        actions.push(Action::CloseDialog);
                    }
                });
            }
        }
    });
    if response.should_close() && !matches!(dialog, Dialog::Recovery(_)) {
        actions.push(Action::CloseDialog);
    }
}
