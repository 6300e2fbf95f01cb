//! Detection speed: the goal is 50 MB/s or more on one core.
//!
//! Two cases. **Dense**, the real one: the development set's four associations loaded as one register
//! (their residents' names, addresses, phones and e-mails, the boards, officials and companies) and their
//! minutes repeated to about 4 MB, so the register's names and numbers occur in the text as often as in
//! real minutes. **Sparse**: the same minutes to about 2 MB against 5,000 invented residents (common
//! first names with patronymic surnames) that the text hardly mentions.
//!
//! `detect_dense_dev_set_register` times the detection alone; `command_dense_dev_set_register` the
//! whole of `andel detect FILE --vault V --json` once the archive is open, on the same 4 MB as a
//! file: the text extracted and tidied, lined up with the file's own characters, the detector compiled
//! for the register, the findings moved to the file's positions and written as JSON. (Before issue 14's
//! speed round the command spent more outside the detection than in it.) Left out: unlocking the
//! archive (scrypt with a passphrase, a fixed ~0.15–1 s per run whatever the file; nothing to speak of
//! with an age key), reading the register from SQLite, and the file's SHA-256 (a few ms each).

use std::hint::black_box;
use std::path::Path;

use andel_core::association::Country;
use andel_core::minutes::{self, Format};
use andel_core::redact::{self, Context, Detector, KnownPerson, Official, RoleKind};
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

/// The development set's associations as one register, read from their `board.json` and
/// `residents.csv` (a small reader for the columns those files use).
fn dense_register() -> Context {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/redaction-dev");
    let mut ctx = Context::new(Country::DK);
    let mut dirs: Vec<_> = std::fs::read_dir(&root)
        .map(|d| d.filter_map(Result::ok).map(|e| e.path()).collect())
        .unwrap_or_default();
    dirs.sort();
    for dir in dirs.iter().filter(|d| d.join("board.json").exists()) {
        let board: serde_json::Value = std::fs::read_to_string(dir.join("board.json"))
            .ok()
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        for key in ["board", "officials"] {
            for p in board[key].as_array().into_iter().flatten() {
                ctx.officials.push(Official {
                    name: p["name"].as_str().unwrap_or_default().into(),
                    role: RoleKind::from_title(p["role"].as_str().unwrap_or_default()),
                    valid_from: None,
                    valid_to: None,
                });
            }
        }
        for c in board["companies"].as_array().into_iter().flatten() {
            ctx.organisations
                .push(c.as_str().unwrap_or_default().into());
        }
        for key in ["association", "address"] {
            ctx.places
                .push(board[key].as_str().unwrap_or_default().into());
        }
        let csv = std::fs::read_to_string(dir.join("residents.csv")).unwrap_or_default();
        let mut lines = csv.lines();
        let header: Vec<String> = lines
            .next()
            .unwrap_or_default()
            .split(';')
            .map(|h| h.trim().trim_end_matches('.').to_lowercase())
            .collect();
        let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
        let names = [
            col(&["navn", "namn", "name", "andelshaver", "eier"]),
            col(&["medeier"]),
        ];
        let unit = col(&["andelsnr"]);
        let address = col(&["adresse"]);
        let floor = col(&["etage", "etasje"]);
        let phone = col(&["mobil", "telefon"]);
        let mail = col(&["e-post", "e-mail"]);
        for line in lines {
            let cells: Vec<&str> = line.split(';').map(str::trim).collect();
            let get = |c: Option<usize>| {
                c.and_then(|i| cells.get(i))
                    .filter(|v| !v.is_empty())
                    .map(|v| v.to_string())
            };
            for name in names.iter().filter_map(|&c| get(c)) {
                ctx.residents.push(KnownPerson {
                    name,
                    unit: get(unit),
                    flat: None,
                    address: match (get(address), get(floor)) {
                        (Some(a), Some(f)) => Some(format!("{a}, {f}")),
                        (a, _) => a,
                    },
                    phones: get(phone).into_iter().collect(),
                    emails: get(mail).into_iter().collect(),
                });
            }
        }
    }
    ctx
}

fn text(size: usize) -> String {
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
    let mut text = String::with_capacity(size + one.len());
    while text.len() < size && !one.is_empty() {
        text.push_str(&one);
    }
    text
}

/// `andel detect` on a text file's bytes after the archive is open (see the module's comment): the
/// CLI's steps in its order, with the JSON it prints.
fn command(ctx: &Context, bytes: &[u8]) -> String {
    let Ok(text) = minutes::extract_text(bytes, Format::Txt) else {
        return String::new();
    };
    let written = minutes::as_written(bytes, Format::Txt, &text);
    let detected = Detector::new(Some(ctx)).detect(&text);
    let mut findings = redact::apply_review(&text, detected, &[]);
    if let Some(w) = &written {
        for f in &mut findings {
            if let Some((start, end, text)) = w.span(f.start, f.end) {
                (f.start, f.end, f.text) = (start, end, text);
            }
        }
    }
    serde_json::to_string_pretty(&findings).unwrap_or_default()
}

/// With `ANDEL_BENCH_FINDINGS=PATH`, writes the command's JSON on the dense text and the sparse
/// detection's findings to PATH (two lines of JSON) and times nothing: a speed-up is checked against
/// the code it replaces by comparing these byte for byte.
fn dump_findings(path: &str) {
    let dense = command(&dense_register(), text(4_000_000).as_bytes());
    let ctx = register();
    let sparse = text(2_000_000);
    let findings = Detector::new(Some(&ctx)).detect(&sparse);
    let sparse =
        serde_json::to_string(&redact::apply_review(&sparse, findings, &[])).unwrap_or_default();
    let _ = std::fs::write(path, format!("{dense}\n{sparse}\n"));
}

fn bench(c: &mut Criterion) {
    if let Ok(path) = std::env::var("ANDEL_BENCH_FINDINGS") {
        dump_findings(&path);
        return;
    }
    let mut g = c.benchmark_group("redact");
    g.sample_size(10);
    // The real case first: the register's names, addresses and phones all through the text.
    let ctx = dense_register();
    let detector = Detector::new(Some(&ctx));
    let dense = text(4_000_000);
    g.throughput(Throughput::Bytes(dense.len() as u64));
    g.bench_function("detect_dense_dev_set_register", |b| {
        b.iter(|| detector.detect(black_box(&dense)))
    });
    g.bench_function("command_dense_dev_set_register", |b| {
        b.iter(|| command(&ctx, black_box(dense.as_bytes())))
    });
    let ctx = register();
    let detector = Detector::new(Some(&ctx));
    let sparse = text(2_000_000);
    g.throughput(Throughput::Bytes(sparse.len() as u64));
    g.bench_function("detect_sparse_5000_names", |b| {
        b.iter(|| detector.detect(black_box(&sparse)))
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
