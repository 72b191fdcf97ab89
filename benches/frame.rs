//! CPU cost of one egui frame (layout + tessellation, no GPU) of the drafting screen and the region
//! overview (with a pepper drag in progress) and of Voortgang, next to egui's own demo windows in the same run.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use egui::{Event, Pos2, RawInput, Rect, Vec2};
use keuzekaart::core::{Edit, Model, Workbook};
use keuzekaart::ui::settings::{Settings, View};
use keuzekaart::ui::{KeuzekaartApp, start_tray_drag};
use rust_decimal::Decimal;

const SIZES: [(f32, f32); 2] = [(1366.0, 768.0), (1920.0, 1080.0)];

/// A workbook mid-negotiation: Berg en Dal has placed 10 of its 21 peppers, others some.
fn workbook() -> Workbook {
    let mut model = Model::new(Workbook::bundled());
    for (gemeente, activity, peppers) in [
        ("Berg en Dal", 2, 4),
        ("Berg en Dal", 4, 3),
        ("Berg en Dal", 12, 3),
        ("Beuningen", 4, 3),
        ("Nijmegen", 10, 4),
    ] {
        model
            .apply(Edit::AddPeppers {
                gemeente: gemeente.into(),
                activity,
                peppers: Decimal::from(peppers),
            })
            .unwrap();
    }
    model.workbook().clone()
}

fn input(size: Vec2, frame: u64) -> RawInput {
    // The pointer moves every frame, as during a drag.
    let x = 400.0 + (frame % 50) as f32 * 6.0;
    RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, size)),
        events: vec![Event::PointerMoved(Pos2::new(x, 400.0))],
        ..Default::default()
    }
}

fn bench_app(c: &mut Criterion, view: View) {
    for (w, h) in SIZES {
        let size = Vec2::new(w, h);
        let ctx = egui::Context::default();
        let settings = Settings {
            gemeente: Some("Berg en Dal".into()),
            view,
            ..Settings::default()
        };
        // Voortgang on the example with every gemeente agreed and three half-years delivered.
        let shown = if view == View::Progress {
            let path = concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/docs/voortgang-voorbeeld-2021-2022.ron"
            );
            keuzekaart::storage::read_workbook(std::path::Path::new(path)).unwrap()
        } else {
            workbook()
        };
        let mut app = KeuzekaartApp::with_workbook(&ctx, shown, settings);
        let mut frame = eframe::Frame::_new_kittest();
        let mut n = 0u64;
        let mut step = |app: &mut KeuzekaartApp| {
            n += 1;
            let output = ctx.run_ui(input(size, n), |ui| eframe::App::ui(app, ui, &mut frame));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        for _ in 0..5 {
            step(&mut app);
        }
        if view == View::Drafting {
            start_tray_drag(&ctx, "Berg en Dal");
        }
        let name = match view {
            View::Drafting => "drafting_dragging",
            View::Overview => "overview",
            View::Compare => "vergelijken",
            View::Capacity => "capaciteit",
            View::Progress => "voortgang",
            View::Admin => "beheer",
        };
        c.bench_function(&format!("frame/{name}/{w}x{h}"), |b| {
            b.iter(|| black_box(step(&mut app)))
        });
    }
}

/// Presenteren (F11) on a 1920×1080 projector: the drafting screen in the presentation look.
fn bench_presentation(c: &mut Criterion) {
    let size = Vec2::new(1920.0, 1080.0);
    let ctx = egui::Context::default();
    let settings = Settings {
        gemeente: Some("Berg en Dal".into()),
        ..Settings::default()
    };
    let mut app = KeuzekaartApp::with_workbook(&ctx, workbook(), settings);
    app.queue_command(keuzekaart::ui::commands::UiCommand::Present);
    let mut frame = eframe::Frame::_new_kittest();
    let mut n = 0u64;
    let mut step = |app: &mut KeuzekaartApp| {
        n += 1;
        let output = ctx.run_ui(input(size, n), |ui| eframe::App::ui(app, ui, &mut frame));
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    for _ in 0..5 {
        step(&mut app);
    }
    assert!(app.is_presenting());
    c.bench_function("frame/presenteren/1920x1080", |b| {
        b.iter(|| black_box(step(&mut app)))
    });
}

fn bench_demo(c: &mut Criterion) {
    for (w, h) in SIZES {
        let size = Vec2::new(w, h);
        let ctx = egui::Context::default();
        let mut demo = egui_demo_lib::DemoWindows::default();
        let mut n = 0u64;
        let mut step = |demo: &mut egui_demo_lib::DemoWindows| {
            n += 1;
            let output = ctx.run_ui(input(size, n), |ui| demo.ui(ui));
            ctx.tessellate(output.shapes, output.pixels_per_point)
        };
        for _ in 0..5 {
            step(&mut demo);
        }
        c.bench_function(&format!("frame/egui_demo_windows/{w}x{h}"), |b| {
            b.iter(|| black_box(step(&mut demo)))
        });
    }
}

fn frames(c: &mut Criterion) {
    bench_app(c, View::Drafting);
    bench_app(c, View::Overview);
    bench_app(c, View::Progress);
    bench_presentation(c);
    bench_demo(c);
}

criterion_group!(benches, frames);
criterion_main!(benches);
