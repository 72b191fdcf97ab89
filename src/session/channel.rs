//! One laptop's encrypted line to another: TLS 1.3 over TCP, carrying length-prefixed frames.
//!
//! The frame never blocks longer than asked: [`Channel::recv`] waits at most the given time, so
//! one thread serves a connection in both directions, and the app's frame never waits on it.

use std::io::{self, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::sync::Arc;
use std::time::{Duration, Instant};

use serde::Serialize;
use serde::de::DeserializeOwned;

use super::protocol::{FrameError, decode, encode, take_frame};

/// The name in the session's certificate (no DNS is involved: the seat connects by address).
pub const SERVER_NAME: &str = "keuzekaart-sessie";
/// How long a TLS handshake may take before the peer is given up.
pub const HANDSHAKE_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a write may stall (a peer that stops reading) before the line is given up.
const WRITE_TIMEOUT: Duration = Duration::from_secs(10);
/// Plaintext is handed to TLS in pieces of this size, each sent before the next.
const CHUNK: usize = 16 * 1024;

/// Why a line ended or a message was refused.
#[derive(Debug, thiserror::Error)]
pub enum ChannelError {
    /// The network or TLS failed.
    #[error("Verbinding verbroken: {0}")]
    Io(#[from] io::Error),
    /// The peer closed the line.
    #[error("De andere kant heeft de verbinding gesloten.")]
    Closed,
    /// The peer sent a frame or message this protocol refuses.
    #[error("{0}")]
    Frame(#[from] FrameError),
}

/// A TLS connection with its socket and the bytes received but not yet taken as frames.
pub struct Channel {
    tls: rustls::Connection,
    tcp: TcpStream,
    inbox: Vec<u8>,
    closed: bool,
}

impl Channel {
    /// Connects to a host and completes the TLS handshake.
    pub fn connect(address: SocketAddr, config: Arc<rustls::ClientConfig>) -> io::Result<Channel> {
        let tcp = TcpStream::connect_timeout(&address, HANDSHAKE_TIMEOUT)?;
        Channel::connect_over(tcp, config)
    }

    /// Completes the TLS handshake of a seat over a socket already connected to a host.
    pub fn connect_over(tcp: TcpStream, config: Arc<rustls::ClientConfig>) -> io::Result<Channel> {
        let name = rustls::pki_types::ServerName::try_from(SERVER_NAME).expect("a valid DNS name");
        let tls = rustls::ClientConnection::new(config, name).map_err(io::Error::other)?;
        Channel::handshake(rustls::Connection::Client(tls), tcp)
    }

    /// Completes the TLS handshake of a connection a host accepted.
    pub fn accept(tcp: TcpStream, config: Arc<rustls::ServerConfig>) -> io::Result<Channel> {
        let tls = rustls::ServerConnection::new(config).map_err(io::Error::other)?;
        Channel::handshake(rustls::Connection::Server(tls), tcp)
    }

    fn handshake(mut tls: rustls::Connection, mut tcp: TcpStream) -> io::Result<Channel> {
        tcp.set_nodelay(true)?;
        tcp.set_read_timeout(Some(HANDSHAKE_TIMEOUT))?;
        tcp.set_write_timeout(Some(WRITE_TIMEOUT))?;
        let started = Instant::now();
        while tls.is_handshaking() {
            if started.elapsed() > HANDSHAKE_TIMEOUT {
                return Err(io::Error::new(
                    io::ErrorKind::TimedOut,
                    "TLS-handshake duurt te lang",
                ));
            }
            let (read, written) = tls.complete_io(&mut tcp)?;
            if read == 0 && written == 0 && tls.is_handshaking() {
                return Err(io::Error::new(
                    io::ErrorKind::UnexpectedEof,
                    "verbinding gesloten",
                ));
            }
        }
        Ok(Channel {
            tls,
            tcp,
            inbox: Vec::new(),
            closed: false,
        })
    }

    /// The address of the other end.
    pub fn peer(&self) -> io::Result<SocketAddr> {
        self.tcp.peer_addr()
    }

    /// A value both ends of this one TLS connection share and no one else can know: what the
    /// join code's proof is bound to, so a relay with its own certificate cannot pass it on.
    pub fn binding(&self) -> [u8; 32] {
        self.tls
            .export_keying_material([0u8; 32], b"EXPORTER-keuzekaart-sessie-v1", None)
            .expect("exporting works once the handshake is done")
    }

    /// Sends one message.
    pub fn send<T: Serialize>(&mut self, message: &T) -> io::Result<()> {
        self.send_frame_bytes(&encode(message))
    }

    /// Sends bytes as they are (a frame already made, or for a test, one that is not).
    pub fn send_frame_bytes(&mut self, bytes: &[u8]) -> io::Result<()> {
        for chunk in bytes.chunks(CHUNK) {
            self.tls.writer().write_all(chunk)?;
            self.flush()?;
        }
        Ok(())
    }

    /// Sends a raw frame of bytes (the handshake's PAKE messages).
    pub fn send_raw(&mut self, body: &[u8]) -> io::Result<()> {
        let mut frame = (body.len() as u32).to_be_bytes().to_vec();
        frame.extend_from_slice(body);
        self.send_frame_bytes(&frame)
    }

    fn flush(&mut self) -> io::Result<()> {
        while self.tls.wants_write() {
            self.tls.write_tls(&mut self.tcp)?;
        }
        self.tcp.flush()
    }

    /// Receives one message, waiting at most `wait`; `None` when none came in time.
    pub fn recv<T: DeserializeOwned>(&mut self, wait: Duration) -> Result<Option<T>, ChannelError> {
        match self.recv_frame(wait)? {
            Some(body) => Ok(Some(decode(&body)?)),
            None => Ok(None),
        }
    }

    /// Receives one frame's body, waiting at most `wait`.
    pub fn recv_frame(&mut self, wait: Duration) -> Result<Option<Vec<u8>>, ChannelError> {
        let deadline = Instant::now() + wait;
        loop {
            // What TLS already decrypted (data that came with the handshake's last flight, or
            // several frames in one read) is taken before waiting on the network again.
            self.drain_plaintext()?;
            if let Some(frame) = take_frame(&mut self.inbox)? {
                return Ok(Some(frame));
            }
            if self.closed {
                return Err(ChannelError::Closed);
            }
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Ok(None);
            }
            self.tcp
                .set_read_timeout(Some(left.max(Duration::from_millis(1))))?;
            match self.tls.read_tls(&mut self.tcp) {
                Ok(0) => self.closed = true,
                Ok(_) => {}
                Err(e)
                    if matches!(
                        e.kind(),
                        io::ErrorKind::WouldBlock | io::ErrorKind::TimedOut
                    ) =>
                {
                    return Ok(None);
                }
                Err(e) => return Err(e.into()),
            }
            let state = self
                .tls
                .process_new_packets()
                .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e))?;
            if state.peer_has_closed() {
                self.closed = true;
            }
            self.flush()?;
        }
    }

    /// Moves the plaintext TLS holds into the inbox, up to a frame's worth past the limit, so a
    /// peer that floods is refused by the frame check rather than buffered.
    fn drain_plaintext(&mut self) -> io::Result<()> {
        let mut piece = [0u8; CHUNK];
        while self.inbox.len() <= super::protocol::MAX_FRAME + 4 {
            match self.tls.reader().read(&mut piece) {
                Ok(0) => {
                    self.closed = true;
                    break;
                }
                Ok(read) => self.inbox.extend_from_slice(&piece[..read]),
                Err(e) if e.kind() == io::ErrorKind::WouldBlock => break,
                Err(e) => return Err(e),
            }
        }
        Ok(())
    }

    /// Closes the line politely (TLS close_notify), ignoring a peer already gone.
    pub fn close(&mut self) {
        self.tls.send_close_notify();
        let _ = self.flush();
        let _ = self.tcp.shutdown(std::net::Shutdown::Both);
    }
}
