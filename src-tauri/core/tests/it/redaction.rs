//! The redaction engine against the labelled development set (`tests/fixtures/redaction-dev/`, a copy of
//! `shared/redaction-dev/`): detection + apply with the register loaded and no review must reach the
//! project's goals, scored exactly like `score.py` (NFC-normalised, case-sensitive substring tests).
//! Set `ANDEL_REDACT_OUT=DIR` to also write the outputs there for `python3 score.py DIR` (and
//! `ANDEL_REDACT_OUT_BOARD=DIR` for the outputs with only the board loaded).

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use andel_core::association::Country;
use andel_core::redact::{
    apply, detect, verify, Context, Decision, KnownPerson, Official, RoleKind, Style,
};
use proptest::prelude::*;
use unicode_normalization::UnicodeNormalization;

fn corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/redaction-dev")
}

fn nfc(s: &str) -> String {
    s.nfc().collect()
}

/// The register of one association, built from its `board.json` and `residents.csv`.
pub(crate) fn context(assoc: &Path) -> Context {
    let board: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(assoc.join("board.json")).unwrap()).unwrap();
    let country: Country = board["country"].as_str().unwrap().parse().unwrap();
    let mut ctx = Context::new(country);
    for key in ["board", "officials"] {
        for p in board[key].as_array().unwrap() {
            ctx.officials.push(Official {
                name: p["name"].as_str().unwrap().to_string(),
                role: RoleKind::from_title(p["role"].as_str().unwrap_or("")),
                valid_from: None,
                valid_to: None,
            });
        }
    }
    for c in board["companies"].as_array().unwrap() {
        ctx.organisations.push(c.as_str().unwrap().to_string());
    }
    ctx.places
        .push(board["association"].as_str().unwrap().to_string());
    ctx.places
        .push(board["address"].as_str().unwrap().to_string());

    let csv = std::fs::read_to_string(assoc.join("residents.csv")).unwrap();
    let mut lines = csv.lines();
    let header: Vec<String> = lines
        .next()
        .unwrap()
        .split(';')
        .map(|h| h.trim().trim_end_matches('.').to_lowercase())
        .collect();
    let col = |names: &[&str]| header.iter().position(|h| names.contains(&h.as_str()));
    let name_col = col(&["navn", "namn", "name", "andelshaver", "eier"]).unwrap();
    // A second owner of the same unit, in a column of its own.
    let co_owner_col = col(&["medeier", "medejer", "co-owner"]);
    let phone_col = col(&["mobil", "telefon", "tlf"]);
    let mail_col = col(&["e-post", "e-mail", "email", "epost"]);
    let addr_col = col(&["adresse", "adress", "address"]);
    // A Norwegian sameie numbers its units by section ("seksjon").
    // A Danish almen afdeling numbers its tenancies ("lejemål").
    let unit_col = col(&["andelsnr", "leilighet", "lgh", "seksjon", "lejemål"]);
    let floor_col = col(&["etage", "etasje", "våning"]);
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let cells: Vec<&str> = line.split(';').map(str::trim).collect();
        let get = |c: Option<usize>| {
            c.and_then(|i| cells.get(i))
                .filter(|v| !v.is_empty())
                .map(|v| v.to_string())
        };
        if let Some(addr) = get(addr_col) {
            let street: String = addr
                .split(|c: char| c.is_ascii_digit())
                .next()
                .unwrap_or("")
                .trim()
                .to_string();
            if !street.is_empty() && !ctx.places.contains(&street) {
                ctx.places.push(street);
            }
        }
        let names = [get(Some(name_col)), get(co_owner_col)];
        for name in names.into_iter().flatten() {
            ctx.residents.push(KnownPerson {
                name,
                flat: None,
                unit: get(unit_col),
                // The full address as a register holds it: street, number, floor and side.
                address: match (get(addr_col), get(floor_col)) {
                    (Some(a), Some(f)) => Some(format!("{a}, {f}")),
                    (a, _) => a,
                },
                phones: get(phone_col).into_iter().collect(),
                emails: get(mail_col).into_iter().collect(),
            });
        }
    }
    ctx
}

#[derive(Default)]
struct Tally {
    ok: usize,
    n: usize,
}

impl Tally {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += usize::from(ok);
    }
    fn rate(&self) -> f64 {
        if self.n == 0 {
            1.0
        } else {
            self.ok as f64 / self.n as f64
        }
    }
}

#[test]
fn development_set_meets_the_goals_with_the_register() {
    let (vanish, keep, misses) = score_dev_set(true);
    assert!(
        !misses.iter().any(|m| m.contains("re-scan")),
        "the re-scan of an output still finds something: {misses:#?}"
    );
    assert!(
        vanish >= 0.995,
        "vanish recall {vanish:.4} below 0.995: {misses:#?}"
    );
    assert!(keep >= 0.98, "keep rate {keep:.4} below 0.98: {misses:#?}");
}

/// People who are not in the register (guests, buyers, a resident the administrator's export missed)
/// must still go: with only the board loaded, the unknown-name and unit cues carry the dev set.
#[test]
fn development_set_without_residents_in_the_register() {
    let (vanish, keep, misses) = score_dev_set(false);
    assert!(
        !misses.iter().any(|m| m.contains("re-scan")),
        "the re-scan of an output still finds something: {misses:#?}"
    );
    assert!(
        vanish >= 0.95,
        "vanish recall {vanish:.4} below 0.95: {misses:#?}"
    );
    assert!(keep >= 0.98, "keep rate {keep:.4} below 0.98: {misses:#?}");
}

/// Detection + apply on every dev document, scored like `score.py`: (vanish recall, keep rate, misses).
fn score_dev_set(with_residents: bool) -> (f64, f64, Vec<String>) {
    let s = score_set(&corpus(), &|_| true, with_residents);
    assert_eq!(s.documents, 5);
    (s.vanish.rate(), s.keep.rate(), s.misses)
}

/// The scores of one labelled set (`docs/`, `labels/`, `assoc-*/`) as `score.py` counts them.
struct Score {
    documents: usize,
    vanish: Tally,
    keep: Tally,
    vanish_kind: BTreeMap<String, Tally>,
    misses: Vec<String>,
}

/// Detection + apply on every document of the set at `root` that `pick` takes (by file name), with the
/// association's register loaded (board and officials always; residents when `with_residents`).
fn score_set(root: &Path, pick: &dyn Fn(&str) -> bool, with_residents: bool) -> Score {
    let out_dir = std::env::var_os(if with_residents {
        "ANDEL_REDACT_OUT"
    } else {
        "ANDEL_REDACT_OUT_BOARD"
    })
    .map(PathBuf::from);
    let mut vanish = Tally::default();
    let mut keep = Tally::default();
    let mut vanish_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut keep_kind: BTreeMap<String, Tally> = BTreeMap::new();
    let mut misses = Vec::new();
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| pick(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    docs.sort();
    let documents = docs.len();
    for doc in docs {
        let name = doc.file_name().unwrap().to_string_lossy().to_string();
        let slug = name.rsplitn(3, '-').nth(2).unwrap().to_string();
        let mut ctx = context(&root.join(format!("assoc-{slug}")));
        if !with_residents {
            ctx.residents.clear();
        }
        let text = std::fs::read_to_string(&doc).unwrap();
        let findings = detect(&text, Some(&ctx));
        let output = apply(&text, &findings, Style::Block, Some(ctx.country)).unwrap();
        let rescan = verify(&output, Some(&ctx));
        if !rescan.is_empty() {
            misses.push(format!("{name}: the re-scan still finds {rescan:?}"));
        }
        if let Some(dir) = &out_dir {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(&name), &output).unwrap();
        }
        let output = nfc(&output);
        let labels: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("labels").join(name.replace(".txt", ".json")))
                .unwrap(),
        )
        .unwrap();
        for l in labels["vanish"].as_array().unwrap() {
            let t = nfc(l["text"].as_str().unwrap());
            let gone = !output.contains(&t);
            vanish.add(gone);
            vanish_kind
                .entry(l["kind"].as_str().unwrap().to_string())
                .or_default()
                .add(gone);
            if !gone {
                misses.push(format!("{name}: leaked {t:?}"));
            }
        }
        for l in labels["keep"].as_array().unwrap() {
            let t = nfc(l["text"].as_str().unwrap());
            let kept = output.contains(&t);
            keep.add(kept);
            keep_kind
                .entry(l["kind"].as_str().unwrap().to_string())
                .or_default()
                .add(kept);
            if !kept {
                misses.push(format!("{name}: over-redacted {t:?}"));
            }
        }
    }
    for (k, t) in &vanish_kind {
        println!(
            "vanish {k:12} {:3}/{:3} {:6.2}%",
            t.ok,
            t.n,
            100.0 * t.rate()
        );
    }
    for (k, t) in &keep_kind {
        println!(
            "keep   {k:12} {:3}/{:3} {:6.2}%",
            t.ok,
            t.n,
            100.0 * t.rate()
        );
    }
    println!(
        "{} ({documents} documents) {} residents: vanish recall {}/{} {:.2}%, keep rate {}/{} {:.2}%",
        root.file_name().unwrap_or_default().to_string_lossy(),
        if with_residents { "with" } else { "without" },
        vanish.ok,
        vanish.n,
        100.0 * vanish.rate(),
        keep.ok,
        keep.n,
        100.0 * keep.rate()
    );
    Score {
        documents,
        vanish,
        keep,
        vanish_kind,
        misses,
    }
}

#[test]
fn without_a_register_patterns_and_unknown_names_still_run() {
    let text = "Forslag fra Jens Nielsen, tlf. 29 91 44 06, jens@example.dk, cpr 110584-3638.";
    let f = detect(text, None);
    let texts: Vec<&str> = f
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .map(|f| f.text.as_str())
        .collect();
    assert_eq!(
        texts,
        vec![
            "Jens Nielsen",
            "29 91 44 06",
            "jens@example.dk",
            "110584-3638"
        ]
    );
}

/// Regression: a resident's street is a protected place, and it used to count as an
/// organisation vouching for the e-mail after it, so the resident's address was published.
#[test]
fn a_residents_email_after_a_protected_street_is_still_redacted() {
    let mut ctx = Context::new(Country::DK);
    ctx.places = vec![
        "A/B Rønnebærhaven".into(),
        "Rønnebærvej 2-16, 4000 Roskilde".into(),
        "Rønnebærvej".into(),
    ];
    ctx.organisations = vec!["Boligadministration Syd ApS".into()];
    let text =
        "Søren Vestergaard bad om en ny nøgle til Rønnebærvej 4, mail: soeren.v@example.dk.\n\n\
                Boligadministration Syd ApS kan kontaktes på post@bolig-syd.example.dk.";
    let found = detect(text, Some(&ctx));
    let decision = |needle: &str| {
        found
            .iter()
            .find(|f| f.text == needle)
            .map(|f| f.decision)
            .unwrap_or_else(|| panic!("{needle} was not found"))
    };
    assert_eq!(decision("soeren.v@example.dk"), Decision::Redact);
    assert_eq!(decision("post@bolig-syd.example.dk"), Decision::Keep);
}

/// Regression (a row house by its number as a noun): "femmeren er solgt", "beboerne i 6'eren" name the
/// house as "nr. 5" does, and were published; a number no house has stays.
#[test]
fn regression_a_house_by_its_number_as_a_noun() {
    let ctx = register(
        Country::NO,
        &[
            ("Jorunn Eikås", "5", "Rypevegen 5"),
            ("Bjarte Solum", "6", "Rypevegen 6"),
        ],
    );
    let text = "Femmeren er solgt. Beboerne i 6'eren har fått ny hekk. Treeren er ikke vår.";
    let out = blocked(text, &ctx);
    for gone in ["Femmeren", "6'eren"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("Treeren"), "{out}");
}

/// Regression (a flat by its floor's ordinal alone): "leilegheita i fjerde er seld", "lejligheden på
/// tredje har fået nye vinduer" name one floor's flat as "i fjerde etasje" does, and were published; "i
/// første omgang" and a flat in other associations stay.
#[test]
fn regression_a_flat_by_its_floors_ordinal_alone() {
    let ctx = register(Country::NO, &[("Randi Stølen", "H0401", "Nordbakken 2")]);
    let text = "Leilegheita i fjerde er seld. Leiligheten i første omgang leies ut, \
                som leiligheten i andre borettslag.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("i fjerde"), "{out}");
    for stays in ["i første omgang", "i andre borettslag"] {
        assert!(out.contains(stays), "{stays:?} removed from {out}");
    }
}

/// Regression (a room of a home on a floor): "fugt i badeværelset på 4. sal" in a sale's paragraph,
/// with no person or building beside it, placed the flat sold as "lejligheden på 4. sal" does, and was
/// published; a common room on a floor and a bathroom "under renoveringen" stay.
#[test]
fn regression_a_room_of_a_home_on_a_floor() {
    let ctx = register(Country::DK, &[("Inge Holst", "12", "Ahornvej 3, 4. th.")]);
    let text = "Inge Holst sælger sin andel. Der er fundet fugt i badeværelset på 4. sal; sælger \
                udbedrer den.\nMødet holdes i fælleslokalet på 1. sal. Der var støv i badeværelset \
                under renoveringen.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("4. sal"), "{out}");
    for stays in ["fælleslokalet på 1. sal", "under renoveringen"] {
        assert!(out.contains(stays), "{stays:?} removed from {out}");
    }
}

/// Regression (a pasted e-mail's sender in a sentence): "Mejl från b-m ekdahl <bm.ekdahl@…>" with the
/// hyphenated first name's initials in small letters, and "mvh bm" signing the quoted message, were
/// published: the display name counted only as a whole header line, and its words only as the address
/// spells them with the hyphen.
#[test]
fn regression_a_senders_display_name_in_a_sentence_and_initials() {
    let mut ctx = register(Country::SE, &[("Britt-Marie Ekdahl", "1002", "Lergatan 4")]);
    ctx.residents[0].emails = vec!["bm.ekdahl@example.se".into()];
    let text =
        "a) Mejl från b-m ekdahl <bm.ekdahl@example.se>:\n   ”hej styrelsen, lampan i porten \
                är trasig. mvh bm”\n   Styrelsen felanmäler lampan.";
    let out = blocked(text, &ctx);
    for gone in ["b-m ekdahl", "mvh bm"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("Styrelsen felanmäler"), "{out}");
}

/// Regression (an organisation's contact after its word in the genitive): "kan meldes på døgnvagtens
/// nummer …", "administratorens telefon …" were taken for a person's phone; the cue words counted only
/// in their plain forms. A resident's number after a person's genitive still goes.
#[test]
fn regression_an_organisations_contact_after_its_genitive() {
    let ctx = register(Country::DK, &[("Bente Lund", "4", "Bøgevej 4, 1. th.")]);
    let text = "Akutte skader kan meldes på døgnvagtens nummer 70 11 22 33.\n\n\
                Spørgsmål om betaling går til administratorens telefon 33 44 55 66.\n\n\
                Bente Lund bad om en ny nøgle. Bentes nummer er 20 30 40 50.";
    let found = detect(text, Some(&ctx));
    let decision = |needle: &str| {
        found
            .iter()
            .find(|f| f.text == needle)
            .map(|f| f.decision)
            .unwrap_or_else(|| panic!("{needle} was not found"))
    };
    assert_eq!(decision("70 11 22 33"), Decision::Keep);
    assert_eq!(decision("33 44 55 66"), Decision::Keep);
    assert_eq!(decision("20 30 40 50"), Decision::Redact);
}

/// Regression (a resident's phone grouped otherwise than in the register): the register holds
/// "23614805", the minutes write "23 61 48 05" after a sentence that names an organisation and no person
/// (the resident's name in small letters went unseen): the number was kept as the organisation's public
/// contact. It is the resident's own, whatever its grouping or prefix.
#[test]
fn regression_a_residents_phone_grouped_otherwise_is_no_public_contact() {
    let mut ctx = Context::new(Country::DK);
    ctx.organisations = vec!["Kastrup Gårdservice ApS".into()];
    ctx.residents.push(KnownPerson {
        name: "Evald Brøndsted".into(),
        unit: Some("7".into()),
        phones: vec!["23614805".into()],
        ..KnownPerson::default()
    });
    ctx.residents.push(KnownPerson {
        name: "Lis Varming".into(),
        unit: Some("8".into()),
        phones: vec!["+46 (0)70 512 44 18".into()],
        ..KnownPerson::default()
    });
    for (written, kept) in [
        ("23 61 48 05", false),
        ("+45 2361 4805", false),
        ("070-512 44 18", false),
        ("+46 70 512 44 18", false),
        // Not a resident's: the organisation's number stays.
        ("23 61 48 06", true),
    ] {
        let text = format!(
            "Haven passes af Kastrup Gårdservice ApS, og spørgsmål kan rettes til gårdservicen på {written}."
        );
        let found = detect(&text, Some(&ctx));
        let f = found
            .iter()
            .find(|f| f.text == written)
            .unwrap_or_else(|| panic!("{written} was not found: {found:?}"));
        assert_eq!(f.decision == Decision::Keep, kept, "{written}: {f:?}");
    }
}

/// Regression (a registered surname alone in small letters): a pasted e-mail typed without capitals
/// names the resident in full and then by the surname alone, and a note writes "fru" before a
/// surname in small letters; the full name was taken and the surname alone left in the published text.
#[test]
fn regression_a_registered_surname_alone_in_small_letters() {
    let ctx = register(
        Country::NO,
        &[
            ("Reidun Kvalsvik", "H0201", "Lyngåsen 3, H0201"),
            ("Tormod Gjerdrum", "H0202", "Lyngåsen 3, H0202"),
        ],
    );
    let text = "Styret har mottatt denne e-posten:\n\
                hei, jeg heter reidun kvalsvik og bor i andre etasje. kvalsvik har hatt vannlekkasje i to uker nå\n\
                Styret tar kontakt med fru gjerdrum i etasjen under.";
    let out = blocked(text, &ctx);
    for name in ["kvalsvik", "gjerdrum"] {
        assert!(!out.contains(name), "{name} left in: {out}");
    }
}

/// Regression (a list of row houses): "Beboerne i Hegnsvej 4, 6 og 8", "nr. 2 og 4": the first house
/// was taken and the houses listed after it were published. Numbers no house has, and ordinals and counts
/// after the joining word, stay.
#[test]
fn regression_houses_listed_after_one_of_them() {
    let ctx = register(
        Country::NO,
        &[
            ("Jorunn Eikås", "2", "Hegnsvegen 2"),
            ("Bjarte Solum", "4", "Hegnsvegen 4"),
            ("Tove Ringdal", "6", "Hegnsvegen 6"),
            ("Ole Krogstad", "8", "Hegnsvegen 8"),
        ],
    );
    let text = "Beboerne i Hegnsvegen 4, 6 og 8 har klaget på støy fra ventilasjonen.\n\
                Taket på nr. 2 og 6 skiftes i år, og sak 3 og 5 ble utsatt.\n\
                Dugnaden ved Hegnsvegen 8, 4. mai, gikk fint, og fra Hegnsvegen 2 og 4 personer til kom.";
    let out = blocked(text, &ctx);
    for gone in ["4, 6 og 8", " 6 og", "og 8", "2 og 6", "og 6"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    for stays in ["sak 3 og 5", "4. mai", "4 personer"] {
        assert!(out.contains(stays), "{stays:?} removed from {out}");
    }
}

/// Regression (share and flat numbers listed after one): "Andel nr. 3 og 4 har fået nye vinduer",
/// "Andelene nr. 5, 6 og 3 skylder": the first unit was taken and the others published. Counts after the
/// joining word stay.
#[test]
fn regression_share_numbers_listed_after_one() {
    let ctx = register(
        Country::DK,
        &[
            ("Birte Holmsgaard", "3", "Fasanvej 12, st. th."),
            ("Ove Lindequist", "4", "Fasanvej 12, 1. tv."),
            ("Hanne Skjoldager", "5", "Fasanvej 12, 1. th."),
            ("Jens Aagesen", "6", "Fasanvej 12, 2. tv."),
        ],
    );
    let text =
        "Andel nr. 3 og 4 har fået nye vinduer. Andelene nr. 5, 6 og 3 skylder boligafgift.\n\
                Andel nr. 6 og 2 personer mere deltog.";
    let out = blocked(text, &ctx);
    for gone in ["3 og 4", "og 4", "6 og 3", "og 3"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("og 2 personer"), "{out}");
}

/// Regression (a floor and a side in words): "på anden sal til venstre", "i tredje etasje til høyre",
/// "stuelejligheden til højre" name one flat as "2. tv." does, and were published; a direction ("til
/// højre for trappen") stays.
#[test]
fn regression_a_floor_and_side_in_words() {
    let ctx = register(
        Country::DK,
        &[
            ("Birte Holmsgaard", "3", "Fasanvej 12, st. th."),
            ("Jens Aagesen", "6", "Fasanvej 12, 2. tv."),
        ],
    );
    let text = "Beboerne på anden sal til venstre har fået nye vinduer, og beboeren i stuelejligheden til \
                højre har fået hund. Cyklerne står til højre for trappen.";
    let out = blocked(text, &ctx);
    for gone in ["anden sal", "stuelejligheden"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("til højre for trappen"), "{out}");
    let no = register(
        Country::NO,
        &[("Reidun Kvalsvik", "H0301", "Lyngåsen 3, H0301")],
    );
    let out = blocked("Leiligheten i tredje etasje til høyre er solgt.", &no);
    assert!(!out.contains("tredje etasje"), "{out}");
}

/// Regression (Swedish flats in the forms members write): a lägenhetsnummer with the definite ending
/// ("1101:an", "1202:ans förråd") and a floor and side in words ("andra våningen till höger") were
/// published; a direction ("till höger om trappan") stays.
#[test]
fn regression_swedish_flats_with_a_definite_ending_or_in_words() {
    let ctx = register(
        Country::SE,
        &[
            ("Agneta Wiklander", "1101", "Nyponvägen 3, 1 tr"),
            ("Tage Brunnström", "1202", "Nyponvägen 3, 2 tr"),
        ],
    );
    let text =
        "Vattenskada i 1101:an, och 1202:ans förråd är tömt. Andra våningen till höger har fått \
                ny ägare. Cyklarna står till höger om trappan.";
    let out = blocked(text, &ctx);
    for gone in ["1101", "1202", "Andra våningen"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("till höger om trappan"), "{out}");
}

/// Regression (Norwegian flats typed apart): a flat code with a space or a hyphen after its letter
/// ("H 0301", "H-0202") and an entrance by its letter with the floor ("Oppgang B, 3. etasje") were
/// published.
#[test]
fn regression_norwegian_flat_codes_and_entrances_typed_apart() {
    let ctx = register(
        Country::NO,
        &[
            ("Turid Myrvang", "H0202", "Bjørkeveien 4 A, H0202"),
            ("Ragna Fjellheim", "H0301", "Bjørkeveien 4 B, H0301"),
        ],
    );
    let text =
        "Det er meldt om lekkasje fra H 0301 til beboeren i H-0202. Oppgang B, 3. etasje har fått \
                ny dør. Vedlegg H 2024 følger.";
    let out = blocked(text, &ctx);
    for gone in ["0301", "0202", "Oppgang B"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("Vedlegg H 2024"), "{out}");
}

/// Regression (contacts written apart): a phone grouped with full stops in the Norwegian way
/// ("917.00.111") and an e-mail address written so that harvesters miss it ("ragna[at]online.no",
/// "kari.holm (at) gmail.com") were published.
#[test]
fn regression_contacts_written_apart() {
    let mut ctx = register(
        Country::NO,
        &[("Ragna Fjellheim", "H0301", "Bjørkeveien 4 B, H0301")],
    );
    ctx.residents[0].phones = vec!["917 00 111".into()];
    let text = "Ragna kan nås på 917.00.111 etter kl. 16 eller på ragna[at]online.no, og Kari på \
                kari.holm (at) gmail.com.";
    let out = blocked(text, &ctx);
    for gone in [
        "917.00.111",
        "ragna[at]",
        "online.no",
        "kari.holm",
        "gmail.com",
    ] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
}

/// Regression (the caretaker by first name, and initials that sign): "Ejendomsfunktionær Kim har
/// ryddet op" published the caretaker's name (a first name that is also a word, after a role no list
/// held); "Mvh JOB 20 64 38 51" and "Hilsen KEW" published the initials of people the document names in
/// full (a closing before them and a phone after them read as a firm's name beside them).
#[test]
fn regression_a_caretaker_by_first_name_and_initials_that_sign() {
    let text = "Til stede: Jens-Ole Brorsbøl og Karl Erik Wismann.\n\
                Ejendomsfunktionær Kim har brugt 6 timer på at rydde op, og vaktmesteren Sol hjalp.\n\
                SMS: \"Kan ikke komme. Mvh JOB 20 64 38 51\"\n\
                Hilsen KEW";
    let found: Vec<String> = detect(text, None)
        .into_iter()
        .filter(|f| f.decision == Decision::Redact && f.kind == andel_core::redact::Kind::Person)
        .map(|f| f.text)
        .collect();
    for name in ["Kim", "Sol", "JOB", "KEW"] {
        assert!(found.contains(&name.to_string()), "{name}: {found:?}");
    }
}

/// Regression (a floor after the proposer's name, after a comma or in brackets): "Forslag frå Halvor
/// Dal, første etasje:", "Forslag frå Tuva Lie (2. etg):" in a sameie of one flat a floor published the
/// proposers' homes.
#[test]
fn regression_a_floor_after_a_name_after_a_comma_or_in_brackets() {
    let ctx = register(
        Country::NO,
        &[
            ("Halvor Myrland", "1", "Kong Haakons gate 3, 1. etg."),
            ("Tuva Brekkeli", "2", "Kong Haakons gate 3, 2. etg."),
        ],
    );
    let text = "Sak 4.1 Forslag frå Halvor Myrland, første etasje: Benker i bakgarden.\n\
                Sak 4.2 Forslag frå Tuva Brekkeli (2. etg): Barnevognskur i porten.";
    let out = blocked(text, &ctx);
    for gone in ["første etasje", "2. etg"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
}

/// Regression (the ground floor's flat in a building of the association): "stuelejligheden i 41",
/// "kælderlejligheden i nr. 12" place one home each, as "2. sal i 41" does, and were published.
#[test]
fn regression_the_ground_floor_flat_in_a_building() {
    let ctx = register(
        Country::DK,
        &[
            ("Birte Holmsgaard", "3", "Bøgevænget 41, st. th."),
            ("Ove Lindequist", "4", "Bøgevænget 12, kld."),
        ],
    );
    let text = "Stuelejligheden i 41 har fået nye vinduer, og kælderlejligheden i nr. 12 er tom. \
                Mødet holdes i stueetagen i fælleshuset.";
    let out = blocked(text, &ctx);
    for gone in ["Stuelejligheden i 41", "kælderlejligheden i nr. 12"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("stueetagen i fælleshuset"), "{out}");
}

/// Regression (a resident's bare initials): "Kommentar fra JOB", "Mvh KEW" in minutes that name the
/// residents only so were published; the register knows whose initials they are.
#[test]
fn regression_a_residents_bare_initials() {
    let ctx = register(
        Country::DK,
        &[
            ("Jens-Ole Brorsbøl", "9", "Kamillevej 10"),
            ("Karl Erik Wismann", "10", "Kamillevej 12"),
        ],
    );
    let text = "Kommentar fra JOB: postkassestativet er skævt.\nMvh KEW";
    let out = blocked(text, &ctx);
    for gone in ["JOB", "KEW"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
}

/// Regression (a resident list that gives the year someone moved in): a list of row houses whose
/// "Innflyttet" column held years alone had every row refused, so the register stayed empty and every
/// house, phone and name of its residents was published. The list is read through the import, as the
/// board loads it, and the houses go.
#[test]
fn regression_a_resident_list_with_years_moved_in() {
    let list = "Husnr;Eier;Medeier;Innflyttet\r\n\
                Moltebærstien 2;Gudrun Nesje;Alf Nesje;1996\r\n\
                Moltebærstien 4;Ivar Støylen;;2013\r\n\
                Moltebærstien 6;Beate Hovdenak;;2021\r\n";
    let mut conn = andel_core::store::create().unwrap();
    let now = "2026-03-14T10:00:00Z".parse().unwrap();
    andel_core::association::create(&conn, "Moltebærstien borettslag", Country::NO, now).unwrap();
    let table = andel_core::register::import::read(list.as_bytes()).unwrap();
    let map = [(
        "Husnr".to_string(),
        andel_core::register::import::Field::Address,
    )];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let r =
        andel_core::register::import::apply(&mut conn, &table, &map, today, "Test", now).unwrap();
    assert_eq!((r.units, r.rejected.len()), (3, 0), "{r:#?}");
    let ctx = andel_core::minutes::redaction_context(&conn, None).unwrap();
    let text = "Søknad fra Moltebærstien 4 om ny terrasse ble innvilget. Taket på nr. 6 lekker.";
    let out = blocked(text, &ctx);
    for gone in ["Moltebærstien 4", "nr. 6"] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
}

/// Regression (a floor and the side it faces): "i andre etasje mot parken", "på 4. sal mod gården",
/// "lägenheten på tredje våningen mot gatan", "leiligheten på toppen mot sjøen" name one flat as a floor
/// and a side do, and were published; "mot en avgift" and a hill's top stay.
#[test]
fn regression_a_floor_and_the_side_it_faces() {
    let ctx = register(
        Country::NO,
        &[
            ("Sverre Lunde", "H0301", "Kaiveien 4"),
            ("Mona Fjeld", "H0502", "Kaiveien 4"),
        ],
    );
    let text = "Sverre Lunde vil glasse inn balkongen i andre etasje mot parken.\n\
                Vannet kom fra leiligheten på toppen mot sjøen. Lånet gis mot en avgift.\n\
                Vandet kom fra 4. sal mod gården, och läckan från tredje våningen mot gatan.";
    let out = blocked(text, &ctx);
    for gone in [
        "andre etasje mot parken",
        "toppen mot sjøen",
        "4. sal mod gården",
        "tredje våningen mot gatan",
    ] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("mot en avgift"), "{out}");
}

/// Regression (a home put after a comma): "har sat sin andel, nr. 31, til salg" and "Torsgatan 9, bv"
/// (a Swedish ground floor after the house, as "Torsgatan 9, 2 tr") were published.
#[test]
fn regression_a_share_number_or_ground_floor_after_a_comma() {
    let ctx = register(
        Country::DK,
        &[
            ("Tove Bang", "31", "Bøgevej 4, 1. th."),
            ("Ulf Ek", "7", "Bøgevej 4, 2. tv."),
        ],
    );
    let out = blocked(
        "Tove Bang har sat sin andel, nr. 31, til salg. Sak 4, nr. 3 på listen.",
        &ctx,
    );
    assert!(!out.contains("nr. 31"), "{out}");
    assert!(out.contains("Sak 4, nr. 3"), "{out}");
    let ctx = register(Country::SE, &[("Berit Ek", "1001", "Torsgatan 9")]);
    let out = blocked("Motion från Berit Ek, Torsgatan 9, bv: cyklar.", &ctx);
    assert!(!out.contains("9, bv"), "{out}");
}

#[test]
fn offsets_are_in_characters() {
    let text = "Ærø: Bjørg Leth, tlf. 28 71 67 17.";
    let f = detect(text, None);
    for x in &f {
        let s: String = text.chars().skip(x.start).take(x.end - x.start).collect();
        assert_eq!(s, x.text);
    }
}

#[test]
fn officials_stay_only_on_dates_their_role_covers() {
    let mut ctx = Context::new(Country::DK);
    ctx.officials.push(Official {
        name: "Merete Hein".into(),
        role: RoleKind::BoardMember,
        valid_from: chrono::NaiveDate::from_ymd_opt(2020, 1, 1),
        valid_to: chrono::NaiveDate::from_ymd_opt(2022, 12, 31),
    });
    let text = "Kasserer Merete Hein fremlagde budgettet.";
    ctx.document_date = chrono::NaiveDate::from_ymd_opt(2022, 4, 1);
    assert!(detect(text, Some(&ctx))
        .iter()
        .all(|f| f.decision == Decision::Keep));
    ctx.document_date = chrono::NaiveDate::from_ymd_opt(2024, 4, 1);
    assert!(detect(text, Some(&ctx))
        .iter()
        .any(|f| f.decision == Decision::Redact && f.text == "Merete Hein"));
}

#[test]
fn register_names_in_the_forms_minutes_use() {
    let mut ctx = Context::new(Country::NO);
    for n in [
        "Fredrik von Hanno",
        "Inga Sara Hætta",
        "Freja Bundgaard-Vest",
        "Esben Trier",
    ] {
        ctx.residents.push(KnownPerson {
            name: n.into(),
            ..KnownPerson::default()
        });
    }
    let text = "von Hanno foreslo. Vedtak: von Hannos forslag. Hættas nabo. ESBEN TRIER og fru Trier, \
                Triers bil, Trier's hage. Freja Bundgaard-\nVest kom. Tor ble valgt. Kontakt Freja.";
    let out = apply(
        text,
        &detect(text, Some(&ctx)),
        Style::Block,
        Some(Country::NO),
    )
    .unwrap();
    for leak in [
        "Hanno",
        "Hætta",
        "ESBEN",
        "TRIER",
        "Trier",
        "Freja",
        "Bundgaard",
        "Vest",
    ] {
        assert!(!out.contains(leak), "{leak} left in {out}");
    }
}

#[test]
fn words_that_look_like_names_stay() {
    let mut ctx = Context::new(Country::DK);
    for n in [
        "Villum Sand",
        "Lykke Brask",
        "Anne Høj",
        "Bo Strøm",
        "Ib Due",
    ] {
        ctx.residents.push(KnownPerson {
            name: n.into(),
            ..KnownPerson::default()
        });
    }
    let text =
        "Sandkassen fik nyt sand. Held og lykke. Prisen er højere, strømmen svigtede, duerne fløj.";
    let out = apply(
        text,
        &detect(text, Some(&ctx)),
        Style::Block,
        Some(Country::DK),
    )
    .unwrap();
    assert_eq!(out, text);
}

#[test]
fn pseudonyms_are_consistent_within_a_document() {
    let mut ctx = Context::new(Country::DK);
    ctx.residents.push(KnownPerson {
        name: "Esben Trier".into(),
        ..KnownPerson::default()
    });
    ctx.residents.push(KnownPerson {
        name: "Zofia Kowalczyk".into(),
        ..KnownPerson::default()
    });
    let text = "Esben Trier skylder. Zofia Kowalczyk fik penge. Trier betaler.";
    let out = apply(
        text,
        &detect(text, Some(&ctx)),
        Style::Pseudonym,
        Some(Country::DK),
    )
    .unwrap();
    assert_eq!(
        out,
        "Andelshaver A skylder. Andelshaver B fik penge. Andelshaver A betaler."
    );
    let out = apply(
        text,
        &detect(text, Some(&ctx)),
        Style::Label,
        Some(Country::DK),
    )
    .unwrap();
    assert_eq!(out, "[navn] skylder. [navn] fik penge. [navn] betaler.");
}

/// Regression, class "a repeated value hidden under a longer one": a phone number written twice in a row
/// reads, as one run of digits, like an account; the first was taken as a phone, the run over both could not
/// be taken, and the second phone under it stayed in the published text (found by the proptest below).
#[test]
fn a_repeated_value_next_to_its_first_occurrence_is_redacted_too() {
    for text in [
        "31 62 48 05 31 62 48 05 % 31 62 48 05 31 62 48 05 fru Dalgas",
        "42 17 30 96 42 17 30 96 % 42 17 30 96 42 17 30 96",
    ] {
        let findings = detect(text, None);
        let out = apply(text, &findings, Style::Block, None).unwrap();
        assert!(!out.contains("31 62 48 05"), "{out}");
    }
}

/// Regression, class "the organisation's desk as a name": with a register loaded, "Forretningsfører
/// svarte …" opening a sentence was read as a surname before a verb of saying, and the administrator's
/// public number later in the minutes became that "person's" (the dev set through the CLI).
#[test]
fn regression_the_organisations_desk_opening_a_sentence_is_no_name() {
    let mut ctx = Context::new(Country::NO);
    ctx.residents.push(KnownPerson {
        name: "Siri Mikalsen".into(),
        ..KnownPerson::default()
    });
    let text = "Det ble spurt om strømmen. Forretningsfører svarte at det skyldes prisen.\n\n\
                Møtet ble hevet kl. 19.40. Forretningsfører kan nås på tlf. 77 61 40 20.\n\n\
                Vicevärden sa att tvättstugan är stängd.";
    let findings = detect(text, Some(&ctx));
    let redacted: Vec<&str> = findings
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .map(|f| f.text.as_str())
        .collect();
    assert!(redacted.is_empty(), "{redacted:?}");
}

/// Regression, class "an ampersand between people": names joined by "&" were always read as a firm's
/// ("Olsen & Jørgensen"), even after a title of address, so "fru Hansen & hr. Berg" kept the lady's name
/// and the proptest below found a "fru Hansen" redacted once and left once (CI, main addb3e4).
#[test]
fn regression_a_title_of_address_before_an_ampersand_names_a_person() {
    for (text, name) in [
        ("Vi talte med fru Hansen & hr. Berg om sagen.", "Hansen"),
        ("fru Hansen fru Hansen & Aj", "Hansen"),
        ("Til stede var frk. Lykke & hr. Dall.", "Lykke"),
    ] {
        let findings = detect(text, None);
        let out = apply(text, &findings, Style::Block, None).unwrap();
        assert!(!contains_token(&out, name), "{out}");
    }
    // A firm's word after the name still makes it a firm's.
    let text = "Tilbud fra Hansen & Søn ApS blev godkendt.";
    assert!(detect(text, None)
        .iter()
        .all(|f| f.decision != Decision::Redact));
}

/// `needle` occurs in `hay` with no letter or digit directly around it.
fn contains_token(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + m.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Whatever the text, no passage that was found and redacted is left in the output as a word of its
    /// own (a found "Ida" may still be part of "Idaho").
    #[test]
    fn applying_findings_never_leaves_a_found_text(
        words in proptest::collection::vec(prop_oneof![
            Just("Jens Nielsen".to_string()), Just("29 91 44 06".to_string()), Just("fru Hansen".to_string()),
            Just("110584-3638".to_string()), Just("a@b.dk".to_string()), Just("og".to_string()),
            Just("Rønnebærvej 4, 1. th.".to_string()), Just("ZD 41 760".to_string()), Just("\n".to_string()),
            "[A-ZÆØÅ][a-zæøå]{1,8}", "[0-9]{1,11}", "[ -~æøåÆØÅ]{0,12}",
        ], 0..30)
    ) {
        let text = words.join(" ");
        // A name followed by a legal form ("Hansen BA") is a company's name, and a contact next to a
        // company is the company's: both stay by design.
        let company = [
            "as", "asa", "aps", "a/s", "ab", "hb", "kb", "ivs", "i/s", "k/s", "p/s", "ef", "ba", "sa", "da",
            "ans", "ltd", "gmbh", "oy", "holding", "service", "byg", "bygg", "vvs", "maling", "group",
            "gruppen", "revision", "revisjon", "entreprise", "advokatfirma", "rådgivning",
        ];
        prop_assume!(!text
            .split(|c: char| !c.is_alphabetic())
            .any(|w| company.contains(&w.to_lowercase().as_str())));
        prop_assume!(!["a/s", "i/s", "k/s", "p/s"].iter().any(|f| text.to_lowercase().contains(f)));
        let findings = detect(&text, None);
        let out = apply(&text, &findings, Style::Block, None).unwrap();
        for f in findings.iter().filter(|f| f.decision == Decision::Redact) {
            prop_assert!(!contains_token(&out, &f.text), "{:?} survived in {:?}", f.text, out);
        }
    }
}

/// Swedish minutes (the dev set has none): personnummer, samordningsnummer, lgh numbers, clearing and
/// account, "Justerare", and the förvaltare's public number. Invented people.
#[test]
fn swedish_minutes() {
    let mut ctx = Context::new(Country::SE);
    for (name, role) in [
        ("Anna Lindqvist", "ordförande"),
        ("Göran Ek", "ledamot"),
        ("Sara Holm", "kassör"),
        ("Björn Wallin", "stämmoordförande"),
    ] {
        ctx.officials.push(Official {
            name: name.into(),
            role: RoleKind::from_title(role),
            valid_from: None,
            valid_to: None,
        });
    }
    for n in [
        "Karin Sjöberg",
        "Per-Olof Berg",
        "Maria Nyström och Johan Nyström",
        "Ahmed Yilmaz",
        "Anna Lindqvist",
        "Ulla Ek",
    ] {
        ctx.residents.push(KnownPerson {
            name: n.into(),
            ..KnownPerson::default()
        });
    }
    ctx.organisations = vec!["HSB Uppsala".into()];
    ctx.places = vec!["Brf Lönnen 3".into(), "Lönngatan".into(), "Uppsala".into()];
    let text = "PROTOKOLL FÖRT VID ORDINARIE FÖRENINGSSTÄMMA I BRF LÖNNEN 3\n\
        Ordförande Anna Lindqvist öppnade stämman. Stämmoordförande: Björn Wallin.\n\
        Till justerare valdes Per-Olof Berg och Maria Nyström.\n\
        Motion från Karin Sjöberg, Lönngatan 3, lgh 1101: Sjöbergs förslag antogs. Sjöberg nås på 070-123 45 67.\n\
        Ulla Ek framförde att hennes bil ABC 123 blivit skadad. Göran Ek svarade.\n\
        Medlemmen i lägenhet 1203 har personnummer 19850612-4331 och samordningsnummer 850672-4338.\n\
        Återbetalning sker till konto 8327-9, 123 456 789-0.\n\
        Förvaltaren HSB Uppsala nås på 018-400 00 00. Köpare: Sofia Andersson och Erik Johansson.\n\
        Justeras: PER-OLOF BERG   MARIA NYSTRÖM";
    let out = apply(
        text,
        &detect(text, Some(&ctx)),
        Style::Block,
        Some(Country::SE),
    )
    .unwrap();
    for gone in [
        "Per-Olof",
        "Nyström",
        "Sjöberg",
        "Lönngatan 3, lgh 1101",
        "070-123 45 67",
        "Ulla Ek",
        "ABC 123",
        "lägenhet 1203",
        "19850612-4331",
        "850672-4338",
        "8327-9",
        "789-0",
        "Sofia Andersson",
        "Erik Johansson",
        "PER-OLOF",
        "NYSTRÖM",
    ] {
        assert!(!out.contains(gone), "{gone} left in:\n{out}");
    }
    for stays in [
        "Anna Lindqvist",
        "Björn Wallin",
        "Göran Ek svarade",
        "HSB Uppsala",
        "018-400 00 00",
        "BRF LÖNNEN 3",
    ] {
        assert!(out.contains(stays), "{stays} redacted in:\n{out}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any text at all: detection does not panic, offsets are character offsets of the passage, and
    /// findings are sorted without overlaps.
    #[test]
    fn any_text_gives_consistent_findings(text in "(\\PC|[ \\n\\t0-9.,:;()@+-]|[A-ZÆØÅ][a-zæøå]{1,6}){0,80}") {
        let mut ctx = Context::new(Country::NO);
        ctx.residents.push(KnownPerson { name: "Åse Ødegård-Li".into(), ..KnownPerson::default() });
        let findings = detect(&text, Some(&ctx));
        let chars: Vec<char> = text.chars().collect();
        let mut last_end = 0;
        for f in &findings {
            prop_assert!(f.start < f.end && f.end <= chars.len());
            prop_assert!(f.start >= last_end, "overlap at {}", f.start);
            let passage: String = chars[f.start..f.end].iter().collect();
            prop_assert_eq!(&passage, &f.text);
            last_end = f.end;
        }
        let _ = apply(&text, &findings, Style::Pseudonym, Some(Country::NO)).unwrap();
    }
}

/// A register of invented residents: (name, unit, address).
fn register(country: Country, people: &[(&str, &str, &str)]) -> Context {
    let mut ctx = Context::new(country);
    for (name, unit, address) in people {
        ctx.residents.push(KnownPerson {
            name: (*name).into(),
            unit: Some((*unit).into()),
            address: Some((*address).into()),
            ..KnownPerson::default()
        });
    }
    ctx
}

/// The redacted text, every finding blocked out.
fn blocked(text: &str, ctx: &Context) -> String {
    apply(
        text,
        &detect(text, Some(ctx)),
        Style::Block,
        Some(ctx.country),
    )
    .unwrap()
}

/// Regression (units as houses): in a row-house association a bare "Street 21" that the register holds
/// for one unit stayed as a place; it is that household's home. Where several units share an address it
/// is a block of flats and stays, and so do ranges and numbers no unit has.
#[test]
fn regression_a_row_house_address_is_a_home() {
    let ctx = register(
        Country::DK,
        &[
            ("Ulla Krog", "3", "Kløvervej 3"),
            ("Poul Krog", "3", "Kløvervej 3"),
            ("Tine Lund", "4", "Kløvervej 4"),
            ("Erik Mose", "10", "Bakkegade 2"),
            ("Rita Mose", "11", "Bakkegade 2"),
        ],
    );
    let text = "En ansøgning fra Kløvervej 3 om en rampe. FORSLAG FRA KLØVERVEJ 4: HØNS.\n\
                Tagene på Kløvervej 3–12 og Kløvervej 30 skiftes. Opgangen i Bakkegade 2 males.";
    let out = blocked(text, &ctx);
    for gone in ["Kløvervej 3 om", "KLØVERVEJ 4"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["Kløvervej 3–12", "Kløvervej 30", "Bakkegade 2"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (initials and short forms): "K-E" for a resident Karl-Erik, initials and a first name
/// with a lone capital tied to a resident went unnoticed; a month in capitals was taken for a resident
/// who shares its name.
#[test]
fn regression_initials_short_forms_and_dates_in_capitals() {
    let ctx = register(
        Country::DK,
        &[
            ("Anne-Marie Holt", "1", "Lærkevej 1"),
            ("Jonas Kragh", "2", "Lærkevej 2"),
            ("Maj Vinding", "5", "Lærkevej 5"),
        ],
    );
    let text = "A-M spurgte om hækken. Jonas K ryddede sne. Maj Vinding takkede.\n\
                STIFTET 14. MAJ 1986 · 9. maj 2026";
    let out = blocked(text, &ctx);
    for gone in ["A-M", "Jonas", "Maj Vinding"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("14. MAJ 1986") && out.contains("9. maj 2026"),
        "{out}"
    );
    // Without the register, initials the sentence ties to a person still go.
    let text = "G.R. spurgte om renten. B-O fra nr. 7 svarede.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(!out.contains("G.R.") && !out.contains("B-O"), "{out}");
}

/// Regression (damaged text): letter-spaced names, a surname run together with the next word, mojibake
/// from a wrong code page, names in capitals in a photo credit and names in lower case in an e-mail.
#[test]
fn regression_damaged_text() {
    let ctx = register(
        Country::NO,
        &[
            ("Kari Nesset", "1", "Bakkeveien 2"),
            ("Per Ulvang", "2", "Bakkeveien 2"),
            ("Bjørn Åsli", "3", "Bakkeveien 4"),
            ("Gro Tveit", "4", "Bakkeveien 4"),
        ],
    );
    let text = "4.2 F o r s l a g f r a K a r i N e s s e t\n\
                Per Ulvang la fram saken. Ulvangforklarte at taket lekker.\n\
                5.4 Forslag fra BjÃ¸rn Ã…sli: ny bod\n\
                FOTO: GRO TVEIT\n\
                Fra: kari nesset <kari.nesset@example.no>\nmvh kari";
    let findings = detect(text, Some(&ctx));
    let out = apply(text, &findings, Style::Block, Some(ctx.country)).unwrap();
    for gone in [
        "K a r i N e s s e t",
        "Ulvang",
        "BjÃ¸rn Ã…sli",
        "GRO TVEIT",
        "kari nesset",
        "mvh kari",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("F o r s l a g f r a") && out.contains("forklarte at taket"),
        "{out}"
    );
    // The findings point at the damaged text as written.
    for f in &findings {
        let chars: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(chars, f.text);
    }
    // Without the register: the name an e-mail address repeats, and the writer after "mvh".
    let text = "Fra: ingrid moe <ingrid.moe@example.no>\nhei!\nmvh ingrid";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(
        !out.contains("ingrid moe") && !out.contains("mvh ingrid"),
        "{out}"
    );
}

/// Regression (damaged text, words broken or joined by the layout): a PDF's re-flow hyphenated a
/// surname across a line end ("Hov-\nde"), a narrow column broke a name over two lines, a soft hyphen
/// the extraction dropped ran a double first name together ("EvaLena"), a lost space glued a name to
/// the word before ("fraTrier") or a first name to its surname, a justified line doubled the spaces in
/// a phone number, a ligature stood in a name ("Zoﬁa"), a word processor put an en dash in a
/// national ID, and a file was read as Windows-1252 twice. Each lost the name, number or address; the
/// board keeps its names through the same damage.
#[test]
fn regression_damaged_text_words_broken_or_joined_by_the_layout() {
    let mut ctx = register(
        Country::NO,
        &[
            ("Sigrid Hovde", "1", "Bakkeveien 2"),
            ("Villum Sand", "2", "Bakkeveien 2"),
            ("Esben Trier", "3", "Bakkeveien 4"),
            ("Eva-Lena Norrby", "4", "Bakkeveien 4"),
            ("Zofia Kowalczyk", "5", "Bakkeveien 6"),
            ("Torbjørn Flåten", "6", "Bakkeveien 6"),
        ],
    );
    ctx.officials.push(Official {
        name: "Hans-Henrik Kvist".into(),
        role: RoleKind::from_title("styreleder"),
        valid_from: None,
        valid_to: None,
    });
    let text = "Styreleder HansHenrik Kvist ønsket velkommen. Forslaget fra Sigrid Hov-\nde ble vedtatt etter at\n\
                styret hadde sendt en skriftlig advarsel til Villum\nSand, som bor i nr. 2.\n\
                Brev fraTrier om gjerdet. EvaLena Norrby og ZoﬁaKowalczyk ble valgt som revisorer i år.\n\
                Han kan nås på tlf. 41  22 33 44 eller personnummer 110584–36385 hos styret.\n\
                Forslag fra TorbjÃƒÂ¸rn FlÃƒÂ¥ten om ny bod ble avvist.\n";
    let findings = detect(text, Some(&ctx));
    let out = apply(text, &findings, Style::Block, Some(ctx.country)).unwrap();
    for gone in [
        "Hov-\nde",
        "Villum\nSand",
        "Trier",
        "EvaLena",
        "Zoﬁa",
        "41  22 33 44",
        "110584–36385",
        "TorbjÃƒÂ¸rn",
    ] {
        assert!(!out.contains(gone), "{gone:?} left in {out}");
    }
    assert!(out.contains("HansHenrik Kvist"), "{out}");
    for f in &findings {
        let chars: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(chars, f.text);
    }
}

/// Regression (issue 14, a sentence opening on the next line read as a name's part): the repair of lines
/// a narrow column broke joined a line ending in a capitalised word without its full stop to the next
/// line's first word when that was capitalised, so a sentence-opening adverb or function word ("Derfor",
/// "Men") was read as the surname of the name before it.
#[test]
fn regression_a_line_opening_with_a_function_word_joined_to_a_name_at_the_line_end_before() {
    let text = "Etter en lang debatt om vedlikeholdet takket vi den avtroppende lederen Tove\n\
                Derfor ble valget utsatt til neste møte i styret.\n\
                Forslaget om ny sykkelbod ble lagt fram av Esben\n\
                Men ingen ville stemme over det i kveld.\n";
    for f in detect(text, None) {
        assert!(
            !f.text.contains("Derfor") && !f.text.contains("Men"),
            "{:?} found as {:?}",
            f.text,
            f.kind
        );
    }
}

/// Regression (issue 14, initials and double names joined by a lost soft hyphen): a word processor's
/// hyphen kept only as a soft hyphen ("K\u{ad}E", "Anne\u{ad}Marie") vanished in the extraction, so
/// "K-E Brekke" read as "KE Brekke" and the register's name was not found. Before a capital, after an
/// initial or a small letter, the soft hyphen now reads as the hyphen; the finding still covers the
/// file's own characters.
#[test]
fn regression_initials_and_double_names_joined_by_a_lost_soft_hyphen() {
    use andel_core::minutes::{as_written, extract_text, Format};
    let ctx = register(
        Country::NO,
        &[
            ("Knut-Erik Brekke", "1", "Bakkeveien 2"),
            ("Anne-Marie Sollid", "2", "Bakkeveien 4"),
        ],
    );
    let file =
        "Til stede: K\u{ad}E Brekke og Anne\u{ad}Marie Sollid.\nStyret takket for et godt år.\n";
    let text = extract_text(file.as_bytes(), Format::Txt).unwrap();
    assert!(text.contains("K-E Brekke"), "{text}");
    let written = as_written(file.as_bytes(), Format::Txt, &text).expect("lined up");
    let findings = detect(&text, Some(&ctx));
    for name in ["K-E Brekke", "Anne-Marie Sollid"] {
        let start = text[..text.find(name).unwrap()].chars().count();
        let end = start + name.chars().count();
        assert!(
            findings.iter().any(|f| f.start <= start && f.end >= end),
            "{name} not found: {findings:?}"
        );
        let (s, e, raw) = written.span(start, end).unwrap();
        assert_eq!(raw, file.chars().skip(s).take(e - s).collect::<String>());
    }
    for f in &findings {
        let chars: String = text.chars().skip(f.start).take(f.end - f.start).collect();
        assert_eq!(chars, f.text);
    }
}

/// Regression (floors in words): "andre etasje i Street 6" tied a resident to a home but stayed.
#[test]
fn regression_a_floor_in_words_at_an_address() {
    let text = "Liv Aas, andre etasje i Storveien 6, leier ut. Lekkasje i 4. etasje i Storveien 4.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in [
        "andre etasje i Storveien 6",
        "4. etasje i Storveien 4",
        "Liv Aas",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (issue 14, initials and short forms): a first name with the initial of a surname ("Inger
/// S", "Ebbe K.") stayed when the first name is also a word or starts a sentence; the initial now picks
/// the resident, so a later first name alone ("Ali") is theirs. A registered name as a lower-case handle
/// ("i.sjodin") and a first name run together with a verb of asking ("Rasmusbad") stayed too.
#[test]
fn regression_first_name_and_initial_handles_and_glued_first_names() {
    let ctx = register(
        Country::SE,
        &[
            ("Inger Sjödin", "1207", "Granvägen 9"),
            ("Ebbe Kornbeck", "1101", "Granvägen 5"),
            ("Ali Haddad", "1208", "Granvägen 9"),
            ("Ali Nouri", "1001", "Granvägen 3"),
            ("Rasmus Ejstrup", "1002", "Granvägen 3"),
        ],
    );
    let text = "Städdagen. Inger S tackas. Ebbe K. valdes.\n\
                Nästa i kön är Ali H. (bil). Ali kontaktas av styrelsen.\n\
                i.sjodin har mejlat styrelsen. Rasmusbad om en ny nyckel.\n\
                Se www.example.se/granvagen och i.sjodin@example.se.";
    let out = blocked(text, &ctx);
    for gone in [
        "Inger S ",
        "Ebbe K.",
        "Ali H.",
        "Ali kontaktas",
        "i.sjodin har",
        "Rasmusbad",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("Städdagen.") && out.contains("om en ny nyckel"),
        "{out}"
    );
}

/// Regression (issue 14, units as houses and floors): the association's own common room at a house
/// number ("Fælleshuset, Storvej 2") was taken for the home with that number; a floor before the
/// address and a comma ("1. etasje, Storveien 16") stayed; an address before "kl. 19.30" took the time
/// for the basement ("kl.") and the name before it for a resident.
#[test]
fn regression_common_rooms_floors_before_a_comma_and_the_clock() {
    let ctx = register(
        Country::DK,
        &[
            ("Gitte Holmgaard", "1", "Pilevej 2"),
            ("Uffe Sandal", "2", "Pilevej 4"),
        ],
    );
    let text = "Sted: Fælleshuset, Pilevej 2. Forslag fra Pilevej 2 om en ny hæk.\n\
                Mødet holdes i Brøndby Sognegård, Kirkevej 44, kl. 19.30.\n\
                Beboeren i 1. etasje, Elmevej 16 klagede over støj.";
    let out = blocked(text, &ctx);
    for stays in [
        "Fælleshuset, Pilevej 2",
        "Brøndby Sognegård, Kirkevej 44, kl. 19.30",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    for gone in ["Pilevej 2 om", "1. etasje, Elmevej 16"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (issue 14, units as houses, second held-out set): in a row-house association the houses
/// written in short stayed: the house number alone ("nr. 12", "hus nr. 3", "Mosevej nr. 5"), the street
/// cut short or by its initials ("Tjørnev. 12", "TV 3", "MV 5"), the street in lower case ("mosevej 5").
/// Numbered things ("møde nr. 3/2025", "punkt nr. 12", "nr. 3 på ventelisten"), ranges of houses and a
/// number the association has no house with stay.
#[test]
fn regression_houses_in_short() {
    let ctx = register(
        Country::DK,
        &[
            ("Karen Bisgaard", "1", "Tjørnevænget 3"),
            ("Otto Bisgaard", "1", "Tjørnevænget 3"),
            ("Lene Pihl", "2", "Tjørnevænget 12"),
            ("Ib Lunding", "3", "Mosevej 5"),
        ],
    );
    let text =
        "Bestyrelsesmøde nr. 3/2025. Hækken ved nr. 12 klippes; vinduerne i hus nr. 3 skiftes.\n\
                Fugt i TV 3 og Tjørnev. 12. Trampolin ved MV 5 og ved Mosevej nr. 5.\n\
                Mail: hilsen ib, mosevej 5. Punkt nr. 12 og nr. 3 på ventelisten.\n\
                Tagene på rækken Tjørnevænget 3–12 og Tjørnevænget 40 skiftes.";
    let out = blocked(text, &ctx);
    for gone in [
        "ved nr. 12",
        "hus nr. 3",
        "TV 3",
        "Tjørnev. 12",
        "MV 5",
        "Mosevej nr. 5",
        "mosevej 5",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in [
        "Bestyrelsesmøde nr. 3/2025",
        "Punkt nr. 12",
        "nr. 3 på ventelisten",
        "Tjørnevænget 3–12",
        "Tjørnevænget 40",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (issue 14, floors, second held-out set): a floor against a block's number alone ("tredje
/// etasje i 25", "øverste etasje i oppgang 21"), the stairwell before the floor ("oppg. 21, 3. et."),
/// "etasje"/"etg." after an address ("Granveien 23, 2. etasje") stayed; and a first name that starts a
/// sentence before a home ("Ebba på Storvej 6") was not taken without its surname.
#[test]
fn regression_floors_against_a_building_and_a_first_name_before_a_home() {
    let text = "Lekkasje i tredje etasje i 25. Sol i øverste etasje i oppgang 21.\n\
                Garasjeplass: Ola Dal, oppg. 21, 3. et. Støy fra Granveien 23, 2. etasje.\n\
                Heisen i 3. etasje i 25 år. Grill i juni. Ebba på Storvej 6 ordner.";
    // Storvej's houses are one home each; Ebba Holm is registered only by her full name.
    let ctx = register(
        Country::NO,
        &[
            ("Ebba Holm", "6", "Storvej 6"),
            ("Tor Moe", "8", "Storvej 8"),
        ],
    );
    let out = blocked(text, &ctx);
    for gone in [
        "tredje etasje i 25",
        "øverste etasje i oppgang 21",
        "oppg. 21, 3. et.",
        "Granveien 23, 2. etasje",
        "Ebba",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("3. etasje i 25 år"), "{out}");
}

/// Regression (issue 14, flats in a block, third held-out set): in a block of flats the minutes name a
/// flat without its street, by floor and side ("2. th. i opgang 5", "st. tv.", "nr. 5, 1.th", "2. sal
/// til venstre i 5'eren", OCR's "3, tv."), by a floor alone after a street ("Ravnsgade 40, 1."), by a
/// Swedish floor in stairs ("2 tr"), a Norwegian entrance and floor ("7C, 2. etg."), a sameie's section
/// ("snr. 4", "seksjonsnummer 11") or the association's own numbering ("föreningens nr 7"); all of them
/// stayed. A count after the building, a television and a date after an address stay.
#[test]
fn regression_flats_by_floor_side_stairs_entrance_and_section() {
    let ctx = register(
        Country::DK,
        &[
            ("Ulla Brink", "4", "Kirkestien 5, 2. th."),
            ("Bo Winge", "5", "Kirkestien 5, st. tv."),
        ],
    );
    let text = "Vandskade fra 2. th. i opgang 5 til st. tv. Klage fra nr. 5, 1.th over 3, tv.\n\
                Hunden på 2. sal til venstre i 5'eren gør. Han har boet på 1. th. i 7 år.\n\
                Venteliste: Bo Dahl, Ravnsgade 40, 1.\nMødet på Ravnsgade 40, 1. maj.\n\
                Eierne av snr. 4 og seksjonsnummer 11. Andrahand i föreningens nr 7.\n\
                Röken kommer från 2 tr. Sykler ved 7C, 2. etg. Kanal 2 tv-serie.";
    let out = blocked(text, &ctx);
    for gone in [
        "2. th. i opgang 5",
        "st. tv.",
        "nr. 5, 1.th",
        "3, tv.",
        "2. sal til venstre i 5'eren",
        "1. th.",
        "Ravnsgade 40, 1.\n",
        "snr. 4",
        "seksjonsnummer 11",
        "föreningens nr 7",
        "2 tr",
        "7C, 2. etg.",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["i 7 år", "Ravnsgade 40, 1. maj", "Kanal 2 tv-serie"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (issue 14, damaged text, third held-out set): in OCR'd minutes a phone number and a house
/// number with letters for digits ("2l 64 83 O7", "Vesterbro 1O2, st.") went unnoticed, and the chair's
/// name misread ("Kirsten Darngaard" for Kirsten Damgaard) was removed as an unknown person's.
#[test]
fn regression_ocr_digits_and_officials_names_misread() {
    let mut ctx = register(
        Country::DK,
        &[
            ("Kirsten Damgaard", "1", "Tranevej 9, st. tv."),
            ("Ib Holm", "2", "Tranevej 9, st. th."),
        ],
    );
    ctx.officials.push(Official {
        name: "Kirsten Damgaard".into(),
        role: RoleKind::Chair,
        valid_from: None,
        valid_to: None,
    });
    let text =
        "Formand Kirsten Darngaard bød velkommen. Venteliste: Sofus Kold, Vesterbro 1O2, st.,\n\
                tlf. 2l 64 83 O7. Referent: K. Darngaard. Mødet sluttede kl. 2O.3O.";
    let out = blocked(text, &ctx);
    for gone in ["Sofus Kold", "1O2, st.", "2l 64 83 O7"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["Formand Kirsten Darngaard", "K. Darngaard", "kl. 2O.3O"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (issue 14, a first name that is also a word, third held-out set): a registered first name
/// that the word lists also hold ("Aino", "Hilde") at the start of a sentence was left unless the person
/// was named in full; before a verb of saying or asking it is the speaker, and joined by "og"/"och" to a
/// name found it is a name. A word that starts a sentence otherwise still needs the full name.
#[test]
fn regression_a_registered_first_name_that_is_also_a_word_speaking_or_joined_to_a_name() {
    let ctx = register(Country::SE, &[("Aino Kettunen", "18", "Svalvägen 6, 2 tr")]);
    let text = "Övriga frågor\n- Aino undrade om tvättstugan kan bokas digitalt.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("Aino"), "{out}");
    assert!(out.contains("undrade om tvättstugan"), "{out}");
    let ctx = register(
        Country::NO,
        &[
            ("Geir Lien", "4", "Bakkeveien 4A, H0202"),
            ("Hilde Lien", "4", "Bakkeveien 4A, H0202"),
            ("Lykke Berg", "5", "Bakkeveien 4A, H0301"),
        ],
    );
    let text =
        "Eventuelt\n– Hilde og Geir skal ha fest i fellesrommet.\n– Lykke og glede ønskes alle.";
    let out = blocked(text, &ctx);
    for gone in ["Hilde", "Geir"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Lykke og glede"), "{out}");
}

/// Regression (issue 14, precision on published minutes, third held-out set): people named right after
/// the public office they hold (a mayor, a district director, a councillor with a field, "kommunstyrelsens
/// ordförande") were removed like residents; they act in public and stay. The association's own chair
/// and a caretaker, also named by role, still go.
#[test]
fn regression_public_office_holders_stay_without_a_register() {
    let text = "Referat af generalforsamling\n\
                Borgmester Jonna Vestergård åbnede den nye legeplads. Vicevært Kim Dahl takkede.\n\
                Byråd for kultur og idrett Sunniva Lie orienterte. Ordføreren Pål Moen svarte.\n\
                Senare talade kommunstyrelsens ordförande Eva Ek. Ordförande Ulf Berg avslutade.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for stays in ["Jonna Vestergård", "Sunniva Lie", "Pål Moen", "Eva Ek"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    for gone in ["Kim Dahl", "Ulf Berg"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (issue 14, names in lower case, third held-out set): in an e-mail typed without capitals a
/// registered first name in lower case ("marit i 3. etasje sier …") stayed unless the person was named in
/// full in the document. In a line written in lower case (a flat code may stand in it) it is a name; a
/// first name that is also a word ("per") and a lower-case first name in an ordinary sentence still need
/// the full name.
#[test]
fn regression_a_registered_first_name_in_a_line_written_in_lower_case() {
    let ctx = register(
        Country::NO,
        &[
            ("Marit Dahle", "6", "Elvegata 4A, H0302"),
            ("Per Bakke", "7", "Elvegata 4A, H0301"),
        ],
    );
    let text = "Fra: styret\n\
                hei. jeg har snakket med marit i 3. etasje om røyken i H0202, det går per i dag ikke bedre.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("med marit i"), "{out}");
    assert!(out.contains("per i dag"), "{out}");
    // In an ordinary sentence a lower-case first name alone stays a word.
    let text = "Sak 4: Styret har snakket med marit om røyken i oppgangen.";
    assert!(blocked(text, &ctx).contains("med marit om"));
}

/// What the extraction does to a passage of a plain-text file, for comparing a passage as written
/// with the finding in the extracted text.
fn tidied(passage: &str) -> String {
    let t = passage
        .replace("\r\n", "\n")
        .replace('\r', "\n")
        .replace(['\u{feff}', '\u{ad}', '\u{200b}'], "")
        .replace('\u{a0}', " ");
    let mut lines: Vec<&str> = t.split('\n').map(str::trim_end).collect();
    lines.dedup_by(|a, b| a.is_empty() && b.is_empty());
    nfc(&lines.join("\n"))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Offsets are the file's own characters: for any plain-text file, every finding's positions cut
    /// from the file as written (byte-order mark, CRLF, trailing spaces, blank lines, no-break spaces,
    /// decomposed letters) the passage the finding is, and what the extraction made of that passage.
    #[test]
    fn detect_positions_count_the_file_as_written(
        bom in any::<bool>(),
        parts in proptest::collection::vec(prop_oneof![
            Just("Jens Nielsen".to_string()), Just("29 91 44 06".to_string()),
            Just("jens@example.dk".to_string()), Just("110584-3638".to_string()),
            Just("Søren".to_string()), Just("Rene\u{301} Dahl".to_string()),
            Just("fru Krogh".to_string()), Just(" ".to_string()), Just("  \r\n".to_string()),
            Just("\r\n\r\n\r\n".to_string()), Just("\n".to_string()), Just("\u{a0}".to_string()),
            Just("\u{ad}".to_string()), Just("og".to_string()), Just(", ".to_string()),
            "[a-zæøå]{1,8}", "[A-ZÆØÅ][a-zæøå]{2,7}",
        ], 1..40),
    ) {
        let mut file = String::new();
        if bom {
            file.push('\u{feff}');
        }
        for p in &parts {
            if !file.is_empty() && !file.ends_with([' ', '\n']) && !p.starts_with([' ', '\r', '\n', ',']) {
                file.push(' ');
            }
            file.push_str(p);
        }
        let Ok(text) = andel_core::minutes::extract_text(file.as_bytes(), andel_core::minutes::Format::Txt) else {
            return Ok(());
        };
        let written = andel_core::minutes::as_written(file.as_bytes(), andel_core::minutes::Format::Txt, &text);
        prop_assert!(written.is_some(), "no alignment for {file:?}");
        let written = written.unwrap();
        let chars: Vec<char> = file.chars().collect();
        for f in detect(&text, None) {
            let (s, e, passage) = written.span(f.start, f.end).unwrap();
            let cut: String = chars[s..e].iter().collect();
            prop_assert_eq!(&cut, &passage);
            prop_assert_eq!(tidied(&passage), nfc(&f.text), "{:?} in {:?}", passage, file);
        }
    }
}

/// The held-out minutes (`tests/heldout-minutes/`), written on 2026-12-02 after the rules they test and
/// not tuned on: three associations (DA row houses, NO borettslag, SE bostadsrättsförening).
fn heldout() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes")
}

/// The part of the held-out set kept untouched while the rules were generalised (one document per
/// language); the other documents were used to find the classes of misses.
fn untouched(name: &str) -> bool {
    name.ends_with("-2025-2.txt")
}

/// Minimum (removed, kept) counts on a part of the held-out set: the figures the engine reached, so
/// that any rule change that loses ground on unseen text fails here.
fn assert_heldout(part: &str, s: &Score, removed: usize, kept: usize) {
    assert!(
        s.vanish.ok >= removed && s.keep.ok >= kept,
        "held-out {part}: removed {}/{} (was {removed}), kept {}/{} (was {kept}); by kind {:?}; misses: {:#?}",
        s.vanish.ok,
        s.vanish.n,
        s.keep.ok,
        s.keep.n,
        s.vanish_kind
            .iter()
            .map(|(k, t)| format!("{k} {}/{}", t.ok, t.n))
            .collect::<Vec<_>>(),
        s.misses
    );
}

#[test]
fn heldout_minutes_with_the_register() {
    let all = score_set(&heldout(), &|_| true, true);
    // 156 and 295 since 2026-12-05: "fru Aalund fylder 90 år den 4. maj" is relabelled, the birthday
    // beside the age being a date of birth (as in the third set; tests/measure-only/README.md).
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (9, 156, 295));
    // First unseen score 144/155 and 293/296; after generalising the classes of the tuning part's misses
    // (first name + initial, floors before a comma, the clock after an address, common rooms, handles).
    // 154 after the third held-out set's classes; 155 (untouched part 40/40) after a floor alone after the
    // person who lives there (2026-12-04).
    // 156 and 295 after the birthday's relabelling and rule (2026-12-05).
    assert_heldout("all, with the register", &all, 156, 295);
    let part = score_set(&heldout(), &untouched, true);
    // Before: 36/40 and 82/82.
    assert_heldout("untouched part, with the register", &part, 40, 82);
}

/// Only the board and officials loaded: residents, guests and buyers must be found by the unknown-name,
/// initial, floor and unit rules.
#[test]
fn heldout_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout(), &|_| true, false);
    // First unseen score 116/155 and 294/296; 125 after the held-out round, 126 after issue 14's fourth
    // round on names without a register.
    // 127 after the third held-out set's classes.
    // 130 after the sixth set's credits and hyphenated initials; 131 after the seventh set's surnames of a
    // pasted e-mail's sender; 132 (untouched part 30/40) after a floor alone after the person who lives
    // there.
    // 133 and 295 of 295 after the birthday's relabelling and rule (2026-12-05).
    assert_heldout("all, without residents", &all, 133, 295);
    let part = score_set(&heldout(), &untouched, false);
    assert_heldout("untouched part, without residents", &part, 30, 82);
}

/// The second held-out set (`tests/heldout-minutes-2/`), written on 2026-12-03 by someone who did not look
/// at the engine's output while writing it, after the first held-out set had been tuned on: Danish and
/// Swedish row houses on two streets each, a Norwegian borettslag whose minutes are partly PDF-damaged.
fn heldout2() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-2")
}

/// The part of the second and third held-out sets kept untouched while rules were generalised: the
/// documents from 2026 (one per association; two of the third set's no-register part). The others were
/// used to find the classes of misses.
fn untouched_2026(name: &str) -> bool {
    name.contains("-2026-")
}

#[test]
fn heldout2_minutes_with_the_register() {
    let all = score_set(&heldout2(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (9, 285, 226));
    // First unseen score, before any change for this set: 249/285 and 225/226 (untouched part 76/93 and
    // 69/70). After generalising the tuning part's classes (the association's houses in short, "nr. 14",
    // "Lærkev. 12", "LV 20"; a floor against a building's number, "tredje etasje i 25"; "etasje"/"etg."
    // after an address; a first name that starts a sentence before a home):
    assert_heldout("second set, all, with the register", &all, 285, 225);
    let part = score_set(&heldout2(), &untouched_2026, true);
    assert_heldout(
        "second set, untouched part, with the register",
        &part,
        93,
        69,
    );
}

/// Only the board and officials loaded (residents, guests, buyers and tenants found by the unknown-name,
/// initial, floor and unit rules).
#[test]
fn heldout2_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout2(), &|_| true, false);
    // First unseen score, before any change for this set: 186/285; 187 after issue 14's fourth round on
    // names without a register (not tuned on this set).
    // 197 after the houses and floors of the tuning part (untouched part 61 -> 64/93); 198 after the sixth
    // set's names in credits, 200 (untouched part 65/93) after its hyphenated initials; 201 after the seventh
    // set's surnames of a pasted e-mail's sender.
    assert_heldout("second set, all, without residents", &all, 201, 225);
    let part = score_set(&heldout2(), &untouched_2026, false);
    assert_heldout(
        "second set, untouched part, without residents",
        &part,
        65,
        69,
    );
}

/// Regression (issue 14, names without a register): in minutes and notices read with no register, a
/// first name after "fra" or after a particle that is also a word ("da"), a lone surname before a verb of
/// saying or proposing at a sentence start, a surname tied to a unit inside a sentence and an unlisted
/// first name before a patronymic stayed; a noun before a unit at a sentence start, a firm joined by an
/// ampersand and a place after an abbreviated saint were taken for people.
#[test]
fn regression_names_without_a_register_in_minutes_and_notices() {
    let text = "Referat af bestyrelsesmøde\n\
                Forslag fra nr. 7 om nye hække. Forslag fra Gudrun om cykelstativ.\n\
                Kvistgaard mente, at hækken skal klippes, da Signe havde målt den.\n\
                Brøndumlund foreslog en afstemning. Der er klage over Tvergaard fra nr. 17.\n\
                Revisor Zdravko Mikkelsen fra Mikkelsen & Partnere var til stede.\n\
                Festen holdes i Sct. Knuds Park.\n\
                Dataansvarlig: Andelsboligforeningen Lærkereden, Kløvervej 12.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in [
        "Gudrun",
        "Kvistgaard",
        "Signe",
        "Brøndumlund",
        "Tvergaard",
        "Zdravko Mikkelsen",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in [
        "Forslag fra",
        "Mikkelsen & Partnere",
        "Sct. Knuds Park",
        "Andelsboligforeningen Lærkereden, Kløvervej 12",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (issue 14, precision on text nobody tuned on): institutions whose name ends in a common
/// noun (a university, a yard, a publisher, a savings bank, the ombudsman) and a word at a sentence's
/// start that is also a named person's surname ("Heller ikke …" after "Tormod Heller") were removed as
/// people's names; the person himself still goes.
#[test]
fn regression_institutions_and_sentence_starting_words_without_a_register() {
    let text = "Referat af bestyrelsesmøde\n\
                Arkitekt Tormod Heller fra Trelund Universitet viste tegningerne.\n\
                Vi var heller ikke enige om taget. Heller ikke kassereren var til stede.\n\
                Lånet kommer fra Vestmark Sparekasse. Klagen er sendt til Ombudsmanden.\n\
                Vinduerne er fra Ravnsø Værft, bogen fra Hjortbæk Forlag.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(
        !out.contains("Tormod Heller"),
        "Tormod Heller left in {out}"
    );
    for stays in [
        "Trelund Universitet",
        "Heller ikke kassereren",
        "Vestmark Sparekasse",
        "Ombudsmanden",
        "Ravnsø Værft",
        "Hjortbæk Forlag",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (issue 14, lone surnames and short forms without a register): a common surname alone
/// ("Søndergaard klagede"), initials before a surname that is also a town ("B-M Lund"), a surname the
/// text writes in lower case only in an e-mail address ("S. Kvame", "s.kvame@…") and a name after a
/// title in apposition stayed; a pronoun after such a title ("formanden, De …") was taken for a name.
#[test]
fn regression_lone_surnames_initials_and_appositions_without_a_register() {
    let text = "Protokoll\n\
                Søndergaard klagede over hækken. Motion från B-M Lund om hönsgård.\n\
                Ønske fra S. Kvame om ladeplass (s.kvame@example.no).\n\
                Brevet gik til forbundets generalsekretær, Aurelio Vantaggi.\n\
                Ja, formanden, De har ret. De kommer i morgen.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in [
        "Søndergaard",
        "B-M Lund",
        "S. Kvame",
        "s.kvame@",
        "Aurelio Vantaggi",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["De har ret. De kommer", "Motion från", "generalsekretær"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// The third held-out set (`tests/heldout-minutes-3/`), written on 2026-12-03 by someone who did not look at
/// the engine's output while writing it, after the second set had been tuned on: a Danish block of flats
/// ("st. tv.", "2. th."), a Swedish brf with lägenhetsnummer and trappa, a Norwegian sameie with sections and
/// flat codes, a small association's OCR'd scans; and (`no-register/`) website-style minutes and notices
/// read with no register at all.
fn heldout3() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-3")
}

#[test]
fn heldout3_minutes_with_the_register() {
    let all = score_set(&heldout3(), &|_| true, true);
    // 343 and 223 since 2026-12-05: a resident's birthday beside the age ("fylder 90 år den 14. oktober")
    // gives the date of birth, which the policy removes; the set had labelled it a date that stays, the
    // later batch 22 as one that goes (tests/measure-only/README.md).
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (12, 343, 223));
    // First unseen score, before any change for this set: 275/342 and 220/224 (untouched part 70/94 and
    // 62/64). After generalising the tuning part's classes (flats by floor and side without the street,
    // Swedish floors in stairs, Norwegian entrances with a floor, a street with the floor alone, a
    // sameie's sections and the association's own numbering, OCR's letters for digits and officials'
    // names misread, a registered first name before a verb of saying or joined by "og" to a name, a
    // registered first name in a line written in lower case):
    // 335 after the fourth set's classes and the untouched part's, studied then (floors against an
    // entrance's letter or in Swedish stairs in words, names run together, lower-case genitives): the
    // untouched part is no longer untouched (92/94). 338 (93/94) after the lower-case short forms of a
    // registered name in a name's place (a first name that is also a word, signing; 2026-12-04).
    // 339 and 222 of 223 after the birthday's relabelling and rule (2026-12-05).
    assert_heldout("third set, all, with the register", &all, 339, 222);
    let part = score_set(&heldout3(), &untouched_2026, true);
    assert_heldout(
        "third set, untouched part, with the register",
        &part,
        93,
        63,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout3_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout3(), &|_| true, false);
    // First unseen score: 266/342 and 220/224 (untouched part 66/94 and 62/64); 318 and 223 after the
    // classes above; 324 (untouched part 86) after the fourth set's; 326 (untouched part 87) after the
    // seventh set's surnames of a pasted e-mail's sender; 327 after its lower-case lines with a flat's code.
    // 330 and 222 of 223 after the birthday's relabelling and rule (2026-12-05).
    assert_heldout("third set, all, without residents", &all, 330, 222);
    let part = score_set(&heldout3(), &untouched_2026, false);
    assert_heldout(
        "third set, untouched part, without residents",
        &part,
        87,
        63,
    );
}

/// Person names on one part of a set read with no register: (labelled names removed, labelled names,
/// person findings that are a labelled name or part of one, person findings), for recall and precision.
struct NameScore {
    removed: usize,
    labelled: usize,
    right: usize,
    found: usize,
    misses: Vec<String>,
}

/// Detection with no register at all (`detect(text, None)`) + apply on the documents of `root` that
/// `pick` takes; a person finding counts as right when it lies inside a name labelled to vanish (or holds
/// one), as wrong otherwise (a firm, a place, a public person, a word).
fn score_names_without_a_register(root: &Path, pick: &dyn Fn(&str) -> bool) -> NameScore {
    let out_dir = std::env::var_os("ANDEL_REDACT_OUT_NOREG").map(PathBuf::from);
    let mut s = NameScore {
        removed: 0,
        labelled: 0,
        right: 0,
        found: 0,
        misses: Vec::new(),
    };
    let mut docs: Vec<_> = std::fs::read_dir(root.join("docs"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| pick(&p.file_name().unwrap().to_string_lossy()))
        .collect();
    docs.sort();
    for doc in docs {
        let name = doc.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&doc).unwrap();
        let findings = detect(&text, None);
        let output = apply(&text, &findings, Style::Block, None).unwrap();
        if let Some(dir) = &out_dir {
            std::fs::create_dir_all(dir).unwrap();
            std::fs::write(dir.join(&name), &output).unwrap();
        }
        let output = nfc(&output);
        let labels: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(root.join("labels").join(name.replace(".txt", ".json")))
                .unwrap(),
        )
        .unwrap();
        let names: Vec<String> = labels["vanish"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|l| l["kind"] == "person")
            .map(|l| nfc(l["text"].as_str().unwrap()))
            .collect();
        for n in &names {
            s.labelled += 1;
            if output.contains(n.as_str()) {
                s.misses.push(format!("{name}: leaked {n:?}"));
            } else {
                s.removed += 1;
            }
        }
        for f in findings.iter().filter(|f| {
            f.kind == andel_core::redact::Kind::Person && f.decision == Decision::Redact
        }) {
            let t = nfc(f.text.trim());
            s.found += 1;
            if names
                .iter()
                .any(|n| n.contains(t.as_str()) || t.contains(n.as_str()))
            {
                s.right += 1;
            } else {
                s.misses.push(format!("{name}: not a labelled name {t:?}"));
            }
        }
    }
    println!(
        "no register: names removed {}/{}, person findings right {}/{}",
        s.removed, s.labelled, s.right, s.found
    );
    s
}

/// Minimum (removed, right) counts and the most wrong findings allowed on a part read with no register.
fn assert_names(part: &str, s: &NameScore, removed: usize, right: usize, wrong: usize) {
    assert!(
        s.removed >= removed && s.right >= right && s.found - s.right <= wrong,
        "{part}: names removed {}/{} (was {removed}), findings right {}/{} (was {right}, at most {wrong} wrong); \
         misses: {:#?}",
        s.removed,
        s.labelled,
        s.right,
        s.found,
        s.misses
    );
}

#[test]
fn heldout3_notices_without_a_register() {
    let root = heldout3().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 118);
    // First unseen score: every name removed (118/118), 150 of 159 person findings right (untouched part
    // 40/40 and 45 of 50).
    // After the public offices (names right after one stay, as the set labels them): 150 of 154; 150 of
    // 153 after the third NorNE round on names without a register (untouched part 45 of 48). 150 of 152
    // (untouched part 45 of 46) since the names model adds no function word opening a sentence: the Swedish
    // "Tack" and "Ni" went ("Ni" had counted as right, being part of a labelled name).
    // Right 150 -> 144 of 146 since a couple named with one surname is one finding (names/joints.rs
    // couples, nore19): two right findings became one; no name less removed, no finding more wrong.
    assert_names("third set without a register, all", &all, 118, 144, 2);
    let part = score_names_without_a_register(&root, &untouched_2026);
    // Right 45 -> 42 since a couple named with one surname is one finding (nore19).
    assert_names(
        "third set without a register, untouched part",
        &part,
        40,
        42,
        1,
    );
}

/// Regression (units without a word for a flat, fourth held-out set): row houses numbered with a letter
/// ("Epleveien 7B") were taken for no house at all, so "7B", "bolig 7B" and the full address stayed; a
/// list of who attended, typed as a table with a column "Lgh nr" or "Bolig", left every resident's unit
/// in its cell; numbered parking spaces and storage rooms ("P-plads 4", "bod 14", "förråd 7") stayed
/// beside their resident's name.
#[test]
fn regression_lettered_houses_units_in_attendance_tables_and_numbered_spaces() {
    let ctx = register(
        Country::NO,
        &[
            ("Kari Holm", "1", "Epleveien 1A"),
            ("Per Holm", "2", "Epleveien 1B"),
            ("Siri Dahl", "3", "Epleveien 7B"),
        ],
    );
    let text = "Til stede:\nBolig | Andelseier\n1A    | Kari Holm\n7B    | Siri Dahl\n\n\
                Taket på bolig 7B lekker. Hekken mellom 1A og 1B klippes. Epleveien 7B er solgt.\n\
                Per leier ut p-plass 11 og har fått bod 4. Jf. § 7B i vedtektene; sak 1A utsettes.";
    let out = blocked(text, &ctx);
    for gone in [
        "1A    |",
        "7B    |",
        "bolig 7B",
        "1A og 1B",
        "Epleveien 7B",
        "p-plass 11",
        "bod 4",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["§ 7B", "sak 1A", "Bolig | Andelseier"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    let ctx = register(Country::SE, &[("Alva Ström", "4", "Lindgatan 3, 1 tr")]);
    let text = "Närvarande:\nLgh nr  Namn            Port\n1204    Alva Ström      3\n\n\
                Hon tar över förråd nr 9. Avgiften är 1204 kronor.";
    let out = blocked(text, &ctx);
    for gone in ["1204    ", "förråd nr 9"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("1204 kronor"), "{out}");
}

/// Regression (short forms and marks left off, fourth held-out set): a resident registered as Karl, Bo,
/// Torbjørn or Krzysztof was named "Kalle", "Bosse", "Tobben", "Krzysiek" and stayed; a surname with
/// letters of another alphabet typed without their marks ("Wisniewski" for Wiśniewski, "Yildiz" for
/// Yıldız) stayed. A short form that is also a word ("Bosse") needs what the name needs: the person
/// named in full in the document, or a verb of saying. A short form of a board member's name stays.
#[test]
fn regression_short_forms_of_registered_names_and_marks_left_off() {
    let mut ctx = register(
        Country::SE,
        &[
            ("Karl Lindgren", "1", "Ekgatan 3, BV"),
            ("Bo Sandell", "2", "Ekgatan 3, 1 tr"),
            ("Tomasz Wiśniewski", "3", "Ekgatan 5, BV"),
            ("Emre Yıldız", "4", "Ekgatan 5, 1 tr"),
            ("Torbjörn Ahl", "5", "Ekgatan 7, BV"),
        ],
    );
    ctx.officials.push(Official {
        name: "Elisabet Ruud".into(),
        role: RoleKind::Chair,
        valid_from: None,
        valid_to: None,
    });
    let text = "Kalle undrade om solceller. Motion från Bo Sandell. Bosse höll med. Styrelsen tackar KALLE!\n\
                Wisniewski har betalt. Yildiz har inte betalat. Tobbe tar med släpet.\n\
                Lisa Ruud, ordförande, avslutade mötet. Lisa tackade alla.";
    let out = blocked(text, &ctx);
    for gone in ["Kalle", "Bosse", "KALLE", "Wisniewski", "Yildiz", "Tobbe"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["Lisa Ruud", "Lisa tackade", "Styrelsen tackar"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (names without a register, fourth held-out set): an office written as a compound
/// ("Teknik- og miljøborgmester") or the chair of a public body by its genitive ("Trafiknämndens
/// ordförande") did not keep its holder; a legal form after a trade ("Murer ApS") was taken for a name
/// after a role; a first name that is also a word went unnoticed alone though the text named its person
/// in full ("Helle Vad-Iversen … Helle deltager"), and so did a nickname written inside the name
/// ("Thomas «Tom» Lauridsen … Tom takkede"); a square named after a person ("Fredrika Bremers plats") and
/// a municipal office ending in "-kontoret" were taken for people.
#[test]
fn regression_offices_firms_first_names_alone_and_places_without_a_register() {
    let text = "Teknik- og miljøborgmester Rune Lindberg kom. Trafiknämndens ordförande Lena Falk svarade.\n\
                Arbejdet blev udført af Holm & Søn Murer ApS med Ole Holm som byggeleder.\n\
                Kassereren, Helle Vad-Iversen, fremlagde regnskabet. Helle deltager i mødet.\n\
                Nyvalgt: Thomas «Tom» Lauridsen. Tom takkede for valget.\n\
                Rosorna vid Fredrika Bremers plats är nya. Stadsbyggnadskontoret svarade.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in [
        "Ole Holm",
        "Helle Vad-Iversen",
        "Helle deltager",
        "Tom takkede",
        "Lauridsen",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in [
        "Rune Lindberg",
        "Lena Falk",
        "Holm & Søn Murer ApS",
        "Fredrika Bremers plats",
        "Stadsbyggnadskontoret",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (a verb of saying in a perfect tense, titles in Swedish quotation marks, fourth held-out
/// set): a registered first name that is also a word stayed before "har bedt om" (only "bad" counted); a
/// rose's name in Swedish quotation marks (”Ingrid Bergman”) was taken for a person.
#[test]
fn regression_a_verb_of_saying_in_a_perfect_tense_and_swedish_quotation_marks() {
    let ctx = register(Country::DK, &[("Ulla Krog", "3", "Kløvervej 3")]);
    let out = blocked(
        "Vaskeriet er lukket. Ulla har bedt om en ekstra nøgle.",
        &ctx,
    );
    assert!(!out.contains("Ulla"), "{out}");
    let text = "Rosorna är av sorten ”Ingrid Bergman”, en gåva.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(out.contains("Ingrid Bergman"), "{out}");
}

/// Regression (the third set's untouched part, studied once the fourth set was written): a floor in
/// words against an entrance's letter ("første etasje i A") or a Swedish floor in stairs written in words
/// before the entrance ("två trappor upp i port 6") stayed; a registered name run together by OCR
/// ("MohammadKarimi") stayed, and with it the first name alone; a lower-case genitive of a registered
/// first name ("gudruns") stayed though the nominative went.
#[test]
fn regression_floors_against_an_entrance_and_names_run_together() {
    let ctx = register(
        Country::NO,
        &[
            ("Mohammad Karimi", "3", "Tranestien 9, 1. tv."),
            ("Gudrun Lystad", "4", "Tranestien 9, 1. th."),
        ],
    );
    let text = "Lekkasje fra første etasje i A. Hun bor i andre etasje i oppgang C.\n\
                Underskrevet: MohammadKarimi. Mohammad takket.\n\
                Gudrun Lystad var der. ok, gudruns sykkel står i gangen.";
    let out = blocked(text, &ctx);
    for gone in [
        "første etasje i A",
        "andre etasje i oppgang C",
        "MohammadKarimi",
        "Mohammad",
        "gudruns",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let ctx = register(Country::SE, &[("Siv Åkesson", "6", "Svalgången 6, 2 tr")]);
    let out = blocked(
        "Trean, två trappor upp i port 6, är såld. Hissen i port 6 är ny.",
        &ctx,
    );
    assert!(!out.contains("två trappor upp i port 6"), "{out}");
    assert!(out.contains("Hissen i port 6"), "{out}");
}

/// The fourth held-out set (`tests/heldout-minutes-4/`), written on 2026-12-03 without looking at the engine's
/// output, after the third set had been tuned on: residents with names from outside the Nordics, particles,
/// double surnames, nicknames and inflected names; units as flat codes, "lejl.", bare lägenhetsnummer in
/// attendance tables, row houses as "bolig 7B"; minutes pasted from e-mail threads; and (`no-register/`)
/// website-style minutes and notices read with no register at all.
fn heldout4() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-4")
}

#[test]
fn heldout4_minutes_with_the_register() {
    let all = score_set(&heldout4(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (12, 331, 215));
    // First unseen score, before any change for this set: 275/331 and 214/215 (untouched part 79/90 and
    // 48/49). After lettered row houses, units in attendance tables and numbered parking spaces and
    // storage rooms: 304 and 214 (untouched part 83/90); 311 (84) after short forms of registered
    // first names and surnames typed without their marks; 312 after verbs of saying in a perfect tense;
    // 313 after initials of two given names. 319 (untouched part 85/90) after the fifth set's classes:
    // flats by their relation to someone, parking spaces without "p-", prefix nicknames ("Siva"); 321
    // (untouched part 86/90) after a flat or a space by whose it is; 322 after lower-case first names of
    // people the document names by surname. 323 (untouched part 87/90) after the eighth set's address of a
    // person with postcode and town (the untouched document's leak of this kind had been seen by then: not
    // a clean unseen figure). 325 (untouched part 88/90) after the party of a letting or a sale named by
    // its role ("Lejer bliver Abdullahi Mohamed Osman"). 326 (89/90) after a floor alone after the
    // person who lives there. 327 after a home's room as a flat ("altanen under hende").
    assert_heldout("fourth set, all, with the register", &all, 327, 214);
    let part = score_set(&heldout4(), &untouched_2026, true);
    assert_heldout(
        "fourth set, untouched part, with the register",
        &part,
        89,
        48,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout4_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout4(), &|_| true, false);
    // First unseen score: 238/331 and 214/215 (untouched part 68/90 and 48/49); 258 (70) after the
    // classes above, 260 after the short forms and names without their marks; 265 (71) after the fifth
    // set's classes, 267 (72); 268 (73) after the sixth set's first names in a line typed in lower case,
    // 269 after its hyphenated initials; 270 (74) after the eighth set's address of a person with postcode
    // and town (seen in the untouched document before: not a clean unseen figure); 272 (75) after the
    // party of a letting or a sale named by its role; 273 (76) after a floor alone after the person who
    // lives there; 279 on main by later rules with the pin not raised; 280 after a Swedish ground floor
    // after the house ("Storgatan 5, bv"); 281 after a home's room as a flat ("altanen under hende").
    assert_heldout("fourth set, all, without residents", &all, 281, 214);
    let part = score_set(&heldout4(), &untouched_2026, false);
    assert_heldout(
        "fourth set, untouched part, without residents",
        &part,
        76,
        48,
    );
}

#[test]
fn heldout4_notices_without_a_register() {
    let root = heldout4().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 119);
    // First unseen score: 112 of 119 names removed, 135 of 147 person findings right (untouched part 30/34
    // and 33 of 37). After compound offices and chairs of public bodies, a legal form after a trade, a
    // first name or nickname alone once the text names the person in full, squares and municipal
    // offices: 114 of 119 and 139 of 145 (untouched part unchanged).
    // 139 of 144 after titles in Swedish quotation marks.
    // 139 of 143 after firms named like a person. With the names model retrained on both halves of NorNE
    // train with its document-level features (FEATURES_VERSION 2): 115 of 119 names and 140 of 145.
    // 141 of 146 (untouched part 34 of 38) since the initials of a person named in full are that person:
    // one more finding, on a labelled name's initials.
    // 116 of 119 names and 136 of 141 (wrong findings unchanged) since a word beside a name joins it
    // above the names model's join threshold and a nickname inside a name joins its parts: one more name
    // whole, and six right findings that were parts of one name are one finding each now.
    // 135 of 140 since the model adds no title of address: "Hr" of "Hr. og fru …" was a finding of its
    // own inside a labelled name (the surname is still found); untouched part 31 names (one more since
    // the names beside a name join it), 33 of 37 right.
    // At most 4 wrong (untouched part 3) since numerals are function words ("Tusen takk!").
    // Right 135 -> 130 of 134 since a couple named with one surname is one finding (names/joints.rs
    // couples, nore19): two right findings became one; no name less removed, no finding more wrong.
    assert_names("fourth set without a register, all", &all, 116, 130, 4);
    let part = score_names_without_a_register(&root, &untouched_2026);
    // Right 33 -> 31 since a couple named with one surname is one finding (nore19).
    assert_names(
        "fourth set without a register, untouched part",
        &part,
        31,
        31,
        3,
    );
}

/// Regression (initials of two given names, fourth held-out set): "P.E." for a resident Poul Erik Dam
/// stayed (only "K-E" of a hyphenated first name and the initials of the whole name counted); other
/// initials ("P.S.") stay.
#[test]
fn regression_initials_of_two_given_names() {
    let ctx = register(
        Country::DK,
        &[
            ("Poul Erik Dam", "18", "Hyldevej 16, 2. th."),
            ("Karl-Erik Bro", "2", "Hyldevej 12, st. th."),
        ],
    );
    let out = blocked(
        "K-E og P.E. var enige. Forslag fra P.E. om cykler. (P.S. husk nøglen.)",
        &ctx,
    );
    assert!(!out.contains("P.E.") && !out.contains("K-E"), "{out}");
    assert!(out.contains("P.S."), "{out}");
}

/// The fifth held-out set (`tests/heldout-minutes-5/`), written on 2026-12-03 without looking at the engine's
/// output, after the fourth set had been tuned on: a Swedish brf in two buildings with entrances, an old Danish
/// building with forhus and baghus, a Norwegian sameie of sections, a Danish almen afdeling with its elected
/// board; annual reports, complaint cases with both parties named, waiting lists, renovation schedules per
/// flat, pasted e-mails, elections with votes, the caretaker's report; and (`no-register/`) website-style
/// minutes and notices read with no register at all.
fn heldout5() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-5")
}

#[test]
fn heldout5_minutes_with_the_register() {
    let all = score_set(&heldout5(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (12, 292, 176));
    // First unseen score, before any change for this set: 259/292 and 174/176 (untouched part 92/100 and
    // 49/51). After flats by their relation to someone or their place in the building, parking spaces
    // without "p-" and bare lägenhetsnummer: 276 and 174 (untouched part 93/100); 277 after a unit number
    // right after a person; 281 after a flat or a space by whose it is ("hans plass").
    assert_heldout("fifth set, all, with the register", &all, 281, 174);
    let part = score_set(&heldout5(), &untouched_2026, true);
    assert_heldout(
        "fifth set, untouched part, with the register",
        &part,
        93,
        49,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout5_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout5(), &|_| true, false);
    // First unseen score: 243/292 and 174/176 (untouched part 84/100 and 49/51); 260 (85) after the
    // flats, parking spaces and lägenhetsnummer; 261 after a unit number right after a person, 265 after a
    // flat or a space by whose it is; 266 after the seventh set's first name before a lettered unit.
    assert_heldout("fifth set, all, without residents", &all, 266, 174);
    let part = score_set(&heldout5(), &untouched_2026, false);
    assert_heldout(
        "fifth set, untouched part, without residents",
        &part,
        85,
        49,
    );
}

#[test]
fn heldout5_notices_without_a_register() {
    let root = heldout5().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 104);
    // First unseen score: 103 of 104 names removed, 118 of 123 person findings right (untouched part 29/30
    // and 30 of 32). 118 of 120 after firms named like a person (untouched part unchanged). 118 of 121
    // with the names model retrained on both halves of NorNE train with its document-level features
    // (FEATURES_VERSION 2; untouched part unchanged). 118 of 120 since a person's employer after "fra"
    // stays (`firms::employer_after_a_person`; not in the untouched part).
    // Right 118 -> 113 of 115 since a couple named with one surname is one finding (names/joints.rs
    // couples, nore19): two right findings became one; no name less removed, no finding more wrong.
    assert_names("fifth set without a register, all", &all, 103, 113, 2);
    let part = score_names_without_a_register(&root, &untouched_2026);
    // Right 30 -> 29 since a couple named with one surname is one finding (nore19).
    assert_names(
        "fifth set without a register, untouched part",
        &part,
        29,
        29,
        2,
    );
}

/// The sixth held-out set (`tests/heldout-minutes-6/`), written on 2026-12-03 without looking at the engine's
/// output, after the fifth set had been tuned on: Norwegian row houses where every unit is a house number on one
/// street, a Swedish brf of three entrances with lägenhetsnummer, a Danish andelsforening in two stairways with a
/// sale and sublets; PDF damage, mojibake, lower-case e-mails, initials and floors in words; and (`no-register/`)
/// website-style minutes and newsletters read with no register at all.
fn heldout6() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-6")
}

#[test]
fn heldout6_minutes_with_the_register() {
    let all = score_set(&heldout6(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (9, 234, 192));
    // First unseen score, before any change for this set: 222/234 and 192/192 (untouched part 79/86 and 56/56).
    // 224 after lower-case first names in pasted e-mails ("hos kirsten", "sven-erik"); 225 after a first
    // name that is also a word before a deed ("Siv har ersatt"); 226 after a flat by its rooms ("ettan
    // bredvid mig"); 227 after a first name after a cue in a line typed in lower case ("min dotter mila");
    // 228 (untouched part 80/86) after a floor alone after the person who lives there; 232 (84/86) after a
    // row house's street abbreviated with a full stop.
    assert_heldout("sixth set, all, with the register", &all, 232, 192);
    let part = score_set(&heldout6(), &untouched_2026, true);
    assert_heldout(
        "sixth set, untouched part, with the register",
        &part,
        84,
        56,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout6_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout6(), &|_| true, false);
    // First unseen score: 190/234 and 192/192 (untouched part 66/86 and 56/56); 191 after a flat by its
    // rooms, 192 after a relative of a board member, 194 after a pasted e-mail's display name without its
    // marks and a signature after a slash, 196 (untouched part 68/86) after first names in a line typed in
    // lower case, 197 after names in credits ("FOTO: …"), 201 (untouched part 69/86) after hyphenated
    // initials that are no range ("P-O visade"), 202 after a first name after a cue in a lower-case line;
    // 203 (untouched part 70/86) after the seventh set's family as a cue ("familjen Ekwall"); 204 (71/86)
    // after a floor alone after the person who lives there.
    assert_heldout("sixth set, all, without residents", &all, 204, 192);
    let part = score_set(&heldout6(), &untouched_2026, false);
    assert_heldout(
        "sixth set, untouched part, without residents",
        &part,
        71,
        56,
    );
}

#[test]
fn heldout6_notices_without_a_register() {
    let root = heldout6().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 105);
    // First unseen score: 101 of 105 names removed, 113 of 114 person findings right (untouched part 37/39
    // and 37 of 37). 113 of 113 after names before an institution's noun in lower case; 102 names and 114 of
    // 114 after first names in a line typed in lower case. 114 of 115 with the names model retrained on
    // both halves of NorNE train with its document-level features (FEATURES_VERSION 2; the wrong one in
    // the untouched part: 37 of 38). 103 names and 115 of 117 with FEATURES_VERSION 3 (the company a word
    // keeps in the document, genitive links, F2-chosen thresholds): one more name, the old wrong finding
    // gone, and a Swedish "Tack" opening two lines added (no Swedish in the training data).
    // 115 of 115 since the names model adds no function word opening a sentence (the two "Tack" went).
    // Right 115 -> 111 of 111 since a couple named with one surname is one finding (names/joints.rs
    // couples, nore19): two right findings became one; no name less removed, no finding more wrong.
    assert_names("sixth set without a register, all", &all, 103, 111, 0);
    let part = score_names_without_a_register(&root, &untouched_2026);
    // With FEATURES_VERSION 3: 38/39 names, 38 of 40 right (the two "Tack"); 38 of 38 since.
    // Right 38 -> 37 since a couple named with one surname is one finding (nore19).
    assert_names(
        "sixth set without a register, untouched part",
        &part,
        38,
        37,
        0,
    );
}

/// The seventh held-out set (`tests/heldout-minutes-7/`), written on 2026-12-03 without looking at the engine's
/// output, after the sixth set had been tuned on: a Danish row-house andelsforening on two streets with lettered
/// house numbers, a Norwegian borettslag of three blocks with H-numbers, a Swedish brf of one address with three
/// entrances, a garage register and storage rooms; estates, sublets, children in noise complaints, PDF damage,
/// mojibake and OCR confusions; and (`no-register/`) website-style notices, newsletters and minutes read with no
/// register at all.
fn heldout7() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-7")
}

#[test]
fn heldout7_minutes_with_the_register() {
    let all = score_set(&heldout7(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (9, 252, 160));
    // First unseen score, before any change for this set: 220/252 and 158/160 (untouched part 63/70 and 41/42).
    // 235 (untouched part 65/70) after garages, parking spaces and storage rooms by their code ("G1", "P7"); 238
    // (66/70) after a house letter written apart from its number ("12 B"); 240 after a floor by who lives
    // there ("andre etasje hos …") and Swedish "andra våningen"; 242 after names with a swapped accent or
    // split by a space ("Zieliñski", "Vassl i"); 245 after the other party of a letting or a sale and
    // someone moving in ("til Dawit Berhane", "… har flyttet inn"); 246 after a first name that is also a
    // word before a deed in the present tense ("Gitte flytter"); 247 after a name the document gives in full
    // misread by OCR ("Kvemmo"); 248 (untouched part 67/70) after the national statistics' modern first
    // names (assets/names/modern.txt); 250 (69/70) after the Swedish ordinals before a home's floor
    // ("de i andra våningen"-like relations, a class from the retired measure-only batches).
    assert_heldout("seventh set, all, with the register", &all, 250, 158);
    let part = score_set(&heldout7(), &untouched_2026, true);
    assert_heldout(
        "seventh set, untouched part, with the register",
        &part,
        69,
        41,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout7_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout7(), &|_| true, false);
    // First unseen score: 187/252 and 158/160 (untouched part 55/70 and 41/42); 202 (untouched part 57/70)
    // after garages, parking spaces and storage rooms by their code; 204 after a floor by who lives there;
    // 207 after the other party of a letting or a sale and someone moving in; 209 after the surname of a
    // pasted e-mail's sender ("Fyhr", "A. Fyhr"); 211 after the family as a cue ("familjen Ekwall"); 212
    // after a first name before a lettered unit ("Zeynep fra 12A"); 213 after the one asked after a
    // perfect tense ("har spurt Rosvoll"); 214 after a lower-case line with a flat's code ("thea i H0302");
    // 215 after initials with their family ("L.T. og hendes mand"); 216 after a hyphenated first name whose
    // first part no list knows; 217 (58/70) after the national statistics' modern first names; 219 (60/70)
    // after the Swedish ordinals before a home's floor.
    assert_heldout("seventh set, all, without residents", &all, 219, 158);
    let part = score_set(&heldout7(), &untouched_2026, false);
    assert_heldout(
        "seventh set, untouched part, without residents",
        &part,
        60,
        41,
    );
}

#[test]
fn heldout7_notices_without_a_register() {
    let root = heldout7().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 65);
    // First unseen score: 64 of 65 names removed, 68 of 69 person findings right (untouched part 33/34 and 35
    // of 36). 68 of 71 with the names model's FEATURES_VERSION 3 (add threshold +0.5): two Swedish words
    // opening a line ("Vår", "Ansökan") added; no Swedish is in its training data.
    // 68 of 70 since the names model adds no function word opening a sentence ("Vår" went; "Ansökan", no
    // function word, stays).
    // Right 68 -> 65 of 66 since a couple named with one surname is one finding (names/joints.rs
    // couples, nore19): two right findings became one; no name less removed, no finding more wrong.
    assert_names("seventh set without a register, all", &all, 64, 65, 2);
    let part = score_names_without_a_register(&root, &untouched_2026);
    // 35 of 38 with FEATURES_VERSION 3 (the same two words); 35 of 37 since.
    // Right 35 -> 33 since a couple named with one surname is one finding (nore19).
    assert_names(
        "seventh set without a register, untouched part",
        &part,
        33,
        33,
        2,
    );
}

/// The eighth held-out set (`tests/heldout-minutes-8/`), written on 2026-12-04 without looking at the engine's
/// output, after the seventh set had been tuned on: the kinds of association the sets before had least of (a
/// Swedish row-house brf, a Danish andelsboligforening in three blocks, a Norwegian sameie with a shop) and
/// (`no-register/`) six published documents read with no register at all: names with particles, double
/// surnames, hyphenated first names, nicknames, names that are also words or places, tables of names.
fn heldout8() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/heldout-minutes-8")
}

#[test]
fn heldout8_minutes_with_the_register() {
    let all = score_set(&heldout8(), &|_| true, true);
    assert_eq!((all.documents, all.vanish.n, all.keep.n), (7, 155, 111));
    // First unseen score, before any change for this set: 153/156 and 111/111 (untouched part 14/14 and
    // 10/10); 153/155 once a stairway of two homes ("male opgangen i Kæruldsvej 1"), labelled to go by
    // mistake, was no longer labelled (the policy keeps a building that holds several homes).
    // 154 after a person's address with postcode and town ("adressen Aqqusinersuaq 14, 3900 Nuuk"); 155
    // after the party of a letting or a sale named by its role ("Leietaker er Jonatan Aasgård-Moe").
    assert_heldout("eighth set, all, with the register", &all, 155, 111);
    let part = score_set(&heldout8(), &untouched_2026, true);
    assert_heldout(
        "eighth set, untouched part, with the register",
        &part,
        14,
        10,
    );
}

/// Only the board and officials loaded.
#[test]
fn heldout8_minutes_without_residents_in_the_register() {
    let all = score_set(&heldout8(), &|_| true, false);
    // First unseen score: 130/156 and 111/111 (untouched part 11/14 and 10/10); 130/155 without the
    // stairway's label; 131 after a relative of a board member by any first name ("Elif Demirtaş"); 132
    // after a person's address with postcode and town; 133 after the party of a letting named by its role;
    // 137 (untouched part 12/14) after a hyphenated first name whose first part no list knows ("Ros-Marie"
    // twice in one document, and other such names).
    assert_heldout("eighth set, all, without residents", &all, 137, 111);
    let part = score_set(&heldout8(), &untouched_2026, false);
    assert_heldout(
        "eighth set, untouched part, without residents",
        &part,
        12,
        10,
    );
}

#[test]
fn heldout8_notices_without_a_register() {
    let root = heldout8().join("no-register");
    let all = score_names_without_a_register(&root, &|_| true);
    assert_eq!(all.labelled, 138);
    // First unseen score: 137 of 138 names removed, 169 of 169 person findings right (untouched part 21/21
    // and 28 of 28). 170 of 170 since the initials of a person named in full are that person.
    // 157 of 157 since a nickname in quotation marks inside a name joins its parts: seven names
    // ("First «Nick» Surname") were two or three right findings each, one now; one surname after a
    // nickname no longer left (untouched part 26 of 26, two such findings fewer there).
    assert_names("eighth set without a register, all", &all, 137, 157, 0);
    let part = score_names_without_a_register(&root, &untouched_2026);
    assert_names(
        "eighth set without a register, untouched part",
        &part,
        21,
        26,
        0,
    );
}

/// Regression (lower-case first names in a pasted e-mail, sixth held-out set): "hos kirsten" in an e-mail
/// whose sentences start with capitals stayed although the minutes name the resident by her surname, and a
/// double first name written "sven-erik" was never looked for in lower case.
#[test]
fn regression_lower_case_first_names_in_pasted_e_mails() {
    let ctx = register(
        Country::DK,
        &[
            ("Vibeke Varming", "3", "Søndervej 4, 1. tv."),
            ("Karl-Johan Brink", "5", "Søndervej 4, 2. th."),
        ],
    );
    let out = blocked(
        "  Hej bestyrelse\n  Der kommer røg fra altanen under min, hos vibeke tror jeg. Kan I hjælpe?\n\
         og karl-johan i 2. th. siger at han også lugter det\n\
         Bestyrelsen har talt med Varming.",
        &ctx,
    );
    for gone in ["vibeke", "karl-johan", "Varming"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a registered first name that is also a word, sixth held-out set): "Siv har ersatt
/// självrisken" at a sentence's start stayed, since "siv" is a word and the minutes never named her in full;
/// a perfect tense after it makes it the person who did something. The word stays where it is a word.
#[test]
fn regression_a_first_name_that_is_a_word_before_a_deed() {
    let ctx = register(
        Country::SE,
        &[
            ("Siv Hallgren", "7", "Tornvägen 3, 2 tr"),
            ("Bo Ekdal", "8", "Tornvägen 5, 1 tr"),
        ],
    );
    let out = blocked(
        "Vattnet rann ned till grannen. Siv har ersatt självrisken. Bo har inte betalt avgiften.",
        &ctx,
    );
    for gone in ["Siv har", "Bo har"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Siv och vass växer vid dammen. Siv har vi planterat. Vi ska bo kvar.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (a flat by its rooms and its relation to someone, sixth held-out set): Swedish names a flat by
/// its number of rooms ("ettan bredvid mig", "trean ovanför"); with a direction after it that is one home,
/// while "i trean" alone (house number three) is left to the rules for houses.
#[test]
fn regression_a_flat_by_its_rooms_and_relation() {
    let ctx = register(Country::SE, &[("Agda Lindqvist", "4", "Tornvägen 3, 1 tr")]);
    let out = blocked(
        "Agda Lindqvist störs av musik från ettan bredvid mig och rök från tvåan ovanför.\n\
         Tvåan under renoveringen står tom.",
        &ctx,
    );
    for gone in ["ettan bredvid mig", "tvåan ovanför"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Tvåan under renoveringen"), "{out}");
}

/// Regression (precision without a register, sixth held-out set): a municipality written with its noun in
/// lower case ("Nordre Follo kommune") was taken for a person, since the text used "Follo" alone ("Follo
/// Drift AS"); the people beside it still go.
#[test]
fn regression_a_municipality_before_its_noun_in_lower_case_without_a_register() {
    let text = "Leder Kari Ås sa at Nordre Fjell kommune ser på en fartsdump.\n\
                Ny vaktmester er Ragnvald Eik fra Fjell Drift AS.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(out.contains("Nordre Fjell kommune ser"), "{out}");
    for gone in ["Kari Ås", "Ragnvald Eik"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a relative of a board member, sixth held-out set): "Lise Nordhagen", a resident the register
/// did not hold, shares her surname with a board member, and the surname matched him, so she stayed as if she
/// were on the board; a first name that is no one's in the register before the surname of someone who stays
/// is someone else.
#[test]
fn regression_a_relative_of_a_board_member() {
    let mut ctx = Context::new(Country::DK);
    ctx.officials.push(Official {
        name: "Jesper Holmsgaard".into(),
        role: RoleKind::from_title("formand"),
        valid_from: None,
        valid_to: None,
    });
    let out = blocked(
        "Formand Jesper Holmsgaard bød velkommen. Karen Holmsgaard foreslog en bænk, og Holmsgaard lovede at \
         se på det.",
        &ctx,
    );
    assert!(!out.contains("Karen"), "{out}");
    assert!(
        out.contains("Formand Jesper Holmsgaard") && out.contains("og Holmsgaard lovede"),
        "{out}"
    );
}

/// Regression (a relative of a board member by any first name, eighth held-out set): with only the board
/// loaded, "Elif Demirtaş" beside board member Yusuf Demirtaş stayed whole, because the relatives' rule
/// asked for a Nordic first name; and a first name that another official bears ("Karin Demirtaş" beside
/// Karin Lindeblad) kept both words as the two officials'. Two names that are nobody's together are
/// someone else.
#[test]
fn regression_a_relative_of_a_board_member_by_any_first_name() {
    let mut ctx = Context::new(Country::SE);
    for (name, role) in [
        ("Hamid Yılmazer", "suppleant"),
        ("Britta Sandahl", "stämmoordförande"),
    ] {
        ctx.officials.push(Official {
            name: name.into(),
            role: RoleKind::from_title(role),
            valid_from: None,
            valid_to: None,
        });
    }
    let out = blocked(
        "Suppleant: Hamid Yılmazer, nyval. Aylin Yılmazer avböjde omval. Britta Yılmazer röstade nej. \
         Britta Sandahl tackade, och Yılmazer svarade.",
        &ctx,
    );
    for gone in ["Aylin", "Britta Yılmazer", "Yılmazer avböjde"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in [
        "Hamid Yılmazer",
        "Britta Sandahl tackade",
        "och Yılmazer svarade",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (a person's address outside the association, eighth held-out set): an address given for post
/// ("har oplyst adressen Aqqusinersuaq 14, 3900 Nuuk") or on a waiting list after the name, with a postcode
/// and town but no floor, stayed: only a floor or a flat made a street address someone's home. The address
/// of a firm or of the association stays.
#[test]
fn regression_a_persons_address_with_postcode_and_town() {
    let ctx = register(
        Country::DK,
        &[("Hanne Vestbjerg", "4", "Mosevej 2, 1. th.")],
    );
    let text = "Hanne Vestbjerg fremlejer i et år og har oplyst adressen Qasapi 7, 3911 Sisimiut for post.\n\
                Venteliste:\n1. Jonas Brejnholt, Fasanvej 18, 5230 Odense M\n\
                Tilbud fra Fyns Tagservice ApS, Industrivænget 4, 5260 Odense S. Foreningens adresse er \
                Mosevej 2-8, 5230 Odense M.";
    let out = blocked(text, &ctx);
    for gone in [
        "Qasapi 7",
        "3911 Sisimiut",
        "Fasanvej 18",
        "5230 Odense M\n",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in [
        "Industrivænget 4, 5260 Odense S",
        "Mosevej 2-8, 5230 Odense M.",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (the party of a letting or a sale named by its role, fourth and eighth held-out sets): with a
/// register loaded, "Leietaker er Jonatan Aasgård-Moe" and "Lejer bliver Abdullahi Mohamed Osman" stayed,
/// since no list knows the first name and only "til …" after a letting marked the other party. The role
/// and a copula name the party too; an owner not called new, and a firm, stay.
#[test]
fn regression_the_party_of_a_letting_or_a_sale_named_by_its_role() {
    let ctx = register(
        Country::NO,
        &[("Marte Lysklett", "5", "Bakkegata 3, H0202")],
    );
    let text = "Marte Lysklett leier ut leiligheten i ett år. Leietaker er Yrjar Tvedmark-Aune.\n\
                Kjøper er Bakkegata Utleie AS. Eier er Lysklett.";
    let out = blocked(text, &ctx);
    assert!(
        !out.contains("Yrjar") && !out.contains("Tvedmark-Aune"),
        "{out}"
    );
    assert!(out.contains("Bakkegata Utleie AS"), "{out}");
    let ctx = register(Country::DK, &[("Sahra Guleed", "7", "Tornvej 2, 1. tv.")]);
    let out = blocked(
        "Sahra Guleed fremlejer i et år. Lejer bliver Abdiwali Warsame Ismail. Ansøgningen godkendes.",
        &ctx,
    );
    assert!(
        !out.contains("Abdiwali") && !out.contains("Ismail"),
        "{out}"
    );
}

/// Regression (a pasted e-mail from someone the register lacks, sixth held-out set): the display name
/// "dragana marković" before "<dragana.markovic@…>" stayed because the address spells the name without its
/// marks, and so did the writer signing "/dragana" on a line of her own.
#[test]
fn regression_a_pasted_e_mail_signed_with_a_slash() {
    let text = "Styrelsen har fått följande mejl:\n\
                \x20 från: milena jovanović <milena.jovanovic@example.se>\n\
                \x20 hej. det är fest igen i lägenheten under och klockan är tolv.\n\
                \x20 /milena\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["milena jovanović", "/milena", "jovanovic@"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a first name in an e-mail typed in lower case, sixth held-out set): "marit i etasjen under har
/// også hørt det" in a pasted e-mail kept "marit", since without its capital no rule took it; a board member
/// written so stays the register's to keep.
#[test]
fn regression_a_first_name_in_an_e_mail_typed_in_lower_case() {
    let text = "Styret har fått denne e-posten:\n\
                \x20 hei. hunden i fjerde bjeffer hele dagen, og torunn i etasjen under har også hørt det.\n\
                \x20 ellers er det fint her, hilsen fra oss";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(!out.contains("torunn"), "{out}");
    let mut ctx = Context::new(Country::NO);
    ctx.officials.push(Official {
        name: "Torunn Vik".into(),
        role: RoleKind::from_title("styreleder"),
        valid_from: None,
        valid_to: None,
    });
    assert!(blocked(text, &ctx).contains("torunn i etasjen"));
    // After a cue ("min dotter") a first name that is also a word, or only on the international list.
    let text = "  det är fest igen och klockan är tolv, min dotter mila ska upp klockan sex.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(!out.contains("mila"), "{out}");
}

/// Regression (a name in a credit, sixth held-out set): "FOTO: SELAM HAILE" under a picture stayed when the
/// register did not hold the photographer, since no list knows the names; the words after a credit's label
/// are a person's, and a firm's there stays.
#[test]
fn regression_a_name_in_a_credit() {
    let text = "Den nye lekeplassen ble åpnet i mai.\n\
                \x20          [bilde: sandkasse]      FOTO: AZIEB TEKLE\n\
                Illustrasjon: Vestby Arkitekter AS";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(!out.contains("AZIEB TEKLE"), "{out}");
    assert!(out.contains("Vestby Arkitekter AS"), "{out}");
}

/// Regression (hyphenated initials of someone the register lacks, sixth held-out set): "P-O visade en skiss"
/// and "Forslag fra … og A-M fra anden sal" kept the initials, which counted only before a unit or a verb of
/// saying; ranges of blocks and of the alphabet stay.
#[test]
fn regression_hyphenated_initials_without_a_register() {
    let text = "Motion från Rolf Eng om cykelgarage. B-G visade en skiss.\n\
                Forslag fra Tove Lind og K-J fra tredje sal. Taget på blok A-C og navne A-Å.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["B-G", "K-J"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("blok A-C") && out.contains("navne A-Å"),
        "{out}"
    );
}

/// Regression (a surname ending like a genitive, alone after prepositions of place; NorNE Nynorsk train,
/// a review of a biography): a surname ending in "s" ("Næss"-like) named in full and then put after "på"
/// and "i" ("sett på …", "det hjartelause i …") was read as a place at every lone mention, since the
/// check that keeps a named person's surname compared "nøss" with the loose word's key "nøs". With and
/// without a register.
#[test]
fn regression_a_surname_ending_like_a_genitive_alone_after_a_preposition_of_place() {
    let text = "Leder Arne Nøss åpnet møtet.\n\
                Styret har sett på Nøss som en god leder. Det beste i Nøss kom fram i år.\n\
                Nøss takket for seg.";
    let ctx = register(Country::NO, &[]);
    for out in [
        blocked(text, &ctx),
        apply(text, &detect(text, None), Style::Block, None).unwrap(),
    ] {
        assert!(!out.contains("Nøss"), "Nøss left in {out}");
    }
}

/// Regression (initials before a double surname; DaN+ and NorNE train): "advokat T. Brokke Andersen",
/// "K. P. Vinkel Hansen" kept their initials and first surname, since the initials counted
/// only before one capitalised word; the last word alone was taken. With and without a register.
#[test]
fn regression_initials_before_a_double_surname() {
    let text =
        "Saken er sendt til advokat T. Brokke Andersen. Aksjene eies av K. P. Vinkel Hansen.";
    let ctx = register(Country::DK, &[]);
    for out in [
        blocked(text, &ctx),
        apply(text, &detect(text, None), Style::Block, None).unwrap(),
    ] {
        for gone in ["T.", "Brokke", "K.", "P.", "Vinkel"] {
            assert!(!out.contains(gone), "{gone} left in {out}");
        }
    }
}

/// Regression (half of a hyphenated surname, NorNE Nynorsk train): without a register the names model added
/// "Olsen" of "Brekkvik-Olsen" and left the first half, since its candidates are split at a hyphen; an
/// added word now takes the capitalised parts hyphened to it.
#[test]
fn regression_half_of_a_hyphenated_surname_added_by_the_names_model() {
    let text = "Mitt spørsmål til Brekkvik-Olsen er som følgjer.";
    let findings = detect(text, None);
    let found: Vec<&str> = findings
        .iter()
        .filter(|f| f.kind == andel_core::redact::Kind::Person)
        .map(|f| f.text.as_str())
        .collect();
    assert!(
        found.iter().all(|f| *f != "Olsen") && found.contains(&"Brekkvik-Olsen"),
        "{found:?}"
    );
}

/// Regression (flats by their relation to someone, fifth held-out set): "naboen over meg", "grannen under",
/// "lejligheden ovenpå", "de i første etasje" named a household beside a named complainant and stayed;
/// "under mødet" and "de over 70" stay.
#[test]
fn regression_flats_by_their_relation_to_someone() {
    let ctx = register(
        Country::DK,
        &[("Rita Holmgaard", "4", "Kirsebærvej 3, 1. th.")],
    );
    let out = blocked(
        "Rita Holmgaard klager over musik fra lejligheden ovenpå hende og røg fra de i første etage. \
         Naboen nedenunder har intet hørt. Under mødet blev det oplyst, at de over 70 år får hjælp.",
        &ctx,
    );
    for gone in ["ovenpå hende", "de i første etage", "Naboen nedenunder"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("Under mødet") && out.contains("de over 70 år"),
        "{out}"
    );
}

/// Regression (a flat by its place in an old building, fifth held-out set): "kælderlejligheden" and "1. sal
/// i baghuset" are one home each; "kælderen i baghuset" is a shared cellar.
#[test]
fn regression_a_flat_by_its_place_in_the_building() {
    let ctx = register(
        Country::DK,
        &[("Rita Holmgaard", "4", "Kirsebærvej 3, 1. th.")],
    );
    let out = blocked(
        "Vand fra kælderlejligheden. Klagen kom fra 2. sal i baghuset. Cyklerne står i kælderen i baghuset.",
        &ctx,
    );
    assert!(
        !out.contains("kælderlejligheden") && !out.contains("2. sal i baghuset"),
        "{out}"
    );
    assert!(out.contains("kælderen i baghuset"), "{out}");
}

/// Regression (parking spaces without "p-", fifth held-out set): "plats 7", "plass 5" in a paragraph about
/// the garage or a charger are a resident's space; "på plats 2 i lokalen" in another paragraph is no space.
#[test]
fn regression_parking_spaces_without_p() {
    let ctx = register(Country::SE, &[("Ove Lindmark", "3", "Tallvägen 4A, 1 tr")]);
    let out = blocked(
        "Garaget: plats 7 blev ledig och gick till Ove Lindmark.\n\nStämman hölls på plats 2 i lokalen.",
        &ctx,
    );
    assert!(!out.contains("plats 7"), "{out}");
    assert!(out.contains("plats 2 i lokalen"), "{out}");
}

/// Regression (a bare lägenhetsnummer in running text, fifth held-out set): "avin till 1202 i 4A" in a
/// Swedish association's minutes is a flat; a year and an area of that shape stay.
#[test]
fn regression_a_bare_lagenhetsnummer() {
    let ctx = register(Country::SE, &[("Ove Lindmark", "3", "Tallvägen 4A, 1 tr")]);
    let out = blocked(
        "Avin till 1202 i 4A kom tillbaka. Huset från 1962 har 1200 kvm boyta.",
        &ctx,
    );
    assert!(!out.contains("1202"), "{out}");
    assert!(out.contains("1962") && out.contains("1200 kvm"), "{out}");
}

/// Regression (a firm named like a person, fifth held-out set): without a register "Hallvard Juvet AS",
/// "Ebbe Persson Bygg AB" and "Brødrene Solberg Stillas" lost their first name or surname as a person's;
/// the people named beside them still go.
#[test]
fn regression_a_firm_named_like_a_person() {
    let text = "Entreprenør var Torvald Rime AS, med Brødrene Eikrem Stillas på stillaset. \
                Fönstren byttes av Ebbe Persson Bygg AB. Kari Nordbø fra styret takket Torvald.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for firm in [
        "Torvald Rime AS",
        "Brødrene Eikrem Stillas",
        "Ebbe Persson Bygg AB",
    ] {
        assert!(out.contains(firm), "{firm} lost in {out}");
    }
    assert!(!out.contains("Kari Nordbø"), "{out}");
}

/// Regression (a nickname that is the start of the registered first name, fourth and fifth held-out sets):
/// "Siva" for a resident registered as Sivakumar stayed; a word that starts another name stays.
#[test]
fn regression_prefix_nicknames() {
    let ctx = register(
        Country::DK,
        &[("Vijayakumar Selvam", "12", "Hyldevej 14, 2. th.")],
    );
    let out = blocked(
        "Vijayakumar Selvam (Vija) bad om en engelsk udgave. Vija takkede. Vi fik ny vaskemaskine.",
        &ctx,
    );
    assert!(!out.contains("Vija"), "{out}");
    assert!(out.contains("vaskemaskine"), "{out}");
}

/// Regression (a tenancy number right after a resident, fifth held-out set): "Aksel Brink (303)" in an almen
/// afdeling's minutes left the tenancy; "Viggo (19)" is an age and stays.
#[test]
fn regression_a_unit_number_right_after_a_person() {
    let ctx = register(
        Country::DK,
        &[("Aksel Brink", "303", "Ravnevej 14, 1. tv.")],
    );
    let out = blocked(
        "Lejemålet efter Aksel Brink (303) går til ventelisten. Barnebarnet Viggo (19) hjalp.",
        &ctx,
    );
    assert!(!out.contains("303"), "{out}");
    assert!(out.contains("(19)"), "{out}");
}

/// Regression (a flat or a space by whose it is, fourth and fifth held-out sets): "hans plass", "plassen
/// min", "hendes gamle lejlighed", "hennes egen uteplats" beside a named resident stayed; "plads til hans
/// cykel" is no space of his.
#[test]
fn regression_a_flat_or_space_by_whose_it_is() {
    let ctx = register(Country::NO, &[("Trond Aasvik", "7", "Lyngveien 5, 2")]);
    let out = blocked(
        "Trond Aasvik vil leie ut hans plass. Det står en bil på plassen min. Det er plads til hans cykel.",
        &ctx,
    );
    assert!(
        !out.contains("hans plass") && !out.contains("plassen min"),
        "{out}"
    );
    assert!(out.contains("plads til hans cykel"), "{out}");
}

/// Regression (garages, parking spaces and storage rooms by their code, seventh held-out set): the register of
/// spaces writes "G1", "P7", "F1303", and minutes copy those codes into a queue, a list of who has which
/// space and a sublet ("Hampus hyr garage G1", "(G5 Hampus E., P3 Robin)", "förråd F1303"): each places one
/// resident, as "P-plats 14" does, and stayed because only words before a number were read.
#[test]
fn regression_garages_parking_spaces_and_storage_rooms_by_their_code() {
    let ctx = register(
        Country::SE,
        &[
            ("Ines Wallgren", "1102", "Ekvägen 4, 1 tr"),
            ("Tage Lundmark", "1201", "Ekvägen 4, 2 tr"),
        ],
    );
    let out = blocked(
        "§ 5 Garage och parkering\nIdag: G3 Ines W., P11 Tage. Ines hyr garage G3 och säger upp P6.\n\n\
         § 6 Förråd\nTages förråd F1201 ingår inte i uthyrningen.",
        &ctx,
    );
    for gone in ["G3", "P11", "P6", "F1201"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Vi såg F1 i föreningslokalen.\n\nLyssna på P1 i morgon.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (a house letter written apart, seventh held-out set): the register holds a row house as
/// "Mosevej 12B" and the minutes write "naboen i 12 B" and "Mosevej l2 B" (OCR): the letter after a space
/// was not read as part of the number, and "12" alone is no house of the association.
#[test]
fn regression_a_house_letter_written_apart_from_its_number() {
    let mut ctx = register(
        Country::DK,
        &[
            ("Asta Hvidtfeldt", "6", "Mosevej 12A"),
            ("Otto Brask", "7", "Mosevej 12B"),
        ],
    );
    ctx.places.push("Mosevej 2–20".into());
    let out = blocked(
        "Forslag fra Asta om hæk. Naboen i 12 B støtter det, og Mosevej l2 B betaler halvdelen.",
        &ctx,
    );
    for gone in ["12 B", "l2 B"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Punkt 12 B på dagsordenen.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (a floor by who lives there, seventh held-out set): "taket i andre etasje hos Vassli" named the
/// floor of a resident's home by the resident, not by the building, and stayed; Swedish "andra våningen i port
/// 1" stayed because "andra" was not among the floors in words.
#[test]
fn regression_a_floor_by_who_lives_there_or_before_an_entrance() {
    let ctx = register(
        Country::NO,
        &[("Berit Solhaug", "H0201", "Lyngtunet 4, 2. etasje")],
    );
    let out = blocked(
        "Forsikringen dekket taket i andre etasje hos Solhaug. Britt på andra våningen i port 1 tackade.",
        &ctx,
    );
    for gone in ["andre etasje", "andra våningen i port 1"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Møtet holdes i andre etasje hos oss.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (names damaged beyond OCR's letters, seventh held-out set): a registered "Zieliński" came out
/// of a wrong code page as "Zieliñski" (one accent for another on the same letter), and "Vassli" as "Vassl
/// i" (a stray space); neither was any resident's name as OCR misreads it.
#[test]
fn regression_names_with_a_swapped_accent_or_split_by_a_space() {
    let ctx = register(
        Country::NO,
        &[
            ("Marek Zieliński", "H0102", "Lyngtunet 6, 1. etasje"),
            ("Ragnhild Vassli", "H0301", "Lyngtunet 2, 3. etasje"),
        ],
    );
    let out = blocked(
        "Zieliñski har sendt kontrakten. Forsikringen dekket taket hos Vassl i. Zielinski takket.",
        &ctx,
    );
    for gone in ["Zieli", "Vassl"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Vass i huset ble malt.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (the other party of a letting or a sale, seventh held-out set): a subtenant or buyer whose first
/// name no list knows ("till Tilda Barkman" after "hyra ut … i andra hand", "fremleie … til Dawit Berhane")
/// and the same person moving in under a heading ("Fremleie\nDawit Berhane har flyttet inn") stayed with the
/// register loaded, since only the register's names and the lists' first names were looked for.
#[test]
fn regression_the_other_party_of_a_letting_and_someone_moving_in() {
    let ctx = register(
        Country::NO,
        &[("Marek Lindqvist-Ro", "H0102", "Lyngtunet 6, 1. etasje")],
    );
    let out = blocked(
        "Sak 4 Fremleie\nMarek har fått godkjent fremleie av leiligheten i ett år, til Yrsa Tvedmark.\n\n\
         Sak 5 Innflytting\nOdvar Brekkemo har flyttet inn i H0102.",
        &ctx,
    );
    for gone in ["Yrsa", "Tvedmark", "Odvar", "Brekkemo"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(
        out.contains("Fremleie") && out.contains("Innflytting"),
        "{out}"
    );
    let text = "Brevet ble sendt til Tromsø Lufthavn i går.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (a registered first name that is also a word before a deed in the present tense, seventh
/// held-out set): "Gitte flytter hjem i uge 38" stayed, since "gitte" is on the list of words and the
/// minutes named her in full only as OCR misread her surname; a perfect tense was the only deed read.
#[test]
fn regression_a_first_name_that_is_a_word_before_a_deed_in_the_present() {
    let ctx = register(
        Country::DK,
        &[
            ("Gitte Sønderholm", "9", "Engvej 16"),
            ("Liv Aagaard", "4", "Engvej 8"),
        ],
    );
    let out = blocked(
        "Affugteren er fjernet. Gitte flytter hjem i næste uge. Liv ønsker at bytte bod.",
        &ctx,
    );
    for gone in ["Gitte", "Liv"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let text = "Liv kan være svært. Vi ses.";
    assert_eq!(blocked(text, &ctx), text);
}

/// Regression (a name the document gives in full, misread by OCR, seventh held-out set): in OCR'd minutes
/// where a resident's name came out misread, a buyer not in the register named "Oda Kvernmo" came out as
/// "Kvemmo" a line later ("rn" read as "m"), and only the register's names were looked for misread.
#[test]
fn regression_a_name_the_document_gives_in_full_misread_by_ocr() {
    let ctx = register(
        Country::NO,
        &[("Ragnhild Vassli", "H0301", "Lyngtunet 2, 3. etasje")],
    );
    let out = blocked(
        "Taket hos Vass1i er malt. Plass 12 er søkt av Yrsa Kvernmo og plass 13 av Per.\n\n\
         Plass 12 går til Kvemmo fra mai.",
        &ctx,
    );
    for gone in ["Vass1i", "Kvernmo", "Kvemmo"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (the surname of a pasted e-mail's sender, seventh held-out set): "fra: agneta fyhr
/// <agneta.fyhr@…>" was found as the sender, but "Fyhr får besked" and "till A. Fyhr" after it stayed where
/// the register did not hold her: the display name in lower case gave no capitalised surname to look for.
#[test]
fn regression_the_surname_of_a_pasted_e_mails_sender() {
    let ctx = register(Country::SE, &[]);
    let out = blocked(
        "  från: ylva strandkvist <ylva.strandkvist@telia.com>\n  hej. det är kallt.\n\n\
         Strandkvist får besked. P7 går till Y. Strandkvist.",
        &ctx,
    );
    for gone in ["Strandkvist", "strandkvist", "Y. "] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (the family as a cue, seventh held-out set): "ett brev till familjen Ekwall", "Familien Tveter
/// er hørt" name a household by its surname, and stayed where the register did not hold it: "familie" and
/// "familj" were not among the cues before a name.
#[test]
fn regression_a_surname_after_the_family() {
    let ctx = register(Country::SE, &[]);
    let out = blocked(
        "Styrelsen skickar ett brev till familjen Ekwallsson. Familien Tveterås er hørt.",
        &ctx,
    );
    for gone in ["Ekwallsson", "Tveterås"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a first name before a lettered unit, seventh held-out set): "Zeynep fra 12A og naboen" stayed
/// where the register did not hold her: only "fra nr." and "i lgh" tied a first name to a unit, and a house
/// number with its letter, or a flat's code ("i H0302"), reads as nothing but a home.
#[test]
fn regression_a_first_name_before_a_lettered_unit() {
    let ctx = register(Country::DK, &[]);
    let out = blocked(
        "Hækken plantes. Zeynep fra 12A og Ole i 7B deler udgiften.",
        &ctx,
    );
    for gone in ["Zeynep", "Ole"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (the one asked after a perfect tense, seventh held-out set): "Styret har spurt Rosvoll, som
/// sier …" stayed where the register did not hold her, though "Styret spurte Rosvoll" was taken: a verb of
/// asking counted as a cue before a name only in the past tense.
#[test]
fn regression_the_one_asked_after_a_perfect_tense() {
    let ctx = register(Country::NO, &[]);
    let out = blocked(
        "Styret har spurt Rosvollen, som sier nei. Vi har bedt Tvedmark om å flytte bilen.",
        &ctx,
    );
    for gone in ["Rosvollen", "Tvedmark"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a lower-case line with a flat's code, seventh held-out set): in a pasted e-mail typed in lower
/// case, "jeg tror det er thea i H0302 som flyttet" was passed over as a line with a capital, the "H" of the
/// flat's code, and the first name stayed where the register did not hold her.
#[test]
fn regression_a_lower_case_line_with_a_flats_code() {
    let ctx = register(Country::NO, &[]);
    let out = blocked(
        "  hei. jeg tror det er sigrid i H0302 som flyttet i juni, men vet ikke.\n",
        &ctx,
    );
    assert!(!out.contains("sigrid"), "{out}");
}

/// Regression (initials with their family, seventh held-out set): "beder L.T. og hendes mand om at tale med
/// børnene" stayed where the register did not hold her: initials alone were a person only before a verb of
/// saying or a unit, and a spouse after them (or a cue before them, "fru K.L.") shows one as surely.
#[test]
fn regression_initials_with_their_family_or_a_cue() {
    let ctx = register(Country::DK, &[]);
    let out = blocked(
        "Bestyrelsen beder L.T. og hendes mand om at tale med børnene. Vi har talt med fru K.L. om det.",
        &ctx,
    );
    for gone in ["L.T.", "K.L."] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a hyphenated first name whose first part no list knows, eighth held-out set): "Ros-Marie
/// Falkeby"-like names kept their first part, or the whole name alone: the rule for hyphenated first names
/// asked for a listed first part. With the board alone and without a register; a hyphenated place
/// ("Sør-Carolina") stays.
#[test]
fn regression_a_hyphenated_first_name_whose_first_part_no_list_knows() {
    let text = "Protokollen ble lest opp av Rosk-Marie Fallaker.\n\
                Rosk-Marie Fallaker sa at taket lekker. Vi takker Vesle-Knut for kaffen.\n\
                Hun har vært i Sør-Carolina.";
    let ctx = register(Country::NO, &[]);
    for out in [
        blocked(text, &ctx),
        apply(text, &detect(text, None), Style::Block, None).unwrap(),
    ] {
        for gone in ["Rosk", "Marie", "Fallaker", "Vesle", "Knut"] {
            assert!(!out.contains(gone), "{gone} left in {out}");
        }
        assert!(out.contains("Sør-Carolina"), "{out}");
    }
}

/// Regression (a floor with the building it is in, found by generating every way minutes name a registered
/// flat): "st. tv. i Bregnevej 2" kept "i Bregnevej 2" and "bv i Vitsippsvägen 4" (the ground floor as the
/// register writes it) stayed whole, while "2. th. i nr. 2" and "andre etasje i Lyngveien 3" went whole. A
/// floor of one building is one home or two, the resident's address; the building alone stays a place.
#[test]
fn regression_a_floor_with_the_building_it_is_in() {
    let ctx = register(
        Country::DK,
        &[
            ("Ib Krarup", "3", "Bregnevej 2, 1. tv."),
            ("Lærke Bundesen", "4", "Bregnevej 2, 1. th."),
        ],
    );
    let out = blocked(
        "Fugt hos 1. tv. i Bregnevej 2 og på 1. th. i Bregnevej 2. Trappen i Bregnevej 2 males.",
        &ctx,
    );
    assert!(
        !out.contains("tv. i Bregnevej") && !out.contains("th. i Bregnevej"),
        "{out}"
    );
    assert!(out.contains("Trappen i Bregnevej 2 males"), "{out}");
    let ctx = register(
        Country::SE,
        &[
            ("Bo Ek", "1001", "Vitsippsvägen 4, bv"),
            ("Saga Lundell", "1101", "Vitsippsvägen 4, 1 tr"),
        ],
    );
    let out = blocked(
        "Mögel i bv i Vitsippsvägen 4 och drag på 1 tr i Vitsippsvägen 4. Porten på Vitsippsvägen 4 byts.",
        &ctx,
    );
    assert!(!out.contains("bv i") && !out.contains("1 tr"), "{out}");
    assert!(out.contains("Porten på Vitsippsvägen 4 byts"), "{out}");
    assert_eq!(out.matches("Vitsippsvägen 4").count(), 1, "{out}");
}

/// Regression (short forms of a long registered name, found by generating every way minutes name a
/// registered resident): a double first name with the surname's initial ("Karl Johan V.", "Karl Johan V")
/// stayed whole, because only a single first name took the initial after it; and initials of the first
/// given name and the surname ("K.V." for Karl Johan Vestbjerg, "A.S." for Anne-Mette Skovhus, "G.B." for
/// Gitte Brøns-Holm) were no resident's, as only the initials of every part were filed.
#[test]
fn regression_short_forms_of_a_long_registered_name() {
    let ctx = register(
        Country::DK,
        &[
            ("Karl Johan Vestbjerg", "1", "Bregnevej 2, st. tv."),
            ("Anne-Mette Skovhus", "2", "Bregnevej 2, st. th."),
            ("Gitte Brøns-Holm", "3", "Bregnevej 2, 1. tv."),
        ],
    );
    let out = blocked(
        "Bestyrelsen har talt med Karl Johan V. om støjen. Karl Johan V spurgte til regnskabet.\n\
         Tak til K.V. og A.S. for hjælpen. Der er klaget over hunden hos G.B.",
        &ctx,
    );
    for gone in ["Karl", "Johan", "V.", " V ", "K.V.", "A.S.", "G.B."] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Bestyrelsen har talt med"), "{out}");
}

/// Regression (more of the ways minutes name a registered resident, from the same generator): a surname
/// with the first name's initial after it, as lists write it ("Vestbjerg K."), kept the initial; a phone
/// number with the trunk zero in brackets ("+46 (0)70 512 44 18", as signatures write it for callers
/// abroad) stayed whole; a Norwegian flat code in lower case ("h0101") stayed.
#[test]
fn regression_surname_with_initial_trunk_zero_phones_and_lower_case_flat_codes() {
    let ctx = register(
        Country::SE,
        &[("Karl-Erik Wallgren", "1001", "Vitsippsvägen 4, bv")],
    );
    let out = blocked(
        "Närvarande: Wallgren K., styrelsen. Nås på +46 (0)70 512 44 18 efter kl. 17.",
        &ctx,
    );
    for gone in ["Wallgren", " K.", "512 44 18", "(0)"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("styrelsen"), "{out}");
    let ctx = register(Country::NO, &[("Ola Tveiten", "1", "Lyngveien 3, H0101")]);
    let out = blocked("Vannet kom fra h0101 i natt.", &ctx);
    assert!(!out.contains("h0101"), "{out}");
}

/// Regression (a surname with its particle and an initial, a Swedish flat number after its house, from the
/// generator of forms): "de Thurah H." kept "H.", and "Vitsippsvägen 4, 1101" kept the house, which with
/// "lgh" before the number went whole.
#[test]
fn regression_particle_surname_with_initial_and_a_flat_number_after_its_house() {
    let ctx = register(
        Country::DK,
        &[("Hakon de Thurah", "1", "Bregnevej 2, st. tv.")],
    );
    let out = blocked(
        "Næste på ventelisten er de Thurah H., som har sagt ja.",
        &ctx,
    );
    assert!(!out.contains("Thurah") && !out.contains(" H."), "{out}");
    let ctx = register(
        Country::SE,
        &[("Saga Lundell", "1101", "Vitsippsvägen 4, lgh 1101")],
    );
    let out = blocked(
        "Den boende i Vitsippsvägen 4, 1101 har klagat. Trappan i Vitsippsvägen 4 städas.",
        &ctx,
    );
    assert!(
        !out.contains("4, 1101") && !out.contains("i Vitsippsvägen 4, "),
        "{out}"
    );
    assert!(out.contains("Trappan i Vitsippsvägen 4 städas"), "{out}");
}

/// Regression (names of administrators, firms of brothers and holidays in notices, without a register):
/// "Obos Eiendomsforvaltning" lost its second word as a person, "Brødrene Dahl" was taken whole as a first
/// name and a surname, and a holiday after a word that is also a first name ("Kristi Himmelfartsdag") was a
/// person; the person named beside them still goes.
#[test]
fn regression_administrators_brothers_firms_and_holidays_without_a_register() {
    let text = "Kontoret er lukket Kristi Himmelfartsdag og Store Bededag. Kontakt Obos \
                Eiendomsforvaltning, Brødrene Aasheim eller Umeå kommun. Lørdag kommer Kirsten Sørensen \
                med vafler.";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for stays in [
        "Kristi Himmelfartsdag",
        "Store Bededag",
        "Obos Eiendomsforvaltning",
        "Brødrene Aasheim",
        "Umeå kommun",
    ] {
        assert!(out.contains(stays), "{stays} gone in {out}");
    }
    assert!(!out.contains("Sørensen"), "{out}");
}

/// Regression (names cut short in their own run, without a register): the rules or the names model took
/// one part of a name and left the part beside it: the surname after a nickname in quotation marks
/// ("Arve «Sprinten» Jørgensrud", "Lennart \"Lasse\" Bergkrantz"), the surname after an initial and a
/// particle ("Tove K. de Haas"), a first name no list knows before a surname the model added, the last
/// word of a photographer's name in a credit whose label says where the picture is ("FOTO PÅ FORSIDEN:
/// …"). A role before the name stays. Invented people.
#[test]
fn regression_names_cut_short_in_their_own_run_without_a_register() {
    let text = "Referat fra årsmøtet\n\n\
                Til stede: Solveig Aamodt, Kjetil Brenna og Torunn Fossheim.\n\n\
                Dugnadsansvarlig Arve «Sprinten» Jørgensrud minnet om vårdugnaden. Tove K. de Haas \
                orienterte om regnskapet.\n\
                Lennart \"Lasse\" Bergkrantz ble valgt som ny kasserer.\n\n\
                FOTO PÅ FORSIDEN: TORLEIF VASSLID BRUN\n";
    let persons: Vec<String> = detect(text, None)
        .into_iter()
        .filter(|f| f.kind == andel_core::redact::Kind::Person && f.decision == Decision::Redact)
        .map(|f| f.text)
        .collect();
    for name in [
        "Arve «Sprinten» Jørgensrud",
        "Tove K. de Haas",
        "Lennart \"Lasse\" Bergkrantz",
        "TORLEIF VASSLID BRUN",
    ] {
        assert!(
            persons.iter().any(|p| p == name),
            "{name} not in {persons:?}"
        );
    }
    assert!(
        !persons.iter().any(|p| p.contains("Dugnadsansvarlig")),
        "{persons:?}"
    );
}

/// Regression (a pasted message's writer in lower case, without a register): an e-mail pasted into the
/// minutes as it came, its sender's line ("fra: …") and its closing ("hilsen …") in lower case, left the
/// sender whole and the writer's surnames after the first name. Invented people.
#[test]
fn regression_a_pasted_messages_writer_in_lower_case_without_a_register() {
    let text = "Referat fra styremøtet\n\nStyret har fått denne e-posten:\n\n  fra: torunn aasland kvamme\n\
                \x20 til: styret@example.org\n  emne: søppel\n\n  hei. kan dere bestille ekstra tømming?\n\
                \x20 hilsen sigrun vesteraas\n\nStyret har bestilt tømming.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["torunn", "aasland", "kvamme", "sigrun", "vesteraas"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("emne: søppel"), "{out}");
}

/// Regression (a person's employer after "fra", without a register): "Prosjektleder Kari Vik fra
/// Rørfiks", "byggeleder Ole Dal fra Rådgivende Ingeniører Bygnes": the firm was taken for a person. It
/// stays; the person goes. Invented people and firms.
#[test]
fn regression_a_persons_employer_after_from_without_a_register() {
    let text =
        "Referat\n\nProsjektleder Kari Vik fra Rørfiks svarte at garantien er fem år. Spørsmål om \
                arbeidet kan rettes til byggeleder Ole Dal fra Rådgivende Ingeniører Bygnes.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["Kari Vik", "Ole Dal"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["Rørfiks", "Ingeniører Bygnes"] {
        assert!(out.contains(stays), "{stays} gone in {out}");
    }
}

/// Regression (a business after its noun and a title of address taken for a name, without a register): a
/// dealer named after a person ("Velux-forhandleren Mortensen Tagvinduer") was a person, and so was "Hr"
/// of "Hr. Skovbjerg" opening a line; both stay, the people go. Invented people and firms.
#[test]
fn regression_a_business_after_its_noun_and_a_title_of_address_without_a_register() {
    let text =
        "Referat\n\nDer er kommet tilbud fra Velux-forhandleren Mortensen Tagvinduer og fra \
                Malerfirmaet Brødrene Tofte. Lise Mortensen og Ole Tofte er glade.\n\n\
                d) Hr. Skovbjerg har spurgt om cykelstativer. Jens Skovbjerg er hans søn.\n";
    let persons: Vec<String> = detect(text, None)
        .into_iter()
        .filter(|f| f.kind == andel_core::redact::Kind::Person && f.decision == Decision::Redact)
        .map(|f| f.text)
        .collect();
    for name in ["Lise Mortensen", "Ole Tofte", "Skovbjerg", "Jens Skovbjerg"] {
        assert!(
            persons.iter().any(|p| p == name),
            "{name} not in {persons:?}"
        );
    }
    assert!(
        !persons
            .iter()
            .any(|p| p.contains("Tagvinduer") || p.contains("Brødrene") || p == "Hr"),
        "{persons:?}"
    );
}

/// Regression (a holiday named without its day, without a register): "efter Kristi Himmelfart", "stängt
/// Kristi himmelsfärd" took the first-name-like "Kristi" (and the feast) for a person; the person beside
/// it still goes. Invented people.
#[test]
fn regression_a_holiday_without_its_day_without_a_register() {
    let text = "Referat\n\nArbejdsdagen flyttes til efter Kristi Himmelfart, da mange er på ferie. Kirsten \
                Holmstrup foreslog det. Kontoret är stängt Kristi himmelsfärd.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for stays in ["Kristi Himmelfart", "Kristi himmelsfärd"] {
        assert!(out.contains(stays), "{stays} gone in {out}");
    }
    assert!(!out.contains("Holmstrup"), "{out}");
}

/// Regression (a numeral opening a sentence, without a register): "Tusen takk!" took "Tusen" for a
/// surname; "Tolv stemte for" likewise. Numerals are function words; the people beside them still go.
/// Invented people.
#[test]
fn regression_a_numeral_opening_a_sentence_without_a_register() {
    let text = "Nyhetsbrev\n\nKari Holmvik spilte i fellesrommet. Tusen takk! Dirigent Per Vikhagen var også \
                innom. Tusen takk til Kari Holmvik. Tolv stemte for.\n";
    let persons: Vec<String> = detect(text, None)
        .into_iter()
        .filter(|f| f.kind == andel_core::redact::Kind::Person && f.decision == Decision::Redact)
        .map(|f| f.text)
        .collect();
    assert!(
        !persons
            .iter()
            .any(|p| p.contains("Tusen") || p.contains("Tolv")),
        "{persons:?}"
    );
    assert!(persons.iter().any(|p| p == "Kari Holmvik"), "{persons:?}");
}

/// Regression (initials of a person the document names in full, without a register): minutes that list
/// a member in full and then write the initials ("JM har talt med …", "P.L. minder om …", a signature
/// "S.A.R.") left the initials, which point at that member. Bare capitals beside a firm's word, before the
/// name in full or used as a thing elsewhere ("i OS") stay. Invented people.
#[test]
fn regression_initials_of_a_person_named_in_full_without_a_register() {
    let text = "Referat af bestyrelsesmøde\n\
                Til stede: Jonas Moberg, Pernille Lykke, Siv Aune Rød, Ole Sand\n\n\
                JM har talt med viceværten om nøglerne. P.L. minder om, at julefesten er flyttet.\n\
                Tilbud fra JM Tag og fra Moberg & Søn ApS. OS har ikke svaret, vi var i OS i fjor.\n\n\
                Med venlig hilsen\nS.A.R.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["JM har", "P.L.", "S.A.R."] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["JM Tag", "OS har", "i OS"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (first names typed in lower case in ordinary sentences, without a register): published
/// minutes pasted from messages write "Tak til pia …", "… i april. fredrik bjuder …", "Forslagsstiller
/// ingvild viste …", "Rikke Ploug og malthe ploug …", "ved sanne og Kim Lykkegaard"; all stayed, as only a
/// line typed wholly in lower case was read for names. A month, a pronoun after a person ("og hans") and a
/// first name that is a word with no sign stay. Invented people.
#[test]
fn regression_first_names_in_lower_case_in_ordinary_sentences_without_a_register() {
    let text = "Referat fra styremøte\n\
                Dugnaden er i april. halvard tar med kaffe. Takk til gunnhild for kakene.\n\
                Forslagsstiller torbjørg viste tilbudet. Festkomiteen ved sanne og Kim Lykkestad.\n\
                Maten lagde Rikke Plovstad og malthe plovstad. Siv Dahl og hans bror kom 15. juni.\n\
                Vi gikk en tur i lia. liv og røre var det.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in [
        "halvard",
        "gunnhild",
        "torbjørg",
        "sanne",
        "malthe plovstad",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["og hans bror", "15. juni", "liv og røre"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (lower-case short forms of a registered name in a name's place): unseen minutes wrote a
/// resident as "first name + initial" in lower case, a lower-case double first name opening a sentence
/// before a deed, and a first name that is also a word signing a pasted e-mail or opening a sentence
/// before a verb of saying; all stayed, while their capitalised forms went. The word itself elsewhere
/// stays.
#[test]
fn regression_lower_case_short_forms_of_a_registered_name() {
    let ctx = register(
        Country::SE,
        &[
            ("Hedda Lindqvist", "1101", "Videvägen 3, 1 tr"),
            ("Karl-Johan Eklöf", "1102", "Videvägen 3, 1 tr"),
            ("Sanna Öberg", "1201", "Videvägen 3, 2 tr"),
        ],
    );
    let out = blocked(
        "Styrelsen fick ett brev från hedda l. om tvättstugan.\n\
         Det gäller förrådet. karl-johan har målat dörren.\n\
         Sanna Öberg kom sent.\n\
         sanna frågade om nya nycklar.\n\
         \"kan vi byta lås? hälsningar sanna\"\n\
         Det är sanna ord att gården är fin.\n",
        &ctx,
    );
    for gone in [
        "hedda l.",
        "karl-johan",
        "sanna frågade",
        "hälsningar sanna",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Det är sanna ord"), "{out}");
}

/// Regression (a floor alone after the person who lives there): unseen minutes placed a resident by the
/// floor right after their name ("… i tredje etasje", the genitive's "… bad i 2. etasje", the Danish ground
/// floor "fra stuen i <house>"); only a floor against a building or after "hos" counted, so the floor
/// stayed and, in a block, pointed at one flat. A floor with no person before it stays. Invented people.
#[test]
fn regression_a_floor_alone_after_the_person_who_lives_there() {
    let ctx = register(
        Country::NO,
        &[
            ("Torstein Vang", "H0301", "Bjørkeveien 4, H0301"),
            ("Elin Mo", "H0101", "Bjørkeveien 4, H0101"),
        ],
    );
    let out = blocked(
        "Torstein Vang i tredje etasje har fått fukt i taket. Vannet rant videre til Mos bad i første \
         etasje. Styret møtes i 2. etasje i fellesbygget.\n",
        &ctx,
    );
    for gone in ["tredje etasje", "første"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("møtes i 2. etasje"), "{out}");
    let ctx = register(Country::DK, &[("Jørgen Helt", "4", "Kirsebærvej 4, st.")]);
    let out = blocked(
        "Jørgen Helt fra stuen i Kirsebærvej 4 spurgte om lys.\n",
        &ctx,
    );
    assert!(!out.contains("stuen"), "{out}");
}

/// Regression (a registered flat number in a list of flats or after the word for a flat): unseen minutes of
/// a brf that numbers its flats by entrance ("2101" in entrance 2, not floor 21) listed "lägenhet N och M"
/// and wrote "fel lägenhet, det gäller M"; only the shape of a floor-numbered flat (floor 10-15) made a
/// bare number a flat, so M stayed. A sum or a time with the same digits stays. Invented residents.
#[test]
fn regression_a_registered_flat_number_in_a_list_of_flats() {
    let ctx = register(
        Country::SE,
        &[
            ("Alva Rundqvist", "1102", "Granstigen 2 A, 1 tr"),
            ("Nils Berggren", "2101", "Granstigen 2 B, 1 tr"),
            ("Ines Dahlgren", "3201", "Granstigen 2 C, 2 tr"),
        ],
    );
    let out = blocked(
        "Avgifter är obetalda för lägenhet 1102 och 2101. Brevet gick till fel lägenhet, det gäller 3201.\n\
         Fakturan på 2101 kr betalas i maj.\n",
        &ctx,
    );
    for gone in ["och 2101", "gäller 3201"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("2101 kr"), "{out}");
}

/// Regression (a person tied to the floor they come from, without a register): "Gitte fra 3. sal mente …"
/// and "Tak til H.J. fra 2. sal" stayed; a floor after "fra"/"från" is a home, as "fra nr. 4" is. A room on a
/// floor ("Fælleshuset på 1. sal") and a date after "fra" stay. Invented people.
#[test]
fn regression_a_person_from_a_floor_without_a_register() {
    let text = "Referat af generalforsamling\n\
                Tilbuddet blev gennemgået.\n\nHelle fra 3. sal mente, at det var for dyrt. Tak til K.B. fra 2. sal \
                for hjælpen.\nMødet holdes i Fælleshuset på 1. sal. Priserne gælder fra 3. september.\n\
                Protokoll\nLisa från 2 tr undrade om tvättstugan.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["Helle", "K.B.", "Lisa"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["Fælleshuset på 1. sal", "fra 3. september"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (modern first names the 2008 name source lacks): with a register the names model does not
/// run, so a guest's first name that no list knew ("Algot", "Engla", names of today's national top lists)
/// left only the surname gone beside it. The national statistics' lists (`assets/names/modern.txt`) fill
/// the gap. Invented people.
#[test]
fn regression_modern_first_names_missing_from_the_name_lists() {
    let ctx = register(Country::SE, &[("Vera Lindholm", "1101", "Ekvägen 3, 1 tr")]);
    let out = blocked(
        "Adjungerad: Algot Wikström, förvaltare.\n\
         Engla Sandqvist och Hjalte Brandt presenterade förslaget.\n",
        &ctx,
    );
    for gone in ["Algot", "Engla", "Hjalte"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (first names alone on an attendance list, without a register): "Forfall: Helga" stayed, a
/// first name that is also a word with no other sign; everyone on a list after "Til stede:", "Forfall:",
/// "Afbud:", "Närvarande:" is a person. A word after the list's end and a label that is no attendance
/// ("Dagsorden:") stay. Invented people.
#[test]
fn regression_first_names_alone_on_an_attendance_list_without_a_register() {
    let text = "Referat fra styremøte\n\
                Til stede: Kari Lunde (leder), Odd Bakke\n\
                Forfall: Lykke\n\
                Dagsorden: Vår dugnad\n\
                Närvarande: Liv, Stina Ek och Björk\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["Forfall: Lykke", "Närvarande: Liv", "och Björk"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Dagsorden: Vår dugnad"), "{out}");
}

/// Regression (tenancy roles missing from the cues): the cue list held the Danish and Swedish tenant
/// ("lejer", "hyresgäst") but not the Norwegian "leietaker"/"leieboer" nor the definite forms of the
/// subtenants, so a subtenant's name no list knows ("Leietaker Zorvik fortsetter") stayed with a register
/// loaded (where the names model does not run). Invented people.
#[test]
fn regression_tenancy_roles_missing_from_the_cues() {
    let ctx = register(Country::NO, &[("Ola Brenden", "H0101", "Bakken 2, H0101")]);
    let out = blocked(
        "Søknad om fremleie godkjennes. Leietaker Zorvik fortsetter.\n\
         Fremleietakeren Tarvo Heikkala flytter inn 1. mai. Leieboer Ysolde Krantz har betalt.\n",
        &ctx,
    );
    for gone in ["Zorvik", "Tarvo", "Heikkala", "Ysolde"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (an initial and a surname after a leader in the genitive, without a register): "Valgkomiteens
/// leder E. Fosse la frem …" stayed, as "leder" is a verb as often and the surname a word; after a
/// genitive it is the role, and the initial with any capitalised word after it a person. "leder" as a
/// verb and a label before a letter ("punkt A. Bilaget") stay. Invented people.
#[test]
fn regression_an_initial_and_surname_after_a_leader_in_the_genitive() {
    let text = "Referat\n\
                Vedtatt. Valgkomiteens leder T. Brekke la frem innstillingen.\n\
                Valberedningens ledare K. Ek föreslog omval.\n\
                Hun leder T. Brekke til bordet. Se punkt A. Bilaget er sendt.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    for gone in ["leder T. Brekke la", "K. Ek"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("punkt A. Bilaget"), "{out}");
}

/// Regression (a row house's street abbreviated with a full stop): a table of row houses wrote the street
/// as its first letters and the street word's ("Stv. 1" for a "Steinsvegen"); only a street cut short at
/// its end ("Lærkev. 12") or its capitals alone ("LV 12") counted, so the homes stayed. A number the
/// register holds for no house stays. Invented people and streets.
#[test]
fn regression_a_row_house_street_abbreviated_with_a_full_stop() {
    let ctx = register(
        Country::NO,
        &[
            ("Torild Veum", "1", "Kvernsteinvegen 1"),
            ("Hallgeir Bø", "2", "Kvernsteinvegen 3"),
        ],
    );
    let out = blocked(
        "Dugnadsliste\n  Rekke A   Torild Veum     Kvv. 1\n  Rekke B   Hallgeir Bø     Kv. 3\n\
         Møtet i Kvv. 9 utgår.\n",
        &ctx,
    );
    for gone in ["Kvv. 1", "Kv. 3"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Kvv. 9"), "{out}");
}

/// Regression (the word opening a pasted e-mail's subject line, without a register): "Ämne: Skadedjur från
/// …" was taken for a name by the names model; the subject opens a sentence, where a capital says nothing.
/// The sender's name in the header still goes. Invented people.
#[test]
fn regression_the_word_opening_a_subject_line_is_no_name() {
    let text = "Protokoll\n\nFrån: Eva Lindvall <eva@example.org>\nÄmne: Skadedjur från lägenheten ovanför\n\n\
                Hej! Det finns skadedjur i källaren.\n";
    let out = apply(text, &detect(text, None), Style::Block, None).unwrap();
    assert!(!out.contains("Eva Lindvall"), "{out}");
    assert!(out.contains("Ämne: Skadedjur från"), "{out}");
}

/// Regression (a Norwegian entrance written as a block, a hyphened word or a lone letter, with its floor):
/// "blokk C, 2. etasje", "C-oppgangen 2. etasje", "5 C, 3. etasje" (the number apart from its letter) and
/// "i C 2. etg." name one flat of a block in several entrances as "5C, 3. etasje" does, and were
/// published; only the number joined to its letter or "oppgang" before it counted. A letter of a list
/// stays. Invented people and streets.
#[test]
fn regression_an_entrance_as_a_block_or_a_lone_letter_with_its_floor() {
    let ctx = register(
        Country::NO,
        &[
            ("Solveig Nesje", "H0201", "Tiurveien 5 C"),
            ("Roar Heggem", "H0301", "Tiurveien 7 D"),
        ],
    );
    let out = blocked(
        "Solveig Nesje (blokk C, 2. etasje) søker om framleie. Roar Heggem (D-oppgangen 3. etasje) \
         klaget. Leietakeren i 5 C, 2. etasje flytter, og de i D 3. etg. også.\n\
         Vedlegg A 2. side følger.\n",
        &ctx,
    );
    for gone in [
        "blokk C, 2. etasje",
        "D-oppgangen 3. etasje",
        "5 C, 2. etasje",
        "D 3. etg.",
    ] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Vedlegg A 2. side"), "{out}");
}

/// Regression (the association's own mailboxes): "formand@", "vaskeriet@" and "haven@" at the
/// association's own domain were blocked as if a person's, though only "info@"-like mailboxes counted as
/// public; a mailbox there is the association's public contact unless its local part is a person's name
/// (a first name, a common surname, a word of a registered name). A person's mailbox at the same domain
/// and any mailbox at another domain still go. Invented association, people and domains.
#[test]
fn regression_the_associations_own_mailboxes_stay() {
    let mut ctx = register(
        Country::DK,
        &[("Ulrik Tvede", "3", "Kløvervænget 3, 1. tv.")],
    );
    ctx.places.push("Andelsboligforeningen Kløverhøjen".into());
    let out = blocked(
        "Skriv til formand@kloverhojen.dk eller vaskeriet@kloverhojen.dk, haven@klover-hojen.dk. \
         Ulrik (tvede@kloverhojen.dk) og karen@kloverhojen.dk svarer; formand@gmail.com også.\n",
        &ctx,
    );
    for kept in [
        "formand@kloverhojen.dk",
        "vaskeriet@kloverhojen.dk",
        "haven@klover-hojen.dk",
    ] {
        assert!(out.contains(kept), "{kept} gone in {out}");
    }
    for gone in ["tvede@", "karen@", "formand@gmail.com"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (units as houses, a flat by its number alone): a registered unit number stayed after the
/// word for a row house ("radhus 3201") and right after a preposition of place with no word for a flat
/// in the sentence ("en vattenskada i 2102"); a number that can be a year stays.
#[test]
fn regression_a_unit_number_after_a_row_house_or_a_preposition_of_place() {
    let ctx = register(
        Country::SE,
        &[
            ("Greta Holm", "3201", "Lindvägen 4"),
            ("Oskar Bly", "2102", "Lindvägen 2"),
            ("Nora Sand", "2019", "Lindvägen 6"),
        ],
    );
    let text = "Motion från radhus 3201 om ett staket.\n\
                En läcka i 2102 skadade taket i lägenheten under.\n\
                Fasaden målades i 2019 och ska ses över 2030.";
    let out = blocked(text, &ctx);
    for gone in ["3201", "2102"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["i 2019", "2030"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    let ctx = register(Country::NO, &[("Siri Vold", "304", "Furulia 3")]);
    let out = blocked("Det lukter røyk fra 304 om kveldene.", &ctx);
    assert!(!out.contains("304"), "{out}");
}

/// Regression (a floor tied to the person who lives there): a floor named by its ordinal alone right
/// after a person ("fra Kari L. i fjerde, om …") and a floor that a relative clause says a named person
/// lives on ("støj fra 2. sal, hvor Villads bor") stayed; a floor without a person stays a place.
#[test]
fn regression_a_floor_by_its_ordinal_or_the_clause_of_who_lives_there() {
    let ctx = register(
        Country::NO,
        &[("Tordis Hovland", "H0401", "Bakkeveien 2, H0401")],
    );
    let text = "Styret har fått klager fra Tordis H. i fjerde, om musikk om natten.\n\
                Vi møtes i første etasje. I første omgang ryddes boden.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("i fjerde"), "{out}");
    assert!(out.contains("Vi møtes i første etasje"), "{out}");
    assert!(out.contains("I første omgang"), "{out}");
    let ctx = register(Country::DK, &[("Villads Brink", "12", "Egevej 3, 2. th.")]);
    let text = "Der er klaget over støj fra 2. sal, hvor Villads bor.\nMødet holdes på 2. sal.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("fra 2. sal"), "{out}");
    assert!(out.contains("Mødet holdes på 2. sal"), "{out}");
    let ctx = register(Country::SE, &[("Ali Demir", "1301", "Ekgatan 2")]);
    let out = blocked("Buller från tredje våningen, där Ali Demir bor.", &ctx);
    assert!(!out.contains("tredje våningen"), "{out}");
    let out = blocked("Buller från fjärde våningen där familjen Demir bor.", &ctx);
    assert!(!out.contains("fjärde våningen"), "{out}");
}

/// Regression (damaged text, OCR's small l for a capital I): a resident's first name that starts with
/// a capital I came out of a scan as "lngvild" and stayed; ordinary words that start with an l stay.
#[test]
fn regression_ocr_reads_a_capital_i_as_a_small_l() {
    let ctx = register(
        Country::NO,
        &[
            ("Ingvild Ruud", "H0203", "Lerkeveien 7, H0203"),
            ("Iver Sand", "H0101", "Lerkeveien 7, H0101"),
        ],
    );
    let text = "- lngvild i C 2. etg. spurte om nøkler, og lvers bod er tom. Lys i gangen.";
    let out = blocked(text, &ctx);
    for gone in ["lngvild", "lvers"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Lys i gangen"), "{out}");
}

/// Regression (precision on unfamiliar text): a firm's name run together and closed by its legal form
/// was split and its first half taken for a first name ("BoKontroll i Skåne AB"); the last letter of a
/// range of entrances was taken for an initial ("14 A–C. Huset"); a Swedish organisation number whose
/// check digit fails was taken for an identity number; the association's own room at an address with
/// its floor was taken for a home.
#[test]
fn regression_firm_names_entrance_ranges_organisation_numbers_and_common_rooms_stay() {
    let ctx = register(Country::SE, &[("Maja Lind", "1001", "Storgatan 5, bv")]);
    let text = "Brf Exempel\n769612-3456\n\n\
                Revisorssuppleant är BoKontroll i Skåne AB.\n\
                Föreningen har adress Storgatan 14 A–C. Huset byggdes 1934.\n\
                Plats: Föreningslokalen, Storgatan 14, bottenvåningen.";
    let out = blocked(text, &ctx);
    for stays in [
        "769612-3456",
        "BoKontroll i Skåne AB",
        "14 A–C. Huset",
        "Föreningslokalen, Storgatan 14, bottenvåningen",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    // A personnummer still goes.
    let out = blocked("Personnummer 811218-9876 lämnades.", &ctx);
    assert!(!out.contains("811218-9876"), "{out}");
}

/// Regression (units as houses, the house number alone): in an association of row houses a house
/// number alone right after a preposition of place ("beboerne i 12 har …", "larm fra 14.") stayed; a
/// count, a time, a date or a range after the same preposition stays.
#[test]
fn regression_a_house_number_alone_after_a_preposition_of_place() {
    let ctx = register(
        Country::DK,
        &[
            ("Ib Holt", "1", "Kildevej 12"),
            ("Søren Bak", "2", "Kildevej 14"),
            ("Karen Dahl", "3", "Mosevej 7"),
        ],
    );
    let text = "Beboerne i 12 har bedt om en ny postkasse. Der er klaget over larm fra 14.\n\
                Vi har boet her i 12 år. Kontoret har åbent fra 7 til 14. Lejen stiger fra 1. juli.";
    let out = blocked(text, &ctx);
    for gone in ["i 12 har", "fra 14."] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["i 12 år", "fra 7 til 14", "fra 1. juli"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    let ctx = register(Country::NO, &[("Siri Vold", "7", "Furulia 7")]);
    let out = blocked("Det kommer støy frå 7, seint om natta.", &ctx);
    assert!(!out.contains("frå 7"), "{out}");
}

/// Regression (units as houses, a street cut short): the association's street cut without its stop
/// ("Tornerosevej" as "Tornerosev 9") or in pieces joined by stops or hyphens ("Bl.bærstien 4",
/// "Hbg-vegen 2") before one of its houses stayed; only "Tornerosev. 9" and initials were read.
#[test]
fn regression_a_street_cut_short_before_one_of_the_houses() {
    let ctx = register(
        Country::DK,
        &[
            ("Ib Holt", "1", "Tornerosevej 9"),
            ("Søren Bak", "2", "Blåbærstien 4"),
        ],
    );
    let text = "Tagrenden på Tornerosev 9 er utæt. Hækken ved Bl.bærstien 4 klippes i maj.";
    let out = blocked(text, &ctx);
    for gone in ["Tornerosev 9", "Bl.bærstien 4"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let ctx = register(Country::NO, &[("Siri Vold", "7", "Hestebergvegen 2")]);
    let out = blocked(
        "Vatn i kjellaren på Hbg-vegen 2. Møtet i Hbg-vegen vart utsett.",
        &ctx,
    );
    assert!(!out.contains("Hbg-vegen 2"), "{out}");
    assert!(out.contains("Møtet i Hbg-vegen vart"), "{out}");
}

/// Regression (a flat in the short code of its house, floor and side): "Ida Brun (4/2 th)" and
/// "vinduer hos 6-3-th" left the flat, which "4, 2. th." or "6, 3. th." named in full was redacted
/// as; a count before a side's letters ("2 tv-apparater") stays.
#[test]
fn regression_a_flat_in_the_short_code_of_house_floor_and_side() {
    let ctx = register(
        Country::DK,
        &[
            ("Ida Brun", "1", "Bøgevej 4, 2. th."),
            ("Ole Bak", "2", "Bøgevej 6, 3. th."),
        ],
    );
    let text = "Som suppleant valgtes Ida Brun (4/2 th). Vinduerne hos 6-3-th og 8/st.tv males. \
                Der er købt 2 tv-apparater til fælleshuset.";
    let out = blocked(text, &ctx);
    for gone in ["4/2 th", "6-3-th", "8/st.tv"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("2 tv-apparater"), "{out}");
}

/// Regression (a flat by its entrance and floor in a bracket): "Kari Lie (C 3. etg)" left the flat,
/// which "Kari Lie bor i C 3. etg." lost; a bracket that opens with another letter stays.
#[test]
fn regression_an_entrance_and_floor_in_a_bracket_after_a_resident() {
    let ctx = register(Country::NO, &[("Kari Lie", "H0301", "Lindeveien 4 C")]);
    let text =
        "Kari Lie (C 3. etg) ba om at sykkelboden ryddes. Tegningen (A 2. side) følger vedlagt.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("C 3. etg"), "{out}");
    assert!(out.contains("(A 2. side)"), "{out}");
}

/// Regression (units as houses, a register address with its postcode): a list that gives each row
/// house's address with its postcode and town in one cell ("Kildevej 12, 5210 Odense NV") left the
/// association's houses unknown, so "Kildevej 12" and "nr. 12" in the minutes stayed.
#[test]
fn regression_a_house_whose_register_address_holds_the_postcode() {
    let ctx = register(
        Country::DK,
        &[
            ("Ib Holt", "1", "Kildevej 12, 5210 Odense NV"),
            ("Søren Bak", "2", "Kildevej 14, 5210 Odense NV"),
        ],
    );
    let text = "Taget på Kildevej 12 er utæt, og hækken ved nr. 14 skal klippes.";
    let out = blocked(text, &ctx);
    for gone in ["Kildevej 12", "nr. 14"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (units as houses, a house number's letter after a space): a list of row houses in pairs
/// that writes each house's letter after a space ("Tunvegen 14 B") left the association's houses
/// unknown (only "14B" read as a number with its letter), so "Tunvegen 14 B", "TUNVEGEN 16 A" and "i
/// 16 B" in the minutes stayed. A block's entrance with a letter, shared by several flats, stays.
#[test]
fn regression_a_row_house_whose_letter_stands_after_a_space() {
    let ctx = register(
        Country::NO,
        &[
            ("Vigdis Moen", "1", "Tunvegen 14 B"),
            ("Tore Amundrud", "2", "Tunvegen 14 A"),
            ("Randi Orheim", "3", "Tunvegen 16 B"),
            ("Ola Dal", "4", "Tunvegen 16 A"),
            ("Kari Lie", "5", "Lindeveien 4 C"),
            ("Per Ås", "6", "Lindeveien 4 C"),
        ],
    );
    let text = "Taket på Tunvegen 14 B lekker. Hekken ved TUNVEGEN 16 A klippes. Randi Orheim i 16 B flytter. \
                Oppgangen Lindeveien 4 C males.";
    let out = blocked(text, &ctx);
    for gone in ["Tunvegen 14 B", "TUNVEGEN 16 A", "16 B"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Oppgangen Lindeveien 4 C males"), "{out}");
}

/// Regression (units as houses, the postcode after the house number with no comma): a list that gives
/// each row house's address as "Furuhaugen 4 6800 Førde" left the association's houses unknown, so
/// "Furuhaugen 4", "nr. 2" and "Furuhaugen 6 B" in the minutes stayed.
#[test]
fn regression_a_house_whose_register_address_holds_the_postcode_without_a_comma() {
    let ctx = register(
        Country::NO,
        &[
            ("Siri Vik", "1", "Furuhaugen 2 6800 Førde"),
            ("Ole Bø", "2", "Furuhaugen 4 6800 Førde"),
            ("Kai Os", "3", "Furuhaugen 6b 6800 Førde"),
        ],
    );
    let text = "Taket på Furuhaugen 4 lekker. Hekken ved nr. 2 klippes. Furuhaugen 6 B er solgt.";
    let out = blocked(text, &ctx);
    for gone in ["Furuhaugen 4", "nr. 2", "Furuhaugen 6 B"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (units as houses, the register's street cut short): a list that abbreviates the street
/// ("Bakkelundv. 4") knew the houses only in that form, so the minutes' "Bakkelundveien 4" and
/// "BAKKELUNDVEIEN 6" stayed.
#[test]
fn regression_a_street_the_register_cuts_short_written_out_in_the_minutes() {
    let ctx = register(
        Country::NO,
        &[
            ("Ole Rud", "1", "Bakkelundv. 4"),
            ("Eva Lie", "2", "Bakkelundv. 6"),
        ],
    );
    let text = "Taket på Bakkelundveien 4 lekker. BAKKELUNDVEIEN 6 er solgt. Bakkelundveien 10 er naboens.";
    let out = blocked(text, &ctx);
    for gone in ["Bakkelundveien 4", "BAKKELUNDVEIEN 6"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Bakkelundveien 10"), "{out}");
}

/// Regression (units as houses, the flat's code after the house in the register): a Swedish list of
/// row houses that gives each house's address with its lägenhetsnummer ("Videvägen 4, lgh 1002") left
/// the association's houses unknown, so "Videvägen 4", "nr 8" and "VIDEVÄGEN 6" in the minutes stayed.
/// A block whose flats share the house ("Storgatan 4, lgh 1101", "…, lgh 1102") stays a place.
#[test]
fn regression_a_row_house_whose_register_address_holds_its_flat_code() {
    let ctx = register(
        Country::SE,
        &[
            ("Eva Sund", "1", "Videvägen 2, lgh 1001"),
            ("Bo Ek", "2", "Videvägen 4, lgh 1002"),
            ("Li Strand", "3", "Videvägen 6, lgh 1003"),
            ("Mats Berg", "4", "Videvägen 8, lgh 1004"),
            ("Gun Holm", "5", "Storgatan 4, lgh 1101"),
            ("Per Ås", "6", "Storgatan 4, lgh 1102"),
        ],
    );
    let text = "Taket på Videvägen 4 läcker. Häcken vid nr 8 klipps. VIDEVÄGEN 6 är såld. \
                Föreningens lokal på Storgatan 4 hyrs ut.";
    let out = blocked(text, &ctx);
    for gone in ["Videvägen 4", "nr 8", "VIDEVÄGEN 6"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("lokal på Storgatan 4 hyrs"), "{out}");
}

/// Regression (units as houses, the address column holding only the house number): a list that
/// numbers its units and gives each row house's address as its number alone ("Adresse" 2, 4, …, the
/// street left out) in an association named after its street left the houses unknown (only a list
/// without addresses was read on the association's street), so "Blåbærlia 4", "nr. 8" and
/// "BLÅBÆRLIA 6" stayed.
#[test]
fn regression_house_numbers_alone_in_the_address_column() {
    let mut ctx = register(
        Country::NO,
        &[
            ("Siri Vik", "1", "2"),
            ("Ole Bø", "2", "4"),
            ("Eva Nes", "3", "6"),
            ("Kai Os", "4", "8"),
        ],
    );
    ctx.places = vec!["Blåbærlia borettslag".into()];
    let text = "Taket på Blåbærlia 4 lekker. Hekken ved nr. 8 klippes. BLÅBÆRLIA 6 er solgt.";
    let out = blocked(text, &ctx);
    for gone in ["Blåbærlia 4", "nr. 8", "BLÅBÆRLIA 6"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (units as houses, house numbers without addresses): a list of row houses that gives only
/// the house number ("Husnr" 1, 2, …) left the association's houses unknown, so "Bjørkelia 7" and
/// "nr. 12" in the minutes stayed. The association named after its street ("Bjørkelia burettslag")
/// says where they lie; a Swedish property's designation ("Brf Smeden 7") names no street.
#[test]
fn regression_house_numbers_on_the_street_the_association_is_named_after() {
    let mut ctx = Context::new(Country::NO);
    for (name, unit) in [("Siri Vold", "7"), ("Per Lie", "12"), ("Åse Moe", "3")] {
        ctx.residents.push(KnownPerson {
            name: name.into(),
            unit: Some(unit.into()),
            ..KnownPerson::default()
        });
    }
    ctx.places = vec!["Bjørkelia burettslag".into()];
    let text = "Hekken ved Bjørkelia 7 vert klipt. Bebuarane i nr. 12 har fått ny dør. Møtet i Bjørkelia burettslag.";
    let out = blocked(text, &ctx);
    for gone in ["Bjørkelia 7", "nr. 12"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Møtet i Bjørkelia burettslag"), "{out}");
    let mut ctx = ctx.clone();
    ctx.places = vec!["Brf Smeden 7".into()];
    let out = blocked("Stämman hölls i Brf Smeden 7:s lokal.", &ctx);
    assert!(out.contains("Brf Smeden 7"), "{out}");
}

/// Regression (units as houses, a resident placed by the street): a registered first name that is also
/// a word of the lists, opening a sentence and followed by "fra"/"på" and the street of the residents'
/// homes ("Inger fra Kildevej er syg"), waited for the full name elsewhere in the document and stayed.
#[test]
fn regression_a_first_name_placed_by_the_residents_street() {
    let ctx = register(
        Country::DK,
        &[
            ("Inger Holt", "1", "Kildevej 12"),
            ("Jens Kjær", "2", "Mosevej 7"),
        ],
    );
    let text = "Referat\n\nInger fra Kildevej er syg.\nJens på Mosevej 7 sender en hilsen.";
    let out = blocked(text, &ctx);
    for gone in ["Inger", "Jens"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    // Placed by a floor named by its ordinal alone ("Åse i tredje har betalt").
    let ctx = register(Country::NO, &[("Åse Rud", "H0301", "Granlia 2, H0301")]);
    let out = blocked("Referat\n\nÅse i tredje har betalt.", &ctx);
    assert!(!out.contains("Åse"), "{out}");
}

/// Regression (units as houses, a unit in the association's own code): a register whose units are named
/// in a code of the association's own ("4-1A": house 4, first floor, flat A; "B-203") left the code in
/// the minutes wherever it stood ("bustad 4-1A", "Lotte Frandsen (B-203)"); only the tax agency's flat
/// numbers and H-numbers were known by shape. A longer code or number that contains one stays.
#[test]
fn regression_a_unit_in_the_associations_own_code() {
    let ctx = register(
        Country::NO,
        &[
            ("Brynhild Aasen", "4-1A", "Lyngbakken 4"),
            ("Per Kvamsdal", "4-UB", "Lyngbakken 4"),
        ],
    );
    let text = "Referat\n\nStyret godkjende utleige av bustad 4-1A medan eigaren er bortreist.\n\
                Framlegg frå Per Kvamsdal (4-ub): ny benk.\nSak 14-1A vart utsett.";
    let out = blocked(text, &ctx);
    for gone in ["4-1A medan", "4-ub"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Sak 14-1A"), "{out}");
    let ctx = register(Country::DK, &[("Lotte Frandsen", "B-203", "Kirsebærvej 2")]);
    let out = blocked(
        "Referat\n\nForslag fra Lotte Frandsen (B-203) om cykelstativer.",
        &ctx,
    );
    assert!(!out.contains("B-203"), "{out}");
    let ctx = register(Country::SE, &[("Maja Ström", "A-1102", "Lärkgatan 3")]);
    let out = blocked("Protokoll\n\nStambytet i A-1102 är klart.", &ctx);
    assert!(!out.contains("A-1102"), "{out}");
    // Written without its hyphen, or after the word for the home with an en dash.
    let out = blocked(
        "Protokoll\n\nGrannen i A1102 klagar. Lägenhet A–1102 får ny dörr.",
        &ctx,
    );
    for gone in ["A1102", "A–1102"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (initials tied to a resident): two capitals that are a resident's initials in a list of
/// who was present or absent ("Til stede: LK, BD og MB", "Frånvarande: AL") stayed; the same capitals
/// in running text stay.
#[test]
fn regression_initials_of_residents_in_an_attendance_list() {
    let ctx = register(
        Country::DK,
        &[
            ("Lone Kjær", "1", "Hybenvej 1"),
            ("Bo Dam", "2", "Hybenvej 3"),
        ],
    );
    let out = blocked("Referat\n\nTil stede: LK og BD. Afbud: ingen.", &ctx);
    assert!(out.contains("Til stede: █████ og █████."), "{out}");
    let out = blocked("Referat\n\nBD-planen og LK-reglerne blev vedtaget.", &ctx);
    assert!(out.contains("BD-planen og LK-reglerne"), "{out}");
    let ctx = register(Country::SE, &[("Anna Lund", "1001", "Storgatan 3")]);
    let out = blocked("Protokoll\n\nNärvarande: styrelsen. Frånvarande: AL", &ctx);
    assert!(!out.contains("AL"), "{out}");
}

/// Regression (precision with the register): a range of flats after the plural of the word for a flat
/// ("lägenheterna 2001-2102", two numbers of four digits) was read as a phone number.
#[test]
fn regression_a_range_of_flats_stays() {
    let ctx = register(Country::SE, &[("Maja Ström", "2001", "Lärkgatan 5")]);
    let text = "Protokoll\n\nStambyte: lägenheterna 2001-2102 berörs i vår.";
    let out = blocked(text, &ctx);
    assert!(out.contains("lägenheterna 2001-2102"), "{out}");
    let ctx = register(Country::NO, &[("Ola Dahl", "H0101", "Lia 2, H0101")]);
    let out = blocked("Referat\n\nLeilighetene 1101–1108 får nye vinduer.", &ctx);
    assert!(out.contains("1101–1108"), "{out}");
}

/// Regression (residents placed by their home, flat numbers that read as years): a Swedish brf numbers
/// its flats 2001–2099 by the tax agency's scheme; such a number after the neighbours' word and a
/// preposition ("Grannarna i 2003 och 2104"), in a list joined to one, or right after its own resident in
/// a queue's row ("Maja Ström      2003") stayed as if it were a year. A year after a preposition with no
/// dwellers, and a number after someone who does not live there, stay.
#[test]
fn regression_flat_numbers_that_read_as_years() {
    let ctx = register(
        Country::SE,
        &[
            ("Maja Ström", "2003", "Lärkgatan 5"),
            ("Leif Ahl", "2104", "Lärkgatan 5"),
            ("Nils Holm", "1102", "Lärkgatan 3"),
        ],
    );
    let text = "Protokoll\n\nGrannarna i 2003 och 2104 har klagat på musiken.\n\
                Kön till p-platserna:\n   1  Nils Holm        1102\n   2  Maja Ström       2003\n\
                Fasaden målades i 2003. Nils Holm 2104 kr.";
    let out = blocked(text, &ctx);
    for gone in ["i 2003 och", "och 2104", "     1102", "     2003"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    for stays in ["målades i 2003", "2104 kr"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    let ctx = register(Country::DK, &[("Karen Bak", "2019", "Hybenvej 3")]);
    let out = blocked("Referat\n\nNaboerne i 2019 har klaget over støj.", &ctx);
    assert!(!out.contains("2019"), "{out}");
}

/// Regression (a plate after the word for a plate): a trailer's or an older series' plate ("HV 4127",
/// "GH 123", "CDE 1234") was only found in the shapes of today's cars; after "nummerpladen", "reg.nr.",
/// "kjennemerket" or "registreringsskylten" any plate's shape is a plate. Without the word it stays.
#[test]
fn regression_a_plate_after_the_word_for_a_plate() {
    let ctx = register(Country::DK, &[("Ib Holt", "1", "Kildevej 12")]);
    for (text, plate) in [
        (
            "Traileren med nummerpladen HV 4127 skal fjernes.",
            "HV 4127",
        ),
        ("Bilen med reg. nr. CDE 1234 holder i vejen.", "CDE 1234"),
        (
            "Henger med kjennemerket JK 8812 står på snuplassen.",
            "JK 8812",
        ),
        (
            "Husbilen har registreringsskylten GH 123 och står kvar.",
            "GH 123",
        ),
    ] {
        let out = blocked(text, &ctx);
        assert!(!out.contains(plate), "{plate} left in {out}");
    }
    let out = blocked("Mødet sluttede kl. 21 i lokale HV 4127 på skolen.", &ctx);
    assert!(out.contains("HV 4127"), "{out}");
}

/// Regression (residents placed by their home, Nynorsk words for the home): "Overdraging av bustad 12",
/// "leilegheit 4" kept their number; the Bokmål, Danish and Swedish words for a flat already took it.
#[test]
fn regression_a_nynorsk_word_for_the_home_before_its_number() {
    let ctx = register(Country::NO, &[("Åshild Tenden", "12", "Kvernvegen 4")]);
    let text = "Protokoll\n\nSak 4/26 Overdraging av bustad 12\nLeilegheita 7 er seld.\n\
                Bustadene 3 og 5 får nye vindauge. Styret hadde 12 møte.";
    let out = blocked(text, &ctx);
    for gone in ["bustad 12", "Leilegheita 7", "3 og 5"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("12 møte"), "{out}");
}

/// Regression (units as houses, a room of the house): in an association of row houses "vattenskada i
/// tvättstugan i Storgatan 17" kept the house as the association's common room's address; a row house
/// has its laundry room of its own. The association's own rooms ("föreningslokalen i …") still keep
/// their address, and in a block of flats the laundry room is the association's.
#[test]
fn regression_a_row_houses_own_laundry_room() {
    let ctx = register(
        Country::SE,
        &[
            ("Gösta Hägg", "17", "Storgatan 17"),
            ("Eva Rask", "18", "Storgatan 18"),
        ],
    );
    let text = "Protokoll\n\nEn vattenskada uppstod i tvättstugan i Storgatan 17.\n\
                Mötet hölls i föreningslokalen i Storgatan 18.";
    let out = blocked(text, &ctx);
    assert!(!out.contains("Storgatan 17"), "{out}");
    assert!(out.contains("föreningslokalen i Storgatan 18"), "{out}");
}

/// Regression (precision with the register): two ISO dates joined by a dash ("2027-01-01–2027-12-31", a
/// sublet's period) were read as an account number; a noun opening a list item before a unit ("c) Motion
/// från nr 22", the document writing "motionen" too) was taken for a name, and its plural in a heading
/// after it ("Motioner") for the name run together with a word; a firm whose legal form was read as a
/// surname ("IVAR IKS", a first name in capitals before Norway's intermunicipal form) for a person.
#[test]
fn regression_date_ranges_list_item_nouns_and_firms_by_their_legal_form_stay() {
    let ctx = register(
        Country::SE,
        &[
            ("Per Rosén", "7", "Storgatan 7"),
            ("Nadia Lind", "22", "Storgatan 22"),
        ],
    );
    let text =
        "Protokoll\n\n§ 9 Motioner\na) Motion från Per Rosén om staket. Stämman avslog motionen.\n\
                b) Motion från nr 22 om hundrastgård.\n\
                Ansökan om andrahandsuthyrning beviljas för tiden 2027-01-01–2027-12-31.";
    let out = blocked(text, &ctx);
    for stays in [
        "§ 9 Motioner",
        "a) Motion från",
        "b) Motion från",
        "2027-01-01–2027-12-31",
    ] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
    for gone in ["Per Rosén", "nr 22"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    let ctx = register(Country::NO, &[("Ola Njå", "2", "Lyngveien 2")]);
    let out = blocked(
        "Referat\n\nSøppelbilen fra IVAR IKS kommer ikke fram. Henting avtales med IVAR IKS.",
        &ctx,
    );
    assert!(out.contains("fra IVAR IKS kommer"), "{out}");
}

/// Regression (a storage room, a garage or a parking space by its number beside its resident): the
/// association lets numbered spaces to one household each, and "Garasje 4 står tom sidan Per Lie
/// selde bilen", "rum nr. K-17 er tildelt …", "laddplats P 2 hyrs av …" say where that household parks
/// or keeps things; the numbers and codes stayed. A space with no resident in its sentence stays.
#[test]
fn regression_a_storage_room_or_parking_space_by_its_number_beside_its_resident() {
    let ctx = register(
        Country::NO,
        &[
            ("Per Lie", "H0102", "Lindeveien 4 A"),
            ("Siri Vold", "H0201", "Lindeveien 4 B"),
        ],
    );
    let text =
        "Garasje 6 har stått tom sidan Per Lie selde bilen. Kjellarboden nr. K-31 er tildelt \
                Siri Vold og bod K-32 er ledig. Garasje 2 blir malt i mai.";
    let out = blocked(text, &ctx);
    for gone in ["Garasje 6", "K-31"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("Garasje 2 blir malt"), "{out}");
    let ctx = register(Country::SE, &[("Stina Öberg", "1102", "Ekvägen 3")]);
    let out = blocked("Laddplats P 4 hyrs från maj av Stina Öberg.", &ctx);
    assert!(!out.contains("P 4"), "{out}");
}

/// Regression (a unit by the register's code of letters, a space and a number): a list of row houses
/// that names each unit "Rh 3", "Rh 4" (beside its address) had its codes read as no code at all (a
/// code held no space), so "Åsa Berg (Rh 3)" and a table's "Rh 4" stayed.
#[test]
fn regression_a_unit_code_of_letters_a_space_and_a_number() {
    let ctx = register(
        Country::SE,
        &[
            ("Åsa Berg", "Rh 3", "Kornvägen 5"),
            ("Olof Ring", "Rh 4", "Kornvägen 7"),
        ],
    );
    let out = blocked(
        "Motion från Åsa Berg (Rh 3) om laddboxar.\nRh 4    Kornv. 7    närvarande",
        &ctx,
    );
    for gone in ["Rh 3", "Rh 4"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (units as houses, the forms of a house number): in a row-house association a Swedish
/// house by its number as a noun ("grannarna i 12:an"), the association's street typed wrong by one
/// letter or broken by a space ("Kornvägan 7", "Korn vägen 5") and a house by its street's first letter
/// glued to the number ("S9" for Smedjegatan 9) stayed.
#[test]
fn regression_a_house_number_as_a_noun_a_street_typed_wrong_or_by_its_initial() {
    let ctx = register(
        Country::SE,
        &[
            ("Åsa Berg", "1", "Kornvägen 5"),
            ("Olof Ring", "2", "Kornvägen 7"),
            ("Pia Nord", "3", "Kornvägen 12"),
            ("Ulf Sand", "4", "Smedjegatan 9"),
        ],
    );
    let text = "Grannarna i 12:an klagar på staketet. Taket på Kornvägan 7 läcker och \
                stuprännan vid Korn vägen 5 är trasig. Välkommen till S9!";
    let out = blocked(text, &ctx);
    for gone in ["12:an", "Kornvägan 7", "Korn vägen 5", "S9"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (a resident's surname that is also the association's town): a resident named after the
/// town ("Sigve Stryn" in Stryn) made the town go wherever it stood, the association's own address
/// ("Bjørkevegen 1–9, 6783 Stryn") and the municipality ("Stryn kommune") included. After a postcode or
/// before the word for its municipality it is the town; the resident's mentions still go.
#[test]
fn regression_a_surname_that_is_the_town_of_the_associations_address() {
    let ctx = register(Country::NO, &[("Sigve Stryn", "4", "Bjørkevegen 4")]);
    let text = "Bjørkevegen 1–9, 6783 Stryn\n\nSigve Stryn tok opp brøytinga. Stryn kommune svarer i mai, \
                sa Stryn.";
    let out = blocked(text, &ctx);
    assert!(out.contains("6783 Stryn"), "{out}");
    assert!(out.contains("Stryn kommune"), "{out}");
    assert!(!out.contains("Sigve"), "{out}");
    assert!(!out.contains("sa Stryn"), "{out}");
}

/// Regression (units as houses, a house by where it lies): in an association of row houses the corner,
/// gable or end house ("hjørnehuset på Tornevej", "gavlhuset") and a house placed by a word of position
/// or at the end of the street ("det nederste hus i Tornevej", "huset for enden af Tornevej") name one
/// home as its number does, and stayed. A common room called "Hjørnehuset" stays.
#[test]
fn regression_a_row_house_named_by_where_it_lies() {
    let ctx = register(
        Country::DK,
        &[
            ("Ib Holt", "1", "Tornevej 1"),
            ("Søren Bak", "2", "Tornevej 3"),
            ("Lis Dam", "3", "Tornevej 5"),
        ],
    );
    let text = "Der er råd i remmen i hjørnehuset på Tornevej, og gavlhuset mod stien får nye \
                vinduer. Velkommen til familien i det nederste hus i Tornevej. Mødet holdes i \
                Hjørnehuset.";
    let out = blocked(text, &ctx);
    for gone in ["hjørnehuset", "gavlhuset", "nederste hus"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
    assert!(out.contains("holdes i Hjørnehuset"), "{out}");
}

/// Regression (initials and short forms, a genitive): the initials of a resident's hyphenated first
/// name were found ("K-E sagde"), but not in the genitive ("K-Es bil", "U-Bs forslag"), which stayed.
#[test]
fn regression_a_hyphenated_first_names_initials_in_the_genitive() {
    let ctx = register(
        Country::DK,
        &[
            ("Karl-Erik Moe", "3", "Tornevej 3"),
            ("Ulla-Britt Sand", "4", "Tornevej 5"),
        ],
    );
    let out = blocked(
        "K-Es bil holder i vejen, og U-Bs forslag om hække blev vedtaget.",
        &ctx,
    );
    for gone in ["K-E", "U-B"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (an organisation's switchboard after its contact person): "Ny kontaktperson i Fjord
/// Forvaltning AS er Renate Moe, tlf. sentralbord 57 11 22 00" kept nothing: the person named after the
/// firm made the number hers. A switchboard is the organisation's; a person's own number stays personal.
#[test]
fn regression_an_organisations_switchboard_after_its_contact_person() {
    let mut ctx = Context::new(Country::NO);
    ctx.organisations = vec!["Fjord Forvaltning AS".into()];
    let text =
        "Ny kontaktperson i Fjord Forvaltning AS er Renate Moe, tlf. sentralbord 57 11 22 00.\n\n\
                Beboar Per Lie kan nåast på 91 22 33 44.";
    let found = detect(text, Some(&ctx));
    let decision = |needle: &str| {
        found
            .iter()
            .find(|f| f.text == needle)
            .map(|f| f.decision)
            .unwrap_or_else(|| panic!("{needle} was not found"))
    };
    assert_eq!(decision("57 11 22 00"), Decision::Keep);
    assert_eq!(decision("91 22 33 44"), Decision::Redact);
}

/// Regression (a resident's birthday): "Preben fylder 80 år den 17. oktober" kept the day and month, which
/// with the age give the resident's date of birth (the policy removes dates of birth); a calendar row of the
/// birthday kept it too. The association's own anniversary and the other rows' dates stay.
#[test]
fn regression_a_residents_birthday_beside_the_age() {
    let ctx = register(
        Country::DK,
        &[
            ("Aksel Brink", "1", "Tornevej 1"),
            ("Hilde Moos", "2", "Tornevej 3"),
        ],
    );
    let text = "Aksel Brink fylder 75 år den 4. august og giver kaffe. Foreningen fylder 40 år den \
                1. maj.\n\n4. august     Aksels 75-årsdag i fælleshuset\n11. august    Bestyrelsesmøde";
    let out = blocked(text, &ctx);
    assert!(!out.contains("4. august"), "{out}");
    for stays in ["1. maj", "11. august", "75 år"] {
        assert!(out.contains(stays), "{stays} removed from {out}");
    }
}

/// Regression (a date after a flat's word): "overtager lejligheden 1. januar 2026" took "lejligheden 1" as
/// the flat's number; a day with its month after the word is a date and stays.
#[test]
fn regression_a_date_after_a_flats_word() {
    let ctx = register(Country::DK, &[("Aksel Brink", "1", "Tornevej 1")]);
    let out = blocked(
        "Køberen overtager lejligheden 1. januar 2026, og andelen 2 sælges 3. marts.",
        &ctx,
    );
    assert!(out.contains("lejligheden 1. januar 2026"), "{out}");
    assert!(out.contains("3. marts"), "{out}");
}

/// Regression (a registered first name in the genitive opening a sentence): "Sivs cykel står …" kept the
/// name where the first name is also a word and the resident was not named in full in the document; the
/// genitive before a noun makes it the owner. "Hans forslag" ("his proposal") stays.
#[test]
fn regression_a_registered_first_name_in_the_genitive_opening_a_sentence() {
    let ctx = register(
        Country::SE,
        &[
            ("Siv Holmqvist", "1", "Tallvägen 1"),
            ("Hans Berglöf", "2", "Tallvägen 3"),
        ],
    );
    let out = blocked(
        "Styrelsen gick igenom cykelrummet.\nSivs cykel står kvar sedan i våras.\nHans förslag är bra.",
        &ctx,
    );
    assert!(!out.contains("Sivs"), "{out}");
    assert!(out.contains("Hans förslag"), "{out}");
}

/// Regression (a plate after a vehicle's noun): "en parkeret trailer (XY 1234)" kept a plate of an older
/// or a trailer's series, which only the word for a plate let through; after a vehicle's noun, in brackets
/// or not, any plate's shape is the vehicle's plate.
#[test]
fn regression_a_plate_after_a_vehicles_noun() {
    let ctx = register(Country::DK, &[("Aksel Brink", "1", "Tornevej 1")]);
    let out = blocked(
        "Klage over en parkeret anhænger (RT 5512) på gæstepladsen. Campingvognen HJ 2270 flyttes.",
        &ctx,
    );
    for gone in ["RT 5512", "HJ 2270"] {
        assert!(!out.contains(gone), "{gone} left in {out}");
    }
}

/// Regression (the re-scan refused a firm named after a resident): "tilbud fra Tømrerfirmaet <resident> ApS",
/// a firm in the register's organisations, is kept whole by the detector, but the re-scan's check of
/// registered names found the resident's full name in the output and `andel redact` refused the whole
/// document. The resident named alone still makes the re-scan refuse.
#[test]
fn regression_the_rescan_refused_a_firm_named_after_a_resident() {
    let mut ctx = register(
        Country::DK,
        &[
            ("Tor Vestergård", "7", "Tornevej 7"),
            ("Aksel Brink", "1", "Tornevej 1"),
        ],
    );
    ctx.organisations = vec!["Tømrerfirmaet Tor Vestergård ApS".into()];
    let text =
        "Tilbud på tagrender indhentes fra Tømrerfirmaet Tor Vestergård ApS og et andet firma. \
                Aksel Brink har spurgt til hækken.";
    let findings = detect(text, Some(&ctx));
    let output = apply(text, &findings, Style::Block, Some(ctx.country)).unwrap();
    assert!(output.contains("Tor Vestergård ApS"), "{output}");
    assert!(verify(&output, Some(&ctx)).is_empty(), "{output}");
    assert!(!verify("Tor Vestergård har spurgt.", Some(&ctx)).is_empty());
}
