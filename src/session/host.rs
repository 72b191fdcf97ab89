//! The hosting laptop: listens on the room's network, lets in seats that prove the code, and
//! runs the session's [`Authority`] on a thread of its own.
//!
//! One thread accepts connections, one per connection carries its messages, and one holds the
//! authority, so a slow or hostile peer holds up only its own thread. Whoever drives the host
//! (the app or `keuzekaart sessie host`) reads [`HostEvent`]s and never waits on the network.

use std::collections::HashMap;
use std::io;
use std::net::{IpAddr, SocketAddr, TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::authority::{Authority, Outcome};
use super::channel::{Channel, ChannelError, HANDSHAKE_TIMEOUT};
use super::discovery::{self, Announcement};
use super::journal::{self, Entry, JOURNAL_VERSION, Journal};
use super::protocol::{SeatEdit, ToHost, ToSeat};
use super::secure::{self, Attempts, ProofError};
use crate::core::Model;

/// How often a connection's thread looks for messages to send while it waits for the peer.
const POLL: Duration = Duration::from_millis(5);

/// What happened in the session, for the host's screen or log.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum HostEvent {
    /// A seat proved the code and was admitted for its gemeente.
    Admitted {
        /// The gemeente.
        gemeente: String,
    },
    /// A seat proved the code but was not admitted.
    NotAdmitted {
        /// The peer's address.
        peer: SocketAddr,
        /// Why.
        reason: String,
    },
    /// A seat left or lost its connection.
    Left {
        /// The gemeente.
        gemeente: String,
        /// Why.
        reason: String,
    },
    /// An edit was applied as the session's `order`-th.
    Applied {
        /// Its place in the order.
        order: u64,
        /// The edit.
        edit: SeatEdit,
    },
    /// A seat's edit was refused.
    Refused {
        /// The seat's gemeente.
        gemeente: String,
        /// The reason sent to it.
        reason: String,
    },
    /// A peer did not prove the code.
    WrongCode {
        /// The peer's address.
        peer: SocketAddr,
    },
    /// A peer tried again too soon after wrong codes and was turned away unheard.
    TooSoon {
        /// The peer's address.
        peer: SocketAddr,
    },
    /// A seat proved the code and asks to be admitted: answer with [`Host::answer`].
    Asks {
        /// The question's number.
        ticket: u64,
        /// The gemeente it wants to speak for.
        gemeente: String,
        /// The peer's address.
        peer: SocketAddr,
    },
    /// A seat that asked went away before it was answered.
    Withdrew {
        /// The question's number.
        ticket: u64,
    },
    /// The session's logbook could not be written: the session goes on, but a crash now would
    /// lose what the logbook misses.
    JournalFailed {
        /// Why, in Dutch.
        reason: String,
    },
    /// A peer was dropped: it spoke no TLS, or sent what this protocol refuses.
    Dropped {
        /// The peer's address.
        peer: SocketAddr,
        /// Why, in Dutch.
        reason: String,
    },
}

/// Where and how to host.
#[derive(Clone, Debug)]
pub struct HostOptions {
    /// The address to listen on (port 0: any free port).
    pub address: SocketAddr,
    /// The join code; a new random one when `None` (a resumed session keeps its own).
    pub code: Option<String>,
    /// The session's logbook and recovery copy ([`journal`]): a session that was not closed
    /// properly is resumed from it; a new session starts it afresh.
    pub journal: Option<std::path::PathBuf>,
    /// Whether the host's official admits each new seat ("Wijchen wil meedoen — Toelaten /
    /// Weigeren"); otherwise every seat that proves the code is admitted. A seat that was
    /// admitted once and comes back after a dropped line is not asked about again.
    pub ask: bool,
}

enum Internal {
    Joined {
        conn: u64,
        peer: SocketAddr,
        version: u32,
        answered: u64,
        seat: String,
        gemeente: String,
        outbox: Sender<ToSeat>,
    },
    Edit {
        conn: u64,
        seq: u64,
        edit: SeatEdit,
    },
    Gone {
        conn: u64,
        reason: String,
    },
    Answer {
        ticket: u64,
        admit: bool,
    },
    TakeBack {
        gemeente: String,
    },
    Stop {
        reason: String,
    },
}

struct Shared {
    config: Arc<rustls::ServerConfig>,
    code: Mutex<String>,
    attempts: Mutex<Attempts>,
    next_conn: AtomicU64,
    stopping: AtomicBool,
}

/// The address to tell the room: the laptop's own address on the network when the session
/// listens on all of them.
pub fn room_address(address: SocketAddr) -> SocketAddr {
    if !address.ip().is_unspecified() {
        return address;
    }
    // Connecting a UDP socket sends nothing; it only asks the system which address it would use.
    let local = std::net::UdpSocket::bind("0.0.0.0:0")
        .and_then(|s| s.connect("192.0.2.1:9").map(|()| s))
        .and_then(|s| s.local_addr());
    match local {
        Ok(local) => SocketAddr::new(local.ip(), address.port()),
        Err(_) => address,
    }
}

/// A running session on this laptop.
pub struct Host {
    address: SocketAddr,
    start: Model,
    resumed: Option<u64>,
    shared: Arc<Shared>,
    events: Receiver<HostEvent>,
    internal: Sender<Internal>,
    authority: Option<JoinHandle<Model>>,
    acceptor: Option<JoinHandle<()>>,
    /// The session announced on the room's network, when it listens on all of it.
    announcement: Result<Option<Announcement>, String>,
}

impl Host {
    /// Starts hosting a session over `model`.
    pub fn start(model: Model, options: HostOptions) -> io::Result<Host> {
        let config = secure::host_config().map_err(io::Error::other)?;
        let (authority, journal, code, resumed) = open_journal(model, &options)?;
        let start = authority.model().clone();
        let listener = TcpListener::bind(options.address)?;
        let address = listener.local_addr()?;
        let shared = Arc::new(Shared {
            config,
            code: Mutex::new(code),
            attempts: Mutex::new(Attempts::default()),
            next_conn: AtomicU64::new(1),
            stopping: AtomicBool::new(false),
        });
        let (events_tx, events) = mpsc::channel();
        let (internal, internal_rx) = mpsc::channel();
        let authority = {
            let events = events_tx.clone();
            std::thread::Builder::new()
                .name("sessie-gastheer".into())
                .spawn(move || {
                    let session = Session {
                        authority,
                        journal,
                        ask: options.ask,
                        asking: HashMap::new(),
                        seats: HashMap::new(),
                        events,
                    };
                    run_authority(session, internal_rx)
                })?
        };
        let acceptor = {
            let shared = shared.clone();
            let internal = internal.clone();
            std::thread::Builder::new()
                .name("sessie-luisteraar".into())
                .spawn(move || accept_loop(listener, shared, internal, events_tx))?
        };
        let announcement = if discovery::announces(address) {
            Announcement::start(address.port()).map(Some)
        } else {
            Ok(None)
        };
        Ok(Host {
            address,
            start,
            resumed,
            shared,
            events,
            internal,
            authority: Some(authority),
            acceptor: Some(acceptor),
            announcement,
        })
    }

    /// The address the session listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }

    /// Whether the session is announced on the network (`Ok(false)`: it listens on one address
    /// only), or why announcing failed; seats can then still type the address.
    pub fn announced(&self) -> Result<bool, String> {
        match &self.announcement {
            Ok(announcement) => Ok(announcement.is_some()),
            Err(e) => Err(e.clone()),
        }
    }

    /// The model the session started from here (after the logbook, when it was resumed).
    pub fn start_model(&self) -> &Model {
        &self.start
    }

    /// How many edits a resumed session had applied before this host took over; `None` for a
    /// new session.
    pub fn resumed(&self) -> Option<u64> {
        self.resumed
    }

    /// The join code as shown ("1234 5678").
    pub fn code(&self) -> String {
        self.shared.code.lock().expect("code lock").clone()
    }

    /// Gives the session a new code: seats already in stay, new ones need the new code.
    pub fn change_code(&self) -> String {
        let code = secure::new_code();
        *self.shared.code.lock().expect("code lock") = code.clone();
        code
    }

    /// Admits (or refuses) the seat that asked with `ticket`.
    pub fn answer(&self, ticket: u64, admit: bool) {
        let _ = self.internal.send(Internal::Answer { ticket, admit });
    }

    /// Takes back the seat of `gemeente`: it is told and leaves; it can only come back when
    /// admitted again.
    pub fn take_back(&self, gemeente: &str) {
        let _ = self.internal.send(Internal::TakeBack {
            gemeente: gemeente.to_owned(),
        });
    }

    /// What happened since last asked, without waiting.
    pub fn events(&self) -> &Receiver<HostEvent> {
        &self.events
    }

    /// Ends the session: every seat is told, and the host's model, the session's result, is
    /// given back.
    pub fn stop(mut self, reason: &str) -> Model {
        // Say goodbye on the network first, so no one tries to join a session that is ending.
        self.announcement = Ok(None);
        self.shared.stopping.store(true, Ordering::SeqCst);
        let _ = self.internal.send(Internal::Stop {
            reason: reason.to_owned(),
        });
        // The listener waits in accept(); a connection of our own wakes it to see the flag.
        let mut wake = self.address;
        if wake.ip().is_unspecified() {
            wake.set_ip(std::net::Ipv4Addr::LOCALHOST.into());
        }
        let _ = TcpStream::connect_timeout(&wake, Duration::from_secs(1));
        if let Some(acceptor) = self.acceptor.take() {
            let _ = acceptor.join();
        }
        self.authority
            .take()
            .expect("stopped once")
            .join()
            .expect("the session's thread does not panic")
    }
}

struct Seat {
    seat: String,
    gemeente: String,
    outbox: Sender<ToSeat>,
}

type Opened = (Authority, Option<Journal>, String, Option<u64>);

/// The authority, logbook and code of the session: resumed from a logbook a killed host left,
/// or new. A logbook that cannot be read is never overwritten.
fn open_journal(model: Model, options: &HostOptions) -> io::Result<Opened> {
    let new_code = || options.code.clone().unwrap_or_else(secure::new_code);
    let Some(path) = &options.journal else {
        return Ok((Authority::new(model), None, new_code(), None));
    };
    let refuse = |reason: String| {
        io::Error::other(format!(
            "{reason} Het sessielogboek {} blijft staan; verplaats het om een nieuwe sessie te beginnen.",
            path.display()
        ))
    };
    if path.exists() {
        let read = journal::read(path).map_err(refuse)?;
        let closed = matches!(read.entries.last(), Some(Entry::Closed { .. }));
        if !closed {
            let Some(Entry::Start { code, workbook, .. }) = read.entries.first() else {
                unreachable!("journal::read checks the first line")
            };
            let workbook = crate::storage::parse_workbook(workbook)
                .map_err(|e| refuse(format!("De werkmap in het logboek is onleesbaar: {e}.")))?;
            let authority = Authority::resume(Model::new(workbook), &read.entries)
                .map_err(|e| refuse(format!("Het logboek klopt niet: {e}.")))?;
            let applied = authority.applied();
            let journal = Journal::append(path, read.whole_bytes)?;
            let code = options.code.clone().unwrap_or_else(|| code.clone());
            return Ok((authority, Some(journal), code, Some(applied)));
        }
    }
    let code = new_code();
    let start = Entry::Start {
        version: JOURNAL_VERSION,
        code: code.clone(),
        workbook: crate::storage::to_ron(model.workbook()),
    };
    let journal = Journal::create(path, &start)?;
    Ok((Authority::new(model), Some(journal), code, None))
}

fn run_authority(mut session: Session, internal: Receiver<Internal>) -> Model {
    while let Ok(message) = internal.recv() {
        match message {
            Internal::Joined {
                conn,
                peer,
                version,
                answered,
                seat,
                gemeente,
                outbox,
            } => session.join(
                conn,
                peer,
                (version, answered),
                Seat {
                    seat,
                    gemeente,
                    outbox,
                },
            ),
            Internal::Edit { conn, seq, edit } => session.edit(conn, seq, edit),
            Internal::Gone { conn, reason } => session.gone(conn, reason),
            Internal::Answer { ticket, admit } => session.answer(ticket, admit),
            Internal::TakeBack { gemeente } => session.take_back(&gemeente),
            Internal::Stop { reason } => {
                let applied = session.authority.applied();
                session.record(&Entry::Closed { applied });
                for seat in session.seats.values() {
                    let _ = seat.outbox.send(ToSeat::Closed {
                        applied: session.authority.applied(),
                        reason: reason.clone(),
                    });
                }
                break;
            }
        }
    }
    session.authority.into_model()
}

/// The authority with the lines of the seats it admitted.
struct Session {
    authority: Authority,
    journal: Option<Journal>,
    /// Whether new seats wait for the host's official ([`HostOptions::ask`]).
    ask: bool,
    /// Seats waiting for that answer, by their connection (the question's ticket).
    asking: HashMap<u64, (SocketAddr, (u32, u64), Seat)>,
    seats: HashMap<u64, Seat>,
    events: Sender<HostEvent>,
}

impl Session {
    fn tell(&self, event: HostEvent) {
        let _ = self.events.send(event);
    }

    /// Writes an entry to the logbook (before any seat hears of what it records).
    fn record(&mut self, entry: &Entry) {
        if let Some(journal) = self.journal.as_mut()
            && let Err(e) = journal.write(entry)
        {
            let reason = format!(
                "{}: {}",
                journal.path().display(),
                crate::storage::io_reason(&e)
            );
            self.tell(HostEvent::JournalFailed { reason });
        }
    }

    /// A seat proved the code: admitted now, or asked about first.
    fn join(&mut self, conn: u64, peer: SocketAddr, hello: (u32, u64), seat: Seat) {
        if self.ask && !self.authority.knows(&seat.seat) {
            if let Err(reason) = self
                .authority
                .check_admission(hello.0, &seat.seat, &seat.gemeente)
            {
                let _ = seat.outbox.send(ToSeat::NotAdmitted {
                    reason: reason.clone(),
                });
                self.tell(HostEvent::NotAdmitted { peer, reason });
                return;
            }
            let _ = seat.outbox.send(ToSeat::Waiting {
                reason: "De gastheer beslist of je mag meedoen.".to_owned(),
            });
            self.tell(HostEvent::Asks {
                ticket: conn,
                gemeente: seat.gemeente.clone(),
                peer,
            });
            self.asking.insert(conn, (peer, hello, seat));
            return;
        }
        self.admit(conn, peer, hello, seat);
    }

    fn answer(&mut self, ticket: u64, admit: bool) {
        let Some((peer, hello, seat)) = self.asking.remove(&ticket) else {
            return;
        };
        if admit {
            self.admit(ticket, peer, hello, seat);
        } else {
            let reason = "De gastheer heeft je niet toegelaten.".to_owned();
            let _ = seat.outbox.send(ToSeat::NotAdmitted {
                reason: reason.clone(),
            });
            self.tell(HostEvent::NotAdmitted { peer, reason });
        }
    }

    fn take_back(&mut self, gemeente: &str) {
        let conns: Vec<u64> = self
            .seats
            .iter()
            .filter(|(_, s)| s.gemeente == gemeente)
            .map(|(c, _)| *c)
            .collect();
        for conn in conns {
            let seat = self.seats.remove(&conn).expect("listed above");
            self.authority.revoke(&seat.seat);
            let _ = seat.outbox.send(ToSeat::Closed {
                applied: self.authority.applied(),
                reason: format!("De gastheer heeft de plaats van {gemeente} teruggenomen."),
            });
            self.tell(HostEvent::Left {
                gemeente: gemeente.to_owned(),
                reason: "plaats teruggenomen".to_owned(),
            });
        }
    }

    fn admit(&mut self, conn: u64, peer: SocketAddr, hello: (u32, u64), seat: Seat) {
        let (version, answered) = hello;
        match self
            .authority
            .admit(version, &seat.seat, &seat.gemeente, answered)
        {
            Ok(admission) => {
                if admission.first {
                    self.record(&Entry::Joined {
                        seat: seat.seat.clone(),
                        gemeente: seat.gemeente.clone(),
                    });
                }
                let _ = seat.outbox.send(admission.welcome);
                self.tell(HostEvent::Admitted {
                    gemeente: seat.gemeente.clone(),
                });
                self.seats.insert(conn, seat);
            }
            Err(reason) => {
                let _ = seat.outbox.send(ToSeat::NotAdmitted {
                    reason: reason.clone(),
                });
                self.tell(HostEvent::NotAdmitted { peer, reason });
            }
        }
    }

    fn edit(&mut self, conn: u64, seq: u64, edit: SeatEdit) {
        let Some(token) = self.seats.get(&conn).map(|s| s.seat.clone()) else {
            return;
        };
        let outcome = self.authority.submit(&token, seq, edit);
        match &outcome {
            Outcome::Applied { order, edit } => self.record(&Entry::Applied {
                order: *order,
                seat: token.clone(),
                seq,
                edit: edit.clone(),
            }),
            Outcome::Refused(reason) => self.record(&Entry::Refused {
                seat: token.clone(),
                seq,
                reason: reason.clone(),
            }),
            Outcome::Duplicate => {}
        }
        let from = &self.seats[&conn];
        match outcome {
            Outcome::Applied { order, edit } => {
                for (id, seat) in &self.seats {
                    let _ = seat.outbox.send(ToSeat::Applied {
                        order,
                        own_seq: (*id == conn).then_some(seq),
                        edit: edit.clone(),
                    });
                }
                self.tell(HostEvent::Applied { order, edit });
            }
            Outcome::Refused(reason) => {
                let _ = from.outbox.send(ToSeat::Refused {
                    seq,
                    reason: reason.clone(),
                });
                let gemeente = from.gemeente.clone();
                self.tell(HostEvent::Refused { gemeente, reason });
            }
            Outcome::Duplicate => {
                let _ = from.outbox.send(ToSeat::Duplicate { seq });
            }
        }
    }

    fn gone(&mut self, conn: u64, reason: String) {
        if self.asking.remove(&conn).is_some() {
            self.tell(HostEvent::Withdrew { ticket: conn });
        }
        if let Some(gone) = self.seats.remove(&conn) {
            // A seat that rejoined before its old line was noticed gone keeps its place.
            if !self.seats.values().any(|s| s.seat == gone.seat) {
                self.authority.leave(&gone.seat);
            }
            self.tell(HostEvent::Left {
                gemeente: gone.gemeente,
                reason,
            });
        }
    }
}

fn accept_loop(
    listener: TcpListener,
    shared: Arc<Shared>,
    internal: Sender<Internal>,
    events: Sender<HostEvent>,
) {
    let mut workers: Vec<JoinHandle<()>> = Vec::new();
    loop {
        let accepted = listener.accept();
        if shared.stopping.load(Ordering::SeqCst) {
            break;
        }
        match accepted {
            Ok((tcp, peer)) => {
                let shared = shared.clone();
                let internal = internal.clone();
                let events = events.clone();
                let worker = std::thread::Builder::new()
                    .name(format!("sessie-{peer}"))
                    .spawn(move || serve(tcp, peer, &shared, &internal, &events));
                if let Ok(worker) = worker {
                    workers.push(worker);
                }
                workers.retain(|w| !w.is_finished());
            }
            // Out of file descriptors, say: wait a moment rather than spin.
            Err(_) => std::thread::sleep(Duration::from_millis(50)),
        }
    }
    // Each worker sends its seat's last message and ends once the authority has stopped; the
    // host waits a moment for that, but not for a peer still in its handshake (the app's frame
    // waits on this).
    let deadline = Instant::now() + Duration::from_secs(2);
    while workers.iter().any(|w| !w.is_finished()) && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(10));
    }
}

/// Lets a peer in (TLS, code, hello) and then carries its messages both ways.
fn serve(
    tcp: TcpStream,
    peer: SocketAddr,
    shared: &Shared,
    internal: &Sender<Internal>,
    events: &Sender<HostEvent>,
) {
    let Some(mut channel) = let_in(tcp, peer, shared, events) else {
        return;
    };
    let hello = match channel.recv::<ToHost>(HANDSHAKE_TIMEOUT) {
        Ok(Some(ToHost::Hello {
            version,
            seat,
            gemeente,
            answered,
        })) => (version, seat, gemeente, answered),
        other => {
            let reason = match other {
                Err(e) => e.to_string(),
                _ => "geen aanmelding na de code".to_owned(),
            };
            let _ = events.send(HostEvent::Dropped { peer, reason });
            channel.close();
            return;
        }
    };
    let conn = shared.next_conn.fetch_add(1, Ordering::SeqCst);
    let (outbox_tx, outbox) = mpsc::channel();
    let (version, seat, gemeente, answered) = hello;
    if internal
        .send(Internal::Joined {
            conn,
            peer,
            version,
            answered,
            seat,
            gemeente,
            outbox: outbox_tx,
        })
        .is_err()
    {
        channel.close();
        return;
    }
    let reason = carry(&mut channel, conn, &outbox, internal);
    if let Some((reason, garbage)) = reason {
        if garbage {
            let _ = events.send(HostEvent::Dropped {
                peer,
                reason: reason.clone(),
            });
        }
        let _ = internal.send(Internal::Gone { conn, reason });
    }
    channel.close();
}

/// TLS and the code; `None` when the peer was turned away (the event says why).
fn let_in(
    tcp: TcpStream,
    peer: SocketAddr,
    shared: &Shared,
    events: &Sender<HostEvent>,
) -> Option<Channel> {
    let ip: IpAddr = peer.ip();
    let attempts = || shared.attempts.lock().expect("attempts lock");
    if attempts().begin(ip, Instant::now()).is_err() {
        let _ = events.send(HostEvent::TooSoon { peer });
        return None;
    }
    let mut channel = match Channel::accept(tcp, shared.config.clone()) {
        Ok(channel) => channel,
        Err(e) => {
            attempts().abandoned(ip);
            let _ = events.send(HostEvent::Dropped {
                peer,
                reason: format!("geen geldige TLS-verbinding ({e})"),
            });
            return None;
        }
    };
    let code = shared.code.lock().expect("code lock").clone();
    match secure::prove_as_host(&mut channel, &code) {
        Ok(()) => {
            attempts().done(ip, true, Instant::now());
            Some(channel)
        }
        Err(error) => {
            // Anything but a proof counts as a wrong try, so probing costs as much as guessing.
            attempts().done(ip, false, Instant::now());
            let _ = events.send(match error {
                ProofError::WrongCode => HostEvent::WrongCode { peer },
                other => HostEvent::Dropped {
                    peer,
                    reason: other.to_string(),
                },
            });
            channel.close();
            None
        }
    }
}

/// Carries an admitted peer's messages until it leaves, is refused, or the session stops.
/// Returns why it ended when the authority must still hear of it (with whether the peer sent
/// garbage), `None` when the authority ended it.
fn carry(
    channel: &mut Channel,
    conn: u64,
    outbox: &Receiver<ToSeat>,
    internal: &Sender<Internal>,
) -> Option<(String, bool)> {
    loop {
        loop {
            match outbox.try_recv() {
                Ok(message) => {
                    let last =
                        matches!(message, ToSeat::Closed { .. } | ToSeat::NotAdmitted { .. });
                    if channel.send(&message).is_err() {
                        return Some(("verbinding verbroken".to_owned(), false));
                    }
                    if last {
                        return matches!(message, ToSeat::NotAdmitted { .. })
                            .then(|| ("niet toegelaten".to_owned(), false));
                    }
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => return None,
            }
        }
        match channel.recv::<ToHost>(POLL) {
            Ok(Some(ToHost::Edit { seq, edit })) => {
                let _ = internal.send(Internal::Edit { conn, seq, edit });
            }
            Ok(Some(ToHost::Bye)) => return Some(("vertrokken".to_owned(), false)),
            Ok(Some(ToHost::Hello { .. })) => {
                return Some(("meldde zich twee keer aan".to_owned(), true));
            }
            Ok(None) => {}
            Err(ChannelError::Frame(e)) => return Some((e.to_string(), true)),
            Err(_) => return Some(("verbinding verbroken".to_owned(), false)),
        }
    }
}
