//! Checking a record outside the app: a workbook's sign-offs, and an annex PDF's signatures and
//! the workbook attached to it. Printed by `keuzekaart verify` and shown by *Bestand → Bijlage
//! controleren…*, so the command line and the window say the same words.

use std::io::Write;
use std::path::Path;

use crate::core::signoff;
use crate::core::workbook::Workbook;

/// What a check of an annex PDF found, as a whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// Every signature holds, the attached workbook is the one the PDF names (and the one given),
    /// and its sign-offs hold.
    Holds,
    /// A signature fails, the file changed after the last one, the workbook is missing or is not
    /// the one named, or a sign-off inside it is broken.
    Fails,
    /// The file is not a readable PDF.
    Unreadable,
    /// All holds, but a sign-off inside holds only with an old fingerprint recipe.
    OldFingerprint,
}

/// Prints each gemeente's sign-off and whether its seal holds; says whether one is broken and
/// whether one holds only with an old recipe.
pub fn report_seals(workbook: &Workbook, out: &mut dyn Write) -> std::io::Result<(bool, bool)> {
    let (mut broken, mut old) = (false, false);
    for check in signoff::verify(workbook) {
        let version = if check.version == 0 {
            String::new()
        } else {
            format!(", tussentijdse wijziging {}", check.version)
        };
        let verdict = match &check.seal {
            None => "nog niet vastgesteld".to_owned(),
            Some(signoff::Seal::Holds(_)) => "vingerafdruk klopt".to_owned(),
            Some(signoff::Seal::OldRecipe(recipe)) => {
                old = true;
                format!(
                    "NIET GEDEKT: vastgesteld {}; leg het besluit opnieuw vast",
                    signoff::old_recipe_note(*recipe)
                )
            }
            Some(signoff::Seal::Broken(reason)) => {
                broken = true;
                format!("ONGELDIG: {reason}")
            }
        };
        writeln!(
            out,
            "{}: {}{version} — {verdict}",
            check.gemeente,
            check.status.label()
        )?;
        if let Some(fingerprint) = &check.fingerprint {
            writeln!(out, "    vingerafdruk: {fingerprint}")?;
        }
    }
    Ok((broken, old))
}

/// Whether `file` is a PDF (by its first bytes, so a renamed file is still recognised). Only a
/// regular file is opened: a pipe or device would wait for ever, and is refused by the reader of
/// workbooks with a reason.
pub fn is_pdf(file: &Path) -> bool {
    use std::io::Read;
    if !std::fs::metadata(file).is_ok_and(|m| m.is_file()) {
        return false;
    }
    let mut start = [0u8; 5];
    std::fs::File::open(file)
        .and_then(|mut f| f.read_exact(&mut start))
        .is_ok_and(|()| &start == b"%PDF-")
}

/// `verify bijlage.pdf`: its signatures, the workbook attached to it and that workbook's own
/// sign-offs, and (with `--werkmap`) whether it belongs to that workbook.
pub fn verify_pdf(
    file: &Path,
    workbook_file: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<Outcome> {
    let findings = match read_pdf(file)
        .and_then(|bytes| crate::signing::check_pdf(&bytes, crate::storage::MAX_FILE_BYTES))
    {
        Ok(findings) => findings,
        Err(reason) => {
            writeln!(err, "{}: {reason}", file.display())?;
            return Ok(Outcome::Unreadable);
        }
    };
    writeln!(out, "Bijlage {}", file.display())?;
    let mut failed = report_signatures(&findings.signatures, out)?;
    let Some((name, data)) = &findings.attachment else {
        writeln!(
            out,
            "GEEN WERKMAP: de bijlage bevat geen werkmap (gemaakt door een oudere versie of een aangepast sjabloon)"
        )?;
        return Ok(Outcome::Fails);
    };
    let data = match data {
        Ok(data) => data,
        Err(reason) => {
            writeln!(out, "Bijgevoegde werkmap {}: {reason}", printable(name))?;
            return Ok(Outcome::Fails);
        }
    };
    let (attached_failed, old) = report_attachment(name, data, &findings, workbook_file, out, err)?;
    failed |= attached_failed;
    Ok(if failed {
        Outcome::Fails
    } else if old {
        Outcome::OldFingerprint
    } else {
        Outcome::Holds
    })
}

/// The largest annex `verify` reads: the largest workbook's annex is a few MB.
const MAX_PDF_BYTES: u64 = 200 * 1024 * 1024;

fn read_pdf(file: &Path) -> Result<Vec<u8>, String> {
    let metadata = std::fs::metadata(file).map_err(|e| crate::storage::io_reason(&e))?;
    if !metadata.is_file() {
        return Err("dit is geen gewoon bestand".to_owned());
    }
    if metadata.len() > MAX_PDF_BYTES {
        return Err(format!(
            "het bestand is groter dan {} MB; zo groot is geen bijlage",
            MAX_PDF_BYTES / (1024 * 1024)
        ));
    }
    std::fs::read(file).map_err(|e| crate::storage::io_reason(&e))
}

/// Prints each signature of an annex; says whether one fails.
fn report_signatures(
    signatures: &[crate::signing::SignatureFindings],
    out: &mut dyn Write,
) -> std::io::Result<bool> {
    if signatures.is_empty() {
        writeln!(
            out,
            "Niet digitaal ondertekend: dat de pagina's niet zijn veranderd, kan alleen een handtekening aantonen"
        )?;
        return Ok(false);
    }
    let mut failed = false;
    for (index, signature) in signatures.iter().enumerate() {
        let verdict = match &signature.problem {
            None => "geldig".to_owned(),
            Some(problem) => {
                failed = true;
                format!("ONGELDIG: {problem}")
            }
        };
        writeln!(
            out,
            "Handtekening {} van {} ({}): {verdict}",
            index + 1,
            printable(&signature.name),
            printable(&dutch_date(&signature.when))
        )?;
        if let Some(certificate) = &signature.certificate {
            writeln!(
                out,
                "    certificaat: {}\n    uitgegeven door: {}\n    geldig van {} tot {}",
                printable(&certificate.subject),
                printable(&certificate.issuer),
                certificate.valid.0,
                certificate.valid.1
            )?;
        }
        if index + 1 == signatures.len() && !signature.covers_whole_file {
            failed = true;
            writeln!(
                out,
                "    NA DEZE HANDTEKENING GEWIJZIGD: het bestand is na de laatste handtekening nog veranderd"
            )?;
        }
    }
    if !failed {
        writeln!(
            out,
            "    of de uitgever van het certificaat te vertrouwen is, controleert Keuzekaart niet offline \
             (daarvoor is de vertrouwenslijst nodig, bijvoorbeeld die van PKIoverheid)"
        )?;
    }
    Ok(failed)
}

/// Text from a PDF someone else may have made, safe to print: control characters and the
/// characters that turn the direction of text (which could make a line say something else)
/// left out, and at most 300 characters.
fn printable(text: &str) -> String {
    let mut out: String = text
        .chars()
        .filter(|c| !c.is_control() && !crate::core::words::is_bidi_control(*c))
        .take(300)
        .collect();
    if text.chars().count() > 300 {
        out.push('…');
    }
    out
}

/// A PDF date (`D:20221215143000+01'00'`) as a Dutch reader writes it (`15-12-2022 14:30`),
/// with its time zone; given back as written when it is not one.
fn dutch_date(pdf_date: &str) -> String {
    let digits = pdf_date.strip_prefix("D:").unwrap_or(pdf_date);
    let part = |range: std::ops::Range<usize>| {
        digits
            .get(range)
            .filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
    };
    match (
        part(0..4),
        part(4..6),
        part(6..8),
        part(8..10),
        part(10..12),
    ) {
        (Some(y), Some(m), Some(d), Some(h), Some(min)) => {
            let zone = match digits.get(14..) {
                Some("Z") | None | Some("") => "UTC".to_owned(),
                Some(zone) => format!("UTC{}", zone.trim_end_matches('\'').replacen('\'', ":", 1)),
            };
            format!("{d}-{m}-{y} {h}:{min} {zone}")
        }
        _ => pdf_date.to_owned(),
    }
}

/// Prints what the attached workbook is and whether it is the one the annex names (and the one
/// given with `--werkmap`); says whether that fails and whether a sign-off inside it holds only
/// with an old recipe.
fn report_attachment(
    name: &str,
    data: &[u8],
    findings: &crate::signing::PdfFindings,
    workbook_file: Option<&Path>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<(bool, bool)> {
    use sha2::{Digest, Sha256};
    let actual = format!("{:x}", Sha256::digest(data));
    writeln!(
        out,
        "Bijgevoegde werkmap {}: controlegetal {actual}",
        printable(name)
    )?;
    let mut failed = match &findings.claimed_fingerprint {
        Some(claimed) if *claimed == actual => {
            writeln!(
                out,
                "    gelijk aan het controlegetal in de gegevens van de PDF"
            )?;
            false
        }
        Some(claimed) => {
            writeln!(
                out,
                "    ANDERS dan het controlegetal in de gegevens van de PDF ({}): de werkmap is vervangen of gewijzigd",
                printable(claimed)
            )?;
            true
        }
        None => {
            writeln!(
                out,
                "    de PDF noemt geen controlegetal om mee te vergelijken"
            )?;
            true
        }
    };
    let workbook = match crate::storage::parse_workbook_bytes(data) {
        Ok(workbook) => workbook,
        Err(e) => {
            writeln!(out, "    de bijgevoegde werkmap is niet te lezen: {e}")?;
            return Ok((true, false));
        }
    };
    let (broken, old) = report_seals(&workbook, out)?;
    failed |= broken;
    if let Some(path) = workbook_file {
        let given = match crate::storage::read_workbook(path) {
            Ok(given) => given,
            Err(e) => {
                writeln!(err, "{}: {e}", path.display())?;
                return Ok((true, old));
            }
        };
        let theirs = crate::storage::content_fingerprint(&given);
        if theirs == actual {
            writeln!(out, "De bijlage hoort bij {}", path.display())?;
        } else {
            failed = true;
            writeln!(
                out,
                "De bijlage hoort NIET bij {}: die werkmap heeft controlegetal {}",
                path.display(),
                theirs
            )?;
        }
    }
    Ok((failed, old))
}

#[cfg(test)]
mod tests {
    use super::dutch_date;

    #[test]
    fn pdf_dates_read_the_dutch_way() {
        assert_eq!(
            dutch_date("D:20221215143000+01'00'"),
            "15-12-2022 14:30 UTC+01:00"
        );
        assert_eq!(dutch_date("D:20221215143000Z"), "15-12-2022 14:30 UTC");
        assert_eq!(dutch_date("gisteren"), "gisteren");
        assert_eq!(dutch_date("D:2022"), "D:2022");
    }

    #[test]
    fn text_from_a_pdf_cannot_turn_or_break_a_line() {
        assert_eq!(
            super::printable("Jan\u{202e}reteP\n\u{1b}[31m"),
            "JanreteP[31m"
        );
        assert_eq!(super::printable(&"x".repeat(1000)).chars().count(), 301);
    }
}
