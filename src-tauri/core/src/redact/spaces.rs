//! Storage rooms, garages and parking spaces by their number, in a sentence that names a resident:
//! "Garasje 4 har stått tom sidan Leif Hovland selde bilen", "Rum nr. K-17 er tildelt Oskar Hvid",
//! "Laddplats P 2 hyrs av Linnea B.". Associations number the spaces they let to one household; beside
//! the resident the number says where that household keeps things or parks, as a flat number does. The
//! nouns are data (`assets/words/spaces.txt`); the number or code after them goes (the noun and "nr."
//! stay: "Garasje ██ har stått tom"), and so do the codes joined to it in a list ("förråden F 14 och
//! F 22", "garasjeplass nr. 17 og nr. 18"). A code of letters and digits ("F 14", "K-17") tied to a
//! resident goes wherever else it stands; a number alone ("4") only where this rule finds it.
//!
//! A space without a resident in its sentence stays ("Garasje 4 er ledig"), as do counts and measures
//! after the noun ("bod 12 m2", "garage 2 timer") and a number glued to other digits or letters. The
//! writer of a letter the minutes quote is a resident too: "Eg har hatt garasje nr. 9 sidan 2007".

use std::sync::OnceLock;

use super::numbers::building_number_ends;
use super::policy::{overlaps_any, Raw};
use super::text::{is_one_of, next_digit, word_before, FastSet};
use super::{Kind, Recognizer};

const LIST: &str = include_str!("../../../../assets/words/spaces.txt");

/// The reason of a finding of this rule.
pub const REASON: &str =
    "a storage room's, a garage's or a parking space's number beside its resident";

struct Nouns {
    /// Nouns taken before a number or a code (an entry of five letters or more also ends a compound).
    nouns: Vec<&'static str>,
    /// Those of `nouns` of five letters or more, which also end a compound: counted once here, not
    /// at every word before a number (`chars().count()` of every noun there was most of this rule's
    /// cost on the dense bench).
    endings: Vec<&'static str>,
    /// Nouns taken only before "nr." or a code of letters and digits.
    bare: Vec<&'static str>,
    /// The three lists as sets, for [`is_space_noun`]: a word is looked up, and each of its endings,
    /// instead of compared with every noun.
    noun_set: FastSet<&'static str>,
    ending_set: FastSet<&'static str>,
    bare_set: FastSet<&'static str>,
}

fn nouns() -> &'static Nouns {
    static NOUNS: OnceLock<Nouns> = OnceLock::new();
    NOUNS.get_or_init(|| {
        let mut n = Nouns {
            nouns: Vec::new(),
            endings: Vec::new(),
            bare: Vec::new(),
            noun_set: FastSet::default(),
            ending_set: FastSet::default(),
            bare_set: FastSet::default(),
        };
        let mut section = "";
        for line in LIST.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = s;
                continue;
            }
            match section {
                "nouns" => n.nouns.push(line),
                "bare" => n.bare.push(line),
                _ => {}
            }
        }
        n.endings = n
            .nouns
            .iter()
            .copied()
            .filter(|e| e.chars().count() >= 5)
            .collect();
        n.noun_set = n.nouns.iter().copied().collect();
        n.ending_set = n.endings.iter().copied().collect();
        n.bare_set = n.bare.iter().copied().collect();
        n
    })
}

/// Whether `word` (any case) names a space: an entry of [nouns], a compound ending in one of five
/// letters or more, or (with `bare_too`) an entry of [bare].
fn is_space_noun(word: &str, bare_too: bool) -> bool {
    let n = nouns();
    let lower = word.to_lowercase();
    // An ending is what follows a letter inside the word: the word from each of its characters but
    // the first, where the character before is a letter.
    n.noun_set.contains(lower.as_str())
        || lower.char_indices().skip(1).any(|(i, _)| {
            n.ending_set.contains(&lower[i..]) && lower[..i].ends_with(char::is_alphabetic)
        })
        || (bare_too && n.bare_set.contains(lower.as_str()))
}

/// Words before a number that say it is one ("nr. 18", "no 4", "nummer 7").
const NUMBER_WORDS: &[&str] = &["nr", "no", "nummer", "numer"];

/// Abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "nr", "no", "ca", "bl", "jf", "jfr", "evt", "ev", "mv", "osv", "mfl", "tlf", "tel", "st", "tv",
    "th", "mf", "lgh", "kl", "resp", "dvs", "fx", "pga", "inkl", "ekskl", "etc", "kr", "hr", "fr",
    "fru", "dr", "mht", "vedr", "ang", "iflg", "ifm", "bla", "etg", "opg", "uppg",
];

/// Where the sentence around byte `pos` starts and ends: at "!", "?", a blank line, a new line that
/// opens a list item, or a full stop after a word (not a number, an initial or an abbreviation) before
/// white space, perhaps after a closing quotation mark.
fn sentence_around(text: &str, pos: usize) -> (usize, usize) {
    let bytes = text.as_bytes();
    let ends_at = |i: usize| -> bool {
        // Is there a sentence boundary right after byte i?
        match bytes[i] {
            b'!' | b'?' => true,
            b'\n' => {
                let next = text[i + 1..].trim_start_matches([' ', '\t']);
                next.starts_with('\n')
                    || next.starts_with(['-', '–', '•', '*'])
                    || i > 0 && bytes[i - 1] == b'\n'
            }
            b'.' => {
                // White space next, or a closing quotation mark and then white space ("… lek.»\n").
                let after = text[i + 1..]
                    .strip_prefix(['»', '”', '"', '’'])
                    .unwrap_or(&text[i + 1..]);
                let follows = after.chars().next().is_none_or(char::is_whitespace);
                // After a number only before a capital ("mødt 12. Rum …", not "12. maj").
                let capital = text[i + 1..].trim_start().starts_with(char::is_uppercase);
                follows
                    && if i > 0 && bytes[i - 1].is_ascii_digit() {
                        capital
                    } else {
                        word_before(text, i + 1, &['.'])
                            .map(|(a, b)| &text[a..b])
                            .is_some_and(|w| w.chars().count() >= 2 && !is_one_of(w, ABBREVIATIONS))
                    }
            }
            _ => false,
        }
    };
    let mut start = pos;
    while start > 0 && !ends_at(start - 1) {
        start -= 1;
    }
    let mut end = pos;
    while end < bytes.len() && !ends_at(end) {
        end += 1;
    }
    (start, end)
}

/// The code that ends with the digits at `digits..end`: with one or two capitals before it, alone as
/// a word and joined by a space or a hyphen ("F 14", "K-17", "P7"), or the number alone; and whether
/// it has letters.
fn code_start(text: &str, digits: usize) -> (usize, bool) {
    let bytes = text.as_bytes();
    let mut j = digits;
    if j > 0 && matches!(bytes[j - 1], b' ' | b'-') {
        j -= 1;
    }
    let mut k = j;
    while k > 0 && k + 2 >= j && bytes[k - 1].is_ascii_uppercase() {
        k -= 1;
    }
    let letters = j - k;
    let alone = k == 0 || !bytes[k - 1].is_ascii_alphanumeric() && bytes[k - 1] < 0x80;
    if (1..=2).contains(&letters) && alone {
        (k, true)
    } else {
        (digits, false)
    }
}

/// The word before byte `pos` with a hyphenated first part ("p-plass"), as a byte range.
fn noun_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (mut a, b) = word_before(text, pos, &[])?;
    if a >= 2 && text.as_bytes()[a - 1] == b'-' {
        if let Some((p, _)) = word_before(text, a - 1, &[]).filter(|&(_, q)| q == a - 1) {
            a = p;
        }
    }
    Some((a, b))
}

/// How a code at `start` is introduced: by a space noun (with or without "nr."), or by "nr." alone
/// (for a list item). Returns (noun found, "nr." found, where the introduction starts).
fn introduction(text: &str, start: usize, letters: bool) -> (bool, bool, usize) {
    let mut at = start;
    let mut nr = false;
    if let Some((a, b)) = word_before(text, start, &['.', '#']) {
        if is_one_of(&text[a..b], NUMBER_WORDS) {
            nr = true;
            at = a;
        }
    }
    if let Some((a, b)) = noun_before(text, at) {
        if text[b..at].trim_matches([' ', '\u{a0}']).is_empty()
            && is_space_noun(&text[a..b], nr || letters)
        {
            return (true, nr, a);
        }
    }
    (false, nr, at)
}

/// Whether the gap between two codes joins them in a list ("og", "och", ",", "&").
fn joins(gap: &str) -> bool {
    let g = gap.trim_matches([' ', '\u{a0}']);
    g.len() <= 7 && matches!(g, "," | "og" | "och" | "eller" | "samt" | "&" | "+" | "/")
}

/// The numbers and codes of storage rooms, garages and parking spaces in sentences that name one of
/// `persons` (sorted spans of people found): see the module's text.
/// The first person singular, as a letter's writer speaks of themself ("eg", "jeg", "jag").
const FIRST_PERSON: [&str; 6] = ["eg", "Eg", "jeg", "Jeg", "jag", "Jag"];

/// Whether a sentence speaks in the first person singular: its writer is the resident.
fn first_person(sentence: &str) -> bool {
    sentence
        .split(|c: char| !c.is_alphabetic())
        .any(|w| FIRST_PERSON.contains(&w))
}

/// The line around the code at `s..e`. A letter the minutes quote often stands as one line of a few
/// sentences: "Hei. Det drypp gjennom taket på naust nr. 4. Eg trur det er mønet." speaks of its
/// writer's own boathouse, though the first person is in the next sentence.
fn line_around(text: &str, s: usize, e: usize) -> &str {
    let a = text[..s].rfind('\n').map_or(0, |p| p + 1);
    let b = text[e..].find('\n').map_or(text.len(), |p| e + p);
    &text[a..b]
}

pub fn scan(
    text: &str,
    persons: &[(usize, usize)],
    protected: &[(usize, usize)],
    out: &mut Vec<Raw>,
) {
    let bytes = text.as_bytes();
    if persons.is_empty()
        && !FIRST_PERSON
            .iter()
            .any(|w| memchr::memmem::find(bytes, w.as_bytes()).is_some())
    {
        return;
    }
    // (code start, code end, has letters), in text order.
    let mut found: Vec<(usize, usize, bool)> = Vec::new();
    // The end of the last code introduced by a noun or joined to one.
    let mut last: Option<usize> = None;
    let mut i = 0;
    while let Some(ds) = next_digit(bytes, i) {
        let mut de = ds;
        while de < bytes.len() && bytes[de].is_ascii_digit() {
            de += 1;
        }
        i = de;
        if de - ds > 3 {
            continue;
        }
        let (cs, letters) = code_start(text, ds);
        let mut end = de;
        // "12B": one capital glued to the number.
        if !letters
            && bytes.get(end).is_some_and(u8::is_ascii_uppercase)
            && !bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric)
        {
            end += 1;
        }
        let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
        if glued(text[..cs].chars().next_back())
            || glued(text[end..].chars().next())
            || !building_number_ends(text, end)
            || text[..cs]
                .strip_suffix(['/', ':', '-', '–'])
                .is_some_and(|h| h.ends_with(|c: char| c.is_ascii_digit()))
        {
            last = None;
            continue;
        }
        let (noun, _, intro) = introduction(text, cs, letters);
        let listed = !noun && last.is_some_and(|l| l <= intro && joins(&text[l..intro]));
        if !(noun || listed) {
            last = None;
            continue;
        }
        last = Some(end);
        if overlaps_any(protected, cs, end) {
            continue;
        }
        let (s, e) = sentence_around(text, cs);
        let k = persons.partition_point(|p| p.0 < s);
        if persons.get(k).is_some_and(|p| p.1 <= e)
            || first_person(&text[s..e])
            || first_person(line_around(text, cs, end))
        {
            found.push((cs, end, letters));
        }
    }
    if found.is_empty() {
        return;
    }
    // A code of letters and digits tied to a resident is theirs wherever else it stands.
    let codes: Vec<&str> = found
        .iter()
        .filter(|f| f.2)
        .map(|f| &text[f.0..f.1])
        .collect();
    let mut extra = Vec::new();
    for code in codes {
        let mut from = 0;
        while let Some(k) = text[from..].find(code) {
            let (a, b) = (from + k, from + k + code.len());
            from = b;
            let alone = |c: Option<char>| !c.is_some_and(char::is_alphanumeric);
            if alone(text[..a].chars().next_back())
                && alone(text[b..].chars().next())
                && !overlaps_any(protected, a, b)
                && !found.iter().any(|f| f.0 == a)
            {
                extra.push((a, b, true));
            }
        }
    }
    found.extend(extra);
    found.sort_unstable();
    found.dedup();
    for (start, end, _) in found {
        if out.iter().any(|r| r.start < end && start < r.end) {
            continue;
        }
        out.push(Raw::redact(
            start,
            end,
            Kind::Other,
            Recognizer::ShareNumber,
            0.8,
            REASON,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Pieces of text around spaces and their codes: nouns, codes, dashes and letters of several bytes.
    fn piece() -> impl Strategy<Value = String> {
        prop_oneof![
            4 => prop::sample::select(&[
                "Garasje", "bod", "rum", "nr.", "K", "-", "–", "4", "17", "2026", "/", "P", "F 1", "og",
                "Kari Nes", "Ø", "å", ". ", ".", "\n", "\n\n", " ", "  ", "m2", "é", "B", "12B",
            ][..])
            .prop_map(str::to_string),
            1 => crate::redact::testgen::text(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        /// Any text: no panic, and every finding lies on char boundaries and holds a digit.
        #[test]
        fn any_text_gives_findings_on_char_boundaries(parts in prop::collection::vec(piece(), 0..40)) {
            let text: String = parts.concat();
            let mut persons: Vec<(usize, usize)> =
                text.match_indices("Kari Nes").map(|(a, m)| (a, a + m.len())).collect();
            persons.sort_unstable();
            let mut out = Vec::new();
            scan(&text, &persons, &[], &mut out);
            for r in out {
                let t = text.get(r.start..r.end);
                prop_assert!(t.is_some_and(|t| t.bytes().any(|b| b.is_ascii_digit())), "{:?}", text);
            }
        }
    }

    /// [`is_space_noun`] as it first read the list, every noun's length counted at every word: the
    /// reference for the nouns' endings counted once.
    fn is_space_noun_by_every_noun(word: &str, bare_too: bool) -> bool {
        let n = nouns();
        let lower = word.to_lowercase();
        n.nouns.iter().any(|e| {
            lower == *e
                || (e.chars().count() >= 5
                    && lower.len() > e.len()
                    && lower.ends_with(e)
                    && lower[..lower.len() - e.len()].ends_with(char::is_alphabetic))
        }) || (bare_too && n.bare.iter().any(|e| lower == *e))
    }

    /// A noun of five letters or more ends a compound, a shorter one does not, whether its letters
    /// are ASCII or not: the endings are the nouns whose characters (not bytes) number five or more.
    #[test]
    fn regression_a_compound_ends_in_a_noun_of_five_characters_not_bytes() {
        let n = nouns();
        for e in &n.nouns {
            let compound = format!("x{e}");
            assert_eq!(
                is_space_noun(&compound, false),
                is_space_noun_by_every_noun(&compound, false),
                "{compound}"
            );
            assert!(is_space_noun(e, false), "{e}");
        }
        assert!(n.endings.iter().all(|e| e.chars().count() >= 5));
        assert!(is_space_noun("Sykkelgarasje", false));
        assert!(!is_space_noun("tilbod", false));
    }

    proptest! {
        #[test]
        fn the_nouns_endings_counted_once_read_as_every_nouns_count(
            head in "[a-zæøåA-ZÆØÅ-]{0,4}",
            k in 0usize..400,
            tail in "[a-zæøå]{0,2}",
            bare_too in proptest::bool::ANY,
        ) {
            let n = nouns();
            let all: Vec<&str> = n.nouns.iter().chain(&n.bare).copied().collect();
            let word = format!("{head}{}{tail}", all[k % all.len()]);
            prop_assert_eq!(
                is_space_noun(&word, bare_too),
                is_space_noun_by_every_noun(&word, bare_too),
                "{}", word
            );
        }
    }

    /// The texts this rule takes in `text`, where `persons` are the spans of the given names.
    fn taken(text: &str, names: &[&str]) -> Vec<String> {
        let mut persons: Vec<(usize, usize)> = names
            .iter()
            .flat_map(|n| text.match_indices(n).map(|(a, m)| (a, a + m.len())))
            .collect();
        persons.sort_unstable();
        let mut out = Vec::new();
        scan(text, &persons, &[], &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn a_space_by_its_number_beside_its_resident_goes() {
        assert_eq!(
            taken(
                "Garasjen 7 har stått tom sidan Tone Vik flytte.",
                &["Tone Vik"]
            ),
            ["7"]
        );
        assert_eq!(
            taken("Kælderrum 12 er overdraget til Bent Kjær.", &["Bent Kjær"]),
            ["12"]
        );
        assert_eq!(
            taken("Pladsen nr. C-9 er nu lejet af Ulla Smed.", &["Ulla Smed"]),
            ["C-9"]
        );
        assert_eq!(
            taken(
                "Laddplatsen P3 hyrs från maj av Stina Öberg.",
                &["Stina Öberg"]
            ),
            ["P3"]
        );
        assert_eq!(
            taken("Rune Dal har fått p-plass nr. 31.", &["Rune Dal"]),
            ["31"]
        );
        assert_eq!(
            taken("Hos Lena Ahl läcker källarförrådet 8B.", &["Lena Ahl"]),
            ["8B"]
        );
    }

    #[test]
    fn the_codes_joined_in_a_list_go_and_a_lettered_code_goes_everywhere() {
        assert_eq!(
            taken(
                "Boderne 3, 5 og 11 tilhører Per Holm, Nina Lund og Asta Bro.",
                &["Per Holm", "Nina Lund", "Asta Bro"]
            ),
            ["3", "5", "11"]
        );
        assert_eq!(
            taken(
                "Förråden B 4 och B 9 saknar lapp.\nFörråd B 4 är enligt listan Jonas Eks.",
                &["Jonas Eks"]
            ),
            ["B 4", "B 4"]
        );
        assert_eq!(
            taken(
                "De som leier garasjeplass nr. 2 og nr. 6 (Siv Moe og Arve Li) får lader.",
                &["Siv Moe", "Arve Li"]
            ),
            ["2", "6"]
        );
        // The writer of a quoted letter, in the first person.
        assert_eq!(
            taken("Eg har hatt garasje nr. 9 sidan 2007, og taket lek.", &[]),
            ["9"]
        );
        assert_eq!(taken("Jag hyr förråd 14 sedan i våras.", &[]), ["14"]);
    }

    #[test]
    fn spaces_without_a_resident_counts_and_other_nouns_stay() {
        // No resident and no writer in the sentence ("vegen" ends no first person).
        assert!(taken("Garasje 4 ved vegen er ledig.", &[]).is_empty());
        // No resident in the sentence.
        assert!(taken(
            "Garasje 4 er ledig. Kari Nes spurte om vaktmesteren.",
            &["Kari Nes"]
        )
        .is_empty());
        // Counts and measures after the noun.
        assert!(taken("Bodene 12 m2 ble målt hos Kari Nes.", &["Kari Nes"]).is_empty());
        assert!(taken("Kari Nes parkerte i garasjen 2 timer.", &["Kari Nes"]).is_empty());
        // A common noun alone before a bare number, a word that only ends like one.
        assert!(taken("Kari Nes kom på plass 2 i konkurransen.", &["Kari Nes"]).is_empty());
        assert!(taken("Kari Nes ga eit tilbod 3 dagar seinare.", &["Kari Nes"]).is_empty());
        assert!(taken("Kari Nes sa rum 4 var mörkt.", &["Kari Nes"]).is_empty());
        // A date, an amount, a year.
        assert!(taken("Garagen 2024 blev malet, sagde Kari Nes.", &["Kari Nes"]).is_empty());
        // A number glued to another by a dash, any dash ("4/2026", "3–5").
        assert!(taken("Garasje 3–5 og bod 4/2 hos Kari Nes.", &["Kari Nes"]).is_empty());
        assert!(taken("MØDE NR. 4/2026 – bod 4 hos Kari Nes.", &["Kari Nes"]) == ["4"]);
        // No person found at all.
        assert!(taken("Garasje 4 er tildelt Lisletunet 9.", &[]).is_empty());
    }

    #[test]
    fn a_sentence_ends_at_a_full_stop_after_a_word_not_after_nr_or_an_initial() {
        let t = "Der er mødt 12. Rum nr. K-1 går til Eva B. som ønsket. Næste punkt.";
        let at = t.find("K-1").unwrap();
        let (s, e) = sentence_around(t, at);
        assert_eq!(&t[s..e], " Rum nr. K-1 går til Eva B. som ønsket");
    }
}
