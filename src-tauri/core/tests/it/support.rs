//! Shared helpers: fixed clocks, quick keys, file hashes, PDF checks.

use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Runs `TOOL ARGS PATH` (pdftotext writes to stdout), checks it succeeds and returns its output.
pub fn run_tool(tool: &str, args: &[&str], path: &Path) -> String {
    let mut command = Command::new(tool);
    command.args(args).arg(path);
    if tool == "pdftotext" {
        command.arg("-");
    }
    let out = command.output().unwrap();
    assert!(
        out.status.success(),
        "{tool} {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stdout)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Checks a PDF with the tools a reader's system uses and returns its `pdftotext -layout` text:
/// `qpdf --check` finds no damage and `pdffonts` lists every font embedded as a subset.
pub fn check_pdf(bytes: &[u8], name: &str) -> String {
    for tool in ["qpdf", "pdffonts", "pdftotext"] {
        require_tool(tool);
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    run_tool("qpdf", &["--check"], &path);
    let fonts = run_tool("pdffonts", &[], &path);
    let rows: Vec<&str> = fonts.lines().skip(2).collect();
    assert!(!rows.is_empty(), "{name}: no fonts");
    for row in rows {
        let cols: Vec<&str> = row.split_whitespace().collect();
        // name type [encoding…] emb sub uni object ID: "emb" is the fifth column from the end.
        let n = cols.len();
        assert!(cols[0].contains('+'), "{name}: no subset tag: {row}");
        assert_eq!(cols[n - 5], "yes", "{name}: font not embedded: {row}");
        assert_eq!(cols[n - 4], "yes", "{name}: font not subset: {row}");
    }
    run_tool("pdftotext", &["-layout"], &path)
}

/// An invented person's e-mail address, as residents make theirs: the first given name and the
/// surname, in lower case, without spaces, hyphens or letters beyond ASCII ("karl.vestbjerg@…").
pub fn invented_email(first: &str, last: &str, domain: &str) -> String {
    let plain: String = format!(
        "{}.{}",
        first.split([' ', '-']).next().unwrap_or(first),
        last.replace([' ', '-'], "")
    )
    .to_lowercase()
    .chars()
    .map(|c| match c {
        'æ' | 'å' | 'ä' => 'a',
        'ø' | 'ö' => 'o',
        'ü' => 'u',
        'ı' => 'i',
        'ž' => 'z',
        'ć' => 'c',
        c if c.is_ascii_alphanumeric() || c == '.' => c,
        _ => 'x',
    })
    .collect();
    format!("{plain}@{domain}")
}
