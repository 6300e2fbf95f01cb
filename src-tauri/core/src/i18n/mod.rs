//! The home of the words Andel's documents use, per language.
//!
//! [`Texts`] holds every text of the documents (headings, labels, paragraphs), typed per language
//! like the UI's `Messages`: the struct is in `texts.rs` and each language fills it in its own file
//! (`da.rs`, `nb.rs`, `sv.rs`, `en.rs`), so a missing text is a compile error rather than a blank
//! in a letter. Domain code asks `lang.texts().plates_order.title` and never writes a text itself
//! (a test scans the sources for inline four-language picks).
//!
//! [`glossary`] holds the board's own words: one glossary per country's language (and English),
//! read from `assets/i18n/glossary/*.json`, the same files the UI imports when it is built, so a
//! term changes in one place for the app and every document. It also knows the words each
//! language must not use (the wrong word for the board's world, another language's word, English
//! in a Nordic text), the quotation marks each language writes, and the possessive of a name.

pub mod glossary;

mod da;
mod en;
mod nb;
mod sv;
mod texts;

pub use glossary::{possessive, term, Term};
pub use texts::*;

use crate::document::Lang;

impl Lang {
    /// Every document text in this language.
    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::Da => &da::TEXTS,
            Lang::Nb => &nb::TEXTS,
            Lang::Sv => &sv::TEXTS,
            Lang::En => &en::TEXTS,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use super::*;

    const LANGS: [Lang; 4] = [Lang::Da, Lang::Nb, Lang::Sv, Lang::En];

    /// Every text of a language with its field path ("plates_order.title").
    fn all_texts(lang: Lang) -> Vec<(String, String)> {
        fn walk(path: &str, value: &serde_json::Value, out: &mut Vec<(String, String)>) {
            match value {
                serde_json::Value::Object(map) => {
                    for (k, v) in map {
                        let p = if path.is_empty() {
                            k.clone()
                        } else {
                            format!("{path}.{k}")
                        };
                        walk(&p, v, out);
                    }
                }
                serde_json::Value::String(s) => out.push((path.to_string(), s.clone())),
                serde_json::Value::Array(items) => {
                    for (i, v) in items.iter().enumerate() {
                        walk(&format!("{path}.{i}"), v, out);
                    }
                }
                other => panic!("{path}: a text is a string, not {other}"),
            }
        }
        let mut out = Vec::new();
        walk("", &serde_json::to_value(lang.texts()).unwrap(), &mut out);
        out
    }

    #[test]
    fn every_language_has_every_text_and_none_is_blank() {
        let en: Vec<String> = all_texts(Lang::En).into_iter().map(|(p, _)| p).collect();
        assert!(en.len() > 10);
        for lang in LANGS {
            let texts = all_texts(lang);
            let paths: Vec<&String> = texts.iter().map(|(p, _)| p).collect();
            assert_eq!(paths, en.iter().collect::<Vec<_>>(), "{}", lang.code());
            for (path, text) in &texts {
                assert!(!text.trim().is_empty(), "{}: {path} is blank", lang.code());
            }
        }
    }

    /// A glossary word is defined once, in the glossary: a text that is only a term's form
    /// ("Viceværten", "Bolig") must be taken from the glossary, so it cannot drift from the UI.
    #[test]
    fn no_text_repeats_a_glossary_term() {
        let terms = [
            Term::Association,
            Term::Member,
            Term::Unit,
            Term::UnitNumber,
            Term::Board,
            Term::GeneralMeeting,
            Term::Minutes,
            Term::Chair,
            Term::ViceChair,
            Term::Treasurer,
            Term::Secretary,
            Term::BoardMember,
            Term::Alternate,
            Term::MeetingChair,
            Term::MinuteTaker,
            Term::Witness,
            Term::Auditor,
            Term::NominationCommittee,
            Term::Webmaster,
            Term::Sublet,
            Term::SubletApplication,
            Term::Subtenant,
            Term::Caretaker,
            Term::Administrator,
            Term::CloudArchive,
            Term::Intercom,
            Term::Request,
            Term::Retention,
            Term::Controller,
            Term::Processor,
            Term::ProcessingAgreement,
            Term::LegalBasis,
            Term::Breach,
            Term::DataSubject,
            Term::NationalId,
            Term::Authority,
        ];
        // A text repeats a term when it is the same form of the term in every language (so
        // `capitalise(&term(lang, t).the)` says it); a text that says it differently in one
        // language ("Forening" for "andelsboligforening") is its own.
        let texts: Vec<Vec<(String, String)>> = LANGS.iter().map(|&l| all_texts(l)).collect();
        let mut repeated = Vec::new();
        for (i, (path, _)) in texts[0].iter().enumerate() {
            for t in terms {
                for form in 0..4 {
                    let everywhere = LANGS.iter().zip(&texts).all(|(&lang, texts)| {
                        let f = term(lang, t);
                        let form = [&f.one, &f.the, &f.many, &f.the_many][form];
                        texts[i].1.trim().to_lowercase() == form.to_lowercase()
                    });
                    if everywhere {
                        repeated.push(format!("{path} = {t:?}"));
                    }
                }
            }
        }
        assert!(repeated.is_empty(), "use glossary::term: {repeated:#?}");
    }

    /// The end of the string literal starting at `at` (which is `"`), if one starts there.
    fn literal_end(src: &[u8], at: usize) -> Option<usize> {
        if src.get(at) != Some(&b'"') {
            return None;
        }
        let mut i = at + 1;
        while i < src.len() {
            match src[i] {
                b'\\' => i += 2,
                b'"' => return Some(i + 1),
                _ => i += 1,
            }
        }
        None
    }

    fn skip_space(src: &[u8], mut i: usize) -> usize {
        loop {
            while src.get(i).is_some_and(|c| c.is_ascii_whitespace()) {
                i += 1;
            }
            if src[i..].starts_with(b"//") {
                while src.get(i).is_some_and(|&c| c != b'\n') {
                    i += 1;
                }
            } else {
                return i;
            }
        }
    }

    /// The lines of `src` where `pick` is called with four string literals (as a method,
    /// `lang.pick("…", …)`, or as `Lang::pick(lang, "…", …)`), and where a match arm on a
    /// language gives a text (`Lang::Da => "Til bestyrelsen"`: a literal with a space; a code
    /// such as `"da-DK"` has none).
    fn inline_picks(src: &str) -> Vec<usize> {
        let bytes = src.as_bytes();
        let mut found = Vec::new();
        let line = |at: usize| src[..at].matches('\n').count() + 1;
        let calls = src
            .match_indices(".pick(")
            .chain(src.match_indices("Lang::pick("));
        for (at, call) in calls {
            let mut i = at + call.len();
            if call.starts_with("Lang::") {
                // The language argument before the texts.
                match src[i..].find(',') {
                    Some(comma) => i += comma + 1,
                    None => continue,
                }
            }
            let mut literals = 0;
            loop {
                i = skip_space(bytes, i);
                let Some(end) = literal_end(bytes, i) else {
                    break;
                };
                literals += 1;
                i = skip_space(bytes, end);
                if bytes.get(i) == Some(&b',') {
                    i += 1;
                }
            }
            if literals >= 4 {
                found.push(line(at));
            }
        }
        let arm = regex::Regex::new(
            r#"Lang::(?:Da|Nb|Sv|En)\s*=>\s*"(?:[^"\\\n]|\\.)*\s(?:[^"\\\n]|\\.)*""#,
        )
        .unwrap();
        found.extend(arm.find_iter(src).map(|m| line(m.start())));
        found.sort_unstable();
        found.dedup();
        found
    }

    #[test]
    fn the_scan_finds_inline_picks() {
        let src =
            "a(lang.pick(\"Til\", \"Til\",\n  \"Till\", // sv\n \"To\"));\nlang.pick(x, y, z, w)";
        assert_eq!(inline_picks(src), [1]);
        assert_eq!(
            inline_picks("lang\n    .pick(\"a\\\"\", \"b\", \"c\", \"d\",)"),
            [2]
        );
        assert_eq!(
            inline_picks("lang.pick(da, nb, sv, en)"),
            Vec::<usize>::new()
        );
        assert_eq!(
            inline_picks("x\nLang::pick(lang, \"Til\", \"Til\", \"Till\", \"To\")"),
            [2]
        );
        let arms = "match lang {\n    Lang::Da => \"da-DK\",\n    Lang::Sv => \"Till styrelsen\",\n    Lang::En | Lang::Nb => \"x\",\n}";
        assert_eq!(inline_picks(arms), [3]);
    }

    /// Texts live here, not in domain code: no `.pick(` with four string literals in the sources
    /// of the core, the desktop app or the CLI outside `i18n/`.
    #[test]
    fn no_inline_four_language_texts_outside_the_i18n_home() {
        let core = Path::new(env!("CARGO_MANIFEST_DIR"));
        let home = core.join("src/i18n");
        let files = crate::workspace_sources();
        assert!(files.len() > 50, "the scan found the sources");
        let mut found = Vec::new();
        for file in files.iter().filter(|f| !f.starts_with(&home)) {
            let src = std::fs::read_to_string(file).unwrap();
            for line in inline_picks(&src) {
                found.push(format!("{}:{line}", file.display()));
            }
        }
        assert!(
            found.is_empty(),
            "move these texts to i18n/{{da,nb,sv,en}}.rs: {found:#?}"
        );
    }
}
