//! Which option of a gemeente's plan is in view, and aiming edits at it.

use super::*;

impl KeuzekaartApp {
    /// The option in view for the shown gemeente when it is not the proposal (and still exists).
    pub fn shown_option(&self) -> Option<&str> {
        let plan = self.model.workbook().plan(self.selected_gemeente())?;
        self.navigation.option_of(plan)
    }

    /// Shows an option (or the proposal, with `None`) of a gemeente.
    pub(super) fn show_option(&mut self, gemeente: String, option: Option<String>) {
        self.navigation.show_option(gemeente, option);
        self.options_bar.reset();
        self.drafting.reset_notes();
    }

    /// A choice edit from the drafting screen goes to the option in view.
    pub(super) fn aim_at_option(&self, edit: Edit) -> Edit {
        match self.shown_option() {
            Some(option)
                if edit.is_choice_edit() && edit.gemeente() == Some(self.selected_gemeente()) =>
            {
                Edit::InOption {
                    option: option.to_owned(),
                    edit: Box::new(edit),
                }
            }
            _ => edit,
        }
    }

    /// After an option change, which option to show: a new one, a renamed one, or the proposal
    /// when the one in view is deleted.
    pub(super) fn option_to_follow(&self, edit: &Edit) -> Option<(String, Option<String>)> {
        use crate::core::options::OptionChange;
        let Edit::Options { gemeente, change } = edit else {
            return None;
        };
        let shown = self.navigation.options.get(gemeente);
        let option = match change {
            OptionChange::New { name }
            | OptionChange::Copy { name, .. }
            | OptionChange::WithChoices { name, .. } => Some(name.clone()),
            OptionChange::Rename { from, to } if shown == Some(from) => Some(to.clone()),
            OptionChange::Delete { name } if shown == Some(name) => None,
            OptionChange::Propose { name } => Some(name.clone()),
            _ => return None,
        };
        Some((gemeente.clone(), option))
    }

    /// The choices in view (of the option in view), to report what "Vul aan" added.
    pub(super) fn shown_choices(&self) -> Vec<crate::core::Choice> {
        let gemeente = self.selected_gemeente();
        let Some(plan) = self.model.workbook().plan(gemeente) else {
            return Vec::new();
        };
        let option = self.shown_option().unwrap_or(&plan.proposal);
        plan.option_choices(option).unwrap_or_default().to_vec()
    }

    /// Says what "Vul aan" did: per activity the peppers added, or that nothing fitted.
    pub(super) fn report_fill(&mut self, ctx: &egui::Context, before: &[crate::core::Choice]) {
        let after = self.shown_choices();
        let report = crate::core::diff::FillReport::new(
            self.model.workbook(),
            self.selected_gemeente(),
            before,
            &after,
        );
        self.show_message(ctx, report.to_string(), None, false);
    }
}
