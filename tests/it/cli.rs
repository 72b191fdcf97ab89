//! The command line, run as the real binary on real files.

use std::path::Path;
use std::process::{Command, Output};

pub(crate) fn keuzekaart(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
        .args(args)
        .current_dir(dir)
        .output()
        .expect("binary runs")
}

pub(crate) fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn new_then_check_succeeds_and_new_refuses_to_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let out = keuzekaart(&["new", "--out", "concept.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let out = keuzekaart(&["check", "concept.ron"], dir.path());
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    // No errors; a fresh workbook is reminded that every pepper is still to spend.
    assert!(
        text(&out.stdout).contains("0 fout(en), 7 waarschuwing(en).")
            && text(&out.stdout)
                .contains("let op: Heumen heeft nog 5 van de 5 pepers te besteden."),
        "{}",
        text(&out.stdout)
    );

    std::fs::write(dir.path().join("concept.ron"), "mijn werk").unwrap();
    let out = keuzekaart(&["new", "--out", "concept.ron"], dir.path());
    assert_eq!(out.status.code(), Some(3), "read fine, nothing written");
    assert!(text(&out.stderr).contains("--overwrite"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("concept.ron")).unwrap(),
        "mijn werk"
    );
    let out = keuzekaart(&["new", "--out", "concept.ron", "--overwrite"], dir.path());
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn every_writing_command_refuses_to_overwrite_without_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| keuzekaart(args, dir.path());
    assert_eq!(run(&["new", "--out", "w.ron"]).status.code(), Some(0));
    for (args, target) in [
        (vec!["new", "--out", "bezet.ron"], "bezet.ron"),
        (
            vec!["next-term", "w.ron", "--out", "bezet.ron"],
            "bezet.ron",
        ),
        (vec!["annex", "w.ron", "--out", "bezet.pdf"], "bezet.pdf"),
    ] {
        std::fs::write(dir.path().join(target), "van iemand anders").unwrap();
        let out = run(&args);
        assert_eq!(
            out.status.code(),
            Some(3),
            "{args:?}: {}",
            text(&out.stderr)
        );
        assert!(
            text(&out.stderr).contains("bestaat al; er is niets geschreven"),
            "{args:?}"
        );
        assert!(
            text(&out.stdout).is_empty(),
            "{args:?} says nothing of success: {}",
            text(&out.stdout)
        );
        assert_eq!(
            std::fs::read_to_string(dir.path().join(target)).unwrap(),
            "van iemand anders",
            "{args:?}"
        );
        let mut with = args.clone();
        with.push("--overwrite");
        assert_eq!(run(&with).status.code(), Some(0), "{with:?}");
    }
    // --force on annex means "despite rule errors", not "overwrite".
    let out = run(&["annex", "w.ron", "--out", "bezet.pdf", "--force"]);
    assert_eq!(out.status.code(), Some(3));
}

#[test]
fn check_exits_one_on_rule_errors_and_names_them() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = crate::common::filled_workbook();
    wb.plan_mut("Beuningen")
        .choices
        .iter_mut()
        .find(|c| c.activity == 12)
        .unwrap()
        .peppers = crate::common::d("6");
    std::fs::write(
        dir.path().join("te-veel.ron"),
        keuzekaart::storage::to_ron(&wb),
    )
    .unwrap();
    let out = keuzekaart(&["check", "te-veel.ron"], dir.path());
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Beuningen") && stdout.contains("maximum is 4 rode pepers"),
        "{stdout}"
    );
    assert!(stdout.contains("te veel"), "{stdout}");
}

#[test]
fn a_hand_broken_file_exits_two_with_line_and_column_and_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let ron = keuzekaart::storage::to_ron(&crate::common::filled_workbook());
    // A person deletes a closing quote while editing Heumen's entry by hand.
    let broken = ron.replacen("gemeente: \"Heumen\"", "gemeente: \"Heumen", 1);
    let path = dir.path().join("kapot.ron");
    std::fs::write(&path, &broken).unwrap();
    let out = keuzekaart(&["check", "kapot.ron"], dir.path());
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("regel ") && stderr.contains("kolom "),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), broken);

    // A wrong field name points at its own line.
    let renamed = ron.replacen("citation_title", "citatie", 1);
    std::fs::write(&path, &renamed).unwrap();
    let out = keuzekaart(&["check", "kapot.ron"], dir.path());
    let stderr = text(&out.stderr);
    let line = renamed.lines().position(|l| l.contains("citatie")).unwrap() + 1;
    assert!(
        stderr.contains(&format!("regel {line},")) && stderr.contains("onbekend veld 'citatie'"),
        "{stderr}"
    );
}

#[test]
fn garbage_empty_and_huge_files_are_refused_quickly_without_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let garbage: Vec<u8> = (0..4096u32)
        .map(|i| (i.wrapping_mul(2654435761) >> 13) as u8)
        .collect();
    let huge = {
        let mut s = String::from("(version: 1, region: (name: \"");
        s.push_str(&"a".repeat(50 * 1024 * 1024));
        s
    };
    let deep = format!("(version: 1, region: {}", "[".repeat(10_000));
    let cases: [(&str, &[u8], &str); 5] = [
        ("garbage.ron", &garbage, "geen tekstbestand"),
        ("empty.ron", b"", "leeg"),
        ("huge.ron", huge.as_bytes(), "te groot"),
        ("deep.ron", deep.as_bytes(), "te diep genest"),
        ("version.ron", b"(version: 7)", "bestandsversie 7"),
    ];
    for (name, bytes, expected) in cases {
        let path = dir.path().join(name);
        std::fs::write(&path, bytes).unwrap();
        for command in ["check", "summary"] {
            let out = keuzekaart(&[command, name], dir.path());
            assert_eq!(
                out.status.code(),
                Some(2),
                "{command} {name}: {}",
                text(&out.stderr)
            );
            let stderr = text(&out.stderr);
            assert!(stderr.contains(expected), "{command} {name}: {stderr}");
            assert!(!stderr.contains("panicked"), "{command} {name}: {stderr}");
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "{name} was changed");
    }
}

#[test]
fn summary_lists_choices_and_the_regional_total_of_68_peppers() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("w.ron"),
        keuzekaart::storage::to_ron(&crate::common::filled_workbook()),
    )
    .unwrap();
    let out = keuzekaart(&["summary", "w.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with(
            "Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022, looptijd 1 januari 2021 tot en met 31 december 2022\n"
        ),
        "the term once, as article 17.1 gives it: {stdout}"
    );
    assert!(stdout.contains("Artikel 8 Heumen"), "{stdout}");
    assert!(
        stdout.contains("Heumen Werkt!") && stdout.contains("6 dagdelen/week"),
        "{stdout}"
    );
    assert!(
        stdout.contains("30 kandidaten")
            && stdout.contains("€ 29.398\n")
            && stdout.contains("€ 19.599\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Totaal: 5 van 8 pepers gebruikt, 3 over"),
        "{stdout}"
    );
    // The colours apart: a red and a green pepper differ ten times in value.
    assert!(
        stdout.contains("van 56 rode pepers en ")
            && stdout.contains(" van 12 groene pepers gebruikt"),
        "{stdout}"
    );
    assert!(!stdout.contains("van 68 pepers"), "{stdout}");
    assert!(stdout.contains("€ 1.731.616"), "{stdout}");
}

#[test]
fn diff_lists_per_gemeente_what_changed_between_two_files() {
    let dir = tempfile::tempdir().unwrap();
    let before = crate::common::filled_workbook();
    let mut after = before.clone();
    after.plan_mut("Beuningen").choices[0].peppers = crate::common::d("2");
    after
        .plan_mut("Beuningen")
        .choices
        .push(keuzekaart::core::Choice {
            peppers: crate::common::d("1"),
            ..keuzekaart::core::Choice::empty(6)
        });
    std::fs::write(
        dir.path().join("a.ron"),
        keuzekaart::storage::to_ron(&before),
    )
    .unwrap();
    std::fs::write(
        dir.path().join("b.ron"),
        keuzekaart::storage::to_ron(&after),
    )
    .unwrap();
    let out = keuzekaart(&["diff", "a.ron", "b.ron"], dir.path());
    assert_eq!(out.status.code(), Some(0));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(lines.len(), 3, "{stdout}");
    assert_eq!(lines[0], "Beuningen:");
    assert!(
        lines[1].contains("Screenen kandidaten")
            && lines[1].contains("3 pepers (30 kandidaten) -> 2 pepers (20 kandidaten)"),
        "{stdout}"
    );
    assert!(
        lines[2].contains("De Versnelling") && lines[2].contains("— -> 1 peper (10 kandidaten)"),
        "{stdout}"
    );
    let same = keuzekaart(&["diff", "a.ron", "a.ron"], dir.path());
    assert_eq!(text(&same.stdout).trim(), "Geen verschillen in de keuzes.");
}
