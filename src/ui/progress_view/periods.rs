//! The periods of the Voortgang table: the heading row with each period's state and its
//! *Afsluiten* or *Heropenen* button, and the reason a change in a closed period (or its
//! reopening) needs.

use chrono::NaiveDate;
use egui::{RichText, Ui};

use super::{FigureGrid, ProgressState};
use crate::core::Edit;
use crate::core::period::Period;
use crate::core::progress::ProgressEdit;
use crate::ui::action::Action;

/// The reason a change in a closed period needs, typed once for the figures that follow.
pub(super) fn reason_field(ui: &mut Ui, state: &mut ProgressState) {
    ui.horizontal(|ui| {
        ui.label("Reden bij een wijziging in of het heropenen van een afgesloten periode:");
        ui.add(egui::TextEdit::singleline(&mut state.reason).desired_width(360.0))
            .widget_info(|| {
                egui::WidgetInfo::labeled(egui::Role::TextInput, true, "Reden van de wijziging")
            });
    });
}

impl FigureGrid<'_> {
    /// The heading row: activity, unit, per period its name and its state (closed, or a button
    /// to close it once it has ended), then the totals.
    pub(super) fn header_row(
        &self,
        ui: &mut Ui,
        periods: &[Period],
        today: NaiveDate,
        actions: &mut Vec<Action>,
    ) {
        let look = self.look;
        ui.strong("Activiteit");
        ui.strong("Eenheid");
        for period in periods {
            ui.vertical(|ui| {
                ui.strong(period.short_label());
                if self.workbook.progress.is_closed(*period) {
                    ui.label(
                        RichText::new("afgesloten")
                            .color(look.weak_text)
                            .size(look.small_size),
                    );
                    self.reopen_button(ui, *period, actions);
                } else if period.end() < today
                    && ui
                        .small_button("Afsluiten")
                        .on_hover_text(format!(
                            "Sluit {} af: daarna verandert een cijfer alleen met een reden",
                            period.label()
                        ))
                        .clicked()
                {
                    actions.push(Action::Edit(
                        Edit::Progress(ProgressEdit::Close {
                            period: *period,
                            by: self.author.clone(),
                            at: self.now,
                        }),
                        None,
                    ));
                }
            });
        }
        ui.strong("Afgesproken tot nu");
        ui.strong("Gerealiseerd");
        ui.strong("%");
        ui.strong("Signaal");
        ui.end_row();
    }

    /// Opens a closed period again with the reason typed under the table; without one, the
    /// model's refusal says to give it.
    fn reopen_button(&self, ui: &mut Ui, period: Period, actions: &mut Vec<Action>) {
        let button = ui.small_button("Heropenen");
        button.widget_info(|| {
            egui::WidgetInfo::labeled(
                egui::Role::Button,
                true,
                format!("Heropen {}", period.label()),
            )
        });
        let clicked = button
            .on_hover_text(format!(
                "Heropen {}: de cijfers gelden weer als voorlopig tot de periode opnieuw is afgesloten. Typ eerst de reden onder de tabel.",
                period.label()
            ))
            .clicked();
        if clicked {
            actions.push(Action::Edit(
                Edit::Progress(ProgressEdit::Reopen {
                    period,
                    reason: self.reason.to_owned(),
                    by: self.author.clone(),
                    at: self.now,
                }),
                None,
            ));
        }
    }
}
