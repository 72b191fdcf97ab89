//! Finding a session on the room's network (#31), seen by a client the project did not write:
//! Avahi. Two network namespaces the test makes (a veth pair, as two laptops on one Wi-Fi):
//! the host runs in one, announcing itself; in the other run Avahi (its own D-Bus and daemon,
//! confined to that namespace) and `avahi-browse`, which must list the session with its address,
//! and the app's own `sessie zoeken`, whose address a seat then joins. With multicast blocked
//! (as guest Wi-Fi does) nothing is found, and the typed address still works.
//! Needs root, iproute2, nftables, avahi-daemon, avahi-utils and dbus (scripts/test.sh installs
//! them); under CI a missing one fails the test.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::session::{Running, folder_with_bundled};
use crate::session_netns::{Room, in_seats};

/// Daemons the test started; stopped when it ends, pass or fail.
struct Daemons(Vec<Child>);

impl Drop for Daemons {
    fn drop(&mut self) {
        for child in &mut self.0 {
            let _ = Command::new("kill").arg(child.id().to_string()).status();
            let _ = child.wait();
        }
    }
}

/// A D-Bus of Avahi's own and Avahi on it, in the seats' namespace; the bus's address.
fn avahi_in_seats(room: &Room, dir: &Path, daemons: &mut Daemons) -> String {
    let bus = dir.join("bus");
    let bus_address = format!("unix:path={}", bus.display());
    std::fs::write(
        dir.join("bus.conf"),
        format!(
            r#"<!DOCTYPE busconfig PUBLIC "-//freedesktop//DTD D-Bus Bus Configuration 1.0//EN"
 "http://www.freedesktop.org/standards/dbus/1.0/busconfig.dtd">
<busconfig>
  <listen>unix:path={}</listen>
  <auth>EXTERNAL</auth>
  <policy context="default">
    <allow user="*"/>
    <allow own="*"/>
    <allow send_destination="*"/>
    <allow receive_sender="*"/>
  </policy>
</busconfig>
"#,
            bus.display()
        ),
    )
    .unwrap();
    std::fs::write(
        dir.join("avahi.conf"),
        "[server]\nhost-name=avahi-zaal\nuse-ipv4=yes\nuse-ipv6=no\nallow-interfaces=kk-seats\n\
         enable-dbus=yes\n[wide-area]\nenable-wide-area=no\n[publish]\npublish-hinfo=no\n\
         publish-workstation=no\n",
    )
    .unwrap();
    let spawn = |args: &[&str]| {
        Command::new("ip")
            .args(["netns", "exec", &room.seats])
            .args(args)
            .env("DBUS_SYSTEM_BUS_ADDRESS", &bus_address)
            .stdout(Stdio::null())
            // What the daemons say goes to a file beside the test's, read when it fails.
            .stderr(
                std::fs::OpenOptions::new()
                    .create(true)
                    .append(true)
                    .open(dir.join("daemons.log"))
                    .unwrap(),
            )
            .spawn()
            .expect("ip netns exec")
    };
    let conf = dir.join("bus.conf");
    daemons.0.push(spawn(&[
        "dbus-daemon",
        &format!("--config-file={}", conf.display()),
        "--nofork",
        "--nopidfile",
    ]));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !bus.exists() {
        assert!(Instant::now() < deadline, "dbus-daemon made no bus");
        std::thread::sleep(Duration::from_millis(20));
    }
    // Avahi keeps its pid file in /run/avahi-daemon: a mount namespace of its own gives it a
    // private one, so a system Avahi (if any) is neither seen nor disturbed.
    std::fs::create_dir_all("/run/avahi-daemon").unwrap();
    let avahi = format!(
        "mount -t tmpfs tmpfs /run/avahi-daemon && exec avahi-daemon --no-drop-root --no-chroot --no-rlimits -f {}",
        dir.join("avahi.conf").display()
    );
    daemons
        .0
        .push(spawn(&["unshare", "--mount", "sh", "-c", &avahi]));
    bus_address
}

/// Runs `avahi-browse -rtp` in the seats' namespace until it lists `_keuzekaart._tcp` (bounded).
fn avahi_browse(room: &Room, bus: &str) -> Vec<String> {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        let out = Command::new("ip")
            .args([
                "netns",
                "exec",
                &room.seats,
                "avahi-browse",
                "-rtp",
                "_keuzekaart._tcp",
            ])
            .env("DBUS_SYSTEM_BUS_ADDRESS", bus)
            .output()
            .expect("avahi-browse");
        let text = String::from_utf8_lossy(&out.stdout).into_owned();
        let resolved: Vec<String> = text
            .lines()
            .filter(|l| l.starts_with('='))
            .map(str::to_owned)
            .collect();
        if !resolved.is_empty() {
            return resolved;
        }
        assert!(
            Instant::now() < deadline,
            "avahi-browse listed no session: {text} {}",
            String::from_utf8_lossy(&out.stderr)
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

fn tools_present() -> bool {
    for (tool, package) in [
        ("avahi-daemon", "avahi-daemon"),
        ("avahi-browse", "avahi-utils"),
        ("dbus-daemon", "dbus"),
        ("unshare", "util-linux"),
    ] {
        let found = Command::new("sh")
            .args(["-c", &format!("command -v {tool}")])
            .stdout(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !found {
            crate::common::missing_tool(tool, package);
            return false;
        }
    }
    true
}

#[test]
fn avahi_on_another_laptop_lists_the_session_and_a_seat_joins_what_it_found() {
    if !tools_present() {
        return;
    }
    let Some(room) = Room::make_on("d", "10.204.0") else {
        crate::common::missing_tool("ip netns (root)", "iproute2");
        return;
    };
    let (dir, _) = folder_with_bundled();
    let app = env!("CARGO_BIN_EXE_keuzekaart");
    let run = |namespace: &str, args: &[&str]| {
        let mut all = vec![
            "netns",
            "exec",
            namespace,
            "env",
            "HOSTNAME=zaal-laptop",
            app,
        ];
        all.extend(args);
        Running::start_program("ip", &all, dir.path())
    };
    let mut daemons = Daemons(Vec::new());
    let bus = avahi_in_seats(&room, dir.path(), &mut daemons);

    // The host listens on all its networks (as in a meeting room) and so announces itself.
    let mut host = run(
        &room.host,
        &[
            "sessie",
            "host",
            "werkmap.ron",
            "--code",
            "1111 2222",
            "--uit",
            "gastheer.ron",
        ],
    );
    host.wait_for("Sessie gestart.");
    host.wait_for("Aangekondigd op het netwerk als _keuzekaart._tcp");

    let listed = avahi_browse(&room, &bus);
    assert!(
        listed.iter().any(|l| l.contains("Keuzekaart")
            && l.contains(";10.204.0.1;47110;")
            && l.contains("protocol=")),
        "{listed:#?}"
    );

    // The app's own search finds it too, and a seat joins the address it printed.
    let search = run(&room.seats, &["sessie", "zoeken", "--seconden", "4"]).finish();
    let found = search
        .iter()
        .find(|l| l.starts_with("Keuzekaart op zaal-laptop — "))
        .unwrap_or_else(|| panic!("{search:#?}"));
    let address = found.rsplit(' ').next().unwrap().to_owned();
    assert_eq!(address, "10.204.0.1:47110");
    let mut seat = run(
        &room.seats,
        &[
            "sessie",
            "deelnemen",
            &address,
            "--code",
            "11112222",
            "--gemeente",
            "Wijchen",
        ],
    );
    seat.wait_for("Toegelaten als");
    seat.type_lines("pepers 4 1\nwacht\n");
    seat.wait_for("Klaar: 1 wijzigingen");
    seat.type_lines("weg\n");
    seat.finish();

    // Guest Wi-Fi that blocks multicast: nothing is found, and the typed address still works.
    for rule in [
        "add table inet gast",
        "add chain inet gast in { type filter hook input priority 0 ; }",
        "add chain inet gast out { type filter hook output priority 0 ; }",
        "add rule inet gast in udp dport 5353 drop",
        "add rule inet gast out udp dport 5353 drop",
    ] {
        assert!(in_seats(&room, "nft", rule), "nft {rule}");
    }
    let blocked = Command::new("ip")
        .args(["netns", "exec", &room.seats, "env", "HOSTNAME=gast", app])
        .args(["sessie", "zoeken", "--seconden", "3"])
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&blocked.stdout);
    assert_eq!(blocked.status.code(), Some(3), "{said}");
    assert!(
        said.contains("Geen sessie gevonden") && said.contains("typ dan het adres"),
        "{said}"
    );
    let mut typed = run(
        &room.seats,
        &[
            "sessie",
            "deelnemen",
            "10.204.0.1:47110",
            "--code",
            "1111 2222",
            "--gemeente",
            "Heumen",
        ],
    );
    typed.wait_for("Toegelaten als");
    typed.type_lines("weg\n");
    typed.finish();

    host.type_lines("stop\n");
    let host_lines = host.finish();
    assert!(
        host_lines
            .iter()
            .any(|l| l.starts_with("Toegelaten: Heumen")),
        "{host_lines:#?}"
    );
    drop(daemons);
}
