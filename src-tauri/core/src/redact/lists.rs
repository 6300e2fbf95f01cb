//! The first-name lists shipped in `assets/names/` (see the README there for source and licence), compiled
//! into the binary and parsed once into one case-folded table.

use std::sync::OnceLock;

use super::text::WordMap;

const DA: &str = include_str!("../../../../assets/names/da.txt");
const NB: &str = include_str!("../../../../assets/names/nb.txt");
const SV: &str = include_str!("../../../../assets/names/sv.txt");
const INTL: &str = include_str!("../../../../assets/names/intl.txt");
const EXTRA: &str = include_str!("../../../../assets/names/extra.txt");
const MODERN: &str = include_str!("../../../../assets/names/modern.txt");
const WORLD: &str = include_str!("../../../../assets/names/world.txt");
const WORDS: &str = include_str!("../../../../assets/names/words.txt");
const PLACES: &str = include_str!("../../../../assets/names/places.txt");
const SURNAMES: &str = include_str!("../../../../assets/names/surnames.txt");
const SHORT_FORMS: &str = include_str!("../../../../assets/names/short-forms.txt");

/// What the lists say about one folded word.
#[derive(Debug, Clone, Copy, Default)]
pub struct NameInfo {
    /// Highest frequency (1..=13) in the Danish, Norwegian or Swedish list; 0 when only in `intl`.
    pub nordic: u8,
    /// Frequency in the international list (0 when absent).
    pub intl: u8,
    /// Also an ordinary word ("lykke", "per"): alone and capitalised, it needs more evidence.
    pub word: bool,
    /// A word of minutes that stays a thing even when capitalised inside a sentence ("Kommune",
    /// "Juni", "Storm"): never a name on its own.
    pub thing: bool,
}

static TABLE: OnceLock<WordMap<NameInfo>> = OnceLock::new();

/// The places of `assets/names/places.txt`, folded to lower case.
fn places() -> impl Iterator<Item = String> {
    PLACES
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
}

/// Whether a folded word is a country, region or city of `assets/names/places.txt` ("israel", "hellas").
pub fn is_place(folded: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| places().map(|l| (l, ())).collect())
        .contains_key(folded)
}

/// Whether some place of two or more words on `assets/names/places.txt` starts with the folded word
/// ("west" for "west virginia"): only then can [`is_place`] know the words from it joined by spaces.
pub fn starts_place(folded: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        places()
            .filter_map(|l| l.split_once(' ').map(|(first, _)| (first.to_string(), ())))
            .collect()
    })
    .contains_key(folded)
}

/// Whether some hyphenated place on `assets/names/places.txt` starts with the folded word and a hyphen
/// ("nord" for "nord-korea", "sør", "midt"): such a word before a hyphen makes a place of what follows,
/// even a first name ("Nord-Carolina").
pub fn starts_hyphenated_place(folded: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        places()
            .filter_map(|l| l.split_once('-').map(|(first, _)| (first.to_string(), ())))
            .collect()
    })
    .contains_key(folded)
}

/// Whether a folded word is one of the most common Danish, Norwegian or Swedish surnames that is no
/// ordinary word and no place (`assets/names/surnames.txt`: "søndergaard", "lindqvist", "birkeland").
pub fn is_surname(folded: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        SURNAMES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| (l.to_lowercase(), ()))
            .collect()
    })
    .contains_key(folded)
}

/// The short forms of a formal first name (`assets/names/short-forms.txt`), both lower case: "karl" ->
/// ["kalle", "kaj"], "elisabeth" -> ["lise", "lisa", "lisbeth", …].
pub fn short_forms(formal: &str) -> &'static [String] {
    static MAP: OnceLock<WordMap<Vec<String>>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut m: WordMap<Vec<String>> = WordMap::default();
        for line in SHORT_FORMS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((short, formals)) = line.split_once('\t') else {
                continue;
            };
            for f in formals.split_whitespace() {
                m.entry(f.to_lowercase())
                    .or_default()
                    .push(short.trim().to_lowercase());
            }
        }
        m
    })
    .get(formal)
    .map_or(&[], Vec::as_slice)
}

/// Whether `folded` is a short form or pet name on `assets/names/short-forms.txt` ("kalle", "maggan").
pub fn is_short_form(folded: &str) -> bool {
    static SET: OnceLock<WordMap<()>> = OnceLock::new();
    SET.get_or_init(|| {
        SHORT_FORMS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once('\t'))
            .map(|(short, _)| (short.trim().to_lowercase(), ()))
            .collect()
    })
    .contains_key(folded)
}

/// The first-name table, keyed by the lower-case name.
pub fn first_names() -> &'static WordMap<NameInfo> {
    TABLE.get_or_init(|| {
        let mut t: WordMap<NameInfo> = WordMap::default();
        t.reserve(16_000);
        for list in [DA, NB, SV, EXTRA, MODERN] {
            for (name, f) in entries(list) {
                let e = t.entry(name.to_lowercase()).or_default();
                e.nordic = e.nordic.max(f);
            }
        }
        for (name, f) in entries(INTL).chain(entries(WORLD)) {
            let e = t.entry(name.to_lowercase()).or_default();
            e.intl = e.intl.max(f);
        }
        for w in WORDS.lines().map(str::trim).filter(|w| !w.is_empty()) {
            if let Some(e) = t.get_mut(w) {
                e.word = true;
            }
        }
        // Words that the dictionaries miss but minutes are full of, and that the name lists contain.
        for w in EXTRA_WORDS {
            if let Some(e) = t.get_mut(*w) {
                e.word = true;
                // "til Per", "hos Bo", "med Bent": capitalised inside a sentence these are people.
                e.thing = !matches!(*w, "per" | "bo" | "tor" | "bent" | "lykke" | "hans" | "dan");
            }
        }
        t
    })
}

/// Capitalised words of minutes that are also first names somewhere: months, weekdays, agenda words.
const EXTRA_WORDS: &[&str] = &[
    "januar",
    "februar",
    "marts",
    "mars",
    "april",
    "maj",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "december",
    "desember",
    "sommer",
    "vinter",
    "have",
    "ved",
    "man",
    "mange",
    "alle",
    "eller",
    "is",
    "bo",
    "per",
    "ad",
    "sak",
    "pkt",
    "punkt",
    "valg",
    "vil",
    "kan",
    "tor",
    "fre",
    "lør",
    "søn",
    "mån",
    "tis",
    "ons",
    "tors",
    "fredag",
    "lördag",
    "søndag",
    "dato",
    "sted",
    "til",
    "fra",
    "om",
    "ny",
    "nye",
    "god",
    "glad",
    "liv",
    "bent",
    "ask",
    "dag",
    "sol",
    "lykke",
    "hans",
    "dan",
    "as",
    "ab",
    "aps",
    "tv",
    "el",
    "kommune",
    "kommunes",
    "bank",
    "gården",
    "carport",
    "storm",
    "sten",
    "varme",
];

fn entries(list: &'static str) -> impl Iterator<Item = (&'static str, u8)> {
    list.lines().filter_map(|l| {
        let (name, f) = l.split_once('\t')?;
        Some((name.trim(), f.trim().parse().unwrap_or(1)))
    })
}
