//! What every command shares: finding the passphrase or key, opening the archive, printing
//! results, and turning core errors into messages and exit codes.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use andel_core::vault::{self, OpenOptions, SecretString, Unlock, Vault};
use andel_core::{Coded, ErrorCode};
use chrono::{DateTime, Utc};
use clap::Args;

/// A failure to report: the message, an optional next step, and the exit code.
#[derive(Debug)]
pub struct CliError {
    pub message: String,
    pub hint: Option<String>,
    pub exit: u8,
}

impl CliError {
    /// The user must act (exit 1).
    pub fn user(message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            hint: None,
            exit: 1,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> CliError {
        self.hint = Some(hint.into());
        self
    }

    /// From a core error with its code.
    pub fn coded(code: ErrorCode, message: impl Into<String>) -> CliError {
        CliError {
            message: message.into(),
            hint: None,
            exit: code.exit_code(),
        }
    }
}

/// Every error of the core carries its code and exit code: one conversion for all of them, with
/// the next step the CLI can name (which flag to add) as a hint.
impl<E: Coded + 'static> From<E> for CliError {
    fn from(e: E) -> CliError {
        CliError {
            exit: e.exit_code(),
            message: e.to_string(),
            hint: hint(&e),
        }
    }
}

/// What to do next, in the CLI's words, for an error or the error it wraps.
fn hint(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    use andel_core::register::{import, people, sublets};
    use andel_core::requests;
    let mut next = Some(e);
    while let Some(e) = next {
        if let Some(v) = e.downcast_ref::<vault::Error>() {
            return match v {
                vault::Error::WrongPassphrase => Some(
                    "Give the passphrase with --passphrase-file FILE, ANDEL_PASSPHRASE, or at the prompt."
                        .into(),
                ),
                vault::Error::NeedsKey => Some("Add --identity KEYFILE.".into()),
                _ => None,
            };
        }
        if let Some(p) = e.downcast_ref::<people::Error>() {
            return match p {
                people::Error::Ambiguous { .. } => {
                    Some("Name one of them with --person ID.".into())
                }
                people::Error::NotFound(_) => Some(
                    "`andel people list --json` (and --former) shows each person's id and name."
                        .into(),
                ),
                _ => None,
            };
        }
        if let Some(sublets::Error::UnknownDecider(_)) = e.downcast_ref::<sublets::Error>() {
            return Some("Add the board member with `andel roles add`.".into());
        }
        if let Some(import::Error::MassEnd { .. }) = e.downcast_ref::<import::Error>() {
            return Some("See who would be ended with --dry-run; if they have really all moved out, run the import again with --allow-mass-end.".into());
        }
        if let Some(requests::Error::IdentityNotChecked(id)) = e.downcast_ref::<requests::Error>() {
            return Some(format!(
                "Run `andel requests identity --vault V {id} --how \"…\"` first (for example \"called back on the phone number in the register\")."
            ));
        }
        next = e.source();
    }
    None
}

pub type CliResult<T = ()> = Result<T, CliError>;

/// Writes a document as its file name asks (`document::write`: `.html`, one self-contained
/// file, or `.md` for the association's website, else PDF), whole or not at all, and says where
/// it went. Every command that writes a document goes through here.
pub fn write_document(out: &Path, doc: &andel_core::document::Document) -> CliResult {
    let bytes = andel_core::document::write(doc, out)?;
    wrote(out, bytes, doc);
    Ok(())
}

/// Says that `doc` went to `out` (`bytes` long), with a warning per text of the board the
/// document does not give as written.
pub fn wrote(out: &Path, bytes: usize, doc: &andel_core::document::Document) {
    warn_fallbacks(&doc.fallbacks, doc.lang);
    say(format!(
        "Wrote {} ({} KB): {}",
        out.display(),
        bytes.div_ceil(1024),
        doc.title
    ));
}

/// One warning line per text of the board that a document in `lang` does not give as written
/// (issue 17: a text belongs to the language it was written in), on standard error, so a script
/// reading the output still sees only the result.
pub fn warn_fallbacks(
    fallbacks: &[andel_core::document::Fallback],
    lang: andel_core::document::Lang,
) {
    use andel_core::document::Shown;
    for f in fallbacks {
        let instead = match f.shown {
            Shown::BuiltIn => "Andel's built-in text stands in its place",
            Shown::AsWritten => "it is printed as written, as Andel has no text of its own for it",
        };
        // An activity's wording is written in the app; a safeguard Andel knows is better
        // recorded by its name, which every language translates.
        let todo = if f.field == "transfer_safeguard" {
            "If it is the EU-US Data Privacy Framework or standard contractual clauses, record it as DPF or SCC, which every language names."
                .to_string()
        } else {
            format!(
                "To use your own words, write them in {} in the app (Privacy, with that document language).",
                language_name(lang)
            )
        };
        eprintln!(
            "warning: {} ({}): the board's text is in {}, not {}; {instead}. {todo}",
            for_terminal(&f.owner),
            f.field.replace('_', " "),
            language_name(f.written_in),
            language_name(lang),
        );
    }
}

pub fn language_name(lang: andel_core::document::Lang) -> &'static str {
    use andel_core::document::Lang;
    match lang {
        Lang::Da => "Danish",
        Lang::Nb => "Norwegian",
        Lang::Sv => "Swedish",
        Lang::En => "English",
    }
}

pub fn write_pdf(out: &Path, doc: &andel_core::document::Document) -> CliResult {
    let bytes = andel_core::document::render_pdf(doc)?;
    andel_core::files::write(out, &bytes)?;
    say(format!(
        "Wrote {} ({} KB): {}",
        out.display(),
        bytes.len().div_ceil(1024),
        doc.title
    ));
    Ok(())
}

/// The options every command that opens an archive takes.
#[derive(Debug, Args)]
pub struct VaultArgs {
    /// The archive file (.andel).
    #[arg(long, value_name = "FILE")]
    pub vault: PathBuf,
    /// Read the passphrase from the first line of this file.
    #[arg(long, value_name = "FILE")]
    pub passphrase_file: Option<PathBuf>,
    /// An age identity file (from age-keygen) for archives encrypted to board members' keys.
    #[arg(long, value_name = "KEYFILE")]
    pub identity: Vec<PathBuf>,
    /// Open even if another Andel has the archive open (its changes may then conflict).
    #[arg(long)]
    pub force: bool,
}

/// How a command names a person: `--person ID` or `--person-name NAME`. A name that several
/// people share is refused with the candidates; only an id tells two namesakes apart.
#[derive(Debug, Args)]
#[group(required = true, multiple = false)]
pub struct PersonArgs {
    /// The person's id (`andel people list --json` shows it).
    #[arg(long = "person", value_name = "ID")]
    pub person: Option<u32>,
    /// The person's name; refused when several people in the register have it.
    #[arg(long = "person-name", value_name = "NAME")]
    pub person_name: Option<String>,
}

impl PersonArgs {
    pub fn who(&self) -> andel_core::register::people::Who {
        use andel_core::register::people::Who;
        match (&self.person, &self.person_name) {
            (Some(id), _) => Who::Id(*id),
            (None, Some(name)) => Who::Name(name.clone()),
            // clap's group requires one of the two.
            (None, None) => Who::Name(String::new()),
        }
    }
}

/// The board's "today": the local calendar day.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// The current time; the one place the CLI reads the clock (with [`today`]).
pub fn now() -> DateTime<Utc> {
    Utc::now()
}

/// Who is making changes, for the audit trail: ANDEL_ACTOR, else the login name.
pub fn actor() -> String {
    std::env::var("ANDEL_ACTOR")
        .or_else(|_| std::env::var("USER"))
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_else(|_| "cli".into())
}

/// scrypt work factor for new encryptions. Only for tests and benchmarks, which cannot spend a
/// second per save: ANDEL_SCRYPT_WORK_FACTOR (10–22). Unset, age picks about one second.
///
/// A release build ignores it: a weak key-derivation setting in the environment of a board
/// member's computer would otherwise weaken every archive it saves (issue 12).
pub fn scrypt_work_factor() -> Option<u8> {
    if !cfg!(debug_assertions) {
        return None;
    }
    std::env::var("ANDEL_SCRYPT_WORK_FACTOR")
        .ok()
        .and_then(|v| v.parse::<u8>().ok())
        .filter(|n| (10..=22).contains(n))
}

fn read_first_line(path: &Path) -> CliResult<String> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        CliError::user(format!(
            "Cannot read the passphrase file {}: {e}",
            path.display()
        ))
    })?;
    let line = text.lines().next().unwrap_or("").to_string();
    if line.is_empty() {
        return Err(CliError::user(format!(
            "The passphrase file {} is empty.",
            path.display()
        )));
    }
    Ok(line)
}

/// The passphrase from --passphrase-file, ANDEL_PASSPHRASE, or a prompt on a terminal.
pub fn passphrase(file: Option<&Path>, prompt: &str) -> CliResult<SecretString> {
    if let Some(f) = file {
        return Ok(SecretString::from(read_first_line(f)?));
    }
    if let Ok(p) = std::env::var("ANDEL_PASSPHRASE") {
        if !p.is_empty() {
            return Ok(SecretString::from(p));
        }
    }
    if std::io::stdin().is_terminal() {
        let p = rpassword::prompt_password(prompt)
            .map_err(|e| CliError::user(format!("Could not read the passphrase: {e}")))?;
        return Ok(SecretString::from(p));
    }
    Err(CliError::user("No passphrase given.").with_hint(
        "Use --passphrase-file FILE or set ANDEL_PASSPHRASE; on a terminal you are asked.",
    ))
}

/// A new passphrase, from an environment variable or asked twice on a terminal.
pub fn new_passphrase(env: &str) -> CliResult<SecretString> {
    if let Ok(p) = std::env::var(env) {
        if !p.is_empty() {
            return Ok(SecretString::from(p));
        }
    }
    if !std::io::stdin().is_terminal() {
        return Err(
            CliError::user("No new passphrase given.").with_hint(format!(
                "Set {env}, or run the command on a terminal to be asked."
            )),
        );
    }
    let first = rpassword::prompt_password("New passphrase: ")
        .map_err(|e| CliError::user(format!("Could not read the passphrase: {e}")))?;
    let second = rpassword::prompt_password("The same again: ")
        .map_err(|e| CliError::user(format!("Could not read the passphrase: {e}")))?;
    if first != second {
        return Err(CliError::user(
            "The two passphrases differ; nothing was changed.",
        ));
    }
    Ok(SecretString::from(first))
}

fn unlock(args: &VaultArgs) -> CliResult<Unlock> {
    if !args.identity.is_empty() {
        let paths: Vec<&Path> = args.identity.iter().map(PathBuf::as_path).collect();
        return Ok(Unlock::Identities(vault::read_identities(&paths)?));
    }
    match vault::probe(&args.vault)? {
        vault::Protection::Recipients => Err(vault::Error::NeedsKey.into()),
        vault::Protection::Passphrase => Ok(Unlock::Passphrase(passphrase(
            args.passphrase_file.as_deref(),
            &format!("Passphrase for {}: ", args.vault.display()),
        )?)),
    }
}

/// Opens the archive for reading only: no lock taken, nothing written.
pub fn open_read_only(args: &VaultArgs) -> CliResult<Vault> {
    let mut options = OpenOptions::new(actor());
    options.read_only = true;
    Ok(Vault::open(&args.vault, &unlock(args)?, &options, now())?)
}

/// Opens the archive for changes.
pub fn open_for_change(args: &VaultArgs) -> CliResult<Vault> {
    let mut options = OpenOptions::new(actor());
    options.take_over_lock = args.force;
    options.scrypt_work_factor = scrypt_work_factor();
    Vault::open(&args.vault, &unlock(args)?, &options, now()).map_err(|e| match e {
        vault::Error::InUse(_) => CliError::from(e).with_hint("Add --force to open it anyway."),
        other => other.into(),
    })
}

/// Prints a value as pretty JSON on stdout.
pub fn print_json<T: serde::Serialize>(value: &T) -> CliResult {
    let text = serde_json::to_string_pretty(value)
        .map_err(|e| CliError::coded(ErrorCode::Internal, e.to_string()))?;
    write_stdout(&text);
    Ok(())
}

/// Prints a line for people on stdout, with control characters made visible.
pub fn say(line: impl std::fmt::Display) {
    write_stdout(&for_terminal(&line.to_string()));
}

/// Text from the archive or from a file (a title, a file name, a cell of a resident list) may
/// carry control characters; printed raw, an escape sequence would drive the reader's terminal
/// (move the cursor, rewrite earlier lines, set the window title). Line breaks and tabs stay;
/// every other control character is shown as `\u{..}`.
pub fn for_terminal(text: &str) -> String {
    if !text.chars().any(is_unsafe_control) {
        return text.to_owned();
    }
    let mut shown = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe_control(c) {
            shown.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            shown.push(c);
        }
    }
    shown
}

/// C0 and C1 controls and DEL, but not the line break and the tab that output is made of.
fn is_unsafe_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// Set once stdout is closed by its reader (`andel requests list --json | head`) or cannot be
/// written: from then on output is dropped.
static STDOUT_GONE: AtomicBool = AtomicBool::new(false);
/// Set when writing stdout failed for another reason than a closed pipe (a full disk): the
/// output is incomplete, so the command must not exit 0.
static STDOUT_FAILED: AtomicBool = AtomicBool::new(false);

/// Every line the CLI prints on stdout goes through here. A reader that stops reading is normal
/// in a pipe: like ripgrep, `andel` then goes on quietly (println! would panic), and the command
/// still finishes what it was doing, so a change is never left half-saved because of `head`.
fn write_stdout(text: &dyn std::fmt::Display) {
    if STDOUT_GONE.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}").and_then(|()| out.flush()) {
        STDOUT_GONE.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            STDOUT_FAILED.store(true, Ordering::Relaxed);
            eprintln!("error: could not write the output: {e}");
        }
    }
}

/// Whether some output could not be written for another reason than a closed pipe.
pub fn stdout_failed() -> bool {
    STDOUT_FAILED.load(Ordering::Relaxed)
}

#[cfg(test)]
mod terminal_tests {
    use super::for_terminal;

    // Regression (issue 12): `minutes list` printed escape sequences from titles raw.
    #[test]
    fn control_characters_are_shown_not_sent_to_the_terminal() {
        assert_eq!(
            for_terminal("Referat\u{1b}[2J\u{9b}31m\u{7}"),
            "Referat\\u{1b}[2J\\u{9b}31m\\u{7}"
        );
        assert_eq!(for_terminal("a\tb\nc æøå"), "a\tb\nc æøå");
    }
}
