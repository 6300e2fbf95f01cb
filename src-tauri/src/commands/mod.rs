//! The IPC commands: one-line adapters from the UI onto andel-core, grouped by area.

pub mod app;
pub mod archive;
pub mod documents;
pub mod minutes;
pub mod privacy;
pub mod register;
pub mod requests;

/// What the commands read from the machine besides the archive: the clock and the documents
/// folder. The app uses the machine's own. The recorder of the UI's test responses
/// (`crate::recorded`) fixes both, so a recording made today is the same next year and names the
/// same folders on every machine.
#[derive(Debug, Clone)]
pub(crate) struct FixedMachine {
    pub now: chrono::DateTime<chrono::Utc>,
    pub documents: std::path::PathBuf,
    /// age's scrypt work factor for archives the commands create or save; `None` lets age choose
    /// (about a second per save, too slow for recording dozens of steps).
    pub scrypt_work_factor: Option<u8>,
}

static FIXED: std::sync::RwLock<Option<FixedMachine>> = std::sync::RwLock::new(None);

pub(crate) fn fixed_machine() -> Option<FixedMachine> {
    FIXED.read().unwrap_or_else(|p| p.into_inner()).clone()
}

#[cfg(test)]
pub(crate) fn fix_machine(fixed: Option<FixedMachine>) {
    *FIXED.write().unwrap_or_else(|p| p.into_inner()) = fixed;
}

/// The scrypt work factor for new and re-saved archives: age's own choice, except when recording.
pub(crate) fn scrypt_work_factor() -> Option<u8> {
    fixed_machine().and_then(|f| f.scrypt_work_factor)
}

/// The board's "today": the local calendar day. Commands read the clock here and pass it to
/// andel-core, which never reads it.
pub(crate) fn today() -> chrono::NaiveDate {
    match fixed_machine() {
        Some(fixed) => fixed.now.date_naive(),
        None => chrono::Local::now().date_naive(),
    }
}

/// The current time, for audit entries and document dates.
pub(crate) fn now() -> chrono::DateTime<chrono::Utc> {
    match fixed_machine() {
        Some(fixed) => fixed.now,
        None => chrono::Utc::now(),
    }
}
