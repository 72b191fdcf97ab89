//! The app: holds the open document and the remembered settings, lays out the panels, and turns
//! the actions the screens report into edits, file operations and commands.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Pos2, RichText, Ui};

use super::commands::UiCommand;
use super::design_tokens as tokens;
use super::dialogs::{self, Dialog};
use super::file_picker::Picked;
use super::path_requests::PathUse;
use super::settings::{Settings, View};
use super::{
    admin, capacity_view, charts, compare_view, drafting, options_bar, overview, signoff_panel,
};
use crate::core::money::format_number;
use crate::core::rules::{Severity, has_errors};
use crate::core::setup::SetupEdit;
use crate::core::words::list;
use crate::core::{Edit, Model, Workbook};
use crate::storage::paths::{AppPaths, remember};
use crate::storage::recovery::{AUTOSAVE_INTERVAL, Autosaver, RecoveryCopy, read_recovery};
use crate::storage::{self, ImportPreview};

/// A file operation, after any dialog has given its path. Tests give the path directly, so they
/// run the same code as the menus without a native dialog.
#[derive(Clone, Debug, PartialEq)]
pub enum FileAction {
    /// A new workbook on the bundled card.
    New,
    /// Open this workbook file.
    Open(PathBuf),
    /// Open this workbook file read-only (another instance has it open).
    OpenReadOnly(PathBuf),
    /// Save to the current file.
    Save,
    /// Save to this file, which becomes the current file.
    SaveAs(PathBuf),
    /// Write the shown gemeente's choices to this exchange file.
    ExportGemeente(PathBuf),
    /// Read an exchange file and show what importing it would change.
    ImportGemeente(PathBuf),
    /// Compare the shown gemeente's choices with those in another workbook file.
    CompareWith(PathBuf),
    /// Print the annex to this PDF file.
    ExportAnnex {
        /// The PDF to write.
        path: PathBuf,
        /// Only the shown gemeente's article.
        only_shown: bool,
        /// The review copy.
        review: bool,
    },
    /// Write the card alone to this file.
    ExportCard(PathBuf),
    /// Read a card file and ask before replacing the card with it.
    ImportCard(PathBuf),
    /// Replace the open workbook with one for the next term, started from this one.
    NextTerm,
    /// Close the window.
    Quit,
}

impl FileAction {
    /// Whether the action replaces the open workbook, so unsaved changes must be asked about.
    fn replaces_workbook(&self) -> bool {
        matches!(
            self,
            FileAction::New
                | FileAction::Open(_)
                | FileAction::OpenReadOnly(_)
                | FileAction::NextTerm
                | FileAction::Quit
        )
    }
}

/// Something a screen asks the app to do; applied after the frame's widgets are laid out, so every
/// change goes through [`Model::apply`], a [`FileAction`] or a [`UiCommand`].
#[derive(Clone, Debug)]
pub enum Action {
    /// Apply an edit; `at` is where to show a refusal (the drop point or the button).
    Edit(Edit, Option<Pos2>),
    /// Run a command.
    Command(UiCommand),
    /// Do a file operation.
    File(FileAction),
    /// Do a file operation without asking about unsaved changes (the user already answered).
    FileConfirmed(FileAction),
    /// Save (asking for a name if the workbook has none), then, only if that worked, do the file
    /// operation the unsaved-changes question was about.
    SaveThen(FileAction),
    /// Show another gemeente.
    SelectGemeente(String),
    /// Restore the recovery copy found at start.
    Restore(Box<RecoveryCopy>),
    /// Throw the recovery copy away.
    DiscardRecovery,
    /// Apply an import the user has looked at.
    ConfirmImport(Box<ImportPreview>),
    /// Open the form to record a decision.
    OpenDecisionForm(super::signoff_panel::DecisionForm),
    /// Show what changed between two versions.
    ShowChanges {
        /// Which versions.
        title: String,
        /// The changes.
        changes: Vec<crate::core::diff::ChoiceChange>,
    },
    /// Open a file (the annex PDF) with the system's viewer.
    OpenExternally(PathBuf),
    /// Show another option of a gemeente's plan.
    ShowOption {
        /// The gemeente.
        gemeente: String,
        /// The option's name.
        option: String,
    },
    /// Show the next (+1) or previous (-1) option of the shown gemeente (presentation arrows).
    StepOption(i32),
    /// Open "Vul aan" for the gemeente and option in view.
    OpenFill,
    /// Open the compare view on these columns.
    Compare(Vec<crate::core::compare::Column>),
    /// Apply a Beheer edit, after warning when it breaks agreed sign-offs.
    Setup(SetupEdit),
    /// Apply a Beheer edit the user confirmed.
    ConfirmSetup(SetupEdit),
    /// Show a message (a form's complaint about what was typed).
    Notify {
        /// The message, in Dutch.
        text: String,
        /// Where to show it.
        at: Option<Pos2>,
        /// Whether it reports a problem.
        is_error: bool,
    },
    /// Close the open dialog.
    CloseDialog,
    /// Save to this path, then, only if that worked, do the file operation.
    SaveToThen(PathBuf, FileAction),
    /// A path typed by hand because no file dialog could be shown; checked, then used.
    PathTyped {
        /// What it is for.
        purpose: super::path_requests::PathUse,
        /// What was asked.
        request: super::file_picker::PickRequest,
        /// The text typed.
        text: String,
    },
}

/// A short message shown where the user is looking, and in the status bar.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    pub text: String,
    pub at: Option<Pos2>,
    pub shown_at: f64,
    pub is_error: bool,
}

/// What presentation mode puts back when it ends: the view, gemeente, options in view, zoom and
/// look as they were. The cards keep their own scroll position (presentation scrolls separately).
struct Presentation {
    view: View,
    gemeente: Option<String>,
    options_in_view: std::collections::BTreeMap<String, String>,
    zoom: f32,
    visuals: egui::Visuals,
}

/// How long a message stays next to the pointer, in seconds.
const MESSAGE_SECONDS: f64 = 4.0;

/// How the app starts: which workbook, which settings, where its own files live.
pub struct Startup {
    /// A workbook file to open (from the command line).
    pub file: Option<PathBuf>,
    /// A workbook to open instead of the bundled one (tests, benchmarks).
    pub workbook: Option<Workbook>,
    /// The remembered settings.
    pub settings: Settings,
    /// Where recent files and the recovery copy live; `None` keeps nothing on disk.
    pub paths: Option<AppPaths>,
    /// How often unsaved work is copied for recovery.
    pub autosave_interval: Duration,
    /// How the app asks for a file: the native dialog, or scripted answers in tests.
    pub picker: Option<Box<dyn super::file_picker::FilePicker>>,
}

impl Default for Startup {
    fn default() -> Self {
        Startup {
            file: None,
            workbook: None,
            settings: Settings::default(),
            paths: None,
            autosave_interval: AUTOSAVE_INTERVAL,
            picker: None,
        }
    }
}

/// The Keuzekaart app.
pub struct KeuzekaartApp {
    model: Model,
    file: Option<PathBuf>,
    /// The open file's content as last read or written here, to notice a save by someone else.
    stamp: Option<storage::FileStamp>,
    /// The lock file that tells other instances this app has the file open.
    lock: Option<storage::lock::Lock>,
    /// Set when the file was opened read-only because someone else has it: who.
    read_only: Option<String>,
    /// Asks the user for paths (the native file dialog in the app).
    picker: Box<dyn super::file_picker::FilePicker>,
    /// The folder of the last path chosen, where the next file dialog starts.
    last_folder: Option<PathBuf>,
    settings: Settings,
    paths: Option<AppPaths>,
    recent: Vec<PathBuf>,
    autosaver: Option<Autosaver>,
    dialog: Option<Dialog>,
    message: Option<Message>,
    drafting: drafting::DraftingState,
    admin: admin::AdminState,
    /// Per gemeente, the option in view when it is not the proposal.
    options_in_view: std::collections::BTreeMap<String, String>,
    /// The workbook as the drafting screen shows it with another option in view, rebuilt only
    /// when the model, the gemeente or the option changes: (generation, gemeente, option, copy).
    option_view: Option<(u64, String, String, Workbook)>,
    options_bar: options_bar::OptionsBar,
    compare: compare_view::CompareState,
    capacity: crate::core::capacity::CapacityAssumptions,
    capacity_cache: capacity_view::CapacityCache,
    /// In presentation mode: everything needed to return to exactly the earlier view.
    presentation: Option<Presentation>,
    queued: Vec<Action>,
    allow_close: bool,
    title: String,
    /// Set when the start-up measurement asked to close after the first frame.
    first_frame_probe: Option<std::time::Instant>,
}

impl KeuzekaartApp {
    /// Creates the app as eframe starts it: settings from eframe's storage, the user's folders
    /// from the platform, the file from the command line if given, else the bundled workbook.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::STORAGE_KEY))
            .unwrap_or_default();
        let startup = Startup {
            file,
            settings,
            paths: AppPaths::from_env(),
            ..Startup::default()
        };
        let mut app = Self::start(&cc.egui_ctx, startup);
        app.first_frame_probe = super::first_frame_probe();
        app
    }

    /// Creates the app on a given workbook and settings, keeping nothing on disk (tests).
    pub fn with_workbook(ctx: &egui::Context, workbook: Workbook, settings: Settings) -> Self {
        Self::start(
            ctx,
            Startup {
                workbook: Some(workbook),
                settings,
                ..Startup::default()
            },
        )
    }

    /// Creates the app from a [`Startup`].
    pub fn start(ctx: &egui::Context, startup: Startup) -> Self {
        // Our own zoom commands handle Ctrl+plus/minus; egui's built-in ones would zoom twice.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // A light theme: it reads best on a projector and matches the printed card.
        ctx.set_theme(egui::Theme::Light);
        // Labels are read, not selected: without selection tracking every label costs less in a
        // frame, which counts while a drag redraws the screen.
        ctx.all_styles_mut(|style| style.interaction.selectable_labels = false);
        ctx.set_zoom_factor(startup.settings.zoom.clamp(0.5, 3.0));
        let recent = startup
            .paths
            .as_ref()
            .map(AppPaths::read_recent)
            .unwrap_or_default();
        let autosaver = startup
            .paths
            .as_ref()
            .map(|p| Autosaver::new(p.recovery_file(), startup.autosave_interval));
        let recovery = startup
            .paths
            .as_ref()
            .and_then(|p| read_recovery(&p.recovery_file()));
        let mut settings = startup.settings;
        // Beheer is entered on purpose, never restored: an official starts on the choices.
        if settings.view == View::Admin {
            settings.view = View::Drafting;
        }
        let mut app = KeuzekaartApp {
            model: Model::new(startup.workbook.unwrap_or_else(Workbook::bundled)),
            file: None,
            stamp: None,
            lock: None,
            read_only: None,
            picker: startup
                .picker
                .unwrap_or_else(|| Box::new(super::file_picker::NativePicker)),
            last_folder: None,
            settings,
            paths: startup.paths,
            recent,
            autosaver,
            dialog: None,
            message: None,
            drafting: drafting::DraftingState::default(),
            admin: admin::AdminState::default(),
            options_in_view: Default::default(),
            option_view: None,
            options_bar: Default::default(),
            compare: Default::default(),
            capacity: crate::core::capacity::CapacityAssumptions::bundled(),
            capacity_cache: Default::default(),
            presentation: None,
            queued: Vec::new(),
            allow_close: false,
            title: String::new(),
            first_frame_probe: None,
        };
        if let Some(file) = startup.file {
            app.open_now(ctx, &file, false);
        }
        match recovery {
            Some(Ok(copy)) => app.dialog = Some(Dialog::Recovery(Box::new(copy))),
            Some(Err(e)) => {
                app.dialog = Some(Dialog::Error {
                    title: "Herstelbestand onleesbaar".into(),
                    text: format!("Er is een herstelbestand, maar het is niet te lezen: {e}"),
                })
            }
            None => {}
        }
        app.ensure_gemeente();
        app
    }

    /// The open model (for tests and benchmarks).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The file the workbook belongs to, if it has been saved or opened.
    pub fn file(&self) -> Option<&Path> {
        self.file.as_deref()
    }

    /// The gemeente being shown.
    pub fn selected_gemeente(&self) -> &str {
        self.settings.gemeente.as_deref().unwrap_or_default()
    }

    /// The current message in the status bar, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
    }

    /// The title of the open dialog, if any.
    pub fn dialog_title(&self) -> Option<String> {
        self.dialog.as_ref().map(Dialog::title)
    }

    /// The recently opened files, newest first.
    pub fn recent_files(&self) -> &[PathBuf] {
        &self.recent
    }

    /// The window title: file name, unsaved marker, app name.
    pub fn window_title(&self) -> String {
        let name = self
            .file
            .as_ref()
            .and_then(|f| f.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "Naamloos".to_owned());
        let dirty = if self.model.is_dirty() { " ●" } else { "" };
        let read_only = if self.read_only.is_some() {
            " (alleen-lezen)"
        } else {
            ""
        };
        format!("{name}{dirty}{read_only} — Keuzekaart")
    }

    /// Queues a file operation as if chosen from the menu after its dialog (tests give the path).
    pub fn file_action(&mut self, action: FileAction) {
        self.queued.push(Action::File(action));
    }

    fn ensure_gemeente(&mut self) {
        let region = &self.model.workbook().region;
        let known = self
            .settings
            .gemeente
            .as_deref()
            .is_some_and(|name| region.gemeente(name).is_some());
        if !known {
            self.settings.gemeente = region.gemeenten.first().map(|g| g.name.clone());
        }
    }

    fn show_message(
        &mut self,
        ctx: &egui::Context,
        text: String,
        at: Option<Pos2>,
        is_error: bool,
    ) {
        let shown_at = ctx.input(|i| i.time);
        self.message = Some(Message {
            text,
            at,
            shown_at,
            is_error,
        });
        ctx.request_repaint_after(Duration::from_secs_f64(MESSAGE_SECONDS));
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
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
                    Err(refusal) => self.show_message(ctx, refusal.0, at, true),
                }
            }
            Action::ShowOption { gemeente, option } => self.show_option(gemeente, Some(option)),
            Action::StepOption(step) => {
                let gemeente = self.selected_gemeente().to_owned();
                if let Some(plan) = self.model.workbook().plan(&gemeente) {
                    let names = plan.option_names();
                    let shown = self.shown_option().unwrap_or(&plan.proposal);
                    let index = names.iter().position(|n| *n == shown).unwrap_or(0) as i32;
                    let next = (index + step).rem_euclid(names.len() as i32) as usize;
                    let option = names[next].to_owned();
                    self.show_option(gemeente, Some(option));
                }
            }
            Action::OpenFill => {
                let choices = self.shown_choices();
                if let Some(gemeente) = self
                    .model
                    .workbook()
                    .region
                    .gemeente(self.selected_gemeente())
                {
                    let form = super::fill_dialog::FillForm::new(
                        self.model.workbook(),
                        gemeente,
                        &choices,
                    );
                    self.dialog = Some(Dialog::Fill(Box::new(form)));
                }
            }
            Action::Compare(columns) => {
                self.compare.columns = columns;
                self.settings.view = View::Compare;
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
            } => match super::path_requests::check_typed(&text, &request) {
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
                if self.settings.gemeente.as_deref() != Some(name.as_str()) {
                    self.message = None;
                }
                self.settings.gemeente = Some(name);
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
                        self.settings.gemeente = Some(gemeente.clone());
                        self.drafting.reset_notes();
                        self.show_message(
                            ctx,
                            format!("De keuzes van {gemeente} zijn geïmporteerd."),
                            None,
                            false,
                        );
                    }
                    Err(refusal) => self.show_message(ctx, refusal.0, None, true),
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
                    Err(refusal) => self.show_message(ctx, refusal.0, None, true),
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

    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Enters presentation mode (full screen, larger, high contrast, drafting screen without
    /// editing chrome) or leaves it, putting back exactly what was shown before.
    fn toggle_presentation(&mut self, ctx: &egui::Context) {
        match self.presentation.take() {
            Some(saved) => {
                self.settings.view = saved.view;
                self.settings.gemeente = saved.gemeente;
                self.options_in_view = saved.options_in_view;
                ctx.set_zoom_factor(saved.zoom);
                ctx.set_visuals(saved.visuals);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
                self.drafting.presenting = false;
            }
            None => {
                let zoom = ctx.zoom_factor();
                self.presentation = Some(Presentation {
                    view: self.settings.view,
                    gemeente: self.settings.gemeente.clone(),
                    options_in_view: self.options_in_view.clone(),
                    zoom,
                    visuals: ctx.global_style().visuals.clone(),
                });
                self.settings.view = View::Drafting;
                ctx.set_zoom_factor(zoom * tokens::PRESENTATION_ZOOM);
                ctx.set_visuals(tokens::presentation_visuals());
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
                self.drafting.presenting = true;
            }
        }
        self.drafting.reset_notes();
    }

    /// The option in view for the shown gemeente when it is not the proposal (and still exists).
    pub fn shown_option(&self) -> Option<&str> {
        let gemeente = self.selected_gemeente();
        let option = self.options_in_view.get(gemeente)?;
        let plan = self.model.workbook().plan(gemeente)?;
        (*option != plan.proposal && plan.option_choices(option).is_some())
            .then_some(option.as_str())
    }

    /// Shows an option (or the proposal, with `None`) of a gemeente.
    fn show_option(&mut self, gemeente: String, option: Option<String>) {
        match option {
            Some(option) => self.options_in_view.insert(gemeente, option),
            None => self.options_in_view.remove(&gemeente),
        };
        self.options_bar.reset();
        self.drafting.reset_notes();
    }

    /// A choice edit from the drafting screen goes to the option in view.
    fn aim_at_option(&self, edit: Edit) -> Edit {
        match self.shown_option() {
            Some(option)
                if edit.is_choice_edit() && edit.gemeente() == Some(self.selected_gemeente()) =>
            {
                Edit::InOption {
                    option: option.to_owned(),
                    edit: Box::new(edit),
                }
            }
            _ => edit,
        }
    }

    /// After an option change, which option to show: a new one, a renamed one, or the proposal
    /// when the one in view is deleted.
    fn option_to_follow(&self, edit: &Edit) -> Option<(String, Option<String>)> {
        use crate::core::options::OptionChange;
        let Edit::Options { gemeente, change } = edit else {
            return None;
        };
        let shown = self.options_in_view.get(gemeente);
        let option = match change {
            OptionChange::New { name } | OptionChange::Copy { name, .. } => Some(name.clone()),
            OptionChange::Rename { from, to } if shown == Some(from) => Some(to.clone()),
            OptionChange::Delete { name } if shown == Some(name) => None,
            OptionChange::Propose { name } => Some(name.clone()),
            _ => return None,
        };
        Some((gemeente.clone(), option))
    }

    /// The choices in view (of the option in view), to report what "Vul aan" added.
    fn shown_choices(&self) -> Vec<crate::core::Choice> {
        let gemeente = self.selected_gemeente();
        let Some(plan) = self.model.workbook().plan(gemeente) else {
            return Vec::new();
        };
        let option = self.shown_option().unwrap_or(&plan.proposal);
        plan.option_choices(option).unwrap_or_default().to_vec()
    }

    /// Says what "Vul aan" did: per activity the peppers added, or that nothing fitted.
    fn report_fill(&mut self, ctx: &egui::Context, before: &[crate::core::Choice]) {
        let after = self.shown_choices();
        let gemeente = self.selected_gemeente().to_owned();
        let changes =
            crate::core::diff::plan_changes(self.model.workbook(), &gemeente, before, &after);
        let text = if changes.is_empty() {
            "Vul aan: er paste niets meer bij binnen de regels en het budget.".to_owned()
        } else {
            let parts: Vec<String> = changes
                .iter()
                .map(|c| {
                    format!(
                        "+{} op {} {}",
                        format_number(c.after - c.before),
                        c.activity,
                        c.title
                    )
                })
                .collect();
            format!("Vul aan: {}.", parts.join("; "))
        };
        self.show_message(ctx, text, None, false);
    }

    /// Applies a Beheer edit and says at once what it did, naming the gemeenten it got into
    /// trouble (over budget, below a minimum, a sign-off that no longer holds).
    fn apply_setup(&mut self, ctx: &egui::Context, setup: SetupEdit) {
        let label = setup.label();
        let generation = self.model.generation();
        if let Err(refusal) = self.model.apply(Edit::Setup(setup)) {
            self.show_message(ctx, refusal.0, None, true);
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

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        // A message belongs to what the user was doing; moving elsewhere retires it.
        if matches!(
            command,
            UiCommand::ShowDrafting
                | UiCommand::ShowOverview
                | UiCommand::ShowCompare
                | UiCommand::ShowCapacity
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
            UiCommand::Undo => match self.model.undo() {
                Some(label) => {
                    self.show_message(ctx, format!("Ongedaan gemaakt: {label}"), None, false)
                }
                None => {
                    self.show_message(ctx, "Er is niets om ongedaan te maken.".into(), None, false)
                }
            },
            UiCommand::Redo => match self.model.redo() {
                Some(label) => self.show_message(ctx, format!("Opnieuw: {label}"), None, false),
                None => {
                    self.show_message(ctx, "Er is niets om opnieuw te doen.".into(), None, false)
                }
            },
            UiCommand::ShowDrafting => self.settings.view = View::Drafting,
            UiCommand::ShowOverview => self.settings.view = View::Overview,
            UiCommand::ShowAdmin => self.settings.view = View::Admin,
            UiCommand::ShowCapacity => self.settings.view = View::Capacity,
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
                self.settings.view = View::Compare;
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
                    self.settings.gemeente = Some(names[next].to_owned());
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

    /// Asks the picker for a path for `purpose`; a chosen path goes on to its action, a cancelled
    /// dialog says nothing, and a dialog that could not be shown opens the app's own path entry.
    fn ask_path(&mut self, purpose: PathUse) {
        let request = purpose.request(
            self.model.workbook(),
            self.selected_gemeente(),
            self.file.as_deref(),
            self.last_folder.clone(),
        );
        match self.picker.pick(&request) {
            Picked::Path(path) => {
                self.remember_folder(&path);
                self.queued.push(purpose.action(path));
            }
            Picked::Cancelled => {}
            Picked::Failed(reason) => {
                self.dialog = Some(Dialog::PathEntry {
                    text: request.suggested_path(),
                    purpose,
                    request,
                    reason,
                    error: None,
                    focus: true,
                });
            }
        }
    }

    fn remember_folder(&mut self, path: &Path) {
        if let Some(folder) = path.parent().filter(|f| !f.as_os_str().is_empty()) {
            self.last_folder = Some(folder.to_owned());
        }
    }

    fn run_file(&mut self, ctx: &egui::Context, action: FileAction) {
        match action {
            FileAction::New => {
                let mut workbook = Workbook::bundled();
                workbook.metadata.created = Some(chrono::Local::now().naive_local());
                self.replace_model(Model::new(workbook), None);
                self.show_message(
                    ctx,
                    "Nieuwe werkmap op de keuzekaart 2021-2022.".into(),
                    None,
                    false,
                );
            }
            FileAction::Open(path) => self.open_now(ctx, &path, false),
            FileAction::OpenReadOnly(path) => self.open_now(ctx, &path, true),
            FileAction::Save => match self.file.clone() {
                Some(path) => self.save_to(ctx, &path),
                None => self.run_command(ctx, UiCommand::SaveAs),
            },
            FileAction::SaveAs(path) => self.save_to(ctx, &path),
            FileAction::ExportGemeente(path) => {
                let name = self.selected_gemeente().to_owned();
                let Some(export) = storage::export_gemeente(self.model.workbook(), &name) else {
                    return;
                };
                match storage::write_atomic(&path, storage::to_ron_pretty(&export).as_bytes()) {
                    Ok(()) => self.show_message(
                        ctx,
                        format!("De keuzes van {name} staan in {}.", path.display()),
                        None,
                        false,
                    ),
                    Err(e) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Exporteren mislukt".into(),
                            text: e.to_string(),
                        })
                    }
                }
            }
            FileAction::ImportGemeente(path) => match storage::read_exchange(&path) {
                Ok(file) => match storage::preview_import(self.model.workbook(), &file) {
                    Ok(preview) => self.dialog = Some(Dialog::Import(Box::new(preview))),
                    Err(text) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Importeren kan niet".into(),
                            text,
                        })
                    }
                },
                Err(e) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te lezen", display_name(&path)),
                        text: e.to_string(),
                    })
                }
            },
            FileAction::ExportCard(path) => {
                match storage::export_card(&path, &self.model.workbook().card) {
                    Ok(()) => self.show_message(
                        ctx,
                        format!("De keuzekaart staat in {}.", path.display()),
                        None,
                        false,
                    ),
                    Err(e) => {
                        self.dialog = Some(Dialog::Error {
                            title: "Keuzekaart exporteren mislukt".into(),
                            text: e.to_string(),
                        })
                    }
                }
            }
            FileAction::ImportCard(path) => match storage::read_card_file(&path) {
                Ok(card) => {
                    let edit = SetupEdit::ReplaceCard { card: card.clone() };
                    match self.model.sign_offs_broken_by(&Edit::Setup(edit.clone())) {
                        Ok(broken) => {
                            let current = &self.model.workbook().card;
                            let mut lines = vec![format!(
                                "‘{}’ met {} activiteiten vervangt ‘{}’ met {}.",
                                card.name,
                                card.activities.len(),
                                current.name,
                                current.activities.len()
                            )];
                            let changed: Vec<String> = card
                                .activities
                                .iter()
                                .filter(|a| current.activity(a.number) != Some(*a))
                                .map(|a| a.number.to_string())
                                .collect();
                            lines.push(if changed.is_empty() {
                                "Geen activiteit verandert.".to_owned()
                            } else {
                                format!("Nieuw of anders: activiteit {}.", list(&changed))
                            });
                            self.dialog = Some(Dialog::ConfirmSetup {
                                title: "Keuzekaart importeren".into(),
                                lines,
                                broken,
                                edit,
                            });
                        }
                        Err(refusal) => {
                            self.dialog = Some(Dialog::Error {
                                title: "Keuzekaart importeren kan niet".into(),
                                text: refusal.0,
                            })
                        }
                    }
                }
                Err(text) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te lezen", display_name(&path)),
                        text,
                    })
                }
            },
            FileAction::NextTerm => {
                let next = crate::core::term::next_term(self.model.workbook());
                let label = next.region.term.label();
                self.replace_model(Model::new(next), None);
                self.model.mark_unsaved();
                self.show_message(
                    ctx,
                    format!(
                        "Nieuwe werkmap voor {label}: de keuzes staan als concept klaar. Pas zo nodig kaart en budgetten aan en sla de werkmap op onder een nieuwe naam."
                    ),
                    None,
                    false,
                );
            }
            FileAction::CompareWith(path) => match storage::read_workbook(&path) {
                Ok(other) => {
                    let name = self.selected_gemeente().to_owned();
                    let theirs = other
                        .plan(&name)
                        .map(|p| p.choices.as_slice())
                        .unwrap_or_default();
                    let ours = self
                        .model
                        .workbook()
                        .plan(&name)
                        .map(|p| p.choices.as_slice())
                        .unwrap_or_default();
                    let changes =
                        crate::core::diff::plan_changes(self.model.workbook(), &name, theirs, ours);
                    self.dialog = Some(Dialog::Changes {
                        title: format!(
                            "{name}: {} vergeleken met deze werkmap",
                            display_name(&path)
                        ),
                        changes,
                    });
                }
                Err(e) => {
                    self.dialog = Some(Dialog::Error {
                        title: format!("{} is niet te openen", display_name(&path)),
                        text: e.to_string(),
                    })
                }
            },
            FileAction::ExportAnnex {
                path,
                only_shown,
                review,
            } => {
                let options = crate::annex::AnnexOptions {
                    gemeente: only_shown.then(|| self.selected_gemeente().to_owned()),
                    review,
                    produced: None,
                };
                let data = crate::annex::annex_data(self.model.workbook(), &options);
                let replaced: Vec<String> =
                    data.replacements.iter().map(ToString::to_string).collect();
                let result = crate::annex::render(&data, crate::annex::TEMPLATE)
                    .map_err(|e| e.to_string())
                    .and_then(|bytes| {
                        storage::write_atomic(&path, &bytes).map_err(|e| e.to_string())
                    });
                self.dialog = Some(match result {
                    Ok(()) => Dialog::AnnexWritten { path, replaced },
                    Err(text) => Dialog::Error {
                        title: "Bijlage exporteren mislukt".into(),
                        text,
                    },
                });
            }
            FileAction::Quit => {
                self.allow_close = true;
                ctx.send_viewport_cmd(egui::ViewportCommand::Close);
            }
        }
    }

    /// Opens a workbook file; on any error the open workbook stays as it was. A file another
    /// instance has open is only opened read-only, after asking.
    fn open_now(&mut self, ctx: &egui::Context, path: &Path, read_only: bool) {
        use storage::lock::{self, LockState};
        let mut cleared = None;
        match lock::inspect(path) {
            LockState::Held(owner) if !read_only => {
                self.dialog = Some(Dialog::InUse {
                    path: path.to_owned(),
                    owner: owner.describe(),
                });
                return;
            }
            LockState::Stale(owner) => cleared = Some(owner.describe()),
            _ => {}
        }
        match storage::read_workbook_stamped(path) {
            Ok((workbook, stamp)) => {
                self.replace_model(Model::new(workbook), Some(path.to_owned()));
                self.stamp = Some(stamp);
                if read_only {
                    self.read_only = Some(match lock::inspect(path) {
                        LockState::Held(owner) => owner.describe(),
                        _ => "iemand anders".to_owned(),
                    });
                } else {
                    // Where the folder cannot be written the lock is missing, and so is saving.
                    self.lock = storage::lock::Lock::take(path).ok();
                }
                self.remember_recent(path);
                let findings = self.model.findings();
                let errors = findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count();
                let mut text = if has_errors(findings) {
                    format!(
                        "{} geopend; de controle vond {errors} fout(en), zie links.",
                        display_name(path)
                    )
                } else {
                    format!("{} geopend.", display_name(path))
                };
                if let Some(who) = &self.read_only {
                    text.push_str(&format!(
                        " Alleen-lezen: {who} heeft het bestand open; bewaar wijzigingen met Opslaan als…"
                    ));
                }
                if let Some(who) = cleared {
                    text.push_str(&format!(
                        " Een achtergebleven vergrendeling van {who} is opgeruimd."
                    ));
                }
                self.show_message(ctx, text, None, has_errors(findings));
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error {
                    title: format!("{} is niet te openen", display_name(path)),
                    text: format!(
                        "{e}\n\nDe werkmap die open was, blijft open; het bestand is niet veranderd."
                    ),
                });
            }
        }
    }

    fn save_to(&mut self, ctx: &egui::Context, path: &Path) {
        let same_file = self.file.as_deref() == Some(path);
        if same_file && let Some(who) = &self.read_only {
            self.dialog = Some(Dialog::Error {
                title: "Alleen-lezen geopend".into(),
                text: format!(
                    "{who} heeft dit bestand open, daarom is het alleen-lezen geopend en is er niets \
                     opgeslagen. Bewaar uw wijzigingen onder een andere naam met Opslaan als… in het menu Bestand."
                ),
            });
            return;
        }
        let expected = if same_file { self.stamp.clone() } else { None };
        let mut metadata = self.model.workbook().metadata.clone();
        let previous = metadata.clone();
        metadata.last_saved = Some(chrono::Local::now().naive_local());
        metadata
            .created
            .get_or_insert(metadata.last_saved.unwrap_or_default());
        if !self.settings.author.is_empty() {
            metadata.author = self.settings.author.clone();
        }
        self.model.set_metadata(metadata);
        match storage::save_workbook_checked(path, self.model.workbook(), expected.as_ref()) {
            Ok(stamp) => {
                self.model.mark_saved();
                self.stamp = Some(stamp);
                if !same_file {
                    self.read_only = None;
                    self.lock = storage::lock::Lock::take(path).ok();
                }
                self.file = Some(path.to_owned());
                self.remember_recent(path);
                if let Some(autosaver) = &mut self.autosaver {
                    autosaver.discard();
                }
                self.show_message(
                    ctx,
                    format!("Opgeslagen in {}.", display_name(path)),
                    None,
                    false,
                );
            }
            Err(storage::SaveFailure::ChangedOnDisk { path }) => {
                self.model.set_metadata(previous);
                self.dialog = Some(Dialog::ChangedOnDisk { path });
            }
            Err(e) => {
                self.model.set_metadata(previous);
                self.dialog = Some(Dialog::Error {
                    title: "Opslaan mislukt".into(),
                    text: e.to_string(),
                });
            }
        }
    }

    fn replace_model(&mut self, model: Model, file: Option<PathBuf>) {
        self.model = model;
        self.file = file;
        self.stamp = None;
        self.lock = None;
        self.read_only = None;
        self.drafting.reset_notes();
        self.ensure_gemeente();
        if let Some(autosaver) = &mut self.autosaver {
            autosaver.discard();
        }
    }

    fn remember_recent(&mut self, path: &Path) {
        remember(&mut self.recent, path);
        if let Some(paths) = &self.paths {
            // The recent list is a convenience; failing to write it must not disturb the user.
            let _ = paths.write_recent(&self.recent);
        }
    }

    fn menu_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            for (menu, groups) in super::commands::MENUS {
                ui.menu_button(*menu, |ui| {
                    for (index, group) in groups.iter().enumerate() {
                        if index > 0 {
                            ui.separator();
                        }
                        for &command in *group {
                            let (text, enabled) = self.menu_text(command);
                            command_button(ui, command, &text, enabled, actions);
                        }
                        if *menu == "Bestand" && index == 0 {
                            self.recent_menu(ui, actions);
                        }
                    }
                });
            }
            ui.separator();
            for (view, command) in [
                (View::Drafting, UiCommand::ShowDrafting),
                (View::Overview, UiCommand::ShowOverview),
                (View::Compare, UiCommand::ShowCompare),
                (View::Capacity, UiCommand::ShowCapacity),
                (View::Admin, UiCommand::ShowAdmin),
            ] {
                if ui
                    .selectable_label(self.settings.view == view, command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    actions.push(Action::Command(command));
                }
            }
            ui.separator();
            UiCommand::Present.button(ui, actions);
        });
    }

    /// A command's menu text ("Ongedaan maken: Pepers op activiteit 4") and whether it can run.
    fn menu_text(&self, command: UiCommand) -> (String, bool) {
        let history = match command {
            UiCommand::Undo => self.model.undo_label(),
            UiCommand::Redo => self.model.redo_label(),
            _ => return (command.label().to_owned(), true),
        };
        match history {
            Some(label) => (format!("{}: {label}", command.label()), true),
            None => (command.label().to_owned(), false),
        }
    }

    fn recent_menu(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.menu_button("Recente bestanden", |ui| {
            if self.recent.is_empty() {
                ui.label("Nog geen");
            }
            for file in &self.recent {
                if ui
                    .button(display_name(file))
                    .on_hover_text(file.display().to_string())
                    .clicked()
                {
                    actions.push(Action::File(FileAction::Open(file.clone())));
                }
            }
        });
    }

    fn gemeente_list(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let workbook = self.model.workbook();
        ui.heading("Gemeenten");
        ui.add_space(tokens::SPACE_S);
        for gemeente in &workbook.region.gemeenten {
            let budget = workbook.budget(gemeente);
            let selected = gemeente.name == self.selected_gemeente();
            let text = format!("{} · art. {}", gemeente.name, gemeente.article);
            let response = super::painted::selectable_row(ui, selected, &text);
            if response.clicked() {
                actions.push(Action::SelectGemeente(gemeente.name.clone()));
            }
            let status = workbook
                .plan(&gemeente.name)
                .map(|p| p.sign_off.status)
                .unwrap_or_default();
            signoff_panel::badge(ui, status, self.model.sign_off_check(&gemeente.name));
            let used = format_number(budget.used);
            let available = format_number(budget.available);
            let colour = gemeente.colour.adjective();
            let text = format!("{used} / {available} {colour} pepers");
            let label = format!(
                "{}: {used} van {available} {colour} pepers gebruikt",
                gemeente.name
            );
            charts::budget_bar(ui, budget.fraction_used(), &text, &label, 16.0);
            ui.add_space(tokens::SPACE_M);
        }
        ui.separator();
        self.findings_list(ui);
    }

    fn findings_list(&self, ui: &mut Ui) {
        let name = self.selected_gemeente();
        let findings: Vec<_> = self
            .model
            .findings()
            .iter()
            .filter(|f| f.gemeente.is_none() || f.gemeente.as_deref() == Some(name))
            .collect();
        ui.label(RichText::new("Controle").strong());
        if findings.is_empty() {
            ui.label(format!("Geen fouten bij {name}."));
        }
        for finding in findings {
            let colour = match finding.severity {
                Severity::Error => tokens::ERROR,
                Severity::Warning => tokens::WARNING,
            };
            ui.label(
                RichText::new(format!("{}: {}", finding.severity.label(), finding.message))
                    .color(colour),
            );
        }
    }

    fn status_bar(&self, ui: &mut Ui) {
        ui.horizontal(|ui| match &self.message {
            Some(message) => {
                let colour = if message.is_error { tokens::ERROR } else { ui.visuals().text_color() };
                ui.label(RichText::new(&message.text).color(colour));
            }
            None if self.settings.view == View::Admin => {
                ui.label("Beheer: pas de velden aan en kies ‘Toepassen’. Elke wijziging is met Ctrl+Z ongedaan te maken.");
            }
            None => {
                ui.label("Sleep een peper uit de voorraad naar een activiteit, of gebruik + en −. Ctrl+Z maakt ongedaan.");
            }
        });
    }

    fn message_at_pointer(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.message else { return };
        let Some(at) = message.at else { return };
        let age = ctx.input(|i| i.time) - message.shown_at;
        if age > MESSAGE_SECONDS {
            return;
        }
        egui::Area::new(egui::Id::unique("refusal-message"))
            .order(egui::Order::Tooltip)
            .fixed_pos(at + egui::vec2(12.0, 12.0))
            .interactable(false)
            .show(ctx, |ui| {
                egui::Frame::popup(ui.style())
                    .fill(tokens::TOAST_FILL)
                    .show(ui, |ui| {
                        ui.set_max_width(320.0);
                        ui.label(RichText::new(&message.text).color(tokens::ERROR).strong());
                    });
            });
    }

    /// Keeps the window title in step with the file and its unsaved state (only when it changes).
    fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }

    /// Writes a recovery copy when due, and makes sure a frame comes when the next one is due.
    fn autosave(&mut self, ctx: &egui::Context) {
        let Some(autosaver) = &mut self.autosaver else {
            return;
        };
        let model = &self.model;
        let file = &self.file;
        let next = autosaver.tick(model.is_dirty(), model.generation(), || RecoveryCopy {
            written: chrono::Local::now().naive_local(),
            file: file.clone(),
            workbook: model.workbook().clone(),
        });
        if let Some(wait) = next {
            ctx.request_repaint_after(wait);
        }
    }
}

fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl UiCommand {
    /// A plain button for the command (outside menus), with its tooltip; reports the command.
    pub(crate) fn button(self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if ui
            .button(self.label())
            .on_hover_text(self.tooltip())
            .clicked()
        {
            actions.push(Action::Command(self));
        }
    }
}

fn command_button(
    ui: &mut Ui,
    command: UiCommand,
    text: &str,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    let shortcut = command.shortcut_text(ui.ctx());
    let mut button = egui::Button::new(text);
    // Only where there is one: an empty shortcut would end the accessible name in a space.
    if !shortcut.is_empty() {
        button = button.shortcut_text(shortcut);
    }
    if ui
        .add_enabled(enabled, button)
        .on_hover_text(command.tooltip())
        .clicked()
    {
        actions.push(Action::Command(command));
    }
}

impl eframe::App for KeuzekaartApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        let mut actions = std::mem::take(&mut self.queued);
        if self.dialog.is_none()
            && !ctx.text_edit_focused()
            && let Some(command) = UiCommand::from_shortcuts(&ctx)
        {
            actions.push(Action::Command(command));
        }
        if let Some(path) = ctx.input(|i| {
            i.raw.dropped_files.iter().find_map(|f| {
                let path = f.path();
                (!path.as_os_str().is_empty()).then(|| path.to_owned())
            })
        }) {
            actions.push(Action::File(FileAction::Open(path)));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.model.is_dirty()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges {
                then: FileAction::Quit,
            });
        }

        let presenting = self.presentation.is_some();
        if presenting {
            if self.dialog.is_none() {
                use egui::{Key, Modifiers};
                let keys = ctx.input_mut(|i| {
                    [
                        Key::Escape,
                        Key::ArrowLeft,
                        Key::ArrowRight,
                        Key::ArrowUp,
                        Key::ArrowDown,
                    ]
                    .map(|key| i.consume_key(Modifiers::NONE, key))
                });
                let [escape, left, right, up, down] = keys;
                if escape {
                    actions.push(Action::Command(UiCommand::Present));
                }
                if left {
                    actions.push(Action::Command(UiCommand::PreviousGemeente));
                }
                if right {
                    actions.push(Action::Command(UiCommand::NextGemeente));
                }
                if up {
                    actions.push(Action::StepOption(-1));
                }
                if down {
                    actions.push(Action::StepOption(1));
                }
            }
            egui::Panel::top("presentatie").show(ui, |ui| {
                ui.horizontal(|ui| {
                    ui.label(
                        "Presentatie · pijltjes links en rechts: gemeente · omhoog en omlaag: optie",
                    );
                    if ui.button("Presentatie verlaten (Esc)").clicked() {
                        actions.push(Action::Command(UiCommand::Present));
                    }
                });
            });
        } else {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        }
        if self.settings.view == View::Drafting && !presenting {
            // The overview shows every gemeente itself and needs the width.
            egui::Panel::left("gemeenten")
                .resizable(false)
                .exact_size(tokens::SIDE_PANEL_WIDTH)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| self.gemeente_list(ui, &mut actions));
                });
        }
        // With another option in view, the drafting screen draws a copy of the workbook holding
        // that option's choices; the copy is made only when something changed.
        let shown_option = self.shown_option().map(str::to_owned);
        if let Some(option) = &shown_option {
            let gemeente = self.selected_gemeente().to_owned();
            let generation = self.model.generation();
            let stale = self
                .option_view
                .as_ref()
                .is_none_or(|(g, name, o, _)| *g != generation || *name != gemeente || o != option);
            if stale {
                let mut copy = self.model.workbook().clone();
                let plan = copy.plan_mut(&gemeente);
                plan.choices = plan.option_choices(option).unwrap_or_default().to_vec();
                plan.sign_off = Default::default();
                self.option_view = Some((generation, gemeente, option.clone(), copy));
            }
        }
        // Borrowed, not cloned: nothing of the workbook is copied per frame.
        let model = &self.model;
        let drafting_state = &mut self.drafting;
        let gemeente = model
            .workbook()
            .region
            .gemeente(self.settings.gemeente.as_deref().unwrap_or_default());
        match (self.settings.view, gemeente) {
            (View::Admin, _) => admin::show(ui, model, &mut self.admin, &mut actions),
            (View::Capacity, _) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    capacity_view::show(
                        ui,
                        model.workbook(),
                        model.generation(),
                        &self.capacity,
                        &mut self.capacity_cache,
                    )
                });
            }
            (View::Compare, _) => {
                if self.compare.columns.is_empty()
                    && let Some(gemeente) = gemeente
                {
                    self.compare.default_for(model.workbook(), gemeente);
                }
                egui::CentralPanel::default().show(ui, |ui| {
                    compare_view::show(ui, model.workbook(), model.generation(), &mut self.compare)
                });
            }
            (View::Drafting, Some(gemeente)) => {
                let workbook = match (&shown_option, &self.option_view) {
                    (Some(_), Some((_, _, _, copy))) => copy,
                    _ => model.workbook(),
                };
                let shown = drafting::Shown {
                    workbook,
                    generation: model.generation(),
                    option: shown_option.as_deref(),
                    check: model.sign_off_check(&gemeente.name),
                };
                egui::Panel::right("grafieken")
                    .resizable(false)
                    .exact_size(tokens::CHART_PANEL_WIDTH)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            if presenting {
                                drafting::charts(ui, workbook, gemeente);
                                return;
                            }
                            if let Some(option) = &shown_option {
                                ui.label(
                                    RichText::new(format!(
                                        "U bekijkt {option}. Besluitvorming en bijlage gaan over het voorstel; \
                                         markeer {option} als voorstel om het ter besluitvorming te brengen."
                                    ))
                                    .color(tokens::WARNING),
                                );
                                ui.add_space(tokens::SPACE_S);
                            }
                            signoff_panel::show(ui, model, gemeente, &mut actions);
                            ui.separator();
                            drafting::charts(ui, workbook, gemeente);
                        });
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    if !presenting && let Some(plan) = model.workbook().plan(&gemeente.name) {
                        let name = shown_option.as_deref().unwrap_or(&plan.proposal);
                        self.options_bar.show(ui, plan, name, &mut actions);
                        ui.add_space(tokens::SPACE_S);
                    }
                    drafting::show(ui, &shown, gemeente, drafting_state, &mut actions);
                });
            }
            (View::Overview, _) | (_, None) => {
                egui::CentralPanel::default()
                    .show(ui, |ui| overview::show(ui, model, &mut actions));
            }
        }
        self.message_at_pointer(&ctx);
        if let Some(dialog) = &mut self.dialog {
            dialogs::show(&ctx, dialog, &mut actions);
        }

        // Actions change what the screen shows; draw it again at once.
        if !actions.is_empty() {
            ctx.request_repaint();
        }
        for action in actions {
            self.run_action(&ctx, action);
        }
        self.update_title(&ctx);
        self.autosave(&ctx);
        if let Some(start) = self.first_frame_probe.take() {
            eprintln!(
                "eerste frame na {:.1} ms",
                start.elapsed().as_secs_f64() * 1000.0
            );
            self.allow_close = true;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        // In presentation mode, remember the view it will return to, not the presentation.
        let mut settings = self.settings.clone();
        if let Some(saved) = &self.presentation {
            settings.view = saved.view;
            settings.gemeente = saved.gemeente.clone();
            settings.zoom = saved.zoom;
        }
        eframe::set_value(storage, Settings::STORAGE_KEY, &settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        // Closing without unsaved work (or after "Niet opslaan") leaves no recovery copy behind.
        if (!self.model.is_dirty() || self.allow_close)
            && let Some(autosaver) = &mut self.autosaver
        {
            autosaver.discard();
        }
    }
}

/// Whether an edit (or the edit inside an option edit) is "Vul aan".
fn edit_is_fill(edit: &Edit) -> bool {
    match edit {
        Edit::Fill { .. } => true,
        Edit::InOption { edit, .. } => edit_is_fill(edit),
        _ => false,
    }
}
