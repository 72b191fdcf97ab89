//! Workbook files: round trips, atomic saves, broken files, old versions and exchange files.

use std::path::{Path, PathBuf};

use crate::common::strategies::workbooks;
use crate::common::{d, filled_workbook};
use keuzekaart::core::edit::Edit;
use keuzekaart::core::{Model, Workbook, rules};
use keuzekaart::storage::{self, LoadError};
use proptest::prelude::*;

fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

#[test]
fn save_then_load_gives_the_same_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for (name, workbook) in [
        ("leeg.ron", Workbook::bundled()),
        ("gevuld.ron", filled_workbook()),
    ] {
        let path = dir.path().join(name);
        storage::save_workbook(&path, &workbook).unwrap();
        assert_eq!(storage::read_workbook(&path).unwrap(), workbook, "{name}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_workbooks_survive_a_round_trip_or_are_refused_for_a_value_out_of_range(
        workbook in workbooks()
    ) {
        let text = storage::to_ron(&workbook);
        match keuzekaart::core::range_check::check_workbook(&workbook) {
            Ok(()) => prop_assert_eq!(storage::parse_workbook(&text).unwrap(), workbook),
            // A negative count: refused where it is read, with its line and column.
            Err(_) => {
                let error = storage::parse_workbook(&text).unwrap_err().to_string();
                prop_assert!(error.contains("kan niet negatief zijn"), "{}", error);
                prop_assert!(error.starts_with("Fout in regel "), "{}", error);
            }
        }
    }
}

#[test]
fn saving_keeps_the_previous_version_as_bak() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("concept.ron");
    let first = Workbook::bundled();
    storage::save_workbook(&path, &first).unwrap();
    let second = filled_workbook();
    storage::save_workbook(&path, &second).unwrap();
    assert_eq!(storage::read_workbook(&path).unwrap(), second);
    assert_eq!(
        storage::read_workbook(&storage::backup_path(&path)).unwrap(),
        first
    );
    assert_eq!(
        storage::backup_path(&path).file_name().unwrap(),
        "concept.ron.bak"
    );
    assert_eq!(
        files_in(dir.path()).len(),
        2,
        "no temporary files left behind"
    );
}

#[test]
fn a_save_interrupted_before_the_rename_leaves_the_original_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("concept.ron");
    storage::save_workbook(&path, &filled_workbook()).unwrap();
    let original = std::fs::read(&path).unwrap();
    let new_text = storage::to_ron(&Workbook::bundled());
    let result = storage::write_atomic_with(&path, new_text.as_bytes(), || {
        Err(std::io::Error::other("stroom uitgevallen"))
    });
    let error = result.unwrap_err().to_string();
    assert!(
        error.contains("Opslaan in") && error.contains("niet veranderd"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(
        files_in(dir.path()),
        vec![path.clone()],
        "the temporary file is cleaned up"
    );
}

/// Makes a folder read-only for this process, also when tests run as root (who ignores the
/// permission bits): then the folder is made immutable with chattr. Undone on drop.
struct ReadOnly(PathBuf, bool);

impl ReadOnly {
    fn new(dir: &Path) -> ReadOnly {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).unwrap();
        let probe = dir.join(".probe");
        if std::fs::write(&probe, b"x").is_ok() {
            std::fs::remove_file(&probe).unwrap();
            let ok = std::process::Command::new("chattr")
                .arg("+i")
                .arg(dir)
                .status()
                .is_ok_and(|s| s.success());
            assert!(
                ok,
                "cannot make {} read-only (chattr +i failed)",
                dir.display()
            );
            return ReadOnly(dir.to_owned(), true);
        }
        ReadOnly(dir.to_owned(), false)
    }
}

impl Drop for ReadOnly {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        if self.1 {
            let _ = std::process::Command::new("chattr")
                .arg("-i")
                .arg(&self.0)
                .status();
        }
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_save_into_a_read_only_folder_fails_with_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("concept.ron");
    storage::save_workbook(&path, &Workbook::bundled()).unwrap();
    let original = std::fs::read(&path).unwrap();
    let guard = ReadOnly::new(dir.path());
    let error = storage::save_workbook(&path, &filled_workbook())
        .unwrap_err()
        .to_string();
    drop(guard);
    assert!(
        error.contains("Opslaan in") && error.contains("niet veranderd"),
        "{error}"
    );
    assert!(
        error.contains("toestemming") || error.contains("alleen-lezen"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), original);
    assert_eq!(files_in(dir.path()), vec![path]);
}

#[test]
fn every_broken_file_is_refused_or_opened_with_findings_and_left_unchanged() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("huge.ron");
    std::fs::write(
        &huge,
        "(version: 1, region: (name: \"".to_owned() + &"x".repeat(21 * 1024 * 1024),
    )
    .unwrap();
    let mut files = files_in(&corpus);
    files.push(huge);
    let expectations: &[(&str, &str)] = &[
        ("truncated.ron", "te vroeg op"),
        ("wrong-type.ron", "verwacht een getal"),
        ("unknown-field.ron", "onbekend veld 'kleur'"),
        ("newer-version.ron", "bestandsversie 99"),
        ("empty.ron", "leeg"),
        ("garbage.ron", "geen tekstbestand"),
        ("not-utf8.ron", "geen tekstbestand"),
        ("deep-nesting.ron", "te diep genest"),
        ("huge.ron", "te groot"),
    ];
    let opened_with_findings = [
        "unknown-activity.ron",
        "over-budget.ron",
        "gemeente-twice.ron",
    ];
    for file in files {
        let name = file.file_name().unwrap().to_str().unwrap().to_owned();
        let before = std::fs::read(&file).unwrap();
        let result = std::panic::catch_unwind(|| storage::read_workbook(&file));
        let result = result.unwrap_or_else(|_| panic!("{name}: the loader panicked"));
        if let Some((_, expected)) = expectations.iter().find(|(n, _)| *n == name) {
            let error = result.expect_err(&name).to_string();
            assert!(error.contains(expected), "{name}: {error}");
        } else if opened_with_findings.contains(&name.as_str()) {
            let workbook = result.unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(
                rules::has_errors(&rules::check(&workbook)),
                "{name} should open with errors"
            );
        } else {
            assert_eq!(
                name, "v0-werkmap.ron",
                "a corpus file without an expectation"
            );
        }
        assert_eq!(std::fs::read(&file).unwrap(), before, "{name} was changed");
    }
}

#[test]
fn a_syntax_error_names_line_and_column_and_shows_the_line() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    match storage::read_workbook(&corpus.join("unknown-field.ron")) {
        Err(LoadError::Syntax {
            line,
            column,
            source_line,
            ..
        }) => {
            assert_eq!((line, column), (27, 17));
            assert_eq!(source_line.trim(), "kleur: \"blauw\",");
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_version_0_file_is_migrated() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/v0-werkmap.ron");
    let workbook = storage::read_workbook(&path).unwrap();
    assert_eq!(workbook.version, keuzekaart::core::workbook::FORMAT_VERSION);
    assert_eq!(workbook.plans.len(), 7);
    let beuningen = workbook.plan("Beuningen").unwrap();
    assert_eq!(
        (beuningen.peppers_on(4), beuningen.peppers_on(12)),
        (d("3"), d("2"))
    );
    let heumen = workbook.plan("Heumen").unwrap();
    assert!(
        heumen.choice(1).unwrap().taken,
        "a free activity in v0 is taken"
    );
    assert_eq!(workbook.plan("Nijmegen").unwrap().peppers_on(10), d("4"));
    assert!(crate::common::findings_besides_unspent(&workbook).is_empty());
    // The first drafts did not say whether the card's prices were confirmed: now they say not.
    assert!(
        workbook.card.reading_note.contains("niet als bevestigd"),
        "{}",
        workbook.card.reading_note
    );
    // Saved again, it is a file of the current version that reads back the same.
    let text = storage::to_ron(&workbook);
    assert!(text.contains(&format!(
        "version: {},",
        keuzekaart::core::workbook::FORMAT_VERSION
    )));
    assert_eq!(storage::parse_workbook(&text).unwrap(), workbook);
}

#[test]
fn a_gemeente_exports_its_choices_and_werkbedrijf_imports_them_after_a_preview() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("keuzes-beuningen.ron");
    let source = filled_workbook();
    let export = storage::export_gemeente(&source, "Beuningen").unwrap();
    storage::write_atomic(&path, storage::to_ron_pretty(&export).as_bytes()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(
        text.len() < 2_000,
        "an exchange file is small ({} bytes)",
        text.len()
    );

    let mut model = Model::new(Workbook::bundled());
    model
        .apply(Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 6,
            peppers: d("1"),
        })
        .unwrap();
    let file = storage::read_exchange(&path).unwrap();
    let preview = storage::preview_import(model.workbook(), &file).unwrap();
    let changed: Vec<u32> = preview.changes.iter().map(|c| c.activity).collect();
    assert_eq!(changed, vec![4, 6, 12]);
    assert!(preview.warnings.is_empty());
    model
        .apply(Edit::ImportPlan { plan: preview.plan })
        .unwrap();
    assert_eq!(model.workbook().plan("Beuningen"), source.plan("Beuningen"));
    model.undo();
    assert_eq!(
        model.workbook().plan("Beuningen").unwrap().peppers_on(6),
        d("1")
    );

    let mut stranger = export.clone();
    stranger.gemeente = "Atlantis".into();
    assert!(
        storage::preview_import(model.workbook(), &stranger)
            .unwrap_err()
            .contains("Atlantis")
    );
}

#[test]
fn the_autosaver_copies_unsaved_work_at_once_and_then_at_most_every_interval() {
    use keuzekaart::storage::recovery::{Autosaver, RecoveryCopy, read_recovery};
    use std::time::Duration;
    let home = tempfile::tempdir().unwrap();
    let path = home.path().join("herstel.ron");
    let mut autosaver = Autosaver::new(path.clone(), Duration::from_secs(30));
    let copy = |peppers: &str| {
        let mut workbook = Workbook::bundled();
        workbook
            .plan_mut("Beuningen")
            .choices
            .push(keuzekaart::core::Choice {
                peppers: d(peppers),
                ..keuzekaart::core::Choice::empty(4)
            });
        RecoveryCopy {
            written: chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            file: None,
            workbook,
        }
    };
    let on_disk = || {
        let copy = read_recovery(&path)?.unwrap();
        Some(copy.workbook.plan("Beuningen").unwrap().peppers_on(4))
    };
    let at = Duration::from_secs;

    // Nothing unsaved: nothing written, nothing to wait for.
    assert_eq!(autosaver.tick(at(100), false, 1, || copy("1")), None);
    autosaver.flush();
    assert_eq!(on_disk(), None);
    // The first unsaved change is copied at once.
    assert_eq!(autosaver.tick(at(100), true, 1, || copy("1")), None);
    autosaver.flush();
    assert_eq!(on_disk(), Some(d("1")));
    // A change ten seconds later waits out the interval: 20 seconds more.
    assert_eq!(autosaver.tick(at(110), true, 2, || copy("2")), Some(at(20)));
    autosaver.flush();
    assert_eq!(on_disk(), Some(d("1")));
    // Thirty seconds after the last copy, the new work is on disk.
    assert_eq!(autosaver.tick(at(130), true, 2, || copy("2")), None);
    autosaver.flush();
    assert_eq!(on_disk(), Some(d("2")));
    // The same generation is not written twice.
    assert_eq!(autosaver.tick(at(500), true, 2, || copy("3")), None);
    autosaver.flush();
    assert_eq!(on_disk(), Some(d("2")));
    // Saved: the copy goes.
    autosaver.discard();
    assert_eq!(on_disk(), None);
}

/// A workbook saved on Windows or edited there in Notepad has CRLF line ends: it loads as the same
/// workbook, and an agreed sign-off still holds (its fingerprint covers the card's texts).
#[test]
fn a_file_with_windows_line_ends_loads_the_same_and_its_sign_offs_hold() {
    let workbook = crate::common::agreed_workbook();
    let text = storage::to_ron(&workbook);
    assert!(
        !text.contains('\r'),
        "the app writes plain line feeds everywhere"
    );
    let crlf = text.replace('\n', "\r\n");
    let loaded = storage::parse_workbook_bytes(crlf.as_bytes()).expect("a CRLF file loads");
    assert_eq!(loaded, workbook);
    let checks = keuzekaart::core::signoff::verify(&loaded);
    assert!(checks.iter().any(|c| c.fingerprint.is_some()));
    assert!(
        checks.iter().all(|c| c.problem().is_none()),
        "every sign-off still holds: {checks:?}"
    );
}

/// The child half of the panic test: holds the lock of a workbook, then panics. The lock is
/// forgotten first, so no `Drop` can remove it: the shipped app aborts on a panic, and only the
/// panic hook runs then.
#[test]
#[ignore = "run by a_panic_leaves_no_lock_behind as a child process"]
fn panic_child() {
    let Some(workbook) = std::env::var_os("KEUZEKAART_TEST_CHILD_WORKBOOK") else {
        return;
    };
    storage::lock::remove_held_locks_on_panic();
    let lock = storage::lock::Lock::take(Path::new(&workbook)).unwrap();
    std::mem::forget(lock);
    panic!("een fout in de app");
}

#[test]
fn a_panic_leaves_no_lock_behind() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = dir.path().join("regio.ron");
    storage::save_workbook(&workbook, &filled_workbook()).unwrap();
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([
            "storage::panic_child",
            "--exact",
            "--ignored",
            "--test-threads=1",
            "--nocapture",
        ])
        .env("KEUZEKAART_TEST_CHILD_WORKBOOK", &workbook)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(!output.status.success(), "the child did not panic");
    assert!(stderr.contains("een fout in de app"), "{stderr}");
    assert!(
        !storage::lock::lock_path(&workbook).exists(),
        "a colleague would be told the workbook is open: {stderr}"
    );
    assert_eq!(
        storage::read_workbook(&workbook).unwrap(),
        filled_workbook(),
        "the workbook is as it was"
    );
}
