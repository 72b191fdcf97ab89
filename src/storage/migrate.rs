//! Older file versions and how they become the current [`Workbook`].
//!
//! Version 0 is the format of the first drafts (before `version` was written): the choices were a
//! table `keuzes: { "Beuningen": { 4: "3" } }` of peppers per activity per gemeente, without notes.
//!
//! Version 1 is version 2 without the realisation: it reads as the current format with no figures
//! delivered, on the bundled settings of the term (half-years, volumes per year). Version 2 is
//! version 3 without the realisation's history: it reads as one whose history starts now.
//!
//! Both were written before the card said whether its prices are confirmed: a card from such a
//! file without a reading note gets [`UNCONFIRMED_NOTE`], so its annex does not print a reading of
//! the card as if WerkBedrijf had confirmed it. Beheer clears the note once they have.

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::Deserialize;

use crate::core::workbook::{Choice, Workbook};
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
    let mut workbook = Workbook::new(old.region, old.card);
    mark_unconfirmed(&mut workbook.card);
    for (gemeente, peppers) in old.keuzes {
        let colour = workbook.region.gemeente(&gemeente).map(|g| g.colour);
        let choices = peppers
            .into_iter()
            .map(|(activity, peppers)| {
                let free = colour
                    .and_then(|c| workbook.card.activity(activity).and_then(|a| a.offer(c)))
                    .is_some_and(|o| o.is_free());
                Choice {
                    activity,
                    peppers,
                    taken: free,
                    note: String::new(),
                }
            })
            .collect();
        // A gemeente the region lacks gets a plan too, so the rules report it rather than it
        // being dropped silently.
        workbook.plan_mut(&gemeente).choices = choices;
    }
    workbook
}

/// Turns a version 1 workbook (read with the current reader, which gives it no realisation yet)
/// into the current format.
pub fn from_v1(mut workbook: Workbook) -> Workbook {
    workbook.version = crate::core::workbook::FORMAT_VERSION;
    mark_unconfirmed(&mut workbook.card);
    workbook
}

/// Turns a version 2 workbook (read with the current reader: it has no history) into the
/// current format; its history starts with the next change.
pub fn from_v2(mut workbook: Workbook) -> Workbook {
    workbook.version = crate::core::workbook::FORMAT_VERSION;
    workbook
}

/// Turns a version 3 workbook into the current format. Its history holds figure lines only (a
/// version 3 history had no sign-off steps), which read unchanged.
pub fn from_v3(mut workbook: Workbook) -> Workbook {
    workbook.version = crate::core::workbook::FORMAT_VERSION;
    workbook
}

/// What the annex of a file from before the reading note says about its card's prices: an older
/// file without a note cannot tell a confirmed card from one nobody checked, so it says the latter.
pub const UNCONFIRMED_NOTE: &str = "Dit bestand is gemaakt met een eerdere versie van de app, die \
     niet vastlegde of WerkBedrijf de volumes en prijzen in pepers van de keuzekaart heeft \
     bevestigd. Ze gelden daarom als een lezing van de keuzekaart, niet als bevestigd; Beheer haalt \
     deze zin weg zodra WerkBedrijf ze heeft bevestigd.";

/// Gives a card from an older file [`UNCONFIRMED_NOTE`] when it has no reading note of its own.
fn mark_unconfirmed(card: &mut Card) {
    if card.reading_note.trim().is_empty() {
        card.reading_note = UNCONFIRMED_NOTE.to_owned();
    }
}
