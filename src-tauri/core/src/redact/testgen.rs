//! Varied text for the tests that check a faster pass against the one it replaced: registered names and
//! their damaged forms (misread by OCR, in capitals, in lower case, letter-spaced, as mojibake, in the
//! genitive), cue words, numbers of every shape, addresses, punctuation and line ends. Invented people.

use proptest::prelude::*;

/// Residents the generated text mentions (invented).
pub const NAMES: &[&str] = &[
    "Søren Møllgaard",
    "Camilla Hornbæk",
    "Ingrid Lund",
    "Anne-Marie Holm",
    "Jens Peter Krogh",
    "Kari Nesset",
    "Tor-Arne Isaksen",
    "Fredrik von Hanno",
    "Åse Ødegård",
];

/// Words and passages that steer the recognizers one way or the other.
const WORDS: &[&str] = &[
    "og",
    "i",
    "på",
    "til",
    "fra",
    "fru",
    "hr.",
    "andelshaver",
    "sagde",
    "sa",
    "mvh",
    "Hilsen",
    "Men",
    "De",
    "Da",
    "Per",
    "Bo",
    "Hans",
    "Bestyrelsen",
    "kommune",
    "ApS",
    "Revision",
    "A/S",
    "Storvej 12",
    "Rønnebærvej 4, 1. th.",
    "nr. 7",
    "3. etage i Storvej 12",
    "tredje etasje i Lyngveien 6",
    "110584-3638",
    "29 91 44 06",
    "+45 29914406",
    "1551-1234567890",
    "ZD 41 760",
    "kr. 19.650",
    "14. APRIL 2011",
    "9. maj",
    "K.L.",
    "A-M",
    "Jonas K",
    "(24)",
    "(1866 - 1949)",
    "<kari.nesset@example.no>",
    "Fra: kari nesset",
    "post@bolig.example.dk",
    "Hansen",
    "Pedersen",
    "Ole",
    "Mette",
    "von",
    "af",
    "«Marie Claire»",
    "KrF-leder",
    "H0101",
    "lgh 1102",
    "Æ0Æ",
    "TorbjÃ¸rn",
    "S i g r i d  H o v d e",
    "S a k  2  V a l g",
    "110584–3638",
    "29  91 44 06",
    "fraKari",
    "ZoﬁaKowalczyk",
    "McKinsey",
];

const GLUE: &[&str] = &[
    " ", " ", " ", " ", ", ", ". ", "\n", "\n\n", " - ", ": ", "\r\n", "-", " (", ") ", "  ",
    "\u{a0}", "'s ", "; ", "!", "-\n", "  ", "–",
];

/// One of the ways a name reaches a text.
fn damaged(word: &str, how: u8) -> String {
    match how {
        0 => word.to_uppercase(),
        1 => word.to_lowercase(),
        // OCR: "Mø1lgaard", "S0ren", "Hombæk".
        2 => word.replace('o', "0").replace('l', "1").replace("rn", "m"),
        3 => word.replace('ø', "o").replace('æ', "ae").replace('å', "a"),
        4 => word.chars().map(String::from).collect::<Vec<_>>().join(" "),
        // UTF-8 read as Latin-1.
        5 => word.bytes().map(char::from).collect(),
        6 => format!("{word}s"),
        7 => word.replace('n', "rn").replace('I', "1"),
        // Run together where a space or a soft hyphen was lost: "KariNesset", "AnneMarie".
        8 => word.replace([' ', '-'], ""),
        // Hyphenated across a line end by a PDF's re-flow: "Nes-\nset".
        9 => {
            let mid = word
                .char_indices()
                .nth(word.chars().count() / 2)
                .map_or(0, |(i, _)| i);
            format!("{}-\n{}", &word[..mid], &word[mid..])
        }
        10 => word
            .replace("fi", "ﬁ")
            .replace("ff", "ﬀ")
            .replace("fl", "ﬂ")
            .replace('o', "ﬀo"),
        // UTF-8 read as Windows-1252 twice.
        11 => twice_mojibake(word),
        12 => word.replace(' ', "  "),
        13 => word.replace(' ', "\n"),
        _ => word.to_string(),
    }
}

/// UTF-8 read back as Windows-1252 twice ("Ã¸" and then "ÃƒÂ¸" for "ø").
fn twice_mojibake(word: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž',
        '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}',
        'ž', 'Ÿ',
    ];
    let once = |w: &str| -> String {
        w.bytes()
            .map(|b| match b {
                0x80..=0x9f => HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect()
    };
    once(&once(word))
}

/// A token of generated text.
fn token() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => (prop::sample::select(NAMES), 0u8..18).prop_map(|(n, how)| damaged(n, how)),
        3 => (prop::sample::select(NAMES), 0usize..3, 0u8..18).prop_map(|(n, part, how)| {
            let words: Vec<&str> = n.split(' ').collect();
            damaged(words[part.min(words.len() - 1)], how)
        }),
        4 => prop::sample::select(WORDS).prop_map(str::to_string),
        2 => "[A-ZÆØÅ][a-zæøå]{1,9}",
        2 => "[a-zæøå]{1,9}",
        1 => "[0-9]{1,11}",
        1 => "[ -~æøåÆØÅé|!]{0,10}",
    ]
}

/// Text of up to about 80 tokens with varied glue between them.
pub fn text() -> impl Strategy<Value = String> {
    prop::collection::vec((token(), prop::sample::select(GLUE)), 0..80).prop_map(|parts| {
        let mut t = String::new();
        for (w, g) in parts {
            t.push_str(&w);
            t.push_str(g);
        }
        t
    })
}
