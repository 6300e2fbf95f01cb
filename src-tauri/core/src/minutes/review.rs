//! The webmaster's review of minutes and their export for the website: the use cases the app's
//! review screen and `andel redact` / `andel minutes export` share, so that "what the redaction
//! found" and "what may leave the archive" are decided in one place.
//!
//! A review is: the register as context for the meeting's date → the detector (plus, for a scan,
//! the words OCR was unsure of) → the stored decisions laid over the findings. A finding is
//! *pending* until a decision covers it. The export for the website starts from that same review
//! (detection runs once), refuses while anything is pending (when the caller has a review to
//! offer), re-scans its output ([`publish`]), writes the file atomically, records the export in
//! the audit trail and reports per kind what it redacted, never the values.

use std::path::{Path, PathBuf};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::Serialize;

use super::{
    by_sha256, date_in_text, decisions, doubtful_words, get, layout, publish_closed, record_export,
    redaction_context, sha256, text, Document, Error, ExportFormat,
};
use crate::redact::{self, Context, Detector, Finding, KindCount, Recognizer, ReviewDecision};
use crate::register::Id;
use crate::vault::Vault;

/// Minutes under review: the document, its text, the register as it stood on the meeting's
/// date, the webmaster's stored decisions, and what the redaction found with those decisions
/// laid over it. The app's review screen gets it as is: the document, the text, the findings
/// and which of them are decided; the register's context, the stored decisions and the
/// detector's own findings stay in the core.
#[derive(Debug, Clone, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Review {
    pub document: Document,
    /// The stored text; findings' offsets count its characters (Unicode scalar values).
    pub text: String,
    #[serde(skip)]
    pub context: Context,
    #[serde(skip)]
    pub decisions: Vec<ReviewDecision>,
    /// What the redaction found with the decisions laid over: what the webmaster reviews. A
    /// finding's `decision` is the policy's proposal until the webmaster decides.
    pub findings: Vec<Finding>,
    /// For each of `findings`, in the same order: whether the webmaster has decided on it
    /// (accepted, rejected, or marked it by hand). A finding not decided is *pending*.
    pub decided: Vec<bool>,
    /// How many residents the register knows on the meeting's date. None: the register is empty
    /// (or starts after the meeting), so only what Andel recognises without it is found, and the
    /// review says so before anything is published.
    pub residents_known: u32,
    /// What the detector alone found, before the words OCR doubted and the decisions: publishing
    /// the original starts from it instead of running the detector again.
    #[serde(skip)]
    pub detected: Vec<Finding>,
}

impl Review {
    /// How many findings still wait for a decision.
    pub fn pending(&self) -> usize {
        self.decided.iter().filter(|d| !**d).count()
    }
}

/// Whether a stored decision covers `f`. A passage marked by hand is a decision itself.
fn decided(f: &Finding, review: &[ReviewDecision]) -> bool {
    f.recognizer == Recognizer::Review
        || review.iter().any(|r| {
            r.text == f.text && (r.all_occurrences || (r.start == f.start && r.end == f.end))
        })
}

/// The review of minutes in the archive.
pub fn review(conn: &Connection, id: Id) -> Result<Review, Error> {
    let document = get(conn, id)?;
    let context = redaction_context(conn, Some(document.date))?;
    let text = text(conn, id)?;
    let decisions = decisions(conn, id)?;
    let detected = Detector::new(Some(&context)).detect(&text);
    let mut found = detected.clone();
    // A scan: the words OCR was unsure of come to the review too.
    if let Some(layout) = layout(conn, id)? {
        found.extend(doubtful_words(&text, &layout, &found));
        found.sort_by_key(|f| f.start);
    }
    let findings = redact::apply_review(&text, found, &decisions);
    let decided = findings.iter().map(|f| decided(f, &decisions)).collect();
    Ok(Review {
        document,
        text,
        residents_known: context.residents.len() as u32,
        context,
        decisions,
        findings,
        decided,
        detected,
    })
}

/// The webmaster's decision on a passage of minutes (a finding, or a selection marked by hand):
/// checked against the stored text (the passage must be what the text holds between its
/// offsets, and hold a word), stored ([`super::decide`]), and the review as it now stands.
pub fn mark(
    conn: &Connection,
    id: Id,
    decision: &ReviewDecision,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Review, Error> {
    let text = text(conn, id)?;
    let passage: String = text
        .chars()
        .skip(decision.start)
        .take(decision.end.saturating_sub(decision.start))
        .collect();
    if decision.start >= decision.end || passage != decision.text {
        return Err(Error::PassageMismatch);
    }
    if decision.text.trim().is_empty() {
        return Err(Error::EmptyPassage);
    }
    super::decide(conn, id, decision, actor, now)?;
    review(conn, id)
}

/// Forgets every decision on minutes, to start their review over ([`super::clear_decisions`]),
/// and gives the review as it now stands.
pub fn restart(
    conn: &Connection,
    id: Id,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Review, Error> {
    super::clear_decisions(conn, id, actor, now)?;
    review(conn, id)
}

/// The redaction of a text read from a file (`andel detect`, `andel redact`, `andel verify`).
#[derive(Debug, Clone)]
pub struct FileReview {
    /// The register's context, when an archive was given.
    pub context: Option<Context>,
    /// The webmaster's decisions, when the file was imported into the archive before.
    pub decisions: Vec<ReviewDecision>,
    pub findings: Vec<Finding>,
}

/// The review of `text`, read from the file `bytes`. With an archive, a file imported before
/// brings its meeting's date and the webmaster's decisions; any other file is read as of the date
/// in its text, else `today`. Without an archive only the recognizers that need no register run.
pub fn review_file(
    conn: Option<&Connection>,
    bytes: &[u8],
    text: &str,
    today: NaiveDate,
) -> Result<FileReview, Error> {
    let Some(conn) = conn else {
        return Ok(FileReview {
            context: None,
            decisions: Vec::new(),
            findings: Detector::new(None).detect(text),
        });
    };
    let stored = match by_sha256(conn, &sha256(bytes))? {
        Some(id) => Some((get(conn, id)?, decisions(conn, id)?)),
        None => None,
    };
    let date = stored
        .as_ref()
        .map(|(d, _)| d.date)
        .or_else(|| date_in_text(text))
        .unwrap_or(today);
    let context = redaction_context(conn, Some(date))?;
    let decisions = stored.map(|(_, r)| r).unwrap_or_default();
    let findings =
        redact::apply_review(text, Detector::new(Some(&context)).detect(text), &decisions);
    Ok(FileReview {
        context: Some(context),
        decisions,
        findings,
    })
}

/// What to do with findings nobody has decided on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Undecided {
    /// Refuse the export until every finding is decided (the app, where the webmaster reviews).
    Refuse,
    /// Follow the policy's proposal (the CLI, which has no review: its scripts rely on the
    /// policy and on the re-scan, which refuses all the same when anything flagged is left).
    FollowPolicy,
}

/// Where and how to export minutes for the website.
#[derive(Debug, Clone)]
pub struct WebExport<'a> {
    /// The file to write; its extension chooses the format (.txt, .md, .html, .pdf).
    pub path: &'a Path,
    pub style: redact::Style,
    /// Whether an existing file may be replaced (a save dialog has asked).
    pub replace: bool,
    pub undecided: Undecided,
}

/// What an export for the website did (never the values). (`ExportReport` in the app's
/// bindings.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(rename = "ExportReport"))]
pub struct WebExportReport {
    pub path: PathBuf,
    pub format: ExportFormat,
    /// Passages redacted, per kind.
    pub redacted: Vec<KindCount>,
    /// Findings kept in the text by decision (officials in their role, organisations).
    pub kept: u32,
    /// Whether the export went into the audit trail (not on a read-only archive).
    pub recorded: bool,
    /// Of the passages redacted, how many only the re-scan of the redacted text found: the
    /// review did not show them, so the report says so, for a look at the file.
    pub rescanned: u32,
}

/// Exports minutes from the archive for the website: the review (refused while anything is
/// pending, if so asked), the redaction in `style`, the re-scan of the output (nothing is written
/// when it finds something), the atomic write, the audit entry (unless the archive is open
/// read-only) and the report per kind.
pub fn export_for_web(
    vault: &Vault,
    id: Id,
    export: &WebExport<'_>,
    now: DateTime<Utc>,
) -> Result<WebExportReport, Error> {
    let format = ExportFormat::from_file_name(&export.path.display().to_string())?;
    let conn = vault.conn();
    let review = review(conn, id)?;
    let pending = review.pending();
    if export.undecided == Undecided::Refuse && pending > 0 {
        return Err(Error::Pending(pending));
    }
    let published = publish_closed(
        &review.text,
        &review.findings,
        &review.decisions,
        export.style,
        format,
        Some(&review.context),
        now,
    )?;
    let bytes = published.bytes;
    if !export.replace && export.path.exists() {
        return Err(Error::Exists(export.path.to_path_buf()));
    }
    crate::files::write(export.path, &bytes).map_err(Error::Write)?;
    let recorded = !vault.is_read_only();
    if recorded {
        record_export(conn, id, format, vault.actor(), now)?;
    }
    // The passages the re-scan added are redacted in the file, so they are counted, and said.
    let rescanned = u32::try_from(published.added.len()).unwrap_or(u32::MAX);
    let mut counted = review.findings.clone();
    counted.extend(published.added);
    let (redacted, kept) = redact::count_by_kind(&counted);
    Ok(WebExportReport {
        path: export.path.to_path_buf(),
        format,
        redacted,
        kept,
        recorded,
        rescanned,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::{Decision, Kind};

    fn finding(start: usize, text: &str, recognizer: Recognizer) -> Finding {
        Finding {
            start,
            end: start + text.chars().count(),
            kind: Kind::Person,
            text: text.into(),
            recognizer,
            score: 1.0,
            reason: String::new(),
            decision: Decision::Redact,
            subject: None,
        }
    }

    fn stored(start: usize, text: &str, all: bool) -> ReviewDecision {
        ReviewDecision {
            start,
            end: start + text.chars().count(),
            text: text.into(),
            kind: Kind::Person,
            decision: Decision::Keep,
            all_occurrences: all,
        }
    }

    #[test]
    fn a_finding_is_pending_until_a_decision_covers_it() {
        let f = finding(10, "Åse Bø", Recognizer::Register);
        assert!(!decided(&f, &[]));
        assert!(!decided(&f, &[stored(30, "Åse Bø", false)]));
        assert!(decided(&f, &[stored(10, "Åse Bø", false)]));
        assert!(decided(&f, &[stored(30, "Åse Bø", true)]));
        assert!(decided(&finding(3, "x", Recognizer::Review), &[]));
    }
}
