//! Undo on a seat (#31): *Ongedaan maken* takes back that seat's own last edit, through the
//! host's rules, so every laptop sees it; never another gemeente's edit, and offline an edit
//! that never left the laptop is simply withdrawn.

use keuzekaart::core::{Plan, Workbook};
use keuzekaart::session::protocol::SeatEdit;
use keuzekaart::session::seat::{SeatEvent, SeatLink, SeatState};
use rust_decimal::Decimal;

use super::session::{CODE, Cable, one_pepper, poll_until, seat, start_host};

/// Polls both seats until each has applied `applied` edits of the session and has none waiting.
fn settle(seats: &mut [&mut SeatLink], applied: u64) {
    for link in seats.iter_mut() {
        let mut events = Vec::new();
        poll_until(link, &mut events, |l, _| {
            l.applied() == applied && l.pending() == 0
        });
    }
}

fn plan(link: &SeatLink, gemeente: &str) -> Plan {
    link.model()
        .workbook()
        .plan(gemeente)
        .cloned()
        .unwrap_or_default()
}

/// What a plan holds that a user sees: peppers, offers taken and notes, per activity.
fn seen(plan: &Plan) -> Vec<(u32, Decimal, bool, String)> {
    plan.choices
        .iter()
        .filter(|c| !c.peppers.is_zero() || c.taken || !c.note.is_empty())
        .map(|c| (c.activity, c.peppers, c.taken, c.note.clone()))
        .collect()
}

#[test]
fn a_seat_takes_back_its_own_last_edits_on_every_laptop_and_never_another_gemeentes() {
    let host = start_host();
    let mut wijchen = seat(host.address(), CODE, "Wijchen").unwrap();
    let mut heumen = seat(host.address(), CODE, "Heumen").unwrap();
    let empty = seen(&plan(&wijchen, "Wijchen"));

    wijchen.send(one_pepper("Wijchen")).unwrap();
    settle(&mut [&mut wijchen, &mut heumen], 1);
    let one = seen(&plan(&wijchen, "Wijchen"));
    wijchen
        .send(SeatEdit::SetNote {
            gemeente: "Wijchen".into(),
            activity: 4,
            note: "start na de zomer ☀\u{202e}".into(),
        })
        .unwrap();
    // Heumen's edit comes last in the session's order; Wijchen's undo still takes Wijchen's.
    settle(&mut [&mut wijchen, &mut heumen], 2);
    heumen.send(one_pepper("Heumen")).unwrap();
    settle(&mut [&mut wijchen, &mut heumen], 3);
    let heumen_plan = seen(&plan(&heumen, "Heumen"));
    assert_eq!(
        wijchen.history_labels().0.as_deref(),
        Some("Notitie bij activiteit 4")
    );

    assert_eq!(wijchen.undo().as_deref(), Ok("Notitie bij activiteit 4"));
    settle(&mut [&mut wijchen, &mut heumen], 4);
    assert_eq!(
        seen(&plan(&heumen, "Wijchen")),
        one,
        "Heumen's laptop sees it too"
    );
    wijchen.undo().unwrap();
    settle(&mut [&mut wijchen, &mut heumen], 5);
    assert_eq!(seen(&plan(&heumen, "Wijchen")), empty);
    assert_eq!(
        seen(&plan(&wijchen, "Heumen")),
        heumen_plan,
        "Heumen's pepper stays"
    );
    assert_eq!(
        wijchen.undo(),
        Err("Er is niets om ongedaan te maken.".to_owned())
    );

    // Opnieuw puts the pepper back; a new edit after that ends what Opnieuw can do.
    assert!(wijchen.redo().unwrap().contains("activiteit 4"));
    settle(&mut [&mut wijchen, &mut heumen], 6);
    assert_eq!(seen(&plan(&heumen, "Wijchen")), one);

    // Vul aan is taken back as a whole, whatever it placed.
    let before_fill = seen(&plan(&wijchen, "Wijchen"));
    wijchen
        .send(SeatEdit::Fill {
            gemeente: "Wijchen".into(),
            priority: Workbook::bundled()
                .card
                .activities
                .iter()
                .map(|a| a.number)
                .collect(),
        })
        .unwrap();
    settle(&mut [&mut wijchen, &mut heumen], 7);
    assert_ne!(
        seen(&plan(&wijchen, "Wijchen")),
        before_fill,
        "Vul aan placed peppers"
    );
    assert_eq!(
        wijchen.redo(),
        Err("Er is niets om opnieuw te doen.".to_owned())
    );
    wijchen.undo().unwrap();
    let mut events = Vec::new();
    poll_until(&mut heumen, &mut events, |l, _| {
        seen(&plan(l, "Wijchen")) == before_fill
    });
    poll_until(&mut wijchen, &mut events, |l, _| l.pending() == 0);

    // The host, the session's truth, holds the same: every laptop still agrees byte for byte.
    let result = host.stop("Einde");
    let ron = |w: &Workbook| keuzekaart::storage::to_ron(w);
    assert!(ron(result.workbook()) == ron(heumen.model().workbook()));
    assert!(ron(result.workbook()) == ron(wijchen.model().workbook()));
    assert!(
        events
            .iter()
            .all(|e| !matches!(e, SeatEvent::Refused { .. })),
        "{events:#?}"
    );
}

#[test]
fn offline_an_unsent_edit_is_withdrawn_and_never_reaches_the_host() {
    let host = start_host();
    let cable = Cable::to(host.address());
    let (mut away, _) = SeatLink::join(cable.address, CODE, "Wijchen", SeatState::new()).unwrap();
    away.send(one_pepper("Wijchen")).unwrap();
    let mut events = Vec::new();
    poll_until(&mut away, &mut events, |l, _| l.pending() == 0);

    cable.cut();
    poll_until(&mut away, &mut events, |l, _| !l.online());
    away.send(one_pepper("Wijchen")).unwrap();
    away.send(one_pepper("Wijchen")).unwrap();
    assert_eq!(away.pending(), 2);
    // The newest edit never left the laptop: it is withdrawn, not sent and then taken back.
    away.undo().unwrap();
    assert_eq!(away.pending(), 1);
    let shown = |l: &SeatLink| {
        l.shown()
            .workbook()
            .plan("Wijchen")
            .map(|p| p.peppers_on(4))
            .unwrap_or_default()
    };
    assert_eq!(shown(&away), Decimal::from(2));

    cable.heal();
    poll_until(&mut away, &mut events, |l, _| {
        l.online() && l.pending() == 0
    });
    assert_eq!(shown(&away), Decimal::from(2));
    let result = host.stop("Einde");
    assert_eq!(
        result.workbook().plan("Wijchen").unwrap().peppers_on(4),
        Decimal::from(2),
        "the host got the pepper that was kept and never the withdrawn one"
    );
}
