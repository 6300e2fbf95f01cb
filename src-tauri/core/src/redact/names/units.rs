//! The name right before a resident's unit or address ("Forslag fra Villum Sand, andel nr. 5").

use super::*;

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
        if single_at_sentence_start || overlaps_any(protected, start, end) {
            continue;
        }
        raw.push(Raw {
            start,
            end,
            kind: Kind::Person,
            recognizer: Recognizer::UnknownName,
            score: 0.7,
            reason: "a name right before a resident's unit or address",
            decision: Decision::Redact,
            subject: text
                .get(start..end)
                .map(|t| format!("g{}", t.to_lowercase())),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The names `names_before_units` takes before the address or unit `anchor` of `text`.
    fn before(text: &str, anchor: &str) -> Vec<String> {
        let at = text.find(anchor).unwrap_or(0);
        let mut raw = vec![Raw {
            start: at,
            end: at + anchor.len(),
            kind: Kind::Address,
            recognizer: Recognizer::Address,
            score: 0.8,
            reason: "test",
            decision: Decision::Redact,
            subject: None,
        }];
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
}
