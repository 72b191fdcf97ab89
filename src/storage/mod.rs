//! Reading and writing files (RON), with limits and Dutch error messages.
//!
//! The GUI and the command line both load through [`read_workbook`], so `keuzekaart check`
//! reports exactly what the app would say about a file. Writing is atomic: a save that fails
//! halfway leaves the old file as it was.

mod card_file;
mod exchange;
mod history_file;
mod load;
pub mod lock;
mod migrate;
mod output;
pub mod paths;
pub mod recovery;
mod save;

pub use card_file::{CARD_FILE_VERSION, CardFile, export_card, read_card_file};
pub use exchange::{ExchangeFile, ImportPreview, export_gemeente, preview_import, read_exchange};
pub use history_file::export_history;
pub use load::{
    LoadError, MAX_FILE_BYTES, parse_ron, parse_workbook, parse_workbook_bytes, read_text,
    read_workbook, read_workbook_stamped,
};
pub use output::{PathRefusal, check_input, check_output};
pub use save::{
    FileStamp, SaveError, SaveFailure, backup_path, content_fingerprint, file_matches,
    save_workbook, save_workbook_checked, to_ron, to_ron_pretty, write_atomic, write_atomic_with,
    write_new_workbook,
};

/// A Dutch reason for the common I/O errors.
pub fn io_reason(error: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match error.kind() {
        ErrorKind::NotFound => "het bestand of de map bestaat niet".to_owned(),
        ErrorKind::PermissionDenied => "geen toestemming (alleen-lezen of afgeschermd)".to_owned(),
        ErrorKind::AlreadyExists => "het bestand bestaat al".to_owned(),
        ErrorKind::StorageFull => "de schijf is vol".to_owned(),
        ErrorKind::ReadOnlyFilesystem => "de schijf is alleen-lezen".to_owned(),
        ErrorKind::IsADirectory => "dit is een map, geen bestand".to_owned(),
        _ => error.to_string(),
    }
}
