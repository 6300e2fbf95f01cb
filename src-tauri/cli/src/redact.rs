//! `andel detect`, `andel redact` and `andel verify`: the redaction of minutes for scripts.
//!
//! FILE may be .txt, .md, .docx or .pdf (the same text extraction as the minutes import). With
//! `--vault` the register is loaded for the document's date (from the archive when the file was
//! imported there, else the date near the top of the text, else today), and the webmaster's stored
//! decisions for an imported file are laid over the findings; without it only the pattern and
//! unknown-name recognizers run. `redact` uses the default policy and refuses (exit 3, nothing
//! written) when the re-scan of its own output still finds personal data.

use std::path::{Path, PathBuf};

use andel_core::minutes::{self, ExportFormat, Format};
use andel_core::redact::{
    self, Context, Decision, Detector, Finding, Recognizer, ReviewDecision, Style,
};
use clap::Args;
use serde::Serialize;

use crate::common::today;
use crate::common::{self, CliError, CliResult, VaultArgs};
use crate::minutes::{about, read};

/// `--vault` and its unlocking options, all optional.
#[derive(Debug, Args)]
pub struct OptionalVault {
    /// The archive whose register (residents, board, organisations) guides the redaction.
    #[arg(long, value_name = "FILE")]
    vault: Option<PathBuf>,
    /// Read the passphrase from the first line of this file.
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// An age identity file for archives encrypted to board members' keys.
    #[arg(long, value_name = "KEYFILE")]
    identity: Vec<PathBuf>,
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The minutes (.txt, .md, .docx or .pdf).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print JSON: [{"kind", "start", "end", "text", "recognizer", "score", "decision"}].
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RedactArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The minutes (.txt, .md, .docx or .pdf).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write the redacted minutes; the extension picks .txt, .md, .html or .pdf.
    #[arg(long, value_name = "OUT")]
    out: PathBuf,
    /// block (█████), label ("[navn]") or pseudonym ("Andelshaver A").
    #[arg(long, default_value = "block", value_parser = style_arg)]
    style: Style,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The file to check (.txt, .md, .docx, .pdf or .html).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

fn style_arg(text: &str) -> Result<Style, String> {
    text.parse::<Style>()
        .map_err(|_| format!("\"{text}\" is not a style: use block, label or pseudonym"))
}

/// A document read for redaction: its text, the register's context and the findings.
struct Loaded {
    text: String,
    context: Option<Context>,
    findings: Vec<Finding>,
    /// The webmaster's stored decisions, for minutes imported into the archive.
    review: Vec<ReviewDecision>,
}

fn load(vault: &OptionalVault, file: &Path) -> CliResult<Loaded> {
    let bytes = read(file)?;
    let name = file.display().to_string();
    // Minutes as imported, or an export of Andel's (an .html page) to check before publishing.
    let text = match (
        Format::from_file_name(&name),
        ExportFormat::from_file_name(&name),
    ) {
        (Ok(format), _) => minutes::extract_text(&bytes, format),
        (Err(_), Ok(export)) => minutes::visible_text(&bytes, export),
        (Err(e), Err(_)) => Err(e),
    }
    .map_err(|e| about(file, e))?;
    let Some(path) = &vault.vault else {
        let findings = Detector::new(None).detect(&text);
        return Ok(Loaded {
            text,
            context: None,
            findings,
            review: Vec::new(),
        });
    };
    let archive = common::open_read_only(&VaultArgs {
        vault: path.clone(),
        passphrase_file: vault.passphrase_file.clone(),
        identity: vault.identity.clone(),
        force: false,
    })?;
    let conn = archive.conn();
    // Minutes imported before: their date and the webmaster's decisions.
    let sha = minutes::sha256(&bytes);
    let stored = match minutes::by_sha256(conn, &sha)? {
        Some(id) => Some((minutes::get(conn, id)?, minutes::decisions(conn, id)?)),
        None => None,
    };
    let date = stored
        .as_ref()
        .map(|(d, _)| d.date)
        .or_else(|| minutes::date_in_text(&text))
        .unwrap_or_else(today);
    let context = minutes::redaction_context(conn, Some(date))?;
    let review = stored.map(|(_, r)| r).unwrap_or_default();
    let findings =
        redact::apply_review(&text, Detector::new(Some(&context)).detect(&text), &review);
    Ok(Loaded {
        text,
        context: Some(context),
        findings,
        review,
    })
}

/// One finding as scripts read it; offsets count characters of the text.
#[derive(Debug, Serialize)]
struct FindingJson<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    recognizer: Recognizer,
    score: f32,
    decision: Decision,
}

pub fn detect(args: DetectArgs) -> CliResult {
    let loaded = load(&args.vault, &args.file)?;
    if args.json {
        let out: Vec<FindingJson<'_>> = loaded
            .findings
            .iter()
            .map(|f| FindingJson {
                kind: f.kind.code(),
                start: f.start,
                end: f.end,
                text: &f.text,
                recognizer: f.recognizer,
                score: f.score,
                decision: f.decision,
            })
            .collect();
        return common::print_json(&out);
    }
    if loaded.findings.is_empty() {
        common::say("No personal data found.");
    }
    for f in &loaded.findings {
        let decision = match f.decision {
            Decision::Redact => "redact",
            Decision::Keep => "keep",
        };
        common::say(format!(
            "{:>6}–{:<6} {:<11} {:<6} {}  ({}, {:.2})",
            f.start,
            f.end,
            f.kind.code(),
            decision,
            f.text.replace('\n', " "),
            f.reason,
            f.score
        ));
    }
    Ok(())
}

pub fn redact(args: RedactArgs) -> CliResult {
    let format = ExportFormat::from_file_name(&args.out.display().to_string())?;
    let loaded = load(&args.vault, &args.file)?;
    let bytes = minutes::publish(
        &loaded.text,
        &loaded.findings,
        &loaded.review,
        args.style,
        format,
        loaded.context.as_ref(),
        common::now(),
    )?;
    std::fs::write(&args.out, bytes)
        .map_err(|e| CliError::user(format!("Cannot write {}: {e}", args.out.display())))?;
    let redacted = loaded
        .findings
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .count();
    eprintln!(
        "Wrote {}: {redacted} passages redacted, the re-scan found nothing left.",
        args.out.display()
    );
    Ok(())
}

pub fn verify(args: VerifyArgs) -> CliResult {
    let loaded = load(&args.vault, &args.file)?;
    let kinds = redact::verify(&loaded.text, loaded.context.as_ref());
    if kinds.is_empty() {
        common::say("No personal data found.");
        return Ok(());
    }
    let list: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    Err(CliError {
        message: format!(
            "{} still holds personal data: {}",
            args.file.display(),
            list.join(", ")
        ),
        hint: Some("Redact it with `andel redact` before publishing.".into()),
        exit: 3,
    })
}
