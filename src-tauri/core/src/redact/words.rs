//! The word lists the name recognizers consult: particles, function words, cues, verbs of saying, company
//! words and legal forms, street words and the articles that start a title. They are data, shipped in
//! `assets/words/` (the README there says what each holds and where it comes from), compiled into the
//! binary and parsed once; the rules that use them live with the recognizers.

use std::sync::OnceLock;

use super::text::{is_one_of, WordSet};

const PARTICLES: &str = include_str!("../../../../assets/words/particles.txt");
const FUNCTION_WORDS: &str = include_str!("../../../../assets/words/function-words.txt");
const CUES: &str = include_str!("../../../../assets/words/cues.txt");
const SPEECH_VERBS: &str = include_str!("../../../../assets/words/speech-verbs.txt");
const SPEECH_PARTICIPLES: &str = include_str!("../../../../assets/words/speech-participles.txt");
const COMPANY_WORDS: &str = include_str!("../../../../assets/words/company-words.txt");
const LEGAL_FORMS: &str = include_str!("../../../../assets/words/legal-forms.txt");
const STREET_ENDINGS: &str = include_str!("../../../../assets/words/street-endings.txt");
const STREET_WORDS: &str = include_str!("../../../../assets/words/street-words.txt");
const BUILDINGS: &str = include_str!("../../../../assets/words/buildings.txt");
const TITLE_STARTS: &str = include_str!("../../../../assets/words/title-starts.txt");
const COMMON_ROOMS: &str = include_str!("../../../../assets/words/common-rooms.txt");
const CLOSINGS: &str = include_str!("../../../../assets/words/closings.txt");
const INSTITUTION_ENDINGS: &str = include_str!("../../../../assets/words/institution-endings.txt");
const THING_NOUNS: &str = include_str!("../../../../assets/words/thing-nouns.txt");
const NUMBERED_THINGS: &str = include_str!("../../../../assets/words/numbered-things.txt");
const DEED_VERBS: &str = include_str!("../../../../assets/words/deed-verbs.txt");
const KIN_NOUNS: &str = include_str!("../../../../assets/words/kin-nouns.txt");
const PLACE_PREFIXES: &str = include_str!("../../../../assets/words/place-prefixes.txt");

/// The entries of a list: one per line, comments (`#`) and blank lines skipped.
fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

fn set(list: &'static str) -> WordSet {
    WordSet::new(&entries(list).collect::<Vec<_>>())
}

macro_rules! word_set {
    ($(#[$doc:meta])* $name:ident, $($list:expr),+) => {
        $(#[$doc])*
        pub fn $name() -> &'static WordSet {
            static SET: OnceLock<WordSet> = OnceLock::new();
            SET.get_or_init(|| {
                let all: Vec<&'static str> = [$($list),+].into_iter().flat_map(entries).collect();
                WordSet::new(&all)
            })
        }
    };
}

word_set!(
    /// Nouns of what only a person has, after an owner in the genitive: family, the body, a life and its
    /// end ("mor", "datter", "ører", "død").
    kin_nouns,
    KIN_NOUNS
);
word_set!(
    /// Verbs in the present or past tense that minutes use of a resident who does something ("flytter",
    /// "ønsker", "betaler", "bor", "skal").
    deed_verbs,
    DEED_VERBS
);
word_set!(
    /// The association's own rooms and buildings, which hold no home ("fælleshuset", "fellesrommet").
    common_rooms,
    COMMON_ROOMS
);
word_set!(
    /// Words that open a place's name before a second capitalised word ("Øvre", "Nørre", "Södra").
    place_prefixes,
    PLACE_PREFIXES
);
word_set!(
    /// Lower-case words that join the parts of a name ("von", "af", "de").
    particles,
    PARTICLES
);
word_set!(
    /// Function words that are never a name, even capitalised ("Men", "De", "Mens").
    function_words,
    FUNCTION_WORDS
);
word_set!(
    /// Titles, kinship and roles before a name ("fru", "andelshaver", "statsminister").
    cues,
    CUES
);
word_set!(
    /// Verbs of saying ("sagde", "sier", "säger").
    speech_verbs,
    SPEECH_VERBS
);
word_set!(
    /// Past participles of verbs of saying, after an auxiliary ("har bedt", "hade frågat").
    speech_participles,
    SPEECH_PARTICIPLES
);
word_set!(
    /// Cues and verbs of saying: any word before a name that says a person follows.
    cues_and_speech,
    CUES,
    SPEECH_VERBS
);
word_set!(
    /// Words that end a company's or an institution's name ("Holding", "Revision", "Fonden").
    company_words,
    COMPANY_WORDS
);
word_set!(
    /// A street word alone ("vej", "gate", "plads"), without the buildings.
    street_words,
    STREET_WORDS
);
word_set!(
    /// A street word or a building after a genitive ("Bajers Vej", "Krogs Skole").
    streets_and_buildings,
    STREET_WORDS,
    BUILDINGS
);
word_set!(
    /// Articles and saints that start a title, an organisation or a place ("The", "De", "Sankt").
    title_starts,
    TITLE_STARTS
);
word_set!(
    /// Closing words of a letter or an e-mail before the writer's name ("mvh", "hilsen").
    closings,
    CLOSINGS
);

word_set!(
    /// Nouns that end an institution's, a party's, a paper's or an event's name ("Hotel", "-sykehus").
    institution_endings,
    INSTITUTION_ENDINGS
);

/// Whether a folded word is, or ends in, a noun that ends an institution's name: "hotel", "dagbladet",
/// "utanriksdepartementet", "universitetssykehus". A compound needs three letters or more before the
/// ending, so that a short surname is never read as one. Called only for the few words a name rule is
/// about to take, never per word of the text.
pub fn is_institution(folded: &str) -> bool {
    let set = institution_endings();
    folded
        .char_indices()
        .filter(|&(i, _)| i == 0 || i >= 3)
        .map(|(i, _)| &folded[i..])
        .take_while(|rest| rest.len() >= 3)
        .any(|rest| set.contains(rest))
}

word_set!(
    /// Definite nouns that put a name after them as a place, a medium, a work or a firm ("hovedstaden").
    thing_nouns,
    THING_NOUNS
);

/// Whether a lower-case word is a noun that makes the name after it a thing ("hovedstaden Santiago",
/// "magasinet Elle"), alone or as the last part of a compound ("fjernsynskanalen", "tv-kanalen"). A
/// compound counts for endings of five letters or more, with three letters or more before them, so that
/// a short ending ("øen") inside an unrelated word does not. Called only for the word before a name.
pub fn is_thing_noun(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    let lower = word.to_lowercase();
    let set = thing_nouns();
    set.contains(&lower)
        || lower
            .char_indices()
            .filter(|&(i, _)| i >= 3)
            .map(|(i, _)| lower[i..].trim_start_matches('-'))
            .take_while(|rest| rest.chars().nth(4).is_some())
            .any(|rest| set.contains(rest))
}

word_set!(
    /// Nouns that number a thing, not a house, before "nr." ("punkt", "møde", "andel", "plads").
    numbered_things_list,
    NUMBERED_THINGS
);

/// Whether `word` (any case) is, or ends in, a noun that numbers a thing before "nr." ("punkt",
/// "bestyrelsesmøde", "parkeringsplads"). A compound needs three letters or more before the ending.
pub fn numbered_thing(word: &str) -> bool {
    let folded = word.to_lowercase();
    let set = numbered_things_list();
    folded
        .char_indices()
        .filter(|&(i, _)| i == 0 || i >= 3)
        .map(|(i, _)| &folded[i..])
        .take_while(|rest| rest.len() >= 3)
        .any(|rest| set.contains(rest))
}

/// Whether `word`, as written, is a name particle. Runs for every lower-case word of a text, so the
/// length check comes before the lookup (every particle is short).
pub fn is_particle(word: &str) -> bool {
    word.len() <= particles().max_len() && particles().contains(word)
}

/// A short legal form, as written in the text ("ApS", "AS", "A/S", "AB").
pub fn is_legal_form(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| set(LEGAL_FORMS)).contains(word)
}

/// Whether a word is a title of address ("Hr.", "herr", "fru", "Frk.", "fröken"), in any case: a person
/// is named after it, never a firm or a role (the names model adds none: it read "Hr." opening a line
/// before a surname as a name).
pub fn is_title_of_address(word: &str) -> bool {
    word.len() <= 8
        && is_one_of(
            word,
            &["hr", "herr", "fru", "frue", "frk", "frøken", "fröken"],
        )
}

/// A legal form or company word, as written in the text ("ApS", "AS", "A/S", "AB", "Holding").
pub fn is_company_word(word: &str) -> bool {
    is_legal_form(word) || company_words().contains_fold(word)
}

/// The endings of a one-word street name ("vej" in "Rømersvej"), lower-case.
pub fn street_endings() -> &'static [&'static str] {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| entries(STREET_ENDINGS).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_of_address_in_any_case() {
        for w in ["Fröken", "hr", "HERR", "Frk", "frue"] {
            assert!(is_title_of_address(w), "{w}");
        }
        for w in ["Frode", "fra", "herre", "Hr-"] {
            assert!(!is_title_of_address(w), "{w}");
        }
    }

    #[test]
    fn every_list_is_lower_case_except_the_legal_forms() {
        for list in [
            PARTICLES,
            FUNCTION_WORDS,
            CUES,
            SPEECH_VERBS,
            COMPANY_WORDS,
            STREET_ENDINGS,
            STREET_WORDS,
            BUILDINGS,
            TITLE_STARTS,
            CLOSINGS,
            INSTITUTION_ENDINGS,
            THING_NOUNS,
            NUMBERED_THINGS,
        ] {
            for w in entries(list) {
                assert_eq!(w, w.to_lowercase(), "{w}");
                assert!(!w.contains(' '), "{w}");
            }
        }
        assert!(is_legal_form("ApS") && !is_legal_form("aps"));
    }

    #[test]
    fn lookups() {
        assert!(is_particle("von") && !is_particle("Von") && !is_particle("vonne"));
        assert!(function_words().contains_fold("Men"));
        assert!(cues_and_speech().contains("fru") && cues_and_speech().contains("sagde"));
        assert!(is_company_word("Holding") && is_company_word("A/S"));
        assert!(street_endings().contains(&"vej"));
        assert!(
            streets_and_buildings().contains("skole") && streets_and_buildings().contains("vej")
        );
        assert!(title_starts().contains("sankt"));
        assert!(is_thing_noun("hovedstaden") && is_thing_noun("fjernsynskanalen"));
        assert!(is_thing_noun("tv-kanalen") && is_thing_noun("motemagasinet"));
        // Upper case, a short ending inside another word, a noun for a person: no.
        assert!(!is_thing_noun("Hovedstaden") && !is_thing_noun("frøen"));
        assert!(!is_thing_noun("formanden") && !is_thing_noun("modellen"));
        assert!(
            numbered_thing("Bestyrelsesmøde") && numbered_thing("punkt") && numbered_thing("andel")
        );
        assert!(!numbered_thing("fra") && !numbered_thing("huset"));
    }
}
