//! The harness the `andel` end-to-end tests share: a temp folder holding one archive, the real
//! binary run in it with a known passphrase, a cheap scrypt work factor and a fixed actor, and
//! small helpers for exit codes, hashes, fixtures and the PDF tools.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;
use sha2::{Digest, Sha256};

/// The passphrase of an archive made with `andel init`.
pub const PASSPHRASE: &str = "correct horse battery staple";
/// The passphrase of an archive made with `andel demo`.
pub const DEMO_PASSPHRASE: &str = "demo-andel-2026";
pub const ACTOR: &str = "Katrine Hvidberg";

/// A temp folder with one archive (`vault`) in it; commands run with the folder as working dir.
pub struct Archive {
    pub dir: tempfile::TempDir,
    vault: &'static str,
    passphrase: &'static str,
}

impl Archive {
    /// An empty folder; the archive `v.andel` is not made yet.
    pub fn empty() -> Archive {
        Archive {
            dir: tempfile::tempdir().unwrap(),
            vault: "v.andel",
            passphrase: PASSPHRASE,
        }
    }

    /// `andel init` for A/B Rønnebærhaven in the given country.
    pub fn init(country: &str) -> Archive {
        let a = Archive::empty();
        a.ok(&[
            "init",
            "--vault",
            a.vault,
            "--association",
            "A/B Rønnebærhaven",
            "--country",
            country,
        ]);
        a
    }

    /// The demo archive `d.andel` made with `andel demo`.
    pub fn demo() -> Archive {
        let d = Archive {
            dir: tempfile::tempdir().unwrap(),
            vault: "d.andel",
            passphrase: DEMO_PASSPHRASE,
        };
        let out = d.run(&["demo", "--vault", d.vault]);
        assert!(out.status.success(), "{}", stderr(&out));
        d
    }

    /// A file in the archive's folder.
    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The archive file itself.
    pub fn vault(&self) -> PathBuf {
        self.path(self.vault)
    }

    /// The SHA-256 of the archive file, to show a command left it untouched.
    pub fn sha(&self) -> String {
        sha256(&self.vault())
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.run_env(args, &[])
    }

    /// Runs `andel ARGS` with extra (or overriding) environment variables.
    pub fn run_env(&self, args: &[&str], env: &[(&str, &str)]) -> Output {
        let mut c = Command::new(env!("CARGO_BIN_EXE_andel"));
        c.args(args)
            .current_dir(self.dir.path())
            .env("ANDEL_PASSPHRASE", self.passphrase)
            .env("ANDEL_SCRYPT_WORK_FACTOR", "10")
            .env("ANDEL_ACTOR", ACTOR)
            .env_remove("ANDEL_NEW_PASSPHRASE");
        for (k, v) in env {
            c.env(k, v);
        }
        c.output().unwrap()
    }

    /// `andel WORDS --vault <archive> REST`.
    pub fn on(&self, words: &[&str], rest: &[&str]) -> Output {
        let mut args: Vec<&str> = words.to_vec();
        args.extend(["--vault", self.vault]);
        args.extend(rest);
        self.run(&args)
    }

    pub fn ok(&self, args: &[&str]) -> String {
        succeeded(self.run(args), &format!("andel {args:?}"))
    }

    pub fn ok_on(&self, words: &[&str], rest: &[&str]) -> String {
        succeeded(self.on(words, rest), &format!("andel {words:?} {rest:?}"))
    }

    /// `andel WORDS --vault <archive> REST --json`, parsed.
    pub fn json(&self, words: &[&str], rest: &[&str]) -> Value {
        let mut rest = rest.to_vec();
        rest.push("--json");
        serde_json::from_str(&self.ok_on(words, &rest)).unwrap()
    }
}

/// The command's stdout, after checking it succeeded.
fn succeeded(out: Output, what: &str) -> String {
    assert!(out.status.success(), "{what} failed: {}", stderr(&out));
    String::from_utf8(out.stdout).unwrap()
}

pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap()
}

pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

pub fn arg(p: &Path) -> &str {
    p.to_str().unwrap()
}

pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn sha256(path: &Path) -> String {
    hex(&Sha256::digest(std::fs::read(path).unwrap()))
}

/// `tests/fixtures/<kind>/<name>` at the repository root.
pub fn fixture(kind: &str, name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures")
        .join(kind)
        .join(name)
}

/// The PDF's text as `pdftotext` reads it.
pub fn pdftotext(path: &Path) -> String {
    pdftotext_with(&[], path)
}

/// The PDF's text as `pdftotext -layout` reads it.
pub fn pdftotext_layout(path: &Path) -> String {
    pdftotext_with(&["-layout"], path)
}

fn pdftotext_with(options: &[&str], path: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(options)
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) is installed by make deps");
    assert!(
        out.status.success(),
        "pdftotext failed on {}",
        path.display()
    );
    String::from_utf8(out.stdout).unwrap()
}

/// `qpdf --check` finds no damage.
pub fn qpdf_check(path: &Path) {
    let out = Command::new("qpdf")
        .arg("--check")
        .arg(path)
        .output()
        .expect("qpdf is installed by make deps");
    assert!(
        out.status.success(),
        "qpdf --check {}: {}",
        path.display(),
        String::from_utf8_lossy(&out.stdout)
    );
}
