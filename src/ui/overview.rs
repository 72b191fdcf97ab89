//! The region overview: all seven gemeenten side by side, as a table activity × gemeente and a
//! stacked bar chart of how each gemeente spends its peppers.

use egui::{RichText, Ui};
use egui_plot::{Bar, BarChart, Plot};
use rust_decimal::Decimal;

use super::action::Action;
use super::charts::{self, Slice};
use super::commands::UiCommand;
use super::design_tokens as tokens;
use crate::core::Workbook;
use crate::core::money::{format_eur, format_number};
use crate::core::rules::peppers_label;

/// The accessible label of the overview's bar chart.
pub const CHART_LABEL: &str = "Besteding per gemeente, in procenten van de eigen pepers";

/// Shows the overview of the whole region.
pub fn show(ui: &mut Ui, model: &crate::core::Model, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    ui.heading(format!(
        "Regio-overzicht {} · {}",
        workbook.region.name,
        workbook.region.term.label()
    ));
    ui.label(
        RichText::new(
            "Per gemeente: pepers en wat ze kopen. Klik op een gemeente om haar keuzes te openen.",
        )
        .color(ui.visuals().weak_text_color()),
    );
    ui.add_space(tokens::SPACE_S);
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            table(ui, model, actions);
            ui.add_space(tokens::SPACE_L);
            ui.label(RichText::new(CHART_LABEL).strong());
            stacked_bars(ui, workbook);
        });
}

fn table(ui: &mut Ui, model: &crate::core::Model, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    let region = &workbook.region;
    let small = |text: String| RichText::new(text).small();
    egui::Grid::new("overzicht")
        .striped(true)
        .spacing([12.0, 4.0])
        .min_col_width(96.0)
        .show(ui, |ui| {
            ui.label(RichText::new("Activiteit").strong());
            for gemeente in &region.gemeenten {
                let status = workbook
                    .plan(&gemeente.name)
                    .map(|p| p.sign_off.status)
                    .unwrap_or_default();
                ui.vertical(|ui| {
                    let text = RichText::new(format!(
                        "{}\n{} pepers",
                        gemeente.name,
                        gemeente.colour.adjective()
                    ))
                    .strong();
                    if ui
                        .link(text)
                        .on_hover_text("Open de keuzes van deze gemeente")
                        .clicked()
                    {
                        actions.push(Action::SelectGemeente(gemeente.name.clone()));
                        actions.push(Action::Command(UiCommand::ShowDrafting));
                    }
                    let check = model.sign_off_check(&gemeente.name);
                    let invalid = check.is_some_and(|c| matches!(c.holds, Some(Err(_))));
                    let (label, colour) = if invalid {
                        (format!("{} — ONGELDIG", status.label()), tokens::ERROR)
                    } else {
                        (
                            status.label().to_owned(),
                            super::signoff_panel::status_colour(status),
                        )
                    };
                    ui.label(RichText::new(label).small().color(colour));
                });
            }
            ui.label(RichText::new("Regio").strong());
            ui.end_row();

            // Each gemeente's euros per activity, spread once per frame rather than per cell.
            let euros: Vec<Vec<(u32, Decimal)>> = region
                .gemeenten
                .iter()
                .map(|g| {
                    let choices = workbook
                        .plan(&g.name)
                        .map(|p| p.choices.as_slice())
                        .unwrap_or_default();
                    workbook.euros_per_activity(g, choices)
                })
                .collect();
            for activity in &workbook.card.activities {
                ui.allocate_ui(egui::vec2(230.0, 0.0), |ui| {
                    ui.add(
                        egui::Label::new(format!("{} {}", activity.number, activity.title)).wrap(),
                    );
                });
                let mut row_euros = Decimal::ZERO;
                let mut row_count = 0;
                for (column, gemeente) in region.gemeenten.iter().enumerate() {
                    let choice = workbook
                        .plan(&gemeente.name)
                        .and_then(|p| p.choice(activity.number));
                    match (choice, activity.offer(gemeente.colour)) {
                        (Some(choice), Some(offer))
                            if !choice.peppers.is_zero() || choice.taken =>
                        {
                            row_euros += euros[column]
                                .iter()
                                .find(|(n, _)| *n == activity.number)
                                .map(|(_, e)| *e)
                                .unwrap_or_default();
                            row_count += 1;
                            let volume = offer
                                .unit
                                .amount(offer.volume_for(choice.peppers, choice.taken));
                            ui.vertical(|ui| {
                                ui.label(
                                    RichText::new(if offer.is_free() {
                                        "gekozen".to_owned()
                                    } else {
                                        peppers_label(choice.peppers)
                                    })
                                    .strong(),
                                );
                                ui.label(small(volume));
                            });
                        }
                        (_, None) => {
                            ui.label(RichText::new("—").color(ui.visuals().weak_text_color()))
                                .on_hover_text(format!(
                                    "Geen aanbod voor {} pepers",
                                    gemeente.colour.adjective()
                                ));
                        }
                        _ => {
                            ui.label("");
                        }
                    }
                }
                if row_count > 0 {
                    ui.vertical(|ui| {
                        ui.label(RichText::new(format_eur(row_euros.round())).strong());
                        ui.label(small(format!("{row_count} gemeente(n)")));
                    });
                } else {
                    ui.label("");
                }
                ui.end_row();
            }

            ui.label(RichText::new("Pepers gebruikt").strong());
            let mut used_eur = Decimal::ZERO;
            let mut used_peppers = Decimal::ZERO;
            for gemeente in &region.gemeenten {
                let budget = workbook.budget(gemeente);
                used_eur += budget.used_eur;
                used_peppers += budget.used;
                let text = RichText::new(format!(
                    "{} van {}",
                    format_number(budget.used),
                    format_number(budget.available)
                ))
                .strong();
                ui.label(if budget.used > budget.available {
                    text.color(tokens::ERROR)
                } else {
                    text
                });
            }
            ui.label(
                RichText::new(format!(
                    "{} van {}",
                    format_number(used_peppers),
                    format_number(region.total_peppers())
                ))
                .strong(),
            );
            ui.end_row();

            ui.label(RichText::new("Euro gebruikt").strong());
            for gemeente in &region.gemeenten {
                let budget = workbook.budget(gemeente);
                ui.vertical(|ui| {
                    ui.label(format_eur(budget.used_eur.round()));
                    ui.label(small(format!("van {}", format_eur(budget.budget_eur))));
                });
            }
            ui.vertical(|ui| {
                ui.label(format_eur(used_eur.round()));
                ui.label(small(format!("van {}", format_eur(region.total_budget()))));
            });
            ui.end_row();
        });
}

fn stacked_bars(ui: &mut Ui, workbook: &Workbook) {
    use rust_decimal::prelude::ToPrimitive;
    let region = &workbook.region;
    let percent = |peppers: Decimal, of: Decimal| {
        if of.is_zero() {
            0.0
        } else {
            (peppers / of * Decimal::ONE_HUNDRED)
                .to_f64()
                .unwrap_or(0.0)
        }
    };
    let mut series: Vec<(String, egui::Color32, Vec<f64>)> = workbook
        .card
        .activities
        .iter()
        .enumerate()
        .map(|(i, activity)| {
            let values = region
                .gemeenten
                .iter()
                .map(|g| {
                    percent(
                        workbook
                            .plan(&g.name)
                            .map(|p| p.peppers_on(activity.number))
                            .unwrap_or_default(),
                        g.peppers,
                    )
                })
                .collect();
            (
                format!("{} {}", activity.number, activity.title),
                tokens::series(i),
                values,
            )
        })
        .collect();
    series.push((
        "Nog te besteden".to_owned(),
        tokens::BAR_TRACK,
        region
            .gemeenten
            .iter()
            .map(|g| percent(workbook.budget(g).left.max(Decimal::ZERO), g.peppers))
            .collect(),
    ));
    series.retain(|(_, _, values)| values.iter().any(|v| *v > 0.0));

    let mut charts: Vec<BarChart> = Vec::new();
    for (name, colour, values) in &series {
        let bars = values
            .iter()
            .enumerate()
            .map(|(x, v)| Bar::new(x as f64, *v).width(0.6).fill(*colour))
            .collect();
        let refs: Vec<&BarChart> = charts.iter().collect();
        let chart = BarChart::new(name.clone(), bars)
            .color(*colour)
            .stack_on(&refs);
        charts.push(chart);
    }
    // Long names on two lines, so neighbouring axis labels do not hide each other.
    let names: Vec<String> = region
        .gemeenten
        .iter()
        .map(|g| wrap_name(&g.name))
        .collect();
    let response = Plot::new("pepergebruik")
        .height(260.0)
        .width(ui.available_width().min(1100.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .include_y(0.0)
        .include_y(100.0)
        .include_x(-0.6)
        .include_x(names.len() as f64 - 0.4)
        .y_axis_label("% van eigen pepers")
        .x_axis_formatter(move |mark, _range| {
            let index = mark.value.round();
            if (mark.value - index).abs() < 1e-6 && index >= 0.0 {
                names.get(index as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        })
        .show(ui, |plot_ui| {
            for chart in charts {
                plot_ui.bar_chart(chart);
            }
        })
        .response;
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Image, true, CHART_LABEL));
    let legend: Vec<Slice> = series
        .iter()
        .map(|(name, colour, values)| Slice {
            label: name.clone(),
            weight: 0.0,
            colour: *colour,
            value: format!(
                "{} gemeente(n)",
                values.iter().filter(|v| **v > 0.0).count()
            ),
        })
        .collect();
    ui.add_space(tokens::SPACE_S);
    ui.set_max_width(520.0);
    charts::legend(ui, &legend);
}

/// "Mook en Middelaar" → "Mook en\nMiddelaar"; short names stay on one line.
fn wrap_name(name: &str) -> String {
    match name.rfind(' ') {
        Some(at) if name.chars().count() > 12 => format!("{}\n{}", &name[..at], &name[at + 1..]),
        _ => name.to_owned(),
    }
}
