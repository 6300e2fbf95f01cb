//! People: owners, co-owners, subtenants, board members and outside officials (a meeting chair
//! may be a lawyer who lives elsewhere). A person is never deleted by the register's operations;
//! when they move out their ownership ends and they show up under "former".

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{guard, Id};
use crate::dates::iso;
use crate::text::{looks_like_email, name_key, optional, tidy};
use crate::Coded;
use crate::{audit, ErrorCode};

/// A person in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Person {
    pub id: Id,
    pub name: String,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub note: Option<String>,
}

/// A new person, or changes to one (`None` keeps a field, an empty string clears it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonFields {
    pub name: Option<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub note: Option<String>,
}

/// Whether someone is connected to the association today.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Owns a unit, holds a role, or sublets a unit (or asked to) for a period not yet over.
    Current,
    /// Was connected once; nothing is current.
    Former,
}

/// A person in a list, with what connects them today.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonListed {
    #[serde(flatten)]
    pub person: Person,
    pub standing: Standing,
    /// Numbers of the units they own today.
    pub units: Vec<String>,
    /// Roles they hold today (kebab-case kinds).
    pub roles: Vec<String>,
    /// The last day of their last ownership, for former owners.
    pub moved_out: Option<NaiveDate>,
}

/// One of several people a name could mean, with what tells them apart: the units they own or
/// owned and their contact data. The CLI lists these when a name is ambiguous; the app's person
/// picker shows them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Candidate {
    pub id: Id,
    pub name: String,
    /// Numbers of the units they own or owned, oldest ownership first.
    pub units: Vec<String>,
    pub phone: Option<String>,
    pub email: Option<String>,
}

/// How a command names a person: by the record's id, or by a name that must then mean exactly
/// one person (two residents may share a name; only an id tells them apart).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "by", content = "value", rename_all = "snake_case")]
pub enum Who {
    Id(Id),
    Name(String),
}

fn describe(candidates: &[Candidate]) -> String {
    candidates
        .iter()
        .map(|c| {
            let units = match c.units.as_slice() {
                [] => "no unit".to_string(),
                [u] => format!("unit {u}"),
                many => format!("units {}", many.join(", ")),
            };
            format!("#{} {} ({units})", c.id, c.name)
        })
        .collect::<Vec<_>>()
        .join("; ")
}

/// Why a person could not be added, found or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The name is empty.
    #[error("The person needs a name.")]
    NoName,
    /// The e-mail address is not one.
    #[error("\"{0}\" is not an e-mail address.")]
    BadEmail(String),
    /// No person has the id or name.
    #[error("There is no person {0} in the register.")]
    NotFound(String),
    /// Several people have the name: the board must say which one (by id).
    #[error(
        "{} people in the register are named {name}: {}. Say which one by their number.",
        candidates.len(),
        describe(candidates)
    )]
    Ambiguous {
        name: String,
        candidates: Vec<Candidate>,
    },
    /// A field holds a national ID.
    #[error("{0}")]
    NationalId(#[from] guard::Refused),
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
            Error::NoName | Error::BadEmail(_) | Error::Ambiguous { .. } | Error::NationalId(_) => {
                ErrorCode::InvalidInput
            }
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const COLUMNS: &str = "id, name, phone, email, note";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        name: r.get(1)?,
        phone: r.get(2)?,
        email: r.get(3)?,
        note: r.get(4)?,
    })
}

fn check_fields(f: &PersonFields) -> Result<(), Error> {
    guard::check_opt("The name", f.name.as_deref())?;
    guard::check_opt("The phone number", f.phone.as_deref())?;
    guard::check_opt("The e-mail address", f.email.as_deref())?;
    guard::check_opt("The note", f.note.as_deref())?;
    if let Some(e) = optional(f.email.as_deref()) {
        if !looks_like_email(&e) {
            return Err(Error::BadEmail(e));
        }
    }
    Ok(())
}

/// Adds a person.
pub fn add(
    conn: &Connection,
    fields: &PersonFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Person, Error> {
    check_fields(fields)?;
    let name = optional(fields.name.as_deref()).ok_or(Error::NoName)?;
    conn.execute(
        "INSERT INTO person (name, phone, email, note, created_at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            name,
            optional(fields.phone.as_deref()),
            optional(fields.email.as_deref()),
            optional(fields.note.as_deref()),
            now.to_rfc3339()
        ],
    )
    .map_err(db("adding a person"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "person.add",
        Some(&format!("person:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Changes a person's fields. Returns the person and the names of the fields that changed.
pub fn update(
    conn: &Connection,
    id: Id,
    changes: &PersonFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(Person, Vec<&'static str>), Error> {
    check_fields(changes)?;
    let mut person = get(conn, id)?;
    let mut changed = Vec::new();
    if let Some(n) = &changes.name {
        let n = tidy(n);
        if n.is_empty() {
            return Err(Error::NoName);
        }
        if n != person.name {
            person.name = n;
            changed.push("name");
        }
    }
    let mut set = |field: &Option<String>, slot: &mut Option<String>, name: &'static str| {
        if let Some(v) = field {
            let v = optional(Some(v));
            if v != *slot {
                *slot = v;
                changed.push(name);
            }
        }
    };
    set(&changes.phone, &mut person.phone, "phone");
    set(&changes.email, &mut person.email, "email");
    set(&changes.note, &mut person.note, "note");
    if changed.is_empty() {
        return Ok((person, changed));
    }
    conn.execute(
        "UPDATE person SET name = ?2, phone = ?3, email = ?4, note = ?5 WHERE id = ?1",
        params![id, person.name, person.phone, person.email, person.note],
    )
    .map_err(db("changing a person"))?;
    audit::record(
        conn,
        now,
        actor,
        "person.update",
        Some(&format!("person:{id} {}", changed.join(","))),
    )
    .map_err(db("recording the change"))?;
    Ok((person, changed))
}

/// A person by id.
pub fn get(conn: &Connection, id: Id) -> Result<Person, Error> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM person WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(db("reading a person"))?
    .ok_or_else(|| Error::NotFound(format!("#{id}")))
}

/// Everyone in the register, oldest record first.
pub fn all(conn: &Connection) -> Result<Vec<Person>, Error> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM person ORDER BY id"))
        .map_err(db("reading people"))?;
    let rows = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("reading people"));
    rows
}

/// Everyone with this name (case and spacing do not matter).
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Vec<Person>, Error> {
    let key = name_key(name);
    Ok(all(conn)?
        .into_iter()
        .filter(|p| name_key(&p.name) == key)
        .collect())
}

/// The one person with this name; several is an error that lists them (id, name, units), none
/// is `Ok(None)`.
pub fn one_by_name(conn: &Connection, name: &str) -> Result<Option<Person>, Error> {
    let mut found = find_by_name(conn, name)?;
    match found.len() {
        0 => Ok(None),
        1 => Ok(found.pop()),
        _ => Err(Error::Ambiguous {
            name: tidy(name),
            candidates: candidates(conn, found)?,
        }),
    }
}

/// The person `who` names: by id (an unknown id is [`Error::NotFound`]) or by a name that means
/// exactly one person (several is [`Error::Ambiguous`]; none is `Ok(None)`, for the caller to
/// decide: a request from someone outside the register is fine, an erasure of no one is not).
pub fn resolve(conn: &Connection, who: &Who) -> Result<Option<Person>, Error> {
    match who {
        Who::Id(id) => get(conn, *id).map(Some),
        Who::Name(name) => one_by_name(conn, name),
    }
}

/// Like [`resolve`], but no one is an error too.
pub fn resolve_one(conn: &Connection, who: &Who) -> Result<Person, Error> {
    resolve(conn, who)?.ok_or_else(|| match who {
        Who::Id(id) => Error::NotFound(format!("#{id}")),
        Who::Name(name) => Error::NotFound(format!("named {}", tidy(name))),
    })
}

/// The numbers of the units a person owns or owned, oldest ownership first.
pub fn units_of(conn: &Connection, id: Id) -> Result<Vec<String>, Error> {
    let mut stmt = conn
        .prepare(
            "SELECT u.number FROM ownership o JOIN unit u ON u.id = o.unit_id
             WHERE o.person_id = ?1 GROUP BY u.id ORDER BY min(coalesce(o.from_date, '')), u.id",
        )
        .map_err(db("reading a person's units"))?;
    let rows = stmt
        .query_map([id], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(db("reading a person's units"));
    rows
}

/// People as candidates for the board's choice: with their units and contact data.
pub fn candidates(conn: &Connection, people: Vec<Person>) -> Result<Vec<Candidate>, Error> {
    people
        .into_iter()
        .map(|p| {
            Ok(Candidate {
                units: units_of(conn, p.id)?,
                id: p.id,
                name: p.name,
                phone: p.phone,
                email: p.email,
            })
        })
        .collect()
}

/// The app's person picker: everyone whose name, phone or e-mail contains `query`
/// (case-insensitive), with units and contact data so the board sees who is who; erased people
/// are left out. An empty query finds no one. The board chooses: nothing is linked by this.
pub fn pick(conn: &Connection, query: &str) -> Result<Vec<Candidate>, Error> {
    let q = name_key(query);
    if q.is_empty() {
        return Ok(Vec::new());
    }
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM person WHERE erased_on IS NULL ORDER BY name COLLATE NOCASE, id"
        ))
        .map_err(db("finding people"))?;
    let found: Vec<Person> = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("finding people"))?;
    let found = found
        .into_iter()
        .filter(|p| {
            [Some(&p.name), p.phone.as_ref(), p.email.as_ref()]
                .into_iter()
                .flatten()
                .any(|t| name_key(t).contains(&q))
        })
        .take(50)
        .collect();
    candidates(conn, found)
}

/// The person with this name, added if there is none (a meeting chair or a subtenant may be
/// new to the register).
pub fn find_or_add(
    conn: &Connection,
    name: &str,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Person, Error> {
    guard::check("The name", name)?;
    match one_by_name(conn, name)? {
        Some(p) => Ok(p),
        None => add(
            conn,
            &PersonFields {
                name: Some(name.to_string()),
                ..Default::default()
            },
            actor,
            now,
        ),
    }
}

/// Is this person connected to the association `on` this day? Someone who moves in or takes
/// up a role later is already current: they are not a former anything.
pub fn standing(conn: &Connection, id: Id, on: NaiveDate) -> Result<Standing, Error> {
    let day = iso(on);
    let current: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM ownership WHERE person_id = ?1
                              AND (to_date IS NULL OR to_date > ?2))
                 OR EXISTS (SELECT 1 FROM role WHERE person_id = ?1
                              AND (to_date IS NULL OR to_date >= ?2))
                 OR EXISTS (SELECT 1 FROM sublet WHERE subtenant_id = ?1
                              AND coalesce(decision, 'requested') <> 'rejected'
                              AND coalesce(ended_on, to_date) >= ?2)",
            params![id, day],
            |r| r.get(0),
        )
        .map_err(db("reading a person's standing"))?;
    Ok(if current {
        Standing::Current
    } else {
        Standing::Former
    })
}

/// Everyone, or only former people, with what connects them `on` this day. Sorted by name.
pub fn list(conn: &Connection, on: NaiveDate, former: bool) -> Result<Vec<PersonListed>, Error> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM person"))
        .map_err(db("listing people"))?;
    let all: Vec<Person> = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("listing people"))?;
    let day = iso(on);
    let mut units = conn
        .prepare(
            "SELECT u.number FROM ownership o JOIN unit u ON u.id = o.unit_id
             WHERE o.person_id = ?1 AND (o.from_date IS NULL OR o.from_date <= ?2)
               AND (o.to_date IS NULL OR o.to_date > ?2)",
        )
        .map_err(db("listing people"))?;
    let mut roles = conn
        .prepare(
            "SELECT kind FROM role WHERE person_id = ?1
               AND (from_date IS NULL OR from_date <= ?2) AND (to_date IS NULL OR to_date >= ?2)
             ORDER BY id",
        )
        .map_err(db("listing people"))?;
    let mut out = Vec::new();
    for person in all {
        let standing = standing(conn, person.id, on)?;
        if former != (standing == Standing::Former) {
            continue;
        }
        let owned: Vec<String> = units
            .query_map(params![person.id, day], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(db("listing people"))?;
        let held: Vec<String> = roles
            .query_map(params![person.id, day], |r| r.get(0))
            .and_then(|rows| rows.collect())
            .map_err(db("listing people"))?;
        let moved_out: Option<String> = conn
            .query_row(
                "SELECT max(to_date) FROM ownership WHERE person_id = ?1",
                [person.id],
                |r| r.get(0),
            )
            .map_err(db("listing people"))?;
        out.push(PersonListed {
            person,
            standing,
            units: owned,
            roles: held,
            moved_out: if former {
                crate::store::date_column(moved_out)
            } else {
                None
            },
        });
    }
    out.sort_by_key(|p| name_key(&p.person.name));
    Ok(out)
}

/// People whose name, phone or e-mail contains `query` (case-insensitive), current or former.
pub fn search(conn: &Connection, query: &str, on: NaiveDate) -> Result<Vec<PersonListed>, Error> {
    let q = name_key(query);
    let mut all = list(conn, on, false)?;
    all.extend(list(conn, on, true)?);
    all.retain(|p| {
        q.is_empty()
            || [
                Some(&p.person.name),
                p.person.phone.as_ref(),
                p.person.email.as_ref(),
            ]
            .into_iter()
            .flatten()
            .any(|t| t.to_lowercase().contains(&q))
    });
    Ok(all)
}

/// How many people the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM person", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{now, register};

    #[test]
    fn find_or_add_reuses_a_name_and_refuses_an_id() {
        let conn = register(Country::NO);
        let a = find_or_add(&conn, "Bjørnar  Lyngmo", "t", now()).unwrap();
        let b = find_or_add(&conn, "bjørnar lyngmo", "t", now()).unwrap();
        assert_eq!(a.id, b.id);
        assert!(matches!(
            find_or_add(&conn, "01010750160", "t", now()),
            Err(Error::NationalId(_))
        ));
        let bad = PersonFields {
            phone: Some("010107 50160".into()),
            ..Default::default()
        };
        assert!(matches!(
            update(&conn, a.id, &bad, "t", now()),
            Err(Error::NationalId(_))
        ));
        assert_eq!(get(&conn, a.id).unwrap().phone, None);
    }
}
