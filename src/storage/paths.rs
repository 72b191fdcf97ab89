//! Where the app keeps its own files: recent files in the user's config folder, the recovery copy
//! in the user's data folder (through `directories`, so each platform's usual place is used).

use std::path::{Path, PathBuf};

/// Setting this environment variable to a folder keeps all of the app's own files below it
/// (used by tests, screenshots and portable installs).
pub const HOME_OVERRIDE: &str = "KEUZEKAART_HOME";

/// The app's own folders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AppPaths {
    /// Settings that belong to the user (recent files).
    pub config_dir: PathBuf,
    /// Data the app writes for itself (the recovery copy).
    pub data_dir: PathBuf,
}

impl AppPaths {
    /// The platform's folders for Keuzekaart, or those below `$KEUZEKAART_HOME` when set.
    pub fn from_env() -> Option<AppPaths> {
        if let Some(home) = std::env::var_os(HOME_OVERRIDE).filter(|h| !h.is_empty()) {
            return Some(AppPaths::below(Path::new(&home)));
        }
        let dirs =
            directories::ProjectDirs::from("nl", "WerkBedrijf Rijk van Nijmegen", "Keuzekaart")?;
        Some(AppPaths {
            config_dir: dirs.config_dir().to_owned(),
            data_dir: dirs.data_dir().to_owned(),
        })
    }

    /// Folders below one root folder.
    pub fn below(root: &Path) -> AppPaths {
        AppPaths {
            config_dir: root.join("config"),
            data_dir: root.join("data"),
        }
    }

    /// Where eframe keeps the window's state (size, view, gemeente, zoom): beside the recovery
    /// copy in the app's data folder, below `$KEUZEKAART_HOME` when set, so one instance's state
    /// never leaks into another's. Always ours, never eframe's default, which is named after the
    /// window's app id and so moved when that id changed (the Windows smoke test found it in
    /// `%APPDATA%\nl.werkbedrijf.Keuzekaart`, apart from everything else of the app).
    pub fn eframe_state_dir() -> Option<PathBuf> {
        AppPaths::from_env().map(|paths| paths.data_dir.join("venster"))
    }

    /// The recovery copy of unsaved work.
    pub fn recovery_file(&self) -> PathBuf {
        self.data_dir.join("herstel.ron")
    }

    /// The list of recently opened files.
    pub fn recent_file(&self) -> PathBuf {
        self.config_dir.join("recente-bestanden.ron")
    }

    /// Reads the recent files list (empty when missing or unreadable: it is a convenience).
    pub fn read_recent(&self) -> Vec<PathBuf> {
        super::read_text(&self.recent_file())
            .ok()
            .and_then(|text| super::parse_ron::<Vec<PathBuf>>(&text).ok())
            .unwrap_or_default()
    }

    /// Writes the recent files list.
    pub fn write_recent(&self, files: &[PathBuf]) -> Result<(), super::SaveError> {
        std::fs::create_dir_all(&self.config_dir).map_err(|source| super::SaveError {
            path: self.config_dir.clone(),
            source,
            existed: false,
        })?;
        super::write_atomic(&self.recent_file(), super::to_ron_pretty(&files).as_bytes())
    }
}

/// How many recent files the File menu lists.
pub const MAX_RECENT: usize = 8;

/// Puts `file` first in the recent list, without duplicates, keeping at most [`MAX_RECENT`].
pub fn remember(recent: &mut Vec<PathBuf>, file: &Path) {
    let file = std::fs::canonicalize(file).unwrap_or_else(|_| file.to_owned());
    recent.retain(|f| f != &file);
    recent.insert(0, file);
    recent.truncate(MAX_RECENT);
}

/// This computer's name, for the realisation's history: a figure's line says on which laptop it
/// was changed, beside the name set in Instellingen. Empty when the system gives none that is
/// text; cut to the length every name in a workbook keeps to.
pub fn machine_name() -> String {
    let name = gethostname::gethostname();
    let name = name.to_str().unwrap_or("").trim();
    let name: String = name
        .chars()
        .filter(|c| !c.is_control())
        .take(crate::core::limits::MAX_NAME_CHARS)
        .collect();
    // A name the file's own check would refuse (a bidi control, say) is left out rather than
    // written into a workbook that then would not load.
    match crate::core::limits::check_text(&name, crate::core::limits::MAX_NAME_CHARS, "") {
        Ok(()) => name,
        Err(_) => String::new(),
    }
}
