//! Small text helpers shared by the recognizers: word boundaries, case-folded keys without allocating per
//! word, looking at the words just before a position, and byte-to-character offsets.

use std::hash::{BuildHasherDefault, Hasher};

use unicode_normalization::UnicodeNormalization;

/// FNV-1a: the tables are keyed by short words, where SipHash's set-up costs more than the hashing.
/// (No untrusted party picks the keys of a local document to attack the table.)
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A hash map keyed by folded words.
pub type WordMap<V> = std::collections::HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A hash map with [`Fnv`] hashing, for the recognizers' tables of words, positions and people.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A hash set with [`Fnv`] hashing.
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;

/// A leftmost-longest automaton over `patterns`, compiled to a DFA: the register's names and values are
/// searched in every document, and on a DFA that search costs a table look-up per byte (the default for
/// hundreds of patterns, a contiguous NFA, was a fifth of the detection time in the dense benchmark).
/// The price is memory that grows with the patterns' total length.
pub fn dfa<I, P>(patterns: I) -> Option<aho_corasick::AhoCorasick>
where
    I: IntoIterator<Item = P>,
    P: AsRef<[u8]>,
{
    aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::LeftmostLongest)
        .kind(Some(aho_corasick::AhoCorasickKind::DFA))
        .build(patterns)
        .ok()
}

/// Whether `c` may be part of a word (a name, a street, a cue word).
pub fn is_word_char(c: char) -> bool {
    // Latin-1 letters (æ, ø, å, ä, ö, é …) without the Unicode table lookup: they are most of the
    // non-ASCII letters in Nordic minutes.
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// Writes the lower-case, NFC form of `word` into `buf` (cleared first), dropping a line break and the
/// spaces around it inside a word that was hyphenated across lines ("Rosenborg-\nFriis").
pub fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    // Fast path: a plain ASCII word.
    if word
        .bytes()
        .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
    {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    let mut combining = false;
    for c in word.chars() {
        if c == '\n' || c == '\r' || c == ' ' || c == '\u{a0}' {
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) {
            combining = true;
        }
        if c == '’' {
            buf.push('\'');
            continue;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    if combining {
        // Text from PDFs and macOS is often decomposed (NFD); the lists are composed.
        let composed: String = buf.nfc().collect();
        *buf = composed;
    }
}

/// The previous word before byte `pos` (skipping spaces and the punctuation in `skip`), as a byte range.
pub fn word_before(text: &str, pos: usize, skip: &[char]) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let mut end = None;
    for (i, c) in head.char_indices().rev() {
        match end {
            None => {
                if is_word_char(c) {
                    end = Some(i + c.len_utf8());
                } else if !(c == ' ' || c == '\u{a0}' || skip.contains(&c)) {
                    return None;
                }
            }
            Some(e) => {
                if !is_word_char(c) {
                    return Some((i + c.len_utf8(), e));
                }
            }
        }
    }
    end.map(|e| (0, e))
}

/// Case-insensitive comparison of a word with a lower-case cue. Upper- and lower-case forms of the
/// letters Nordic text uses have the same UTF-8 length, so a length mismatch settles most comparisons.
pub fn eq_fold(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    let mut a = word.chars().flat_map(char::to_lowercase);
    let mut b = lower.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Whether `word` equals any of the lower-case `cues`, ignoring case. Short lists are compared directly;
/// for the longer ones the first byte rules out most cues before any comparison.
pub fn is_one_of(word: &str, cues: &[&str]) -> bool {
    let Some(&b0) = word.as_bytes().first() else {
        return false;
    };
    let b0 = b0.to_ascii_lowercase();
    cues.iter().any(|c| {
        c.len() == word.len()
            && c.as_bytes().first().is_some_and(|&f| f == b0 || f >= 0x80)
            && eq_fold(word, c)
    })
}

/// A set of lower-case cue words with a case-insensitive lookup that does not allocate for ASCII words.
#[derive(Debug)]
pub struct WordSet {
    words: std::collections::HashSet<&'static str, BuildHasherDefault<Fnv>>,
    /// The longest word in bytes: a longer word is answered without hashing.
    max_len: usize,
    /// The last two bytes of every word of two bytes or more, as a bit set: see
    /// [`WordSet::may_end`].
    tails: Box<[u64; 1024]>,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut tails = Box::new([0u64; 1024]);
        for w in words {
            if let Some(t) = tail(w) {
                tails[t / 64] |= 1 << (t % 64);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
            tails,
        }
    }

    /// Whether some word of the set of two bytes or more ends in the last two bytes of `folded`:
    /// when not, no suffix of `folded` is in the set, which the searches for a cue at the end of a
    /// compound ask first.
    pub fn may_end(&self, folded: &str) -> bool {
        tail(folded).is_some_and(|t| self.tails[t / 64] & (1 << (t % 64)) != 0)
    }

    /// The longest word of the set, in bytes.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Lookup of a word that is already lower-case.
    pub fn contains(&self, folded: &str) -> bool {
        folded.len() <= self.max_len && self.words.contains(folded)
    }

    pub fn contains_fold(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > 32 {
            return false;
        }
        if word.is_ascii() {
            // Lower-casing keeps an ASCII word's length.
            if word.len() > self.max_len {
                return false;
            }
            let mut buf = [0u8; 32];
            let b = &mut buf[..word.len()];
            b.copy_from_slice(word.as_bytes());
            b.make_ascii_lowercase();
            return std::str::from_utf8(b).is_ok_and(|w| self.contains(w));
        }
        self.contains(word.to_lowercase().as_str())
    }
}

/// The last two bytes of `word` as a number, if it has two.
fn tail(word: &str) -> Option<usize> {
    match word.as_bytes() {
        [.., a, b] => Some(usize::from(*a) << 8 | usize::from(*b)),
        _ => None,
    }
}

/// Converts sorted byte offsets to character offsets in one pass; `points` must be ascending.
pub fn byte_to_char_offsets(text: &str, points: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(points.len());
    let mut chars = 0usize;
    let mut last = 0usize;
    for &p in points {
        let p = p.min(text.len());
        if p >= last {
            chars += text.get(last..p).map_or(0, |s| s.chars().count());
            last = p;
        }
        out.push(chars);
    }
    out
}

/// Whether a capitalised word at `start` begins a sentence (or a line, a heading, a list item).
pub fn starts_sentence(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else {
        return true;
    };
    for c in head.chars().rev() {
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '«' | '“' | '(' | '–' | '-' | '•' | '*' => {
                continue
            }
            '.' | '!' | '?' | ':' | '\n' | ';' => return true,
            _ => return false,
        }
    }
    true
}
