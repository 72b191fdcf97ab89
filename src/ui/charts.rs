//! Charts drawn with egui's painter: pie charts (egui_plot has none) and the budget bar.

use egui::{Color32, Mesh, Pos2, Rect, Response, Sense, Stroke, Ui, Vec2, pos2, vec2};

use super::design_tokens as tokens;

/// One slice of a pie: what it is, how big, in what colour, and the value as the legend shows it.
#[derive(Clone, Debug)]
pub struct Slice {
    /// Legend text ("4 Screenen kandidaten").
    pub label: String,
    /// Relative size (only ratios matter; drawing only, never money arithmetic).
    pub weight: f32,
    /// Slice colour.
    pub colour: Color32,
    /// The value as text ("3 pepers", "€ 78.395").
    pub value: String,
    /// A short mark drawn on the slice (the activity's or article's number), so slices differ by
    /// more than colour: also in black and white, and for colour-blind eyes. Empty for none.
    pub tag: String,
}

/// Draws a pie chart with its legend below. The pie is one accessible widget whose label lists
/// every slice, so a screen reader reads the chart as text.
pub fn pie_with_legend(ui: &mut Ui, title: &str, slices: &[Slice], radius: f32) -> Response {
    ui.label(egui::RichText::new(title).strong());
    let (rect, response) = ui.allocate_exact_size(Vec2::splat(radius * 2.0 + 4.0), Sense::hover());
    let total: f32 = slices.iter().map(|s| s.weight.max(0.0)).sum();
    let center = rect.center();
    let painter = ui.painter_at(rect.expand(2.0));
    if total <= 0.0 {
        painter.circle_stroke(center, radius, Stroke::new(1.5, tokens::BAR_TRACK));
    } else {
        let mut angle = -std::f32::consts::FRAC_PI_2;
        let mut mesh = Mesh::default();
        for slice in slices.iter().filter(|s| s.weight > 0.0) {
            let sweep = slice.weight / total * std::f32::consts::TAU;
            add_sector(&mut mesh, center, radius, angle, sweep, slice.colour);
            angle += sweep;
        }
        painter.add(mesh);
        painter.circle_stroke(
            center,
            radius,
            Stroke::new(1.0, ui.visuals().window_stroke.color),
        );
        // Each slice wide enough for it carries its tag, in black or white, whichever reads
        // better on the slice's colour.
        let font = egui::FontId::proportional((radius * 0.2).clamp(14.0, 22.0));
        let mut angle = -std::f32::consts::FRAC_PI_2;
        for slice in slices.iter().filter(|s| s.weight > 0.0) {
            let sweep = slice.weight / total * std::f32::consts::TAU;
            if !slice.tag.is_empty() && sweep >= 0.3 {
                let middle = angle + sweep / 2.0;
                let at = center + radius * 0.64 * vec2(middle.cos(), middle.sin());
                let ink = if tokens::contrast_ratio(Color32::BLACK, slice.colour)
                    >= tokens::contrast_ratio(Color32::WHITE, slice.colour)
                {
                    Color32::BLACK
                } else {
                    Color32::WHITE
                };
                painter.text(
                    at,
                    egui::Align2::CENTER_CENTER,
                    &slice.tag,
                    font.clone(),
                    ink,
                );
            }
            angle += sweep;
        }
    }
    // Both texts are built only when asked for: by a screen reader, or when the pie is hovered.
    let lines = || {
        slices
            .iter()
            .map(|s| format!("{}: {}", s.label, s.value))
            .collect::<Vec<_>>()
    };
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("{title}: {}", lines().join("; ")),
        )
    });
    let response = response.on_hover_ui(|ui| {
        ui.label(lines().join("\n"));
    });
    legend(ui, slices);
    response
}

/// A legend: a colour swatch, the label and the value per entry. Painted as one block rather than
/// a grid of widgets (it is redrawn with every frame of a drag); the pie's accessible label already
/// reads every entry, and a label too long for the width ends in "…".
pub fn legend(ui: &mut Ui, slices: &[Slice]) {
    let font = egui::TextStyle::Small.resolve(ui.style());
    let row = ui.fonts_mut(|f| f.row_height(&font)).max(10.0) + 3.0;
    // Values stay near their labels: a wide column does not push them to its far edge.
    let width = ui.available_width().min(420.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, row * slices.len() as f32), Sense::hover());
    if !ui.is_rect_visible(rect) {
        return;
    }
    let painter = ui.painter_at(rect);
    let text_colour = ui.visuals().text_color();
    for (i, slice) in slices.iter().enumerate() {
        let top = rect.top() + row * i as f32;
        let swatch = Rect::from_min_size(
            pos2(rect.left(), top + (row - 10.0) / 2.0),
            vec2(10.0, 10.0),
        );
        painter.rect_filled(swatch, 2, slice.colour);
        let value = painter.layout_no_wrap(slice.value.clone(), font.clone(), text_colour);
        let value_width = value.size().x;
        painter.galley(
            pos2(
                rect.right() - value_width,
                top + (row - value.size().y) / 2.0,
            ),
            value,
            text_colour,
        );
        let mut job = egui::text::LayoutJob::single_section(
            slice.label.clone(),
            egui::TextFormat::simple(font.clone(), text_colour),
        );
        job.wrap = egui::text::TextWrapping {
            max_width: (width - 10.0 - tokens::SPACE_S * 2.0 - value_width).max(10.0),
            max_rows: 1,
            break_anywhere: true,
            overflow_character: Some('…'),
        };
        let label = painter.layout_job(job);
        painter.galley(
            pos2(
                swatch.right() + tokens::SPACE_S,
                top + (row - label.size().y) / 2.0,
            ),
            label,
            text_colour,
        );
    }
}

/// Adds a filled circle sector as a triangle fan (works for any sweep, unlike a convex polygon).
fn add_sector(mesh: &mut Mesh, center: Pos2, radius: f32, start: f32, sweep: f32, colour: Color32) {
    let segments = ((sweep / std::f32::consts::TAU) * 96.0).ceil().max(2.0) as u32;
    let base = mesh.vertices.len() as u32;
    mesh.colored_vertex(center, colour);
    for i in 0..=segments {
        let a = start + sweep * i as f32 / segments as f32;
        mesh.colored_vertex(center + radius * vec2(a.cos(), a.sin()), colour);
    }
    for i in 0..segments {
        mesh.add_triangle(base, base + 1 + i, base + 2 + i);
    }
}

/// Draws a horizontal budget bar: filled to `fraction`, blue while there is room, a deeper blue at
/// 100% (the goal, not a warning), red over 100%, outlined so its whole length shows. `text` is
/// painted on the bar; `label` is what a screen reader says, with the percentage as its value.
pub fn budget_bar(ui: &mut Ui, fraction: f32, text: &str, label: &str, height: f32) -> Response {
    let width = ui.available_width();
    let (rect, response) = ui.allocate_exact_size(vec2(width, height), Sense::hover());
    let colour = if fraction > 1.0 + f32::EPSILON {
        tokens::BAR_OVER
    } else if fraction >= 1.0 - f32::EPSILON {
        tokens::BAR_FULL
    } else {
        tokens::BAR_OK
    };
    let painter = ui.painter_at(rect);
    painter.rect_filled(rect, tokens::CORNER, tokens::BAR_TRACK);
    let filled = Rect::from_min_size(
        rect.min,
        vec2(rect.width() * fraction.clamp(0.0, 1.0), rect.height()),
    );
    painter.rect_filled(filled, tokens::CORNER, colour);
    let font = egui::FontId::proportional((height * 0.6).clamp(14.0, 22.0));
    let galley = painter.layout_no_wrap(text.to_owned(), font, Color32::BLACK);
    let pos = pos2(
        rect.min.x + tokens::SPACE_M,
        rect.center().y - galley.size().y / 2.0,
    );
    // Text on a light plate so it reads on both the bar and the track.
    let plate = Rect::from_min_size(pos, galley.size()).expand2(vec2(4.0, 1.0));
    painter.rect_filled(plate, 3, Color32::from_white_alpha(200));
    painter.galley(pos, galley, Color32::BLACK);
    painter.rect_stroke(
        rect,
        tokens::CORNER,
        Stroke::new(1.0, tokens::BAR_OUTLINE),
        egui::StrokeKind::Inside,
    );
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, label);
        info.value = Some(f64::from(fraction * 100.0).round());
        info
    });
    response
}
