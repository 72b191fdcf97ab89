//! Exchange between gemeenten: one gemeente's choices as a small file, which WerkBedrijf imports
//! into the regional workbook after seeing what would change.

use std::path::Path;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{LoadError, parse_ron, read_text};
use crate::core::diff::{ChoiceChange, plan_changes};
use crate::core::workbook::{Choice, Plan, Workbook};

/// The version of the exchange file format.
pub const EXCHANGE_VERSION: u32 = 1;

/// One gemeente's choices, as sent between a gemeente and WerkBedrijf.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExchangeFile {
    /// The exchange format version.
    pub version: u32,
    /// The DVO the choices belong to (its citation title).
    pub citation_title: String,
    /// The card the choices were made on (its name).
    pub card: String,
    /// The gemeente.
    pub gemeente: String,
    /// When the file was made.
    #[serde(default)]
    pub exported: Option<NaiveDateTime>,
    /// The choices.
    #[serde(default)]
    pub choices: Vec<Choice>,
}

/// Makes the exchange file of one gemeente's choices, or `None` for an unknown gemeente.
pub fn export_gemeente(workbook: &Workbook, gemeente: &str) -> Option<ExchangeFile> {
    workbook.region.gemeente(gemeente)?;
    Some(ExchangeFile {
        version: EXCHANGE_VERSION,
        citation_title: workbook.region.citation_title.clone(),
        card: workbook.card.name.clone(),
        gemeente: gemeente.to_owned(),
        exported: Some(chrono::Local::now().naive_local()),
        choices: workbook
            .plan(gemeente)
            .map(|p| p.choices.clone())
            .unwrap_or_default(),
    })
}

/// Reads an exchange file, with the same limits and messages as a workbook.
pub fn read_exchange(path: &Path) -> Result<ExchangeFile, LoadError> {
    let file: ExchangeFile = parse_ron(&read_text(path)?)?;
    if file.version > EXCHANGE_VERSION {
        return Err(LoadError::NewerVersion {
            found: file.version,
            supported: EXCHANGE_VERSION,
        });
    }
    let plan = Plan {
        gemeente: file.gemeente.clone(),
        choices: file.choices.clone(),
        ..Plan::default()
    };
    crate::core::range_check::check_plan(&plan).map_err(LoadError::OutOfRange)?;
    Ok(file)
}

/// What importing a file would do, to show before asking.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImportPreview {
    /// The plan as it would be after the import.
    pub plan: Plan,
    /// What changes, activity by activity (empty: the file equals what the workbook has).
    pub changes: Vec<ChoiceChange>,
    /// Things to know before importing (a different card or DVO).
    pub warnings: Vec<String>,
}

/// Works out what importing `file` into `workbook` would change; refuses a gemeente the region
/// does not have.
pub fn preview_import(workbook: &Workbook, file: &ExchangeFile) -> Result<ImportPreview, String> {
    if workbook.region.gemeente(&file.gemeente).is_none() {
        return Err(format!(
            "De gemeente '{}' staat niet in deze werkmap.",
            file.gemeente
        ));
    }
    let mut warnings = Vec::new();
    if file.card != workbook.card.name {
        warnings.push(format!(
            "Het bestand is gemaakt op '{}', deze werkmap gebruikt '{}'.",
            file.card, workbook.card.name
        ));
    }
    if file.citation_title != workbook.region.citation_title {
        warnings.push(format!("Het bestand hoort bij '{}'.", file.citation_title));
    }
    let current = workbook.plan(&file.gemeente).cloned().unwrap_or_default();
    if !current.sign_off.status.is_editable() {
        return Err(format!(
            "De keuzes van {} zijn {}; importeren kan alleen in een concept.",
            file.gemeente,
            current.sign_off.status.label().to_lowercase()
        ));
    }
    let plan = Plan {
        gemeente: file.gemeente.clone(),
        choices: file.choices.clone(),
        ..current.clone()
    };
    let changes = plan_changes(workbook, &file.gemeente, &current.choices, &plan.choices);
    Ok(ImportPreview {
        plan,
        changes,
        warnings,
    })
}
