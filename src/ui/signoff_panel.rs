//! The sign-off section of the drafting screen: the gemeente's status, the next step, the history
//! of decisions and agreed versions, and the form to record a decision.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::action::Action;
use super::design_tokens as tokens;
use crate::core::diff::{ChoiceChange, plan_changes};
use crate::core::signoff::{Decision, Outcome, Side, SignOffCheck, SignOffStep, Status};
use crate::core::{Edit, Gemeente, Model};

/// The fields of the decision form, as typed.
#[derive(Clone, Debug, PartialEq)]
pub struct DecisionForm {
    /// The gemeente decided about.
    pub gemeente: String,
    /// Who decides.
    pub side: Side,
    /// The outcome chosen.
    pub outcome: Outcome,
    /// The date as typed (dd-mm-jjjj).
    pub date: String,
    /// The decision number.
    pub number: String,
    /// The signatory's name.
    pub signatory: String,
    /// The signatory's role.
    pub role: String,
    /// The place of signing.
    pub place: String,
    /// What is wrong with the form, if the user tried to record it.
    pub problem: Option<String>,
}

impl DecisionForm {
    /// An empty form for one side, with today's date.
    pub fn new(gemeente: &str, side: Side) -> Self {
        DecisionForm {
            gemeente: gemeente.to_owned(),
            side,
            outcome: Outcome::Akkoord,
            date: chrono::Local::now().format("%d-%m-%Y").to_string(),
            number: String::new(),
            signatory: String::new(),
            role: String::new(),
            place: if side == Side::WerkBedrijf {
                "Nijmegen".into()
            } else {
                gemeente.to_owned()
            },
            problem: None,
        }
    }

    /// The decision, or what is missing, in Dutch.
    pub fn to_decision(&self) -> Result<Decision, String> {
        let date = NaiveDate::parse_from_str(self.date.trim(), "%d-%m-%Y").map_err(|_| {
            format!(
                "‘{}’ is geen datum; schrijf bijvoorbeeld 14-03-2022.",
                self.date.trim()
            )
        })?;
        for (value, name) in [
            (&self.number, "het besluitnummer"),
            (&self.signatory, "de naam"),
            (&self.role, "de functie"),
            (&self.place, "de plaats"),
        ] {
            if value.trim().is_empty() {
                return Err(format!("Vul {name} in."));
            }
        }
        Ok(Decision {
            side: self.side,
            outcome: self.outcome,
            date,
            number: self.number.trim().to_owned(),
            signatory: self.signatory.trim().to_owned(),
            role: self.role.trim().to_owned(),
            place: self.place.trim().to_owned(),
            version: 0,
        })
    }
}

/// The colour of a status badge.
pub fn status_colour(status: Status) -> egui::Color32 {
    match status {
        Status::Concept => tokens::STATUS_CONCEPT,
        Status::TerBesluitvorming | Status::BeslotenDoorCollege => tokens::STATUS_PENDING,
        Status::Vastgesteld => tokens::STATUS_AGREED,
    }
}

/// A status in a few words and its colour, through the one sign-off check: "Vastgesteld" only
/// when it holds, "— ONGELDIG" when it does not, "— oude vingerafdruk" when its recipe is old.
pub fn short_status(status: Status, check: Option<&SignOffCheck>) -> (String, egui::Color32) {
    if check.is_some_and(|c| c.problem().is_some()) {
        (format!("{} — ONGELDIG", status.label()), tokens::ERROR)
    } else if check.and_then(SignOffCheck::old_recipe).is_some() && status == Status::Vastgesteld {
        (
            format!("{} — oude vingerafdruk", status.label()),
            tokens::STATUS_PENDING,
        )
    } else {
        (status.label().to_owned(), status_colour(status))
    }
}

/// A small status badge ("Vastgesteld"), red with "ONGELDIG" when the sign-off does not hold,
/// never a plain "Vastgesteld" then.
pub fn badge(ui: &mut Ui, gemeente: &str, status: Status, check: Option<&SignOffCheck>) {
    let (text, colour) = short_status(status, check);
    // Painted rather than a frame around a label: one of these sits beside every gemeente.
    let font = egui::TextStyle::Small.resolve(ui.style());
    let galley = ui
        .painter()
        .layout_no_wrap(text, font, egui::Color32::WHITE);
    let size = galley.size() + egui::vec2(12.0, 2.0);
    let (rect, response) = ui.allocate_exact_size(size, egui::Sense::hover());
    if ui.is_rect_visible(rect) {
        ui.painter().rect_filled(rect, 4, colour);
        ui.painter().galley(
            rect.min + egui::vec2(6.0, 1.0),
            galley.clone(),
            egui::Color32::WHITE,
        );
    }
    // Named with its gemeente, so a screen reader that lists the badges says whose status it is.
    response.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Label,
            true,
            format!("{gemeente}: {}", galley.text()),
        )
    });
}

/// Shows the sign-off section for one gemeente.
pub fn show(ui: &mut Ui, model: &Model, gemeente: &Gemeente, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    let Some(plan) = workbook.plan(&gemeente.name) else {
        return;
    };
    let sign_off = &plan.sign_off;
    let check = model.sign_off_check(&gemeente.name);
    ui.label(RichText::new("Besluitvorming").strong());
    steps(ui, sign_off.status);
    ui.horizontal(|ui| {
        badge(ui, &gemeente.name, sign_off.status, check);
        if sign_off.version > 0 {
            ui.label(RichText::new(format!("tussentijdse wijziging {}", sign_off.version)).small());
        }
    });
    seal_note(ui, sign_off.status, check);
    next_step(ui, gemeente, sign_off, check, actions);
    if sign_off.status != Status::Vastgesteld
        && let Some(agreed) = sign_off.in_force()
    {
        let changes = plan_changes(workbook, &gemeente.name, &agreed.choices, &plan.choices);
        if ui
            .button(format!(
                "Vergelijk met vastgestelde versie ({} verschil(len))",
                changes.len()
            ))
            .clicked()
        {
            actions.push(Action::ShowChanges {
                title: format!("{}: {} vergeleken met nu", gemeente.name, agreed.describe()),
                changes,
            });
        }
    }
    if !sign_off.decisions.is_empty() || !sign_off.agreed.is_empty() {
        history(ui, workbook, gemeente, sign_off, actions);
    }
}

/// What is wrong with the seal, or that an old fingerprint leaves the article a concept.
fn seal_note(ui: &mut Ui, status: Status, check: Option<&SignOffCheck>) {
    if let Some(check) = check {
        if check.problem().is_some() {
            ui.label(RichText::new(format!("{}.", check.status_label())).color(tokens::ERROR));
        } else if check.old_recipe().is_some() && status == Status::Vastgesteld {
            ui.label(
                RichText::new(format!(
                    "{}. De bijlage drukt deze keuzes af als concept, tot het college en \
                     WerkBedrijf hun besluit opnieuw vastleggen.",
                    check.status_label()
                ))
                .small(),
            );
        }
    }
}

/// Where the choices stand and the buttons for the next step of the sign-off.
fn next_step(
    ui: &mut Ui,
    gemeente: &Gemeente,
    sign_off: &crate::core::signoff::SignOff,
    check: Option<&SignOffCheck>,
    actions: &mut Vec<Action>,
) {
    let name = gemeente.name.clone();
    let step = |step: SignOffStep| {
        Action::Edit(
            Edit::SignOff {
                gemeente: name.clone(),
                step,
            },
            None,
        )
    };
    match sign_off.status {
        Status::Concept => {
            ui.label(RichText::new("De keuzes kunnen nog veranderen.").small());
            if ui
                .button("Ter besluitvorming aanbieden")
                .on_hover_text("Zet de keuzes vast voor het besluit van het college")
                .clicked()
            {
                actions.push(step(SignOffStep::Submit));
            }
        }
        Status::TerBesluitvorming => {
            ui.label(RichText::new("De keuzes liggen vast voor het college.").small());
            if ui.button("Besluit college vastleggen…").clicked() {
                actions.push(Action::OpenDecisionForm {
                    gemeente: gemeente.name.clone(),
                    side: Side::College,
                });
            }
            if ui.button("Terug naar concept").clicked() {
                actions.push(step(SignOffStep::SendBack));
            }
        }
        Status::BeslotenDoorCollege => {
            ui.label(RichText::new("Het college is akkoord; nu WerkBedrijf (DB MGR).").small());
            if ui.button("Besluit WerkBedrijf vastleggen…").clicked() {
                actions.push(Action::OpenDecisionForm {
                    gemeente: gemeente.name.clone(),
                    side: Side::WerkBedrijf,
                });
            }
            if ui.button("Terug naar concept").clicked() {
                actions.push(step(SignOffStep::SendBack));
            }
        }
        Status::Vastgesteld => {
            agreed_details(ui, gemeente, sign_off, check, actions);
            if ui
                .button("Tussentijdse wijziging starten")
                .on_hover_text(
                    "Art. 16.3: een nieuwe versie als concept; de vastgestelde blijft bewaard",
                )
                .clicked()
            {
                actions.push(step(SignOffStep::StartAmendment));
            }
        }
    }
}

/// For agreed choices: the version and its check number, and where the sign-off holds only with
/// an old fingerprint, the one step that records the decision again.
fn agreed_details(
    ui: &mut Ui,
    gemeente: &Gemeente,
    sign_off: &crate::core::signoff::SignOff,
    check: Option<&SignOffCheck>,
    actions: &mut Vec<Action>,
) {
    if let Some((agreed, short)) = sign_off
        .in_force()
        .zip(check.and_then(SignOffCheck::short_fingerprint))
    {
        ui.label(agreed.describe());
        ui.label(format!(
            "Controlegetal {short}: staat ook op de getekende bijlage."
        ))
        .on_hover_text(
            "Berekend uit alles wat de bijlage voor deze gemeente afdrukt. Verschilt het \
             getal op papier van dit getal, dan is er na het vaststellen iets veranderd.",
        );
    }
    if let Some(recipe) = check.and_then(SignOffCheck::old_recipe)
        && let Some(agreed) = sign_off.in_force()
        && ui
            .button("Besluit opnieuw vastleggen…")
            .on_hover_text(
                "Legt dezelfde besluiten vast met de vingerafdruk van nu, die ook budget, \
                 teksten en datums dekt",
            )
            .clicked()
    {
        actions.push(Action::ConfirmReseal(super::action::ResealQuestion {
            gemeente: gemeente.name.clone(),
            uncovered: crate::core::signoff::old_recipe_note(recipe),
            lines: reseal_lines(gemeente, sign_off, agreed),
        }));
    }
}

/// What a re-recorded decision will cover that the old fingerprint did not, as the file has it
/// now: the user reads it against the decisions before sealing it.
fn reseal_lines(
    gemeente: &Gemeente,
    sign_off: &crate::core::signoff::SignOff,
    agreed: &crate::core::signoff::AgreedVersion,
) -> Vec<String> {
    let mut lines = vec![
        format!(
            "Budget: {} ({} {} pepers per jaar)",
            crate::core::money::format_eur(gemeente.budget),
            crate::core::money::format_number(gemeente.peppers),
            gemeente.colour.adjective()
        ),
        format!("Doel (artikel {}.1): {}", gemeente.article, gemeente.goal),
        agreed.describe(),
    ];
    for side in [Side::College, Side::WerkBedrijf] {
        if let Some(d) = crate::core::signoff::decision_on(sign_off, side, agreed.version) {
            lines.push(format!(
                "Besluit {} {}: {}, nr. {}, {} ({}), {}",
                side.label(),
                d.date.format("%d-%m-%Y"),
                d.outcome.label(),
                d.number,
                d.signatory,
                d.role,
                d.place
            ));
        }
    }
    lines
}

/// The decisions and agreed versions recorded, each agreed version with what changed from the one
/// before it.
fn history(
    ui: &mut Ui,
    workbook: &crate::core::Workbook,
    gemeente: &Gemeente,
    sign_off: &crate::core::signoff::SignOff,
    actions: &mut Vec<Action>,
) {
    egui::CollapsingHeader::new(RichText::new("Geschiedenis").small())
        .id_salt(("geschiedenis", &gemeente.name))
        .show(ui, |ui| {
            for decision in &sign_off.decisions {
                ui.label(
                    // Named as the annex names them: the first choices, then amendments
                    // counted from 1 (there is no "versie 0" for a reader).
                    RichText::new(format!(
                        "{} · {}: {} ({}, nr. {}), {} {}",
                        decision.date.format("%d-%m-%Y"),
                        match decision.version {
                            0 => "eerste keuzes".to_owned(),
                            n => format!("tussentijdse wijziging {n}"),
                        },
                        decision.outcome.label(),
                        decision.side.label(),
                        decision.number,
                        decision.signatory,
                        decision.role
                    ))
                    .small(),
                );
            }
            for (i, agreed) in sign_off.agreed.iter().enumerate() {
                ui.horizontal_wrapped(|ui| {
                    ui.label(
                        RichText::new(format!(
                            "{} ({})",
                            agreed.describe(),
                            agreed.short_fingerprint()
                        ))
                        .small(),
                    );
                    if let Some(previous) = i.checked_sub(1).map(|p| &sign_off.agreed[p])
                        && ui.small_button("wat veranderde").clicked()
                    {
                        actions.push(Action::ShowChanges {
                            title: format!(
                                "{}: {} vergeleken met {}",
                                gemeente.name,
                                previous.describe(),
                                agreed.describe()
                            ),
                            changes: plan_changes(
                                workbook,
                                &gemeente.name,
                                &previous.choices,
                                &agreed.choices,
                            ),
                        });
                    }
                });
            }
        });
}

/// The decision form's content; reports "Vastleggen" and "Annuleren". Enter in a field records
/// it, as the button does; a hint about what is missing follows the fields as they are filled, so
/// it never names a field already done.
pub fn decision_form(ui: &mut Ui, form: &mut DecisionForm, actions: &mut Vec<Action>) {
    ui.label(format!(
        "{} over de keuzes van {}",
        form.side.label(),
        form.gemeente
    ));
    ui.add_space(tokens::SPACE_S);
    ui.horizontal(|ui| {
        for outcome in Outcome::ALL {
            ui.radio_value(&mut form.outcome, outcome, outcome.label());
        }
    });
    let mut entered = false;
    egui::Grid::new("besluit")
        .num_columns(2)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            let mut field = |ui: &mut Ui, label: &str, value: &mut String| {
                ui.label(label);
                let response = ui.add(
                    egui::TextEdit::singleline(value)
                        .char_limit(crate::core::limits::MAX_NAME_CHARS)
                        .desired_width(260.0),
                );
                response
                    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
                entered |= response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.end_row();
            };
            field(ui, "Beslissing d.d. (dd-mm-jjjj)", &mut form.date);
            field(ui, "Besluitnummer", &mut form.number);
            field(ui, "Naam ondertekenaar", &mut form.signatory);
            field(ui, "Functie", &mut form.role);
            field(ui, "Plaats", &mut form.place);
        });
    if form.outcome == Outcome::NietAkkoord {
        ui.label(RichText::new("Bij ‘Niet akkoord’ gaan de keuzes terug naar concept; het besluit blijft in de geschiedenis.").small());
    }
    // Once shown, the hint follows the fields: it names what is still missing, or goes.
    if form.problem.is_some() {
        form.problem = form.to_decision().err();
    }
    if let Some(problem) = &form.problem {
        ui.label(RichText::new(problem).color(tokens::ERROR));
    }
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        if ui.button("Vastleggen").clicked() || entered {
            match form.to_decision() {
                Ok(decision) => {
                    actions.push(Action::CloseDialog);
                    actions.push(Action::Edit(
                        Edit::SignOff {
                            gemeente: form.gemeente.clone(),
                            step: SignOffStep::Decide(decision),
                        },
                        None,
                    ));
                }
                Err(problem) => form.problem = Some(problem),
            }
        }
        if ui.button("Annuleren").clicked() {
            actions.push(Action::CloseDialog);
        }
    });
}

/// A table of changes between two versions (activity, peppers and volume, before → after).
pub fn changes_table(ui: &mut Ui, changes: &[ChoiceChange]) {
    if changes.is_empty() {
        ui.label("Geen verschillen.");
        return;
    }
    egui::Grid::new("verschillen").striped(true).show(ui, |ui| {
        for header in ["Activiteit", "Was", "Wordt"] {
            ui.label(RichText::new(header).strong());
        }
        ui.end_row();
        for change in changes {
            ui.label(format!("{} {}", change.activity, change.title));
            ui.label(describe(change.before, &change.volume_before));
            let after = describe(change.after, &change.volume_after);
            ui.label(if change.note_only {
                format!("{after} (andere notitie)")
            } else {
                after
            });
            ui.end_row();
        }
    });
}

/// "3 pepers · 30 kandidaten", or a dash for nothing.
pub fn describe(peppers: rust_decimal::Decimal, volume: &str) -> String {
    match (peppers.is_zero(), volume.is_empty()) {
        (true, true) => "—".into(),
        (true, false) => volume.to_owned(),
        _ => format!("{} · {volume}", crate::core::rules::peppers_label(peppers)),
    }
}

/// The road from concept to agreed, with the step the choices are at: "Concept › Ter
/// besluitvorming › Besloten door college › Vastgesteld", the current one marked. A screen reader
/// reads it as "Stap 2 van 4: Ter besluitvorming".
fn steps(ui: &mut Ui, current: Status) {
    let response = ui
        .horizontal_wrapped(|ui| {
            ui.spacing_mut().item_spacing.x = 4.0;
            for (index, status) in Status::STEPS.into_iter().enumerate() {
                if index > 0 {
                    ui.label(RichText::new("›").color(ui.visuals().weak_text_color()));
                }
                let text = format!("{} {}", index + 1, status.label());
                let passed = status.step_number() < current.step_number();
                ui.label(if status == current {
                    RichText::new(text)
                        .strong()
                        .underline()
                        .color(status_colour(status))
                } else if passed {
                    RichText::new(text)
                } else {
                    RichText::new(text).color(ui.visuals().weak_text_color())
                });
            }
        })
        .response;
    let name = format!(
        "Stap {} van {}: {}",
        current.step_number(),
        Status::STEPS.len(),
        current.label()
    );
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, name.clone()));
}
