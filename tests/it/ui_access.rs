//! Accessibility (WCAG 2.1 AA): the colours of both looks, text sizes, and what a screen reader
//! finds in the app's AccessKit tree.

use keuzekaart::ui::design_tokens::{Tokens, contrast_ratio};

#[test]
fn every_text_and_boundary_colour_meets_wcag_aa_in_both_looks() {
    let mut failures = Vec::new();
    for tokens in [&Tokens::NORMAL, &Tokens::PRESENTATION] {
        let pairs = tokens.contrast_pairs();
        assert!(pairs.len() > 40, "too few pairs checked: {}", pairs.len());
        for pair in pairs {
            let ratio = contrast_ratio(pair.front, pair.back);
            if ratio < pair.minimum {
                failures.push(format!(
                    "{:?}: {} {:?} on {:?} is {ratio:.2}:1, needs {}:1",
                    tokens.mode, pair.what, pair.front, pair.back, pair.minimum
                ));
            }
        }
        assert!(
            tokens.focus.width >= 2.0,
            "the focus ring is at least 2 points wide"
        );
        assert!(
            tokens.small_size >= 13.0,
            "small text of {} points",
            tokens.small_size
        );
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_contrast_formula_gives_the_known_ratios() {
    use egui::Color32;
    assert!((contrast_ratio(Color32::BLACK, Color32::WHITE) - 21.0).abs() < 0.01);
    assert!((contrast_ratio(Color32::WHITE, Color32::WHITE) - 1.0).abs() < 0.001);
    // WebAIM's checker: #767676 on white is 4.54:1, egui's old grey #949493 on #fafaf7 2.90:1.
    let grey = Color32::from_rgb(0x76, 0x76, 0x76);
    assert!((contrast_ratio(grey, Color32::WHITE) - 4.54).abs() < 0.01);
    let old = contrast_ratio(
        Color32::from_rgb(0x94, 0x94, 0x93),
        Color32::from_rgb(0xFA, 0xFA, 0xF7),
    );
    assert!((old - 2.90).abs() < 0.02, "{old}");
}

use crate::common::app::harness_with;
use crate::common::filled_workbook;
use egui::accesskit::{Action, Live, Role};
use egui::{Key, Vec2};
use egui_kittest::Harness;
use egui_kittest::kittest::{By, NodeT, Queryable};
use keuzekaart::ui::KeuzekaartApp;

/// Every node a user can act on (click, focus, drag) in the app's AccessKit tree, as
/// (role, name).
fn interactive_nodes(h: &Harness<'static, KeuzekaartApp>) -> Vec<(Role, String)> {
    h.root()
        .children_recursive()
        .map(|node| node.accesskit_node())
        .filter(|node| {
            let data = node.data();
            data.supports_action(Action::Click) || data.supports_action(Action::Focus)
        })
        .map(|node| (node.role(), node.label().unwrap_or_default()))
        .collect()
}

/// What a screen reader reads for a node: its name, or for a text its value.
fn text_of(node: &egui_kittest::kittest::AccessKitNode<'_>) -> String {
    node.label().or_else(|| node.value()).unwrap_or_default()
}

fn assert_named_and_unique(h: &Harness<'static, KeuzekaartApp>, screen: &str) {
    let nodes = interactive_nodes(h);
    assert!(nodes.len() >= 8, "{screen}: only {} nodes", nodes.len());
    let unnamed: Vec<_> = nodes
        .iter()
        // ARIA asks no name of a scroll bar (egui's own): its role and value say what it is.
        .filter(|(role, _)| *role != Role::ScrollBar)
        .filter(|(role, name)| name.trim().is_empty() || *role == Role::Unknown)
        .collect();
    assert!(unnamed.is_empty(), "{screen}: unnamed {unnamed:?}");
    let mut seen = std::collections::BTreeMap::new();
    for (role, name) in &nodes {
        if *role != Role::ScrollBar {
            *seen.entry(name.as_str()).or_insert(0) += 1;
        }
    }
    let twice: Vec<_> = seen.iter().filter(|(_, n)| **n > 1).collect();
    assert!(
        twice.is_empty(),
        "{screen}: names used more than once: {twice:?}"
    );
}

#[test]
fn every_control_on_the_main_screens_has_a_role_and_a_name_of_its_own() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    assert_named_and_unique(&h, "Keuzes");
    // Headings to jump between: the gemeente list and the gemeente's article.
    h.get_by_role_and_label(Role::Heading, "Gemeenten");
    h.get_by_role_and_label(Role::Heading, "Artikel 6 · Beuningen");
    // The window itself is named, so a screen reader says which app and file it is.
    assert_eq!(
        h.root().accesskit_node().label().as_deref(),
        Some("Naamloos — Keuzekaart")
    );
    for screen in ["Regio-overzicht", "Vergelijken", "Capaciteit", "Beheer"] {
        h.get_by_label(screen).click();
        h.run();
        assert_named_and_unique(&h, screen);
    }
    // A dialog with a row of buttons per activity: each is named with its activity.
    let mut h = harness_with(
        keuzekaart::core::Workbook::bundled(),
        "Beuningen",
        Vec2::new(1366.0, 2400.0),
    );
    h.get_by_label("Vul aan…").click();
    h.run();
    assert_eq!(
        h.state().dialog_title().as_deref(),
        Some("Vul aan: Beuningen")
    );
    assert_named_and_unique(&h, "Vul aan");
}

#[test]
fn the_overview_names_every_cell_with_its_gemeente_and_activity() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    h.get_by_label("Regio-overzicht").click();
    h.run();
    let cell = h.get_by_label("Beuningen, activiteit 4: 3 pepers, 30 kandidaten");
    assert_eq!(cell.accesskit_node().role(), Role::Cell);
    h.get_by_label("Nijmegen, activiteit 2: geen aanbod voor groene pepers");
    h.get_by_label("Druten, activiteit 4: niet gekozen");
    let header = h.get_by_label("Activiteit 4 Screenen kandidaten");
    assert_eq!(header.accesskit_node().role(), Role::RowHeader);
    // Red and green peppers differ ten times in value: the region totals them apart.
    h.get_by_label_contains("Regio, pepers gebruikt: ");
    let totals = h
        .get_by_label_contains("Regio, pepers gebruikt: ")
        .accesskit_node()
        .label()
        .unwrap();
    assert!(
        totals.contains("groene pepers") && totals.contains("rode pepers"),
        "{totals}"
    );
    // No empty labels are left for a screen reader to stumble over.
    let empty: Vec<_> = h
        .root()
        .children_recursive()
        .map(|n| n.accesskit_node())
        .filter(|node| node.role() == Role::Label && text_of(node).trim().is_empty())
        .map(|node| format!("{:?} {:?}", node.id(), node.bounding_box()))
        .collect();
    assert!(empty.is_empty(), "empty labels: {empty:?}");
}

#[test]
fn a_refusal_is_announced_in_a_live_region() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    // Beuningen has 3 of its 8 peppers left: a fourth "+" on activity 12 (at most 4) is refused.
    for _ in 0..3 {
        h.get_by_label("Peper erbij op activiteit 12").click();
        h.run();
    }
    let refusal = "Activiteit 12 heeft een maximum van 4 rode pepers.";
    assert_eq!(h.state().message(), Some(refusal));
    let live: Vec<_> = h
        .query_all(By::new().predicate(|n| n.live() != Live::Off))
        .map(|n| text_of(&n.accesskit_node()))
        .collect();
    assert!(live.iter().any(|l| l == refusal), "live regions: {live:?}");
}

#[test]
fn tab_from_the_start_reaches_the_cards_through_the_skip_link() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    h.key_press(Key::Tab);
    h.run();
    assert!(h.get_by_label("Naar de kaarten").is_focused());
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.get_by_label("Volledige omschrijving van activiteit 1")
            .is_focused()
    );
    // From there the first "+" is a few stops away, and a pepper token is never one of them.
    let mut stops = 0;
    while !h.get_by_label("Peper erbij op activiteit 2").is_focused() {
        h.key_press(Key::Tab);
        h.run();
        stops += 1;
        assert!(stops <= 6, "more than 6 stops to the first +");
        let focused = h
            .query(By::new().predicate(|n| n.is_focused_in_tree()))
            .map(|n| n.accesskit_node().label().unwrap_or_default())
            .unwrap_or_default();
        assert!(!focused.contains("peper in voorraad"), "{focused}");
    }
    // Enter on the focused + places a pepper, as a click would.
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        crate::common::app::peppers_on(&h, "Beuningen", 2),
        crate::common::d("1")
    );
}

#[test]
fn budget_bars_carry_their_percentage_for_a_screen_reader() {
    let h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    let bar = h.get_by_label("Beuningen: 5 van 8 rode pepers gebruikt");
    assert_eq!(bar.accesskit_node().role(), Role::ProgressIndicator);
    assert_eq!(bar.accesskit_node().numeric_value(), Some(63.0));
}

#[test]
fn chart_colours_keep_clear_of_the_pepper_colours_and_of_each_other() {
    use keuzekaart::ui::design_tokens::{PEPPER_GREEN, PEPPER_RED, SERIES};
    let distance = |a: egui::Color32, b: egui::Color32| {
        let d = |x: u8, y: u8| (f32::from(x) - f32::from(y)).powi(2);
        (d(a.r(), b.r()) + d(a.g(), b.g()) + d(a.b(), b.b())).sqrt()
    };
    for (i, colour) in SERIES.iter().enumerate() {
        // Red and green are the peppers' own: a slice never looks like a pepper.
        assert!(
            distance(*colour, PEPPER_RED) > 90.0,
            "colour {i} is near pepper red"
        );
        assert!(
            distance(*colour, PEPPER_GREEN) > 90.0,
            "colour {i} is near pepper green"
        );
        // Neighbours on the card (next to each other in a pie or a stack) stay apart.
        if let Some(next) = SERIES.get(i + 1) {
            assert!(
                distance(*colour, *next) > 90.0,
                "colours {i} and {} are alike",
                i + 1
            );
        }
    }
}

#[test]
fn text_is_large_enough_at_a_desk_and_from_the_back_of_the_meeting_room() {
    // Sizes in pixels as the app sets them (text style × zoom, on a 1:1 screen): at a desk small
    // text at least 13 and body 14; presenting, body text at least 24 (read from 8 metres) and
    // small text 18.
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1920.0, 1080.0));
    let sizes = |h: &Harness<'static, KeuzekaartApp>| {
        let style = h.ctx.global_style();
        let zoom = h.ctx.zoom_factor();
        let size = |s: egui::TextStyle| style.text_styles[&s].size * zoom;
        (size(egui::TextStyle::Small), size(egui::TextStyle::Body))
    };
    let (small, body) = sizes(&h);
    assert!(
        small >= 13.0 && body >= 14.0,
        "at a desk: {small} and {body}"
    );
    h.get_by_label("Presenteren").click();
    h.run();
    assert!(h.state().is_presenting());
    let (small, body) = sizes(&h);
    assert!(
        small >= 18.0 && body >= 24.0,
        "presenting: {small} and {body}"
    );
}

#[test]
fn tab_passes_the_cards_before_the_sign_off_panel() {
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    let focused = |h: &Harness<'static, KeuzekaartApp>| {
        h.query(By::new().predicate(|n| n.is_focused_in_tree()))
            .map(|n| text_of(&n.accesskit_node()))
            .unwrap_or_default()
    };
    let mut order = Vec::new();
    for _ in 0..150 {
        h.key_press(Key::Tab);
        h.run();
        let name = focused(&h);
        if name == "Ter besluitvorming aanbieden" {
            break;
        }
        order.push(name);
    }
    let last_card = order
        .iter()
        .position(|n| n == "Peper erbij op activiteit 13")
        .unwrap_or_else(|| panic!("the sign-off came before the last card: {order:?}"));
    assert!(last_card < order.len());
    // And the gemeente list comes before the cards, the menus before the list.
    let first_gemeente = order
        .iter()
        .position(|n| n == "Berg en Dal · art. 5")
        .unwrap();
    let first_card = order
        .iter()
        .position(|n| n == "Volledige omschrijving van activiteit 1")
        .unwrap();
    assert!(first_gemeente < first_card, "{order:?}");
}

#[test]
fn fonts_are_eguis_defaults() {
    // The window carries egui's fonts compressed (src/ui/fonts.rs); in the tests egui's own
    // `default_fonts` is on, so its definitions are here to compare with: the same fonts, byte
    // for byte, the same tweaks and the same order per family, so the window looks the same.
    let ours = keuzekaart::ui::fonts::definitions();
    let eguis = egui::FontDefinitions::default();
    assert!(
        !eguis.font_data.is_empty(),
        "egui's default_fonts in the tests"
    );
    assert_eq!(ours.families, eguis.families);
    assert_eq!(
        ours.font_data.keys().collect::<Vec<_>>(),
        eguis.font_data.keys().collect::<Vec<_>>()
    );
    assert!(ours == eguis, "the same bytes and tweaks");
}
