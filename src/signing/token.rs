//! A signing key on a smart card or token, reached over PKCS#11 (`cryptoki`): the key never
//! leaves the token; the token signs the CMS signed attributes with SHA-256/RSA PKCS#1 v1.5
//! (`CKM_SHA256_RSA_PKCS`), and the certificate is read from the token beside the key.
//!
//! Why it exists: Dutch government signs with a certificate on a card or token (PKIoverheid
//! cards, a UZI pass, an HSM), not only from a file. The module is the card's own PKCS#11 library
//! (OpenSC's `opensc-pkcs11.so`, a vendor's library, or SoftHSM2 in the tests).

use std::path::Path;

use cryptoki::context::{CInitializeArgs, Pkcs11};
use cryptoki::mechanism::Mechanism;
use cryptoki::object::{Attribute, AttributeType, ObjectClass, ObjectHandle};
use cryptoki::session::{Session, UserType};
use cryptoki::types::AuthPin;
use der::Decode;
use x509_cert::Certificate;

use super::SignError;

/// An open, logged-in session on a token, with the key that signs and its certificate.
pub struct TokenKey {
    // Kept so the library stays loaded and initialised while the session lives.
    _context: Pkcs11,
    session: Session,
    key: ObjectHandle,
    /// The certificate stored on the token with the same `CKA_ID` as the key.
    pub certificate: Certificate,
}

impl std::fmt::Debug for TokenKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenKey").finish_non_exhaustive()
    }
}

impl TokenKey {
    /// Opens the token (the one named `label`, or the only one present) through the PKCS#11
    /// library `module`, logs in with `pin`, and finds its signing key and certificate.
    pub fn open(module: &Path, label: Option<&str>, pin: &str) -> Result<TokenKey, SignError> {
        let failed =
            |what: &str, e: cryptoki::error::Error| SignError::Token(format!("{what} ({e})"));
        let context = Pkcs11::new(module).map_err(|e| {
            SignError::Token(format!(
                "de PKCS#11-bibliotheek {} is niet te laden ({e})",
                module.display()
            ))
        })?;
        context
            .initialize(CInitializeArgs::OsThreads)
            .map_err(|e| failed("de PKCS#11-bibliotheek start niet", e))?;
        let slots = context
            .get_slots_with_token()
            .map_err(|e| failed("de kaartlezers zijn niet te lezen", e))?;
        let mut found = Vec::new();
        for slot in slots {
            let info = context
                .get_token_info(slot)
                .map_err(|e| failed("de kaart is niet te lezen", e))?;
            let name = info.label().trim().to_owned();
            // An empty, not yet initialised token (SoftHSM always offers one) cannot sign.
            if info.token_initialized() && label.is_none_or(|l| l == name) {
                found.push((slot, name));
            }
        }
        let slot = match (found.as_slice(), label) {
            ([(slot, _)], _) => *slot,
            ([], Some(label)) => {
                return Err(SignError::Token(format!(
                    "er is geen kaart met de naam {label}"
                )));
            }
            ([], None) => return Err(SignError::Token("er is geen kaart aanwezig".to_owned())),
            (many, _) => {
                let names: Vec<_> = many.iter().map(|(_, n)| n.as_str()).collect();
                return Err(SignError::Token(format!(
                    "er zijn meer kaarten ({}); geef de naam op van de kaart die ondertekent (keuzekaart annex --token-label)",
                    names.join(", ")
                )));
            }
        };
        let session = context
            .open_ro_session(slot)
            .map_err(|e| failed("de kaart opent niet", e))?;
        session
            .login(UserType::User, Some(&AuthPin::new(pin.to_owned())))
            .map_err(|e| match e {
                cryptoki::error::Error::Pkcs11(cryptoki::error::RvError::PinIncorrect, _) => {
                    SignError::WrongPin
                }
                cryptoki::error::Error::Pkcs11(cryptoki::error::RvError::PinLocked, _) => {
                    SignError::Token("de pincode is geblokkeerd".to_owned())
                }
                e => failed("inloggen op de kaart lukt niet", e),
            })?;
        let (key, certificate) = key_and_certificate(&session)?;
        Ok(TokenKey {
            _context: context,
            session,
            key,
            certificate,
        })
    }

    /// Signs `message` on the token: SHA-256, then RSA PKCS#1 v1.5 with the token's key.
    pub fn sign(&self, message: &[u8]) -> Result<Vec<u8>, SignError> {
        self.session
            .sign(&Mechanism::Sha256RsaPkcs, self.key, message)
            .map_err(|e| SignError::Token(format!("de kaart ondertekent niet ({e})")))
    }
}

/// The token's signing key and the certificate that shares its `CKA_ID`.
fn key_and_certificate(session: &Session) -> Result<(ObjectHandle, Certificate), SignError> {
    let missing = |what: &str| SignError::Token(format!("op de kaart staat {what}"));
    let keys = session
        .find_objects(&[
            Attribute::Class(ObjectClass::PRIVATE_KEY),
            Attribute::Sign(true),
        ])
        .map_err(|e| SignError::Token(format!("de sleutels zijn niet te lezen ({e})")))?;
    for key in keys {
        let id = bytes_attribute(session, key, AttributeType::Id).unwrap_or_default();
        let certificates = session
            .find_objects(&[
                Attribute::Class(ObjectClass::CERTIFICATE),
                Attribute::Id(id),
            ])
            .unwrap_or_default();
        for certificate in certificates {
            let value = bytes_attribute(session, certificate, AttributeType::Value);
            if let Some(certificate) = value.and_then(|v| Certificate::from_der(&v).ok()) {
                return Ok((key, certificate));
            }
        }
    }
    Err(missing(
        "geen sleutel om mee te ondertekenen met een certificaat erbij",
    ))
}

/// An object's `CKA_ID` or `CKA_VALUE` (the attributes that are bytes), if the token gives it.
fn bytes_attribute(
    session: &Session,
    object: ObjectHandle,
    kind: AttributeType,
) -> Option<Vec<u8>> {
    session
        .get_attributes(object, &[kind])
        .ok()?
        .into_iter()
        .find_map(|attribute| match attribute {
            Attribute::Id(bytes) | Attribute::Value(bytes) => Some(bytes),
            _ => None,
        })
}
