//! The name right before a resident's unit or address ("Forslag fra Villum Sand, andel nr. 5").

use super::*;

/// Whether `text` also writes `word` in lower case, alone or with an ending of up to four letters
/// ("motionen" for "Motion").
pub(super) fn written_in_lower_case(text: &str, word: &str) -> bool {
    let lower = word.to_lowercase();
    if lower == word || lower.is_empty() {
        return false;
    }
    text.match_indices(&lower).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let ending: Vec<char> = text[at + lower.len()..]
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .take(5)
            .collect();
        !before.is_some_and(char::is_alphanumeric)
            && ending.len() <= 4
            && ending.iter().all(|c| c.is_lowercase())
    })
}

/// Whether the text also writes `word` with a noun's plural or definite ending, capitalised or not
/// ("Motioner", "motionen" beside "Motion"): a common noun, whatever its capital.
fn written_inflected(text: &str, word: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "er", "en", "et", "ar", "erna", "arna", "erne", "ene", "na", "ne",
    ];
    memchr::memmem::find_iter(text.as_bytes(), word.as_bytes()).any(|at| {
        let rest = &text[at + word.len()..];
        let ending = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric())
            .map_or(rest, |(i, _)| &rest[..i]);
        !text[..at].ends_with(char::is_alphanumeric) && ENDINGS.contains(&ending)
    })
}

/// Whether the one word at `start..end` is the noun of a numbered heading or list item: it opens the
/// line after the number ("c) Motion från nr 22", "§ 6 Vattenskada i nr 12") and the document also writes
/// it in lower case or with a noun's ending ("motionen", "Motioner"), or no list knows it as a first
/// name or a surname ("§ 6 Vattenskada"; in a list item, "a) Forslag fra nr. 20" after "4. Forslag").
/// "d) Zofia i nr. 10" is a name.
pub(super) fn item_noun(text: &str, start: usize, end: usize) -> bool {
    use super::super::text::{opens_numbered_line, starts_list_item};
    if !opens_numbered_line(text, start) {
        return false;
    }
    let Some(w) = text.get(start..end) else {
        return false;
    };
    if written_in_lower_case(text, w) || written_inflected(text, w) {
        return true;
    }
    // A list item may open with a surname ("c) Kowalczyk fra nr. 22"): there the word must open another
    // numbered line too ("4. Forslag"), as a heading's noun does and a person's name hardly.
    unnamed(&w.to_lowercase())
        && (!starts_list_item(text, start)
            || memchr::memmem::find_iter(text.as_bytes(), w.as_bytes()).any(|at| {
                at != start
                    && !text[at + w.len()..].starts_with(char::is_alphanumeric)
                    && opens_numbered_line(text, at)
            }))
}

/// Whether no list knows `folded` as a first name or a surname.
fn unnamed(folded: &str) -> bool {
    first_names().get(folded).is_none() && !is_surname(folded)
}

/// "Forslag fra Villum Sand, andel nr. 5", "Tor-Arne Isaksen i Elvebakken 3, H0101": the capitalised
/// words right before a resident's unit or address are that resident's name, even when no list knows
/// it. Adds those names to `raw` (byte offsets).
pub fn names_before_units(text: &str, protected: &[(usize, usize)], raw: &mut Vec<Raw>) {
    let anchors: Vec<usize> = raw
        .iter()
        .filter(|r| {
            r.decision == Decision::Redact
                && (r.kind == Kind::Address || r.recognizer == Recognizer::ShareNumber)
        })
        .map(|r| r.start)
        .collect();
    // The board's and the officials' names the register keeps: "Formand: <name>, st. tv." gives the
    // chair's own home, which goes, but the chair stays.
    let kept = policy::AnyOverlap::new(
        raw.iter()
            .filter(|r| r.kind == Kind::Person && r.decision == Decision::Keep)
            .map(|r| (r.start, r.end))
            .collect(),
    );
    for at in anchors {
        let Some(head) = text.get(..at) else { continue };
        // Past ", ", " (", " i ", " fra " to the last capitalised word.
        let mut end = head.trim_end_matches([' ', ',', '(']).len();
        if let Some((a, b)) = word_before(text, end, &[]) {
            let w = text.get(a..b).unwrap_or("");
            if b == end && is_one_of(w, &["i", "fra", "på", "från", "frå", "til", "till"]) {
                end = text.get(..a).map_or(0, |h| h.trim_end().len());
            }
        }
        let mut start = end;
        let mut words = 0;
        while words < 4 {
            let Some((a, b)) = word_before(text, start, &[]) else {
                break;
            };
            let gap = text.get(b..start).unwrap_or("x");
            let w = text.get(a..b).unwrap_or("");
            // A real word: two letters or more, not glued to digits ("0Æ").
            let glued = text
                .get(..a)
                .and_then(|h| h.chars().next_back())
                .is_some_and(|c| c.is_alphanumeric());
            let capital = w.chars().next().is_some_and(char::is_uppercase)
                && w.chars().nth(1).is_some()
                && !glued;
            let joins = gap.is_empty() || gap == " " || gap == "-";
            if !joins || !(capital || is_particle(w)) || cues().contains_fold(w) {
                break;
            }
            start = a;
            words += 1;
        }
        // The word next to the unit must be a capitalised name, and a particle does not start one.
        let last_capital = word_before(text, end, &[])
            .and_then(|(a, b)| text.get(a..b))
            .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        while let Some((a, b)) = text
            .get(start..end)
            .and_then(|t| t.split(' ').next())
            .map(|w| (start, start + w.len()))
        {
            if a < end && is_particle(text.get(a..b).unwrap_or("")) {
                start = (b + 1).min(end);
                words -= 1;
            } else {
                break;
            }
        }
        if words == 0 || start >= end || !last_capital {
            continue;
        }
        // A lone capitalised word that starts a sentence is usually no name ("Huset på Storvej 4"), but a
        // first name the lists know is ("Aksel i nr. 8 har tilbudt sin trailer", "Ebba på Storvej 6").
        let single_at_sentence_start = words == 1
            && starts_sentence(text, start)
            && !text.get(start..end).is_some_and(|w| {
                first_names()
                    .get(w.to_lowercase().as_str())
                    .is_some_and(|i| i.nordic > 0 && !i.thing)
            });
        // "c) Motion från nr 22": a list item opened by a noun the document also writes in lower case
        // ("avslog motionen") or with a noun's ending ("§ 18 Motioner") is no name ("d) Oliwia i nr. 10"
        // is).
        let list_item_word = words == 1 && item_noun(text, start, end);
        let single_at_sentence_start = single_at_sentence_start || list_item_word;
        if single_at_sentence_start
            || overlaps_any(protected, start, end)
            || kept.overlaps(start, end)
        {
            continue;
        }
        raw.push(
            Raw::unknown_name(
                start,
                end,
                0.7,
                "a name right before a resident's unit or address",
            )
            .about(
                text.get(start..end)
                    .map(|t| format!("g{}", t.to_lowercase())),
            ),
        );
    }
}

/// "…\n\n6. Anna\n": a heading of its own after a blank line, a number and one word, is an agenda item
/// (Nynorsk "Anna", the other business), even when the word is a first name; a list of people runs on
/// line by line. Drops such one-word person findings of the rules.
pub fn names_as_headings(text: &str, mut raw: Vec<Raw>) -> Vec<Raw> {
    raw.retain(|r| {
        !(r.kind == Kind::Person
            && r.recognizer == Recognizer::UnknownName
            && r.decision == Decision::Redact
            && text
                .get(r.start..r.end)
                .is_some_and(|w| w.chars().all(char::is_alphabetic))
            && lone_heading(text, r.start, r.end))
    });
    raw
}

/// Whether `start..end` is the one word of a numbered heading line that a blank line opens.
fn lone_heading(text: &str, start: usize, end: usize) -> bool {
    let rest = &text[end..];
    let line_ends = rest.trim_start_matches([' ', '\t', '\r']);
    if !(line_ends.is_empty() || line_ends.starts_with('\n')) {
        return false;
    }
    if !super::super::text::opens_numbered_line(text, start) {
        return false;
    }
    let head = &text[..start];
    let Some(line_start) = head.rfind('\n') else {
        return false;
    };
    text[..line_start]
        .trim_end_matches([' ', '\t', '\r'])
        .ends_with('\n')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `names_before_units` takes before the address or unit `anchor` of `text`.
    fn before(text: &str, anchor: &str) -> Vec<String> {
        let at = text.find(anchor).unwrap_or(0);
        let mut raw = vec![Raw::redact(
            at,
            at + anchor.len(),
            Kind::Address,
            Recognizer::Address,
            0.8,
            "test",
        )];
        names_before_units(text, &[], &mut raw);
        raw.iter()
            .filter(|r| r.kind == Kind::Person)
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn a_first_name_that_starts_a_sentence_before_a_home() {
        assert_eq!(
            before("Grill i juni. Ebba på Storvej 6 ordner.", "Storvej 6"),
            ["Ebba"]
        );
        assert_eq!(before("Trailer? Aksel i nr. 8 har en.", "nr. 8"), ["Aksel"]);
        // A lone word that is no first name, at a sentence start, is not taken.
        assert!(before("Slut. Huset på Storvej 6 er solgt.", "Storvej 6").is_empty());
        // Inside a sentence any capitalised name before the unit is.
        assert_eq!(
            before("Forslag fra Villum Sand, nr. 5", "nr. 5"),
            ["Villum Sand"]
        );
    }

    /// A list item opened by a noun the minutes also write in lower case ("c) Klage fra nr. 12", with
    /// "klagen" elsewhere) is no name before the unit; a name opening an item is. Invented lines.
    #[test]
    fn a_noun_that_opens_a_list_item_before_a_home() {
        let text =
            "§ 7 Klager\na) Klage fra nr. 12 om støj. Bestyrelsen tog klagen til efterretning.";
        assert!(before(text, "nr. 12").is_empty());
        let text = "Motioner\nb) Motion från lgh 1102 om cykelställ. Stämman biföll motionen.";
        assert!(before(text, "lgh 1102").is_empty());
        let text =
            "Saker\nc) Framlegg frå H0201 om benk. Framlegget vart vedteke, framlegga er fleire.";
        assert!(before(text, "H0201").is_empty());
        let text = "Eventuelt\nd) Zofia i nr. 10 melder om en utett dør.";
        assert_eq!(before(text, "nr. 10"), ["Zofia"]);
    }
}
