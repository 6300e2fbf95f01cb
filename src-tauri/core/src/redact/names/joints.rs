//! The small parts of a person's name the findings leave beside it: a particle glued before the name
//! ("al-Assad", "d'Arc", "O'Brien") or standing between two found parts of it ("Osama bin Laden"), a
//! generation after it ("Petter Northug jr.", "Leopold III"), the lower-case syllable of a hyphened given
//! name ("Ban Ki-moon"), and the genitive of a name the text names elsewhere ("Epiktet … Epiktets råd").
//! Each of them only grows a person the findings already hold; none makes a person of its own.

use aho_corasick::{AhoCorasick, MatchKind, StartKind};

use super::super::text::{AnchoredStarts, Lanes};

use super::super::lists::{first_names, is_place};
use super::super::policy::{
    company_follows, overlaps_any, resolve_with, Raw, SURNAME_BEFORE_A_VERB,
    WORD_NAME_IN_A_NAMES_PLACE,
};
use super::super::text::{FastMap as HashMap, FastSet as HashSet};
use super::super::{Decision, Kind};

/// Why a genitive was taken: the person it is the genitive of was found elsewhere in the text.
pub(crate) const GENITIVE_OF_A_PERSON_FOUND: &str = "the genitive of a person the text names";

/// Particles that are written glued to the name they open, with a hyphen or an apostrophe ("al-Assad",
/// "bin-Laden", "d'Arc", "O'Brien"). Arabic articles and kin words, the French and Italian "d'", the Irish "O'".
const GLUED: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu", "ben", "d", "o",
];

/// Whether `w` (lower case, without its hyphen or apostrophe) is a particle written glued to the name it
/// opens ("al" of "al-Assad", "d" of "d'Arc").
pub fn is_glued_particle(w: &str) -> bool {
    GLUED.contains(&w)
}

/// Particles that open a name after a space and are no word of the Nordic languages ("bin Laden",
/// "ibn Saud", "abu Bakr", "al Gaddafi").
const SPACED: &[&str] = &["bin", "ibn", "abu", "al"];

/// Particles between two found parts of one name ("Jeanne de Brun", "Kari von Halle", "Osama bin
/// Laden"): the particles of `assets/words/particles.txt` that are no Nordic word between two names
/// ("da", "du", "der", "den", "la", "le", "av", "af" are: "… sa Hansen da Olsen kom").
const BETWEEN: &[&str] = &[
    "von", "van", "de", "di", "del", "dos", "das", "zu", "ten", "ter", "bin", "ibn", "al", "el",
];

/// A generation written after a name ("jr.", "sr.", "d.y.").
const GENERATIONS: &[&str] = &["jr.", "sr.", "jr", "sr", "d.y.", "d.æ.", "d.e.", "d.ä."];

/// The nouns for a government that names a cabinet after its prime minister and a numeral ("ministeriet
/// Schlüter IV", "regjeringa Bondevik II").
const CABINETS: &[&str] = &[
    "regering",
    "regeringen",
    "regeringens",
    "regjering",
    "regjeringen",
    "regjeringa",
    "regjeringens",
    "regjeringas",
    "ministeriet",
    "ministeriets",
    "kabinett",
    "kabinettet",
    "kabinettets",
    "regeringens",
];

/// Whether the name at `start..end`, with a roman numeral after it, names a cabinet: a government's noun
/// before it or glued after the numeral ("Bondevik II-regjeringa").
fn cabinet(text: &str, start: usize, numeral_end: usize) -> bool {
    let before = text
        .get(..start)
        .and_then(|h| h.strip_suffix(' '))
        .and_then(word_ending)
        .is_some_and(|(_, w)| CABINETS.contains(&w.to_lowercase().as_str()));
    let glued = text.get(numeral_end..).is_some_and(|t| {
        t.strip_prefix('-').is_some_and(|t| {
            let w = t.to_lowercase();
            w.starts_with("regering") || w.starts_with("regjering") || w.starts_with("ministeri")
        })
    });
    before || glued
}

/// "Bondevik II": one word no list knows as a first name before a numeral is a cabinet too; kings and
/// popes are written by their first name ("Christian IV", "Benedikt XVI").
fn surname_with_a_numeral(text: &str, start: usize, numeral_end: usize) -> bool {
    let name = text.get(start..numeral_end).unwrap_or("");
    name.matches(' ').count() == 1
        && name
            .split(' ')
            .next()
            .is_some_and(|w| first_names().get(&w.to_lowercase()).is_none())
}

/// Whether `w` is a roman numeral of a king's, a pope's or a son's generation: II to XXXIX ("I" alone is
/// a word in Swedish and too often a list's number).
pub fn roman_generation(w: &str) -> bool {
    if w.len() < 2 || !w.bytes().all(|b| matches!(b, b'I' | b'V' | b'X')) {
        return w == "V" || w == "X";
    }
    // Tens, then a unit written the standard way.
    let rest = w.trim_start_matches('X');
    if w.len() - rest.len() > 3 {
        return false;
    }
    matches!(
        rest,
        "" | "I" | "II" | "III" | "IV" | "V" | "VI" | "VII" | "VIII" | "IX"
    )
}

/// Whether `a` and `b` name a couple that shares a surname ("Lise og Torben Vinther", "Hege og Sindre
/// Bratli", "Agneta och Mats Stridh"): `a` one capitalised word, "og"/"och" between, `b` a capitalised
/// given name and at least one more capitalised word or an initial after it. The couple is one name
/// (the surname is the first person's too), so the "og" between goes with it.
fn couple(text: &str, a: &Raw, b: &Raw) -> bool {
    let (Some(first), Some(second)) = (text.get(a.start..a.end), text.get(b.start..b.end)) else {
        return false;
    };
    let capitalised = |w: &str| {
        let mut c = w.chars();
        c.next().is_some_and(char::is_uppercase) && c.any(char::is_lowercase)
    };
    let mut parts = second.split(' ');
    matches!(text.get(a.end..b.start), Some(" og " | " och "))
        && capitalised(first)
        && first.chars().all(|c| c.is_alphabetic() || c == '-')
        && parts.next().is_some_and(capitalised)
        && parts
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase))
}

/// Where the first of a couple sharing a surname starts, before a person named in full at `start..end`
/// and "og"/"och" ("Kaj og Bodil Strand"): a capitalised word on a first-name list (a word too, "Kaj",
/// but no thing's word nor a place), the name after it a first name the lists know and a capitalised
/// word, and no capitalised word right before the first one (a firm's or a title's name).
fn first_name_of_a_couple(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = text.get(start..end)?;
    let (given, rest) = name.split_once(' ')?;
    let listed = |w: &str| {
        let key = w.to_lowercase();
        first_names().get(&key).is_some_and(|i| !i.thing) && !is_place(&key)
    };
    if !listed(given) || !rest.starts_with(char::is_uppercase) {
        return None;
    }
    let head = text[..start]
        .strip_suffix(" og ")
        .or_else(|| text[..start].strip_suffix(" och "))?;
    let (from, word) = word_ending(head)?;
    let mut chars = word.chars();
    let capitalised = chars.next().is_some_and(char::is_uppercase)
        && chars.clone().next().is_some()
        && chars.all(char::is_lowercase);
    let before = head[..from].strip_suffix(' ').and_then(word_ending);
    let after_a_capital = before.is_some_and(|(_, w)| w.starts_with(char::is_uppercase));
    (capitalised
        && listed(word)
        && !after_a_capital
        && !super::super::words::function_words().contains(word.to_lowercase().as_str()))
    .then_some(from)
}

/// Grows the first of each couple sharing a surname ([`couple`]) over the "og" to the end of the second.
/// Only without a register: with one, a first name before "og" is often a resident of its own (a nickname,
/// "Tuffe og Bodil Ravn"), and the register names each person whole.
pub fn couples(text: &str, protected: &[(usize, usize)], mut raw: Vec<Raw>) -> Vec<Raw> {
    // "Forslag fra Kaj og Bodil Strand": the first of the couple a first name that is a word too, which
    // no rule took alone; the second's name in full says it is a person's.
    let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    for r in raw.iter_mut().filter(|r| is_person(r)) {
        if let Some(from) = first_name_of_a_couple(text, r.start, r.end) {
            if !overlaps_any(&covered, from, r.start) && !overlaps_any(protected, from, r.start) {
                r.start = from;
            }
        }
    }
    let persons: Vec<usize> = (0..raw.len()).filter(|&i| is_person(&raw[i])).collect();
    let mut grow: Vec<(usize, usize)> = Vec::new();
    for w in persons.windows(2) {
        let (a, b) = (&raw[w[0]], &raw[w[1]]);
        if a.end < b.start && couple(text, a, b) && !overlaps_any(protected, a.end, b.start) {
            grow.push((w[0], w[1]));
        }
    }
    if grow.is_empty() {
        return raw;
    }
    // The first grows over the second, which goes: the findings stay sorted and apart.
    let mut gone = vec![false; raw.len()];
    for &(i, j) in &grow {
        raw[i].end = raw[j].end;
        gone[j] = true;
    }
    let mut k = 0;
    raw.retain(|_| {
        k += 1;
        !gone[k - 1]
    });
    raw
}

fn is_person(r: &Raw) -> bool {
    r.kind == Kind::Person && r.decision == Decision::Redact
}

/// Where the word (letters only) that ends `head` starts, if a letter ends it and no letter, digit or
/// joining mark comes before the word.
fn word_ending(head: &str) -> Option<(usize, &str)> {
    let from = head
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphabetic())
        .map_or(0, |(i, c)| i + c.len_utf8());
    let word = &head[from..];
    let before = head[..from].chars().next_back();
    (!word.is_empty()
        && before.is_none_or(|c| !(c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))))
    .then_some((from, word))
}

/// Where a particle glued or spaced before `start` opens the name, if one does.
fn particle_before(text: &str, start: usize) -> Option<usize> {
    let head = text.get(..start)?;
    if let Some(h) = head
        .strip_suffix('-')
        .or_else(|| head.strip_suffix('\''))
        .or_else(|| head.strip_suffix('’'))
    {
        let (from, word) = word_ending(h)?;
        let apostrophe = !head.ends_with('-');
        let ok = match word {
            // "O'Brien": the Irish particle is a capital and an apostrophe.
            "O" => apostrophe,
            // "d'Arc": the French one an apostrophe, never a hyphen ("d-" is no particle).
            "d" => apostrophe,
            w => GLUED.contains(&w) && w != "o",
        };
        return ok.then_some(from);
    }
    let h = head.strip_suffix(' ')?;
    let (from, word) = word_ending(h)?;
    SPACED.contains(&word).then_some(from)
}

/// Where a generation or the syllable of a hyphened given name after the name at `start..end` ends it.
fn closing_after(text: &str, start: usize, end: usize) -> Option<usize> {
    let rest = text.get(end..)?;
    let bounded = |len: usize| {
        rest.get(len..)
            .and_then(|t| t.chars().next())
            .is_none_or(|c| !c.is_alphanumeric() && c != '-')
    };
    if let Some(after) = rest.strip_prefix(' ') {
        let word: &str = after
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | ')' | '!' | '?'))
            .next()
            .unwrap_or("");
        // "jr." ends a sentence too: "… vann Petter Northug jr." keeps its full stop either way.
        if let Some(g) = GENERATIONS
            .iter()
            .find(|g| word == **g || word.strip_suffix('.') == Some(g))
        {
            let len = 1 + g.len();
            return bounded(len).then_some(end + len);
        }
        let numeral: &str = after
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        let numeral_end = end + 1 + numeral.len();
        if roman_generation(numeral)
            && (bounded(1 + numeral.len()) || cabinet(text, start, numeral_end))
        {
            return Some(numeral_end);
        }
        // "… eller TE Lindvik i styrelsens …": a person found as two or three bare capitals, their
        // initials, takes the capitalised word right after it on the line as the surname.
        return surname_after_initials(text, start, end, numeral);
    }
    // "Ban Ki-moon", "Kim Jong-un": a given name of two short syllables, the second in lower case, after
    // a family name; only in a name of two words or more whose last is short, so no compound of a surname
    // and a noun ("Bush-troppane", "Obama-tida") is read so.
    let tail = rest.strip_prefix('-')?;
    let name = text.get(start..end)?;
    let last = name.rsplit(' ').next().unwrap_or(name);
    let syllable: String = tail.chars().take_while(|c| c.is_alphabetic()).collect();
    let n = syllable.chars().count();
    let genitive = syllable.ends_with('s') && n > 2;
    let core = if genitive { n - 1 } else { n };
    (name.contains(' ')
        && last.chars().count() <= 4
        && (1..=4).contains(&core)
        && syllable.chars().all(char::is_lowercase)
        && bounded(1 + syllable.len()))
    .then_some(end + 1 + syllable.len())
}

/// Where the bare initials before a surname found alone at `start..end` begin ("… eller TE Lindvik"): two
/// or three capitals right before it after one space, standing alone (a space, a line's start or an
/// opening bracket before them), no function word ("PÅ", "OG").
fn initials_before(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = text.get(start..end)?;
    if name.contains([' ', '-']) || !name.chars().skip(1).all(char::is_lowercase) {
        return None;
    }
    let head = text.get(..start)?.strip_suffix(' ')?;
    let letters: String = head
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .collect();
    let n = letters.chars().count();
    let from = head.len() - letters.len();
    let alone = head[..from]
        .chars()
        .next_back()
        .is_none_or(|c| c == ' ' || c == '\n' || c == '(');
    let folded = letters.to_lowercase();
    ((2..=3).contains(&n)
        && letters.chars().all(char::is_uppercase)
        && alone
        && !super::super::words::function_words().contains(folded.as_str()))
    .then_some(from)
}

/// Where the dotted initial before a surname found alone at `start..end` begins ("økonomikonsulent T.
/// Espeland", where a role's cue took the surname alone): one capital and a full stop right before it
/// after one space, standing alone (a space, a line's start or an opening bracket before it).
fn dotted_initial_before(text: &str, start: usize, end: usize) -> Option<usize> {
    let name = text.get(start..end)?;
    if name.contains([' ', '.']) || !name.chars().nth(1).is_some_and(char::is_alphabetic) {
        return None;
    }
    let head = text.get(..start)?.strip_suffix(". ")?;
    let c = head.chars().next_back()?;
    let from = head.len() - c.len_utf8();
    let alone = head[..from]
        .chars()
        .next_back()
        .is_none_or(|b| b == ' ' || b == '\n' || b == '(');
    (c.is_uppercase() && alone).then_some(from)
}

/// Where the surname after a person found as bare initials at `start..end` ends ("TE Lindvik", "KLB
/// Aasen"): two or three capitals, then one space and `word`, a capitalised word of three letters or
/// more in lower case after its capital, no function word, place or firm's word, ending the word.
fn surname_after_initials(text: &str, start: usize, end: usize, word: &str) -> Option<usize> {
    let initials = text.get(start..end)?;
    let n = initials.chars().count();
    if !(2..=3).contains(&n) || !initials.chars().all(|c| c.is_uppercase()) {
        return None;
    }
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars.clone().all(char::is_lowercase) && chars.count() >= 2;
    let folded = word.to_lowercase();
    let after = text
        .get(end + 1 + word.len()..)
        .and_then(|t| t.chars().next());
    (capital
        && rest_lower
        && after.is_none_or(|c| !c.is_alphanumeric() && c != '-')
        && !super::super::words::function_words().contains(folded.as_str())
        && !is_place(&folded)
        && !super::super::words::is_company_word(word)
        && !company_follows(text, end + 1 + word.len()))
    .then_some(end + 1 + word.len())
}

/// The findings with the parts beside each person's name joined to it, and the genitives of the names
/// found taken wherever the text writes them alone (see the module's comment). Findings stay sorted and
/// apart.
pub fn name_joints(text: &str, protected: &[(usize, usize)], mut raw: Vec<Raw>) -> Vec<Raw> {
    if !raw.iter().any(is_person) {
        return raw;
    }
    let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    let free = |a: usize, b: usize, own: (usize, usize)| {
        !overlaps_any(protected, a, b)
            && !covered
                .iter()
                .any(|&(s, e)| (s, e) != own && s < b && a < e)
    };
    // Between two found parts: "Osama bin Laden", "Jeanne de Brun".
    let mut grow: Vec<(usize, usize)> = Vec::new();
    let persons: Vec<usize> = (0..raw.len()).filter(|&i| is_person(&raw[i])).collect();
    for w in persons.windows(2) {
        let (a, b) = (&raw[w[0]], &raw[w[1]]);
        let Some(gap) = text.get(a.end..b.start) else {
            continue;
        };
        let particle = gap
            .strip_prefix(' ')
            .and_then(|g| g.strip_suffix(' ').or_else(|| g.strip_suffix('-')));
        if particle.is_some_and(|p| BETWEEN.contains(&p))
            && !overlaps_any(protected, a.end, b.start)
        {
            grow.push((w[0], b.end));
        }
    }
    for (i, end) in grow {
        raw[i].end = end;
    }
    let mut cabinets = Vec::new();
    for i in 0..raw.len() {
        if !is_person(&raw[i]) {
            continue;
        }
        let own = (raw[i].start, raw[i].end);
        if let Some(from) = particle_before(text, raw[i].start)
            .or_else(|| initials_before(text, raw[i].start, raw[i].end))
            .or_else(|| dotted_initial_before(text, raw[i].start, raw[i].end))
        {
            if free(from, raw[i].start, own) {
                raw[i].start = from;
            }
        }
        if let Some(to) = closing_after(text, raw[i].start, raw[i].end) {
            // "ministeriet Schlüter IV": a cabinet, no person.
            let numeral = text
                .get(raw[i].end..to)
                .is_some_and(|t| roman_generation(t.trim_start()));
            if numeral && cabinet(text, raw[i].start, to) {
                // Dropped only where the text names no one so elsewhere: a name found elsewhere stays
                // found at every occurrence.
                let name = &text[raw[i].start..raw[i].end];
                let elsewhere = raw
                    .iter()
                    .enumerate()
                    .any(|(j, r)| j != i && is_person(r) && text.get(r.start..r.end) == Some(name));
                if !elsewhere {
                    cabinets.push(i);
                }
                continue;
            }
            if numeral && surname_with_a_numeral(text, raw[i].start, to) {
                continue;
            }
            if free(raw[i].end, to, own) {
                raw[i].end = to;
            }
        }
    }
    let raw: Vec<Raw> = raw
        .into_iter()
        .enumerate()
        .filter(|(i, _)| !cabinets.contains(i))
        .map(|(_, r)| r)
        .collect();
    let raw = super::super::policy::resolve(raw);
    genitives(text, protected, raw)
}

/// The genitive ("Epiktets", "Wells's", "Hansen’s") of every person found at least twice (a name in
/// full counts for its surname), wherever it
/// stands alone, before no capitalised word, and no finding covers it. Not of a first name alone (a shop,
/// a boat: "Helles kolonial") nor of a word the text also writes in lower case ("Kongen … kongen").
fn genitives(text: &str, protected: &[(usize, usize)], raw: Vec<Raw>) -> Vec<Raw> {
    let mut found: Vec<(&str, usize)> = raw
        .iter()
        .enumerate()
        .filter(|(_, r)| {
            is_person(r)
                && r.reason != SURNAME_BEFORE_A_VERB
                && r.reason != WORD_NAME_IN_A_NAMES_PLACE
        })
        .filter_map(|(i, r)| text.get(r.start..r.end).map(|v| (v, i)))
        // A name in full counts for its surname too ("Aurelian Tverrå … Tverrå").
        .flat_map(|(v, i)| {
            let last = v.rsplit_once(' ').map(|(_, l)| (l, i));
            std::iter::once((v, i)).chain(last)
        })
        // A name ending in a sibilant takes only an apostrophe, which no token counts.
        .filter(|(v, _)| {
            v.chars().count() >= 3
                && !v.ends_with(['s', 'x', 'z', 'S', 'X', 'Z'])
                && v.chars().next().is_some_and(char::is_uppercase)
                && (v.contains(' ') || {
                    let key = v.to_lowercase();
                    first_names().get(&key).is_none() && !is_place(&key)
                })
        })
        .collect();
    found.sort_unstable();
    // Found twice or more.
    let mut values: Vec<(String, usize)> = Vec::new();
    let genitives_of = |v: &str| {
        let upper = v.chars().all(|c| !c.is_lowercase());
        let s = if upper { "S" } else { "s" };
        [format!("{v}{s}"), format!("{v}'{s}"), format!("{v}’{s}")]
    };
    let mut seen: HashSet<&str> = HashSet::default();
    for w in found.chunk_by(|a, b| a.0 == b.0).filter(|w| w.len() >= 2) {
        let (v, i) = w[0];
        seen.insert(v);
        for g in genitives_of(v) {
            values.push((g, i));
        }
    }
    // Every word of a name given in full, found once, after it ("Gry Helmersen Dahl … Helmersens påtegning",
    // "Vibe Tornfeldt … Vibes plads"): a first name too, since the name in full says whose it is. Each such
    // pattern holds where the name in full first stands.
    // A name in a list's order ("Kristoffersen, Geir … Geirs nabo") is given in full as well.
    let mut parts: Vec<Option<usize>> = vec![None; values.len()];
    for (i, r) in raw.iter().enumerate() {
        if !is_person(r) || r.reason == SURNAME_BEFORE_A_VERB {
            continue;
        }
        let words: Vec<&str> = match text.get(r.start..r.end) {
            Some(name) if name.contains(' ') => name.split(' ').collect(),
            Some(surname) => match first_name_in_a_lists_order(text, &raw, i) {
                Some(first) => vec![surname, first],
                None => continue,
            },
            None => continue,
        };
        for w in words {
            let ok = w.chars().count() >= 3
                && w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && !w.ends_with(['s', 'x', 'z', 'S', 'X', 'Z', '-']);
            if !ok || !seen.insert(w) {
                continue;
            }
            for g in genitives_of(w) {
                values.push((g, i));
                parts.push(Some(r.start));
            }
        }
    }
    if values.is_empty() {
        return raw;
    }
    // A DFA, a table look-up per byte: with more than a hundred patterns (three genitives of every
    // name found twice) the builder's own choice is the contiguous NFA, about 29 instructions a byte of
    // the dense bench against the DFA's 20. The same match kind finds the same matches in either; a
    // set too large for a DFA's state numbers gets the builder's choice.
    // Anchored only: it is asked where a genitive's first two bytes stand ([`AnchoredStarts`]).
    let build = |kind| {
        AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(kind)
            .build(values.iter().map(|v| v.0.as_str()))
            .ok()
    };
    let Some(ac) = build(Some(aho_corasick::AhoCorasickKind::DFA)).or_else(|| build(None)) else {
        return raw;
    };
    let search = AnchoredStarts::new(&ac, values.iter().map(|v| v.0.as_str()), Lanes::Capitals);
    let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    let mut lower_seen: Vec<(usize, bool)> = Vec::new();
    let mut part_lower: HashMap<&str, bool> = HashMap::default();
    let mut extra = Vec::new();
    for m in search.find_iter(text) {
        let (start, end) = (m.start(), m.end());
        let before = text.get(..start).and_then(|h| h.chars().next_back());
        let after = text.get(end..).and_then(|t| t.chars().next());
        let capital_after = text
            .get(end..)
            .and_then(|t| t.strip_prefix(' '))
            .and_then(|t| t.chars().next())
            .is_some_and(char::is_uppercase);
        if before.is_some_and(|c| c.is_alphanumeric() || c == '-')
            || after.is_some_and(|c| c.is_alphanumeric() || c == '-')
            || capital_after
            || overlaps_any(&covered, start, end)
            || overlaps_any(protected, start, end)
            || company_follows(text, end)
        {
            continue;
        }
        let Some(&(_, i)) = values.get(m.pattern().as_usize()) else {
            continue;
        };
        // A word of a name in full: after the name, and no word the text writes in lower case.
        if let Some(&Some(from)) = parts.get(m.pattern().as_usize()) {
            // The genitive as a word ("Kongens … kongens"); the part itself may be signed in lower
            // case ("v/ vibe").
            let genitive = &text[start..end];
            let lower = *part_lower
                .entry(genitive)
                .or_insert_with(|| written_in_lower_case(text, genitive));
            if start < from || lower {
                continue;
            }
        }
        let Some(model) = raw.get(i) else {
            continue;
        };
        let lower = match lower_seen.iter().find(|(j, _)| *j == i) {
            Some(&(_, l)) => l,
            None => {
                let l = text
                    .get(model.start..model.end)
                    .is_some_and(|v| written_in_lower_case(text, v));
                lower_seen.push((i, l));
                l
            }
        };
        if lower {
            continue;
        }
        extra.push(Raw {
            start,
            end,
            reason: GENITIVE_OF_A_PERSON_FOUND,
            ..model.clone()
        });
    }
    resolve_with(raw, extra)
}

/// The first name after the surname `raw[i]` where the two stand in a list's order, surname first and a
/// comma between ("Kristoffersen, Geir", "Tveito, Ragnhild"): both persons found, one word each, the
/// surname on no first-name list, the first name on one.
fn first_name_in_a_lists_order<'t>(text: &'t str, raw: &[Raw], i: usize) -> Option<&'t str> {
    let (r, next) = (raw.get(i)?, raw.get(i + 1)?);
    let surname = text.get(r.start..r.end)?;
    let first = text.get(next.start..next.end)?;
    let listed = |w: &str| {
        w.split('-')
            .all(|p| first_names().get(&p.to_lowercase()).is_some())
    };
    (is_person(next)
        && text.get(r.end..next.start) == Some(", ")
        && !surname.contains(' ')
        && !first.contains(' ')
        && !listed(surname)
        && listed(first))
    .then_some(first)
}

/// Whether `text` writes `value` in lower case as a word of its own somewhere.
fn written_in_lower_case(text: &str, value: &str) -> bool {
    let lower = value.to_lowercase();
    if lower == value {
        return false;
    }
    text.match_indices(lower.as_str()).any(|(at, w)| {
        let before = text[..at].chars().next_back();
        let after = text[at + w.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric())
    })
}

#[cfg(test)]
mod tests {
    use super::super::super::{detect, Kind};
    use super::Raw;

    fn people(text: &str) -> Vec<String> {
        detect(text, None)
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text)
            .collect()
    }

    #[test]
    fn roman_generations() {
        for w in [
            "II", "III", "IV", "VI", "IX", "XII", "XIII", "XVI", "XXIV", "V", "X",
        ] {
            assert!(super::roman_generation(w), "{w}");
        }
        for w in ["I", "IIII", "VV", "XXXX", "IVI", "VX", "Ix", "XL"] {
            assert!(!super::roman_generation(w), "{w}");
        }
    }

    #[test]
    fn particles_generations_and_syllables_join_the_name_found() {
        let text = "Tirsdag møtte forfatteren Hamid al-Rashidi og skiløperen Petter Brekkvoll jr. \
                    publikum på biblioteket.\n\nDagen etter talte Markus Tvedten III om slekta si.\n";
        let p = people(text);
        assert!(p.iter().any(|n| n == "Hamid al-Rashidi"), "{p:?}");
        assert!(p.iter().any(|n| n == "Petter Brekkvoll jr."), "{p:?}");
        assert!(p.iter().any(|n| n == "Markus Tvedten III"), "{p:?}");
        let p = people("I fjor trente Brekkvoll sr. laget, sa Petter Brekkvoll.\n");
        assert!(p.iter().any(|n| n == "Brekkvoll sr."), "{p:?}");
        // Particles glued before or standing between parts of a name the findings hold.
        let text =
            "Jeanne d'Arc red. Arc red. Osama bin Laden. Pat O'Brien sang. Ban Ki-moon talte.\n";
        let raw: Vec<Raw> = ["Jeanne", "Arc", "Osama", "Laden", "Pat", "Brien", "Ban Ki"]
            .iter()
            .flat_map(|w| found_at(text, w))
            .collect();
        let raw = super::super::super::policy::resolve(raw);
        let raw = super::name_joints(text, &[], raw);
        let got: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        for want in ["d'Arc", "Osama bin Laden", "O'Brien", "Ban Ki-moon"] {
            assert!(got.contains(&want), "{want}: {got:?}");
        }
    }

    #[test]
    fn a_cabinet_named_after_its_prime_minister_is_no_person() {
        for text in [
            "Budsjettet frå regjeringa Ingvald Brekkvoll II kom i går, sa Ola Nordmann.\n",
            "Som mindretalsregering har ministeriet Aksel Frydenlund IV lagt et forslag frem.\n",
            "Ingvald Brekkvoll II-regjeringa la fram budsjettet i går, sa Ola Nordmann.\n",
        ] {
            let p = people(text);
            assert!(
                p.iter()
                    .all(|n| !n.contains(" II") && !n.contains("Frydenlund")),
                "{p:?}"
            );
        }
        // A surname alone before a numeral is not joined to it; the person found stays found.
        let p = people("Ingvald Brekkvoll var statsminister. Brekkvoll II tar over i dag.\n");
        assert!(p.iter().all(|n| !n.contains(" II")), "{p:?}");
        assert_eq!(
            p.iter().filter(|n| n.contains("Brekkvoll")).count(),
            2,
            "{p:?}"
        );
        // A name found elsewhere stays found in the cabinet's name: nothing found is left in the text.
        let p = people(
            "Aksel Frydenlund sa at budsjettet var klart. Så kom ministeriet Aksel Frydenlund IV.\n",
        );
        assert_eq!(
            p.iter().filter(|n| n.contains("Frydenlund")).count(),
            2,
            "{p:?}"
        );
    }

    /// Persons found at every occurrence of `word` (the model's findings, which short texts rarely get).
    fn found_at(text: &str, word: &str) -> Vec<Raw> {
        text.match_indices(word)
            .filter(|(at, w)| {
                !text[at + w.len()..]
                    .starts_with(|c: char| c.is_alphanumeric() || c == '\'' || c == '’')
            })
            .map(|(at, w)| Raw::unknown_name(at, at + w.len(), 0.6, "the names model"))
            .collect()
    }

    fn joined<'a>(text: &'a str, word: &str) -> Vec<&'a str> {
        let raw = super::name_joints(text, &[], found_at(text, word));
        raw.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn a_genitive_of_a_person_found_alone() {
        let text = "Epiktet levde i Roma. Seinare skreiv Epiktet lite.\n\nBurde me følgje Epiktets råd her?\n";
        assert_eq!(joined(text, "Epiktet"), ["Epiktet", "Epiktet", "Epiktets"]);
        let text = "Vi takka Gormsen. Gormsen svarte.\n\nGormsen’s brev kom i går.\n";
        assert_eq!(joined(text, "Gormsen"), ["Gormsen", "Gormsen", "Gormsen’s"]);
    }

    #[test]
    fn regression_a_genitive_of_a_word_a_place_or_a_name_found_once() {
        // A word the text writes in lower case too ("Kongen … kongen").
        let text = "Kongen talte. Kongen gjekk. Det sa kongen.\n\nKongens styre var strengt.\n";
        assert_eq!(joined(text, "Kongen"), ["Kongen", "Kongen"]);
        // A place, however often a rule took it.
        let text = "Norge vant. Norge tapte.\n\nNorges lag spilte godt.\n";
        assert_eq!(joined(text, "Norge"), ["Norge", "Norge"]);
        // Before a capitalised word (a street, a firm).
        let text = "Epiktet levde. Epiktet skreiv.\n\nVi bur i Epiktets Gate.\n";
        assert_eq!(joined(text, "Epiktet"), ["Epiktet", "Epiktet"]);
        // Found once: one finding is no sign that its genitive is a person's.
        let text = "Seinare skreiv Epiktet lite.\n\nBurde me følgje Epiktets råd her?\n";
        assert_eq!(joined(text, "Epiktet"), ["Epiktet"]);
        // A first name alone: a shop or a boat ("Helles kolonial").
        let text = "Helle kom. Helle gikk.\n\nHelles kolonial åpnet.\n";
        assert_eq!(joined(text, "Helle"), ["Helle", "Helle"]);
    }

    #[test]
    fn the_genitive_of_a_word_of_a_name_given_in_full_once() {
        // A middle name or a surname, and a first name, after the name in full.
        let text =
            "Revisor Gry Helmersen Dahl gennemgik regnskabet. Helmersens påtegning var ren.\n";
        assert_eq!(
            joined(text, "Gry Helmersen Dahl"),
            ["Gry Helmersen Dahl", "Helmersens"]
        );
        let text = "Ny kasserer er Vibe Tornfeldt, og Vibes plads overtages af en suppleant.\n";
        assert_eq!(joined(text, "Vibe Tornfeldt"), ["Vibe Tornfeldt", "Vibes"]);
    }

    /// Regression (class: the genitive of a word of a name given in full only once — a first name, a
    /// middle name — stayed, as only names found twice had their genitive taken); not before the name,
    /// nor where the text writes the genitive in lower case.
    #[test]
    fn regression_the_genitive_of_a_part_of_a_name_in_full_found_once() {
        let text = "Vibes plads er ledig. Ny kasserer er Vibe Tornfeldt.\n";
        assert_eq!(joined(text, "Vibe Tornfeldt"), ["Vibe Tornfeldt"]);
        let text = "Hos Rune Kongen i dag. Kongens hus og kongens slot.\n";
        assert_eq!(joined(text, "Rune Kongen"), ["Rune Kongen"]);
        let text =
            "Revisor Gry Helmersen Dahl kom. Gry Helmersen Dahl gik. Helmersens påtegning.\n";
        assert_eq!(
            joined(text, "Gry Helmersen Dahl"),
            ["Gry Helmersen Dahl", "Gry Helmersen Dahl", "Helmersens"]
        );
    }

    fn piece() -> impl proptest::strategy::Strategy<Value = &'static str> {
        proptest::sample::select(vec![
            "A",
            "An",
            "Ann",
            "s",
            "S",
            "'s",
            "\u{2019}s",
            " ",
            "\n",
            "e",
            "Æ",
            "Øs",
            "å",
            "é",
            "-",
            "B",
            "Bo",
            "x",
            "1",
            "AS",
            "ÆØ",
            "\u{212A}",
            "Ö",
        ])
    }

    /// The matches of an unanchored automaton of the same patterns and kind.
    fn unanchored(
        patterns: &[String],
        text: &str,
        kind: aho_corasick::AhoCorasickKind,
    ) -> Vec<(usize, usize, usize)> {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .kind(Some(kind))
            .build(patterns)
            .map(|ac| {
                ac.find_iter(text)
                    .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// `AnchoredStarts`' matches as (start, end, pattern).
    fn at_starts(
        patterns: &[String],
        text: &str,
        kind: aho_corasick::AhoCorasickKind,
    ) -> Vec<(usize, usize, usize)> {
        use aho_corasick::{AhoCorasick, MatchKind, StartKind};
        let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Anchored)
            .kind(Some(kind))
            .build(patterns)
        else {
            return Vec::new();
        };
        let search = crate::redact::text::AnchoredStarts::new(
            &ac,
            patterns.iter().map(String::as_str),
            crate::redact::text::Lanes::Capitals,
        );
        search
            .find_iter(text)
            .iter()
            .map(|m| (m.start(), m.end(), m.pattern().as_usize()))
            .collect()
    }

    proptest::proptest! {
        /// The genitives' search only where a pattern's first two bytes stand finds what the whole
        /// text's leftmost-longest search finds: patterns opening with a capital (the genitives), and
        /// others (a small letter, one byte), which make it ask every byte.
        #[test]
        fn leftmost_longest_at_the_patterns_starts_is_the_whole_search(
            patterns in proptest::collection::vec(proptest::collection::vec(piece(), 1..5), 1..8),
            text in proptest::collection::vec(piece(), 0..60),
        ) {
            use aho_corasick::AhoCorasickKind;
            let patterns: Vec<String> = patterns.iter().map(|p| p.concat()).collect();
            let text = text.concat();
            for kind in [
                AhoCorasickKind::DFA,
                AhoCorasickKind::ContiguousNFA,
                AhoCorasickKind::NoncontiguousNFA,
            ] {
                proptest::prop_assert_eq!(
                    at_starts(&patterns, &text, kind),
                    unanchored(&patterns, &text, kind),
                    "{:?} in {:?}",
                    patterns,
                    text
                );
            }
        }
    }

    /// Regression (speed, the genitives' search at its patterns' starts): a match that a filter then
    /// refuses ("xAnn Bos", glued to a letter) still hides the shorter one inside it, as in the
    /// whole-text search; and a pattern's first bytes across the eight-byte words the search passes over.
    #[test]
    fn regression_leftmost_longest_at_starts_keeps_hidden_matches_hidden() {
        use aho_corasick::AhoCorasickKind;
        let patterns: Vec<String> = ["Anns", "Ann Bos", "Bos", "Ærøs"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        for text in [
            "xAnn Bos og Bos",
            "abcdefgAnns. abcdefAnn Bos, abcdefghÆrøs ærø Ærøs",
            "1234567A",
            "Ærø",
        ] {
            assert_eq!(
                at_starts(&patterns, text, AhoCorasickKind::DFA),
                unanchored(&patterns, text, AhoCorasickKind::DFA),
                "{text}"
            );
        }
        assert_eq!(
            at_starts(&patterns, "xAnn Bos og Bos", AhoCorasickKind::DFA).len(),
            2
        );
    }

    #[test]
    fn nothing_grows_without_a_person() {
        // No person found: no particle, generation nor genitive is taken alone.
        let text =
            "Kongen bygde slottet i år II etter brannen. Arkivet har al-samlinga på Hamar.\n";
        assert!(people(text).is_empty(), "{:?}", people(text));
        // A compound of a surname and a noun is no given name's syllable.
        let text = "Statsråden Ingrid Bøhmer-tida var kort, sa Ingrid Bøhmer i går.\n";
        let p = people(text);
        assert!(p.iter().all(|n| !n.contains("tida")), "{p:?}");
    }

    /// Regression (class: a couple named with one surname, "Lise og Torben Vinther": each given name was
    /// found but the "og" between them was left, so the couple's name was not redacted whole). Two people
    /// named in full, and a given name joined to a word that is no name, stay apart.
    #[test]
    fn regression_a_couple_sharing_a_surname_is_one_name() {
        let p = people(
            "Forslag fra Oddny og Halvard Strømsnes om sykkelskur.
             Velkommen til Ingeborg och Sixten Backlund i nr. 4.
",
        );
        assert!(p.iter().any(|n| n == "Oddny og Halvard Strømsnes"), "{p:?}");
        assert!(
            p.iter().any(|n| n == "Ingeborg och Sixten Backlund"),
            "{p:?}"
        );
        let p = people(
            "Tak til Vibeke Holmgaard og Torsten Lykkeberg for kaffen.
",
        );
        assert!(!p.iter().any(|n| n.contains(" og ")), "{p:?}");
    }

    #[test]
    fn what_a_couple_is() {
        let text = "Oddny og Halvard Strømsnes, Oddny og Halvard, Gitte og Poul N.";
        let r = |w: &str, from: usize| {
            let start = from + text[from..].find(w).unwrap();
            Raw {
                start,
                end: start + w.len(),
                ..found_at(text, "Oddny")[0].clone()
            }
        };
        assert!(super::couple(
            text,
            &r("Oddny", 0),
            &r("Halvard Strømsnes", 0)
        ));
        assert!(!super::couple(text, &r("Oddny", 20), &r("Halvard", 30)));
        assert!(super::couple(text, &r("Gitte", 0), &r("Poul N.", 0)));
    }

    #[test]
    fn bare_initials_beside_a_surname() {
        let t = "Frågor till KE Holm i brevlådan, eller (LG Dal).";
        let at = |w: &str| t.find(w).unwrap();
        assert_eq!(
            super::initials_before(t, at("Holm"), at("Holm") + 4),
            Some(at("KE"))
        );
        assert_eq!(
            super::initials_before(t, at("Dal"), at("Dal") + 3),
            Some(at("LG"))
        );
        assert_eq!(super::initials_before("Vi bor PÅ Holm", 10, 14), None);
        assert_eq!(super::initials_before("NATO Holm", 5, 9), None);
        let t = "eller TE Lindvik i brevlådan";
        assert_eq!(super::surname_after_initials(t, 6, 8, "Lindvik"), Some(16));
        assert_eq!(
            super::surname_after_initials("eller TE Holding AS", 6, 8, "Holding"),
            None
        );
        assert_eq!(
            super::surname_after_initials("eller Te Lindvik", 6, 8, "Lindvik"),
            None
        );
    }

    /// Regression (class: a person's bare initials in capitals beside the surname, "<XY> <Surname>": the
    /// surname found alone left the initials, or the initials found alone left the surname, in the
    /// published text).
    #[test]
    fn regression_bare_initials_and_the_surname_beside_them_are_one_name() {
        let text = "Frågor till KE Holm i brevlådan.";
        let start = text.find("Holm").unwrap();
        let raw = vec![Raw::unknown_name(start, start + 4, 0.7, "test")];
        let got: Vec<&str> = super::name_joints(text, &[], raw)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(got, ["KE Holm"]);
        let text = "Frågor till TE Lindvik i brevlådan.";
        let start = text.find("TE").unwrap();
        let raw = vec![Raw::unknown_name(start, start + 2, 0.7, "test")];
        let got: Vec<&str> = super::name_joints(text, &[], raw)
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(got, ["TE Lindvik"]);
    }
}
