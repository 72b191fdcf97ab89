//! What the charts and texts really paint, read from the shapes the app hands to the renderer:
//! one colour per activity in every view, pies that show what is left, and no text too small to
//! read at a desk or from the back of the meeting room.

use std::collections::HashMap;

use egui::{Color32, Rect, Shape, Vec2};
use egui_kittest::kittest::{NodeT, Queryable};
use keuzekaart::core::edit::{Edit, apply};
use keuzekaart::ui::design_tokens::BAR_TRACK;

use crate::common::app::harness_with;
use crate::common::{d, filled_workbook};

use crate::common::app::App;

/// Every shape of the last frame, nested lists flattened.
fn shapes(h: &App) -> Vec<Shape> {
    fn flatten(shape: &Shape, out: &mut Vec<Shape>) {
        match shape {
            Shape::Vec(inner) => inner.iter().for_each(|s| flatten(s, out)),
            other => out.push(other.clone()),
        }
    }
    let mut out = Vec::new();
    for clipped in &h.output().shapes {
        flatten(&clipped.shape, &mut out);
    }
    out
}

/// The colours of the legend swatches painted just left of a text that starts with `label`
/// ("4 Screenen kandidaten"), wherever such a legend entry is on screen.
fn swatch_colours(h: &App, label: &str) -> Vec<Color32> {
    let all = shapes(h);
    let texts: Vec<Rect> = all
        .iter()
        .filter_map(|s| match s {
            Shape::Text(t) if t.galley.text().starts_with(label) => Some(t.visual_bounding_rect()),
            _ => None,
        })
        .collect();
    let mut colours = Vec::new();
    for text in texts {
        for shape in &all {
            if let Shape::Rect(r) = shape
                && r.rect.width() <= 16.0
                && r.rect.right() <= text.left()
                && r.rect.right() >= text.left() - 12.0
                && r.rect.center().y > text.top()
                && r.rect.center().y < text.bottom()
            {
                colours.push(r.fill);
            }
        }
    }
    colours
}

/// Painted area per colour of the meshes inside `rect` (a pie's slices are one mesh).
fn mesh_area_by_colour(h: &App, rect: Rect) -> HashMap<Color32, f32> {
    let mut areas = HashMap::new();
    for shape in shapes(h) {
        let Shape::Mesh(mesh) = shape else { continue };
        for tri in mesh.indices.chunks_exact(3) {
            let [a, b, c] = [0, 1, 2].map(|i| mesh.vertices[tri[i] as usize]);
            if !(rect.contains(a.pos) && rect.contains(b.pos) && rect.contains(c.pos)) {
                continue;
            }
            let area = ((b.pos - a.pos).x * (c.pos - a.pos).y
                - (c.pos - a.pos).x * (b.pos - a.pos).y)
                .abs()
                / 2.0;
            *areas.entry(a.color).or_insert(0.0) += area;
        }
    }
    areas
}

fn open(h: &mut App, tab: &str) {
    h.get_by_label(tab).click();
    h.run();
}

#[test]
fn every_activity_keeps_one_colour_in_every_view() {
    // Beuningen chose activities 4 and 12; Nijmegen 4 and 10. Their legend entries in the pie
    // beside the cards, the pies of Vergelijken and the stacks of the Regio-overzicht must all
    // carry the same colour per activity, and different activities different colours.
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1920.0, 2400.0));
    let mut seen: HashMap<&str, Vec<(&str, Color32)>> = HashMap::new();
    for view in ["Keuzes", "Vergelijken", "Regio-overzicht"] {
        open(&mut h, view);
        for label in ["4 Screenen kandidaten", "12 "] {
            let colours = swatch_colours(&h, label);
            assert!(!colours.is_empty(), "no legend entry '{label}' in {view}");
            seen.entry(label)
                .or_default()
                .extend(colours.into_iter().map(|c| (view, c)));
        }
    }
    for (label, colours) in &seen {
        let (first_view, first) = colours[0];
        for (view, colour) in colours {
            assert_eq!(
                *colour, first,
                "activity '{label}' is {colour:?} in {view} but {first:?} in {first_view}"
            );
        }
    }
    assert_ne!(
        seen["4 Screenen kandidaten"][0].1, seen["12 "][0].1,
        "activities 4 and 12 look alike"
    );
}

#[test]
fn the_pie_of_a_half_spent_budget_is_half_what_is_left() {
    // Beuningen spends 4 of its 8 red peppers: in the pie beside the cards and in Vergelijken,
    // the grey "Nog te besteden" slice is half the circle, not nothing.
    let mut wb = keuzekaart::core::Workbook::bundled();
    apply(
        &mut wb,
        &Edit::AddPeppers {
            gemeente: "Beuningen".into(),
            activity: 4,
            peppers: d("4"),
        },
    )
    .unwrap();
    let mut h = harness_with(wb, "Beuningen", Vec2::new(1920.0, 2400.0));
    let check = |h: &App, pie: &str| {
        let node = h.get_by_label_contains(pie);
        let label = node.accesskit_node().label().unwrap_or_default();
        assert!(
            label.contains("Nog te besteden: 4 pepers"),
            "the pie says what is left: {label}"
        );
        let areas = mesh_area_by_colour(h, node.rect().expand(1.0));
        let total: f32 = areas.values().sum();
        let left = areas.get(&BAR_TRACK).copied().unwrap_or(0.0);
        assert!(
            total > 0.0 && (left / total - 0.5).abs() < 0.02,
            "{pie}: what is left covers {:.0}% of the pie",
            100.0 * left / total
        );
    };
    check(&h, "Pepers van Beuningen:");
    open(&mut h, "Vergelijken");
    check(&h, "Pepers · Beuningen · Optie A (voorstel):");
}

/// The smallest text on screen in pixels, with the text it belongs to.
fn smallest_text(h: &App) -> (f32, String) {
    let pixels = h.ctx.pixels_per_point();
    let mut smallest = (f32::MAX, String::new());
    for shape in shapes(h) {
        let Shape::Text(text) = shape else { continue };
        let job = &text.galley.job;
        for section in &job.sections {
            let words = &job.text[section.byte_range.start.0..section.byte_range.end.0];
            if words.trim().is_empty() {
                continue;
            }
            let size = section.format.font_id.size * pixels;
            if size < smallest.0 {
                smallest = (size, words.to_owned());
            }
        }
    }
    smallest
}

#[test]
fn no_text_is_too_small_at_a_desk_or_on_the_projector() {
    // The fixed list of sizes, in screen pixels: at a desk (1366×768) nothing an official reads
    // is under 14, descriptions, legends and chart labels included; presenting on a 1920×1080
    // projector, nothing is under 20 (body text is 24, held by the test in ui_access).
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 768.0));
    for view in [
        "Keuzes",
        "Regio-overzicht",
        "Vergelijken",
        "Capaciteit",
        "Voortgang",
        "Beheer",
    ] {
        open(&mut h, view);
        let (size, text) = smallest_text(&h);
        assert!(size >= 14.0, "{view}: '{text}' is {size} px");
    }
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1920.0, 1080.0));
    open(&mut h, "Presenteren");
    let (size, text) = smallest_text(&h);
    assert!(size >= 20.0, "Presenteren: '{text}' is {size} px");
}

#[test]
fn the_overview_rows_line_up_like_a_spreadsheet() {
    // Each activity's name starts on the same line as its figures: "1 Werkintake op locatie"
    // (one line) beside Heumen's "gekozen / 1 dagdeel/week" (two), and the wrapped name of
    // activity 10 beside Nijmegen's figures.
    let mut h = harness_with(filled_workbook(), "Beuningen", Vec2::new(1366.0, 2400.0));
    open(&mut h, "Regio-overzicht");
    for (name, figures) in [
        (
            "Activiteit 1 Werkintake op locatie",
            "Heumen, activiteit 1:",
        ),
        (
            "Activiteit 4 Screenen kandidaten",
            "Beuningen, activiteit 4:",
        ),
        (
            "Activiteit 10 Piramidegesprekken",
            "Nijmegen, activiteit 10:",
        ),
    ] {
        let name = h.get_by_label_contains(name).rect();
        let figures = h.get_by_label_contains(figures).rect();
        assert!(
            (name.top() - figures.top()).abs() < 1.0,
            "the name starts at {} and its figures at {}",
            name.top(),
            figures.top()
        );
    }
}
