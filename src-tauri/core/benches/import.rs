//! The import of a resident list of 100,000 rows. Goal (issue 12): under 10 s (it took 7.6
//! minutes, being quadratic in the number of units).
//!
//! The list is invented here, in the Danish administrator's format of the test fixtures
//! (`Andelsnr;Adresse;Etage;Navn;Telefon;E-mail;Indflyttet;Fremlejet`): names drawn from common
//! first and last names by a fixed pseudo-random sequence (so namesakes occur, as they do), one
//! row in ten with two owners, some without phone or e-mail. Measured: the dry run, the import
//! into an empty register, and the next year's list (a tenth of the units with new owners or new
//! contact data, a few hundred units gone) onto the full register.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stderr)]

use std::hint::black_box;

use andel_core::association::{self, Country};
use andel_core::register::import::{self, Table};
use chrono::{DateTime, NaiveDate, Utc};
use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use rusqlite::Connection;

mod common;
use common::Draw;

const ROWS: usize = 100_000;

fn now() -> DateTime<Utc> {
    "2026-11-23T10:00:00Z".parse().unwrap_or_default()
}

fn today() -> NaiveDate {
    now().date_naive()
}

const FIRST: &[&str] = &[
    "Anne",
    "Kirsten",
    "Mette",
    "Hanne",
    "Helle",
    "Susanne",
    "Lene",
    "Maria",
    "Marianne",
    "Lone",
    "Camilla",
    "Pia",
    "Louise",
    "Charlotte",
    "Tina",
    "Peter",
    "Michael",
    "Lars",
    "Henrik",
    "Thomas",
    "Søren",
    "Jan",
    "Christian",
    "Martin",
    "Niels",
    "Anders",
    "Morten",
    "Jesper",
    "Jens",
    "Mads",
    "Rasmus",
    "Per",
    "Hans",
    "Ole",
    "Freja",
    "Ida",
    "Emma",
    "Sofie",
    "Oliver",
    "Noah",
    "William",
    "Frederik",
    "Aase",
    "Mogens",
    "Bent",
    "Birgit",
    "Jørgen",
    "Søs",
    "Åse",
];
const LAST: &[&str] = &[
    "Nielsen",
    "Jensen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Christiansen",
    "Poulsen",
    "Johansen",
    "Møller",
    "Mortensen",
    "Knudsen",
    "Jakobsen",
    "Mikkelsen",
    "Lauridsen",
    "Bundgaard",
    "Elkjær",
    "Rosendahl",
    "Tranberg",
    "Holm",
    "Vestergaard",
];
const STREETS: &[&str] = &[
    "Rønnebærvej",
    "Kastanie Allé",
    "Bøgevej",
    "Søndergade",
    "Havnegade",
    "Mølledammen",
    "Lindevej",
    "Ahornvej",
    "Skovbrynet",
    "Engtoften",
];
const FLOORS: &[&str] = &[
    "st. tv.", "st. th.", "1. tv.", "1. th.", "2. tv.", "2. th.", "3. tv.",
];

fn person(draw: &mut Draw) -> String {
    let middle = if draw.next(4) == 0 {
        format!(" {}", draw.pick(LAST))
    } else {
        String::new()
    };
    format!("{}{middle} {}", draw.pick(FIRST), draw.pick(LAST))
}

/// One row per unit; `year` changes a tenth of the units (new owner or new phone) and leaves
/// out a few hundred, as the next year's list would.
fn list(year: u32) -> Vec<u8> {
    let mut draw = Draw(0x2545_f491_4f6c_dd1d);
    let mut changes = Draw(0x9e37_79b9_7f4a_7c15 ^ u64::from(year));
    let mut csv = String::from("Andelsnr;Adresse;Etage;Navn;Telefon;E-mail;Indflyttet;Fremlejet\n");
    for share in 1..=ROWS {
        let mut name = person(&mut draw);
        if draw.next(10) == 0 {
            name = format!("{name} og {}", person(&mut draw));
        }
        let mut phone = format!("{}", 20_000_000 + draw.next(79_999_999));
        let email = if draw.next(3) == 0 {
            String::new()
        } else {
            format!(
                "{}.{share}@example.dk",
                name.split(' ').next().unwrap_or("x").to_lowercase()
            )
        };
        let day = 1 + draw.next(28);
        let month = 1 + draw.next(12);
        let mut moved_in = format!("{day:02}.{month:02}.{}", 1990 + draw.next(34));
        let address = format!("{} {}", draw.pick(STREETS), 1 + share / 7);
        let floor = FLOORS[share % FLOORS.len()];
        if year > 0 {
            match changes.next(100) {
                0 => continue, // the unit is gone from the list
                1..=5 => {
                    name = person(&mut changes);
                    moved_in = format!("01.{:02}.2026", 1 + changes.next(10));
                }
                6..=9 => phone = format!("{}", 30_000_000 + changes.next(59_999_999)),
                _ => {}
            }
        }
        csv.push_str(&format!(
            "{share};{address};{floor};{name};{phone};{email};{moved_in};Nej\n"
        ));
    }
    csv.into_bytes()
}

fn register() -> Connection {
    let conn = andel_core::store::create().unwrap();
    association::create(&conn, "A/B Benchmark", Country::DK, now()).unwrap();
    conn
}

fn bench(c: &mut Criterion) {
    let first = import::read(&list(0)).unwrap();
    let next = import::read(&list(1)).unwrap();
    let mut full = register();
    let report = import::apply(&mut full, &first, &[], today(), "bench", now()).unwrap();
    eprintln!(
        "first list: {} rows, {} units, {} people, {} added, {} rejected",
        first.rows.len(),
        report.units,
        report.people,
        report.added.len(),
        report.rejected.len()
    );
    let full_bytes = andel_core::store::serialize(&full).unwrap();
    let preview = import::preview(&full, &next, &[], today()).unwrap();
    eprintln!(
        "next list: {} added, {} changed, {} ended",
        preview.added.len(),
        preview.changed.len(),
        preview.ended.len()
    );
    drop(full);

    let mut group = c.benchmark_group("import_100000_rows");
    group.sample_size(10);
    let empty = register();
    group.bench_function("dry_run_into_empty_register", |b| {
        b.iter(|| black_box(import::preview(&empty, &first, &[], today()).unwrap()))
    });
    group.bench_function("into_empty_register", |b| {
        b.iter_batched(
            register,
            |conn| import_into(conn, &first),
            BatchSize::PerIteration,
        )
    });
    group.bench_function("next_year_onto_full_register", |b| {
        b.iter_batched(
            || andel_core::store::load(&full_bytes).unwrap(),
            |conn| import_into(conn, &next),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// Imports and hands the register back, so that freeing it is not timed.
fn import_into(mut conn: Connection, table: &Table) -> Connection {
    black_box(import::apply(&mut conn, table, &[], today(), "bench", now()).unwrap());
    conn
}

criterion_group!(benches, bench);
criterion_main!(benches);
