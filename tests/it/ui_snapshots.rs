//! Image snapshots: every screen of the app and presentation mode, at a laptop's size (1366×768) and a
//! projector's (1920×1080), rendered by the real app headless (egui_kittest with wgpu on Mesa's
//! lavapipe) and compared with the approved images in `tests/snapshots`.
//!
//! A changed look fails the test, which leaves the new image (`*.new.png`) and the difference
//! (`*.diff.png`) beside the approved one. Look at both; when the change is meant, approve it with
//! `UPDATE_SNAPSHOTS=1 scripts/test.sh ui_snapshots` and commit the new image with the change.

use egui::Vec2;
use egui_kittest::kittest::Queryable;
use egui_kittest::{Harness, SnapshotOptions};
use keuzekaart::ui::KeuzekaartApp;
use keuzekaart::ui::screens::View;

use crate::common::app::harness_with;
use crate::common::filled_workbook;

/// Every screen of the app's list (the tab that shows it, by its label; none for Keuzes, where
/// the app opens) and presentation mode, by the file name of their image: a new screen is in
/// the list the moment it is registered.
fn screens() -> Vec<(String, Option<&'static str>)> {
    let mut screens: Vec<(String, Option<&'static str>)> = View::all()
        .map(|view| {
            let label = view.spec().label;
            let tab = (view != View::Drafting).then_some(label);
            (label.to_lowercase(), tab)
        })
        .collect();
    screens.push(("presenteren".to_owned(), Some("Presenteren")));
    screens
}

/// The app on the example with choices in every gemeente (for Voortgang the example with
/// figures), Beuningen shown, on the screen whose
/// tab is `label`, in a window of `size`.
fn screen(label: Option<&str>, size: Vec2) -> Harness<'static, KeuzekaartApp> {
    // Voortgang shows figures against agreed choices: the example with every gemeente agreed and
    // two years delivered, so the image shows the dashboard, the table and the charts.
    let workbook = if label == Some(View::Progress.spec().label) {
        keuzekaart::storage::read_workbook(std::path::Path::new(
            "docs/voortgang-voorbeeld-2021-2022.ron",
        ))
        .expect("the progress example reads")
    } else {
        filled_workbook()
    };
    let mut h = harness_with(workbook, "Beuningen", size);
    if let Some(label) = label {
        h.get_by_label(label).click();
        h.run();
    }
    // The pointer leaves the tab it clicked: the image shows the screen, not a hovered tab.
    h.remove_cursor();
    h.run();
    h
}

/// Renders every screen at `size` and compares each with its approved image; all differences are
/// reported together, so one run shows every screen a change touched.
fn screens_look_as_approved(size: Vec2) {
    let size_name = format!("{}x{}", size.x, size.y);
    let mut failures = Vec::new();
    for (name, label) in screens() {
        let mut h = screen(label, size);
        if let Err(error) = h.try_snapshot(format!("{name}-{size_name}")) {
            failures.push(error.to_string());
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_screens_look_as_approved_on_a_laptop() {
    screens_look_as_approved(Vec2::new(1366.0, 768.0));
}

#[test]
fn the_screens_look_as_approved_on_a_projector() {
    screens_look_as_approved(Vec2::new(1920.0, 1080.0));
}

#[test]
fn one_pepper_more_is_a_changed_image() {
    // The comparison is not blind: Keuzes with one pepper more on activity 4 differs from the
    // approved Keuzes image. Compared against a copy of it, so the failure's .new and .diff
    // images stay out of tests/snapshots. (While approving images, UPDATE_SNAPSHOTS makes every
    // comparison pass by writing the new image, so there is nothing to prove then.)
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
        return;
    }
    let name = "keuzes-1366x768";
    let approved = std::path::Path::new("tests/snapshots").join(format!("{name}.png"));
    let copy = tempfile::tempdir().unwrap();
    std::fs::copy(&approved, copy.path().join(format!("{name}.png"))).unwrap();
    let options = SnapshotOptions::new().output_path(copy.path());

    let mut h = screen(None, Vec2::new(1366.0, 768.0));
    let same = h.render().unwrap();
    egui_kittest::try_image_snapshot_options(&same, name, &options)
        .expect("the unchanged screen matches its approved image");

    h.get_by_label("Peper erbij op activiteit 4").click();
    h.run();
    assert_eq!(
        crate::common::app::peppers_on(&h, "Beuningen", 4),
        crate::common::d("4")
    );
    let changed = h.render().unwrap();
    let error = egui_kittest::try_image_snapshot_options(&changed, name, &options)
        .expect_err("one pepper more must not pass as the approved image");
    println!("one pepper more: {error}");
    assert!(
        error.to_string().contains(name),
        "the failure names the image: {error}"
    );
    assert!(copy.path().join(format!("{name}.diff.png")).exists());
}

#[test]
fn wat_als_looks_as_approved_on_a_laptop() {
    // Beuningen's budget halved: the budget then, the rules' words for the choices as they are,
    // and the proposed fit, in the dialog over the drafting screen.
    let mut h = screen(None, Vec2::new(1366.0, 768.0));
    h.get_by_label("Wat als…").click();
    h.run();
    crate::common::app::type_into(&mut h, "Wijziging van het budget", "-50");
    h.remove_cursor();
    h.run();
    h.snapshot("wat-als-1366x768");
}
