//! Fuzz target: any bytes as an annex PDF given to `keuzekaart verify bijlage.pdf` (or *Bestand →
//! Bijlage controleren…*): the PDF reader, the attachment's bounded unpacking, the signature's
//! byte range, the CMS decoder and the RSA check, and the attached workbook's loader. A panic
//! anywhere is a bug: a hostile PDF must get a message, never a crash.

#![no_main]

use keuzekaart::signing::check_pdf;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(findings) = check_pdf(data, 1024 * 1024) else {
        return;
    };
    if let Some((_, Ok(workbook))) = &findings.attachment {
        assert!(workbook.len() <= 1024 * 1024, "the unpacking limit holds");
        let _ = keuzekaart::storage::parse_workbook_bytes(workbook);
    }
    for signature in &findings.signatures {
        // Valid only when the whole chain held: a certificate was found and read.
        assert!(signature.problem.is_some() || signature.certificate.is_some());
    }
});
