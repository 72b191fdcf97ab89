//! Beheer: where WerkBedrijf corrects the card, the region and the term. A screen of its own with a
//! warning band, so an official drafting choices never changes a price by accident. Forms keep what
//! is typed until "Toepassen", which reports one [`SetupEdit`] through the app's one edit path.

use crate::core::signoff::Seal;
use egui::{RichText, Ui};

use super::action::Action;
use super::admin_forms::{
    ActivityForm, GemeenteForm, OfferForm, TermForm, ValuesForm, values_edits, values_form,
};
use super::commands::UiCommand;
use super::design_tokens as tokens;
use super::file_commands::FileCommand;
use crate::core::money::format_number;
use crate::core::rules::Severity;
use crate::core::setup::{SetupEdit, users_of};
use crate::core::words::list;
use crate::core::{Model, PepperColour, Workbook};

/// The part of Beheer in view.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Section {
    /// The activities and their offers.
    #[default]
    Card,
    /// Pepper values and the gemeenten's budgets.
    Region,
    /// Term, citation title, card name and the next term.
    Term,
}

impl Section {
    fn label(self) -> &'static str {
        match self {
            Section::Card => "Keuzekaart",
            Section::Region => "Regio en budgetten",
            Section::Term => "Looptijd",
        }
    }
}

/// What Beheer remembers between frames: the section and item in view and the forms being typed.
#[derive(Debug, Default)]
pub struct AdminState {
    section: Section,
    activity: Option<u32>,
    gemeente: Option<String>,
    activity_form: Option<ActivityForm>,
    gemeente_form: Option<GemeenteForm>,
    values_form: Option<ValuesForm>,
    term_form: Option<TermForm>,
    /// What the forms were filled from; when the workbook or the selection changes they refill.
    filled_for: Option<(u64, Option<u32>, Option<String>)>,
    /// An activity renumbered by the last "Toepassen": (old, new), to keep it selected.
    renumbered: Option<(u32, u32)>,
    /// The gemeenten that chose the selected activity (worked out with the forms, not per frame).
    users: Vec<String>,
}

impl AdminState {
    /// Fills the forms from the workbook again in the next frame, dropping what was typed.
    pub fn refill(&mut self) {
        self.filled_for = None;
    }

    fn refresh(&mut self, model: &Model) {
        let workbook = model.workbook();
        if let Some((old, new)) = self.renumbered
            && self.activity == Some(old)
            && workbook.card.activity(old).is_none()
            && workbook.card.activity(new).is_some()
        {
            self.activity = Some(new);
        }
        if self
            .activity
            .is_none_or(|n| workbook.card.activity(n).is_none())
        {
            self.activity = workbook.card.activities.first().map(|a| a.number);
        }
        if self
            .gemeente
            .as_deref()
            .is_none_or(|g| workbook.region.gemeente(g).is_none())
        {
            self.gemeente = workbook.region.gemeenten.first().map(|g| g.name.clone());
        }
        let key = (model.generation(), self.activity, self.gemeente.clone());
        if self.filled_for.as_ref() == Some(&key) {
            return;
        }
        self.activity_form = self
            .activity
            .and_then(|n| workbook.card.activity(n))
            .map(ActivityForm::from_activity);
        self.gemeente_form = self
            .gemeente
            .as_deref()
            .and_then(|g| workbook.region.gemeente(g))
            .map(GemeenteForm::from_gemeente);
        self.users = self
            .activity
            .map(|n| users_of(workbook, n))
            .unwrap_or_default();
        self.values_form = Some(values_form(&workbook.region));
        self.term_form = Some(TermForm::from_region(&workbook.region, &workbook.card));
        self.filled_for = Some(key);
    }
}

/// Shows Beheer: sections and items on the left, the form in the middle, the consequences (rule
/// findings and sign-offs) on the right.
pub fn show(ui: &mut Ui, model: &Model, state: &mut AdminState, actions: &mut Vec<Action>) {
    state.refresh(model);
    let workbook = model.workbook();
    egui::Panel::left("beheer-lijst")
        .resizable(false)
        .exact_size(tokens::SIDE_PANEL_WIDTH + 40.0)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| item_list(ui, workbook, state, actions));
        });
    egui::Panel::right("gevolgen")
        .resizable(false)
        .exact_size(tokens::CHART_PANEL_WIDTH)
        .show(ui, |ui| {
            egui::ScrollArea::vertical().show(ui, |ui| consequences(ui, model));
        });
    egui::CentralPanel::default().show(ui, |ui| {
        banner(ui, actions);
        ui.add_space(tokens::SPACE_M);
        egui::ScrollArea::vertical().show(ui, |ui| match state.section {
            Section::Card => activity_editor(ui, workbook, state, actions),
            Section::Region => region_editor(ui, workbook, state, actions),
            Section::Term => term_editor(ui, workbook, state, actions),
        });
    });
}

fn banner(ui: &mut Ui, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(tokens::ADMIN_BANNER)
        .corner_radius(tokens::CORNER)
        .inner_margin(egui::Margin::same(10))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.horizontal_wrapped(|ui| {
                ui.label(
                    RichText::new(
                        "Beheer (WerkBedrijf): wijzigingen aan keuzekaart, regio en looptijd gelden voor alle gemeenten.",
                    )
                    .strong()
                    .color(egui::Color32::from_rgb(0x4A, 0x32, 0x00)),
                );
                if ui.button("Terug naar keuzes").clicked() {
                    actions.push(Action::Command(UiCommand::Show(super::screens::View::Drafting)));
                }
            });
        });
}

fn item_list(ui: &mut Ui, workbook: &Workbook, state: &mut AdminState, actions: &mut Vec<Action>) {
    crate::ui::painted::heading(ui, "Beheer");
    ui.horizontal_wrapped(|ui| {
        for section in [Section::Card, Section::Region, Section::Term] {
            if ui
                .selectable_label(state.section == section, section.label())
                .clicked()
            {
                state.section = section;
            }
        }
    });
    ui.separator();
    match state.section {
        Section::Card => card_list(ui, &workbook.card, state, actions),
        Section::Region => {
            ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
                for gemeente in &workbook.region.gemeenten {
                    let text = format!("{} · art. {}", gemeente.name, gemeente.article);
                    let selected = state.gemeente.as_deref() == Some(&gemeente.name);
                    if ui.selectable_label(selected, text).clicked() {
                        state.gemeente = Some(gemeente.name.clone());
                    }
                }
            });
        }
        Section::Term => {
            ui.label(format!("Nu: {}", workbook.region.term.label()));
            if let Some(previous) = &workbook.previous {
                ui.label(format!("Vorige looptijd: {}", previous.term.label()));
            }
        }
    }
}

/// The card's activities to choose from, and the buttons that add, move and remove them and
/// send the card as a file.
fn card_list(
    ui: &mut Ui,
    card: &crate::core::Card,
    state: &mut AdminState,
    actions: &mut Vec<Action>,
) {
    ui.label(format!(
        "{} van hoogstens {} activiteiten",
        card.activities.len(),
        card.max_activities
    ));
    ui.add_space(tokens::SPACE_S);
    ui.with_layout(egui::Layout::top_down_justified(egui::Align::Min), |ui| {
        for activity in &card.activities {
            // As everywhere outside its own form: "[Gemeentenaam] Werkt!" reads as
            // "Gemeente Werkt!" in a list that stands for every gemeente.
            let text = format!(
                "{}. {}",
                activity.number,
                activity.title_for_every_gemeente()
            );
            let selected = state.activity == Some(activity.number);
            if ui.selectable_label(selected, text).clicked() {
                state.activity = Some(activity.number);
            }
        }
    });
    ui.add_space(tokens::SPACE_M);
    let selected = state.activity;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button("Activiteit toevoegen")
            .on_hover_text("Een lege activiteit onderaan de kaart, nog zonder aanbod")
            .clicked()
        {
            actions.push(Action::Setup(SetupEdit::AddActivity));
        }
        if let Some(number) = selected {
            if ui.button("Omhoog").clicked() {
                actions.push(Action::Setup(SetupEdit::MoveActivity { number, up: true }));
            }
            if ui.button("Omlaag").clicked() {
                actions.push(Action::Setup(SetupEdit::MoveActivity { number, up: false }));
            }
            if ui
                .button("Verwijderen")
                .on_hover_text("Alleen als geen gemeente de activiteit gekozen heeft")
                .clicked()
            {
                actions.push(Action::Setup(SetupEdit::RemoveActivity { number }));
            }
        }
    });
    ui.separator();
    for command in [FileCommand::ExportCard, FileCommand::ImportCard].map(UiCommand::File) {
        command.button(ui, actions);
    }
}

/// A labelled single-line text field, findable by its label (accessibility and tests).
fn field(ui: &mut Ui, label: &str, value: &mut String, width: f32) {
    ui.label(label);
    let max = crate::core::limits::MAX_NAME_CHARS;
    ui.vertical(|ui| {
        let response = ui.add(
            egui::TextEdit::singleline(value)
                .char_limit(max)
                .desired_width(width),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
        super::painted::text_limit_hint(ui, value, max);
    });
    ui.end_row();
}

/// A labelled multi-line text field.
fn area(ui: &mut Ui, label: &str, value: &mut String) {
    ui.label(label);
    let max = crate::core::limits::MAX_LONG_TEXT_CHARS;
    ui.vertical(|ui| {
        let response = ui.add(
            egui::TextEdit::multiline(value)
                .char_limit(max)
                .desired_width(520.0)
                .desired_rows(4),
        );
        response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, label));
        super::painted::text_limit_hint(ui, value, max);
    });
    ui.end_row();
}

/// "Toepassen" and "Herstellen" under a form: both only while the form differs from `original`;
/// "Toepassen" reports the form's edits (or its Dutch message about what was typed), "Herstellen"
/// puts the original back.
fn form_buttons<F: PartialEq>(
    ui: &mut Ui,
    [apply_label, reset_label]: [&str; 2],
    form: &mut F,
    original: F,
    edits: impl FnOnce(&F) -> Result<Vec<SetupEdit>, String>,
    actions: &mut Vec<Action>,
) {
    let changed = *form != original;
    let mut reset = false;
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        let apply = ui.add_enabled(changed, egui::Button::new(apply_label));
        if apply.clicked() {
            match edits(form) {
                Ok(edits) => actions.extend(edits.into_iter().map(Action::Setup)),
                Err(message) => actions.push(Action::Notify {
                    text: message,
                    at: Some(apply.rect.center()),
                    is_error: true,
                }),
            }
        }
        if ui
            .add_enabled(changed, egui::Button::new(reset_label))
            .clicked()
        {
            reset = true;
        }
        if changed {
            ui.label(RichText::new("Niet toegepast").color(tokens::WARNING));
        }
    });
    if reset {
        *form = original;
    }
}

fn activity_editor(
    ui: &mut Ui,
    workbook: &Workbook,
    state: &mut AdminState,
    actions: &mut Vec<Action>,
) {
    let Some(number) = state.activity else {
        ui.label("De keuzekaart heeft nog geen activiteiten. Voeg er een toe.");
        return;
    };
    let Some(activity) = workbook.card.activity(number) else {
        return;
    };
    let Some(form) = &mut state.activity_form else {
        return;
    };
    crate::ui::painted::heading(ui, format!("Activiteit {number}"));
    ui.label(if state.users.is_empty() {
        "Nog door geen gemeente gekozen.".to_owned()
    } else {
        format!("Gekozen door {}.", list(&state.users))
    });
    ui.add_space(tokens::SPACE_S);
    egui::Grid::new("activiteit")
        .num_columns(2)
        .min_col_width(tokens::FORM_LABEL_WIDTH)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            field(ui, "Nummer", &mut form.number, 60.0);
            field(ui, "Titel", &mut form.title, 520.0);
            area(ui, "Omschrijving", &mut form.description);
        });
    ui.label(
        RichText::new("Schrijf [Gemeentenaam] waar de naam van de gemeente moet komen.")
            .small()
            .color(ui.visuals().weak_text_color()),
    );
    for colour in PepperColour::ALL {
        offer_editor(ui, colour, form.offers.entry(colour).or_default());
    }
    if let Some(new) = form
        .number
        .trim()
        .parse::<u32>()
        .ok()
        .filter(|n| *n != number)
    {
        state.renumbered = Some((number, new));
    }
    form_buttons(
        ui,
        ["Toepassen", "Herstellen"],
        form,
        ActivityForm::from_activity(activity),
        |form| form.to_edit().map(|e| vec![e]),
        actions,
    );
}

/// The offer of an activity for one pepper colour: whether there is one, and its fields.
fn offer_editor(ui: &mut Ui, colour: PepperColour, offer: &mut Option<OfferForm>) {
    ui.add_space(tokens::SPACE_M);
    let mut has_offer = offer.is_some();
    if ui
        .checkbox(
            &mut has_offer,
            RichText::new(format!("Aanbod voor {} pepers", colour.adjective())).strong(),
        )
        .changed()
    {
        *offer = has_offer.then(OfferForm::starter);
    }
    let Some(offer) = offer else { return };
    let name = colour.name();
    egui::Grid::new(("aanbod", colour))
        .num_columns(2)
        .min_col_width(tokens::FORM_LABEL_WIDTH)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            field(
                ui,
                &format!("Volume per stap ({name})"),
                &mut offer.volume,
                100.0,
            );
            field(
                ui,
                &format!("Eenheid enkelvoud ({name})"),
                &mut offer.unit_one,
                200.0,
            );
            field(
                ui,
                &format!("Eenheid meervoud ({name})"),
                &mut offer.unit_many,
                200.0,
            );
            field(
                ui,
                &format!("Pepers per stap ({name})"),
                &mut offer.peppers,
                100.0,
            );
            field(
                ui,
                &format!("Minimum in pepers ({name})"),
                &mut offer.minimum,
                100.0,
            );
            field(
                ui,
                &format!("Maximum in pepers ({name})"),
                &mut offer.maximum,
                100.0,
            );
        });
    ui.label(
        RichText::new(
            "Volume en pepers per stap: 0 pepers is gratis; een leeg maximum is geen maximum.",
        )
        .small()
        .color(ui.visuals().weak_text_color()),
    );
}

fn region_editor(
    ui: &mut Ui,
    workbook: &Workbook,
    state: &mut AdminState,
    actions: &mut Vec<Action>,
) {
    crate::ui::painted::heading(ui, "Waarde van de pepers");
    if let Some(values) = &mut state.values_form {
        egui::Grid::new("pepers")
            .num_columns(2)
            .min_col_width(tokens::FORM_LABEL_WIDTH)
            .spacing([tokens::SPACE_M, tokens::SPACE_S])
            .show(ui, |ui| {
                for (colour, value) in values.iter_mut() {
                    field(
                        ui,
                        &format!("Waarde van een {} peper in euro", colour.adjective()),
                        value,
                        120.0,
                    );
                }
            });
        form_buttons(
            ui,
            ["Waarden toepassen", "Waarden herstellen"],
            values,
            values_form(&workbook.region),
            |values| values_edits(values, &workbook.region),
            actions,
        );
    }
    ui.separator();
    let Some(form) = &mut state.gemeente_form else {
        return;
    };
    let Some(gemeente) = workbook.region.gemeente(&form.name) else {
        return;
    };
    crate::ui::painted::heading(ui, format!("Gemeente {}", form.name));
    egui::Grid::new("gemeente")
        .num_columns(2)
        .min_col_width(tokens::FORM_LABEL_WIDTH)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            field(ui, "Artikel", &mut form.article, 60.0);
            ui.label("Kleur van de pepers");
            ui.horizontal(|ui| {
                for colour in PepperColour::ALL {
                    ui.radio_value(&mut form.colour, colour, colour.name());
                }
            });
            ui.end_row();
            field(ui, "Pepers", &mut form.peppers, 100.0);
            field(ui, "Budget in euro", &mut form.budget, 160.0);
            ui.label("Minimale afname");
            ui.checkbox(
                &mut form.may_go_below_minimum,
                "Mag onder de minimale afname (halve pepers)",
            );
            ui.end_row();
            area(ui, "Doel (artikel N.1)", &mut form.goal);
        });
    let budget = workbook.budget(gemeente);
    ui.label(
        RichText::new(format!(
            "Nu geplaatst: {} van {} pepers.",
            format_number(budget.used),
            format_number(budget.available)
        ))
        .small(),
    );
    form_buttons(
        ui,
        ["Toepassen", "Herstellen"],
        form,
        GemeenteForm::from_gemeente(gemeente),
        |form| form.to_edit().map(|e| vec![e]),
        actions,
    );
}

fn term_editor(
    ui: &mut Ui,
    workbook: &Workbook,
    state: &mut AdminState,
    actions: &mut Vec<Action>,
) {
    let Some(form) = &mut state.term_form else {
        return;
    };
    crate::ui::painted::heading(ui, "Looptijd en citeertitel");
    egui::Grid::new("looptijd")
        .num_columns(2)
        .min_col_width(tokens::FORM_LABEL_WIDTH)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            field(ui, "Ingangsdatum (dd-mm-jjjj)", &mut form.start, 120.0);
            field(ui, "Einddatum (dd-mm-jjjj)", &mut form.end, 120.0);
            field(ui, "Citeertitel", &mut form.citation_title, 520.0);
            field(ui, "Naam van de keuzekaart", &mut form.card_name, 300.0);
            area(
                ui,
                "Opmerking dat de prijzen een lezing zijn (maak leeg zodra WerkBedrijf de kaart heeft bevestigd)",
                &mut form.reading_note,
            );
        });
    form_buttons(
        ui,
        ["Toepassen", "Herstellen"],
        form,
        TermForm::from_region(&workbook.region, &workbook.card),
        |form| form.to_edit().map(|e| vec![e]),
        actions,
    );
    ui.add_space(tokens::SPACE_L);
    ui.separator();
    crate::ui::painted::heading(ui, "Nieuwe looptijd");
    ui.label(
        "Maakt een nieuwe werkmap voor de volgende looptijd: dezelfde kaart en regio (daarna aan te passen), \
         en per gemeente de vastgestelde keuzes (of anders de laatste) als concept én als ‘vorige looptijd’ \
         naast de nieuwe keuzes.",
    );
    UiCommand::File(FileCommand::NextTerm).button(ui, actions);
}

fn consequences(ui: &mut Ui, model: &Model) {
    crate::ui::painted::heading(ui, "Gevolgen");
    let new = model.new_findings();
    if !new.is_empty() {
        ui.label(RichText::new("Door de laatste wijziging:").strong());
        for finding in new {
            ui.label(RichText::new(finding.message()).color(tokens::ERROR));
        }
        ui.add_space(tokens::SPACE_M);
    }
    ui.label(RichText::new("Controle van alle gemeenten").strong());
    let findings = model.findings();
    if findings.is_empty() {
        ui.label("Geen fouten: alle keuzes passen op de kaart en binnen de budgetten.");
    }
    for finding in findings {
        let colour = match finding.severity {
            Severity::Error => tokens::ERROR,
            Severity::Warning => tokens::WARNING,
        };
        ui.label(RichText::new(finding.message()).color(colour));
    }
    ui.add_space(tokens::SPACE_M);
    ui.label(RichText::new("Vaststellingen").strong());
    let mut any = false;
    for gemeente in &model.workbook().region.gemeenten {
        let Some(check) = model.sign_off_check(&gemeente.name) else {
            continue;
        };
        match &check.seal {
            Some(Seal::Holds(_)) => {
                any = true;
                ui.label(format!(
                    "{}: vastgesteld, geldig ({})",
                    gemeente.name,
                    check.short_fingerprint().unwrap_or_default()
                ));
            }
            Some(Seal::OldRecipe(recipe)) => {
                any = true;
                ui.label(
                    RichText::new(format!(
                        "{}: vastgesteld {}",
                        gemeente.name,
                        crate::core::signoff::old_recipe_note(*recipe)
                    ))
                    .color(tokens::WARNING),
                );
            }
            Some(Seal::Broken(_)) => {
                any = true;
                ui.label(
                    RichText::new(format!("{}: vaststelling ongeldig", gemeente.name))
                        .color(tokens::ERROR),
                );
            }
            None => {}
        }
    }
    if !any {
        ui.label("Nog geen vastgestelde keuzes.");
    }
}
