//! Publishing minutes in their own format: the board's .docx comes out as a .docx, its PDF as a PDF,
//! with every flagged passage replaced in place and every hidden place (comments, tracked changes,
//! properties, metadata, outline, annotations) cleaned.
//!
//! The formats themselves are [`crate::formats`] (`docx`, `pdf`), each with `extract`, `redact` and
//! `visible_text`, so the pipeline is written once; scans are [`scan`], which paints into the
//! pixels.
//!
//! [`redact_original`] is the pipeline: detect with the register's context → lay the stored
//! decisions over the findings (the same `redact::apply_review` as the text export) → the same
//! replacement words as the text export (`redact::replacements`) → the format's redaction → re-scan
//! of the output's visible text (`redact::verify`) → refuse with [`Error::PersonalDataRemains`]
//! (the CLI's exit 3; nothing is handed out) if anything flagged or any register name remains.
//! [`archived`] does the same for minutes kept in the archive (their date and decisions), [`write`]
//! puts the bytes in place atomically and [`record`] notes the export in the audit trail.

pub mod scan;

use chrono::{DateTime, Utc};
use rusqlite::Connection;
use serde::Serialize;

use crate::formats::{docx, pdf, Redacted, Span};
pub use crate::formats::{Cleaned, Options};
use crate::minutes::{self, Format};
use crate::redact::{self, Context, Detector, Finding, Kind, ReviewDecision};
use crate::register::Id;
use crate::vault::Vault;
use crate::Coded;
use crate::{audit, ErrorCode};

/// Why a file could not be published in its own format. Nothing is written in any of these cases.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The published file is to get another extension than the original's.
    #[error("The original is {name}: save the published file with the extension .{ext}.")]
    WrongExtension { name: String, ext: String },
    /// The file is neither .docx nor .pdf.
    #[error("Only .docx and .pdf minutes can be published in their own format (\"{0}\" is neither). Export them as .txt, .md, .html or .pdf instead.")]
    NotOriginal(String),
    /// The .docx could not be read or rewritten.
    #[error("{0}")]
    Docx(#[from] docx::Error),
    /// The PDF could not be read or rewritten.
    #[error("{0}")]
    Pdf(#[from] pdf::Error),
    /// The re-scan of the output still found personal data; nothing was written.
    #[error("The redacted {format} still holds personal data ({kinds}); nothing was written. Review the findings and redact what is left, or export as text instead.", format = .format.as_str(), kinds = kinds_text(.kinds))]
    PersonalDataRemains { format: Format, kinds: Vec<Kind> },
    /// A span did not fit the text (the text changed after detection).
    #[error("The redaction could not be applied: {0}")]
    Redact(#[from] redact::Error),
    /// Reading the minutes or the register failed.
    #[error("{0}")]
    Minutes(#[from] minutes::Error),
    /// Writing the output file failed.
    #[error("{0}")]
    Write(#[from] crate::files::Error),
    /// Recording the export in the audit trail failed.
    #[error("Database error while recording the export: {0}")]
    Database(#[source] rusqlite::Error),
}

fn kinds_text(kinds: &[Kind]) -> String {
    kinds
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    /// The re-scan refused the output: the CLI exits with 3 (an integrity problem).
    pub fn is_refusal(&self) -> bool {
        matches!(self, Error::PersonalDataRemains { .. })
    }
}

impl Coded for Error {
    /// An export the re-scan refused is an integrity problem (exit 3), like a damaged file.
    fn exit_code(&self) -> u8 {
        if self.is_refusal() {
            3
        } else {
            self.code().exit_code()
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            Error::NotOriginal(_)
            | Error::WrongExtension { .. }
            | Error::Docx(_)
            | Error::Pdf(_)
            | Error::PersonalDataRemains { .. }
            | Error::Redact(_) => ErrorCode::InvalidInput,
            Error::Minutes(e) => e.code(),
            Error::Write(e) => e.code(),
            Error::Database(_) => ErrorCode::Internal,
        }
    }
}

pub use crate::redact::KindCount;

/// What publishing did (never the values).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Report {
    pub format: Format,
    pub redacted: Vec<KindCount>,
    /// Findings kept by decision (officials in their role, organisations, the webmaster's choice).
    pub kept: u32,
    pub cleaned: Cleaned,
    /// Of the passages redacted, how many only the re-scan of the redacted text found.
    pub rescanned: u32,
}

/// The published file and its report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Published {
    pub bytes: Vec<u8>,
    pub report: Report,
}

/// The original formats: .docx and .pdf, by the file's name.
pub fn original_format(file_name: &str) -> Option<Format> {
    match Format::from_file_name(file_name) {
        Ok(f @ (Format::Docx | Format::Pdf)) => Some(f),
        _ => None,
    }
}

/// The text detection runs on for a file in an original format, as the minutes import stores it.
pub fn extract_text(bytes: &[u8], format: Format) -> Result<String, Error> {
    match format {
        Format::Docx => Ok(docx::extract(bytes)?.text),
        Format::Pdf => Ok(pdf::extract(bytes)?.text),
        other => Err(Error::NotOriginal(other.as_str().to_string())),
    }
}

/// Everything a reader or a tool can see in a file in an original format.
pub fn visible_text(bytes: &[u8], format: Format) -> Result<String, Error> {
    match format {
        Format::Docx => Ok(docx::visible_text(bytes)?),
        Format::Pdf => Ok(pdf::visible_text(bytes)?),
        other => Err(Error::NotOriginal(other.as_str().to_string())),
    }
}

/// Redacts `bytes` (a .docx or a PDF) in its own format: detection with `context`, the stored
/// `review` decisions laid over it, the format's redaction, and the re-scan of everything the output
/// shows. Returns the new file only when the re-scan finds nothing flagged and no register name.
pub fn redact_original(
    bytes: &[u8],
    format: Format,
    context: Option<&Context>,
    review: &[ReviewDecision],
    options: &Options,
) -> Result<Published, Error> {
    let detect = |text: &str| detected(text, context, review);
    if scan::is_scan(bytes, format) {
        let language = scan_language(context);
        let text = scan::extract(bytes, &format!("scan.{}", format.as_str()), language, &())?;
        let found = detect(&text.text);
        return scanned(bytes, format, &text, found, context, review, options);
    }
    in_own_format(bytes, format, detect, context, review, options)
}

/// What the detector finds in `text` with `context`, the stored `review` decisions laid over it:
/// the findings the export redacts or keeps (the same as the text export's).
fn detected(text: &str, context: Option<&Context>, review: &[ReviewDecision]) -> Vec<Finding> {
    redact::apply_review(text, Detector::new(context).detect(text), review)
}

/// A .docx or a PDF with text: the format's text, `detect` on it, the format's redaction and the
/// re-scan of the output's visible text.
fn in_own_format(
    bytes: &[u8],
    format: Format,
    detect: impl FnOnce(&str) -> Vec<Finding>,
    context: Option<&Context>,
    review: &[ReviewDecision],
    options: &Options,
) -> Result<Published, Error> {
    match format {
        Format::Docx => {
            let text = docx::extract(bytes)?;
            let found = detect(&text.text);
            run(
                &text.text,
                found,
                context,
                review,
                options,
                format,
                |spans| {
                    let out = docx::redact(bytes, &text, spans, options)?;
                    let visible = docx::visible_text(&out.bytes)?;
                    Ok((out, visible))
                },
            )
        }
        Format::Pdf => {
            let text = pdf::extract(bytes)?;
            let found = detect(&text.text);
            run(
                &text.text,
                found,
                context,
                review,
                options,
                format,
                |spans| {
                    let out = pdf::redact(bytes, &text, spans, options)?;
                    let visible = pdf::visible_text(&out.bytes)?;
                    Ok((out, visible))
                },
            )
        }
        other => Err(Error::NotOriginal(other.as_str().to_string())),
    }
}

fn scan_language(context: Option<&Context>) -> crate::ocr::Language {
    context.map_or(crate::ocr::Language::Da, |c| {
        crate::ocr::Language::for_country(c.country)
    })
}

/// [`redact_original`] for a scan read before (its text and word boxes): the redaction painted
/// into the page images, the output a PDF, the re-scan an OCR of the output.
pub fn redact_scan(
    bytes: &[u8],
    format: Format,
    text: &scan::ScanText,
    context: Option<&Context>,
    review: &[ReviewDecision],
    options: &Options,
) -> Result<Published, Error> {
    let found = detected(&text.text, context, review);
    scanned(bytes, format, text, found, context, review, options)
}

/// A scan with its `found` findings: painted, written as a PDF and re-scanned.
fn scanned(
    bytes: &[u8],
    format: Format,
    text: &scan::ScanText,
    found: Vec<Finding>,
    context: Option<&Context>,
    review: &[ReviewDecision],
    options: &Options,
) -> Result<Published, Error> {
    // Whatever the scan came as, it is published as a PDF.
    run(
        &text.text,
        found,
        context,
        review,
        options,
        Format::Pdf,
        |spans| {
            let out = scan::redact(bytes, format, text, spans, options, &())?;
            let visible = scan::visible_text(&out.bytes, format, &text.layout, &())?;
            Ok((out, visible))
        },
    )
}

/// The format-independent part of [`redact_original`]: `found` (with the decisions laid over)
/// become spans, `rewrite` gets them and returns the output with its visible text, and that text
/// is re-scanned.
fn run(
    text: &str,
    found: Vec<Finding>,
    context: Option<&Context>,
    review: &[ReviewDecision],
    options: &Options,
    format: Format,
    rewrite: impl FnOnce(&[Span]) -> Result<(Redacted, String), Error>,
) -> Result<Published, Error> {
    let country = context.map(|c| c.country);
    // Passages the webmaster kept are set aside before the re-scan, as in the text export.
    let kept = minutes::kept_passages(review);
    // What the re-scan of the redacted text flags outside every finding is redacted too, as in the
    // text export; what it still flags after that refuses the export before the file is touched.
    let closed = minutes::close_over_rescan(text, &found, &kept, options.style, context)?;
    if !closed.left.is_empty() {
        return Err(Error::PersonalDataRemains {
            format,
            kinds: closed.left,
        });
    }
    let rescanned = u32::try_from(closed.added.len()).unwrap_or(u32::MAX);
    let found = closed.findings;
    let replaced = redact::replacements(text, &found, options.style, country)?;
    // Characters to bytes: the format modules map byte ranges of their text.
    let bytes_at: Vec<usize> = text
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(text.len()))
        .collect();
    let spans: Vec<Span> = replaced
        .into_iter()
        .map(|r| Span {
            range: bytes_at.get(r.start).copied().unwrap_or(text.len())
                ..bytes_at.get(r.end).copied().unwrap_or(text.len()),
            kind: r.kind,
            replacement: r.text,
        })
        .collect();
    let (out, visible) = rewrite(&spans)?;
    let kinds = redact::verify(&minutes::mask(&visible, &kept), context);
    if !kinds.is_empty() {
        return Err(Error::PersonalDataRemains { format, kinds });
    }
    let (redacted, kept_count) = redact::count_by_kind(&found);
    Ok(Published {
        bytes: out.bytes,
        report: Report {
            format,
            redacted,
            kept: kept_count,
            cleaned: out.cleaned,
            rescanned,
        },
    })
}

/// Publishes minutes kept in the archive in their own format: the original file, the register as
/// context for the meeting's date and the webmaster's stored decisions.
pub fn archived(conn: &Connection, id: Id, options: &Options) -> Result<Published, Error> {
    reviewed(conn, &minutes::review(conn, id)?, options)
}

/// [`archived`] from the minutes' review, whose detection is reused: the detector runs once per
/// export, for the review and the output alike (the output's re-scan is a separate, second look).
/// A scan keeps its stored text and word boxes, so the webmaster's decisions fall on the same
/// words; a .docx or a PDF is read again from the original, whose text is the stored one.
pub fn reviewed(
    conn: &Connection,
    review: &minutes::Review,
    options: &Options,
) -> Result<Published, Error> {
    let id = review.document.id;
    let (name, bytes) = minutes::original(conn, id)?;
    let context = Some(&review.context);
    let decisions = &review.decisions[..];
    // The detector's findings with the decisions laid over, without the review's words OCR
    // doubted: those are for the webmaster to look at, and only their decisions act.
    let found = |text: &str| {
        if text == review.text {
            redact::apply_review(text, review.detected.clone(), decisions)
        } else {
            // The original no longer reads as stored (imported by an older Andel): its own text.
            detected(text, context, decisions)
        }
    };
    if let Some(layout) = minutes::layout(conn, id)? {
        let text = scan::ScanText {
            text: review.text.clone(),
            layout,
        };
        let found = found(&text.text);
        return scanned(
            &bytes,
            review.document.format,
            &text,
            found,
            context,
            decisions,
            options,
        );
    }
    let format = original_format(&name).ok_or(Error::NotOriginal(name))?;
    in_own_format(&bytes, format, found, context, decisions, options)
}

/// Writes the published file in one step: a temporary file beside `path`, renamed into place, so a
/// crash leaves the old file or the new one, never half of it.
pub fn write(path: &std::path::Path, published: &Published) -> Result<(), Error> {
    crate::files::write(path, &published.bytes)?;
    Ok(())
}

/// The format to publish in place, if `out` asks for it: `out` ends in `file`'s own extension,
/// which is .docx or .pdf, or `file` is a scanned image and `out` a .pdf (its pages, redacted in
/// the pixels).
pub fn in_place(file: &std::path::Path, out: &std::path::Path) -> Option<Format> {
    let ext = |p: &std::path::Path| {
        p.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    if let Ok(format) = Format::from_file_name(&file.display().to_string()) {
        if format.image().is_some() && ext(out).as_deref() == Some("pdf") {
            return Some(format);
        }
    }
    let format = original_format(&file.display().to_string())?;
    (ext(file) == ext(out)).then_some(format)
}

/// Where and how to publish minutes of the archive in their own format.
#[derive(Debug, Clone)]
pub struct OriginalExport<'a> {
    /// The file to write; it must end in the original's extension.
    pub path: &'a std::path::Path,
    pub options: Options,
    /// Whether an existing file may be replaced (a save dialog has asked).
    pub replace: bool,
    pub undecided: minutes::Undecided,
}

/// Publishes minutes of the archive in their own format, the whole use case: refused while a
/// finding is pending (if so asked) or when `path` has another extension than the original,
/// [`reviewed`] with that same review (nothing is written when its re-scan finds something), the atomic write, the
/// audit entry (unless the archive is open read-only). Returns the published file and its report.
pub fn export_original(
    vault: &Vault,
    id: Id,
    export: &OriginalExport<'_>,
    now: DateTime<Utc>,
) -> Result<Published, Error> {
    let conn = vault.conn();
    let review = minutes::review(conn, id)?;
    if export.undecided == minutes::Undecided::Refuse {
        let pending = review.pending();
        if pending > 0 {
            return Err(minutes::Error::Pending(pending).into());
        }
    }
    let (name, _) = minutes::original(conn, id)?;
    if in_place(std::path::Path::new(&name), export.path).is_none() {
        // A scanned image is published as a PDF of its painted pages; the rest in their own format.
        let scan = Format::from_file_name(&name).is_ok_and(|f| f.image().is_some());
        let ext = if scan {
            "pdf".to_string()
        } else {
            std::path::Path::new(&name)
                .extension()
                .map(|e| e.to_string_lossy().to_ascii_lowercase())
                .unwrap_or_default()
        };
        return Err(Error::WrongExtension { ext, name });
    }
    let published = reviewed(conn, &review, &export.options)?;
    if !export.replace && export.path.exists() {
        return Err(minutes::Error::Exists(export.path.to_path_buf()).into());
    }
    write(export.path, &published)?;
    if !vault.is_read_only() {
        record(conn, id, published.report.format, vault.actor(), now)?;
    }
    Ok(published)
}

/// Records in the audit trail that minutes were published in their own format (the file's name and
/// path stay out: they may carry names).
pub fn record(
    conn: &Connection,
    id: Id,
    format: Format,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    let action = match format {
        Format::Pdf => "minutes.export.original.pdf",
        _ => "minutes.export.original.docx",
    };
    audit::record(conn, now, actor, action, Some(&format!("document:{id}")))
        .map_err(Error::Database)
}
