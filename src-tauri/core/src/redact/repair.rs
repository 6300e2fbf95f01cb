//! Damaged text, as PDF extraction and old encodings deliver it, read as it was meant before detection:
//! mojibake from a wrong code page ("TorbjÃ¸rn" is "Torbjørn" read as Windows-1252) and letter-spaced
//! words ("S i g r i d  H o v d e"). The recognizers run on the repaired [`View`]; every finding is
//! mapped back through its [`OffsetMap`] onto the text as written, so the redaction removes the damaged
//! form itself.

/// One changed stretch: `len` bytes of the new text at `at` stand for `src` of the old one.
#[derive(Debug, Clone, Copy)]
struct Change {
    at: usize,
    len: usize,
    src: (usize, usize),
}

/// How byte positions of a changed text map back onto the text it was made from. Outside the changes
/// the two run in step.
#[derive(Debug, Clone, Default)]
pub struct OffsetMap {
    changes: Vec<Change>,
}

impl OffsetMap {
    /// The position in the source where a passage starting at `v` starts (after any dropped text).
    pub fn start(&self, v: usize) -> usize {
        let i = self.changes.partition_point(|c| c.at <= v);
        match i.checked_sub(1).and_then(|i| self.changes.get(i)) {
            None => v,
            Some(c) if v < c.at + c.len => c.src.0,
            Some(c) => c.src.1 + (v - c.at - c.len),
        }
    }

    /// The position in the source where a passage ending at `v` (exclusive) ends (before any dropped
    /// text).
    pub fn end(&self, v: usize) -> usize {
        let i = self.changes.partition_point(|c| c.at < v);
        match i.checked_sub(1).and_then(|i| self.changes.get(i)) {
            None => v,
            Some(c) if v <= c.at + c.len && c.len > 0 => c.src.1,
            Some(c) => c.src.1 + (v - c.at - c.len),
        }
    }
}

/// Writes a changed copy of a source text while recording the [`OffsetMap`].
#[derive(Debug)]
pub struct MapBuilder<'a> {
    src: &'a str,
    /// Source bytes consumed so far.
    pos: usize,
    out: String,
    map: OffsetMap,
}

impl<'a> MapBuilder<'a> {
    pub fn new(src: &'a str) -> MapBuilder<'a> {
        MapBuilder {
            src,
            pos: 0,
            out: String::with_capacity(src.len()),
            map: OffsetMap::default(),
        }
    }

    /// Copies the source unchanged up to `to`.
    pub fn copy_to(&mut self, to: usize) {
        if to > self.pos {
            self.out.push_str(self.src.get(self.pos..to).unwrap_or(""));
            self.pos = to;
        }
    }

    /// Writes `with` for the source up to `to` (an empty `with` drops it).
    pub fn replace(&mut self, to: usize, with: &str) {
        let to = to.max(self.pos);
        if self.src.get(self.pos..to) == Some(with) {
            self.copy_to(to);
            return;
        }
        self.map.changes.push(Change {
            at: self.out.len(),
            len: with.len(),
            src: (self.pos, to),
        });
        self.out.push_str(with);
        self.pos = to;
    }

    /// The changed text and its map; the rest of the source is copied.
    pub fn finish(mut self) -> (String, OffsetMap) {
        self.copy_to(self.src.len());
        (self.out, self.map)
    }
}

/// A repaired copy of a text for the recognizers.
#[derive(Debug)]
pub struct View {
    pub text: String,
    pub map: OffsetMap,
}

/// The repaired text, or `None` when nothing needs repair (the common case costs one pass over the
/// bytes, and a look around each digit).
pub fn repair(text: &str) -> Option<View> {
    let view = repair_letters(text);
    let base = view.as_ref().map_or(text, |v| v.text.as_str());
    let fixes = ocr_digits(base);
    if fixes.is_empty() {
        return view;
    }
    // One ASCII letter for one ASCII digit: the text stays valid UTF-8 and every offset stays put, so
    // the map of the other repairs (or none) still holds.
    let mut bytes = base.as_bytes().to_vec();
    for (at, digit) in fixes {
        if let Some(b) = bytes.get_mut(at) {
            *b = digit;
        }
    }
    let Ok(fixed) = String::from_utf8(bytes) else {
        return view;
    };
    Some(View {
        text: fixed,
        map: view.map(|v| v.map).unwrap_or_default(),
    })
}

/// Letters OCR put for digits inside a number ("2l 64 83 O7", "Storvej 1O2", "2O25"): 'l' and 'I'
/// for 1, 'O' and 'o' for 0. Only in a run of digits and those letters that holds a digit and stands
/// alone (no other letter or digit touches it), so words ("Ole", "10lb" is no number) stay.
fn ocr_digits(text: &str) -> Vec<(usize, u8)> {
    let bytes = text.as_bytes();
    let confusable = |b: u8| matches!(b, b'l' | b'I' | b'O' | b'o');
    let mut fixes = Vec::new();
    let mut i = 0;
    while let Some(off) = bytes
        .get(i..)
        .and_then(|b| b.iter().position(u8::is_ascii_digit))
    {
        let mut s = i + off;
        while s > 0 && confusable(bytes[s - 1]) {
            s -= 1;
        }
        let mut e = i + off;
        while e < bytes.len() && (bytes[e].is_ascii_digit() || confusable(bytes[e])) {
            e += 1;
        }
        i = e.max(i + off + 1);
        let touches = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
        let alone = !touches(text.get(..s).and_then(|h| h.chars().next_back()))
            && !touches(text.get(e..).and_then(|t| t.chars().next()));
        if !alone {
            continue;
        }
        for (at, &b) in bytes.iter().enumerate().take(e).skip(s) {
            match b {
                b'l' | b'I' => fixes.push((at, b'1')),
                b'O' | b'o' => fixes.push((at, b'0')),
                _ => {}
            }
        }
    }
    fixes
}

/// Mojibake and letter-spacing repaired, or `None` when the text has neither.
fn repair_letters(text: &str) -> Option<View> {
    let mojibake = has_mojibake(text);
    let spaced = letter_spaced(text);
    if !mojibake && spaced.is_empty() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut b = MapBuilder::new(text);
    // Source bytes handled so far; between the letter-spaced runs only damaged letters change, and
    // each starts with the byte 0xC3 (see `has_mojibake`), so the rest is copied as it stands.
    let mut pos = 0;
    for (s, e) in spaced
        .into_iter()
        .chain(std::iter::once((text.len(), text.len())))
    {
        if mojibake {
            for at in memchr::memchr_iter(0xc3, bytes.get(pos..s).unwrap_or_default()) {
                let at = pos + at;
                // A damaged letter never reaches into a letter-spaced run: the run starts after a
                // space, which no damaged letter holds.
                if at < b.pos || !(0x82..=0xb4).contains(&bytes.get(at + 1).copied().unwrap_or(0)) {
                    continue;
                }
                if let Some((len, fixed)) = decode_mojibake(text, at) {
                    b.copy_to(at);
                    b.replace(at + len, fixed.encode_utf8(&mut [0u8; 4]));
                }
            }
        }
        if s == text.len() {
            break;
        }
        // One word per letter-spaced run: each letter maps to itself, the spaces between the
        // letters are dropped, and the gap between two words stays one space.
        b.copy_to(s);
        let mut at = s;
        for (k, w) in spaced_words(text, s, e).into_iter().enumerate() {
            for (x, (off, c)) in w.into_iter().enumerate() {
                if x == 0 && k > 0 {
                    b.replace(off, " ");
                } else {
                    b.replace(off, "");
                }
                b.copy_to(off + c.len_utf8());
                at = off + c.len_utf8();
            }
        }
        b.copy_to(at);
        pos = e;
    }
    let (text, map) = b.finish();
    Some(View { text, map })
}

/// Whether the text holds an 'Ã', 'Â' or 'Å' at all and a letter read as Windows-1252 somewhere.
///
/// Runs on every text, so it looks only at the bytes: a damaged letter starts with a character from
/// U+00C2 to U+00F4 (UTF-8 0xC3 0x82..=0xB4) followed by one that Windows-1252 puts at 0x80..=0xBF
/// (UTF-8 starting 0xC2, 0xC5, 0xC6, 0xCB or 0xE2). Ordinary Nordic letters (æ, ø, å) are followed by
/// a plain letter, so [`decode_mojibake`] runs on almost nothing.
fn has_mojibake(text: &str) -> bool {
    let bytes = text.as_bytes();
    let (mut marker, mut damaged) = (false, false);
    for at in memchr::memchr_iter(0xc3, bytes) {
        let Some(&second) = bytes.get(at + 1) else {
            break;
        };
        marker |= matches!(second, 0x82 | 0x83 | 0x85);
        if !damaged
            && (0x82..=0xb4).contains(&second)
            && bytes
                .get(at + 2)
                .is_some_and(|b| matches!(b, 0xc2 | 0xc5 | 0xc6 | 0xcb | 0xe2))
        {
            damaged = decode_mojibake(text, at).is_some();
        }
        if marker && damaged {
            return true;
        }
    }
    false
}

/// The Windows-1252 byte a character stands for, if it is one of the bytes above 0x7f.
fn cp1252_byte(c: char) -> Option<u8> {
    if ('\u{a0}'..='\u{ff}').contains(&c) {
        return u8::try_from(u32::from(c)).ok();
    }
    // The characters Windows-1252 puts at 0x80..0x9f.
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    HIGH.iter()
        .position(|&h| h == c)
        .and_then(|p| u8::try_from(0x80 + p).ok())
}

/// A letter written in UTF-8 and read back as Windows-1252 ("Ã¸" for "ø"), starting at byte `at`:
/// the length of the damaged form and the letter.
fn decode_mojibake(text: &str, at: usize) -> Option<(usize, char)> {
    let mut chars = text.get(at..)?.char_indices();
    let (_, lead) = chars.next()?;
    let b0 = cp1252_byte(lead)?;
    let n = match b0 {
        0xc2..=0xdf => 1,
        0xe0..=0xef => 2,
        0xf0..=0xf4 => 3,
        _ => return None,
    };
    let mut bytes = [b0, 0, 0, 0];
    let mut len = lead.len_utf8();
    for slot in bytes.iter_mut().take(n + 1).skip(1) {
        let (off, c) = chars.next()?;
        *slot = cp1252_byte(c).filter(|b| (0x80..=0xbf).contains(b))?;
        len = off + c.len_utf8();
    }
    let fixed = std::str::from_utf8(&bytes[..=n]).ok()?.chars().next()?;
    // Only letters: a real "Â°" or "Ã—" in a text is rare, a real "Ã¸" rarer still.
    fixed.is_alphabetic().then_some((len, fixed))
}

/// Byte ranges of letter-spaced runs: at least four single letters, each followed by one space, on one
/// line ("F o r s l a g  f r a").
fn letter_spaced(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let bytes = text.as_bytes();
    // Runs never overlap: the next one starts at or after `from`.
    let mut from = 0;
    // Every run starts with a letter right before a space: look only at the character before each
    // space.
    for space in memchr::memchr_iter(b' ', bytes) {
        let Some(c) = text.get(..space).and_then(|h| h.chars().next_back()) else {
            continue;
        };
        let i = space - c.len_utf8();
        let word_start = i == 0 || matches!(bytes[i - 1], b' ' | b'\n' | b'\t');
        if i < from || i + 2 >= bytes.len() || !word_start || c == ' ' || !c.is_alphabetic() {
            continue;
        }
        // Extend: letter, then one or two spaces, then a letter not followed by another letter.
        let mut letters = 0;
        let mut j = i;
        let mut end = i;
        while let Some(c) = text.get(j..).and_then(|t| t.chars().next()) {
            if !c.is_alphabetic() {
                break;
            }
            let after = j + c.len_utf8();
            let next = text.get(after..).and_then(|t| t.chars().next());
            if next.is_some_and(char::is_alphanumeric) {
                break;
            }
            letters += 1;
            end = after;
            let gap = text
                .get(after..)
                .map_or(0, |t| t.bytes().take(3).take_while(|&b| b == b' ').count());
            if gap == 0 || gap > 2 {
                break;
            }
            j = after + gap;
        }
        if letters >= 4 {
            out.push((i, end));
            from = end;
        }
    }
    out
}

/// The words of a letter-spaced run, each as (byte offset, letter) pairs: a double space separates
/// words, and where the spacing is single a capital after a small letter starts a new word
/// ("f r a S i g r i d").
fn spaced_words(text: &str, s: usize, e: usize) -> Vec<Vec<(usize, char)>> {
    let mut words: Vec<Vec<(usize, char)>> = vec![Vec::new()];
    let mut prev_end = s;
    for (off, c) in text.get(s..e).unwrap_or("").char_indices() {
        if c == ' ' {
            continue;
        }
        let at = s + off;
        let double = at - prev_end >= 2;
        let cur = words.last().map_or(&[][..], Vec::as_slice);
        let capital_after_small =
            c.is_uppercase() && cur.last().is_some_and(|(_, p)| p.is_lowercase());
        if !cur.is_empty() && (double || capital_after_small) {
            words.push(Vec::new());
        }
        if let Some(w) = words.last_mut() {
            w.push((at, c));
        }
        prev_end = at + c.len_utf8();
    }
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn view(t: &str) -> String {
        repair(t).map_or_else(|| t.to_string(), |v| v.text)
    }

    /// A map's changes as (at, len, source range).
    type Changes = Vec<(usize, usize, (usize, usize))>;

    /// The repair as it was before it jumped between damaged letters: a pass over every character.
    fn reference_repair(text: &str) -> Option<(String, Changes)> {
        let mojibake = has_mojibake(text);
        let spaced = reference_letter_spaced(text);
        if !mojibake && spaced.is_empty() {
            return None;
        }
        let mut b = MapBuilder::new(text);
        let mut spaced = spaced.into_iter().peekable();
        let mut i = 0;
        while i < text.len() {
            if let Some(&(s, e)) = spaced.peek() {
                if i == s {
                    b.copy_to(s);
                    let mut at = s;
                    for (k, w) in spaced_words(text, s, e).into_iter().enumerate() {
                        for (x, (off, c)) in w.into_iter().enumerate() {
                            if x == 0 && k > 0 {
                                b.replace(off, " ");
                            } else {
                                b.replace(off, "");
                            }
                            b.copy_to(off + c.len_utf8());
                            at = off + c.len_utf8();
                        }
                    }
                    b.copy_to(at);
                    spaced.next();
                    i = e;
                    continue;
                }
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                break;
            };
            if mojibake && ('\u{c2}'..='\u{f4}').contains(&c) {
                if let Some((len, fixed)) = decode_mojibake(text, i) {
                    b.copy_to(i);
                    b.replace(i + len, fixed.encode_utf8(&mut [0u8; 4]));
                    i += len;
                    continue;
                }
            }
            i += c.len_utf8();
        }
        let (text, map) = b.finish();
        Some((text, changes(&map)))
    }

    /// The old byte-by-byte search for letter-spaced runs.
    fn reference_letter_spaced(text: &str) -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let bytes = text.as_bytes();
        let mut i = 0;
        while i + 2 < bytes.len() {
            let word_start = i == 0 || matches!(bytes[i - 1], b' ' | b'\n' | b'\t');
            if !word_start || bytes[i] == b' ' || (bytes[i] < 0x80 && bytes[i + 1] != b' ') {
                i += 1;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                i += 1;
                continue;
            };
            if !c.is_alphabetic() || bytes.get(i + c.len_utf8()) != Some(&b' ') {
                i += 1;
                continue;
            }
            // Extend: letter, then one or two spaces, then a letter not followed by another letter.
            let mut letters = 0;
            let mut j = i;
            let mut end = i;
            while let Some(c) = text.get(j..).and_then(|t| t.chars().next()) {
                if !c.is_alphabetic() {
                    break;
                }
                let after = j + c.len_utf8();
                let next = text.get(after..).and_then(|t| t.chars().next());
                if next.is_some_and(char::is_alphanumeric) {
                    break;
                }
                letters += 1;
                end = after;
                let gap = text
                    .get(after..)
                    .map_or(0, |t| t.bytes().take(3).take_while(|&b| b == b' ').count());
                if gap == 0 || gap > 2 {
                    break;
                }
                j = after + gap;
            }
            if letters >= 4 {
                out.push((i, end));
                i = end;
            } else {
                i += 1;
            }
        }
        out
    }

    fn changes(map: &OffsetMap) -> Changes {
        map.changes.iter().map(|c| (c.at, c.len, c.src)).collect()
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(400))]
        /// The repair that jumps between damaged letters and spaces gives the text and the map the
        /// character-by-character repair gave.
        #[test]
        fn the_fast_repair_is_the_reference_repair(
            text in crate::redact::testgen::text(),
            spaced in "([A-Za-zÆØÅæøåÃ¸¥] {1,2}){0,8}[ \n]?",
        ) {
            let text = format!("{spaced}{text} {spaced}");
            proptest::prop_assert_eq!(letter_spaced(&text), reference_letter_spaced(&text));
            let fast = repair_letters(&text).map(|v| (v.text, changes(&v.map)));
            proptest::prop_assert_eq!(fast, reference_repair(&text));
        }
    }

    /// Regression (issue 14, OCR'd minutes, third held-out set): a scanned phone number and house
    /// number with letters for digits ("2l 64 83 O7", "Storvej 1O2, st.") were no number at all. Words,
    /// and letters glued to other letters, stay.
    #[test]
    fn letters_ocr_put_for_digits_in_numbers() {
        assert_eq!(
            view("Tlf. 2l 64 83 O7, mob. 28 56 3l 4O; Storvej 1O2, st. i 2O25."),
            "Tlf. 21 64 83 07, mob. 28 56 31 40; Storvej 102, st. i 2025."
        );
        assert!(repair("Ole og Ib lo; 10lb, H0l01 og 3Olsen, kl. 19.OO og O.K.").is_none());
        // With other damage in the same text, both are repaired and the map still points right.
        let text = "BjÃ¸rn: 9l 22 O3 44.";
        let v = repair(text).unwrap();
        assert_eq!(v.text, "Bjørn: 91 22 03 44.");
        let at = v.text.find("91").unwrap();
        assert_eq!(&text[v.map.start(at)..v.map.end(at + 11)], "9l 22 O3 44");
    }

    #[test]
    fn mojibake_is_read_as_utf8() {
        assert_eq!(view("Forslag fra BjÃ¸rn Ã…sen"), "Forslag fra Bjørn Åsen");
        assert_eq!(view("mÃ¥ske sÃ¦rlig"), "måske særlig");
        // Not letters: a degree sign and a multiplication sign stay as written.
        assert!(repair("Temperatur 20Â° og 3Ã—4").is_none());
        assert!(repair("Ål og Ærø").is_none());
    }

    #[test]
    fn letter_spaced_words_are_joined() {
        assert_eq!(
            view("5.1 F o r s l a g  f r a  K a r i  L u n d\n"),
            "5.1 Forslag fra Kari Lund\n"
        );
        assert_eq!(
            view("5.1 F o r s l a g f r a K a r i L u n d\n"),
            "5.1 Forslagfra Kari Lund\n"
        );
        // Ordinary text with short words stays.
        assert!(repair("Punkt a i b og c er vedtaget. Jeg er 3 i dag.").is_none());
        assert!(repair("a b c").is_none());
    }

    #[test]
    fn positions_map_back_onto_the_damaged_text() {
        let text = "Sak 5 F o r s l a g f r a K a r i L u n d.";
        let v = repair(text).unwrap();
        let at = v.text.find("Kari Lund").unwrap();
        let (s, e) = (v.map.start(at), v.map.end(at + "Kari Lund".len()));
        assert_eq!(&text[s..e], "K a r i L u n d");
        let text = "Til TorbjÃ¸rn FlÃ¥ten: nei.";
        let v = repair(text).unwrap();
        let at = v.text.find("Torbjørn Flåten").unwrap();
        let (s, e) = (v.map.start(at), v.map.end(at + "Torbjørn Flåten".len()));
        assert_eq!(&text[s..e], "TorbjÃ¸rn FlÃ¥ten");
        // After the changes the two texts run in step again.
        let at = v.text.find("nei").unwrap();
        assert_eq!(&text[v.map.start(at)..v.map.end(at + 3)], "nei");
    }

    #[test]
    fn a_map_with_dropped_text() {
        let src = "ab  \r\ncd";
        let mut b = MapBuilder::new(src);
        b.copy_to(2);
        b.replace(6, "\n");
        let (out, map) = b.finish();
        assert_eq!(out, "ab\ncd");
        assert_eq!((map.start(3), map.end(5)), (6, 8));
        assert_eq!((map.start(0), map.end(2)), (0, 2));
    }
}
