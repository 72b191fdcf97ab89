//! The drafting screen: one gemeente's peppers, the tray of unspent ones, and the activity cards
//! to drop them on. It only reads the model and reports [`Action`]s; the app applies them.

use std::collections::HashMap;

use egui::{Frame, Id, Margin, RichText, Role, Sense, Stroke, Ui, WidgetInfo, vec2};
use rust_decimal::Decimal;

use super::action::Action;
use super::charts::{self, Slice};
use super::design_tokens as tokens;
use super::painted;
use super::pepper::{TokenPart, paint_pepper};
use super::signoff_panel;
use crate::core::money::{format_eur, format_number};
use crate::core::rules::{peppers_label, quantum};
use crate::core::signoff::SignOff;
use crate::core::signoff::SignOffCheck;
use crate::core::{Activity, Edit, Gemeente, Offer, Status, Workbook};

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
    /// Presentation mode: tokens and figures only, no buttons, notes or long descriptions.
    pub presenting: bool,
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
            limits.push(format!("minimaal {}", peppers_label(offer.minimum)));
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
    tray(ui, workbook, gemeente, state.presenting, actions);
    ui.add_space(tokens::SPACE_M);
    // Presentation scrolls on its own, so leaving it finds the cards where they were.
    let scroll_id = if state.presenting {
        "kaarten-presentatie"
    } else {
        "kaarten"
    };
    egui::ScrollArea::vertical()
        .id_salt(scroll_id)
        .auto_shrink([false, false])
        .show(ui, |ui| {
            let columns =
                ((ui.available_width() / tokens::CARD_WIDTH).floor() as usize).clamp(1, 4);
            state.refresh_texts(shown, gemeente);
            let texts = state.texts.take().expect("just refreshed");
            ui.columns(columns, |cols| {
                for (index, (activity, text)) in workbook
                    .card
                    .activities
                    .iter()
                    .zip(&texts.cards)
                    .enumerate()
                {
                    let col = &mut cols[index % columns];
                    col.push_id(("card", activity.number), |ui| {
                        card(ui, workbook, gemeente, activity, text, state, actions)
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
    ui.horizontal(|ui| {
        match shown.option {
            Some(option) => {
                ui.label(RichText::new(format!("{option} · geen voorstel")).color(tokens::WARNING));
            }
            None => signoff_panel::badge(ui, sign_off.status, shown.check),
        }
        ui.heading(
            RichText::new(format!("Artikel {} · {}", gemeente.article, gemeente.name)).strong(),
        );
        ui.label(format!(
            "{} {} pepers · {} · 1 peper ≈ {}",
            format_number(gemeente.peppers),
            gemeente.colour.adjective(),
            format_eur(gemeente.budget),
            format_eur(workbook.euro_per_pepper(gemeente).round())
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
        let invalid = shown.check.filter(|c| matches!(c.holds, Some(Err(_))));
        let text = match (sign_off.status, sign_off.in_force()) {
            (Status::Vastgesteld, Some(_)) if invalid.is_some() => format!(
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

/// The gemeente's unspent peppers, as tokens to drag; also the place to drop a pepper taken off a card.
fn tray(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    presenting: bool,
    actions: &mut Vec<Action>,
) {
    let left = workbook.budget(gemeente).left;
    let frame = Frame::group(ui.style())
        .inner_margin(Margin::same(8))
        .corner_radius(tokens::CORNER);
    let (inner, dropped) = ui.dnd_drop_zone::<PepperPayload, _>(frame, |ui| {
        ui.set_min_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new("Voorraad").strong());
            ui.label(format!("{} over", peppers_label(left.max(Decimal::ZERO))));
            ui.add_space(tokens::SPACE_M);
            let whole = left.max(Decimal::ZERO).floor();
            let count = whole.try_into().unwrap_or(0u32).min(200);
            let adjective = gemeente.colour.adjective();
            let label = format!("{} peper in voorraad", capitalised(adjective));
            for i in 0..count {
                token(
                    ui,
                    Id::unique(("tray", i)),
                    gemeente,
                    None,
                    TokenPart::Whole,
                    &label,
                );
            }
            if left > whole {
                token(
                    ui,
                    Id::unique(("tray", "half")),
                    gemeente,
                    None,
                    TokenPart::Half,
                    &format!("Halve {adjective} peper in voorraad"),
                );
            }
            if left <= Decimal::ZERO {
                ui.label(RichText::new("Alle pepers zijn geplaatst.").italics());
            } else if !presenting {
                ui.add_space(tokens::SPACE_M);
                let editable = workbook
                    .plan(&gemeente.name)
                    .is_none_or(|p| p.sign_off.status.is_editable());
                if ui
                    .add_enabled(editable, egui::Button::new("Vul aan…"))
                    .on_hover_text("Verdeel de resterende pepers over activiteiten in een volgorde die u kiest")
                    .clicked()
                {
                    actions.push(Action::OpenFill);
                }
            }
        });
    });
    inner
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Group, true, TRAY_LABEL));
    if let Some(payload) = dropped
        && payload.gemeente == gemeente.name
        && let Some(from) = payload.from
    {
        let on_card = workbook
            .plan(&gemeente.name)
            .map(|p| p.peppers_on(from))
            .unwrap_or_default();
        let step = workbook
            .card
            .activity(from)
            .map(|a| step_of(a, gemeente, false))
            .unwrap_or(Decimal::ONE);
        let at = ui.ctx().pointer_interact_pos();
        actions.push(Action::Edit(
            Edit::AddPeppers {
                gemeente: gemeente.name.clone(),
                activity: from,
                peppers: -step.min(on_card),
            },
            at,
        ));
    }
}

/// The id of the n-th token in the tray.
pub fn tray_token_id(index: u32) -> Id {
    Id::unique(("tray", index))
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// One draggable pepper token.
fn token(
    ui: &mut Ui,
    id: Id,
    gemeente: &Gemeente,
    from: Option<u32>,
    part: TokenPart,
    label: &str,
) {
    let payload = PepperPayload {
        gemeente: gemeente.name.clone(),
        from,
    };
    let (rect, _) = ui.allocate_exact_size(
        vec2(tokens::TOKEN_WIDTH, tokens::TOKEN_HEIGHT),
        Sense::hover(),
    );
    token_at(ui, rect, id, payload, gemeente.colour, part, label);
}

/// A token in a place already allocated. One widget per token, straight on egui's drag-and-drop
/// state (no child Ui per token as `dnd_drag_source` makes): a gemeente can have twenty of them
/// on screen during a drag.
fn token_at(
    ui: &Ui,
    rect: egui::Rect,
    id: Id,
    payload: PepperPayload,
    colour: crate::core::PepperColour,
    part: TokenPart,
    label: &str,
) {
    let response = ui
        .interact(rect, id, Sense::drag())
        .on_hover_cursor(egui::CursorIcon::Grab);
    response.widget_info(|| WidgetInfo::labeled(Role::Button, true, label));
    if response.drag_started() {
        egui::DragAndDrop::set_payload(ui.ctx(), payload);
    }
    if ui.ctx().is_being_dragged(id) {
        // The token follows the pointer above everything else; its place on the card stays empty.
        ui.ctx().set_cursor_icon(egui::CursorIcon::Grabbing);
        if let Some(pointer) = ui.ctx().pointer_interact_pos() {
            let layer = ui
                .ctx()
                .layer_painter(egui::LayerId::new(egui::Order::Tooltip, id));
            let moved = egui::Rect::from_center_size(pointer, rect.size());
            paint_pepper(&layer, moved, colour, part, false);
        }
    } else if ui.is_rect_visible(rect) {
        paint_pepper(ui.painter(), rect, colour, part, false);
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

fn card(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    activity: &Activity,
    text: &CardText,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let offer = activity.offer(gemeente.colour);
    let plan = workbook.plan(&gemeente.name);
    let choice = plan.and_then(|p| p.choice(activity.number));
    let peppers = choice.map(|c| c.peppers).unwrap_or_default();
    let fill = if offer.is_some() {
        tokens::CARD_FILL
    } else {
        tokens::CARD_FILL_DISABLED
    };
    let stroke = if state.presenting {
        Stroke::new(2.0, tokens::PRESENTATION_STROKE)
    } else {
        Stroke::new(1.0, tokens::CARD_STROKE)
    };
    let frame = Frame::new()
        .fill(fill)
        .stroke(stroke)
        .corner_radius(tokens::CORNER)
        .inner_margin(Margin::same(10));
    let (inner, dropped) = ui.dnd_drop_zone::<PepperPayload, _>(frame, |ui| {
        ui.set_width(ui.available_width());
        // The column's layout is top-down, justified, aligned left: the card's own widgets are
        // fixed-size and sit left, so no extra layout scope is needed per card.
        card_body(
            ui,
            workbook,
            gemeente,
            activity,
            text,
            offer,
            peppers,
            choice.map(|c| c.taken).unwrap_or(false),
            state,
            actions,
        )
    });
    inner
        .response
        .widget_info(|| WidgetInfo::labeled(Role::Group, true, &text.label));
    if let Some(payload) = dropped
        && payload.gemeente == gemeente.name
    {
        let half = ui.input(|i| i.modifiers.shift);
        let step = step_of(activity, gemeente, half);
        let at = ui.ctx().pointer_interact_pos();
        let name = gemeente.name.clone();
        match payload.from {
            None => actions.push(Action::Edit(
                Edit::AddPeppers {
                    gemeente: name,
                    activity: activity.number,
                    peppers: step,
                },
                at,
            )),
            Some(from) if from == activity.number => {}
            Some(from) => {
                let on_source = plan.map(|p| p.peppers_on(from)).unwrap_or_default();
                actions.push(Action::Edit(
                    Edit::MovePeppers {
                        gemeente: name,
                        from,
                        to: activity.number,
                        peppers: step.min(on_source),
                    },
                    at,
                ));
            }
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn card_body(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    activity: &Activity,
    text: &CardText,
    offer: Option<&Offer>,
    peppers: Decimal,
    taken: bool,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let number = activity.number;
    let editable = workbook
        .plan(&gemeente.name)
        .is_none_or(|p| p.sign_off.status.is_editable());
    // Number, title, price, limits and the short description are one laid-out text: one widget
    // per card instead of five, which matters while a drag redraws the screen every frame.
    let mut job = card_heading(ui, text, state.presenting);
    job.wrap.max_width = ui.available_width();
    let galley = ui.fonts_mut(|f| f.layout_job(job));
    let (rect, response) = ui.allocate_exact_size(galley.size(), Sense::hover());
    response.widget_info(|| WidgetInfo::labeled(Role::Label, true, galley.text()));
    if ui.is_rect_visible(rect) {
        ui.painter()
            .galley(rect.min, galley, ui.visuals().text_color());
    }
    response.on_hover_ui(|ui| {
        ui.set_max_width(420.0);
        ui.label(&text.description);
    });
    if !state.presenting {
        let expanded = state.expanded.contains(&number);
        let toggle = if expanded {
            "Omschrijving inklappen"
        } else {
            "Volledige omschrijving"
        };
        if painted::text_button(ui, toggle).clicked() {
            if expanded {
                state.expanded.remove(&number);
            } else {
                state.expanded.insert(number);
            }
        }
        if expanded {
            ui.add(egui::Label::new(RichText::new(&text.description).small()).wrap());
        }
    }

    if let Some(baseline) = &text.baseline {
        ui.label(RichText::new(baseline).small().color(tokens::BASELINE));
    }
    let Some(offer) = offer else { return };
    if state.presenting {
        // Only the tokens and what they buy: no buttons or notes on the projector.
        if offer.is_free() {
            if taken {
                ui.label(RichText::new("Gekozen").strong());
            }
        } else {
            placed_tokens(ui, gemeente, number, peppers, text);
            ui.label(RichText::new(&text.summary).strong());
        }
        return;
    }
    if offer.is_free() {
        let mut chosen = taken;
        let response = ui.add_enabled(editable, egui::Checkbox::new(&mut chosen, &text.choose));
        if response.changed() {
            actions.push(Action::Edit(
                Edit::SetTaken {
                    gemeente: gemeente.name.clone(),
                    activity: number,
                    taken: chosen,
                },
                Some(response.rect.center()),
            ));
        }
    } else {
        placed_tokens(ui, gemeente, number, peppers, text);
        ui.label(RichText::new(&text.summary).strong());
        ui.add_enabled_ui(editable, |ui| {
            step_buttons(ui, gemeente, activity, offer, text, actions)
        });
    }
    if peppers > Decimal::ZERO || taken {
        ui.add_enabled_ui(editable, |ui| {
            note_field(ui, workbook, gemeente, number, state, actions)
        });
    }
}

/// The top of a card as one text: "4  Screenen kandidaten", the price, the limits and (outside
/// presentation) the short description.
fn card_heading(ui: &Ui, text: &CardText, presenting: bool) -> egui::text::LayoutJob {
    use egui::text::{LayoutJob, TextFormat};
    let style = ui.style();
    let visuals = ui.visuals();
    let body = egui::TextStyle::Body.resolve(style);
    let small = egui::TextStyle::Small.resolve(style);
    let weak = visuals.weak_text_color();
    let strong = visuals.strong_text_color();
    let plain = visuals.text_color();
    let mut job = LayoutJob::default();
    let mut add = |text: &str, size: Option<f32>, font: &egui::FontId, colour, italics| {
        let font_id = match size {
            Some(size) => egui::FontId::new(size, font.family.clone()),
            None => font.clone(),
        };
        job.append(
            text,
            0.0,
            TextFormat {
                font_id,
                color: colour,
                italics,
                ..TextFormat::default()
            },
        );
    };
    add(&text.number, Some(18.0), &body, weak, false);
    add("  ", Some(16.0), &body, strong, false);
    add(&text.title, Some(16.0), &body, strong, false);
    match &text.price {
        Some(price) => {
            add("\n", None, &body, strong, false);
            add(price, None, &body, strong, false);
            if !text.limits.is_empty() {
                add("\n", None, &small, plain, false);
                add(&text.limits, None, &small, plain, false);
            }
        }
        None => {
            add("\n", None, &body, weak, false);
            add(&text.no_offer, None, &body, weak, true);
        }
    }
    if !presenting {
        add("\n", None, &small, weak, false);
        add(&text.short, None, &small, weak, false);
    }
    job
}

fn placed_tokens(ui: &mut Ui, gemeente: &Gemeente, number: u32, peppers: Decimal, text: &CardText) {
    let whole = peppers.floor();
    let count: u32 = whole.try_into().unwrap_or(0u32).min(200);
    let half = peppers > whole;
    let total = count + u32::from(half);
    // Laid out by hand in rows (no wrapping child layout per card): tokens are all the same size.
    let spacing = ui.spacing().item_spacing;
    let step_x = tokens::TOKEN_WIDTH + spacing.x;
    let step_y = tokens::TOKEN_HEIGHT + spacing.y;
    let width = ui.available_width();
    let per_row = (((width + spacing.x) / step_x).floor() as u32).max(1);
    let rows = total.div_ceil(per_row).max(1);
    let (area, _) = ui.allocate_exact_size(
        vec2(width, rows as f32 * step_y - spacing.y),
        Sense::hover(),
    );
    let payload = PepperPayload {
        gemeente: gemeente.name.clone(),
        from: Some(number),
    };
    for i in 0..total {
        let at = area.min + vec2((i % per_row) as f32 * step_x, (i / per_row) as f32 * step_y);
        let rect = egui::Rect::from_min_size(at, vec2(tokens::TOKEN_WIDTH, tokens::TOKEN_HEIGHT));
        let (id, part, label) = if i < count {
            (
                Id::unique(("placed", number, i)),
                TokenPart::Whole,
                &text.token,
            )
        } else {
            (
                Id::unique(("placed", number, "half")),
                TokenPart::Half,
                &text.half_token,
            )
        };
        token_at(ui, rect, id, payload.clone(), gemeente.colour, part, label);
    }
}

fn step_buttons(
    ui: &mut Ui,
    gemeente: &Gemeente,
    activity: &Activity,
    offer: &Offer,
    text: &CardText,
    actions: &mut Vec<Action>,
) {
    let number = activity.number;
    let step = offer.peppers;
    let [minus, plus, half_minus, half_plus] = &text.buttons;
    let mut buttons = vec![("−", minus, -step), ("+", plus, step)];
    if gemeente.may_go_below_minimum {
        let half = quantum(gemeente, step);
        buttons.push(("−½", half_minus, -half));
        buttons.push(("+½", half_plus, half));
    }
    // One row allocated at once, the buttons placed in it (no horizontal child layout per card).
    let gap = ui.spacing().item_spacing.x;
    let size = vec2(34.0, 26.0);
    let width = buttons.len() as f32 * (size.x + gap) - gap;
    let (row, _) = ui.allocate_exact_size(vec2(width, size.y), Sense::hover());
    for (i, (symbol, label, peppers)) in buttons.into_iter().enumerate() {
        let rect = egui::Rect::from_min_size(row.min + vec2(i as f32 * (size.x + gap), 0.0), size);
        let id = Id::unique(("stap", number, i));
        let response = painted::symbol_button_at(ui, rect, id, symbol, label);
        let at = response.rect.center();
        if response.on_hover_text(label.as_str()).clicked() {
            actions.push(Action::Edit(
                Edit::AddPeppers {
                    gemeente: gemeente.name.clone(),
                    activity: number,
                    peppers,
                },
                Some(at),
            ));
        }
    }
}

fn note_field(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    number: u32,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let stored = workbook
        .plan(&gemeente.name)
        .and_then(|p| p.choice(number))
        .map(|c| c.note.as_str())
        .unwrap_or("");
    let label = format!("Notitie bij activiteit {number}");
    // The note reads as text until clicked (or reached with Tab and Enter); only then is it a text
    // field, so a screen full of cards does not carry a dozen text fields through every frame.
    if state.editing_note != Some(number) {
        let text = if stored.is_empty() {
            RichText::new("Notitie toevoegen…")
                .small()
                .color(ui.visuals().weak_text_color())
        } else {
            RichText::new(format!("Notitie: {stored}")).small()
        };
        let response = ui
            .add(egui::Button::new(text).frame(false).wrap())
            .on_hover_text("Een notitie bij deze keuze; de bijlage drukt haar af");
        response.widget_info(|| {
            let mut info = WidgetInfo::labeled(Role::Button, true, label.clone());
            // A screen reader reads the note itself as the button's value.
            info.current_text_value = Some(stored.to_owned());
            info
        });
        if response.clicked() {
            state.editing_note = Some(number);
            state.focus_note = true;
            state.notes.insert(number, stored.to_owned());
        }
        return;
    }
    let text = state
        .notes
        .entry(number)
        .or_insert_with(|| stored.to_owned());
    let response = ui.add(
        egui::TextEdit::singleline(text)
            .hint_text("Notitie voor de bijlage")
            .char_limit(crate::core::limits::MAX_NOTE_CHARS)
            .desired_width(f32::INFINITY),
    );
    response.widget_info(|| WidgetInfo::labeled(Role::TextInput, true, label.clone()));
    super::painted::text_limit_hint(ui, text, crate::core::limits::MAX_NOTE_CHARS);
    if std::mem::take(&mut state.focus_note) {
        response.request_focus();
    } else if response.lost_focus() || !response.has_focus() {
        if *text != stored {
            actions.push(Action::Edit(
                Edit::SetNote {
                    gemeente: gemeente.name.clone(),
                    activity: number,
                    note: text.clone(),
                },
                Some(response.rect.center()),
            ));
        }
        state.notes.remove(&number);
        state.editing_note = None;
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
        .map(|l| {
            let index = workbook
                .card
                .activities
                .iter()
                .position(|a| a.number == l.activity)
                .unwrap_or(0);
            Slice {
                label: format!("{} {}", l.activity, l.title),
                weight: to_f32(l.peppers),
                colour: tokens::series(index),
                value: peppers_label(l.peppers),
            }
        })
        .collect();
    if budget.left > Decimal::ZERO {
        slices.push(Slice {
            label: "Nog te besteden".into(),
            weight: to_f32(budget.left),
            colour: tokens::BAR_TRACK,
            value: peppers_label(budget.left),
        });
    }
    ui.add_space(tokens::SPACE_S);
    charts::pie_with_legend(
        ui,
        &format!("Pepers van {}", gemeente.name),
        &slices,
        tokens::PIE_RADIUS,
    );
    ui.add_space(tokens::SPACE_L);
    ui.separator();
    let region: Vec<Slice> = workbook
        .region
        .gemeenten
        .iter()
        .enumerate()
        .map(|(i, g)| Slice {
            label: g.name.clone(),
            weight: to_f32(g.budget),
            colour: tokens::series(i),
            value: format_eur(g.budget),
        })
        .collect();
    charts::pie_with_legend(
        ui,
        "Budget lokale accenten per gemeente",
        &region,
        tokens::PIE_RADIUS,
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
