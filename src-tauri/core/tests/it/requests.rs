//! Residents' requests, the access reply, erasure, retention and the yearly handover: the promises
//! of issue 6, on an invented Danish association with a fixed clock.

use andel_core::Coded;
use std::path::Path;

use andel_core::association::{self, AssociationChanges, Country};
use andel_core::document::render_pdf;
use andel_core::document::Lang;
use andel_core::handover;
use andel_core::minutes::{self, MeetingKind};
use andel_core::overview;
use andel_core::privacy::reply::SubjectRole;
use andel_core::register::organisations::{self, OrganisationFields, OrganisationKind};
use andel_core::register::people::{self, PersonFields};
use andel_core::register::roles::{self, RoleKind};
use andel_core::register::sublets::{self, Decision, Request as SubletRequest};
use andel_core::register::units::{self, UnitFields};
use andel_core::register::{ownership, plates, Id};
use andel_core::requests::erase;
use andel_core::requests::{self, access, due_date, NewRequest, RequestKind, RequestStatus};
use andel_core::retention::{self, RecordKind};
use andel_core::vault::{self, Encryption, OpenOptions, SecretString, Unlock, Vault};
use chrono::NaiveDate;
use rusqlite::Connection;
use serde_json::Value;

use crate::support::{check_pdf, now, quick_passphrase, require_tool, sha256};

const ACTOR: &str = "Katrine Hvidberg";

fn day(s: &str) -> NaiveDate {
    andel_core::dates::parse_iso(s).unwrap()
}

fn today() -> NaiveDate {
    day("2026-03-14")
}

struct Fixture {
    sofie: Id,
    jakob: Id,
    merete: Id,
    henrik: Id,
    plate: Id,
    request: Id,
}

fn person(conn: &Connection, name: &str, phone: Option<&str>, email: Option<&str>) -> Id {
    people::add(
        conn,
        &PersonFields {
            name: Some(name.into()),
            phone: phone.map(Into::into),
            email: email.map(Into::into),
            note: None,
        },
        ACTOR,
        now(),
    )
    .unwrap()
    .id
}

fn unit(conn: &Connection, number: &str, address: &str, floor: &str) -> Id {
    units::add(
        conn,
        &UnitFields {
            number: Some(number.into()),
            address: Some(address.into()),
            postcode_city: Some("8200 Aarhus N".into()),
            floor_side: Some(floor.into()),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap()
    .id
}

const MINUTES_2022: &str = "Referat af ordinær generalforsamling 20. april 2022

1. Valg af dirigent
Henrik Dalsgaard blev valgt som dirigent og konstaterede, at generalforsamlingen var lovligt indkaldt.

2. Spørgsmål fra andelshaverne
Sofie Brinkmann (andel nr. 4) spurgte, hvornår altanerne bliver repareret. Jakob Thorsager, tlf. 40 55 12 98, som bor til fremleje hos hende, tilsluttede sig spørgsmålet.

3. Eventuelt
Der var ikke flere spørgsmål, og generalforsamlingen sluttede kl. 21.15.
";

const MINUTES_2023: &str = "Referat af bestyrelsesmøde 6. marts 2023

Til stede: Henrik Dalsgaard (formand), Sofie Brinkmann.

1. Vedligeholdelse
Bestyrelsen drøftede tagrenderne. Merete Vestergaard havde skrevet om fugt i kælderen; Henrik svarer hende.
";

const MINUTES_2024: &str = "Referat af ordinær generalforsamling 18. april 2024

Henrik Dalsgaard bød velkommen. Regnskabet blev godkendt uden bemærkninger.
";

/// A small association: Sofie owns unit 4, sat on the board, sublet to Jakob, has a name plate
/// and asked for access; Merete moved out of unit 9 in 2019; Henrik is the chair.
fn fixture(conn: &Connection) -> Fixture {
    association::create(conn, "A/B Lindehaven", Country::DK, now()).unwrap();
    association::update(
        conn,
        &AssociationChanges {
            address: Some("Lindevej 1-9, 8200 Aarhus N".into()),
            email: Some("bestyrelsen@lindehaven.example".into()),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap();
    let u4 = unit(conn, "4", "Lindevej 3", "2. tv.");
    let u9 = unit(conn, "9", "Lindevej 7", "st. th.");
    let sofie = person(
        conn,
        "Sofie Brinkmann",
        Some("22 41 87 60"),
        Some("sofie.brinkmann@example.dk"),
    );
    let jakob = person(conn, "Jakob Thorsager", Some("40 55 12 98"), None);
    let merete = person(
        conn,
        "Merete Vestergaard",
        Some("51 92 33 07"),
        Some("merete@example.dk"),
    );
    let henrik = person(conn, "Henrik Dalsgaard", None, None);
    ownership::start(
        conn,
        u4,
        sofie,
        Some(day("2019-03-01")),
        false,
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    let m = ownership::start(
        conn,
        u9,
        merete,
        Some(day("2010-01-01")),
        false,
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    ownership::end(conn, m.id, day("2019-06-01"), ACTOR, now()).unwrap();
    roles::add(
        conn,
        henrik,
        RoleKind::Chair,
        Some(day("2020-05-01")),
        None,
        ACTOR,
        now(),
    )
    .unwrap();
    roles::add(
        conn,
        sofie,
        RoleKind::BoardMember,
        Some(day("2021-05-01")),
        Some(day("2023-04-30")),
        ACTOR,
        now(),
    )
    .unwrap();
    let s = sublets::request(
        conn,
        &SubletRequest {
            unit_id: u4,
            owner_id: Some(sofie),
            subtenant_id: jakob,
            requested_on: day("2022-01-10"),
            reason: Some("Udstationeret i Bergen".into()),
            from: day("2022-02-01"),
            to: day("2022-12-31"),
        },
        ACTOR,
        now(),
    )
    .unwrap();
    sublets::decide(
        conn,
        s.id,
        sublets::Ruling::plain(Decision::Approved, day("2022-01-20"), Some(henrik)),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    let plate = plates::add(
        conn,
        u4,
        &["Sofie Brinkmann".to_string()],
        &[],
        day("2019-03-05"),
        day("2019-03-05"),
        ACTOR,
        now(),
    )
    .unwrap();
    plates::mark_sent(conn, plate.id, None, day("2019-03-06"), ACTOR, now()).unwrap();
    plates::mark_mounted(conn, plate.id, day("2019-03-20"), ACTOR, now()).unwrap();
    for (name, text, kind) in [
        ("gf-2022.txt", MINUTES_2022, MeetingKind::Ordinary),
        ("bm-2023.txt", MINUTES_2023, MeetingKind::Board),
        ("gf-2024.txt", MINUTES_2024, MeetingKind::Ordinary),
    ] {
        minutes::import(
            conn,
            name,
            text.as_bytes().to_vec(),
            None,
            Some(kind),
            today(),
            ACTOR,
            now(),
        )
        .unwrap();
    }
    let request = requests::add(
        conn,
        &NewRequest {
            kind: RequestKind::Access,
            received_on: day("2026-03-02"),
            channel: Some("e-mail".into()),
            person_id: Some(sofie),
            requester_name: None,
            note: None,
        },
        today(),
        ACTOR,
        now(),
    )
    .unwrap()
    .id;
    Fixture {
        sofie,
        jakob,
        merete,
        henrik,
        plate: plate.id,
        request,
    }
}

/// Notes the identity check a reply needs.
fn checked(conn: &Connection, request: Id) {
    requests::set_identity_check(
        conn,
        request,
        "ringet op på nummeret i registret",
        today(),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
}

#[test]
fn no_reply_before_the_identity_check_is_noted() {
    let (conn, f) = register();
    let e = access::reply(&conn, f.request, today(), now()).unwrap_err();
    assert!(matches!(e, requests::Error::IdentityNotChecked(id) if id == f.request));
    assert!(access::gather(&conn, f.request, today()).is_err());
    checked(&conn, f.request);
    assert!(access::reply(&conn, f.request, today(), now()).is_ok());
}

fn register() -> (Connection, Fixture) {
    let conn = andel_core::store::create().unwrap();
    let f = fixture(&conn);
    (conn, f)
}

#[test]
fn deadlines_are_one_calendar_month_from_receipt() {
    let cases = [
        // received, due
        ("2026-01-10", "2026-02-10"),
        ("2026-01-28", "2026-02-28"),
        ("2026-01-29", "2026-02-28"),
        ("2026-01-30", "2026-02-28"),
        ("2026-01-31", "2026-02-28"),
        ("2028-01-29", "2028-02-29"),
        ("2028-01-31", "2028-02-29"),
        ("2028-02-29", "2028-03-29"),
        ("2100-01-31", "2100-02-28"),
        ("2000-01-31", "2000-02-29"),
        ("2026-02-28", "2026-03-28"),
        ("2026-03-31", "2026-04-30"),
        ("2026-05-31", "2026-06-30"),
        ("2026-08-31", "2026-09-30"),
        ("2026-10-31", "2026-11-30"),
        ("2026-11-30", "2026-12-30"),
        ("2026-12-01", "2027-01-01"),
        ("2026-12-31", "2027-01-31"),
    ];
    for (received, due) in cases {
        assert_eq!(due_date(day(received)), day(due), "received {received}");
    }
}

#[test]
fn a_request_is_extended_once_before_its_deadline_and_shows_on_the_overview() {
    let (conn, f) = register();
    let r = requests::get(&conn, f.request, today()).unwrap();
    assert_eq!(r.due_on, day("2026-04-02"));
    assert_eq!(r.requester_name, "Sofie Brinkmann");
    assert!(overview::overview(&conn, today())
        .unwrap()
        .requests_due
        .is_empty());
    let soon = day("2026-03-27");
    let o = overview::overview(&conn, soon).unwrap();
    assert_eq!(o.requests_due.len(), 1);
    assert_eq!(o.requests_due[0].days_left, Some(6));
    assert!(!o.is_clear());
    let late = day("2026-04-03");
    assert_eq!(
        requests::get(&conn, f.request, late).unwrap().days_left,
        Some(-1)
    );
    let err = requests::extend(
        &conn,
        f.request,
        2,
        "Mange referater",
        late,
        late,
        ACTOR,
        now(),
    )
    .unwrap_err();
    assert!(
        matches!(err, requests::Error::ExtendedTooLate { .. }),
        "{err}"
    );
    let r = requests::extend(
        &conn,
        f.request,
        2,
        "Mange referater",
        soon,
        soon,
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(r.deadline, day("2026-06-02"));
    assert_eq!(r.extension_reason.as_deref(), Some("Mange referater"));
    assert!(overview::overview(&conn, soon)
        .unwrap()
        .requests_due
        .is_empty());
    let r = requests::set_identity_check(
        &conn,
        f.request,
        "Kendt andelshaver; ringet op på registreret nummer",
        soon,
        soon,
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(r.identity_checked_on, Some(soon));
    let err = requests::set_identity_check(
        &conn,
        f.request,
        "cpr 010203-1234",
        soon,
        soon,
        ACTOR,
        now(),
    )
    .unwrap_err();
    assert!(matches!(err, requests::Error::NationalId(_)), "{err}");
    let r = requests::close(
        &conn,
        f.request,
        RequestStatus::Answered,
        soon,
        soon,
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(r.status, RequestStatus::Answered);
    assert!(overview::overview(&conn, day("2026-06-10"))
        .unwrap()
        .requests_due
        .is_empty());
    let actions: Vec<String> = andel_core::audit::recent(&conn, 50)
        .unwrap()
        .into_iter()
        .map(|e| e.action)
        .collect();
    for a in [
        "request.add",
        "request.extend",
        "request.identity",
        "request.close",
    ] {
        assert!(
            actions.iter().any(|x| x == a),
            "{a} missing from {actions:?}"
        );
    }
}

#[test]
fn a_request_from_someone_outside_the_register_needs_a_name_and_a_past_date() {
    let (conn, _) = register();
    let mut new = NewRequest {
        kind: RequestKind::Erasure,
        received_on: day("2026-03-20"),
        channel: None,
        person_id: None,
        requester_name: Some("Tove Lindqvist".into()),
        note: None,
    };
    assert!(matches!(
        requests::add(&conn, &new, today(), ACTOR, now()),
        Err(requests::Error::ReceivedInFuture { .. })
    ));
    new.received_on = day("2026-03-10");
    new.requester_name = Some("  ".into());
    assert!(matches!(
        requests::add(&conn, &new, today(), ACTOR, now()),
        Err(requests::Error::NoRequester)
    ));
    new.requester_name = Some("Tove Lindqvist".into());
    let r = requests::add(&conn, &new, today(), ACTOR, now()).unwrap();
    assert_eq!(r.person_id, None);
    assert_eq!(r.deadline, day("2026-04-10"));
    checked(&conn, r.id);
    let reply = access::gather(&conn, r.id, today()).unwrap();
    assert!(reply.person.is_none());
    assert!(!reply.data_processed, "nothing beyond the request itself");
    assert!(reply.minutes_mentions.is_empty());
}

const OTHERS: [&str; 8] = [
    "Henrik",
    "Dalsgaard",
    "Jakob",
    "Thorsager",
    "40 55 12 98",
    "Merete",
    "Vestergaard",
    "hende",
];

#[test]
fn the_access_reply_holds_everything_and_its_excerpts_name_no_one_else() {
    let (conn, f) = register();
    checked(&conn, f.request);
    let reply = access::reply(&conn, f.request, today(), now()).unwrap();
    let x = &reply.export;
    assert!(x.data_processed);
    assert!(!x.automated_decisions);
    assert_eq!(x.person.as_ref().unwrap().id, f.sofie);
    assert_eq!(x.ownerships.len(), 1);
    assert_eq!(x.ownerships[0].unit_number, "4");
    assert_eq!(x.units.len(), 1);
    assert_eq!(x.units[0].address.as_deref(), Some("Lindevej 3"));
    assert_eq!(x.sublets.len(), 1);
    // Her side of the sublet: no subtenant's name or id, her own reason.
    assert_eq!(x.sublets[0].side, access::SubletSide::Owner);
    assert_eq!(
        x.sublets[0].reason.as_deref(),
        Some("Udstationeret i Bergen")
    );
    let subtenant = people::get(&conn, f.jakob).unwrap().name;
    let whole = serde_json::to_string(x).unwrap();
    assert!(
        !whole.contains(&subtenant),
        "the export names the subtenant"
    );
    assert_eq!(x.name_plate_orders.len(), 1);
    assert_eq!(x.roles.len(), 1);
    assert_eq!(x.roles[0].kind, RoleKind::BoardMember);
    assert_eq!(x.requests.len(), 1);
    // Mentioned in 2022 and 2023, not in 2024.
    let dates: Vec<String> = x
        .minutes_mentions
        .iter()
        .map(|m| m.meeting_date.to_string())
        .collect();
    assert_eq!(dates, ["2022-04-20", "2023-03-06"]);
    for m in &x.minutes_mentions {
        assert!(m.excerpt.contains("Sofie Brinkmann"), "{}", m.excerpt);
        for other in OTHERS.iter().filter(|o| **o != "hende") {
            assert!(
                !m.excerpt.contains(other),
                "excerpt names {other}: {}",
                m.excerpt
            );
        }
        assert!(m.excerpt.contains("[navn]"), "{}", m.excerpt);
    }
    // Sofie's own share number stays; the subtenant's phone number goes.
    assert!(x.minutes_mentions[0].excerpt.contains("andel nr. 4"));
    assert!(x.minutes_mentions[0].excerpt.contains("[telefon]"));

    // The JSON export's shape: what a portability consumer relies on.
    let json: Value = serde_json::to_value(x).unwrap();
    for key in [
        "format",
        "generated_on",
        "controller",
        "request",
        "data_processed",
        "person",
        "ownerships",
        "units",
        "sublets",
        "name_plate_orders",
        "roles",
        "requests",
        "minutes_mentions",
        "automated_decisions",
    ] {
        assert!(json.get(key).is_some(), "the export lacks {key}");
    }
    assert_eq!(json["format"], "andel.access-reply/4");
    assert_eq!(json["controller"]["name"], "A/B Lindehaven");
    assert_eq!(json["person"]["email"], "sofie.brinkmann@example.dk");
    assert_eq!(json["ownerships"][0]["from"], "2019-03-01");
    assert_eq!(json["sublets"][0]["from"], "2022-02-01");
    assert_eq!(json["requests"][0]["due_on"], "2026-04-02");
    for m in json["minutes_mentions"].as_array().unwrap() {
        for key in [
            "document_id",
            "document_title",
            "meeting_date",
            "meeting_kind",
            "excerpt",
        ] {
            assert!(m.get(key).is_some(), "a mention lacks {key}");
        }
    }

    // The letter: everything held, in Danish, with the parts the privacy module writes.
    let text = reply.document.plain_text();
    for needle in [
        "Svar på din anmodning om indsigt",
        "Vi bekræfter, at A/B Lindehaven behandler personoplysninger om dig.",
        "Sofie Brinkmann",
        "22 41 87 60",
        "sofie.brinkmann@example.dk",
        "2019-03-01",
        "2022-02-01 – 2022-12-31",
        "bestyrelsesmedlem",
        "20. april 2022",
        "6. marts 2023",
        "Automatiske afgørelser",
        "Datatilsynet",
    ] {
        assert!(text.contains(needle), "the reply lacks {needle:?}:\n{text}");
    }
}

/// An access request from `person` (or from someone outside the register), identity checked.
fn access_request(conn: &Connection, person: Option<Id>, name: Option<&str>) -> Id {
    let id = requests::add(
        conn,
        &NewRequest {
            kind: RequestKind::Access,
            received_on: day("2026-03-10"),
            channel: Some("brev".into()),
            person_id: person,
            requester_name: name.map(Into::into),
            note: None,
        },
        today(),
        ACTOR,
        now(),
    )
    .unwrap()
    .id;
    checked(conn, id);
    id
}

fn keys(x: &access::AccessExport) -> Vec<&str> {
    x.processing
        .purposes
        .iter()
        .map(|p| p.key.as_deref().unwrap_or("custom"))
        .collect()
}

#[test]
fn the_access_reply_speaks_of_the_processing_that_concerns_the_requester() {
    let (conn, f) = register();
    let caretaker = organisations::add(
        &conn,
        &OrganisationFields {
            name: Some("Aarhus Viceværtservice ApS".into()),
            kind: Some(OrganisationKind::Caretaker),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap();
    organisations::add(
        &conn,
        &OrganisationFields {
            name: Some("Boligadministration Nord A/S".into()),
            kind: Some(OrganisationKind::Administrator),
            dpa_signed_on: Some("2024-01-15".into()),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap();
    let u4 = ownership::of_person(&conn, f.sofie).unwrap()[0].unit_id;
    let plate = plates::add(
        &conn,
        u4,
        &["Sofie Brinkmann".to_string()],
        &[],
        day("2025-09-01"),
        day("2025-09-01"),
        ACTOR,
        now(),
    )
    .unwrap();
    plates::mark_sent(
        &conn,
        plate.id,
        Some(caretaker.id),
        day("2025-09-02"),
        ACTOR,
        now(),
    )
    .unwrap();
    checked(&conn, f.request);

    // Sofie: an owner who sublet, sat on the board, has plates and is in the minutes.
    let reply = access::reply_in(&conn, f.request, Some(Lang::En), today(), now()).unwrap();
    let x = &reply.export;
    assert_eq!(x.format, "andel.access-reply/4");
    assert_eq!(x.language, Lang::En);
    assert_eq!(
        x.processing.roles,
        [SubjectRole::Owner, SubjectRole::BoardMember]
    );
    assert_eq!(
        keys(x),
        ["members", "sublets", "name_plates", "minutes_archive"]
    );
    // The caretaker actually received her name, on the day the order was sent.
    // (The 2019 plate was sent without naming the caretaker: the word stands for them.)
    let sent: Vec<(&str, String)> = x
        .processing
        .disclosures
        .iter()
        .map(|d| (d.recipient.as_str(), d.on.to_string()))
        .collect();
    assert_eq!(
        sent,
        [
            ("Caretaker", "2019-03-06".to_string()),
            ("Aarhus Viceværtservice ApS", "2025-09-02".to_string())
        ]
    );
    assert_eq!(
        x.name_plate_orders
            .iter()
            .find(|p| p.id == plate.id)
            .and_then(|p| p.sent_to.as_deref()),
        Some("Aarhus Viceværtservice ApS")
    );
    // The administrator (a processor) holds member data; the caretaker name plates.
    let processors: Vec<&str> = x
        .processing
        .processors
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(
        processors,
        ["Boligadministration Nord A/S", "Aarhus Viceværtservice ApS"]
    );
    // The board's e-mail, the newsletter and the website's log are outside the register.
    assert_eq!(x.processing.outside_register.len(), 3);
    let text = reply.document.plain_text();
    for needle in [
        "Reply to your request for access",
        "The association's register holds you as owner and board member or official.",
        "Who has received your data",
        "Aarhus Viceværtservice ApS (caretaker",
        "Name plate for unit 4",
        "Data held by our processors",
        "we will obtain a copy from them",
        "Outside the register",
        "Your right to object",
        "Right to erasure (Art. 17)",
        "they were collected in offering an information society service directly to a child.",
        "Right to restriction of processing (Art. 18)",
        "you have objected, until it is settled whether our grounds override yours.",
        "The archive's log",
    ] {
        assert!(text.contains(needle), "the reply lacks {needle:?}:\n{text}");
    }
    // The right to object stands apart, before the other rights, and names her purposes on
    // legitimate interest.
    let object = text.find("Your right to object").unwrap();
    let others = text.find("Your other rights").unwrap();
    assert!(object < others);
    assert!(
        text[object..others].contains("Name plates"),
        "{}",
        &text[object..others]
    );
    assert!(!text.contains("a copy of everything"));

    // Jakob: a subtenant only. No member administration, no board records.
    let r = access_request(&conn, Some(f.jakob), None);
    let reply = access::reply_in(&conn, r, None, today(), now()).unwrap();
    let x = &reply.export;
    assert_eq!(x.language, Lang::Da);
    assert_eq!(x.processing.roles, [SubjectRole::Subtenant]);
    // (The approval drafted a name plate with his name; it has not been sent.)
    assert_eq!(keys(x), ["sublets", "name_plates", "minutes_archive"]);
    assert!(x.processing.disclosures.is_empty());
    let text = reply.document.plain_text();
    assert!(
        text.contains("I foreningens register står du som fremlejetager."),
        "{text}"
    );
    assert!(!text.contains("Arkivets log"), "{text}");
    assert!(!text.contains("Administration af andelshavere"), "{text}");

    // Merete: a former owner.
    let r = access_request(&conn, Some(f.merete), None);
    let x = access::reply_in(&conn, r, None, today(), now())
        .unwrap()
        .export;
    assert_eq!(x.processing.roles, [SubjectRole::FormerOwner]);
    assert_eq!(keys(&x)[0], "members");

    // Someone outside the register: no purpose of the register concerns them.
    let r = access_request(&conn, None, Some("Tove Lindqvist"));
    let reply = access::reply_in(&conn, r, Some(Lang::Sv), today(), now()).unwrap();
    assert_eq!(reply.export.processing.roles, [SubjectRole::Outsider]);
    assert!(reply.export.processing.purposes.is_empty());
    assert!(reply.export.processing.processors.is_empty());
    let text = reply.document.plain_text();
    assert!(text.contains("Svar på din begäran"), "{text}");
    assert!(
        text.contains(
            "Inget av de ändamål som registret används för gäller dig utöver din begäran."
        ),
        "{text}"
    );
}

#[test]
fn a_bare_first_name_is_not_taken_for_the_requester() {
    let (conn, f) = register();
    minutes::import(
        &conn,
        "bm-2025.txt",
        "Referat af bestyrelsesmøde 1. maj 2025\n\nSofie Kragh fra nabolaget spurgte om cykelparkering. Sofie takkede for svaret.\n"
            .as_bytes()
            .to_vec(),
        None,
        Some(MeetingKind::Board),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    checked(&conn, f.request);
    let x = access::gather(&conn, f.request, today()).unwrap();
    assert!(
        x.minutes_mentions
            .iter()
            .all(|m| m.meeting_date.to_string() != "2025-05-01"),
        "another Sofie was taken for the requester: {:?}",
        x.minutes_mentions
    );
}

#[test]
fn the_access_reply_as_pdf_reads_back_with_pdftotext() {
    let (conn, f) = register();
    checked(&conn, f.request);
    let reply = access::reply(&conn, f.request, today(), now()).unwrap();
    let text = check_pdf(&render_pdf(&reply.document).unwrap(), "reply");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Svar på din anmodning om indsigt",
        "Sofie Brinkmann",
        "sofie.brinkmann@example.dk",
        "Omtale i referater",
        "Datatilsynet",
        "Automatiske afgørelser",
    ] {
        assert!(flat.contains(needle), "the PDF lacks {needle:?}:\n{text}");
    }
    for other in ["Dalsgaard", "Thorsager", "40 55 12 98"] {
        assert!(!flat.contains(other), "the PDF names {other}");
    }
}

#[test]
fn erasure_keeps_the_minutes_history_but_removes_the_contact_data() {
    let (conn, f) = register();
    // Someone still living there is not erased.
    let err = erase::erase(&conn, f.sofie, false, today(), ACTOR, now()).unwrap_err();
    assert!(matches!(err, erase::Error::StillCurrent { .. }), "{err}");

    let before = minutes::text(&conn, 2).unwrap();
    let dry = erase::erase(&conn, f.merete, true, today(), ACTOR, now()).unwrap();
    assert!(dry.dry_run);
    assert_eq!(
        dry.plan.placeholder,
        format!("Slettet person #{}", f.merete)
    );
    assert!(dry
        .plan
        .removed
        .iter()
        .any(|i| i.key == "contact" && i.count == 2));
    let minutes_item = dry.plan.kept.iter().find(|i| i.key == "minutes").unwrap();
    assert_eq!(minutes_item.count, 1);
    assert!(minutes_item.text.contains("history"));
    assert!(dry
        .plan
        .kept
        .iter()
        .any(|i| i.key == "ownerships" && i.text.contains("accounting")));
    assert_eq!(
        people::get(&conn, f.merete).unwrap().email.as_deref(),
        Some("merete@example.dk"),
        "a dry run changes nothing"
    );

    let done = erase::erase(&conn, f.merete, false, today(), ACTOR, now()).unwrap();
    assert_eq!(done.erased_on, Some(today()));
    let p = people::get(&conn, f.merete).unwrap();
    assert_eq!(p.name, format!("Slettet person #{}", f.merete));
    assert_eq!((p.phone, p.email, p.note), (None, None, None));
    // The ownership history stays, under the placeholder.
    let owned = ownership::of_person(&conn, f.merete).unwrap();
    assert_eq!(owned.len(), 1);
    assert_eq!(owned[0].person_name, p.name);
    // The minutes stay as they were.
    assert_eq!(minutes::text(&conn, 2).unwrap(), before);
    assert!(before.contains("Merete Vestergaard"));
    // Nothing in the register still holds her name or contact data.
    let dump: String = people::all(&conn)
        .unwrap()
        .iter()
        .map(|p| format!("{p:?}"))
        .collect();
    assert!(!dump.contains("Vestergaard") && !dump.contains("51 92 33 07"));
    let entry = andel_core::audit::recent(&conn, 1).unwrap().remove(0);
    assert_eq!(entry.action, "person.erase");
    assert_eq!(
        entry.subject.as_deref(),
        Some(format!("person:{}", f.merete).as_str())
    );
    assert!(matches!(
        erase::erase(&conn, f.merete, false, today(), ACTOR, now()),
        Err(erase::Error::AlreadyErased { .. })
    ));
    let _ = f.henrik;
}

#[test]
fn retention_follows_the_clock_passed_in() {
    let (conn, f) = register();
    // A rejected sublet request from a subtenant nobody else knows.
    let stranger = person(&conn, "Ole Skovbakke", Some("60 11 22 33"), None);
    let u4 = units::by_number(&conn, "4").unwrap().id;
    let s = sublets::request(
        &conn,
        &SubletRequest {
            unit_id: u4,
            owner_id: Some(f.sofie),
            subtenant_id: stranger,
            requested_on: day("2024-06-01"),
            reason: None,
            from: day("2024-07-01"),
            to: day("2024-12-31"),
        },
        ACTOR,
        now(),
    )
    .unwrap();
    sublets::decide(
        &conn,
        s.id,
        sublets::Ruling::plain(Decision::Rejected, day("2024-06-10"), None),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    // Merete asks for access: while the request is open, her contact data stays.
    let hers = requests::add(
        &conn,
        &NewRequest {
            kind: RequestKind::Access,
            received_on: day("2026-03-01"),
            channel: None,
            person_id: Some(f.merete),
            requester_name: None,
            note: None,
        },
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    assert!(retention::due(&conn, today())
        .unwrap()
        .iter()
        .all(|i| i.kind != RecordKind::FormerOwnerContact));
    requests::close(
        &conn,
        hers.id,
        RequestStatus::Answered,
        today(),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    requests::close(
        &conn,
        f.request,
        RequestStatus::Answered,
        day("2026-03-10"),
        today(),
        ACTOR,
        now(),
    )
    .unwrap();

    // Merete moved out on 2019-06-01 (5 years end on 2024-06-01), the plate was mounted
    // 2019-03-20 (due 2020-03-20), Jakob's sublet ended 2022-12-31 (his contact data is due a
    // year later; the sublet itself stays).
    let kinds = |d: &str| -> Vec<(RecordKind, Id)> {
        retention::due(&conn, day(d))
            .unwrap()
            .into_iter()
            .map(|i| (i.kind, i.record_id))
            .collect()
    };
    assert_eq!(kinds("2020-03-19"), []);
    assert_eq!(
        kinds("2020-03-20"),
        [(RecordKind::MountedPlateOrder, f.plate)]
    );
    assert_eq!(
        kinds("2023-12-30"),
        [(RecordKind::MountedPlateOrder, f.plate)]
    );
    assert_eq!(
        kinds("2024-06-01"),
        [
            (RecordKind::MountedPlateOrder, f.plate),
            (RecordKind::FormerSubtenantContact, f.jakob),
            (RecordKind::FormerOwnerContact, f.merete)
        ]
    );
    let at = day("2029-03-10");
    assert_eq!(
        kinds("2029-03-10"),
        [
            (RecordKind::MountedPlateOrder, f.plate),
            (RecordKind::FormerSubtenantContact, f.jakob),
            (RecordKind::FormerOwnerContact, f.merete),
            (RecordKind::RejectedSublet, s.id),
            (RecordKind::ClosedRequest, f.request),
        ]
    );

    // Rules are editable, except the minutes'.
    assert!(matches!(
        retention::set_rule(&conn, RecordKind::Minutes, Some(12), ACTOR, now()),
        Err(retention::Error::MinutesKept)
    ));
    let r = retention::set_rule(&conn, RecordKind::ClosedRequest, Some(48), ACTOR, now()).unwrap();
    assert!(r.changed);
    assert_eq!(r.default_months, Some(36));
    assert_eq!(kinds("2029-03-10").len(), 4);
    retention::set_rule(&conn, RecordKind::RejectedSublet, None, ACTOR, now()).unwrap();
    assert_eq!(kinds("2029-03-10").len(), 3);
    retention::reset_rule(&conn, RecordKind::RejectedSublet, ACTOR, now()).unwrap();
    retention::reset_rule(&conn, RecordKind::ClosedRequest, ACTOR, now()).unwrap();
    assert_eq!(kinds("2029-03-10").len(), 5);
    let minutes_rule = retention::rule(&conn, RecordKind::Minutes).unwrap();
    assert_eq!(minutes_rule.months, None);

    let audit_before = andel_core::audit::count(&conn).unwrap();
    let applied = retention::apply(&conn, at, ACTOR, now()).unwrap();
    assert_eq!(applied.items.len(), 5);
    assert_eq!(applied.people_deleted, 1, "the rejected subtenant goes too");
    assert!(people::get(&conn, stranger).is_err());
    let m = people::get(&conn, f.merete).unwrap();
    assert_eq!(m.name, "Merete Vestergaard", "only the contact data goes");
    assert_eq!((m.phone, m.email), (None, None));
    // The former subtenant keeps his name and his sublet, as the unit's history.
    let j = people::get(&conn, f.jakob).unwrap();
    assert_eq!((j.name.as_str(), j.phone), ("Jakob Thorsager", None));
    assert_eq!(sublets::of_person(&conn, f.jakob, at).unwrap().len(), 1);
    assert_eq!(
        plates::count(&conn).unwrap(),
        1,
        "only the proposed draft for Jakob is left"
    );
    assert!(requests::get(&conn, f.request, at).is_err());
    assert_eq!(minutes::count(&conn).unwrap(), 3, "minutes are kept");
    assert_eq!(andel_core::audit::count(&conn).unwrap(), audit_before + 6);
    assert!(retention::due(&conn, at).unwrap().is_empty());
    assert!(overview::overview(&conn, at)
        .unwrap()
        .retention_due
        .is_empty());
}

fn open(path: &Path, passphrase: &str) -> Result<Vault, vault::Error> {
    let mut options = OpenOptions::new("test");
    options.read_only = true;
    Vault::open(
        path,
        &Unlock::Passphrase(SecretString::from(passphrase.to_string())),
        &options,
        now(),
    )
}

fn archive(dir: &Path) -> Vault {
    let mut v = Vault::create(
        &dir.join("lindehaven.andel"),
        "A/B Lindehaven",
        Country::DK,
        quick_passphrase("gammel kode 2025"),
        ACTOR,
        now(),
    )
    .unwrap();
    // The association record exists already; the rest of the fixture goes in by hand.
    let conn = v.conn();
    let u = unit(conn, "4", "Lindevej 3", "2. tv.");
    let p = person(conn, "Sofie Brinkmann", None, None);
    let h = person(conn, "Henrik Dalsgaard", None, None);
    ownership::start(
        conn,
        u,
        p,
        Some(day("2019-03-01")),
        false,
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    roles::add(
        conn,
        h,
        RoleKind::Chair,
        Some(day("2020-05-01")),
        Some(day("2026-03-01")),
        ACTOR,
        now(),
    )
    .unwrap();
    roles::add(
        conn,
        p,
        RoleKind::Chair,
        Some(day("2026-03-02")),
        None,
        ACTOR,
        now(),
    )
    .unwrap();
    v.save(now()).unwrap();
    v
}

/// A handover that fails after the board's sweep says that the sweep is kept, and how much it
/// deleted.
#[test]
fn a_handover_that_fails_after_the_sweep_says_the_sweep_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path());
    let out = dir.path().join("taken.andel");
    std::fs::write(&out, b"someone else's file").unwrap();
    let err = handover::handover_after_sweep(
        &v,
        &out,
        quick_passphrase("ny kode 2026"),
        None,
        4,
        today(),
        now(),
    )
    .unwrap_err();
    assert!(
        matches!(&err, handover::Error::AfterSweep { swept: 4, source } if matches!(**source, handover::Error::Exists(_))),
        "{err:?}"
    );
    let said = err.to_string();
    assert!(
        said.contains("A file already exists") && said.contains("deleted or anonymised 4 records"),
        "{said}"
    );
    // Without a sweep the error is the handover's own.
    assert!(matches!(
        handover::handover(
            &v,
            &out,
            quick_passphrase("ny kode 2026"),
            None,
            today(),
            now()
        ),
        Err(handover::Error::Exists(_))
    ));
}

#[test]
fn the_handover_writes_a_new_file_only_the_new_passphrase_opens() {
    require_tool("pdftotext");
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path());
    let original = sha256(v.path());
    let out = dir.path().join("lindehaven-2026.andel");

    // Refusals first: they leave nothing behind.
    assert!(matches!(
        handover::handover(&v, v.path(), quick_passphrase("ny"), None, today(), now()),
        Err(handover::Error::SameFile)
    ));
    assert!(matches!(
        handover::handover(
            &v,
            &out,
            quick_passphrase("gammel kode 2025"),
            None,
            today(),
            now()
        ),
        Err(handover::Error::SamePassphrase)
    ));
    assert!(matches!(
        handover::handover(
            &v,
            &dir.path().join("no such folder").join("x.andel"),
            quick_passphrase("ny"),
            None,
            today(),
            now()
        ),
        Err(handover::Error::NoFolder(_))
    ));
    assert!(!out.exists());

    let r = handover::handover(
        &v,
        &out,
        quick_passphrase("ny kode 2026"),
        None,
        today(),
        now(),
    )
    .unwrap();
    assert!(r.verified);
    assert_eq!(r.old_passphrase_refused, Some(true));
    assert_eq!(r.file_name, "lindehaven-2026.andel");
    assert_eq!(r.boards.incoming, ["Sofie Brinkmann (formand)"]);
    assert_eq!(r.boards.outgoing, ["Henrik Dalsgaard (formand)"]);
    assert_eq!(r.counts.units, 1);
    assert_eq!(r.counts.people, 2);

    // The new file: the new passphrase opens it, the old does not; the original is untouched.
    let new = open(&out, "ny kode 2026").unwrap();
    assert_eq!(andel_core::summary::of(&new).unwrap().counts, r.counts);
    assert_eq!(
        andel_core::audit::recent(new.conn(), 1).unwrap()[0].action,
        "archive.handover"
    );
    assert!(matches!(
        open(&out, "gammel kode 2025"),
        Err(vault::Error::WrongPassphrase)
    ));
    assert_eq!(
        sha256(v.path()),
        original,
        "the original file is not touched"
    );
    assert!(open(v.path(), "gammel kode 2025").is_ok());

    // The receipt's SHA-256 is the file's, and the PDF says so.
    assert_eq!(r.sha256, sha256(&out));
    let receipt = dir.path().join("lindehaven-2026-receipt.pdf");
    assert_eq!(Path::new(&r.receipt), receipt);
    let text = check_pdf(&std::fs::read(&receipt).unwrap(), "receipt");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for needle in [
        "Kvittering for overdragelse af arkivet",
        "A/B Lindehaven",
        "14. marts 2026",
        "Henrik Dalsgaard (formand)",
        "Sofie Brinkmann (formand)",
        "lindehaven-2026.andel",
        r.sha256.as_str(),
        "digitale arkiv",
    ] {
        assert!(
            flat.to_lowercase().contains(&needle.to_lowercase()),
            "the receipt lacks {needle:?}:\n{text}"
        );
    }
    // The archive records no organisations: the receipt speaks of no agreements.
    assert!(!flat.contains("databehandleraftale"), "{text}");

    // A second handover to the same name is refused; nothing is overwritten.
    let sha = sha256(&out);
    assert!(matches!(
        handover::handover(&v, &out, quick_passphrase("tredje"), None, today(), now()),
        Err(handover::Error::Exists(_))
    ));
    assert_eq!(sha256(&out), sha);
}

/// Issue 12: a handover accepted the passphrase "x". A new passphrase must pass the strength
/// check that warns at creation, and is refused with the same words; nothing is written.
#[test]
fn the_handover_refuses_a_weak_new_passphrase() {
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path());
    let out = dir.path().join("next.andel");
    // Too short, one character twelve times (the app's minimum length), a common password.
    for weak in ["x", "aaaaaaaaaaaa", "bestyrelsen2026"] {
        let e =
            handover::handover(&v, &out, quick_passphrase(weak), None, today(), now()).unwrap_err();
        assert!(matches!(e, handover::Error::WeakPassphrase), "{weak}: {e}");
        assert_eq!(e.code(), andel_core::ErrorCode::InvalidInput);
        assert!(e.to_string().contains(vault::WEAK_PASSPHRASE), "{e}");
        assert!(!out.exists());
        assert!(!handover::receipt_path(&out).exists());
    }
}

/// The receipt says only what happened: what the sweep deleted when the board ran it first,
/// else what is still past its retention, never "deleted" for records that were not.
#[test]
fn the_handover_receipt_says_what_the_sweep_did_or_what_is_still_due() {
    let dir = tempfile::tempdir().unwrap();
    let mut v = archive(dir.path());
    {
        let conn = v.conn();
        let u9 = unit(conn, "9", "Lindevej 7", "st. th.");
        let m = person(conn, "Merete Vestergaard", Some("51 92 33 07"), None);
        let o = ownership::start(
            conn,
            u9,
            m,
            Some(day("2010-01-01")),
            false,
            today(),
            ACTOR,
            now(),
        )
        .unwrap();
        ownership::end(conn, o.id, day("2019-06-01"), ACTOR, now()).unwrap();
    }
    v.save(now()).unwrap();
    let text_of = |r: &handover::HandoverReceipt| {
        let t = check_pdf(&std::fs::read(&r.receipt).unwrap(), "receipt");
        t.split_whitespace().collect::<Vec<_>>().join(" ")
    };

    // Handed over without the sweep: the contact data is due still, and the receipt says so.
    let r = handover::handover(
        &v,
        &dir.path().join("uden-sletning.andel"),
        quick_passphrase("ny kode 2026"),
        None,
        today(),
        now(),
    )
    .unwrap();
    assert_eq!((r.retention_swept, r.retention_due), (0, 1));
    let text = text_of(&r);
    assert!(
        text.contains("Ikke slettet ved overdragelsen, selv om opbevaringsperioden er udløbet; den nye bestyrelse skal køre sletningen: tidligere andelshaveres kontaktoplysninger (1)."),
        "{text}"
    );
    assert!(!text.contains("er slettet"), "{text}");

    // The apps check the handover before the sweep they may run first: a target that exists is
    // refused by the check alone, so the sweep is never run for a handover that cannot happen.
    let taken = dir.path().join("optaget.andel");
    std::fs::write(&taken, b"someone else's file").unwrap();
    assert!(matches!(
        handover::check(&v, &taken, &quick_passphrase("ny kode 2026")),
        Err(handover::Error::Exists(_))
    ));
    assert!(handover::check(
        &v,
        &dir.path().join("med-sletning.andel"),
        &quick_passphrase("ny kode 2026")
    )
    .is_ok());
    assert_eq!(retention::due(v.conn(), today()).unwrap().len(), 1);

    // The sweep first (as the wizard offers), then a handover that fails: the sweep is kept.
    let applied = retention::apply(v.conn(), today(), ACTOR, now()).unwrap();
    assert_eq!(applied.items.len(), 1);
    let failed = handover::handover_after_sweep(
        &v,
        &taken,
        quick_passphrase("ny kode 2026"),
        None,
        applied.items.len() as u32,
        today(),
        now(),
    )
    .unwrap_err();
    assert!(
        failed
            .to_string()
            .contains("The next handover's receipt counts them"),
        "{failed}"
    );

    // The retry has nothing left to sweep, yet its receipt counts what the failed attempt's
    // sweep deleted (by the audit trail), and says nothing is due.
    assert!(retention::apply(v.conn(), today(), ACTOR, now())
        .unwrap()
        .items
        .is_empty());
    let new = dir.path().join("med-sletning.andel");
    let r = handover::handover_after_sweep(
        &v,
        &new,
        quick_passphrase("ny kode 2026"),
        None,
        0,
        today(),
        now(),
    )
    .unwrap();
    assert_eq!((r.retention_swept, r.retention_due), (1, 0));
    let text = text_of(&r);
    assert!(
        text.contains("Siden arkivet sidst blev overdraget (eller oprettet), har sletningen efter opbevaringsreglerne slettet eller anonymiseret 1 poster"),
        "{text}"
    );
    assert!(!text.contains("Ikke slettet"), "{text}");
    assert!(!text.contains("intet har overskredet"), "{text}");

    // The incoming board's year starts at the handover: in the new archive, the outgoing board's
    // sweep is no longer counted.
    let received = open(&new, "ny kode 2026").unwrap();
    assert_eq!(retention::swept_since_handover(received.conn()).unwrap(), 0);
    assert_eq!(retention::swept_since_handover(v.conn()).unwrap(), 1);
}

/// Issue 17, item 4: the receipt's checklist names the agreements the register records, by
/// organisation, and the processors without one; a bank or an auditor without an agreement is an
/// independent controller and not named.
#[test]
fn the_handover_receipt_names_the_recorded_agreements_and_the_missing_ones() {
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path());
    for (name, kind, signed) in [
        (
            "Boligadministration Nord A/S",
            OrganisationKind::Administrator,
            Some("2024-01-15"),
        ),
        ("Lindevej Vicevært ApS", OrganisationKind::Caretaker, None),
        ("Andelskassen Vest", OrganisationKind::Bank, None),
        ("Kælderens Vinduespudsning", OrganisationKind::Other, None),
    ] {
        organisations::add(
            v.conn(),
            &OrganisationFields {
                name: Some(name.into()),
                kind: Some(kind),
                dpa_signed_on: signed.map(Into::into),
                ..Default::default()
            },
            ACTOR,
            now(),
        )
        .unwrap();
    }
    let r = handover::handover(
        &v,
        &dir.path().join("ny.andel"),
        quick_passphrase("ny kode 2026"),
        None,
        today(),
        now(),
    )
    .unwrap();
    let text = check_pdf(&std::fs::read(&r.receipt).unwrap(), "receipt");
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Databehandleraftalerne med Boligadministration Nord A/S er gennemgået."),
        "{flat}"
    );
    assert!(
        flat.contains("Der er ingen databehandleraftale registreret med Lindevej Vicevært ApS:"),
        "{flat}"
    );
    for independent in ["Andelskassen Vest", "Kælderens Vinduespudsning"] {
        assert!(!flat.contains(independent), "{independent}: {flat}");
    }
    // The kinds the archive does not have are not named either.
    assert!(!flat.contains("nyhedsbrev"), "{flat}");
    // The contents name the units with the glossary's word, apart from the ownerships.
    assert!(flat.contains("Boliger 1"), "{flat}");
    assert!(flat.contains("Andele, nuværende og tidligere 1"), "{flat}");
}

#[test]
fn the_handover_to_the_new_members_keys() {
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path());
    let a = crate::support::new_identity();
    let b = crate::support::new_identity();
    let out = dir.path().join("keys.andel");
    let r = handover::handover(
        &v,
        &out,
        Encryption::Recipients(vec![a.to_public(), b.to_public()]),
        None,
        today(),
        now(),
    )
    .unwrap();
    assert_eq!(r.encryption, "recipients");
    assert_eq!(r.recipients, 2);
    assert_eq!(r.old_passphrase_refused, Some(true));
    let mut options = OpenOptions::new("test");
    options.read_only = true;
    let opened = Vault::open(&out, &Unlock::Identities(vec![b]), &options, now()).unwrap();
    assert_eq!(andel_core::summary::of(&opened).unwrap().recipients, 2);
    assert!(open(&out, "gammel kode 2025").is_err());
}

/// Issue 17: an extension runs three calendar months from receipt, not two months from a
/// deadline that February has already clamped.
#[test]
fn an_extension_is_counted_from_receipt() {
    let (conn, f) = register();
    let _ = f;
    let received = day("2026-01-31");
    let id = requests::add(
        &conn,
        &NewRequest {
            kind: RequestKind::Access,
            received_on: received,
            channel: None,
            person_id: None,
            requester_name: Some("Ellen Vestergaard".into()),
            note: None,
        },
        day("2026-02-02"),
        ACTOR,
        now(),
    )
    .unwrap()
    .id;
    let decided = day("2026-02-10");
    let r = requests::extend(
        &conn,
        id,
        2,
        "Mange referater",
        decided,
        decided,
        ACTOR,
        now(),
    )
    .unwrap();
    assert_eq!(r.due_on, day("2026-02-28"));
    assert_eq!(r.deadline, day("2026-04-30"));
    assert_eq!(r.extended_on, Some(decided));
}

#[test]
fn the_access_reply_names_the_special_grounds_a_norwegian_board_approved_on() {
    let (conn, f) = register();
    association::update(
        &conn,
        &AssociationChanges {
            country: Some(Country::NO),
            ..Default::default()
        },
        ACTOR,
        now(),
    )
    .unwrap();
    let unit = sublets::of_person(&conn, f.jakob, today()).unwrap()[0].unit_id;
    let s = sublets::request(
        &conn,
        &SubletRequest {
            unit_id: unit,
            owner_id: Some(f.sofie),
            subtenant_id: f.jakob,
            requested_on: day("2026-02-01"),
            reason: Some("Arbeid i Tromsø".into()),
            from: day("2026-04-01"),
            to: day("2031-03-31"),
        },
        ACTOR,
        now(),
    )
    .unwrap();
    sublets::decide(
        &conn,
        s.id,
        sublets::Ruling {
            special_grounds: Some(sublets::SpecialGrounds::Absence),
            ..sublets::Ruling::plain(Decision::Approved, day("2026-02-20"), Some(f.henrik))
        },
        today(),
        ACTOR,
        now(),
    )
    .unwrap();
    let r = access_request(&conn, Some(f.jakob), None);
    let reply = access::reply_in(&conn, r, Some(Lang::Nb), today(), now()).unwrap();
    let entry = reply
        .export
        .sublets
        .iter()
        .find(|e| e.id == s.id)
        .expect("the new sublet is in the reply");
    assert_eq!(
        entry.special_grounds,
        Some(sublets::SpecialGrounds::Absence)
    );
    // The JSON export carries the grounds, a field version 3 did not have: the format's version
    // says so to whoever reads the file.
    let json = serde_json::to_value(&reply.export).unwrap();
    assert_eq!(json["format"], "andel.access-reply/4");
    let sublet = json["sublets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == s.id)
        .unwrap();
    assert_eq!(sublet["special_grounds"], "absence");
    let text = reply.document.plain_text();
    assert!(
        text.contains("godkjent 2026-02-20, på særlige grunner etter borettslagsloven § 5-6 første ledd nr. 2"),
        "{text}"
    );
    let en = access::reply_in(&conn, r, Some(Lang::En), today(), now()).unwrap();
    assert!(en
        .document
        .plain_text()
        .contains("on special grounds under borettslagsloven § 5-6 (1) no. 2"));
}
