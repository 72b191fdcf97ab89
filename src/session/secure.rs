//! Who may join a session: TLS 1.3 with a certificate made for this session only, and the join
//! code proven through SPAKE2 bound to that TLS connection.
//!
//! The certificate is self-signed and no one can vouch for it, so a seat accepts any certificate
//! (while TLS still checks that the host holds its key) and authenticates the host by the code
//! instead: both ends run SPAKE2 with the code, then each proves it holds the key SPAKE2 gave,
//! with an HMAC over the TLS connection's exported keying material ([`Channel::binding`]). A
//! relay in the middle has two TLS connections with two different bindings, so neither proof
//! passes it; someone who does not know the code learns nothing to guess it with offline, and the
//! host allows only a few wrong tries per address before it makes that address wait.

use std::collections::HashMap;
use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use hmac::{Hmac, Mac};
use sha2::Sha256;
use spake2::{Ed25519Group, Identity, Password, Spake2};

use super::channel::{Channel, ChannelError, HANDSHAKE_TIMEOUT, SERVER_NAME};

const SEAT_IDENTITY: &[u8] = b"keuzekaart sessie v1 deelnemer";
const HOST_IDENTITY: &[u8] = b"keuzekaart sessie v1 gastheer";
/// Digits in a join code: 8, read out as two groups of four.
const CODE_DIGITS: usize = 8;
/// Wrong codes an address may try before it has to wait.
const FREE_TRIES: u32 = 3;
/// Codes one address may be trying at the same time (a burst of guesses in parallel is cut off
/// here before the first wrong one is counted; a room's laptops each have their own address).
const AT_ONCE: u32 = 8;
/// Addresses remembered at most before those that are not waiting are forgotten.
const MAX_ADDRESSES: usize = 4096;
/// The longest wait an address is given after many wrong codes.
const MAX_WAIT: Duration = Duration::from_secs(300);

/// Why proving the code failed.
#[derive(Debug, thiserror::Error)]
pub enum ProofError {
    /// The line failed or the peer sent something else.
    #[error("{0}")]
    Channel(#[from] ChannelError),
    /// The peer did not answer in time.
    #[error("Geen antwoord op de aanmelding.")]
    Silent,
    /// The other end does not know the code (or someone sits in between).
    #[error("De code klopt niet (of de gastheer laat dit adres even wachten na verkeerde codes).")]
    WrongCode,
}

/// The TLS configuration of a new session: a fresh key and certificate, TLS 1.3 only.
pub fn host_config() -> Result<Arc<rustls::ServerConfig>, String> {
    let made = rcgen::generate_simple_self_signed(vec![SERVER_NAME.to_owned()])
        .map_err(|e| format!("Certificaat maken mislukt: {e}"))?;
    let key = rustls::pki_types::PrivateKeyDer::Pkcs8(made.signing_key.serialize_der().into());
    let config = rustls::ServerConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .map_err(|e| e.to_string())?
        .with_no_client_auth()
        .with_single_cert(vec![made.cert.der().clone()], key)
        .map_err(|e| e.to_string())?;
    Ok(Arc::new(config))
}

/// The TLS configuration of a seat: TLS 1.3 only, any certificate whose key signs the handshake
/// (the code authenticates the host, see the module's doc).
pub fn seat_config() -> Arc<rustls::ClientConfig> {
    let config = rustls::ClientConfig::builder_with_provider(provider())
        .with_protocol_versions(&[&rustls::version::TLS13])
        .expect("ring supports TLS 1.3")
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(CodeVouches(provider())))
        .with_no_client_auth();
    Arc::new(config)
}

/// ring's primitives. rustls marks them deprecated because they lack the post-quantum key
/// exchange; that needs aws-lc-rs, a large C build. A session's keys live for one meeting, and
/// what it carries (draft choices) is public once the DVO is signed.
#[allow(deprecated)]
fn provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// Accepts the session's self-signed certificate, but checks that the host signed the handshake
/// with its key, so the TLS connection (and its binding) is the host's own.
#[derive(Debug)]
struct CodeVouches(Arc<rustls::crypto::CryptoProvider>);

impl rustls::client::danger::ServerCertVerifier for CodeVouches {
    fn verify_server_cert(
        &self,
        _end_entity: &rustls::pki_types::CertificateDer<'_>,
        _intermediates: &[rustls::pki_types::CertificateDer<'_>],
        _server_name: &rustls::pki_types::ServerName<'_>,
        _ocsp_response: &[u8],
        _now: rustls::pki_types::UnixTime,
    ) -> Result<rustls::client::danger::ServerCertVerified, rustls::Error> {
        Ok(rustls::client::danger::ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        _message: &[u8],
        _cert: &rustls::pki_types::CertificateDer<'_>,
        _dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        Err(rustls::Error::PeerIncompatible(
            rustls::PeerIncompatible::Tls12NotOffered,
        ))
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &rustls::pki_types::CertificateDer<'_>,
        dss: &rustls::DigitallySignedStruct,
    ) -> Result<rustls::client::danger::HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(
            message,
            cert,
            dss,
            &self.0.signature_verification_algorithms,
        )
    }

    fn supported_verify_schemes(&self) -> Vec<rustls::SignatureScheme> {
        self.0.signature_verification_algorithms.supported_schemes()
    }
}

/// A new join code of eight random digits, shown as "1234 5678".
pub fn new_code() -> String {
    let mut bytes = [0u8; 8];
    getrandom::getrandom(&mut bytes).expect("the system's random source works");
    let number = u64::from_le_bytes(bytes) % 10u64.pow(CODE_DIGITS as u32);
    let digits = format!("{number:0CODE_DIGITS$}");
    format!("{} {}", &digits[..4], &digits[4..])
}

/// A typed code as it is compared: its digits and letters, lower case, without spaces or dashes.
pub fn normalised(code: &str) -> String {
    code.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// A random token that names a seat for the session (so a rejoin is the same seat).
pub fn new_seat_token() -> String {
    let mut bytes = [0u8; 16];
    getrandom::getrandom(&mut bytes).expect("the system's random source works");
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn tag(key: &[u8], role: &[u8], binding: &[u8; 32]) -> Hmac<Sha256> {
    let mut mac = Hmac::<Sha256>::new_from_slice(key).expect("HMAC takes any key length");
    mac.update(b"keuzekaart sessie v1 bevestiging ");
    mac.update(role);
    mac.update(binding);
    mac
}

fn receive(channel: &mut Channel) -> Result<Vec<u8>, ProofError> {
    channel
        .recv_frame(HANDSHAKE_TIMEOUT)?
        .ok_or(ProofError::Silent)
}

/// The seat's half: proves it knows `code` and checks that the host does, on this connection.
pub fn prove_as_seat(channel: &mut Channel, code: &str) -> Result<(), ProofError> {
    let binding = channel.binding();
    let (state, outbound) = Spake2::<Ed25519Group>::start_a(
        &Password::new(normalised(code).as_bytes()),
        &Identity::new(SEAT_IDENTITY),
        &Identity::new(HOST_IDENTITY),
    );
    channel.send_raw(&outbound).map_err(ChannelError::from)?;
    let inbound = receive(channel)?;
    let key = state.finish(&inbound).map_err(|_| ProofError::WrongCode)?;
    let mine = tag(&key, b"deelnemer", &binding).finalize().into_bytes();
    channel.send_raw(&mine).map_err(ChannelError::from)?;
    // A host that does not answer the proof found it wrong: it closes without a word, so that a
    // guesser learns nothing beyond "wrong".
    let theirs = receive(channel).map_err(|_| ProofError::WrongCode)?;
    tag(&key, b"gastheer", &binding)
        .verify_slice(&theirs)
        .map_err(|_| ProofError::WrongCode)
}

/// The host's half: checks that the seat knows `code` on this connection, then proves it does.
/// The host answers with its proof only after the seat's proof held.
pub fn prove_as_host(channel: &mut Channel, code: &str) -> Result<(), ProofError> {
    let binding = channel.binding();
    let (state, outbound) = Spake2::<Ed25519Group>::start_b(
        &Password::new(normalised(code).as_bytes()),
        &Identity::new(SEAT_IDENTITY),
        &Identity::new(HOST_IDENTITY),
    );
    let inbound = receive(channel)?;
    channel.send_raw(&outbound).map_err(ChannelError::from)?;
    let key = state.finish(&inbound).map_err(|_| ProofError::WrongCode)?;
    let theirs = receive(channel)?;
    tag(&key, b"deelnemer", &binding)
        .verify_slice(&theirs)
        .map_err(|_| ProofError::WrongCode)?;
    let mine = tag(&key, b"gastheer", &binding).finalize().into_bytes();
    channel.send_raw(&mine).map_err(ChannelError::from)?;
    Ok(())
}

/// Wrong codes per address: a few free tries, then a wait that doubles with each wrong code, and
/// only a few attempts at a time per address, so a thousand guesses take hours, not seconds.
#[derive(Debug, Default)]
pub struct Attempts {
    per_address: HashMap<IpAddr, Tries>,
}

#[derive(Debug, Default)]
struct Tries {
    wrong: u32,
    until: Option<Instant>,
    busy: u32,
}

impl Attempts {
    /// Whether `address` may try a code now; `Err` with how long it must wait otherwise. A
    /// granted try must end with [`Attempts::done`].
    pub fn begin(&mut self, address: IpAddr, now: Instant) -> Result<(), Duration> {
        // Many addresses (a peer that walks through IPv6 addresses): forget those not waiting.
        if self.per_address.len() > MAX_ADDRESSES {
            self.per_address
                .retain(|_, t| t.busy > 0 || t.until.is_some_and(|until| until > now));
        }
        let tries = self.per_address.entry(address).or_default();
        if let Some(until) = tries.until
            && until > now
        {
            return Err(until - now);
        }
        if tries.busy >= AT_ONCE {
            return Err(Duration::from_secs(1));
        }
        tries.busy += 1;
        Ok(())
    }

    /// Records how a granted try ended.
    pub fn done(&mut self, address: IpAddr, right: bool, now: Instant) {
        let tries = self.per_address.entry(address).or_default();
        tries.busy = tries.busy.saturating_sub(1);
        if right {
            tries.wrong = 0;
            tries.until = None;
            return;
        }
        tries.wrong = tries.wrong.saturating_add(1);
        if tries.wrong >= FREE_TRIES {
            let doublings = (tries.wrong - FREE_TRIES).min(16);
            let wait = Duration::from_secs(1 << doublings).min(MAX_WAIT);
            tries.until = Some(now + wait);
        }
    }

    /// A granted try that ended before a code was tried (the line broke): not counted as wrong.
    pub fn abandoned(&mut self, address: IpAddr) {
        if let Some(tries) = self.per_address.get_mut(&address) {
            tries.busy = tries.busy.saturating_sub(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_eight_digits_in_two_groups_and_typed_loosely() {
        let code = new_code();
        assert_eq!(code.len(), 9);
        assert!(code[..4].chars().all(|c| c.is_ascii_digit()));
        assert_eq!(normalised(&code).len(), 8);
        assert_eq!(normalised(" 1234-5678 "), normalised("12345678"));
    }

    #[test]
    fn wrong_codes_make_an_address_wait_longer_each_time() {
        let mut attempts = Attempts::default();
        let address: IpAddr = "10.0.0.7".parse().unwrap();
        let other: IpAddr = "10.0.0.8".parse().unwrap();
        let now = Instant::now();
        for _ in 0..FREE_TRIES {
            attempts.begin(address, now).unwrap();
            attempts.done(address, false, now);
        }
        assert_eq!(attempts.begin(address, now), Err(Duration::from_secs(1)));
        let later = now + Duration::from_secs(1);
        for _ in 0..AT_ONCE {
            attempts.begin(address, later).unwrap();
        }
        assert!(
            attempts.begin(address, later).is_err(),
            "a few tries at a time"
        );
        for _ in 0..AT_ONCE {
            attempts.done(address, false, later);
        }
        let waited = attempts.begin(address, later).unwrap_err();
        assert_eq!(waited, Duration::from_secs(1 << AT_ONCE));
        // Another laptop in the room is not held up.
        attempts.begin(other, later).unwrap();
        attempts.done(other, true, later);
    }
}
