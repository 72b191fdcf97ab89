//! The signed record, closed by construction: each forged or careless case that broke it on the
//! second wave's main, tried again through the door a user or forger uses (a file edited by hand,
//! then `verify`, the annex, the progress figures and the Excel export).

use std::path::Path;

use crate::annex::tool;
use crate::common::{agree, agreed_workbook, d, filled_workbook};
use crate::trust::{run, verify, write};
use chrono::NaiveDate;
use keuzekaart::core::signoff::{self, Decision, Outcome, Side};
use keuzekaart::core::{Model, Status, Workbook};
use keuzekaart::storage;

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%d-%m-%Y").unwrap()
}

/// The annex of a workbook as text (pdftotext), made with `--force` so rule errors don't stop it.
fn annex_text(dir: &Path, workbook: &Workbook) -> String {
    let path = write(dir, "werkmap.ron", workbook);
    let pdf = dir.join("bijlage.pdf");
    let (code, out, err) = run(&[
        "annex",
        path.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--force",
        "--overwrite",
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    tool("pdftotext", &["-raw"], &pdf)
}

/// Beuningen's article of an annex text.
fn beuningen(text: &str) -> &str {
    let start = text
        .find("Artikel 6 Beuningen")
        .expect("Beuningen's article");
    let rest = &text[start..];
    &rest[..rest.find("Artikel 7").unwrap_or(rest.len())]
}

/// Beuningen's agreed choices amended (art. 16.3) and the amendment agreed in March 2022.
fn amend_beuningen(model: &mut Model) {
    model
        .apply(keuzekaart::core::Edit::SignOff {
            gemeente: "Beuningen".into(),
            step: signoff::SignOffStep::StartAmendment,
        })
        .unwrap();
    agree(model, "Beuningen", "01-03-2022", "15-03-2022");
}

fn forged_decision(side: Side, version: u32) -> Decision {
    Decision {
        side,
        outcome: Outcome::Akkoord,
        date: day("01-06-2029"),
        number: "VALS-1".into(),
        signatory: "Mr. Vervalst".into(),
        role: "wethouder".into(),
        place: "Nergens".into(),
        version,
    }
}

#[test]
fn an_invented_signature_block_on_a_version_that_was_never_agreed_does_not_verify_or_print() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = agreed_workbook();
    let sign_off = &mut wb.plan_mut("Beuningen").sign_off;
    sign_off.version = 1;
    sign_off.decisions.push(forged_decision(Side::College, 1));
    sign_off
        .decisions
        .push(forged_decision(Side::WerkBedrijf, 1));
    let (code, out) = verify(&write(dir.path(), "vals.ron", &wb));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("Beuningen: Vastgesteld, tussentijdse wijziging 1 — ONGELDIG"),
        "{out}"
    );
    let text = annex_text(dir.path(), &wb);
    assert!(
        !text.contains("Vervalst"),
        "the invented signatory is printed"
    );
    assert!(!text.contains("VALS-1"));
    assert!(beuningen(&text).contains("Vastgesteld — ONGELDIG"));
}

#[test]
fn an_invented_decision_on_the_agreed_version_itself_is_caught() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = agreed_workbook();
    wb.plan_mut("Beuningen")
        .sign_off
        .decisions
        .push(forged_decision(Side::College, 0));
    let (code, out) = verify(&write(dir.path(), "vals.ron", &wb));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("de besluiten in het bestand wijkt af"),
        "{out}"
    );
    assert!(!annex_text(dir.path(), &wb).contains("Vervalst"));
}

#[test]
fn the_agreed_date_and_the_region_name_are_signed() {
    let dir = tempfile::tempdir().unwrap();
    let mut moved = agreed_workbook();
    moved.plan_mut("Beuningen").sign_off.agreed[0].agreed_on = day("01-06-2030");
    let (code, out) = verify(&write(dir.path(), "datum.ron", &moved));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("de datum van vaststelling"), "{out}");
    let text = annex_text(dir.path(), &moved);
    assert!(!text.contains("1 juni 2030"), "the moved date is printed");

    let mut renamed = agreed_workbook();
    renamed.region.name = "Regio Elders".into();
    let (code, out) = verify(&write(dir.path(), "regio.ron", &renamed));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("de naam van de regio"), "{out}");
    assert!(beuningen(&annex_text(dir.path(), &renamed)).contains("ONGELDIG"));
}

#[test]
fn vastgesteld_without_an_agreed_version_is_not_agreed_anywhere() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = filled_workbook();
    wb.plan_mut("Beuningen").sign_off.status = Status::Vastgesteld;
    let (code, out) = verify(&write(dir.path(), "leeg.ron", &wb));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("de status is Vastgesteld, maar er is geen vastgestelde versie"),
        "{out}"
    );
    let text = annex_text(dir.path(), &wb);
    let status = beuningen(&text)
        .lines()
        .find(|l| l.starts_with("Status:"))
        .expect("a status line");
    assert!(status.contains("Vastgesteld — ONGELDIG"), "{status}");
    assert!(text.contains("Concept: niet alle keuzes in dit document zijn vastgesteld."));
}

/// A raised budget, re-hashed by a forger with an older recipe, which never covered all of it.
fn downgraded(keep_statement: bool) -> Workbook {
    let mut wb = agreed_workbook();
    wb.region.gemeenten[1].budget = d("178395");
    assert_eq!(wb.region.gemeenten[1].name, "Beuningen");
    let terms = signoff::Terms {
        region: &wb.region,
        card: &wb.card,
    };
    let gemeente = &wb.region.gemeenten[1];
    let plan = wb.plan("Beuningen").unwrap();
    let decisions: Vec<&Decision> = plan.sign_off.decisions.iter().collect();
    let agreed = &plan.sign_off.agreed[0];
    let text = signoff::canonical_form_v2(terms, gemeente, 0, &agreed.choices, &decisions);
    use sha2::Digest;
    let rehashed = format!("{:x}", sha2::Sha256::digest(text.as_bytes()));
    let agreed = &mut wb.plan_mut("Beuningen").sign_off.agreed[0];
    agreed.recipe = 2;
    agreed.fingerprint = rehashed;
    if !keep_statement {
        agreed.statement.clear();
    }
    wb
}

#[test]
fn a_recipe_taken_back_is_refused_and_an_old_one_never_prints_as_agreed() {
    let dir = tempfile::tempdir().unwrap();
    // The statement left in place: a recipe that never stored one cannot have made it.
    let (code, out) = verify(&write(dir.path(), "terug.ron", &downgraded(true)));
    assert_eq!(code, Some(1), "{out}");
    assert!(
        out.contains("het recept is met de hand teruggezet"),
        "{out}"
    );

    // The statement removed as well: the old recipe's hash matches, but it is shown as what it
    // is, the article is a concept, and verify says so with its own exit code.
    let wb = downgraded(false);
    let path = write(dir.path(), "oud.ron", &wb);
    let (code, out) = verify(&path);
    assert_eq!(code, Some(4), "{out}");
    assert!(out.contains("oude vingerafdruk"), "{out}");
    // `check` (and the app's Controle list) says it as a warning, with what to do.
    let (_, out, _) = run(&["check", path.to_str().unwrap()]);
    assert!(
        out.contains("De keuzes van Beuningen zijn vastgesteld met een oude vingerafdruk"),
        "{out}"
    );
    let text = annex_text(dir.path(), &wb);
    let article = beuningen(&text);
    let status = article.lines().find(|l| l.starts_with("Status:")).unwrap();
    assert!(
        status.contains("Vastgesteld met een oude vingerafdruk"),
        "{status}"
    );
    assert!(!article.contains("Vingerafdruk van de vastgestelde keuzes"));
    assert!(text.contains("Concept: niet alle keuzes in dit document zijn vastgesteld."));

    // A later version signed with an older recipe than the one before it: refused.
    let mut model = Model::new(agreed_workbook());
    amend_beuningen(&mut model);
    let mut wb = model.workbook().clone();
    let amended = &mut wb.plan_mut("Beuningen").sign_off.agreed[1];
    amended.recipe = 1;
    amended.statement.clear();
    let (code, out) = verify(&write(dir.path(), "volgorde.ron", &wb));
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("ouder recept"), "{out}");
}

#[test]
fn every_agreed_version_is_verified_and_progress_never_measures_against_a_broken_one() {
    let mut model = Model::new(agreed_workbook());
    amend_beuningen(&mut model);
    let mut wb = model.workbook().clone();
    assert!(signoff::verify(&wb)[1].is_agreed());
    // The original version's peppers edited by hand: the version in force still has its own
    // statement, but the record as a whole no longer holds.
    let first = &mut wb.plan_mut("Beuningen").sign_off.agreed[0];
    first.choices[0].peppers += d("2");
    let check = &signoff::verify(&wb)[1];
    assert!(!check.is_agreed(), "{check:?}");
    assert!(
        check
            .problem()
            .unwrap()
            .contains("een eerdere vastgestelde versie (0) klopt niet"),
        "{check:?}"
    );
    let assumptions = keuzekaart::core::capacity::CapacityAssumptions::bundled();
    let beuningen = wb.region.gemeente("Beuningen").unwrap();
    let progress = keuzekaart::core::progress_figures::gemeente_progress(
        &wb,
        beuningen,
        day("31-12-2022"),
        &assumptions,
    );
    let said = progress.measured_against.join("; ");
    assert!(
        said.contains("niet tegen Vastgesteld 14-03-2021") && said.contains("ONGELDIG"),
        "{said}"
    );
    assert!(!said.starts_with("Vastgesteld 14-03-2021"), "{said}");
}

#[test]
fn the_excel_status_column_says_what_verify_says() {
    use calamine::{Reader, Xlsx};
    let mut wb = agreed_workbook();
    wb.plan_mut("Beuningen").sign_off.agreed[0].agreed_on = day("01-06-2030");
    let assumptions = keuzekaart::core::capacity::CapacityAssumptions::bundled();
    let bytes = keuzekaart::spreadsheet::export_xlsx(&wb, day("01-01-2022"), &assumptions).unwrap();
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).unwrap();
    for sheet in ["Keuzes", "Budget"] {
        let range = book.worksheet_range(sheet).unwrap();
        let statuses: Vec<String> = range
            .rows()
            .filter(|row| row.first().is_some_and(|c| *c == "Beuningen"))
            .map(|row| row.last().map(ToString::to_string).unwrap_or_default())
            .collect();
        assert!(!statuses.is_empty(), "{sheet} has Beuningen rows");
        assert!(
            statuses
                .iter()
                .all(|s| s.starts_with("Vastgesteld — ONGELDIG")),
            "{sheet}: {statuses:?}"
        );
    }
}

#[test]
fn no_output_replaces_its_workbook_follows_a_link_or_writes_into_a_device() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "werkmap.ron", &agreed_workbook());
    let before = std::fs::read(&path).unwrap();
    let p = path.to_str().unwrap();
    for args in [
        vec!["annex", p, "--out", p, "--overwrite", "--force"],
        vec!["export", p, "--out", p, "--overwrite"],
        vec!["voortgang", p, "--out", p, "--overwrite"],
        vec!["next-term", p, "--out", p, "--overwrite"],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, Some(3), "{args:?}: {out}{err}");
        assert!(
            err.contains("is de werkmap waaruit dit wordt gemaakt"),
            "{err}"
        );
        assert_eq!(
            std::fs::read(&path).unwrap(),
            before,
            "{args:?} changed the workbook"
        );
    }
    // The same file under another name counts as the same file.
    let other_name = dir.path().join("werkmap-link.ron");
    std::fs::hard_link(&path, &other_name).unwrap();
    let (code, _, err) = run(&[
        "annex",
        p,
        "--out",
        other_name.to_str().unwrap(),
        "--overwrite",
    ]);
    assert_eq!(code, Some(3), "{err}");
    assert_eq!(std::fs::read(&path).unwrap(), before);

    // A symbolic link as --out stays a link, and what it points to is untouched.
    let target = dir.path().join("ergens.txt");
    std::fs::write(&target, "van iemand anders").unwrap();
    let link = dir.path().join("bijlage.pdf");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let (code, _, err) = run(&["annex", p, "--out", link.to_str().unwrap(), "--overwrite"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("snelkoppeling"), "{err}");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        "van iemand anders"
    );

    // A device is never written to.
    let (code, _, err) = run(&["export", p, "--out", "/dev/null", "--overwrite"]);
    assert_eq!(code, Some(3), "{err}");
    assert!(err.contains("geen gewoon bestand"), "{err}");
}

#[test]
fn a_pipe_given_as_workbook_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("pijp.ron");
    let status = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .unwrap();
    assert!(status.success());
    for command in ["check", "verify", "summary"] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .args([command, fifo.to_str().unwrap()])
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // Bounded: 200 looks of 50 ms; a command that waits on the pipe is killed and fails.
        let mut finished = None;
        for _ in 0..200 {
            if let Some(status) = child.try_wait().unwrap() {
                finished = Some(status);
                break;
            }
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
        if finished.is_none() {
            let _ = child.kill();
            panic!("`{command}` waits on a pipe");
        }
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{command}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("geen gewoon bestand"), "{command}: {err}");
    }
}

#[test]
fn realisation_a_file_holds_is_checked_on_load() {
    let base = crate::common::progress_workbook();
    let text = storage::to_ron(&base);
    assert!(storage::parse_workbook(&text).is_ok());
    let refused = |wb: &Workbook, says: &str| {
        let error = storage::parse_workbook(&storage::to_ron(wb))
            .expect_err(says)
            .to_string();
        assert!(error.contains(says), "{error}");
    };
    let mut twice = base.clone();
    let first = twice.progress.delivered[0].clone();
    twice.progress.delivered.push(first);
    refused(&twice, "dit cijfer staat twee keer in het bestand");

    let mut elsewhere = base.clone();
    elsewhere.progress.delivered[0].gemeente = "Arnhem".into();
    refused(&elsewhere, "Arnhem");

    let mut off_card = base.clone();
    off_card.progress.delivered[0].activity = 99;
    refused(&off_card, "99");

    let mut later = base.clone();
    later.progress.delivered[0].period =
        keuzekaart::core::period::Period::parse("2031-H1").unwrap();
    refused(&later, "valt niet in de looptijd");

    let mut closed_twice = base.clone();
    let closed = closed_twice.progress.closed[0].clone();
    closed_twice.progress.closed.push(closed);
    refused(&closed_twice, "twee keer als afgesloten");
}

#[test]
fn a_budget_changed_in_beheer_and_agreed_again_by_amendment_leaves_a_record_that_holds() {
    use keuzekaart::core::setup::SetupEdit;
    let mut model = Model::new(agreed_workbook());
    let mut beuningen = model
        .workbook()
        .region
        .gemeente("Beuningen")
        .unwrap()
        .clone();
    beuningen.budget = d("80000");
    model
        .apply(keuzekaart::core::Edit::Setup(SetupEdit::SetGemeente {
            gemeente: beuningen,
        }))
        .unwrap();
    // The agreed budget no longer matches: not agreed, until an amendment agrees the new one.
    let check = &signoff::verify(model.workbook())[1];
    assert!(!check.is_agreed());
    assert!(check.problem().unwrap().contains("het budget"), "{check:?}");
    amend_beuningen(&mut model);
    let check = &signoff::verify(model.workbook())[1];
    assert!(check.is_agreed(), "{check:?}");
    // The first version keeps what was agreed then: its statement still says the old budget.
    assert!(matches!(&check.versions[0], signoff::Seal::Holds(s) if s.gemeente.budget == "78395"));
    assert_eq!(check.statement().unwrap().gemeente.budget, "80000");
}

#[test]
fn an_old_fingerprint_is_re_recorded_in_one_step_and_only_over_a_seal_that_holds() {
    let dir = tempfile::tempdir().unwrap();
    let reseal = |model: &mut Model| {
        model.apply(keuzekaart::core::Edit::SignOff {
            gemeente: "Beuningen".into(),
            step: signoff::SignOffStep::Reseal,
        })
    };
    // Beuningen agreed with recipe 2, which left the date and the region uncovered: a concept on
    // paper. Re-recorded, the same decisions are sealed with the current recipe.
    let old = downgraded(false);
    let decisions = old.plan("Beuningen").unwrap().sign_off.decisions.clone();
    let agreed_on = old.plan("Beuningen").unwrap().sign_off.agreed[0].agreed_on;
    let mut model = Model::new(old);
    reseal(&mut model).unwrap();
    let check = signoff::verify_gemeente(model.workbook(), "Beuningen").unwrap();
    assert!(check.is_agreed(), "{:?}", check.seal);
    assert_eq!(check.recipe, signoff::STATEMENT_RECIPE);
    let statement = check.statement().unwrap();
    assert_eq!(
        statement.gemeente.budget, "178395",
        "what the file says now"
    );
    assert_eq!(
        statement.agreed_on, agreed_on,
        "the day it was agreed stays"
    );
    assert_eq!(
        statement.decisions, decisions,
        "the same decisions, none added"
    );
    let sign_off = &model.workbook().plan("Beuningen").unwrap().sign_off;
    assert_eq!((sign_off.agreed.len(), sign_off.version), (1, 0));
    // verify and the annex now say plainly Vastgesteld.
    let path = write(dir.path(), "opnieuw.ron", model.workbook());
    let (code, out) = verify(&path);
    assert_eq!(code, Some(0), "{out}");
    let text = annex_text(dir.path(), model.workbook());
    let status = beuningen(&text)
        .lines()
        .find(|l| l.starts_with("Status:"))
        .unwrap()
        .to_owned();
    assert!(!status.contains("oude vingerafdruk"), "{status}");
    assert!(status.contains("Vastgesteld"), "{status}");
    // Undo takes the re-recording back (it is a decision: the app asks first).
    assert!(model.undo_takes_back_a_decision());
    model.undo();
    let check = signoff::verify_gemeente(model.workbook(), "Beuningen").unwrap();
    assert_eq!(check.old_recipe(), Some(2));

    // Never over a seal that does not hold: that would launder a changed file.
    let mut forged = downgraded(false);
    forged.region.gemeenten[1]
        .goal
        .push_str(" Met de hand erbij.");
    let mut model = Model::new(forged.clone());
    let refused = reseal(&mut model).unwrap_err().to_string();
    assert!(
        refused.contains("De vaststelling van Beuningen klopt niet")
            && refused.contains("start een tussentijdse wijziging"),
        "{refused}"
    );
    assert_eq!(model.workbook(), &forged, "nothing changed");
    // And not where nothing is old.
    let mut model = Model::new(agreed_workbook());
    let refused = reseal(&mut model).unwrap_err().to_string();
    assert!(refused.contains("hebben er geen"), "{refused}");
}

#[test]
fn the_sign_off_panel_re_records_an_old_fingerprint_after_showing_what_it_will_cover() {
    use egui_kittest::kittest::Queryable;
    let mut h = crate::common::app::harness_with(
        downgraded(false),
        "Beuningen",
        egui::Vec2::new(1366.0, 1600.0),
    );
    h.run();
    assert!(
        h.query_all_by_label("Beuningen: Vastgesteld — oude vingerafdruk")
            .count()
            >= 1
    );
    h.get_by_label("Besluit opnieuw vastleggen…").click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Besluit van Beuningen opnieuw vastleggen")
    );
    // The budget as the file has it now, which the old recipe never covered.
    h.get_by_label("Budget: € 178.395 (8 rode pepers per jaar)");
    h.snapshot("besluit-opnieuw-vastleggen");
    // Cancel changes nothing.
    h.get_by_label("Annuleren").click();
    h.run();
    assert_eq!(h.state().dialog_title(), None);
    let old = |h: &egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>| {
        h.state()
            .model()
            .sign_off_check("Beuningen")
            .and_then(|c| c.old_recipe())
    };
    assert_eq!(old(&h), Some(2));

    h.get_by_label("Besluit opnieuw vastleggen…").click();
    h.run();
    h.get_by_label("Opnieuw vastleggen").click();
    h.run();
    h.run();
    assert_eq!(old(&h), None);
    assert!(
        h.state()
            .model()
            .sign_off_check("Beuningen")
            .unwrap()
            .is_agreed()
    );
    assert!(
        h.query_all_by_label("Beuningen: Vastgesteld").count() >= 1,
        "the badge says plainly Vastgesteld"
    );
    assert_eq!(
        h.query_all_by_label("Besluit opnieuw vastleggen…").count(),
        0
    );
}
