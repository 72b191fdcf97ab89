//! Reading workbook files: size and binary checks, version probing and migration, and RON
//! errors translated into Dutch with line and column.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde::de::DeserializeOwned;

use super::io_reason;
use super::migrate;
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
    /// A number or text in the file is outside the range the app works with.
    OutOfRange(crate::core::limits::OutOfRange),
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
            LoadError::OutOfRange(problem) => write!(f, "Ongeldige waarde bij {problem}"),
            LoadError::NewerVersion { found, supported } => write!(
                f,
                "Dit bestand is gemaakt met een nieuwere versie van Keuzekaart (bestandsversie {found}); \
                 deze versie leest tot en met bestandsversie {supported}. Werk de app bij om het te openen."
            ),
        }
    }
}

impl std::error::Error for LoadError {}

/// Reads a file as text for parsing, refusing files over [`MAX_FILE_BYTES`] before reading them
/// and binary or non-UTF-8 content after. The file is only read, never written.
pub fn read_text(path: &Path) -> Result<String, LoadError> {
    use std::io::Read;
    let io = |source| LoadError::Io {
        path: path.to_owned(),
        source,
    };
    // A pipe or device would make the open below wait (or read forever): refused first.
    super::check_input(path).map_err(|refusal| {
        io(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            refusal.to_string(),
        ))
    })?;
    let file = std::fs::File::open(path).map_err(io)?;
    let metadata = file.metadata().map_err(io)?;
    if metadata.is_dir() {
        return Err(io(std::io::Error::new(
            std::io::ErrorKind::IsADirectory,
            "directory",
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: metadata.len(),
        });
    }
    let mut data = Vec::with_capacity(metadata.len() as usize);
    // Read at most one byte past the limit, in case the file grows while we read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut data)
        .map_err(io)?;
    if data.len() as u64 > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge {
            bytes: data.len() as u64,
        });
    }
    bytes_to_text(data)
}

fn bytes_to_text(data: Vec<u8>) -> Result<String, LoadError> {
    if data.contains(&0) {
        return Err(LoadError::NotText);
    }
    String::from_utf8(data).map_err(|_| LoadError::NotText)
}

/// Reads and parses a workbook file, migrating older file versions. The file is only read.
pub fn read_workbook(path: &Path) -> Result<Workbook, LoadError> {
    parse_workbook(&read_text(path)?)
}

/// [`read_workbook`], with the stamp of the content as read, so a later save can tell whether
/// someone else saved over the file in between.
pub fn read_workbook_stamped(path: &Path) -> Result<(Workbook, super::FileStamp), LoadError> {
    let text = read_text(path)?;
    let stamp = super::FileStamp::of(text.as_bytes());
    Ok((parse_workbook(&text)?, stamp))
}

/// Parses a workbook from bytes (a file's content).
pub fn parse_workbook_bytes(data: &[u8]) -> Result<Workbook, LoadError> {
    parse_workbook(&bytes_to_text(data.to_vec())?)
}

/// Parses any of our RON documents with the nesting limit and Dutch, positioned errors.
pub fn parse_ron<T: DeserializeOwned>(text: &str) -> Result<T, LoadError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    ron::Options::default()
        .with_recursion_limit(MAX_NESTING)
        .from_str(text)
        .map_err(|e| syntax_error(text, e))
}

/// Parses a workbook from RON text: reads the version first, so a newer file is refused with the
/// right message and an older one is migrated, rather than failing on the first unknown field.
pub fn parse_workbook(text: &str) -> Result<Workbook, LoadError> {
    #[derive(Deserialize)]
    struct VersionProbe {
        #[serde(default)]
        version: u32,
    }
    let probe: VersionProbe = parse_ron(text)?;
    let workbook = match probe.version {
        0 => parse_ron::<migrate::WorkbookV0>(text).map(migrate::from_v0),
        1 => parse_ron::<Workbook>(text).map(migrate::from_v1),
        2 => parse_ron::<Workbook>(text).map(migrate::from_v2),
        3 => parse_ron::<Workbook>(text).map(migrate::from_v3),
        FORMAT_VERSION => parse_ron(text),
        found => Err(LoadError::NewerVersion {
            found,
            supported: FORMAT_VERSION,
        }),
    }?;
    // Most values were checked as they were read (with line and column); this catches the rest
    // (counts, map values, migrated old files).
    crate::core::range_check::check_workbook(&workbook).map_err(LoadError::OutOfRange)?;
    crate::core::progress_edit::check_realisation(&workbook).map_err(LoadError::OutOfRange)?;
    Ok(workbook)
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
    // An error at the very end of the text means the file stops too early (cut off in a mail or
    // a full disk), whatever RON expected there.
    let at_end = line >= text.trim_end().lines().count();
    let message = match &error.code {
        ron::Error::ExceededRecursionLimit => dutch_message(&error.code),
        code if at_end => format!(
            "het bestand houdt te vroeg op; is het afgekapt? ({})",
            dutch_message(code)
        ),
        code => dutch_message(code),
    };
    LoadError::Syntax {
        line,
        column: position.col.max(1),
        message,
        source_line,
    }
}

/// Names the kinds of value serde reports in words a person editing the file recognises.
fn dutch_kind(kind: &str) -> String {
    if kind.contains("Decimal") {
        return "een getal, zoals \"3\" of \"1.5\"".to_owned();
    }
    if let Some(rest) = kind.strip_prefix("the string ") {
        return format!("de tekst {rest}");
    }
    match kind {
        "a string" => "tekst tussen aanhalingstekens".to_owned(),
        "u32" | "usize" | "an integer" => "een geheel getal".to_owned(),
        "a boolean" => "true of false".to_owned(),
        other => other.to_owned(),
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
            format!(
                "verwacht {}, maar hier staat {}.",
                dutch_kind(expected),
                dutch_kind(found)
            )
        }
        E::Message(m) => format!("ongeldige waarde: {m}."),
        other => format!("ongeldige werkmap ({other})."),
    }
}
