//! The register: units, the people who own them (with the full history of who owned what when),
//! sublets, name-plate orders, the board and other roles, and the organisations the association
//! works with. Plus the import of the administrator's resident list. (What needs the board's
//! attention across the register, requests and retention is [`crate::overview`].)
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
//!   [`people::search`]; a unit page: [`pages::unit`]; a person page: [`pages::person`]; forms:
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

pub mod co_owners;
pub mod guard;
pub mod import;
pub mod organisations;
pub mod ownership;
pub mod pages;
pub mod people;
pub mod plates;
pub mod plates_order;
pub mod roles;
pub mod split;
pub mod sublets;
pub mod units;

/// The id of a register record (a SQLite rowid; kept to 32 bits so it crosses to TypeScript as a
/// plain number).
pub type Id = u32;

#[cfg(test)]
pub(crate) mod testing {
    use chrono::{DateTime, NaiveDate, Utc};
    use rusqlite::Connection;

    use crate::association::{self, Country};

    pub fn now() -> DateTime<Utc> {
        "2026-03-01T10:00:00Z".parse().unwrap()
    }

    pub fn day(text: &str) -> NaiveDate {
        crate::dates::parse_iso(text).unwrap()
    }

    pub fn register(country: Country) -> Connection {
        let conn = crate::store::create().unwrap();
        association::create(&conn, "A/B Prøvehuset", country, now()).unwrap();
        conn
    }
}
