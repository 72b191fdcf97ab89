//! The frame's screen: the input it reads, the strip of presentation mode, and the screen in
//! view in the central panel.

use super::*;

impl KeuzekaartApp {
    /// What the keyboard, the window and dropped files ask for this frame: a command's
    /// shortcut, a file to open, a close with unsaved work, and in presentation mode the arrows.
    pub(super) fn collect_input(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.dialog.is_none()
            && !ctx.text_edit_focused()
            && let Some(command) = UiCommand::from_shortcuts(ctx)
        {
            actions.push(Action::Command(command));
        }
        if let Some(path) = ctx.input(|i| {
            i.raw.dropped_files.iter().find_map(|f| {
                let path = f.path();
                (!path.as_os_str().is_empty()).then(|| path.to_owned())
            })
        }) {
            actions.push(Action::File(FileAction::new(FileCommand::Open, path)));
        }
        if ctx.input(|i| i.viewport().close_requested())
            && self.model.is_dirty()
            && !self.allow_close
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.dialog = Some(Dialog::UnsavedChanges {
                then: FileAction::chosen(FileCommand::Quit),
            });
        }

        if self.presentation.is_some() && self.dialog.is_none() {
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
    }

    /// With another option in view, the drafting screen draws a copy of the workbook holding
    /// that option's choices; the copy is made again only when something changed.
    pub(super) fn refresh_option_view(&mut self) {
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
    }

    /// The screen in view, in the central panel.
    pub(super) fn screen(&mut self, ui: &mut Ui, narrow: bool, actions: &mut Vec<Action>) {
        // Borrowed, not cloned: nothing of the workbook is copied per frame.
        let model = &self.model;
        let gemeente = model.workbook().region.gemeente(self.navigation.gemeente());
        match (self.navigation.view, gemeente) {
            (View::Admin, _) => admin::show(ui, model, &mut self.admin, actions),
            (View::Progress, _) => {
                let gemeente_name = self.navigation.gemeente().to_owned();
                let mut author = self.author();
                let state = &mut self.progress;
                egui::CentralPanel::default().show(ui, |ui| {
                    progress_view::show(ui, model, &gemeente_name, &mut author, state, actions)
                });
                // The name typed on the screen is the user's, kept with the settings.
                self.settings.author = author.name;
            }
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
                let gemeente = gemeente.clone();
                self.drafting_screen(ui, &gemeente, narrow, actions);
            }
            (View::Overview, _) | (_, None) => {
                egui::CentralPanel::default().show(ui, |ui| overview::show(ui, model, actions));
            }
        }
    }

    /// Keuzes: the options bar and the cards beside the sign-off panel and the charts.
    fn drafting_screen(
        &mut self,
        ui: &mut Ui,
        gemeente: &crate::core::Gemeente,
        narrow: bool,
        actions: &mut Vec<Action>,
    ) {
        let ctx = ui.ctx().clone();
        let presenting = self.presentation.is_some();
        let shown_option = self.shown_option().map(str::to_owned);
        let model = &self.model;
        let drafting_state = &mut self.drafting;
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
        let side_width = if narrow {
            (ctx.content_rect().width() * 0.34).max(tokens::SIDE_PANEL_WIDTH * 0.8)
        } else {
            tokens::CHART_PANEL_WIDTH
        };
        let options_bar = &mut self.options_bar;
        egui::CentralPanel::default().show(ui, |ui| {
            chrome::cards_then_side(
                ui,
                side_width,
                actions,
                |ui, actions| {
                    if narrow && !presenting {
                        chrome::gemeente_choice(ui, model.workbook(), &gemeente.name, actions);
                    }
                    if !presenting && let Some(plan) = model.workbook().plan(&gemeente.name) {
                        let name = shown_option.as_deref().unwrap_or(&plan.proposal);
                        options_bar.show(ui, plan, name, actions);
                        ui.add_space(tokens::SPACE_S);
                    }
                    drafting::show(ui, &shown, gemeente, drafting_state, actions);
                },
                |ui, actions| {
                    if !tokens::Tokens::of(ui.ctx()).details {
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
                    signoff_panel::show(ui, model, gemeente, actions);
                    ui.separator();
                    drafting::charts(ui, workbook, gemeente);
                },
            );
        });
    }
}

/// The strip at the top in presentation mode: how to move, and the way out.
pub(super) fn presentation_bar(ui: &mut Ui, actions: &mut Vec<Action>) {
    egui::Panel::top("presentatie").show(ui, |ui| {
        ui.horizontal(|ui| {
            ui.label("Presentatie · pijltjes links en rechts: gemeente · omhoog en omlaag: optie");
            if ui.button("Presentatie verlaten (Esc)").clicked() {
                actions.push(Action::Command(UiCommand::Present));
            }
        });
    });
}
