//! Two writers at once, and writers killed at random instants (issue 12): after any interleaving
//! the archive opens and holds exactly the changes of the writers that reported success (plus,
//! perhaps, that of a writer killed after its rename); a refused writer changed nothing or left
//! a complete conflict copy that opens and holds its change; every backup opens.
//!
//! Each writer is a real `andel orgs add` process, so the lock file, the save sequence and the
//! clean-up of leftovers are exercised exactly as two board members (or a crash) would.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use andel_core::register::organisations;
use andel_core::vault::{self, OpenOptions, SecretString, Unlock, Vault};

use crate::support::{Archive, ACTOR, PASSPHRASE};

const ROUNDS: usize = 200;

/// A small deterministic generator (xorshift64*), seeded per run and printed, so that a failing
/// interleaving's seed is in the test output.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

fn writer(a: &Archive, name: &str, force: bool) -> Child {
    let mut c = Command::new(env!("CARGO_BIN_EXE_andel"));
    c.args([
        "orgs", "add", "--vault", "v.andel", "--name", name, "--kind", "other",
    ])
    .current_dir(a.dir.path())
    .env("ANDEL_PASSPHRASE", PASSPHRASE)
    .env("ANDEL_SCRYPT_WORK_FACTOR", "10")
    .env("ANDEL_ACTOR", ACTOR)
    .stdout(Stdio::null())
    .stderr(Stdio::piped());
    if force {
        c.arg("--force");
    }
    c.spawn().unwrap()
}

fn open(path: &Path) -> Result<Vault, vault::Error> {
    let mut options = OpenOptions::new(ACTOR);
    options.read_only = true;
    Vault::open(
        path,
        &Unlock::Passphrase(SecretString::from(PASSPHRASE)),
        &options,
        chrono::Utc::now(),
    )
}

fn org_names(path: &Path) -> BTreeSet<String> {
    let v = open(path).unwrap_or_else(|e| panic!("{} does not open: {e}", path.display()));
    organisations::list(v.conn())
        .unwrap()
        .into_iter()
        .map(|o| o.name)
        .collect()
}

fn every_backup_opens(a: &Archive) -> usize {
    let folder = vault::backups_folder(&a.vault());
    let mut n = 0;
    for entry in std::fs::read_dir(folder).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "andel") {
            open(&p).unwrap_or_else(|e| panic!("backup {} does not open: {e}", p.display()));
            n += 1;
        }
    }
    n
}

/// The conflict copy an exit-3 message names ("… is kept in PATH. Andel stops saving …").
fn conflict_copy(stderr: &str) -> PathBuf {
    let rest = stderr
        .split("is kept in ")
        .nth(1)
        .unwrap_or_else(|| panic!("no conflict copy named in: {stderr}"));
    PathBuf::from(rest.split(". Andel stops saving").next().unwrap())
}

#[test]
fn concurrent_and_killed_writers_never_lose_or_damage_the_archive() {
    let a = Archive::init("DK");
    let seed = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("writers seed: {seed}");
    let mut rng = Rng(seed);
    // Changes that must be in the archive, and those of killed writers that may be.
    let mut must: BTreeSet<String> = BTreeSet::new();
    let mut may: BTreeSet<String> = BTreeSet::new();
    let (mut refused, mut conflicts, mut killed, mut backups_checked) = (0, 0, 0, 0);
    let mut typical = Duration::from_millis(30);
    for round in 0..ROUNDS {
        // Every third round the second writer says "open anyway" (--force), so both write at
        // once; every fourth, one writer is killed (SIGKILL) at a random instant.
        let force = round % 3 == 1;
        let kill = (round % 4 == 2).then(|| rng.below(2) as usize);
        let names = [format!("R{round} first"), format!("R{round} second")];
        let started = Instant::now();
        let mut children = [writer(&a, &names[0], false), writer(&a, &names[1], force)];
        if let Some(k) = kill {
            let delay = rng.below(typical.as_micros() as u64 * 3 / 2);
            std::thread::sleep(Duration::from_micros(delay));
            let _ = children[k].kill();
        }
        for (i, child) in children.into_iter().enumerate() {
            let out = child.wait_with_output().unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            let name = &names[i];
            if kill == Some(i) && out.status.code().is_none() {
                killed += 1;
                may.insert(name.clone());
                continue;
            }
            match out.status.code() {
                Some(0) => {
                    must.insert(name.clone());
                }
                Some(1) if stderr.contains("has had this archive open") => refused += 1,
                Some(3) if stderr.contains("Someone else saved") => {
                    conflicts += 1;
                    let copy = a.path(
                        conflict_copy(&stderr)
                            .file_name()
                            .unwrap()
                            .to_str()
                            .unwrap(),
                    );
                    let theirs = org_names(&copy);
                    assert!(
                        theirs.contains(name),
                        "round {round}: the conflict copy {} lacks {name}",
                        copy.display()
                    );
                }
                other => panic!("round {round}: writer {name} ended with {other:?}: {stderr}"),
            }
        }
        if round == 0 {
            typical = started.elapsed();
        }
        let now = org_names(&a.vault());
        // A killed writer's change that made it stays.
        for n in now.intersection(&may.clone()) {
            may.remove(n);
            must.insert(n.clone());
        }
        let missing: Vec<_> = must.difference(&now).collect();
        assert!(
            missing.is_empty(),
            "round {round} (seed {seed}): lost updates {missing:?}"
        );
        let foreign: Vec<_> = now.difference(&must).collect();
        assert!(
            foreign.is_empty(),
            "round {round} (seed {seed}): changes of refused writers {foreign:?}"
        );
        if round % 10 == 9 {
            backups_checked += every_backup_opens(&a);
        }
    }
    // One last clean writer: it clears every leftover of the killed ones.
    let out = writer(&a, "last", false).wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let leftovers: Vec<String> = std::fs::read_dir(a.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(".andel-tmp-") || n.ends_with(".lock"))
        .collect();
    assert!(leftovers.is_empty(), "left behind: {leftovers:?}");
    eprintln!(
        "{ROUNDS} rounds: {} changes kept, {refused} writers refused, {conflicts} conflict copies, \
         {killed} killed, {backups_checked} backups opened",
        must.len()
    );
    // The interleavings this test exists for did happen.
    assert!(
        refused > 0,
        "no writer was ever refused: the rounds did not overlap"
    );
    assert!(killed > 0);
}
