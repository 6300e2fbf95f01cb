//! Residents' requests under the GDPR (Art. 15–21): access, rectification, erasure, restriction,
//! objection and portability, each with the day it was received, how it came in, who asked, how
//! their identity was checked (a note, never a copy of an ID), its deadline and how it ended.
//!
//! The deadline is one month from receipt (Art. 12(3)): the same day number in the next month,
//! or that month's last day when it is shorter ([`due_date`]). The board may extend it once, by
//! one or two further months, with the reason, on a day before the first deadline has passed.
//!
//! Also here: the reply to an access request ([`access`]) and erasure of a person ([`erase`]). The
//! retention rules and their sweep are [`crate::retention`] (the privacy activities state the same
//! periods), the yearly handover of the archive to the next board is [`crate::handover`]. Nothing
//! reads the clock: `today` and `now` are passed in.

pub mod access;
pub mod days_off;
pub mod erase;
pub(crate) mod words;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use crate::association::Country;
use crate::dates::{add_months, iso, parse_iso};
use crate::register::{guard, people, Id};
use crate::store::date_column;
use crate::text::{optional, tidy};
use crate::Coded;
use crate::{audit, ErrorCode};

/// How many days before its deadline an open request shows on the overview.
pub const DUE_SOON_DAYS: i64 = 7;

/// What the resident asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// Art. 15: a copy of the data held on them.
    Access,
    /// Art. 16: correct wrong data.
    Rectification,
    /// Art. 17: erase their data.
    Erasure,
    /// Art. 18: restrict processing.
    Restriction,
    /// Art. 21: object to processing.
    Objection,
    /// Art. 20: their data in a machine-readable form.
    Portability,
}

impl RequestKind {
    pub const ALL: [RequestKind; 6] = [
        RequestKind::Access,
        RequestKind::Rectification,
        RequestKind::Erasure,
        RequestKind::Restriction,
        RequestKind::Objection,
        RequestKind::Portability,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RequestKind::Access => "access",
            RequestKind::Rectification => "rectification",
            RequestKind::Erasure => "erasure",
            RequestKind::Restriction => "restriction",
            RequestKind::Objection => "objection",
            RequestKind::Portability => "portability",
        }
    }

    /// The article of the GDPR the request rests on.
    pub fn article(self) -> &'static str {
        match self {
            RequestKind::Access => "15",
            RequestKind::Rectification => "16",
            RequestKind::Erasure => "17",
            RequestKind::Restriction => "18",
            RequestKind::Portability => "20",
            RequestKind::Objection => "21",
        }
    }
}

impl std::str::FromStr for RequestKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        RequestKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::UnknownKind(s.to_string()))
    }
}

/// Where a request stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RequestStatus {
    Open,
    /// The board answered (or did what was asked).
    Answered,
    /// The board refused, with reasons given to the resident.
    Refused,
    /// The resident withdrew the request.
    Withdrawn,
}

impl RequestStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Open => "open",
            RequestStatus::Answered => "answered",
            RequestStatus::Refused => "refused",
            RequestStatus::Withdrawn => "withdrawn",
        }
    }
}

impl std::str::FromStr for RequestStatus {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "open" => Ok(RequestStatus::Open),
            "answered" => Ok(RequestStatus::Answered),
            "refused" => Ok(RequestStatus::Refused),
            "withdrawn" => Ok(RequestStatus::Withdrawn),
            _ => Err(Error::UnknownStatus(s.to_string())),
        }
    }
}

/// A request with its deadline as it stands on the day it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Request {
    pub id: Id,
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    /// How it came in: "e-mail", "letter", "in person" …
    pub channel: Option<String>,
    /// The person in the register it concerns, when known.
    pub person_id: Option<Id>,
    /// The requester's name as they gave it (the register's name when linked).
    pub requester_name: String,
    /// How their identity was checked (a note, never a copy of an ID).
    pub identity_check: Option<String>,
    pub identity_checked_on: Option<NaiveDate>,
    /// One month from receipt.
    pub due_on: NaiveDate,
    /// The extended deadline, when the board extended it.
    pub extended_to: Option<NaiveDate>,
    pub extension_reason: Option<String>,
    pub extended_on: Option<NaiveDate>,
    /// The deadline that applies: the extended one, else the first.
    pub deadline: NaiveDate,
    /// Set when the deadline falls on a weekend or a public holiday of the association's country,
    /// so the board can answer before it.
    pub deadline_day_off: Option<days_off::DayOff>,
    pub status: RequestStatus,
    pub closed_on: Option<NaiveDate>,
    pub note: Option<String>,
    /// Days from the day read to the deadline (negative: overdue); `None` once closed.
    pub days_left: Option<i32>,
}

impl Request {
    /// Open, and due within [`DUE_SOON_DAYS`] days or already overdue.
    pub fn needs_attention(&self) -> bool {
        self.days_left
            .is_some_and(|d| i64::from(d) <= DUE_SOON_DAYS)
    }
}

/// A new request as the board records it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NewRequest {
    pub kind: RequestKind,
    pub received_on: NaiveDate,
    pub channel: Option<String>,
    /// The person in the register, when the requester is one.
    pub person_id: Option<Id>,
    /// The requester's name; may be left out when `person_id` is given.
    pub requester_name: Option<String>,
    pub note: Option<String>,
}

/// Why a request could not be recorded or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The kind of request is not one of the six the GDPR gives (a typo in the CLI or a form):
    /// name one of them.
    #[error("Unknown kind of request \"{0}\": use access, rectification, erasure, restriction, objection or portability.")]
    UnknownKind(String),
    /// Closing a request with a status that is not one a request ends in: use one of the three.
    #[error("Unknown status \"{0}\": use answered, refused or withdrawn.")]
    UnknownStatus(String),
    /// A new request names nobody: give the requester's name or pick the person.
    #[error("The request needs the requester's name or a person from the register.")]
    NoRequester,
    /// Recording a request received after today (a mistyped date): check the date.
    #[error(
        "The day the request was received ({received}) lies after today ({today}). Check the date."
    )]
    ReceivedInFuture {
        received: NaiveDate,
        today: NaiveDate,
    },
    /// Extending a deadline by other than one or two months (Art. 12(3) allows two at most).
    #[error("A deadline can be extended by 1 or 2 months, not {0}.")]
    BadExtension(u32),
    /// Extending a deadline without a reason, which the resident must be told: write it.
    #[error("Write the reason for the extension; the resident must be told why (Art. 12(3)).")]
    NoReason,
    /// Extending a deadline a second time, which the law does not allow.
    #[error("Request #{id} was already extended to {to}; the law allows one extension.")]
    AlreadyExtended { id: Id, to: NaiveDate },
    /// Extending a deadline on or after the day it passed: too late, answer the request.
    #[error("The first deadline of request #{id} was {due}; an extension must be decided and told to the resident before it ({on} is too late).")]
    ExtendedTooLate {
        id: Id,
        due: NaiveDate,
        on: NaiveDate,
    },
    /// Changing or closing a request that was closed before.
    #[error("Request #{id} was already closed ({status}) on {on}.")]
    AlreadyClosed {
        id: Id,
        status: &'static str,
        on: NaiveDate,
    },
    /// Closing a request as "open": choose how it ended.
    #[error("Close a request as answered, refused or withdrawn.")]
    CloseAsOpen,
    /// A date of the request's handling (identity check, extension, closing) before it was
    /// received: check the date.
    #[error("A date ({on}) before the request was received ({received}) cannot be used here.")]
    BeforeReceived { on: NaiveDate, received: NaiveDate },
    /// Noting an identity check without saying how it was done: write it (never a copy of an ID).
    #[error("Write how the identity was checked (for example \"known board member called back on the registered phone number\").")]
    NoIdentityNote,
    /// The request, or the person it is to concern, does not exist (the text names which).
    #[error("There is no {0} in the register.")]
    NotFound(String),
    /// A reply goes only to someone whose identity was checked: the board notes how first.
    #[error("Request #{0} has no note of how the requester's identity was checked. Check who is asking and note how (never a copy of an ID) before the reply is written: it would otherwise hand someone's data to whoever wrote in their name.")]
    IdentityNotChecked(Id),
    /// A text of the request (the channel, the note, the identity check) holds a national ID,
    /// which the guard refuses: leave the number out.
    #[error("{0}")]
    NationalId(#[from] guard::Refused),
    /// Reading what the register holds on the person (for a new request or the access reply)
    /// failed; the message names the cause.
    #[error("Could not read the person: {0}")]
    Person(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// The access reply's letter could not be made.
    #[error("The access reply could not be made: {0}")]
    Render(#[source] crate::document::Error),
    /// The access reply's data could not be written as JSON.
    #[error("The access reply's data could not be written as JSON: {0}")]
    Json(#[source] serde_json::Error),
    /// A file of the access reply could not be written (or exists: a reply is never written
    /// over anything).
    #[error("{0}")]
    Write(#[source] crate::files::Error),
    /// SQLite failed while reading or changing requests, in the named step.
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
            Error::Render(e) => e.code(),
            Error::Write(e) => e.code(),
            Error::Person(_) | Error::Json(_) | Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

pub(crate) fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

/// The deadline of a request received on `received`: one month later (Art. 12(3)).
pub fn due_date(received: NaiveDate) -> NaiveDate {
    add_months(received, 1)
}

const SELECT: &str = "SELECT r.id, r.kind, r.received_on, r.channel, r.person_id,
        coalesce(p.name, r.requester_name), r.identity_check, r.identity_checked_on, r.due_on,
        r.extended_to, r.extension_reason, r.extended_on, r.status, r.closed_on, r.note
     FROM request r LEFT JOIN person p ON p.id = r.person_id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Request> {
    let day = |i: usize| -> rusqlite::Result<NaiveDate> {
        let text: String = r.get(i)?;
        parse_iso(&text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                "not a YYYY-MM-DD date".into(),
            )
        })
    };
    let kind: String = r.get(1)?;
    let status: String = r.get(12)?;
    let due_on = day(8)?;
    let extended_to = date_column(r.get(9)?);
    Ok(Request {
        id: r.get(0)?,
        kind: kind.parse().unwrap_or(RequestKind::Access),
        received_on: day(2)?,
        channel: r.get(3)?,
        person_id: r.get(4)?,
        requester_name: r.get(5)?,
        identity_check: r.get(6)?,
        identity_checked_on: date_column(r.get(7)?),
        due_on,
        extended_to,
        extension_reason: r.get(10)?,
        extended_on: date_column(r.get(11)?),
        deadline: extended_to.unwrap_or(due_on),
        status: status.parse().unwrap_or(RequestStatus::Open),
        closed_on: date_column(r.get(13)?),
        note: r.get(14)?,
        days_left: None,
        deadline_day_off: None,
    })
}

fn assess(mut r: Request, today: NaiveDate, country: Country) -> Request {
    r.days_left = (r.status == RequestStatus::Open)
        .then(|| (r.deadline - today).num_days().clamp(-99_999, 99_999) as i32);
    r.deadline_day_off = days_off::day_off(r.deadline, country);
    r
}

fn query(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
    today: NaiveDate,
) -> Result<Vec<Request>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE {filter} ORDER BY r.received_on, r.id"
        ))
        .map_err(db("reading requests"))?;
    let rows: Vec<Request> = stmt
        .query_map(args, from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("reading requests"))?;
    // Holidays are the association's country's; an archive without its record reads as Danish.
    let country = crate::association::get(conn)
        .map(|a| a.country)
        .unwrap_or(Country::DK);
    Ok(rows
        .into_iter()
        .map(|r| assess(r, today, country))
        .collect())
}

/// One request, with its deadline as it stands `today`.
pub fn get(conn: &Connection, id: Id, today: NaiveDate) -> Result<Request, Error> {
    query(conn, "r.id = ?1", [id], today)?
        .pop()
        .ok_or_else(|| Error::NotFound(format!("request #{id}")))
}

/// Every request: open ones by deadline first, then closed ones, newest first.
pub fn list(conn: &Connection, today: NaiveDate) -> Result<Vec<Request>, Error> {
    let mut all = query(conn, "1 = 1", [], today)?;
    all.sort_by(|a, b| {
        let open = |r: &Request| r.status != RequestStatus::Open;
        open(a)
            .cmp(&open(b))
            .then_with(|| {
                if a.status == RequestStatus::Open {
                    a.deadline.cmp(&b.deadline)
                } else {
                    b.closed_on.cmp(&a.closed_on)
                }
            })
            .then(a.id.cmp(&b.id))
    });
    Ok(all)
}

/// The requests made by a person in the register.
pub fn of_person(conn: &Connection, person: Id, today: NaiveDate) -> Result<Vec<Request>, Error> {
    query(conn, "r.person_id = ?1", [person], today)
}

/// Open requests due within [`DUE_SOON_DAYS`] days or overdue, soonest deadline first.
pub fn needing_attention(conn: &Connection, today: NaiveDate) -> Result<Vec<Request>, Error> {
    let mut open: Vec<Request> = query(conn, "r.status = 'open'", [], today)?
        .into_iter()
        .filter(Request::needs_attention)
        .collect();
    open.sort_by_key(|r| (r.deadline, r.id));
    Ok(open)
}

/// Records a request. Its deadline is one month from `received_on`.
pub fn add(
    conn: &Connection,
    new: &NewRequest,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Request, Error> {
    guard::check_opt("The channel", new.channel.as_deref())?;
    guard::check_opt("The requester's name", new.requester_name.as_deref())?;
    guard::check_opt("The note", new.note.as_deref())?;
    if new.received_on > today {
        return Err(Error::ReceivedInFuture {
            received: new.received_on,
            today,
        });
    }
    let name = match new.person_id {
        Some(id) => {
            people::get(conn, id)
                .map_err(|e| match e.code() {
                    ErrorCode::NotFound => Error::NotFound(format!("person #{id}")),
                    _ => Error::Person(Box::new(e)),
                })?
                .name
        }
        None => optional(new.requester_name.as_deref()).ok_or(Error::NoRequester)?,
    };
    conn.execute(
        "INSERT INTO request (kind, received_on, channel, person_id, requester_name, due_on,
                              note, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            new.kind.as_str(),
            iso(new.received_on),
            optional(new.channel.as_deref()),
            new.person_id,
            name,
            iso(due_date(new.received_on)),
            optional(new.note.as_deref()),
            now.to_rfc3339()
        ],
    )
    .map_err(db("recording a request"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "request.add",
        Some(&format!("request:{id} {}", new.kind.as_str())),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, today)
}

/// Notes how the requester's identity was checked, and when.
pub fn set_identity_check(
    conn: &Connection,
    id: Id,
    how: &str,
    on: NaiveDate,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Request, Error> {
    guard::check("The identity note", how)?;
    let how = tidy(how);
    if how.is_empty() {
        return Err(Error::NoIdentityNote);
    }
    let r = get(conn, id, today)?;
    if on < r.received_on {
        return Err(Error::BeforeReceived {
            on,
            received: r.received_on,
        });
    }
    conn.execute(
        "UPDATE request SET identity_check = ?2, identity_checked_on = ?3 WHERE id = ?1",
        params![id, how, iso(on)],
    )
    .map_err(db("noting the identity check"))?;
    audit::record(
        conn,
        now,
        actor,
        "request.identity",
        Some(&format!("request:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, today)
}

/// Extends the deadline once by one or two months, decided `on` a day no later than the first
/// deadline. The new deadline is counted from receipt: `1 + months` calendar months after the day
/// the request was received (three months in all at most, Art. 12(3)).
#[allow(clippy::too_many_arguments)]
pub fn extend(
    conn: &Connection,
    id: Id,
    months: u32,
    reason: &str,
    on: NaiveDate,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Request, Error> {
    if !(1..=2).contains(&months) {
        return Err(Error::BadExtension(months));
    }
    guard::check("The reason", reason)?;
    let reason = tidy(reason);
    if reason.is_empty() {
        return Err(Error::NoReason);
    }
    let r = get(conn, id, today)?;
    if let (Some(on), false) = (r.closed_on, r.status == RequestStatus::Open) {
        return Err(Error::AlreadyClosed {
            id,
            status: r.status.as_str(),
            on,
        });
    }
    if let Some(to) = r.extended_to {
        return Err(Error::AlreadyExtended { id, to });
    }
    if on > r.due_on {
        return Err(Error::ExtendedTooLate {
            id,
            due: r.due_on,
            on,
        });
    }
    if on < r.received_on {
        return Err(Error::BeforeReceived {
            on,
            received: r.received_on,
        });
    }
    conn.execute(
        "UPDATE request SET extended_to = ?2, extension_reason = ?3, extended_on = ?4
         WHERE id = ?1",
        // Counted from receipt (Art. 12(3): "extended by two further months" of the
        // three the whole period may take), so a request of 31 January can run to 30 April, not
        // the 28th that February's clamped deadline would give.
        params![
            id,
            iso(add_months(r.received_on, 1 + months)),
            reason,
            iso(on)
        ],
    )
    .map_err(db("extending a request"))?;
    audit::record(
        conn,
        now,
        actor,
        "request.extend",
        Some(&format!("request:{id} +{months}m")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, today)
}

/// Closes a request as answered, refused or withdrawn, `on` a day.
pub fn close(
    conn: &Connection,
    id: Id,
    status: RequestStatus,
    on: NaiveDate,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Request, Error> {
    if status == RequestStatus::Open {
        return Err(Error::CloseAsOpen);
    }
    let r = get(conn, id, today)?;
    if let Some(closed) = r.closed_on {
        return Err(Error::AlreadyClosed {
            id,
            status: r.status.as_str(),
            on: closed,
        });
    }
    if on < r.received_on {
        return Err(Error::BeforeReceived {
            on,
            received: r.received_on,
        });
    }
    conn.execute(
        "UPDATE request SET status = ?2, closed_on = ?3 WHERE id = ?1",
        params![id, status.as_str(), iso(on)],
    )
    .map_err(db("closing a request"))?;
    audit::record(
        conn,
        now,
        actor,
        "request.close",
        Some(&format!("request:{id} {}", status.as_str())),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, today)
}

/// Whether a request with this id exists.
pub fn exists(conn: &Connection, id: Id) -> Result<bool, Error> {
    conn.query_row("SELECT 1 FROM request WHERE id = ?1", [id], |_| Ok(()))
        .optional()
        .map(|r| r.is_some())
        .map_err(db("reading a request"))
}

/// How many requests (open or closed) the archive holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM request", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{day, now, register};

    #[test]
    fn the_deadline_is_one_calendar_month() {
        for (received, due) in [
            ("2026-01-15", "2026-02-15"),
            ("2026-01-31", "2026-02-28"),
            ("2028-01-31", "2028-02-29"),
            ("2028-01-29", "2028-02-29"),
            ("2026-01-29", "2026-02-28"),
            ("2026-03-31", "2026-04-30"),
            ("2026-12-31", "2027-01-31"),
            ("2026-12-15", "2027-01-15"),
            ("2026-02-28", "2026-03-28"),
            ("2028-02-29", "2028-03-29"),
        ] {
            assert_eq!(due_date(day(received)), day(due), "received {received}");
        }
    }

    #[test]
    fn one_extension_before_the_first_deadline() {
        let conn = register(Country::DK);
        let today = day("2026-02-10");
        let new = NewRequest {
            kind: RequestKind::Access,
            received_on: day("2026-01-31"),
            channel: Some("e-mail".into()),
            person_id: None,
            requester_name: Some("Bodil Rask".into()),
            note: None,
        };
        let r = add(&conn, &new, today, "t", now()).unwrap();
        assert_eq!(r.due_on, day("2026-02-28"));
        assert_eq!(r.days_left, Some(18));
        assert!(matches!(
            extend(&conn, r.id, 3, "many records", today, today, "t", now()),
            Err(Error::BadExtension(3))
        ));
        assert!(matches!(
            extend(&conn, r.id, 1, "  ", today, today, "t", now()),
            Err(Error::NoReason)
        ));
        assert!(matches!(
            extend(&conn, r.id, 1, "x", day("2026-03-01"), today, "t", now()),
            Err(Error::ExtendedTooLate { .. })
        ));
        let r = extend(&conn, r.id, 2, "many records", today, today, "t", now()).unwrap();
        // Three months from receipt (31 January), not two from February's clamped 28th.
        assert_eq!(r.deadline, day("2026-04-30"));
        assert!(matches!(
            extend(&conn, r.id, 1, "again", today, today, "t", now()),
            Err(Error::AlreadyExtended { .. })
        ));
        let r = close(
            &conn,
            r.id,
            RequestStatus::Answered,
            today,
            today,
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(r.days_left, None);
        assert!(matches!(
            close(
                &conn,
                r.id,
                RequestStatus::Refused,
                today,
                today,
                "t",
                now()
            ),
            Err(Error::AlreadyClosed { .. })
        ));
    }
}
