//! Autosave and recovery: while there are unsaved changes, a copy of the workbook is written to the
//! app's data folder at most every 30 seconds, on a background thread, so a crash costs at most the
//! last half minute of work. The next start offers to restore it.
//!
//! The autosaver reads no clock of its own: the caller says what time it is (the app passes egui's
//! frame time), so tests move time forward instead of waiting for it.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Sender, channel};
use std::time::Duration;

use chrono::NaiveDateTime;
use serde::{Deserialize, Serialize};

use super::{LoadError, parse_ron, read_text, to_ron_pretty, write_atomic};
use crate::core::Workbook;

/// The longest time unsaved work goes without a recovery copy.
pub const AUTOSAVE_INTERVAL: Duration = Duration::from_secs(30);

/// The recovery copy as written to disk.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecoveryCopy {
    /// When the copy was written (local time), shown in the restore question.
    pub written: NaiveDateTime,
    /// The file the work belonged to, if it had one.
    #[serde(default)]
    pub file: Option<PathBuf>,
    /// The unsaved workbook.
    pub workbook: Workbook,
}

/// Reads a recovery copy, if there is one.
pub fn read_recovery(path: &Path) -> Option<Result<RecoveryCopy, LoadError>> {
    if !path.exists() {
        return None;
    }
    Some(read_text(path).and_then(|text| parse_ron(&text)))
}

enum Job {
    Write(Box<RecoveryCopy>),
    /// Remove the copy, then say so (after any write queued before it).
    Remove(Sender<()>),
    /// Say when every job queued before this one is done.
    Flush(Sender<()>),
}

/// Writes recovery copies on a background thread, never more often than its interval.
pub struct Autosaver {
    path: PathBuf,
    interval: Duration,
    jobs: Sender<Job>,
    /// When the last copy was handed to the writer; `None` until the first, which is written as
    /// soon as there is unsaved work.
    last_write: Option<Duration>,
    written_generation: Option<u64>,
}

impl Autosaver {
    /// Starts the background writer for the recovery file at `path`.
    pub fn new(path: PathBuf, interval: Duration) -> Autosaver {
        let (jobs, receiver) = channel::<Job>();
        let target = path.clone();
        std::thread::Builder::new()
            .name("keuzekaart-herstel".into())
            .spawn(move || {
                for job in receiver {
                    match job {
                        Job::Write(copy) => {
                            if let Some(dir) = target.parent() {
                                let _ = std::fs::create_dir_all(dir);
                            }
                            // A failed recovery write is retried at the next interval; the
                            // user's own file is never touched from here.
                            let _ = write_atomic(&target, to_ron_pretty(&*copy).as_bytes());
                        }
                        Job::Remove(done) => {
                            let _ = std::fs::remove_file(&target);
                            let _ = done.send(());
                        }
                        Job::Flush(done) => {
                            let _ = done.send(());
                        }
                    }
                }
            })
            .expect("the autosave thread starts");
        Autosaver {
            path,
            interval,
            jobs,
            last_write: None,
            written_generation: None,
        }
    }

    /// The recovery file this autosaver writes.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Called every frame with the time now (from any clock that does not go back): when the
    /// workbook has unsaved changes that are not in the recovery copy yet and the interval since
    /// the last copy has passed, hands a copy to the background thread. Returns how long until
    /// the next check is needed, if one is.
    pub fn tick(
        &mut self,
        now: Duration,
        dirty: bool,
        generation: u64,
        make_copy: impl FnOnce() -> RecoveryCopy,
    ) -> Option<Duration> {
        if !dirty || self.written_generation == Some(generation) {
            return None;
        }
        if let Some(last) = self.last_write {
            let since = now.saturating_sub(last);
            if since < self.interval {
                return Some(self.interval - since);
            }
        }
        let _ = self.jobs.send(Job::Write(Box::new(make_copy())));
        self.last_write = Some(now);
        self.written_generation = Some(generation);
        None
    }

    /// Waits until every copy handed to the writer so far is on disk (or failed), so a caller
    /// can rely on the file without polling for it.
    pub fn flush(&self) {
        let (done, wait) = channel();
        if self.jobs.send(Job::Flush(done)).is_ok() {
            let _ = wait.recv();
        }
    }

    /// Removes the recovery copy: the work was saved, discarded, or the app closed cleanly.
    /// Waits (briefly) until it is gone, so a quit right after cannot leave it behind.
    pub fn discard(&mut self) {
        self.written_generation = None;
        self.last_write = None;
        let (done, wait) = channel();
        if self.jobs.send(Job::Remove(done)).is_ok() {
            let _ = wait.recv_timeout(Duration::from_secs(2));
        }
    }
}
