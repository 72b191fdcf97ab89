//! Dispatch: every action a frame collected — edits, commands, file operations, dialog answers
//! — applied in one place, after the widgets are laid out.

use super::*;

impl KeuzekaartApp {
    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Edit(edit, at) => {
                let edit = self.aim_at_option(edit);
                let follow = self.option_to_follow(&edit);
                // "Vul aan" reports what it added: keep the choices from before it.
                let before = edit_is_fill(&edit).then(|| self.shown_choices());
                match self.model.apply(edit) {
                    Ok(()) => {
                        self.message = None;
                        if let Some((gemeente, option)) = follow {
                            self.show_option(gemeente, option);
                        }
                        if let Some(before) = before {
                            self.report_fill(ctx, &before);
                        }
                    }
                    Err(refusal) => self.show_message(ctx, refusal.to_string(), at, true),
                }
            }
            Action::ShowOption { gemeente, option } => self.show_option(gemeente, Some(option)),
            Action::StepOption(step) => {
                let gemeente = self.selected_gemeente().to_owned();
                if let Some(plan) = self.model.workbook().plan(&gemeente) {
                    let shown = self.shown_option().unwrap_or(&plan.proposal);
                    let option = plan.option_after(shown, step).to_owned();
                    self.show_option(gemeente, Some(option));
                }
            }
            Action::UndoConfirmed => self.undo(ctx),
            Action::FocusCards => {
                self.navigation.view = View::Drafting;
                self.drafting.focus_cards = true;
            }
            Action::OpenFill => {
                let choices = self.shown_choices();
                if let Some(gemeente) = self
                    .model
                    .workbook()
                    .region
                    .gemeente(self.selected_gemeente())
                {
                    let form = crate::ui::fill_dialog::FillForm::new(
                        self.model.workbook(),
                        gemeente,
                        &choices,
                    );
                    self.dialog = Some(Dialog::Fill(Box::new(form)));
                }
            }
            Action::Compare(columns) => {
                self.compare.columns = columns;
                self.navigation.view = View::Compare;
            }
            Action::Command(command) => self.run_command(ctx, command),
            Action::File(file) if file.replaces_workbook() && self.model.is_dirty() => {
                self.dialog = Some(Dialog::UnsavedChanges { then: file });
            }
            Action::File(file) | Action::FileConfirmed(file) => self.run_file(ctx, file),
            Action::SaveThen(then) => match self.file.clone() {
                Some(path) => self.run_action(ctx, Action::SaveToThen(path, then)),
                // No name yet: ask for one; no name chosen, nothing happens and the work stays.
                None => self.ask_path(PathUse::SaveThen(then)),
            },
            Action::SaveToThen(path, then) => {
                self.save_to(ctx, &path);
                // A failed save keeps its error dialog and the work; only a saved workbook moves on.
                if !self.model.is_dirty() {
                    self.run_file(ctx, then);
                }
            }
            Action::PathTyped {
                purpose,
                request,
                text,
            } => match crate::ui::path_requests::check_typed(&text, &request) {
                Err(error) => {
                    if let Some(Dialog::PathEntry { error: shown, .. }) = &mut self.dialog {
                        *shown = Some(error);
                    }
                }
                Ok(path) => {
                    self.remember_folder(&path);
                    self.dialog = if purpose.writes() && path.exists() {
                        Some(Dialog::ConfirmOverwrite { purpose, path })
                    } else {
                        self.queued.push(purpose.action(path));
                        None
                    };
                }
            },
            Action::SelectGemeente(name) => {
                if self.navigation.gemeente.as_deref() != Some(name.as_str()) {
                    self.message = None;
                }
                self.navigation.gemeente = Some(name);
                self.drafting.reset_notes();
            }
            Action::Restore(copy) => {
                self.replace_model(Model::new(copy.workbook), copy.file);
                self.model.mark_unsaved();
                self.dialog = None;
                self.show_message(
                    ctx,
                    "Het niet-opgeslagen werk is hersteld. Sla het op.".into(),
                    None,
                    false,
                );
            }
            Action::Message(text) => self.show_message(ctx, text, None, true),
            Action::ImportRealisation {
                file,
                cells,
                refused,
                reason,
                mapping,
            } => {
                let count = cells.len();
                let edit = Edit::Progress(crate::core::progress::ProgressEdit::Enter {
                    cells,
                    source: crate::core::progress::Source::Imported(file.clone()),
                    reason,
                    by: self.settings.author.clone(),
                    at: chrono::Local::now().naive_local(),
                });
                self.settings.import_mapping = Some(mapping);
                match self.model.apply(edit) {
                    Ok(()) => {
                        let refused = if refused == 0 {
                            String::new()
                        } else {
                            format!("; {refused} regels geweigerd")
                        };
                        self.show_message(
                            ctx,
                            format!("{count} realisatiecijfers geïmporteerd uit {file}{refused}. Ongedaan maken kan in één stap."),
                            None,
                            false,
                        )
                    }
                    Err(refusal) => self.show_message(ctx, refusal.to_string(), None, true),
                }
            }
            Action::DiscardRecovery => {
                if let Some(autosaver) = &mut self.autosaver {
                    autosaver.discard();
                }
                self.dialog = None;
            }
            Action::ConfirmImport(preview) => {
                let gemeente = preview.plan.gemeente.clone();
                self.dialog = None;
                match self.model.apply(Edit::ImportPlan { plan: preview.plan }) {
                    Ok(()) => {
                        self.navigation.gemeente = Some(gemeente.clone());
                        self.drafting.reset_notes();
                        self.show_message(
                            ctx,
                            format!("De keuzes van {gemeente} zijn geïmporteerd."),
                            None,
                            false,
                        );
                    }
                    Err(refusal) => self.show_message(ctx, refusal.to_string(), None, true),
                }
            }
            Action::OpenDecisionForm(form) => self.dialog = Some(Dialog::Decision(Box::new(form))),
            Action::ShowChanges { title, changes } => {
                self.dialog = Some(Dialog::Changes { title, changes })
            }
            Action::OpenExternally(path) => {
                self.dialog = None;
                if let Err(e) = open::that_detached(&path) {
                    self.show_message(
                        ctx,
                        format!("{} kon niet worden geopend: {e}", display_name(&path)),
                        None,
                        true,
                    );
                }
            }
            Action::Setup(setup) => {
                match self.model.sign_offs_broken_by(&Edit::Setup(setup.clone())) {
                    Err(refusal) => self.show_message(ctx, refusal.to_string(), None, true),
                    Ok(broken) if !broken.is_empty() => {
                        self.dialog = Some(Dialog::ConfirmSetup {
                            title: "Vastgestelde keuzes vervallen".into(),
                            lines: vec![format!("Wijziging: {}.", setup.label())],
                            broken,
                            edit: setup,
                        });
                    }
                    Ok(_) => self.apply_setup(ctx, setup),
                }
            }
            Action::ConfirmSetup(setup) => {
                self.dialog = None;
                self.apply_setup(ctx, setup);
            }
            Action::Notify { text, at, is_error } => self.show_message(ctx, text, at, is_error),
            Action::CloseDialog => self.dialog = None,
        }
    }

    /// Applies a Beheer edit and says at once what it did, naming the gemeenten it got into
    /// trouble (over budget, below a minimum, a sign-off that no longer holds).
    pub(super) fn apply_setup(&mut self, ctx: &egui::Context, setup: SetupEdit) {
        let label = setup.label();
        let generation = self.model.generation();
        if let Err(refusal) = self.model.apply(Edit::Setup(setup)) {
            self.show_message(ctx, refusal.to_string(), None, true);
            return;
        }
        if self.model.generation() == generation {
            // "10,0" for "10": the form differed as text, the card did not.
            self.admin.refill();
            self.show_message(ctx, "Er verandert niets.".into(), None, false);
            return;
        }
        let mut named: Vec<String> = Vec::new();
        for finding in self.model.new_findings() {
            let name = finding
                .gemeente
                .clone()
                .unwrap_or_else(|| "de keuzekaart".to_owned());
            if !named.contains(&name) {
                named.push(name);
            }
        }
        if named.is_empty() {
            self.show_message(ctx, format!("{label}."), None, false);
        } else {
            self.show_message(
                ctx,
                format!(
                    "{label}. Nieuwe fouten bij {}; zie ‘Gevolgen’.",
                    list(&named)
                ),
                None,
                true,
            );
        }
    }

    pub(super) fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        // A message belongs to what the user was doing; moving elsewhere retires it.
        if matches!(
            command,
            UiCommand::ShowDrafting
                | UiCommand::ShowOverview
                | UiCommand::ShowCompare
                | UiCommand::ShowCapacity
                | UiCommand::ShowProgress
                | UiCommand::ShowAdmin
                | UiCommand::PreviousGemeente
                | UiCommand::NextGemeente
        ) {
            self.message = None;
        }
        match command {
            UiCommand::New => self.queued.push(Action::File(FileAction::New)),
            UiCommand::Open => self.ask_path(PathUse::Open),
            UiCommand::Save => self.queued.push(Action::File(FileAction::Save)),
            UiCommand::SaveAs => self.ask_path(PathUse::SaveAs),
            UiCommand::ExportGemeente => self.ask_path(PathUse::ExportGemeente),
            UiCommand::ImportGemeente => self.ask_path(PathUse::ImportGemeente),
            UiCommand::ExportAnnex
            | UiCommand::ExportAnnexGemeente
            | UiCommand::ExportReviewCopy => self.ask_path(PathUse::ExportAnnex {
                only_shown: command == UiCommand::ExportAnnexGemeente,
                review: command == UiCommand::ExportReviewCopy,
            }),
            UiCommand::CompareWithFile => self.ask_path(PathUse::CompareWith),
            UiCommand::Quit => self.queued.push(Action::File(FileAction::Quit)),
            UiCommand::Undo if self.model.undo_takes_back_a_decision() => {
                self.dialog = Some(Dialog::ConfirmUndo {
                    label: self.model.undo_label().unwrap_or_default().to_owned(),
                });
            }
            UiCommand::Undo => self.undo(ctx),
            UiCommand::Redo => match self.model.redo() {
                Some(label) => self.show_message(ctx, format!("Opnieuw: {label}"), None, false),
                None => {
                    self.show_message(ctx, "Er is niets om opnieuw te doen.".into(), None, false)
                }
            },
            UiCommand::ShowDrafting => self.navigation.view = View::Drafting,
            UiCommand::ShowOverview => self.navigation.view = View::Overview,
            UiCommand::ShowAdmin => self.navigation.view = View::Admin,
            UiCommand::ShowCapacity => self.navigation.view = View::Capacity,
            UiCommand::ShowProgress => self.navigation.view = View::Progress,
            UiCommand::ExportExcel => self.ask_path(PathUse::ExportExcel),
            UiCommand::ImportRealisation => self.ask_path(PathUse::ImportRealisation),
            UiCommand::ExportProgressReport => self.ask_path(PathUse::ExportProgressReport),
            UiCommand::Present => self.toggle_presentation(ctx),
            UiCommand::ShowCompare => {
                if let Some(gemeente) = self
                    .model
                    .workbook()
                    .region
                    .gemeente(self.selected_gemeente())
                    .cloned()
                {
                    self.compare.default_for(self.model.workbook(), &gemeente);
                }
                self.navigation.view = View::Compare;
            }
            UiCommand::ExportCard => self.ask_path(PathUse::ExportCard),
            UiCommand::ImportCard => self.ask_path(PathUse::ImportCard),
            UiCommand::NextTerm => self.queued.push(Action::File(FileAction::NextTerm)),
            UiCommand::PreviousGemeente | UiCommand::NextGemeente => {
                let names: Vec<&str> = self
                    .model
                    .workbook()
                    .region
                    .gemeenten
                    .iter()
                    .map(|g| g.name.as_str())
                    .collect();
                if let Some(index) = names.iter().position(|n| *n == self.selected_gemeente()) {
                    let next = if command == UiCommand::NextGemeente {
                        (index + 1) % names.len()
                    } else {
                        (index + names.len() - 1) % names.len()
                    };
                    self.navigation.gemeente = Some(names[next].to_owned());
                    self.drafting.reset_notes();
                }
            }
            UiCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            UiCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            UiCommand::ZoomReset => ctx.set_zoom_factor(1.0),
        }
        if self.presentation.is_none() {
            self.settings.zoom = ctx.zoom_factor();
        }
    }

    /// Takes back the last edit and says which.
    fn undo(&mut self, ctx: &egui::Context) {
        match self.model.undo() {
            Some(label) => {
                self.show_message(ctx, format!("Ongedaan gemaakt: {label}"), None, false)
            }
            None => self.show_message(ctx, "Er is niets om ongedaan te maken.".into(), None, false),
        }
    }
}
