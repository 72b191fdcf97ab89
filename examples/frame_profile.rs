//! Runs many frames of the drafting screen headless, for a profiler (valgrind --tool=callgrind).
//! Usage: cargo build --release --example frame_profile && valgrind --tool=callgrind target/release/examples/frame_profile

use egui::{Event, Pos2, RawInput, Rect, Vec2};
use keuzekaart::core::{Edit, Model, Workbook};
use keuzekaart::ui::settings::Settings;
use keuzekaart::ui::{KeuzekaartApp, start_tray_drag};
use rust_decimal::Decimal;

fn main() {
    let mut model = Model::new(Workbook::bundled());
    for (activity, peppers) in [(2, 4), (4, 3), (12, 3)] {
        model
            .apply(Edit::AddPeppers {
                gemeente: "Berg en Dal".into(),
                activity,
                peppers: Decimal::from(peppers),
            })
            .unwrap();
    }
    let ctx = egui::Context::default();
    let settings = Settings {
        gemeente: Some("Berg en Dal".into()),
        ..Settings::default()
    };
    let mut app = KeuzekaartApp::with_workbook(&ctx, model.workbook().clone(), settings);
    let mut frame = eframe::Frame::_new_kittest();
    let frames: u64 = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(200);
    for n in 0..frames {
        if n == 5 {
            start_tray_drag(&ctx, "Berg en Dal");
        }
        let input = RawInput {
            screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1366.0, 768.0))),
            events: vec![Event::PointerMoved(Pos2::new(
                400.0 + (n % 50) as f32 * 6.0,
                400.0,
            ))],
            ..Default::default()
        };
        let output = ctx.run_ui(input, |ui| eframe::App::ui(&mut app, ui, &mut frame));
        std::hint::black_box(ctx.tessellate(output.shapes, output.pixels_per_point));
    }
}
