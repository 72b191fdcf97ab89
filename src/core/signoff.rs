//! Signing off: a gemeente's choices go from concept to agreed (college and WerkBedrijf), after
//! which they only change as an amendment under art. 16.3. An agreed version carries a SHA-256
//! fingerprint over a canonical form of its content, so a hand-edited file is caught and a printed
//! annex can be matched to its file.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::card::Card;
use super::region::{Gemeente, Region};
use super::workbook::{Choice, Plan, Workbook};

/// Where a gemeente's choices stand.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Status {
    /// Being drafted; the only state in which choices can change.
    #[default]
    Concept,
    /// Frozen for the college's decision; can be sent back to concept.
    TerBesluitvorming,
    /// The college agreed; waiting for WerkBedrijf (the Dagelijks Bestuur of the MGR).
    BeslotenDoorCollege,
    /// Both sides agreed; locked until an amendment is started.
    Vastgesteld,
}

impl Status {
    /// The steps in the order a sign-off passes them.
    pub const STEPS: [Status; 4] = [
        Status::Concept,
        Status::TerBesluitvorming,
        Status::BeslotenDoorCollege,
        Status::Vastgesteld,
    ];

    /// Which step this is, counted from 1 (for "stap 2 van 4").
    pub fn step_number(self) -> usize {
        Self::STEPS.iter().position(|s| *s == self).unwrap_or(0) + 1
    }

    /// The Dutch name, as shown on badges.
    pub fn label(self) -> &'static str {
        match self {
            Status::Concept => "Concept",
            Status::TerBesluitvorming => "Ter besluitvorming",
            Status::BeslotenDoorCollege => "Besloten door college",
            Status::Vastgesteld => "Vastgesteld",
        }
    }

    /// Whether choices may be changed in this state.
    pub fn is_editable(self) -> bool {
        self == Status::Concept
    }
}

/// Who decided.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Side {
    /// The college van burgemeester en wethouders of the gemeente.
    College,
    /// WerkBedrijf, for the Dagelijks Bestuur of the MGR.
    WerkBedrijf,
}

impl Side {
    /// The Dutch name of the deciding body.
    pub fn label(self) -> &'static str {
        match self {
            Side::College => "College van B&W",
            Side::WerkBedrijf => "WerkBedrijf (Dagelijks Bestuur MGR)",
        }
    }
}

/// The outcome of a decision, as on the college's advice form.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Outcome {
    /// Agreed.
    Akkoord,
    /// Agreed with textual changes.
    AkkoordMetTekstueleAanpassing,
    /// Not agreed: the choices go back to concept.
    NietAkkoord,
}

impl Outcome {
    /// All outcomes, in form order.
    pub const ALL: [Outcome; 3] = [
        Outcome::Akkoord,
        Outcome::AkkoordMetTekstueleAanpassing,
        Outcome::NietAkkoord,
    ];

    /// The Dutch wording.
    pub fn label(self) -> &'static str {
        match self {
            Outcome::Akkoord => "Akkoord",
            Outcome::AkkoordMetTekstueleAanpassing => "Akkoord met tekstuele aanpassing",
            Outcome::NietAkkoord => "Niet akkoord",
        }
    }

    /// Whether the outcome agrees.
    pub fn agrees(self) -> bool {
        self != Outcome::NietAkkoord
    }
}

/// A recorded decision of one side.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Who decided.
    pub side: Side,
    /// What they decided.
    pub outcome: Outcome,
    /// "Beslissing d.d."
    pub date: NaiveDate,
    /// The decision's number in the deciding body's records.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub number: String,
    /// Who signs.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub signatory: String,
    /// The signatory's role ("wethouder Werk en Inkomen").
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub role: String,
    /// Where it is signed.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub place: String,
    /// Which version of the choices it was about (0: the original, N: amendment N).
    #[serde(default)]
    pub version: u32,
}

/// A version of the choices both sides agreed to, kept for the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgreedVersion {
    /// 0 for the original choices, N for "Tussentijdse wijziging N".
    pub version: u32,
    /// The date it was agreed (the later of the two decisions).
    pub agreed_on: NaiveDate,
    /// The agreed choices.
    pub choices: Vec<Choice>,
    /// SHA-256 (hex) over the canonical form of what was agreed ([`canonical_form`]).
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub fingerprint: String,
    /// Which recipe made the fingerprint (files of the first wave have none: recipe 1).
    #[serde(default = "first_recipe")]
    pub recipe: u32,
}

impl AgreedVersion {
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

/// The sign-off record of one gemeente, kept in its plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignOff {
    /// Where the current choices stand.
    #[serde(default)]
    pub status: Status,
    /// The version being drafted or in force (0: original, N: amendment N).
    #[serde(default)]
    pub version: u32,
    /// Every decision recorded, in order, including "Niet akkoord".
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Every agreed version, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agreed: Vec<AgreedVersion>,
}

impl SignOff {
    /// Whether this record is still at its start (nothing decided), so files stay short.
    pub fn is_initial(&self) -> bool {
        *self == SignOff::default()
    }

    /// The decision of a side on the current version, if recorded and agreeing.
    pub fn current_decision(&self, side: Side) -> Option<&Decision> {
        self.decisions
            .iter()
            .rev()
            .find(|d| d.side == side && d.version == self.version && d.outcome.agrees())
    }

    /// The agreed version in force, if any.
    pub fn in_force(&self) -> Option<&AgreedVersion> {
        self.agreed.last()
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
}

impl SignOffStep {
    /// A short Dutch description for undo.
    pub fn label(&self) -> String {
        match self {
            SignOffStep::Submit => "Ter besluitvorming aangeboden".into(),
            SignOffStep::SendBack => "Terug naar concept".into(),
            SignOffStep::Decide(d) => format!("Besluit {}: {}", d.side.label(), d.outcome.label()),
            SignOffStep::StartAmendment => "Tussentijdse wijziging gestart".into(),
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
                    let choices = plan.choices.clone();
                    let version = plan.sign_off.version;
                    let decisions = agreeing_decisions(&plan.sign_off, version);
                    let fingerprint = fingerprint(terms, gemeente, version, &choices, &decisions);
                    plan.sign_off.agreed.push(AgreedVersion {
                        version,
                        agreed_on,
                        choices,
                        fingerprint,
                        recipe: CURRENT_RECIPE,
                    });
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
    }
    Ok(())
}

/// The recipe new sign-offs are fingerprinted with. Recipe 1 (the first wave) covered the peppers,
/// the card prices, the gemeente's name and article and the citation title; recipe 2 covers
/// everything contractual the annex prints for the gemeente. Old sign-offs keep their recipe and
/// are verified with it, so they stay valid but are shown as made with the previous fingerprint.
pub const CURRENT_RECIPE: u32 = 2;

fn first_recipe() -> u32 {
    1
}

/// What a fingerprint is taken over, besides the agreed choices themselves.
#[derive(Clone, Copy)]
pub struct Terms<'a> {
    /// The region: citation title, term, pepper values.
    pub region: &'a Region,
    /// The card the choices rest on.
    pub card: &'a Card,
}

/// The first recipe's canonical text: what was agreed (gemeente, version, peppers per activity)
/// and the card prices it rests on. Kept to verify sign-offs made with it.
fn canonical_form_v1(
    gemeente: &Gemeente,
    card: &Card,
    citation_title: &str,
    version: u32,
    choices: &[Choice],
) -> String {
    let n = |d: Decimal| d.normalize().to_string();
    let mut text = String::from("keuzekaart-vaststelling 1\n");
    text.push_str(&format!(
        "dvo={citation_title}\ngemeente={}\nartikel={}\n",
        gemeente.name, gemeente.article
    ));
    text.push_str(&format!(
        "kleur={}\npepers={}\nversie={version}\n",
        gemeente.colour.name(),
        n(gemeente.peppers)
    ));
    for choice in agreed_choices(choices) {
        text.push_str(&format!(
            "keuze activiteit={} pepers={} gekozen={}",
            choice.activity,
            n(choice.peppers),
            choice.taken
        ));
        match card
            .activity(choice.activity)
            .and_then(|a| a.offer(gemeente.colour))
        {
            Some(o) => text.push_str(&format!(
                " aanbod volume={} eenheid={}/{} pepers={} minimum={} maximum={}\n",
                n(o.volume),
                o.unit.one,
                o.unit.many,
                n(o.peppers),
                n(o.minimum),
                o.maximum.map(n).unwrap_or_else(|| "-".into())
            )),
            None => text.push_str(" aanbod=geen\n"),
        }
    }
    text
}

/// The choices that count for a sign-off, in activity order.
fn agreed_choices(choices: &[Choice]) -> Vec<&Choice> {
    let mut sorted: Vec<&Choice> = choices
        .iter()
        .filter(|c| !c.peppers.is_zero() || c.taken)
        .collect();
    sorted.sort_by_key(|c| c.activity);
    sorted
}

/// The decisions that agreed a version: the college's and WerkBedrijf's, where recorded.
fn agreeing_decisions(sign_off: &SignOff, version: u32) -> Vec<&Decision> {
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

/// The second recipe's canonical text: everything contractual the annex prints for the gemeente,
/// one fact per line, texts as JSON strings (so a newline or quote in a text cannot shift a
/// field), numbers normalized ("10.0" and "10" are the same price):
/// the DVO (citation title, term dates, pepper values), the gemeente (name, article, goal,
/// colour, peppers, euro budget, whether it may go below a minimum), the version, per agreed
/// choice the peppers, note and the offer it rests on (title and description with the name
/// filled in, unit, volume, price, minimum, maximum), and the two decisions that agreed it.
/// Options, the file's layout and metadata are not part of it.
pub fn canonical_form(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    version: u32,
    choices: &[Choice],
    decisions: &[&Decision],
) -> String {
    use std::fmt::Write;
    let n = |d: Decimal| d.normalize().to_string();
    let q = |s: &str| serde_json::to_string(s).expect("a string always serializes");
    let region = terms.region;
    let mut text = String::from("keuzekaart-vaststelling 2\n");
    let _ = writeln!(text, "dvo={}", q(&region.citation_title));
    let _ = writeln!(text, "looptijd={}/{}", region.term.start, region.term.end);
    for (colour, value) in &region.pepper_values {
        let _ = writeln!(text, "peperwaarde {}={}", colour.name(), n(*value));
    }
    let _ = writeln!(text, "gemeente={}", q(&gemeente.name));
    let _ = writeln!(text, "artikel={}", gemeente.article);
    let _ = writeln!(text, "doel={}", q(&gemeente.goal));
    let _ = writeln!(text, "kleur={}", gemeente.colour.name());
    let _ = writeln!(text, "pepers={}", n(gemeente.peppers));
    let _ = writeln!(text, "budget={}", n(gemeente.budget));
    let _ = writeln!(text, "onder-minimum={}", gemeente.may_go_below_minimum);
    let _ = writeln!(text, "versie={version}");
    for choice in agreed_choices(choices) {
        let _ = write!(
            text,
            "keuze activiteit={} pepers={} gekozen={} notitie={}",
            choice.activity,
            n(choice.peppers),
            choice.taken,
            q(&choice.note)
        );
        let activity = terms.card.activity(choice.activity);
        if let Some(a) = activity {
            let _ = write!(
                text,
                " titel={} omschrijving={}",
                q(&a.title_for(&gemeente.name)),
                q(&a.description_for(&gemeente.name))
            );
        }
        match activity.and_then(|a| a.offer(gemeente.colour)) {
            Some(o) => {
                let _ = writeln!(
                    text,
                    " aanbod volume={} eenheid={}/{} pepers={} minimum={} maximum={}",
                    n(o.volume),
                    q(&o.unit.one),
                    q(&o.unit.many),
                    n(o.peppers),
                    n(o.minimum),
                    o.maximum.map(n).unwrap_or_else(|| "-".into())
                );
            }
            None => text.push_str(" aanbod=geen\n"),
        }
    }
    let mut decisions: Vec<&&Decision> = decisions.iter().collect();
    decisions.sort_by_key(|d| d.side == Side::WerkBedrijf);
    for d in decisions {
        let _ = writeln!(
            text,
            "besluit {} uitkomst={} datum={} nummer={} ondertekenaar={} functie={} plaats={}",
            match d.side {
                Side::College => "college",
                Side::WerkBedrijf => "werkbedrijf",
            },
            q(d.outcome.label()),
            d.date,
            q(&d.number),
            q(&d.signatory),
            q(&d.role),
            q(&d.place)
        );
    }
    text
}

/// SHA-256 (hex) of the current recipe's canonical form.
pub fn fingerprint(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    version: u32,
    choices: &[Choice],
    decisions: &[&Decision],
) -> String {
    sha256_hex(&canonical_form(
        terms, gemeente, version, choices, decisions,
    ))
}

fn sha256_hex(text: &str) -> String {
    format!("{:x}", Sha256::digest(text.as_bytes()))
}

/// Recomputes the fingerprint of an agreed version with the recipe it was made with; `None` for
/// a recipe this build does not know.
pub fn recompute(
    terms: Terms<'_>,
    gemeente: &Gemeente,
    sign_off: &SignOff,
    agreed: &AgreedVersion,
) -> Option<String> {
    let text = match agreed.recipe {
        1 => canonical_form_v1(
            gemeente,
            terms.card,
            &terms.region.citation_title,
            agreed.version,
            &agreed.choices,
        ),
        2 => {
            let decisions = agreeing_decisions(sign_off, agreed.version);
            canonical_form(terms, gemeente, agreed.version, &agreed.choices, &decisions)
        }
        _ => return None,
    };
    Some(sha256_hex(&text))
}

/// Whether one gemeente's sign-off in force still holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SignOffCheck {
    /// The gemeente.
    pub gemeente: String,
    /// Its status.
    pub status: Status,
    /// The version being drafted or in force.
    pub version: u32,
    /// The recipe the version in force was fingerprinted with (0 when nothing is agreed).
    pub recipe: u32,
    /// The full fingerprint stored with the version in force, to compare with the signed paper.
    pub fingerprint: Option<String>,
    /// `None` when nothing is agreed yet; `Some(Ok)` with the short fingerprint when it holds;
    /// `Some(Err)` with the reason when it does not.
    pub holds: Option<Result<String, String>>,
}

impl SignOffCheck {
    /// Whether the version in force was agreed and still holds.
    pub fn is_valid(&self) -> bool {
        matches!(self.holds, Some(Ok(_)))
    }

    /// Whether it holds, but under the first recipe, which did not cover budgets and texts.
    pub fn holds_with_previous_recipe(&self) -> bool {
        self.is_valid() && self.recipe < CURRENT_RECIPE
    }

    /// The status as the app and the annex write it: never a plain "Vastgesteld" for a sign-off
    /// that does not hold ("Vastgesteld — ONGELDIG: …"), and a word on sign-offs made with the
    /// first recipe.
    pub fn status_label(&self) -> String {
        let label = self.status.label();
        match &self.holds {
            Some(Err(reason)) if self.status == Status::Vastgesteld => {
                format!("{label} — ONGELDIG: {reason}")
            }
            Some(Err(reason)) => format!("{label}; vaststelling ONGELDIG: {reason}"),
            Some(Ok(_)) if self.status == Status::Vastgesteld && self.recipe < CURRENT_RECIPE => {
                format!("{label} met de vorige vingerafdruk; {PREVIOUS_RECIPE_NOTE}")
            }
            _ => label.to_owned(),
        }
    }
}

/// What a sign-off made with the first recipe does not cover, in Dutch.
pub const PREVIOUS_RECIPE_NOTE: &str = "die dekt niet het budget en de teksten";

/// Recomputes the fingerprint of every gemeente's agreed version in force.
pub fn verify(workbook: &Workbook) -> Vec<SignOffCheck> {
    let terms = Terms {
        region: &workbook.region,
        card: &workbook.card,
    };
    workbook
        .region
        .gemeenten
        .iter()
        .map(|gemeente| {
            let plan = workbook.plan(&gemeente.name);
            let sign_off = plan.map(|p| p.sign_off.clone()).unwrap_or_default();
            let in_force = sign_off.in_force();
            let holds = in_force.map(|agreed| {
                let Some(recomputed) = recompute(terms, gemeente, &sign_off, agreed) else {
                    return Err(format!(
                        "de vingerafdruk is gemaakt met een onbekend recept ({}); werk de app bij",
                        agreed.recipe
                    ));
                };
                if recomputed != agreed.fingerprint {
                    return Err(if agreed.recipe >= 2 {
                        format!(
                            "de vastgestelde keuzes, de keuzekaart, het budget of de teksten zijn na vaststelling veranderd \
                             (vingerafdruk {} klopt niet meer)",
                            agreed.short_fingerprint()
                        )
                    } else {
                        format!(
                            "de vastgestelde keuzes of de prijzen op de keuzekaart zijn na vaststelling veranderd \
                             (vingerafdruk {} klopt niet meer)",
                            agreed.short_fingerprint()
                        )
                    });
                }
                let current = plan.map(|p| p.choices.as_slice()).unwrap_or_default();
                if sign_off.status == Status::Vastgesteld
                    && !same_agreed_content(current, &agreed.choices, agreed.recipe >= 2)
                {
                    return Err("de keuzes in het bestand wijken af van de vastgestelde keuzes".into());
                }
                Ok(agreed.short_fingerprint().to_owned())
            });
            SignOffCheck {
                gemeente: gemeente.name.clone(),
                status: sign_off.status,
                version: sign_off.version,
                recipe: in_force.map_or(0, |a| a.recipe),
                fingerprint: in_force.map(|a| a.fingerprint.clone()),
                holds,
            }
        })
        .collect()
}

/// Whether two sets of choices agree on everything the fingerprint covers (with the first
/// recipe, notes may differ; the second prints and covers them).
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
