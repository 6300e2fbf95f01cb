//! The audit trail: when, which board member, what kind of change, and to which record.
//!
//! It never holds values of personal data, only identifiers such as `unit:12` or a field name,
//! so the trail can be shown to anyone who may see the archive.

use chrono::{DateTime, SecondsFormat, Utc};
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};

/// The action recorded in the new archive when an archive is handed over: in the incoming board's
/// archive, its last such entry marks the start of that board's year.
pub const HANDOVER: &str = "archive.handover";

/// One entry of the audit trail.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub subject: Option<String>,
}

/// Records one change. `subject` names the record (an id or a field), never a personal value.
pub fn record(
    conn: &Connection,
    now: DateTime<Utc>,
    actor: &str,
    action: &str,
    subject: Option<&str>,
) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT INTO audit (at, actor, action, subject) VALUES (?1, ?2, ?3, ?4)",
        params![
            now.to_rfc3339_opts(SecondsFormat::Secs, true),
            actor,
            action,
            subject
        ],
    )?;
    Ok(())
}

/// How many entries the audit trail holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM audit", [], |r| r.get(0))
}

/// How many `action` entries the trail holds since the archive was last handed over (its last
/// [`HANDOVER`] entry), or since it was made if it never was.
pub fn count_since_handover(conn: &Connection, action: &str) -> rusqlite::Result<u32> {
    conn.query_row(
        "SELECT count(*) FROM audit WHERE action = ?1 AND id > \
         COALESCE((SELECT max(id) FROM audit WHERE action = ?2), 0)",
        params![action, HANDOVER],
        |r| r.get(0),
    )
}

/// The latest entries, newest first.
pub fn recent(conn: &Connection, limit: u32) -> rusqlite::Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare(
        "SELECT at, actor, action, subject FROM audit ORDER BY at DESC, id DESC LIMIT ?1",
    )?;
    let rows = stmt.query_map([limit], |r| {
        Ok(AuditEntry {
            at: r.get(0)?,
            actor: r.get(1)?,
            action: r.get(2)?,
            subject: r.get(3)?,
        })
    })?;
    rows.collect()
}
