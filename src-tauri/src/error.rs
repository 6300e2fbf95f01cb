//! The one error type that crosses the IPC boundary: a code from andel-core's enum, so the UI
//! branches on codes, and a message for people.

use andel_core::{Coded, ErrorCode};
use serde::Serialize;

/// An error as the UI receives it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn new(code: ErrorCode, message: impl Into<String>) -> IpcError {
        IpcError {
            code,
            message: message.into(),
        }
    }

    pub fn not_open() -> IpcError {
        IpcError::new(
            ErrorCode::NotOpen,
            "No archive is open. Open or unlock one first.",
        )
    }
}

/// Every error of the core carries its code: one conversion for all of them.
impl<E: Coded> From<E> for IpcError {
    fn from(e: E) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

/// A database error outside the core's operations (a transaction the command opens itself).
pub fn sql(e: andel_core::store::SqlError) -> IpcError {
    IpcError::new(ErrorCode::Internal, format!("Database error: {e}"))
}

pub type IpcResult<T> = Result<T, IpcError>;
