//! The desktop app (eframe/egui). It depends on the core; the core never depends on it.

mod app;
mod charts;
pub mod commands;
pub mod design_tokens;
mod dialogs;
mod drafting;
mod overview;
mod pepper;
pub mod settings;
mod signoff_panel;

pub use app::{Action, FileAction, KeuzekaartApp, Startup};

use std::path::PathBuf;
use std::process::ExitCode;

/// Opens the app window, on `file` if given, otherwise on the bundled 2021–2022 workbook.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("Keuzekaart")
            .with_app_id("keuzekaart")
            .with_inner_size([1366.0, 768.0])
            .with_min_inner_size([960.0, 600.0]),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Keuzekaart",
        options,
        Box::new(move |cc| Ok(Box::new(KeuzekaartApp::new(cc, file)))),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("Keuzekaart kon geen venster openen: {e}");
            ExitCode::from(2)
        }
    }
}
