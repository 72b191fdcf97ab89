//! The sign-off record a plan keeps: where the choices stand, the decisions recorded and the
//! versions agreed. Plain data, below the workbook; what moves a record on and what checks its
//! fingerprints is in `signoff`, which works on whole plans and workbooks.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::choice::Choice;

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

    /// Who signs this body's decision under the DVO, in words: for the gemeente the college
    /// (its mayor or an alderman), for the MGR its Dagelijks Bestuur, whose chair signs.
    pub fn competent_signatory(self) -> &'static str {
        match self {
            Side::College => "de burgemeester of een wethouder",
            Side::WerkBedrijf => "de voorzitter van het Dagelijks Bestuur van de MGR",
        }
    }

    /// Whether a signatory with `role` ("wethouder Werk en Inkomen", "voorzitter Dagelijks
    /// Bestuur") may sign this body's decision: the role names one of the offices of
    /// [`Side::competent_signatory`]. A deputy ("loco-burgemeester", "plv. voorzitter") counts.
    pub fn may_sign(self, role: &str) -> bool {
        let role = role.to_lowercase();
        match self {
            Side::College => role.contains("burgemeester") || role.contains("wethouder"),
            Side::WerkBedrijf => role.contains("voorzitter"),
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
    /// SHA-256 (hex) of `statement` (recipe 3), or of an old recipe's text.
    #[serde(deserialize_with = "crate::core::limits::de::name")]
    pub fingerprint: String,
    /// Which recipe made the fingerprint (a file without one was made with recipe 1).
    #[serde(default = "first_recipe")]
    pub recipe: u32,
    /// The signed statement, as canonical text ([`Statement::canonical`](crate::core::signoff::Statement::canonical)); its SHA-256 is the
    /// fingerprint. Empty for the old recipes, which stored only the hash.
    #[serde(
        default,
        skip_serializing_if = "String::is_empty",
        deserialize_with = "crate::core::limits::de::statement"
    )]
    pub statement: String,
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

/// The recipe of a sign-off stored without one: recipe 1, the oldest.
fn first_recipe() -> u32 {
    1
}
