//! Writing files: pretty RON with a stable field order, written atomically, with the previous
//! version of a workbook kept as `NAME.ron.bak`.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::io_reason;
use crate::core::workbook::Workbook;

/// Writes any of our documents as pretty RON: one field a line, fields in declaration order, so
/// two versions of a file diff cleanly in git or a text tool.
pub fn to_ron_pretty<T: Serialize>(value: &T) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(10)
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text =
        ron::ser::to_string_pretty(value, config).expect("our documents always serialize");
    text.push('\n');
    text
}

/// Writes a workbook as pretty RON.
pub fn to_ron(workbook: &Workbook) -> String {
    to_ron_pretty(workbook)
}

/// Why a save failed. Its `Display` is a Dutch message; the old file is untouched in every case.
#[derive(Debug)]
pub struct SaveError {
    /// The file that was being written.
    pub path: PathBuf,
    /// What the system said.
    pub source: std::io::Error,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Opslaan in {} is mislukt: {}. Het bestaande bestand is niet veranderd.",
            self.path.display(),
            io_reason(&self.source)
        )
    }
}

impl std::error::Error for SaveError {}

/// Writes `contents` to `path` atomically: into a temporary file in the same folder, flushed and
/// synced, then renamed over the target. A failure at any point leaves the old file intact.
pub fn write_atomic(path: &Path, contents: &[u8]) -> Result<(), SaveError> {
    write_atomic_with(path, contents, || Ok(()))
}

/// [`write_atomic`] with a step run between writing the temporary file and renaming it: tests use
/// it to simulate a crash or a full disk at the worst moment.
pub fn write_atomic_with(
    path: &Path,
    contents: &[u8],
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let err = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    // The temporary file is removed when dropped, so a failed save leaves nothing behind.
    let mut temp = tempfile::Builder::new()
        .prefix(".keuzekaart-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(err)?;
    temp.write_all(contents).map_err(err)?;
    temp.as_file().sync_all().map_err(err)?;
    before_rename().map_err(err)?;
    temp.persist(path).map_err(|e| err(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Where the previous version of a file is kept: `concept.ron` → `concept.ron.bak`.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path
        .file_name()
        .map(|n| n.to_os_string())
        .unwrap_or_default();
    name.push(".bak");
    path.with_file_name(name)
}

/// Saves a workbook over `path`: the current file (if any) is first kept as `NAME.ron.bak`, then
/// the new content is written atomically. On any error the file at `path` is unchanged.
pub fn save_workbook(path: &Path, workbook: &Workbook) -> Result<(), SaveError> {
    let text = to_ron(workbook);
    if let Ok(previous) = std::fs::read(path) {
        if previous == text.as_bytes() {
            return Ok(());
        }
        write_atomic(&backup_path(path), &previous)?;
    }
    write_atomic(path, text.as_bytes())
}

/// Writes a workbook to a new file, refusing to overwrite an existing one unless `force`.
pub fn write_new_workbook(path: &Path, workbook: &Workbook, force: bool) -> Result<(), SaveError> {
    if !force && path.exists() {
        return Err(SaveError {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "exists"),
        });
    }
    write_atomic(path, to_ron(workbook).as_bytes())
}
