//! A resident's birthday beside their age: "Gudrun fylder 90 år den 14. oktober", "Den 3. mars fyller
//! Leif Ås 70", "Britt Ek har 80-årsdag 2/5". With the age (or the minutes' own date) the day and month
//! give the person's date of birth, which goes as a date of birth written out does ("født 12. marts
//! 1954", `numbers::scan`). Only the day and the month go; the age and any year stay.
//!
//! A birthday is a word of turning an age followed by the age ("fylder 90", "runder 60 år", and "blir
//! 80 år" only with the word for years), or a word for a birthday ("fødselsdag", "80-årsdag"); the
//! words are data (`assets/words/birthdays.txt`). It counts only beside a person found (a resident, not
//! the board): the person right before it in the clause ("Gudrun Ås, nr. 12, fylder …") or right after
//! its verb ("… fylder Gudrun 80 år"). The association's own anniversary stays ("Foreningen fylder 50
//! år den 1. maj"), as does a date farther than a few words from the birthday.

use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;

use crate::redact::policy::Raw;
use crate::redact::text::{is_one_of, word_before};
use crate::redact::{Kind, Recognizer};

const LIST: &str = include_str!("../../../../../assets/words/birthdays.txt");

/// The reason of a finding of this rule.
pub const REASON: &str = "a resident's birthday beside their age";

/// How far (bytes) a person may end before the birthday's word, or the date lie from it.
const NEAR: usize = 48;

#[derive(Clone, Copy, PartialEq)]
enum Cue {
    Verb,
    VerbWithYears,
    Noun,
}

struct Cues {
    automaton: Option<AhoCorasick>,
    kinds: Vec<Cue>,
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| {
        let mut patterns: Vec<String> = Vec::new();
        let mut kinds = Vec::new();
        let mut section = None;
        for line in LIST.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(s) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = match s {
                    "verbs" => Some(Cue::Verb),
                    "verbs-with-years" => Some(Cue::VerbWithYears),
                    "nouns" => Some(Cue::Noun),
                    _ => None,
                };
                continue;
            }
            let Some(kind) = section else { continue };
            // The search ignores ASCII case only: a word opening with a letter beyond ASCII
            // ("årsdag") is also searched capitalised.
            let mut chars = line.chars();
            if let Some(first) = chars.next().filter(|c| !c.is_ascii()) {
                patterns.push(first.to_uppercase().chain(chars).collect());
                kinds.push(kind);
            }
            patterns.push(line.to_string());
            kinds.push(kind);
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostFirst)
            .ascii_case_insensitive(true)
            .build(&patterns)
            .ok();
        Cues { automaton, kinds }
    })
}

/// A day and a month: "14. oktober", "14 okt.", "den 3:e mars", "2/5", "14.10.".
fn day_and_month() -> Option<&'static Regex> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        let mut months = [super::MONTH_NAMES, super::MONTH_SHORT].concat();
        // The longest first: "januar" before "jan".
        months.sort_by_key(|m| std::cmp::Reverse(m.len()));
        Regex::new(&format!(
            r"(?i)\b([0-3]?\d)(?:\.|:e|:a)? ?(?:{})\b\.?|\b([0-3]?\d)[./]([01]?\d)\b\.?",
            months.join("|")
        ))
        .ok()
    })
    .as_ref()
}

/// Whether `gap` (text between a person and a birthday, or a birthday and its date) stays inside one
/// clause: no sentence's end (a full stop before a capital, "!", "?", ";", a blank line).
fn one_clause(gap: &str) -> bool {
    if gap.contains(['!', '?', ';']) || gap.contains("\n\n") {
        return false;
    }
    let b = gap.as_bytes();
    !(0..b.len()).any(|i| {
        b[i] == b'.'
            && gap[i + 1..].starts_with([' ', '\n'])
            && gap[i + 1..].trim_start().starts_with(char::is_uppercase)
    })
}

/// The end of the age after a verb at `at`: an optional person's name, then one to three digits
/// (a number from 1 to 120), and "år" after it when `years` (or optionally).
fn age_after(text: &str, at: usize, persons: &[(usize, usize)], years: bool) -> Option<usize> {
    let mut i = at;
    let rest = text.get(i..)?;
    i += rest.len() - rest.trim_start_matches(' ').len();
    // "fylder Gudrun Ås 80 år": the person between the verb and the age.
    // `persons` is sorted: the first person starting there, found by halving (a walk through every
    // person at every verb cost 0.4 G on the dense bench's document of 4 MB).
    let k = persons.partition_point(|p| p.0 < i);
    if let Some(&(_, e)) = persons.get(k).filter(|p| p.0 == i) {
        i = e;
        let rest = &text[i..];
        i += rest.len() - rest.trim_start_matches(' ').len();
    }
    let digits = text[i..].bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    let age: u32 = text[i..i + digits].parse().ok()?;
    if !(1..=120).contains(&age) || text[i + digits..].starts_with(|c: char| c.is_alphanumeric()) {
        return None;
    }
    let e = i + digits;
    let after = text[e..].trim_start_matches([' ', '-']);
    let with_years = after.starts_with("år") || after.starts_with("År");
    if years && !with_years {
        return None;
    }
    Some(if with_years {
        text.len() - after.len() + "år".len()
    } else {
        e
    })
}

/// Whether a person found lies beside the birthday at `start..end`: ending before it in the same clause
/// within [NEAR] bytes, or starting right after its verb.
fn person_beside(text: &str, start: usize, end: usize, persons: &[(usize, usize)]) -> bool {
    let k = persons.partition_point(|p| p.1 <= start);
    let before = k
        .checked_sub(1)
        .and_then(|j| persons.get(j))
        .is_some_and(|&(_, pe)| start - pe <= NEAR && one_clause(&text[pe..start]));
    let within = persons
        .get(k)
        .is_some_and(|&(ps, _)| ps >= start && ps <= end);
    before || within
}

/// Whether a byte is ASCII white space, which no cue holds (a test reads the list): a search of the cues
/// started right after one, or ended at one, finds the whole text's matches there.
fn white(b: u8) -> bool {
    b.is_ascii_whitespace()
}

/// The stretches of `text` where a cue [`person_beside`] may accept can start, each from right after
/// white space (or the text's start) to white space (or its end), in order and apart: the cues found
/// there are the whole text's cues that start there. Per person: from the start of the word it ends in
/// to the white space at or after `NEAR` bytes past its end (a cue after it); and from the word before
/// it, back over white space, hyphens and digits (the age, "80 - år") and one more word, to the white
/// space at or after its start (a cue whose verb, age or noun it starts right after or inside).
fn near_persons(text: &str, persons: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let word_start = |mut j: usize| {
        while j > 0 && !white(b[j - 1]) {
            j -= 1;
        }
        j
    };
    let white_from = |j: usize| {
        let j = j.min(b.len());
        b[j..]
            .iter()
            .position(|&c| white(c))
            .map_or(b.len(), |p| j + p)
    };
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(2 * persons.len());
    for &(ps, pe) in persons {
        let (ps, pe) = (ps.min(b.len()), pe.min(b.len()));
        spans.push((word_start(pe), white_from(pe + NEAR)));
        let mut j = word_start(ps);
        while j > 0 && (white(b[j - 1]) || b[j - 1] == b'-' || b[j - 1].is_ascii_digit()) {
            j -= 1;
        }
        spans.push((word_start(j), white_from(ps)));
    }
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(spans.len());
    for (a, e) in spans {
        match merged.last_mut() {
            Some(last) if a < last.1 => last.1 = last.1.max(e),
            _ => merged.push((a, e)),
        }
    }
    merged
}

/// The resident's birthdays in `text`: the day and month beside a birthday beside a person found
/// (sorted spans of the people `persons`); see the module's text. The cues are searched only near the
/// persons ([`near_persons`]): over the dense bench the whole text's search read every byte at about 18
/// instructions (ignoring ASCII case turns the automaton's prefilter off).
pub fn birthdays(text: &str, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    if persons.is_empty() {
        return;
    }
    birthdays_in(text, persons, &near_persons(text, persons), out);
}

/// [`birthdays`] with the cues searched in the stretches `spans` (in order, apart, each starting after
/// white space and ending at it; the whole text is the reference).
fn birthdays_in(
    text: &str,
    persons: &[(usize, usize)],
    spans: &[(usize, usize)],
    out: &mut Vec<Raw>,
) {
    let c = cues();
    let (Some(ac), Some(date)) = (&c.automaton, day_and_month()) else {
        return;
    };
    let letter = |ch: Option<char>| ch.is_some_and(char::is_alphabetic);
    let found = spans
        .iter()
        .flat_map(|&(a, e)| ac.find_iter(aho_corasick::Input::new(text).span(a..e)));
    for m in found {
        let kind = c.kinds[m.pattern().as_usize()];
        let (start, mut end) = (m.start(), m.end());
        if kind == Cue::Noun {
            // The whole word around a birthday's noun ("80-årsdagen").
            end += text[end..]
                .find(|ch: char| !ch.is_alphanumeric())
                .unwrap_or(text.len() - end);
        } else {
            if letter(text[..start].chars().next_back()) || letter(text[end..].chars().next()) {
                continue;
            }
            match age_after(text, end, persons, kind == Cue::VerbWithYears) {
                Some(e) => end = e,
                None => continue,
            }
        }
        if !person_beside(text, start, end, persons) {
            continue;
        }
        // The date nearest the birthday in its clause, before or after it.
        let mut from = start.saturating_sub(NEAR);
        while !text.is_char_boundary(from) {
            from -= 1;
        }
        let mut to = (end + NEAR).min(text.len());
        while !text.is_char_boundary(to) {
            to += 1;
        }
        let best = date
            .captures_iter(&text[from..to])
            .filter_map(|cap| {
                let all = cap.get(0)?;
                let (a, b) = (from + all.start(), from + all.end());
                let day: u32 = cap.get(1).or(cap.get(2))?.as_str().parse().ok()?;
                let month_ok = cap.get(3).is_none_or(|mo| {
                    mo.as_str()
                        .parse::<u32>()
                        .is_ok_and(|mo| (1..=12).contains(&mo))
                });
                // A numeric day and month is not part of a longer date or a decimal ("14.10.1935" is
                // a date of birth `numbers::scan` takes whole).
                let longer = cap.get(3).is_some() && {
                    let t = text[b..].trim_start_matches(['.', '/']);
                    t.len() < text.len() - b && t.starts_with(|ch: char| ch.is_ascii_digit())
                        || text[b..].starts_with(|ch: char| ch.is_ascii_digit())
                };
                // "kl. 18.10" is the clock.
                let clock = word_before(text, a, &['.']).is_some_and(|(p, q)| {
                    is_one_of(&text[p..q], &["kl", "klokken", "klockan", "klokka"])
                });
                let gap = if b <= start {
                    &text[b..start]
                } else {
                    &text[end..a.max(end)]
                };
                ((1..=31).contains(&day)
                    && month_ok
                    && !longer
                    && !clock
                    && (b <= start || a >= end)
                    // A date on another line is that line's own ("29. oktober  Bestyrelsesmøde" in
                    // a calendar under the birthday's row).
                    && !gap.contains('\n')
                    && one_clause(gap))
                .then_some((a, b))
            })
            .min_by_key(|&(a, b)| if b <= start { start - b } else { a - end });
        let Some((a, mut b)) = best else { continue };
        // The full stop after the date is its own after an abbreviated month ("14 okt.") or a day and
        // month written with full stops ("30.4."), else the sentence's ("… 14. oktober.", "… 2/3.").
        if text[..b].ends_with('.') {
            let core = &text[a..b - 1];
            let word = core
                .rsplit(|ch: char| !ch.is_alphabetic())
                .next()
                .unwrap_or("");
            let own = if word.is_empty() {
                core.contains('.')
            } else {
                is_one_of(word, super::MONTH_SHORT)
            };
            if !own {
                b -= 1;
            }
        }
        if out.iter().any(|r| r.start < b && a < r.end) {
            continue;
        }
        out.push(Raw::redact(
            a,
            b,
            Kind::Other,
            Recognizer::DateOfBirth,
            0.8,
            REASON,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The texts this rule takes from `text`, with the people at `names` found.
    fn taken(text: &str, names: &[&str]) -> Vec<String> {
        let mut persons: Vec<(usize, usize)> = names
            .iter()
            .map(|n| {
                let a = text.find(n).unwrap_or_else(|| panic!("{n} not in {text}"));
                (a, a + n.len())
            })
            .collect();
        persons.sort_unstable();
        let mut out = Vec::new();
        birthdays(text, &persons, &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// Spans of a text, as (start, end).
    type Spans = Vec<(usize, usize)>;

    /// The cues searched only near the persons, the whole text's search (the reference), and what
    /// each takes as (start, end).
    fn both(text: &str, persons: &[(usize, usize)]) -> (Spans, Spans) {
        let (mut near, mut whole) = (Vec::new(), Vec::new());
        birthdays(text, persons, &mut near);
        if !persons.is_empty() {
            birthdays_in(text, persons, &[(0, text.len())], &mut whole);
        }
        let spans = |v: Vec<Raw>| v.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
        (spans(near), spans(whole))
    }

    #[test]
    fn no_cue_holds_white_space() {
        for line in LIST.lines().map(str::trim) {
            if !line.is_empty() && !line.starts_with(['#', '[']) {
                assert!(!line.bytes().any(white), "{line:?}");
            }
        }
    }

    /// Regression (class: the cues searched only near the persons found): a cue after a person within
    /// `NEAR` bytes, a verb right before one over several spaces, an age written "80 - år" with a
    /// person found starting inside it, a noun after a person, and a cue far from every person (not
    /// searched) give what the whole text's search gives.
    #[test]
    fn regression_the_cues_near_the_persons_are_the_whole_texts() {
        let text = "Aud Lie, nr. 3,\tfylder 90 år 2. mai. Langt unna, i en annen sak: Dugnad fylder 50 \
                    den 3. mai og mer tekst.\nDen 4. juni fyller     Eva Ek 70 år. Kari fylte 80 - år \
                    5. mars. Hilsen til Ola (80-årsdagen) 6. mai.";
        let at = |n: &str| {
            let a = text.find(n).unwrap();
            (a, a + n.len())
        };
        let persons = [
            at("Aud Lie"),
            at("Eva Ek"),
            at("Kari"),
            at("år 5"),
            at("Ola"),
        ];
        let mut sorted = persons.to_vec();
        sorted.sort_unstable();
        let (near, whole) = both(text, &sorted);
        assert_eq!(near, whole);
        let got: Vec<&str> = near.iter().map(|&(a, b)| &text[a..b]).collect();
        assert_eq!(got, ["2. mai", "4. juni", "5. mars", "6. mai"]);
        let spans = near_persons(text, &sorted);
        assert!(spans.windows(2).all(|w| w[0].1 <= w[1].0), "{spans:?}");
        let far = text.find("Dugnad fylder").unwrap() + "Dugnad ".len();
        assert!(
            !spans.iter().any(|&(a, b)| a <= far && far < b),
            "{spans:?}"
        );
    }

    /// Words of the generated text: the cues in any case, ages, dates, names and glue.
    const WORDS: &[&str] = &[
        "fylder",
        "FYLDER",
        "Fyller",
        "runder",
        "blir",
        "blev",
        "80",
        "7",
        "120",
        "500",
        "år",
        "År",
        "-",
        "80-årsdag",
        "fødselsdagen",
        "Årsdagen",
        "bursdag",
        "den",
        "2. mai",
        "3/4",
        "14.10.",
        "14 okt.",
        "3:e mars",
        "kl.",
        "18.10",
        "Kari",
        "Ås",
        "Ola",
        "Foreningen",
        ".",
        ",",
        "!",
        "x",
    ];

    /// Text of those words joined by white space of every kind or nothing.
    fn words_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(
            (
                prop::sample::select(WORDS),
                prop::sample::select(&[" ", "  ", "\n", "\t", "\r\n", "", " ", "\u{a0}"][..]),
            ),
            0..40,
        )
        .prop_map(|parts| parts.into_iter().flat_map(|(w, g)| [w, g]).collect())
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(3000))]
        /// The birthdays found with the cues searched near the persons are those the search of the
        /// whole text finds, for persons anywhere (overlapping, inside words, at white space too).
        #[test]
        fn the_cues_near_the_persons_are_the_whole_texts(
            text in words_text(),
            at in proptest::collection::vec((0usize..400, 0usize..20), 0..6),
        ) {
            let mut persons: Vec<(usize, usize)> = at
                .into_iter()
                .filter_map(|(a, n)| {
                    let a = a.min(text.len());
                    let e = (a + n).min(text.len());
                    (text.is_char_boundary(a) && text.is_char_boundary(e)).then_some((a, e))
                })
                .collect();
            persons.sort_unstable();
            let (near, whole) = both(&text, &persons);
            proptest::prop_assert_eq!(near, whole, "{:?} {:?}", text, persons);
        }
    }

    #[test]
    fn a_residents_birthday_beside_the_age_goes() {
        assert_eq!(
            taken("Asta Brink fylder 85 år den 9. november.", &["Asta Brink"]),
            ["9. november"]
        );
        assert_eq!(
            taken(
                "Tillykke til Bjarne (nr. 4), der runder 70 den 2/3.",
                &["Bjarne"]
            ),
            ["2/3"]
        );
        assert_eq!(
            taken("Den 21. juni fyller Sigve Vatne 60 år.", &["Sigve Vatne"]),
            ["21. juni"]
        );
        assert_eq!(
            taken(
                "Vi gratulerar Maj-Lis Ek som fyllde 90 den 3:e mars.",
                &["Maj-Lis Ek"]
            ),
            ["3:e mars"]
        );
        assert_eq!(
            taken(
                "Torleif blir 80 år 14. okt. og inviterer til kaffe.",
                &["Torleif"]
            ),
            ["14. okt."]
        );
        assert_eq!(
            taken(
                "Hanne Lund har 75-årsdag den 30.4. i fælleshuset.",
                &["Hanne Lund"]
            ),
            ["30.4."]
        );
        assert_eq!(
            taken(
                "Ivar Sæle feirar fødselsdagen sin 1. desember.",
                &["Ivar Sæle"]
            ),
            ["1. desember"]
        );
    }

    #[test]
    fn a_date_that_is_no_residents_birthday_stays() {
        // The association's anniversary, no person beside it.
        assert!(taken(
            "Foreningen fylder 50 år den 1. maj. Ib Dal kommer.",
            &["Ib Dal"]
        )
        .is_empty());
        // "blir" without the word for years, the clock, a full date, another sentence.
        assert!(taken("Kari Ås blir 12 deltagere den 3. mars.", &["Kari Ås"]).is_empty());
        assert!(taken("Kari Ås fyller 70 år, festen er kl. 18.10.", &["Kari Ås"]).is_empty());
        assert!(taken("Per Bø fylte 70 år 14.10.2024.", &["Per Bø"]).is_empty());
        assert!(taken("Per Bø fylte 70 år. Mødet 14. oktober.", &["Per Bø"]).is_empty());
        // A calendar: each row's date is its own.
        assert_eq!(
            taken(
                "2. mai     Ivar Bøs 70-årsdag i salen\n9. mai     Dugnad",
                &["Ivar Bø"]
            ),
            ["2. mai"]
        );
        // "opfylder" is no verb of an age; an age beyond a life is none.
        assert!(taken("Lis Holm opfylder 3 krav den 2. maj.", &["Lis Holm"]).is_empty());
        assert!(taken("Lis Holm fylder 500 den 2. maj.", &["Lis Holm"]).is_empty());
    }
}
