//! The compare view: two or three sets of choices side by side (options of one gemeente, two
//! gemeenten, or this term against the previous one), each with its budget bar and pie, and a table
//! of the activities where they differ, highlighted.

use egui::{RichText, Ui};
use rust_decimal::prelude::ToPrimitive;

use super::charts::{self, Slice};
use super::design_tokens as tokens;
use crate::core::compare::{Column, Comparison, Source, compare};
use crate::core::money::{format_eur, format_number, round_whole};
use crate::core::rules::peppers_label;
use crate::core::words::list;
use crate::core::{Gemeente, Workbook};

/// The columns chosen, and the comparison worked out for them (once per change).
#[derive(Debug, Default)]
pub struct CompareState {
    /// The columns, two or three.
    pub columns: Vec<Column>,
    cache: Option<(u64, Vec<Column>, Comparison)>,
}

impl CompareState {
    /// Columns for a first look at a gemeente: its options, or else this term against the
    /// previous one, or else the gemeente beside the next one.
    pub fn default_for(&mut self, workbook: &Workbook, gemeente: &Gemeente) {
        let names: Vec<String> = workbook
            .plan(&gemeente.name)
            .map(|p| p.option_names().into_iter().map(str::to_owned).collect())
            .unwrap_or_else(|| vec![crate::core::options::first_option_name()]);
        let column = |gemeente: &str, source| Column {
            gemeente: gemeente.to_owned(),
            source,
        };
        self.columns = if names.len() > 1 {
            names
                .iter()
                .take(3)
                .map(|n| column(&gemeente.name, Source::Option(n.clone())))
                .collect()
        } else if workbook.previous.is_some() {
            vec![
                column(&gemeente.name, Source::Option(names[0].clone())),
                column(&gemeente.name, Source::PreviousTerm),
            ]
        } else {
            let gemeenten = &workbook.region.gemeenten;
            let index = gemeenten
                .iter()
                .position(|g| g.name == gemeente.name)
                .unwrap_or(0);
            let other = &gemeenten[(index + 1) % gemeenten.len()];
            let proposal = |g: &Gemeente| {
                workbook
                    .plan(&g.name)
                    .map(|p| p.proposal.clone())
                    .unwrap_or_else(crate::core::options::first_option_name)
            };
            vec![
                column(&gemeente.name, Source::Option(proposal(gemeente))),
                column(&other.name, Source::Option(proposal(other))),
            ]
        };
    }
}

/// The text of one cell: "3 pepers · 30 kandidaten · € 29.398".
fn cell_text(cell: Option<&crate::core::compare::Cell>) -> String {
    match cell {
        Some(c) if c.peppers.is_zero() => format!("gekozen · {}", c.volume),
        Some(c) => format!(
            "{} · {} · {}",
            peppers_label(c.peppers),
            c.volume,
            format_eur(round_whole(c.euros))
        ),
        None => "—".to_owned(),
    }
}

/// Shows the compare view.
pub fn show(ui: &mut Ui, workbook: &Workbook, generation: u64, state: &mut CompareState) {
    crate::ui::painted::heading(ui, "Vergelijken");
    pickers(ui, workbook, state);
    let fresh = state
        .cache
        .as_ref()
        .is_some_and(|(g, c, _)| *g == generation && *c == state.columns);
    if !fresh {
        let comparison = compare(workbook, &state.columns);
        state.cache = Some((generation, state.columns.clone(), comparison));
    }
    let Some((_, _, comparison)) = &state.cache else {
        return;
    };
    ui.add_space(tokens::SPACE_M);
    egui::ScrollArea::vertical().show(ui, |ui| {
        ui.columns(comparison.totals.len().max(1), |cols| {
            for (i, (ui, totals)) in cols.iter_mut().zip(&comparison.totals).enumerate() {
                column_charts(ui, workbook, comparison, i, totals);
            }
        });
        ui.add_space(tokens::SPACE_L);
        differences(ui, comparison);
    });
}

/// One column's title, budget bar and pie.
fn column_charts(
    ui: &mut Ui,
    workbook: &Workbook,
    comparison: &crate::core::compare::Comparison,
    i: usize,
    totals: &crate::core::compare::Totals,
) {
    ui.label(RichText::new(&totals.title).strong().size(16.0));
    let fraction = if totals.available.is_zero() {
        0.0
    } else {
        (totals.used / totals.available).to_f32().unwrap_or(0.0)
    };
    let text = format!(
        "{} van {} · {}",
        format_number(totals.used),
        peppers_label(totals.available),
        format_eur(round_whole(totals.euros))
    );
    charts::budget_bar(
        ui,
        fraction,
        &text,
        &format!("{}: {text}", totals.title),
        22.0,
    );
    ui.add_space(tokens::SPACE_S);
    let mut slices: Vec<Slice> = comparison
        .rows
        .iter()
        .filter_map(|row| {
            let cell = row.cells[i].as_ref().filter(|c| !c.peppers.is_zero())?;
            Some(Slice {
                label: format!("{} {}", row.activity, row.title),
                weight: cell.peppers.to_f32().unwrap_or(0.0),
                colour: tokens::activity_colour(&workbook.card, row.activity),
                value: peppers_label(cell.peppers),
                tag: row.activity.to_string(),
            })
        })
        .collect();
    // Like the pie beside the cards, this one shows what is left: 2 of 12 peppers
    // spent is a sixth of the circle, not all of it.
    let left = totals.available - totals.used;
    if left > rust_decimal::Decimal::ZERO {
        slices.push(Slice {
            label: "Nog te besteden".into(),
            weight: left.to_f32().unwrap_or(0.0),
            colour: tokens::BAR_TRACK,
            value: peppers_label(left),
            tag: String::new(),
        });
    }
    charts::pie_with_legend(
        ui,
        &format!("Pepers · {}", totals.title),
        &slices,
        // Sized from the column, so a projector's width shows pies, not space.
        (ui.available_width() * 0.13).clamp(tokens::PIE_RADIUS * 0.8, tokens::PIE_RADIUS * 2.0),
    );
}

/// Which activities differ, and the table of every activity per column with the differing rows
/// marked.
fn differences(ui: &mut Ui, comparison: &crate::core::compare::Comparison) {
    let differing: Vec<String> = comparison.differing().iter().map(u32::to_string).collect();
    ui.label(
        RichText::new(if differing.is_empty() {
            "Geen verschillen".to_owned()
        } else if differing.len() == 1 {
            format!("Verschil: activiteit {}", differing[0])
        } else {
            format!("Verschillen: activiteit {}", list(&differing))
        })
        .strong(),
    );
    ui.add_space(tokens::SPACE_S);
    egui::Grid::new("vergelijking")
        .striped(true)
        .spacing([tokens::SPACE_L, tokens::SPACE_S])
        .show(ui, |ui| {
            ui.label(RichText::new("Activiteit").strong());
            for totals in &comparison.totals {
                ui.label(RichText::new(&totals.title).strong());
            }
            ui.end_row();
            for row in &comparison.rows {
                let title = format!("{} {}", row.activity, row.title);
                let response = if row.differs {
                    ui.label(
                        RichText::new(title)
                            .strong()
                            .background_color(tokens::DIFF_FILL),
                    )
                } else {
                    ui.label(title)
                };
                if row.differs {
                    let label = format!("Activiteit {} verschilt", row.activity);
                    response
                        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &label));
                }
                for cell in &row.cells {
                    let text = RichText::new(cell_text(cell.as_ref()));
                    ui.label(if row.differs {
                        text.background_color(tokens::DIFF_FILL)
                    } else {
                        text
                    });
                }
                ui.end_row();
            }
        });
}

/// The column pickers: per column a gemeente and which of its choices; add or take away a column.
fn pickers(ui: &mut Ui, workbook: &Workbook, state: &mut CompareState) {
    let mut remove = None;
    let count = state.columns.len();
    ui.horizontal_wrapped(|ui| {
        for (i, column) in state.columns.iter_mut().enumerate() {
            ui.group(|ui| {
                ui.label(RichText::new(format!("Kolom {}", i + 1)).strong());
                gemeente_picker(ui, workbook, column, i);
                source_picker(ui, workbook, column, i);
                if count > 2 && ui.button(format!("Kolom {} weghalen", i + 1)).clicked() {
                    remove = Some(i);
                }
            });
        }
        if count < 3 && ui.button("Kolom toevoegen").clicked() {
            let copy = state.columns.last().cloned().unwrap_or(Column {
                gemeente: workbook
                    .region
                    .gemeenten
                    .first()
                    .map(|g| g.name.clone())
                    .unwrap_or_default(),
                source: Source::Option(crate::core::options::first_option_name()),
            });
            state.columns.push(copy);
        }
    });
    if let Some(i) = remove {
        state.columns.remove(i);
    }
}

/// Names a picker with its column, so a screen reader tells the columns' pickers apart (each
/// reads as "Gemeente: [Nijmegen]").
fn named(ui: &Ui, response: &egui::Response, name: String) {
    ui.ctx()
        .accesskit_node_builder(response.id, |node| node.set_label(name));
}

/// The gemeente of column `i`; a new gemeente starts on its proposal.
fn gemeente_picker(ui: &mut Ui, workbook: &Workbook, column: &mut Column, i: usize) {
    ui.horizontal(|ui| {
        ui.label("Gemeente:");
        let picked = egui::ComboBox::from_id_salt(("kolom-gemeente", i))
            .selected_text(&column.gemeente)
            .show_ui(ui, |ui| {
                for g in &workbook.region.gemeenten {
                    if ui
                        .selectable_label(column.gemeente == g.name, &g.name)
                        .clicked()
                        && column.gemeente != g.name
                    {
                        column.gemeente = g.name.clone();
                        column.source = Source::Option(
                            workbook
                                .plan(&g.name)
                                .map(|p| p.proposal.clone())
                                .unwrap_or_else(crate::core::options::first_option_name),
                        );
                    }
                }
            });
        named(ui, &picked.response, format!("Gemeente in kolom {}", i + 1));
    });
}

/// Which choices column `i` shows: an option of its gemeente, or the previous term.
fn source_picker(ui: &mut Ui, workbook: &Workbook, column: &mut Column, i: usize) {
    let current = match &column.source {
        Source::Option(name) => name.clone(),
        Source::PreviousTerm => "Vorige looptijd".to_owned(),
    };
    ui.horizontal(|ui| {
        ui.label("Keuzes:");
        let picked = egui::ComboBox::from_id_salt(("kolom-bron", i))
            .selected_text(current)
            .show_ui(ui, |ui| {
                if let Some(plan) = workbook.plan(&column.gemeente) {
                    for name in plan.option_names() {
                        let source = Source::Option(name.to_owned());
                        let text = super::options_bar::tab_label(plan, name);
                        ui.selectable_value(&mut column.source, source, text);
                    }
                }
                if workbook.previous.is_some() {
                    ui.selectable_value(
                        &mut column.source,
                        Source::PreviousTerm,
                        "Vorige looptijd",
                    );
                }
            });
        named(ui, &picked.response, format!("Keuzes in kolom {}", i + 1));
    });
}
