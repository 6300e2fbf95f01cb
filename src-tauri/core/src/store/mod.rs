//! The database behind an archive: an in-memory SQLite connection, its schema and migrations.
//!
//! The register never touches the disk in plaintext: an archive's bytes are decrypted into
//! memory and deserialized straight into a `:memory:` connection, and saving serializes it back
//! to bytes for encryption. `temp_store=MEMORY` keeps SQLite from spilling sorts and index builds
//! into temporary files (the bundled SQLite would otherwise write them to /var/tmp).

mod migrations;

use rusqlite::{Connection, MAIN_DB};
use zeroize::Zeroizing;

pub use migrations::SCHEMA_VERSION;
/// SQLite's error, for callers that map it without depending on rusqlite themselves.
pub use rusqlite::Error as SqlError;

/// `PRAGMA application_id` of every Andel database: "Andl" in ASCII.
pub const APPLICATION_ID: i32 = 0x416E_646C;

const SQLITE_HEADER: &[u8] = b"SQLite format 3\0";

/// What can go wrong between bytes and a usable database.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The bytes are not a SQLite database, or not one of Andel's.
    #[error("the file does not contain an Andel database")]
    NotAndel,
    /// The database has a schema newer than this build knows.
    #[error("the archive has schema version {found}; this Andel supports up to {supported}")]
    NewerSchema { found: i32, supported: i32 },
    /// The bytes could not be read (for an archive: the decryption found damage).
    #[error("the database could not be read: {0}")]
    Read(String),
    /// SQLite failed during the named step.
    #[error("database error while {op}: {source}")]
    Sqlite {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

impl Error {
    pub(crate) fn sqlite(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
        move |source| Error::Sqlite { op, source }
    }
}

type Result<T> = std::result::Result<T, Error>;

fn configure(conn: &Connection) -> Result<()> {
    conn.execute_batch(
        "PRAGMA temp_store = MEMORY;
         PRAGMA foreign_keys = ON;
         PRAGMA trusted_schema = OFF;",
    )
    .map_err(Error::sqlite("configuring the database"))
}

/// A new, empty database at the current schema version.
pub fn create() -> Result<Connection> {
    create_at_version(SCHEMA_VERSION)
}

/// A new database with only the first `version` migrations applied.
///
/// Used to build fixtures of old schema versions for migration tests.
#[doc(hidden)]
pub fn create_at_version(version: i32) -> Result<Connection> {
    let mut conn = Connection::open_in_memory().map_err(Error::sqlite("creating the database"))?;
    configure(&conn)?;
    conn.pragma_update(None, "application_id", APPLICATION_ID)
        .map_err(Error::sqlite("setting the application id"))?;
    migrations::migrate_to(&mut conn, version)?;
    Ok(conn)
}

/// The schema version stored in a database.
pub fn schema_version(conn: &Connection) -> Result<i32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(Error::sqlite("reading the schema version"))
}

/// Loads decrypted archive bytes into a fresh in-memory connection and checks that they are an
/// Andel database this build can read. Migrations are not applied here: the caller decides when,
/// so it can keep a backup of the original first.
pub fn load(bytes: &[u8]) -> Result<Connection> {
    if bytes.len() < 100 || !bytes.starts_with(SQLITE_HEADER) {
        return Err(Error::NotAndel);
    }
    load_from(bytes, bytes.len())
}

/// Like [`load`], reading exactly `len` bytes from `reader` straight into SQLite's memory, so a
/// large archive is decrypted into place without a second copy of the plaintext.
pub fn load_from(reader: impl std::io::Read, len: usize) -> Result<Connection> {
    if len < 100 {
        return Err(Error::NotAndel);
    }
    let mut conn = Connection::open_in_memory().map_err(Error::sqlite("creating the database"))?;
    conn.deserialize_read_exact(MAIN_DB, reader, len, false)
        .map_err(|e| Error::Read(e.to_string()))?;
    configure(&conn).map_err(|_| Error::NotAndel)?;
    let app_id: i32 = conn
        .pragma_query_value(None, "application_id", |r| r.get(0))
        .map_err(|_| Error::NotAndel)?;
    if app_id != APPLICATION_ID {
        return Err(Error::NotAndel);
    }
    let found = schema_version(&conn)?;
    if found > SCHEMA_VERSION {
        return Err(Error::NewerSchema {
            found,
            supported: SCHEMA_VERSION,
        });
    }
    Ok(conn)
}

/// Applies the migrations a loaded database still needs. Returns whether anything changed.
pub fn migrate(conn: &mut Connection) -> Result<bool> {
    let before = schema_version(conn)?;
    migrations::migrate_to(conn, SCHEMA_VERSION)?;
    Ok(before != SCHEMA_VERSION)
}

/// The whole database as bytes, wiped from memory when dropped.
pub fn serialize(conn: &Connection) -> Result<Zeroizing<Vec<u8>>> {
    let data = conn
        .serialize(MAIN_DB)
        .map_err(Error::sqlite("serializing the database"))?;
    Ok(Zeroizing::new(data.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_round_trips_through_bytes() {
        let conn = create().unwrap();
        let bytes = serialize(&conn).unwrap();
        assert!(bytes.starts_with(SQLITE_HEADER));
        let back = load(&bytes).unwrap();
        assert_eq!(schema_version(&back).unwrap(), SCHEMA_VERSION);
        let temp: i64 = back
            .pragma_query_value(None, "temp_store", |r| r.get(0))
            .unwrap();
        assert_eq!(temp, 2, "temp_store must be MEMORY");
    }

    #[test]
    fn foreign_sqlite_databases_are_not_andel() {
        let conn = Connection::open_in_memory().unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);")
            .unwrap();
        let bytes = serialize(&conn).unwrap();
        assert!(matches!(load(&bytes), Err(Error::NotAndel)));
        assert!(matches!(load(b"hello"), Err(Error::NotAndel)));
    }

    #[test]
    fn a_newer_schema_is_refused() {
        let conn = create().unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 1)
            .unwrap();
        let bytes = serialize(&conn).unwrap();
        match load(&bytes) {
            Err(Error::NewerSchema { found, supported }) => {
                assert_eq!(found, SCHEMA_VERSION + 1);
                assert_eq!(supported, SCHEMA_VERSION);
            }
            other => panic!("expected NewerSchema, got {other:?}"),
        }
    }

    #[test]
    fn migrating_an_old_database_reaches_the_current_version() {
        let mut conn = create_at_version(1).unwrap();
        assert!(migrate(&mut conn).unwrap());
        assert_eq!(schema_version(&conn).unwrap(), SCHEMA_VERSION);
        assert!(!migrate(&mut conn).unwrap());
    }
}
