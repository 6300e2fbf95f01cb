//! Sublets: an owner asks to let the unit to a subtenant for a period; the board approves or
//! rejects the request (on a date, by a board member); an approved sublet is active during its
//! period and is closed ("ended") when the subtenant has moved out.
//!
//! Rules: two sublets of one unit may not overlap (a rejected request does not count, an ended
//! sublet counts until the day it was ended). Warnings, computed for the day passed in: the
//! sublet ends within 30 days; its period is over but nobody closed it; it runs longer than the
//! association allows (a setting, with a default per country), unless a Norwegian board approved
//! it on the special grounds of borettslagsloven § 5-6 (1) ([`SpecialGrounds`]), which have no
//! time limit.

use chrono::{DateTime, Months, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::people::{self, Who};
use super::{guard, ownership, plates, Id};
use crate::association::{self, Country};
use crate::dates::iso;
use crate::store::date_column;
use crate::text::optional;
use crate::Coded;
use crate::{audit, ErrorCode};

/// How many days before its end a sublet is flagged as ending soon.
pub const ENDS_SOON_DAYS: i64 = 30;

const MAX_MONTHS_KEY: &str = "sublet_max_months";

/// The default longest sublet, by country, until the board sets its statutes' own.
///
/// - DK: 24 months. The law sets no maximum; ABF's model statutes (§ 11) and most associations'
///   own let an owner sublet for up to two years while temporarily away for work, study or
///   illness.
/// - NO: 36 months. Borettslagsloven § 5-5 (1) lets an owner who (or whose close relative) has
///   lived in the unit one of the last two years sublet it for up to three years; longer only on
///   the special grounds of § 5-6 (1) ([`SpecialGrounds`]).
/// - SE: 12 months. Bostadsrättslagen 7 kap. 10–11 §§ set no maximum: the board consents for a
///   period, in practice (and so does the rent tribunal) one year at a time, then renewed.
pub fn default_max_months(country: Country) -> u32 {
    match country {
        Country::DK => 24,
        Country::NO => 36,
        Country::SE => 12,
    }
}

/// Where the country's default maximum comes from, for the board to compare with its own statutes:
/// the default is a default, not the law (the association's statutes decide).
pub fn default_source(country: Country) -> &'static str {
    match country {
        Country::DK => "ABF's model statutes § 11 (temporary absence, up to two years); the law sets no maximum, your statutes decide",
        Country::NO => "borettslagsloven § 5-5 (up to three years after living in the unit one of the last two years); a sublet the board approves on the special grounds of § 5-6 (1) is not too long",
        Country::SE => "no statutory maximum: bostadsrättslagen 7 kap. 10–11 §§ have the board consent per period, in practice one year at a time",
    }
}

/// The association's sublet rule as it stands: its maximum, and whether the board set it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct MaxRule {
    /// The association's country, whose default applies when the board set none.
    pub country: Country,
    pub months: u32,
    pub default_months: u32,
    /// The board set the maximum (from its statutes); else the country's default applies.
    pub set_by_board: bool,
    /// Where the default comes from (in English; the app says it in its own language).
    pub default_source: String,
}

/// The association's sublet rule: the board's maximum, or the country's default with its source.
pub fn max_rule(conn: &Connection) -> Result<MaxRule, Error> {
    let country = association::get(conn)
        .map(|a| a.country)
        .unwrap_or(Country::DK);
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [MAX_MONTHS_KEY],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading the sublet settings"))?;
    let set = stored
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|m| *m > 0);
    Ok(MaxRule {
        country,
        months: set.unwrap_or(default_max_months(country)),
        default_months: default_max_months(country),
        set_by_board: set.is_some(),
        default_source: default_source(country).to_string(),
    })
}

/// The longest sublet the board allows: the setting, else the country's default.
pub fn max_months(conn: &Connection) -> Result<u32, Error> {
    let stored: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [MAX_MONTHS_KEY],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading the sublet settings"))?;
    if let Some(m) = stored
        .and_then(|v| v.parse::<u32>().ok())
        .filter(|m| *m > 0)
    {
        return Ok(m);
    }
    let country = association::get(conn)
        .map(|a| a.country)
        .unwrap_or(Country::DK);
    Ok(default_max_months(country))
}

/// Sets the longest sublet the board allows, in months (1–120).
pub fn set_max_months(
    conn: &Connection,
    months: u32,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<u32, Error> {
    if !(1..=120).contains(&months) {
        return Err(Error::BadMaximum(months));
    }
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![MAX_MONTHS_KEY, months.to_string()],
    )
    .map_err(db("saving the sublet settings"))?;
    audit::record(conn, now, actor, "setting.update", Some(MAX_MONTHS_KEY))
        .map_err(db("recording the change"))?;
    Ok(months)
}

/// Goes back to the country's default maximum (the board's own setting is removed).
pub fn reset_max_months(conn: &Connection, actor: &str, now: DateTime<Utc>) -> Result<(), Error> {
    conn.execute("DELETE FROM setting WHERE key = ?1", [MAX_MONTHS_KEY])
        .map_err(db("saving the sublet settings"))?;
    audit::record(conn, now, actor, "setting.reset", Some(MAX_MONTHS_KEY))
        .map_err(db("recording the change"))?;
    Ok(())
}

/// The board's decision on a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    Rejected,
}

impl Decision {
    fn as_str(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::Rejected => "rejected",
        }
    }
}

/// The special grounds of borettslagsloven § 5-6 (1) on which a Norwegian board approves a sublet
/// of the whole unit for longer than § 5-5's three years (and longer than its own maximum): such a
/// sublet is not "too long". The board decides them when it approves; they exist only in Norway.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum SpecialGrounds {
    /// Nr. 1: the owner is a legal person (a company, a municipality).
    LegalPerson,
    /// Nr. 2: the owner is temporarily away for work, study, military service, illness or other
    /// weighty reasons.
    Absence,
    /// Nr. 3: someone in the household living there is the owner's spouse, relative in direct
    /// line or foster child.
    Relative,
    /// Nr. 4: a right of use under ekteskapsloven § 68 or husstandsfellesskapsloven.
    FamilyLaw,
}

impl SpecialGrounds {
    pub const ALL: [SpecialGrounds; 4] = [
        SpecialGrounds::LegalPerson,
        SpecialGrounds::Absence,
        SpecialGrounds::Relative,
        SpecialGrounds::FamilyLaw,
    ];

    /// The grounds as the CLI and the database write them.
    pub fn as_str(self) -> &'static str {
        match self {
            SpecialGrounds::LegalPerson => "legal-person",
            SpecialGrounds::Absence => "absence",
            SpecialGrounds::Relative => "relative",
            SpecialGrounds::FamilyLaw => "family-law",
        }
    }

    /// The number in § 5-6 (1).
    pub fn number(self) -> u8 {
        match self {
            SpecialGrounds::LegalPerson => 1,
            SpecialGrounds::Absence => 2,
            SpecialGrounds::Relative => 3,
            SpecialGrounds::FamilyLaw => 4,
        }
    }

    fn from_column(text: &str) -> Option<SpecialGrounds> {
        SpecialGrounds::ALL.into_iter().find(|g| g.as_str() == text)
    }
}

impl std::fmt::Display for SpecialGrounds {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self {
            SpecialGrounds::LegalPerson => "the owner is a legal person",
            SpecialGrounds::Absence => "the owner is temporarily away (work, study, military service, illness or other weighty reasons)",
            SpecialGrounds::Relative => "a close relative of the owner lives there",
            SpecialGrounds::FamilyLaw => "a right of use under family law",
        };
        write!(
            f,
            "{what} (borettslagsloven § 5-6 (1) nr. {})",
            self.number()
        )
    }
}

impl std::str::FromStr for SpecialGrounds {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim().to_ascii_lowercase().replace('_', "-");
        SpecialGrounds::from_column(&t).ok_or_else(|| Error::UnknownGrounds(s.to_string()))
    }
}

/// Where a sublet stands on a given day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Waiting for the board's decision.
    Requested,
    /// The board said no.
    Rejected,
    /// Approved; the period has not begun.
    Approved,
    /// Approved and within its period (or past it, but not yet closed: see the warnings).
    Active,
    /// Closed: the subtenant has moved out.
    Ended,
}

impl Status {
    /// The status as a word, for messages and the CLI.
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Requested => "requested",
            Status::Rejected => "rejected",
            Status::Approved => "approved",
            Status::Active => "active",
            Status::Ended => "ended",
        }
    }
}

/// Something about a sublet the board should look at.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Warning {
    /// The period ends within 30 days.
    EndsSoon { days: u32 },
    /// The period is over but the sublet was not closed.
    Overdue { since: NaiveDate },
    /// The period is longer than the association allows.
    TooLong { months: u32, max_months: u32 },
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Warning::EndsSoon { days: 0 } => write!(f, "ends today"),
            Warning::EndsSoon { days: 1 } => write!(f, "ends tomorrow"),
            Warning::EndsSoon { days } => write!(f, "ends in {days} days"),
            Warning::Overdue { since } => write!(
                f,
                "its period ended on {since} but it was not closed; close it when the subtenant has moved out"
            ),
            Warning::TooLong { months, max_months } => write!(
                f,
                "runs about {months} months, longer than the {max_months} months allowed"
            ),
        }
    }
}

/// A sublet with its status and warnings for the day it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Sublet {
    pub id: Id,
    pub unit_id: Id,
    pub unit_number: String,
    pub owner_id: Option<Id>,
    pub owner_name: Option<String>,
    pub subtenant_id: Id,
    pub subtenant_name: String,
    pub requested_on: NaiveDate,
    pub reason: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub decision: Option<Decision>,
    pub decided_on: Option<NaiveDate>,
    pub decided_by: Option<Id>,
    pub decided_by_name: Option<String>,
    /// The special grounds of borettslagsloven § 5-6 (1) the board approved it on (Norway only).
    pub special_grounds: Option<SpecialGrounds>,
    pub ended_on: Option<NaiveDate>,
    pub status: Status,
    pub warnings: Vec<Warning>,
}

/// A sublet request as the owner makes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Request {
    pub unit_id: Id,
    /// The owner asking; `None` takes the unit's first current owner.
    pub owner_id: Option<Id>,
    pub subtenant_id: Id,
    pub requested_on: NaiveDate,
    pub reason: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Why a sublet could not be requested, decided or ended.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The period ends before it starts.
    #[error("The sublet cannot end ({to}) before it starts ({from}).")]
    EndsBeforeStart { from: NaiveDate, to: NaiveDate },
    /// Another sublet of the unit covers part of the period.
    #[error("Unit {unit} already has sublet #{other} from {from} to {to}, which overlaps this period. Change the dates, or end or reject the other sublet first.")]
    Overlaps {
        unit: String,
        other: Id,
        from: NaiveDate,
        to: NaiveDate,
    },
    /// The request was already decided.
    #[error("Sublet #{id} was already {} on {on}.", decision.as_str())]
    AlreadyDecided {
        id: Id,
        decision: Decision,
        on: NaiveDate,
    },
    /// Only approved sublets can be ended.
    #[error("Sublet #{0} was never approved, so it cannot end. Decide the request instead.")]
    NotApproved(Id),
    /// The sublet was already ended.
    #[error("Sublet #{id} was already ended on {on}.")]
    AlreadyEnded { id: Id, on: NaiveDate },
    /// The end date is before the request.
    #[error("A sublet cannot be ended ({on}) before it was requested ({requested}).")]
    EndBeforeRequest { on: NaiveDate, requested: NaiveDate },
    /// Special grounds named for a rejection, or outside Norway.
    #[error("{0}")]
    Grounds(&'static str),
    /// An unknown name for special grounds.
    #[error("Unknown special grounds \"{0}\": use legal-person, absence, relative or family-law (borettslagsloven § 5-6 (1) nr. 1–4).")]
    UnknownGrounds(String),
    /// The maximum is out of range.
    #[error("The longest sublet must be between 1 and 120 months, not {0}.")]
    BadMaximum(u32),
    /// No such sublet, unit or person.
    #[error("There is no {0} in the register.")]
    NotFound(String),
    /// The subtenant could not be found or added (a name several people have is refused with
    /// the candidates).
    #[error("{0}")]
    Subtenant(#[source] people::Error),
    /// The deciding board member named could not be told apart from others of that name.
    #[error("{0}")]
    Decider(#[source] people::Error),
    /// No one in the register has the deciding board member's name.
    #[error("There is no person named {0} in the register.")]
    UnknownDecider(String),
    /// The reason holds a national ID.
    #[error("{0}")]
    NationalId(#[from] guard::Refused),
    /// Proposing the name-plate draft failed.
    #[error("The name-plate draft could not be proposed: {0}")]
    Plate(#[source] super::plates::Error),
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
            Error::NotFound(_) | Error::UnknownDecider(_) => ErrorCode::NotFound,
            Error::Subtenant(e) | Error::Decider(e) => e.code(),
            Error::Plate(_) | Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const SELECT: &str = "SELECT s.id, s.unit_id, u.number, s.owner_id, o.name, s.subtenant_id, t.name,
        s.requested_on, s.reason, s.from_date, s.to_date, s.decision, s.decided_on,
        s.decided_by, d.name, s.ended_on, s.special_grounds
     FROM sublet s JOIN unit u ON u.id = s.unit_id JOIN person t ON t.id = s.subtenant_id
     LEFT JOIN person o ON o.id = s.owner_id LEFT JOIN person d ON d.id = s.decided_by";

struct Raw(Sublet);

fn from_row(r: &Row<'_>) -> rusqlite::Result<Raw> {
    let day = |i: usize| -> rusqlite::Result<NaiveDate> {
        let text: String = r.get(i)?;
        crate::dates::parse_iso(&text).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                i,
                rusqlite::types::Type::Text,
                "not a YYYY-MM-DD date".into(),
            )
        })
    };
    let decision: Option<String> = r.get(11)?;
    let grounds: Option<String> = r.get(16)?;
    Ok(Raw(Sublet {
        id: r.get(0)?,
        unit_id: r.get(1)?,
        unit_number: r.get(2)?,
        owner_id: r.get(3)?,
        owner_name: r.get(4)?,
        subtenant_id: r.get(5)?,
        subtenant_name: r.get(6)?,
        requested_on: day(7)?,
        reason: r.get(8)?,
        from: day(9)?,
        to: day(10)?,
        decision: match decision.as_deref() {
            Some("approved") => Some(Decision::Approved),
            Some("rejected") => Some(Decision::Rejected),
            _ => None,
        },
        decided_on: date_column(r.get(12)?),
        decided_by: r.get(13)?,
        decided_by_name: r.get(14)?,
        special_grounds: grounds.as_deref().and_then(SpecialGrounds::from_column),
        ended_on: date_column(r.get(15)?),
        status: Status::Requested,
        warnings: Vec::new(),
    }))
}

/// The status and warnings of a sublet on `today`, given the longest period allowed.
pub fn assess(s: &mut Sublet, today: NaiveDate, max_months: u32) {
    s.status = match (s.decision, s.ended_on) {
        (_, Some(_)) => Status::Ended,
        (None, None) => Status::Requested,
        (Some(Decision::Rejected), None) => Status::Rejected,
        (Some(Decision::Approved), None) if today < s.from => Status::Approved,
        (Some(Decision::Approved), None) => Status::Active,
    };
    s.warnings.clear();
    // Special grounds (§ 5-6 (1)) have no time limit: the board approved the period as it is.
    if s.special_grounds.is_none()
        && matches!(
            s.status,
            Status::Requested | Status::Approved | Status::Active
        )
    {
        let limit = s.from.checked_add_months(Months::new(max_months));
        if limit.is_some_and(|limit| s.to > limit) {
            let months = months_between(s.from, s.to);
            s.warnings.push(Warning::TooLong { months, max_months });
        }
    }
    if matches!(s.status, Status::Approved | Status::Active) {
        let days = (s.to - today).num_days();
        if days < 0 {
            s.warnings.push(Warning::Overdue { since: s.to });
        } else if days <= ENDS_SOON_DAYS {
            s.warnings.push(Warning::EndsSoon { days: days as u32 });
        }
    }
}

/// Whole months from `a` to `b`, rounded up (a period of 24 months and a day is "25 months").
fn months_between(a: NaiveDate, b: NaiveDate) -> u32 {
    let mut months = 0;
    while a
        .checked_add_months(Months::new(months))
        .is_some_and(|d| d < b)
        && months < 100_000
    {
        months += 1;
    }
    months
}

fn query(
    conn: &Connection,
    filter: &str,
    args: impl rusqlite::Params,
    today: NaiveDate,
) -> Result<Vec<Sublet>, Error> {
    let max = max_months(conn)?;
    let mut stmt = conn
        .prepare(&format!(
            "{SELECT} WHERE {filter} ORDER BY s.from_date, s.id"
        ))
        .map_err(db("reading sublets"))?;
    let rows: Vec<Raw> = stmt
        .query_map(args, from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("reading sublets"))?;
    Ok(rows
        .into_iter()
        .map(|Raw(mut s)| {
            assess(&mut s, today, max);
            s
        })
        .collect())
}

/// One sublet, assessed for `today`.
pub fn get(conn: &Connection, id: Id, today: NaiveDate) -> Result<Sublet, Error> {
    query(conn, "s.id = ?1", [id], today)?
        .pop()
        .ok_or_else(|| Error::NotFound(format!("sublet #{id}")))
}

/// Every sublet, oldest period first, assessed for `today`.
pub fn list(conn: &Connection, today: NaiveDate) -> Result<Vec<Sublet>, Error> {
    query(conn, "1 = 1", [], today)
}

/// The sublets of one unit.
pub fn of_unit(conn: &Connection, unit: Id, today: NaiveDate) -> Result<Vec<Sublet>, Error> {
    query(conn, "s.unit_id = ?1", [unit], today)
}

/// The sublets a person asked for (as owner), let (as subtenant) or decided.
pub fn of_person(conn: &Connection, person: Id, today: NaiveDate) -> Result<Vec<Sublet>, Error> {
    query(
        conn,
        "s.owner_id = ?1 OR s.subtenant_id = ?1 OR s.decided_by = ?1",
        [person],
        today,
    )
}

fn person_exists(conn: &Connection, id: Id) -> Result<(), Error> {
    let found: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM person WHERE id = ?1)",
            [id],
            |r| r.get(0),
        )
        .map_err(db("reading a person"))?;
    if found {
        Ok(())
    } else {
        Err(Error::NotFound(format!("person #{id}")))
    }
}

/// Records an owner's request to sublet. Refused when another sublet of the unit overlaps the
/// period; a period longer than allowed is taken, with a warning.
pub fn request(
    conn: &Connection,
    req: &Request,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Sublet, Error> {
    guard::check_opt("The reason", req.reason.as_deref())?;
    if req.to < req.from {
        return Err(Error::EndsBeforeStart {
            from: req.from,
            to: req.to,
        });
    }
    let unit_number: String = conn
        .query_row(
            "SELECT number FROM unit WHERE id = ?1",
            [req.unit_id],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading a unit"))?
        .ok_or_else(|| Error::NotFound(format!("unit #{}", req.unit_id)))?;
    for person in [Some(req.subtenant_id), req.owner_id].into_iter().flatten() {
        person_exists(conn, person)?;
    }
    let clash: Option<(Id, String, String, Option<String>)> = conn
        .query_row(
            "SELECT id, from_date, to_date, ended_on FROM sublet
             WHERE unit_id = ?1 AND coalesce(decision, '') <> 'rejected'
               AND from_date <= ?3 AND coalesce(ended_on, to_date) >= ?2
             ORDER BY from_date LIMIT 1",
            params![req.unit_id, iso(req.from), iso(req.to)],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()
        .map_err(db("checking for overlapping sublets"))?;
    if let Some((other, from, to, ended)) = clash {
        let from = crate::dates::parse_iso(&from).unwrap_or(req.from);
        let to = ended
            .or(Some(to))
            .as_deref()
            .and_then(crate::dates::parse_iso)
            .unwrap_or(req.to);
        return Err(Error::Overlaps {
            unit: unit_number,
            other,
            from,
            to,
        });
    }
    let owner = match req.owner_id {
        Some(id) => Some(id),
        None => ownership::current_of_unit(conn, req.unit_id, req.requested_on)
            .map_err(|e| Error::NotFound(e.to_string()))?
            .first()
            .map(|o| o.person_id),
    };
    conn.execute(
        "INSERT INTO sublet (unit_id, owner_id, subtenant_id, requested_on, reason, from_date, to_date)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            req.unit_id,
            owner,
            req.subtenant_id,
            iso(req.requested_on),
            optional(req.reason.as_deref()),
            iso(req.from),
            iso(req.to)
        ],
    )
    .map_err(db("recording a sublet request"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "sublet.request",
        Some(&format!("sublet:{id} unit:{}", req.unit_id)),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, req.requested_on)
}

/// The board's decision on a request: approved or rejected, `on` a day, by a board member (when
/// known), and in Norway, for an approval, on the special grounds of borettslagsloven § 5-6 (1)
/// the board found (then the period may exceed the maximum).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Ruling {
    pub decision: Decision,
    pub on: NaiveDate,
    pub decided_by: Option<Id>,
    pub special_grounds: Option<SpecialGrounds>,
}

impl Ruling {
    /// A decision on no special grounds.
    pub fn plain(decision: Decision, on: NaiveDate, decided_by: Option<Id>) -> Ruling {
        Ruling {
            decision,
            on,
            decided_by,
            special_grounds: None,
        }
    }
}

/// A [`Ruling`] with the deciding board member by name, as the app and `andel sublets decide`
/// take it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NamedRuling<'a> {
    pub decision: Decision,
    pub on: NaiveDate,
    /// The deciding board member's name; `None` for the board member using Andel.
    pub by: Option<&'a str>,
    pub special_grounds: Option<SpecialGrounds>,
}

/// The board's decision on a request ([`decide`]), with the deciding board member found by
/// name: a name given must be exactly one person in the register (none is
/// [`Error::UnknownDecider`], several [`Error::Decider`] with the candidates); without one, the
/// board member using Andel (`actor`) is recorded when exactly one person in the register has
/// that name, and nobody otherwise (who uses Andel need not be in the register).
pub fn decide_by_name(
    conn: &Connection,
    id: Id,
    ruling: NamedRuling<'_>,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Sublet, Error> {
    let decided_by = match ruling.by {
        Some(name) => Some(
            people::one_by_name(conn, name)
                .map_err(Error::Decider)?
                .ok_or_else(|| Error::UnknownDecider(name.trim().to_string()))?
                .id,
        ),
        None => people::one_by_name(conn, actor)
            .ok()
            .flatten()
            .map(|p| p.id),
    };
    let ruling = Ruling {
        decision: ruling.decision,
        on: ruling.on,
        decided_by,
        special_grounds: ruling.special_grounds,
    };
    decide(conn, id, ruling, today, actor, now)
}

/// The board's decision on a request. An approval proposes a name-plate draft with the
/// subtenant's name, so the caretaker can have it ready when they move in. Special grounds are
/// refused for a rejection and outside Norway (only borettslagsloven has them).
pub fn decide(
    conn: &Connection,
    id: Id,
    ruling: Ruling,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Sublet, Error> {
    let Ruling {
        decision,
        on,
        decided_by,
        special_grounds,
    } = ruling;
    let s = get(conn, id, today)?;
    if let (Some(decision), Some(on)) = (s.decision, s.decided_on) {
        return Err(Error::AlreadyDecided { id, decision, on });
    }
    if special_grounds.is_some() {
        if decision != Decision::Approved {
            return Err(Error::Grounds(
                "Special grounds are the reason for an approval; a rejection has none.",
            ));
        }
        let country = association::get(conn).map(|a| a.country).ok();
        if country != Some(Country::NO) {
            return Err(Error::Grounds(
                "Special grounds (borettslagsloven § 5-6) exist only for a Norwegian borettslag; \
                 this association's limit is its statutes' maximum.",
            ));
        }
    }
    if let Some(by) = decided_by {
        person_exists(conn, by)?;
    }
    conn.execute(
        "UPDATE sublet SET decision = ?2, decided_on = ?3, decided_by = ?4, special_grounds = ?5
         WHERE id = ?1",
        params![
            id,
            decision.as_str(),
            iso(on),
            decided_by,
            special_grounds.map(SpecialGrounds::as_str)
        ],
    )
    .map_err(db("recording the decision"))?;
    audit::record(
        conn,
        now,
        actor,
        "sublet.decide",
        Some(&format!("sublet:{id} {}", decision.as_str())),
    )
    .map_err(db("recording the change"))?;
    if decision == Decision::Approved {
        plates::propose(
            conn,
            s.unit_id,
            std::slice::from_ref(&s.subtenant_name),
            &format!("sublet:{id}"),
            // The draft is as old as the decision (typed in later, it keeps that day).
            on.min(today),
            actor,
            now,
        )
        .map_err(Error::Plate)?;
    }
    get(conn, id, today)
}

/// Closes an approved sublet: the subtenant moved out `on` this day.
pub fn end(
    conn: &Connection,
    id: Id,
    on: NaiveDate,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Sublet, Error> {
    let s = get(conn, id, today)?;
    if let Some(ended) = s.ended_on {
        return Err(Error::AlreadyEnded { id, on: ended });
    }
    if s.decision != Some(Decision::Approved) {
        return Err(Error::NotApproved(id));
    }
    if on < s.requested_on {
        return Err(Error::EndBeforeRequest {
            on,
            requested: s.requested_on,
        });
    }
    conn.execute(
        "UPDATE sublet SET ended_on = ?2 WHERE id = ?1",
        params![id, iso(on)],
    )
    .map_err(db("ending a sublet"))?;
    audit::record(
        conn,
        now,
        actor,
        "sublet.end",
        Some(&format!("sublet:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, today)
}

/// How many sublets (of any status) the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM sublet", [], |r| r.get(0))
}

/// A sublet request as the board receives it: the subtenant named, not yet looked up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NamedRequest {
    pub unit_id: Id,
    /// Someone in the register by id, or a name: added to the register when no one has it,
    /// refused (with the candidates) when several people do.
    pub subtenant: Who,
    pub requested_on: NaiveDate,
    pub reason: Option<String>,
    pub from: NaiveDate,
    pub to: NaiveDate,
}

/// Records an owner's request to sublet with the subtenant named, in one transaction, so a
/// refused request leaves no new person behind. Returns the sublet as of `today`.
pub fn request_by_name(
    conn: &mut Connection,
    req: &NamedRequest,
    actor: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Sublet, Error> {
    let tx = conn.transaction().map_err(db("starting the request"))?;
    // The reason first: a refused reason must not add the subtenant either.
    guard::check_opt("The reason", req.reason.as_deref())?;
    let subtenant = match &req.subtenant {
        Who::Id(id) => people::get(&tx, *id),
        Who::Name(name) => people::find_or_add(&tx, name, actor, now),
    }
    .map_err(Error::Subtenant)?;
    let request = Request {
        unit_id: req.unit_id,
        owner_id: None,
        subtenant_id: subtenant.id,
        requested_on: req.requested_on,
        reason: req.reason.clone(),
        from: req.from,
        to: req.to,
    };
    let sublet = self::request(&tx, &request, actor, now)?;
    tx.commit().map_err(db("saving the request"))?;
    get(conn, sublet.id, today)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sublet(from: &str, to: &str) -> Sublet {
        let d = |t: &str| crate::dates::parse_iso(t).unwrap();
        Sublet {
            id: 1,
            unit_id: 1,
            unit_number: "1".into(),
            owner_id: None,
            owner_name: None,
            subtenant_id: 2,
            subtenant_name: "X".into(),
            requested_on: d("2025-01-01"),
            reason: None,
            from: d(from),
            to: d(to),
            decision: Some(Decision::Approved),
            decided_on: Some(d("2025-01-10")),
            decided_by: None,
            decided_by_name: None,
            special_grounds: None,
            ended_on: None,
            status: Status::Requested,
            warnings: vec![],
        }
    }

    #[test]
    fn warnings_follow_the_day_passed_in() {
        let d = |t: &str| crate::dates::parse_iso(t).unwrap();
        let mut s = sublet("2025-02-01", "2026-03-15");
        assess(&mut s, d("2026-03-01"), 24);
        assert_eq!(s.status, Status::Active);
        assert_eq!(s.warnings, [Warning::EndsSoon { days: 14 }]);
        assess(&mut s, d("2026-03-16"), 24);
        assert_eq!(
            s.warnings,
            [Warning::Overdue {
                since: d("2026-03-15")
            }]
        );
        assess(&mut s, d("2025-01-20"), 12);
        assert_eq!(s.status, Status::Approved);
        assert_eq!(
            s.warnings,
            [Warning::TooLong {
                months: 14,
                max_months: 12
            }]
        );
        // Approved on special grounds (§ 5-6 (1)), the same period is not too long.
        s.special_grounds = Some(SpecialGrounds::Absence);
        assess(&mut s, d("2025-01-20"), 12);
        assert!(s.warnings.is_empty(), "{:?}", s.warnings);
        s.special_grounds = None;
        s.ended_on = Some(d("2026-03-10"));
        assess(&mut s, d("2026-04-01"), 12);
        assert_eq!(s.status, Status::Ended);
        assert!(s.warnings.is_empty());
    }

    #[test]
    fn special_grounds_read_as_written_and_name_their_number() {
        for g in SpecialGrounds::ALL {
            assert_eq!(g.as_str().parse::<SpecialGrounds>().unwrap(), g);
            assert!(g
                .to_string()
                .contains(&format!("§ 5-6 (1) nr. {}", g.number())));
        }
        assert_eq!(
            " Family_Law ".parse::<SpecialGrounds>().unwrap(),
            SpecialGrounds::FamilyLaw
        );
        assert!(matches!(
            "illness".parse::<SpecialGrounds>(),
            Err(Error::UnknownGrounds(_))
        ));
    }

    #[test]
    fn country_defaults() {
        assert_eq!(default_max_months(Country::DK), 24);
        assert!(default_max_months(Country::NO) > default_max_months(Country::SE));
    }
}
