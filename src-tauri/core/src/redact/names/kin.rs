//! The owner of what only a person has: a capitalised word in the genitive right before a noun of
//! family, the body or a life ("larmede i Mewas ører", "Olsens datter", "efter Justins død") is a
//! person's name, whether or not a list knows it (`assets/words/kin-nouns.txt`).

use super::*;

/// Genitives that are nobody's name here: possessive pronouns ("Hans mor" opening a sentence is "his
/// mother") and God's ("Guds søn").
const NOT_OWNERS: &[&str] = &[
    "hans", "hendes", "hennes", "hennar", "deres", "dess", "ens", "guds", "jesus", "kristus",
];

pub(super) const KIN_OWNER: &str =
    "a name in the genitive before a noun of kin, the body or a life";

/// "i Mewas ører", "Carl Olsens datter": each capitalised word no list knows as anything but a name,
/// ending in a genitive "-s" right before a noun of `kin_nouns` (one space between), becomes a person's
/// name; right after a person found (one space), it is that person's surname and joins the name ("Lars"
/// found, "Lars Olsens datter"). Not a place ("Danmarks venner"), an institution, a company, a party's
/// or a title's word, a function word or a possessive; opening a sentence, where a common noun is
/// capitalised too ("Pigens mor"), only a listed first name or surname. A word another rule found or
/// dropped is left to it.
pub(super) fn owners_of_kin(text: &str, out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    let mut key = String::new();
    let mut stem = String::new();
    for at in memchr::memmem::find_iter(bytes, b"s ") {
        // The noun after the space, a whole word in lower case, or after an adjective in the form a
        // genitive takes ("Olsens yngste datter", "Aikin's grå øjne" has none: "-e").
        let lower_word = |from: usize| {
            let to = text
                .get(from..)
                .and_then(|t| t.find(|c: char| !c.is_alphabetic()).map(|n| from + n))
                .unwrap_or(text.len());
            text.get(from..to)
                .filter(|w| w.starts_with(char::is_lowercase))
        };
        let Some(next) = lower_word(at + 2) else {
            continue;
        };
        let kin = kin_nouns().contains(next)
            || (next.chars().count() >= 3
                && next.ends_with('e')
                && !function_words().contains(next)
                && text
                    .get(at + 2 + next.len()..)
                    .is_some_and(|t| t.starts_with(' '))
                && lower_word(at + 3 + next.len()).is_some_and(|n| kin_nouns().contains(n)));
        if !kin {
            continue;
        }
        // The owner: a run of letters ending in the "s" (or before "'s"), with no letter, digit or
        // hyphen before it.
        let end = at + 1;
        let Some(head) = text.get(..end) else {
            continue;
        };
        let name_end = ["'s", "’s"]
            .iter()
            .find_map(|g| head.strip_suffix(g))
            .map_or(end, str::len);
        let start = text[..name_end]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| c.is_alphabetic())
            .last()
            .map_or(name_end, |(i, _)| i);
        let word = &text[start..end];
        let name = &text[start..name_end];
        if text[..start].ends_with(|c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’'))
            || name.chars().count() < 3
            || word.chars().count() < 4
            || !name.starts_with(char::is_uppercase)
            || !name.chars().skip(1).all(char::is_lowercase)
            || (name_end == end && word.ends_with("ss"))
        {
            continue;
        }
        fold_into(word, &mut key);
        fold_into(
            if name_end == end {
                &word[..word.len() - 1]
            } else {
                name
            },
            &mut stem,
        );
        let listed_name = first_names()
            .get(&stem)
            .is_some_and(|x| !x.word && !x.thing)
            || is_surname(&stem);
        let other = NOT_OWNERS.contains(&key.as_str())
            || [key.as_str(), stem.as_str()].into_iter().any(|k| {
                function_words().contains(k)
                    || is_place(k)
                    || is_institution(k)
                    || company_words().contains(k)
                    || title_starts().contains(k)
                    || cues().contains(k)
                    || first_names().get(k).is_some_and(|x| x.thing)
            });
        if other
            || (starts_sentence(text, start) && !listed_name)
            || out.iter().any(|r| r.start < end && start < r.end)
        {
            continue;
        }
        // "Lars Olsens datter": the surname of the person found right before.
        if let Some(r) = out.iter_mut().find(|r| {
            r.kind == Kind::Person
                && r.recognizer == Recognizer::UnknownName
                && r.decision == Decision::Redact
                && r.end + 1 == start
                && text.get(r.end..start) == Some(" ")
        }) {
            r.end = end;
            continue;
        }
        out.push(Raw::unknown_name(start, end, 0.8, KIN_OWNER).guessed(&stem));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        owners_of_kin(text, &mut out);
        out.iter().map(|r| &text[r.start..r.end]).collect()
    }

    #[test]
    fn an_unknown_name_in_the_genitive_before_kin_or_the_body_is_a_person() {
        assert_eq!(found("Stilheden larmede i Quorvas ører."), ["Quorvas"]);
        assert_eq!(found("Han mødte Zelkins datter i går."), ["Zelkins"]);
        assert_eq!(
            found("Efter Brandtmoes død solgte de huset."),
            ["Brandtmoes"]
        );
        assert_eq!(found("Hun så Vindrells ansikt i vinduet."), ["Vindrells"]);
        assert_eq!(found("Det var Ulmqvists föräldrar som kom."), ["Ulmqvists"]);
        // With "'s", and with an adjective in the form a genitive takes between.
        assert_eq!(found("Da lyste Quorva's øjne af glæde."), ["Quorva's"]);
        assert_eq!(found("Han kjente Zelkins yngste sønn."), ["Zelkins"]);
    }

    #[test]
    fn pronouns_places_and_common_nouns_own_nothing() {
        // A possessive, God, a country, a capitalised noun opening a sentence.
        assert!(found("Hans mor bor i byen.").is_empty());
        assert!(found("Det er Guds søn, sagde præsten.").is_empty());
        assert!(found("Foreningen Danmarks venner mødes.").is_empty());
        assert!(found("Pigens mor kom for sent.").is_empty());
        // Not before such a noun, not a genitive, a hyphenated or all-caps word.
        assert!(found("Han læste Quorvas bog.").is_empty());
        assert!(found("Han så Gross mor.").is_empty());
        assert!(found("Hun er Nord-Quorvas datter.").is_empty());
        assert!(found("Han mødte QUORVAS datter.").is_empty());
        // A noun that only starts like one ("morgen"); a verb, not an adjective, between.
        assert!(found("Vi ses Quorvas morgen.").is_empty());
        assert!(found("Da Quorvas farga håret, lo de.").is_empty());
        assert!(found("Han så Quorvas og mor.").is_empty());
    }

    #[test]
    fn a_listed_name_opening_a_sentence_is_an_owner() {
        assert_eq!(found("Cathrines mor ringede."), ["Cathrines"]);
    }

    #[test]
    fn a_genitive_surname_joins_the_person_found_before_it() {
        let text = "Vi talte med Lars Quorvas datter.";
        let mut out = vec![Raw::unknown_name(13, 17, 0.9, "test")];
        owners_of_kin(text, &mut out);
        assert_eq!(out.len(), 1);
        assert_eq!(&text[out[0].start..out[0].end], "Lars Quorvas");
    }
}
