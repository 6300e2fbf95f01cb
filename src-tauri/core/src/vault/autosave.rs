//! Debounced saving off the caller's thread.
//!
//! The UI marks the archive changed after every edit; a background thread waits until edits
//! pause (or a longest wait passes), takes a snapshot under the lock, and encrypts and writes it
//! without holding the lock, so the window never waits for scrypt or the disk. Lock and quit
//! call [`Autosave::flush`], which returns only when everything is on disk.

use std::sync::mpsc::{self, RecvTimeoutError};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use chrono::{DateTime, SecondsFormat, Utc};
use serde::{Deserialize, Serialize};

use super::{Error, Vault};
use crate::{Coded, ErrorCode};

/// Where saving stands, for the save indicator.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SaveState {
    /// Everything is on disk; `at` is RFC 3339.
    Saved { at: String },
    /// Changes wait for a pause in editing.
    Pending,
    /// A save is being written.
    Saving,
    /// The last save failed; the archive on disk is unchanged.
    Failed { code: ErrorCode, message: String },
}

/// Why the autosave could not put the changes on disk. The save's error is kept as the UI shows
/// it (code and message), since one failure goes to every waiter and the vault's error, which may
/// hold an I/O error, cannot be copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SaveError {
    /// The save failed; after a conflict every save fails until the user has dealt with it.
    #[error("{message}")]
    Failed { code: ErrorCode, message: String },
    /// The autosave thread has stopped.
    #[error("the autosave thread has stopped")]
    Stopped,
}

impl Coded for SaveError {
    fn code(&self) -> ErrorCode {
        match self {
            SaveError::Failed { code, .. } => *code,
            SaveError::Stopped => ErrorCode::Internal,
        }
    }
}

enum Msg {
    Changed,
    Flush(mpsc::Sender<Result<(), SaveError>>),
    Stop,
}

/// A clock, so tests and the app can agree on "now".
pub type Clock = Arc<dyn Fn() -> DateTime<Utc> + Send + Sync>;

/// The background saver of one open archive.
pub struct Autosave {
    tx: mpsc::Sender<Msg>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Autosave {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Autosave").finish_non_exhaustive()
    }
}

fn lock(vault: &Mutex<Vault>) -> MutexGuard<'_, Vault> {
    vault
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

struct Saver {
    vault: Arc<Mutex<Vault>>,
    clock: Clock,
    on_state: Box<dyn Fn(SaveState) + Send>,
    /// After a conflict, saving stops until the user has dealt with it.
    conflict: Option<SaveError>,
}

impl Saver {
    fn save(&mut self) -> Result<(), SaveError> {
        if let Some(c) = &self.conflict {
            return Err(c.clone());
        }
        (self.on_state)(SaveState::Saving);
        let snapshot = lock(&self.vault).snapshot();
        let result = snapshot.and_then(|s| s.write((self.clock)()));
        match result {
            Ok(saved) => {
                lock(&self.vault).saved(saved);
                let at = (self.clock)().to_rfc3339_opts(SecondsFormat::Secs, true);
                (self.on_state)(SaveState::Saved { at });
                Ok(())
            }
            Err(e) => {
                let failure = SaveError::Failed {
                    code: e.code(),
                    message: e.to_string(),
                };
                lock(&self.vault).note_save_error(&e);
                if matches!(e, Error::ChangedOnDisk { .. }) {
                    self.conflict = Some(failure.clone());
                }
                (self.on_state)(SaveState::Failed {
                    code: e.code(),
                    message: e.to_string(),
                });
                Err(failure)
            }
        }
    }
}

impl Autosave {
    /// Starts the saver. `quiet` is the pause in editing that triggers a save; `longest` bounds
    /// how long changes may wait while editing goes on.
    pub fn start(
        vault: Arc<Mutex<Vault>>,
        quiet: Duration,
        longest: Duration,
        clock: Clock,
        on_state: impl Fn(SaveState) + Send + 'static,
    ) -> Autosave {
        let (tx, rx) = mpsc::channel::<Msg>();
        let mut saver = Saver {
            vault,
            clock,
            on_state: Box::new(on_state),
            conflict: None,
        };
        let thread = std::thread::Builder::new()
            .name("andel-autosave".into())
            .spawn(move || {
                let mut pending_since: Option<Instant> = None;
                loop {
                    let msg = match pending_since {
                        None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                        Some(since) => {
                            let wait = quiet.min(longest.saturating_sub(since.elapsed()));
                            rx.recv_timeout(wait)
                        }
                    };
                    match msg {
                        Ok(Msg::Changed) => {
                            if pending_since.is_none() {
                                pending_since = Some(Instant::now());
                                (saver.on_state)(SaveState::Pending);
                            }
                        }
                        Ok(Msg::Flush(reply)) => {
                            let result = if pending_since.is_some() || saver.conflict.is_some() {
                                saver.save()
                            } else {
                                Ok(())
                            };
                            pending_since = None;
                            let _ = reply.send(result);
                        }
                        Err(RecvTimeoutError::Timeout) => {
                            // A failed save is retried at the next change or flush.
                            let _ = saver.save();
                            pending_since = None;
                        }
                        Ok(Msg::Stop) | Err(RecvTimeoutError::Disconnected) => {
                            if pending_since.is_some() {
                                let _ = saver.save();
                            }
                            break;
                        }
                    }
                }
            })
            .ok();
        Autosave { tx, thread }
    }

    /// Notes that the archive changed.
    pub fn changed(&self) {
        let _ = self.tx.send(Msg::Changed);
    }

    /// Saves any pending change now and waits until it is on disk.
    pub fn flush(&self) -> Result<(), SaveError> {
        let (reply_tx, reply_rx) = mpsc::channel();
        self.tx
            .send(Msg::Flush(reply_tx))
            .map_err(|_| SaveError::Stopped)?;
        reply_rx.recv().map_err(|_| SaveError::Stopped)?
    }
}

impl Drop for Autosave {
    fn drop(&mut self) {
        let _ = self.tx.send(Msg::Stop);
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}
