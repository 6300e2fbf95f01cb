//! Flats named by where they lie from someone: "naboen over", "grannen under", "lejligheden ovenpå hende",
//! "dem nedenunder", "de i etasjen under", "de i første etasje"; and flats named by their place in the
//! building: "kælderlejligheden", "vindslägenheten", "1. sal i baghuset"; and a flat or a space by whose it
//! is: "hans plass", "plassen min", "hendes gamle lejlighed", "hennes egen uteplats". In a block whose minutes name the
//! complainant, "the neighbour below" points at one flat, and so at one household, as surely as "2. th."
//! does; the words are `assets/words/relation-flats.txt`.
//!
//! "Over" and "under" also mean "about", "during" and "more than" ("under mødet", "over 70", "under
//! renoveringen"): after a neighbour or a flat they are taken only when no number, article, possessive or
//! noun in the definite form follows. "De"/"dem" are taken only before an adverb that can only say where
//! ("dem ovenpå"), never before "over"/"under" ("de over 70 år").

use std::sync::OnceLock;

use regex::Regex;

use super::policy::{overlaps_any, Raw};
use super::{Decision, Kind, Recognizer};

const LIST: &str = include_str!("../../../../assets/words/relation-flats.txt");

/// The words of one `[section]` of the list.
fn section(name: &str) -> Vec<&'static str> {
    let mut inside = false;
    let mut out = Vec::new();
    for line in LIST.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            inside = s == name;
            continue;
        }
        if inside {
            out.push(line);
        }
    }
    out
}

/// An alternation of the words, longest first (the regex takes the first alternative that matches),
/// with the spaces inside an entry matching any run of white space on one line.
fn alternation(words: &[&str]) -> String {
    let mut w: Vec<&str> = words.to_vec();
    w.sort_by_key(|s| std::cmp::Reverse(s.len()));
    w.iter()
        .map(|s| {
            s.split(' ')
                .map(regex::escape)
                .collect::<Vec<_>>()
                .join(r"[ \t]+")
        })
        .collect::<Vec<_>>()
        .join("|")
}

struct Patterns {
    /// A neighbour or a flat with "over", "under", "ved siden af" …: checked for what follows.
    head_direction: Regex,
    /// A neighbour, a flat or "de"/"dem" with an adverb that only says where, or a floor.
    spatial: Regex,
    /// A flat by its place in the building: "kælderlejligheden", "2. sal i forhuset".
    place: Regex,
    /// A flat or a space by whose it is: "hans plass", "plassen min".
    owned: Regex,
}

fn patterns() -> Option<&'static Patterns> {
    static P: OnceLock<Option<Patterns>> = OnceLock::new();
    P.get_or_init(|| {
        let heads = alternation(&section("heads"));
        let pronouns = alternation(&section("pronouns"));
        let directions = alternation(&section("directions"));
        let spatial = alternation(&section("spatial"));
        // "over meg", "ovenpå hende": the person the direction is counted from.
        let objects = alternation(&section("objects"));
        let floor_word = r"etasjen|etagen|våningen|planet";
        let ordinal = r"første|anden|andre|tredje|fjerde|femte|sjette|[1-9]\.";
        let floor = r"etasje|etage|sal|våning|våningen";
        Some(Patterns {
            head_direction: Regex::new(&format!(
                r"(?i)\b(?:{heads})[ \t]+(?:{directions})(?:[ \t]+(?:{objects}))?\b"
            ))
            .ok()?,
            spatial: Regex::new(&format!(
                concat!(
                    r"(?i)\b(?:{h}|{p})[ \t]+(?:(?:{s})(?:[ \t]+(?:{ob}))?\b",
                    r"|i[ \t]+(?:{fw})[ \t]+(?:over|under|ovenfor|nedenfor|ovanför|nedanför)\b",
                    r"|(?:i|på)[ \t]+(?:{o})[ \t]*(?:{f})\b)"
                ),
                h = heads,
                p = pronouns,
                s = spatial,
                ob = objects,
                fw = floor_word,
                o = ordinal,
                f = floor,
            ))
            .ok()?,
            place: Regex::new(&format!(
                r"(?i)\b(?:{places}|(?:(?:{o})[ \t]*(?:sal|etage|etasje)|stuen)[ \t]+i[ \t]+(?:{parts}))\b",
                places = alternation(&section("places")),
                o = ordinal,
                parts = alternation(&section("parts")),
            ))
            .ok()?,
            owned: Regex::new(&format!(
                concat!(
                    r"(?i)\b(?:(?:{pos})[ \t]+(?:(?:{adj})[ \t]+)?(?:{owned})",
                    r"|(?:{owned_def})[ \t]+(?:{pos}))\b"
                ),
                pos = alternation(&section("possessives")),
                adj = alternation(&section("adjectives")),
                owned = alternation(&section("owned")),
                owned_def = alternation(&section("owned-definite")),
            ))
            .ok()?,
        })
    })
    .as_ref()
}

/// Words after "naboen over" that make "over" mean "about", "during" or "more than".
const NOT_A_PLACE: &[&str] = &[
    "en", "et", "ett", "ei", "den", "det", "de", "dei", "denne", "dette", "disse", "hele", "heile",
    "alle", "flere", "fler", "mange", "många", "nogle", "noen", "några", "to", "två", "tre",
    "fire", "fyra", "fem", "seks", "sex", "sin", "sit", "sine", "sitt", "sina", "min", "mit",
    "mine", "mitt", "mina", "din", "dit", "dine", "ditt", "dina", "hans", "hendes", "hennes",
    "deres", "deras", "vores", "vår", "vårt", "våre", "våra", "jeres", "er", "ert", "era",
];

/// Whether what follows a direction keeps it a place: not a number, an article or possessive, nor a noun
/// in the definite form or a verbal noun ("under renoveringen", "under ombygning").
fn place_follows(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\t']);
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphanumeric())
        .collect::<String>()
        .to_lowercase();
    if word.is_empty() {
        return true;
    }
    if word.starts_with(|c: char| c.is_ascii_digit()) || NOT_A_PLACE.contains(&word.as_str()) {
        return false;
    }
    let definite_or_verbal = word.chars().count() >= 4
        && ["en", "et", "na", "ne", "ing", "ning"]
            .iter()
            .any(|s| word.ends_with(s));
    !definite_or_verbal
}

/// Finds flats named by their relation to someone in `text` (byte offsets), outside `protected`.
pub fn scan(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
    // Every form holds one of these; most texts hold none of them.
    let lower_has = |w: &str| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some();
    if ![
        "over",
        "under",
        "ved siden",
        "bredvid",
        "ovan",
        "nedan",
        "ovenpå",
        "nedenunder",
        "etasje",
        "etage",
        "sal",
        "våning",
        "planet",
        "Over",
        "Under",
        "lejlighed",
        "leilighet",
        "lägenhet",
        "huset",
        "pla",
        "bod",
        "förråd",
        "rum",
    ]
    .iter()
    .any(|w| lower_has(w))
    {
        return;
    }
    let Some(p) = patterns() else {
        return;
    };
    for m in p.head_direction.find_iter(text) {
        if place_follows(text, m.end()) && !overlaps_any(protected, m.start(), m.end()) {
            push(out, m.start(), m.end());
        }
    }
    for m in p
        .spatial
        .find_iter(text)
        .chain(p.place.find_iter(text))
        .chain(p.owned.find_iter(text))
    {
        if !overlaps_any(protected, m.start(), m.end()) {
            push(out, m.start(), m.end());
        }
    }
}

fn push(out: &mut Vec<Raw>, start: usize, end: usize) {
    out.push(Raw {
        start,
        end,
        kind: Kind::Address,
        recognizer: Recognizer::Address,
        score: 0.8,
        reason: "a flat by its relation to someone",
        decision: Decision::Redact,
        subject: None,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(text, &[], &mut out);
        out.sort_by_key(|r| r.start);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// A neighbour or a flat placed by a direction is a home, in all three languages (invented sentences).
    #[test]
    fn flats_by_their_relation_to_someone() {
        for (text, flat) in [
            (
                "Birte klager over naboen over, der spiller trommer.",
                "naboen over",
            ),
            (
                "Hon störs av grannen under sent på kvällen.",
                "grannen under",
            ),
            (
                "Det drypper fra leiligheten over meg.",
                "leiligheten over meg",
            ),
            (
                "Larmen kommer fra lejligheden ovenpå hende.",
                "lejligheden ovenpå hende",
            ),
            ("Vi har talt med dem nedenunder.", "dem nedenunder"),
            ("Röken kommer från dom ovanför.", "dom ovanför"),
            ("Klagen gjelder de i etasjen under.", "de i etasjen under"),
            (
                "Røyk fra balkongen til de i første etasje.",
                "de i første etasje",
            ),
            (
                "Lägenheten bredvid har fått ny ägare.",
                "Lägenheten bredvid",
            ),
            ("Naboen nedenunder er ikke generet.", "Naboen nedenunder"),
            ("Han får vand fra kælderlejligheden.", "kælderlejligheden"),
            ("Vindslägenheten är såld.", "Vindslägenheten"),
            ("Hun bor på 2. sal i forhuset.", "2. sal i forhuset"),
            ("Klagen kom fra stuen i baghuset.", "stuen i baghuset"),
            ("Han vil leie ut hans plass i vinter.", "hans plass"),
            ("Det står en bil på plassen min.", "plassen min"),
            (
                "Den eksterne venteliste bruges til hendes gamle lejlighed.",
                "hendes gamle lejlighed",
            ),
            (
                "Hon påpekade att hennes egen uteplats inte kan glasas in.",
                "hennes egen uteplats",
            ),
        ] {
            assert_eq!(found(text), vec![flat.to_string()], "{text:?}");
        }
    }

    /// "Over" and "under" that mean "about", "during" or "more than", and "de" before them, stay.
    #[test]
    fn over_and_under_that_place_nothing() {
        for text in [
            "Naboen under mødet var stille.",
            "Lejligheden under renovering står tom.",
            "Leiligheten under ombygningen var tom.",
            "De over 70 år får hjælp til snerydning.",
            "Grannen under två år har varit borta.",
            "Vi snakket med naboen over telefonen.",
            "Lejligheden over 80 m² koster mere.",
            "Boligen under sin første vinter.",
            "De under 18 må ikke bruge vaskeriet.",
            "Over og under vinduet er der revner.",
            "Vi overvejer at indrette en kælderlejlighed.",
            "Cyklerne står i kælderen i baghuset.",
            "Hans Plass-Jensen kom for sent.",
            "Der er plads til hans cykel.",
            "Platsen för mötet var lokalen.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }
}
