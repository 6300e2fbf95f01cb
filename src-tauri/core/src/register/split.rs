//! Telling two people apart who became one record.
//!
//! Before identity was kept by record, the import took one name for one person: two residents
//! named "Jens Hansen" in units 1 and 2 became one person owning both, with one of their phone
//! numbers. Migration 7 marks everyone who owns or owned more than one unit for the board to check
//! ([`IdentityReview`] on the person page). The board then either splits the record ([`split`]: the
//! ownerships of one unit, and the sublets asked for as that unit's owner, move to a new person
//! of the same name) or confirms that it is one person ([`confirm_one`]). Both are in the audit
//! trail; neither deletes anything.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::people::{self, Person, PersonFields};
use super::{units, Id};
use crate::text::tidy;
use crate::Coded;
use crate::{audit, ErrorCode};

/// Why the board should check that a record is one person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum IdentityReview {
    /// The record owns or owned several units and was written by an earlier Andel, whose import
    /// merged owners with the same name.
    SeveralUnits,
}

/// What a split did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Split {
    /// The record that keeps everything else (its contact data, roles and requests).
    pub kept: Person,
    /// The new record, with the unit's ownerships.
    pub new: Person,
    pub unit: String,
    /// How many ownerships and sublets moved to the new record.
    pub ownerships_moved: u32,
    pub sublets_moved: u32,
}

/// Why a record could not be split. Nothing was changed after any of them.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No person has the id.
    #[error("There is no person #{0} in the register. `andel people list --json` shows each person's id.")]
    NoPerson(Id),
    /// No unit has the number.
    #[error("There is no unit {0} in the register.")]
    NoUnit(String),
    /// The person never owned the unit.
    #[error("{name} (#{id}) never owned unit {unit}; nothing of theirs belongs to it.")]
    NotOwner { id: Id, name: String, unit: String },
    /// The unit's ownerships are all the record holds: splitting would leave it with nothing.
    #[error("{name} (#{id}) owns or owned only unit {unit} and holds nothing else, so a split would leave one record without any data. Split by another unit, or leave the record as it is.")]
    NothingLeft { id: Id, name: String, unit: String },
    /// The record was erased.
    #[error("Person #{0} was erased; an erased record is not split.")]
    Erased(Id),
    /// The new record's contact data was refused (a national ID, an e-mail that is not one).
    #[error("{0}")]
    Person(#[from] people::Error),
    /// The unit could not be read.
    #[error("Could not read the unit: {0}")]
    Unit(#[source] units::Error),
    /// SQLite failed.
    #[error("Database error while {op}: {source}")]
    Database {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::NoPerson(_) | Error::NoUnit(_) => ErrorCode::NotFound,
            Error::NotOwner { .. } | Error::NothingLeft { .. } | Error::Erased(_) => {
                ErrorCode::InvalidInput
            }
            Error::Person(e) => e.code(),
            Error::Unit(_) | Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

/// Why the board should check this record, if it should.
pub fn review(conn: &Connection, id: Id) -> Result<Option<IdentityReview>, Error> {
    let reason: Option<Option<String>> = conn
        .query_row(
            "SELECT identity_review FROM person WHERE id = ?1",
            [id],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading a person"))?;
    Ok(match reason.flatten().as_deref() {
        Some("several-units") => Some(IdentityReview::SeveralUnits),
        _ => None,
    })
}

/// The board says the record is one person: the mark goes.
pub fn confirm_one(
    conn: &Connection,
    id: Id,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let changed = conn
        .execute(
            "UPDATE person SET identity_review = NULL WHERE id = ?1",
            [id],
        )
        .map_err(db("confirming a person"))?;
    if changed == 0 {
        return Err(Error::NoPerson(id));
    }
    audit::record(
        conn,
        now,
        actor,
        "person.confirm_one",
        Some(&format!("person:{id}")),
    )
    .map_err(db("recording the change"))
}

/// Splits person `id`: a new person with the same name (and the contact data in `contact`, if
/// given: the phone and e-mail of the second resident, when the board has them) takes over every
/// ownership of unit `unit` and the sublets asked for as its owner. Everything else stays with
/// `id`: contact data, roles, requests, other units. All or nothing (its own savepoint: no caller
/// needs a transaction).
pub fn split(
    conn: &Connection,
    id: Id,
    unit: &str,
    contact: &PersonFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Split, Error> {
    let sqlite = |source| Error::Database {
        op: "keeping the split whole",
        source,
    };
    crate::store::atomically(conn, sqlite, || {
        split_in(conn, id, unit, contact, actor, now)
    })
}

fn split_in(
    conn: &Connection,
    id: Id,
    unit: &str,
    contact: &PersonFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Split, Error> {
    let person = match people::get(conn, id) {
        Ok(p) => p,
        Err(people::Error::NotFound(_)) => return Err(Error::NoPerson(id)),
        Err(e) => return Err(e.into()),
    };
    let erased: Option<String> = conn
        .query_row("SELECT erased_on FROM person WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .map_err(db("reading a person"))?;
    if erased.is_some() {
        return Err(Error::Erased(id));
    }
    let unit = units::find(conn, unit)
        .map_err(Error::Unit)?
        .ok_or_else(|| Error::NoUnit(tidy(unit)))?;
    let count = |sql: &str| -> Result<u32, Error> {
        conn.query_row(sql, params![id, unit.id], |r| r.get(0))
            .map_err(db("reading what the person holds"))
    };
    let here = count("SELECT count(*) FROM ownership WHERE person_id = ?1 AND unit_id = ?2")?;
    if here == 0 {
        return Err(Error::NotOwner {
            id,
            name: person.name,
            unit: unit.number,
        });
    }
    // What stays with the record: ownerships of other units, roles, sublets as subtenant or of
    // other units, requests. Without any of it, one of the two records would hold nothing.
    let elsewhere = count(
        "SELECT (SELECT count(*) FROM ownership WHERE person_id = ?1 AND unit_id <> ?2)
              + (SELECT count(*) FROM role WHERE person_id = ?1)
              + (SELECT count(*) FROM sublet WHERE subtenant_id = ?1
                    OR (owner_id = ?1 AND unit_id <> ?2))
              + (SELECT count(*) FROM request WHERE person_id = ?1)",
    )?;
    if elsewhere == 0 {
        return Err(Error::NothingLeft {
            id,
            name: person.name,
            unit: unit.number,
        });
    }
    let new = people::add(
        conn,
        &PersonFields {
            name: Some(person.name.clone()),
            phone: contact.phone.clone(),
            email: contact.email.clone(),
            note: None,
        },
        actor,
        now,
    )?;
    let ownerships_moved = conn
        .execute(
            "UPDATE ownership SET person_id = ?3 WHERE person_id = ?1 AND unit_id = ?2",
            params![id, unit.id, new.id],
        )
        .map_err(db("moving the unit's ownerships"))? as u32;
    let sublets_moved = conn
        .execute(
            "UPDATE sublet SET owner_id = ?3 WHERE owner_id = ?1 AND unit_id = ?2",
            params![id, unit.id, new.id],
        )
        .map_err(db("moving the unit's sublets"))? as u32;
    // The mark goes from a record that now holds at most one unit.
    conn.execute(
        "UPDATE person SET identity_review = NULL WHERE id = ?1
            AND (SELECT count(DISTINCT unit_id) FROM ownership WHERE person_id = ?1) <= 1",
        [id],
    )
    .map_err(db("updating the mark"))?;
    audit::record(
        conn,
        now,
        actor,
        "person.split",
        Some(&format!(
            "person:{id} unit:{} -> person:{} ownerships={ownerships_moved} sublets={sublets_moved}",
            unit.id, new.id
        )),
    )
    .map_err(db("recording the change"))?;
    Ok(Split {
        kept: people::get(conn, id)?,
        new,
        unit: unit.number,
        ownerships_moved,
        sublets_moved,
    })
}
