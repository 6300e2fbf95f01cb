//! The overview: what needs the board's attention today. Sublet requests awaiting a decision,
//! sublets ending within 30 days or past their end without being closed, approved sublets longer
//! than the association allows (not those approved on Norway's special grounds, which have no
//! time limit), and name-plate orders
//! not yet sent to the caretaker or sent but not yet mounted; residents' requests due within 7
//! days or overdue, records past their retention, and a privacy notice that no longer matches
//! the register (or was never issued).

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::document::Lang;
use crate::privacy::notice;
use crate::register::plates::{self, PlateOrder, PlateStatus};
use crate::register::sublets::{self, Status, Sublet, Warning};
use crate::requests::{self, Request};
use crate::retention::{self, DueItem};
use crate::Coded;
use crate::{association, ErrorCode};

/// The privacy notice in the association's language differs from the last edition issued: the
/// register, the organisations or the activities changed since, or no edition was issued yet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct NoticeDue {
    pub language: Lang,
    /// The version saving it now would issue.
    pub version: u32,
    /// Whether an earlier version was issued (`false`: the residents have none yet).
    pub earlier_issued: bool,
}

/// What needs attention on a day. (`Attention` in the app's bindings, where the archive's own
/// overview is `Overview`.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(rename = "Attention"))]
pub struct Overview {
    pub today: NaiveDate,
    /// Requests the board has not decided, oldest request first.
    pub awaiting_decision: Vec<Sublet>,
    /// Approved sublets whose period ends within 30 days, soonest first.
    pub ending_soon: Vec<Sublet>,
    /// Approved sublets whose period is over but that were not closed.
    pub overdue: Vec<Sublet>,
    /// Approved sublets (not yet ended) whose period is longer than the association allows and
    /// that were not approved on special grounds (borettslagsloven § 5-6 (1)).
    pub too_long: Vec<Sublet>,
    /// Name-plate drafts not yet sent.
    pub plates_not_sent: Vec<PlateOrder>,
    /// Name-plate orders sent but not yet mounted.
    pub plates_not_mounted: Vec<PlateOrder>,
    /// Open residents' requests due within 7 days or overdue, soonest deadline first.
    pub requests_due: Vec<Request>,
    /// Records past their retention, due for deletion or anonymisation.
    pub retention_due: Vec<DueItem>,
    /// The privacy notice to issue again (or for the first time).
    pub notice_due: Option<NoticeDue>,
}

impl Overview {
    /// Is there nothing to do?
    pub fn is_clear(&self) -> bool {
        self.awaiting_decision.is_empty()
            && self.ending_soon.is_empty()
            && self.overdue.is_empty()
            && self.too_long.is_empty()
            && self.plates_not_sent.is_empty()
            && self.plates_not_mounted.is_empty()
            && self.requests_due.is_empty()
            && self.retention_due.is_empty()
            && self.notice_due.is_none()
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
    Retention(#[source] retention::Error),
    /// Comparing the privacy notice with its last edition failed.
    #[error("The overview could not compare the privacy notice with its last edition: {0}")]
    Notice(#[source] crate::privacy::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::Sublets(e) => e.code(),
            Error::Plates(e) => e.code(),
            Error::Requests(e) => e.code(),
            Error::Retention(e) => e.code(),
            Error::Notice(e) => e.code(),
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
        .iter()
        .filter(|s| {
            s.warnings
                .iter()
                .any(|w| matches!(w, Warning::Overdue { .. }))
        })
        .cloned()
        .collect();
    // A request that is too long is in `awaiting_decision` already, with its warning; what the
    // board approved and is still running is here. `assess` gives no warning for special grounds.
    let too_long: Vec<Sublet> = all
        .into_iter()
        .filter(|s| {
            matches!(s.status, Status::Approved | Status::Active)
                && s.warnings
                    .iter()
                    .any(|w| matches!(w, Warning::TooLong { .. }))
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
        too_long,
        plates_not_sent,
        plates_not_mounted: rest,
        requests_due: requests::needing_attention(conn, today).map_err(Error::Requests)?,
        retention_due: retention::due(conn, today).map_err(Error::Retention)?,
        notice_due: notice_due(conn, today)?,
    })
}

/// Whether the notice as it stands today differs from its last edition in the association's
/// language. Reads only; issuing is the board's act on the Privacy screen.
fn notice_due(conn: &Connection, today: NaiveDate) -> Result<Option<NoticeDue>, Error> {
    let lang = match association::get(conn) {
        Ok(a) => Lang::of_country(a.country),
        // An archive without an association has nothing to tell residents yet.
        Err(_) => return Ok(None),
    };
    let midnight = today.and_time(chrono::NaiveTime::MIN).and_utc();
    let current = notice::prepare(conn, lang, today, midnight).map_err(Error::Notice)?;
    if current.issued {
        return Ok(None);
    }
    let earlier_issued = notice::editions(conn)
        .map_err(Error::Notice)?
        .iter()
        .any(|e| e.language == lang.code());
    Ok(Some(NoticeDue {
        language: lang,
        version: current.version,
        earlier_issued,
    }))
}
