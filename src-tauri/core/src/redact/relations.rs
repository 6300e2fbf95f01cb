//! Flats named by where they lie from someone: "naboen over", "grannen under", "lejligheden ovenpå hende",
//! "dem nedenunder", "de i etasjen under", "de i første etasje", "ettan bredvid mig" (a flat by its rooms);
//! and flats named by their place in the building: "kælderlejligheden", "vindslägenheten", "1. sal i
//! baghuset"; and a flat or a space by whose it is: "hans plass", "plassen min", "hendes gamle lejlighed",
//! "hennes egen uteplats". In a block whose minutes name the complainant, "the neighbour below" points at
//! one flat, and so at one household, as surely as "2. th." does; the words are
//! `assets/words/relation-flats.txt`.
//!
//! "Over" and "under" also mean "about", "during" and "more than" ("under mødet", "over 70", "under
//! renoveringen"): after a neighbour or a flat they are taken only when no number, article, possessive or
//! noun in the definite form follows. "De"/"dem" are taken only before an adverb that can only say where
//! ("dem ovenpå"), never before "over"/"under" ("de over 70 år").

use std::sync::OnceLock;

use regex::Regex;
use regex_automata::{meta, Anchored, Input};

use super::policy::{overlaps_any, Raw};
use super::{Kind, Recognizer};

const LIST: &str = include_str!("../../../../assets/words/relation-flats.txt");

/// The homes' nouns in the definite form that a room beside them places ("lejligheden over vaskeriet").
const HOMES: &[&str] = &[
    "lejligheden",
    "leiligheten",
    "leiligheta",
    "husværet",
    "bustaden",
    "boligen",
    "lägenheten",
    "bostaden",
];

/// Where a home lies from a room: above, below, beside, behind or inside.
const BESIDE: &[&str] = &[
    "over",
    "under",
    "ovenpå",
    "ovanpå",
    "ovanför",
    "ovenfor",
    "nedenfor",
    "nedanför",
    "innanför",
    "indenfor",
    "innenfor",
    "bakom",
    "bag",
    "bak",
    "bredvid",
    "mittemot",
    "overfor",
];

/// The estate's rooms in the definite form, which one home at most lies right above, below or beside:
/// laundries, bicycle and pram rooms, refuse rooms, boiler rooms, the common room.
const ROOMS: &[&str] = &[
    "vaskeriet",
    "fællesvaskeriet",
    "vaskerummet",
    "vaskerommet",
    "vaskekjelleren",
    "vaskekjellaren",
    "tvättstugan",
    "cykelrummet",
    "cykelkælderen",
    "cykelkällaren",
    "sykkelrommet",
    "sykkelboden",
    "barnevognsrummet",
    "barnvagnsrummet",
    "barnevognrommet",
    "soprummet",
    "søppelrommet",
    "skraldrummet",
    "pannrummet",
    "fyrrummet",
    "fyrrommet",
    "fælleshuset",
    "fællesrummet",
    "fælleslokalet",
    "fellesrommet",
    "felleshuset",
    "föreningslokalen",
    "samlingslokalen",
    "festlokalet",
];

/// The homes' nouns ([`HOMES`], ignoring ASCII case) in `text` that no letter or digit stands right
/// before, as (start, end). No noun starts inside another's occurrence (none ends in a part another
/// starts with, none starts another), so these are the occurrences an automaton's search finds; but it
/// read every byte at about 16 instructions (ignoring case turns its prefilter off: 0.064 G over the
/// dense bench's 4 MB). Here the places are found eight bytes at a time: an l, b or h in either case
/// after no ASCII letter or digit (the nouns' first letters), where each noun is compared.
fn homes_at_word_starts(text: &str) -> Vec<(usize, usize)> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const LOW: u64 = !HIGH;
    // The high bit of each byte of `w` below 0x80 and between `lo` and `hi`, both exclusive.
    let between = |w: u64, lo: u64, hi: u64| {
        let low = w & LOW;
        (ONES * (127 + hi) - low) & !w & (low + ONES * (127 - lo)) & HIGH
    };
    // The high bit of each byte of `w` equal to `b`.
    let equal = |w: u64, b: u8| {
        let x = w ^ (ONES * u64::from(b));
        !(((x & LOW) + LOW) | x | LOW)
    };
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    let mut at = |k: usize| {
        let Some(len) = HOMES.iter().find_map(|h| {
            bytes
                .get(k..k + h.len())
                .filter(|w| w.eq_ignore_ascii_case(h.as_bytes()))
                .map(|_| h.len())
        }) else {
            return;
        };
        if !text[..k]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            found.push((k, k + len));
        }
    };
    let mut i = 0;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let before = i.checked_sub(1).map_or(b' ', |p| bytes[p]);
        let prev = w << 8 | u64::from(before);
        let alphanumeric =
            between(prev, 0x2f, 0x3a) | between(prev, 0x40, 0x5b) | between(prev, 0x60, 0x7b);
        // ASCII letters with 0x20 set are small: l, b and h in either case.
        let folded = w | (ONES * 0x20);
        let first = equal(folded, b'l') | equal(folded, b'b') | equal(folded, b'h');
        let mut lanes = first & !alphanumeric & HIGH;
        while lanes != 0 {
            at(i + lanes.trailing_zeros() as usize / 8);
            lanes &= lanes - 1;
        }
        i += 8;
    }
    for k in i..bytes.len() {
        if matches!(bytes[k] | 0x20, b'l' | b'b' | b'h')
            && k.checked_sub(1)
                .is_none_or(|p| !bytes[p].is_ascii_alphanumeric())
        {
            at(k);
        }
    }
    found
}

/// "lejligheden over vaskeriet", "husværet over vaskerommet", "lägenheten innanför cykelrummet": a home
/// named by the estate's room it lies above, below, beside or inside, which only one home does; the
/// home, its place and the room go as its address would.
#[cfg(test)]
fn by_a_common_room(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
    super::numbers::place_unless_overlapping(by_a_common_room_found(text, protected), out);
}

/// What `by_a_common_room` finds before it meets the findings so far.
fn by_a_common_room_found(text: &str, protected: &[(usize, usize)]) -> Vec<Raw> {
    let mut found = Vec::new();
    for (start, end) in homes_at_word_starts(text) {
        let mut words = text[end..].split(' ');
        let (Some(""), Some(place), Some(room)) = (words.next(), words.next(), words.next()) else {
            continue;
        };
        let room_word = room.trim_end_matches(|c: char| !c.is_alphabetic());
        if !BESIDE.contains(&place) || !ROOMS.iter().any(|r| room_word.eq_ignore_ascii_case(r)) {
            continue;
        }
        let stop = end + 1 + place.len() + 1 + room_word.len();
        if !overlaps_any(protected, start, stop) {
            found.push(Raw::redact(
                start,
                stop,
                Kind::Address,
                Recognizer::Address,
                0.8,
                "a home named by the estate's room beside it",
            ));
        }
    }
    found
}

/// The words of one `[section]` of the list (read once per process: the patterns, their starts and
/// their needles ask for the sections some twenty times).
fn section(name: &str) -> Vec<&'static str> {
    static SECTIONS: OnceLock<Vec<(&'static str, Vec<&'static str>)>> = OnceLock::new();
    let sections = SECTIONS.get_or_init(|| {
        let mut sections: Vec<(&str, Vec<&str>)> = Vec::new();
        for line in LIST.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                sections.push((s, Vec::new()));
            } else if let Some((_, words)) = sections.last_mut() {
                words.push(line);
            }
        }
        sections
    });
    sections
        .iter()
        .filter(|(s, _)| *s == name)
        .flat_map(|(_, words)| words.iter().copied())
        .collect()
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

/// The four patterns' sources, in the order `scan` reports their finds: a neighbour or a flat with
/// "over", "under", "ved siden af" … (checked for what follows); a neighbour, a flat or "de"/"dem"
/// with an adverb that only says where, or a floor; a flat by its place in the building
/// ("kælderlejligheden", "2. sal i forhuset"); a flat or a space by whose it is ("hans plass",
/// "plassen min").
fn sources() -> [String; 4] {
    let heads = alternation(&section("heads"));
    let pronouns = alternation(&section("pronouns"));
    let directions = alternation(&section("directions"));
    let spatial = alternation(&section("spatial"));
    // "over meg", "ovenpå hende": the person the direction is counted from.
    let objects = alternation(&section("objects"));
    let floor_word = FLOOR_WORD.join("|");
    let floor = FLOOR.join("|");
    [
        format!(r"(?i)\b(?:{heads})[ \t]+(?:{directions})(?:[ \t]+(?:{objects}))?\b"),
        format!(
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
            o = ORDINAL,
            f = floor,
        ),
        format!(
            r"(?i)\b(?:{places}|(?:(?:{o})[ \t]*(?:sal|etage|etasje)|stuen)[ \t]+i[ \t]+(?:{parts}))\b",
            places = alternation(&section("places")),
            o = ORDINAL,
            parts = alternation(&section("parts")),
        ),
        format!(
            concat!(
                r"(?i)\b(?:(?:{pos})[ \t]+(?:(?:{adj})[ \t]+)?(?:{owned})",
                r"|(?:{owned_def})[ \t]+(?:{pos}))\b"
            ),
            pos = alternation(&section("possessives")),
            adj = alternation(&section("adjectives")),
            owned = alternation(&section("owned")),
            owned_def = alternation(&section("owned-definite")),
        ),
    ]
}

/// A floor in the definite form before "over" or "under" ("de i etasjen under").
const FLOOR_WORD: &[&str] = &["etasjen", "etagen", "våningen", "planet"];

/// A floor after its ordinal ("de i første etasje").
const FLOOR: &[&str] = &["etasje", "etage", "sal", "våning", "våningen"];

/// An ordinal before a floor: "første", "2.".
const ORDINAL: &str =
    r"første|anden|andre|tredje|fjerde|femte|sjette|första|andra|fjärde|sjätte|[1-9]\.";

/// Where a find of any of the four patterns may start: the first word of each, as written in the
/// patterns (the same case-insensitive matching), with the space or tab after it where the pattern
/// wants one. It has no word boundaries, so the regex crate's fast engine reads the whole text; the
/// patterns' Unicode word boundaries make that engine give up on any letter beyond ASCII, and the
/// slow one then read every line of Nordic minutes (nine tenths of `andel detect` on dense minutes).
#[cfg(test)]
pub(super) fn starts_source() -> String {
    starts_source_of(ALL)
}

/// The first words of the patterns in `sets` (a bit for each of [`sources`], in their order), in two
/// lists: those the patterns want a space or tab after, and those they do not. An ordinal's figures
/// are left out of both (they are `[1-9]\.`).
fn start_words_of(sets: u8) -> (Vec<&'static str>, Vec<&'static str>) {
    let has = |k: usize| sets & (1 << k) != 0;
    let mut spaced = Vec::new();
    for (name, wanted) in [
        ("heads", has(0) || has(1)),
        ("pronouns", has(1)),
        ("possessives", has(3)),
        ("owned-definite", has(3)),
    ] {
        if wanted {
            spaced.extend(section(name));
        }
    }
    let mut bare = Vec::new();
    if has(2) {
        spaced.push("stuen");
        bare.extend(section("places"));
        bare.extend(ORDINAL.split('|').filter(|w| !w.starts_with('[')));
    }
    (spaced, bare)
}

/// [`starts_source`] for the patterns in `sets` (a bit for each of [`sources`], in their order): where a
/// find of one of those may start.
fn starts_source_of(sets: u8) -> String {
    let (spaced, bare) = start_words_of(sets);
    let mut alternatives = Vec::new();
    if !spaced.is_empty() {
        alternatives.push(format!("(?:{})[ \\t]", alternation(&spaced)));
    }
    if sets & 0b0100 != 0 {
        alternatives.push(alternation(&bare));
        alternatives.push(r"[1-9]\.".to_string());
    }
    format!("(?i)(?:{})", alternatives.join("|"))
}

/// The words `word` stands for in the patterns' case-insensitive matching, but for ASCII case (which
/// the searches by needles ignore) and [`FOLDED_SIGNS`]: each letter beyond ASCII in both its cases.
fn forms(word: &str) -> Vec<String> {
    let mut forms = vec![String::new()];
    for c in word.chars() {
        let mut upper = c.to_uppercase();
        let other = match (upper.next(), upper.next()) {
            (Some(u), None) if !c.is_ascii() && u != c => Some(u),
            _ => None,
        };
        let mut next = Vec::with_capacity(forms.len() * 2);
        for f in &forms {
            next.push(format!("{f}{c}"));
            if let Some(u) = other {
                next.push(format!("{f}{u}"));
            }
        }
        forms = next;
    }
    forms
}

/// The needles of [`starts_source_of`] `sets`: each first word in each of its [`forms`], with a space
/// and with a tab after it where the pattern wants one, and the ordinals' figures with their stop. In a
/// text without [`FOLDED_SIGNS`], searched ignoring ASCII case, they start where the pattern's matches
/// start.
fn start_needles_of(sets: u8) -> Vec<String> {
    let (spaced, bare) = start_words_of(sets);
    let mut needles = Vec::new();
    for w in spaced {
        for f in forms(w) {
            needles.push(format!("{f} "));
            needles.push(format!("{f}\t"));
        }
    }
    for w in bare {
        needles.extend(forms(w));
    }
    if sets & 0b0100 != 0 {
        needles.extend((1..=9).map(|d| format!("{d}.")));
    }
    needles
}

/// The first words of each of the four patterns of [`sources`], in their order: where a find of that
/// pattern starts (after its word boundary). An ordinal's figures are the digits `1`–`9`.
fn first_words() -> [Vec<&'static str>; 4] {
    let ordinals = ORDINAL
        .split('|')
        .filter(|w| !w.starts_with('['))
        .chain(["1", "2", "3", "4", "5", "6", "7", "8", "9"]);
    [
        section("heads"),
        [section("heads"), section("pronouns")].concat(),
        section("places")
            .into_iter()
            .chain(ordinals)
            .chain(["stuen"])
            .collect(),
        [section("possessives"), section("owned-definite")].concat(),
    ]
}

/// For each pattern, the ASCII bytes a find of it may start with: the first letters of its first
/// words in either case (with the characters the patterns' case-insensitive matching takes for
/// them). A byte beyond ASCII may start any find. On dense minutes most starts are figures and
/// possessives, where only one or two of the four patterns can begin (each anchored search costs
/// about a thousand instructions however soon it fails).
fn first_bytes() -> [[bool; 128]; 4] {
    first_words().map(|words| {
        let mut table = [false; 128];
        // Each first letter once: comparing the 128 bytes' cases with every word's took 4 million
        // instructions, a tenth of the pass on a short minutes.
        let mut letters: Vec<char> = words.iter().filter_map(|w| w.chars().next()).collect();
        letters.sort_unstable();
        letters.dedup();
        for c in letters {
            for (a, slot) in (0u8..128).map(char::from).zip(table.iter_mut()) {
                *slot |= a == c
                    || a.to_lowercase().eq(c.to_lowercase())
                    || a.to_uppercase().eq(c.to_uppercase());
            }
        }
        table
    })
}

/// Every one of the four patterns of [`sources`], as a bit each in their order.
const ALL: u8 = 0b1111;

/// For each of the four patterns of [`sources`], the words one of which stands in every find of it: the
/// directions; the adverbs that only say where and the floors; the flats by their place and the parts of
/// the building; the flats and spaces someone owns.
fn needed_words() -> [Vec<&'static str>; 4] {
    [
        section("directions"),
        section("spatial")
            .into_iter()
            .chain(FLOOR_WORD.iter().chain(FLOOR).copied())
            .collect(),
        [section("places"), section("parts")].concat(),
        [section("owned"), section("owned-definite")].concat(),
    ]
}

/// Characters the patterns' case-insensitive matching takes for a letter of their words and that the
/// needles ([`forms`]) do not write: the Kelvin sign ("k"), the long s and the Ångström sign ("å"). A
/// text holding one is searched with all four patterns, from the starts' pattern.
const FOLDED_SIGNS: [&str; 3] = ["\u{212a}", "\u{17f}", "\u{212b}"];

/// Whether `text` holds one of [`FOLDED_SIGNS`].
fn folded_signs_in(text: &str) -> bool {
    FOLDED_SIGNS
        .iter()
        .any(|c| memchr::memmem::find(text.as_bytes(), c.as_bytes()).is_some())
}

/// The needles that tell which patterns a text needs, as (needle, the patterns' bits): the longest word
/// of each of [`needed_words`] in each case its letters beyond ASCII take (the search ignores ASCII
/// case).
fn cue_needles() -> Vec<(String, u8)> {
    let mut needles = Vec::new();
    for (k, words) in needed_words().iter().enumerate() {
        for entry in words {
            let longest = entry.split(' ').max_by_key(|w| w.len()).unwrap_or(entry);
            needles.extend(forms(longest).into_iter().map(|f| (f, 1u8 << k)));
        }
    }
    needles
}

/// Texts up to this size are read for the words each pattern needs before any is compiled or searched;
/// a longer one is searched with all four. The read costs some 40 instructions a byte (the search
/// ignores ASCII case, which turns its prefilter off; 0.4 million on an 8.7 KB minutes), against
/// some millions to compile a pattern, once per process: most minutes are 4–9 KB.
const CUED_UP_TO: usize = 256 * 1024;

/// Which of the four patterns of [`sources`] may find something in `text` (a bit each): those whose
/// [`needed_words`] stand in it in some case, read for texts up to [`CUED_UP_TO`] bytes; all four
/// beyond, and where one of [`FOLDED_SIGNS`] stands.
fn cued(text: &str) -> u8 {
    static CUES: OnceLock<Option<(aho_corasick::AhoCorasick, Vec<u8>)>> = OnceLock::new();
    if text.len() > CUED_UP_TO || folded_signs_in(text) {
        return ALL;
    }
    let Some((needles, sets)) = CUES
        .get_or_init(|| {
            let (needles, sets): (Vec<String>, Vec<u8>) = cue_needles().into_iter().unzip();
            let ac = aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(needles)
                .ok()?;
            Some((ac, sets))
        })
        .as_ref()
    else {
        return ALL;
    };
    let mut cued = 0;
    // Overlapping: a needle inside another's match ("over" in "ovenover") counts too.
    for m in needles.find_overlapping_iter(text) {
        cued |= sets[m.pattern().as_usize()];
        if cued == ALL {
            break;
        }
    }
    cued
}

/// Pattern `k` of [`sources`], to be searched only anchored, compiled at its first search in a process.
fn anchored(k: usize) -> Option<&'static meta::Regex> {
    static ANCHORED: [OnceLock<Option<meta::Regex>>; 4] = [const { OnceLock::new() }; 4];
    ANCHORED
        .get(k)?
        .get_or_init(|| {
            // Searched only anchored, where no prefilter and no reverse search from an inner literal is
            // used: the literals those need are not extracted (more than half of compiling the
            // relations' patterns, once per process: 0.054 -> 0.023 G instructions).
            static SOURCES: OnceLock<[String; 4]> = OnceLock::new();
            let source = SOURCES.get_or_init(sources).get(k)?;
            meta::Regex::builder()
                .configure(meta::Config::new().auto_prefilter(false))
                .build(source)
                .ok()
        })
        .as_ref()
}

/// [`starts_source_of`] the patterns in `sets`, compiled at its first search in a process.
fn starts(sets: u8) -> Option<&'static Regex> {
    static STARTS: [OnceLock<Option<Regex>>; 16] = [const { OnceLock::new() }; 16];
    STARTS
        .get(usize::from(sets))?
        .get_or_init(|| {
            let source = starts_source_of(sets);
            // It runs over the whole text: see `text::whole_text_regex`.
            debug_assert!(super::text::lazy_dfa_runs(&source));
            Regex::new(&source).ok()
        })
        .as_ref()
}

/// [`start_needles_of`] `sets`, searched ignoring ASCII case, leftmost first (only where the matches
/// start is read), built at its first search in a process.
fn start_needles(sets: u8) -> Option<&'static aho_corasick::AhoCorasick> {
    static NEEDLES: [OnceLock<Option<aho_corasick::AhoCorasick>>; 16] =
        [const { OnceLock::new() }; 16];
    NEEDLES
        .get(usize::from(sets))?
        .get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .match_kind(aho_corasick::MatchKind::LeftmostFirst)
                .build(start_needles_of(sets))
                .ok()
        })
        .as_ref()
}

/// [`first_bytes`], once per process.
fn first() -> &'static [[bool; 128]; 4] {
    static FIRST: OnceLock<[[bool; 128]; 4]> = OnceLock::new();
    FIRST.get_or_init(first_bytes)
}

/// The finds of each of the patterns in `sets` (a bit each; the others find nothing) in `text`, as
/// `find_iter` over the whole text gives them (leftmost first, none overlapping another of the same
/// pattern), found by trying each pattern only where one of their first words stands. A pattern starts
/// only at its own first words, so leaving the other patterns' first words out of the starts changes
/// nothing for it.
fn finds(text: &str, sets: u8) -> [Vec<(usize, usize)>; 4] {
    // In a short text the first words are found by needles, which take a fraction of the pattern's
    // time to build and do not read the text slowly as the pattern's lazy DFA does while it builds
    // its states (an 8.7 KB minutes: 10 million instructions to compile the pattern, 13 to read the
    // text with it). In a long one the pattern, compiled once, reads faster (4 MB of dense minutes:
    // 69 million instructions, the needles 77 as a DFA and about 160 as an automaton). By the
    // pattern too where a sign it takes for a letter stands.
    finds_by(text, sets, text.len() > CUED_UP_TO || folded_signs_in(text))
}

/// [`finds`], with the first words found by [`starts`] (`by_pattern`) or by [`start_needles`].
fn finds_by(text: &str, sets: u8, by_pattern: bool) -> [Vec<(usize, usize)>; 4] {
    let mut found: [Vec<(usize, usize)>; 4] = Default::default();
    if sets == 0 {
        return found;
    }
    let (pattern, needles) = if by_pattern {
        (starts(sets), None)
    } else {
        (None, start_needles(sets))
    };
    let next_start = |at: usize| -> Option<usize> {
        match (pattern, needles) {
            (Some(p), _) => p.find_at(text, at).map(|m| m.start()),
            (None, Some(n)) => n
                .find(aho_corasick::Input::new(text).range(at..))
                .map(|m| m.start()),
            (None, None) => None,
        }
    };
    // Each pattern in `sets`, compiled where it is first searched.
    let mut searched: [Option<Option<&meta::Regex>>; 4] =
        std::array::from_fn(|k| (sets & (1 << k) == 0).then_some(None));
    let first = first();
    // Where each pattern's last find ended: its next one starts there or later.
    let mut ends = [0usize; 4];
    let bytes = text.as_bytes();
    // Each start found is where a first word begins or a place inside a word. A first word may
    // hold a hyphen, and another first word may begin right after it ("p-platsen" holds
    // "platsen"), so the next start is looked for from the next character, not from the end of
    // this one.
    let mut at = 0;
    while let Some(q) = next_start(at) {
        at = q + text[q..].chars().next().map_or(1, char::len_utf8);
        // Inside a word: every pattern begins with a word boundary.
        if q > 0 && (bytes[q - 1].is_ascii_alphanumeric() || bytes[q - 1] == b'_') {
            continue;
        }
        let b = bytes[q];
        for (k, re) in searched.iter_mut().enumerate() {
            if q < ends[k] || (b < 0x80 && !first[k][usize::from(b)]) {
                continue;
            }
            let Some(re) = *re.get_or_insert_with(|| anchored(k)) else {
                continue;
            };
            let input = Input::new(text).range(q..).anchored(Anchored::Yes);
            if let Some(hit) = re.search(&input) {
                found[k].push((hit.start(), hit.end()));
                ends[k] = hit.end();
            }
        }
    }
    found
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
#[cfg(test)]
pub fn scan(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
    found(text, protected).place(out);
}

/// What `scan` finds in `text` before it meets the findings so far, which only the homes by a
/// common room are checked against: found apart from the other passes (see [`crate::redact`]'s
/// `Apart`), placed among the findings by [`Found::place`].
#[derive(Debug, Default)]
pub struct Found {
    /// Homes by the estate's room beside them: each taken unless it overlaps a finding made before.
    by_a_common_room: Vec<Raw>,
    /// Flats by their relation to someone: each taken.
    related: Vec<Raw>,
}

impl Found {
    /// Adds the flats to `out` as `scan` does on the findings `out` holds.
    pub fn place(self, out: &mut Vec<Raw>) {
        super::numbers::place_unless_overlapping(self.by_a_common_room, out);
        out.extend(self.related);
    }
}

/// See [`Found`].
pub fn found(text: &str, protected: &[(usize, usize)]) -> Found {
    let mut found = Found {
        by_a_common_room: by_a_common_room_found(text, protected),
        related: Vec::new(),
    };
    let out = &mut found.related;
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
        return found;
    }
    // Each pattern is compiled and searched only where the words it needs stand.
    let [head_direction, spatial, place, owned] = finds(text, cued(text));
    for (start, end) in head_direction {
        if place_follows(text, end) && !overlaps_any(protected, start, end) {
            push(out, start, end);
        }
    }
    for (start, end) in spatial.into_iter().chain(place).chain(owned) {
        if !overlaps_any(protected, start, end) {
            push(out, start, end);
        }
    }
    found
}

/// The reason of every finding of this module: the access reply tells these flats by it.
pub const RELATION_FLAT: &str = "a flat by its relation to someone";

fn push(out: &mut Vec<Raw>, start: usize, end: usize) {
    out.push(Raw::redact(
        start,
        end,
        Kind::Address,
        Recognizer::Address,
        0.8,
        RELATION_FLAT,
    ));
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The former search of the homes' nouns, kept as the reference: an automaton ignoring ASCII case
    /// over the whole text, each match after a letter or digit passed over.
    fn homes_by_automaton(text: &str) -> Vec<(usize, usize)> {
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(HOMES)
            .unwrap();
        ac.find_iter(text)
            .map(|m| (m.start(), m.end()))
            .filter(|&(s, _)| {
                !text[..s]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphanumeric)
            })
            .collect()
    }

    /// Regression (class: the homes' nouns found only at their first letters after no letter or
    /// digit): capitalised, in capitals, in mixed case, after punctuation, a quotation mark, a letter
    /// beyond ASCII or a digit, at the text's start and end, and across the eight bytes read at once.
    #[test]
    fn regression_the_homes_nouns_at_word_starts_are_the_automatons() {
        let text = "Lejligheden over vaskeriet, LäGENHETEN innanför cykelrummet; «BoStaden» \
                    ølejligheden 3boligen xhusværet -leiligheta.husværet over fyrrummet og\nbustaden";
        let found = homes_at_word_starts(text);
        assert_eq!(found, homes_by_automaton(text));
        let words: Vec<&str> = found.iter().map(|&(s, e)| &text[s..e]).collect();
        assert_eq!(
            words,
            [
                "Lejligheden",
                "LäGENHETEN",
                "BoStaden",
                "leiligheta",
                "husværet",
                "bustaden"
            ]
        );
        let mut out = Vec::new();
        by_a_common_room(text, &[], &mut out);
        let homes: Vec<&str> = out.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(
            homes,
            [
                "Lejligheden over vaskeriet",
                "LäGENHETEN innanför cykelrummet",
                "husværet over fyrrummet"
            ]
        );
    }

    /// Pieces of the generated text: the nouns' parts and what stands before and after them.
    const PIECES: &[&str] = &[
        "lejligheden",
        "LEJLIGHEDEN",
        "Leiligheten",
        "leiligheta",
        "husværet",
        "HUSVÆRET",
        "bustaden",
        "boligen",
        "lägenheten",
        "LÄGENHETEN",
        "bostaden",
        "lejlig",
        "heden",
        "hus",
        "bo",
        "l",
        "b",
        "h",
        "L",
        " ",
        "  ",
        "\n",
        "æ",
        "Ø",
        "«",
        "»",
        "1",
        "x",
        "-",
        ".",
        "over",
        "vaskeriet",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(4000))]
        /// The nouns found eight bytes at a time at their first letters are the automaton's.
        #[test]
        fn homes_at_word_starts_are_the_automatons(
            pieces in prop::collection::vec((prop::sample::select(PIECES), any::<u8>()), 0..24),
        ) {
            // Each piece in its own mixed case now and then.
            let text: String = pieces
                .into_iter()
                .map(|(p, case)| {
                    if case % 3 == 0 {
                        p.chars()
                            .enumerate()
                            .map(|(k, c)| if (case >> (k % 8)) & 1 == 1 { c.to_ascii_uppercase() } else { c })
                            .collect()
                    } else {
                        p.to_string()
                    }
                })
                .collect();
            prop_assert_eq!(homes_at_word_starts(&text), homes_by_automaton(&text), "{:?}", text);
        }
    }

    /// A home named by the estate's room it lies above, below or inside, in the three languages; a
    /// home over a room that is no estate's room, or "over" meaning "about", is none.
    #[test]
    fn a_home_by_the_room_beside_it() {
        let found = |text: &str| {
            let mut out = Vec::new();
            by_a_common_room(text, &[], &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Støj fra lejligheden over vaskeriet (beboeren har hund)."),
            ["lejligheden over vaskeriet"]
        );
        assert_eq!(
            found("Framlegg frå husværet over vaskerommet: betre lydisolering."),
            ["husværet over vaskerommet"]
        );
        assert_eq!(
            found("Det gäller lägenheten innanför cykelrummet i huset."),
            ["lägenheten innanför cykelrummet"]
        );
        assert!(found("Vi talte om lejligheden over kaffen.").is_empty());
        assert!(found("Leiligheten over butikken er solgt.").is_empty());
    }

    use proptest::prelude::*;

    /// The scan as it was before [`finds`]: each pattern's `find_iter` over the whole text.
    fn finds_whole_text(text: &str) -> [Vec<(usize, usize)>; 4] {
        static WHOLE: OnceLock<Vec<Regex>> = OnceLock::new();
        let whole =
            WHOLE.get_or_init(|| sources().iter().map(|s| Regex::new(s).unwrap()).collect());
        std::array::from_fn(|k| {
            whole[k]
                .find_iter(text)
                .map(|m| (m.start(), m.end()))
                .collect()
        })
    }

    /// Words of every section of the list, in any case, and what stands around them.
    fn piece() -> impl Strategy<Value = String> {
        let words: Vec<String> = LIST
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with(['#', '[']))
            .map(str::to_string)
            .chain(
                [
                    "i", "på", "etasjen", "stuen", "2.", "12.", "første", "3.sal", "over", "under",
                    "naboen", "ØVER", "ø", "æde", "_de", "de", "dem", "Over", "mødet", "70", "år",
                ]
                .map(str::to_string),
            )
            .collect();
        prop_oneof![
            4 => prop::sample::select(words).prop_flat_map(|w| {
                prop::sample::select(vec![w.clone(), w.to_uppercase(), {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                }])
            }),
            4 => prop::sample::select(&[" ", " ", " ", "\t", "  ", "\n", "\r\n", ".", ", ", "-", "ø", "x", "5"][..]).prop_map(str::to_string),
            1 => crate::redact::testgen::text(),
        ]
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1000))]
        /// Searching each pattern only where a first word stands finds what searching the whole text found.
        #[test]
        fn anchored_at_first_words_finds_what_the_whole_text_search_found(
            parts in prop::collection::vec(piece(), 0..40),
        ) {
            let text: String = parts.concat();
            let whole = finds_whole_text(&text);
            prop_assert_eq!(&finds(&text, ALL), &whole, "{:?}", text);
            prop_assert_eq!(&finds_by(&text, ALL, true), &whole, "{:?}", text);
            prop_assert_eq!(&finds(&text, cued(&text)), &whole, "{:?}", text);
        }
    }

    /// The same on the development set's minutes, where every form the list holds has its cases.
    #[test]
    fn anchored_search_finds_what_the_whole_text_search_found_in_the_dev_set() {
        let docs = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../tests/fixtures/redaction-dev/docs");
        let mut n = 0;
        for entry in std::fs::read_dir(docs).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let whole = finds_whole_text(&text);
            n += whole.iter().map(Vec::len).sum::<usize>();
            assert_eq!(finds(&text, ALL), whole);
            assert_eq!(finds(&text, cued(&text)), whole);
        }
        assert!(n > 0);
    }

    /// Each pattern begins only with its own first words: figures start only a floor in the
    /// building, "de"/"dem" only a neighbour or whose a space is, "n" (naboen) every pattern but
    /// the places; beyond ASCII anything may start.
    #[test]
    fn each_pattern_begins_with_its_own_first_letters() {
        let first = first_bytes();
        let may = |b: u8| -> Vec<usize> { (0..4).filter(|&k| first[k][usize::from(b)]).collect() };
        assert_eq!(may(b'2'), [2]);
        assert_eq!(may(b'0'), Vec::<usize>::new());
        assert_eq!(may(b'd'), may(b'D'));
        assert!(may(b'd').contains(&1) && !may(b'd').contains(&0));
        assert!(may(b'n').contains(&0) && may(b'N').contains(&0));
        assert_eq!(may(b'x'), Vec::<usize>::new());
        assert_eq!(may(b' '), Vec::<usize>::new());
    }

    /// Regression (the relations' pass, speed): at every place where one of the four patterns'
    /// first words stands, all four were searched anchored there (58,000 searches on dense
    /// minutes, each about a thousand instructions however soon it failed); now only the patterns
    /// whose own first words may begin with that byte. What they find is the whole-text search's,
    /// on the first letters in every case, the Kelvin sign and the long s that the
    /// case-insensitive patterns take for "k" and "s".
    #[test]
    fn regression_each_pattern_searched_only_at_its_own_first_letters_finds_the_same() {
        for text in [
            "Naboen over klager. NABOEN UNDER klager. 2. sal i forhuset. Stuen i baghuset.",
            "Dem nedenunder og de i første etasje; hans plass og plassen min.",
            "\u{212a}ælderlejligheden og \u{17f}tuen i baghuset, han\u{17f} plass.",
            "Hun bor på 3. sal i baghuset, ved siden af naboen ovenpå hende.",
        ] {
            let whole = finds_whole_text(text);
            assert!(whole.iter().map(Vec::len).sum::<usize>() > 0, "{text}");
            assert_eq!(finds(text, ALL), whole, "{text}");
            assert_eq!(finds_by(text, ALL, true), whole, "{text}");
        }
    }

    /// Regression (the relations' pass, speed: `andel detect` compiled all four patterns and the
    /// starts of all four on any minutes with "over", "under" or "sal", a third of its detection on
    /// an 8.7 KB minutes): each pattern is compiled and searched only where a word it needs stands, in
    /// any case, and what it finds is the whole-text search's. A sign the case-insensitive patterns
    /// take for "k", "s" or "å" sends all four.
    #[test]
    fn regression_each_pattern_compiled_only_where_the_words_it_needs_stand() {
        for (text, sets) in [
            ("Naboen over klager over støj.", 0b0001),
            ("NABOEN UNDER har fået ny dør.", 0b0001),
            ("Dem ovenpå og de i første etasje.", 0b0010),
            ("De i ETAGEN under har klaget.", 0b0011),
            ("Hun har købt kælderlejligheden.", 0b1100),
            ("Vi har flyttet til 2. sal i forhuset.", 0b0110),
            ("Han vil leie ut hans plass; PLASSEN MIN er ledig.", 0b1000),
            ("Vindslägenheten och VINDSLÄGENHETEN är sålda.", 0b1100),
            ("Mødet sluttede kl. 21.", 0),
            ("Naboen over har fået \u{212a}ælderen.", ALL),
        ] {
            assert_eq!(cued(text), sets, "{text}");
            let whole = finds_whole_text(text);
            assert_eq!(finds(text, sets), whole, "{text}");
        }
    }

    /// The needles' forms are every character the case-insensitive patterns take for their letters, but
    /// for ASCII case (which the search ignores) and [`FOLDED_SIGNS`]: a letter beyond ASCII that another
    /// character folds to would make a needle miss that spelling.
    #[test]
    fn the_needles_hold_every_case_of_their_letters() {
        let mut letters: Vec<char> = cue_needles()
            .into_iter()
            .map(|(n, _)| n)
            .chain(start_needles_of(ALL))
            .flat_map(|n| n.chars().collect::<Vec<_>>())
            .collect();
        letters.sort_unstable();
        letters.dedup();
        let class: String = letters
            .iter()
            .map(|c| regex::escape(&c.to_string()))
            .collect();
        let any_case = Regex::new(&format!("(?i)^[{class}]$")).unwrap();
        let mut buf = [0u8; 4];
        for c in (0..=0x10_ffff_u32).filter_map(char::from_u32) {
            if any_case.is_match(c.encode_utf8(&mut buf)) && !c.is_ascii() && !letters.contains(&c)
            {
                assert!(
                    FOLDED_SIGNS.contains(&c.to_string().as_str()),
                    "{c:?} (U+{:04X})",
                    u32::from(c)
                );
            }
        }
    }

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
            (
                "Han i ettan bredvid mig hör också musiken.",
                "ettan bredvid mig",
            ),
            ("Det luktar rök från trean ovanför.", "trean ovanför"),
            // A home's own room on a floor places the flat as the flat's word does.
            (
                "Der er fugt i badeværelset på 4. sal; sælger udbedrer den.",
                "badeværelset på 4. sal",
            ),
            (
                "Köket på tredje våningen renoveras.",
                "Köket på tredje våningen",
            ),
            (
                "Leilegheita i 2. etasje er seld.",
                "Leilegheita i 2. etasje",
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
            "Han bor på andra våningen i trean.",
            "Tvåan under renoveringen står tom.",
            "Fyran över 90 kvadratmeter såldes.",
            "Der var fugt i badeværelset under renoveringen.",
            "Altanen over 70 kvadratmeter er stor.",
            "Mødet holdes i fælleslokalet på 1. sal.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }
}
