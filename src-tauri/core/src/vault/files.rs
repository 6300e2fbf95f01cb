//! The file-system side of saving: temp file, fsync, rotating backups, conflict copies and
//! leftovers of interrupted saves.
//!
//! The sequence guarantees that the archive's path always names a whole file, the old one or
//! the new one: the new bytes are written and synced under a temporary name in the same folder,
//! then renamed over the old file (atomic on every supported file system), then the folder is
//! synced so the rename itself survives a power cut.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

use super::Error;

/// How many encrypted backups of earlier versions are kept beside an archive.
pub const BACKUPS_KEPT: usize = 10;

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

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive.andel".to_string())
}

pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

const TEMP_MARK: &str = ".andel-tmp-";

/// Creates a new temporary file beside `path`, readable only by its owner, lets `fill` write
/// it, and syncs it to disk. On failure nothing is left behind.
pub(crate) fn write_temp(
    path: &Path,
    fill: impl FnOnce(io::BufWriter<File>) -> io::Result<io::BufWriter<File>>,
) -> io::Result<PathBuf> {
    let nonce = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    let temp = folder_of(path).join(format!(
        ".{}{}{}-{}",
        file_name(path),
        TEMP_MARK,
        std::process::id(),
        nonce
    ));
    let result = (|| {
        let mut options = OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let file = options.open(&temp)?;
        let writer = fill(io::BufWriter::with_capacity(1 << 20, file))?;
        let file = writer.into_inner().map_err(|e| e.into_error())?;
        file.sync_all()
    })();
    match result {
        Ok(()) => Ok(temp),
        Err(e) => {
            let _ = fs::remove_file(&temp);
            Err(e)
        }
    }
}

/// Removes temporary files that an interrupted save of this archive left behind.
///
/// Called only while we hold the archive's lock, so no other Andel is writing them.
pub(crate) fn remove_leftovers(path: &Path) -> io::Result<usize> {
    let prefix = format!(".{}{}", file_name(path), TEMP_MARK);
    let mut removed = 0;
    for entry in fs::read_dir(folder_of(path))? {
        let entry = entry?;
        if entry.file_name().to_string_lossy().starts_with(&prefix) {
            fs::remove_file(entry.path())?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Syncs a folder so that a rename inside it is durable.
pub(crate) fn sync_folder(folder: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(folder)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = folder;
        Ok(())
    }
}

/// The folder holding the encrypted backups of `path`.
pub fn backups_folder(path: &Path) -> PathBuf {
    folder_of(path).join(format!("{}.backups", file_name(path)))
}

/// Keeps the file now at `path` as an encrypted backup (a hard link where the file system has
/// them, so it costs nothing; a copy otherwise) and drops the oldest beyond [`BACKUPS_KEPT`].
pub(crate) fn keep_backup(path: &Path, now: DateTime<Utc>, why: &str) -> io::Result<PathBuf> {
    let folder = backups_folder(path);
    fs::create_dir_all(&folder)?;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive".into());
    let mut target = folder.join(format!(
        "{}-{}{}.andel",
        stem,
        now.format("%Y%m%dT%H%M%S%.3fZ"),
        why
    ));
    let mut n = 1;
    while target.exists() {
        target = folder.join(format!(
            "{}-{}{}-{}.andel",
            stem,
            now.format("%Y%m%dT%H%M%S%.3fZ"),
            why,
            n
        ));
        n += 1;
    }
    if fs::hard_link(path, &target).is_err() {
        fs::copy(path, &target)?;
    }
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
        fs::remove_file(old)?;
    }
    Ok(())
}

/// Where our version goes when the file on disk changed under us.
pub(crate) fn conflict_copy_path(path: &Path, now: DateTime<Utc>, host: &str) -> PathBuf {
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
    folder_of(path).join(format!(
        "{} (conflict {} {}).andel",
        stem,
        now.format("%Y-%m-%d %H%M%S"),
        host
    ))
}

/// Turns an I/O failure while writing into the error the user can act on.
pub(crate) fn write_error(path: &Path, e: io::Error) -> Error {
    const ENOSPC: i32 = 28;
    const EROFS: i32 = 30;
    const EDQUOT: i32 = 122;
    match (e.kind(), e.raw_os_error()) {
        (io::ErrorKind::StorageFull, _) | (_, Some(ENOSPC | EDQUOT)) => Error::DiskFull {
            folder: folder_of(path),
        },
        (io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem, _)
        | (_, Some(EROFS)) => Error::NotWritable {
            folder: folder_of(path),
        },
        _ => Error::Io {
            op: "writing",
            path: path.to_path_buf(),
            source: e,
        },
    }
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
