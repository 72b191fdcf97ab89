//! The live session on loopback, as a meeting room runs it: one host and seven seats (one per
//! gemeente, the most a session admits: eight laptops in all), over the real TLS channel, with
//! the host's logbook written and synced to disk before any seat hears an outcome, as the app
//! does.
//!
//! Measured, for an edit typed on a seat:
//! - *host*: until the host's model has applied it (the host's `Applied` event);
//! - *room*: until the last of the other six seats has applied it too;
//!
//! first at the room's pace (every seat typing, 100 edits/s in all, for `PACED_SECONDS`), with the
//! process's resident memory read every second, then as fast as the seats can type (each sends
//! `BURST` edits without waiting), for sustained edits per second. The figures go to
//! BENCHMARKS.md ("The live session"). Latency needs percentiles, not a mean, so this is a plain
//! `main` (harness = false) rather than a criterion group.
//!
//! `cargo bench --bench session` (about 45 s).

use std::collections::HashMap;
use std::sync::mpsc;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

use keuzekaart::core::{Model, Workbook};
use keuzekaart::session::host::{Host, HostEvent, HostOptions};
use keuzekaart::session::protocol::SeatEdit;
use keuzekaart::session::seat::{SeatEvent, SeatLink, SeatState};

/// How long the seats type at the room's pace.
const PACED_SECONDS: u64 = 30;
/// Edits per second of the whole room at that pace.
const ROOM_RATE: u64 = 100;
/// Edits each seat sends back to back for the throughput run.
const BURST: usize = 400;
/// The activity the seats write their notes on (on the bundled card).
const ACTIVITY: u32 = 4;

/// When each edit (known by its note) was applied, seen from one laptop.
type Seen = HashMap<String, Instant>;

fn main() {
    let dir = std::env::temp_dir().join(format!("keuzekaart-bench-session-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a folder for the logbook");
    let workbook = Workbook::bundled();
    let names: Vec<String> = workbook
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.clone())
        .collect();
    let host = Host::start(
        Model::new(workbook),
        HostOptions {
            address: "127.0.0.1:0".parse().unwrap(),
            code: None,
            journal: Some(dir.join("sessie.log")),
            ask: false,
        },
    )
    .expect("the host starts on loopback");
    println!("host and {} seats on {}", names.len(), host.address());

    let paced_interval = Duration::from_micros(1_000_000 * names.len() as u64 / ROOM_RATE);
    let paced_count = (PACED_SECONDS * ROOM_RATE) as usize / names.len();
    let rss_start = rss_kib();
    let paced = run(&host, &names, "tempo", paced_count, Some(paced_interval));
    let rss_end = rss_kib();
    report("at the room's pace (100 edits/s)", &paced);
    println!(
        "resident memory: {} KiB after the first second, {} KiB at the end ({} edits later)",
        paced.rss.first().copied().unwrap_or(rss_start),
        rss_end,
        paced.sent.len()
    );
    println!("  every second: {:?}", paced.rss);

    let burst = run(&host, &names, "stoot", BURST, None);
    report("as fast as the seats type", &burst);
    let seconds = burst.elapsed.as_secs_f64();
    println!(
        "sustained: {} edits in {:.2} s = {:.0} edits/s applied by the host and by all seats",
        burst.sent.len(),
        seconds,
        burst.sent.len() as f64 / seconds
    );
    drop(host.stop("Einde van de meting"));
    let _ = std::fs::remove_dir_all(dir);
}

/// What one run measured.
struct Run {
    /// When each edit was sent, and by which seat.
    sent: HashMap<String, (usize, Instant)>,
    /// When the host applied it.
    host: Seen,
    /// When each seat applied it.
    seats: Vec<Seen>,
    /// Resident memory, once a second.
    rss: Vec<u64>,
    elapsed: Duration,
}

/// Every seat joins, sends `count` notes (`interval` apart, or back to back), and stays until
/// it has applied every seat's notes; the host's events are read on this thread meanwhile.
fn run(host: &Host, names: &[String], tag: &str, count: usize, interval: Option<Duration>) -> Run {
    let total = count * names.len();
    let start = Arc::new(Barrier::new(names.len() + 1));
    let (done_tx, done_rx) = mpsc::channel();
    let threads: Vec<_> = names
        .iter()
        .enumerate()
        .map(|(index, name)| {
            let (address, code) = (host.address(), host.code());
            let (name, tag, start, done) =
                (name.clone(), tag.to_owned(), start.clone(), done_tx.clone());
            std::thread::spawn(move || {
                let (mut link, _) = SeatLink::join(address, &code, &name, SeatState::new())
                    .expect("a seat joins on loopback");
                // Stagger the seats so their edits interleave instead of arriving together.
                start.wait();
                let begin =
                    Instant::now() + interval.map_or(Duration::ZERO, |i| i * index as u32 / 7);
                let mut sent = Vec::with_capacity(count);
                let mut seen = Seen::new();
                while seen.len() < total {
                    let now = Instant::now();
                    let due = interval.map_or(now, |i| begin + i * sent.len() as u32);
                    if sent.len() < count && now >= due {
                        let note = format!("{tag} {name} {}", sent.len());
                        link.send(SeatEdit::SetNote {
                            gemeente: name.clone(),
                            activity: ACTIVITY,
                            note: note.clone(),
                        })
                        .expect("the seat takes the edit");
                        sent.push((note, Instant::now()));
                        continue;
                    }
                    let wait = match interval {
                        Some(_) if sent.len() < count => due.saturating_duration_since(now),
                        _ => Duration::from_millis(5),
                    };
                    for event in link.poll(wait.min(Duration::from_millis(5))) {
                        match event {
                            SeatEvent::Applied {
                                edit: SeatEdit::SetNote { note, .. },
                                ..
                            } if note.starts_with(&tag) => {
                                seen.insert(note, Instant::now());
                            }
                            SeatEvent::Refused { reason, .. } => panic!("refused: {reason}"),
                            SeatEvent::Lost { reason } => panic!("line lost: {reason}"),
                            _ => {}
                        }
                    }
                }
                link.leave();
                let _ = done.send(());
                (index, sent, seen)
            })
        })
        .collect();
    drop(done_tx);
    start.wait();
    let began = Instant::now();
    let mut host_seen = Seen::new();
    let mut rss = Vec::new();
    let mut next_sample = began + Duration::from_secs(1);
    let mut finished = 0;
    while finished < names.len() {
        while let Ok(event) = host.events().try_recv() {
            if let HostEvent::Applied {
                edit: SeatEdit::SetNote { note, .. },
                ..
            } = event
            {
                host_seen.entry(note).or_insert_with(Instant::now);
            }
        }
        if Instant::now() >= next_sample {
            rss.push(rss_kib());
            next_sample += Duration::from_secs(1);
        }
        match done_rx.recv_timeout(Duration::from_micros(200)) {
            Ok(()) => finished += 1,
            Err(mpsc::RecvTimeoutError::Timeout) => {}
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        }
    }
    let elapsed = began.elapsed();
    let mut sent = HashMap::new();
    let mut seats = vec![Seen::new(); names.len()];
    for thread in threads {
        let (index, own, seen) = thread.join().expect("a seat thread");
        for (note, at) in own {
            sent.insert(note, (index, at));
        }
        seats[index] = seen;
    }
    // Events the host sent after the last seat finished.
    while let Ok(event) = host.events().try_recv() {
        if let HostEvent::Applied {
            edit: SeatEdit::SetNote { note, .. },
            ..
        } = event
        {
            host_seen.entry(note).or_insert_with(Instant::now);
        }
    }
    assert_eq!(sent.len(), total, "every edit was sent");
    assert_eq!(host_seen.len(), total, "the host applied every edit");
    Run {
        sent,
        host: host_seen,
        seats,
        rss,
        elapsed,
    }
}

/// Prints p50, p99 and the worst of both latencies.
fn report(what: &str, run: &Run) {
    let mut host = Vec::new();
    let mut room = Vec::new();
    for (note, (from, at)) in &run.sent {
        host.push(run.host[note].saturating_duration_since(*at));
        let last = run
            .seats
            .iter()
            .enumerate()
            .filter(|(index, _)| index != from)
            .map(|(_, seen)| seen[note])
            .max()
            .expect("other seats");
        room.push(last.saturating_duration_since(*at));
    }
    println!("{what}, {} edits:", run.sent.len());
    for (name, mut times) in [("host", host), ("room", room)] {
        times.sort();
        let at = |q: f64| times[((times.len() - 1) as f64 * q).round() as usize];
        println!(
            "  seat -> {name:<4}  p50 {:>6.2} ms   p99 {:>6.2} ms   max {:>6.2} ms",
            ms(at(0.5)),
            ms(at(0.99)),
            ms(*times.last().unwrap())
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// The process's resident memory in KiB (Linux; 0 elsewhere).
fn rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse().ok())
        })
        .unwrap_or(0)
}
