//! Floors: a floor at a building ("3. etasje i Storveien 4", "anden sal til venstre"), a floor right after
//! the person who lives there ("Kåre Dal i første etasje"), and a floor at someone's home ("hos Lund").
//! A floor alone ("vi møtes i 3. etasje") is a place in a building and stays.

use std::sync::OnceLock;

use regex::Regex;

use super::building_number_ends;
use crate::redact::policy::Raw;
use crate::redact::text::AnchoredPattern;
use crate::redact::{Kind, Recognizer};

// The floor, in figures or in words ("3.", "tredje", "øverste"), and the floor word.
const FLOOR: &str = r"(?:(?:\d{1,2}(?:\.|:[ae])\s?|(?:første|fyrste|anden|andre|annen|annan|andra|tredje|fjerde|femte|sjette|syvende|sjuende|ottende|åttende|niende|tiende|första|fjärde|sjätte|sjunde|åttonde|nionde|tionde|øverste|øvre|nederste|underste|nedre|översta|nedersta|understa)\s+)(?:etasjen|etasje|etage|sal|våningen|våning|høgda|høgd|etg\.?)|(?:en|två|tre|fyra|fem|sex)\s+trapp(?:or|a)(?:\s+upp)?|stuelejligheden|stueetagen|kælderlejligheden|bottenvåningen)";

/// The end of the part of `rest` that [`floors_after_persons`] reads: the characters that start in
/// its first 160 bytes, up to the line's end.
fn line_window(rest: &str) -> usize {
    let head = &rest.as_bytes()[..rest.len().min(160)];
    if let Some(n) = memchr::memchr(b'\n', head) {
        return n;
    }
    (160..rest.len())
        .find(|&i| rest.is_char_boundary(i))
        .unwrap_or(rest.len())
}

/// The pattern of [`floors_after_persons`], read from a person's end: perhaps a genitive and one noun,
/// then "i"/"på"/"fra" (or a comma, or an opening bracket) and a floor, perhaps in a building.
fn floor_after_person_pattern() -> String {
    format!(
        r"^(?:(?:s|'s|’s)?(?:[ \t]+\p{{Ll}}+)?[ \t]+(?:i|på|fra|frå|från)[ \t]+|,[ \t]+|[ \t]*\([ \t]*)((?i:{FLOOR}|stuen)(?:[ \t]+(?:i|på)[ \t]+(?:\p{{Lu}}[\p{{L}}'’.-]*(?:[ \t]\p{{Lu}}[\p{{L}}'’.-]*){{0,2}}[ \t]\d{{1,4}}(?:[ \t]?[a-zA-Z](?-u:\b))?|nr\.?[ \t]?\d{{1,3}}))?)"
    )
}

/// "Kåre Dal i første etasje", "Ida Berg fra stuen i Lyngveien 4", "Bøes bad i 2. etasje", "Forslag frå
/// Halvor Dal, første etasje", "Tuva Lie (2. etg)": a floor right after a person the text names (`persons`: the spans of the people found, by start), perhaps after
/// their genitive and one noun, places that person's home as a street address does, so the floor goes
/// with the building after it if one is named. A floor where no person stands before it ("vi møtes i
/// 3. etasje") is a place in a building and stays. The Danish ground floor "stuen" (also "the living
/// room") counts only here, after a person.
pub fn floors_after_persons(text: &str, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    if persons.is_empty() {
        return;
    }
    // Searched only anchored after a person: compiled forward only.
    static RE: OnceLock<Option<AnchoredPattern>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| AnchoredPattern::new(&floor_after_person_pattern()))
        .as_ref()
    else {
        return;
    };
    let mut taken: Option<(Vec<(usize, usize)>, usize)> = None;
    for &(_, end) in persons {
        let Some(rest) = text.get(end..) else {
            continue;
        };
        // A floor is a few words on: only the line's next 160 bytes are read.
        let line = &rest[..line_window(rest)];
        let Some((floor_start, floor_end)) = re.group(line, 1) else {
            continue;
        };
        let (start, stop) = (end + floor_start, end + floor_end);
        // The floor ends where its word ends ("4 a" is a house's letter only before a non-letter).
        if text[stop..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric)
            && !line[floor_start..floor_end].ends_with('.')
        {
            continue;
        }
        // Whether a finding already overlaps the floor: the findings before this pass by start with
        // the greatest end so far (sorted once, at the first floor), and the floors added since.
        let before = taken.get_or_insert_with(|| {
            let mut spans: Vec<(usize, usize)> = out.iter().map(|r| (r.start, r.end)).collect();
            spans.sort_unstable();
            let mut reach = 0;
            for s in &mut spans {
                reach = reach.max(s.1);
                s.1 = reach;
            }
            (spans, out.len())
        });
        let (spans, added) = (&before.0, before.1);
        let earlier = spans.partition_point(|&(s, _)| s < stop);
        if earlier > 0 && spans[earlier - 1].1 > start
            || out[added..].iter().any(|r| r.start < stop && start < r.end)
        {
            continue;
        }
        out.push(Raw::redact(
            start,
            stop,
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a floor after the person who lives there",
        ));
    }
}

/// "fra Gunhild L. i fjerde, om natten", "Sven Ek på tredje och …": a floor named by its ordinal alone,
/// right after a person and "i"/"på"/"fra", is that person's home as the floor with its word is
/// ([`floors_after_persons`]). The ordinal must stand alone: a stop, a comma or the end of the line after
/// it, or a verb or conjunction going on with the sentence; a noun after it ("i første omgang", "i andre
/// runde") makes it no floor.
pub fn bare_floors_after_persons(text: &str, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    let mut found = Vec::new();
    for &(_, end) in persons {
        let Some(rest) = text.get(end..) else {
            continue;
        };
        let Some(after) = ["i", "på", "fra", "frå", "från"]
            .iter()
            .find_map(|p| rest.strip_prefix(' ')?.strip_prefix(p)?.strip_prefix(' '))
        else {
            continue;
        };
        let start = text.len() - after.len();
        let ordinal: String = after.chars().take_while(|c| c.is_alphabetic()).collect();
        let stop = start + ordinal.len();
        let lower = ordinal.to_lowercase();
        if !crate::redact::flats::BARE_FLOOR_ORDINALS.contains(&lower.as_str()) {
            continue;
        }
        let next = text[stop..].trim_start_matches([' ', '\t']);
        let next_word: String = next.chars().take_while(|c| c.is_alphabetic()).collect();
        // "Bodil på tredje i 16", "Arne i andre i nr. 4": the floor of a building by its number.
        let building = building_after_bare_floor(&text[stop..]).map(|n| stop + n);
        let alone = next.is_empty()
            || next.starts_with(['.', ',', ';', ':', '!', '?', ')', '\n', '\r'])
            || crate::redact::flats::AFTER_A_BARE_FLOOR
                .contains(&next_word.to_lowercase().as_str())
            || building.is_some();
        let stop = building.unwrap_or(stop);
        if alone && !out.iter().any(|r| r.start < stop && start < r.end) {
            found.push((start, stop));
        }
    }
    for (start, stop) in found {
        out.push(Raw::redact(
            start,
            stop,
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a floor by its ordinal after the person who lives there",
        ));
    }
}

/// After a floor's bare ordinal, " i 16" or " i nr. 4": a building by its number (one to three digits
/// that end the word, and no more digits after a stop or a colon: no date or time); the length read.
fn building_after_bare_floor(rest: &str) -> Option<usize> {
    let after = rest.strip_prefix(" i ")?;
    let after = ["nr. ", "nr.", "nr ", "nummer "]
        .iter()
        .find_map(|p| after.strip_prefix(p))
        .unwrap_or(after);
    let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let tail = &after[digits..];
    let more = tail
        .strip_prefix(['.', ':', '/', '-', ','])
        .is_some_and(|t| t.starts_with(|c: char| c.is_ascii_digit()));
    ((1..=3).contains(&digits) && !tail.starts_with(char::is_alphanumeric) && !more)
        .then(|| rest.len() - tail.len())
}

/// Nouns for a neighbour or a household, in the definite form speech uses ("killen på tredje våningen",
/// "familien i 2. etasje", "damen på første sal"): before a floor they place a home as a name does.
const DWELLERS: &[&str] = &[
    // "Nabo i andre etasje er leietaker": the noun without its article, as a heading or a note has it.
    "nabo",
    "granne",
    "naboen",
    "naboene",
    "naboane",
    "nabofamilien",
    "grannen",
    "grannarna",
    "grannene",
    "familien",
    "familjen",
    "familia",
    "ægteparret",
    "ekteparet",
    "paret",
    "damen",
    "dama",
    "manden",
    "mannen",
    "kvinden",
    "kvinnen",
    "kvinna",
    "kvinnan",
    "tjejen",
    "killen",
    "jenta",
    "jenten",
    "gutten",
    "pigen",
    "drengen",
    "pojken",
    "flickan",
    "tösen",
    "gubben",
    "tanten",
    "enken",
    "enka",
    "änkan",
    "beboeren",
    "beboerne",
    "bebuaren",
    "hyresgästen",
    "leietakeren",
    "lejeren",
    "andelshaveren",
    "pensjonisten",
    "pensionisten",
    "pensionären",
    "studenten",
    "studenterne",
    "studentene",
    "studenterna",
];

/// Words of where a neighbour lives relative to the writer, between the neighbour's noun and the floor
/// ("naboen på skrå under meg i andre etasje", "grannen rakt ovanför oss på tredje våningen").
const POSITIONS: &[&str] = &[
    "på",
    "skrå",
    "skrått",
    "snett",
    "rett",
    "lige",
    "rakt",
    "under",
    "over",
    "ovenfor",
    "nedenfor",
    "ovanför",
    "nedanför",
    "ovenpå",
    "nedenunder",
    "meg",
    "mig",
    "mej",
    "oss",
    "os",
    "ved",
    "siden",
    "av",
    "af",
    "bredvid",
    "mittemot",
];

/// Where a floor's word starts in `text`: the rare words that may end a floor (lower case).
const FLOOR_WORDS: &[&str] = &["våning", "etasje", "etage", "etg", " sal"];

/// `head` without its last word (split at white space), and that word.
fn last_word(head: &str) -> (&str, &str) {
    let head = head.trim_end_matches([' ', '\t']);
    let at = head.rfind([' ', '\t']).map_or(0, |i| i + 1);
    (&head[..at], &head[at..])
}

/// "tjejen på 3:e våningen", "familien i andre etasje": a dweller's noun ([`DWELLERS`]) right before
/// "i"/"på"/"fra" and a floor, as spans [`floors_after_persons`] reads a floor after, as it does after
/// a person's name. Found from the floor's rare word, looking back over three words on its line.
pub fn dwellers_before_floors(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut at: Vec<usize> = FLOOR_WORDS
        .iter()
        .flat_map(|w| memchr::memmem::find_iter(bytes, w.as_bytes()))
        .collect();
    at.sort_unstable();
    let mut found = Vec::new();
    for w in at {
        let w = if bytes[w] == b' ' { w + 1 } else { w };
        let line = memchr::memrchr(b'\n', &bytes[..w]).map_or(0, |n| n + 1);
        let Some(head) = text.get(line..w) else {
            continue;
        };
        // The floor's number or ordinal: "3:e", "2.", "andre".
        let (head, number) = last_word(head);
        let digits = number.trim_start_matches(|c: char| c.is_ascii_digit());
        let figures = (1..=2).contains(&(number.len() - digits.len()))
            && ["", ".", ":a", ":e"].contains(&digits);
        if !(figures || (!number.is_empty() && number.chars().all(char::is_alphabetic))) {
            continue;
        }
        let (head, preposition) = last_word(head);
        if !["i", "på", "fra", "frå", "från"].contains(&preposition) {
            continue;
        }
        // "(naboen i 2. etasje)": a mark before the noun. "Naboen på skrå under meg i andre etasje":
        // a few words of where they live between, which the span then takes (the floor is read after
        // the span's end).
        let end = line + head.trim_end_matches([' ', '\t']).len();
        let mut head = head;
        for apart in 0..=4 {
            let (before, word) = last_word(head);
            let noun = word.trim_start_matches(|c: char| !c.is_alphanumeric());
            if DWELLERS
                .iter()
                .any(|d| crate::redact::text::eq_fold(noun, d))
            {
                let start = line + before.len() + (word.len() - noun.len());
                found.push((start, if apart > 0 { end } else { start + noun.len() }));
                break;
            }
            if !POSITIONS
                .iter()
                .any(|p| crate::redact::text::eq_fold(word, p))
            {
                break;
            }
            head = before;
        }
    }
    found.dedup();
    found
}

/// "støj fra 2. sal, hvor Mathias bor", "bråk från tredje våningen, där Ali bor": a floor that a
/// relative clause right after it says a person the text names lives on is that person's home.
pub fn floors_before_dwellers(text: &str, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?:^|[^\p{{L}}\d])((?i:{FLOOR}|stuen))[ \t]*,?[ \t]*(?:hvor|der|där|dær|hvar)[ \t]+(?i:(?:familien|familjen|familie|ægteparret|ekteparet|paret|fru|hr\.|herr|frk\.)[ \t]+)?$"
            ))
            .ok()
        })
        .as_ref()
    else {
        return;
    };
    let mut found = Vec::new();
    for &(start, end) in persons {
        let lives = text.get(end..).is_some_and(|rest| {
            ["bor", "bur", "boede", "bodde", "budde"].iter().any(|v| {
                rest.strip_prefix(' ')
                    .and_then(|r| r.strip_prefix(v))
                    .is_some_and(|r| !r.starts_with(char::is_alphanumeric))
            })
        });
        if !lives {
            continue;
        }
        // The clause's head: at most 80 bytes back, on the same line.
        let from = (start.saturating_sub(80)..start)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(start);
        let head = &text[from..start];
        let head = &head[head.rfind('\n').map_or(0, |n| n + 1)..];
        let offset = start - head.len();
        if let Some(floor) = re.captures(head).and_then(|c| c.get(1)) {
            let (s, e) = (offset + floor.start(), offset + floor.end());
            if !out.iter().any(|r| r.start < e && s < r.end) {
                found.push((s, e));
            }
        }
    }
    for (start, stop) in found {
        out.push(Raw::redact(
            start,
            stop,
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a floor the person who lives there is named after",
        ));
    }
}

/// "selt husværet sitt i tredje etasje", "lägenheten på andra våningen", "lejligheden sin på 2. sal": a
/// home named by its noun (its owner's possessive between) on a floor in words or figures is one home, a
/// resident's address as "2. sal, nr. 14" is. Found only where such a noun stands.
pub fn homes_on_a_floor(text: &str, out: &mut Vec<Raw>) {
    // Without the first letter, which may be a capital.
    const HOMES: &[&str] = &[
        "usvær", "eilighe", "eilegh", "ejlighed", "ägenhet", "ustad", "olig",
    ];
    let b = text.as_bytes();
    if !HOMES
        .iter()
        .any(|h| memchr::memmem::find(b, h.as_bytes()).is_some())
    {
        return;
    }
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = crate::redact::text::whole_text_regex(
        &RE,
        &format!(
            r"(?i:husværet|husvære|leiligheten|leiligheita|leilegheita|lejligheden|lägenheten|bustaden|boligen)(?:\s+(?i:sitt|sin|si|sine|hans|hennes|hennar|hendes|deres|deira|sina|hennes))?\s+(?i:i|på)\s+(?i:{FLOOR})"
        ),
    ) else {
        return;
    };
    for m in re.find_iter(text) {
        let glued_before = text[..m.start()]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
        let glued_after = text[m.end()..]
            .chars()
            .next()
            .is_some_and(char::is_alphanumeric);
        if glued_before || glued_after {
            continue;
        }
        out.push(Raw::redact(
            m.start(),
            m.end(),
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a home on a floor",
        ));
    }
}

/// The Swedish houses by their number as a word ("trean"), or in figures ("6:an").
const SWEDISH_SPOKEN: &[&str] = &[
    "ettan", "tvåan", "trean", "fyran", "femman", "sexan", "sjuan", "åttan", "nian", "tian",
    "elvan", "tolvan",
];

/// "Gunilla på bv i trean", "1 tr i femman", "BV i 6:an": a Swedish floor written short (the ground
/// floor "bv", the stairs climbed "2 tr") in a house or entrance the text names by its number as a word;
/// one home, as "bv, Storgatan 3" is. So are the top or the bottom of such a house ("högst upp i sjuan",
/// "längst ner i trean") and a floor or a flat by its number as a word in one ("trean i sjuan": the
/// third floor, or the three-room flat, of house seven). Found from the rare "bv i ", "tr i ", the
/// position words, and "an i " between two of the words.
pub fn swedish_floors_in_spoken_houses(text: &str, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    // Every cue ends in " i ": one search for " i " (each one, where two overlap too) finds them all,
    // where a search of the text per cue read it twelve times (28 M instructions on the dense
    // bench). The finds are kept in the order the searches per cue gave them: "an i " first, then
    // each cue's in its order; no cue overlaps itself, so each search per cue found every place
    // the cue stands.
    let mut between: Vec<Raw> = Vec::new();
    let mut by_cue: [Vec<Raw>; SPOKEN_HOUSE_CUES.len()] = Default::default();
    let finder = memchr::memmem::Finder::new(b" i ");
    let mut from = 0;
    while let Some(p) = finder.find(&bytes[from..]).map(|i| from + i) {
        from = p + 1;
        // The last byte of every cue's word before " i " (most " i " follow none of them).
        if !matches!(
            p.checked_sub(1).map(|q| bytes[q]),
            Some(b'n' | b'v' | b'V' | b'r' | b'.' | b'p' | b't' | b'd')
        ) {
            continue;
        }
        // "trean i sjuan": every one of the words ends in "an".
        if bytes[..p].ends_with(b"an") {
            if let Some(raw) = spoken_house_in_a_spoken_house(text, p - 2) {
                between.push(raw);
            }
        }
        for (k, cue) in SPOKEN_HOUSE_CUES.iter().enumerate() {
            let stem = &cue[..cue.len() - 3];
            if bytes[..p].ends_with(stem.as_bytes()) {
                if let Some(raw) = floor_by_a_cue(text, p - stem.len(), cue) {
                    by_cue[k].push(raw);
                }
            }
        }
    }
    let mut found = between;
    for finds in by_cue {
        found.extend(finds);
    }
    spoken_houses_after_våning(text, &mut found);
    out.extend(found);
}

/// "ettan på nummer 8", "trean i nr 12": a flat by its rooms or a floor by its number as a word
/// ([`SWEDISH_SPOKEN`]) in a house the text names by its number; one home, as "trean i sjuan" is. Found
/// from the rarer " nummer " and " nr" and a look back at the word before "på" or "i".
pub fn spoken_flats_in_numbered_houses(text: &str, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    let numbers = memchr::memmem::find_iter(bytes, b" nummer ")
        .map(|p| (p, p + 8))
        .chain(memchr::memmem::find_iter(bytes, b" nr").filter_map(|p| {
            let rest = &bytes[p + 3..];
            if rest.starts_with(b". ") {
                Some((p, p + 5))
            } else if rest.starts_with(b" ") {
                Some((p, p + 4))
            } else {
                None
            }
        }));
    for (at, digits) in numbers {
        let head = &text[..at];
        let Some(h) = head.strip_suffix(" på").or_else(|| head.strip_suffix(" i")) else {
            continue;
        };
        let Some(word) = SWEDISH_SPOKEN.iter().find(|w| {
            h.len() >= w.len()
                && h.is_char_boundary(h.len() - w.len())
                && crate::redact::text::eq_fold(&h[h.len() - w.len()..], w)
        }) else {
            continue;
        };
        let start = h.len() - word.len();
        if text[..start].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &text[digits..];
        let d = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=3).contains(&d) {
            continue;
        }
        let mut end = digits + d;
        if text[end..].starts_with(|c: char| c.is_ascii_uppercase())
            && !text[end + 1..].starts_with(|c: char| c.is_alphanumeric())
        {
            end += 1;
        }
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        out.push(Raw::redact(
            start,
            end,
            Kind::Address,
            Recognizer::Address,
            0.85,
            "a flat or a floor by its number as a word in a house by its number",
        ));
    }
}

/// The cues of [`swedish_floors_in_spoken_houses`] before a house by its number as a word: the ground
/// floor, the stairs climbed, the top or the bottom of the house.
const SPOKEN_HOUSE_CUES: [&str; 11] = [
    "bv i ",
    "BV i ",
    "Bv i ",
    "tr i ",
    "tr. i ",
    // The top or the bottom of the house.
    "högst upp i ",
    "längst upp i ",
    "överst i ",
    "längst ner i ",
    "längst ned i ",
    "nederst i ",
];

/// "trean i sjuan" with "an i " at `at` in `text`: the floor or the flat in the house.
fn spoken_house_in_a_spoken_house(text: &str, at: usize) -> Option<Raw> {
    let head = &text[..at + 2];
    let first = SWEDISH_SPOKEN.iter().find(|w| {
        head.len() >= w.len()
            && head.is_char_boundary(head.len() - w.len())
            && crate::redact::text::eq_fold(&head[head.len() - w.len()..], w)
    })?;
    let start = head.len() - first.len();
    if text[..start].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = &text[at + 5..];
    let second = SWEDISH_SPOKEN.iter().find(|w| rest.starts_with(**w))?;
    if rest[second.len()..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(Raw::redact(
        start,
        at + 5 + second.len(),
        Kind::Address,
        Recognizer::Address,
        0.85,
        "a floor or a flat in a house named by its number",
    ))
}

/// The floor `cue` (one of [`SPOKEN_HOUSE_CUES`], at `at` in `text`) gives in the house after it.
fn floor_by_a_cue(text: &str, at: usize, cue: &str) -> Option<Raw> {
    let head = &text[..at];
    let start = if cue.starts_with('t') {
        // "1 tr", "2tr": the figure of the stairs before.
        let h = head.strip_suffix(' ').unwrap_or(head);
        let digits = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&digits) {
            return None;
        }
        h.len() - digits
    } else {
        at
    };
    if text[..start].ends_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let rest = &text[at + cue.len()..];
    let len = SWEDISH_SPOKEN
        .iter()
        .find(|w| rest.starts_with(**w))
        .map(|w| w.len())
        .or_else(|| {
            let d = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            ((1..=3).contains(&d) && rest[d..].starts_with(":an")).then_some(d + 3)
        })?;
    if rest[len..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    Some(floor_in_a_spoken_house(start, at + cue.len() + len))
}

/// The Swedish ordinals of floors, with their marks or typed without them.
const SWEDISH_ORDINALS: &[&str] = &[
    "första", "forsta", "andra", "tredje", "fjärde", "fjarde", "femte", "sjätte", "sjatte",
    "sjunde", "åttonde", "attonde", "nionde", "tionde", "översta", "oversta", "nedersta",
    "understa",
];

/// "våning 3 i sexan", "tredje våningen i sexan", "2:a vaningen i fyran", "bottenvåningen i trean": a
/// floor by "våning" (its marks typed or lost) and its number, ordinal or kind, in a house the text
/// names by its number as a word. Found from the rare "ning " and "ningen i ".
fn spoken_houses_after_våning(text: &str, found: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    // The spoken house right after `at`, and where it ends.
    let house_at = |at: usize| -> Option<usize> {
        let rest = text.get(at..)?;
        let w = SWEDISH_SPOKEN.iter().find(|w| rest.starts_with(**w))?;
        (!rest[w.len()..].starts_with(|c: char| c.is_alphanumeric())).then_some(at + w.len())
    };
    // "våning 3 i sexan".
    for at in memchr::memmem::find_iter(bytes, b"ning ") {
        let head = &text[..at];
        let Some(start) = ["våning", "vaning", "Våning", "Vaning"]
            .iter()
            .find_map(|w| {
                let stem = &w[..w.len() - 4];
                head.strip_suffix(stem).map(|h| h.len())
            })
        else {
            continue;
        };
        if text[..start].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let rest = &text[at + 5..];
        let d = rest.len() - rest.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        if !(1..=2).contains(&d) || !rest[d..].starts_with(" i ") {
            continue;
        }
        if let Some(end) = house_at(at + 5 + d + 3) {
            found.push(floor_in_a_spoken_house(start, end));
        }
    }
    // "tredje våningen i sexan", "bottenvåningen i trean".
    for at in memchr::memmem::find_iter(bytes, b"ningen i ") {
        let Some(end) = house_at(at + 9) else {
            continue;
        };
        let head = &text[..at];
        let word_start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(at, |(i, _)| i);
        let word = text[word_start..at + 6].to_lowercase();
        let Some(kind) = word
            .strip_suffix("våningen")
            .or_else(|| word.strip_suffix("vaningen"))
        else {
            continue;
        };
        let start = if kind.is_empty() {
            // The floor's number or ordinal before: "tredje våningen", "2:a våningen".
            let before = head[..word_start].strip_suffix(' ');
            let Some(b) = before else { continue };
            let ws = b
                .char_indices()
                .rev()
                .take_while(|&(_, c)| c.is_alphanumeric() || c == ':')
                .last()
                .map_or(b.len(), |(i, _)| i);
            let w = b[ws..].to_lowercase();
            let figure = w
                .strip_suffix(":a")
                .or_else(|| w.strip_suffix(":e"))
                .is_some_and(|n| {
                    (1..=2).contains(&n.len()) && n.bytes().all(|c| c.is_ascii_digit())
                });
            if !(figure || SWEDISH_ORDINALS.contains(&w.as_str())) {
                continue;
            }
            ws
        } else if ["botten", "entré", "entre", "över", "over", "topp", "vinds"].contains(&kind) {
            word_start
        } else {
            continue;
        };
        found.push(floor_in_a_spoken_house(start, end));
    }
}

/// A floor (or the top or bottom) of a house named by its number as a word, found at `start..end`.
fn floor_in_a_spoken_house(start: usize, end: usize) -> Raw {
    Raw::redact(
        start,
        end,
        Kind::Address,
        Recognizer::Address,
        0.85,
        "a floor in a house named by its number",
    )
}

/// "två trappor upp i samma hus, lägenheten till höger", "tre trapper op, døren til venstre", "anden
/// sal, lejligheden til højre": a floor (in figures, in words or in stairs climbed) and a side that a
/// few words part from it (the same building, the flat's or the door's noun) place one flat as "2. tv."
/// does. The floor with its side right after it is `flats`'; "til højre for trappen" is a direction.
#[cfg(test)]
pub fn floors_with_a_side_apart(text: &str, out: &mut Vec<Raw>) {
    place_unless_overlapping(floors_with_a_side_apart_found(text), out);
}

/// What `floors_with_a_side_apart` finds in `text` before it meets the findings so far (see
/// [`place_unless_overlapping`]).
pub fn floors_with_a_side_apart_found(text: &str) -> Vec<Raw> {
    const SIDES: [&str; 4] = ["til h", "til v", "till h", "till v"];
    let bytes = text.as_bytes();
    let mut sides: Vec<usize> = SIDES
        .iter()
        .flat_map(|w| memchr::memmem::find_iter(bytes, w.as_bytes()))
        .collect();
    if sides.is_empty() {
        return Vec::new();
    }
    sides.sort_unstable();
    sides.dedup();
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| {
            Regex::new(&format!(
                r"(?i)(?:^|[^\p{{L}}\d])(?P<floor>{FLOOR}|(?:en|ei|én|to|tre|fire|fem|seks)\s+trapp(?:er|e)(?:\s+(?:op|opp|oppe))?)(?P<apart>(?:\s+(?:i|på)\s+(?:samma|samme|same)\s+(?:hus|huset|opgang|opgangen|oppgang|oppgangen|uppgång|uppgången|trapp|trappen|trappa|trappan|trappe|trappehus|trapphus|trapphuset|bygning|bygningen|bygget|byggnad|byggnaden))?,?\s+(?:(?:lägenheten|lejligheden|leiligheten|leiligheta|husværet|dörren|døren|døra|dora|doren)\s+)?)$"
            ))
            .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for at in sides {
        let rest = &text[at..];
        let Some(len) = [
            "till höger",
            "till vänster",
            "til højre",
            "til høyre",
            "til hojre",
            "til venstre",
        ]
        .iter()
        .find(|s| rest.starts_with(**s))
        .map(|s| s.len()) else {
            continue;
        };
        let after = &rest[len..];
        if after.starts_with(char::is_alphanumeric)
            || after.starts_with(" for ")
            || after.starts_with(" om ")
            || !text[..at].ends_with(char::is_whitespace)
        {
            continue;
        }
        // The phrase before the side, on its line and at most 100 bytes back.
        let from = (at.saturating_sub(100)..at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        let head = &text[from..at];
        let head_from = head.rfind('\n').map_or(0, |n| n + 1);
        let head = &head[head_from..];
        let Some((floor, apart)) = re
            .captures(head)
            .and_then(|c| Some((c.name("floor")?, c.name("apart")?)))
        else {
            continue;
        };
        // Only where something parts the floor from its side (else it is `flats`' floor and side).
        if !apart.as_str().trim().is_empty() {
            found.push((from + head_from + floor.start(), at + len));
        }
    }
    found
        .into_iter()
        .map(|(start, end)| {
            Raw::redact(
                start,
                end,
                Kind::Address,
                Recognizer::Address,
                0.8,
                "a floor and the flat's side a few words apart",
            )
        })
        .collect()
}

/// "lägenheten högst upp till höger i port 4", "bottenvåningens högra lägenhet i port 6", "leiligheten
/// øverst til venstre i oppgang 3": a flat by its height (the top, the bottom, a floor) and its side in
/// an entrance named by its number is one home, as "port 4, 3 tr, lgh till höger" is. A side alone
/// ("lägenheten till höger i port 4") is on every floor, and "vid port 6" names no flat: both stay.
pub fn flats_by_position_in_an_entrance(text: &str) -> Vec<Raw> {
    const ENTRANCES: [&str; 4] = ["port ", "uppgång ", "oppgang ", "opgang "];
    let bytes = text.as_bytes();
    let mut at: Vec<usize> = ENTRANCES
        .iter()
        .flat_map(|w| memchr::memmem::find_iter(bytes, w.as_bytes()).map(move |i| (i, w.len())))
        .filter(|&(i, len)| bytes.get(i + len).is_some_and(u8::is_ascii_digit))
        .map(|(i, _)| i)
        .collect();
    if at.is_empty() {
        return Vec::new();
    }
    at.sort_unstable();
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = RE
        .get_or_init(|| {
            let height = r"(?:högst\s+upp|längst\s+upp|längst\s+ner|överst|nederst|øverst|øvst|nedenst|øverst\s+oppe|(?:på\s+)?bottenvåningen|(?:i\s+|på\s+)?(?:første|andre|tredje|fjerde|femte|første|anden|första|andra|tredje|fjärde|femte|\d\s*(?:\.|:a|:e))\s+(?:etasje|etage|våningen|sal))";
            let side = r"(?:till|til)\s+(?:höger|vänster|høyre|venstre|højre)";
            Regex::new(&format!(
                r"(?i)(?:^|[^\p{{L}}\d])(?P<flat>(?:lägenheten|leiligheten|leiligheita|lejligheden|husværet)\s+{height}\s+{side}|{side}\s+{height}|(?:bottenvåningens|översta\s+våningens|(?:första|andra|tredje|fjärde|femte|\d\s*:[ae])\s+våningens|øverste\s+etasjes|nederste\s+etasjes)\s+(?:högra|vänstra)\s+lägenhet)\s+i\s+$"
            ))
            .ok()
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for a in at {
        // "port 4" as a word: no letter before it ("Hiss & Port AB" is capitalised; "rapport 4" is
        // another word).
        if text[..a].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let number = text[a..].find(' ').map_or(a, |s| a + s + 1);
        let digits = text[number..]
            .bytes()
            .take_while(u8::is_ascii_digit)
            .count();
        let mut end = number + digits;
        if text[end..].starts_with(|c: char| c.is_ascii_alphabetic())
            && !text[end + 1..].starts_with(char::is_alphanumeric)
        {
            end += 1;
        }
        if digits > 3 || text[end..].starts_with(char::is_alphanumeric) {
            continue;
        }
        let from = (a.saturating_sub(120)..a)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(a);
        // The phrase may run over one line break, as minutes wrap.
        let head = &text[from..a];
        let Some(flat) = re.captures(head).and_then(|c| c.name("flat")) else {
            continue;
        };
        found.push(Raw::redact(
            from + flat.start(),
            end,
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a flat by its height and side in an entrance",
        ));
    }
    found
}

/// "det første huset ved innkøyrsla", "andre huset frå enden i øvre rekkja", "det sista huset i
/// längan": a house by its place in a row (an ordinal and where it is counted from: an end, the way in,
/// the row itself) is one home in an association of row houses, as its number is. "Fælleshuset ved
/// legepladsen" has no ordinal and "huset ved sida av" counts nothing: they stay.
pub fn houses_by_their_place_in_a_row(text: &str) -> Vec<Raw> {
    let at: Vec<usize> = memchr::memmem::find_iter(text.as_bytes(), b"huset ").collect();
    if at.is_empty() {
        return Vec::new();
    }
    static RE: OnceLock<Option<(Regex, Regex)>> = OnceLock::new();
    let Some((before, after)) = RE
        .get_or_init(|| {
            let before = Regex::new(
                r"(?i)(?:^|[^\p{L}\d])(?P<house>(?:(?:det|den)\s+)?(?:første|fyrste|andre|anden|tredje|fjerde|femte|siste|sidste|nest\s+siste|næstsidste|första|andra|tredje|fjärde|sista|näst\s+sista))\s+$",
            )
            .ok()?;
            let row = r"(?:rekkja|rekka|rekken|rækken|raden|längan|huslängan)";
            let after = Regex::new(&format!(
                r"(?i)^huset\s+(?:(?:frå|fra|från)\s+(?:enden|enden|hjørnet|hörnet|gavlen)|(?:ved|vid)\s+(?:innkøyrsla|innkøyringa|innkjørselen|innkjøringen|innkjørsla|indkørslen|infarten|uppfarten|garasjane|garasjene|garagerne|garagen|lekeplassen|legepladsen|lekplatsen)|i\s+(?:(?:den\s+)?(?:øvre|nedre|øverste|nederste|övre|nedre)\s+)?{row})(?:\s+i\s+(?:(?:den\s+)?(?:øvre|nedre|øverste|nederste|övre|nedre)\s+)?{row})?"
            ))
            .ok()?;
            Some((before, after))
        })
        .as_ref()
    else {
        return Vec::new();
    };
    let mut found = Vec::new();
    for a in at {
        if text[..a].ends_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let Some(m) = after.find(&text[a..]) else {
            continue;
        };
        let end = a + m.end();
        if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
            continue;
        }
        let from = (a.saturating_sub(40)..a)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(a);
        let Some(house) = before
            .captures(&text[from..a])
            .and_then(|c| c.name("house"))
        else {
            continue;
        };
        found.push(Raw::redact(
            from + house.start(),
            end,
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a house by its place in a row",
        ));
    }
    found
}

/// Adds each of `found` in its order to `out` unless it overlaps a finding `out` holds by then: a pass
/// that meets the findings made before it only so, found apart from them (see [`crate::redact`]'s
/// `Apart`) and placed here, adds what it would have added reading them as it went.
pub fn place_unless_overlapping(found: Vec<Raw>, out: &mut Vec<Raw>) {
    for f in found {
        if !out.iter().any(|r| r.start < f.end && f.start < r.end) {
            out.push(f);
        }
    }
}

/// A floor in a building at a street address, the floor in figures or in words: "4. etasje i
/// Storveien 4", "andre etasje i Lyngveien 6", "tredje sal på Långgatan 9", "1. etasje, Storveien 16".
/// A floor places one home, so the whole phrase is a resident's address. The street is capitalised
/// ("3. etasje, kl. 18" is a time). Where the minutes name the building by its number alone, as in an
/// association of blocks ("tredje etasje i 25", "øverste etasje i oppgang 21", "2. etg. i nr. 14") or
/// the stairwell first ("oppg. 21, 3. et."), the floor still places one home.
#[cfg(test)]
pub fn floor_addresses(text: &str, out: &mut Vec<Raw>) {
    floor_addresses_found(text).place(out);
}

/// What `floor_addresses` finds in `text` before it reads the findings so far, which only the floors at
/// someone's home are checked against: found apart from the other passes (see [`crate::redact`]'s
/// `Apart`), placed among the findings by [`FloorAddresses::place`].
pub fn floor_addresses_found(text: &str) -> FloorAddresses {
    // Cheap test first: most texts name no floor.
    let finder = |w: &str| memchr::memmem::find(text.as_bytes(), w.as_bytes()).is_some();
    // A floor word, or a floor in figures right after a stairwell's number ("oppg. 21, 3. et.",
    // "uppgång 5, 2. tr"): rare strings, so the pattern below runs on few texts.
    if ![
        "etasje",
        "etage",
        "våning",
        " sal ",
        "ETASJE",
        "ETAGE",
        "etg",
        "ETG",
        ". et.",
        ".et.",
        ". tr",
        ".tr",
        "trappor",
        "trappa",
        "lejligheden",
        "høgd",
        "HØGD",
    ]
    .iter()
    .any(|w| finder(w))
    {
        return FloorAddresses::default();
    }
    let spans = floor_spans(text);
    floors_in(text, spans.as_deref())
}

/// The floors `floor_addresses` finds, before they meet the findings so far.
#[derive(Debug, Default)]
pub struct FloorAddresses {
    /// Floors at a street address: each is taken.
    at_addresses: Vec<Raw>,
    /// Floors at someone's home: taken where no finding made before holds it.
    at_homes: Vec<Raw>,
}

impl FloorAddresses {
    /// Adds the floors to `out` as `floor_addresses` does on the findings `out` holds.
    pub fn place(self, out: &mut Vec<Raw>) {
        out.extend(self.at_addresses);
        for floor in self.at_homes {
            if !out
                .iter()
                .any(|r| r.start <= floor.start && floor.end <= r.end)
            {
                out.push(floor);
            }
        }
    }
}

/// `floor_addresses`' two patterns run over the `spans` of `text` that may hold a floor (all of it
/// when `None`); a find is the one a search of the whole text gives ([`floor_spans`]).
fn floors_in(text: &str, spans: Option<&[(usize, usize)]>) -> FloorAddresses {
    let mut found = FloorAddresses::default();
    let whole = [(0, text.len())];
    let spans = spans.unwrap_or(&whole);
    // A stairwell, a block or "nr." before a building's number.
    const BUILDING: &str = r"(?:oppgangen|oppgang|oppg\.|opgangen|opgang|uppgången|uppgång|uppg\.|inngangen|inngang|porten|port|blokk|blok|huset|hus|nr\.?|nummer)";
    // A building of the estate named by where it stands, one of few ("øverste etage i baghuset",
    // "baghusets 1. sal", "andra våningen i gårdshuset"): a floor of it holds a home or two, as a
    // floor of a numbered house does.
    // A house of the estate by its number as speech names it ("tredje våningen i fyran", "3. etg. i
    // femmern", "1. sal i 14-eren"): a floor of one numbered house, as "i nr. 4" is.
    const SPOKEN: &str = r"(?:\d{1,3}(?:-|'|’)?eren|(?:to|tre|fire|femme|seks|syv|otte|ni|ti|elve|tolv)eren|(?:ein|to|tre|fir|femm|seks|sju|ått|ni|ti|tolv)(?:aren|eren|ern)|ettan|tvåan|trean|fyran|femman|sexan|sjuan|åttan|nian|tian|elvan|tolvan)";
    const BACK: &str = r"(?:baghuset|forhuset|sidehuset|mellemhuset|gårdhuset|tværhuset|bakhuset|gårdshuset|gathuset|sidebygningen|bakbygningen|sidebygninga|bakbygninga)";
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(re) = crate::redact::text::whole_text_regex(
        &RE,
        &format!(
            r"(?i:{FLOOR}(?:\s+(?:i|på)|,))\s+(?:\p{{Lu}}[\p{{L}}'’.-]*(?:\s\p{{Lu}}[\p{{L}}'’.-]*){{0,2}}(?:\s(?i:gate|gata|gatan|vei|veg|vej|gade|väg|vägen|allé|alle|plass|plads|torg|torv))?\s\d{{1,4}}(?:\s?[a-zA-Z](?-u:\b))?|(?i:{BUILDING}\s?)?\d{{1,3}}(?-u:\b)|(?:(?i:{BUILDING})\s)?[A-H](?-u:\b)|(?i:{BACK})(?-u:\b)|(?i:{SPOKEN})(?-u:\b))|(?-u:\b)(?i:{BUILDING}\s?\d{{1,3}},?\s+(?:{FLOOR}|\d{{1,2}}\.\s?(?:et\.|tr(?-u:\b))))|(?i:{BACK}s\s+{FLOOR})"
        ),
    ) else {
        return found;
    };
    for m in spans.iter().flat_map(|&(a, b)| {
        re.find_iter(&text[a..b])
            .map(move |m| (a + m.start(), a + m.end()))
    }) {
        // "i Kvernhusbakken 1 går": a house's letter ends with its word, and the pattern's ASCII
        // boundary does not see "å" go on; the letter is the next word's first, and the number ends
        // the find.
        let m = match text[..m.1].char_indices().next_back() {
            Some((l, c))
                if c.is_ascii_lowercase()
                    && text[m.1..].starts_with(char::is_alphabetic)
                    && text[..l]
                        .trim_end_matches(' ')
                        .ends_with(|d: char| d.is_ascii_digit()) =>
            {
                (m.0, text[..l].trim_end_matches(' ').len())
            }
            _ => m,
        };
        let m = FloorFind(text, m.0, m.1);
        // A whole word starts the floor (an ASCII word boundary would not see "øverste" start); a floor
        // in figures right after a word's letters lost its space ("en hund fra3. etasje i 10", as PDF
        // extraction gives it) and starts there all the same.
        let glued = text
            .get(..m.start())
            .and_then(|h| h.chars().next_back())
            .is_some_and(|c| {
                c.is_numeric()
                    || (c.is_alphabetic() && !m.as_str().starts_with(|d: char| d.is_ascii_digit()))
            });
        // An entrance's letter ends where the word ends ("i A", not the "F" of "Fælleshuset", which the
        // ASCII boundary of the pattern does not see).
        let letter_glued = m.as_str().ends_with(|c: char| c.is_ascii_uppercase())
            && text
                .get(m.end()..)
                .and_then(|t| t.chars().next())
                .is_some_and(char::is_alphanumeric);
        if glued || letter_glued || !building_number_ends(text, m.end()) {
            continue;
        }
        found.at_addresses.push(Raw::redact(
            m.start(),
            m.end(),
            Kind::Address,
            Recognizer::Address,
            0.85,
            "a floor at a street address",
        ));
    }
    // "taket i andre etasje hos Vassli", "på tredje sal hos Lund": the floor of someone's home, named by the
    // person who lives there rather than by the building.
    static AT_HOME: OnceLock<Option<Regex>> = OnceLock::new();
    let Some(at_home) = crate::redact::text::whole_text_regex(
        &AT_HOME,
        &format!(r"(?i:({FLOOR}))\s+(?i:hos)\s+\p{{Lu}}"),
    ) else {
        return found;
    };
    for floor in spans.iter().flat_map(|&(a, b)| {
        at_home
            .captures_iter(&text[a..b])
            .filter_map(|c| c.get(1))
            .map(move |f| FloorFind(text, a + f.start(), a + f.end()))
    }) {
        let glued = text
            .get(..floor.start())
            .and_then(|h| h.chars().next_back())
            .is_some_and(char::is_alphanumeric);
        if glued {
            continue;
        }
        found.at_homes.push(Raw::redact(
            floor.start(),
            floor.end(),
            Kind::Address,
            Recognizer::Address,
            0.8,
            "a floor at someone's home",
        ));
    }
    found
}

/// A find of [`floors_in`]' patterns, at its place in the whole text.
#[derive(Clone, Copy)]
struct FloorFind<'t>(&'t str, usize, usize);

impl<'t> FloorFind<'t> {
    fn start(self) -> usize {
        self.1
    }
    fn end(self) -> usize {
        self.2
    }
    fn as_str(self) -> &'t str {
        &self.0[self.1..self.2]
    }
}

/// The parts of `text` that may hold a find of [`floors_in`]' patterns, or `None` for all of it.
///
/// Each pattern read the whole text (two passes at ~13 instructions a byte) though a floor is named in
/// a few lines. A find holds only letters, digits, white space and `.,'’-`, so it lies inside one run
/// of text between two of the ASCII signs it cannot hold (`:`, `(`, `"`, `/` …); a sign of those
/// is no ASCII word character, so the patterns' ASCII word boundaries see the same at a run's ends
/// as in the whole text. And a find holds a floor word (`etasj`, `etage`, `sal`, `våning`, `etg`,
/// `trapp`, `høgd`, in any case) or a floor in figures after a stairwell's number (`. et.`, `.tr`). So the
/// runs that hold one of those are searched, and no other. Only two letters fold to an ASCII letter
/// or an å from beyond them (`ſ`, the ångström sign); a text with either is searched whole.
fn floor_spans(text: &str) -> Option<Vec<(usize, usize)>> {
    let bytes = text.as_bytes();
    if ["\u{17F}", "\u{212B}"]
        .iter()
        .any(|c| memchr::memmem::find(bytes, c.as_bytes()).is_some())
    {
        return None;
    }
    let lower = bytes.to_ascii_lowercase();
    let mut cues: Vec<usize> = Vec::new();
    // "våning" in capitals is "vÅning" once its ASCII letters are lowered.
    for w in [
        "etasj",
        "etage",
        "sal",
        "våning",
        "v\u{C5}ning",
        "etg",
        "trapp",
        "lejligheden",
        // Nynorsk "andre høgda" (and "HØGDA").
        "høgd",
        "h\u{D8}gd",
    ] {
        cues.extend(memchr::memmem::find_iter(&lower, w.as_bytes()));
    }
    // A floor in figures: a full stop, perhaps one white space, then "et." or "tr".
    for dot in memchr::memchr_iter(b'.', &lower) {
        let after = dot + 1;
        let spaced = text
            .get(after..)
            .and_then(|t| t.chars().next())
            .filter(|c| c.is_whitespace())
            .map_or(after, |c| after + c.len_utf8());
        if [after, spaced].iter().any(|&q| {
            lower
                .get(q..)
                .is_some_and(|t| t.starts_with(b"et.") || t.starts_with(b"tr"))
        }) {
            cues.push(dot);
        }
    }
    cues.sort_unstable();
    // An ASCII sign no find can hold.
    const SPLITS: [bool; 256] = {
        let mut t = [false; 256];
        let signs = b"!\"#$%&()*+/:;<=>?@[\\]^`{|}~";
        let mut i = 0;
        while i < signs.len() {
            t[signs[i] as usize] = true;
            i += 1;
        }
        t
    };
    let splits = |b: u8| SPLITS[usize::from(b)];
    let mut spans: Vec<(usize, usize)> = Vec::new();
    for c in cues {
        if spans.last().is_some_and(|&(_, b)| c < b) {
            continue;
        }
        let a = bytes[..c]
            .iter()
            .rposition(|&b| splits(b))
            .map_or(0, |i| i + 1);
        let b = bytes[c..]
            .iter()
            .position(|&b| splits(b))
            .map_or(bytes.len(), |i| c + i);
        spans.push((a, b));
    }
    Some(spans)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts that one of this module's scans finds in `text`, in its order.
    fn spans(scan: fn(&str, &mut Vec<Raw>), text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(text, &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    fn apart(text: &str) -> Vec<String> {
        spans(floors_with_a_side_apart, text)
    }

    /// Regression (a must-go of retired batch 54): a floor in figures at a building's number whose
    /// space before it PDF extraction lost ("en hund fra3. etasje i 10") was taken for the end of a
    /// word; a floor in words run into a word, or a number run on from digits, still is not one.
    #[test]
    fn regression_a_floor_in_figures_run_into_the_word_before() {
        let found = |text: &str| {
            let mut out = Vec::new();
            floor_addresses(text, &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Katten fra2. etasje i 14 løper i trappen."),
            ["2. etasje i 14"]
        );
        assert_eq!(found("Det gjelder 2. etasje i 14."), ["2. etasje i 14"]);
        assert!(found("Utsikten fraandre etasje i 14 er fin.").is_empty());
        assert!(found("Bilag 102. etasje i 14.").is_empty());
    }

    /// A home named by its noun, perhaps its owner's possessive between, on a floor (invented
    /// sentences); a floor of a common room or a noun run on stays.
    #[test]
    fn a_home_on_a_floor() {
        let found = |text: &str| spans(homes_on_a_floor, text);
        assert_eq!(
            found("Sigrid har selt husværet sitt i fjerde etasje til ein nevø."),
            ["husværet sitt i fjerde etasje"]
        );
        assert_eq!(
            found("Han hyr ut lägenheten på andra våningen."),
            ["lägenheten på andra våningen"]
        );
        assert_eq!(
            found("Lejligheden på 3. sal er solgt."),
            ["Lejligheden på 3. sal"]
        );
        for stays in [
            "Vaskeriet i første etasje er stengt.",
            "Boligenheten i andre etasje.",
            "Styret møttes i andre etasje.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A Swedish floor written short ("bv", "2 tr") in a house named by its number as a word or in
    /// figures (invented sentences); other words after "bv i", or a word run on, stay.
    #[test]
    fn a_swedish_short_floor_in_a_house_named_by_its_number() {
        let found = |text: &str| spans(swedish_floors_in_spoken_houses, text);
        assert_eq!(
            found("Sigrun på bv i fyran har fått en ny diskmaskin."),
            ["bv i fyran"]
        );
        assert_eq!(found("Läckan (2 tr i sexan) är lagad."), ["2 tr i sexan"]);
        assert_eq!(found("Det gäller BV i 7:an."), ["BV i 7:an"]);
        // The top or the bottom of a house, and a floor or a flat by its number as a word in one.
        assert_eq!(
            found("Jag bor högst upp i femman sedan maj."),
            ["högst upp i femman"]
        );
        assert_eq!(
            found("Ove på trean i sjuan klagar. Tvåan i fyran är såld."),
            ["trean i sjuan", "Tvåan i fyran"]
        );
        // A floor by "våning", its marks typed or lost.
        assert_eq!(
            found("Grannen på våning 3 i sexan och hunden på tredje vaningen i fyran. Bottenvåningen i \
                   tvåan och 2:a våningen i sjuan."),
            ["våning 3 i sexan", "tredje vaningen i fyran", "Bottenvåningen i tvåan", "2:a våningen i sjuan"]
        );
        for stays in [
            "Cykeln står på bv i förrådet.",
            "Han bor i trean i tre år till.",
            "Längst ner i trappan.",
            "Vi sjöng högst upp i kören.",
            "Vi ses bv i fyrans tvättstuga.",
            "abv i fyran",
            "Sektr i fyran",
            "våning 3 i sexans trapphus",
            "Mötet i våningen i fyran",
            "flera våningen i trean",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A floor in a house named by its number as speech says it ("i fyran", "i femmern", "i tolveren")
    /// places one home as "i nr. 4" does; a floor before another word stays.
    #[test]
    fn a_floor_in_a_house_named_by_its_spoken_number() {
        let found = |text: &str| spans(floor_addresses, text);
        assert_eq!(
            found("Jag bor på tredje våningen i fyran, sedan i maj."),
            ["tredje våningen i fyran"]
        );
        assert_eq!(
            found("Bråk fra leiligheten (3. etg. i femmern)."),
            ["3. etg. i femmern"]
        );
        assert_eq!(found("Støj fra 1. sal i tolveren."), ["1. sal i tolveren"]);
        assert!(found("Vi møtes i 3. etasje i fyrverkeriets pause.").is_empty());
    }

    /// A floor and the flat's side with a few words between (the same building, the flat's or the
    /// door's noun), in the three languages; a floor with its side right after it is the flats' rule,
    /// and a side that is a direction ("till höger om hissen", "til højre for døren") is none.
    #[test]
    fn a_floor_and_its_side_a_few_words_apart() {
        assert_eq!(
            apart(
                "Rampen byggs för en boende tre trappor upp i samma hus, lägenheten till vänster."
            ),
            ["tre trappor upp i samma hus, lägenheten till vänster"]
        );
        assert_eq!(
            apart("Naboen to trapper op, døren til højre, har klaget."),
            ["to trapper op, døren til højre"]
        );
        assert_eq!(
            apart("Ho bur i andre høgda, til venstre når du kjem inn."),
            ["andre høgda, til venstre"]
        );
        assert!(apart("Styrelserummet ligger två trappor upp, till höger om hissen.").is_empty());
        assert!(apart("Gå tre trapper op, til højre for døren.").is_empty());
        assert!(apart("Leiligheten i tredje etasje til høyre er solgt.").is_empty());
        assert!(apart("Vi går til højre.").is_empty());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The floors found in the parts [`super::floor_spans`] keeps are the ones a search of the whole
        /// text finds: floors in figures and in words, in capitals, after a stairwell, at someone's
        /// home, with the signs that end a part, white space beyond ASCII and the letters that fold
        /// to ASCII from beyond it, amid generated minutes.
        #[test]
        fn floors_in_their_parts_are_the_whole_texts(
            parts in proptest::collection::vec(floor_token(), 0..60),
        ) {
            let text: String = parts.concat();
            let mut whole = Vec::new();
            super::floors_in(&text, None).place(&mut whole);
            let mut parted = Vec::new();
            super::floors_in(&text, super::floor_spans(&text).as_deref()).place(&mut parted);
            let key = |r: &Raw| (r.start, r.end, r.reason);
            proptest::prop_assert_eq!(
                whole.iter().map(key).collect::<Vec<_>>(),
                parted.iter().map(key).collect::<Vec<_>>()
            );
        }
    }

    /// A text with a letter that folds to an ASCII one from beyond ASCII is searched whole.
    #[test]
    fn a_floor_with_a_long_s_is_searched_in_the_whole_text() {
        for text in [
            "Det lekker i tredje ſal i Storveien 4, ikke i 2. etasje: sa Lund",
            "i 2. v\u{212B}ning i Storgatan 3 och 1 etg",
        ] {
            assert_eq!(super::floor_spans(text), None);
            let mut found = Vec::new();
            super::floor_addresses(text, &mut found);
            let mut whole = Vec::new();
            super::floors_in(text, None).place(&mut whole);
            assert_eq!(found.len(), whole.len());
            assert!(!found.is_empty());
        }
    }

    /// [`super::floors_after_persons`] as first written: its pattern run on every person's line.
    fn floors_after_persons_by_chars(text: &str, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
        if persons.is_empty() {
            return;
        }
        static OLD: OnceLock<Option<Regex>> = OnceLock::new();
        let Some(re) = OLD
            .get_or_init(|| Regex::new(&super::floor_after_person_pattern()).ok())
            .as_ref()
        else {
            return;
        };
        for &(_, end) in persons {
            let Some(rest) = text.get(end..) else {
                continue;
            };
            // A floor is a few words on: only the line's next 160 bytes are read.
            let cut = rest
                .char_indices()
                .take_while(|&(i, c)| i < 160 && c != '\n')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            let Some(floor) = re.captures(&rest[..cut]).and_then(|c| c.get(1)) else {
                continue;
            };
            let (start, stop) = (end + floor.start(), end + floor.end());
            // The floor ends where its word ends ("4 a" is a house's letter only before a non-letter).
            if text[stop..]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
                && !floor.as_str().ends_with('.')
            {
                continue;
            }
            if out.iter().any(|r| r.start < stop && start < r.end) {
                continue;
            }
            out.push(Raw::redact(
                start,
                stop,
                Kind::Address,
                Recognizer::Address,
                0.8,
                "a floor after the person who lives there",
            ));
        }
    }

    /// A rule that finds floors from the persons found in a text.
    type FloorRule = fn(&str, &[(usize, usize)], &mut Vec<Raw>);

    /// What `rule` finds in `text` with `person` (its first occurrence) as the person found there,
    /// joined by '|'.
    fn after_person(rule: FloorRule, text: &str, person: &str) -> String {
        let at = text.find(person).map(|s| (s, s + person.len()));
        let mut out = Vec::new();
        rule(text, at.as_slice(), &mut out);
        out.iter()
            .map(|r| &text[r.start..r.end])
            .collect::<Vec<_>>()
            .join("|")
    }

    /// A floor by its ordinal alone right after a person, in the three languages; a noun after the
    /// ordinal or no person before it leaves it alone.
    #[test]
    fn a_bare_ordinal_floor_after_the_person_who_lives_there() {
        let found =
            |t: &str, person: &str| after_person(super::bare_floors_after_persons, t, person);
        assert_eq!(
            found("Klage fra Tordis H. i tredje, om musikk.", "Tordis H."),
            "tredje"
        );
        assert_eq!(
            found("Sigurd Vang på femte har fått ny dør.", "Sigurd Vang"),
            "femte"
        );
        assert_eq!(
            found(
                "Mejl från Alva Ling på fjärde och hennes granne.",
                "Alva Ling"
            ),
            "fjärde"
        );
        assert_eq!(found("Søren Bak på anden.", "Søren Bak"), "anden");
        // The building by its number after the ordinal.
        assert_eq!(
            found(
                "Andel 9 er Gerda Holt på fjerde i 22. Hun har betalt.",
                "Gerda Holt"
            ),
            "fjerde i 22"
        );
        assert_eq!(
            found("Vibeke Ravn på anden i nr. 5 ringede.", "Vibeke Ravn"),
            "anden i nr. 5"
        );
        // A date or a year after "i" is no building.
        assert_eq!(
            found("Søren Bak på anden i 12.06 ringede.", "Søren Bak"),
            ""
        );
        assert_eq!(found("Søren Bak på anden i 2025 ringede.", "Søren Bak"), "");
        assert_eq!(found("Kari Ness i første omgang.", "Kari Ness"), "");
        assert_eq!(found("Alva Ling vann i andra rundan.", "Alva Ling"), "");
        assert_eq!(found("Vi møtes i tredje, sa styret.", "styret"), "");
    }

    /// A flat by its height and its side in an entrance named by its number; a side alone, or an
    /// entrance with no flat before it, stays.
    #[test]
    fn a_flat_by_its_height_and_side_in_an_entrance() {
        let found = |t: &str| {
            super::flats_by_position_in_an_entrance(t)
                .iter()
                .map(|r| t[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Fukt i lägenheten längst ner till vänster i port 3. Bor i\nandra våningens högra lägenhet i port 5b."),
            ["lägenheten längst ner till vänster i port 3", "andra våningens högra lägenhet i port 5b"]
        );
        assert_eq!(
            found("Lekk frå leiligheten øverst til høyre i oppgang 2."),
            ["leiligheten øverst til høyre i oppgang 2"]
        );
        for stays in [
            "Lampan i lägenheten till höger i port 3 är trasig.",
            "Rabatterna vid port 6 grävs om. Rapport 4 läggs fram.",
            "Hissen högst upp i port 4 stannar.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A house by its place in a row: an ordinal and where it is counted from.
    #[test]
    fn a_house_by_its_place_in_a_row() {
        let found = |t: &str| {
            super::houses_by_their_place_in_a_row(t)
                .iter()
                .map(|r| t[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Kabelen frå tredje huset frå enden i nedre rekkja går. Dei i det siste huset ved innkøyringa klaga."),
            ["tredje huset frå enden i nedre rekkja", "det siste huset ved innkøyringa"]
        );
        assert_eq!(
            found("Taget på det andra huset i längan läcker."),
            ["det andra huset i längan"]
        );
        for stays in [
            "Mødet blev holdt i Fælleshuset ved legepladsen.",
            "Lekkasje hjå Kari og i huset ved sida av.",
            "Det første huset vi så var fint.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A neighbour by a noun before a floor, the floor in words or in figures (the Swedish "3:e" too),
    /// places a home as a name does; a noun of no person, or a floor far on, does not.
    #[test]
    fn a_floor_after_a_neighbour_by_a_noun() {
        let found = |t: &str| {
            let anchors = super::dwellers_before_floors(t);
            let mut out = Vec::new();
            super::floors_after_persons(t, &anchors, &mut out);
            out.iter()
                .map(|r| t[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Klagomålet gäller killen på 4:e våningen och hans hund."),
            ["4:e våningen"]
        );
        assert_eq!(
            found("Naboen i andre etasje har klaget, og (familien på 2. sal) svarte."),
            ["andre etasje", "2. sal"]
        );
        // Where the neighbour lives from the writer between, and the noun without its article.
        assert_eq!(
            found("Naboen på skrå under meg i tredje etasje spiller høyt. Nabo i 2. etasje er leietaker."),
            ["tredje etasje", "2. etasje"]
        );
        for stays in [
            "Tvättstugan på 1:a våningen är stängd.",
            "Møtet i andre etasje begynte kl. 18.",
            "Naboen har klaget på lyset i andre etasje.",
            "Naboen har sett under taket i andre etasje.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A floor that a relative clause says a person lives on, in the three languages; a floor without
    /// the clause, or a clause about something else, stays.
    #[test]
    fn a_floor_where_the_person_after_it_lives() {
        let found = |t: &str, person: &str| after_person(super::floors_before_dwellers, t, person);
        assert_eq!(
            found("Larm fra 3. sal, hvor Villads bor, om natten.", "Villads"),
            "3. sal"
        );
        assert_eq!(
            found("Støy fra andre etasje der Ragnhild bor.", "Ragnhild"),
            "andre etasje"
        );
        assert_eq!(
            found(
                "Buller från tredje våningen, där Ali Demir bodde.",
                "Ali Demir"
            ),
            "tredje våningen"
        );
        assert_eq!(
            found("Klagomål från fjärde våningen där familjen Ek bor.", "Ek"),
            "fjärde våningen"
        );
        assert_eq!(
            found("Lugt fra 1. sal, hvor fru Holm bor.", "Holm"),
            "1. sal"
        );
        assert_eq!(
            found("Mødet er på 2. sal, hvor Villads holder oplæg.", "Villads"),
            ""
        );
        assert_eq!(
            found("Vi mødes på 2. sal. Villads bor i nr. 4.", "Villads"),
            ""
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// Regression guard for the speed-up of the floors after a person (the line's window found
        /// with one search, the pattern run only where a floor word is): the floors found are the
        /// first version's, after every capitalised word taken for a person.
        #[test]
        fn floors_after_persons_as_first_written(
            parts in proptest::collection::vec(floor_token(), 0..60),
        ) {
            let text: String = parts.concat();
            let mut persons = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
                match (start, c.is_alphabetic()) {
                    (None, true) if c.is_uppercase() => start = Some(i),
                    (Some(s), false) => {
                        persons.push((s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            // Findings there before: every third person's span, and one across two of them.
            let mut new: Vec<Raw> = persons
                .iter()
                .step_by(3)
                .map(|&(s, e)| Raw::redact(s, e, Kind::Person, Recognizer::UnknownName, 0.7, "test"))
                .collect();
            if let (Some(a), Some(b)) = (persons.get(1), persons.get(4)) {
                new.push(Raw::redact(a.0, b.1, Kind::Person, Recognizer::UnknownName, 0.7, "test"));
            }
            let mut old = new.clone();
            super::floors_after_persons(&text, &persons, &mut new);
            floors_after_persons_by_chars(&text, &persons, &mut old);
            let key = |r: &Raw| (r.start, r.end, r.reason);
            proptest::prop_assert_eq!(
                new.iter().map(key).collect::<Vec<_>>(),
                old.iter().map(key).collect::<Vec<_>>()
            );
        }

        /// The window read after a person ends where the characters starting in its first 160
        /// bytes end, or at the line's end.
        #[test]
        fn the_window_after_a_person_is_the_chars(rest in "[a\n ø€𝄞]{0,200}") {
            let by_chars = rest
                .char_indices()
                .take_while(|&(i, c)| i < 160 && c != '\n')
                .last()
                .map_or(0, |(i, c)| i + c.len_utf8());
            proptest::prop_assert_eq!(super::line_window(&rest), by_chars);
        }
    }

    fn floor_token() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let words: Vec<String> = [
            "3.",
            "12.",
            "tredje",
            "andre",
            "øverste",
            "etasje",
            "etasjen",
            "etage",
            "sal",
            "våning",
            "våningen",
            "etg.",
            "etg",
            "trappor",
            "trappa",
            "Stuelejligheden",
            "kælderlejligheden",
            "två",
            "upp",
            "i",
            "på",
            "hos",
            "Lund",
            "Storveien",
            "Lyngveien 6",
            "Långgatan 9",
            "gate",
            "vej",
            "oppgang",
            "oppg.",
            "uppg.",
            "nr.",
            "nr",
            "blokk",
            "huset",
            "baghuset",
            "baghusets",
            "GÅRDSHUSET",
            "bakbygningens",
            "25",
            "21",
            "9",
            "A",
            "F",
            "Fælleshuset",
            "et.",
            "tr",
            "kl. 18",
            "år",
            "sa",
            "l",
            "ETASJE",
            "andre etasje hos Lund",
            "3. sal hos",
            "tredje etasje i Storveien 4",
            "oppg. 21, 3. et.",
            "uppgång 5, 2. tr",
            "SAL",
            "VÅNING",
            "Hos",
            "stuen",
            "fra",
            "från",
            "s",
            "'s",
            "bad",
            "STUEN",
            "ſal",
            "v\u{212B}ning",
            "Berg fra stuen",
            "Ida Berg i stuen i Lyngveien 4",
            "Dal i første etasje",
            "Bøes bad i 2. etasje",
            "Eva på andra våningen i port 1",
            "Siv från STUEN nr. 3",
        ]
        .map(str::to_string)
        .to_vec();
        prop_oneof![
            6 => prop::sample::select(words).prop_flat_map(|w| {
                prop::sample::select(vec![w.clone(), w.to_uppercase(), {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
                }])
            }),
            6 => prop::sample::select(&[
                " ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\u{a0}", "\u{2028}", ".", ". ", ",",
                ", ", "-", "'", ":", "(", ")", "\"", "/", ";", "!", "_", "ø", "x", "5", "–",
            ][..])
            .prop_map(str::to_string),
            1 => crate::redact::testgen::text(),
        ]
    }

    /// [`super::swedish_floors_in_spoken_houses`] as it was before its one search for " i ": a search
    /// of the whole text for "an i " and for each cue (the reference its speed-up is held to).
    fn swedish_floors_by_a_search_per_cue(text: &str) -> Vec<(usize, usize, &'static str)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(bytes, b"an i ") {
            found.extend(super::spoken_house_in_a_spoken_house(text, at));
        }
        for cue in super::SPOKEN_HOUSE_CUES {
            for at in memchr::memmem::find_iter(bytes, cue.as_bytes()) {
                found.extend(super::floor_by_a_cue(text, at, cue));
            }
        }
        super::spoken_houses_after_våning(text, &mut found);
        found.iter().map(|r| (r.start, r.end, r.reason)).collect()
    }

    fn spoken_house_piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            " i ", "i ", " i", "an", "trean", "sjuan", "6:an", "bv", "BV", "Bv", "tr", "tr.", "2 ",
            "1", "längst", " upp", " ner", "högst", "överst", "nederst", "våning ", "3", " ", "x",
            "ä", "\n", ".",
        ])
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// One search for " i " finds what a search per cue found, in the same order: the cues and
        /// the spoken houses glued, overlapping, run on and cut short.
        #[test]
        fn swedish_floors_by_one_search_are_the_searches_per_cue(
            parts in proptest::collection::vec(spoken_house_piece(), 0..40),
        ) {
            let text: String = parts.concat();
            let mut found = Vec::new();
            super::swedish_floors_in_spoken_houses(&text, &mut found);
            let got: Vec<_> = found.iter().map(|r| (r.start, r.end, r.reason)).collect();
            proptest::prop_assert_eq!(got, swedish_floors_by_a_search_per_cue(&text));
        }
    }

    /// Regression (speed, one search for " i " instead of one per cue): two finds that share a
    /// house ("trean i sjuan i femman") and a cue right after another's " i " are each found, in the
    /// order the searches per cue gave them (invented sentences).
    #[test]
    fn regression_swedish_floors_by_one_search_for_their_cues() {
        let found = |text: &str| spans(swedish_floors_in_spoken_houses, text);
        assert_eq!(
            found("Trean i sjuan i femman, och bv i trean; 1 tr i tvåan."),
            [
                "Trean i sjuan",
                "sjuan i femman",
                "bv i trean",
                "1 tr i tvåan"
            ]
        );
        let text = "Vi bor nederst i fyran, bv i sexan och längst upp i ettan.";
        assert_eq!(
            found(text),
            ["bv i sexan", "längst upp i ettan", "nederst i fyran"]
        );
        assert_eq!(
            found(text).len(),
            swedish_floors_by_a_search_per_cue(text).len()
        );
    }
}
