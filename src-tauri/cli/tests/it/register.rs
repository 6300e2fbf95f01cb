//! The `andel` register commands end to end: the real binary on a real archive, checking the
//! exact command shapes, JSON output and exit codes that scripts rely on (0 ok, 1 the user must
//! act, 2 usage), and that a refused command leaves the archive's bytes untouched.

use std::process::Command;

use crate::support::{code, fixture, pdftotext_layout, qpdf_check, Archive};
use serde_json::Value;

impl Archive {
    fn import(&self, fixture_name: &str, extra: &[&str]) -> Value {
        let file = fixture("residents", fixture_name);
        let mut rest = vec![file.to_str().unwrap()];
        rest.extend(extra);
        self.json(&["import", "residents"], &rest)
    }
}

#[test]
fn import_residents_reports_the_exact_json_shape() {
    let a = Archive::init("DK");
    let before = a.sha();
    let dry = a.import("ronnebaerhaven.csv", &["--dry-run"]);
    assert_eq!(a.sha(), before, "--dry-run wrote the archive");
    for (key, want) in [
        ("units", 32),
        ("people", 34),
        ("ownerships", 34),
        ("added", 34),
        ("changed", 0),
        ("ended", 0),
    ] {
        assert_eq!(dry[key], want, "{key}");
    }
    assert_eq!(dry["rejected"], Value::Array(vec![]));

    let done = a.import("ronnebaerhaven.csv", &[]);
    assert_eq!(done["added"], 34);
    assert_ne!(a.sha(), before);
    let units = a.json(&["units", "list"], &[]);
    assert_eq!(units.as_array().unwrap().len(), 32);
    assert_eq!(units[3]["number"], "4");
    assert_eq!(
        units[3]["owners"],
        serde_json::json!(["Sanne Rosendahl", "Kenneth Rosendahl"])
    );

    // A newer list: one buyer, two owners gone, two contact changes.
    let again = a.import("ronnebaerhaven-2025.csv", &[]);
    assert_eq!(
        (
            &again["added"],
            &again["changed"],
            &again["ended"],
            &again["units"]
        ),
        (
            &Value::from(1),
            &Value::from(2),
            &Value::from(2),
            &Value::from(32)
        )
    );
    let former = a.json(&["people", "list"], &["--former"]);
    let names: Vec<&str> = former
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["Kenneth Rosendahl", "Mogens Elkjær"]);
    let current = a.json(&["people", "list"], &[]);
    assert_eq!(current.as_array().unwrap().len(), 33);

    let info: Value = serde_json::from_str(&a.ok_on(&["info"], &["--json"])).unwrap();
    assert_eq!(info["counts"]["units"], 32);
    assert_eq!(info["counts"]["ownerships"], 35);
    assert_eq!(info["counts"]["name_plate_orders"], 1);
}

#[test]
fn import_reports_rejected_rows_and_keeps_national_ids_out() {
    let a = Archive::init("DK");
    let r = a.import("broken.csv", &[]);
    let rows: Vec<i64> = r["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x["row"].as_i64().unwrap())
        .collect();
    assert_eq!(rows, [3, 4, 5]);
    for x in r["rejected"].as_array().unwrap() {
        assert!(!x["reason"].as_str().unwrap().is_empty());
    }
    assert_eq!(r["units"], 4);
    let people = a.json(&["people", "list"], &[]).to_string();
    assert!(!people.contains("070761"));
    assert!(!people.contains("311299"));
    assert!(people.contains("Jens Hansen"));
}

/// Issue 12: a one-row list, well formed, ended every other ownership. Now the import says how
/// many it would end and which flag carries it out; --dry-run shows it; the archive is untouched.
#[test]
fn a_mass_end_needs_allow_mass_end() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    let one = a.dir.path().join("one-row.csv");
    std::fs::write(
        &one,
        "Andelsnr;Adresse;Navn\n1;Rønnebærvej 2;Aase Tranberg\n",
    )
    .unwrap();
    let one = one.to_str().unwrap();
    let before = a.sha();

    let dry = a.json(&["import", "residents"], &[one, "--dry-run"]);
    assert_eq!(
        (&dry["ended"], &dry["open_before"], &dry["mass_end"]),
        (&Value::from(33), &Value::from(34), &Value::from(true))
    );
    let text = a.ok_on(&["import", "residents"], &[one, "--dry-run"]);
    assert!(
        text.contains("ends 33 of the 34 current ownerships") && text.contains("--allow-mass-end"),
        "{text}"
    );

    let out = a.on(&["import", "residents"], &[one]);
    assert_eq!(code(&out), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("would end 33 of the 34"), "{stderr}");
    assert!(
        stderr.contains("--allow-mass-end") && stderr.contains("--dry-run"),
        "{stderr}"
    );
    assert_eq!(a.sha(), before, "a refused mass end changed the archive");

    let done = a.json(&["import", "residents"], &[one, "--allow-mass-end"]);
    assert_eq!(
        (&done["ended"], &done["mass_end"]),
        (&Value::from(33), &Value::from(true))
    );
    assert_eq!(
        a.json(&["people", "list"], &[]).as_array().unwrap().len(),
        1
    );
}

/// An import where every row is refused (a column of slipped dates) took nothing and still exited
/// 0, so a board saw "Added 0" under a command that had worked and published with an empty
/// register. Now it exits 1 with the first row's reason and leaves the archive alone; --dry-run
/// says so in words and in JSON.
#[test]
fn regression_an_import_that_takes_no_row_is_refused() {
    let a = Archive::init("DK");
    let list = a.dir.path().join("slipped.csv");
    std::fs::write(
        &list,
        "Andelsnr;Adresse;Navn;Indflyttet\n1;Rønnebærvej 2;Aase Tranberg;31.02.2015\n2;Rønnebærvej 4;Bo Lindvang;30.02.2016\n",
    )
    .unwrap();
    let list = list.to_str().unwrap();
    let before = a.sha();

    let dry = a.json(&["import", "residents"], &[list, "--dry-run"]);
    assert_eq!(
        (&dry["units"], &dry["takes_nothing"]),
        (&Value::from(0), &Value::from(true))
    );
    let text = a.ok_on(&["import", "residents"], &[list, "--dry-run"]);
    assert!(text.contains("None of the 2 rows can be taken"), "{text}");

    let out = a.on(&["import", "residents"], &[list]);
    assert_eq!(code(&out), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("None of the 2 rows")
            && stderr.contains("row 2")
            && stderr.contains("31.02.2015"),
        "{stderr}"
    );
    assert_eq!(a.sha(), before, "a refused import changed the archive");

    // One good row is enough to import: the other is refused as before.
    let mixed = a.dir.path().join("mixed.csv");
    std::fs::write(
        &mixed,
        "Andelsnr;Adresse;Navn;Indflyttet\n1;Rønnebærvej 2;Aase Tranberg;01.02.2015\n2;Rønnebærvej 4;Bo Lindvang;30.02.2016\n",
    )
    .unwrap();
    let r = a.json(&["import", "residents"], &[mixed.to_str().unwrap()]);
    assert_eq!(
        (&r["units"], &r["takes_nothing"]),
        (&Value::from(1), &Value::from(false))
    );
}

/// Issue 12: a row with more fields than the header (an unquoted comma in a name) is refused with
/// its line, and nothing is imported.
#[test]
fn a_row_with_the_wrong_number_of_fields_exits_1_with_its_line() {
    let a = Archive::init("DK");
    let before = a.sha();
    let file = fixture("residents", "ragged.csv");
    let out = a.on(&["import", "residents"], &[file.to_str().unwrap()]);
    assert_eq!(code(&out), 1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("Line 3 "), "{stderr}");
    assert_eq!(a.sha(), before);
}

#[test]
fn every_fixture_imports_from_the_cli() {
    for (file, units) in [
        ("elvebakken.csv", 28),
        ("windows-1252.csv", 4),
        ("lindvagen.xlsx", 5),
        ("tallen.tsv", 4),
        ("owner-columns.csv", 4),
        ("two-rows.csv", 4),
    ] {
        let a = Archive::init("NO");
        let r = a.import(file, &[]);
        assert_eq!(r["units"], units, "{file}");
        let listed = a.json(&["units", "list"], &[]);
        assert_eq!(listed.as_array().unwrap().len(), units as usize, "{file}");
        assert!(!listed.to_string().contains('Ã'), "{file}: mojibake");
    }
}

#[test]
fn a_junk_file_exits_1_and_leaves_the_archive_unchanged() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    let before = a.sha();
    for junk in ["not-a-list.png", "not-a-list.txt", "does-not-exist.csv"] {
        let file = fixture("residents", junk);
        let out = a.on(&["import", "residents"], &[file.to_str().unwrap()]);
        assert_eq!(code(&out), 1, "{junk}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with("error: "), "{junk}: {stderr}");
        assert_eq!(a.sha(), before, "{junk} changed the archive");
    }
    // An empty file and a spreadsheet that is not one.
    std::fs::write(a.dir.path().join("empty.csv"), b"").unwrap();
    std::fs::write(
        a.dir.path().join("fake.xlsx"),
        b"PK\x03\x04 not really a zip",
    )
    .unwrap();
    for junk in ["empty.csv", "fake.xlsx"] {
        let out = a.on(&["import", "residents"], &[junk]);
        assert_eq!(code(&out), 1, "{junk}");
        assert_eq!(a.sha(), before);
    }
}

#[test]
fn a_column_mapping_from_the_command_line_is_remembered() {
    let a = Archive::init("DK");
    std::fs::write(
        a.dir.path().join("list.csv"),
        "Boligens nummer;Navn;Mobil\r\n1;Aase Tranberg;41438243\r\n2;Villum Sand;42786031\r\n",
    )
    .unwrap();
    let out = a.on(&["import", "residents"], &["list.csv"]);
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("--map"));
    let r = a.json(
        &["import", "residents"],
        &["list.csv", "--map", "Boligens nummer=share"],
    );
    assert_eq!(r["units"], 2);
    // Remembered: the next import needs no --map.
    let r = a.json(&["import", "residents"], &["list.csv", "--dry-run"]);
    assert_eq!(r["units"], 2);
    assert_eq!(r["added"], 0);
    let out = a.on(
        &["import", "residents"],
        &["list.csv", "--map", "Mobil=banana"],
    );
    assert_eq!(code(&out), 1);
}

#[test]
fn roles_add_creates_the_person_when_needed() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    a.ok_on(
        &["roles", "add"],
        &[
            "--name",
            "Katrine Hvidberg",
            "--role",
            "chair",
            "--from",
            "2024-04-20",
        ],
    );
    // An outside lawyer chairs the general meeting.
    a.ok_on(
        &["roles", "add"],
        &[
            "--name",
            "Pernille Kragelund",
            "--role",
            "meeting-chair",
            "--from",
            "2024-04-20",
            "--to",
            "2024-04-20",
        ],
    );
    let info: Value = serde_json::from_str(&a.ok_on(&["info"], &["--json"])).unwrap();
    assert_eq!(info["counts"]["people"], 35);
    assert_eq!(info["counts"]["roles"], 2);
    let roles = a.json(&["roles", "list"], &[]);
    assert_eq!(roles[0]["kind"], "chair");
    assert_eq!(roles[0]["person_name"], "Katrine Hvidberg");
    // A kind that does not exist is a usage error; a date that ends before it starts, the
    // user's to fix; a national ID as a name is refused and not stored.
    let before = a.sha();
    assert_eq!(
        code(&a.on(&["roles", "add"], &["--name", "X Y", "--role", "formand"])),
        2
    );
    assert_eq!(
        code(&a.on(
            &["roles", "add"],
            &[
                "--name",
                "X Y",
                "--role",
                "auditor",
                "--from",
                "2025-01-01",
                "--to",
                "2024-01-01"
            ]
        )),
        1
    );
    let out = a.on(
        &["roles", "add"],
        &["--name", "070761-4285", "--role", "auditor"],
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("national identity"));
    assert_eq!(a.sha(), before);
}

#[test]
fn orgs_add_with_agreement_and_third_country() {
    let a = Archive::init("DK");
    let o = a.json(
        &["orgs", "add"],
        &[
            "--name",
            "Roskilde Andelsadministration ApS",
            "--kind",
            "administrator",
            "--dpa-signed",
            "2023-02-01",
        ],
    );
    assert_eq!(o["dpa_signed_on"], "2023-02-01");
    let o = a.json(
        &["orgs", "add"],
        &[
            "--name",
            "Postbud Nyhedsbreve Inc.",
            "--kind",
            "newsletter",
            "--third-country",
            "us",
        ],
    );
    assert_eq!(o["third_country"], "US");
    let before = a.sha();
    assert_eq!(
        code(&a.on(
            &["orgs", "add"],
            &[
                "--name",
                "Skyen GmbH",
                "--kind",
                "cloud",
                "--third-country",
                "DE"
            ]
        )),
        1
    );
    assert_eq!(
        code(&a.on(&["orgs", "add"], &["--name", "Skyen", "--kind", "weather"])),
        2
    );
    assert_eq!(
        code(&a.on(
            &["orgs", "add"],
            &[
                "--name",
                "Roskilde Andelsadministration ApS",
                "--kind",
                "other"
            ]
        )),
        1
    );
    assert_eq!(a.sha(), before);
    let list = a.json(&["orgs", "list"], &[]);
    assert_eq!(list.as_array().unwrap().len(), 2);
}

#[test]
fn sublets_add_decide_end_and_list() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    let s = a.json(
        &["sublets", "add"],
        &[
            "--unit",
            "12",
            "--subtenant",
            "Jonas Lyng",
            "--from",
            "2025-02-01",
            "--to",
            "2025-12-31",
            "--reason",
            "Arbejde i udlandet",
            "--requested",
            "2025-01-05",
        ],
    );
    assert_eq!(s["status"], "requested");
    assert_eq!(s["owner_name"], "Benedikte af Rosenborg-Friis");
    let id = s["id"].to_string();
    // Overlapping the first: refused, archive unchanged.
    let before = a.sha();
    let out = a.on(
        &["sublets", "add"],
        &[
            "--unit",
            "12",
            "--subtenant",
            "Eva Storm",
            "--from",
            "2025-06-01",
            "--to",
            "2026-05-31",
        ],
    );
    assert_eq!(code(&out), 1);
    assert!(String::from_utf8_lossy(&out.stderr).contains("overlaps"));
    assert_eq!(a.sha(), before);
    // No such unit.
    assert_eq!(
        code(&a.on(
            &["sublets", "add"],
            &[
                "--unit",
                "99",
                "--subtenant",
                "Eva Storm",
                "--from",
                "2025-06-01",
                "--to",
                "2026-05-31"
            ]
        )),
        1
    );
    // --approve or --reject is required, and only one of them.
    assert_eq!(code(&a.on(&["sublets", "decide"], &[&id])), 2);
    assert_eq!(
        code(&a.on(&["sublets", "decide"], &[&id, "--approve", "--reject"])),
        2
    );
    // The deciding board member is the person named like ANDEL_ACTOR.
    let d = a.json(
        &["sublets", "decide"],
        &[&id, "--approve", "--date", "2025-01-15"],
    );
    assert_eq!(d["decision"], "approved");
    assert_eq!(d["decided_on"], "2025-01-15");
    assert_eq!(d["decided_by_name"], "Katrine Hvidberg");
    assert_eq!(code(&a.on(&["sublets", "decide"], &[&id, "--reject"])), 1);
    // Its period is over and nobody closed it.
    let list = a.json(&["sublets", "list"], &[]);
    assert_eq!(list[0]["warnings"][0]["kind"], "overdue");
    let e = a.json(&["sublets", "end"], &[&id, "--date", "2025-12-31"]);
    assert_eq!(e["status"], "ended");
    assert_eq!(e["ended_on"], "2025-12-31");
    assert_eq!(code(&a.on(&["sublets", "end"], &[&id])), 1);
    // The approval proposed a name plate for the subtenant.
    let plates = a.json(&["plates", "list"], &[]);
    assert_eq!(plates[0]["lines"], serde_json::json!(["Jonas Lyng"]));
    // A second request, rejected.
    let s2 = a.json(
        &["sublets", "add"],
        &[
            "--unit",
            "12",
            "--subtenant",
            "Eva Storm",
            "--from",
            "2030-01-01",
            "--to",
            "2030-06-30",
        ],
    );
    let id2 = s2["id"].to_string();
    let r = a.json(&["sublets", "decide"], &[&id2, "--reject"]);
    assert_eq!(r["status"], "rejected");
    let text = a.ok_on(&["sublets", "list"], &[]);
    assert!(text.contains("Jonas Lyng"), "{text}");
}

#[test]
fn plates_add_list_sent_mounted() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    a.ok_on(
        &["orgs", "add"],
        &[
            "--name",
            "Roskilde Ejendomsservice ApS",
            "--kind",
            "caretaker",
        ],
    );
    let p = a.json(
        &["plates", "add"],
        &[
            "--unit",
            "4",
            "--line",
            "Sanne Rosendahl",
            "--line",
            "Kenneth Rosendahl",
            "--kind",
            "door",
            "--kind",
            "intercom",
            "--on",
            "2026-03-01",
        ],
    );
    assert_eq!(p["status"], "draft");
    assert_eq!(p["kinds"], serde_json::json!(["door", "intercom"]));
    // The order keeps the day it was made, not the day it was typed in.
    assert_eq!(p["created_on"], "2026-03-01");
    let id = p["id"].to_string();
    let before = a.sha();
    assert_eq!(code(&a.on(&["plates", "mounted"], &[&id])), 1);
    assert_eq!(
        code(&a.on(&["plates", "add"], &["--unit", "4", "--kind", "door"])),
        2
    );
    assert_eq!(
        code(&a.on(
            &["plates", "add"],
            &["--unit", "4", "--line", "X", "--kind", "window"]
        )),
        2
    );
    assert_eq!(
        code(&a.on(&["plates", "sent"], &[&id, "--to", "Nobody ApS"])),
        1
    );
    // Not dated after today, and not sent before it was made.
    assert_eq!(
        code(&a.on(
            &["plates", "add"],
            &["--unit", "4", "--line", "X", "--on", "2999-01-01"]
        )),
        1
    );
    assert_eq!(
        code(&a.on(&["plates", "sent"], &[&id, "--date", "2026-02-28"])),
        1
    );
    assert_eq!(a.sha(), before);
    // Without --to, the one caretaker.
    let s = a.json(&["plates", "sent"], &[&id, "--date", "2026-03-02"]);
    assert_eq!(s["status"], "sent");
    assert_eq!(s["sent_to_name"], "Roskilde Ejendomsservice ApS");
    assert_eq!(
        code(&a.on(&["plates", "mounted"], &[&id, "--date", "2026-03-01"])),
        1
    );
    let m = a.json(&["plates", "mounted"], &[&id, "--date", "2026-03-09"]);
    assert_eq!(m["status"], "mounted");
    assert_eq!(m["mounted_on"], "2026-03-09");
    // A second order, sent to an organisation named explicitly.
    let p2 = a.json(
        &["plates", "add"],
        &["--unit", "7", "--line", "Jesper Tang"],
    );
    let id2 = p2["id"].to_string();
    let s2 = a.json(
        &["plates", "sent"],
        &[&id2, "--to", "roskilde ejendomsservice aps"],
    );
    assert_eq!(s2["status"], "sent");
    let list = a.json(&["plates", "list"], &[]);
    assert_eq!(list.as_array().unwrap().len(), 2);
    let text = a.ok_on(&["plates", "list"], &[]);
    assert!(
        text.contains("Sanne Rosendahl / Kenneth Rosendahl"),
        "{text}"
    );
}

#[test]
fn the_demo_has_a_register() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(["demo", "--vault", "demo.andel"])
        .current_dir(dir.path())
        .env("ANDEL_SCRYPT_WORK_FACTOR", "10")
        .output()
        .unwrap();
    assert!(out.status.success());
    let passphrase = String::from_utf8(out.stdout).unwrap().trim().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_andel"))
        .args(["info", "--vault", "demo.andel", "--json"])
        .current_dir(dir.path())
        .env("ANDEL_PASSPHRASE", &passphrase)
        .output()
        .unwrap();
    assert!(out.status.success());
    let info: Value = serde_json::from_slice(&out.stdout).unwrap();
    let counts = &info["counts"];
    assert_eq!(counts["units"], 40);
    assert_eq!(counts["sublets"], 2);
    assert_eq!(counts["organisations"], 6);
    assert!(counts["people"].as_u64().unwrap() > 40);
    assert!(counts["ownerships"].as_u64().unwrap() > 40);
    assert!(counts["roles"].as_u64().unwrap() >= 6);
    assert_eq!(counts["name_plate_orders"], 3);
}

#[test]
fn units_show_and_people_show_give_the_whole_history() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    a.import("ronnebaerhaven-2025.csv", &[]);
    let page = a.json(&["units", "show"], &["3"]);
    let owners: Vec<&str> = page["ownerships"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["person_name"].as_str().unwrap())
        .collect();
    assert_eq!(owners, ["Mogens Elkjær", "Ida Bech"]);
    assert_eq!(page["ownerships"][0]["to"], "2025-03-01");
    assert_eq!(page["plates"][0]["lines"], serde_json::json!(["Ida Bech"]));
    let text = a.ok_on(&["units", "show"], &["3"]);
    assert!(text.contains("Mogens Elkjær"), "{text}");
    let person = a.json(&["people", "show"], &["--person-name", "mogens elkjær"]);
    assert_eq!(person["standing"], "former");
    assert_eq!(code(&a.on(&["units", "show"], &["99"])), 1);
    assert_eq!(
        code(&a.on(&["people", "show"], &["--person-name", "Nobody"])),
        1
    );
}

#[test]
fn plates_order_writes_the_caretakers_pdf_with_nothing_else_personal() {
    let a = Archive::init("DK");
    a.import("ronnebaerhaven.csv", &[]);
    a.ok_on(
        &["orgs", "add"],
        &[
            "--name",
            "Roskilde Ejendomsservice ApS",
            "--kind",
            "caretaker",
        ],
    );
    // Drop the drafts the import proposed, so the order holds exactly the two below.
    for o in a.json(&["plates", "list"], &[]).as_array().unwrap() {
        let id = o["id"].to_string();
        a.ok_on(&["plates", "sent"], &[&id]);
    }
    let first = a.json(
        &["plates", "add"],
        &[
            "--unit",
            "2",
            "--line",
            "Freja Bundgaard-Vest",
            "--kind",
            "door",
        ],
    );
    let second = a.json(
        &["plates", "add"],
        &[
            "--unit",
            "1",
            "--line",
            "Åse Tranberg",
            "--line",
            "Øjvind Læssøe",
        ],
    );
    let before = a.sha();
    let out = a.dir.path().join("order.pdf");
    let said = a.ok_on(&["plates", "order"], &["--out", "order.pdf"]);
    assert!(said.contains("order.pdf"), "{said}");
    assert_eq!(
        a.sha(),
        before,
        "writing the order must not change the archive"
    );
    qpdf_check(&out);
    let text = pdftotext_layout(&out);
    assert!(text.contains("Bestilling af navneskilte"), "{text}");
    assert!(text.contains("Roskilde Ejendomsservice ApS"), "{text}");
    assert!(text.contains("Freja Bundgaard-Vest"), "{text}");
    assert!(text.contains("Øjvind Læssøe"), "{text}");
    assert!(text.contains(&format!("#{}", first["id"])), "{text}");
    assert!(text.contains(&format!("#{}", second["id"])), "{text}");
    // Residents' phone numbers and e-mail addresses stay out.
    assert!(!text.contains("29914406"), "{text}");
    assert!(!text.contains("freja.bv@gmail.com"), "{text}");

    // One order by number, in English, recorded as sent.
    let id = first["id"].to_string();
    a.ok_on(
        &["plates", "order"],
        &[
            "--id",
            &id,
            "--lang",
            "en",
            "--out",
            "one.pdf",
            "--mark-sent",
        ],
    );
    let one = pdftotext_layout(&a.dir.path().join("one.pdf"));
    assert!(one.contains("Name-plate order"), "{one}");
    assert!(!one.contains("Læssøe"), "{one}");
    let sent = a.json(&["plates", "list"], &[]);
    let status = |id: &Value| {
        sent.as_array()
            .unwrap()
            .iter()
            .find(|o| o["id"] == *id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status(&first["id"]), "sent");
    assert_eq!(status(&second["id"]), "draft");

    // Nothing left to order: exit 1, a message, no file.
    a.ok_on(&["plates", "sent"], &[&second["id"].to_string()]);
    let none = a.on(&["plates", "order"], &["--out", "none.pdf"]);
    assert_eq!(code(&none), 1);
    assert!(String::from_utf8_lossy(&none.stderr).contains("No name-plate orders"));
    assert!(!a.dir.path().join("none.pdf").exists());
    assert_eq!(
        code(&a.on(&["plates", "order"], &["--lang", "de", "--out", "x.pdf"])),
        1
    );
}

#[test]
fn generate_writes_man_pages_and_completions_from_the_arguments() {
    let a = Archive::empty();
    a.ok(&["generate", "--out", "gen"]);
    let read = |p: &str| std::fs::read_to_string(a.path(p)).unwrap();
    let man = read("gen/man/andel.1");
    assert!(man.contains(".TH andel 1"), "{man}");
    assert!(man.contains("andel\\-requests(1)"), "{man}");
    // One page per subcommand, down to the leaves, with their own flags.
    let list = read("gen/man/andel-requests-list.1");
    assert!(list.contains("\\-\\-json"), "{list}");
    let bash = read("gen/completions/andel.bash");
    assert!(bash.contains("complete -F _andel"), "{bash}");
    assert!(bash.contains("requests"), "{bash}");
    let zsh = read("gen/completions/_andel");
    assert!(zsh.starts_with("#compdef andel"), "{zsh}");
}

#[test]
fn a_closed_pipe_ends_the_command_quietly() {
    use std::process::Stdio;
    let a = Archive::demo();
    // Far more than a pipe holds (64 KiB): the write meets the closed pipe whenever the reader
    // goes, so this never passes by luck of timing.
    let text = "Ring til Jonas på 23 45 67 89 eller skriv til jonas@example.dk.\n".repeat(4000);
    std::fs::write(a.path("big.txt"), text).unwrap();
    for args in [
        &["detect", "big.txt", "--json"][..],
        &["requests", "list", "--vault", "d.andel", "--json"][..],
    ] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_andel"))
            .args(args)
            .current_dir(a.dir.path())
            .env("ANDEL_PASSPHRASE", crate::support::DEMO_PASSPHRASE)
            .env("ANDEL_SCRYPT_WORK_FACTOR", "10")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // `| head` that has read enough: the reading end closes.
        drop(child.stdout.take());
        let out = child.wait_with_output().unwrap();
        assert_eq!(String::from_utf8_lossy(&out.stderr), "", "{args:?}");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
    }
}

/// Issue 17: the longest sublet is the association's rule, set from its statutes; until then the
/// country's default is shown as a default, with its source.
#[test]
fn sublet_rules_are_the_associations_with_the_default_labelled() {
    let a = Archive::init("NO");
    let shown = a.ok(&["sublets", "rules", "show", "--vault", "v.andel"]);
    assert!(
        shown.contains("36 months, a default from borettslagsloven § 5-5"),
        "{shown}"
    );
    let set = a.ok(&[
        "sublets",
        "rules",
        "set",
        "--vault",
        "v.andel",
        "--max-months",
        "24",
    ]);
    assert!(set.contains("24 months (the association's rule"), "{set}");
    let json: Value =
        serde_json::from_str(&a.ok(&["sublets", "rules", "show", "--vault", "v.andel", "--json"]))
            .unwrap();
    assert_eq!(json["months"], 24);
    assert_eq!(json["set_by_board"], true);
    let out = a.run(&[
        "sublets",
        "rules",
        "set",
        "--vault",
        "v.andel",
        "--max-months",
        "0",
    ]);
    assert_eq!(code(&out), 1);
}
