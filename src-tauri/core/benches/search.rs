//! Minutes search with snippets. Goals (issue 12): under 50 ms over 1,000 minutes of 50 KB, and
//! under 0.5 s in one document of 20 MB (FTS5's own snippet() took 4.6 s for 4 MB).
//!
//! The minutes are invented here: board and general-assembly minutes of an association, written
//! from a few hundred phrases drawn by a fixed pseudo-random sequence, so the words vary from
//! document to document as real minutes do. The queries are a word in nearly every document, a
//! rare one, two words, and a prefix; the app asks for 50 hits.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::hint::black_box;

use andel_core::association::{self, Country};
use andel_core::minutes::{self, Format, MeetingKind, NewDocument};
use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, Criterion};
use rusqlite::Connection;

mod common;
use common::Draw;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap_or_default()
}

const SUBJECTS: &[&str] = &[
    "Formanden",
    "Kassereren",
    "Bestyrelsen",
    "Revisor",
    "Administrator",
    "Viceværten",
    "Et medlem fra opgang 3",
    "Næstformanden",
    "Dirigenten",
    "Referenten",
    "Byggeudvalget",
    "Haveudvalget",
    "Festudvalget",
    "Andelshaveren i nr. 12",
    "Energiudvalget",
];
const VERBS: &[&str] = &[
    "gennemgik",
    "fremlagde",
    "orienterede om",
    "spurgte til",
    "foreslog",
    "kommenterede",
    "redegjorde for",
    "anbefalede",
    "beklagede",
    "takkede for",
    "undersøger",
    "indhenter tilbud på",
];
const THINGS: &[&str] = &[
    "budgettet for næste år",
    "regnskabet",
    "vedligeholdelse af tag og facader",
    "udskiftning af vinduer",
    "ventelisten",
    "affaldssorteringen",
    "cykelkælderen",
    "fællesvaskeriet",
    "legepladsen",
    "varmeregnskabet",
    "vandskaden i kælderen",
    "altanprojektet",
    "faldstammerne",
    "elevatoren i opgang 5",
    "andelskronen",
    "boligafgiften",
    "husordenen",
    "fremlejereglerne",
    "gårdlauget",
    "forsikringen",
    "energimærket",
    "ladestanderne",
    "trappevasken",
    "rottebekæmpelsen",
    "fibernettet",
    "nøglesystemet",
    "storskraldsordningen",
    "tagrenderne",
    "skimmelsvampen i nr. 7",
    "brandsikringen",
    "dørtelefonerne",
    "beplantningen",
    "parkeringspladserne",
];
const ENDINGS: &[&str] = &[
    "Sagen tages op på næste møde.",
    "Forslaget blev vedtaget.",
    "Der var enighed om at vente.",
    "Bestyrelsen følger op.",
    "Punktet blev taget til efterretning.",
    "Der indhentes tre tilbud.",
    "Forslaget blev forkastet med stort flertal.",
    "Administrator giver besked til andelshaverne.",
    "Udgiften holdes inden for budgettet.",
];

/// Minutes of about `bytes` bytes: a heading, numbered items of several sentences.
fn minutes_text(draw: &mut Draw, n: usize, bytes: usize) -> String {
    let mut text = format!(
        "Referat af bestyrelsesmøde nr. {n}\n\nTil stede: bestyrelsen og administrator.\n\n"
    );
    let mut item = 0;
    while text.len() < bytes {
        item += 1;
        text.push_str(&format!("Punkt {item}. {}\n\n", draw.pick(THINGS)));
        for _ in 0..3 + draw.next(4) {
            text.push_str(&format!(
                "{} {} {}. ",
                draw.pick(SUBJECTS),
                draw.pick(VERBS),
                draw.pick(THINGS)
            ));
        }
        text.push_str(draw.pick(ENDINGS));
        text.push_str("\n\n");
    }
    text
}

fn store(conn: &Connection, n: usize, text: String) {
    let date = NaiveDate::from_ymd_opt(
        2000 + (n % 26) as i32,
        1 + (n % 12) as u32,
        1 + (n % 28) as u32,
    )
    .unwrap_or_default();
    let doc = NewDocument {
        title: format!("Referat af bestyrelsesmøde nr. {n}"),
        file_name: format!("referat-{n}.txt"),
        format: Format::Txt,
        kind: MeetingKind::Board,
        date,
        original: text.clone().into_bytes(),
        text,
        layout: None,
        warnings: Vec::new(),
    };
    minutes::add(conn, &doc, "bench", now()).unwrap();
}

fn archive() -> Connection {
    let conn = andel_core::store::create().unwrap();
    association::create(&conn, "A/B Benchmark", Country::DK, now()).unwrap();
    conn
}

fn bench(c: &mut Criterion) {
    let mut draw = Draw(0x9e37_79b9_7f4a_7c15);
    let many = archive();
    for n in 1..=1000 {
        let text = minutes_text(&mut draw, n, 50_000);
        store(&many, n, text);
    }
    // A word in only a few documents, so the rare query has something to find.
    for n in [17, 333, 901] {
        let text = format!(
            "{} Ekstra punkt: kloakmesteren har fundet rødder i stikledningen.",
            minutes_text(&mut draw, 2000 + n, 50_000)
        );
        store(&many, 2000 + n, text);
    }
    let queries = [
        ("common_word", "budgettet"),
        ("rare_word", "stikledningen"),
        ("two_words", "vandskaden faldstammerne"),
        ("prefix", "tag*"),
    ];
    let mut group = c.benchmark_group("search_1000_minutes_of_50kb");
    for (name, q) in queries {
        let hits = minutes::search(&many, q, 50).unwrap();
        eprintln!(
            "{name} ({q}): {} hits; first: {:?}",
            hits.len(),
            hits.first().map(|h| &h.snippet)
        );
        group.bench_function(name, |b| {
            b.iter(|| black_box(minutes::search(&many, q, 50).unwrap()))
        });
    }
    group.finish();
    drop(many);

    let one = archive();
    let text = format!(
        "{} Eventuelt: kloakmesteren har fundet rødder i stikledningen.",
        minutes_text(&mut draw, 1, 20_000_000)
    );
    store(&one, 1, text);
    let mut group = c.benchmark_group("search_one_document_of_20mb");
    group.sample_size(10);
    let queries = [
        ("common_word", "budgettet"),
        ("two_words", "vandskaden faldstammerne"),
        // Two words only in the last sentence: the whole text is scanned for them.
        ("at_the_end", "kloakmesteren stikledningen"),
        ("prefix", "tag*"),
    ];
    for (name, q) in queries {
        let hits = minutes::search(&one, q, 50).unwrap();
        eprintln!(
            "{name} ({q}): {} hits; first: {:?}",
            hits.len(),
            hits.first().map(|h| &h.snippet)
        );
        group.bench_function(name, |b| {
            b.iter(|| black_box(minutes::search(&one, q, 50).unwrap()))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
