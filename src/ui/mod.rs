//! The desktop app (eframe/egui).

/// Opens the app window (placeholder until the drafting screen lands).
pub fn run(_file: Option<std::path::PathBuf>) -> std::process::ExitCode {
    eprintln!("De app is er nog niet.");
    std::process::ExitCode::from(2)
}
