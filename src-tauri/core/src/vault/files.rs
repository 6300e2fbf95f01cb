//! The file-system side of saving an archive: its fingerprint, rotating backups, conflict copies
//! and leftovers of interrupted saves. The pieces every file write shares (the temporary file,
//! the placing, the folder sync) are in [`crate::files`].
//!
//! The sequence guarantees that the archive's path always names a whole file, the old one or
//! the new one: the new bytes are written and synced under a temporary name in the same folder,
//! then renamed over the old file (atomic on every supported file system), then the folder is
//! synced so the rename itself survives a power cut.

use std::fs::{self, File};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::Error;
use crate::files::{
    file_name, folder_of, host_for_name, host_name, place_new, process_alive, write_temp, TEMP_MARK,
};

/// How many encrypted backups of earlier versions are kept beside an archive.
pub const BACKUPS_KEPT: usize = 10;

/// The name, after the archive's, of the lock held only while a save puts its file in place
/// (`lock::Lock::for_saving`); here because the clean-up of leftovers must know it too.
pub(crate) const SAVING_MARK: &str = ".andel-saving";

/// What the file on disk looked like when we last read or wrote it.
///
/// Every age encryption starts with fresh randomness (a new file key, ephemeral share or salt,
/// and payload nonce), so the first bytes of the file differ between any two saves; with the
/// length and the last bytes they identify a version without reading 50 MB.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Fingerprint {
    len: u64,
    modified: Option<SystemTime>,
    ends: [u8; 32],
}

/// How many bytes at each end of the file the fingerprint covers (the header is much smaller).
pub(crate) const FINGERPRINT_SPAN: usize = 64 * 1024;

impl Fingerprint {
    /// Reads the fingerprint of the file at `path`, with its first bytes for the caller.
    pub(crate) fn read(path: &Path) -> io::Result<(Fingerprint, Vec<u8>)> {
        let mut file = File::open(path)?;
        let meta = file.metadata()?;
        let len = meta.len();
        let mut head = vec![0u8; (len as usize).min(FINGERPRINT_SPAN)];
        file.read_exact(&mut head)?;
        let mut hasher = Sha256::new();
        hasher.update(len.to_le_bytes());
        hasher.update(&head);
        if len as usize > FINGERPRINT_SPAN {
            let tail_len = (len as usize - FINGERPRINT_SPAN).min(FINGERPRINT_SPAN);
            let mut tail = vec![0u8; tail_len];
            file.seek(SeekFrom::End(-(tail_len as i64)))?;
            file.read_exact(&mut tail)?;
            hasher.update(&tail);
        }
        let fingerprint = Fingerprint {
            len,
            modified: meta.modified().ok(),
            ends: hasher.finalize().into(),
        };
        Ok((fingerprint, head))
    }
}

/// Whether the file at `path` is still the one described by `expected`.
pub(crate) fn unchanged_since(path: &Path, expected: &Fingerprint) -> io::Result<bool> {
    match Fingerprint::read(path) {
        Ok((now, _)) => Ok(now.len == expected.len && now.ends == expected.ends),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(false),
        Err(e) => Err(e),
    }
}

/// SHA-256 of a whole file, hex: the fingerprint people compare (`sha256sum` prints the same).
pub fn sha256_file(path: &Path) -> io::Result<String> {
    let mut hasher = Sha256::new();
    let mut file = File::open(path)?;
    let mut buf = vec![0u8; 1 << 20];
    loop {
        let n = file.read(&mut buf)?;
        if n == 0 {
            break;
        }
        hasher.update(&buf[..n]);
    }
    Ok(hex::encode(hasher.finalize()))
}

/// A temporary file someone else's save may still be writing counts as left behind after this
/// long (the same rule as for another computer's lock).
const TEMP_STALE_AFTER: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Whether a temporary file (its name after the mark) is provably left behind: written by a
/// process of this computer that is gone, or untouched for a day.
fn temp_is_stale(rest: &str, modified: Option<SystemTime>) -> bool {
    // rest = "<host>-<pid>-<nanos>-<counter>"
    let fields: Vec<&str> = rest.rsplitn(4, '-').collect();
    if let [_, _, pid, host] = fields.as_slice() {
        if *host == host_for_name(&host_name()) {
            if let Ok(pid) = pid.parse::<u32>() {
                return pid != std::process::id() && !process_alive(pid);
            }
        }
    }
    modified
        .and_then(|m| SystemTime::now().duration_since(m).ok())
        .is_some_and(|age| age > TEMP_STALE_AFTER)
}

/// Removes temporary files that interrupted saves of this archive (and of its lock) left
/// behind: only those provably left behind, never one a live writer, here or on another
/// computer sharing the folder, may still be filling.
pub(crate) fn remove_leftovers(path: &Path) -> io::Result<usize> {
    let archive = format!(".{}{}", file_name(path), TEMP_MARK);
    let lock = format!(".{}.lock{}", file_name(path), TEMP_MARK);
    let saving = format!("..{}{}{}", file_name(path), SAVING_MARK, TEMP_MARK);
    let mut removed = 0;
    for entry in fs::read_dir(folder_of(path))? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let Some(rest) = name
            .strip_prefix(&archive)
            .or_else(|| name.strip_prefix(&lock))
            .or_else(|| name.strip_prefix(&saving))
        else {
            continue;
        };
        let modified = entry.metadata().ok().and_then(|m| m.modified().ok());
        if temp_is_stale(rest, modified) {
            match fs::remove_file(entry.path()) {
                Ok(()) => removed += 1,
                Err(e) if e.kind() == io::ErrorKind::NotFound => {}
                Err(e) => return Err(e),
            }
        }
    }
    Ok(removed)
}

/// The folder holding the encrypted backups of `path`.
pub fn backups_folder(path: &Path) -> PathBuf {
    folder_of(path).join(format!("{}.backups", file_name(path)))
}

/// Keeps the file now at `path` as an encrypted backup (a hard link where the file system has
/// them, so it costs nothing; a copy otherwise) and drops the oldest beyond [`BACKUPS_KEPT`].
///
/// A backup never takes the name of an existing file, and a copy is made under a temporary name
/// and put in place whole: writing into an existing name could write into the live archive when
/// that name is a hard link to it.
pub(crate) fn keep_backup(path: &Path, now: DateTime<Utc>, why: &str) -> io::Result<PathBuf> {
    let folder = backups_folder(path);
    fs::create_dir_all(&folder)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive".into());
    let stamp = now.format("%Y%m%dT%H%M%S%.3fZ");
    let mut copy: Option<PathBuf> = None;
    let mut result = Err(io::Error::other("no free backup name"));
    for n in 0..1000 {
        let target = if n == 0 {
            folder.join(format!("{stem}-{stamp}{why}.andel"))
        } else {
            folder.join(format!("{stem}-{stamp}{why}-{n}.andel"))
        };
        if copy.is_none() {
            match fs::hard_link(path, &target) {
                Ok(()) => {
                    result = Ok(target);
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(_) => {}
            }
            copy = Some(write_temp(&target, |mut w| {
                io::copy(&mut File::open(path)?, &mut w)?;
                Ok(w)
            })?);
        }
        if let Some(temp) = &copy {
            match place_new(temp, &target) {
                Ok(()) => {
                    copy = None;
                    result = Ok(target);
                    break;
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
                Err(e) => {
                    result = Err(e);
                    break;
                }
            }
        }
    }
    if let Some(temp) = copy {
        let _ = fs::remove_file(temp);
    }
    let target = result?;
    rotate_backups(&folder)?;
    Ok(target)
}

fn rotate_backups(folder: &Path) -> io::Result<()> {
    // Names carry the time, so sorting by name sorts oldest first.
    let mut backups: Vec<PathBuf> = fs::read_dir(folder)?
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "andel"))
        .collect();
    backups.sort();
    let excess = backups.len().saturating_sub(BACKUPS_KEPT);
    for old in backups.into_iter().take(excess) {
        match fs::remove_file(old) {
            Ok(()) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

/// Keeps our finished version `temp` as a conflict copy next to `path` when the file on disk
/// changed under us. The copy never replaces anything (two conflicts in one second get two
/// copies); the returned path names it.
pub(crate) fn keep_conflict_copy(
    temp: &Path,
    path: &Path,
    now: DateTime<Utc>,
    host: &str,
) -> io::Result<PathBuf> {
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive".into());
    let host: String = host
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .collect();
    let stamp = now.format("%Y-%m-%d %H%M%S");
    for n in 1..1000 {
        let copy = if n == 1 {
            folder_of(path).join(format!("{stem} (conflict {stamp} {host}).andel"))
        } else {
            folder_of(path).join(format!("{stem} (conflict {stamp} {host} {n}).andel"))
        };
        match place_new(temp, &copy) {
            Ok(()) => return Ok(copy),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other("no free name for a conflict copy"))
}

/// Turns an I/O failure while writing into the error the user can act on (the same reading of
/// the failure as every other file write's, [`crate::files::write_error`]).
pub(crate) fn write_error(path: &Path, e: io::Error) -> Error {
    crate::files::write_error(path, e).into()
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    #[test]
    fn io_errors_become_actionable_errors() {
        let p = Path::new("/x/a.andel");
        assert!(matches!(
            write_error(p, io::Error::from_raw_os_error(28)),
            Error::DiskFull { .. }
        ));
        assert!(matches!(
            write_error(p, io::Error::from(io::ErrorKind::PermissionDenied)),
            Error::NotWritable { .. }
        ));
        assert!(matches!(
            write_error(p, io::Error::from_raw_os_error(30)),
            Error::NotWritable { .. }
        ));
    }

    #[test]
    fn backups_rotate_to_the_last_ten() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.andel");
        let start: DateTime<Utc> = "2026-01-01T00:00:00Z".parse().unwrap();
        for i in 0..13 {
            // Saves replace the file by rename, never in place (backups may be hard links).
            let temp = write_temp(&path, |mut w| {
                w.write_all(format!("version {i}").as_bytes())?;
                Ok(w)
            })
            .unwrap();
            fs::rename(temp, &path).unwrap();
            keep_backup(&path, start + chrono::Duration::minutes(i), "").unwrap();
        }
        let mut names: Vec<_> = fs::read_dir(backups_folder(&path))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        names.sort();
        assert_eq!(names.len(), BACKUPS_KEPT);
        assert_eq!(fs::read_to_string(&names[0]).unwrap(), "version 3");
        assert_eq!(fs::read_to_string(&names[9]).unwrap(), "version 12");
    }
}
