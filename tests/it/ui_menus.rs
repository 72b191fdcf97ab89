//! Every command in a menu, every file dialog answered: the tests click the menu items
//! by their labels and answer the file dialog through a scripted picker, so the app's own code
//! runs from the menu to the file on disk. A picker that reports failure brings up the app's own
//! path entry.

use std::path::Path;
use std::process::Command;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use keuzekaart::storage;
use keuzekaart::ui::commands::{Menu, UiCommand};
use keuzekaart::ui::file_commands::FileCommand;
use keuzekaart::ui::file_picker::{Picked, ScriptedPicker};

use keuzekaart::ui::KeuzekaartApp;

use crate::common::filled_workbook;

/// A fresh app (its own folders below `home`) whose file dialogs are answered by `picker`.
fn app(home: &Path, picker: &ScriptedPicker) -> Harness<'static, KeuzekaartApp> {
    let autosave = std::time::Duration::from_secs(30);
    crate::common::app::app_at_home(home, "Heumen", autosave, Some(picker.clone()))
}

/// The menu item with this label; an item with a shortcut is named with it ("Opslaan Ctrl+S"),
/// so a screen reader reads the shortcut too.
fn item<'t>(h: &'t Harness<'static, KeuzekaartApp>, label: &'t str) -> egui_kittest::Node<'t> {
    let shortcut = UiCommand::all()
        .find(|c| c.label() == label)
        .and_then(UiCommand::shortcut)
        .map(|s| h.ctx.format_shortcut(&s));
    let name = match shortcut {
        Some(shortcut) => format!("{label} {shortcut}"),
        None => label.to_owned(),
    };
    let mut found: Vec<_> = h
        .query_all_by_label_contains(label)
        .filter(|n| n.accesskit_node().label().unwrap_or_default() == name)
        .collect();
    assert_eq!(found.len(), 1, "one menu item {label}");
    found.remove(0)
}

/// Opens a menu of the menu bar and clicks one of its items, both by their labels.
pub(crate) fn menu(h: &mut Harness<'static, KeuzekaartApp>, menu: &str, label: &str) {
    h.get_by_label(menu).click();
    h.run();
    item(h, label).click();
    h.run();
    h.run();
}

/// Replaces what the path entry holds with `text`, as a user selects all and types.
fn type_path(h: &mut Harness<'static, KeuzekaartApp>, text: &str) {
    h.get_by_label("Pad").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Pad").type_text(text);
    h.run();
}

pub(crate) fn pdfinfo_pages(pdf: &Path) -> usize {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    assert!(
        out.status.success(),
        "pdfinfo cannot read {}",
        pdf.display()
    );
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("a page count")
}

#[test]
fn every_command_can_be_found_in_the_menus_with_its_shortcut() {
    let home = tempfile::tempdir().unwrap();
    let mut h = app(home.path(), &ScriptedPicker::new());
    let mut in_menus = 0;
    for menu in Menu::all() {
        h.get_by_label(menu.label()).click();
        h.run();
        for command in menu.groups().into_iter().flatten() {
            // Found under its label followed by its shortcut, as the menu shows it.
            item(&h, command.label());
            in_menus += 1;
        }
        h.key_press(Key::Escape);
        h.run();
    }
    // Every command of the app is in one of those menus (a unit test checks the list; this one
    // checks what is drawn), and the shortcuts are shown beside them.
    assert_eq!(in_menus, UiCommand::all().count());
}

/// Every file command with a picker, chosen from the menu Bestand by its label: one that asks
/// for a file to write writes that file, one that asks for a file to read leaves the file as it
/// was and writes nothing beside it. So no command can show a save dialog and then read, or an
/// open dialog and then write.
#[test]
fn every_file_command_does_with_its_path_what_its_dialog_said() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let source = docs.path().join("bron");
    std::fs::create_dir(&source).unwrap();
    let workbook = source.join("werkmap.ron");
    storage::save_workbook(&workbook, &crate::common::progress_workbook()).unwrap();
    let before = std::fs::read(&workbook).unwrap();
    let picker = ScriptedPicker::new();
    // A workbook with figures and their history, so that every command has something to write
    // (Geschiedenis archiveren… has nothing to archive in a workbook without figures).
    let mut h = crate::common::app::app_at_home_on(
        home.path(),
        Some(crate::common::progress_workbook()),
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    let mut checked = 0;
    for command in FileCommand::all() {
        let spec = command.spec();
        let Some(dialog) = spec.picker else { continue };
        let written = docs
            .path()
            .join(format!("{command:?}.{}", dialog.extension));
        let path = if dialog.save { &written } else { &workbook };
        picker.answer_path(path);
        menu(&mut h, "Bestand", spec.label);
        let request = picker
            .requests()
            .pop()
            .expect("the menu item asked for a path");
        assert_eq!(request.save, dialog.save, "{command:?}");
        if dialog.save {
            assert!(
                written.is_file(),
                "{command:?} did not write {}",
                written.display()
            );
        } else {
            assert_eq!(
                std::fs::read(&workbook).unwrap(),
                before,
                "{command:?} wrote the file it read"
            );
            assert!(
                !written.exists(),
                "{command:?} wrote beside the file it read"
            );
        }
        // Whatever it showed (a preview, an error, "Bijlage gemaakt") is closed for the next.
        h.key_press(Key::Escape);
        h.run();
        if h.state().dialog_title().is_some() {
            h.get_by_label("Annuleren").click();
            h.run();
        }
        assert_eq!(
            h.state().dialog_title(),
            None,
            "{command:?} left a dialog open"
        );
        checked += 1;
    }
    assert!(checked >= 12, "only {checked} file commands have a picker");
}

#[test]
fn bestand_bijlage_exporteren_writes_the_annex_the_user_named() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);

    let all = docs.path().join("alle.pdf");
    picker.answer_path(&all);
    menu(&mut h, "Bestand", "Bijlage exporteren…");
    assert_eq!(
        picker.requests()[0].file_name,
        "Bijlage DVO 2021-2022 concept.pdf"
    );
    assert_eq!(h.state().dialog_title().as_deref(), Some("Bijlage gemaakt"));
    assert!(pdfinfo_pages(&all) >= 8, "overview and seven articles");
    assert!(
        h.query_by_label("Openen").is_some(),
        "offers to open the PDF"
    );
    h.get_by_label("Sluiten").click();
    h.run();

    let one = docs.path().join("heumen");
    picker.answer_path(&one);
    menu(&mut h, "Bestand", "Bijlage van deze gemeente…");
    assert_eq!(
        picker.requests()[1].file_name,
        "Bijlage DVO 2021-2022 Heumen concept.pdf"
    );
    assert_eq!(
        picker.requests()[1].folder.as_deref(),
        Some(docs.path()),
        "the dialog starts in the folder used last"
    );
    let one = one.with_extension("pdf");
    assert!(pdfinfo_pages(&one) < pdfinfo_pages(&all));
    h.get_by_label("Sluiten").click();
    h.run();

    let review = docs.path().join("raad.pdf");
    picker.answer_path(&review);
    menu(
        &mut h,
        "Bestand",
        "Exemplaar voor de raad (met kolom Wijziging)…",
    );
    assert_eq!(
        picker.requests()[2].file_name,
        "Exemplaar voor de raad DVO 2021-2022.pdf"
    );
    let text = Command::new("pdftotext")
        .arg(&review)
        .arg("-")
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&text.stdout).contains("Wijziging"));
}

#[test]
fn a_cancelled_dialog_says_nothing_and_changes_nothing() {
    let home = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    picker.answer(Picked::Cancelled);
    menu(&mut h, "Bestand", "Opslaan als…");
    assert_eq!(h.state().dialog_title(), None);
    assert_eq!(h.state().message(), None);
    assert_eq!(h.state().file(), None);
}

#[test]
fn save_as_open_and_recent_files_from_the_menu() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    h.get_by_label("Peper erbij op activiteit 13").click();
    h.run();
    assert!(h.state().window_title().contains('●'));

    let path = docs.path().join("ronde-1.ron");
    picker.answer_path(&path);
    menu(&mut h, "Bestand", "Opslaan als…");
    assert_eq!(picker.requests()[0].file_name, "Werkmap DVO 2021-2022.ron");
    assert!(
        !h.state().window_title().contains('●'),
        "{}",
        h.state().window_title()
    );
    assert_eq!(
        storage::read_workbook(&path).unwrap(),
        *h.state().model().workbook()
    );

    let other = docs.path().join("gevuld.ron");
    storage::save_workbook(&other, &filled_workbook()).unwrap();
    picker.answer_path(&other);
    menu(&mut h, "Bestand", "Openen…");
    assert_eq!(h.state().file(), Some(other.as_path()));
    assert_eq!(h.state().model().workbook(), &filled_workbook());

    // Back to the first through Recente bestanden.
    h.get_by_label("Bestand").click();
    h.run();
    h.get_by_label("Recente bestanden").click();
    h.run();
    h.get_by_label("ronde-1.ron").click();
    h.run();
    assert_eq!(h.state().file(), Some(path.as_path()));
}

#[test]
fn the_close_questions_opslaan_on_an_unnamed_workbook_asks_a_name_then_closes() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    h.get_by_label("Peper erbij op activiteit 13").click();
    h.run();
    menu(&mut h, "Bestand", "Afsluiten");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Niet-opgeslagen wijzigingen")
    );
    let path = docs.path().join("voor-het-sluiten.ron");
    picker.answer_path(&path);
    h.get_by_label("Opslaan").click();
    h.run();
    assert!(path.exists(), "saved under the name given");
    assert!(!h.state().model().is_dirty());
    assert_eq!(
        storage::read_workbook(&path).unwrap(),
        *h.state().model().workbook()
    );
}

#[test]
fn when_no_dialog_can_be_shown_the_app_asks_for_a_typed_path() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    picker.answer(Picked::Failed("geen portaal".into()));
    menu(&mut h, "Bestand", "Bijlage exporteren…");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Bijlage exporteren")
    );
    assert!(
        h.query_by_label_contains("kon niet worden geopend (geen portaal)")
            .is_some()
    );

    // A folder that does not exist is refused in the dialog, in Dutch.
    type_path(&mut h, "/bestaat/niet/bijlage.pdf");
    h.get_by_label("Opslaan").click();
    h.run();
    assert!(
        h.query_by_label_contains("De map /bestaat/niet bestaat niet.")
            .is_some()
    );

    // A good path without extension: the PDF is written with one.
    let typed = docs.path().join("getypt");
    type_path(&mut h, typed.to_str().unwrap());
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let pdf = typed.with_extension("pdf");
    assert!(pdfinfo_pages(&pdf) >= 8);
    assert_eq!(h.state().dialog_title().as_deref(), Some("Bijlage gemaakt"));
    h.get_by_label("Sluiten").click();
    h.run();

    // Typing an existing file's name asks before replacing it.
    let before = std::fs::read(&pdf).unwrap();
    picker.answer(Picked::Failed("geen portaal".into()));
    menu(&mut h, "Bestand", "Bijlage exporteren…");
    type_path(&mut h, pdf.to_str().unwrap());
    h.get_by_label("Opslaan").click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Bestand bestaat al")
    );
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(std::fs::read(&pdf).unwrap(), before);
}

#[test]
fn a_refusal_message_goes_when_the_user_moves_to_another_gemeente() {
    let home = tempfile::tempdir().unwrap();
    let mut h = app(home.path(), &ScriptedPicker::new());
    h.get_by_label("Peper eraf bij activiteit 13").click();
    h.run();
    assert!(
        h.state().message().is_some(),
        "taking off a pepper that is not there is refused"
    );
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(h.state().message(), None);
}

#[test]
fn exchange_and_card_files_go_out_and_come_back_through_the_menus() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    h.get_by_label("Peper erbij op activiteit 13").click();
    h.run();

    // Heumen's choices out, taken off again, and back in through the import preview.
    let keuzes = docs.path().join("heumen.ron");
    picker.answer_path(&keuzes);
    menu(&mut h, "Bestand", "Keuzes van deze gemeente exporteren…");
    assert_eq!(
        picker.requests()[0].file_name,
        "Keuzes Heumen DVO 2021-2022.ron"
    );
    assert!(storage::read_exchange(&keuzes).is_ok());
    h.get_by_label("Peper eraf bij activiteit 13").click();
    h.run();
    picker.answer_path(&keuzes);
    menu(&mut h, "Bestand", "Keuzes van een gemeente importeren…");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Keuzes van Heumen importeren")
    );
    h.get_by_label("Importeren").click();
    h.run();
    let plan = h.state().model().workbook().plan("Heumen").unwrap().clone();
    assert_eq!(plan.peppers_on(13), crate::common::d("1"));

    // The card out and in: the import shows what it would do before anything changes.
    let card = docs.path().join("kaart");
    picker.answer_path(&card);
    menu(&mut h, "Bestand", "Keuzekaart exporteren…");
    let card = card.with_extension("ron");
    assert_eq!(
        storage::read_card_file(&card).unwrap(),
        h.state().model().workbook().card
    );
    picker.answer_path(&card);
    menu(&mut h, "Bestand", "Keuzekaart importeren…");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Keuzekaart importeren")
    );
}

#[test]
fn the_annex_is_never_written_over_the_open_workbook_even_when_the_user_said_replace() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = ScriptedPicker::new();
    let mut h = app(home.path(), &picker);
    let workbook = docs.path().join("werkmap.ron");
    picker.answer_path(&workbook);
    menu(&mut h, "Bestand", "Opslaan als…");
    let saved = std::fs::read(&workbook).expect("saved");

    // The system's save dialog has asked "replace?" and the user said yes; still refused.
    picker.answer_path(&workbook);
    menu(&mut h, "Bestand", "Bijlage exporteren…");
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Bijlage exporteren mislukt")
    );
    h.get_by_label_contains("is de werkmap waaruit dit wordt gemaakt");
    assert_eq!(
        std::fs::read(&workbook).unwrap(),
        saved,
        "the workbook is unchanged"
    );
}
