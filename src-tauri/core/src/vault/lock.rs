//! The lock file beside an archive: tells a second opener, also on another computer through a
//! synced folder, that the archive is open. It names the board member's account and computer,
//! never anything about residents.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::Error;

/// A lock from another computer older than this is taken as left behind by a crash.
const STALE_AFTER_HOURS: i64 = 24;

/// Who holds an archive open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct LockHolder {
    pub user: String,
    pub host: String,
    pub pid: u32,
    /// RFC 3339 time the archive was opened.
    pub since: String,
}

impl LockHolder {
    /// This process, now.
    pub fn current(now: DateTime<Utc>) -> LockHolder {
        LockHolder {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "unknown".into()),
            host: gethostname::gethostname().to_string_lossy().into_owned(),
            pid: std::process::id(),
            since: now.to_rfc3339(),
        }
    }

    fn is_same_process(&self, other: &LockHolder) -> bool {
        self.host == other.host && self.pid == other.pid
    }

    /// Whether the holder is surely gone: a dead process on this computer, or an old lock.
    fn is_stale(&self, me: &LockHolder, now: DateTime<Utc>) -> bool {
        if self.host == me.host && !process_alive(self.pid) {
            return true;
        }
        match DateTime::parse_from_rfc3339(&self.since) {
            Ok(since) => now.signed_duration_since(since) > Duration::hours(STALE_AFTER_HOURS),
            Err(_) => true,
        }
    }
}

fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a portable check, only age makes a lock stale.
        true
    }
}

/// The lock path of an archive.
pub fn lock_path(archive: &Path) -> PathBuf {
    let mut name = archive.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    archive.with_file_name(name)
}

/// Reads the current holder of an archive's lock, if any still counts.
pub fn holder(archive: &Path, now: DateTime<Utc>) -> Option<LockHolder> {
    let text = fs::read_to_string(lock_path(archive)).ok()?;
    let holder: LockHolder = serde_json::from_str(&text).ok()?;
    let me = LockHolder::current(now);
    (!holder.is_stale(&me, now) && !holder.is_same_process(&me)).then_some(holder)
}

/// A held lock; dropping it removes the lock file if it is still ours.
#[derive(Debug)]
pub(crate) struct Lock {
    path: PathBuf,
    me: LockHolder,
}

impl Lock {
    /// Takes the lock. A live holder elsewhere is an error unless `take_over` is set.
    pub(crate) fn acquire(
        archive: &Path,
        take_over: bool,
        now: DateTime<Utc>,
    ) -> Result<Lock, Error> {
        if let Some(other) = holder(archive, now) {
            if !take_over {
                return Err(Error::InUse(other));
            }
        }
        let me = LockHolder::current(now);
        let path = lock_path(archive);
        let text = serde_json::to_string_pretty(&me).map_err(|e| Error::Io {
            op: "writing the lock file",
            path: path.clone(),
            source: std::io::Error::other(e),
        })?;
        fs::write(&path, text).map_err(|e| super::files::write_error(&path, e))?;
        Ok(Lock { path, me })
    }
}

impl Drop for Lock {
    fn drop(&mut self) {
        let still_ours = fs::read_to_string(&self.path)
            .ok()
            .and_then(|t| serde_json::from_str::<LockHolder>(&t).ok())
            .is_some_and(|h| h.is_same_process(&self.me));
        if still_ours {
            let _ = fs::remove_file(&self.path);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2026-05-01T12:00:00Z".parse().unwrap()
    }

    #[test]
    fn a_live_lock_elsewhere_is_reported_and_a_stale_one_is_not() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.andel");
        let other = LockHolder {
            user: "kasserer".into(),
            host: "another-laptop".into(),
            pid: 1,
            since: (now() - Duration::hours(1)).to_rfc3339(),
        };
        fs::write(lock_path(&archive), serde_json::to_string(&other).unwrap()).unwrap();
        assert_eq!(holder(&archive, now()), Some(other.clone()));
        assert!(matches!(
            Lock::acquire(&archive, false, now()),
            Err(Error::InUse(_))
        ));
        // A day later the same lock is stale.
        assert_eq!(holder(&archive, now() + Duration::hours(30)), None);
        // Same computer, dead process: stale at once.
        let dead = LockHolder {
            host: LockHolder::current(now()).host,
            pid: u32::MAX - 1,
            ..other
        };
        fs::write(lock_path(&archive), serde_json::to_string(&dead).unwrap()).unwrap();
        assert_eq!(holder(&archive, now()), None);
        let lock = Lock::acquire(&archive, false, now()).unwrap();
        assert!(lock_path(&archive).exists());
        drop(lock);
        assert!(!lock_path(&archive).exists());
    }
}
