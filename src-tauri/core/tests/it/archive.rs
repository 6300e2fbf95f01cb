//! The promises of the archive file (issue 2, item 3 and 7), each test named for the promise it
//! guards.

use andel_core::Coded;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Duration;

use age::secrecy::ExposeSecret;
use andel_core::association::Country;
use andel_core::vault::{
    self, backups_folder, Encryption, Identity, OpenOptions, SecretString, Unlock, Vault,
};
use andel_core::{store, ErrorCode};

use crate::support::{files_in, new_identity, now, quick_passphrase, require_tool, sha256};

fn create(dir: &Path, encryption: Encryption) -> PathBuf {
    let path = dir.join("board.andel");
    Vault::create(
        &path,
        "A/B Testgården",
        Country::DK,
        encryption,
        "Formand",
        now(),
    )
    .unwrap();
    path
}

fn pass(p: &str) -> Unlock {
    Unlock::Passphrase(SecretString::from(p.to_string()))
}

fn opts() -> OpenOptions {
    let mut o = OpenOptions::new("Kasserer");
    o.scrypt_work_factor = Some(10);
    o
}

fn open_err(path: &Path, unlock: &Unlock) -> vault::Error {
    match Vault::open(path, unlock, &opts(), now()) {
        Ok(_) => panic!("opening {} should have failed", path.display()),
        Err(e) => e,
    }
}

/// Grows the database so saves take measurable time and span several age chunks.
fn pad(vault: &Vault, bytes: usize) {
    vault
        .conn()
        .execute(
            "CREATE TABLE IF NOT EXISTS padding (id INTEGER PRIMARY KEY, blob BLOB)",
            [],
        )
        .unwrap();
    vault
        .conn()
        .execute(
            "INSERT INTO padding (blob) VALUES (randomblob(?1))",
            [bytes as i64],
        )
        .unwrap();
}

fn counter(vault: &Vault) -> i64 {
    vault
        .conn()
        .query_row(
            "SELECT CAST(value AS INTEGER) FROM setting WHERE key = 'test_counter'",
            [],
            |r| r.get(0),
        )
        .unwrap_or(0)
}

fn set_counter(vault: &Vault, n: i64) {
    vault
        .conn()
        .execute(
            "INSERT INTO setting (key, value) VALUES ('test_counter', ?1)
             ON CONFLICT (key) DO UPDATE SET value = excluded.value",
            [n.to_string()],
        )
        .unwrap();
}

#[test]
fn a_recipient_archive_decrypts_with_the_age_tool_and_opens_in_sqlite3() {
    require_tool("age");
    require_tool("sqlite3");
    let dir = tempfile::tempdir().unwrap();
    let id = new_identity();
    let path = create(dir.path(), Encryption::Recipients(vec![id.to_public()]));
    let key = dir.path().join("key.txt");
    std::fs::write(&key, format!("{}\n", id.to_string().expose_secret())).unwrap();
    let db = dir.path().join("plain.db");
    let status = Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(&key)
        .arg("-o")
        .arg(&db)
        .arg(&path)
        .status()
        .unwrap();
    assert!(status.success(), "age -d failed");
    let out = Command::new("sqlite3")
        .arg(&db)
        .arg("PRAGMA integrity_check; PRAGMA application_id; PRAGMA user_version; SELECT name FROM association;")
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines[0], "ok");
    assert_eq!(lines[1], store::APPLICATION_ID.to_string());
    assert_eq!(lines[2], store::SCHEMA_VERSION.to_string());
    assert_eq!(lines[3], "A/B Testgården");
}

#[test]
fn a_passphrase_archive_decrypts_with_the_age_tool() {
    require_tool("age");
    // age reads passphrases only from a terminal; it is enough to check the header it would
    // accept: a single scrypt stanza, as `age -p` writes.
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("correct horse battery"));
    let bytes = std::fs::read(&path).unwrap();
    let header = String::from_utf8_lossy(&bytes[..200]);
    assert!(header.starts_with("age-encryption.org/v1\n-> scrypt "));
    assert_eq!(vault::probe(&path).unwrap(), vault::Protection::Passphrase);
}

#[test]
fn wrong_passphrase_is_reported_and_the_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("correct horse battery"));
    let before = sha256(&path);
    let e = open_err(&path, &pass("Correct horse battery"));
    assert_eq!(e.code(), ErrorCode::WrongPassphrase);
    assert!(e.to_string().contains("passphrase is not right"));
    assert_eq!(sha256(&path), before);
    // And the right one still opens it.
    Vault::open(&path, &pass("correct horse battery"), &opts(), now()).unwrap();
}

#[test]
fn wrong_key_is_reported_and_the_file_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let alice = new_identity();
    let path = create(dir.path(), Encryption::Recipients(vec![alice.to_public()]));
    let before = sha256(&path);
    let e = open_err(&path, &Unlock::Identities(vec![new_identity()]));
    assert_eq!(e.code(), ErrorCode::WrongKey);
    let e = open_err(&path, &pass("anything"));
    assert_eq!(e.code(), ErrorCode::WrongUnlockMethod);
    assert_eq!(sha256(&path), before);
}

#[test]
fn files_that_are_not_andel_archives_are_named_as_such_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    // Plain text.
    let text = dir.path().join("notes.andel");
    std::fs::write(&text, "Referat af generalforsamling\n").unwrap();
    let before = sha256(&text);
    assert_eq!(open_err(&text, &pass("x")).code(), ErrorCode::NotAnArchive);
    assert_eq!(sha256(&text), before);
    // A valid age file whose content is not a database.
    let id = new_identity();
    let other = dir.path().join("other.andel");
    let enc =
        age::Encryptor::with_recipients(std::iter::once(&id.to_public() as &dyn age::Recipient))
            .unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    std::io::Write::write_all(&mut w, b"just a letter, not a database").unwrap();
    w.finish().unwrap();
    std::fs::write(&other, &out).unwrap();
    let e = open_err(&other, &Unlock::Identities(vec![id]));
    assert_eq!(e.code(), ErrorCode::NotAnArchive);
}

#[test]
fn damaged_or_truncated_archives_are_reported_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_identity();
    let path = create(dir.path(), Encryption::Recipients(vec![id.to_public()]));
    {
        let v = Vault::open(&path, &Unlock::Identities(vec![id.clone()]), &opts(), now()).unwrap();
        pad(&v, 300_000);
        let mut v = v;
        v.save(now()).unwrap();
    }
    let good = std::fs::read(&path).unwrap();
    let unlock = Unlock::Identities(vec![id]);
    // Cut off at several places: inside the payload, at a chunk boundary, inside the header.
    for cut in [good.len() - 1, good.len() - 70_000, 150, 30] {
        std::fs::write(&path, &good[..cut]).unwrap();
        let before = sha256(&path);
        let e = open_err(&path, &unlock);
        assert_eq!(e.code(), ErrorCode::Damaged, "cut at {cut}: {e}");
        assert!(e.to_string().contains("backup"));
        assert_eq!(sha256(&path), before);
    }
    // One flipped bit deep in the payload.
    let mut flipped = good.clone();
    let at = good.len() - 5_000;
    flipped[at] ^= 1;
    std::fs::write(&path, &flipped).unwrap();
    let before = sha256(&path);
    assert_eq!(open_err(&path, &unlock).code(), ErrorCode::Damaged);
    assert_eq!(sha256(&path), before);
}

/// Issue 12: an archive with 2.2 GB appended panicked in rusqlite's deserialize (the length did
/// not fit SQLite's allocator) instead of being reported as damaged. A sparse file makes the test
/// quick: nothing of the appended part is read or allocated.
#[test]
fn an_archive_of_any_size_is_damaged_not_a_panic() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("correct horse battery staple"));
    let unlock = pass("correct horse battery staple");
    let len = std::fs::metadata(&path).unwrap().len();
    for extra in [2_200_000_000u64, 5 << 30, 64 << 30] {
        let file = std::fs::OpenOptions::new().write(true).open(&path).unwrap();
        file.set_len(len + extra).unwrap();
        drop(file);
        let before = std::fs::metadata(&path).unwrap().len();
        let e = open_err(&path, &unlock);
        assert_eq!(e.code(), ErrorCode::Damaged, "{extra} bytes appended: {e}");
        assert!(e.to_string().contains("backup"), "{e}");
        assert_eq!(std::fs::metadata(&path).unwrap().len(), before);
    }
}

#[test]
fn an_archive_from_a_newer_andel_is_refused_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("pw-for-newer"));
    {
        let mut v = Vault::open(&path, &pass("pw-for-newer"), &opts(), now()).unwrap();
        v.conn()
            .pragma_update(None, "user_version", store::SCHEMA_VERSION + 1)
            .unwrap();
        v.save(now()).unwrap();
    }
    let before = sha256(&path);
    let backups_before = files_in(&backups_folder(&path)).len();
    let e = open_err(&path, &pass("pw-for-newer"));
    assert_eq!(e.code(), ErrorCode::NewerVersion);
    assert!(e.to_string().contains("newer version of Andel"));
    assert_eq!(sha256(&path), before);
    assert_eq!(files_in(&backups_folder(&path)).len(), backups_before);
}

#[test]
fn a_file_changed_by_someone_else_is_not_overwritten_and_our_version_is_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("shared-board-pass"));
    let mut ours = Vault::open(&path, &pass("shared-board-pass"), &opts(), now()).unwrap();
    // Another board member saves through a synced folder (simulated: they ignore our lock).
    let mut theirs_opts = opts();
    theirs_opts.take_over_lock = true;
    let mut theirs = Vault::open(&path, &pass("shared-board-pass"), &theirs_opts, now()).unwrap();
    set_counter(&theirs, 7);
    theirs.save(now()).unwrap();
    drop(theirs);
    let their_hash = sha256(&path);

    set_counter(&ours, 99);
    let e = ours.save(now()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::ChangedOnDisk);
    let message = e.to_string();
    let vault::Error::ChangedOnDisk { conflict_copy, .. } = e else {
        unreachable!()
    };
    // Issue 12: the message says which file holds whose version, and the open archive stops
    // accepting edits it could no longer save.
    assert!(
        message.contains(&format!("saved {} after you opened it", path.display())),
        "{message}"
    );
    assert!(
        message.contains(&format!("is kept in {}", conflict_copy.display())),
        "{message}"
    );
    assert!(ours.is_read_only());
    assert_eq!(ours.conflict_copy(), Some(conflict_copy.as_path()));
    assert_eq!(ours.snapshot().unwrap_err().code(), ErrorCode::ReadOnly);
    assert_eq!(
        sha256(&path),
        their_hash,
        "their version must stay in place"
    );
    // Our state is whole in the conflict copy.
    let copy = Vault::open(&conflict_copy, &pass("shared-board-pass"), &opts(), now()).unwrap();
    assert_eq!(counter(&copy), 99);
    let theirs = Vault::open(
        &path,
        &pass("shared-board-pass"),
        &{
            let mut o = opts();
            o.read_only = true;
            o
        },
        now(),
    )
    .unwrap();
    assert_eq!(counter(&theirs), 7);
}

#[test]
fn a_touched_but_identical_file_is_not_a_conflict() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("touchy-pass"));
    let mut v = Vault::open(&path, &pass("touchy-pass"), &opts(), now()).unwrap();
    // A sync tool rewrites the same bytes (new modification time).
    let bytes = std::fs::read(&path).unwrap();
    std::thread::sleep(Duration::from_millis(20));
    let tmp = dir.path().join("sync.tmp");
    std::fs::write(&tmp, &bytes).unwrap();
    std::fs::rename(&tmp, &path).unwrap();
    set_counter(&v, 1);
    v.save(now()).unwrap();
}

/// Mounts a tiny tmpfs (needs root, as in CI); returns None where that is impossible.
fn tiny_disk(size_kib: u32) -> Option<(tempfile::TempDir, Unmount)> {
    let dir = tempfile::tempdir().unwrap();
    let ok = Command::new("mount")
        .args(["-t", "tmpfs", "-o", &format!("size={size_kib}k"), "tmpfs"])
        .arg(dir.path())
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        return None;
    }
    let un = Unmount(dir.path().to_path_buf());
    Some((dir, un))
}

struct Unmount(PathBuf);
impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn a_full_disk_is_reported_and_the_archive_on_disk_is_unchanged() {
    let Some((disk, _unmount)) = tiny_disk(512) else {
        // Only root can mount a small file system; CI runs as root, so this runs there.
        eprintln!("skipped: cannot mount a tmpfs here (not root)");
        assert_ne!(unsafe_free_uid(), 0, "root must be able to mount tmpfs");
        return;
    };
    let id = new_identity();
    let path = create(disk.path(), Encryption::Recipients(vec![id.to_public()]));
    let before = sha256(&path);
    let mut v = Vault::open(&path, &Unlock::Identities(vec![id]), &opts(), now()).unwrap();
    pad(&v, 600_000);
    let e = v.save(now()).unwrap_err();
    assert_eq!(e.code(), ErrorCode::DiskFull, "{e}");
    assert!(e.to_string().contains("full"));
    assert_eq!(sha256(&path), before);
    let leftovers: Vec<_> = files_in(disk.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("andel-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
}

fn unsafe_free_uid() -> u32 {
    // `id -u` instead of libc, to keep the crate free of unsafe code.
    String::from_utf8(Command::new("id").arg("-u").output().unwrap().stdout)
        .unwrap()
        .trim()
        .parse()
        .unwrap()
}

#[test]
fn a_folder_that_cannot_be_written_is_reported_and_the_archive_is_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("readonly");
    std::fs::create_dir(&folder).unwrap();
    let id = new_identity();
    let path = create(&folder, Encryption::Recipients(vec![id.to_public()]));
    let before = sha256(&path);
    let mut v = Vault::open(&path, &Unlock::Identities(vec![id]), &opts(), now()).unwrap();
    let root = unsafe_free_uid() == 0;
    // Root ignores permission bits; the immutable attribute stops root too.
    let locked = if root {
        Command::new("chattr")
            .arg("+i")
            .arg(&folder)
            .status()
            .unwrap()
            .success()
    } else {
        Command::new("chmod")
            .arg("555")
            .arg(&folder)
            .status()
            .unwrap()
            .success()
    };
    assert!(locked, "could not make the folder read-only");
    set_counter(&v, 5);
    let e = v.save(now());
    if root {
        Command::new("chattr")
            .arg("-i")
            .arg(&folder)
            .status()
            .unwrap();
    } else {
        Command::new("chmod")
            .arg("755")
            .arg(&folder)
            .status()
            .unwrap();
    }
    let e = e.unwrap_err();
    assert_eq!(e.code(), ErrorCode::NotWritable, "{e}");
    assert_eq!(sha256(&path), before);
}

#[test]
fn a_second_opener_is_warned_by_the_lock_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("lock-test-pass"));
    let _first = Vault::open(&path, &pass("lock-test-pass"), &opts(), now()).unwrap();
    let lock_text = std::fs::read_to_string(vault::lock_path(&path)).unwrap();
    assert!(lock_text.contains("\"host\""));
    assert!(
        !lock_text.contains("Testgården"),
        "the lock file holds no archive content"
    );
    // The same process reopening is not "someone else"; a different process is (tested in
    // the lock module); read-only opens never take or check the lock.
    let mut ro = opts();
    ro.read_only = true;
    let v = Vault::open(&path, &pass("lock-test-pass"), &ro, now()).unwrap();
    assert!(v.is_read_only());
    assert_eq!(v.snapshot().unwrap_err().code(), ErrorCode::ReadOnly);
}

#[test]
fn backups_keep_the_last_ten_versions_encrypted() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_identity();
    let path = create(dir.path(), Encryption::Recipients(vec![id.to_public()]));
    let mut v = Vault::open(&path, &Unlock::Identities(vec![id.clone()]), &opts(), now()).unwrap();
    for i in 0..14 {
        set_counter(&v, i);
        v.save(now() + chrono::Duration::seconds(i)).unwrap();
    }
    let backups = files_in(&backups_folder(&path));
    assert_eq!(backups.len(), vault::BACKUPS_KEPT);
    for b in &backups {
        assert!(std::fs::read(b)
            .unwrap()
            .starts_with(b"age-encryption.org/v1"));
    }
    let newest = backups.last().unwrap();
    let mut ro = opts();
    ro.read_only = true;
    let old = Vault::open(newest, &Unlock::Identities(vec![id]), &ro, now()).unwrap();
    assert_eq!(
        counter(&old),
        12,
        "the newest backup is the version before the last save"
    );
}

#[test]
fn changing_the_passphrase_locks_out_the_old_one() {
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("board-2025"));
    let mut v = Vault::open(&path, &pass("board-2025"), &opts(), now()).unwrap();
    v.set_encryption(quick_passphrase("board-2026"), now())
        .unwrap();
    v.save(now()).unwrap();
    drop(v);
    assert_eq!(
        open_err(&path, &pass("board-2025")).code(),
        ErrorCode::WrongPassphrase
    );
    Vault::open(&path, &pass("board-2026"), &opts(), now()).unwrap();
}

// ---------------------------------------------------------------------------------------------
// Migration from the first schema version.

const FIXTURE_V1: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/fixtures/archives/schema-v1.andel"
);
const FIXTURE_V1_PASSPHRASE: &str = "fixture-schema-v1";

/// Writes the schema-1 fixture. Run once, by hand, when it must be recreated:
/// `ANDEL_WRITE_FIXTURES=1 cargo test -p andel-core --test it write_schema_v1_fixture -- --ignored`
#[test]
#[ignore]
fn write_schema_v1_fixture() {
    if std::env::var_os("ANDEL_WRITE_FIXTURES").is_none() {
        return;
    }
    let conn = store::create_at_version(1).unwrap();
    conn.execute(
        "INSERT INTO association (id, name, country, org_number, created_at) VALUES (1, 'A/B Fixturgården', 'DK', '11223344', '2025-01-05T09:00:00+00:00')",
        [],
    )
    .unwrap();
    conn.execute(
        "INSERT INTO audit (at, actor, action, subject) VALUES ('2025-01-05T09:00:00Z', 'Formand', 'archive.create', NULL)",
        [],
    )
    .unwrap();
    let bytes = store::serialize(&conn).unwrap();
    let mut recipient =
        age::scrypt::Recipient::new(SecretString::from(FIXTURE_V1_PASSPHRASE.to_string()));
    recipient.set_work_factor(10);
    let enc = age::Encryptor::with_recipients(std::iter::once(&recipient as &dyn age::Recipient))
        .unwrap();
    let mut out = Vec::new();
    let mut w = enc.wrap_output(&mut out).unwrap();
    std::io::Write::write_all(&mut w, &bytes).unwrap();
    w.finish().unwrap();
    std::fs::create_dir_all(Path::new(FIXTURE_V1).parent().unwrap()).unwrap();
    std::fs::write(FIXTURE_V1, out).unwrap();
}

#[test]
fn an_archive_of_the_first_schema_version_is_migrated_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.andel");
    std::fs::copy(FIXTURE_V1, &path).unwrap();
    let original = sha256(&path);
    let v = Vault::open(&path, &pass(FIXTURE_V1_PASSPHRASE), &opts(), now()).unwrap();
    assert_eq!(
        store::schema_version(v.conn()).unwrap(),
        store::SCHEMA_VERSION
    );
    let summary = andel_core::summary::of(&v).unwrap();
    assert_eq!(summary.association, "A/B Fixturgården");
    let audit = andel_core::audit::recent(v.conn(), 10).unwrap();
    assert!(audit.iter().any(|a| a.action == "archive.migrate"));
    drop(v);
    // The original bytes are kept as a backup, and the migrated archive is on disk.
    let backups = files_in(&backups_folder(&path));
    assert!(backups
        .iter()
        .any(|b| sha256(b) == original && b.to_string_lossy().contains("schema1")));
    assert_ne!(sha256(&path), original);
    let v = Vault::open(&path, &pass(FIXTURE_V1_PASSPHRASE), &opts(), now()).unwrap();
    assert_eq!(
        store::schema_version(v.conn()).unwrap(),
        store::SCHEMA_VERSION
    );
}

#[test]
fn a_read_only_open_of_an_old_archive_migrates_in_memory_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.andel");
    std::fs::copy(FIXTURE_V1, &path).unwrap();
    let original = sha256(&path);
    let mut ro = opts();
    ro.read_only = true;
    let v = Vault::open(&path, &pass(FIXTURE_V1_PASSPHRASE), &ro, now()).unwrap();
    assert_eq!(
        store::schema_version(v.conn()).unwrap(),
        store::SCHEMA_VERSION
    );
    drop(v);
    assert_eq!(sha256(&path), original);
    assert!(!backups_folder(&path).exists());
}

// ---------------------------------------------------------------------------------------------
// Crash safety and no plaintext: child processes of this test binary.

const CHILD_ENV: &str = "ANDEL_TEST_CHILD";

/// The child side of the crash test: opens the archive, then saves an increasing counter in a
/// loop, reporting each completed save on stdout, until killed.
#[test]
fn crash_child_saves_in_a_loop() {
    let Ok(spec) = std::env::var(CHILD_ENV) else {
        return;
    };
    let (path, key) = spec.split_once('|').unwrap();
    let id: Identity = std::fs::read_to_string(key)
        .unwrap()
        .trim()
        .parse()
        .unwrap();
    let mut options = opts();
    options.take_over_lock = true;
    let mut v = Vault::open(
        Path::new(path),
        &Unlock::Identities(vec![id]),
        &options,
        now(),
    )
    .unwrap();
    let mut n = counter(&v);
    loop {
        n += 1;
        set_counter(&v, n);
        v.conn()
            .execute("UPDATE padding SET blob = randomblob(400000)", [])
            .unwrap();
        v.save(now()).unwrap();
        println!("saved {n}");
    }
}

struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

#[test]
fn an_archive_killed_while_saving_opens_with_the_old_or_the_new_state() {
    let dir = tempfile::tempdir().unwrap();
    let id = new_identity();
    let path = create(dir.path(), Encryption::Recipients(vec![id.to_public()]));
    {
        let mut v =
            Vault::open(&path, &Unlock::Identities(vec![id.clone()]), &opts(), now()).unwrap();
        pad(&v, 400_000);
        v.save(now()).unwrap();
    }
    let key = dir.path().join("key.txt");
    std::fs::write(&key, id.to_string().expose_secret()).unwrap();
    let exe = std::env::current_exe().unwrap();
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    let mut rng = Rng(seed);
    let mut confirmed = 0i64;
    let kills = 200;
    for round in 0..kills {
        let mut child = Command::new(&exe)
            .args([
                "--exact",
                "archive::crash_child_saves_in_a_loop",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, format!("{}|{}", path.display(), key.display()))
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Let it complete at least one save, then kill it at a random moment of a later one.
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(n) = line.strip_prefix("saved ") {
                    if tx.send(n.parse::<i64>().unwrap()).is_err() {
                        break;
                    }
                }
            }
        });
        let first = rx
            .recv_timeout(Duration::from_secs(30))
            .expect("child saved nothing");
        confirmed = confirmed.max(first);
        std::thread::sleep(Duration::from_micros(rng.next() % 15_000));
        child.kill().unwrap(); // SIGKILL
        child.wait().unwrap();
        while let Ok(n) = rx.try_recv() {
            confirmed = confirmed.max(n);
        }
        let v = Vault::open(
            &path,
            &Unlock::Identities(vec![id.clone()]),
            &{
                let mut o = opts();
                o.take_over_lock = true;
                o
            },
            now(),
        )
        .unwrap_or_else(|e| panic!("round {round}: the archive did not open after SIGKILL: {e}"));
        let on_disk = counter(&v);
        assert!(
            on_disk == confirmed || on_disk == confirmed + 1,
            "round {round}: on disk {on_disk}, last confirmed save {confirmed}"
        );
        confirmed = on_disk;
        // Opening for writing cleaned up what the killed save left.
        let leftovers: Vec<_> = files_in(dir.path())
            .into_iter()
            .filter(|p| p.to_string_lossy().contains("andel-tmp"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "round {round}: leftovers {leftovers:?}"
        );
        drop(v);
    }
    assert!(
        confirmed > kills / 2,
        "the child saved too rarely to test anything"
    );
}

/// The child side of the plaintext test: creates, fills, indexes, vacuums and saves an archive
/// with TMPDIR pointing at an empty folder.
#[test]
fn plaintext_child_works_on_an_archive() {
    let Ok(folder) = std::env::var(CHILD_ENV) else {
        return;
    };
    let folder = PathBuf::from(folder);
    let path = folder.join("board.andel");
    let mut v = Vault::create(
        &path,
        "A/B Hemmelig",
        Country::SE,
        quick_passphrase("plain-test"),
        "Ordförande",
        now(),
    )
    .unwrap();
    v.conn()
        .execute_batch(
            "CREATE TABLE big (id INTEGER PRIMARY KEY, name TEXT, note BLOB);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 60000)
             INSERT INTO big (name, note) SELECT 'Resident ' || i, randomblob(200) FROM n;
             CREATE INDEX big_by_name ON big (name, note);
             SELECT name FROM big ORDER BY note LIMIT 5;",
        )
        .unwrap();
    v.save(now()).unwrap();
    v.conn()
        .execute_batch("DELETE FROM big WHERE id % 2 = 0; VACUUM;")
        .unwrap();
    v.save(now()).unwrap();
    drop(v);
    let v = Vault::open(&path, &pass("plain-test"), &opts(), now()).unwrap();
    let n: i64 = v
        .conn()
        .query_row("SELECT count(*) FROM big", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 30000);
    println!("child done");
}

#[test]
fn no_plaintext_reaches_the_disk() {
    let work = tempfile::tempdir().unwrap();
    let tmp = work.path().join("tmp");
    let folder = work.path().join("archive");
    std::fs::create_dir(&tmp).unwrap();
    std::fs::create_dir(&folder).unwrap();
    let out = Command::new(std::env::current_exe().unwrap())
        .args([
            "--exact",
            "archive::plaintext_child_works_on_an_archive",
            "--nocapture",
            "--test-threads=1",
        ])
        .env(CHILD_ENV, &folder)
        .env("TMPDIR", &tmp)
        .env("SQLITE_TMPDIR", &tmp)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("child done"),
        "child failed: {stdout}"
    );
    assert!(
        files_in(&tmp).is_empty(),
        "temporary files appeared: {:?}",
        files_in(&tmp)
    );
    for f in files_in(&folder) {
        let name = f.file_name().unwrap().to_string_lossy().into_owned();
        let allowed = name == "board.andel" || f.parent().unwrap().ends_with("board.andel.backups");
        assert!(allowed, "unexpected file {}", f.display());
        let bytes = std::fs::read(&f).unwrap();
        assert!(
            bytes.starts_with(b"age-encryption.org/v1"),
            "{} is not encrypted",
            f.display()
        );
        assert!(
            !bytes.windows(15).any(|w| w == b"SQLite format 3"),
            "{} holds a SQLite header",
            f.display()
        );
        assert!(
            !bytes.windows(9).any(|w| w == b"Resident "),
            "{} holds plaintext",
            f.display()
        );
    }
}

#[cfg(unix)]
#[test]
fn a_symlinked_archive_is_written_through_to_its_target() {
    // Issue 12: a symlinked archive was replaced by a plain file on the first save and its
    // target never updated.
    let dir = tempfile::tempdir().unwrap();
    let real_dir = dir.path().join("synced");
    std::fs::create_dir(&real_dir).unwrap();
    let target = create(&real_dir, quick_passphrase("link-pass"));
    let link = dir.path().join("shortcut.andel");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut v = Vault::open(&link, &pass("link-pass"), &opts(), now()).unwrap();
    assert_eq!(v.path(), link, "the app shows the path the user chose");
    assert!(
        vault::lock_path(&target).exists(),
        "the lock is beside the target"
    );
    set_counter(&v, 5);
    v.save(now()).unwrap();
    drop(v);
    assert!(std::fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    let mut ro = opts();
    ro.read_only = true;
    let t = Vault::open(&target, &pass("link-pass"), &ro, now()).unwrap();
    assert_eq!(counter(&t), 5);
    assert_eq!(files_in(&backups_folder(&target)).len(), 1);
    assert!(!backups_folder(&link).exists());
}

#[test]
fn a_backup_never_takes_the_name_of_an_existing_file() {
    // Issue 12: when the backup's name was taken between the check and the hard link, the copy
    // fallback wrote into the existing name, which can be a hard link to the live archive.
    let dir = tempfile::tempdir().unwrap();
    let path = create(dir.path(), quick_passphrase("backup-pass"));
    let mut v = Vault::open(&path, &pass("backup-pass"), &opts(), now()).unwrap();
    set_counter(&v, 1);
    v.save(now()).unwrap();
    let first = files_in(&backups_folder(&path));
    assert_eq!(first.len(), 1);
    // The next save, in the same millisecond, wants the same name; make that name a hard link
    // to the live archive, as a racing save would have.
    std::fs::remove_file(&first[0]).unwrap();
    std::fs::hard_link(&path, &first[0]).unwrap();
    let live = sha256(&path);
    set_counter(&v, 2);
    v.save(now()).unwrap();
    assert_eq!(
        sha256(&first[0]),
        live,
        "the existing name was written into"
    );
    let backups = files_in(&backups_folder(&path));
    assert_eq!(backups.len(), 2);
    for b in &backups {
        let mut ro = opts();
        ro.read_only = true;
        Vault::open(b, &pass("backup-pass"), &ro, now()).unwrap();
    }
}
