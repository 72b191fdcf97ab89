//! A PDF signed as PAdES: a signature field and signature dictionary appended as an
//! incremental update (ISO 32000-1, 7.5.6 and 12.8), so every byte of the annex as printed
//! stays where it was and its PDF/A declaration holds; the signature covers the whole file
//! but for its own `/Contents`.

use lopdf::{Dictionary, Document, IncrementalDocument, Object, ObjectId, StringFormat};
use sha2::{Digest, Sha256};

use super::cms_signature::detached_signature;
use super::{SignError, SigningIdentity};

/// Room kept for the CMS signature, in bytes (hex doubles it in the file): a 4096-bit key and a
/// chain of three certificates fit with room to spare.
const SIGNATURE_ROOM: usize = 24 * 1024;
/// Stands in for each byte-range number until the file's length is known; ten digits, so a
/// file up to 9 GB fits in its place.
const PLACEHOLDER: i64 = 9_999_999_999;

/// What the signature dictionary says besides the signature itself.
#[derive(Clone, Debug)]
pub struct SignatureDetails {
    /// Why it is signed ("Vastgesteld door het college van …"), shown by PDF readers.
    pub reason: String,
    /// Where it was signed, if the signer says.
    pub location: Option<String>,
    /// The claimed signing time (PAdES B-B keeps it in `/M`, not in the CMS).
    pub when: chrono::DateTime<chrono::FixedOffset>,
}

/// Signs `pdf` with `identity`: returns the original bytes followed by the update that carries
/// the signature. A PDF that already has signatures gets one more (its earlier ones stay valid).
pub fn sign_pdf(
    pdf: &[u8],
    identity: &SigningIdentity,
    details: &SignatureDetails,
) -> Result<Vec<u8>, SignError> {
    let pdf_error = |e: lopdf::Error| SignError::Pdf(e.to_string());
    let document = Document::load_mem(pdf).map_err(pdf_error)?;
    if document.is_encrypted() {
        return Err(SignError::Pdf("het bestand is versleuteld".to_owned()));
    }
    let catalog_id = document
        .trailer
        .get(b"Root")
        .and_then(Object::as_reference)
        .map_err(pdf_error)?;
    let first_page = *document
        .get_pages()
        .values()
        .next()
        .ok_or_else(|| SignError::Pdf("het bestand heeft geen pagina's".to_owned()))?;
    let mut update = IncrementalDocument::create_from(pdf.to_vec(), document);
    let signature_id = update
        .new_document
        .add_object(signature_dictionary(identity, details));
    add_field(&mut update, catalog_id, first_page, signature_id)?;
    let mut bytes = Vec::with_capacity(pdf.len() + 2 * SIGNATURE_ROOM + 4096);
    update
        .save_to(&mut bytes)
        .map_err(|e| SignError::Pdf(e.to_string()))?;
    let (start, end) = fill_byte_range(&mut bytes, pdf.len())?;
    let mut hasher = Sha256::new();
    hasher.update(&bytes[..start]);
    hasher.update(&bytes[end..]);
    let signature = detached_signature(identity, &hasher.finalize())?;
    if signature.len() > SIGNATURE_ROOM {
        return Err(SignError::Pdf(format!(
            "de handtekening is groter ({} bytes) dan de ruimte ervoor",
            signature.len()
        )));
    }
    let hex: String = signature.iter().map(|b| format!("{b:02X}")).collect();
    bytes[start + 1..start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(bytes)
}

fn signature_dictionary(identity: &SigningIdentity, details: &SignatureDetails) -> Dictionary {
    let mut dictionary = Dictionary::new();
    dictionary.set("Type", Object::Name(b"Sig".to_vec()));
    dictionary.set("Filter", Object::Name(b"Adobe.PPKLite".to_vec()));
    dictionary.set("SubFilter", Object::Name(b"ETSI.CAdES.detached".to_vec()));
    dictionary.set(
        "ByteRange",
        Object::Array(vec![
            Object::Integer(0),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
            Object::Integer(PLACEHOLDER),
        ]),
    );
    dictionary.set(
        "Contents",
        Object::String(vec![0; SIGNATURE_ROOM], StringFormat::Hexadecimal),
    );
    dictionary.set("M", text(&pdf_date(details.when)));
    dictionary.set("Name", text(&identity.holder()));
    dictionary.set("Reason", text(&details.reason));
    if let Some(location) = &details.location {
        dictionary.set("Location", text(location));
    }
    dictionary
}

/// A text string: PDFDocEncoding when ASCII, else UTF-16BE with its byte order mark, so that a
/// name such as "Müller" or "IJsselstein" reads right in every viewer.
fn text(value: &str) -> Object {
    if value.is_ascii() && !value.chars().any(char::is_control) {
        Object::String(value.as_bytes().to_vec(), StringFormat::Literal)
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in value.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        Object::String(bytes, StringFormat::Hexadecimal)
    }
}

/// A PDF date (ISO 32000-1, 7.9.4): `D:20221215143000+01'00'`.
fn pdf_date(when: chrono::DateTime<chrono::FixedOffset>) -> String {
    let offset = when.offset().local_minus_utc();
    let sign = if offset < 0 { '-' } else { '+' };
    let minutes = offset.abs() / 60;
    format!(
        "D:{}{sign}{:02}'{:02}'",
        when.format("%Y%m%d%H%M%S"),
        minutes / 60,
        minutes % 60
    )
}

/// Adds the signature field (an invisible widget on the first page, printable and locked as
/// PDF/A asks) to the document's form, making the form when there is none.
fn add_field(
    update: &mut IncrementalDocument,
    catalog_id: ObjectId,
    page_id: ObjectId,
    signature_id: ObjectId,
) -> Result<(), SignError> {
    let pdf_error = |e: lopdf::Error| SignError::Pdf(e.to_string());
    let prev = update.get_prev_documents();
    let catalog = prev.get_dictionary(catalog_id).map_err(pdf_error)?;
    let (form_id, mut form) = match catalog.get(b"AcroForm") {
        Ok(Object::Reference(id)) => (
            Some(*id),
            prev.get_dictionary(*id).map_err(pdf_error)?.clone(),
        ),
        Ok(Object::Dictionary(d)) => (None, d.clone()),
        _ => (None, Dictionary::new()),
    };
    let mut fields = array(prev, form.get(b"Fields").ok())?;
    let page = prev.get_dictionary(page_id).map_err(pdf_error)?;
    let mut annotations = array(prev, page.get(b"Annots").ok())?;
    let mut widget = Dictionary::new();
    widget.set("Type", Object::Name(b"Annot".to_vec()));
    widget.set("Subtype", Object::Name(b"Widget".to_vec()));
    widget.set("FT", Object::Name(b"Sig".to_vec()));
    widget.set("T", text(&format!("Handtekening {}", fields.len() + 1)));
    widget.set("V", Object::Reference(signature_id));
    widget.set(
        "Rect",
        Object::Array(vec![0.into(), 0.into(), 0.into(), 0.into()]),
    );
    // Print (4) and Locked (128): PDF/A wants every annotation printable.
    widget.set("F", Object::Integer(132));
    widget.set("P", Object::Reference(page_id));
    let widget_id = update.new_document.add_object(widget);
    fields.push(Object::Reference(widget_id));
    annotations.push(Object::Reference(widget_id));
    form.set("Fields", Object::Array(fields));
    // SignaturesExist (1) and AppendOnly (2): a reader saves later changes as updates too.
    form.set("SigFlags", Object::Integer(3));
    match form_id {
        Some(id) => update.new_document.set_object(id, form),
        None => {
            update
                .opt_clone_object_to_new_document(catalog_id)
                .map_err(pdf_error)?;
            let catalog = update
                .new_document
                .get_dictionary_mut(catalog_id)
                .map_err(pdf_error)?;
            catalog.set("AcroForm", Object::Dictionary(form));
        }
    }
    update
        .opt_clone_object_to_new_document(page_id)
        .map_err(pdf_error)?;
    update
        .new_document
        .get_dictionary_mut(page_id)
        .map_err(pdf_error)?
        .set("Annots", Object::Array(annotations));
    Ok(())
}

/// An array given inline or by reference (as `/Fields` and `/Annots` may be); empty when absent.
fn array(document: &Document, value: Option<&Object>) -> Result<Vec<Object>, SignError> {
    match value {
        Some(Object::Array(items)) => Ok(items.clone()),
        Some(Object::Reference(id)) => document
            .get_object(*id)
            .and_then(Object::as_array)
            .cloned()
            .map_err(|e| SignError::Pdf(e.to_string())),
        _ => Ok(Vec::new()),
    }
}

/// Writes the real byte range over its placeholder in the appended part, and returns where the
/// `/Contents` hex string starts (its `<`) and ends (after its `>`).
fn fill_byte_range(bytes: &mut [u8], original: usize) -> Result<(usize, usize), SignError> {
    let lost = || SignError::Pdf("de plaats voor de handtekening is niet gevonden".to_owned());
    let zeros = format!("<{}>", "0".repeat(2 * SIGNATURE_ROOM));
    let start = original + find(&bytes[original..], zeros.as_bytes()).ok_or_else(lost)?;
    let end = start + zeros.len();
    let key = original + find(&bytes[original..], b"/ByteRange").ok_or_else(lost)?;
    let open = key + find(&bytes[key..], b"[").ok_or_else(lost)?;
    let close = open + find(&bytes[open..], b"]").ok_or_else(lost)?;
    let room = close - open + 1;
    let mut range = format!("[0 {start} {end} {}", bytes.len() - end);
    if range.len() + 1 > room {
        return Err(lost());
    }
    while range.len() + 1 < room {
        range.push(' ');
    }
    range.push(']');
    bytes[open..=close].copy_from_slice(range.as_bytes());
    Ok((start, end))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}
