//! Detection speed: the goal is 50 MB/s or more on one core with 5,000 names in the register.
//!
//! The text is the development set's minutes repeated to about 2 MB; the register holds 5,000 invented
//! residents (common first names with patronymic surnames), the board and the companies of one association.

use std::hint::black_box;
use std::path::Path;

use andel_core::association::Country;
use andel_core::redact::{Context, Detector, KnownPerson, Official, RoleKind};
use criterion::{criterion_group, criterion_main, Criterion, Throughput};

const FIRST: &[&str] = &[
    "Anne", "Mette", "Hanne", "Kirsten", "Susanne", "Lene", "Marianne", "Camilla", "Louise", "Pia",
    "Jens", "Peter", "Lars", "Michael", "Henrik", "Søren", "Thomas", "Jan", "Niels", "Morten",
    "Ingrid", "Kari", "Astrid", "Solveig", "Eva", "Bjørn", "Ole", "Knut", "Per", "Nils", "Karin",
    "Lena", "Maria", "Erik", "Karl", "Anders", "Johan", "Sven", "Gunnar", "Elin",
];
const STEMS: &[&str] = &[
    "Jen", "Han", "Peder", "Ander", "Niel", "Christen", "Lar", "Rasmus", "Jørgen", "Mad",
    "Kristen", "Ol", "Thom", "Poul", "Johan", "Knud", "Morten", "Mikkel", "Frederik", "Henrik",
    "Jakob", "Halvor", "Iver", "Ivar", "Eilif", "Torgeir", "Svend", "Karl", "Erik", "Gustav",
];
const SUFFIX: &[&str] = &[
    "sen", "ssen", "son", "sson", "gaard", "holm", "lund", "berg", "dal", "bakk",
];

fn register() -> Context {
    let mut ctx = Context::new(Country::DK);
    let mut n = 0usize;
    'outer: for s in STEMS {
        for suf in SUFFIX {
            for f in FIRST {
                if n >= 5_000 {
                    break 'outer;
                }
                // Vary the middle so that every name is distinct.
                let middle = FIRST[(n / FIRST.len()) % FIRST.len()];
                ctx.residents.push(KnownPerson {
                    name: format!("{f} {middle} {s}{suf}"),
                    ..KnownPerson::default()
                });
                n += 1;
            }
        }
    }
    for (name, role) in [
        ("Katrine Hvidberg", "formand"),
        ("Merete Hein", "kasserer"),
        ("Kim Overgaard", "revisor"),
    ] {
        ctx.officials.push(Official {
            name: name.into(),
            role: RoleKind::from_title(role),
            valid_from: None,
            valid_to: None,
        });
    }
    ctx.organisations = vec![
        "Roskilde Andelsadministration ApS".into(),
        "Overgaard Revision ApS".into(),
    ];
    ctx.places = vec![
        "A/B Rønnebærhaven".into(),
        "Rønnebærvej".into(),
        "Roskilde".into(),
    ];
    ctx
}

fn text() -> String {
    let docs =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/redaction-dev/docs");
    let mut one = String::new();
    let mut entries: Vec<_> = std::fs::read_dir(docs)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    entries.sort();
    for p in entries {
        one.push_str(&std::fs::read_to_string(p).unwrap_or_default());
        one.push_str("\n\n");
    }
    let mut text = String::with_capacity(2_100_000);
    while text.len() < 2_000_000 && !one.is_empty() {
        text.push_str(&one);
    }
    text
}

fn bench(c: &mut Criterion) {
    let ctx = register();
    let detector = Detector::new(Some(&ctx));
    let text = text();
    let mut g = c.benchmark_group("redact");
    g.throughput(Throughput::Bytes(text.len() as u64));
    g.sample_size(10);
    g.bench_function("detect_5000_names", |b| {
        b.iter(|| detector.detect(black_box(&text)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
