//! The region overview: all seven gemeenten side by side, as a table activity × gemeente and a
//! stacked bar chart of pepper use.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Legend, Plot};
use rust_decimal::Decimal;

use super::app::Action;
use super::design_tokens as tokens;
use crate::core::Workbook;
use crate::core::money::{format_eur, format_number};

/// Shows the overview of the whole region.
pub fn show(ui: &mut Ui, workbook: &Workbook, actions: &mut Vec<Action>) {
    ui.heading(format!(
        "Regio-overzicht {} · {}",
        workbook.region.name,
        workbook.region.term.label()
    ));
    ui.add_space(tokens::SPACE_S);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            table(ui, workbook, actions);
            ui.add_space(tokens::SPACE_L);
            ui.label(RichText::new("Pepergebruik per gemeente").strong());
            stacked_bars(ui, workbook);
        });
}

fn table(ui: &mut Ui, workbook: &Workbook, actions: &mut Vec<Action>) {
    let region = &workbook.region;
    egui::Grid::new("overzicht")
        .striped(true)
        .spacing([14.0, 6.0])
        .show(ui, |ui| {
            ui.label(RichText::new("Activiteit").strong());
            for gemeente in &region.gemeenten {
                if ui
                    .link(RichText::new(&gemeente.name).strong())
                    .on_hover_text("Open de keuzes van deze gemeente")
                    .clicked()
                {
                    actions.push(Action::SelectGemeente(gemeente.name.clone()));
                    actions.push(Action::Command(super::commands::UiCommand::ShowDrafting));
                }
            }
            ui.label(RichText::new("Totaal").strong());
            ui.end_row();

            for activity in &workbook.card.activities {
                ui.label(format!("{} {}", activity.number, activity.title));
                let mut row_euros = Decimal::ZERO;
                let mut row_count = 0;
                for gemeente in &region.gemeenten {
                    let plan = workbook.plan(&gemeente.name);
                    let choice = plan.and_then(|p| p.choice(activity.number));
                    let text = match (choice, activity.offer(gemeente.colour)) {
                        (Some(choice), Some(offer))
                            if !choice.peppers.is_zero() || choice.taken =>
                        {
                            let euros = workbook.euros_for(gemeente, choice.peppers);
                            row_euros += euros;
                            row_count += 1;
                            let volume = offer
                                .unit
                                .amount(offer.volume_for(choice.peppers, choice.taken));
                            if offer.is_free() {
                                volume
                            } else {
                                format!("{} · {volume}", format_number(choice.peppers))
                            }
                        }
                        (_, None) => "—".to_owned(),
                        _ => String::new(),
                    };
                    ui.label(text);
                }
                ui.label(if row_count > 0 {
                    format!("{} ({row_count}×)", format_eur(row_euros.round()))
                } else {
                    String::new()
                });
                ui.end_row();
            }

            ui.label(RichText::new("Gebruikt / beschikbaar").strong());
            let mut used_eur = Decimal::ZERO;
            for gemeente in &region.gemeenten {
                let budget = workbook.budget(gemeente);
                used_eur += budget.used_eur;
                let over = budget.used > budget.available;
                let text = RichText::new(format!(
                    "{} / {}",
                    format_number(budget.used),
                    format_number(budget.available)
                ))
                .strong();
                ui.label(if over {
                    text.color(tokens::ERROR)
                } else {
                    text
                });
            }
            ui.label(
                RichText::new(format!(
                    "{} / {}",
                    format_number(used_peppers(workbook)),
                    format_number(region.total_peppers())
                ))
                .strong(),
            );
            ui.end_row();

            ui.label(RichText::new("Euro").strong());
            for gemeente in &region.gemeenten {
                let budget = workbook.budget(gemeente);
                ui.label(format!(
                    "{} / {}",
                    format_eur(budget.used_eur.round()),
                    format_eur(budget.budget_eur)
                ));
            }
            ui.label(format!(
                "{} / {}",
                format_eur(used_eur.round()),
                format_eur(region.total_budget())
            ));
            ui.end_row();
        });
}

fn used_peppers(workbook: &Workbook) -> Decimal {
    workbook
        .region
        .gemeenten
        .iter()
        .map(|g| workbook.budget(g).used)
        .sum()
}

fn stacked_bars(ui: &mut Ui, workbook: &Workbook) {
    use rust_decimal::prelude::ToPrimitive;
    let region = &workbook.region;
    let mut charts: Vec<BarChart> = Vec::new();
    let series: Vec<(String, egui::Color32, Vec<f64>)> = workbook
        .card
        .activities
        .iter()
        .enumerate()
        .map(|(i, activity)| {
            let values = region
                .gemeenten
                .iter()
                .map(|g| {
                    workbook
                        .plan(&g.name)
                        .map(|p| p.peppers_on(activity.number))
                        .unwrap_or_default()
                        .to_f64()
                        .unwrap_or(0.0)
                })
                .collect();
            (
                format!("{} {}", activity.number, activity.title),
                tokens::series(i),
                values,
            )
        })
        .chain(std::iter::once((
            "Nog te besteden".to_owned(),
            tokens::BAR_TRACK,
            region
                .gemeenten
                .iter()
                .map(|g| {
                    workbook
                        .budget(g)
                        .left
                        .max(Decimal::ZERO)
                        .to_f64()
                        .unwrap_or(0.0)
                })
                .collect(),
        )))
        .filter(|(_, _, values): &(String, egui::Color32, Vec<f64>)| {
            values.iter().any(|v| *v > 0.0)
        })
        .collect();
    for (name, colour, values) in series {
        let bars = values
            .iter()
            .enumerate()
            .map(|(x, v)| Bar::new(x as f64, *v).width(0.6).fill(colour))
            .collect();
        let chart = BarChart::new(name, bars).color(colour);
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = chart.stack_on(&refs);
        charts.push(chart);
    }
    let names: Vec<String> = region
        .gemeenten
        .iter()
        .map(|g| format!("{} ({})", g.name, g.colour.name()))
        .collect();
    Plot::new("pepergebruik")
        .height(300.0)
        .legend(Legend::default())
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .y_axis_label("pepers")
        .x_axis_formatter(move |mark, _range| {
            let index = mark.value.round() as usize;
            if (mark.value - index as f64).abs() < 1e-6 {
                names.get(index).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        });
}
