//! Who has a workbook open: a small lock file next to it, as office suites keep one
//! (`.~lock.concept.ron#`), so a second official opening the same file on a shared folder is told
//! who has it and can open it read-only instead of overwriting the other's work.
//!
//! The lock is advisory: it never stops a program from reading or writing the workbook. It holds
//! one line, `user,machine,process,since`. A lock left behind by a crash is recognised when it
//! names this machine and a process that no longer runs; a lock from another machine cannot be
//! checked from here, so the user is told its age and may decide.

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use chrono::{NaiveDateTime, Timelike};

/// What a lock file says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockOwner {
    /// The user name of whoever opened the workbook.
    pub user: String,
    /// The machine it was opened on.
    pub machine: String,
    /// The process that holds it.
    pub process: u32,
    /// When it was opened.
    pub since: Option<NaiveDateTime>,
}

impl LockOwner {
    /// This process, as it writes itself into a lock.
    pub fn this_process() -> LockOwner {
        let now = chrono::Local::now().naive_local();
        LockOwner {
            user: user_name(),
            machine: machine_name(),
            process: std::process::id(),
            since: Some(now.with_nanosecond(0).unwrap_or(now)),
        }
    }

    fn line(&self) -> String {
        let clean = |s: &str| s.replace([',', '\n', '\r'], " ");
        format!(
            "{},{},{},{}\n",
            clean(&self.user),
            clean(&self.machine),
            self.process,
            self.since
                .map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string())
                .unwrap_or_default()
        )
    }

    fn parse(text: &str) -> Option<LockOwner> {
        let mut parts = text.lines().next()?.splitn(4, ',');
        let user = parts.next()?.trim().to_owned();
        let machine = parts.next()?.trim().to_owned();
        let process = parts.next()?.trim().parse().ok()?;
        let since = parts
            .next()
            .and_then(|t| NaiveDateTime::parse_from_str(t.trim(), "%Y-%m-%dT%H:%M:%S").ok());
        Some(LockOwner {
            user,
            machine,
            process,
            since,
        })
    }

    /// "Anne de Vries op PC-0412 (sinds 23-11-2026 10:14)".
    pub fn describe(&self) -> String {
        let user = if self.user.is_empty() {
            "iemand"
        } else {
            &self.user
        };
        let mut text = format!("{user} op {}", self.machine);
        if let Some(since) = self.since {
            text.push_str(&format!(" (sinds {})", since.format("%d-%m-%Y %H:%M")));
        }
        text
    }

    fn is_this_process(&self) -> bool {
        self.machine == machine_name() && self.process == std::process::id()
    }

    /// Whether the lock was left behind: it names this machine and a process that has ended.
    fn is_stale(&self) -> bool {
        self.machine == machine_name() && !process_runs(self.process)
    }
}

/// Whether a workbook is free to open for editing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LockState {
    /// Nobody has it open (or only this app).
    Free,
    /// Another instance has it open.
    Held(LockOwner),
    /// A lock was left behind by an instance on this machine that no longer runs.
    Stale(LockOwner),
}

/// The lock file of a workbook: `.~lock.NAME#` in the same folder.
pub fn lock_path(workbook: &Path) -> PathBuf {
    let name = workbook
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    workbook.with_file_name(format!(".~lock.{name}#"))
}

/// Who, if anyone, has the workbook open.
pub fn inspect(workbook: &Path) -> LockState {
    let Ok(text) = std::fs::read_to_string(lock_path(workbook)) else {
        return LockState::Free;
    };
    match LockOwner::parse(&text) {
        None => LockState::Free,
        Some(owner) if owner.is_this_process() => LockState::Free,
        Some(owner) if owner.is_stale() => LockState::Stale(owner),
        Some(owner) => LockState::Held(owner),
    }
}

/// A lock this app holds; removed when dropped (the workbook closed, another opened, the app
/// ended) or, after a panic, by the panic hook ([`remove_held_locks_on_panic`]). A crash the
/// process cannot see (killed, power cut) leaves it behind, and the next start recognises it as
/// stale.
#[derive(Debug)]
pub struct Lock {
    path: PathBuf,
}

/// The lock files this process holds now, for the panic hook: the shipped app aborts on a panic
/// (Cargo.toml, profile.release), so no `Drop` runs then.
static HELD: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn held() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    // A panic while the list was locked leaves it as it was: still the right list.
    HELD.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl Lock {
    /// Takes the lock of a workbook (over a stale one or one the user chose to ignore). Fails
    /// where the folder cannot be written; the workbook can then not be saved there either.
    pub fn take(workbook: &Path) -> std::io::Result<Lock> {
        let path = lock_path(workbook);
        std::fs::write(&path, LockOwner::this_process().line())?;
        held().push(path.clone());
        Ok(Lock { path })
    }

    /// The lock file.
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let mut held = held();
        if let Some(place) = held.iter().position(|p| *p == self.path) {
            held.swap_remove(place);
        }
        // The file is read and removed without holding the list, which the panic hook needs.
        drop(held);
        remove_if_ours(&self.path);
    }
}

/// Removes a lock file if it still names this process: someone may have taken it over since.
fn remove_if_ours(path: &Path) {
    let ours = std::fs::read_to_string(path)
        .ok()
        .and_then(|text| LockOwner::parse(&text))
        .is_some_and(|owner| owner.is_this_process());
    if ours {
        let _ = std::fs::remove_file(path);
    }
}

/// Installs a panic hook that, after the usual message, removes the lock files this process
/// holds, so a colleague is not told the workbook is open by an app that is gone. The shipped
/// app aborts on a panic and runs no `Drop`; the recovery copy of unsaved work stays on disk for
/// the next start, as after any crash.
pub fn remove_held_locks_on_panic() {
    let message = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        message(info);
        // try_lock: a panic inside Lock::take or Drop holds the list; leave the files then
        // (the next start sees them as stale) rather than wait forever.
        let held = match HELD.try_lock() {
            Ok(held) => held,
            Err(std::sync::TryLockError::Poisoned(poisoned)) => poisoned.into_inner(),
            Err(std::sync::TryLockError::WouldBlock) => return,
        };
        for path in held.iter() {
            remove_if_ours(path);
        }
    }));
}

fn user_name() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|key| std::env::var(key).ok().filter(|v| !v.is_empty()))
        .unwrap_or_default()
}

fn machine_name() -> String {
    if let Ok(name) = std::env::var("COMPUTERNAME")
        && !name.is_empty()
    {
        return name;
    }
    std::fs::read_to_string("/proc/sys/kernel/hostname")
        .or_else(|_| std::fs::read_to_string("/etc/hostname"))
        .map(|s| s.trim().to_owned())
        .ok()
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "deze computer".to_owned())
}

/// Whether a process runs on this machine. Where that cannot be told (no /proc), it is assumed
/// to run, so a lock is never taken away from a living instance.
fn process_runs(process: u32) -> bool {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return true;
    }
    proc.join(process.to_string()).exists()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_says_who_and_is_gone_when_dropped() {
        let dir = tempfile::tempdir().unwrap();
        let workbook = dir.path().join("concept.ron");
        assert_eq!(inspect(&workbook), LockState::Free);
        let lock = Lock::take(&workbook).unwrap();
        assert!(lock.path().ends_with(".~lock.concept.ron#"));
        // Our own lock does not stop us.
        assert_eq!(inspect(&workbook), LockState::Free);
        drop(lock);
        assert!(!lock_path(&workbook).exists());
    }

    #[test]
    fn another_machine_holds_and_a_dead_process_here_is_stale() {
        let dir = tempfile::tempdir().unwrap();
        let workbook = dir.path().join("concept.ron");
        std::fs::write(
            lock_path(&workbook),
            "Anne,PC-0412,4242,2026-11-23T10:14:00\n",
        )
        .unwrap();
        let LockState::Held(owner) = inspect(&workbook) else {
            panic!("a lock from another machine holds");
        };
        assert_eq!(owner.describe(), "Anne op PC-0412 (sinds 23-11-2026 10:14)");
        std::fs::write(
            lock_path(&workbook),
            format!(
                "Anne,{},{},2026-11-23T10:14:00\n",
                machine_name(),
                u32::MAX - 1
            ),
        )
        .unwrap();
        assert!(matches!(inspect(&workbook), LockState::Stale(_)));
    }
}
