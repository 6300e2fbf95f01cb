//! Commands on the archive: create, unlock, lock, the overview, the association's record and
//! the archive's settings.

use std::path::{Path, PathBuf};

use andel_core::association::{self, Association, AssociationChanges, Country};
use andel_core::summary::Summary;
use andel_core::vault::{
    self, Encryption, LockHolder, OpenOptions, Protection, SaveState, SecretString, Strength,
    Unlock, Vault,
};
use andel_core::{demo, settings, ErrorCode};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Runtime, State};
use tauri_specta::Event;

use crate::error::{sql, IpcError, IpcResult};
use crate::state::{lock, AppState, Session};

/// Sent whenever the autosave's state changes, for the save indicator.
#[derive(Debug, Clone, Serialize, Deserialize, specta::Type, tauri_specta::Event)]
pub struct SaveStateChanged(pub SaveState);

/// What the main window shows about the open archive.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct Overview {
    pub path: String,
    pub association: Association,
    pub summary: Summary,
    pub auto_lock_minutes: u32,
    pub save_state: SaveState,
    pub read_only: bool,
    /// After someone else saved the archive under us: the file that holds our version. The
    /// archive is read-only from then on.
    pub conflict_copy: Option<String>,
}

/// What the unlock screen needs to know before asking.
#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct ArchiveProbe {
    pub path: String,
    pub file_name: String,
    pub protection: Protection,
    /// Someone else who has the archive open right now.
    pub open_elsewhere: Option<LockHolder>,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct NewArchive {
    pub path: String,
    pub association: String,
    pub country: Country,
    pub passphrase: String,
    /// The board member creating it, for the audit trail.
    pub actor: String,
}

#[derive(Debug, Clone, Deserialize, specta::Type)]
pub struct UnlockRequest {
    pub path: String,
    /// For archives protected by a passphrase.
    pub passphrase: Option<String>,
    /// For archives encrypted to board members' keys: an age identity file.
    pub identity_file: Option<String>,
    pub actor: String,
    /// Open although someone else has it open.
    pub take_over_lock: bool,
}

#[derive(Debug, Clone, Serialize, specta::Type)]
pub struct DemoArchive {
    pub path: String,
    pub passphrase: String,
}

fn actor_or_default(actor: &str) -> String {
    let a = actor.trim();
    if a.is_empty() {
        "Board member".to_string()
    } else {
        a.to_string()
    }
}

fn overview_of(vault: &Vault, save_state: SaveState) -> IpcResult<Overview> {
    Ok(Overview {
        path: vault.path().to_string_lossy().into_owned(),
        association: association::get(vault.conn())?,
        summary: andel_core::summary::of(vault)?,
        auto_lock_minutes: settings::auto_lock_minutes(vault.conn()).map_err(sql)?,
        save_state,
        read_only: vault.is_read_only(),
        conflict_copy: vault
            .conflict_copy()
            .map(|p| p.to_string_lossy().into_owned()),
    })
}

/// Runs `f` on the open archive.
pub(crate) fn with_vault<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vault) -> IpcResult<T>,
) -> IpcResult<T> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    let mut vault = lock(&session.vault);
    f(&mut vault)
}

/// Runs a use case that may record something (an export's audit entry) on the open archive,
/// also when it is read-only (the core then records nothing); schedules an autosave when it
/// succeeds on an archive that can be saved.
pub(crate) fn act<T>(state: &AppState, f: impl FnOnce(&mut Vault) -> IpcResult<T>) -> IpcResult<T> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    let (result, read_only) = {
        let mut vault = lock(&session.vault);
        let read_only = vault.is_read_only();
        (f(&mut vault), read_only)
    };
    if result.is_ok() && !read_only {
        session.autosave.changed();
    }
    result
}

/// As [`act`], for a use case that records something only sometimes (the notice's edition, only
/// when its content changed): the autosave is scheduled only when `recorded` says the answer
/// changed the archive, so saving an unchanged notice does not rewrite the archive's file.
pub(crate) fn act_if<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vault) -> IpcResult<T>,
    recorded: impl FnOnce(&T) -> bool,
) -> IpcResult<T> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    let result = f(&mut lock(&session.vault));
    if result.as_ref().is_ok_and(recorded) {
        session.autosave.changed();
    }
    result
}

/// Runs a change on the open archive and schedules an autosave when it succeeds.
pub(crate) fn change<T>(
    state: &AppState,
    f: impl FnOnce(&mut Vault) -> IpcResult<T>,
) -> IpcResult<T> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    let result = {
        let mut vault = lock(&session.vault);
        if vault.is_read_only() {
            return Err(vault::Error::ReadOnly.into());
        }
        f(&mut vault)
    };
    if result.is_ok() {
        session.autosave.changed();
    }
    result
}

fn start_session<R: Runtime>(
    app: &AppHandle<R>,
    state: &AppState,
    vault: Vault,
) -> IpcResult<Overview> {
    state.close_session()?;
    let assoc = association::get(vault.conn())?;
    state.remember(vault.path(), &assoc.name, vault.actor());
    let emitter = app.clone();
    let session = Session::start(vault, move |s| {
        let _ = SaveStateChanged(s).emit(&emitter);
    });
    let overview = {
        let vault = lock(&session.vault);
        overview_of(&vault, lock(&session.save_state).clone())?
    };
    *lock(&state.session) = Some(session);
    Ok(overview)
}

/// A free path for a new archive named after the association, in the default folder.
#[tauri::command]
#[specta::specta]
pub fn suggest_archive_path(association: String) -> String {
    let slug: String = association
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect::<String>()
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let stem = if slug.is_empty() {
        "archive".to_string()
    } else {
        slug
    };
    let folder = super::app::default_folder();
    let mut path = folder.join(format!("{stem}.andel"));
    let mut n = 2;
    while path.exists() {
        path = folder.join(format!("{stem}-{n}.andel"));
        n += 1;
    }
    path.to_string_lossy().into_owned()
}

#[tauri::command]
#[specta::specta]
pub fn passphrase_strength(passphrase: String) -> Strength {
    vault::strength(&passphrase)
}

/// Reads an archive's header: passphrase or keys, and whether it is open elsewhere.
#[tauri::command]
#[specta::specta]
pub fn probe_archive(path: String) -> IpcResult<ArchiveProbe> {
    let p = PathBuf::from(&path);
    let protection = vault::probe(&p)?;
    Ok(ArchiveProbe {
        file_name: p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        open_elsewhere: vault::lock_holder(&p, super::now()),
        protection,
        path,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn create_archive<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: NewArchive,
) -> IpcResult<Overview> {
    let encryption = Encryption::Passphrase {
        passphrase: SecretString::from(request.passphrase),
        work_factor: super::scrypt_work_factor(),
    };
    let vault = Vault::create(
        Path::new(&request.path),
        &request.association,
        request.country,
        encryption,
        &actor_or_default(&request.actor),
        super::now(),
    )?;
    start_session(&app, &state, vault)
}

#[tauri::command]
#[specta::specta]
pub async fn unlock_archive<R: Runtime>(
    app: AppHandle<R>,
    state: State<'_, AppState>,
    request: UnlockRequest,
) -> IpcResult<Overview> {
    let unlock = match (&request.identity_file, request.passphrase) {
        (Some(file), _) => Unlock::Identities(vault::read_identities(&[Path::new(file)])?),
        (None, Some(p)) => Unlock::Passphrase(SecretString::from(p)),
        (None, None) => {
            return Err(IpcError::new(
                ErrorCode::InvalidInput,
                "Enter the passphrase or choose a key file.",
            ))
        }
    };
    let mut options = OpenOptions::new(actor_or_default(&request.actor));
    options.take_over_lock = request.take_over_lock;
    options.scrypt_work_factor = super::scrypt_work_factor();
    let vault = Vault::open(Path::new(&request.path), &unlock, &options, super::now())?;
    start_session(&app, &state, vault)
}

/// Writes the demo archive (once) and tells where it is and its passphrase.
#[tauri::command]
#[specta::specta]
pub async fn open_demo(state: State<'_, AppState>) -> IpcResult<DemoArchive> {
    let folder = state
        .data_dir
        .clone()
        .ok_or_else(|| IpcError::new(ErrorCode::NotWritable, "No data folder for the demo."))?
        .join("demo");
    std::fs::create_dir_all(&folder).map_err(|e| {
        IpcError::new(
            ErrorCode::NotWritable,
            format!("Cannot create {}: {e}", folder.display()),
        )
    })?;
    let path = folder.join("Kastanjegaarden-demo.andel");
    if !path.exists() {
        demo::create(&path, super::scrypt_work_factor(), super::now())?;
    }
    Ok(DemoArchive {
        path: path.to_string_lossy().into_owned(),
        passphrase: demo::DEMO_PASSPHRASE.to_string(),
    })
}

/// Saves what is pending and closes the archive. When the save fails the archive stays open
/// (nothing is lost) unless `discard_unsaved` is set.
#[tauri::command]
#[specta::specta]
pub async fn lock_archive(state: State<'_, AppState>, discard_unsaved: bool) -> IpcResult<()> {
    match state.close_session() {
        Ok(()) => Ok(()),
        Err(_) if discard_unsaved => {
            *lock(&state.session) = None;
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

#[tauri::command]
#[specta::specta]
pub fn overview(state: State<'_, AppState>) -> IpcResult<Overview> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    let save_state = lock(&session.save_state).clone();
    let vault = lock(&session.vault);
    overview_of(&vault, save_state)
}

/// Saves now and waits until the archive is on disk.
#[tauri::command]
#[specta::specta]
pub async fn save_now(state: State<'_, AppState>) -> IpcResult<SaveState> {
    let session = lock(&state.session);
    let session = session.as_ref().ok_or_else(IpcError::not_open)?;
    session.autosave.flush()?;
    let saved = lock(&session.save_state).clone();
    Ok(saved)
}

#[tauri::command]
#[specta::specta]
pub fn update_association(
    state: State<'_, AppState>,
    changes: AssociationChanges,
) -> IpcResult<Association> {
    change(&state, |vault| {
        Ok(association::update(
            vault.conn(),
            &changes,
            vault.actor(),
            super::now(),
        )?)
    })
}

/// Sets the minutes of inactivity before the app locks itself; returns the value kept.
#[tauri::command]
#[specta::specta]
pub fn set_auto_lock(state: State<'_, AppState>, minutes: u32) -> IpcResult<u32> {
    change(&state, |vault| {
        let kept = settings::set_auto_lock_minutes(vault.conn(), minutes).map_err(sql)?;
        vault.record("settings.auto_lock", None, super::now())?;
        Ok(kept)
    })
}

/// The latest entries of the audit trail.
#[tauri::command]
#[specta::specta]
pub fn audit_trail(
    state: State<'_, AppState>,
    limit: u32,
) -> IpcResult<Vec<andel_core::audit::AuditEntry>> {
    with_vault(&state, |vault| {
        andel_core::audit::recent(vault.conn(), limit).map_err(sql)
    })
}
