//! Every printed page says which workbook it belongs to, and the annex ends with a register of
//! every recorded version: read back page by page with pdftotext, as an archivist holding only the
//! paper would, and compared with what `sha256sum` and `keuzekaart verify` say of the file.

use std::path::Path;

use crate::annex::tool;
use crate::common::{agree, agreed_workbook};
use crate::trust::{run, verify, write};
use keuzekaart::core::signoff::SignOffStep;
use keuzekaart::core::{Edit, Model, Workbook};
use sha2::{Digest, Sha256};

/// Beuningen agreed, then amended (art. 16.3) and the amendment agreed too.
fn amended_workbook() -> Workbook {
    let mut model = Model::new(agreed_workbook());
    model
        .apply(Edit::SignOff {
            gemeente: "Beuningen".into(),
            step: SignOffStep::StartAmendment,
        })
        .unwrap();
    agree(&mut model, "Beuningen", "01-03-2022", "15-03-2022");
    model.workbook().clone()
}

/// The annex of the workbook file as one text per page, in pdftotext's `mode` ("-raw" in reading
/// order, "-layout" with a table row on one line).
fn annex_pages_in(mode: &str, dir: &Path, workbook: &Path) -> Vec<String> {
    let pdf = dir.join("bijlage.pdf");
    let (code, out, err) = run(&[
        "annex",
        workbook.to_str().unwrap(),
        "--out",
        pdf.to_str().unwrap(),
        "--force",
        "--overwrite",
    ]);
    assert_eq!(code, Some(0), "{out}{err}");
    // pdftotext separates pages with a form feed.
    let text = tool("pdftotext", &[mode], &pdf);
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

fn annex_pages(dir: &Path, workbook: &Path) -> Vec<String> {
    annex_pages_in("-raw", dir, workbook)
}

fn sha256_hex(path: &Path) -> String {
    Sha256::digest(std::fs::read(path).unwrap())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[test]
fn every_page_names_its_workbook_and_the_controlegetal_sha256sum_and_verify_print() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "beuningen-2022.ron", &amended_workbook());
    let full = sha256_hex(&path);
    // verify prints the same controlegetal in full, so paper and file can be compared.
    let (code, out) = verify(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains(&format!("controlegetal {full}")), "{out}");

    let pages = annex_pages(dir.path(), &path);
    assert!(pages.len() >= 9, "{} pages", pages.len());
    let count = pages.len();
    for (i, page) in pages.iter().enumerate() {
        let page = page.replace('\n', " ");
        assert!(
            page.contains(&format!(
                "Werkmap beuningen-2022.ron, controlegetal {}",
                &full[..12]
            )),
            "page {} lacks the workbook's identity: {page}",
            i + 1
        );
        assert!(
            page.contains(&format!("Pagina {} van {count}", i + 1)),
            "page {} lacks its number: {page}",
            i + 1
        );
    }

    // Another workbook (its region renamed) gives another controlegetal on its pages.
    let mut other = amended_workbook();
    other.region.name.push_str(" (kopie)");
    let other_path = write(dir.path(), "ander.ron", &other);
    let other_pages = annex_pages(dir.path(), &other_path);
    assert!(!other_pages[0].contains(&full[..12]), "{}", other_pages[0]);
    assert!(other_pages[0].contains(&sha256_hex(&other_path)[..12]));
}

#[test]
fn an_article_page_names_its_version_and_agreement_and_the_register_lists_every_version() {
    let dir = tempfile::tempdir().unwrap();
    let workbook = amended_workbook();
    let path = write(dir.path(), "werkmap.ron", &workbook);
    let agreed = &workbook.plan("Beuningen").unwrap().sign_off.agreed;
    assert_eq!(agreed.len(), 2);
    let (first, amendment) = (&agreed[0].fingerprint[..12], &agreed[1].fingerprint[..12]);

    let pages = annex_pages(dir.path(), &path);
    let beuningen: Vec<&String> = pages
        .iter()
        .filter(|p| p.contains("Artikel 6 Beuningen"))
        .collect();
    assert!(!beuningen.is_empty());
    for page in &beuningen {
        let page = page.replace('\n', " ");
        assert!(
            page.contains(&format!(
                "Artikel 6 Beuningen · tussentijdse wijziging 1 · vastgesteld, vingerafdruk {amendment}"
            )),
            "{page}"
        );
    }
    // A concept article says so in its footer, not a fingerprint.
    let druten = pages
        .iter()
        .find(|p| p.contains("Artikel 7 Druten ·"))
        .expect("Druten's page");
    assert!(
        druten.contains("Artikel 7 Druten · oorspronkelijke versie · concept, niet vastgesteld")
    );

    // The register, last: both of Beuningen's versions, the first replaced, the amendment in force.
    let pages = annex_pages_in("-layout", dir.path(), &path);
    let register = pages.last().unwrap();
    assert!(register.contains("Versieregister"), "{register}");
    let lines: Vec<&str> = register.lines().collect();
    let line_with = |needle: &str| {
        lines
            .iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("no register line with {needle}: {register}"))
            .to_string()
    };
    let original = line_with(first);
    assert!(original.contains("Oorspronkelijk"), "{original}");
    assert!(original.contains("14 maart 2021"), "{original}");
    assert!(original.contains("vervangen"), "{original}");
    let current = line_with(amendment);
    assert!(current.contains("Wijziging 1"), "{current}");
    assert!(current.contains("15 maart 2022"), "{current}");
    assert!(current.contains("geldt"), "{current}");
    // Only agreed versions are listed: no other gemeente was agreed.
    assert!(!register.contains("Druten"), "{register}");
}

#[test]
fn an_annex_with_nothing_agreed_says_so_in_its_register() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "leeg.ron", &crate::common::filled_workbook());
    let pages = annex_pages(dir.path(), &path);
    let register = pages.last().unwrap().replace('\n', " ");
    assert!(register.contains("Versieregister"), "{register}");
    assert!(
        register.contains("Er is nog geen versie vastgesteld."),
        "{register}"
    );
}

#[test]
fn a_file_edited_by_hand_is_not_printed_as_if_its_sha256sum_were_the_controlegetal() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "werkmap.ron", &amended_workbook());
    // The same workbook, reformatted by hand: what the app reads is unchanged, the bytes are not.
    let text = std::fs::read_to_string(&path).unwrap();
    std::fs::write(&path, text.replace("\n", "\n\n")).unwrap();
    let (code, out) = verify(&path);
    assert_eq!(code, Some(0), "{out}");
    assert!(out.contains("sha256sum geeft een ander getal"), "{out}");
    let pages = annex_pages(dir.path(), &path);
    let footer = pages[0].replace('\n', " ");
    assert!(
        footer.contains("Werkmap werkmap.ron (met niet-opgeslagen wijzigingen), controlegetal"),
        "{footer}"
    );
    assert!(!footer.contains(&sha256_hex(&path)[..12]), "{footer}");
}
