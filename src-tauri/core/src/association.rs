//! The association the archive belongs to: name, country, registration number and contact.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::Coded;
use crate::{audit, ErrorCode};

/// The three countries Andel knows the law and the paperwork of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Country {
    DK,
    NO,
    SE,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::DK => "DK",
            Country::NO => "NO",
            Country::SE => "SE",
        }
    }

    /// The language the association's documents are written in by default.
    pub fn language(self) -> &'static str {
        match self {
            Country::DK => "da",
            Country::NO => "nb",
            Country::SE => "sv",
        }
    }
}

impl std::str::FromStr for Country {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_uppercase().as_str() {
            "DK" => Ok(Country::DK),
            "NO" => Ok(Country::NO),
            "SE" => Ok(Country::SE),
            _ => Err(Error::UnknownCountry(s.to_string())),
        }
    }
}

/// The association's record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Association {
    pub name: String,
    pub country: Country,
    pub org_number: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
    pub created_at: String,
}

/// Changes to the association's record; `None` leaves a field as it is, an empty string clears it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AssociationChanges {
    pub name: Option<String>,
    pub country: Option<Country>,
    pub org_number: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
}

/// Why the association's record could not be read or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The name is empty.
    #[error("The association needs a name.")]
    EmptyName,
    /// The country is not DK, NO or SE.
    #[error("Unknown country \"{0}\": use DK, NO or SE.")]
    UnknownCountry(String),
    /// The e-mail address is not one.
    #[error("\"{0}\" is not an e-mail address.")]
    BadEmail(String),
    /// The archive has no association record (it was not made by Andel).
    #[error("The archive has no association record.")]
    Missing,
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
            Error::EmptyName | Error::UnknownCountry(_) | Error::BadEmail(_) => {
                ErrorCode::InvalidInput
            }
            Error::Missing => ErrorCode::NotAnArchive,
            Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

fn clean_name(name: &str) -> Result<String, Error> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::EmptyName);
    }
    Ok(name.to_string())
}

fn optional(value: &str) -> Option<String> {
    let v = value.trim();
    (!v.is_empty()).then(|| v.to_string())
}

/// Writes the association's record in a new archive.
pub fn create(
    conn: &Connection,
    name: &str,
    country: Country,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let name = clean_name(name)?;
    conn.execute(
        "INSERT INTO association (id, name, country, created_at, language) VALUES (1, ?1, ?2, ?3, ?4)",
        params![name, country.code(), now.to_rfc3339(), country.language()],
    )
    .map_err(db("creating the association"))?;
    Ok(())
}

/// Reads the association's record.
pub fn get(conn: &Connection) -> Result<Association, Error> {
    let row = conn
        .query_row(
            "SELECT name, country, org_number, address, email, created_at FROM association WHERE id = 1",
            [],
            |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                ))
            },
        )
        .optional()
        .map_err(db("reading the association"))?;
    let (name, country, org_number, address, email, created_at) = row.ok_or(Error::Missing)?;
    Ok(Association {
        name,
        country: country.parse()?,
        org_number,
        address,
        email,
        created_at,
    })
}

/// Applies changes to the association's record and notes them in the audit trail.
pub fn update(
    conn: &Connection,
    changes: &AssociationChanges,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Association, Error> {
    let mut current = get(conn)?;
    let mut changed = Vec::new();
    if let Some(name) = &changes.name {
        current.name = clean_name(name)?;
        changed.push("name");
    }
    if let Some(country) = changes.country {
        current.country = country;
        changed.push("country");
    }
    if let Some(v) = &changes.org_number {
        current.org_number = optional(v);
        changed.push("org_number");
    }
    if let Some(v) = &changes.address {
        current.address = optional(v);
        changed.push("address");
    }
    if let Some(v) = &changes.email {
        let v = optional(v);
        if let Some(e) = &v {
            if !looks_like_email(e) {
                return Err(Error::BadEmail(e.clone()));
            }
        }
        current.email = v;
        changed.push("email");
    }
    if changed.is_empty() {
        return Ok(current);
    }
    conn.execute(
        "UPDATE association SET name = ?1, country = ?2, org_number = ?3, address = ?4, email = ?5 WHERE id = 1",
        params![
            current.name,
            current.country.code(),
            current.org_number,
            current.address,
            current.email
        ],
    )
    .map_err(db("updating the association"))?;
    audit::record(
        conn,
        now,
        actor,
        "association.update",
        Some(&changed.join(",")),
    )
    .map_err(db("recording the change"))?;
    Ok(current)
}

fn looks_like_email(s: &str) -> bool {
    match s.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !s.contains(char::is_whitespace)
        }
        None => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store;

    fn now() -> DateTime<Utc> {
        "2026-03-01T10:00:00Z".parse().unwrap()
    }

    #[test]
    fn create_update_and_audit() {
        let conn = store::create().unwrap();
        create(&conn, "  A/B Rønnebærhaven ", Country::DK, now()).unwrap();
        let a = get(&conn).unwrap();
        assert_eq!(a.name, "A/B Rønnebærhaven");
        let changes = AssociationChanges {
            email: Some("bestyrelsen@example.dk".into()),
            org_number: Some("12345678".into()),
            ..Default::default()
        };
        let a = update(&conn, &changes, "Kasserer", now()).unwrap();
        assert_eq!(a.email.as_deref(), Some("bestyrelsen@example.dk"));
        let log = audit::recent(&conn, 10).unwrap();
        assert_eq!(log[0].action, "association.update");
        assert_eq!(log[0].subject.as_deref(), Some("org_number,email"));
    }

    #[test]
    fn bad_input_is_refused_without_change() {
        let conn = store::create().unwrap();
        create(&conn, "Elvebakken borettslag", Country::NO, now()).unwrap();
        assert!(matches!(
            create(&conn, "  ", Country::NO, now()),
            Err(Error::EmptyName)
        ));
        let bad = AssociationChanges {
            email: Some("not an address".into()),
            ..Default::default()
        };
        assert!(matches!(
            update(&conn, &bad, "x", now()),
            Err(Error::BadEmail(_))
        ));
        assert_eq!(get(&conn).unwrap().email, None);
        assert!("FI".parse::<Country>().is_err());
        assert_eq!("se".parse::<Country>().unwrap(), Country::SE);
    }
}
