//! The drafting screen: one gemeente's peppers, the tray of unspent ones, and the activity cards
//! to drop them on. It only reads the model and reports [`Action`]s; the app applies them.

use std::collections::HashMap;

use egui::{Frame, Id, Margin, RichText, Role, Sense, Ui, WidgetInfo, vec2};
use rust_decimal::Decimal;

use super::action::Action;
use super::charts::{self, Slice};
use super::design_tokens::{self as tokens, Tokens};
use super::painted;
use super::pepper::{TokenPart, paint_pepper};
use super::signoff_panel;
use crate::core::money::{format_eur, format_number, round_whole};
use crate::core::rules::{peppers_label, quantum};
use crate::core::signoff::SignOff;
use crate::core::signoff::SignOffCheck;
use crate::core::{Activity, Edit, Gemeente, Offer, Status, Workbook};

mod card;
mod tray;

use card::{CardContext, card};
pub use tray::tray_token_id;
use tray::{capitalised, token_at, tray};

/// What the drafting screen shows: the workbook as it stands, or a copy in which the gemeente's
/// plan holds the choices of another option; `key` changes whenever that content changes.
pub struct Shown<'a> {
    /// The workbook to draw.
    pub workbook: &'a Workbook,
    /// Changes whenever the content changes (model generation), so texts are cached per key.
    pub generation: u64,
    /// The option in view when it is not the proposal.
    pub option: Option<&'a str>,
    /// Whether the proposal's sign-off in force still holds.
    pub check: Option<&'a SignOffCheck>,
}

/// What is being dragged: a pepper of this gemeente, from the tray (`from: None`) or from a card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PepperPayload {
    /// The gemeente whose pepper it is.
    pub gemeente: String,
    /// The activity it is taken from, or `None` for the tray.
    pub from: Option<u32>,
}

/// The accessible label of the tray, where unspent peppers lie and placed ones can be put back.
pub const TRAY_LABEL: &str = "Pepervoorraad";

/// What the drafting screen keeps between frames: note text being typed (applied as one edit when
/// the field loses focus, so undo takes back a whole note, not a letter).
#[derive(Default)]
pub struct DraftingState {
    notes: HashMap<u32, String>,
    texts: Option<CardTexts>,
    /// Cards whose full description is open.
    expanded: std::collections::HashSet<u32>,
    /// The card whose note is being typed, if any.
    editing_note: Option<u32>,
    /// Give the note field focus in the next frame (it was just opened).
    focus_note: bool,
    /// Put the keyboard focus on the first card ("Naar de kaarten").
    pub focus_cards: bool,
}

/// The words on the cards of one gemeente, formatted once per change of the workbook rather than
/// in every frame (the drafting screen redraws at the pointer's pace during a drag).
struct CardTexts {
    generation: u64,
    option: Option<String>,
    gemeente: String,
    cards: Vec<CardText>,
}

/// The words on one card.
struct CardText {
    number: String,
    title: String,
    label: String,
    price: Option<String>,
    limits: String,
    no_offer: String,
    short: String,
    description: String,
    summary: String,
    choose: String,
    /// What the gemeente chose here in the previous term, when the workbook has one.
    baseline: Option<String>,
    token: String,
    half_token: String,
    buttons: [String; 4],
}

impl CardText {
    fn new(workbook: &Workbook, gemeente: &Gemeente, activity: &Activity) -> CardText {
        let number = activity.number;
        let offer = activity.offer(gemeente.colour);
        let peppers = workbook
            .plan(&gemeente.name)
            .map(|p| p.peppers_on(number))
            .unwrap_or_default();
        let description = activity.description_for(&gemeente.name);
        let short: String = description.chars().take(110).collect();
        let short = if short.len() < description.len() {
            format!("{short}…")
        } else {
            short
        };
        let mut limits = Vec::new();
        if let Some(offer) = offer.filter(|o| !o.is_free()) {
            limits.push(if gemeente.may_go_below_minimum {
                format!(
                    "minimaal {}; {} mag eronder, tot {}",
                    peppers_label(offer.minimum),
                    gemeente.name,
                    peppers_label(offer.peppers / Decimal::TWO)
                )
            } else {
                format!("minimaal {}", peppers_label(offer.minimum))
            });
        }
        if let Some(max) = offer.and_then(|o| o.maximum) {
            limits.push(format!("maximaal {}", peppers_label(max)));
        }
        let summary = match offer {
            Some(offer) if !peppers.is_zero() => format!(
                "Gekozen: {} · {} · {}",
                offer.unit.amount(offer.volume_for(peppers, false)),
                peppers_label(peppers),
                format_eur(workbook.line_euros(gemeente, number))
            ),
            _ => "Nog niet gekozen".to_owned(),
        };
        let adjective = gemeente.colour.adjective();
        let baseline = workbook.previous.as_ref().map(|previous| {
            let term = previous.term.label();
            match previous.line(&gemeente.name, number) {
                Some(line) if line.peppers.is_zero() => {
                    format!("Vorige looptijd ({term}): gekozen, {}", line.volume)
                }
                Some(line) => format!(
                    "Vorige looptijd ({term}): {} · {}",
                    peppers_label(line.peppers),
                    line.volume
                ),
                None => format!("Vorige looptijd ({term}): niet gekozen"),
            }
        });
        CardText {
            number: number.to_string(),
            title: activity.title_for(&gemeente.name),
            label: card_label(activity, &gemeente.name),
            price: offer.map(Offer::price_label),
            limits: limits.join(" · "),
            no_offer: format!("Geen aanbod voor {adjective} pepers"),
            short,
            description,
            summary,
            choose: offer
                .map(|o| format!("Kiezen ({})", o.price_label()))
                .unwrap_or_default(),
            baseline,
            token: format!("{} peper op activiteit {number}", capitalised(adjective)),
            half_token: format!("Halve {adjective} peper op activiteit {number}"),
            buttons: [
                format!("Peper eraf bij activiteit {number}"),
                format!("Peper erbij op activiteit {number}"),
                format!("Halve peper eraf bij activiteit {number}"),
                format!("Halve peper erbij op activiteit {number}"),
            ],
        }
    }
}

impl DraftingState {
    /// Forgets notes being typed (when another gemeente or file is shown).
    pub fn reset_notes(&mut self) {
        self.notes.clear();
        self.editing_note = None;
        self.focus_note = false;
    }

    /// Rebuilds the card texts when the workbook or the gemeente changed.
    fn refresh_texts(&mut self, shown: &Shown, gemeente: &Gemeente) {
        let fresh = self.texts.as_ref().is_some_and(|t| {
            t.generation == shown.generation
                && t.gemeente == gemeente.name
                && t.option.as_deref() == shown.option
        });
        if !fresh {
            let workbook = shown.workbook;
            self.texts = Some(CardTexts {
                generation: shown.generation,
                option: shown.option.map(str::to_owned),
                gemeente: gemeente.name.clone(),
                cards: workbook
                    .card
                    .activities
                    .iter()
                    .map(|a| CardText::new(workbook, gemeente, a))
                    .collect(),
            });
        }
    }
}

/// The accessible label of a card's drop zone ("Activiteit 4: Screenen kandidaten").
pub fn card_label(activity: &Activity, gemeente: &str) -> String {
    format!(
        "Activiteit {}: {}",
        activity.number,
        activity.title_for(gemeente)
    )
}

/// Shows the drafting screen for one gemeente.
pub fn show(
    ui: &mut Ui,
    shown: &Shown,
    gemeente: &Gemeente,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let workbook = shown.workbook;
    header(ui, shown, gemeente);
    ui.add_space(tokens::SPACE_S);
    let look = Tokens::of(ui.ctx());
    tray(ui, workbook, gemeente, look, actions);
    ui.add_space(tokens::SPACE_M);
    // Each look scrolls on its own, so leaving presentation finds the cards where they were.
    egui::ScrollArea::vertical()
        .id_salt(("kaarten", look.mode))
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let columns = ((ui.available_width() / look.card_width).floor() as usize).clamp(1, 4);
            state.refresh_texts(shown, gemeente);
            let texts = state.texts.take().expect("just refreshed");
            let plan = workbook.plan(&gemeente.name);
            ui.columns(columns, |cols| {
                for (index, (activity, text)) in workbook
                    .card
                    .activities
                    .iter()
                    .zip(&texts.cards)
                    .enumerate()
                {
                    let col = &mut cols[index % columns];
                    let cx = CardContext {
                        look,
                        gemeente,
                        plan,
                        activity,
                        text,
                    };
                    col.push_id(("card", activity.number), |ui| {
                        card(ui, &cx, state, actions)
                    });
                    col.add_space(tokens::SPACE_M);
                }
            });
            state.texts = Some(texts);
        });
}

fn header(ui: &mut Ui, shown: &Shown, gemeente: &Gemeente) {
    let workbook = shown.workbook;
    let budget = workbook.budget(gemeente);
    let unsigned = SignOff::default();
    let sign_off = workbook
        .plan(&gemeente.name)
        .map_or(&unsigned, |p| &p.sign_off);
    // Wraps rather than clips when the window is narrow or zoomed in.
    ui.horizontal_wrapped(|ui| {
        match shown.option {
            Some(option) => {
                ui.label(RichText::new(format!("{option} · geen voorstel")).color(tokens::WARNING));
            }
            None => signoff_panel::badge(ui, &gemeente.name, sign_off.status, shown.check),
        }
        crate::ui::painted::heading(
            ui,
            RichText::new(format!("Artikel {} · {}", gemeente.article, gemeente.name)).strong(),
        );
        ui.label(format!(
            "{} {} pepers · {} · 1 peper ≈ {}",
            format_number(gemeente.peppers),
            gemeente.colour.adjective(),
            format_eur(gemeente.budget),
            format_eur(round_whole(workbook.euro_per_pepper(gemeente)))
        ));
    });
    let over = budget.left.is_sign_negative() && !budget.left.is_zero();
    let text = format!(
        "{} van {} gebruikt · {} van {}{}",
        format_number(budget.used),
        peppers_label(budget.available),
        format_eur(budget.used_eur),
        format_eur(budget.budget_eur),
        if over {
            format!(" · {} te veel", peppers_label(-budget.left))
        } else {
            String::new()
        }
    );
    charts::budget_bar(ui, budget.fraction_used(), &text, &text, 28.0);
    if !sign_off.status.is_editable() {
        let invalid = shown
            .check
            .filter(|c| c.problem().is_some() || c.old_recipe().is_some());
        let text = match (sign_off.status, sign_off.in_force()) {
            (Status::Vastgesteld, _) if invalid.is_some() => format!(
                "{}. Deze keuzes zijn alleen te lezen; start rechts een tussentijdse wijziging om ze opnieuw vast te stellen.",
                invalid.map(|c| c.status_label()).unwrap_or_default()
            ),
            (Status::Vastgesteld, Some(agreed)) => format!(
                "{}. Deze keuzes zijn alleen te lezen; start rechts een tussentijdse wijziging om ze te veranderen.",
                agreed.describe()
            ),
            (status, _) => format!(
                "{}: deze keuzes liggen vast. Zet ze rechts terug naar concept om ze te veranderen.",
                status.label()
            ),
        };
        egui::Frame::new()
            .fill(tokens::LOCKED_FILL)
            .corner_radius(tokens::CORNER)
            .inner_margin(Margin::same(6))
            .show(ui, |ui| {
                ui.set_min_width(ui.available_width());
                ui.label(RichText::new(text).strong());
            });
    }
}

/// How many peppers one step (a drop or a +/− press) is on this activity for this gemeente.
fn step_of(activity: &Activity, gemeente: &Gemeente, half: bool) -> Decimal {
    match activity.offer(gemeente.colour) {
        Some(offer) if !offer.is_free() => {
            if half {
                quantum(gemeente, offer.peppers)
            } else {
                offer.peppers
            }
        }
        // No offer or a free one: the edit will say why it cannot take peppers.
        _ => Decimal::ONE,
    }
}

/// The chart panel of the drafting screen: this gemeente's peppers by activity, and the region's
/// euro budgets per gemeente (as in the toelichting of the card).
pub fn charts(ui: &mut Ui, workbook: &Workbook, gemeente: &Gemeente) {
    let lines = workbook.choice_lines(gemeente);
    let budget = workbook.budget(gemeente);
    let mut slices: Vec<Slice> = lines
        .iter()
        .filter(|l| !l.peppers.is_zero())
        .map(|l| Slice {
            label: format!("{} {}", l.activity, l.title),
            weight: to_f32(l.peppers),
            colour: tokens::activity_colour(&workbook.card, l.activity),
            value: peppers_label(l.peppers),
            tag: l.activity.to_string(),
        })
        .collect();
    if budget.left > Decimal::ZERO {
        slices.push(Slice {
            label: "Nog te besteden".into(),
            weight: to_f32(budget.left),
            colour: tokens::BAR_TRACK,
            value: peppers_label(budget.left),
            tag: String::new(),
        });
    }
    ui.add_space(tokens::SPACE_S);
    let look = Tokens::of(ui.ctx());
    // Presenting, the room looks at one gemeente: its pie takes the panel's width (its legend
    // below it), and the region's budgets, which did not fit below it, stay at the desk.
    let radius = if look.details {
        look.pie_radius
    } else {
        ((ui.available_width() - 16.0) / 2.0).clamp(look.pie_radius, look.pie_radius * 1.6)
    };
    charts::pie_with_legend(
        ui,
        &format!("Pepers van {}", gemeente.name),
        &slices,
        radius,
    );
    if !look.details {
        return;
    }
    ui.add_space(tokens::SPACE_L);
    ui.separator();
    let region: Vec<Slice> = workbook
        .region
        .gemeenten
        .iter()
        .enumerate()
        .map(|(i, g)| Slice {
            label: format!("{} {}", g.article, g.name),
            weight: to_f32(g.budget),
            colour: tokens::series(i),
            value: format_eur(g.budget),
            tag: g.article.to_string(),
        })
        .collect();
    charts::pie_with_legend(
        ui,
        "Budget lokale accenten per gemeente",
        &region,
        Tokens::of(ui.ctx()).pie_radius,
    );
    ui.label(
        RichText::new(format!(
            "Totaal {}",
            format_eur(workbook.region.total_budget())
        ))
        .small(),
    );
}

/// Decimal to f32 for drawing only (pie angles), never for money.
fn to_f32(value: Decimal) -> f32 {
    use rust_decimal::prelude::ToPrimitive;
    value.to_f32().unwrap_or(0.0)
}
