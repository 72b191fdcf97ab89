//! The app's side of a live session: starting, joining and leaving it; every frame, what the
//! host or the seat reported is taken in; an edit made during a session goes to the session,
//! which applies it on every laptop or refuses it, never to the model directly.

use std::collections::{BTreeSet, VecDeque};
use std::net::{IpAddr, SocketAddr};

use super::*;
use crate::session::discovery::{self, Browser};
use crate::session::host::{Host, HostEvent, HostOptions};
use crate::session::protocol::SeatEdit;
use crate::session::seat::SeatEvent;
use crate::session::seat_worker::{SeatCommand, SeatUpdate, SeatWorker};
use crate::ui::session_panel::{DEFAULT_PORT, JoinForm, StartForm, Strip};

/// How often the app looks at the session while one runs (its threads do not wake the frame).
const SESSION_POLL: Duration = Duration::from_millis(100);

/// The app's place for a session: the one it takes part in, and where it would host one.
pub(crate) struct SessionSlot {
    /// The live session, if any.
    pub live: Option<Live>,
    /// The address a hosted session listens on ([`Startup::session_address`]).
    pub bind: IpAddr,
    /// Listening for sessions on the network while *Deelnemen…* is open.
    browser: Option<Browser>,
}

impl SessionSlot {
    /// No session yet; hosting on `bind`, or on all of the laptop's networks.
    pub fn new(bind: Option<IpAddr>) -> SessionSlot {
        SessionSlot {
            live: None,
            bind: bind.unwrap_or(ANY_ADDRESS),
            browser: None,
        }
    }
}

/// A session this app takes part in.
pub(crate) enum Live {
    /// This laptop hosts.
    Hosting(Box<Hosting>),
    /// This laptop speaks for one gemeente in another laptop's session.
    Seated(Box<Seated>),
}

/// The hosting laptop's view of its session.
pub(crate) struct Hosting {
    host: Host,
    /// The address to tell the room.
    shown: SocketAddr,
    connected: BTreeSet<String>,
    last: Option<String>,
    asks: VecDeque<(u64, String, String)>,
}

/// A seat's view of the session it joined.
pub(crate) struct Seated {
    worker: SeatWorker,
    address: SocketAddr,
    gemeente: String,
    joined: bool,
    online: bool,
    pending: usize,
    last: Option<String>,
    /// What undo and redo would take back or do again: the seat's own edits only.
    history: (Option<String>, Option<String>),
}

impl KeuzekaartApp {
    /// Where a hosted session keeps its logbook (its recovery copy), beside the app's own.
    fn session_journal(&self) -> Option<PathBuf> {
        self.paths.as_ref().map(|p| p.data_dir.join("sessie.jsonl"))
    }

    pub(super) fn open_start_session(&mut self) {
        let unfinished = self
            .session_journal()
            .and_then(|path| crate::session::journal::read(&path).ok())
            .filter(|read| {
                !matches!(
                    read.entries.last(),
                    Some(crate::session::journal::Entry::Closed { .. })
                )
            })
            .map(|read| {
                read.entries
                    .iter()
                    .filter(|e| matches!(e, crate::session::journal::Entry::Applied { .. }))
                    .count() as u64
            });
        self.dialog = Some(Dialog::SessionStart(Box::new(StartForm {
            port: DEFAULT_PORT.to_string(),
            unfinished,
            error: None,
        })));
    }

    pub(super) fn open_join_session(&mut self) {
        let gemeenten: Vec<String> = self
            .model
            .workbook()
            .region
            .gemeenten
            .iter()
            .map(|g| g.name.clone())
            .collect();
        // Only a laptop that would host on all its networks looks for sessions on them: one
        // pinned to an address (a test on loopback) keeps off the others.
        let search = if discovery::announces(SocketAddr::new(self.session.bind, 0)) {
            match Browser::start() {
                Ok(browser) => {
                    self.session.browser = Some(browser);
                    None
                }
                Err(e) => Some(format!(
                    "Zoeken op het netwerk lukt niet ({e}); typ het adres."
                )),
            }
        } else {
            Some("Zoeken op het netwerk staat uit; typ het adres.".to_owned())
        };
        self.dialog = Some(Dialog::SessionJoin(Box::new(JoinForm {
            address: String::new(),
            code: String::new(),
            gemeente: self.selected_gemeente().to_owned(),
            gemeenten,
            error: None,
            found: Vec::new(),
            search,
        })));
    }

    pub(super) fn start_session(&mut self, ctx: &egui::Context, port: u16, resume: bool) {
        let journal = self.session_journal();
        if !resume
            && let Some(path) = &journal
            && path.exists()
        {
            // A new session: the old logbook is kept once, beside it, not resumed.
            let _ = std::fs::rename(path, path.with_extension("jsonl.vorige"));
        }
        let options = HostOptions {
            address: SocketAddr::new(self.session.bind, port),
            code: None,
            journal,
            ask: true,
        };
        match Host::start(self.model.clone(), options) {
            Ok(host) => {
                if host.resumed().is_some() {
                    self.model = host.start_model().clone();
                    self.model.mark_unsaved();
                }
                let shown = crate::session::host::room_address(host.address());
                let text = format!("Sessie gestart. Code: {}", host.code());
                self.session.live = Some(Live::Hosting(Box::new(Hosting {
                    host,
                    shown,
                    connected: BTreeSet::new(),
                    last: None,
                    asks: VecDeque::new(),
                })));
                self.dialog = None;
                self.show_message(ctx, text, None, false);
            }
            Err(e) => {
                if let Some(Dialog::SessionStart(form)) = &mut self.dialog {
                    form.error = Some(format!("De sessie kon niet starten: {e}"));
                }
            }
        }
    }

    pub(super) fn join_session(
        &mut self,
        ctx: &egui::Context,
        address: SocketAddr,
        code: String,
        gemeente: String,
    ) {
        let wake = {
            let ctx = ctx.clone();
            move || ctx.request_repaint()
        };
        let worker = SeatWorker::start(address, code, gemeente.clone(), wake);
        self.session.live = Some(Live::Seated(Box::new(Seated {
            worker,
            address,
            gemeente,
            joined: false,
            online: false,
            pending: 0,
            last: None,
            history: (None, None),
        })));
        self.dialog = None;
        self.show_message(ctx, format!("Verbinden met {address}…"), None, false);
    }

    pub(super) fn new_session_code(&mut self, ctx: &egui::Context) {
        if let Some(Live::Hosting(hosting)) = &self.session.live {
            let code = hosting.host.change_code();
            self.show_message(ctx, format!("Nieuwe code: {code}"), None, false);
        }
    }

    pub(super) fn leave_session(&mut self, ctx: &egui::Context) {
        match self.session.live.take() {
            Some(Live::Hosting(hosting)) => {
                let mut model = hosting.host.stop("De gastheer heeft de sessie gesloten.");
                model.mark_unsaved();
                self.model = model;
                self.show_message(
                    ctx,
                    "Sessie gestopt. De werkmap bevat alle wijzigingen; sla hem op.".into(),
                    None,
                    false,
                );
            }
            Some(Live::Seated(seated)) => {
                seated.worker.send(SeatCommand::Leave);
                self.show_message(
                    ctx,
                    "Je hebt de sessie verlaten. De werkmap van de sessie blijft open: sla hem op als je een kopie wilt.".into(),
                    None,
                    false,
                );
            }
            None => {}
        }
    }

    pub(super) fn answer_seat(&mut self, ticket: u64, admit: bool) {
        if let Some(Live::Hosting(hosting)) = &mut self.session.live {
            hosting.host.answer(ticket, admit);
            hosting.asks.retain(|(t, ..)| *t != ticket);
        }
        self.dialog = None;
    }

    pub(super) fn take_back_seat(&mut self, gemeente: &str) {
        if let Some(Live::Hosting(hosting)) = &self.session.live {
            hosting.host.take_back(gemeente);
        }
    }

    /// An edit made during a session: a seat sends its own gemeente's drafting edits to the
    /// host; anything else is refused here, with why.
    /// The session's actions, from its dialogs and strip.
    pub(super) fn session_action(&mut self, ctx: &egui::Context, action: Action) {
        match action {
            Action::StartSession { port, resume } => self.start_session(ctx, port, resume),
            Action::JoinSession {
                address,
                code,
                gemeente,
            } => self.join_session(ctx, address, code, gemeente),
            Action::AnswerSeat { ticket, admit } => self.answer_seat(ticket, admit),
            Action::TakeBackSeat(gemeente) => self.take_back_seat(&gemeente),
            _ => unreachable!("only the session's actions come here"),
        }
    }

    pub(super) fn session_edit(&mut self, ctx: &egui::Context, edit: Edit, at: Option<Pos2>) {
        let refusal = match &self.session.live {
            Some(Live::Hosting(_)) => Some(
                "Deze laptop is de gastheer van de sessie: de gemeenten wijzigen hun keuzes op hun eigen laptop.".to_owned(),
            ),
            Some(Live::Seated(seated)) => match SeatEdit::from_edit(&edit) {
                Some(edit) if edit.gemeente() == seated.gemeente && seated.joined => {
                    seated.worker.send(SeatCommand::Edit(edit));
                    None
                }
                Some(_) if !seated.joined => Some("Nog niet verbonden met de sessie.".to_owned()),
                Some(_) => Some(format!(
                    "In deze sessie spreek je voor {}; de keuzes van een andere gemeente verander je niet.",
                    seated.gemeente
                )),
                None => Some(
                    "In een sessie verander je pepers, keuzes, notities en Vul aan; opties, ondertekenen en Beheer gaan buiten de sessie.".to_owned(),
                ),
            },
            None => None,
        };
        if let Some(refusal) = refusal {
            self.show_message(ctx, refusal, at, true);
        }
    }

    /// Takes in what the session reported since the last frame.
    pub(super) fn poll_session(&mut self, ctx: &egui::Context) {
        match (&mut self.dialog, &mut self.session.browser) {
            (Some(Dialog::SessionJoin(form)), Some(browser)) => {
                form.found = browser.found();
                ctx.request_repaint_after(std::time::Duration::from_millis(500));
            }
            (_, browser) => *browser = None,
        }
        if self.session.live.is_none() {
            return;
        }
        ctx.request_repaint_after(SESSION_POLL);
        let mut notes: Vec<(String, bool)> = Vec::new();
        let mut ended = false;
        match &mut self.session.live {
            Some(Live::Hosting(hosting)) => {
                let events: Vec<HostEvent> = hosting.host.events().try_iter().collect();
                for event in events {
                    host_event(hosting, &mut self.model, event, &mut notes);
                }
                if self.dialog.is_none()
                    && let Some((ticket, gemeente, peer)) = hosting.asks.front().cloned()
                {
                    self.dialog = Some(Dialog::AdmitSeat {
                        ticket,
                        gemeente,
                        peer,
                    });
                }
            }
            Some(Live::Seated(seated)) => {
                for update in seated.worker.updates() {
                    let joining = matches!(update, SeatUpdate::Joined { .. });
                    ended |= seat_update(seated, &mut self.model, update, &mut notes);
                    if joining {
                        // The session's workbook is not the file that was open.
                        self.navigation.gemeente = Some(seated.gemeente.clone());
                        self.file = None;
                        self.stamp = None;
                        self.lock = None;
                    }
                }
            }
            None => {}
        }
        if ended {
            self.session.live = None;
        }
        for (text, is_error) in notes {
            self.show_message(ctx, text, None, is_error);
        }
    }

    /// The strip's content, while a session runs.
    pub(super) fn session_strip(&self) -> Option<Strip> {
        Some(match self.session.live.as_ref()? {
            Live::Hosting(hosting) => Strip {
                headline: format!("Code {}   ·   Adres {}", hosting.host.code(), hosting.shown),
                status: if hosting.connected.is_empty() {
                    "Nog niemand verbonden".to_owned()
                } else {
                    format!(
                        "Verbonden: {}",
                        list(&hosting.connected.iter().cloned().collect::<Vec<_>>())
                    )
                },
                last: hosting.last.clone(),
                warning: false,
                seats: hosting.connected.iter().cloned().collect(),
            },
            Live::Seated(seated) => Strip {
                headline: format!("Sessie op {} · {}", seated.address, seated.gemeente),
                status: match (seated.joined, seated.online) {
                    (false, _) => "Verbinden…".to_owned(),
                    (true, true) if seated.pending > 0 => {
                        format!("Verbonden · {} wijziging(en) onderweg", seated.pending)
                    }
                    (true, true) => "Verbonden".to_owned(),
                    (true, false) => format!(
                        "Verbinding kwijt — je werkt door; je wijzigingen ({}) gaan mee zodra de verbinding terug is",
                        seated.pending
                    ),
                },
                last: seated.last.clone(),
                warning: seated.joined && !seated.online,
                seats: Vec::new(),
            },
        })
    }

    /// Undo or redo while a session runs: a seat's own last edit, through the host; whether the
    /// session took the command (otherwise the app's own undo runs).
    pub(super) fn session_history(&mut self, ctx: &egui::Context, redo: bool) -> bool {
        match &self.session.live {
            None => false,
            Some(Live::Hosting(_)) => {
                let text = "Als gastheer maak je in een sessie niets ongedaan: elke gemeente maakt haar eigen wijzigingen ongedaan op haar eigen laptop.";
                self.show_message(ctx, text.to_owned(), None, true);
                true
            }
            Some(Live::Seated(seated)) => {
                seated.worker.send(if redo {
                    SeatCommand::Redo
                } else {
                    SeatCommand::Undo
                });
                true
            }
        }
    }

    /// The label of *Sessie verlaten* and whether each session command can run now.
    pub(super) fn session_menu_text(&self, command: UiCommand) -> Option<(String, bool)> {
        let hosting = matches!(self.session.live, Some(Live::Hosting(_)));
        let live = self.session.live.is_some();
        Some(match command {
            UiCommand::StartSession | UiCommand::JoinSession => (command.label().to_owned(), !live),
            UiCommand::NewSessionCode => (command.label().to_owned(), hosting),
            UiCommand::LeaveSession if hosting => ("Sessie stoppen".to_owned(), true),
            UiCommand::LeaveSession => (command.label().to_owned(), live),
            // In a session the host's model is the truth: a seat takes back its own edits
            // through the host, the host laptop none (they are the gemeenten' edits).
            UiCommand::Undo | UiCommand::Redo => {
                let label = match (&self.session.live, command) {
                    (Some(Live::Seated(seated)), UiCommand::Undo) => seated.history.0.as_ref(),
                    (Some(Live::Seated(seated)), _) => seated.history.1.as_ref(),
                    (Some(Live::Hosting(_)), _) => None,
                    (None, _) => return None,
                };
                match label {
                    Some(label) => (format!("{}: {label}", command.label()), true),
                    None => (command.label().to_owned(), false),
                }
            }
            _ => return None,
        })
    }
}

fn host_event(
    hosting: &mut Hosting,
    model: &mut Model,
    event: HostEvent,
    notes: &mut Vec<(String, bool)>,
) {
    match event {
        HostEvent::Applied { edit, .. } => {
            // The host's own thread applied it already; the app's copy follows in the same order.
            let _ = model.apply(edit.to_edit());
            hosting.last = Some(edit.describe());
        }
        HostEvent::Admitted { gemeente } => {
            notes.push((format!("{gemeente} doet mee."), false));
            hosting.connected.insert(gemeente);
        }
        HostEvent::Left { gemeente, reason } => {
            notes.push((format!("{gemeente} is weg ({reason})."), false));
            hosting.connected.remove(&gemeente);
        }
        HostEvent::Asks {
            ticket,
            gemeente,
            peer,
        } => hosting
            .asks
            .push_back((ticket, gemeente, peer.ip().to_string())),
        HostEvent::Withdrew { ticket } => hosting.asks.retain(|(t, ..)| *t != ticket),
        HostEvent::JournalFailed { reason } => {
            notes.push((
                format!("Het logboek van de sessie is niet bij te werken: {reason}"),
                true,
            ));
        }
        HostEvent::Refused { .. }
        | HostEvent::NotAdmitted { .. }
        | HostEvent::WrongCode { .. }
        | HostEvent::TooSoon { .. }
        | HostEvent::Dropped { .. } => {}
    }
}

/// Takes one update of the seat; returns whether the session ended for this laptop.
fn seat_update(
    seated: &mut Seated,
    model: &mut Model,
    update: SeatUpdate,
    notes: &mut Vec<(String, bool)>,
) -> bool {
    match update {
        SeatUpdate::Joined { gemeente, shown } => {
            *model = Model::new(*shown);
            seated.gemeente = gemeente;
            seated.joined = true;
            seated.online = true;
            notes.push((format!("Je doet mee voor {}.", seated.gemeente), false));
        }
        SeatUpdate::Failed(reason) => {
            notes.push((format!("Deelnemen mislukt: {reason}"), true));
            return true;
        }
        SeatUpdate::Sent { shown, pending } => {
            *model = Model::new(*shown);
            seated.pending = pending;
        }
        SeatUpdate::RefusedHere(reason) => notes.push((reason, true)),
        SeatUpdate::History(Ok(text)) => notes.push((text, false)),
        SeatUpdate::History(Err(reason)) => notes.push((reason, true)),
        SeatUpdate::Labels { undo, redo } => seated.history = (undo, redo),
        SeatUpdate::Event {
            event,
            shown,
            online,
            pending,
        } => {
            *model = Model::new(*shown);
            seated.online = online;
            seated.pending = pending;
            match event {
                SeatEvent::Applied { edit, .. } => seated.last = Some(edit.describe()),
                SeatEvent::Refused { reason, .. } => notes.push((reason, true)),
                SeatEvent::Closed { reason, .. } => {
                    notes.push((format!("{reason} De werkmap blijft open."), false));
                    return true;
                }
                SeatEvent::Lost { .. } | SeatEvent::Back { .. } | SeatEvent::Duplicate { .. } => {}
            }
        }
    }
    false
}

/// The address a session listens on unless told otherwise: all of the laptop's networks.
const ANY_ADDRESS: IpAddr = IpAddr::V4(std::net::Ipv4Addr::UNSPECIFIED);
