//! The host's logbook of a session: every admission, applied and refused edit, one JSON line
//! each, written and synced to disk before any seat hears of it.
//!
//! It is the session's recovery copy: a host that was killed starts again from the workbook the
//! session began with and replays the logbook through the same rules, so it knows every seat's
//! numbers and answers, and the seats rejoin with the same code as if nothing happened. A session
//! that was closed properly ends its logbook with [`Entry::Closed`] and is not resumed. A last
//! line cut off by the crash is left out; any other damage refuses the logbook, never guesses.

use std::io::{BufRead, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use super::protocol::SeatEdit;

/// One line of the logbook.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum Entry {
    /// The first line: the session's code and the workbook it began with, as RON text.
    Start {
        /// The logbook's format.
        version: u32,
        /// The join code.
        code: String,
        /// The workbook at the start of the session.
        workbook: String,
    },
    /// A seat was admitted for the first time.
    Joined {
        /// The seat's token.
        seat: String,
        /// Its gemeente.
        gemeente: String,
    },
    /// An edit the host applied.
    Applied {
        /// Its place in the session's order.
        order: u64,
        /// The seat it came from.
        seat: String,
        /// The seat's number for it.
        seq: u64,
        /// The edit.
        edit: SeatEdit,
    },
    /// An edit the host refused.
    Refused {
        /// The seat it came from.
        seat: String,
        /// The seat's number for it.
        seq: u64,
        /// The reason sent to the seat.
        reason: String,
    },
    /// The session was closed properly after `applied` edits.
    Closed {
        /// How many edits it applied.
        applied: u64,
    },
}

/// The logbook's format version.
pub const JOURNAL_VERSION: u32 = 1;

/// A logbook being written.
pub struct Journal {
    path: PathBuf,
    file: std::fs::File,
}

impl Journal {
    /// Starts a new logbook at `path` (replacing a closed one).
    pub fn create(path: &Path, start: &Entry) -> std::io::Result<Journal> {
        if let Some(folder) = path.parent()
            && !folder.as_os_str().is_empty()
        {
            std::fs::create_dir_all(folder)?;
        }
        let file = std::fs::File::create(path)?;
        let mut journal = Journal {
            path: path.to_owned(),
            file,
        };
        journal.write(start)?;
        Ok(journal)
    }

    /// Goes on writing an existing logbook after its last whole line.
    pub fn append(path: &Path, whole_bytes: u64) -> std::io::Result<Journal> {
        let file = std::fs::OpenOptions::new().write(true).open(path)?;
        // A line cut off by a crash is cut away, so the next entry starts on a line of its own.
        file.set_len(whole_bytes)?;
        let mut file = file;
        std::io::Seek::seek(&mut file, std::io::SeekFrom::End(0))?;
        Ok(Journal {
            path: path.to_owned(),
            file,
        })
    }

    /// Where the logbook is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Writes one entry and syncs it to disk before returning.
    pub fn write(&mut self, entry: &Entry) -> std::io::Result<()> {
        let mut line = serde_json::to_vec(entry).expect("entries always serialise");
        line.push(b'\n');
        self.file.write_all(&line)?;
        self.file.sync_data()
    }
}

/// A logbook as read back.
#[derive(Debug)]
pub struct Read {
    /// Its entries, the first being [`Entry::Start`].
    pub entries: Vec<Entry>,
    /// How many bytes of the file are whole lines (a cut-off last line is not).
    pub whole_bytes: u64,
}

/// Reads a logbook; an error in Dutch when it is not one (a cut-off last line is not an error).
pub fn read(path: &Path) -> Result<Read, String> {
    let file = std::fs::File::open(path)
        .map_err(|e| format!("{}: {}", path.display(), crate::storage::io_reason(&e)))?;
    let mut reader = std::io::BufReader::new(file);
    let mut entries = Vec::new();
    let mut whole_bytes = 0u64;
    let mut line = Vec::new();
    for number in 1.. {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|e| format!("{}: {e}", path.display()))?;
        if read == 0 {
            break;
        }
        if line.last() != Some(&b'\n') {
            break; // cut off by a crash
        }
        let entry: Entry = serde_json::from_slice(&line).map_err(|e| {
            format!(
                "{}, regel {number}: geen regel van een sessielogboek ({e}).",
                path.display()
            )
        })?;
        if (number == 1) != matches!(entry, Entry::Start { .. }) {
            return Err(format!(
                "{}, regel {number}: een sessielogboek begint met de start van de sessie, en alleen daarmee.",
                path.display()
            ));
        }
        entries.push(entry);
        whole_bytes += read as u64;
    }
    if entries.is_empty() {
        return Err(format!("{}: een leeg sessielogboek.", path.display()));
    }
    Ok(Read {
        entries,
        whole_bytes,
    })
}
