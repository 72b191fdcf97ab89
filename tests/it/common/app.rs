//! Drives the real Keuzekaart app headless with egui_kittest.
#![allow(dead_code)]

use egui::{Pos2, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use keuzekaart::core::Workbook;
use keuzekaart::ui::KeuzekaartApp;
use keuzekaart::ui::settings::Settings;

/// The real app in its test harness.
pub type App = Harness<'static, KeuzekaartApp>;

/// The app on the bundled workbook, showing `gemeente`, in a window of `size`.
pub fn harness_at(gemeente: &str, size: Vec2) -> Harness<'static, KeuzekaartApp> {
    harness_with(Workbook::bundled(), gemeente, size)
}

/// The app on a given workbook.
pub fn harness_with(
    workbook: Workbook,
    gemeente: &str,
    size: Vec2,
) -> Harness<'static, KeuzekaartApp> {
    let settings = Settings {
        gemeente: Some(gemeente.to_owned()),
        ..Settings::default()
    };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size(size)
        .build_eframe(move |cc| KeuzekaartApp::with_workbook(&cc.egui_ctx, workbook, settings));
    harness.run();
    harness
}

/// The app on the bundled workbook, in a window tall enough to show every card without scrolling.
pub fn harness(gemeente: &str) -> Harness<'static, KeuzekaartApp> {
    harness_at(gemeente, Vec2::new(1366.0, 2400.0))
}

/// Drags with the mouse from one point to another, as a person would.
pub fn drag(harness: &mut Harness<'static, KeuzekaartApp>, from: Pos2, to: Pos2) {
    drag_with(harness, from, to, |_| {});
}

/// As [`drag`], doing `halfway` (pressing a key, say) with the drag halfway to its target.
pub fn drag_with(
    harness: &mut Harness<'static, KeuzekaartApp>,
    from: Pos2,
    to: Pos2,
    halfway: impl FnOnce(&mut Harness<'static, KeuzekaartApp>),
) {
    harness.hover_at(from);
    harness.run();
    harness.drag_at(from);
    harness.run();
    let mid = from + (to - from) * 0.5;
    harness.hover_at(mid);
    harness.run();
    halfway(harness);
    harness.hover_at(to);
    harness.run();
    harness.drop_at(to);
    harness.run();
}

/// The centre of the widget with this exact accessible label.
pub fn centre_of(harness: &Harness<'static, KeuzekaartApp>, label: &str) -> Pos2 {
    match harness.query_by_label(label) {
        Some(node) => node.rect().center(),
        None => first_token(harness, label),
    }
}

/// The centre of the first token named `label` ("Rode peper in voorraad (1 van 8)").
fn first_token(harness: &Harness<'static, KeuzekaartApp>, label: &str) -> Pos2 {
    harness
        .query_all_by_label_contains(&format!("{label} ("))
        .next()
        .unwrap_or_else(|| panic!("no '{label}'"))
        .rect()
        .center()
}

/// How many widgets carry this label, exactly or as a numbered token: pepper tokens are named
/// "Rode peper in voorraad (3 van 8)", so each has a name of its own.
pub fn count(harness: &Harness<'static, KeuzekaartApp>, label: &str) -> usize {
    harness.query_all_by_label(label).count()
        + harness
            .query_all_by_label_contains(&format!("{label} ("))
            .count()
}

/// Peppers on an activity of a gemeente in the app's model.
pub fn peppers_on(
    harness: &Harness<'static, KeuzekaartApp>,
    gemeente: &str,
    activity: u32,
) -> rust_decimal::Decimal {
    harness
        .state()
        .model()
        .workbook()
        .plan(gemeente)
        .map(|p| p.peppers_on(activity))
        .unwrap_or_default()
}

/// Drags the first token with `token` as its label onto the widget labelled `target`.
pub fn drag_first(harness: &mut Harness<'static, KeuzekaartApp>, token: &str, target: &str) {
    let from = match harness.query_all_by_label(token).next() {
        Some(node) => node.rect().center(),
        None => first_token(harness, token),
    };
    let to = centre_of(harness, target);
    drag(harness, from, to);
}

/// The app as it starts for a user: its own folders below `home` (recent files, recovery copy),
/// the autosave interval given, and file dialogs answered by `picker` when one is given.
pub fn app_at_home(
    home: &std::path::Path,
    gemeente: &str,
    autosave: std::time::Duration,
    picker: Option<keuzekaart::ui::file_picker::ScriptedPicker>,
) -> Harness<'static, KeuzekaartApp> {
    app_at_home_on(home, None, gemeente, autosave, picker)
}

/// As [`app_at_home`], opened on `workbook` instead of the bundled one when given. Spreadsheets
/// are read as the shipped app reads them: by the app's binary in a process of its own.
pub fn app_at_home_on(
    home: &std::path::Path,
    workbook: Option<Workbook>,
    gemeente: &str,
    autosave: std::time::Duration,
    picker: Option<keuzekaart::ui::file_picker::ScriptedPicker>,
) -> Harness<'static, KeuzekaartApp> {
    let reader = std::path::PathBuf::from(env!("CARGO_BIN_EXE_keuzekaart"));
    app_with_sheet_reader(home, workbook, gemeente, autosave, picker, reader)
}

/// As [`app_at_home_on`], with `reader` as the program that reads spreadsheets.
pub fn app_with_sheet_reader(
    home: &std::path::Path,
    workbook: Option<Workbook>,
    gemeente: &str,
    autosave: std::time::Duration,
    picker: Option<keuzekaart::ui::file_picker::ScriptedPicker>,
    reader: std::path::PathBuf,
) -> Harness<'static, KeuzekaartApp> {
    let paths = keuzekaart::storage::paths::AppPaths::below(home);
    let settings = Settings {
        gemeente: Some(gemeente.to_owned()),
        ..Settings::default()
    };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size(Vec2::new(1366.0, 2400.0))
        .build_eframe(move |cc| {
            KeuzekaartApp::start(
                &cc.egui_ctx,
                keuzekaart::ui::Startup {
                    workbook,
                    settings,
                    paths: Some(paths),
                    autosave_interval: autosave,
                    picker: picker
                        .map(|p| Box::new(p) as Box<dyn keuzekaart::ui::file_picker::FilePicker>),
                    sheet_reader: Some(reader),
                    ..keuzekaart::ui::Startup::default()
                },
            )
        });
    harness.run();
    harness
}

/// Opens the Voortgang screen from the menu Beeld by its label (with its shortcut, as the
/// menu names it).
pub fn open_progress(h: &mut App) {
    h.get_by_label("Beeld").click();
    h.run();
    let shortcut = h.ctx.format_shortcut(&egui::KeyboardShortcut::new(
        egui::Modifiers::ALT,
        egui::Key::Num6,
    ));
    h.get_by_label(&format!("Voortgang {shortcut}")).click();
    h.run();
    h.run();
}

/// Replaces what the field `label` holds with `text` and presses Enter, as a user selects all,
/// types and confirms.
pub fn type_into(h: &mut App, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
    h.get_by_label(label).type_text(text);
    h.run();
    h.key_press(egui::Key::Enter);
    h.run();
    h.run();
}

/// Chooses *Bestand → Realisatie importeren…* by its labels with the file dialog answering `sheet`,
/// and lets the preview (or the error it ends in) draw.
pub fn import_from_menu(
    h: &mut App,
    picker: &keuzekaart::ui::file_picker::ScriptedPicker,
    sheet: &std::path::Path,
) {
    picker.answer_path(sheet);
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Realisatie importeren…").click();
    for _ in 0..3 {
        h.run();
    }
}
