//! A flat named by its house's number and its floor, without the street: "37C, 2. sal", "37 B, 1.
//! sal", "37C 2.sal", "12, st.". In a building of several houses on one street number (an old
//! building whose entrances and back building carry letters, "Street 37A", "37B", "37C") or of several
//! entrances, the minutes leave out the street everyone knows and write the house and the floor; a
//! floor of one house holds one home or two, a resident's address. Taken only where the register
//! holds a home at that house and floor (a resident's address "Street 37C, 2." or "Street 12, st.
//! tv."), so a paragraph's "§ 37, 1. pkt.", a date and a number the association has no house with
//! stay.
//!
//! A flat named by its floor and its door's letter alone ("st. F", "1. G", "lejlighed 2. B"): in a
//! building whose flats are lettered on each floor, the list's flat column holds "st. A", "1. G", and
//! the minutes write that code and nothing else. Taken only where the register holds that code, in
//! the shapes a text gives it: with or without its stop and space ("st.F", "st F", "1.G"), in
//! capitals, glued to a word before it where a scan lost the space ("i1. G").

use super::policy::{overlaps_any, Raw};
use super::text::{is_one_of, next_digit, word_before, FastSet};
use super::words::numbered_thing;
use super::{Kind, Recognizer};

/// The homes the register holds by house number and floor.
#[derive(Debug, Default)]
pub struct HouseFloors {
    /// A house number (lower case, its letter joined: "37c") and a floor ("st", "1", "2"), as
    /// "37c 2".
    floors: FastSet<String>,
    /// The house numbers that hold such floors ("37", "37c").
    numbers: FastSet<String>,
    /// The register's flats by floor and door letter, as "st f", "1 g", "kld a".
    doors: FastSet<String>,
}

/// A flat's floor and door letter as the register writes it ("st. F", "1. G", "kld. A", "2.B"), as
/// "st f", "1 g": a floor (a figure or two with its stop, or the ground floor's or the basement's
/// word), at most one space, one letter that ends the code (an optional stop after it).
fn door_code(s: &str) -> Option<String> {
    let (fl, used, _) = floor(s)?;
    let b = s.as_bytes();
    // "1." with nothing after it, or a floor's word ("2. sal") is no door.
    if fl.bytes().all(|c| c.is_ascii_digit()) && b.get(used - 1) != Some(&b'.') {
        return None;
    }
    let mut at = used;
    if b.get(at) == Some(&b' ') {
        at += 1;
    }
    let letter = *b.get(at)?;
    if !letter.is_ascii_alphabetic() {
        return None;
    }
    let rest = s[at + 1..].trim_start_matches('.').trim();
    if !rest.is_empty() {
        return None;
    }
    Some(format!("{fl} {}", char::from(letter.to_ascii_lowercase())))
}

/// Words for a floor after its number ("2. sal", "1. etage", "3. etasje", "2. etg.").
const FLOOR_WORDS: &[&str] = &["sal", "etage", "etasje", "etg", "våning", "våningen"];

/// Months after an ordinal: "37, 1. maj" is a date.
const MONTHS: &[&str] = &[
    "januar",
    "jan",
    "februar",
    "feb",
    "marts",
    "mars",
    "mar",
    "april",
    "apr",
    "maj",
    "mai",
    "juni",
    "jun",
    "juli",
    "jul",
    "august",
    "augusti",
    "aug",
    "september",
    "sept",
    "sep",
    "oktober",
    "okt",
    "november",
    "nov",
    "december",
    "desember",
    "dec",
    "des",
    "januari",
    "februari",
];

/// The house number at the start of `s` (one to three digits, a letter glued or after one space) in
/// lower case with its letter joined, and the bytes it takes.
fn house_number(s: &str) -> Option<(String, usize)> {
    let b = s.as_bytes();
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let alone = |i: usize| !b.get(i).is_some_and(|c| c.is_ascii_alphanumeric());
    let mut number = s[..digits].to_string();
    let mut end = digits;
    if b.get(digits).is_some_and(u8::is_ascii_alphabetic) && alone(digits + 1) {
        number.push(char::from(b[digits].to_ascii_lowercase()));
        end += 1;
    } else if b.get(digits) == Some(&b' ')
        && b.get(digits + 1).is_some_and(u8::is_ascii_uppercase)
        && alone(digits + 2)
    {
        number.push(char::from(b[digits + 1].to_ascii_lowercase()));
        end += 2;
    } else if !alone(digits) {
        return None;
    }
    Some((number, end))
}

/// The floor at the start of `s` as the register and the minutes write it: "st.", "st", "stuen" as
/// "st"; "2.", "2. sal", "2.sal", "1. etage" as "2", "1". Gives the floor, the bytes it takes, and
/// whether a floor word said so ("sal", "st.").
fn floor(s: &str) -> Option<(String, usize, bool)> {
    let b = s.as_bytes();
    let word_end = |i: usize| {
        !b.get(i)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    };
    if let Some(r) = s.get(..5).filter(|r| r.eq_ignore_ascii_case("stuen")) {
        return word_end(r.len()).then(|| ("st".to_string(), 5, true));
    }
    if s.get(..2).is_some_and(|r| r.eq_ignore_ascii_case("st")) && word_end(2) {
        let end = if b.get(2) == Some(&b'.') { 3 } else { 2 };
        return Some(("st".to_string(), end, true));
    }
    // The basement: "kld.", "kl." (not the clock's "kl. 19"), "kælder", "kælderen".
    for word in ["kælderen", "kælder", "kld", "kl"] {
        let n = word.len();
        if s.get(..n).is_some_and(|r| r.eq_ignore_ascii_case(word)) && word_end(n) {
            let end = if b.get(n) == Some(&b'.') { n + 1 } else { n };
            let clock = s[end..]
                .trim_start_matches(' ')
                .starts_with(|c: char| c.is_ascii_digit());
            return (!clock).then(|| ("kld".to_string(), end, true));
        }
    }
    let digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if !(1..=2).contains(&digits) || b.get(digits) != Some(&b'.') {
        return None;
    }
    let mut end = digits + 1;
    // The floor's word after it, glued or after one space.
    let rest = &s[end..];
    let (gap, after) = match rest.strip_prefix(' ') {
        Some(r) => (1, r),
        None => (0, rest),
    };
    let word: &str = after
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    let worded = !word.is_empty() && is_one_of(word, FLOOR_WORDS);
    if worded {
        end += gap + word.len();
        if s[end..].starts_with('.') && word.eq_ignore_ascii_case("etg") {
            end += 1;
        }
    }
    Some((s[..digits].to_string(), end, worded))
}

impl HouseFloors {
    /// `addresses`: the residents' addresses as the register holds them ("Mejlvej 37C (baghuset), 2.",
    /// "Havnevej 12, st. tv."); an address without a floor after its comma adds nothing.
    #[cfg(test)]
    pub fn new<'a>(addresses: impl IntoIterator<Item = &'a str>) -> HouseFloors {
        HouseFloors::with_doors(addresses, [])
    }

    /// As [`Self::new`], with the residents' flats (the list's flat column: "st. F", "1. G", "H0101")
    /// and the floors after the addresses' commas ("Skolegade 14, st. H") read for their door codes.
    pub fn with_doors<'a>(
        addresses: impl IntoIterator<Item = &'a str>,
        flats: impl IntoIterator<Item = &'a str>,
    ) -> HouseFloors {
        let mut found = HouseFloors::default();
        for f in flats {
            found.doors.extend(door_code(f.trim()));
        }
        for a in addresses {
            if let Some((_, tail)) = a.split_once(',') {
                found.doors.extend(door_code(tail.trim()));
            }
            let Some(at) = a.find(|c: char| c.is_ascii_digit()) else {
                continue;
            };
            if !a[..at].chars().any(char::is_alphabetic) {
                continue;
            }
            let Some((number, used)) = house_number(&a[at..]) else {
                continue;
            };
            let mut rest = a[at + used..].trim_start();
            // "(baghuset)": what the list says of the building.
            if rest.starts_with('(') {
                match rest.find(')') {
                    Some(close) => rest = rest[close + 1..].trim_start(),
                    None => continue,
                }
            }
            let Some(rest) = rest.strip_prefix(',') else {
                continue;
            };
            if let Some((f, _, _)) = floor(rest.trim_start()) {
                found.floors.insert(format!("{number} {f}"));
                found.numbers.insert(number);
            }
        }
        found
    }

    /// Finds the register's homes named by house number and floor in `text` (byte offsets), outside
    /// `protected` (the floor is never a place; the number may be the association's own address), and
    /// its flats named by floor and door ([`Self::scan_doors`]).
    pub fn scan(&self, text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        self.scan_doors(text, protected, out);
        if self.floors.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut key = String::new();
        while let Some(a) = next_digit(bytes, i) {
            let run = bytes[a..].iter().take_while(|c| c.is_ascii_digit()).count();
            i = a + run;
            // A word of its own: no letter, digit or stop glued before it ("1.2", "A37").
            let before = text[..a].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || matches!(c, '.' | ',' | '/' | '-')) {
                continue;
            }
            let Some((number, used)) = house_number(&text[a..]) else {
                continue;
            };
            if !self.numbers.contains(&number) {
                continue;
            }
            let lettered = number.ends_with(|c: char| c.is_ascii_alphabetic());
            // ", 2. sal" or " 2.sal" after the house.
            let mut f = a + used;
            if bytes.get(f) == Some(&b',') {
                f += 1;
            }
            if bytes.get(f) == Some(&b' ') {
                f += 1;
            }
            if f == a + used {
                continue;
            }
            let Some((fl, len, worded)) = floor(&text[f..]) else {
                continue;
            };
            key.clear();
            key.push_str(&number);
            key.push(' ');
            key.push_str(&fl);
            if !self.floors.contains(&key) {
                continue;
            }
            let mut end = f + len;
            let rest = &text[end..];
            // A floor in figures alone ("37, 1.") closes its phrase, or follows a house with its letter;
            // "37, 1. maj" is a date.
            let next_word: &str = rest
                .trim_start_matches([' ', '\u{a0}'])
                .split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("");
            let closed = rest.is_empty()
                || rest.starts_with(['\n', '\r', ',', ';', ')', ':'])
                || rest.starts_with(". ")
                || rest == ".";
            if is_one_of(next_word, MONTHS) || !(worded || lettered || closed) {
                continue;
            }
            // "§ 37, 1. pkt.", "punkt 12, 1.": a paragraph or a numbered thing.
            let head = text[..a].trim_end_matches([' ', '\u{a0}']);
            if head.ends_with('§')
                || word_before(text, a, &['.']).is_some_and(|(s, e)| {
                    numbered_thing(&text[s..e]) || is_one_of(&text[s..e], &["stk", "kl", "pkt"])
                })
            {
                continue;
            }
            // The side after the floor ("12, st. tv.").
            for side in [" tv.", " th.", " mf.", " tv", " th", " mf"] {
                if text[end..]
                    .get(..side.len())
                    .is_some_and(|s| s.eq_ignore_ascii_case(side))
                    && !text[end + side.len()..].starts_with(|c: char| c.is_alphanumeric())
                {
                    end += side.len();
                    break;
                }
            }
            if overlaps_any(protected, f, end) {
                continue;
            }
            out.push(Raw::redact(
                a,
                end,
                Kind::Address,
                Recognizer::Address,
                0.85,
                "a registered home by its house number and floor",
            ));
            i = end;
        }
    }
}

impl HouseFloors {
    /// The register's flats by floor and door letter ("st. F", "st.F", "ST F", "1. G", "i1.G"); see the
    /// module's comment. The letter is a capital (a small one after a floor is a word: "1. g" hardly,
    /// "st. i" often) and ends the word; a figure's floor is no part of a number, a paragraph or a
    /// numbered thing ("1.2. A", "§ 5, stk. 2. A", "punkt 2. A"), and at a line's start, where lists
    /// number their items ("2. A. Forslag"), it stands alone in its cell.
    fn scan_doors(&self, text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        if self.doors.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut key = String::new();
        let mut i = 0;
        while i < bytes.len() {
            let c = bytes[i];
            let start = i;
            i += 1;
            let figure = c.is_ascii_digit();
            if !figure && !matches!(c, b's' | b'S' | b'k' | b'K') {
                continue;
            }
            let prev = text[..start].chars().next_back();
            if figure {
                // A figure glued to a letter before it is a lost space ("i1. G"); to a figure, a
                // stop or a comma it is part of a number.
                if prev.is_some_and(|p| p.is_ascii_digit() || matches!(p, '.' | ',' | '/' | '-')) {
                    continue;
                }
            } else if prev.is_some_and(|p| p.is_alphanumeric()) {
                continue;
            }
            let Some((fl, used, _)) = floor(&text[start..]) else {
                continue;
            };
            let digits = fl.bytes().all(|b| b.is_ascii_digit());
            let mut at = start + used;
            if digits && bytes.get(at - 1) != Some(&b'.') {
                continue;
            }
            if matches!(bytes.get(at), Some(b' ')) {
                at += 1;
            } else if !bytes[start..at].ends_with(b".") {
                // "st F": without its stop the floor takes one space.
                continue;
            }
            let Some(&letter) = bytes.get(at) else {
                continue;
            };
            if !letter.is_ascii_uppercase() {
                continue;
            }
            let end_letter = at + 1;
            if text[end_letter..].starts_with(|c: char| c.is_alphanumeric() || c == '\'') {
                continue;
            }
            key.clear();
            key.push_str(&fl);
            key.push(' ');
            key.push(char::from(letter.to_ascii_lowercase()));
            if !self.doors.contains(&key) {
                continue;
            }
            if digits {
                let head = text[..start].trim_end_matches([' ', '\u{a0}']);
                if head.ends_with('§')
                    || word_before(text, start, &['.']).is_some_and(|(s, e)| {
                        numbered_thing(&text[s..e]) || is_one_of(&text[s..e], &["stk", "pkt", "kl"])
                    })
                {
                    continue;
                }
                let line_start = text[..start].rfind('\n').map_or(0, |n| n + 1);
                if text[line_start..start].trim().is_empty() {
                    let after = text[end_letter..].split('\n').next().unwrap_or("");
                    let after = after.trim_end_matches('\r');
                    let cell = after.is_empty()
                        || after.starts_with(['\t', ',', ':', ';'])
                        || after.starts_with("  ")
                        || after.trim().is_empty();
                    if !cell {
                        continue;
                    }
                }
            }
            let begin = start;
            if overlaps_any(protected, begin, end_letter) {
                continue;
            }
            out.push(Raw::redact(
                begin,
                end_letter,
                Kind::Address,
                Recognizer::Address,
                0.85,
                "a registered flat by its floor and door",
            ));
            i = end_letter;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(floors: &HouseFloors, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        floors.scan(text, &[], &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// An old building whose entrances and back building carry letters: the register's homes by
    /// house and floor.
    fn building() -> HouseFloors {
        HouseFloors::new([
            "Kornvej 21, st.",
            "Kornvej 21, 1.",
            "Kornvej 21A, 1.",
            "Kornvej 21A, 2.",
            "Kornvej 21 B, 1.",
            "Kornvej 21D (gårdhuset), 2.",
            "Kornvej 23, kld.",
            "Havrevej 8, st. tv.",
        ])
    }

    #[test]
    fn a_registered_house_and_floor_without_the_street() {
        let b = building();
        assert_eq!(
            found(&b, "Lars Ørn (21D, 2. sal) spurgte om taget."),
            ["21D, 2. sal"]
        );
        assert_eq!(
            found(&b, "Forslag fra Eva Kvist, 21 B, 1. sal:"),
            ["21 B, 1. sal"]
        );
        assert_eq!(found(&b, "Hilsen\n  21D 2.sal\n"), ["21D 2.sal"]);
        assert_eq!(found(&b, "skorstenen i 21A, 1. blev foret"), ["21A, 1."]);
        assert_eq!(
            found(&b, "Lejlighed 3 (21A, 2. sal) er solgt."),
            ["21A, 2. sal"]
        );
        assert_eq!(
            found(&b, "Hun bor i 21, st. og han i 8, st. tv."),
            ["21, st.", "8, st. tv."]
        );
        assert_eq!(
            found(&b, "Beboeren i 21, 1. klagede."),
            Vec::<String>::new()
        );
        assert_eq!(found(&b, "Beboeren i 21, 1.\n"), ["21, 1."]);
        // The basement flat, written as the register writes it or in full.
        assert_eq!(
            found(&b, "Fugt under 23, kld. og i 23, kælderen igen."),
            ["23, kld.", "23, kælderen"]
        );
    }

    #[test]
    fn numbers_and_floors_the_register_does_not_hold_stay() {
        let b = building();
        for text in [
            // A floor the house has no home on, a house the association does not have.
            "21D, 1. sal",
            "21C, 2. sal",
            "44, 1. sal",
            // A paragraph, a date, a numbered thing.
            "jf. § 21, 1. pkt.",
            "Fra 21, 1. maj er der lukket.",
            "punkt 21, 1. sal",
            // No floor after the house.
            "Kornvej 21A er malet.",
            "21A 2 gange",
            // The clock after a house.
            "Mødet i 23, kl. 19.30",
        ] {
            assert!(found(&b, text).is_empty(), "{text}: {:?}", found(&b, text));
        }
        assert!(HouseFloors::new(["Kornvej 21", "Kornvej 23"])
            .floors
            .is_empty());
    }
}
