//! `andel requests`, `erase`, `retention` and `handover` end to end: the real binary on the demo
//! archive, checking the exact command shapes, JSON output and exit codes, and that refused or
//! dry-run commands leave the archive's bytes untouched.

use std::path::Path;

use crate::support::{code, sha256, Archive};
use serde_json::Value;

fn days_ago(n: i64) -> String {
    (chrono::Local::now().date_naive() - chrono::Duration::days(n))
        .format("%Y-%m-%d")
        .to_string()
}

/// The PDF's text on one line: words joined by single spaces.
fn pdftotext(path: &Path) -> String {
    let text = crate::support::pdftotext(path);
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn requests_add_list_extend_with_the_exact_shapes() {
    let d = Archive::demo();
    let r = d.json(
        &["requests", "add"],
        &[
            "--kind",
            "erasure",
            "--person-name",
            "Tove Lindqvist",
            "--received",
            "2026-01-31",
        ],
    );
    assert_eq!(r["due"], "2026-02-28");
    assert_eq!(r["kind"], "erasure");
    assert_eq!(r["person_id"], Value::Null, "not in the register");
    let first = r["id"].as_u64().unwrap();

    let recent = days_ago(3);
    let r = d.json(
        &["requests", "add"],
        &[
            "--kind",
            "access",
            "--person-name",
            "Lars Sandvad",
            "--received",
            &recent,
        ],
    );
    assert!(r["person_id"].is_u64(), "linked to the register");
    let id = r["id"].as_u64().unwrap().to_string();
    let list = d.json(&["requests", "list"], &[]);
    let list = list.as_array().unwrap();
    assert_eq!(list.len(), 4, "the demo's two and these two");
    assert_eq!(list[0]["id"], first, "the overdue one first");
    assert!(list[0]["days_left"].as_i64().unwrap() < 0);
    for r in list {
        for key in [
            "id",
            "kind",
            "received_on",
            "due",
            "status",
            "requester_name",
        ] {
            assert!(r.get(key).is_some(), "a listed request lacks {key}");
        }
    }

    // Bad input: a usage error (2) or the user must act (1); the archive is unchanged.
    let before = d.sha();
    let bad_kind = d.on(
        &["requests", "add"],
        &[
            "--kind",
            "complaint",
            "--person-name",
            "X",
            "--received",
            "2026-01-01",
        ],
    );
    assert_eq!(code(&bad_kind), 2);
    let three = d.on(
        &["requests", "extend", &id],
        &["--months", "3", "--reason", "x"],
    );
    assert_eq!(code(&three), 1);
    let late = d.on(
        &["requests", "extend", &first.to_string()],
        &["--months", "1", "--reason", "Mange sager"],
    );
    assert_eq!(code(&late), 1);
    assert!(String::from_utf8_lossy(&late.stderr).contains("before it"));
    assert_eq!(d.sha(), before);

    d.ok_on(
        &["requests", "extend", &id],
        &["--months", "2", "--reason", "Mange referater at gennemgå"],
    );
    let list = d.json(&["requests", "list"], &[]);
    let r = list
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_u64().map(|n| n.to_string()) == Some(id.clone()))
        .unwrap()
        .clone();
    assert_eq!(r["extension_reason"], "Mange referater at gennemgå");
    assert_eq!(r["due"], r["extended_to"]);
    let again = d.on(
        &["requests", "extend", &id],
        &["--months", "1", "--reason", "x"],
    );
    assert_eq!(code(&again), 1);
}

#[test]
fn the_access_reply_is_written_as_pdf_and_json() {
    let d = Archive::demo();
    let r = d.json(
        &["requests", "add"],
        &[
            "--kind",
            "access",
            "--person-name",
            "Lars Sandvad",
            "--received",
            &days_ago(1),
        ],
    );
    let id = r["id"].to_string();
    // No reply before the identity check is noted: exit 1, told what to run, nothing written.
    let unchecked = d.on(&["requests", "reply", &id], &["--out", "svar.pdf"]);
    assert_eq!(code(&unchecked), 1);
    assert!(
        crate::support::stderr(&unchecked).contains("andel requests identity"),
        "{}",
        crate::support::stderr(&unchecked)
    );
    assert!(!d.path("svar.pdf").exists());
    d.ok_on(
        &["requests", "identity", &id],
        &["--how", "ringet op på nummeret i registret"],
    );
    let before = d.sha();
    d.ok_on(
        &["requests", "reply", &id],
        &["--out", "svar.pdf", "--json-export", "svar.json"],
    );
    assert_eq!(d.sha(), before, "a reply changes nothing");
    let json: Value = serde_json::from_slice(&std::fs::read(d.path("svar.json")).unwrap()).unwrap();
    assert_eq!(json["format"], "andel.access-reply/4");
    assert_eq!(json["language"], "da");
    assert_eq!(json["processing"]["roles"][0], "owner");
    assert_eq!(json["person"]["name"], "Lars Sandvad");
    assert_eq!(json["ownerships"][0]["unit_number"], "12");
    let mentions = json["minutes_mentions"].as_array().unwrap();
    assert!(!mentions.is_empty());
    for m in mentions {
        let excerpt = m["excerpt"].as_str().unwrap();
        assert!(excerpt.contains("Sandvad"), "{excerpt}");
        assert!(excerpt.contains("[navn]"), "{excerpt}");
    }
    let text = pdftotext(&d.path("svar.pdf"));
    for needle in [
        "Svar på din anmodning om indsigt",
        "Lars Sandvad",
        "Kastanjevej 4",
        "Omtale i referater",
        "Datatilsynet",
    ] {
        assert!(text.contains(needle), "the reply lacks {needle:?}");
    }
    // In the requester's language, whatever the association's country.
    d.ok_on(
        &["requests", "reply", &id],
        &["--out", "reply.pdf", "--lang", "en"],
    );
    let text = pdftotext(&d.path("reply.pdf"));
    for needle in [
        "Reply to your request for access",
        "Your right to object",
        "Right to erasure (Art. 17)",
    ] {
        assert!(text.contains(needle), "the English reply lacks {needle:?}");
    }
    let bad = d.on(
        &["requests", "reply", &id],
        &["--out", "x.pdf", "--lang", "de"],
    );
    assert_eq!(code(&bad), 2);
    // An existing file is not overwritten.
    let out = d.on(&["requests", "reply", &id], &["--out", "svar.pdf"]);
    assert_eq!(code(&out), 1);
    let missing = d.on(&["requests", "reply", "999"], &["--out", "x.pdf"]);
    assert_eq!(code(&missing), 1);
    assert!(!d.path("x.pdf").exists());
}

#[test]
fn erase_explains_first_and_keeps_the_history() {
    let d = Archive::demo();
    let before = d.sha();
    let dry = d.json(
        &["erase"],
        &["--person-name", "Freja Wedelsted", "--dry-run"],
    );
    assert_eq!(dry["dry_run"], true);
    assert_eq!(d.sha(), before, "--dry-run wrote the archive");
    let kept: Vec<&str> = dry["kept"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["key"].as_str().unwrap())
        .collect();
    assert!(
        kept.contains(&"minutes") && kept.contains(&"ownerships"),
        "{kept:?}"
    );

    let current = d.on(&["erase"], &["--person-name", "Lars Sandvad"]);
    assert_eq!(code(&current), 1);
    assert!(String::from_utf8_lossy(&current.stderr).contains("still connected"));
    let unknown = d.on(&["erase"], &["--person-name", "Ingen Sådan"]);
    assert_eq!(code(&unknown), 1);
    assert_eq!(d.sha(), before);

    let done = d.json(&["erase"], &["--person-name", "Freja Wedelsted"]);
    assert_eq!(done["dry_run"], false);
    let placeholder = done["placeholder"].as_str().unwrap().to_string();
    assert!(placeholder.starts_with("Slettet person #"));
    let former = d.ok_on(&["people", "list"], &["--former"]);
    assert!(!former.contains("Freja Wedelsted"));
    assert!(former.contains(&placeholder));
}

#[test]
fn retention_due_and_apply_needs_yes() {
    let d = Archive::demo();
    let due = d.json(&["retention", "due"], &[]);
    let due = due.as_array().unwrap();
    assert!(
        !due.is_empty(),
        "the demo has former owners past five years"
    );
    for i in due {
        for key in ["kind", "record_id", "since", "due_on", "text"] {
            assert!(i.get(key).is_some(), "a due item lacks {key}");
        }
    }
    let before = d.sha();
    let refused = d.on(&["retention", "apply"], &[]);
    assert_eq!(code(&refused), 2);
    assert_eq!(d.sha(), before);
    let applied = d.json(&["retention", "apply"], &["--yes"]);
    assert_eq!(applied["items"].as_array().unwrap().len(), due.len());
    assert_eq!(d.json(&["retention", "due"], &[]), Value::Array(vec![]));
    let rules = d.json(&["retention", "rules"], &[]);
    assert_eq!(rules.as_array().unwrap().len(), 6);
    d.ok_on(&["retention", "set", "closed_request", "48"], &[]);
    let minutes = d.on(&["retention", "set", "minutes", "12"], &[]);
    assert_eq!(code(&minutes), 1);
}

#[test]
fn handover_writes_a_new_archive_and_a_receipt_and_leaves_the_original() {
    let d = Archive::demo();
    let original = d.sha();
    // No new passphrase and no terminal: the user must act, nothing is written.
    let none = d.on(&["handover"], &["--out", "ny.andel"]);
    assert_eq!(code(&none), 1);
    assert!(!d.path("ny.andel").exists());
    // Issue 12: a weak new passphrase is refused with the words `andel init` warns with.
    let weak_phrase = "the passphrase is weak; anyone with a copy of the archive could guess it";
    let init = d.run_env(
        &[
            "init",
            "--vault",
            "w.andel",
            "--association",
            "A/B W",
            "--country",
            "DK",
        ],
        &[("ANDEL_PASSPHRASE", "x")],
    );
    assert!(init.status.success());
    assert!(String::from_utf8_lossy(&init.stderr).contains(weak_phrase));
    for weak in ["x", "aaaaaaaaaaaa"] {
        let refused = d.run_env(
            &["handover", "--vault", "d.andel", "--out", "ny.andel"],
            &[("ANDEL_NEW_PASSPHRASE", weak)],
        );
        assert_eq!(code(&refused), 1);
        let stderr = String::from_utf8_lossy(&refused.stderr);
        assert!(stderr.contains(weak_phrase), "{stderr}");
        assert!(!d.path("ny.andel").exists() && !d.path("ny-receipt.pdf").exists());
    }

    let out = d.run_env(
        &["handover", "--vault", "d.andel", "--out", "ny.andel"],
        &[("ANDEL_NEW_PASSPHRASE", "bestyrelsen 2027")],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let sha = sha256(&d.path("ny.andel"));
    assert!(stdout.contains(&sha), "the printed SHA-256 is the file's");
    assert_eq!(d.sha(), original, "the original is not touched");
    assert!(d.path("ny-receipt.pdf").exists());
    let receipt = pdftotext(&d.path("ny-receipt.pdf"));
    assert!(receipt.contains(&sha), "the receipt carries the SHA-256");
    assert!(receipt.contains("ny.andel"));
    assert!(receipt.contains("Kvittering for overdragelse af arkivet"));

    // The new passphrase opens the new file, the old one does not.
    let new = d.run_env(
        &["info", "--vault", "ny.andel", "--json"],
        &[("ANDEL_PASSPHRASE", "bestyrelsen 2027")],
    );
    assert!(
        new.status.success(),
        "{}",
        String::from_utf8_lossy(&new.stderr)
    );
    let info: Value = serde_json::from_slice(&new.stdout).unwrap();
    assert_eq!(info["fingerprint"], sha);
    assert_eq!(info["counts"]["units"], 40);
    let old = d.run(&["info", "--vault", "ny.andel"]);
    assert_eq!(code(&old), 1);

    // Again to the same file: refused, nothing overwritten.
    let again = d.run_env(
        &["handover", "--vault", "d.andel", "--out", "ny.andel"],
        &[("ANDEL_NEW_PASSPHRASE", "en tredje")],
    );
    assert_eq!(code(&again), 1);
    assert_eq!(sha256(&d.path("ny.andel")), sha);
    let bad_key = d.run(&[
        "handover",
        "--vault",
        "d.andel",
        "--out",
        "k.andel",
        "--recipient",
        "age1notakey",
    ]);
    assert_eq!(code(&bad_key), 1);
    assert!(!d.path("k.andel").exists());

    // The demo has records past their retention: without --sweep-first the receipt lists them
    // as still due (and says nothing was deleted); with it, the sweep runs first and the receipt
    // says what it deleted, and nothing is due in the new archive.
    assert!(
        receipt.contains("Ikke slettet ved overdragelsen"),
        "{receipt}"
    );
    assert!(
        !receipt.contains("er slettet eller anonymiseret"),
        "{receipt}"
    );
    assert!(
        stdout.contains("past their retention and went into the new archive"),
        "{stdout}"
    );
    let swept = d.run_env(
        &[
            "handover",
            "--vault",
            "d.andel",
            "--out",
            "ryddet.andel",
            "--sweep-first",
        ],
        &[("ANDEL_NEW_PASSPHRASE", "bestyrelsen 2027")],
    );
    assert!(
        swept.status.success(),
        "{}",
        String::from_utf8_lossy(&swept.stderr)
    );
    let stdout = String::from_utf8(swept.stdout).unwrap();
    assert!(
        stdout.contains("The receipt counts 3 records past their retention that the retention sweep deleted or anonymised since the archive was last handed over."),
        "{stdout}"
    );
    assert_ne!(d.sha(), original, "the sweep changed the open archive");
    let receipt = pdftotext(&d.path("ryddet-receipt.pdf"));
    let flat = receipt.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        flat.contains("Siden arkivet sidst blev overdraget (eller oprettet)"),
        "{flat}"
    );
    assert!(!flat.contains("Ikke slettet ved overdragelsen"), "{flat}");
    let due = d.json(&["retention", "due"], &[]);
    assert_eq!(due.as_array().map(Vec::len), Some(0), "{due}");
}

/// Issue 11: two residents named alike are two people; a name that means both is refused with
/// their ids and units, `--person ID` chooses, a name no one has is an outsider's request.
#[test]
fn a_name_two_residents_share_is_refused_with_the_candidates() {
    let d = Archive::init("DK");
    let list = d.path("beboere.csv");
    std::fs::write(
        &list,
        "Andelsnr.;Navn;Telefon;E-mail\n\
         1;Jens Hansen;20 30 40 50;jens@eksempel.dk\n\
         2;Jens Hansen;61 62 63 64;jh@eksempel.dk\n\
         3;Frida Holm;22 22 22 22;\n",
    )
    .unwrap();
    d.ok_on(&["import", "residents"], &[crate::support::arg(&list)]);
    let again = d.json(&["import", "residents"], &[crate::support::arg(&list)]);
    for key in ["added", "changed", "ended"] {
        assert_eq!(again[key], 0, "re-import: {key}");
    }
    assert_eq!(again["notes"], Value::Array(vec![]));
    let people = d.json(&["people", "list"], &[]);
    let jens: Vec<(u64, String)> = people
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["name"] == "Jens Hansen")
        .map(|p| {
            (
                p["id"].as_u64().unwrap(),
                p["phone"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(jens.len(), 2, "{people}");
    assert_ne!(jens[0].1, jens[1].1);

    let before = d.sha();
    for words in [
        &["requests", "add"][..],
        &["erase"][..],
        &["people", "show"][..],
    ] {
        let mut rest = vec!["--person-name", "Jens Hansen"];
        if words[0] == "requests" {
            rest.extend(["--kind", "access", "--received", "2026-01-05"]);
        }
        let out = d.on(words, &rest);
        assert_eq!(code(&out), 1, "{words:?}");
        let err = crate::support::stderr(&out);
        for (id, _) in &jens {
            assert!(
                err.contains(&format!("#{id} Jens Hansen")),
                "{words:?}: {err}"
            );
        }
        assert!(err.contains("unit 1") && err.contains("unit 2"), "{err}");
        assert!(err.contains("--person ID"), "{err}");
    }
    let roles = d.on(
        &["roles", "add"],
        &["--person-name", "Jens Hansen", "--role", "auditor"],
    );
    assert_eq!(code(&roles), 1);
    let sublet = d.on(
        &["sublets", "add"],
        &[
            "--unit",
            "3",
            "--subtenant",
            "Jens Hansen",
            "--from",
            "2026-02-01",
            "--to",
            "2026-06-30",
        ],
    );
    assert_eq!(code(&sublet), 1);
    let unknown = d.on(&["people", "show"], &["--person", "999"]);
    assert_eq!(code(&unknown), 1);
    assert_eq!(d.sha(), before, "refused commands changed the archive");

    let second = jens[1].0.to_string();
    let r = d.json(
        &["requests", "add"],
        &[
            "--kind",
            "access",
            "--person",
            &second,
            "--received",
            "2026-01-05",
        ],
    );
    assert_eq!(r["person_id"].as_u64(), Some(jens[1].0));
    let show = d.json(&["people", "show"], &["--person", &second]);
    assert_eq!(show["person"]["phone"], jens[1].1.as_str());
    // Ida Holm is not Frida Holm: an outsider's request.
    let ida = d.json(
        &["requests", "add"],
        &[
            "--kind",
            "access",
            "--person-name",
            "Ida Holm",
            "--received",
            "2026-01-05",
        ],
    );
    assert_eq!(ida["person_id"], Value::Null);
    assert_eq!(ida["requester_name"], "Ida Holm");
}
