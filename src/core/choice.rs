//! One gemeente's choice for one activity, and an option: a named set of choices. The smallest
//! pieces of a plan, shared by the plan, its options and the agreed versions of its sign-off.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// What a gemeente chose for one activity of the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Choice {
    /// The activity's number on the card.
    #[serde(deserialize_with = "crate::core::limits::de::count")]
    pub activity: u32,
    /// Peppers placed on the activity.
    #[serde(default)]
    #[serde(deserialize_with = "crate::core::limits::de::peppers")]
    pub peppers: Decimal,
    /// For an offer that costs no peppers (activity 1): whether the gemeente takes it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub taken: bool,
    /// A free-text note for the annex ("start na de zomer").
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "crate::core::limits::de::note")]
    pub note: String,
}

impl Choice {
    /// An empty choice for an activity, to be filled by an edit.
    pub fn empty(activity: u32) -> Self {
        Choice {
            activity,
            peppers: Decimal::ZERO,
            taken: false,
            note: String::new(),
        }
    }

    /// Whether the choice holds nothing worth keeping (no peppers, not taken, no note).
    pub fn is_empty(&self) -> bool {
        self.peppers.is_zero() && !self.taken && self.note.is_empty()
    }
}

/// The name of the first option, which every plan starts with.
pub fn first_option_name() -> String {
    "Optie A".to_owned()
}

/// Whether a name is the first option's (then files leave it out).
pub fn is_first_option_name(name: &String) -> bool {
    *name == first_option_name()
}

/// An option that is not the proposal: a name and a full set of choices.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// Its name ("Optie B").
    pub name: String,
    /// Its choices, in card order.
    #[serde(default)]
    pub choices: Vec<Choice>,
}
