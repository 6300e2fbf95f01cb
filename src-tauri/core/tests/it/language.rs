//! The board's own words (issue 19): every document Andel writes, for an association in each
//! country, in the country's language and in English, uses only its language's glossary words
//! (no word the glossary says to avoid, no English in a Danish, Norwegian or Swedish document,
//! the language's own quotation marks), and each document's text is pinned as a snapshot.

use andel_core::association::{self, AssociationChanges, Country};
use andel_core::document::{Document, Lang};
use andel_core::handover;
use andel_core::i18n::glossary;
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

#[test]
fn every_document_in_every_country_uses_its_languages_own_words() {
    let mut misused = Vec::new();
    for country in [Country::DK, Country::NO, Country::SE] {
        let dir = tempfile::tempdir().unwrap();
        let v = archive(dir.path(), country);
        for lang in [Lang::of_country(country), Lang::En] {
            for (name, doc) in documents(&v, dir.path(), lang) {
                let text = stable(&doc.plain_text(), dir.path());
                for m in glossary::misused(lang, &text) {
                    misused.push(format!(
                        "{name} {country:?} {}: “{}” → {} ({})",
                        lang.code(),
                        m.found,
                        m.instead,
                        m.why
                    ));
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
