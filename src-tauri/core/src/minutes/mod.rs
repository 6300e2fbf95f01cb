//! The minutes archive: general-assembly and board minutes imported from .txt, .md, .docx and
//! .pdf, each kept with its original file, the extracted text, its date and kind, a full-text index
//! (SQLite FTS5) and the webmaster's redaction decisions per finding.
//!
//! Importing is split in two so that a caller can read and check a file before it opens the archive:
//! [`prepare`] extracts the text and settles date and kind without touching the database, [`add`]
//! stores the result. [`redaction_context`] loads what the register knows (residents, officials on
//! the document's date, organisations, the association's own name and address) into the redaction
//! engine's [`Context`]; [`findings`] runs the engine and lays the stored decisions over the result;
//! [`publish`] writes a redacted export and refuses it when its own re-scan still finds something.

mod context;
mod dates;
mod export;
mod extract;
mod review;
mod scan;
mod snippet;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use crate::dates::iso;
use crate::redact::{self, Decision, Detector, Finding, ReviewDecision};
use crate::register::Id;
use crate::store::date_column;
use crate::Coded;
use crate::{audit, ErrorCode};

pub use context::{redaction_context, redaction_context_without};
pub use dates::date_in_text;
pub(crate) use export::{close_over_rescan, kept_passages, mask};
pub use export::{
    publish, publish_closed, render, visible_text, ExportFormat, Published, RESCAN_ROUNDS,
};
#[cfg(test)]
pub(crate) use extract::tidy;
pub use extract::{as_written, extract_text, read_file, AsWritten, Format};
pub use review::{
    export_for_web, mark, restart, review, review_file, FileReview, Review, Undecided, WebExport,
    WebExportReport,
};
pub use scan::{doubtful_words, layout, Ocr};

/// Each page's own text of a PDF (empty for a scanned page), tidied.
pub fn pdf_page_texts(bytes: &[u8]) -> Result<Vec<String>, Error> {
    Ok(extract::pdf_pages(bytes)?
        .iter()
        .map(|p| extract::tidy(p))
        .collect())
}

/// Why minutes could not be imported, found, searched or exported.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file's extension is not one Andel reads.
    #[error("Andel cannot read \"{0}\": import minutes as .txt, .md, .docx or .pdf, or scans as .pdf, .png, .jpg or .tiff.")]
    UnknownFormat(String),
    /// A PDF whose pages hold only images (a scan), read where OCR is not offered.
    #[error("This file is a scan with no text of its own. Import it into the archive (`andel minutes import`), which reads scans with OCR.")]
    NoTextLayer,
    /// The scan could not be read by OCR.
    #[error("{0}")]
    Ocr(#[from] crate::ocr::Error),
    /// The PDF could not be read.
    #[error("This PDF is damaged or not a PDF ({0}). Export it again from the word processor.")]
    DamagedPdf(#[source] crate::formats::pdf::Damage),
    /// The PDF would take more memory or time than any minutes need (a decompression bomb, or
    /// millions of objects); nothing of it was imported.
    #[error("This PDF is too large to import safely: {0}. Export the minutes again from the word processor, or split the file.")]
    PdfTooLarge(String),
    /// The PDF is protected by a password.
    #[error("This PDF is protected by a password. Save an unprotected copy and import that.")]
    EncryptedPdf,
    /// The PDF's text cannot be read reliably (a font without a map to letters, a font Andel
    /// cannot place, a file too large to read safely); the message says what to do.
    #[error("{0}")]
    PdfText(#[source] crate::formats::pdf::Error),
    /// The .docx could not be read.
    #[error("This .docx file is damaged or not a Word document ({0}). Open it in the word processor and save it again as .docx.")]
    DamagedDocx(#[source] crate::formats::docx::Damage),
    /// The .docx is protected, too large, or otherwise cannot be read.
    #[error("{0}")]
    Docx(#[source] crate::formats::docx::Error),
    /// A text file that is not text.
    #[error("This file does not hold text (it looks like a program or an image). Choose the minutes as .txt, .md, .docx or .pdf.")]
    NotText,
    /// The file could not be read, or is larger than minutes of its kind can be.
    #[error("{0}")]
    Read(#[source] crate::files::Error),
    /// The file holds no words at all.
    #[error("This file holds no text. Choose the file with the minutes.")]
    Empty,
    /// The file was imported before.
    #[error("This file is already in the archive as minutes #{0}.")]
    AlreadyImported(Id),
    /// An unknown kind of meeting.
    #[error("Unknown kind of meeting \"{0}\": use ordinary, extraordinary or board.")]
    UnknownKind(String),
    /// No document with the id.
    #[error("There are no minutes #{0} in the archive. `andel minutes list` shows them.")]
    NotFound(Id),
    /// The export format is not one Andel writes.
    #[error("Andel cannot write \"{0}\": export as .txt, .md, .html or .pdf.")]
    UnknownExport(String),
    /// A passage marked for the review is not what the text holds between its offsets (the
    /// text changed, or the selection slipped).
    #[error("The marked passage does not match the text. Select it again.")]
    PassageMismatch,
    /// A passage marked for the review holds no word.
    #[error("Select some words of the text to mark them.")]
    EmptyPassage,
    /// Findings wait for the webmaster's decision; nothing was written.
    #[error("{0} findings still wait for a decision. Decide on each before the export.")]
    Pending(usize),
    /// The export's file exists and was not to be replaced.
    #[error("{} already exists. Replace it, or choose another name.", .0.display())]
    Exists(std::path::PathBuf),
    /// Writing the export failed (the file on disk is whole: the old one or none).
    #[error("{0}")]
    Write(#[source] crate::files::Error),
    /// The redacted output still holds personal data; nothing was written.
    #[error("The redacted text still holds personal data ({}); nothing was written. Review the findings and redact what is left.", kinds_text(.0))]
    PersonalDataRemains(Vec<redact::Kind>),
    /// A marked passage lies outside the text.
    #[error("{0}")]
    Redact(#[from] redact::Error),
    /// Writing the PDF failed.
    #[error("The PDF could not be made: {0}")]
    Pdf(#[source] crate::document::Error),
    /// Reading the register for redaction failed.
    #[error("Could not read the register for the redaction: {0}")]
    Register(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// SQLite failed.
    #[error("Database error while {op}: {source}")]
    Database {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

fn kinds_text(kinds: &[redact::Kind]) -> String {
    kinds
        .iter()
        .map(|k| k.code())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Coded for Error {
    /// An export the re-scan refused is an integrity problem (exit 3), like a damaged file.
    fn exit_code(&self) -> u8 {
        match self {
            Error::PersonalDataRemains(_) => 3,
            e => e.code().exit_code(),
        }
    }

    fn code(&self) -> ErrorCode {
        match self {
            Error::UnknownFormat(_)
            | Error::NoTextLayer
            | Error::DamagedPdf(_)
            | Error::PdfTooLarge(_)
            | Error::EncryptedPdf
            | Error::PdfText(_)
            | Error::DamagedDocx(_)
            | Error::Docx(_)
            | Error::NotText
            | Error::Empty
            | Error::AlreadyImported(_)
            | Error::UnknownKind(_)
            | Error::UnknownExport(_)
            | Error::PersonalDataRemains(_)
            | Error::Pending(_)
            | Error::PassageMismatch
            | Error::EmptyPassage
            | Error::Redact(_) => ErrorCode::InvalidInput,
            Error::Exists(_) => ErrorCode::AlreadyExists,
            Error::Write(e) | Error::Read(e) => e.code(),
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::Ocr(e) => e.code(),
            Error::Pdf(_) | Error::Register(_) | Error::Database { .. } => ErrorCode::Internal,
        }
    }
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

/// The kind of meeting the minutes record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MeetingKind {
    /// Ordinary general assembly.
    Ordinary,
    /// Extraordinary general assembly.
    Extraordinary,
    /// Board meeting.
    Board,
}

impl MeetingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            MeetingKind::Ordinary => "ordinary",
            MeetingKind::Extraordinary => "extraordinary",
            MeetingKind::Board => "board",
        }
    }

    /// The kind the text's opening suggests: "ekstraordinær", "styremøte" …; else ordinary.
    pub fn from_text(text: &str) -> MeetingKind {
        let head: String = text.chars().take(600).collect::<String>().to_lowercase();
        if [
            "ekstraordinær",
            "extraordinär",
            "extra föreningsstämma",
            "extraordinary",
        ]
        .iter()
        .any(|w| head.contains(w))
        {
            MeetingKind::Extraordinary
        } else if [
            "bestyrelsesmøde",
            "styremøte",
            "styrelsemöte",
            "styrelsesammanträde",
            "board meeting",
        ]
        .iter()
        .any(|w| head.contains(w))
        {
            MeetingKind::Board
        } else {
            MeetingKind::Ordinary
        }
    }
}

impl std::str::FromStr for MeetingKind {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "ordinary" => Ok(MeetingKind::Ordinary),
            "extraordinary" => Ok(MeetingKind::Extraordinary),
            "board" => Ok(MeetingKind::Board),
            _ => Err(Error::UnknownKind(s.to_string())),
        }
    }
}

/// Minutes as lists show them (without the text and the original file).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Document {
    pub id: Id,
    /// The first line of the text (or the file name when there is none).
    pub title: String,
    pub file_name: String,
    pub format: Format,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    /// Length of the extracted text, in characters.
    pub chars: u32,
    /// SHA-256 of the original file.
    pub sha256: String,
    pub imported_at: String,
}

/// Minutes read and checked, ready to be stored by [`add`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewDocument {
    pub title: String,
    pub file_name: String,
    pub format: Format,
    pub kind: MeetingKind,
    pub date: NaiveDate,
    pub original: Vec<u8>,
    pub text: String,
    /// For a scan: the pages and recognised words.
    pub layout: Option<crate::ocr::Layout>,
    /// For a scan: pages that may have been read badly.
    pub warnings: Vec<crate::ocr::Warning>,
}

impl NewDocument {
    pub fn sha256(&self) -> String {
        sha256(&self.original)
    }
}

/// SHA-256 of a file's bytes, as stored with imported minutes (see [`by_sha256`]).
pub fn sha256(bytes: &[u8]) -> String {
    hex::encode(Sha256::digest(bytes))
}

/// A search hit with a snippet; matched words are wrapped in `**`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SearchHit {
    pub id: Id,
    pub title: String,
    pub date: NaiveDate,
    pub kind: MeetingKind,
    pub snippet: String,
}

/// Reads a file of minutes: extracts the text and settles the date (given, else evident from the
/// text, else `today`) and the kind (given, else suggested by the text). Touches no database. A scan
/// is refused ([`Error::NoTextLayer`]); [`prepare_with`] reads it.
pub fn prepare(
    file_name: &str,
    bytes: Vec<u8>,
    date: Option<NaiveDate>,
    kind: Option<MeetingKind>,
    today: NaiveDate,
) -> Result<NewDocument, Error> {
    prepare_with(file_name, bytes, date, kind, today, None)
}

/// [`prepare`], reading scans (images, PDF pages without text) with OCR as `ocr` says.
pub fn prepare_with(
    file_name: &str,
    bytes: Vec<u8>,
    date: Option<NaiveDate>,
    kind: Option<MeetingKind>,
    today: NaiveDate,
    ocr: Option<&Ocr<'_>>,
) -> Result<NewDocument, Error> {
    let format = Format::from_file_name(file_name)?;
    let reading = match ocr {
        Some(with) => scan::read(&bytes, format, with)?,
        None => None,
    };
    let (text, layout, warnings) = match reading {
        Some(r) => (r.text, Some(r.layout), r.warnings),
        None => (extract_text(&bytes, format)?, None, Vec::new()),
    };
    let date = date.or_else(|| date_in_text(&text)).unwrap_or(today);
    let kind = kind.unwrap_or_else(|| MeetingKind::from_text(&text));
    let title = text
        .lines()
        // A Markdown heading's "#" marks are no part of the title.
        .map(|l| l.trim().trim_start_matches('#').trim())
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(160).collect::<String>())
        .unwrap_or_else(|| file_name.to_string());
    Ok(NewDocument {
        title,
        file_name: file_name.to_string(),
        format,
        kind,
        date,
        original: bytes,
        text,
        layout,
        warnings,
    })
}

/// Stores prepared minutes and notes the import in the audit trail.
pub fn add(
    conn: &Connection,
    doc: &NewDocument,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Document, Error> {
    let sha = doc.sha256();
    if let Some(id) = by_sha256(conn, &sha)? {
        return Err(Error::AlreadyImported(id));
    }
    conn.execute(
        "INSERT INTO document (title, file_name, format, kind, meeting_date, original, sha256, text,
                               imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            doc.title,
            doc.file_name,
            doc.format.as_str(),
            doc.kind.as_str(),
            iso(doc.date),
            doc.original,
            sha,
            doc.text,
            now.to_rfc3339()
        ],
    )
    .map_err(db("storing the minutes"))?;
    let id = conn.last_insert_rowid() as Id;
    if let Some(layout) = &doc.layout {
        scan::store(conn, id, layout)?;
    }
    audit::record(
        conn,
        now,
        actor,
        "minutes.import",
        Some(&format!("document:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id)
}

/// Reads and stores a file of minutes in one step (see [`prepare`]).
#[allow(clippy::too_many_arguments)]
pub fn import(
    conn: &Connection,
    file_name: &str,
    bytes: Vec<u8>,
    date: Option<NaiveDate>,
    kind: Option<MeetingKind>,
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Document, Error> {
    let doc = prepare(file_name, bytes, date, kind, today)?;
    add(conn, &doc, actor, now)
}

const COLUMNS: &str =
    "id, title, file_name, format, kind, meeting_date, length(text), sha256, imported_at";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Document> {
    let format: String = r.get(3)?;
    let kind: String = r.get(4)?;
    let date: Option<String> = r.get(5)?;
    Ok(Document {
        id: r.get(0)?,
        title: r.get(1)?,
        file_name: r.get(2)?,
        format: Format::from_code(&format).unwrap_or(Format::Txt),
        kind: kind.parse().unwrap_or(MeetingKind::Ordinary),
        date: date_column(date).unwrap_or_default(),
        chars: r.get(6)?,
        sha256: r.get(7)?,
        imported_at: r.get(8)?,
    })
}

/// One document's facts.
pub fn get(conn: &Connection, id: Id) -> Result<Document, Error> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM document WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(db("reading minutes"))?
    .ok_or(Error::NotFound(id))
}

/// The minutes whose original file has this SHA-256, if imported.
pub fn by_sha256(conn: &Connection, sha256: &str) -> Result<Option<Id>, Error> {
    conn.query_row(
        "SELECT id FROM document WHERE sha256 = ?1 ORDER BY id LIMIT 1",
        [sha256],
        |r| r.get(0),
    )
    .optional()
    .map_err(db("finding minutes"))
}

/// Every document, newest meeting first.
pub fn list(conn: &Connection) -> Result<Vec<Document>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM document ORDER BY meeting_date DESC, id DESC"
        ))
        .map_err(db("listing minutes"))?;
    let rows = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect())
        .map_err(db("listing minutes"));
    rows
}

/// The extracted text of a document.
pub fn text(conn: &Connection, id: Id) -> Result<String, Error> {
    conn.query_row("SELECT text FROM document WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .optional()
    .map_err(db("reading minutes"))?
    .ok_or(Error::NotFound(id))
}

/// The original file as imported: its name and bytes.
pub fn original(conn: &Connection, id: Id) -> Result<(String, Vec<u8>), Error> {
    conn.query_row(
        "SELECT file_name, original FROM document WHERE id = ?1",
        [id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()
    .map_err(db("reading minutes"))?
    .ok_or(Error::NotFound(id))
}

/// How many documents the archive holds.
pub fn count(conn: &Connection) -> rusqlite::Result<u32> {
    conn.query_row("SELECT count(*) FROM document", [], |r| r.get(0))
}

/// The user's words as an FTS5 query: every word must occur (a trailing `*` searches by prefix).
/// Quoting each word keeps FTS5's own syntax (AND, NEAR, column filters) out of a search box.
fn fts_query(query: &str) -> String {
    query
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let word: String = w
                .trim_end_matches('*')
                .chars()
                .filter(|c| *c != '"')
                .collect();
            if word.is_empty() {
                return None;
            }
            Some(format!("\"{word}\"{}", if prefix { "*" } else { "" }))
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Full-text search over the minutes, best match first, with a snippet of the text around the
/// matched words (marked `**like this**`): [`find`] and then [`Found::hits`].
pub fn search(conn: &Connection, query: &str, limit: u32) -> Result<Vec<SearchHit>, Error> {
    Ok(find(conn, query, limit)?.hits())
}

/// The documents a search found, read from the archive but without their snippets yet: cutting
/// the snippets ([`Found::hits`]) needs no database, so the app lets go of the archive first.
/// The texts are wiped from memory when this is dropped.
pub struct Found {
    terms: Vec<snippet::Term>,
    documents: Vec<(SearchHit, Zeroizing<String>)>,
}

impl std::fmt::Debug for Found {
    // Never the texts.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Found")
            .field("documents", &self.documents.len())
            .finish_non_exhaustive()
    }
}

impl Found {
    /// The hits, best match first, each with its snippet; one pass over each text.
    pub fn hits(self) -> Vec<SearchHit> {
        let terms = self.terms;
        self.documents
            .into_iter()
            .map(|(mut hit, text)| {
                hit.snippet = snippet::snippet(&text, &terms);
                hit
            })
            .collect()
    }
}

/// The documents that hold every word of `query` (a trailing `*` searches by prefix), best match
/// first (FTS5's bm25 rank), at most `limit`, with their texts.
///
/// FTS5 only finds and ranks: its `snippet()` is quadratic in the number of occurrences (4 MB of
/// minutes took 4.6 s, a 20 MB document minutes), see [`snippet`].
pub fn find(conn: &Connection, query: &str, limit: u32) -> Result<Found, Error> {
    let q = fts_query(query);
    if q.is_empty() {
        return Ok(Found {
            terms: Vec::new(),
            documents: Vec::new(),
        });
    }
    let mut stmt = conn
        .prepare(
            "SELECT d.id, d.title, d.meeting_date, d.kind, d.text
             FROM document_fts JOIN document d ON d.id = document_fts.rowid
             WHERE document_fts MATCH ?1
             ORDER BY rank LIMIT ?2",
        )
        .map_err(db("searching the minutes"))?;
    let documents = stmt
        .query_map(params![q, limit], |r| {
            let date: Option<String> = r.get(2)?;
            let kind: String = r.get(3)?;
            let hit = SearchHit {
                id: r.get(0)?,
                title: r.get(1)?,
                date: date_column(date).unwrap_or_default(),
                kind: kind.parse().unwrap_or(MeetingKind::Ordinary),
                snippet: String::new(),
            };
            Ok((hit, Zeroizing::new(r.get::<_, String>(4)?)))
        })
        .and_then(|rows| rows.collect())
        .map_err(db("searching the minutes"))?;
    Ok(Found {
        terms: snippet::terms(query),
        documents,
    })
}

/// The webmaster's stored decisions for a document, in the order they were made.
pub fn decisions(conn: &Connection, id: Id) -> Result<Vec<ReviewDecision>, Error> {
    get(conn, id)?;
    let mut stmt = conn
        .prepare(
            "SELECT start_char, end_char, text, kind, decision, all_occurrences
             FROM redaction_decision WHERE document_id = ?1 ORDER BY id",
        )
        .map_err(db("reading redaction decisions"))?;
    let rows: Vec<(u32, u32, String, String, String, bool)> = stmt
        .query_map([id], |r| {
            Ok((
                r.get(0)?,
                r.get(1)?,
                r.get(2)?,
                r.get(3)?,
                r.get(4)?,
                r.get(5)?,
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(db("reading redaction decisions"))?;
    Ok(rows
        .into_iter()
        .filter_map(|(start, end, text, kind, decision, all)| {
            Some(ReviewDecision {
                start: start as usize,
                end: end as usize,
                text,
                kind: serde_json::from_value(serde_json::Value::String(kind)).ok()?,
                decision: match decision.as_str() {
                    "keep" => Decision::Keep,
                    _ => Decision::Redact,
                },
                all_occurrences: all,
            })
        })
        .collect())
}

/// Stores one review decision with the document; a decision for the same passage replaces the
/// earlier one.
pub fn decide(
    conn: &Connection,
    id: Id,
    decision: &ReviewDecision,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    get(conn, id)?;
    conn.execute(
        "DELETE FROM redaction_decision
         WHERE document_id = ?1 AND start_char = ?2 AND end_char = ?3 AND text = ?4",
        params![
            id,
            decision.start as i64,
            decision.end as i64,
            decision.text
        ],
    )
    .map_err(db("storing a redaction decision"))?;
    conn.execute(
        "INSERT INTO redaction_decision (document_id, start_char, end_char, text, kind, decision,
                                         all_occurrences, decided_at, decided_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            id,
            decision.start as i64,
            decision.end as i64,
            decision.text,
            decision.kind.code(),
            match decision.decision {
                Decision::Keep => "keep",
                Decision::Redact => "redact",
            },
            decision.all_occurrences,
            now.to_rfc3339(),
            actor
        ],
    )
    .map_err(db("storing a redaction decision"))?;
    audit::record(
        conn,
        now,
        actor,
        "minutes.decide",
        Some(&format!("document:{id}")),
    )
    .map_err(db("recording the change"))
}

/// Forgets every review decision of a document.
pub fn clear_decisions(
    conn: &Connection,
    id: Id,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    get(conn, id)?;
    conn.execute(
        "DELETE FROM redaction_decision WHERE document_id = ?1",
        [id],
    )
    .map_err(db("clearing redaction decisions"))?;
    audit::record(
        conn,
        now,
        actor,
        "minutes.clear_decisions",
        Some(&format!("document:{id}")),
    )
    .map_err(db("recording the change"))
}

/// Records in the audit trail that a document was exported for the website, and in which format
/// (the file's name and path stay out: they may carry names).
pub fn record_export(
    conn: &Connection,
    id: Id,
    format: ExportFormat,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<(), Error> {
    get(conn, id)?;
    let action = match format {
        ExportFormat::Txt => "minutes.export.txt",
        ExportFormat::Md => "minutes.export.md",
        ExportFormat::Html => "minutes.export.html",
        ExportFormat::Pdf => "minutes.export.pdf",
    };
    audit::record(conn, now, actor, action, Some(&format!("document:{id}")))
        .map_err(db("recording the export"))
}

/// The findings in a document's text: the detector's, with the stored decisions laid over them.
pub fn findings(conn: &Connection, id: Id, detector: &Detector) -> Result<Vec<Finding>, Error> {
    let text = text(conn, id)?;
    let review = decisions(conn, id)?;
    let mut found = detector.detect(&text);
    if let Some(layout) = layout(conn, id)? {
        found.extend(doubtful_words(&text, &layout, &found));
        found.sort_by_key(|f| f.start);
    }
    Ok(redact::apply_review(&text, found, &review))
}

/// Exports a document from the archive for the website as bytes: its [`review`] (the register as
/// context for its date, the stored decisions laid over the findings; undecided findings follow the
/// policy), `style`, and the re-scan of [`publish`]. Nothing is written; [`export_for_web`] is the
/// whole use case.
pub fn export_document(
    conn: &Connection,
    id: Id,
    style: redact::Style,
    format: ExportFormat,
    created: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, Error> {
    let r = review(conn, id)?;
    publish(
        &r.text,
        &r.findings,
        &r.decisions,
        style,
        format,
        Some(&r.context),
        created,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn search_words_are_quoted() {
        assert_eq!(fts_query("vand  tag*"), "\"vand\" \"tag\"*");
        assert_eq!(fts_query("\"NEAR\" OR"), "\"NEAR\" \"OR\"");
        assert_eq!(fts_query("  "), "");
    }

    #[test]
    fn kind_from_the_opening() {
        assert_eq!(
            MeetingKind::from_text("Referat af ekstraordinær generalforsamling"),
            MeetingKind::Extraordinary
        );
        assert_eq!(
            MeetingKind::from_text("Protokoll fra styremøte 3. mars"),
            MeetingKind::Board
        );
        assert_eq!(
            MeetingKind::from_text("Generalforsamling 2024"),
            MeetingKind::Ordinary
        );
    }
}
