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

/// The Rust sources of the core, the desktop app and the CLI, for the tests that scan them for a
/// rule's second home (check digits, inline four-language texts).
#[cfg(test)]
pub(crate) fn workspace_sources() -> Vec<std::path::PathBuf> {
    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in [
        core.join("src"),
        core.join("../src"),
        core.join("../cli/src"),
    ] {
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
    }
    files
}
