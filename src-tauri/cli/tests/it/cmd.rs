//! Command lines pinned whole: for each command family its success, its usage error (exit 2) and
//! its "you must act" error (exit 1, or 3 when personal data was found), with the exact stdout and
//! stderr a script or a board member sees. The other modules check shapes field by field; these
//! cases catch any change of wording, exit code or stream.
//!
//! After a deliberate change of output, rewrite the snapshots with
//! `SNAPSHOTS=overwrite cargo test -p andel-cli --test it cmd::` and read the diff.
//! `[DIR]` stands for the archive's temp folder; `[..]` matches the rest of a line that differs
//! on every run (a random fingerprint, today's date).

use snapbox::cmd::Command;
use snapbox::{str, Assert, Redactions};

use crate::support::{Archive, ACTOR, PASSPHRASE};

/// `andel ARGS` in the archive's folder, with the environment `support` uses (passphrase, cheap
/// scrypt, fixed actor) and the folder's path redacted as `[DIR]`.
fn andel(a: &Archive, args: &[&str]) -> Command {
    let mut redactions = Redactions::new();
    redactions
        .insert("[DIR]", a.dir.path().to_path_buf())
        .expect("a temp folder's path is a valid redaction");
    Command::new(env!("CARGO_BIN_EXE_andel"))
        .with_assert(
            Assert::new()
                .action_env("SNAPSHOTS")
                .redact_with(redactions),
        )
        .args(args)
        .current_dir(a.dir.path())
        .env("ANDEL_PASSPHRASE", PASSPHRASE)
        .env("ANDEL_SCRYPT_WORK_FACTOR", "10")
        .env("ANDEL_ACTOR", ACTOR)
        .env("NO_COLOR", "1")
        .env_remove("ANDEL_NEW_PASSPHRASE")
}

/// An archive with three residents of A/B Rønnebærhaven (units 4, 17 and 21).
fn with_residents() -> Archive {
    residents_in("DK")
}

/// The same three residents in an association of the given country.
fn residents_in(country: &str) -> Archive {
    let a = Archive::init(country);
    std::fs::write(
        a.path("residents.csv"),
        "Andelsnr;Navn;Adresse;Etage;Postnr og by;Telefon\n\
         17;Freja Bundgaard;Rønnebærvej 17;2. tv.;4000 Roskilde;23 45 67 89\n\
         21;Ole Brink;Rønnebærvej 21;st. th.;4000 Roskilde;\n\
         4;Søren Vestergaard;Rønnebærvej 4;2. tv.;4000 Roskilde;\n",
    )
    .unwrap();
    a.ok(&["import", "residents", "--vault", "v.andel", "residents.csv"]);
    a
}

#[test]
fn version_and_no_command() {
    let a = Archive::empty();
    andel(&a, &["--version"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
andel 0.1.0

"#]])
        .stderr_eq(str![]);
    andel(&a, &[]).assert().code(2).stdout_eq(str![]).stderr_eq(str![[r#"
Andel: the board's register, minutes and GDPR paperwork in one encrypted archive

Usage: andel <COMMAND>

Commands:
  init         Create a new, empty archive
  info         Show what an archive holds
  passwd       Change the archive's passphrase (new one from ANDEL_NEW_PASSPHRASE or a prompt)
  association  The association's own record
  demo         Write the demo archive and print its passphrase
  import       Import the administrator's resident list
  units        The units of the association
  people       Owners, subtenants and officials
  roles        The board and other roles
  orgs         Organisations: administrator, caretaker, cloud archive, newsletter, bank, auditor
  sublets      Sublet requests, decisions and periods
  plates       Name-plate orders for the caretaker
  overview     What needs the board's attention now
  minutes      The minutes archive: import, list, full-text search
  notice       Write the privacy notice (GDPR Art. 13/14) as PDF, or as HTML or Markdown for the website, and record its edition
  record       Write the record of processing activities (GDPR Art. 30) as PDF, or as HTML or Markdown
  detect       Find personal data in minutes (.txt, .md, .docx, .pdf)
  redact       Write redacted minutes (.txt, .md, .html, .pdf); refused if the re-scan finds anything
  verify       Check that a file holds no personal data (exit 3 and the kinds found if it does)
  requests     Residents' requests (access, erasure, …) with their deadlines, and the access reply
  erase        Erase a person from the register, keeping what must be kept (explained first)
  retention    Retention rules and the sweep of what is past them
  handover     Hand the archive to the next board: a new file, a new passphrase or keys, a receipt PDF
  generate     Write the man pages and the bash and zsh completions into a folder (the .deb has them)
  help         Print this message or the help of the given subcommand(s)

Options:
  -h, --help     Print help
  -V, --version  Print version

The passphrase comes from a prompt, --passphrase-file or ANDEL_PASSPHRASE; archives encrypted to keys open with --identity KEYFILE.

"#]]);
}

#[test]
fn init_creates_refuses_to_overwrite_and_checks_the_country() {
    let a = Archive::empty();
    let init = |name: &str, country: &str| {
        andel(
            &a,
            &[
                "init",
                "--vault",
                name,
                "--association",
                "A/B Rønnebærhaven",
                "--country",
                country,
            ],
        )
    };
    init("v.andel", "DK")
        .assert()
        .success()
        .stdout_eq(str![[r#"
Created v.andel for A/B Rønnebærhaven.

"#]])
        .stderr_eq(str![]);
    init("v.andel", "DK")
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: A file already exists at v.andel. Choose another name; Andel does not overwrite it.

"#]]);
    init("w.andel", "XX")
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: invalid value 'XX' for '--country <DK|NO|SE>': Unknown country "XX": use DK, NO or SE.

For more information, try '--help'.

"#]]);
    assert!(!a.path("w.andel").exists());
}

#[test]
fn info_shows_the_archive_or_says_why_it_cannot_open() {
    let a = Archive::init("NO");
    andel(&a, &["info", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
A/B Rønnebærhaven (NO)
  encryption    one passphrase
  schema        version [..]
  auto-lock     after 10 minutes
  audit trail   1 entries
  fingerprint   sha256:[..]

"#]])
        .stderr_eq(str![]);
    andel(&a, &["info", "--vault", "v.andel"])
        .env("ANDEL_PASSPHRASE", "not the passphrase")
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: The passphrase is not right for this archive. Check the spelling and Caps Lock; after a handover the passphrase is the new board's.
hint: Give the passphrase with --passphrase-file FILE, ANDEL_PASSPHRASE, or at the prompt.

"#]]);
    andel(&a, &["info", "--vault", "v.andel"])
        .env_remove("ANDEL_PASSPHRASE")
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: No passphrase given.
hint: Use --passphrase-file FILE or set ANDEL_PASSPHRASE; on a terminal you are asked.

"#]]);
    std::fs::write(a.path("notes.andel"), "shopping list\n").unwrap();
    andel(&a, &["info", "--vault", "notes.andel"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: This file is not an Andel archive. Choose a file ending in .andel that Andel created.

"#]]);
}

#[test]
fn import_residents_plans_applies_and_refuses() {
    let a = Archive::init("DK");
    std::fs::write(
        a.path("residents.csv"),
        "Andelsnr;Navn;Adresse\n17;Freja Bundgaard;Rønnebærvej 17\n21;Ole Brink;Rønnebærvej 21\n",
    )
    .unwrap();
    let before = a.sha();
    andel(
        &a,
        &[
            "import",
            "residents",
            "--vault",
            "v.andel",
            "residents.csv",
            "--dry-run",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
The list holds 2 units, 2 people and 2 ownerships.
Would add 2, changed 0, ended 0; 0 rows not taken.
  add    unit 17       Freja Bundgaard                new owner
  add    unit 21       Ole Brink                      new owner
Nothing was changed (--dry-run).

"#]])
    .stderr_eq(str![]);
    assert_eq!(a.sha(), before, "--dry-run wrote the archive");
    andel(
        &a,
        &["import", "residents", "--vault", "v.andel", "residents.csv"],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
The list holds 2 units, 2 people and 2 ownerships.
Added 2, changed 0, ended 0; 0 rows not taken.
  add    unit 17       Freja Bundgaard                new owner
  add    unit 21       Ole Brink                      new owner

"#]])
    .stderr_eq(str![]);
    std::fs::write(a.path("list.csv"), "vm\nx\n").unwrap();
    let after = a.sha();
    andel(&a, &["import", "residents", "--vault", "v.andel", "list.csv"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: Andel found no column with the share or flat number in this list (its columns are: "vm"). Say which column holds it with --map "COLUMN=field".

"#]]);
    andel(
        &a,
        &[
            "import",
            "residents",
            "--vault",
            "v.andel",
            "residents.csv",
            "--bogus",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: unexpected argument '--bogus' found

  tip: to pass '--bogus' as a value, use '-- --bogus'

Usage: andel import residents --vault <FILE> <FILE>

For more information, try '--help'.

"#]]);
    assert_eq!(a.sha(), after, "a refused import wrote the archive");
}

#[test]
fn units_and_people_list_and_show() {
    let a = with_residents();
    andel(&a, &["units", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
4        Rønnebærvej 4, 2. tv.            Søren Vestergaard
17       Rønnebærvej 17, 2. tv.           Freja Bundgaard
21       Rønnebærvej 21, st. th.          Ole Brink

"#]])
        .stderr_eq(str![]);
    andel(&a, &["people", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1     Freja Bundgaard                  unit 17
#2     Ole Brink                        unit 21
#3     Søren Vestergaard                unit 4

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[
            "people",
            "show",
            "--vault",
            "v.andel",
            "--person-name",
            "Nobody Known",
        ],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: There is no person named Nobody Known in the register.
hint: `andel people list --json` (and --former) shows each person's id and name.

"#]]);
    andel(&a, &["people", "show", "--vault", "v.andel"])
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: the following required arguments were not provided:
  <--person <ID>|--person-name <NAME>>

Usage: andel people show --vault <FILE> <--person <ID>|--person-name <NAME>>

For more information, try '--help'.

"#]]);
}

#[test]
fn roles_add_and_a_role_that_does_not_exist() {
    let a = with_residents();
    andel(
        &a,
        &[
            "roles",
            "add",
            "--vault",
            "v.andel",
            "--person-name",
            "Ole Brink",
            "--role",
            "chair",
            "--from",
            "2024-04-01",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Ole Brink is chair (role #1).

"#]])
    .stderr_eq(str![]);
    andel(
        &a,
        &[
            "roles",
            "add",
            "--vault",
            "v.andel",
            "--person-name",
            "Ole Brink",
            "--role",
            "emperor",
            "--from",
            "2024-04-01",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value 'emperor' for '--role <KIND>': Unknown role "emperor": use chair, vice-chair, treasurer, secretary, board-member, alternate, meeting-chair, minute-taker, auditor, nomination-committee or webmaster.

For more information, try '--help'.

"#]]);
    andel(&a, &["roles", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    chair                  Ole Brink                      from 2024-04-01

"#]])
        .stderr_eq(str![]);
}

#[test]
fn orgs_add_and_list() {
    let a = Archive::init("SE");
    andel(
        &a,
        &[
            "orgs",
            "add",
            "--vault",
            "v.andel",
            "--name",
            "Fastighetsskötsel Berg AB",
            "--kind",
            "caretaker",
            "--dpa-signed",
            "2025-06-01",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Added Fastighetsskötsel Berg AB (caretaker, #1).

"#]])
    .stderr_eq(str![]);
    andel(&a, &["orgs", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    caretaker      Fastighetsskötsel Berg AB                agreement signed 2025-06-01

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[
            "orgs",
            "add",
            "--vault",
            "v.andel",
            "--name",
            "Fastighetsskötsel Berg AB",
            "--kind",
            "caretaker",
            "--dpa-signed",
            "1 June",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value '1 June' for '--dpa-signed <YYYY-MM-DD>': "1 June" is not a date; write it as YYYY-MM-DD

For more information, try '--help'.

"#]]);
}

#[test]
fn sublets_rules_and_a_request_for_an_unknown_unit() {
    let a = with_residents();
    andel(&a, &["sublets", "rules", "show", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Longest sublet: 24 months, a default from ABF's model statutes § 11 (temporary absence, up to two years); the law sets no maximum, your statutes decide. Set your statutes' maximum with `andel sublets rules set --max-months N`.

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[
            "sublets",
            "add",
            "--vault",
            "v.andel",
            "--unit",
            "99",
            "--subtenant",
            "Ida Mørk",
            "--from",
            "2026-01-01",
            "--to",
            "2026-12-31",
            "--requested",
            "2025-11-01",
        ],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: There is no unit 99 in the register. `andel units list` shows the units.

"#]]);
}

#[test]
fn sublets_decide_on_norways_special_grounds() {
    let a = residents_in("NO");
    a.ok(&[
        "sublets",
        "add",
        "--vault",
        "v.andel",
        "--unit",
        "17",
        "--subtenant",
        "Ola Nordmann",
        "--from",
        "2030-01-01",
        "--to",
        "2034-12-31",
        "--requested",
        "2026-11-01",
    ]);
    andel(&a, &["sublets", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    unit 17       Ola Nordmann                 2030-01-01 to 2034-12-31  requested
      warning: runs about 60 months, longer than the 36 months allowed

"#]])
        .stderr_eq(str![]);
    // Grounds are the reason for an approval, not a rejection.
    andel(
        &a,
        &[
            "sublets",
            "decide",
            "1",
            "--vault",
            "v.andel",
            "--reject",
            "--special-grounds",
            "absence",
        ],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: Special grounds are the reason for an approval; a rejection has none.

"#]]);
    andel(
        &a,
        &[
            "sublets",
            "decide",
            "1",
            "--vault",
            "v.andel",
            "--approve",
            "--special-grounds",
            "illness",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value 'illness' for '--special-grounds <GROUNDS>': Unknown special grounds "illness": use legal-person, absence, relative or family-law (borettslagsloven § 5-6 (1) nr. 1–4).

For more information, try '--help'.

"#]]);
    andel(
        &a,
        &[
            "sublets",
            "decide",
            "1",
            "--vault",
            "v.andel",
            "--approve",
            "--date",
            "2026-11-10",
            "--special-grounds",
            "absence",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
#1    unit 17       Ola Nordmann                 2030-01-01 to 2034-12-31  approved
      special grounds: the owner is temporarily away (work, study, military service, illness or other weighty reasons) (borettslagsloven § 5-6 (1) nr. 2)

"#]])
        .stderr_eq(str![]);
    // A Danish association has no special grounds: its limit is its statutes'.
    let dk = with_residents();
    dk.ok(&[
        "sublets",
        "add",
        "--vault",
        "v.andel",
        "--unit",
        "17",
        "--subtenant",
        "Ida Mørk",
        "--from",
        "2030-01-01",
        "--to",
        "2034-12-31",
        "--requested",
        "2026-11-01",
    ]);
    andel(
        &dk,
        &[
            "sublets",
            "decide",
            "1",
            "--vault",
            "v.andel",
            "--approve",
            "--special-grounds",
            "relative",
        ],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: Special grounds (borettslagsloven § 5-6) exist only for a Norwegian borettslag; this association's limit is its statutes' maximum.

"#]]);
}

#[test]
fn minutes_import_list_search_and_a_file_that_is_not_minutes() {
    let a = with_residents();
    std::fs::write(
        a.path("gf-2025.txt"),
        "Referat af generalforsamling 2025\n\nDirigent: Ole Brink.\nVedligeholdelsesplanen blev vedtaget.\n",
    )
    .unwrap();
    andel(
        &a,
        &[
            "minutes",
            "import",
            "--vault",
            "v.andel",
            "gf-2025.txt",
            "--date",
            "2025-04-24",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Imported minutes #1: gf-2025.txt (2025-04-24, ordinary general assembly, 94 characters)

"#]])
    .stderr_eq(str![]);
    andel(&a, &["minutes", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    2025-04-24  ordinary general assembly       Referat af generalforsamling 2025

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &["minutes", "search", "--vault", "v.andel", "vedligeholdelsesplanen"],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
#1    2025-04-24  Referat af generalforsamling 2025
      Referat af generalforsamling 2025 Dirigent: Ole Brink. **Vedligeholdelsesplanen** blev vedtaget.

"#]])
    .stderr_eq(str![]);
    std::fs::write(
        a.path("program.txt"),
        b"\x7fELF\x02\x01\x01\0\0\0\0\0\0\0\0\0",
    )
    .unwrap();
    andel(&a, &["minutes", "import", "--vault", "v.andel", "program.txt"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: program.txt: This file does not hold text (it looks like a program or an image). Choose the minutes as .txt, .md, .docx or .pdf.

"#]]);
}

#[test]
fn detect_redact_and_verify() {
    let a = with_residents();
    std::fs::write(
        a.path("referat.txt"),
        "Freja Bundgaard (Rønnebærvej 17) spurgte til altanerne. Ring 23 45 67 89.\n",
    )
    .unwrap();
    andel(&a, &["detect", "--vault", "v.andel", "referat.txt"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
     0–15     person      redact Freja Bundgaard  (a resident in the register, 1.00)
    61–72     phone       redact 23 45 67 89  (a resident's contact in the register, 1.00)

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[
            "redact",
            "--vault",
            "v.andel",
            "referat.txt",
            "--out",
            "referat-web.txt",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
Wrote referat-web.txt: 2 passages redacted, the re-scan found nothing left.

"#]]);
    andel(&a, &["verify", "--vault", "v.andel", "referat-web.txt"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
No personal data found.

"#]])
        .stderr_eq(str![]);
    andel(&a, &["verify", "--vault", "v.andel", "referat.txt"])
        .assert()
        .code(3)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: referat.txt still holds personal data: person, phone
hint: Redact it with `andel redact` before publishing.

"#]]);
    andel(&a, &["detect", "--vault", "v.andel", "missing.txt"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: There is no file at missing.txt. Check the name and the folder.

"#]]);
    // Minutes larger than their format allows are refused before they are read (a sparse file
    // declares 40 MB and costs nothing on disk).
    std::fs::File::create(a.dir.path().join("huge.txt"))
        .unwrap()
        .set_len(40 << 20)
        .unwrap();
    andel(&a, &["detect", "--vault", "v.andel", "huge.txt"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: huge.txt is 40 MB; Andel reads minutes in this format up to 32 MB. Split the file, or export a smaller one.

"#]]);
}

#[test]
fn the_notice_needs_a_way_to_reach_the_board() {
    let a = Archive::init("DK");
    andel(&a, &["notice", "--vault", "v.andel", "--out", "notice.pdf"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: The association has neither an address nor an e-mail address, and a privacy notice must say how to reach the board: fill in at least one (in the app under Settings, or with `andel association set --address … --email …`), then issue the notice.

"#]]);
    assert!(!a.path("notice.pdf").exists());
    andel(
        &a,
        &[
            "association",
            "set",
            "--vault",
            "v.andel",
            "--email",
            "bestyrelsen@roennebaerhaven.example",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Saved the record of A/B Rønnebærhaven.

"#]])
    .stderr_eq(str![]);
    andel(&a, &["notice", "--vault", "v.andel", "--out", "notice.pdf"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Wrote notice.pdf ([..] KB): Privatlivspolitik for A/B Rønnebærhaven
Issued version 1 (da), effective [..]; the archive records the edition.

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[
            "notice",
            "--vault",
            "v.andel",
            "--out",
            "notice.pdf",
            "--lang",
            "fr",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value 'fr' for '--lang <da|nb|sv|en>': Unknown language "fr": use da, nb, sv or en.

For more information, try '--help'.

"#]]);
}

#[test]
fn requests_add_list_and_no_reply_before_the_identity_check() {
    let a = with_residents();
    andel(
        &a,
        &[
            "requests",
            "add",
            "--vault",
            "v.andel",
            "--kind",
            "access",
            "--person-name",
            "Freja Bundgaard",
            "--received",
            "2026-01-30",
            "--channel",
            "e-mail",
        ],
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Recorded access request #1 from Freja Bundgaard (in the register). Answer by 2026-02-28.

"#]])
    .stderr_eq(str![]);
    andel(&a, &["requests", "list", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    access         Freja Bundgaard              received 2026-01-30  due 2026-02-28 (a Saturday)  OVERDUE by [..] days

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &["requests", "reply", "--vault", "v.andel", "1", "--out", "reply.pdf"],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: Request #1 has no note of how the requester's identity was checked. Check who is asking and note how (never a copy of an ID) before the reply is written: it would otherwise hand someone's data to whoever wrote in their name.
hint: Run `andel requests identity --vault V 1 --how "…"` first (for example "called back on the phone number in the register").

"#]]);
    andel(
        &a,
        &[
            "requests",
            "add",
            "--vault",
            "v.andel",
            "--kind",
            "gossip",
            "--person-name",
            "Freja Bundgaard",
            "--received",
            "2026-01-30",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value 'gossip' for '--kind <KIND>': Unknown kind of request "gossip": use access, rectification, erasure, restriction, objection or portability.

For more information, try '--help'.

"#]]);
}

#[test]
fn erase_explains_first_and_refuses_an_unknown_person() {
    let a = with_residents();
    andel(
        &a,
        &[
            "erase",
            "--vault",
            "v.andel",
            "--person-name",
            "Nobody Known",
        ],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: There is no person named Nobody Known in the register.
hint: `andel people list --json` (and --former) shows each person's id and name.

"#]]);
    andel(&a, &["retention", "rules", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
former_owner_contact     60 months
former_subtenant_contact 12 months
rejected_sublet          12 months
mounted_plate_order      12 months
closed_request           36 months
minutes                  kept

"#]])
        .stderr_eq(str![]);
}

#[test]
fn generate_writes_into_a_folder_and_wants_one() {
    let a = Archive::empty();
    andel(&a, &["generate", "--out", "share"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
wrote the man pages to share/man and the completions to share/completions

"#]])
        .stderr_eq(str![]);
    andel(&a, &["generate"])
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: the following required arguments were not provided:
  --out <OUT>

Usage: andel generate --out <OUT>

For more information, try '--help'.

"#]]);
}

#[test]
fn handover_refuses_a_missing_new_passphrase() {
    let a = Archive::init("DK");
    andel(
        &a,
        &["handover", "--vault", "v.andel", "--out", "next.andel"],
    )
    .assert()
    .code(1)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: No new passphrase given.
hint: Set ANDEL_NEW_PASSPHRASE, or run the command on a terminal to be asked.

"#]]);
    assert!(!a.path("next.andel").exists());
}

#[test]
fn passwd_changes_the_passphrase_and_refuses_a_weak_one() {
    let a = Archive::init("DK");
    let before = a.sha();
    andel(&a, &["passwd", "--vault", "v.andel"])
        .env("ANDEL_NEW_PASSPHRASE", "short")
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: The new passphrase is weak; anyone with a copy of the archive could guess it. Nothing was changed. Choose a longer one: four or more random words are easy to type and hard to guess.

"#]]);
    assert_eq!(a.sha(), before, "a refused passphrase changed the archive");
    andel(&a, &["passwd"])
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: the following required arguments were not provided:
  --vault <FILE>

Usage: andel passwd --vault <FILE>

For more information, try '--help'.

"#]]);
    let new = "plum-harbour-lantern-quietly-7";
    andel(&a, &["passwd", "--vault", "v.andel"])
        .env("ANDEL_NEW_PASSPHRASE", new)
        .assert()
        .success()
        .stdout_eq(str![[r#"
The passphrase is changed. Give the new one to the board; the old one no longer opens the archive (older backups keep theirs).

"#]])
        .stderr_eq(str![]);
    andel(&a, &["info", "--vault", "v.andel"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: The passphrase is not right for this archive. Check the spelling and Caps Lock; after a handover the passphrase is the new board's.
hint: Give the passphrase with --passphrase-file FILE, ANDEL_PASSPHRASE, or at the prompt.

"#]]);
    andel(&a, &["units", "list", "--vault", "v.andel"])
        .env("ANDEL_PASSPHRASE", new)
        .assert()
        .success();
}

#[test]
fn demo_writes_an_archive_once() {
    let a = Archive::empty();
    andel(&a, &["demo", "--vault", "demo.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
demo-andel-2026

"#]])
        .stderr_eq(str![]);
    andel(&a, &["demo", "--vault", "demo.andel"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: A file already exists at demo.andel. Choose another name; Andel does not overwrite it.

"#]]);
    andel(&a, &["demo"])
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: the following required arguments were not provided:
  --vault <FILE>

Usage: andel demo --vault <FILE>

For more information, try '--help'.

"#]]);
}

#[test]
fn plates_add_list_order_and_refusals() {
    let a = with_residents();
    let v = ["--vault", "v.andel"];
    let add = |unit: &str, kind: Option<&str>| {
        let mut args = vec!["plates", "add", "--vault", "v.andel", "--unit", unit];
        args.extend(["--line", "Freja Bundgaard", "--on", "2026-11-20"]);
        if let Some(k) = kind {
            args.extend(["--kind", k]);
        }
        andel(&a, &args)
    };
    add("17", None)
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    unit 17       Freja Bundgaard                          door,mailbox           draft

"#]])
        .stderr_eq(str![]);
    add("99", None)
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: There is no unit 99 in the register. `andel units list` shows the units.

"#]]);
    add("17", Some("gate")).assert().code(2).stdout_eq(str![]).stderr_eq(str![[r#"
error: invalid value 'gate' for '--kind <KIND>': Unknown plate kind "gate": use door, mailbox or intercom.

For more information, try '--help'.

"#]]);
    andel(&a, &[&["plates", "list"][..], &v].concat())
        .assert()
        .success()
        .stdout_eq(str![[r#"
#1    unit 17       Freja Bundgaard                          door,mailbox           draft

"#]])
        .stderr_eq(str![]);
    andel(
        &a,
        &[&["plates", "order", "--out", "order.pdf"][..], &v].concat(),
    )
    .assert()
    .success()
    .stdout_eq(str![[r#"
Wrote order.pdf (19 KB): Bestilling af navneskilte
The orders stay drafts until you record them as sent: add --mark-sent, or `andel plates sent ID`.

"#]])
    .stderr_eq(str![]);
    andel(&a, &[&["plates", "mounted", "77"][..], &v].concat())
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: There is no name-plate order #77 in the register.

"#]]);
}

#[test]
fn overview_says_what_needs_attention_in_words() {
    let a = with_residents();
    // No notice was ever issued: the overview says so in words, not only in its JSON.
    andel(&a, &["overview", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
The privacy notice in Danish has never been issued: `andel notice --out FILE` issues version 1.

"#]])
        .stderr_eq(str![]);
    a.ok(&[
        "association",
        "set",
        "--vault",
        "v.andel",
        "--email",
        "bestyrelsen@example.org",
    ]);
    a.ok(&["notice", "--vault", "v.andel", "--out", "notice.pdf"]);
    andel(&a, &["overview", "--vault", "v.andel"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Nothing needs the board's attention.

"#]])
        .stderr_eq(str![]);
    andel(&a, &["overview"])
        .assert()
        .code(2)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: the following required arguments were not provided:
  --vault <FILE>

Usage: andel overview --vault <FILE>

For more information, try '--help'.

"#]]);
}

#[test]
fn record_writes_a_document_only_under_a_name_that_says_its_format() {
    let a = with_residents();
    andel(&a, &["record", "--vault", "v.andel", "--out", "record.md"])
        .assert()
        .success()
        .stdout_eq(str![[r#"
Wrote record.md (10 KB): Fortegnelse over behandlingsaktiviteter

"#]])
        .stderr_eq(str![]);
    andel(&a, &["record", "--vault", "v.andel", "--out", "record.txt"])
        .assert()
        .code(1)
        .stdout_eq(str![])
        .stderr_eq(str![[r#"
error: "record.txt" is not a name Andel writes documents under: end it in .pdf, or in .html or .md for the website.

"#]]);
    assert!(!a.path("record.txt").exists());
    andel(
        &a,
        &[
            "record", "--vault", "v.andel", "--lang", "fr", "--out", "r.pdf",
        ],
    )
    .assert()
    .code(2)
    .stdout_eq(str![])
    .stderr_eq(str![[r#"
error: invalid value 'fr' for '--lang <da|nb|sv|en>': Unknown language "fr": use da, nb, sv or en.

For more information, try '--help'.

"#]]);
}
