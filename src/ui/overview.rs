//! The region overview: all seven gemeenten side by side, as a table activity × gemeente and a
//! stacked bar chart of how each gemeente spends its peppers.

use egui::{Response, RichText, Role, Sense, Ui, WidgetInfo};
use egui_plot::{Bar, BarChart, Plot};
use rust_decimal::Decimal;

use super::action::Action;
use super::charts::{self, Slice};
use super::commands::UiCommand;
use super::design_tokens as tokens;
use crate::core::Workbook;
use crate::core::money::{format_eur, format_number, round_whole};
use crate::core::rules::{coloured_peppers_label, peppers_label};

/// The accessible label of the overview's bar chart.
pub const CHART_LABEL: &str = "Besteding per gemeente, in procenten van de eigen pepers";

/// Shows the overview of the whole region.
pub fn show(ui: &mut Ui, model: &crate::core::Model, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    crate::ui::painted::heading(
        ui,
        format!(
            "Regio-overzicht {} · {}",
            workbook.region.name,
            workbook.region.term.label()
        ),
    );
    ui.label(
        RichText::new(
            "Per gemeente: pepers en wat ze kopen. Klik op een gemeente om haar keuzes te openen.",
        )
        .color(ui.visuals().weak_text_color()),
    );
    ui.add_space(tokens::SPACE_S);
    // On a wide screen (a projector, a large monitor) the chart stands beside the table rather
    // than below it, so the screen's right part is not left empty and the chart is seen without
    // scrolling; on a laptop it goes below.
    let wide = ui.available_width() >= WIDE;
    egui::ScrollArea::both()
        .auto_shrink([false, false])
        .show(ui, |ui| {
            if wide {
                ui.horizontal_top(|ui| {
                    let table_height = ui
                        .vertical(|ui| table(ui, model, actions))
                        .response
                        .rect
                        .height();
                    ui.add_space(tokens::SPACE_L * 2.0);
                    ui.vertical(|ui| {
                        ui.label(RichText::new(CHART_LABEL).strong());
                        stacked_bars(ui, workbook, (table_height * 0.55).max(260.0));
                    });
                });
            } else {
                table(ui, model, actions);
                ui.add_space(tokens::SPACE_L);
                ui.label(RichText::new(CHART_LABEL).strong());
                stacked_bars(ui, workbook, 260.0);
            }
        });
}

/// The width, in points, from which the chart stands beside the table instead of below it.
const WIDE: f32 = 1750.0;

fn table(ui: &mut Ui, model: &crate::core::Model, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    let region = &workbook.region;
    egui::Grid::new("overzicht")
        .striped(true)
        .spacing([12.0, 4.0])
        .min_col_width(96.0)
        .show(ui, |ui| {
            header_row(ui, model, actions);
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
                activity_row(ui, workbook, activity, &euros);
            }
            peppers_row(ui, workbook);
            euros_row(ui, workbook);
        });
}

/// The heading row: per gemeente its name (a link to its choices), colour and status.
fn header_row(ui: &mut Ui, model: &crate::core::Model, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    ui.label(RichText::new("Activiteit").strong());
    for gemeente in &workbook.region.gemeenten {
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
                actions.push(Action::Command(UiCommand::Show(
                    super::screens::View::Drafting,
                )));
            }
            let check = model.sign_off_check(&gemeente.name);
            let (label, colour) = super::signoff_panel::short_status(status, check);
            ui.label(RichText::new(label).small().color(colour));
        });
    }
    ui.label(RichText::new("Regio").strong());
    ui.end_row();
}

/// One activity's row: what each gemeente chose, and the region's euros and count.
fn activity_row(
    ui: &mut Ui,
    workbook: &Workbook,
    activity: &crate::core::Activity,
    euros: &[Vec<(u32, Decimal)>],
) {
    // A title with the gemeente's name in it ("[Gemeentenaam] Werkt!") reads as
    // "Gemeente Werkt!" where it stands for every gemeente.
    let name = format!(
        "{} {}",
        activity.number,
        activity.title_for_every_gemeente()
    );
    cell(
        ui,
        Role::RowHeader,
        &format!("Activiteit {name}"),
        &[(name.clone(), Look::Plain)],
    );
    let mut row_euros = Decimal::ZERO;
    let mut row_count = 0;
    for (column, gemeente) in workbook.region.gemeenten.iter().enumerate() {
        let chose = choice_cell(ui, workbook, gemeente, activity);
        if chose {
            row_euros += euros[column]
                .iter()
                .find(|(n, _)| *n == activity.number)
                .map(|(_, e)| *e)
                .unwrap_or_default();
            row_count += 1;
        }
    }
    let count = match row_count {
        0 => "door geen gemeente gekozen".to_owned(),
        1 => "1 gemeente".to_owned(),
        n => format!("{n} gemeenten"),
    };
    let euros = format_eur(round_whole(row_euros));
    let lines = if row_count > 0 {
        vec![(euros.clone(), Look::Strong), (count.clone(), Look::Small)]
    } else {
        Vec::new()
    };
    cell(
        ui,
        Role::Cell,
        &format!("Regio, activiteit {}: {euros}, {count}", activity.number),
        &lines,
    );
    ui.end_row();
}

/// A gemeente's cell for an activity: its peppers and volume, "—" where its colour has no
/// offer, or nothing; says whether the gemeente chose the activity.
fn choice_cell(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &crate::core::Gemeente,
    activity: &crate::core::Activity,
) -> bool {
    let choice = workbook
        .plan(&gemeente.name)
        .and_then(|p| p.choice(activity.number));
    match (choice, activity.offer(gemeente.colour)) {
        (Some(choice), Some(offer)) if !choice.peppers.is_zero() || choice.taken => {
            let volume = offer
                .unit
                .amount(offer.volume_for(choice.peppers, choice.taken));
            let amount = if offer.is_free() {
                "gekozen".to_owned()
            } else {
                peppers_label(choice.peppers)
            };
            cell(
                ui,
                Role::Cell,
                &format!(
                    "{}, activiteit {}: {amount}, {volume}",
                    gemeente.name, activity.number
                ),
                &[(amount, Look::Strong), (volume, Look::Small)],
            );
            true
        }
        (_, None) => {
            let none = format!("geen aanbod voor {} pepers", gemeente.colour.adjective());
            cell(
                ui,
                Role::Cell,
                &format!("{}, activiteit {}: {none}", gemeente.name, activity.number),
                &[("—".to_owned(), Look::Weak)],
            )
            .on_hover_text(none);
            false
        }
        _ => {
            cell(
                ui,
                Role::Cell,
                &format!(
                    "{}, activiteit {}: niet gekozen",
                    gemeente.name, activity.number
                ),
                &[],
            );
            false
        }
    }
}

/// The row of peppers used per gemeente, and the region's per colour.
fn peppers_row(ui: &mut Ui, workbook: &Workbook) {
    cell(
        ui,
        Role::RowHeader,
        "Pepers gebruikt",
        &[("Pepers gebruikt".to_owned(), Look::Strong)],
    );
    for gemeente in &workbook.region.gemeenten {
        let budget = workbook.budget(gemeente);
        // The column header names the colour; the cell's accessible name says it again.
        let text = format!(
            "{} van {}",
            format_number(budget.used),
            format_number(budget.available)
        );
        let look = if budget.used > budget.available {
            Look::Over
        } else {
            Look::Strong
        };
        cell(
            ui,
            Role::Cell,
            &format!(
                "{}, pepers gebruikt: {text} {} pepers",
                gemeente.name,
                gemeente.colour.adjective()
            ),
            &[(text, look)],
        );
    }
    // Red and green peppers differ ten times in value: totalled apart, never added up.
    let totals: Vec<String> = workbook
        .peppers_per_colour()
        .iter()
        .map(|t| {
            format!(
                "{} van {}",
                format_number(t.used),
                coloured_peppers_label(t.available, t.colour)
            )
        })
        .collect();
    cell(
        ui,
        Role::Cell,
        &format!("Regio, pepers gebruikt: {}", totals.join("; ")),
        &totals
            .iter()
            .map(|t| (t.clone(), Look::Strong))
            .collect::<Vec<_>>(),
    );
    ui.end_row();
}

/// The row of euros used per gemeente and for the region.
fn euros_row(ui: &mut Ui, workbook: &Workbook) {
    cell(
        ui,
        Role::RowHeader,
        "Euro gebruikt",
        &[("Euro gebruikt".to_owned(), Look::Strong)],
    );
    let euro_cell = |ui: &mut Ui, whose: &str, used: Decimal, of: Decimal| {
        let (used, of) = (
            format_eur(round_whole(used)),
            format!("van {}", format_eur(of)),
        );
        cell(
            ui,
            Role::Cell,
            &format!("{whose}, euro gebruikt: {used} {of}"),
            &[(used, Look::Plain), (of, Look::Small)],
        );
    };
    let mut used_eur = Decimal::ZERO;
    for gemeente in &workbook.region.gemeenten {
        let budget = workbook.budget(gemeente);
        used_eur += budget.used_eur;
        euro_cell(ui, &gemeente.name, budget.used_eur, budget.budget_eur);
    }
    euro_cell(ui, "Regio", used_eur, workbook.region.total_budget());
    ui.end_row();
}

/// One series of the stacked bars: (legend name, tag on the bars, colour, percentage per gemeente).
type Series = (String, String, egui::Color32, Vec<f64>);

fn stacked_bars(ui: &mut Ui, workbook: &Workbook, height: f32) {
    let series = bar_series(workbook);
    let (charts, tags) = bar_charts(&series, workbook.region.gemeenten.len());
    // Long names on two lines, so neighbouring axis labels do not hide each other.
    let region = &workbook.region;
    let names: Vec<String> = region
        .gemeenten
        .iter()
        .map(|g| wrap_name(&g.name))
        .collect();
    let response = Plot::new("pepergebruik")
        .height(height)
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
            for tag in tags {
                plot_ui.text(tag);
            }
        })
        .response;
    // The chart's data as text, built only when a screen reader asks.
    response.widget_info(|| {
        let described: Vec<String> = region
            .gemeenten
            .iter()
            .enumerate()
            .map(|(x, g)| {
                let parts: Vec<String> = series
                    .iter()
                    .filter(|(_, _, _, values)| values[x] > 0.0)
                    .map(|(name, _, _, values)| format!("{name} {:.0}%", values[x].round()))
                    .collect();
                format!("{}: {}", g.name, parts.join(", "))
            })
            .collect();
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            format!("{CHART_LABEL}. {}", described.join(". ")),
        )
    });
    let legend: Vec<Slice> = series
        .iter()
        .map(|(name, tag, colour, values)| Slice {
            label: name.clone(),
            weight: 0.0,
            colour: *colour,
            value: match values.iter().filter(|v| **v > 0.0).count() {
                1 => "1 gemeente".to_owned(),
                n => format!("{n} gemeenten"),
            },
            tag: tag.clone(),
        })
        .collect();
    ui.add_space(tokens::SPACE_S);
    ui.set_max_width(520.0);
    charts::legend(ui, &legend);
}

/// Per activity (and for the peppers not yet spent) the share of each gemeente's own peppers.
fn bar_series(workbook: &Workbook) -> Vec<Series> {
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
    let mut series: Vec<Series> = workbook
        .card
        .activities
        .iter()
        .map(|activity| {
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
                format!(
                    "{} {}",
                    activity.number,
                    activity.title_for_every_gemeente()
                ),
                activity.number.to_string(),
                tokens::activity_colour(&workbook.card, activity.number),
                values,
            )
        })
        .collect();
    series.push((
        "Nog te besteden".to_owned(),
        String::new(),
        tokens::BAR_TRACK,
        region
            .gemeenten
            .iter()
            .map(|g| percent(workbook.budget(g).left.max(Decimal::ZERO), g.peppers))
            .collect(),
    ));
    series.retain(|(_, _, _, values)| values.iter().any(|v| *v > 0.0));

    series
}

/// The stacked bar charts of the series, and the activity numbers on segments tall enough.
fn bar_charts(series: &[Series], gemeenten: usize) -> (Vec<BarChart>, Vec<egui_plot::Text>) {
    let mut charts: Vec<BarChart> = Vec::new();
    // Each segment tall enough for it carries its activity's number, so the stacks differ by
    // more than colour (colour-blind eyes, a black-and-white print).
    let mut tags: Vec<egui_plot::Text> = Vec::new();
    let mut heights = vec![0.0; gemeenten];
    for (_, tag, colour, values) in series {
        for (x, v) in values.iter().enumerate() {
            if !tag.is_empty() && *v >= 7.0 {
                let ink = if tokens::contrast_ratio(egui::Color32::BLACK, *colour)
                    >= tokens::contrast_ratio(egui::Color32::WHITE, *colour)
                {
                    egui::Color32::BLACK
                } else {
                    egui::Color32::WHITE
                };
                tags.push(egui_plot::Text::new(
                    format!("{tag} {x}"),
                    egui_plot::PlotPoint::new(x as f64, heights[x] + v / 2.0),
                    RichText::new(tag).color(ink).strong(),
                ));
            }
            heights[x] += v;
        }
    }
    for (name, _, colour, values) in series {
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
    (charts, tags)
}

/// "Mook en Middelaar" → "Mook en\nMiddelaar"; short names stay on one line.
fn wrap_name(name: &str) -> String {
    match name.rfind(' ') {
        Some(at) if name.chars().count() > 12 => format!("{}\n{}", &name[..at], &name[at + 1..]),
        _ => name.to_owned(),
    }
}

/// How a line of a table cell is drawn.
#[derive(Clone, Copy)]
enum Look {
    Plain,
    Strong,
    Small,
    Weak,
    /// Over budget: in the error colour.
    Over,
}

/// One cell of the overview: its lines painted top-aligned (so the rows' stripes line up across
/// columns), and one accessible node named with its gemeente and activity ("Beuningen,
/// activiteit 4: 3 pepers, 30 kandidaten"), so a screen reader never reads a bare "3 pepers".
fn cell(ui: &mut Ui, role: Role, name: &str, lines: &[(String, Look)]) -> Response {
    const WIDTH: f32 = 230.0;
    let visuals = ui.visuals();
    let galleys: Vec<_> = lines
        .iter()
        .map(|(text, look)| {
            let (style, colour) = match look {
                Look::Plain => (egui::TextStyle::Body, visuals.text_color()),
                Look::Strong => (egui::TextStyle::Body, visuals.strong_text_color()),
                Look::Small => (egui::TextStyle::Small, visuals.text_color()),
                Look::Weak => (egui::TextStyle::Body, visuals.weak_text_color()),
                Look::Over => (egui::TextStyle::Body, tokens::ERROR),
            };
            let font = style.resolve(ui.style());
            ui.painter().layout(text.clone(), font, colour, WIDTH)
        })
        .collect();
    let width = galleys.iter().map(|g| g.size().x).fold(0.0_f32, f32::max);
    let height: f32 = galleys.iter().map(|g| g.size().y).sum();
    // Every cell is at least two lines high (most hold two: peppers and volume). A grid centres
    // a cell in its row, so a one-line name would sit half a line below its row's figures; at
    // two lines each, every cell starts at the top of its row and the stripes line up.
    let two_lines = 2.0 * ui.text_style_height(&egui::TextStyle::Body);
    let (rect, response) =
        ui.allocate_exact_size(egui::vec2(width, height.max(two_lines)), Sense::hover());
    let mut top = rect.top();
    for galley in galleys {
        let size = galley.size().y;
        ui.painter().galley(
            egui::pos2(rect.left(), top),
            galley,
            egui::Color32::PLACEHOLDER,
        );
        top += size;
    }
    response.widget_info(|| WidgetInfo::labeled(role, true, name));
    response
}
