//! Samen aan tafel (#31) over a real, bad network: two network namespaces the test makes itself,
//! joined by a veth pair whose seat end is slow (a `tc tbf` rate limit, so packets queue) and
//! loses one packet in twenty each way (an nftables `numgen random` rule), and then drops all of
//! them for a while (a partition), before it heals. The host runs in one namespace, two seats in
//! the other, each a process of the app. `tc netem` would also delay, but the kernels of the
//! machines this runs on have no `sch_netem`; nftables and tbf are in every kernel's base.
//! Needs root, iproute2 and nftables (scripts/test.sh installs them); under CI a missing one
//! fails the test.

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use keuzekaart::session::journal::Entry;
use keuzekaart::session::seat::SeatState;

use crate::session::{Running, folder_with_bundled};

/// Two namespaces and the link between them, removed again when the test ends, pass or fail.
pub(crate) struct Room {
    pub(crate) host: String,
    pub(crate) seats: String,
}

pub(crate) fn ip(args: &[&str]) -> bool {
    Command::new("ip")
        .args(args)
        .status()
        .is_ok_and(|s| s.success())
}

/// Runs `program` with `args` in the seats' namespace; true when it succeeded.
pub(crate) fn in_seats(room: &Room, program: &str, args: &str) -> bool {
    let mut all = vec!["netns", "exec", &room.seats, program];
    all.extend(args.split(' '));
    ip(&all)
}

/// The link as the seats have it: `lossy` (one packet in twenty lost each way) or `cut` (all).
fn link(room: &Room, state: &str) {
    let rule = match state {
        "lossy" => "numgen random mod 20 0 drop",
        "cut" => "drop",
        other => panic!("no link state {other}"),
    };
    for chain in ["in", "out"] {
        assert!(in_seats(
            room,
            "nft",
            &format!("flush chain inet kk {chain}")
        ));
        assert!(
            in_seats(room, "nft", &format!("add rule inet kk {chain} {rule}")),
            "nft {chain} {rule}"
        );
    }
}

/// A slow link (256 kbit/s, packets queue up to 200 ms) and the firewall table the link states
/// go in.
fn slow_and_filtered(room: &Room) {
    assert!(
        in_seats(
            room,
            "tc",
            "qdisc replace dev kk-seats root tbf rate 256kbit burst 4kb latency 200ms"
        ),
        "tc tbf"
    );
    let made = in_seats(room, "nft", "add table inet kk")
        && in_seats(
            room,
            "nft",
            "add chain inet kk in { type filter hook input priority 0 ; }",
        )
        && in_seats(
            room,
            "nft",
            "add chain inet kk out { type filter hook output priority 0 ; }",
        );
    assert!(
        made,
        "nftables in the seats' namespace (apt-get install nftables)"
    );
}

impl Room {
    fn make() -> Option<Room> {
        Room::make_on("p", "10.203.0")
    }

    /// Two namespaces named for this process and `tag`, the host at `subnet`.1 and the seats at
    /// `subnet`.2; `None` when namespaces cannot be made here (not root, no iproute2).
    pub(crate) fn make_on(tag: &str, subnet: &str) -> Option<Room> {
        let id = std::process::id();
        let room = Room {
            host: format!("kk{id}{tag}h"),
            seats: format!("kk{id}{tag}s"),
        };
        let (host_ip, seats_ip) = (format!("{subnet}.1/24"), format!("{subnet}.2/24"));
        if !ip(&["netns", "add", &room.host]) {
            return None;
        }
        let made = ip(&["netns", "add", &room.seats])
            && ip(&[
                "link",
                "add",
                "kk-host",
                "netns",
                &room.host,
                "type",
                "veth",
                "peer",
                "name",
                "kk-seats",
                "netns",
                &room.seats,
            ])
            && ip(&["-n", &room.host, "addr", "add", &host_ip, "dev", "kk-host"])
            && ip(&[
                "-n",
                &room.seats,
                "addr",
                "add",
                &seats_ip,
                "dev",
                "kk-seats",
            ])
            && ip(&["-n", &room.host, "link", "set", "kk-host", "up"])
            && ip(&["-n", &room.seats, "link", "set", "kk-seats", "up"])
            && ip(&["-n", &room.host, "link", "set", "lo", "up"])
            && ip(&["-n", &room.seats, "link", "set", "lo", "up"]);
        assert!(made, "the namespaces and their link are made");
        Some(room)
    }

    /// The app, run in one of the namespaces.
    pub(crate) fn run(&self, namespace: &str, args: &[&str], dir: &Path) -> Running {
        let mut all = vec!["netns", "exec", namespace, env!("CARGO_BIN_EXE_keuzekaart")];
        all.extend(args);
        Running::start_program("ip", &all, dir)
    }
}

impl Drop for Room {
    fn drop(&mut self) {
        // Deleting a namespace also deletes its end of the veth pair, and so the pair.
        ip(&["netns", "del", &self.host]);
        ip(&["netns", "del", &self.seats]);
    }
}

#[test]
fn a_partition_on_a_lossy_slow_link_heals_without_loss_or_duplicates() {
    let Some(room) = Room::make() else {
        crate::common::missing_tool("ip netns (root)", "iproute2");
        return;
    };
    slow_and_filtered(&room);
    link(&room, "lossy");
    let (dir, _) = folder_with_bundled();
    let mut host = room.run(
        &room.host,
        &[
            "sessie",
            "host",
            "werkmap.ron",
            "--adres",
            "10.203.0.1:47110",
            "--code",
            "1111 2222",
            "--uit",
            "gastheer.ron",
            "--logboek",
            "logboek.jsonl",
        ],
        dir.path(),
    );
    host.wait_for("Sessie gestart.");
    let mut seats: Vec<(Running, &str)> = ["Wijchen", "Heumen"]
        .iter()
        .map(|gemeente| {
            let place = format!("{gemeente}.json");
            let copy = format!("{gemeente}.ron");
            let seat = room.run(
                &room.seats,
                &[
                    "sessie",
                    "deelnemen",
                    "10.203.0.1:47110",
                    "--code",
                    "11112222",
                    "--gemeente",
                    gemeente,
                    "--plaats",
                    &place,
                    "--uit",
                    &copy,
                ],
                dir.path(),
            );
            (seat, *gemeente)
        })
        .collect();
    for (seat, _) in &mut seats {
        seat.wait_for("Toegelaten als");
    }
    let edits = |first: u32| -> String {
        (0..6)
            .map(|i| format!("pepers {} 1\n", first + i % 3))
            .collect()
    };
    for (seat, _) in &mut seats {
        seat.type_lines(&edits(4));
        seat.type_lines("wacht\n");
    }
    for (seat, _) in &mut seats {
        seat.wait_for("Klaar:");
        seat.seen.clear();
    }
    // The partition: every packet dropped, while both seats keep typing; nothing gets through.
    let answered = |dir: &Path| {
        std::fs::read_to_string(dir.join("logboek.jsonl"))
            .unwrap()
            .lines()
            .filter(|l| l.starts_with("{\"Applied\"") || l.starts_with("{\"Refused\""))
            .count()
    };
    link(&room, "cut");
    let before = answered(dir.path());
    for (seat, _) in &mut seats {
        seat.type_lines(&edits(10));
    }
    std::thread::sleep(Duration::from_secs(4));
    assert_eq!(
        answered(dir.path()),
        before,
        "the cut link let an edit through"
    );
    link(&room, "lossy");
    for (seat, _) in &mut seats {
        seat.type_lines("wacht\n");
        seat.wait_for("Klaar:");
    }
    host.type_lines("stop\n");
    host.finish();
    let result = std::fs::read(dir.path().join("gastheer.ron")).unwrap();
    let log = std::fs::read_to_string(dir.path().join("logboek.jsonl")).unwrap();
    for (seat, gemeente) in seats {
        seat.finish();
        let copy = std::fs::read(dir.path().join(format!("{gemeente}.ron"))).unwrap();
        assert!(copy == result, "{gemeente}'s copy equals the host's");
        let place: SeatState = serde_json::from_slice(
            &std::fs::read(dir.path().join(format!("{gemeente}.json"))).unwrap(),
        )
        .unwrap();
        let mut answered: Vec<u64> = log
            .lines()
            .filter_map(|line| match serde_json::from_str(line).unwrap() {
                Entry::Applied { seat, seq, .. } | Entry::Refused { seat, seq, .. }
                    if seat == place.token =>
                {
                    Some(seq)
                }
                _ => None,
            })
            .collect();
        answered.sort_unstable();
        assert_eq!(
            answered,
            (1..=12).collect::<Vec<u64>>(),
            "each of {gemeente}'s twelve edits answered once, none lost, none twice"
        );
    }
}
