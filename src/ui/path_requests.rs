//! What each file command asks a file picker for — the dialog's title, the kind of file, the
//! folder and a sensible name ("Bijlage DVO 2021-2022 concept.pdf") — and what the app does with
//! the path it gets, from the native dialog or typed by hand when no dialog could be shown.

use std::path::{Path, PathBuf};

use super::action::{Action, FileAction};
use super::file_picker::PickRequest;
use crate::core::Workbook;
use crate::core::signoff::verify;

/// Why the app asks for a path.
#[derive(Clone, Debug, PartialEq)]
pub enum PathUse {
    /// Open a workbook.
    Open,
    /// Save the workbook under a new name.
    SaveAs,
    /// Save under a new name, then do this (the unsaved-changes question's "Opslaan").
    SaveThen(FileAction),
    /// Write the shown gemeente's choices for exchange.
    ExportGemeente,
    /// Read a gemeente's choices from an exchange file.
    ImportGemeente,
    /// Compare the shown gemeente with another workbook.
    CompareWith,
    /// Print the annex.
    ExportAnnex {
        /// Only the shown gemeente's article.
        only_shown: bool,
        /// The council's copy with a "Wijziging" column.
        review: bool,
    },
    /// Write the card alone.
    ExportCard,
    /// Read a card file.
    ImportCard,
    /// Write the Excel export.
    ExportExcel,
    /// Read a realisation spreadsheet.
    ImportRealisation,
    /// Write the progress report.
    ExportProgressReport,
}

/// "2021-2022": the term as it goes into a file name (a plain hyphen, no en dash).
fn term_in_name(workbook: &Workbook) -> String {
    use chrono::Datelike;
    let term = &workbook.region.term;
    if term.start.year() == term.end.year() {
        term.start.year().to_string()
    } else {
        format!("{}-{}", term.start.year(), term.end.year())
    }
}

/// Whether every gemeente in view of an annex is agreed and its fingerprint holds.
fn all_agreed(workbook: &Workbook, only: Option<&str>) -> bool {
    verify(workbook)
        .iter()
        .filter(|c| only.is_none_or(|name| c.gemeente == name))
        .all(|c| c.is_agreed())
}

impl PathUse {
    /// Whether the path is one to write (a save dialog, with an overwrite question).
    pub fn writes(&self) -> bool {
        !matches!(
            self,
            PathUse::Open
                | PathUse::ImportGemeente
                | PathUse::CompareWith
                | PathUse::ImportCard
                | PathUse::ImportRealisation
        )
    }

    /// The request for the picker: title, kind, folder and suggested name.
    pub fn request(
        &self,
        workbook: &Workbook,
        gemeente: &str,
        current: Option<&Path>,
        folder: Option<PathBuf>,
    ) -> PickRequest {
        let term = term_in_name(workbook);
        let workbook_file = ("Werkmap", "ron");
        let (title, (kind, extension), file_name) = match self {
            PathUse::Open => ("Werkmap openen".to_owned(), workbook_file, String::new()),
            PathUse::SaveAs | PathUse::SaveThen(_) => (
                "Opslaan als".to_owned(),
                workbook_file,
                current
                    .and_then(Path::file_name)
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_else(|| format!("Werkmap DVO {term}.ron")),
            ),
            PathUse::ExportGemeente => (
                format!("Keuzes van {gemeente} exporteren"),
                ("Keuzes", "ron"),
                format!("Keuzes {gemeente} DVO {term}.ron"),
            ),
            PathUse::ImportGemeente => (
                "Keuzes van een gemeente importeren".to_owned(),
                ("Keuzes", "ron"),
                String::new(),
            ),
            PathUse::CompareWith => (
                "Vergelijken met ander bestand".to_owned(),
                workbook_file,
                String::new(),
            ),
            PathUse::ExportAnnex { only_shown, review } => {
                let only = only_shown.then_some(gemeente);
                let state = if all_agreed(workbook, only) {
                    "vastgesteld"
                } else {
                    "concept"
                };
                let name = match (only, review) {
                    (_, true) => format!("Exemplaar voor de raad DVO {term}.pdf"),
                    (Some(g), false) => format!("Bijlage DVO {term} {g} {state}.pdf"),
                    (None, false) => format!("Bijlage DVO {term} {state}.pdf"),
                };
                ("Bijlage exporteren".to_owned(), ("PDF", "pdf"), name)
            }
            PathUse::ExportCard => (
                "Keuzekaart exporteren".to_owned(),
                ("Keuzekaart", "ron"),
                format!("{}.ron", workbook.card.name),
            ),
            PathUse::ImportCard => (
                "Keuzekaart importeren".to_owned(),
                ("Keuzekaart", "ron"),
                String::new(),
            ),
            PathUse::ImportRealisation => (
                "Realisatie importeren".to_owned(),
                ("Spreadsheet", "xlsx"),
                String::new(),
            ),
            PathUse::ExportExcel => (
                "Exporteren naar Excel".to_owned(),
                ("Excel-werkmap", "xlsx"),
                format!("Lokale keuzes DVO {term}.xlsx"),
            ),
            PathUse::ExportProgressReport => (
                "Voortgangsrapport maken".to_owned(),
                ("PDF", "pdf"),
                format!("Voortgang lokale keuzes DVO {term}.pdf"),
            ),
        };
        PickRequest {
            title,
            save: self.writes(),
            kind,
            extension,
            folder: folder
                .or_else(|| current.and_then(Path::parent).map(Path::to_owned))
                .or_else(documents_folder),
            file_name,
        }
    }

    /// What the app does with the chosen path.
    pub fn action(self, path: PathBuf) -> Action {
        let file = match self {
            PathUse::Open => FileAction::Open(path),
            PathUse::SaveAs => FileAction::SaveAs(path),
            PathUse::SaveThen(then) => return Action::SaveToThen(path, then),
            PathUse::ExportGemeente => FileAction::ExportGemeente(path),
            PathUse::ImportGemeente => FileAction::ImportGemeente(path),
            PathUse::CompareWith => FileAction::CompareWith(path),
            PathUse::ExportAnnex { only_shown, review } => FileAction::ExportAnnex {
                path,
                only_shown,
                review,
            },
            PathUse::ExportCard => FileAction::ExportCard(path),
            PathUse::ImportCard => FileAction::ImportCard(path),
            PathUse::ExportExcel => FileAction::ExportExcel(path),
            PathUse::ImportRealisation => FileAction::ImportRealisation(path),
            PathUse::ExportProgressReport => FileAction::ExportProgressReport(path),
        };
        Action::File(file)
    }
}

/// Where a dialog starts when nothing was opened or saved yet: the user's Documents folder, or
/// else the home folder.
fn documents_folder() -> Option<PathBuf> {
    let dirs = directories::UserDirs::new()?;
    Some(
        dirs.document_dir()
            .filter(|d| d.is_dir())
            .unwrap_or_else(|| dirs.home_dir())
            .to_owned(),
    )
}

/// Checks a path typed by hand: Dutch words for what is wrong, or the path to use (with the
/// extension added). Whether an existing file may be overwritten is asked separately.
pub fn check_typed(text: &str, request: &PickRequest) -> Result<PathBuf, String> {
    let text = text.trim();
    if text.is_empty() {
        return Err("Typ een pad, bijvoorbeeld /home/anne/Documenten/werkmap.ron.".to_owned());
    }
    let path = request.with_extension(PathBuf::from(text));
    if path.is_dir() {
        return Err("Dit is een map; typ ook de bestandsnaam.".to_owned());
    }
    if request.save {
        let folder = match path.parent() {
            Some(f) if !f.as_os_str().is_empty() => f.to_owned(),
            _ => PathBuf::from("."),
        };
        if !folder.is_dir() {
            return Err(format!("De map {} bestaat niet.", folder.display()));
        }
    } else if !path.is_file() {
        return Err(format!("Het bestand {} bestaat niet.", path.display()));
    }
    Ok(path)
}
