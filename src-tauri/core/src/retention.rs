//! Retention: how long each kind of record is kept, and the sweep that deletes or anonymises
//! what is past it.
//!
//! The rules have defaults per country (the seeds' practice, the same in all three countries
//! today): former owners' contact data 5 years after they moved out, former subtenants' contact
//! data 1 year after their sublet ended, rejected sublet requests 1 year after the decision, mounted name-plate orders 1 year after mounting, closed requests 3
//! years after closing, minutes kept as the association's history. A former owner with an open
//! request keeps their contact data until it is closed: the board must be able to answer. The board may change any
//! rule but the one for minutes ([`set_rule`]); a changed rule is stored in `retention_rule`
//! (months NULL: keep). [`due`] lists what is due on a day; [`apply`] carries it all out in one
//! step, with one audit entry per record.
//!
//! A module of its own, below `requests` and `privacy`: the processing activities state these
//! periods and the sweep reads the request table itself, so neither needs the other.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::association::{self, Country};
use crate::dates::add_months;
use crate::register::people::{self, Standing};
use crate::register::Id;
use crate::store::date_column;
use crate::Coded;
use crate::{audit, ErrorCode};

/// A kind of record with a retention rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    /// A former owner's phone, e-mail and note, counted from the day they moved out.
    FormerOwnerContact,
    /// A former subtenant's phone, e-mail and note, counted from the day their last approved
    /// sublet ended (the sublet itself stays, as the unit's history).
    FormerSubtenantContact,
    /// A rejected sublet request, counted from the decision.
    RejectedSublet,
    /// A name-plate order, counted from the day the plates were mounted.
    MountedPlateOrder,
    /// A data-subject request, counted from the day it was closed.
    ClosedRequest,
    /// Minutes: kept as the association's history.
    Minutes,
}

impl RecordKind {
    pub const ALL: [RecordKind; 6] = [
        RecordKind::FormerOwnerContact,
        RecordKind::FormerSubtenantContact,
        RecordKind::RejectedSublet,
        RecordKind::MountedPlateOrder,
        RecordKind::ClosedRequest,
        RecordKind::Minutes,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RecordKind::FormerOwnerContact => "former_owner_contact",
            RecordKind::FormerSubtenantContact => "former_subtenant_contact",
            RecordKind::RejectedSublet => "rejected_sublet",
            RecordKind::MountedPlateOrder => "mounted_plate_order",
            RecordKind::ClosedRequest => "closed_request",
            RecordKind::Minutes => "minutes",
        }
    }
}

impl std::str::FromStr for RecordKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let s = s.trim().to_ascii_lowercase().replace('-', "_");
        RecordKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s)
            .ok_or(Error::UnknownKind(s))
    }
}

/// The default retention of a kind of record in a country, in months; `None`: kept.
pub fn default_months(kind: RecordKind, country: Country) -> Option<u32> {
    // The same in DK, NO and SE today; the country is a parameter so a rule can differ when
    // practice or law does.
    let _ = country;
    match kind {
        RecordKind::FormerOwnerContact => Some(60),
        // A subtenant has no account with the association: a year after the sublet ended covers
        // questions about its end (keys, damage, the owner's return).
        RecordKind::FormerSubtenantContact => Some(12),
        RecordKind::RejectedSublet => Some(12),
        RecordKind::MountedPlateOrder => Some(12),
        RecordKind::ClosedRequest => Some(36),
        RecordKind::Minutes => None,
    }
}

/// A rule as it applies, with the country's default beside it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Rule {
    pub kind: RecordKind,
    /// Months kept; `None`: kept for good.
    pub months: Option<u32>,
    pub default_months: Option<u32>,
    /// The board changed it from the default.
    pub changed: bool,
}

/// Why a rule could not be changed or the sweep not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Not a kind of record with a retention rule.
    #[error("Unknown kind of record \"{0}\": use former_owner_contact, former_subtenant_contact, rejected_sublet, mounted_plate_order, closed_request or minutes.")]
    UnknownKind(String),
    /// The minutes' rule is fixed.
    #[error("Minutes are kept as the association's history; their rule cannot be changed.")]
    MinutesKept,
    /// The period is out of range.
    #[error("A retention period must be between 1 and 600 months, not {0}.")]
    BadMonths(u32),
    /// Reading whether a former owner still lives in the association failed.
    #[error("Could not read the person: {0}")]
    Person(#[source] people::Error),
    /// SQLite failed while reading or changing the rules or the records due.
    #[error("Database error while {op}: {source}")]
    Database {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::Person(_) | Error::Database { .. } => ErrorCode::Internal,
            Error::UnknownKind(_) | Error::MinutesKept | Error::BadMonths(_) => {
                ErrorCode::InvalidInput
            }
        }
    }
}

fn country(conn: &Connection) -> Country {
    association::get(conn)
        .map(|a| a.country)
        .unwrap_or(Country::DK)
}

/// The rule for one kind of record.
pub fn rule(conn: &Connection, kind: RecordKind) -> Result<Rule, Error> {
    let default = default_months(kind, country(conn));
    let stored: Option<Option<u32>> = conn
        .query_row(
            "SELECT months FROM retention_rule WHERE kind = ?1",
            [kind.as_str()],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading the retention rules"))?;
    Ok(match stored {
        Some(months) if kind != RecordKind::Minutes => Rule {
            kind,
            months,
            default_months: default,
            changed: months != default,
        },
        _ => Rule {
            kind,
            months: default,
            default_months: default,
            changed: false,
        },
    })
}

/// Every rule, in the order of [`RecordKind::ALL`].
pub fn rules(conn: &Connection) -> Result<Vec<Rule>, Error> {
    RecordKind::ALL.into_iter().map(|k| rule(conn, k)).collect()
}

/// Changes a rule: `Some(months)` (1–600) or `None` to keep such records for good.
pub fn set_rule(
    conn: &Connection,
    kind: RecordKind,
    months: Option<u32>,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Rule, Error> {
    if kind == RecordKind::Minutes {
        return Err(Error::MinutesKept);
    }
    if let Some(m) = months.filter(|m| !(1..=600).contains(m)) {
        return Err(Error::BadMonths(m));
    }
    conn.execute(
        "INSERT INTO retention_rule (kind, months, updated_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (kind) DO UPDATE SET months = excluded.months, updated_at = excluded.updated_at",
        params![kind.as_str(), months, now.to_rfc3339()],
    )
    .map_err(db("saving a retention rule"))?;
    audit::record(
        conn,
        now,
        actor,
        "retention.rule",
        Some(&format!(
            "{} {}",
            kind.as_str(),
            months.map_or("keep".to_string(), |m| format!("{m}m"))
        )),
    )
    .map_err(db("recording the change"))?;
    rule(conn, kind)
}

/// Goes back to the country's default for a kind of record.
pub fn reset_rule(
    conn: &Connection,
    kind: RecordKind,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Rule, Error> {
    conn.execute(
        "DELETE FROM retention_rule WHERE kind = ?1",
        [kind.as_str()],
    )
    .map_err(db("resetting a retention rule"))?;
    audit::record(
        conn,
        now,
        actor,
        "retention.rule",
        Some(&format!("{} default", kind.as_str())),
    )
    .map_err(db("recording the change"))?;
    rule(conn, kind)
}

/// One record past its retention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueItem {
    pub kind: RecordKind,
    /// The record: a person's id for contact data, else the sublet's, order's or request's.
    pub record_id: Id,
    /// The person concerned, when the record names one.
    pub person: Option<String>,
    /// The unit concerned, when there is one.
    pub unit: Option<String>,
    /// The day the retention counts from: moved out, decided, mounted, closed.
    pub since: NaiveDate,
    /// The day it became due.
    pub due_on: NaiveDate,
    /// What the sweep does, in plain English (the app shows its own words for `kind`).
    pub text: String,
}

fn rows<T>(
    conn: &Connection,
    sql: &str,
    map: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>, Error> {
    let mut stmt = conn
        .prepare(sql)
        .map_err(db("reading records for retention"))?;
    let out = stmt
        .query_map([], map)
        .and_then(|r| r.collect())
        .map_err(db("reading records for retention"));
    out
}

/// Everything past its retention on `today`, oldest due first.
pub fn due(conn: &Connection, today: NaiveDate) -> Result<Vec<DueItem>, Error> {
    let mut out = Vec::new();
    let months = |kind| -> Result<Option<u32>, Error> { Ok(rule(conn, kind)?.months) };
    let past = |since: Option<NaiveDate>, m: u32| {
        since
            .map(|s| (s, add_months(s, m)))
            .filter(|(_, due)| *due <= today)
    };

    if let Some(m) = months(RecordKind::FormerOwnerContact)? {
        let found = rows(
            conn,
            "SELECT p.id, p.name, max(o.to_date) FROM person p JOIN ownership o ON o.person_id = p.id
             WHERE p.erased_on IS NULL
               AND (p.phone IS NOT NULL OR p.email IS NOT NULL OR p.note IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM request r WHERE r.person_id = p.id
                                                       AND r.status = 'open')
             GROUP BY p.id HAVING count(*) = count(o.to_date)",
            |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get(2)?)),
        )?;
        for (id, name, moved) in found {
            let Some((since, due_on)) = past(date_column(moved), m) else {
                continue;
            };
            let standing = people::standing(conn, id, today).map_err(Error::Person)?;
            if standing == Standing::Current {
                continue;
            }
            out.push(DueItem {
                kind: RecordKind::FormerOwnerContact,
                record_id: id,
                text: format!(
                    "Remove the phone, e-mail and note of former owner {name} (moved out {since})."
                ),
                person: Some(name),
                unit: None,
                since,
                due_on,
            });
        }
    }
    if let Some(m) = months(RecordKind::FormerSubtenantContact)? {
        // Subtenants only: someone who also owned is a former owner (the rule above), someone
        // with a role or an open request or application stays reachable.
        let found = rows(
            conn,
            "SELECT p.id, p.name, max(coalesce(s.ended_on, s.to_date)) FROM person p
             JOIN sublet s ON s.subtenant_id = p.id AND s.decision = 'approved'
             WHERE p.erased_on IS NULL
               AND (p.phone IS NOT NULL OR p.email IS NOT NULL OR p.note IS NOT NULL)
               AND NOT EXISTS (SELECT 1 FROM ownership o WHERE o.person_id = p.id)
               AND NOT EXISTS (SELECT 1 FROM role x WHERE x.person_id = p.id)
               AND NOT EXISTS (SELECT 1 FROM sublet w WHERE w.subtenant_id = p.id
                                                       AND w.decision IS NULL)
               AND NOT EXISTS (SELECT 1 FROM request r WHERE r.person_id = p.id
                                                       AND r.status = 'open')
             GROUP BY p.id",
            |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get(2)?)),
        )?;
        for (id, name, ended) in found {
            let Some((since, due_on)) = past(date_column(ended), m) else {
                continue;
            };
            out.push(DueItem {
                kind: RecordKind::FormerSubtenantContact,
                record_id: id,
                text: format!(
                    "Remove the phone, e-mail and note of former subtenant {name} (sublet ended {since})."
                ),
                person: Some(name),
                unit: None,
                since,
                due_on,
            });
        }
    }
    if let Some(m) = months(RecordKind::RejectedSublet)? {
        let found = rows(
            conn,
            "SELECT s.id, u.number, t.name, s.decided_on FROM sublet s
             JOIN unit u ON u.id = s.unit_id JOIN person t ON t.id = s.subtenant_id
             WHERE s.decision = 'rejected'",
            |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                ))
            },
        )?;
        for (id, unit, subtenant, decided) in found {
            let Some((since, due_on)) = past(date_column(decided), m) else {
                continue;
            };
            out.push(DueItem {
                kind: RecordKind::RejectedSublet,
                record_id: id,
                text: format!(
                    "Delete the sublet request for unit {unit} rejected on {since} (and the subtenant, if nothing else connects them)."
                ),
                person: Some(subtenant),
                unit: Some(unit),
                since,
                due_on,
            });
        }
    }
    if let Some(m) = months(RecordKind::MountedPlateOrder)? {
        let found = rows(
            conn,
            "SELECT n.id, u.number, n.mounted_on FROM name_plate_order n
             JOIN unit u ON u.id = n.unit_id WHERE n.mounted_on IS NOT NULL",
            |r| Ok((r.get::<_, Id>(0)?, r.get::<_, String>(1)?, r.get(2)?)),
        )?;
        for (id, unit, mounted) in found {
            let Some((since, due_on)) = past(date_column(mounted), m) else {
                continue;
            };
            out.push(DueItem {
                kind: RecordKind::MountedPlateOrder,
                record_id: id,
                text: format!("Delete the name-plate order for unit {unit}, mounted on {since}."),
                person: None,
                unit: Some(unit),
                since,
                due_on,
            });
        }
    }
    if let Some(m) = months(RecordKind::ClosedRequest)? {
        let found = rows(
            conn,
            "SELECT r.id, r.kind, coalesce(p.name, r.requester_name), r.closed_on FROM request r
             LEFT JOIN person p ON p.id = r.person_id WHERE r.closed_on IS NOT NULL",
            |r| {
                Ok((
                    r.get::<_, Id>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                    r.get(3)?,
                ))
            },
        )?;
        for (id, kind, name, closed) in found {
            let Some((since, due_on)) = past(date_column(closed), m) else {
                continue;
            };
            out.push(DueItem {
                kind: RecordKind::ClosedRequest,
                record_id: id,
                text: format!("Delete {kind} request #{id}, closed on {since}."),
                person: Some(name),
                unit: None,
                since,
                due_on,
            });
        }
    }
    out.sort_by_key(|i| (i.due_on, i.kind.as_str(), i.record_id));
    Ok(out)
}

/// What [`apply`] did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Applied {
    pub items: Vec<DueItem>,
    /// Subtenants of deleted sublet requests who were connected to nothing else and went too.
    pub people_deleted: u32,
}

/// Is the person referred to by nothing but `except_sublet`?
fn orphaned(conn: &Connection, person: Id) -> Result<bool, Error> {
    conn.query_row(
        "SELECT NOT (EXISTS (SELECT 1 FROM ownership WHERE person_id = ?1)
                  OR EXISTS (SELECT 1 FROM role WHERE person_id = ?1)
                  OR EXISTS (SELECT 1 FROM sublet WHERE owner_id = ?1 OR subtenant_id = ?1
                                                     OR decided_by = ?1)
                  OR EXISTS (SELECT 1 FROM request WHERE person_id = ?1))",
        [person],
        |r| r.get(0),
    )
    .map_err(db("checking what connects a person"))
}

/// The audit action of each record the sweep deleted or anonymised.
const APPLIED: &str = "retention.apply";

/// How many records the retention sweep deleted or anonymised since the archive was last handed
/// over (or made), by the audit trail: the sweeps of the board's year, also those run before a
/// handover that then failed.
pub fn swept_since_handover(conn: &Connection) -> Result<u32, Error> {
    audit::count_since_handover(conn, APPLIED).map_err(db("counting the sweeps since the handover"))
}

/// Carries out everything [`due`] lists on `today`, all or nothing (its own savepoint: no caller
/// needs a transaction), with one audit entry per record. The caller has asked the board to
/// confirm.
pub fn apply(
    conn: &Connection,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Applied, Error> {
    let items = due(conn, today)?;
    let people_deleted = crate::store::atomically(
        conn,
        |source| Error::Database {
            op: "keeping the retention sweep whole",
            source,
        },
        || sweep(conn, &items, actor, now),
    )?;
    Ok(Applied {
        items,
        people_deleted,
    })
}

fn sweep(
    conn: &Connection,
    items: &[DueItem],
    actor: &str,
    now: DateTime<Utc>,
) -> Result<u32, Error> {
    let mut people_deleted = 0;
    for item in items {
        let id = item.record_id;
        let subject = match item.kind {
            RecordKind::FormerOwnerContact | RecordKind::FormerSubtenantContact => {
                conn.execute(
                    "UPDATE person SET phone = NULL, email = NULL, note = NULL WHERE id = ?1",
                    [id],
                )
                .map_err(db("removing contact data"))?;
                format!("person:{id} contact")
            }
            RecordKind::RejectedSublet => {
                let subtenant: Id = conn
                    .query_row("SELECT subtenant_id FROM sublet WHERE id = ?1", [id], |r| {
                        r.get(0)
                    })
                    .map_err(db("reading a sublet"))?;
                conn.execute("DELETE FROM sublet WHERE id = ?1", [id])
                    .map_err(db("deleting a sublet request"))?;
                if orphaned(conn, subtenant)? {
                    conn.execute("DELETE FROM person WHERE id = ?1", [subtenant])
                        .map_err(db("deleting a subtenant"))?;
                    people_deleted += 1;
                    audit::record(
                        conn,
                        now,
                        actor,
                        "retention.delete",
                        Some(&format!("person:{subtenant}")),
                    )
                    .map_err(db("recording the change"))?;
                }
                format!("sublet:{id}")
            }
            RecordKind::MountedPlateOrder => {
                conn.execute("DELETE FROM name_plate_order WHERE id = ?1", [id])
                    .map_err(db("deleting a name-plate order"))?;
                format!("plate:{id}")
            }
            RecordKind::ClosedRequest => {
                conn.execute("DELETE FROM request WHERE id = ?1", [id])
                    .map_err(db("deleting a request"))?;
                format!("request:{id}")
            }
            RecordKind::Minutes => continue,
        };
        audit::record(conn, now, actor, APPLIED, Some(&subject))
            .map_err(db("recording the change"))?;
    }
    Ok(people_deleted)
}
