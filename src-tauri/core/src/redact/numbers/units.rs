//! A resident's unit by the register's own designation. Associations name their units in forms of
//! their own ("7-1B": house 7, first floor, flat B; "1-UB", "B-203", "U101"), which no shape rule can
//! know; the register does, so a code it holds is a home wherever the minutes write it. And a registered
//! flat number right after the resident it belongs to ("Ebba Holm  2001" in a queue for parking,
//! "Ebba Holm (2001)") is that resident's flat even when it could be read as a year.

use std::collections::HashMap;

use super::super::policy::overlaps_any;
use super::super::text::FastSet;
use super::{building_number_ends, Raw, Span};
use crate::redact::{Kind, Recognizer};

/// Whether a registered unit is written in a code of the association's own (letters and digits, at
/// least three characters, no space: "7-1B", "1-UB", "U101", "H0302"), which a text can only mean as that
/// unit. A number alone ("12", "2101") is not (it counts, dates and prices as well), nor a house number
/// with one letter ("14A", the houses' rule's), nor a floor and side ("st. tv.", "2 tr").
pub fn is_unit_code(unit: &str) -> bool {
    let u = unit.trim();
    let digits = u.bytes().filter(u8::is_ascii_digit).count();
    let letters = u.bytes().filter(u8::is_ascii_alphabetic).count();
    let house_number =
        letters == 1 && u.ends_with(|c: char| c.is_ascii_alphabetic()) && digits == u.len() - 1;
    (3..=10).contains(&u.len())
        && u.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        && digits > 0
        && letters > 0
        && !house_number
        && !u.starts_with('-')
        && !u.ends_with('-')
}

/// A house's number (one to three digits, perhaps a letter), a hyphen and a flat's number (two to four
/// digits): "3-1001", "4-04", "12B-203".
fn house_and_flat(code: &str) -> bool {
    let Some((house, flat)) = code.split_once('-') else {
        return false;
    };
    let digits = house.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits)
        && house.len() - digits <= 1
        && house[digits..].bytes().all(|b| b.is_ascii_alphabetic())
        && (2..=4).contains(&flat.len())
        && flat.bytes().all(|b| b.is_ascii_digit())
}

/// A unit written as one to three letters, a space and a number of one to four digits with at most
/// one letter after it ("RH 3", "HUS 12", "B 4A"), as (letters, number); upper case in, upper case out.
fn spaced_code(unit: &str) -> Option<(&str, &str)> {
    let (letters, number) = unit.split_once(' ')?;
    let digits = number.bytes().take_while(u8::is_ascii_digit).count();
    let tail = &number[digits..];
    ((1..=3).contains(&letters.chars().count())
        && letters.chars().all(char::is_alphabetic)
        && (1..=4).contains(&digits)
        && (tail.is_empty() || tail.len() == 1 && tail.bytes().all(|b| b.is_ascii_uppercase())))
    .then_some((letters, number))
}

/// The register's units: the codes of the association's own form (upper case) and, for every unit
/// of three characters or more, the words of the names of those who live there (lower case).
#[derive(Debug, Default)]
pub struct RegisteredUnits {
    codes: FastSet<String>,
    /// Codes of one to three letters, a space and a number ("RH 3", "HUS 12"), upper case.
    spaced: FastSet<String>,
    residents: HashMap<String, Vec<String>>,
}

impl RegisteredUnits {
    /// From the register's (unit, resident's name) pairs.
    pub fn new<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> RegisteredUnits {
        let mut units = RegisteredUnits::default();
        for (unit, name) in pairs {
            let unit = unit.trim().to_uppercase();
            if unit.chars().count() < 3 {
                continue;
            }
            if let Some((letters, number)) = spaced_code(&unit) {
                // "Rh 3": the same code glued ("Rh3") is one too.
                let glued = format!("{letters}{number}");
                if is_unit_code(&glued) {
                    units.codes.insert(glued);
                }
                units.spaced.insert(format!("{letters} {number}"));
            }
            if is_unit_code(&unit) {
                // "B201" for "B-201": a code that starts with a letter is the same code without its
                // hyphen (one that starts with a number is then a house number, "71B").
                let bare = unit.replace('-', "");
                if unit.starts_with(|c: char| c.is_ascii_alphabetic()) && is_unit_code(&bare) {
                    units.codes.insert(bare);
                }
                units.codes.insert(unit.clone());
                // "4-04" for "H4-04": a code of a house's letter, its number, a hyphen and the flat's
                // number is written without the letter too (the house's number and the flat's).
                let letters = unit.len()
                    - unit
                        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
                        .len();
                if (1..=2).contains(&letters) && house_and_flat(&unit[letters..]) {
                    units.codes.insert(unit[letters..].to_string());
                }
            }
            let words = units.residents.entry(unit).or_default();
            for w in name.split(|c: char| !c.is_alphanumeric() && c != '-') {
                let w = w.to_lowercase();
                if w.chars().count() >= 2 && !words.contains(&w) {
                    words.push(w);
                }
            }
        }
        units
    }

    /// "3-1001": a resident's flat by its house's number, a hyphen and the flat's number, as an
    /// administrator's object id joins them where the flats' numbers repeat in every house (Swedish
    /// lägenhetsnummer); from the resident's `address` ("Kolargatan 3", "Kolargatan 3, BV") and `flat`
    /// ("1001"). It names one home wherever the minutes write it, as the register's own codes do.
    pub fn add_house_and_flat(&mut self, address: &str, flat: &str) {
        let street = address.split(',').next().unwrap_or("").trim();
        let Some((_, house)) = street.rsplit_once(' ') else {
            return;
        };
        let code = format!("{house}-{}", flat.trim()).to_ascii_uppercase();
        if house_and_flat(&code) {
            self.codes.insert(code);
        }
    }

    /// Finds the register's unit codes ("bustad 7-1B", "Torunn Hope (1-1A)") in `text`, in any case,
    /// as whole words: not inside a longer code or number ("17-1B", "7-1B2"), nor in a protected span.
    pub fn codes(&self, text: &str, protected: &[Span], out: &mut Vec<Raw>) {
        if self.codes.is_empty() && self.spaced.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(d) = super::next_digit(bytes, i) {
            // The code's characters: ASCII letters and digits, a hyphen or an en dash ("7–1B").
            let part = |c: char| c.is_ascii_alphanumeric() || c == '-' || c == '–';
            let start = d - text[..d]
                .chars()
                .rev()
                .take_while(|&c| part(c))
                .map(char::len_utf8)
                .sum::<usize>();
            let end = d + text[d..]
                .chars()
                .take_while(|&c| part(c))
                .map(char::len_utf8)
                .sum::<usize>();
            i = end.max(d + 1);
            let mut token = text[start..end].trim_matches(['-', '–']);
            let mut start = start + text[start..end].find(token).unwrap_or(0);
            let mut end = start + token.len();
            let glued = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
            if glued(text[end..].chars().next()) {
                continue;
            }
            // OCR's letters for figures inside a code ("HO104", "H0l04" for "H0104"): after its
            // first character, an O is a 0 and an l or I a 1.
            let registered = |t: &str| {
                let t = t.replace('–', "-").to_ascii_uppercase();
                self.codes.contains(&t)
                    || (t.len() > 2 && t[1..].contains(['O', 'I', 'L']) && {
                        let mut read = String::with_capacity(t.len());
                        read.push_str(&t[..1]);
                        read.extend(t[1..].chars().map(|c| match c {
                            'O' => '0',
                            'I' | 'L' => '1',
                            c => c,
                        }));
                        read != t && self.codes.contains(&read)
                    })
            };
            // "H0104om": a word in small letters run into the code after it, where a space was
            // lost; the code up to its last figure.
            if !registered(token) {
                let small = token
                    .bytes()
                    .rev()
                    .take_while(u8::is_ascii_lowercase)
                    .count();
                let rest = &token[..token.len() - small];
                let head = rest.bytes().take_while(u8::is_ascii_lowercase).count();
                let code = &rest[head..];
                let lost_space = head > 0 && code.starts_with(|c: char| c.is_ascii_uppercase());
                if small >= 1 && rest.ends_with(|c: char| c.is_ascii_digit()) {
                    if registered(rest) {
                        end -= small;
                        token = rest;
                    } else if lost_space && registered(code) {
                        end -= small;
                        start += head;
                        token = code;
                    }
                }
            }
            // "vedB-203", "altsåB203": a code in capitals run into the word before, where the
            // extraction lost the space; the code from its capital on.
            if !registered(token) {
                let small = token.bytes().take_while(u8::is_ascii_lowercase).count();
                let rest = &token[small..];
                let lost_space = small > 0
                    && rest.starts_with(|c: char| c.is_ascii_uppercase())
                    && registered(rest);
                if lost_space {
                    start += small;
                    token = rest;
                }
            }
            if let Some(letters) = self.spaced_letters_before(text, start, token) {
                start = letters;
            } else if !registered(token)
                || (glued(text[..start].chars().next_back())
                    && !(token.starts_with(|c: char| c.is_ascii_uppercase())
                        && text[..start]
                            .chars()
                            .next_back()
                            .is_some_and(char::is_lowercase)))
            {
                continue;
            }
            if overlaps_any(protected, start, end) {
                continue;
            }
            // A finding that took only the code's first part ("bustad 7" of "bustad 7-1B") takes
            // the whole code.
            let mut joined = false;
            for r in out.iter_mut().filter(|r| r.start < end && start < r.end) {
                r.start = r.start.min(start);
                r.end = r.end.max(end);
                joined = true;
            }
            if !joined {
                out.push(Raw::redact(
                    start,
                    end,
                    Kind::Other,
                    Recognizer::ShareNumber,
                    0.9,
                    "a unit by the register's own code",
                ));
            }
        }
    }

    /// Where the letters of a spaced code start when `token` at `start` is the number of one the
    /// register holds ("Rh 3", "hus 12": one to three letters, alone as a word, and one space).
    fn spaced_letters_before(&self, text: &str, start: usize, token: &str) -> Option<usize> {
        if self.spaced.is_empty() || !token.starts_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
        let head = text[..start]
            .strip_suffix(' ')
            .or_else(|| text[..start].strip_suffix('\u{a0}'))?;
        let at = head.len() - super::super::text::trailing_letters(head).len();
        let count = head[at..].chars().count();
        if !(1..=3).contains(&count) || head[..at].ends_with(char::is_alphanumeric) {
            return None;
        }
        let key = format!(
            "{} {}",
            head[at..].to_uppercase(),
            token.to_ascii_uppercase()
        );
        self.spaced.contains(&key).then_some(at)
    }

    /// A registered unit right after a person the register says lives there, on the same line, apart
    /// from the name by spaces, a tab, a comma, a colon, a dash or an opening bracket: a queue's or a
    /// table's row ("Ebba Holm     2001"), "Ebba Holm (2001)". The person must be the unit's own
    /// (a word of the name is a word of a registered name of that unit), so a year or a sum after
    /// someone else stays; a count after the number ("2001 kr") stays too.
    pub fn after_their_residents(
        &self,
        text: &str,
        persons: &[Span],
        protected: &[Span],
        out: &mut Vec<Raw>,
    ) {
        if self.residents.is_empty() {
            return;
        }
        let mut found = Vec::new();
        for &(ps, pe) in persons {
            let Some(rest) = text.get(pe..) else { continue };
            let sep = |r: &str| -> usize {
                r.chars()
                    .take_while(|c| {
                        matches!(c, ' ' | '\t' | '\u{a0}' | ',' | '(' | ':' | '-' | '–')
                    })
                    .map(char::len_utf8)
                    .sum()
            };
            let mut gap = sep(rest);
            // "Maja Ström i 2003": a preposition of place between the resident and the unit.
            if gap == 1 && rest.starts_with(' ') {
                if let Some(p) = ["i ", "fra ", "från ", "frå ", "på "]
                    .iter()
                    .find(|p| rest[1..].starts_with(**p))
                {
                    gap += p.len();
                }
            }
            let start = pe + gap;
            if gap == 0 || gap > 40 {
                continue;
            }
            let end = start
                + text[start..]
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
                    .count();
            let end = start + text[start..end].trim_end_matches('-').len();
            if end == start
                || !text[start..].starts_with(|c: char| c.is_ascii_alphanumeric())
                || text[end..].starts_with(|c: char| c.is_alphanumeric())
                || !building_number_ends(text, end)
                || overlaps_any(protected, start, end)
                || out.iter().any(|r| r.start < end && start < r.end)
            {
                continue;
            }
            let Some(words) = self.residents.get(&text[start..end].to_ascii_uppercase()) else {
                continue;
            };
            let person = text[ps..pe].to_lowercase();
            let own = person
                .split(|c: char| !c.is_alphanumeric() && c != '-')
                .filter(|w| w.chars().count() >= 2)
                .any(|w| words.iter().any(|n| n == w));
            if own {
                found.push((start, end));
            }
        }
        for (start, end) in found {
            out.push(Raw::redact(
                start,
                end,
                Kind::Other,
                Recognizer::ShareNumber,
                0.85,
                "a registered unit right after its resident",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn units() -> RegisteredUnits {
        RegisteredUnits::new([
            ("4-1A", "Brynhild Aasen"),
            ("4-UB", "Per Kvamsdal"),
            ("B-203", "Lotte Frandsen"),
            ("2003", "Maja Ström"),
            ("2104", "Leif och Kerstin Ahl"),
            ("1102", "Nils Holm"),
            ("14A", "Ane Berg"),
            ("12", "Kari Dahl"),
        ])
    }

    fn codes(t: &str) -> String {
        let mut out = Vec::new();
        units().codes(t, &[], &mut out);
        out.iter()
            .map(|r| &t[r.start..r.end])
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Codes of the association's own form; numbers alone, house numbers with a letter and floors are
    /// none.
    #[test]
    fn which_units_are_codes() {
        for u in ["7-1B", "1-UB", "B-203", "U101", "H0302", "k2-1"] {
            assert!(is_unit_code(u), "{u}");
        }
        for u in [
            "12", "2101", "14A", "7B", "st. tv.", "2 tr", "1.th.", "BV", "-1A", "A1",
        ] {
            assert!(!is_unit_code(u), "{u}");
        }
    }

    /// A registered code is the unit wherever it stands, in any case (invented sentences, Nynorsk,
    /// Danish, Swedish, Bokmål); inside a longer code or number it is not.
    #[test]
    fn a_registered_code_wherever_it_stands() {
        assert_eq!(
            codes("Styret godkjende utleige av bustad 4-1A medan eigaren er bortreist."),
            "4-1A"
        );
        assert_eq!(
            codes("Forslag fra Lotte Frandsen (B-203): cykelstativ."),
            "B-203"
        );
        assert_eq!(codes("Nya ägare i 4-ub och b-203."), "4-ub|b-203");
        assert_eq!(codes("Leiligheten 4-UB er solgt."), "4-UB");
        assert_eq!(
            codes("Sak 14-1A og 4-1A2 og 4-1AB og X4-1A er noko anna."),
            ""
        );
        assert_eq!(codes("Huset nr. 14A og 12 fikk nytt tak."), "");
        // Written with an en dash; a code that starts with a letter without its hyphen.
        assert_eq!(codes("Ny eigar i 4–1A er valt."), "4–1A");
        assert_eq!(codes("Beboeren i B203 flytter."), "B203");
        assert_eq!(codes("Huset 41A og 4UB er ikke koder."), "");
        // Run into the word before where a PDF's text lost the space: the code from its capital.
        assert_eq!(
            codes("Rekkverket vedB-203 og altsåB203 er laust."),
            "B-203|B203"
        );
        assert_eq!(codes("Koden xb-203 og Xb-203 er noko anna."), "");
    }

    /// A unit the register writes as letters, a space and a number ("Rh 3", "Hus 12"): the same code
    /// in any case, with or without the space, is the unit; another number after the letters, the
    /// letters inside a word or the number alone are not.
    #[test]
    fn a_registered_code_of_letters_a_space_and_a_number() {
        let units = RegisteredUnits::new([
            ("Rh 3", "Åsa Berg"),
            ("Hus 12", "Ole Lind"),
            ("H 7B", "Eva Ek"),
        ]);
        let codes = |t: &str| {
            let mut out = Vec::new();
            units.codes(t, &[], &mut out);
            out.iter()
                .map(|r| &t[r.start..r.end])
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(
            codes("Åsa Berg (Rh 3) föreslog laddboxar; rh3 och RH 3 svarar."),
            "Rh 3|rh3|RH 3"
        );
        assert_eq!(codes("Taget på hus 12 och H 7B läcker."), "hus 12|H 7B");
        assert_eq!(
            codes("Rh 31, Rh 3B, Rh 3-4, Nrh 3, Rh  3, motion 3 och 12 kr."),
            ""
        );
        assert!(spaced_code("RH 3").is_some() && spaced_code("LÄGENHET 1102").is_none());
        assert!(spaced_code("ST. TV.").is_none() && spaced_code("2 TR").is_none());
    }

    /// A finding that took only the code's first part ("bustad 4" of "bustad 4-1A", as the share
    /// numbers' rule reads it) is widened to the whole code.
    #[test]
    fn a_finding_of_the_codes_first_part_takes_the_whole_code() {
        let t = "Overdraging av bustad 4-1A og bustadene 4-UB.";
        let mut out = vec![Raw::redact(
            15,
            23,
            Kind::Other,
            Recognizer::ShareNumber,
            0.8,
            "test",
        )];
        units().codes(t, &[], &mut out);
        let found: Vec<&str> = out.iter().map(|r| &t[r.start..r.end]).collect();
        assert_eq!(found, ["bustad 4-1A", "4-UB"]);
    }

    fn after(t: &str, person: &str) -> String {
        let at = t.find(person).map(|s| (s, s + person.len()));
        let mut out = Vec::new();
        units().after_their_residents(t, at.as_slice(), &[], &mut out);
        out.iter()
            .map(|r| &t[r.start..r.end])
            .collect::<Vec<_>>()
            .join("|")
    }

    /// A registered unit right after its own resident is the resident's home, even where it reads as a
    /// year; after someone else, after a line break or before a count it stays (invented rows).
    #[test]
    fn a_registered_unit_right_after_its_resident() {
        assert_eq!(after("  2  Maja Ström        2003\n", "Maja Ström"), "2003");
        assert_eq!(
            after("Kön: Kerstin Ahl (2104), Nils Holm.", "Kerstin Ahl"),
            "2104"
        );
        assert_eq!(after("Ventelista: Nils Holm\t1102\n", "Nils Holm"), "1102");
        assert_eq!(
            after("Brynhild Aasen, 4-1A, har søkt.", "Brynhild Aasen"),
            "4-1A"
        );
        assert_eq!(
            after("Maja Ström i 2003 klagar på musiken.", "Maja Ström"),
            "2003"
        );
        assert_eq!(after("Nils Holm fra 1102 kom.", "Nils Holm"), "1102");
        // Someone else's number, a year of another's, a count, a new line, a short share number.
        assert_eq!(after("Nils Holm 2003 flyttade in.", "Nils Holm"), "");
        assert_eq!(after("Maja Ström 2003 kr i skuld.", "Maja Ström"), "");
        assert_eq!(after("Maja Ström\n2003 var ett bra år.", "Maja Ström"), "");
        assert_eq!(after("Kari Dahl 12 stemmer.", "Kari Dahl"), "");
    }
}
