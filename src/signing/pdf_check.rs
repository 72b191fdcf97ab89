//! Reading an annex back: the workbook attached to it, the controlegetal its metadata claims, and
//! each digital signature, checked against the bytes it covers and the certificate it carries.
//!
//! Why it exists: an archive may hold only the PDF. `keuzekaart verify bijlage.pdf` must say,
//! years later and offline, whether the pages are as signed, who signed them, and whether the
//! workbook inside is the one the pages belong to. The parsing is `hayro-syntax`'s and the
//! cryptography RustCrypto's (`cms`, `rsa`, `sha2`); this module puts them together the way
//! RFC 5652 (5.4, 5.6) and ISO 32000-1 (12.8.1) describe.

use cms::cert::CertificateChoices;
use cms::content_info::ContentInfo;
use cms::signed_data::{SignedData, SignerIdentifier, SignerInfo};
use const_oid::db::rfc5911::ID_MESSAGE_DIGEST;
use const_oid::db::rfc5912::{ID_SHA_256, RSA_ENCRYPTION, SHA_256_WITH_RSA_ENCRYPTION};
use der::asn1::OctetString;
use der::{Decode, Encode};
use hayro_syntax::object::{Array, Dict, Stream, String as PdfString};
use rsa::pkcs8::DecodePublicKey;
use rsa::signature::Verifier;
use sha2::{Digest, Sha256};
use x509_cert::Certificate;

/// The prefix of the keyword in which the annex names its workbook's controlegetal.
pub const FINGERPRINT_KEYWORD: &str = "keuzekaart-controlegetal:";

/// What an annex PDF says about itself.
#[derive(Debug)]
pub struct PdfFindings {
    /// The attached workbook (its name in the PDF and its bytes, or why they cannot be read), if
    /// there is one.
    pub attachment: Option<(String, Result<Vec<u8>, String>)>,
    /// The controlegetal in the PDF's keywords, if any.
    pub claimed_fingerprint: Option<String>,
    /// Every signature field that holds a signature, in the form's order.
    pub signatures: Vec<SignatureFindings>,
}

/// One signature, checked.
#[derive(Debug)]
pub struct SignatureFindings {
    /// The signer's name as the signature dictionary gives it.
    pub name: String,
    /// The claimed signing time (`/M`), as written (`D:20221215…`).
    pub when: String,
    /// Subject and issuer of the signing certificate (RFC 4514), and its validity period.
    pub certificate: Option<CertificateSummary>,
    /// `None` when the signature holds; else why not, in Dutch.
    pub problem: Option<String>,
    /// Whether it covers the whole file as it is now (no changes after it).
    pub covers_whole_file: bool,
}

/// Who a certificate names, for a person to read.
#[derive(Debug)]
pub struct CertificateSummary {
    /// The holder (RFC 4514, e.g. `CN=J. de Vries,O=Gemeente Wijchen`).
    pub subject: String,
    /// Who issued it.
    pub issuer: String,
    /// Valid from and until, as Dutch dates in UTC ("07-12-2026").
    pub valid: (String, String),
}

/// Reads `pdf`'s attachment (unpacked to at most `max_attachment` bytes), claimed controlegetal
/// and signatures; `Err` in Dutch when the file is not a readable PDF.
pub fn check_pdf(pdf: &[u8], max_attachment: u64) -> Result<PdfFindings, String> {
    let document = hayro_syntax::Pdf::new(pdf.to_vec())
        .map_err(|_| "het bestand is geen leesbare PDF".to_owned())?;
    let claimed_fingerprint = document
        .metadata()
        .keywords
        .as_deref()
        .map(text_of)
        .and_then(|keywords| {
            keywords.split([',', ' ', ';']).find_map(|word| {
                word.trim()
                    .strip_prefix(FINGERPRINT_KEYWORD)
                    .map(str::to_owned)
            })
        });
    let catalog = document
        .xref()
        .get::<Dict<'_>>(document.xref().root_id())
        .ok_or_else(|| "de PDF heeft geen catalogus".to_owned())?;
    let signatures = catalog
        .get::<Dict<'_>>(b"AcroForm")
        .and_then(|form| form.get::<Array<'_>>(b"Fields"))
        .map(|fields| {
            fields
                .iter::<Dict<'_>>()
                .filter_map(|field| field.get::<Dict<'_>>(b"V"))
                .filter(|value| value.contains_key(b"ByteRange"))
                .map(|signature| check_signature(pdf, &signature))
                .collect()
        })
        .unwrap_or_default();
    Ok(PdfFindings {
        attachment: attachment(&catalog, max_attachment),
        claimed_fingerprint,
        signatures,
    })
}

/// The first attached file, from the catalog's associated files (`/AF`, PDF/A-3) or its
/// embedded-files name tree.
fn attachment(catalog: &Dict<'_>, limit: u64) -> Option<(String, Result<Vec<u8>, String>)> {
    let mut specs: Vec<Dict<'_>> = catalog
        .get::<Array<'_>>(b"AF")
        .map(|af| af.iter::<Dict<'_>>().collect())
        .unwrap_or_default();
    if specs.is_empty()
        && let Some(names) = catalog
            .get::<Dict<'_>>(b"Names")
            .and_then(|n| n.get::<Dict<'_>>(b"EmbeddedFiles"))
            .and_then(|tree| tree.get::<Array<'_>>(b"Names"))
    {
        let mut items = names.flex_iter();
        while items.next::<PdfString<'_>>().is_some() {
            if let Some(spec) = items.next::<Dict<'_>>() {
                specs.push(spec);
            }
        }
    }
    specs.into_iter().find_map(|spec| {
        let name = spec
            .get::<PdfString<'_>>(b"UF")
            .or_else(|| spec.get::<PdfString<'_>>(b"F"))
            .map(|n| text_of(n.as_bytes()))
            .unwrap_or_default();
        let stream = spec.get::<Dict<'_>>(b"EF")?.get::<Stream<'_>>(b"F")?;
        Some((name, bounded_contents(&stream, limit)))
    })
}

/// A stream's contents, unpacked no further than `limit` bytes (so a small PDF cannot unpack to
/// gigabytes): raw or Flate-compressed, as Typst writes attachments. Anything else, or more than
/// the limit, is `Err` in Dutch.
fn bounded_contents(stream: &Stream<'_>, limit: u64) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let raw = stream.raw_data();
    let filters = stream.filters();
    let mut out = Vec::new();
    match filters.as_slice() {
        [] => out.extend_from_slice(&raw[..raw.len().min(limit as usize + 1)]),
        [hayro_syntax::Filter::FlateDecode] => {
            flate2::read::ZlibDecoder::new(&raw[..])
                .take(limit + 1)
                .read_to_end(&mut out)
                .map_err(|_| "de bijgevoegde werkmap is beschadigd".to_owned())?;
        }
        _ => return Err("de bijgevoegde werkmap is op een onbekende manier ingepakt".to_owned()),
    }
    if out.len() as u64 > limit {
        return Err(format!(
            "de bijgevoegde werkmap is groter dan {} MB",
            limit / (1024 * 1024)
        ));
    }
    Ok(out)
}

fn check_signature(pdf: &[u8], signature: &Dict<'_>) -> SignatureFindings {
    let text = |key: &[u8]| {
        signature
            .get::<PdfString<'_>>(key)
            .map(|s| text_of(s.as_bytes()))
            .unwrap_or_default()
    };
    let mut findings = SignatureFindings {
        name: text(b"Name"),
        when: text(b"M"),
        certificate: None,
        problem: None,
        covers_whole_file: false,
    };
    let range: Vec<usize> = signature
        .get::<Array<'_>>(b"ByteRange")
        .map(|r| r.iter::<usize>().collect())
        .unwrap_or_default();
    let contents = signature.get::<PdfString<'_>>(b"Contents");
    let (Some(contents), &[start, first_len, second, second_len]) = (contents, range.as_slice())
    else {
        findings.problem = Some("de handtekening is onvolledig (geen bereik of inhoud)".to_owned());
        return findings;
    };
    let (first_end, second_end) = (
        start.saturating_add(first_len),
        second.saturating_add(second_len),
    );
    if start != 0 || first_end > second || second_end > pdf.len() {
        findings.problem = Some("het ondertekende bereik past niet in het bestand".to_owned());
        return findings;
    }
    findings.covers_whole_file = second_end == pdf.len();
    let mut hasher = Sha256::new();
    hasher.update(&pdf[..first_end]);
    hasher.update(&pdf[second..second_end]);
    let digest = hasher.finalize();
    match verify_cms(contents.as_bytes(), &digest) {
        Ok(certificate) => findings.certificate = Some(summary(&certificate)),
        Err((certificate, problem)) => {
            findings.certificate = certificate.as_deref().map(summary);
            findings.problem = Some(problem);
        }
    }
    if findings.name.is_empty()
        && let Some(certificate) = &findings.certificate
    {
        findings.name = certificate.subject.clone();
    }
    findings
}

type CmsFailure = (Option<Box<Certificate>>, String);

/// Checks a detached CMS signature over `digest` (SHA-256 of the signed byte ranges): the
/// message-digest attribute must equal it, and the signer's RSA signature over the signed
/// attributes must hold under the certificate's key. Returns the signer's certificate.
fn verify_cms(contents: &[u8], digest: &[u8]) -> Result<Certificate, CmsFailure> {
    let damaged = |what: &str| (None, format!("de handtekening is beschadigd ({what})"));
    // The room for the signature is padded with zeros after the DER.
    let mut reader = der::SliceReader::new(contents).map_err(|_| damaged("DER"))?;
    let info = ContentInfo::decode(&mut reader).map_err(|_| damaged("CMS"))?;
    let signed: SignedData = info
        .content
        .decode_as()
        .map_err(|_| damaged("SignedData"))?;
    let signer = signed
        .signer_infos
        .0
        .iter()
        .next()
        .ok_or_else(|| damaged("geen ondertekenaar"))?;
    let certificate = signer_certificate(&signed, signer).ok_or_else(|| {
        (
            None,
            "het certificaat van de ondertekenaar zit niet in de handtekening".to_owned(),
        )
    })?;
    let failed = |why: &str| (Some(Box::new(certificate.clone())), why.to_owned());
    if signer.digest_alg.oid != ID_SHA_256 {
        return Err(failed(
            "de handtekening gebruikt een ander hash-algoritme dan SHA-256; niet gecontroleerd",
        ));
    }
    if ![RSA_ENCRYPTION, SHA_256_WITH_RSA_ENCRYPTION].contains(&signer.signature_algorithm.oid) {
        return Err(failed(
            "de handtekening is geen RSA-handtekening; niet gecontroleerd",
        ));
    }
    let attributes = signer
        .signed_attrs
        .as_ref()
        .ok_or_else(|| failed("de handtekening heeft geen ondertekende kenmerken"))?;
    let claimed = attributes
        .iter()
        .find(|a| a.oid == ID_MESSAGE_DIGEST)
        .and_then(|a| a.values.iter().next())
        .and_then(|v| v.decode_as::<OctetString>().ok())
        .ok_or_else(|| failed("de handtekening noemt niet wat ze ondertekent"))?;
    if claimed.as_bytes() != digest {
        return Err(failed(
            "het bestand is na het ondertekenen gewijzigd: de ondertekende bytes kloppen niet meer",
        ));
    }
    let key = certificate
        .tbs_certificate
        .subject_public_key_info
        .to_der()
        .ok()
        .and_then(|spki| rsa::RsaPublicKey::from_public_key_der(&spki).ok())
        .ok_or_else(|| failed("de sleutel in het certificaat is geen leesbare RSA-sleutel"))?;
    let signed_bytes = attributes
        .to_der()
        .map_err(|_| failed("de kenmerken zijn niet te lezen"))?;
    let signature = rsa::pkcs1v15::Signature::try_from(signer.signature.as_bytes())
        .map_err(|_| failed("de handtekening is beschadigd"))?;
    rsa::pkcs1v15::VerifyingKey::<Sha256>::new(key)
        .verify(&signed_bytes, &signature)
        .map_err(|_| failed("de handtekening hoort niet bij het certificaat of is vervalst"))?;
    Ok(certificate)
}

/// The certificate the signer names (by issuer and serial number, or by key identifier).
fn signer_certificate(signed: &SignedData, signer: &SignerInfo) -> Option<Certificate> {
    let certificates = signed.certificates.as_ref()?;
    certificates.0.iter().find_map(|choice| {
        let CertificateChoices::Certificate(certificate) = choice else {
            return None;
        };
        let tbs = &certificate.tbs_certificate;
        let matches = match &signer.sid {
            SignerIdentifier::IssuerAndSerialNumber(id) => {
                id.issuer == tbs.issuer && id.serial_number == tbs.serial_number
            }
            SignerIdentifier::SubjectKeyIdentifier(id) => tbs
                .get::<x509_cert::ext::pkix::SubjectKeyIdentifier>()
                .ok()
                .flatten()
                .is_some_and(|(_, ski)| ski == *id),
        };
        matches.then(|| certificate.clone())
    })
}

fn summary(certificate: &Certificate) -> CertificateSummary {
    let tbs = &certificate.tbs_certificate;
    CertificateSummary {
        subject: super::identity::name_text(&tbs.subject),
        issuer: super::identity::name_text(&tbs.issuer),
        valid: (
            day_text(&tbs.validity.not_before),
            day_text(&tbs.validity.not_after),
        ),
    }
}

/// A PDF text string as text: UTF-16BE after its byte order mark, else PDFDocEncoding (read
/// as Latin-1, which agrees with it for every letter a Dutch name uses).
pub fn text_of(bytes: &[u8]) -> String {
    match bytes.strip_prefix(&[0xFE, 0xFF]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|pair| u16::from_be_bytes([pair[0], pair[1]]))
                .collect();
            String::from_utf16_lossy(&units)
        }
        None => bytes.iter().map(|&b| b as char).collect(),
    }
}

/// A certificate's time as a Dutch date (UTC), as an official reads a validity ("07-12-2026").
fn day_text(time: &x509_cert::time::Time) -> String {
    i64::try_from(time.to_unix_duration().as_secs())
        .ok()
        .and_then(|seconds| chrono::DateTime::from_timestamp(seconds, 0))
        .map_or_else(|| time.to_string(), |t| t.format("%d-%m-%Y").to_string())
}
