//! The page text detection reads, built from the glyphs in content order, with every character
//! remembering the glyphs it came from. Spaces and line breaks come from geometry (a gap wider
//! than a thin space, a move to another line), so text drawn glyph by glyph, kerned `TJ` arrays
//! and real space glyphs all read the same. The result is tidied exactly as
//! `minutes::extract` tidies text, while keeping the glyph map.

use std::ops::Range;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::UnicodeNormalization;

use super::interp::Glyph;

/// No glyph: a space or line break the layout added.
const NONE: Range<u32> = u32::MAX..u32::MAX;

/// Builds the raw text: one char per unit, each with the glyph it came from.
pub(super) fn assemble(glyphs: &[Glyph]) -> Vec<(char, Range<u32>)> {
    let mut out: Vec<(char, Range<u32>)> = Vec::new();
    let mut last: Option<&Glyph> = None;
    for (i, g) in glyphs.iter().enumerate() {
        let Some(text) = g.text.as_deref() else {
            last = Some(g);
            continue;
        };
        if let Some(prev) = last {
            if prev.page != g.page {
                push_break(&mut out, "\n\n");
            } else {
                // Measure along the previous glyph's writing direction.
                let (dx, dy) = (prev.end.0 - prev.origin.0, prev.end.1 - prev.origin.1);
                let len = (dx * dx + dy * dy).sqrt();
                let (ux, uy) = if len > 1e-3 {
                    (dx / len, dy / len)
                } else {
                    (1.0, 0.0)
                };
                let (mx, my) = (g.origin.0 - prev.end.0, g.origin.1 - prev.end.1);
                let along = mx * ux + my * uy;
                let across = (-mx * uy + my * ux).abs();
                // A step of more than 1.75 times the new text's size starts a paragraph (as
                // the import always read it); half the smaller size starts a line.
                let size = prev.size.min(g.size).max(1.0);
                if across > size * 0.5 {
                    let paragraph = across > g.size.max(1.0) * 1.75;
                    push_break(&mut out, if paragraph { "\n\n" } else { "\n" });
                } else if along > size * 0.15 || along < -size * 0.5 {
                    let ends_blank = out.last().is_none_or(|(c, _)| c.is_whitespace());
                    if !ends_blank && !text.starts_with(char::is_whitespace) {
                        out.push((' ', NONE));
                    }
                }
            }
        }
        let at = i as u32..i as u32 + 1;
        for c in text.chars() {
            match c {
                // Ligatures read as their letters, so a name set with "ﬃ" is found.
                '\u{fb00}' => out.extend([('f', at.clone()), ('f', at.clone())]),
                '\u{fb01}' => out.extend([('f', at.clone()), ('i', at.clone())]),
                '\u{fb02}' => out.extend([('f', at.clone()), ('l', at.clone())]),
                '\u{fb03}' => out.extend([('f', at.clone()), ('f', at.clone()), ('i', at.clone())]),
                '\u{fb04}' => out.extend([('f', at.clone()), ('f', at.clone()), ('l', at.clone())]),
                '\u{fb05}' | '\u{fb06}' => out.extend([('s', at.clone()), ('t', at.clone())]),
                c => out.push((c, at.clone())),
            }
        }
        last = Some(g);
    }
    out
}

fn push_break(out: &mut Vec<(char, Range<u32>)>, brk: &str) {
    while out.last().is_some_and(|(c, _)| *c == ' ') {
        out.pop();
    }
    for c in brk.chars() {
        out.push((c, NONE));
    }
}

/// `minutes::extract::tidy`, keeping each char's glyphs. Returns the text and, per char, its
/// byte offset and glyphs.
pub(super) fn tidy(raw: Vec<(char, Range<u32>)>) -> (String, Vec<(usize, Range<u32>)>) {
    // 1. Line ends, invisible characters, odd spaces.
    let mut chars: Vec<(char, Range<u32>)> = Vec::with_capacity(raw.len());
    let mut iter = raw.into_iter().peekable();
    // The two raw chars before the current one, for a soft hyphen that stands for a hyphen.
    let mut before: [Option<char>; 2] = [None, None];
    while let Some((c, g)) = iter.next() {
        let back = before;
        before = [Some(c), back[0]];
        match c {
            '\r' if iter.peek().is_some_and(|(n, _)| *n == '\n') => {}
            // Before a capital, after a small letter or an initial standing alone ("K\u{ad}E"):
            // see `minutes::extract::tidy`.
            '\u{ad}'
                if iter.peek().is_some_and(|(n, _)| n.is_uppercase())
                    && (back[0].is_some_and(char::is_lowercase)
                        || (back[0].is_some_and(char::is_uppercase)
                            && !back[1].is_some_and(char::is_alphabetic))) =>
            {
                chars.push(('-', g));
            }
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' => chars.push(('\n', g)),
            '\u{0}' | '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {
            }
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' => chars.push((' ', g)),
            c => chars.push((c, g)),
        }
    }
    // 2. NFC, cluster by cluster (a starter and the marks after it), so each composed char
    // keeps the glyphs of everything it was made of.
    let mut nfc: Vec<(char, Range<u32>)> = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let mut j = i + 1;
        while j < chars.len() && canonical_combining_class(chars[j].0) != 0 {
            j += 1;
        }
        let cluster: String = chars[i..j].iter().map(|(c, _)| *c).collect();
        let glyphs = chars[i..j]
            .iter()
            .map(|(_, g)| g.clone())
            .reduce(|a, b| join(&a, &b))
            .unwrap_or(NONE);
        for c in cluster.nfc() {
            nfc.push((c, glyphs.clone()));
        }
        i = j;
    }
    // 3. Lines: no trailing spaces, at most one blank line in a row, one final newline.
    let mut text = String::with_capacity(nfc.len());
    let mut map: Vec<(usize, Range<u32>)> = Vec::with_capacity(nfc.len());
    let mut blank = 0;
    for line in nfc.split(|(c, _)| *c == '\n') {
        let mut end = line.len();
        while end > 0 && line[end - 1].0.is_whitespace() {
            end -= 1;
        }
        let line = &line[..end];
        if line.iter().all(|(c, _)| c.is_whitespace()) {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            let brk = if blank > 0 { "\n\n" } else { "\n" };
            for c in brk.chars() {
                map.push((text.len(), NONE));
                text.push(c);
            }
        }
        blank = 0;
        for (c, g) in line {
            map.push((text.len(), g.clone()));
            text.push(*c);
        }
    }
    map.push((text.len(), NONE));
    text.push('\n');
    (text, map)
}

fn join(a: &Range<u32>, b: &Range<u32>) -> Range<u32> {
    match (a == &NONE, b == &NONE) {
        (true, _) => b.clone(),
        (_, true) => a.clone(),
        _ => a.start.min(b.start)..a.end.max(b.end),
    }
}

/// The glyphs behind the chars that overlap `span` (byte offsets into the text).
pub(super) fn glyphs_of(map: &[(usize, Range<u32>)], span: &Range<usize>) -> Vec<u32> {
    let first = map.partition_point(|(b, _)| *b < span.start);
    // The char that starts before the span but runs into it.
    let first = if first > 0 && map.get(first).is_none_or(|(b, _)| *b > span.start) {
        first - 1
    } else {
        first
    };
    let mut out = Vec::new();
    for (b, g) in &map[first.min(map.len())..] {
        if *b >= span.end {
            break;
        }
        if *g != NONE {
            out.extend(g.clone());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    /// Raw text from the characters tidying touches: line ends, invisible and odd spaces,
    /// combining marks, letters that compose with them.
    fn raw() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "a", "B", "ø", "e", "\u{301}", "\u{30a}", "A", " ", "  ", "\n", "\r", "\r\n", "\u{a0}",
            "\u{ad}", "\u{200b}", "\u{2028}", "\u{c}", "\t", "ﬁ", "Å",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        /// The text is exactly the import's tidy text, and the map gives every char of it, in
        /// order, at its byte offset.
        #[test]
        fn tidy_matches_the_import_and_maps_every_char(s in raw()) {
            let chars: Vec<(char, Range<u32>)> = s
                .chars()
                .enumerate()
                .map(|(i, c)| (c, i as u32..i as u32 + 1))
                .collect();
            let (text, map) = tidy(chars);
            prop_assert_eq!(&text, &crate::minutes::tidy(&s));
            let offsets: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            let mapped: Vec<usize> = map.iter().map(|(b, _)| *b).collect();
            prop_assert_eq!(offsets, mapped);
        }
    }

    #[test]
    fn a_span_maps_to_the_glyphs_of_the_chars_it_covers() {
        // "Ål" where Å is A + ring from two glyphs (0, 1) and l is glyph 2, then a space.
        let raw = vec![
            ('A', 0..1),
            ('\u{30a}', 1..2),
            ('l', 2..3),
            (' ', NONE),
            ('x', 3..4),
        ];
        let (text, map) = tidy(raw);
        assert_eq!(text, "Ål x\n");
        assert_eq!(glyphs_of(&map, &(0.."Ål".len())), vec![0, 1, 2]);
        // A span starting inside the composed char still takes its glyphs.
        assert_eq!(glyphs_of(&map, &(1..2)), vec![0, 1]);
        assert_eq!(glyphs_of(&map, &(text.len() - 2..text.len())), vec![3]);
    }
}
