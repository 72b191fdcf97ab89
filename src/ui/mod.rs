//! The desktop app (eframe/egui). It depends on the core; the core never depends on it.

pub mod action;
mod admin;
mod admin_forms;
mod app;
mod capacity_view;
mod charts;
pub mod commands;
mod compare_view;
pub mod design_tokens;
mod dialogs;
mod drafting;
pub mod file_commands;
pub mod file_picker;
mod fill_dialog;
pub mod fonts;
mod import_dialog;
pub mod navigation;
mod options_bar;
mod overview;
mod painted;
pub mod path_requests;
mod pepper;
pub mod progress_view;
pub mod screens;
mod session_panel;
pub mod settings;
pub mod sign_dialog;
mod signoff_panel;
mod tab_pacing;
mod what_if_dialog;

pub use app::{Action, FileAction, KeuzekaartApp, Startup};

use std::path::PathBuf;
use std::process::ExitCode;

/// When the process started, for the start-up measurement (see `scripts/bench-startup.sh`).
static PROCESS_START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();

/// Records the moment the process started; `main` calls this first.
pub fn note_process_start() {
    PROCESS_START.get_or_init(std::time::Instant::now);
}

/// With `KEUZEKAART_EXIT_AFTER_FIRST_FRAME=1`, the app prints the time from process start to its
/// first frame and closes; the start-up benchmark uses it.
pub(crate) fn first_frame_probe() -> Option<std::time::Instant> {
    std::env::var_os("KEUZEKAART_EXIT_AFTER_FIRST_FRAME").filter(|v| v == "1")?;
    PROCESS_START.get().copied()
}

/// The app's id: the window's class (X11) and app id (Wayland), which the desktop entry
/// (`nl.werkbedrijf.Keuzekaart.desktop`) and the AppStream metainfo are named after, so the
/// desktop shows the entry's name and icon for the window.
pub const APP_ID: &str = "nl.werkbedrijf.Keuzekaart";

/// The pepper icon on the window and in the task bar (rendered from `assets/icon/keuzekaart.svg`
/// by `scripts/icons.sh`).
pub fn window_icon() -> Option<egui::IconData> {
    eframe::icon_data::from_png_bytes(include_bytes!("../../assets/icon/keuzekaart-256.png")).ok()
}

/// Opens the app window, on `file` if given, otherwise on the bundled 2021–2022 workbook.
pub fn run(file: Option<PathBuf>) -> ExitCode {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("Keuzekaart")
        .with_app_id(APP_ID)
        .with_inner_size([1366.0, 768.0])
        .with_min_inner_size([960.0, 600.0]);
    if let Some(icon) = window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persistence_path: crate::storage::paths::AppPaths::eframe_state_dir()
            .map(|dir| dir.join("app.ron")),
        // Said, not left to the default: eframe picks wgpu when both backends are compiled in,
        // as they are in a test build (the image snapshots render with wgpu), and the app that
        // the tests start must draw as the shipped one does.
        renderer: eframe::Renderer::Glow,
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

/// Puts the app in the middle of dragging the first pepper of `gemeente`'s tray, as if the user
/// had pressed on it and started to move. Used by the frame benchmark ("a pepper drag in
/// progress"); the drag goes through egui's own drag-and-drop state, exactly as a mouse drag does.
pub fn start_tray_drag(ctx: &egui::Context, gemeente: &str) {
    ctx.set_dragged_id(drafting::tray_token_id(0));
    egui::DragAndDrop::set_payload(
        ctx,
        drafting::PepperPayload {
            gemeente: gemeente.to_owned(),
            from: None,
        },
    );
}
