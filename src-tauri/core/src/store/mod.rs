//! The database behind an archive: an in-memory SQLite connection, its schema and migrations.
//!
//! The register never touches the disk in plaintext: an archive's bytes are decrypted into
//! memory and deserialized straight into a `:memory:` connection, and saving serializes it back
//! to bytes for encryption. `temp_store=MEMORY` keeps SQLite from spilling sorts and index builds
//! into temporary files (the bundled SQLite would otherwise write them to /var/tmp).
//!
//! Plaintext in memory is kept from outliving its use where SQLite lets us (docs/ARCHITECTURE.md,
//! "Plaintext in memory", says what is and is not guaranteed): every database lives in one
//! buffer SQLite owns (a deserialized "memdb"), so serializing it for a save reads that buffer
//! instead of making a copy that SQLite would free unwiped; the serialized bytes we hold are
//! wiped when dropped; `secure_delete` overwrites deleted records; and [`wipe`] (which a
//! [`Wiping`] connection runs when dropped, as the open archive's is on lock) overwrites the
//! whole database with zeros before SQLite frees it.

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
    Read(#[source] rusqlite::Error),
    /// The database says it is larger than SQLite takes in one allocation.
    #[error("it says it holds {} MB, more than an archive can hold ({} MB)", .len >> 20, .max >> 20)]
    TooLarge { len: usize, max: usize },
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
         PRAGMA secure_delete = ON;
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
    // Into a memdb, as a loaded archive is, so that no later serialize copies the register (the
    // copy made here holds the empty schema only).
    let empty = conn
        .serialize(MAIN_DB)
        .map_err(Error::sqlite("serializing the database"))?;
    load_from(&empty[..], empty.len())
}

/// The schema version stored in a database.
pub fn schema_version(conn: &Connection) -> Result<i32> {
    conn.pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(Error::sqlite("reading the schema version"))
}

/// The largest database Andel loads: what SQLite can take into memory in one piece.
pub const MAX_DATABASE: usize = i32::MAX as usize;

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
    // SQLite takes the database in one allocation whose size is a C int; rusqlite panicked on a
    // larger length (an archive with gigabytes appended). Nothing is allocated or read before this.
    if len > MAX_DATABASE {
        return Err(Error::TooLarge {
            len,
            max: MAX_DATABASE,
        });
    }
    let mut conn = Connection::open_in_memory().map_err(Error::sqlite("creating the database"))?;
    conn.deserialize_read_exact(MAIN_DB, reader, len, false)
        .map_err(Error::Read)?;
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

/// Overwrites the whole database with zeros, so that what SQLite frees when the connection
/// closes holds no register: with `secure_delete` every page a dropped table frees is zeroed,
/// and with the journal off no copy of the old pages is made on the way. The connection is
/// empty afterwards; use it only to close it.
pub fn wipe(conn: &Connection) -> Result<()> {
    let failed = || Error::sqlite("wiping the database");
    let _mode: String = conn
        .query_row("PRAGMA journal_mode = OFF", [], |r| r.get(0))
        .map_err(failed())?;
    conn.execute_batch("PRAGMA secure_delete = ON; PRAGMA foreign_keys = OFF;")
        .map_err(failed())?;
    // Virtual tables first: dropping one drops its shadow tables with it.
    let tables: Vec<String> = conn
        .prepare(
            r"SELECT name FROM sqlite_schema
              WHERE type = 'table' AND name NOT LIKE 'sqlite\_%' ESCAPE '\'
              ORDER BY sql LIKE 'CREATE VIRTUAL%' DESC, name",
        )
        .and_then(|mut stmt| {
            let names = stmt.query_map([], |r| r.get(0))?.collect();
            names
        })
        .map_err(failed())?;
    for table in tables {
        let quoted = table.replace('"', "\"\"");
        conn.execute_batch(&format!("DROP TABLE IF EXISTS \"{quoted}\""))
            .map_err(failed())?;
    }
    // AUTOINCREMENT's counters (table names and numbers), where a table has one.
    let sequence: bool = conn
        .query_row(
            "SELECT EXISTS (SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence')",
            [],
            |r| r.get(0),
        )
        .map_err(failed())?;
    if sequence {
        conn.execute_batch("DELETE FROM sqlite_sequence")
            .map_err(failed())?;
    }
    Ok(())
}

/// A connection whose database is wiped ([`wipe`]) when it is dropped: the open archive's, so
/// that locking or closing it leaves no register in the memory SQLite frees.
pub struct Wiping(Connection);

impl Wiping {
    pub fn new(conn: Connection) -> Wiping {
        Wiping(conn)
    }
}

impl std::ops::Deref for Wiping {
    type Target = Connection;
    fn deref(&self) -> &Connection {
        &self.0
    }
}

impl std::ops::DerefMut for Wiping {
    fn deref_mut(&mut self) -> &mut Connection {
        &mut self.0
    }
}

impl std::fmt::Debug for Wiping {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Wiping(Connection)")
    }
}

impl Drop for Wiping {
    fn drop(&mut self) {
        // Nothing to report to at this point; a failure leaves the memory as SQLite frees it.
        let _ = wipe(&self.0);
    }
}

/// Reads a `YYYY-MM-DD` column; a value SQLite holds that is not a date is treated as missing
/// rather than failing the whole list (someone may have edited the database by hand).
pub(crate) fn date_column(value: Option<String>) -> Option<chrono::NaiveDate> {
    value.as_deref().and_then(crate::dates::parse_iso)
}

/// Runs `work` all or nothing: inside a savepoint, released when `work` succeeds and rolled back
/// when it fails (or when the release does), so no half of it stays. A savepoint nests, so this
/// holds alone and inside a caller's transaction alike; a use case that writes more than one row
/// runs through here instead of asking each adapter to open a transaction. `sqlite` turns a
/// failure of the savepoint itself into the caller's error.
pub fn atomically<T, E>(
    conn: &Connection,
    sqlite: impl Fn(rusqlite::Error) -> E,
    work: impl FnOnce() -> std::result::Result<T, E>,
) -> std::result::Result<T, E> {
    conn.execute_batch("SAVEPOINT atomically")
        .map_err(&sqlite)?;
    let done = work().and_then(|value| {
        conn.execute_batch("RELEASE atomically")
            .map_err(&sqlite)
            .map(|()| value)
    });
    if done.is_err() {
        // The error that stopped the work is the one to report; rolling back only fails when
        // the connection is gone, and then nothing of the work is kept either.
        let _ = conn.execute_batch("ROLLBACK TO atomically; RELEASE atomically");
    }
    done
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomically_keeps_all_or_nothing_alone_and_nested() {
        let conn = create().unwrap();
        let count = || -> i64 {
            conn.query_row("SELECT count(*) FROM setting", [], |r| r.get(0))
                .unwrap()
        };
        let before = count();
        let insert =
            |key: &str| conn.execute("INSERT INTO setting (key, value) VALUES (?1, 'x')", [key]);
        let failed: std::result::Result<(), rusqlite::Error> = atomically(
            &conn,
            |e| e,
            || {
                insert("atomic.one")?;
                insert("atomic.one")?; // the key is taken: the first insert goes too
                Ok(())
            },
        );
        assert!(failed.is_err());
        assert_eq!(count(), before);
        atomically(&conn, |e| e, || insert("atomic.two")).unwrap();
        assert_eq!(count(), before + 1);
        // Inside a caller's transaction: the work is kept until the caller rolls back.
        conn.execute_batch("BEGIN").unwrap();
        atomically(&conn, |e| e, || insert("atomic.three")).unwrap();
        assert_eq!(count(), before + 2);
        conn.execute_batch("ROLLBACK").unwrap();
        assert_eq!(count(), before + 1);
    }

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

    /// A register with names in every kind of table: people, minutes (with their full-text
    /// index) and the audit trail.
    fn register_with_names() -> Connection {
        use crate::register::people::{self, PersonFields};
        let conn = create().unwrap();
        let now = chrono::Utc::now();
        crate::association::create(
            &conn,
            "A/B Wipetestvej",
            crate::association::Country::DK,
            now,
        )
        .unwrap();
        for name in ["Quintus Zeppelinsen", "Xenia Quorndahl"] {
            let fields = PersonFields {
                name: Some(name.into()),
                phone: Some("+45 61 72 83 94".into()),
                ..PersonFields::default()
            };
            people::add(&conn, &fields, "Test", now).unwrap();
        }
        let text = "Referat. Xenia Quorndahl fremlagde regnskabet.".to_string();
        let doc = crate::minutes::NewDocument {
            title: "Referat".into(),
            file_name: "referat.txt".into(),
            format: crate::minutes::Format::Txt,
            kind: crate::minutes::MeetingKind::Board,
            date: now.date_naive(),
            original: text.clone().into_bytes(),
            text,
            layout: None,
            warnings: Vec::new(),
        };
        crate::minutes::add(&conn, &doc, "Test", now).unwrap();
        conn
    }

    fn holds(bytes: &[u8], text: &str) -> bool {
        bytes.windows(text.len()).any(|w| w == text.as_bytes())
    }

    /// Issue 12: serializing a database SQLite keeps as pages of its own made a copy that SQLite
    /// freed unwiped after every save. Every database is now one buffer (a memdb), which
    /// serialize reads without copying; the bytes we copy are wiped on drop (`Zeroizing`).
    #[test]
    fn serializing_reads_the_database_without_a_copy() {
        use rusqlite::serialize::Data;
        let created = register_with_names();
        assert!(matches!(
            created.serialize(MAIN_DB).unwrap(),
            Data::Shared(_)
        ));
        let loaded = load(&serialize(&created).unwrap()).unwrap();
        assert!(matches!(
            loaded.serialize(MAIN_DB).unwrap(),
            Data::Shared(_)
        ));
    }

    /// Deleted records are overwritten, not only unlinked from the page.
    #[test]
    fn secure_delete_overwrites_deleted_records() {
        let conn = register_with_names();
        let on: i64 = conn
            .pragma_query_value(None, "secure_delete", |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
        assert!(holds(&serialize(&conn).unwrap(), "Zeppelinsen"));
        conn.execute("DELETE FROM person WHERE name LIKE 'Quintus%'", [])
            .unwrap();
        assert!(!holds(&serialize(&conn).unwrap(), "Zeppelinsen"));
        let loaded = load(&serialize(&conn).unwrap()).unwrap();
        let on: i64 = loaded
            .pragma_query_value(None, "secure_delete", |r| r.get(0))
            .unwrap();
        assert_eq!(on, 1);
    }

    /// Issue 12: SQLite's buffers were freed unwiped on lock. After [`wipe`] (which the open
    /// archive's connection runs when dropped) the database SQLite will free holds none of the
    /// register: not a name, a phone number, the minutes or their index, the association.
    #[test]
    fn a_wiped_database_holds_nothing_of_the_register() {
        let conn = register_with_names();
        let before = serialize(&conn).unwrap();
        for text in ["Quorndahl", "61 72 83 94", "Wipetestvej", "regnskabet"] {
            assert!(
                holds(&before, text),
                "{text} is in the database to begin with"
            );
        }
        wipe(&conn).unwrap();
        let after = serialize(&conn).unwrap();
        for text in [
            "Quorndahl",
            "quorndahl",
            "Zeppelinsen",
            "61 72 83 94",
            "Wipetestvej",
            "regnskabet",
        ] {
            assert!(!holds(&after, text), "{text} is left after the wipe");
        }
        // The pages stay (nothing is handed back to SQLite's allocator unwiped), zeroed.
        assert_eq!(after.len(), before.len());
        let zero = after.iter().filter(|b| **b == 0).count();
        assert!(
            zero * 100 >= after.len() * 95,
            "{zero} of {} bytes are zero",
            after.len()
        );
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))
            .unwrap();
        assert_eq!(tables, 0);
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

    /// Migration 11: the cloud service that stores the archive is a recipient of the sublets
    /// and the name-plate orders it holds, unless the board chose the recipients itself.
    #[test]
    fn the_cloud_archive_becomes_a_recipient_of_what_it_stores_unless_the_board_chose() {
        let mut conn = create_at_version(10).unwrap();
        conn.execute_batch(
            "INSERT INTO processing_activity (key, position, legal_basis, recipient_kinds, updated_at)
             VALUES ('sublets', 2, 'contract', 'administrator', '2026-01-01T00:00:00Z'),
                    ('name_plates', 3, 'legitimate-interest', 'caretaker,newsletter',
                     '2026-01-01T00:00:00Z');",
        )
        .unwrap();
        assert!(migrate(&mut conn).unwrap());
        let kinds = |key: &str| -> String {
            conn.query_row(
                "SELECT recipient_kinds FROM processing_activity WHERE key = ?1",
                [key],
                |r| r.get(0),
            )
            .unwrap()
        };
        assert_eq!(kinds("sublets"), "administrator,cloud");
        assert_eq!(kinds("name_plates"), "caretaker,newsletter");
    }
}
