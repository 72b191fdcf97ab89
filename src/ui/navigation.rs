//! Where the user is: the screen, the gemeente and, per gemeente, the option in view. One value,
//! so presentation mode saves and puts back a single clone, and the settings remember its screen
//! and gemeente between runs.

use std::collections::BTreeMap;

use super::settings::View;
use crate::core::{Plan, Region};

/// Where the user is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Navigation {
    /// The screen showing.
    pub view: View,
    /// The gemeente shown (on the drafting screen, and the one the commands act on).
    pub gemeente: Option<String>,
    /// Per gemeente, the option in view when it is not the proposal.
    pub options: BTreeMap<String, String>,
}

impl Navigation {
    /// The gemeente shown, or "" before there is one.
    pub fn gemeente(&self) -> &str {
        self.gemeente.as_deref().unwrap_or_default()
    }

    /// The option in view for a gemeente's plan when it is not the proposal and still exists (an
    /// undo or an open can remove it).
    pub fn option_of<'p>(&self, plan: &'p Plan) -> Option<&'p str> {
        let name = self.options.get(&plan.gemeente)?;
        plan.alternatives
            .iter()
            .find(|s| s.name == *name)
            .map(|s| s.name.as_str())
    }

    /// Shows an option (or the proposal, with `None`) of a gemeente.
    pub fn show_option(&mut self, gemeente: String, option: Option<String>) {
        match option {
            Some(option) => self.options.insert(gemeente, option),
            None => self.options.remove(&gemeente),
        };
    }

    /// Makes sure a gemeente of the region is shown: the remembered one if the region has it,
    /// else the first.
    pub fn keep_to(&mut self, region: &Region) {
        let known = self
            .gemeente
            .as_deref()
            .is_some_and(|name| region.gemeente(name).is_some());
        if !known {
            self.gemeente = region.gemeenten.first().map(|g| g.name.clone());
        }
    }
}
