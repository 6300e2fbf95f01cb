//! What an open archive holds, for `andel info`, the app's archive screen and the handover's
//! check that a new file holds the same records: the association, the schema, how it is
//! encrypted, and how many records of each kind.
//!
//! It lives above `vault` (which only knows the file) and asks each module to count its own
//! table, so the vault needs to know nothing about minutes, requests or the register.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::association::{self, Country};
use crate::vault::{Encryption, Vault};
use crate::Coded;
use crate::{audit, register, store, ErrorCode};

/// What `andel info` and the app show about an open archive.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Summary {
    pub association: String,
    pub country: Country,
    pub schema_version: i32,
    /// "passphrase" or "recipients".
    pub encryption: String,
    pub recipients: u32,
    pub counts: Counts,
}

/// How many records of each kind the archive holds.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Counts {
    pub audit_entries: u32,
    pub units: u32,
    pub people: u32,
    pub ownerships: u32,
    pub sublets: u32,
    pub name_plate_orders: u32,
    pub roles: u32,
    pub organisations: u32,
    /// Minutes in the archive.
    pub documents: u32,
    /// Residents' requests (open and closed).
    pub requests: u32,
}

/// Why the summary could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The association's record could not be read.
    #[error("{0}")]
    Association(#[source] association::Error),
    /// Counting the records or reading the schema version failed.
    #[error("The archive's database failed: {0}")]
    Store(#[source] store::Error),
}

impl Coded for Error {
    /// The stable code of this error, for the UI and scripts.
    fn code(&self) -> ErrorCode {
        match self {
            Error::Association(e) => e.code(),
            Error::Store(store::Error::NotAndel) => ErrorCode::NotAnArchive,
            Error::Store(_) => ErrorCode::Internal,
        }
    }
}

/// Facts about the open archive.
pub fn of(vault: &Vault) -> Result<Summary, Error> {
    let conn = vault.conn();
    let assoc = association::get(conn).map_err(Error::Association)?;
    Ok(Summary {
        association: assoc.name,
        country: assoc.country,
        schema_version: store::schema_version(conn).map_err(Error::Store)?,
        encryption: vault.encryption().kind().to_string(),
        recipients: match vault.encryption() {
            Encryption::Recipients(r) => r.len() as u32,
            Encryption::Passphrase { .. } => 0,
        },
        counts: counts(conn)?,
    })
}

/// How many records of each kind a database holds.
pub fn counts(conn: &Connection) -> Result<Counts, Error> {
    // Each module owns its table and counts it; this only gathers the numbers.
    let count = |n: rusqlite::Result<u32>| -> Result<u32, Error> {
        n.map_err(|e| {
            Error::Store(store::Error::Sqlite {
                op: "counting records",
                source: e,
            })
        })
    };
    Ok(Counts {
        audit_entries: count(audit::count(conn))?,
        units: count(register::units::count(conn))?,
        people: count(register::people::count(conn))?,
        ownerships: count(register::ownership::count(conn))?,
        sublets: count(register::sublets::count(conn))?,
        name_plate_orders: count(register::plates::count(conn))?,
        roles: count(register::roles::count(conn))?,
        organisations: count(register::organisations::count(conn))?,
        documents: count(crate::minutes::count(conn))?,
        requests: count(crate::requests::count(conn))?,
    })
}
