//! Voortgang (art. 14.2): a regional dashboard of every gemeente against its agreed choices, and
//! for the gemeente in view a grid activity × period to type the delivered volumes into (or paste
//! a block copied from Excel), with agreed, delivered, percentage, a bar and a calm flag per
//! activity, and a chart of cumulative delivered against the line to the agreed total.

use std::collections::HashMap;

use chrono::NaiveDate;
use egui::{Color32, RichText, Ui};
use egui_plot::{Legend, Line, Plot, PlotPoints};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

mod entry;
mod periods;

use super::action::Action;
use super::design_tokens::{self as tokens, Tokens};
use crate::annex::Scope;
use crate::core::capacity::CapacityAssumptions;
use crate::core::history::Author;
use crate::core::money::{format_number, parse_dutch_decimal, round_shown};
use crate::core::period::Period;
use crate::core::progress::{CellValue, ProgressEdit, Source};
use crate::core::progress_figures::{
    ActivityProgress, Flag, GemeenteProgress, cumulative, region_progress,
};
use crate::core::{Edit, Model};

/// What the screen keeps between frames.
#[derive(Debug, Default)]
pub struct ProgressState {
    /// Text typed into a cell and not yet entered, by (activity, period).
    typing: HashMap<(u32, Period), String>,
    /// The model generation the typed text belongs to: any change of the workbook (an entry, a
    /// paste, undo) shows every cell from the workbook again.
    typing_generation: u64,
    /// The cell that had the keyboard focus last frame (grid row and column), where a pasted
    /// block starts.
    focused: Option<(usize, usize)>,
    /// The reason given for changing a figure of a closed period.
    pub reason: String,
    /// The activity whose line the chart shows.
    chart_activity: Option<u32>,
    /// The figures, worked out once per change of the workbook and day.
    cache: Option<(u64, NaiveDate, Vec<GemeenteProgress>)>,
    /// What the report made from this screen covers, as chosen under "Rapport over"; `None`
    /// until the user chooses, which means [`Scope::latest`].
    report: Option<Scope>,
    /// The cell whose note the note field edits: the cell that had the focus last.
    selected: Option<(u32, Period)>,
    /// The note being typed for the selected cell, not yet entered.
    note: Option<((u32, Period), String)>,
}

impl ProgressState {
    /// What a progress report made now covers: the user's choice under "Rapport over" while it
    /// is still one of the choices (a period that has ended, or the whole term), otherwise the
    /// last period that ended.
    pub fn report_scope(&self, model: &Model) -> Scope {
        let today = as_of(model);
        let workbook = model.workbook();
        self.report
            .filter(|scope| report_choices(workbook, today).contains(scope))
            .unwrap_or_else(|| Scope::latest(workbook, today))
    }
}

/// The reports that can be made on `today`: up to each period that has ended, and the whole term.
fn report_choices(workbook: &crate::core::workbook::Workbook, today: NaiveDate) -> Vec<Scope> {
    let mut choices: Vec<Scope> =
        Period::of_term(&workbook.region.term, workbook.progress.settings.periods)
            .into_iter()
            .filter(|p| p.end() < today)
            .map(Scope::UpTo)
            .collect();
    choices.push(Scope::Term);
    choices
}

/// The day progress is reckoned on: today, or the term's last day once it has ended.
pub fn as_of(model: &Model) -> NaiveDate {
    crate::core::progress_figures::reckoning_day(
        model.workbook(),
        chrono::Local::now().date_naive(),
    )
}

fn flag_colour(flag: Option<Flag>, look: &Tokens) -> Color32 {
    match flag {
        Some(Flag::OnTrack) => tokens::FLAG_ON_TRACK,
        Some(Flag::Behind) => tokens::FLAG_BEHIND,
        Some(Flag::FarBehind) => tokens::FLAG_FAR_BEHIND,
        // No figure is not a zero: in the text colour, told by its words.
        Some(Flag::NotDelivered) => look.text,
        None => look.weak_text,
    }
}

fn percent_text(activity: &ActivityProgress) -> String {
    if activity.flag == Some(Flag::NotDelivered) {
        return Flag::NotDelivered.label().to_owned();
    }
    activity.to_date.percent().map_or("—".to_owned(), |p| {
        format!("{}%", format_number(round_shown(p, 0)))
    })
}

fn amount(value: Option<Decimal>) -> String {
    value.map_or("—".to_owned(), |v| format_number(round_shown(v, 1)))
}

/// Shows the Voortgang screen for the gemeente in view.
pub fn show(
    ui: &mut Ui,
    model: &Model,
    gemeente: &str,
    author: &mut Author,
    state: &mut ProgressState,
    actions: &mut Vec<Action>,
) {
    let look = Tokens::of(ui.ctx());
    let today = as_of(model);
    let generation = model.generation();
    if state
        .cache
        .as_ref()
        .is_none_or(|(g, d, _)| *g != generation || *d != today)
    {
        let figures = region_progress(model.workbook(), today, &CapacityAssumptions::bundled());
        state.cache = Some((generation, today, figures));
    }
    if state.typing_generation != generation {
        state.typing.clear();
        state.typing_generation = generation;
    }
    let Some((_, _, figures)) = state.cache.take() else {
        return;
    };
    crate::ui::painted::heading(
        ui,
        "Voortgang: wat WerkBedrijf leverde tegen wat is afgesproken (artikel 14.2)",
    );
    ui.label(format!(
        "Stand per {}. Afgesproken: de vastgestelde keuzes, naar rato van de verstreken tijd.",
        today.format("%d-%m-%Y")
    ));
    ui.horizontal_wrapped(|ui| {
        periods_choice(ui, model, actions);
        ui.add_space(tokens::SPACE_L);
        report_choice(ui, model, state, actions);
        ui.add_space(tokens::SPACE_L);
        name_field(ui, author);
    });
    let author = &*author;
    ui.add_space(tokens::SPACE_S);
    egui::ScrollArea::vertical().show(ui, |ui| {
        dashboard(ui, model, &figures, look, actions);
        ui.add_space(tokens::SPACE_L);
        if let Some(progress) = figures.iter().find(|g| g.gemeente == gemeente) {
            gemeente_section(ui, model, progress, today, author, state, look, actions);
        }
        ui.add_space(tokens::SPACE_M);
        for note in &model.workbook().progress.settings.notes {
            ui.label(
                RichText::new(note)
                    .color(look.weak_text)
                    .size(look.small_size),
            );
        }
    });
    state.cache = Some((generation, today, figures));
}

/// Half-years or quarters, set per term; it can change only while no figure is entered.
/// Who enters the figures: the name that goes with every change into the history (beside the
/// computer's name), kept in the app's settings.
fn name_field(ui: &mut Ui, author: &mut Author) {
    ui.label("Uw naam:");
    ui.add(
        egui::TextEdit::singleline(&mut author.name)
            .desired_width(200.0)
            .hint_text("komt bij elke wijziging in de geschiedenis")
            .char_limit(crate::core::limits::MAX_NAME_CHARS),
    )
    .widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Uw naam"));
}

fn periods_choice(ui: &mut Ui, model: &Model, actions: &mut Vec<Action>) {
    let progress = &model.workbook().progress;
    let current = progress.settings.periods;
    let free = progress.delivered.is_empty();
    {
        ui.add_enabled_ui(free, |ui| {
            let mut chosen = current;
            egui::ComboBox::from_label("Perioden")
                .selected_text(current.plural())
                .show_ui(ui, |ui| {
                    for kind in crate::core::period::PeriodKind::ALL {
                        ui.selectable_value(&mut chosen, kind, kind.plural());
                    }
                })
                .response
                .on_disabled_hover_text(
                    "Er zijn al cijfers ingevuld; de indeling in perioden blijft.",
                );
            if chosen != current {
                actions.push(Action::Edit(
                    Edit::Progress(ProgressEdit::SetPeriods(chosen)),
                    None,
                ));
            }
        });
    }
}

/// "Rapport over": which period the progress report covers, and the button that makes it.
fn report_choice(ui: &mut Ui, model: &Model, state: &mut ProgressState, actions: &mut Vec<Action>) {
    let workbook = model.workbook();
    let current = state.report_scope(model);
    let mut chosen = current;
    egui::ComboBox::from_label("Rapport over")
        .selected_text(current.subtitle(workbook))
        .show_ui(ui, |ui| {
            for scope in report_choices(workbook, as_of(model)) {
                ui.selectable_value(&mut chosen, scope, scope.subtitle(workbook));
            }
        })
        .response
        .on_hover_text("Tot en met een periode die voorbij is, of over de hele looptijd");
    if chosen != current {
        state.report = Some(chosen);
    }
    if ui
        .button("Rapport maken…")
        .on_hover_text("Het rapport over de gekozen periode als PDF (artikel 14.2)")
        .clicked()
    {
        actions.push(Action::Command(crate::ui::commands::UiCommand::File(
            crate::ui::file_commands::FileCommand::ExportProgressReport,
        )));
    }
}

/// Every gemeente × activity: the percentage to date with its flag, and fte planned and used.
fn dashboard(
    ui: &mut Ui,
    model: &Model,
    figures: &[GemeenteProgress],
    look: &Tokens,
    actions: &mut Vec<Action>,
) {
    crate::ui::painted::heading(ui, "Regio: alle gemeenten");
    let activities: Vec<u32> = model
        .workbook()
        .card
        .activities
        .iter()
        .map(|a| a.number)
        .collect();
    egui::Grid::new("voortgang-regio")
        .striped(true)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            ui.strong("Gemeente");
            for number in &activities {
                ui.strong(format!("{number}")).on_hover_text(
                    model
                        .workbook()
                        .card
                        .activity(*number)
                        .map(|a| a.title_for_every_gemeente())
                        .unwrap_or_default(),
                );
            }
            ui.strong("Fte gepland");
            ui.strong("Fte ingezet");
            ui.end_row();
            for g in figures {
                if ui
                    .link(&g.gemeente)
                    .on_hover_text("Toon de voortgang van deze gemeente")
                    .clicked()
                {
                    actions.push(Action::SelectGemeente(g.gemeente.clone()));
                }
                for number in &activities {
                    match g.activities.iter().find(|a| a.activity == *number) {
                        Some(a) => share_cell(ui, &g.gemeente, a, look),
                        None => {
                            ui.label(RichText::new("·").color(look.weak_text));
                        }
                    }
                }
                ui.label(format_number(g.fte_planned));
                ui.label(g.fte_used.map_or("—".to_owned(), format_number));
                ui.end_row();
            }
        });
    flag_legend(ui, look);
}

/// One activity of one gemeente in the region's table: its share to date in its flag's colour.
fn share_cell(
    ui: &mut Ui,
    gemeente: &str,
    a: &crate::core::progress_figures::ActivityProgress,
    look: &Tokens,
) {
    let text = percent_text(a);
    let words = a.flag.map(Flag::label).unwrap_or("geen afspraak");
    let response = ui.label(
        RichText::new(&text)
            .color(flag_colour(a.flag, look))
            .strong(),
    );
    let name = format!("{gemeente}, activiteit {}: {text}, {words}", a.activity);
    response
        .on_hover_text(format!("{}: {words}", a.title))
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &name));
}

/// What the colours of the region's table mean, and what an fte is.
fn flag_legend(ui: &mut Ui, look: &Tokens) {
    ui.horizontal_wrapped(|ui| {
        for flag in [
            Flag::OnTrack,
            Flag::Behind,
            Flag::FarBehind,
            Flag::NotDelivered,
        ] {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter()
                .rect_filled(rect, 2.0, flag_colour(Some(flag), look));
            ui.label(flag.label());
            ui.add_space(tokens::SPACE_M);
        }
        ui.label(
            RichText::new("Fte: inzet op locatie, 10 dagdelen per week = 1 fte.")
                .color(look.weak_text),
        );
    });
}

#[allow(clippy::too_many_arguments)]
fn gemeente_section(
    ui: &mut Ui,
    model: &Model,
    progress: &GemeenteProgress,
    today: NaiveDate,
    author: &Author,
    state: &mut ProgressState,
    look: &Tokens,
    actions: &mut Vec<Action>,
) {
    let workbook = model.workbook();
    section_intro(ui, progress, look);
    let periods = Period::of_term(&workbook.region.term, workbook.progress.settings.periods);
    let rows: Vec<u32> = progress.activities.iter().map(|a| a.activity).collect();
    let now = chrono::Local::now().naive_local();
    entry::take_paste(ui, progress, &rows, &periods, author, now, state, actions);
    ui.label(
        RichText::new("Typ het gerealiseerde volume en druk op Enter of Tab; plak een blok uit Excel met Ctrl+V in een cel.")
            .color(look.weak_text)
            .size(look.small_size),
    );
    // Headings and "van 104" stay on one line; the column is as wide as they need.
    ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Extend);
    let reason = state.reason.clone();
    let figures = FigureGrid {
        workbook,
        gemeente: &progress.gemeente,
        author,
        now,
        reason: &reason,
        look,
    };
    let mut focused = None;
    let mut forget = Vec::new();
    egui::Grid::new("voortgang-gemeente")
        .striped(true)
        .spacing([tokens::SPACE_M, tokens::SPACE_S])
        .show(ui, |ui| {
            figures.header_row(ui, &periods, today, actions);
            for (row, activity) in progress.activities.iter().enumerate() {
                ui.label(format!("{}. {}", activity.activity, activity.title));
                ui.label(&activity.unit.many);
                for (column, figure) in activity.periods.iter().enumerate() {
                    let cell =
                        figures.figure_cell(ui, activity, figure, state, &mut forget, actions);
                    if cell {
                        focused = Some((row, column));
                    }
                }
                to_date_cells(ui, activity, look);
                ui.end_row();
            }
        });
    state.focused = focused;
    for key in forget {
        state.typing.remove(&key);
    }
    entry::note_field(ui, model, progress, author, now, state, actions);
    entry::figure_history(ui, model, &progress.gemeente, state, look);
    if !workbook.progress.closed.is_empty() {
        periods::reason_field(ui, state);
    }
    if let (Some(fte_used), false) = (progress.fte_used, progress.fte_planned.is_zero()) {
        ui.label(format!(
            "Inzet op locatie: gepland {} fte, ingezet gemiddeld {} fte.",
            format_number(progress.fte_planned),
            format_number(fte_used)
        ));
    }
    chart(ui, progress, state, look);
}

/// The gemeente's heading and what its figures are measured against (or that nothing is yet).
fn section_intro(ui: &mut Ui, progress: &GemeenteProgress, look: &Tokens) {
    crate::ui::painted::heading(
        ui,
        format!("{}: per activiteit en periode", progress.gemeente),
    );
    if progress.measured_against.is_empty() {
        ui.label(
            RichText::new("Nog geen vastgestelde keuzes: gerealiseerde volumes kunnen al worden ingevuld, maar er is nog niets om ze tegen af te zetten.")
                .color(look.weak_text),
        );
    } else {
        ui.label(format!(
            "Gemeten tegen: {}.",
            progress.measured_against.join("; ")
        ));
    }
}

/// What every cell of a gemeente's table of figures shares.
struct FigureGrid<'a> {
    workbook: &'a crate::core::Workbook,
    gemeente: &'a str,
    author: &'a Author,
    now: chrono::NaiveDateTime,
    /// The reason typed for a change in a closed period.
    reason: &'a str,
    look: &'a Tokens,
}

impl FigureGrid<'_> {
    /// One figure: a field to type it in, "van 15" agreed under it (·N with a note), entered as
    /// an edit when the field loses focus. Returns whether the field has the keyboard focus.
    fn figure_cell(
        &self,
        ui: &mut Ui,
        activity: &crate::core::progress_figures::ActivityProgress,
        figure: &crate::core::progress_figures::PeriodFigure,
        state: &mut ProgressState,
        forget: &mut Vec<(u32, Period)>,
        actions: &mut Vec<Action>,
    ) -> bool {
        let (workbook, look) = (self.workbook, self.look);
        let key = (activity.activity, figure.period);
        let entry = workbook
            .progress
            .delivered(self.gemeente, activity.activity, figure.period);
        let stored = figure
            .figure
            .delivered
            .or_else(|| entry.map(|d| d.volume))
            .map(format_number)
            .unwrap_or_default();
        let text = state.typing.entry(key).or_insert_with(|| stored.clone());
        let invalid = !text.trim().is_empty() && parse_dutch_decimal(text).is_none();
        let name = format!(
            "Gerealiseerd {}, activiteit {}, {}",
            self.gemeente,
            activity.activity,
            figure.period.label()
        );
        let mut focused = false;
        ui.vertical(|ui| {
            let mut edit = egui::TextEdit::singleline(text).desired_width(64.0);
            if invalid {
                edit = edit.text_color(tokens::FLAG_FAR_BEHIND);
            }
            let mut response = ui.add(edit);
            response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::TextInput, true, &name));
            if let Some(entry) = entry {
                response = response.on_hover_text(entry::entry_history(entry));
            }
            if response.has_focus() {
                focused = true;
                state.selected = Some(key);
            }
            let has_note = entry.is_some_and(|e| !e.note.is_empty());
            agreed_label(ui, figure, has_note, look);
            let committed = response.lost_focus();
            if committed && !invalid && *text != stored {
                actions.push(self.enter(activity.activity, figure.period, text, &response));
                // Shown from the workbook again next frame (as entered, or as it was when the
                // entry is refused).
                forget.push(key);
            } else if committed && invalid {
                actions.push(Action::Message(format!(
                    "‘{}’ is geen getal; typ bijvoorbeeld 12 of 12,5.",
                    text.chars().take(40).collect::<String>()
                )));
            } else if !response.has_focus() && *text != stored && !invalid {
                forget.push(key);
            }
        });
        focused
    }

    /// The edit that enters what was typed in a figure's field (an empty field clears it).
    fn enter(
        &self,
        activity: u32,
        period: Period,
        text: &str,
        response: &egui::Response,
    ) -> Action {
        Action::Edit(
            Edit::Progress(ProgressEdit::Enter {
                cells: vec![CellValue {
                    gemeente: self.gemeente.to_owned(),
                    activity,
                    period,
                    volume: parse_dutch_decimal(text),
                    note: None,
                }],
                source: Source::Typed,
                reason: self.reason.to_owned(),
                by: self.author.clone(),
                at: self.now,
            }),
            Some(response.rect.center()),
        )
    }
}

/// "van 15" under a figure's field: what was agreed for the period so far, "·N" when the figure
/// has a note.
fn agreed_label(
    ui: &mut Ui,
    figure: &crate::core::progress_figures::PeriodFigure,
    has_note: bool,
    look: &Tokens,
) {
    let agreed = figure.figure.agreed.filter(|_| !figure.elapsed.is_zero());
    // Where the figure stands (voorlopig, vastgesteld, gecorrigeerd, niet aangeleverd), so an
    // empty field never reads as a zero and an open period never as a closed one.
    let state = figure
        .state
        .map(|s| format!(" · {}", s.label()))
        .unwrap_or_default();
    ui.label(
        RichText::new(format!(
            "van {}{}{state}",
            amount(agreed),
            if has_note { " ·N" } else { "" }
        ))
        .color(look.weak_text)
        .size(look.small_size),
    )
    .on_hover_text(if has_note {
        "N: er staat een notitie bij dit cijfer"
    } else {
        "Afgesproken in deze periode"
    });
}

/// The row's totals to date: agreed, delivered, the share as a bar and a number, the flag.
fn to_date_cells(
    ui: &mut Ui,
    activity: &crate::core::progress_figures::ActivityProgress,
    look: &Tokens,
) {
    ui.label(amount(activity.to_date.agreed));
    ui.label(amount(activity.to_date.delivered));
    let fraction = activity
        .to_date
        .percent()
        .and_then(|p| (p / Decimal::ONE_HUNDRED).to_f32())
        .unwrap_or(0.0);
    // The percentage beside the bar, not on it: dark text on the darker flag colours could not be
    // read.
    ui.horizontal(|ui| {
        ui.add(
            egui::ProgressBar::new(fraction.min(1.0))
                .desired_width(72.0)
                .fill(flag_colour(activity.flag, look)),
        );
        ui.label(percent_text(activity));
    });
    ui.label(
        RichText::new(activity.flag.map(Flag::label).unwrap_or("geen afspraak"))
            .color(flag_colour(activity.flag, look)),
    );
}

/// Cumulative delivered against the line to the agreed total, for one activity.
fn chart(ui: &mut Ui, progress: &GemeenteProgress, state: &mut ProgressState, look: &Tokens) {
    let Some(first) = progress.activities.first() else {
        return;
    };
    let chosen = state
        .chart_activity
        .filter(|n| progress.activities.iter().any(|a| a.activity == *n))
        .unwrap_or(first.activity);
    let Some(activity) = progress.activities.iter().find(|a| a.activity == chosen) else {
        return;
    };
    ui.add_space(tokens::SPACE_M);
    ui.horizontal(|ui| {
        egui::ComboBox::from_label("Grafiek van activiteit")
            .selected_text(format!("{}. {}", activity.activity, activity.title))
            .show_ui(ui, |ui| {
                for a in &progress.activities {
                    ui.selectable_value(
                        &mut state.chart_activity,
                        Some(a.activity),
                        format!("{}. {}", a.activity, a.title),
                    );
                }
            });
    });
    let points = cumulative(activity);
    let f = |d: Decimal| d.to_f64().unwrap_or_default();
    let delivered: PlotPoints = points.iter().map(|(x, _, d)| [f(*x), f(*d)]).collect();
    let months = f(Decimal::from(
        12 * activity.periods.len() as u32
            / u32::from(
                first
                    .periods
                    .first()
                    .map_or(2, |p| p.period.kind.per_year()),
            ),
    ));
    let total = activity.term_agreed.map(f).unwrap_or_default();
    let line: PlotPoints = vec![[0.0, 0.0], [months, total]].into();
    Plot::new(("voortgang-plot", chosen))
        .height(220.0)
        .legend(Legend::default())
        .x_axis_label("maanden sinds de start van de looptijd")
        .y_axis_label(activity.unit.many.clone())
        .allow_scroll(false)
        .allow_drag(false)
        .allow_zoom(false)
        .show(ui, |plot| {
            plot.line(Line::new("Afgesproken (lijn naar het totaal)", line).color(look.weak_text));
            plot.line(
                Line::new("Gerealiseerd, opgeteld", delivered)
                    .color(flag_colour(activity.flag, look))
                    .width(2.5),
            );
        });
}
