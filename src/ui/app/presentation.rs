//! Presentation mode (F11): on and off, putting back exactly the view it left.

use super::*;
use crate::ui::design_tokens::{Mode, Tokens};

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
                self.navigation = saved.navigation;
                ctx.set_zoom_factor(saved.zoom);
                Tokens::set_mode(ctx, Mode::Normal);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(false));
            }
            None => {
                let zoom = ctx.zoom_factor();
                self.presentation = Some(Presentation {
                    navigation: self.navigation.clone(),
                    zoom,
                });
                self.navigation.view = View::Drafting;
                Tokens::set_mode(ctx, Mode::Presentation);
                ctx.set_zoom_factor(zoom * Tokens::PRESENTATION.zoom);
                ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(true));
            }
        }
        self.drafting.reset_notes();
    }
}
