//! What signing and checking need to know of a PDF as it is on disk: where its last cross-reference
//! section is, what its trailer says, and the entries of a dictionary exactly as written.
//!
//! Why it exists: an incremental update copies a few objects with one entry added and must leave
//! every other byte alone, so it works on the file's own text. Objects are parsed by
//! `hayro-syntax`, the PDF reader Typst already brings into the app (one PDF parser in the
//! binary, not two); this module only finds the trailer, which that crate keeps to itself.

use hayro_syntax::object::{MaybeRef, Name, Object, ObjectIdentifier};
use hayro_syntax::reader::{Reader, ReaderExt};

/// A dictionary's entries as written: each key with its `/`, each value's bytes verbatim
/// (references as `12 0 R`), in the file's order.
pub type RawEntries<'a> = Vec<(&'a [u8], &'a [u8])>;

/// Splits a dictionary (`<< … >>`) into its entries without changing a byte of them; `None` when
/// the bytes are not one dictionary.
pub fn raw_entries(dictionary: &[u8]) -> Option<RawEntries<'_>> {
    let mut reader = Reader::new(dictionary);
    reader.skip_white_spaces_and_comments();
    reader.forward_tag(b"<<")?;
    let mut entries = Vec::new();
    loop {
        reader.skip_white_spaces_and_comments();
        if reader.forward_tag(b">>").is_some() {
            return Some(entries);
        }
        let key = reader.skip::<Name<'_>>(false)?;
        reader.skip_white_spaces_and_comments();
        let value = reader.skip::<MaybeRef<Object<'_>>>(false)?;
        entries.push((key, value));
    }
}

/// The value of `key` (given with its `/`) among `entries`.
pub fn raw_value<'a>(entries: &RawEntries<'a>, key: &[u8]) -> Option<&'a [u8]> {
    entries.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
}

/// A value that is a reference (`12 0 R`), as the object it points at.
pub fn as_reference(value: &[u8]) -> Option<ObjectIdentifier> {
    let text = std::str::from_utf8(value).ok()?;
    let mut parts = text.split_ascii_whitespace();
    let number = parts.next()?.parse().ok()?;
    let generation = parts.next()?.parse().ok()?;
    (parts.next()? == "R" && parts.next().is_none())
        .then(|| ObjectIdentifier::new(number, generation))
}

/// The file's last trailer and where its last cross-reference section starts.
pub struct Trailer<'a> {
    /// Byte offset of the last cross-reference section (`startxref`), the next update's `/Prev`.
    pub startxref: usize,
    /// The trailer dictionary's entries as written.
    pub entries: RawEntries<'a>,
}

impl<'a> Trailer<'a> {
    /// Reads the last trailer of `pdf`. Only a classic cross-reference table (`xref` … `trailer`),
    /// as Typst writes it, is read: a file with cross-reference streams was not made by this app.
    pub fn of(pdf: &'a [u8]) -> Result<Self, String> {
        let not_ours = || "het bestand is geen PDF zoals Keuzekaart die maakt".to_owned();
        let tail_start = pdf.len().saturating_sub(1024);
        let at = rfind(&pdf[tail_start..], b"startxref").ok_or_else(not_ours)? + tail_start;
        let number = pdf[at + b"startxref".len()..]
            .split(|b| !b.is_ascii_digit())
            .find(|part| !part.is_empty())
            .ok_or_else(not_ours)?;
        let startxref: usize = std::str::from_utf8(number)
            .ok()
            .and_then(|n| n.parse().ok())
            .filter(|&n| n < at)
            .ok_or_else(not_ours)?;
        if !pdf[startxref..].starts_with(b"xref") {
            return Err(
                "het bestand gebruikt kruisverwijzingsstromen; Keuzekaart ondertekent alleen zijn eigen bijlagen"
                    .to_owned(),
            );
        }
        let trailer = find(&pdf[startxref..at], b"trailer").ok_or_else(not_ours)? + startxref;
        let entries = raw_entries(&pdf[trailer + b"trailer".len()..at]).ok_or_else(not_ours)?;
        Ok(Trailer { startxref, entries })
    }

    /// The trailer's `/Size`: one more than the highest object number in use.
    pub fn size(&self) -> Option<i32> {
        std::str::from_utf8(raw_value(&self.entries, b"/Size")?)
            .ok()?
            .trim()
            .parse()
            .ok()
    }
}

/// Where `needle` first occurs in `haystack`.
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

/// Where `needle` last occurs in `haystack`.
pub fn rfind(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_keep_their_bytes_and_references_read_back() {
        let dictionary =
            b"<< /Type /Catalog /Pages 3 0 R /Names <</Dests [1 0 R (x\\)y)]>> /Lang (nl) >>";
        let entries = raw_entries(dictionary).unwrap();
        let keys: Vec<&[u8]> = entries.iter().map(|(k, _)| *k).collect();
        assert_eq!(keys, [&b"/Type"[..], b"/Pages", b"/Names", b"/Lang"]);
        assert_eq!(
            raw_value(&entries, b"/Names"),
            Some(&b"<</Dests [1 0 R (x\\)y)]>>"[..])
        );
        assert_eq!(
            as_reference(raw_value(&entries, b"/Pages").unwrap()),
            Some(ObjectIdentifier::new(3, 0))
        );
        assert_eq!(as_reference(b"3 0"), None);
        assert!(raw_entries(b"<< /Open (never closed").is_none());
    }

    #[test]
    fn a_file_with_a_cross_reference_stream_is_refused_in_words() {
        let pdf = b"%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nstream\nendstream\nendobj\nstartxref\n9\n%%EOF\n";
        let error = Trailer::of(pdf).err().unwrap();
        assert!(error.contains("kruisverwijzingsstromen"), "{error}");
        assert!(Trailer::of(b"not a pdf at all").is_err());
    }
}
