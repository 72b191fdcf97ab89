//! The detached CMS signature PAdES puts in a PDF (ETSI EN 319 142-1, baseline B-B): SHA-256,
//! RSA PKCS#1 v1.5, the signer's certificate bound by an ESS signing-certificate-v2 attribute,
//! and no signing-time attribute (PAdES keeps the claimed time in the signature dictionary).

use cms::builder::{SignedDataBuilder, SignerInfoBuilder};
use cms::cert::{CertificateChoices, IssuerAndSerialNumber};
use cms::signed_data::{EncapsulatedContentInfo, SignerIdentifier};
use const_oid::db::rfc5911::{ID_AA_SIGNING_CERTIFICATE_V_2, ID_DATA};
use const_oid::db::rfc5912::ID_SHA_256;
use der::asn1::{OctetString, SetOfVec};
use der::{Any, Decode, Encode, Sequence};
use rsa::pkcs1v15::{SigningKey, VerifyingKey};
use rsa::signature::{Keypair, Signer};
use sha2::{Digest, Sha256};
use spki::AlgorithmIdentifierOwned;
use x509_cert::attr::Attribute;
use x509_cert::ext::pkix::name::GeneralName;
use x509_cert::serial_number::SerialNumber;

use super::identity::SigningKey as Key;
use super::{SignError, SigningIdentity};

/// `IssuerSerial` of RFC 5035: which certificate, by its issuer and serial number.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct IssuerSerial {
    issuer: Vec<GeneralName>,
    serial_number: SerialNumber,
}

/// `ESSCertIDv2` with the default hash algorithm (SHA-256), so `hashAlgorithm` is left out.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct EssCertIdV2 {
    cert_hash: OctetString,
    issuer_serial: IssuerSerial,
}

/// `SigningCertificateV2` (RFC 5035), without policies.
#[derive(Clone, Debug, Eq, PartialEq, Sequence)]
struct SigningCertificateV2 {
    certs: Vec<EssCertIdV2>,
}

/// Signs `digest` (SHA-256 of the PDF's signed byte ranges) and returns the DER of the CMS
/// `ContentInfo`, ready for the signature dictionary's `/Contents`.
pub fn detached_signature(identity: &SigningIdentity, digest: &[u8]) -> Result<Vec<u8>, SignError> {
    let failed = |what: &str| SignError::Pdf(format!("de handtekening is niet gemaakt ({what})"));
    let certificate = &identity.certificate;
    let sha256 = AlgorithmIdentifierOwned {
        oid: ID_SHA_256,
        parameters: None,
    };
    let content = EncapsulatedContentInfo {
        econtent_type: ID_DATA,
        econtent: None,
    };
    let signer = KeySigner::of(identity).map_err(|_| failed("sleutel"))?;
    let sid = SignerIdentifier::IssuerAndSerialNumber(IssuerAndSerialNumber {
        issuer: certificate.tbs_certificate.issuer.clone(),
        serial_number: certificate.tbs_certificate.serial_number.clone(),
    });
    let mut signer_info =
        SignerInfoBuilder::new(&signer, sid, sha256.clone(), &content, Some(digest))
            .map_err(|_| failed("ondertekenaar"))?;
    signer_info
        .add_signed_attribute(signing_certificate(identity).map_err(|_| failed("certificaat"))?)
        .map_err(|_| failed("kenmerk"))?;
    let mut builder = SignedDataBuilder::new(&content);
    builder
        .add_digest_algorithm(sha256)
        .map_err(|_| failed("algoritme"))?;
    for cert in std::iter::once(certificate).chain(identity.chain.iter()) {
        builder
            .add_certificate(CertificateChoices::Certificate(cert.clone()))
            .map_err(|_| failed("certificaten"))?;
    }
    builder
        .add_signer_info::<_, rsa::pkcs1v15::Signature>(signer_info)
        .map_err(|_| signer.failure.take().unwrap_or_else(|| failed("RSA")))?;
    let info = builder.build().map_err(|_| failed("CMS"))?;
    info.to_der().map_err(|_| failed("DER"))
}

/// The ESS signing-certificate-v2 attribute: the SHA-256 of the signer's certificate and its
/// issuer and serial, so the signature cannot be passed off under another certificate with
/// the same key.
fn signing_certificate(identity: &SigningIdentity) -> der::Result<Attribute> {
    let certificate = &identity.certificate;
    let hash = Sha256::digest(certificate.to_der()?);
    let value = SigningCertificateV2 {
        certs: vec![EssCertIdV2 {
            cert_hash: OctetString::new(hash.to_vec())?,
            issuer_serial: IssuerSerial {
                issuer: vec![GeneralName::DirectoryName(
                    certificate.tbs_certificate.issuer.clone(),
                )],
                serial_number: certificate.tbs_certificate.serial_number.clone(),
            },
        }],
    };
    let mut values = SetOfVec::new();
    values.insert(Any::from_der(&value.to_der()?)?)?;
    Ok(Attribute {
        oid: ID_AA_SIGNING_CERTIFICATE_V_2,
        values,
    })
}

/// What the CMS builder signs with: the key from a file, or the token that holds it. Both sign
/// SHA-256 with RSA PKCS#1 v1.5; the builder learns the algorithm and public key from here.
struct KeySigner<'a> {
    identity: &'a SigningIdentity,
    public: VerifyingKey<Sha256>,
    /// Why the token refused, kept for the message (the builder's own error says only "failed").
    failure: std::cell::RefCell<Option<SignError>>,
}

impl<'a> KeySigner<'a> {
    fn of(identity: &'a SigningIdentity) -> Result<KeySigner<'a>, spki::Error> {
        use rsa::pkcs8::DecodePublicKey;
        let spki = identity
            .certificate
            .tbs_certificate
            .subject_public_key_info
            .to_der()?;
        let public = rsa::RsaPublicKey::from_public_key_der(&spki)?;
        Ok(KeySigner {
            identity,
            public: VerifyingKey::new(public),
            failure: std::cell::RefCell::new(None),
        })
    }
}

impl Keypair for KeySigner<'_> {
    type VerifyingKey = VerifyingKey<Sha256>;

    fn verifying_key(&self) -> Self::VerifyingKey {
        self.public.clone()
    }
}

impl spki::DynSignatureAlgorithmIdentifier for KeySigner<'_> {
    fn signature_algorithm_identifier(&self) -> spki::Result<AlgorithmIdentifierOwned> {
        spki::DynSignatureAlgorithmIdentifier::signature_algorithm_identifier(&self.public)
    }
}

impl Signer<rsa::pkcs1v15::Signature> for KeySigner<'_> {
    fn try_sign(&self, message: &[u8]) -> Result<rsa::pkcs1v15::Signature, rsa::signature::Error> {
        match &self.identity.key {
            Key::File(key) => SigningKey::<Sha256>::new((**key).clone()).try_sign(message),
            Key::Token(token) => {
                let signature = token.sign(message).map_err(|e| {
                    *self.failure.borrow_mut() = Some(e);
                    rsa::signature::Error::new()
                })?;
                rsa::pkcs1v15::Signature::try_from(signature.as_slice())
            }
        }
    }
}
