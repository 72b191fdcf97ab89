//! *Wat als…*: the official types how the budget changes (a percentage or euros) and sees at once
//! whether the option in view still fits, what the rules say of it, and a proposed fit, which can
//! be taken over as a new option. Nothing changes in the draft before that.

use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens as tokens;
use crate::core::money::{format_eur, format_number, parse_dutch_decimal};
use crate::core::options::{MAX_OPTIONS, OptionChange};
use crate::core::rules::{Severity, peppers_label};
use crate::core::what_if::{BudgetChange, WhatIf, what_if};
use crate::core::{Choice, Edit, Workbook};

/// The dialog's state: what it reckons on, what was typed, and the outcome of the last typing.
#[derive(Clone, Debug)]
pub struct WhatIfForm {
    /// The workbook as it was when the dialog opened (a modal dialog: it does not change under it).
    workbook: Box<Workbook>,
    /// The gemeente.
    pub gemeente: String,
    /// The option in view, whose choices are reckoned with.
    pub option: String,
    choices: Vec<Choice>,
    /// Whether the change is typed in euros (else as a percentage).
    pub in_euros: bool,
    /// The change as typed: "-10", "+2,5", "-20.000".
    pub text: String,
    /// The name the new option gets.
    new_option: String,
    /// Whether another option still fits in the plan.
    room: bool,
    reckoned: Option<(bool, String, Result<WhatIf, String>)>,
}

/// The accessible label of the text field.
pub const CHANGE_LABEL: &str = "Wijziging van het budget";

impl WhatIfForm {
    /// A form for the option in view of a gemeente.
    pub fn new(workbook: &Workbook, gemeente: &str, option: &str, choices: Vec<Choice>) -> Self {
        let plan = workbook.plan(gemeente);
        WhatIfForm {
            workbook: Box::new(workbook.clone()),
            gemeente: gemeente.to_owned(),
            option: option.to_owned(),
            choices,
            in_euros: false,
            text: String::new(),
            new_option: plan.map_or("Optie B".into(), |p| p.next_option_name()),
            room: plan.is_none_or(|p| p.option_names().len() < MAX_OPTIONS),
            reckoned: None,
        }
    }

    /// The outcome for what is typed now; reckoned again only when the typing changed.
    fn outcome(&mut self) -> Option<&Result<WhatIf, String>> {
        let typed = self.text.trim();
        if typed.is_empty() {
            return None;
        }
        let fresh = !matches!(&self.reckoned, Some((e, t, _)) if *e == self.in_euros && t == typed);
        if fresh {
            let outcome = match read_change(typed, self.in_euros) {
                None => Err(format!(
                    "‘{typed}’ is geen getal. Typ bijvoorbeeld -10 of +2,5{}.",
                    if self.in_euros { " of -20.000" } else { "" }
                )),
                Some(change) => what_if(&self.workbook, &self.gemeente, &self.choices, change)
                    .map_err(|refusal| refusal.to_string()),
            };
            self.reckoned = Some((self.in_euros, typed.to_owned(), outcome));
        }
        self.reckoned.as_ref().map(|(_, _, outcome)| outcome)
    }
}

/// Reads a change as typed: a sign or none, a Dutch number, and a "%" or "€" that may stand by it.
pub fn read_change(text: &str, in_euros: bool) -> Option<BudgetChange> {
    let text = text.trim().trim_start_matches('€').trim().replace('−', "-");
    let (negative, rest) = match text.strip_prefix('-') {
        Some(rest) => (true, rest.to_owned()),
        None => (false, text.trim_start_matches('+').to_owned()),
    };
    let rest = rest.trim().trim_end_matches('%').trim();
    // One sign at most: "-+5" and "--5" are typing slips, not numbers.
    if rest.starts_with(['+', '-']) {
        return None;
    }
    let value = parse_dutch_decimal(rest)?;
    if value.is_sign_negative() {
        return None;
    }
    let value = if negative { -value } else { value };
    Some(if in_euros {
        BudgetChange::Euros(value)
    } else {
        BudgetChange::Percent(value)
    })
}

/// The dialog's content.
pub fn show(ui: &mut Ui, form: &mut WhatIfForm, actions: &mut Vec<Action>) {
    ui.label(format!(
        "Wat als het budget van {} verandert? Typ de wijziging; de keuzes van {} blijven zoals ze zijn \
         tot u het voorstel overneemt als nieuwe optie.",
        form.gemeente, form.option
    ));
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        ui.radio_value(&mut form.in_euros, false, "in procenten");
        ui.radio_value(&mut form.in_euros, true, "in euro's");
    });
    ui.horizontal(|ui| {
        ui.label("Het budget verandert met");
        let response = ui.add(
            egui::TextEdit::singleline(&mut form.text)
                .char_limit(24)
                .desired_width(120.0)
                .hint_text(if form.in_euros { "-20.000" } else { "-10" }),
        );
        response
            .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, CHANGE_LABEL));
        ui.label(if form.in_euros { "€" } else { "%" });
        for quick in ["-20", "-10", "-5", "+10"] {
            if !form.in_euros && ui.small_button(format!("{quick} %")).clicked() {
                form.text = quick.to_owned();
            }
        }
    });
    ui.add_space(tokens::SPACE_M);
    let (room, new_option, gemeente) = (form.room, form.new_option.clone(), form.gemeente.clone());
    let mut take_over = None;
    match form.outcome() {
        None => {
            ui.label(RichText::new("Bijvoorbeeld -10 voor een tiende minder budget.").weak());
        }
        Some(Err(message)) => {
            ui.colored_label(tokens::WARNING, message);
        }
        Some(Ok(result)) => {
            outcome(ui, result);
            let usable = !result.changes.is_empty() && result.proposal_errors.is_empty();
            ui.add_space(tokens::SPACE_M);
            let button = ui
                .add_enabled(usable && room, egui::Button::new("Overnemen als optie"))
                .on_hover_text(format!(
                    "Het voorstel wordt {new_option}, naast de andere opties"
                ))
                .on_disabled_hover_text(if room {
                    "Er is geen voorstel dat anders is dan de keuzes nu"
                } else {
                    "Er zijn al zes opties; verwijder er eerst een"
                });
            if button.clicked() {
                take_over = Some(result.proposal.clone());
            }
        }
    }
    if let Some(choices) = take_over {
        actions.push(Action::CloseDialog);
        actions.push(Action::Edit(
            Edit::Options {
                gemeente,
                change: OptionChange::WithChoices {
                    name: new_option,
                    choices,
                },
            },
            None,
        ));
    }
    ui.add_space(tokens::SPACE_S);
    if ui.button("Sluiten").clicked() {
        actions.push(Action::CloseDialog);
    }
}

/// The budget then, what the rules say of the choices as they are, and the proposed fit.
fn outcome(ui: &mut Ui, result: &WhatIf) {
    ui.label(
        RichText::new(format!(
            "Budget {} ({}) wordt {} ({}).",
            format_eur(result.budget_now),
            peppers_label(result.peppers_now),
            format_eur(result.budget_then),
            peppers_label(result.peppers_then)
        ))
        .strong(),
    );
    ui.add_space(tokens::SPACE_S);
    if result.fits_now() {
        ui.label(format!(
            "De keuzes passen ook binnen het nieuwe budget ({} van {} gebruikt).",
            format_number(result.used_now),
            format_number(result.peppers_then)
        ));
    } else {
        ui.label(RichText::new("Zoals de keuzes nu zijn, passen ze niet:").strong());
    }
    for finding in &result.findings {
        let marker = match finding.severity {
            Severity::Error => "fout",
            Severity::Warning => "let op",
        };
        ui.label(format!("• {marker}: {}", finding.message()));
    }
    ui.add_space(tokens::SPACE_M);
    if result.changes.is_empty() {
        ui.label("Er verandert niets aan de keuzes.");
        return;
    }
    ui.label(RichText::new("Voorstel dat past: wat verandert").strong());
    egui::Grid::new("wat-als")
        .striped(true)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            ui.label(RichText::new("Activiteit").strong());
            ui.label(RichText::new("Nu").strong());
            ui.label(RichText::new("Voorstel").strong());
            ui.label("");
            ui.end_row();
            for change in &result.changes {
                ui.label(format!("{}. {}", change.activity, change.title));
                ui.label(format_number(change.from));
                ui.label(format_number(change.to));
                ui.label(RichText::new(&change.why).weak());
                ui.end_row();
            }
        });
    let spent = result.peppers_then - result.left;
    ui.label(format!(
        "De andere keuzes blijven zoals ze zijn. Het voorstel gebruikt {} van {}{}.",
        format_number(spent),
        peppers_label(result.peppers_then),
        if result.left.is_zero() {
            String::new()
        } else {
            format!("; {} blijft over", peppers_label(result.left))
        }
    ));
    for finding in &result.proposal_errors {
        ui.colored_label(tokens::WARNING, finding.message());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal::Decimal;

    #[test]
    fn changes_read_as_officials_type_them() {
        let percent = |v: i64| Some(BudgetChange::Percent(Decimal::from(v)));
        assert_eq!(read_change("-10", false), percent(-10));
        assert_eq!(read_change("−10 %", false), percent(-10));
        assert_eq!(read_change("+5%", false), percent(5));
        assert_eq!(read_change("5", false), percent(5));
        assert_eq!(
            read_change("-20.000", true),
            Some(BudgetChange::Euros(Decimal::from(-20000)))
        );
        assert_eq!(
            read_change("2,5", false),
            Some(BudgetChange::Percent(Decimal::new(25, 1)))
        );
        assert_eq!(
            read_change("€ -20.000", true),
            Some(BudgetChange::Euros(Decimal::from(-20000)))
        );
        for bad in ["", "-", "tien", "--5", "-+5", "5-", "1e400"] {
            assert_eq!(read_change(bad, false), None, "{bad}");
        }
    }
}
