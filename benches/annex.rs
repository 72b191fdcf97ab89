//! Producing the annex PDF (all seven articles, and a single article) and the progress report.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use keuzekaart::annex::{AnnexOptions, annex_pdf};

fn annex(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/voorbeeld-2021-2022.ron");
    let workbook = keuzekaart::storage::read_workbook(std::path::Path::new(path)).unwrap();
    // The first render loads the shipped fonts once per process, as the app does at its first
    // export. Typst memoizes its work, so every iteration first empties those caches: each
    // measurement is a full compile, as for a first export of new choices.
    annex_pdf(&workbook, &AnnexOptions::default()).unwrap();
    let cold = |options: &AnnexOptions| {
        typst::comemo::evict(0);
        annex_pdf(&workbook, options).unwrap().len()
    };
    let mut group = c.benchmark_group("annex");
    group.sample_size(30);
    group.bench_function("full_seven_gemeenten", |b| {
        b.iter(|| black_box(cold(&AnnexOptions::default())))
    });
    let single = AnnexOptions {
        gemeente: Some("Heumen".into()),
        ..Default::default()
    };
    group.bench_function("single_article", |b| b.iter(|| black_box(cold(&single))));
    // The progress report (art. 14.2) over the whole term, on the example with realisation.
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/docs/voortgang-voorbeeld-2021-2022.ron"
    );
    let progress = keuzekaart::storage::read_workbook(std::path::Path::new(path)).unwrap();
    let assumptions = keuzekaart::core::capacity::CapacityAssumptions::bundled();
    group.bench_function("voortgang_full_term", |b| {
        b.iter(|| {
            typst::comemo::evict(0);
            let scope = keuzekaart::annex::Scope::Term;
            black_box(
                keuzekaart::annex::progress_pdf(&progress, scope, &assumptions)
                    .unwrap()
                    .len(),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, annex);
criterion_main!(benches);
