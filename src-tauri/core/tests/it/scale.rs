//! Big inputs take work in proportion to their size (issue 12): a long document is searched,
//! and a long resident list imported, without work that grows with the square of the size.
//!
//! Never timed: the import is measured in SQLite's own steps (counted by a progress handler) at
//! two sizes, and the search runs on a document that took minutes before and a fraction of a
//! second now. The times themselves are in `make bench` (benches/search.rs, benches/import.rs).

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use andel_core::association::{self, Country};
use andel_core::minutes::{self, Format, MeetingKind};
use andel_core::register::import;
use chrono::NaiveDate;
use rusqlite::Connection;

use crate::support::now;

const ACTOR: &str = "Test";

fn today() -> NaiveDate {
    "2026-03-14".parse().unwrap()
}

fn register() -> Connection {
    let conn = andel_core::store::create().unwrap();
    association::create(&conn, "A/B Rønnebærhaven", Country::DK, now()).unwrap();
    conn
}

/// Issue 12: FTS5's snippet() compared every occurrence of the searched words with every other,
/// so minutes of 4 MB took 4.6 s to search and 8 MB, as here, over 20 s (a 26-million-character
/// document over ten minutes). The snippet is now cut in one pass that stops at the first window
/// holding every word: this search takes a fraction of a second.
#[test]
fn searching_minutes_of_eight_megabytes_is_quick() {
    let conn = register();
    let mut text = String::from("Referat af bestyrelsesmøde\n\n");
    let mut item = 0;
    while text.len() < 8_000_000 {
        item += 1;
        text.push_str(&format!(
            "Punkt {item}. Bestyrelsen gennemgik tag og facader i opgang {}; budgettet holder.\n",
            item % 37
        ));
    }
    // Stored as `prepare` would, without its text extraction (slow in a debug build).
    let doc = minutes::NewDocument {
        title: "Referat af bestyrelsesmøde".into(),
        file_name: "stort.txt".into(),
        format: Format::Txt,
        kind: MeetingKind::Board,
        date: today(),
        original: text.clone().into_bytes(),
        text,
        layout: None,
        warnings: Vec::new(),
    };
    let added = minutes::add(&conn, &doc, ACTOR, now()).unwrap();
    let hits = minutes::search(&conn, "budgettet facader", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, added.id);
    assert_eq!(
        hits[0].snippet,
        "…Bestyrelsen gennemgik tag og **facader** i opgang 1; **budgettet** holder. Punkt 2. \
         Bestyrelsen gennemgik tag og…"
    );
}

/// How many steps of SQLite's virtual machine `f` takes on `conn`, as a progress handler called
/// at every step counts them (SQLite calls it at branches, so loops over rows are what counts;
/// with a larger interval it would miss every statement shorter than the interval).
fn steps<T>(conn: &mut Connection, f: impl FnOnce(&mut Connection) -> T) -> (u64, T) {
    let count = Arc::new(AtomicU64::new(0));
    let counter = Arc::clone(&count);
    conn.progress_handler(
        1,
        Some(move || {
            counter.fetch_add(1, Ordering::Relaxed);
            false
        }),
    );
    let out = f(conn);
    conn.progress_handler(0, None::<fn() -> bool>);
    (count.load(Ordering::Relaxed), out)
}

/// A resident list of `units` units, one owner each (every tenth with two), invented.
fn list(units: usize) -> import::Table {
    const FIRST: &[&str] = &["Aase", "Freja", "Mogens", "Sanne", "Kenneth", "Ida", "Bent"];
    const LAST: &[&str] = &[
        "Tranberg",
        "Bundgaard",
        "Elkjær",
        "Rosendahl",
        "Holm",
        "Vester",
    ];
    let mut csv = String::from("Andelsnr;Adresse;Etage;Navn;Telefon;E-mail;Indflyttet\n");
    for i in 1..=units {
        let name = format!("{} {} {i}", FIRST[i % FIRST.len()], LAST[i % LAST.len()]);
        let name = if i % 10 == 0 {
            format!(
                "{name} og {} {}",
                FIRST[(i + 3) % FIRST.len()],
                LAST[i % LAST.len()]
            )
        } else {
            name
        };
        csv.push_str(&format!(
            "{i};Rønnebærvej {};st. tv.;{name};{};;01.0{}.2015\n",
            i / 6 + 1,
            20_000_000 + i,
            1 + i % 9
        ));
    }
    import::read(csv.as_bytes()).unwrap()
}

/// Issue 12: importing 100,000 rows took 7.6 minutes (10,000 rows 4.8 s) because each new unit
/// was looked up by reading every unit (`lower(number) = …` cannot use the index), for the
/// preview and again when the unit was added. Twice the rows must take about twice SQLite's
/// steps, not four times, for the first import and for the next list onto the full register.
#[test]
fn importing_twice_the_rows_takes_twice_the_work() {
    let (small, large) = (list(500), list(1000));
    let mut counted = Vec::new();
    for table in [&small, &large] {
        let mut conn = register();
        let (first, report) = steps(&mut conn, |c| {
            import::apply(c, table, &[], today(), ACTOR, now()).unwrap()
        });
        assert_eq!(
            report.added.len(),
            table.rows.len() - 1 + (table.rows.len() - 1) / 10
        );
        let (again, preview) = steps(&mut conn, |c| {
            import::preview(c, table, &[], today()).unwrap()
        });
        assert!(preview.added.is_empty() && preview.ended.is_empty());
        counted.push((first, again));
    }
    let (small, large) = (counted[0], counted[1]);
    assert!(
        large.0 * 10 <= small.0 * 25,
        "first import: {} steps for 500 rows, {} for 1,000",
        small.0,
        large.0
    );
    assert!(
        large.1 * 10 <= small.1 * 25,
        "next list: {} steps for 500 rows, {} for 1,000",
        small.1,
        large.1
    );
}
