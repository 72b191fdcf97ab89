//! Producing the annex PDF: all seven articles, and a single article.

use std::hint::black_box;

use criterion::{Criterion, criterion_group, criterion_main};
use keuzekaart::annex::{AnnexOptions, annex_pdf};

fn annex(c: &mut Criterion) {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/voorbeeld-2021-2022.ron");
    let workbook = keuzekaart::storage::read_workbook(std::path::Path::new(path)).unwrap();
    // The first render loads the shipped fonts once per process; measure steady state like the app.
    annex_pdf(&workbook, &AnnexOptions::default()).unwrap();
    let mut group = c.benchmark_group("annex");
    group.sample_size(30);
    group.bench_function("full_seven_gemeenten", |b| {
        b.iter(|| {
            black_box(
                annex_pdf(&workbook, &AnnexOptions::default())
                    .unwrap()
                    .len(),
            )
        })
    });
    let single = AnnexOptions {
        gemeente: Some("Heumen".into()),
        ..Default::default()
    };
    group.bench_function("single_article", |b| {
        b.iter(|| black_box(annex_pdf(&workbook, &single).unwrap().len()))
    });
    group.finish();
}

criterion_group!(benches, annex);
criterion_main!(benches);
