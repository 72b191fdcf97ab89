//! One activity's card: its heading, the peppers on it, the step buttons and the note.

use super::*;

/// What one card draws from: an activity of the card as it stands for one gemeente, and the card's
/// words formatted once per change.
pub(super) struct CardContext<'a> {
    /// The look in force (normal or presentation), asked once per frame.
    pub look: &'static Tokens,
    pub gemeente: &'a Gemeente,
    /// The gemeente's plan, looked up once per frame for all its cards.
    pub plan: Option<&'a crate::core::Plan>,
    pub activity: &'a Activity,
    pub text: &'a CardText,
}

impl CardContext<'_> {
    fn offer(&self) -> Option<&Offer> {
        self.activity.offer(self.gemeente.colour)
    }

    fn choice(&self) -> Option<&crate::core::Choice> {
        self.plan.and_then(|p| p.choice(self.activity.number))
    }

    fn peppers(&self) -> Decimal {
        self.choice().map(|c| c.peppers).unwrap_or_default()
    }

    fn taken(&self) -> bool {
        self.choice().is_some_and(|c| c.taken)
    }

    /// Whether the gemeente's choices may change (not waiting for a decision, not agreed).
    fn editable(&self) -> bool {
        self.plan.is_none_or(|p| p.sign_off.status.is_editable())
    }
}

pub(super) fn card(
    ui: &mut Ui,
    cx: &CardContext<'_>,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let CardContext {
        gemeente,
        plan,
        activity,
        text,
        ..
    } = *cx;
    let offer = cx.offer();
    let fill = if offer.is_some() {
        tokens::CARD_FILL
    } else {
        tokens::CARD_FILL_DISABLED
    };
    let frame = Frame::new()
        .fill(fill)
        .stroke(cx.look.card_stroke)
        .corner_radius(tokens::CORNER)
        .inner_margin(Margin::same(10));
    let (inner, dropped) = ui.dnd_drop_zone::<PepperPayload, _>(frame, |ui| {
        ui.set_width(ui.available_width());
        // The column's layout is top-down, justified, aligned left: the card's own widgets are
        // fixed-size and sit left, so no extra layout scope is needed per card.
        card_body(ui, cx, state, actions)
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

pub(super) fn card_body(
    ui: &mut Ui,
    cx: &CardContext<'_>,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let CardContext {
        gemeente,
        activity,
        text,
        ..
    } = *cx;
    let (offer, peppers, taken) = (cx.offer(), cx.peppers(), cx.taken());
    let number = activity.number;
    let editable = cx.editable();
    heading_and_description(ui, cx, state);
    let look = cx.look;
    if let Some(baseline) = &text.baseline {
        ui.label(RichText::new(baseline).small().color(tokens::BASELINE));
    }
    let Some(offer) = offer else { return };
    if !look.details {
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
    choose(ui, cx, offer, actions);
    if (peppers > Decimal::ZERO || taken) && editable {
        note_field(ui, cx, state, actions);
    } else if let Some(note) = cx.choice().map(|c| &c.note).filter(|n| !n.is_empty()) {
        // A locked note is text to read, not a greyed-out field.
        ui.label(RichText::new(format!("Notitie: {note}")).small());
    } else if editable {
        // The room the note's line takes once something is chosen, kept free before: the card
        // keeps its height when a pepper lands, so the cards below stay where the user aims.
        let height = (ui.text_style_height(&egui::TextStyle::Small)
            + 2.0 * ui.spacing().button_padding.y)
            .max(ui.spacing().interact_size.y);
        ui.allocate_space(vec2(0.0, height));
    }
}

/// The card's heading (number, title, price, limits, short description) as one laid-out text,
/// and the full description to fold out.
fn heading_and_description(ui: &mut Ui, cx: &CardContext<'_>, state: &mut DraftingState) {
    let (text, look, number) = (cx.text, cx.look, cx.activity.number);
    // Number, title, price, limits and the short description are one laid-out text: one widget
    // per card instead of five, which matters while a drag redraws the screen every frame.
    let mut job = card_heading(ui, text, look);
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
    if look.details {
        let expanded = state.expanded.contains(&number);
        let toggle = if expanded {
            "Omschrijving inklappen"
        } else {
            "Volledige omschrijving"
        };
        let label = format!("{toggle} van activiteit {number}");
        let response = painted::text_button(ui, toggle, &label);
        // "Naar de kaarten" lands here: the first stop of the first card.
        if std::mem::take(&mut state.focus_cards) {
            response.request_focus();
        }
        if response.clicked() {
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
}

/// What the user chooses with: a checkbox for a free offer, else the placed peppers, what they
/// buy and the step buttons.
fn choose(
    ui: &mut Ui,
    cx: &CardContext<'_>,
    offer: &crate::core::Offer,
    actions: &mut Vec<Action>,
) {
    let (gemeente, text, number) = (cx.gemeente, cx.text, cx.activity.number);
    let (peppers, taken, editable) = (cx.peppers(), cx.taken(), cx.editable());
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
        ui.add_enabled_ui(editable, |ui| step_buttons(ui, cx, offer, actions));
    }
}

/// The top of a card as one text: "4  Screenen kandidaten", the price, the limits and (outside
/// presentation) the short description.
pub(super) fn card_heading(ui: &Ui, text: &CardText, look: &Tokens) -> egui::text::LayoutJob {
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
    // The number and title stand out from the body text in either look.
    let (number_size, title_size) = (body.size * 1.25, body.size * 1.15);
    add(&text.number, Some(number_size), &body, weak, false);
    add("  ", Some(title_size), &body, strong, false);
    add(&text.title, Some(title_size), &body, strong, false);
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
    if look.details {
        add("\n", None, &small, weak, false);
        add(&text.short, None, &small, weak, false);
    }
    job
}

pub(super) fn placed_tokens(
    ui: &mut Ui,
    gemeente: &Gemeente,
    number: u32,
    peppers: Decimal,
    text: &CardText,
) {
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
        let (id, part, name) = if i < count {
            (
                Id::unique(("placed", number, i)),
                TokenPart::Whole,
                (text.token.as_str(), Some((i + 1, count))),
            )
        } else {
            (
                Id::unique(("placed", number, "half")),
                TokenPart::Half,
                (text.half_token.as_str(), None),
            )
        };
        token_at(ui, rect, id, payload.clone(), gemeente.colour, part, name);
    }
}

pub(super) fn step_buttons(
    ui: &mut Ui,
    cx: &CardContext<'_>,
    offer: &Offer,
    actions: &mut Vec<Action>,
) {
    let CardContext { gemeente, text, .. } = *cx;
    let number = cx.activity.number;
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

pub(super) fn note_field(
    ui: &mut Ui,
    cx: &CardContext<'_>,
    state: &mut DraftingState,
    actions: &mut Vec<Action>,
) {
    let gemeente = cx.gemeente;
    let number = cx.activity.number;
    let stored = cx.choice().map(|c| c.note.as_str()).unwrap_or("");
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
    crate::ui::painted::text_limit_hint(ui, text, crate::core::limits::MAX_NOTE_CHARS);
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
