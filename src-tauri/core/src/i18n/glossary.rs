//! The board's own words, one glossary per language: the terms for the association's people,
//! meetings and papers, and the GDPR terms as each national authority writes them (Datatilsynet in
//! Denmark and Norway, IMY in Sweden).
//!
//! The glossaries are data (`assets/i18n/glossary/{da,nb,sv,en}.json`) so that the UI, which
//! imports the same files at build time, and the documents draw a term from one place. Each file
//! also lists the words to avoid in that language, with the word to use instead and why; the tests
//! of the UI catalogues and of every document fail when one of them appears ([`misused`]).

use std::sync::LazyLock;

use regex::Regex;
use serde::Deserialize;

use crate::document::Lang;

/// A term of the glossary. Its forms in a language come from [`term`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Term {
    Association,
    Member,
    Unit,
    UnitNumber,
    Board,
    GeneralMeeting,
    Minutes,
    Chair,
    ViceChair,
    Treasurer,
    Secretary,
    BoardMember,
    Alternate,
    MeetingChair,
    MinuteTaker,
    Witness,
    Auditor,
    NominationCommittee,
    Webmaster,
    Sublet,
    SubletApplication,
    Subtenant,
    Caretaker,
    Administrator,
    CloudArchive,
    Intercom,
    Request,
    Retention,
    Controller,
    Processor,
    ProcessingAgreement,
    LegalBasis,
    Breach,
    DataSubject,
    NationalId,
    Authority,
}

impl Term {
    /// The roles a person holds for the association (board seats and offices), the glossary's
    /// side of `register::roles::RoleKind`. The witness to the minutes is a meeting's task, not a
    /// role in the register.
    pub const ROLES: [Term; 11] = [
        Term::Chair,
        Term::ViceChair,
        Term::Treasurer,
        Term::Secretary,
        Term::BoardMember,
        Term::Alternate,
        Term::MeetingChair,
        Term::MinuteTaker,
        Term::Auditor,
        Term::NominationCommittee,
        Term::Webmaster,
    ];
}

/// The four forms of a term: "andelshaver", "andelshaveren", "andelshavere", "andelshaverne".
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Forms {
    /// Indefinite singular, as a label or in running text.
    pub one: String,
    /// Definite singular ("the member").
    pub the: String,
    /// Indefinite plural.
    pub many: String,
    /// Definite plural.
    pub the_many: String,
    /// Where the word comes from, when it matters (the authority, the statute).
    #[serde(default)]
    pub source: Option<String>,
    /// For a role: other titles boards write for it in a register or a list of officials
    /// ("ledamot" beside "styrelseledamot", the Nynorsk "styreleiar"), which reading a role's
    /// title must know too ([`role_titles`]). Never a document's word: a document writes the four
    /// forms above.
    #[serde(default)]
    pub titles: Vec<String>,
}

impl Forms {
    /// Every way the glossary writes the term: its four forms, then any further titles.
    pub fn all(&self) -> impl Iterator<Item = &str> {
        [&self.one, &self.the, &self.many, &self.the_many]
            .into_iter()
            .chain(&self.titles)
            .map(String::as_str)
    }
}

impl Forms {
    /// The singular with a capital first letter, as a heading or a label.
    pub fn label(&self) -> String {
        capitalise(&self.one)
    }
}

/// A word a language's texts must not use, and the word to use instead.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Avoid {
    /// The word or phrase, matched as whole words regardless of case; a trailing `*` also
    /// matches the word's longer forms ("ejerskab*" catches "ejerskabet").
    pub word: String,
    #[serde(rename = "use")]
    pub instead: String,
    pub why: String,
}

/// Every term has a field, so a glossary without one of them does not load (and the unit test
/// below fails) instead of a document missing a word.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Terms {
    association: Forms,
    member: Forms,
    unit: Forms,
    unit_number: Forms,
    board: Forms,
    general_meeting: Forms,
    minutes: Forms,
    chair: Forms,
    vice_chair: Forms,
    treasurer: Forms,
    secretary: Forms,
    board_member: Forms,
    alternate: Forms,
    meeting_chair: Forms,
    minute_taker: Forms,
    witness: Forms,
    auditor: Forms,
    nomination_committee: Forms,
    webmaster: Forms,
    sublet: Forms,
    sublet_application: Forms,
    subtenant: Forms,
    caretaker: Forms,
    administrator: Forms,
    cloud_archive: Forms,
    intercom: Forms,
    request: Forms,
    retention: Forms,
    controller: Forms,
    processor: Forms,
    processing_agreement: Forms,
    legal_basis: Forms,
    breach: Forms,
    data_subject: Forms,
    national_id: Forms,
    authority: Forms,
}

/// One language's glossary, as its file holds it.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Glossary {
    pub language: String,
    pub country: Option<String>,
    pub about: String,
    /// The opening and closing quotation marks the language writes.
    pub quotes: [String; 2],
    terms: Terms,
    pub avoid: Vec<Avoid>,
    /// English words that no Danish, Norwegian or Swedish text may contain (English file only).
    #[serde(default)]
    pub english_only: Vec<String>,
}

impl Glossary {
    pub fn term(&self, term: Term) -> &Forms {
        let t = &self.terms;
        match term {
            Term::Association => &t.association,
            Term::Member => &t.member,
            Term::Unit => &t.unit,
            Term::UnitNumber => &t.unit_number,
            Term::Board => &t.board,
            Term::GeneralMeeting => &t.general_meeting,
            Term::Minutes => &t.minutes,
            Term::Chair => &t.chair,
            Term::ViceChair => &t.vice_chair,
            Term::Treasurer => &t.treasurer,
            Term::Secretary => &t.secretary,
            Term::BoardMember => &t.board_member,
            Term::Alternate => &t.alternate,
            Term::MeetingChair => &t.meeting_chair,
            Term::MinuteTaker => &t.minute_taker,
            Term::Witness => &t.witness,
            Term::Auditor => &t.auditor,
            Term::NominationCommittee => &t.nomination_committee,
            Term::Webmaster => &t.webmaster,
            Term::Sublet => &t.sublet,
            Term::SubletApplication => &t.sublet_application,
            Term::Subtenant => &t.subtenant,
            Term::Caretaker => &t.caretaker,
            Term::Administrator => &t.administrator,
            Term::CloudArchive => &t.cloud_archive,
            Term::Intercom => &t.intercom,
            Term::Request => &t.request,
            Term::Retention => &t.retention,
            Term::Controller => &t.controller,
            Term::Processor => &t.processor,
            Term::ProcessingAgreement => &t.processing_agreement,
            Term::LegalBasis => &t.legal_basis,
            Term::Breach => &t.breach,
            Term::DataSubject => &t.data_subject,
            Term::NationalId => &t.national_id,
            Term::Authority => &t.authority,
        }
    }
}

const DA: &str = include_str!("../../../../assets/i18n/glossary/da.json");
const NB: &str = include_str!("../../../../assets/i18n/glossary/nb.json");
const SV: &str = include_str!("../../../../assets/i18n/glossary/sv.json");
const EN: &str = include_str!("../../../../assets/i18n/glossary/en.json");

/// Parses a glossary compiled into the binary. It cannot fail at run time without failing
/// `every_glossary_loads` first, so a failure here is a build that was never tested.
#[allow(clippy::expect_used)]
fn load(text: &str) -> Glossary {
    serde_json::from_str(text)
        .expect("the glossaries compiled into Andel are valid (see the unit test)")
}

static GLOSSARIES: LazyLock<[Glossary; 4]> =
    LazyLock::new(|| [load(DA), load(NB), load(SV), load(EN)]);

/// The glossary of a language.
pub fn glossary(lang: Lang) -> &'static Glossary {
    let all = &*GLOSSARIES;
    match lang {
        Lang::Da => &all[0],
        Lang::Nb => &all[1],
        Lang::Sv => &all[2],
        Lang::En => &all[3],
    }
}

/// A term's forms in a language.
pub fn term(lang: Lang, term: Term) -> &'static Forms {
    glossary(lang).term(term)
}

/// Every title the four glossaries give a role ([`Term::ROLES`]), lower-case, with its role:
/// what a role's title written in any of the languages is read as.
pub fn role_titles() -> impl Iterator<Item = (String, Term)> {
    [Lang::Da, Lang::Nb, Lang::Sv, Lang::En]
        .into_iter()
        .flat_map(|lang| {
            Term::ROLES.into_iter().flat_map(move |role| {
                term(lang, role)
                    .all()
                    .map(move |t| (t.to_lowercase(), role))
            })
        })
}

/// "Mette" → "Mettes", "Jens" → "Jens'" (da, nb), "Jens" (sv), "Jens’s" (en): the possessive
/// of a name as each language writes it, also for names ending in -s, -x or -z.
pub fn possessive(lang: Lang, name: &str) -> String {
    let sibilant = name
        .chars()
        .last()
        .is_some_and(|c| matches!(c.to_lowercase().next(), Some('s' | 'x' | 'z')));
    match (lang, sibilant) {
        (Lang::Da | Lang::Nb, true) => format!("{name}'"),
        (Lang::Sv, true) => name.to_string(),
        (Lang::En, _) => format!("{name}’s"),
        (_, false) => format!("{name}s"),
    }
}

/// The first letter in capitals.
pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A word in a text that the language's glossary says not to use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Misused {
    /// What the text says.
    pub found: String,
    /// What to write instead.
    pub instead: String,
    pub why: String,
}

struct Rule {
    pattern: Regex,
    instead: String,
    why: String,
}

/// "ejerskab*" → a whole-word, case-insensitive pattern; spaces match any run of white space.
fn word_pattern(word: &str) -> Option<Regex> {
    let (stem, longer) = match word.strip_suffix('*') {
        Some(stem) => (stem, true),
        None => (word, false),
    };
    let body = stem
        .split_whitespace()
        .map(regex::escape)
        .collect::<Vec<_>>()
        .join(r"\s+");
    let tail = if longer { r"[\p{L}\p{N}]*" } else { "" };
    Regex::new(&format!(
        r"(?i)(?:^|[^\p{{L}}\p{{N}}])({body}{tail})(?:$|[^\p{{L}}\p{{N}}])"
    ))
    .ok()
}

/// The English glossary's words that are English only, as rules for a Nordic text.
fn english_rules() -> &'static [Rule] {
    static RULES: LazyLock<Vec<Rule>> = LazyLock::new(|| {
        glossary(Lang::En)
            .english_only
            .iter()
            .filter_map(|word| {
                Some(Rule {
                    pattern: word_pattern(word)?,
                    instead: "(da, nb, sv)".into(),
                    why: "English in a Danish, Norwegian or Swedish text".into(),
                })
            })
            .collect()
    });
    &RULES
}

/// The words the language's glossary says to avoid, as rules.
fn rules(lang: Lang) -> &'static [Rule] {
    static RULES: LazyLock<[Vec<Rule>; 4]> = LazyLock::new(|| {
        [Lang::Da, Lang::Nb, Lang::Sv, Lang::En].map(|lang| {
            glossary(lang)
                .avoid
                .iter()
                .filter_map(|a| {
                    Some(Rule {
                        pattern: word_pattern(&a.word)?,
                        instead: a.instead.clone(),
                        why: a.why.clone(),
                    })
                })
                .collect()
        })
    });
    let all = &*RULES;
    match lang {
        Lang::Da => &all[0],
        Lang::Nb => &all[1],
        Lang::Sv => &all[2],
        Lang::En => &all[3],
    }
}

/// The double quotation marks some language uses; a text may only use its own language's.
const QUOTES: [char; 6] = ['"', '„', '“', '”', '«', '»'];

/// Every word in `text` that the language's glossary says not to use, every English word in a
/// Danish, Norwegian or Swedish text, and every quotation mark the language does not write.
pub fn misused(lang: Lang, text: &str) -> Vec<Misused> {
    let mut found = found_by(rules(lang), text);
    found.extend(foreign(lang, text));
    found
}

/// Every English word in a Danish, Norwegian or Swedish text and every quotation mark the
/// language does not write: what no document in the language may hold, whichever country it is
/// written for. (The rest of a glossary's list is about its own country's words: a Norwegian
/// notice of a Swedish association rightly names the Swedish "personnummer".)
pub fn foreign(lang: Lang, text: &str) -> Vec<Misused> {
    let mut found = if lang == Lang::En {
        Vec::new()
    } else {
        found_by(english_rules(), text)
    };
    found.extend(foreign_quotes(lang, text));
    found
}

fn found_by(rules: &[Rule], text: &str) -> Vec<Misused> {
    let mut found = Vec::new();
    for rule in rules {
        for caps in rule.pattern.captures_iter(text) {
            if let Some(m) = caps.get(1) {
                found.push(Misused {
                    found: m.as_str().to_string(),
                    instead: rule.instead.clone(),
                    why: rule.why.clone(),
                });
            }
        }
    }
    found
}

fn foreign_quotes(lang: Lang, text: &str) -> Vec<Misused> {
    let mut found = Vec::new();
    let own = &glossary(lang).quotes;
    for c in text.chars().filter(|c| QUOTES.contains(c)) {
        if !own.iter().any(|q| q.starts_with(c)) {
            found.push(Misused {
                found: c.to_string(),
                instead: format!("{}…{}", own[0], own[1]),
                why: "the language's own quotation marks".into(),
            });
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    const LANGS: [Lang; 4] = [Lang::Da, Lang::Nb, Lang::Sv, Lang::En];

    #[test]
    fn every_glossary_loads_with_every_term_and_its_own_language() {
        for lang in LANGS {
            let g = glossary(lang);
            assert_eq!(g.language, lang.code());
            for word in &g.avoid {
                assert!(
                    word_pattern(&word.word).is_some(),
                    "{}: {}",
                    lang.code(),
                    word.word
                );
            }
            assert!(!term(lang, Term::Member).one.is_empty());
        }
    }

    #[test]
    fn the_terms_are_the_authorities_words() {
        assert_eq!(term(Lang::Da, Term::LegalBasis).one, "behandlingsgrundlag");
        assert_eq!(term(Lang::Nb, Term::Controller).one, "behandlingsansvarlig");
        assert_eq!(term(Lang::Sv, Term::Breach).one, "personuppgiftsincident");
        assert_eq!(term(Lang::Sv, Term::Member).the, "bostadsrättshavaren");
        assert_eq!(term(Lang::Da, Term::Webmaster).label(), "Webansvarlig");
    }

    #[test]
    fn misused_words_are_found_as_whole_words_only() {
        let hits = misused(Lang::Sv, "Ägaren och delägaren har andelsnumret 4.");
        let words: Vec<_> = hits.iter().map(|m| m.found.as_str()).collect();
        assert_eq!(words, ["Ägaren", "andelsnumret"]);
        assert!(misused(Lang::Sv, "Bostadsrättshavaren har lägenhetsnummer 4.").is_empty());
        let hits = misused(Lang::Da, "Ejerskabet og ejerforeningen");
        assert_eq!(hits.len(), 1, "{hits:?}");
        assert_eq!(hits[0].instead, "andel");
        let hits = misused(Lang::Nb, "ingen personnummer (fødselsnummer)");
        assert_eq!(hits[0].found, "personnummer");
    }

    #[test]
    fn english_words_and_foreign_quotes_are_found_in_nordic_texts_only() {
        assert!(!misused(Lang::Da, "EU-US Data Privacy Framework (adequacy decision)").is_empty());
        assert!(misused(Lang::En, "the adequacy decision").is_empty());
        assert_eq!(misused(Lang::Nb, "«takreparasjon»"), []);
        assert_eq!(misused(Lang::Nb, "“takreparasjon”").len(), 2);
        assert_eq!(misused(Lang::Sv, "”takreparation”"), []);
        assert_eq!(misused(Lang::Da, "„tagreparation“").len(), 1);
        assert_eq!(misused(Lang::Da, "\"tagreparation\"").len(), 2);
    }

    #[test]
    fn possessives_of_names_ending_in_s() {
        assert_eq!(possessive(Lang::Da, "Mette"), "Mettes");
        assert_eq!(possessive(Lang::Da, "Jens"), "Jens'");
        assert_eq!(possessive(Lang::Nb, "Felix"), "Felix'");
        assert_eq!(possessive(Lang::Sv, "Lars"), "Lars");
        assert_eq!(possessive(Lang::Sv, "Anna"), "Annas");
        assert_eq!(possessive(Lang::En, "James"), "James’s");
    }
}
