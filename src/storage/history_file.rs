//! The realisation's history archived to a file of its own: when a workbook's history is full
//! (or a controller wants it apart), its lines go to a RON file beside the workbook and the
//! workbook keeps one line that names the archive and the SHA-256 of its bytes.

use std::path::Path;

use sha2::Digest;

use super::save::{SaveError, to_ron_pretty, write_atomic};
use crate::core::history::Archive;
use crate::core::workbook::Workbook;

/// Writes the workbook's history to `path` (atomically) and returns the SHA-256 of what was
/// written, in hexadecimal, for the line the workbook keeps.
pub fn export_history(path: &Path, workbook: &Workbook) -> Result<String, SaveError> {
    let archive = Archive {
        workbook: format!("{}, {}", workbook.region.name, workbook.region.term.label()),
        changes: workbook.progress.history.clone(),
    };
    let text = to_ron_pretty(&archive);
    write_atomic(path, text.as_bytes())?;
    Ok(format!("{:x}", sha2::Sha256::digest(text.as_bytes())))
}
