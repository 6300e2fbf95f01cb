//! Redaction of minutes: find residents' personal data in a text, decide what leaves, replace it, and
//! re-scan the result.
//!
//! Everything here is a pure function over text. The caller loads what the register knows into a
//! [`Context`] (residents, officials with their periods, organisations, places); without one, only the
//! pattern recognizers and the unknown-name recognizer run. Offsets in a [`Finding`] count characters
//! (Unicode scalar values) of the input, not bytes, so the UI and the CLI's JSON agree on them.
//!
//! The pipeline: [`names`] and [`numbers`] produce raw findings in byte offsets, [`policy`] decides
//! keep or redact and removes overlaps, and the result is converted to character offsets once. [`apply`]
//! writes the replacement, [`verify`] re-scans an output before it is published; [`apply_review`] lays
//! the webmaster's stored decisions over a fresh detection.
//!
//! ```
//! use andel_core::association::Country;
//! use andel_core::redact::{apply, verify, Context, Detector, KnownPerson, Style};
//!
//! let mut register = Context::new(Country::DK);
//! register.residents.push(KnownPerson { name: "Esben Trier".into(), ..KnownPerson::default() });
//! let detector = Detector::new(Some(&register)); // compile once, run on many documents
//! let text = "Esben Trier skylder kr. 19.650; Triers cpr-nummer er 110584-3638.";
//! let findings = detector.detect(text);
//! let out = apply(text, &findings, Style::Label, Some(register.country))?;
//! assert_eq!(out, "[navn] skylder kr. 19.650; [navn] cpr-nummer er [cpr-nummer].");
//! assert!(verify(&out, Some(&register)).is_empty());
//! # Ok::<(), andel_core::redact::Error>(())
//! ```

mod apply;
pub mod checks;
mod confusable;
mod damaged;
mod firms;
mod flats;
mod house_floors;
mod houses;
#[doc(hidden)]
pub mod learned;
mod lists;
mod misread;
mod names;
mod numbers;
mod offices;
mod policy;
mod relations;
pub use relations::RELATION_FLAT;
mod repair;
mod review;
mod spaces;
mod streets;
mod tables;
#[cfg(test)]
mod testgen;
mod text;
mod verify;
mod words;

use std::collections::HashMap;
use std::sync::LazyLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::association::Country;
use crate::i18n::glossary::{self, Term};

pub use apply::{
    apply, apply_in, count_by_kind, replacements, replacements_in, KindCount, Replacement, Style,
};
pub use review::{apply_review, ReviewDecision};
pub use verify::{verify, verify_findings};

/// What went wrong while redacting.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
#[non_exhaustive]
pub enum Error {
    /// A finding points outside the text it is applied to, usually because the text changed after detection.
    #[error("A marked passage ({start}–{end}) lies outside the text ({len} characters). Run the detection again on the current text.")]
    SpanOutsideText {
        start: usize,
        end: usize,
        len: usize,
    },
    /// A replacement style name that Andel does not know.
    #[error("Unknown replacement style \"{0}\". Use block, label or pseudonym.")]
    UnknownStyle(String),
}

/// The kind of personal data a finding holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Kind {
    Person,
    Phone,
    Email,
    NationalId,
    Account,
    Address,
    Plate,
    /// Share or flat numbers tied to a person, dates of birth.
    Other,
}

impl Kind {
    /// The scorer's and the CLI's name for the kind.
    pub fn code(self) -> &'static str {
        match self {
            Kind::Person => "person",
            Kind::Phone => "phone",
            Kind::Email => "email",
            Kind::NationalId => "national_id",
            Kind::Account => "account",
            Kind::Address => "address",
            Kind::Plate => "plate",
            Kind::Other => "other",
        }
    }
}

/// Which recognizer produced a finding (shown in the review screen as the reason's source).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Recognizer {
    /// A resident's or an official's name from the register.
    Register,
    /// A name not in the register: first-name lists, capitalisation, context cues.
    UnknownName,
    NationalId,
    Phone,
    Email,
    Account,
    Address,
    Plate,
    /// Share and flat numbers tied to a person.
    ShareNumber,
    DateOfBirth,
    /// Marked by hand in the review.
    Review,
    /// A word OCR read with low confidence, for the webmaster to check on the page.
    Ocr,
}

/// What the policy (or, later, the webmaster) decided for a finding. (`RedactionDecision` in the
/// app's bindings, where `Decision` is the board's on a sublet.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(rename = "RedactionDecision"))]
pub enum Decision {
    Redact,
    /// Found, but stays: an official in a role on the document's date, or an organisation's contact.
    Keep,
}

/// One passage of personal data found in a text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Finding {
    /// Start, in characters of the text.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub start: usize,
    /// End (exclusive), in characters of the text.
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub end: usize,
    pub kind: Kind,
    /// The passage as it stands in the text.
    pub text: String,
    pub recognizer: Recognizer,
    /// Confidence from 0 to 1.
    pub score: f32,
    /// Why the recognizer flagged it, in a few words (no personal data beyond the passage itself).
    pub reason: String,
    pub decision: Decision,
    /// Who the passage refers to within this document (same value, same person), for pseudonyms.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
}

/// A resident as the register knows them; every mention must vanish.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnownPerson {
    /// The full name as registered, e.g. "Freja Bundgaard-Vest".
    pub name: String,
    /// Share or flat number, if any ("17", "H0101").
    pub unit: Option<String>,
    /// The flat's own number where the unit is the share's ("1001", Skatteverket's lägenhetsnummer
    /// beside share 3), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub flat: Option<String>,
    /// Street address with floor/side or flat code, if any.
    pub address: Option<String>,
    pub phones: Vec<String>,
    pub emails: Vec<String>,
}

/// The kinds of public role whose holders' names may stay in published minutes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleKind {
    Chair,
    BoardMember,
    Alternate,
    ChairOfMeeting,
    MinuteTaker,
    Auditor,
    NominationCommittee,
    Webmaster,
    Other,
}

impl RoleKind {
    /// Maps a role title as boards write it (Danish, Norwegian, Swedish or English) to a kind.
    /// The titles are the glossaries' (`assets/i18n/glossary/*.json`: each role's four forms and
    /// its further `titles`), so a role word lives in one place; a title no glossary knows is
    /// [`RoleKind::Other`]. The board's vice-chair, treasurer and secretary ("sekreterare" too:
    /// the meeting's is the "protokollförare") hold board seats, as the register's roles do in
    /// `minutes::context`.
    pub fn from_title(title: &str) -> RoleKind {
        static TITLES: LazyLock<HashMap<String, RoleKind>> = LazyLock::new(|| {
            glossary::role_titles()
                .filter_map(|(title, term)| Some((title, RoleKind::of_term(term)?)))
                .collect()
        });
        TITLES
            .get(&title.trim().to_lowercase())
            .copied()
            .unwrap_or(RoleKind::Other)
    }

    /// The kind of a glossary's role; `None` for a term that is no role.
    pub fn of_term(term: Term) -> Option<RoleKind> {
        Some(match term {
            Term::Chair => RoleKind::Chair,
            Term::ViceChair | Term::Treasurer | Term::Secretary | Term::BoardMember => {
                RoleKind::BoardMember
            }
            Term::Alternate => RoleKind::Alternate,
            Term::MeetingChair => RoleKind::ChairOfMeeting,
            Term::MinuteTaker => RoleKind::MinuteTaker,
            Term::Auditor => RoleKind::Auditor,
            Term::NominationCommittee => RoleKind::NominationCommittee,
            Term::Webmaster => RoleKind::Webmaster,
            _ => return None,
        })
    }
}

/// A person acting in a public role; their name stays when the role is valid on the document's date.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Official {
    pub name: String,
    pub role: RoleKind,
    pub valid_from: Option<NaiveDate>,
    pub valid_to: Option<NaiveDate>,
}

impl Official {
    /// Whether the role covers `date` (an unknown date or open ends count as covered).
    pub fn valid_on(&self, date: Option<NaiveDate>) -> bool {
        let Some(d) = date else { return true };
        self.valid_from.is_none_or(|f| f <= d) && self.valid_to.is_none_or(|t| d <= t)
    }
}

/// Everything the register knows that matters for redaction, loaded by the caller.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Context {
    pub country: Country,
    pub document_date: Option<NaiveDate>,
    pub residents: Vec<KnownPerson>,
    pub officials: Vec<Official>,
    /// Companies and authorities: their names stay.
    pub organisations: Vec<String>,
    /// The association's name and address, street and town names: they stay.
    pub places: Vec<String>,
}

impl Context {
    /// An empty context for `country`.
    pub fn new(country: Country) -> Context {
        Context {
            country,
            document_date: None,
            residents: Vec::new(),
            officials: Vec::new(),
            organisations: Vec::new(),
            places: Vec::new(),
        }
    }
}

/// Words of an association's name that say what it is ("Andelsboligforeningen", "burettslag",
/// "Brf", "A/B"): a name without them that is one capitalised word is, as often as not, its street.
fn association_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let w = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '/');
    ["a/b", "ab", "abf", "brf", "brl", "e/f", "hsb", "rf"].contains(&w)
        || [
            "forening",
            "foreningen",
            "förening",
            "föreningen",
            "borettslag",
            "borettslaget",
            "burettslag",
            "burettslaget",
            "sameie",
            "sameiet",
            "boligselskab",
            "boligselskap",
        ]
        .iter()
        .any(|e| w.ends_with(e))
}

/// The houses of an association whose register gives house numbers without addresses (units
/// "1"-"29", or addresses "2", "4", … that leave the street out), on the street its address names ("Kløverbakken 1–29, 6800 Førde") or its name is
/// ("Kløverbakken burettslag", "Brf Hagtornet i Lund"): "Kløverbakken 23" for unit 23. Nothing when
/// the units are no house numbers or no such street is known; a name with a number ("Brf Gjutaren
/// 12", a Swedish property's designation) names no street.
fn houses_by_the_associations_street(c: &Context) -> Vec<String> {
    // Each resident's house number: the address where the list gives one ("Adresse" 2, 4, …, the
    // street left out), else the unit.
    let units: Vec<&str> = c
        .residents
        .iter()
        .filter_map(|r| {
            r.address
                .as_deref()
                .map(str::trim)
                .filter(|a| !a.is_empty())
                .or_else(|| r.unit.as_deref().map(str::trim))
        })
        .collect();
    let house_number = |u: &&str| {
        let digits = u.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && u.len() - digits <= 1
            && u[digits..].chars().all(|c| c.is_ascii_alphabetic())
    };
    if units.is_empty() || !units.iter().all(house_number) {
        return Vec::new();
    }
    // The street of the association's address with its houses' range ("Kløverbakken 1–29"), else
    // of a name that holds one street ("Kløverbakken burettslag"). An address with one number is a
    // building ("Kastellgatan 14"): its units are flats, numbered inside it.
    let street_of = |place: &String, by_address: bool| {
        let mut words = Vec::new();
        let mut named = false;
        let mut numbered = false;
        let mut range = false;
        for w in place.split_whitespace() {
            if w.starts_with(|c: char| c.is_ascii_digit()) {
                numbered = true;
                range = w.trim_end_matches(',').contains(['-', '–', '—']);
                break;
            }
            if ["i", "på", "in"].contains(&w) {
                break;
            }
            if association_word(w) {
                named = true;
            } else {
                words.push(w.trim_end_matches(','));
            }
        }
        let [word] = words[..] else {
            return None;
        };
        // A name with a number is a Swedish property's designation ("Brf Gjutaren 12"), no street.
        let ok = if by_address {
            numbered && range && !named
        } else {
            named && !numbered
        } && word.chars().count() >= 4
            && word.starts_with(char::is_uppercase)
            && word.chars().all(char::is_alphabetic);
        ok.then(|| word.to_string())
    };
    let street = c
        .places
        .iter()
        .find_map(|p| street_of(p, true))
        .or_else(|| c.places.iter().find_map(|p| street_of(p, false)));
    let Some(street) = street else {
        return Vec::new();
    };
    let mut houses: Vec<String> = units.iter().map(|u| format!("{street} {u}")).collect();
    houses.sort();
    houses.dedup();
    houses
}

/// A resident's address without the postcode and town a list may give in the same cell
/// ("Lærkevænget 1, 5210 Odense NV", "Granlia 4, 0480 Oslo", "Ekvägen 3, 123 45 Malmö"): the street
/// and number the minutes write. A floor or a flat after the comma ("Storgade 7, 2. th.") stays.
fn without_postcode(address: &str) -> &str {
    let address = address.trim();
    let Some((street, rest)) = address.split_once(',') else {
        return without_spaced_postcode(address);
    };
    let rest = rest.trim_start();
    let rest = ["DK-", "N-", "NO-", "S-", "SE-"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .unwrap_or(rest);
    let code: String = rest
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == ' ')
        .collect();
    let digits: String = code.chars().filter(char::is_ascii_digit).collect();
    let town = rest[code.len()..].starts_with(char::is_alphabetic);
    // Four digits (DK, NO) or five (SE, "123 45"), then the town.
    if (digits.len() == 4 || digits.len() == 5) && code.trim().len() <= 6 && town {
        street.trim_end()
    } else {
        address
    }
}

/// An address without the flat's own code a list gives after a comma ("Videvägen 2, lgh 1001",
/// "Lyngvegen 4, H0101", "Rosenvej 3, lejl. 2"): the house, which is a row house when no other unit
/// lies at it. A floor or a side after the comma ("Storgade 7, 2. th.") stays.
fn without_flat_code(address: &str) -> &str {
    let Some((street, rest)) = address.split_once(',') else {
        return address;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let flat_word = |w: &str| {
        let w = w.trim_end_matches(['.', ':']).to_lowercase();
        [
            "lgh",
            "lägenhet",
            "lägenhetsnr",
            "leil",
            "leilighet",
            "lejl",
            "lejlighed",
            "bolig",
            "bustad",
            "nr",
        ]
        .contains(&w.as_str())
    };
    let code = |w: &str| {
        w.chars().count() <= 6
            && w.chars().any(|c| c.is_ascii_digit())
            && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    };
    // "H0101": a letter and four digits, the Norwegian flat code.
    let h_code = |w: &str| {
        w.len() == 5
            && w.starts_with(|c: char| c.is_ascii_alphabetic())
            && w[1..].bytes().all(|b| b.is_ascii_digit())
    };
    let taken = match words[..] {
        [w] => h_code(w),
        [a, b] => flat_word(a) && code(b),
        [a, "nr" | "nr." | "Nr" | "Nr.", c] => flat_word(a) && code(c),
        _ => false,
    };
    if taken {
        street.trim_end()
    } else {
        address
    }
}

/// An address without the postcode and town a list gives after the house number with no comma
/// between ("Furuhaugen 2 6800 Førde", "Ekvägen 3 B 123 45 Malmö", "Lærkevej 1 - 5210 Odense NV"): the
/// street and number. Anything else as it is.
fn without_spaced_postcode(address: &str) -> &str {
    let words: Vec<(usize, &str)> = address
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let number = |w: &str| {
        let digits = w.chars().take_while(char::is_ascii_digit).count();
        (1..=3).contains(&digits)
            && w.len() - digits <= 1
            && w[digits..].chars().all(|c| c.is_ascii_alphabetic())
    };
    let digits = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    for i in 1..words.len() {
        if !number(words[i].1) {
            continue;
        }
        // The number's letter after a space ("3 B").
        let mut end = i;
        if words
            .get(i + 1)
            .is_some_and(|(_, w)| w.len() == 1 && w.chars().all(|c| c.is_ascii_alphabetic()))
        {
            end = i + 1;
        }
        let mut next = end + 1;
        if words
            .get(next)
            .is_some_and(|(_, w)| ["-", "–", "·"].contains(w))
        {
            next += 1;
        }
        let Some(&(_, code)) = words.get(next) else {
            continue;
        };
        let code = ["DK-", "N-", "NO-", "S-", "SE-"]
            .iter()
            .find_map(|p| code.strip_prefix(p))
            .unwrap_or(code);
        // Four or five digits ("5210", "12345"), or Sweden's three and two ("123 45"); then the town.
        let mut town = next + 1;
        let postcode = match code.len() {
            4 | 5 => digits(code),
            3 => {
                town += 1;
                digits(code)
                    && words
                        .get(next + 1)
                        .is_some_and(|(_, w)| w.len() == 2 && digits(w))
            }
            _ => false,
        };
        let named = words
            .get(town)
            .is_some_and(|(_, w)| w.starts_with(char::is_alphabetic));
        if postcode && named {
            let (at, w) = words[end];
            return &address[..at + w.len()];
        }
    }
    address
}

/// An address without the one letter its house number may carry, glued or after a space ("Epleveien
/// 7B", "Epleveien 7 B" → "Epleveien 7"); any other address as it is.
fn lettered_house(address: &str) -> &str {
    let Some(t) = address.strip_suffix(|c: char| c.is_ascii_alphabetic()) else {
        return address;
    };
    let t = t.strip_suffix(' ').unwrap_or(t);
    if t.ends_with(|c: char| c.is_ascii_digit()) {
        t
    } else {
        address
    }
}

/// A house's address with the letter of its number joined to the number ("Epleveien 7 B" →
/// "Epleveien 7B"), as [`houses::Houses`] takes it.
fn joined_letter(address: &str) -> String {
    let bare = lettered_house(address);
    let letter = address[bare.len()..].trim_start();
    format!("{bare}{letter}")
}

/// Whether a share's number found ("nr. 2", "nr 4B", "nummer 5") is one of the houses' numbers of an
/// association of blocks of flats: a building there.
fn names_a_block(found: &str, block_numbers: &text::FastSet<String>) -> bool {
    let lower = found.to_lowercase();
    ["nr. ", "nr.", "nr ", "nummer "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .is_some_and(|n| block_numbers.contains(n.trim()))
}

/// Whether a floor, a side or a home is named right before a building's number and its preposition
/// ("kjellarhusværet i nr. 2", "markplanet i nr 7", "våning 2 i nr 4", "till vänster i nummer 4"): then
/// the building's number places that home, and goes with it.
fn home_before(head: &str) -> bool {
    const HOMES: &[&str] = &[
        "etasj",
        "etage",
        "etg",
        "våning",
        "plan",
        "sal",
        "husvær",
        "leilighet",
        "leilegheit",
        "lejlighed",
        "lägenhet",
        "bustad",
        "bolig",
        "hybel",
        // A side or the stairs climbed: "två trappor upp till vänster i nummer 4".
        "vänster",
        "höger",
        "venstre",
        "høyre",
        "højre",
        "trappor",
    ];
    let mut words = head
        .trim_end()
        .rsplit(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty());
    if !words
        .next()
        .is_some_and(|w| text::is_one_of(w, &["i", "på", "fra", "frå", "från"]))
    {
        return false;
    }
    // "Støy fra leilighet i nummer 10": a flat named by the bare word, without its article or a floor,
    // is any of the building's flats, and places no home.
    const ANY_FLAT: &[&str] = &[
        "leilighet",
        "leilegheit",
        "lejlighed",
        "lägenhet",
        "bolig",
        "bustad",
    ];
    // A floor's number right before the preposition ("våning 2 i nr 4"); a number further back is an
    // item's ("§ 7 Hissen i nr 14").
    words.take(2).enumerate().any(|(k, w)| {
        let w = w
            .trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase();
        k == 0 && w.bytes().all(|b| b.is_ascii_digit()) && !w.is_empty()
            || HOMES.iter().any(|h| w.contains(h)) && !ANY_FLAT.contains(&w.as_str())
    })
}

/// The compiled recognizers for one context; build once, run on many texts.
#[derive(Debug)]
pub struct Detector {
    names: names::NameRecognizer,
    /// Residents' names as OCR misreads them ("Mø1lgaard").
    confusable: confusable::ConfusableNames,
    /// The register's streets, officials' names and firms as OCR misreads them ("HurnIevej").
    spellings: misread::RegisterSpellings,
    protected: policy::Protected,
    country: Option<Country>,
    /// The kinds of the residents' phone numbers, e-mail addresses and full addresses as the register
    /// holds them (the values are searched in `register_search`).
    known_kinds: Vec<Kind>,
    /// The register's places and organisations, its names in lower case and its residents' values,
    /// in one pass over the text (in that order).
    register_search: text::OnePass,
    /// The association's own houses (row houses), for the short forms of their addresses.
    houses: houses::Houses,
    /// The same houses as the text may damage them (lost marks, OCR, letter-spacing, a line's end, a
    /// lost space), found as hits of `register_search`.
    damaged_houses: damaged::DamagedHouses,
    /// The register's homes by house number and floor ("37C, 2. sal" without the street).
    house_floors: house_floors::HouseFloors,
    /// The residents' phone numbers as [`phone_key`] reads them: a number the text groups otherwise than
    /// the register ("23 61 48 05", "+45 2361 4805" for "23614805") is still the resident's own.
    registered_phones: text::FastSet<String>,
    /// The residents' flat numbers of three or four digits ("1202", "302"), for a bare one after the
    /// word for a flat ([`numbers::registered_flat_numbers`]).
    registered_units: text::FastSet<String>,
    /// The register's units in codes of the association's own ("7-1B") and the residents of each.
    units: numbers::RegisteredUnits,
    /// Where every house of the register holds two units or more (blocks of flats), the houses'
    /// numbers ("2", "4b"): "i nr. 2" there is a building, a place, not a share.
    block_numbers: text::FastSet<String>,
    /// The learned second opinion on unknown names (`None`: the rules alone, as with a register).
    names_model: Option<learned::Model>,
    /// Whether a register was given: without one, a notice's heading may say its houses.
    registered: bool,
    /// The association's own address as ranges of houses ("Kløvervangen 1–28"), where the register
    /// holds none of its homes (only the board loaded): a text of row houses names its homes by them.
    range_without_homes: Vec<(String, u32, u32)>,
    /// The association's own mailboxes ("formand@" at its domain), which stay.
    own_mailboxes: policy::OwnMailboxes,
    /// The organisations' mail domains: an official's work address after her name stays.
    firm_domains: policy::FirmDomains,
    /// The phone numbers ([`phone_key`]) and e-mail addresses (lower case) the register gives only to
    /// board members and officials in a role on the document's date: their contact stays, as their
    /// names do ("Formand <name>, <mailbox>").
    officials_contacts: text::FastSet<String>,
}

impl Detector {
    /// Compiles the recognizers; `None` runs only the patterns and the unknown-name recognizer.
    pub fn new(context: Option<&Context>) -> Detector {
        let mut known_values = Vec::new();
        let mut houses = houses::Houses::default();
        let mut registered_houses: Vec<(String, usize)> = Vec::new();
        let mut house_floors = house_floors::HouseFloors::default();
        let mut registered_phones = text::FastSet::default();
        let mut registered_units = text::FastSet::default();
        let mut units = numbers::RegisteredUnits::default();
        let mut block_numbers = text::FastSet::default();
        let officials_contacts = context.map(officials_contacts).unwrap_or_default();
        if let Some(c) = context {
            // The flat's own code beside a share's number ("H10" for share 10 in a list of row
            // houses, "H0302" in a block) names the home as the unit's number does.
            let flat_codes = c.residents.iter().filter_map(|r| {
                let flat = r.flat.as_deref().filter(|f| numbers::is_unit_code(f))?;
                (r.unit.as_deref() != Some(flat)).then_some((flat, r.name.as_str()))
            });
            units = numbers::RegisteredUnits::new(
                c.residents
                    .iter()
                    .filter_map(|r| Some((r.unit.as_deref()?, r.name.as_str())))
                    .chain(flat_codes),
            );
            // Blocks of flats: every house (the address before its floor) holds two units or more.
            let mut per_house: HashMap<&str, Vec<&str>> = HashMap::new();
            for r in &c.residents {
                if let Some(a) = r.address.as_deref() {
                    let house = a.split(',').next().unwrap_or("").trim();
                    let unit = r.unit.as_deref().unwrap_or(r.name.as_str());
                    let v = per_house.entry(house).or_default();
                    if !v.contains(&unit) {
                        v.push(unit);
                    }
                }
            }
            if !per_house.is_empty() && per_house.values().all(|u| u.len() >= 2) {
                for house in per_house.keys() {
                    if let Some((_, n)) = house.rsplit_once(' ') {
                        if n.starts_with(|c: char| c.is_ascii_digit()) && n.len() <= 4 {
                            block_numbers.insert(n.to_lowercase());
                        }
                    }
                }
            }
            // "3-1001": the house's number and the flat's (the flat's own, else a unit of digits).
            for r in &c.residents {
                let flat = r.flat.as_deref().or(r.unit.as_deref().filter(|u| {
                    (3..=4).contains(&u.trim().len())
                        && u.trim().bytes().all(|b| b.is_ascii_digit())
                }));
                if let (Some(a), Some(f)) = (r.address.as_deref(), flat) {
                    units.add_house_and_flat(a, f);
                }
            }
            for u in c.residents.iter().filter_map(|r| r.unit.as_deref()) {
                let u = u.trim();
                if (3..=4).contains(&u.len()) && u.bytes().all(|b| b.is_ascii_digit()) {
                    registered_units.insert(u.to_string());
                }
            }
            // Row houses: a bare "Street 21" that the register holds for one unit only is that unit's
            // house, a home; where several units share it, it is a block of flats and stays a place.
            let gather = |key: fn(&str) -> &str| {
                let mut units_at: HashMap<&str, Vec<&str>> = HashMap::new();
                for r in &c.residents {
                    if let Some(a) = r.address.as_deref().map(without_postcode).map(key) {
                        let unit = r.unit.as_deref().unwrap_or(r.name.as_str());
                        let v = units_at.entry(a).or_default();
                        if !v.contains(&unit) {
                            v.push(unit);
                        }
                    }
                }
                units_at
            };
            let mut units_at = gather(|a| a);
            // Row houses whose addresses carry their flat's code ("Videvägen 4, lgh 1001"): read
            // without it in a register where three addresses or more do (a house is then one that
            // holds one unit alone, a block's flats share theirs); a register's lone flat of a block
            // ("Storgatan 4, lgh 1101") stays a flat.
            let coded = units_at
                .keys()
                .filter(|a| without_flat_code(a) != **a)
                .count();
            if coded >= 3 {
                units_at = gather(without_flat_code);
            }
            // "Epleveien 7B", "Epleveien 7 B": a house number may carry one letter (row houses in
            // pairs).
            let number_end = |a: &str| lettered_house(a).ends_with(|c: char| c.is_ascii_digit());
            let is_house = |a: &str, units: &[&str]| {
                !a.contains(',')
                    && number_end(a)
                    && a.chars().next().is_some_and(char::is_alphabetic)
                    && units.len() == 1
            };
            // A list of house numbers without addresses ("Husnr" 1-29) in an association named
            // after its street ("Kløverbakken burettslag") or with its street's range as its address
            // ("Kløverbakken 1–29"): each unit is a house on that street.
            // Or with the house numbers alone in the address column (a list that leaves the
            // street out): the function asks that every number be a house number.
            let named: Vec<String> = houses_by_the_associations_street(c);
            for a in &named {
                units_at.insert(a.as_str(), vec![a.as_str()]);
            }
            // The houses by number, a spaced letter joined to it ("Epleveien 7 B" as "7b"): the scan
            // reads "7B" and "7 B" alike.
            let joined: Vec<String> = units_at
                .iter()
                .filter(|(a, units)| is_house(a, units))
                .map(|(a, _)| joined_letter(a))
                .collect();
            houses = houses::Houses::new(joined.iter().map(String::as_str));
            house_floors = house_floors::HouseFloors::with_doors(
                c.residents.iter().filter_map(|r| r.address.as_deref()),
                c.residents.iter().filter_map(|r| r.flat.as_deref()),
            );
            for (a, units) in &units_at {
                if is_house(a, units) {
                    registered_houses.push((a.to_string(), known_values.len()));
                    known_values.push((Kind::Address, a.to_string()));
                    // "FORSLAG FRA STORVEJ 23": headings in capitals.
                    let upper = a.to_uppercase();
                    if upper != *a {
                        known_values.push((Kind::Address, upper));
                    }
                    // "Larkangsvagen 6" for "Lärkängsvägen 6": typed without the Nordic letters.
                    let plain = without_marks(a);
                    if plain != *a {
                        known_values.push((Kind::Address, plain));
                    }
                }
            }
            for r in &c.residents {
                for p in &r.phones {
                    if phone_key(p).is_some_and(|k| officials_contacts.contains(&k)) {
                        continue;
                    }
                    if p.chars().filter(char::is_ascii_digit).count() >= 6 {
                        known_values.push((Kind::Phone, p.trim().to_string()));
                    }
                    registered_phones.extend(phone_key(p));
                }
                for e in &r.emails {
                    if e.contains('@') && !officials_contacts.contains(&e.trim().to_lowercase()) {
                        known_values.push((Kind::Email, e.trim().to_string()));
                    }
                }
                // A full address with floor or flat ("Rønnebærvej 2, st. th."); a bare street and number
                // is a place and stays.
                if let Some(a) = r.address.as_deref().map(str::trim) {
                    if a.contains(',') && a.chars().any(|c| c.is_ascii_digit()) {
                        known_values.push((Kind::Address, a.to_string()));
                        let plain = without_marks(a);
                        if plain != a {
                            known_values.push((Kind::Address, plain));
                        }
                    }
                }
            }
        }
        let (known_kinds, known_values): (Vec<Kind>, Vec<String>) =
            known_values.into_iter().unzip();
        let names = names::NameRecognizer::new(context);
        let protected = policy::Protected::new(context);
        let register_search =
            text::OnePass::new(&[protected.patterns(), names.lower_patterns(), &known_values]);
        Detector {
            names,
            confusable: confusable::ConfusableNames::new(context),
            spellings: misread::RegisterSpellings::new(context),
            protected,
            country: context.map(|c| c.country),
            known_kinds,
            register_search,
            houses,
            damaged_houses: damaged::DamagedHouses::new(
                registered_houses.iter().map(|(a, p)| (a.as_str(), *p)),
            ),
            house_floors,
            registered_phones,
            registered_units,
            units,
            block_numbers,
            own_mailboxes: policy::OwnMailboxes::new(context),
            firm_domains: policy::FirmDomains::new(context),
            officials_contacts,
            // Only without a register: on minutes with one it cost a name the rules had found (see
            // `learned`), and the weights are not even parsed then.
            names_model: context.is_none().then(learned::shipped).flatten().cloned(),
            registered: context.is_some(),
            range_without_homes: context.map(range_without_homes).unwrap_or_default(),
        }
    }

    /// The detector with another names model (or none): for training and its cross-validation.
    #[doc(hidden)]
    pub fn with_names_model(mut self, model: Option<learned::Model>) -> Detector {
        self.names_model = model;
        self
    }

    /// Finds personal data in `text` and applies the default policy to each finding.
    ///
    /// Findings do not overlap and are sorted by position.
    pub fn detect(&self, text: &str) -> Vec<Finding> {
        // A process's first detection compiles the patterns of the passes apart: that is worth the
        // second thread on any text.
        let apart_from = if APART_COMPILED.load(std::sync::atomic::Ordering::Relaxed) {
            APART_FROM
        } else {
            0
        };
        self.detect_apart_from(text, apart_from)
    }

    /// [`Detector::detect`], with [`Apart`] on a second thread from `apart_from` bytes of text on.
    fn detect_apart_from(&self, text: &str, apart_from: usize) -> Vec<Finding> {
        // Damaged text (mojibake, letter-spacing) is read repaired, and the register's own words that OCR
        // misread are read as the register writes them; the findings point at the damage.
        let view = repair::repair(text);
        let base = view.as_ref().map_or(text, |v| v.text.as_str());
        // The capitalised words the restoring walked, when it left the text as it was: the scan of
        // misread names reads the same words.
        let mut words = None;
        let view = match self.spellings.restore_keeping_words(base, &mut words) {
            None => view.map(|v| (v, Vec::new())),
            Some((restored, residents)) => Some((
                repair::View {
                    text: restored.text,
                    map: match view {
                        Some(v) => v.map.then(restored.map),
                        None => restored.map,
                    },
                },
                residents,
            )),
        };
        if let Some((view, residents)) = view {
            let raw = self
                .detect_raw(&view.text, &residents, apart_from, words.as_deref())
                .into_iter()
                .map(|mut r| {
                    r.start = view.map.start(r.start);
                    r.end = view.map.end(r.end);
                    r
                })
                .collect();
            return policy::to_findings(text, policy::resolve(raw));
        }
        let raw = self.detect_raw(text, &[], apart_from, words.as_deref());
        policy::to_findings(text, raw)
    }

    /// The names the rules find (register, OCR-misread, unknown), before the names model: the raw
    /// findings, the protected spans, the organisations and the register's values found.
    fn rule_names(&self, text: &str) -> RuleNames {
        let early = self.protected_spans(text, None);
        self.names_after(text, early, || self.names.lines(text))
    }

    /// The register's one search, the protected spans (places, organisations, the officials' names as
    /// OCR misreads them) and the residents' names OCR misread: what the other name recognizers, and
    /// the passes [`Apart`] runs, read. `words`: the text's capitalised words, when a pass before
    /// walked them ([`confusable::capitalised_words`]).
    fn protected_spans(&self, text: &str, words: Option<&[(usize, usize)]>) -> Early {
        let mut raw = Vec::new();
        let mut hits = self.register_search.find(text).into_iter();
        let (places, lower_names, mut known) = (
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
            hits.next().unwrap_or_default(),
        );
        self.damaged_houses.hits(text, &mut known);
        let (mut protected, organisations) = self.protected.spans_and_organisations(text, &places);
        // Residents' names as OCR misreads them; officials' names misread join the protected spans
        // before the other name recognizers run, so the board stays in its own scanned minutes.
        let mut officials = Vec::new();
        self.confusable
            .scan_words(text, words, &protected, &mut raw, &mut officials);
        if !officials.is_empty() {
            protected.extend(officials);
            protected.sort_unstable();
        }
        Early {
            raw,
            protected,
            organisations,
            known,
            lower_names,
        }
    }

    /// The names the other rules find after [`Detector::protected_spans`], with the lines' names from
    /// `lines` ([`names::NameRecognizer::lines`]).
    fn names_after(
        &self,
        text: &str,
        early: Early,
        lines: impl FnOnce() -> names::Lines,
    ) -> RuleNames {
        let Early {
            mut raw,
            protected,
            organisations,
            known,
            lower_names,
        } = early;
        self.names
            .scan_with_lines(text, &protected, &lower_names, lines, &mut raw);
        names::first_names_alone(text, &protected, &mut raw);
        RuleNames {
            raw,
            protected,
            organisations,
            known,
        }
    }

    /// The names model's candidates in `text` as detection scores them, with the number of raw
    /// findings they index: what `examples/train-names.rs` trains on (the text as given, unrepaired).
    #[doc(hidden)]
    pub fn names_model_candidates(&self, text: &str) -> (learned::Candidates, usize) {
        let r = self.rule_names(text);
        (learned::candidates(text, &r.protected, &r.raw), r.raw.len())
    }

    /// The findings of `text` before they are resolved into [`Finding`]s. From [`APART_FROM`] bytes on,
    /// the passes that read only the text and the protected spans ([`Apart`]) run on a second thread
    /// while this one finds the names and the numbers; their finds are placed among the findings in the
    /// order and against the findings one thread would have met, so the result is the same either way.
    /// `misread_residents`: residents' name parts that [`misread::RegisterSpellings`] wrote right in
    /// `text`, flagged as the scan of misread names would have flagged them. `words`: the capitalised
    /// words of `text` when the restoring of misread spellings walked them.
    fn detect_raw(
        &self,
        text: &str,
        misread_residents: &[(usize, usize)],
        apart_from: usize,
        words: Option<&[(usize, usize)]>,
    ) -> Vec<policy::Raw> {
        let early = self.protected_spans(text, words);
        let (named, apart) = if text.len() < apart_from {
            let apart = Apart::find(self, text, &early.protected);
            (
                self.names_and_numbers(text, early, misread_residents, || self.names.lines(text)),
                apart,
            )
        } else {
            let protected = early.protected.clone();
            std::thread::scope(|scope| {
                // The lines' names first: the names' scan waits for them half-way.
                let (send, lines) = std::sync::mpsc::sync_channel(1);
                let apart = scope.spawn(move || {
                    // Unanswered only where this thread panicked: the join below passes that on.
                    let _ = send.send(self.names.lines(text));
                    Apart::find(self, text, &protected)
                });
                let named = self.names_and_numbers(text, early, misread_residents, || {
                    lines.recv().unwrap_or_else(|_| self.names.lines(text))
                });
                let apart = apart
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
                (named, apart)
            })
        };
        let Named {
            mut raw,
            protected,
            organisations,
            known,
            firms,
            persons,
        } = named;
        apart.floors.place(&mut raw);
        numbers::place_unless_overlapping(apart.floors_with_a_side_apart, &mut raw);
        raw.extend(apart.swedish_floors_in_spoken_houses);
        raw.extend(apart.homes_on_a_floor);
        // "tjejen på 3:e våningen": a neighbour by a noun places a home on a floor as a name does.
        let dwellers = apart.dwellers;
        if dwellers.is_empty() {
            numbers::floors_after_persons(text, &persons, &mut raw);
        } else {
            let mut anchors = persons.clone();
            anchors.extend(dwellers);
            anchors.sort_unstable();
            numbers::floors_after_persons(text, &anchors, &mut raw);
        }
        numbers::bare_floors_after_persons(text, &persons, &mut raw);
        numbers::floors_before_dwellers(text, &persons, &mut raw);
        raw.extend(apart.flats);
        apart.relations.place(&mut raw);
        raw.extend(apart.tables);
        spaces::scan(text, &persons, &protected, &mut raw);
        if let Some(houses) = apart.houses {
            self.houses.place(houses, text, &protected, &mut raw);
        }
        if !self.registered {
            if let Some(houses) = houses::Houses::of_a_row_house_heading(text) {
                houses.scan(text, &protected, &mut raw);
            }
        } else if !self.range_without_homes.is_empty() {
            if let Some(houses) =
                houses::Houses::of_ranges_of_row_houses(&self.range_without_homes, text, true)
            {
                houses.scan(text, &protected, &mut raw);
            }
        }
        raw.extend(apart.house_floors);
        numbers::registered_flat_numbers(text, &self.registered_units, &protected, &mut raw);
        self.units.codes(text, &protected, &mut raw);
        self.units
            .after_their_residents(text, &persons, &protected, &mut raw);
        names::names_before_units(text, &protected, &mut raw);
        numbers::flat_codes_in_their_house(text, &mut raw);
        raw.extend(apart.emails);
        for m in known {
            let kind = self
                .known_kinds
                .get(m.pattern)
                .copied()
                .unwrap_or(Kind::Phone);
            // "Storvej 2" is not the start of "Storvej 21" nor of the range "Storvej 2–14".
            let house = text.get(m.start..m.end).is_some_and(|a| !a.contains(','));
            // "Storvej 21s have", "Storgatan 5:s garage": the house in the genitive goes with it.
            let genitive = if kind == Kind::Address {
                genitive_after_number(text, m.end)
            } else {
                0
            };
            if kind == Kind::Address
                && ((genitive == 0 && !address_ends(text, m.end))
                    || common_room_before(text, m.start, house))
            {
                continue;
            }
            raw.push(policy::Raw::redact(
                m.start,
                m.end + genitive,
                kind,
                match kind {
                    Kind::Phone => Recognizer::Phone,
                    Kind::Address => Recognizer::Address,
                    _ => Recognizer::Email,
                },
                1.0,
                "a resident's contact in the register",
            ));
        }
        // A number the phone recognizer found is the resident's own when the register holds it, however
        // the text groups its digits: never an organisation's public contact then.
        if !self.registered_phones.is_empty() {
            for r in raw
                .iter_mut()
                .filter(|r| r.kind == Kind::Phone && r.score < 1.0)
            {
                let key = text.get(r.start..r.end).and_then(phone_key);
                if key.is_some_and(|k| self.registered_phones.contains(&k)) {
                    r.score = 1.0;
                    r.reason = "a resident's contact in the register";
                }
            }
        }
        policy::organisation_contacts(text, &organisations, &mut raw);
        self.own_mailboxes.keep(text, &mut raw);
        self.keep_officials_contacts(text, &mut raw);
        self.firm_domains.keep_work_mail(text, &mut raw);
        offices::keep_office_holders(text, &mut raw);
        policy::keep_genitives_of_kept_names(text, &mut raw);
        policy::keep_names_of_places(text, &mut raw);
        let raw = policy::resolve(raw);
        // The firms' names are not repeated as a person's elsewhere in the text.
        let protected = if firms.is_empty() {
            protected
        } else {
            let mut p = protected;
            p.extend(firms);
            p.sort_unstable();
            p
        };
        let raw = policy::every_occurrence(text, &protected, raw);
        let raw = policy::particle_before_surname(text, raw);
        let raw = names::name_joints(text, &protected, raw);
        let raw = names::names_again(text, &protected, raw);
        let raw = names::initials_of_people_named(text, &protected, raw);
        let raw = names::initials_standing_alone(text, &protected, raw);
        // Without a register, a couple named with one surname as one name, first names typed in lower
        // case where the sentence shows a person, and the title of address before a name found; with
        // one, the register's own names are looked for in lower case, with their titles.
        if self.country.is_none() {
            let raw = names::couples(text, &protected, raw);
            let raw = names::lower_case_first_names(text, &protected, raw);
            let raw = policy::titles_before_names(text, raw);
            let raw = names::names_as_headings(text, raw);
            policy::streets_named_after_people(text, raw)
        } else {
            names::lower_case_names_unregistered(text, &protected, raw, &|w| {
                self.names.registered_word(w)
            })
        }
    }

    /// From the names the rules find to the birthdays: what needs the names found (the names model,
    /// the misread names, the firms, the nicknames, the numbers and birthdays near persons).
    fn names_and_numbers(
        &self,
        text: &str,
        early: Early,
        misread_residents: &[(usize, usize)],
        lines: impl FnOnce() -> names::Lines,
    ) -> Named {
        let RuleNames {
            mut raw,
            protected,
            organisations,
            known,
        } = self.names_after(text, early, lines);
        for &(s, e) in misread_residents {
            if !policy::overlaps_any(&protected, s, e) {
                raw.push(policy::Raw::redact(
                    s,
                    e,
                    Kind::Person,
                    Recognizer::Register,
                    0.7,
                    confusable::MISREAD_RESIDENT,
                ));
            }
        }
        // The learned second opinion on the unknown-name rules (text without a register only).
        if let Some(model) = &self.names_model {
            learned::rescore(model, text, &protected, &mut raw);
        }
        // In a text OCR has damaged (a resident's name came out misread), the people the document names in
        // full are misread too: "Oda Kvernmo … plass 12 går til Kvemmo".
        if raw.iter().any(|r| r.reason == confusable::MISREAD_RESIDENT) {
            let found = confusable::ConfusableNames::found(
                raw.iter()
                    .filter(|r| {
                        r.kind == Kind::Person
                            && r.recognizer == Recognizer::UnknownName
                            && r.decision == Decision::Redact
                    })
                    .filter_map(|r| text.get(r.start..r.end))
                    .filter(|n| n.contains(' ')),
            );
            found.scan(text, &protected, &mut raw, &mut Vec::new());
            // And the residents' names in small letters, misread too ("mikael haa1and" in a signature).
            self.confusable
                .lower_case_misread(text, &protected, &mut raw);
        }
        // "Hallvard Juvet AS": a name the rules found is a firm's when a legal form closes it.
        let firms = firms::drop_names_in_firms(text, &mut raw);
        let persons = policy::redacted_persons(&raw);
        // "Gorm Lund – af de fleste kaldt "Gulle"": what the text says a person is called.
        names::nicknames(text, &persons, &protected, &mut raw);
        numbers::scan(text, self.country, &persons, &mut raw);
        // "balkongane i nr. 2 og nr. 4" where the houses are blocks of flats: buildings, places.
        if !self.block_numbers.is_empty() {
            raw.retain(|r| {
                r.recognizer != Recognizer::ShareNumber
                    || !names_a_block(&text[r.start..r.end], &self.block_numbers)
                    || home_before(&text[..r.start])
            });
        }
        numbers::birthdays(text, &persons, &mut raw);
        Named {
            raw,
            protected,
            organisations,
            known,
            firms,
            persons,
        }
    }
}

/// A phone number as one key whatever its grouping and prefix: the national number's digits without a
/// trunk zero. "23 61 48 05", "+45 23 61 48 05" and "0045 23614805" are "23614805"; "070-512 44 18",
/// "+46 (0)70 512 44 18" and "+46 70 512 44 18" are "705124418". A country code other than the Nordic
/// ones stays in the key ("+49…" is "+49…"), so a foreign number never meets a national one. `None`
/// for fewer than six digits.
impl Detector {
    /// A board member's or official's own phone or mailbox from the register stays where the clause
    /// before it names them after a label or their role, and no other person after them ("Formand
    /// <name>, <mailbox>", "Kontakt: <name>, tlf. <number>"): they give it as their role's contact.
    /// Without their name so introduced (an e-mail header's "From: <mailbox>", a resident's "I rang
    /// <name> (<number>)") it goes as any resident's does.
    fn keep_officials_contacts(&self, text: &str, raw: &mut [policy::Raw]) {
        if self.officials_contacts.is_empty() {
            return;
        }
        let people = |decision: Decision| {
            let mut v: Vec<(usize, usize)> = raw
                .iter()
                .filter(|r| r.kind == Kind::Person && r.decision == decision)
                .map(|r| (r.start, r.end))
                .collect();
            v.sort_unstable();
            v
        };
        let (kept, others) = (people(Decision::Keep), people(Decision::Redact));
        for r in raw.iter_mut().filter(|r| {
            matches!(r.kind, Kind::Phone | Kind::Email) && r.decision == Decision::Redact
        }) {
            let found = text.get(r.start..r.end).unwrap_or("");
            let key = match r.kind {
                Kind::Phone => phone_key(found),
                _ => Some(found.trim().to_lowercase()),
            };
            if !key.is_some_and(|k| self.officials_contacts.contains(&k)) {
                continue;
            }
            let from = policy::clause_start(text, r.start);
            let Some(&(named, named_end)) =
                kept.iter().rev().find(|&&(s, e)| s >= from && e <= r.start)
            else {
                continue;
            };
            // Introduced as the board gives its contacts: after a label ("Kontakt:", "Henvendelser om
            // vedligeholdelse:") or a role or title ("Formand <name>").
            let head = text.get(from..named).unwrap_or("").trim_end();
            let introduced = head.ends_with(':')
                || head
                    .rsplit(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| words::cues().contains_fold(w));
            if introduced && !others.iter().any(|&(s, e)| s >= named_end && e <= r.start) {
                r.decision = Decision::Keep;
                r.reason = "a board member's or official's own contact after their name";
            }
        }
    }
}

/// `text` as typed without the Nordic and accented letters, the way minutes written on a foreign
/// keyboard or scanned with their marks lost give an address ("Larkangsvagen 6", "Fogedgard 3"): the
/// marked vowels as their bare letter, "æ" as "ae".
fn without_marks(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            'ä' | 'å' | 'à' | 'á' | 'â' => out.push('a'),
            'Ä' | 'Å' | 'À' | 'Á' | 'Â' => out.push('A'),
            'ö' | 'ø' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'Ö' | 'Ø' | 'Ó' | 'Ò' | 'Ô' => out.push('O'),
            'é' | 'è' | 'ê' => out.push('e'),
            'É' | 'È' | 'Ê' => out.push('E'),
            'ü' => out.push('u'),
            'Ü' => out.push('U'),
            'æ' => out.push_str("ae"),
            'Æ' => out.push_str("Ae"),
            _ => out.push(c),
        }
    }
    out
}

/// The phone numbers ([`phone_key`]) and e-mail addresses (lower case) that the register holds for
/// residents who are all, by name, officials in a role on the document's date (a couple's unit only
/// when both hold one), and for no other resident: a household's number shared with a resident who
/// holds no role still goes.
fn officials_contacts(c: &Context) -> text::FastSet<String> {
    let mut kept = text::FastSet::default();
    let mut buf = String::new();
    for o in c.officials.iter().filter(|o| o.valid_on(c.document_date)) {
        for name in names::split_owners(&o.name) {
            text::fold_into(&name, &mut buf);
            kept.insert(buf.clone());
        }
    }
    let mut theirs = text::FastSet::default();
    let mut others = text::FastSet::default();
    for r in &c.residents {
        let owners = names::split_owners(&r.name);
        let official = !owners.is_empty()
            && owners.iter().all(|n| {
                text::fold_into(n, &mut buf);
                kept.contains(&buf)
            });
        let keys = r
            .phones
            .iter()
            .filter_map(|p| phone_key(p))
            .chain(r.emails.iter().map(|e| e.trim().to_lowercase()));
        if official {
            theirs.extend(keys);
        } else {
            others.extend(keys);
        }
    }
    theirs.retain(|k| !others.contains(k));
    theirs
}

/// The association's own address as ranges of houses (street, first and last number), where no
/// resident of the register has a home: the register holds the board alone, and the homes on the
/// association's street are known only from that range.
fn range_without_homes(c: &Context) -> Vec<(String, u32, u32)> {
    let homes = c
        .residents
        .iter()
        .any(|r| r.unit.is_some() || r.flat.is_some() || r.address.is_some());
    if homes {
        return Vec::new();
    }
    c.places
        .iter()
        .map(|p| houses::ranges_of_houses(p))
        .find(|r| !r.is_empty())
        .unwrap_or_default()
}

fn phone_key(written: &str) -> Option<String> {
    let mut digits: String = written.chars().filter(char::is_ascii_digit).collect();
    let international = written.trim_start().starts_with('+') || digits.starts_with("00");
    if digits.starts_with("00") {
        digits.drain(..2);
    }
    if international {
        match ["45", "46", "47", "354", "358"]
            .iter()
            .find(|cc| digits.starts_with(**cc))
        {
            Some(cc) => {
                digits.drain(..cc.len());
            }
            None => digits.insert(0, '+'),
        }
    }
    if let Some(rest) = digits.strip_prefix('0') {
        digits = rest.to_string();
    }
    (digits.chars().filter(char::is_ascii_digit).count() >= 6).then_some(digits)
}

/// What [`Detector::rule_names`] finds.
struct RuleNames {
    raw: Vec<policy::Raw>,
    protected: Vec<(usize, usize)>,
    organisations: Vec<(usize, usize)>,
    known: Vec<text::Hit>,
}

/// [`Detector::protected_spans`]' answer: the residents' names OCR misread, the protected spans, the
/// organisations, the register's values found and its names in lower case found.
struct Early {
    raw: Vec<policy::Raw>,
    protected: Vec<(usize, usize)>,
    organisations: Vec<(usize, usize)>,
    known: Vec<text::Hit>,
    lower_names: Vec<text::Hit>,
}

/// [`Detector::names_and_numbers`]' answer: the findings so far, the protected spans, the
/// organisations, the register's values found, the firms the names found belong to, and the persons
/// found (sorted).
struct Named {
    raw: Vec<policy::Raw>,
    protected: Vec<(usize, usize)>,
    organisations: Vec<(usize, usize)>,
    known: Vec<text::Hit>,
    firms: Vec<(usize, usize)>,
    persons: Vec<(usize, usize)>,
}

/// From how many bytes of text on [`Apart`] runs on a second thread once its patterns are compiled
/// ([`APART_COMPILED`]). A thread costs some tens of microseconds to start and the passes apart read
/// a 16 KiB text (a few pages of minutes) in about a millisecond, so below this a thread would cost
/// about what it saves. Most minutes are shorter (4–5 KB): in a process that detects many (the
/// desktop app) they run on one thread.
const APART_FROM: usize = 16 * 1024;

/// Whether [`Apart`] has run in this process, and so compiled the patterns a text needed: until then
/// a detection runs it on a second thread whatever the text's length, so that a process's first
/// detection (each `andel detect`) compiles the passes' patterns (0.12 G instructions of the 0.25 G it
/// pays once on the dense bench) beside the names'.
static APART_COMPILED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// What the passes that read only the text and the protected spans find: the floors, flats and
/// relations, the tables, the association's houses, the register's homes by house and floor and the
/// e-mail addresses, about a quarter of a detection. None of them reads the names found, and those
/// that meet the findings made before them do so only to drop a find that overlaps one (or lies
/// inside one), so they find apart from the names (on a second thread for a long text) and each find
/// is placed later where its pass ran, against the findings made by then
/// ([`numbers::FloorAddresses::place`], [`numbers::place_unless_overlapping`],
/// [`relations::Found::place`], [`houses::Houses::place`]).
///
/// The passes that read the persons found (the numbers, the floors after persons, the spaces), and
/// those that read the whole document's findings (every further occurrence, the names named again,
/// the initials) stay on the first thread in their order. The text is not cut into parts: names found
/// once are looked for everywhere and many rules read the lines before a find, so a cut would change
/// findings.
#[derive(Debug, Default)]
struct Apart {
    floors: numbers::FloorAddresses,
    floors_with_a_side_apart: Vec<policy::Raw>,
    swedish_floors_in_spoken_houses: Vec<policy::Raw>,
    homes_on_a_floor: Vec<policy::Raw>,
    dwellers: Vec<(usize, usize)>,
    flats: Vec<policy::Raw>,
    relations: relations::Found,
    tables: Vec<policy::Raw>,
    houses: Option<houses::Found>,
    house_floors: Vec<policy::Raw>,
    emails: Vec<policy::Raw>,
}

impl Apart {
    fn find(detector: &Detector, text: &str, protected: &[(usize, usize)]) -> Apart {
        let pushed = |pass: &dyn Fn(&mut Vec<policy::Raw>)| {
            let mut found = Vec::new();
            pass(&mut found);
            found
        };
        let apart = Apart {
            floors: numbers::floor_addresses_found(text),
            floors_with_a_side_apart: {
                let mut found = numbers::floors_with_a_side_apart_found(text);
                found.extend(numbers::flats_by_position_in_an_entrance(text));
                found.extend(numbers::houses_by_their_place_in_a_row(text));
                found
            },
            swedish_floors_in_spoken_houses: pushed(&|out| {
                numbers::swedish_floors_in_spoken_houses(text, out);
                numbers::spoken_flats_in_numbered_houses(text, out);
            }),
            homes_on_a_floor: pushed(&|out| numbers::homes_on_a_floor(text, out)),
            dwellers: numbers::dwellers_before_floors(text),
            flats: pushed(&|out| flats::scan(text, protected, out)),
            relations: relations::found(text, protected),
            tables: pushed(&|out| tables::scan(text, protected, out)),
            houses: detector.houses.found(text, protected),
            house_floors: pushed(&|out| detector.house_floors.scan(text, protected, out)),
            emails: pushed(&|out| numbers::scan_emails(text, out)),
        };
        APART_COMPILED.store(true, std::sync::atomic::Ordering::Relaxed);
        apart
    }
}

/// Whether the association's own room or building is named right before the address at `start`
/// ("Fælleshuset, Storvej 2", "i fellesrommet i Storveien 4", "garasjerekkja ved Storveien 1"): the
/// address is the room's, not a home.
/// Before a row house's address (`house`), a room every such house has of its own is the home's
/// ("vattenskada i tvättstugan i Storgatan 17").
fn common_room_before(text: &str, start: usize, house: bool) -> bool {
    let head = text.get(..start).unwrap_or("");
    let head = head.trim_end_matches([' ', ',', ':']);
    let head = ["i", "på", "ved", "vid", "I", "På", "Ved", "Vid"]
        .iter()
        .find_map(|p| {
            head.strip_suffix(p)
                .filter(|h| h.ends_with(' '))
                .map(str::trim_end)
        })
        .unwrap_or(head);
    let word = head
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !word.is_empty()
        && words::common_rooms().contains_fold(word)
        && !(house && text::is_one_of(word, &["tvättstuga", "tvättstugan"]))
}

/// The length of a genitive ending right after a house's number at `end` ("21s", "5:s", "7's"),
/// 0 if none: an "s" after the digit, a colon or an apostrophe, and then no letter or digit.
fn genitive_after_number(text: &str, end: usize) -> usize {
    let Some(rest) = text.get(end..) else {
        return 0;
    };
    if !text[..end].ends_with(|c: char| c.is_ascii_digit()) {
        return 0;
    }
    ["s", ":s", "'s", "’s"]
        .into_iter()
        .find(|g| {
            rest.starts_with(g)
                && !rest[g.len()..]
                    .chars()
                    .next()
                    .is_some_and(char::is_alphanumeric)
        })
        .map_or(0, str::len)
}

/// Whether a house number ends at `end`: no digit, letter or range ("–14") follows; a word in small
/// letters run together with it where a space was lost ("Storvej 12om taget") may.
fn address_ends(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    match rest.next() {
        None => true,
        Some(c) if c.is_alphabetic() && text[..end].ends_with(|d: char| d.is_ascii_digit()) => {
            let word: Vec<char> = text[end..]
                .chars()
                .take_while(|c| c.is_alphanumeric())
                .collect();
            // Letters of the Nordic alphabet: "ââ‚¬" is a dash as mojibake, no word.
            let nordic = word
                .iter()
                .all(|c| c.is_ascii_lowercase() || "æøåäöüé".contains(*c));
            // One letter is the house's own ("12b"), unless it is a word of one letter run into the
            // number before the next word ("Storvej 12i går", "Storgata 7å").
            let one_letter_word = word.len() == 1 && {
                let mut buf = [0u8; 4];
                let after = &text[end + word[0].len_utf8()..];
                words::function_words().contains(word[0].encode_utf8(&mut buf) as &str)
                    && after.starts_with(' ')
                    && after[1..].starts_with(char::is_alphanumeric)
            };
            nordic && (word.len() >= 2 || one_letter_word)
        }
        Some(c) if c.is_alphanumeric() => false,
        Some('-' | '–' | '—') => !rest.next().is_some_and(|c| c.is_ascii_digit()),
        Some(_) => true,
    }
}

/// One-off detection: compiles a [`Detector`] for `context` and runs it on `text`.
pub fn detect(text: &str, context: Option<&Context>) -> Vec<Finding> {
    Detector::new(context).detect(text)
}

#[cfg(test)]
mod damage_tests;

#[cfg(test)]
mod residents_tests;

#[cfg(test)]
mod unregistered_tests;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_genitive_after_a_houses_number() {
        let g = |t: &str| genitive_after_number(&t.replace('|', ""), t.find('|').unwrap());
        assert_eq!(g("Storvej 21|s have"), 1);
        assert_eq!(g("Storgatan 5|:s garage"), 2);
        assert_eq!(g("Storvej 7|'s hæk."), 2);
        assert_eq!(g("Storvej 7|s."), 1);
        assert_eq!(g("Storvej 7|st. tv."), 0);
        assert_eq!(g("Storvej 7|sal"), 0);
        assert_eq!(g("Storvej |s"), 0);
    }

    #[test]
    fn house_numbers_without_addresses_lie_on_the_associations_street() {
        let person = |unit: &str| KnownPerson {
            unit: Some(unit.to_string()),
            ..KnownPerson::default()
        };
        let mut c = Context::new(Country::NO);
        c.residents = vec![person("1"), person("2"), person("12B")];
        for (places, street) in [
            (vec!["Kløverbakken burettslag"], Some("Kløverbakken")),
            (vec!["Brf Hagtornet i Lund", "Lund"], Some("Hagtornet")),
            (vec!["Andelsboligforeningen Solsikken"], Some("Solsikken")),
            (
                vec!["Sameiet", "Kløverbakken 1–29, 6800 Førde"],
                Some("Kløverbakken"),
            ),
            // A town alone, a name of two words and a name without an association's word say nothing.
            (vec!["Førde"], None),
            (vec!["Borettslaget Øvre Lia"], None),
            (vec!["Bostadsrättsföreningen Gjutaren 12"], None),
        ] {
            c.places = places.iter().map(|p| p.to_string()).collect();
            let houses = houses_by_the_associations_street(&c);
            match street {
                Some(s) => assert_eq!(
                    houses,
                    [format!("{s} 1"), format!("{s} 12B"), format!("{s} 2")],
                    "{places:?}"
                ),
                None => assert!(houses.is_empty(), "{places:?}: {houses:?}"),
            }
        }
        // Units that are no house numbers (flats "H0101", shares "1001") have no street.
        c.places = vec!["Kløverbakken burettslag".into()];
        c.residents = vec![person("H0101"), person("1")];
        assert!(houses_by_the_associations_street(&c).is_empty());
        c.residents = vec![person("1001")];
        assert!(houses_by_the_associations_street(&c).is_empty());
        // The house numbers in the address column, the units numbered otherwise.
        let housed = |unit: &str, address: &str| KnownPerson {
            unit: Some(unit.to_string()),
            address: Some(address.to_string()),
            ..KnownPerson::default()
        };
        c.residents = vec![housed("1", "2"), housed("2", "4")];
        assert_eq!(
            houses_by_the_associations_street(&c),
            ["Kløverbakken 2", "Kløverbakken 4"]
        );
        // Whole addresses: their houses are the register's own, nothing to add.
        c.residents = vec![housed("1", "Kløverbakken 2"), housed("2", "4")];
        assert!(houses_by_the_associations_street(&c).is_empty());
    }

    #[test]
    fn a_flats_code_after_the_comma_is_cut() {
        for (given, bare) in [
            ("Videvägen 2, lgh 1001", "Videvägen 2"),
            ("Videvägen 2, Lgh nr 1001", "Videvägen 2"),
            ("Lyngvegen 4, H0101", "Lyngvegen 4"),
            ("Rosenvej 3, lejl. 2", "Rosenvej 3"),
            // A floor, a side, a postcode or words after the comma stay.
            ("Storgade 7, 2. th.", "Storgade 7, 2. th."),
            ("Lyngvegen 4, 1. etg", "Lyngvegen 4, 1. etg"),
            ("Storgade 7, st", "Storgade 7, st"),
            ("Ekvägen 3, 123 45 Malmö", "Ekvägen 3, 123 45 Malmö"),
            ("Videvägen 2", "Videvägen 2"),
        ] {
            assert_eq!(without_flat_code(given), bare, "{given}");
        }
    }

    #[test]
    fn a_house_numbers_letter_is_read_glued_or_spaced() {
        for (given, bare, joined) in [
            ("Tunvegen 14 B", "Tunvegen 14", "Tunvegen 14B"),
            ("Tunvegen 14B", "Tunvegen 14", "Tunvegen 14B"),
            ("Tunvegen 14", "Tunvegen 14", "Tunvegen 14"),
            // No house number's letter: a floor, a word, a street alone.
            ("Tunvegen 14 st", "Tunvegen 14 st", "Tunvegen 14 st"),
            ("Tunvegen", "Tunvegen", "Tunvegen"),
            (
                "Storgade 7, 2. th",
                "Storgade 7, 2. th",
                "Storgade 7, 2. th",
            ),
        ] {
            assert_eq!(lettered_house(given), bare, "{given}");
            assert_eq!(joined_letter(given), joined, "{given}");
        }
    }

    #[test]
    fn a_postcode_and_town_after_the_street_are_cut() {
        for (given, bare) in [
            ("Lærkevænget 1, 5210 Odense NV", "Lærkevænget 1"),
            ("Granlia 4 B, 0480 Oslo", "Granlia 4 B"),
            ("Ekvägen 3, 123 45 Malmö", "Ekvägen 3"),
            ("Ekvägen 3, SE-12345 Malmö", "Ekvägen 3"),
            ("Storgade 7, 2. th.", "Storgade 7, 2. th."),
            ("Storgade 7, 1234", "Storgade 7, 1234"),
            ("Vibevej 11", "Vibevej 11"),
            // No comma before the postcode.
            ("Furuhaugen 2 6800 Førde", "Furuhaugen 2"),
            ("Furuhaugen 6b 6800 Førde", "Furuhaugen 6b"),
            ("Ekvägen 3 B 123 45 Malmö", "Ekvägen 3 B"),
            ("Lærkevej 1 - 5210 Odense NV", "Lærkevej 1"),
            ("Lærkevej 1 DK-5210 Odense NV", "Lærkevej 1"),
            // A flat code or a floor after the number is no postcode; nor a number without a town.
            ("Storgata 4 1101 ", "Storgata 4 1101"),
            ("Storgata 4 H0101", "Storgata 4 H0101"),
            ("Storgata 4 1101", "Storgata 4 1101"),
            ("Kvernhusbakken 2 2. etg", "Kvernhusbakken 2 2. etg"),
        ] {
            assert_eq!(without_postcode(given), bare, "{given}");
        }
    }

    /// One number in every grouping and prefix a secretary or a register writes is one key; other
    /// numbers and foreign numbers are other keys.
    #[test]
    fn phone_keys_ignore_grouping_prefix_and_trunk_zero() {
        for (a, b) in [
            ("23614805", "23 61 48 05"),
            ("23614805", "+45 23 61 48 05"),
            ("23614805", "0045 2361 4805"),
            ("91328406", "+47 913 28 406"),
            ("070-512 44 18", "+46 (0)70 512 44 18"),
            ("070-512 44 18", "+46 70 512 44 18"),
            ("070-512 44 18", "0046 705124418"),
        ] {
            assert_eq!(phone_key(a), phone_key(b), "{a:?} {b:?}");
            assert!(phone_key(a).is_some(), "{a:?}");
        }
        for (a, b) in [
            ("23614805", "23614806"),
            ("23614805", "+49 23614805"),
            ("070-512 44 18", "070-512 44 19"),
        ] {
            assert_ne!(phone_key(a), phone_key(b), "{a:?} {b:?}");
        }
        assert_eq!(phone_key("12 34"), None);
    }

    /// Every title the glossaries give a role reads as that role's kind, whatever its case, and
    /// no title is two roles' (the lookup would then depend on the order of the files).
    #[test]
    fn every_glossary_role_title_maps_to_its_role() {
        let mut seen: HashMap<String, RoleKind> = HashMap::new();
        for (title, term) in glossary::role_titles() {
            let kind = RoleKind::of_term(term).unwrap_or(RoleKind::Other);
            assert_ne!(kind, RoleKind::Other, "{term:?} is a role");
            assert_eq!(RoleKind::from_title(&title), kind, "{title:?}");
            assert_eq!(
                RoleKind::from_title(&title.to_uppercase()),
                kind,
                "{title:?}"
            );
            if let Some(other) = seen.insert(title.clone(), kind) {
                assert_eq!(other, kind, "{title:?} is two roles");
            }
        }
        assert!(seen.len() > 40, "{}", seen.len());
    }

    #[test]
    fn titles_boards_write_map_and_other_words_do_not() {
        for (title, kind) in [
            ("Formand", RoleKind::Chair),
            ("styreleiar", RoleKind::Chair),
            ("  ordförande ", RoleKind::Chair),
            ("varamedlemmer", RoleKind::Alternate),
            ("mødeleder", RoleKind::ChairOfMeeting),
            ("ordförande för stämman", RoleKind::ChairOfMeeting),
            ("chair of meeting", RoleKind::ChairOfMeeting),
            ("protokollförare", RoleKind::MinuteTaker),
            ("sekreterare", RoleKind::BoardMember),
            ("sekretær", RoleKind::BoardMember),
            ("ledamot", RoleKind::BoardMember),
            ("valgkomite", RoleKind::NominationCommittee),
            ("valgkomiteen", RoleKind::NominationCommittee),
            ("webansvarlig", RoleKind::Webmaster),
            ("webmaster", RoleKind::Webmaster),
        ] {
            assert_eq!(RoleKind::from_title(title), kind, "{title:?}");
        }
        for other in ["justerare", "underskriver af referatet", "gæst", ""] {
            assert_eq!(RoleKind::from_title(other), RoleKind::Other, "{other:?}");
        }
    }

    /// A register of the generated text's residents (`testgen::NAMES`) with houses on two streets and
    /// floors, so that the association's houses and the homes by house and floor are looked for.
    fn generated_register() -> Context {
        let mut c = Context::new(Country::NO);
        for (i, name) in testgen::NAMES.iter().enumerate() {
            c.residents.push(KnownPerson {
                name: (*name).to_string(),
                unit: Some(format!("{}", i + 1)),
                address: Some(format!(
                    "{} {}, {}. etasje",
                    if i % 2 == 0 { "Lyngveien" } else { "Storvej" },
                    2 * i + 2,
                    i % 3 + 1
                )),
                phones: vec![format!("29 91 44 {:02}", i)],
                ..KnownPerson::default()
            });
        }
        c.places = vec!["Lyngveien borettslag".into()];
        c
    }

    /// Minutes that give every pass [`Apart`] runs something to find, beside names it meets (a floor at
    /// someone's home inside a name's finding, a house by its position after a person), repeated past
    /// [`APART_FROM`]. Invented.
    fn minutes_past_apart_from() -> String {
        let one = "Sak 4. Kari Nesset i 3. etasje i Lyngveien 6 klaget på støy fra leiligheten over \
                   vaskerommet. Naboen to trapper op, døren til højre, har klaget. Ingrid Lund bor i \
                   andre etasje hos Lund, og Tor-Arne Isaksen i femmeren. Det nederste huset i \
                   Storvej er solgt; Storvej 4, 2. sal og nr. 6 følger. 12:an och tredje våningen i \
                   fyran.\n\nNavn | Adresse | Etasje\nÅse Ødegård | Lyngveien 2 | 1\n\n\
                   Lägenheten bredvid tvättstugan hos Camilla Hornbæk. jeg bor i tian.\n\n";
        one.repeat(APART_FROM / one.len() + 2)
    }

    /// Regression for the passes apart (speed32): a text long enough for the second thread is found
    /// as one thread finds it, with a register and without.
    #[test]
    fn regression_the_passes_apart_on_a_second_thread_find_what_one_thread_finds() {
        let text = minutes_past_apart_from();
        assert!(text.len() >= APART_FROM);
        let ctx = generated_register();
        for detector in [Detector::new(Some(&ctx)), Detector::new(None)] {
            let one = detector.detect_apart_from(&text, usize::MAX);
            assert!(one.len() > 50, "{}", one.len());
            assert_eq!(detector.detect(&text), one);
            assert_eq!(detector.detect_apart_from(&text, 0), one);
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(64))]
        /// On any generated text, with the register and without, the passes apart on a second thread
        /// give the findings one thread gives, byte for byte.
        #[test]
        fn the_passes_apart_find_on_a_thread_what_they_find_on_one(
            text in testgen::text(),
            tail in proptest::sample::select(vec![
                "",
                " Kari Nesset i 3. etasje i Lyngveien 6, leiligheten over vaskerommet.",
                " Ingrid Lund i andre etasje hos Lund; det nederste huset i Storvej.",
            ]),
            registered in proptest::bool::ANY,
        ) {
            let ctx = generated_register();
            let detector = Detector::new(registered.then_some(&ctx));
            let text = format!("{text}{tail}");
            proptest::prop_assert_eq!(
                detector.detect_apart_from(&text, 0),
                detector.detect_apart_from(&text, usize::MAX)
            );
        }
    }
}
