//! The printed annex, read back with poppler's pdftotext and pdfinfo as a reader would see it.

use std::path::Path;
use std::process::Command;

use crate::common::{d, filled_workbook};
use keuzekaart::annex::{AnnexOptions, annex_pdf};
use keuzekaart::core::signoff::{Decision, Outcome, Side, SignOffStep};
use keuzekaart::core::{Edit, Model, Workbook};

pub(crate) fn tool(name: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(name)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| {
            panic!("{name} is needed for this test (apt-get install poppler-utils): {e}")
        });
    assert!(
        out.status.success(),
        "{name} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

pub(crate) fn pdfinfo(pdf: &Path, extra: &[&str]) -> String {
    let out = Command::new("pdfinfo")
        .args(extra)
        .arg(pdf)
        .output()
        .expect("pdfinfo (poppler-utils)");
    String::from_utf8_lossy(&out.stdout).into_owned()
}

pub(crate) fn write_pdf(
    dir: &Path,
    name: &str,
    workbook: &Workbook,
    options: &AnnexOptions,
) -> std::path::PathBuf {
    let bytes = annex_pdf(workbook, options).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn pages(pdf: &Path) -> usize {
    let info = pdfinfo(pdf, &[]);
    let line = info
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .expect("a page count");
    line.split_whitespace().last().unwrap().parse().unwrap()
}

/// The workbook with every gemeente agreed by both sides.
pub(crate) fn all_agreed() -> Workbook {
    let mut model = Model::new(filled_workbook());
    let names: Vec<String> = model
        .workbook()
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.clone())
        .collect();
    for name in names {
        let decision = |side: Side, day: u32| Decision {
            side,
            outcome: Outcome::Akkoord,
            date: chrono::NaiveDate::from_ymd_opt(2021, 3, day).unwrap(),
            number: format!("{name}/2021/{day}"),
            signatory: if side == Side::College {
                format!("Wethouder van {name}")
            } else {
                "H.M.F. Bruls".into()
            },
            role: if side == Side::College {
                "wethouder Werk en Inkomen".into()
            } else {
                "voorzitter".into()
            },
            place: if side == Side::College {
                name.clone()
            } else {
                "Nijmegen".into()
            },
            version: 0,
        };
        for step in [
            SignOffStep::Submit,
            SignOffStep::Decide(decision(Side::College, 2)),
            SignOffStep::Decide(decision(Side::WerkBedrijf, 14)),
        ] {
            model
                .apply(Edit::SignOff {
                    gemeente: name.clone(),
                    step,
                })
                .unwrap();
        }
    }
    model.workbook().clone()
}

#[test]
fn the_annex_reads_in_article_order_with_correct_numbers_names_and_euros() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "bijlage.pdf",
        &filled_workbook(),
        &AnnexOptions::default(),
    );
    let text = tool("pdftotext", &["-layout"], &pdf);
    let mut at = 0;
    for expected in [
        "Pagina 1 van",
        "Artikel 5 Berg en Dal",
        "Artikel 6 Beuningen",
        "Artikel 7 Druten",
        "Artikel 8 Heumen",
        "8.1 Doel bij inzet van lokale dienstverlening",
        "8.2 Keuzes",
        "Gemeente Heumen kiest ervoor haar lokale aandeel als volgt in te vullen:",
        "Heumen Werkt!",
        "Artikel 9 Mook en Middelaar",
        "Artikel 10 Nijmegen",
        "Artikel 11 Wijchen",
    ] {
        let found = text[at..]
            .find(expected)
            .unwrap_or_else(|| panic!("'{expected}' not found after position {at}"));
        at += found + expected.len();
    }
    for euro in [
        "€ 29.398",
        "€ 19.599",
        "€ 78.395",
        "€ 1.172.413",
        "€ 1.731.616",
    ] {
        assert!(text.contains(euro), "{euro} missing");
    }
    for slip in ["Druuten", "8.1 Keuzes", "Gemeenten Beuningen"] {
        assert!(
            !text.contains(slip),
            "the seed slip '{slip}' is in the annex"
        );
    }
    assert!(text.contains("30 kandidaten"));
}

#[test]
fn an_unsigned_annex_says_concept_on_every_page_and_a_signed_one_nowhere() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "concept.pdf",
        &filled_workbook(),
        &AnnexOptions::default(),
    );
    let count = pages(&pdf);
    assert!(count >= 8, "{count} pages");
    // The watermark is seen on every page (its pale red pixels), but it is drawn, not written:
    // the text a reader copies has no stray letters of it.
    for page in 1..=count {
        assert!(
            watermark_pixels(&pdf, page) > 500,
            "page {page} lacks the CONCEPT watermark"
        );
    }
    let text = tool("pdftotext", &[], &pdf);
    assert!(!text.contains("CONCEPT"));
    for letter in ["C", "O", "N", "E", "P", "T"] {
        assert!(
            !text.lines().any(|l| l.trim() == letter),
            "a stray '{letter}' in the text"
        );
    }

    let signed = all_agreed();
    let pdf = write_pdf(
        dir.path(),
        "vastgesteld.pdf",
        &signed,
        &AnnexOptions::default(),
    );
    let text = tool("pdftotext", &["-raw"], &pdf);
    assert_eq!(
        watermark_pixels(&pdf, 1),
        0,
        "no watermark once all is agreed"
    );
    assert!(!text.contains("Concept: niet alle keuzes"));
    assert!(text.contains("Vastgesteld 14 maart 2021"));
    assert!(text.contains("Wethouder van Heumen") && text.contains("H.M.F. Bruls"));
    let fingerprint = signed
        .plan("Heumen")
        .unwrap()
        .sign_off
        .in_force()
        .unwrap()
        .short_fingerprint()
        .to_owned();
    assert!(
        text.contains(&fingerprint),
        "the short fingerprint {fingerprint} is printed"
    );

    // One gemeente back in concept makes the whole annex a concept again.
    let mut mixed = signed.clone();
    mixed.plan_mut("Wijchen").sign_off.status = keuzekaart::core::Status::Concept;
    let pdf = write_pdf(dir.path(), "gemengd.pdf", &mixed, &AnnexOptions::default());
    assert!(watermark_pixels(&pdf, 1) > 500);
    // And a hand-edited agreed file cannot claim to be agreed.
    let mut forged = signed;
    forged.plan_mut("Druten").choices[0].peppers = d("7");
    let pdf = write_pdf(
        dir.path(),
        "vervalst.pdf",
        &forged,
        &AnnexOptions::default(),
    );
    let text = tool("pdftotext", &["-raw"], &pdf);
    assert!(watermark_pixels(&pdf, 1) > 500 && text.contains("de vaststelling is ongeldig"));
}

/// How many pixels of a page, rendered at 30 dpi by poppler, have the watermark's pale red: the
/// CONCEPT letters (rgb(200,30,30) at 18% over white) and nothing else on the page.
pub(crate) fn watermark_pixels(pdf: &Path, page: usize) -> usize {
    let dir = tempfile::tempdir().unwrap();
    let prefix = dir.path().join("p");
    let p = page.to_string();
    let out = Command::new("pdftoppm")
        .args(["-r", "30", "-f", &p, "-l", &p, "-singlefile"])
        .arg(pdf)
        .arg(&prefix)
        .output()
        .expect("pdftoppm (poppler-utils)");
    assert!(out.status.success());
    let ppm = std::fs::read(prefix.with_extension("ppm")).unwrap();
    // P6 header: magic, width, height, maxval, each followed by whitespace.
    let mut fields = 0;
    let mut start = 0;
    for (i, b) in ppm.iter().enumerate() {
        if b.is_ascii_whitespace() && i > 0 && !ppm[i - 1].is_ascii_whitespace() {
            fields += 1;
            if fields == 4 {
                start = i + 1;
                break;
            }
        }
    }
    ppm[start..]
        .chunks_exact(3)
        .filter(|px| {
            let (r, g, b) = (i32::from(px[0]), i32::from(px[1]), i32::from(px[2]));
            r > 225 && (180..235).contains(&g) && (g - b).abs() < 12 && r - g > 15
        })
        .count()
}

#[test]
fn user_text_with_typst_syntax_prints_literally() {
    let dir = tempfile::tempdir().unwrap();
    let mut wb = filled_workbook();
    let goal = "Let op: #set text(red) *vet* _schuin_ $x^2$ [link] `code` <label> @ref = kop";
    wb.region.gemeenten[1].goal = goal.into();
    wb.plan_mut("Beuningen").choices[0].note = "#pagebreak() en ]) #panic(\"x\")".into();
    let pdf = write_pdf(
        dir.path(),
        "syntax.pdf",
        &wb,
        &AnnexOptions {
            gemeente: Some("Beuningen".into()),
            ..Default::default()
        },
    );
    let text = tool("pdftotext", &["-raw"], &pdf);
    assert!(text.contains(goal), "{text}");
    assert!(text.contains("#pagebreak() en ]) #panic(\"x\")"), "{text}");
}

#[test]
fn the_annex_is_pdf_a_with_title_language_and_a4_pages() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = write_pdf(
        dir.path(),
        "bijlage.pdf",
        &filled_workbook(),
        &AnnexOptions::default(),
    );
    let info = pdfinfo(&pdf, &[]);
    assert!(info.contains("Title:           Dienstverleningsovereenkomst WerkBedrijf Regio Rijk van Nijmegen 2021-2022"), "{info}");
    assert!(info.contains("(A4)"), "{info}");
    let meta = pdfinfo(&pdf, &["-meta"]);
    assert!(
        meta.contains("<pdfaid:part>3</pdfaid:part>")
            && meta.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "{meta}"
    );
    assert!(
        meta.contains("<pdfuaid:part>1</pdfuaid:part>"),
        "PDF/UA-1: {meta}"
    );
    assert!(meta.contains("<rdf:li>nl</rdf:li>"), "language nl");
    // Every page is A4.
    let sizes = pdfinfo(&pdf, &["-f", "1", "-l", "99"]);
    let page_sizes: Vec<&str> = sizes
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size"))
        .collect();
    assert_eq!(page_sizes.len(), pages(&pdf));
    assert!(
        page_sizes.iter().all(|l| l.contains("595.276 x 841.89")),
        "{page_sizes:?}"
    );
    // The fonts are embedded.
    let fonts = Command::new("pdffonts").arg(&pdf).output().unwrap();
    let fonts = String::from_utf8_lossy(&fonts.stdout);
    for line in fonts.lines().skip(2) {
        assert!(line.contains(" yes "), "a font is not embedded: {line}");
    }
}

#[test]
fn one_gemeente_and_the_review_copy() {
    let dir = tempfile::tempdir().unwrap();
    let options = AnnexOptions {
        gemeente: Some("Heumen".into()),
        review: true,
        ..Default::default()
    };
    let pdf = write_pdf(dir.path(), "heumen.pdf", &filled_workbook(), &options);
    let text = tool("pdftotext", &["-layout"], &pdf);
    assert!(text.contains("Artikel 8 Heumen") && !text.contains("Artikel 6 Beuningen"));
    assert!(text.contains("Wijziging") && text.contains("Exemplaar voor de raad"));
}

#[test]
fn the_command_line_refuses_rule_errors_unless_forced() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_keuzekaart"))
            .args(args)
            .current_dir(dir.path())
            .output()
            .unwrap()
    };
    std::fs::write(
        dir.path().join("goed.ron"),
        keuzekaart::storage::to_ron(&filled_workbook()),
    )
    .unwrap();
    let out = run(&["annex", "goed.ron", "--out", "bijlage.pdf"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        std::fs::read(dir.path().join("bijlage.pdf"))
            .unwrap()
            .starts_with(b"%PDF-")
    );

    let mut wb = filled_workbook();
    wb.plan_mut("Druten").choices[0].peppers = d("9");
    std::fs::write(
        dir.path().join("fout.ron"),
        keuzekaart::storage::to_ron(&wb),
    )
    .unwrap();
    let out = run(&["annex", "fout.ron", "--out", "fout.pdf"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("Druten"));
    assert!(!dir.path().join("fout.pdf").exists());
    let out = run(&["annex", "fout.ron", "--out", "fout.pdf", "--force"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(dir.path().join("fout.pdf").exists());
    // Only Heumen: Druten's error does not block it.
    let out = run(&[
        "annex",
        "fout.ron",
        "--out",
        "heumen.pdf",
        "--gemeente",
        "Heumen",
    ]);
    assert_eq!(out.status.code(), Some(0));

    std::fs::write(dir.path().join("kapot.ron"), "(version: 1,").unwrap();
    assert_eq!(
        run(&["annex", "kapot.ron", "--out", "x.pdf"]).status.code(),
        Some(2)
    );
    assert_eq!(
        run(&[
            "annex",
            "goed.ron",
            "--out",
            "x.pdf",
            "--gemeente",
            "Atlantis"
        ])
        .status
        .code(),
        Some(3),
        "the workbook was read, the annex not made: 2 is only for an unreadable workbook"
    );
}

/// The shipped Typst is trimmed (vendor/README.md): plugins, bibliographies and YAML, TOML, CBOR
/// and XML loading are left out, as the app's templates never use them. A template that asks for
/// one gets an error in words, never a crash; the bundled annex still renders. This fails when
/// the untrimmed Typst is built again (after an upgrade Cargo only warns), as then every call
/// below succeeds.
#[test]
fn what_the_trimmed_typst_leaves_out_is_an_error_not_a_crash() {
    let data = keuzekaart::annex::annex_data(&filled_workbook(), &AnnexOptions::default());
    let asks = [
        (
            "#bibliography(bytes(\"@book{a, title = {T}}\"))",
            "bibliographies are not available",
        ),
        ("#yaml(bytes(\"a: 1\"))", "unknown variable: yaml"),
        ("#toml(bytes(\"a = 1\"))", "unknown variable: toml"),
        ("#xml(bytes(\"<a/>\"))", "unknown variable: xml"),
        ("#cbor(bytes((160,)))", "unknown variable: cbor"),
        (
            "#plugin(bytes((0, 97, 115, 109, 1, 0, 0, 0)))",
            "plugins are not available",
        ),
    ];
    for (template, expected) in asks {
        let error = keuzekaart::annex::render(&data, template)
            .expect_err(template)
            .to_string();
        assert!(error.contains(expected), "{template}: {error}");
    }
    let still = keuzekaart::annex::render(
        &data,
        "#set document(title: \"t\")\n#json(\"/data.json\").title #csv(bytes(\"a,b\"))",
    );
    assert!(still.is_ok(), "json and csv stay: {still:?}");
    assert!(keuzekaart::annex::render(&data, keuzekaart::annex::TEMPLATE).is_ok());
}

#[test]
fn the_shipped_fonts_are_the_fonts_of_assets() {
    // The binary carries them compressed (build.rs); inflated they are the files, byte for byte,
    // so the PDFs are set exactly as assets/fonts/README.md says.
    let names = [
        "LibertinusSerif-Regular.otf",
        "LibertinusSerif-Bold.otf",
        "LibertinusSerif-Italic.otf",
        "LibertinusSerif-BoldItalic.otf",
        "DejaVuSansMono.ttf",
    ];
    let shipped = keuzekaart::annex::shipped_font_bytes();
    assert_eq!(shipped.len(), names.len());
    for (name, bytes) in names.iter().zip(&shipped) {
        let file = std::fs::read(format!(
            "{}/assets/fonts/{name}",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        assert!(file == *bytes, "{name} differs from assets/fonts");
    }
}
