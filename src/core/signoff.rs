//! Signing off: a gemeente's choices go from concept to agreed (college and WerkBedrijf), after
//! which they only change as an amendment under art. 16.3. An agreed version carries a SHA-256
//! fingerprint over a canonical form of its content, so a hand-edited file is caught and a printed
//! annex can be matched to its file.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::card::Card;
use super::region::Gemeente;
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
    pub number: String,
    /// Who signs.
    pub signatory: String,
    /// The signatory's role ("wethouder Werk en Inkomen").
    pub role: String,
    /// Where it is signed.
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
    /// SHA-256 (hex) over the canonical form of the choices and the card prices.
    pub fingerprint: String,
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

/// Applies a sign-off step to a plan; refuses steps that do not fit the current status, with a
/// Dutch reason. `has_errors` says whether the rules find errors in this gemeente's choices.
pub fn step(
    plan: &mut Plan,
    step: &SignOffStep,
    gemeente: &Gemeente,
    card: &Card,
    citation_title: &str,
    has_errors: bool,
) -> Result<(), String> {
    let status = plan.sign_off.status;
    match step {
        SignOffStep::Submit => {
            if status != Status::Concept {
                return Err(format!(
                    "De keuzes van {} zijn al {}.",
                    gemeente.name,
                    status.label().to_lowercase()
                ));
            }
            if has_errors {
                return Err(format!(
                    "De keuzes van {} hebben nog fouten; los die eerst op.",
                    gemeente.name
                ));
            }
            plan.sign_off.status = Status::TerBesluitvorming;
        }
        SignOffStep::SendBack => {
            if !matches!(
                status,
                Status::TerBesluitvorming | Status::BeslotenDoorCollege
            ) {
                return Err(
                    "Alleen keuzes die ter besluitvorming liggen, kunnen terug naar concept."
                        .into(),
                );
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
                    Side::College => {
                        "Het college besluit over keuzes die ter besluitvorming liggen.".into()
                    }
                    Side::WerkBedrijf => "WerkBedrijf besluit nadat het college akkoord is.".into(),
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
                    let fingerprint = fingerprint(
                        gemeente,
                        card,
                        citation_title,
                        plan.sign_off.version,
                        &choices,
                    );
                    plan.sign_off.agreed.push(AgreedVersion {
                        version: plan.sign_off.version,
                        agreed_on,
                        choices,
                        fingerprint,
                    });
                    Status::Vastgesteld
                }
            };
        }
        SignOffStep::StartAmendment => {
            if status != Status::Vastgesteld {
                return Err("Een tussentijdse wijziging begint bij vastgestelde keuzes.".into());
            }
            plan.sign_off.version += 1;
            plan.sign_off.status = Status::Concept;
        }
    }
    Ok(())
}

/// The canonical text a fingerprint is taken over: what was agreed (gemeente, version, peppers per
/// activity) and the card prices it rests on, in a fixed order with normalized numbers. Notes,
/// titles and the file's layout are not part of it, so they can change without breaking a
/// sign-off; a change of any pepper count or price does break it.
pub fn canonical_form(
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
    let mut sorted: Vec<&Choice> = choices
        .iter()
        .filter(|c| !c.peppers.is_zero() || c.taken)
        .collect();
    sorted.sort_by_key(|c| c.activity);
    for choice in sorted {
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

/// SHA-256 (hex) of the canonical form.
pub fn fingerprint(
    gemeente: &Gemeente,
    card: &Card,
    citation_title: &str,
    version: u32,
    choices: &[Choice],
) -> String {
    let digest =
        Sha256::digest(canonical_form(gemeente, card, citation_title, version, choices).as_bytes());
    format!("{digest:x}")
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
    /// `None` when nothing is agreed yet; `Some(Ok)` when the fingerprint holds; `Some(Err)` with
    /// the reason when it does not.
    pub holds: Option<Result<String, String>>,
}

/// Recomputes the fingerprint of every gemeente's agreed version in force.
pub fn verify(workbook: &Workbook) -> Vec<SignOffCheck> {
    workbook
        .region
        .gemeenten
        .iter()
        .map(|gemeente| {
            let plan = workbook.plan(&gemeente.name);
            let sign_off = plan.map(|p| p.sign_off.clone()).unwrap_or_default();
            let holds = sign_off.in_force().map(|agreed| {
                let recomputed = fingerprint(
                    gemeente,
                    &workbook.card,
                    &workbook.region.citation_title,
                    agreed.version,
                    &agreed.choices,
                );
                if recomputed != agreed.fingerprint {
                    return Err(format!(
                        "de vastgestelde keuzes of de prijzen op de keuzekaart zijn na vaststelling veranderd \
                         (vingerafdruk {} klopt niet meer)",
                        agreed.short_fingerprint()
                    ));
                }
                let current = plan.map(|p| p.choices.as_slice()).unwrap_or_default();
                if sign_off.status == Status::Vastgesteld && !same_agreed_content(current, &agreed.choices) {
                    return Err("de keuzes in het bestand wijken af van de vastgestelde keuzes".into());
                }
                Ok(agreed.short_fingerprint().to_owned())
            });
            SignOffCheck { gemeente: gemeente.name.clone(), status: sign_off.status, version: sign_off.version, holds }
        })
        .collect()
}

/// Whether two sets of choices agree on everything the fingerprint covers (notes may differ).
fn same_agreed_content(a: &[Choice], b: &[Choice]) -> bool {
    let key = |choices: &[Choice]| {
        let mut k: Vec<(u32, Decimal, bool)> = choices
            .iter()
            .filter(|c| !c.peppers.is_zero() || c.taken)
            .map(|c| (c.activity, c.peppers.normalize(), c.taken))
            .collect();
        k.sort();
        k
    };
    key(a) == key(b)
}
