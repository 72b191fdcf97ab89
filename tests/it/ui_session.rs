//! Samen aan tafel in the app (#31): hosting and joining through the menu Sessie, by its labels,
//! with the other end a real seat or host of the session module on loopback. Every wait is
//! bounded.

use std::net::SocketAddr;
use std::time::{Duration, Instant};

use egui::Vec2;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use keuzekaart::core::{Model, Workbook};
use keuzekaart::session::host::{Host, HostEvent, HostOptions};
use keuzekaart::session::protocol::SeatEdit;
use keuzekaart::session::seat::{SeatLink, SeatState};
use keuzekaart::ui::KeuzekaartApp;
use keuzekaart::ui::settings::Settings;
use rust_decimal::Decimal;

use crate::common::app::{App, drag_first, type_into};
use crate::ui_menus::menu;

const WAIT: Duration = Duration::from_secs(60);

/// The app as a user starts it, with its folders below `home`, hosting on loopback only.
fn app(home: &std::path::Path, gemeente: &str) -> App {
    let paths = keuzekaart::storage::paths::AppPaths::below(home);
    let settings = Settings {
        gemeente: Some(gemeente.to_owned()),
        ..Settings::default()
    };
    let mut harness = Harness::builder()
        .with_theme(egui::Theme::Light)
        .with_size(Vec2::new(1366.0, 2400.0))
        // A live session wakes the window from its own thread (each update of the seat or the
        // host asks for a frame), so settling can take a few more frames than alone.
        .with_max_steps(16)
        .build_eframe(move |cc| {
            KeuzekaartApp::start(
                &cc.egui_ctx,
                keuzekaart::ui::Startup {
                    settings,
                    paths: Some(paths),
                    session_address: Some("127.0.0.1".parse().unwrap()),
                    ..keuzekaart::ui::Startup::default()
                },
            )
        });
    harness.run();
    harness
}

/// Runs frames (bounded) until a widget's label contains `text`; returns that label.
fn wait_for_label(h: &mut App, text: &str) -> String {
    let deadline = Instant::now() + WAIT;
    loop {
        h.run();
        if let Some(node) = h.query_all_by_label_contains(text).next() {
            // A label keeps its text as its value.
            let node = node.accesskit_node();
            return node.label().or(node.value()).unwrap_or_default().to_owned();
        }
        assert!(Instant::now() < deadline, "no '{text}' on screen in time");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_laptop_hosts_from_the_menu_admits_a_seat_with_one_click_and_shows_its_peppers() {
    let home = tempfile::tempdir().unwrap();
    let mut h = app(home.path(), "Heumen");
    menu(&mut h, "Sessie", "Sessie starten…");
    type_into(&mut h, "Poort:", "0");
    h.get_by_label("Starten").click();
    h.run();
    // The strip, large for the room: the code and the address.
    let headline = wait_for_label(&mut h, "   ·   Adres ");
    let code = headline
        .split("Code ")
        .nth(1)
        .and_then(|rest| rest.split("   ·").next())
        .unwrap()
        .to_owned();
    let address: SocketAddr = headline
        .split("Adres ")
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap_or_else(|e| panic!("{headline:?}: {e}"));
    assert_eq!(code.len(), 9, "{headline}");
    wait_for_label(&mut h, "Nog niemand verbonden");

    // Wijchen asks to join; the host's official lets it in with one click.
    let joining = std::thread::spawn(move || {
        SeatLink::join(address, &code, "Wijchen", SeatState::new()).map(|(link, _)| link)
    });
    wait_for_label(&mut h, "Wijchen wil meedoen");
    h.get_by_label("Toelaten").click();
    h.run();
    let mut wijchen = joining.join().unwrap().expect("admitted");
    wait_for_label(&mut h, "Verbonden: Wijchen");

    // Wijchen's two peppers appear on the host's screen, with the strip's last change.
    wijchen
        .send(SeatEdit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity: 4,
            peppers: Decimal::from(2),
        })
        .unwrap();
    let deadline = Instant::now() + WAIT;
    while wijchen.pending() > 0 {
        assert!(Instant::now() < deadline);
        wijchen.poll(Duration::from_millis(20));
        h.run();
    }
    wait_for_label(
        &mut h,
        "Laatste wijziging: Wijchen: 2 pepers naar activiteit 4",
    );

    // The host's own laptop does not draft in the session: a drag is refused with why.
    drag_first(
        &mut h,
        "Rode peper in voorraad",
        "Activiteit 4: Screenen kandidaten",
    );
    wait_for_label(
        &mut h,
        "de gemeenten wijzigen hun keuzes op hun eigen laptop",
    );
    // Nor does it undo the seats' edits behind their backs: Ctrl+Z says why, the pepper stays.
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    h.run();
    wait_for_label(&mut h, "Als gastheer maak je in een sessie niets ongedaan");
    wait_for_label(
        &mut h,
        "Laatste wijziging: Wijchen: 2 pepers naar activiteit 4",
    );

    // Stopping tells the seat, and the host keeps the session's workbook, unsaved.
    menu(&mut h, "Sessie", "Sessie stoppen");
    let deadline = Instant::now() + WAIT;
    loop {
        let events = wijchen.poll(Duration::from_millis(20));
        if events.iter().any(|e| {
            matches!(e, keuzekaart::session::seat::SeatEvent::Closed { reason, .. }
                if reason.contains("gesloten"))
        }) {
            break;
        }
        assert!(Instant::now() < deadline, "the seat heard of the end");
    }
    wait_for_label(&mut h, "Sessie gestopt");
}

#[test]
fn a_laptop_joins_from_the_menu_and_its_drag_goes_through_the_hosts_rules() {
    let host = Host::start(
        Model::new(Workbook::bundled()),
        HostOptions {
            address: "127.0.0.1:0".parse().unwrap(),
            code: Some("1357 2468".into()),
            journal: None,
            ask: false,
        },
    )
    .unwrap();
    let home = tempfile::tempdir().unwrap();
    let mut h = app(home.path(), "Druten");
    menu(&mut h, "Sessie", "Deelnemen…");
    type_into(&mut h, "Adres:", &host.address().to_string());
    type_into(&mut h, "Code:", "1357-2468");
    h.get_by_label("Deelnemen").click();
    h.run();
    wait_for_label(&mut h, "Je doet mee voor Druten");
    wait_for_label(&mut h, "Sessie op ");

    // A pepper dragged onto a card goes to the host, and comes back applied.
    drag_first(
        &mut h,
        "Rode peper in voorraad",
        "Activiteit 4: Screenen kandidaten",
    );
    assert_eq!(next_applied(&mut h, &host).gemeente(), "Druten");
    wait_for_label(
        &mut h,
        "Laatste wijziging: Druten: 1 peper naar activiteit 4",
    );

    // Bewerken → Ongedaan maken names this laptop's own pepper and takes it back through the
    // host, which applies the taking back like any edit.
    edit_menu(&mut h, "Ongedaan maken: Pepers op activiteit 4");
    wait_for_label(&mut h, "Ongedaan gemaakt: Pepers op activiteit 4");
    assert_eq!(
        next_applied(&mut h, &host),
        SeatEdit::AddPeppers {
            gemeente: "Druten".into(),
            activity: 4,
            peppers: -Decimal::ONE,
        }
    );
    wait_for_label(
        &mut h,
        "Laatste wijziging: Druten: 1 peper van activiteit 4 af",
    );

    // Opnieuw puts it back; leaving keeps the session's workbook open with the pepper on it.
    edit_menu(&mut h, "Opnieuw: Pepers op activiteit 4");
    wait_for_label(
        &mut h,
        "Laatste wijziging: Druten: 1 peper naar activiteit 4",
    );
    menu(&mut h, "Sessie", "Sessie verlaten");
    wait_for_label(&mut h, "Je hebt de sessie verlaten");
    let model = host.stop("klaar");
    assert_eq!(
        model.workbook().plan("Druten").unwrap().peppers_on(4),
        Decimal::ONE
    );
}

#[test]
#[ignore = "a picture for the manual: KEUZEKAART_SHOT=path cargo test -- --ignored"]
fn picture_of_a_hosted_session() {
    let Ok(path) = std::env::var("KEUZEKAART_SHOT") else {
        return;
    };
    let home = tempfile::tempdir().unwrap();
    let mut h = app(home.path(), "Heumen");
    h.set_size(Vec2::new(1366.0, 768.0));
    menu(&mut h, "Sessie", "Sessie starten…");
    type_into(&mut h, "Poort:", "0");
    h.get_by_label("Starten").click();
    h.run();
    let headline = wait_for_label(&mut h, "   ·   Adres ");
    let code = headline
        .split("Code ")
        .nth(1)
        .unwrap()
        .split("   ·")
        .next()
        .unwrap()
        .to_owned();
    let address: SocketAddr = headline
        .split("Adres ")
        .nth(1)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut seats = Vec::new();
    for gemeente in ["Wijchen", "Beuningen"] {
        let code = code.clone();
        let joining = std::thread::spawn(move || {
            SeatLink::join(address, &code, gemeente, SeatState::new()).map(|(link, _)| link)
        });
        wait_for_label(&mut h, &format!("{gemeente} wil meedoen"));
        if gemeente == "Beuningen" {
            let _ = h.render().unwrap().save(format!("{path}-vraag.png"));
        }
        h.get_by_label("Toelaten").click();
        h.run();
        seats.push(joining.join().unwrap().unwrap());
    }
    seats[0]
        .send(SeatEdit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity: 4,
            peppers: Decimal::from(2),
        })
        .unwrap();
    wait_for_label(&mut h, "Laatste wijziging");
    menu(&mut h, "Beeld", "Regio-overzicht");
    for _ in 0..5 {
        h.run();
    }
    h.render().unwrap().save(format!("{path}.png")).unwrap();
}

/// Clicks an item of the Bewerken menu whose label (with its shortcut) starts with `label`.
/// The seat's labels come from its thread: the menu is opened again (bounded) until they are in.
fn edit_menu(h: &mut App, label: &str) {
    let deadline = Instant::now() + WAIT;
    loop {
        h.get_by_label("Bewerken").click();
        h.run();
        if h.query_by_label_contains(label).is_some() {
            break;
        }
        assert!(Instant::now() < deadline, "no item {label} in Bewerken");
        h.key_press(egui::Key::Escape);
        h.run();
        std::thread::sleep(Duration::from_millis(20));
        h.run();
    }
    h.get_by_label_contains(label).click();
    h.run();
    h.run();
}

/// The next edit the host applies, while the app runs its frames (bounded).
fn next_applied(h: &mut App, host: &Host) -> SeatEdit {
    let deadline = Instant::now() + WAIT;
    loop {
        assert!(
            Instant::now() < deadline,
            "the host applied no edit in time"
        );
        h.run();
        if let Some(edit) = host.events().try_iter().find_map(|e| match e {
            HostEvent::Applied { edit, .. } => Some(edit),
            _ => None,
        }) {
            return edit;
        }
    }
}
