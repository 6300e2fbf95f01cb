//! Name-plate orders: the names on a unit's door, mailbox and intercom. An order is a draft
//! until the board sends it to the caretaker (with the date and the organisation), and is done
//! when the caretaker has mounted the plates (with the date).
//!
//! A draft is proposed automatically when an ownership starts or a sublet is approved; if the
//! unit already has an unsent draft, its lines are replaced instead of queueing a second one.
//!
//! An order keeps the day it was made (`created_on`), which the board may give when it types in
//! an order made earlier; a proposed draft is dated by what caused it (the decision, the move-in),
//! never later than the day it was recorded. It cannot be sent before it was made.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{guard, Id};
use crate::dates::iso;
use crate::store::date_column;
use crate::text::tidy;
use crate::Coded;
use crate::{audit, ErrorCode};

/// The most lines a plate holds.
pub const MAX_LINES: usize = 4;
/// The most characters a line holds.
pub const MAX_LINE_CHARS: usize = 40;

/// Which plate an order is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PlateKind {
    Door,
    Mailbox,
    Intercom,
}

impl PlateKind {
    pub const ALL: [PlateKind; 3] = [PlateKind::Door, PlateKind::Mailbox, PlateKind::Intercom];

    pub fn as_str(self) -> &'static str {
        match self {
            PlateKind::Door => "door",
            PlateKind::Mailbox => "mailbox",
            PlateKind::Intercom => "intercom",
        }
    }
}

impl std::str::FromStr for PlateKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        PlateKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::UnknownKind(s.to_string()))
    }
}

/// Where an order stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PlateStatus {
    Draft,
    Sent,
    Mounted,
}

impl PlateStatus {
    /// The status as a word: draft, sent or mounted.
    pub fn as_str(self) -> &'static str {
        match self {
            PlateStatus::Draft => "a draft",
            PlateStatus::Sent => "sent",
            PlateStatus::Mounted => "mounted",
        }
    }
}

/// A name-plate order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlateOrder {
    pub id: Id,
    pub unit_id: Id,
    pub unit_number: String,
    pub lines: Vec<String>,
    pub kinds: Vec<PlateKind>,
    /// What proposed the draft ("ownership:12", "sublet:3"); `None` when typed by the board.
    pub cause: Option<String>,
    /// The day the order was made (the board's date, or its cause's), not the day it was typed in.
    pub created_on: NaiveDate,
    pub sent_on: Option<NaiveDate>,
    pub sent_to: Option<Id>,
    pub sent_to_name: Option<String>,
    pub mounted_on: Option<NaiveDate>,
    pub status: PlateStatus,
}

/// Why an order could not be made or moved on.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No text lines.
    #[error("A name plate needs at least one line of text.")]
    NoLines,
    /// Too many lines.
    #[error("A name plate holds at most {MAX_LINES} lines.")]
    TooManyLines,
    /// A line too long.
    #[error("The line \"{0}\" is longer than the {MAX_LINE_CHARS} characters a plate holds.")]
    LineTooLong(String),
    /// Unknown plate kind.
    #[error("Unknown plate kind \"{0}\": use door, mailbox or intercom.")]
    UnknownKind(String),
    /// Sent twice, or mounted before being sent.
    #[error("Name-plate order #{id} is {}, so it cannot be marked {wanted}.", status.as_str())]
    WrongStep {
        id: Id,
        status: PlateStatus,
        wanted: &'static str,
    },
    /// A date before the previous step.
    #[error("The plates cannot be mounted ({mounted}) before the order was sent ({sent}).")]
    MountedBeforeSent { sent: NaiveDate, mounted: NaiveDate },
    /// Sent before the order was made.
    #[error("The order cannot be sent ({sent}) before it was made ({made}).")]
    SentBeforeMade { made: NaiveDate, sent: NaiveDate },
    /// An order dated after the day it is recorded.
    #[error("An order cannot be dated after today ({today}): {made}.")]
    MadeAfterToday { made: NaiveDate, today: NaiveDate },
    /// No such order, unit or organisation.
    #[error("There is no {0} in the register.")]
    NotFound(String),
    /// A line holds a national ID.
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
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const SELECT: &str = "SELECT n.id, n.unit_id, u.number, n.lines, n.kinds, n.cause, n.created_on,
        n.sent_on, n.sent_to, g.name, n.mounted_on
     FROM name_plate_order n JOIN unit u ON u.id = n.unit_id
     LEFT JOIN organisation g ON g.id = n.sent_to";

fn from_row(r: &Row<'_>) -> rusqlite::Result<PlateOrder> {
    let lines: String = r.get(3)?;
    let kinds: String = r.get(4)?;
    let sent_on = date_column(r.get(7)?);
    let mounted_on = date_column(r.get(10)?);
    let created: String = r.get(6)?;
    Ok(PlateOrder {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_number: r.get(2)?,
        lines: serde_json::from_str(&lines).unwrap_or_default(),
        kinds: kinds.split(',').filter_map(|k| k.parse().ok()).collect(),
        cause: r.get(5)?,
        created_on: crate::dates::parse_iso(&created).unwrap_or_default(),
        sent_on,
        sent_to: r.get(8)?,
        sent_to_name: r.get(9)?,
        mounted_on,
        status: match (sent_on, mounted_on) {
            (_, Some(_)) => PlateStatus::Mounted,
            (Some(_), None) => PlateStatus::Sent,
            (None, None) => PlateStatus::Draft,
        },
    })
}

fn clean_lines(lines: &[String]) -> Result<Vec<String>, Error> {
    let lines: Vec<String> = lines
        .iter()
        .map(|l| tidy(l))
        .filter(|l| !l.is_empty())
        .collect();
    if lines.is_empty() {
        return Err(Error::NoLines);
    }
    if lines.len() > MAX_LINES {
        return Err(Error::TooManyLines);
    }
    for l in &lines {
        guard::check("A name-plate line", l)?;
        if l.chars().count() > MAX_LINE_CHARS {
            return Err(Error::LineTooLong(l.clone()));
        }
    }
    Ok(lines)
}

fn kinds_text(kinds: &[PlateKind]) -> String {
    let mut k: Vec<PlateKind> = PlateKind::ALL
        .into_iter()
        .filter(|x| kinds.contains(x))
        .collect();
    if k.is_empty() {
        k = vec![PlateKind::Door, PlateKind::Mailbox];
    }
    k.iter().map(|k| k.as_str()).collect::<Vec<_>>().join(",")
}

fn unit_exists(conn: &Connection, unit: Id) -> Result<(), Error> {
    let found: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM unit WHERE id = ?1)",
            [unit],
            |r| r.get(0),
        )
        .map_err(db("reading a unit"))?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound(format!("unit #{unit}")))
    }
}

/// A new draft typed by the board, made `made_on` (today, or the earlier day the board made the
/// order; never after `today`). No kinds means door and mailbox.
#[allow(clippy::too_many_arguments)]
pub fn add(
    conn: &Connection,
    unit: Id,
    lines: &[String],
    kinds: &[PlateKind],
    made_on: NaiveDate,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PlateOrder, Error> {
    let lines = clean_lines(lines)?;
    if made_on > today {
        return Err(Error::MadeAfterToday {
            made: made_on,
            today,
        });
    }
    unit_exists(conn, unit)?;
    insert(conn, unit, &lines, kinds, None, made_on, actor, now)
}

#[allow(clippy::too_many_arguments)]
fn insert(
    conn: &Connection,
    unit: Id,
    lines: &[String],
    kinds: &[PlateKind],
    cause: Option<&str>,
    made_on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PlateOrder, Error> {
    let lines_json = serde_json::to_string(lines).unwrap_or_else(|_| "[]".into());
    conn.execute(
        "INSERT INTO name_plate_order (unit_id, lines, kinds, cause, created_on)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![unit, lines_json, kinds_text(kinds), cause, iso(made_on)],
    )
    .map_err(db("adding a name-plate order"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "plate.draft",
        Some(&format!("plate:{id} unit:{unit}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Proposes a draft with these names for a unit, because `cause` (an ownership or a sublet)
/// starts; a new draft is dated `made_on`, the day of its cause. An unsent draft of the unit is
/// updated instead. Names that cannot go on a plate (empty, too long) are shortened or left out
/// rather than failing the operation behind it.
pub fn propose(
    conn: &Connection,
    unit: Id,
    names: &[String],
    cause: &str,
    made_on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Option<PlateOrder>, Error> {
    let lines: Vec<String> = names
        .iter()
        .map(|n| tidy(n))
        .filter(|n| !n.is_empty() && guard::find(n).is_none())
        .map(|n| n.chars().take(MAX_LINE_CHARS).collect())
        .take(MAX_LINES)
        .collect();
    if lines.is_empty() {
        return Ok(None);
    }
    let draft: Option<Id> = conn
        .query_row(
            "SELECT id FROM name_plate_order WHERE unit_id = ?1 AND sent_on IS NULL
             ORDER BY id DESC LIMIT 1",
            [unit],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading name-plate orders"))?;
    match draft {
        Some(id) => {
            let lines_json = serde_json::to_string(&lines).unwrap_or_else(|_| "[]".into());
            conn.execute(
                "UPDATE name_plate_order SET lines = ?2, cause = ?3 WHERE id = ?1",
                params![id, lines_json, cause],
            )
            .map_err(db("updating a name-plate draft"))?;
            audit::record(
                conn,
                now,
                actor,
                "plate.update",
                Some(&format!("plate:{id} {cause}")),
            )
            .map_err(db("recording the change"))?;
            Ok(Some(get(conn, id)?))
        }
        None => Ok(Some(insert(
            conn,
            unit,
            &lines,
            &[PlateKind::Door, PlateKind::Mailbox],
            Some(cause),
            made_on,
            actor,
            now,
        )?)),
    }
}

/// The order was sent `on` a day, to an organisation (usually the caretaker) when known.
pub fn mark_sent(
    conn: &Connection,
    id: Id,
    to: Option<Id>,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PlateOrder, Error> {
    let order = get(conn, id)?;
    if order.status != PlateStatus::Draft {
        return Err(Error::WrongStep {
            id,
            status: order.status,
            wanted: "sent",
        });
    }
    if on < order.created_on {
        return Err(Error::SentBeforeMade {
            made: order.created_on,
            sent: on,
        });
    }
    if let Some(org) = to {
        let found: bool = conn
            .query_row(
                "SELECT EXISTS (SELECT 1 FROM organisation WHERE id = ?1)",
                [org],
                |r| r.get(0),
            )
            .map_err(db("reading an organisation"))?;
        if !found {
            return Err(Error::NotFound(format!("organisation #{org}")));
        }
    }
    conn.execute(
        "UPDATE name_plate_order SET sent_on = ?2, sent_to = ?3 WHERE id = ?1",
        params![id, iso(on), to],
    )
    .map_err(db("marking a name-plate order sent"))?;
    audit::record(conn, now, actor, "plate.sent", Some(&format!("plate:{id}")))
        .map_err(db("recording the change"))?;
    get(conn, id)
}

/// The plates were mounted `on` a day.
pub fn mark_mounted(
    conn: &Connection,
    id: Id,
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<PlateOrder, Error> {
    let order = get(conn, id)?;
    let sent = match (order.status, order.sent_on) {
        (PlateStatus::Sent, Some(sent)) => sent,
        (status, _) => {
            return Err(Error::WrongStep {
                id,
                status,
                wanted: "mounted",
            })
        }
    };
    if on < sent {
        return Err(Error::MountedBeforeSent { sent, mounted: on });
    }
    conn.execute(
        "UPDATE name_plate_order SET mounted_on = ?2 WHERE id = ?1",
        params![id, iso(on)],
    )
    .map_err(db("marking a name-plate order mounted"))?;
    audit::record(
        conn,
        now,
        actor,
        "plate.mounted",
        Some(&format!("plate:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// One order.
pub fn get(conn: &Connection, id: Id) -> Result<PlateOrder, Error> {
    conn.query_row(&format!("{SELECT} WHERE n.id = ?1"), [id], from_row)
        .optional()
        .map_err(db("reading a name-plate order"))?
        .ok_or_else(|| Error::NotFound(format!("name-plate order #{id}")))
}

fn query(conn: &Connection, filter: &str, arg: Option<Id>) -> Result<Vec<PlateOrder>, Error> {
    let mut stmt = conn
        .prepare(&format!("{SELECT} WHERE {filter} ORDER BY n.id"))
        .map_err(db("reading name-plate orders"))?;
    let rows = match arg {
        Some(a) => stmt.query_map([a], from_row).and_then(|r| r.collect()),
        None => stmt.query_map([], from_row).and_then(|r| r.collect()),
    };
    rows.map_err(db("reading name-plate orders"))
}

/// Every order, oldest first: the queue is the ones not yet mounted.
pub fn list(conn: &Connection) -> Result<Vec<PlateOrder>, Error> {
    query(conn, "1 = 1", None)
}

/// The orders of one unit.
pub fn of_unit(conn: &Connection, unit: Id) -> Result<Vec<PlateOrder>, Error> {
    query(conn, "n.unit_id = ?1", Some(unit))
}

/// How many orders the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM name_plate_order", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{day, now, register};
    use crate::register::units;

    #[test]
    fn draft_sent_mounted_in_order() {
        let conn = register(Country::SE);
        let unit = units::add(
            &conn,
            &units::UnitFields {
                number: Some("1101".into()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        // Made on the first, typed in on the fifth: the order keeps the first.
        let o = add(
            &conn,
            unit.id,
            &["Karin Lund".into(), " ".into()],
            &[PlateKind::Intercom],
            day("2026-03-01"),
            day("2026-03-05"),
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(o.lines, ["Karin Lund"]);
        assert_eq!(o.kinds, [PlateKind::Intercom]);
        assert_eq!(o.created_on, day("2026-03-01"));
        assert!(matches!(
            add(
                &conn,
                unit.id,
                &["Karin Lund".into()],
                &[],
                day("2026-03-06"),
                day("2026-03-05"),
                "t",
                now()
            ),
            Err(Error::MadeAfterToday { .. })
        ));
        assert!(matches!(
            mark_sent(&conn, o.id, None, day("2026-02-28"), "t", now()),
            Err(Error::SentBeforeMade { .. })
        ));
        assert!(matches!(
            mark_mounted(&conn, o.id, day("2026-03-02"), "t", now()),
            Err(Error::WrongStep { .. })
        ));
        let o = mark_sent(&conn, o.id, None, day("2026-03-02"), "t", now()).unwrap();
        assert_eq!(o.status, PlateStatus::Sent);
        assert!(matches!(
            mark_mounted(&conn, o.id, day("2026-03-01"), "t", now()),
            Err(Error::MountedBeforeSent { .. })
        ));
        let o = mark_mounted(&conn, o.id, day("2026-03-09"), "t", now()).unwrap();
        assert_eq!(o.status, PlateStatus::Mounted);
        assert!(matches!(
            add(
                &conn,
                unit.id,
                &["811218-9876".into()],
                &[],
                day("2026-03-01"),
                day("2026-03-01"),
                "t",
                now()
            ),
            Err(Error::NationalId(_))
        ));
    }
}
