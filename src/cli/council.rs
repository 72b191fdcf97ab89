//! `keuzekaart raadsinfo`: the council pages of a workbook as PDF, for a spare laptop or a script
//! that prints them for every council before a meeting.

use std::io::Write;
use std::path::Path;

use super::{EXIT_NOT_WRITTEN, EXIT_UNREADABLE, deliver, load, unknown_gemeente};

/// Makes the council pages of `file` (all gemeenten, or `gemeente`'s) and writes them to `path`.
pub(super) fn raadsinfo(
    file: &Path,
    gemeente: Option<&str>,
    path: &Path,
    overwrite: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    if let Some(name) = gemeente
        && workbook.region.gemeente(name).is_none()
    {
        writeln!(err, "{}", unknown_gemeente(&workbook, name))?;
        return Ok(EXIT_NOT_WRITTEN);
    }
    let as_of =
        crate::core::progress_figures::reckoning_day(&workbook, chrono::Local::now().date_naive());
    let options = crate::annex::AnnexOptions {
        gemeente: gemeente.map(str::to_owned),
        source: file.file_name().map(|n| n.to_string_lossy().into_owned()),
        // The footer's controlegetal is the workbook's as read, as in the annex.
        unsaved: !crate::storage::file_matches(&workbook, file),
        ..crate::annex::AnnexOptions::default()
    };
    let made = crate::annex::council_pdf(&workbook, &options, as_of);
    let pages = match gemeente {
        Some(name) => format!("de pagina van {name}"),
        None => format!(
            "{} pagina's, één per gemeente",
            workbook.region.gemeenten.len()
        ),
    };
    let done = format!(
        "Raadsinformatie gemaakt: {} ({pages}, realisatie per {}).",
        path.display(),
        as_of.format("%d-%m-%Y")
    );
    deliver(path, file, made, overwrite, &done, out, err)
}
