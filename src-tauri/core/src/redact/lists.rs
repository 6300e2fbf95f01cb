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
const ICELAND: &str = include_str!("../../../../assets/names/is.txt");
const FINLAND: &str = include_str!("../../../../assets/names/fi.txt");
const COMPOUNDS: &str = include_str!("../../../../assets/names/compounds.txt");
const DAMAGED: &str = include_str!("../../../../assets/names/damaged.txt");
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

/// The first-name table, keyed by the lower-case name, and by the spellings damaged text gives a name
/// (`assets/names/damaged.txt`: "soren" for Søren, "asgeir" for Ásgeir, "rnalin" for Malin), so that
/// every lookup reads a name whose letters beyond ASCII were lost or whose m OCR split as it reads the
/// name written right.
pub fn first_names() -> &'static WordMap<NameInfo> {
    TABLE.get_or_init(|| {
        let mut t: WordMap<NameInfo> = WordMap::default();
        t.reserve(24_000);
        // Iceland's names are the old Nordic names Norwegian spells alike ("Halldis", "Signy"); the
        // compounds are the two-part Nordic names the lists' own parts make ("Hallgeir", "Gunstein").
        for list in [DA, NB, SV, EXTRA, MODERN, ICELAND, COMPOUNDS] {
            for (name, f) in entries(list) {
                let e = t.entry(name.to_lowercase()).or_default();
                e.nordic = e.nordic.max(f);
            }
        }
        for (name, f) in entries(INTL).chain(entries(WORLD)).chain(entries(FINLAND)) {
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
        // A damaged spelling is what its names are, an ordinary word too where one of them is ("rnaj"
        // of "maj"), and where it is a word itself (words.txt: "soren").
        let damaged: Vec<(&str, NameInfo)> = DAMAGED
            .lines()
            .filter_map(|l| l.split_once('\t'))
            .filter(|(spelling, _)| !t.contains_key(*spelling))
            .map(|(spelling, names)| {
                let mut info = NameInfo::default();
                for n in names.split(' ').filter_map(|n| t.get(&n.to_lowercase())) {
                    info.nordic = info.nordic.max(n.nordic);
                    info.intl = info.intl.max(n.intl);
                    info.word |= n.word;
                    info.thing |= n.thing;
                }
                (spelling, info)
            })
            .collect();
        for (spelling, info) in damaged {
            t.insert(spelling.to_string(), info);
        }
        for w in WORDS.lines().map(str::trim).filter(|w| !w.is_empty()) {
            if let Some(e) = t.get_mut(w) {
                e.word = true;
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

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};

    /// A small-letter name as text that lost its letters beyond ASCII spells it (`damaged.py`'s
    /// `ascii_form`).
    fn ascii_form(name: &str) -> String {
        let mut out = String::new();
        for c in name.nfd().filter(|c| !is_combining_mark(*c)) {
            match c {
                'ø' => out.push('o'),
                'æ' => out.push_str("ae"),
                'œ' => out.push_str("oe"),
                'ð' => out.push('d'),
                'þ' => out.push_str("th"),
                'ß' => out.push_str("ss"),
                'ł' => out.push('l'),
                'ı' => out.push('i'),
                c => out.push(c),
            }
        }
        out
    }

    /// Generated: every listed name of four letters or more and frequency 2 or more, damaged each way
    /// `assets/names/damaged.txt` holds (its letters beyond ASCII lost, its m's or its first m read as
    /// "rn" by OCR, both), is looked up as a first name, in capitals or small letters alike, unless the
    /// damaged spelling is a place or a surname of the lists. Guards the Python that writes the file and the
    /// Rust that reads it against drifting apart.
    #[test]
    fn damaged_spellings_of_listed_names_are_first_names() {
        let t = first_names();
        let mut checked = 0;
        let lists = [DA, NB, SV, ICELAND, FINLAND, INTL, WORLD, MODERN, EXTRA];
        for (name, f) in lists.into_iter().flat_map(entries) {
            if f < 2 || name.chars().count() < 4 {
                continue;
            }
            let lower = name.to_lowercase();
            let plain = ascii_form(&lower);
            let variants = [
                plain.clone(),
                lower.replace('m', "rn"),
                lower.replacen('m', "rn", 1),
                plain.replace('m', "rn"),
            ];
            for v in variants {
                if v == lower
                    || !v.chars().all(|c| c.is_alphabetic() || c == '-')
                    || is_place(&v)
                    || is_surname(&v)
                {
                    continue;
                }
                let info = t
                    .get(&v)
                    .unwrap_or_else(|| panic!("{v:?} (damaged {name:?}) is not looked up"));
                assert!(
                    info.nordic > 0 || info.intl > 0,
                    "{v:?} of {name:?}: {info:?}"
                );
                checked += 1;
            }
        }
        assert!(checked > 3_000, "only {checked} spellings checked");
    }

    /// A damaged spelling of a name that is also an ordinary word is a word too ("arrnen" of "Armen",
    /// a noun's plural before it is a name); a spelling that is a word of its own is flagged as one
    /// ("soren"); the old Nordic names of Iceland's column are Nordic names
    /// ("halldis" of Halldís), Finland's are names.
    #[test]
    fn damaged_spellings_keep_their_names_flags() {
        let t = first_names();
        assert!(t.get("armen").is_some_and(|i| i.word));
        assert!(
            t.get("arrnen").is_some_and(|i| i.word),
            "{:?}",
            t.get("arrnen")
        );
        assert!(t.get("soren").is_some_and(|i| i.word && i.nordic > 0));
        assert!(t.get("halldis").is_some_and(|i| i.nordic > 0));
        assert!(t.get("ayse").is_some_and(|i| i.intl > 0 && !i.word));
        assert!(t.get("rnalin").is_some_and(|i| i.nordic > 0));
        // Three letters or fewer damaged are anything: "run" of Rún, "rnan" of Man.
        assert!(t.get("run").is_none() && t.get("rnan").is_none());
    }

    /// Generated: the two-part Nordic names the lists' own parts make (`assets/names/compounds.txt`):
    /// every first part that opens listed Nordic names with two second parts or more, joined with any
    /// second part, is a Nordic first name, but for the few joins `compounds.py` leaves out as ordinary
    /// words ("alvor"), places or surnames.
    #[test]
    fn two_part_nordic_names_of_the_lists_parts_are_first_names() {
        const SECOND: &[&str] = &[
            "geir", "stein", "bjørn", "björn", "jørn", "hild", "run", "laug", "dis", "veig",
            "frid", "vald", "mund", "ulf", "leif", "leiv", "lev", "vor", "unn", "gerd", "grim",
            "var", "ny", "ei",
        ];
        let scandinavian = |w: &str| {
            w.chars()
                .all(|c| c.is_ascii_lowercase() || "æøåäö".contains(c))
        };
        let mut seconds: std::collections::BTreeMap<String, std::collections::BTreeSet<&str>> =
            Default::default();
        for (name, _) in [DA, NB, SV, EXTRA, MODERN, ICELAND]
            .into_iter()
            .flat_map(entries)
        {
            let n = name.to_lowercase();
            for s in SECOND {
                if let Some(first) = n.strip_suffix(s) {
                    if first.chars().count() >= 2 && scandinavian(first) {
                        seconds.entry(first.to_string()).or_default().insert(s);
                    }
                }
            }
        }
        let t = first_names();
        let (mut joins, mut names) = (0, 0);
        for first in seconds.iter().filter(|(_, s)| s.len() >= 2).map(|(f, _)| f) {
            for s in SECOND {
                let join = format!("{first}{s}");
                joins += 1;
                names += usize::from(t.get(&join).is_some_and(|i| i.nordic > 0));
            }
        }
        assert!(
            joins > 500 && names * 100 >= joins * 97,
            "{names} of {joins} joins are names"
        );
        for join in [
            "hallgeir", "gunleif", "sigleiv", "torfrid", "ingstein", "asvor",
        ] {
            assert!(t.get(join).is_some_and(|i| i.nordic > 0), "{join}");
        }
    }
}
