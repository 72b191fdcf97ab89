//! Where a document may be written and what may be read: an annex, an Excel export or a report
//! never replaces the workbook it was made from, never writes through a symbolic link, and never
//! into a device or pipe; a workbook to read must be a plain file, so a pipe cannot make a
//! command wait forever.

use std::path::{Path, PathBuf};

/// Why a path was refused; `Display` gives the Dutch sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PathRefusal {
    /// The output is the input itself (or the same file under another name).
    #[error(
        "{0} is de werkmap waaruit dit wordt gemaakt; Keuzekaart schrijft er niet overheen. Kies een andere naam."
    )]
    IsTheInput(PathBuf),
    /// The output is a symbolic link.
    #[error(
        "{0} is een snelkoppeling (symbolische link); Keuzekaart schrijft niet door een koppeling heen. Geef de echte bestandsnaam."
    )]
    Symlink(PathBuf),
    /// The path is a device, a pipe, a socket or a folder.
    #[error("{0} is geen gewoon bestand (maar een map, apparaat, pipe of socket).")]
    NotAFile(PathBuf),
}

/// Checks that `output` may be written as a new document made from `inputs`: it is not one of
/// them (by identity, so another name of the same file counts too), not a symbolic link, and,
/// when it exists, a plain file. Whether an existing file may be replaced at all is the caller's
/// question (`--overwrite`, the overwrite dialog).
pub fn check_output(output: &Path, inputs: &[&Path]) -> Result<(), PathRefusal> {
    let Ok(meta) = std::fs::symlink_metadata(output) else {
        return Ok(()); // nothing there yet
    };
    if meta.file_type().is_symlink() {
        return Err(PathRefusal::Symlink(output.to_owned()));
    }
    if !meta.is_file() {
        return Err(PathRefusal::NotAFile(output.to_owned()));
    }
    if inputs.iter().any(|input| same_file(input, output)) {
        return Err(PathRefusal::IsTheInput(output.to_owned()));
    }
    Ok(())
}

/// Checks that `input` is a plain file (following links), so opening it cannot block on a pipe.
pub fn check_input(input: &Path) -> Result<(), PathRefusal> {
    match std::fs::metadata(input) {
        Ok(meta) if !meta.is_file() && !meta.is_dir() => {
            Err(PathRefusal::NotAFile(input.to_owned()))
        }
        // A folder and a missing file are reported by the reader, in its own words.
        _ => Ok(()),
    }
}

/// Whether two paths name the same file on disk.
fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (std::fs::metadata(a), std::fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(x), Ok(y)) => x == y,
        _ => false,
    }
}
