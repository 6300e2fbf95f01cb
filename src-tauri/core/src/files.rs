//! Writing files so that a crash, a full disk or a second writer never leaves half of one: the
//! one place Andel writes a file (the archive's saves build on the same pieces in `vault`).
//!
//! Every file is first written to a temporary file beside its target, readable only by its
//! owner, and synced; then it is renamed over the target ([`write`]) or linked into place where
//! it must not replace anything ([`write_new`]); then the folder is synced so the new name
//! survives a power cut. A reader therefore sees the old file or the new one, never a part.

use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use crate::Coded;
use crate::ErrorCode;

/// Why a file could not be read or written. A target is never left half written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The disk holding the folder is full.
    #[error("The disk holding {} is full. Free some space; nothing was lost, the archive on disk is unchanged.", folder.display())]
    DiskFull { folder: PathBuf },
    /// The folder (or the file system) may not be written.
    #[error("Andel may not write in {}. Check the folder's permissions or choose another folder; the archive on disk is unchanged.", folder.display())]
    NotWritable { folder: PathBuf },
    /// A file that must be new already exists.
    #[error("A file already exists at {}. Choose another name; Andel does not overwrite it.", .0.display())]
    AlreadyExists(PathBuf),
    /// A file to read is larger than anything Andel reads of its kind; nothing of it was read
    /// into memory (a multi-gigabyte "minutes" would otherwise take all the memory there is).
    #[error("{} is {}; Andel reads {what} up to {} MB. Split the file, or export a smaller one.", path.display(), size_said(*size, *max), mb(*max))]
    TooLarge {
        path: PathBuf,
        /// What the file was read as ("minutes in this format", "resident lists").
        what: &'static str,
        size: u64,
        max: u64,
    },
    /// No file at the path given.
    #[error("There is no file at {}. Check the name and the folder.", .0.display())]
    NotFound(PathBuf),
    /// The path names a folder where a file was expected.
    #[error("{} is a folder, not a file. Choose a file in it.", .0.display())]
    Folder(PathBuf),
    /// The file exists but its permissions forbid reading it.
    #[error("Andel may not read {}. Check the file's permissions (or ask its owner), then try again.", .0.display())]
    NotReadable(PathBuf),
    /// Another I/O failure, with the step that failed.
    #[error("Could not {op} {}: {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: io::Error,
    },
}

impl Coded for Error {
    /// The stable code of this error, for the UI and scripts.
    fn code(&self) -> ErrorCode {
        match self {
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::NotWritable { .. } => ErrorCode::NotWritable,
            Error::AlreadyExists(_) => ErrorCode::AlreadyExists,
            Error::TooLarge { .. } => ErrorCode::InvalidInput,
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Folder(_) => ErrorCode::InvalidInput,
            Error::NotReadable(_) => ErrorCode::InvalidInput,
            Error::Io { .. } => ErrorCode::Internal,
        }
    }
}

/// A refused file's size for the message: reading stops one byte past the limit (a device or a
/// pipe has no size to declare), and such a file is "more than" the limit, not "limit + 1".
fn size_said(size: u64, max: u64) -> String {
    if size == max.saturating_add(1) {
        format!("more than {} MB", mb(max))
    } else {
        format!("{} MB", mb(size))
    }
}

/// Megabytes, rounded up, for messages (a file one byte over the limit is not "64 MB of 64").
fn mb(bytes: u64) -> u64 {
    bytes.div_ceil(1 << 20)
}

/// Reads the whole file at `path` as `what` ("minutes in this format", "resident lists"), refusing one of more
/// than `max` bytes before reading it. The size is checked on the open file and the read stops
/// at `max + 1` bytes, so a file that grows while it is read, or a pipe or device with no size,
/// is refused too instead of filling the memory.
pub fn read_at_most(path: &Path, what: &'static str, max: u64) -> Result<Vec<u8>, Error> {
    use std::io::Read;
    let read_error = |source: io::Error| match source.kind() {
        io::ErrorKind::NotFound => Error::NotFound(path.to_path_buf()),
        io::ErrorKind::IsADirectory => Error::Folder(path.to_path_buf()),
        io::ErrorKind::PermissionDenied => Error::NotReadable(path.to_path_buf()),
        _ => Error::Io {
            op: "read",
            path: path.to_path_buf(),
            source,
        },
    };
    let too_large = |size: u64| Error::TooLarge {
        path: path.to_path_buf(),
        what,
        size,
        max,
    };
    let file = File::open(path).map_err(read_error)?;
    let declared = file.metadata().map_err(read_error)?.len();
    if declared > max {
        return Err(too_large(declared));
    }
    let mut bytes = Vec::with_capacity(declared as usize);
    file.take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(read_error)?;
    if bytes.len() as u64 > max {
        return Err(too_large(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Whether two paths name the same file: the same path written another way (`./x`, `dir/../x`),
/// a symbolic link to it, or (on Unix) a hard link. A path that does not exist yet is the same as
/// another only when both would be created at the same place. Used before writing, so that a
/// command never writes its output over its own input (the minutes being redacted, the archive
/// being handed over).
pub fn same_file(a: &Path, b: &Path) -> bool {
    if a == b {
        return true;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        if let (Ok(x), Ok(y)) = (fs::metadata(a), fs::metadata(b)) {
            return x.dev() == y.dev() && x.ino() == y.ino();
        }
    }
    if let (Ok(x), Ok(y)) = (a.canonicalize(), b.canonicalize()) {
        return x == y;
    }
    // At least one does not exist: the same place if their folders resolve to the same folder.
    let place = |p: &Path| {
        let folder = match p.parent() {
            Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
            _ => PathBuf::from("."),
        };
        folder
            .canonicalize()
            .ok()
            .map(|f| f.join(p.file_name().unwrap_or_default()))
    };
    matches!((place(a), place(b)), (Some(x), Some(y)) if x == y)
}

/// Writes a finished document (or any export) to `path`: first to a temporary file beside it,
/// readable only by its owner, synced, then renamed over the target, so a crash or a full disk
/// never leaves half a PDF where a board member expects a whole one.
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let temp = write_temp(path, |mut w| {
        w.write_all(bytes)?;
        Ok(w)
    })
    .map_err(|e| write_error(path, e))?;
    if let Err(e) = fs::rename(&temp, path) {
        let _ = fs::remove_file(&temp);
        return Err(write_error(path, e));
    }
    sync_folder(&folder_of(path)).map_err(|e| write_error(path, e))
}

/// Writes a new file that must not exist yet: the reply to a resident or a handover receipt is
/// never written over anything. The bytes go to a temporary file beside it (readable only by its
/// owner) and are then linked into place, which fails instead of replacing a file that appeared
/// in the meantime.
pub fn write_new(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    if path.exists() {
        return Err(Error::AlreadyExists(path.to_path_buf()));
    }
    let temp = write_temp(path, |mut w| {
        w.write_all(bytes)?;
        Ok(w)
    })
    .map_err(|e| write_error(path, e))?;
    let linked = fs::hard_link(&temp, path);
    let _ = fs::remove_file(&temp);
    match linked {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {
            return Err(Error::AlreadyExists(path.to_path_buf()))
        }
        Err(e) => return Err(write_error(path, e)),
    }
    sync_folder(&folder_of(path)).map_err(|e| write_error(path, e))
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
            op: "write",
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// The file name of `path` ("archive.andel" when it has none).
pub(crate) fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive.andel".to_string())
}

/// The folder `path` is in ("." for a bare file name).
pub(crate) fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// What marks a temporary file of Andel's, after the name of the file it will become.
pub(crate) const TEMP_MARK: &str = ".andel-tmp-";

/// This computer's name as lock files and temporary names carry it.
pub(crate) fn host_name() -> String {
    gethostname::gethostname().to_string_lossy().into_owned()
}

/// Whether a process with this id runs on this computer.
pub(crate) fn process_alive(pid: u32) -> bool {
    if cfg!(target_os = "linux") {
        Path::new(&format!("/proc/{pid}")).exists()
    } else {
        // Without a portable check, only age makes a lock or a temporary file stale.
        true
    }
}

/// A string no other call in this process (and, with the pid and time in it, no other process)
/// returns.
pub(crate) fn nonce() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map(|d| d.as_nanos())
        .unwrap_or(0);
    format!(
        "{}-{}-{}",
        std::process::id(),
        nanos,
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

/// The host name as it goes into a file name: letters, digits and `_` only, so that the `-`
/// separated fields after it can be read back.
pub(crate) fn host_for_name(host: &str) -> String {
    host.chars()
        .map(|c| if c.is_alphanumeric() { c } else { '_' })
        .collect()
}

/// The real file behind `path`: a symlinked archive is written through to its target, with its
/// backups, lock and temporary files beside the target, where every opener finds them.
pub(crate) fn resolve(path: &Path) -> io::Result<PathBuf> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Creates a new temporary file beside `path`, readable only by its owner, lets `fill` write
/// it, and syncs it to disk. On failure nothing is left behind.
///
/// Its name carries this computer and process, so that clean-up can tell a file some live
/// writer is still filling from one a crash left behind.
pub(crate) fn write_temp(
    path: &Path,
    fill: impl FnOnce(io::BufWriter<File>) -> io::Result<io::BufWriter<File>>,
) -> io::Result<PathBuf> {
    let temp = folder_of(path).join(format!(
        ".{}{}{}-{}",
        file_name(path),
        TEMP_MARK,
        host_for_name(&host_name()),
        nonce()
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

/// Puts the finished file `temp` at `path` only if nothing is there yet (a hard link, which
/// never replaces; a checked rename where the file system has no links), then removes `temp`.
pub(crate) fn place_new(temp: &Path, path: &Path) -> io::Result<()> {
    match fs::hard_link(temp, path) {
        Ok(()) => {
            let _ = fs::remove_file(temp);
            Ok(())
        }
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) => {
            if fs::symlink_metadata(path).is_ok() {
                return Err(io::ErrorKind::AlreadyExists.into());
            }
            fs::rename(temp, path)
        }
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_same_file_is_recognised_however_it_is_named() {
        let dir = tempfile::tempdir().unwrap();
        let a = dir.path().join("minutes.txt");
        std::fs::write(&a, "x").unwrap();
        let b = dir.path().join("other.txt");
        std::fs::write(&b, "x").unwrap();
        assert!(super::same_file(&a, &a));
        assert!(super::same_file(
            &a,
            &dir.path().join(".").join("minutes.txt")
        ));
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        assert!(super::same_file(&a, &dir.path().join("sub/../minutes.txt")));
        assert!(!super::same_file(&a, &b), "two files with the same content");
        #[cfg(unix)]
        {
            let link = dir.path().join("link.txt");
            std::os::unix::fs::symlink(&a, &link).unwrap();
            assert!(super::same_file(&link, &a), "a symbolic link");
            let hard = dir.path().join("hard.txt");
            std::fs::hard_link(&a, &hard).unwrap();
            assert!(super::same_file(&a, &hard), "a hard link");
        }
        // Files not written yet: the same place, or not.
        let new = dir.path().join("new.pdf");
        assert!(super::same_file(&new, &dir.path().join("./new.pdf")));
        assert!(!super::same_file(&new, &a));
    }

    use super::*;

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
    fn reading_stops_at_the_limit_before_the_memory_does() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("minutes.txt");
        fs::write(&path, vec![b'a'; 1000]).unwrap();
        assert_eq!(read_at_most(&path, "minutes", 1000).unwrap().len(), 1000);
        // One byte over is refused, with both sizes in megabytes rounded up.
        let err = read_at_most(&path, "minutes", 999).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 1000,
                    max: 999,
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(
            err.to_string().contains("reads minutes up to 1 MB"),
            "{err}"
        );
        // A sparse file declares 64 GiB and is refused without a byte read.
        let huge = dir.path().join("huge.txt");
        File::create(&huge).unwrap().set_len(64 << 30).unwrap();
        assert!(matches!(
            read_at_most(&huge, "minutes", 1 << 20),
            Err(Error::TooLarge { size, .. }) if size == 64 << 30
        ));
        // A device with no size is read only up to the limit.
        #[cfg(unix)]
        assert!(matches!(
            read_at_most(Path::new("/dev/zero"), "minutes", 4096),
            Err(Error::TooLarge { size: 4097, .. })
        ));
        #[cfg(unix)]
        assert!(read_at_most(Path::new("/dev/zero"), "minutes", 4 << 20)
            .unwrap_err()
            .to_string()
            .contains("/dev/zero is more than 4 MB; Andel reads minutes up to 4 MB"));
        assert!(matches!(
            read_at_most(&dir.path().join("missing.txt"), "minutes", 10),
            Err(Error::NotFound(_))
        ));
    }

    #[test]
    fn write_new_never_overwrites_and_keeps_it_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("reply.pdf");
        write_new(&path, b"first").unwrap();
        let again = write_new(&path, b"second").unwrap_err();
        assert_eq!(again.code(), ErrorCode::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "readable by others: {mode:o}");
        }
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn write_replaces_whole_and_leaves_no_temp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notice.pdf");
        write(&path, b"first").unwrap();
        write(&path, b"second").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"second");
        let names: Vec<_> = fs::read_dir(dir.path()).unwrap().collect();
        assert_eq!(names.len(), 1);
        let missing = dir.path().join("no/such/folder/x.pdf");
        assert!(write(&missing, b"x").is_err());
    }
}
