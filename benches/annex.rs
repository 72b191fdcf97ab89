//! Producing the annex PDF: all seven articles, and a single article.

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
    group.finish();
}

criterion_group!(benches, annex);
criterion_main!(benches);
