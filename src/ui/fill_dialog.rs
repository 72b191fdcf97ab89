//! "Vul aan": the official puts activities in order of priority and ticks the ones to fill; the
//! app then spends the peppers left on them, as far as the rules allow, as one undoable edit.

use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens as tokens;
use crate::core::{Choice, Edit, Gemeente, Workbook};

/// The priority list being set.
#[derive(Clone, Debug, PartialEq)]
pub struct FillForm {
    /// The gemeente.
    pub gemeente: String,
    /// The peppers left, as text for the heading.
    pub left: String,
    /// Activities in order: number, title, whether to fill it.
    pub rows: Vec<(u32, String, bool)>,
}

impl FillForm {
    /// A first order: what the gemeente already chose (ticked), then the other activities it can
    /// spend on (not ticked), each in card order.
    pub fn new(workbook: &Workbook, gemeente: &Gemeente, choices: &[Choice]) -> FillForm {
        let chosen = |n: u32| {
            choices
                .iter()
                .any(|c| c.activity == n && !c.peppers.is_zero())
        };
        let mut rows: Vec<(u32, String, bool)> = workbook
            .card
            .activities
            .iter()
            .filter(|a| a.offer(gemeente.colour).is_some_and(|o| !o.is_free()))
            .map(|a| (a.number, a.title_for(&gemeente.name), chosen(a.number)))
            .collect();
        rows.sort_by_key(|(_, _, ticked)| !*ticked);
        let used: rust_decimal::Decimal = choices.iter().map(|c| c.peppers).sum();
        FillForm {
            gemeente: gemeente.name.clone(),
            left: crate::core::rules::peppers_label((gemeente.peppers - used).max(0.into())),
            rows,
        }
    }

    /// The fill edit for the ticked activities, in order.
    pub fn edit(&self) -> Edit {
        Edit::Fill {
            gemeente: self.gemeente.clone(),
            priority: self
                .rows
                .iter()
                .filter(|(_, _, ticked)| *ticked)
                .map(|(n, _, _)| *n)
                .collect(),
        }
    }
}

/// The dialog's content.
pub fn show(ui: &mut Ui, form: &mut FillForm, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} heeft nog {} over. Zet de activiteiten in volgorde van voorkeur en vink aan wat aangevuld mag worden. \
         Elke activiteit wordt zo ver aangevuld als minimum, maximum en budget toelaten, dan de volgende.",
        form.gemeente, form.left
    ));
    ui.add_space(tokens::SPACE_M);
    let mut swap = None;
    let count = form.rows.len();
    egui::Grid::new("vul-aan")
        .striped(true)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            for (index, (number, title, ticked)) in form.rows.iter_mut().enumerate() {
                // The place in the order, then the activity: "1e  activiteit 2 · Arbeidsbemiddeling".
                ui.label(RichText::new(format!("{}e", index + 1)).weak());
                ui.checkbox(ticked, format!("activiteit {number} · {title}"));
                // Each row's buttons are named with their activity, so a screen reader tells the
                // twelve "Omhoog" buttons apart.
                let button = |ui: &mut Ui, enabled: bool, text: &str, name: String| {
                    let response = ui.add_enabled(enabled, egui::Button::new(text).small());
                    ui.ctx()
                        .accesskit_node_builder(response.id, |node| node.set_label(name.clone()));
                    response.on_hover_text(name).clicked()
                };
                let earlier = format!("Activiteit {number} eerder aanvullen");
                if button(ui, index > 0, "Omhoog", earlier) {
                    swap = Some((index, index - 1));
                }
                let later = format!("Activiteit {number} later aanvullen");
                if button(ui, index + 1 < count, "Omlaag", later) {
                    swap = Some((index, index + 1));
                }
                ui.end_row();
            }
        });
    if let Some((a, b)) = swap {
        form.rows.swap(a, b);
    }
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        let any = form.rows.iter().any(|(_, _, t)| *t);
        if ui
            .add_enabled(any, egui::Button::new("Aanvullen"))
            .clicked()
        {
            actions.push(Action::CloseDialog);
            actions.push(Action::Edit(form.edit(), None));
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}
