//! The region: the gemeenten of the DVO, their pepper budgets and the term of the agreement.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// The colour of a gemeente's peppers. The colour decides what a pepper is worth and which offer
/// of an activity applies: Nijmegen spends green peppers, the other six red ones.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum PepperColour {
    /// Worth circa € 10.000; the six smaller gemeenten.
    Red,
    /// Worth circa € 100.000; Nijmegen.
    Green,
}

impl PepperColour {
    /// All colours, in the order the card lists their offers.
    pub const ALL: [PepperColour; 2] = [PepperColour::Red, PepperColour::Green];

    /// The Dutch adjective, as officials say it ("rode pepers").
    pub fn adjective(self) -> &'static str {
        match self {
            PepperColour::Red => "rode",
            PepperColour::Green => "groene",
        }
    }

    /// The Dutch name of the colour ("rood").
    pub fn name(self) -> &'static str {
        match self {
            PepperColour::Red => "rood",
            PepperColour::Green => "groen",
        }
    }
}

/// The term of the agreement (art. 17.1: in force 1 January 2021 – 31 December 2022).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    /// First day the agreement is in force.
    pub start: NaiveDate,
    /// Last day the agreement is in force.
    pub end: NaiveDate,
}

impl Term {
    /// The term as officials write it: "2021–2022", or "2021" for a single year.
    pub fn label(&self) -> String {
        use chrono::Datelike;
        if self.start.year() == self.end.year() {
            self.start.year().to_string()
        } else {
            format!("{}–{}", self.start.year(), self.end.year())
        }
    }
}

/// One gemeente's part of the DVO: its article, its goal text and its budget of peppers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gemeente {
    /// The gemeente's name as the DVO writes it ("Mook en Middelaar").
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub name: String,
    /// The DVO article that holds this gemeente's choices (5–11 in 2021–2022).
    #[serde(deserialize_with = "crate::core::limits::de::count")]
    pub article: u32,
    /// The text of article N.1, "Doel bij inzet van lokale dienstverlening".
    #[serde(deserialize_with = "crate::core::limits::de::long_text")]
    pub goal: String,
    /// Which colour of peppers the gemeente spends.
    pub colour: PepperColour,
    /// How many peppers the gemeente may spend (may be fractional after a budget change).
    #[serde(deserialize_with = "crate::core::limits::de::price")]
    pub peppers: Decimal,
    /// The euro budget for local choices: 25% of the Participatiebudget minus long-running obligations.
    #[serde(deserialize_with = "crate::core::limits::de::euros")]
    pub budget: Decimal,
    /// Whether the gemeente may take less than an activity's minimum (Mook en Middelaar).
    #[serde(default)]
    pub may_go_below_minimum: bool,
}

/// The region as the DVO describes it: the parties, the term and the value of the peppers.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Region {
    /// The region's name ("Rijk van Nijmegen").
    pub name: String,
    /// The DVO's citation title (art. 17), printed at the head of the annex.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub citation_title: String,
    /// When the agreement is in force.
    pub term: Term,
    /// The nominal euro value of one pepper of each colour.
    pub pepper_values: BTreeMap<PepperColour, Decimal>,
    /// The gemeenten, in article order.
    pub gemeenten: Vec<Gemeente>,
}

impl Region {
    /// Looks a gemeente up by name.
    pub fn gemeente(&self, name: &str) -> Option<&Gemeente> {
        self.gemeenten.iter().find(|g| g.name == name)
    }

    /// The nominal euro value of one pepper of this colour (zero when the region names none).
    pub fn pepper_value(&self, colour: PepperColour) -> Decimal {
        self.pepper_values.get(&colour).copied().unwrap_or_default()
    }

    /// All peppers of the region counted together (68 in 2021–2022, the DVO's "circa 70"): a count
    /// to hold a region against its DVO, never printed as one sum, since a red and a green pepper
    /// differ ten times in value ([`crate::core::Workbook::peppers_per_colour`]).
    pub fn total_peppers(&self) -> Decimal {
        self.gemeenten.iter().map(|g| g.peppers).sum()
    }

    /// All euro budgets together (€ 1.731.616 in 2021–2022).
    pub fn total_budget(&self) -> Decimal {
        self.gemeenten.iter().map(|g| g.budget).sum()
    }
}
