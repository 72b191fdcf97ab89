//! The card on its own, as a file WerkBedrijf sends to all gemeenten: exported from Beheer and
//! imported there after the same checks as any file, plus the card's own rules.

use std::path::Path;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{SaveError, parse_ron, read_text, to_ron_pretty, write_atomic};
use crate::core::Card;
use crate::core::setup::card_problems;

/// The version of the card file format.
pub const CARD_FILE_VERSION: u32 = 1;

/// A keuzekaart as a file of its own.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CardFile {
    /// The card file format version.
    pub version: u32,
    /// When the file was made.
    #[serde(default)]
    pub exported: Option<NaiveDateTime>,
    /// The card.
    pub card: Card,
}

/// Writes the card to a file, atomically.
pub fn export_card(path: &Path, card: &Card) -> Result<(), SaveError> {
    let file = CardFile {
        version: CARD_FILE_VERSION,
        exported: Some(chrono::Local::now().naive_local()),
        card: card.clone(),
    };
    write_atomic(path, to_ron_pretty(&file).as_bytes())
}

/// Reads a card file: the limits and messages of any file, then the card's own rules (numbers
/// unique, at most the maximum number of activities, sound offers). Errors are Dutch sentences.
pub fn read_card_file(path: &Path) -> Result<Card, String> {
    let file: CardFile = read_text(path)
        .and_then(|text| parse_ron(&text))
        .map_err(|e| e.to_string())?;
    if file.version > CARD_FILE_VERSION {
        return Err(format!(
            "Dit kaartbestand is gemaakt met een nieuwere versie van Keuzekaart (versie {}); \
             deze versie leest tot en met versie {CARD_FILE_VERSION}.",
            file.version
        ));
    }
    crate::core::range_check::check_card(&file.card)
        .map_err(|problem| format!("Ongeldige waarde bij {problem}"))?;
    let problems = card_problems(&file.card);
    if !problems.is_empty() {
        return Err(format!(
            "Het kaartbestand klopt niet: {}",
            problems
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    Ok(file.card)
}
