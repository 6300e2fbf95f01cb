//! The association's own houses in the short forms minutes use. In an association of row houses every
//! house is one home, and a secretary rarely writes its address in full: "nr. 14", "hus nr. 24", "Vibevej
//! nr. 5", "Lærkev. 12", "Hasselst. 3", "LV 20", "vibevej 7". The register says which streets hold such
//! houses (a bare address it holds for one unit only) and which numbers they have; a form is taken only
//! when its number is one of them, so "møde nr. 3/2025", "punkt nr. 4", the row "Lærkevænget 14–24" and
//! a street elsewhere stay.

use super::numbers::list_item;
use super::policy::{overlaps_any, Raw};
use super::text::{eq_fold, is_word_char, next_digit, word_before, FastSet};
use super::words::numbered_thing;
use super::{Decision, Kind, Recognizer};

/// A finding of one of the association's houses by its number as a noun.
fn house_as_a_noun(start: usize, end: usize) -> Raw {
    Raw::redact(
        start,
        end,
        Kind::Address,
        Recognizer::Address,
        0.8,
        "one of the association's houses, by its number as a noun",
    )
}

/// Where a row house's name says where it lies: the corner, the gable, the end ("hjørnehuset",
/// "gavlhuset", "endehuset", "hörnhuset", "ändhuset").
const POSITION_PREFIXES: &[&str] = &[
    "hjørne", "hjørna", "gavl", "gavel", "ende", "ände", "änd", "hörn", "yder", "ytter",
];

/// Words that place one house in a row: "det nederste hus", "det øvste huset", "sista huset".
const POSITION_WORDS: &[&str] = &[
    "nederste", "nedste", "nedre", "øverste", "øvste", "øvre", "yderste", "ytterste", "inderste",
    "innerste", "sidste", "siste", "første", "fyrste", "sista", "första", "översta", "nedersta",
    "innersta", "yttersta",
];

/// Prepositions that tie a house to a street or a place: "hjørnehuset på Kærvej", "endehuset mot
/// Lisletunet", "det nedste huset i Lauvhaugvegen".
const PLACING: &[&str] = &[
    "på", "i", "mot", "mod", "ved", "vid", "nærmest", "närmast", "nærast",
];

/// The words after a house that put it at the end of a street: "hus for enden af Egevænget", "huset i
/// enden av vegen", "huset längst bort på".
const AT_THE_END: &[&str] = &[
    "for enden af",
    "for enden av",
    "i enden af",
    "i enden av",
    "i enden på",
    "ved enden af",
    "vid slutet av",
    "längst bort på",
    "längst in på",
    "lengst inne i",
    "lengst nede i",
];

/// Whether `text` starts with the lower-case `cue` in any letter case. Compared without lower-casing
/// a copy (that allocation per "hus" and cue was a fifth of the houses' pass on dense minutes);
/// [`eq_fold`] reads the same as `to_lowercase` for every cue of these lists (none holds a sigma).
fn starts_with_cue(text: &str, cue: &str) -> bool {
    text.get(..cue.len()).is_some_and(|h| eq_fold(h, cue))
}

/// In an association of row houses, a house named by where it lies in its row or on its street: the
/// corner, gable or end house ("hjørnehuset på Kærvej", "gavlhuset", "endehuset mot Lisletunet"), a
/// house placed by a word of position before a street ("det nedste huset i Lauvhaugvegen") or at the
/// end of one ("det gule hus for enden af Egevænget"). Each names one home as surely as its number. A
/// capitalised corner house in mid-sentence with no street after it is a name ("mødet i Hjørnehuset":
/// a common room) and stays; so do plural rows ("gavlhusene") and a house without such a place.
fn by_position(text: &str, protected: &[(usize, usize)]) -> Vec<Raw> {
    let mut found = Vec::new();
    let bytes = text.as_bytes();
    let finder = memchr::memmem::Finder::new(b"hus");
    for at in finder
        .find_iter(bytes)
        .chain(memchr::memmem::find_iter(bytes, b"Hus"))
    {
        // The word that holds "hus".
        let ws = text[..at]
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let we = at
            + text[at..]
                .char_indices()
                .find(|&(_, c)| !c.is_alphabetic())
                .map_or(text.len() - at, |(i, _)| i);
        let word = text[ws..we].to_lowercase();
        let Some(stem) = word
            .strip_suffix("huset")
            .or_else(|| word.strip_suffix("hus"))
        else {
            continue;
        };
        let stem = stem.trim_end_matches('-');
        let rest = &text[we..];
        // A street or a place after a preposition, or the end of a street.
        let placed = {
            let r = rest.trim_start_matches([' ', '\u{a0}']);
            let word_after: String = r.chars().take_while(|c| c.is_alphabetic()).collect();
            let after_prep = r[word_after.len()..].trim_start_matches([' ', '\u{a0}']);
            let prep = !word_after.is_empty()
                && super::text::is_one_of(&word_after, PLACING)
                && r.len() > word_after.len()
                && after_prep.starts_with(char::is_uppercase);
            let at_end = AT_THE_END.iter().any(|p| {
                starts_with_cue(r, p) && r[p.len()..].trim_start().starts_with(char::is_alphabetic)
            });
            prep || at_end
        };
        let capital = text[ws..].starts_with(char::is_uppercase);
        let sentence_start = {
            let h = text[..ws].trim_end_matches([' ', '\u{a0}', '\t']);
            h.is_empty() || h.ends_with(['.', '!', '?', '\n', ':', '–', '-'])
        };
        let (start, end) = if !stem.is_empty() {
            // A corner, gable or end house.
            if !POSITION_PREFIXES.contains(&stem) || (capital && !sentence_start && !placed) {
                continue;
            }
            (ws, we)
        } else {
            // "hus"/"huset" after a word of position, or at the end of a street.
            let before = super::text::word_before(text, ws, &[]);
            let position = before.filter(|&(a, b)| {
                super::text::is_one_of(&text[a..b], POSITION_WORDS)
                    && text[b..ws].trim_matches([' ', '\u{a0}']).is_empty()
            });
            let at_end = AT_THE_END
                .iter()
                .any(|p| starts_with_cue(rest.trim_start(), p));
            match position {
                Some((a, _)) if placed => (a, we),
                _ if at_end => (ws, we),
                _ => continue,
            }
        };
        if overlaps_any(protected, start, end) {
            continue;
        }
        found.push(Raw::redact(
            start,
            end,
            Kind::Address,
            Recognizer::Address,
            0.75,
            "one of the association's houses, by where it lies in its row",
        ));
    }
    found
}

/// One street of the association's houses.
#[derive(Debug)]
struct Street {
    /// The street's name in lower case ("lærkevænget").
    folded: String,
    /// Its house numbers that are one home each, lower case ("14", "12a").
    numbers: Vec<String>,
}

/// The association's own houses, from the register.
#[derive(Debug, Default)]
pub struct Houses {
    streets: Vec<Street>,
    /// Every street's numbers together: the scan asks it first, once per number in the text.
    numbers: FastSet<String>,
}

/// The plural of "house" that speaks of an association's buildings as houses ("rundt alle husa").
const ROW_HOUSE_WORDS: &[&str] = &["husa", "husene", "husen", "husane"];

/// The starts of the words of flats, stairwells, blocks and floors ("blokkene", "oppgangane",
/// "lägenheten"): a notice with any of them is not of row houses alone.
const FLAT_WORDS: &[&str] = &[
    "blok",
    "høgblokk",
    "oppgang",
    "opgang",
    "trapphus",
    "trappuppg",
    "trappeopp",
    "lejlighed",
    "leilighet",
    "leilegheit",
    "lägenhet",
    "lgh",
    "etasje",
    "etage",
    "etg",
    "våning",
    "stuen",
    "kælder",
];

/// Whether `text` names `house` ("Storvej 31") right after one of the association's own rooms or
/// buildings ("Fælleshuset, Storvej 31", "fælleshuset (Storvej 31)", "gemensamhetslokalen vid Storvägen
/// 24"): the room's address. Before a row house's, a room every house has of its own is the home's
/// ("tvättstugan i Storgatan 17").
fn a_common_rooms_number(text: &str, house: &str) -> bool {
    memchr::memmem::find_iter(text.as_bytes(), house.as_bytes()).any(|at| {
        let ends = !text[at + house.len()..].starts_with(|c: char| c.is_alphanumeric());
        // "fælleshuset (<street> 31)": the bracket opening the number stands between them.
        let head = text[..at].trim_end_matches([' ', ',', ':', '(']);
        ends && super::common_room_before(text, head.len(), true)
    })
}

/// The ranges of houses of an association's address on one street or more ("Kløvervej 2–24 og Humlevej
/// 1–19, 5250 Odense SV", "Mosevej 1–21, Kærvej 2–16 og Engstien 1–9, …"): each part between commas and
/// "og"/"och" that [`range_of_houses`] reads.
pub(super) fn ranges_of_houses(address: &str) -> Vec<(String, u32, u32)> {
    let mut out = Vec::new();
    // "Pilevej, Hyldestien og Tjørnestien 1–6": streets named without numbers right before a street
    // with a range share its range.
    let mut bare: Vec<&str> = Vec::new();
    for part in address
        .split(',')
        .flat_map(|p| p.split(" og ").flat_map(|q| q.split(" och ")))
    {
        if let Some((street, low, high)) = range_of_houses(part) {
            out.extend(bare.drain(..).map(|b| (b.to_string(), low, high)));
            out.push((street, low, high));
        } else if street_named(part.trim()) {
            bare.push(part.trim());
        } else {
            bare.clear();
        }
    }
    out
}

/// A street's name as a range of houses writes it: one word or two, capitalised, of letters only (two
/// or more each), four letters or more in all.
fn street_named(street: &str) -> bool {
    let words: Vec<&str> = street.split(' ').collect();
    (1..=2).contains(&words.len())
        && words[0].starts_with(char::is_uppercase)
        && words
            .iter()
            .all(|w| w.chars().count() >= 2 && w.chars().all(char::is_alphabetic))
        && street.chars().count() >= 4
}

/// "Fjellsida 1–20, 5705 Voss": a street of one word or two (four letters or more) and a range of house
/// numbers (below 1000, at most 200 of them, low before high: no years), as (street, low, high).
fn range_of_houses(line: &str) -> Option<(String, u32, u32)> {
    let line = line.trim();
    let digit = line.find(|c: char| c.is_ascii_digit())?;
    let street = line[..digit].trim_end();
    if !street_named(street) || !line[..digit].ends_with(' ') {
        return None;
    }
    let rest = &line[digit..];
    let low_end = rest.find(|c: char| !c.is_ascii_digit())?;
    let low: u32 = rest[..low_end].parse().ok()?;
    let after = rest[low_end..].trim_start_matches(' ');
    let after = after
        .strip_prefix('–')
        .or_else(|| after.strip_prefix('-'))?
        .trim_start_matches(' ');
    let high_end = after
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(after.len());
    let high: u32 = after[..high_end].parse().ok()?;
    let closed = after[high_end..]
        .chars()
        .next()
        .is_none_or(|c| matches!(c, ',' | ' ' | '·'));
    (closed && low < high && high < 1000 && high - low <= 200)
        .then(|| (street.to_string(), low, high))
}

/// Abbreviations the languages write before a number that cut short no street ("pr. 1. maj", "ca. 4",
/// "kr. 7", "jf. 2"), though their letters may fit a street's ("Pilevej": "pr." as p…r).
const COMMON_ABBREVIATIONS: &[&str] = &[
    "pr", "ca", "kr", "jf", "jfr", "fx", "bl", "pt", "ff", "evt", "ev", "dvs", "inkl", "ekskl",
    "tlf", "tel", "vedr", "mht", "ang", "kl", "nr", "no", "mfl", "osv", "mv", "bla",
];

/// Words that say the number after them is a house: "nr. 14", "hus nr. 24", "husnummer 8", "nummer 13",
/// "bolig 7B", "huset 3A" (a home named as a home: where the register holds the number as one house).
const NUMBER_WORDS: &[&str] = &[
    "nr",
    "no",
    "nummer",
    "husnr",
    "husnummer",
    "nummeret",
    "bolig",
    "boligen",
    "hus",
    "huset",
    "rekkehus",
    "rækkehus",
    "radhus",
];

/// Words after which a number with a letter is a paragraph, an item or an attachment, not a house
/// ("§ 7B", "punkt 3A", "vedlegg 2B").
const NOT_HOUSE_BEFORE: &[&str] = &[
    "punkt", "pkt", "sak", "ad", "bilag", "vedlegg", "bilaga", "paragraf", "kapitel", "kapittel",
    "klasse", "klass", "side", "sida", "nr", "kl",
];

/// Lists a number may be a place in rather than a house ("nr. 1 på ventelisten", "nr 2 i kön").
const RANK_LISTS: &[&str] = &[
    "venteliste",
    "ventelisten",
    "ventelista",
    "listen",
    "lista",
    "listan",
    "kø",
    "køen",
    "kö",
    "kön",
    "kölistan",
    "dagsordenen",
    "dagordningen",
];

impl Houses {
    /// `houses`: the bare addresses the register holds for one unit each ("Lærkevænget 4", "Vibevej 11").
    pub fn new<'a>(houses: impl IntoIterator<Item = &'a str>) -> Houses {
        let mut streets: Vec<Street> = Vec::new();
        for house in houses {
            let Some((street, number)) = house.trim().rsplit_once(' ') else {
                continue;
            };
            let street = street.trim();
            let number_ok = number.starts_with(|c: char| c.is_ascii_digit())
                && number.len() <= 4
                && number.chars().all(|c| c.is_ascii_alphanumeric());
            if !number_ok || !street.chars().any(char::is_alphabetic) {
                continue;
            }
            let folded = street.to_lowercase();
            let number = number.to_lowercase();
            match streets.iter_mut().find(|s| s.folded == folded) {
                Some(s) if !s.numbers.contains(&number) => s.numbers.push(number),
                Some(_) => {}
                None => streets.push(Street {
                    folded,
                    numbers: vec![number],
                }),
            }
        }
        let numbers = streets
            .iter()
            .flat_map(|s| s.numbers.iter().cloned())
            .collect();
        Houses { streets, numbers }
    }

    /// Without a register: the houses of a notice whose heading gives the association's street with its
    /// houses' range ("Fjellsida 1–20, 5705 Voss", in its first four lines) and whose text speaks of its
    /// buildings as houses ("husa", "husene", "rekkehusene", "radhusen") and never of flats, stairwells,
    /// blocks or floors: row houses, each number in the range one home. Where the text has any word of
    /// flats, a number on the street is a building of several homes, a place ("Tallåsvägen 4" for a
    /// stairwell), and nothing is taken.
    pub fn of_a_row_house_heading(text: &str) -> Option<Houses> {
        let range = text
            .lines()
            .filter(|l| !l.trim().is_empty())
            .take(4)
            .find_map(range_of_houses)?;
        Houses::of_ranges_of_row_houses(std::slice::from_ref(&range), text, false)
    }

    /// The houses of `ranges` (street, first and last number) as homes, where `text` speaks of its
    /// buildings as houses and never of flats (see [`Houses::of_a_row_house_heading`]). `by_count`: a
    /// register that holds the association's address but none of its homes (only the board loaded)
    /// gives the ranges; eighteen numbers or more on them, in a text with no word of flats and no flat's
    /// side, are row houses without the word (the associations of blocks have a few buildings on their
    /// street, and their minutes speak of flats, stairwells, floors and sides).
    pub fn of_ranges_of_row_houses(
        ranges: &[(String, u32, u32)],
        text: &str,
        by_count: bool,
    ) -> Option<Houses> {
        let by_number = by_count && ranges.iter().map(|(_, l, h)| h - l + 1).sum::<u32>() >= 18;
        // Whether the text calls its buildings row houses, and whether it writes a Swedish flat's
        // number ("lgh 1005") or list, which every home of a bostadsrättsförening has, a row house's
        // too.
        let mut row = false;
        let mut lgh = false;
        for w in text.split(|c: char| !c.is_alphabetic()) {
            // Where the word starts in `text` (a piece of it).
            let start = w.as_ptr() as usize - text.as_ptr() as usize;
            // A flat's side or a Swedish floor after its number ("st. tv.", "2. th", "3 tr"): a block's,
            // where only the count of houses speaks for rows ("tv-antennen" is no side).
            if by_count
                && matches!(w, "tv" | "th" | "mf" | "tr")
                && text[..start]
                    .trim_end_matches(' ')
                    .ends_with(|c: char| c == '.' || c.is_ascii_digit())
            {
                return None;
            }
            if w.len() < 3 {
                continue;
            }
            let w = w.to_lowercase();
            // "lgh 1005", "lägenhetsförteckningen", "lägenhetsnummer": the register's list and numbers
            // of homes, which row houses have too.
            let listed = FLAT_WORDS.iter().any(|f| {
                w.strip_prefix(f).is_some_and(|rest| {
                    let rest = rest.trim_start_matches(['s', 'e']);
                    ["förteckning", "register", "liste", "lista", "nummer", "nr"]
                        .iter()
                        .any(|l| rest.starts_with(l))
                })
            });
            if w.starts_with("lgh") || listed {
                lgh = true;
                continue;
            }
            if FLAT_WORDS.iter().any(|f| w.starts_with(f)) {
                return None;
            }
            row |= ROW_HOUSE_WORDS.contains(&w.as_str())
                || ["rekkehus", "rekkjehus", "rækkehus", "radhus"]
                    .iter()
                    .any(|r| w.starts_with(r));
        }
        // "lgh 1005 … sitt radhus": the flat's number of a row house the text names as one.
        if !(row || by_number && !lgh) {
            return None;
        }
        // "Granlibakken 12A": a house of the range with a letter is one of a pair or a row on one
        // number, a home as the number is.
        let houses: Vec<String> = ranges
            .iter()
            .flat_map(|(street, low, high)| {
                (*low..=*high).flat_map(move |n| {
                    std::iter::once(format!("{street} {n}"))
                        .chain(['A', 'B', 'C', 'D'].map(|l| format!("{street} {n}{l}")))
                })
            })
            // Without a register's homes, a number the text gives the association's own room or
            // building ("i fælleshuset (Storvej 31)") is that, not a home.
            .filter(|h| !by_count || !a_common_rooms_number(text, h))
            .collect();
        Some(Houses::new(houses.iter().map(String::as_str)))
    }

    /// Finds the short forms of the association's houses in `text` (byte offsets), outside `protected`.
    pub fn scan(&self, text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        if let Some(found) = self.found(text, protected) {
            self.place(found, text, protected, out);
        }
    }

    /// What [`Houses::scan`] finds in `text` before it reads the findings so far; `None` where the
    /// association has no streets and the scan finds nothing.
    pub fn found(&self, text: &str, protected: &[(usize, usize)]) -> Option<Found> {
        if self.streets.is_empty() {
            return None;
        }
        let mut found = Found {
            nouns: self.numbers_as_nouns(text, protected),
            in_words: self.numbers_in_words(text, protected),
            by_position: by_position(text, protected),
            in_short: Vec::new(),
        };
        let out = &mut found.in_short;
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut number = String::new();
        // Where the last house taken ends: "nr. 4, 6 og 8" lists more houses after it.
        let mut listed_after: Option<usize> = None;
        while let Some(a) = next_digit(bytes, i) {
            let mut b = a;
            while bytes.get(b).is_some_and(u8::is_ascii_digit) {
                b += 1;
            }
            i = b;
            if b - a > 3 {
                continue;
            }
            // "12A": one letter right after the digits belongs to the house number.
            let end = match bytes.get(b) {
                Some(l)
                    if l.is_ascii_alphabetic() && !bytes.get(b + 1).is_some_and(is_word_byte) =>
                {
                    b + 1
                }
                _ => b,
            };
            // Digits and at most one ASCII letter: the ASCII lower case is the lower case.
            number.clear();
            number.extend(
                bytes[a..end]
                    .iter()
                    .map(|b| char::from(b.to_ascii_lowercase())),
            );
            // "12 B": the letter of a house the register holds as "12B", written after a space.
            let mut end = end;
            if end == b {
                if let Some(l) = spaced_letter(bytes, b) {
                    number.push(char::from(l.to_ascii_lowercase()));
                    if self.numbers.contains(&number) && number_ends(text, b + 2) {
                        end = b + 2;
                    } else {
                        number.pop();
                    }
                }
            }
            if !number_ends(text, end) {
                continue;
            }
            if !self.numbers.contains(&number) {
                // "mellem nr. 13 og nr. 15": a house the register does not hold, named with its own
                // "nr." right after one it does.
                let unlisted = listed_after
                    .and_then(|e| self.unlisted_house(text, e, a, end, &number))
                    .filter(|&s| !overlaps_any(protected, s, end));
                if let Some(start) = unlisted {
                    out.push(Raw::redact(
                        start,
                        end,
                        Kind::Address,
                        Recognizer::Address,
                        0.75,
                        "a house of the association's street, listed with one of its houses",
                    ));
                    listed_after = Some(end);
                }
                continue;
            }
            let listed = listed_after.is_some_and(|e| list_item(text, e, a, end));
            let Some(start) = self
                .start_of(text, a, &number)
                .or_else(|| self.shortened_before(text, a, &number))
                .or_else(|| self.misspelt_before(text, a, &number))
                .or_else(|| (listed || bare_lettered(text, a, end)).then_some(a))
            else {
                continue;
            };
            // The association's own address and other protected places hold ranges and names; a street
            // that is protected as a place ("Vibevej") still has homes, so only the number decides.
            // "Fælleshuset, Storvej 2": the association's own room at a house number is no home.
            if overlaps_any(protected, a, end) || super::common_room_before(text, start, true) {
                continue;
            }
            out.push(Raw::redact(
                start,
                end,
                Kind::Address,
                Recognizer::Address,
                0.8,
                "one of the association's houses, in short",
            ));
            listed_after = Some(end);
        }
        Some(found)
    }

    /// Adds what [`Houses::found`] found to `out` as [`Houses::scan`] does on the findings `out` holds:
    /// the houses by their number as a noun, those spoken after the persons `out` holds, those by
    /// "nummer" and their number in words, those by their position where nothing found before overlaps
    /// them, then the houses in short.
    pub fn place(
        &self,
        found: Found,
        text: &str,
        protected: &[(usize, usize)],
        out: &mut Vec<Raw>,
    ) {
        out.extend(found.nouns);
        self.spoken_nouns_after_persons(text, protected, out);
        out.extend(found.in_words);
        super::numbers::place_unless_overlapping(found.by_position, out);
        out.extend(found.in_short);
    }

    /// Where "nr. N" starts when it is the next item of a list of houses whose last one ended at `after`
    /// ("mellem nr. 13 og nr. 15", "nr. 16, nr. 18") though the register holds no house `number`: a
    /// number in figures alone, written with its own "nr."/"nummer", that lies among the numbers of
    /// one of the association's streets (between its lowest and highest, on their side of the street
    /// where all of them are odd or all even). A register that lists only some houses leaves out
    /// the neighbours the minutes name beside them; a number after a house alone ("nr. 4, 9 og 12"),
    /// outside every street's numbers, or a rank stays.
    fn unlisted_house(
        &self,
        text: &str,
        after: usize,
        at: usize,
        end: usize,
        number: &str,
    ) -> Option<usize> {
        let n: u32 = number.parse().ok()?;
        let (ws, we) = word_before(text, at, &['.'])?;
        let word = text.get(ws..we)?;
        let gap = text.get(we..at)?;
        if !["nr", "nummer", "husnr", "husnummer"]
            .iter()
            .any(|w| eq_fold(word, w))
            || !matches!(gap, " " | ". " | "\u{a0}")
            || !list_item(text, after, ws, end)
            || rank_after(text, at)
        {
            return None;
        }
        let on_a_street = self.streets.iter().any(|s| {
            let numbers: Vec<u32> = s
                .numbers
                .iter()
                .filter_map(|x| {
                    x.trim_end_matches(|c: char| c.is_ascii_alphabetic())
                        .parse()
                        .ok()
                })
                .collect();
            let (Some(lo), Some(hi)) = (numbers.iter().min(), numbers.iter().max()) else {
                return false;
            };
            let one_side = numbers.len() >= 3 && numbers.iter().all(|x| x % 2 == numbers[0] % 2);
            (*lo..=*hi).contains(&n) && (!one_side || n % 2 == numbers[0] % 2)
        });
        on_a_street.then_some(ws)
    }

    /// A house named by its number as a noun: "femmeren er solgt", "beboerne i treeren", "i 5'eren"
    /// (Danish and Norwegian), where the register holds that number as one house. Found from the rare
    /// "eren" at a word's end.
    fn numbers_as_nouns(&self, text: &str, protected: &[(usize, usize)]) -> Vec<Raw> {
        let mut found = Vec::new();
        let out = &mut found;
        const NOUNS: &[(&str, &str)] = &[
            ("toeren", "2"),
            ("treeren", "3"),
            ("fireren", "4"),
            ("femmeren", "5"),
            ("sekseren", "6"),
            ("syveren", "7"),
            ("sjueren", "7"),
            ("otteren", "8"),
            ("åtteren", "8"),
            ("nieren", "9"),
            ("tieren", "10"),
            ("elleveren", "11"),
            ("tolveren", "12"),
            // "støj fra sekstenen": the teens take "-en" (found from "tenen").
            ("trettenen", "13"),
            ("fjortenen", "14"),
            ("femtenen", "15"),
            ("sekstenen", "16"),
            ("syttenen", "17"),
            ("attenen", "18"),
            ("nittenen", "19"),
            ("tyveren", "20"),
        ];
        let bytes = text.as_bytes();
        let mut ends: Vec<(usize, usize)> = memchr::memmem::find_iter(bytes, b"eren")
            .map(|at| (at, at + 4))
            .chain(memchr::memmem::find_iter(bytes, b"tenen").map(|at| (at + 5, at + 5)))
            .collect();
        ends.sort_unstable();
        for (at, end) in ends {
            if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let head = &text[..at];
            // "5'eren", "12-eren": the figures and a sign before the ending.
            let figures = head
                .strip_suffix(['\'', '\u{2019}', '-'])
                .filter(|h| h.ends_with(|c: char| c.is_ascii_digit()));
            let (start, number) = if let Some(h) = figures {
                let digits = h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
                let s = h.len() - digits;
                if digits > 3 || h[..s].ends_with(|c: char| c.is_alphanumeric()) {
                    continue;
                }
                (s, h[s..].to_string())
            } else {
                let s = head
                    .char_indices()
                    .rev()
                    .find(|&(_, c)| !c.is_alphabetic())
                    .map_or(0, |(i, c)| i + c.len_utf8());
                let word = &text[s..end];
                match NOUNS.iter().find(|(w, _)| eq_fold(word, w)) {
                    Some((_, n)) => (s, (*n).to_string()),
                    None => continue,
                }
            };
            if !self.numbers.contains(&number) || overlaps_any(protected, start, end) {
                continue;
            }
            out.push(house_as_a_noun(start, end));
        }
        // Swedish, in figures: "12:an", "i 8:an" (tolvan, åttan). The words themselves are not read:
        // "ettan", "tvåan", "trean" are flats by their rooms as well.
        for at in memchr::memmem::find_iter(bytes, b":an") {
            let mut end = at + 3;
            // The genitive: "12:ans tak".
            if text[end..].starts_with('s') {
                end += 1;
            }
            if text[end..].starts_with(|c: char| c.is_alphanumeric()) {
                continue;
            }
            let head = &text[..at];
            let digits = head.len() - head.trim_end_matches(|c: char| c.is_ascii_digit()).len();
            let start = at - digits;
            if !(1..=3).contains(&digits)
                || head[..start].ends_with(|c: char| c.is_alphanumeric() || c == ':' || c == '.')
                || !self.numbers.contains(&text[start..at])
                || overlaps_any(protected, start, end)
            {
                continue;
            }
            out.push(house_as_a_noun(start, end));
        }
        found
    }

    /// "nummer atten", "i nummer tjueein", "Nummer sju": a house by "nummer" and its number written out
    /// (Danish, Norwegian in either form, Swedish), where the register holds that number as one house.
    /// After a numbered thing ("sak nummer to", "punkt nummer tre") it is that thing's number and stays.
    fn numbers_in_words(&self, text: &str, protected: &[(usize, usize)]) -> Vec<Raw> {
        let mut found = Vec::new();
        for at in memchr::memmem::find_iter(text.as_bytes(), b"ummer ") {
            let Some(start) = at.checked_sub(1) else {
                continue;
            };
            if !matches!(text.as_bytes()[start], b'n' | b'N')
                || text[..start].ends_with(is_word_char)
            {
                continue;
            }
            let rest = &text[at + 6..];
            let len = rest
                .find(|c: char| !c.is_alphabetic())
                .unwrap_or(rest.len());
            let Some(n) = cardinal(&rest[..len].to_lowercase()) else {
                continue;
            };
            let end = at + 6 + len;
            let numbered = word_before(text, start, &[])
                .and_then(|(ps, pe)| text.get(ps..pe))
                .is_some_and(numbered_thing);
            if numbered
                || !self.numbers.contains(&n.to_string())
                || overlaps_any(protected, start, end)
            {
                continue;
            }
            found.push(house_as_a_noun(start, end));
        }
        found
    }

    /// "Ronny från trean", "Birgitta i tvåan", "Gunnhild i firaren", "Tor i sekstalet": a house by its
    /// number as a word (Swedish, or Norwegian in either form), right after a person found and "från",
    /// "frå", "fra", "i" or "på", or after a verb of living and at most three small words ("jag bor i
    /// tian", "eg bur no i femmaren", "jag bor ju högst upp i sjuan"), where the register holds that
    /// number as one house. A word that may be a flat by its rooms too; after a person or a verb of
    /// living it is someone's home either way.
    fn spoken_nouns_after_persons(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        out: &mut Vec<Raw>,
    ) {
        // Where a preposition may follow: a person's end, and the end of each verb of living.
        let mut anchors: Vec<(usize, bool)> = out
            .iter()
            .filter(|r| r.kind == Kind::Person && r.decision == Decision::Redact)
            .map(|r| (r.end, false))
            .collect();
        let bytes = text.as_bytes();
        for verb in LIVING {
            for at in memchr::memmem::find_iter(bytes, verb.as_bytes()) {
                let end = at + verb.len();
                let alone = !text[..at].ends_with(is_word_char) && text[end..].starts_with(' ');
                if alone {
                    anchors.push((end, true));
                }
            }
        }
        let mut found = Vec::new();
        for (end, verb) in anchors {
            let Some((start, stop, number)) = spoken_house_after(text, end, verb) else {
                continue;
            };
            if self.numbers.contains(number) && !overlaps_any(protected, start, stop) {
                found.push(house_as_a_noun(start, stop));
            }
        }
        found.sort_unstable_by_key(|r| (r.start, r.end));
        found.dedup_by_key(|r| (r.start, r.end));
        out.extend(found);
    }

    /// Where the mention of house `number` that ends with the digits at `at` starts, if the words before
    /// make it one of the association's houses.
    fn start_of(&self, text: &str, at: usize, number: &str) -> Option<usize> {
        let head = text.get(..at)?;
        // "LV20", "LV-20": a street's initials glued to the number or joined by a hyphen.
        let glued = head.strip_suffix('-').unwrap_or(head);
        if glued.ends_with(is_word_char) {
            let (ws, we) = word_before(text, glued.len(), &[])?;
            let word = text.get(ws..we)?;
            return (we == glued.len()
                && (self.initials(word, number) || self.initial(word, number)))
            .then_some(ws);
        }
        if !head.ends_with([' ', '\u{a0}']) {
            return None;
        }
        let (ws, we) = word_before(text, at, &['.', ':'])?;
        let word = text.get(ws..we)?;
        let gap = text.get(we..at)?;
        // "nr. 14", "hus nr. 24", "Vibevej nr. 5".
        if NUMBER_WORDS.iter().any(|w| eq_fold(word, w))
            && matches!(gap, " " | ". " | ": " | "\u{a0}")
        {
            if rank_after(text, at) {
                return None;
            }
            // "CVR-nr. 38 52 80 84", "org. nr. 912 345 678": the number of a firm or an authority.
            let label = word_before(text, ws, &['.', '-']).filter(|&(ls, le)| {
                text.get(le..ws)
                    .is_some_and(|g| matches!(g, "-" | " " | ". "))
                    && text.get(ls..le).is_some_and(super::numbers::org_label)
            });
            if label.is_some() {
                return None;
            }
            let Some((ps, pe)) = word_before(text, ws, &['.']) else {
                return Some(ws);
            };
            let prev = text.get(ps..pe)?;
            let joined = text.get(pe..ws).is_some_and(|g| g == " " || g == ". ");
            if joined {
                if let Some(s) = self.street_before(text, ws, number) {
                    return Some(s);
                }
                // "punkt nr. 4", "bestyrelsesmøde nr. 3", "andel nr. 7": a numbered thing or a share.
                if numbered_thing(prev) {
                    return None;
                }
            }
            return Some(ws);
        }
        // "beboerne i 12 har", "larm fra 14.": the house number alone right after a preposition of
        // place, standing alone (a stop or a verb or conjunction after it; "i 12 år", "fra 14 til 16"
        // stay).
        if gap == " "
            && [
                "i", "fra", "frå", "från", "ovenfor", "ovanför", "overfor", "mittemot",
            ]
            .iter()
            .any(|w| eq_fold(word, w))
            && alone_after(text, at)
        {
            return Some(at);
        }
        if gap == ". " {
            // "Lærkev. 12", "Hasselst. 3": the street cut short.
            let cut = word.to_lowercase();
            let ok = cut.chars().count() >= 3
                && self.streets.iter().any(|s| {
                    s.folded.len() > cut.len() + 1
                        && s.folded.starts_with(&cut)
                        && s.numbers.iter().any(|n| n == number)
                });
            return (ok || self.abbreviated(&cut, number)).then_some(ws);
        }
        if gap != " " && gap != "\u{a0}" {
            return None;
        }
        if self.initials(word, number) {
            return Some(ws);
        }
        // "vibevej 7", "Lærkevænget 4" in any letter case.
        self.street_before(text, at, number)
    }

    /// Where a street of the association that holds house `number` ends right before `at` (past one
    /// space) starts, in any letter case.
    fn street_before(&self, text: &str, at: usize, number: &str) -> Option<usize> {
        let head = text.get(..at)?.strip_suffix([' ', '\u{a0}'])?;
        self.streets
            .iter()
            .filter(|s| s.numbers.iter().any(|n| n == number))
            .find_map(|s| {
                let n = s.folded.chars().count();
                let start = head.char_indices().rev().nth(n - 1).map(|(i, _)| i)?;
                let cand = head.get(start..)?;
                let whole = !head
                    .get(..start)
                    .and_then(|h| h.chars().next_back())
                    .is_some_and(is_word_char);
                if whole && eq_fold(cand, &s.folded) {
                    return Some(start);
                }
                written_out(text, head.len(), &s.folded)
            })
    }

    /// "Stv." for Steinrøysvegen, "Lv." for Lærkevænget: a street abbreviated with a full stop (`cut`, in
    /// lower case, two to four letters): its first letters, then the first letter of a later part of the
    /// name (the street word: "vegen", "vænget"), as [`Houses::initials`] reads a part, for a street that
    /// holds house `number`.
    fn abbreviated(&self, cut: &str, number: &str) -> bool {
        if !(2..=4).contains(&cut.chars().count())
            || !cut.chars().all(char::is_alphabetic)
            || COMMON_ABBREVIATIONS.contains(&cut)
        {
            return false;
        }
        let letters: Vec<char> = cut.chars().collect();
        self.streets
            .iter()
            .filter(|s| s.numbers.iter().any(|n| n == number))
            .any(|s| {
                let name: Vec<char> = s.folded.chars().collect();
                // The first letters as written, the last one a later part's start.
                let (head, last) = letters.split_at(letters.len() - 1);
                name.starts_with(head)
                    && (head.len() + 2..name.len().saturating_sub(2))
                        .any(|p| name.get(p) == last.first())
            })
    }

    /// Where a street of the association cut short in a way [`Houses::start_of`] does not read ends
    /// right before house `number` at `at` (past a space, perhaps after a stop): cut without its stop
    /// ("Hagtornsv 18": a capitalised start of the name, five letters or more), or cut in pieces
    /// joined by stops or hyphens ("Kv.haugv. 10", "Slb-stigen 5", "Kirsebærv.-stien"): the first
    /// piece's letters in order from the name's first letter, each later piece further on in the name
    /// as written. Four letters or more in all, a capital first, and the street must hold the house.
    fn shortened_before(&self, text: &str, at: usize, number: &str) -> Option<usize> {
        let head = text.get(..at)?.strip_suffix([' ', '\u{a0}'])?;
        let token_start = head
            .char_indices()
            .rev()
            .find(|&(_, c)| !(c.is_alphabetic() || matches!(c, '.' | '-')))
            .map_or(0, |(i, c)| i + c.len_utf8());
        let token = &head[token_start..];
        let cut = token.strip_suffix('.').unwrap_or(token);
        if !cut.starts_with(char::is_uppercase) || cut.ends_with(['.', '-']) {
            return None;
        }
        let pieces: Vec<String> = cut.split(['.', '-']).map(str::to_lowercase).collect();
        let letters: usize = pieces.iter().map(|p| p.chars().count()).sum();
        if letters < 4 || pieces.iter().any(String::is_empty) {
            return None;
        }
        let whole = self.streets.iter().any(|s| s.folded == pieces.join(""));
        if whole {
            return None;
        }
        self.streets
            .iter()
            .filter(|s| s.numbers.iter().any(|n| n == number))
            .any(|s| {
                let name: String = s.folded.chars().filter(|c| c.is_alphabetic()).collect();
                if pieces.len() == 1 {
                    let p = &pieces[0];
                    return token.len() == cut.len()
                        && p.chars().count() >= 5
                        && name.len() > p.len()
                        && name.starts_with(p.as_str());
                }
                shortened_in(&pieces, &name)
            })
            .then_some(token_start)
    }

    /// Where a street of the association that holds house `number` ends right before `at` (past a
    /// space) as typed wrong: one letter missing, added, changed or two swapped ("Valmovägen 7",
    /// "Klätterosvägen 8", seven letters or more, the first letter right, a capital first), or broken
    /// in two by a space, as extracted text breaks words ("Vallm ovägen 5").
    fn misspelt_before(&self, text: &str, at: usize, number: &str) -> Option<usize> {
        let head = text.get(..at)?.strip_suffix([' ', '\u{a0}'])?;
        let (ws, we) = word_before(text, head.len(), &[])?;
        if we != head.len() {
            return None;
        }
        let word = text.get(ws..we)?;
        let holds = |s: &&Street| s.numbers.iter().any(|n| n == number);
        // Broken in two: the word before it and this one joined are the street as written.
        if let Some((ps, pe)) = word_before(text, ws, &[]) {
            // The cheap tests first: the two words joined are lower-cased only for a capital
            // that starts a word.
            if text.get(pe..ws) == Some(" ")
                && !text[..ps].ends_with(is_word_char)
                && text[ps..pe].starts_with(char::is_uppercase)
            {
                let joined = format!("{}{}", &text[ps..pe], word).to_lowercase();
                if self
                    .streets
                    .iter()
                    .filter(holds)
                    .any(|s| s.folded == joined)
                {
                    return Some(ps);
                }
            }
        }
        if !word.starts_with(char::is_uppercase) {
            return None;
        }
        let lower = word.to_lowercase();
        let letters: Vec<char> = lower.chars().collect();
        if letters.len() < 7 || self.streets.iter().any(|s| s.folded == lower) {
            return None;
        }
        self.streets
            .iter()
            .filter(holds)
            .any(|s| {
                let name: Vec<char> = s.folded.chars().collect();
                name.first() == letters.first() && one_edit_apart(&letters, &name)
            })
            .then_some(ws)
    }

    /// "H16" for Hasselvænget 16, "B-19" for Bøgelyvej 19: one capital glued to the number, where the
    /// association's houses lie on two streets or more and the letter starts the name of only one of
    /// them, and that one holds house `number`.
    fn initial(&self, word: &str, number: &str) -> bool {
        let mut chars = word.chars();
        let (Some(l), None) = (chars.next(), chars.next()) else {
            return false;
        };
        if !l.is_uppercase() || self.streets.len() < 2 {
            return false;
        }
        let l = l.to_lowercase().next().unwrap_or(l);
        let mut starting = self.streets.iter().filter(|s| s.folded.starts_with(l));
        match (starting.next(), starting.next()) {
            (Some(s), None) => s.numbers.iter().any(|n| n == number),
            _ => false,
        }
    }

    /// "LV" for Lærkevænget, "VV" for Vibevej, "HS" for Hasselstigen: two or three capitals, the first
    /// the street's first letter and each next one the start of a later part of its name, for a street
    /// that holds house `number`.
    fn initials(&self, word: &str, number: &str) -> bool {
        // Asked of most words before a house number: the cheap tests before collecting the letters.
        if !(2..=3).contains(&word.chars().count()) || !word.chars().all(char::is_uppercase) {
            return false;
        }
        let letters: Vec<char> = word.chars().collect();
        self.streets
            .iter()
            .filter(|s| s.numbers.iter().any(|n| n == number))
            .any(|s| {
                let name: Vec<char> = s.folded.chars().collect();
                let mut at = 0;
                letters.iter().enumerate().all(|(k, l)| {
                    let l = l.to_lowercase().next().unwrap_or(*l);
                    if k == 0 {
                        return name.first() == Some(&l);
                    }
                    // A later part starts three letters or more after the previous one, and not at
                    // the name's last two letters ("Lærke|vænget", "Vibe|vej").
                    let from = at + 3;
                    let to = name.len().saturating_sub(2);
                    match (from..to).find(|&p| name.get(p) == Some(&l)) {
                        Some(p) => {
                            at = p;
                            true
                        }
                        None => false,
                    }
                })
            })
    }
}

/// The capital after one space at `b` that stands alone ("12 B,", "12 B og"), as a house's letter is
/// written apart from its number.
fn spaced_letter(bytes: &[u8], b: usize) -> Option<u8> {
    let l = *bytes.get(b + 1)?;
    (bytes.get(b) == Some(&b' ')
        && l.is_ascii_uppercase()
        && !bytes.get(b + 2).is_some_and(is_word_byte))
    .then_some(l)
}

fn is_word_byte(b: &u8) -> bool {
    b.is_ascii_alphanumeric() || *b >= 0x80
}

/// Whether a house number ends at `end`: no digit, letter, range ("–14"), fraction ("3/2025") or decimal
/// ("7,5", "7.30") follows; a capitalised word run on ("nr. 15Henning") is the next column's.
fn number_ends(text: &str, end: usize) -> bool {
    let mut rest = text.get(end..).unwrap_or("").chars();
    match rest.next() {
        None => true,
        // "nr. 15Henning": a capitalised word run on, as columns run together in extracted text.
        Some(c) if c.is_uppercase() => {
            let mut next = rest.clone();
            next.next().is_some_and(char::is_lowercase)
                && next.next().is_some_and(char::is_lowercase)
        }
        Some(c) if is_word_char(c) || c.is_ascii_digit() => false,
        Some('-' | '–' | '—' | '/' | ',' | '.' | ':' | '%') => {
            !rest.next().is_some_and(|c| c.is_ascii_digit() || c == '%')
        }
        Some(_) => true,
    }
}

/// A house number with a capital letter, standing alone, that the register holds as one house: "7B" in a
/// list of who attended, "hekken mellom 1A og 1B", "(9B)". Row houses in pairs or rows are numbered so, and
/// a number with a letter reads as little else; a bare number without one is a count, an hour or an item.
/// Not after "§", "punkt", "sak", "vedlegg" and the like, and not glued to a word or another number.
fn bare_lettered(text: &str, a: usize, end: usize) -> bool {
    let Some(last) = text.get(..end).and_then(|t| t.chars().next_back()) else {
        return false;
    };
    if !last.is_ascii_uppercase() {
        return false;
    }
    let head = text.get(..a).unwrap_or("");
    if head.ends_with(|c: char| {
        is_word_char(c) || c.is_ascii_digit() || matches!(c, '§' | '-' | '/' | '.')
    }) {
        return false;
    }
    let before = head.trim_end_matches([' ', '\u{a0}']);
    if before.ends_with('§') {
        return false;
    }
    match word_before(text, a, &['.', ' ']) {
        Some((ws, we)) => {
            let w = text.get(ws..we).unwrap_or("");
            !NOT_HOUSE_BEFORE.iter().any(|n| eq_fold(w, n))
        }
        None => true,
    }
}

/// "nr. 1 på ventelisten", "nr 2 i kön": a rank in a list, not a house.
/// Whether the house number whose digits start at `at` stands alone: the text ends, or a stop, a comma
/// or a bracket follows, or a verb or conjunction going on with the sentence.
fn alone_after(text: &str, at: usize) -> bool {
    let rest = text[at..].trim_start_matches(|c: char| c.is_ascii_alphanumeric());
    let next = rest.trim_start_matches([' ', '\t']);
    // "hos Emil i 44: han har …": a colon before what is said about the house (not "12:30").
    if let Some(said) = next.strip_prefix(':') {
        return said.is_empty() || said.starts_with([' ', '\t', '\n', '\r']);
    }
    if next.is_empty() || next.starts_with(['.', ',', ';', '!', '?', ')', '\n', '\r']) {
        // "i 12." at a sentence's end, but not "i 12.30" (a time), "fra 14.-16." (a range) or "fra 1.
        // juli" (an ordinal: a small letter after the stop).
        return !next.starts_with('.')
            || !next[1..]
                .trim_start_matches([' ', '\u{a0}'])
                .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c.is_lowercase());
    }
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    super::flats::AFTER_A_BARE_FLOOR.contains(&word.as_str())
}

fn rank_after(text: &str, at: usize) -> bool {
    let rest = text.get(at..).unwrap_or("");
    let mut words = rest
        .split(|c: char| !is_word_char(c) && !c.is_ascii_digit())
        .filter(|w| !w.is_empty())
        .skip(1);
    let (Some(prep), Some(list)) = (words.next(), words.next()) else {
        return false;
    };
    ["på", "i"].iter().any(|p| eq_fold(prep, p)) && RANK_LISTS.iter().any(|l| eq_fold(list, l))
}

/// Whether `pieces` (lower case, two or more) shorten `name`: the first piece's letters in order from
/// the name's first letter ("slb" in "solbergstigen"), each later piece whole further on ("stigen").
fn shortened_in(pieces: &[String], name: &str) -> bool {
    let mut rest = name;
    for (k, piece) in pieces.iter().enumerate() {
        if k == 0 {
            let mut chars = rest.char_indices();
            for (j, l) in piece.chars().enumerate() {
                match chars.by_ref().find(|&(_, c)| c == l) {
                    Some((i, c)) if j > 0 || i == 0 => rest = &name[i + c.len_utf8()..],
                    _ => return false,
                }
            }
        } else {
            match rest.find(piece.as_str()) {
                Some(i) => rest = &rest[i + piece.len()..],
                None => return false,
            }
        }
    }
    true
}

/// Whether `a` and `b` differ by one letter missing, added or changed, or two neighbours swapped.
fn one_edit_apart(a: &[char], b: &[char]) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    match long.len() - short.len() {
        0 => {
            let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
            match diff[..] {
                [_] => true,
                [i, j] => j == i + 1 && a[i] == b[j] && a[j] == b[i],
                _ => false,
            }
        }
        1 => {
            let p = short.iter().zip(long).take_while(|(x, y)| x == y).count();
            short[p..] == long[p + 1..]
        }
        _ => false,
    }
}

/// What [`Houses::scan`] finds in a text before it meets the findings so far, which two of its forms
/// read: found apart from the other passes (see [`crate::redact`]'s `Apart`), placed among the findings
/// by [`Houses::place`].
#[derive(Debug, Default)]
pub struct Found {
    /// The houses by their number as a noun in figures or in words ("femmeren", "12:an"): each taken.
    nouns: Vec<Raw>,
    /// The houses by "nummer" and their number written out ("i nummer sju"): each taken.
    in_words: Vec<Raw>,
    /// The houses by where they lie in their row: each taken unless it overlaps a finding made before.
    by_position: Vec<Raw>,
    /// The houses in short ("nr. 4", "LV20"): each taken.
    in_short: Vec<Raw>,
}

/// Where the word that ends at `end` starts, when it writes out a street the register holds cut short
/// with a full stop (the register's "Bakkelundv." and the minutes' "Bakkelundveien", "BAKKELUNDVEIEN"):
/// the word begins with the cut street's letters (four or more) and goes on with at least two more.
fn written_out(text: &str, end: usize, folded: &str) -> Option<usize> {
    let stem = folded.strip_suffix('.')?;
    if stem.chars().count() < 4 || !stem.chars().all(char::is_alphabetic) {
        return None;
    }
    let (ws, we) = word_before(text, end, &[])?;
    let word = text.get(ws..we)?;
    let longer = word.chars().count() >= stem.chars().count() + 2;
    let starts = word
        .get(..stem.len())
        .is_some_and(|head| head.to_lowercase() == stem);
    (we == end && longer && starts && word.chars().all(char::is_alphabetic)).then_some(ws)
}

/// A number from one to fifty-nine written out in Danish, Norwegian (either form) or Swedish: "sju",
/// "atten", "tjueein", "tjugofem", "femogtyve", "trettito".
fn cardinal(word: &str) -> Option<u32> {
    const UNITS: &[(&str, u32)] = &[
        ("en", 1),
        ("ein", 1),
        ("eitt", 1),
        ("ett", 1),
        ("et", 1),
        ("to", 2),
        ("två", 2),
        ("tre", 3),
        ("fire", 4),
        ("fyra", 4),
        ("fem", 5),
        ("seks", 6),
        ("sex", 6),
        ("syv", 7),
        ("sju", 7),
        ("otte", 8),
        ("åtte", 8),
        ("åtta", 8),
        ("ni", 9),
        ("nio", 9),
    ];
    const TEENS: &[(&str, u32)] = &[
        ("ti", 10),
        ("tio", 10),
        ("elleve", 11),
        ("elva", 11),
        ("tolv", 12),
        ("tretten", 13),
        ("tretton", 13),
        ("fjorten", 14),
        ("fjorton", 14),
        ("femten", 15),
        ("femton", 15),
        ("seksten", 16),
        ("sexton", 16),
        ("sytten", 17),
        ("sjutton", 17),
        ("atten", 18),
        ("arton", 18),
        ("aderton", 18),
        ("nitten", 19),
        ("nitton", 19),
    ];
    const TENS: &[(&str, u32)] = &[
        ("tjue", 20),
        ("tyve", 20),
        ("tjugo", 20),
        ("tretti", 30),
        ("tredive", 30),
        ("trettio", 30),
        ("førti", 40),
        ("fyrre", 40),
        ("fyrtio", 40),
        ("femti", 50),
        ("halvtreds", 50),
        ("femtio", 50),
    ];
    let find = |list: &[(&str, u32)], w: &str| list.iter().find(|(s, _)| *s == w).map(|(_, n)| *n);
    if let Some(n) = find(UNITS, word).or_else(|| find(TEENS, word)) {
        return Some(n);
    }
    for (tens, t) in TENS {
        if let Some(rest) = word.strip_prefix(tens) {
            // "tjueein", "tjugofem", "trettito".
            return if rest.is_empty() {
                Some(*t)
            } else {
                find(UNITS, rest).map(|u| t + u)
            };
        }
        // "femogtyve", "toogtredive".
        if let Some(head) = word.strip_suffix(tens).and_then(|h| h.strip_suffix("og")) {
            return find(UNITS, head).map(|u| t + u);
        }
    }
    None
}

/// Verbs of living, in the forms minutes use: "bor", "bur", "bodde", "budde", "boede".
const LIVING: &[&str] = &["bor", "bur", "bodde", "budde", "boede"];

/// Houses by their number as a word, as Swedish ("trean") and Norwegian ("firaren", "sekstalet") speech
/// names them, and the number each is.
const SPOKEN_HOUSES: &[(&str, &str)] = &[
    ("ettan", "1"),
    ("tvåan", "2"),
    ("trean", "3"),
    ("fyran", "4"),
    ("femman", "5"),
    ("sexan", "6"),
    ("sjuan", "7"),
    ("åttan", "8"),
    ("nian", "9"),
    ("tian", "10"),
    ("elvan", "11"),
    ("tolvan", "12"),
    ("toaren", "2"),
    ("trearen", "3"),
    ("firaren", "4"),
    ("femmaren", "5"),
    ("seksaren", "6"),
    ("sjuaren", "7"),
    ("åttaren", "8"),
    ("niaren", "9"),
    ("tiaren", "10"),
    ("ellevaren", "11"),
    ("tolvaren", "12"),
    ("tretalet", "3"),
    ("firetalet", "4"),
    ("femtalet", "5"),
    ("sekstalet", "6"),
    ("sjutalet", "7"),
    ("tretallet", "3"),
    ("firetallet", "4"),
    ("femtallet", "5"),
    ("sekstallet", "6"),
    ("sjutallet", "7"),
];

/// The house by its number as a word after `end` (a person's end, or a verb of living's when `verb`):
/// a preposition of place, for a verb after at most three small words, then the word; its span and
/// number.
fn spoken_house_after(text: &str, end: usize, verb: bool) -> Option<(usize, usize, &'static str)> {
    let mut rest = text.get(end..)?.strip_prefix(' ')?;
    let mut skipped = 0;
    loop {
        let word_len = rest
            .find(|c: char| !c.is_alphabetic())
            .unwrap_or(rest.len());
        let word = &rest[..word_len];
        let after = &rest[word_len..];
        if ["från", "frå", "fra", "i", "på"].contains(&word) {
            let noun = after.strip_prefix(' ')?;
            let len = noun.find(|c: char| !is_word_char(c)).unwrap_or(noun.len());
            let start = text.len() - noun.len();
            let number = SPOKEN_HOUSES
                .iter()
                .find(|(w, _)| eq_fold(&noun[..len], w))
                .map(|(_, n)| *n);
            // "i fyrans kök" runs on: `len` covers it, and no word matches.
            return number.map(|n| (start, start + len, n));
        }
        // A small word between a verb of living and the preposition ("ju", "høgst", "upp").
        if !verb
            || skipped == 3
            || word.is_empty()
            || !word.chars().all(char::is_lowercase)
            || !after.starts_with(' ')
        {
            return None;
        }
        skipped += 1;
        rest = &after[1..];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let houses = Houses::new(["Lærkevænget 4", "Lærkevænget 12", "Vibevej 7", "Vibevej 11"]);
        // The streets are places the register protects, as the association's address is.
        let mut protected = Vec::new();
        for place in ["Vibevej", "Lærkevænget", "Vibevej 1–11"] {
            let mut from = 0;
            while let Some(i) = text.get(from..).and_then(|t| t.find(place)) {
                protected.push((from + i, from + i + place.len()));
                from += i + place.len();
            }
        }
        protected.sort_unstable();
        let mut out = Vec::new();
        houses.scan(text, &protected, &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// The register's street cut short with a stop ("Bakkelundv. 4"), written out in the minutes.
    #[test]
    fn a_street_the_register_cuts_short_written_out() {
        let houses = Houses::new(["Bakkelundv. 4", "Bakkelundv. 6", "Eng. 3"]);
        let found = |text: &str| found_in(&houses, text);
        assert_eq!(
            found("Taket på Bakkelundveien 4 lekker, og BAKKELUNDVEGEN 6 er solgt."),
            ["Bakkelundveien 4", "BAKKELUNDVEGEN 6"]
        );
        for stays in [
            // No such house; a cut of fewer than four letters.
            "Bakkelundveien 8 er ikke vår.",
            "Engelsk 3 er et fag.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// The association's streets cut short without a stop or in pieces, before a house they hold.
    #[test]
    fn a_street_cut_short_without_a_stop_or_in_pieces() {
        let houses = Houses::new([
            "Slåpetornsvägen 18",
            "Granbergstigen 5",
            "Rognhaugvegen 10",
            "Bøgelundsvej 3",
        ]);
        let found = |text: &str| found_in(&houses, text);
        assert_eq!(
            found("Familjen på Slåpetornsv 18 har klagat."),
            ["Slåpetornsv 18"]
        );
        assert_eq!(found("Taket på Grb-stigen 5 lekker."), ["Grb-stigen 5"]);
        assert_eq!(
            found("Bebuarane i Rognh.v. 10 og Rh.vegen 10 har meldt frå."),
            ["Rognh.v. 10", "Rh.vegen 10"]
        );
        assert_eq!(found("Bøgelundsv 3 har fået ny dør."), ["Bøgelundsv 3"]);
        for stays in [
            // No such house on the street; a cut in small letters; too short a cut; a word that is no
            // start of the street; another street's whole name.
            "Familjen på Slåpetornsv 12 har klagat.",
            "slåpetornsv 18 har klagat.",
            "Slåp 18 har klagat.",
            "Sløjd 3 er flyttet.",
            "Rognhaugvegen-Nord 10 er stengd.",
            "Grb-veien 5 er stengt.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// The association's street typed wrong by one letter, or broken in two by a space, before one of
    /// its houses; another street, a short word off by one, or a house it does not hold stays.
    #[test]
    fn a_street_typed_wrong_or_broken_before_one_of_its_houses() {
        assert_eq!(
            found("Hækken ved Lærkevænet 12 og Lærkevængett 4 og Lærkeævnget 4 klippes."),
            ["Lærkevænet 12", "Lærkevængett 4", "Lærkeævnget 4"]
        );
        assert_eq!(
            found("Taget på Lærke vænget 12 er nyt."),
            ["Lærke vænget 12"]
        );
        for stays in [
            "Lærkevejen 12 er en anden vej.",
            "Lærkevænet 7 er ikke en af dem.",
            "Vibvej 7 er for kort.",
            "lærkevænet 12 med lille.",
            "Lærkevængeterne 12.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A house by where it lies in its row: the corner, gable or end house, with or without the street;
    /// a word of position and a street; the end of a street. A capitalised corner house in
    /// mid-sentence is a common room's name; plural rows and a house with no place stay.
    #[test]
    fn a_house_by_where_it_lies_in_its_row() {
        assert_eq!(
            found("Råd i remmen i hjørnehuset på Vibevej. Gavlhuset mod Parken og ende-huset får nyt tag."),
            ["hjørnehuset", "Gavlhuset", "ende-huset"]
        );
        assert_eq!(
            found("Vi bød velkommen til det nederste hus i Vibevej og det røde hus for enden af Lærkevænget."),
            ["nederste hus", "hus"]
        );
        assert_eq!(
            found("Ändhuset vid Kvarngatan och sista huset på Vibevej."),
            ["Ändhuset", "sista huset"]
        );
        for stays in [
            "Mødet blev holdt i Hjørnehuset kl. 19.",
            "Gavlhusene og hjørnehusenes tage males.",
            "Det nederste hus har ingen kælder.",
            "Huset på Vibevej er et fælleshus.",
            "Vi så et hus i Spanien.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// One capital glued to a house number, the first letter of one street of the association only.
    #[test]
    fn a_house_by_its_streets_first_letter() {
        assert_eq!(
            found("Velkommen til familien i L12, og V-11 har solgt."),
            ["L12", "V-11"]
        );
        // A house the street does not hold, a letter no street starts with, a code inside a word.
        for stays in ["L7 og V4 og B12.", "Bus L12x og XL12 kørte.", "Fly AB12."] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// A street broken in two by extraction or typed one letter wrong before a house it holds; the
    /// same in lower case, or before a house it does not hold, stays.
    #[test]
    fn a_street_broken_in_two_or_misspelt_before_its_house() {
        assert_eq!(
            found("Ny ejer i Lærke vænget 12 fra maj."),
            ["Lærke vænget 12"]
        );
        assert_eq!(found("Ny ejer i Lærkevænet 12 fra maj."), ["Lærkevænet 12"]);
        for stays in [
            "Ny ejer i lærke vænget 12 fra maj.",
            "Ny ejer i lærkevænet 12 fra maj.",
            "Ny ejer i Lærke vænget 9 fra maj.",
            "Ny ejer i Lærkevænet 9 fra maj.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    #[test]
    fn one_edit_apart_is_one_letter_or_one_swap() {
        let c = |s: &str| s.chars().collect::<Vec<_>>();
        assert!(one_edit_apart(&c("valmovägen"), &c("vallmovägen")));
        assert!(one_edit_apart(&c("vallmovägen"), &c("valmovägen")));
        assert!(one_edit_apart(&c("vallmovägan"), &c("vallmovägen")));
        assert!(one_edit_apart(&c("vallomvägen"), &c("vallmovägen")));
        assert!(!one_edit_apart(&c("vallmovägen"), &c("vallmovägen")));
        assert!(!one_edit_apart(&c("valmovägan"), &c("vallmovägen")));
        assert!(!one_edit_apart(&c("vallmovägenxx"), &c("vallmovägen")));
    }

    /// The houses `houses` finds in `text` where each of `names` is a person found (at its first
    /// occurrence).
    fn houses_after_persons(houses: &Houses, text: &str, names: &[&str]) -> Vec<String> {
        let mut out: Vec<Raw> = names
            .iter()
            .map(|n| {
                let s = text.find(n).unwrap_or(0);
                crate::redact::policy::unknown_person_at(s, s + n.len())
            })
            .collect();
        houses.scan(text, &[], &mut out);
        out.iter()
            .filter(|r| r.kind == Kind::Address)
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// A Swedish house by its number as a word right after a person found and "från", "i" or "på", where
    /// the register holds that house (invented names); without the person, or with no such house, or
    /// with another word between, it stays (a flat by its rooms, "en trea").
    #[test]
    fn a_swedish_house_by_its_number_as_a_word_after_a_person() {
        let houses = Houses::new(["Tallvägen 4", "Tallvägen 7", "Tallvägen 12"]);
        let with_persons = |text: &str, names: &[&str]| houses_after_persons(&houses, text, names);
        assert_eq!(
            with_persons(
                "Sigvard från fyran frågade om staketet, och Ulla i sjuan svarade. Maj på tolvan höll med.",
                &["Sigvard", "Ulla", "Maj"]
            ),
            ["fyran", "sjuan", "tolvan"]
        );
        for (stays, names) in [
            // No person before; no house 3; a word between; the word run on.
            ("Någon från fyran ringde.", &[][..]),
            ("Sigvard från trean ringde.", &["Sigvard"][..]),
            ("Sigvard bor i en fyra.", &["Sigvard"][..]),
            ("Sigvard i fyrans kök.", &["Sigvard"][..]),
        ] {
            assert!(
                with_persons(stays, names).is_empty(),
                "{stays}: {:?}",
                with_persons(stays, names)
            );
        }
    }

    /// Norwegian houses by their number as a word after a person, and a house in Swedish or Norwegian
    /// after a verb of living with small words between.
    #[test]
    fn a_house_by_its_number_as_a_word_in_norwegian_or_after_a_verb_of_living() {
        let houses = Houses::new(["Lidvegen 4", "Lidvegen 7", "Lidvegen 6"]);
        let with_persons = |text: &str, names: &[&str]| houses_after_persons(&houses, text, names);
        assert_eq!(
            with_persons(
                "Torgeir i firaren spurde om gjerdet, og Solveig frå sekstalet svara.",
                &["Torgeir", "Solveig"]
            ),
            ["firaren", "sekstalet"]
        );
        assert_eq!(
            with_persons(
                "Hej! Jag bor i sjuan och undrar om tvättstugan. Eg bur no heilt oppe i firaren.",
                &[]
            ),
            ["sjuan", "firaren"]
        );
        for stays in [
            // No house 3; more than three words between; no verb of living; a flat by its rooms.
            "Jag bor i trean sedan i fjol.",
            "Jag bor sedan länge här nere i sjuan.",
            "Styret møttest i firaren.",
            "Jag bor i en fyra.",
            "Dei som borde i sjuan.",
        ] {
            assert!(
                with_persons(stays, &[]).is_empty(),
                "{stays}: {:?}",
                with_persons(stays, &[])
            );
        }
    }

    /// A house by its number as a noun, in words or in figures, where the register holds that house.
    /// A house by "nummer" and its number written out: the register's houses 4, 7, 11 and 12 in any of
    /// the languages and compounds; a number the register holds no house for, a numbered thing's and a
    /// longer word stay.
    #[test]
    fn a_house_by_nummer_and_its_number_in_words() {
        assert_eq!(
            found("Festen i nummer sju, og Nummer elleve klaget. Bor i nummer tolv; nummer fyra."),
            ["nummer sju", "Nummer elleve", "nummer tolv", "nummer fyra"]
        );
        for stays in [
            "Bor i nummer fem.",
            "Sak nummer fire er utsatt.",
            "punkt nummer sju",
            "nummer sjuende",
            "huset nummer tjueein",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
        assert_eq!(cardinal("tjueein"), Some(21));
        assert_eq!(cardinal("femogtyve"), Some(25));
        assert_eq!(cardinal("tjugotvå"), Some(22));
        assert_eq!(cardinal("atten"), Some(18));
        assert_eq!(cardinal("tjuende"), None);
    }

    #[test]
    fn a_house_by_its_number_as_a_noun() {
        assert_eq!(
            found("Fireren er solgt, og beboerne i 7'eren og tolveren klaget."),
            ["Fireren", "7'eren", "tolveren"]
        );
        // Swedish, in figures.
        assert_eq!(
            found("Grannarna i 7:an och 12:an klagade; 4:an är såld."),
            ["7:an", "12:an", "4:an"]
        );
        // No house 5; a time, a ratio and a word stay.
        assert_eq!(found("12:ans tak läcker."), ["12:ans"]);
        for stays in [
            "I 5:an bor ingen.",
            "4.12:an",
            "x12:an",
            "7:anna",
            "3:12:an",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
        // No house 5 or 3; "beboeren", "lederen" and "47-eren" are no houses.
        for stays in [
            "Femmeren er solgt.",
            "I treeren bor ingen.",
            "Beboeren og lederen kom.",
            "Bussen 47-eren kom.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
        // The teens: "sekstenen" (no house 15; "sekstenende" is no noun of a house).
        let houses = Houses::new(["Vibevej 16", "Vibevej 18"]);
        let text = "Støj fra de nye i sekstenen; femtenen og sekstenende stod.";
        let nouns: Vec<&str> = houses
            .numbers_as_nouns(text, &[])
            .iter()
            .map(|r| &text[r.start..r.end])
            .collect();
        assert_eq!(nouns, ["sekstenen"]);
    }

    /// What the scan finds among row houses some of which are numbered with a letter, no place protected.
    fn found_lettered(text: &str) -> Vec<String> {
        let houses = Houses::new([
            "Epleveien 1A",
            "Epleveien 1B",
            "Epleveien 7B",
            "Epleveien 3",
        ]);
        found_in(&houses, text)
    }

    /// The texts `houses` finds in `text`, no place protected.
    fn found_in(houses: &Houses, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        houses.scan(text, &[], &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// A list of houses after one of them: each registered number joined by a comma or "og"/"och"/
    /// "and"/"&"/"eller" is a house too; a number no house has ends the list, and an ordinal or a count
    /// after the joining word is no house.
    #[test]
    fn houses_listed_after_one_of_them() {
        assert_eq!(found("Klager fra Vibevej 7 og 11."), ["Vibevej 7", "11"]);
        assert_eq!(
            found("Tagene på nr. 4, 12 og 7 skiftes."),
            ["nr. 4", "12", "7"]
        );
        assert_eq!(
            found("Hækken ved Vibevej 7 & 11 klippes."),
            ["Vibevej 7", "11"]
        );
        // A number that is no house breaks the list: what follows is not taken for a house.
        assert_eq!(found("Beboerne i nr. 4, 9 og 12 mødte op."), ["nr. 4"]);
        // Ordinals, counts and sums after the joining word.
        assert_eq!(found("Vibevej 7, 4. sal blev nævnt."), ["Vibevej 7"]);
        assert_eq!(found("Vibevej 7 og 11 kr. i gebyr."), ["Vibevej 7"]);
        assert_eq!(found("Vibevej 7 og 4 personer kom."), ["Vibevej 7"]);
        // A list closing a sentence.
        assert_eq!(found("Det gælder nr. 4 og 12. Styret"), ["nr. 4", "12"]);
        // Without a house before them, numbers joined by "og" stay ("punkt 4 og 7").
        assert!(found("Punkt 4 og 7 blev udsat.").is_empty());
    }

    #[test]
    fn a_house_number_alone_after_nr() {
        assert_eq!(found("Hækken ved nr. 12 er for høj."), ["nr. 12"]);
        assert_eq!(found("vinduerne i hus nr. 4 skiftes"), ["nr. 4"]);
        assert_eq!(
            found("forslaget fra nr 7, og nummer 11 var imod"),
            ["nr 7", "nummer 11"]
        );
        // A number the association has no house with, a numbered thing, a rank, a fraction.
        assert!(found("nr. 9 og nr. 14").is_empty());
        assert!(found("bestyrelsesmøde nr. 4 og punkt nr. 12").is_empty());
        assert!(found("bestyrelsesmøde nr. 4/2025").is_empty());
        assert!(found("Hun er nr. 7 på ventelisten.").is_empty());
    }

    /// Regression (the dev set through the CLI): "CVR-nr. 38 52 80 84" lost "nr. 38" where the
    /// association has a house 38, and the word before it was then taken for the resident's name ("a
    /// name right before a resident's unit"). The "nr." of an organisation's number is no house.
    #[test]
    fn regression_the_nr_of_an_organisations_number_is_no_house() {
        for text in [
            "Tømrer A. Bak ApS, CVR-nr. 12 34 56 78, kom.",
            "Firmaet har CVR nr. 12 30 11 90.",
            "Styret: org. nr. 12 345 678.",
            "Sagsnr. 12 er lukket.",
        ] {
            assert!(found(text).is_empty(), "{text}: {:?}", found(text));
        }
        assert_eq!(found("Hansen i nr. 12 klagede."), ["nr. 12"]);
    }

    /// Regression (row houses, dev set 30): a house the register does not list, named with its own
    /// "nr." right after one it does ("the hedge between nr. 13 and nr. 15"), was left, and so was a
    /// house alone after "i" before a colon ("the charger at Emil's in 44: he has sent a drawing").
    /// A register that lists some of a street's houses leaves out the neighbours the minutes name
    /// beside them. A number outside the street's numbers or on the other side of the street, one
    /// without its own "nr.", one with no house before it, a rank and the clock stay.
    #[test]
    fn regression_an_unlisted_neighbour_and_a_house_before_a_colon() {
        let houses = Houses::new([
            "Bøgeløkken 1",
            "Bøgeløkken 3",
            "Bøgeløkken 9",
            "Bøgeløkken 13",
            "Bøgeløkken 21",
            "Askeløkken 2",
            "Askeløkken 8",
        ]);
        let found = |t: &str| found_in(&houses, t);
        assert_eq!(
            found("Hækken mellem nr. 13 og nr. 15 fjernes."),
            ["nr. 13", "nr. 15"]
        );
        assert_eq!(
            found("Skurene ved nr. 9, nr. 11 og nr. 13."),
            ["nr. 9", "nr. 11", "nr. 13"]
        );
        assert_eq!(
            found("Laderen hos Emil i 21: han har sendt en tegning."),
            ["21"]
        );
        for stays in [
            // Beyond every street's numbers, and the other side of an odd street with no such even house.
            "Hækken mellem nr. 13 og nr. 31 fjernes.",
            // Without its own "nr.", or with no house before it.
            "Hækken ved nr. 13 og 15 meter sti.",
            "Forslag nr. 5 og nr. 7 blev vedtaget.",
            // A rank, the clock.
            "nr. 13 og nr. 15 på ventelisten",
            "Mødet i 21:30 sluttede sent.",
        ] {
            assert!(
                found(stays).iter().all(|f| f == "nr. 13"),
                "{stays}: {:?}",
                found(stays)
            );
        }
        // An even number between the odd street's numbers is the even street's only where it lies
        // among that street's own (2-8).
        assert_eq!(found("mellem nr. 3 og nr. 6"), ["nr. 3", "nr. 6"]);
        assert_eq!(found("mellem nr. 3 og nr. 10"), ["nr. 3"]);
    }

    /// The house number alone right after a preposition of place, standing alone, in the three
    /// languages; a count, a time, a range or a noun after it stays.
    #[test]
    fn a_house_number_alone_after_a_preposition_of_place() {
        assert_eq!(found("Beboerne i 12 har bedt om en ny postkasse."), ["12"]);
        assert_eq!(found("Der er klaget over larm fra 11."), ["11"]);
        assert_eq!(found("Støy frå 7 og 11 om natta."), ["7", "11"]);
        assert_eq!(found("Klagomål från 4, som vill ha staket."), ["4"]);
        for stays in [
            "Vi har boet her i 12 år.",
            "Åpent fra 11 til 14.",
            "Mødet varer fra 7.30.",
            "Sælges i 4 dele.",
            "Fra 12.-14. maj er der lukket.",
            "Lejen stiger fra 1. juli.",
            "Fra 7. januar er kontoret åbent.",
        ] {
            assert!(found(stays).is_empty(), "{stays}: {:?}", found(stays));
        }
    }

    /// Row houses numbered with a letter ("7B"): the number alone is the house where the register holds
    /// it as one, and so is "bolig 7B"; paragraphs, items and numbers the association has not stay.
    #[test]
    fn a_lettered_house_number_alone() {
        let found = found_lettered;
        assert_eq!(found("Bolig | Eier\n7B    | Kari Holm"), ["7B"]);
        assert_eq!(found("hekken mellom 1A og 1B skal klippes"), ["1A", "1B"]);
        assert_eq!(found("Taket på bolig 7B lekker (1A)."), ["bolig 7B", "1A"]);
        assert_eq!(
            found("Epleveien 7B og huset 1A"),
            ["Epleveien 7B", "huset 1A"]
        );
        for text in [
            "jf. § 7B i vedtektene",
            "punkt 1A på dagsordenen",
            "se vedlegg 1B",
            "Klasse 7B var på tur.",
            "2C og 7C",
            "kl. 7B",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
        // A digit-only house is taken after a word that names a home, never alone.
        assert_eq!(found("bolig 3 er solgt, 3 stemte mot"), ["bolig 3"]);
    }

    /// The letter written apart from the number ("1 B", "Epleveien 7 B") is the same house as "1B", where the
    /// register holds that one; a capital after a number the register has no lettered house for is not part
    /// of it.
    #[test]
    fn a_house_letter_after_a_space() {
        let found = found_lettered;
        assert_eq!(found("naboen i 1 B, som er enig"), ["1 B"]);
        assert_eq!(
            found("Forslag fra Epleveien 7 B om hekk."),
            ["Epleveien 7 B"]
        );
        assert_eq!(found("Taket på bolig 7 B lekker."), ["bolig 7 B"]);
        assert_eq!(found("Epleveien 3 B er ikke vår."), ["Epleveien 3"]);
        for text in [
            "punkt 1 B på dagsordenen",
            "i 1 Bod",
            "se vedlegg 7 B",
            "2 C og 7 C",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
    }

    #[test]
    fn the_street_before_nr_belongs_to_the_house() {
        assert_eq!(found("indkørslen til Vibevej nr. 7"), ["Vibevej nr. 7"]);
    }

    #[test]
    fn streets_cut_short_or_by_initials() {
        assert_eq!(
            found("Lærkev. 12 og Vibev. 11"),
            ["Lærkev. 12", "Vibev. 11"]
        );
        assert_eq!(found("fugt i LV 4, trampolin ved VV 7"), ["LV 4", "VV 7"]);
        // Abbreviated with a full stop: first letters and the start of the street word.
        assert_eq!(found("Vibe Holm, Lv. 12; Vv. 11"), ["Lv. 12", "Vv. 11"]);
        assert!(found("Lx. 12 og Vb. 5").is_empty());
        assert_eq!(found("LV12 og VV-11"), ["LV12", "VV-11"]);
        // Initials of no street of the association, or a number the street does not hold.
        assert!(found("KL 12 og LV 7 og Vi. 7").is_empty());
    }

    #[test]
    fn the_street_in_another_letter_case() {
        assert_eq!(found("hilsen kaj, vibevej 7."), ["vibevej 7"]);
        assert_eq!(found("FORSLAG FRA LÆRKEVÆNGET 12"), ["LÆRKEVÆNGET 12"]);
    }

    #[test]
    fn ranges_and_the_clock_stay() {
        assert!(found("rækken Lærkevænget 4–12 og kl. 7.30").is_empty());
        assert!(found("Vibevej 7-11").is_empty());
        assert!(found("Foreningen, Vibevej 1–11, holder").is_empty());
        assert!(found("Sted: Fælleshuset, Vibevej 7").is_empty());
    }

    /// The end of a street after a house, in any letter case, and what is no end of one.
    #[test]
    fn the_end_of_a_street_in_any_letter_case() {
        for (text, cue) in [
            ("for enden af Vibevej", "for enden af"),
            ("FOR ENDEN AF Vibevej", "for enden af"),
            ("Längst Bort På gatan", "längst bort på"),
            ("LÄNGST IN PÅ gården", "längst in på"),
        ] {
            assert!(starts_with_cue(text, cue), "{text}");
        }
        for (text, cue) in [
            ("for enden", "for enden af"),
            ("for endenaf", "for enden af"),
            ("langst bort på", "längst bort på"),
            ("fór enden af", "for enden af"),
        ] {
            assert!(!starts_with_cue(text, cue), "{text}");
        }
    }

    /// Regression (the houses' pass, speed): the end of a street was read by lower-casing a copy of
    /// the text after every "hus" for every cue (36,000 allocations on dense minutes). The cues are
    /// now compared in place; this is the reading they replaced, kept as the reference.
    fn starts_with_cue_by_lower_casing(text: &str, cue: &str) -> bool {
        text.get(..cue.len())
            .is_some_and(|h| h.to_lowercase() == *cue)
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        #[test]
        fn regression_the_end_of_a_street_compared_in_place_is_the_lower_cased_reading(
            text in crate::redact::testgen::text(),
            pick in 0usize..AT_THE_END.len(),
            how in 0u8..4,
            cut in 0usize..4,
        ) {
            let cue = AT_THE_END[pick];
            let written = match how {
                0 => cue.to_string(),
                1 => cue.to_uppercase(),
                2 => cue.replace('å', "Å").replace('ä', "Ä").replace('e', "E"),
                _ => cue.replace('a', "ä").replace('k', "\u{212a}"),
            };
            let written: String = written.chars().take(written.chars().count().saturating_sub(cut)).collect();
            for t in [format!("{written}{text}"), text.clone(), format!("{written} {text}")] {
                for cue in AT_THE_END {
                    proptest::prop_assert_eq!(
                        starts_with_cue(&t, cue),
                        starts_with_cue_by_lower_casing(&t, cue),
                        "{:?} {:?}", t, cue
                    );
                }
            }
        }
    }

    /// A heading's street with its houses' range; a range of years, a phone, a date or a line of
    /// many words is none.
    #[test]
    fn a_range_of_houses_in_a_heading() {
        assert_eq!(
            range_of_houses("Lyngbakken 1–20, 5705 Voss"),
            Some(("Lyngbakken".to_string(), 1, 20))
        );
        assert_eq!(
            range_of_houses("Gamle Kongevej 3 - 9"),
            Some(("Gamle Kongevej".to_string(), 3, 9))
        );
        for line in [
            "Protokoll 2024–2025",
            "Periode 2020-2026",
            "Tlf 22-33",
            "Lyngbakken 9–3",
            "Lyngbakken 1–20B",
            "Møtet 12. mai",
        ] {
            assert_eq!(range_of_houses(line), None, "{line}");
        }
    }

    /// Regression (class: a row house by its street and number in a notice without a register,
    /// "<person> i <street> <n>", "inngangen i <street> <n>", where the heading gives the street with
    /// its houses' range and the text speaks of its houses, stayed in the published text). The range
    /// itself stays; so does a number on the street where the text speaks of stairwells or flats.
    #[test]
    fn regression_a_row_house_by_its_number_without_a_register() {
        let row = "Lyngbakken Burettslag\nLyngbakken 1–20, 5705 Voss\n\nNye tak på alle husa.\n\
                   Sigrun Tveit i Lyngbakken 7 flyttar. Rampe til inngangen i Lyngbakken 15.\n";
        let gone: Vec<String> = crate::redact::detect(row, None)
            .into_iter()
            .filter(|f| f.kind == Kind::Address && f.decision == Decision::Redact)
            .map(|f| f.text)
            .collect();
        assert_eq!(gone, ["Lyngbakken 7", "Lyngbakken 15"]);
        let flats = row.replace("husa", "husa og oppgangane");
        assert!(crate::redact::detect(&flats, None)
            .iter()
            .all(|f| f.kind != Kind::Address));
    }
}
