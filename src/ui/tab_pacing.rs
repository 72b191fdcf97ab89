//! Keystrokes typed right after Tab belong to the field Tab moves to.
//!
//! egui moves focus on Tab while the frame is drawn: the field that had focus still takes the
//! text events of the same frame. A fast typist (or a slow frame) delivers "Tab, J, . , d, e" in
//! one frame, and "J. de" landed at the end of the previous field ("2026-123J"). So each frame
//! takes its events up to and including the first Tab; the rest wait for the next frame, after
//! the focus has moved, and no keystroke is lost or moved.

use egui::{Event, FocusDirection, Key};

/// The events held back for the next frame.
#[derive(Debug, Default)]
pub struct TabPacing {
    held: Vec<Event>,
}

/// Which way a Tab press moves focus, as egui reads it (Tab: next; Shift+Tab: previous).
fn tab_direction(event: &Event) -> Option<FocusDirection> {
    match event {
        Event::Key {
            key: Key::Tab,
            pressed: true,
            modifiers,
            ..
        } if !modifiers.any() => Some(FocusDirection::Next),
        Event::Key {
            key: Key::Tab,
            pressed: true,
            modifiers,
            ..
        } if modifiers.shift_only() => Some(FocusDirection::Previous),
        _ => None,
    }
}

impl TabPacing {
    /// Called first in every frame, before any widget reads input.
    pub fn begin_frame(&mut self, ctx: &egui::Context) {
        let mut events = std::mem::take(&mut self.held);
        let kept_tab = ctx.input_mut(|input| {
            events.append(&mut input.events);
            let tab = events.iter().position(|e| tab_direction(e).is_some());
            if let Some(tab) = tab {
                self.held = events.split_off(tab + 1);
            }
            input.events = std::mem::take(&mut events);
            tab.and_then(|tab| tab_direction(&input.events[tab]))
        });
        // egui took this frame's focus move from the raw events; it must follow the Tab kept
        // (one that waited a frame, or the first of several typed at once).
        if let Some(direction) = kept_tab {
            ctx.memory_mut(|m| m.move_focus(direction));
        }
        if !self.held.is_empty() {
            ctx.request_repaint();
        }
    }
}
