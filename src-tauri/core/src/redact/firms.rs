//! Firms named like a person: "Hallvard Juvet AS", "Ebbe Persson Bygg AB", "Hansen & Søn ApS", "Brødrene
//! Solberg Stillas". The unknown-name rules see a first name and a surname; the legal form after them
//! (with the trade and "& Søn" between), or "Brødrene"/"Bröderna" before them, makes the whole a firm,
//! which stays like any organisation; so does a shop named by its trade and its owner ("Baker Hansen",
//! "Kafé Sjøstrand"). Only names the register does not hold are let go: a resident who
//! runs a firm in his own name is still found by his name elsewhere.
//!
//! This runs after the names model, so the rules' verdicts it learned from are unchanged.

use super::policy::Raw;
use super::words::is_legal_form;
use super::{Kind, Recognizer};

/// Words that join the parts of a firm's name before its legal form ("Hansen & Søn", "Berg og Sønner").
const JOINERS: &[&str] = &["&", "og", "och", "+", "und"];

/// Words before a surname that make it a firm of brothers ("Brødrene Dahl", "Bröderna Lind", "Brdr. Holm").
const BROTHERS: &[&str] = &[
    "Brødrene",
    "Brødr.",
    "Brdr.",
    "Bröderna",
    "Brøderne",
    "Bræðurnir",
];

/// Trades whose shop is named by the trade and its owner's surname ("Baker Hansen", "Bager Mortensen",
/// "Frisør Lie"): capitalised inside a sentence, the trade is the shop's name, not a title (a person is
/// "bakeren Hansen", "bager Mortensen").
const SHOP_TRADES: &[&str] = &[
    "bager", "baker", "bakar", "bagare", "slagter", "slakter", "slaktare", "frisør", "frisör",
];

/// Places of trade named after their owner ("Kafé Sjøstrand", "Kiosk Berg", "Salong Lind"): no title of a
/// person, wherever they stand.
const SHOPS: &[&str] = &[
    "kafé",
    "kafe",
    "café",
    "cafe",
    "kaffebar",
    "kiosk",
    "kiosken",
    "salon",
    "salong",
    "konditori",
    "bageri",
    "bakeri",
    "slagteri",
    "slakteri",
];

/// Whether the name at `start..end` opens with a shop's trade or a place of trade, capitalised, and a name
/// after it ("kake fra Baker Hansen", "Kafé Sjøstrand flyttet ut"): the shop's name. A trade only inside
/// a sentence, where its capital is the name's.
fn shop_opening(text: &str, start: usize, end: usize) -> bool {
    let Some((first, rest)) = text.get(start..end).and_then(|n| n.split_once(' ')) else {
        return false;
    };
    if rest.is_empty() || !first.starts_with(char::is_uppercase) {
        return false;
    }
    let key = first.to_lowercase();
    if SHOPS.contains(&key.as_str()) {
        return true;
    }
    let inside = text[..start]
        .trim_end_matches(' ')
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphanumeric() || c == ',');
    inside && SHOP_TRADES.contains(&key.as_str())
}

/// The end of the firm whose name runs on from `end`: up to four capitalised words or joiners, then a
/// legal form, all on one line ("Juvet AS", "Persson Bygg AB"). `None` when no legal form closes them.
pub(super) fn legal_form_after(text: &str, end: usize) -> Option<usize> {
    let mut at = end;
    for _ in 0..5 {
        let rest = text.get(at..)?;
        let rest_trim = rest.strip_prefix(' ')?;
        let word_len = rest_trim
            .find(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | ':' | '(' | ')'))
            .unwrap_or(rest_trim.len());
        let word = rest_trim.get(..word_len)?;
        // A full stop ends the sentence unless the word is a legal form written with one ("A.S.").
        let bare = word.trim_end_matches('.');
        let word_end = at + 1 + bare.len();
        if is_legal_form(bare) {
            return Some(word_end);
        }
        if bare.len() != word.len() || bare.is_empty() {
            return None;
        }
        let capital = bare.chars().next().is_some_and(char::is_uppercase);
        if !capital && !JOINERS.contains(&bare) {
            return None;
        }
        at = word_end;
    }
    None
}

/// Whether "Brødrene" or the like stands right before `start`.
fn brothers_before(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let Some(head) = head.strip_suffix(' ') else {
        return false;
    };
    BROTHERS.iter().any(|b| {
        head.strip_suffix(b)
            .is_some_and(|h| !h.chars().next_back().is_some_and(super::text::is_word_char))
    })
}

/// Whether a firm's noun stands right before `start` or opens the name ("Tømrerfirmaet Kurt Jessen",
/// "firmaet Ole Holm", "byggfirman Sven Ek", "VVS-firmaet Kjær"): the name after it is the firm's, as a
/// trade's firm is named after its owner.
fn firm_noun_before(text: &str, start: usize, end: usize) -> bool {
    let firm = |w: &str| {
        let w = w.to_lowercase();
        ["firmaet", "firman", "firma"]
            .iter()
            .any(|f| w.ends_with(f))
    };
    let opening = text
        .get(start..end)
        .and_then(|n| n.split(' ').next())
        .is_some_and(|w| w.len() < end - start && firm(w));
    opening
        || text
            .get(..start)
            .and_then(|h| h.strip_suffix(' '))
            .and_then(|h| h.rsplit([' ', '\n', '(', '"']).next())
            .is_some_and(firm)
}

/// Whether the name from `start` to `end` holds "Brødrene" or the like with a word after it ("Brødrene
/// Dahl" taken whole, the capitalised word read as the first of a name; "Malerfirmaet Brødrene Dahl", a
/// trade before it in the same run of capitals).
fn brothers_opening(text: &str, start: usize, end: usize) -> bool {
    let name = text.get(start..end).unwrap_or("");
    let words: Vec<&str> = name.split(' ').collect();
    words
        .iter()
        .take(words.len().saturating_sub(1))
        .any(|w| BROTHERS.contains(w))
}

/// Whether the name at `start..end` is the employer of the person named right before it: it stands in
/// a run of capitalised words right after that person's name and "fra"/"från"/"frå" ("Prosjektleder Kari
/// Vik fra Rørfiks svarte", "byggeleder Ole Dal fra Rådgivende Ingeniører Bygnes"), and opens with no
/// first name the lists know ("Tak til Gitte fra Lise" stays two people). In the NorNE and Swedish
/// training files a person's name follows "<person> fra " almost never (0 of 58 capitalised words there).
fn employer_after_a_person(
    text: &str,
    start: usize,
    end: usize,
    persons: &[(usize, usize)],
) -> bool {
    let first = text[start..end]
        .split([' ', '-'])
        .next()
        .unwrap_or("")
        .to_lowercase();
    if super::lists::first_names().get(&first).is_some() {
        return false;
    }
    // Back over the capitalised words before the name, on its line.
    let mut run = start;
    while let Some(head) = text.get(..run).and_then(|h| h.strip_suffix(' ')) {
        let w = head
            .rsplit(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        if w.is_empty() || !w.starts_with(char::is_uppercase) {
            break;
        }
        let w_start = head.len() - w.len();
        if w_start == 0 || !text[..w_start].ends_with(' ') {
            break;
        }
        run = w_start;
    }
    let head = &text[..run];
    ["fra", "från", "frå"].iter().any(|p| {
        head.strip_suffix(' ')
            .and_then(|h| h.strip_suffix(p))
            .and_then(|h| h.strip_suffix(' '))
            .is_some_and(|h| persons.iter().any(|&(_, e)| e == h.len()))
    })
}

/// Drops the unknown-name findings that are part of a firm's name and returns the firms' spans, which
/// the caller protects so that no other occurrence of the name redacts them.
pub fn drop_names_in_firms(text: &str, raw: &mut Vec<Raw>) -> Vec<(usize, usize)> {
    let mut firms: Vec<(usize, usize)> = Vec::new();
    // Names in a row ("Hallvard" "Juvet"): the firm's end is looked for after the last of them.
    let mut persons: Vec<(usize, usize)> = raw
        .iter()
        .filter(|r| r.kind == Kind::Person && r.recognizer == Recognizer::UnknownName)
        .map(|r| (r.start, r.end))
        .collect();
    persons.sort_unstable();
    for &(start, end) in &persons {
        // "IVAR IKS": a legal form read as the surname closes a firm's name.
        let form_inside = text
            .get(start..end)
            .and_then(|n| n.rsplit_once(' '))
            .is_some_and(|(_, last)| is_legal_form(last));
        if let Some(firm_end) = legal_form_after(text, end) {
            firms.push((start, firm_end));
        } else if form_inside
            || brothers_before(text, start)
            || brothers_opening(text, start, end)
            || firm_noun_before(text, start, end)
            || shop_opening(text, start, end)
            || employer_after_a_person(text, start, end, &persons)
        {
            firms.push((start, end));
        }
    }
    if firms.is_empty() {
        return firms;
    }
    raw.retain(|r| {
        !(r.kind == Kind::Person
            && r.recognizer == Recognizer::UnknownName
            && firms.iter().any(|&(s, e)| r.start >= s && r.end <= e))
    });
    firms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn person(text: &str, word: &str) -> Raw {
        let start = text.find(word).unwrap_or(0);
        crate::redact::policy::unknown_person_at(start, start + word.len())
    }

    fn left(text: &str, names: &[&str]) -> Vec<String> {
        let mut raw: Vec<Raw> = names.iter().map(|n| person(text, n)).collect();
        drop_names_in_firms(text, &mut raw);
        raw.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// A person's name before a legal form, with a trade or "& Søn" between, or after "Brødrene", is a
    /// firm's (invented firms).
    #[test]
    fn names_inside_a_firms_name_are_the_firms() {
        for (text, name) in [
            (
                "Taget blev lagt af Arvid Knudsen ApS i maj.",
                "Arvid Knudsen",
            ),
            ("Entreprenør var Halvor Tveit AS, med stillas.", "Halvor"),
            ("Fönstren byttes av Ebbe Persson Bygg AB.", "Ebbe"),
            ("Malingen kom fra Jens Holm & Søn ApS.", "Jens Holm"),
            (
                "Stillaset ble satt opp av Brødrene Solheim Stillas.",
                "Solheim",
            ),
            ("Bröderna Lindqvist Måleri har fått uppdraget.", "Lindqvist"),
            // "Brødrene" taken as the first word of the name.
            (
                "Kontakt Brødrene Aasheim eller vaktmesteren.",
                "Brødrene Aasheim",
            ),
            ("Brdr. Kjeldsen lagde taget.", "Brdr. Kjeldsen"),
            // A firm's noun before the owner's name, or opening it.
            (
                "Tømrerfirmaet Aksel Vinding har givet et tilbud.",
                "Aksel Vinding",
            ),
            (
                "Byggfirman Sune Ekdahl kommer i maj.",
                "Byggfirman Sune Ekdahl",
            ),
            ("Vi har spurt firmaet Ove Krag om prisen.", "Ove Krag"),
            // A trade before "Brødrene" in the same run of capitals.
            (
                "Arbejdet udføres af Malerfirmaet Brødrene Tofte i uge 12.",
                "Malerfirmaet Brødrene Tofte",
            ),
        ] {
            assert!(left(text, &[name]).is_empty(), "{text:?}");
        }
    }

    /// The name right after a person's name and "fra"/"från" is the person's employer (invented firms);
    /// a first name there stays a person, and so does a name after "fra" with no person before it.
    #[test]
    fn the_employer_after_a_person_and_from() {
        let text = "Prosjektleder Kari Vik fra Rørfiks svarte. Byggeleder Ole Dal fra Rådgivende Ingeniører \
                    Bygnes kom. Tak til Gitte Holm fra Lise Dahl. Brev fra Sørbakk.";
        let left = left(
            text,
            &[
                "Kari Vik",
                "Rørfiks",
                "Ole Dal",
                "Ingeniører Bygnes",
                "Gitte Holm",
                "Lise Dahl",
                "Sørbakk",
            ],
        );
        assert_eq!(
            left,
            ["Kari Vik", "Ole Dal", "Gitte Holm", "Lise Dahl", "Sørbakk"],
            "{text:?}"
        );
    }

    /// A person named before a sentence about a firm, or a firm that follows after a comma or a full stop,
    /// leaves the person a person.
    #[test]
    fn a_person_beside_a_firm_stays_a_person() {
        for (text, name) in [
            (
                "Revisor Anne Lykke, Lykke Revision AS, var til stede.",
                "Anne Lykke",
            ),
            ("Det sa Halvor. AS Vinmonopolet stenger.", "Halvor"),
            ("Hans Berg fra Berg Bygg AS svarte.", "Hans Berg"),
            ("Jonas Lind kom i tid, sa Lind.", "Jonas Lind"),
            ("Vi takker brødrene Ole og Per.", "Ole"),
            // A trade's master is a person, not a firm.
            ("Tømrermester Aksel Vinding kom.", "Aksel Vinding"),
        ] {
            assert_eq!(left(text, &[name]), vec![name.to_string()], "{text:?}");
        }
    }
}
