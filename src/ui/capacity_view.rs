//! Capaciteit: what the choices ask of WerkBedrijf in staff and what they buy, per gemeente and
//! for the region, with the assumptions (data) shown beside the figures.

use egui::{RichText, Ui};

use super::design_tokens as tokens;
use crate::core::Workbook;
use crate::core::capacity::{Capacity, CapacityAssumptions, capacity};
use crate::core::money::{format_eur, format_number};

/// "30 kandidaten, 1 event", or a dash when the choices buy nothing countable.
fn bought_text(row: &Capacity) -> String {
    let text = row.bought_text();
    if text.is_empty() {
        "—".to_owned()
    } else {
        text
    }
}

/// The figures, worked out once per change of the workbook rather than in every frame.
#[derive(Debug, Default)]
pub struct CapacityCache {
    figures: Option<(u64, Vec<Capacity>, Capacity)>,
}

/// Shows the capacity view.
pub fn show(
    ui: &mut Ui,
    workbook: &Workbook,
    generation: u64,
    assumptions: &CapacityAssumptions,
    cache: &mut CapacityCache,
) {
    if cache
        .figures
        .as_ref()
        .is_none_or(|(g, _, _)| *g != generation)
    {
        let (rows, region) = capacity(workbook, assumptions);
        cache.figures = Some((generation, rows, region));
    }
    let Some((_, rows, region)) = &cache.figures else {
        return;
    };
    crate::ui::painted::heading(
        ui,
        "Capaciteit: wat de keuzes van de gemeenten van WerkBedrijf vragen",
    );
    ui.label("Per gemeente het voorstel; inzet op locatie omgerekend naar fte en kosten per jaar.");
    ui.add_space(tokens::SPACE_M);
    // On a wide screen the chart stands beside the table, on a laptop below it.
    let wide = ui.available_width() >= WIDE;
    egui::ScrollArea::vertical().show(ui, |ui| {
        if wide {
            ui.horizontal_top(|ui| {
                ui.vertical(|ui| table(ui, rows, region));
                ui.add_space(tokens::SPACE_L * 2.0);
                ui.vertical(|ui| fte_bars(ui, rows));
            });
        } else {
            table(ui, rows, region);
            ui.add_space(tokens::SPACE_L);
            fte_bars(ui, rows);
        }
        notes(ui, region, assumptions);
    });
}

/// The width, in points, from which the bars stand beside the table (about 950 points wide)
/// instead of below it.
const WIDE: f32 = 1500.0;

/// The figures per gemeente and for the region.
fn table(ui: &mut Ui, rows: &[Capacity], region: &Capacity) {
    egui::Grid::new("capaciteit")
        .striped(true)
        .spacing([tokens::SPACE_L, tokens::SPACE_S])
        .show(ui, |ui| {
            for heading in [
                "Gemeente",
                "Op locatie (dagdelen/week)",
                "fte",
                "Kosten per jaar",
                "Wat de keuzes opleveren",
            ] {
                ui.label(RichText::new(heading).strong());
            }
            ui.end_row();
            for row in rows.iter().chain(std::iter::once(region)) {
                let strong = |text: String| {
                    if row.name == region.name {
                        RichText::new(text).strong()
                    } else {
                        RichText::new(text)
                    }
                };
                ui.label(strong(row.name.clone()));
                ui.label(strong(format_number(row.dagdelen)));
                ui.label(strong(format_number(row.fte)));
                ui.label(strong(format_eur(row.cost)));
                ui.label(strong(bought_text(row)));
                ui.end_row();
            }
        });
}

/// The staff each gemeente's choices ask on location, as bars of one colour (the gemeenten are
/// compared, not told apart), the figure beside each bar: who asks most is seen at a glance.
fn fte_bars(ui: &mut Ui, rows: &[Capacity]) {
    use rust_decimal::prelude::ToPrimitive;
    const TITLE: &str = "Inzet op locatie per gemeente, in fte";
    ui.label(RichText::new(TITLE).strong());
    let body = egui::TextStyle::Body.resolve(ui.style());
    let row = ui.fonts_mut(|f| f.row_height(&body)) + tokens::SPACE_M;
    let name_width = rows
        .iter()
        .map(|r| {
            ui.fonts_mut(|f| {
                f.layout_no_wrap(r.name.clone(), body.clone(), egui::Color32::BLACK)
                    .size()
                    .x
            })
        })
        .fold(0.0, f32::max);
    let width = ui.available_width().clamp(320.0, 640.0);
    let (rect, response) = ui.allocate_exact_size(
        egui::vec2(width, row * rows.len() as f32),
        egui::Sense::hover(),
    );
    response.widget_info(|| {
        let lines: Vec<String> = rows
            .iter()
            .map(|r| format!("{}: {} fte", r.name, format_number(r.fte)))
            .collect();
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("{TITLE}. {}", lines.join("; ")),
        )
    });
    if !ui.is_rect_visible(rect) {
        return;
    }
    let most = rows
        .iter()
        .filter_map(|r| r.fte.to_f32())
        .fold(0.0, f32::max)
        .max(f32::EPSILON);
    let painter = ui.painter_at(rect);
    let text = ui.visuals().text_color();
    let value_room = 70.0;
    let bar_left = rect.left() + name_width + tokens::SPACE_M;
    let bar_room = (rect.right() - value_room - bar_left).max(10.0);
    for (i, r) in rows.iter().enumerate() {
        let top = rect.top() + row * i as f32;
        let middle = top + row / 2.0;
        painter.text(
            egui::pos2(rect.left(), middle),
            egui::Align2::LEFT_CENTER,
            &r.name,
            body.clone(),
            text,
        );
        let length = bar_room * r.fte.to_f32().unwrap_or(0.0) / most;
        let bar = egui::Rect::from_min_size(
            egui::pos2(bar_left, top + tokens::SPACE_S),
            egui::vec2(length, row - tokens::SPACE_M),
        );
        painter.rect_filled(bar, 2, tokens::BAR_OK);
        painter.text(
            egui::pos2(bar.right() + tokens::SPACE_S, middle),
            egui::Align2::LEFT_CENTER,
            format_number(r.fte),
            body.clone(),
            text,
        );
    }
}

/// What the candidates mean beside the regional target, and the assumptions behind the figures.
fn notes(ui: &mut Ui, region: &Capacity, assumptions: &CapacityAssumptions) {
    ui.add_space(tokens::SPACE_L);
    let candidates = region.bought.get("kandidaten").copied().unwrap_or_default();
    // Two statements, not one line: candidates screened or spoken to are not people who
    // found work, and beside each other the figures read as if the target were met.
    ui.label(
        RichText::new(format!(
            "Kandidaten die de keuzes van de regio bereiken: {}",
            format_number(candidates)
        ))
        .strong(),
    );
    ui.label(
        "Dat zijn mensen die gescreend, gesproken of begeleid worden; hoeveel van hen werk \
             vinden, staat niet in de keuzes.",
    );
    ui.label(format!(
        "Regionaal doel: {} mensen uit de bijstand naar werk. De lokale keuzes dragen daaraan bij.",
        format_number(assumptions.regional_target.into())
    ));
    ui.add_space(tokens::SPACE_L);
    ui.label(RichText::new("Uitgangspunten").strong());
    for note in &assumptions.notes {
        ui.label(format!("• {note}"));
    }
    ui.label(
            RichText::new(format!(
                "Gerekend met: {} dagdelen = 1 fte · {} per fte per jaar · activiteiten op locatie: {}.",
                format_number(assumptions.dagdelen_per_fte),
                format_eur(assumptions.cost_per_fte),
                assumptions
                    .location_activities
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
            .small(),
        );
}
