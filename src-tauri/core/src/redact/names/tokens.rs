//! Reading words: where a word ends (inner hyphens, also across a line break, and a genitive apostrophe),
//! its genitive stem, initials, and which gaps between words still join one name.

use super::*;

/// The length of the word without its genitive ending ("hættas" → "hætta", "hansen's", "jens'"). A word
/// in "s" whose stem would be a function word but is none itself ("fors", "vis") is no genitive: a surname
/// such as "Fors" is its own stem, or it would be looked for as "for".
pub(super) fn genitive_stem(key: &str) -> Option<usize> {
    if let Some(s) = key.strip_suffix("'s") {
        return Some(s.len());
    }
    if let Some(s) = key.strip_suffix('\'') {
        return Some(s.len());
    }
    if key.len() > 3 {
        if let Some(s) = key.strip_suffix('s') {
            if function_words().contains(s) && !function_words().contains(key) {
                return None;
            }
            return Some(s.len());
        }
    }
    None
}
/// The end of the word starting at `start`: letters, with inner hyphens (also across a line break) and a
/// genitive apostrophe.
pub(super) fn word_end(text: &str, start: usize) -> usize {
    // Fast path: most words are ASCII and Latin-1 letters (æ, ø, å, ä, ö, é …: two bytes each)
    // followed by a space or punctuation.
    let bytes = text.as_bytes();
    let e = latin1_letters_end(bytes, start);
    if e > start
        && bytes
            .get(e)
            .is_none_or(|&b| b < 0x80 && !matches!(b, b'-' | b'\''))
    {
        return e;
    }
    word_end_chars(text, start)
}

/// [`word_end`] read char by char, without its fast path.
fn word_end_chars(text: &str, start: usize) -> usize {
    let mut end = start;
    let chars = text.get(start..).unwrap_or("").char_indices();
    for (off, c) in chars {
        if is_word_char(c) {
            end = start + off + c.len_utf8();
            continue;
        }
        let rest = text.get(start + off + c.len_utf8()..).unwrap_or("");
        match c {
            '-' => {
                let spaced = rest.trim_start_matches([' ', '\r']);
                // "Kultur- og kyrkjedepartementet", "Tyskland- og Frankrike-reisen": a hyphen and a
                // space on the same line leave the first part of a compound hanging; only a line break
                // after the hyphen joins the next word to it.
                let Some(after) = spaced
                    .strip_prefix('\n')
                    .or((spaced.len() == rest.len()).then_some(rest))
                else {
                    break;
                };
                let after = after.trim_start_matches([' ', '\r']);
                if after.chars().next().is_some_and(char::is_alphabetic) && end == start + off {
                    // Continue after the hyphen; the loop will pick up the next letters.
                    let skip = rest.len() - after.len();
                    let next_start = start + off + c.len_utf8() + skip;
                    let inner_end = word_end(text, next_start);
                    return inner_end;
                }
                break;
            }
            '\'' | '’' => {
                let mut r = rest.chars();
                let n1 = r.next();
                let n2 = r.next();
                if n1 == Some('s') && !n2.is_some_and(char::is_alphabetic) {
                    end = start + off + c.len_utf8() + 1;
                } else if !n1.is_some_and(char::is_alphabetic)
                    && text
                        .get(start..start + off)
                        .is_some_and(|w| w.ends_with(['s', 'x', 'z']))
                {
                    end = start + off + c.len_utf8();
                }
                break;
            }
            _ => break,
        }
    }
    end
}

/// The end of the run of letters from `start` that [`is_word_char`] reads without a table: ASCII
/// letters and the Latin-1 letters U+00C0–U+00FF but × and ÷ (`0xC3` and one byte).
pub(super) fn latin1_letters_end(bytes: &[u8], start: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let mut e = start;
    // Eight bytes at a time over ASCII letters (a byte with 0x20 set between `a` and `z`: the high bit
    // of each lane that is one), to the first other byte; from there byte by byte.
    while let Some(chunk) = bytes.get(e..e + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        let low = (w | (ONES * 0x20)) & !HIGH;
        let letters = (ONES * (127 + 0x7b) - low) & !w & (low + ONES * (127 - 0x60)) & HIGH;
        let other = !letters & HIGH;
        if other != 0 {
            e += other.trailing_zeros() as usize / 8;
            break;
        }
        e += 8;
    }
    loop {
        match bytes.get(e) {
            Some(b) if b.is_ascii_alphabetic() => e += 1,
            Some(0xC3) if bytes.get(e + 1).is_some_and(|&n| latin1_letter(n)) => e += 2,
            _ => return e,
        }
    }
}

/// Whether `0xC3, n` encodes a letter: U+00C0–U+00FF but × (`0x97`) and ÷ (`0xB7`).
fn latin1_letter(n: u8) -> bool {
    (0x80..=0xBF).contains(&n) && n != 0x97 && n != 0xB7
}

/// The end of a plain lower-case word at `start` that the names' walk skips outside a run of names:
/// lower-case ASCII letters, ß and U+00E0–U+00FF but ÷, with no hyphen, apostrophe or letter beyond
/// ASCII after it. (A word of ASCII letters alone ends before a capital, "abcDef" as "abc" and "Def":
/// as the walk always read it; with a letter beyond ASCII it ends only before a non-letter, where
/// [`word_end`] ends it too.)
pub(super) fn plain_lower_end(bytes: &[u8], start: usize) -> Option<usize> {
    let (mut e, mut wide) = (start, false);
    loop {
        match bytes.get(e) {
            Some(b) if b.is_ascii_lowercase() => e += 1,
            Some(0xC3)
                if bytes
                    .get(e + 1)
                    .is_some_and(|&n| n >= 0x9F && latin1_letter(n)) =>
            {
                e += 2;
                wide = true;
            }
            _ => break,
        }
    }
    let plain = e > start
        && bytes.get(e).is_none_or(|&n| {
            n < 0x80 && !matches!(n, b'-' | b'\'') && !(wide && n.is_ascii_alphabetic())
        });
    plain.then_some(e)
}

/// Whether `bytes[k]` is a lower-case Latin-1 letter's first byte (ß, à–ÿ but ÷: `0xC3` and one byte):
/// a word of such letters and ASCII ones is no name and no particle.
fn latin1_lower_at(bytes: &[u8], k: usize) -> bool {
    bytes[k] == 0xC3
        && bytes
            .get(k + 1)
            .is_some_and(|&n| n >= 0x9F && latin1_letter(n))
}

/// Where the names' walk, outside a run of names, must read again from `i` on: the first ASCII capital
/// or first byte of a character beyond ASCII that is no lower-case Latin-1 letter (a capital, a
/// letter of another script, a mark, a no-break space, a typographic apostrophe or dash); the text's
/// end if none. Before it stand only ASCII bytes that are no capital and lower-case Latin-1 letters:
/// lower-case words, digits, punctuation and white space. Eight bytes at a time.
pub(super) fn next_capital_or_wide(bytes: &[u8], mut i: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0xff; 8]));
        let low = w & !HIGH;
        // An ASCII capital (0x41–0x5A), or a byte with its two high bits set: a character's first byte
        // beyond ASCII.
        let capitals = (ONES * (127 + 0x5b) - low) & !w & (low + ONES * (127 - 0x40)) & HIGH;
        let mut lanes = capitals | (w & (w << 1) & HIGH);
        while lanes != 0 {
            let k = i + lanes.trailing_zeros() as usize / 8;
            if !latin1_lower_at(bytes, k) {
                return k;
            }
            lanes &= lanes - 1;
        }
        i += 8;
    }
    while i < bytes.len() {
        let b = bytes[i];
        if b.is_ascii_uppercase() || (b >= 0xC0 && !latin1_lower_at(bytes, i)) {
            return i;
        }
        i += 1;
    }
    bytes.len()
}

/// Where the names' walk, at `i` outside a run of names, may go on reading as it would have reached
/// `q` ([`next_capital_or_wide`]): between them stand only lower-case words, which start no name, and
/// particles, which the walk keeps waiting for a name until the next word ("de Vries", also across a
/// comma: "de, ogKari" reads "ogKari" as one word after a particle, "ogKari" alone as "og" and
/// "Kari"). So it reads on right after the last lower-case word before `q` that is no particle: the
/// walk ends any run there, as it would have. Failing one, or where a hyphen or an apostrophe stands
/// before a word ("kultur-\nhuset", "jens's"), it reads from `i` itself.
pub(super) fn read_on_from(text: &str, i: usize, q: usize) -> usize {
    let bytes = text.as_bytes();
    // The lower-case letter (one or two bytes) that ends at `p`, if any.
    let letter_before = |p: usize| -> usize {
        if p <= i {
            return 0;
        }
        let b = bytes[p - 1];
        if b.is_ascii_lowercase() {
            1
        } else if p >= i + 2 && latin1_lower_at(bytes, p - 2) {
            2
        } else {
            0
        }
    };
    // White space, digits and punctuation: no word holds one but a hyphen or an apostrophe.
    let between_words = |b: u8| b < 0x80 && !b.is_ascii_alphabetic() && !matches!(b, b'-' | b'\'');
    let mut p = q;
    // Back over the letters of a word `q` may stand inside ("fraTrier", "æbleTræ").
    loop {
        let n = letter_before(p);
        if n == 0 {
            break;
        }
        p -= n;
    }
    // A particle waits for a name only across white space ([`gap_joins`]): right after a digit or a
    // punctuation mark the walk holds none that the next word could join, and reads that word as it
    // would with no run, unless it is small ASCII letters run into a capital ("ogKari") or `q` is no
    // letter (then a later word is the next one).
    let joins_none_after = text
        .get(q..)
        .and_then(|t| t.chars().next())
        .is_some_and(is_word_char)
        && !(p < q && bytes[q].is_ascii_uppercase());
    loop {
        while p > i && between_words(bytes[p - 1]) {
            if joins_none_after && !matches!(bytes[p - 1], b' ' | b'\n' | b'\r') {
                return p;
            }
            p -= 1;
        }
        if letter_before(p) == 0 {
            // `i`, or a hyphen or an apostrophe right before.
            return i;
        }
        let end = p;
        loop {
            let n = letter_before(p);
            if n == 0 {
                break;
            }
            p -= n;
        }
        let word = std::str::from_utf8(&bytes[p..end]).unwrap_or("");
        if !is_particle(word) {
            return end;
        }
    }
}

/// A lone capital letter written as an initial without its full stop, right before a name ("F
/// Skovbo"): where it starts, so the redaction takes the initial too.
pub(super) fn bare_initial_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    let letter = before.chars().next_back()?;
    if !letter.is_uppercase() {
        return None;
    }
    let at = before.len() - letter.len_utf8();
    let lone = before[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    // "I Knut Nærums satire", "Å Kari …": a one-letter word of the language at a sentence start.
    let word = starts_sentence(text, at) && function_words().contains_fold(&before[at..]);
    (lone && !word).then_some(at)
}

/// The initial of a surname right after a first name, with or without its full stop ("Inger S tackas",
/// "Ebbe K. blev valgt", "Halvor D oppdaget"), or the initials of a double surname joined by a hyphen
/// ("Sanna L-Å och", "Sanna L.-Å."): where it ends, the stop included. `None` when the capital starts a
/// word or a compound ("Per A-lista", "Ole K&S").
pub(super) fn initial_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let mut chars = rest.chars();
    let c = chars.next().filter(|c| c.is_uppercase())?;
    let stop = end + 1 + c.len_utf8();
    match chars.next() {
        None => Some(stop),
        Some('.') if rest[c.len_utf8() + 1..].starts_with('-') => {
            double_initial_end(text, stop + 2)
        }
        Some('.') => Some(stop + 1),
        Some('-') => double_initial_end(text, stop + 1),
        Some(n) if n.is_alphanumeric() || matches!(n, '-' | '&' | '\'' | '’' | '/') => None,
        Some(_) => Some(stop),
    }
}

/// The end of the second initial of a double surname that starts at `at` (after "L-" or "L.-"): a
/// capital alone, with or without its full stop, before no letter or digit.
fn double_initial_end(text: &str, at: usize) -> Option<usize> {
    let rest = text.get(at..)?;
    let mut chars = rest.chars();
    let c = chars.next().filter(|c| c.is_uppercase())?;
    let stop = at + c.len_utf8();
    match chars.next() {
        None => Some(stop),
        Some('.') if !rest[c.len_utf8() + 1..].starts_with(char::is_alphanumeric) => Some(stop + 1),
        Some(n) if n.is_alphanumeric() || matches!(n, '-' | '&' | '\'' | '’' | '/' | '.') => None,
        Some(_) => Some(stop),
    }
}

/// Whether two words of a run are close enough to be one name: one space, or one line break.
pub(super) fn gap_joins(text: &str, from: usize, to: usize, run: &[Tok]) -> bool {
    let Some(gap) = text.get(from..to) else {
        return false;
    };
    match gap {
        " " | "\n" | "\r\n" | " \n" | "\n " | "\u{a0}" => true,
        ". " | "." => run.last().is_some_and(|t| t.initial),
        _ => false,
    }
}

/// The letters of a word made of single letters joined by hyphens ("k-e" → "ke", "a-m-l"); `None` for
/// any other word.
pub(super) fn hyphen_letters(key: &str) -> Option<String> {
    // Asked of every capitalised word: most have no hyphen and need no allocation.
    if !key.contains('-') {
        return None;
    }
    let mut letters = String::new();
    for part in key.split('-') {
        let mut chars = part.chars();
        let c = chars.next().filter(|c| c.is_alphabetic())?;
        if chars.next().is_some() || letters.chars().count() >= 4 {
            return None;
        }
        letters.push(c);
    }
    (letters.chars().count() >= 2).then_some(letters)
}

/// Whether the word at `start..end` stands in a date: after a day ("9. maj", "14. APRIL") or before a
/// year ("MAJ 1986").
pub(super) fn in_date(text: &str, start: usize, end: usize) -> bool {
    let before = text.get(..start).unwrap_or("");
    let before = before.strip_suffix(' ').unwrap_or(before);
    let before = before.strip_suffix('.').unwrap_or(before);
    let day = before.bytes().rev().take_while(u8::is_ascii_digit).count();
    let after = text.get(end..).unwrap_or("");
    let year = after.strip_prefix(' ').is_some_and(|r| {
        r.bytes().take_while(u8::is_ascii_digit).count() == 4
            && !r.as_bytes().get(4).is_some_and(u8::is_ascii_alphanumeric)
    });
    (1..=2).contains(&day) || year
}

/// Whether `word` is an English month's name, written out ("May", "JUNE"): e-mail headers write dates
/// in English ("Date: Sat, 30 May 2026").
pub(super) fn english_month(word: &str) -> bool {
    const MONTHS: &[&str] = &[
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ];
    MONTHS.iter().any(|m| word.eq_ignore_ascii_case(m))
}

/// Whether the words at `start..end` fill a pair of quotation marks on their own («Marie Claire»,
/// "Robinsons Hule", «Queen Elisabeth 2», «What Are Humans?»): the title of a work, a ship, a magazine.
pub(super) fn quoted_title(text: &str, start: usize, end: usize) -> bool {
    // Swedish writes ”…” (the same mark both sides) and Danish also »…«.
    const OPEN: &[char] = &['«', '“', '„', '"', '”', '»'];
    const CLOSE: &[char] = &['»', '”', '“', '"', '«'];
    let before = text.get(..start).unwrap_or("").trim_end_matches(' ');
    if !before.ends_with(OPEN) {
        return false;
    }
    let after = text.get(end..).unwrap_or("").trim_start_matches(|c: char| {
        c == ' ' || c.is_ascii_digit() || matches!(c, '?' | '!' | '.')
    });
    after.starts_with(CLOSE)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Titles in the quotation marks of each language: «…», "…", “…”, Swedish ”…” and Danish »…«.
    #[test]
    fn words_that_fill_quotation_marks_are_a_title() {
        for text in [
            "rosor av sorten ”Ingrid Bergman” från",
            "skibet »Karen Blixen« lagde til",
            "båten «Kong Olav» la til",
            "filmen “Anna Karenina” vistes",
        ] {
            let start = text.find(|c: char| c.is_uppercase()).unwrap_or(0);
            let end = text[start..]
                .find(['”', '«', '»', '“'])
                .map_or(text.len(), |i| start + i);
            assert!(quoted_title(text, start, end), "{text:?}");
        }
        assert!(!quoted_title("han sa ”ja”, Ingrid Bergman svarte", 17, 31));
    }

    #[test]
    fn an_initial_without_its_full_stop_goes_with_the_surname() {
        assert_eq!(bare_initial_before("og F Skovbo", 5), Some(3));
        assert_eq!(bare_initial_before("F Skovbo", 2), Some(0));
        assert_eq!(bare_initial_before("Ø Ærø", 3), Some(0));
        // Not an initial: a word's last letter, a lower-case word, no space.
        assert_eq!(bare_initial_before("AF Skovbo", 3), None);
        assert_eq!(bare_initial_before("i Skovbo", 2), None);
        assert_eq!(bare_initial_before("F.Skovbo", 2), None);
    }

    /// Regression (dates in capitals): "9. MAJ 1986" was taken for a resident named Maj.
    #[test]
    fn a_month_between_a_day_and_a_year_is_a_date() {
        let t = "STIFTET 9. MAJ 1986";
        assert!(in_date(t, 11, 14));
        let t = "Den 14. april kom Maj.";
        assert!(in_date(t, 8, 13) && !in_date(t, 18, 21));
        assert!(in_date("i juni 2026", 2, 6) && !in_date("i juni 20265", 2, 6));
        assert!(english_month("May") && english_month("JUNE") && !english_month("Maj"));
    }

    #[test]
    fn the_initial_of_a_surname_after_a_first_name() {
        fn at(t: &str) -> Option<&str> {
            initial_after(t, t.find(' ').unwrap_or(0)).map(|e| &t[..e])
        }
        assert_eq!(at("Inger S tackas."), Some("Inger S"));
        assert_eq!(at("Ebbe K. blev valgt"), Some("Ebbe K."));
        assert_eq!(at("Åse Ø, nr. 4"), Some("Åse Ø"));
        assert_eq!(at("Halvor D"), Some("Halvor D"));
        // A word, a compound or lower case after the name: no initial.
        assert_eq!(at("Per A-lista"), None);
        assert_eq!(at("Ole K&S"), None);
        assert_eq!(at("Kari Berg"), None);
        assert_eq!(at("Kari s"), None);
    }

    proptest::proptest! {
        /// The fast paths over ASCII and Latin-1 letters end a word where the char-by-char reading
        /// does, and a run of lower-case letters the names' walk skips is one whole word that starts
        /// with no capital.
        #[test]
        fn the_latin1_fast_paths_end_words_as_the_chars_do(
            text in "[aøÅßé×÷ZQ'’ \n.-]{0,12}(Ab|æ|ü|þ|ɐ|1)?[abæøÆÖ-]{0,6}"
        ) {
            let bytes = text.as_bytes();
            for (i, _) in text.char_indices() {
                proptest::prop_assert_eq!(word_end(&text, i), word_end_chars(&text, i), "{:?} at {}", text, i);
                if let Some(e) = plain_lower_end(bytes, i).filter(|&e| !text[i..e].is_ascii()) {
                    proptest::prop_assert_eq!(word_end_chars(&text, i), e, "{:?} at {}", text, i);
                    let first = text[i..].chars().next().unwrap_or(' ');
                    proptest::prop_assert!(is_word_char(first) && !first.is_uppercase());
                }
            }
        }
    }

    /// [`latin1_letters_end`] as it was, byte by byte.
    fn latin1_letters_end_by_bytes(bytes: &[u8], start: usize) -> usize {
        let mut e = start;
        loop {
            match bytes.get(e) {
                Some(b) if b.is_ascii_alphabetic() => e += 1,
                Some(0xC3) if bytes.get(e + 1).is_some_and(|&n| super::latin1_letter(n)) => e += 2,
                _ => return e,
            }
        }
    }

    proptest::proptest! {
        /// The letters' end read eight bytes at a time is the byte-by-byte reading's: every byte
        /// beside the letters' ranges (@ [ ` {, 0x40 and 0x5B with 0x20 set) and above ASCII.
        #[test]
        fn latin1_letters_end_by_words_of_eight_is_by_bytes(
            bytes in proptest::collection::vec(proptest::prop_oneof![
                4 => b'a'..=b'z',
                2 => b'A'..=b'Z',
                2 => proptest::sample::select(b"@[`{\xc3\x80\xa5\x97\xb7\xe0\xfa\xdb ZzAa09-'".to_vec()),
                1 => proptest::prelude::any::<u8>(),
            ], 0..40),
        ) {
            for i in 0..=bytes.len() {
                proptest::prop_assert_eq!(
                    super::latin1_letters_end(&bytes, i),
                    latin1_letters_end_by_bytes(&bytes, i),
                    "{:?} at {}", bytes, i
                );
            }
        }
    }

    /// Regression (speed, the letters' end eight bytes at a time): every byte ends a run of letters
    /// exactly where the byte-by-byte reading ends it, at every place in a word of eight and after it.
    #[test]
    fn regression_latin1_letters_end_at_every_byte_and_place() {
        for b in 0..=255u8 {
            for at in 0..12 {
                let mut bytes = vec![b'k'; 12];
                bytes[at] = b;
                assert_eq!(
                    super::latin1_letters_end(&bytes, 0),
                    latin1_letters_end_by_bytes(&bytes, 0),
                    "{b:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn hyphenated_initials() {
        assert_eq!(hyphen_letters("k-e").as_deref(), Some("ke"));
        assert_eq!(hyphen_letters("a-m-l").as_deref(), Some("aml"));
        assert_eq!(hyphen_letters("k-el"), None);
        assert_eq!(hyphen_letters("k"), None);
    }

    #[test]
    fn words_with_hyphen_across_a_line() {
        let t = "Rosenborg-\nFriis kom";
        assert_eq!(&t[..word_end(t, 0)], "Rosenborg-\nFriis");
        let t = "Hansen's bil";
        assert_eq!(&t[..word_end(t, 0)], "Hansen's");
        let t = "Vestby- \nLund kom";
        assert_eq!(&t[..word_end(t, 0)], "Vestby- \nLund");
    }

    /// Regression (issue 14, suspended compounds on news text): "Kultur- og kyrkjedepartementet" was
    /// read as one word "Kultur- og" and taken for a name.
    #[test]
    fn a_hyphen_before_a_space_leaves_the_compound_hanging() {
        let t = "Fiske- og havbruksnæringa";
        assert_eq!(&t[..word_end(t, 0)], "Fiske");
        let t = "Park- og idrettsetaten";
        assert_eq!(&t[..word_end(t, 0)], "Park");
    }

    /// Regression (class: a first name with the initials of a double surname joined by a hyphen, "Sanna
    /// L-Å", "Sanna L.-Å.", kept only the first name). A capital opening a compound stays out.
    #[test]
    fn regression_a_first_name_with_a_double_surnames_initials() {
        let t = "Ledamöterna Sanna L-Å och Per Ek, Sanna L.-Å. och Per A-lista.";
        let at = t.find("Sanna").unwrap() + 5;
        assert_eq!(initial_after(t, at), Some(at + " L-Å".len()));
        let at = t.rfind("Sanna").unwrap() + 5;
        assert_eq!(initial_after(t, at), Some(at + " L.-Å.".len()));
        let at = t.find("Per A").unwrap() + 3;
        assert_eq!(initial_after(t, at), None);
        let p = super::super::persons_found(
            "Styrelsen: ordförande Maja Holm, ledamöterna Sanna L-Å och Per Ek.\n",
        );
        assert!(p.iter().any(|n| n == "Sanna L-Å"), "{p:?}");
    }
}
