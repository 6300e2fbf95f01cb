//! Organisations the association works with: the administrator, the caretaker, the cloud
//! archive, the newsletter tool, the bank, the auditor. For the privacy notice and the Art. 30
//! record the board needs each one's data processing agreement (signed when, reference) and
//! whether it transfers personal data outside the EU/EEA (to which country, on which safeguard).
//! A safeguard the board words itself is kept with the language it is written in, so a document
//! in another language can say that it shows it as written (`privacy::sections::safeguard`).

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{guard, Id};
use crate::dates::iso;
use crate::document::Lang;
use crate::store::date_column;
use crate::text::{looks_like_email, name_key, optional};
use crate::Coded;
use crate::{audit, ErrorCode};

/// The EU and EEA member states (ISO 3166-1 alpha-2): a transfer there is not a third-country
/// transfer. "EL" is the EU's own code for Greece.
const EU_EEA: [&str; 31] = [
    "AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LV",
    "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE", "IS", "LI", "NO", "EL",
];

/// What an organisation does for the association.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum OrganisationKind {
    Administrator,
    Caretaker,
    Cloud,
    Newsletter,
    Bank,
    Auditor,
    Other,
}

impl OrganisationKind {
    pub const ALL: [OrganisationKind; 7] = [
        OrganisationKind::Administrator,
        OrganisationKind::Caretaker,
        OrganisationKind::Cloud,
        OrganisationKind::Newsletter,
        OrganisationKind::Bank,
        OrganisationKind::Auditor,
        OrganisationKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            OrganisationKind::Administrator => "administrator",
            OrganisationKind::Caretaker => "caretaker",
            OrganisationKind::Cloud => "cloud",
            OrganisationKind::Newsletter => "newsletter",
            OrganisationKind::Bank => "bank",
            OrganisationKind::Auditor => "auditor",
            OrganisationKind::Other => "other",
        }
    }
}

impl std::str::FromStr for OrganisationKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        OrganisationKind::ALL
            .into_iter()
            .find(|k| k.as_str().eq_ignore_ascii_case(s.trim()))
            .ok_or_else(|| Error::UnknownKind(s.to_string()))
    }
}

/// An organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Organisation {
    pub id: Id,
    pub name: String,
    pub kind: OrganisationKind,
    /// A contact person or department.
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// When the data processing agreement was signed; `None` if there is none.
    pub dpa_signed_on: Option<NaiveDate>,
    pub dpa_reference: Option<String>,
    /// Country (ISO code) outside the EU/EEA that personal data is transferred to, if any.
    pub third_country: Option<String>,
    /// The legal ground for that transfer (adequacy decision, standard contractual clauses, ...).
    pub transfer_safeguard: Option<String>,
    /// The language `transfer_safeguard` is written in.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "specta", specta(optional))]
    pub transfer_safeguard_language: Option<Lang>,
}

/// A new organisation, or changes to one (`None` keeps a field, an empty string clears it).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct OrganisationFields {
    pub name: Option<String>,
    pub kind: Option<OrganisationKind>,
    pub contact: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// `YYYY-MM-DD`, or empty to clear.
    pub dpa_signed_on: Option<String>,
    pub dpa_reference: Option<String>,
    pub third_country: Option<String>,
    pub transfer_safeguard: Option<String>,
    /// The language a new `transfer_safeguard` is written in; without it, the association's.
    #[serde(default)]
    #[cfg_attr(feature = "specta", specta(optional))]
    pub transfer_safeguard_language: Option<Lang>,
}

/// Why an organisation could not be added or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No name.
    #[error("The organisation needs a name.")]
    NoName,
    /// No kind given for a new organisation.
    #[error("Say what the organisation does: administrator, caretaker, cloud, newsletter, bank, auditor or other.")]
    NoKind,
    /// Unknown kind.
    #[error("Unknown kind of organisation \"{0}\": use administrator, caretaker, cloud, newsletter, bank, auditor or other.")]
    UnknownKind(String),
    /// Bad date.
    #[error("\"{0}\" is not a date; write it as YYYY-MM-DD.")]
    BadDate(String),
    /// Not a country code.
    #[error("\"{0}\" is not a country code; use the two-letter code, e.g. US or GB.")]
    BadCountry(String),
    /// The country is in the EU/EEA.
    #[error("{0} is in the EU/EEA, so sending data there is not a transfer to a third country. Leave the field empty.")]
    NotThirdCountry(String),
    /// Bad e-mail.
    #[error("\"{0}\" is not an e-mail address.")]
    BadEmail(String),
    /// Another organisation has the name.
    #[error("There is already an organisation named {0}.")]
    Duplicate(String),
    /// No such organisation.
    #[error("There is no organisation {0} in the register.")]
    NotFound(String),
    /// A field holds a national ID.
    #[error("{0}")]
    NationalId(#[from] guard::Refused),
    /// Reading the association's country (the default language of a safeguard) failed.
    #[error("{0}")]
    Association(#[source] crate::association::Error),
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
            Error::Association(e) => e.code(),
            Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

const COLUMNS: &str = "id, name, kind, contact, email, phone, dpa_signed_on, dpa_reference,
    third_country, transfer_safeguard, transfer_safeguard_language";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Organisation> {
    let kind: String = r.get(2)?;
    Ok(Organisation {
        id: r.get(0)?,
        name: r.get(1)?,
        kind: kind.parse().unwrap_or(OrganisationKind::Other),
        contact: r.get(3)?,
        email: r.get(4)?,
        phone: r.get(5)?,
        dpa_signed_on: date_column(r.get(6)?),
        dpa_reference: r.get(7)?,
        third_country: r.get(8)?,
        transfer_safeguard: r.get(9)?,
        transfer_safeguard_language: r.get::<_, Option<String>>(10)?.and_then(|l| l.parse().ok()),
    })
}

/// Checks a third-country code: two letters, not in the EU/EEA. Empty means none.
pub fn third_country(code: &str) -> Result<Option<String>, Error> {
    let c = code.trim().to_ascii_uppercase();
    if c.is_empty() {
        return Ok(None);
    }
    if c.len() != 2 || !c.chars().all(|ch| ch.is_ascii_alphabetic()) {
        return Err(Error::BadCountry(code.to_string()));
    }
    if EU_EEA.contains(&c.as_str()) {
        return Err(Error::NotThirdCountry(c));
    }
    Ok(Some(c))
}

fn check(f: &OrganisationFields) -> Result<(), Error> {
    for (field, value) in [
        ("The name", &f.name),
        ("The contact", &f.contact),
        ("The e-mail address", &f.email),
        ("The phone number", &f.phone),
        ("The agreement's reference", &f.dpa_reference),
        ("The safeguard", &f.transfer_safeguard),
    ] {
        guard::check_opt(field, value.as_deref())?;
    }
    if let Some(e) = optional(f.email.as_deref()) {
        if !looks_like_email(&e) {
            return Err(Error::BadEmail(e));
        }
    }
    Ok(())
}

/// The language of a safeguard the board writes: the one given, else the association's.
fn safeguard_language(conn: &Connection, given: Option<Lang>) -> Result<Lang, Error> {
    match given {
        Some(l) => Ok(l),
        None => Lang::of_association(conn).map_err(Error::Association),
    }
}

fn date_field(value: &str) -> Result<Option<NaiveDate>, Error> {
    if value.trim().is_empty() {
        return Ok(None);
    }
    crate::dates::parse_iso(value)
        .map(Some)
        .ok_or_else(|| Error::BadDate(value.to_string()))
}

/// Adds an organisation.
pub fn add(
    conn: &Connection,
    fields: &OrganisationFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Organisation, Error> {
    check(fields)?;
    let name = optional(fields.name.as_deref()).ok_or(Error::NoName)?;
    let kind = fields.kind.ok_or(Error::NoKind)?;
    if find(conn, &name)?.is_some() {
        return Err(Error::Duplicate(name));
    }
    let dpa = match &fields.dpa_signed_on {
        Some(d) => date_field(d)?,
        None => None,
    };
    let country = match &fields.third_country {
        Some(c) => third_country(c)?,
        None => None,
    };
    let safeguard = optional(fields.transfer_safeguard.as_deref());
    let safeguard_lang = match &safeguard {
        Some(_) => Some(safeguard_language(conn, fields.transfer_safeguard_language)?.code()),
        None => None,
    };
    conn.execute(
        "INSERT INTO organisation (name, kind, contact, email, phone, dpa_signed_on, dpa_reference,
            third_country, transfer_safeguard, transfer_safeguard_language, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
        params![
            name,
            kind.as_str(),
            optional(fields.contact.as_deref()),
            optional(fields.email.as_deref()),
            optional(fields.phone.as_deref()),
            dpa.map(iso),
            optional(fields.dpa_reference.as_deref()),
            country,
            safeguard,
            safeguard_lang,
            now.to_rfc3339()
        ],
    )
    .map_err(db("adding an organisation"))?;
    let id = conn.last_insert_rowid() as Id;
    audit::record(
        conn,
        now,
        actor,
        "organisation.add",
        Some(&format!("organisation:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Changes an organisation.
pub fn update(
    conn: &Connection,
    id: Id,
    changes: &OrganisationFields,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Organisation, Error> {
    check(changes)?;
    let mut o = get(conn, id)?;
    if let Some(n) = &changes.name {
        let n = optional(Some(n)).ok_or(Error::NoName)?;
        if name_key(&n) != name_key(&o.name) && find(conn, &n)?.is_some() {
            return Err(Error::Duplicate(n));
        }
        o.name = n;
    }
    if let Some(k) = changes.kind {
        o.kind = k;
    }
    let text = |v: &Option<String>, slot: &mut Option<String>| {
        if let Some(v) = v {
            *slot = optional(Some(v));
        }
    };
    text(&changes.contact, &mut o.contact);
    text(&changes.email, &mut o.email);
    text(&changes.phone, &mut o.phone);
    text(&changes.dpa_reference, &mut o.dpa_reference);
    if let Some(v) = &changes.transfer_safeguard {
        o.transfer_safeguard = optional(Some(v));
        o.transfer_safeguard_language = match &o.transfer_safeguard {
            Some(_) => Some(safeguard_language(
                conn,
                changes.transfer_safeguard_language,
            )?),
            None => None,
        };
    } else if let (Some(l), Some(_)) = (changes.transfer_safeguard_language, &o.transfer_safeguard)
    {
        // The board says which language the safeguard it already wrote is in.
        o.transfer_safeguard_language = Some(l);
    }
    if let Some(d) = &changes.dpa_signed_on {
        o.dpa_signed_on = date_field(d)?;
    }
    if let Some(c) = &changes.third_country {
        o.third_country = third_country(c)?;
    }
    conn.execute(
        "UPDATE organisation SET name = ?2, kind = ?3, contact = ?4, email = ?5, phone = ?6,
            dpa_signed_on = ?7, dpa_reference = ?8, third_country = ?9, transfer_safeguard = ?10,
            transfer_safeguard_language = ?11
         WHERE id = ?1",
        params![
            id,
            o.name,
            o.kind.as_str(),
            o.contact,
            o.email,
            o.phone,
            o.dpa_signed_on.map(iso),
            o.dpa_reference,
            o.third_country,
            o.transfer_safeguard,
            o.transfer_safeguard_language.map(Lang::code)
        ],
    )
    .map_err(db("changing an organisation"))?;
    audit::record(
        conn,
        now,
        actor,
        "organisation.update",
        Some(&format!("organisation:{id}")),
    )
    .map_err(db("recording the change"))?;
    Ok(o)
}

/// One organisation.
pub fn get(conn: &Connection, id: Id) -> Result<Organisation, Error> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM organisation WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(db("reading an organisation"))?
    .ok_or_else(|| Error::NotFound(format!("#{id}")))
}

/// The organisation with this name (case and spacing do not matter).
pub fn find(conn: &Connection, name: &str) -> Result<Option<Organisation>, Error> {
    Ok(list(conn)?
        .into_iter()
        .find(|o| name_key(&o.name) == name_key(name)))
}

/// Every organisation, by kind then name.
pub fn list(conn: &Connection) -> Result<Vec<Organisation>, Error> {
    let mut stmt = conn
        .prepare(&format!("SELECT {COLUMNS} FROM organisation"))
        .map_err(db("listing organisations"))?;
    let mut all: Vec<Organisation> = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("listing organisations"))?;
    all.sort_by_key(|o| {
        (
            OrganisationKind::ALL.iter().position(|k| *k == o.kind),
            o.name.to_lowercase(),
        )
    });
    Ok(all)
}

/// The organisations of one kind (e.g. the caretaker a name-plate order goes to).
pub fn of_kind(conn: &Connection, kind: OrganisationKind) -> Result<Vec<Organisation>, Error> {
    Ok(list(conn)?.into_iter().filter(|o| o.kind == kind).collect())
}

/// How many organisations the register holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM organisation", [], |r| r.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::register::testing::{now, register};

    #[test]
    fn third_countries_are_checked() {
        assert_eq!(third_country(" us ").unwrap().as_deref(), Some("US"));
        assert!(matches!(
            third_country("DE"),
            Err(Error::NotThirdCountry(_))
        ));
        assert!(matches!(third_country("USA"), Err(Error::BadCountry(_))));
        assert_eq!(third_country("").unwrap(), None);
    }

    #[test]
    fn add_and_update_with_agreement() {
        let conn = register(Country::DK);
        let o = add(
            &conn,
            &OrganisationFields {
                name: Some("Roskilde Ejendomsservice ApS".into()),
                kind: Some(OrganisationKind::Caretaker),
                dpa_signed_on: Some("2024-05-01".into()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(o.dpa_signed_on.map(iso).as_deref(), Some("2024-05-01"));
        let o = update(
            &conn,
            o.id,
            &OrganisationFields {
                third_country: Some("US".into()),
                transfer_safeguard: Some("Standard contractual clauses".into()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(o.third_country.as_deref(), Some("US"));
        // Written without a language: the association's (Danish here).
        assert_eq!(o.transfer_safeguard_language, Some(Lang::Da));
        let o = update(
            &conn,
            o.id,
            &OrganisationFields {
                transfer_safeguard: Some("Binding corporate rules of the group".into()),
                transfer_safeguard_language: Some(Lang::En),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(o.transfer_safeguard_language, Some(Lang::En));
        let o = update(
            &conn,
            o.id,
            &OrganisationFields {
                transfer_safeguard: Some(String::new()),
                ..Default::default()
            },
            "t",
            now(),
        )
        .unwrap();
        assert_eq!(
            (o.transfer_safeguard, o.transfer_safeguard_language),
            (None, None)
        );
        assert_eq!(
            of_kind(&conn, OrganisationKind::Caretaker).unwrap().len(),
            1
        );
    }
}
