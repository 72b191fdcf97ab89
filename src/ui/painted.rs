//! Small widgets drawn straight with the painter instead of composed from egui's layout widgets.
//! They look and behave like egui's own (hover and pressed looks from the style, Tab focus,
//! Enter/Space, an accessible name) but cost a fraction per frame, which counts on the drafting
//! screen: it carries dozens of them and redraws at the pointer's pace during a drag.

use egui::{Id, Rect, Response, Role, Sense, Stroke, Ui, WidgetInfo};

/// Paints a button face: the style's fill and outline for the response's state (or none when
/// `plain` and nothing is going on), and the text centred.
fn paint_face(
    ui: &Ui,
    rect: Rect,
    visuals: &egui::style::WidgetVisuals,
    text: &str,
    size: f32,
    plain: bool,
) {
    if !ui.is_rect_visible(rect) {
        return;
    }
    if !plain {
        ui.painter().rect(
            rect.expand(visuals.expansion),
            visuals.corner_radius,
            visuals.weak_bg_fill,
            visuals.bg_stroke,
            egui::StrokeKind::Inside,
        );
    }
    ui.painter().text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        text,
        egui::FontId::proportional(size),
        visuals.text_color(),
    );
}

/// A small button with one symbol ("−", "+½") in a place already allocated.
pub fn symbol_button_at(ui: &Ui, rect: Rect, id: Id, symbol: &str, label: &str) -> Response {
    let response = ui.interact(rect, id, Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    let visuals = ui.style().interact(&response);
    paint_face(ui, rect, visuals, symbol, 16.0, false);
    response
}

/// A full-width selectable row ("Beuningen · art. 6"); filled when selected, hovered or focused.
pub fn selectable_row(ui: &mut Ui, selected: bool, text: &str) -> Response {
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(ui.available_width(), 22.0), Sense::click());
    response.widget_info(|| WidgetInfo::selected(Role::Button, true, selected, text));
    let visuals = ui.style().interact_selectable(&response, selected);
    let plain = !(selected || response.hovered() || response.has_focus());
    paint_face(ui, rect, &visuals, text, 15.0, plain);
    response
}

/// A small text that acts as a button ("Volledige omschrijving"), in the link colour; it
/// underlines on hover and gets the focus ring on keyboard focus. `label` is its accessible name,
/// which must tell it apart from the others like it ("… van activiteit 3").
pub fn text_button(ui: &mut Ui, text: &str, label: &str) -> Response {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let colour = ui.visuals().hyperlink_color;
    let galley = ui.painter().layout_no_wrap(text.to_owned(), font, colour);
    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::click());
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    if ui.is_rect_visible(rect) {
        if response.hovered() {
            ui.painter().hline(
                rect.x_range(),
                rect.bottom() - 0.5,
                Stroke::new(1.0, colour),
            );
        }
        if response.has_focus() {
            ui.painter().rect_stroke(
                rect.expand(2.0),
                2,
                ui.visuals().widgets.active.bg_stroke,
                egui::StrokeKind::Outside,
            );
        }
        ui.painter().galley(rect.min, galley, colour);
    }
    response.on_hover_cursor(egui::CursorIcon::PointingHand)
}

/// Under a text field with a length limit: nothing while there is room, "1.950 van 2.000 tekens"
/// when it is nearly full, and a plain sentence when it is full (typing or pasting more is cut
/// off by the field, so the user must see why).
pub fn text_limit_hint(ui: &mut egui::Ui, text: &str, max: usize) {
    let count = text.chars().count();
    if count * 10 < max * 9 {
        return;
    }
    use crate::core::money::format_number;
    let n = |v: usize| format_number(rust_decimal::Decimal::from(v));
    let hint = if count >= max {
        format!("Vol: hier passen hoogstens {} tekens.", n(max))
    } else {
        format!("{} van {} tekens", n(count), n(max))
    };
    ui.label(egui::RichText::new(hint).small());
}

/// A heading: egui's heading text, exposed to screen readers with the heading role, so they can
/// jump from heading to heading.
pub fn heading(ui: &mut Ui, text: impl Into<egui::RichText>) -> Response {
    let text: egui::RichText = text.into();
    let name = text.text().to_owned();
    let response = ui.heading(text);
    ui.ctx().accesskit_node_builder(response.id, |node| {
        node.set_role(Role::Heading);
        node.set_label(name);
    });
    response
}
