//! The workbook: one region, one card and every gemeente's choices, plus the figures derived
//! from them (peppers used and left, euros, volumes).

use chrono::NaiveDateTime;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::card::Card;
pub use super::choice::Choice;
use super::region::{Gemeente, PepperColour, Region};
use super::sign_off_record::SignOff;

/// The version of the workbook file format this build writes. Older files are migrated on load;
/// newer ones are refused with a message.
/// Version 2 added the realisation ([`Workbook::progress`]); a version 1 file reads as one
/// without figures, on the bundled settings of its term. Version 3 added the realisation's
/// history ([`super::history`]); a version 2 file reads as one whose history starts now, and an
/// older app refuses a version 3 file as newer instead of stumbling on the unknown field.
/// Version 4 lets that history hold sign-off steps ([`super::history::Changed::SignOff`]); a
/// version 3 file has none and reads unchanged, and an app that knows only version 3 refuses a
/// version 4 file as newer instead of failing on the unknown kind of line.
pub const FORMAT_VERSION: u32 = 4;

/// The bundled region of the 2021–2022 term, as RON data.
pub const BUNDLED_REGION: &str = include_str!("../../assets/regio-rijk-van-nijmegen-2021-2022.ron");
/// The bundled keuzekaart of the 2021–2022 term, as RON data.
pub const BUNDLED_CARD: &str = include_str!("../../assets/keuzekaart-2021-2022.ron");

/// One gemeente's set of choices: the proposal that goes to sign-off, and any other options
/// ("Optie B") an account manager drew up beside it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    /// The gemeente the plan belongs to, by name.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub gemeente: String,
    /// The proposal's choices, in card order: what is checked, signed off and printed.
    #[serde(default)]
    pub choices: Vec<Choice>,
    /// The proposal's name ("Optie A").
    #[serde(
        default = "super::choice::first_option_name",
        skip_serializing_if = "super::choice::is_first_option_name"
    )]
    pub proposal: String,
    /// The other options, each a full set of choices.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<super::choice::Scenario>,
    /// Where the choices stand in signing off, with every decision and agreed version.
    #[serde(default, skip_serializing_if = "SignOff::is_initial")]
    pub sign_off: SignOff,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            gemeente: String::new(),
            choices: Vec::new(),
            proposal: super::choice::first_option_name(),
            alternatives: Vec::new(),
            sign_off: SignOff::default(),
        }
    }
}

impl Plan {
    /// The choice for an activity, if the plan has one.
    pub fn choice(&self, activity: u32) -> Option<&Choice> {
        self.choices.iter().find(|c| c.activity == activity)
    }

    /// Peppers on one activity (zero when there is no choice).
    pub fn peppers_on(&self, activity: u32) -> Decimal {
        self.choice(activity).map(|c| c.peppers).unwrap_or_default()
    }

    /// All peppers placed in this plan.
    pub fn peppers_used(&self) -> Decimal {
        self.choices.iter().map(|c| c.peppers).sum()
    }
}

/// Who made the file and when; informational, not part of the agreed content.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Metadata {
    /// When the workbook was first made.
    #[serde(default)]
    pub created: Option<NaiveDateTime>,
    /// When it was last saved.
    #[serde(default)]
    pub last_saved: Option<NaiveDateTime>,
    /// The name the user gave in the settings, if any.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub author: String,
}

/// The document officials draft: the region and the card it was drafted against, and the choices.
/// It is self-contained, so a file from 2021 still reads correctly when the bundled card changes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Workbook {
    /// The file format version ([`FORMAT_VERSION`] when written by this build).
    pub version: u32,
    /// Who made it and when.
    #[serde(default)]
    pub metadata: Metadata,
    /// The region, its gemeenten and budgets.
    pub region: Region,
    /// The keuzekaart.
    pub card: Card,
    /// Every gemeente's choices, in article order.
    #[serde(default)]
    pub plans: Vec<Plan>,
    /// The previous term's choices, shown beside the new ones; set by "Nieuwe looptijd".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<super::term::PreviousTerm>,
    /// What WerkBedrijf delivered against the agreed choices (art. 14.2), per period.
    #[serde(default)]
    pub progress: super::progress::Progress,
}

/// The derived budget figures of one gemeente.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BudgetFigures {
    /// Peppers placed on the card.
    pub used: Decimal,
    /// Peppers the gemeente has.
    pub available: Decimal,
    /// Peppers still to spend (negative when over budget).
    pub left: Decimal,
    /// The euro equivalent of the used peppers.
    pub used_eur: Decimal,
    /// The gemeente's euro budget.
    pub budget_eur: Decimal,
}

impl BudgetFigures {
    /// Used peppers as a fraction of the available ones (0 when there are none), for bars.
    pub fn fraction_used(&self) -> f32 {
        use rust_decimal::prelude::ToPrimitive;
        if self.available.is_zero() {
            0.0
        } else {
            (self.used / self.available).to_f32().unwrap_or(0.0)
        }
    }
}

/// The peppers of one colour over the region ([`Workbook::peppers_per_colour`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ColourTotal {
    /// The colour.
    pub colour: PepperColour,
    /// Peppers of this colour placed by the gemeenten that have it.
    pub used: Decimal,
    /// Their budgets in peppers.
    pub available: Decimal,
}

/// One line of a gemeente's choices as it is shown and printed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ChoiceLine {
    /// The activity's number.
    pub activity: u32,
    /// The title with the gemeente's name filled in.
    pub title: String,
    /// The volume bought, in the offer's unit.
    pub volume: Decimal,
    /// The volume as text ("30 kandidaten").
    pub volume_label: String,
    /// Peppers placed.
    pub peppers: Decimal,
    /// Their euro equivalent in whole euros; the lines of a gemeente add up to its euros used.
    pub euros: Decimal,
    /// The note, if any.
    pub note: String,
}

impl Workbook {
    /// A fresh workbook on the bundled 2021–2022 card and region, with empty choices.
    pub fn bundled() -> Workbook {
        let region: Region = ron::from_str(BUNDLED_REGION).expect("bundled region is valid RON");
        let card: Card = ron::from_str(BUNDLED_CARD).expect("bundled card is valid RON");
        Workbook::new(region, card)
    }

    /// A fresh workbook on the given region and card, with an empty plan per gemeente.
    pub fn new(region: Region, card: Card) -> Workbook {
        let plans = region
            .gemeenten
            .iter()
            .map(|g| Plan {
                gemeente: g.name.clone(),
                ..Plan::default()
            })
            .collect();
        Workbook {
            version: FORMAT_VERSION,
            metadata: Metadata::default(),
            region,
            card,
            plans,
            previous: None,
            progress: super::progress::Progress::default(),
        }
    }

    /// The plan of a gemeente, if the workbook has one.
    pub fn plan(&self, gemeente: &str) -> Option<&Plan> {
        self.plans.iter().find(|p| p.gemeente == gemeente)
    }

    /// The plan of a gemeente, made empty if missing (for gemeenten added to the region).
    pub fn plan_mut(&mut self, gemeente: &str) -> &mut Plan {
        let index = match self.plans.iter().position(|p| p.gemeente == gemeente) {
            Some(index) => index,
            None => {
                self.plans.push(Plan {
                    gemeente: gemeente.to_owned(),
                    ..Plan::default()
                });
                self.plans.len() - 1
            }
        };
        &mut self.plans[index]
    }

    /// What one pepper of this gemeente is worth in euros: its budget spread over its peppers.
    /// We use the gemeente's real budget rather than the nominal "circa" value of the colour, so
    /// that the euros of all its peppers add up to exactly its budget.
    pub fn euro_per_pepper(&self, gemeente: &Gemeente) -> Decimal {
        if gemeente.peppers.is_zero() {
            self.region.pepper_value(gemeente.colour)
        } else {
            gemeente.budget / gemeente.peppers
        }
    }

    /// Peppers in euros before rounding, to a millionth of a euro: so that sums of them are exact
    /// (no digit lost at Decimal's 28-digit precision) and the same in whatever order they are
    /// added, and the lines and the total round alike.
    pub(super) fn exact_euros(&self, gemeente: &Gemeente, peppers: Decimal) -> Decimal {
        super::money::round_shown(peppers * self.euro_per_pepper(gemeente), 6)
    }

    /// The euros of each chosen activity of these choices, in card order: whole euros that add
    /// up exactly to the euros of all peppers placed (so, with every pepper spent, to the budget).
    pub fn euros_per_activity(
        &self,
        gemeente: &Gemeente,
        choices: &[Choice],
    ) -> Vec<(u32, Decimal)> {
        let placed: Vec<(u32, Decimal)> = self
            .card
            .activities
            .iter()
            .filter_map(|a| {
                let choice = choices.iter().find(|c| c.activity == a.number)?;
                (!choice.peppers.is_zero()).then_some((a.number, choice.peppers))
            })
            .collect();
        let exact: Vec<Decimal> = placed
            .iter()
            .map(|(_, p)| self.exact_euros(gemeente, *p))
            .collect();
        placed
            .iter()
            .map(|(n, _)| *n)
            .zip(super::money::spread_whole(&exact))
            .collect()
    }

    /// The budget figures of a gemeente.
    pub fn budget(&self, gemeente: &Gemeente) -> BudgetFigures {
        let used = self
            .plan(&gemeente.name)
            .map(Plan::peppers_used)
            .unwrap_or_default();
        BudgetFigures {
            used,
            available: gemeente.peppers,
            left: gemeente.peppers - used,
            // The sum of the lines themselves, so they add up to it; a choice the card does not
            // have (a hand-edited file, which the rules report) has no line and adds no euros.
            used_eur: self
                .plan(&gemeente.name)
                .map(|p| {
                    self.euros_per_activity(gemeente, &p.choices)
                        .into_iter()
                        .map(|(_, euros)| euros)
                        .sum()
                })
                .unwrap_or_default(),
            budget_eur: gemeente.budget,
        }
    }

    /// The region's peppers used and available per colour, red before green. Red and green
    /// peppers differ ten times in value: every screen, printer and sheet totals them apart,
    /// from this one sum, and never adds them up.
    pub fn peppers_per_colour(&self) -> Vec<ColourTotal> {
        let mut totals: std::collections::BTreeMap<PepperColour, ColourTotal> =
            std::collections::BTreeMap::new();
        for gemeente in &self.region.gemeenten {
            let budget = self.budget(gemeente);
            let total = totals.entry(gemeente.colour).or_insert(ColourTotal {
                colour: gemeente.colour,
                used: Decimal::ZERO,
                available: Decimal::ZERO,
            });
            total.used += budget.used;
            total.available += budget.available;
        }
        totals.into_values().collect()
    }

    /// The gemeente's chosen activities as lines for screens and the annex, in card order;
    /// activities with nothing chosen are left out.
    pub fn choice_lines(&self, gemeente: &Gemeente) -> Vec<ChoiceLine> {
        let Some(plan) = self.plan(&gemeente.name) else {
            return Vec::new();
        };
        self.lines_for(gemeente, &plan.choices)
    }

    /// The euros of one chosen activity of the gemeente's proposal, as its line shows them.
    pub fn line_euros(&self, gemeente: &Gemeente, activity: u32) -> Decimal {
        let choices = self
            .plan(&gemeente.name)
            .map(|p| p.choices.as_slice())
            .unwrap_or_default();
        self.euros_per_activity(gemeente, choices)
            .into_iter()
            .find(|(n, _)| *n == activity)
            .map(|(_, euros)| euros)
            .unwrap_or_default()
    }

    /// Lines for any set of this gemeente's choices (an option that is not the proposal), priced
    /// on this workbook's card and budget.
    pub fn lines_for(&self, gemeente: &Gemeente, choices: &[Choice]) -> Vec<ChoiceLine> {
        let choice = |number: u32| choices.iter().find(|c| c.activity == number);
        let euros = self.euros_per_activity(gemeente, choices);
        let euros_of = |number: u32| {
            euros
                .iter()
                .find(|(n, _)| *n == number)
                .map(|(_, e)| *e)
                .unwrap_or_default()
        };
        self.card
            .activities
            .iter()
            .filter_map(|activity| {
                let choice = choice(activity.number)?;
                let offer = activity.offer(gemeente.colour);
                let volume = offer
                    .map(|o| o.volume_for(choice.peppers, choice.taken))
                    .unwrap_or_default();
                if choice.peppers.is_zero() && volume.is_zero() {
                    return None;
                }
                Some(ChoiceLine {
                    activity: activity.number,
                    title: activity.title_for(&gemeente.name),
                    volume,
                    volume_label: offer.map(|o| o.unit.amount(volume)).unwrap_or_default(),
                    peppers: choice.peppers,
                    euros: euros_of(activity.number),
                    note: choice.note.clone(),
                })
            })
            .collect()
    }
}
