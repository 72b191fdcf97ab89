//! Dispatch: every action a frame collected — edits, commands, file operations, dialog answers
//! — applied in one place, after the widgets are laid out. Each arm hands its action to one
//! small method.

use super::*;

impl KeuzekaartApp {
    pub(super) fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Edit(edit, at) => self.run_edit(ctx, edit, at),
            Action::ShowOption { gemeente, option } => self.show_option(gemeente, Some(option)),
            Action::StepOption(step) => self.step_option(step),
            Action::UndoConfirmed => self.undo(ctx),
            Action::FocusCards => {
                self.navigation.view = View::Drafting;
                self.drafting.focus_cards = true;
            }
            Action::OpenFill => self.open_fill(),
            Action::OpenWhatIf => self.open_what_if(),
            Action::Compare(columns) => {
                self.compare.columns = columns;
                self.navigation.view = View::Compare;
            }
            Action::Command(command) => self.run_command(ctx, command),
            Action::File(file) if file.replaces_workbook() && self.model.is_dirty() => {
                self.dialog = Some(Dialog::UnsavedChanges { then: file });
            }
            Action::File(file) | Action::FileConfirmed(file) => self.run_file(ctx, file),
            Action::OpenReadOnly(path) => self.open_now(ctx, &path, true),
            Action::SaveThen(then) => self.save_then(ctx, then),
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
            } => self.path_typed(purpose, &request, &text),
            Action::SelectGemeente(name) => self.select_gemeente(name),
            Action::Restore(copy) => self.restore(ctx, *copy),
            Action::Message(text) => self.show_message(ctx, text, None, true),
            Action::ImportRealisation {
                source,
                cells,
                refused,
                reason,
                mapping,
            } => self.import_realisation(ctx, source, cells, refused, reason, mapping),
            Action::DiscardRecovery => {
                if let Some(autosaver) = &mut self.autosaver {
                    autosaver.discard();
                }
                self.dialog = None;
            }
            Action::ConfirmImport(preview) => self.confirm_import(ctx, *preview),
            Action::OpenDecisionForm { gemeente, side } => {
                let form = signoff_panel::DecisionForm::new(&gemeente, side);
                self.dialog = Some(Dialog::Decision(Box::new(form)));
            }
            Action::ShowChanges { title, changes } => {
                self.dialog = Some(Dialog::Changes { title, changes })
            }
            Action::ConfirmReseal(question) => self.dialog = Some(Dialog::ConfirmReseal(question)),
            Action::OpenExternally(path) => self.open_externally(ctx, &path),
            Action::ChooseCertificate => self.choose_certificate(),
            Action::SignAnnex => self.sign_annex(ctx),
            Action::Setup(setup) => self.setup(ctx, setup),
            Action::ConfirmSetup(setup) => {
                self.dialog = None;
                self.apply_setup(ctx, setup);
            }
            Action::Notify { text, at, is_error } => self.show_message(ctx, text, at, is_error),
            Action::CloseDialog => self.dialog = None,
            session @ (Action::StartSession { .. }
            | Action::JoinSession { .. }
            | Action::AnswerSeat { .. }
            | Action::TakeBackSeat(_)) => self.session_action(ctx, session),
        }
    }

    /// Saves, then does `then`; without a file name yet, asks for one first (no name chosen:
    /// nothing happens and the work stays).
    fn save_then(&mut self, ctx: &egui::Context, then: FileAction) {
        match self.file.clone() {
            Some(path) => self.run_action(ctx, Action::SaveToThen(path, then)),
            None => self.ask_path(PathFor {
                command: FileCommand::SaveAs,
                then: Some(Box::new(then)),
            }),
        }
    }

    /// Applies an edit through the model; a refusal is shown where the user acted.
    fn run_edit(&mut self, ctx: &egui::Context, edit: Edit, at: Option<Pos2>) {
        // In a session an edit goes to the session, which applies it everywhere or refuses it.
        if self.session.live.is_some() {
            self.session_edit(ctx, edit, at);
            return;
        }
        let edit = self.aim_at_option(edit);
        // A sign-off step goes into the workbook's history with who made it and when.
        let edit = match edit {
            Edit::SignOff { .. } => Edit::Recorded {
                edit: Box::new(edit),
                by: self.author(),
                at: chrono::Local::now().naive_local(),
            },
            other => other,
        };
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

    /// Shows the next (+1) or previous (-1) option of the shown gemeente.
    fn step_option(&mut self, step: i32) {
        let gemeente = self.selected_gemeente().to_owned();
        if let Some(plan) = self.model.workbook().plan(&gemeente) {
            let shown = self.shown_option().unwrap_or(&plan.proposal);
            let option = plan.option_after(shown, step).to_owned();
            self.show_option(gemeente, Some(option));
        }
    }

    /// Opens "Vul aan" for the gemeente and option in view.
    fn open_fill(&mut self) {
        let choices = self.shown_choices();
        if let Some(gemeente) = self
            .model
            .workbook()
            .region
            .gemeente(self.selected_gemeente())
        {
            let form =
                crate::ui::fill_dialog::FillForm::new(self.model.workbook(), gemeente, &choices);
            self.dialog = Some(Dialog::Fill(Box::new(form)));
        }
    }

    /// Opens *Wat als…* for the gemeente and option in view.
    fn open_what_if(&mut self) {
        let gemeente = self.selected_gemeente().to_owned();
        let Some(plan) = self.model.workbook().plan(&gemeente) else {
            return;
        };
        let option = self.shown_option().unwrap_or(&plan.proposal).to_owned();
        let form = crate::ui::what_if_dialog::WhatIfForm::new(
            self.model.workbook(),
            &gemeente,
            &option,
            self.shown_choices(),
        );
        self.dialog = Some(Dialog::WhatIf(Box::new(form)));
    }

    /// Checks a path typed by hand and uses it, after asking before a file is overwritten.
    fn path_typed(&mut self, purpose: PathFor, request: &PickRequest, text: &str) {
        match crate::ui::path_requests::check_typed(text, request) {
            Err(error) => {
                if let Some(Dialog::PathEntry { error: shown, .. }) = &mut self.dialog {
                    *shown = Some(error);
                }
            }
            Ok(path) => {
                self.remember_folder(&path);
                self.dialog = if request.save && path.exists() {
                    Some(Dialog::ConfirmOverwrite { purpose, path })
                } else {
                    self.queued.push(purpose.action(path));
                    None
                };
            }
        }
    }

    fn select_gemeente(&mut self, name: String) {
        if self.navigation.gemeente.as_deref() != Some(name.as_str()) {
            self.message = None;
        }
        self.navigation.gemeente = Some(name);
        self.drafting.reset_notes();
    }

    /// Puts back the recovery copy found at start, as unsaved work.
    fn restore(&mut self, ctx: &egui::Context, copy: RecoveryCopy) {
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

    /// Enters the figures of a realisation import the user looked at, as one edit, and
    /// remembers the column mapping.
    fn import_realisation(
        &mut self,
        ctx: &egui::Context,
        source: crate::core::progress::Source,
        cells: Vec<crate::core::progress::CellValue>,
        refused: usize,
        reason: String,
        mapping: crate::spreadsheet::RememberedMapping,
    ) {
        let count = cells.len();
        let file = match &source {
            crate::core::progress::Source::Imported { file, .. } => file.clone(),
            _ => String::new(),
        };
        let edit = Edit::Progress(crate::core::progress::ProgressEdit::Enter {
            cells,
            source,
            reason,
            by: self.author(),
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

    /// Applies a gemeente's import the user looked at.
    fn confirm_import(&mut self, ctx: &egui::Context, preview: storage::ImportPreview) {
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

    /// Opens a file (the annex PDF) with the system's viewer.
    fn open_externally(&mut self, ctx: &egui::Context, path: &Path) {
        self.dialog = None;
        if let Err(e) = open::that_detached(path) {
            self.show_message(
                ctx,
                format!("{} kon niet worden geopend: {e}", display_name(path)),
                None,
                true,
            );
        }
    }

    /// A Beheer edit: applied at once, or asked about first when it breaks agreed sign-offs.
    fn setup(&mut self, ctx: &egui::Context, setup: SetupEdit) {
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
        if command.moves_elsewhere() {
            self.message = None;
        }
        match command {
            UiCommand::File(file) => self.run_action(ctx, Action::File(FileAction::chosen(file))),
            UiCommand::Show(view) => self.show_screen(view),
            UiCommand::Undo | UiCommand::Redo
                if self.session_history(ctx, command == UiCommand::Redo) => {}
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
            UiCommand::Present => self.toggle_presentation(ctx),
            UiCommand::PreviousGemeente => self.step_gemeente(-1),
            UiCommand::NextGemeente => self.step_gemeente(1),
            UiCommand::ZoomIn => egui::gui_zoom::zoom_in(ctx),
            UiCommand::ZoomOut => egui::gui_zoom::zoom_out(ctx),
            UiCommand::ZoomReset => ctx.set_zoom_factor(1.0),
            UiCommand::StartSession => self.open_start_session(),
            UiCommand::JoinSession => self.open_join_session(),
            UiCommand::NewSessionCode => self.new_session_code(ctx),
            UiCommand::LeaveSession => self.leave_session(ctx),
        }
        if self.presentation.is_none() {
            self.settings.zoom = ctx.zoom_factor();
        }
    }

    /// Shows a screen; Vergelijken starts on the shown gemeente's options.
    fn show_screen(&mut self, view: View) {
        if view == View::Compare
            && let Some(gemeente) = self
                .model
                .workbook()
                .region
                .gemeente(self.selected_gemeente())
                .cloned()
        {
            self.compare.default_for(self.model.workbook(), &gemeente);
        }
        self.navigation.view = view;
    }

    /// Shows the gemeente below (+1) or above (-1) the shown one in the list, round the end.
    fn step_gemeente(&mut self, step: isize) {
        let names: Vec<&str> = self
            .model
            .workbook()
            .region
            .gemeenten
            .iter()
            .map(|g| g.name.as_str())
            .collect();
        if let Some(index) = names.iter().position(|n| *n == self.selected_gemeente()) {
            let next = (index as isize + step).rem_euclid(names.len() as isize) as usize;
            self.navigation.gemeente = Some(names[next].to_owned());
            self.drafting.reset_notes();
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
