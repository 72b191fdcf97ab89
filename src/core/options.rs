//! Options ("scenario's") within one gemeente's plan: "with 8 peppers you could do A or B". The
//! proposal's choices live in [`Plan::choices`], so checking, signing off and the annex always
//! mean the proposal; the other options sit beside it until one of them is made the proposal.

use super::workbook::{Choice, Plan};

pub use super::choice::{Scenario, first_option_name, is_first_option_name};

/// A change to the set of options of one plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OptionChange {
    /// A new, empty option.
    New {
        /// Its name.
        name: String,
    },
    /// A new option with the choices of an existing one.
    Copy {
        /// The option to copy.
        from: String,
        /// The new option's name.
        name: String,
    },
    /// A new option with these choices: the proposed fit of *Wat als*, taken over.
    WithChoices {
        /// The new option's name.
        name: String,
        /// Its choices.
        choices: Vec<Choice>,
    },
    /// A new name for an option.
    Rename {
        /// Its current name.
        from: String,
        /// Its new name.
        to: String,
    },
    /// Delete an option that is not the proposal.
    Delete {
        /// Its name.
        name: String,
    },
    /// Make an option the proposal that goes to sign-off.
    Propose {
        /// Its name.
        name: String,
    },
}

impl OptionChange {
    /// A short Dutch description for the undo menu.
    pub fn label(&self) -> String {
        match self {
            OptionChange::New { name } => format!("{name} gemaakt"),
            OptionChange::Copy { from, name } => format!("{name} gemaakt als kopie van {from}"),
            OptionChange::WithChoices { name, .. } => format!("{name} gemaakt uit Wat als"),
            OptionChange::Rename { from, to } => format!("{from} hernoemd tot {to}"),
            OptionChange::Delete { name } => format!("{name} verwijderd"),
            OptionChange::Propose { name } => format!("{name} als voorstel gemarkeerd"),
        }
    }

    /// Whether the change touches the proposal's choices (then a locked sign-off refuses it).
    pub fn changes_proposal(&self) -> bool {
        matches!(self, OptionChange::Propose { .. })
    }
}

impl Plan {
    /// Every option's name, the proposal first.
    pub fn option_names(&self) -> Vec<&str> {
        std::iter::once(self.proposal.as_str())
            .chain(self.alternatives.iter().map(|s| s.name.as_str()))
            .collect()
    }

    /// The option `step` places after `shown` in the plan's order (the proposal first), wrapping
    /// round at either end: what the arrow keys show next in a presentation. An unknown `shown`
    /// counts as the proposal.
    pub fn option_after(&self, shown: &str, step: i32) -> &str {
        let names = self.option_names();
        let count = names.len() as i64;
        let index = names.iter().position(|n| *n == shown).unwrap_or(0) as i64;
        names[(index + i64::from(step)).rem_euclid(count) as usize]
    }

    /// The choices of an option by name (the proposal's or another's).
    pub fn option_choices(&self, name: &str) -> Option<&[Choice]> {
        if name == self.proposal {
            return Some(&self.choices);
        }
        self.alternatives
            .iter()
            .find(|s| s.name == name)
            .map(|s| s.choices.as_slice())
    }

    /// A name for a new option that is not taken yet: "Optie B", "Optie C", …
    pub fn next_option_name(&self) -> String {
        let names = self.option_names();
        ('B'..='Z')
            .chain(std::iter::once('A'))
            .map(|letter| format!("Optie {letter}"))
            .find(|name| !names.contains(&name.as_str()))
            .unwrap_or_else(|| format!("Optie {}", names.len() + 1))
    }
}

/// The most options a plan may have: more would not fit a compare view or a presentation.
pub const MAX_OPTIONS: usize = 6;

/// Why an option change was refused; `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum OptionRefusal {
    /// A new or renamed option without a name.
    #[error("Een optie heeft een naam nodig.")]
    NameMissing,
    /// The name is already that of another option (or the proposal).
    #[error("Er is al een optie met de naam ‘{0}’.")]
    NameTaken(String),
    /// No option has this name.
    #[error("Er is geen optie ‘{0}’.")]
    Unknown(String),
    /// The plan holds [`MAX_OPTIONS`] options already.
    #[error("Er zijn al {MAX_OPTIONS} opties; verwijder er eerst een.")]
    TooMany,
    /// The proposal cannot be deleted; another option must be proposed first.
    #[error("{0} is het voorstel; maak eerst een andere optie het voorstel.")]
    DeletingProposal(String),
}

/// Applies an option change to a plan, or refuses it and changes nothing.
pub fn apply_option_change(plan: &mut Plan, change: &OptionChange) -> Result<(), OptionRefusal> {
    let exists = |plan: &Plan, name: &str| plan.option_choices(name).is_some();
    let fresh_name = |plan: &Plan, name: &str| -> Result<String, OptionRefusal> {
        let name = name.trim();
        if name.is_empty() {
            return Err(OptionRefusal::NameMissing);
        }
        if exists(plan, name) {
            return Err(OptionRefusal::NameTaken(name.to_owned()));
        }
        Ok(name.to_owned())
    };
    let unknown = |name: &str| OptionRefusal::Unknown(name.to_owned());
    match change {
        OptionChange::New { name }
        | OptionChange::Copy { name, .. }
        | OptionChange::WithChoices { name, .. } => {
            if plan.alternatives.len() + 1 >= MAX_OPTIONS {
                return Err(OptionRefusal::TooMany);
            }
            let name = fresh_name(plan, name)?;
            let choices = match change {
                OptionChange::Copy { from, .. } => plan
                    .option_choices(from)
                    .ok_or_else(|| unknown(from))?
                    .to_vec(),
                OptionChange::WithChoices { choices, .. } => choices.clone(),
                _ => Vec::new(),
            };
            plan.alternatives.push(Scenario { name, choices });
        }
        OptionChange::Rename { from, to } => {
            if from.trim() == to.trim() {
                return Ok(());
            }
            let to = fresh_name(plan, to)?;
            if *from == plan.proposal {
                plan.proposal = to;
            } else {
                let scenario = plan
                    .alternatives
                    .iter_mut()
                    .find(|s| s.name == *from)
                    .ok_or_else(|| unknown(from))?;
                scenario.name = to;
            }
        }
        OptionChange::Delete { name } => {
            if *name == plan.proposal {
                return Err(OptionRefusal::DeletingProposal(name.clone()));
            }
            let index = plan
                .alternatives
                .iter()
                .position(|s| s.name == *name)
                .ok_or_else(|| unknown(name))?;
            plan.alternatives.remove(index);
        }
        OptionChange::Propose { name } => {
            if *name == plan.proposal {
                return Ok(());
            }
            let index = plan
                .alternatives
                .iter()
                .position(|s| s.name == *name)
                .ok_or_else(|| unknown(name))?;
            let chosen = std::mem::replace(
                &mut plan.alternatives[index],
                Scenario {
                    name: plan.proposal.clone(),
                    choices: std::mem::take(&mut plan.choices),
                },
            );
            plan.proposal = chosen.name;
            plan.choices = chosen.choices;
        }
    }
    Ok(())
}
