//! Capaciteit: what a gemeente's choices ask of WerkBedrijf in staff (dagdelen on location, fte,
//! yearly cost) and what they buy (candidates, contacts, trajecten), beside the regional target.
//! The assumptions are data (`assets/capaciteit-2021-2022.ron`), shown next to the figures.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::money::round_cents;
use super::workbook::Workbook;

/// The bundled assumptions of the 2021–2022 term, as RON data.
pub const BUNDLED_ASSUMPTIONS: &str = include_str!("../../assets/capaciteit-2021-2022.ron");

/// The assumptions behind the capacity figures.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CapacityAssumptions {
    /// Activities whose volume is staff time on location, in dagdelen per week.
    pub location_activities: Vec<u32>,
    /// Dagdelen per week that make one fte.
    pub dagdelen_per_fte: Decimal,
    /// Yearly cost of one fte, in euros.
    pub cost_per_fte: Decimal,
    /// The regional target: people from bijstand to work.
    pub regional_target: u32,
    /// The assumptions in Dutch, to show beside the figures.
    pub notes: Vec<String>,
}

impl CapacityAssumptions {
    /// The bundled assumptions.
    pub fn bundled() -> CapacityAssumptions {
        ron::from_str(BUNDLED_ASSUMPTIONS).expect("bundled capacity assumptions are valid RON")
    }
}

/// What one gemeente's choices (or the region's together) ask and buy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Capacity {
    /// The gemeente, or "Regio" for the total.
    pub name: String,
    /// Staff time on location, dagdelen per week.
    pub dagdelen: Decimal,
    /// That time in fte (two decimals).
    pub fte: Decimal,
    /// Its yearly cost in euros (cents).
    pub cost: Decimal,
    /// What the other activities buy, per unit ("kandidaten" → 480).
    pub bought: BTreeMap<String, Decimal>,
    /// The units by their plural, to write amounts as Dutch ("1 event", "2 events").
    pub units: BTreeMap<String, super::card::Unit>,
}

impl Capacity {
    /// What the choices buy, as Dutch: "30 kandidaten, 1 event".
    pub fn bought_text(&self) -> String {
        let parts: Vec<String> = self
            .bought
            .iter()
            .filter(|(_, amount)| !amount.is_zero())
            .map(|(many, amount)| match self.units.get(many) {
                Some(unit) => unit.amount(*amount),
                None => format!("{} {many}", super::money::format_number(*amount)),
            })
            .collect();
        parts.join(", ")
    }
}

impl Capacity {
    fn add(&mut self, other: &Capacity) {
        self.dagdelen += other.dagdelen;
        for (unit, amount) in &other.bought {
            *self.bought.entry(unit.clone()).or_default() += amount;
        }
        self.units
            .extend(other.units.iter().map(|(k, v)| (k.clone(), v.clone())));
    }

    fn finish(&mut self, assumptions: &CapacityAssumptions) {
        if assumptions.dagdelen_per_fte.is_zero() {
            return;
        }
        // The cost uses the exact fte; the fte shown is rounded to two decimals.
        let fte = self.dagdelen / assumptions.dagdelen_per_fte;
        self.fte = super::money::round_shown(fte, 2).normalize();
        self.cost = round_cents(fte * assumptions.cost_per_fte);
    }
}

/// The capacity per gemeente (the proposal's choices), in region order, and the region's total.
pub fn capacity(
    workbook: &Workbook,
    assumptions: &CapacityAssumptions,
) -> (Vec<Capacity>, Capacity) {
    let mut region = Capacity {
        name: "Regio".into(),
        ..Capacity::default()
    };
    let mut rows = Vec::new();
    for gemeente in &workbook.region.gemeenten {
        let mut row = Capacity {
            name: gemeente.name.clone(),
            ..Capacity::default()
        };
        for line in workbook.choice_lines(gemeente) {
            let Some(unit) = workbook
                .card
                .activity(line.activity)
                .and_then(|a| a.offer(gemeente.colour))
                .map(|o| o.unit.clone())
            else {
                continue;
            };
            let on_location = assumptions.location_activities.contains(&line.activity)
                && unit.many.starts_with("dagde");
            if on_location {
                row.dagdelen += line.volume;
            } else {
                *row.bought.entry(unit.many.clone()).or_default() += line.volume;
                row.units.insert(unit.many.clone(), unit);
            }
        }
        row.finish(assumptions);
        region.add(&row);
        rows.push(row);
    }
    region.finish(assumptions);
    (rows, region)
}
