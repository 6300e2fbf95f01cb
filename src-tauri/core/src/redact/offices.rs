//! People named by a public office they hold ("borgmester Anne Hansen", "byråd for miljø og samferdsel
//! Kari Holm", "kommunstyrelsens ordförande Eva Ek") act in public: a mayor visiting the association or a
//! councillor answering at its meeting stays in the published minutes. The unknown-name recognizer finds
//! them as people (news text names them so, and recall on news counts them); here the finding is kept.
//! Only names nobody registered: a resident stays a resident whatever office is written before them.
//! The offices are data (`assets/words/public-offices.txt`).

use std::sync::OnceLock;

use super::policy::Raw;
use super::{Decision, Kind, Recognizer};

const PUBLIC_OFFICES: &str = include_str!("../../../../assets/words/public-offices.txt");

/// The offices, each as its words in lower case.
fn offices() -> &'static [Vec<String>] {
    static LIST: OnceLock<Vec<Vec<String>>> = OnceLock::new();
    LIST.get_or_init(|| {
        PUBLIC_OFFICES
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .map(|l| l.split_whitespace().map(str::to_lowercase).collect())
            .collect()
    })
}

/// How many words before a name may name the office's field ("for miljø og samferdsel").
const FIELD_WORDS: usize = 5;

/// Keeps every unknown person named right after a public office (or after the office and its field
/// introduced by "for"/"för").
pub fn keep_office_holders(text: &str, raw: &mut [Raw]) {
    for r in raw.iter_mut().filter(|r| {
        r.kind == Kind::Person
            && r.recognizer == Recognizer::UnknownName
            && r.decision == Decision::Redact
    }) {
        if office_before(text, r.start) {
            r.decision = Decision::Keep;
            r.reason = "a public office holder named by the office";
        }
    }
}

/// Whether the words right before `start` end with a public office, directly or followed by its field
/// ("byråd for miljø og samferdsel"): lower-case words that start with "for"/"för".
fn office_before(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    // The words of the same line before the name, last first; punctuation ends the phrase.
    let line = head
        .rsplit(['\n', '.', ',', ';', ':', '(', '"'])
        .next()
        .unwrap_or("");
    if !line.ends_with(' ') {
        return false;
    }
    let words: Vec<&str> = line
        .split_whitespace()
        .rev()
        .take(FIELD_WORDS + 3)
        .collect();
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    // The office right before the name, or before "for …" whose words are all in lower case.
    let mut ends = vec![0];
    for (i, w) in words.iter().enumerate().take(FIELD_WORDS + 1) {
        if w.starts_with(char::is_uppercase) {
            break;
        }
        if matches!(lower[i].as_str(), "for" | "för") {
            ends.push(i + 1);
        }
    }
    ends.into_iter().any(|at| {
        offices().iter().any(|office| {
            let n = office.len();
            lower.len() >= at + n
                && office
                    .iter()
                    .rev()
                    .zip(&lower[at..at + n])
                    .enumerate()
                    .all(|(k, (o, w))| office_word(o, w, n == 1 && k == 0))
        })
    })
}

/// Whether a word of the text `w` is the office's word `o`: as written; or, for an entry that starts with
/// "-" ("-nämndens" in "-nämndens ordförande"), any word that ends so ("Trafiknämndens"); or, where
/// `compound` (an office of one word), the office as the end of a compound with three letters or more
/// before it ("miljøborgmester", "overborgmesteren", "kulturministern").
fn office_word(o: &str, w: &str, compound: bool) -> bool {
    if let Some(end) = o.strip_prefix('-') {
        return w.ends_with(end);
    }
    w == o
        || compound
            && w.len() > o.len()
            && w.ends_with(o)
            && w[..w.len() - o.len()]
                .chars()
                .filter(|c| c.is_alphabetic())
                .count()
                >= 3
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kept(text: &str, name: &str) -> bool {
        let start = text.find(name).unwrap();
        let mut raw = vec![Raw::unknown_name(start, start + name.len(), 0.6, "")];
        keep_office_holders(text, &mut raw);
        raw[0].decision == Decision::Keep
    }

    #[test]
    fn names_right_after_a_public_office_stay() {
        assert!(kept(
            "Borgmester Jonna Vestergård åbnede legepladsen.",
            "Jonna Vestergård"
        ));
        assert!(kept("Ordfører Pål Moen svarte.", "Pål Moen"));
        assert!(kept(
            "Byråd for kultur og idrett Sunniva Lie kom.",
            "Sunniva Lie"
        ));
        assert!(kept(
            "Senare talade kommunstyrelsens ordförande Eva Ek.",
            "Eva Ek"
        ));
        assert!(kept(
            "Riksdagsledamoten Olle Hagberg svarade.",
            "Olle Hagberg"
        ));
    }

    /// An office as the end of a compound ("Teknik- og miljøborgmester", "kulturministeren"), and the
    /// chair of a public body named by its genitive ("Byggnadsnämndens ordförande", "Socialudvalgets
    /// formand"); the association's own board ("styrelsens ordförande") is no public body.
    #[test]
    fn compound_offices_and_chairs_of_public_bodies_stay() {
        assert!(kept(
            "Teknik- og miljøborgmester Rune Lindberg kom forbi.",
            "Rune Lindberg"
        ));
        assert!(kept("Kulturministeren Ane Berg talte.", "Ane Berg"));
        assert!(kept(
            "Byggnadsnämndens ordförande Lena Falk svarade.",
            "Lena Falk"
        ));
        assert!(kept("Socialudvalgets formand Ib Kjær kom.", "Ib Kjær"));
        assert!(!kept("Styrelsens ordförande Ulf Berg öppnade.", "Ulf Berg"));
        assert!(!kept("Husmester Kim Dahl låste op.", "Kim Dahl"));
    }

    /// The association's own chair, a trade, an office further back in the sentence and a registered
    /// resident stay as they were.
    #[test]
    fn other_people_and_other_recognizers_go_on() {
        assert!(!kept("Ordförande Ulf Berg öppnade stämman.", "Ulf Berg"));
        assert!(!kept("Vicevært Kim Dahl fik tak.", "Kim Dahl"));
        assert!(!kept(
            "Borgmesteren takkede, og Kim Dahl svarede.",
            "Kim Dahl"
        ));
        assert!(!kept("Borgmester i Aarhus Kim Dahl talte.", "Kim Dahl"));
        let text = "Borgmester Lis Holm kom.";
        let mut raw = vec![Raw::redact(
            11,
            19,
            Kind::Person,
            Recognizer::Register,
            1.0,
            "",
        )];
        keep_office_holders(text, &mut raw);
        assert_eq!(raw[0].decision, Decision::Redact);
    }
}
