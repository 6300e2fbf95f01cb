//! andel-core: everything Andel knows about a housing cooperative's records, without any UI.
//!
//! The desktop app (`andel-desktop`) and the command-line tool (`andel`) are thin layers over
//! this crate, so every operation is implemented exactly once. Nothing here prints, reads the
//! clock on its own, or talks to the network: the current time is always passed in.

#![forbid(unsafe_code)]

pub mod association;
pub mod audit;
pub mod dates;
pub mod demo;
pub mod document;
pub mod error;
pub mod files;
pub mod formats;
pub mod handover;
pub mod i18n;
pub mod minutes;
pub mod national_id;
pub mod ocr;
pub mod overview;
pub mod privacy;
pub mod publish;
pub mod redact;
pub mod register;
pub mod requests;
pub mod retention;
pub mod settings;
pub mod store;
pub mod summary;
pub mod text;
pub mod vault;

pub use error::{Coded, ErrorCode};
