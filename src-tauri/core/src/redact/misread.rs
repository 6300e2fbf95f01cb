//! The register's own words restored where OCR has damaged them. A scan gives the register's streets,
//! board and firms with the same few confusions a resident's name gets ("HurnIevej 12" for "Humlevej
//! 12", "Ahrnad" for the board's "Ahmad", "Tørnrermester" for a firm's "Tømrermester"); the exact
//! matches of the register (houses, the board's names that stay, the firms that stay) miss them all.
//! Each word of the register is folded once, when the detector is built, to its [`skeleton`]; a
//! capitalised word of the text whose skeleton is one register word's, and which is no register word
//! written right, is rewritten to that word before the recognizers run (a [`View`] whose map points
//! the findings back at the damaged form). Residents' names keep their own scan
//! ([`super::confusable`]): a resident's name part is rewritten only where the same spelling is also
//! a street's, an official's or a firm's word, and it is then flagged as the scan would have flagged it.

use super::confusable::{self, skeleton, skeleton_into};
use super::repair::{MapBuilder, View};
use super::text::{is_word_char, FastMap, FastSet};
use super::Context;

/// One register word as the text may misread it.
#[derive(Debug, Clone)]
struct Spelling {
    /// The word as the register writes it.
    word: String,
    /// Also the name part of a resident who holds no role (then the rewritten word is that resident's).
    resident: bool,
}

/// The register's words by their skeletons (see the module's comment).
#[derive(Debug, Default)]
pub struct RegisterSpellings {
    by_skeleton: FastMap<String, Spelling>,
    /// Every word of the register in lower case: a word of the text that is one is written right.
    exact: FastSet<String>,
}

/// The words of `s` that may be misread: split on spaces and commas, three letters or more, capitalised.
fn words(s: &str) -> impl Iterator<Item = &str> {
    s.split(|c: char| c.is_whitespace() || matches!(c, ',' | '&' | '/' | '(' | ')'))
        .map(|w| w.trim_matches(|c: char| !is_word_char(c) && c != '-'))
        .map(|w| w.trim_matches('-'))
        .filter(|w| {
            w.chars().filter(|c| c.is_alphabetic()).count() >= 3
                && w.starts_with(char::is_uppercase)
                && w.chars().all(|c| is_word_char(c) || c == '-')
        })
}

/// The street of an address: its words before the house number ("Gamle Kongevej" of "Gamle Kongevej 12,
/// 2. th.").
fn street(address: &str) -> &str {
    let end = address
        .find(|c: char| c.is_ascii_digit() || c == ',')
        .unwrap_or(address.len());
    &address[..end]
}

impl RegisterSpellings {
    pub fn new(context: Option<&Context>) -> RegisterSpellings {
        let mut out = RegisterSpellings::default();
        let Some(c) = context else {
            return out;
        };
        // Words of the register that are not (only) residents' names: streets, the association's own
        // places, the officials' names, the organisations.
        let mut others: Vec<&str> = Vec::new();
        for r in &c.residents {
            if let Some(a) = r.address.as_deref() {
                others.extend(words(street(a)));
            }
        }
        for p in c.places.iter().chain(&c.organisations) {
            others.extend(words(p));
        }
        let officials: FastSet<String> = c
            .officials
            .iter()
            .flat_map(|o| words(&o.name).map(skeleton))
            .collect();
        for o in &c.officials {
            others.extend(words(&o.name));
        }
        // A skeleton two spellings share is ambiguous: none is rewritten.
        let mut ambiguous: FastSet<String> = FastSet::default();
        let mut add =
            |sk: String, word: &str, resident: bool, out: &mut RegisterSpellings| match out
                .by_skeleton
                .get_mut(&sk)
            {
                Some(s) if s.word.to_lowercase() != word.to_lowercase() => {
                    ambiguous.insert(sk);
                }
                Some(s) => s.resident |= resident,
                None if resident => {}
                None => {
                    out.by_skeleton.insert(
                        sk,
                        Spelling {
                            word: word.to_string(),
                            resident,
                        },
                    );
                }
            };
        for w in others {
            out.exact.insert(w.to_lowercase());
            add(skeleton(w), w, false, &mut out);
        }
        for r in &c.residents {
            for w in words(&r.name) {
                out.exact.insert(w.to_lowercase());
                let sk = skeleton(w);
                let resident = !officials.contains(&sk);
                add(sk, w, resident, &mut out);
            }
        }
        // Residents' parts whose skeleton no other register word has were skipped above (the scan of
        // residents' names reads them); those with another spelling than the other word's are ambiguous.
        for sk in ambiguous {
            out.by_skeleton.remove(&sk);
        }
        out
    }

    /// [`RegisterSpellings::restore_keeping_words`] without the words.
    #[cfg(test)]
    pub fn restore(&self, text: &str) -> Option<(View, Vec<(usize, usize)>)> {
        self.restore_keeping_words(text, &mut None)
    }

    /// The text with the register's words it misreads written right, and the spans (in the new text) of
    /// the residents' name parts among them; `None` when no word is misread. Where it walked the text's
    /// [`confusable::capitalised_words`] and wrote no word anew (`None`), `words` holds them, for
    /// [`super::confusable::ConfusableNames::scan_words`] to read the same text without walking it
    /// again.
    pub fn restore_keeping_words(
        &self,
        text: &str,
        words: &mut Option<Vec<(usize, usize)>>,
    ) -> Option<(View, Vec<(usize, usize)>)> {
        if self.by_skeleton.is_empty() {
            return None;
        }
        let mut edits: Vec<(usize, usize, &Spelling, bool)> = Vec::new();
        let mut seen: FastMap<&str, Option<(&Spelling, bool)>> = FastMap::default();
        let mut sk = String::new();
        let mut walked = Vec::with_capacity(text.len() / 64);
        for (s, e) in confusable::capitalised_words(text) {
            walked.push((s, e));
            let word = text[s..e].trim_end_matches('-');
            let e = s + word.len();
            let verdict = *seen
                .entry(word)
                .or_insert_with(|| self.verdict(word, &mut sk));
            if let Some((spelling, genitive)) = verdict {
                edits.push((s, e, spelling, genitive));
            }
        }
        if edits.is_empty() {
            *words = Some(walked);
            return None;
        }
        let mut b = MapBuilder::new(text);
        let mut residents = Vec::new();
        let mut delta: isize = 0;
        for (s, e, spelling, genitive) in edits {
            let word = &text[s..e];
            let caps = word.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !word.chars().any(char::is_lowercase);
            let mut with = if caps {
                spelling.word.to_uppercase()
            } else {
                spelling.word.clone()
            };
            if genitive {
                with.push_str(&word[word.len() - 1..]);
            }
            b.copy_to(s);
            b.replace(e, &with);
            let at = s.wrapping_add_signed(delta);
            if spelling.resident {
                residents.push((at, at + with.len()));
            }
            delta += with.len() as isize - (e - s) as isize;
        }
        let (text, map) = b.finish();
        Some((View { text, map }, residents))
    }

    /// The register word `word` misreads, and whether it stands in the genitive ("Darns"); `None` for a
    /// word written right or no register word's.
    fn verdict(&self, word: &str, sk: &mut String) -> Option<(&Spelling, bool)> {
        if word.chars().count() < 3 || !word.chars().any(char::is_alphabetic) {
            return None;
        }
        skeleton_into(word, sk);
        let (spelling, genitive) = match self.by_skeleton.get(sk.as_str()) {
            Some(s) => (s, false),
            None => {
                let stem = sk.strip_suffix('s')?;
                let last = word.chars().next_back()?;
                if !matches!(last, 's' | 'S') {
                    return None;
                }
                (self.by_skeleton.get(stem)?, true)
            }
        };
        let lower = word.to_lowercase();
        let own = if genitive {
            &lower[..lower.len() - 1]
        } else {
            lower.as_str()
        };
        if self.exact.contains(own) || self.exact.contains(lower.as_str()) {
            return None;
        }
        Some((spelling, genitive))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::association::Country;
    use crate::redact::{Official, RoleKind};

    fn register() -> Context {
        let mut c = crate::redact::residents_tests::residents_at(
            Country::DK,
            &[
                ("Vibeke Rask", "Kildevej 4"),
                ("Tue Dalsgaard", "Kildevej 6"),
                ("Lis Kamp", "Ørnebakken 3"),
            ],
        );
        c.officials.push(Official {
            name: "Tue Dalsgaard".into(),
            role: RoleKind::Chair,
            valid_from: None,
            valid_to: None,
        });
        c.organisations.push("Tømrerfirmaet Bo Kamp ApS".into());
        c
    }

    fn restored(text: &str) -> (String, Vec<String>) {
        let s = RegisterSpellings::new(Some(&register()));
        match s.restore(text) {
            None => (text.to_string(), Vec::new()),
            Some((view, residents)) => {
                let r = residents
                    .iter()
                    .map(|&(a, b)| view.text[a..b].to_string())
                    .collect();
                (view.text, r)
            }
        }
    }

    /// Streets, officials and firms misread are written as the register writes them; a resident's name
    /// part is rewritten only where a firm shares its spelling, and is then marked as a resident's.
    #[test]
    fn register_words_misread_are_restored() {
        let (t, r) = restored("Klage fra KiIdevejs 4? Nej: fra KiIdevej 4 og 0rnebakken 3.");
        assert_eq!(
            t,
            "Klage fra Kildevejs 4? Nej: fra Kildevej 4 og Ørnebakken 3."
        );
        assert!(r.is_empty());
        let (t, r) = restored("Tue DaIsgaard takkede. Tørnrerfirrnaet Bo Karnp ApS. Karnps bil.");
        assert_eq!(
            t,
            "Tue Dalsgaard takkede. Tømrerfirmaet Bo Kamp ApS. Kamps bil."
        );
        assert_eq!(r, ["Kamp", "Kamps"]);
        // Capitals stay capitals; words written right and other words are left alone.
        assert_eq!(restored("KIIDEVEJ 4").0, "KILDEVEJ 4");
        assert_eq!(
            restored("Rask og Raske i Kildevej").0,
            "Rask og Raske i Kildevej"
        );
        // A resident's name part no other register word spells is the names scan's.
        assert_eq!(restored("VIbeke Rask").0, "VIbeke Rask");
    }
}
