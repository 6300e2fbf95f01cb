//! The UI's test backend, recorded from the real commands.
//!
//! The UI's tests (and `npm run dev` in a plain browser) do not re-implement Andel's rules in
//! TypeScript: they replay what these commands answered. A scenario (`ui/src/lib/ipc/recorded/
//! *.json`) is a setup (preferences, archives and files on a pretend disk) and the calls a UI test
//! made, each with the command's answer, whether it changed anything, and the text files it wrote.
//! This test runs every scenario's calls again on Tauri's mock runtime, through the same invoke
//! handler as the app, and fails when an answer drifted; with `ANDEL_WRITE_RECORDED=1` it writes
//! the new answers instead (like `bindings.ts`). New scenarios are recorded by the UI's tests
//! themselves against [`serve`] (see `ui/src/lib/ipc/recording.ts`).
//!
//! The pretend disk is a temporary folder standing in for `/`: paths in arguments are moved under
//! it and taken out of answers again, so a recording names `/home/board/...` on every machine. The
//! clock is fixed at [`NOW`] and scrypt is cheap, so a recording is the same every day and quick.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use andel_core::association::Country;
use andel_core::vault::{Encryption, SecretString, Vault};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use tauri::test::{mock_builder, mock_context, noop_assets, MockRuntime, INVOKE_KEY};
use tauri::{Manager, WebviewWindow};

use crate::commands::{fix_machine, FixedMachine};
use crate::state::{lock, AppState, Preferences};

/// Where the scenarios live.
const FOLDER: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../ui/src/lib/ipc/recorded");

/// The repository's test fixtures, which a setup may copy onto the pretend disk.
const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/fixtures");

/// The instant every recording happens at (the UI's tests fix their clock to the same).
pub const NOW: &str = "2026-11-30T10:00:00Z";

/// A cheap scrypt: archives are written after every change, and age's default costs a second.
const WORK_FACTOR: u8 = 4;

/// Text files a step writes are kept in the recording up to this size, so the UI's tests can read
/// what an export holds.
const TEXT_KEPT: u64 = 64 * 1024;

/// One scenario: how the pretend disk starts, and the calls made on it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Scenario {
    #[serde(default)]
    pub setup: Setup,
    #[serde(default)]
    pub steps: Vec<Step>,
}

/// The pretend machine before the first call.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Setup {
    /// The user's preferences (recently opened archives, the board member's name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prefs: Option<Preferences>,
    /// Archives on the disk, made by andel-core.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub archives: Vec<ArchiveSetup>,
    /// Other files on the disk: path → text.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, String>,
    /// Files copied from the repository's `tests/fixtures/`: path → the fixture's path there (a
    /// .docx, say, which is not text).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub fixtures: BTreeMap<String, String>,
    /// Scans on the disk, made from a text as a scanner would (see [`ScanSetup`]).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub scans: BTreeMap<String, ScanSetup>,
}

/// A scan of `text` as Andel's PDF export lays it out: an image-only PDF (no text layer) of its
/// pages, or for a path ending in `.png` its first page as a PNG; at `dpi` (300 unless told).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanSetup {
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dpi: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchiveSetup {
    pub path: String,
    pub name: String,
    pub country: Country,
    /// The passphrase; with `key_file`, the archive is encrypted to a new key written there instead.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passphrase: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_file: Option<String>,
    /// The file cut to half its length, as an interrupted copy leaves it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub damaged: bool,
    /// Saved with a schema version newer than this Andel knows.
    #[serde(default, skip_serializing_if = "is_false")]
    pub newer: bool,
    /// Someone else's lock file beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub held_by: Option<andel_core::vault::LockHolder>,
}

/// One call and what the command answered.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Step {
    pub cmd: String,
    pub args: Value,
    /// The answer, exactly as the UI receives it (`null` included); absent when the command failed.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "present"
    )]
    pub ok: Option<Value>,
    /// The `{code, message}` of a failure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub err: Option<Value>,
    /// Whether the call changed anything (the archive, the session, preferences, files): later
    /// calls are answered from after it.
    #[serde(default, skip_serializing_if = "is_false")]
    pub changes: bool,
    /// Files the call wrote: path → their text, or `null` for a binary or large file.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub wrote: BTreeMap<String, Option<String>>,
}

/// A field that is there, even as `null`, is `Some` (serde reads a `null` as `None` otherwise, and
/// a command that answers `null` would read back as one that answered nothing).
fn present<'de, D: serde::Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    Value::deserialize(d).map(Some)
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Commands that need a person at the screen (native dialogs), open another program or end the
/// process: the UI's test backend answers them itself, so they are never recorded.
pub const NOT_RECORDED: &[&str] = &[
    "pick_archive",
    "pick_new_archive_path",
    "pick_pdf_path",
    "pick_resident_list",
    "pick_minutes_file",
    "pick_export_path",
    "pick_handover_path",
    "open_pdf",
    "quit",
];

/// The fixed machine is one per process; recordings take turns.
static TURN: Mutex<()> = Mutex::new(());

/// Where `open_demo` keeps the demo archive on the pretend disk.
const DEMO_PATH: &str = "/home/board/.local/share/andel/demo/Kastanjegaarden-demo.andel";

static DEMO: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();

/// The demo archive's bytes, as andel-core writes it at [`NOW`].
fn demo_archive(now: chrono::DateTime<chrono::Utc>) -> Result<&'static [u8], String> {
    if let Some(bytes) = DEMO.get() {
        return Ok(bytes);
    }
    let dir = tempfile::tempdir().map_err(|e| e.to_string())?;
    let path = dir.path().join("demo.andel");
    andel_core::demo::create(&path, Some(WORK_FACTOR), now)
        .map_err(|e| format!("demo archive: {e}"))?
        .close();
    let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
    Ok(DEMO.get_or_init(|| bytes))
}

/// The file a [`ScanSetup`] describes: Andel's PDF layout of the text rendered at 300 dpi by the
/// same code the import uses for a PDF's scanned pages, then scaled down to the setup's dpi.
fn scan(
    path: &str,
    setup: &ScanSetup,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<Vec<u8>, String> {
    use andel_core::{minutes, ocr};
    let pdf = minutes::render(
        &setup.text,
        minutes::ExportFormat::Pdf,
        Some(Country::DK),
        now,
    )
    .map_err(|e| e.to_string())?;
    let mut pages = Vec::new();
    // Every page of Andel's layout holds text: the first without any is past the end.
    for n in 1.. {
        match ocr::pdf_page_text(&pdf, n) {
            Ok(t) if !t.trim().is_empty() => {
                let image = ocr::pdf_page_image(&pdf, n, &()).map_err(|e| e.to_string())?;
                pages.push(downsample(&image, setup.dpi.unwrap_or(ocr::RENDER_DPI)));
            }
            _ => break,
        }
    }
    if path.ends_with(".png") {
        let first = pages.first().ok_or("no page")?;
        return ocr::image::encode_png(first).map_err(|e| e.to_string());
    }
    let pages: Vec<ocr::pdf::OutPage> = pages
        .into_iter()
        .map(|image| ocr::pdf::OutPage {
            image,
            words: Vec::new(),
        })
        .collect();
    ocr::pdf::write(&pages).map_err(|e| e.to_string())
}

/// `page` at a lower resolution (nearest neighbour, as a cheap scanner setting gives it).
fn downsample(page: &andel_core::ocr::Gray, dpi: u32) -> andel_core::ocr::Gray {
    if dpi >= page.dpi {
        return page.clone();
    }
    let f = f64::from(page.dpi) / f64::from(dpi);
    let width = (f64::from(page.width) / f) as u32;
    let height = (f64::from(page.height) / f) as u32;
    let mut out = andel_core::ocr::Gray::white(width, height, dpi);
    for y in 0..height as usize {
        for x in 0..width as usize {
            let sx = ((x as f64 * f) as usize).min(page.width as usize - 1);
            let sy = ((y as f64 * f) as usize).min(page.height as usize - 1);
            out.pixels[y * width as usize + x] = page.pixels[sy * page.width as usize + sx];
        }
    }
    out
}

/// The real commands on a pretend disk.
pub struct Recorder {
    _app: tauri::App<MockRuntime>,
    webview: WebviewWindow<MockRuntime>,
    root: tempfile::TempDir,
    /// The root as it appears in answers.
    root_text: String,
}

/// What the recorder compares before and after a call to tell whether it changed anything.
#[derive(PartialEq)]
struct Fingerprint {
    open: Option<(PathBuf, u64)>,
    prefs: String,
    import: bool,
}

impl Recorder {
    pub fn new(setup: &Setup) -> Result<Recorder, String> {
        let root = tempfile::tempdir().map_err(|e| format!("temporary folder: {e}"))?;
        let root_text = root.path().to_string_lossy().into_owned();
        for dir in ["home/board/Documents", "home/board/.local/share/andel"] {
            std::fs::create_dir_all(root.path().join(dir)).map_err(|e| e.to_string())?;
        }
        let now = chrono::DateTime::parse_from_rfc3339(NOW)
            .map_err(|e| e.to_string())?
            .with_timezone(&chrono::Utc);
        fix_machine(Some(FixedMachine {
            now,
            documents: root.path().join("home/board/Documents"),
            scrypt_work_factor: Some(WORK_FACTOR),
        }));
        // The demo archive is already written, as after a first "Try the demo": made once per
        // process by andel-core, it is the slowest part of a scenario.
        let demo = root.path().join(DEMO_PATH.trim_start_matches('/'));
        if let Some(dir) = demo.parent() {
            std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
        }
        std::fs::write(&demo, demo_archive(now)?).map_err(|e| e.to_string())?;
        let real = |p: &str| root.path().join(p.trim_start_matches('/'));
        for a in &setup.archives {
            let path = real(&a.path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            }
            let encryption = match &a.key_file {
                Some(key_file) => {
                    use andel_core::vault::ExposeSecret;
                    let identity = andel_core::vault::Identity::generate();
                    if let Some(dir) = real(key_file).parent() {
                        std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
                    }
                    std::fs::write(
                        real(key_file),
                        identity.to_string().expose_secret().as_bytes(),
                    )
                    .map_err(|e| e.to_string())?;
                    Encryption::Recipients(vec![identity.to_public()])
                }
                None => Encryption::Passphrase {
                    passphrase: SecretString::from(a.passphrase.clone().unwrap_or_default()),
                    work_factor: Some(WORK_FACTOR),
                },
            };
            let mut vault = Vault::create(&path, &a.name, a.country, encryption, "Setup", now)
                .map_err(|e| format!("archive {}: {e}", a.path))?;
            if a.newer {
                vault
                    .conn()
                    .execute_batch("PRAGMA user_version = 9999")
                    .map_err(|e| e.to_string())?;
                vault.save(now).map_err(|e| e.to_string())?;
            }
            vault.close();
            if a.damaged {
                let bytes = std::fs::read(&path).map_err(|e| e.to_string())?;
                std::fs::write(&path, &bytes[..bytes.len() / 2]).map_err(|e| e.to_string())?;
            }
            if let Some(holder) = &a.held_by {
                let lock = serde_json::json!({
                    "user": holder.user, "host": holder.host, "pid": holder.pid,
                    "since": holder.since, "token": "recorded",
                });
                std::fs::write(andel_core::vault::lock_path(&path), lock.to_string())
                    .map_err(|e| e.to_string())?;
            }
        }
        let put = |path: &str, bytes: &[u8]| -> Result<(), String> {
            let path = real(path);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| e.to_string())?;
            }
            std::fs::write(&path, bytes).map_err(|e| e.to_string())
        };
        for (path, text) in &setup.files {
            put(path, text.as_bytes())?;
        }
        for (path, fixture) in &setup.fixtures {
            let bytes = std::fs::read(Path::new(FIXTURES).join(fixture))
                .map_err(|e| format!("fixture {fixture}: {e}"))?;
            put(path, &bytes)?;
        }
        for (path, s) in &setup.scans {
            put(
                path,
                &scan(path, s, now).map_err(|e| format!("scan {path}: {e}"))?,
            )?;
        }
        // The app keeps real paths in its preferences, as it does for everything it opens.
        let mut prefs = setup.prefs.clone().unwrap_or_default();
        for r in &mut prefs.recent {
            r.path = format!("{root_text}{}", r.path);
        }
        let state = AppState {
            session: Mutex::new(None),
            import: Mutex::new(None),
            scan_cancel: Mutex::default(),
            prefs: Mutex::new(prefs),
            prefs_path: None,
            data_dir: Some(root.path().join("home/board/.local/share/andel")),
        };
        let builder = crate::specta_builder::<MockRuntime>();
        let app = mock_builder()
            .invoke_handler(builder.invoke_handler())
            .manage(state)
            .build(mock_context(noop_assets()))
            .map_err(|e| format!("mock app: {e}"))?;
        builder.mount_events(&app);
        let webview = tauri::WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .map_err(|e| format!("mock window: {e}"))?;
        Ok(Recorder {
            _app: app,
            webview,
            root,
            root_text,
        })
    }

    fn state(&self) -> tauri::State<'_, AppState> {
        self.webview.state::<AppState>()
    }

    fn fingerprint(&self) -> Fingerprint {
        let state = self.state();
        let open = lock(&state.session).as_ref().map(|s| {
            let vault = lock(&s.vault);
            (vault.path().to_path_buf(), vault.conn().total_changes())
        });
        let prefs = serde_json::to_string(&*lock(&state.prefs)).unwrap_or_default();
        let import = lock(&state.import).is_some();
        Fingerprint {
            open,
            prefs,
            import,
        }
    }

    /// The files under the pretend disk, with their size and modification time.
    fn files(&self) -> BTreeMap<PathBuf, (u64, std::time::SystemTime)> {
        fn walk(dir: &Path, out: &mut BTreeMap<PathBuf, (u64, std::time::SystemTime)>) {
            let Ok(entries) = std::fs::read_dir(dir) else {
                return;
            };
            for e in entries.flatten() {
                let path = e.path();
                let Ok(meta) = e.metadata() else { continue };
                if meta.is_dir() {
                    walk(&path, out);
                } else if let Ok(modified) = meta.modified() {
                    out.insert(path, (meta.len(), modified));
                }
            }
        }
        let mut out = BTreeMap::new();
        walk(self.root.path(), &mut out);
        out
    }

    /// Runs one command as the UI would invoke it, then saves what is pending (so the next answer
    /// does not depend on the autosave's timing).
    pub fn call(&self, cmd: &str, args: &Value) -> Step {
        if NOT_RECORDED.contains(&cmd) {
            return Step {
                cmd: cmd.to_string(),
                args: args.clone(),
                ok: None,
                err: Some(serde_json::json!({
                    "code": "internal",
                    "message": format!("{cmd} is answered by the UI's test backend, not recorded"),
                })),
                changes: false,
                wrote: BTreeMap::new(),
            };
        }
        let before = (self.fingerprint(), self.files());
        let mut args_real = args.clone();
        self.move_under_root(&mut args_real, false);
        let request = tauri::webview::InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().expect("a constant URL"),
            body: tauri::ipc::InvokeBody::Json(args_real),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        let response = tauri::test::get_ipc_response(&self.webview, request);
        if let Some(session) = lock(&self.state().session).as_ref() {
            // A failed save is the answer to a later call (lock, save), not to this one.
            let _ = session.autosave.flush();
        }
        let (ok, err) = match response {
            Ok(body) => (
                Some(
                    body.deserialize::<Value>()
                        .unwrap_or_else(|e| Value::String(format!("unreadable answer: {e}"))),
                ),
                None,
            ),
            Err(e) => (None, Some(e)),
        };
        let after = (self.fingerprint(), self.files());
        let mut wrote = BTreeMap::new();
        for (path, stamp) in &after.1 {
            if before.1.get(path) == Some(stamp) || !kept_file(path) {
                continue;
            }
            let text = (stamp.0 <= TEXT_KEPT)
                .then(|| std::fs::read(path).ok())
                .flatten()
                .and_then(|b| String::from_utf8(b).ok());
            wrote.insert(self.virtual_path(path), text);
        }
        let changes = before.0 != after.0 || before.1 != after.1;
        let mut step = Step {
            cmd: cmd.to_string(),
            args: args.clone(),
            ok,
            err,
            changes,
            wrote,
        };
        if let Some(v) = step.ok.as_mut() {
            self.take_out_root(v);
        }
        if let Some(v) = step.err.as_mut() {
            self.take_out_root(v);
        }
        step
    }

    fn virtual_path(&self, path: &Path) -> String {
        let p = path.to_string_lossy();
        p.strip_prefix(&self.root_text).unwrap_or(&p).to_string()
    }

    /// Moves absolute paths in arguments (`path`, `identity_file`, `…_path`, `…File`) under the
    /// pretend disk.
    fn move_under_root(&self, v: &mut Value, path_key: bool) {
        match v {
            Value::String(s) if path_key && s.starts_with('/') => {
                *s = format!("{}{s}", self.root_text);
            }
            Value::Array(items) => items
                .iter_mut()
                .for_each(|i| self.move_under_root(i, path_key)),
            Value::Object(map) => {
                for (k, item) in map.iter_mut() {
                    let k = k.to_ascii_lowercase();
                    let is_path =
                        k.ends_with("path") || k.ends_with("file") || k.ends_with("files");
                    self.move_under_root(item, is_path);
                }
            }
            _ => {}
        }
    }

    /// Takes the pretend disk's folder out of every text in an answer.
    fn take_out_root(&self, v: &mut Value) {
        match v {
            Value::String(s) if s.contains(&self.root_text) => {
                *s = s.replace(&self.root_text, "");
            }
            Value::Array(items) => items.iter_mut().for_each(|i| self.take_out_root(i)),
            Value::Object(map) => map.values_mut().for_each(|i| self.take_out_root(i)),
            _ => {}
        }
    }
}

impl Drop for Recorder {
    fn drop(&mut self) {
        // Close the archive (and its autosave thread) before the folder goes.
        let _ = self.state().close_session();
        fix_machine(None);
    }
}

/// Files whose content a UI test may read: documents Andel writes, not the encrypted archive,
/// its backups or its lock file (which names this process).
fn kept_file(path: &Path) -> bool {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy())
        .unwrap_or_default();
    !(name.ends_with(".lock") || name.contains(".andel"))
}

/// Runs a scenario's calls again and returns it with the new answers.
pub fn rerun(scenario: &Scenario) -> Result<Scenario, String> {
    let _turn = TURN.lock().unwrap_or_else(|p| p.into_inner());
    let recorder = Recorder::new(&scenario.setup)?;
    let steps = scenario
        .steps
        .iter()
        .map(|s| recorder.call(&s.cmd, &s.args))
        .collect();
    Ok(Scenario {
        setup: scenario.setup.clone(),
        steps,
    })
}

pub fn to_text(scenario: &Scenario) -> String {
    let text = serde_json::to_string_pretty(scenario).unwrap_or_default();
    let mut text = bytes_on_one_line(&text);
    text.push('\n');
    text
}

/// Pretty JSON with every array of more than 64 numbers (a published file's bytes) on one line
/// instead of one line a number, so a recording stays readable and its diff short.
fn bytes_on_one_line(pretty: &str) -> String {
    let number = |line: &str| {
        let t = line.trim().trim_end_matches(',');
        !t.is_empty() && t.parse::<f64>().is_ok()
    };
    let lines: Vec<&str> = pretty.lines().collect();
    let mut out = String::with_capacity(pretty.len());
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        if line.ends_with('[') {
            let end = (i + 1..lines.len())
                .find(|&j| !number(lines[j]))
                .unwrap_or(lines.len());
            if end - i - 1 > 64
                && lines
                    .get(end)
                    .is_some_and(|l| l.trim_start().starts_with(']'))
            {
                out.push_str(line);
                let items: Vec<&str> = lines[i + 1..end].iter().map(|l| l.trim()).collect();
                out.push_str(&items.join(" "));
                out.push_str(lines[end].trim_start());
                out.push('\n');
                i = end + 1;
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
        i += 1;
    }
    out.pop();
    out
}

/// Serves the commands to the UI's tests while they record a scenario: one JSON request a line
/// on stdin (`{"setup": …}` starts over, `{"cmd": …, "args": …}` runs a command), one answer a
/// line on stdout, after `@@`. Run by `ui/scripts/record.mjs`, never by `cargo test` alone.
pub fn serve() {
    use std::io::{BufRead, Write};
    #[derive(Deserialize)]
    struct Request {
        setup: Option<Setup>,
        cmd: Option<String>,
        #[serde(default)]
        args: Value,
    }
    let _turn = TURN.lock().unwrap_or_else(|p| p.into_inner());
    let mut recorder: Option<Recorder> = None;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout();
    for line in stdin.lock().lines() {
        let Ok(line) = line else { break };
        let answer = match serde_json::from_str::<Request>(&line) {
            Err(e) => serde_json::json!({ "fail": format!("bad request: {e}") }),
            Ok(Request {
                setup: Some(setup), ..
            }) => {
                recorder = None;
                match Recorder::new(&setup) {
                    Ok(r) => {
                        recorder = Some(r);
                        serde_json::json!({ "ready": true })
                    }
                    Err(e) => serde_json::json!({ "fail": e }),
                }
            }
            Ok(Request {
                cmd: Some(cmd),
                args,
                ..
            }) => match &recorder {
                Some(r) => serde_json::to_value(r.call(&cmd, &args)).unwrap_or_default(),
                None => serde_json::json!({ "fail": "no setup yet" }),
            },
            Ok(_) => serde_json::json!({ "fail": "neither setup nor cmd" }),
        };
        let _ = writeln!(out, "@@{answer}");
        let _ = out.flush();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenarios() -> Vec<PathBuf> {
        let mut found: Vec<PathBuf> = std::fs::read_dir(FOLDER)
            .map(|d| d.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        found.retain(|p| p.extension().is_some_and(|e| e == "json"));
        found.sort();
        found
    }

    /// A generated PDF's bytes depend on what else the process wrote before (all of a test
    /// binary's tests share it; the demo's minutes include a PDF), and a new archive's bytes on
    /// age's random nonce, so PDF sizes and fingerprints (a `sha256`, or 64 hexadecimal digits in
    /// a text, as the handover receipt prints it) are not compared; everything else is.
    fn mask_sizes(v: &mut Value) {
        match v {
            Value::String(s) => *s = mask_fingerprints(s),
            Value::Object(map) => {
                for (k, item) in map.iter_mut() {
                    if (k == "bytes" && item.is_number()) || (k == "sha256" && item.is_string()) {
                        *item = Value::Null;
                    } else {
                        mask_sizes(item);
                    }
                }
            }
            Value::Array(items) => items.iter_mut().for_each(mask_sizes),
            _ => {}
        }
    }

    /// `text` with every run of exactly 64 hexadecimal digits (a SHA-256) replaced by `#`.
    fn mask_fingerprints(text: &str) -> String {
        let mut out = String::with_capacity(text.len());
        let mut run = String::new();
        let flush = |run: &mut String, out: &mut String| {
            if run.len() == 64 {
                out.push('#');
            } else {
                out.push_str(run);
            }
            run.clear();
        };
        for c in text.chars() {
            if c.is_ascii_hexdigit() {
                run.push(c);
            } else {
                flush(&mut run, &mut out);
                out.push(c);
            }
        }
        flush(&mut run, &mut out);
        out
    }

    /// The UI's test backend answers the same commands itself as this recorder refuses to record.
    #[test]
    fn the_ui_answers_exactly_the_commands_not_recorded() {
        let replay = std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../ui/src/lib/ipc/mock-replay.ts"
        ))
        .expect("read mock-replay.ts");
        let list = replay
            .split_once("export const NOT_RECORDED = [")
            .and_then(|(_, rest)| rest.split_once("] as const"))
            .map(|(list, _)| list)
            .expect("NOT_RECORDED in mock-replay.ts");
        let mut ui: Vec<&str> = list
            .split(',')
            .map(|s| s.trim().trim_matches('\''))
            .filter(|s| !s.is_empty())
            .collect();
        let mut here = NOT_RECORDED.to_vec();
        ui.sort_unstable();
        here.sort_unstable();
        assert_eq!(ui, here);
    }

    #[test]
    fn long_number_arrays_go_on_one_line_and_read_back_the_same() {
        let value = serde_json::json!({ "file": (0..100).collect::<Vec<u32>>(), "ids": [1, 2],
            "nested": [{ "bytes": (0..65).collect::<Vec<u32>>() }] });
        let pretty = serde_json::to_string_pretty(&value).unwrap();
        let compact = bytes_on_one_line(&pretty);
        assert_eq!(serde_json::from_str::<Value>(&compact).unwrap(), value);
        assert!(compact.contains("\"file\": [0, 1, 2,"));
        assert!(
            compact.contains("\"ids\": [\n"),
            "short arrays stay as they were"
        );
        assert!(compact.lines().count() < 20, "{compact}");
    }

    #[test]
    fn fingerprints_in_texts_are_masked_and_nothing_else() {
        let sha = "479c8fd57de1bb29cb139d3285048939521910c90fa179fcc06eb4d8b167e25f";
        assert_eq!(
            mask_fingerprints(&format!("SHA-256: {sha}.")),
            "SHA-256: #."
        );
        assert_eq!(mask_fingerprints(&sha[1..]), sha[1..]);
        assert_eq!(mask_fingerprints("cafe 2026-11-30"), "cafe 2026-11-30");
    }

    fn short(step: &Step) -> String {
        let text = serde_json::to_string(step).unwrap_or_default();
        text.chars().take(400).collect()
    }

    /// The UI's test backend answers what the commands answer today. Rewrite the recordings with
    /// `ANDEL_WRITE_RECORDED=1` after a deliberate change, and read the diff: it is the change in
    /// behaviour the UI will see.
    #[test]
    fn recorded_responses_are_up_to_date() {
        let write = std::env::var_os("ANDEL_WRITE_RECORDED").is_some();
        let files = scenarios();
        assert!(!files.is_empty(), "no recorded scenarios in {FOLDER}");
        let mut drifted = Vec::new();
        for file in files {
            let committed = std::fs::read_to_string(&file).expect("read a recording");
            let scenario: Scenario = serde_json::from_str(&committed)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            let rerun = rerun(&scenario).unwrap_or_else(|e| panic!("{e}"));
            let again = to_text(&rerun);
            let same = || {
                let mut a = serde_json::to_value(&scenario).unwrap_or_default();
                let mut b = serde_json::to_value(&rerun).unwrap_or_default();
                mask_sizes(&mut a);
                mask_sizes(&mut b);
                a == b && again.len().abs_diff(committed.len()) < 64
            };
            if again != committed {
                if same() {
                    // Only what is masked differs (a new archive's fingerprint is new on every
                    // run): the committed answers stay, so re-recording does not churn them; a
                    // recording just written by the UI's test is put in this test's form.
                    let own = to_text(&scenario);
                    if write && own != committed {
                        std::fs::write(&file, &own).expect("write a recording");
                    }
                } else if write {
                    std::fs::write(&file, &again).expect("write a recording");
                } else {
                    let name = file.file_name().unwrap_or_default().to_string_lossy();
                    let first = scenario
                        .steps
                        .iter()
                        .zip(&rerun.steps)
                        .position(|(a, b)| a != b);
                    let detail = match first {
                        Some(i) => format!(
                            "step {i} ({}): recorded {}, now {}",
                            scenario.steps[i].cmd,
                            short(&scenario.steps[i]),
                            short(&rerun.steps[i])
                        ),
                        None => "the same steps, written differently".to_string(),
                    };
                    drifted.push(format!("{name}: {detail}"));
                }
            }
        }
        assert!(
            drifted.is_empty(),
            "the commands no longer answer as recorded:\n{}\nIf the change is meant, run with \
             ANDEL_WRITE_RECORDED=1, read the diff and commit it",
            drifted.join("\n")
        );
    }

    /// The cancel button stops a scan's import in the command itself: the UI's test imposes the
    /// `cancelled` answer (the recorder runs one call at a time, so it cannot press cancel while
    /// an import runs), so this runs the real command and presses cancel, as
    /// `cancel_minutes_import` does, when the first page is announced.
    #[test]
    fn a_scan_import_cancelled_at_its_first_page_imports_nothing() {
        use crate::commands::minutes::ScanProgress;
        use std::sync::atomic::{AtomicU32, Ordering};
        use std::sync::Arc;
        use tauri_specta::Event;
        let _turn = TURN.lock().unwrap_or_else(|p| p.into_inner());
        let setup = Setup {
            archives: vec![ArchiveSetup {
                path: "/home/board/a.andel".into(),
                name: "A/B Test".into(),
                country: Country::DK,
                passphrase: Some("pw".into()),
                key_file: None,
                damaged: false,
                newer: false,
                held_by: None,
            }],
            scans: BTreeMap::from([(
                "/scans/gf.pdf".to_string(),
                ScanSetup {
                    text: "Referat af bestyrelsesmøde 1987-03-12\n\nOpgangen males.\n".into(),
                    dpi: None,
                },
            )]),
            ..Setup::default()
        };
        let recorder = Recorder::new(&setup).expect("a recorder");
        let unlock = serde_json::json!({ "request": { "path": "/home/board/a.andel",
            "passphrase": "pw", "identity_file": null, "actor": "Test", "take_over_lock": false } });
        let unlocked = recorder.call("unlock_archive", &unlock);
        assert!(unlocked.ok.is_some(), "{unlocked:?}");
        let pages = Arc::new(AtomicU32::new(0));
        let seen = pages.clone();
        let app = recorder.webview.app_handle().clone();
        let handle = app.clone();
        ScanProgress::listen_any(&app, move |_| {
            seen.fetch_add(1, Ordering::Relaxed);
            let state = handle.state::<AppState>();
            crate::commands::minutes::cancel_minutes_import(state);
        });
        let args = serde_json::json!({ "path": "/scans/gf.pdf", "date": null, "kind": null,
            "language": "da" });
        let step = recorder.call("import_minutes", &args);
        assert_eq!(pages.load(Ordering::Relaxed), 1, "{step:?}");
        assert_eq!(
            step.err.as_ref().and_then(|e| e.get("code")),
            Some(&Value::from("cancelled")),
            "{step:?}"
        );
        assert!(!step.changes);
        let list = recorder.call("minutes_list", &serde_json::json!({}));
        assert_eq!(list.ok, Some(serde_json::json!([])));
    }

    /// The recording server for the UI's tests (`ui/scripts/record.mjs`); not a test.
    #[test]
    #[ignore = "started by ui/scripts/record.mjs, reads requests from stdin"]
    fn record_server() {
        serve();
    }
}
