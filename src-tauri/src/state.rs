//! The app's state: the open archive (if any) with its autosave, and the user's preferences.
//!
//! Preferences (language, recently opened archives) live in a small JSON file in the user's
//! config folder. They hold paths and association names, nothing about residents.

use std::path::{Path, PathBuf};
use std::sync::atomic::AtomicBool;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use andel_core::vault::{Autosave, SaveState, Vault};
use serde::{Deserialize, Serialize};

/// How long edits must pause before an autosave, and the longest changes may wait.
const SAVE_QUIET: Duration = Duration::from_millis(1500);
const SAVE_LONGEST: Duration = Duration::from_secs(20);
const RECENT_KEPT: usize = 8;

/// An archive opened before, for the start screen.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, specta::Type)]
pub struct RecentArchive {
    pub path: String,
    pub association: String,
    /// RFC 3339.
    pub opened_at: String,
}

/// The user's preferences, kept outside any archive.
#[derive(Debug, Clone, Default, Serialize, Deserialize, specta::Type)]
pub struct Preferences {
    /// "da", "nb", "sv" or "en"; `None` follows the system.
    pub language: Option<String>,
    /// The board member's name for the audit trail, remembered from the last unlock.
    pub actor: Option<String>,
    pub recent: Vec<RecentArchive>,
}

/// An unlocked archive and its background saver.
pub struct Session {
    pub vault: Arc<Mutex<Vault>>,
    pub autosave: Autosave,
    pub save_state: Arc<Mutex<SaveState>>,
}

impl Session {
    pub fn start(vault: Vault, on_state: impl Fn(SaveState) + Send + Sync + 'static) -> Session {
        let vault = Arc::new(Mutex::new(vault));
        let save_state = Arc::new(Mutex::new(SaveState::Saved {
            at: crate::commands::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
        }));
        let shared = save_state.clone();
        let autosave = Autosave::start(
            vault.clone(),
            SAVE_QUIET,
            SAVE_LONGEST,
            Arc::new(crate::commands::now),
            move |state| {
                *lock(&shared) = state.clone();
                on_state(state);
            },
        );
        Session {
            vault,
            autosave,
            save_state,
        }
    }
}

/// Locks a mutex, recovering from a panic in another holder (the data stays consistent because
/// every change is a single SQLite statement or transaction).
pub fn lock<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Everything the commands share.
pub struct AppState {
    pub session: Mutex<Option<Session>>,
    /// The resident list the import wizard has read, kept between its steps.
    pub import: Mutex<Option<andel_core::register::import::Table>>,
    /// The cancel flag of the scan being read at import (one at a time: the import button is
    /// disabled meanwhile); a new import gets a new flag, so a late cancel cannot stop it.
    pub scan_cancel: Mutex<Arc<AtomicBool>>,
    pub prefs: Mutex<Preferences>,
    pub prefs_path: Option<PathBuf>,
    pub data_dir: Option<PathBuf>,
}

impl AppState {
    pub fn load() -> AppState {
        let prefs_path = dirs::config_dir().map(|d| d.join("andel").join("preferences.json"));
        let prefs = prefs_path
            .as_deref()
            .and_then(|p| std::fs::read_to_string(p).ok())
            .and_then(|t| serde_json::from_str(&t).ok())
            .unwrap_or_default();
        AppState {
            session: Mutex::new(None),
            import: Mutex::new(None),
            scan_cancel: Mutex::new(Arc::new(AtomicBool::new(false))),
            prefs: Mutex::new(prefs),
            prefs_path,
            data_dir: dirs::data_dir().map(|d| d.join("andel")),
        }
    }

    /// Writes the preferences; failing to remember them is not worth interrupting the user.
    pub fn save_prefs(&self) {
        let Some(path) = &self.prefs_path else { return };
        let prefs = lock(&self.prefs).clone();
        if let Some(dir) = path.parent() {
            let _ = std::fs::create_dir_all(dir);
        }
        if let Ok(text) = serde_json::to_string_pretty(&prefs) {
            let _ = std::fs::write(path, text);
        }
    }

    pub fn remember(&self, path: &Path, association: &str, actor: &str) {
        {
            let mut prefs = lock(&self.prefs);
            let path = path.to_string_lossy().into_owned();
            prefs.recent.retain(|r| r.path != path);
            prefs.recent.insert(
                0,
                RecentArchive {
                    path,
                    association: association.to_string(),
                    opened_at: crate::commands::now().to_rfc3339(),
                },
            );
            prefs.recent.truncate(RECENT_KEPT);
            prefs.actor = Some(actor.to_string());
        }
        self.save_prefs();
    }

    /// Saves what is pending and closes the archive. Returns the save failure, if any, after
    /// closing anyway only when the save succeeded.
    pub fn close_session(&self) -> Result<(), andel_core::vault::SaveError> {
        let mut slot = lock(&self.session);
        if let Some(session) = slot.as_ref() {
            session.autosave.flush()?;
        }
        *slot = None;
        // The wizard's list goes with the archive (after releasing the session: the import
        // commands take the list first, then the session).
        drop(slot);
        *lock(&self.import) = None;
        Ok(())
    }
}
