//! What a file command asks a file picker for — the dialog's title, the kind of file, the folder
//! and a sensible name ("Bijlage DVO 2021-2022 concept.pdf") — and the check of a path typed by
//! hand when no dialog could be shown.

use std::path::{Path, PathBuf};

use super::file_picker::PickRequest;
use crate::core::Workbook;
use crate::core::signoff::verify;

/// What a file command asks the picker for: the dialog's title, the kind of file, and for a
/// save the suggested name. One value per command, in the table of `file_commands`.
#[derive(Clone, Copy, Debug)]
pub struct Picker {
    /// The dialog's title; "{gemeente}" stands for the gemeente shown.
    pub title: &'static str,
    /// Whether a file is written (a save dialog, with an overwrite question) rather than read.
    pub save: bool,
    /// The kind of file, as the filter shows it ("PDF").
    pub kind: &'static str,
    /// Its extension without the dot ("pdf").
    pub extension: &'static str,
    /// The suggested name of a file to write, from the open workbook.
    pub name: fn(&Naming) -> String,
}

/// What a suggested file name is made from: the open workbook, the gemeente shown and the
/// workbook's own file.
#[derive(Clone, Copy, Debug)]
pub struct Naming<'a> {
    /// The open workbook.
    pub workbook: &'a Workbook,
    /// The gemeente shown.
    pub gemeente: &'a str,
    /// The workbook's file, if it has one.
    pub current: Option<&'a Path>,
}

impl Picker {
    /// A picker for a file to read.
    pub const fn open(
        title: &'static str,
        (kind, extension): (&'static str, &'static str),
    ) -> Self {
        Picker {
            title,
            save: false,
            kind,
            extension,
            name: no_name,
        }
    }

    /// A picker for a file to write, with the name it suggests.
    pub const fn save(
        title: &'static str,
        (kind, extension): (&'static str, &'static str),
        name: fn(&Naming) -> String,
    ) -> Self {
        Picker {
            title,
            save: true,
            kind,
            extension,
            name,
        }
    }

    /// The request for the picker: title, kind, folder (the last one used, else the
    /// workbook's, else Documents) and suggested name.
    pub fn request(&self, naming: &Naming, folder: Option<PathBuf>) -> PickRequest {
        PickRequest {
            title: self.title.replace("{gemeente}", naming.gemeente),
            save: self.save,
            kind: self.kind,
            extension: self.extension,
            folder: folder
                .or_else(|| naming.current.and_then(Path::parent).map(Path::to_owned))
                .or_else(documents_folder),
            file_name: if self.save {
                (self.name)(naming)
            } else {
                String::new()
            },
        }
    }
}

/// No name: a file to read is chosen, not named.
fn no_name(_: &Naming) -> String {
    String::new()
}

impl Naming<'_> {
    /// "2021-2022": the term as it goes into a file name (a plain hyphen, no en dash).
    pub fn term(&self) -> String {
        use chrono::Datelike;
        let term = &self.workbook.region.term;
        if term.start.year() == term.end.year() {
            term.start.year().to_string()
        } else {
            format!("{}-{}", term.start.year(), term.end.year())
        }
    }

    /// The workbook's own file name, or "Werkmap DVO 2021-2022.ron" for one without.
    pub fn workbook_file(&self) -> String {
        self.current
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| format!("Werkmap DVO {}.ron", self.term()))
    }

    /// "Bijlage DVO 2021-2022 \[gemeente\] vastgesteld.pdf", or "concept" while any gemeente in
    /// view is not agreed with a fingerprint that holds.
    pub fn annex(&self, only_shown: bool) -> String {
        let only = only_shown.then_some(self.gemeente);
        let agreed = verify(self.workbook)
            .iter()
            .filter(|c| only.is_none_or(|name| c.gemeente == name))
            .all(|c| c.is_agreed());
        let state = if agreed { "vastgesteld" } else { "concept" };
        match only {
            Some(g) => format!("Bijlage DVO {} {g} {state}.pdf", self.term()),
            None => format!("Bijlage DVO {} {state}.pdf", self.term()),
        }
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
