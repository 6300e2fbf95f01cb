//! Commands for residents' requests and their deadlines, the access reply, erasure, retention
//! and the yearly handover: one-line adapters onto `andel_core::requests`.
//!
//! "Today" is the local calendar day, read here and passed to andel-core, which never reads the
//! clock. Commands that change data run through [`change`], so an autosave follows. The handover
//! writes a new file and changes nothing in the open archive.

use std::path::{Path, PathBuf};

use andel_core::document::Lang;
use andel_core::handover::{self, Boards, HandoverReceipt};
use andel_core::register::Id;
use andel_core::requests::access::{self, ReplyPreview};
use andel_core::requests::erase::{self, ErasurePlan, ErasureReport};
use andel_core::requests::{self, NewRequest, Request, RequestKind, RequestStatus};
use andel_core::retention::{self, Applied, DueItem, RecordKind, Rule};
use andel_core::vault::{self, Encryption, SecretString};
use andel_core::ErrorCode;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use tauri::State;

use super::archive::{change, with_vault};
use super::{now, today};
use crate::error::{IpcError, IpcResult};
use crate::state::AppState;

// ---------------------------------------------------------------------------------------------
// requests

/// Every request, open ones by deadline first.
#[tauri::command]
#[specta::specta]
pub fn requests_list(state: State<'_, AppState>) -> IpcResult<Vec<Request>> {
    with_vault(&state, |v| Ok(requests::list(v.conn(), today())?))
}

/// A new request as the form sends it.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct RequestForm {
    pub kind: RequestKind,
    /// `None` is today.
    pub received_on: Option<NaiveDate>,
    pub channel: Option<String>,
    /// The person in the register, when chosen from the list.
    pub person_id: Option<Id>,
    /// The requester's name when they are not in the register.
    pub requester_name: Option<String>,
    pub note: Option<String>,
}

/// Records a request; its deadline is one month from receipt.
#[tauri::command]
#[specta::specta]
pub fn request_add(state: State<'_, AppState>, form: RequestForm) -> IpcResult<Request> {
    change(&state, |v| {
        let day = today();
        let new = NewRequest {
            kind: form.kind,
            received_on: form.received_on.unwrap_or(day),
            channel: form.channel.clone(),
            person_id: form.person_id,
            requester_name: form.requester_name.clone(),
            note: form.note.clone(),
        };
        Ok(requests::add(v.conn(), &new, day, v.actor(), now())?)
    })
}

/// Notes how the requester's identity was checked (`on`: `None` is today).
#[tauri::command]
#[specta::specta]
pub fn request_identity(
    state: State<'_, AppState>,
    id: Id,
    how: String,
    on: Option<NaiveDate>,
) -> IpcResult<Request> {
    change(&state, |v| {
        let day = today();
        Ok(requests::set_identity_check(
            v.conn(),
            id,
            &how,
            on.unwrap_or(day),
            day,
            v.actor(),
            now(),
        )?)
    })
}

/// Extends the deadline once, today, by 1 or 2 months, with the reason.
#[tauri::command]
#[specta::specta]
pub fn request_extend(
    state: State<'_, AppState>,
    id: Id,
    months: u32,
    reason: String,
) -> IpcResult<Request> {
    change(&state, |v| {
        let day = today();
        Ok(requests::extend(
            v.conn(),
            id,
            months,
            &reason,
            day,
            day,
            v.actor(),
            now(),
        )?)
    })
}

/// Closes a request as answered, refused or withdrawn (`on`: `None` is today).
#[tauri::command]
#[specta::specta]
pub fn request_close(
    state: State<'_, AppState>,
    id: Id,
    status: RequestStatus,
    on: Option<NaiveDate>,
) -> IpcResult<Request> {
    change(&state, |v| {
        let day = today();
        Ok(requests::close(
            v.conn(),
            id,
            status,
            on.unwrap_or(day),
            day,
            v.actor(),
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// the access reply

/// What the access reply holds, to show before it is saved, and how many passages in the
/// minutes were left out because they could mean someone else with the same or a similar name.
/// Refused until the identity check is noted. `lang`: the reply's language (the association's
/// when `None`).
#[tauri::command]
#[specta::specta]
pub async fn access_reply_preview(
    state: State<'_, AppState>,
    id: Id,
    lang: Option<Lang>,
) -> IpcResult<ReplyPreview> {
    with_vault(&state, |v| {
        Ok(access::preview(v.conn(), id, lang, today())?)
    })
}

/// The access reply as written: the PDF and the JSON beside it.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct SavedReply {
    pub pdf: String,
    pub json: String,
    pub mentions: u32,
    /// Passages left out because they could mean someone else (see the preview).
    pub left_out: u32,
}

/// Writes the access reply for request `id` to `path` (PDF) and its data beside it as JSON
/// (same name, .json), in `lang` (the association's language when `None`). Neither file may
/// exist.
#[tauri::command]
#[specta::specta]
pub async fn access_reply_save(
    state: State<'_, AppState>,
    id: Id,
    path: String,
    lang: Option<Lang>,
) -> IpcResult<SavedReply> {
    let pdf_path = super::app::typed_path(
        &path,
        "pdf",
        "Give the file a name, or choose where to save it.",
    )?;
    let json_path = pdf_path.with_extension("json");
    let files = access::ReplyFiles {
        pdf: &pdf_path,
        json: Some(&json_path),
        lang,
    };
    let written = with_vault(&state, |v| {
        Ok(access::write_reply(v.conn(), id, files, today(), now())?)
    })?;
    Ok(SavedReply {
        pdf: pdf_path.to_string_lossy().into_owned(),
        json: json_path.to_string_lossy().into_owned(),
        mentions: written.mentions,
        left_out: written.left_out,
    })
}

// ---------------------------------------------------------------------------------------------
// erasure

/// What erasing a person would remove and keep, and why.
#[tauri::command]
#[specta::specta]
pub fn erase_plan(state: State<'_, AppState>, person_id: Id) -> IpcResult<ErasurePlan> {
    with_vault(&state, |v| Ok(erase::plan(v.conn(), person_id, today())?))
}

/// Erases a person as [`erase_plan`] explained, in one transaction.
#[tauri::command]
#[specta::specta]
pub fn erase_person(state: State<'_, AppState>, person_id: Id) -> IpcResult<ErasureReport> {
    change(&state, |v| {
        let actor = v.actor().to_string();
        Ok(erase::erase(
            v.conn(),
            person_id,
            false,
            today(),
            &actor,
            now(),
        )?)
    })
}

// ---------------------------------------------------------------------------------------------
// retention

/// The retention rules with the country's defaults.
#[tauri::command]
#[specta::specta]
pub fn retention_rules(state: State<'_, AppState>) -> IpcResult<Vec<Rule>> {
    with_vault(&state, |v| Ok(retention::rules(v.conn())?))
}

/// Changes a rule: months, or `None` to keep such records for good.
#[tauri::command]
#[specta::specta]
pub fn retention_set(
    state: State<'_, AppState>,
    kind: RecordKind,
    months: Option<u32>,
) -> IpcResult<Rule> {
    change(&state, |v| {
        Ok(retention::set_rule(
            v.conn(),
            kind,
            months,
            v.actor(),
            now(),
        )?)
    })
}

/// Goes back to the country's default for a rule.
#[tauri::command]
#[specta::specta]
pub fn retention_reset(state: State<'_, AppState>, kind: RecordKind) -> IpcResult<Rule> {
    change(&state, |v| {
        Ok(retention::reset_rule(v.conn(), kind, v.actor(), now())?)
    })
}

/// What is past its retention today.
#[tauri::command]
#[specta::specta]
pub fn retention_due(state: State<'_, AppState>) -> IpcResult<Vec<DueItem>> {
    with_vault(&state, |v| Ok(retention::due(v.conn(), today())?))
}

/// Carries out the sweep the board confirmed. `expected` is the number of records the board
/// saw; if the list changed since, nothing is done.
#[tauri::command]
#[specta::specta]
pub fn retention_apply(state: State<'_, AppState>, expected: u32) -> IpcResult<Applied> {
    change(&state, |v| {
        let day = today();
        let due = retention::due(v.conn(), day)?.len() as u32;
        if due != expected {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                format!("The list changed: {due} records are due now, not {expected}. Look at the list again; nothing was deleted."),
            ));
        }
        let actor = v.actor().to_string();
        Ok(retention::apply(v.conn(), day, &actor, now())?)
    })
}

// ---------------------------------------------------------------------------------------------
// the handover

/// What the handover wizard starts from: the boards as the register knows them, a suggested
/// file name beside the archive, and how the archive is protected now.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct HandoverStart {
    pub boards: Boards,
    pub suggested_path: String,
    /// "passphrase" or "recipients".
    pub encryption: String,
    /// Records past their retention today (the sweep belongs before the handover).
    pub retention_due: u32,
}

#[tauri::command]
#[specta::specta]
pub fn handover_start(state: State<'_, AppState>) -> IpcResult<HandoverStart> {
    with_vault(&state, |v| {
        let day = today();
        let stem = v
            .path()
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_else(|| "archive".into());
        let year = chrono::Datelike::year(&day);
        let folder = v.path().parent().map(Path::to_path_buf).unwrap_or_default();
        let mut path = folder.join(format!("{stem}-{year}.andel"));
        let mut n = 2;
        while path.exists() || handover::receipt_path(&path).exists() {
            path = folder.join(format!("{stem}-{year}-{n}.andel"));
            n += 1;
        }
        Ok(HandoverStart {
            boards: handover::boards(v.conn(), day)?,
            suggested_path: path.to_string_lossy().into_owned(),
            encryption: v.encryption().kind().to_string(),
            retention_due: retention::due(v.conn(), day)?.len() as u32,
        })
    })
}

/// The native "save as" dialog for the new archive. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub fn pick_handover_path<R: tauri::Runtime>(
    window: tauri::Window<R>,
    suggested: String,
) -> Option<String> {
    let suggested = PathBuf::from(suggested);
    let mut dialog = rfd::FileDialog::new()
        .set_parent(&window)
        .add_filter("Andel archive", &["andel"]);
    if let Some(folder) = suggested.parent() {
        dialog = dialog.set_directory(folder);
    }
    if let Some(name) = suggested.file_name() {
        dialog = dialog.set_file_name(name.to_string_lossy());
    }
    dialog.save_file().map(|p| p.to_string_lossy().into_owned())
}

/// The wizard's choices.
#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct HandoverForm {
    /// The new archive; must not exist.
    pub path: String,
    /// The new passphrase; ignored when `recipients` are given.
    pub passphrase: Option<String>,
    /// The new board members' age public keys.
    pub recipients: Vec<String>,
    pub outgoing: Vec<String>,
    pub incoming: Vec<String>,
    /// Run the retention sweep on the open archive first (the wizard offers it when records are
    /// due); the receipt then says what it deleted, else what is still due.
    #[serde(default)]
    pub sweep_first: bool,
}

/// Writes the archive to a new file with the new passphrase or keys, checks it, and writes the
/// receipt PDF beside it. The open archive and its file stay as they are, unless the board chose
/// to run the retention sweep first (`sweep_first`), which changes the open archive like the
/// sweep on the Requests screen.
#[tauri::command]
#[specta::specta]
pub async fn handover_run(
    state: State<'_, AppState>,
    form: HandoverForm,
) -> IpcResult<HandoverReceipt> {
    let path = super::app::typed_path(&form.path, "andel", "Choose where the new archive goes.")?;
    let encryption = if form.recipients.iter().any(|r| !r.trim().is_empty()) {
        let keys = form
            .recipients
            .iter()
            .filter(|r| !r.trim().is_empty())
            .map(|r| vault::parse_recipient(r))
            .collect::<Result<Vec<_>, _>>()?;
        Encryption::Recipients(keys)
    } else {
        let passphrase = form.passphrase.clone().unwrap_or_default();
        if passphrase.is_empty() {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                "Type the new passphrase, or give the new board members' keys.",
            ));
        }
        Encryption::Passphrase {
            passphrase: SecretString::from(passphrase),
            work_factor: super::scrypt_work_factor(),
        }
    };
    let boards = Boards {
        outgoing: clean(&form.outgoing),
        incoming: clean(&form.incoming),
    };
    // Before the sweep changes anything: a handover that cannot write its file does not sweep.
    with_vault(&state, |v| Ok(handover::check(v, &path, &encryption)?))?;
    let swept = if form.sweep_first {
        change(&state, |v| {
            let actor = v.actor().to_string();
            let applied = retention::apply(v.conn(), today(), &actor, now())?;
            Ok(applied.items.len() as u32)
        })?
    } else {
        0
    };
    with_vault(&state, |v| {
        Ok(handover::handover_after_sweep(
            v,
            &path,
            encryption,
            Some(boards),
            swept,
            today(),
            now(),
        )?)
    })
}

fn clean(names: &[String]) -> Vec<String> {
    names
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty())
        .collect()
}
