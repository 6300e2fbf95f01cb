//! Units: the shares or flats of the association, each with its number, address and floor/side.
//!
//! A unit's `number` is what the board calls it: the share number (andelsnr.) where there is one,
//! else the flat number. It is unique and is how the CLI and the import find a unit.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{guard, Id};
use crate::text::{optional, tidy};
use crate::Coded;
use crate::{audit, ErrorCode};

/// A unit of the association.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Unit {
    pub id: Id,
    /// Share number, or flat number where shares are not numbered.
    pub number: String,
    /// The flat's own number when it differs from the share number (Leil.nr, Lgh nr, LM-nr).
    pub flat: Option<String>,
    pub address: Option<String>,
    pub postcode_city: Option<String>,
    /// Floor and side, e.g. "st. tv." or "2. etg.".
    pub floor_side: Option<String>,
}

/// What a new unit, or a change to one, holds. For changes, `None` leaves a field as it is and
/// an empty string clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitFields {
    pub number: Option<String>,
    pub flat: Option<String>,
    pub address: Option<String>,
    pub postcode_city: Option<String>,
    pub floor_side: Option<String>,
}

/// A unit with the people who own it on the day asked about.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitWithOwners {
    #[serde(flatten)]
    pub unit: Unit,
    /// Current owners' names, earliest owner first.
    pub owners: Vec<String>,
    pub owner_ids: Vec<Id>,
}

/// Why a unit could not be added, found or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The unit number is empty.
    #[error("The unit needs a number (the share or flat number).")]
    NoNumber,
    /// Another unit has the number.
    #[error("There is already a unit number {0}. Choose another number or change that unit.")]
    Duplicate(String),
    /// No unit has the number or id.
    #[error("There is no unit {0} in the register. `andel units list` shows the units.")]
    NotFound(String),
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
            Error::NoNumber | Error::Duplicate(_) | Error::NationalId(_) => ErrorCode::InvalidInput,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const COLUMNS: &str = "id, number, flat, address, postcode_city, floor_side";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Unit> {
    Ok(Unit {
        id: r.get(0)?,
        number: r.get(1)?,
        flat: r.get(2)?,
        address: r.get(3)?,
        postcode_city: r.get(4)?,
        floor_side: r.get(5)?,
    })
}

fn guard_fields(f: &UnitFields) -> Result<(), guard::Refused> {
    guard::check_opt("The unit number", f.number.as_deref())?;
    guard::check_opt("The flat number", f.flat.as_deref())?;
    guard::check_opt("The address", f.address.as_deref())?;
    guard::check_opt("The postcode and town", f.postcode_city.as_deref())?;
    guard::check_opt("The floor and side", f.floor_side.as_deref())
}

/// Adds a unit.
pub fn add(
    conn: &Connection,
    fields: &UnitFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Unit, Error> {
    guard_fields(fields)?;
    let number = optional(fields.number.as_deref()).ok_or(Error::NoNumber)?;
    if find(conn, &number)?.is_some() {
        return Err(Error::Duplicate(number));
    }
    conn.execute(
        "INSERT INTO unit (number, flat, address, postcode_city, floor_side, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            number,
            optional(fields.flat.as_deref()),
            optional(fields.address.as_deref()),
            optional(fields.postcode_city.as_deref()),
            optional(fields.floor_side.as_deref()),
            now.to_rfc3339()
        ],
    )
    .map_err(db("adding a unit"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(conn, now, actor, "unit.add", Some(&format!("unit:{id}")))
        .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Changes a unit's fields. Returns the unit and whether anything changed.
pub fn update(
    conn: &Connection,
    id: Id,
    changes: &UnitFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(Unit, bool), Error> {
    guard_fields(changes)?;
    let mut unit = get(conn, id)?;
    let mut changed = Vec::new();
    if let Some(n) = &changes.number {
        let n = tidy(n);
        if n.is_empty() {
            return Err(Error::NoNumber);
        }
        if n != unit.number {
            if find(conn, &n)?.is_some() {
                return Err(Error::Duplicate(n));
            }
            unit.number = n;
            changed.push("number");
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
    set(&changes.flat, &mut unit.flat, "flat");
    set(&changes.address, &mut unit.address, "address");
    set(
        &changes.postcode_city,
        &mut unit.postcode_city,
        "postcode_city",
    );
    set(&changes.floor_side, &mut unit.floor_side, "floor_side");
    if changed.is_empty() {
        return Ok((unit, false));
    }
    conn.execute(
        "UPDATE unit SET number = ?2, flat = ?3, address = ?4, postcode_city = ?5, floor_side = ?6
         WHERE id = ?1",
        params![
            id,
            unit.number,
            unit.flat,
            unit.address,
            unit.postcode_city,
            unit.floor_side
        ],
    )
    .map_err(db("changing a unit"))?;
    audit::record(
        conn,
        now,
        actor,
        "unit.update",
        Some(&format!("unit:{id} {}", changed.join(","))),
    )
    .map_err(db("recording the change"))?;
    Ok((unit, true))
}

/// A unit by id.
pub fn get(conn: &Connection, id: Id) -> Result<Unit, Error> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM unit WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(db("reading a unit"))?
    .ok_or_else(|| Error::NotFound(format!("#{id}")))
}

/// The unit with this number (compared without regard to case and spacing), if any.
pub fn find(conn: &Connection, number: &str) -> Result<Option<Unit>, Error> {
    // The column compares without ASCII case (COLLATE NOCASE), as lower() does, and through its
    // unique index: `lower(number)` read every unit, which made importing a list of 100,000
    // units quadratic (issue 12).
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM unit WHERE number = ?1"),
        [tidy(number)],
        from_row,
    )
    .optional()
    .map_err(db("finding a unit"))
}

/// The unit with this number, or an error that says there is none.
pub fn by_number(conn: &Connection, number: &str) -> Result<Unit, Error> {
    find(conn, number)?.ok_or_else(|| Error::NotFound(tidy(number)))
}

/// Every unit, in natural order of their numbers ("2" before "10"), with who owns it `on`.
pub fn list(conn: &Connection, on: NaiveDate) -> Result<Vec<UnitWithOwners>, Error> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM unit"))
        .map_err(db("listing units"))?;
    let units: Vec<Unit> = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("listing units"))?;
    let mut owners = conn
        .prepare(
            "SELECT p.id, p.name FROM ownership o JOIN person p ON p.id = o.person_id
             WHERE o.unit_id = ?1 AND (o.from_date IS NULL OR o.from_date <= ?2)
               AND (o.to_date IS NULL OR o.to_date > ?2)
             ORDER BY o.from_date, o.id",
        )
        .map_err(db("listing owners"))?;
    let on = crate::dates::iso(on);
    let mut out = Vec::with_capacity(units.len());
    for unit in units {
        let rows: Vec<(Id, String)> = owners
            .query_map(params![unit.id, on], |r| Ok((r.get(0)?, r.get(1)?)))
            .and_then(|rows| rows.collect())
            .map_err(db("listing owners"))?;
        out.push(UnitWithOwners {
            unit,
            owner_ids: rows.iter().map(|(id, _)| *id).collect(),
            owners: rows.into_iter().map(|(_, n)| n).collect(),
        });
    }
    out.sort_by(|a, b| natural_cmp(&a.unit.number, &b.unit.number));
    Ok(out)
}

/// Units whose number, flat, address or current owner contains `query` (case-insensitive).
pub fn search(conn: &Connection, query: &str, on: NaiveDate) -> Result<Vec<UnitWithOwners>, Error> {
    let q = crate::text::name_key(query);
    Ok(list(conn, on)?
        .into_iter()
        .filter(|u| {
            q.is_empty()
                || [
                    Some(&u.unit.number),
                    u.unit.flat.as_ref(),
                    u.unit.address.as_ref(),
                ]
                .into_iter()
                .flatten()
                .chain(u.owners.iter())
                .any(|t| t.to_lowercase().contains(&q))
        })
        .collect())
}

/// Compares unit numbers the way people read them: "2" < "10", "H0101" < "H0102".
pub fn natural_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    fn key(s: &str) -> Vec<(String, u64)> {
        let mut out = Vec::new();
        let mut text = String::new();
        let mut digits = String::new();
        for c in s.chars() {
            if c.is_ascii_digit() {
                digits.push(c);
            } else {
                if !digits.is_empty() {
                    out.push((
                        std::mem::take(&mut text),
                        digits.parse().unwrap_or(u64::MAX),
                    ));
                    digits.clear();
                }
                text.extend(c.to_lowercase());
            }
        }
        out.push((
            text,
            if digits.is_empty() {
                0
            } else {
                digits.parse().unwrap_or(u64::MAX)
            },
        ));
        out
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// How many units the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM unit", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{now, register};

    #[test]
    fn units_are_unique_by_number_and_sorted_naturally() {
        let conn = register(Country::DK);
        for n in ["10", "2", "1"] {
            add(
                &conn,
                &UnitFields {
                    number: Some(n.into()),
                    address: Some("Rønnebærvej 2".into()),
                    ..Default::default()
                },
                "t",
                now(),
            )
            .unwrap();
        }
        let dup = UnitFields {
            number: Some(" 2 ".into()),
            ..Default::default()
        };
        assert!(matches!(
            add(&conn, &dup, "t", now()),
            Err(Error::Duplicate(_))
        ));
        let numbers: Vec<_> = list(&conn, now().date_naive())
            .unwrap()
            .into_iter()
            .map(|u| u.unit.number)
            .collect();
        assert_eq!(numbers, ["1", "2", "10"]);
    }

    #[test]
    fn a_cpr_number_in_the_address_is_refused() {
        let conn = register(Country::DK);
        let bad = UnitFields {
            number: Some("1".into()),
            address: Some("070761-4285".into()),
            ..Default::default()
        };
        assert!(matches!(
            add(&conn, &bad, "t", now()),
            Err(Error::NationalId(_))
        ));
        assert_eq!(count(&conn).unwrap(), 0);
    }
}
