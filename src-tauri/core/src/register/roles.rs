//! Roles: who is on the board (chair, treasurer, ...) and who holds an office at the general
//! meeting or for the association (meeting chair, minute-taker, auditor, webmaster), from when to
//! when. Redaction keeps the names of people acting in a role on a document's date, so the
//! dates matter.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::Id;
use crate::dates::iso;
use crate::i18n::glossary::Term;
use crate::store::date_column;
use crate::Coded;
use crate::{audit, ErrorCode};

/// What a person does for the association.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum RoleKind {
    Chair,
    ViceChair,
    Treasurer,
    Secretary,
    BoardMember,
    Alternate,
    MeetingChair,
    MinuteTaker,
    Auditor,
    NominationCommittee,
    Webmaster,
}

impl RoleKind {
    pub const ALL: [RoleKind; 11] = [
        RoleKind::Chair,
        RoleKind::ViceChair,
        RoleKind::Treasurer,
        RoleKind::Secretary,
        RoleKind::BoardMember,
        RoleKind::Alternate,
        RoleKind::MeetingChair,
        RoleKind::MinuteTaker,
        RoleKind::Auditor,
        RoleKind::NominationCommittee,
        RoleKind::Webmaster,
    ];

    /// The kebab-case name used in the database, the CLI and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Chair => "chair",
            RoleKind::ViceChair => "vice-chair",
            RoleKind::Treasurer => "treasurer",
            RoleKind::Secretary => "secretary",
            RoleKind::BoardMember => "board-member",
            RoleKind::Alternate => "alternate",
            RoleKind::MeetingChair => "meeting-chair",
            RoleKind::MinuteTaker => "minute-taker",
            RoleKind::Auditor => "auditor",
            RoleKind::NominationCommittee => "nomination-committee",
            RoleKind::Webmaster => "webmaster",
        }
    }

    /// The glossary's term for the role: the word the UI and the documents show, and what the
    /// redaction reads a role as ([`crate::redact::RoleKind::of_term`]).
    pub fn term(self) -> Term {
        match self {
            RoleKind::Chair => Term::Chair,
            RoleKind::ViceChair => Term::ViceChair,
            RoleKind::Treasurer => Term::Treasurer,
            RoleKind::Secretary => Term::Secretary,
            RoleKind::BoardMember => Term::BoardMember,
            RoleKind::Alternate => Term::Alternate,
            RoleKind::MeetingChair => Term::MeetingChair,
            RoleKind::MinuteTaker => Term::MinuteTaker,
            RoleKind::Auditor => Term::Auditor,
            RoleKind::NominationCommittee => Term::NominationCommittee,
            RoleKind::Webmaster => Term::Webmaster,
        }
    }

    /// Is this a seat on the board (as opposed to an office at the meeting or beside it)?
    pub fn is_board(self) -> bool {
        matches!(
            self,
            RoleKind::Chair
                | RoleKind::ViceChair
                | RoleKind::Treasurer
                | RoleKind::Secretary
                | RoleKind::BoardMember
                | RoleKind::Alternate
        )
    }
}

impl std::str::FromStr for RoleKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let wanted = s.trim().to_ascii_lowercase().replace('_', "-");
        RoleKind::ALL
            .into_iter()
            .find(|k| k.as_str() == wanted)
            .ok_or_else(|| Error::UnknownKind(s.to_string()))
    }
}

/// A person's role for a period.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Role {
    pub id: Id,
    pub person_id: Id,
    pub person_name: String,
    pub kind: RoleKind,
    pub from: Option<NaiveDate>,
    /// The last day in the role; `None` while it lasts.
    pub to: Option<NaiveDate>,
}

/// Why a role could not be added or ended.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Unknown kind.
    #[error("Unknown role \"{0}\": use chair, vice-chair, treasurer, secretary, board-member, alternate, meeting-chair, minute-taker, auditor, nomination-committee or webmaster.")]
    UnknownKind(String),
    /// Ends before it starts.
    #[error("A role cannot end ({to}) before it starts ({from}).")]
    EndsBeforeStart { from: NaiveDate, to: NaiveDate },
    /// Already ended.
    #[error("This role already ended on {0}.")]
    AlreadyEnded(NaiveDate),
    /// The person could not be found or added (a name several people have is refused with the
    /// candidates).
    #[error("{0}")]
    Person(#[source] super::people::Error),
    /// No such role or person.
    #[error("There is no {0} in the register.")]
    NotFound(String),
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
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Person(e) => e.code(),
            Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const SELECT: &str = "SELECT r.id, r.person_id, p.name, r.kind, r.from_date, r.to_date
     FROM role r JOIN person p ON p.id = r.person_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Role> {
    let kind: String = r.get(3)?;
    Ok(Role {
        id: r.get(0)?,
        person_id: r.get(1)?,
        person_name: r.get(2)?,
        kind: kind.parse().map_err(|_| {
            rusqlite::Error::FromSqlConversionFailure(
                3,
                rusqlite::types::Type::Text,
                format!("unknown role kind {kind}").into(),
            )
        })?,
        from: date_column(r.get(4)?),
        to: date_column(r.get(5)?),
    })
}

/// Gives a person a role for a period (open-ended when `to` is `None`).
pub fn add(
    conn: &Connection,
    person: Id,
    kind: RoleKind,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Role, Error> {
    if let (Some(from), Some(to)) = (from, to) {
        if to < from {
            return Err(Error::EndsBeforeStart { from, to });
        }
    }
    let found: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)",
            [person],
            |r| r.get(0),
        )
        .map_err(db("reading a person"))?;
    if !found {
        return Err(Error::NotFound(format!("person #{person}")));
    }
    conn.execute(
        "INSERT INTO role (person_id, kind, from_date, to_date) VALUES (?1, ?2, ?3, ?4)",
        params![person, kind.as_str(), from.map(iso), to.map(iso)],
    )
    .map_err(db("adding a role"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "role.add",
        Some(&format!("role:{id} person:{person} {}", kind.as_str())),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Ends a role: `on` is the last day in it.
pub fn end(
    conn: &Connection,
    id: Id,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Role, Error> {
    let role = get(conn, id)?;
    if let Some(to) = role.to {
        return Err(Error::AlreadyEnded(to));
    }
    if let Some(from) = role.from.filter(|f| on < *f) {
        return Err(Error::EndsBeforeStart { from, to: on });
    }
    conn.execute(
        "UPDATE role SET to_date = ?2 WHERE id = ?1",
        params![id, iso(on)],
    )
    .map_err(db("ending a role"))?;
    audit::record(conn, now, actor, "role.end", Some(&format!("role:{id}")))
        .map_err(db("recording the change"))?;
    get(conn, id)
}

/// One role.
pub fn get(conn: &Connection, id: Id) -> Result<Role, Error> {
    conn.query_row(&format!("{SELECT} WHERE r.id = ?1"), [id], from_row)
        .optional()
        .map_err(db("reading a role"))?
        .ok_or_else(|| Error::NotFound(format!("role #{id}")))
}

fn query(conn: &Connection, filter: &str, arg: Option<Id>) -> Result<Vec<Role>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE {filter} ORDER BY coalesce(r.from_date, ''), r.id"
        ))
        .map_err(db("reading roles"))?;
    let rows = match arg {
        Some(a) => stmt.query_map([a], from_row).and_then(|r| r.collect()),
        None => stmt.query_map([], from_row).and_then(|r| r.collect()),
    };
    rows.map_err(db("reading roles"))
}

/// Every role, past and present.
pub fn list(conn: &Connection) -> Result<Vec<Role>, Error> {
    query(conn, "1 = 1", None)
}

/// The roles held on a day, board seats first in the order of [`RoleKind::ALL`].
pub fn current(conn: &Connection, on: NaiveDate) -> Result<Vec<Role>, Error> {
    let mut roles: Vec<Role> = list(conn)?
        .into_iter()
        .filter(|r| r.from.is_none_or(|f| f <= on) && r.to.is_none_or(|t| t >= on))
        .collect();
    roles.sort_by_key(|r| {
        (
            RoleKind::ALL.iter().position(|k| *k == r.kind),
            r.person_name.to_lowercase(),
        )
    });
    Ok(roles)
}

/// A person's roles, past and present.
pub fn of_person(conn: &Connection, person: Id) -> Result<Vec<Role>, Error> {
    query(conn, "r.person_id = ?1", Some(person))
}

/// How many roles (past and present) the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM role", [], |r| r.get(0))
}

/// Gives a person a role, the person named: someone in the register by id, or a name, added when
/// no one has it (a meeting chair may be an outside lawyer) and refused with the candidates when
/// several people do. One transaction: a refused role adds no one.
pub fn add_by_name(
    conn: &mut Connection,
    who: &super::people::Who,
    kind: RoleKind,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Role, Error> {
    use super::people::{self, Who};
    let tx = conn.transaction().map_err(db("starting the change"))?;
    let person = match who {
        Who::Id(id) => people::get(&tx, *id),
        Who::Name(name) => people::find_or_add(&tx, name, actor, now),
    }
    .map_err(Error::Person)?;
    let role = add(&tx, person.id, kind, from, to, actor, now)?;
    tx.commit().map_err(db("saving the role"))?;
    Ok(role)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The register's roles and the glossary's are the same list in the same order.
    #[test]
    fn every_role_has_its_glossary_term() {
        assert_eq!(RoleKind::ALL.map(RoleKind::term), Term::ROLES);
    }

    #[test]
    fn kinds_round_trip_through_their_names() {
        for k in RoleKind::ALL {
            assert_eq!(k.as_str().parse::<RoleKind>().unwrap(), k);
            assert_eq!(
                serde_json::to_string(&k).unwrap(),
                format!("\"{}\"", k.as_str())
            );
        }
        assert!("formand".parse::<RoleKind>().is_err());
    }
}
