//! Documents as PDF (and the privacy notice also as HTML or Markdown for the website): the
//! native "save as" dialog, writing the file whole, opening it in the system's PDF viewer, and
//! the name-plate order for the caretaker.
//!
//! Every document command first builds andel-core's `Document` (which the UI can preview from
//! its blocks), then renders and writes it here.

use std::path::PathBuf;

use andel_core::document::{self, Document, Lang};
use andel_core::register::{plates_order, Id};
use andel_core::vault::Vault;
use andel_core::ErrorCode;
use serde::Serialize;
use tauri::State;

use super::archive::{change, with_vault};
use super::{now, today};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

/// A document written to disk: a PDF, or for the website an HTML or Markdown file.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SavedPdf {
    pub path: String,
    pub bytes: u32,
    pub title: String,
}

/// Where a typed or picked path goes: a bare or relative name lands in the documents folder,
/// and ".pdf" is added when the name has no extension.
pub(crate) fn resolve_pdf_path(typed: &str) -> IpcResult<PathBuf> {
    let path = super::app::typed_path(
        typed,
        "pdf",
        "Give the PDF a file name, or choose where to save it.",
    )?;
    match path.extension().and_then(|e| e.to_str()) {
        Some(ext) if ext.eq_ignore_ascii_case("pdf") => Ok(path),
        other => Err(IpcError::new(
            ErrorCode::InvalidInput,
            format!(
                "\"{}\" ends in .{}; a PDF's name ends in .pdf.",
                typed.trim(),
                other.unwrap_or_default()
            ),
        )),
    }
}

/// Where a document for the website goes: a path ending in .html, .htm or .md (a bare name lands
/// in the documents folder); `None` for any other name, which is a PDF's.
pub(crate) fn web_path(typed: &str) -> IpcResult<Option<(PathBuf, document::WebFormat)>> {
    let path = super::app::typed_path(
        typed,
        "pdf",
        "Give the file a name, or choose where to save it.",
    )?;
    Ok(document::WebFormat::of_path(&path).map(|f| (path, f)))
}

/// Where a document goes that may be a PDF or, named so, a web page or Markdown: a web name as
/// [`web_path`] resolves it, any other as [`resolve_pdf_path`].
pub(crate) fn document_path(typed: &str) -> IpcResult<PathBuf> {
    match web_path(typed)? {
        Some((path, _)) => Ok(path),
        None => resolve_pdf_path(typed),
    }
}

/// Renders `doc` and writes it to `path` whole (temporary file, then rename).
pub(crate) fn save_pdf(doc: &Document, path: &str) -> IpcResult<SavedPdf> {
    let path = resolve_pdf_path(path)?;
    let bytes = document::write(doc, &path)?;
    Ok(SavedPdf {
        path: path.to_string_lossy().into_owned(),
        bytes: u32::try_from(bytes).unwrap_or(u32::MAX),
        title: doc.title.clone(),
    })
}

/// The language of the association's documents.
pub(crate) fn association_lang(vault: &Vault) -> IpcResult<Lang> {
    Ok(Lang::of_association(vault.conn())?)
}

fn order_document(vault: &Vault, ids: &[Id]) -> IpcResult<Document> {
    let lang = association_lang(vault)?;
    Ok(plates_order::document(
        vault.conn(),
        ids,
        lang,
        today(),
        now(),
    )?)
}

/// The native "save as" dialog for a PDF. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub fn pick_pdf_path<R: tauri::Runtime>(
    window: tauri::Window<R>,
    suggested_name: String,
) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .add_filter("PDF", &["pdf"])
        .set_directory(super::app::default_folder())
        .set_file_name(suggested_name)
        .save_file()
        .map(|p| p.to_string_lossy().into_owned())
}

/// Opens a PDF Andel wrote in the system's viewer. Only existing `.pdf` files: the system's
/// opener would run other kinds of file.
#[tauri::command]
#[specta::specta]
pub fn open_pdf(path: String) -> IpcResult<()> {
    let p = PathBuf::from(&path);
    let is_pdf = p
        .extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"));
    if !is_pdf || !p.is_file() {
        return Err(IpcError::new(
            ErrorCode::NotFound,
            format!("{path} is not a PDF that exists. Save the document again."),
        ));
    }
    open::that_detached(&p).map_err(|e| {
        IpcError::new(
            ErrorCode::NotFound,
            format!("No PDF viewer could be started ({e}). Open {path} yourself."),
        )
    })
}

/// The caretaker's order as it would be written: the given orders, or every draft.
#[tauri::command]
#[specta::specta]
pub fn plates_order_preview(state: State<'_, AppState>, ids: Vec<Id>) -> IpcResult<Document> {
    with_vault(&state, |v| order_document(v, &ids))
}

/// What saving the caretaker's order did.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct PlatesOrderSaved {
    pub saved: SavedPdf,
    /// Drafts recorded as sent today.
    pub marked: u32,
}

/// Writes the caretaker's order to `path`; with `mark_sent`, the drafts in it are recorded as
/// sent today (to the caretaker, when there is exactly one).
#[tauri::command]
#[specta::specta]
pub fn plates_order_save(
    state: State<'_, AppState>,
    ids: Vec<Id>,
    path: String,
    mark_sent: bool,
) -> IpcResult<PlatesOrderSaved> {
    let doc = with_vault(&state, |v| order_document(v, &ids))?;
    let saved = save_pdf(&doc, &path)?;
    if !mark_sent {
        return Ok(PlatesOrderSaved { saved, marked: 0 });
    }
    let marked = change(&state, |v| {
        Ok(plates_order::mark_drafts_sent(
            v.conn(),
            &ids,
            today(),
            v.actor(),
            now(),
        )?)
    })?;
    Ok(PlatesOrderSaved { saved, marked })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_names_become_pdf_paths() {
        let p = resolve_pdf_path("navneskilte").unwrap();
        assert!(p.is_absolute());
        assert_eq!(p.extension().unwrap(), "pdf");
        assert_eq!(
            resolve_pdf_path("/tmp/x.PDF").unwrap(),
            PathBuf::from("/tmp/x.PDF")
        );
        assert_eq!(
            resolve_pdf_path("x.html").unwrap_err().code,
            ErrorCode::InvalidInput
        );
        assert_eq!(
            resolve_pdf_path("  ").unwrap_err().code,
            ErrorCode::InvalidInput
        );
    }

    #[test]
    fn a_web_name_is_a_web_page_or_markdown_and_anything_else_a_pdf() {
        let (p, f) = web_path("privatlivspolitik.html").unwrap().unwrap();
        assert!(p.is_absolute());
        assert_eq!(f, document::WebFormat::Html);
        assert_eq!(
            web_path("/tmp/notice.MD").unwrap().map(|(_, f)| f),
            Some(document::WebFormat::Markdown)
        );
        assert!(web_path("notice").unwrap().is_none());
        assert!(web_path("notice.pdf").unwrap().is_none());
        assert_eq!(web_path(" ").unwrap_err().code, ErrorCode::InvalidInput);
        let dir = tempfile::tempdir().unwrap();
        let mut doc = Document::new("Privatlivspolitik", Lang::Da, now());
        doc.paragraph("Foreningen <A/B> passer på dine oplysninger.");
        let path = document_path(&dir.path().join("notice.html").to_string_lossy()).unwrap();
        let bytes = document::write(&doc, &path).unwrap();
        let html = std::fs::read_to_string(&path).unwrap();
        assert_eq!(bytes, html.len());
        assert!(html.starts_with("<!DOCTYPE html>"));
        assert!(html.contains("&lt;A/B&gt;"));
        let pdf = document_path(&dir.path().join("notice").to_string_lossy()).unwrap();
        assert!(pdf.ends_with("notice.pdf"));
        document::write(&doc, &pdf).unwrap();
        assert!(std::fs::read(&pdf).unwrap().starts_with(b"%PDF"));
    }

    #[test]
    fn only_existing_pdfs_are_opened() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("run.sh");
        std::fs::write(&script, "#!/bin/sh\n").unwrap();
        assert_eq!(
            open_pdf(script.to_string_lossy().into_owned())
                .unwrap_err()
                .code,
            ErrorCode::NotFound
        );
        let missing = dir.path().join("gone.pdf");
        assert!(open_pdf(missing.to_string_lossy().into_owned()).is_err());
    }
}
