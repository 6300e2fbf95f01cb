//! Ownership: who owned which unit from when to when. Moving out ends an ownership; the row
//! stays, so the unit page shows its whole history and former owners can be answered when they
//! ask what the board kept about them.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{plates, Id};
use crate::dates::iso;
use crate::store::date_column;
use crate::Coded;
use crate::{audit, ErrorCode};

/// One person's ownership of one unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Ownership {
    pub id: Id,
    pub unit_id: Id,
    pub unit_number: String,
    pub person_id: Id,
    pub person_name: String,
    /// The day they took over; unknown for old records.
    pub from: Option<NaiveDate>,
    /// The day they moved out (the first day they no longer own it); `None` while they own it.
    pub to: Option<NaiveDate>,
}

/// Why an ownership could not be started or ended.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The person already owns the unit.
    #[error("{person} already owns unit {unit}.")]
    AlreadyOwner { person: String, unit: String },
    /// The end is before the start.
    #[error("An ownership cannot end ({to}) before it starts ({from}).")]
    EndsBeforeStart { from: NaiveDate, to: NaiveDate },
    /// The ownership has already ended.
    #[error("This ownership already ended on {0}.")]
    AlreadyEnded(NaiveDate),
    /// The new owner could not be found or added.
    #[error("{0}")]
    Person(#[source] super::people::Error),
    /// Neither someone in the register nor a new person was given as the new owner.
    #[error("Choose the new owner from the register, or give a new person's name.")]
    NoOwner,
    /// No such ownership, unit or person.
    #[error("There is no {0} in the register.")]
    NotFound(String),
    /// Proposing the name-plate draft for the new owners failed.
    #[error("The ownership was not started: the name-plate draft failed ({0}).")]
    Plate(#[source] super::plates::Error),
    /// Reading back the unit's name-plate drafts after a take-over failed.
    #[error("The ownership was not started: the name-plate draft failed ({0}).")]
    PlateRead(#[source] super::plates::Error),
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
            Error::Person(e) => e.code(),
            Error::NoOwner => ErrorCode::InvalidInput,
            Error::AlreadyOwner { .. } | Error::EndsBeforeStart { .. } | Error::AlreadyEnded(_) => {
                ErrorCode::InvalidInput
            }
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Plate(_) | Error::PlateRead(_) | Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const SELECT: &str = "SELECT o.id, o.unit_id, u.number, o.person_id, p.name, o.from_date, o.to_date
     FROM ownership o JOIN unit u ON u.id = o.unit_id JOIN person p ON p.id = o.person_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Ownership> {
    Ok(Ownership {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_number: r.get(2)?,
        person_id: r.get(3)?,
        person_name: r.get(4)?,
        from: date_column(r.get(5)?),
        to: date_column(r.get(6)?),
    })
}

fn query(conn: &Connection, filter: &str, id: Id) -> Result<Vec<Ownership>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE {filter} ORDER BY coalesce(o.from_date, ''), o.id"
        ))
        .map_err(db("reading ownerships"))?;
    let rows = stmt
        .query_map([id], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("reading ownerships"));
    rows
}

/// Starts an ownership: `person` owns `unit` from `from` (unknown for old records). When
/// `propose_plate` is set, a name-plate draft with the unit's owners is proposed too (the import
/// leaves it off for a first list, where every unit would get one).
#[allow(clippy::too_many_arguments)]
pub fn start(
    conn: &Connection,
    unit: Id,
    person: Id,
    from: Option<NaiveDate>,
    propose_plate: bool,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Ownership, Error> {
    let (unit_number, person_name) = names(conn, unit, person)?;
    let already: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM ownership WHERE unit_id = ?1 AND person_id = ?2
                AND to_date IS NULL)",
            params![unit, person],
            |r| r.get(0),
        )
        .map_err(db("checking ownerships"))?;
    if already {
        return Err(Error::AlreadyOwner {
            person: person_name,
            unit: unit_number,
        });
    }
    conn.execute(
        "INSERT INTO ownership (unit_id, person_id, from_date) VALUES (?1, ?2, ?3)",
        params![unit, person, from.map(iso)],
    )
    .map_err(db("starting an ownership"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "ownership.start",
        Some(&format!("ownership:{id} unit:{unit} person:{person}")),
    )
    .map_err(db("recording the change"))?;
    if propose_plate {
        let on = from.unwrap_or(today).max(today);
        let owners: Vec<String> = current_of_unit(conn, unit, on)?
            .into_iter()
            .map(|o| o.person_name)
            .collect();
        plates::propose(
            conn,
            unit,
            &owners,
            &format!("ownership:{id}"),
            // The draft is as old as the move-in (one to come is proposed today).
            from.unwrap_or(today).min(today),
            actor,
            now,
        )
        .map_err(Error::Plate)?;
    }
    get(conn, id)
}

/// What a new owner's take-over did (see [`take_over`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TakeOver {
    /// The new owner's ownership.
    pub ownership: Ownership,
    /// The ownerships that ended on the day the new owner took over.
    pub ended: Vec<Ownership>,
    /// The name-plate draft proposed with the unit's owners, if any.
    pub plate: Option<plates::PlateOrder>,
}

/// A new owner takes over `unit` on `from`. With `end_current` the unit's ownerships not yet
/// ended end that day (the old owner moved out); without it a co-owner joins the current
/// owners. Then the ownership starts and a name-plate draft with the unit's owners is proposed
/// (and returned).
///
/// Everything that can refuse is checked before anything is written, so a refusal (the person
/// already owns the unit, an ownership to end began after `from`) changes nothing.
#[allow(clippy::too_many_arguments)]
pub fn take_over(
    conn: &Connection,
    unit: Id,
    person: Id,
    from: NaiveDate,
    end_current: bool,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<TakeOver, Error> {
    let (unit_number, person_name) = names(conn, unit, person)?;
    let open: Vec<Ownership> = of_unit(conn, unit)?
        .into_iter()
        .filter(|o| o.to.is_none())
        .collect();
    if open.iter().any(|o| o.person_id == person) {
        return Err(Error::AlreadyOwner {
            person: person_name,
            unit: unit_number,
        });
    }
    let ending: Vec<Ownership> = if end_current { open } else { Vec::new() };
    if let Some(begun) = ending.iter().filter_map(|o| o.from).find(|&f| from < f) {
        return Err(Error::EndsBeforeStart {
            from: begun,
            to: from,
        });
    }
    let mut ended = Vec::with_capacity(ending.len());
    for o in ending {
        ended.push(end(conn, o.id, from, actor, now)?);
    }
    let ownership = start(conn, unit, person, Some(from), true, today, actor, now)?;
    let cause = format!("ownership:{}", ownership.id);
    let plate = plates::of_unit(conn, unit)
        .map_err(Error::PlateRead)?
        .into_iter()
        .find(|p| p.cause.as_deref() == Some(cause.as_str()));
    Ok(TakeOver {
        ownership,
        ended,
        plate,
    })
}

fn names(conn: &Connection, unit: Id, person: Id) -> Result<(String, String), Error> {
    let unit_number: String = conn
        .query_row("SELECT number FROM unit WHERE id = ?1", [unit], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db("reading a unit"))?
        .ok_or_else(|| Error::NotFound(format!("unit #{unit}")))?;
    let person_name: String = conn
        .query_row("SELECT name FROM person WHERE id = ?1", [person], |r| {
            r.get(0)
        })
        .optional()
        .map_err(db("reading a person"))?
        .ok_or_else(|| Error::NotFound(format!("person #{person}")))?;
    Ok((unit_number, person_name))
}

/// Ends an ownership: the person moved out on `on` (the first day they no longer own the unit).
pub fn end(
    conn: &Connection,
    id: Id,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Ownership, Error> {
    let o = get(conn, id)?;
    if let Some(to) = o.to {
        return Err(Error::AlreadyEnded(to));
    }
    // An old record without a start may end on any day; one with a start not before it.
    let on = match o.from {
        Some(from) if on < from => return Err(Error::EndsBeforeStart { from, to: on }),
        _ => on,
    };
    conn.execute(
        "UPDATE ownership SET to_date = ?2 WHERE id = ?1",
        params![id, iso(on)],
    )
    .map_err(db("ending an ownership"))?;
    audit::record(
        conn,
        now,
        actor,
        "ownership.end",
        Some(&format!("ownership:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Corrects the start date of an ownership (the administrator's list knows better).
pub fn set_start(
    conn: &Connection,
    id: Id,
    from: Option<NaiveDate>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Ownership, Error> {
    let o = get(conn, id)?;
    if let (Some(from), Some(to)) = (from, o.to) {
        if to < from {
            return Err(Error::EndsBeforeStart { from, to });
        }
    }
    conn.execute(
        "UPDATE ownership SET from_date = ?2 WHERE id = ?1",
        params![id, from.map(iso)],
    )
    .map_err(db("changing an ownership"))?;
    audit::record(
        conn,
        now,
        actor,
        "ownership.update",
        Some(&format!("ownership:{id} from")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// One ownership.
pub fn get(conn: &Connection, id: Id) -> Result<Ownership, Error> {
    query(conn, "o.id = ?1", id)?
        .pop()
        .ok_or_else(|| Error::NotFound(format!("ownership #{id}")))
}

/// The whole history of a unit, oldest first.
pub fn of_unit(conn: &Connection, unit: Id) -> Result<Vec<Ownership>, Error> {
    query(conn, "o.unit_id = ?1", unit)
}

/// Everything a person owns or owned, oldest first.
pub fn of_person(conn: &Connection, person: Id) -> Result<Vec<Ownership>, Error> {
    query(conn, "o.person_id = ?1", person)
}

/// Who owns a unit on a day.
pub fn current_of_unit(
    conn: &Connection,
    unit: Id,
    on: NaiveDate,
) -> Result<Vec<Ownership>, Error> {
    Ok(of_unit(conn, unit)?
        .into_iter()
        .filter(|o| is_current(o, on))
        .collect())
}

/// Ownerships not yet ended, of every unit.
pub fn open(conn: &Connection) -> Result<Vec<Ownership>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE o.to_date IS NULL ORDER BY o.unit_id, coalesce(o.from_date, ''), o.id"
        ))
        .map_err(db("reading ownerships"))?;
    let rows = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("reading ownerships"));
    rows
}

/// Does the ownership hold on this day?
pub fn is_current(o: &Ownership, on: NaiveDate) -> bool {
    o.from.is_none_or(|f| f <= on) && o.to.is_none_or(|t| t > on)
}

/// How many ownerships (current and former) the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM ownership", [], |r| r.get(0))
}

/// A new owner of a unit: someone in the register, or a new person.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MoveIn {
    pub unit_id: Id,
    /// Someone already in the register; `None` adds `new_person`.
    pub person_id: Option<Id>,
    pub new_person: Option<super::people::PersonFields>,
    /// The day they took over the unit.
    pub from: NaiveDate,
    /// End the unit's current ownerships on `from` (the old owner moved out); off when a
    /// co-owner joins.
    pub end_current: bool,
}

/// Records a new owner of a unit in one transaction: the person added when new, then
/// [`take_over`]. A refused take-over leaves no new person behind.
pub fn move_in(
    conn: &mut Connection,
    form: &MoveIn,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<TakeOver, Error> {
    use super::people;
    let tx = conn.transaction().map_err(db("starting the move"))?;
    let person = match (form.person_id, &form.new_person) {
        (Some(id), _) => people::get(&tx, id),
        (None, Some(fields)) => people::add(&tx, fields, actor, now),
        (None, None) => return Err(Error::NoOwner),
    }
    .map_err(Error::Person)?;
    let done = take_over(
        &tx,
        form.unit_id,
        person.id,
        form.from,
        form.end_current,
        today,
        actor,
        now,
    )?;
    tx.commit().map_err(db("saving the move"))?;
    Ok(done)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{day, now, register};
    use crate::register::{people, units};

    fn unit_with_owner(conn: &Connection, number: &str, owner: &str, from: &str) -> (Id, Id) {
        let unit = units::add(
            conn,
            &units::UnitFields {
                number: Some(number.into()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        let person = people::find_or_add(conn, owner, "t", now()).unwrap();
        start(
            conn,
            unit.id,
            person.id,
            Some(day(from)),
            false,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        (unit.id, person.id)
    }

    #[test]
    fn a_new_owner_takes_over_the_old_one_moves_out_that_day_and_a_plate_is_drafted() {
        let conn = register(Country::DK);
        let (unit, old) = unit_with_owner(&conn, "7", "Sanne Rosendahl", "2012-06-15");
        let new = people::find_or_add(&conn, "Aase Tranberg", "t", now()).unwrap();
        let done = take_over(
            &conn,
            unit,
            new.id,
            day("2026-04-01"),
            true,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(done.ownership.from, Some(day("2026-04-01")));
        assert_eq!(done.ended.len(), 1);
        assert_eq!(done.ended[0].person_id, old);
        assert_eq!(done.ended[0].to, Some(day("2026-04-01")));
        // The draft names the owners on the day of the take-over: only the new one.
        let plate = done.plate.expect("a name-plate draft");
        assert_eq!(plate.lines, ["Aase Tranberg"]);
        assert_eq!(plates::list(&conn).unwrap().len(), 1);
        // The old owner still owns the unit until then, the new one from then.
        let names = |on| -> Vec<String> {
            current_of_unit(&conn, unit, day(on))
                .unwrap()
                .into_iter()
                .map(|o| o.person_name)
                .collect()
        };
        assert_eq!(names("2026-03-31"), ["Sanne Rosendahl"]);
        assert_eq!(names("2026-04-01"), ["Aase Tranberg"]);
    }

    #[test]
    fn a_co_owner_joins_without_ending_the_current_ownership() {
        let conn = register(Country::DK);
        let (unit, _) = unit_with_owner(&conn, "7", "Sanne Rosendahl", "2012-06-15");
        let joins = people::find_or_add(&conn, "Kenneth Rosendahl", "t", now()).unwrap();
        let done = take_over(
            &conn,
            unit,
            joins.id,
            day("2026-02-01"),
            false,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        assert!(done.ended.is_empty());
        assert_eq!(
            done.plate.unwrap().lines,
            ["Sanne Rosendahl", "Kenneth Rosendahl"]
        );
        assert_eq!(
            current_of_unit(&conn, unit, day("2026-03-01"))
                .unwrap()
                .len(),
            2
        );
    }

    #[test]
    fn a_refused_take_over_changes_nothing() {
        let conn = register(Country::DK);
        let (unit, first) = unit_with_owner(&conn, "7", "Sanne Rosendahl", "2012-06-15");
        let second = people::find_or_add(&conn, "Kenneth Rosendahl", "t", now()).unwrap();
        start(
            &conn,
            unit,
            second.id,
            Some(day("2020-01-01")),
            false,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        let new = people::find_or_add(&conn, "Aase Tranberg", "t", now()).unwrap();
        // The second owner began after the day given: nothing ends, not even the first owner's.
        assert!(matches!(
            take_over(
                &conn,
                unit,
                new.id,
                day("2019-01-01"),
                true,
                day("2026-03-01"),
                "t",
                now()
            ),
            Err(Error::EndsBeforeStart { .. })
        ));
        // A current owner cannot take over again, and is not ended by trying.
        assert!(matches!(
            take_over(
                &conn,
                unit,
                first,
                day("2026-04-01"),
                true,
                day("2026-03-01"),
                "t",
                now()
            ),
            Err(Error::AlreadyOwner { .. })
        ));
        let history = of_unit(&conn, unit).unwrap();
        assert_eq!(history.len(), 2);
        assert!(history.iter().all(|o| o.to.is_none()));
        assert!(plates::list(&conn).unwrap().is_empty());
    }

    #[test]
    fn moving_out_ends_the_ownership_and_keeps_the_history() {
        let conn = register(Country::DK);
        let unit = units::add(
            &conn,
            &units::UnitFields {
                number: Some("4".into()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        let a = people::find_or_add(&conn, "Sanne Rosendahl", "t", now()).unwrap();
        let b = people::find_or_add(&conn, "Aase Tranberg", "t", now()).unwrap();
        let first = start(
            &conn,
            unit.id,
            a.id,
            Some(day("2012-06-15")),
            false,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        assert!(matches!(
            start(
                &conn,
                unit.id,
                a.id,
                None,
                false,
                day("2026-03-01"),
                "t",
                now()
            ),
            Err(Error::AlreadyOwner { .. })
        ));
        assert!(matches!(
            end(&conn, first.id, day("2010-01-01"), "t", now()),
            Err(Error::EndsBeforeStart { .. })
        ));
        end(&conn, first.id, day("2026-02-01"), "t", now()).unwrap();
        start(
            &conn,
            unit.id,
            b.id,
            Some(day("2026-02-01")),
            true,
            day("2026-03-01"),
            "t",
            now(),
        )
        .unwrap();
        let history = of_unit(&conn, unit.id).unwrap();
        assert_eq!(history.len(), 2);
        let now_owners = current_of_unit(&conn, unit.id, day("2026-03-01")).unwrap();
        assert_eq!(now_owners.len(), 1);
        assert_eq!(now_owners[0].person_name, "Aase Tranberg");
        // The new owner got a name-plate draft.
        let drafts = plates::list(&conn).unwrap();
        assert_eq!(drafts.len(), 1);
        assert_eq!(drafts[0].lines, ["Aase Tranberg"]);
    }
}
