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
    egui::ScrollArea::vertical().show(ui, |ui| {
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
        ui.add_space(tokens::SPACE_L);
        let candidates = region
            .bought
            .get("kandidaten")
            .copied()
            .unwrap_or_default();
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
    });
}
