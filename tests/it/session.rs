//! Samen aan tafel (#31): a host and its seats, as processes of the app on loopback, and hostile
//! peers against the host's own code. Every wait is bounded.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{self, Receiver};
use std::time::{Duration, Instant};

use keuzekaart::core::{Model, Workbook};
use keuzekaart::session::channel::Channel;
use keuzekaart::session::host::{Host, HostEvent, HostOptions};
use keuzekaart::session::journal::Entry;
use keuzekaart::session::protocol::{PROTOCOL_VERSION, SeatEdit, ToHost, ToSeat};
use keuzekaart::session::seat::{JoinError, SeatLink, SeatState};
use keuzekaart::session::secure::{self, ProofError};
use rust_decimal::Decimal;

pub(crate) const WAIT: Duration = Duration::from_secs(60);
pub(crate) const CODE: &str = "2468 1357";

/// A process of the app with its output read line by line on a thread.
pub(crate) struct Running {
    pub(crate) child: Child,
    stdin: Option<ChildStdin>,
    lines: Receiver<String>,
    pub(crate) seen: Vec<String>,
}

impl Running {
    pub(crate) fn start(args: &[&str], dir: &Path) -> Running {
        Running::start_program(env!("CARGO_BIN_EXE_keuzekaart"), args, dir)
    }

    /// A process of another program that runs the app (`ip netns exec … keuzekaart …`).
    pub(crate) fn start_program(program: &str, args: &[&str], dir: &Path) -> Running {
        let mut child = Command::new(program)
            .args(args)
            .current_dir(dir)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("the app starts");
        let stdout = child.stdout.take().unwrap();
        let (tx, lines) = mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if tx.send(line).is_err() {
                    break;
                }
            }
        });
        Running {
            stdin: child.stdin.take(),
            child,
            lines,
            seen: Vec::new(),
        }
    }

    pub(crate) fn type_lines(&mut self, text: &str) {
        let stdin = self.stdin.as_mut().expect("input open");
        stdin.write_all(text.as_bytes()).unwrap();
        stdin.flush().unwrap();
    }

    /// Waits (bounded) for a line that starts with `prefix`.
    pub(crate) fn wait_for(&mut self, prefix: &str) -> String {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(line) = self.seen.iter().find(|l| l.starts_with(prefix)) {
                return line.clone();
            }
            let left = deadline.saturating_duration_since(Instant::now());
            match self.lines.recv_timeout(left) {
                Ok(line) => self.seen.push(line),
                Err(_) => panic!("no line '{prefix}…' in time; seen: {:#?}", self.seen),
            }
        }
    }

    pub(crate) fn finish(mut self) -> Vec<String> {
        drop(self.stdin.take());
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit {status}: {:#?}", self.seen);
                break;
            }
            assert!(Instant::now() < deadline, "did not end: {:#?}", self.seen);
            std::thread::sleep(Duration::from_millis(20));
        }
        self.seen.extend(self.lines.try_iter());
        self.seen
    }
}

/// A seat's script: a deterministic mix of placing, taking off and moving peppers, notes with
/// hostile text, a "Vul aan", and one lie about which gemeente it speaks for.
fn script(index: u64, gemeente: &str, other: &str, activities: &[u32]) -> String {
    let mut state = 0x9e37_79b9_7f4a_7c15u64 ^ (index + 1);
    let mut next = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut lines = Vec::new();
    for step in 0..40 {
        let a = activities[next(activities.len())];
        let b = activities[next(activities.len())];
        lines.push(match next(6) {
            0 | 1 => format!("pepers {a} 1"),
            2 => format!("pepers {a} -1"),
            3 => format!("verplaats {a} {b} 1"),
            4 => format!("notitie {a} stap {step} 🌶\u{202e}gnoro\u{202c} \u{7} «{gemeente}»"),
            _ => format!("vul {a} {b}"),
        });
        if step == 20 {
            lines.push(format!(
                r#"json {{"AddPeppers":{{"gemeente":"{other}","activity":{a},"peppers":"1"}}}}"#
            ));
        }
    }
    lines.push("wacht".to_owned());
    lines.join("\n") + "\n"
}

#[test]
fn seven_seats_at_once_end_with_the_hosts_workbook_byte_for_byte() {
    let (dir, bundled) = folder_with_bundled();
    let mut host = Running::start(
        &[
            "sessie",
            "host",
            "werkmap.ron",
            "--adres",
            "127.0.0.1:0",
            "--code",
            CODE,
            "--uit",
            "gastheer.ron",
            "--logboek",
            "logboek.jsonl",
        ],
        dir.path(),
    );
    let started = host.wait_for("Sessie gestart.");
    let address = started
        .split("Adres: ")
        .nth(1)
        .and_then(|rest| rest.split(' ').next())
        .expect("the host says its address")
        .to_owned();
    let names: Vec<String> = bundled
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.clone())
        .collect();
    let activities: Vec<u32> = bundled.card.activities.iter().map(|a| a.number).collect();
    let mut seats: Vec<Running> = names
        .iter()
        .enumerate()
        .map(|(i, name)| {
            let copy = format!("kopie-{i}.ron");
            Running::start(
                &[
                    "sessie",
                    "deelnemen",
                    &address,
                    "--code",
                    "24681357",
                    "--gemeente",
                    name,
                    "--uit",
                    &copy,
                ],
                dir.path(),
            )
        })
        .collect();
    for seat in &mut seats {
        seat.wait_for("Toegelaten als");
    }
    // All seven type their whole script at once; the host puts the edits in one order.
    for (i, seat) in seats.iter_mut().enumerate() {
        let other = &names[(i + 1) % names.len()];
        seat.type_lines(&script(i as u64, &names[i], other, &activities));
    }
    for seat in &mut seats {
        seat.wait_for("Klaar:");
    }
    host.type_lines("stop\n");
    let host_lines = host.finish();
    let result = std::fs::read(dir.path().join("gastheer.ron")).unwrap();
    for (i, seat) in seats.into_iter().enumerate() {
        let lines = seat.finish();
        assert!(
            lines
                .iter()
                .any(|l| l.contains("de keuzes van een andere gemeente")),
            "{}'s lie about {} is refused: {lines:#?}",
            names[i],
            names[(i + 1) % names.len()]
        );
        let copy = std::fs::read(dir.path().join(format!("kopie-{i}.ron"))).unwrap();
        assert!(
            copy == result,
            "{}'s copy differs from the host's",
            names[i]
        );
    }
    // The same accepted edits in the host's order, applied by a plain model, give the same file.
    let log = std::fs::read_to_string(dir.path().join("logboek.jsonl")).unwrap();
    let mut plain = Model::new(bundled.clone());
    let mut orders = Vec::new();
    for line in log.lines() {
        if let Entry::Applied { order, edit, .. } = serde_json::from_str(line).unwrap() {
            orders.push(order);
            plain
                .apply(edit.to_edit())
                .expect("an applied edit applies again");
        }
    }
    assert_eq!(orders, (1..=orders.len() as u64).collect::<Vec<_>>());
    assert!(
        orders.len() > 80,
        "most of 7 × 40 edits apply: {}",
        orders.len()
    );
    assert!(keuzekaart::storage::to_ron(plain.workbook()).as_bytes() == result.as_slice());
    assert!(result != keuzekaart::storage::to_ron(&bundled).into_bytes());
    assert!(
        host_lines
            .iter()
            .filter(|l| l.starts_with("Toegelaten: "))
            .count()
            == 7,
        "{host_lines:#?}"
    );
}

/// A folder of the test's own with the bundled workbook in it as `werkmap.ron`, as a host's
/// official would have it, and that workbook.
pub(crate) fn folder_with_bundled() -> (tempfile::TempDir, Workbook) {
    let dir = tempfile::tempdir().unwrap();
    let bundled = Workbook::bundled();
    std::fs::write(
        dir.path().join("werkmap.ron"),
        keuzekaart::storage::to_ron(&bundled),
    )
    .unwrap();
    (dir, bundled)
}

pub(crate) fn start_host() -> Host {
    Host::start(
        Model::new(Workbook::bundled()),
        HostOptions {
            address: "127.0.0.1:0".parse().unwrap(),
            code: Some(CODE.to_owned()),
            journal: None,
            ask: false,
        },
    )
    .expect("a session starts on loopback")
}

/// Waits (bounded) until an event matches, keeping all seen.
fn expect_event(host: &Host, seen: &mut Vec<HostEvent>, matches: impl Fn(&HostEvent) -> bool) {
    let deadline = Instant::now() + WAIT;
    while !seen.iter().any(&matches) {
        let left = deadline.saturating_duration_since(Instant::now());
        match host.events().recv_timeout(left) {
            Ok(event) => seen.push(event),
            Err(_) => panic!("no such event in time; seen: {seen:#?}"),
        }
    }
}

/// A peer that knows the code, says hello by hand, and is welcomed.
fn admitted(address: SocketAddr, gemeente: &str) -> Channel {
    let mut channel = Channel::connect(address, secure::seat_config()).unwrap();
    secure::prove_as_seat(&mut channel, CODE).unwrap();
    channel
        .send(&ToHost::Hello {
            version: PROTOCOL_VERSION,
            seat: format!("hand-{gemeente}"),
            gemeente: gemeente.to_owned(),
            answered: 0,
        })
        .unwrap();
    let welcome = channel.recv::<ToSeat>(WAIT).unwrap();
    assert!(
        matches!(welcome, Some(ToSeat::Welcome { .. })),
        "{welcome:?}"
    );
    channel
}

/// A new seat, joined.
pub(crate) fn seat(address: SocketAddr, code: &str, gemeente: &str) -> Result<SeatLink, JoinError> {
    SeatLink::join(address, code, gemeente, SeatState::new()).map(|(link, _)| link)
}

pub(crate) fn one_pepper(gemeente: &str) -> SeatEdit {
    SeatEdit::AddPeppers {
        gemeente: gemeente.to_owned(),
        activity: 4,
        peppers: Decimal::ONE,
    }
}

#[test]
fn garbage_oversized_truncated_replayed_and_plain_tcp_peers_change_nothing_and_the_host_serves_on()
{
    let host = start_host();
    let address = host.address();
    let mut seen = Vec::new();

    // A peer that speaks plain TCP (a browser, a port scanner).
    let mut plain = TcpStream::connect(address).unwrap();
    plain
        .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
        .unwrap();
    plain.set_read_timeout(Some(WAIT)).unwrap();
    let _ = plain.read(&mut [0u8; 64]);
    expect_event(
        &host,
        &mut seen,
        |e| matches!(e, HostEvent::Dropped { reason, .. } if reason.contains("TLS")),
    );

    // A frame that claims four gigabytes.
    let mut huge = admitted(address, "Wijchen");
    huge.send_frame_bytes(&[0xff, 0xff, 0xff, 0xff, b'{'])
        .unwrap();
    expect_event(
        &host,
        &mut seen,
        |e| matches!(e, HostEvent::Dropped { reason, .. } if reason.contains("te groot")),
    );

    // A message of no known kind, and one that smuggles an extra field.
    let mut junk = admitted(address, "Heumen");
    junk.send_raw(br#"{"Edit":{"seq":1,"edit":{"SignOff":{"gemeente":"Heumen"}}}}"#)
        .unwrap();
    expect_event(
        &host,
        &mut seen,
        |e| matches!(e, HostEvent::Dropped { reason, .. } if reason.contains("Onleesbaar")),
    );
    let mut smuggler = admitted(address, "Druten");
    smuggler
        .send_raw(br#"{"Edit":{"seq":1,"edit":{"AddPeppers":{"gemeente":"Druten","activity":4,"peppers":"1","gemeente2":"Heumen"}}}}"#)
        .unwrap();
    expect_event(
        &host,
        &mut seen,
        |e| matches!(e, HostEvent::Left { gemeente, .. } if gemeente == "Druten"),
    );

    // A frame cut off halfway, then the line closed.
    let mut cut = admitted(address, "Beuningen");
    cut.send_frame_bytes(&[0, 0, 0, 100, b'{', b'"']).unwrap();
    cut.close();
    expect_event(
        &host,
        &mut seen,
        |e| matches!(e, HostEvent::Left { gemeente, .. } if gemeente == "Beuningen"),
    );

    // The same message twice: applied once, the second answered as a duplicate.
    let mut replay = admitted(address, "Berg en Dal");
    let message = ToHost::Edit {
        seq: 1,
        edit: one_pepper("Berg en Dal"),
    };
    replay.send(&message).unwrap();
    replay.send(&message).unwrap();
    let mut answers = Vec::new();
    while answers.len() < 2 {
        if let Some(answer) = replay.recv::<ToSeat>(WAIT).unwrap() {
            answers.push(answer);
        }
    }
    assert!(matches!(
        answers[0],
        ToSeat::Applied {
            order: 1,
            own_seq: Some(1),
            ..
        }
    ));
    assert_eq!(answers[1], ToSeat::Duplicate { seq: 1 });

    // Wijchen's place was freed when its peer was dropped; a proper seat takes it and works.
    let mut wijchen = seat(address, CODE, "Wijchen").unwrap();
    wijchen.send(one_pepper("Wijchen")).unwrap();
    let deadline = Instant::now() + WAIT;
    while wijchen.pending() > 0 {
        assert!(Instant::now() < deadline);
        wijchen.poll(Duration::from_millis(50));
    }
    let model = host.stop("klaar");
    let plan = |g: &str| model.workbook().plan(g).map(|p| p.peppers_used());
    assert_eq!(plan("Wijchen"), Some(Decimal::ONE));
    assert_eq!(plan("Berg en Dal"), Some(Decimal::ONE));
    for untouched in ["Heumen", "Druten", "Beuningen"] {
        assert!(plan(untouched).is_none_or(|p| p.is_zero()), "{untouched}");
    }
    drop((huge, junk, smuggler, replay));
}

#[test]
fn a_thousand_wrong_codes_are_slowed_down_never_admitted_and_others_still_join() {
    let host = start_host();
    let address = host.address();
    let guesser: SocketAddr = "127.0.0.2:0".parse().unwrap();
    let mut refused = 0;
    for guess in 0..1000u32 {
        let socket =
            socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None).unwrap();
        socket.bind(&guesser.into()).unwrap();
        if socket.connect(&address.into()).is_err() {
            refused += 1;
            continue;
        }
        let Ok(mut channel) = Channel::connect_over(socket.into(), secure::seat_config()) else {
            refused += 1;
            continue;
        };
        match secure::prove_as_seat(&mut channel, &format!("{guess:08}")) {
            Err(ProofError::WrongCode | ProofError::Channel(_) | ProofError::Silent) => {
                refused += 1
            }
            Ok(()) => panic!("guess {guess:08} was admitted"),
        }
    }
    assert_eq!(refused, 1000);
    let events: Vec<HostEvent> = host.events().try_iter().collect();
    let checked = events
        .iter()
        .filter(|e| matches!(e, HostEvent::WrongCode { .. }))
        .count();
    let turned_away = events
        .iter()
        .filter(|e| matches!(e, HostEvent::TooSoon { .. }))
        .count();
    assert!(checked < 12, "only a few codes were even tried: {checked}");
    assert!(turned_away > 900, "the rest waited: {turned_away}");
    assert!(
        !events
            .iter()
            .any(|e| matches!(e, HostEvent::Admitted { .. }))
    );
    // Another laptop (another address) is not held up.
    let druten = seat(address, CODE, "Druten").unwrap();
    assert_eq!(druten.gemeente(), "Druten");
    host.stop("klaar");
}

#[test]
fn a_relay_with_its_own_certificate_cannot_pass_the_code_on() {
    let host = start_host();
    let target = host.address();
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let relay_address = listener.local_addr().unwrap();
    // The relay terminates TLS with its own certificate on both sides and passes every frame on.
    let relay = std::thread::spawn(move || {
        let (tcp, _) = listener.accept().unwrap();
        let mut seat_side = Channel::accept(tcp, secure::host_config().unwrap()).unwrap();
        let mut host_side = Channel::connect(target, secure::seat_config()).unwrap();
        let deadline = Instant::now() + Duration::from_secs(15);
        while Instant::now() < deadline {
            let tick = Duration::from_millis(10);
            match seat_side.recv_frame(tick) {
                Ok(Some(frame)) => host_side.send_raw(&frame).unwrap(),
                Ok(None) => {}
                Err(_) => break,
            }
            match host_side.recv_frame(tick) {
                Ok(Some(frame)) => seat_side.send_raw(&frame).unwrap(),
                Ok(None) => {}
                Err(_) => break,
            }
        }
    });
    let joined = seat(relay_address, CODE, "Wijchen");
    assert!(
        matches!(joined, Err(JoinError::Proof(ProofError::WrongCode))),
        "{:?}",
        joined.err()
    );
    relay.join().unwrap();
    let mut seen = Vec::new();
    expect_event(&host, &mut seen, |e| {
        matches!(e, HostEvent::WrongCode { .. })
    });
    assert!(!seen.iter().any(|e| matches!(e, HostEvent::Admitted { .. })));
    host.stop("klaar");
}

/// A free port on loopback for a host that must come back on the same address.
fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// Every number a seat gave an edit, answered by the host's logbook exactly once.
fn answered_once(log: &str, seat: &str) -> Vec<u64> {
    let mut numbers = Vec::new();
    for line in log.lines() {
        match serde_json::from_str(line).unwrap() {
            Entry::Applied { seat: s, seq, .. } | Entry::Refused { seat: s, seq, .. }
                if s == seat =>
            {
                numbers.push(seq)
            }
            _ => {}
        }
    }
    numbers
}

#[test]
fn a_killed_seat_and_a_killed_host_come_back_and_nothing_sent_is_lost_or_doubled() {
    let (dir, _) = folder_with_bundled();
    let address = format!("127.0.0.1:{}", free_port());
    let host_args = [
        "sessie",
        "host",
        "werkmap.ron",
        "--adres",
        &address,
        "--code",
        CODE,
        "--uit",
        "gastheer.ron",
        "--logboek",
        "logboek.jsonl",
    ];
    let seat_args = |gemeente: &'static str, place: &'static str, copy: &'static str| {
        vec![
            "sessie".to_owned(),
            "deelnemen".into(),
            address.clone(),
            "--code".into(),
            CODE.into(),
            "--gemeente".into(),
            gemeente.into(),
            "--plaats".into(),
            place.into(),
            "--uit".into(),
            copy.into(),
        ]
    };
    let start_seat = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Running::start(&args, dir.path())
    };
    let mut host = Running::start(&host_args, dir.path());
    host.wait_for("Sessie gestart.");
    let wijchen_args = seat_args("Wijchen", "wijchen.json", "wijchen.ron");
    let heumen_args = seat_args("Heumen", "heumen.json", "heumen.ron");
    let mut wijchen = start_seat(&wijchen_args);
    let mut heumen = start_seat(&heumen_args);
    wijchen.wait_for("Toegelaten als");
    heumen.wait_for("Toegelaten als");

    // Wijchen types ten edits and is killed (SIGKILL) once the host has applied the first.
    let edits: String = (0..10)
        .map(|i| format!("pepers {} 1\n", 4 + i % 3))
        .collect();
    wijchen.type_lines(&edits);
    wijchen.wait_for("#1 ");
    wijchen.child.kill().unwrap();
    wijchen.child.wait().unwrap();
    let place: SeatState =
        serde_json::from_slice(&std::fs::read(dir.path().join("wijchen.json")).unwrap()).unwrap();
    let token = place.token.clone();
    let numbered = place.next_seq - 1;
    assert!(numbered >= 1, "at least the applied edit was numbered");

    // Started again with its place, it is the same seat and sends what had no answer.
    let mut wijchen = start_seat(&wijchen_args);
    wijchen.wait_for("Toegelaten als Wijchen");
    wijchen.type_lines("wacht\n");
    wijchen.wait_for("Klaar:");

    // Heumen works; the host is killed; Heumen goes on offline and its edits wait.
    heumen.type_lines("pepers 4 1\nwacht\n");
    heumen.wait_for("Klaar:");
    host.child.kill().unwrap();
    host.child.wait().unwrap();
    heumen.wait_for("Verbinding kwijt");
    heumen.type_lines("pepers 5 1\npepers 6 1\n");
    wijchen.wait_for("Verbinding kwijt");

    // The host comes back on the same address and resumes from its logbook.
    let mut host = Running::start(&host_args, dir.path());
    let resumed = host.wait_for("Sessie hervat na");
    assert!(!resumed.contains("na 0 "), "{resumed}");
    heumen.wait_for("Verbinding terug");
    wijchen.wait_for("Verbinding terug");
    heumen.type_lines("wacht\n");
    heumen.seen.retain(|l| !l.starts_with("Klaar:"));
    heumen.wait_for("Klaar:");
    host.type_lines("stop\n");
    host.finish();
    let result = std::fs::read(dir.path().join("gastheer.ron")).unwrap();
    for (seat, copy) in [(wijchen, "wijchen.ron"), (heumen, "heumen.ron")] {
        seat.finish();
        let copy = std::fs::read(dir.path().join(copy)).unwrap();
        assert!(copy == result, "a seat's copy equals the host's");
    }
    let log = std::fs::read_to_string(dir.path().join("logboek.jsonl")).unwrap();
    let mut wijchen_numbers = answered_once(&log, &token);
    wijchen_numbers.sort_unstable();
    let expected: Vec<u64> = (1..=wijchen_numbers.len() as u64).collect();
    assert_eq!(
        wijchen_numbers, expected,
        "each of Wijchen's edits answered once"
    );
    assert!(wijchen_numbers.len() as u64 >= numbered);
    let workbook =
        keuzekaart::storage::parse_workbook(&String::from_utf8(result).unwrap()).unwrap();
    let heumen_plan = workbook.plan("Heumen").unwrap();
    for activity in [4, 5, 6] {
        assert_eq!(
            heumen_plan.peppers_on(activity),
            Decimal::ONE,
            "Heumen's edit on {activity}, made online or offline, is in"
        );
    }
}

/// A TCP forwarder the test can cut and heal: a partition between one seat and the host.
pub(crate) struct Cable {
    pub(crate) address: SocketAddr,
    cut: std::sync::Arc<std::sync::atomic::AtomicBool>,
    lines: std::sync::Arc<std::sync::Mutex<Vec<TcpStream>>>,
}

impl Cable {
    pub(crate) fn to(target: SocketAddr) -> Cable {
        use std::sync::atomic::Ordering;
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let address = listener.local_addr().unwrap();
        let cut = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let lines = std::sync::Arc::new(std::sync::Mutex::new(Vec::new()));
        let (cut2, lines2) = (cut.clone(), lines.clone());
        std::thread::spawn(move || {
            for incoming in listener.incoming() {
                let Ok(seat) = incoming else { break };
                if cut2.load(Ordering::SeqCst) {
                    drop(seat);
                    continue;
                }
                let Ok(host) = TcpStream::connect(target) else {
                    continue;
                };
                lines2
                    .lock()
                    .unwrap()
                    .extend([seat.try_clone().unwrap(), host.try_clone().unwrap()]);
                for (mut from, mut to) in [
                    (seat.try_clone().unwrap(), host.try_clone().unwrap()),
                    (host, seat),
                ] {
                    std::thread::spawn(move || {
                        let _ = std::io::copy(&mut from, &mut to);
                        let _ = to.shutdown(std::net::Shutdown::Both);
                    });
                }
            }
        });
        Cable {
            address,
            cut,
            lines,
        }
    }

    pub(crate) fn cut(&self) {
        self.cut.store(true, std::sync::atomic::Ordering::SeqCst);
        for line in self.lines.lock().unwrap().drain(..) {
            let _ = line.shutdown(std::net::Shutdown::Both);
        }
    }

    pub(crate) fn heal(&self) {
        self.cut.store(false, std::sync::atomic::Ordering::SeqCst);
    }
}

/// Polls a seat (bounded) until `done` holds, collecting its events.
pub(crate) fn poll_until(
    link: &mut SeatLink,
    events: &mut Vec<keuzekaart::session::seat::SeatEvent>,
    done: impl Fn(&SeatLink, &[keuzekaart::session::seat::SeatEvent]) -> bool,
) {
    let deadline = Instant::now() + WAIT;
    while !done(link, events) {
        assert!(Instant::now() < deadline, "not in time: {events:#?}");
        events.extend(link.poll(Duration::from_millis(20)));
    }
}

#[test]
fn edits_made_offline_that_the_rules_now_refuse_are_reported_not_dropped() {
    use keuzekaart::session::seat::SeatEvent;
    let host = start_host();
    let cable = Cable::to(host.address());
    let (mut away, _) = SeatLink::join(cable.address, CODE, "Wijchen", SeatState::new()).unwrap();
    let budget = Workbook::bundled()
        .region
        .gemeente("Wijchen")
        .unwrap()
        .peppers;
    let mut events = Vec::new();

    // The line drops; the official goes on: three peppers, each fine on the plan as it stands.
    cable.cut();
    poll_until(&mut away, &mut events, |link, _| !link.online());
    for _ in 0..3 {
        away.send(one_pepper("Wijchen")).expect("fine offline");
    }
    assert_eq!(away.pending(), 3);
    assert_eq!(
        away.shown()
            .workbook()
            .plan("Wijchen")
            .unwrap()
            .peppers_on(4),
        Decimal::from(3)
    );

    // Meanwhile a second laptop speaks for Wijchen and spends all but one of its peppers.
    // (The host frees Wijchen's place once it notices the dropped line: ask until it has.)
    let deadline = Instant::now() + WAIT;
    let mut stand_in = loop {
        match seat(host.address(), CODE, "Wijchen") {
            Ok(link) => break link,
            Err(JoinError::NotAdmitted(_)) if Instant::now() < deadline => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => panic!("{e}"),
        }
    };
    let spend = budget - Decimal::ONE;
    stand_in
        .send(SeatEdit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity: 5,
            peppers: spend,
        })
        .unwrap();
    let mut other = Vec::new();
    poll_until(&mut stand_in, &mut other, |link, _| link.pending() == 0);
    assert!(
        other.iter().any(|e| matches!(e, SeatEvent::Applied { .. })),
        "{other:#?}"
    );
    stand_in.leave();

    // The line heals: the first pepper fits, the other two are refused with the rules' reason.
    cable.heal();
    poll_until(&mut away, &mut events, |link, _| {
        link.online() && link.pending() == 0
    });
    let refused: Vec<&String> = events
        .iter()
        .filter_map(|e| match e {
            SeatEvent::Refused {
                reason,
                edit: Some(_),
                ..
            } => Some(reason),
            _ => None,
        })
        .collect();
    let applied = events
        .iter()
        .filter(|e| matches!(e, SeatEvent::Applied { own: Some(_), .. }))
        .count();
    assert_eq!((applied, refused.len()), (1, 2), "{events:#?}");
    let alone = {
        let mut model = Model::new(away.model().workbook().clone());
        model
            .apply(one_pepper("Wijchen").to_edit())
            .unwrap_err()
            .to_string()
    };
    assert!(
        refused.iter().all(|r| **r == alone),
        "{refused:?} vs {alone}"
    );
    let model = host.stop("klaar");
    assert_eq!(
        model.workbook().plan("Wijchen").unwrap().peppers_used(),
        budget
    );
}
