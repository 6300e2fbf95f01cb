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

use andel_core::minutes::{
    self, Document, Format, MeetingKind, Review, SearchHit, Undecided, WebExportReport,
};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use andel_core::ocr::{self, Language};
use andel_core::publish::{self, Cleaned};
use andel_core::redact::{self, KindCount, ReviewDecision};
use andel_core::register::Id;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tauri::State;
use tauri_specta::Event;

use super::archive::{act, change, with_vault};
use super::{now, today};
use crate::error::IpcResult;
use crate::state::{lock, AppState};

/// How many search hits the list shows.
const SEARCH_LIMIT: u32 = 50;

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

/// What an import stored, and for a scan how it was read.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ImportedMinutes {
    pub document: Document,
    /// The language a scan was read in; `None` when no page needed OCR.
    pub ocr_language: Option<Language>,
    /// How many pages were read by OCR.
    pub ocr_pages: u32,
    pub warnings: Vec<ocr::Warning>,
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
        ocr_pages: layout.map_or(0, ocr::Layout::ocr_pages),
        warnings: doc.warnings,
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
    with_vault(&state, |v| Ok(minutes::review(v.conn(), id)?))
}

/// Stores the webmaster's decision on a passage (a finding, or a selection marked by hand) and
/// returns the review as it now stands.
#[tauri::command]
#[specta::specta]
pub async fn minutes_decide(
    state: State<'_, AppState>,
    id: Id,
    decision: ReviewDecision,
) -> IpcResult<Review> {
    change(&state, |v| {
        Ok(minutes::mark(v.conn(), id, &decision, v.actor(), now())?)
    })
}

/// Forgets every decision on a document, to start its review over.
#[tauri::command]
#[specta::specta]
pub async fn minutes_review_restart(state: State<'_, AppState>, id: Id) -> IpcResult<Review> {
    change(&state, |v| {
        Ok(minutes::restart(v.conn(), id, v.actor(), now())?)
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
) -> IpcResult<WebExportReport> {
    let path = in_documents(&path);
    let export = minutes::WebExport {
        path: &path,
        style,
        replace,
        undecided: Undecided::Refuse,
    };
    act(&state, |v| {
        Ok(minutes::export_for_web(v, id, &export, now())?)
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
    /// Of the passages redacted, how many only the re-scan of the redacted text found.
    pub rescanned: u32,
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
        rescanned: report.rescanned,
        file: published.bytes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use andel_core::redact::Decision;

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
            let review = minutes::review(vault.conn(), doc.id).expect("review");
            assert!(review.pending() > 0, "{}", doc.title);
            let pending = review.findings.iter().zip(&review.decided);
            for (item, _) in pending.filter(|(_, decided)| !**decided) {
                let decision = ReviewDecision {
                    start: item.start,
                    end: item.end,
                    text: item.text.clone(),
                    kind: item.kind,
                    decision: item.decision,
                    all_occurrences: false,
                };
                minutes::mark(vault.conn(), doc.id, &decision, "Webmaster", now()).expect("decide");
            }
            let review = minutes::review(vault.conn(), doc.id).expect("review");
            assert_eq!(review.pending(), 0, "{}", doc.title);
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
                .findings
                .iter()
                .filter(|i| i.decision == Decision::Keep)
                .map(|i| i.text.as_str())
                .collect();
            for item in review
                .findings
                .iter()
                .filter(|i| i.decision == Decision::Redact)
            {
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
