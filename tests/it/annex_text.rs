//! The annex as a jurist reads it next to the DVO: what it fills in and under which
//! articles, the parties as the DVO names them, the term's dates, decisions apart from signing,
//! amendments under article 16.3, sums that add up, rules and exceptions on the page. Read back
//! with pdftotext, as a reader's copy-and-paste would.

use std::path::Path;
use std::process::Command;

use crate::annex::{all_agreed, tool, write_pdf};
use crate::common::{d, filled_workbook};
use keuzekaart::annex::AnnexOptions;
use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
use keuzekaart::core::{Edit, Model, Workbook};

/// The text of a PDF with pdftotext's reading order, lines joined where a paragraph wraps.
fn text_of(pdf: &Path) -> String {
    tool("pdftotext", &["-raw"], pdf).replace('\n', " ")
}

fn annex_text(workbook: &Workbook, options: &AnnexOptions) -> String {
    let dir = tempfile::tempdir().unwrap();
    text_of(&write_pdf(dir.path(), "bijlage.pdf", workbook, options))
}

#[test]
fn it_says_which_agreement_which_articles_and_which_dates() {
    let text = annex_text(&filled_workbook(), &AnnexOptions::default());
    for expected in [
        "Invulling van de artikelen 5.2 tot en met 11.2 van de Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022",
        "De DVO gaat in op 1 januari 2021 en eindigt op 31 december 2022 (artikel 17.1)",
        "Volgens artikel 4 van de DVO (Uitgangspunten voor lokale keuzes)",
        "bijlage 2 van de DVO",
        "per gemeente en per jaar 25% van het (klassieke) Participatiebudget",
        "voor de hele regio 56 rode pepers en 12 groene pepers per jaar: een rode peper circa € 10.000 en een groene peper circa € 100.000",
        // The overview totals the colours apart: they differ ten times in value.
        "Totaal rode pepers",
        "Totaal groene pepers",
        "schriftelijk instemmen (artikel 16.3)",
        "Budget lokale accenten per jaar",
        "Euro (indicatief)",
        // The card's volumes are what a yearly budget buys: yearly.
        "Volume per jaar",
        "De volumes gelden per jaar, zoals het budget waarmee ze gekocht zijn",
    ] {
        assert!(text.contains(expected), "missing: {expected}");
    }
    assert!(
        !text.contains("Bijlage lokale keuzes"),
        "a name the DVO does not use"
    );
    // While the card's prices are a reading, the annex says so; cleared in Beheer, it does not.
    assert!(
        text.contains("Lezing van de keuzekaart. De volumes en prijzen in pepers zijn een lezing")
    );
    let mut confirmed = filled_workbook();
    confirmed.card.reading_note.clear();
    assert!(!annex_text(&confirmed, &AnnexOptions::default()).contains("Lezing van de keuzekaart"));
}

#[test]
fn a_file_from_before_the_reading_note_does_not_print_its_prices_as_confirmed() {
    // A version 1 file (the first wave wrote no reading note): its empty note cannot mean that
    // WerkBedrijf confirmed the card, so the annex says the prices are a reading.
    let mut old = filled_workbook();
    old.card.reading_note.clear();
    let text = crate::common::as_version(&keuzekaart::storage::to_ron(&old), 1);
    assert!(!text.contains("reading_note"), "the first wave wrote none");
    let read = keuzekaart::storage::parse_workbook(&text).unwrap();
    let annex = annex_text(&read, &AnnexOptions::default());
    assert!(
        annex.contains(
            "Lezing van de keuzekaart. Dit bestand is gemaakt met een eerdere versie van de app"
        ),
        "{annex}"
    );
    assert!(annex.contains("niet als bevestigd"));
    // Saved again, the note stays until Beheer clears it: the file now says what it is.
    let saved = keuzekaart::storage::to_ron(&read);
    assert_eq!(
        keuzekaart::storage::parse_workbook(&saved)
            .unwrap()
            .card
            .reading_note,
        read.card.reading_note
    );
    // A note of its own is kept as it was.
    let mut noted = filled_workbook();
    noted.card.reading_note = "Eigen lezing van WerkBedrijf.".into();
    let text = crate::common::as_version(&keuzekaart::storage::to_ron(&noted), 1);
    assert_eq!(
        keuzekaart::storage::parse_workbook(&text)
            .unwrap()
            .card
            .reading_note,
        "Eigen lezing van WerkBedrijf."
    );
}

#[test]
fn the_parties_are_named_as_in_the_dvo_and_the_decision_stands_apart_from_the_signing() {
    let agreed = all_agreed();
    let text = annex_text(&agreed, &AnnexOptions::default());
    for expected in [
        "De gemeente Heumen, krachtens artikel 171, tweede lid, van de Gemeentewet vertegenwoordigd",
        "ter uitvoering van het besluit van het college van burgemeester en wethouders van Heumen d.d. 2 maart 2021",
        "Het openbaar lichaam de modulaire gemeenschappelijke regeling Rijk van Nijmegen, vertegenwoordigd door de voorzitter",
        "besluit van het Dagelijks Bestuur d.d. 14 maart 2021 (WerkBedrijf)",
        "Akkoord, besluit d.d. 2 maart 2021, nr. Heumen/2021/2",
        "Datum van ondertekening",
    ] {
        assert!(text.contains(expected), "missing: {expected}");
    }
    assert!(!text.contains("WerkBedrijf (Dagelijks Bestuur MGR)"));
    // The fingerprint once in its article's text (besides its pages' footers and the register).
    let heumen = &agreed.plan("Heumen").unwrap().sign_off.agreed[0];
    let (body, register) = text.split_at(text.find("Versieregister").expect("the register"));
    let footer = format!(
        "Artikel 8 Heumen · oorspronkelijke versie · vastgesteld, vingerafdruk {}",
        heumen.short_fingerprint()
    );
    assert!(body.contains(&footer), "{body}");
    let body = body.replace(&footer, "");
    assert_eq!(
        body.matches(heumen.short_fingerprint()).count(),
        1,
        "{body}"
    );
    assert_eq!(register.matches(heumen.short_fingerprint()).count(), 1);
}

fn decision(side: Side, day: u32) -> Decision {
    Decision {
        side,
        outcome: Outcome::Akkoord,
        date: chrono::NaiveDate::from_ymd_opt(2022, 3, day).unwrap(),
        number: format!("W-{day}"),
        signatory: "A. Jansen".into(),
        role: "wethouder".into(),
        place: "Malden".into(),
        version: 1,
    }
}

#[test]
fn an_amendment_is_worded_as_article_16_3_has_it() {
    let mut model = Model::new(all_agreed());
    let step = |model: &mut Model, step| {
        model
            .apply(Edit::SignOff {
                gemeente: "Heumen".into(),
                step,
            })
            .unwrap()
    };
    step(&mut model, SignOffStep::StartAmendment);
    model
        .apply(Edit::MovePeppers {
            gemeente: "Heumen".into(),
            from: 13,
            to: 7,
            peppers: d("1"),
        })
        .unwrap();
    let options = AnnexOptions {
        gemeente: Some("Heumen".into()),
        ..AnnexOptions::default()
    };
    let draft = annex_text(model.workbook(), &options);
    assert!(
        draft.contains("Concept van tussentijdse wijziging 1 van artikel 8.2 (artikel 16.3)"),
        "{draft}"
    );
    step(&mut model, SignOffStep::Submit);
    step(&mut model, SignOffStep::Decide(decision(Side::College, 2)));
    step(
        &mut model,
        SignOffStep::Decide(decision(Side::WerkBedrijf, 14)),
    );
    let agreed = annex_text(model.workbook(), &options);
    assert!(
        agreed.contains(
            "Tussentijdse wijziging 1 van artikel 8.2, vastgesteld 14 maart 2022 (artikel 16.3)"
        ),
        "{agreed}"
    );
}

#[test]
fn one_gemeentes_annex_is_that_gemeentes_article() {
    let options = AnnexOptions {
        gemeente: Some("Heumen".into()),
        ..AnnexOptions::default()
    };
    let text = annex_text(&filled_workbook(), &options);
    assert!(text.contains("Invulling van artikel 8.2 van de Dienstverleningsovereenkomst"));
    assert!(text.contains("Dit document vult artikel 8.2 in"));
    assert!(text.contains("Lokale keuzes, art. 8.2"));
    assert!(!text.contains("5 tot en met 11") && !text.contains("5.2 tot en met 11.2"));
    assert!(
        !text.contains("Overzicht van de regio"),
        "the region is context, not a page"
    );
    assert!(!text.contains("Artikel 6 Beuningen"));
}

#[test]
fn the_euro_lines_add_up_to_the_printed_totals() {
    // Beuningen: 3 + 2 of 8 peppers of € 78.395, whole euros that add up: 29.398 + 19.599.
    let text = annex_text(&filled_workbook(), &AnnexOptions::default());
    assert!(text.contains("€ 29.398"), "{text}");
    assert!(text.contains("€ 19.599"));
    assert!(text.contains("€ 48.997 van € 78.395 per jaar (indicatief)"));
    assert!(!text.contains(",13") && !text.contains(",38"), "no cents");
}

#[test]
fn broken_rules_are_on_the_page_when_printed_anyway_and_exceptions_are_noted() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = filled_workbook();
    // Beuningen over budget and over activity 12's maximum; Mook below a minimum (allowed).
    wb.plan_mut("Beuningen").choices[1].peppers = d("9");
    wb.plan_mut("Mook en Middelaar").choices[0].peppers = d("0.5");
    let path = dir.path().join("fout.ron");
    std::fs::write(&path, keuzekaart::storage::to_ron(&wb)).unwrap();
    let pdf = dir.path().join("fout.pdf");
    let run = |force: bool| {
        let mut args = vec![
            "annex",
            path.to_str().unwrap(),
            "--out",
            pdf.to_str().unwrap(),
        ];
        if force {
            args.push("--force");
        }
        Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(false).status.code(), Some(1));
    assert!(!pdf.exists());
    assert_eq!(run(true).status.code(), Some(0));
    let text = text_of(&pdf);
    let beuningen =
        &text[text.find("Artikel 6 Beuningen").unwrap()..text.find("Artikel 7 Druten").unwrap()];
    assert!(beuningen.contains("Deze keuzes voldoen niet aan de regels van de keuzekaart:"));
    assert!(
        beuningen.contains("het maximum is 4 rode pepers"),
        "{beuningen}"
    );
    assert!(
        beuningen.contains("12 van 8 rode pepers gebruikt: 4 te veel"),
        "{beuningen}"
    );
    assert!(!beuningen.contains("-4"), "{beuningen}");
    let mook = &text[text.find("Artikel 9 Mook en Middelaar").unwrap()
        ..text.find("Artikel 10 Nijmegen").unwrap()];
    assert!(mook.contains("Opmerkingen:"), "{mook}");
    assert!(
        mook.contains("onder de minimale afname van 1 peper (toegestaan voor Mook en Middelaar)"),
        "{mook}"
    );
    assert!(!mook.contains("voldoen niet aan de regels"));
}
