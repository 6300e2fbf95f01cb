//! The register: units, the people who own them (with the full history of who owned what when),
//! sublets, name-plate orders, the board and other roles, and the organisations the association
//! works with. Plus the import of the administrator's resident list and the overview of what
//! needs the board's attention.
//!
//! Every operation takes the connection (so it runs inside the caller's transaction when there
//! is one), the board member making the change (for the audit trail), and "today" / "now" as
//! parameters: nothing in here reads the clock. Nothing is ever deleted by these operations;
//! moving out ends an ownership, a sublet is ended, a role gets an end date.
//!
//! Every text a board member types passes the national-ID guard ([`guard`]) first, so a CPR
//! number, fødselsnummer or personnummer never reaches the archive.
//!
//! Where the app's screens find what they need:
//!
//! - Residents: [`units::list`], [`units::search`], [`people::list`] (current or former),
//!   [`people::search`]; a unit page: [`units::page`]; a person page: [`people::page`]; forms:
//!   [`units::add`], [`units::update`], [`people::add`], [`people::update`],
//!   [`ownership::start`] (moving in), [`ownership::take_over`] (a new owner, ending the old
//!   ownerships), [`ownership::end`] (moving out).
//! - Sublets: [`sublets::list`], [`sublets::request`], [`sublets::decide`], [`sublets::end`],
//!   the longest period allowed: [`sublets::max_months`], [`sublets::set_max_months`].
//! - Name plates: [`plates::list`], [`plates::add`], [`plates::mark_sent`],
//!   [`plates::mark_mounted`].
//! - Board & roles: [`roles::current`], [`roles::list`], [`roles::add`], [`roles::end`].
//! - Organisations: [`organisations::list`], [`organisations::add`], [`organisations::update`].
//! - Import wizard: [`import::read`], [`import::preview`] (again after each mapping change),
//!   [`import::apply`]; the fields a column can be mapped to: [`import::Field::ALL`].
//! - Overview: [`overview::overview`].

pub mod co_owners;
pub mod guard;
pub mod import;
pub mod organisations;
pub mod overview;
pub mod ownership;
pub mod people;
pub mod plates;
pub mod plates_order;
pub mod roles;
pub mod split;
pub mod sublets;
pub mod units;

use chrono::NaiveDate;

/// The id of a register record (a SQLite rowid; kept to 32 bits so it crosses to TypeScript as a
/// plain number).
pub type Id = u32;

/// Parses a date as the forms and the CLI write it: `YYYY-MM-DD`.
pub fn parse_iso_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A trimmed text with runs of whitespace collapsed to one space.
pub(crate) fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `None` for an empty or blank text, else the tidied text.
pub(crate) fn optional(text: Option<&str>) -> Option<String> {
    text.map(tidy).filter(|t| !t.is_empty())
}

/// The form of a name used to decide whether two spellings are the same person: case and
/// spacing do not matter.
pub(crate) fn name_key(name: &str) -> String {
    tidy(name).to_lowercase()
}

/// Does `text` hold `name` as whole words, in order (case and spacing do not matter)? "Ida Holm"
/// is in "Jens og Ida Holm" but not in "Frida Holm": a name is never found as a substring of
/// another.
pub(crate) fn holds_name(text: &str, name: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let needle = words(name);
    let hay = words(text);
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Does `text` look like an e-mail address? Deliberately loose: the point is to catch a phone
/// number typed into the e-mail field, not to validate RFC 5322.
pub(crate) fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}

/// Reads a `YYYY-MM-DD` column; a value SQLite holds that is not a date is treated as missing
/// rather than failing the whole list (someone may have edited the database by hand).
pub(crate) fn date_column(value: Option<String>) -> Option<NaiveDate> {
    value.as_deref().and_then(parse_iso_date)
}

/// The inclusive period `from..=to` as a text for the audit trail or messages.
pub(crate) fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

#[cfg(test)]
pub(crate) mod testing {
    use chrono::{DateTime, NaiveDate, Utc};
    use rusqlite::Connection;

    use crate::association::{self, Country};

    pub fn now() -> DateTime<Utc> {
        "2026-03-01T10:00:00Z".parse().unwrap()
    }

    pub fn day(text: &str) -> NaiveDate {
        super::parse_iso_date(text).unwrap()
    }

    pub fn register(country: Country) -> Connection {
        let conn = crate::store::create().unwrap();
        association::create(&conn, "A/B Prøvehuset", country, now()).unwrap();
        conn
    }
}
