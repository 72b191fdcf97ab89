//! What the app remembers between runs (eframe's storage), as opposed to user documents, which
//! are separate RON files.

use serde::{Deserialize, Serialize};

pub use super::screens::View;

/// The app's remembered state. Every field has a default, so an older or damaged state never
/// stops the app from starting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The gemeente last shown.
    pub gemeente: Option<String>,
    /// The screen last shown.
    pub view: View,
    /// The UI zoom factor.
    pub zoom: f32,
    /// The user's name, written into files they save.
    pub author: String,
    /// How the columns of the last realisation import were mapped, by heading.
    pub import_mapping: Option<crate::spreadsheet::RememberedMapping>,
    /// The certificate file last signed with (never its password).
    pub certificate: Option<std::path::PathBuf>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            gemeente: None,
            view: View::Drafting,
            zoom: 1.0,
            author: String::new(),
            import_mapping: None,
            certificate: None,
        }
    }
}

impl Settings {
    /// The key under which eframe stores the settings.
    pub const STORAGE_KEY: &'static str = "keuzekaart-settings";
}
