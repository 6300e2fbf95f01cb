//! The person page and the unit page: a record with everything it is connected to, past and
//! present.
//!
//! A module of its own because a page reads every part of the register (ownerships, sublets,
//! roles, name plates, the identity mark), while those parts use `people` and `units` to find
//! their person or unit: above them all, nothing in the register imports it.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ownership::{self, Ownership};
use super::people::{self, Person, Standing};
use super::plates::{self, PlateOrder};
use super::roles::{self, Role};
use super::split::{self, IdentityReview};
use super::sublets::{self, Sublet};
use super::units::{self, Unit};
use super::Id;
use crate::Coded;
use crate::ErrorCode;

/// Everything a person is connected to: the person page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonPage {
    pub person: Person,
    pub standing: Standing,
    pub ownerships: Vec<Ownership>,
    pub sublets: Vec<Sublet>,
    pub roles: Vec<Role>,
    /// Set when the board should check that this record is one person (see [`super::split`]).
    pub review: Option<IdentityReview>,
}

/// The unit page: the unit and its whole history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct UnitPage {
    pub unit: Unit,
    /// Every ownership, oldest first; current ones have no end date.
    pub ownerships: Vec<Ownership>,
    pub sublets: Vec<Sublet>,
    pub plates: Vec<PlateOrder>,
}

/// Why a page could not be read. Every variant keeps the error of the part that failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The person could not be read (there is no such person, or the database failed).
    #[error("{0}")]
    Person(#[source] people::Error),
    /// The unit could not be read (there is no such unit, or the database failed).
    #[error("{0}")]
    Unit(#[source] units::Error),
    /// Reading the person's ownerships failed.
    #[error("Could not read the person's ownerships: {0}")]
    PersonOwnerships(#[source] ownership::Error),
    /// Reading the person's sublets (as owner or subtenant) failed.
    #[error("Could not read the person's sublets: {0}")]
    PersonSublets(#[source] sublets::Error),
    /// Reading the person's roles failed.
    #[error("Could not read the person's roles: {0}")]
    PersonRoles(#[source] roles::Error),
    /// Reading whether the person's record is marked for an identity check failed.
    #[error("Could not read the person's identity mark: {0}")]
    IdentityMark(#[source] split::Error),
    /// Reading the unit's ownerships failed.
    #[error("Could not read the unit's owners: {0}")]
    UnitOwners(#[source] ownership::Error),
    /// Reading the unit's sublets failed.
    #[error("Could not read the unit's sublets: {0}")]
    UnitSublets(#[source] sublets::Error),
    /// Reading the unit's name-plate orders failed.
    #[error("Could not read the unit's name plates: {0}")]
    UnitPlates(#[source] plates::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::Person(e) => e.code(),
            Error::Unit(e) => e.code(),
            // The record was found: what it is connected to should always be readable.
            Error::PersonOwnerships(_)
            | Error::PersonSublets(_)
            | Error::PersonRoles(_)
            | Error::IdentityMark(_)
            | Error::UnitOwners(_)
            | Error::UnitSublets(_)
            | Error::UnitPlates(_) => ErrorCode::Internal,
        }
    }
}

/// The person page: the person and everything they are connected to, past and present; their
/// standing and sublets as on `on`.
pub fn person(conn: &rusqlite::Connection, id: Id, on: NaiveDate) -> Result<PersonPage, Error> {
    let person = people::get(conn, id).map_err(Error::Person)?;
    Ok(PersonPage {
        standing: people::standing(conn, id, on).map_err(Error::Person)?,
        ownerships: ownership::of_person(conn, id).map_err(Error::PersonOwnerships)?,
        sublets: sublets::of_person(conn, id, on).map_err(Error::PersonSublets)?,
        roles: roles::of_person(conn, id).map_err(Error::PersonRoles)?,
        review: split::review(conn, id).map_err(Error::IdentityMark)?,
        person,
    })
}

/// The unit page: the unit with all its owners, sublets and name-plate orders, past and
/// present; sublets are assessed for `today`.
pub fn unit(conn: &rusqlite::Connection, id: Id, today: NaiveDate) -> Result<UnitPage, Error> {
    let unit = units::get(conn, id).map_err(Error::Unit)?;
    Ok(UnitPage {
        ownerships: ownership::of_unit(conn, id).map_err(Error::UnitOwners)?,
        sublets: sublets::of_unit(conn, id, today).map_err(Error::UnitSublets)?,
        plates: plates::of_unit(conn, id).map_err(Error::UnitPlates)?,
        unit,
    })
}
