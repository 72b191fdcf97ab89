//! Presentation mode through the app's own screens (egui_kittest): it hides the editing chrome,
//! steps gemeenten and options with the arrow keys, and leaving it puts everything back.

use crate::common::app::{centre_of, harness_with};
use crate::common::filled_workbook;
use egui::{Key, Vec2};
use egui_kittest::kittest::Queryable;
use keuzekaart::core::options::OptionChange;
use keuzekaart::core::{Edit, Workbook};

use crate::common::app::App;

fn scroll_cards(h: &mut App, by: f32) {
    h.hover_at(centre_of(h, "Activiteit 1: Werkintake op locatie"));
    h.run();
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: egui::vec2(0.0, -by),
        phase: egui::TouchPhase::Move,
        source: egui::MouseWheelSource::Unknown,
        modifiers: egui::Modifiers::NONE,
    });
    for _ in 0..10 {
        h.step();
    }
    h.run();
}

/// A workbook where Beuningen has a second option, shown when presentation starts.
fn workbook_with_options() -> Workbook {
    let mut model = keuzekaart::core::Model::new(filled_workbook());
    model
        .apply(Edit::Options {
            gemeente: "Beuningen".into(),
            change: OptionChange::Copy {
                from: "Optie A".into(),
                name: "Optie B".into(),
            },
        })
        .unwrap();
    model.workbook().clone()
}

#[test]
fn presenting_and_leaving_restores_gemeente_option_and_scroll() {
    let mut h = harness_with(
        workbook_with_options(),
        "Beuningen",
        Vec2::new(1366.0, 768.0),
    );
    h.get_by_label("Optie B").click();
    h.run();
    scroll_cards(&mut h, 250.0);
    let card_top = |h: &App| {
        h.get_by_label("Activiteit 1: Werkintake op locatie")
            .rect()
            .top()
    };
    let top_before = card_top(&h);
    assert!(top_before < 150.0, "the cards scrolled ({top_before})");
    let zoom_before = h.ctx.zoom_factor();

    h.key_press(Key::F11);
    h.run();
    assert!(h.state().is_presenting());
    assert!(
        h.ctx.zoom_factor() > zoom_before,
        "presentation draws larger"
    );
    // Editing chrome is gone; the tokens stay.
    assert!(h.query_by_label("Bestand").is_none(), "no menu bar");
    assert!(
        h.query_by_label("Peper erbij op activiteit 4").is_none(),
        "no + buttons"
    );
    assert!(
        h.query_by_label("Kopie maken").is_none(),
        "no option buttons"
    );
    assert!(crate::common::app::count(&h, "Rode peper op activiteit 4") == 3);

    // Arrows: down shows the next option, right the next gemeente.
    h.key_press(Key::ArrowDown);
    h.run();
    assert_eq!(
        h.state().shown_option(),
        None,
        "Optie B → Optie A (the proposal)"
    );
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected_gemeente(), "Druten");
    h.key_press(Key::ArrowRight);
    h.run();
    assert_eq!(h.state().selected_gemeente(), "Heumen");
    scroll_cards(&mut h, 400.0);

    h.key_press(Key::Escape);
    h.run();
    assert!(!h.state().is_presenting());
    assert_eq!(h.state().selected_gemeente(), "Beuningen");
    assert_eq!(h.state().shown_option(), Some("Optie B"));
    assert_eq!(h.ctx.zoom_factor(), zoom_before);
    assert!(h.query_by_label("Bestand").is_some(), "the menu is back");
    assert_eq!(card_top(&h), top_before, "the cards are where they were");
}

#[test]
fn presenting_on_a_1920_by_1080_projector_shows_all_thirteen_cards() {
    use egui_kittest::kittest::By;
    let mut h = crate::common::app::harness_with(
        crate::common::filled_workbook(),
        "Beuningen",
        egui::Vec2::new(1920.0, 1080.0),
    );
    h.get_by_label("Presenteren").click();
    h.run();
    let screen = h.ctx.content_rect();
    let cards: Vec<egui::Rect> = h
        .query_all(By::new().predicate(|n| {
            n.role() == egui::accesskit::Role::Group
                && n.label().is_some_and(|l| l.starts_with("Activiteit "))
        }))
        .map(|n| n.rect())
        .collect();
    assert_eq!(cards.len(), 13);
    for card in &cards {
        assert!(
            screen.contains_rect(*card),
            "a card at {card:?} is off the screen {screen:?}"
        );
    }
}
