//! Snippets for search hits: the few words of a document around the searched words, with the
//! matches marked `**like this**`.
//!
//! SQLite's FTS5 `snippet()` scores every window against every occurrence of the searched words,
//! which is quadratic in the number of occurrences: 4.6 s for 4 MB of minutes and over ten
//! minutes for 26 million characters (issue 12). FTS5 still finds and ranks the documents; the
//! snippet is cut here in one pass over the text, which stops at the first window that holds
//! every searched word. Words are split and compared as FTS5's `unicode61` tokenizer does
//! (letters and digits, case folded, diacritics kept), so what is marked is what was matched.

use std::collections::VecDeque;

/// How many words a snippet shows, as FTS5's `snippet(…, 16)` did.
pub(super) const WIDTH: usize = 16;

/// Search words beyond this many still filter the documents (FTS5 does that) but are not looked
/// for in the snippet, so that a pasted page in the search box cannot make the scan slow.
const MAX_TERMS: usize = 64;

/// One searched word as FTS5 reads a quoted string: its tokens, folded to lower case, matched
/// in a row; with a trailing `*` the last one matches by prefix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Term {
    tokens: Vec<String>,
    prefix: bool,
}

/// The search box's words as [`Term`]s, split as `fts_query` splits them.
pub(super) fn terms(query: &str) -> Vec<Term> {
    query
        .split_whitespace()
        .filter_map(|w| {
            let prefix = w.ends_with('*');
            let word = w.trim_end_matches('*');
            let tokens: Vec<String> = tokens(word)
                .map(|(s, e)| word[s..e].chars().flat_map(char::to_lowercase).collect())
                .collect();
            (!tokens.is_empty()).then_some(Term { tokens, prefix })
        })
        .take(MAX_TERMS)
        .collect()
}

/// Is `c` part of a word? FTS5's `unicode61` keeps letters, digits and private-use characters.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || matches!(c, '\u{e000}'..='\u{f8ff}')
}

/// The byte ranges of the words of `text`, in order.
fn tokens(text: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if is_word_char(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if !is_word_char(c) {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, end))
    })
}

/// Does the word `word` of the text match `token` (already lower case), whole or as a prefix?
fn word_matches(word: &str, token: &str, prefix: bool) -> bool {
    if word.is_ascii() && token.is_ascii() {
        return if prefix {
            word.len() >= token.len()
                && word.as_bytes()[..token.len()].eq_ignore_ascii_case(token.as_bytes())
        } else {
            word.eq_ignore_ascii_case(token)
        };
    }
    let mut folded = word.chars().flat_map(char::to_lowercase);
    for t in token.chars() {
        if folded.next() != Some(t) {
            return false;
        }
    }
    prefix || folded.next().is_none()
}

/// Does `term` match the words `words` (byte ranges of `text`, exactly as many as the term has
/// tokens)?
fn term_matches(text: &str, words: impl Iterator<Item = (usize, usize)>, term: &Term) -> bool {
    let last = term.tokens.len() - 1;
    let mut n = 0;
    for (i, (s, e)) in words.enumerate() {
        if i > last || !word_matches(&text[s..e], &term.tokens[i], term.prefix && i == last) {
            return false;
        }
        n += 1;
    }
    n == term.tokens.len()
}

/// An occurrence of a term: which term, and its first and last word (indexes into the text's
/// words).
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    term: usize,
    first: usize,
    last: usize,
}

/// The window chosen so far: its score, its first and last matched word, and the byte ranges
/// of the words from up to [`WIDTH`] before the matches to the last matched word.
struct Best {
    score: (usize, usize),
    first: usize,
    last: usize,
    /// Global index of `words[0]`.
    from: usize,
    words: Vec<(usize, usize)>,
}

/// The snippet of `text` for `terms`: [`WIDTH`] words around the window that holds the most
/// different searched words (then the most occurrences), preferring the earliest, with every
/// occurrence in it marked `**…**` and `…` where the text goes on. Without any occurrence (the
/// words were in the title), the text's first words. One pass over the text, stopping at the
/// first window that holds every term.
pub(super) fn snippet(text: &str, terms: &[Term]) -> String {
    let longest = terms.iter().map(|t| t.tokens.len()).max().unwrap_or(1);
    let keep = WIDTH.max(longest);
    // The last `keep` words: the words before the matches and the words of a phrase.
    let mut recent: VecDeque<(usize, usize)> = VecDeque::with_capacity(keep + 1);
    // Occurrences whose span fits in one window with the newest one, and how many per term.
    let mut window: VecDeque<Occurrence> = VecDeque::new();
    let mut per_term = vec![0usize; terms.len()];
    let mut distinct = 0usize;
    let mut best: Option<Best> = None;
    for (index, word) in tokens(text).enumerate() {
        if recent.len() == keep {
            recent.pop_front();
        }
        recent.push_back(word);
        for (t, term) in terms.iter().enumerate() {
            let n = term.tokens.len();
            if n > recent.len() || n > WIDTH {
                continue;
            }
            if !term_matches(text, recent.range(recent.len() - n..).copied(), term) {
                continue;
            }
            let occ = Occurrence {
                term: t,
                first: index + 1 - n,
                last: index,
            };
            while window.front().is_some_and(|o| o.first + WIDTH <= occ.last) {
                if let Some(old) = window.pop_front() {
                    per_term[old.term] -= 1;
                    if per_term[old.term] == 0 {
                        distinct -= 1;
                    }
                }
            }
            window.push_back(occ);
            per_term[t] += 1;
            if per_term[t] == 1 {
                distinct += 1;
            }
            let score = (distinct, window.len());
            if best.as_ref().is_none_or(|b| score > b.score) {
                let first = window.front().map_or(occ.first, |o| o.first);
                let from = (index + 1).saturating_sub(recent.len());
                best = Some(Best {
                    score,
                    first,
                    last: index,
                    from,
                    words: recent.iter().copied().collect(),
                });
            }
        }
        if distinct == terms.len() && distinct > 0 {
            break;
        }
    }
    let Some(best) = best else {
        // No occurrence in the text: its first words.
        let shown: Vec<(usize, usize)> = tokens(text).take(WIDTH + 1).collect();
        let more = shown.len() > WIDTH;
        return render(text, &shown[..shown.len().min(WIDTH)], false, more, terms);
    };
    // Start with the sentence of the matched words where it begins within the spare words;
    // otherwise centre them: half the spare words before, the rest after.
    let span = best.last + 1 - best.first;
    let spare = WIDTH.saturating_sub(span);
    let earliest = best.first.saturating_sub(spare).max(best.from);
    let start = (earliest..=best.first)
        .rev()
        .find(|&i| starts_sentence(text, best.words[i - best.from].0))
        .unwrap_or_else(|| best.first.saturating_sub(spare / 2).max(best.from));
    let mut shown: Vec<(usize, usize)> = best.words[start - best.from..].to_vec();
    let after_from = best.words.last().map_or(0, |w| w.1);
    let wanted = WIDTH.saturating_sub(shown.len());
    let mut rest = tokens(&text[after_from..]).map(|(s, e)| (s + after_from, e + after_from));
    shown.extend(rest.by_ref().take(wanted));
    // Words before the window make up for a text that ends too soon.
    let mut start = start;
    while shown.len() < WIDTH && start > 0 && start > best.from {
        start -= 1;
        shown.insert(0, best.words[start - best.from]);
    }
    let more = rest.next().is_some();
    render(text, &shown, start > 0, more, terms)
}

/// Does the word at byte `at` begin a sentence or a line (or the text)?
fn starts_sentence(text: &str, at: usize) -> bool {
    let mut new_line = false;
    for c in text[..at].chars().rev() {
        if c == '\n' {
            new_line = true;
        } else if !c.is_whitespace() {
            return new_line || matches!(c, '.' | '!' | '?');
        }
    }
    true
}

/// The words `shown` (consecutive byte ranges of `text`) with the text between them, every
/// occurrence of a term marked, whitespace collapsed, and `…` before and after as needed.
fn render(
    text: &str,
    shown: &[(usize, usize)],
    before: bool,
    after: bool,
    terms: &[Term],
) -> String {
    let (Some(first), Some(last)) = (shown.first(), shown.last()) else {
        return String::new();
    };
    // Occurrences within the shown words, as byte ranges, merged where they overlap.
    let mut marks: Vec<(usize, usize)> = Vec::new();
    for i in 0..shown.len() {
        for term in terms {
            let n = term.tokens.len();
            if i + n <= shown.len() && term_matches(text, shown[i..i + n].iter().copied(), term) {
                marks.push((shown[i].0, shown[i + n - 1].1));
            }
        }
    }
    marks.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for m in marks {
        match merged.last_mut() {
            Some(prev) if m.0 <= prev.1 => prev.1 = prev.1.max(m.1),
            _ => merged.push(m),
        }
    }
    let mut out = String::new();
    if before {
        out.push('…');
    }
    let mut at = first.0;
    for (s, e) in merged {
        out.push_str(&text[at..s]);
        out.push_str("**");
        out.push_str(&text[s..e]);
        out.push_str("**");
        at = e;
    }
    out.push_str(&text[at..last.1]);
    if after {
        out.push('…');
    } else {
        // At the end of the text, its last characters too (the full stop), as FTS5 did.
        out.push_str(&text[last.1..]);
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cut(text: &str, query: &str) -> String {
        snippet(text, &terms(query))
    }

    #[test]
    fn words_are_split_and_folded_as_fts5_does() {
        assert_eq!(
            terms("Tag*  A/B øst"),
            vec![
                Term {
                    tokens: vec!["tag".into()],
                    prefix: true
                },
                Term {
                    tokens: vec!["a".into(), "b".into()],
                    prefix: false
                },
                Term {
                    tokens: vec!["øst".into()],
                    prefix: false
                },
            ]
        );
        assert!(terms(" * \"\" ").is_empty());
        assert!(word_matches("ØSTERBRO", "østerbro", false));
        assert!(word_matches("Tagrenovering", "tag", true));
        assert!(!word_matches("Tagrenovering", "tag", false));
        assert!(!word_matches("Ta", "tag", true));
    }

    #[test]
    fn marks_the_words_in_the_middle_of_sixteen() {
        let text = "En to tre fire fem seks syv otte ni ti elleve tolv tretten fjorten femten \
                    seksten sytten Vandskaden atten nitten tyve enogtyve toogtyve treogtyve \
                    fireogtyve femogtyve seksogtyve.";
        assert_eq!(
            cut(text, "vandskaden"),
            "…elleve tolv tretten fjorten femten seksten sytten **Vandskaden** atten nitten tyve \
             enogtyve toogtyve treogtyve fireogtyve femogtyve…"
        );
        // At the start and the end of the text: no ellipsis on that side.
        assert_eq!(
            cut("Vandskaden er udbedret.", "vand*"),
            "**Vandskaden** er udbedret."
        );
        // Title-only hits show the first words.
        assert_eq!(cut("Referat af mødet.", "budget"), "Referat af mødet.");
    }

    #[test]
    fn prefers_a_window_with_every_word_and_marks_phrases_whole() {
        let mut text = String::from("Cykelkælderen blev nævnt. ");
        text.push_str(&"Andet punkt om noget helt andet. ".repeat(20));
        text.push_str("Forslaget om cykelkælderen blev vedtaget af A/B Rønnebærhaven.");
        let s = cut(&text, "cykel* vedtaget a/b");
        assert!(
            s.contains("**cykelkælderen** blev **vedtaget** af **A/B** Rønnebærhaven."),
            "{s}"
        );
        assert!(s.starts_with('…') && !s.ends_with('…'), "{s}");
        // A word that overlaps another occurrence is marked once.
        assert_eq!(cut("taget tag", "tag* taget"), "**taget** **tag**");
    }

    /// Issue 12: FTS5's snippet took 4.6 s for 4 MB and minutes for 20 MB, because it compares
    /// every occurrence with every other. Here one word occurs 200,000 times, but all three
    /// words stand together only at the very end, so the whole text is scanned; quadratic work
    /// on it would be 10^11 steps (hours), linear work well under a second.
    #[test]
    fn a_text_full_of_occurrences_is_scanned_once() {
        let mut text = "Tag og ".repeat(200_000);
        text.push_str("til sidst budget, tag og vandskaden.");
        let s = cut(&text, "budget tag vandskaden");
        assert!(s.ends_with("**budget**, **tag** og **vandskaden**."), "{s}");
    }
}
