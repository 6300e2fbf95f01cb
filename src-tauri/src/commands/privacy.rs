//! The Privacy screen: the processing activities (Art. 30) and their edits, the privacy notice
//! (Art. 13/14) and the record as previews and as PDF.
//!
//! Every command takes the document language; `None` means the association's own. Saving the
//! notice (as a PDF, or for the website as HTML or Markdown) records its edition (a new version
//! when the content changed) only once the file is written.

use andel_core::document::Lang;
use andel_core::privacy::activities::{self, Activity, ActivityField, ActivityFields};
use andel_core::privacy::notice::{self, Notice};
use andel_core::privacy::record;
use andel_core::register::Id;
use andel_core::vault::Vault;
use serde::Serialize;
use tauri::State;

use super::archive::{act_if, change, with_vault};
use super::documents::{association_lang, document_path, save_pdf, SavedPdf};
use super::{now, today};
use crate::error::IpcResult;
use crate::state::AppState;

fn lang_or(vault: &Vault, lang: Option<Lang>) -> IpcResult<Lang> {
    match lang {
        Some(l) => Ok(l),
        None => association_lang(vault),
    }
}

/// Every processing activity, texts in `lang`. The country's default activities are written
/// to the archive the first time (unless it is open read-only).
#[tauri::command]
#[specta::specta]
pub fn privacy_activities(
    state: State<'_, AppState>,
    lang: Option<Lang>,
) -> IpcResult<Vec<Activity>> {
    let missing = with_vault(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(!v.is_read_only()
            && activities::current(v.conn(), lang)?
                .iter()
                .any(|a| a.id == 0))
    })?;
    if missing {
        change(&state, |v| {
            let lang = lang_or(v, lang)?;
            Ok(activities::list(v.conn(), lang, v.actor(), now())?)
        })
    } else {
        with_vault(&state, |v| {
            let lang = lang_or(v, lang)?;
            Ok(activities::current(v.conn(), lang)?)
        })
    }
}

/// Changes an activity; an empty text goes back to the built-in wording.
#[tauri::command]
#[specta::specta]
pub fn privacy_activity_update(
    state: State<'_, AppState>,
    id: Id,
    fields: ActivityFields,
    lang: Option<Lang>,
) -> IpcResult<Activity> {
    change(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(activities::update(
            v.conn(),
            id,
            &fields,
            lang,
            v.actor(),
            now(),
        )?)
    })
}

/// Adds an activity of the board's own.
#[tauri::command]
#[specta::specta]
pub fn privacy_activity_add(
    state: State<'_, AppState>,
    fields: ActivityFields,
    lang: Option<Lang>,
) -> IpcResult<Activity> {
    change(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(activities::add(v.conn(), &fields, lang, v.actor(), now())?)
    })
}

/// Stops or resumes an activity.
#[tauri::command]
#[specta::specta]
pub fn privacy_activity_set_active(
    state: State<'_, AppState>,
    id: Id,
    active: bool,
    lang: Option<Lang>,
) -> IpcResult<Activity> {
    change(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(activities::set_active(
            v.conn(),
            id,
            active,
            lang,
            v.actor(),
            now(),
        )?)
    })
}

/// Puts one field of a default activity back to its built-in text.
#[tauri::command]
#[specta::specta]
pub fn privacy_activity_reset(
    state: State<'_, AppState>,
    id: Id,
    field: ActivityField,
    lang: Option<Lang>,
) -> IpcResult<Activity> {
    change(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(activities::reset(
            v.conn(),
            id,
            field,
            lang,
            v.actor(),
            now(),
        )?)
    })
}

/// The privacy notice as it stands, with its version (or as the draft of the next one).
#[tauri::command]
#[specta::specta]
pub fn privacy_notice_preview(state: State<'_, AppState>, lang: Option<Lang>) -> IpcResult<Notice> {
    with_vault(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(notice::prepare(v.conn(), lang, today(), now())?)
    })
}

/// What saving the notice did.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct NoticeSaved {
    pub saved: SavedPdf,
    pub version: u32,
    pub effective_on: String,
    /// A new edition was recorded (the content changed since the last one).
    pub new_edition: bool,
    /// The archive is read-only, so the PDF is the draft and no edition was recorded.
    pub draft: bool,
}

/// Writes the notice to `path` and records its edition: a PDF, or for the website one
/// self-contained HTML file (.html) or Markdown (.md), with the same content and version. The
/// edition is kept only when the file is written (`notice::save`). On a read-only archive the
/// file is written as it stands (a draft, if the content changed) and nothing is recorded.
#[tauri::command]
#[specta::specta]
pub fn privacy_notice_save(
    state: State<'_, AppState>,
    lang: Option<Lang>,
    path: String,
) -> IpcResult<NoticeSaved> {
    let path = document_path(&path)?;
    let saved = act_if(
        &state,
        |v| {
            let lang = lang_or(v, lang)?;
            Ok(notice::save(v, lang, &path, today(), now())?)
        },
        |saved| saved.new_edition,
    )?;
    Ok(NoticeSaved {
        saved: SavedPdf {
            path: path.to_string_lossy().into_owned(),
            bytes: u32::try_from(saved.bytes).unwrap_or(u32::MAX),
            title: saved.notice.document.title,
        },
        version: saved.notice.version,
        effective_on: saved.notice.effective_on.to_string(),
        new_edition: saved.new_edition,
        draft: !saved.notice.issued,
    })
}

/// The Art. 30 record as it stands.
#[tauri::command]
#[specta::specta]
pub fn privacy_record_preview(
    state: State<'_, AppState>,
    lang: Option<Lang>,
) -> IpcResult<andel_core::document::Document> {
    with_vault(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(record::record(v.conn(), lang, today(), now())?)
    })
}

/// Writes the Art. 30 record to `path`.
#[tauri::command]
#[specta::specta]
pub fn privacy_record_save(
    state: State<'_, AppState>,
    lang: Option<Lang>,
    path: String,
) -> IpcResult<SavedPdf> {
    let doc = with_vault(&state, |v| {
        let lang = lang_or(v, lang)?;
        Ok(record::record(v.conn(), lang, today(), now())?)
    })?;
    save_pdf(&doc, &path)
}
