//! An edit with its re-derived figures and rules; loading, validating and saving workbooks, the
//! bundled one and a synthetic large one (50 gemeenten × 15 activities × 20 agreed versions).

use std::hint::black_box;

use chrono::NaiveDate;
use criterion::{Criterion, criterion_group, criterion_main};
use keuzekaart::core::signoff::{self, AgreedVersion, Decision, Outcome, Side, Status};
use keuzekaart::core::{Activity, Choice, Edit, Gemeente, Model, Plan, Workbook, rules};
use keuzekaart::storage;
use rust_decimal::Decimal;

fn edit(c: &mut Criterion) {
    let mut model = Model::new(Workbook::bundled());
    model
        .apply(Edit::AddPeppers {
            gemeente: "Wijchen".into(),
            activity: 4,
            peppers: Decimal::from(5),
        })
        .unwrap();
    let mut forward = true;
    c.bench_function("edit/move_one_pepper_with_rules", |b| {
        b.iter(|| {
            let (from, to) = if forward { (4, 6) } else { (6, 4) };
            forward = !forward;
            model
                .apply(Edit::MovePeppers {
                    gemeente: "Wijchen".into(),
                    from,
                    to,
                    peppers: Decimal::ONE,
                })
                .unwrap();
            black_box(model.findings().len())
        })
    });
}

/// 50 gemeenten, a card of 15 activities, every gemeente with 15 choices and 20 agreed versions.
fn large_workbook() -> Workbook {
    let mut wb = Workbook::bundled();
    let template = wb.card.activities[3].clone();
    for number in 14..=15 {
        wb.card.activities.push(Activity {
            number,
            ..template.clone()
        });
    }
    let base = wb.region.gemeenten[1].clone();
    wb.region.gemeenten = (0..50)
        .map(|i| Gemeente {
            name: format!("Gemeente {i:02}"),
            article: 5 + i,
            peppers: Decimal::from(30),
            ..base.clone()
        })
        .collect();
    let choices: Vec<Choice> = (2..=15)
        .map(|n| Choice {
            peppers: Decimal::from(if n == 12 { 2 } else { 1 }),
            ..Choice::empty(n)
        })
        .collect();
    wb.plans = wb
        .region
        .gemeenten
        .iter()
        .map(|g| {
            let mut sign_off = signoff::SignOff {
                status: Status::Vastgesteld,
                version: 19,
                ..Default::default()
            };
            for version in 0..20 {
                let date = NaiveDate::from_ymd_opt(2021, 1, 1).unwrap()
                    + chrono::Days::new(u64::from(version) * 10);
                for side in [Side::College, Side::WerkBedrijf] {
                    sign_off.decisions.push(Decision {
                        side,
                        outcome: Outcome::Akkoord,
                        date,
                        number: format!("{}/{version}", g.name),
                        signatory: "A. Jansen".into(),
                        role: "wethouder".into(),
                        place: g.name.clone(),
                        version,
                    });
                }
                let agreed = AgreedVersion::seal(
                    signoff::Terms {
                        region: &wb.region,
                        card: &wb.card,
                    },
                    g,
                    &sign_off,
                    version,
                    date,
                    choices.clone(),
                );
                sign_off.agreed.push(agreed);
            }
            Plan {
                gemeente: g.name.clone(),
                choices: choices.clone(),
                sign_off,
                ..Plan::default()
            }
        })
        .collect();
    wb
}

fn files(c: &mut Criterion) {
    let dir = tempfile::tempdir().unwrap();
    for (name, workbook) in [
        ("bundled", Workbook::bundled()),
        ("large", large_workbook()),
    ] {
        let text = storage::to_ron(&workbook);
        // No rule errors (peppers left to spend is a warning every draft in progress has).
        let errors: Vec<_> = rules::check(&workbook)
            .into_iter()
            .filter(|f| f.severity == keuzekaart::core::Severity::Error)
            .collect();
        assert!(errors.is_empty(), "{name}: {:?}", errors.first());
        eprintln!("{name} workbook: {} kB of RON", text.len() / 1024);
        c.bench_function(&format!("files/load_and_validate/{name}"), |b| {
            b.iter(|| {
                let wb = storage::parse_workbook(black_box(&text)).unwrap();
                black_box(rules::check(&wb).len())
            })
        });
        let path = dir.path().join(format!("{name}.ron"));
        c.bench_function(&format!("files/save/{name}"), |b| {
            b.iter(|| storage::save_workbook(&path, black_box(&workbook)).unwrap())
        });
    }
}

/// Importing a registration export of 100.000 rows (deliveries, added up per gemeente, activity
/// and half-year): reading the CSV, the preview with every row checked, and entering the figures.
fn import(c: &mut Criterion) {
    use keuzekaart::spreadsheet::{Mapping, RowsAre, Sheet, preview};
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/voortgang-voorbeeld-2021-2022.ron"
    );
    let workbook = storage::read_workbook(std::path::Path::new(path)).unwrap();
    let gemeenten: Vec<&str> = workbook
        .region
        .gemeenten
        .iter()
        .map(|g| g.name.as_str())
        .collect();
    let mut text = String::from("Registratienummer;Gemeente;Activiteit;Datum;Aantal\n");
    for i in 0..100_000u32 {
        let gemeente = gemeenten[(i % 7) as usize];
        let activity = 1 + (i / 7) % 13;
        let month = 1 + (i / 91) % 12;
        let year = 2021 + (i / 1092) % 2;
        text.push_str(&format!(
            "R-{i};{gemeente};{activity};{:02}-{month:02}-{year};1\n",
            1 + i % 28
        ));
    }
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("registratie.csv");
    std::fs::write(&file, &text).unwrap();
    let mut group = c.benchmark_group("import");
    group.sample_size(10);
    group.bench_function("csv_100000_rows", |b| {
        b.iter(|| {
            let sheet = Sheet::read(&file).unwrap();
            let mapping = Mapping {
                rows_are: RowsAre::Deliveries,
                ..Mapping::for_headers(&sheet.headers, None).unwrap()
            };
            let result = preview(&workbook, &sheet, &mapping);
            assert_eq!(result.rows_read, 100_000);
            let mut model = keuzekaart::core::Model::new(workbook.clone());
            model
                .apply(keuzekaart::core::Edit::Progress(
                    keuzekaart::core::progress::ProgressEdit::Enter {
                        cells: result.cells,
                        source: keuzekaart::core::progress::Source::Imported {
                            file: "registratie.csv".into(),
                            sha256: sheet.sha256.clone(),
                        },
                        reason: "herberekening".into(),
                        by: "bench".into(),
                        at: chrono::NaiveDate::from_ymd_opt(2022, 7, 1)
                            .unwrap()
                            .and_hms_opt(0, 0, 0)
                            .unwrap(),
                    },
                ))
                .unwrap();
            black_box(model.workbook().progress.delivered.len())
        })
    });
    group.finish();
}

criterion_group!(benches, edit, files, import);
criterion_main!(benches);
