//! The board's own words (issue 19) and the reader's language (issue 17): every document Andel
//! writes, for an association in each country, in each of the four languages, uses only its
//! language's glossary words (no word the glossary says to avoid, no English in a Danish,
//! Norwegian or Swedish document, the language's own quotation marks). Each document's text in
//! the country's language and in English is pinned as a snapshot.

use andel_core::association::{self, AssociationChanges, Country};
use andel_core::document::Shown;
use andel_core::document::{Document, Lang};
use andel_core::handover;
use andel_core::i18n::glossary;
use andel_core::privacy::activities::{self, ActivityFields};
use andel_core::privacy::{notice, record};
use andel_core::register::plates_order;
use andel_core::requests::{self, access, RequestKind};
use andel_core::{demo, vault::Vault};
use chrono::NaiveDate;

use crate::support::{now, quick_passphrase};

fn today() -> NaiveDate {
    now().date_naive()
}

/// The demo archive (a register with owners, sublets, plates, requests, roles, organisations and
/// minutes), moved to `country`.
fn archive(dir: &std::path::Path, country: Country) -> Vault {
    let v = demo::create(&dir.join("demo.andel"), Some(10), now()).unwrap();
    association::update(
        v.conn(),
        &AssociationChanges {
            country: Some(country),
            ..Default::default()
        },
        "Test",
        now(),
    )
    .unwrap();
    v
}

/// Every board document the archive gives, in `lang`, named for its snapshot. The handover
/// receipt is written in the association's own language only, as the board hands it over.
fn documents(v: &Vault, dir: &std::path::Path, lang: Lang) -> Vec<(&'static str, Document)> {
    let conn = v.conn();
    let mut docs = vec![
        (
            "notice",
            notice::notice(conn, lang, today(), now()).unwrap(),
        ),
        (
            "record",
            record::record(conn, lang, today(), now()).unwrap(),
        ),
        (
            "plates",
            plates_order::document(conn, &[], lang, today(), now()).unwrap(),
        ),
    ];
    let access_request = requests::list(conn, today())
        .unwrap()
        .into_iter()
        .find(|r| r.kind == RequestKind::Access)
        .expect("the demo has an access request");
    let reply = access::reply_in(conn, access_request.id, Some(lang), today(), now()).unwrap();
    docs.push(("access_reply", reply.document));
    if lang == Lang::of_country(association::get(conn).unwrap().country) {
        let r = handover::handover(
            v,
            &dir.join("handed-over.andel"),
            quick_passphrase("ny kode 2026"),
            None,
            today(),
            now(),
        )
        .unwrap();
        docs.push(("receipt", r.document));
    }
    docs
}

/// A receipt names the new file's path and fingerprint, which differ from run to run.
fn stable(text: &str, dir: &std::path::Path) -> String {
    let mut out = text.replace(&dir.display().to_string(), "[dir]");
    let words: Vec<String> = out.split_whitespace().map(str::to_string).collect();
    for w in words {
        if w.len() >= 32 && w.chars().all(|c| c.is_ascii_hexdigit()) {
            out = out.replace(&w, "[sha256]");
        }
    }
    out
}

/// What `glossary::misused` finds in a document for an association of `country`, one line each.
/// A glossary's list of words to avoid is about its own country (Norwegian says fødselsnummer,
/// but a Norwegian notice of a Swedish association names the Swedish personnummer), so a
/// document for another country is checked for what no text in its language may hold: English
/// words and other languages' quotation marks.
fn misused_in(name: &str, country: Country, lang: Lang, text: &str) -> Vec<String> {
    let found = if lang == Lang::of_country(country) || lang == Lang::En {
        glossary::misused(lang, text)
    } else {
        glossary::foreign(lang, text)
    };
    found
        .into_iter()
        .map(|m| {
            format!(
                "{name} {country:?} {}: “{}” → {} ({})",
                lang.code(),
                m.found,
                m.instead,
                m.why
            )
        })
        .collect()
}

const LANGS: [Lang; 4] = [Lang::Da, Lang::Nb, Lang::Sv, Lang::En];

#[test]
fn every_document_in_every_country_uses_its_languages_own_words() {
    let mut misused = Vec::new();
    for country in [Country::DK, Country::NO, Country::SE] {
        let dir = tempfile::tempdir().unwrap();
        let v = archive(dir.path(), country);
        for lang in LANGS {
            for (name, doc) in documents(&v, dir.path(), lang) {
                let text = stable(&doc.plain_text(), dir.path());
                misused.extend(misused_in(name, country, lang, &text));
                // The demo's free texts are all Andel's own or built-in: nothing falls back.
                assert_eq!(doc.fallbacks, [], "{name} {country:?} {lang:?}");
                if lang != Lang::of_country(country) && lang != Lang::En {
                    continue;
                }
                insta::assert_snapshot!(
                    format!(
                        "{name}_{}_{}",
                        format!("{country:?}").to_lowercase(),
                        lang.code()
                    ),
                    text
                );
            }
        }
    }
    assert!(misused.is_empty(), "{}", misused.join("\n"));
}

/// The check above can fail: an English sentence the board wrote as its Danish purpose is caught
/// in the Danish notice; the Norwegian and Swedish notices fall back to Andel's own text, so it is
/// not in them, and they say so.
#[test]
fn an_english_sentence_in_a_nordic_document_is_caught_and_kept_out_of_the_others() {
    let dir = tempfile::tempdir().unwrap();
    let v = archive(dir.path(), Country::DK);
    let conn = v.conn();
    let members = activities::list(conn, Lang::Da, "Test", now())
        .unwrap()
        .into_iter()
        .find(|a| a.key.as_deref() == Some("members"))
        .unwrap();
    let planted = "Please send the board your request, and we will answer you.";
    activities::update(
        conn,
        members.id,
        &ActivityFields {
            purpose: Some(planted.into()),
            ..Default::default()
        },
        Lang::Da,
        "Test",
        now(),
    )
    .unwrap();
    let danish = notice::notice(conn, Lang::Da, today(), now()).unwrap();
    let found = misused_in("notice", Country::DK, Lang::Da, &danish.plain_text());
    for word in [
        "Please", "the", "board", "your", "request", "we", "will", "you",
    ] {
        assert!(
            found.iter().any(|f| f.contains(&format!("“{word}”"))),
            "{word} not caught: {found:#?}"
        );
    }
    assert_eq!(danish.fallbacks, []);
    for lang in [Lang::Nb, Lang::Sv] {
        for doc in [
            notice::notice(conn, lang, today(), now()).unwrap(),
            record::record(conn, lang, today(), now()).unwrap(),
        ] {
            let text = doc.plain_text();
            assert!(!text.contains(planted), "{lang:?}");
            assert_eq!(
                misused_in("doc", Country::DK, lang, &text),
                Vec::<String>::new()
            );
            assert_eq!(doc.fallbacks.len(), 1, "{lang:?}: {:?}", doc.fallbacks);
            let mark = &doc.fallbacks[0];
            assert_eq!(
                (mark.field.as_str(), mark.written_in, mark.shown),
                ("purpose", Lang::Da, Shown::BuiltIn)
            );
        }
    }
}

/// The words a language addresses its reader with ("you", "your").
fn second_person(lang: Lang) -> &'static [&'static str] {
    match lang {
        Lang::Da => &["du", "dig", "din", "dit", "dine"],
        Lang::Nb => &["du", "deg", "din", "ditt", "dine"],
        Lang::Sv => &["du", "dig", "din", "ditt", "dina"],
        Lang::En => &["you", "your", "yours"],
    }
}

/// The `andel` commands (`andel --help`): a document for the authority names none of them.
const COMMANDS: [&str; 19] = [
    "init",
    "info",
    "passwd",
    "association",
    "demo",
    "import",
    "units",
    "people",
    "roles",
    "orgs",
    "sublets",
    "plates",
    "minutes",
    "detect",
    "redact",
    "verify",
    "privacy",
    "requests",
    "handover",
];

#[test]
fn the_record_speaks_of_data_subjects_in_every_language_and_names_no_command() {
    let mut found = Vec::new();
    for country in [Country::DK, Country::NO, Country::SE] {
        let dir = tempfile::tempdir().unwrap();
        let v = archive(dir.path(), country);
        for lang in [Lang::Da, Lang::Nb, Lang::Sv, Lang::En] {
            let text = record::record(v.conn(), lang, today(), now())
                .unwrap()
                .plain_text();
            let words: Vec<String> = text
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .map(str::to_lowercase)
                .collect();
            for w in second_person(lang) {
                if words.iter().any(|x| x == w) {
                    found.push(format!("{country:?} {}: “{w}”", lang.code()));
                }
            }
            for c in COMMANDS {
                if text.contains(&format!("andel {c}")) || text.contains('`') {
                    found.push(format!(
                        "{country:?} {}: a command (andel {c})",
                        lang.code()
                    ));
                }
            }
        }
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn notice_and_record_name_the_engraver_the_note_and_the_other_registers() {
    for country in [Country::DK, Country::NO, Country::SE] {
        let dir = tempfile::tempdir().unwrap();
        let v = archive(dir.path(), country);
        for lang in [Lang::Da, Lang::Nb, Lang::Sv, Lang::En] {
            let t = lang.texts();
            let caretaker = &glossary::term(lang, glossary::Term::Caretaker).the;
            let free_text = match lang {
                Lang::Da | Lang::Nb => "(fritekst)",
                Lang::Sv => "(fritext)",
                Lang::En => "(free text)",
            };
            for (name, doc) in [
                (
                    "notice",
                    notice::notice(v.conn(), lang, today(), now()).unwrap(),
                ),
                (
                    "record",
                    record::record(v.conn(), lang, today(), now()).unwrap(),
                ),
            ] {
                let text = doc.plain_text();
                let at = format!("{name} {country:?} {}", lang.code());
                // The demo's caretaker orders the plates: the engraver receives the name too.
                assert!(
                    text.contains(&(t.sections.engraver)(caretaker)),
                    "{at}: no engraver\n{text}"
                );
                // The board's free-text note on a person is a category of data.
                assert!(text.contains(free_text), "{at}: no note\n{text}");
                // The request register, the audit log and the board and officials.
                for kept in [t.sections.kept_log, t.sections.kept_offices] {
                    assert!(text.contains(kept), "{at}: {kept}");
                }
                let requests = (t.sections.requests_record)(&"@");
                let head = requests.split('@').next().unwrap();
                assert!(text.contains(head), "{at}: {head}");
            }
        }
    }
}

/// The labels a text in `lang` puts in place of other people's data, one per kind.
fn labels(lang: Lang) -> Vec<String> {
    use andel_core::redact::{self, Decision, Finding, Kind, Recognizer, Style};
    let kinds = [
        Kind::Person,
        Kind::Phone,
        Kind::Email,
        Kind::NationalId,
        Kind::Account,
        Kind::Address,
        Kind::Plate,
        Kind::Other,
    ];
    kinds
        .into_iter()
        .map(|kind| {
            let finding = Finding {
                start: 0,
                end: 1,
                kind,
                text: "x".into(),
                recognizer: Recognizer::Register,
                score: 1.0,
                reason: "test".into(),
                decision: Decision::Redact,
                subject: None,
            };
            redact::apply_in("x", &[finding], Style::Label, lang).unwrap()
        })
        .collect()
}

/// Every "[…]" in a text.
fn bracketed(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(len) = rest[open..].find(']') else {
            break;
        };
        out.push(rest[open..open + len + 1].to_string());
        rest = &rest[open + len + 1..];
    }
    out
}

/// Issue 17, item 6: an access reply in English (or any language but the minutes') labels the
/// other people in its excerpts and on the plates in its own language: the "[name]" its text
/// explains, not the minutes' "[navn]".
#[test]
fn an_access_reply_labels_other_peoples_data_in_its_own_language() {
    for country in [Country::DK, Country::NO, Country::SE] {
        let dir = tempfile::tempdir().unwrap();
        let v = archive(dir.path(), country);
        let conn = v.conn();
        let request = requests::list(conn, today())
            .unwrap()
            .into_iter()
            .find(|r| r.kind == RequestKind::Access)
            .unwrap();
        for lang in LANGS {
            let reply = access::reply_in(conn, request.id, Some(lang), today(), now()).unwrap();
            let at = format!("{country:?} {}", lang.code());
            let mut quoted: Vec<String> = reply
                .export
                .minutes_mentions
                .iter()
                .map(|m| m.excerpt.clone())
                .collect();
            quoted.extend(
                reply
                    .export
                    .name_plate_orders
                    .iter()
                    .flat_map(|o| o.lines.clone()),
            );
            let found: Vec<String> = quoted.iter().flat_map(|q| bracketed(q)).collect();
            // The demo's minutes name others beside the requester: the check has labels to see.
            assert!(!found.is_empty(), "{at}: nothing redacted in {quoted:#?}");
            let own = labels(lang);
            for label in &found {
                assert!(
                    own.contains(label),
                    "{at}: {label} is not a label in {lang:?}"
                );
            }
            // And the letter's sentence that explains the labels uses the same word.
            let person = &own[0];
            let letter = reply.document.plain_text();
            let in_letter = letter.matches(person.as_str()).count();
            let in_quotes: usize = quoted
                .iter()
                .map(|q| q.matches(person.as_str()).count())
                .sum();
            assert!(
                in_letter > in_quotes,
                "{at}: {person} is not explained\n{letter}"
            );
        }
    }
}
