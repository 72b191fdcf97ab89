//! Reading and writing workbook files (RON), with limits and Dutch error messages.
//!
//! The GUI and the command line both load through [`read_workbook`], so `keuzekaart check`
//! reports exactly what the app would say about a file. Writing is atomic: a save that fails
//! halfway leaves the old file as it was.

use std::fmt;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::core::workbook::{FORMAT_VERSION, Workbook};

/// Files larger than this are refused before they are read: a workbook is a few tens of kilobytes.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// How deep RON data may nest before we refuse it (a workbook nests about six levels).
const MAX_NESTING: usize = 64;

/// Why a workbook could not be read. Its `Display` is a Dutch message for the user.
#[derive(Debug)]
pub enum LoadError {
    /// The file could not be opened or read.
    Io {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// Its size in bytes.
        bytes: u64,
    },
    /// The file is empty.
    Empty,
    /// The file is not text (binary data or not UTF-8).
    NotText,
    /// The file is text but not a valid workbook.
    Syntax {
        /// Line of the error, counted from 1.
        line: usize,
        /// Column of the error, counted from 1.
        column: usize,
        /// What is wrong, in Dutch.
        message: String,
        /// The offending line of the file, to show the user.
        source_line: String,
    },
    /// The file was written by a newer version of the app.
    NewerVersion {
        /// The version in the file.
        found: u32,
        /// The newest version this build reads.
        supported: u32,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Io { path, source } => {
                write!(
                    f,
                    "Het bestand {} kon niet worden gelezen: {}.",
                    path.display(),
                    io_reason(source)
                )
            }
            LoadError::TooLarge { bytes } => write!(
                f,
                "Het bestand is te groot ({} MB); een werkmap is hoogstens {} MB. Is dit wel een werkmap?",
                bytes / (1024 * 1024),
                MAX_FILE_BYTES / (1024 * 1024)
            ),
            LoadError::Empty => write!(f, "Het bestand is leeg; er staat geen werkmap in."),
            LoadError::NotText => {
                write!(
                    f,
                    "Het bestand is geen tekstbestand en dus geen werkmap (.ron)."
                )
            }
            LoadError::Syntax {
                line,
                column,
                message,
                source_line,
            } => {
                write!(f, "Fout in regel {line}, kolom {column}: {message}")?;
                if !source_line.is_empty() {
                    write!(f, "\n    {source_line}")?;
                }
                Ok(())
            }
            LoadError::NewerVersion { found, supported } => write!(
                f,
                "Dit bestand is gemaakt met een nieuwere versie van Keuzekaart (bestandsversie {found}); \
                 deze versie leest tot en met bestandsversie {supported}. Werk de app bij om het te openen."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

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

/// Reads and parses a workbook file, refusing large, binary and malformed files with a message.
/// The file is only read, never written.
pub fn read_workbook(path: &Path) -> Result<Workbook, LoadError> {
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    let file = std::fs::File::open(path).map_err(io)?;
    let bytes = file.metadata().map_err(io)?.len();
    if bytes > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes });
    }
    let mut data = Vec::with_capacity(bytes as usize);
    use std::io::Read;
    // Read at most one byte past the limit, in case the file grows while we read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(io)?;
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: data.len() as u64,
        });
    }
    parse_workbook_bytes(&data)
}

/// Parses a workbook from bytes (a file's content).
pub fn parse_workbook_bytes(data: &[u8]) -> Result<Workbook, LoadError> {
    if data.contains(&0) {
        return Err(LoadError::NotText);
    }
    let text = std::str::from_utf8(data).map_err(|_| LoadError::NotText)?;
    parse_workbook(text)
}

/// Parses a workbook from RON text.
pub fn parse_workbook(text: &str) -> Result<Workbook, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let options = ron::Options::default().with_recursion_limit(MAX_NESTING);

    /// Only the version, read first so a newer file is refused with the right message rather
    /// than with the first field this build does not know.
    #[derive(Deserialize)]
    struct VersionProbe {
        #[serde(default)]
        version: u32,
    }
    let probe: VersionProbe = options.from_str(text).map_err(|e| syntax_error(text, e))?;
    if probe.version > FORMAT_VERSION {
        return Err(LoadError::NewerVersion {
            found: probe.version,
            supported: FORMAT_VERSION,
        });
    }
    options.from_str(text).map_err(|e| syntax_error(text, e))
}

/// Writes a workbook as pretty RON: stable field order and one field a line, so two versions of a
/// file diff cleanly.
pub fn to_ron(workbook: &Workbook) -> String {
    let config = ron::ser::PrettyConfig::new()
        .depth_limit(8)
        .indentor("    ".to_owned())
        .struct_names(false)
        .separate_tuple_members(false)
        .enumerate_arrays(false);
    let mut text =
        ron::ser::to_string_pretty(workbook, config).expect("a workbook always serializes");
    text.push('\n');
    text
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
    let err = |source| SaveError {
        path: path.to_owned(),
        source,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".keuzekaart-")
        .suffix(".tmp")
        .tempfile_in(&dir)
        .map_err(err)?;
    temp.write_all(contents).map_err(err)?;
    temp.as_file().sync_all().map_err(err)?;
    temp.persist(path).map_err(|e| err(e.error))?;
    // Make the rename itself durable where the platform allows it.
    if let Ok(dir) = std::fs::File::open(&dir) {
        let _ = dir.sync_all();
    }
    Ok(())
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

fn syntax_error(text: &str, error: ron::error::SpannedError) -> LoadError {
    let position = error.span.start;
    let line = position.line.max(1);
    let source_line = text
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .trim_end()
        .chars()
        .take(200)
        .collect();
    LoadError::Syntax {
        line,
        column: position.col.max(1),
        message: dutch_message(&error.code),
        source_line,
    }
}

/// Translates RON's error codes into Dutch for the cases a person editing by hand runs into.
fn dutch_message(code: &ron::Error) -> String {
    use ron::Error as E;
    let outer = |outer: &Option<String>| match outer {
        Some(o) => format!(" (in {o})"),
        None => String::new(),
    };
    match code {
        E::Eof => "het bestand houdt te vroeg op; is het afgekapt?".to_owned(),
        E::ExpectedComma => "hier wordt een komma verwacht.".to_owned(),
        E::ExpectedString | E::ExpectedStringEnd => {
            "hier wordt tekst tussen aanhalingstekens verwacht.".to_owned()
        }
        E::ExpectedInteger => "hier wordt een geheel getal verwacht.".to_owned(),
        E::ExpectedArray | E::ExpectedArrayEnd => {
            "hier wordt een lijst [ ... ] verwacht.".to_owned()
        }
        E::ExpectedMap | E::ExpectedMapEnd | E::ExpectedMapColon => {
            "hier wordt een tabel { ... } verwacht.".to_owned()
        }
        E::ExpectedStructLike | E::ExpectedStructLikeEnd | E::ExpectedNamedStructLike(_) => {
            "hier wordt een blok ( ... ) verwacht.".to_owned()
        }
        E::TrailingCharacters => "na het einde van de werkmap staat nog tekst.".to_owned(),
        E::ExceededRecursionLimit => {
            "de gegevens zijn te diep genest; dit is geen werkmap.".to_owned()
        }
        E::UnexpectedChar(c) => format!("onverwacht teken '{c}'."),
        E::NoSuchStructField {
            found, outer: o, ..
        } => format!("onbekend veld '{found}'{}.", outer(o)),
        E::MissingStructField { field, outer: o } => {
            format!("het veld '{field}' ontbreekt{}.", outer(o))
        }
        E::DuplicateStructField { field, outer: o } => {
            format!("het veld '{field}' staat er twee keer{}.", outer(o))
        }
        E::NoSuchEnumVariant {
            found, expected, ..
        } => {
            format!(
                "onbekende waarde '{found}'; mogelijk is: {}.",
                expected.join(", ")
            )
        }
        E::InvalidValueForType { expected, found } => {
            format!("verwacht {expected}, maar gevonden: {found}.")
        }
        E::Message(m) => format!("ongeldige waarde: {m}."),
        other => format!("ongeldige werkmap ({other})."),
    }
}
