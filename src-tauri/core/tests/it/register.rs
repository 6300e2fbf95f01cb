//! The register: importing every kind of resident list, re-import diffs, sublet rules, the
//! national-ID guard (forms and import) and the overview, each with a fixed "today".

use andel_core::Coded;
use std::path::PathBuf;

use andel_core::association::{self, Country};
use andel_core::overview;
use andel_core::register::import::{self, Field};
use andel_core::register::organisations::{self, OrganisationFields, OrganisationKind};
use andel_core::register::plates::{self, PlateStatus};
use andel_core::register::sublets::{self, Decision, Request, Status, Warning};
use andel_core::register::{guard, ownership, pages, people, roles, units};
use andel_core::{store, ErrorCode};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

fn now() -> DateTime<Utc> {
    "2026-03-14T10:00:00Z".parse().unwrap()
}

fn day(text: &str) -> NaiveDate {
    andel_core::dates::parse_iso(text).unwrap()
}

fn today() -> NaiveDate {
    day("2026-03-14")
}

fn fixture(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/residents")
        .join(name)
}

fn register(country: Country) -> Connection {
    let conn = store::create().unwrap();
    association::create(&conn, "A/B Prøvehuset", country, now()).unwrap();
    conn
}

fn table(name: &str) -> import::Table {
    import::read(&std::fs::read(fixture(name)).unwrap()).unwrap()
}

fn import_file(conn: &mut Connection, name: &str) -> import::Preview {
    import::apply(conn, &table(name), &[], today(), "Test", now()).unwrap()
}

fn names(conn: &Connection) -> Vec<String> {
    let mut all: Vec<String> = people::list(conn, today(), false)
        .unwrap()
        .into_iter()
        .chain(people::list(conn, today(), true).unwrap())
        .map(|p| p.person.name)
        .collect();
    all.sort();
    all
}

/// Every text value in every table of the register, for "never stored" checks.
fn every_text(conn: &Connection) -> Vec<String> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table'")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for t in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{t}\"")).unwrap();
        let n = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..n {
                if let Ok(Some(s)) = row.get::<_, Option<String>>(i) {
                    out.push(s);
                }
            }
        }
    }
    out
}

#[test]
fn each_fixture_imports_with_the_expected_counts() {
    // (file, units, people, ownerships, rejected rows)
    for (file, units_n, people_n, owners_n, rejected) in [
        ("ronnebaerhaven.csv", 32, 34, 34, 0),
        ("elvebakken.csv", 28, 29, 29, 0),
        ("windows-1252.csv", 4, 5, 5, 0),
        ("lindvagen.xlsx", 5, 7, 7, 0),
        ("tallen.tsv", 4, 6, 6, 0),
        ("owner-columns.csv", 4, 6, 6, 0),
        ("two-rows.csv", 4, 6, 6, 0),
        ("broken.csv", 4, 4, 4, 3),
    ] {
        let mut conn = register(Country::DK);
        let r = import_file(&mut conn, file);
        assert_eq!(
            (r.units, r.people, r.ownerships, r.rejected.len()),
            (units_n, people_n, owners_n, rejected),
            "{file}: {r:#?}"
        );
        assert!(r.applied);
        assert_eq!(r.added.len() as u32, owners_n, "{file}");
        assert_eq!(units::count(&conn).unwrap(), units_n, "{file}");
        assert_eq!(ownership::count(&conn).unwrap(), owners_n, "{file}");
        // A first list proposes no name plates: nobody moved in because of it.
        assert_eq!(plates::count(&conn).unwrap(), 0, "{file}");
        for text in every_text(&conn) {
            assert!(!text.contains('Ã'), "{file}: mojibake in {text}");
        }
    }
}

#[test]
fn windows_1252_is_read_without_mojibake() {
    let t = table("windows-1252.csv");
    assert!(
        matches!(&t.source, import::Source::Text { encoding, separator }
        if encoding == "Windows-1252" && separator == ";")
    );
    let mut conn = register(Country::DK);
    import_file(&mut conn, "windows-1252.csv");
    let all = names(&conn);
    for n in [
        "Søren Ærbø",
        "Åse Østergård",
        "Bjørn Østergård",
        "Zoë Müller-Lüdenscheidt",
    ] {
        assert!(all.contains(&n.to_string()), "{n} missing from {all:?}");
    }
    let u = units::by_number(&conn, "1").unwrap();
    assert_eq!(u.address.as_deref(), Some("Æblehaven 3"));
    assert_eq!(u.postcode_city.as_deref(), Some("8000 Aarhus C"));
}

#[test]
fn utf8_with_bom_crlf_and_co_owners_in_one_cell() {
    let t = table("ronnebaerhaven-2025.csv");
    assert!(
        matches!(&t.source, import::Source::Text { encoding, .. } if encoding == "UTF-8 with BOM")
    );
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    let u4 = units::by_number(&conn, "4").unwrap();
    let owners: Vec<String> = ownership::current_of_unit(&conn, u4.id, today())
        .unwrap()
        .into_iter()
        .map(|o| o.person_name)
        .collect();
    assert_eq!(owners, ["Sanne Rosendahl", "Kenneth Rosendahl"]);
    assert_eq!(u4.floor_side.as_deref(), Some("1. th."));
    let o = ownership::of_unit(&conn, u4.id).unwrap();
    assert_eq!(o[0].from, Some(day("2012-06-15")));
}

#[test]
fn xlsx_numbers_and_excel_dates() {
    let mut conn = register(Country::SE);
    let r = import_file(&mut conn, "lindvagen.xlsx");
    assert!(matches!(r.source, import::Source::Spreadsheet { ref sheet } if sheet == "Medlemmar"));
    let history = |n: &str| {
        let u = units::by_number(&conn, n).unwrap();
        ownership::of_unit(&conn, u.id).unwrap()
    };
    assert_eq!(history("1101")[0].from, Some(day("2019-01-01")));
    assert_eq!(history("1202")[0].from, Some(day("2020-05-01")));
    // A plain number in a date column is an Excel serial date.
    assert_eq!(history("1301")[0].from, Some(day("2017-01-01")));
    let per_ek: Vec<String> = history("1102").into_iter().map(|o| o.person_name).collect();
    assert_eq!(per_ek, ["Per Ek", "Anna Ek"]);
    let oskar: Vec<String> = history("1201").into_iter().map(|o| o.person_name).collect();
    assert_eq!(oskar, ["Oskar Nyström", "Lena Nyström"]);
    let karin = people::one_by_name(&conn, "Karin Lund").unwrap().unwrap();
    assert_eq!(karin.phone.as_deref(), Some("701234567"));
}

#[test]
fn tab_separated_swedish_list_with_two_addresses_in_one_cell() {
    let t = table("tallen.tsv");
    assert!(matches!(&t.source, import::Source::Text { separator, .. } if separator == "\t"));
    let mut conn = register(Country::SE);
    let r = import_file(&mut conn, "tallen.tsv");
    assert!(r.notes.iter().any(|n| n.contains("1101")), "{:?}", r.notes);
    let maja = people::one_by_name(&conn, "Maja Sjöberg").unwrap().unwrap();
    assert_eq!(maja.email.as_deref(), Some("maja@example.se"));
    let erik = people::one_by_name(&conn, "Erik Sjöberg").unwrap().unwrap();
    assert_eq!(erik.email.as_deref(), Some("erik@example.se"));
    assert!(people::one_by_name(&conn, "Jonas Berg").unwrap().is_some());
}

#[test]
fn owner_and_co_owner_columns_and_two_rows_per_unit() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "owner-columns.csv");
    let u2 = units::by_number(&conn, "2").unwrap();
    let owners: Vec<String> = ownership::of_unit(&conn, u2.id)
        .unwrap()
        .into_iter()
        .map(|o| o.person_name)
        .collect();
    assert_eq!(owners, ["Birgit Nørgaard", "Poul Nørgaard"]);
    // "Hansen, Jens" is one person written surname first, not two.
    assert!(people::one_by_name(&conn, "Hansen, Jens")
        .unwrap()
        .is_some());
    assert_eq!(
        ownership::of_unit(&conn, u2.id).unwrap()[0].from,
        Some(day("2009-06-15"))
    );

    let mut conn = register(Country::NO);
    import_file(&mut conn, "two-rows.csv");
    let u = units::by_number(&conn, "H0102").unwrap();
    let owners: Vec<String> = ownership::of_unit(&conn, u.id)
        .unwrap()
        .into_iter()
        .map(|o| o.person_name)
        .collect();
    assert_eq!(owners, ["Ola Haugen", "Ingrid Haugen"]);
    let ingrid = people::one_by_name(&conn, "Ingrid Haugen")
        .unwrap()
        .unwrap();
    assert_eq!(ingrid.phone.as_deref(), Some("934 56 789"));
    assert!(people::one_by_name(&conn, "Liv Dahl").unwrap().is_some());
}

#[test]
fn broken_rows_are_reported_with_their_reasons() {
    let conn = register(Country::DK);
    let r = import::preview(&conn, &table("broken.csv"), &[], today()).unwrap();
    let rows: Vec<u32> = r.rejected.iter().map(|x| x.row).collect();
    assert_eq!(rows, [3, 4, 5]);
    assert!(r.rejected[0].reason.contains("name"));
    assert!(r.rejected[1].reason.contains("share number"));
    assert!(r.rejected[2].reason.contains("31.02.2015"));
    assert!(r.notes.iter().any(|n| n.contains("CPR-nr.")));
}

/// A moved-in column that gives only the year ("Innflyttet" 2009): every row was refused as "not a
/// date", so the whole register stayed empty and nothing of its residents' was redacted. A year alone,
/// or a month and its year ("08.2016", "mars 1999"), is taken without a moved-in day (and said once in
/// the notes); a whole date with a slip is still refused.
#[test]
fn a_moved_in_column_of_years_takes_every_row() {
    let list = "Adresse;Eier;Telefon;Innflyttet\r\n\
                Lyngstien 3;Randi Tveitan;912 00 301;2004\r\n\
                Lyngstien 5;Hallgeir Moen;;1991\r\n\
                Lyngstien 7;Siri Bølset;;07.05.2019\r\n\
                Lyngstien 9;Knut Aas;;31.02.2015\r\n\
                Lyngstien 11;Ida Vold;;08.2016\r\n\
                Lyngstien 13;Per Ulv;;mars 1999\r\n";
    let mut conn = register(Country::NO);
    let t = import::read(list.as_bytes()).unwrap();
    let r = import::apply(&mut conn, &t, &[], today(), "Test", now()).unwrap();
    assert_eq!((r.units, r.ownerships), (5, 5), "{r:#?}");
    assert_eq!(r.rejected.len(), 1, "{r:#?}");
    assert!(r.rejected[0].reason.contains("31.02.2015"));
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("Innflyttet") && n.contains("year")),
        "{:?}",
        r.notes
    );
    let u = units::by_number(&conn, "Lyngstien 3").unwrap();
    let owners = ownership::of_unit(&conn, u.id).unwrap();
    assert_eq!(owners[0].person_name, "Randi Tveitan");
    assert_eq!(owners[0].from, None);
    let u = units::by_number(&conn, "Lyngstien 7").unwrap();
    assert_eq!(
        ownership::of_unit(&conn, u.id).unwrap()[0].from,
        Some(day("2019-05-07"))
    );
}

/// Issue 12: a row with the wrong number of fields under a clear header (a name with an
/// unquoted comma, a line cut short) used to be left out or read into the wrong columns, and the
/// unit's owner then "moved out". The whole file is refused with the line.
#[test]
fn a_csv_row_with_the_wrong_number_of_fields_is_refused_with_its_line() {
    let conn = register(Country::DK);
    match import::preview(&conn, &table("ragged.csv"), &[], today()) {
        Err(import::Error::Malformed { line, why }) => {
            assert_eq!(line, 3, "{why}");
            assert!(
                why.contains("5 fields") && why.contains("4 columns"),
                "{why}"
            );
        }
        other => panic!("{other:?}"),
    }
    // A line cut short, after a title line above the header and a blank line.
    let cut = "Beboerliste 2026\n\nAndelsnr;Adresse;Navn;Telefon\n1;Vej 1;Hanne Lind;40112233\n2;Vej 1\n3;Vej 3;Per Holm;40334455\n";
    assert!(matches!(
        import::preview(&conn, &import::read(cut.as_bytes()).unwrap(), &[], today()),
        Err(import::Error::Malformed { line: 5, .. })
    ));
    // Fewer fields than the header names: cut short, even when only the phone is missing.
    let short = "Andelsnr;Navn;Telefon;\n1;Hanne Lind;;\n2;Per Holm;40334455;;\n3;Ida Dam\n";
    let r = import::preview(
        &conn,
        &import::read(short.as_bytes()).unwrap(),
        &[],
        today(),
    );
    assert!(
        matches!(r, Err(import::Error::Malformed { line: 4, .. })),
        "{r:?}"
    );
    // Trailing separators (empty fields beyond the header's names) and empty values are fine.
    let fine = "Andelsnr;Navn;Telefon;\n1;Hanne Lind;;\n2;Per Holm;40334455;;\n3;Ida Dam;\n";
    let r = import::preview(&conn, &import::read(fine.as_bytes()).unwrap(), &[], today()).unwrap();
    assert_eq!((r.ownerships, r.rejected.len()), (3, 0));
}

/// Issue 12: a well-formed list of one row planned to end every other ownership, and did.
/// Ending more than half of the current ownerships now needs the board's confirmation.
#[test]
fn ending_more_than_half_of_the_ownerships_needs_confirmation() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    // A normal newer list ends two of 34: no confirmation.
    let r = import::preview(&conn, &table("ronnebaerhaven-2025.csv"), &[], today()).unwrap();
    assert_eq!((r.ended.len(), r.open_before, r.mass_end), (2, 34, false));

    let one_row =
        import::read("Andelsnr;Adresse;Navn\n1;Rønnebærvej 2;Aase Tranberg\n".as_bytes()).unwrap();
    let r = import::preview(&conn, &one_row, &[], today()).unwrap();
    assert_eq!((r.ended.len(), r.open_before, r.mass_end), (33, 34, true));
    let before = store::serialize(&conn).unwrap();
    match import::apply(&mut conn, &one_row, &[], today(), "Test", now()) {
        Err(
            e @ import::Error::MassEnd {
                ending: 33,
                open: 34,
            },
        ) => {
            assert_eq!(e.code(), ErrorCode::InvalidInput);
            assert!(e.to_string().contains("33 of the 34"), "{e}");
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        store::serialize(&conn).unwrap(),
        before,
        "a refused import changed the register"
    );
    // Exactly half is not more than half.
    assert!(!import::mass_end(17, 34) && import::mass_end(18, 34) && !import::mass_end(0, 0));

    let r =
        import::apply_confirmed(&mut conn, &one_row, &[], today(), "Test", now(), true).unwrap();
    assert!(r.applied && r.mass_end);
    assert_eq!(ownership::open(&conn).unwrap().len(), 1);
}

/// A row that was not taken (no name, a date that is none) still names its unit: the unit's
/// owners are not ended because their row could not be read.
#[test]
fn a_row_not_taken_does_not_end_its_units_owners() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    let text = std::fs::read_to_string(fixture("ronnebaerhaven.csv")).unwrap();
    let damaged = text
        .replace(";Aase Tranberg;", ";;")
        .replace(";01.08.2021;", ";31.02.2021;");
    let r = import::apply(
        &mut conn,
        &import::read(damaged.as_bytes()).unwrap(),
        &[],
        today(),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!(r.rejected.len(), 2, "{:#?}", r.rejected);
    assert!(r.ended.is_empty(), "{:#?}", r.ended);
    assert_eq!(ownership::open(&conn).unwrap().len(), 34);
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("Unit 1 ") && n.contains("row 2")),
        "{:#?}",
        r.notes
    );
}

#[test]
fn junk_files_are_refused_with_a_reason() {
    for f in ["not-a-list.png", "not-a-list.txt"] {
        let bytes = std::fs::read(fixture(f)).unwrap();
        let conn = register(Country::DK);
        let err = import::read(&bytes)
            .and_then(|t| import::preview(&conn, &t, &[], today()))
            .unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput, "{f}");
        assert!(!err.to_string().is_empty());
    }
}

#[test]
fn the_preview_changes_nothing() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    let before = store::serialize(&conn).unwrap();
    let r = import::preview(&conn, &table("ronnebaerhaven-2025.csv"), &[], today()).unwrap();
    assert!(!r.applied);
    assert_eq!(r.added.len() + r.changed.len() + r.ended.len(), 5);
    let after = store::serialize(&conn).unwrap();
    assert!(*before == *after, "the preview changed the database");
}

#[test]
fn reimporting_a_newer_list_adds_ends_and_updates() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    let r = import_file(&mut conn, "ronnebaerhaven-2025.csv");
    let who = |list: &[import::Change]| -> Vec<String> {
        list.iter().filter_map(|c| c.person.clone()).collect()
    };
    assert_eq!(who(&r.added), ["Ida Bech"]);
    assert_eq!(who(&r.ended), ["Mogens Elkjær", "Kenneth Rosendahl"]);
    assert_eq!(who(&r.changed), ["Katrine Hvidberg", "Trine Boesen"]);

    // Unit 3's history: Mogens until Ida took over, then Ida.
    let u3 = units::by_number(&conn, "3").unwrap();
    let h = ownership::of_unit(&conn, u3.id).unwrap();
    assert_eq!(h.len(), 2);
    assert_eq!(h[0].person_name, "Mogens Elkjær");
    assert_eq!(h[0].to, Some(day("2025-03-01")));
    assert_eq!(h[1].person_name, "Ida Bech");
    assert_eq!(h[1].to, None);
    // Kenneth is no longer listed and no one took over: he moved out "today".
    let kenneth = people::one_by_name(&conn, "Kenneth Rosendahl")
        .unwrap()
        .unwrap();
    assert_eq!(
        ownership::of_person(&conn, kenneth.id).unwrap()[0].to,
        Some(today())
    );
    let former: Vec<String> = people::list(&conn, today(), true)
        .unwrap()
        .into_iter()
        .map(|p| p.person.name)
        .collect();
    assert_eq!(former, ["Kenneth Rosendahl", "Mogens Elkjær"]);
    // Changed contact data is updated; contact data the list leaves empty is kept.
    let katrine = people::one_by_name(&conn, "Katrine Hvidberg")
        .unwrap()
        .unwrap();
    assert_eq!(katrine.phone.as_deref(), Some("31290399"));
    assert_eq!(katrine.email.as_deref(), Some("khvidberg@outlook.dk"));
    // Ida moved in: a name-plate draft is proposed for unit 3.
    let drafts = plates::of_unit(&conn, u3.id).unwrap();
    assert_eq!(drafts.len(), 1);
    assert_eq!(drafts[0].lines, ["Ida Bech"]);
    assert_eq!(drafts[0].status, PlateStatus::Draft);

    // The same list again changes nothing.
    let again = import_file(&mut conn, "ronnebaerhaven-2025.csv");
    assert!(again.added.is_empty() && again.changed.is_empty() && again.ended.is_empty());
}

#[test]
fn a_column_mapping_is_remembered_for_the_next_list() {
    let list =
        "Boligens nummer;Navn;Mobil\r\n1;Aase Tranberg;41438243\r\n2;Villum Sand;42786031\r\n";
    let t = import::read(list.as_bytes()).unwrap();
    let mut conn = register(Country::DK);
    let err = import::preview(&conn, &t, &[], today()).unwrap_err();
    assert!(matches!(err, import::Error::MissingColumn { .. }), "{err}");
    let mapping = [import::parse_mapping("Boligens nummer=share").unwrap()];
    assert_eq!(mapping[0].1, Field::Share);
    let r = import::apply(&mut conn, &t, &mapping, today(), "Test", now()).unwrap();
    assert_eq!(r.units, 2);
    // Next time the same column is mapped without being told.
    let r = import::preview(&conn, &t, &[], today()).unwrap();
    assert_eq!(r.columns[0].mapped_by, import::MappedBy::Remembered);
    assert_eq!(r.columns[0].field, Some(Field::Share));
    assert!(matches!(
        import::parse_mapping("Mobil=banana"),
        Err(import::Error::UnknownField(_))
    ));
    assert!(matches!(
        import::preview(&conn, &t, &[("Nope".into(), Field::Phone)], today()),
        Err(import::Error::UnknownColumn { .. })
    ));
}

#[test]
fn the_guard_keeps_national_ids_out_of_an_import() {
    let mut conn = register(Country::DK);
    let r = import_file(&mut conn, "broken.csv");
    assert_eq!(r.warnings.len(), 3, "{:#?}", r.warnings);
    assert!(r
        .warnings
        .iter()
        .any(|w| w.row == 8 && w.reason.contains("CPR")));
    assert!(people::one_by_name(&conn, "Jens Hansen").unwrap().is_some());
    let mette = people::one_by_name(&conn, "Mette Skov").unwrap().unwrap();
    assert_eq!(mette.phone, None);
    assert_eq!(mette.email, None);
    for text in every_text(&conn) {
        assert_eq!(guard::find(&text), None, "a national ID was stored: {text}");
        assert!(!text.contains("070761"));
    }
    // A Norwegian fødselsnummer and a Swedish personnummer are kept out too.
    let list = "Leil.nr;Navn;Mobil\n1;Kari Nordby 01010750160;912 34 567\n2;Per Ek;19811218-9876\n";
    // This list ends every ownership of the first: confirmed, as the guard is what is tested.
    let r = import::apply_confirmed(
        &mut conn,
        &import::read(list.as_bytes()).unwrap(),
        &[],
        today(),
        "Test",
        now(),
        true,
    )
    .unwrap();
    assert_eq!(r.warnings.len(), 2);
    for text in every_text(&conn) {
        assert_eq!(guard::find(&text), None, "a national ID was stored: {text}");
    }
}

#[test]
fn the_guard_refuses_national_ids_in_form_fields() {
    let conn = register(Country::DK);
    let e = people::add(
        &conn,
        &people::PersonFields {
            name: Some("Hanne Lind".into()),
            note: Some("cpr 070761-4285".into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap_err();
    assert_eq!(e.code(), ErrorCode::InvalidInput);
    assert!(e.to_string().contains("The note"));
    assert!(!e.to_string().contains("4285"));
    let e = organisations::add(
        &conn,
        &OrganisationFields {
            name: Some("Revisjon Nord AS".into()),
            kind: Some(OrganisationKind::Auditor),
            contact: Some("01010750160".into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap_err();
    assert!(matches!(e, organisations::Error::NationalId(_)));
    let unit = units::add(
        &conn,
        &units::UnitFields {
            number: Some("1".into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    let sub = people::find_or_add(&conn, "Lars Friis", "Test", now()).unwrap();
    let e = sublets::request(
        &conn,
        &Request {
            unit_id: unit.id,
            owner_id: None,
            subtenant_id: sub.id,
            requested_on: today(),
            reason: Some("udstationeret; cpr 811218-9876".into()),
            from: day("2026-04-01"),
            to: day("2027-03-31"),
        },
        "Test",
        now(),
    )
    .unwrap_err();
    assert!(matches!(e, sublets::Error::NationalId(_)));
    assert_eq!(sublets::count(&conn).unwrap(), 0);
    for text in every_text(&conn) {
        assert_eq!(guard::find(&text), None, "stored: {text}");
    }
}

/// A unit with an owner, ready for sublets.
fn unit_with_owner(conn: &Connection) -> (u32, u32) {
    let unit = units::add(
        conn,
        &units::UnitFields {
            number: Some("12".into()),
            address: Some("Rønnebærvej 6".into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    let owner = people::find_or_add(conn, "Benedikte af Rosenborg-Friis", "Test", now()).unwrap();
    ownership::start(
        conn,
        unit.id,
        owner.id,
        Some(day("2001-09-15")),
        false,
        today(),
        "Test",
        now(),
    )
    .unwrap();
    (unit.id, owner.id)
}

fn ask(
    conn: &Connection,
    unit: u32,
    who: &str,
    from: &str,
    to: &str,
) -> Result<sublets::Sublet, sublets::Error> {
    let sub = people::find_or_add(conn, who, "Test", now()).unwrap();
    sublets::request(
        conn,
        &Request {
            unit_id: unit,
            owner_id: None,
            subtenant_id: sub.id,
            requested_on: day("2026-01-10"),
            reason: Some("Arbejde i udlandet".into()),
            from: day(from),
            to: day(to),
        },
        "Test",
        now(),
    )
}

#[test]
fn overlapping_sublets_of_one_unit_are_refused() {
    let conn = register(Country::DK);
    let (unit, owner) = unit_with_owner(&conn);
    let first = ask(&conn, unit, "Jonas Lyng", "2026-02-01", "2026-12-31").unwrap();
    assert_eq!(first.owner_id, Some(owner));
    assert_eq!(first.status, Status::Requested);
    let e = ask(&conn, unit, "Eva Storm", "2026-12-31", "2027-06-30").unwrap_err();
    assert!(matches!(e, sublets::Error::Overlaps { other, .. } if other == first.id));
    // After the day it ends, a new period is fine.
    ask(&conn, unit, "Eva Storm", "2027-01-01", "2027-06-30").unwrap();
    // A rejected request does not block the period.
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let first = ask(&conn, unit, "Jonas Lyng", "2026-02-01", "2026-12-31").unwrap();
    sublets::decide(
        &conn,
        first.id,
        sublets::Ruling::plain(Decision::Rejected, day("2026-01-20"), None),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    ask(&conn, unit, "Eva Storm", "2026-03-01", "2026-12-31").unwrap();
    // An ended sublet counts only until the day it was ended.
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let first = ask(&conn, unit, "Jonas Lyng", "2026-01-15", "2026-12-31").unwrap();
    sublets::decide(
        &conn,
        first.id,
        sublets::Ruling::plain(Decision::Approved, day("2026-01-12"), None),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    sublets::end(&conn, first.id, day("2026-03-01"), today(), "Test", now()).unwrap();
    assert!(ask(&conn, unit, "Eva Storm", "2026-02-15", "2026-06-30").is_err());
    ask(&conn, unit, "Eva Storm", "2026-03-02", "2026-06-30").unwrap();
    // Ends before it starts.
    assert!(matches!(
        ask(&conn, unit, "Eva Storm", "2028-03-02", "2028-01-30"),
        Err(sublets::Error::EndsBeforeStart { .. })
    ));
}

/// Both adapters name the deciding board member the same way: a name given must be one person
/// (unknown and ambiguous names are refused, nothing decided); without one, the board member
/// using Andel when exactly one person has that name, else nobody.
#[test]
fn the_deciding_board_member_is_found_by_name() {
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let asked = ask(&conn, unit, "Jonas Lyng", "2026-02-01", "2026-12-31").unwrap();
    let ruling = |by| sublets::NamedRuling {
        decision: Decision::Approved,
        on: day("2026-01-20"),
        by,
        special_grounds: None,
    };
    let decide = |by, actor: &str| {
        sublets::decide_by_name(&conn, asked.id, ruling(by), today(), actor, now())
    };
    let unknown = decide(Some("Ida Holm"), "Test").unwrap_err();
    assert!(matches!(unknown, sublets::Error::UnknownDecider(ref n) if n == "Ida Holm"));
    assert_eq!(unknown.code(), ErrorCode::NotFound);
    // Two namesakes: the decider's name no longer says who decided.
    for _ in 0..2 {
        people::add(
            &conn,
            &people::PersonFields {
                name: Some("Ida Holm".into()),
                ..Default::default()
            },
            "Test",
            now(),
        )
        .unwrap();
    }
    let ambiguous = decide(Some("ida  holm"), "Test").unwrap_err();
    assert!(
        matches!(ambiguous, sublets::Error::Decider(_)),
        "{ambiguous}"
    );
    assert!(sublets::get(&conn, asked.id, today())
        .unwrap()
        .decision
        .is_none());
    // The actor's name, ambiguous here, is no reason to refuse the decision.
    let decided = decide(None, "Ida Holm").unwrap();
    assert_eq!(
        (decided.decision, decided.decided_by),
        (Some(Decision::Approved), None)
    );

    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let asked = ask(&conn, unit, "Jonas Lyng", "2026-02-01", "2026-12-31").unwrap();
    let chair = people::find_or_add(&conn, "Ida Holm", "Test", now()).unwrap();
    let decided =
        sublets::decide_by_name(&conn, asked.id, ruling(None), today(), "ida holm", now()).unwrap();
    assert_eq!(decided.decided_by, Some(chair.id));
}

#[test]
fn the_maximum_period_is_a_setting_with_a_country_default() {
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    assert_eq!(sublets::max_months(&conn).unwrap(), 24);
    let ok = ask(&conn, unit, "Jonas Lyng", "2026-04-01", "2028-03-31").unwrap();
    assert!(ok
        .warnings
        .iter()
        .all(|w| !matches!(w, Warning::TooLong { .. })));
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let long = ask(&conn, unit, "Jonas Lyng", "2026-04-01", "2028-09-30").unwrap();
    assert!(long.warnings.contains(&Warning::TooLong {
        months: 30,
        max_months: 24
    }));
    sublets::set_max_months(&conn, 36, "Test", now()).unwrap();
    let s = sublets::get(&conn, long.id, today()).unwrap();
    assert!(s.warnings.is_empty(), "{:?}", s.warnings);
    assert!(sublets::set_max_months(&conn, 0, "Test", now()).is_err());
    let rule = sublets::max_rule(&conn).unwrap();
    assert!(rule.set_by_board && rule.months == 36 && rule.country == Country::DK);
    // Back to the default: labelled as a default, with its source.
    sublets::reset_max_months(&conn, "Test", now()).unwrap();
    let rule = sublets::max_rule(&conn).unwrap();
    assert!(!rule.set_by_board && rule.months == 24);
    assert!(rule.default_source.contains("ABF's model statutes § 11"));
    assert!(!sublets::get(&conn, long.id, today())
        .unwrap()
        .warnings
        .is_empty());
    assert_eq!(sublets::max_months(&register(Country::NO)).unwrap(), 36);
    assert_eq!(sublets::max_months(&register(Country::SE)).unwrap(), 12);
}

#[test]
fn a_norwegian_sublet_on_special_grounds_is_not_too_long_anywhere() {
    let conn = register(Country::NO);
    let (unit, _) = unit_with_owner(&conn);
    // Five years: past § 5-5's three years and the default maximum.
    let long = ask(&conn, unit, "Ola Nordmann", "2026-04-01", "2031-03-31").unwrap();
    assert!(long
        .warnings
        .iter()
        .any(|w| matches!(w, Warning::TooLong { max_months: 36, .. })));
    // Special grounds belong to an approval, not a rejection.
    let refused = sublets::decide(
        &conn,
        long.id,
        sublets::Ruling {
            special_grounds: Some(sublets::SpecialGrounds::Absence),
            ..sublets::Ruling::plain(Decision::Rejected, day("2026-03-01"), None)
        },
        today(),
        "Test",
        now(),
    )
    .unwrap_err();
    assert_eq!(refused.code(), ErrorCode::InvalidInput);
    let approved = sublets::decide(
        &conn,
        long.id,
        sublets::Ruling {
            special_grounds: Some(sublets::SpecialGrounds::Absence),
            ..sublets::Ruling::plain(Decision::Approved, day("2026-03-01"), None)
        },
        today(),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!(
        approved.special_grounds,
        Some(sublets::SpecialGrounds::Absence)
    );
    assert!(approved.warnings.is_empty(), "{:?}", approved.warnings);
    // A board maximum below the period does not make it too long either.
    sublets::set_max_months(&conn, 12, "Test", now()).unwrap();
    let o = overview::overview(&conn, day("2027-01-10")).unwrap();
    assert!(o.too_long.is_empty(), "{:?}", o.too_long);

    // The same period approved on no special grounds is flagged, in the list and the overview.
    let other = units::add(
        &conn,
        &units::UnitFields {
            number: Some("B-2".into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    let plain = ask(&conn, other.id, "Kari Nordmann", "2026-04-01", "2031-03-31").unwrap();
    sublets::decide(
        &conn,
        plain.id,
        sublets::Ruling::plain(Decision::Approved, day("2026-03-01"), None),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    let o = overview::overview(&conn, day("2027-01-10")).unwrap();
    assert_eq!(
        o.too_long.iter().map(|s| s.id).collect::<Vec<_>>(),
        [plain.id]
    );
    assert!(!o.is_clear());

    // The grounds survive saving and opening the archive (migration 10's column).
    let bytes = store::serialize(&conn).unwrap();
    let back = store::load(&bytes).unwrap();
    let reread = sublets::get(&back, long.id, today()).unwrap();
    assert_eq!(
        reread.special_grounds,
        Some(sublets::SpecialGrounds::Absence)
    );

    // Only borettslagsloven has special grounds: a Danish board's limit is its statutes'.
    let dk = register(Country::DK);
    let (unit, _) = unit_with_owner(&dk);
    let s = ask(&dk, unit, "Jonas Lyng", "2026-04-01", "2031-03-31").unwrap();
    let e = sublets::decide(
        &dk,
        s.id,
        sublets::Ruling {
            special_grounds: Some(sublets::SpecialGrounds::Relative),
            ..sublets::Ruling::plain(Decision::Approved, day("2026-03-01"), None)
        },
        today(),
        "Test",
        now(),
    )
    .unwrap_err();
    assert!(
        e.to_string().contains("only for a Norwegian borettslag"),
        "{e}"
    );
    assert_eq!(sublets::get(&dk, s.id, today()).unwrap().decision, None);
}

#[test]
fn sublet_life_cycle_and_warnings_on_a_fixed_day() {
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let chair = people::find_or_add(&conn, "Katrine Hvidberg", "Test", now()).unwrap();
    roles::add(
        &conn,
        chair.id,
        roles::RoleKind::Chair,
        Some(day("2024-04-20")),
        None,
        "Test",
        now(),
    )
    .unwrap();
    let s = ask(&conn, unit, "Jonas Lyng", "2025-04-01", "2026-04-01").unwrap();
    let s = sublets::decide(
        &conn,
        s.id,
        sublets::Ruling::plain(Decision::Approved, day("2025-03-10"), Some(chair.id)),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!(s.decided_by_name.as_deref(), Some("Katrine Hvidberg"));
    assert_eq!(s.status, Status::Active);
    assert_eq!(s.warnings, [Warning::EndsSoon { days: 18 }]);
    // Deciding twice is refused.
    assert!(matches!(
        sublets::decide(
            &conn,
            s.id,
            sublets::Ruling::plain(Decision::Rejected, today(), None),
            today(),
            "Test",
            now()
        ),
        Err(sublets::Error::AlreadyDecided { .. })
    ));
    // Approval proposed a name plate for the subtenant.
    let drafts = plates::of_unit(&conn, unit).unwrap();
    assert_eq!(drafts[0].lines, ["Jonas Lyng"]);
    assert_eq!(
        drafts[0].cause.as_deref(),
        Some(format!("sublet:{}", s.id).as_str())
    );
    // Two weeks after its end, nobody has closed it.
    let later = sublets::get(&conn, s.id, day("2026-04-15")).unwrap();
    assert_eq!(
        later.warnings,
        [Warning::Overdue {
            since: day("2026-04-01")
        }]
    );
    let o = overview::overview(&conn, day("2026-04-15")).unwrap();
    assert_eq!(o.overdue.len(), 1);
    assert!(o.ending_soon.is_empty());
    // Closed: no more warnings; the subtenant becomes former.
    let ended = sublets::end(
        &conn,
        s.id,
        day("2026-04-02"),
        day("2026-04-15"),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!(ended.status, Status::Ended);
    assert!(ended.warnings.is_empty());
    assert!(matches!(
        sublets::end(&conn, s.id, day("2026-04-03"), today(), "Test", now()),
        Err(sublets::Error::AlreadyEnded { .. })
    ));
    let page = pages::person(&conn, s.subtenant_id, day("2026-04-15")).unwrap();
    assert_eq!(page.standing, people::Standing::Former);
    assert_eq!(page.sublets.len(), 1);
    // A request awaiting a decision cannot be ended.
    let pending = ask(&conn, unit, "Eva Storm", "2026-06-01", "2026-12-31").unwrap();
    assert!(matches!(
        sublets::end(&conn, pending.id, today(), today(), "Test", now()),
        Err(sublets::Error::NotApproved(_))
    ));
}

#[test]
fn the_overview_lists_what_needs_attention() {
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    ask(&conn, unit, "Jonas Lyng", "2026-05-01", "2026-10-31").unwrap();
    let caretaker = organisations::add(
        &conn,
        &OrganisationFields {
            name: Some("Roskilde Ejendomsservice ApS".into()),
            kind: Some(OrganisationKind::Caretaker),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    let a = plates::add(
        &conn,
        unit,
        &["Benedikte Friis".into()],
        &[],
        today(),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    let b = plates::add(
        &conn,
        unit,
        &["B. Friis".into()],
        &[],
        today(),
        today(),
        "Test",
        now(),
    )
    .unwrap();
    plates::mark_sent(&conn, b.id, Some(caretaker.id), today(), "Test", now()).unwrap();
    let o = overview::overview(&conn, today()).unwrap();
    assert_eq!(o.awaiting_decision.len(), 1);
    assert_eq!(
        o.plates_not_sent.iter().map(|p| p.id).collect::<Vec<_>>(),
        [a.id]
    );
    assert_eq!(
        o.plates_not_mounted
            .iter()
            .map(|p| p.id)
            .collect::<Vec<_>>(),
        [b.id]
    );
    assert_eq!(
        o.plates_not_mounted[0].sent_to_name.as_deref(),
        Some("Roskilde Ejendomsservice ApS")
    );
    assert!(!o.is_clear());
}

/// Issue 17, item 7: the caretaker's order shows the day each order was made (given with
/// `plates add --on`), in the letter's language, besides the letter's own date.
#[test]
fn the_caretakers_order_shows_the_day_each_order_was_made() {
    use andel_core::document::Lang;
    use andel_core::register::plates_order;
    let conn = register(Country::DK);
    let (unit, _) = unit_with_owner(&conn);
    let made = day("2026-02-27");
    plates::add(
        &conn,
        unit,
        &["Benedikte Friis".into()],
        &[],
        made,
        today(),
        "Test",
        now(),
    )
    .unwrap();
    for (lang, header, made_text) in [
        (Lang::Da, "Bestilt", "27. februar 2026"),
        (Lang::Nb, "Bestilt", "27. februar 2026"),
        (Lang::Sv, "Beställd", "27 februari 2026"),
        (Lang::En, "Ordered", "27 February 2026"),
    ] {
        let doc = plates_order::document(&conn, &[], lang, today(), now()).unwrap();
        let text = doc.plain_text();
        let row = text
            .lines()
            .find(|l| l.contains("Benedikte Friis"))
            .unwrap_or_else(|| panic!("{}: no row for the order\n{text}", lang.code()));
        assert!(row.contains(made_text), "{}: {row}", lang.code());
        assert!(
            text.lines().any(|l| l.contains(header) && l.contains('|')),
            "{}: no column for the day\n{text}",
            lang.code()
        );
        // The letter itself is dated today, not the day the order was made.
        assert!(text.contains(&lang.long_date(today())), "{text}");
        assert_ne!(lang.long_date(today()), made_text);
    }
}

#[test]
fn every_change_is_in_the_audit_trail_without_personal_values() {
    let mut conn = register(Country::DK);
    import_file(&mut conn, "ronnebaerhaven.csv");
    import_file(&mut conn, "ronnebaerhaven-2025.csv");
    let log = andel_core::audit::recent(&conn, 1000).unwrap();
    for action in [
        "unit.add",
        "person.add",
        "ownership.start",
        "ownership.end",
        "person.update",
        "import.residents",
    ] {
        assert!(log.iter().any(|e| e.action == action), "{action} missing");
    }
    let all_names = names(&conn);
    for e in &log {
        let subject = e.subject.clone().unwrap_or_default();
        for n in &all_names {
            assert!(!subject.contains(n.as_str()), "{subject} names {n}");
        }
        assert!(!subject.contains('@'));
    }
}

#[test]
fn an_archive_of_schema_2_gains_the_register() {
    let mut conn = store::create_at_version(2).unwrap();
    association::create(&conn, "Elvebakken Borettslag", Country::NO, now()).unwrap();
    assert!(store::migrate(&mut conn).unwrap());
    assert_eq!(units::count(&conn).unwrap(), 0);
    import_file(&mut conn, "elvebakken.csv");
    assert_eq!(units::count(&conn).unwrap(), 28);
}

#[test]
fn flat_numbers_that_repeat_between_staircases_stay_separate_units() {
    let list = "Leilighet;Adresse;Eier\n\
                H0101;Elvebakken 3;Tor-Arne Isaksen\n\
                H0101;Elvebakken 5;Åshild Bakkevoll\n\
                H0102;Elvebakken 5;Petter Giæver\n\
                H0102;Elvebakken 5;Mari Giæver\n";
    let mut conn = register(Country::NO);
    let r = import::apply(
        &mut conn,
        &import::read(list.as_bytes()).unwrap(),
        &[],
        today(),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!((r.units, r.ownerships), (3, 4));
    assert!(units::find(&conn, "Elvebakken 3 H0101").unwrap().is_some());
    assert!(units::find(&conn, "Elvebakken 5 H0101").unwrap().is_some());
    let u = units::by_number(&conn, "H0102").unwrap();
    let page = pages::unit(&conn, u.id, today()).unwrap();
    assert_eq!(page.ownerships.len(), 2);
    assert!(page.sublets.is_empty() && page.plates.is_empty());
}

/// Regression (a share number that restarts in each building): a Swedish brf's list keyed by the tax
/// agency's flat numbers, which start again at "1001" in every building, filed the second building's
/// residents under the first building's flats, and the second building's street address then looked
/// like one home. A number the list gives at two addresses is a unit only with its address.
#[test]
fn regression_share_numbers_that_restart_in_each_building() {
    let list = "Skv nr;Adress;Namn\n\
                1001;Klockargatan 2;Aina Sjöberg\n\
                1101;Klockargatan 2;Bertil Ruus\n\
                1001;Smedjegatan 9;Cecilia Vall\n\
                1101;Smedjegatan 9;David Ek\n\
                1101;Smedjegatan 9;Ebba Ek\n\
                1201;Smedjegatan 9;Frida Lod\n";
    let mut conn = register(Country::SE);
    let r = import::apply(
        &mut conn,
        &import::read(list.as_bytes()).unwrap(),
        &[("Skv nr".to_string(), Field::Share)],
        today(),
        "Test",
        now(),
    )
    .unwrap();
    assert_eq!((r.units, r.ownerships), (5, 6));
    assert!(units::find(&conn, "Klockargatan 2 1001").unwrap().is_some());
    assert!(units::find(&conn, "Smedjegatan 9 1001").unwrap().is_some());
    // A number given at one address only keeps its own name.
    let u = units::by_number(&conn, "1201").unwrap();
    assert_eq!(u.address.as_deref(), Some("Smedjegatan 9"));
}

mod properties {
    //! Whatever a file or a form holds, the register's readers neither panic nor let a
    //! national ID through.

    use proptest::prelude::*;

    use super::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn reading_any_bytes_never_panics(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let conn = register(Country::DK);
            if let Ok(t) = import::read(&bytes) {
                let _ = import::preview(&conn, &t, &[], today());
            }
        }

        #[test]
        fn removing_national_ids_leaves_none(
            before in "[A-Za-zæøå ,()]{0,12}",
            id in prop_oneof![
                "[0-3][0-9][01][0-9][0-9]{2}-[0-9]{4}",
                "[0-3][0-9][01][0-9][0-9]{2}[0-9]{5}",
                "(19|20)[0-9]{2}[01][0-9][0-3][0-9]-[0-9]{4}",
            ],
            after in "[A-Za-zæøå ,()]{0,12}",
        ) {
            let text = format!("{before} {id} {after}");
            let (rest, _) = guard::remove(&text);
            prop_assert_eq!(guard::find(&rest), None, "{} left {}", text, rest);
        }

        #[test]
        fn a_listed_national_id_never_reaches_the_register(
            day in 1u32..=28, month in 1u32..=12, year in 0u32..=99, serial in 0u32..=9999,
        ) {
            let cpr = format!("{day:02}{month:02}{year:02}-{serial:04}");
            let list = format!("Andelsnr;Navn;Telefon\n1;Hanne Lind;{cpr}\n2;Ole Dam {cpr};12345678\n");
            let mut conn = register(Country::DK);
            let r = import::apply(&mut conn, &import::read(list.as_bytes()).unwrap(), &[], today(), "Test", now()).unwrap();
            prop_assert_eq!(r.warnings.len(), 2);
            for text in every_text(&conn) {
                prop_assert!(!text.contains(&cpr), "stored {}", text);
            }
        }

        #[test]
        fn names_in_one_cell_are_never_lost(a in "[A-ZÆØÅ][a-zæøå]{1,8}", b in "[A-ZÆØÅ][a-zæøå]{1,8}", s in "[A-ZÆØÅ][a-zæøå]{2,10}", joiner in prop_oneof!["og", "och", "&", "and"]) {
            // A name that is itself a joiner word ("Og", "And") is not a name these lists hold.
            let joiners = ["og", "och", "and"];
            prop_assume!([&a, &b, &s].iter().all(|w| !joiners.contains(&w.to_lowercase().as_str())));
            let cell = format!("{a} {s} {joiner} {b} {s}");
            let names = import::values::names(&cell);
            prop_assert_eq!(names, vec![format!("{a} {s}"), format!("{b} {s}")]);
        }
    }
}

/// Regression (units as houses): a list of row houses that heads its addresses with a word no list
/// of column names holds ("Hus", "Bolig") beside a recognised share number lost every address, so
/// the register knew no house and "Kirsebærvej 7" in the minutes stayed. A column of street
/// addresses on a few streets, in nearly every row, is read as the address and the import says so.
#[test]
fn regression_an_unknown_column_of_street_addresses_is_the_units_address() {
    let mut conn = register(Country::DK);
    let list = import::read(
        "Nr;Hus;Andelshaver;Bemærkning\n\
         1;Kirsebærvej 1;Lone Vindahl;\n\
         2;Kirsebærvej 3;Per Ask;Fremlejet 2024\n\
         3;Kirsebærvej 5 A;Ida Brink;\n\
         4;Blommestien 2;Ole Sand;Solgt 2025\n\
         5;Blommestien 4;Asta Holm;\n"
            .as_bytes(),
    )
    .unwrap();
    let columns = import::columns(&conn, &list, &[]).unwrap();
    let fields: Vec<_> = columns
        .iter()
        .map(|c| (c.header.as_str(), c.field))
        .collect();
    assert_eq!(
        fields,
        [
            ("Nr", Some(Field::Share)),
            ("Hus", Some(Field::Address)),
            ("Andelshaver", Some(Field::Name)),
            ("Bemærkning", None),
        ]
    );
    let preview = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        preview
            .notes
            .iter()
            .any(|n| n.contains("\"Hus\" holds street addresses")),
        "{:?}",
        preview.notes
    );
    assert_eq!(
        units::by_number(&conn, "3").unwrap().address.as_deref(),
        Some("Kirsebærvej 5 A")
    );
    // The board's own choice wins: a column it leaves out stays out.
    let mapping = [("Hus".to_string(), Field::Ignore)];
    assert_eq!(
        import::columns(&conn, &list, &mapping).unwrap()[1].field,
        None
    );
}

/// Regression (a block's flats as one home): a list of a block of flats whose flat codes stand under a
/// name no list of column names held (Nynorsk "Bustadnr", here "Husvære") was read by its address alone, so the six
/// flats of each entrance became one unit with six owners, and the block's address ("the meeting
/// room in Kvernlivegen 4", "drainage round Kvernlivegen 2 og 4") was taken for a resident's home
/// wherever it stood. A column of flat codes that tells apart the rows at one address is read as the
/// flat number, and the import says so.
#[test]
fn regression_an_unknown_column_of_flat_codes_made_a_block_one_home() {
    let mut conn = register(Country::NO);
    let mut list = String::from("Husvære;Adresse;Namn;Mobil\n");
    for (i, name) in [
        "Ingrid Haugland",
        "Olav Rykkje",
        "Synnøve Tvinde",
        "Nils Hæve",
        "Aud Lirhus",
        "Per Lekve",
        "Liv Bjørgo",
        "Tor Mjelde",
    ]
    .iter()
    .enumerate()
    {
        let code = ["H0101", "H0102", "H0201", "H0202"][i % 4];
        let house = 2 + 2 * (i / 4);
        list.push_str(&format!("{code};Kvernlivegen {house};{name};45200{i:03}\n"));
    }
    let list = import::read(list.as_bytes()).unwrap();
    assert_eq!(
        import::columns(&conn, &list, &[]).unwrap()[0].field,
        Some(Field::Flat)
    );
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("\"Husvære\" tells apart the flats")),
        "{:?}",
        report.notes
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let units: std::collections::HashSet<_> = ctx
        .residents
        .iter()
        .filter_map(|r| r.unit.clone())
        .collect();
    assert_eq!(units.len(), 8, "{units:?}");
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Drenering rundt Kvernlivegen 2 og 4 er ferdig. Møterommet i Kvernlivegen 4 er pussa opp. Nils Hæve har fått løyve.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(found, ["Nils Hæve"]);
}

/// Regression (units as houses, the street and the house number in columns of their own): a list of
/// row houses that gives the street ("Vej") and the house number ("Nr.") apart had no address the
/// register could read, so the association's houses were unknown and "Mosevej 5", "TØRVEVEJ 6" and
/// "nr. 7" in the minutes stayed. The two columns are read together as the address, and the import
/// says so.
#[test]
fn regression_a_street_and_its_house_numbers_in_columns_of_their_own() {
    let mut conn = register(Country::DK);
    let list = import::read(
        "Vej;Nr.;Andelshaver;Tlf.\n\
         Mosevej;1;Hanne Kjærgaard;21436587\n\
         Mosevej;3;Poul Dyrberg;22314066\n\
         Mosevej;5;Karsten Ulvsgaard;40125531\n\
         Mosevej;7;Bente Lykkegaard;28610247\n\
         Tørvevej;4;Dorthe Mølgaard;23551009\n\
         Tørvevej;6;Niels Bjerrum;26448170\n"
            .as_bytes(),
    )
    .unwrap();
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("\"Vej\" and \"Nr.\" hold the street and the house number")),
        "{:?}",
        report.notes
    );
    assert_eq!(
        units::by_number(&conn, "5").unwrap().address.as_deref(),
        Some("Mosevej 5")
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Tagrenden på Mosevej 5 er utæt. TØRVEVEJ 6 er solgt. Hækken ved nr. 7 klippes. Vejen Mosevej fejes.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(found, ["Mosevej 5", "TØRVEVEJ 6", "nr. 7"]);
}

/// Regression (units as houses, grouped by path, dev set 30): a row-house association's list that gives
/// each house's number ("Hus nr") and the path it lies on ("Sti A") but not the street read the path as
/// the street, so the houses were "Sti A 2" and the minutes' "Kløverengen 26", "nr. 16" and "i 44:"
/// stayed. The path is no street; the numbers are the houses' addresses, on the street the
/// association is named after; the import says so.
#[test]
fn regression_row_houses_by_number_and_path_lie_on_the_associations_street() {
    let conn = store::create().unwrap();
    association::create(&conn, "A/B Kløverengen", Country::DK, now()).unwrap();
    let mut conn = conn;
    let list = import::read(
        "Hus nr;Sti;Navn;Tlf;Andel nr\n\
         2;Sti A;Hanne Kjærgaard;21436587;1\n\
         4;Sti A;Poul Dyrberg;22314066;2\n\
         16;Sti B;Karsten Ulvsgaard;40125531;8\n\
         26;Sti C;Bente Lykkegaard;28610247;13\n\
         44;Sti D;Niels Bjerrum;26448170;22\n"
            .as_bytes(),
    )
    .unwrap();
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("\"Hus nr\" holds house numbers without a street")),
        "{:?}",
        report.notes
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Klage fra Kløverengen 26 om kloakken ved nr. 16. Ladeboks hos Niels i 44: han har sendt en tegning. Legepladsen ved Sti D er malet.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(found, ["Kløverengen 26", "nr. 16", "Niels", "44"]);
}

/// Regression (an old building with lettered houses and a back building, dev set 30): a list headed
/// "Lejl." | "Adresse" | "Beboer" stopped the import with its question, and once imported, the
/// minutes' "21C, 2. sal", "21 B, 1. sal" and "21C 2.sal" (the house and floor without the street) and
/// "øverste etage i baghuset" stayed. The register's homes by house and floor go.
#[test]
fn regression_a_lettered_house_and_its_floor_without_the_street() {
    let mut conn = register(Country::DK);
    let list = import::read(
        "Lejl.;Adresse;Beboer;Tlf.\n\
         1;Humlegade 21, st.;Hanne Kjærgaard;21436587\n\
         2;Humlegade 21B, 1.;Poul Dyrberg;22314066\n\
         3;Humlegade 21C (baghuset), 1.;Karsten Ulvsgaard;40125531\n\
         4;Humlegade 21C (baghuset), 2.;Bente Lykkegaard;28610247\n"
            .as_bytes(),
    )
    .unwrap();
    import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert_eq!(
        units::by_number(&conn, "4").unwrap().address.as_deref(),
        Some("Humlegade 21C (baghuset), 2.")
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Taget over 21C, 2. sal er råddent. Forslag fra 21 B, 1. sal: fast vicevært.\nHilsen\n21C 2.sal\nMail fra øverste etage i baghuset. Baghuset mangler en flugtvej fra 2. sal. Mødet den 21, 1. maj.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(
        found,
        [
            "21C, 2. sal",
            "21 B, 1. sal",
            "21C 2.sal",
            "øverste etage i baghuset"
        ]
    );
}

/// Regression (units as houses, the unit column that is the address): a list of row houses whose only
/// unit column holds each house's address under the name of a flat or share number ("Bolig nr",
/// "Lejlighed", "Andel": "Lisletta 4") gave the units no address, so the association's houses were
/// unknown and "Lisletta 4", "LISLETTA 10" and "nr. 8" in the minutes stayed. The column's values are
/// the units' addresses too, and the import says so.
#[test]
fn regression_a_unit_column_that_holds_the_houses_addresses() {
    let mut conn = register(Country::NO);
    let list = import::read(
        "Bolig nr;Eier;Mobil\n\
         Lisletta 2;Kari Hovde;91730001\n\
         Lisletta 4;Odd Rekdal;91730002\n\
         Lisletta 6;Berit Oma;91730003\n\
         Lisletta 8;Geir Dyrnes;91730004\n\
         Lisletta 10;Inga Skeie;91730005\n"
            .as_bytes(),
    )
    .unwrap();
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("\"Bolig nr\" holds street addresses")),
        "{:?}",
        report.notes
    );
    assert_eq!(
        units::by_number(&conn, "Lisletta 4")
            .unwrap()
            .address
            .as_deref(),
        Some("Lisletta 4")
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Taket på Lisletta 4 lekker. Hekken ved nr. 8 er for høy. LISLETTA 10 er solgt. Veien Lisletta brøytes.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(found, ["Lisletta 4", "nr. 8", "LISLETTA 10"]);
}

/// Regression (a further owner on a row of their own): a list that puts a unit's second owner on the
/// row under it with the unit's cells left empty (a merged cell in the spreadsheet) refused that row
/// ("no share number, flat number or address"), so the register lacked the person: their name, phone
/// and e-mail were no resident's. The row is read as a further owner of the unit above and the
/// import says so; headings, totals and notes under a unit, a name after an empty row and a name
/// under a unit that has no owner of its own (`broken.csv`) are not.
#[test]
fn regression_a_further_owner_on_the_row_under_the_unit() {
    let mut conn = register(Country::SE);
    let list = import::read(
        "Lgh nr;Adress;Namn;Telefon\n\
         1;Ekvägen 2;Anna Sundkvist;070-300 00 01\n\
         ;;Lars Sundkvist;070-300 00 02\n\
         2;Ekvägen 4;Berit Holmlund;070-300 00 03\n\
         ;;Obs: andrahand 2025;\n\
         3;Ekvägen 6;Kjell Öhrn;070-300 00 04\n\
         ;;Maja Öhrn;\n\
         ;;Nils Öhrn;\n\
         ;;;\n\
         ;;Gun Berg;\n\
         ;;Summa 3 lägenheter;\n"
            .as_bytes(),
    )
    .unwrap();
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("Rows 3, 7, 8 give no unit: read as a further owner")),
        "{:?}",
        report.notes
    );
    let owners = |number: &str| {
        let unit = units::by_number(&conn, number).unwrap();
        let mut names: Vec<String> = ownership::of_unit(&conn, unit.id)
            .unwrap()
            .into_iter()
            .map(|o| people::get(&conn, o.person_id).unwrap().name)
            .collect();
        names.sort();
        names
    };
    assert_eq!(owners("1"), ["Anna Sundkvist", "Lars Sundkvist"]);
    assert_eq!(owners("2"), ["Berit Holmlund"]);
    assert_eq!(owners("3"), ["Kjell Öhrn", "Maja Öhrn", "Nils Öhrn"]);
    let names: Vec<String> = people::all(&conn)
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("Gun") || n.contains("Obs") || n.contains("Summa")),
        "{names:?}"
    );
}

/// Regression (a further owner who repeats only the address): a list of row houses that gives a
/// house's second owner a row of their own with the house's address but not its share number made
/// that row a unit of its own named by the address, so the house had two units and was no house the
/// register knew: "Hegglia 2" and "nr. 6" in the minutes stayed. Such a row right under its house's
/// row is read as a further owner of that unit; a row at another floor of a block is a unit of its
/// own.
#[test]
fn regression_a_further_owner_repeating_only_the_address_split_a_house() {
    let mut conn = register(Country::NO);
    let list = import::read(
        "Andelsnr;Adresse;Etasje;Eier\n\
         1;Hegglia 2;;Kari Hovde\n\
         ;Hegglia 2;;Ola Hovde\n\
         2;Hegglia 4;;Odd Rekdal\n\
         3;Hegglia 6;;Berit Oma\n\
         ;Hegglia 6;;Tor Oma\n\
         4;Lindeveien 5;1;Siv Moe\n\
         ;Lindeveien 5;2;Per Ås\n"
            .as_bytes(),
    )
    .unwrap();
    let report = import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert!(
        report
            .notes
            .iter()
            .any(|n| n.contains("Rows 3, 6 give no unit")),
        "{:?}",
        report.notes
    );
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let units: std::collections::BTreeSet<_> = ctx
        .residents
        .iter()
        .filter_map(|r| r.unit.clone())
        .collect();
    assert_eq!(
        units.into_iter().collect::<Vec<_>>(),
        ["1", "2", "3", "4", "Lindeveien 5 2"]
    );
    let detector = andel_core::redact::Detector::new(Some(&ctx));
    let text = "Taket på Hegglia 2 lekker. Hekken ved nr. 6 er for høy.";
    let found: Vec<String> = detector
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert_eq!(found, ["Hegglia 2", "nr. 6"]);
}

/// What is not a column of addresses: remarks with a number ("Fremlejet 2024"), years after a month
/// ("mars 1999"), addresses on as many streets as rows (a list of people from anywhere, not the
/// association's houses), a column half empty, and any column when the list has an address column.
#[test]
fn columns_that_are_not_the_units_addresses_stay_unread() {
    let conn = register(Country::NO);
    let unread = |list: &str, header: &str| {
        let list = import::read(list.as_bytes()).unwrap();
        let columns = import::columns(&conn, &list, &[]).unwrap();
        columns.iter().find(|c| c.header == header).unwrap().field
    };
    let remarks = "Leil.nr;Eier;Merknad\n1;Ola Lie;Fremleid 2024\n2;Kari Dal;Solgt 2025\n3;Per Ås;Fremleid 2023\n4;Siv Moe;Solgt 2021\n";
    assert_eq!(unread(remarks, "Merknad"), None);
    let months = "Leil.nr;Eier;Kom\n1;Ola Lie;mars 1999\n2;Kari Dal;mars 2001\n3;Per Ås;mai 2010\n4;Siv Moe;mai 2011\n";
    assert_eq!(unread(months, "Kom"), None);
    let anywhere = "Leil.nr;Eier;Tidligere\n1;Ola Lie;Storgata 1\n2;Kari Dal;Elvegata 4\n3;Per Ås;Fjordvegen 9\n4;Siv Moe;Kirkeveien 2\n";
    assert_eq!(unread(anywhere, "Tidligere"), None);
    let sparse = "Leil.nr;Eier;Hus\n1;Ola Lie;Lia 1\n2;Kari Dal;\n3;Per Ås;\n4;Siv Moe;Lia 7\n";
    assert_eq!(unread(sparse, "Hus"), None);
    let both = "Leil.nr;Adresse;Eier;Hus\n1;Lia 1;Ola Lie;Lia 1\n2;Lia 3;Kari Dal;Lia 3\n3;Lia 5;Per Ås;Lia 5\n";
    assert_eq!(unread(both, "Hus"), None);
}

/// The import wizard shows the columns even when Andel does not recognise the owners' column, so
/// the board can say which column holds the names; with that choice the preview follows.
#[test]
fn columns_are_known_before_the_mapping_allows_a_preview() {
    let conn = register(Country::DK);
    let list =
        import::read("Andelsnr;Adresse;Husstand\n1;Rønnebærvej 2;Aase Tranberg\n".as_bytes())
            .unwrap();
    assert!(matches!(
        import::preview(&conn, &list, &[], today()),
        Err(import::Error::MissingColumn { .. })
    ));
    let columns = import::columns(&conn, &list, &[]).unwrap();
    let fields: Vec<_> = columns
        .iter()
        .map(|c| (c.header.as_str(), c.field))
        .collect();
    assert_eq!(
        fields,
        [
            ("Andelsnr", Some(Field::Share)),
            ("Adresse", Some(Field::Address)),
            ("Husstand", None)
        ]
    );
    let mapping = [("Husstand".to_string(), Field::Name)];
    let preview = import::preview(&conn, &list, &mapping, today()).unwrap();
    assert_eq!(preview.added.len(), 1);
    assert_eq!(
        import::columns(&conn, &list, &mapping).unwrap()[2].field,
        Some(Field::Name)
    );
}

/// Regression (class: a flat column that holds the floor and side, "Lejl.: 1. sal", beside the share
/// number, was read as flat numbers and the floor lost; the register knew "Street 22" only, and "Tove fra
/// 22, 1. sal" in the minutes stayed). Invented list.
#[test]
fn regression_a_flat_column_of_floors_beside_the_share_is_the_floor() {
    let list = "Andelsnr.;Adresse;Lejl.;Andelshaver\r\n\
                21;Bøgelundsvej 20;st. tv.;Ruth Dam\r\n\
                22;Bøgelundsvej 22;1. sal;Tove Kjær\r\n\
                23;Bøgelundsvej 22;2. th.;Ib Lund\r\n";
    let mut conn = register(Country::DK);
    let t = import::read(list.as_bytes()).unwrap();
    import::apply(&mut conn, &t, &[], today(), "Test", now()).unwrap();
    for (share, floor) in [("21", "st. tv."), ("22", "1. sal"), ("23", "2. th.")] {
        let u = units::by_number(&conn, share).unwrap();
        assert_eq!(u.floor_side.as_deref(), Some(floor), "{share}");
    }
}

/// An association named `name` in `country` whose record gives `address`.
fn register_at(name: &str, country: Country, address: &str) -> Connection {
    let conn = store::create().unwrap();
    association::create(&conn, name, country, now()).unwrap();
    association::update(
        &conn,
        &association::AssociationChanges {
            address: Some(address.into()),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    conn
}

/// What `text` loses with the register of `conn` loaded.
fn redacted(conn: &Connection, text: &str) -> Vec<String> {
    let ctx = andel_core::minutes::redaction_context(conn, None).unwrap();
    andel_core::redact::Detector::new(Some(&ctx))
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == andel_core::redact::Decision::Redact)
        .map(|f| f.text)
        .collect()
}

/// Regression (units as houses, the house number alone in the address column, dev set 44): a list
/// of row houses whose "Hus" column holds the number only ("22"), in an association named after
/// something else than its street, made the houses "22"; the street the rule read from the name
/// ("Brf Tranbäret") was no street at all, so "Tranbärsvägen 22" stayed. The number is read on the
/// street of the association's address where that gives the houses' range ("Tranbärsvägen 1–37");
/// an address with one number is a building of flats, whose numbers stay theirs
/// ("Måsgatan 14" stays where the flats are 1 to 18).
#[test]
fn regression_house_numbers_alone_lie_on_the_street_of_the_associations_range() {
    let mut conn = register_at(
        "Bostadsrättsföreningen Tranbäret",
        Country::SE,
        "Tranbärsvägen 1–37, 434 47 Kungsbacka",
    );
    let list = import::read(
        "Hus;Lgh nr (SKV);Namn;Telefon\n\
         3;1003;Sture Vinblad;0300-120 11\n\
         5;1005;Majvor Edling;0300-120 12\n\
         22;1022;Kjell Annerud;0300-120 13\n\
         24;1024;Gun Pettersén;0300-120 14\n"
            .as_bytes(),
    )
    .unwrap();
    import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert_eq!(
        redacted(
            &conn,
            "Motion från Tranbärsvägen 22 om laddboxar. Vägen Tranbärsvägen sandas i januari."
        ),
        ["Tranbärsvägen 22"]
    );

    let mut conn = register_at(
        "Bostadsrättsföreningen Ejdern 3",
        Country::SE,
        "Måsgatan 14, 413 07 Göteborg",
    );
    let mut list = String::from("Lgh;Våning;Namn\n");
    for (i, name) in ["Ebbe Lind", "Rut Vallin", "Ola Sandér", "Siv Krok"]
        .iter()
        .enumerate()
    {
        list.push_str(&format!("{};{};{name}\n", 12 + i, i / 2 + 1));
    }
    let list = import::read(list.as_bytes()).unwrap();
    import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert_eq!(
        redacted(
            &conn,
            "Post till styrelsen skickas till Måsgatan 14 i Göteborg."
        ),
        Vec::<String>::new()
    );
}

/// Regression (a resident named like the town of the association's address): with the
/// association's address "…, 5700 Voss" the town is a protected place, and "Randi Voss", a resident
/// in full, overlapped it, so the names pass dropped her and the published minutes kept her name
/// (the re-scan then refused the whole document). A resident's name in full from the register
/// holds a protected place shorter than itself; the town alone stays.
#[test]
fn regression_a_resident_named_like_the_associations_town() {
    let mut conn = register_at(
        "Liabakken borettslag",
        Country::NO,
        "Liabakken 1–19, 5700 Voss",
    );
    let list = import::read(
        "Adresse;Navn;Telefon\n\
         Liabakken 1;Randi Voss;913 00 001\n\
         Liabakken 3;Eilert Hop;913 00 002\n"
            .as_bytes(),
    )
    .unwrap();
    import::apply(&mut conn, &list, &[], today(), "Test", now()).unwrap();
    assert_eq!(
        redacted(
            &conn,
            "Fullmakter: Randi Voss hadde gitt fullmakt. Møtet ble holdt på Voss."
        ),
        ["Randi Voss"]
    );
}
