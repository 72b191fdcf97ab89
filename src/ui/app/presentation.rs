//! Presentation mode (F11): on and off, putting back exactly the view it left.

use super::*;

impl KeuzekaartApp {
    /// Whether presentation mode is on.
    pub fn is_presenting(&self) -> bool {
        self.presentation.is_some()
    }

    /// Enters presentation mode (full screen, larger, high contrast, drafting screen without
    /// editing chrome) or leaves it, putting back exactly what was shown before.
    pub(super) fn toggle_presentation(&mut self, ctx: &egui::Context) {
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
}
