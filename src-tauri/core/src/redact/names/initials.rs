//! Initials of a person the document names in full: minutes name a board member once ("Til stede: Jonas
//! Moberg, …") and then write the initials ("JM har talt med viceværten", "J.M. minder om …", "Hilsen
//! styret / J.M.B."). Such initials are that person wherever they stand: a run of two to four capitals,
//! each with a full stop ("K.L.", "K. L."), or all without one ("KL"), that are the first letters of the
//! parts of a person's name found in full, or of its two given names ("PO" for "Per Olav Lid"). Letters without full stops must stand alone (not beside another
//! capitalised word, which makes them part of a firm's or a title's name, nor in a line of capitals), and
//! are never a legal form ("AS", "AB").

use std::collections::HashMap;

use super::super::policy::{overlaps_any, Raw};
use super::super::words::{closings, is_legal_form};
use super::super::{Decision, Kind};

/// The reason of a finding this pass adds.
pub(crate) const INITIALS_OF_A_PERSON_NAMED: &str =
    "the initials of a person the document names in full";

/// The initials ("JMB") of a name of two to four capitalised parts ("Jonas Mørk Berg", "Anne-Li Ek"),
/// or `None`. Lower-case parts (particles: "af", "von") are skipped.
fn initials_of(name: &str) -> Option<String> {
    // "BERG, TORILL", "Damgård, P.": a name in a list's order, the surname first and after its comma the
    // given names or their initials: the initials run given names first ("TB", "PD").
    if let Some((surname, given)) = name.split_once(", ") {
        let mut letters = String::new();
        for part in given.split([' ', '-']).filter(|p| !p.is_empty()) {
            let first = part.chars().next()?;
            let letters_in = part.chars().filter(|c| c.is_alphabetic()).count();
            let initial = letters_in == 1 && part.ends_with('.');
            if !first.is_uppercase() || !(initial || letters_in >= 2) {
                return None;
            }
            letters.extend(first.to_uppercase());
        }
        for part in surname.split([' ', '-']).filter(|p| !p.is_empty()) {
            let first = part.chars().next()?;
            if !first.is_uppercase() || part.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                return None;
            }
            letters.extend(first.to_uppercase());
        }
        return (2..=4)
            .contains(&letters.chars().count())
            .then_some(letters);
    }
    let mut letters = String::new();
    let mut parts = 0;
    for part in name
        .split([' ', '-', '\n', '\u{a0}'])
        .filter(|p| !p.is_empty())
    {
        let first = part.chars().next()?;
        if first.is_lowercase() {
            continue;
        }
        // An initial already ("J. Berg") or a word with no letter: not a name written in full.
        if !first.is_alphabetic() || part.chars().filter(|c| c.is_alphabetic()).count() < 2 {
            return None;
        }
        letters.extend(first.to_uppercase());
        parts += 1;
    }
    (2..=4).contains(&parts).then_some(letters)
}

/// The initials written at `at` (the previous character is no letter or digit): their letters and end,
/// and whether they were written with full stops. "K.L.", "K. L.", "K.L" and "KL" read as "KL".
fn initials_at(text: &str, at: usize) -> Option<(String, usize, bool)> {
    let rest = text.get(at..)?;
    let mut letters = String::new();
    let mut dotted = None;
    let mut end = at;
    let mut chars = rest.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if !c.is_uppercase() {
            break;
        }
        letters.push(c);
        end = at + i + c.len_utf8();
        match chars.peek() {
            Some(&(j, '.')) => {
                if dotted == Some(false) {
                    return None;
                }
                dotted = Some(true);
                end = at + j + 1;
                chars.next();
                // "R.-J.", "A.-M.": the initials of a double name's two parts, joined by its hyphen.
                if hyphened_part_at(rest, end - at) {
                    chars.next();
                    continue;
                }
                // "K. L.": one space after a full stop, before the next initial.
                if let Some(&(_, ' ')) = chars.peek() {
                    let after = rest.get(end - at + 1..).and_then(|t| t.chars().next());
                    let then = rest.get(end - at + 1..).and_then(|t| t.chars().nth(1));
                    if after.is_some_and(char::is_uppercase) && then == Some('.') {
                        chars.next();
                    }
                }
            }
            Some(&(_, n)) if n.is_uppercase() => {
                if dotted == Some(true) {
                    return None;
                }
                dotted = Some(false);
            }
            _ => break,
        }
    }
    let count = letters.chars().count();
    if !(2..=4).contains(&count) {
        return None;
    }
    // Dotted initials in the genitive ("R.T.s mann") are the person's as the name's genitive is: the
    // "s" goes with them.
    let dotted = dotted == Some(true);
    let mut next = text[end..].chars();
    let end = match (next.next(), next.next()) {
        (Some('s'), after) if dotted && !after.is_some_and(is_glued) => end + 1,
        _ => end,
    };
    // The word ends there: "KLM" inside "KLMs" or "K.L.3" is something else.
    if text[end..].chars().next().is_some_and(is_glued) {
        return None;
    }
    Some((letters, end, dotted))
}

/// Whether a hyphen, a capital and its full stop open `rest[i..]` ("-J." of "R.-J."): the second part of a
/// double name's initials.
fn hyphened_part_at(rest: &str, i: usize) -> bool {
    let mut next = rest.get(i..).unwrap_or("").chars();
    next.next() == Some('-')
        && next.next().is_some_and(char::is_uppercase)
        && next.next() == Some('.')
}

/// The initials of a double first name and a surname written with a hyphen between the first two at `at`
/// ("S-G B", "S.-G. B.", "S-G.B."), read as "SGB": the hyphen of the double name marks them as initials,
/// so they count as written with full stops.
fn hyphened_initials_at(text: &str, at: usize) -> Option<(String, usize, bool)> {
    let rest = text.get(at..)?;
    let mut chars = rest.char_indices().peekable();
    let mut letters = String::new();
    let mut end = 0;
    for k in 0..3 {
        let (i, c) = chars.next()?;
        if !c.is_uppercase() {
            return None;
        }
        letters.push(c);
        end = i + c.len_utf8();
        if let Some(&(j, '.')) = chars.peek() {
            end = j + 1;
            chars.next();
        }
        // The hyphen after the first; one space may stand after the second.
        if k == 0 && chars.next()?.1 != '-' {
            return None;
        }
        if k == 1 && chars.peek().is_some_and(|&(_, c)| c == ' ') {
            chars.next();
        }
    }
    if rest[end..].chars().next().is_some_and(is_glued) {
        return None;
    }
    Some((letters, at + end, true))
}

/// Dotted initials whose first is a capital I that OCR read as a small l ("l.D." for "I.D."), where the
/// capital at `at` follows that "l.": read as written with the I. `at - 2` is where they start.
fn misread_initials_at(text: &str, at: usize) -> Option<(String, usize, bool)> {
    let head = text.get(..at)?.strip_suffix("l.")?;
    if head
        .chars()
        .next_back()
        .is_some_and(|p| p.is_alphanumeric() || matches!(p, '-' | '/' | '&' | '.'))
    {
        return None;
    }
    let mut cut = (at + 24).min(text.len());
    while !text.is_char_boundary(cut) {
        cut -= 1;
    }
    let fixed = format!("I.{}", &text[at..cut]);
    let (letters, end, dotted) = initials_at(&fixed, 0)?;
    (dotted && end > 2).then_some((letters, at - 2 + end, true))
}

/// Whether `c` right after initials makes them part of a longer word or code ("KLMs", "K.L.3", "JM-sagen").
fn is_glued(c: char) -> bool {
    c.is_alphanumeric() || c == '-' || c == '/' || c == '&'
}

/// The first byte from `at` that is an ASCII capital or may lead a character beyond ASCII (from
/// `0xC0`), eight bytes at a time; the length of `bytes` when there is none.
fn next_capital_byte(bytes: &[u8], mut at: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(at..at + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word);
        let low = x & !HIGH;
        // A–Z (0x41–0x5A) below 0x80; from 0xC0 the top two bits are set.
        let upper = (low + 0x3F * ONES) & !(low + 0x25 * ONES) & !x;
        let lead = x & (x << 1);
        if (upper | lead) & HIGH != 0 {
            break;
        }
        at += 8;
    }
    while bytes
        .get(at)
        .is_some_and(|&b| !(b.is_ascii_uppercase() || b >= 0xC0))
    {
        at += 1;
    }
    at.min(bytes.len())
}

/// Whether a capital stands at `at` with a full stop or another capital right after it: where
/// [`initials_at`] may find initials (it finds none elsewhere).
fn initial_and_more(text: &str, at: usize) -> bool {
    let mut chars = text.get(at..).unwrap_or("").chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars
            .next()
            .is_some_and(|c| c == '.' || c == '-' || c.is_uppercase())
}

/// Whether the word right before `start` or right after `end` on the same line, joined by one space, is
/// capitalised or written in capitals: "JM Bygg", "Firma KL", "SAKER TIL BEHANDLING" (a firm, a title,
/// a heading), where bare capitals are no one's initials.
fn capitalised_beside(text: &str, start: usize, end: usize) -> bool {
    // A word that ends a sentence or a clause before ("Mødet. JM har …") joins nothing, and neither does
    // a closing ("Mvh JM", "Hilsen JOB"): the initials sign there.
    let before = text[..start]
        .strip_suffix(' ')
        .filter(|h| h.ends_with(char::is_alphanumeric))
        .and_then(|h| h.split(|c: char| !c.is_alphanumeric()).next_back())
        .is_some_and(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                && !closings().contains_fold(w)
        });
    // A phone number after the initials ("Mvh JOB 20 64 38 51") is the signer's, no part of a name.
    let rest = &text[end..];
    let after = rest
        .strip_prefix(' ')
        .filter(|t| !phone_follows(t))
        .and_then(|t| t.split(|c: char| !c.is_alphanumeric()).next())
        .is_some_and(|w| w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()));
    before || after
}

/// Whether `rest` opens with a phone number: eight digits or more, with single spaces between groups.
fn phone_follows(rest: &str) -> bool {
    let run: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .collect();
    !run.contains("  ") && run.chars().filter(char::is_ascii_digit).count() >= 8
}

/// How far after the person's name in full bare capitals may stand to be taken for the initials: about two
/// pages of minutes. In a long text the same capitals are more often an abbreviation ("FN", "OS") that
/// happens to share a person's initials.
const BARE_WINDOW: usize = 5000;

/// Whether the document uses the capitals `letters` as a thing somewhere: after an article or "i" ("ett
/// OS", "i FN"), or before a hyphen, a quotation mark or a genitive's "s" ("FN-sporet", "MS «Victoria»",
/// "FNs"). Initials of a person are none of these.
fn used_as_a_thing(text: &str, letters: &str) -> bool {
    const BEFORE: &[&str] = &["i", "en", "ett", "et", "ei", "eit", "den", "det", "årets"];
    text.match_indices(letters).any(|(i, _)| {
        let rest = &text[i + letters.len()..];
        let mut next = rest.chars();
        let (after, then) = (next.next(), next.next());
        if text[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            return false;
        }
        let genitive = after == Some('s') && !then.is_some_and(char::is_alphanumeric);
        if after.is_some_and(char::is_alphanumeric) && !genitive {
            return false;
        }
        let marked = genitive
            || matches!(
                (after, then),
                (
                    Some('-'),
                    Some(
                        'a'..='z'
                        | 'A'..='Z'
                        | 'æ'
                        | 'ø'
                        | 'å'
                        | 'ä'
                        | 'ö'
                        | 'Æ'
                        | 'Ø'
                        | 'Å'
                        | 'Ä'
                        | 'Ö',
                    ),
                )
            )
            || rest
                .trim_start_matches(' ')
                .starts_with(['«', '"', '\u{201c}', '\u{201d}']);
        let word_before = text[..i]
            .strip_suffix(' ')
            .and_then(|h| h.split(|c: char| !c.is_alphabetic()).next_back())
            .unwrap_or("");
        marked || BEFORE.iter().any(|w| w.eq_ignore_ascii_case(word_before))
    })
}

/// (initials, where the name in full ends, its subject) for each person the findings name and redact:
/// the initials of the whole name, and for a name of three words also its two given names' ("JP" for
/// "Jan Petter Ruud"), as a double first name is shortened.
fn initials_of_the_named(text: &str, raw: &[Raw]) -> Vec<(String, usize, Option<String>)> {
    raw.iter()
        .filter(|r| r.kind == Kind::Person && r.decision == Decision::Redact)
        .flat_map(|r| {
            let letters = initials_of(text.get(r.start..r.end).unwrap_or(""));
            let given = letters
                .as_ref()
                .filter(|l| l.chars().count() == 3)
                .map(|l| l.chars().take(2).collect::<String>());
            [letters, given]
                .into_iter()
                .flatten()
                .map(|l| (l, r.end, r.subject.clone()))
        })
        .collect()
}

/// The spans of the persons found in `raw`.
fn persons_of(raw: &[Raw]) -> Vec<(usize, usize)> {
    raw.iter()
        .filter(|r| r.kind == Kind::Person && r.decision == Decision::Redact)
        .map(|r| (r.start, r.end))
        .collect()
}

/// Whether initials at `start..end` are free to be found: nothing covers them, or only persons found
/// within them ("S-G" of "S-G B"), who give way to the initials whole.
fn free(covered: &[(usize, usize)], persons: &[(usize, usize)], start: usize, end: usize) -> bool {
    !overlaps_any(covered, start, end)
        || covered
            .iter()
            .filter(|&&(s, e)| s < end && start < e)
            .all(|&(s, e)| s >= start && e <= end && persons.contains(&(s, e)))
}

/// The reason of dotted initials no name in full explains.
pub(crate) const INITIALS_ALONE: &str =
    "initials with full stops standing as a person where no name in full explains them";

/// Marks of a note, places and a newspaper commonly written as dotted capitals, never a person's
/// initials.
const DOTTED_ABBREVIATIONS: &[&str] = &[
    "P.S.", "N.B.", "O.K.", "E.U.", "U.S.", "U.K.", "D.C.", "T.V.", "A.D.", "P.P.", "L.A.", "N.Y.",
    "B.T.",
];

/// Adds the dotted initials that stand as a person where no name in full in the text has them ("To
/// andelshavere er i restance. Den ene, S.N., har betalt", "S.N. har ringet"): minutes write a resident
/// so to spare the name, which neighbours still read. Two or three capitals, each with its full stop,
/// written together; not after a capitalised word nor before one (a name with its initials, "H.C.
/// Andersen", a title, a firm), and followed by a comma or a word in small letters, as a subject is.
/// Run after [`initials_of_people_named`]: initials it found are covered.
pub fn initials_standing_alone(
    text: &str,
    protected: &[(usize, usize)],
    raw: Vec<Raw>,
) -> Vec<Raw> {
    let bytes = text.as_bytes();
    let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    let persons = persons_of(&raw);
    let mut extra = Vec::new();
    let mut next = 0;
    // A dotted capital: a full stop right after a capital; the initials start at the first one.
    for dot in memchr::memchr_iter(b'.', bytes) {
        if dot < next || dot == 0 {
            continue;
        }
        let Some(c) = text[..dot].chars().next_back() else {
            continue;
        };
        if !c.is_uppercase() {
            continue;
        }
        let start = dot - c.len_utf8();
        let before = text[..start].chars().next_back();
        if before.is_some_and(|p| p.is_alphanumeric() || matches!(p, '-' | '/' | '&' | '.')) {
            continue;
        }
        let Some((letters, end, true)) = initials_at(text, start) else {
            continue;
        };
        next = end;
        let written = &text[start..end];
        let after = &text[end..];
        // A double name's part ("M. R.-J.", "A.-M. K."): the hyphen between two dotted capitals is a
        // name's, so a space between the initials and a fourth letter are a person's too.
        let hyphened = written.contains(".-");
        let subject = after.starts_with(',')
            || after
                .strip_prefix(' ')
                .is_some_and(|a| a.starts_with(char::is_lowercase))
            || hyphened && signs(text, start, end);
        let most = if hyphened { 4 } else { 3 };
        if !(2..=most).contains(&letters.chars().count())
            || written.contains(' ') && !hyphened
            || !subject
            || DOTTED_ABBREVIATIONS.contains(&written)
            || capitalised_beside(text, start, end)
            || !hyphened && overlaps_any(&covered, start, end)
            || hyphened && !free(&covered, &persons, start, end)
            || overlaps_any(protected, start, end)
        {
            continue;
        }
        extra.push(Raw::unknown_name(start, end, 0.6, INITIALS_ALONE).guessed(letters));
    }
    super::super::policy::resolve_with(raw, extra)
}

/// Whether the initials at `start..end` sign a letter: nothing after them on their line, and a closing
/// before them ("Hilsen\nK. L.-H.") or the board and a slash ("Bestyrelsen / J. V.-I.").
fn signs(text: &str, start: usize, end: usize) -> bool {
    let line_rest = text[end..].split('\n').next().unwrap_or("");
    if !line_rest.trim_end_matches(['\r', ' ']).is_empty() {
        return false;
    }
    let line_head = &text[text[..start].rfind('\n').map_or(0, |i| i + 1)..start];
    line_head.trim_end().ends_with('/') || super::context::signs_after_a_closing(text, start, end)
}

/// Adds, for every person the findings name in full, the initials of that name wherever they are written
/// alone in the text after it (see the module's comment). The findings stay sorted and apart.
pub fn initials_of_people_named(
    text: &str,
    protected: &[(usize, usize)],
    raw: Vec<Raw>,
) -> Vec<Raw> {
    let people = initials_of_the_named(text, &raw);
    if people.is_empty() {
        return raw;
    }
    // Dotted initials may stand before the name in full ("merket «K.H.» … Kari Hovde"): from the start.
    let mut at = 0;
    // Per initials, the names in full with them: (where the name ends, its index in `people`), in
    // that order, so the nearest one before a place is found by a binary search (the last of equal
    // ends, as a search of `people` for the greatest end keeps the last).
    let mut by_letters: HashMap<&str, Vec<(usize, usize)>> = HashMap::new();
    for (k, p) in people.iter().enumerate() {
        by_letters.entry(p.0.as_str()).or_default().push((p.1, k));
    }
    for v in by_letters.values_mut() {
        v.sort_unstable();
    }
    // `used_as_a_thing` per initials, asked once each: it searches the whole text.
    let mut thing: HashMap<String, bool> = HashMap::new();
    let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    let persons = persons_of(&raw);
    let mut extra = Vec::new();
    let bytes = text.as_bytes();
    while at < bytes.len() {
        // Only a capital or a letter beyond ASCII may start initials: skip to the next byte that may.
        at = next_capital_byte(bytes, at);
        let Some(&c) = bytes.get(at) else {
            break;
        };
        // Initials start with a capital after no letter, digit or joining mark.
        let starts = (c.is_ascii_uppercase() || c >= 0xc0)
            && text.is_char_boundary(at)
            && text[..at]
                .chars()
                .next_back()
                .is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '-' | '/' | '&' | '.')));
        // "l.D." for "I.D.": OCR reads a capital I as a small l.
        let misread = if starts {
            None
        } else {
            misread_initials_at(text, at)
        };
        let start = if misread.is_some() { at - 2 } else { at };
        // Initials are a capital and a full stop or another capital: most capitals start a word.
        if misread.is_none() && (!starts || !initial_and_more(text, at)) {
            at += 1;
            continue;
        }
        let Some((letters, end, dotted)) = misread
            .or_else(|| initials_at(text, at))
            .or_else(|| hyphened_initials_at(text, at))
        else {
            at += 1;
            continue;
        };
        // The nearest name in full before, with these initials; for dotted initials that no name before
        // explains, the first one after.
        let person = by_letters.get(letters.as_str()).and_then(|v| {
            let before = v.partition_point(|&(e, _)| e <= start);
            match before.checked_sub(1) {
                Some(i) => people.get(v[i].1),
                None if dotted && !DOTTED_ABBREVIATIONS.contains(&&text[start..end]) => {
                    v.first().and_then(|&(_, k)| people.get(k))
                }
                None => None,
            }
        });
        // "Ordföranden (KB) redogjorde …": alone in brackets the capitals are no firm's legal form.
        let bracketed = text[..start].ends_with('(') && text[end..].starts_with(')');
        let written_as_initials = |p: &&(String, usize, Option<String>)| {
            dotted
                || (start - p.1 <= BARE_WINDOW
                    && (bracketed || !is_legal_form(&text[start..end]))
                    && !capitalised_beside(text, start, end)
                    && !*thing
                        .entry(letters.clone())
                        .or_insert_with(|| used_as_a_thing(text, &letters)))
        };
        if let Some((_, _, subject)) = person.filter(written_as_initials) {
            if free(&covered, &persons, start, end) && !overlaps_any(protected, start, end) {
                extra.push(
                    Raw::unknown_name(start, end, 0.6, INITIALS_OF_A_PERSON_NAMED)
                        .about(subject.clone()),
                );
            }
        }
        at = end;
    }
    super::super::policy::resolve_with(raw, extra)
}

#[cfg(test)]
mod tests {
    use super::*;

    use super::super::persons_found as persons;

    /// [`initials_of_people_named`] as it was first written: each place's nearest name in full
    /// looked for among all of them, and `used_as_a_thing` asked anew each time.
    fn initials_by_scan(text: &str, protected: &[(usize, usize)], raw: Vec<Raw>) -> Vec<Raw> {
        let people = initials_of_the_named(text, &raw);
        if people.is_empty() {
            return raw;
        }
        let mut at = 0;
        let covered: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
        let persons = persons_of(&raw);
        let mut extra = Vec::new();
        let bytes = text.as_bytes();
        while at < bytes.len() {
            let c = bytes[at];
            // Initials start with a capital after no letter, digit or joining mark.
            let starts = (c.is_ascii_uppercase() || c >= 0xc0)
                && text.is_char_boundary(at)
                && text[..at]
                    .chars()
                    .next_back()
                    .is_none_or(|p| !(p.is_alphanumeric() || matches!(p, '-' | '/' | '&' | '.')));
            if !starts {
                at += 1;
                continue;
            }
            let Some((letters, end, dotted)) =
                initials_at(text, at).or_else(|| hyphened_initials_at(text, at))
            else {
                at += 1;
                continue;
            };
            // The nearest name in full before, with these initials; for dotted ones, else the first after.
            let person = people
                .iter()
                .filter(|p| p.0 == letters && p.1 <= at)
                .max_by_key(|p| p.1)
                .or_else(|| {
                    people
                        .iter()
                        .filter(|p| {
                            dotted
                                && p.0 == letters
                                && !DOTTED_ABBREVIATIONS.contains(&&text[at..end])
                        })
                        .min_by_key(|p| p.1)
                });
            let written_as_initials = |p: &&(String, usize, Option<String>)| {
                dotted
                    || (at - p.1 <= BARE_WINDOW
                        && !is_legal_form(&text[at..end])
                        && !capitalised_beside(text, at, end)
                        && !used_as_a_thing(text, &letters))
            };
            if let Some((_, _, subject)) = person.filter(written_as_initials) {
                if free(&covered, &persons, at, end) && !overlaps_any(protected, at, end) {
                    extra.push(
                        Raw::unknown_name(at, end, 0.6, INITIALS_OF_A_PERSON_NAMED)
                            .about(subject.clone()),
                    );
                }
            }
            at = end;
        }
        super::super::super::policy::resolve_with(raw, extra)
    }

    /// Text with names in full, their initials in every form and other capitals (invented people).
    fn initials_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let piece = prop_oneof![
            3 => prop::sample::select(&[
                "Jonas Moberg", "Tilde Envall", "Siv Aune Rød", "Jonas Mørk", "Åse Ødegård",
                "Ebba af Rosen", "JM", "J.M.", "J. M.", "TE", "T.E.", "SAR", "S.A.R.", "ÅØ", "Å.Ø.",
                "ER", "OS", "FN", "AS", "i JM", "JM-sporet", "JMs", "JM Bygg", "Firma TE", "«JM»",
                "KL", "TIL STEDE", "Hilsen", "styret", "har talt", "Mødet.", "/",
            ][..]),
            3 => prop::sample::select(&[" ", " ", "\n", ". ", ", ", "-", "&", "\n\n"][..]),
        ];
        prop_oneof![
            4 => prop::collection::vec(piece.prop_map(str::to_string), 0..50).prop_map(|p| p.concat()),
            1 => crate::redact::testgen::text(),
        ]
    }

    proptest::proptest! {
        /// The byte found eight bytes at a time is the first capital or lead byte from there.
        #[test]
        fn next_capital_byte_is_the_first(
            bytes in proptest::collection::vec(proptest::prelude::any::<u8>(), 0..40),
            from in 0usize..48,
        ) {
            let naive = bytes
                .get(from..)
                .and_then(|b| b.iter().position(|&c| c.is_ascii_uppercase() || c >= 0xC0))
                .map_or(bytes.len().max(from.min(bytes.len())), |p| from + p);
            proptest::prop_assert_eq!(next_capital_byte(&bytes, from), naive);
        }

        /// Regression guard for the speed-up of the initials (the names in full looked up by their
        /// initials, `used_as_a_thing` asked once per initials): the same findings as the first
        /// version for the names in full found anywhere, with and without subjects.
        #[test]
        fn initials_found_by_lookup_are_the_scans(text in initials_text()) {
            let mut raw: Vec<Raw> = Vec::new();
            for name in ["Jonas Moberg", "Tilde Envall", "Siv Aune Rød", "Jonas Mørk", "Åse Ødegård", "Ebba af Rosen"] {
                for (i, _) in text.match_indices(name) {
                    let mut r = super::super::super::policy::unknown_person_at(i, i + name.len());
                    r.subject = (i % 3 != 0).then(|| format!("g{}", i % 7));
                    raw.push(r);
                }
            }
            let raw = super::super::super::policy::resolve(raw);
            let key = |v: Vec<Raw>| -> Vec<(usize, usize, &'static str, Option<String>)> {
                v.into_iter().map(|r| (r.start, r.end, r.reason, r.subject)).collect()
            };
            let protected = [(0, text.len().min(3))];
            proptest::prop_assert_eq!(
                key(initials_of_people_named(&text, &protected, raw.clone())),
                key(initials_by_scan(&text, &protected, raw))
            );
        }
    }

    #[test]
    fn initials_of_a_name() {
        assert_eq!(initials_of("Jonas Mørk Berg").as_deref(), Some("JMB"));
        assert_eq!(initials_of("Anne-Li Ek").as_deref(), Some("ALE"));
        assert_eq!(initials_of("Ebba af Rosen").as_deref(), Some("ER"));
        assert_eq!(initials_of("J. Berg"), None);
        assert_eq!(initials_of("Berg"), None);
    }

    #[test]
    fn initials_as_written() {
        assert_eq!(initials_at("K.L. sagde", 0), Some(("KL".into(), 4, true)));
        assert_eq!(initials_at("K. L. sagde", 0), Some(("KL".into(), 5, true)));
        assert_eq!(initials_at("KL sagde", 0), Some(("KL".into(), 2, false)));
        assert_eq!(initials_at("KLM-banen", 0), None);
        assert_eq!(initials_at("K.L3", 0), None);
        assert_eq!(initials_at("Kl. 18", 0), None);
        assert_eq!(initials_at("K. Berg", 0), None);
    }

    /// Regression (class: the initials of a person named in a list's order in a table's row, "<SURNAME>,
    /// <I>." … "<I>.<S>. har ringet", and the initials of a double first name and a surname written with
    /// the double name's hyphen, "<F>-<M> <S>", stayed in the published text; the double name's initials
    /// found alone left the surname's). Invented people.
    #[test]
    fn regression_initials_of_a_name_in_a_lists_order_and_with_a_hyphen() {
        assert_eq!(initials_of("VINDAL, P.").as_deref(), Some("PV"));
        assert_eq!(initials_of("Berg, Torill Anne").as_deref(), Some("TAB"));
        assert_eq!(initials_of("Berg, 12"), None);
        assert_eq!(
            hyphened_initials_at("S-G B påpekade", 0),
            Some(("SGB".into(), 5, true))
        );
        assert_eq!(
            hyphened_initials_at("S.-G. B. sa", 0),
            Some(("SGB".into(), 8, true))
        );
        assert_eq!(hyphened_initials_at("S-G Bygg", 0), None);
        let p = persons(
            "Restancer:\n  nr. 14   VINDAL, P.     4.200 kr.\n  nr. 31   Holm, Åse      8.400 kr.\n\
             Der sendes rykker. P.V. har ringet.\nRevisorn Sven-Gunnar Bylander tillstyrkte. S-G B \
             påpekade att planen är gammal.\n",
        );
        for name in ["VINDAL, P.", "P.V.", "S-G B"] {
            assert!(p.iter().any(|n| n == name), "{name} not in {p:?}");
        }
    }

    #[test]
    fn capitals_beside_make_a_firm_or_a_heading() {
        assert!(capitalised_beside("fra JM Bygg og", 4, 6));
        assert!(capitalised_beside("Firma JM leverer", 6, 8));
        assert!(!capitalised_beside("Mødet. JM har talt", 7, 9));
        // A closing before and a phone number after sign with the initials.
        assert!(!capitalised_beside("Mvh JOB 20 64 38 51", 4, 7));
        assert!(!capitalised_beside("Hilsen KEW", 7, 10));
        assert!(capitalised_beside("Hilsen KEW 12 Bygg", 7, 10));
    }

    /// Initials of a person named in full elsewhere in the document are that person, with or without full
    /// stops, as the subject, in a signature or after a cue; bare capitals beside a capitalised word (a
    /// firm) or a legal form are not, nor initials nobody in the text has.
    #[test]
    fn initials_of_a_person_named_in_full() {
        let text = "Til stede: Jonas Moberg, Tilde Envall, Siv Aune Rød\n\n\
                    JM har talt med viceværten. T.E. minder om festen.\n\n\
                    Hilsen styret\nS.A.R., Jonas Moberg\n";
        let p = persons(text);
        for ini in ["JM", "T.E.", "S.A.R."] {
            assert!(p.iter().any(|f| f == ini), "{ini} not in {p:?}");
        }
        let text = "Til stede: Jonas Moberg, Anne Svale\n\nTilbud fra JM Bygg og fra Berg AS. \
                    Se også punkt AB.\n";
        let p = persons(text);
        assert!(
            !p.iter().any(|f| f == "JM" || f == "AS" || f == "AB"),
            "{p:?}"
        );
        // Before the name in full, or used as a thing elsewhere ("i OS"), capitals are no initials.
        let text = "FN sa nei. Til stede: Frida Nes, Olle Sand\n\nFN har svart, OS sa nei. \
                    Vi var i OS.\n";
        let p = persons(text);
        assert_eq!(p.iter().filter(|f| *f == "FN").count(), 1, "{p:?}");
        assert!(!p.iter().any(|f| f == "OS"), "{p:?}");
        // A double first name's two initials, without the surname's.
        let text =
            "Til stede: Per Olav Lid\n\nKlagen gjelder PL og PO i mars. Svar fra P.O. i mai.\n";
        let p = persons(text);
        assert!(
            p.iter().any(|f| f == "PO") && p.iter().any(|f| f == "P.O."),
            "{p:?}"
        );
        assert!(!p.iter().any(|f| f == "PL"), "{p:?}");
        assert!(used_as_a_thing("Vi var i OS.", "OS"));
        assert!(used_as_a_thing("FN-sporet", "FN"));
        assert!(used_as_a_thing("FNs plan", "FN"));
        assert!(!used_as_a_thing("FN sa nei og FN kom", "FN"));
    }
}
