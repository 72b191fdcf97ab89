//! What is signed is what is printed, and no input can break it: the fingerprint covers
//! every contractual field the annex prints, an invalid sign-off never prints as plain
//! "Vastgesteld", text the fonts cannot draw never stops the annex, numbers out of range are
//! refused where they enter, saves keep permissions, and two officials on one file are told.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::str::FromStr;
use std::time::Duration;

use crate::annex::{all_agreed, tool};
use crate::common::{d, filled_workbook};
use crate::ui_files::{app_in, plus};
use egui::{Key, Modifiers};
use egui_kittest::kittest::Queryable;
use keuzekaart::annex::AnnexOptions;
use keuzekaart::core::signoff::{self, Outcome};
use keuzekaart::core::{PepperColour, Workbook};
use keuzekaart::storage::{self, lock};
use keuzekaart::ui::FileAction;
use keuzekaart::ui::file_commands::FileCommand;
use proptest::prelude::*;
use rust_decimal::Decimal;

/// Runs the real binary; returns exit code, stdout and stderr.
pub(crate) fn run(args: &[&str]) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

pub(crate) fn write(dir: &Path, name: &str, workbook: &Workbook) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, storage::to_ron(workbook)).unwrap();
    path
}

pub(crate) fn verify(path: &Path) -> (Option<i32>, String) {
    let (code, out, _) = run(&["verify", path.to_str().unwrap()]);
    (code, out)
}

type Change = (&'static str, fn(&mut Workbook));

/// Every contractual field the annex prints for Heumen, each changed on its own.
fn covered_changes() -> Vec<Change> {
    fn heumen(wb: &mut Workbook) -> &mut keuzekaart::core::Gemeente {
        wb.region
            .gemeenten
            .iter_mut()
            .find(|g| g.name == "Heumen")
            .unwrap()
    }
    fn activity(wb: &mut Workbook, n: u32) -> &mut keuzekaart::core::Activity {
        wb.card
            .activities
            .iter_mut()
            .find(|a| a.number == n)
            .unwrap()
    }
    fn red_offer(wb: &mut Workbook, n: u32) -> &mut keuzekaart::core::Offer {
        activity(wb, n).offers.get_mut(&PepperColour::Red).unwrap()
    }
    vec![
        ("budget", |wb| heumen(wb).budget = d("99999")),
        ("goal", |wb| heumen(wb).goal.push_str(" En meer.")),
        ("article", |wb| heumen(wb).article = 18),
        ("peppers", |wb| heumen(wb).peppers = d("6")),
        ("below minimum", |wb| heumen(wb).may_go_below_minimum = true),
        ("pepper value", |wb| {
            wb.region
                .pepper_values
                .insert(PepperColour::Red, d("12000"));
        }),
        ("term start", |wb| {
            wb.region.term.start = chrono::NaiveDate::from_ymd_opt(2021, 2, 1).unwrap()
        }),
        ("term end", |wb| {
            wb.region.term.end = chrono::NaiveDate::from_ymd_opt(2023, 12, 31).unwrap()
        }),
        ("citation title", |wb| {
            wb.region.citation_title.push_str(" (herzien)")
        }),
        // Heumen chose activities 1, 7 ("[Gemeentenaam] Werkt!") and 13.
        ("activity title", |wb| {
            activity(wb, 13).title = "Samen naar werk".into()
        }),
        ("activity title with the name", |wb| {
            activity(wb, 7).title = "[Gemeentenaam] werkt".into()
        }),
        ("activity description", |wb| {
            activity(wb, 13).description.push_str(" Ook 's avonds.")
        }),
        ("unit", |wb| red_offer(wb, 13).unit.many = "personen".into()),
        ("volume", |wb| red_offer(wb, 13).volume = d("12")),
        ("price", |wb| red_offer(wb, 13).peppers = d("0.5")),
        ("minimum", |wb| red_offer(wb, 13).minimum = d("2")),
        ("maximum", |wb| red_offer(wb, 13).maximum = Some(d("3"))),
        ("note on an agreed choice", |wb| {
            let plan = wb.plan_mut("Heumen");
            plan.choices[0].note = "alleen in Malden".into();
        }),
        ("signatory", |wb| {
            let plan = wb.plan_mut("Heumen");
            plan.sign_off.decisions[0].signatory = "Iemand anders".into();
        }),
        ("decision number", |wb| {
            let plan = wb.plan_mut("Heumen");
            plan.sign_off.decisions[1].number = "2099/1".into();
        }),
    ]
}

/// Heumen agreed (the others agreed too, from the annex tests' helper).
fn agreed() -> Workbook {
    let wb = all_agreed();
    assert!(!wb.plan("Heumen").unwrap().choices.is_empty());
    wb
}

#[test]
fn verify_catches_a_change_of_every_field_the_annex_prints() {
    let dir = tempfile::tempdir().unwrap();
    let (code, out) = verify(&write(dir.path(), "ok.ron", &agreed()));
    assert_eq!(code, Some(0), "{out}");
    assert!(
        out.contains("Heumen: Vastgesteld — vingerafdruk klopt"),
        "{out}"
    );
    let workbook = agreed();
    let full = &workbook.plan("Heumen").unwrap().sign_off.agreed[0].fingerprint;
    assert_eq!(full.len(), 64);
    assert!(
        out.contains(&format!("    vingerafdruk: {full}")),
        "verify prints the full fingerprint to compare with the paper: {out}"
    );
    for (what, change) in covered_changes() {
        let mut wb = agreed();
        change(&mut wb);
        let (code, out) = verify(&write(dir.path(), "changed.ron", &wb));
        assert_eq!(
            code,
            Some(1),
            "changing the {what} must break Heumen's sign-off: {out}"
        );
        assert!(
            out.contains("Heumen: Vastgesteld — ONGELDIG"),
            "{what}: {out}"
        );
    }
}

#[test]
fn what_the_annex_does_not_print_does_not_break_a_sign_off() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = agreed();
    let plan = wb.plan_mut("Heumen");
    plan.alternatives.push(keuzekaart::core::options::Scenario {
        name: "Optie B".into(),
        choices: vec![keuzekaart::core::Choice {
            note: "alleen een idee".into(),
            ..keuzekaart::core::Choice::empty(2)
        }],
    });
    wb.metadata.author = "Iemand".into();
    let (code, out) = verify(&write(dir.path(), "option.ron", &wb));
    assert_eq!(code, Some(0), "{out}");
}

#[test]
fn a_sign_off_of_the_first_wave_is_recognised_but_never_shown_as_plainly_agreed() {
    // Beuningen agreed with the first recipe: the fingerprint pinned by recipe 1's golden
    // test, and no `recipe` field in the file.
    let dir = tempfile::tempdir().unwrap();
    let mut wb = filled_workbook();
    let plan = wb.plan_mut("Beuningen");
    plan.sign_off.status = keuzekaart::core::Status::Vastgesteld;
    let choices = plan.choices.clone();
    plan.sign_off.agreed.push(signoff::AgreedVersion {
        version: 0,
        agreed_on: chrono::NaiveDate::from_ymd_opt(2021, 3, 14).unwrap(),
        choices,
        fingerprint: "4517cc3e667206a1f0b03ae0a41c70cbe6cec54f39e0fca9990cb5a849042e86".into(),
        recipe: 1,
        statement: String::new(),
    });
    let text = storage::to_ron(&wb).replace("            recipe: 1,\n", "");
    assert!(!text.contains("recipe"), "the old file has no recipe field");
    let path = dir.path().join("eerste.ron");
    std::fs::write(&path, &text).unwrap();
    // Its hash still matches what the first recipe covered, but that is not the budget and the
    // texts the annex prints: `verify` says so with its own exit code (4), not "klopt".
    let (code, out) = verify(&path);
    assert_eq!(code, Some(4), "{out}");
    assert!(
        out.contains("Beuningen: Vastgesteld — NIET GEDEKT: vastgesteld met een oude vingerafdruk — budget en teksten niet gedekt"),
        "{out}"
    );
    // ...and the first recipe still catches what it covered.
    std::fs::write(&path, text.replacen("peppers: \"3\"", "peppers: \"4\"", 1)).unwrap();
    assert_eq!(verify(&path).0, Some(1));
}

#[test]
fn an_invalid_sign_off_never_prints_as_plain_vastgesteld() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = agreed();
    wb.region.gemeenten[3].budget = d("99999");
    assert_eq!(wb.region.gemeenten[3].name, "Heumen");
    let path = write(dir.path(), "budget.ron", &wb);
    let pdf = dir.path().join("bijlage.pdf");
    let (code, _, err) = run(&[
        "annex",
        path.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--force",
    ]);
    assert_eq!(code, Some(0), "{err}");
    let text = tool("pdftotext", &["-raw"], &pdf);
    assert!(
        text.contains("Concept: niet alle keuzes in dit document zijn vastgesteld."),
        "an invalid sign-off makes the annex a concept"
    );
    let heumen_lines: Vec<&str> = text.lines().filter(|l| l.contains("Heumen")).collect();
    assert!(
        heumen_lines
            .iter()
            .any(|l| l.contains("Vastgesteld — ONGELDIG")),
        "the overview row says ONGELDIG: {heumen_lines:?}"
    );
    let article = &text[text.find("Artikel 8 Heumen").expect("Heumen's article")..];
    let article = &article[..article.find("Artikel 9").unwrap_or(article.len())];
    let status = article
        .lines()
        .find(|l| l.starts_with("Status:"))
        .expect("a status line");
    assert!(status.contains("Vastgesteld — ONGELDIG: "), "{status}");
    assert!(!article.contains("Vingerafdruk van de vastgestelde keuzes"));
}

#[test]
fn emoji_controls_and_bidi_overrides_never_stop_the_annex() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = filled_workbook();
    let plan = wb.plan_mut("Beuningen");
    plan.choices[0].note =
        "Akkoord ✅\u{FE0F} 🌶\u{200D}🔥\x07 start \u{202E}na de zomer\u{202C}\ttwee".into();
    wb.region.gemeenten[1].goal.push_str(" Met 👍 en \u{0007}.");
    let path = write(dir.path(), "emoji.ron", &wb);
    let pdf = dir.path().join("bijlage.pdf");
    let (code, out, err) = run(&[
        "annex",
        path.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(code, Some(0), "annex must be made: {out}{err}");
    assert!(
        err.contains("let op: Beuningen, notitie bij activiteit 4"),
        "{err}"
    );
    assert!(
        err.contains("🌶 (U+1F336)"),
        "the app says what it replaced: {err}"
    );
    let text = tool("pdftotext", &["-raw"], &pdf);
    assert!(
        text.contains("Akkoord □ □□ start na de zomer twee"),
        "the note prints as stored, emoji as boxes, the tab as a space: {text}"
    );
    assert!(text.contains("Met □ en ."), "{text}");
    // And the PDF is still PDF/A.
    let info = Command::new("pdfinfo")
        .arg("-meta")
        .arg(&pdf)
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&info.stdout).contains("pdfaid:part"));
}

/// A workbook text with one value replaced, for numbers that would overflow a sum.
fn with(text: &str, from: &str, to: &str) -> String {
    assert!(text.contains(from), "{from} not in the file");
    text.replacen(from, to, 1)
}

#[test]
fn numbers_out_of_range_are_refused_on_load_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let text = storage::to_ron(&filled_workbook());
    let cases = [
        (
            "peppers: \"8\"",
            "peppers: \"79228162514264337593543950335\"",
        ),
        (
            "peppers: \"8\"",
            "peppers: \"50000000000000000000000000000\"",
        ),
        (
            "peppers: \"8\"",
            "peppers: \"-79228162514264337593543950335\"",
        ),
        (
            "peppers: \"8\"",
            "peppers: \"0.0000000000000000000000000001\"",
        ),
        ("budget: \"53974\"", "budget: \"5e28\""),
        (
            "volume: \"10\"",
            "volume: \"79228162514264337593543950335\"",
        ),
        (
            "peppers: \"3\"",
            "peppers: \"-7922816251426433759354395033\"",
        ),
    ];
    for (from, to) in cases {
        let path = dir.path().join("extreem.ron");
        std::fs::write(&path, with(&text, from, to)).unwrap();
        for command in ["check", "summary", "verify"] {
            let (code, out, err) = run(&[command, path.to_str().unwrap()]);
            assert_eq!(code, Some(2), "{command} on {to}: {out}{err}");
            assert!(err.contains("Fout in regel "), "{to}: {err}");
            assert!(err.contains(", kolom "), "{to}: {err}");
            assert!(!err.contains("panicked"), "{err}");
        }
        let (code, _, err) = run(&[
            "next-term",
            path.to_str().unwrap(),
            "--out",
            dir.path().join("n.ron").to_str().unwrap(),
        ]);
        assert_eq!(code, Some(2), "{err}");
    }
    // A 10 MB note is refused with a message that says why, not read into the annex.
    let long = "x".repeat(10 * 1024 * 1024);
    let path = dir.path().join("lang.ron");
    std::fs::write(
        &path,
        with(
            &text,
            "peppers: \"3\",",
            &format!("peppers: \"3\",\nnote: \"{long}\","),
        ),
    )
    .unwrap();
    let (code, _, err) = run(&["check", path.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("De notitie is te lang: 10.485.760 tekens, hoogstens 2.000"),
        "{err}"
    );
}

/// Edge values of every kind: in range, at the edge, just past it, and absurd.
fn edge_decimal() -> impl Strategy<Value = Decimal> {
    prop_oneof![
        Just("0"),
        Just("0.001"),
        Just("0.01"),
        Just("0.5"),
        Just("1"),
        Just("2"),
        Just("4"),
        Just("999.99"),
        Just("1000"),
        Just("1000.001"),
        Just("1000000"),
        Just("1000000000000"),
        Just("1000000000000.01"),
        Just("50000000000000000000000000000"),
        Just("79228162514264337593543950335"),
        Just("-79228162514264337593543950335"),
        Just("-1"),
        Just("0.0000000000000000000000000001"),
    ]
    .prop_map(|s| Decimal::from_str(s).unwrap())
}

/// The bundled workbook with edge values put in random places, written and read back as a file.
fn extreme_workbooks() -> impl Strategy<Value = String> {
    let place = (0usize..9, 0usize..15, edge_decimal());
    (
        crate::common::strategies::workbooks(),
        prop::collection::vec(place, 1..6),
    )
        .prop_map(|(mut wb, places)| {
            for (what, index, value) in places {
                let g = index % wb.region.gemeenten.len();
                let a = index % wb.card.activities.len();
                let offer = wb.card.activities[a].offers.values_mut().next().unwrap();
                match what {
                    0 => wb.region.gemeenten[g].peppers = value,
                    1 => wb.region.gemeenten[g].budget = value,
                    2 => offer.volume = value,
                    3 => offer.peppers = value,
                    4 => offer.minimum = value,
                    5 => offer.maximum = Some(value),
                    6 => {
                        wb.region.pepper_values.insert(PepperColour::Green, value);
                    }
                    7 => {
                        if let Some(c) = wb.plans[g].choices.first_mut() {
                            c.peppers = value;
                        }
                    }
                    _ => wb.plans[g].choices.push(keuzekaart::core::Choice {
                        peppers: value,
                        ..keuzekaart::core::Choice::empty(a as u32 + 1)
                    }),
                }
            }
            storage::to_ron(&wb)
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Whatever loads, every command works on it: `summary`, `verify`, `next-term` and `annex`
    /// (with --force where the rules find errors; without where `check` passes).
    #[test]
    fn whatever_loads_every_command_works_on(text in extreme_workbooks()) {
        use keuzekaart::cli::{Command as Cli, run_command};
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.ron");
        std::fs::write(&path, &text).unwrap();
        let loaded = storage::parse_workbook(&text);
        let mut sink = Vec::new();
        let mut err = Vec::new();
        let check = run_command(Cli::Check { file: path.clone() }, &mut sink, &mut err);
        match loaded {
            Err(_) => prop_assert_eq!(check, 2),
            Ok(_) => {
                prop_assert!(check == 0 || check == 1);
                prop_assert_eq!(run_command(Cli::Summary { file: path.clone() }, &mut sink, &mut err), 0);
                let verify = run_command(Cli::Verify { file: path.clone(), werkmap: None }, &mut sink, &mut err);
                prop_assert!(verify == 0 || verify == 1);
                let next = dir.path().join("n.ron");
                prop_assert_eq!(run_command(Cli::NextTerm { file: path.clone(), out: next.clone(), overwrite: false }, &mut sink, &mut err), 0);
                prop_assert!(storage::read_workbook(&next).is_ok(), "next term's file loads");
                let pdf = dir.path().join("a.pdf");
                let annex = Cli::Annex { file: path.clone(), out: pdf, gemeente: None, review: false, force: check == 1, overwrite: false, sign: None, token_label: None };
                prop_assert_eq!(run_command(annex, &mut sink, &mut err), 0, "{}", String::from_utf8_lossy(&err));
            }
        }
    }

    /// Any text at all in a note prints: the annex of that article is made.
    #[test]
    fn any_note_prints(note in "\\PC{0,40}", control in prop::collection::vec(0u32..0x20, 0..3)) {
        let mut wb = filled_workbook();
        let mut text = note;
        for c in control {
            text.push(char::from_u32(c).unwrap());
        }
        wb.plan_mut("Beuningen").choices[0].note = text;
        let options = AnnexOptions { gemeente: Some("Beuningen".into()), ..AnnexOptions::default() };
        prop_assert!(keuzekaart::annex::annex_pdf(&wb, &options).is_ok());
    }
}

#[test]
fn the_app_shows_every_view_of_a_workbook_at_the_edges_of_its_ranges() {
    // Every count at its largest allowed value: the app must draw every gemeente and view.
    let mut wb = filled_workbook();
    for g in &mut wb.region.gemeenten {
        g.peppers = d("1000");
        g.budget = d("1000000000000");
    }
    wb.region.gemeenten[4].peppers = d("0.01");
    for a in &mut wb.card.activities {
        for o in a.offers.values_mut() {
            o.volume = d("1000000");
            if !o.peppers.is_zero() {
                o.peppers = d("0.01");
            }
        }
    }
    let text = storage::to_ron(&wb);
    let wb = storage::parse_workbook(&text).expect("in range");
    let count = wb.region.gemeenten.len();
    let mut h = crate::common::app::harness_with(wb, "Berg en Dal", egui::vec2(1366.0, 768.0));
    let mut seen = std::collections::BTreeSet::new();
    for _ in 0..count {
        plus_if_there(&mut h);
        seen.insert(h.state().selected_gemeente().to_owned());
        h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
        h.run();
    }
    assert_eq!(seen.len(), count, "every gemeente was shown: {seen:?}");
    for key in [Key::Num2, Key::Num3, Key::Num4, Key::Num5, Key::Num1] {
        h.key_press_modifiers(Modifiers::ALT, key);
        h.run();
    }
}

fn plus_if_there(h: &mut egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>) {
    if let Some(button) = h.query_by_label("Peper erbij op activiteit 4") {
        button.click();
        h.run();
        // A focused button keeps the arrow keys for itself; let go, as a mouse user would.
        h.ctx.memory_mut(|m| {
            if let Some(id) = m.focused() {
                m.surrender_focus(id);
            }
        });
        h.run();
    }
}

#[test]
fn a_note_longer_than_the_limit_is_refused_by_the_edit_path() {
    use keuzekaart::core::{Edit, Model};
    let mut model = Model::new(filled_workbook());
    let refusal = model
        .apply(Edit::SetNote {
            gemeente: "Beuningen".into(),
            activity: 4,
            note: "x".repeat(2_001),
        })
        .unwrap_err();
    assert_eq!(
        refusal,
        keuzekaart::core::Refusal::NoteTooLong {
            chars: 2_001,
            max: 2_000
        }
    );
    assert_eq!(
        refusal.to_string(),
        "De notitie is te lang: 2.001 tekens, hoogstens 2.000."
    );
    assert_eq!(model.workbook(), &filled_workbook());
}

#[test]
fn a_beheer_budget_out_of_range_is_refused_and_changes_nothing() {
    use keuzekaart::core::{Edit, Model, SetupEdit};
    let mut model = Model::new(filled_workbook());
    let mut heumen = model.workbook().region.gemeenten[3].clone();
    heumen.budget = d("5000000000000");
    let refusal = model
        .apply(Edit::Setup(SetupEdit::SetGemeente { gemeente: heumen }))
        .unwrap_err();
    let keuzekaart::core::Refusal::OutOfRange(out_of_range) = &refusal else {
        panic!("not a value out of range: {refusal:?}");
    };
    assert_eq!(out_of_range.place, "Gemeente Heumen");
    assert!(
        out_of_range.message.contains("1.000.000.000.000"),
        "{refusal}"
    );
    assert_eq!(model.workbook(), &filled_workbook());
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
fn umask() -> u32 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("Umask:")).unwrap();
    u32::from_str_radix(line.split_whitespace().last().unwrap(), 8).unwrap()
}

#[cfg(unix)]
#[test]
fn saving_keeps_the_permissions_of_a_shared_file_and_a_new_file_follows_the_umask() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gedeeld.ron");
    storage::save_workbook(&path, &Workbook::bundled()).unwrap();
    assert_eq!(
        mode(&path),
        0o666 & !umask(),
        "a new file is not private to its maker"
    );
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o664)).unwrap();
    storage::save_workbook(&path, &filled_workbook()).unwrap();
    assert_eq!(mode(&path), 0o664);
    assert_eq!(
        mode(&storage::backup_path(&path)),
        0o664,
        "the .bak as the file"
    );
    // The command line's new files too.
    let new = dir.path().join("nieuw.ron");
    assert_eq!(run(&["new", "--out", new.to_str().unwrap()]).0, Some(0));
    assert_eq!(mode(&new), 0o666 & !umask());
}

#[test]
fn a_failed_save_of_a_new_file_does_not_speak_of_an_existing_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bestaat-niet").join("nieuw.ron");
    let error = storage::save_workbook(&path, &Workbook::bundled()).unwrap_err();
    let text = error.to_string();
    assert!(text.contains("Er is geen bestand gemaakt."), "{text}");
    assert!(!text.contains("bestaande bestand"), "{text}");
}

#[test]
fn a_workbook_another_official_has_open_is_offered_read_only_and_never_saved_over() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let path = docs.path().join("regio.ron");
    storage::save_workbook(&path, &filled_workbook()).unwrap();
    std::fs::write(
        lock::lock_path(&path),
        "Anne,PC-0412,4242,2026-11-23T10:14:00\n",
    )
    .unwrap();
    let before = std::fs::read(&path).unwrap();

    let mut h = app_in(home.path(), "Beuningen", Duration::from_secs(30));
    h.state_mut()
        .file_action(FileAction::new(FileCommand::Open, path.clone()));
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Bestand is al geopend")
    );
    assert!(
        h.query_by_label_contains("Anne op PC-0412 (sinds 23-11-2026 10:14)")
            .is_some()
    );
    h.get_by_label("Alleen-lezen openen").click();
    h.run();
    assert_eq!(h.state().file(), Some(path.as_path()));
    assert!(h.state().window_title().contains("(alleen-lezen)"));

    plus(&mut h, 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Alleen-lezen geopend")
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        before,
        "the other's file is untouched"
    );
    assert!(
        h.state().model().is_dirty(),
        "the work is still there to save elsewhere"
    );
}

#[test]
fn a_lock_left_by_a_crash_on_this_machine_is_cleared() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let path = docs.path().join("regio.ron");
    storage::save_workbook(&path, &filled_workbook()).unwrap();
    // Written by this machine's app in a process that has ended.
    let this_machine = std::fs::read_to_string("/proc/sys/kernel/hostname")
        .map(|s| s.trim().to_owned())
        .unwrap_or_default();
    std::fs::write(
        lock::lock_path(&path),
        format!("Anne,{this_machine},{},2026-11-23T10:14:00\n", u32::MAX - 3),
    )
    .unwrap();
    let mut h = app_in(home.path(), "Beuningen", Duration::from_secs(30));
    h.state_mut()
        .file_action(FileAction::new(FileCommand::Open, path.clone()));
    h.run();
    assert_eq!(h.state().dialog_title(), None);
    assert!(!h.state().window_title().contains("alleen-lezen"));
    assert!(
        h.state()
            .message()
            .unwrap()
            .contains("achtergebleven vergrendeling")
    );
    // The lock is ours now, and goes when the workbook does.
    assert_eq!(lock::inspect(&path), lock::LockState::Free);
    h.state_mut()
        .file_action(FileAction::chosen(FileCommand::New));
    h.run();
    assert!(!lock::lock_path(&path).exists());
}

#[test]
fn a_save_over_a_file_someone_else_changed_is_refused_with_a_choice() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let path = docs.path().join("regio.ron");
    storage::save_workbook(&path, &filled_workbook()).unwrap();
    let mut h = app_in(home.path(), "Beuningen", Duration::from_secs(30));
    h.state_mut()
        .file_action(FileAction::new(FileCommand::Open, path.clone()));
    h.run();
    assert!(
        lock::lock_path(&path).exists(),
        "the app says it has the file open"
    );

    // A colleague (ignoring the lock, or an older app) saves the file in the meantime.
    let mut theirs = filled_workbook();
    theirs.plan_mut("Wijchen").choices[0].note = "van de collega".into();
    std::fs::write(&path, storage::to_ron(&theirs)).unwrap();
    let their_bytes = std::fs::read(&path).unwrap();

    plus(&mut h, 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Bestand is intussen veranderd")
    );
    assert_eq!(
        std::fs::read(&path).unwrap(),
        their_bytes,
        "their save is not overwritten"
    );
    for choice in [
        "Opslaan als…",
        "Vergelijken met het bestand",
        "Opnieuw laden",
        "Annuleren",
    ] {
        assert!(h.query_by_label(choice).is_some(), "{choice}");
    }
    h.get_by_label("Opnieuw laden").click();
    h.run();
    assert_eq!(h.state().model().workbook(), &theirs);
    // Saving again now works: the app knows the file as it is.
    plus(&mut h, 5);
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    assert_eq!(h.state().dialog_title(), None);
    assert!(!h.state().model().is_dirty());
}

#[test]
fn refusals_leave_the_file_on_disk_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let text = storage::to_ron(&filled_workbook());
    let broken = with(&text, "budget: \"53974\"", "budget: \"5e28\"");
    let path = dir.path().join("kapot.ron");
    std::fs::write(&path, &broken).unwrap();
    for args in [
        vec!["check", path.to_str().unwrap()],
        vec!["summary", path.to_str().unwrap()],
        vec!["verify", path.to_str().unwrap()],
    ] {
        run(&args);
    }
    let pdf = dir.path().join("x.pdf");
    run(&[
        "annex",
        path.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--force",
    ]);
    assert!(!pdf.exists());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);
    let _ = Outcome::Akkoord;
}
