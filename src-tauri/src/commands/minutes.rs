//! Commands on the minutes archive: the list and full-text search, importing a file, the
//! webmaster's review of what the redaction found, and the export for the website.
//!
//! The review shows the findings of a fresh detection (the register as context for the document's
//! date) with the stored decisions laid over them. A finding is *pending* until the webmaster has
//! decided on it; the export refuses while anything is pending, so nothing reaches the website
//! without a person having looked at every flagged passage. The export's report counts what was
//! redacted per kind and never carries the values.
//!
//! Commands that extract, detect or render are `async`, so Tauri runs them off the main thread and
//! the window stays responsive while a long PDF is read or written.

use std::path::Path;

use andel_core::minutes::{self, Document, Format, MeetingKind, SearchHit, Undecided};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use andel_core::ocr::{self, Language};
use andel_core::publish::{self, Cleaned};
use andel_core::redact::KindCount;
use andel_core::redact::{self, Decision, Kind, Recognizer, ReviewDecision};
use andel_core::register::Id;
use andel_core::vault::Vault;
use andel_core::ErrorCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use super::archive::{act, change, with_vault};
use super::{now, today};
use crate::error::{IpcError, IpcResult};
use crate::state::{lock, AppState};

/// How many search hits the list shows.
const SEARCH_LIMIT: u32 = 50;

/// A finding as the review screen shows it. (Its own type rather than the core's `Finding`, whose
/// `Decision` would clash in the bindings with the sublets' decision.)
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ReviewItem {
    /// Start, in characters (Unicode scalar values) of the text.
    pub start: u32,
    /// End (exclusive), in characters of the text.
    pub end: u32,
    pub kind: Kind,
    /// The passage as it stands in the text.
    pub text: String,
    pub recognizer: Recognizer,
    /// Confidence from 0 to 1.
    pub score: f32,
    /// Why the recognizer flagged it, in a few words.
    pub reason: String,
    /// The export redacts it: the policy's proposal until the webmaster decides.
    pub redact: bool,
    /// The webmaster has decided on it (accepted, rejected, or marked it by hand).
    pub reviewed: bool,
}

/// The webmaster's decision on a passage of the text: a finding, or a selection marked by hand.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct PassageDecision {
    /// Start, in characters of the text.
    pub start: u32,
    /// End (exclusive), in characters of the text.
    pub end: u32,
    /// The passage itself; it must be what the text holds between `start` and `end`.
    pub text: String,
    pub kind: Kind,
    /// Accept (redact) or reject (keep).
    pub redact: bool,
    /// Apply to every occurrence of `text` in the document.
    pub all_occurrences: bool,
}

/// A document under review: its facts, its text and what the redaction found in it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Review {
    pub document: Document,
    /// The extracted text; findings' offsets count its characters (Unicode scalar values).
    pub text: String,
    pub items: Vec<ReviewItem>,
}

/// What an export did: where it went and how much of each kind it redacted (never the values).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ExportReport {
    pub path: String,
    pub redacted: Vec<KindCount>,
    /// Findings kept in the text by decision (officials in their role, organisations).
    pub kept: u32,
}

fn review_of(vault: &Vault, id: Id) -> IpcResult<Review> {
    let review = minutes::review(vault.conn(), id)?;
    let reviewed: Vec<bool> = review
        .findings
        .iter()
        .map(|f| review.is_decided(f))
        .collect();
    let items = review
        .findings
        .into_iter()
        .zip(reviewed)
        .map(|(f, reviewed)| ReviewItem {
            reviewed,
            start: f.start as u32,
            end: f.end as u32,
            kind: f.kind,
            recognizer: f.recognizer,
            score: f.score,
            reason: f.reason,
            redact: f.decision == Decision::Redact,
            text: f.text,
        })
        .collect();
    Ok(Review {
        document: review.document,
        text: review.text,
        items,
    })
}

/// A typed file name goes to the documents folder; a chosen path stays as it is.
fn in_documents(path: &str) -> std::path::PathBuf {
    let typed = std::path::PathBuf::from(path.trim());
    if typed.is_relative() {
        super::app::default_folder().join(typed)
    } else {
        typed
    }
}

/// Every document, newest meeting first.
#[tauri::command]
#[specta::specta]
pub fn minutes_list(state: State<'_, AppState>) -> IpcResult<Vec<Document>> {
    with_vault(&state, |v| Ok(minutes::list(v.conn())?))
}

/// Full-text search over the minutes; matched words in the snippets are wrapped in `**`.
///
/// The archive is held only while the hits are read; the snippets are cut after letting go, and
/// off the main thread (`async`), so a long document does not stall other commands or the window.
#[tauri::command]
#[specta::specta]
pub async fn minutes_search(
    state: State<'_, AppState>,
    query: String,
) -> IpcResult<Vec<SearchHit>> {
    let found = with_vault(&state, |v| {
        Ok(minutes::find(v.conn(), &query, SEARCH_LIMIT)?)
    })?;
    Ok(found.hits())
}

/// The native "open" dialog for a file of minutes. `None` when the user cancels.
///
/// Synchronous on purpose: GTK's dialogs need the main thread.
#[tauri::command]
#[specta::specta]
pub fn pick_minutes_file<R: tauri::Runtime>(window: tauri::Window<R>) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .set_title("Import minutes")
        .add_filter(
            "Minutes",
            &[
                "txt", "md", "docx", "pdf", "png", "jpg", "jpeg", "tif", "tiff",
            ],
        )
        .set_directory(super::app::default_folder())
        .pick_file()
        .map(|p| p.to_string_lossy().into_owned())
}

/// Sent while a scan is read at import: page `page` of `pages` is being read by OCR.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct ScanProgress {
    pub page: u32,
    pub pages: u32,
}

/// A page of a scan that may have been read badly (low resolution or low mean confidence).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ScanWarning {
    pub page: u32,
    pub dpi: u32,
    /// Tesseract's mean confidence over the page's words, 0 to 100.
    pub mean_confidence: u8,
}

/// What an import stored, and for a scan how it was read.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportedMinutes {
    pub document: Document,
    /// The language a scan was read in; `None` when no page needed OCR.
    pub ocr_language: Option<Language>,
    /// How many pages were read by OCR.
    pub ocr_pages: u32,
    pub warnings: Vec<ScanWarning>,
}

/// Reports each page to the window and answers the cancel button.
struct ScanObserver<R: tauri::Runtime> {
    app: tauri::AppHandle<R>,
    cancel: Arc<AtomicBool>,
}

impl<R: tauri::Runtime> ocr::Observer for ScanObserver<R> {
    fn page(&self, page: u32, pages: u32) {
        let _ = ScanProgress { page, pages }.emit(&self.app);
    }
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

/// Imports a file of minutes; date and kind are read from the text when not given. A scan is read
/// by OCR in `language` (the association's country's language when `None`), page by page with a
/// [`ScanProgress`] event for each; [`cancel_minutes_import`] stops it (the OCR program is killed)
/// and nothing is stored.
#[tauri::command]
#[specta::specta]
pub async fn import_minutes<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: State<'_, AppState>,
    path: String,
    date: Option<NaiveDate>,
    kind: Option<MeetingKind>,
    language: Option<Language>,
) -> IpcResult<ImportedMinutes> {
    let file_name = Path::new(&path)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.clone());
    let language = match language {
        Some(l) => l,
        // Scans are read in the association's language unless the board chose another.
        None => with_vault(&state, |v| Ok(Language::of_association(v.conn())))?,
    };
    let cancel = Arc::new(AtomicBool::new(false));
    *lock(&state.scan_cancel) = cancel.clone();
    // Read and extract (OCR for a scan) before taking the archive, so a large PDF does not hold up
    // the autosave.
    let bytes = minutes::read_file(Path::new(&path))?;
    let observer = ScanObserver {
        app,
        cancel: cancel.clone(),
    };
    let ocr = minutes::Ocr {
        language,
        observer: &observer,
    };
    let doc = minutes::prepare_with(&file_name, bytes, date, kind, today(), Some(&ocr))?;
    // A cancel that came after the last page still means "do not import".
    if cancel.load(Ordering::Relaxed) {
        return Err(minutes::Error::Ocr(ocr::Error::Cancelled).into());
    }
    let document = change(&state, |v| {
        Ok(minutes::add(v.conn(), &doc, v.actor(), now())?)
    })?;
    let layout = doc.layout.as_ref();
    Ok(ImportedMinutes {
        document,
        ocr_language: layout.map(|l| l.language),
        ocr_pages: layout.map_or(0, |l| {
            l.pages
                .iter()
                .filter(|p| p.source == ocr::PageSource::Ocr)
                .count() as u32
        }),
        warnings: doc
            .warnings
            .iter()
            .map(|w| ScanWarning {
                page: w.page,
                dpi: w.dpi,
                mean_confidence: w.mean_confidence,
            })
            .collect(),
    })
}

/// Stops the scan being read at import, if any: the OCR program is killed within a moment and the
/// import ends with a "cancelled" error, the archive unchanged.
#[tauri::command]
#[specta::specta]
pub fn cancel_minutes_import(state: State<'_, AppState>) {
    lock(&state.scan_cancel).store(true, Ordering::Relaxed);
}

/// A document's text with its findings for review.
#[tauri::command]
#[specta::specta]
pub async fn minutes_review(state: State<'_, AppState>, id: Id) -> IpcResult<Review> {
    with_vault(&state, |v| review_of(v, id))
}

/// Stores the webmaster's decision on a passage (a finding, or a selection marked by hand) and
/// returns the review as it now stands.
#[tauri::command]
#[specta::specta]
pub async fn minutes_decide(
    state: State<'_, AppState>,
    id: Id,
    decision: PassageDecision,
) -> IpcResult<Review> {
    let decision = ReviewDecision {
        start: decision.start as usize,
        end: decision.end as usize,
        text: decision.text,
        kind: decision.kind,
        decision: if decision.redact {
            Decision::Redact
        } else {
            Decision::Keep
        },
        all_occurrences: decision.all_occurrences,
    };
    change(&state, |v| {
        let text = minutes::text(v.conn(), id)?;
        let passage: String = text
            .chars()
            .skip(decision.start)
            .take(decision.end.saturating_sub(decision.start))
            .collect();
        if decision.start >= decision.end || passage != decision.text {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                "The marked passage does not match the text. Select it again.",
            ));
        }
        if decision.text.trim().is_empty() {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                "Select some words of the text to mark them.",
            ));
        }
        minutes::decide(v.conn(), id, &decision, v.actor(), now())?;
        review_of(v, id)
    })
}

/// Forgets every decision on a document, to start its review over.
#[tauri::command]
#[specta::specta]
pub async fn minutes_review_restart(state: State<'_, AppState>, id: Id) -> IpcResult<Review> {
    change(&state, |v| {
        minutes::clear_decisions(v.conn(), id, v.actor(), now())?;
        review_of(v, id)
    })
}

/// The native "save as" dialog for an export. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub fn pick_export_path<R: tauri::Runtime>(
    window: tauri::Window<R>,
    suggested_name: String,
) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .set_title("Export for the website")
        .add_filter("Text", &["txt"])
        .add_filter("Markdown", &["md"])
        .add_filter("Web page", &["html"])
        .add_filter("PDF", &["pdf"])
        .add_filter("Word", &["docx"])
        .set_directory(super::app::default_folder())
        .set_file_name(suggested_name)
        .save_file()
        .map(|p| p.to_string_lossy().into_owned())
}

/// Exports a reviewed document for the website to `path` (.txt, .md, .html or .pdf by its
/// extension) in `style`; a bare file name goes to the documents folder. An existing file is
/// replaced only with `replace` (the native dialog has asked; a typed name has not). Refused
/// while a finding is pending, and when the export's re-scan still finds personal data (then
/// nothing is written). The export is recorded in the audit trail.
#[tauri::command]
#[specta::specta]
pub async fn export_minutes(
    state: State<'_, AppState>,
    id: Id,
    path: String,
    style: redact::Style,
    replace: bool,
) -> IpcResult<ExportReport> {
    let path = in_documents(&path);
    let export = minutes::WebExport {
        path: &path,
        style,
        replace,
        undecided: Undecided::Refuse,
    };
    let report = act(&state, |v| {
        Ok(minutes::export_for_web(v, id, &export, now())?)
    })?;
    Ok(ExportReport {
        path: report.path.to_string_lossy().into_owned(),
        redacted: report.redacted,
        kept: report.kept,
    })
}

/// What publishing the original did, with the published file itself so the app can show its first
/// page as a reader will see it (rendered from these bytes, not from the text).
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct OriginalExport {
    pub path: String,
    pub format: Format,
    pub redacted: Vec<KindCount>,
    /// Findings kept by decision (officials in their role, organisations).
    pub kept: u32,
    /// Comments, tracked changes, properties and images: what else was cleaned or kept.
    pub cleaned: Cleaned,
    /// The published file's bytes.
    pub file: Vec<u8>,
}

/// Publishes a reviewed document in its own format (.docx as .docx, PDF as PDF) to `path`, which
/// must end in the original's extension; a bare file name goes to the documents folder. As
/// [`export_minutes`]: refused while a finding is pending or when the re-scan of every part of the
/// output finds personal data (nothing is written), an existing file replaced only with
/// `replace`, and recorded in the audit trail. `drop_images` removes every picture.
#[tauri::command]
#[specta::specta]
pub async fn export_minutes_original(
    state: State<'_, AppState>,
    id: Id,
    path: String,
    style: redact::Style,
    drop_images: bool,
    replace: bool,
) -> IpcResult<OriginalExport> {
    let path = in_documents(&path);
    let export = publish::OriginalExport {
        path: &path,
        options: publish::Options { style, drop_images },
        replace,
        undecided: Undecided::Refuse,
    };
    let published = act(&state, |v| {
        Ok(publish::export_original(v, id, &export, now())?)
    })?;
    let report = published.report;
    Ok(OriginalExport {
        path: path.to_string_lossy().into_owned(),
        format: report.format,
        redacted: report.redacted,
        kept: report.kept,
        cleaned: report.cleaned,
        file: published.bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The demo archive's minutes, every finding decided as the policy suggests, export with
    /// nothing flagged left in them (the flow of the review screen, without the window).
    #[test]
    fn the_demo_minutes_export_once_every_finding_is_decided() {
        let dir = tempfile::tempdir().expect("temp dir");
        let vault = andel_core::demo::create(&dir.path().join("demo.andel"), Some(10), now())
            .expect("demo archive");
        let docs = minutes::list(vault.conn()).expect("list");
        assert!(!docs.is_empty());
        for doc in docs {
            let review = review_of(&vault, doc.id).expect("review");
            assert!(review.items.iter().any(|i| !i.reviewed), "{}", doc.title);
            for item in review.items.iter().filter(|i| !i.reviewed) {
                let decision = ReviewDecision {
                    start: item.start as usize,
                    end: item.end as usize,
                    text: item.text.clone(),
                    kind: item.kind,
                    decision: if item.redact {
                        Decision::Redact
                    } else {
                        Decision::Keep
                    },
                    all_occurrences: false,
                };
                minutes::decide(vault.conn(), doc.id, &decision, "Webmaster", now())
                    .expect("decide");
            }
            let review = review_of(&vault, doc.id).expect("review");
            assert!(review.items.iter().all(|i| i.reviewed), "{}", doc.title);
            let bytes = minutes::export_document(
                vault.conn(),
                doc.id,
                redact::Style::Label,
                minutes::ExportFormat::Txt,
                now(),
            )
            .expect("export");
            let out = String::from_utf8(bytes).expect("text");
            let kept: Vec<&str> = review
                .items
                .iter()
                .filter(|i| !i.redact)
                .map(|i| i.text.as_str())
                .collect();
            for item in review.items.iter().filter(|i| i.redact) {
                if item.text.chars().count() >= 6 && !kept.contains(&item.text.as_str()) {
                    assert!(
                        !out.contains(&item.text),
                        "{}: a redacted passage is left",
                        doc.title
                    );
                }
            }
        }
    }
}
