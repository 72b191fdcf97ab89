//! Choosing a file: one seam between the app and the system's file dialog.
//!
//! The app asks a [`FilePicker`] for a path and gets one of three answers: a path, "cancelled"
//! (the user closed the dialog: not an error, nothing is said) or "failed" (no dialog could be
//! shown: a Linux desktop without a portal or zenity, a locked-down laptop). On a failure the app
//! offers its own path entry, so no command is ever silently lost. The app uses the native
//! dialog ([`NativePicker`], rfd); tests script the answers ([`ScriptedPicker`]) and click the real
//! menu items, so they run the app's own code from the menu to the file on disk.

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A file's name for messages ("concept.ron"), or the whole path when it has none.
pub(crate) fn display_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// What the app asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PickRequest {
    /// The dialog's title ("Bijlage exporteren").
    pub title: String,
    /// Whether a file is to be written (a save dialog) rather than read.
    pub save: bool,
    /// The kind of file, as the filter shows it ("PDF").
    pub kind: &'static str,
    /// Its extension without the dot ("pdf").
    pub extension: &'static str,
    /// The folder to start in (the last one used, or the workbook's).
    pub folder: Option<PathBuf>,
    /// The suggested file name for a save ("Bijlage DVO 2021-2022 concept.pdf").
    pub file_name: String,
}

impl PickRequest {
    /// The suggested path: the folder with the suggested name (or only the folder when reading).
    pub fn suggested_path(&self) -> String {
        let folder = self.folder.clone().unwrap_or_default();
        if self.save {
            folder.join(&self.file_name).display().to_string()
        } else {
            let mut text = folder.display().to_string();
            if !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
                text.push(std::path::MAIN_SEPARATOR);
            }
            text
        }
    }

    /// Adds the extension to a path typed or picked without one.
    pub fn with_extension(&self, path: PathBuf) -> PathBuf {
        if self.save && path.extension().is_none() {
            path.with_extension(self.extension)
        } else {
            path
        }
    }
}

/// The answer to a [`PickRequest`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Picked {
    /// The user chose this path.
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown; the reason in Dutch.
    Failed(String),
}

/// Something that can ask the user for a path.
pub trait FilePicker {
    /// Asks for a path; blocks until the user answered (native dialogs are modal).
    fn pick(&mut self, request: &PickRequest) -> Picked;
}

/// The system's file dialog, through rfd (the desktop portal or zenity on Linux, the common
/// dialogs on Windows, the panels on macOS).
#[derive(Debug, Default)]
pub struct NativePicker;

/// A dialog that answers faster than this was never on screen: no person closes a dialog
/// within a tenth of a second, but rfd returns at once when it cannot show one.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(100);

impl FilePicker for NativePicker {
    fn pick(&mut self, request: &PickRequest) -> Picked {
        let mut dialog = rfd::FileDialog::new()
            .add_filter(request.kind, &[request.extension])
            .set_title(&request.title);
        if let Some(folder) = request.folder.as_deref().filter(|f| f.is_dir()) {
            dialog = dialog.set_directory(folder);
        }
        let started = Instant::now();
        let answer = if request.save {
            dialog.set_file_name(&request.file_name).save_file()
        } else {
            dialog.pick_file()
        };
        match answer {
            Some(path) => Picked::Path(request.with_extension(path)),
            None if started.elapsed() < NO_DIALOG_WITHIN => {
                Picked::Failed(if cfg!(target_os = "linux") {
                    "dit systeem heeft geen bestandskiezer; daarvoor is xdg-desktop-portal of zenity nodig"
                    .to_owned()
                } else {
                    "het systeem toonde geen bestandskiezer".to_owned()
                })
            }
            None => Picked::Cancelled,
        }
    }
}

/// Answers given in advance, for tests: each pick takes the next answer (cancelled when none is
/// left) and records the request, so a test can check the suggested name and folder.
#[derive(Clone, Debug, Default)]
pub struct ScriptedPicker {
    answers: Arc<Mutex<VecDeque<Picked>>>,
    requests: Arc<Mutex<Vec<PickRequest>>>,
}

impl ScriptedPicker {
    /// A picker with no answers yet; clones share the answers and the record.
    pub fn new() -> Self {
        Self::default()
    }

    /// Queues the answer to a later pick.
    pub fn answer(&self, picked: Picked) {
        self.answers.lock().expect("not poisoned").push_back(picked);
    }

    /// Queues a path as the answer to a later pick.
    pub fn answer_path(&self, path: &Path) {
        self.answer(Picked::Path(path.to_owned()));
    }

    /// Every request so far, oldest first.
    pub fn requests(&self) -> Vec<PickRequest> {
        self.requests.lock().expect("not poisoned").clone()
    }
}

impl FilePicker for ScriptedPicker {
    fn pick(&mut self, request: &PickRequest) -> Picked {
        self.requests
            .lock()
            .expect("not poisoned")
            .push(request.clone());
        self.answers
            .lock()
            .expect("not poisoned")
            .pop_front()
            .map(|answer| match answer {
                Picked::Path(path) => Picked::Path(request.with_extension(path)),
                other => other,
            })
            .unwrap_or(Picked::Cancelled)
    }
}
