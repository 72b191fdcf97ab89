//! `keuzekaart sessie host` and `keuzekaart sessie deelnemen`: a session without a screen, for a
//! spare laptop that hosts and for scripts and tests that run many seats at once.
//!
//! Both print one line per event and read commands from standard input, one per line. The host
//! stops at `stop` or at the end of its input, tells every seat, and saves the session's result;
//! while it runs it saves at most once a second after a change, and its logbook holds every
//! edit before any seat hears of it, so a host started again after a crash resumes the session
//! where it was. A seat with `--plaats` keeps its token and waiting edits in that file, so it too
//! can be killed and started again without losing what it sent.

use std::io::{BufRead, Write};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use rust_decimal::Decimal;

use super::{EXIT_OK, EXIT_UNREADABLE, load};
use crate::core::Model;
use crate::session::host::{Host, HostEvent, HostOptions};
use crate::session::protocol::SeatEdit;
use crate::session::seat::{JoinError, SeatEvent, SeatLink, SeatState};

/// Exit code when the host would not admit the seat, or the code was wrong.
pub const EXIT_NOT_ADMITTED: u8 = 5;
/// How often the host saves its result after a change.
const SAVE_EVERY: Duration = Duration::from_secs(1);

/// The session's subcommands.
#[derive(Debug, clap::Subcommand)]
pub enum SessionCommand {
    /// Start een sessie over een werkmap: toont adres en code, en voert elke wijziging van de deelnemers door volgens de regels. Stopt bij 'stop' of het einde van de invoer.
    Host {
        /// De werkmap (.ron).
        file: PathBuf,
        /// Het adres om op te luisteren (poort 0: een vrije poort).
        #[arg(long, default_value = "0.0.0.0:47110")]
        adres: SocketAddr,
        /// De code om deel te nemen; zonder: een nieuwe willekeurige code.
        #[arg(long)]
        code: Option<String>,
        /// Waar het resultaat wordt bewaard; zonder: de werkmap zelf.
        #[arg(long)]
        uit: Option<PathBuf>,
        /// Het logboek van de sessie (elke toelating en elke doorgevoerde of geweigerde wijziging, als JSON-regels); zonder: naast het resultaat, als NAAM.sessie.jsonl. Een sessie die niet netjes is gesloten, gaat hiermee verder.
        #[arg(long)]
        logboek: Option<PathBuf>,
    },
    /// Neem deel aan een sessie voor één gemeente. Leest opdrachten van de invoer: 'pepers ACT N', 'verplaats VAN NAAR N', 'kies ACT', 'laat ACT', 'notitie ACT TEKST', 'vul ACT …', 'ongedaan', 'opnieuw', 'wacht', 'opslaan PAD', 'weg'.
    Deelnemen {
        /// Het adres van de gastheer (bijvoorbeeld 192.168.1.20:47110).
        adres: SocketAddr,
        /// De code die de gastheer toont.
        #[arg(long)]
        code: String,
        /// De gemeente waarvoor u spreekt.
        #[arg(long)]
        gemeente: String,
        /// Bewaar de werkmap van de sessie hier wanneer die sluit.
        #[arg(long)]
        uit: Option<PathBuf>,
        /// Bewaar de plaats in de sessie (en wat nog niet is doorgevoerd) in dit bestand, om na een crash verder te gaan.
        #[arg(long)]
        plaats: Option<PathBuf>,
    },
    /// Zoek sessies op het netwerk (mDNS) en toon elke gevonden sessie met haar adres. Blokkeert de wifi dat, dan vindt dit niets: typ dan het adres van de gastheer.
    Zoeken {
        /// Hoe lang er gezocht wordt, in seconden (1 tot 60).
        #[arg(long, default_value_t = 3, value_parser = clap::value_parser!(u64).range(1..=60))]
        seconden: u64,
    },
}

/// Runs a session subcommand.
pub(super) fn run(
    command: SessionCommand,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    match command {
        SessionCommand::Host {
            file,
            adres,
            code,
            uit,
            logboek,
        } => host(&file, adres, code, uit, logboek, out, err),
        SessionCommand::Deelnemen {
            adres,
            code,
            gemeente,
            uit,
            plaats,
        } => {
            let seat = Seat {
                address: adres,
                code,
                gemeente,
                result: uit,
                place: plaats,
            };
            join(&seat, out, err)
        }
        SessionCommand::Zoeken { seconden } => search(Duration::from_secs(seconden), out, err),
    }
}

/// Lists the sessions heard on the network within `time`; exit 0 when one was found, 3 not.
fn search(time: Duration, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let mut browser = match crate::session::discovery::Browser::start() {
        Ok(browser) => browser,
        Err(e) => {
            writeln!(err, "Zoeken op het netwerk lukt niet: {e}")?;
            return Ok(EXIT_UNREADABLE);
        }
    };
    let end = Instant::now() + time;
    let mut shown = std::collections::BTreeSet::new();
    while Instant::now() < end {
        for found in browser.found() {
            let line = format!("{} — {}", found.name, found.addresses[0]);
            if shown.insert(line.clone()) {
                say(out, &line)?;
            }
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    if shown.is_empty() {
        say(
            out,
            "Geen sessie gevonden. Blokkeert de wifi dat, typ dan het adres dat de gastheer toont.",
        )?;
        return Ok(super::EXIT_NOT_WRITTEN);
    }
    Ok(EXIT_OK)
}

/// Tells the address and code, and whether the session is announced on the network.
fn say_started(host: &Host, out: &mut dyn Write) -> std::io::Result<()> {
    say(
        out,
        &format!(
            "Sessie gestart. Adres: {} Code: {}",
            crate::session::host::room_address(host.address()),
            host.code()
        ),
    )?;
    match host.announced() {
        Ok(true) => say(
            out,
            &format!(
                "Aangekondigd op het netwerk als {}: de andere laptops vinden de sessie onder Deelnemen, tenzij de wifi dat blokkeert (typ dan het adres).",
                crate::session::discovery::SERVICE_TYPE.trim_end_matches(".local.")
            ),
        ),
        Ok(false) => Ok(()),
        Err(e) => say(
            out,
            &format!("Niet aangekondigd op het netwerk ({e}); typ het adres op de andere laptops."),
        ),
    }
}

/// Standard input, line by line, on a thread of its own so the session never waits on it.
fn input_lines() -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

fn say(out: &mut dyn Write, line: &str) -> std::io::Result<()> {
    writeln!(out, "{line}")?;
    out.flush()
}

fn host(
    file: &Path,
    address: SocketAddr,
    code: Option<String>,
    result: Option<PathBuf>,
    log: Option<PathBuf>,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<u8> {
    let Some(workbook) = load(file, err) else {
        return Ok(EXIT_UNREADABLE);
    };
    let result = result.unwrap_or_else(|| file.to_owned());
    let journal = log.unwrap_or_else(|| journal_beside(&result));
    let options = HostOptions {
        address,
        code,
        journal: Some(journal.clone()),
        ask: false,
    };
    let host = match Host::start(Model::new(workbook), options) {
        Ok(host) => host,
        Err(e) => {
            writeln!(err, "Sessie niet te starten op {address}: {e}")?;
            return Ok(EXIT_UNREADABLE);
        }
    };
    if let Some(applied) = host.resumed() {
        let journal = journal.display();
        say(
            out,
            &format!("Sessie hervat na {applied} wijzigingen (logboek {journal})."),
        )?;
    }
    say_started(&host, out)?;
    let input = input_lines();
    let mut mirror = host.start_model().clone();
    // A resumed session's result is saved at once: the file may be behind the logbook.
    mirror.mark_unsaved();
    let mut saved_at: Option<Instant> = None;
    loop {
        let stop = match input.try_recv() {
            Ok(line) => line.trim() == "stop",
            Err(TryRecvError::Disconnected) => true,
            Err(TryRecvError::Empty) => false,
        };
        if stop {
            break;
        }
        while let Ok(event) = host.events().recv_timeout(Duration::from_millis(20)) {
            if let HostEvent::Applied { edit, .. } = &event {
                // The host's own copy, for saving without stopping the session's thread.
                let _ = mirror.apply(edit.to_edit());
            }
            say(out, &host_line(&event))?;
        }
        if mirror.is_dirty() && saved_at.is_none_or(|t| t.elapsed() >= SAVE_EVERY) {
            save(&result, &mirror, err)?;
            mirror.mark_saved();
            saved_at = Some(Instant::now());
        }
    }
    let model = host.stop("De gastheer heeft de sessie gesloten.");
    save(&result, &model, err)?;
    say(
        out,
        &format!(
            "Sessie gesloten. Resultaat bewaard in {}.",
            result.display()
        ),
    )?;
    Ok(EXIT_OK)
}

/// The logbook's place when none is given: beside the result, as NAME.sessie.jsonl.
fn journal_beside(result: &Path) -> PathBuf {
    let mut name = result.file_name().unwrap_or_default().to_os_string();
    name.push(".sessie.jsonl");
    result.with_file_name(name)
}

fn save(path: &Path, model: &Model, err: &mut dyn Write) -> std::io::Result<()> {
    if let Err(e) = crate::storage::save_workbook(path, model.workbook()) {
        writeln!(err, "{e}")?;
    }
    Ok(())
}

fn host_line(event: &HostEvent) -> String {
    match event {
        HostEvent::Admitted { gemeente } => format!("Toegelaten: {gemeente}"),
        HostEvent::NotAdmitted { peer, reason } => format!("Niet toegelaten ({peer}): {reason}"),
        HostEvent::Left { gemeente, reason } => format!("Weg: {gemeente} ({reason})"),
        HostEvent::Applied { order, edit } => format!("#{order} {}", edit.describe()),
        HostEvent::Refused { gemeente, reason } => format!("Geweigerd voor {gemeente}: {reason}"),
        HostEvent::WrongCode { peer } => format!("Verkeerde code van {}", peer.ip()),
        HostEvent::TooSoon { peer } => format!("Te snel opnieuw geprobeerd: {}", peer.ip()),
        HostEvent::Dropped { peer, reason } => format!("Verbroken ({}): {reason}", peer.ip()),
        HostEvent::JournalFailed { reason } => format!("Logboek niet bij te werken: {reason}"),
        HostEvent::Asks { gemeente, peer, .. } => format!("{gemeente} wil meedoen ({})", peer.ip()),
        HostEvent::Withdrew { ticket } => format!("Vraag {ticket} ingetrokken"),
    }
}

/// A seat as the command line was asked to run it.
struct Seat {
    address: SocketAddr,
    code: String,
    gemeente: String,
    result: Option<PathBuf>,
    place: Option<PathBuf>,
}

impl Seat {
    /// The seat's state from its place file, or a new seat.
    fn state(&self, err: &mut dyn Write) -> std::io::Result<Option<SeatState>> {
        let Some(place) = &self.place else {
            return Ok(Some(SeatState::new()));
        };
        match std::fs::read(place) {
            Ok(bytes) => match serde_json::from_slice(&bytes) {
                Ok(state) => Ok(Some(state)),
                Err(e) => {
                    writeln!(err, "{}: geen plaats in een sessie ({e}).", place.display())?;
                    Ok(None)
                }
            },
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Some(SeatState::new())),
            Err(e) => {
                writeln!(
                    err,
                    "{}: {}",
                    place.display(),
                    crate::storage::io_reason(&e)
                )?;
                Ok(None)
            }
        }
    }

    /// Keeps the seat's state in its place file (atomically), when it has one.
    fn keep(&self, link: &SeatLink, err: &mut dyn Write) -> std::io::Result<()> {
        if let Some(place) = &self.place {
            let bytes = serde_json::to_vec(link.state()).expect("a seat's state serialises");
            if let Err(e) = crate::storage::write_atomic(place, &bytes) {
                writeln!(err, "{e}")?;
            }
        }
        Ok(())
    }
}

fn join(seat: &Seat, out: &mut dyn Write, err: &mut dyn Write) -> std::io::Result<u8> {
    let Some(state) = seat.state(err)? else {
        return Ok(EXIT_UNREADABLE);
    };
    let (mut link, events) = match SeatLink::join(seat.address, &seat.code, &seat.gemeente, state) {
        Ok(joined) => joined,
        Err(e) => {
            writeln!(err, "{e}")?;
            return Ok(match e {
                JoinError::Connect { .. } | JoinError::Unexpected(_) => EXIT_UNREADABLE,
                JoinError::Proof(_) | JoinError::NotAdmitted(_) => EXIT_NOT_ADMITTED,
            });
        }
    };
    say(
        out,
        &format!(
            "Toegelaten als {} ({} wijzigingen in de sessie).",
            link.gemeente(),
            link.applied()
        ),
    )?;
    for event in &events {
        if !matches!(event, SeatEvent::Back { .. }) {
            say(out, &seat_line(event))?;
        }
    }
    seat.keep(&link, err)?;
    let input = input_lines();
    let mut waiting = false;
    loop {
        let events = link.poll(Duration::from_millis(20));
        if !events.is_empty() {
            seat.keep(&link, err)?;
        }
        for event in events {
            say(out, &seat_line(&event))?;
            if let SeatEvent::Closed { .. } = event {
                if let Some(path) = &seat.result {
                    save(path, link.model(), err)?;
                }
                return Ok(EXIT_OK);
            }
        }
        while let Ok(line) = input.try_recv() {
            let done = obey(&line, &mut link, &mut waiting, out, err)?;
            seat.keep(&link, err)?;
            if let Some(code) = done {
                return Ok(code);
            }
        }
        if waiting && link.pending() == 0 {
            waiting = false;
            say(
                out,
                &format!("Klaar: {} wijzigingen in de sessie.", link.applied()),
            )?;
        }
    }
}

/// Carries out one line of a seat's input; `Some` with the exit code when the seat is done.
fn obey(
    line: &str,
    link: &mut SeatLink,
    waiting: &mut bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<Option<u8>> {
    match command(line, link.gemeente()) {
        Ok(Command::Edit(edit)) => {
            if let Err(reason) = link.send(edit) {
                say(out, &format!("Geweigerd: {reason}"))?;
            }
        }
        Ok(Command::Undo) => match link.undo() {
            Ok(label) => say(out, &format!("Ongedaan gemaakt: {label}"))?,
            Err(reason) => say(out, &format!("Niet ongedaan: {reason}"))?,
        },
        Ok(Command::Redo) => match link.redo() {
            Ok(label) => say(out, &format!("Opnieuw: {label}"))?,
            Err(reason) => say(out, &format!("Niet opnieuw: {reason}"))?,
        },
        Ok(Command::Wait) => *waiting = true,
        Ok(Command::Save(path)) => {
            save(&path, link.model(), err)?;
            say(out, &format!("Bewaard in {}.", path.display()))?;
        }
        Ok(Command::Leave) => {
            link.leave();
            return Ok(Some(EXIT_OK));
        }
        Ok(Command::Nothing) => {}
        Err(message) => writeln!(err, "{message}")?,
    }
    Ok(None)
}

fn seat_line(event: &SeatEvent) -> String {
    match event {
        SeatEvent::Applied { order, edit, .. } => format!("#{order} {}", edit.describe()),
        SeatEvent::Refused { seq, reason, .. } => format!("Geweigerd ({seq}): {reason}"),
        SeatEvent::Duplicate { seq } => format!("Al doorgevoerd ({seq})."),
        SeatEvent::Lost { reason } => format!(
            "Verbinding kwijt ({reason}); je werkt door, je wijzigingen gaan mee zodra de verbinding terug is."
        ),
        SeatEvent::Back { applied, resent } => format!(
            "Verbinding terug: {applied} wijzigingen in de sessie, {resent} van jou opnieuw verstuurd."
        ),
        SeatEvent::Closed { applied, reason } => {
            format!("Sessie gesloten na {applied} wijzigingen: {reason}")
        }
    }
}

enum Command {
    Edit(SeatEdit),
    Undo,
    Redo,
    Wait,
    Save(PathBuf),
    Leave,
    Nothing,
}

/// One line of a seat's input as a command (see [`SessionCommand::Deelnemen`]).
fn command(line: &str, gemeente: &str) -> Result<Command, String> {
    let line = line.trim();
    let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
    let numbers = || -> Result<Vec<u32>, String> {
        rest.split_whitespace()
            .map(|n| n.parse().map_err(|_| format!("Geen activiteitnummer: {n}")))
            .collect()
    };
    let peppers = |text: &str| -> Result<Decimal, String> {
        text.replace(',', ".")
            .parse()
            .map_err(|_| format!("Geen aantal pepers: {text}"))
    };
    let gemeente = gemeente.to_owned();
    let parts: Vec<&str> = rest.split_whitespace().collect();
    Ok(Command::Edit(match (word, parts.as_slice()) {
        ("", _) => return Ok(Command::Nothing),
        ("wacht", _) => return Ok(Command::Wait),
        ("ongedaan", []) => return Ok(Command::Undo),
        ("opnieuw", []) => return Ok(Command::Redo),
        ("weg", _) => return Ok(Command::Leave),
        ("opslaan", [_, ..]) => return Ok(Command::Save(PathBuf::from(rest.trim()))),
        ("json", _) => serde_json::from_str(rest).map_err(|e| format!("Geen wijziging: {e}"))?,
        ("pepers", [activity, n]) => SeatEdit::AddPeppers {
            gemeente,
            activity: number(activity)?,
            peppers: peppers(n)?,
        },
        ("verplaats", [from, to, n]) => SeatEdit::MovePeppers {
            gemeente,
            from: number(from)?,
            to: number(to)?,
            peppers: peppers(n)?,
        },
        ("kies" | "laat", [activity]) => SeatEdit::SetTaken {
            gemeente,
            activity: number(activity)?,
            taken: word == "kies",
        },
        ("notitie", [activity, ..]) => SeatEdit::SetNote {
            gemeente,
            activity: number(activity)?,
            note: rest.trim_start()[activity.len()..].trim().to_owned(),
        },
        ("vul", [_, ..]) => SeatEdit::Fill {
            gemeente,
            priority: numbers()?,
        },
        _ => return Err(format!("Onbekende opdracht: {line}")),
    }))
}

fn number(text: &str) -> Result<u32, String> {
    text.parse()
        .map_err(|_| format!("Geen activiteitnummer: {text}"))
}
