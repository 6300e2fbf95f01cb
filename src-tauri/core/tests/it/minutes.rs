//! The minutes archive: import of every format from the fixtures in `tests/fixtures/minutes/`,
//! full-text search with snippets, the register loaded as redaction context for a document's
//! date, review decisions kept on a re-run, and exports refused while personal data remains.

use std::path::PathBuf;

use andel_core::association::{self, Country};
use andel_core::minutes::{self, ExportFormat, Format, MeetingKind};
use andel_core::redact::{Decision, Detector, Kind, ReviewDecision, Style};
use andel_core::register::organisations::{self, OrganisationFields, OrganisationKind};
use andel_core::register::ownership;
use andel_core::register::people::{self, PersonFields};
use andel_core::register::roles::{self, RoleKind};
use andel_core::register::units::{self, UnitFields};
use chrono::{NaiveDate, Utc};
use rusqlite::Connection;

use crate::support::now;

const ACTOR: &str = "Test";

fn fixture(name: &str) -> (String, Vec<u8>) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/minutes")
        .join(name);
    (name.to_string(), std::fs::read(&path).unwrap())
}

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn today() -> NaiveDate {
    day("2026-03-14")
}

/// A Danish association with three residents, a chair and a meeting chair, and a caretaker.
pub fn register() -> Connection {
    let conn = andel_core::store::create().unwrap();
    association::create(&conn, "A/B Rønnebærhaven", Country::DK, now()).unwrap();
    let person = |name: &str, phone: Option<&str>| {
        people::add(
            &conn,
            &PersonFields {
                name: Some(name.into()),
                phone: phone.map(str::to_string),
                ..Default::default()
            },
            ACTOR,
            now(),
        )
        .unwrap()
    };
    for (number, name, phone) in [
        ("17", "Freja Bundgaard", Some("23 45 67 89")),
        ("21", "Ole Brink", None),
        ("4", "Søren Vestergaard", None),
    ] {
        let unit = units::add(
            &conn,
            &UnitFields {
                number: Some(number.into()),
                address: Some(format!("Rønnebærvej {number}")),
                postcode_city: Some("4000 Roskilde".into()),
                floor_side: Some("2. tv.".into()),
                ..Default::default()
            },
            ACTOR,
            now(),
        )
        .unwrap();
        let p = person(name, phone);
        ownership::start(
            &conn,
            unit.id,
            p.id,
            Some(day("2015-01-01")),
            false,
            today(),
            ACTOR,
            now(),
        )
        .unwrap();
    }
    let chair = person("Mette Kastrup", None);
    roles::add(
        &conn,
        chair.id,
        RoleKind::Chair,
        Some(day("2020-04-01")),
        None,
        ACTOR,
        now(),
    )
    .unwrap();
    roles::add(
        &conn,
        chair.id,
        RoleKind::MeetingChair,
        Some(day("2022-03-15")),
        Some(day("2024-03-12")),
        ACTOR,
        now(),
    )
    .unwrap();
    let minute_taker = person("Jonas Lind", None);
    roles::add(
        &conn,
        minute_taker.id,
        RoleKind::MinuteTaker,
        Some(day("2025-01-01")),
        None,
        ACTOR,
        now(),
    )
    .unwrap();
    organisations::add(
        &conn,
        &OrganisationFields {
            name: Some("Roskilde Ejendomsservice ApS".into()),
            kind: Some(OrganisationKind::Caretaker),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap();
    conn
}

fn import(conn: &Connection, name: &str) -> minutes::Document {
    let (name, bytes) = fixture(name);
    minutes::import(conn, &name, bytes, None, None, today(), ACTOR, now()).unwrap()
}

#[test]
fn every_format_is_imported_with_its_date_kind_and_original() {
    let conn = register();
    let docx = import(&conn, "generalforsamling-2024.docx");
    assert_eq!(docx.format, Format::Docx);
    assert_eq!(docx.date, day("2024-03-12"));
    assert_eq!(docx.kind, MeetingKind::Ordinary);
    let text = minutes::text(&conn, docx.id).unwrap();
    // Paragraphs and the table in document order, one row per line.
    let order = [
        "Fremmødte andelshavere:",
        "Navn | Andel nr. | Stemmer",
        "Freja Bundgaard | 17 | 1",
        "Ole Brink | 21 | 2 (fuldmagt)",
        "Freja Bundgaard spurgte",
        "med & uden",
    ];
    let at: Vec<usize> = order
        .iter()
        .map(|s| {
            text.find(s)
                .unwrap_or_else(|| panic!("{s:?} missing in {text}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]), "{text}");

    let pdf = import(&conn, "styremoede-2023.pdf");
    assert_eq!(pdf.format, Format::Pdf);
    assert_eq!(
        (pdf.date, pdf.kind),
        (day("2023-09-05"), MeetingKind::Board)
    );
    let text = minutes::text(&conn, pdf.id).unwrap();
    assert!(text.starts_with("Referat af bestyrelsesmøde 5. september 2023\n\nTil stede: Mette Kastrup (formand), Jonas Lind.\nOle Brink fra nr. 21"), "{text}");
    assert!(
        text.contains("\n\nBestyrelsen godkendte ansøgningen."),
        "{text}"
    );

    let txt = import(&conn, "generalforsamling-2022.txt");
    assert_eq!(
        (txt.date, txt.kind),
        (day("2022-03-15"), MeetingKind::Ordinary)
    );
    let md = import(&conn, "ekstraordinaer-2023.md");
    assert_eq!(
        (md.date, md.kind, md.format),
        (day("2023-06-01"), MeetingKind::Extraordinary, Format::Md)
    );
    assert_eq!(md.title, "Referat af ekstraordinær generalforsamling");

    // The original file is kept byte for byte.
    let (name, bytes) = minutes::original(&conn, docx.id).unwrap();
    assert_eq!(name, "generalforsamling-2024.docx");
    assert_eq!(bytes, fixture("generalforsamling-2024.docx").1);

    // Newest meeting first; a given date and kind win over the text's.
    let list = minutes::list(&conn).unwrap();
    assert_eq!(
        list.iter().map(|d| d.id).collect::<Vec<_>>(),
        vec![docx.id, pdf.id, md.id, txt.id]
    );
    let (_, bytes) = fixture("generalforsamling-2022.txt");
    let mut edited = bytes.clone();
    edited.extend_from_slice(b"\nTilfoejet senere.\n");
    let again = minutes::import(
        &conn,
        "kopi.txt",
        edited,
        Some(day("2022-04-01")),
        Some(MeetingKind::Board),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(
        (again.date, again.kind),
        (day("2022-04-01"), MeetingKind::Board)
    );
    // The same file twice is refused.
    assert!(matches!(
        minutes::import(&conn, "x.txt", bytes, None, None, today(), ACTOR, now()),
        Err(minutes::Error::AlreadyImported(id)) if id == txt.id
    ));
}

#[test]
fn a_scan_without_text_layer_is_refused_with_its_own_error() {
    let (name, bytes) = fixture("scan.pdf");
    let err = minutes::prepare(&name, bytes, None, None, today()).unwrap_err();
    assert!(matches!(err, minutes::Error::NoTextLayer), "{err:?}");
    assert!(err.to_string().contains("reads scans with OCR"));
    // With OCR, this tiny image holds no words, and the message says so.
    let (name, bytes) = fixture("scan.pdf");
    let ocr = minutes::Ocr {
        language: andel_core::ocr::Language::Da,
        observer: &(),
    };
    let err = minutes::prepare_with(&name, bytes, None, None, today(), Some(&ocr)).unwrap_err();
    assert!(err.to_string().contains("No words were found"), "{err}");
}

#[test]
fn damaged_and_junk_files_get_clear_errors() {
    let junk = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0".to_vec();
    assert!(matches!(
        minutes::prepare("a.docx", junk.clone(), None, None, today()),
        Err(minutes::Error::DamagedDocx(_))
    ));
    assert!(matches!(
        minutes::prepare("a.pdf", junk.clone(), None, None, today()),
        Err(minutes::Error::DamagedPdf(_))
    ));
    assert!(matches!(
        minutes::prepare("a.txt", junk, None, None, today()),
        Err(minutes::Error::NotText)
    ));
    // A truncated .docx.
    let (_, docx) = fixture("generalforsamling-2024.docx");
    assert!(matches!(
        minutes::prepare(
            "b.docx",
            docx[..docx.len() / 2].to_vec(),
            None,
            None,
            today()
        ),
        Err(minutes::Error::DamagedDocx(_))
    ));
    assert!(matches!(
        minutes::prepare("c.odt", b"x".to_vec(), None, None, today()),
        Err(minutes::Error::UnknownFormat(_))
    ));
}

#[test]
fn full_text_search_finds_words_with_snippets() {
    let conn = register();
    let docx = import(&conn, "generalforsamling-2024.docx");
    let txt = import(&conn, "generalforsamling-2022.txt");
    import(&conn, "styremoede-2023.pdf");

    let hits = minutes::search(&conn, "vandskaden", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, docx.id);
    assert!(
        hits[0].snippet.contains("**vandskaden**"),
        "{}",
        hits[0].snippet
    );

    // Every word must occur; a trailing * searches by prefix; æ ø å are letters.
    assert_eq!(minutes::search(&conn, "fælleshuset", 10).unwrap().len(), 3);
    let hits = minutes::search(&conn, "cykel* vedtaget", 10).unwrap();
    assert_eq!(hits.iter().map(|h| h.id).collect::<Vec<_>>(), vec![txt.id]);
    // FTS5's own syntax in a search box is just words, never an error.
    assert!(minutes::search(&conn, "\"NEAR( OR", 10).unwrap().is_empty());
    assert!(minutes::search(&conn, "   ", 10).unwrap().is_empty());

    // The index lives in the database and survives the archive's serialize/deserialize.
    let bytes = andel_core::store::serialize(&conn).unwrap();
    let loaded = andel_core::store::load(&bytes).unwrap();
    assert_eq!(minutes::search(&loaded, "vandskaden", 10).unwrap().len(), 1);
}

#[test]
fn the_register_is_the_redaction_context_for_the_documents_date() {
    let conn = register();
    let ctx = minutes::redaction_context(&conn, Some(day("2024-03-12"))).unwrap();
    assert_eq!(ctx.country, Country::DK);
    assert!(ctx.places.iter().any(|p| p == "A/B Rønnebærhaven"));
    assert!(ctx.places.iter().any(|p| p == "Rønnebærvej"));
    assert_eq!(ctx.organisations, vec!["Roskilde Ejendomsservice ApS"]);
    let freja = ctx
        .residents
        .iter()
        .find(|r| r.name == "Freja Bundgaard")
        .unwrap();
    assert_eq!(freja.unit.as_deref(), Some("17"));
    assert_eq!(freja.address.as_deref(), Some("Rønnebærvej 17, 2. tv."));
    assert_eq!(freja.phones, vec!["23 45 67 89"]);
    let valid: Vec<&str> = ctx
        .officials
        .iter()
        .filter(|o| o.valid_on(ctx.document_date))
        .map(|o| o.name.as_str())
        .collect();
    assert!(valid.contains(&"Mette Kastrup"));
    // The minute-taker took office in 2025: not yet an official in 2024.
    assert!(!valid.contains(&"Jonas Lind"));

    // In the 2024 minutes the chair stays, residents go.
    let doc = import(&conn, "generalforsamling-2024.docx");
    let found = minutes::findings(&conn, doc.id, &Detector::new(Some(&ctx))).unwrap();
    let decision_of = |name: &str| {
        found
            .iter()
            .filter(|f| f.text == name)
            .map(|f| f.decision)
            .collect::<Vec<_>>()
    };
    assert!(decision_of("Mette Kastrup")
        .iter()
        .all(|d| *d == Decision::Keep));
    assert!(!decision_of("Freja Bundgaard").is_empty());
    assert!(decision_of("Freja Bundgaard")
        .iter()
        .all(|d| *d == Decision::Redact));
}

#[test]
fn review_decisions_are_kept_with_the_document_and_respected_on_a_rerun() {
    let conn = register();
    let doc = import(&conn, "generalforsamling-2022.txt");
    let ctx = minutes::redaction_context(&conn, Some(doc.date)).unwrap();
    let detector = Detector::new(Some(&ctx));
    let before = minutes::findings(&conn, doc.id, &detector).unwrap();
    let ole = before.iter().find(|f| f.text == "Ole Brink").unwrap();
    assert_eq!(ole.decision, Decision::Redact);
    assert!(before.iter().all(|f| f.text != "cykelstativer"));

    // The webmaster keeps Ole Brink everywhere and marks a word by hand.
    minutes::decide(
        &conn,
        doc.id,
        &ReviewDecision {
            start: ole.start,
            end: ole.end,
            text: ole.text.clone(),
            kind: Kind::Person,
            decision: Decision::Keep,
            all_occurrences: true,
        },
        ACTOR,
        now(),
    )
    .unwrap();
    let text = minutes::text(&conn, doc.id).unwrap();
    let at = text.find("cykelstativer").unwrap();
    let start = text[..at].chars().count();
    minutes::decide(
        &conn,
        doc.id,
        &ReviewDecision {
            start,
            end: start + "cykelstativer".chars().count(),
            text: "cykelstativer".into(),
            kind: Kind::Other,
            decision: Decision::Redact,
            all_occurrences: false,
        },
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(minutes::decisions(&conn, doc.id).unwrap().len(), 2);

    // A re-run (a fresh detector, as after an update of the recognizers) keeps both decisions,
    // also after the archive is saved and opened again.
    let bytes = andel_core::store::serialize(&conn).unwrap();
    let conn = andel_core::store::load(&bytes).unwrap();
    let after = minutes::findings(&conn, doc.id, &Detector::new(Some(&ctx))).unwrap();
    assert!(after
        .iter()
        .filter(|f| f.text == "Ole Brink")
        .all(|f| f.decision == Decision::Keep));
    assert!(after
        .iter()
        .any(|f| f.text == "cykelstativer" && f.decision == Decision::Redact));
    let review = minutes::decisions(&conn, doc.id).unwrap();
    let out = minutes::publish(
        &text,
        &after,
        &review,
        Style::Block,
        ExportFormat::Txt,
        Some(&ctx),
        Utc::now(),
    )
    .unwrap_or_else(|e| panic!("{e}"));
    let out = String::from_utf8(out).unwrap();
    assert!(out.contains("Ole Brink") && !out.contains("cykelstativer"));
    assert!(!out.contains("Freja") && !out.contains("23 45 67 89"));

    // The same through the archive's own export, in every format.
    for format in [ExportFormat::Txt, ExportFormat::Html, ExportFormat::Pdf] {
        let bytes =
            minutes::export_document(&conn, doc.id, Style::Label, format, Utc::now()).unwrap();
        let shown = minutes::visible_text(&bytes, format).unwrap();
        assert!(shown.contains("Ole Brink") && !shown.contains("cykelstativer"));
        assert!(!shown.contains("Freja"));
    }

    // An export is recorded in the audit trail by format, never with the file's name.
    minutes::record_export(&conn, doc.id, ExportFormat::Pdf, ACTOR, now()).unwrap();
    let last = andel_core::audit::recent(&conn, 1).unwrap();
    assert_eq!(last[0].action, "minutes.export.pdf");
    assert_eq!(
        last[0].subject.as_deref(),
        Some(format!("document:{}", doc.id).as_str())
    );
    assert!(minutes::record_export(&conn, 9999, ExportFormat::Txt, ACTOR, now()).is_err());

    minutes::clear_decisions(&conn, doc.id, ACTOR, now()).unwrap();
    assert!(minutes::decisions(&conn, doc.id).unwrap().is_empty());
}

#[test]
fn an_export_is_refused_while_personal_data_remains() {
    let conn = register();
    let ctx = minutes::redaction_context(&conn, Some(day("2022-03-15"))).unwrap();
    let text = "Freja Bundgaard har cpr-nummer 110584-3638.\n";
    let found = Detector::new(Some(&ctx)).detect(text);
    let formats = [
        ExportFormat::Txt,
        ExportFormat::Md,
        ExportFormat::Html,
        ExportFormat::Pdf,
    ];
    // The re-scan flags what the policy kept (here: every finding marked to stay, as a policy
    // that went wrong would): refused in every format, for a person to decide.
    let kept: Vec<_> = found
        .iter()
        .cloned()
        .map(|mut f| {
            f.decision = Decision::Keep;
            f
        })
        .collect();
    for format in formats {
        let err = minutes::publish(
            text,
            &kept,
            &[],
            Style::Label,
            format,
            Some(&ctx),
            Utc::now(),
        )
        .unwrap_err();
        match err {
            minutes::Error::PersonalDataRemains(kinds) => {
                assert!(kinds.contains(&Kind::Person), "{kinds:?}");
                assert!(kinds.contains(&Kind::NationalId), "{kinds:?}");
            }
            other => panic!("{other:?}"),
        }
    }
    // With the findings applied every format passes, and the re-scan adds nothing.
    for format in formats {
        let p = minutes::publish_closed(
            text,
            &found,
            &[],
            Style::Label,
            format,
            Some(&ctx),
            Utc::now(),
        )
        .unwrap();
        assert!(p.added.is_empty(), "{:?}", p.added);
    }
    // Published without any finding (the minutes' detection lost on the way), the re-scan's own
    // passages are redacted: nothing of the person leaves, and the caller learns what was added.
    for format in formats {
        let p =
            minutes::publish_closed(text, &[], &[], Style::Label, format, Some(&ctx), Utc::now())
                .unwrap();
        let mut kinds: Vec<Kind> = p.added.iter().map(|f| f.kind).collect();
        kinds.sort();
        kinds.dedup();
        assert!(
            kinds.contains(&Kind::Person) && kinds.contains(&Kind::NationalId),
            "{kinds:?}"
        );
        let shown = minutes::visible_text(&p.bytes, format).unwrap();
        assert!(
            !shown.contains("Bundgaard") && !shown.contains("3638"),
            "{shown}"
        );
    }
}
