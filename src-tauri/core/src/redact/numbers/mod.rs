//! Everything that starts with a digit or an `@`: identity numbers, phone numbers, bank accounts, car
//! plates, residents' addresses with floor and side, share and flat numbers, dates of birth, e-mail.
//!
//! Digits are rare in minutes, so one hand-written pass finds each run of digit groups ("29 91 44 06",
//! "9001.55.65976", "110584-3638") and classifies it by its shape, its check digits and the few words
//! around it. Amounts ("kr 12 345 678"), organisation numbers ("CVR 25719308"), dates and times stay.

use std::sync::OnceLock;

use regex::Regex;

use super::checks;
use super::policy::Raw;
use super::text::{is_one_of, next_digit, word_before, AnchoredPattern, WordSet};
use super::{Decision, Kind, Recognizer};
use crate::association::Country;
use crate::national_id;

mod birthdays;
mod emails;
mod floors;
mod units;

pub use birthdays::birthdays;
pub use emails::scan_emails;
#[cfg(test)]
pub use floors::floor_addresses;
pub use floors::{
    bare_floors_after_persons, dwellers_before_floors, flats_by_position_in_an_entrance,
    floor_addresses_found, floors_after_persons, floors_before_dwellers,
    floors_with_a_side_apart_found, homes_on_a_floor, houses_by_their_place_in_a_row,
    place_unless_overlapping, spoken_flats_in_numbered_houses, swedish_floors_in_spoken_houses,
    FloorAddresses,
};
pub use units::{is_unit_code, RegisteredUnits};

const MAX_GROUPS: usize = 12;

/// A byte range of the text.
type Span = (usize, usize);

/// One run of digit groups.
#[derive(Debug, Clone, Copy)]
struct Run {
    start: usize,
    end: usize,
    /// Byte offset where each group ends.
    ends: [usize; MAX_GROUPS],
    digits: [u8; 40],
    nd: usize,
    groups: [u8; MAX_GROUPS],
    seps: [u8; MAX_GROUPS],
    ng: usize,
}

impl Run {
    /// The first `k` groups as a run of their own.
    fn prefix(&self, k: usize) -> Run {
        let k = k.clamp(1, self.ng);
        let nd: usize = self.groups[..k].iter().map(|&g| usize::from(g)).sum();
        let mut p = Run {
            ng: k,
            nd,
            end: self.ends[k - 1],
            ..*self
        };
        for g in k..MAX_GROUPS {
            p.groups[g] = 0;
            p.seps[g] = 0;
        }
        p
    }

    fn digits(&self) -> &[u8] {
        &self.digits[..self.nd.min(40)]
    }
    fn groups(&self) -> &[u8] {
        &self.groups[..self.ng]
    }
    /// Separators between groups (`seps[0]` is unused).
    fn seps(&self) -> &[u8] {
        &self.seps[1..self.ng.max(1)]
    }
    fn shape(&self, g: &[u8]) -> bool {
        self.groups() == g
    }
    fn has_sep(&self, s: u8) -> bool {
        self.seps().contains(&s)
    }
}

fn read_run(bytes: &[u8], start: usize) -> Run {
    let mut r = Run {
        start,
        end: start,
        ends: [start; MAX_GROUPS],
        digits: [0; 40],
        nd: 0,
        groups: [0; MAX_GROUPS],
        seps: [0; MAX_GROUPS],
        ng: 0,
    };
    let mut i = start;
    loop {
        let g0 = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            if r.nd < 40 {
                r.digits[r.nd] = bytes[i];
            }
            r.nd += 1;
            i += 1;
        }
        if r.ng < MAX_GROUPS {
            r.groups[r.ng] = (i - g0).min(255) as u8;
            r.ends[r.ng] = i;
        }
        r.ng += 1;
        r.end = i;
        if r.ng >= MAX_GROUPS {
            break;
        }
        // One separator, then a digit, continues the run.
        let (sep, width) = match bytes.get(i) {
            Some(b' ') => (b' ', 1),
            Some(b'-') => (b'-', 1),
            Some(b'.') => (b'.', 1),
            Some(b'/') => (b'/', 1),
            Some(b'+') if i - g0 == 6 => (b'+', 1),
            Some(0xC2) if bytes.get(i + 1) == Some(&0xA0) => (b' ', 2),
            _ => break,
        };
        if !bytes.get(i + width).is_some_and(u8::is_ascii_digit) {
            break;
        }
        r.seps[r.ng] = sep;
        i += width;
    }
    r.ng = r.ng.min(MAX_GROUPS);
    r
}

/// Up to two words before `pos`, lower-cased ASCII-insensitively by the callers.
fn prev_words(text: &str, pos: usize) -> (Option<Span>, Option<Span>) {
    const SKIP: &[char] = &['.', ':', '-', '/', '(', '#'];
    let w1 = word_before(text, pos, SKIP);
    let w2 = w1.and_then(|(a, _)| word_before(text, a, SKIP));
    (w1, w2)
}

/// Where the line before ends when only spaces stand between the line's start and `pos` (the end of
/// its last word's text, a full stop after it included).
fn line_before(text: &str, pos: usize) -> Option<usize> {
    let head = text.get(..pos)?.trim_end_matches([' ', '\t']);
    let head = head
        .strip_suffix("\r\n")
        .or_else(|| head.strip_suffix('\n'))?;
    let head = head.trim_end_matches([' ', '\t']);
    // Not across a blank line or a page's end, and not after a line that ends a sentence.
    (!head.is_empty() && !head.ends_with(['\n', '\x0c', '!', '?', ';'])).then_some(head.len())
}

fn slice(text: &str, r: Option<(usize, usize)>) -> &str {
    r.and_then(|(a, b)| text.get(a..b)).unwrap_or("")
}

const MONEY: &[&str] = &[
    "kr",
    "kroner",
    "kronor",
    "dkk",
    "nok",
    "sek",
    "eur",
    "euro",
    "beløb",
    "beløp",
    "belopp",
    "ca",
    "mio",
    "mill",
    "million",
    "millioner",
    "miljoner",
    "tusen",
    "tusind",
];
const ORG: &[&str] = &[
    // Bankgiro, plusgiro and Swish numbers belong to organisations.
    "bankgiro",
    "plusgiro",
    "bg",
    "pg",
    "swish",
    "cvr",
    "org",
    "orgnr",
    "organisasjonsnummer",
    "organisationsnummer",
    "foretaksnummer",
    "moms",
    "momsnr",
    "se",
    "p",
    "cvrnr",
    "ean",
    "gln",
    "matrikel",
    "matr",
    "gnr",
    "bnr",
    "fastighet",
    // Case, journal, invoice and customer numbers of organisations.
    "j",
    "jnr",
    "journalnr",
    "journalnummer",
    "sagsnr",
    "saksnr",
    "saksnummer",
    "sagsnummer",
    "ärendenr",
    "diarienr",
    "diarienummer",
    "ref",
    "faktura",
    "fakturanr",
    "fakturanummer",
    "ordrenr",
    "kundenr",
    "kundenummer",
    "kundnummer",
    "policenr",
    "policenummer",
    "polisnummer",
];
const ACCOUNT: &[&str] = &[
    "konto",
    "kontonr",
    "kontonummer",
    "kontonumret",
    "kontot",
    "kontoen",
    "kto",
    "ktonr",
    "bankkonto",
    "bankkontonummer",
    "reg",
    "regnr",
    "registreringsnummer",
    "clearing",
    "clearingnummer",
    "clearingnr",
    "iban",
    "account",
    "bankkontoen",
];
const NATIONAL_ID: &[&str] = &[
    "cpr",
    "cprnr",
    "cprnummer",
    "personnummer",
    "personnr",
    "fødselsnummer",
    "fødselsnr",
    "fødselsnummeret",
    "personnumret",
    "pnr",
    "fnr",
    "samordningsnummer",
    "dnummer",
    "cpr-nummer",
    "cpr-nr",
    "personnummeret",
];
const PHONE: &[&str] = &[
    "tlf",
    "telefon",
    "tel",
    "mobil",
    "mob",
    "mobilnummer",
    "telefonnummer",
    "telefonnr",
    "ring",
    "sms",
    "mobilnr",
    "nummer",
    "tlfnr",
];
const DOB: &[&str] = &[
    "fødselsår",
    "födelseår",
    "fødeår",
    "født",
    "fødd",
    "född",
    "f",
    "fødselsdato",
    "fødselsdag",
    "födelsedatum",
    "födelsedag",
    "fødselsdagen",
];
const PLATE_NOT: &[&str] = &[
    "KR", "NR", "DK", "NO", "SE", "EU", "CVR", "ORG", "TLF", "TEL", "SAK", "NOK", "DKK", "SEK",
    "EUR", "USD", "ART", "PKT", "KAP", "STK", "BBR", "ISO", "CPR", "SMS", "MOB", "FAX", "KL",
    "NUM", "TV", "TH", "ST", "MF", "CA", "JF", "NS", "DS", "EN", "PR", "AD", "OG", "KM", "MM",
    "CM", "KW", "KWH", "MWH", "GWH", "KG", "M", "LGH", "ABL", "BRL", "BRF", "HSB", "OBOS", "NBBL",
    "FNR", "PNR", "IBAN", "SWIFT", "BIC", "REG", "BG", "PG", "NN", "UKE", "VECKA", "UGE", "PKT",
];
/// Letters of [`PLATE_NOT`] that start a Norwegian plate written in full ("ST 40 228"): a floor's, a
/// side's or a word's letters, never an amount's or a unit's before two groups of digits.
const PLATE_LETTERS_IN_FULL: &[&str] = &[
    "ST", "TV", "TH", "MF", "EN", "OG", "AD", "NS", "DS", "KL", "DK", "NO",
];
const SHARE_CUES: &[&str] = &[
    "andel",
    "andelsnr",
    "andelsnummer",
    "lejlighed",
    "lejl",
    "lgh",
    "lägenhet",
    "lägenhetsnummer",
    "lägenhetsnr",
    "leilighet",
    "leil",
    "bolig",
    "bolignr",
    "bolignummer",
    "andelsbolig",
    "seksjon",
    "seksjonsnr",
    // A sameie's section numbers, in short and in full ("snr. 5", "seksjonsnummer 15").
    "snr",
    "seksjonsnummer",
    "seksjonsnummeret",
    "seksjonen",
    "andelsbevis",
    "bostad",
    "bostadsrätt",
    "lejemål",
    "lejemålet",
    "andelen",
    "leiligheten",
    "lejligheden",
    "lägenheten",
    "boligen",
    "leilighetsnummer",
    "lejlighedsnummer",
    // Nynorsk: "Overdraging av bustad 12", "leilegheit 4".
    "bustad",
    "bustaden",
    "bustadnr",
    "bustadnummer",
    "bustadnummeret",
    "leilegheit",
    "leilegheita",
    "leilegheitsnummer",
    "bostaden",
];
/// Plurals of the share cues, before a list of units ("andelene nr. 5, 6 og 3", "lejlighederne 3 og
/// 5"); before a range ("lägenheterna 1001–1202") they name many homes, a place.
const PLURAL_SHARE_CUES: &[&str] = &[
    "andele",
    "andelene",
    "andelerne",
    "lejligheder",
    "lejlighederne",
    "leiligheter",
    "leilighetene",
    "lägenheter",
    "lägenheterna",
    "boliger",
    "boligene",
    "boligerne",
    "seksjoner",
    "seksjonene",
    "bustader",
    "bustadene",
    "leilegheiter",
    "leilegheitene",
];
const STREET_WORDS: &[&str] = &[
    "gate", "gaten", "gata", "gatan", "vei", "veien", "vej", "vejen", "gade", "allé", "alle",
    "plass", "plads", "torv", "torg", "vænge", "stræde", "vägen", "väg", "backe", "backen",
    "gränd", "stig", "stigen", "led", "ringen", "vangen", "park", "vang",
];

/// The cue lists as sets, built once.
struct Cues {
    money: WordSet,
    org: WordSet,
    account: WordSet,
    national_id: WordSet,
    phone: WordSet,
    dob: WordSet,
    /// The words of [`DOB`] as a text that lost its Nordic letters or spelled them out writes them
    /// ("fodt", "foedt", "fodelsedatum"): the cue holds on a scan or a text typed without them.
    dob_plain: super::text::FastSet<String>,
    share: WordSet,
}

/// `word` with its Nordic letters made plain ("fodt") and spelled out ("foedt"), where it has any.
fn plain_spellings(word: &str) -> [String; 2] {
    let mut plain = String::with_capacity(word.len());
    let mut spelled = String::with_capacity(word.len() + 2);
    for c in word.chars() {
        let (p, s) = match c {
            'ø' | 'ö' => ("o", "oe"),
            'æ' | 'ä' => ("a", "ae"),
            'å' => ("a", "aa"),
            _ => {
                plain.push(c);
                spelled.push(c);
                continue;
            }
        };
        plain.push_str(p);
        spelled.push_str(s);
    }
    [plain, spelled]
}

fn cues() -> &'static Cues {
    static CUES: OnceLock<Cues> = OnceLock::new();
    CUES.get_or_init(|| Cues {
        money: WordSet::new(MONEY),
        org: WordSet::new(ORG),
        account: WordSet::new(ACCOUNT),
        national_id: WordSet::new(NATIONAL_ID),
        phone: WordSet::new(PHONE),
        dob: WordSet::new(DOB),
        dob_plain: DOB
            .iter()
            .flat_map(|w| plain_spellings(w))
            .filter(|w| !DOB.contains(&w.as_str()))
            .collect(),
        share: WordSet::new(&[SHARE_CUES, PLURAL_SHARE_CUES].concat()),
    })
}

/// Whether `word` labels an organisation's number ("CVR", "org.nr", "bankgiro", "sagsnr"), in any case:
/// the number after it stays, and so does a "nr." after it ("CVR-nr. 38 52 80 84").
pub(crate) fn org_label(word: &str) -> bool {
    cues().org.contains_fold(word)
}

/// Scans `text` for every digit-led kind of personal data.
///
/// `persons` are the byte spans of names already found (sorted), so that "Hansen (nr. 4)" ties the
/// number to a person.
pub fn scan(text: &str, country: Option<Country>, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    let from = out.len();
    scan_runs(text, country, persons, out);
    drop_recent_dates_after_names(text, from, out);
}

/// Drops from `out[from..]` the dates taken as a birth date only for standing right after a name
/// ([`DATE_AFTER_A_NAME`]) that fall in the latest year the text writes or the year before it
/// ([`RECENT_YEARS`]): in minutes of 2025 "SJÖHOLM MARIANNE   2025-08-31" in an arrears table is a due
/// date, and "Lund, 28.04.2025" under the minutes the day they were signed. An older date stays a birth
/// date and goes: a child's ("Sara Holm 14.02.2015" in a list of new residents) as much as a grown-up's,
/// since a date left beside a redacted name is the cheaper mistake. The latest year is read only when such
/// a date was found.
fn drop_recent_dates_after_names(text: &str, from: usize, out: &mut Vec<Raw>) {
    let after_name = |r: &Raw| r.reason == DATE_AFTER_A_NAME;
    if !out.get(from..).is_some_and(|o| o.iter().any(after_name)) {
        return;
    }
    let Some(latest) = latest_year(text) else {
        return;
    };
    let mut k = 0;
    out.retain(|r| {
        k += 1;
        !(k > from
            && after_name(r)
            && text
                .get(r.start..r.end)
                .and_then(year_of_date)
                .is_some_and(|y| y + RECENT_YEARS > latest))
    });
}

/// The reason of a date taken as a birth date for standing right after a person's name.
const DATE_AFTER_A_NAME: &str = "a date right after a name";

/// How many of the latest years the minutes write hold the dates after a name that are due dates or
/// signing days, not birth dates: the latest year and the one before it.
const RECENT_YEARS: u32 = 2;

/// The latest year from 1900 to 2099 that `text` writes as four figures standing alone.
fn latest_year(text: &str) -> Option<u32> {
    let b = text.as_bytes();
    let mut latest = None;
    for i in memchr::memchr2_iter(b'1', b'2', b) {
        let Some(w) = b.get(i..i + 4) else {
            break;
        };
        let bounded =
            (i == 0 || !b[i - 1].is_ascii_digit()) && !b.get(i + 4).is_some_and(u8::is_ascii_digit);
        if bounded && w.iter().all(u8::is_ascii_digit) && (w[..2] == *b"19" || w[..2] == *b"20") {
            let y = w.iter().fold(0u32, |a, &d| a * 10 + u32::from(d - b'0'));
            latest = latest.max(Some(y));
        }
    }
    latest
}

/// The year of a full date ("12.03.1954", "1954-03-12", "03-05-2019"): its group of four figures.
fn year_of_date(date: &str) -> Option<u32> {
    date.split(|c: char| !c.is_ascii_digit())
        .find(|g| g.len() == 4)
        .and_then(|g| g.parse().ok())
}

/// [`scan`]'s reading of the runs of figures.
fn scan_runs(text: &str, country: Option<Country>, persons: &[(usize, usize)], out: &mut Vec<Raw>) {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    // Where the last share or flat number ends: "andel nr. 3 og 4" lists another after it.
    let mut unit_end: Option<usize> = None;
    while i < bytes.len() {
        let Some(start) = next_digit(bytes, i) else {
            break;
        };
        let run = read_run(bytes, start);
        // "2027-01-01–2027-12-31": a period, neither an account nor a phone number in it; "lägenheterna
        // 2001–2102": a range of many homes, no phone number.
        if iso_date_range(&run) || range_of_homes(text, &run) {
            i = run.end;
            continue;
        }
        let next = if let Some(raw) = classify(text, &run, country, persons) {
            let end = raw.end.max(run.end);
            unit_end = (raw.recognizer == Recognizer::ShareNumber).then_some(raw.end);
            out.push(raw);
            end
        } else if let Some(raw) = unit_end
            .filter(|&e| run.ng == 1 && run.nd <= 4 && list_item(text, e, start, run.end))
            .filter(|_| !bytes.get(run.end).is_some_and(u8::is_ascii_alphanumeric))
            .map(|_| {
                Raw::redact(
                    start,
                    run.end,
                    Kind::Other,
                    Recognizer::ShareNumber,
                    0.8,
                    "a share or flat number listed after another",
                )
            })
        {
            unit_end = Some(raw.end);
            out.push(raw);
            run.end
        } else if run.ng >= 2 {
            // Two numbers side by side ("110584-3638 29 91 44 06", "29914406 41438243"): the longest
            // leading part that is something, else start again at the next group.
            match (1..run.ng)
                .rev()
                .find_map(|k| classify(text, &run.prefix(k), country, persons))
            {
                Some(raw) => {
                    let end = raw.end;
                    out.push(raw);
                    end
                }
                None => run.ends[0],
            }
        } else {
            run.end
        };
        i = next.max(start + 1);
        // Never restart in the middle of a digit group.
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
}

/// Prepositions of place before a registered flat's number alone ("i 2102", "ovanför 1301").
const PLACE_PREPOSITIONS: &[&str] = &[
    "i",
    "från",
    "fra",
    "frå",
    "ovanför",
    "nedanför",
    "bredvid",
    "ovenfor",
    "nedenfor",
    "ovenpå",
    "overfor",
    "mittemot",
    "ovenover",
    "nedenunder",
];

/// Those who live in a flat, by the flat or beside it: "Grannarna i 2003", "beboerne i 2101",
/// "familien fra 1102".
const DWELLERS: &[&str] = &[
    "granne",
    "grannen",
    "grannar",
    "grannarna",
    "nabo",
    "naboen",
    "naboer",
    "naboene",
    "naboerne",
    "naboane",
    "grannarne",
    "beboer",
    "beboeren",
    "beboerne",
    "beboere",
    "beboar",
    "beboaren",
    "beboarane",
    "boende",
    "boenden",
    "familjen",
    "familien",
    "familia",
    "hyresgästen",
    "hyresgästerna",
    "lejeren",
    "lejerne",
    "leietakeren",
    "leigetakaren",
    "ägaren",
    "ägarna",
    "eieren",
    "eierne",
    "eigaren",
    "ejeren",
    "ejerne",
    "andelshaveren",
    "andelseieren",
    "andelseigaren",
    "medlemmen",
    "medlemmarna",
    "paret",
    "parret",
    "hushållet",
    "husstanden",
    "husholdningen",
    "hushaldet",
    "damen",
    "herren",
    "mannen",
    "manden",
    "kvinnan",
    "kvinden",
    "kvinnen",
    "kvinna",
];

/// "fel lägenhet, det gäller 3201", "lejligheden over 302": a bare number that the register holds as a
/// resident's flat (`units`: three or four digits), after a word for a flat or a row house earlier in its
/// sentence, or right after a preposition of place when it cannot be a year ("vattenskadan i 2102"). The
/// shape of a Swedish flat number (floor 10–15) is not asked: associations number their flats by entrance
/// too ("2101" in entrance 2). A number that counts something ("2101 kr", "302 m2", [`COUNT_WORDS`] and
/// the sums' cues), a time or a year after "kl."/"år", or one glued to other digits stays. (A list after
/// a flat found, "lägenhet 1202 och 2101", is [`scan`]'s, through [`list_item`].)
pub fn registered_flat_numbers(
    text: &str,
    units: &super::text::FastSet<String>,
    protected: &[(usize, usize)],
    out: &mut Vec<Raw>,
) {
    if units.is_empty() {
        return;
    }
    let bytes = text.as_bytes();
    let mut found = Vec::new();
    // Registered numbers that are no flat by themselves but may be one in a list of flats.
    let mut joinable = Vec::new();
    let mut i = 0;
    while let Some(start) = next_digit(bytes, i) {
        let mut end = start;
        while end < bytes.len() && bytes[end].is_ascii_digit() {
            end += 1;
        }
        i = end;
        let glued =
            |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '–');
        let head = &text[..start];
        if !units.contains(&text[start..end])
            || glued(head.chars().next_back())
            || glued(text[end..].chars().next())
            || !building_number_ends(text, end)
            || (head.ends_with(['.', ',', ':', '/'])
                && head[..head.len() - 1].ends_with(|c: char| c.is_ascii_digit()))
            || super::policy::overlaps_any(protected, start, end)
            || out.iter().any(|r| r.start < end && start < r.end)
        {
            continue;
        }
        let word: String = text[end..]
            .trim_start_matches([' ', '\u{a0}'])
            .chars()
            .take_while(|c| c.is_alphanumeric())
            .collect::<String>()
            .to_lowercase();
        let before = word_before(text, start, &[])
            .map(|(a, b)| text[a..b].to_lowercase())
            .unwrap_or_default();
        if cues().money.contains(&word)
            || is_one_of(&word, &["st", "stk", "meter"])
            || is_one_of(
                &before,
                &[
                    "kl", "klokken", "klockan", "år", "året", "side", "sida", "sidan", "s",
                ],
            )
        {
            continue;
        }
        // A word for a flat earlier in the same sentence.
        let sentence = head.rfind(['.', '!', '?', '\n']).map_or(0, |k| k + 1);
        let flat_word = head[sentence..]
            .split(|c: char| !c.is_alphanumeric())
            .any(|w| {
                let w = w.to_lowercase();
                w == "lgh"
                    || [
                        "lägenhet",
                        "lejlighed",
                        "leilighet",
                        "leilegheit",
                        "lejemål",
                        // Where the units are houses ("radhus 2003", "rækkehus 112").
                        "radhus",
                        "rækkehus",
                        "rekkehus",
                        "rekkjehus",
                        "kedjehus",
                        "parhus",
                        // The administrator's object ("Medlemmen i objekt 302").
                        "objekt",
                        "objektet",
                        "objektnr",
                        "objektnummer",
                    ]
                    .iter()
                    .any(|f| w.starts_with(f))
            });
        // "en vattenskada i 2102", "støy fra 304": a registered number right after a preposition of
        // place is the flat, unless it can be read as a year ("i 2004").
        let year = end - start == 4
            && text[start..end]
                .parse::<u32>()
                .is_ok_and(|y| (1800..=2099).contains(&y));
        // "Grannarna i 2003 klagar": after the residents' or the neighbours' word and the preposition,
        // a number of the register is their flat even where it could be a year.
        let dwellers = word_before(text, start, &[])
            .and_then(|(a, _)| word_before(text, a, &[]))
            .is_some_and(|(a, b)| is_one_of(&text[a..b], DWELLERS));
        let place = (!year || dwellers) && is_one_of(&before, PLACE_PREPOSITIONS);
        if flat_word || place {
            found.push((start, end));
        } else {
            joinable.push((start, end));
        }
    }
    // "i 2003 och 2104", "ovanför 1102, 1202 eller 1302": registered numbers joined to a flat found are
    // flats too, on either side.
    loop {
        let before = found.len();
        joinable.retain(|&(s, e)| {
            let joined = found.iter().any(|&(fs, fe)| {
                let gap = if fe <= s {
                    text.get(fe..s)
                } else {
                    text.get(e..fs)
                };
                gap.is_some_and(|g| {
                    matches!(
                        g.trim_matches(' '),
                        "," | "och" | "og" | "eller" | "samt" | "&" | "+"
                    ) && g.len() <= 7
                })
            });
            if joined {
                found.push((s, e));
            }
            !joined
        });
        if found.len() == before {
            break;
        }
    }
    for (start, end) in found {
        out.push(Raw::redact(
            start,
            end,
            Kind::Other,
            Recognizer::ShareNumber,
            0.8,
            "a registered flat number after the word for a flat",
        ));
    }
}

/// "bodde i H0102 i <street> 10": a flat's code followed by the house it is in. The code and the house
/// together are the home's full address, so the house goes with the code (a block's house alone, where
/// no code is beside it, is a building and stays). The house: one to three capitalised words and a number
/// that ends there, after "i" or "på".
///
/// "1202/111" in a list of flats and their objects ("Lgh/Obj"): a share's or flat's number with another
/// number of the same home after a slash is one identifier, taken whole.
pub fn flat_codes_in_their_house(text: &str, raw: &mut [Raw]) {
    for r in raw.iter_mut().filter(|r| {
        r.kind == Kind::Other
            && r.decision == Decision::Redact
            && matches!(r.reason, "a flat number" | "a share or flat number")
    }) {
        let Some(rest) = text.get(r.end..) else {
            continue;
        };
        if let Some(after) = rest.strip_prefix('/') {
            let digits = after.bytes().take_while(u8::is_ascii_digit).count();
            let next = after[digits..].chars().next();
            if (1..=3).contains(&digits)
                && text[..r.end].ends_with(|c: char| c.is_ascii_digit())
                && next.is_none_or(|c| c.is_whitespace() || matches!(c, ',' | ';' | ')'))
            {
                r.end += 1 + digits;
            }
            continue;
        }
        if r.reason != "a flat number" {
            continue;
        }
        let Some(house) = rest
            .strip_prefix(" i ")
            .or_else(|| rest.strip_prefix(" på "))
        else {
            continue;
        };
        let mut len = rest.len() - house.len();
        let mut words = 0;
        let mut tail = house;
        while words < 3 && tail.starts_with(char::is_uppercase) {
            let w = tail
                .find(|c: char| !c.is_alphabetic() && c != '-')
                .unwrap_or(tail.len());
            if w < 3 || !tail[w..].starts_with(' ') {
                break;
            }
            len += w + 1;
            tail = &tail[w + 1..];
            words += 1;
        }
        let digits = tail.bytes().take_while(u8::is_ascii_digit).count();
        if words == 0 || !(1..=3).contains(&digits) {
            continue;
        }
        let end = r.end + len + digits;
        if text[end..].starts_with(|c: char| c.is_alphanumeric())
            || !building_number_ends(text, end)
        {
            continue;
        }
        r.end = end;
        r.kind = Kind::Address;
        r.reason = "a flat's code and the house it is in";
    }
}

/// Whether the number that ends a floor's address at `end` is a building's: no decimal, range or count
/// follows ("i 3. etasje i 25 år" is a time).
pub(super) fn building_number_ends(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut chars = rest.chars();
    if let (Some(',' | '.' | '-' | '–' | '/'), Some(d)) = (chars.next(), chars.next()) {
        if d.is_ascii_digit() {
            return false;
        }
    }
    let next = rest
        .trim_start()
        .split(|c: char| !c.is_alphanumeric() && c != '%' && c != '²')
        .next()
        .unwrap_or("");
    !is_one_of(next, COUNT_WORDS)
}

/// The months' names in Danish, Norwegian and Swedish, lower case (also read by the learned names'
/// rules: a month beside a number is no name).
pub(in crate::redact) const MONTH_NAMES: &[&str] = &[
    "januar",
    "januari",
    "februar",
    "februari",
    "marts",
    "mars",
    "april",
    "maj",
    "mai",
    "juni",
    "juli",
    "august",
    "augusti",
    "september",
    "oktober",
    "november",
    "december",
    "desember",
];

/// The months' short forms ("jan", "okt", "sept"), lower case: a number before one is a day ("14
/// okt."), not a home's.
pub(super) const MONTH_SHORT: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec", "des",
];

/// Whether `rest`, the text right after a number, opens with a month's name ("1. januar 2026", "3:e
/// mars", "14 okt.", "1. JANUAR"): the number is a day. A month's name capitalised is a first name after
/// a sentence's end ("Andel 7. Maj Holm har købt"), as the months are written in small letters.
pub(super) fn month_after(rest: &str) -> bool {
    let r = rest
        .strip_prefix('.')
        .or_else(|| rest.strip_prefix(":e"))
        .or_else(|| rest.strip_prefix(":a"))
        .unwrap_or(rest);
    let r = r.strip_prefix([' ', '\u{a0}']).unwrap_or(r);
    let word = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
    let small = word.starts_with(|c: char| c.is_lowercase());
    let capitals = !word.chars().any(char::is_lowercase);
    !word.is_empty()
        && (small || capitals)
        && (is_one_of(word, MONTH_NAMES) || is_one_of(word, MONTH_SHORT))
}

/// Words after a number that make it a count, a sum, a length or a time, not a building, a house or
/// a unit ("i 25 år", "4 personer", "og 11 kr.").
const COUNT_WORDS: &[&str] = &[
    "år",
    "uker",
    "uger",
    "dage",
    "dager",
    "dagar",
    "veckor",
    "måneder",
    "månader",
    "timer",
    "timmar",
    "timar",
    "minutter",
    "minuter",
    "kr",
    "kroner",
    "kronor",
    "m",
    "m2",
    "m²",
    "kvm",
    "%",
    "procent",
    "prosent",
    "pct",
    "personer",
    "person",
    "stk",
    "styk",
    "stemmer",
    "röster",
    "værelser",
    "værelse",
    "rom",
    "rum",
];

/// Words joining the items of a list of homes ("nr. 4, 6 og 8", "andel nr. 3 og 4", "Vibevej 7 och
/// 11").
const LIST_JOINS: &[&str] = &[
    ", ", " og ", " och ", " and ", " & ", " eller ", " samt ", " + ",
];

/// Whether the number at `a..end` is the next item of a list of homes (houses, shares, flats) whose
/// last one ended at `after`: only a joining word between them, and the number is no ordinal ("7, 2.
/// sal", "12. mars") nor a count or sum ("7 og 4 personer", "og 11 kr.").
pub(super) fn list_item(text: &str, after: usize, a: usize, end: usize) -> bool {
    let Some(gap) = text.get(after..a) else {
        return false;
    };
    if !LIST_JOINS.iter().any(|j| gap.eq_ignore_ascii_case(j)) {
        return false;
    }
    let rest = text.get(end..).unwrap_or("");
    if let Some(r) = rest.strip_prefix(". ") {
        // An ordinal goes on in small letters or figures; a list closing a sentence with a capital.
        return !r.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit());
    }
    let next = rest.strip_prefix([' ', '\u{a0}']).map(|r| {
        r.split(|c: char| !c.is_alphanumeric() && c != '%' && c != '²')
            .next()
            .unwrap_or("")
    });
    !next.is_some_and(|w| is_one_of(w, COUNT_WORDS))
}

/// "lägenheterna 2001–2102", "leilighetene 101-108": two numbers of as many digits joined by a dash
/// after the plural of a word for the home.
fn range_of_homes(text: &str, run: &Run) -> bool {
    let g = run.groups();
    g.len() == 2
        && g[0] == g[1]
        && (2..=4).contains(&g[0])
        && text
            .get(run.ends[0]..)
            .is_some_and(|r| r.starts_with(['-', '–']))
        && prev_words(text, run.start)
            .0
            .is_some_and(|w| is_one_of(slice(text, Some(w)), PLURAL_SHARE_CUES))
}

/// "2027-01-01–2027-12-31": two ISO dates joined by a dash, a period (a sublet's, a budget's), not an
/// account.
fn iso_date_range(run: &Run) -> bool {
    let d = run.digits();
    let n = |a: usize, b: usize| {
        d.get(a..b)
            .map(|x| x.iter().fold(0u32, |v, c| v * 10 + u32::from(c - b'0')))
    };
    let date = |at: usize| {
        n(at + 4, at + 6).is_some_and(|m| (1..=12).contains(&m))
            && n(at + 6, at + 8).is_some_and(|d| (1..=31).contains(&d))
    };
    run.shape(&[4, 2, 2, 4, 2, 2]) && date(0) && date(8)
}

/// Ten digits as an identity number is written: together, or six and four with a hyphen, a plus or a
/// space between them.
fn id_shaped(run: &Run) -> bool {
    run.nd == 10
        && (run.shape(&[10])
            || (run.shape(&[6, 4])
                && (run.has_sep(b'-') || run.has_sep(b'+') || run.has_sep(b' '))))
}

fn classify(
    text: &str,
    run: &Run,
    country: Option<Country>,
    persons: &[(usize, usize)],
) -> Option<Raw> {
    let bytes = text.as_bytes();
    let d = run.digits();
    let nd = run.nd;
    let start = run.start;
    let end = run.end;

    // "H 0301", "H-0202": a Norwegian flat code typed with a space or a hyphen after its letter.
    if let Some(s) = spaced_flat_code(bytes, run) {
        return Some(Raw::redact(
            s,
            end,
            Kind::Other,
            Recognizer::ShareNumber,
            0.8,
            "a flat number",
        ));
    }
    // Letters glued to the digits: IBAN, Norwegian flat codes, plates without a space.
    let glued = letters_before(bytes, start)?;
    if glued > 0 {
        let lstart = start - glued;
        let all_upper = bytes[lstart..start].iter().all(u8::is_ascii_uppercase);
        if glued == 2 && all_upper && nd >= 13 {
            let mut compact: Vec<u8> = bytes[lstart..start].to_vec();
            compact.extend_from_slice(d);
            let ok = checks::iban(&compact);
            return Some(Raw::redact(
                lstart,
                end,
                Kind::Account,
                Recognizer::Account,
                if ok { 0.97 } else { 0.6 },
                if ok {
                    "an IBAN (mod 97 holds)"
                } else {
                    "shaped like an IBAN"
                },
            ));
        }
        // "H0101" (also as a hurried e-mail writes it, "h0101"), "U0102", "K0101", "L0201".
        if glued == 1
            && matches!(bytes[lstart], b'H' | b'h' | b'U' | b'K' | b'L')
            && run.shape(&[4])
        {
            return Some(Raw::redact(
                lstart,
                end,
                Kind::Other,
                Recognizer::ShareNumber,
                0.8,
                "a flat number",
            ));
        }
        if glued == 1 && run.ng == 1 && nd <= 4 && space_code(text, lstart, end) {
            return Some(Raw::redact(
                lstart,
                end,
                Kind::Other,
                Recognizer::ShareNumber,
                0.8,
                "a numbered garage, parking space or storage room",
            ));
        }
        let letters = &text[lstart..start];
        let tail_letter = text.as_bytes().get(end).is_some_and(u8::is_ascii_uppercase)
            && !text
                .as_bytes()
                .get(end + 1)
                .is_some_and(u8::is_ascii_alphanumeric);
        if glued == 3
            && all_upper
            && (run.shape(&[3]) || run.shape(&[2]) && tail_letter)
            && !is_plate_stopword(letters)
        {
            let e = if run.shape(&[2]) { end + 1 } else { end };
            return Some(Raw::redact(
                lstart,
                e,
                Kind::Plate,
                Recognizer::Plate,
                0.7,
                "a car plate",
            ));
        }
        if glued == 2 && all_upper && run.shape(&[5]) && !is_plate_stopword(letters) {
            return Some(Raw::redact(
                lstart,
                end,
                Kind::Plate,
                Recognizer::Plate,
                0.8,
                "a car plate",
            ));
        }
        return None;
    }
    // Glued after the digits (units like "m2", "kWh") means a quantity.
    let after = text.get(end..).unwrap_or("");

    // Plates with a space: "ZD 41 760", "VD 48213", "ABC 123", "ABC 12D". After the word for a plate
    // or a vehicle, a scan's zero for an O among the letters too ("bil, 0KR 51B").
    let misread = || {
        plate_letters_with_a_zero(bytes, start)
            .filter(|&l| plate_cue_before(text, l) || plate_listed_before(text, l))
    };
    if let Some(lstart) = plate_letters(bytes, start).or_else(misread) {
        let letters = &text[lstart..start - 1];
        let n = letters.len();
        // After the word for a plate or a vehicle, or listed after a plate that follows one ("trailerne HU
        // 3172 og TL 5408").
        let cued = plate_cue_before(text, lstart) || plate_listed_before(text, lstart);
        let tail_letter = after.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
            && !after
                .as_bytes()
                .get(1)
                .is_some_and(u8::is_ascii_alphanumeric);
        let ok = (n == 2 && (run.shape(&[2, 3]) && run.has_sep(b' ') || run.shape(&[5])))
            || (n == 3 && (run.shape(&[3]) || (run.shape(&[2]) && tail_letter)))
            // "nummerpladen HV 4127", "reg.nr. AB 123": after the word for a plate, any plate's shape
            // (a trailer's, an older or a foreign series).
            || (cued
                && run.ng <= 2
                && (3..=6).contains(&run.nd)
                && run.seps().iter().all(|&c| c == b' '));
        // "bilen sin (ST 40 228)", "DK 90315": the Norwegian plate in full (two letters and five digits,
        // together or two and three) is no floor, side, word or country, whose letters a shorter plate's
        // shape shares ("st. 12", "TV 4", "DK-8000").
        let norwegian = n == 2
            && (run.shape(&[2, 3]) && run.has_sep(b' ') || run.shape(&[5]))
            && PLATE_LETTERS_IN_FULL.contains(&letters);
        // After a vehicle, letters that elsewhere abbreviate a word are a plate's ("bil FNR 318"), but an
        // amount's or a number's never are.
        let cued_letters =
            cued && !matches!(letters, "KR" | "NR" | "NOK" | "DKK" | "SEK" | "EUR" | "USD");
        if ok && (norwegian || cued_letters || !is_plate_stopword(letters)) {
            let e = if n == 3 && run.shape(&[2]) {
                end + 1
            } else {
                end
            };
            return Some(Raw::redact(
                lstart,
                e,
                Kind::Plate,
                Recognizer::Plate,
                0.85,
                "a car plate",
            ));
        }
    }

    let c = cues();
    let (mut w1, mut w2) = prev_words(text, start);
    // "konto\n3409217785", "tlf.\n23 61 48 05": a number that opens a line reads the cue of an
    // account, a phone or an identity number at the end of the line before, where a hard-wrapped
    // paragraph broke the line between them (no other word: a street, an amount's or a date's).
    if w1.is_none() {
        if let Some((v1, v2)) = line_before(text, start).map(|e| prev_words(text, e)) {
            let (mut b1, mut b2) = ([0u8; 32], [0u8; 32]);
            let l1 = lower(slice(text, v1), &mut b1);
            let l2 = lower(slice(text, v2), &mut b2);
            let nr = matches!(&*l1, "nr" | "nummer" | "no");
            let personal = |list: &WordSet| list.contains(&l1) || (nr && list.contains(&l2));
            if personal(&c.account) || personal(&c.phone) || personal(&c.national_id) {
                (w1, w2) = (v1, v2);
            }
        }
    }
    let p1 = slice(text, w1);
    let p2 = slice(text, w2);
    let prefix_plus = plus_before(bytes, start);
    // Lower-cased once: every cue list below is asked about the same two words.
    let (mut b1, mut b2) = ([0u8; 32], [0u8; 32]);
    let l1 = lower(p1, &mut b1);
    let l2 = lower(p2, &mut b2);
    let nr = matches!(&*l1, "nr" | "nummer" | "no");
    let cue = |list: &WordSet| list.contains(&l1) || (nr && list.contains(&l2));

    // "+46 (0)70 512 44 18": the country code, the trunk zero in brackets, then the national number.
    if let Some(s) = trunk_zero_before(bytes, start) {
        if (7..=11).contains(&nd) {
            return Some(Raw::redact(
                s,
                end,
                Kind::Phone,
                Recognizer::Phone,
                0.95,
                "a phone number with country code",
            ));
        }
    }
    // Amounts and organisation numbers stay.
    if !prefix_plus
        && (c.money.contains(&l1) || money_after(after))
        && !cue(&c.phone)
        && !cue(&c.account)
    {
        return None;
    }
    // An organisation's cue keeps its number, but not one that reads as a person's identity number:
    // no organisation's number has a real date where a CPR or a personnummer has it (a Swedish
    // organisation number's third digit is 2 or more; a sole trader's is the owner's personnummer,
    // personal data all the same), so such a number after "p", "org" or "bankgiro" goes as it goes
    // anywhere else.
    if cue(&c.org)
        && !(id_shaped(run) && (national_id::cpr(d).is_some() || national_id::personnummer(d)))
    {
        return None;
    }
    if prefix_plus && (9..=14).contains(&nd) {
        let s = plus_start(bytes, start);
        return Some(Raw::redact(
            s,
            end,
            Kind::Phone,
            Recognizer::Phone,
            0.95,
            "a phone number with country code",
        ));
    }
    if nd >= 4 && cue(&c.account) {
        // "konto 8327-9, 123 456 789-0": a Swedish clearing number followed by the account itself.
        let e = account_tail(text, end);
        return Some(Raw::redact(
            start,
            e,
            Kind::Account,
            Recognizer::Account,
            0.9,
            "a number after \"konto\"",
        ));
    }
    // "konto Swedbank 8105-9, 944 117 203-6", "Nordea 3300 1234567890": an account after its bank's
    // name, the clearing or registration number and the account, or one long number.
    // "Swedbank är 8105-9, …", "kontoen i Sparebanken er …": the bank's name a verb or preposition before.
    let bank_before = is_bank_name(&l1)
        || (matches!(&*l1, "är" | "er" | "hos" | "i" | "på") && is_bank_name(&l2));
    if nd >= 4 && bank_before {
        let e = account_tail(text, end);
        let tail = text[end..e].bytes().filter(u8::is_ascii_digit).count();
        if (tail >= 7 || (e == end && nd >= 10)) && !money_after(text.get(e..).unwrap_or("")) {
            return Some(Raw::redact(
                start,
                e,
                Kind::Account,
                Recognizer::Account,
                0.85,
                "a number after a bank's name",
            ));
        }
    }
    if nd >= 6 && cue(&c.national_id) {
        return Some(Raw::redact(
            start,
            end,
            Kind::NationalId,
            Recognizer::NationalId,
            0.95,
            "a number after an identity-number cue",
        ));
    }
    let is_dob = |w: &str| c.dob.contains(w) || c.dob_plain.contains(w);
    // "født\n07.01.1990": the line broken between the cue and the date.
    let dob_before_break = || {
        let head = text.get(..start).unwrap_or("");
        let head = head
            .strip_suffix("\r\n")
            .or_else(|| head.strip_suffix('\n'));
        head.and_then(|h| word_before(text, h.len(), &[]))
            .is_some_and(|w| is_dob(&slice(text, Some(w)).to_lowercase()))
    };
    if is_dob(&l1)
        || (matches!(&*l1, "den" | "d" | "i" | "år") && is_dob(&l2))
        || (l1.is_empty() && dob_before_break())
    {
        if let Some(e) = date_end(text, start) {
            return Some(Raw::redact(
                start,
                e,
                Kind::Other,
                Recognizer::DateOfBirth,
                0.85,
                "a date of birth",
            ));
        }
    }
    let dotted = run.has_sep(b'.') || run.has_sep(b'/');
    let first0 = d.first() == Some(&b'0');

    // "Jens Hansen (12.03.1954)": a full date right after a person's name is a date of birth.
    let full_date = run.ng == 3 && (run.groups()[2] == 4 && dotted || run.shape(&[4, 2, 2]));
    if full_date && right_after_person(text, start, persons) {
        return Some(Raw::redact(
            start,
            end,
            Kind::Other,
            Recognizer::DateOfBirth,
            0.7,
            DATE_AFTER_A_NAME,
        ));
    }

    // "0045 29 91 44 06".
    if !dotted
        && (10..=14).contains(&nd)
        && (d.starts_with(b"0045") || d.starts_with(b"0046") || d.starts_with(b"0047"))
    {
        return Some(Raw::redact(
            start,
            end,
            Kind::Phone,
            Recognizer::Phone,
            0.9,
            "a phone number with country code",
        ));
    }

    match nd {
        11 => {
            if run.shape(&[11])
                || run.shape(&[6, 5])
                || run.shape(&[4, 2, 5])
                || run.shape(&[6, 2, 3])
            {
                if national_id::fodselsnummer(d) && !run.shape(&[4, 2, 5]) {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::NationalId,
                        Recognizer::NationalId,
                        0.97,
                        "a fødselsnummer (control digits hold)",
                    ));
                }
                if checks::norwegian_account(d) {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::Account,
                        Recognizer::Account,
                        0.9,
                        "a Norwegian account number (mod 11 holds)",
                    ));
                }
                if run.shape(&[4, 2, 5]) {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::Account,
                        Recognizer::Account,
                        0.6,
                        "shaped like a Norwegian account number",
                    ));
                }
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::NationalId,
                    Recognizer::NationalId,
                    0.4,
                    "an 11-digit number",
                ));
            }
            if let Some(r) = dk_account(run) {
                return Some(r);
            }
        }
        10 => {
            if id_shaped(run) {
                let se = national_id::personnummer(d);
                let dk = national_id::cpr(d);
                if se && country == Some(Country::SE) {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::NationalId,
                        Recognizer::NationalId,
                        0.97,
                        "a personnummer (Luhn holds)",
                    ));
                }
                match dk {
                    Some(true) => {
                        return Some(Raw::redact(
                            start,
                            end,
                            Kind::NationalId,
                            Recognizer::NationalId,
                            0.97,
                            "a CPR number (date and modulus 11 hold)",
                        ))
                    }
                    Some(false) if !first0 || run.shape(&[6, 4]) => {
                        return Some(Raw::redact(
                            start,
                            end,
                            Kind::NationalId,
                            Recognizer::NationalId,
                            if se { 0.95 } else { 0.8 },
                            "a CPR number (date holds)",
                        ))
                    }
                    _ => {}
                }
                if se {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::NationalId,
                        Recognizer::NationalId,
                        0.95,
                        "a personnummer (Luhn holds)",
                    ));
                }
                if first0 {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::Phone,
                        Recognizer::Phone,
                        0.6,
                        "a phone number",
                    ));
                }
                // A Swedish organisation number: the "month" is 20 or more, which no reading of the
                // digits as a date (day-month or month-day) allows, so no identity number mistyped
                // in its serial or check digit has it. Luhn is not asked: a number written from
                // memory under the association's name fails it as often as not.
                if d.get(2).is_some_and(|&b| b >= b'2') {
                    return None;
                }
                if run.shape(&[6, 4]) && run.has_sep(b'-') {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::NationalId,
                        Recognizer::NationalId,
                        0.5,
                        "shaped like an identity number",
                    ));
                }
                return None;
            }
            if first0 && !dotted {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::Phone,
                    Recognizer::Phone,
                    0.8,
                    "a Swedish phone number",
                ));
            }
            if !dotted
                && (d.starts_with(b"45") || d.starts_with(b"46") || d.starts_with(b"47"))
                && run.groups().iter().all(|&g| g <= 4)
            {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::Phone,
                    Recognizer::Phone,
                    0.6,
                    "a phone number with country code",
                ));
            }
            if let Some(r) = dk_account(run) {
                return Some(r);
            }
        }
        12 => {
            if (run.shape(&[12]) || run.shape(&[8, 4])) && national_id::personnummer(d) {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::NationalId,
                    Recognizer::NationalId,
                    0.97,
                    "a personnummer (Luhn holds)",
                ));
            }
            if let Some(r) = dk_account(run) {
                return Some(r);
            }
        }
        8 => {
            if dotted {
                // "23.61.48.05", and the Norwegian grouping "917.00.111" (an account is 4.2.5).
                if (run.shape(&[2, 2, 2, 2]) || run.shape(&[3, 2, 3]))
                    && run.seps().iter().all(|&s| s == b'.')
                    && !first0
                {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::Phone,
                        Recognizer::Phone,
                        0.6,
                        "a phone number",
                    ));
                }
                return None;
            }
            // "26 04 2022", "03-05-2019": a date written with spaces or hyphens, day first.
            let date = run.shape(&[2, 2, 4])
                && (d[4..6] == *b"19" || d[4..6] == *b"20")
                && (1..=31).contains(&((d[0] - b'0') * 10 + (d[1] - b'0')))
                && (1..=12).contains(&((d[2] - b'0') * 10 + (d[3] - b'0')));
            if first0 {
                // "03-05-2019" in a waiting list's column is the day a member signed up, not a Swedish
                // number (those group as "08-123 45 67", "031-12 34 56").
                if date && !cue(&c.phone) {
                    return None;
                }
                if run.has_sep(b'-') || cue(&c.phone) {
                    return Some(Raw::redact(
                        start,
                        end,
                        Kind::Phone,
                        Recognizer::Phone,
                        0.7,
                        "a Swedish phone number",
                    ));
                }
                return None;
            }
            let phone_shape = [
                &[8][..],
                &[2, 2, 2, 2],
                &[4, 4],
                &[3, 2, 3],
                &[3, 5],
                &[2, 2, 4],
                &[4, 2, 2],
                &[3, 3, 2],
                &[2, 3, 3],
            ]
            .iter()
            .any(|g| run.shape(g));
            let money_like = run.shape(&[2, 3, 3]) && !cue(&c.phone);
            // "2023-2024", "1999 2000": two years, not a phone number.
            let years = run.shape(&[4, 4])
                && [&d[..4], &d[4..8]]
                    .iter()
                    .all(|y| y.starts_with(b"19") || y.starts_with(b"20"));
            // "2024-05-14": an ISO date, as Swedish minutes write them.
            let iso = run.shape(&[4, 2, 2])
                && (d[..2] == *b"19" || d[..2] == *b"20")
                && (1..=12).contains(&((d[4] - b'0') * 10 + (d[5] - b'0')))
                && (1..=31).contains(&((d[6] - b'0') * 10 + (d[7] - b'0')));
            if years || date || iso {
                return None;
            }
            if phone_shape && !money_like && !unit_after(after) {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::Phone,
                    Recognizer::Phone,
                    0.85,
                    "a phone number",
                ));
            }
        }
        9 => {
            if first0 && !dotted && run.ng >= 2 {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::Phone,
                    Recognizer::Phone,
                    0.8,
                    "a Swedish phone number",
                ));
            }
            if cue(&c.phone) && !dotted {
                return Some(Raw::redact(
                    start,
                    end,
                    Kind::Phone,
                    Recognizer::Phone,
                    0.7,
                    "a phone number",
                ));
            }
        }
        13 | 14 => {
            if let Some(r) = dk_account(run) {
                return Some(r);
            }
        }
        _ => {}
    }
    if (15..=30).contains(&nd) && !dotted && run.groups().iter().all(|&g| g == 4 || g <= 4) {
        return Some(Raw::redact(
            start,
            end,
            Kind::Account,
            Recognizer::Account,
            0.5,
            "a long account-like number",
        ));
    }
    if nd <= 4 && run.ng == 1 {
        if let Some(r) = address(text, run) {
            return Some(r);
        }
        if let Some(r) = postal_address(text, run, persons) {
            return Some(r);
        }
        // "Storgatan 4, 1102": a Swedish flat number right after its house is the resident's address.
        let town_after = after
            .strip_prefix(' ')
            .is_some_and(|a| a.starts_with(char::is_uppercase));
        if let Some(s) = lagenhetsnummer(text, run, &l1, country)
            .and(house_before(text, run.start))
            .filter(|_| !town_after)
        {
            return Some(Raw::redact(
                s,
                end + letter_suffix(after),
                Kind::Address,
                Recognizer::Address,
                0.85,
                "a street address with flat number",
            ));
        }
        // "lägenheterna 1001–1202": a plural before a range names many homes.
        let plural_range = |s: usize| {
            let cue = text
                .get(s..)
                .and_then(|t| t.split(|c: char| !c.is_alphabetic()).next());
            cue.is_some_and(|w| is_one_of(w, PLURAL_SHARE_CUES)) && !building_number_ends(text, end)
        };
        if let Some(s) = share_cue_start(text, w1, w2, &l1, &l2)
            .filter(|&s| !plural_range(s))
            .or_else(|| after_person(text, w1, persons))
            .or_else(|| space_cue_start(text, w1, w2, &l1, &l2))
            .or_else(|| lagenhetsnummer(text, run, &l1, country))
            .or_else(|| unit_right_after_person(text, run, persons))
            // "overtager lejligheden 1. januar": a day after the flat's word, not its number.
            .filter(|_| !month_after(after))
        {
            let e = end + letter_suffix(after);
            let e = e + code_suffix(text.get(e..).unwrap_or(""));
            let e = e + spoken_house_after(text.get(e..).unwrap_or(""));
            return Some(Raw::redact(
                s,
                e,
                Kind::Other,
                Recognizer::ShareNumber,
                0.8,
                "a share or flat number",
            ));
        }
    }
    None
}

/// "lgh 1201 på 14:an", "lgh 1102 i 16:an": the Swedish house by its number as a noun right after a
/// flat's number, which it places; the length of " på 14:an" or 0.
fn spoken_house_after(rest: &str) -> usize {
    let Some(r) = rest
        .strip_prefix(" på ")
        .or_else(|| rest.strip_prefix(" i "))
    else {
        return 0;
    };
    let d = r.len() - r.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if !(1..=3).contains(&d) || !r[d..].starts_with(":an") {
        return 0;
    }
    let end = d + 3;
    if r[end..].starts_with(|c: char| c.is_alphanumeric()) {
        return 0;
    }
    rest.len() - r.len() + end
}

/// A Danish reg.nr. and account number written together: "1551-0004218653", "1551 0004218653".
fn dk_account(run: &Run) -> Option<Raw> {
    let g = run.groups();
    if g.len() == 2
        && g[0] == 4
        && (7..=10).contains(&g[1])
        && !run.has_sep(b'.')
        && !run.has_sep(b'/')
    {
        return Some(Raw::redact(
            run.start,
            run.end,
            Kind::Account,
            Recognizer::Account,
            0.8,
            "a Danish reg. and account number",
        ));
    }
    None
}

/// How many ASCII letters are glued to the digits at `start`; `None` when they end a longer word with
/// non-ASCII letters ("Æ0"), which is no code anyone writes.
fn letters_before(bytes: &[u8], start: usize) -> Option<usize> {
    let mut n = 0;
    while n < start && bytes[start - n - 1].is_ascii_alphabetic() {
        n += 1;
    }
    if start > n && bytes[start - n - 1] >= 0x80 {
        return (n == 0).then_some(0);
    }
    Some(n)
}

/// Where a Norwegian flat code written apart starts: the letter alone (H, U, K or L, a capital), one
/// space or hyphen, and four digits whose floor is 01–19 ("H 0301", "H-0202", "U 0101").
fn spaced_flat_code(bytes: &[u8], run: &Run) -> Option<usize> {
    let start = run.start;
    if start < 2 || !run.shape(&[4]) || !matches!(bytes[start - 1], b' ' | b'-') {
        return None;
    }
    if !matches!(bytes[start - 2], b'H' | b'U' | b'K' | b'L') {
        return None;
    }
    if start >= 3 && (bytes[start - 3].is_ascii_alphanumeric() || bytes[start - 3] >= 0x80) {
        return None;
    }
    matches!(run.digits().first(), Some(b'0' | b'1')).then_some(start - 2)
}

/// The words for a car's or a trailer's plate, before the plate ("nummerpladen HV 4127").
const PLATE_CUES: &[&str] = &[
    "nummerplade",
    "nummerpladen",
    "nummerplader",
    "nummerplate",
    "nummerplaten",
    "nummerskilt",
    "nummerskiltet",
    "kjennemerke",
    "kjennemerket",
    "kjennemerkje",
    "registreringsnummer",
    "registreringsnummeret",
    "registreringsnumret",
    "registreringsnr",
    "regnr",
    "reg.nr",
    "registreringsskylt",
    "registreringsskylten",
    "skylten",
    "bilnummer",
    "bilnumret",
    "bilnummeret",
    // A vehicle's noun right before its plate ("en trailer (CX 2208)", "bobilen BT 4471"): any plate's
    // shape after one, as after the word for a plate.
    "bil",
    "bilen",
    "varebil",
    "varebilen",
    "bobil",
    "bobilen",
    "husbil",
    "husbilen",
    "trailer",
    "traileren",
    "trailern",
    "anhænger",
    "anhængeren",
    "henger",
    "hengeren",
    "tilhenger",
    "tilhengeren",
    "släp",
    "släpet",
    "släpvagn",
    "släpvagnen",
    "campingvogn",
    "campingvognen",
    "campingvogna",
    "husvagn",
    "husvagnen",
    "autocamper",
    "autocamperen",
    "motorcykel",
    "motorcyklen",
    "motorsykkel",
    "motorsykkelen",
    "motorcykeln",
    "knallert",
    "knallerten",
    // The plural, before a list of plates ("trailerne HU 3172 og TL 5408").
    "bilerne",
    "bilene",
    "bilarna",
    "trailerne",
    "trailerna",
    "anhængerne",
    "hengerne",
    "hengarane",
    "campingvognene",
    "campingvognerne",
    "husvagnarna",
    "släpen",
];

/// Whether the word for a plate stands right before `at` ("nummerpladen HV", "reg.nr. HV", "reg. nr.
/// HV", "skylten: HV").
fn plate_cue_before(text: &str, at: usize) -> bool {
    let head = text
        .get(..at)
        .unwrap_or("")
        .trim_end_matches([' ', ':', '.', '(', ',', '\u{a0}']);
    let word = head
        .rsplit(|c: char| !(c.is_alphanumeric() || c == '.'))
        .next()
        .unwrap_or("")
        .trim_start_matches('.');
    if is_one_of(word, PLATE_CUES) {
        return true;
    }
    // "reg. nr. HV 4127": the short form in two words.
    let Some(head) = head
        .strip_suffix("nr")
        .or_else(|| head.strip_suffix("Nr"))
        .map(|h| h.trim_end_matches([' ', '.']))
    else {
        return false;
    };
    head.rsplit(|c: char| !c.is_alphanumeric())
        .next()
        .is_some_and(|w| is_one_of(w, &["reg", "registrerings"]))
}

/// Whether a plate after the word for a plate or a vehicle ends right before `at`, past "og", "och", "and",
/// "&" or a comma: the next plate of a list ("trailerne HU 3172 og TL 5408", "bilarna ABC 123, DEF 456").
fn plate_listed_before(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    let Some(head) = [" og ", " och ", " and ", " & ", ", "]
        .iter()
        .find_map(|j| head.strip_suffix(j))
    else {
        return false;
    };
    // The plate before: its digits in one group or two ("HU 3172", "ZD 41 760"), a space, two or three
    // capitals.
    let digits = |h: &str| h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    let d = digits(head);
    if !(2..=5).contains(&d) {
        return false;
    }
    let Some(mut h) = head[..head.len() - d].strip_suffix(' ') else {
        return false;
    };
    let d2 = digits(h);
    if (2..=3).contains(&d2) {
        match h[..h.len() - d2].strip_suffix(' ') {
            Some(inner) => h = inner,
            None => return false,
        }
    }
    let caps = h.len() - h.trim_end_matches(|c: char| c.is_ascii_uppercase()).len();
    (2..=3).contains(&caps) && plate_cue_before(text, h.len() - caps)
}

/// Start of 2–3 upper-case letters standing alone, followed by one space, right before `start`.
fn plate_letters(bytes: &[u8], start: usize) -> Option<usize> {
    if start < 3 || bytes[start - 1] != b' ' {
        return None;
    }
    let mut s = start - 1;
    while s > 0 && bytes[s - 1].is_ascii_uppercase() {
        s -= 1;
    }
    let n = start - 1 - s;
    if !(2..=3).contains(&n) {
        return None;
    }
    if s > 0
        && (bytes[s - 1].is_ascii_alphanumeric()
            || bytes[s - 1] >= 0x80
            || bytes[s - 1] == b'-'
            || bytes[s - 1] == b'/')
    {
        return None;
    }
    Some(s)
}

/// [`plate_letters`] where one of the two or three letters is a zero, as a scan reads an O ("0KR 51B").
fn plate_letters_with_a_zero(bytes: &[u8], start: usize) -> Option<usize> {
    if start < 3 || bytes[start - 1] != b' ' {
        return None;
    }
    let mut s = start - 1;
    while s > 0 && (bytes[s - 1].is_ascii_uppercase() || bytes[s - 1] == b'0') {
        s -= 1;
    }
    let letters = &bytes[s..start - 1];
    let zeros = letters.iter().filter(|&&b| b == b'0').count();
    let before_ok = s == 0 || !(bytes[s - 1].is_ascii_alphanumeric() || bytes[s - 1] >= 0x80);
    ((2..=3).contains(&letters.len()) && zeros == 1 && before_ok).then_some(s)
}

fn is_plate_stopword(letters: &str) -> bool {
    PLATE_NOT.contains(&letters)
}

fn plus_before(bytes: &[u8], start: usize) -> bool {
    (start >= 1 && bytes[start - 1] == b'+')
        || (start >= 2 && bytes[start - 2] == b'+' && bytes[start - 1] == b' ')
}

/// Where "+46 (0)" (a plus, a country code of two or three digits, a space or none, the trunk zero in
/// brackets, a space or none) ends right at `start`: the offset of its plus.
fn trunk_zero_before(bytes: &[u8], start: usize) -> Option<usize> {
    let head = &bytes[..start];
    let head = head.strip_suffix(b" ").unwrap_or(head);
    let head = head.strip_suffix(b"(0)")?;
    let head = head.strip_suffix(b" ").unwrap_or(head);
    let digits = head.iter().rev().take_while(|b| b.is_ascii_digit()).count();
    let plus = head.len().checked_sub(digits + 1)?;
    ((2..=3).contains(&digits) && head[plus] == b'+').then_some(plus)
}

fn plus_start(bytes: &[u8], start: usize) -> usize {
    if start >= 1 && bytes[start - 1] == b'+' {
        start - 1
    } else {
        start.saturating_sub(2)
    }
}

fn money_after(after: &str) -> bool {
    let a = after.trim_start_matches(' ');
    a.starts_with(",-")
        || a.starts_with(":-")
        || a.starts_with(",00")
        || a.starts_with('%')
        || a.starts_with("kr")
        || a.starts_with("mio")
        || a.starts_with("mill")
        || a.starts_with("DKK")
        || a.starts_with("NOK")
        || a.starts_with("SEK")
        || a.starts_with("€")
}

/// A unit right after the number ("m²", "kWh", "stk") makes it a quantity.
fn unit_after(after: &str) -> bool {
    let a = after.trim_start_matches(' ');
    ["m²", "m2", "kwh", "kWh", "stk", "liter", "kg", "km"]
        .iter()
        .any(|u| a.starts_with(u))
}

/// "bustad 7-1B", "leiligheten 4-UA": the rest of a unit's code after its first number, a hyphen or an
/// en dash and up to three letters or digits that end a word; its length in bytes, or 0.
fn code_suffix(after: &str) -> usize {
    let Some(dash) = after.chars().next().filter(|c| matches!(c, '-' | '–')) else {
        return 0;
    };
    let rest = &after[dash.len_utf8()..];
    let n = rest.bytes().take_while(u8::is_ascii_alphanumeric).count();
    let ends = !rest[n..].starts_with(|c: char| c.is_alphanumeric() || c == '-');
    if (1..=3).contains(&n) && ends {
        dash.len_utf8() + n
    } else {
        0
    }
}

fn letter_suffix(after: &str) -> usize {
    let b = after.as_bytes();
    if b.first().is_some_and(u8::is_ascii_uppercase)
        && !b.get(1).is_some_and(u8::is_ascii_alphanumeric)
    {
        1
    } else {
        0
    }
}

fn regex(cell: &'static OnceLock<Option<Regex>>, pattern: &str) -> Option<&'static Regex> {
    cell.get_or_init(|| Regex::new(pattern).ok()).as_ref()
}

/// [`regex`] for a pattern searched only anchored at its haystack's start ([`AnchoredPattern`]).
fn anchored(
    cell: &'static OnceLock<Option<AnchoredPattern>>,
    pattern: &str,
) -> Option<&'static AnchoredPattern> {
    cell.get_or_init(|| AnchoredPattern::new(pattern)).as_ref()
}

/// The end of a date written at `start`: "12.03.1954", "12. marts 1954", "1954-03-12", "1954".
fn date_end(text: &str, start: usize) -> Option<usize> {
    static RE: OnceLock<Option<Regex>> = OnceLock::new();
    let re = regex(
        &RE,
        r"^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}|\d{1,2}\.? ?(?:\p{L}+\.?) \d{4}|\d{4})",
    )?;
    re.find(text.get(start..)?).map(|m| start + m.end())
}

/// A resident's address: a street and house number followed by floor and side or a flat code
/// ("Rønnebærvej 14, 1. th.", "Elvebakken 3, H0101", "Storgatan 5, lgh 1102"), or a Swedish ground floor
/// ("Storgatan 5, bv", "…, bottenvåningen"), as "Storgatan 5, 2 tr" is, the entrance perhaps between
/// ("Storgatan 5, uppgång C, bottenvåningen", "Storvej 9, opg. B, 2. th."), the floor perhaps in words
/// ("Bakkevegen 4, andre etasje", "Storgatan 5, andra våningen") or named by a word that is a home's floor
/// ("Bakkevegen 4, underetasjen", "Storvej 9, stuen"; not a cellar, loft or attic, which are storage as
/// often as homes). Without the floor it is a place and stays.
fn address(text: &str, run: &Run) -> Option<Raw> {
    // Searched only anchored after a house number: compiled forward only.
    static RE: OnceLock<Option<AnchoredPattern>> = OnceLock::new();
    let re = anchored(
        &RE,
        r"(?i)^(?: ?[A-Z](?:[^\p{L}\d]|$))?(?:, ?(?:uppgång|uppg\.|ingång|opgang|opg\.|oppgang|oppg\.|inngang) ?[A-Z0-9]{1,2}\b)?,? {0,2}(?:(?:st|kl|kld|stuen|\d{1,2})\.? ?(?:tv|th|mf|t\.v|t\.h)\b\.?|(?:st|kl|kld)\.|\d{1,2}\.? ?(?:sal|etasjen|etasje|etage|etg|et|tr|trappor|trappa|vån|våning)\b\.?|(?:bv|bottenvåningen|bottenvåning|entréplanet|entréplan|underetasjen|underetasje|underetasjar|sokkeletasjen|sokkeletasje|sokkelleiligheten|sokkelhusværet|grunnetasjen|loftsetasjen|loftsetasje|toppetasjen|toppetasje|stuen|stueetagen|tagetagen|toppetagen|souterrängen|suterrengen)\b|(?:første|forste|fyrste|andre|anden|tredje|fjerde|femte|sjette|första|andra|fjärde|sjätte|øverste|översta) (?:etasje|etasjen|etasjar|etage|sal|høgda|våningen|våning|vån)\b\.?|[HUKL]\d{4}\b|(?:lgh|lägenhet|leil|leilighet|lejl|lejlighed|bolig|bolignr|bolignummer)\.? ?(?:nr\.? ?)?[A-Z]?\d{1,4}\b)",
    )?;
    // The street first: it is cheap and rules out most numbers before the pattern runs.
    let street = street_start(text, run.start)?;
    let after = text.get(run.end..)?;
    let m_end = re.find_end(after)?;
    // "Dalumvej 44, kl. 19.30": "kl." before a time is the clock, not the basement.
    let clock = after[..m_end]
        .trim_end_matches('.')
        .to_lowercase()
        .ends_with("kl")
        && after[m_end..]
            .trim_start()
            .starts_with(|c: char| c.is_ascii_digit());
    // "Plats: Föreningslokalen, Storgatan 11, bottenvåningen": the floor of the association's own room.
    if clock || crate::redact::common_room_before(text, street, false) {
        return None;
    }
    Some(Raw::redact(
        street,
        run.end + m_end,
        Kind::Address,
        Recognizer::Address,
        0.9,
        "a street address with floor or flat",
    ))
}

/// "Hansen, Søndergade 7, 8700 Horsens", "oplyst adressen Storgatan 5, 722 15 Västerås": a street address
/// with its postcode and town is a person's home right after their name, or where the sentence names a
/// person and calls it an address ("nye adresse", "adressen … for post"); a firm's or the association's
/// address stays (no person before it, or no word for an address).
fn postal_address(text: &str, run: &Run, persons: &[(usize, usize)]) -> Option<Raw> {
    // Searched only anchored after a house number: compiled forward only.
    static RE: OnceLock<Option<AnchoredPattern>> = OnceLock::new();
    let re = anchored(
        &RE,
        r"^[A-Z]?, (?:\d{4}|\d{3} \d{2}) \p{Lu}[\p{L}-]+(?: (?:\p{Lu}[\p{L}-]*))?",
    )?;
    let after = text.get(run.end..)?;
    if !after.starts_with(|c: char| c == ',' || c.is_ascii_uppercase()) {
        return None;
    }
    let street = street_start(text, run.start)?;
    let m_end = re.find_end(after)?;
    let tied = right_after_person(text, street, persons) || {
        let head = text.get(..street)?;
        // The sentence starts after a stop before a capital, or a blank line; a line's end inside a
        // sentence and an abbreviation's stop ("fødselsnr.\n290885 …, adresse nå: …") go on.
        let lo = (street.saturating_sub(200)..=street).find(|&i| text.is_char_boundary(i))?;
        let from = head[lo..]
            .match_indices(['\n', '.', '!', '?'])
            .rev()
            .find(|&(i, m)| {
                let rest = head[lo + i + 1..].trim_start_matches([' ', '\t', '\r']);
                if m == "\n" {
                    rest.starts_with('\n')
                } else {
                    rest.trim_start().starts_with(char::is_uppercase)
                }
            })
            .map_or(lo, |(i, _)| lo + i + 1);
        let sentence = text.get(from..street)?;
        sentence.to_lowercase().contains("adress")
            && persons.iter().any(|&(a, b)| a >= from && b <= street)
    };
    if !tied {
        return None;
    }
    Some(Raw::redact(
        street,
        run.end + m_end,
        Kind::Address,
        Recognizer::Address,
        0.8,
        "a person's street address with postcode and town",
    ))
}

/// Start of the street name right before a house number: one or more capitalised words, or a capitalised
/// word followed by a street word ("Karl Johans gate 12").
fn street_start(text: &str, num_start: usize) -> Option<usize> {
    if !text.get(..num_start)?.ends_with(' ') {
        return None;
    }
    let (a, b) = word_before(text, num_start, &['.'])?;
    // "Kvarngränd 4, 2 tr" or the street cut short with a stop, "Kvarngr. 4, 2 tr", "Lyngbakkev. 3,
    // 1. th.": a capitalised word of five letters or more before the stop.
    let cut = b + 2 == num_start
        && text.get(b..b + 1) == Some(".")
        && text.get(a..b).is_some_and(|w| w.chars().count() >= 5);
    if b + 1 != num_start && !cut {
        return None;
    }
    let w = text.get(a..b)?;
    let mut st = if cut {
        if !w.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        a
    } else if w.chars().next().is_some_and(char::is_uppercase) {
        a
    } else if is_one_of(w, STREET_WORDS) {
        let (a2, b2) = word_before(text, a, &[])?;
        let w2 = text.get(a2..b2)?;
        if b2 + 1 != a || !w2.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        a2
    } else {
        return None;
    };
    // "Gamle Kongevej", "Øvre Slottsgate": up to two more capitalised words.
    for _ in 0..2 {
        let Some((a2, b2)) = word_before(text, st, &[]) else {
            break;
        };
        let ok = b2 + 1 == st
            && text.get(b2..st) == Some(" ")
            && !text
                .get(..a2)
                .and_then(|h| h.chars().next_back())
                .is_some_and(char::is_alphanumeric)
            && text
                .get(a2..b2)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
        if !ok {
            break;
        }
        st = a2;
    }
    Some(st)
}

/// `word` in lower case, as `to_lowercase` gives it, without allocating when it already is or when it
/// is short and holds only ASCII and Latin-1 letters (`buf` holds the lowered copy then; a capital
/// À–Þ but × is `0xC3 0x80..=0x9E` in UTF-8 and its small letter that plus `0x20`).
fn lower<'a>(word: &'a str, buf: &'a mut [u8; 32]) -> std::borrow::Cow<'a, str> {
    let bytes = word.as_bytes();
    if bytes.iter().all(u8::is_ascii_lowercase) {
        return std::borrow::Cow::Borrowed(word);
    }
    if bytes.len() <= buf.len() {
        let mut i = 0;
        let mut latin1 = true;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                buf[i] = b.to_ascii_lowercase();
                i += 1;
            } else if b == 0xC3 && i + 1 < bytes.len() {
                let c = bytes[i + 1];
                buf[i] = b;
                buf[i + 1] = if (0x80..=0x9E).contains(&c) && c != 0x97 {
                    c + 0x20
                } else {
                    c
                };
                i += 2;
            } else {
                latin1 = false;
                break;
            }
        }
        if latin1 {
            if let Ok(s) = std::str::from_utf8(&buf[..bytes.len()]) {
                return std::borrow::Cow::Borrowed(s);
            }
        }
    }
    std::borrow::Cow::Owned(word.to_lowercase())
}

/// Whether `word` (lower case) is a bank's name or ends like one ("swedbank", "handelsbanken", "bank" of
/// "Danske Bank", "nordea", "seb", "dnb").
fn is_bank_name(word: &str) -> bool {
    word.ends_with("bank")
        || word.ends_with("banken")
        || matches!(
            word,
            "nordea" | "seb" | "dnb" | "nykredit" | "länsförsäkringar" | "danske" | "jyske"
        )
}

/// The end of a second digit group right after an account number (", 123 456 789-0").
fn account_tail(text: &str, end: usize) -> usize {
    let bytes = text.as_bytes();
    let mut i = end;
    while i < bytes.len() && i < end + 2 && matches!(bytes[i], b',' | b' ') {
        i += 1;
    }
    if i == end || !bytes.get(i).is_some_and(u8::is_ascii_digit) {
        return end;
    }
    let mut last_digit = end;
    let mut digits = 0;
    while i < bytes.len()
        && (bytes[i].is_ascii_digit()
            || ((bytes[i] == b' ' || bytes[i] == b'-')
                && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)))
    {
        if bytes[i].is_ascii_digit() {
            digits += 1;
            last_digit = i + 1;
        }
        i += 1;
    }
    if digits >= 5 {
        last_digit
    } else {
        end
    }
}

/// Whether only " (", ", " or ", f. " separates `start` from the end of a person's name.
fn right_after_person(text: &str, start: usize, persons: &[(usize, usize)]) -> bool {
    let i = persons.partition_point(|&(s, _)| s < start);
    let Some(&(_, pe)) = i.checked_sub(1).and_then(|j| persons.get(j)) else {
        return false;
    };
    let Some(gap) = text.get(pe..start) else {
        return false;
    };
    let gap = gap.trim_matches(|c: char| c == ' ' || c == '(' || c == ',');
    gap.is_empty() || matches!(gap, "f." | "født" | "fødd" | "född" | "f")
}

/// "Fru Tranberg (nr. 1)", "Hansen, nr. 4", "Mette fra nr. 12": a number right after a person's name.
fn after_person(
    text: &str,
    w1: Option<(usize, usize)>,
    persons: &[(usize, usize)],
) -> Option<usize> {
    let (a, b) = w1?;
    if !is_one_of(text.get(a..b)?, &["nr", "nummer", "no"]) {
        return None;
    }
    let i = persons.partition_point(|&(s, _)| s < a);
    let &(_, pe) = persons.get(i.checked_sub(1)?)?;
    let gap = text
        .get(pe..a)?
        .trim_matches(|c: char| c == ' ' || c == '(' || c == ',');
    (gap.is_empty() || is_one_of(gap, &["fra", "i", "på", "från", "frå", "til", "till"]))
        .then_some(a)
}

/// A unit number of three or four digits right after a person's name, in brackets or after "fra"/"i"
/// ("Evald Brøndum (303)", "Ruth Kirk fra 103"): the tenancy or flat without "nr.". Two digits there are an
/// age ("Viggo (19)"), four may be a year ("Hansen fra 1998"), and a counted thing is no unit ("i 300 år").
fn unit_right_after_person(text: &str, run: &Run, persons: &[(usize, usize)]) -> Option<usize> {
    if !(run.shape(&[3]) || run.shape(&[4])) {
        return None;
    }
    let d = run.digits();
    if d.len() == 4 && matches!(&d[..2], b"19" | b"20") {
        return None;
    }
    let head = text.get(..run.start)?;
    let after = text.get(run.end..)?;
    let (name_end, closed) = if let Some(h) = head.strip_suffix('(') {
        (h.trim_end_matches(' ').len(), after.starts_with(')'))
    } else {
        let h = head.strip_suffix(' ')?;
        let (a, b) = word_before(text, h.len(), &[])?;
        if b != h.len() || !is_one_of(text.get(a..b)?, &["fra", "i", "på", "från", "frå"]) {
            return None;
        }
        let next = after.chars().next();
        (
            text.get(..a)?.trim_end_matches(' ').len(),
            next.is_none_or(|c| matches!(c, ',' | '.' | ')' | ';' | '\n' | ' ')),
        )
    };
    if !closed {
        return None;
    }
    // A counted thing after the number ("fra 300 kroner", "i 120 år") is no unit.
    let word: String = after
        .trim_start_matches(' ')
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    if cues().money.contains(&word)
        || matches!(
            word.as_str(),
            "år" | "kr" | "m2" | "kvm" | "meter" | "dage" | "dager" | "dagar" | "timer" | "timmar"
        )
    {
        return None;
    }
    let i = persons.partition_point(|&(s, _)| s < name_end);
    let &(_, pe) = persons.get(i.checked_sub(1)?)?;
    (pe == name_end).then_some(run.start)
}

/// Start of a cue like "andel nr." before a share or flat number, also with the number put after a
/// comma ("har sat sin andel, nr. 45, til salg", "lägenheten, nr 12,").
fn share_cue_start(
    text: &str,
    w1: Option<(usize, usize)>,
    w2: Option<(usize, usize)>,
    l1: &str,
    l2: &str,
) -> Option<usize> {
    if cues().share.contains(l1) {
        return w1.map(|(a, _)| a);
    }
    if matches!(l1, "nr" | "nummer" | "no") {
        if cues().share.contains(l2) {
            return w2.map(|(a, _)| a);
        }
        // "sin andel, nr. 45": the share's word, a comma, then its number.
        if w2.is_none() {
            let head = text[..w1?.0].trim_end_matches([' ', '\u{a0}']);
            if let Some(head) = head.strip_suffix(',') {
                if let Some((a, _)) = word_before(text, head.len(), &[])
                    .filter(|&(a, b)| cues().share.contains_fold(&text[a..b]))
                {
                    return Some(a);
                }
            }
        }
        // "Mette fra nr. 12", "andelshaveren i nr. 4": a unit, not an issue of a magazine.
        if matches!(l2, "fra" | "i" | "på" | "från" | "frå" | "til" | "till") {
            return w1.map(|(a, _)| a);
        }
        // "föreningens nr 17", "borettslagets nr. 4": a unit in the association's own numbering.
        if matches!(
            l2,
            "föreningens" | "foreningens" | "borettslagets" | "sameiets" | "lagets" | "brf:ens"
        ) {
            return w2.map(|(a, _)| a);
        }
    }
    None
}

/// Numbered parking spaces and storage rooms. A board numbers them to give each to one resident, so "P-plads
/// 4", "bod 14", "förråd nr 7" in minutes places a person as surely as a flat number does ("Poul Eriks
/// P-plads 4 flyttes", "mugg i boden, nr. 12"). Rooms everyone shares ("cykelrum", "tørkerom") carry no
/// number of a resident and are not here.
const SPACE_CUES: &[&str] = &[
    // Parking spaces (the "p-" forms are matched on their last part after "p-", see `space_cue_start`).
    "parkeringsplads",
    "parkeringspladsen",
    "parkeringsplass",
    "parkeringsplassen",
    "parkeringsplats",
    "parkeringsplatsen",
    "garasjeplass",
    "garageplats",
    "garageplads",
    // Storage rooms.
    "kælderrum",
    "kælderrummet",
    "depotrum",
    "depotrummet",
    "pulterrum",
    "pulterrummet",
    "loftsrum",
    "bod",
    "boden",
    "kjellerbod",
    "kjellerboden",
    "loftsbod",
    "sportsbod",
    "sportsboden",
    "förråd",
    "förrådet",
    "källarförråd",
    "källarförrådet",
    "vindsförråd",
    "vindsförrådet",
];

/// Start of a numbered parking space or storage room before the number: "P-plads 4", "p-plass nr. 11",
/// "kælderrum 17", "förråd nr 7".
fn space_cue_start(
    text: &str,
    w1: Option<(usize, usize)>,
    w2: Option<(usize, usize)>,
    l1: &str,
    l2: &str,
) -> Option<usize> {
    static SPACES: OnceLock<WordSet> = OnceLock::new();
    let spaces = SPACES.get_or_init(|| WordSet::new(SPACE_CUES));
    let (word, lw) = if matches!(l1, "nr" | "nummer" | "no") {
        (w2?, l2)
    } else {
        (w1?, l1)
    };
    if spaces.contains(lw) {
        return Some(word.0);
    }
    // "P-plads", "p-plass", "p-plats": the word reads as "plads" after a "p-" of its own.
    if matches!(
        lw,
        "plads" | "pladsen" | "plass" | "plassen" | "plats" | "platsen"
    ) {
        let head = text.get(..word.0)?;
        let lone_p = head.strip_suffix('-').is_some_and(|p| {
            p.ends_with(['p', 'P']) && !p[..p.len() - 1].ends_with(super::text::is_word_char)
        });
        if lone_p {
            return Some(word.0 - 2);
        }
        // "plats 7", "plass 5" without the "p-": a parking space where the paragraph speaks of parking
        // (a garage, a queue for spaces, a car, a charger); "på plats 2 i samlingslokalen" is no space.
        if paragraph_speaks_of_parking(text, word.0) {
            return Some(word.0);
        }
    }
    None
}

/// Where the street of a house number ends right before `at` with a comma ("Storgatan 4, ", "Storgatan
/// 4 B, "): the street's start.
fn house_before(text: &str, at: usize) -> Option<usize> {
    let head = text.get(..at)?;
    let head = head.strip_suffix(' ').unwrap_or(head).strip_suffix(',')?;
    let head = head
        .strip_suffix(|c: char| c.is_ascii_uppercase())
        .map_or(head, |h| h.strip_suffix(' ').unwrap_or(h));
    let digits = head.bytes().rev().take_while(u8::is_ascii_digit).count();
    if !(1..=3).contains(&digits) {
        return None;
    }
    street_start(text, head.len() - digits)
}

/// A Swedish lägenhetsnummer standing alone ("överlåtelse av 1201 i 4A", "avgiften till 1202"): four
/// digits, the floor counted from 10 for the ground floor (10–15, "BV" to "5 tr") and the flat on it (01–30),
/// in a Swedish association's text (or one that speaks of lägenheter). The shape rules out years and times
/// in minutes; amounts are out before this ("1201 kr"), quantities here ("1200 kvm").
fn lagenhetsnummer(text: &str, run: &Run, l1: &str, country: Option<Country>) -> Option<usize> {
    let d = run.digits();
    if !run.shape(&[4]) || d.len() != 4 {
        return None;
    }
    let floor = (d[0] - b'0') * 10 + (d[1] - b'0');
    let flat = (d[2] - b'0') * 10 + (d[3] - b'0');
    if !(10..=15).contains(&floor) || !(1..=30).contains(&flat) {
        return None;
    }
    // "kl. 1015", "år 1201", "1201-talet", "1001–1202" (a range of numbers counts, it names no flat).
    if matches!(
        l1,
        "kl" | "klockan" | "år" | "året" | "sida" | "sidan" | "s"
    ) {
        return None;
    }
    let after = text.get(run.end..).unwrap_or("");
    let mut next = after.chars();
    // "1101:an", "1101:ans förråd": the number with the definite ending Swedish writes after a colon.
    let definite = after.strip_prefix(':').is_some_and(|rest| {
        let ending: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
        matches!(
            ending.as_str(),
            "an" | "ans" | "en" | "ens" | "orna" | "ornas"
        )
    });
    if !definite
        && matches!(next.next(), Some('-' | '–' | ':' | '.' | ','))
        && next.next().is_some_and(char::is_alphanumeric)
    {
        return None;
    }
    let unit: String = after
        .trim_start_matches([' ', '\u{a0}'])
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '²')
        .collect::<String>()
        .to_lowercase();
    if matches!(
        unit.as_str(),
        "kvm"
            | "m2"
            | "m²"
            | "st"
            | "meter"
            | "liter"
            | "kwh"
            | "mwh"
            | "sek"
            | "kronor"
            | "personer"
    ) {
        return None;
    }
    let mut before = text.get(..run.start).unwrap_or("").chars().rev();
    if matches!(before.next(), Some('-' | '–')) && before.next().is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    // "(1999:1229)", "SFS 2010:1210": a statute's number after the year it was issued and a colon.
    let head = text.get(..run.start).unwrap_or("");
    if let Some(h) = head.strip_suffix(':') {
        let year = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
        if year == 4 && !h[..h.len() - 4].ends_with(|c: char| c.is_ascii_digit()) {
            return None;
        }
    }
    let bytes = text.as_bytes();
    let speaks_of_flats = memchr::memmem::find(bytes, "genhet".as_bytes()).is_some()
        || ["lgh", "Lgh", "LGH"]
            .iter()
            .any(|w| memchr::memmem::find(bytes, w.as_bytes()).is_some());
    (country == Some(Country::SE) || speaks_of_flats).then_some(run.start)
}

/// A garage, a parking space or a storage room by its code, a capital and its number ("G1", "P7", "F1303"),
/// as a register of spaces writes them and minutes copy them ("Hampus hyr garage G1", "(G5 Hampus E., P3
/// Robin)", "förråd F1303"): "G" and "P" in a paragraph about parking, "F" (förråd) in one about storage
/// rooms. The code stands alone ("G5-mødet", "P1-radio", "F16a" are something else).
fn space_code(text: &str, lstart: usize, end: usize) -> bool {
    let bytes = text.as_bytes();
    if bytes
        .get(end)
        .is_some_and(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'/' | b'_' | b'@'))
    {
        return false;
    }
    match bytes[lstart] {
        b'G' | b'P' => paragraph_speaks_of_parking(text, lstart),
        b'F' => paragraph_speaks_of_storage(text, lstart),
        _ => false,
    }
}

/// The paragraph (between blank lines) around `at`, in lower case.
fn paragraph_lower(text: &str, at: usize) -> String {
    let from = text
        .get(..at)
        .and_then(|h| h.rfind("\n\n"))
        .map_or(0, |i| i + 2);
    let to = text
        .get(at..)
        .and_then(|t| t.find("\n\n"))
        .map_or(text.len(), |i| at + i);
    text.get(from..to).unwrap_or("").to_lowercase()
}

/// Whether the paragraph around `at` speaks of storage rooms ("förråd", "bod", "kælderrum", "depotrum").
fn paragraph_speaks_of_storage(text: &str, at: usize) -> bool {
    let para = paragraph_lower(text, at);
    ["förråd", "kælderrum", "depotrum", "pulterrum", "loftsrum"]
        .iter()
        .any(|s| para.contains(s))
        || para.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w,
                "bod" | "boden" | "bodene" | "boder" | "bodar" | "kjellerbod" | "kjellerboden"
            )
        })
}

/// Whether the paragraph (between blank lines) around `at` speaks of parking: a garage, parking, a
/// "p-plads", a charger, or a car ("bil", "bilen", "elbil").
fn paragraph_speaks_of_parking(text: &str, at: usize) -> bool {
    let para = paragraph_lower(text, at);
    const STEMS: &[&str] = &[
        "garage",
        "garasje",
        "parker",
        "p-plads",
        "p-plass",
        "p-plats",
        "elbil",
        "ladepunkt",
        "ladeboks",
        "ladestander",
        "laddbox",
        "laddstolp",
        "laddplats",
        "laddpunkt",
    ];
    if STEMS.iter().any(|s| para.contains(s)) {
        return true;
    }
    para.split(|c: char| !c.is_alphanumeric()).any(|w| {
        matches!(
            w,
            "bil" | "bilen" | "biler" | "bilar" | "bilene" | "bilerne" | "bilarna" | "bils"
        )
    })
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// [`super::lower`] on the stack is `to_lowercase`: ASCII, Latin-1 capitals and small letters
        /// (and ×, ß, ÿ), other letters beyond Latin-1, up to and past the buffer's length.
        #[test]
        fn lower_on_the_stack_is_to_lowercase(
            word in "[a-zA-Z0-9.,À-ÿ×ÞßİΣŸĀǅ-]{0,40}",
        ) {
            let mut buf = [0u8; 32];
            proptest::prop_assert_eq!(&*super::lower(&word, &mut buf), word.to_lowercase());
        }
    }

    use super::*;

    fn kinds(text: &str) -> Vec<(Kind, String)> {
        let mut out = Vec::new();
        scan(text, None, &[], &mut out);
        scan_emails(text, &mut out);
        out.iter()
            .map(|r| (r.kind, text[r.start..r.end].to_string()))
            .collect()
    }

    /// What [`floor_addresses`] finds in `text`, joined by "|".
    fn floors_found(text: &str) -> String {
        let mut out = Vec::new();
        floor_addresses(text, &mut out);
        out.iter()
            .map(|r| &text[r.start..r.end])
            .collect::<Vec<_>>()
            .join("|")
    }

    /// Regression (a must-go of retired batch 55): "bodde i H0102 i <street> 10" lost the house, which
    /// a block's register holds as a building; beside the flat's code it is the home's address. A house
    /// with a count or a range after it, or a code alone, is not taken with it.
    #[test]
    fn regression_a_flats_code_and_the_house_it_is_in() {
        let found = |text: &str| {
            let mut out = Vec::new();
            scan(text, None, &[], &mut out);
            flat_codes_in_their_house(text, &mut out);
            out.iter()
                .map(|r| (r.kind, text[r.start..r.end].to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Han budde i H0304 i Tindevegen 12 frå 2011."),
            [(Kind::Address, "H0304 i Tindevegen 12".to_string())]
        );
        assert_eq!(
            found("Leiligheten H0201 på Nedre Bakke 3."),
            [(Kind::Address, "H0201 på Nedre Bakke 3".to_string())]
        );
        assert_eq!(
            found("H0201 i Tindevegen 12–14 har fått ny dør."),
            [(Kind::Other, "H0201".to_string())]
        );
        assert_eq!(
            found("H0201 i Tindevegen 12 år på rad."),
            [(Kind::Other, "H0201".to_string())]
        );
    }

    /// A flat's number and its object's after a slash ("1103/208" in a list of flats and objects) are one
    /// identifier: the object's number goes with the flat's (a must-go of development batch 56).
    #[test]
    fn regression_a_flats_number_with_its_objects_number_after_a_slash() {
        let found = |text: &str| {
            let mut out = Vec::new();
            scan(text, None, &[], &mut out);
            flat_codes_in_their_house(text, &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found("Søknad fra lgh 1103/208 om ny dør."),
            ["lgh 1103/208"]
        );
        assert_eq!(found("H0304/12 søkjer om parkering."), ["H0304/12"]);
    }

    /// A Norwegian plate in full (two letters, two digits, three) whose letters are a floor's, a side's
    /// or a word's ("ST", "TV", "EN") is a plate; an amount or a unit before the same digits is not.
    #[test]
    fn a_norwegian_plate_in_full_with_a_floors_letters() {
        assert_eq!(
            kinds("Han tek med bilen sin (ST 41 227) på dugnaden."),
            vec![(Kind::Plate, "ST 41 227".into())]
        );
        assert_eq!(
            kinds("Bilen TV 52 318 står fast."),
            vec![(Kind::Plate, "TV 52 318".into())]
        );
        assert!(kinds("Det kostet KR 12 500 i alt.")
            .iter()
            .all(|(k, _)| *k != Kind::Plate));
        assert_eq!(
            kinds("Bilen DK 90417 står på gjesteplassen."),
            vec![(Kind::Plate, "DK 90417".into())]
        );
        assert!(kinds("Avstand KM 12 500 totalt.")
            .iter()
            .all(|(k, _)| *k != Kind::Plate));
    }

    /// An account after its bank's name, with the clearing or registration number first; a year and an
    /// amount after a bank's name are none.
    #[test]
    fn an_account_after_its_banks_name() {
        assert_eq!(
            kinds("Hyran betalas från dödsboets konto Nordbank 8214-3, 912 447 305-8."),
            vec![(Kind::Account, "8214-3, 912 447 305-8".into())]
        );
        assert_eq!(
            kinds("Beløpet går til Sparebanken 3201 55 78421 innen mai."),
            vec![(Kind::Account, "3201 55 78421".into())]
        );
        assert!(kinds("Hyran dras från clearing 8214-3, kto 912 447 305-8.")
            .contains(&(Kind::Account, "912 447 305-8".into())));
        assert!(kinds("Lånet i Handelsbanken 2024, 120 000 kr, är omlagt.")
            .iter()
            .all(|(k, _)| *k != Kind::Account));
    }

    /// The share and flat numbers a Danish scan finds in `text`.
    fn units(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(text, Some(Country::DK), &[], &mut out);
        out.iter()
            .filter(|r| r.recognizer == Recognizer::ShareNumber)
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// Share and flat numbers listed after one ("andel nr. 3 og 4", "andelene nr. 5, 6 og 3"): each
    /// is a unit; an ordinal, a count or a sum after the joining word is not, nor a number joined by
    /// anything else.
    #[test]
    fn share_numbers_listed_after_one() {
        assert_eq!(
            units("Andel nr. 3 og 4 har nye vinduer."),
            ["Andel nr. 3", "4"]
        );
        assert_eq!(
            units("Andelene nr. 5, 6 og 3 skylder."),
            ["Andelene nr. 5", "6", "3"]
        );
        assert_eq!(units("lgh 12 och 14 har fukt."), ["lgh 12", "14"]);
        assert_eq!(units("Andel nr. 5 og 2 personer mere."), ["Andel nr. 5"]);
        assert_eq!(units("Lejlighed 3 og 4 værelser."), ["Lejlighed 3"]);
        assert_eq!(units("Andel nr. 6 og 12. marts."), ["Andel nr. 6"]);
        assert_eq!(units("Andel nr. 6, punkt 7 og 8."), ["Andel nr. 6"]);
        assert_eq!(units("Andel nr. 3 og 4."), ["Andel nr. 3", "4"]);
    }

    /// A day after a flat's or a share's word is a date, not the home's number ("overtager
    /// lejligheden 1. januar 2026", "tillträder lägenheten 3:e mars", "leiligheten 14 okt."); a
    /// number without a month after it stays the home's ("lejligheden 1 er solgt").
    #[test]
    fn a_day_after_a_flats_word_is_a_date() {
        assert!(units("Køberen overtager lejligheden 1. januar 2026.").is_empty());
        assert!(units("Hon tillträder lägenheten 3:e mars.").is_empty());
        assert!(units("Han flytter inn i leiligheten 14 okt. i år.").is_empty());
        assert_eq!(units("Lejligheden 1 er solgt."), ["Lejligheden 1"]);
        assert_eq!(units("Andel 7. Maj Holm har købt."), ["Andel 7"]);
    }

    /// A Norwegian flat code typed with a space or a hyphen after its letter ("H 0301", "H-0202"); a
    /// letter glued to a word before, a floor outside 01–19 or another count of digits is no flat code.
    #[test]
    fn flat_codes_typed_apart() {
        let found = |text: &str| {
            let mut out = Vec::new();
            scan(text, Some(Country::NO), &[], &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("Lekkasje fra H 0301 til H0201."), ["H 0301", "H0201"]);
        assert_eq!(found("Beboeren i H-0202 klager."), ["H-0202"]);
        for text in [
            "Vedlegg H 2024 følger.",
            "Rute AH 0301 kjører.",
            "H 030 og H 03011.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }

    #[test]
    fn phones_with_and_without_country_code() {
        assert_eq!(
            kinds("ring på 29 91 44 06."),
            vec![(Kind::Phone, "29 91 44 06".into())]
        );
        assert_eq!(
            kinds("på +45 29 92 88 66 eller"),
            vec![(Kind::Phone, "+45 29 92 88 66".into())]
        );
        assert_eq!(
            kinds("på 948 31 207 eller"),
            vec![(Kind::Phone, "948 31 207".into())]
        );
        // Written with full stops, in the Danish and the Norwegian grouping; an account (4.2.5) and a
        // sum stay phones of no kind.
        assert_eq!(
            kinds("nås på 948.31.207 og 29.91.44.06 etter kl. 16"),
            vec![
                (Kind::Phone, "948.31.207".into()),
                (Kind::Phone, "29.91.44.06".into())
            ]
        );
        assert!(kinds("beløpet 948.312.070 kr")
            .iter()
            .all(|(k, _)| *k != Kind::Phone));
        assert_eq!(
            kinds("mobil 070-123 45 67"),
            vec![(Kind::Phone, "070-123 45 67".into())]
        );
        assert_eq!(
            kinds("tel +46 70 123 45 67"),
            vec![(Kind::Phone, "+46 70 123 45 67".into())]
        );
        // A Swedish flat number after its house, with or without "lgh"; a postcode stays.
        assert_eq!(
            kinds("Fukt i lägenheterna Granvägen 4, 1102 och Granvägen 4 B, 1203; Box 4, 114 55 Stockholm."),
            vec![
                (Kind::Address, "Granvägen 4, 1102".into()),
                (Kind::Address, "Granvägen 4 B, 1203".into())
            ]
        );
        // A Norwegian flat code, also in lower case; a word glued to four digits is none.
        assert_eq!(
            kinds("Lekkasje fra H0302 til h0202; se x1234 og hh0101."),
            vec![(Kind::Other, "H0302".into()), (Kind::Other, "h0202".into())]
        );
        // The trunk zero in brackets, as signatures write it for callers abroad.
        assert_eq!(
            kinds("Mobil +46 (0)70 123 45 67, +47 (0) 948 31 207 och +45(0)29 91 44 06."),
            vec![
                (Kind::Phone, "+46 (0)70 123 45 67".into()),
                (Kind::Phone, "+47 (0) 948 31 207".into()),
                (Kind::Phone, "+45(0)29 91 44 06".into())
            ]
        );
        // Brackets around a zero that follow no country code are no such prefix.
        assert_eq!(trunk_zero_before(b"Punkt (0)70", 9), None);
        assert_eq!(trunk_zero_before(b"+4 (0)70", 6), None);
    }

    /// A street address with postcode and town right after a person's name, or in a sentence that names a
    /// person and calls it an address, is theirs; a firm's, the association's, or one in a sentence with no
    /// person stays.
    #[test]
    fn postal_addresses_of_people() {
        let found = |text: &str, who: &str| {
            let at = text.find(who).unwrap();
            let mut out = Vec::new();
            scan(text, None, &[(at, at + who.len())], &mut out);
            out.iter()
                .filter(|r| r.kind == Kind::Address)
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "2. Vibeke Holst, Mølleåvej 31, 2800 Kongens Lyngby",
                "Vibeke Holst"
            ),
            ["Mølleåvej 31, 2800 Kongens Lyngby"]
        );
        assert_eq!(
            found(
                "Köpare är Tova Lind, Bäckvägen 4B, 412 63 Göteborg.",
                "Tova Lind"
            ),
            ["Bäckvägen 4B, 412 63 Göteborg"]
        );
        assert_eq!(
            found(
                "Arnes nye adresse for sluttoppgjøret: Fjordgata 9, 7010 Trondheim.",
                "Arnes"
            ),
            ["Fjordgata 9, 7010 Trondheim"]
        );
        // No person in the sentence, no word for an address, or a firm between.
        assert!(found(
            "Arne er flyttet. Foreningens adresse er Havnevej 2, 7100 Vejle.",
            "Arne"
        )
        .is_empty());
        assert!(found(
            "Arne tok kontakt med Fjord Bygg AS, Fjordgata 9, 7010 Trondheim.",
            "Arne"
        )
        .is_empty());
        assert!(found(
            "Arne ringte. Møtet er i Fjordgata 9, 7010 Trondheim.",
            "Arne"
        )
        .is_empty());
    }

    #[test]
    fn amounts_dates_and_organisation_numbers_stay() {
        assert!(kinds("kr 12 345 678 i alt").is_empty());
        assert!(kinds("kr. 2.340.000 og kr 23 400").is_empty());
        assert!(kinds("CVR 25719308").is_empty());
        assert!(kinds("org.nr. 912 345 678").is_empty());
        assert!(kinds("den 01.08.2021 kl. 19.00").is_empty());
        assert!(kinds("stämman 2024-05-14 beslutade 50 000:- och budget 2023-2024").is_empty());
        assert!(kinds("mødet den 26 04 2022").is_empty());
    }

    /// An organisation number's cue ("p" for a P-number, "org.nr", "bankgiro") kept whatever number
    /// followed it, so a CPR written after one stayed while the same number elsewhere went (found by
    /// the proptest applying_findings_never_leaves_a_found_text). A number with a person's date stays
    /// only when it is no identity number; an organisation's own number has no such date.
    #[test]
    fn regression_an_identity_number_after_an_organisations_cue() {
        for text in [
            "p 110584-3638 og igen",
            "P 1105843638.",
            "org.nr 110584-3638",
            "bankgiro 850612-4331",
            "CVR 110584 3638",
        ] {
            let k = kinds(text);
            assert!(
                k.iter().any(|(kind, _)| *kind == Kind::NationalId),
                "{text:?}: {k:?}"
            );
        }
        // Organisations' own numbers after their cues stay: a Swedish one (third digit 2 or more),
        // a Danish CVR, a Norwegian one, a bankgiro and a Swish number.
        for text in [
            "org.nr 556012-5790",
            "organisationsnummer 802403-1779",
            "CVR 25719308",
            "org.nr. 912 345 678",
            "bankgiro 5050-1055",
            "swish 123 456 78 90",
        ] {
            assert!(kinds(text).is_empty(), "{text:?}: {:?}", kinds(text));
        }
    }

    #[test]
    fn identity_numbers() {
        assert_eq!(kinds("cpr-nummer, 110584-3638.")[0].0, Kind::NationalId);
        assert_eq!(kinds("nummer 14037738981 og")[0].0, Kind::NationalId);
        assert_eq!(kinds("pnr 850612-4331")[0].0, Kind::NationalId);
        // CPR issued after 2007 failing modulus 11 is still found.
        assert_eq!(kinds("cpr 010165-4321")[0].0, Kind::NationalId);
        assert_eq!(kinds("har 010165-4321")[0].0, Kind::NationalId);
    }

    #[test]
    fn account_or_fodselsnummer() {
        // Fails the fødselsnummer's control digits, passes the account's: an account.
        assert_eq!(
            kinds("til 15037710021."),
            vec![(Kind::Account, "15037710021".into())]
        );
        // Passes both: bare it is taken for a fødselsnummer, after "kontonummer" for an account.
        assert_eq!(
            kinds("nummer 15037710013."),
            vec![(Kind::NationalId, "15037710013".into())]
        );
        assert_eq!(
            kinds("kontonummer 15037710013."),
            vec![(Kind::Account, "15037710013".into())]
        );
        assert_eq!(
            kinds("D-nummer 55037710007"),
            vec![(Kind::NationalId, "55037710007".into())]
        );
        assert_eq!(
            kinds("samordningsnummer 850672-4338"),
            vec![(Kind::NationalId, "850672-4338".into())]
        );
        assert_eq!(kinds("Brf Lönnen (769612-3459)"), vec![]);
    }

    #[test]
    fn accounts() {
        assert_eq!(
            kinds("kontonummer 9001.55.65976."),
            vec![(Kind::Account, "9001.55.65976".into())]
        );
        assert_eq!(
            kinds("til 9001.55.65976."),
            vec![(Kind::Account, "9001.55.65976".into())]
        );
        assert_eq!(
            kinds("IBAN DK57 1551 0004 2186 53."),
            vec![(Kind::Account, "DK57 1551 0004 2186 53".into())]
        );
        assert_eq!(kinds("konto 1551-0004218653")[0].0, Kind::Account);
    }

    /// After the word for a plate any plate's shape is a plate (a trailer's, an older series); a unit's
    /// code after a word for the home is taken whole ("bustad 7-1B"), in Nynorsk too; two ISO dates joined
    /// by a dash are a period. Invented sentences.
    #[test]
    fn plates_after_their_word_codes_after_the_home_and_date_ranges() {
        assert_eq!(
            kinds("Traileren har nummerpladen HV 4127 og holder"),
            vec![(Kind::Plate, "HV 4127".into())]
        );
        assert_eq!(
            kinds("Bilen med reg.nr. KJ 882 står"),
            vec![(Kind::Plate, "KJ 882".into())]
        );
        assert!(kinds("Mødet i lokale HV 4127 på skolen").is_empty());
        // After a vehicle's noun too, in brackets or not.
        assert_eq!(
            kinds("en parkeret anhænger (TK 3391) på gæstepladsen"),
            vec![(Kind::Plate, "TK 3391".into())]
        );
        assert_eq!(
            kinds("Bobilen BT 4471 står i veien"),
            vec![(Kind::Plate, "BT 4471".into())]
        );
        assert!(kinds("Bilen kostede 4471 kr").is_empty());
        // A scan's zero for an O among the letters, after a vehicle and a comma; without the vehicle
        // it stays.
        assert_eq!(
            kinds("En okänd bil, 0KR 51B, står på platsen"),
            vec![(Kind::Plate, "0KR 51B".into())]
        );
        assert!(kinds("Rum 0B 120 och bilen 10 000 kr").is_empty());
        // After a vehicle, letters that elsewhere abbreviate a word; a list of plates after the plural.
        assert_eq!(
            kinds("Kön: 2. Ek, bil FNR 318"),
            vec![(Kind::Plate, "FNR 318".into())]
        );
        assert_eq!(
            kinds("ejerne af trailerne HU 3172 og TL 5408 har fået brev"),
            vec![
                (Kind::Plate, "HU 3172".into()),
                (Kind::Plate, "TL 5408".into())
            ]
        );
        assert!(kinds("Mødet i lokale HV 4127 og TL 5408 på skolen").is_empty());
        assert!(kinds("bilen kostede NOK 3000").is_empty());
        assert_eq!(
            kinds("Overdraging av bustad 7-1B er godkjend"),
            vec![(Kind::Other, "bustad 7-1B".into())]
        );
        assert_eq!(
            kinds("Leiligheten 4–UA er solgt"),
            vec![(Kind::Other, "Leiligheten 4–UA".into())]
        );
        assert_eq!(
            kinds("Leilegheita 12 er seld"),
            vec![(Kind::Other, "Leilegheita 12".into())]
        );
        assert!(kinds("Perioden 2027-01-01–2027-12-31 er godkendt").is_empty());
        assert!(kinds("för tiden 2026-07-01 - 2027-06-30 enligt").is_empty());
        // A range of flats after the plural of the word for a flat.
        assert!(kinds("Stambyte: lägenheterna 2001-2102 berörs").is_empty());
        assert!(kinds("Leilighetene 1101–1108 får nye vinduer").is_empty());
    }

    #[test]
    fn plates_addresses_shares() {
        assert_eq!(
            kinds("nummerpladen ZD 41 760, som"),
            vec![(Kind::Plate, "ZD 41 760".into())]
        );
        assert_eq!(
            kinds("nummer VD 48213 har"),
            vec![(Kind::Plate, "VD 48213".into())]
        );
        assert_eq!(
            kinds("bilen ABC 123 står"),
            vec![(Kind::Plate, "ABC 123".into())]
        );
        assert_eq!(
            kinds("Bundgaard-Vest, Rønnebærvej 2, st. th., fremlejer"),
            vec![(Kind::Address, "Rønnebærvej 2, st. th.".into())]
        );
        assert_eq!(
            kinds("Trier, Rønnebærvej 14, 1. th.. Adm"),
            vec![(Kind::Address, "Rønnebærvej 14, 1. th.".into())]
        );
        assert_eq!(
            kinds("i Elvebakken 3, H0101 har"),
            vec![(Kind::Address, "Elvebakken 3, H0101".into())]
        );
        assert_eq!(
            kinds("Storgatan 5, lgh 1102"),
            vec![(Kind::Address, "Storgatan 5, lgh 1102".into())]
        );
        // The street cut short with a stop.
        assert_eq!(
            kinds("  1004  Tallgr. 4 BV   K. Holm"),
            vec![(Kind::Address, "Tallgr. 4 BV".into())]
        );
        assert_eq!(
            kinds("Ida Lund, Lyngbakkev. 3, 1. th., klagede"),
            vec![(Kind::Address, "Lyngbakkev. 3, 1. th.".into())]
        );
        // A short word before the stop is no street.
        assert!(kinds("Tlf. 4, 2 tr").is_empty());
        assert!(kinds("ved Rønnebærvej 16. Bestyrelsen").is_empty());
        // The association's own room at an address with its floor is no home.
        assert!(kinds("Sted: Fælleslokalet, Rønnebærvej 2, st. th.").is_empty());
        assert!(kinds("Plats: Föreningslokalen, Storgatan 5, bottenvåningen").is_empty());
        assert!(kinds("Møtested: selskapslokalet i Elvebakken 3, 1. etg.").is_empty());
        // Regression (issue 14): "kl." before a time is the clock, not the basement ("kl. th.").
        assert!(kinds("holdt i Dalgårdsvej 44, kl. 19.30 med").is_empty());
        assert!(kinds("holdt i Dalgårdsvej 44, kl 19 med").is_empty());
        assert_eq!(
            kinds("bor i Dalgårdsvej 44, kl. th. og"),
            vec![(Kind::Address, "Dalgårdsvej 44, kl. th.".into())]
        );
        // The floor written out after the comma (Norwegian "etasje", "etg.").
        assert_eq!(
            kinds("Ola Dal, Granveien 23, 2. etasje, klaget"),
            vec![(Kind::Address, "Granveien 23, 2. etasje".into())]
        );
        assert_eq!(
            kinds("Granveien 23, 3. etg. i går"),
            vec![(Kind::Address, "Granveien 23, 3. etg.".into())]
        );
        // A Swedish ground floor after the house, as "2 tr" is.
        assert_eq!(
            kinds("Motion från Berit Ek, Torsgatan 9, bv: cyklar"),
            vec![(Kind::Address, "Torsgatan 9, bv".into())]
        );
        assert_eq!(
            kinds("Ansökan från Torsgatan 9, bottenvåningen, om"),
            vec![(Kind::Address, "Torsgatan 9, bottenvåningen".into())]
        );
        assert!(kinds("Torsgatan 9, bvc").is_empty());
        // The entrance between the house and the floor.
        assert_eq!(
            kinds("Rolf Alm (Torsgatan 9, uppgång C, bottenvåningen) tackade"),
            vec![(
                Kind::Address,
                "Torsgatan 9, uppgång C, bottenvåningen".into()
            )]
        );
        assert_eq!(
            kinds("bor på Rønnebærvej 14, opg. B, 1. th. nu"),
            vec![(Kind::Address, "Rønnebærvej 14, opg. B, 1. th.".into())]
        );
        assert!(kinds("Plats: Föreningslokalen, Storgatan 5, uppgång A, bv").is_empty());
        assert!(kinds("Torsgatan 9, uppgång C, är målad").is_empty());
        // The floor in words.
        assert_eq!(
            kinds("Helsing Åse, Lidvegen 4, andre etasje"),
            vec![(Kind::Address, "Lidvegen 4, andre etasje".into())]
        );
        assert_eq!(
            kinds("Klagomål från Torsgatan 9, andra våningen, om ljud"),
            vec![(Kind::Address, "Torsgatan 9, andra våningen".into())]
        );
        assert!(kinds("Lidvegen 4, andre gong").is_empty());
        // The floor named by a word.
        assert_eq!(
            kinds("Søknad frå Lidvegen 4, underetasjen, om"),
            vec![(Kind::Address, "Lidvegen 4, underetasjen".into())]
        );
        assert_eq!(
            kinds("Klage fra Kløvervej 12, stuen, over"),
            vec![(Kind::Address, "Kløvervej 12, stuen".into())]
        );
        assert!(kinds("Lekkasje i Lidvegen 4, loftet, er utbetra").is_empty());
        assert!(kinds("Lidvegen 4, underetasjes").is_empty());
        assert_eq!(
            kinds("til andel nr. 19 om"),
            vec![(Kind::Other, "andel nr. 19".into())]
        );
        assert_eq!(
            kinds("Mette fra nr. 12 sagde"),
            vec![(Kind::Other, "nr. 12".into())]
        );
        // The share's word, a comma, then its number.
        assert_eq!(
            kinds("Tove Bang har sat sin andel, nr. 31, til salg"),
            vec![(Kind::Other, "andel, nr. 31".into())]
        );
        assert_eq!(
            kinds("Leiligheten, nr. 7 i oppgang B, selges"),
            vec![(Kind::Other, "Leiligheten, nr. 7".into())]
        );
        for stays in ["Sak 4, nr. 3 på listen", "Bestyrelsen, nr. 2 i rækken"] {
            assert!(kinds(stays).is_empty(), "{stays}");
        }
        assert_eq!(
            kinds("født 12. marts 1954"),
            vec![(Kind::Other, "12. marts 1954".into())]
        );
    }

    /// A sameie's sections in short and in full, and a unit in the association's own numbering, are
    /// units; the property's cadastral numbers and a numbered meeting stay.
    #[test]
    fn sections_and_the_associations_own_unit_numbers() {
        assert_eq!(
            kinds("Eieren av snr. 8 og seksjonsnummer 12 klaget."),
            vec![
                (Kind::Other, "snr. 8".into()),
                (Kind::Other, "seksjonsnummer 12".into())
            ]
        );
        assert_eq!(
            kinds("Andrahand i föreningens nr 9 och borettslagets nr. 31."),
            vec![
                (Kind::Other, "föreningens nr 9".into()),
                (Kind::Other, "borettslagets nr. 31".into())
            ]
        );
        assert!(kinds("gnr. 88 bnr. 412, styremøte nr. 4").is_empty());
    }

    /// Regression (floors in words): "andre etasje i Lyngveien 6" stayed because only "2. sal, th."
    /// after the number counted as a floor.
    #[test]
    fn a_floor_in_words_or_figures_at_an_address() {
        assert_eq!(
            floors_found("Ola Dal, andre etasje i Lyngveien 6, flytter."),
            "andre etasje i Lyngveien 6"
        );
        // Nynorsk: the floor as "høgd", the first as "fyrste".
        assert_eq!(
            floors_found(
                "Eigaren i andre høgda i Lyngvegen 6 og fyrste etasje i Lyngvegen 8 fekk løyve."
            ),
            "andre høgda i Lyngvegen 6|fyrste etasje i Lyngvegen 8"
        );
        assert_eq!(
            floors_found("Utsikta frå høgda over Lyngvegen 6 er fin."),
            ""
        );
        // The ground floor's or the basement's flat in a building of the association.
        assert_eq!(
            floors_found("Stuelejligheden i 41 og kælderlejligheden i nr. 12 er tomme."),
            "Stuelejligheden i 41|kælderlejligheden i nr. 12"
        );
        assert_eq!(floors_found("Mødet holdes i stueetagen i fælleshuset."), "");
        assert_eq!(
            floors_found("en lekkasje i 4. etasje i Storveien 12B i natt"),
            "4. etasje i Storveien 12B"
        );
        assert_eq!(
            floors_found("Hun bor på tredje sal på Olav Kyrres gate 9."),
            "tredje sal på Olav Kyrres gate 9"
        );
        assert_eq!(floors_found("2. etage i Fælleshuset er malet."), "");
        // Floor first, then the address after a comma.
        assert_eq!(
            floors_found("Beboer i 1. etasje, Storveien 16 klaget."),
            "1. etasje, Storveien 16"
        );
        assert_eq!(floors_found("Vi møtes i 3. etasje, kl. 18."), "");
        assert_eq!(floors_found("Etasjeskillet i tredje etasje er nytt."), "");
        // A block's entrance by its letter, and Swedish floors in stairs written in words before the
        // entrance (set 3's untouched part, studied after set 4 was written).
        assert_eq!(
            floors_found("Vannet kom fra første etasje i A i natt."),
            "første etasje i A"
        );
        assert_eq!(
            floors_found("Hun bor i andre etasje i oppgang C."),
            "andre etasje i oppgang C"
        );
        assert_eq!(
            floors_found("Trean, två trappor upp i port 6, är såld."),
            "två trappor upp i port 6"
        );
        assert_eq!(
            floors_found("Det är tre trappor i port 4."),
            "tre trappor i port 4"
        );
        assert_eq!(
            floors_found("Hissen går till tredje etasje i alle oppganger."),
            ""
        );
        assert_eq!(floors_found("Det är två trappor i huset."), "");
        // The building by its number alone, or the stairwell first.
        assert_eq!(
            floors_found("Lekkasje i tredje etasje i 25 i går."),
            "tredje etasje i 25"
        );
        assert_eq!(
            floors_found("sol i øverste etasje i oppgang 21."),
            "øverste etasje i oppgang 21"
        );
        assert_eq!(
            floors_found("en søknad fra 2. etg. i nr. 14"),
            "2. etg. i nr. 14"
        );
        assert_eq!(
            floors_found("Skaden i 1. etasje i 27 er utbedret"),
            "1. etasje i 27"
        );
        assert_eq!(
            floors_found("2. etg. i Granveien 21 har"),
            "2. etg. i Granveien 21"
        );
        assert_eq!(
            floors_found("Ola Dal, oppg. 21, 3. et. har"),
            "oppg. 21, 3. et."
        );
        assert_eq!(floors_found("i uppgång 5, 2 tr. bor"), "");
        assert_eq!(floors_found("i uppgång 5, 2. tr bor"), "uppgång 5, 2. tr");
        // Counts, decimals and the clock after a floor are no building.
        assert_eq!(
            floors_found("Heisen til 3. etasje i 25 år har gått bra."),
            ""
        );
        assert_eq!(floors_found("Vi møtes i 3. etasje, kl. 18."), "");
        assert_eq!(
            floors_found("Leiligheter i 2. etasje, 12,5 % av lagets"),
            ""
        );
        // The floor of someone's home, by who lives there; Swedish "andra" before an entrance.
        assert_eq!(
            floors_found("Taket i andre etasje hos Lund ble malt."),
            "andre etasje"
        );
        assert_eq!(floors_found("Fukt på 2. sal hos Birte."), "2. sal");
        assert_eq!(
            floors_found("Eva på andra våningen i port 1 tackade."),
            "andra våningen i port 1"
        );
        assert_eq!(floors_found("Møtet er i andre etasje hos oss."), "");
    }

    /// Regression (an old building with a back building, dev set 30): a floor of the back building or
    /// the front building tied to a resident ("the top floor of the back building", "the back
    /// building's first floor") was left, as no building with a number followed it. A floor of such a
    /// building holds a home or two, as a floor of a numbered house does; the building alone, a floor
    /// alone and a floor of the common house stay.
    #[test]
    fn regression_a_floor_of_the_back_building() {
        assert_eq!(
            floors_found("Mail fra beboeren på øverste etage i baghuset: taget drypper."),
            "øverste etage i baghuset"
        );
        assert_eq!(
            floors_found("Ivan Krag fra baghusets 1. sal hjalp til."),
            "baghusets 1. sal"
        );
        assert_eq!(
            floors_found("Fugt på 2. sal i forhuset, hos familien."),
            "2. sal i forhuset"
        );
        assert_eq!(
            floors_found("Hon bor på andra våningen i gårdshuset sedan i våras."),
            "andra våningen i gårdshuset"
        );
        assert_eq!(floors_found("Baghuset mangler en flugtvej fra 2. sal."), "");
        assert_eq!(floors_found("Baghuset og forhuset males i år."), "");
        assert_eq!(floors_found("Mødet er på 1. sal i fælleshuset."), "");
    }

    /// A bare registered flat number after the word for a flat goes, whatever its shape (in a list after
    /// a flat found, through `scan`); the same number as a sum, a time, a year or an area stays.
    #[test]
    fn registered_flat_numbers_among_flats() {
        let units: crate::redact::text::FastSet<String> = ["2101", "3201", "1102", "302"]
            .iter()
            .map(|u| u.to_string())
            .collect();
        let found = |t: &str| {
            let mut out = Vec::new();
            scan(t, Some(Country::SE), &[], &mut out);
            registered_flat_numbers(t, &units, &[], &mut out);
            out.iter()
                .filter(|r| {
                    r.reason == "a registered flat number after the word for a flat"
                        || r.reason.starts_with("a share or flat number")
                })
                .map(|r| &t[r.start..r.end])
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(
            found("Obetalda avgifter: lägenhet 1102 och 2101."),
            "lägenhet 1102|2101"
        );
        assert_eq!(found("Fel lägenhet fick brevet, det gäller 3201."), "3201");
        assert_eq!(found("Lejligheden over 302 har fået ny dør."), "302");
        assert_eq!(
            found("Lgh 1102, 2101 och 3201 får nya dörrar."),
            "Lgh 1102|2101|3201"
        );
        // Sums, times, areas and numbers in a sentence about no flat stay.
        assert_eq!(found("Lägenheten kostade 2101 kr. Mötet kl. 3201."), "");
        assert_eq!(found("Lägenheterna har 302 m2 förråd."), "");
        assert_eq!(found("Styrelsen köpte 302 nya lampor."), "");
        // A house by its unit number after the word for the house, and a flat's number alone after a
        // preposition of place; a number that can be a year stays.
        assert_eq!(found("Motion från radhus 3201 om staket."), "3201");
        assert_eq!(found("Vattenskadan i 2101 spred sig."), "2101");
        assert_eq!(found("Det lukter røyk fra 302 om kvelden."), "302");
        assert_eq!(found("Klagen kom ovanför 1102, inte från gården."), "1102");
        // The administrator's object by its registered number.
        assert_eq!(found("Medlemmen i objekt 302 har avlidit."), "302");
        let years: crate::redact::text::FastSet<String> =
            ["2019"].iter().map(|u| u.to_string()).collect();
        let mut out = Vec::new();
        registered_flat_numbers("Taket lades om i 2019.", &years, &[], &mut out);
        assert!(out.is_empty(), "{out:?}");
    }

    /// Regression (issue 14, flat numbers that read as years): a flat numbered 2001–2099 by the tax
    /// agency's scheme is a flat right after the neighbours' or the residents' word and a preposition,
    /// and a registered number joined to a flat found by "och"/"og"/"eller"/a comma is one too; a
    /// year after a preposition with no dwellers, or a list of years, stays. Invented sentences.
    #[test]
    fn registered_flat_numbers_that_read_as_years() {
        let units: crate::redact::text::FastSet<String> = ["2003", "2104", "2019", "1102"]
            .iter()
            .map(|u| u.to_string())
            .collect();
        let found = |t: &str| {
            let mut out = Vec::new();
            registered_flat_numbers(t, &units, &[], &mut out);
            out.sort_by_key(|r| r.start);
            out.iter()
                .map(|r| &t[r.start..r.end])
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(
            found("Grannarna i 2003 och 2104 har klagat på musiken."),
            "2003|2104"
        );
        assert_eq!(
            found("Naboene i 2003 har klaget på støy om natten."),
            "2003"
        );
        assert_eq!(
            found("Beboerne fra 2019 og 1102 kom til mødet."),
            "2019|1102"
        );
        assert_eq!(
            found("Klagen kom från 1102, 2003 eller 2104."),
            "1102|2003|2104"
        );
        assert_eq!(found("Paret i 2003 säljer sin lägenhet."), "2003");
        assert_eq!(found("Husstanden i 2019 har fått ny nøkkel."), "2019");
        assert_eq!(found("Taket lades om i 2019 och 2003."), "");
        assert_eq!(found("Fasaden blev malet i 2003, og igen i 2019."), "");
        assert_eq!(found("Familien flyttede ind i 2003."), "");
    }

    /// A floor right after a person the text names is that person's home; without a person before it,
    /// or after a word that is no person, it stays a place in the building.
    #[test]
    fn a_floor_after_the_person_who_lives_there() {
        let found = |t: &str, person: &str| {
            let at = t.find(person).map(|s| (s, s + person.len()));
            let mut out = Vec::new();
            floors_after_persons(t, at.as_slice(), &mut out);
            out.iter()
                .map(|r| &t[r.start..r.end])
                .collect::<Vec<_>>()
                .join("|")
        };
        assert_eq!(
            found(
                "Terje Viken i tredje etasje har fått fukt i taket.",
                "Terje Viken"
            ),
            "tredje etasje"
        );
        assert_eq!(
            found("Vannet rant ned på Lunds bad i 2. etasje under.", "Lund"),
            "2. etasje"
        );
        assert_eq!(
            found(
                "Per Alm fra stuen i Kirsebærvej 4 spurgte om lys.",
                "Per Alm"
            ),
            "stuen i Kirsebærvej 4"
        );
        assert_eq!(
            found(
                "Eva Krogh på 4. sal i nr. 12 vil have en nøgle.",
                "Eva Krogh"
            ),
            "4. sal i nr. 12"
        );
        assert_eq!(
            found("Lena Ek på andra våningen ringde.", "Lena Ek"),
            "andra våningen"
        );
        // After a comma or in brackets, as a proposal's heading names the proposer's home.
        assert_eq!(
            found(
                "Forslag frå Halvor Dal, første etasje: benker.",
                "Halvor Dal"
            ),
            "første etasje"
        );
        assert_eq!(
            found("Forslag frå Tuva Lie (2. etg): barnevognskur.", "Tuva Lie"),
            "2. etg"
        );
        // No person before the floor, or more than one word between them.
        assert_eq!(found("Vi møtes i 3. etasje, kl. 18.", "Ola"), "");
        assert_eq!(
            found(
                "Festen i stuen var god. Ida Holm holdt tale i stuen.",
                "Ida Holm"
            ),
            ""
        );
        assert_eq!(found("Ida Holm i stuens hjørne.", "Ida Holm"), "");
    }

    #[test]
    fn dates_of_birth() {
        assert_eq!(
            kinds("født d. 12.03.1954"),
            vec![(Kind::Other, "12.03.1954".into())]
        );
        assert_eq!(
            kinds("född 1954-03-12"),
            vec![(Kind::Other, "1954-03-12".into())]
        );
        assert_eq!(kinds("Emma (f. 2011)"), vec![(Kind::Other, "2011".into())]);
        // The line broken between the cue and the date.
        assert_eq!(
            kinds("Lejer: Emma Dal, født\n04.11.1988 (fnr. i sagen)"),
            vec![(Kind::Other, "04.11.1988".into())]
        );
        assert!(kinds("Møde\n04.11.2025 kl. 19").is_empty());
        assert_eq!(
            kinds("Lejer: Emma Dal, født\r\n04.11.1988 (fnr. i sagen)"),
            vec![(Kind::Other, "04.11.1988".into())]
        );
        let text = "Jens Hansen (12.03.1954) og mødet 01.08.2021";
        let mut out = Vec::new();
        scan(text, None, &[(0, 11)], &mut out);
        let found: Vec<&str> = out.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(found, vec!["12.03.1954"]);
    }

    /// A date right after a name that lies in the minutes' own years is no birth date: a due date in an
    /// arrears table's row, the day the minutes were signed after a town; one two years or more before
    /// them still is, a grown-up's or a child's (invented names).
    #[test]
    fn a_recent_date_after_a_name_is_no_birth_date() {
        let text = "Restanser per 1. oktober 2026:\n  Lgh  Medlem            Förfallet\n                      1104 EKBERG SIGNE      2026-08-31\n  1203 VALLIN TORE       2026-07-31\n\n                    Jonas Tell (12.03.1971) flyttar in med Ebba Tell 2017-05-02.\n";
        let persons: Vec<(usize, usize)> =
            ["EKBERG SIGNE", "VALLIN TORE", "Jonas Tell", "Ebba Tell"]
                .iter()
                .map(|n| {
                    let s = text.find(n).unwrap_or(0);
                    (s, s + n.len())
                })
                .collect();
        let mut out = Vec::new();
        scan(text, None, &persons, &mut out);
        let found: Vec<&str> = out
            .iter()
            .filter(|r| r.recognizer == Recognizer::DateOfBirth)
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(found, vec!["12.03.1971", "2017-05-02"]);
        assert_eq!(
            latest_year("mødet 2019, budget 2027 og 12027 kr"),
            Some(2027)
        );
        assert_eq!(year_of_date("03-05-2019"), Some(2019));
    }

    /// A date written day first with hyphens, opening with 0, is no Swedish phone number ("03-05-2019" in
    /// a waiting list's column); with a phone's cue, or grouped as Swedish numbers are, it is one.
    #[test]
    fn a_date_with_hyphens_is_no_swedish_phone() {
        for text in [
            "  4 | Rut Dahl | 03-05-2019 | 2 vær.",
            "opskrevet 09-11-2023",
        ] {
            assert!(
                kinds(text).iter().all(|(k, _)| *k != Kind::Phone),
                "{text}: {:?}",
                kinds(text)
            );
        }
        assert_eq!(
            kinds("Ring 08-612 34 56 i dag."),
            vec![(Kind::Phone, "08-612 34 56".into())]
        );
        assert_eq!(
            kinds("tel. 08-06-2023"),
            vec![(Kind::Phone, "08-06-2023".into())]
        );
    }

    #[test]
    fn emails() {
        assert_eq!(
            kinds("eller benedikte_friis@mail.dk."),
            vec![(Kind::Email, "benedikte_friis@mail.dk".into())]
        );
        // Written apart so that harvesters miss it.
        for (text, address) in [
            ("Skriv til ragna[at]online.no i dag.", "ragna[at]online.no"),
            (
                "Mail: kari.holm (at) gmail.com.",
                "kari.holm (at) gmail.com",
            ),
            ("på eva(snabel-a)telia.se", "eva(snabel-a)telia.se"),
        ] {
            assert_eq!(kinds(text), vec![(Kind::Email, address.into())], "{text}");
        }
        // "(at)" that joins no address.
        assert!(kinds("Mødet (at) er udsat, se punkt (at) nedenfor.").is_empty());
    }

    /// In a Swedish association's minutes a lägenhetsnummer stands alone ("till 1202 i 4A"); quantities,
    /// times, years and ranges of that shape stay.
    #[test]
    fn a_lagenhetsnummer_alone_in_a_swedish_text() {
        let found = |text: &str| {
            let mut out = Vec::new();
            scan(text, Some(Country::SE), &[], &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(found("Avin till 1202 i 4A kom tillbaka."), vec!["1202"]);
        assert_eq!(found("Överlåtelse av 1101 till dottern."), vec!["1101"]);
        // With the definite ending after a colon, as Swedish writes it of numbers.
        assert_eq!(found("Vattenskada i 1101:an igen."), vec!["1101"]);
        assert_eq!(found("1202:ans förråd är tömt."), vec!["1202"]);
        for text in [
            "Ytan är 1200 kvm.",
            "Mötet börjar kl. 1015.",
            "Huset byggdes 1962.",
            "Nummer 1001–1202 fick nya dörrar.",
            "Fakturan på 1250 kronor är betald.",
            "Mötet 1015:1 och 1101:a protokollet.",
            // A statute's number after its year: "(1999:1229)", "SFS 2010:1210".
            "Enligt inkomstskattelagen (1999:1229) och SFS 2010:1210.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
        // Elsewhere only where the text speaks of lägenheter.
        assert!(kinds("Avin till 1202 i 4A kom tillbaka.").is_empty());
    }

    /// A tenancy number right after a person's name, in brackets or after "fra", is a unit; ages, years and
    /// counted things there stay.
    #[test]
    fn a_unit_number_right_after_a_person() {
        let found = |text: &str, name: &str| {
            let s = text.find(name).unwrap_or(0);
            let mut out = Vec::new();
            scan(text, Some(Country::DK), &[(s, s + name.len())], &mut out);
            out.iter()
                .map(|r| text[r.start..r.end].to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(
            found(
                "Lejemålet efter Aksel Brink (303) er ledigt.",
                "Aksel Brink"
            ),
            vec!["303"]
        );
        assert_eq!(
            found("Tak til Ruth Kirk fra 103.", "Ruth Kirk"),
            vec!["103"]
        );
        for (text, name) in [
            ("Barnebarnet Viggo (19) låner lejligheden.", "Viggo"),
            ("Jens Holm fra 1998 er med igen.", "Jens Holm"),
            ("Kaj Brun i 100 år!", "Kaj Brun"),
            ("Anne Vik fra 300 kr. pr. måned.", "Anne Vik"),
        ] {
            assert!(
                found(text, name).is_empty(),
                "{text:?}: {:?}",
                found(text, name)
            );
        }
    }

    /// Numbered parking spaces and storage rooms are a resident's, like a flat number; shared rooms and
    /// numbers that count things stay.
    #[test]
    fn numbered_parking_spaces_and_storage_rooms() {
        for (text, found) in [
            ("Rasmus får P-plads 12 fra maj.", "P-plads 12"),
            ("Hun lejer p-plads nr. 3 ud.", "p-plads nr. 3"),
            ("Han leier ut p-plass 7 til naboen.", "p-plass 7"),
            ("Ta over p-plats 21 i höst.", "p-plats 21"),
            ("Det er fukt i kælderrum 8.", "kælderrum 8"),
            ("Sykkelen står i bod 23 i kjelleren.", "bod 23"),
            ("Hon har lämnat förråd nr 9.", "förråd nr 9"),
            ("Vattnet kom in i källarförråd 4B.", "källarförråd 4B"),
            // Without the "p-", in a paragraph about parking.
            ("Kön till garaget: plats 7 gick till Nils.", "plats 7"),
            ("Han har eget ladepunkt på plass 5.", "plass 5"),
            ("Bilen holder på plads 12 om natten.", "plads 12"),
            // A Swedish lägenhetsnummer alone, in a text about lägenheter.
            (
                "Lägenheten är såld. Avgiften till 1202 kom tillbaka.",
                "1202",
            ),
            ("Överlåtelse av 1101 i 4B (lgh-register).", "1101"),
        ] {
            assert_eq!(kinds(text), vec![(Kind::Other, found.into())], "{text:?}");
        }
        for text in [
            "Vi har 14 p-pladser og 3 cykelrum.",
            "Det er plads til 40 cykler.",
            "Boden har 12 hyller.",
            "Stämman hölls på plats 2 i samlingslokalen kl. 19.",
            "Garaget har 12 platser.\n\nStämman hölls på plats 2 i lokalen.",
            "Laget kom på plass 3 i turneringen.",
            "Lägenheten byggdes 1962; mötet börjar kl. 1015.",
            "Lägenheterna 1001–1202 har nya dörrar.",
            "Sidan 1201 i boken om 1300-talet.",
            "Sak 5: bod og sykkelrom.",
        ] {
            assert!(kinds(text).is_empty(), "{text:?}: {:?}", kinds(text));
        }
    }

    /// A garage, parking space or storage room by its code ("G1", "P7", "F1303") goes where the paragraph
    /// speaks of parking or storage, also in a bare list; elsewhere such a code is something else.
    #[test]
    fn garages_parking_spaces_and_storage_rooms_by_their_code() {
        for (text, found) in [
            ("Ivan hyr garage G3 och vill ladda där.", vec!["G3"]),
            (
                "Garage och p-platser\nFördelning: G2 Lisa B., P4 Omar, P12 Eva S.",
                vec!["G2", "P4", "P12"],
            ),
            ("Parkering: Knut sier opp P8 fra 1. mai.", vec!["P8"]),
            ("Linneas förråd F1204 ingår inte.", vec!["F1204"]),
            ("Bodene i kjelleren: F12 tilhører Per.", vec!["F12"]),
        ] {
            let got: Vec<String> = kinds(text).into_iter().map(|(_, t)| t).collect();
            assert_eq!(got, found, "{text:?}");
        }
        for text in [
            "Vi ser F1 på storskærmen i fælleshuset.",
            "Mødet i G5-gruppen er flyttet.",
            "Garaget byggdes om.\n\nLyssna på P1 i morgon.",
            "Parkering ved P2-huset er gratis etter kl. 17.",
            "Förråden städas. Vitamin B12 och F1-bilar.",
        ] {
            let got: Vec<String> = kinds(text).into_iter().map(|(_, t)| t).collect();
            assert!(got.is_empty(), "{text:?}: {got:?}");
        }
    }
}
