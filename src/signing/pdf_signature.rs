//! A PDF signed as PAdES: a signature field and signature dictionary appended as an
//! incremental update (ISO 32000-1, 7.5.6 and 12.8), so every byte of the annex as printed
//! stays where it was and its PDF/A declaration holds; the signature covers the whole file
//! but for its own `/Contents`.

use hayro_syntax::object::{Array, Dict, ObjectIdentifier};
use hayro_syntax::reader::{Reader, ReaderExt};
use sha2::{Digest, Sha256};

use super::SignError;
use super::cms_signature::detached_signature;
use super::identity::SigningIdentity;
use super::pdf_file::{RawEntries, Trailer, as_reference, raw_entries, raw_value};

/// Room kept for the CMS signature, in bytes (hex doubles it in the file): a 4096-bit key and a
/// chain of three certificates fit with room to spare.
const SIGNATURE_ROOM: usize = 24 * 1024;
/// Stands in for each byte-range number until the file's length is known; ten digits, so a
/// file up to 9 GB fits in its place.
const PLACEHOLDER: &str = "[0 9999999999 9999999999 9999999999]";

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
    let unreadable = || SignError::Pdf("het bestand is geen leesbare PDF".to_owned());
    let trailer = Trailer::of(pdf).map_err(SignError::Pdf)?;
    if raw_value(&trailer.entries, b"/Encrypt").is_some() {
        return Err(SignError::Pdf("het bestand is versleuteld".to_owned()));
    }
    let size = trailer.size().ok_or_else(unreadable)?;
    let document = hayro_syntax::Pdf::new(pdf.to_vec()).map_err(|_| unreadable())?;
    let page = document
        .pages()
        .first()
        .ok_or_else(|| SignError::Pdf("het bestand heeft geen pagina's".to_owned()))?;
    let page_id = page.raw().obj_id().ok_or_else(unreadable)?;
    let page_bytes = page.raw().data().to_vec();

    let mut update = Update::after(pdf);
    let signature_id = ObjectIdentifier::new(size, 0);
    let widget_id = ObjectIdentifier::new(size + 1, 0);
    let contents = update.signature_dictionary(signature_id, identity, details);
    let form = Form::of(&document, widget_id).ok_or_else(unreadable)?;
    update.object(
        widget_id,
        &widget(form.fields_before + 1, signature_id, page_id),
    );
    form.write(&mut update).ok_or_else(unreadable)?;
    let page_entries = raw_entries(&page_bytes).ok_or_else(unreadable)?;
    let annotations = items(&document, raw_value(&page_entries, b"/Annots"))
        .ok_or_else(unreadable)?
        .0;
    let annotations = format!("[{annotations} {} 0 R]", widget_id.obj_number);
    update.object(
        page_id,
        &with_entries(&page_entries, &[(b"/Annots", annotations.into_bytes())]),
    );
    let mut bytes = update.finish(&trailer, size + 2);
    let (start, end) = fill_byte_range(&mut bytes, contents)?;
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
    let hex = hex_of(&signature);
    bytes[start + 1..start + 1 + hex.len()].copy_from_slice(hex.as_bytes());
    Ok(bytes)
}

/// Where the signature's `/ByteRange` placeholder and `/Contents` string are in the new file.
#[derive(Clone, Copy)]
struct Placeholders {
    byte_range: usize,
    contents: usize,
}

/// The appended part of the file, object by object, and where each object starts.
struct Update {
    bytes: Vec<u8>,
    offsets: Vec<(ObjectIdentifier, usize)>,
}

impl Update {
    fn after(pdf: &[u8]) -> Update {
        let mut bytes = Vec::with_capacity(pdf.len() + 2 * SIGNATURE_ROOM + 4096);
        bytes.extend_from_slice(pdf);
        if !bytes.ends_with(b"\n") {
            bytes.push(b'\n');
        }
        Update {
            bytes,
            offsets: Vec::new(),
        }
    }

    fn object(&mut self, id: ObjectIdentifier, body: &[u8]) {
        self.offsets.push((id, self.bytes.len()));
        let header = format!("{} {} obj\n", id.obj_number, id.gen_number);
        self.bytes.extend_from_slice(header.as_bytes());
        self.bytes.extend_from_slice(body);
        self.bytes.extend_from_slice(b"\nendobj\n");
    }

    /// Writes the signature dictionary with room for the signature, and says where that room is.
    fn signature_dictionary(
        &mut self,
        id: ObjectIdentifier,
        identity: &SigningIdentity,
        details: &SignatureDetails,
    ) -> Placeholders {
        let start = self.bytes.len() + format!("{} {} obj\n", id.obj_number, id.gen_number).len();
        let mut body = String::from(
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached /ByteRange ",
        );
        let byte_range = start + body.len();
        body.push_str(PLACEHOLDER);
        body.push_str(" /Contents ");
        let contents = start + body.len();
        body.push('<');
        body.push_str(&"0".repeat(2 * SIGNATURE_ROOM));
        body.push('>');
        body.push_str(&format!(" /M {}", text(&pdf_date(details.when))));
        body.push_str(&format!(" /Name {}", text(&identity.holder())));
        body.push_str(&format!(" /Reason {}", text(&details.reason)));
        if let Some(location) = &details.location {
            body.push_str(&format!(" /Location {}", text(location)));
        }
        body.push_str(" >>");
        self.object(id, body.as_bytes());
        Placeholders {
            byte_range,
            contents,
        }
    }

    /// Ends the update with its cross-reference section and trailer, which points back at the
    /// file's previous section.
    fn finish(mut self, trailer: &Trailer<'_>, size: i32) -> Vec<u8> {
        let xref = self.bytes.len();
        self.offsets.sort_by_key(|(id, _)| id.obj_number);
        let mut section = String::from("xref\n");
        for (id, offset) in &self.offsets {
            section.push_str(&format!(
                "{} 1\n{offset:010} {:05} n\r\n",
                id.obj_number, id.gen_number
            ));
        }
        let kept: Vec<_> = trailer
            .entries
            .iter()
            .filter(|(key, _)| !matches!(*key, b"/Size" | b"/Prev" | b"/XRefStm"))
            .collect();
        section.push_str("trailer\n<<");
        for (key, value) in kept {
            section.push_str(&format!(
                " {} {}",
                String::from_utf8_lossy(key),
                String::from_utf8_lossy(value)
            ));
        }
        section.push_str(&format!(
            " /Size {size} /Prev {} >>\nstartxref\n{xref}\n%%EOF\n",
            trailer.startxref
        ));
        self.bytes.extend_from_slice(section.as_bytes());
        self.bytes
    }
}

/// The document's form with the new signature field in it: either the form object rewritten, or
/// the catalog rewritten with the form inside it.
struct Form {
    catalog_id: ObjectIdentifier,
    catalog: Vec<u8>,
    /// The form's own object, when the catalog refers to it rather than holding it.
    form_id: Option<ObjectIdentifier>,
    form: Vec<u8>,
    fields: String,
    fields_before: usize,
    widget_id: ObjectIdentifier,
}

impl Form {
    fn of(document: &hayro_syntax::Pdf, widget_id: ObjectIdentifier) -> Option<Form> {
        let catalog_id = document.xref().root_id();
        let catalog = document.xref().get::<Dict<'_>>(catalog_id)?.data().to_vec();
        let entries = raw_entries(&catalog)?;
        let (form_id, form) = match raw_value(&entries, b"/AcroForm") {
            None => (None, b"<< >>".to_vec()),
            Some(value) => match as_reference(value) {
                Some(id) => (
                    Some(id),
                    document.xref().get::<Dict<'_>>(id)?.data().to_vec(),
                ),
                None => (None, value.to_vec()),
            },
        };
        let form_entries = raw_entries(&form)?;
        let (fields, fields_before) = items(document, raw_value(&form_entries, b"/Fields"))?;
        Some(Form {
            catalog_id,
            catalog,
            form_id,
            form,
            fields,
            fields_before,
            widget_id,
        })
    }

    fn write(&self, update: &mut Update) -> Option<()> {
        let fields = format!("[{} {} 0 R]", self.fields, self.widget_id.obj_number);
        // SignaturesExist (1) and AppendOnly (2): a reader saves later changes as updates too.
        let form = with_entries(
            &raw_entries(&self.form)?,
            &[
                (b"/Fields", fields.into_bytes()),
                (b"/SigFlags", b"3".to_vec()),
            ],
        );
        match self.form_id {
            Some(id) => update.object(id, &form),
            None => {
                let catalog = with_entries(&raw_entries(&self.catalog)?, &[(b"/AcroForm", form)]);
                update.object(self.catalog_id, &catalog);
            }
        }
        Some(())
    }
}

/// The signature field: an invisible widget on the first page, printable and locked as PDF/A
/// asks.
fn widget(number: usize, signature_id: ObjectIdentifier, page_id: ObjectIdentifier) -> Vec<u8> {
    // Print (4) and Locked (128): PDF/A wants every annotation printable.
    format!(
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T {} /V {} {} R /Rect [0 0 0 0] /F 132 /P {} {} R >>",
        text(&format!("Handtekening {number}")),
        signature_id.obj_number,
        signature_id.gen_number,
        page_id.obj_number,
        page_id.gen_number,
    )
    .into_bytes()
}

/// The items of an array given inline or by reference (as `/Fields` and `/Annots` may be), as
/// written between its brackets, and how many there are; empty when absent.
fn items(document: &hayro_syntax::Pdf, value: Option<&[u8]>) -> Option<(String, usize)> {
    let Some(value) = value else {
        return Some((String::new(), 0));
    };
    let array = match as_reference(value) {
        Some(id) => document.xref().get::<Array<'_>>(id)?,
        None => Reader::new(value).read_without_context::<Array<'_>>()?,
    };
    let count = array.raw_iter().count();
    Some((String::from_utf8_lossy(array.data()).into_owned(), count))
}

/// A dictionary with `replaced` keys set to new values, every other entry kept as written.
fn with_entries(entries: &RawEntries<'_>, replaced: &[(&[u8], Vec<u8>)]) -> Vec<u8> {
    let mut out = b"<<".to_vec();
    for (key, value) in entries {
        if replaced.iter().all(|(k, _)| k != key) {
            for part in [b" ", *key, b" ", *value] {
                out.extend_from_slice(part);
            }
        }
    }
    for (key, value) in replaced {
        for part in [b" ", *key, b" ", value.as_slice()] {
            out.extend_from_slice(part);
        }
    }
    out.extend_from_slice(b" >>");
    out
}

/// A text string, written in hex so nothing needs escaping: PDFDocEncoding when printable ASCII,
/// else UTF-16BE with its byte order mark, so that a name such as "Müller" reads right in every
/// viewer.
fn text(value: &str) -> String {
    if value.is_ascii() && !value.chars().any(char::is_control) {
        format!("<{}>", hex_of(value.as_bytes()))
    } else {
        let mut bytes = vec![0xFE, 0xFF];
        for unit in value.encode_utf16() {
            bytes.extend(unit.to_be_bytes());
        }
        format!("<{}>", hex_of(&bytes))
    }
}

fn hex_of(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02X}")).collect()
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

/// Writes the real byte range over its placeholder, and returns where the `/Contents` hex
/// string starts (its `<`) and ends (after its `>`).
fn fill_byte_range(bytes: &mut [u8], at: Placeholders) -> Result<(usize, usize), SignError> {
    let start = at.contents;
    let end = start + 2 * SIGNATURE_ROOM + 2;
    let mut range = format!("[0 {start} {end} {}", bytes.len() - end);
    if range.len() + 1 > PLACEHOLDER.len() {
        return Err(SignError::Pdf(
            "het bestand is te groot om te ondertekenen".to_owned(),
        ));
    }
    while range.len() + 1 < PLACEHOLDER.len() {
        range.push(' ');
    }
    range.push(']');
    bytes[at.byte_range..at.byte_range + PLACEHOLDER.len()].copy_from_slice(range.as_bytes());
    Ok((start, end))
}
