//! Stable error codes shared by every module.
//!
//! The UI and scripts branch on these codes, never on message text; messages are for people and
//! may change. Each module has its own error enum and maps each variant to one code here.

use serde::{Deserialize, Serialize};

/// What went wrong, in a form a program can act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ErrorCode {
    /// The passphrase does not open this archive.
    WrongPassphrase,
    /// None of the given identities is a recipient of this archive.
    WrongKey,
    /// The archive is protected by a passphrase, but a key file was given (or the reverse).
    WrongUnlockMethod,
    /// The file is not an Andel archive at all.
    NotAnArchive,
    /// The file is an Andel archive, but damaged or cut short.
    Damaged,
    /// The archive was written by a newer Andel with a schema this version does not know.
    NewerVersion,
    /// Someone else changed the file on disk since it was opened or last saved here.
    ChangedOnDisk,
    /// The disk is full.
    DiskFull,
    /// The folder or file cannot be written.
    NotWritable,
    /// No file at the given path.
    NotFound,
    /// A file already exists where a new archive was to be created.
    AlreadyExists,
    /// Another Andel (maybe on another computer) has the archive open.
    InUse,
    /// The archive is open read-only.
    ReadOnly,
    /// Input that cannot be accepted (an empty name, a bad country code, ...).
    InvalidInput,
    /// No archive is open (it was locked, or never unlocked).
    NotOpen,
    /// The user stopped a long task (reading a scan); nothing was changed.
    Cancelled,
    /// A fault inside Andel or the system that the user cannot fix; the message has details.
    Internal,
}

/// An error with a stable code. Every module's `Error` implements it, so each adapter converts any
/// of them in one place (the desktop's `IpcError`, the CLI's `CliError`).
pub trait Coded: std::error::Error {
    /// The stable code of this error, for the UI and scripts.
    fn code(&self) -> ErrorCode;

    /// The CLI's exit code: 1 the user must act, 3 a conflict or an integrity problem (a damaged
    /// file, a file changed by someone else, an export the re-scan refused).
    fn exit_code(&self) -> u8 {
        self.code().exit_code()
    }
}

impl ErrorCode {
    /// The process exit code the CLI uses: 1 the user must act, 3 conflict or integrity problem.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorCode::Damaged | ErrorCode::ChangedOnDisk => 3,
            _ => 1,
        }
    }
}
