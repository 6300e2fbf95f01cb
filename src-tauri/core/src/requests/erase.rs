//! Erasure of a person (Art. 17), as far as the association may erase.
//!
//! What goes: the name (replaced by a placeholder such as "Slettet person #12" everywhere it is
//! shown), phone, e-mail and note, the name on name-plate orders, the reasons they gave for
//! sublets, the identity notes on their requests. What stays, with the placeholder instead of the
//! name: ownership history (the share's transfers are accounting records), roles (who acted for
//! the association), sublet periods and decisions, their requests (proof that they were
//! answered), and the archived minutes unchanged, as the association's history. The audit trail
//! never held their data. [`plan`] explains all of this before anything changes; [`erase`] with
//! `dry_run` only explains.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

use super::db;
use crate::association::{self, Country};
use crate::dates::iso;
use crate::document::Lang;
use crate::register::people::{self, Standing};
use crate::register::Id;
use crate::store::date_column;
use crate::text::{holds_name, name_key};
use crate::Coded;
use crate::{audit, ErrorCode};

/// One line of the explanation: what, how many records, and in plain English for the CLI (the
/// app shows its own words for `key`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Item {
    /// A stable key: contact, name, plate_lines, sublet_reasons, identity_notes; minutes,
    /// ownerships, roles, sublets, requests, audit.
    pub key: String,
    pub count: u32,
    pub text: String,
}

/// What an erasure removes and what it keeps, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErasurePlan {
    pub person_id: Id,
    pub name: String,
    /// The text that replaces the name in what remains.
    pub placeholder: String,
    pub removed: Vec<Item>,
    pub kept: Vec<Item>,
}

/// The outcome of [`erase`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ErasureReport {
    #[serde(flatten)]
    pub plan: ErasurePlan,
    /// Nothing was changed.
    pub dry_run: bool,
    /// The day of the erasure; `None` on a dry run.
    pub erased_on: Option<NaiveDate>,
}

/// Why a person cannot be erased (yet).
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The person still owns a unit, holds a role or has a sublet.
    #[error("{name} is still connected to the association ({what}). End the ownership, role or sublet first; the data of current residents is needed to run the association.")]
    StillCurrent { name: String, what: String },
    /// The person was erased before.
    #[error("Person #{id} was already erased on {on}.")]
    AlreadyErased { id: Id, on: NaiveDate },
    /// Reading or changing the request, the person or the records failed.
    #[error("{0}")]
    Request(#[from] super::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::StillCurrent { .. } | Error::AlreadyErased { .. } => ErrorCode::InvalidInput,
            Error::Request(e) => e.code(),
        }
    }
}

fn person_error(e: people::Error) -> Error {
    match e.code() {
        ErrorCode::NotFound => Error::Request(super::Error::NotFound(e.to_string())),
        _ => Error::Request(super::Error::Person(Box::new(e))),
    }
}

/// The placeholder that replaces an erased person's name, in the association's language.
pub fn placeholder(country: Country, id: Id) -> String {
    let lang = Lang::of_country(country);
    format!("{} #{id}", lang.texts().requests.erased_person)
}

fn count(conn: &Connection, sql: &str, id: Id) -> Result<u32, super::Error> {
    conn.query_row(sql, [id], |r| r.get(0))
        .map_err(db("counting a person's records"))
}

/// The name-plate orders of the person's units (owned, or sublet to them) whose lines carry
/// their name as whole words: (order id, lines with the name replaced). Another unit's plate
/// that names a namesake, or a "Frida Holm" when "Ida Holm" is erased, is left alone.
fn plate_lines(
    conn: &Connection,
    person: Id,
    name: &str,
    placeholder: &str,
) -> Result<Vec<(Id, String)>, super::Error> {
    let key = name_key(name);
    let mut stmt = conn
        .prepare(
            "SELECT id, lines FROM name_plate_order
             WHERE unit_id IN (SELECT unit_id FROM ownership WHERE person_id = ?1
                               UNION SELECT unit_id FROM sublet WHERE subtenant_id = ?1)",
        )
        .map_err(db("reading name-plate orders"))?;
    let rows: Vec<(Id, String)> = stmt
        .query_map([person], |r| Ok((r.get(0)?, r.get(1)?)))
        .and_then(|r| r.collect())
        .map_err(db("reading name-plate orders"))?;
    let mut out = Vec::new();
    for (id, json) in rows {
        let lines: Vec<String> = serde_json::from_str(&json).unwrap_or_default();
        if !lines.iter().any(|l| holds_name(l, &key)) {
            continue;
        }
        let lines: Vec<String> = lines
            .into_iter()
            .map(|l| {
                if holds_name(&l, &key) {
                    placeholder.to_string()
                } else {
                    l
                }
            })
            .collect();
        out.push((id, serde_json::to_string(&lines).unwrap_or(json)));
    }
    Ok(out)
}

/// Explains what erasing person `id` would remove and keep. Refused for someone still
/// connected to the association on `today`, or already erased.
pub fn plan(conn: &Connection, id: Id, today: NaiveDate) -> Result<ErasurePlan, Error> {
    let person = people::get(conn, id).map_err(person_error)?;
    let erased: Option<String> = conn
        .query_row("SELECT erased_on FROM person WHERE id = ?1", [id], |r| {
            r.get(0)
        })
        .map_err(db("reading a person"))?;
    if let Some(on) = date_column(erased) {
        return Err(Error::AlreadyErased { id, on });
    }
    if people::standing(conn, id, today).map_err(person_error)? == Standing::Current {
        let mut what = Vec::new();
        let owned: u32 = conn
            .query_row(
                "SELECT count(*) FROM ownership WHERE person_id = ?1 AND (to_date IS NULL OR to_date > ?2)",
                params![id, iso(today)],
                |r| r.get(0),
            )
            .map_err(db("reading ownerships"))?;
        if owned > 0 {
            what.push("owns a unit");
        }
        let roles: u32 = conn
            .query_row(
                "SELECT count(*) FROM role WHERE person_id = ?1 AND (to_date IS NULL OR to_date >= ?2)",
                params![id, iso(today)],
                |r| r.get(0),
            )
            .map_err(db("reading roles"))?;
        if roles > 0 {
            what.push("holds a role");
        }
        if what.is_empty() {
            what.push("sublets a unit");
        }
        return Err(Error::StillCurrent {
            name: person.name,
            what: what.join(", "),
        });
    }
    let country = association::get(conn)
        .map(|a| a.country)
        .unwrap_or(Country::DK);
    let ph = placeholder(country, id);
    let mut removed = Vec::new();
    let contact = [&person.phone, &person.email, &person.note]
        .iter()
        .filter(|f| f.is_some())
        .count() as u32;
    removed.push(Item {
        key: "name".into(),
        count: 1,
        text: format!("The name, replaced by \"{ph}\" in every record that remains."),
    });
    if contact > 0 {
        removed.push(Item {
            key: "contact".into(),
            count: contact,
            text: "Phone number, e-mail address and the board's note.".into(),
        });
    }
    let plates = plate_lines(conn, id, &person.name, &ph)?.len() as u32;
    if plates > 0 {
        removed.push(Item {
            key: "plate_lines".into(),
            count: plates,
            text: format!("The name on {plates} name-plate order(s), replaced by the placeholder."),
        });
    }
    let reasons = count(
        conn,
        "SELECT count(*) FROM sublet WHERE owner_id = ?1 AND reason IS NOT NULL",
        id,
    )?;
    if reasons > 0 {
        removed.push(Item {
            key: "sublet_reasons".into(),
            count: reasons,
            text: format!("The reasons given for {reasons} sublet request(s)."),
        });
    }
    let notes = count(
        conn,
        "SELECT count(*) FROM request WHERE person_id = ?1 AND identity_check IS NOT NULL",
        id,
    )?;
    if notes > 0 {
        removed.push(Item {
            key: "identity_notes".into(),
            count: notes,
            text: "How the identity was checked on their requests (the date stays).".into(),
        });
    }

    let mut kept = Vec::new();
    let subject = super::access::Subject::of_name(&person);
    let (mentions, _) = super::access::mentions(
        conn,
        &subject,
        country,
        crate::document::Lang::of_country(country),
    )?;
    let docs = {
        let mut ids: Vec<Id> = mentions.iter().map(|m| m.document_id).collect();
        ids.dedup();
        ids.len() as u32
    };
    kept.push(Item {
        key: "minutes".into(),
        count: docs,
        text: format!(
            "The archived minutes stay unchanged ({docs} mention the person): they are the association's history and record the general assembly's and the board's decisions. Copies published on the website are redacted. After the erasure the register no longer knows the name, so review minutes that mention it by hand before publishing them."
        ),
    });
    for (key, sql, why) in [
        (
            "ownerships",
            "SELECT count(*) FROM ownership WHERE person_id = ?1",
            "Which unit was owned from when to when stays, under the placeholder: it is the unit's history in the association's records of its shares, and transfers of shares are accounting records the association must keep (bookkeeping law: 5 years in Denmark and Norway, 7 in Sweden).",
        ),
        (
            "sublets",
            "SELECT count(*) FROM sublet WHERE owner_id = ?1 OR subtenant_id = ?1",
            "Sublet periods and the board's decisions stay, under the placeholder: they belong to the unit's history and the board's decisions.",
        ),
        (
            "roles",
            "SELECT count(*) FROM role WHERE person_id = ?1",
            "Roles stay, under the placeholder: they show who acted for the association and when.",
        ),
        (
            "requests",
            "SELECT count(*) FROM request WHERE person_id = ?1",
            "Their requests stay, under the placeholder, as proof that they were answered in time (Art. 5(2)).",
        ),
    ] {
        let n = count(conn, sql, id)?;
        if n > 0 {
            kept.push(Item {
                key: key.into(),
                count: n,
                text: why.into(),
            });
        }
    }
    kept.push(Item {
        key: "audit".into(),
        count: 0,
        text: "The audit trail stays: it names records by number and never held the person's data."
            .into(),
    });
    Ok(ErasurePlan {
        person_id: id,
        name: person.name,
        placeholder: ph,
        removed,
        kept,
    })
}

/// Erases person `id` as [`plan`] explains, all or nothing; with `dry_run`, only explains. One
/// audit entry.
pub fn erase(
    conn: &Connection,
    id: Id,
    dry_run: bool,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<ErasureReport, Error> {
    let plan = plan(conn, id, today)?;
    if dry_run {
        return Ok(ErasureReport {
            plan,
            dry_run: true,
            erased_on: None,
        });
    }
    // All or nothing (its own savepoint: no caller needs a transaction).
    let sqlite = |source| {
        Error::Request(super::Error::Database {
            op: "keeping the erasure whole",
            source,
        })
    };
    crate::store::atomically(conn, sqlite, || -> Result<(), Error> {
        let ph = &plan.placeholder;
        for (order, lines) in plate_lines(conn, plan.person_id, &plan.name, ph)? {
            conn.execute(
                "UPDATE name_plate_order SET lines = ?2 WHERE id = ?1",
                params![order, lines],
            )
            .map_err(db("removing the name from name-plate orders"))?;
        }
        conn.execute("UPDATE sublet SET reason = NULL WHERE owner_id = ?1", [id])
            .map_err(db("removing sublet reasons"))?;
        conn.execute(
            "UPDATE request SET requester_name = ?2, identity_check = NULL WHERE person_id = ?1",
            params![id, ph],
        )
        .map_err(db("removing the name from requests"))?;
        conn.execute(
            "UPDATE person SET name = ?2, phone = NULL, email = NULL, note = NULL, erased_on = ?3
             WHERE id = ?1",
            params![id, ph, iso(today)],
        )
        .map_err(db("erasing a person"))?;
        audit::record(
            conn,
            now,
            actor,
            "person.erase",
            Some(&format!("person:{id}")),
        )
        .map_err(db("recording the change"))?;
        Ok(())
    })?;
    Ok(ErasureReport {
        plan,
        dry_run: false,
        erased_on: Some(today),
    })
}
