//! andel-desktop: the Tauri shell. It owns the window, the app state and the IPC boundary;
//! every command is a thin adapter onto andel-core.

mod commands;
mod error;
#[cfg(test)]
mod recorded;
mod state;

use tauri::{Manager, RunEvent, WindowEvent};
use tauri_specta::{collect_commands, collect_events, Builder, Event};

use crate::state::AppState;

/// Sent when closing the window could not save: the UI asks whether to quit anyway.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize, specta::Type, tauri_specta::Event)]
pub struct CloseBlocked {
    pub message: String,
}

/// The typed command and event list, the one list of what the UI may call: the app's invoke
/// handler, the source of `ui/src/lib/ipc/bindings.ts` (and through it of the UI's `Backend`
/// type), and what the recorder of the UI's test responses runs (on Tauri's mock runtime, hence
/// generic over the runtime). `::<tauri::Wry>` only tells specta which runtime to read the types
/// with; Tauri's handler takes the builder's runtime.
pub fn specta_builder<R: tauri::Runtime>() -> Builder<R> {
    Builder::<R>::new()
        .commands(collect_commands![
            commands::app::app_info,
            commands::app::preferences,
            commands::app::set_language,
            commands::app::forget_recent,
            commands::app::pick_archive::<tauri::Wry>,
            commands::app::pick_new_archive_path::<tauri::Wry>,
            commands::archive::suggest_archive_path,
            commands::archive::passphrase_strength,
            commands::archive::probe_archive,
            commands::archive::create_archive::<tauri::Wry>,
            commands::archive::unlock_archive::<tauri::Wry>,
            commands::archive::open_demo,
            commands::archive::lock_archive,
            commands::archive::overview,
            commands::archive::save_now,
            commands::archive::update_association,
            commands::archive::set_auto_lock,
            commands::archive::audit_trail,
            commands::register::units_list,
            commands::register::unit_page,
            commands::register::people_list,
            commands::register::person_page,
            commands::register::people_pick,
            commands::register::person_split,
            commands::register::person_confirm_one,
            commands::register::unit_add,
            commands::register::unit_update,
            commands::register::person_add,
            commands::register::person_update,
            commands::register::ownership_start,
            commands::register::ownership_end,
            commands::register::sublets_list,
            commands::register::sublet_request,
            commands::register::sublet_decide,
            commands::register::sublet_end,
            commands::register::sublet_rule,
            commands::register::sublet_rule_set,
            commands::register::plates_list,
            commands::register::plate_add,
            commands::register::plate_sent,
            commands::register::plate_mounted,
            commands::documents::pick_pdf_path::<tauri::Wry>,
            commands::documents::open_pdf,
            commands::documents::plates_order_preview,
            commands::documents::plates_order_save,
            commands::register::roles_list,
            commands::register::role_add,
            commands::register::role_end,
            commands::register::organisations_list,
            commands::register::organisation_add,
            commands::register::organisation_update,
            commands::privacy::privacy_activities,
            commands::privacy::privacy_activity_update,
            commands::privacy::privacy_activity_add,
            commands::privacy::privacy_activity_set_active,
            commands::privacy::privacy_activity_reset,
            commands::privacy::privacy_notice_preview,
            commands::privacy::privacy_notice_save,
            commands::privacy::privacy_record_preview,
            commands::privacy::privacy_record_save,
            commands::register::attention,
            commands::register::pick_resident_list::<tauri::Wry>,
            commands::register::import_read,
            commands::register::import_preview,
            commands::register::import_apply,
            commands::register::import_cancel,
            commands::minutes::minutes_list,
            commands::minutes::minutes_search,
            commands::minutes::pick_minutes_file::<tauri::Wry>,
            commands::minutes::import_minutes::<tauri::Wry>,
            commands::minutes::cancel_minutes_import,
            commands::minutes::minutes_review,
            commands::minutes::minutes_decide,
            commands::minutes::minutes_review_restart,
            commands::minutes::pick_export_path::<tauri::Wry>,
            commands::minutes::export_minutes,
            commands::minutes::export_minutes_original,
            commands::requests::requests_list,
            commands::requests::request_add,
            commands::requests::request_identity,
            commands::requests::request_extend,
            commands::requests::request_close,
            commands::requests::access_reply_preview,
            commands::requests::access_reply_save,
            commands::requests::erase_plan,
            commands::requests::erase_person,
            commands::requests::retention_rules,
            commands::requests::retention_set,
            commands::requests::retention_reset,
            commands::requests::retention_due,
            commands::requests::retention_apply,
            commands::requests::handover_start,
            commands::requests::pick_handover_path::<tauri::Wry>,
            commands::requests::handover_run,
            quit::<tauri::Wry>,
        ])
        .events(collect_events![
            commands::archive::SaveStateChanged,
            commands::minutes::ScanProgress,
            CloseBlocked
        ])
}

/// Quits the app, saving first; with `discard_unsaved` it quits even when saving fails.
#[tauri::command]
#[specta::specta]
async fn quit<R: tauri::Runtime>(
    app: tauri::AppHandle<R>,
    state: tauri::State<'_, AppState>,
    discard_unsaved: bool,
) -> error::IpcResult<()> {
    if let Err(e) = state.close_session() {
        if !discard_unsaved {
            return Err(e.into());
        }
    }
    app.exit(0);
    Ok(())
}

pub fn run() {
    let builder = specta_builder::<tauri::Wry>();
    let app = tauri::Builder::default()
        .invoke_handler(builder.invoke_handler())
        .setup(move |app| {
            builder.mount_events(app);
            app.manage(AppState::load());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::CloseRequested { api, .. } = event {
                let state = window.state::<AppState>();
                if let Err(e) = state.close_session() {
                    let message = e.to_string();
                    // Nothing is lost silently: keep the window and let the user decide.
                    api.prevent_close();
                    let _ = CloseBlocked { message }.emit(window);
                }
            }
        })
        .build(tauri::generate_context!());
    match app {
        Ok(app) => app.run(|handle, event| {
            if let RunEvent::Exit = event {
                let _ = handle.state::<AppState>().close_session();
            }
        }),
        Err(e) => {
            eprintln!("Andel could not start: {e}");
            std::process::exit(1);
        }
    }
}

#[cfg(test)]
mod tests {
    /// The UI's bindings are generated from the commands above; this fails when they drift.
    /// Regenerate with `make bindings`.
    #[test]
    fn typescript_bindings_are_up_to_date() {
        let generated = super::specta_builder::<tauri::Wry>()
            .export_str(
                specta_typescript::Typescript::default()
                    .header("// Generated from the Rust commands by `make bindings`. Do not edit.\n/* eslint-disable */"),
            )
            .expect("bindings export");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/ipc/bindings.ts");
        if std::env::var_os("ANDEL_WRITE_BINDINGS").is_some() {
            std::fs::write(path, &generated).expect("write bindings");
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "ui/src/lib/ipc/bindings.ts is out of date: run `make bindings` and commit the result"
        );
    }
}
