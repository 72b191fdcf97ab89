//! A laptop that joins a session for one gemeente: it proves the code, takes the host's
//! workbook, sends its own edits, and applies every edit the host applied, in the host's order.
//!
//! The seat's model only ever holds what the host applied, so all laptops hold the same
//! workbook; the seat's own edits wait in [`SeatLink::pending`] until the host answers them.
//! When the line drops, the seat keeps its edits (and takes new ones, checked against its own
//! plan) and tries again every few seconds; on its return the host says which of them it had
//! already taken or refused, and the rest are sent again, so none is lost or applied twice.

use std::collections::{BTreeMap, BTreeSet};
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use serde::{Deserialize, Serialize};

use super::channel::{Channel, ChannelError, HANDSHAKE_TIMEOUT};
use super::protocol::{PROTOCOL_VERSION, SeatEdit, ToHost, ToSeat};
use super::secure::{self, ProofError};
use super::undo::take_back;
use crate::core::Model;

/// The first wait before trying the host again, and the longest.
const RETRY_FIRST: Duration = Duration::from_millis(250);
const RETRY_MOST: Duration = Duration::from_secs(3);
/// How long a seat waits for the host's official to admit it.
const ADMISSION_WAIT: Duration = Duration::from_secs(300);
/// How many of its own edits a seat can take back (as many as the app keeps alone).
const MAX_OWN_UNDO: usize = 200;

/// One of this seat's edits that the host applied, with the edits that would take it back.
#[derive(Clone, Debug)]
struct OwnEdit {
    seq: u64,
    edit: SeatEdit,
    back: Vec<SeatEdit>,
}

/// Why an edit is sent: the official's own, or to take one back or do it again.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Purpose {
    New,
    Undo,
    Redo,
}

/// What happened on the seat's line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SeatEvent {
    /// The host applied an edit (the seat's own when `own` is set).
    Applied {
        /// Its place in the session's order.
        order: u64,
        /// The edit.
        edit: SeatEdit,
        /// The seat's number for it, when it was this seat's.
        own: Option<u64>,
    },
    /// The host refused one of this seat's edits.
    Refused {
        /// The seat's number for it.
        seq: u64,
        /// The edit.
        edit: Option<SeatEdit>,
        /// The host's reason.
        reason: String,
    },
    /// The host had this edit already (sent again after the line dropped); it is applied once.
    Duplicate {
        /// The seat's number for it.
        seq: u64,
    },
    /// The line to the host dropped; edits wait until it is back.
    Lost {
        /// Why, in Dutch.
        reason: String,
    },
    /// The seat is back in the session with the host's workbook; `resent` edits went again.
    Back {
        /// How many edits the session has applied.
        applied: u64,
        /// How many waiting edits were sent again.
        resent: usize,
    },
    /// The host ended the session after `applied` edits.
    Closed {
        /// How many edits the session applied in all.
        applied: u64,
        /// Why.
        reason: String,
    },
}

/// Why joining failed.
#[derive(Debug, thiserror::Error)]
pub enum JoinError {
    /// No connection to the address.
    #[error("Geen verbinding met {address}: {source}")]
    Connect {
        /// The address tried.
        address: SocketAddr,
        /// What failed.
        source: std::io::Error,
    },
    /// The code was not proven either way.
    #[error("{0}")]
    Proof(#[from] ProofError),
    /// The host would not admit this seat.
    #[error("Niet toegelaten: {0}")]
    NotAdmitted(String),
    /// The host's answer made no sense.
    #[error("Onverwacht antwoord van de gastheer: {0}")]
    Unexpected(String),
}

/// What a seat keeps so that, restarted after a crash, it is the same seat with the same
/// waiting edits (`keuzekaart sessie deelnemen --plaats`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeatState {
    /// The seat's token in the session.
    pub token: String,
    /// The next number for an edit.
    pub next_seq: u64,
    /// The edits the host has not answered, by number.
    pub pending: BTreeMap<u64, SeatEdit>,
}

impl SeatState {
    /// A new seat.
    pub fn new() -> SeatState {
        SeatState {
            token: secure::new_seat_token(),
            next_seq: 1,
            pending: BTreeMap::new(),
        }
    }
}

/// A seat's line to the host, with the workbook as the host applied it.
pub struct SeatLink {
    address: SocketAddr,
    code: String,
    gemeente: String,
    state: SeatState,
    channel: Option<Channel>,
    model: Model,
    applied: u64,
    lost: Option<String>,
    retry_at: Instant,
    retry_wait: Duration,
    /// The host closed the session, or took this seat back: no more tries.
    ended: bool,
    /// This seat's own edits the host applied, newest last ([`SeatLink::undo`]).
    done: Vec<OwnEdit>,
    /// The edits taken back, newest last ([`SeatLink::redo`]).
    undone: Vec<SeatEdit>,
    /// The numbers of edits sent to take another back: they are not themselves undone.
    undoing: BTreeSet<u64>,
    /// The numbers of edits kept while the line was down and not sent yet: these can be
    /// withdrawn without asking the host.
    unsent: BTreeSet<u64>,
}

impl SeatLink {
    /// Joins the session at `address` with `code`, for `gemeente`, as the seat `state` says
    /// (a new one, or the one a crashed run left, whose waiting edits are sent again).
    pub fn join(
        address: SocketAddr,
        code: &str,
        gemeente: &str,
        state: SeatState,
    ) -> Result<(SeatLink, Vec<SeatEvent>), JoinError> {
        let answered = answered(&state);
        let (channel, welcome) = connect(address, code, gemeente, &state.token, answered)?;
        let mut link = SeatLink {
            address,
            code: code.to_owned(),
            gemeente: gemeente.to_owned(),
            state,
            channel: Some(channel),
            model: Model::new(crate::core::Workbook::bundled()),
            applied: 0,
            lost: None,
            retry_at: Instant::now(),
            retry_wait: RETRY_FIRST,
            ended: false,
            done: Vec::new(),
            undone: Vec::new(),
            undoing: BTreeSet::new(),
            unsent: BTreeSet::new(),
        };
        let events = link.welcomed(welcome).map_err(JoinError::Unexpected)?;
        Ok((link, events))
    }

    /// The workbook as the host applied it so far.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The workbook as this seat shows it: the host's, with this seat's waiting edits on top
    /// (while the line is down, the official goes on working on it).
    pub fn shown(&self) -> Model {
        let mut shown = self.model.clone();
        for edit in self.state.pending.values() {
            let _ = shown.apply(edit.to_edit());
        }
        shown
    }

    /// The gemeente this seat speaks for.
    pub fn gemeente(&self) -> &str {
        &self.gemeente
    }

    /// How many edits of the session this seat has applied.
    pub fn applied(&self) -> u64 {
        self.applied
    }

    /// The seat's edits the host has not answered yet.
    pub fn pending(&self) -> usize {
        self.state.pending.len()
    }

    /// Whether the line to the host is up.
    pub fn online(&self) -> bool {
        self.channel.is_some()
    }

    /// What to keep for a restart ([`SeatState`]).
    pub fn state(&self) -> &SeatState {
        &self.state
    }

    /// Sends an edit to the host, or keeps it for when the line is back; returns the seat's
    /// number for it. Offline, an edit the seat's own plan refuses is refused at once.
    pub fn send(&mut self, edit: SeatEdit) -> Result<u64, String> {
        let seq = self.send_for(edit, Purpose::New)?;
        self.undone.clear();
        Ok(seq)
    }

    fn send_for(&mut self, edit: SeatEdit, purpose: Purpose) -> Result<u64, String> {
        if self.ended {
            return Err("De sessie is gesloten.".to_owned());
        }
        if self.channel.is_none() {
            let mut shown = self.shown();
            shown.apply(edit.to_edit()).map_err(|r| r.to_string())?;
            self.unsent.insert(self.state.next_seq);
        }
        let seq = self.state.next_seq;
        self.state.next_seq += 1;
        self.state.pending.insert(seq, edit.clone());
        if purpose == Purpose::Undo {
            self.undoing.insert(seq);
        }
        self.transmit(seq, edit);
        Ok(seq)
    }

    /// Takes back this seat's own last edit (never another gemeente's, never the session's):
    /// an edit kept while offline is withdrawn; one the host applied is taken back by the edits
    /// that put the plan back, sent through the host's rules like any other. Returns what was
    /// taken back, or why not, in Dutch.
    pub fn undo(&mut self) -> Result<String, String> {
        if self.ended {
            return Err("De sessie is gesloten.".to_owned());
        }
        let newest_done = self.done.last().map(|own| own.seq);
        if let Some(seq) = self.newest_pending()
            && newest_done.is_none_or(|done| seq > done)
        {
            if !self.unsent.remove(&seq) {
                return Err("Je laatste wijziging is nog onderweg naar de gastheer; maak haar ongedaan zodra ze is aangekomen.".to_owned());
            }
            let edit = self.state.pending.remove(&seq).expect("a waiting edit");
            let label = edit.to_edit().label();
            self.undone.push(edit);
            return Ok(label);
        }
        let Some(own) = self.done.pop() else {
            return Err("Er is niets om ongedaan te maken.".to_owned());
        };
        for edit in own.back.iter().cloned() {
            if let Err(reason) = self.send_for(edit, Purpose::Undo) {
                self.done.push(own);
                return Err(reason);
            }
        }
        let label = own.edit.to_edit().label();
        self.undone.push(own.edit);
        Ok(label)
    }

    /// Does again the edit this seat took back last; returns what, or why not, in Dutch.
    pub fn redo(&mut self) -> Result<String, String> {
        let Some(edit) = self.undone.pop() else {
            return Err("Er is niets om opnieuw te doen.".to_owned());
        };
        match self.send_for(edit.clone(), Purpose::Redo) {
            Ok(_) => Ok(edit.to_edit().label()),
            Err(reason) => {
                self.undone.push(edit);
                Err(reason)
            }
        }
    }

    /// What [`SeatLink::undo`] would take back now, and what [`SeatLink::redo`] would do again.
    pub fn history_labels(&self) -> (Option<String>, Option<String>) {
        let newest_done = self.done.last().map(|own| own.seq);
        let undo = match self.newest_pending() {
            Some(seq) if newest_done.is_none_or(|done| seq > done) => {
                Some(self.state.pending[&seq].to_edit().label())
            }
            _ => self.done.last().map(|own| own.edit.to_edit().label()),
        };
        (undo, self.undone.last().map(|e| e.to_edit().label()))
    }

    /// The newest of this seat's waiting edits that is not itself taking another back.
    fn newest_pending(&self) -> Option<u64> {
        self.state
            .pending
            .keys()
            .rev()
            .find(|seq| !self.undoing.contains(seq))
            .copied()
    }

    /// Keeps an edit of this seat's that the host applied, with how to take it back.
    fn remember(&mut self, seq: u64, edit: &SeatEdit, before: Option<crate::core::Plan>) {
        if self.undoing.remove(&seq) {
            return;
        }
        let after = self.model.workbook().plan(&self.gemeente);
        let back = take_back(&self.gemeente, before.as_ref(), after);
        if back.is_empty() {
            return;
        }
        self.done.push(OwnEdit {
            seq,
            edit: edit.clone(),
            back,
        });
        if self.done.len() > MAX_OWN_UNDO {
            self.done.remove(0);
        }
    }

    fn transmit(&mut self, seq: u64, edit: SeatEdit) {
        if let Some(channel) = self.channel.as_mut()
            && let Err(e) = channel.send(&ToHost::Edit { seq, edit })
        {
            self.drop_line(format!("Verbinding verbroken: {e}"));
        }
    }

    fn drop_line(&mut self, reason: String) {
        if let Some(mut channel) = self.channel.take() {
            channel.close();
        }
        self.lost = Some(reason);
        self.retry_wait = RETRY_FIRST;
        self.retry_at = Instant::now() + self.retry_wait;
    }

    /// Takes what the host sent, waiting at most `wait` for the first message; while the line
    /// is down, tries the host again when it is time.
    pub fn poll(&mut self, wait: Duration) -> Vec<SeatEvent> {
        let mut events = Vec::new();
        if let Some(reason) = self.lost.take() {
            events.push(SeatEvent::Lost { reason });
        }
        if self.ended {
            std::thread::sleep(wait);
            return events;
        }
        if self.channel.is_none() {
            self.try_again(&mut events, wait);
            return events;
        }
        let mut wait = wait;
        while let Some(channel) = self.channel.as_mut() {
            let message = match channel.recv::<ToSeat>(wait) {
                Ok(Some(message)) => message,
                Ok(None) => break,
                Err(e) => {
                    self.drop_line(e.to_string());
                    break;
                }
            };
            wait = Duration::ZERO;
            match self.take(message) {
                Ok(event) => {
                    let closed = matches!(event, SeatEvent::Closed { .. });
                    events.push(event);
                    if closed {
                        self.channel = None;
                        self.ended = true;
                        break;
                    }
                }
                // Out of step with the host: leave and come back for a fresh workbook.
                Err(reason) => self.drop_line(reason),
            }
        }
        if let Some(reason) = self.lost.take() {
            events.push(SeatEvent::Lost { reason });
        }
        events
    }

    fn try_again(&mut self, events: &mut Vec<SeatEvent>, wait: Duration) {
        let now = Instant::now();
        if now < self.retry_at {
            std::thread::sleep((self.retry_at - now).min(wait));
            return;
        }
        let answered = answered(&self.state);
        match connect(
            self.address,
            &self.code,
            &self.gemeente,
            &self.state.token,
            answered,
        ) {
            Ok((channel, welcome)) => {
                self.channel = Some(channel);
                match self.welcomed(welcome) {
                    Ok(back) => events.extend(back),
                    Err(reason) => self.drop_line(reason),
                }
            }
            Err(_) => {
                self.retry_wait = (self.retry_wait * 2).min(RETRY_MOST);
                self.retry_at = Instant::now() + self.retry_wait;
            }
        }
    }

    /// Takes the host's workbook and says what became of the waiting edits: refused, already
    /// taken, or sent again.
    fn welcomed(&mut self, welcome: Welcome) -> Result<Vec<SeatEvent>, String> {
        let workbook = crate::storage::parse_workbook(&welcome.workbook)
            .map_err(|e| format!("de werkmap van de gastheer is onleesbaar: {e}"))?;
        self.model = Model::new(workbook);
        self.applied = welcome.applied;
        self.gemeente = welcome.gemeente;
        let mut events = Vec::new();
        for (seq, reason) in welcome.refused {
            self.undoing.remove(&seq);
            if let Some(edit) = self.state.pending.remove(&seq) {
                events.push(SeatEvent::Refused {
                    seq,
                    edit: Some(edit),
                    reason,
                });
            }
        }
        let taken: Vec<u64> = self
            .state
            .pending
            .range(..=welcome.last_seq)
            .map(|(seq, _)| *seq)
            .collect();
        for seq in taken {
            self.state.pending.remove(&seq);
            self.undoing.remove(&seq);
            events.push(SeatEvent::Duplicate { seq });
        }
        self.state.next_seq = self.state.next_seq.max(welcome.last_seq + 1);
        let resend: Vec<(u64, SeatEdit)> = self
            .state
            .pending
            .iter()
            .map(|(s, e)| (*s, e.clone()))
            .collect();
        let resent = resend.len();
        for (seq, edit) in resend {
            self.transmit(seq, edit);
        }
        if self.channel.is_some() {
            self.unsent.clear();
        }
        events.push(SeatEvent::Back {
            applied: self.applied,
            resent,
        });
        Ok(events)
    }

    fn take(&mut self, message: ToSeat) -> Result<SeatEvent, String> {
        let out_of_step = |what: String| format!("de sessie loopt uit de pas ({what})");
        Ok(match message {
            ToSeat::Applied {
                order,
                own_seq,
                edit,
            } => {
                if order != self.applied + 1 {
                    return Err(out_of_step(format!(
                        "wijziging {order} na {}",
                        self.applied
                    )));
                }
                let before =
                    own_seq.and_then(|_| self.model.workbook().plan(&self.gemeente).cloned());
                self.model
                    .apply(edit.to_edit())
                    .map_err(|r| out_of_step(r.to_string()))?;
                self.applied = order;
                if let Some(seq) = own_seq {
                    self.state.pending.remove(&seq);
                    self.remember(seq, &edit, before);
                }
                SeatEvent::Applied {
                    order,
                    edit,
                    own: own_seq,
                }
            }
            ToSeat::Refused { seq, reason } => {
                self.undoing.remove(&seq);
                SeatEvent::Refused {
                    seq,
                    edit: self.state.pending.remove(&seq),
                    reason,
                }
            }
            ToSeat::Duplicate { seq } => {
                self.state.pending.remove(&seq);
                self.undoing.remove(&seq);
                SeatEvent::Duplicate { seq }
            }
            ToSeat::Closed { applied, reason } => SeatEvent::Closed { applied, reason },
            other => return Err(out_of_step(format!("{other:?}"))),
        })
    }

    /// Leaves the session.
    pub fn leave(&mut self) {
        if let Some(mut channel) = self.channel.take() {
            let _ = channel.send(&ToHost::Bye);
            channel.close();
        }
    }
}

/// The highest number below which the seat has every answer.
fn answered(state: &SeatState) -> u64 {
    match state.pending.keys().next() {
        Some(first) => first - 1,
        None => state.next_seq.saturating_sub(1),
    }
}

/// What a welcome says, taken out of the message.
struct Welcome {
    gemeente: String,
    workbook: String,
    applied: u64,
    last_seq: u64,
    refused: Vec<(u64, String)>,
}

fn connect(
    address: SocketAddr,
    code: &str,
    gemeente: &str,
    token: &str,
    answered: u64,
) -> Result<(Channel, Welcome), JoinError> {
    let mut channel = Channel::connect(address, secure::seat_config())
        .map_err(|source| JoinError::Connect { address, source })?;
    secure::prove_as_seat(&mut channel, code)?;
    let lost = |e: ChannelError| JoinError::Proof(ProofError::Channel(e));
    channel
        .send(&ToHost::Hello {
            version: PROTOCOL_VERSION,
            seat: token.to_owned(),
            gemeente: gemeente.to_owned(),
            answered,
        })
        .map_err(|e| lost(e.into()))?;
    // The host's official may first decide whether to admit the seat.
    let mut answer = channel.recv::<ToSeat>(HANDSHAKE_TIMEOUT).map_err(lost)?;
    if let Some(ToSeat::Waiting { .. }) = answer {
        answer = channel.recv::<ToSeat>(ADMISSION_WAIT).map_err(lost)?;
    }
    match answer {
        Some(ToSeat::Welcome {
            gemeente,
            workbook,
            applied,
            last_seq,
            refused,
            ..
        }) => Ok((
            channel,
            Welcome {
                gemeente,
                workbook,
                applied,
                last_seq,
                refused,
            },
        )),
        Some(ToSeat::NotAdmitted { reason }) => Err(JoinError::NotAdmitted(reason)),
        Some(other) => Err(JoinError::Unexpected(format!("{other:?}"))),
        None => Err(JoinError::Proof(ProofError::Silent)),
    }
}
