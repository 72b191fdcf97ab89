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

/// The drafting frame of a seat in a live session (issue 31: "the drafting frame stays as fast as
/// alone"): the app as a user starts it joins a host on loopback through *Sessie → Deelnemen…*,
/// by the labels, while the six other gemeenten's seats each put a pepper on and take it off
/// again, 100 edits a second in all, which this laptop applies as they come. The same app's
/// frame before it joins is the "alone" figure of the same run; both go through the harness's
/// context, so both carry the accessibility tree kittest keeps.
fn bench_seat_in_session(c: &mut Criterion) {
    use egui_kittest::Harness;
    use egui_kittest::kittest::Queryable;
    use keuzekaart::session::host::{Host, HostOptions};
    use keuzekaart::session::protocol::SeatEdit;
    use keuzekaart::session::seat::{SeatLink, SeatState};
    use std::sync::Arc;
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
    use std::time::{Duration, Instant};

    let host = Host::start(
        Model::new(Workbook::bundled()),
        HostOptions {
            address: "127.0.0.1:0".parse().unwrap(),
            code: None,
            journal: None,
            ask: false,
        },
    )
    .expect("the host starts on loopback");
    let size = Vec2::new(1366.0, 768.0);
    let mut h = Harness::builder()
        .with_size(size)
        .with_max_steps(16)
        .build_eframe(|cc| {
            KeuzekaartApp::start(
                &cc.egui_ctx,
                keuzekaart::ui::Startup {
                    settings: Settings {
                        gemeente: Some("Berg en Dal".into()),
                        ..Settings::default()
                    },
                    // Loopback only, as every network test: nothing is announced or looked
                    // for on the machine's networks.
                    session_address: Some("127.0.0.1".parse().unwrap()),
                    ..keuzekaart::ui::Startup::default()
                },
            )
        });
    h.run();
    let ctx = h.ctx.clone();
    let mut frame = eframe::Frame::_new_kittest();
    let mut n = 0u64;
    let mut step = |h: &mut Harness<'_, KeuzekaartApp>| {
        n += 1;
        let output = ctx.run_ui(input(size, n), |ui| {
            eframe::App::ui(h.state_mut(), ui, &mut frame)
        });
        ctx.tessellate(output.shapes, output.pixels_per_point)
    };
    c.bench_function("frame/zitplaats_alleen/1366x768", |b| {
        b.iter(|| black_box(step(&mut h)))
    });

    // Join through the menu, as an official does.
    h.get_by_label("Sessie").click();
    h.run();
    h.get_by_label_contains("Deelnemen…").click();
    h.run();
    for (label, text) in [
        ("Adres:", host.address().to_string()),
        ("Code:", host.code()),
    ] {
        h.get_by_label(label).focus();
        h.run();
        h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::A);
        h.get_by_label(label).type_text(&text);
        h.run();
    }
    h.get_by_label("Deelnemen").click();
    let deadline = Instant::now() + Duration::from_secs(60);
    while h
        .query_by_label_contains("Je doet mee voor Berg en Dal")
        .is_none()
    {
        assert!(Instant::now() < deadline, "the seat joined in time");
        h.run();
        std::thread::sleep(Duration::from_millis(20));
    }

    // The rest of the room types: each seat a pepper on and off, 100 edits a second in all.
    let others: Vec<String> = Workbook::bundled()
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.clone())
        .filter(|g| g != "Berg en Dal")
        .collect();
    let stop = Arc::new(AtomicBool::new(false));
    let applied = Arc::new(AtomicU64::new(0));
    let interval = Duration::from_micros(1_000_000 * others.len() as u64 / 100);
    let typists: Vec<_> = others
        .into_iter()
        .map(|gemeente| {
            let (address, code) = (host.address(), host.code());
            let (stop, applied) = (stop.clone(), applied.clone());
            std::thread::spawn(move || {
                let (mut link, _) = SeatLink::join(address, &code, &gemeente, SeatState::new())
                    .expect("a seat joins on loopback");
                let mut sign = Decimal::ONE;
                let mut next = Instant::now();
                while !stop.load(Ordering::Relaxed) {
                    if Instant::now() >= next {
                        let edit = SeatEdit::AddPeppers {
                            gemeente: gemeente.clone(),
                            activity: 4,
                            peppers: sign,
                        };
                        link.send(edit).expect("the seat takes the edit");
                        sign = -sign;
                        next += interval;
                    }
                    let events = link.poll(Duration::from_millis(5));
                    let count = events
                        .iter()
                        .filter(|e| {
                            matches!(e, keuzekaart::session::seat::SeatEvent::Applied { .. })
                        })
                        .count();
                    applied.fetch_add(count as u64, Ordering::Relaxed);
                }
                link.leave();
            })
        })
        .collect();
    let warm = Instant::now() + Duration::from_secs(2);
    while Instant::now() < warm {
        step(&mut h);
        while host.events().try_recv().is_ok() {}
    }
    let before = applied.load(Ordering::Relaxed);
    let began = Instant::now();
    c.bench_function("frame/zitplaats_in_sessie/1366x768", |b| {
        b.iter(|| {
            while host.events().try_recv().is_ok() {}
            black_box(step(&mut h))
        })
    });
    let rate = (applied.load(Ordering::Relaxed) - before) as f64 / began.elapsed().as_secs_f64();
    // Each seat sees every edit applied, its own included: divide by the six seats.
    println!(
        "during the measurement the room applied {:.0} edits/s",
        rate / 6.0
    );
    stop.store(true, Ordering::Relaxed);
    for typist in typists {
        typist.join().expect("a seat thread");
    }
    drop(host.stop("Einde van de meting"));
}

fn frames(c: &mut Criterion) {
    bench_seat_in_session(c);
    bench_app(c, View::Drafting);
    bench_app(c, View::Overview);
    bench_app(c, View::Progress);
    bench_presentation(c);
    bench_demo(c);
}

criterion_group!(benches, frames);
criterion_main!(benches);
