//! Opening and saving a realistic large archive (10,000 people, 1,000 documents of 50 KB: about
//! 50 MB) encrypted to an X25519 recipient, measured beside the `age` tool on the same bytes.
//!
//! Goal (issue 2): open and save each within 1.3× of age's time for the same bytes plus
//! SQLite's own (de)serialize. The passphrase (scrypt) cost is reported on its own: it is paid
//! on purpose, about a second, once per open and save.
//!
//! Run with `make bench`. The ratio table at the end compares medians taken in this one run, so
//! machine noise hits both sides alike.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use age::secrecy::ExposeSecret;
use andel_core::association::Country;
use andel_core::store;
use andel_core::vault::{Encryption, Identity, OpenOptions, SecretString, Unlock, Vault};
use chrono::Utc;
use criterion::{criterion_group, Criterion};

struct Fixture {
    _dir: tempfile::TempDir,
    path: PathBuf,
    key: PathBuf,
    plain: PathBuf,
    public: String,
    id: Identity,
}

fn build() -> Fixture {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let path = dir.path().join("large.andel");
    let id = Identity::generate();
    let public = id.to_public().to_string();
    let mut vault = Vault::create(
        &path,
        "A/B Benchmark",
        Country::DK,
        Encryption::Recipients(vec![id.to_public()]),
        "bench",
        Utc::now(),
    )
    .unwrap();
    // People in the register's own table; documents in a table of the same shape as the minutes
    // archive's (which lands with issue 4).
    vault
        .conn()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 10000)
             INSERT INTO person (name, phone, email, created_at)
             SELECT 'Person ' || i, '+45 ' || (20000000 + i), 'p' || i || '@example.dk', '2026-01-01' FROM n;
             CREATE TABLE bench_document (id INTEGER PRIMARY KEY, title TEXT, body TEXT);
             WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000)
             INSERT INTO bench_document (title, body)
             SELECT 'Referat ' || i, substr(hex(randomblob(25000)), 1, 50000) FROM n;",
        )
        .unwrap();
    vault.save(Utc::now()).unwrap();
    let plain = dir.path().join("plain.db");
    std::fs::write(&plain, &store::serialize(vault.conn()).unwrap()[..]).unwrap();
    let key = dir.path().join("key.txt");
    std::fs::write(&key, id.to_string().expose_secret()).unwrap();
    drop(vault);
    Fixture {
        _dir: dir,
        path,
        key,
        plain,
        public,
        id,
    }
}

fn open(f: &Fixture) -> Vault {
    Vault::open(
        &f.path,
        &Unlock::Identities(vec![f.id.clone()]),
        &OpenOptions::new("bench"),
        Utc::now(),
    )
    .unwrap()
}

fn age_decrypt(f: &Fixture) {
    let ok = Command::new("age")
        .args(["-d", "-i"])
        .arg(&f.key)
        .args(["-o", "/dev/null"])
        .arg(&f.path)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

fn age_encrypt(f: &Fixture, out: &Path) {
    let ok = Command::new("age")
        .args(["-e", "-r", &f.public, "-o"])
        .arg(out)
        .arg(&f.plain)
        .status()
        .unwrap()
        .success();
    assert!(ok);
}

fn median(mut runs: Vec<Duration>) -> Duration {
    runs.sort();
    runs[runs.len() / 2]
}

fn time(n: usize, mut f: impl FnMut()) -> Duration {
    median(
        (0..n)
            .map(|_| {
                let t = Instant::now();
                f();
                t.elapsed()
            })
            .collect(),
    )
}

fn benches(c: &mut Criterion) {
    let f = build();
    let size = std::fs::metadata(&f.path).unwrap().len();
    println!("archive: {:.1} MB encrypted", size as f64 / 1e6);
    let plaintext = std::fs::read(&f.plain).unwrap();
    let out = f.path.with_file_name("age-out.age");

    let mut g = c.benchmark_group("open");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(criterion::Throughput::Bytes(size));
    g.bench_function("andel open (read, decrypt, deserialize)", |b| {
        b.iter(|| open(&f))
    });
    g.bench_function("age -d (same file)", |b| b.iter(|| age_decrypt(&f)));
    g.bench_function("sqlite deserialize", |b| {
        b.iter(|| store::load(&plaintext).unwrap())
    });
    g.finish();

    let mut g = c.benchmark_group("save");
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.throughput(criterion::Throughput::Bytes(size));
    let mut vault = open(&f);
    g.bench_function(
        "andel save (serialize, encrypt, fsync, backup, rename)",
        |b| b.iter(|| vault.save(Utc::now()).unwrap()),
    );
    g.bench_function("age -e (same bytes)", |b| b.iter(|| age_encrypt(&f, &out)));
    g.bench_function("sqlite serialize", |b| {
        b.iter(|| store::serialize(vault.conn()).unwrap())
    });
    g.finish();
    drop(vault);

    // The ratio table: medians from one run, interleaved so drift hits all sides alike.
    let n = 9;
    let mut vault = open(&f);
    let (mut o, mut ad, mut de, mut s, mut ae, mut se) =
        (vec![], vec![], vec![], vec![], vec![], vec![]);
    for _ in 0..n {
        o.push(time(1, || drop(open(&f))));
        ad.push(time(1, || age_decrypt(&f)));
        de.push(time(1, || drop(store::load(&plaintext).unwrap())));
        s.push(time(1, || vault.save(Utc::now()).unwrap()));
        ae.push(time(1, || age_encrypt(&f, &out)));
        se.push(time(1, || drop(store::serialize(vault.conn()).unwrap())));
    }
    let (o, ad, de, s, ae, se) = (
        median(o),
        median(ad),
        median(de),
        median(s),
        median(ae),
        median(se),
    );
    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!();
    println!(
        "== archive of {:.1} MB, medians of {n} interleaved runs",
        size as f64 / 1e6
    );
    println!(
        "open: andel {:.0} ms | age -d {:.0} ms + deserialize {:.0} ms = {:.0} ms | ratio {:.2} (goal ≤ 1.30)",
        ms(o), ms(ad), ms(de), ms(ad + de), ms(o) / ms(ad + de)
    );
    println!(
        "save: andel {:.0} ms | age -e {:.0} ms + serialize {:.0} ms = {:.0} ms | ratio {:.2} (goal ≤ 1.30)",
        ms(s), ms(ae), ms(se), ms(ae + se), ms(s) / ms(ae + se)
    );

    // The passphrase's price, paid on purpose: scrypt at age's default work factor.
    let scrypt = time(3, || {
        let e = Encryption::Passphrase {
            passphrase: SecretString::from("benchmark passphrase".to_string()),
            work_factor: None,
        };
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        Vault::create(
            &dir.path().join("p.andel"),
            "P",
            Country::DK,
            e,
            "bench",
            Utc::now(),
        )
        .unwrap();
    });
    println!(
        "passphrase: creating a small passphrase archive takes {:.0} ms (scrypt, age's default work factor, ~1 s by design)",
        ms(scrypt)
    );
}

criterion_group!(archive, benches);

fn main() {
    archive();
    Criterion::default().configure_from_args().final_summary();
}
