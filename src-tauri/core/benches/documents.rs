//! Document speed and size. Goals (issue 5): the demo association's privacy notice in under
//! 100 ms and under 80 KB; a 50-page minutes PDF in under 500 ms.
//!
//! The notice is built from the demo archive (40 units, six organisations, the default
//! processing activities) and rendered with the subset font, as `andel notice` does.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::hint::black_box;

use andel_core::association::Country;
use andel_core::document::{render_pdf, Lang};
use andel_core::minutes::{render, ExportFormat};
use andel_core::privacy::notice;
use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap_or_default()
}

fn today() -> NaiveDate {
    now().date_naive()
}

/// Minutes long enough for 50 A4 pages: numbered items with a few paragraphs each.
fn long_minutes() -> String {
    let mut text = String::from("Referat af ordinær generalforsamling 2026\n\n");
    let mut item = 0;
    while text.len() < 165_000 {
        item += 1;
        text.push_str(&format!(
            "Punkt {item}. Bestyrelsens beretning og regnskab\n\n\
             Formanden gennemgik årets arbejde: vedligeholdelse af tag og facader, udskiftning af \
             vinduer i opgang {item}, ny aftale med viceværtfirmaet og en gennemgang af \
             foreningens økonomi. Der blev spurgt til ventelisten, til affaldssortering og til \
             cykelkælderen; bestyrelsen svarede, at sagerne tages op på næste møde.\n\n\
             Regnskabet blev gennemgået af revisor og godkendt uden bemærkninger. Andelskronen \
             fastsættes som foreslået. Budgettet for næste år blev vedtaget med stort flertal, \
             og boligafgiften stiger med 2,5 procent fra 1. januar.\n\n"
        ));
    }
    text
}

fn bench(c: &mut Criterion) {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let vault = andel_core::demo::create(&dir.path().join("demo.andel"), Some(10), now())
        .expect("the demo archive");
    let conn = vault.conn();

    let pdf = render_pdf(&notice::notice(conn, Lang::Da, today(), now()).expect("notice"))
        .expect("notice pdf");
    let pages = lopdf::Document::load_mem(&pdf).map_or(0, |d| d.get_pages().len());
    eprintln!("notice (da): {} bytes, {pages} pages", pdf.len());
    c.bench_function("notice_da_build_and_render", |b| {
        b.iter(|| {
            let doc = notice::notice(conn, Lang::Da, today(), now()).expect("notice");
            black_box(render_pdf(&doc).expect("pdf"))
        })
    });

    let text = long_minutes();
    let pdf = render(&text, ExportFormat::Pdf, Some(Country::DK), now()).expect("minutes pdf");
    let pages = lopdf::Document::load_mem(&pdf).map_or(0, |d| d.get_pages().len());
    eprintln!("minutes: {} bytes, {pages} pages", pdf.len());
    let mut group = c.benchmark_group("minutes_pdf");
    group.sample_size(20);
    group.bench_function("render_50_pages", |b| {
        b.iter(|| black_box(render(&text, ExportFormat::Pdf, Some(Country::DK), now())))
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
