//! The row of options above the cards ("Optie A · voorstel", "Optie B"), with what can be done
//! with them: new, copy, rename, delete, make the proposal, compare.

use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens as tokens;
use crate::core::compare::{Column, Source};
use crate::core::options::OptionChange;
use crate::core::{Edit, Plan};

/// The option row's state between frames: the name being typed for a rename.
#[derive(Debug, Default)]
pub struct OptionsBar {
    rename: Option<(String, String)>,
    focus: bool,
}

/// The accessible label of an option's tab ("Optie B", "Optie A (voorstel)").
pub fn tab_label(plan: &Plan, name: &str) -> String {
    if name == plan.proposal {
        format!("{name} (voorstel)")
    } else {
        name.to_owned()
    }
}

impl OptionsBar {
    /// Shows the row for a plan with `shown` in view.
    pub fn show(&mut self, ui: &mut Ui, plan: &Plan, shown: &str, actions: &mut Vec<Action>) {
        option_tabs(ui, plan, shown, actions);
        self.rename_row(ui, plan, shown, actions);
    }

    /// "Hernoemen…", or the name as a text field while renaming, and where the user works.
    fn rename_row(&mut self, ui: &mut Ui, plan: &Plan, shown: &str, actions: &mut Vec<Action>) {
        let edit = |change| option_edit(plan, change);
        ui.horizontal(|ui| {
            // The name is a text field only while renaming (one fewer text field per frame).
            let renaming = matches!(&self.rename, Some((name, _)) if name == shown);
            if !renaming {
                if ui
                    .button("Hernoemen…")
                    .on_hover_text(format!("Geef {shown} een andere naam"))
                    .clicked()
                {
                    self.rename = Some((shown.to_owned(), shown.to_owned()));
                    self.focus = true;
                }
            } else if let Some((_, buffer)) = &mut self.rename {
                let label = "Naam van de optie";
                ui.label(RichText::new(label).small());
                let response = ui.add(
                    egui::TextEdit::singleline(buffer)
                        .char_limit(crate::core::limits::MAX_NAME_CHARS)
                        .desired_width(160.0),
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                let typed = buffer.trim().to_owned();
                if std::mem::take(&mut self.focus) {
                    response.request_focus();
                } else if response.lost_focus() || !response.has_focus() {
                    if !typed.is_empty() && typed != shown {
                        actions.push(edit(OptionChange::Rename {
                            from: shown.to_owned(),
                            to: typed,
                        }));
                    }
                    self.rename = None;
                }
            }
            if shown != plan.proposal {
                ui.label(
                    RichText::new(format!(
                        "U werkt in {shown}; het voorstel is {}.",
                        plan.proposal
                    ))
                    .color(tokens::WARNING),
                );
            }
        });
    }

    /// Forgets a half-typed name (another gemeente or file).
    pub fn reset(&mut self) {
        self.rename = None;
    }
}

/// An edit of the options of a plan.
fn option_edit(plan: &Plan, change: OptionChange) -> Action {
    Action::Edit(
        Edit::Options {
            gemeente: plan.gemeente.clone(),
            change,
        },
        None,
    )
}

/// *Wat als…* and, with more than one option, *Opties vergelijken*.
fn tools(ui: &mut Ui, plan: &Plan, shown: &str, actions: &mut Vec<Action>) {
    let gemeente = plan.gemeente.clone();
    if ui
        .button("Wat als…")
        .on_hover_text(format!(
            "Wat als het budget verandert? Toont of {shown} dan nog past en stelt een passende optie voor"
        ))
        .clicked()
    {
        actions.push(Action::OpenWhatIf);
    }
    if plan.option_names().len() > 1
        && ui
            .button("Opties vergelijken")
            .on_hover_text("Zet de opties naast elkaar, met de verschillen per activiteit")
            .clicked()
    {
        let columns = plan
            .option_names()
            .into_iter()
            .take(3)
            .map(|name| Column {
                gemeente: gemeente.clone(),
                source: Source::Option(name.to_owned()),
            })
            .collect();
        actions.push(Action::Compare(columns));
    }
}

/// The tabs of the options, and the buttons that add, copy, propose, delete and compare them.
fn option_tabs(ui: &mut Ui, plan: &Plan, shown: &str, actions: &mut Vec<Action>) {
    let gemeente = plan.gemeente.clone();
    let edit = |change| option_edit(plan, change);
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Opties").strong());
        for name in plan.option_names() {
            if ui
                .selectable_label(name == shown, tab_label(plan, name))
                .on_hover_text("Toon deze optie; slepen en knoppen werken op de optie in beeld")
                .clicked()
            {
                actions.push(Action::ShowOption {
                    gemeente: gemeente.clone(),
                    option: name.to_owned(),
                });
            }
        }
        ui.separator();
        let next = plan.next_option_name();
        if ui
            .button("Nieuwe optie")
            .on_hover_text(format!("Een lege {next} naast de andere"))
            .clicked()
        {
            actions.push(edit(OptionChange::New { name: next.clone() }));
        }
        if ui
            .button("Kopie maken")
            .on_hover_text(format!("{next} als kopie van {shown}"))
            .clicked()
        {
            actions.push(edit(OptionChange::Copy {
                from: shown.to_owned(),
                name: next,
            }));
        }
        if shown != plan.proposal {
            if ui
                .button("Als voorstel markeren")
                .on_hover_text(
                    "Deze optie gaat ter besluitvorming en komt in de bijlage; het huidige voorstel blijft als optie bestaan",
                )
                .clicked()
            {
                actions.push(edit(OptionChange::Propose {
                    name: shown.to_owned(),
                }));
            }
            if ui.button("Optie verwijderen").clicked() {
                actions.push(edit(OptionChange::Delete {
                    name: shown.to_owned(),
                }));
            }
        }
        tools(ui, plan, shown, actions);
    });
}
