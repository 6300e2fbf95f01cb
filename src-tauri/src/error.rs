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

/// The register's errors each carry their code.
macro_rules! coded {
    ($($t:ty),* $(,)?) => {$(
        impl From<$t> for IpcError {
            fn from(e: $t) -> IpcError {
                IpcError::new(e.code(), e.to_string())
            }
        }
    )*};
}

coded!(
    andel_core::register::units::Error,
    andel_core::register::people::Error,
    andel_core::register::split::Error,
    andel_core::register::ownership::Error,
    andel_core::register::sublets::Error,
    andel_core::register::plates::Error,
    andel_core::register::roles::Error,
    andel_core::register::organisations::Error,
    andel_core::overview::Error,
    andel_core::register::import::Error,
    andel_core::register::guard::Refused,
    andel_core::minutes::Error,
    andel_core::register::plates_order::Error,
    andel_core::document::Error,
    andel_core::files::Error,
    andel_core::summary::Error,
    andel_core::privacy::Error,
    andel_core::publish::Error,
);

impl From<andel_core::store::SqlError> for IpcError {
    fn from(e: andel_core::store::SqlError) -> IpcError {
        IpcError::new(ErrorCode::Internal, format!("Database error: {e}"))
    }
}

pub type IpcResult<T> = Result<T, IpcError>;
