//! Registered names as OCR misreads them. Tesseract confuses 1, l and I, 0 and O, "rn" and "m", ø and
//! o, æ and "ae", å and a; a resident's "Møllgaard" comes out as "Mø1lgaard" or "Mollgaard", which the
//! exact register match does not see, and a missed name is a leak. Each registered name part is reduced
//! to a skeleton in which the confusable letters are one, and a capitalised word of the text whose
//! skeleton is a resident's (but which is not that resident's name written right, found already) is
//! flagged.
//!
//! Parts shared with an official are left out: the chair's name misread stays with the policy's exact
//! match, so OCR noise does not make the board disappear from its own minutes.

use std::collections::HashSet;

use super::policy::{overlaps_any, Raw};
use super::text::is_word_char;
use super::{Context, Decision, Kind, Recognizer};

/// The skeletons of residents' name parts (three letters or more).
#[derive(Debug, Default)]
pub struct ConfusableNames {
    skeletons: HashSet<String>,
    exact: HashSet<String>,
}

/// The word with every group of confusable letters reduced to one.
pub fn skeleton(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    skeleton_into(word, &mut out);
    out
}

/// [`skeleton`] written into `out` (cleared first), so the scan allocates nothing per word.
fn skeleton_into(word: &str, out: &mut String) {
    out.clear();
    let mut chars = word.chars().flat_map(char::to_lowercase).peekable();
    while let Some(c) = chars.next() {
        match c {
            '1' | 'l' | 'i' | '|' | '!' | 'í' | 'ì' => out.push('l'),
            '0' | 'o' | 'ø' | 'ö' | 'ó' | 'ò' | 'ô' | 'õ' => out.push('o'),
            'æ' | 'ä' => out.push_str("ae"),
            'å' | 'à' | 'á' | 'â' => out.push('a'),
            'é' | 'è' | 'ê' => out.push('e'),
            'r' if chars.peek() == Some(&'n') => {
                chars.next();
                out.push('m');
            }
            '5' => out.push('s'),
            c => out.push(c),
        }
    }
}

impl ConfusableNames {
    pub fn new(context: Option<&Context>) -> ConfusableNames {
        let Some(ctx) = context else {
            return ConfusableNames::default();
        };
        let official: HashSet<String> = ctx
            .officials
            .iter()
            .flat_map(|o| o.name.split_whitespace().map(skeleton).collect::<Vec<_>>())
            .collect();
        let mut out = ConfusableNames::default();
        for r in &ctx.residents {
            for part in r
                .name
                .split(|c: char| c.is_whitespace() || c == ',' || c == '&' || c == '/')
            {
                let part = part.trim_matches(|c: char| !is_word_char(c) && c != '-');
                if part.chars().count() < 3 || !part.chars().next().is_some_and(char::is_uppercase)
                {
                    continue;
                }
                let sk = skeleton(part);
                if official.contains(&sk) {
                    continue;
                }
                out.exact.insert(part.to_lowercase());
                out.skeletons.insert(sk);
            }
        }
        out
    }

    /// Adds a finding for every capitalised word that is a resident's name part misread.
    pub fn scan(&self, text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        if self.skeletons.is_empty() {
            return;
        }
        let mut start = None;
        let mut bufs = (String::new(), String::new());
        let word_char = |c: char| is_word_char(c) || matches!(c, '1' | '0' | '5' | '|' | '!');
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (start, word_char(c) || (start.is_some() && c == '-')) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    start = None;
                    self.word(text, s, i, protected, &mut bufs, out);
                }
                _ => {}
            }
        }
    }

    fn word(
        &self,
        text: &str,
        s: usize,
        e: usize,
        protected: &[(usize, usize)],
        (lower, sk): &mut (String, String),
        out: &mut Vec<Raw>,
    ) {
        let word = text[s..e].trim_end_matches('-');
        let e = s + word.len();
        // A name starts with a capital (or a misread one: "1ngrid", "0lsen").
        let first = word.chars().next().unwrap_or(' ');
        if !(first.is_uppercase() || matches!(first, '1' | '0' | '|')) || word.chars().count() < 3 {
            return;
        }
        // A word of digits only is a number, not a name.
        if !word.chars().any(char::is_alphabetic) {
            return;
        }
        lower.clear();
        lower.extend(word.chars().flat_map(char::to_lowercase));
        if self.exact.contains(lower.as_str()) {
            return;
        }
        skeleton_into(word, sk);
        // Genitive: "Mø1lgaards".
        let hit = self.skeletons.contains(sk.as_str())
            || sk.strip_suffix('s').is_some_and(|stem| {
                self.skeletons.contains(stem) && !self.exact.contains(&lower[..lower.len() - 1])
            });
        if hit && !overlaps_any(protected, s, e) {
            out.push(Raw {
                start: s,
                end: e,
                kind: Kind::Person,
                recognizer: Recognizer::Register,
                score: 0.7,
                reason: "a resident's name as OCR may misread it",
                decision: Decision::Redact,
                subject: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::redact::{KnownPerson, Official, RoleKind};

    fn found(text: &str) -> Vec<String> {
        let mut ctx = Context::new(Country::DK);
        for n in ["Søren Møllgaard", "Camilla Hornbæk", "Ingrid Lund"] {
            ctx.residents.push(KnownPerson {
                name: n.into(),
                ..KnownPerson::default()
            });
        }
        ctx.officials.push(Official {
            name: "Mette Lund".into(),
            role: RoleKind::ChairOfMeeting,
            valid_from: None,
            valid_to: None,
        });
        let names = ConfusableNames::new(Some(&ctx));
        let mut raw = Vec::new();
        names.scan(text, &[], &mut raw);
        raw.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn misread_names_are_found_and_right_ones_left_to_the_register() {
        assert_eq!(
            found("S0ren Mø1lgaard og Camilla Hombaek samt 1ngrid; Møllgaard selv."),
            ["S0ren", "Mø1lgaard", "Hombaek", "1ngrid"]
        );
        // "Lund" is the chair's surname too: left to the exact match and the policy.
        assert_eq!(found("Lurid Lund 1und"), Vec::<String>::new());
        // Genitive, and ordinary words that only look alike are not names.
        assert_eq!(found("Mollgaards forslag; sol og ro."), ["Mollgaards"]);
    }
}
