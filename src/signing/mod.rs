//! Digital signatures on the annex: a certificate and key from a PKCS#12 file or a smart card
//! or token (PKCS#11), a CMS signature
//! as PAdES asks for it, and the PDF signed as an incremental update that leaves the printed
//! pages and their PDF/A declaration as they were.
//!
//! Why it exists: the workbook's fingerprint proves that paper and file match, but anyone can
//! recompute it; a signature made with a personal certificate says who agreed, and readers the
//! project did not write (poppler's `pdfsig`, pyHanko, Adobe Reader) check it. All cryptography
//! is RustCrypto's (`cms`, `rsa`, `pkcs5`, `pkcs8`, `pkcs12`, `sha2`); this module only puts
//! the pieces where the standards say they go. It depends on nothing else in the crate.

mod cms_signature;
mod identity;
mod pdf_check;
mod pdf_file;
mod pdf_signature;
mod token;

pub use identity::{SigningIdentity, SigningKey, load_pkcs12};
pub use pdf_check::{
    CertificateSummary, FINGERPRINT_KEYWORD, PdfFindings, SignatureFindings, check_pdf,
};
pub use pdf_signature::{SignatureDetails, sign_pdf};
pub use token::TokenKey;

/// Whether `path` names a PKCS#11 library (the software of a smart card or token, such as
/// OpenSC's `opensc-pkcs11.so` or a vendor's `.dll`) rather than a certificate file: the app
/// then signs with the card, and the password asked for is the card's PIN.
pub fn is_pkcs11_library(path: &std::path::Path) -> bool {
    let name = path.file_name().map(|n| n.to_string_lossy().to_lowercase());
    name.is_some_and(|n| {
        n.ends_with(".so") || n.contains(".so.") || n.ends_with(".dll") || n.ends_with(".dylib")
    })
}

/// Why a signature could not be made, in the Dutch a user reads.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SignError {
    /// The file is not a PKCS#12 file, or is damaged.
    #[error("{0} is geen leesbaar certificaatbestand (PKCS#12, .p12/.pfx)")]
    NotPkcs12(String),
    /// The password does not open the file.
    #[error("Het wachtwoord van het certificaatbestand klopt niet")]
    WrongPassword,
    /// A PKCS#12 file protected the old way (RC2, 3DES, SHA-1), which this app does not open.
    #[error(
        "Het certificaatbestand is op de oude manier beveiligd ({0}); exporteer het opnieuw met AES (bijvoorbeeld `openssl pkcs12 -export`, standaard sinds OpenSSL 3)"
    )]
    LegacyProtection(String),
    /// A key type the app cannot sign with yet.
    #[error(
        "Het certificaatbestand bevat een sleutel die niet wordt ondersteund ({0}); alleen RSA-sleutels"
    )]
    UnsupportedKey(String),
    /// No private key, or no certificate that belongs to it.
    #[error("Het certificaatbestand bevat {0}")]
    Incomplete(&'static str),
    /// The PIN does not open the smart card or token.
    #[error("De pincode van de kaart klopt niet")]
    WrongPin,
    /// The smart card or token, or its PKCS#11 library, cannot be used.
    #[error("De kaart kan niet worden gebruikt: {0}")]
    Token(String),
    /// The PDF cannot be signed as it is.
    #[error("De PDF kan niet worden ondertekend: {0}")]
    Pdf(String),
}
