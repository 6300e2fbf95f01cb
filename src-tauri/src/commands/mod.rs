//! The IPC commands: one-line adapters from the UI onto andel-core, grouped by area.

pub mod app;
pub mod archive;
pub mod documents;
pub mod minutes;
pub mod privacy;
pub mod register;
pub mod requests;

/// The board's "today": the local calendar day. Commands read the clock here and pass it to
/// andel-core, which never reads it.
pub(crate) fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The current time, for audit entries and document dates.
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    chrono::Utc::now()
}
