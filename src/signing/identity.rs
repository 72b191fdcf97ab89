//! The signer's key and certificates, read from a password-protected PKCS#12 file (.p12/.pfx),
//! the form in which a personal certificate is exported from a browser, Windows or OpenSSL.

use cms::content_info::ContentInfo;
use cms::encrypted_data::EncryptedData;
use const_oid::db::rfc5911::{ID_DATA, ID_ENCRYPTED_DATA};
use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::{ContextSpecific, OctetString};
use der::{Decode, Encode};
use hmac::{Hmac, Mac};
use pkcs8::{DecodePrivateKey, EncryptedPrivateKeyInfo, PrivateKeyInfo};
use pkcs12::authenticated_safe::AuthenticatedSafe;
use pkcs12::cert_type::CertBag;
use pkcs12::kdf::{Pkcs12KeyType, derive_key_utf8};
use pkcs12::pfx::Pfx;
use pkcs12::safe_bag::SafeContents;
use rsa::RsaPrivateKey;
use rsa::pkcs8::EncodePublicKey;
use sha2::Sha256;
use x509_cert::Certificate;

use super::SignError;

/// Where the signer's RSA key is: read from a PKCS#12 file, or kept on a smart card or token
/// that signs for us.
pub enum SigningKey {
    /// The key itself, decrypted from the file.
    File(Box<RsaPrivateKey>),
    /// A logged-in session on the token that holds the key.
    Token(Box<super::token::TokenKey>),
}

/// Who signs: the private key, the certificate that names its holder, and the certificates of
/// the authorities above it that came in the same file (put in the signature so a reader can
/// build the chain).
pub struct SigningIdentity {
    /// The signer's RSA key, or the token that holds it.
    pub key: SigningKey,
    /// The signer's certificate (the one whose public key is the key's).
    pub certificate: Certificate,
    /// The other certificates of the file, usually the issuing authorities.
    pub chain: Vec<Certificate>,
}

impl SigningIdentity {
    /// The identity on a smart card or token: the key stays on it, the certificate is read from
    /// it (see [`super::token::TokenKey::open`]).
    pub fn from_token(
        module: &std::path::Path,
        label: Option<&str>,
        pin: &str,
    ) -> Result<SigningIdentity, SignError> {
        let token = super::token::TokenKey::open(module, label, pin)?;
        Ok(SigningIdentity {
            certificate: token.certificate.clone(),
            key: SigningKey::Token(Box::new(token)),
            chain: Vec::new(),
        })
    }

    /// The holder's name as the certificate gives it (its common name, else the whole subject).
    pub fn holder(&self) -> String {
        let subject = &self.certificate.tbs_certificate.subject;
        for rdn in subject.0.iter() {
            for atv in rdn.0.iter() {
                if atv.oid == const_oid::db::rfc4519::CN
                    && let Ok(name) = der::asn1::Utf8StringRef::try_from(&atv.value)
                {
                    return name.as_str().to_owned();
                }
                if atv.oid == const_oid::db::rfc4519::CN
                    && let Ok(name) = der::asn1::PrintableStringRef::try_from(&atv.value)
                {
                    return name.as_str().to_owned();
                }
            }
        }
        name_text(subject)
    }
}

/// A certificate's name as RFC 4514 writes it (`O=Gemeente Wijchen,CN=J. de Vries`), for the
/// attributes a personal certificate carries; any other attribute by its number. Written here
/// rather than with `x509-cert`'s `Display`, which links the whole table of OID names into the
/// app for the dozen a person's certificate uses.
pub fn name_text(name: &x509_cert::name::Name) -> String {
    use const_oid::db::{rfc3280, rfc4519};
    let label = |oid: &const_oid::ObjectIdentifier| -> String {
        let known = [
            (rfc4519::CN, "CN"),
            (rfc4519::O, "O"),
            (rfc4519::OU, "OU"),
            (rfc4519::C, "C"),
            (rfc4519::L, "L"),
            (rfc4519::ST, "ST"),
            (rfc4519::SERIAL_NUMBER, "serialNumber"),
            (rfc4519::GIVEN_NAME, "GN"),
            (rfc4519::SN, "SN"),
            (rfc4519::TITLE, "title"),
            (rfc4519::STREET, "street"),
            (rfc3280::EMAIL_ADDRESS, "emailAddress"),
        ];
        known
            .iter()
            .find(|(known, _)| known == oid)
            .map_or_else(|| oid.to_string(), |(_, label)| (*label).to_owned())
    };
    let value = |any: &der::Any| -> String {
        der::asn1::Utf8StringRef::try_from(any)
            .map(|s| s.as_str().to_owned())
            .or_else(|_| {
                der::asn1::PrintableStringRef::try_from(any).map(|s| s.as_str().to_owned())
            })
            .or_else(|_| der::asn1::Ia5StringRef::try_from(any).map(|s| s.as_str().to_owned()))
            .unwrap_or_else(|_| String::from_utf8_lossy(any.value()).into_owned())
    };
    name.0
        .iter()
        .rev()
        .map(|rdn| {
            rdn.0
                .iter()
                .map(|atv| format!("{}={}", label(&atv.oid), value(&atv.value)))
                .collect::<Vec<_>>()
                .join("+")
        })
        .collect::<Vec<_>>()
        .join(",")
}

/// Reads a PKCS#12 file protected the current way (PBES2 with AES, an HMAC-SHA-256 MAC, as
/// OpenSSL 3 writes by default); the password is checked against the file's MAC before
/// anything is decrypted. `name` is the file's name, for the message.
pub fn load_pkcs12(bytes: &[u8], password: &str, name: &str) -> Result<SigningIdentity, SignError> {
    let not_pkcs12 = || SignError::NotPkcs12(name.to_owned());
    let pfx = Pfx::from_der(bytes).map_err(|_| not_pkcs12())?;
    if pfx.auth_safe.content_type != ID_DATA {
        return Err(not_pkcs12());
    }
    let safes_octets = octets(&pfx.auth_safe).ok_or_else(not_pkcs12)?;
    check_mac(&pfx, safes_octets.as_bytes(), password)?;
    let safes = AuthenticatedSafe::from_der(safes_octets.as_bytes()).map_err(|_| not_pkcs12())?;
    let mut keys = Vec::new();
    let mut certificates = Vec::new();
    for safe in safes {
        let contents = if safe.content_type == ID_DATA {
            octets(&safe).ok_or_else(not_pkcs12)?.as_bytes().to_vec()
        } else if safe.content_type == ID_ENCRYPTED_DATA {
            decrypt_safe(&safe, password)?
        } else {
            continue;
        };
        let bags = SafeContents::from_der(&contents).map_err(|_| not_pkcs12())?;
        for bag in bags {
            match bag.bag_id {
                pkcs12::PKCS_12_CERT_BAG_OID => {
                    let wrapped: ContextSpecific<CertBag> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(|_| not_pkcs12())?;
                    let der = wrapped.value.cert_value.as_bytes();
                    certificates.push(Certificate::from_der(der).map_err(|_| not_pkcs12())?);
                }
                pkcs12::PKCS_12_PKCS8_KEY_BAG_OID => {
                    let wrapped: ContextSpecific<EncryptedPrivateKeyInfo<'_>> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(|_| not_pkcs12())?;
                    let plain = wrapped
                        .value
                        .decrypt(password)
                        .map_err(|_| SignError::WrongPassword)?;
                    keys.push(plain.as_bytes().to_vec());
                }
                pkcs12::PKCS_12_KEY_BAG_OID => {
                    let wrapped: ContextSpecific<PrivateKeyInfo<'_>> =
                        ContextSpecific::from_der(&bag.bag_value).map_err(|_| not_pkcs12())?;
                    keys.push(wrapped.value.to_der().map_err(|_| not_pkcs12())?);
                }
                _ => {}
            }
        }
    }
    let key_der = keys
        .first()
        .ok_or(SignError::Incomplete("geen persoonlijke sleutel"))?;
    let key = rsa_key(key_der)?;
    pair_up(key, certificates)
}

/// The signer's certificate is the one whose public key is the key's; the rest is the chain.
fn pair_up(
    key: RsaPrivateKey,
    certificates: Vec<Certificate>,
) -> Result<SigningIdentity, SignError> {
    let public = key
        .to_public_key()
        .to_public_key_der()
        .map_err(|_| SignError::Incomplete("een onleesbare sleutel"))?;
    let (mine, chain): (Vec<Certificate>, Vec<Certificate>) =
        certificates.into_iter().partition(|c| {
            c.tbs_certificate
                .subject_public_key_info
                .to_der()
                .is_ok_and(|spki| spki == public.as_bytes())
        });
    let certificate = mine
        .into_iter()
        .next()
        .ok_or(SignError::Incomplete("geen certificaat bij de sleutel"))?;
    Ok(SigningIdentity {
        key: SigningKey::File(Box::new(key)),
        certificate,
        chain,
    })
}

fn rsa_key(der: &[u8]) -> Result<RsaPrivateKey, SignError> {
    RsaPrivateKey::from_pkcs8_der(der).map_err(|_| {
        let algorithm = PrivateKeyInfo::from_der(der)
            .map(|info| info.algorithm.oid.to_string())
            .unwrap_or_else(|_| "onbekend".to_owned());
        SignError::UnsupportedKey(algorithm)
    })
}

/// The octets a `data` content carries.
fn octets(info: &ContentInfo) -> Option<OctetString> {
    OctetString::from_der(&info.content.to_der().ok()?).ok()
}

/// Checks the file's MAC (PKCS#12's own key derivation, HMAC-SHA-256): a wrong password is
/// told apart from a damaged file before any decryption is tried.
fn check_mac(pfx: &Pfx, safes: &[u8], password: &str) -> Result<(), SignError> {
    let Some(mac_data) = &pfx.mac_data else {
        return Err(SignError::Incomplete(
            "geen controle op het wachtwoord (geen MAC)",
        ));
    };
    if mac_data.mac.algorithm.oid != ID_SHA_256 {
        return Err(SignError::LegacyProtection(format!(
            "MAC {}",
            mac_data.mac.algorithm.oid
        )));
    }
    let key = derive_key_utf8::<Sha256>(
        password,
        mac_data.mac_salt.as_bytes(),
        Pkcs12KeyType::Mac,
        mac_data.iterations,
        32,
    )
    .map_err(|_| SignError::WrongPassword)?;
    let mut mac = Hmac::<Sha256>::new_from_slice(&key).map_err(|_| SignError::WrongPassword)?;
    mac.update(safes);
    mac.verify_slice(mac_data.mac.digest.as_bytes())
        .map_err(|_| SignError::WrongPassword)
}

/// Decrypts a safe protected with PBES2 (the certificates, in files OpenSSL writes).
fn decrypt_safe(safe: &ContentInfo, password: &str) -> Result<Vec<u8>, SignError> {
    let damaged = || SignError::NotPkcs12("het certificaatbestand".to_owned());
    let data = EncryptedData::from_der(&safe.content.to_der().map_err(|_| damaged())?)
        .map_err(|_| damaged())?;
    let algorithm = &data.enc_content_info.content_enc_alg;
    if algorithm.oid != pkcs5::pbes2::PBES2_OID {
        return Err(SignError::LegacyProtection(algorithm.oid.to_string()));
    }
    let params = algorithm
        .parameters
        .as_ref()
        .and_then(|p| p.to_der().ok())
        .ok_or_else(damaged)?;
    let params = pkcs5::pbes2::Parameters::from_der(&params).map_err(|_| damaged())?;
    let scheme = pkcs5::EncryptionScheme::from(params);
    let mut buffer = data
        .enc_content_info
        .encrypted_content
        .as_ref()
        .ok_or_else(damaged)?
        .as_bytes()
        .to_vec();
    let plain = scheme
        .decrypt_in_place(password, &mut buffer)
        .map_err(|_| SignError::WrongPassword)?;
    Ok(plain.to_vec())
}
