//! The keuzekaart: the activities a gemeente can choose from and what a pepper buys of each.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::format_number;
use super::region::PepperColour;

/// The placeholder in titles and descriptions that stands for the gemeente's own name
/// (activity 7, "\[Gemeentenaam\] Werkt!").
pub const NAME_PLACEHOLDER: &str = "[Gemeentenaam]";

/// The unit of an activity's volume, in singular and plural, so volumes read as Dutch
/// ("1 dagdeel/week", "3 dagdelen/week").
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Used for amounts of one or less ("1 kandidaat", "0,5 dagdeel/week").
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub one: String,
    /// Used for other amounts ("20 kandidaten").
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub many: String,
}

impl Unit {
    /// Writes an amount with the right form of the unit: "1 event", "2 events".
    pub fn amount(&self, amount: Decimal) -> String {
        let unit = if amount <= Decimal::ONE && amount > Decimal::ZERO {
            &self.one
        } else {
            &self.many
        };
        format!("{} {unit}", format_number(amount))
    }
}

/// What an activity costs and gives in one colour of peppers: one "step" buys `volume` units for
/// `peppers` peppers. A step that costs no peppers is a free offer (activity 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Offer {
    /// What one step buys, in `unit`.
    #[serde(deserialize_with = "crate::core::limits::de::volume")]
    pub volume: Decimal,
    /// The unit of the volume.
    pub unit: Unit,
    /// What one step costs in peppers (zero for a free offer).
    #[serde(deserialize_with = "crate::core::limits::de::price")]
    pub peppers: Decimal,
    /// The minimum take in peppers ("minimale afname"); more is always allowed.
    #[serde(deserialize_with = "crate::core::limits::de::price")]
    pub minimum: Decimal,
    /// The maximum take in peppers, when the card sets one (activity 12: 4 red peppers).
    #[serde(default, deserialize_with = "crate::core::limits::de::optional_price")]
    pub maximum: Option<Decimal>,
}

impl Offer {
    /// Whether taking this offer costs nothing.
    pub fn is_free(&self) -> bool {
        self.peppers.is_zero()
    }

    /// The volume that `peppers` peppers buy (for a free offer: one step when taken).
    pub fn volume_for(&self, peppers: Decimal, taken: bool) -> Decimal {
        if self.is_free() {
            if taken { self.volume } else { Decimal::ZERO }
        } else {
            (peppers / self.peppers * self.volume).normalize()
        }
    }

    /// The price as a person reads it on the card: "1 peper = 10 kandidaten", or "geen pepers" for
    /// a free offer.
    pub fn price_label(&self) -> String {
        if self.is_free() {
            format!("{} — geen pepers", self.unit.amount(self.volume))
        } else {
            let word = if self.peppers == Decimal::ONE {
                "peper"
            } else {
                "pepers"
            };
            format!(
                "{} {word} = {}",
                format_number(self.peppers),
                self.unit.amount(self.volume)
            )
        }
    }
}

/// One form of service on the card.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Activity {
    /// The number on the card (1–15); choices refer to activities by this number.
    #[serde(deserialize_with = "crate::core::limits::de::count")]
    pub number: u32,
    /// The title, possibly with the `[Gemeentenaam]` placeholder.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub title: String,
    /// The description from the card.
    #[serde(deserialize_with = "crate::core::limits::de::long_text")]
    pub description: String,
    /// The offer per pepper colour; a colour without an offer cannot be spent here.
    pub offers: BTreeMap<PepperColour, Offer>,
}

impl Activity {
    /// The title with the gemeente's name filled in ("Heumen Werkt!").
    pub fn title_for(&self, gemeente: &str) -> String {
        self.title.replace(NAME_PLACEHOLDER, gemeente)
    }

    /// The title where it stands for every gemeente (a regional table, a comparison of two
    /// gemeenten, Beheer's list): "\[Gemeentenaam\] Werkt!" reads "Gemeente Werkt!".
    pub fn title_for_every_gemeente(&self) -> String {
        self.title_for("Gemeente")
    }

    /// The description with the gemeente's name filled in.
    pub fn description_for(&self, gemeente: &str) -> String {
        self.description.replace(NAME_PLACEHOLDER, gemeente)
    }

    /// The offer for peppers of this colour, if the card has one.
    pub fn offer(&self, colour: PepperColour) -> Option<&Offer> {
        self.offers.get(&colour)
    }
}

/// The keuzekaart of one DVO term.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Card {
    /// The card's name ("Keuzekaart 2021-2022").
    pub name: String,
    /// The most activities the card may hold (15: "uitvoerbaarheid").
    pub max_activities: usize,
    /// The activities, in card order.
    pub activities: Vec<Activity>,
    /// While the prices are a reading of a lost original (the 2021–2022 card's pepper icons were
    /// images), the sentence the annex prints to say so; Beheer clears it once WerkBedrijf has
    /// confirmed the card.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::core::limits::de::long_text"
    )]
    pub reading_note: String,
}

impl Card {
    /// Looks an activity up by its number.
    pub fn activity(&self, number: u32) -> Option<&Activity> {
        self.activities.iter().find(|a| a.number == number)
    }
}
