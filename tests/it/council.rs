//! The council's page (issue 34, "Raadsinformatie"): one A4 per gemeente in plain Dutch, made
//! from the command line and from the menu Bestand, read back with poppler and pikepdf, readers
//! the project did not write.

use std::path::Path;
use std::process::Command;

use crate::annex::pdfinfo;
use crate::cli::{keuzekaart, text};

use keuzekaart::core::money::format_eur;
use keuzekaart::core::{Edit, Model, Workbook};
use keuzekaart::storage;
use rust_decimal::Decimal;

const EXAMPLE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/docs/voortgang-voorbeeld-2021-2022.ron"
);

/// The text of pages `first..=last`, with line breaks and runs of spaces made one space, so a
/// sentence wrapped in the PDF reads as one.
fn page_text(pdf: &Path, first: usize, last: usize) -> String {
    let out = Command::new("pdftotext")
        .args(["-f", &first.to_string(), "-l", &last.to_string()])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils)");
    assert!(out.status.success(), "{}", text(&out.stderr));
    text(&out.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn pages(pdf: &Path) -> usize {
    crate::ui_menus::pdfinfo_pages(pdf)
}

fn example_in(dir: &Path) -> Workbook {
    std::fs::copy(EXAMPLE, dir.join("werkmap.ron")).unwrap();
    storage::read_workbook(&dir.join("werkmap.ron")).unwrap()
}

#[test]
fn every_gemeente_of_the_example_gets_one_a4_page_with_the_annexs_figures() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = example_in(dir.path());
    let out = keuzekaart(
        &["raadsinfo", "werkmap.ron", "--out", "raad.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert!(
        text(&out.stdout).contains("7 pagina's, één per gemeente"),
        "{}",
        text(&out.stdout)
    );
    let pdf = dir.path().join("raad.pdf");
    assert_eq!(pages(&pdf), 7, "one page per gemeente, no more");
    let sizes = pdfinfo(&pdf, &["-f", "1", "-l", "7"]);
    assert_eq!(sizes.matches("(A4)").count(), 7, "{sizes}");
    // PDF/A level A and PDF/UA-1, as the annex.
    let meta = pdfinfo(&pdf, &["-meta"]);
    assert!(
        meta.contains("<pdfaid:part>2</pdfaid:part>")
            && meta.contains("<pdfaid:conformance>A</pdfaid:conformance>")
            && meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "{meta}"
    );

    let mut gemeenten = workbook.region.gemeenten.clone();
    gemeenten.sort_by_key(|g| g.article);
    for (n, gemeente) in gemeenten.iter().enumerate() {
        let page = page_text(&pdf, n + 1, n + 1);
        assert!(
            page.contains(&format!("Raadsinformatie {}", gemeente.name)),
            "page {} is {}'s: {page}",
            n + 1,
            gemeente.name
        );
        for other in gemeenten.iter().filter(|g| g.name != gemeente.name) {
            assert!(
                !page.contains(&format!("Raadsinformatie {} ", other.name)),
                "{}'s page holds {}'s",
                gemeente.name,
                other.name
            );
        }
        // The same lines and euros as the annex, which add up to the budget.
        let lines = workbook.choice_lines(gemeente);
        let mut sum = Decimal::ZERO;
        for line in &lines {
            assert!(page.contains(&line.title), "{}: {page}", line.title);
            if !line.peppers.is_zero() {
                assert!(page.contains(&format_eur(line.euros)), "{page}");
            }
            sum += line.euros;
        }
        assert_eq!(sum, gemeente.budget, "{}: all is spent", gemeente.name);
        assert!(
            page.contains(&format!(
                "{} van {} per jaar",
                format_eur(sum),
                format_eur(gemeente.budget)
            )),
            "{page}"
        );
        assert!(page.contains("Vastgesteld 15 februari 2021"), "{page}");
        // The realisation as the report reckons it: the term is over, its last half-year open.
        assert!(
            page.contains("Stand per 31-12-2022")
                && page.contains("voorlopig: 2e halfjaar 2022 is nog niet afgesloten"),
            "{page}"
        );
        assert!(
            page.contains("Deze werkmap bevat geen keuzes van een vorige looptijd"),
            "{page}"
        );

        // One gemeente alone is one page.
        let one = format!("{}.pdf", gemeente.name);
        let out = keuzekaart(
            &[
                "raadsinfo",
                "werkmap.ron",
                "--gemeente",
                &gemeente.name,
                "--out",
                &one,
            ],
            dir.path(),
        );
        assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
        assert_eq!(pages(&dir.path().join(&one)), 1, "{}", gemeente.name);
    }
    // Beside the region, in words: Nijmegen holds two thirds of the region's budget.
    let nijmegen = page_text(&pdf, 6, 6);
    assert!(
        nijmegen.contains(
            "Het budget van Nijmegen is 67,7% van het budget van de regio Rijk van Nijmegen (€ 1.731.616 per jaar)."
        ),
        "{nijmegen}"
    );
    // How many others chose the same: Berg en Dal's free intake (activity 1) is taken by Heumen
    // and Nijmegen too, its arbeidsbemiddeling (2) by Druten and Wijchen.
    let berg_en_dal = page_text(&pdf, 1, 1);
    assert!(
        berg_en_dal.contains("1 dagdeel/week — — 2 van 6 4 dagdelen/week 4 € 40.465 2 van 6"),
        "{berg_en_dal}"
    );
    assert!(
        berg_en_dal.contains("1. Werkintake op locatie (3 van de 7 gemeenten)"),
        "{berg_en_dal}"
    );
    // Heumen's own realisation line: agreed, delivered, share and judgement together.
    let heumen = page_text(&pdf, 4, 4);
    assert!(heumen.contains("13. Samen sterk naar werk"), "{heumen}");
    assert!(
        !heumen.contains(" 0%"),
        "no figure prints as a zero share: {heumen}"
    );
}

#[test]
fn the_next_terms_page_says_in_words_what_changed_since_the_previous_term() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let out = keuzekaart(
        &["next-term", "werkmap.ron", "--out", "volgende.ron"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // Heumen moves a pepper from "Samen sterk naar werk" (3) to "Screenen kandidaten" (new).
    let path = dir.path().join("volgende.ron");
    let mut model = Model::new(storage::read_workbook(&path).unwrap());
    model
        .apply(Edit::MovePeppers {
            gemeente: "Heumen".into(),
            from: 13,
            to: 4,
            peppers: Decimal::ONE,
        })
        .unwrap();
    storage::save_workbook(&path, model.workbook()).unwrap();

    let out = keuzekaart(
        &[
            "raadsinfo",
            "volgende.ron",
            "--gemeente",
            "Heumen",
            "--out",
            "heumen.pdf",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = dir.path().join("heumen.pdf");
    assert_eq!(pages(&pdf), 1);
    let page = page_text(&pdf, 1, 1);
    for said in [
        "In 2021–2022 waren 5 pepers ingezet (€ 53.974 per jaar); nu 5",
        "Nieuw gekozen: 4. Screenen kandidaten.",
        "Minder pepers: 13. Samen sterk naar werk (van 3 naar 2).",
        "Gelijk gebleven: 1. Werkintake op locatie en 7. Heumen Werkt!.",
        // A draft of the new term: not agreed, so nothing to measure yet, and it says so.
        "Deze keuzes zijn nog niet vastgesteld en kunnen nog veranderen.",
        "De keuzes zijn nog niet vastgesteld; over de uitvoering is nog niets te zeggen.",
    ] {
        assert!(page.contains(said), "missing ‘{said}’ in: {page}");
    }
    assert!(
        !page.contains("Niet meer gekozen"),
        "nothing stopped: {page}"
    );
}

#[test]
fn an_unknown_gemeente_is_named_with_the_choices_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let out = keuzekaart(
        &[
            "raadsinfo",
            "werkmap.ron",
            "--gemeente",
            "Arnhem",
            "--out",
            "raad.pdf",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(3));
    assert!(
        text(&out.stderr)
            .contains("De gemeente 'Arnhem' staat niet in de werkmap; kies uit: Berg en Dal"),
        "{}",
        text(&out.stderr)
    );
    assert!(!dir.path().join("raad.pdf").exists());
    // And the output is never the workbook itself.
    let before = std::fs::read(dir.path().join("werkmap.ron")).unwrap();
    let out = keuzekaart(
        &[
            "raadsinfo",
            "werkmap.ron",
            "--out",
            "werkmap.ron",
            "--overwrite",
        ],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(3), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(dir.path().join("werkmap.ron")).unwrap(),
        before
    );
}

#[test]
fn a_screen_reader_finds_headings_table_headers_and_the_pies_numbers() {
    let dir = tempfile::tempdir().unwrap();
    example_in(dir.path());
    let out = keuzekaart(
        &["raadsinfo", "werkmap.ron", "--out", "raad.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let Some(found) = crate::pdf_ua::structure(&dir.path().join("raad.pdf")) else {
        return;
    };
    assert_eq!(found["lang"], "nl", "{found}");
    assert_eq!(found["display_doc_title"], true, "{found}");
    let count = |tag: &str| found["tags"][tag].as_u64().unwrap_or(0);
    assert_eq!(count("H1"), 7, "one title per page: {found}");
    assert!(count("H2") >= 4 * 7, "{found}");
    // Per page the choices and the realisation, each with its header row.
    assert_eq!(count("Table"), 14, "{found}");
    assert_eq!(count("THead"), count("Table"), "{found}");
    let alts: Vec<&str> = found["figure_alts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(alts.len(), 7, "{found}");
    assert!(
        alts.contains(&"Taartdiagram van de pepers per activiteit: Heumen Werkt! 2 pepers, Samen sterk naar werk 3 pepers."),
        "{alts:?}"
    );
}

#[test]
fn bestand_raadsinformatie_writes_the_pages_the_user_named() {
    let home = tempfile::tempdir().unwrap();
    let docs = tempfile::tempdir().unwrap();
    let picker = keuzekaart::ui::file_picker::ScriptedPicker::new();
    let workbook = storage::read_workbook(Path::new(EXAMPLE)).unwrap();
    let mut h = crate::common::app::app_at_home_on(
        home.path(),
        Some(workbook),
        "Heumen",
        std::time::Duration::from_secs(30),
        Some(picker.clone()),
    );
    let pdf = docs.path().join("raad.pdf");
    picker.answer_path(&pdf);
    crate::ui_menus::menu(&mut h, "Bestand", "Raadsinformatie…");
    assert_eq!(
        picker.requests()[0].file_name,
        "Raadsinformatie DVO 2021-2022.pdf"
    );
    assert_eq!(pages(&pdf), 7);
    assert!(page_text(&pdf, 4, 4).contains("Raadsinformatie Heumen"));
    use egui_kittest::kittest::Queryable;
    assert!(
        h.query_by_label_contains("De raadsinformatie (7 pagina's, één per gemeente")
            .is_some(),
        "the app says where the pages went"
    );
}

/// A goal edited by hand after the sign-off, full of emoji, bidi overrides and a bell, 3.500
/// characters long: the pages are still made, Heumen's page says its seal does not hold and is not
/// the decision, and no control character reaches the text a reader copies.
#[test]
fn a_hand_edited_hostile_goal_is_printed_safely_and_the_page_says_it_is_not_the_decision() {
    let dir = tempfile::tempdir().unwrap();
    let mut workbook = example_in(dir.path());
    let heumen = workbook
        .region
        .gemeenten
        .iter_mut()
        .find(|g| g.name == "Heumen")
        .unwrap();
    heumen.goal = "Werk 🌶️ \u{202e}omgekeerd\u{202c} \u{7} ".repeat(140);
    std::fs::write(dir.path().join("werkmap.ron"), storage::to_ron(&workbook)).unwrap();
    let out = keuzekaart(
        &["raadsinfo", "werkmap.ron", "--out", "raad.pdf"],
        dir.path(),
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    let pdf = dir.path().join("raad.pdf");
    assert_eq!(pages(&pdf), 7, "the long goal still fits its page");
    let page = page_text(&pdf, 4, 4);
    assert!(page.contains("ONGELDIG"), "{page}");
    assert!(
        page.contains("is niet precies wat is vastgesteld")
            && page.contains("niet als het besluit"),
        "{page}"
    );
    assert!(
        !page.contains("Deze keuzes zijn nog niet vastgesteld"),
        "it was agreed once; the warning says what is wrong: {page}"
    );
    assert!(
        !page.chars().any(|c| c == '\u{202e}' || c == '\u{7}'),
        "control characters reached the PDF"
    );
    // The other pages are untouched.
    assert!(!page_text(&pdf, 3, 3).contains("ONGELDIG"));
}
