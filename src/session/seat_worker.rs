//! A seat on a thread of its own, for the app: joining, reconnecting and the host's answers all
//! happen there, and the frame only takes [`SeatUpdate`]s from a channel, so it never waits on
//! the network (a host that is gone can take seconds to give up on).

use std::net::SocketAddr;
use std::sync::mpsc::{self, Receiver, Sender, TryRecvError};
use std::time::Duration;

use super::protocol::SeatEdit;
use super::seat::{SeatEvent, SeatLink, SeatState};
use crate::core::Workbook;

/// What the app tells its seat.
#[derive(Debug)]
pub enum SeatCommand {
    /// Send an edit.
    Edit(SeatEdit),
    /// Take back the seat's own last edit ([`SeatLink::undo`]).
    Undo,
    /// Do again what was taken back last.
    Redo,
    /// Leave the session.
    Leave,
}

/// What the seat tells the app.
#[derive(Clone, Debug)]
pub enum SeatUpdate {
    /// Admitted: the workbook as the session has it.
    Joined {
        /// The gemeente the seat speaks for.
        gemeente: String,
        /// The session's workbook.
        shown: Box<Workbook>,
    },
    /// Joining failed, and why (in Dutch).
    Failed(String),
    /// Something happened; `shown` is the workbook as the seat now shows it (the host's, with
    /// its own waiting edits on top).
    Event {
        /// What happened.
        event: SeatEvent,
        /// The workbook to show.
        shown: Box<Workbook>,
        /// Whether the line to the host is up.
        online: bool,
        /// How many of its edits wait for an answer.
        pending: usize,
    },
    /// An edit refused at once, while offline, by the seat's own plan.
    RefusedHere(String),
    /// What undo or redo did (`Ok`, "Ongedaan gemaakt: …") or why it could not (`Err`).
    History(Result<String, String>),
    /// What undo and redo would take back or do again now (for the Bewerken menu).
    Labels {
        /// Undo's.
        undo: Option<String>,
        /// Redo's.
        redo: Option<String>,
    },
    /// The seat's own edits were sent (or kept while offline): the workbook with them on top.
    Sent {
        /// The workbook to show.
        shown: Box<Workbook>,
        /// How many of its edits wait for an answer.
        pending: usize,
    },
}

/// A seat's thread, and the two channels to it.
pub struct SeatWorker {
    commands: Sender<SeatCommand>,
    updates: Receiver<SeatUpdate>,
}

impl SeatWorker {
    /// Starts joining `address` for `gemeente`; `wake` is called after each update (the app's
    /// `request_repaint`).
    pub fn start(
        address: SocketAddr,
        code: String,
        gemeente: String,
        wake: impl Fn() + Send + 'static,
    ) -> SeatWorker {
        let (commands, commands_rx) = mpsc::channel();
        let (updates_tx, updates) = mpsc::channel();
        std::thread::spawn(move || {
            let tell = |update| {
                let sent = updates_tx.send(update).is_ok();
                wake();
                sent
            };
            let mut link = match SeatLink::join(address, &code, &gemeente, SeatState::new()) {
                Ok((link, _)) => link,
                Err(e) => {
                    tell(SeatUpdate::Failed(e.to_string()));
                    return;
                }
            };
            let joined = SeatUpdate::Joined {
                gemeente: link.gemeente().to_owned(),
                shown: Box::new(link.shown().workbook().clone()),
            };
            if tell(joined) {
                serve(&mut link, &commands_rx, &tell);
            }
            link.leave();
        });
        SeatWorker { commands, updates }
    }

    /// Sends a command to the seat (ignored once the seat has ended).
    pub fn send(&self, command: SeatCommand) {
        let _ = self.commands.send(command);
    }

    /// What the seat reported since last asked, without waiting.
    pub fn updates(&self) -> Vec<SeatUpdate> {
        self.updates.try_iter().collect()
    }
}

fn serve(link: &mut SeatLink, commands: &Receiver<SeatCommand>, tell: &dyn Fn(SeatUpdate) -> bool) {
    let mut labels = (None, None);
    loop {
        for event in link.poll(Duration::from_millis(20)) {
            let closed = matches!(event, SeatEvent::Closed { .. });
            let update = SeatUpdate::Event {
                event,
                shown: Box::new(link.shown().workbook().clone()),
                online: link.online(),
                pending: link.pending(),
            };
            if !tell(update) || closed {
                return;
            }
        }
        let mut sent = false;
        loop {
            match commands.try_recv() {
                Ok(SeatCommand::Edit(edit)) => match link.send(edit) {
                    Ok(_) => sent = true,
                    Err(reason) => {
                        tell(SeatUpdate::RefusedHere(reason));
                    }
                },
                Ok(SeatCommand::Undo) => {
                    let done = link
                        .undo()
                        .map(|label| format!("Ongedaan gemaakt: {label}"));
                    sent |= done.is_ok();
                    tell(SeatUpdate::History(done));
                }
                Ok(SeatCommand::Redo) => {
                    let done = link.redo().map(|label| format!("Opnieuw: {label}"));
                    sent |= done.is_ok();
                    tell(SeatUpdate::History(done));
                }
                Ok(SeatCommand::Leave) | Err(TryRecvError::Disconnected) => return,
                Err(TryRecvError::Empty) => break,
            }
        }
        if sent {
            tell(SeatUpdate::Sent {
                shown: Box::new(link.shown().workbook().clone()),
                pending: link.pending(),
            });
        }
        let now = link.history_labels();
        if now != labels {
            labels = now.clone();
            tell(SeatUpdate::Labels {
                undo: now.0,
                redo: now.1,
            });
        }
    }
}
