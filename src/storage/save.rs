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

/// SHA-256 (lowercase hex) of the workbook exactly as [`to_ron`] writes it: for a file the app
/// saved, what `sha256sum` prints for it. The annex prints it on every page and `verify` prints
/// it, so paper and file can be matched without trusting either.
pub fn content_fingerprint(workbook: &Workbook) -> String {
    use sha2::{Digest, Sha256};
    format!("{:x}", Sha256::digest(to_ron(workbook).as_bytes()))
}

/// Whether the file at `path` holds exactly the bytes the app would write for `workbook`, so
/// that `sha256sum` of the file gives its [`content_fingerprint`]. Not so for a file edited by
/// hand, written by an older version (migrated on load), or changed since it was read.
pub fn file_matches(workbook: &Workbook, path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|bytes| bytes == to_ron(workbook).as_bytes())
}

/// Why a save failed. Its `Display` is a Dutch message; the old file is untouched in every case.
#[derive(Debug)]
pub struct SaveError {
    /// The file that was being written.
    pub path: PathBuf,
    /// What the system said.
    pub source: std::io::Error,
    /// Whether a file was there before, so the message says it is unchanged only when it was.
    pub existed: bool,
}

impl fmt::Display for SaveError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "Opslaan in {} is mislukt: {}.",
            self.path.display(),
            io_reason(&self.source)
        )?;
        if self.existed {
            write!(f, " Het bestaande bestand is niet veranderd.")
        } else {
            write!(f, " Er is geen bestand gemaakt.")
        }
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
    write_atomic_like(path, contents, path, before_rename)
}

/// [`write_atomic_with`], giving the new file the permissions (and, where allowed, the owner) of
/// `like` when that file exists — the file itself on a save, the workbook for its `.bak` — so
/// colleagues on a shared drive keep their access. A new file gets the usual permissions for the
/// user's umask (0644 for 022), not the 0600 of a temporary file.
fn write_atomic_like(
    path: &Path,
    contents: &[u8],
    like: &Path,
    before_rename: impl FnOnce() -> std::io::Result<()>,
) -> Result<(), SaveError> {
    let existed = path.exists();
    let err = |source| SaveError {
        path: path.to_owned(),
        source,
        existed,
    };
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_owned(),
        _ => PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".keuzekaart-").suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Subject to the umask, like any file a program creates.
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    // The temporary file is removed when dropped, so a failed save leaves nothing behind.
    let mut temp = builder.tempfile_in(&dir).map_err(err)?;
    if let Ok(original) = std::fs::metadata(like) {
        temp.as_file()
            .set_permissions(original.permissions())
            .map_err(err)?;
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            // Only root may give a file away; for others this fails and the file stays theirs.
            let _ = std::os::unix::fs::fchown(
                temp.as_file(),
                Some(original.uid()),
                Some(original.gid()),
            );
        }
    }
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
    save_workbook_checked(path, workbook, None)
        .map(|_| ())
        .map_err(|failure| match failure {
            SaveFailure::Io(e) => e,
            SaveFailure::ChangedOnDisk { .. } => unreachable!("nothing was expected"),
        })
}

/// What a file's content was when this app last read or wrote it, to notice that someone else
/// saved over it since (two officials with the same workbook on a shared folder).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileStamp([u8; 32]);

impl FileStamp {
    /// The stamp of some content (SHA-256).
    pub fn of(bytes: &[u8]) -> FileStamp {
        use sha2::Digest;
        FileStamp(sha2::Sha256::digest(bytes).into())
    }
}

/// Why a checked save did not happen.
#[derive(Debug)]
pub enum SaveFailure {
    /// Writing failed; nothing changed on disk.
    Io(SaveError),
    /// The file changed on disk since it was opened or saved here; nothing was written.
    ChangedOnDisk {
        /// The file.
        path: PathBuf,
    },
}

impl fmt::Display for SaveFailure {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SaveFailure::Io(e) => e.fmt(f),
            SaveFailure::ChangedOnDisk { path } => write!(
                f,
                "{} is veranderd sinds u het opende, waarschijnlijk door iemand anders. \
                 Er is niets opgeslagen, zodat geen van beide versies verloren gaat.",
                path.display()
            ),
        }
    }
}

impl std::error::Error for SaveFailure {}

/// [`save_workbook`], refusing when the file on disk is no longer what `expected` says (someone
/// saved over it since). Returns the stamp of what is on disk now.
pub fn save_workbook_checked(
    path: &Path,
    workbook: &Workbook,
    expected: Option<&FileStamp>,
) -> Result<FileStamp, SaveFailure> {
    let text = to_ron(workbook);
    // A file that is not there (new, or moved away since it was opened: writing it anew loses
    // nothing) or cannot be read (then writing fails too, with the reason) has nothing to keep.
    if let Ok(previous) = std::fs::read(path) {
        if let Some(expected) = expected
            && FileStamp::of(&previous) != *expected
        {
            return Err(SaveFailure::ChangedOnDisk {
                path: path.to_owned(),
            });
        }
        if previous == text.as_bytes() {
            return Ok(FileStamp::of(&previous));
        }
        // A failed backup is reported as a failed save of the workbook itself, which is then
        // untouched.
        write_atomic_like(&backup_path(path), &previous, path, || Ok(())).map_err(|e| {
            SaveFailure::Io(SaveError {
                path: path.to_owned(),
                source: e.source,
                existed: true,
            })
        })?;
    }
    write_atomic(path, text.as_bytes()).map_err(SaveFailure::Io)?;
    Ok(FileStamp::of(text.as_bytes()))
}

/// Writes a workbook to a new file, refusing to overwrite an existing one unless `force`.
pub fn write_new_workbook(path: &Path, workbook: &Workbook, force: bool) -> Result<(), SaveError> {
    if !force && path.exists() {
        return Err(SaveError {
            path: path.to_owned(),
            source: std::io::Error::new(std::io::ErrorKind::AlreadyExists, "exists"),
            existed: true,
        });
    }
    write_atomic(path, to_ron(workbook).as_bytes())
}
