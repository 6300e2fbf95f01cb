//! App-level commands: facts for the start screen, preferences, native file dialogs.

use std::path::PathBuf;

use andel_core::demo;
use andel_core::ErrorCode;
use tauri::State;

use crate::error::{IpcError, IpcResult};
use crate::state::{lock, AppState, Preferences};

/// Facts the start screen needs.
#[derive(Debug, Clone, serde::Serialize, specta::Type)]
pub struct AppInfo {
    pub version: String,
    /// The language of the operating system, mapped to one Andel speaks.
    pub system_language: String,
    /// Where new archives are suggested.
    pub default_folder: String,
    pub demo_passphrase: String,
    pub demo_name: String,
}

/// Maps a system locale such as "nb_NO.UTF-8" or "sv-SE" to da, nb, sv or en.
pub fn language_of_locale(locale: &str) -> &'static str {
    let lang = locale
        .split(['-', '_', '.'])
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    match lang.as_str() {
        "da" => "da",
        "nb" | "no" | "nn" => "nb",
        "sv" => "sv",
        _ => "en",
    }
}

pub fn default_folder() -> PathBuf {
    if let Some(fixed) = super::fixed_machine() {
        return fixed.documents;
    }
    dirs::document_dir()
        .or_else(dirs::home_dir)
        .unwrap_or_else(|| PathBuf::from("."))
}

/// Where a typed file name goes: a bare or relative name lands in the documents folder, and
/// `default_ext` is added when the name has none. `empty` is the message for a blank name.
pub(crate) fn typed_path(typed: &str, default_ext: &str, empty: &str) -> IpcResult<PathBuf> {
    let typed = typed.trim();
    if typed.is_empty() {
        return Err(IpcError::new(ErrorCode::InvalidInput, empty));
    }
    let mut path = PathBuf::from(typed);
    if path.is_relative() {
        path = default_folder().join(path);
    }
    if path.extension().is_none() {
        path.set_extension(default_ext);
    }
    Ok(path)
}

#[tauri::command]
#[specta::specta]
pub fn app_info() -> AppInfo {
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        system_language: language_of_locale(&sys_locale::get_locale().unwrap_or_default())
            .to_string(),
        default_folder: default_folder().to_string_lossy().into_owned(),
        demo_passphrase: demo::DEMO_PASSPHRASE.to_string(),
        demo_name: demo::DEMO_NAME.to_string(),
    }
}

#[tauri::command]
#[specta::specta]
pub fn preferences(state: State<'_, AppState>) -> Preferences {
    lock(&state.prefs).clone()
}

/// Sets the UI language ("da", "nb", "sv", "en"), or `None` to follow the system.
#[tauri::command]
#[specta::specta]
pub fn set_language(state: State<'_, AppState>, language: Option<String>) -> IpcResult<()> {
    if let Some(l) = &language {
        if !["da", "nb", "sv", "en"].contains(&l.as_str()) {
            return Err(IpcError::new(
                andel_core::ErrorCode::InvalidInput,
                format!("Unknown language {l}: use da, nb, sv or en."),
            ));
        }
    }
    lock(&state.prefs).language = language;
    state.save_prefs();
    Ok(())
}

/// Removes an archive from the recently-opened list (the file itself is untouched).
#[tauri::command]
#[specta::specta]
pub fn forget_recent(state: State<'_, AppState>, path: String) {
    lock(&state.prefs).recent.retain(|r| r.path != path);
    state.save_prefs();
}

/// The native "open" dialog, for archives. `None` when the user cancels.
///
/// Synchronous on purpose: Tauri runs synchronous commands on the main thread, which GTK's
/// dialogs need.
#[tauri::command]
#[specta::specta]
pub fn pick_archive<R: tauri::Runtime>(window: tauri::Window<R>) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .set_title("Open an Andel archive")
        .add_filter("Andel archive", &["andel"])
        .set_directory(default_folder())
        .pick_file()
        .map(|p| p.to_string_lossy().into_owned())
}

/// The native "save as" dialog for a new archive. `None` when the user cancels.
#[tauri::command]
#[specta::specta]
pub fn pick_new_archive_path<R: tauri::Runtime>(
    window: tauri::Window<R>,
    suggested_name: String,
) -> Option<String> {
    rfd::FileDialog::new()
        .set_parent(&window)
        .set_title("Where to keep the new archive")
        .add_filter("Andel archive", &["andel"])
        .set_directory(default_folder())
        .set_file_name(suggested_name)
        .save_file()
        .map(|p| {
            let p = if p.extension().is_some_and(|e| e == "andel") {
                p
            } else {
                p.with_extension("andel")
            };
            p.to_string_lossy().into_owned()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_the_four_languages() {
        assert_eq!(language_of_locale("da_DK.UTF-8"), "da");
        assert_eq!(language_of_locale("nb-NO"), "nb");
        assert_eq!(language_of_locale("nn_NO"), "nb");
        assert_eq!(language_of_locale("sv-SE"), "sv");
        assert_eq!(language_of_locale("de-DE"), "en");
        assert_eq!(language_of_locale(""), "en");
    }
}
