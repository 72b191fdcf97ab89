//! The frame around the screens: menu bar, gemeente list, findings, status bar, the message at
//! the pointer and the window title.

use super::*;
use crate::core::Problem;

impl KeuzekaartApp {
    pub(super) fn menu_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        egui::MenuBar::new().ui(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                // A narrow or zoomed-in window wraps the bar onto a second line instead of cutting
                // off its end.
                // The first Tab stop: skips the menus, the gemeente list and the sign-off panel.
                if ui
                    .button("Naar de kaarten")
                    .on_hover_text("Zet de toetsenbordfocus op de eerste activiteit")
                    .clicked()
                {
                    actions.push(Action::FocusCards);
                }
                ui.separator();
                for menu in crate::ui::commands::Menu::all() {
                    ui.menu_button(menu.label(), |ui| {
                        for (index, group) in menu.groups().into_iter().enumerate() {
                            if index > 0 {
                                ui.separator();
                            }
                            for command in group {
                                let (text, enabled) = self.menu_text(command);
                                command_button(ui, command, &text, enabled, actions);
                            }
                            if menu == crate::ui::commands::Menu::Bestand && index == 0 {
                                self.recent_menu(ui, actions);
                            }
                        }
                    });
                }
                ui.separator();
                for view in View::all() {
                    let spec = view.spec();
                    if ui
                        .selectable_label(self.navigation.view == view, spec.label)
                        .on_hover_text(spec.tooltip)
                        .clicked()
                    {
                        actions.push(Action::Command(UiCommand::Show(view)));
                    }
                }
                ui.separator();
                UiCommand::Present.button(ui, actions);
            })
        });
    }

    /// A command's menu text ("Ongedaan maken: Pepers op activiteit 4") and whether it can run.
    pub(super) fn menu_text(&self, command: UiCommand) -> (String, bool) {
        if let Some(text) = self.session_menu_text(command) {
            return text;
        }
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

    pub(super) fn recent_menu(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
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
                    actions.push(Action::File(FileAction::new(FileCommand::Open, file)));
                }
            }
        });
    }

    pub(super) fn gemeente_list(&self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let workbook = self.model.workbook();
        crate::ui::painted::heading(ui, "Gemeenten");
        ui.add_space(tokens::SPACE_S);
        for gemeente in &workbook.region.gemeenten {
            let budget = workbook.budget(gemeente);
            let selected = gemeente.name == self.selected_gemeente();
            let text = format!("{} · art. {}", gemeente.name, gemeente.article);
            let response = crate::ui::painted::selectable_row(ui, selected, &text);
            if response.clicked() {
                actions.push(Action::SelectGemeente(gemeente.name.clone()));
            }
            let status = workbook
                .plan(&gemeente.name)
                .map(|p| p.sign_off.status)
                .unwrap_or_default();
            signoff_panel::badge(
                ui,
                &gemeente.name,
                status,
                self.model.sign_off_check(&gemeente.name),
            );
            let used = format_number(budget.used);
            let available = format_number(budget.available);
            let colour = gemeente.colour.adjective();
            let text = format!("{used} / {available} {colour} pepers");
            let label = format!(
                "{}: {used} van {available} {colour} pepers gebruikt",
                gemeente.name
            );
            charts::budget_bar(ui, budget.fraction_used(), &text, &label, 22.0);
            ui.add_space(tokens::SPACE_M);
        }
        ui.separator();
        self.findings_list(ui);
    }

    pub(super) fn findings_list(&self, ui: &mut Ui) {
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
        // Allowed exceptions (Mook en Middelaar below a minimum) are one calm line, not a warning
        // per activity: they are allowed.
        let allowed: Vec<String> = findings
            .iter()
            .filter_map(|f| match &f.problem {
                Problem::BelowMinimumAllowed { activity, .. } => Some(activity.to_string()),
                _ => None,
            })
            .collect();
        if !allowed.is_empty() {
            ui.label(format!(
                "Onder de minimale afname, zoals {name} mag: activiteit {}.",
                list(&allowed)
            ));
        }
        for finding in findings
            .into_iter()
            .filter(|f| !matches!(f.problem, Problem::BelowMinimumAllowed { .. }))
        {
            let colour = match finding.severity {
                Severity::Error => tokens::ERROR,
                Severity::Warning => tokens::WARNING,
            };
            ui.label(
                RichText::new(format!(
                    "{}: {}",
                    finding.severity.label(),
                    finding.message()
                ))
                .color(colour),
            );
        }
    }

    /// Whether the drafting screen shows choices that cannot change now (waiting for a decision,
    /// or agreed): then the drag hint would be wrong.
    fn shown_plan_is_locked(&self) -> bool {
        self.navigation.view == View::Drafting
            && self.shown_option().is_none()
            && self
                .model
                .workbook()
                .plan(self.selected_gemeente())
                .is_some_and(|p| !p.sign_off.status.is_editable())
    }

    /// The status bar: the last message, or a hint. It is a live region, so a screen reader
    /// announces a refusal, a save or an error as it appears.
    pub(super) fn status_bar(&self, ui: &mut Ui) {
        let response = ui
            .horizontal(|ui| match &self.message {
                Some(message) => {
                    let colour = if message.is_error {
                        tokens::ERROR
                    } else {
                        ui.visuals().text_color()
                    };
                    ui.label(RichText::new(&message.text).color(colour))
                }
                None if self.shown_plan_is_locked() => ui.label(
                    "Deze keuzes liggen vast en zijn hier alleen te lezen; \
                     zie Besluitvorming rechts.",
                ),
                // Each screen says what it offers; the drafting screen's hint is the drag hint.
                None => ui.label(self.navigation.view.spec().hint),
            })
            .inner;
        let live = if self.message.as_ref().is_some_and(|m| m.is_error) {
            egui::accesskit::Live::Assertive
        } else {
            egui::accesskit::Live::Polite
        };
        ui.ctx()
            .accesskit_node_builder(response.id, |node| node.set_live(live));
    }

    pub(super) fn message_at_pointer(&mut self, ctx: &egui::Context) {
        let Some(message) = &self.message else { return };
        let Some(at) = message.at else { return };
        let age = ctx.input(|i| i.time) - message.shown_at;
        if age > MESSAGE_SECONDS {
            return;
        }
        // Above and right of the point, kept on the screen: hover texts open below the pointer,
        // so the refusal never hides under the button's own tooltip.
        egui::Area::new(egui::Id::unique("refusal-message"))
            .order(egui::Order::Tooltip)
            .pivot(egui::Align2::LEFT_BOTTOM)
            .fixed_pos(at + egui::vec2(12.0, -12.0))
            .constrain(true)
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
    pub(super) fn update_title(&mut self, ctx: &egui::Context) {
        let title = self.window_title();
        // The window's accessible name: a screen reader announces the app and the file.
        ctx.accesskit_node_builder(egui::accesskit_root_id(), |node| {
            node.set_label(title.clone())
        });
        if title != self.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

pub(super) fn command_button(
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

/// The gemeente list as one choice above the cards, for a narrow window where the list would
/// take the width the cards need.
pub(super) fn gemeente_choice(
    ui: &mut Ui,
    workbook: &Workbook,
    shown: &str,
    actions: &mut Vec<Action>,
) {
    ui.horizontal_wrapped(|ui| {
        ui.label("Gemeente");
        egui::ComboBox::from_id_salt("gemeente-keuze")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                for gemeente in &workbook.region.gemeenten {
                    let text = format!("{} · art. {}", gemeente.name, gemeente.article);
                    if ui.selectable_label(gemeente.name == shown, text).clicked() {
                        actions.push(Action::SelectGemeente(gemeente.name.clone()));
                    }
                }
            });
    });
    ui.add_space(tokens::SPACE_S);
}

/// The drafting screen's two columns: the cards, and beside them on the right the sign-off and
/// the charts. Laid out by hand rather than as a side panel, because egui's Tab order follows
/// the order widgets are made and a side panel must be made first: this way the cards come
/// before the sign-off panel for a keyboard user, as the work goes.
pub(super) fn cards_then_side(
    ui: &mut Ui,
    side_width: f32,
    actions: &mut Vec<Action>,
    cards: impl FnOnce(&mut Ui, &mut Vec<Action>),
    side: impl FnOnce(&mut Ui, &mut Vec<Action>),
) {
    let full = ui.available_rect_before_wrap();
    let gap = tokens::SPACE_L;
    let split = full.right() - side_width;
    let cards_rect = egui::Rect::from_min_max(full.min, egui::pos2(split - gap, full.bottom()));
    let side_rect = egui::Rect::from_min_max(egui::pos2(split, full.top()), full.max);
    ui.scope_builder(egui::UiBuilder::new().max_rect(cards_rect), |ui| {
        cards(ui, actions)
    });
    let line_x = split - gap / 2.0;
    ui.painter().vline(
        line_x,
        full.y_range(),
        ui.visuals().widgets.noninteractive.bg_stroke,
    );
    ui.scope_builder(egui::UiBuilder::new().max_rect(side_rect), |ui| {
        egui::ScrollArea::vertical()
            .id_salt("zijkolom")
            .auto_shrink([false, false])
            .show(ui, |ui| side(ui, actions));
    });
    ui.advance_cursor_after_rect(full);
}
