//! The one check behind every "Vastgesteld": the annex, the progress report, the Excel export,
//! the app and `keuzekaart verify` show a gemeente as agreed only when [`verify`] says its
//! sign-off holds, and take the signed decisions and dates from the statement it verified.
//!
//! A sign-off holds when the whole record fits together (versions numbered 0, 1, 2, … with
//! recipes that never go back, a status that matches them, no decision on a version that does not
//! exist), every agreed version's stored statement hashes to its fingerprint and equals the
//! statement the file's content gives now, and the choices in force are the agreed ones.

use rust_decimal::Decimal;

use super::old_recipes::recompute_old;
use super::statement::{STATEMENT_RECIPE, Statement};
use super::{AgreedVersion, SignOff, Status, Terms, agreed_choices, sha256_hex};
use crate::core::region::Gemeente;
use crate::core::workbook::{Choice, Workbook};

/// What the check found for one agreed version (or for a sign-off as a whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Seal {
    /// It holds: the statement that was signed, read back from the file and verified.
    Holds(Box<Statement>),
    /// Its fingerprint matches, but it was made with an old recipe (the number) that does not
    /// cover everything the annex prints: not shown as agreed until the decision is re-recorded.
    OldRecipe(u32),
    /// It does not hold; the reason in Dutch.
    Broken(String),
}

impl Seal {
    fn reason(&self) -> Option<&str> {
        match self {
            Seal::Broken(reason) => Some(reason),
            _ => None,
        }
    }
}

/// Whether one gemeente's sign-off holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOffCheck {
    /// The gemeente.
    pub gemeente: String,
    /// Its status as the file says it.
    pub status: Status,
    /// The version being drafted or in force.
    pub version: u32,
    /// The recipe the version in force was fingerprinted with (0 when nothing is agreed).
    pub recipe: u32,
    /// The full fingerprint stored with the version in force, to compare with the signed paper.
    pub fingerprint: Option<String>,
    /// The version in force: `None` when nothing is agreed and nothing claims to be.
    pub seal: Option<Seal>,
    /// Every agreed version, oldest first (Voortgang measures against those that hold).
    pub versions: Vec<Seal>,
}

impl SignOffCheck {
    /// Whether the version in force holds.
    pub fn is_valid(&self) -> bool {
        matches!(self.seal, Some(Seal::Holds(_)))
    }

    /// Whether the choices are agreed and the agreement holds: the only way to "Vastgesteld".
    pub fn is_agreed(&self) -> bool {
        self.status == Status::Vastgesteld && self.is_valid()
    }

    /// The verified statement of the version in force.
    pub fn statement(&self) -> Option<&Statement> {
        match &self.seal {
            Some(Seal::Holds(statement)) => Some(statement),
            _ => None,
        }
    }

    /// Why the sign-off does not hold, if it does not.
    pub fn problem(&self) -> Option<&str> {
        self.seal.as_ref().and_then(Seal::reason)
    }

    /// The old recipe the version in force holds with, if that is all it holds with.
    pub fn old_recipe(&self) -> Option<u32> {
        match self.seal {
            Some(Seal::OldRecipe(recipe)) => Some(recipe),
            _ => None,
        }
    }

    /// The first 12 hex digits of a fingerprint that holds, as printed on the annex.
    pub fn short_fingerprint(&self) -> Option<&str> {
        self.fingerprint
            .as_deref()
            .filter(|_| self.is_valid())
            .map(|f| &f[..f.len().min(12)])
    }

    /// The status as the app and every printer write it: never a plain "Vastgesteld" for a
    /// sign-off that does not hold or holds only with an old recipe.
    pub fn status_label(&self) -> String {
        let label = self.status.label();
        match &self.seal {
            Some(Seal::Broken(reason)) if self.status == Status::Vastgesteld => {
                format!("{label} — ONGELDIG: {reason}")
            }
            Some(Seal::Broken(reason)) => format!("{label}; vaststelling ONGELDIG: {reason}"),
            Some(Seal::OldRecipe(recipe)) if self.status == Status::Vastgesteld => {
                format!("{label} {}", old_recipe_note(*recipe))
            }
            _ => label.to_owned(),
        }
    }
}

/// What a sign-off made with an old recipe is called, and what that recipe left out, in Dutch.
pub fn old_recipe_note(recipe: u32) -> String {
    let uncovered = if recipe <= 1 {
        "budget en teksten niet gedekt"
    } else {
        "datum, regio en besluiten niet gedekt"
    };
    format!("met een oude vingerafdruk — {uncovered}")
}

/// Checks every gemeente's sign-off, in region order.
pub fn verify(workbook: &Workbook) -> Vec<SignOffCheck> {
    workbook
        .region
        .gemeenten
        .iter()
        .map(|gemeente| check_gemeente(workbook, gemeente))
        .collect()
}

/// Checks one gemeente's sign-off (`None` for a gemeente not in the region).
pub fn verify_gemeente(workbook: &Workbook, name: &str) -> Option<SignOffCheck> {
    Some(check_gemeente(workbook, workbook.region.gemeente(name)?))
}

fn check_gemeente(workbook: &Workbook, gemeente: &Gemeente) -> SignOffCheck {
    let terms = Terms {
        region: &workbook.region,
        card: &workbook.card,
    };
    let plan = workbook.plan(&gemeente.name);
    let empty = SignOff::default();
    let sign_off = plan.map_or(&empty, |p| &p.sign_off);
    let current = plan.map(|p| p.choices.as_slice()).unwrap_or_default();
    check(terms, gemeente, sign_off, current)
}

/// Checks a sign-off against the choices in force (what [`verify`] does per gemeente).
pub(super) fn check(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    sign_off: &SignOff,
    current: &[Choice],
) -> SignOffCheck {
    let record = whole_record(sign_off);
    let versions: Vec<Seal> = (0..sign_off.agreed.len())
        .map(|i| match &record {
            Err(reason) => Seal::Broken(reason.clone()),
            Ok(()) => version_seal(terms, gemeente, sign_off, i),
        })
        .collect();
    let in_force = sign_off.in_force();
    let seal = match (in_force, &record) {
        (_, Err(reason)) => Some(Seal::Broken(reason.clone())),
        (None, Ok(())) => None,
        (Some(agreed), Ok(())) => {
            let earlier = versions[..versions.len() - 1]
                .iter()
                .zip(&sign_off.agreed)
                .find_map(|(seal, a)| seal.reason().map(|r| (a.version, r)));
            let last = versions.last().cloned().expect("an agreed version");
            Some(match earlier {
                Some((version, reason)) => Seal::Broken(format!(
                    "een eerdere vastgestelde versie ({version}) klopt niet: {reason}"
                )),
                None if sign_off.status == Status::Vastgesteld
                    && last.reason().is_none()
                    && !same_agreed_content(current, &agreed.choices, agreed.recipe >= 2) =>
                {
                    Seal::Broken(
                        "de keuzes in het bestand wijken af van de vastgestelde keuzes".into(),
                    )
                }
                None => last,
            })
        }
    };
    SignOffCheck {
        gemeente: gemeente.name.clone(),
        status: sign_off.status,
        version: sign_off.version,
        recipe: in_force.map_or(0, |a| a.recipe),
        fingerprint: in_force.map(|a| a.fingerprint.clone()),
        seal,
        versions,
    }
}

/// The record as a whole: what no single version's statement can say.
fn whole_record(sign_off: &SignOff) -> Result<(), String> {
    let agreed = &sign_off.agreed;
    for (i, a) in agreed.iter().enumerate() {
        if usize::try_from(a.version).ok() != Some(i) {
            return Err(format!(
                "de vastgestelde versies zijn niet 0, 1, 2, … genummerd (op plaats {} staat versie {})",
                i + 1,
                a.version
            ));
        }
        if let Some(before) = i.checked_sub(1).map(|p| &agreed[p])
            && a.recipe < before.recipe
        {
            return Err(format!(
                "versie {} is vastgelegd met een ouder recept ({}) dan versie {} ({}); dat kan \
                 alleen door het bestand met de hand te veranderen",
                a.version, a.recipe, before.version, before.recipe
            ));
        }
    }
    let count = u32::try_from(agreed.len()).unwrap_or(u32::MAX);
    match sign_off.status {
        Status::Vastgesteld if agreed.is_empty() => {
            return Err("de status is Vastgesteld, maar er is geen vastgestelde versie".into());
        }
        Status::Vastgesteld if sign_off.version + 1 != count => {
            return Err(format!(
                "de status is Vastgesteld voor versie {}, maar de laatst vastgestelde versie is {}",
                sign_off.version,
                count - 1
            ));
        }
        Status::Vastgesteld => {}
        _ if sign_off.version != count => {
            return Err(format!(
                "versie {} is in voorbereiding, maar er zijn {count} vastgestelde versies",
                sign_off.version
            ));
        }
        _ => {}
    }
    if let Some(d) = sign_off
        .decisions
        .iter()
        .find(|d| d.version > sign_off.version)
    {
        return Err(format!(
            "er staat een besluit over versie {}, die er niet is",
            d.version
        ));
    }
    Ok(())
}

/// Checks one agreed version against its stored statement (or its old recipe).
fn version_seal(terms: Terms<'_>, gemeente: &Gemeente, sign_off: &SignOff, index: usize) -> Seal {
    let agreed = &sign_off.agreed[index];
    match agreed.recipe {
        STATEMENT_RECIPE => match sealed(terms, gemeente, sign_off, index, agreed) {
            Ok(statement) => Seal::Holds(Box::new(statement)),
            Err(reason) => Seal::Broken(reason),
        },
        recipe @ (1 | 2) if !agreed.statement.is_empty() => Seal::Broken(format!(
            "een vastgelegde verklaring bij het oude recept {recipe}: het recept is met de hand \
             teruggezet"
        )),
        recipe @ (1 | 2) => {
            if recompute_old(terms, gemeente, sign_off, agreed).as_ref()
                == Some(&agreed.fingerprint)
            {
                Seal::OldRecipe(recipe)
            } else if recipe == 1 {
                Seal::Broken(format!(
                    "de vastgestelde keuzes of de prijzen op de keuzekaart zijn na vaststelling \
                     veranderd (vingerafdruk {} klopt niet meer)",
                    agreed.short_fingerprint()
                ))
            } else {
                Seal::Broken(format!(
                    "de vastgestelde keuzes, de keuzekaart, het budget of de teksten zijn na \
                     vaststelling veranderd (vingerafdruk {} klopt niet meer)",
                    agreed.short_fingerprint()
                ))
            }
        }
        recipe => Seal::Broken(format!(
            "de vingerafdruk is gemaakt met een onbekend recept ({recipe}); werk de app bij"
        )),
    }
}

fn sealed(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    sign_off: &SignOff,
    index: usize,
    agreed: &AgreedVersion,
) -> Result<Statement, String> {
    if agreed.statement.is_empty() {
        return Err("de vastgelegde verklaring ontbreekt".into());
    }
    if sha256_hex(&agreed.statement) != agreed.fingerprint {
        return Err(format!(
            "de vastgelegde verklaring is veranderd (vingerafdruk {} klopt er niet bij)",
            agreed.short_fingerprint()
        ));
    }
    let stated = Statement::parse(&agreed.statement)?;
    let now = Statement::of(terms, gemeente, sign_off, index).expect("index is in range");
    let in_force = index + 1 == sign_off.agreed.len();
    let difference = if in_force {
        stated.first_difference(&now)
    } else {
        stated.first_difference_of_record(&now)
    };
    match difference {
        Some(what) => Err(format!(
            "{what} in het bestand wijkt af van wat is vastgesteld (vingerafdruk {})",
            agreed.short_fingerprint()
        )),
        None => Ok(stated),
    }
}

/// Whether two sets of choices agree on everything the fingerprint covers (with the first
/// recipe, notes may differ; later recipes print and cover them).
fn same_agreed_content(a: &[Choice], b: &[Choice], with_notes: bool) -> bool {
    let key = |choices: &[Choice]| {
        let mut k: Vec<(u32, Decimal, bool, String)> = agreed_choices(choices)
            .into_iter()
            .map(|c| {
                let note = if with_notes {
                    c.note.clone()
                } else {
                    String::new()
                };
                (c.activity, c.peppers.normalize(), c.taken, note)
            })
            .collect();
        k.sort();
        k
    };
    key(a) == key(b)
}
