//! Shared helpers: fixed clocks, quick keys, file hashes.

use std::path::{Path, PathBuf};

use andel_core::vault::{Encryption, Identity, SecretString};
use chrono::{DateTime, Utc};
use sha2::{Digest, Sha256};

pub fn now() -> DateTime<Utc> {
    "2026-03-14T10:00:00Z".parse().unwrap()
}

/// A passphrase encryption with a cheap scrypt work factor, so tests do not spend a second each.
pub fn quick_passphrase(p: &str) -> Encryption {
    Encryption::Passphrase {
        passphrase: SecretString::from(p.to_string()),
        work_factor: Some(10),
    }
}

pub fn sha256(path: &Path) -> String {
    hex::encode(Sha256::digest(std::fs::read(path).unwrap()))
}

pub fn files_in(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_in(&path));
        } else {
            out.push(path);
        }
    }
    out.sort();
    out
}

pub fn new_identity() -> Identity {
    Identity::generate()
}

/// Whether a command-line tool is installed (`make test` installs age, sqlite3).
pub fn require_tool(name: &str) {
    let found = std::process::Command::new(name)
        .arg("--version")
        .output()
        .is_ok();
    assert!(
        found,
        "the `{name}` tool is missing: run `make deps` (Debian package {name})"
    );
}
