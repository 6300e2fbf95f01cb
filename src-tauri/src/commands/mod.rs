//! The IPC commands: one-line adapters from the UI onto andel-core, grouped by area.

pub mod app;
pub mod archive;
pub mod documents;
pub mod minutes;
pub mod privacy;
pub mod register;
pub mod requests;
