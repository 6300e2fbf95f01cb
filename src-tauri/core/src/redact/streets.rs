//! Streets and buildings named after people ("Frederik Bajers Vej", "Olav Kyrres gate", "Rømersvej",
//! "Marie Krogs Skole"): the words that make a run of names a place. The lists are data in
//! `assets/words/` (street endings, street words, buildings).

use super::words::{street_endings, streets_and_buildings};

/// Whether the word right after `end` (past one space) is a street word ("Olav Kyrres gate 3").
pub fn street_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    street_word(&word.to_lowercase())
}

/// Street words, alone or as the end of a compound ("Bajers Vej", "Kongensgade" is one word and no name).
pub fn street_word(key: &str) -> bool {
    street_compound(key) || street_alone(key)
}

/// "rømersvej", "kongensgade", "storgatan": one word ending like a street; `key` is lower-case.
pub fn street_compound(key: &str) -> bool {
    street_endings()
        .iter()
        .any(|e| key.len() >= e.len() + 3 && key.ends_with(e))
}

/// A street word or a building standing alone ("vej", "gate", "plads", "skole"); `key` is lower-case.
fn street_alone(key: &str) -> bool {
    streets_and_buildings().contains(key)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streets_alone_compound_and_after_a_name() {
        assert!(street_word("vej") && street_word("skole") && street_word("rømersvej"));
        // A compound needs three letters before the ending: "Ovej" is no street.
        assert!(!street_compound("ovej") && !street_word("hansen"));
        assert!(street_after("Kyrres gate 3", 6) && !street_after("Kyrres sagde", 6));
    }
}
