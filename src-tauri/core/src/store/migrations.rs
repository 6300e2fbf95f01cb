//! Schema migrations, oldest first. A migration is never edited once released: archives in the
//! field carry its result. Add a new one at the end instead; `user_version` counts them.

use rusqlite::Connection;

use super::Error;

const MIGRATIONS: &[&str] = &[
    // 1: the association, who may decrypt the archive, and the audit trail.
    "CREATE TABLE association (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT NOT NULL,
        country     TEXT NOT NULL CHECK (country IN ('DK', 'NO', 'SE')),
        org_number  TEXT,
        address     TEXT,
        email       TEXT,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE recipient (
        public_key  TEXT PRIMARY KEY,
        label       TEXT
    );
    CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        subject     TEXT
    );",
    // 2: per-archive settings (auto-lock, document language) and a faster audit view.
    "CREATE TABLE setting (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL
    );
    CREATE INDEX audit_by_time ON audit (at);
    ALTER TABLE association ADD COLUMN language TEXT;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub(super) fn migrate_to(conn: &mut Connection, target: i32) -> Result<(), Error> {
    let current = super::schema_version(conn)?;
    if current >= target {
        return Ok(());
    }
    let tx = conn
        .transaction()
        .map_err(Error::sqlite("starting a migration"))?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)
            .map_err(Error::sqlite("migrating the schema"))?;
        tx.pragma_update(None, "user_version", index as i32 + 1)
            .map_err(Error::sqlite("recording the schema version"))?;
    }
    tx.commit()
        .map_err(Error::sqlite("committing a migration"))?;
    Ok(())
}
