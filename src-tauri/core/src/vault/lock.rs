//! The lock file beside an archive: tells a second opener, also on another computer through a
//! synced folder, that the archive is open. It names the board member's account and computer,
//! never anything about residents.
//!
//! The lock is taken atomically: its whole content is written to a temporary file first and
//! then hard-linked to the lock's name, which fails when anything (a file, a planted symlink) is
//! already there. So two openers can never both believe they hold it, a reader never sees half a
//! lock, and nothing is ever written through a symlink. A lock that is provably left behind (a
//! dead process on this computer, or older than a day) is moved aside by rename and removed only
//! if it is still the very lock that was judged stale; a fresh lock moved aside by mistake in a
//! race is put back.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};

use super::files::{self, SAVING_MARK};
use super::Error;

/// A lock from another computer older than this is taken as left behind by a crash.
const STALE_AFTER_HOURS: i64 = 24;

/// A lock file that cannot be read as a lock (written by a file system without hard links and
/// caught half-written, or not Andel's at all) counts as held for this long after it changed.
const UNREADABLE_GRACE_SECS: u64 = 30;

/// How long a save waits for another save of the same archive to finish.
const SAVING_WAIT: std::time::Duration = std::time::Duration::from_secs(60);

/// How often taking the lock retries after moving a stale one aside.
const ATTEMPTS: usize = 12;

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

/// What the lock file holds: the holder and a random token, so that a process that opens the
/// same archive twice tells its two locks apart.
#[derive(Serialize)]
struct LockFile<'a> {
    #[serde(flatten)]
    holder: &'a LockHolder,
    token: String,
}

impl LockHolder {
    /// This process, now.
    pub fn current(now: DateTime<Utc>) -> LockHolder {
        LockHolder {
            user: std::env::var("USER")
                .or_else(|_| std::env::var("USERNAME"))
                .unwrap_or_else(|_| "unknown".into()),
            host: crate::files::host_name(),
            pid: std::process::id(),
            since: now.to_rfc3339(),
        }
    }

    fn is_same_process(&self, other: &LockHolder) -> bool {
        self.host == other.host && self.pid == other.pid
    }

    /// Whether the holder is surely gone: a dead process on this computer, or an old lock.
    fn is_stale(&self, me: &LockHolder, now: DateTime<Utc>) -> bool {
        if self.host == me.host && !crate::files::process_alive(self.pid) {
            return true;
        }
        match DateTime::parse_from_rfc3339(&self.since) {
            Ok(since) => now.signed_duration_since(since) > Duration::hours(STALE_AFTER_HOURS),
            Err(_) => true,
        }
    }
}

/// The lock path of an archive.
pub fn lock_path(archive: &Path) -> PathBuf {
    let mut name = archive.file_name().unwrap_or_default().to_os_string();
    name.push(".lock");
    archive.with_file_name(name)
}

/// What is at the lock's path.
struct Found {
    /// The raw bytes, to recognise the same lock again; `None` for anything but a regular file.
    bytes: Option<Vec<u8>>,
    holder: Option<LockHolder>,
    modified: Option<SystemTime>,
}

/// Reads whatever is at `path` without following a symlink; `None` when nothing is there.
fn look(path: &Path) -> io::Result<Option<Found>> {
    let meta = match fs::symlink_metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let modified = meta.modified().ok();
    if !meta.file_type().is_file() {
        return Ok(Some(Found {
            bytes: None,
            holder: None,
            modified,
        }));
    }
    let bytes = match read_small(path) {
        Ok(b) => b,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(e),
    };
    let holder = serde_json::from_slice::<LockHolder>(&bytes).ok();
    Ok(Some(Found {
        bytes: Some(bytes),
        holder,
        modified,
    }))
}

/// A lock file is a few hundred bytes; more is not a lock and is not read whole.
fn read_small(path: &Path) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    File::open(path)?.take(16 * 1024).read_to_end(&mut bytes)?;
    Ok(bytes)
}

impl Found {
    /// Whether this lock may be taken from its holder without asking.
    fn is_stale(&self, me: &LockHolder, now: DateTime<Utc>) -> bool {
        match &self.holder {
            Some(h) => h.is_stale(me, now),
            None => self
                .modified
                .and_then(|m| SystemTime::now().duration_since(m).ok())
                .is_none_or(|age| age.as_secs() > UNREADABLE_GRACE_SECS),
        }
    }

    /// The holder to name in "in use" messages.
    fn holder_or_unknown(&self) -> LockHolder {
        self.holder.clone().unwrap_or_else(|| LockHolder {
            user: "someone".into(),
            host: "an unknown computer".into(),
            pid: 0,
            since: self
                .modified
                .map(|m| DateTime::<Utc>::from(m).to_rfc3339())
                .unwrap_or_else(|| "a moment ago".into()),
        })
    }
}

/// Reads the current holder of an archive's lock, if any still counts.
pub fn holder(archive: &Path, now: DateTime<Utc>) -> Option<LockHolder> {
    let archive = crate::files::resolve(archive).unwrap_or_else(|_| archive.to_path_buf());
    let found = look(&lock_path(&archive)).ok()??;
    let holder = found.holder?;
    let me = LockHolder::current(now);
    (!holder.is_stale(&me, now) && !holder.is_same_process(&me)).then_some(holder)
}

/// A held lock; dropping it removes the lock file if it is still ours.
#[derive(Debug)]
pub(crate) struct Lock {
    path: PathBuf,
    /// Exactly what we wrote: the lock is ours only while the file holds these bytes.
    bytes: Vec<u8>,
}

fn lock_io(path: &Path) -> impl Fn(io::Error) -> Error + '_ {
    move |e| match files::write_error(path, e) {
        Error::Io { source, .. } => Error::Io {
            op: "take the lock",
            path: path.to_path_buf(),
            source,
        },
        other => other,
    }
}

impl Lock {
    /// Takes the lock of the archive at `archive` (its real path, symlinks resolved). A live
    /// holder elsewhere is an error unless `take_over` is set.
    pub(crate) fn acquire(
        archive: &Path,
        take_over: bool,
        now: DateTime<Utc>,
    ) -> Result<Lock, Error> {
        Lock::acquire_file(lock_path(archive), take_over, now)
    }

    /// Holds the short lock that makes "check the file on disk is unchanged, keep a backup,
    /// rename the new file into place" one step, so that two writers on this computer (one of
    /// them opened with "open anyway") can never both pass the check and the later rename
    /// silently undo the earlier save. Waits while another save holds it; one left by a crash is
    /// stale like the archive's lock.
    pub(crate) fn for_saving(archive: &Path, now: DateTime<Utc>) -> Result<Lock, Error> {
        let path = crate::files::folder_of(archive).join(format!(
            ".{}{}",
            archive.file_name().unwrap_or_default().to_string_lossy(),
            SAVING_MARK
        ));
        let started = std::time::Instant::now();
        loop {
            match Lock::acquire_file(path.clone(), false, now) {
                Err(Error::InUse(holder)) => {
                    if started.elapsed() > SAVING_WAIT {
                        return Err(Error::InUse(holder));
                    }
                    std::thread::sleep(std::time::Duration::from_millis(10));
                }
                other => return other,
            }
        }
    }

    fn acquire_file(path: PathBuf, take_over: bool, now: DateTime<Utc>) -> Result<Lock, Error> {
        let me = LockHolder::current(now);
        let bytes = serde_json::to_vec_pretty(&LockFile {
            holder: &me,
            token: crate::files::nonce(),
        })
        .map_err(|e| lock_io(&path)(io::Error::other(e)))?;
        for _ in 0..ATTEMPTS {
            match create_whole(&path, &bytes) {
                Ok(()) => return Ok(Lock { path, bytes }),
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
                Err(e) => return Err(lock_io(&path)(e)),
            }
            let Some(found) = look(&path).map_err(lock_io(&path))? else {
                continue;
            };
            let ours_before = found
                .holder
                .as_ref()
                .is_some_and(|h| h.is_same_process(&me));
            if !(take_over || ours_before || found.is_stale(&me, now)) {
                return Err(Error::InUse(found.holder_or_unknown()));
            }
            move_aside(&path, &found).map_err(lock_io(&path))?;
        }
        // Only a storm of other openers breaking locks at once gets here.
        Err(Error::InUse(
            look(&path)
                .ok()
                .flatten()
                .map(|f| f.holder_or_unknown())
                .unwrap_or_else(|| me.clone()),
        ))
    }

    /// Whether the lock file still holds exactly what we wrote (nobody took it over).
    pub(crate) fn still_ours(&self) -> bool {
        fs::symlink_metadata(&self.path).is_ok_and(|m| m.file_type().is_file())
            && read_small(&self.path).is_ok_and(|b| b == self.bytes)
    }
}

/// Puts `bytes` at `path` whole, only if nothing is there, never through a symlink.
fn create_whole(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let temp = crate::files::write_temp(path, |mut w| {
        w.write_all(bytes)?;
        Ok(w)
    })?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        // A file system without hard links (some USB sticks, some network shares): create the
        // file exclusively (O_EXCL does not follow symlinks either) and fill it; a reader that
        // catches it half-written sees an unreadable lock and waits out its grace period.
        Err(_) => {
            let mut options = OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            let mut file = options.open(path)?;
            file.write_all(bytes)?;
            file.sync_all()
        }
    }
}

/// Removes the stale `found` from `path` by renaming it aside first. If what was renamed is not
/// `found` (someone replaced it meanwhile), it is put back unless yet another lock took its
/// place.
fn move_aside(path: &Path, found: &Found) -> io::Result<()> {
    let aside = crate::files::folder_of(path).join(format!(
        ".{}.andel-stale-{}",
        path.file_name().unwrap_or_default().to_string_lossy(),
        crate::files::nonce()
    ));
    match fs::rename(path, &aside) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(e),
    }
    let moved = look(&aside)?;
    let same = moved
        .as_ref()
        .is_some_and(|m| match (&m.bytes, &found.bytes) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        });
    if !same {
        // A live lock taken between our look and our rename: give it back. If the place is
        // taken again already, the newest lock stands.
        if fs::hard_link(&aside, path).is_err() && !path.exists() {
            let _ = fs::rename(&aside, path);
        }
    }
    let _ = fs::remove_file(&aside);
    Ok(())
}

impl Drop for Lock {
    fn drop(&mut self) {
        if self.still_ours() {
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

    #[test]
    fn the_second_of_two_locks_in_one_process_is_refused_only_elsewhere() {
        // Issue 12: the lock was read-then-write, so two openers could both hold it. Here the
        // second acquire in another "process" sees the first.
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.andel");
        let first = Lock::acquire(&archive, false, now()).unwrap();
        // Pretend the first belongs to a live process on another computer.
        let elsewhere = LockHolder {
            host: "another-laptop".into(),
            ..LockHolder::current(now())
        };
        fs::remove_file(lock_path(&archive)).unwrap();
        fs::write(
            lock_path(&archive),
            serde_json::to_string(&elsewhere).unwrap(),
        )
        .unwrap();
        assert!(!first.still_ours());
        assert!(matches!(
            Lock::acquire(&archive, false, now()),
            Err(Error::InUse(h)) if h == elsewhere
        ));
        // Dropping a lock that is no longer ours leaves the other's in place.
        drop(first);
        assert!(lock_path(&archive).exists());
        // Taking over replaces it, and the replaced holder's lock is gone.
        let taken = Lock::acquire(&archive, true, now()).unwrap();
        assert!(taken.still_ours());
    }

    #[test]
    fn reopening_in_the_same_process_keeps_the_newer_lock() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.andel");
        let old = Lock::acquire(&archive, false, now()).unwrap();
        let new = Lock::acquire(&archive, false, now()).unwrap();
        drop(old);
        assert!(new.still_ours(), "the old lock's drop removed the new one");
        drop(new);
        assert!(!lock_path(&archive).exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_never_written_through() {
        // Issue 12: the lock file followed a planted symlink and overwrote its target.
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.andel");
        let victim = dir.path().join("victim.txt");
        fs::write(&victim, "precious").unwrap();
        std::os::unix::fs::symlink(&victim, lock_path(&archive)).unwrap();
        // Planted just now: treated as someone's lock being written, so refused at first.
        assert!(matches!(
            Lock::acquire(&archive, false, now()),
            Err(Error::InUse(_))
        ));
        // Taking over moves the symlink aside; the target is untouched either way.
        let lock = Lock::acquire(&archive, true, now()).unwrap();
        assert!(fs::symlink_metadata(lock_path(&archive))
            .unwrap()
            .file_type()
            .is_file());
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
        drop(lock);
        assert_eq!(fs::read_to_string(&victim).unwrap(), "precious");
    }

    #[test]
    fn a_half_written_lock_is_respected_then_stale() {
        let dir = tempfile::tempdir().unwrap();
        let archive = dir.path().join("a.andel");
        fs::write(lock_path(&archive), "{\"user\": \"kass").unwrap();
        assert!(matches!(
            Lock::acquire(&archive, false, now()),
            Err(Error::InUse(_))
        ));
        let old = SystemTime::now() - std::time::Duration::from_secs(UNREADABLE_GRACE_SECS + 5);
        File::options()
            .write(true)
            .open(lock_path(&archive))
            .unwrap()
            .set_modified(old)
            .unwrap();
        let lock = Lock::acquire(&archive, false, now()).unwrap();
        assert!(lock.still_ours());
    }
}
