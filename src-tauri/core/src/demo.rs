//! The demo archive: a fictional Danish association to try Andel with. Every name and number in
//! it is invented. It grows as each area of the app lands.
//!
//! The register is built relative to the `now` passed in, so the demo always has something to
//! show on the overview: a sublet ending in a few weeks, a request awaiting the board's decision,
//! name-plate orders waiting to be sent and to be mounted.

use std::path::Path;

use chrono::{DateTime, Datelike, Duration, Months, NaiveDate, Utc};
use rusqlite::Connection;

use crate::association::{self, AssociationChanges, Country};
use crate::register::organisations::{self, OrganisationFields, OrganisationKind};
use crate::register::plates::{self, PlateKind};
use crate::register::roles::{self, RoleKind};
use crate::register::sublets::{self, Decision, Request};
use crate::register::{ownership, people, units, Id};
use crate::vault::{Encryption, SecretString, Vault};

/// The demo archive's passphrase, shown on the start screen and printed by `andel demo`.
pub const DEMO_PASSPHRASE: &str = "demo-andel-2026";

/// The demo association's name.
pub const DEMO_NAME: &str = "A/B Kastanjegården";

const ACTOR: &str = "Demo";

/// Writes the demo archive at `path` (which must not exist).
pub fn create(
    path: &Path,
    scrypt_work_factor: Option<u8>,
    now: DateTime<Utc>,
) -> Result<Vault, crate::vault::Error> {
    let encryption = Encryption::Passphrase {
        passphrase: SecretString::from(DEMO_PASSPHRASE.to_string()),
        work_factor: scrypt_work_factor,
    };
    let mut vault = Vault::create(path, DEMO_NAME, Country::DK, encryption, ACTOR, now)?;
    association::update(
        vault.conn(),
        &AssociationChanges {
            org_number: Some("29 87 65 43".into()),
            address: Some("Kastanjevej 2-10, 8000 Aarhus C".into()),
            email: Some("bestyrelsen@kastanjegaarden.example".into()),
            ..Default::default()
        },
        ACTOR,
        now,
    )?;
    {
        let tx = vault.conn_mut().transaction().map_err(|e| {
            crate::vault::Error::Store(crate::store::Error::Sqlite {
                op: "writing the demo register",
                source: e,
            })
        })?;
        register(&tx, now).map_err(crate::vault::Error::Invalid)?;
        minutes(&tx, now).map_err(crate::vault::Error::Invalid)?;
        requests(&tx, now).map_err(crate::vault::Error::Invalid)?;
        tx.commit().map_err(|e| {
            crate::vault::Error::Store(crate::store::Error::Sqlite {
                op: "writing the demo register",
                source: e,
            })
        })?;
    }
    vault.save(now)?;
    Ok(vault)
}

const FIRST: [&str; 48] = [
    "Anne", "Bent", "Camilla", "Dennis", "Ellen", "Frank", "Gitte", "Henrik", "Inge", "Jesper",
    "Karen", "Lars", "Mette", "Niels", "Oda", "Poul", "Rikke", "Søren", "Tove", "Ulla", "Vagn",
    "Winnie", "Yrsa", "Åge", "Birthe", "Claus", "Dorthe", "Erik", "Freja", "Gorm", "Hanne", "Ib",
    "Jytte", "Kasper", "Lone", "Morten", "Nanna", "Ole", "Pia", "Rasmus", "Signe", "Thomas",
    "Ulrik", "Vibeke", "Asta", "Bo", "Cecilie", "Dan",
];

const LAST: [&str; 48] = [
    "Kastrup",
    "Mølgaard",
    "Holmsted",
    "Lindbjerg",
    "Damsgaard",
    "Skovbo",
    "Kjærholm",
    "Bækgaard",
    "Fjordside",
    "Højlund",
    "Engholm",
    "Sandvad",
    "Ravnholt",
    "Gyldenø",
    "Stenbæk",
    "Ålund",
    "Birkedal",
    "Hasselby",
    "Troelund",
    "Vestergaard-Mose",
    "Ørnebjerg",
    "Lyngdal",
    "Brøndsted",
    "Egeskov",
    "Fuglsang",
    "Granhøj",
    "Hedelund",
    "Isbrand",
    "Juulsgaard",
    "Klitgaard",
    "Løvenhøj",
    "Marbæk",
    "Nørrelund",
    "Overby",
    "Pilegaard",
    "Rosenvold",
    "Sølund",
    "Tornbjerg",
    "Urhøj",
    "Valdby",
    "Wedelsted",
    "Yderlund",
    "Ågaard",
    "Bakkegaard",
    "Dalsø",
    "Elmelund",
    "Fladstrand",
    "Grønbech",
];

/// The demo register. Errors are messages: they can only come from a bug in this file.
fn register(conn: &Connection, now: DateTime<Utc>) -> Result<(), String> {
    let today = now.date_naive();
    let err = |e: &dyn std::fmt::Display| format!("the demo register could not be built: {e}");
    let years_ago = |y: u32, month: u32| -> NaiveDate {
        NaiveDate::from_ymd_opt(today.year() - y as i32, month, 1).unwrap_or(today)
    };

    // 40 units: five staircases, ground floor to 3rd floor, left and right.
    let mut unit_ids: Vec<Id> = Vec::new();
    let mut share = 1;
    for house in [2, 4, 6, 8, 10] {
        for floor in ["st.", "1.", "2.", "3."] {
            for side in ["tv.", "th."] {
                let u = units::add(
                    conn,
                    &units::UnitFields {
                        number: Some(share.to_string()),
                        flat: None,
                        address: Some(format!("Kastanjevej {house}")),
                        postcode_city: Some("8000 Aarhus C".into()),
                        floor_side: Some(format!("{floor} {side}")),
                    },
                    ACTOR,
                    now,
                )
                .map_err(|e| err(&e))?;
                unit_ids.push(u.id);
                share += 1;
            }
        }
    }

    let person = |name: &str, email: bool, phone: u32| -> Result<Id, String> {
        let slug: String = name
            .to_lowercase()
            .replace('æ', "ae")
            .replace('ø', "oe")
            .replace('å', "aa")
            .replace(' ', ".");
        let p = people::add(
            conn,
            &people::PersonFields {
                name: Some(name.to_string()),
                phone: Some(format!(
                    "{} {} {} {}",
                    20 + phone % 80,
                    10 + (phone * 7) % 90,
                    10 + (phone * 13) % 90,
                    10 + (phone * 29) % 90
                )),
                email: email.then(|| format!("{slug}@mail.example")),
                note: None,
            },
            ACTOR,
            now,
        )
        .map_err(|e| err(&e))?;
        Ok(p.id)
    };

    // Owners. Every fifth unit has two owners; six units changed hands, so their former owners
    // are kept with an end date.
    let mut owners: Vec<(Id, Vec<Id>)> = Vec::new();
    for (i, unit) in unit_ids.iter().enumerate() {
        let name = format!("{} {}", FIRST[i], LAST[i]);
        let moved_in = years_ago(1 + (i as u32 * 7) % 24, 1 + (i as u32 * 5) % 12);
        if i % 7 == 3 {
            let former = person(
                &format!("{} {}", FIRST[(i + 11) % 48], LAST[(i + 23) % 48]),
                false,
                90 + i as u32,
            )?;
            let o = ownership::start(
                conn,
                *unit,
                former,
                Some(years_ago(30, 8)),
                false,
                today,
                ACTOR,
                now,
            )
            .map_err(|e| err(&e))?;
            ownership::end(conn, o.id, moved_in, ACTOR, now).map_err(|e| err(&e))?;
        }
        let mut ids = vec![person(&name, i % 3 != 2, i as u32)?];
        if i % 5 == 1 {
            let partner = format!("{} {}", FIRST[(i + 24) % 48], LAST[i]);
            ids.push(person(&partner, true, 50 + i as u32)?);
        }
        for p in &ids {
            ownership::start(conn, *unit, *p, Some(moved_in), false, today, ACTOR, now)
                .map_err(|e| err(&e))?;
        }
        owners.push((*unit, ids));
    }

    // A recent sale: unit 40's owner moved out two weeks ago and the buyer moved in; the new
    // owner's name-plate draft is waiting to be sent.
    let (unit_40, sellers) = owners[39].clone();
    let handover = today - Duration::days(14);
    for o in ownership::current_of_unit(conn, unit_40, today).map_err(|e| err(&e))? {
        if sellers.contains(&o.person_id) {
            ownership::end(conn, o.id, handover, ACTOR, now).map_err(|e| err(&e))?;
        }
    }
    let buyer = person("Malthe Kornerup", true, 77)?;
    ownership::start(
        conn,
        unit_40,
        buyer,
        Some(handover),
        true,
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;

    // Organisations, with their data processing agreements.
    let org = |name: &str,
               kind,
               dpa: Option<NaiveDate>,
               reference: Option<&str>,
               email: &str,
               third: Option<(&str, &str)>| {
        organisations::add(
            conn,
            &OrganisationFields {
                name: Some(name.into()),
                kind: Some(kind),
                contact: None,
                email: Some(email.into()),
                phone: None,
                dpa_signed_on: dpa.map(crate::dates::iso),
                dpa_reference: reference.map(str::to_string),
                third_country: third.map(|(c, _)| c.to_string()),
                transfer_safeguard: third.map(|(_, s)| s.to_string()),
                transfer_safeguard_language: None,
            },
            ACTOR,
            now,
        )
        .map_err(|e| err(&e))
    };
    org(
        "Aarhus Andelsadministration ApS",
        OrganisationKind::Administrator,
        Some(years_ago(3, 2)),
        Some("DBA-2023-014"),
        "kontakt@aarhus-andelsadm.example",
        None,
    )?;
    let caretaker = org(
        "Kastanje Ejendomsservice ApS",
        OrganisationKind::Caretaker,
        Some(years_ago(2, 6)),
        Some("Databehandleraftale af juni"),
        "drift@kastanje-service.example",
        None,
    )?;
    org(
        "Skyarkivet A/S",
        OrganisationKind::Cloud,
        Some(years_ago(1, 9)),
        Some("Standardvilkår v4"),
        "support@skyarkivet.example",
        None,
    )?;
    org(
        "Postbud Nyhedsbreve Inc.",
        OrganisationKind::Newsletter,
        Some(years_ago(1, 3)),
        Some("DPA 2.1"),
        "privacy@postbud-news.example",
        Some(("US", "EU-US Data Privacy Framework")),
    )?;
    org(
        "Andelskassen Østjylland",
        OrganisationKind::Bank,
        None,
        None,
        "erhverv@andelskassen.example",
        None,
    )?;
    org(
        "Revisionsfirmaet Holm & Bak ApS",
        OrganisationKind::Auditor,
        None,
        None,
        "revision@holmbak.example",
        None,
    )?;

    // The board, elected at last spring's general meeting, and the meeting's officials.
    let elected = NaiveDate::from_ymd_opt(today.year() - 1, 4, 24).unwrap_or(today);
    let board = [
        (2, RoleKind::Chair),
        (8, RoleKind::ViceChair),
        (13, RoleKind::Treasurer),
        (21, RoleKind::Secretary),
        (27, RoleKind::BoardMember),
        (33, RoleKind::Alternate),
        (17, RoleKind::Webmaster),
        (30, RoleKind::NominationCommittee),
    ];
    for (unit_index, kind) in board {
        let who = owners[unit_index].1[0];
        roles::add(conn, who, kind, Some(elected), None, ACTOR, now).map_err(|e| err(&e))?;
    }
    // The previous chair stepped down at that meeting.
    roles::add(
        conn,
        owners[5].1[0],
        RoleKind::Chair,
        Some(NaiveDate::from_ymd_opt(today.year() - 4, 4, 20).unwrap_or(today)),
        Some(elected - Duration::days(1)),
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    let lawyer = person("Helle Brandstrup", true, 61)?;
    roles::add(
        conn,
        lawyer,
        RoleKind::MeetingChair,
        Some(elected),
        Some(elected),
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    roles::add(
        conn,
        owners[21].1[0],
        RoleKind::MinuteTaker,
        Some(elected),
        Some(elected),
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    let auditor = person("Kim Bak", true, 62)?;
    roles::add(
        conn,
        auditor,
        RoleKind::Auditor,
        Some(elected),
        None,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    let chair = owners[2].1[0];

    // Two sublets: one approved last year that ends in three weeks, one request awaiting the
    // board's decision.
    let subtenant = person("Jonas Elkjær Vinter", true, 63)?;
    let start = today.checked_sub_months(Months::new(11)).unwrap_or(today);
    let s = sublets::request(
        conn,
        &Request {
            unit_id: owners[11].0,
            owner_id: Some(owners[11].1[0]),
            subtenant_id: subtenant,
            requested_on: start - Duration::days(40),
            reason: Some("Udstationeret af arbejdsgiver i et år".into()),
            from: start,
            to: today + Duration::days(21),
        },
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    sublets::decide(
        conn,
        s.id,
        sublets::Ruling::plain(Decision::Approved, start - Duration::days(30), Some(chair)),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    // That approval proposed a plate for the subtenant; it went up long ago.
    for p in plates::of_unit(conn, owners[11].0).map_err(|e| err(&e))? {
        plates::mark_sent(
            conn,
            p.id,
            Some(caretaker.id),
            start - Duration::days(20),
            ACTOR,
            now,
        )
        .map_err(|e| err(&e))?;
        plates::mark_mounted(conn, p.id, start - Duration::days(5), ACTOR, now)
            .map_err(|e| err(&e))?;
    }
    let applicant = person("Sofie Aagaard Lunde", true, 64)?;
    sublets::request(
        conn,
        &Request {
            unit_id: owners[24].0,
            owner_id: Some(owners[24].1[0]),
            subtenant_id: applicant,
            requested_on: today - Duration::days(6),
            reason: Some("Studieophold i Lund, to semestre".into()),
            from: today + Duration::days(45),
            to: today + Duration::days(45 + 300),
        },
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;

    // A plate order sent to the caretaker last week and not yet mounted.
    let sent = plates::add(
        conn,
        owners[6].0,
        &[format!("{} {}", FIRST[6], LAST[6])],
        &[PlateKind::Door, PlateKind::Mailbox, PlateKind::Intercom],
        today - Duration::days(12),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    plates::mark_sent(
        conn,
        sent.id,
        Some(caretaker.id),
        today - Duration::days(7),
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    Ok(())
}

/// A date as Danish minutes write it: "24. april 2025".
fn danish_date(d: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ];
    let month = MONTHS.get(d.month0() as usize).copied().unwrap_or("");
    format!("{}. {month} {}", d.day(), d.year())
}

/// The demo minutes: four meetings over three years, each with personal data for the redaction to
/// find (residents by name, phone numbers, an address, a CPR number written by mistake, a guest's
/// name, a car plate) beside officials whose names stay on the meeting's date. Names are those of
/// the demo register above; the previous chair's name stays in the minutes of her time and the
/// current chair's name goes in the minutes from before she was elected. One is imported as a PDF
/// made by Andel's own export, the others as .txt and .md.
fn minutes(conn: &Connection, now: DateTime<Utc>) -> Result<(), String> {
    use crate::minutes::{self as archive, ExportFormat, MeetingKind};
    let today = now.date_naive();
    let err = |e: &dyn std::fmt::Display| format!("the demo minutes could not be built: {e}");
    let name = |i: usize| format!("{} {}", FIRST[i], LAST[i]);
    let phone = |i: u32| {
        format!(
            "{} {} {} {}",
            20 + i % 80,
            10 + (i * 7) % 90,
            10 + (i * 13) % 90,
            10 + (i * 29) % 90
        )
    };
    let day = |years_back: i32, month: u32, day: u32| {
        NaiveDate::from_ymd_opt(today.year() - years_back, month, day).unwrap_or(today)
    };
    // The general assembly that elected today's board (see `register`).
    let elected = day(1, 4, 24);
    let before = day(2, 4, 22);
    let board_meeting = day(1, 9, 3);
    let extraordinary = day(3, 11, 14);

    let documents: Vec<(String, String, MeetingKind, NaiveDate)> = vec![
        (
            "generalforsamling-{y}.md".replace("{y}", &elected.year().to_string()),
            format!(
                "# Referat af ordinær generalforsamling {date}\n\n\
                 {assoc} holdt ordinær generalforsamling i fælleslokalet, Kastanjevej 6. \
                 31 andele var repræsenteret, heraf 4 ved fuldmagt.\n\n\
                 ## 1. Valg af dirigent og referent\n\n\
                 Advokat Helle Brandstrup blev valgt som dirigent og konstaterede, at \
                 generalforsamlingen var lovligt indkaldt. {taker} blev valgt som referent.\n\n\
                 ## 2. Bestyrelsens beretning\n\n\
                 Formand {old_chair} aflagde beretning. Taget over opgang 8 er udskiftet, og \
                 vaskeriet har fået nye maskiner.\n\n\
                 {gitte} (andel nr. 7) spurgte, hvorfor hendes altan endnu ikke er repareret. \
                 Bestyrelsen lovede at kontakte hende på {gitte_phone}.\n\n\
                 ## 3. Valg til bestyrelsen\n\n\
                 {chair} blev valgt som formand, {treasurer} genvalgt som kasserer. \
                 Revisor Kim Bak blev genvalgt.\n\n\
                 ## 4. Eventuelt\n\n\
                 {oda}, Kastanjevej 4, 3. tv., klagede over støj fra nr. 16. \
                 Fru Stenbæk bad om, at sagen behandles på næste bestyrelsesmøde.\n",
                date = danish_date(elected),
                assoc = DEMO_NAME,
                taker = name(21),
                old_chair = name(5),
                gitte = name(6),
                gitte_phone = phone(6),
                chair = name(2),
                treasurer = name(13),
                oda = name(14),
            ),
            MeetingKind::Ordinary,
            elected,
        ),
        (
            "generalforsamling-{y}.txt".replace("{y}", &before.year().to_string()),
            format!(
                "Referat af ordinær generalforsamling {date}\n\n\
                 Formand {old_chair} bød velkommen. Referent: {taker}.\n\n\
                 Regnskabet blev godkendt. {chair} fra nr. 3 foreslog en fælles delebil; \
                 forslaget blev vedtaget med 18 stemmer mod 9.\n\n\
                 {jesper} oplyste, at hans bil med nummerpladen AB 12 345 var blevet \
                 ridset i gården, og bad om videoovervågning. Forslaget blev forkastet.\n\n\
                 Tømrer Bjarne Kofoed fra firmaet gav et overslag på tagrenoveringen. \
                 Spørgsmål kan sendes til {ulla_mail}.\n",
                date = danish_date(before),
                old_chair = name(5),
                taker = name(21),
                chair = name(2),
                jesper = name(9),
                // Ulla Vestergaard-Mose's address as the register holds it.
                ulla_mail = "ulla.vestergaard-mose@mail.example",
            ),
            MeetingKind::Ordinary,
            before,
        ),
        (
            "bestyrelsesmoede-{y}.pdf".replace("{y}", &board_meeting.year().to_string()),
            format!(
                "Referat af bestyrelsesmøde {date}\n\n\
                 Til stede: {chair} (formand), {treasurer}, {secretary}.\n\n\
                 1. Fremleje: {lars} (andel nr. 12) har søgt om at fremleje sin lejlighed til \
                 Jonas Elkjær Vinter i et år. Ansøgningen vedlagde ved en fejl lejerens \
                 cpr-nummer 110584-3638; det er slettet fra sagen. Bestyrelsen godkendte \
                 fremlejen.\n\n\
                 2. Støj: Bestyrelsen har talt med {oda} og beboeren i nr. 16. Sagen er \
                 afsluttet.\n\n\
                 3. Næste møde holdes i fælleslokalet.\n",
                date = danish_date(board_meeting),
                chair = name(2),
                treasurer = name(13),
                secretary = name(21),
                lars = name(11),
                oda = name(14),
            ),
            MeetingKind::Board,
            board_meeting,
        ),
        (
            "ekstraordinaer-generalforsamling-{y}.txt"
                .replace("{y}", &extraordinary.year().to_string()),
            format!(
                "Referat af ekstraordinær generalforsamling {date}\n\n\
                 Eneste punkt: lån til tagrenovering. Dirigent: {old_chair}.\n\n\
                 Forslaget blev vedtaget. {ellen} (nr. 5) og {karen} stemte imod. \
                 Indbetaling af ekstraordinært bidrag sker til foreningens konto \
                 1551-0012345678.\n\n\
                 {tove}s søn, Mads, tilbød at hjælpe med oprydningen; han kan \
                 træffes på 61 22 33 44.\n",
                date = danish_date(extraordinary),
                old_chair = name(5),
                ellen = name(4),
                karen = name(10),
                tove = LAST[18],
            ),
            MeetingKind::Extraordinary,
            extraordinary,
        ),
    ];
    for (file_name, text, kind, date) in documents {
        let bytes = if file_name.ends_with(".pdf") {
            archive::render(&text, ExportFormat::Pdf, Some(Country::DK), now)
                .map_err(|e| err(&e))?
        } else {
            text.into_bytes()
        };
        archive::import(
            conn,
            &file_name,
            bytes,
            Some(date),
            Some(kind),
            today,
            ACTOR,
            now,
        )
        .map_err(|e| err(&e))?;
    }
    Ok(())
}

/// Residents' requests: an access request whose answer is due within a week (the requester's
/// identity checked), and a rectification request answered last month.
fn requests(conn: &Connection, now: DateTime<Utc>) -> Result<(), String> {
    use crate::requests::{self, NewRequest, RequestKind, RequestStatus};
    let today = now.date_naive();
    let err = |e: &dyn std::fmt::Display| format!("the demo requests could not be made: {e}");
    let person = |name: &str| -> Result<Option<Id>, String> {
        Ok(people::one_by_name(conn, name)
            .map_err(|e| err(&e))?
            .map(|p| p.id))
    };
    let new = |kind, days: i64, channel: &str, name: &str, id: Option<Id>| NewRequest {
        kind,
        received_on: today - Duration::days(days),
        channel: Some(channel.into()),
        person_id: id,
        requester_name: Some(name.into()),
        note: None,
    };
    let access = requests::add(
        conn,
        &new(
            RequestKind::Access,
            25,
            "e-mail",
            "Lars Sandvad",
            person("Lars Sandvad")?,
        ),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    // The board checked who asked before anything is answered.
    requests::set_identity_check(
        conn,
        access.id,
        "Ringet op på telefonnummeret i registret",
        today - Duration::days(24),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    let answered = requests::add(
        conn,
        &new(
            RequestKind::Rectification,
            60,
            "brev",
            "Gitte Kjærholm",
            person("Gitte Kjærholm")?,
        ),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    requests::close(
        conn,
        answered.id,
        RequestStatus::Answered,
        today - Duration::days(45),
        today,
        ACTOR,
        now,
    )
    .map_err(|e| err(&e))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::overview;

    #[test]
    fn the_demo_register_has_something_in_every_state() {
        let conn = crate::store::create().unwrap();
        let now: DateTime<Utc> = "2026-03-14T10:00:00Z".parse().unwrap();
        association::create(&conn, DEMO_NAME, Country::DK, now).unwrap();
        register(&conn, now).unwrap();
        let today = now.date_naive();
        assert_eq!(units::count(&conn).unwrap(), 40);
        assert!(!people::list(&conn, today, true).unwrap().is_empty());
        let o = overview::overview(&conn, today).unwrap();
        assert_eq!(o.awaiting_decision.len(), 1);
        assert_eq!(o.ending_soon.len(), 1);
        assert_eq!(o.plates_not_sent.len(), 1);
        assert_eq!(o.plates_not_mounted.len(), 1);
        let statuses: Vec<_> = plates::list(&conn)
            .unwrap()
            .into_iter()
            .map(|p| p.status)
            .collect();
        assert!(statuses.contains(&plates::PlateStatus::Mounted));
        assert_eq!(sublets::count(&conn).unwrap(), 2);
        let board = roles::current(&conn, today).unwrap();
        assert!(board.iter().any(|r| r.kind == RoleKind::Chair));
        assert_eq!(organisations::count(&conn).unwrap(), 6);
        for text in [
            "Aarhus Andelsadministration ApS",
            "Kastanje Ejendomsservice ApS",
        ] {
            assert!(organisations::find(&conn, text).unwrap().is_some());
        }
    }

    #[test]
    fn the_demo_minutes_span_several_years_with_personal_data_to_find() {
        use crate::minutes;
        use crate::redact::{Decision, Detector};
        let conn = crate::store::create().unwrap();
        let now: DateTime<Utc> = "2026-03-14T10:00:00Z".parse().unwrap();
        association::create(&conn, DEMO_NAME, Country::DK, now).unwrap();
        register(&conn, now).unwrap();
        super::minutes(&conn, now).unwrap();
        let docs = minutes::list(&conn).unwrap();
        assert_eq!(docs.len(), 4);
        let years: std::collections::BTreeSet<i32> = docs.iter().map(|d| d.date.year()).collect();
        assert!(years.len() >= 3, "{years:?}");
        assert!(!minutes::search(&conn, "tagrenovering*", 10)
            .unwrap()
            .is_empty());
        let chair = format!("{} {}", FIRST[2], LAST[2]);
        for d in &docs {
            let ctx = minutes::redaction_context(&conn, Some(d.date)).unwrap();
            let found = minutes::findings(&conn, d.id, &Detector::new(Some(&ctx))).unwrap();
            assert!(
                found.iter().any(|f| f.decision == Decision::Redact),
                "{}",
                d.title
            );
            // Today's chair stays in the minutes since her election and goes before it.
            let chair_decisions: Vec<Decision> = found
                .iter()
                .filter(|f| f.text == chair)
                .map(|f| f.decision)
                .collect();
            if d.date >= NaiveDate::from_ymd_opt(2025, 4, 24).unwrap() {
                assert!(
                    chair_decisions.iter().all(|x| *x == Decision::Keep),
                    "{}",
                    d.title
                );
            } else if !chair_decisions.is_empty() {
                assert!(
                    chair_decisions.iter().all(|x| *x == Decision::Redact),
                    "{}",
                    d.title
                );
            }
        }
    }
}
