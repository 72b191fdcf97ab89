//! Older file versions and how they become the current [`Workbook`].
//!
//! Version 0 is the format of the first drafts (before `version` was written): the choices were a
//! table `keuzes: { "Beuningen": { 4: "3" } }` of peppers per activity per gemeente, without notes.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::core::workbook::{Choice, FORMAT_VERSION, Metadata, Plan, Workbook};
use crate::core::{Card, Region};

/// A version 0 workbook as it was written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkbookV0 {
    /// Absent or 0 in these files.
    #[serde(default)]
    #[allow(dead_code)]
    version: u32,
    region: Region,
    card: Card,
    /// Peppers per activity number, per gemeente name.
    #[serde(default)]
    keuzes: BTreeMap<String, BTreeMap<u32, Decimal>>,
}

/// Turns a version 0 workbook into the current format: every gemeente gets a plan in region order,
/// peppers become choices in card order. Free activities in v0 were marked with 0 peppers.
pub fn from_v0(old: WorkbookV0) -> Workbook {
    let mut plans: Vec<Plan> = old
        .region
        .gemeenten
        .iter()
        .map(|g| Plan {
            gemeente: g.name.clone(),
            ..Plan::default()
        })
        .collect();
    for (gemeente, peppers) in old.keuzes {
        let colour = old.region.gemeente(&gemeente).map(|g| g.colour);
        let choices = peppers
            .into_iter()
            .map(|(activity, peppers)| {
                let free = colour
                    .and_then(|c| old.card.activity(activity).and_then(|a| a.offer(c)))
                    .is_some_and(|o| o.is_free());
                Choice {
                    activity,
                    peppers,
                    taken: free,
                    note: String::new(),
                }
            })
            .collect();
        match plans.iter_mut().find(|p| p.gemeente == gemeente) {
            Some(plan) => plan.choices = choices,
            // Kept so the rules can report it, rather than dropped silently.
            None => plans.push(Plan {
                gemeente,
                choices,
                ..Plan::default()
            }),
        }
    }
    Workbook {
        version: FORMAT_VERSION,
        metadata: Metadata::default(),
        region: old.region,
        card: old.card,
        plans,
    }
}
