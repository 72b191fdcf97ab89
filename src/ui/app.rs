//! The app: holds the open document and the remembered settings, lays out the panels, and turns
//! the actions the screens report into edits, file operations and commands.

use std::path::{Path, PathBuf};
use std::time::Duration;

use egui::{Pos2, RichText, Ui};

use super::action::PathFor;
use super::commands::UiCommand;
use super::design_tokens as tokens;
use super::dialogs::{self, Dialog};
use super::file_commands::FileCommand;
use super::file_picker::{PickRequest, Picked, display_name};
use super::navigation::Navigation;
use super::path_requests::Naming;
use super::settings::{Settings, View};
use super::{
    admin, capacity_view, charts, compare_view, drafting, options_bar, overview, progress_view,
    signoff_panel,
};
use crate::core::money::format_number;
use crate::core::rules::{Severity, has_errors};
use crate::core::setup::SetupEdit;
use crate::core::words::list;
use crate::core::{Edit, Model, Workbook};
use crate::storage;
use crate::storage::paths::{AppPaths, remember};
use crate::storage::recovery::{AUTOSAVE_INTERVAL, Autosaver, RecoveryCopy, read_recovery};

pub use super::action::{Action, FileAction};

mod chrome;
mod dispatch;
mod file_ops;
mod options_view;
mod presentation;
mod screen;
mod session;
mod signing;

/// A short message shown where the user is looking, and in the status bar.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    pub text: String,
    pub at: Option<Pos2>,
    pub shown_at: f64,
    pub is_error: bool,
}

/// What presentation mode puts back when it ends: where the user was and the zoom. The cards
/// keep their own scroll position (presentation scrolls separately).
struct Presentation {
    navigation: Navigation,
    zoom: f32,
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
    /// The program that reads an imported spreadsheet in a process of its own (the app's own
    /// binary, `lees-blad`); `None` reads it in this process (tests that drive the app headless).
    pub sheet_reader: Option<PathBuf>,
    /// The address a hosted session listens on; `None`: all of the laptop's networks (tests
    /// keep to loopback).
    pub session_address: Option<std::net::IpAddr>,
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
            sheet_reader: None,
            session_address: None,
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
    /// See [`Startup::sheet_reader`].
    sheet_reader: Option<PathBuf>,
    /// The folder of the last path chosen, where the next file dialog starts.
    last_folder: Option<PathBuf>,
    /// The remembered settings; their view and gemeente are written from `navigation` on save.
    settings: Settings,
    /// Where the user is: screen, gemeente, option in view.
    navigation: Navigation,
    paths: Option<AppPaths>,
    recent: Vec<PathBuf>,
    autosaver: Option<Autosaver>,
    dialog: Option<Dialog>,
    message: Option<Message>,
    drafting: drafting::DraftingState,
    admin: admin::AdminState,
    /// The workbook as the drafting screen shows it with another option in view, rebuilt only
    /// when the model, the gemeente or the option changes: (generation, gemeente, option, copy).
    option_view: Option<(u64, String, String, Workbook)>,
    options_bar: options_bar::OptionsBar,
    compare: compare_view::CompareState,
    capacity: crate::core::capacity::CapacityAssumptions,
    capacity_cache: capacity_view::CapacityCache,
    progress: progress_view::ProgressState,
    /// In presentation mode: everything needed to return to exactly the earlier view.
    presentation: Option<Presentation>,
    queued: Vec<Action>,
    /// Keystrokes typed after a Tab, held for the frame in which focus has moved.
    tab_pacing: super::tab_pacing::TabPacing,
    allow_close: bool,
    title: String,
    /// This computer's name, read once at start (see [`Self::author`]).
    machine: String,
    /// Set when the start-up measurement asked to close after the first frame.
    first_frame_probe: Option<std::time::Instant>,
    /// The live session this laptop hosts or takes part in, and where it would host one.
    session: session::SessionSlot,
}

impl KeuzekaartApp {
    /// Who makes a change here: the name from Instellingen and this computer's name, for the
    /// realisation's history.
    pub(super) fn author(&self) -> crate::core::history::Author {
        crate::core::history::Author {
            name: self.settings.author.clone(),
            machine: self.machine.clone(),
        }
    }

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
            // A spreadsheet is read by this same program in a process of its own, so a file that
            // crashes the reader cannot close the app.
            sheet_reader: std::env::current_exe().ok(),
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
        set_up_context(ctx, startup.settings.zoom);
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
        let settings = startup.settings;
        let navigation = Navigation {
            // Beheer is entered on purpose, never restored: an official starts on the choices.
            view: settings.view.restored(),
            gemeente: settings.gemeente.clone(),
            options: Default::default(),
        };
        let mut app = KeuzekaartApp {
            model: Model::new(startup.workbook.unwrap_or_else(Workbook::bundled)),
            machine: storage::paths::machine_name(),
            file: None,
            stamp: None,
            lock: None,
            read_only: None,
            picker: startup
                .picker
                .unwrap_or_else(|| Box::new(super::file_picker::NativePicker)),
            sheet_reader: startup.sheet_reader,
            last_folder: None,
            settings,
            navigation,
            paths: startup.paths,
            recent,
            autosaver,
            dialog: None,
            message: None,
            drafting: drafting::DraftingState::default(),
            admin: admin::AdminState::default(),
            option_view: None,
            options_bar: Default::default(),
            compare: Default::default(),
            capacity: crate::core::capacity::CapacityAssumptions::bundled(),
            capacity_cache: Default::default(),
            progress: Default::default(),
            presentation: None,
            queued: Vec::new(),
            tab_pacing: Default::default(),
            allow_close: false,
            title: String::new(),
            first_frame_probe: None,
            session: session::SessionSlot::new(startup.session_address),
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
        app.navigation.keep_to(&app.model.workbook().region);
        app
    }

    /// The app's remembered state (for tests: what is kept between sessions).
    pub fn settings(&self) -> &Settings {
        &self.settings
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
        self.navigation.gemeente()
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

    /// Queues a command as if chosen from its menu (benchmarks enter presentation mode this way).
    pub fn queue_command(&mut self, command: UiCommand) {
        self.queued.push(Action::Command(command));
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
}

impl eframe::App for KeuzekaartApp {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        let ctx = ui.ctx().clone();
        self.tab_pacing.begin_frame(&ctx);
        let mut actions = std::mem::take(&mut self.queued);
        self.poll_session(&ctx);
        self.collect_input(&ctx, &mut actions);
        let presenting = self.presentation.is_some();
        if presenting {
            screen::presentation_bar(ui, &mut actions);
        } else {
            egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
            egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        }
        // The room's view of the session: on the projector too, so the code stays readable.
        if let Some(strip) = self.session_strip() {
            egui::Panel::top("sessie").show(ui, |ui| {
                super::session_panel::strip(ui, &strip, &mut actions);
            });
        }
        // A narrow window (or a large zoom: up to 200% on a laptop) reflows: the gemeente list
        // becomes a choice above the cards and the side panel narrows, so nothing is cut off.
        let narrow = ctx.content_rect().width() < tokens::NARROW_WIDTH;
        if self.navigation.view == View::Drafting && !presenting && !narrow {
            // The overview shows every gemeente itself and needs the width.
            egui::Panel::left("gemeenten")
                .resizable(false)
                .exact_size(tokens::SIDE_PANEL_WIDTH)
                .show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .show(ui, |ui| self.gemeente_list(ui, &mut actions));
                });
        }
        self.refresh_option_view();
        self.screen(ui, narrow, &mut actions);
        // A refusal at the pointer belongs to the screen; above a dialog it would cover it.
        if self.dialog.is_none() {
            self.message_at_pointer(&ctx);
        }
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
        let (navigation, zoom) = match &self.presentation {
            Some(saved) => (&saved.navigation, saved.zoom),
            None => (&self.navigation, self.settings.zoom),
        };
        let settings = Settings {
            view: navigation.view,
            gemeente: navigation.gemeente.clone(),
            zoom,
            ..self.settings.clone()
        };
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

/// The context as the app draws it: theme, tokens, zoom.
fn set_up_context(ctx: &egui::Context, zoom: f32) {
    // egui's own fonts, from the compressed copies the binary carries (ui/fonts.rs).
    ctx.set_fonts(super::fonts::definitions());
    // Our own zoom commands handle Ctrl+plus/minus; egui's built-in ones would zoom twice.
    ctx.options_mut(|o| o.zoom_with_keyboard = false);
    // A light theme: it reads best on a projector and matches the printed card.
    ctx.set_theme(egui::Theme::Light);
    // The tokens' colours and text sizes, which meet WCAG 2.1 AA (see design_tokens.rs).
    tokens::Tokens::set_mode(ctx, tokens::Mode::Normal);
    // Labels are read, not selected: cheaper per frame, which counts while a drag redraws.
    ctx.all_styles_mut(|style| style.interaction.selectable_labels = false);
    ctx.set_zoom_factor(zoom.clamp(0.5, 3.0));
}

/// Whether an edit (or the edit inside an option edit) is "Vul aan".
fn edit_is_fill(edit: &Edit) -> bool {
    match edit {
        Edit::Fill { .. } => true,
        Edit::InOption { edit, .. } => edit_is_fill(edit),
        _ => false,
    }
}
