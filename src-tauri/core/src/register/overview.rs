//! The overview: what needs the board's attention today. Sublet requests awaiting a decision,
//! sublets ending within 30 days or past their end without being closed, and name-plate orders
//! not yet sent to the caretaker or sent but not yet mounted; residents' requests due within 7
//! days or overdue, and records past their retention.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::plates::{self, PlateOrder, PlateStatus};
use super::sublets::{self, Status, Sublet, Warning};
use crate::requests::retention::{self, DueItem};
use crate::requests::{self, Request};
use crate::ErrorCode;

/// What needs attention on a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Overview {
    pub today: NaiveDate,
    /// Requests the board has not decided, oldest request first.
    pub awaiting_decision: Vec<Sublet>,
    /// Approved sublets whose period ends within 30 days, soonest first.
    pub ending_soon: Vec<Sublet>,
    /// Approved sublets whose period is over but that were not closed.
    pub overdue: Vec<Sublet>,
    /// Name-plate drafts not yet sent.
    pub plates_not_sent: Vec<PlateOrder>,
    /// Name-plate orders sent but not yet mounted.
    pub plates_not_mounted: Vec<PlateOrder>,
    /// Open residents' requests due within 7 days or overdue, soonest deadline first.
    pub requests_due: Vec<Request>,
    /// Records past their retention, due for deletion or anonymisation.
    pub retention_due: Vec<DueItem>,
}

impl Overview {
    /// Is there nothing to do?
    pub fn is_clear(&self) -> bool {
        self.awaiting_decision.is_empty()
            && self.ending_soon.is_empty()
            && self.overdue.is_empty()
            && self.plates_not_sent.is_empty()
            && self.plates_not_mounted.is_empty()
            && self.requests_due.is_empty()
            && self.retention_due.is_empty()
    }
}

/// Why the overview could not be put together.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Reading the sublets failed.
    #[error("The overview could not read the sublets: {0}")]
    Sublets(#[source] sublets::Error),
    /// Reading the name-plate orders failed.
    #[error("The overview could not read the name-plate orders: {0}")]
    Plates(#[source] plates::Error),
    /// Reading the residents' requests failed.
    #[error("The overview could not read the residents' requests: {0}")]
    Requests(#[source] requests::Error),
    /// Reading what is past its retention failed.
    #[error("The overview could not read what is past its retention: {0}")]
    Retention(#[source] retention::RetentionError),
}

impl Error {
    pub fn code(&self) -> ErrorCode {
        match self {
            Error::Sublets(e) => e.code(),
            Error::Plates(e) => e.code(),
            Error::Requests(e) => e.code(),
            Error::Retention(e) => e.code(),
        }
    }
}

/// What needs the board's attention `today`.
pub fn overview(conn: &Connection, today: NaiveDate) -> Result<Overview, Error> {
    let all = sublets::list(conn, today).map_err(Error::Sublets)?;
    let mut awaiting: Vec<Sublet> = all
        .iter()
        .filter(|s| s.status == Status::Requested)
        .cloned()
        .collect();
    awaiting.sort_by_key(|s| (s.requested_on, s.id));
    let mut ending_soon: Vec<Sublet> = all
        .iter()
        .filter(|s| {
            s.warnings
                .iter()
                .any(|w| matches!(w, Warning::EndsSoon { .. }))
        })
        .cloned()
        .collect();
    ending_soon.sort_by_key(|s| (s.to, s.id));
    let overdue: Vec<Sublet> = all
        .into_iter()
        .filter(|s| {
            s.warnings
                .iter()
                .any(|w| matches!(w, Warning::Overdue { .. }))
        })
        .collect();
    let orders = plates::list(conn).map_err(Error::Plates)?;
    let (plates_not_sent, rest): (Vec<_>, Vec<_>) = orders
        .into_iter()
        .filter(|o| o.status != PlateStatus::Mounted)
        .partition(|o| o.status == PlateStatus::Draft);
    Ok(Overview {
        today,
        awaiting_decision: awaiting,
        ending_soon,
        overdue,
        plates_not_sent,
        plates_not_mounted: rest,
        requests_due: requests::needing_attention(conn, today).map_err(Error::Requests)?,
        retention_due: retention::due(conn, today).map_err(Error::Retention)?,
    })
}
