//! The one error type that crosses the IPC boundary: a code from andel-core's enum, so the UI
//! branches on codes, and a message for people.

use andel_core::ErrorCode;
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

impl From<andel_core::vault::Error> for IpcError {
    fn from(e: andel_core::vault::Error) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

impl From<andel_core::association::Error> for IpcError {
    fn from(e: andel_core::association::Error) -> IpcError {
        IpcError::new(e.code(), e.to_string())
    }
}

impl From<andel_core::store::SqlError> for IpcError {
    fn from(e: andel_core::store::SqlError) -> IpcError {
        IpcError::new(ErrorCode::Internal, format!("Database error: {e}"))
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
