//! The app: holds the open model and the remembered settings, lays out the panels, and turns the
//! actions the screens report into edits and commands.

use std::path::PathBuf;

use egui::{Pos2, RichText, Ui};

use super::commands::UiCommand;
use super::design_tokens as tokens;
use super::settings::{Settings, View};
use super::{charts, drafting, overview};
use crate::core::money::format_number;
use crate::core::rules::Severity;
use crate::core::{Edit, Gemeente, Model, Workbook};
use crate::storage;

/// Something a screen asks the app to do; applied after the frame's widgets are laid out, so every
/// change goes through [`Model::apply`] or a [`UiCommand`].
#[derive(Clone, Debug)]
pub enum Action {
    /// Apply an edit; `at` is where to show a refusal (the drop point or the button).
    Edit(Edit, Option<Pos2>),
    /// Run a command.
    Command(UiCommand),
    /// Show another gemeente.
    SelectGemeente(String),
}

/// A short message shown where the user is looking, and in the status bar.
#[derive(Clone, Debug)]
pub(crate) struct Message {
    pub text: String,
    pub at: Option<Pos2>,
    pub shown_at: f64,
    pub is_error: bool,
}

/// How long a message stays next to the pointer, in seconds.
const MESSAGE_SECONDS: f64 = 4.0;

/// The Keuzekaart app.
pub struct KeuzekaartApp {
    model: Model,
    settings: Settings,
    message: Option<Message>,
    drafting: drafting::DraftingState,
}

impl KeuzekaartApp {
    /// Creates the app as eframe starts it: remembered settings from eframe's storage, the file
    /// from the command line if given, else the bundled workbook.
    pub fn new(cc: &eframe::CreationContext<'_>, file: Option<PathBuf>) -> Self {
        let settings: Settings = cc
            .storage
            .and_then(|s| eframe::get_value(s, Settings::STORAGE_KEY))
            .unwrap_or_default();
        let mut message = None;
        let workbook = match file {
            Some(path) => match storage::read_workbook(&path) {
                Ok(workbook) => workbook,
                Err(e) => {
                    message = Some(Message {
                        text: e.to_string(),
                        at: None,
                        shown_at: 0.0,
                        is_error: true,
                    });
                    Workbook::bundled()
                }
            },
            None => Workbook::bundled(),
        };
        let mut app = Self::with_workbook(&cc.egui_ctx, workbook, settings);
        app.message = message;
        app
    }

    /// Creates the app on a given workbook and settings (used by `new` and by tests, which drive
    /// this same app through egui_kittest).
    pub fn with_workbook(ctx: &egui::Context, workbook: Workbook, settings: Settings) -> Self {
        // Our own zoom commands handle Ctrl+plus/minus; egui's built-in ones would zoom twice.
        ctx.options_mut(|o| o.zoom_with_keyboard = false);
        // A light theme: it reads best on a projector and matches the printed card.
        ctx.set_theme(egui::Theme::Light);
        ctx.set_zoom_factor(settings.zoom.clamp(0.5, 3.0));
        let mut app = KeuzekaartApp {
            model: Model::new(workbook),
            settings,
            message: None,
            drafting: drafting::DraftingState::default(),
        };
        app.ensure_gemeente();
        app
    }

    /// The open model (for tests and benchmarks).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The gemeente being shown.
    pub fn selected_gemeente(&self) -> &str {
        self.settings.gemeente.as_deref().unwrap_or_default()
    }

    /// The current message in the status bar, if any.
    pub fn message(&self) -> Option<&str> {
        self.message.as_ref().map(|m| m.text.as_str())
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

    fn current_gemeente(&self) -> Option<&Gemeente> {
        self.model
            .workbook()
            .region
            .gemeente(self.selected_gemeente())
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
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(MESSAGE_SECONDS));
    }

    fn run_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::Edit(edit, at) => match self.model.apply(edit) {
                Ok(()) => self.message = None,
                Err(refusal) => self.show_message(ctx, refusal.0, at, true),
            },
            Action::Command(command) => self.run_command(ctx, command),
            Action::SelectGemeente(name) => {
                self.settings.gemeente = Some(name);
                self.drafting.reset_notes();
            }
        }
    }

    fn run_command(&mut self, ctx: &egui::Context, command: UiCommand) {
        match command {
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
        self.settings.zoom = ctx.zoom_factor();
    }

    fn menu_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("Bewerken", |ui| {
                for command in [UiCommand::Undo, UiCommand::Redo] {
                    let label = match command {
                        UiCommand::Undo => self
                            .model
                            .undo_label()
                            .map(|l| format!("{}: {l}", command.label())),
                        _ => self
                            .model
                            .redo_label()
                            .map(|l| format!("{}: {l}", command.label())),
                    };
                    let enabled = label.is_some();
                    let text = label.unwrap_or_else(|| command.label().to_owned());
                    command_button(ui, command, &text, enabled, actions);
                }
            });
            ui.menu_button("Beeld", |ui| {
                for command in [
                    UiCommand::ShowDrafting,
                    UiCommand::ShowOverview,
                    UiCommand::PreviousGemeente,
                    UiCommand::NextGemeente,
                    UiCommand::ZoomIn,
                    UiCommand::ZoomOut,
                    UiCommand::ZoomReset,
                ] {
                    command_button(ui, command, command.label(), true, actions);
                }
            });
            ui.separator();
            for (view, command) in [
                (View::Drafting, UiCommand::ShowDrafting),
                (View::Overview, UiCommand::ShowOverview),
            ] {
                if ui
                    .selectable_label(self.settings.view == view, command.label())
                    .on_hover_text(command.tooltip())
                    .clicked()
                {
                    actions.push(Action::Command(command));
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
            let text =
                RichText::new(format!("{} · art. {}", gemeente.name, gemeente.article)).size(15.0);
            let response = ui.add_sized(
                [ui.available_width(), 22.0],
                egui::Button::selectable(selected, text),
            );
            if response.clicked() {
                actions.push(Action::SelectGemeente(gemeente.name.clone()));
            }
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
}

fn command_button(
    ui: &mut Ui,
    command: UiCommand,
    text: &str,
    enabled: bool,
    actions: &mut Vec<Action>,
) {
    let shortcut = command.shortcut_text(ui.ctx());
    let button = egui::Button::new(text).shortcut_text(shortcut);
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
        let mut actions = Vec::new();
        if !ctx.text_edit_focused()
            && let Some(command) = UiCommand::from_shortcuts(&ctx)
        {
            actions.push(Action::Command(command));
        }

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui, &mut actions));
        egui::Panel::bottom("status").show(ui, |ui| self.status_bar(ui));
        egui::Panel::left("gemeenten")
            .resizable(false)
            .exact_size(tokens::SIDE_PANEL_WIDTH)
            .show(ui, |ui| {
                egui::ScrollArea::vertical().show(ui, |ui| self.gemeente_list(ui, &mut actions));
            });
        let gemeente = self.current_gemeente().cloned();
        match (self.settings.view, gemeente) {
            (View::Drafting, Some(gemeente)) => {
                egui::Panel::right("grafieken")
                    .resizable(false)
                    .exact_size(tokens::CHART_PANEL_WIDTH)
                    .show(ui, |ui| {
                        egui::ScrollArea::vertical().show(ui, |ui| {
                            drafting::charts(ui, self.model.workbook(), &gemeente)
                        });
                    });
                egui::CentralPanel::default().show(ui, |ui| {
                    drafting::show(ui, &self.model, &gemeente, &mut self.drafting, &mut actions);
                });
            }
            (View::Overview, _) | (_, None) => {
                egui::CentralPanel::default().show(ui, |ui| {
                    overview::show(ui, self.model.workbook(), &mut actions)
                });
            }
        }
        self.message_at_pointer(&ctx);

        for action in actions {
            self.run_action(&ctx, action);
        }
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, Settings::STORAGE_KEY, &self.settings);
    }
}
