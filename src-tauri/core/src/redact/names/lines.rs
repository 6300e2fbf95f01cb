//! Names their line shows to be people, whether or not a list knows them: the writer after a closing word,
//! a credit's name ("FOTO: …"), first names in lines typed all in lower case, and the names a pasted
//! e-mail's display name or address spells.

use super::context::*;
use super::*;

/// The end of a writer's name that runs to the end of its line after the first name ending at `end`
/// ("hilsen sigrun vesteraas", "fra: ragnvald aas kvamme"): one to three more words of letters, written
/// as the first name is (in lower case after a lower-case one, capitalised after a capitalised one), no
/// function word among them, and nothing after them on the line; else `end`.
fn rest_of_a_written_name(text: &str, end: usize, first: &str) -> usize {
    let line = text[end..].split('\n').next().unwrap_or("");
    let line = line.trim_end_matches(['\r', ' ']);
    let lower = first.starts_with(char::is_lowercase);
    let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
    let name_like = |w: &&str| {
        w.chars().count() >= 2
            && w.chars().all(|c| c.is_alphabetic() || c == '-')
            && w.starts_with(char::is_lowercase) == lower
            && !function_words().contains(&w.to_lowercase())
    };
    if line.starts_with(' ') && (1..=3).contains(&words.len()) && words.iter().all(name_like) {
        end + line.len()
    } else {
        end
    }
}

/// The first letters of the closing words (`assets/words/closings.txt`), in both cases, as a table: the
/// searches for a closing word run over every byte.
const CLOSING_FIRST: [bool; 256] = {
    let mut t = [false; 256];
    let mut k = 0;
    let letters = b"mMhHvVkK";
    while k < letters.len() {
        t[letters[k] as usize] = true;
        k += 1;
    }
    t
};

/// The first byte at or after `i` that [`CLOSING_FIRST`] holds, eight bytes at a time (a byte-by-byte
/// search of the table cost about 9 instructions a byte): each byte with 0x20 set is compared with the
/// four letters in small letters, so a capital matches too, and nothing above ASCII does. The first zero
/// byte of a word XOR a letter is exact (a borrow only runs from a zero byte upwards).
fn next_closing_first(bytes: &[u8], mut i: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])) | (ONES * 0x20);
        let zero = |letter: u8| {
            let x = w ^ (ONES * u64::from(letter));
            x.wrapping_sub(ONES) & !x & HIGH
        };
        let found = zero(b'm') | zero(b'h') | zero(b'v') | zero(b'k');
        if found != 0 {
            return Some(i + found.trailing_zeros() as usize / 8);
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(|&b| CLOSING_FIRST[usize::from(b)])
        .map(|p| i + p)
}

/// Names in lower case that their place shows to be a person: the writer after a closing word ("mvh
/// kari", "Hilsen\nlena") and the display name of an e-mail address whose words the address repeats
/// ("Fra: kari nesset <kari.nesset@…>").
pub(super) fn signatures(text: &str, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    // The writer after a closing word.
    let closing = closings_by_first_letters(text);
    for &(_, end) in &closing.signing {
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', ',', '\n', '\r']).len();
        if gap == 0 || rest[..gap].matches('\n').count() > 1 {
            continue;
        }
        let s = end + gap;
        let e = word_end(text, s);
        let Some(word) = text.get(s..e).filter(|w| w.chars().count() >= 3) else {
            continue;
        };
        let mut key = String::new();
        fold_into(word, &mut key);
        let info = first_names().get(&key);
        if info.is_some_and(|x| !x.word) && !function_words().contains(&key) && !is_place(&key) {
            out.push(
                Raw::unknown_name(
                    s,
                    rest_of_a_written_name(text, e, word),
                    0.7,
                    "a first name after a closing word",
                )
                .guessed(&key),
            );
        }
    }
    // "fra: ragnvald aas kvamme": a pasted e-mail's sender, the header's label alone before it on its
    // line, written in lower case as the message is; a first name the lists know opens it.
    for colon in memchr::memchr_iter(b':', bytes) {
        let line_start = text[..colon].rfind('\n').map_or(0, |n| n + 1);
        let label = text[line_start..colon].trim_start();
        if !matches!(label, "fra" | "från" | "frå" | "from") {
            continue;
        }
        let s =
            colon + 1 + (text[colon + 1..].len() - text[colon + 1..].trim_start_matches(' ').len());
        let e = word_end(text, s);
        let Some(word) = text
            .get(s..e)
            .filter(|w| w.chars().count() >= 3 && w.chars().all(char::is_lowercase))
        else {
            continue;
        };
        let info = first_names().get(word);
        // The name fills the line (a display name before "<address>" is read below).
        let end = rest_of_a_written_name(text, e, word);
        let line_rest = text[end..].split('\n').next().unwrap_or("").trim();
        if info.is_some_and(|x| !x.word)
            && !function_words().contains(word)
            && !is_place(word)
            && line_rest.is_empty()
        {
            out.push(
                Raw::unknown_name(s, end, 0.7, "a pasted e-mail's sender in lower case")
                    .guessed(word),
            );
        }
    }
    // "/dragana", "/Kim": a writer signs a short message with a slash and a first name on a line of its own.
    for slash in memchr::memchr_iter(b'/', bytes) {
        let line_start = text[..slash].rfind('\n').map_or(0, |n| n + 1);
        if !text[line_start..slash].trim().is_empty() {
            continue;
        }
        let s = slash + 1;
        let e = word_end(text, s);
        let rest_of_line = text[e..].split('\n').next().unwrap_or("");
        let Some(word) = text
            .get(s..e)
            .filter(|w| w.chars().count() >= 3 && rest_of_line.trim().is_empty())
        else {
            continue;
        };
        let mut key = String::new();
        fold_into(word, &mut key);
        if first_names().get(&key).is_some_and(|x| !x.word)
            && !function_words().contains(&key)
            && !is_place(&key)
        {
            out.push(
                Raw::unknown_name(s, e, 0.7, "a first name signing a message after a slash")
                    .guessed(&key),
            );
        }
    }
    // The display name before "<address@…>".
    for lt in memchr::memchr_iter(b'<', bytes) {
        let Some(gt) = text[lt..].find('>').map(|g| lt + g) else {
            continue;
        };
        let address = &text[lt + 1..gt];
        let Some((local, _)) = address.split_once('@') else {
            continue;
        };
        if gt - lt > 120 || address.contains(char::is_whitespace) {
            continue;
        }
        let local = local.to_lowercase();
        let line_start = text[..lt].rfind('\n').map_or(0, |n| n + 1);
        let head = &text[line_start..lt];
        // Past a header's label ("Fra:", "From:").
        let head_start = head.rfind(':').map_or(0, |c| c + 1);
        // The words of the display name, with their offsets in the text.
        let base = line_start + head_start;
        let mut words: Vec<(usize, &str)> = Vec::new();
        let mut rest = &head[head_start..];
        let mut at = base;
        while let Some(s) = rest.find(|c: char| !c.is_whitespace()) {
            let e = rest[s..]
                .find(char::is_whitespace)
                .map_or(rest.len(), |e| s + e);
            words.push((at + s, &rest[s..e]));
            at += e;
            rest = &rest[e..];
        }
        let spelled = |&(_, w): &(usize, &str)| {
            w.chars().count() >= 2 && w.chars().all(|c| c.is_alphabetic() || c == '-') && {
                // "dragana marković <dragana.markovic@…>": addresses are typed without the
                // marks of the name's alphabet, and a hyphenated first name's initials
                // without the hyphen ("k-j ramstedt <kj.ramstedt@…>").
                let w = w.to_lowercase();
                local.contains(&w)
                    || (w.contains('-') && local.contains(&w.replace('-', "")))
                    || super::register::ascii_spellings(&w)
                        .iter()
                        .any(|v| local.contains(v.as_str()))
            }
        };
        // "ellinor voldsund <ellinor.v@…>": an address of the first name and the surname's initial (or
        // the other way round) spells the word it gives in full and only the first letter of the other.
        let parts: Vec<&str> = local.split(['.', '_', '-']).collect();
        let initialled = |&(_, w): &(usize, &str)| {
            w.chars().count() >= 2
                && w.chars().all(char::is_alphabetic)
                && w.chars().next().is_some_and(|c| {
                    let c = c.to_lowercase().to_string();
                    parts.iter().any(|p| *p == c)
                })
        };
        let whole = !words.is_empty()
            && words.len() <= 4
            && (words.iter().all(spelled)
                || words.len() >= 2
                    && words.iter().any(spelled)
                    && words.iter().all(|w| spelled(w) || initialled(w)));
        // The whole display name, or, in a sentence with no header's label ("Mejl från kari
        // nesset <…>"), the two to four words before the address that it repeats.
        let taken = if whole {
            words.len()
        } else {
            let n = words.iter().rev().take_while(|&w| spelled(w)).count();
            if (2..=4).contains(&n) {
                n
            } else {
                0
            }
        };
        if taken > 0 {
            let start = words[words.len() - taken].0;
            let (last_at, last) = words[words.len() - 1];
            let name_end = last_at + last.len();
            let name = &text[start..name_end];
            out.push(
                Raw::unknown_name(start, name_end, 0.8, MAIL_NAME).guessed(name.to_lowercase()),
            );
        }
    }
    mail_names_in_lower_case(text, out);
    mail_initials_after_closing(text, out, closing.words);
}

/// The byte after the char at `at`.
fn char_after(text: &str, at: usize) -> usize {
    at + text[at..].chars().next().map_or(1, char::len_utf8)
}

/// "mvh kj" under a pasted e-mail from "k-j ramstedt <…>": the sender's initials (of the first name's
/// parts, or of every word) after a closing word sign the message. Only initials of a display name the
/// document gives count, so two letters after "mvh" are read only where they are someone's.
fn mail_initials_after_closing(
    text: &str,
    out: &mut Vec<Raw>,
    closing_words: Option<Vec<(usize, usize)>>,
) {
    let mut initials: Vec<String> = Vec::new();
    for r in out.iter().filter(|r| r.reason == MAIL_NAME) {
        let name = text[r.start..r.end].to_lowercase();
        let first_of = |ws: &[&str]| -> String {
            ws.iter()
                .flat_map(|w| w.split('-'))
                .filter_map(|p| p.chars().next())
                .collect()
        };
        let words: Vec<&str> = name.split_whitespace().collect();
        for v in [first_of(&words[..1]), first_of(&words)] {
            if v.chars().count() >= 2 && !initials.contains(&v) {
                initials.push(v);
            }
        }
    }
    if initials.is_empty() {
        return;
    }
    let mut found = Vec::new();
    let closing_words = closing_words.unwrap_or_else(|| closing_words_walk(text));
    for (_, end) in closing_words {
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start_matches([' ', ',', '\n', '\r']).len();
        if gap == 0 || rest[..gap].matches('\n').count() > 1 {
            continue;
        }
        let s = end + gap;
        let e = word_end(text, s);
        if e > s && initials.iter().any(|v| text[s..e].eq_ignore_ascii_case(v)) {
            found.push(Raw::unknown_name(
                s,
                e,
                0.75,
                "the initials of an e-mail's sender after a closing word",
            ));
        }
    }
    out.extend(found);
}

/// The closing words of `text` ("mvh", "Hilsen") as a walk over its words reads them ([`closing_words_walk`]),
/// found from the closing words' first letters instead of reading every word: a word that starts at such a
/// letter, not right after a letter or a digit, is a word the walk reads too, unless the walk joined it to
/// the word before across a hyphen or took it as the "s" after an apostrophe; where a closing word stands
/// so, and in a text with the Kelvin sign (a capital K to the case folding), the walk itself answers.
#[cfg(test)]
fn closing_words(text: &str) -> Vec<(usize, usize)> {
    closings_by_first_letters(text)
        .words
        .unwrap_or_else(|| closing_words_walk(text))
}

/// [`closing_words`] by the walk over every word: each word from a letter (its end by `word_end`, at least
/// one character on), not glued to a letter or digit before it, that the closing words hold.
fn closing_words_walk(text: &str) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    let mut i = 0;
    while let Some(off) = text[i..].find(char::is_alphabetic) {
        let at = i + off;
        let end = word_end(text, at).max(char_after(text, at));
        i = end;
        if text[..at].ends_with(|c: char| c.is_alphanumeric())
            || !closings().contains_fold(&text[at..end])
        {
            continue;
        }
        found.push((at, end));
    }
    found
}

/// The closing words of a text, from one search for the bytes of their first letters.
struct Closings {
    /// As the signatures' search reads them: it stops at a first letter, and goes on from the end
    /// of the word there.
    signing: Vec<(usize, usize)>,
    /// As [`closing_words_walk`] reads them, or `None` where only the walk can tell ([`closing_words`]).
    words: Option<Vec<(usize, usize)>>,
}

/// [`Closings`] of `text`. (The two readings were two searches of every byte, each reading the words at
/// its stops.)
fn closings_by_first_letters(text: &str) -> Closings {
    let bytes = text.as_bytes();
    let mut signing = Vec::new();
    let mut words = (memchr::memmem::find(bytes, "\u{212A}".as_bytes()).is_none()).then(Vec::new);
    // Where the signatures' search stops next: at the first letter at or after the end of the word at
    // its last stop.
    let mut stop_from = 0;
    let mut i = 0;
    while let Some(at) = next_closing_first(bytes, i) {
        i = at + 1;
        let stop = at >= stop_from;
        let starts_word = match at.checked_sub(1).map(|p| bytes[p]) {
            None => true,
            Some(b) if b < 0x80 => !b.is_ascii_alphanumeric(),
            Some(_) => !text[..at].ends_with(|c: char| c.is_alphanumeric()),
        };
        if !stop && !starts_word {
            continue;
        }
        let end = word_end(text, at);
        if stop {
            stop_from = end.max(at + 1);
        }
        if !starts_word || !closings().contains_fold(&text[at..end]) {
            continue;
        }
        if stop {
            signing.push((at, end));
        }
        // Joined to the word before by a hyphen (perhaps across a line break), or the "s" after an
        // apostrophe: whether the walk reads a word here depends on the words before.
        let before = bytes[..at]
            .iter()
            .rev()
            .find(|&&b| !matches!(b, b' ' | b'\r' | b'\n'));
        if before == Some(&b'-') || text[..at].ends_with(['\'', '\u{2019}']) {
            words = None;
        }
        if let Some(w) = &mut words {
            w.push((at, end.max(char_after(text, at))));
        }
    }
    Closings { signing, words }
}

/// "FOTO: SELAM HAILE", "Tekst og foto: Rune Vik": the two or three capitalised words after a credit's label
/// name the person who took the picture or wrote the text, whether or not a list knows them. Not a firm, an
/// institution, a place or an abbreviation ("Foto: NTB Scanpix", "FOTO: AALBORG KOMMUNE"), nor one word.
/// `registered`: as for [`lower_case_lines`] (the register finds and keeps its own people).
pub(super) fn credits(text: &str, registered: &dyn Fn(&str) -> bool, out: &mut Vec<Raw>) {
    const LABELS: &[&str] = &[
        "foto",
        "fotos",
        "bilde",
        "bilder",
        "bild",
        "billede",
        "billeder",
        "tekst",
        "text",
        "fotograf",
        "illustrasjon",
        "illustration",
        "tegning",
        "teckning",
    ];
    for colon in memchr::memchr_iter(b':', text.as_bytes()) {
        let head = &text[..colon];
        let label = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        // The label may say where the picture is: "FOTO PÅ FORSIDEN:", "Bild på omslaget:" (the line
        // opens with the credit's word, four words at most before the colon).
        let line_head = head.rsplit('\n').next().unwrap_or("").trim_start();
        let opening = line_head.split(' ').next().unwrap_or("");
        let placed = is_one_of(opening, LABELS) && line_head.split(' ').count() <= 4;
        if !(is_one_of(label, LABELS) || placed) {
            continue;
        }
        let rest = &text[colon + 1..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        if gap == 0 {
            continue;
        }
        let start = colon + 1 + gap;
        // The words up to the end of the line, a wide gap (the next credit) or a punctuation mark.
        let line = text[start..].split('\n').next().unwrap_or("");
        let line = line.split("  ").next().unwrap_or("");
        let span = line
            .split([',', ';', '(', '|', '/', '·'])
            .next()
            .unwrap_or("")
            .trim_end();
        let words: Vec<&str> = span.split(' ').collect();
        let name = (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                let mut key = String::new();
                fold_into(w, &mut key);
                w.chars().next().is_some_and(char::is_uppercase)
                    && w.chars().count() >= 2
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !abbreviation(&key)
                    && !is_company_word(w)
                    && !is_institution(&key)
                    && !is_place(&key)
                    && !function_words().contains(&key)
                    && !registered(&key)
            });
        if name {
            out.push(
                Raw::unknown_name(start, start + span.len(), 0.7, "the name in a credit")
                    .guessed(span.to_lowercase()),
            );
        }
    }
}

/// Whether a word of `line` (split at white space, as `split_whitespace` splits) holds a capital and
/// no ASCII digit: read byte by byte, a character beyond ASCII decoded where it starts.
fn capital_word_without_digits(line: &str) -> bool {
    let bytes = line.as_bytes();
    let (mut capital, mut digit) = (false, false);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let (space, upper, len) = if b < 0x80 {
            // `char::is_whitespace` on ASCII: the space and U+0009–U+000D.
            (matches!(b, b' ' | 0x09..=0x0d), b.is_ascii_uppercase(), 1)
        } else {
            let c = line.get(i..).and_then(|t| t.chars().next()).unwrap_or(' ');
            (c.is_whitespace(), c.is_uppercase(), c.len_utf8())
        };
        if space {
            if capital && !digit {
                return true;
            }
            (capital, digit) = (false, false);
        } else {
            capital |= upper;
            digit |= b.is_ascii_digit();
        }
        i += len;
    }
    capital && !digit
}

/// "marit i etasjen under har også hørt det": in a line typed all in lower case, as the body of a pasted
/// e-mail often is (six words or more, not one capitalised, not opening with a number), a first name from the lists that is no word,
/// place or function word is the person it names, as it would be with its capital. Lines with a capital
/// letter are passed over at once, so news text and ordinary minutes are not read word by word.
/// `registered`: whether the register holds the folded word as a name (its people are the register's
/// to find, in lower case too, and to keep when they stay).
pub(super) fn lower_case_lines(text: &str, registered: &dyn Fn(&str) -> bool, out: &mut Vec<Raw>) {
    let mut from = 0;
    while from < text.len() {
        let to = memchr::memchr(b'\n', &text.as_bytes()[from..]).map_or(text.len(), |i| from + i);
        let line = &text[from..to];
        let start = from;
        from = to + 1;
        // A capital inside a code with digits ("thea i H0302", "fra 12A") is no capitalised word; only
        // lines with a digit are read word by word for that.
        let capitalised = |line: &str| {
            // Eight bytes at a time: most lines hold no digit and are read to their end.
            if crate::redact::text::next_digit(line.as_bytes(), 0).is_none() {
                return line.bytes().any(|b| b.is_ascii_uppercase())
                    || line.chars().any(char::is_uppercase);
            }
            capital_word_without_digits(line)
        };
        // A line that opens with a number ("15 prosent av dei …") is a sentence whose first word has no
        // capital to show, not a line typed in lower case.
        let opens_with_a_number = line
            .chars()
            .find(|c| !c.is_whitespace() && !matches!(c, '-' | '–' | '«' | '"' | '(' | '»' | '\''))
            .is_some_and(|c| c.is_ascii_digit());
        if capitalised(line)
            || opens_with_a_number
            || line.split_whitespace().count() < 6
            || line.contains('@')
        {
            continue;
        }
        let is_letter = |c: char| c.is_alphabetic() || c == '-';
        let mut words: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for (i, c) in line
            .char_indices()
            .chain(std::iter::once((line.len(), ' ')))
        {
            match (open, is_letter(c)) {
                (None, true) => open = Some(i),
                (Some(a), false) => {
                    words.push((a, i));
                    open = None;
                }
                _ => {}
            }
        }
        let mut previous = String::new();
        for (a, b) in words {
            let raw = &line[a..b];
            let word = raw.trim_matches('-');
            let mut key = String::new();
            fold_into(word, &mut key);
            // "min dotter mila": after a cue ("dotter", "naboen") any listed first name counts, also one
            // that is a word or only on the international list.
            let cued = cues().contains(&previous);
            previous.clone_from(&key);
            if word.chars().count() < 3 {
                continue;
            }
            let w_start = start + a + (raw.len() - raw.trim_start_matches('-').len());
            let name = first_names()
                .get(&key)
                .is_some_and(|x| !x.thing && (cued || !x.word && x.nordic > 0));
            if name && !function_words().contains(&key) && !is_place(&key) && !registered(&key) {
                out.push(
                    Raw::unknown_name(
                        w_start,
                        w_start + word.len(),
                        0.6,
                        "a first name in a line typed in lower case",
                    )
                    .guessed(&key),
                );
            }
        }
    }
}

/// The reason of a name in a list's order alone in a table's cell.
const LISTS_ORDER_IN_A_CELL: &str =
    "a surname, a comma and a first name or an initial, alone in a cell of a table's row";

/// Whether a cell of a table's row ends at `at` going left (`left`) or right: the line's edge, a tab or
/// two spaces.
fn cell_edge(text: &str, at: usize, left: bool) -> bool {
    if left {
        let head = text[..at].trim_end_matches(' ');
        head.is_empty() || head.ends_with(['\n', '\t']) || at - head.len() >= 2
    } else {
        let tail = &text[at..];
        let rest = tail.trim_start_matches(' ');
        rest.is_empty() || rest.starts_with(['\n', '\r', '\t']) || tail.len() - rest.len() >= 2
    }
}

/// Whether the line around `start..end` holds another cell than `start..end`: text beyond two spaces or a
/// tab on either side.
fn other_cell_on_the_line(text: &str, start: usize, end: usize) -> bool {
    let head = &text[..start];
    let line_start = head.rfind('\n').map_or(0, |i| i + 1);
    let tail = &text[end..];
    let line_end = tail.find('\n').map_or(text.len(), |i| end + i);
    !text[line_start..start].trim().is_empty() || !text[end..line_end].trim().is_empty()
}

/// "  nr. 11  BERG, TORILL     kr 8 640", "  nr. 14   Damgård, P.    4.200 kr.": a person in a list's order
/// alone in a cell of a table's row, as an administrator's printout gives its residents. The surname is
/// one word of letters (a hyphen inside), capitalised or in capitals, no function word; after its comma
/// a first name the lists know written the same way, or one initial and its full stop. The cell opens a
/// line or follows a tab or two spaces, ends so too, and the line holds another cell: in a sentence the
/// same words ("i Oslo, Kari sa") are a place and a person. A surname the register holds is left to the
/// register's rules, which know whether its bearer is kept (a board member) or not.
pub(super) fn names_in_a_lists_order(
    text: &str,
    registered: &dyn Fn(&str) -> bool,
    out: &mut Vec<Raw>,
) {
    for m in memchr::memmem::find_iter(text.as_bytes(), b", ") {
        let head = &text[..m];
        let start = head
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic() || c == '-')
            .last()
            .map_or(m, |(i, _)| i);
        let surname = &text[start..m];
        if surname.chars().count() < 2
            || !surname.starts_with(char::is_uppercase)
            || surname.starts_with('-')
            || surname.ends_with('-')
            || !cell_edge(text, start, true)
        {
            continue;
        }
        let capitals = surname.chars().all(|c| c.is_uppercase() || c == '-');
        let capitalised = !capitals
            && surname
                .split('-')
                .all(|p| p.chars().skip(1).all(char::is_lowercase));
        let mut key = String::new();
        fold_into(surname, &mut key);
        if !(capitals || capitalised) || function_words().contains(&key) || registered(&key) {
            continue;
        }
        let at = m + 2;
        let rest = &text[at..];
        let word_len = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
            .map_or(rest.len(), |(i, _)| i);
        let word = &rest[..word_len];
        let end = if word.chars().count() == 1
            && word.starts_with(char::is_uppercase)
            && rest[word_len..].starts_with('.')
        {
            at + word_len + 1
        } else {
            let same_case = if capitals {
                word.chars().all(|c| c.is_uppercase() || c == '-')
            } else {
                word.starts_with(char::is_uppercase)
                    && word
                        .split('-')
                        .all(|p| p.chars().skip(1).all(char::is_lowercase))
            };
            let given = first_names()
                .get(&word.to_lowercase())
                .is_some_and(|i| !i.thing && (i.nordic > 0 || i.intl > 0));
            if word.chars().count() < 2 || !same_case || !given {
                continue;
            }
            at + word_len
        };
        if cell_edge(text, end, false) && other_cell_on_the_line(text, start, end) {
            out.push(
                Raw::unknown_name(start, end, 0.7, LISTS_ORDER_IN_A_CELL)
                    .guessed(surname.to_lowercase()),
            );
        }
    }
}

/// The reason given for a pasted e-mail's display name or a name its address spells.
const MAIL_NAME: &str = "the name an e-mail address repeats";

/// "fra: agneta fyhr <agneta.fyhr@…>" … "Fyhr får besked", "till A. Fyhr": the surname of a pasted e-mail's
/// display name, written with its capital elsewhere in the document (alone or after an initial), is the
/// same person. Not a surname that is also a function word, a first name, a place or a word of the lists.
pub(super) fn surnames_of_mail_names(text: &str, out: &mut Vec<Raw>) {
    let mut surnames: Vec<String> = Vec::new();
    for r in out.iter().filter(|r| r.reason == MAIL_NAME) {
        let Some(last) = text.get(r.start..r.end).and_then(|n| n.rsplit(' ').next()) else {
            continue;
        };
        if text.get(r.start..r.end).is_none_or(|n| !n.contains(' '))
            || last.chars().count() < 3
            || !last.starts_with(char::is_lowercase)
        {
            continue;
        }
        let key = last.to_lowercase();
        if function_words().contains(&key)
            || first_names().get(&key).is_some()
            || is_place(&key)
            || cues().contains(&key)
        {
            continue;
        }
        let mut chars = last.chars();
        let capital: String = chars
            .next()
            .into_iter()
            .flat_map(char::to_uppercase)
            .chain(chars)
            .collect();
        if !surnames.contains(&capital) {
            surnames.push(capital);
        }
    }
    for surname in &surnames {
        for m in memchr::memmem::find_iter(text.as_bytes(), surname.as_bytes()) {
            let end = m + surname.len();
            let before = text.get(..m).and_then(|h| h.chars().next_back());
            let after = text.get(end..).and_then(|t| t.chars().next());
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            // "A. Fyhr": an initial right before belongs to the name.
            let head = &text[..m];
            let start = head
                .strip_suffix(". ")
                .and_then(|h| {
                    let c = h.chars().next_back()?;
                    let rest = &h[..h.len() - c.len_utf8()];
                    (c.is_uppercase() && !rest.ends_with(char::is_alphanumeric))
                        .then(|| m - 2 - c.len_utf8())
                })
                .unwrap_or(m);
            out.push(
                Raw::unknown_name(start, end, 0.7, "the surname of a pasted e-mail's sender")
                    .guessed(surname.to_lowercase()),
            );
        }
    }
}

/// "kontakt amund skar (…, amund.skar@example.no)": a name written in lower case anywhere in the
/// document that an e-mail address in it spells out, first name and surname joined by ".", "_" or "-".
/// One of the words must be a first name from the lists and none a function word, so "kontakt.oss@"
/// says nothing about the words "kontakt oss". Cheap: one search of the text per such address.
fn mail_names_in_lower_case(text: &str, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    let mut seen: Vec<String> = Vec::new();
    for at in memchr::memchr_iter(b'@', bytes) {
        let mut start = at;
        while start > 0
            && (bytes[start - 1].is_ascii_alphanumeric()
                || matches!(bytes[start - 1], b'.' | b'_' | b'-'))
        {
            start -= 1;
        }
        let Some(local) = text.get(start..at) else {
            continue;
        };
        let local = local.to_ascii_lowercase();
        let words: Vec<&str> = local.split(['.', '_', '-']).collect();
        let plain = (2..=3).contains(&words.len())
            && words.iter().all(|w| {
                w.len() >= 2
                    && w.bytes().all(|b| b.is_ascii_lowercase())
                    && !function_words().contains(w)
            })
            && words.iter().any(|w| first_names().get(*w).is_some());
        if !plain {
            continue;
        }
        let phrase = words.join(" ");
        if seen.contains(&phrase) {
            continue;
        }
        for m in memchr::memmem::find_iter(bytes, phrase.as_bytes()) {
            let before = text.get(..m).and_then(|h| h.chars().next_back());
            let after = text.get(m + phrase.len()..).and_then(|t| t.chars().next());
            if before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_alphanumeric)
            {
                continue;
            }
            out.push(Raw::unknown_name(m, m + phrase.len(), 0.75, MAIL_NAME).guessed(&phrase));
        }
        seen.push(phrase);
    }
}

#[cfg(test)]
mod tests {
    /// `split_whitespace`'s reading that [`capital_word_without_digits`] replaced: the reference.
    fn capital_word_without_digits_by_words(line: &str) -> bool {
        line.split_whitespace()
            .any(|w| w.chars().any(char::is_uppercase) && !w.bytes().any(|b| b.is_ascii_digit()))
    }

    /// Regression (class: a person in a list's order alone in a cell of a table's row, "<SURNAME>, <FIRST
    /// NAME>", "<Surname>, <I>.", as an administrator's printout gives the residents, stayed in the
    /// published text, and so did the same name typed in lower case after it, "<first name> <surname>").
    /// A place and a first name after a comma in a sentence, or alone on their line, stay. Invented people.
    #[test]
    fn regression_a_name_in_a_lists_order_in_a_tables_cell() {
        let p = super::super::persons_found(
            "Restanser:\n  Andel   Navn              Beløp\n  nr. 11  VINDAL, SOLVEIG     kr 8 640\n\
             \x20 nr. 21  Stornes, K.       kr 2 300\nI Oslo, Kari og Per sa ja.\n  Oslo, Kari\n\
             Einar Holm har fått varsel. solveig vindal har inngått avtale.\n",
        );
        for name in ["VINDAL, SOLVEIG", "Stornes, K.", "solveig vindal"] {
            assert!(p.iter().any(|n| n == name), "{name} not in {p:?}");
        }
        assert!(!p.iter().any(|n| n.contains("Oslo")), "{p:?}");
    }

    #[test]
    fn a_capitalised_word_without_digits() {
        for (line, want) in [
            ("thea i H0302 og 12A", false),
            ("thea i H0302 og Kari", true),
            ("fra 12A\u{a0}Lund", true),
            ("fra 12A\u{a0}lund", false),
            ("Øystein2 og ødegård", false),
            ("møte 3 med Ødegård", true),
            ("ÆØÅ\u{2003}12", true),
            ("", false),
        ] {
            assert_eq!(super::capital_word_without_digits(line), want, "{line:?}");
            assert_eq!(capital_word_without_digits_by_words(line), want, "{line:?}");
        }
    }

    /// A vertical tab or form feed splits words as `split_whitespace` does; a no-break space and
    /// the other white space beyond ASCII too.
    #[test]
    fn regression_every_white_space_splits_a_word_as_split_whitespace_does() {
        for space in [
            "\u{b}", "\u{c}", "\t", "\r", "\u{85}", "\u{a0}", "\u{2028}", "\u{3000}",
        ] {
            let line = format!("Kari{space}12");
            assert!(super::capital_word_without_digits(&line), "{line:?}");
            let line = format!("12{space}Kari");
            assert!(super::capital_word_without_digits(&line), "{line:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn a_capitalised_word_without_digits_by_bytes_is_by_words(
            line in "[ -~æøåÆØÅé\u{a0}\u{b}\u{c}\u{85}\u{2003}\u{1680}ǅ]{0,30}",
        ) {
            proptest::prop_assert_eq!(
                super::capital_word_without_digits(&line),
                capital_word_without_digits_by_words(&line)
            );
        }
    }

    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        signatures(text, &mut out);
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    /// The writer's whole name after a closing word or a pasted e-mail's "fra:", to the line's end,
    /// written as the first name is; words after it that no name has (a function word, a number, more
    /// on the line) leave the first name alone. Invented people.
    #[test]
    fn a_writers_whole_name_to_the_end_of_its_line() {
        assert_eq!(found("  hilsen sigrun vesteraas\n"), ["sigrun vesteraas"]);
        assert_eq!(found("Hilsen Sigrun Vesteraas"), ["Sigrun Vesteraas"]);
        assert_eq!(
            found("  fra: torunn aasland kvamme\n  til: x"),
            ["torunn aasland kvamme"]
        );
        assert_eq!(found("mvh sigrun og resten av styret\n"), ["sigrun"]);
        assert_eq!(found("mvh sigrun fra 3. etg\n"), ["sigrun"]);
        assert_eq!(found("hilsen sigrun Vesteraas\n"), ["sigrun"]);
        assert!(found("fra: styret\n").is_empty());
        assert!(found("Forslag fra: torunn\n").is_empty());
    }

    /// A credit whose label says where the picture is ("FOTO PÅ FORSIDEN: …") names its photographer as
    /// "FOTO: …" does; a line that only opens with the word and goes on stays.
    #[test]
    fn a_credit_with_the_pictures_place_in_its_label() {
        let credit = |text: &str| {
            let mut out = Vec::new();
            credits(text, &|_| false, &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            credit("FOTO PÅ FORSIDEN: TORLEIF VASSLID\n"),
            ["TORLEIF VASSLID"]
        );
        assert_eq!(credit("Bild på omslaget: Maja Ekdahl\n"), ["Maja Ekdahl"]);
        assert!(credit("Foto av taket som lekker etter stormen i fjor: Storm Vik\n").is_empty());
    }

    use proptest::prelude::*;

    const CLOSINGS: &str = include_str!("../../../../../assets/words/closings.txt");

    /// Every closing word starts with a letter of [`CLOSING_FIRST`], whose searches find no other.
    #[test]
    fn every_closing_word_starts_with_a_letter_of_the_table() {
        for w in CLOSINGS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
        {
            let first = w.as_bytes()[0];
            assert!(first.is_ascii(), "{w}");
            assert!(CLOSING_FIRST[usize::from(first)], "{w}");
            assert!(
                CLOSING_FIRST[usize::from(first.to_ascii_uppercase())],
                "{w}"
            );
        }
    }

    /// Closing words, other words on their letters, and what joins or parts words.
    fn piece() -> impl Strategy<Value = String> {
        let words: Vec<String> = CLOSINGS
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .flat_map(|w| {
                let mut c = w.chars();
                let capital: String = c
                    .next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default();
                [w.to_string(), w.to_uppercase(), capital]
            })
            .chain(
                [
                    "Anne-",
                    "Marie",
                    "hans",
                    "Kari",
                    "mv",
                    "kramme",
                    "hälsa",
                    "\u{212A}h",
                    "s",
                    "Jens'",
                    "Lars’",
                    "x",
                    "ø",
                    "Ørn",
                    "vh2",
                    "3",
                    "mvh.",
                    "é",
                ]
                .map(str::to_string),
            )
            .collect();
        prop_oneof![
            5 => prop::sample::select(words),
            4 => prop::sample::select(
                &[" ", " ", "\n", "-", "- ", "-\n", " -\n ", "\r\n", ", ", "'", "’", ".", "\u{a0}"][..]
            )
            .prop_map(str::to_string),
            1 => crate::redact::testgen::text(),
        ]
    }

    /// The signatures' search for closing words as it was before [`closings_by_first_letters`].
    fn signing_search(text: &str) -> Vec<(usize, usize)> {
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while i < bytes.len() {
            let Some(off) = bytes[i..]
                .iter()
                .position(|&b| CLOSING_FIRST[usize::from(b)])
            else {
                break;
            };
            let at = i + off;
            let end = word_end(text, at);
            i = end.max(at + 1);
            let starts_word = !text[..at].ends_with(|c: char| c.is_alphanumeric());
            if starts_word && closings().contains_fold(&text[at..end]) {
                found.push((at, end));
            }
        }
        found
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        /// The signatures' closing words from the one search are the ones their own search found.
        #[test]
        fn the_signatures_closing_words_are_their_own_searchs(
            parts in prop::collection::vec(piece(), 0..40),
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(closings_by_first_letters(&text).signing, signing_search(&text), "{:?}", text);
        }

        /// The closing words found from their first letters are the ones the walk over every word reads.
        #[test]
        fn closing_words_by_their_first_letters_are_the_walks(
            parts in prop::collection::vec(piece(), 0..40),
        ) {
            let text: String = parts.concat();
            prop_assert_eq!(closing_words(&text), closing_words_walk(&text), "{:?}", text);
        }

        /// The search for the closing words' first letters eight bytes at a time finds the first byte
        /// the table holds, in any bytes (the letters, their neighbours with and without 0x20, bytes
        /// above ASCII that differ from them by the high bit).
        #[test]
        fn next_closing_first_is_the_tables_first_byte(
            bytes in prop::collection::vec(prop_oneof![
                4 => any::<u8>(),
                2 => prop::sample::select(b"mMhHvVkKlLjJwWnNgG-\x0d\xed\xe8\xcb".to_vec()),
            ], 0..40),
            from in 0usize..48,
        ) {
            let naive = bytes
                .get(from..)
                .and_then(|b| b.iter().position(|&b| CLOSING_FIRST[usize::from(b)]))
                .map(|p| from + p);
            prop_assert_eq!(next_closing_first(&bytes, from), naive);
        }
    }

    /// Regression (speed, the closing words' first letters eight bytes at a time): every byte is found
    /// exactly where the table holds it, at every place in a word of eight and in the tail after it.
    #[test]
    fn regression_next_closing_first_at_every_byte_and_place() {
        for b in 0..=255u8 {
            for at in 0..11 {
                let mut bytes = vec![b'a'; 11];
                bytes[at] = b;
                let want = CLOSING_FIRST[usize::from(b)].then_some(at);
                assert_eq!(next_closing_first(&bytes, 0), want, "{b:#x} at {at}");
            }
        }
    }

    /// Regression (class: a pasted e-mail's sender in lower case whose address gives the first name in
    /// full and only the surname's initial, "fra: <first> <surname> <<first>.<s>@…>", stayed in the
    /// published text, and with it the surname opening a sentence later). An address that spells neither
    /// word, or only an initial, takes no display name.
    #[test]
    fn regression_a_mail_senders_surname_the_address_gives_by_its_initial() {
        let p = super::super::persons_found(
            "Forslaget kom på e-post:\n\n  fra: torhild brekkeland <torhild.b@epost.no>\n  til: styret\n  \
             hunden bjeffer.\n\nBrekkeland fikk ordet.\n",
        );
        assert_eq!(p, ["torhild brekkeland", "Brekkeland"]);
        let p = super::super::persons_found("fra: nye vinduer <n.v@epost.no>\n");
        assert!(p.is_empty(), "{p:?}");
    }
}
