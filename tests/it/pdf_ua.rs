//! The annex as a screen reader meets it (PDF/UA-1 with PDF/A-3a, EN 301 549 11.8): its
//! structure tree read by pikepdf (QPDF, a reader the project did not write), not by Typst.

use std::process::Command;

use crate::common::{agreed_workbook, missing_tool};
use keuzekaart::annex::{AnnexOptions, annex_pdf};

fn have_pikepdf() -> bool {
    let found = Command::new("python3")
        .args(["-c", "import pikepdf"])
        .status()
        .is_ok_and(|s| s.success());
    if !found {
        missing_tool("pikepdf", "python3-pip, then pip install pikepdf");
    }
    found
}

/// What pikepdf finds in a PDF's structure tree (tests/tools/pdf_structure.py), or `None` where
/// pikepdf is missing outside CI (under CI a missing pikepdf fails the test).
pub(crate) fn structure(pdf: &std::path::Path) -> Option<serde_json::Value> {
    if !have_pikepdf() {
        return None;
    }
    let out = Command::new("python3")
        .arg(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/tools/pdf_structure.py"
        ))
        .arg(pdf)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(serde_json::from_slice(&out.stdout).unwrap())
}

#[test]
fn the_annex_is_tagged_for_a_screen_reader_with_headings_table_headers_and_chart_texts() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bijlage.pdf");
    std::fs::write(
        &pdf,
        annex_pdf(&agreed_workbook(), &AnnexOptions::default()).unwrap(),
    )
    .unwrap();
    let Some(found) = structure(&pdf) else {
        return;
    };
    assert_eq!(found["lang"], "nl", "{found}");
    assert_eq!(found["marked"], true, "{found}");
    assert_eq!(
        found["display_doc_title"], true,
        "the title, not the file name: {found}"
    );
    let tags = &found["tags"];
    let count = |tag: &str| tags[tag].as_u64().unwrap_or(0);
    // Headings: the front matter and one article per gemeente, with their sections below.
    assert!(count("H1") >= 3 + 7, "{found}");
    assert!(count("H2") >= 2 * 7, "{found}");
    // Tables with header cells: the overview's two, each article's choices and signatures, the
    // register.
    let tables = 2 + 7 + 1;
    assert!(count("Table") >= tables, "{found}");
    assert_eq!(
        count("THead"),
        count("Table"),
        "every table has a header row: {found}"
    );
    assert!(count("TH") >= count("Table") * 2, "{found}");
    // The pie is a figure whose text gives every number it shows.
    let alts: Vec<&str> = found["figure_alts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a.as_str().unwrap())
        .collect();
    assert_eq!(
        alts.len(),
        count("Figure") as usize,
        "every figure has its text: {found}"
    );
    let pie = alts
        .iter()
        .find(|a| a.starts_with("Taartdiagram"))
        .unwrap_or_else(|| panic!("{found}"));
    for gemeente in ["Berg en Dal", "Beuningen", "Nijmegen", "Wijchen"] {
        assert!(pie.contains(gemeente), "{pie}");
    }
    assert!(pie.contains("€ "), "the amounts: {pie}");
}
