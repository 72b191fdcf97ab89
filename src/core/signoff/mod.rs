//! Signing off: a gemeente's choices go from concept to agreed (college and WerkBedrijf), after
//! which they only change as an amendment under art. 16.3. An agreed version stores the signed
//! statement itself ([`statement`]) with its SHA-256 fingerprint, so a hand-edited file is caught
//! and a printed annex can be matched to its file; [`verify`] is the one check every screen and
//! printer asks before it shows "Vastgesteld".

mod old_recipes;
pub mod statement;
mod verify;

pub use old_recipes::canonical_form_v2;
pub use statement::{STATEMENT_RECIPE, Statement};
pub use verify::{Seal, SignOffCheck, old_recipe_note, verify, verify_gemeente};

pub use super::sign_off_record::{AgreedVersion, Decision, Outcome, Side, SignOff, Status};

use chrono::NaiveDate;
use sha2::{Digest, Sha256};

use super::card::Card;
use super::choice::Choice;
use super::region::{Gemeente, Region};
use super::workbook::Plan;

impl AgreedVersion {
    /// Seals `version` of a sign-off with the current recipe: the statement of what was agreed
    /// (with every decision `sign_off` holds on that version, and the fingerprint of the version
    /// before it) and its fingerprint. What the sign-off step stores when WerkBedrijf agrees.
    pub fn seal(
        terms: Terms<'_>,
        gemeente: &Gemeente,
        sign_off: &SignOff,
        version: u32,
        agreed_on: NaiveDate,
        choices: Vec<Choice>,
    ) -> AgreedVersion {
        let previous = sign_off.agreed.last().map(|a| a.fingerprint.clone());
        let decisions = sign_off
            .decisions
            .iter()
            .filter(|d| d.version == version)
            .cloned()
            .collect();
        let statement = Statement::new(
            terms, gemeente, version, agreed_on, previous, &choices, decisions,
        )
        .canonical();
        AgreedVersion {
            version,
            agreed_on,
            choices,
            fingerprint: sha256_hex(&statement),
            recipe: CURRENT_RECIPE,
            statement,
        }
    }

    /// The first 12 hex digits, printed on the annex.
    pub fn short_fingerprint(&self) -> &str {
        &self.fingerprint[..self.fingerprint.len().min(12)]
    }

    /// "Vastgesteld 14-03-2022" or "Tussentijdse wijziging 1, vastgesteld 14-03-2022".
    pub fn describe(&self) -> String {
        let date = self.agreed_on.format("%d-%m-%Y");
        if self.version == 0 {
            format!("Vastgesteld {date}")
        } else {
            format!(
                "Tussentijdse wijziging {}, vastgesteld {date}",
                self.version
            )
        }
    }
}

/// A step in the sign-off of one gemeente.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SignOffStep {
    /// Concept → Ter besluitvorming (only without rule errors).
    Submit,
    /// Ter besluitvorming → Concept.
    SendBack,
    /// Record a decision; "Niet akkoord" sends the choices back to concept.
    Decide(Decision),
    /// Vastgesteld → a new Concept version; the agreed one stays in the history.
    StartAmendment,
    /// Vastgesteld with an old fingerprint that still holds → the same version, date and decisions
    /// sealed again with the current recipe, which covers everything the annex prints. The one step
    /// in which a gemeente re-records its decision once the user has seen what the old recipe left
    /// out (budget, texts, dates) as the file has it now.
    Reseal,
}

impl SignOffStep {
    /// A short Dutch description for undo.
    pub fn label(&self) -> String {
        match self {
            SignOffStep::Submit => "Ter besluitvorming aangeboden".into(),
            SignOffStep::SendBack => "Terug naar concept".into(),
            SignOffStep::Decide(d) => format!("Besluit {}: {}", d.side.label(), d.outcome.label()),
            SignOffStep::StartAmendment => "Tussentijdse wijziging gestart".into(),
            SignOffStep::Reseal => "Besluit opnieuw vastgelegd".into(),
        }
    }
}

/// Why a sign-off step was refused; `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SignOffRefusal {
    /// Offered for decision while not in concept.
    #[error("De keuzes van {gemeente} zijn al {}.", .status.label().to_lowercase())]
    NotConcept {
        /// The gemeente.
        gemeente: String,
        /// Where the sign-off stands.
        status: Status,
    },
    /// Offered for decision while the rules find errors.
    #[error("De keuzes van {0} hebben nog fouten; los die eerst op.")]
    HasErrors(String),
    /// Sent back to concept while nothing waits for a decision.
    #[error("Alleen keuzes die ter besluitvorming liggen, kunnen terug naar concept.")]
    NothingToSendBack,
    /// A college decision on choices that do not wait for one.
    #[error("Het college besluit over keuzes die ter besluitvorming liggen.")]
    CollegeOutOfTurn,
    /// A WerkBedrijf decision before the college agreed.
    #[error("WerkBedrijf besluit nadat het college akkoord is.")]
    WerkBedrijfOutOfTurn,
    /// An amendment of choices that are not agreed.
    #[error("Een tussentijdse wijziging begint bij vastgestelde keuzes.")]
    NothingToAmend,
    /// A re-recording of choices that are not agreed with an old fingerprint.
    #[error(
        "Alleen vastgestelde keuzes met een oude vingerafdruk worden opnieuw vastgelegd; die van {0} hebben er geen."
    )]
    NothingToReseal(String),
    /// A re-recording of a sign-off that does not hold: it would hide what was changed.
    #[error(
        "De vaststelling van {gemeente} klopt niet ({reason}). Opnieuw vastleggen zou dat verbergen; start een tussentijdse wijziging en laat het college en WerkBedrijf opnieuw besluiten."
    )]
    BrokenSeal {
        /// The gemeente.
        gemeente: String,
        /// Why the sign-off does not hold.
        reason: String,
    },
}

/// Applies a sign-off step to a plan; refuses steps that do not fit the current status.
/// `has_errors` says whether the rules find errors in this gemeente's choices.
pub fn step(
    plan: &mut Plan,
    step: &SignOffStep,
    gemeente: &Gemeente,
    terms: Terms<'_>,
    has_errors: bool,
) -> Result<(), SignOffRefusal> {
    let status = plan.sign_off.status;
    match step {
        SignOffStep::Submit => {
            if status != Status::Concept {
                return Err(SignOffRefusal::NotConcept {
                    gemeente: gemeente.name.clone(),
                    status,
                });
            }
            if has_errors {
                return Err(SignOffRefusal::HasErrors(gemeente.name.clone()));
            }
            plan.sign_off.status = Status::TerBesluitvorming;
        }
        SignOffStep::SendBack => {
            if !matches!(
                status,
                Status::TerBesluitvorming | Status::BeslotenDoorCollege
            ) {
                return Err(SignOffRefusal::NothingToSendBack);
            }
            plan.sign_off.status = Status::Concept;
        }
        SignOffStep::Decide(decision) => {
            let expected = match decision.side {
                Side::College => Status::TerBesluitvorming,
                Side::WerkBedrijf => Status::BeslotenDoorCollege,
            };
            if status != expected {
                return Err(match decision.side {
                    Side::College => SignOffRefusal::CollegeOutOfTurn,
                    Side::WerkBedrijf => SignOffRefusal::WerkBedrijfOutOfTurn,
                });
            }
            let mut decision = decision.clone();
            decision.version = plan.sign_off.version;
            let side = decision.side;
            let agrees = decision.outcome.agrees();
            let date = decision.date;
            let college_date = plan
                .sign_off
                .current_decision(Side::College)
                .map(|d| d.date);
            plan.sign_off.decisions.push(decision);
            plan.sign_off.status = match (side, agrees) {
                (_, false) => Status::Concept,
                (Side::College, true) => Status::BeslotenDoorCollege,
                (Side::WerkBedrijf, true) => {
                    let agreed_on = college_date.map_or(date, |c| c.max(date));
                    let agreed = AgreedVersion::seal(
                        terms,
                        gemeente,
                        &plan.sign_off,
                        plan.sign_off.version,
                        agreed_on,
                        plan.choices.clone(),
                    );
                    plan.sign_off.agreed.push(agreed);
                    Status::Vastgesteld
                }
            };
        }
        SignOffStep::StartAmendment => {
            if status != Status::Vastgesteld {
                return Err(SignOffRefusal::NothingToAmend);
            }
            plan.sign_off.version += 1;
            plan.sign_off.status = Status::Concept;
        }
        SignOffStep::Reseal => reseal(plan, gemeente, terms)?,
    }
    Ok(())
}

/// Seals the version in force again with the current recipe, when all that stands against it is
/// an old recipe: never over a seal that does not hold, which would launder a changed file.
fn reseal(plan: &mut Plan, gemeente: &Gemeente, terms: Terms<'_>) -> Result<(), SignOffRefusal> {
    let check = verify::check(terms, gemeente, &plan.sign_off, &plan.choices);
    if let Some(reason) = check.problem() {
        return Err(SignOffRefusal::BrokenSeal {
            gemeente: gemeente.name.clone(),
            reason: reason.to_owned(),
        });
    }
    if plan.sign_off.status != Status::Vastgesteld || check.old_recipe().is_none() {
        return Err(SignOffRefusal::NothingToReseal(gemeente.name.clone()));
    }
    let old = plan
        .sign_off
        .agreed
        .pop()
        .expect("a sign-off with an old recipe has a version in force");
    let resealed = AgreedVersion::seal(
        terms,
        gemeente,
        &plan.sign_off,
        old.version,
        old.agreed_on,
        old.choices,
    );
    plan.sign_off.agreed.push(resealed);
    Ok(())
}

/// The recipe new sign-offs are made with: the signed statement stored beside its fingerprint.
/// Recipe 1 (the oldest) hashed the peppers and the card prices only, recipe 2 also the budget
/// and the texts; both stored only the hash. Sign-offs made with them are still recognised, but
/// never shown as plainly agreed ([`old_recipe_note`]).
pub const CURRENT_RECIPE: u32 = STATEMENT_RECIPE;

/// What a fingerprint is taken over, besides the agreed choices themselves.
#[derive(Clone, Copy)]
pub struct Terms<'a> {
    /// The region: citation title, term, pepper values.
    pub region: &'a Region,
    /// The card the choices rest on.
    pub card: &'a Card,
}

/// The choices that count for a sign-off, in activity order.
pub(crate) fn agreed_choices(choices: &[Choice]) -> Vec<&Choice> {
    let mut sorted: Vec<&Choice> = choices
        .iter()
        .filter(|c| !c.peppers.is_zero() || c.taken)
        .collect();
    sorted.sort_by_key(|c| c.activity);
    sorted
}

/// The decisions that agreed a version: the college's and WerkBedrijf's, where recorded.
pub(crate) fn agreeing_decisions(sign_off: &SignOff, version: u32) -> Vec<&Decision> {
    [Side::College, Side::WerkBedrijf]
        .into_iter()
        .filter_map(|side| decision_on(sign_off, side, version))
        .collect()
}

/// The decision of a side on a version, if recorded and agreeing (the latest such).
pub fn decision_on(sign_off: &SignOff, side: Side, version: u32) -> Option<&Decision> {
    sign_off
        .decisions
        .iter()
        .rev()
        .find(|d| d.side == side && d.version == version && d.outcome.agrees())
}

/// SHA-256 of a text, as lowercase hex: what `sha256sum` prints for the same bytes.
pub(crate) fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}
