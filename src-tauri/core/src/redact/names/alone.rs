//! A first name alone, once the document has named its person in full ("Helle Vad-Iversen … Helle
//! deltager", "Thomas «Tom» Lauridsen … Tom takkede"). Without a register the recognizer takes a lone
//! first name only with a sign of a person, and a first name that is also a word ("Helle", "Tom") needs a
//! strong one; the person's full name earlier or later in the same text is that sign.

use super::*;
use crate::redact::text::{AnchoredStarts, Lanes};

/// Adds to `raw` every lone, capitalised occurrence of the first name (or the nickname written in quotes
/// or parentheses right after it) of an unknown person found in full in `text`, outside `protected` and
/// the findings already made. Not where another capitalised word follows: that is another name.
pub fn first_names_alone(text: &str, protected: &[(usize, usize)], raw: &mut Vec<Raw>) {
    let mut forms: Vec<&str> = Vec::new();
    for r in raw.iter().filter(|r| {
        r.kind == Kind::Person
            && r.recognizer == Recognizer::UnknownName
            && r.decision == Decision::Redact
    }) {
        let Some(found) = text.get(r.start..r.end) else {
            continue;
        };
        let (first, rest) = found.split_once(' ').unwrap_or((found, ""));
        // "Thomas «Tom» Lauridsen" may be found as two names around the nickname: still one in full.
        let nick_then_surname = text
            .get(r.end..)
            .and_then(|t| nickname_at(t).map(|n| (n, t)))
            .is_some_and(|(n, t)| {
                // Past the nickname and its closing mark (« » and “ ” take two or three bytes).
                let close = t.find(n).map_or(0, |i| i + n.len());
                let after = t
                    .get(close..)
                    .and_then(|c| c.chars().next())
                    .map_or(close, |c| close + c.len_utf8());
                t.get(after..).is_some_and(|a| capital_follows(a, 0))
            });
        if rest.trim().is_empty() && !nick_then_surname {
            continue;
        }
        if plain_first_name(first) && !forms.contains(&first) {
            forms.push(first);
        }
        // "Thomas «Tom» Lauridsen", "Peder Lund (Pelle)": a nickname right after the first name or the
        // whole name. In parentheses only a first name the lists know or the start of the person's own
        // first name ("Sivakumar (Siva)"): news write a party or a town there ("Siv Berg (Frp)").
        let one_word = rest.trim().is_empty();
        for at in [r.start + first.len(), r.end] {
            let Some(after) = text.get(at..) else {
                continue;
            };
            let Some(nick) = nickname_at(after) else {
                continue;
            };
            let quoted = !after.starts_with(" (");
            // A quoted word after a whole name is a title or a word quoted, not a nickname.
            if at == r.end && quoted && !one_word {
                continue;
            }
            let known = || {
                let folded = nick.to_lowercase();
                first_names().contains_key(folded.as_str())
                    || first.to_lowercase().starts_with(&folded)
            };
            if (quoted || known()) && !forms.contains(&nick) {
                forms.push(nick);
            }
        }
    }
    if forms.is_empty() {
        return;
    }
    let mut taken: Vec<(usize, usize)> = raw.iter().map(|r| (r.start, r.end)).collect();
    taken.sort_unstable();
    let mut extra = Vec::new();
    let written = written_forms(&forms);
    let found = occurrences(text, &written);
    for ((form, w), starts) in written.iter().zip(found) {
        for start in starts {
            let end = start + w.len();
            if !lone(text, start, end, &taken, protected) {
                continue;
            }
            extra.push(
                Raw::unknown_name(
                    start,
                    end,
                    0.7,
                    "the first name of a person the document names in full",
                )
                .guessed(form.to_lowercase()),
            );
        }
    }
    raw.extend(extra);
}

/// Each form as the text may write it, in the order they are looked for: the form, then in capitals.
fn written_forms<'a>(forms: &[&'a str]) -> Vec<(&'a str, String)> {
    forms
        .iter()
        .flat_map(|&f| [(f, f.to_string()), (f, f.to_uppercase())])
        .collect()
}

/// Whether the form at `start..end` stands alone: no letter, digit or mark of an address touches it,
/// no finding or protected span covers it, no capitalised word follows it, and "og" does not join it to
/// a capitalised word that is no name ("Dag og Tid": a newspaper).
fn lone(
    text: &str,
    start: usize,
    end: usize,
    taken: &[(usize, usize)],
    protected: &[(usize, usize)],
) -> bool {
    let before = text.get(..start).and_then(|h| h.chars().next_back());
    let after = text.get(end..).and_then(|t| t.chars().next());
    !(before.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '@' || c == '.')
        || after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '@')
        || overlaps_any(taken, start, end)
        || overlaps_any(protected, start, end)
        || capital_follows(text, end)
        || policy::joined_to_a_thing(text, end, |a, b, _| overlaps_any(taken, a, b)))
}

/// Where each written form occurs in `text` (for each, in text order), from one search for all of them
/// instead of one pass over the text per form (with thousands of residents and few of them mentioned,
/// those passes were a third of the detection). Overlapping occurrences of one form are all given,
/// where `str::match_indices` skips those inside the one before; such an occurrence has a letter of
/// the one before right before it, so [`lone`] turns it down either way.
///
/// Two searches that find the same: with a few forms, an overlapping search of every byte, which the
/// automaton's own prefilter (memmem, Teddy) makes skip most of the text; with more, the prefilter
/// stops paying (about 19 instructions a byte: 0.039 G of the sparse bench's 1.52, where some sixty
/// people are named in full), and [`occurrences_at_first_bytes`] asks only where a form may start.
fn occurrences(text: &str, written: &[(&str, String)]) -> Vec<Vec<usize>> {
    // One pattern per distinct string: a form may be written the same in capitals.
    let mut distinct: Vec<&str> = written.iter().map(|(_, w)| w.as_str()).collect();
    distinct.sort_unstable();
    distinct.dedup();
    let by_pattern = if distinct.len() <= FEW_FORMS {
        every_overlapping_occurrence(text, &distinct)
    } else {
        occurrences_at_first_bytes(text, &distinct)
    };
    let Some(by_pattern) = by_pattern else {
        return vec![Vec::new(); written.len()];
    };
    written
        .iter()
        .map(|(_, w)| {
            distinct
                .binary_search(&w.as_str())
                .map_or_else(|_| Vec::new(), |p| by_pattern[p].clone())
        })
        .collect()
}

/// Up to this many distinct forms [`occurrences`] searches every byte (the dense bench names one
/// person in full that no register holds: two forms).
const FEW_FORMS: usize = 16;

/// Where each of the `distinct` forms (sorted) occurs, by an overlapping search of every byte.
fn every_overlapping_occurrence(text: &str, distinct: &[&str]) -> Option<Vec<Vec<usize>>> {
    let ac = aho_corasick::AhoCorasick::builder()
        .match_kind(aho_corasick::MatchKind::Standard)
        .build(distinct)
        .ok()?;
    let mut by_pattern = vec![Vec::new(); distinct.len()];
    for m in ac.find_overlapping_iter(text) {
        by_pattern[m.pattern().as_usize()].push(m.start());
    }
    Some(by_pattern)
}

/// [`every_overlapping_occurrence`] asked only where a form may start. Every form opens with a
/// capital, so only where a form's first two bytes stand at an ASCII capital or a byte beyond ASCII
/// ([`AnchoredStarts`] with [`Lanes::Capitals`]; at every byte where one does not): the forms that
/// occur at a place are the longest one there and the forms it starts with.
fn occurrences_at_first_bytes(text: &str, distinct: &[&str]) -> Option<Vec<Vec<usize>>> {
    let build = |kind| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .start_kind(aho_corasick::StartKind::Anchored)
            .kind(kind)
            .build(distinct)
            .ok()
    };
    let ac = build(Some(aho_corasick::AhoCorasickKind::DFA)).or_else(|| build(None))?;
    // The forms each form starts with: in sorted order those of a form are the chain of forms before
    // it that it starts with, kept on a stack (as `policy::every_occurrence` keeps its values').
    let mut starts_with: Vec<Vec<usize>> = Vec::with_capacity(distinct.len());
    let mut chain: Vec<usize> = Vec::new();
    for (k, v) in distinct.iter().enumerate() {
        while chain.last().is_some_and(|&j| !v.starts_with(distinct[j])) {
            chain.pop();
        }
        starts_with.push(chain.clone());
        chain.push(k);
    }
    let search = AnchoredStarts::new(&ac, distinct.iter().copied(), Lanes::Capitals);
    let mut by_pattern = vec![Vec::new(); distinct.len()];
    for m in search.longest_at_each(text) {
        let k = m.pattern().as_usize();
        by_pattern[k].push(m.start());
        for &j in starts_with.get(k).into_iter().flatten() {
            by_pattern[j].push(m.start());
        }
    }
    Some(by_pattern)
}

/// A first name the lists know, written with one capital and three letters or more ("Helle", "Tom"),
/// that is no place.
fn plain_first_name(word: &str) -> bool {
    let mut chars = word.chars();
    let capital = chars.next().is_some_and(char::is_uppercase);
    let rest_lower = chars.all(char::is_lowercase);
    let folded = word.to_lowercase();
    capital
        && rest_lower
        && word.chars().count() >= 3
        && first_names().contains_key(folded.as_str())
        && !is_place(&folded)
        && !function_words().contains(folded.as_str())
}

/// The nickname in quotes or parentheses at the start of `rest` (past one space): ` «Tom»`, ` "Tom"`,
/// ` (Krzysiek)`; one capitalised word of three letters or more.
fn nickname_at(rest: &str) -> Option<&str> {
    let rest = rest.strip_prefix(' ')?;
    let (open, close) = match rest.chars().next()? {
        '«' => ('«', '»'),
        '"' => ('"', '"'),
        '“' => ('“', '”'),
        '”' => ('”', '”'),
        '(' => ('(', ')'),
        _ => return None,
    };
    let inner = rest.get(open.len_utf8()..)?;
    let word = inner.split(close).next()?;
    // A spoken form may hold an apostrophe inside ("Rørlegger'n", "Snekker'n"), not at its ends.
    let mut chars = word.chars().skip(1).peekable();
    let mut spoken = true;
    while let Some(c) = chars.next() {
        let inside = matches!(c, '\'' | '’') && chars.peek().is_some_and(|n| n.is_lowercase());
        spoken &= c.is_lowercase() || inside;
    }
    let ok = word.chars().count() >= 3
        && word.chars().next().is_some_and(char::is_uppercase)
        && spoken
        && inner.len() > word.len();
    ok.then_some(word)
}

/// Whether a capitalised word follows `end` past one space.
fn capital_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|t| t.strip_prefix(' '))
        .and_then(|t| t.chars().next())
        .is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Regression (class: a nickname in quotation marks between the first name and the surname, in a
    /// spoken form with an apostrophe inside, "«Snekker'n»": the name was not read whole).
    #[test]
    fn regression_a_spoken_nickname_with_an_apostrophe() {
        assert_eq!(nickname_at(" «Snekker'n» Ruud"), Some("Snekker'n"));
        assert_eq!(nickname_at(" «Snekker'» Ruud"), None);
        let p: Vec<String> =
            crate::redact::detect("Vaktmester Eilert «Snekker'n» Ruud går av i mai.\n", None)
                .into_iter()
                .filter(|f| f.kind == Kind::Person)
                .map(|f| f.text)
                .collect();
        assert!(p.iter().any(|n| n.contains("Snekker'n")), "{p:?}");
    }

    use proptest::prelude::*;

    /// The search as it was before [`occurrences`]: one `match_indices` per written form.
    fn occurrences_one_by_one(text: &str, written: &[(&str, String)]) -> Vec<Vec<usize>> {
        written
            .iter()
            .map(|(_, w)| text.match_indices(w.as_str()).map(|(i, _)| i).collect())
            .collect()
    }

    /// Regression (the first names alone, speed): with many forms the search asks only where a
    /// form's first bytes stand; what it finds is the overlapping search's of every byte.
    fn both_searches(text: &str, forms: &[&str]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
        let written = written_forms(forms);
        let mut distinct: Vec<&str> = written.iter().map(|(_, w)| w.as_str()).collect();
        distinct.sort_unstable();
        distinct.dedup();
        (
            occurrences_at_first_bytes(text, &distinct).unwrap(),
            every_overlapping_occurrence(text, &distinct).unwrap(),
        )
    }

    /// Forms that start with one another, in capitals too, overlapping and side by side, beyond
    /// ASCII and at the text's ends.
    #[test]
    fn regression_the_forms_asked_only_at_their_first_bytes_are_every_occurrence() {
        let forms = [
            "Ann",
            "Anne",
            "Anne-Marie",
            "Åse",
            "Tor",
            "Tor-Arne",
            "Torill",
            "Øyvind",
        ];
        for text in [
            "Anne-Marie og Anne og Ann. ANNE-MARIE, ANN og Tor-Arne Torill Tor",
            "ÅseÅse ØYVIND Øyvind-Tor Annemarie TorTor-Arne",
            "Ann",
            "xAnne-Mari",
            "",
        ] {
            let (asked, every) = both_searches(text, &forms);
            assert_eq!(asked, every, "{text}");
        }
        // "Ann" at the start of "Anne-Marie" and alone (the forms sorted, capitals first).
        let (asked, _) = both_searches("Anne-Marie og Ann", &forms);
        let mut sorted: Vec<String> = written_forms(&forms).into_iter().map(|(_, w)| w).collect();
        sorted.sort_unstable();
        sorted.dedup();
        let ann = sorted.iter().position(|w| w == "Ann").unwrap();
        assert_eq!(asked[ann], [0, 14]);
        // Many forms take the search that asks only where they may start, a few the other.
        let many: Vec<String> = (0..FEW_FORMS).map(|k| format!("Navn{k}")).collect();
        let many: Vec<&str> = many.iter().map(String::as_str).collect();
        let written = written_forms(&many);
        let text = "Navn3 og NAVN12 og Navn1";
        let found = occurrences(text, &written);
        assert_eq!(found[2 * 3], [0]);
        assert_eq!(found[2 * 12 + 1], [9]);
        assert_eq!(found[2], [19]);
    }

    proptest! {
        /// Asked only where a form's first bytes stand, the search finds what the overlapping search
        /// of every byte found.
        #[test]
        fn the_forms_asked_at_their_first_bytes_are_the_overlapping_searchs(
            parts in prop::collection::vec(prop_oneof![
                3 => prop::sample::select(&["Ann", "ANNE", "Anne-Marie", "ANNE-MARIE", "Åse", "ÅSE", "Tor", "TOR-ARNE", "Torill", "Øyvind", "ØYVIND", "Søren"][..]).prop_map(str::to_string),
                3 => prop::sample::select(&[" ", "-", "\n", "x", "é", "Ø", "A", "T"][..]).prop_map(str::to_string),
                1 => crate::redact::testgen::text(),
            ], 0..30),
            pick in prop::collection::vec(0usize..8, 1..6),
        ) {
            let text: String = parts.concat();
            let all = ["Ann", "Anne", "Anne-Marie", "Åse", "Tor", "Tor-Arne", "Øyvind", "Søren"];
            let mut forms: Vec<&str> = pick.iter().map(|&k| all[k]).collect();
            forms.sort_unstable();
            forms.dedup();
            let (asked, every) = both_searches(&text, &forms);
            prop_assert_eq!(asked, every);
        }

        /// The forms found alone by one search are those one pass per form found.
        #[test]
        fn one_search_finds_the_lone_forms_each_pass_found(
            parts in prop::collection::vec(prop_oneof![
                3 => prop::sample::select(&["Helle", "HELLE", "Tom", "TOM", "Tomtom", "Ana", "Anana", "ANANA", "Åse", "ÅSE", "Ådne"][..]).prop_map(str::to_string),
                3 => prop::sample::select(&[" ", "  ", "\n", ".", "-", "@", "x", "Kari", " Kari", "é"][..]).prop_map(str::to_string),
                1 => crate::redact::testgen::text(),
            ], 0..30),
            pick in prop::collection::vec(0usize..5, 1..4),
        ) {
            let text: String = parts.concat();
            let all = ["Helle", "Tom", "Ana", "Åse", "Tomtom"];
            let mut forms: Vec<&str> = pick.iter().map(|&k| all[k]).collect();
            forms.dedup();
            let written = written_forms(&forms);
            let lone_ones = |found: Vec<Vec<usize>>| -> Vec<Vec<usize>> {
                found
                    .into_iter()
                    .zip(&written)
                    .map(|(starts, (_, w))| {
                        starts.into_iter().filter(|&s| lone(&text, s, s + w.len(), &[], &[])).collect()
                    })
                    .collect()
            };
            prop_assert_eq!(
                lone_ones(occurrences(&text, &written)),
                lone_ones(occurrences_one_by_one(&text, &written))
            );
        }
    }

    fn alone(text: &str, found: &[&str]) -> Vec<String> {
        let mut raw: Vec<Raw> = found
            .iter()
            .map(|f| {
                let start = text.find(f).unwrap_or(0);
                Raw::unknown_name(start, start + f.len(), 0.8, "test")
            })
            .collect();
        let n = raw.len();
        first_names_alone(text, &[], &mut raw);
        raw[n..]
            .iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn the_first_name_of_a_person_named_in_full() {
        assert_eq!(
            alone(
                "Kasserer Helle Vad-Iversen svarede. Helle deltager i mødet.",
                &["Helle Vad-Iversen"]
            ),
            ["Helle"]
        );
        assert_eq!(
            alone("Valgt: Helle. Helle takkede.", &["Helle"]),
            Vec::<String>::new(),
            "a finding of one word names no one in full"
        );
        assert_eq!(
            alone(
                "Valgt: Thomas «Tom» Lauridsen. Tom takkede. Hilsen TOM",
                &["Thomas «Tom» Lauridsen"]
            ),
            ["Tom", "TOM"]
        );
        // Found as two names around the nickname: the nickname between them goes too.
        assert_eq!(
            alone(
                "Valgt: Thomas «Tom» Lauridsen. Tom takkede.",
                &["Thomas", "Lauridsen"]
            ),
            ["Tom", "Tom"]
        );
    }

    /// In parentheses after a name a party or a town is no nickname.
    #[test]
    fn a_party_or_a_town_in_parentheses_is_no_nickname() {
        assert!(alone(
            "Siv Berg (Frp) og Ola Vik (Kristiansund) talte. Frp vant i Kristiansund.",
            &["Siv Berg", "Ola Vik"]
        )
        .is_empty());
        assert_eq!(
            alone(
                "Sivakumar Rajan (Siva) spurgte. Siva takkede.",
                &["Sivakumar Rajan"]
            ),
            ["Siva", "Siva"]
        );
    }

    #[test]
    fn words_inside_other_names_and_words_stay() {
        // Another capitalised word after it: another person's name.
        assert!(alone("Helle Vad talte. Helle Thorsen svarede.", &["Helle Vad"]).is_empty());
        // Inside a word, an address or lower case.
        assert!(alone(
            "Helle Vad talte om hellefisk, helle@vad.dk og Hellebæk.",
            &["Helle Vad"]
        )
        .is_empty());
    }
    #[test]
    fn regression_a_first_name_joined_by_og_to_a_word_is_a_title() {
        // "Dag og Tid" is a newspaper, "Liv og Lære" a book: the first name of a person named in full,
        // joined by "og" to a capitalised word that is no name, is part of a title.
        assert!(alone(
            "Forfattaren Dag Brekkvoll skreiv i Dag og Tid. Seinare las Dag og Tid-lesarar det.",
            &["Dag Brekkvoll"]
        )
        .is_empty());
        assert!(alone("Liv Tangen skrev boka Liv och Lära.", &["Liv Tangen"]).is_empty());
        // Joined to another first name or to a person found, it is the person.
        assert_eq!(
            alone(
                "Forfattaren Dag Brekkvoll kom. Dag og Kari kom også, og Dag og Holmsen gjekk.",
                &["Dag Brekkvoll", "Holmsen"]
            ),
            ["Dag", "Dag"]
        );
    }
}
