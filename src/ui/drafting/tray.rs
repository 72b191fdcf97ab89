//! The tray (Voorraad): the gemeente's unspent peppers as tokens to drag onto a card.

use super::*;

/// The gemeente's unspent peppers, as tokens to drag; also the place to drop a pepper taken off a card.
pub(super) fn tray(
    ui: &mut Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    look: &Tokens,
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
            tray_tokens(ui, gemeente, left);
            if left <= Decimal::ZERO {
                ui.label(RichText::new("Alle pepers zijn geplaatst.").italics());
            } else if look.details {
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
    if let Some(payload) = dropped {
        take_back(ui, workbook, gemeente, &payload, actions);
    }
}

/// The unspent peppers as tokens to drag (a half one for a half left), at most 200.
fn tray_tokens(ui: &mut Ui, gemeente: &Gemeente, left: Decimal) {
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
            (&label, Some((i + 1, count))),
        );
    }
    if left > whole {
        token(
            ui,
            Id::unique(("tray", "half")),
            gemeente,
            None,
            TokenPart::Half,
            (&format!("Halve {adjective} peper in voorraad"), None),
        );
    }
}

/// A placed pepper dropped on the tray: one step of its activity taken back.
fn take_back(
    ui: &Ui,
    workbook: &Workbook,
    gemeente: &Gemeente,
    payload: &PepperPayload,
    actions: &mut Vec<Action>,
) {
    if payload.gemeente != gemeente.name {
        return;
    }
    let Some(from) = payload.from else {
        return;
    };
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

/// The id of the n-th token in the tray.
pub fn tray_token_id(index: u32) -> Id {
    Id::unique(("tray", index))
}

pub(super) fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A token's accessible name and, for whole peppers, its place among them ("3 van 8"), so every
/// token has a name of its own.
pub(super) type TokenName<'a> = (&'a str, Option<(u32, u32)>);

/// One draggable pepper token.
pub(super) fn token(
    ui: &mut Ui,
    id: Id,
    gemeente: &Gemeente,
    from: Option<u32>,
    part: TokenPart,
    name: TokenName<'_>,
) {
    let payload = PepperPayload {
        gemeente: gemeente.name.clone(),
        from,
    };
    let (rect, _) = ui.allocate_exact_size(
        vec2(tokens::TOKEN_WIDTH, tokens::TOKEN_HEIGHT),
        Sense::hover(),
    );
    token_at(ui, rect, id, payload, gemeente.colour, part, name);
}

/// A token in a place already allocated. One widget per token, straight on egui's drag-and-drop
/// state (no child Ui per token as `dnd_drag_source` makes): a gemeente can have twenty of them
/// on screen during a drag. Tokens are dragged with the pointer and are no Tab stops: the + and −
/// of each card do the same from the keyboard, so twenty tokens do not stand between a keyboard
/// user and the cards.
pub(super) fn token_at(
    ui: &Ui,
    rect: egui::Rect,
    id: Id,
    payload: PepperPayload,
    colour: crate::core::PepperColour,
    part: TokenPart,
    (label, place): TokenName<'_>,
) {
    let response = ui
        .interact(rect, id, Sense::DRAG)
        .on_hover_cursor(egui::CursorIcon::Grab);
    response.widget_info(|| {
        let name = match place {
            Some((n, of)) => format!("{label} ({n} van {of})"),
            None => label.to_owned(),
        };
        WidgetInfo::labeled(Role::Image, true, name)
    });
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
