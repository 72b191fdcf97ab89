//! The drafting screen, driven through the real app with egui_kittest: drag and drop, buttons,
//! keyboard, undo and redo, as an official would use them.

use crate::common::app::{
    centre_of, count, drag, drag_first, drag_with, harness, harness_at, peppers_on,
};
use crate::common::d;
use egui::{Key, Modifiers, Vec2};
use egui_kittest::kittest::Queryable;

const RED_IN_TRAY: &str = "Rode peper in voorraad";

#[test]
fn dragging_a_pepper_from_the_tray_onto_activity_4_adds_one_step() {
    let mut h = harness("Beuningen");
    assert_eq!(count(&h, RED_IN_TRAY), 8);
    h.get_by_label("Beuningen: 0 van 8 rode pepers gebruikt");
    h.get_by_label("0 van 8 pepers gebruikt · € 0 van € 78.395");

    drag_first(&mut h, RED_IN_TRAY, "Activiteit 4: Screenen kandidaten");

    assert_eq!(peppers_on(&h, "Beuningen", 4), d("1"));
    assert_eq!(count(&h, RED_IN_TRAY), 7);
    assert_eq!(count(&h, "Rode peper op activiteit 4"), 1);
    h.get_by_label("1 van 8 pepers gebruikt · € 9.799 van € 78.395");
    h.get_by_label("Beuningen: 1 van 8 rode pepers gebruikt");
    h.get_by_label("Gekozen: 10 kandidaten · 1 peper · € 9.799");

    // Dragging the placed pepper onto activity 6 moves it; dragging it to the tray returns it.
    let placed = centre_of(&h, "Rode peper op activiteit 4");
    let six = centre_of(&h, "Activiteit 6: De Versnelling");
    drag(&mut h, placed, six);
    assert_eq!(
        (
            peppers_on(&h, "Beuningen", 4),
            peppers_on(&h, "Beuningen", 6)
        ),
        (d("0"), d("1"))
    );
    let placed = centre_of(&h, "Rode peper op activiteit 6");
    let tray = centre_of(&h, "Pepervoorraad");
    drag(&mut h, placed, tray);
    assert_eq!(peppers_on(&h, "Beuningen", 6), d("0"));
    assert_eq!(count(&h, RED_IN_TRAY), 8);
}

#[test]
fn with_an_empty_tray_there_is_nothing_to_drag_and_nothing_changes() {
    let mut h = harness("Mook en Middelaar");
    for _ in 0..2 {
        h.get_by_label("Peper erbij op activiteit 9").click();
        h.run();
    }
    assert_eq!(peppers_on(&h, "Mook en Middelaar", 9), d("2"));
    assert_eq!(count(&h, RED_IN_TRAY), 0);
    let before = h.state().model().workbook().clone();
    let tray = centre_of(&h, "Pepervoorraad");
    let target = centre_of(&h, "Activiteit 4: Screenen kandidaten");
    drag(&mut h, tray, target);
    assert_eq!(h.state().model().workbook(), &before);
    // The + button is refused with a message that says why.
    h.get_by_label("Peper erbij op activiteit 4").click();
    h.run();
    assert_eq!(h.state().model().workbook(), &before);
    assert_eq!(
        h.state().message(),
        Some("Geen pepers meer over: Mook en Middelaar heeft alle 2 pepers geplaatst.")
    );
}

#[test]
fn a_fifth_pepper_on_activity_12_is_refused_with_a_message() {
    let mut h = harness("Berg en Dal");
    const TWELVE: &str = "Activiteit 12: Subsidiëren participatietrajecten";
    for _ in 0..4 {
        drag_first(&mut h, RED_IN_TRAY, TWELVE);
    }
    assert_eq!(peppers_on(&h, "Berg en Dal", 12), d("4"));
    let before = h.state().model().workbook().clone();
    drag_first(&mut h, RED_IN_TRAY, TWELVE);
    assert_eq!(h.state().model().workbook(), &before);
    let message = "Activiteit 12 heeft een maximum van 4 rode pepers.";
    assert_eq!(h.state().message(), Some(message));
    // Shown on screen: next to the pointer and in the status bar.
    assert!(h.query_all_by_label(message).count() >= 1);
    assert_eq!(count(&h, RED_IN_TRAY), 17);
}

#[test]
fn undo_after_three_edits_restores_the_exact_workbook_and_redo_reapplies() {
    let mut h = harness("Wijchen");
    let start = h.state().model().workbook().clone();
    h.get_by_label("Peper erbij op activiteit 11").click();
    h.run();
    drag_first(&mut h, RED_IN_TRAY, "Activiteit 13: Samen sterk naar werk");
    h.get_by_label("Peper erbij op activiteit 11").click();
    h.run();
    let after = h.state().model().workbook().clone();
    assert_eq!(
        (peppers_on(&h, "Wijchen", 11), peppers_on(&h, "Wijchen", 13)),
        (d("2"), d("1"))
    );

    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run();
    }
    assert_eq!(h.state().model().workbook(), &start);
    for _ in 0..2 {
        h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
        h.run();
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    h.run();
    assert_eq!(h.state().model().workbook(), &after);
}

#[test]
fn heumen_reads_heumen_werkt_and_nijmegen_has_green_peppers_only_where_offered() {
    let h = harness("Heumen");
    h.get_by_label("Activiteit 7: Heumen Werkt!");
    // The card's text reads the name filled in, never the placeholder.
    h.get_by_label_contains("7  Heumen Werkt!\n1 peper = 3 dagdelen/week");
    assert!(h.query_by_label_contains("[Gemeentenaam]").is_none());

    let mut h = harness("Nijmegen");
    assert_eq!(count(&h, "Groene peper in voorraad"), 12);
    assert_eq!(count(&h, RED_IN_TRAY), 0);
    // One-line activities have no green offer: greyed, and a drop is refused.
    assert!(
        h.query_all_by_label_contains("\nGeen aanbod voor groene pepers")
            .count()
            >= 7
    );
    let before = h.state().model().workbook().clone();
    drag_first(
        &mut h,
        "Groene peper in voorraad",
        "Activiteit 2: Arbeidsbemiddeling op locatie",
    );
    assert_eq!(h.state().model().workbook(), &before);
    assert_eq!(
        h.state().message(),
        Some("Activiteit 2 heeft geen aanbod voor groene pepers.")
    );
    // A two-line activity takes the green pepper and buys line 2.
    drag_first(
        &mut h,
        "Groene peper in voorraad",
        "Activiteit 10: Piramidegesprekken (inkomen, werk en kandidaat)",
    );
    assert_eq!(peppers_on(&h, "Nijmegen", 10), d("1"));
    h.get_by_label("Gekozen: 333 kandidaten · 1 peper · € 97.701");
}

#[test]
fn mook_en_middelaar_can_place_half_peppers() {
    let mut h = harness("Mook en Middelaar");
    h.get_by_label("Halve peper erbij op activiteit 9").click();
    h.run();
    assert_eq!(peppers_on(&h, "Mook en Middelaar", 9), d("0.5"));
    h.get_by_label("Gekozen: 3 zorgjongeren · 0,5 pepers · € 4.093");
    assert_eq!(count(&h, "Halve rode peper op activiteit 9"), 1);
    assert_eq!(count(&h, "Halve rode peper in voorraad"), 1);
    // Beuningen has no half-pepper buttons.
    let h = harness("Beuningen");
    assert_eq!(count(&h, "Halve peper erbij op activiteit 9"), 0);
}

#[test]
fn a_pepper_dropped_with_shift_is_half_whenever_shift_went_down() {
    // Mook en Middelaar may place half peppers: with Shift held at the drop, a pepper dragged
    // from the tray places half of one, whether Shift went down before the drag or during it.
    let shift = |h: &mut crate::common::app::App, modifiers: Modifiers| {
        h.event(egui::Event::ModifiersChanged(modifiers));
    };
    for shift_first in [true, false] {
        let mut h = harness("Mook en Middelaar");
        let from = centre_of(&h, RED_IN_TRAY);
        let to = centre_of(&h, "Activiteit 9: Zorgjongeren");
        if shift_first {
            shift(&mut h, Modifiers::SHIFT);
        }
        drag_with(&mut h, from, to, |h| {
            if !shift_first {
                shift(h, Modifiers::SHIFT);
            }
        });
        shift(&mut h, Modifiers::NONE);
        h.run();
        assert_eq!(
            peppers_on(&h, "Mook en Middelaar", 9),
            d("0.5"),
            "Shift pressed {}",
            if shift_first {
                "before the drag"
            } else {
                "during it"
            }
        );
    }
}

#[test]
fn nothing_stays_bright_above_a_dialog() {
    // A refusal shows at the pointer (and in the status bar). When a dialog opens over the
    // screen, the message at the pointer goes: above the dimmed screen it would cover the dialog.
    let mut h = harness("Mook en Middelaar");
    for _ in 0..3 {
        h.get_by_label("Peper erbij op activiteit 9").click();
        h.run();
    }
    let refusal = "Geen pepers meer over: Mook en Middelaar heeft alle 2 pepers geplaatst.";
    assert_eq!(h.state().message(), Some(refusal));
    assert_eq!(
        h.query_all_by_label(refusal).count(),
        2,
        "at the pointer and in the status bar"
    );
    // Nieuw with unsaved changes asks first, in a dialog.
    h.key_press_modifiers(Modifiers::COMMAND, Key::N);
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Niet-opgeslagen wijzigingen")
    );
    assert_eq!(
        h.query_all_by_label(refusal).count(),
        1,
        "only the status bar, below the dialog, still says it"
    );
    // Beside a button, its hover text goes too once the dialog covers the button.
    let mut h = harness("Beuningen");
    let hint = "Verdeel de resterende pepers over activiteiten in een volgorde die u kiest";
    h.hover_at(centre_of(&h, "Vul aan…"));
    for _ in 0..60 {
        h.step();
    }
    h.run();
    assert!(
        h.query_by_label(hint).is_some(),
        "the button's hover text shows"
    );
    h.get_by_label("Vul aan…").click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Vul aan: Beuningen")
    );
    assert!(
        h.query_by_label(hint).is_none(),
        "no hover text above the dialog"
    );
}

#[test]
fn the_same_flows_by_keyboard_alone() {
    let mut h = harness("Beuningen");
    // Tab to the + button of activity 4, as a keyboard user would, and press Enter.
    let mut found = false;
    for _ in 0..200 {
        h.key_press(Key::Tab);
        h.run();
        if h.query_by_label("Peper erbij op activiteit 4")
            .is_some_and(|n| n.is_focused())
        {
            found = true;
            break;
        }
    }
    assert!(found, "Tab never reached the + button of activity 4");
    h.key_press(Key::Enter);
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(peppers_on(&h, "Beuningen", 4), d("2"));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(peppers_on(&h, "Beuningen", 4), d("1"));
    // Alt+Down goes to the next gemeente, Alt+Up back.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowDown);
    h.run();
    assert_eq!(h.state().selected_gemeente(), "Druten");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowUp);
    h.run();
    assert_eq!(h.state().selected_gemeente(), "Beuningen");
    // Alt+2 shows the region overview.
    h.key_press_modifiers(Modifiers::ALT, Key::Num2);
    h.run();
    h.get_by_label("Regio-overzicht Rijk van Nijmegen · 2021–2022");
}

#[test]
fn the_screen_lays_out_at_laptop_and_projector_size() {
    for size in [Vec2::new(1366.0, 768.0), Vec2::new(1920.0, 1080.0)] {
        let h = harness_at("Berg en Dal", size);
        // Tray, budget bar and the first cards are on screen, not pushed off.
        for label in [
            "Pepervoorraad",
            "Activiteit 1: Werkintake op locatie",
            "Activiteit 2: Arbeidsbemiddeling op locatie",
        ] {
            let rect = h.get_by_label(label).rect();
            assert!(
                rect.min.x >= 0.0 && rect.max.x <= size.x && rect.min.y < size.y,
                "{label} at {rect:?} in {size:?}"
            );
        }
    }
}

#[test]
fn mook_en_middelaars_allowed_half_peppers_read_as_allowed_in_one_line() {
    let mut wb = keuzekaart::core::Workbook::bundled();
    for activity in [9, 11] {
        keuzekaart::core::edit::apply(
            &mut wb,
            &keuzekaart::core::Edit::AddPeppers {
                gemeente: "Mook en Middelaar".into(),
                activity,
                peppers: d("0.5"),
            },
        )
        .unwrap();
    }
    let h = crate::common::app::harness_with(wb, "Mook en Middelaar", Vec2::new(1366.0, 2400.0));
    // One calm line for both, not a "let op" per activity.
    h.get_by_label("Onder de minimale afname, zoals Mook en Middelaar mag: activiteit 9 en 11.");
    assert_eq!(
        h.query_all_by_label_contains("let op: Mook en Middelaar: activiteit")
            .count(),
        0
    );
    // The cards say the minimum may be lowered.
    assert!(
        h.query_all_by_label_contains(
            "minimaal 1 peper; Mook en Middelaar mag eronder, tot 0,5 pepers"
        )
        .count()
            >= 10
    );
}

#[test]
fn cards_keep_their_place_while_peppers_are_placed() {
    use egui_kittest::kittest::{By, NodeT};
    let mut h = harness("Beuningen");
    let cards = |h: &egui_kittest::Harness<'static, keuzekaart::ui::KeuzekaartApp>| {
        h.query_all(By::new().predicate(|n| {
            n.role() == egui::accesskit::Role::Group
                && n.label().is_some_and(|l| l.starts_with("Activiteit "))
        }))
        .map(|n| (n.accesskit_node().label().unwrap_or_default(), n.rect()))
        .collect::<Vec<_>>()
    };
    let before = cards(&h);
    assert_eq!(before.len(), 13);
    // The first pepper on activity 5: its card gets a note line and a summary; nothing moves.
    h.get_by_label("Peper erbij op activiteit 5").click();
    h.run();
    assert_eq!(peppers_on(&h, "Beuningen", 5), d("1"));
    let after = cards(&h);
    for ((name, was), (_, is)) in before.iter().zip(&after) {
        assert!(
            (was.top() - is.top()).abs() < 0.5 && (was.bottom() - is.bottom()).abs() < 0.5,
            "{name} moved from {was:?} to {is:?}"
        );
    }
}
