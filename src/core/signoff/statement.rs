//! The signed statement: what a gemeente and WerkBedrijf agreed, written out as one canonical
//! text that is stored in the workbook beside its SHA-256 fingerprint.
//!
//! Everything a sign-off says is in it: the region and the DVO, the gemeente's budget and goal,
//! the agreed choices with the offers they rest on, the version, the date it was agreed, every
//! decision recorded on that version and the fingerprint of the version it amends. A sign-off
//! holds only when the stored text hashes to the fingerprint *and* the text the file's content
//! gives now is the same text, so what a printer takes from the file is what was signed; the
//! decisions, dates and version it prints come from the statement itself.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

use super::{Decision, SignOff, Terms, agreed_choices};
use crate::core::region::Gemeente;
use crate::core::workbook::Choice;

/// The recipe of statements written by this build.
pub const STATEMENT_RECIPE: u32 = 3;

/// What the first field of every statement says, so a stray JSON text is never taken for one.
const KIND: &str = "keuzekaart-vaststelling";

/// One agreed version of one gemeente's choices, as signed. Serialized as compact JSON with the
/// fields in this order ([`Statement::canonical`]); that text is what the fingerprint is over.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Statement {
    /// Always "keuzekaart-vaststelling".
    pub kind: String,
    /// The recipe this statement was written with.
    pub recipe: u32,
    /// The region (printed in WerkBedrijf's party text).
    pub region: String,
    /// The DVO's citation title.
    pub citation_title: String,
    /// First day of the term.
    pub term_start: NaiveDate,
    /// Last day of the term.
    pub term_end: NaiveDate,
    /// The value of a pepper per colour, in euros.
    pub pepper_values: Vec<(String, String)>,
    /// The card's name.
    pub card: String,
    /// The card's note on how its prices were read.
    pub reading_note: String,
    /// The gemeente as the annex prints it.
    pub gemeente: SignedGemeente,
    /// 0 for the original choices, N for amendment N.
    pub version: u32,
    /// The day it was agreed (the later of the two agreeing decisions).
    pub agreed_on: NaiveDate,
    /// The fingerprint of the version this one amends (none for the original).
    pub previous: Option<String>,
    /// The agreed choices, in activity order, with the offers they rest on.
    pub choices: Vec<SignedChoice>,
    /// Every decision recorded on this version, in the order recorded.
    pub decisions: Vec<Decision>,
}

/// The gemeente's part of a statement.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedGemeente {
    /// Name.
    pub name: String,
    /// The DVO article its choices fill.
    pub article: u32,
    /// The goal text of N.1.
    pub goal: String,
    /// Pepper colour.
    pub colour: String,
    /// Its peppers.
    pub peppers: String,
    /// Its budget in euros.
    pub budget: String,
    /// Whether it may go below a minimum.
    pub may_go_below_minimum: bool,
}

/// One agreed choice with the offer it was priced on.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedChoice {
    /// Activity number.
    pub activity: u32,
    /// Peppers placed.
    pub peppers: String,
    /// Whether a free activity was taken.
    pub taken: bool,
    /// The note printed with it.
    pub note: String,
    /// The activity's title with the gemeente's name filled in (empty when not on the card).
    pub title: String,
    /// Its description, likewise.
    pub description: String,
    /// The offer for the gemeente's colour (none when the card has none).
    pub offer: Option<SignedOffer>,
}

/// An offer as it was priced when the choice was agreed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignedOffer {
    /// Volume per step.
    pub volume: String,
    /// Unit, singular.
    pub unit_one: String,
    /// Unit, plural.
    pub unit_many: String,
    /// Peppers per step.
    pub peppers: String,
    /// Minimum take.
    pub minimum: String,
    /// Maximum take, if any.
    pub maximum: Option<String>,
}

/// A number written the one way: "10.0" and "10" are the same price.
fn n(d: Decimal) -> String {
    d.normalize().to_string()
}

impl Statement {
    /// The statement the file's content gives for agreed version `index` of `sign_off`: what must
    /// equal the stored statement for the sign-off to hold, and what a new sign-off stores.
    pub fn of(
        terms: Terms<'_>,
        gemeente: &Gemeente,
        sign_off: &SignOff,
        index: usize,
    ) -> Option<Statement> {
        let agreed = sign_off.agreed.get(index)?;
        let previous = index
            .checked_sub(1)
            .map(|p| sign_off.agreed[p].fingerprint.clone());
        Some(Statement::new(
            terms,
            gemeente,
            agreed.version,
            agreed.agreed_on,
            previous,
            &agreed.choices,
            decisions_on(sign_off, agreed.version),
        ))
    }

    /// A statement from its parts (the sign-off step writes one before the version exists).
    pub fn new(
        terms: Terms<'_>,
        gemeente: &Gemeente,
        version: u32,
        agreed_on: NaiveDate,
        previous: Option<String>,
        choices: &[Choice],
        decisions: Vec<Decision>,
    ) -> Statement {
        let region = terms.region;
        let card = terms.card;
        Statement {
            kind: KIND.to_owned(),
            recipe: STATEMENT_RECIPE,
            region: region.name.clone(),
            citation_title: region.citation_title.clone(),
            term_start: region.term.start,
            term_end: region.term.end,
            pepper_values: region
                .pepper_values
                .iter()
                .map(|(colour, value)| (colour.name().to_owned(), n(*value)))
                .collect(),
            card: card.name.clone(),
            reading_note: card.reading_note.clone(),
            gemeente: SignedGemeente {
                name: gemeente.name.clone(),
                article: gemeente.article,
                goal: gemeente.goal.clone(),
                colour: gemeente.colour.name().to_owned(),
                peppers: n(gemeente.peppers),
                budget: n(gemeente.budget),
                may_go_below_minimum: gemeente.may_go_below_minimum,
            },
            version,
            agreed_on,
            previous,
            choices: agreed_choices(choices)
                .into_iter()
                .map(|choice| {
                    let activity = card.activity(choice.activity);
                    SignedChoice {
                        activity: choice.activity,
                        peppers: n(choice.peppers),
                        taken: choice.taken,
                        note: choice.note.clone(),
                        title: activity.map_or(String::new(), |a| a.title_for(&gemeente.name)),
                        description: activity
                            .map_or(String::new(), |a| a.description_for(&gemeente.name)),
                        offer: activity.and_then(|a| a.offer(gemeente.colour)).map(|o| {
                            SignedOffer {
                                volume: n(o.volume),
                                unit_one: o.unit.one.clone(),
                                unit_many: o.unit.many.clone(),
                                peppers: n(o.peppers),
                                minimum: n(o.minimum),
                                maximum: o.maximum.map(n),
                            }
                        }),
                    }
                })
                .collect(),
            decisions,
        }
    }

    /// The canonical text: compact JSON, fields in declaration order. `sha256sum` of exactly this
    /// text is the fingerprint, so anyone can check a stored statement without this app.
    pub fn canonical(&self) -> String {
        serde_json::to_string(self).expect("a statement always serializes")
    }

    /// Reads a stored statement; refuses a text that is not in canonical form (so one statement
    /// has one text, and one fingerprint).
    pub fn parse(text: &str) -> Result<Statement, String> {
        let statement: Statement = serde_json::from_str(text)
            .map_err(|e| format!("de vastgelegde verklaring is niet te lezen ({e})"))?;
        if statement.kind != KIND {
            return Err("de vastgelegde verklaring is geen vaststelling van de keuzekaart".into());
        }
        if statement.canonical() != text {
            return Err("de vastgelegde verklaring staat niet in de vaste vorm".into());
        }
        Ok(statement)
    }

    /// The agreeing decision of a side, as signed (the latest one recorded on this version).
    pub fn decision(&self, side: super::Side) -> Option<&Decision> {
        self.decisions
            .iter()
            .rev()
            .find(|d| d.side == side && d.outcome.agrees())
    }

    /// What differs between this statement and another, in Dutch ("het budget"), the first
    /// difference only; `None` when they are the same.
    pub fn first_difference(&self, other: &Statement) -> Option<&'static str> {
        let (a, b) = (self, other);
        let (g, h) = (&a.gemeente, &b.gemeente);
        [
            (a.kind != b.kind || a.recipe != b.recipe, "het recept"),
            (a.region != b.region, "de naam van de regio"),
            (a.citation_title != b.citation_title, "de citeertitel"),
            (
                a.term_start != b.term_start || a.term_end != b.term_end,
                "de looptijd",
            ),
            (
                a.pepper_values != b.pepper_values,
                "de waarde van een peper",
            ),
            (a.card != b.card, "de naam van de keuzekaart"),
            (
                a.reading_note != b.reading_note,
                "de leeswijzer van de prijzen",
            ),
            (g.name != h.name, "de naam van de gemeente"),
            (g.article != h.article, "het artikel"),
            (g.goal != h.goal, "het doel"),
            (
                g.colour != h.colour || g.peppers != h.peppers,
                "het aantal pepers",
            ),
            (g.budget != h.budget, "het budget"),
            (
                g.may_go_below_minimum != h.may_go_below_minimum,
                "of de gemeente onder het minimum mag",
            ),
            (a.version != b.version, "het versienummer"),
            (a.agreed_on != b.agreed_on, "de datum van vaststelling"),
            (a.previous != b.previous, "de vorige versie"),
            (
                a.choices != b.choices,
                "de keuzes, hun notities of de keuzekaart",
            ),
            (a.decisions != b.decisions, "de besluiten"),
        ]
        .into_iter()
        .find_map(|(differs, what)| differs.then_some(what))
    }
}

impl Statement {
    /// [`Statement::first_difference`] for a version an amendment has superseded: only what the
    /// file keeps of that version itself (its number, date, the version before it, its choices
    /// and notes, its decisions). The card, region and budget may since have changed, as the
    /// amendment that followed agreed; the statement keeps what they were.
    pub fn first_difference_of_record(&self, other: &Statement) -> Option<&'static str> {
        let choices = |s: &Statement| -> Vec<(u32, String, bool, String)> {
            s.choices
                .iter()
                .map(|c| (c.activity, c.peppers.clone(), c.taken, c.note.clone()))
                .collect()
        };
        let (a, b) = (self, other);
        [
            (a.kind != b.kind || a.recipe != b.recipe, "het recept"),
            (
                a.gemeente.name != b.gemeente.name,
                "de naam van de gemeente",
            ),
            (a.version != b.version, "het versienummer"),
            (a.agreed_on != b.agreed_on, "de datum van vaststelling"),
            (a.previous != b.previous, "de vorige versie"),
            (choices(a) != choices(b), "de keuzes of hun notities"),
            (a.decisions != b.decisions, "de besluiten"),
        ]
        .into_iter()
        .find_map(|(differs, what)| differs.then_some(what))
    }
}

/// Every decision recorded on a version, in the order recorded.
fn decisions_on(sign_off: &SignOff, version: u32) -> Vec<Decision> {
    sign_off
        .decisions
        .iter()
        .filter(|d| d.version == version)
        .cloned()
        .collect()
}
