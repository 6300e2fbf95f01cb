//! The privacy notice (GDPR Art. 13 and 14), written from the association's record, its
//! organisations and its processing activities, in Danish, Norwegian, Swedish or English
//! whatever the association's country.
//!
//! Every notice has a version and an effective date per language. [`notice`] (the preview)
//! writes nothing: if the content is the same as the last edition issued in that language, it
//! carries that edition's version and date; if not, it is marked as the draft of the next version.
//! [`issue`] records a new edition when the content changed; [`save`] writes the notice's file
//! and issues it, keeping the edition only when the file is written (what both the app and
//! `andel notice` do).

use std::path::Path;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{activities, db, sections, Error};
use crate::association::{self, Association, Country};
use crate::audit;
use crate::document::{Block, Document, Lang, Letterhead};
use crate::i18n::glossary::{self, Term};
use crate::register::organisations::{self, Organisation};
use crate::store;
use crate::vault::Vault;

/// A notice with its edition.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Notice {
    pub document: Document,
    pub version: u32,
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub effective_on: NaiveDate,
    /// Whether this content was issued as an edition; `false` for a draft of the next version.
    pub issued: bool,
}

/// One issued edition of the notice.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Edition {
    pub language: String,
    pub version: u32,
    pub effective_on: String,
    pub content_sha256: String,
    pub created_at: String,
}

/// The editions issued, newest first.
pub fn editions(conn: &Connection) -> Result<Vec<Edition>, Error> {
    let mut stmt = conn
        .prepare(
            "SELECT language, version, effective_on, content_sha256, created_at FROM notice_edition
             ORDER BY created_at DESC, id DESC",
        )
        .map_err(db("reading the notice's editions"))?;
    let rows = stmt
        .query_map([], |r| {
            Ok(Edition {
                language: r.get(0)?,
                version: r.get(1)?,
                effective_on: r.get(2)?,
                content_sha256: r.get(3)?,
                created_at: r.get(4)?,
            })
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db("reading the notice's editions"))?;
    Ok(rows)
}

fn latest(conn: &Connection, lang: Lang) -> Result<Option<(u32, String, String)>, Error> {
    conn.query_row(
        "SELECT version, effective_on, content_sha256 FROM notice_edition WHERE language = ?1
         ORDER BY version DESC LIMIT 1",
        [lang.code()],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )
    .optional()
    .map_err(db("reading the notice's editions"))
}

fn title(lang: Lang, name: &str) -> String {
    (lang.texts().notice.title)(&name)
}

fn org_number_label(lang: Lang, country: Country) -> &'static str {
    match country {
        Country::DK => lang.texts().notice.cvr_number,
        Country::NO => lang.texts().notice.organisation_number,
        Country::SE => lang.texts().notice.organisation_number,
    }
}

/// The controller and how to reach the board.
/// Who reads a document: a resident, spoken to as "you" (the notice), or the authority, to
/// whom the record speaks of the residents in the third person.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Reader {
    Resident,
    Authority,
}

pub(crate) fn controller(a: &Association, lang: Lang, reader: Reader) -> Vec<Block> {
    let mut rows = vec![(lang.texts().common.name.to_string(), a.name.clone())];
    if let Some(addr) = &a.address {
        rows.push((lang.texts().common.address.to_string(), addr.clone()));
    }
    if let Some(n) = &a.org_number {
        rows.push((org_number_label(lang, a.country).to_string(), n.clone()));
    }
    if let Some(e) = &a.email {
        rows.push((lang.texts().notice.board_email.to_string(), e.clone()));
    }
    // The record gives the contact details above; "you reach the board" is for residents.
    let reach = match (reader, &a.email) {
        (Reader::Authority, _) => String::new(),
        (Reader::Resident, Some(e)) => (lang.texts().notice.reach_by_email)(&e) + " ",
        (Reader::Resident, None) => lang.texts().notice.reach_by_letter.to_string() + " ",
    };
    vec![
        Block::Heading {
            level: 1,
            text: lang.texts().notice.controller.to_string(),
        },
        Block::Paragraph {
            text: (lang.texts().notice.controller_is)(&a.name),
        },
        Block::Facts { rows },
        Block::Paragraph {
            text: format!("{reach}{}", lang.texts().notice.no_dpo),
        },
    ]
}

fn obligations(lang: Lang) -> Vec<Block> {
    vec![
        Block::Heading {
            level: 1,
            text: lang.texts().notice.must_you_give_data.to_string(),
        },
        Block::Paragraph {
            text: lang.texts().notice.data_needed.to_string(),
        },
    ]
}

fn protection(lang: Lang, country: Country, orgs: &[Organisation]) -> Vec<Block> {
    vec![
        Block::Heading {
            level: 1,
            text: lang.texts().notice.protection_heading.to_string(),
        },
        Block::Bullets {
            items: sections::security(lang, country, orgs),
        },
    ]
}

fn breach(lang: Lang, country: Country) -> Vec<Block> {
    let (authority, _, _) = sections::authority_contact(country);
    vec![
        Block::Heading {
            level: 1,
            // The breach is named with the authority's term (the glossary's).
            text: {
                let breach = &glossary::term(lang, Term::Breach).one;
                (lang.texts().notice.breach_heading)(&breach)
            },
        },
        Block::Paragraph {
            text: (lang.texts().notice.breach_procedure)(&authority),
        },
    ]
}

fn changes(lang: Lang, version: u32, effective_on: NaiveDate) -> Block {
    let date = lang.long_date(effective_on);
    Block::Paragraph {
        text: (lang.texts().notice.version_note)(&version, &date),
    }
}

/// The notice's body, without anything that depends on its edition: what the content hash
/// covers.
fn body(conn: &Connection, a: &Association, lang: Lang) -> Result<Vec<Block>, Error> {
    let mut blocks = vec![Block::Paragraph {
        text: (lang.texts().notice.intro)(&a.name),
    }];
    blocks.extend(controller(a, lang, Reader::Resident));
    blocks.extend(sections::purposes(conn, lang)?);
    blocks.extend(sections::other_records(lang, &activities::Facts::of(conn)?));
    blocks.extend(obligations(lang));
    let orgs = organisations::list(conn)?;
    blocks.extend(protection(lang, a.country, &orgs));
    blocks.extend(sections::rights(lang, a.country));
    blocks.extend(sections::authority(lang, a.country));
    blocks.extend(breach(lang, a.country));
    Ok(blocks)
}

fn hash(title: &str, letterhead: &Letterhead, blocks: &[Block]) -> String {
    let json = serde_json::to_vec(&(title, letterhead, blocks)).unwrap_or_default();
    hex::encode(Sha256::digest(json))
}

/// Builds the notice and works out its edition; `issue_now` records a new edition when the
/// content differs from the last one in this language.
fn build(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    now: DateTime<Utc>,
    issue_now: Option<&str>,
) -> Result<Notice, Error> {
    let a = association::get(conn)?;
    // A notice must say how to reach the controller (Art. 13(1)(a)): no issuing without a way.
    let blank = |s: &Option<String>| s.as_deref().is_none_or(|s| s.trim().is_empty());
    if issue_now.is_some() && blank(&a.address) && blank(&a.email) {
        return Err(Error::NoContact);
    }
    let letterhead = Letterhead::of(&a);
    let title = title(lang, &a.name);
    let mut blocks = body(conn, &a, lang)?;
    let sha = hash(&title, &letterhead, &blocks);
    let last = latest(conn, lang)?;
    let (version, effective_on, mut issued) = match &last {
        Some((v, on, h)) if *h == sha => (*v, crate::dates::parse_iso(on).unwrap_or(today), true),
        Some((v, _, _)) => (v + 1, today, false),
        None => (1, today, false),
    };
    if let (Some(actor), false) = (issue_now, issued) {
        conn.execute(
            "INSERT INTO notice_edition (language, version, effective_on, content_sha256, created_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                lang.code(),
                version,
                effective_on.format("%Y-%m-%d").to_string(),
                sha,
                now.to_rfc3339()
            ],
        )
        .map_err(db("recording the notice's edition"))?;
        audit::record(
            conn,
            now,
            actor,
            "privacy.notice.issue",
            Some(&format!("notice:{}:{version}", lang.code())),
        )
        .map_err(db("recording the change"))?;
        issued = true;
    }
    blocks.push(Block::Heading {
        level: 1,
        text: lang.texts().notice.changes_and_version.to_string(),
    });
    blocks.push(changes(lang, version, effective_on));
    let date = lang.long_date(effective_on);
    let t = &lang.texts().notice;
    let subtitle = if issued {
        (t.subtitle_issued)(&version, &date)
    } else {
        (t.subtitle_draft)(&version, &date)
    };
    let mut document = Document::new(title, lang, now);
    document.subtitle = Some(subtitle);
    document.letterhead = Some(letterhead);
    document.blocks = blocks;
    document.fallbacks = sections::purposes_fallbacks(conn, lang)?;
    Ok(Notice {
        document,
        version,
        effective_on,
        issued,
    })
}

/// The notice as it stands, for a preview: writes nothing.
pub fn prepare(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Notice, Error> {
    build(conn, lang, today, now, None)
}

/// The notice's document as it stands (see [`prepare`]).
pub fn notice(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Document, Error> {
    Ok(prepare(conn, lang, today, now)?.document)
}

/// What saving the notice did.
#[derive(Debug, Clone, PartialEq)]
pub struct Saved {
    /// The notice as written: the new or unchanged edition, or on a read-only archive the notice
    /// as it stands (a draft when its content changed since the last edition).
    pub notice: Notice,
    /// The size of the file written, in bytes.
    pub bytes: usize,
    /// Whether a new edition was recorded (the content changed since the last one).
    pub new_edition: bool,
}

/// Writes the notice to `path` (a PDF, or for the website .html or .md: [`document::write`])
/// and issues it ([`issue`]). The new edition and the file go together: the edition is recorded
/// in a savepoint that is rolled back when the file cannot be written, so the archive never
/// claims a version nobody received. On a read-only archive the file is the notice as it stands
/// and nothing is recorded.
///
/// [`document::write`]: crate::document::write
pub fn save(
    vault: &Vault,
    lang: Lang,
    path: &Path,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Saved, Error> {
    let conn = vault.conn();
    let before = prepare(conn, lang, today, now)?;
    if vault.is_read_only() || before.issued {
        let bytes = crate::document::write(&before.document, path)?;
        return Ok(Saved {
            notice: before,
            bytes,
            new_edition: false,
        });
    }
    let sqlite = |source| Error::Database {
        op: "recording the notice's edition",
        source,
    };
    store::atomically(conn, sqlite, || {
        let notice = issue(conn, lang, today, vault.actor(), now)?;
        let bytes = crate::document::write(&notice.document, path)?;
        Ok(Saved {
            notice,
            bytes,
            new_edition: true,
        })
    })
}

/// Issues the notice: records a new edition (version, effective today) if its content differs
/// from the last edition in this language, and returns it.
pub fn issue(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Notice, Error> {
    build(conn, lang, today, now, Some(actor))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::privacy::activities::{self, ActivityFields};
    use crate::register::testing::{day, now, register};
    use crate::Coded;
    use crate::ErrorCode;

    /// The test register with a way to reach the board, which issuing needs.
    fn reachable(country: Country) -> Connection {
        let conn = register(country);
        association::update(
            &conn,
            &association::AssociationChanges {
                email: Some("bestyrelsen@example.dk".into()),
                ..Default::default()
            },
            "Test",
            now(),
        )
        .unwrap();
        conn
    }

    #[test]
    fn a_notice_is_not_issued_while_nobody_can_reach_the_board() {
        let conn = register(Country::DK);
        assert!(prepare(&conn, Lang::Da, day("2026-03-01"), now()).is_ok());
        let err = issue(&conn, Lang::Da, day("2026-03-01"), "Test", now()).unwrap_err();
        assert!(matches!(err, Error::NoContact), "{err}");
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(editions(&conn).unwrap().is_empty());
    }

    #[test]
    fn a_changed_retention_rule_makes_a_new_version_that_states_it() {
        use crate::retention::{self, RecordKind};
        let conn = reachable(Country::DK);
        let first = issue(&conn, Lang::Da, day("2026-03-01"), "Test", now()).unwrap();
        assert!(first
            .document
            .plain_text()
            .contains("kontaktoplysninger i 5 år"));
        retention::set_rule(
            &conn,
            RecordKind::FormerOwnerContact,
            Some(36),
            "Test",
            now(),
        )
        .unwrap();
        let second = issue(&conn, Lang::Da, day("2026-04-01"), "Test", now()).unwrap();
        assert_eq!(second.version, 2);
        let text = second.document.plain_text();
        assert!(text.contains("kontaktoplysninger i 3 år"), "{text}");
    }

    #[test]
    fn a_new_version_only_when_the_content_changes() {
        let conn = reachable(Country::DK);
        let draft = prepare(&conn, Lang::Da, day("2026-03-01"), now()).unwrap();
        assert_eq!((draft.version, draft.issued), (1, false));
        assert!(editions(&conn).unwrap().is_empty());
        let first = issue(&conn, Lang::Da, day("2026-03-01"), "Test", now()).unwrap();
        assert_eq!((first.version, first.issued), (1, true));
        let again = issue(&conn, Lang::Da, day("2026-04-01"), "Test", now()).unwrap();
        assert_eq!(again.version, 1);
        assert_eq!(again.effective_on, day("2026-03-01"));
        assert_eq!(editions(&conn).unwrap().len(), 1);
        // English has its own editions.
        assert_eq!(
            issue(&conn, Lang::En, day("2026-04-01"), "Test", now())
                .unwrap()
                .version,
            1
        );
        let plates = activities::list(&conn, Lang::Da, "Test", now())
            .unwrap()
            .into_iter()
            .find(|a| a.key.as_deref() == Some("name_plates"))
            .unwrap();
        activities::update(
            &conn,
            plates.id,
            &ActivityFields {
                retention: Some("Et halvt år efter opsætning.".into()),
                ..Default::default()
            },
            Lang::Da,
            "Test",
            now(),
        )
        .unwrap();
        let draft = prepare(&conn, Lang::Da, day("2026-05-01"), now()).unwrap();
        assert_eq!((draft.version, draft.issued), (2, false));
        assert!(draft.document.subtitle.unwrap().starts_with("Udkast"));
        let second = issue(&conn, Lang::Da, day("2026-05-01"), "Test", now()).unwrap();
        assert_eq!(second.version, 2);
        assert!(second
            .document
            .plain_text()
            .contains("Dette er version 2 af privatlivspolitikken, gældende fra 1. maj 2026."));
    }
}
