//! The archive file (`.andel`): an age-encrypted, serialized SQLite database.
//!
//! Open: read the whole file → decrypt (all of it, so damage is found before anything is
//! trusted) → deserialize into an in-memory connection → migrate if older, after keeping the
//! original as a backup. Save: serialize → encrypt → temp file beside the archive (0600) → fsync
//! → check that the file on disk is still the one we loaded or last saved (else keep ours as a
//! conflict copy and stop) → keep the previous file as a backup → rename into place → fsync the
//! folder. No step writes plaintext anywhere, and no failure alters the file on disk.

mod autosave;
mod crypt;
pub(crate) mod files;
mod lock;
mod strength;

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use zeroize::Zeroizing;

pub use age::secrecy::{ExposeSecret, SecretString};
pub use age::x25519::{Identity, Recipient};
pub use autosave::{Autosave, SaveError, SaveState};
pub use crypt::{
    parse_identities, parse_recipient, probe, read_identities, Encryption, Protection, Unlock,
};
pub use files::{backups_folder, sha256_file, BACKUPS_KEPT};
pub use lock::{holder as lock_holder, lock_path, LockHolder};
pub use strength::{strength, Strength, WEAK_PASSPHRASE};

use crate::association::{self, Country};
use crate::Coded;
use crate::{audit, store, ErrorCode};

/// Why an archive could not be created, opened or saved. None of these leaves the file on disk
/// altered.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The passphrase does not open the archive.
    #[error("The passphrase is not right for this archive. Check the spelling and Caps Lock; after a handover the passphrase is the new board's.")]
    WrongPassphrase,
    /// None of the given keys is a recipient of the archive.
    #[error("None of the given keys can open this archive. Use the identity file of a board member the archive was made for.")]
    WrongKey,
    /// The archive is protected by a passphrase, but keys were given.
    #[error(
        "This archive is protected by a passphrase, not by keys. Enter the board's passphrase."
    )]
    NeedsPassphrase,
    /// The archive is encrypted to board members' keys, but a passphrase was given.
    #[error("This archive is encrypted to board members' keys. Open it with your age identity file (--identity).")]
    NeedsKey,
    /// An identity file could not be read.
    #[error("Cannot read the identity file {}: {source}", path.display())]
    IdentityFile {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The identity file holds no usable age X25519 key.
    #[error("The identity file holds no age key (a line starting with AGE-SECRET-KEY-1). Choose the file made by age-keygen.")]
    BadIdentityFile,
    /// A recipient is not an age public key.
    #[error("\"{0}\" is not an age public key (they start with age1).")]
    BadRecipient(String),
    /// The archive demands more scrypt work than is safe to spend.
    #[error("The archive asks for an unusually expensive passphrase check and was not opened. It may have been tampered with; open a backup.")]
    ExcessiveWork,
    /// The file is not an Andel archive.
    #[error(
        "This file is not an Andel archive. Choose a file ending in .andel that Andel created."
    )]
    NotAnArchive,
    /// The file is an archive but damaged or cut short; [`Damage`] says where.
    #[error("The archive is damaged or incomplete ({0}). It was not changed. Open the newest backup from the .backups folder beside it.")]
    Damaged(#[source] Damage),
    /// The archive was written by a newer Andel.
    #[error("This archive was saved by a newer version of Andel (schema {found}; this version knows up to {supported}). Update Andel to open it; the file was not changed.")]
    NewerVersion { found: i32, supported: i32 },
    /// Someone changed the file on disk since we loaded or saved it. From then on the open
    /// archive is read-only: its state lives on only in the conflict copy.
    #[error("Someone else saved {} after you opened it (perhaps through a synced folder). That file now holds their version; your version, with every change you made, is kept in {}. Andel stops saving here: lock the archive, open both files and carry your changes over into {} by hand.", archive.display(), conflict_copy.display(), archive.display())]
    ChangedOnDisk {
        archive: PathBuf,
        conflict_copy: PathBuf,
    },
    /// The disk is full.
    #[error("The disk holding {} is full. Free some space; nothing was lost, the archive on disk is unchanged.", folder.display())]
    DiskFull { folder: PathBuf },
    /// The folder cannot be written.
    #[error("Andel may not write in {}. Check the folder's permissions or choose another folder; the archive on disk is unchanged.", folder.display())]
    NotWritable { folder: PathBuf },
    /// No archive at the path.
    #[error("There is no file at {}.", .0.display())]
    NotFound(PathBuf),
    /// A file is already at the path of a new archive.
    #[error("A file already exists at {}. Choose another name; Andel does not overwrite it.", .0.display())]
    AlreadyExists(PathBuf),
    /// Another Andel has the archive open.
    #[error("{} on {} has had this archive open since {}. Ask them to close it first; if two people change it at once, one of them must merge by hand.", .0.user, .0.host, .0.since)]
    InUse(LockHolder),
    /// The archive was opened read-only.
    #[error("The archive is open read-only and cannot be saved.")]
    ReadOnly,
    /// Input that cannot be accepted.
    #[error("{0}")]
    Invalid(String),
    /// A new passphrase [`strength`] rates weak, given where the board chooses it deliberately
    /// (`andel passwd`): the passphrase is all that guards a copy of the archive.
    #[error("The new passphrase is weak; anyone with a copy of the archive could guess it. Nothing was changed. Choose a longer one: four or more random words are easy to type and hard to guess.")]
    WeakPassphrase,
    /// Another I/O failure.
    #[error("Could not {op} {}: {source}", path.display())]
    Io {
        op: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The database inside failed.
    #[error("The archive's database failed: {0}")]
    Store(#[from] store::Error),
    /// Creating or reading the association's record inside the archive failed.
    #[error("{0}")]
    Association(#[from] association::Error),
}

/// Where an archive is damaged: what its reading found, so the message can say it and a test can
/// tell the cases apart.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Damage {
    /// age could not read the header, or a chunk's tag does not match (cut short, overwritten).
    #[error("{0}")]
    Age(#[source] age::DecryptError),
    /// Reading the decrypted payload failed (age reports a damaged chunk as a read error).
    #[error("{0}")]
    Payload(#[source] std::io::Error),
    /// The file is shorter than its header says.
    #[error("the file is shorter than its header says")]
    Short,
    /// The plaintext is larger than this computer can address.
    #[error("the archive is larger than this computer can hold")]
    TooLargeForMemory,
    /// The plaintext says it is more than SQLite takes in one piece.
    #[error("{0}")]
    Oversized(#[source] store::Error),
    /// SQLite could not take the plaintext in.
    #[error("{0}")]
    Sqlite(#[source] rusqlite::Error),
    /// More bytes follow the database's end.
    #[error("unexpected data after the end")]
    TrailingData,
    /// The file is larger than a reader of it may take (`files::Error::TooLarge`).
    #[error("{0}")]
    File(#[source] crate::files::Error),
    /// A key-encrypted archive lists nobody to encrypt to.
    #[error("the archive lists no recipients to re-encrypt to")]
    NoRecipients,
}

impl Error {
    fn from_store(e: store::Error) -> Error {
        match e {
            store::Error::NotAndel => Error::NotAnArchive,
            store::Error::NewerSchema { found, supported } => {
                Error::NewerVersion { found, supported }
            }
            other => Error::Store(other),
        }
    }
}

impl Coded for Error {
    /// The stable code of this error, for the UI and scripts.
    fn code(&self) -> ErrorCode {
        match self {
            Error::WrongPassphrase => ErrorCode::WrongPassphrase,
            Error::WrongKey => ErrorCode::WrongKey,
            Error::NeedsPassphrase | Error::NeedsKey => ErrorCode::WrongUnlockMethod,
            Error::BadIdentityFile
            | Error::BadRecipient(_)
            | Error::Invalid(_)
            | Error::WeakPassphrase => ErrorCode::InvalidInput,
            Error::ExcessiveWork | Error::Damaged(_) => ErrorCode::Damaged,
            Error::NotAnArchive => ErrorCode::NotAnArchive,
            Error::NewerVersion { .. } => ErrorCode::NewerVersion,
            Error::ChangedOnDisk { .. } => ErrorCode::ChangedOnDisk,
            Error::DiskFull { .. } => ErrorCode::DiskFull,
            Error::NotWritable { .. } => ErrorCode::NotWritable,
            Error::NotFound(_) | Error::IdentityFile { .. } => ErrorCode::NotFound,
            Error::AlreadyExists(_) => ErrorCode::AlreadyExists,
            Error::InUse(_) => ErrorCode::InUse,
            Error::ReadOnly => ErrorCode::ReadOnly,
            Error::Store(store::Error::NotAndel) => ErrorCode::NotAnArchive,
            Error::Association(e) => e.code(),
            Error::Io { .. } | Error::Store(_) => ErrorCode::Internal,
        }
    }
}

impl From<crate::files::Error> for Error {
    fn from(e: crate::files::Error) -> Error {
        use crate::files::Error as F;
        match e {
            F::DiskFull { folder } => Error::DiskFull { folder },
            F::NotWritable { folder } => Error::NotWritable { folder },
            F::AlreadyExists(path) => Error::AlreadyExists(path),
            F::Io { op, path, source } => Error::Io { op, path, source },
            F::NotFound(path) => Error::NotFound(path),
            F::Folder(path) => Error::Io {
                op: "read",
                path,
                source: std::io::ErrorKind::IsADirectory.into(),
            },
            F::NotReadable(path) => Error::Io {
                op: "read",
                path,
                source: std::io::ErrorKind::PermissionDenied.into(),
            },
            // The archive is not read through `files` (its own reader bounds it); a file that
            // was too large to read is, for the archive, one that is not whole.
            too_large @ F::TooLarge { .. } => Error::Damaged(Damage::File(too_large)),
        }
    }
}

type Result<T> = std::result::Result<T, Error>;

/// How to open an archive.
#[derive(Debug, Clone)]
pub struct OpenOptions {
    /// The board member making changes, for the audit trail.
    pub actor: String,
    /// Open without taking the lock and refuse to save (for looking only).
    pub read_only: bool,
    /// Open even if another Andel holds the lock.
    pub take_over_lock: bool,
    /// scrypt work factor for saves with a passphrase; `None` lets age choose (about 1 s).
    pub scrypt_work_factor: Option<u8>,
}

impl OpenOptions {
    pub fn new(actor: impl Into<String>) -> OpenOptions {
        OpenOptions {
            actor: actor.into(),
            read_only: false,
            take_over_lock: false,
            scrypt_work_factor: None,
        }
    }
}

/// Writes the database `conn` encrypted with `encryption` to a new file at `path`, which must
/// not exist, with the same sequence as a save (temp file, fsync, rename, fsync the folder). The
/// archive the connection came from is not touched. Used by the yearly handover.
pub fn write_new(
    path: &Path,
    conn: &Connection,
    encryption: &Encryption,
    now: DateTime<Utc>,
) -> Result<()> {
    validate_passphrase(encryption)?;
    if fs::symlink_metadata(path).is_ok() {
        return Err(Error::AlreadyExists(path.to_path_buf()));
    }
    let folder = crate::files::folder_of(path);
    if !folder.is_dir() {
        return Err(Error::NotFound(folder));
    }
    Snapshot {
        path: path.to_path_buf(),
        shown: path.to_path_buf(),
        plaintext: store::serialize(conn).map_err(Error::from_store)?,
        encryption: encryption.clone(),
        expected: None,
    }
    .write(now)?;
    Ok(())
}

/// An open archive.
pub struct Vault {
    /// The path the archive was opened by, as the user knows it.
    path: PathBuf,
    /// The real file: `path` with a symlink resolved. Saves, backups and the lock go here.
    file: PathBuf,
    /// Wiped when the vault is dropped (locked, closed): see [`store::wipe`].
    conn: store::Wiping,
    encryption: Encryption,
    on_disk: Option<files::Fingerprint>,
    lock: Option<lock::Lock>,
    /// Set when a save found the file changed by someone else: where our version went. The
    /// archive is read-only from then on, so no edit is accepted that could not be saved.
    conflict: Option<PathBuf>,
    actor: String,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault")
            .field("path", &self.path)
            .field("encryption", &self.encryption)
            .field("read_only", &self.lock.is_none())
            .finish_non_exhaustive()
    }
}

fn validate_passphrase(encryption: &Encryption) -> Result<()> {
    match encryption {
        Encryption::Passphrase { passphrase, .. } if passphrase.expose_secret().is_empty() => {
            Err(Error::Invalid("The passphrase must not be empty.".into()))
        }
        Encryption::Recipients(r) if r.is_empty() => Err(Error::Invalid(
            "An archive encrypted to keys needs at least one recipient.".into(),
        )),
        _ => Ok(()),
    }
}

impl Vault {
    /// Creates a new archive at `path` (which must not exist) and writes it at once.
    pub fn create(
        path: &Path,
        name: &str,
        country: Country,
        encryption: Encryption,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Vault> {
        validate_passphrase(&encryption)?;
        // Anything at the path, a dangling symlink too, is left alone.
        if fs::symlink_metadata(path).is_ok() {
            return Err(Error::AlreadyExists(path.to_path_buf()));
        }
        let folder = crate::files::folder_of(path);
        if !folder.is_dir() {
            return Err(Error::NotFound(folder));
        }
        let conn = store::Wiping::new(store::create().map_err(Error::from_store)?);
        association::create(&conn, name, country, now)?;
        let lock = lock::Lock::acquire(path, false, now)?;
        let mut vault = Vault {
            path: path.to_path_buf(),
            file: path.to_path_buf(),
            conn,
            encryption: encryption.clone(),
            on_disk: None,
            lock: Some(lock),
            conflict: None,
            actor: actor.to_string(),
        };
        vault.store_recipients()?;
        vault.record("archive.create", None, now)?;
        vault.save(now)?;
        Ok(vault)
    }

    /// Opens an existing archive.
    ///
    /// For changes the lock is taken after a first read (so a wrong passphrase is reported as
    /// such even while someone else has the archive open); if the file changed between that read
    /// and taking the lock, it is read again under the lock, so a writer always starts from the
    /// newest saved state.
    pub fn open(
        path: &Path,
        unlock: &Unlock,
        options: &OpenOptions,
        now: DateTime<Utc>,
    ) -> Result<Vault> {
        let file = crate::files::resolve(path).map_err(|e| read_error(path, e))?;
        let (mut conn, mut fingerprint) = load(&file, unlock)?;
        let encryption = match unlock {
            Unlock::Passphrase(p) => Encryption::Passphrase {
                passphrase: p.clone(),
                work_factor: options.scrypt_work_factor,
            },
            Unlock::Identities(_) => Encryption::Recipients(stored_recipients(&conn)?),
        };
        let lock = if options.read_only {
            None
        } else {
            let lock = lock::Lock::acquire(&file, options.take_over_lock, now)?;
            files::remove_leftovers(&file).map_err(|e| Error::Io {
                op: "clean up after an interrupted save in",
                path: crate::files::folder_of(&file),
                source: e,
            })?;
            if !files::unchanged_since(&file, &fingerprint).map_err(|e| read_error(path, e))? {
                drop(conn);
                (conn, fingerprint) = load(&file, unlock)?;
            }
            Some(lock)
        };
        let old_version = store::schema_version(&conn).map_err(Error::from_store)?;
        let migrating = old_version < store::SCHEMA_VERSION;
        if migrating && lock.is_some() {
            files::keep_backup(&file, now, &format!("-schema{old_version}"))
                .map_err(|e| files::write_error(&file, e))?;
        }
        store::migrate(&mut conn).map_err(Error::from_store)?;
        let mut vault = Vault {
            path: path.to_path_buf(),
            file,
            conn,
            encryption,
            on_disk: Some(fingerprint),
            lock,
            conflict: None,
            actor: options.actor.clone(),
        };
        if migrating && !vault.is_read_only() {
            vault.record(
                "archive.migrate",
                Some(&format!(
                    "schema {old_version} to {}",
                    store::SCHEMA_VERSION
                )),
                now,
            )?;
            vault.save(now)?;
        }
        Ok(vault)
    }

    /// The archive's path.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The database, for reading and for the register's operations.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The database, for operations that need a transaction.
    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    /// The board member named at unlock.
    pub fn actor(&self) -> &str {
        &self.actor
    }

    /// Whether changes are refused: opened read-only, or a save ran into someone else's.
    pub fn is_read_only(&self) -> bool {
        self.lock.is_none() || self.conflict.is_some()
    }

    /// After a conflict: the file that holds our version (see [`Error::ChangedOnDisk`]).
    pub fn conflict_copy(&self) -> Option<&Path> {
        self.conflict.as_deref()
    }

    /// Notes the outcome of a save: after a conflict the archive turns read-only.
    pub fn note_save_error(&mut self, error: &Error) {
        if let Error::ChangedOnDisk { conflict_copy, .. } = error {
            self.conflict = Some(conflict_copy.clone());
        }
    }

    /// How the archive is encrypted on the next save.
    pub fn encryption(&self) -> &Encryption {
        &self.encryption
    }

    /// Records a change in the audit trail (no personal values in `subject`).
    pub fn record(&self, action: &str, subject: Option<&str>, now: DateTime<Utc>) -> Result<()> {
        audit::record(&self.conn, now, &self.actor, action, subject).map_err(|e| {
            Error::Store(store::Error::Sqlite {
                op: "recording the audit trail",
                source: e,
            })
        })
    }

    /// Changes how the archive is encrypted (a new passphrase or new board members' keys). Takes
    /// effect at the next save.
    pub fn set_encryption(&mut self, encryption: Encryption, now: DateTime<Utc>) -> Result<()> {
        validate_passphrase(&encryption)?;
        self.encryption = encryption;
        self.store_recipients()?;
        let kind = self.encryption.kind();
        self.record("archive.encryption", Some(kind), now)
    }

    /// Changes the archive to a new passphrase and saves it: the board's "change the passphrase".
    /// A weak one is refused ([`Error::WeakPassphrase`]) before anything changes, as a handover
    /// refuses one; only creating an archive merely warns, so a first try is never lost.
    pub fn change_passphrase(
        &mut self,
        passphrase: SecretString,
        work_factor: Option<u8>,
        now: DateTime<Utc>,
    ) -> Result<()> {
        if strength(passphrase.expose_secret()) == Strength::Weak {
            return Err(Error::WeakPassphrase);
        }
        self.set_encryption(
            Encryption::Passphrase {
                passphrase,
                work_factor,
            },
            now,
        )?;
        self.save(now)
    }

    fn store_recipients(&self) -> Result<()> {
        let sql = |e| {
            Error::Store(store::Error::Sqlite {
                op: "storing the recipients",
                source: e,
            })
        };
        self.conn
            .execute("DELETE FROM recipient", [])
            .map_err(sql)?;
        if let Encryption::Recipients(list) = &self.encryption {
            for r in list {
                self.conn
                    .execute(
                        "INSERT OR IGNORE INTO recipient (public_key) VALUES (?1)",
                        [r.to_string()],
                    )
                    .map_err(sql)?;
            }
        }
        Ok(())
    }

    /// Everything a save needs, taken under the caller's lock so that encrypting and writing can
    /// happen without it.
    pub fn snapshot(&self) -> Result<Snapshot> {
        if self.is_read_only() {
            return Err(Error::ReadOnly);
        }
        Ok(Snapshot {
            path: self.file.clone(),
            shown: self.path.clone(),
            plaintext: store::serialize(&self.conn).map_err(Error::from_store)?,
            encryption: self.encryption.clone(),
            expected: self.on_disk.clone(),
        })
    }

    /// Notes that a snapshot was written, so the next save compares against it.
    pub fn saved(&mut self, written: Saved) {
        self.on_disk = Some(written.fingerprint);
    }

    /// Saves now, on this thread.
    pub fn save(&mut self, now: DateTime<Utc>) -> Result<()> {
        match self.snapshot()?.write(now) {
            Ok(written) => {
                self.saved(written);
                Ok(())
            }
            Err(e) => {
                self.note_save_error(&e);
                Err(e)
            }
        }
    }

    /// SHA-256 of the archive file on disk, as `sha256sum` prints it (for receipts and `info`).
    pub fn file_sha256(&self) -> Result<String> {
        files::sha256_file(&self.file).map_err(|e| Error::Io {
            op: "read",
            path: self.path.clone(),
            source: e,
        })
    }

    /// Closes the archive, releasing the lock. Unsaved changes are dropped: save first.
    pub fn close(self) {}
}

fn read_error(path: &Path, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(path.to_path_buf()),
        _ => Error::Io {
            op: "read",
            path: path.to_path_buf(),
            source: e,
        },
    }
}

/// Reads, decrypts and loads the archive at `file`, with what the file looked like.
fn load(file: &Path, unlock: &Unlock) -> Result<(store::Wiping, files::Fingerprint)> {
    let io_error = |e| read_error(file, e);
    let (fingerprint, head) = files::Fingerprint::read(file).map_err(io_error)?;
    let handle = fs::File::open(file).map_err(io_error)?;
    let size = handle.metadata().map_err(io_error)?.len();
    let starts_like_age = crypt::looks_like_age(&head);
    let mut reader = crypt::open_stream(
        std::io::BufReader::with_capacity(1 << 20, handle),
        starts_like_age,
        unlock,
    )?;
    // The plaintext goes straight from the decryptor into SQLite's memory. Every byte is read
    // and its chunk's tag checked before anything is used, and the stream must end exactly
    // there: age reports damage to the payload only while it is read.
    let len = crypt::plaintext_len(size, &head).ok_or(Error::Damaged(Damage::Short))?;
    let len = usize::try_from(len).map_err(|_| Error::Damaged(Damage::TooLargeForMemory))?;
    let conn = store::Wiping::new(store::load_from(&mut reader, len).map_err(|e| match e {
        store::Error::Read(e) => Error::Damaged(Damage::Sqlite(e)),
        e @ store::Error::TooLarge { .. } => Error::Damaged(Damage::Oversized(e)),
        other => Error::from_store(other),
    })?);
    let mut rest = [0u8; 1];
    match std::io::Read::read(&mut reader, &mut rest) {
        Ok(0) => {}
        Ok(_) => return Err(Error::Damaged(Damage::TrailingData)),
        Err(e) => return Err(Error::Damaged(Damage::Payload(e))),
    }
    drop(reader);
    association::get(&conn).map_err(|e| match e {
        association::Error::Missing => Error::NotAnArchive,
        other => Error::Association(other),
    })?;
    Ok((conn, fingerprint))
}

fn stored_recipients(conn: &Connection) -> Result<Vec<Recipient>> {
    let mut stmt = conn
        .prepare("SELECT public_key FROM recipient ORDER BY public_key")
        .map_err(|_| Error::NotAnArchive)?;
    let keys: Vec<String> = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(|_| Error::NotAnArchive)?;
    if keys.is_empty() {
        return Err(Error::Damaged(Damage::NoRecipients));
    }
    keys.iter().map(|k| parse_recipient(k)).collect()
}

/// The state of an archive to be written; see [`Vault::snapshot`].
pub struct Snapshot {
    /// The real file written.
    path: PathBuf,
    /// The path the user knows it by, for messages.
    shown: PathBuf,
    plaintext: Zeroizing<Vec<u8>>,
    encryption: Encryption,
    expected: Option<files::Fingerprint>,
}

impl std::fmt::Debug for Snapshot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Snapshot")
            .field("path", &self.path)
            .field("bytes", &self.plaintext.len())
            .finish_non_exhaustive()
    }
}

/// Proof of a completed save, handed back to [`Vault::saved`].
#[derive(Debug)]
pub struct Saved {
    fingerprint: files::Fingerprint,
}

impl Snapshot {
    /// Encrypts and writes the snapshot with the atomic save sequence.
    pub fn write(mut self, now: DateTime<Utc>) -> Result<Saved> {
        let path = self.path.clone();
        let plaintext = std::mem::take(&mut *self.plaintext);
        let plaintext = Zeroizing::new(plaintext);
        let temp = crate::files::write_temp(&path, |out| {
            crypt::encrypt_to(&plaintext, &self.encryption, out)
        })
        .map_err(|e| files::write_error(&path, e))?;
        drop(plaintext);
        let result = self.put_in_place(&temp, now);
        if result.is_err() {
            let _ = fs::remove_file(&temp);
        }
        result
    }

    fn put_in_place(&self, temp: &Path, now: DateTime<Utc>) -> Result<Saved> {
        let path = &self.path;
        let io = |op: &'static str| save_error(path, op);
        // Held until the new file's fingerprint is read back: if another writer could replace
        // the file in between, we would take their version for ours.
        let _saving = match &self.expected {
            Some(_) => Some(lock::Lock::for_saving(path, now)?),
            None => None,
        };
        match &self.expected {
            Some(expected) => {
                if !files::unchanged_since(path, expected).map_err(io("check"))? {
                    let copy =
                        files::keep_conflict_copy(temp, path, now, &crate::files::host_name())
                            .map_err(io("keep a conflict copy of"))?;
                    return Err(Error::ChangedOnDisk {
                        archive: self.shown.clone(),
                        conflict_copy: copy,
                    });
                }
                files::keep_backup(path, now, "").map_err(io("keep a backup of"))?;
            }
            None => {
                // A new archive never replaces a file that appeared meanwhile.
                return match crate::files::place_new(temp, path) {
                    Ok(()) => self.finish(),
                    Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                        Err(Error::AlreadyExists(path.clone()))
                    }
                    Err(e) => Err(io("write")(e)),
                };
            }
        }
        fs::rename(temp, path).map_err(io("replace"))?;
        self.finish()
    }

    /// Makes the new name durable and remembers what the file now looks like.
    fn finish(&self) -> Result<Saved> {
        let path = &self.path;
        let io = |op: &'static str| save_error(path, op);
        crate::files::sync_folder(&crate::files::folder_of(path))
            .map_err(io("sync the folder of"))?;
        let (fingerprint, _) = files::Fingerprint::read(path).map_err(io("read back"))?;
        Ok(Saved { fingerprint })
    }
}

/// Turns an I/O failure in step `op` of a save into the error the user can act on.
fn save_error<'a>(path: &'a Path, op: &'static str) -> impl Fn(std::io::Error) -> Error + 'a {
    move |e| match files::write_error(path, e) {
        Error::Io { source, .. } => Error::Io {
            op,
            path: path.to_path_buf(),
            source,
        },
        other => other,
    }
}
