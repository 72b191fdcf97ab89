//! What ties a printed page to its source: the workbook's name and content fingerprint in every
//! footer, the article's own version and sign-off fingerprint on its pages, and a register of
//! every recorded version at the end. An archivist holding only the paper can tell which file
//! and which decision each page belongs to, and `keuzekaart verify` prints the same numbers.

use serde::Serialize;

use crate::core::signoff::{AgreedVersion, Seal, Side, SignOff, SignOffCheck, Status, decision_on};
use crate::core::words::long_date;
use crate::core::{Gemeente, Workbook};

/// Which workbook a document was made from, as every page's footer prints it.
#[derive(Clone, Debug, Serialize)]
pub struct Identity {
    /// "werkmap.ron", "werkmap.ron (met niet-opgeslagen wijzigingen)" or "(nog niet opgeslagen)".
    pub workbook: String,
    /// The first 12 hex digits of the workbook's content fingerprint
    /// ([`crate::storage::content_fingerprint`]): what `sha256sum` prints for the file as the
    /// app saves it, and what `keuzekaart verify` prints.
    pub fingerprint: String,
    /// The whole fingerprint (64 hex digits), put in the PDF's keywords (and so its XMP) as
    /// `keuzekaart-controlegetal:<hex>`, where `verify bijlage.pdf` reads it.
    pub full_fingerprint: String,
}

impl Identity {
    /// The identity of `workbook`, known to the user as `source` (a file name) when it has one.
    pub fn of(workbook: &Workbook, source: Option<&str>, unsaved: bool) -> Identity {
        let fingerprint = crate::storage::content_fingerprint(workbook);
        let workbook = match (source, unsaved) {
            (Some(name), false) => name.to_owned(),
            (Some(name), true) => format!("{name} (met niet-opgeslagen wijzigingen)"),
            (None, _) => "(nog niet opgeslagen)".to_owned(),
        };
        Identity {
            workbook,
            fingerprint: fingerprint[..12].to_owned(),
            full_fingerprint: fingerprint,
        }
    }
}

/// The line an article's pages carry in their footer: which article, which version and, when
/// agreed, the fingerprint of that agreement.
pub fn article_footer(gemeente: &Gemeente, check: &SignOffCheck) -> String {
    let version = match check.version {
        0 => "oorspronkelijke versie".to_owned(),
        n => format!("tussentijdse wijziging {n}"),
    };
    let state = match check.short_fingerprint() {
        Some(short) if check.is_agreed() => format!("vastgesteld, vingerafdruk {short}"),
        _ if check.problem().is_some() => "vaststelling ONGELDIG".to_owned(),
        _ if check.old_recipe().is_some() => "oude vingerafdruk, niet gedekt".to_owned(),
        _ => "concept, niet vastgesteld".to_owned(),
    };
    format!(
        "Artikel {} {} · {version} · {state}",
        gemeente.article, gemeente.name
    )
}

/// One recorded version of one gemeente's choices, in the register at the end of the annex.
#[derive(Clone, Debug, Serialize)]
pub struct RegisterRow {
    /// The gemeente.
    pub gemeente: String,
    /// "Oorspronkelijk" or "Wijziging 2".
    pub version: String,
    /// The date it was agreed: "14 maart 2021".
    pub agreed_on: String,
    /// The college's decision: "2 maart 2021, nr. 2021/17", or "—".
    pub college: String,
    /// The Dagelijks Bestuur's decision for WerkBedrijf, the same way.
    pub werkbedrijf: String,
    /// The first 12 hex digits of its fingerprint.
    pub fingerprint: String,
    /// What the check says of it: "geldt", "vervangen", "oude vingerafdruk", "ONGELDIG".
    pub state: String,
}

/// Every recorded version of the included gemeenten, in article order and oldest first.
pub fn register(workbook: &Workbook, included: &[(&Gemeente, &SignOffCheck)]) -> Vec<RegisterRow> {
    let empty = SignOff::default();
    included
        .iter()
        .flat_map(|(gemeente, check)| {
            let sign_off = workbook
                .plan(&gemeente.name)
                .map_or(&empty, |p| &p.sign_off);
            let last = sign_off.agreed.len().saturating_sub(1);
            sign_off
                .agreed
                .iter()
                .zip(&check.versions)
                .enumerate()
                .map(move |(i, (agreed, seal))| row(gemeente, sign_off, agreed, seal, i == last))
        })
        .collect()
}

fn row(
    gemeente: &Gemeente,
    sign_off: &SignOff,
    agreed: &AgreedVersion,
    seal: &Seal,
    in_force: bool,
) -> RegisterRow {
    let decision = |side: Side| {
        decision_on(sign_off, side, agreed.version)
            .map(|d| format!("{}, nr. {}", long_date(d.date), d.number))
            .unwrap_or_else(|| "—".to_owned())
    };
    let state = match seal {
        Seal::Holds(_) if in_force && sign_off.status == Status::Vastgesteld => "geldt",
        Seal::Holds(_) if in_force => "geldt; wijziging in voorbereiding",
        Seal::Holds(_) => "vervangen",
        Seal::OldRecipe(_) => "oude vingerafdruk, niet gedekt",
        Seal::Broken(_) => "ONGELDIG",
    };
    let version = match agreed.version {
        0 => "Oorspronkelijk".to_owned(),
        n => format!("Wijziging {n}"),
    };
    // What a broken seal claims (a date, decisions, a fingerprint) is not printed as if it were
    // recorded: the file was changed after the agreement, and the claim may be the forgery.
    if let Seal::Broken(_) = seal {
        let none = || "—".to_owned();
        return RegisterRow {
            gemeente: gemeente.name.clone(),
            version,
            agreed_on: none(),
            college: none(),
            werkbedrijf: none(),
            fingerprint: none(),
            state: state.to_owned(),
        };
    }
    RegisterRow {
        gemeente: gemeente.name.clone(),
        version,
        agreed_on: long_date(agreed.agreed_on),
        college: decision(Side::College),
        werkbedrijf: decision(Side::WerkBedrijf),
        fingerprint: agreed.short_fingerprint().to_owned(),
        state: state.to_owned(),
    }
}
