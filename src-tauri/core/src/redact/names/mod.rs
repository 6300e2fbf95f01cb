//! Names of people: the register's residents and officials in every form minutes use, and names nobody
//! registered (first-name lists, capitalisation, context cues).
//!
//! The text is read once, word by word; only capitalised words (and name particles such as "von", "af")
//! are looked up, in case-folded hash tables, so the cost per word is one branch for most words. Runs of
//! adjacent capitalised words ("Freja Bundgaard-Vest", "Benedikte af Rosenborg-Friis", a name broken over a
//! line) are matched as a whole, so the longest reading wins. Mentions that only make sense in the light of
//! the whole document (a surname shared by a resident and an official, the surname of a guest named in full
//! further down) are settled after the pass.
//!
//! The recognizer is split by concern: [`register`] compiles the register's names and matches them,
//! [`unknown`] holds the rules for names nobody registered, [`units`] takes the name right before a
//! resident's unit, and [`tokens`] reads words. The word lists are data in `assets/words/`
//! (see [`super::words`]); streets named after people are in [`super::streets`].

mod again;
mod alone;
mod context;
mod initials;
mod joints;
mod kin;
mod lines;
mod lower;
mod nicknames;
mod register;
mod tokens;
mod units;
mod unknown;

use super::lists::{
    first_names, is_place, is_surname, starts_hyphenated_place, starts_place, NameInfo,
};
use super::policy::{self, overlaps_any, Raw};
use super::streets::{street_after, street_compound, street_word};
// The names pass hashes words and positions by the thousand per document: FNV, not SipHash.
use super::text::{fold_into, is_one_of, is_word_char, starts_sentence, word_before, Hit, WordMap};
use super::text::{FastMap as HashMap, FastSet as HashSet};
use super::words::{
    closings, company_words, cues, cues_and_speech, deed_verbs, function_words, is_company_word,
    is_institution, is_particle, is_thing_noun, is_title_of_address, kin_nouns, particles,
    speech_verbs, title_starts,
};
use super::{Context, Decision, Kind, Recognizer};

pub use again::names_again;
pub use alone::first_names_alone;
pub use initials::{initials_of_people_named, initials_standing_alone};
pub use joints::{couples, is_glued_particle, name_joints, roman_generation};
pub use lower::{lower_case_first_names, lower_case_names_unregistered};
pub use nicknames::nicknames;
pub(super) use register::split_owners;
use tokens::{
    bare_initial_before, english_month, gap_joins, genitive_stem, hyphen_letters, in_date,
    initial_after, plain_lower_end, quoted_title, word_end,
};
pub use units::{names_as_headings, names_before_units};

/// Whether the word at `start` stands where the unknown-name rules leave a name on purpose: right after
/// a noun that makes it a thing ("hovedstaden Santiago", "skibet Dagny") or after an abbreviated saint
/// ("Sct. Knuds Park"). The names model adds nothing there.
pub(crate) fn thing_or_saint_before(text: &str, start: usize) -> bool {
    thing_before(text, start) || saint_before(text, start)
}

/// Whether `start` stands in the list of names of a line that opens with an attendance label ("Afbud:
/// …", "Närvarande: …"): see [`context::in_attendance_list`].
pub(crate) fn on_an_attendance_list(text: &str, start: usize) -> bool {
    in_attendance_list(text, start)
}

/// Whether the word at `start..end` is part of an e-mail address, a web address or a path ("mona" of
/// "mona.berg@…"): no word of a sentence.
pub(crate) fn inside_an_address(text: &str, start: usize, end: usize) -> bool {
    in_address(text, start, end)
}

/// Whether a capitalised word is a title or a role, in any form: on the cues' list ("Kassör", "Fru"), a
/// compound ending in one ("Vaktmestersjef") or inflected ("Kassören", "Vicevärden").
pub(crate) fn is_role_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    cues().contains(&lower) || compound_cue(&lower) || inflected_cue(&lower)
}

/// Whether a capitalised word is a role or a title in the definite form ("Presidenten", "Statsministeren",
/// "Formanden", "Mannen"): a description of someone, not a name. A monarch's title is left out ("Kongen",
/// "Dronningen", "Kronprinsen": one person of the realm, whom news corpora label as a name).
pub(crate) fn is_definite_role(word: &str) -> bool {
    const MONARCHS: &[&str] = &[
        "kong",
        "konge",
        "dronning",
        "kronprins",
        "kronprinsesse",
        "kung",
        "drottning",
    ];
    let lower = word.to_lowercase();
    let base = ["erne", "ene", "en", "et", "n", "a"]
        .iter()
        .find_map(|suffix| {
            lower
                .strip_suffix(suffix)
                .filter(|b| b.chars().nth(2).is_some())
        });
    let Some(base) = base else {
        return false;
    };
    if MONARCHS.contains(&base) || MONARCHS.contains(&lower.trim_end_matches('n')) {
        return false;
    }
    // On the cues' list as written and in its base form, or its base a cue or a compound of one.
    inflected_cue(&lower)
        || (cues().contains(&lower) && (cues().contains(base) || compound_cue(base)))
}
use context::{
    abbreviation, age_after, citation, company_after_cue, compound_cue, cue_before_by,
    definite_ending, followed_by_company, home_in_brackets_after, hyphen_given, in_attendance_list,
    inflected_cue, initials_not_a_range, is_body, kin_after, lower_noun, moving_after,
    noun_follows, numbered_heading, party_by_role, party_to_a_letting, party_to_a_proxy,
    patronymic, place_before, proposer_in_a_heading, role_label_before, saint_before,
    signs_after_a_closing, speaker_with_party, speech_after, speech_after_whence, speech_before,
    subject_after_verb, thing_before, unit_after, word_before_is,
};
use lines::{
    credits, lower_case_lines, names_in_a_lists_order, signatures, surnames_of_mail_names,
};

/// Where a word sits in a registered name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Given,
    Particle,
    Family,
}

#[derive(Debug, Clone, Copy)]
struct Slot {
    person: u32,
    pos: u8,
    part: Part,
}

#[derive(Debug)]
struct Person {
    /// Number of words in the registered name.
    words: u8,
    /// An official whose role is valid on the document's date: the name stays.
    keep: bool,
    /// The register's unit the person owns, as an index of its own (co-owners share it).
    household: Option<u32>,
}

/// The finds of [`NameRecognizer::lines`], in the order the scan adds them.
#[derive(Debug, Default)]
pub struct Lines {
    signatures: Vec<Raw>,
    lower_case: Vec<Raw>,
    credits: Vec<Raw>,
    lists_order: Vec<Raw>,
}

/// The end of a lone capital one space after `end`, where a word in small letters, a comma or a colon
/// follows it ("O-E T tar …", "A-M K, …"): the initial of a surname after initials.
fn lone_capital_after(text: &str, end: usize) -> Option<usize> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let c = rest.chars().next().filter(|c| c.is_uppercase())?;
    let after = &rest[c.len_utf8()..];
    let follows = after
        .strip_prefix(' ')
        .is_some_and(|a| a.starts_with(char::is_lowercase))
        || after.starts_with([',', ':']);
    follows.then_some(end + 1 + c.len_utf8())
}

/// The compiled name recognizer for one context.
#[derive(Debug)]
pub struct NameRecognizer {
    table: WordMap<Vec<Slot>>,
    people: Vec<Person>,
    /// Lower-case initials ("kd") of every registered person.
    initials: WordMap<Vec<u32>>,
    /// Registered names written all in lower case ("kari nesset", "mvh kari"): see
    /// [`NameRecognizer::lower_case_names`].
    lower: Option<LowerNames>,
    /// The streets of the residents' homes, in lower case without their numbers ("kildevej"): a first
    /// name followed by "fra"/"på" and one of them is a resident placed by home ("Inger fra Kildevej").
    streets: Vec<String>,
}

/// Which form of a registered name a lower-case pattern is, and so how much it proves alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LowerForm {
    /// The full name ("kari nesset"): always the person.
    Full,
    /// The first name and the surname's initial ("kari n.", "kari n"): the person, as "Kari N." is.
    Initial,
    /// The first name alone, no word of the lists ("kirsten").
    Given,
    /// The first name alone that is also a word ("sanna", "gro"): only in a name's place.
    WordGiven,
    /// A first name of two letters ("bo"): only with the surname's initial after it ("bo l").
    Short,
    /// The surname alone, of four letters or more and no word, place or first name of the lists
    /// ("elkjær"): after a title, or in a line typed in lower case once the document names the person.
    Surname,
}

/// The lower-case forms of registered names, found in one pass.
#[derive(Debug)]
struct LowerNames {
    /// Searched in the detector's one pass ([`super::text::OnePass`]).
    patterns: Vec<String>,
    /// Per pattern: the people and which of their forms it is.
    forms: Vec<Vec<(u32, LowerForm)>>,
    /// Per person: the surname's initial when it may follow the first name without a full stop.
    initials: Vec<Option<char>>,
}

/// One word of a run of capitalised words.
#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    /// Range of the folded word in the key buffer.
    k0: usize,
    k1: usize,
    /// Range of the folded word without a genitive ending, if it has one.
    g1: usize,
    upper: bool,
    particle: bool,
    /// A single capital letter followed by a full stop ("M. Elkjær").
    initial: bool,
    /// The folded word's index in [`Scan::facts`].
    id: u32,
}

/// What the names pass knows about one distinct folded word of the document, worked out the first
/// time the word is read and shared by every later occurrence (a document uses the same few thousand
/// words over and over; the look-ups per occurrence were a large part of the pass).
#[derive(Debug, Clone, Copy)]
struct Facts {
    /// The word (or, failing that, its genitive stem) in the lists of first names.
    info: Option<NameInfo>,
    /// Some place of several words on the list starts with the word ([`starts_place`]).
    place_head: bool,
    /// The stem without a genitive ending is a patronymic or a common surname.
    surname: bool,
    /// The word is single letters joined by hyphens ([`hyphen_letters`]).
    hyphen_letters: bool,
}

/// A register mention that could be more than one person; settled after the pass.
#[derive(Debug)]
struct Pending {
    raw: usize,
    candidates: Vec<u32>,
}

#[derive(Debug, Default)]
struct Scan {
    keys: String,
    /// Each distinct folded word read so far: its index in `facts`.
    lexicon: WordMap<u32>,
    facts: Vec<Facts>,
    /// `compound_cue(w) || inflected_cue(w)` per distinct word as asked: see [`Scan::role_suffix`].
    role_seen: WordMap<bool>,
    buf: String,
    run: Vec<Tok>,
    out: Vec<Raw>,
    pending: Vec<Pending>,
    /// (person, byte position) of every mention by full name.
    full_mentions: Vec<(u32, usize)>,
    /// People named by their surname alone ("Abildskov"), when it is only theirs: the document names
    /// them, so a lower-case first name of theirs in a pasted e-mail is theirs too.
    surname_mentions: Vec<u32>,
    /// Folded words of unregistered people named with at least two words.
    guest_words: HashSet<String>,
    /// Those of `guest_words` that came from a name starting with a listed first name ("Kari Høgre"),
    /// not only from capitalised words a cue or a verb put where a person stands ("meiner Kviteseid
    /// Høgre"): see [`NameRecognizer::loose_words`].
    guest_sure: HashSet<String>,
    /// Words of those names that are also ordinary words ("espen"): only a speaker's label takes them.
    guest_plain: HashSet<String>,
    /// Words of those names that are also ordinary words or places ("Sten", "Lund", "Viborg"), not
    /// function words: taken alone only as the subject of a verb of saying or a deed right after them
    /// ("Lund lovede at …"). See [`NameRecognizer::loose_words`].
    guest_acting: HashSet<String>,
    /// Register mentions by a lone first name that is also a word: (index in `out`, candidates).
    weak: Vec<(usize, Vec<u32>)>,
    /// Cache for [`Scan::lower_in_text`].
    lower_seen: HashMap<String, bool>,
    /// Cache for [`NameRecognizer::glued_surname`], per word as written.
    glued: HashMap<String, Option<(usize, Vec<u32>)>>,
    /// Cache for [`Scan::compound_head_in_text`].
    head_seen: HashMap<String, (bool, bool)>,
    /// Capitalised words no recognizer claimed: (start, end, key range).
    loose: Vec<(usize, usize, usize, usize)>,
    /// Names of capitalised words that nothing else explains, waiting for their last word alone
    /// elsewhere: (start, end, folded words without a genitive ending).
    unconfirmed: Vec<(usize, usize, Vec<String>)>,
    /// Folded single words the text uses as places ("i Tafjord", "på Haukeland"): see
    /// [`NameRecognizer::lone_places`].
    lone_places: HashSet<String>,
}

impl NameRecognizer {
    pub fn new(context: Option<&Context>) -> NameRecognizer {
        let mut r = NameRecognizer {
            table: WordMap::default(),
            people: Vec::new(),
            initials: WordMap::default(),
            lower: None,
            streets: Vec::new(),
        };
        let Some(ctx) = context else { return r };
        for a in ctx.residents.iter().filter_map(|r| r.address.as_deref()) {
            let street = a
                .split(|c: char| c.is_ascii_digit() || c == ',')
                .next()
                .unwrap_or("")
                .trim()
                .to_lowercase();
            if street.chars().count() >= 4
                && street
                    .chars()
                    .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '.')
                && !r.streets.contains(&street)
            {
                r.streets.push(street);
            }
        }
        let mut seen: HashMap<String, usize> = HashMap::default();
        // Each person's name as registered, in lower case.
        let mut written: Vec<(String, usize)> = Vec::new();
        let mut buf = String::new();
        for o in &ctx.officials {
            let keep = o.valid_on(ctx.document_date);
            for name in split_owners(&o.name) {
                fold_into(&name, &mut buf);
                if let Some(&i) = seen.get(&buf) {
                    // The same person in two roles: kept if any role is valid.
                    if let Some(p) = r.people.get_mut(i) {
                        p.keep |= keep;
                    }
                    continue;
                }
                seen.insert(buf.clone(), r.people.len());
                written.push((name.to_lowercase(), r.people.len()));
                r.add(&name, keep);
            }
        }
        let mut households: HashMap<&str, u32> = HashMap::default();
        for res in &ctx.residents {
            let household = res.unit.as_deref().map(|u| {
                let next = households.len() as u32;
                *households.entry(u).or_insert(next)
            });
            for name in split_owners(&res.name) {
                fold_into(&name, &mut buf);
                if let Some(&i) = seen.get(&buf) {
                    // An official who owns a home: theirs too.
                    if let Some(p) = r.people.get_mut(i) {
                        p.household = p.household.or(household);
                    }
                    continue;
                }
                seen.insert(buf.clone(), r.people.len());
                written.push((name.to_lowercase(), r.people.len()));
                let id = r.people.len();
                r.add(&name, false);
                if let Some(p) = r.people.get_mut(id) {
                    p.household = household;
                }
                if r.people.len() > id {
                    for email in &res.emails {
                        r.add_email_nickname(&name, email, id as u32);
                    }
                }
            }
        }
        r.lower = r.compile_lower(&written);
        r
    }
    /// Whether "fra"/"på"/"i" and a street of the residents' homes follow `end` ("Inger fra Kildevej",
    /// "Jens på Mosevej 3"): the first name before it is a resident placed by home.
    fn street_after(&self, text: &str, end: usize) -> bool {
        if self.streets.is_empty() {
            return false;
        }
        let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
            return false;
        };
        let Some(rest) = ["fra ", "frå ", "från ", "på ", "i "]
            .iter()
            .find_map(|p| rest.strip_prefix(p))
        else {
            return false;
        };
        let word_len: usize = rest
            .char_indices()
            .find(|&(_, c)| !(c.is_alphabetic() || c == ' ' || c == '-' || c == '.'))
            .map_or(rest.len(), |(i, _)| i);
        let head = rest[..word_len].to_lowercase();
        self.streets.iter().any(|s| {
            head.strip_prefix(s.as_str())
                .is_some_and(|after| !after.starts_with(char::is_alphabetic))
        })
    }

    /// The lower-case forms of registered names to search for; their leftmost-longest matches are
    /// [`NameRecognizer::scan_with_lines`]' `lower_hits`.
    pub fn lower_patterns(&self) -> &[String] {
        self.lower.as_ref().map_or(&[], |l| l.patterns.as_slice())
    }

    /// [`NameRecognizer::scan_with_lines`], the lines' names found here.
    #[cfg(test)]
    pub fn scan(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        lower_hits: &[Hit],
        out: &mut Vec<Raw>,
    ) {
        self.scan_with_lines(text, protected, lower_hits, || self.lines(text), out);
    }

    /// What the rules that read lines alone find in `text` (signatures and the names their e-mail
    /// addresses repeat, lines of names in lower case, credits): they read neither the names found
    /// nor each other's finds, so detection finds them on a second thread beside the names.
    pub fn lines(&self, text: &str) -> Lines {
        let registered = |key: &str| self.table.contains_key(key);
        let mut lines = Lines::default();
        // No finding before them has a signature's reason, the one `signatures` reads back.
        signatures(text, &mut lines.signatures);
        lower_case_lines(text, &registered, &mut lines.lower_case);
        credits(text, &registered, &mut lines.credits);
        names_in_a_lists_order(text, &registered, &mut lines.lists_order);
        lines
    }

    /// Finds names in `text`; `protected` are organisation and place spans where no name is reported,
    /// `lower_hits` the matches of [`NameRecognizer::lower_patterns`], `lines` gives the finds of
    /// [`NameRecognizer::lines`], asked for where the scan places them.
    pub fn scan_with_lines(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        lower_hits: &[Hit],
        lines: impl FnOnce() -> Lines,
        out: &mut Vec<Raw>,
    ) {
        self.scan_reading(text, protected, lower_hits, lines, out, true);
    }

    /// [`NameRecognizer::scan_with_lines`]; `skip_lower`: outside a run of names, pass over the
    /// lower-case words to the next capital (the walk before it read every word: the tests' reference).
    fn scan_reading(
        &self,
        text: &str,
        protected: &[(usize, usize)],
        lower_hits: &[Hit],
        lines: impl FnOnce() -> Lines,
        out: &mut Vec<Raw>,
        skip_lower: bool,
    ) {
        let mut s = Scan::default();
        // Sized for the text up front: growing these buffers showed up in the profile.
        s.keys.reserve(text.len() / 6);
        s.loose.reserve(text.len() / 64);
        s.out.reserve(text.len() / 256);
        let mut prev_end = 0usize;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        // Outside a run, the walk passes over lower-case words, digits and punctuation to the next
        // capital (or character beyond Latin-1's small letters), reading again just before it where a
        // particle may wait for a name ([`tokens::read_on_from`]); not again before that capital.
        let mut read_to = 0usize;
        while i < bytes.len() {
            if skip_lower && s.run.is_empty() && i >= read_to {
                let q = tokens::next_capital_or_wide(bytes, i);
                read_to = q + 1;
                i = tokens::read_on_from(text, i, q);
                if i >= bytes.len() {
                    break;
                }
            }
            let b = bytes[i];
            // Fast path: skip everything that cannot start a word.
            if b < 0x80 && !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            // Fast path: a plain lower-case word outside a run of names (also with æ, ø, å …) only
            // needs skipping (unless it is a particle, which may start "von Hanno").
            if s.run.is_empty() {
                if let Some(e) = plain_lower_end(bytes, i) {
                    if !is_particle(text.get(i..e).unwrap_or("")) {
                        i = e;
                        prev_end = e;
                        continue;
                    }
                }
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                i += 1;
                continue;
            };
            if !is_word_char(c) {
                i += c.len_utf8();
                continue;
            }
            let start = i;
            let end = word_end(text, start);
            i = end.max(start + 1);
            let Some(word) = text.get(start..end) else {
                continue;
            };
            // A word glued to digits ("Æ0Æ", "H0101") or a lone letter that is no initial is no name,
            // nor the letter after the slash of a legal form ("COWI A/S. Vedtaget": no "S. Vedtaget").
            let first_upper = c.is_uppercase() && {
                let bytes_ = text.as_bytes();
                // "stemmer og <surname>8.": a registered name (four letters or more, in small letters
                // after its capital) that lost the space before a count is still the name.
                let count_after = || {
                    word.len() >= 4
                        && word.chars().skip(1).all(char::is_lowercase)
                        && self.registered_word(word)
                };
                let glued = (start > 0 && bytes_[start - 1].is_ascii_digit())
                    || (bytes_.get(end).is_some_and(u8::is_ascii_digit) && !count_after())
                    || (start > 1
                        && bytes_[start - 1] == b'/'
                        && bytes_[start - 2].is_ascii_alphabetic());
                let lone = word.len() <= 4
                    && word.chars().nth(1).is_none()
                    && bytes_.get(end) != Some(&b'.');
                !glued && !lone
            };
            // A name broken over a line joins up, but not a heading with the next line's "Men …".
            // Asked only where a run may go on (a search of the gap, which outside a run can be long).
            let line_break = || text.get(prev_end..start).is_some_and(|g| g.contains('\n'));
            let joinable = !s.run.is_empty()
                && gap_joins(text, prev_end, start, &s.run)
                && !(line_break()
                    // "Forfall: Lykke\nDagsorden: …": a line's label before its colon starts no name,
                    // nor one cut short before it ("Afbud: Gorm\nRef.: …").
                    && (text.as_bytes().get(end) == Some(&b':')
                        || text.get(end..).is_some_and(|t| t.starts_with(".:"))
                        || (word.starts_with(char::is_uppercase)
                        && (function_words().contains_fold(word)
                            // "Frånvarande: Pontus\nSekreterare för mötet: …": a role opens the line.
                            || cues().contains_fold(word)))
                        || (s.name_complete() && !self.registered_word(word))));
            if !joinable && !s.run.is_empty() {
                self.flush(text, &mut s);
            }
            prev_end = end;
            if first_upper {
                // "NATOs", "USA's": an abbreviation in the genitive is still written in capitals.
                let stem = word
                    .strip_suffix("'s")
                    .or_else(|| word.strip_suffix('s'))
                    .filter(|w| w.len() >= 2 && w.ends_with(|c: char| c.is_uppercase()))
                    .unwrap_or(word);
                let upper = stem
                    .chars()
                    .filter(|c| c.is_alphabetic())
                    .all(char::is_uppercase)
                    && stem.chars().filter(|c| c.is_alphabetic()).count() > 1;
                let initial = !upper
                    && word.chars().count() == 1
                    && text.get(end..).is_some_and(|t| t.starts_with('.'));
                let tok = s.push_key(word, start, end, upper, false, initial);
                s.run.push(tok);
            } else if is_particle(word) {
                let tok = s.push_key(word, start, end, false, true, false);
                s.run.push(tok);
            } else if !s.run.is_empty() {
                self.flush(text, &mut s);
            }
        }
        self.flush(text, &mut s);
        self.settle(text, lower_hits, &mut s);
        let lines = lines();
        s.out.extend(lines.signatures);
        surnames_of_mail_names(text, &mut s.out);
        s.out.extend(lines.lower_case);
        s.out.extend(lines.credits);
        s.out.extend(lines.lists_order);
        kin::owners_of_kin(text, &mut s.out);
        out.extend(s.out.into_iter().filter(|r| {
            !overlaps_any(protected, r.start, r.end) || holds_its_places(r, protected)
        }));
    }
    /// Whether `run[i]` and `run[i + 1]` are capitalised words inside a sentence that nothing else
    /// explains: no list knows them as a name, a word, a place, a title or a firm, and the first is no
    /// genitive ("Gatas Parlament"). Whether the text writes them in lower case is asked only of the
    /// few that `confirm_unknown` keeps: each new word asked costs a search of the whole text.
    fn unknown_words(&self, text: &str, s: &mut Scan, run: &[Tok], i: usize) -> bool {
        let (a, b) = (run[i], run[i + 1]);
        if starts_sentence(text, a.start)
            || text.get(a.end..b.start) != Some(" ")
            || place_before(text, a.start)
            || word_before_is(text, a.start, &["på", "til", "till"])
            || s.info(first_names(), &b).is_some_and(|x| x.nordic > 0)
            || a.g1 != a.k1
            || quoted_title(text, a.start, b.end)
            || word_before(text, a.start, &[])
                .and_then(|(x, y)| text.get(x..y))
                .is_some_and(|w| w.starts_with(char::is_uppercase))
        {
            return false;
        }
        let names = first_names();
        [a, b].iter().all(|t| {
            let key = &s.keys[t.k0..t.k1];
            let stem = &s.keys[t.k0..t.g1];
            !t.upper
                && !t.particle
                && !t.initial
                && key.chars().nth(1).is_some()
                && !key.contains('-')
                && s.info(names, t).is_none_or(|x| !x.word && !x.thing)
                && !function_words().contains(key)
                && !title_starts().contains(key)
                && !company_words().contains(key)
                && !is_company_word(text.get(t.start..t.end).unwrap_or(""))
                && !is_institution(key)
                && !is_institution(stem)
                && !is_place(key)
                && !is_place(stem)
                && !street_word(key)
                && !abbreviation(key)
                && !cues().contains(key)
        })
    }
    /// Whether a run that fills a pair of quotation marks on its own is a person's name all the same
    /// («Henrietta Jonasson» sa …): exactly a first name the lists know that is no word, and a surname
    /// (a patronymic or a common surname), not after a noun that makes it a thing or a variety ("skibet
    /// »Karen Hansen«", "av sorten ”Ingrid Bergman”") nor after a capital that does not just open the
    /// sentence ("MS «Anna Olsen»", "Prisen «Jens Olsen»" inside a sentence).
    /// A title of a work written as a name is rarer than a name someone puts in quotation marks.
    fn quoted_person(&self, text: &str, s: &Scan, run: &[Tok]) -> bool {
        const VARIETIES: &[&str] = &["sorten", "sorta", "sorter", "typen", "rosen", "rosa"];
        let [first, last] = run else {
            return false;
        };
        let plain = |t: &Tok| !t.upper && !t.particle && !t.initial;
        if !plain(first) || !plain(last) || text.get(first.end..last.start) != Some(" ") {
            return false;
        }
        let known_first = first.g1 == first.k1
            && s.info(first_names(), first)
                .is_some_and(|x| !x.word && !x.thing && x.nordic > 0);
        let surname = s.facts(last).surname && !is_place(&s.keys[last.k0..last.k1]);
        if !known_first || !surname {
            return false;
        }
        // The word before the opening mark.
        let head = text
            .get(..first.start)
            .unwrap_or("")
            .trim_end_matches(' ')
            .trim_end_matches(|c: char| !c.is_alphanumeric() && c != ' ' && c != '\n')
            .trim_end_matches(' ');
        let before: String = head
            .chars()
            .rev()
            .take_while(|c| c.is_alphanumeric() || *c == '-')
            .collect::<Vec<_>>()
            .into_iter()
            .rev()
            .collect();
        // A capital before the mark is a ship's prefix or a name the quoted words go with, unless it only
        // opens the sentence ("Underskrevet »Jens Hansen«").
        let capital = before.starts_with(char::is_uppercase)
            && (before.chars().all(char::is_uppercase)
                || !starts_sentence(text, head.len() - before.len()));
        !(capital
            || is_thing_noun(&before.to_lowercase())
            || VARIETIES.contains(&before.to_lowercase().as_str()))
    }
    /// Whether `word` (as written) is a word of a registered name.
    pub(crate) fn registered_word(&self, word: &str) -> bool {
        let mut key = String::new();
        fold_into(word, &mut key);
        !self.table.is_empty() && self.table.contains_key(&key)
    }
    /// Matches the current run of capitalised words.
    fn flush(&self, text: &str, s: &mut Scan) {
        // Particles only count between or before capitalised words.
        while s.run.last().is_some_and(|t| t.particle) {
            s.run.pop();
        }
        if s.run.is_empty() {
            return;
        }
        let run = std::mem::take(&mut s.run);
        // "De Grå Sider", "The Washington Times", "Sankt Markus Kirke": a run that starts with a capitalised
        // article inside a sentence is a title or a place, not a person.
        if run.len() >= 2
            && !run[0].particle
            && title_starts().contains(&s.keys[run[0].k0..run[0].k1])
            && !starts_sentence(text, run[0].start)
        {
            s.run = run;
            s.run.clear();
            return;
        }
        let names = first_names();
        let n = run.len();
        let quoted =
            quoted_title(text, run[0].start, run[n - 1].end) && !self.quoted_person(text, s, &run);
        let mut i = 0usize;
        while i < n {
            let t = run[i];
            if t.initial {
                // "K.D.": two or more initials that are a resident's (and no official's).
                let mut j = i;
                while j < n && run[j].initial {
                    j += 1;
                }
                if j - i >= 2 {
                    let letters: String = run[i..j].iter().map(|x| &s.keys[x.k0..x.k1]).collect();
                    if let Some(people) = self.initials.get(&letters) {
                        if people
                            .iter()
                            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep))
                        {
                            let end = run[j - 1].end
                                + usize::from(text[run[j - 1].end..].starts_with('.'));
                            s.out.push(
                                Raw::redact(
                                    t.start,
                                    end,
                                    Kind::Person,
                                    Recognizer::Register,
                                    0.6,
                                    "a resident's initials",
                                )
                                .about(people.first().map(|p| format!("r{p}"))),
                            );
                            i = j;
                            continue;
                        }
                    }
                    // "G.H. spurgte", "K.L. fra nr. 4", "L.T. og hendes mand", "fru K.L.": initials
                    // alone that the sentence shows to be a person.
                    let end = run[j - 1].end + usize::from(text[run[j - 1].end..].starts_with('.'));
                    if j == n
                        && (speech_after(text, end)
                            || unit_after(text, end)
                            || kin_after(text, end)
                            || s.cue_before(text, t.start))
                    {
                        s.out.push(
                            Raw::unknown_name(
                                t.start,
                                end,
                                0.6,
                                "initials the sentence shows to be a person",
                            )
                            .guessed(&text[t.start..end]),
                        );
                        i = j;
                        continue;
                    }
                }
                // "D. Kragelund", "S. Skar": initials before one capitalised word that ends the run and
                // that no list knows as a first name, word, place, firm or street are a person's.
                // A lower-case word before the initial that is no preposition or cue makes it a label
                // ("punkt A. Bilaget", "litra B. Forslaget").
                // A role before the initials ("Valgkomiteens leder E. Brekke", "styrets leder K. Foss")
                // makes them a person's with whatever capitalised word follows, a word or a place too.
                // "leder" is a verb as often ("leder møtet"): after a genitive it is the role.
                let genitive_leader = text[..t.start]
                    .strip_suffix(' ')
                    .and_then(|h| {
                        ["leder", "ledare", "leiar"]
                            .iter()
                            .find_map(|w| h.strip_suffix(w))
                    })
                    .and_then(|h| h.strip_suffix(' '))
                    .is_some_and(|h| {
                        let owner: String =
                            h.chars().rev().take_while(|c| c.is_alphabetic()).collect();
                        owner.chars().count() > 3 && owner.starts_with('s')
                    });
                let cued = genitive_leader || s.cue_before(text, t.start);
                // "Storgatan 14 A–C. Huset …": the end of a range of entrances' letters is no initial.
                let range_end = text[..t.start]
                    .strip_suffix(['–', '-'])
                    .and_then(|h| {
                        let mut back = h.chars().rev();
                        let letter = back.next().filter(char::is_ascii_uppercase)?;
                        let before = back.next();
                        let dash = text[h.len()..t.start].starts_with('–');
                        (before.is_none_or(|c| !c.is_alphabetic())
                            && (dash
                                || before.is_some_and(|c| c.is_ascii_digit() || c == ' ') && {
                                    let lead = h[..h.len() - letter.len_utf8()].trim_end();
                                    lead.ends_with(|c: char| c.is_ascii_digit())
                                }))
                        .then_some(())
                    })
                    .is_some();
                let label = range_end
                    || !cued
                        && word_before(text, t.start, &[])
                            .and_then(|(a, b)| text.get(a..b))
                            .is_some_and(|w| {
                                w.starts_with(char::is_lowercase)
                                    && !function_words().contains_fold(w)
                                    && !cues_and_speech().contains_fold(w)
                            });
                let after_a_role = j + 1 == n && cued && {
                    let x = &run[j];
                    !x.upper
                        && !x.particle
                        && !x.initial
                        && !function_words().contains(&s.keys[x.k0..x.k1])
                };
                if j + 1 == n
                    && !label
                    && (after_a_role || self.lone_surname(text, s, &run[j], true))
                {
                    self.push_guest(text, s, &run, j, n, 0.65, "initials before a surname");
                    i = n;
                    continue;
                }
                // "T. Brokke Andersen", "K. Vinkel Hansen": initials before two capitalised words that
                // end the run, each a surname by the same test, are a person's name with a double
                // surname (before, the last word alone was taken and the initials and the first word
                // were left).
                if j + 2 == n
                    && !label
                    && self.lone_surname(text, s, &run[j], false)
                    && self.lone_surname(text, s, &run[j + 1], true)
                {
                    self.push_guest(text, s, &run, j, n, 0.65, "initials before a surname");
                    i = n;
                    continue;
                }
                i += 1;
                continue;
            }
            // A resident's initials, and whose they are: three or four bare capitals ("JOB", "Mvh
            // KEW"; a subject only when one resident has them), or a hyphenated first name's ("K-E",
            // "A-M"; the first resident with them).
            let initials = match self.bare_initials(text, s, &run, i, n) {
                Some([p]) => Some(Some(*p)),
                Some(_) => Some(None),
                // "A-Ms mand": the genitive of a hyphenated first name's initials.
                None => self
                    .hyphen_initials(&s.keys[t.k0..t.k1])
                    .or_else(|| {
                        (t.g1 != t.k1)
                            .then(|| self.hyphen_initials(&s.keys[t.k0..t.g1]))
                            .flatten()
                    })
                    .map(|people| people.first().copied()),
            };
            if let Some(subject) = initials {
                s.out.push(
                    Raw::redact(
                        t.start,
                        t.end,
                        Kind::Person,
                        Recognizer::Register,
                        0.6,
                        "a resident's initials",
                    )
                    .about(subject.map(|p| format!("r{p}"))),
                );
                i += 1;
                continue;
            }
            // "K-E fra nr. 16", "A-M sagde": hyphenated initials tied to a unit or a verb of saying;
            // "P-O visade en skiss", "og A-M fra anden sal": anywhere, unless they are a range of blocks,
            // entrances or letters ("blokk A-D", "A-Å").
            // "B-M Lund": hyphenated initials before a surname that ends the run.
            let letters = s.facts(&t).hyphen_letters;
            let surname = i + 2 == n && letters && self.lone_surname(text, s, &run[i + 1], true);
            if surname
                || letters
                    && (unit_after(text, t.end)
                        || speech_after(text, t.end)
                        || initials_not_a_range(text, t.start, t.end))
            {
                // "O-E T tar en prat med …": the surname's lone capital right after goes with them.
                let end = if surname {
                    run[i + 1].end
                } else {
                    lone_capital_after(text, t.end).unwrap_or(t.end)
                };
                s.out.push(
                    Raw::unknown_name(
                        t.start,
                        end,
                        0.6,
                        "initials the sentence shows to be a person",
                    )
                    .guessed(&s.keys[t.k0..t.k1]),
                );
                i += 1 + usize::from(surname);
                continue;
            }
            // "14. APRIL 2011", "9. Maj": a month between a day and a year is a date, whoever shares its
            // name.
            // An English month too ("Date: Sat, 30 May 2026" in a forwarded e-mail's header).
            if (s.info(names, &t).is_some_and(|x| x.thing)
                || english_month(text.get(t.start..t.end).unwrap_or("")))
                && in_date(text, t.start, t.end)
            {
                i += 1;
                continue;
            }
            // 1. The register, longest match first.
            if let Some((j, candidates, has_family)) = self.register_match(s, &run, i) {
                let first = run[i];
                let single_given = j == i + 1 && !has_family;
                // "Lise Nordhagen" beside board member Petter Nordhagen: a listed first name that the
                // register holds for no one, right before a surname it holds only for people who stay,
                // is a relative of theirs, someone else, and goes. A first name from elsewhere too
                // ("Elif Demirtaş" beside Yusuf Demirtaş), unless it is also an ordinary word.
                if j == i + 1 && has_family && i > 0 && !first.upper {
                    let prev = run[i - 1];
                    let relative = !prev.upper
                        && !prev.initial
                        && !prev.particle
                        && self.slots(s, &prev).is_none()
                        && s.info(names, &prev)
                            .is_some_and(|x| (x.nordic > 0 || !x.word) && !x.thing)
                        && !function_words().contains(&s.keys[prev.k0..prev.k1])
                        && !cues_and_speech().contains(&s.keys[prev.k0..prev.k1])
                        && candidates
                            .iter()
                            .all(|&p| self.people.get(p as usize).is_some_and(|x| x.keep));
                    if relative {
                        self.push_guest(
                            text,
                            s,
                            &run,
                            i - 1,
                            j,
                            0.8,
                            "a first name before the surname of someone who stays",
                        );
                        i = j;
                        continue;
                    }
                }
                let sentence = starts_sentence(text, first.start);
                let info = s.info(names, &first);
                // "Inger S", "Ebbe K.", "Karl Johan V.": a first name (or two) with the initial of a
                // surname is a person even where the name is also a word or starts a sentence, and the
                // initial goes with it.
                let initial_end = if !has_family && !first.upper {
                    initial_after(text, run[j - 1].end)
                } else {
                    None
                };
                // A lone word at the start of a sentence or as a heading ("Strøm:", "Hans forslag")
                // that the document also uses as an ordinary lower-case word needs more evidence.
                let heading = j == i + 1
                    && sentence
                    && text.get(first.end..).is_some_and(|r| r.starts_with(':'));
                // Only a lone word at a sentence start needs the (slower) look at the word before.
                let cue = (heading || single_given) && sentence && s.cue_before(text, first.start);
                if heading
                    && !first.upper
                    && !cue
                    && initial_end.is_none()
                    && s.lower_in_text(text, first.k0, first.g1)
                {
                    i = j;
                    continue;
                }
                // "Per 1. januar", "Hans forslag": a lone first name that is also a word counts only
                // when the person is named in full somewhere in the document (settled at the end),
                // unless a verb of saying follows: "Signe spurgte", "Aino undrade" is the speaker; or a
                // perfect tense: "Siv har ersatt självrisken" is someone who did something.
                let weak_single = single_given
                    && initial_end.is_none()
                    && !first.upper
                    && sentence
                    && !cue
                    && !speech_after(text, first.end)
                    && !register::deed_after(text, first.end)
                    && !nicknames::called_after(text, first.end)
                    && !self.street_after(text, first.end)
                    && !unit_after(text, first.end)
                    && !home_in_brackets_after(text, first.end)
                    && !bare_floor_after(text, first.end)
                    && !opens_a_list_of_names(text, first.start, first.end)
                    && !genitive_before_noun(text, s, &first)
                    && (info.is_some_and(|x| x.word) || s.lower_in_text(text, first.k0, first.g1));
                // A registered first name followed by an unregistered surname is somebody else; so is
                // one followed by a surname the register holds only for other people who stay
                // ("Karin Demirtaş" beside officials Karin Lindeblad and Yusuf Demirtaş: a relative of
                // the one, not the other).
                // "takkede Bjarne Ad 4. Budget" (two columns run together): a function word before an
                // item's number is no surname.
                let other_person = !has_family
                    && j < n
                    && !run[j].particle
                    && !run[j].initial
                    && !run[j].upper
                    && !item_word(text, s, &run[j])
                    && self.slots(s, &run[j]).is_none_or(|v| {
                        v.iter().all(|x| {
                            x.part == Part::Family
                                && !candidates.contains(&x.person)
                                && self.people.get(x.person as usize).is_some_and(|p| p.keep)
                        })
                    });
                if other_person {
                    // The surname of someone who stays is this person's surname too.
                    let k = self.guest_end(text, s, &run, j).max(j + 1);
                    if !followed_by_company(text, run[k - 1].end) {
                        self.push_guest(
                            text,
                            s,
                            &run,
                            i,
                            k,
                            0.8,
                            "a first name followed by a surname",
                        );
                    }
                    i = k;
                    continue;
                }
                // "solgt til <short form> og <first name> <surname>" beside a board member the short form is
                // one of: a lone first name of someone who stays, joined by "og" to a first
                // name and a surname the register holds for none of them, is the first of a couple who
                // share that surname, someone else.
                if single_given
                    && j == n
                    && !first.upper
                    && candidates
                        .iter()
                        .all(|&p| self.people.get(p as usize).is_some_and(|x| x.keep))
                    && self.couple_of_another_name(text, first.end)
                {
                    self.push_guest(
                        text,
                        s,
                        &run,
                        i,
                        j,
                        0.8,
                        "the first of a couple who share another surname",
                    );
                    i = j;
                    continue;
                }
                let start = if i > 0 && run[i - 1].initial {
                    run[i - 1].start
                } else {
                    bare_initial_before(text, first.start).unwrap_or(first.start)
                };
                // "6800 Førde", "224 66 Lund", "Førde kommune": a registered name of one word that is
                // also a town stands in a postal address or before the word for its municipality.
                if j == i + 1 && super::text::town_in_address(text, start, run[i].end) {
                    i = j;
                    continue;
                }
                if weak_single {
                    s.weak.push((s.out.len(), candidates.clone()));
                }
                if let (true, [p]) = (has_family, candidates.as_slice()) {
                    s.surname_mentions.push(*p);
                }
                // "Ali H.": the initial picks the person whose surname it starts, and names them as
                // surely as the full name, so a later "Ali" alone is theirs.
                let mut candidates = candidates;
                let mut len = j - i;
                // The lower-case letters of the initial between `from` and `to` (" K." → "k").
                let initial_letters = |from: usize, to: usize| -> String {
                    text.get(from..to)
                        .unwrap_or("")
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .flat_map(char::to_lowercase)
                        .collect()
                };
                // The people whose initials are `letters`, where any of the candidates is: the
                // initials pick them, and the match takes in its initial.
                let pick = |candidates: &mut Vec<u32>, len: &mut usize, letters: &str| {
                    let picked: Vec<u32> = candidates
                        .iter()
                        .copied()
                        .filter(|p| self.initials.get(letters).is_some_and(|v| v.contains(p)))
                        .collect();
                    if !picked.is_empty() {
                        *candidates = picked;
                        *len = (*len).max(2);
                    }
                };
                // "E. <surname>" where the board's <first name> <surname> and a resident share the
                // surname: the initial before it picks whose first name it opens.
                if i > 0 && run[i - 1].initial && has_family && j == i + 1 && candidates.len() > 1 {
                    let mut letters = initial_letters(run[i - 1].start, run[i - 1].end);
                    letters.extend(s.keys[first.k0..first.k1].chars().next());
                    pick(&mut candidates, &mut len, &letters);
                }
                if let Some(end) = initial_end {
                    let mut letters = String::new();
                    letters.extend(s.keys[first.k0..first.k1].chars().next());
                    letters.push_str(&initial_letters(run[j - 1].end, end));
                    pick(&mut candidates, &mut len, &letters);
                }
                // "Vestbjerg K." as a list writes it: a lone surname with the initial of the person's
                // first name after it; the initial goes with it.
                let initial_end = initial_end.or_else(|| {
                    // The surname alone, or with its particle ("de Thurah H.").
                    let lone = j == i + 1 || (j == i + 2 && first.particle);
                    let family = run[j - 1];
                    if !(has_family && lone) || family.upper {
                        return None;
                    }
                    let end = initial_after(text, family.end)?;
                    let mut letters = initial_letters(family.end, end);
                    letters.extend(s.keys[family.k0..family.k1].chars().next());
                    candidates
                        .iter()
                        .any(|p| self.initials.get(&letters).is_some_and(|v| v.contains(p)))
                        .then_some(end)
                });
                self.push_register(
                    s,
                    start,
                    initial_end.unwrap_or(run[j - 1].end),
                    candidates,
                    len,
                );
                // The initial, when it has its full stop, is the next word of the run.
                i = if initial_end.is_some() && run.get(j).is_some_and(|x| x.initial) {
                    j + 1
                } else {
                    j
                };
                continue;
            }
            if t.particle {
                i += 1;
                continue;
            }
            // "West Virginia, South Carolina", "Sri Lanka": a place of two or three words on the list is
            // the place, whichever of its words a list of first names knows.
            if let Some(m) = (2..=3usize).rev().find(|&m| {
                i + m <= n && s.facts(&t).place_head && {
                    let mut written = String::new();
                    for (x, w) in run[i..i + m].iter().enumerate() {
                        if x > 0 {
                            written.push(' ');
                        }
                        written.push_str(&s.keys[w.k0..w.k1]);
                    }
                    is_place(&written)
                }
            }) {
                i += m;
                continue;
            }
            // 1b. A registered surname run together with the next word, where extraction lost the space
            // ("Ulvangforklarte").
            if let Some((end, candidates)) = self.glued_surname(text, s, &t) {
                self.push_register(s, t.start, end, candidates, 1);
                i += 1;
                continue;
            }
            // «Marie Claire», «Victoria», «Min Kamp»: words that fill a pair of quotation marks are the
            // title of a work, a ship or a magazine. (The register's names were matched above.)
            if quoted {
                i += 1;
                continue;
            }
            // "KrF-leder", "NHO-direktør", "Borten-regjeringen": a compound that ends in a lower-case
            // noun is an office or a thing. It is no name, and no unknown first name of the name after
            // it (the register's names inside compounds, "Hansen-familien", were matched above).
            if text
                .get(t.start..t.end)
                .and_then(|w| w.rsplit_once('-'))
                .is_some_and(|(_, last)| lower_noun(last))
            {
                i += 1;
                continue;
            }
            // 2. A first name from the lists, with what follows it.
            let info = s.info(names, &t);
            // "hyra ut lägenheten i andra hand … till Tilda Barkman", "Dawit Berhane har flyttet inn i
            // H0102": two or three capitalised words no list knows, as the other party of a letting or a
            // sale, or as someone moving in or out, are a person (a firm neither rents a flat nor moves).
            // A line break ends a heading before the name ("Sak 4 Fremleie\nDawit Berhane …").
            let line_before = |x: usize| {
                x > 0
                    && text
                        .get(run[x - 1].end..run[x].start)
                        .is_some_and(|g| g.contains('\n'))
            };
            // "Helsing <name>": a closing word opening the run before the name.
            let closing_opens = i == 1 && closings().contains(&s.keys[run[0].k0..run[0].k1]);
            if info.is_none()
                && !t.upper
                && (run[..i].iter().all(|x| x.particle) || line_before(i) || closing_opens)
                && !(i + 1 < n && line_before(i + 1))
                && !function_words().contains(&s.keys[t.k0..t.k1])
            {
                let k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                // The rare context first: the lists are asked about the few words it leaves (on dense
                // minutes this rule asked them about 52,000 words, a fortieth of the detection).
                if k >= i + 2
                    && !followed_by_company(text, run[k - 1].end)
                    && (party_to_a_letting(text, t.start)
                        || party_by_role(text, t.start)
                        || party_to_a_proxy(text, t.start)
                        || proposer_in_a_heading(text, t.start, run[k - 1].end)
                        || moving_after(text, run[k - 1].end)
                        || ((signs_after_a_closing(text, t.start, run[k - 1].end)
                            || role_label_before(text, t.start))
                            && run[i..k].iter().all(|w| signing_word(&s.keys[w.k0..w.k1]))
                            && !is_place(&s.keys[run[k - 1].k0..run[k - 1].k1])))
                    && !is_place(&s.keys[t.k0..t.k1])
                    && !is_company_word(text.get(t.start..t.end).unwrap_or(""))
                {
                    // From the name's own first word: a heading's word before it is no part of it.
                    self.push_guest(
                        text,
                        s,
                        &run[i..],
                        0,
                        k - i,
                        0.8,
                        "a name no list knows as a party to a letting, a sale or a proxy, someone moving, a signer or after a role's label",
                    );
                    i = k;
                    continue;
                }
            }
            // "Da Bestyrelsen …", "De Forenede …": function words that happen to be names elsewhere.
            let given = (info.is_some() || hyphen_given(text, s, names, &t))
                && !(matches!(
                    &s.keys[t.k0..t.k1],
                    "da" | "de"
                        | "han"
                        | "hun"
                        | "hon"
                        | "man"
                        | "ja"
                        | "kan"
                        | "alla"
                        | "inga"
                        | "andre"
                        | "dato"
                        | "tak"
                        | "sak"
                        | "men"
                        | "så"
                ) && starts_sentence(text, t.start))
                // "Kong Harald", "Major Zeman": a title that some list also has as a first name is the
                // title before another capitalised word.
                && !(i + 1 < n && cues().contains(&s.keys[t.k0..t.k1]))
                // "The Sun", "The Stringers": an article that some list has as a first name starts a
                // title, a paper or a band, at a sentence's start too.
                && !(i + 1 < n && title_starts().contains(&s.keys[t.k0..t.k1]));
            if given && !t.upper {
                let k = self.guest_end(text, s, &run, i + 1);
                // "Hendes søn Rune Bredahl": an unregistered first name with a resident's surname.
                if k == i + 1 && k < n {
                    if let Some((j, cands, true)) = self.register_match(s, &run, k) {
                        let residents_only = cands
                            .iter()
                            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep));
                        let starts_with_family = self.slots(s, &run[k]).is_some_and(|v| {
                            v.iter()
                                .any(|x| x.part != Part::Given && cands.contains(&x.person))
                        });
                        if residents_only
                            && starts_with_family
                            && !info.is_some_and(|x| x.word && x.nordic == 0)
                        {
                            self.push_guest(
                                text,
                                s,
                                &run,
                                i,
                                j,
                                0.85,
                                "a first name with a resident's surname",
                            );
                            i = j;
                            continue;
                        }
                    }
                }
                if k > i + 1 {
                    if !followed_by_company(text, run[k - 1].end) {
                        self.push_guest(
                            text,
                            s,
                            &run,
                            i,
                            k,
                            0.85,
                            "a first name followed by a surname",
                        );
                    }
                    i = k;
                    continue;
                }
                // "Inger S", "Amund S.", "från Gösta L.": a first name from the lists with the initial
                // of a surname is a person wherever it stands, even a name that is also a word.
                if k == i + 1 && !function_words().contains(&s.keys[t.k0..t.k1]) {
                    if let Some(end) = initial_after(text, t.end) {
                        let dotted = run.get(i + 1).is_some_and(|x| x.initial);
                        let before = s.out.len();
                        self.push_guest(
                            text,
                            s,
                            &run,
                            i,
                            i + 1,
                            0.7,
                            "a first name and an initial",
                        );
                        if let Some(r) = s.out.get_mut(before) {
                            r.end = end;
                        }
                        i += 1 + usize::from(dotted);
                        continue;
                    }
                }
                let nordic = info.is_some_and(|x| x.nordic > 0) || hyphen_given(text, s, names, &t);
                let word = info.is_some_and(|x| x.word);
                let cue = s.cue_before(text, t.start)
                    || unit_after(text, t.end)
                    || in_attendance_list(text, t.start);
                let sentence = starts_sentence(text, t.start);
                // At the start of a sentence only a name that the text never uses as a word.
                // Inside a sentence a capital letter is evidence enough: Nordic languages write
                // ordinary words in lower case ("hos Søren", "smiler Bent").
                // A name from elsewhere alone needs the same capital, but not a place's ("i Hellas",
                // "frå Langesund").
                // "da Lise kom", "de Kari": a particle before it ("da", "de" are also words) does not
                // make the first name the second word of a name. (A function word does: "Og Hans
                // musiksmag" starts a sentence, where "Hans" is a word.)
                let first_of_run = run[..i].iter().all(|x| x.particle);
                // "Forslag fra Ingeborg", "brev frå Sigrun": after "from" a Nordic first name that is no
                // word is a person as often as a place is a place (places are on their own list).
                let from_person = nordic
                    && !word
                    && word_before_is(text, t.start, &["fra", "frå", "från", "from"]);
                let alone = !function_words().contains(&s.keys[t.k0..t.k1])
                    && !is_place(&s.keys[t.k0..t.g1])
                    && !is_place(&s.keys[t.k0..t.k1])
                    && if sentence {
                        // "Signe spurgte …", "Tone sa …": a first name that is also a word is the
                        // speaker before a verb of saying; "Bent har lovet at …", "Lis har fått svar":
                        // the one who did something, before a deed, as a registered one is. A first
                        // name from elsewhere ("Zeynep har tilbudt …", "Tariq fra nr. 9 spurgte") only
                        // there, and only one that is no word.
                        // Not a month's or a thing's name ("Mai har vært varm").
                        let acts = || {
                            !info.is_some_and(|x| x.thing)
                                && (speech_after(text, t.end)
                                    || speech_after_whence(text, t.end)
                                    || register::deed_after(text, t.end))
                        };
                        (if nordic {
                            !word || acts()
                        } else {
                            !word && acts()
                        }) && !s.lower_in_text(text, t.k0, t.g1)
                    } else {
                        // "Aarhus Kommune", "i Juni": words of minutes stay things.
                        !info.is_some_and(|x| x.thing)
                            && (first_of_run || !word)
                            && (!place_before(text, t.start) || from_person)
                    };
                // "et Nato-møte", "Tine-produkter", "Vika-jentene": a name the text also puts first in
                // a compound with a lower-case noun is an organisation's, a brand's or a team's there
                // (people are named so rarely), unless a cue marks the person.
                let alone = alone && !s.compound_head_in_text(text, t.k0, t.g1);
                if cue || alone {
                    self.push_guest(text, s, &run, i, i + 1, 0.6, "a first name");
                    i += 1;
                    continue;
                }
            } else if given && t.upper && i + 1 < n {
                let info2 = s.info(names, &run[i + 1]);
                // "JENS Sandfeld Søndergaard hævder …": a news lead sets the first word of the first
                // name in capitals and the rest as usual; a Nordic first name that is no word starts a
                // name of the capitalised words after it.
                let next = run[i + 1];
                if info.is_some_and(|x| x.nordic > 0 && !x.word)
                    && !next.upper
                    && !next.particle
                    && !next.initial
                    && info2.is_none_or(|x| !x.word && !x.thing)
                    && !function_words().contains(&s.keys[t.k0..t.k1])
                {
                    let k = self.guest_end(text, s, &run, i + 1).min(i + 4);
                    if k > i + 1 && !followed_by_company(text, run[k - 1].end) {
                        self.push_guest(
                            text,
                            s,
                            &run,
                            i,
                            k,
                            0.6,
                            "a first name in capitals followed by a surname",
                        );
                        i = k;
                        continue;
                    }
                }
                // "FRANCIS FORD COPPOLAS nye film", "JENS Sandfeld Søndergaard hævder": inside a
                // sentence written in lower case, capitals are a name set off (a credit, a newspaper's
                // style), and a first name from any list starts it.
                let emphasis = !starts_sentence(text, t.start)
                    && word_before(text, t.start, &[])
                        .and_then(|(a, b)| text.get(a..b))
                        .is_some_and(|w| w.starts_with(char::is_lowercase));
                // "4.1 STIG MORK: nye benker …": a proposal's heading, its number and the proposer's
                // name in capitals before a colon and the proposal in lower case; a first name that is
                // also a word counts there, and a surname that is one too.
                let two = n == i + 2 && run[i + 1].upper;
                let proposer = two
                    && proposal_heading(text, t.start, run[i + 1].end)
                    && !function_words().contains(&s.keys[run[i + 1].k0..run[i + 1].k1]);
                let first = info.is_some_and(|x| {
                    if emphasis {
                        !function_words().contains(&s.keys[t.k0..t.k1])
                    } else {
                        x.nordic > 0 && (!x.word || proposer)
                    }
                });
                // "Forslag fra TORGEIR HOLM om …": set off in a sentence in lower case, two words in
                // capitals after a Nordic first name that is no word are the name whole, a surname that
                // is also a word ("HOLM") too.
                let plain_first = info.is_some_and(|x| x.nordic > 0 && !x.word);
                let surname_word = two
                    && (proposer
                        || (emphasis
                            && plain_first
                            && !function_words().contains(&s.keys[run[i + 1].k0..run[i + 1].k1])));
                if first
                    && (run[i + 1].upper || emphasis)
                    && (info2.is_none_or(|x| !x.word) || surname_word)
                {
                    let k = if emphasis {
                        (i + 2..n)
                            .take_while(|&x| !run[x].particle && !run[x].initial)
                            .last()
                            .map_or(i + 2, |x| x + 1)
                            .min(i + 4)
                    } else {
                        i + 2
                    };
                    self.push_guest(
                        text,
                        s,
                        &run,
                        i,
                        k,
                        0.6,
                        "a first name followed by a surname",
                    );
                    i = k;
                    continue;
                }
            }
            // "… sa Kroatias ambassadør": after "said", a genitive before a noun is somebody's country or
            // firm, not the speaker.
            if t.g1 != t.k1 && speech_before(text, t.start) && noun_follows(text, t.end) {
                s.loose.push((t.start, t.end, t.k0, t.g1));
                i += 1;
                continue;
            }
            // "Dødssyke Hannah …", "Kreftsyke Hannah Jones (13)": at the start of a sentence, a word
            // no list knows right before a first name is an ordinary word with its capital.
            if i == 0
                && n > 1
                && info.is_none()
                && !t.upper
                && starts_sentence(text, t.start)
                && s.info(names, &run[1]).is_some_and(|x| x.nordic > 0)
                && self.slots(s, &t).is_none()
            {
                // Still loose: a name found elsewhere that lost its space before its verb
                // ("<Surname>takkede Hanne for …") is taken up at the end.
                s.loose.push((t.start, t.end, t.k0, t.g1));
                i += 1;
                continue;
            }
            // 3. A capitalised word after a cue such as "fru", "hr." or "andelshaver".
            // A function word ("sir, chefredaktøren, De har …") or another title ("formand,
            // næstformand, Kasserer") after the cue is no name.
            if !t.upper
                && (i == 0
                    || run[i - 1].particle
                    || cues_and_speech().contains(&s.keys[run[i - 1].k0..run[i - 1].k1]))
                && text
                    .get(t.start..t.end)
                    .is_some_and(|w| w.chars().nth(1).is_some())
                && !function_words().contains(&s.keys[t.k0..t.k1])
                && !title_starts().contains(&s.keys[t.k0..t.k1])
                && !cues_and_speech().contains(&s.keys[t.k0..t.k1])
                // "hevda Kulturminister Trond Giske": a title in a compound is no name either.
                && !s.role_suffix_of(&t)
                && s.cue_before(text, t.start)
                // "udført af Jensen & Søn Murer ApS": a legal form or a firm's word after a trade is the
                // end of the firm's name. (Asked after the cue, which few words have.)
                && !text.get(t.start..t.end).is_some_and(is_company_word)
            {
                let k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                if !company_after_cue(text, t.start, run[k - 1].end) {
                    self.push_guest(text, s, &run, i, k, 0.75, "a name after a title or role");
                }
                i = k;
                continue;
            }
            // 3b. Words that the text itself shows to be a person: an age or the years of a life after
            // them ("Perisat (24)"), or a verb of saying inside a sentence ("… og Hellesnes sa").
            let hint = || {
                run[i..n.min(i + 3)].iter().any(|x| {
                    text.get(x.end..)
                        .is_some_and(|r| r.starts_with(" (") || r.starts_with(", "))
                        || speech_after(text, x.end)
                        || unit_after(text, x.end)
                        || citation(text, t.start, x.end)
                })
            };
            if !t.upper
                && t.end - t.start > 1
                && hint()
                && !function_words().contains(&s.keys[t.k0..t.k1])
            {
                let mut k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                // "Sak 36/25 Eventuelt\nAsbjørn minte …": a numbered heading's last word joins no name
                // on the next line.
                if let Some(x) = (i + 1..k).find(|&x| {
                    text.get(run[x - 1].end..run[x].start)
                        .is_some_and(|g| g.contains('\n'))
                        && numbered_heading(text, run[x - 1].end)
                }) {
                    k = x;
                }
                let end = run[k - 1].end;
                let sentence = starts_sentence(text, t.start);
                // At the start of a sentence an ordinary noun has its capital too ("Kommunen
                // oplyste"): before a verb of saying only a single word that could be a surname
                // alone, which the text never writes in lower case and which has no definite ending.
                // Before a unit ("Forslag fra nr. 4") not even that: minutes start sentences so.
                // "… skilja partiet frå Høgre.", "og Høgre meiner": one word no list knows that the
                // text also writes in lower case ("høgre") is that word, a party or a direction.
                // So is a name of more words that are all written in lower case too ("sier Dagens
                // Næringsliv": "dagens", "næringsliv").
                let word_elsewhere =
                    (k == i + 1 && info.is_none() && s.lower_in_text(text, t.k0, t.g1))
                        || (k > i + 1
                            && run[i..k].iter().all(|x| {
                                s.info(names, x).is_none() && s.lower_in_text(text, x.k0, x.g1)
                            }));
                let surname_first = || {
                    k == i + 1
                        && !definite_ending(&s.keys[t.k0..t.k1])
                        && !cues_and_speech().contains(&s.keys[t.k0..t.k1])
                };
                if age_after(text, end)
                    || (speech_after(text, end)
                        && ((!sentence && !word_elsewhere)
                            || (surname_first()
                                && !subject_after_verb(text, end)
                                && self.lone_surname(text, s, &t, false))))
                    // "Grøndahl fra nr. 6 spurgte …": a proposal from a unit asks nothing.
                    || (k == i + 1
                        && speech_after_whence(text, end)
                        && !definite_ending(&s.keys[t.k0..t.k1])
                        && !cues_and_speech().contains(&s.keys[t.k0..t.k1])
                        && self.lone_surname(text, s, &t, false))
                    || (unit_after(text, end)
                        && !sentence
                        // "c) Motion från nr 22" with "motionen" elsewhere, "a) Forslag fra nr. 20": a
                        // noun opening a numbered line.
                        && !(k == i + 1
                            && units::item_noun(text, t.start, t.end)))
                    || speaker_with_party(text, run[i].start, end)
                    || citation(text, run[i].start, end)
                {
                    self.push_guest(
                        text,
                        s,
                        &run,
                        i,
                        k,
                        0.65,
                        "a name the sentence shows to be a person",
                    );
                    i = k;
                    continue;
                }
            }
            // 4. A surname that can only be a surname ("-sen", "-sson", or one of the common surnames
            // that is no word and no place: "Søndergaard", "Lindqvist").
            if !t.upper
                && info.is_none()
                && s.facts(&t).surname
                && !followed_by_company(text, t.end)
                // "Nordström Juridik AB": a firm's legal form within the next words.
                && !policy::company_follows(text, t.end)
                // "Wall Street", "Hansens Vej": a street named after the surname.
                && !street_after(text, t.end)
                // "Nord-Korea", "fra Nord": a surname the text also puts first in a compound with a
                // place is a direction or a part of that place.
                && !s.place_compound_head_in_text(text, t.k0, t.g1)
            {
                self.push_guest(text, s, &run, i, i + 1, 0.6, "a surname");
                i += 1;
                continue;
            }
            // 5. "… invitert Sacha Baron Cohen til …", "… åpner Signy Fardal døra": inside a sentence,
            // two or three capitalised words that are no word of the text, no place, no title, no
            // firm and no office are a person's name, as in news, where people are most of what is
            // capitalised.
            // Places and institutions look the same ("Sky News", "Haukeland Universitetssykehus"), but
            // news and minutes name a person again by the surname alone, and a place hardly ever by
            // its last word: the name counts once the text uses its last word alone (settled at the
            // end, in `confirm_unknown`).
            if i + 1 < n && self.unknown_words(text, s, &run, i) {
                let k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                // "Capio Anoreksi Senter": the third word can make it an institution.
                let last = run[k - 1];
                let written = run[i..k]
                    .iter()
                    .map(|x| &s.keys[x.k0..x.k1])
                    .collect::<Vec<_>>()
                    .join(" ");
                // "New York", "hovedstaden Santiago Bernabéu", "St. Helena Bay": a place of more
                // words, a thing named after a noun that says so, a saint's name.
                let thing = is_place(&written)
                    || thing_before(text, run[i].start)
                    || saint_before(text, run[i].start);
                if k > i + 1 && thing {
                    i = k;
                    continue;
                }
                // "Gerner Jørgensen", "Thorvald Lindqvist": an unlisted first word before a surname
                // formed from a father's name, or a common surname, is a person without more evidence.
                if k > i + 1 && !followed_by_company(text, last.end) && s.facts(&last).surname {
                    self.push_guest(
                        text,
                        s,
                        &run,
                        i,
                        k,
                        0.6,
                        "a word no list knows before a surname",
                    );
                    i = k;
                    continue;
                }
                if k > i + 1
                    && !followed_by_company(text, last.end)
                    && !is_institution(&s.keys[last.k0..last.k1])
                {
                    let words = run[i..k]
                        .iter()
                        .map(|x| s.keys[x.k0..x.g1].to_string())
                        .collect();
                    s.unconfirmed.push((run[i].start, run[k - 1].end, words));
                    i = k;
                    continue;
                }
            }
            // Whether the word is part of a company's name is checked in `settle`, for the few
            // loose words that turn out to matter.
            s.loose.push((t.start, t.end, t.k0, t.g1));
            i += 1;
        }
        s.run = run;
        s.run.clear();
    }
}

/// Whether `t` is a function word before an item's number ("Ad 4. Budget"): no surname.
fn item_word(text: &str, s: &Scan, t: &Tok) -> bool {
    function_words().contains(&s.keys[t.k0..t.k1]) && unknown::item_number_after(text, t.end)
}

/// Whether `start..end` (a name in capitals) heads a proposal: the line opens with the item's number
/// ("4.2 ", "4c) ", "3. ") right before it, and a colon, a space and a word in lower case follow it ("4.1
/// STIG MORK: nye benker").
fn proposal_heading(text: &str, start: usize, end: usize) -> bool {
    let line = text[..start].rsplit('\n').next().unwrap_or("");
    let number = line.trim_start().strip_suffix(' ').is_some_and(|n| {
        let n = n.strip_suffix(')').unwrap_or(n);
        let n = n
            .strip_suffix(|c: char| c.is_ascii_lowercase())
            .unwrap_or(n);
        n.starts_with(|c: char| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_digit() || c == '.')
    });
    number
        && text[end..]
            .strip_prefix(": ")
            .is_some_and(|r| r.starts_with(char::is_lowercase))
}

/// Whether `start..end` is part of an e-mail address, a web address or a handle ("amund.skar@…",
/// "i.sjodin", "www.skar.no"): a name written there in lower case is still a name, so it says nothing
/// about the text using the word in lower case.
fn in_address(text: &str, start: usize, end: usize) -> bool {
    let joined = |c: Option<char>, next: Option<char>| {
        matches!(c, Some('@' | '_' | '/'))
            || (c == Some('.') && next.is_some_and(char::is_alphanumeric))
    };
    let mut before = text.get(..start).unwrap_or("").chars().rev();
    let (b1, b2) = (before.next(), before.next());
    let mut after = text.get(end..).unwrap_or("").chars();
    let (a1, a2) = (after.next(), after.next());
    joined(b1, b2) || joined(a1, a2)
}

impl Scan {
    /// Whether the run so far is a name that looks complete, a first name and a surname ("Bent Are
    /// Iversen", "Kim Jong-il"): a line break after it ends the name, so a headline's last words do not
    /// join the next line's first ("… Kim Jong-il\nArrestert for …"). A name broken inside ("Kari\nHansen",
    /// "Anne Marie\nHolm") still joins.
    fn name_complete(&self) -> bool {
        let names = first_names();
        let words: Vec<&Tok> = self
            .run
            .iter()
            .filter(|t| !t.particle && !t.initial)
            .collect();
        words.len() >= 2 && words.last().is_some_and(|t| self.info(names, t).is_none())
    }

    /// Whether the folded word `keys[k0..k1]` occurs in `text` in lower case as a word of its own.
    pub(super) fn lower_in_text(&mut self, text: &str, k0: usize, k1: usize) -> bool {
        if let Some(&v) = self.lower_seen.get(&self.keys[k0..k1]) {
            return v;
        }
        let key = self.keys[k0..k1].to_string();
        self.lower_key_in_text(text, &key)
    }

    /// Whether the text puts the word (folded) `keys[k0..k1]` first in a compound with a lower-case
    /// noun ("Nato-land", "Tine-produkter") or with a known place ("Nord-Korea", "Midt-Norge").
    pub(super) fn compound_head_in_text(&mut self, text: &str, k0: usize, k1: usize) -> bool {
        let (noun, place) = self.compound_heads(text, k0, k1);
        noun || place
    }

    /// Whether the text puts the word (folded) `keys[k0..k1]` first in a compound with a known place
    /// ("Nord-Korea", "Vest-Agder"): a direction or a part of the place, which a surname is not
    /// (a surname does head compounds with nouns: "Hansen-saken").
    pub(super) fn place_compound_head_in_text(&mut self, text: &str, k0: usize, k1: usize) -> bool {
        self.compound_heads(text, k0, k1).1
    }

    /// [`Scan::place_compound_head_in_text`] for a folded word given as a string.
    pub(super) fn place_compound_head_key(&mut self, text: &str, key: &str) -> bool {
        self.compound_heads_of(text, key).1
    }

    /// For [`Scan::compound_head_in_text`]: whether the word heads a compound with a lower-case noun,
    /// and whether with a known place. Each new word costs a search of the whole text.
    fn compound_heads(&mut self, text: &str, k0: usize, k1: usize) -> (bool, bool) {
        if let Some(&v) = self.head_seen.get(&self.keys[k0..k1]) {
            return v;
        }
        let key = self.keys[k0..k1].to_string();
        self.compound_heads_of(text, &key)
    }

    /// [`Scan::compound_heads`] for a folded word given as a string.
    fn compound_heads_of(&mut self, text: &str, key: &str) -> (bool, bool) {
        if let Some(&v) = self.head_seen.get(key) {
            return v;
        }
        let key = key.to_string();
        let mut first = key.chars();
        let capital: String = first
            .next()
            .map(|c| c.to_uppercase().chain(first).collect())
            .unwrap_or_default();
        let mut folded = String::new();
        let (mut noun_seen, mut place_seen) = (false, false);
        for at in memchr::memmem::find_iter(text.as_bytes(), capital.as_bytes()) {
            let before = text.get(..at).and_then(|h| h.chars().next_back());
            let after = text.get(at + capital.len()..).unwrap_or("");
            let Some(rest) = after.strip_prefix('-') else {
                continue;
            };
            if before.is_some_and(char::is_alphabetic) {
                continue;
            }
            let part: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
            if lower_noun(&part) {
                noun_seen = true;
            } else if part.starts_with(char::is_uppercase) {
                fold_into(&part, &mut folded);
                place_seen |= is_place(&folded);
            }
            if noun_seen && place_seen {
                break;
            }
        }
        self.head_seen.insert(key, (noun_seen, place_seen));
        (noun_seen, place_seen)
    }

    /// [`Scan::lower_in_text`] for a folded word given as a string. Each new word costs a search of
    /// the whole text, so callers ask only about words that matter.
    pub(super) fn lower_key_in_text(&mut self, text: &str, key: &str) -> bool {
        if let Some(&v) = self.lower_seen.get(key) {
            return v;
        }
        let found = memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).any(|at| {
            let before = text.get(..at).and_then(|h| h.chars().next_back());
            let after = text.get(at + key.len()..).and_then(|t| t.chars().next());
            !before.is_some_and(char::is_alphabetic)
                && !after.is_some_and(char::is_alphabetic)
                && !in_address(text, at, at + key.len())
        });
        self.lower_seen.insert(key.to_string(), found);
        found
    }

    pub(super) fn push_key(
        &mut self,
        word: &str,
        start: usize,
        end: usize,
        upper: bool,
        particle: bool,
        initial: bool,
    ) -> Tok {
        fold_into(word, &mut self.buf);
        let k0 = self.keys.len();
        self.keys.push_str(&self.buf);
        let k1 = self.keys.len();
        let g1 = genitive_stem(&self.keys[k0..k1]).map_or(k1, |l| k0 + l);
        // A word seen before costs one look-up; a new one allocates its key once.
        let id = match self.lexicon.get(self.buf.as_str()) {
            Some(&id) => id,
            None => {
                let id = u32::try_from(self.facts.len()).unwrap_or(u32::MAX);
                let names = first_names();
                let key = &self.keys[k0..k1];
                let stem = &self.keys[k0..g1];
                let info = names
                    .get(key)
                    .or_else(|| (g1 != k1).then(|| names.get(stem)).flatten())
                    .copied();
                self.facts.push(Facts {
                    info,
                    place_head: starts_place(key),
                    surname: patronymic(stem, names) || is_surname(stem),
                    hyphen_letters: hyphen_letters(key).is_some(),
                });
                self.lexicon.insert(self.buf.clone(), id);
                id
            }
        };
        Tok {
            start,
            end,
            k0,
            k1,
            g1,
            upper,
            particle,
            initial,
            id,
        }
    }

    /// `compound_cue(w) || inflected_cue(w)`, worked out once per distinct `w` of the document.
    pub(super) fn role_suffix(&mut self, w: &str) -> bool {
        if let Some(&v) = self.role_seen.get(w) {
            return v;
        }
        let v = compound_cue(w) || inflected_cue(w);
        self.role_seen.insert(w.to_string(), v);
        v
    }

    /// [`Scan::role_suffix`] of a word's folded form.
    pub(super) fn role_suffix_of(&mut self, t: &Tok) -> bool {
        let Some(key) = self.keys.get(t.k0..t.k1) else {
            return false;
        };
        if let Some(&v) = self.role_seen.get(key) {
            return v;
        }
        let v = compound_cue(key) || inflected_cue(key);
        self.role_seen.insert(key.to_string(), v);
        v
    }

    /// [`context::cue_before`] with the word before's role suffixes asked once per distinct word.
    pub(super) fn cue_before(&mut self, text: &str, start: usize) -> bool {
        cue_before_by(text, start, |w| self.role_suffix(w))
    }

    /// What the pass worked out about the word `t` when it was first read.
    fn facts(&self, t: &Tok) -> Facts {
        self.facts.get(t.id as usize).copied().unwrap_or(Facts {
            info: None,
            place_head: true,
            surname: false,
            hyphen_letters: false,
        })
    }

    pub(super) fn info(&self, names: &WordMap<NameInfo>, t: &Tok) -> Option<NameInfo> {
        // The lists of first names were looked up when the word was first read.
        if std::ptr::eq(names, first_names()) {
            if let Some(f) = self.facts.get(t.id as usize) {
                return f.info;
            }
        }
        names
            .get(&self.keys[t.k0..t.k1])
            .or_else(|| {
                (t.g1 != t.k1)
                    .then(|| names.get(&self.keys[t.k0..t.g1]))
                    .flatten()
            })
            .copied()
    }
}

/// "Frivillige: Sol, K. Dahl og Ebbe", "Hjelpere: Lykke, Ine": a lone first name right after a line's
/// label and its colon, with a comma and a capital after it, opens a list of people; a word would not
/// stand there ("Merk: Sol, vind og regn" has a small letter after the comma).
fn opens_a_list_of_names(text: &str, start: usize, end: usize) -> bool {
    let label = text
        .get(..start)
        .and_then(|h| h.strip_suffix(' '))
        .is_some_and(|h| h.ends_with(':'));
    let next = text
        .get(end..)
        .and_then(|r| r.strip_prefix(", "))
        .and_then(|r| r.chars().next());
    label && next.is_some_and(char::is_uppercase)
}

/// "Åse i tredje har betalt", "Liv på fjerde er syk": "i"/"på"/"fra" and a floor named by its ordinal
/// alone after `end`, standing alone (a stop, a comma or a verb or conjunction after it), place the
/// first name before it in a home.
fn bare_floor_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let Some(rest) = ["i ", "på ", "fra ", "frå ", "från "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    let ordinal: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
    if !super::flats::BARE_FLOOR_ORDINALS.contains(&ordinal.to_lowercase().as_str()) {
        return false;
    }
    let next = rest[ordinal.len()..].trim_start_matches(' ');
    let word: String = next
        .chars()
        .take_while(|c| c.is_alphabetic())
        .flat_map(char::to_lowercase)
        .collect();
    next.is_empty()
        || next.starts_with(['.', ',', ';', '!', '?', ')', '\n'])
        || super::flats::AFTER_A_BARE_FLOOR.contains(&word.as_str())
}

/// "Ebbas bil står …", "Sivs forslag blev …": a registered first name in the genitive before a word in
/// small letters owns that thing, a person even at a sentence's start where the name is also a word (a
/// verb, "ebba"; a noun, "siv" has no genitive without its article). Not where the genitive is itself a
/// first name or a function word ("Hans forslag": "hans" is "his").
fn genitive_before_noun(text: &str, s: &Scan, t: &Tok) -> bool {
    if t.g1 >= t.k1 {
        return false;
    }
    let key = &s.keys[t.k0..t.k1];
    if first_names().get(key).is_some() || function_words().contains(key) {
        return false;
    }
    text.get(t.end..)
        .and_then(|r| r.strip_prefix(' '))
        .is_some_and(|r| r.starts_with(|c: char| c.is_lowercase()))
}

/// The person findings of `text` read with no register (for the names' tests).
/// Whether `r` is a resident's name in full from the register that holds every protected span it
/// overlaps, each shorter than the name: "Oddny Førde" with the town Førde in the association's
/// address is the resident, and her surname alone in "6800 Førde" is still the town.
///
/// `protected` is sorted by start, so only the spans starting before the name's end are read (all of
/// them were read for each name, 12 M instructions on the dense bench).
fn holds_its_places(r: &Raw, protected: &[(usize, usize)]) -> bool {
    r.kind == Kind::Person
        && r.recognizer == Recognizer::Register
        && protected[..protected.partition_point(|&(s, _)| s < r.end)]
            .iter()
            .filter(|&&(_, e)| r.start < e)
            .all(|&(s, e)| r.start <= s && e <= r.end && e - s < r.end - r.start)
}

/// Words that open a place's name ("Øvre Lia", "Lilla Torg"), not a person's.
const PLACE_PREFIXES: &[&str] = &[
    "øvre", "övre", "nedre", "nordre", "søndre", "södra", "norra", "østre", "östra", "vestre",
    "västra", "store", "stora", "lille", "lilla", "gamle", "gamla", "indre", "ytre", "yttre",
];

/// Whether a word no list knows as a first name can be part of the name that signs a letter after a
/// closing word ("Helsing <first> <surname>") or fills a role's label ("Referent: <first> <surname>"): not
/// the board ("Styret", "Kvarnbackens styrelse"), an
/// association, an institution or a firm ("… Vaktmesterservice"), a cue or a function word, which sign
/// letters as often as people do.
fn signing_word(key: &str) -> bool {
    let stem = key.strip_suffix('s').unwrap_or(key);
    !function_words().contains(key)
        && !cues_and_speech().contains(key)
        && !is_institution(key)
        && !is_company_word(key)
        && !is_body(stem)
        && !["styrelse", "styre"].iter().any(|b| stem.ends_with(b))
        && !PLACE_PREFIXES.contains(&key)
        && !stem
            .char_indices()
            .filter(|&(i, _)| i >= 3)
            .any(|(i, _)| stem[i..].chars().count() >= 5 && company_words().contains(&stem[i..]))
}
#[cfg(test)]
fn persons_found(text: &str) -> Vec<String> {
    super::detect(text, None)
        .into_iter()
        .filter(|f| f.kind == Kind::Person && f.decision == Decision::Redact)
        .map(|f| f.text)
        .collect()
}

#[cfg(test)]
mod tests {
    /// A lone first name after a label's colon, with a comma and a capital after it, opens a list of
    /// people; a small letter after the comma, or no label, does not.
    #[test]
    fn a_first_name_opening_a_list_of_names() {
        let opens = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            super::opens_a_list_of_names(text, start, start + word.len())
        };
        assert!(opens("Frivillige: Sol, K. Dahl og Ebbe", "Sol"));
        assert!(opens("Hjelpere: Lykke, Ine", "Lykke"));
        assert!(!opens("Merk: Sol, vind og regn", "Sol"));
        assert!(!opens("Sol, Lykke og Ine kom.", "Sol"));
    }

    /// A town after its postcode (Danish and Norwegian four digits, with a country's letters; Swedish
    /// three and two) or before the word for its municipality; a count, a year in a sentence, a phone's
    /// last digits or a name after a time stay names.
    #[test]
    fn a_town_in_an_address_or_before_its_municipality() {
        let town = |text: &str, word: &str| {
            let start = text.find(word).unwrap();
            crate::redact::text::town_in_address(text, start, start + word.len())
        };
        for (text, word) in [
            ("Bjørkevegen 1–9, 6783 Stryn", "Stryn"),
            ("Box 12, DK-8000 Aarhus C", "Aarhus"),
            ("Ekvägen 3, 224 66 Lund", "Lund"),
            ("Svar frå Stryn kommune kom i går.", "Stryn"),
            ("Lunds kommun svarade.", "Lunds"),
        ] {
            assert!(town(text, word), "{text}");
        }
        for (text, word) in [
            ("Tlf. 41 22 6783 Stryn", "Stryn"),
            ("Kl. 19.30 Stryn kom.", "Stryn"),
            ("Det kostet 12.6783 Stryn betalte.", "Stryn"),
            ("Sigve Stryn tok ordet.", "Stryn"),
            ("Stryn kommenterte.", "Stryn"),
        ] {
            assert!(!town(text, word), "{text}");
        }
    }

    /// A floor by its ordinal alone after a first name, standing alone, in the three languages; a noun
    /// after the ordinal or another preposition is none.
    /// Regression (class: the letter after the slash of a legal form read as an initial, "udarbejdet af
    /// <Firm> A/S. Vedtaget.": "S. Vedtaget" was a person, and "Vedtaget" everywhere else with it). A real
    /// initial after a full stop still opens a name.
    #[test]
    fn regression_the_letter_after_a_legal_forms_slash_is_no_initial() {
        let p = super::persons_found(
            "Planen er udarbejdet af Byggeråd Nord A/S. Vedtaget.

Forslag om hegn. Vedtaget.
",
        );
        assert!(p.is_empty(), "{p:?}");
        let p = super::persons_found(
            "Tilbuddet fra Hegnsfirmaet I/S. Forkastet.
",
        );
        assert!(p.is_empty(), "{p:?}");
        let p = super::persons_found(
            "Referent var S. Vindahl fra nr. 4.
",
        );
        assert_eq!(p, ["S. Vindahl"]);
    }

    #[test]
    fn a_bare_floor_after_a_first_name() {
        for (text, end) in [
            ("Åse i tredje har betalt.", 4),
            ("Liv på fjerde, som flyttet inn i mai.", 3),
            ("Siv på fjärde och hennes granne.", 3),
            ("Ida fra anden.", 3),
        ] {
            assert!(super::bare_floor_after(text, end), "{text}");
        }
        for (text, end) in [
            ("Åse i tredje omgang.", 4),
            ("Liv ved fjerde.", 3),
            ("Siv på fjärde plats.", 3),
        ] {
            assert!(!super::bare_floor_after(text, end), "{text}");
        }
    }

    #[test]
    fn a_proposals_heading() {
        let t = "Sak 4\n4.3 STIG MORK: nye benker.\n4c) RUNE MORK: ja\n4.4 RUNE MORK foreslo\n";
        let at = |w: &str| t.find(w).unwrap();
        assert!(super::proposal_heading(t, at("STIG"), at("STIG") + 9));
        assert!(super::proposal_heading(t, at("RUNE"), at("RUNE") + 9));
        assert!(!super::proposal_heading(
            t,
            t.rfind("RUNE").unwrap(),
            t.rfind("RUNE").unwrap() + 9
        ));
        assert!(!super::proposal_heading("Sak STIG MORK: nye", 4, 13));
    }

    /// Regression (class: a name in capitals heading a proposal, "<item number> <FIRST> <SURNAME>: <the
    /// proposal in lower case>", with a first name that is also a word, and a name in capitals after
    /// "fra" in a sentence in lower case whose surname is also a word, stayed in the published text).
    /// A heading in capitals and a heading of a proposal that names no person stay.
    #[test]
    fn regression_a_name_in_capitals_heading_a_proposal_or_with_a_surname_that_is_a_word() {
        let p = super::persons_found(
            "Sak 4 Innkomne forslag\n4.1 STIG MORK: nye benker ved lekeplassen. Vedtatt.\n\
             4.2 NYE POSTKASSER: styret foreslår å bytte. Vedtatt.\n\
             4.3 Forslag fra TORGEIR HOLM om flere sykkelstativ. Falt.\nSAK 5 VALG\n",
        );
        assert_eq!(p, ["STIG MORK", "TORGEIR HOLM"]);
    }

    /// Regression (class: a person a body of the association acts through, "<the committee> ved <first
    /// name> <surname>", with a first name no list knows and a surname that is a place's, stayed in the
    /// published text; and the chair of a meeting by the Norwegian word, "Møteleder minnet om …", went as a
    /// person's name). A house "ved" a place and a body before another word stay.
    #[test]
    fn regression_a_person_a_body_acts_through_and_the_chair_of_a_meeting() {
        let p = super::persons_found(
            "Nytt styremedlem: Liv Solbjør. Ein plass er ledig, og valkomiteen ved Ragnfrid Kvamsdal \
             kjem med framlegg. Huset ved Sjøen er måla. Festutvalget ved Hallgerd Lothe ordnar kaffi.\n\n\
             Voldsund fikk ordet. Møteleder minnet om at et forbud krever saklig grunn.\n",
        );
        assert_eq!(p, ["Liv Solbjør", "Ragnfrid Kvamsdal", "Hallgerd Lothe"]);
    }

    /// "ved" or "genom" after a body of the association in its definite form; after another noun, or
    /// after a body in the indefinite or a capital, the word is a place's.
    #[test]
    fn a_body_acting_through_a_person() {
        let through = |t: &str| {
            let a = t.find(" ved").or_else(|| t.find(" genom")).unwrap() + 1;
            let w = &t[a..].split(' ').next().unwrap();
            super::context::body_through(t, a, w)
        };
        assert!(through("valgkomiteen ved Ola"));
        assert!(through("festudvalget ved Ida"));
        assert!(through("valberedningen genom Eva"));
        assert!(!through("huset ved Sjøen"));
        assert!(!through("en komité ved Ola"));
        assert!(!through("styret kom ved Ola"));
    }

    /// The former [`super::holds_its_places`], reading every protected span: the reference.
    fn holds_its_places_reading_all(r: &super::Raw, protected: &[(usize, usize)]) -> bool {
        r.kind == super::Kind::Person
            && r.recognizer == super::Recognizer::Register
            && protected
                .iter()
                .filter(|&&(s, e)| s < r.end && r.start < e)
                .all(|&(s, e)| r.start <= s && e <= r.end && e - s < r.end - r.start)
    }

    fn register_name(start: usize, end: usize) -> super::Raw {
        super::Raw::redact(
            start,
            end,
            super::Kind::Person,
            super::Recognizer::Register,
            1.0,
            "a resident",
        )
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5000))]
        /// The spans read only up to the name's end say what reading them all says, for sorted spans
        /// that may overlap each other and the name anywhere.
        #[test]
        fn holds_its_places_reads_what_reading_every_span_reads(
            name in (0usize..60, 1usize..25),
            spans in proptest::collection::vec((0usize..80, 1usize..25), 0..8),
        ) {
            let r = register_name(name.0, name.0 + name.1);
            let mut protected: Vec<(usize, usize)> =
                spans.into_iter().map(|(s, n)| (s, s + n)).collect();
            protected.sort_unstable();
            proptest::prop_assert_eq!(
                super::holds_its_places(&r, &protected),
                holds_its_places_reading_all(&r, &protected),
                "{:?} {:?}", (r.start, r.end), protected
            );
        }
    }

    /// Regression (class: a resident's name holding the places it overlaps, read only up to its end):
    /// a town inside the name and spans wholly before and after it hold; a span running past its end or
    /// starting before it, or as long as the name, does not.
    #[test]
    fn regression_holds_its_places_reads_the_spans_up_to_the_names_end() {
        let r = register_name(10, 21);
        for (protected, holds) in [
            (vec![(0, 4), (16, 21), (30, 36)], true),
            (vec![(0, 12), (16, 21)], false),
            (vec![(16, 21), (18, 25)], false),
            (vec![(10, 21)], false),
            (vec![(2, 9), (11, 14), (15, 20), (21, 40)], true),
        ] {
            assert_eq!(
                super::holds_its_places(&r, &protected),
                holds,
                "{protected:?}"
            );
            assert_eq!(
                holds_its_places_reading_all(&r, &protected),
                holds,
                "{protected:?}"
            );
        }
    }

    /// Words that try the names' walk's skip outside a run: particles before and away from names,
    /// capitals inside words, lower-case words with letters beyond ASCII, hyphens and apostrophes
    /// that join words, and marks beyond ASCII.
    const WALK_WORDS: &[&str] = &[
        "de",
        "af",
        "von",
        "van",
        "den",
        "der",
        "av",
        "la",
        "du",
        "dos",
        "Vries",
        "Hanno",
        "Rosenborg",
        "kultur",
        "huset",
        "jens",
        "s",
        "æble",
        "Træ",
        "fraTrier",
        "abcDef",
        "æbleTræ",
        "Ærø",
        "ß",
        "é",
        "É",
        "øst",
        "1",
        "12",
        "Kari",
        "Nesset",
        "Hansen",
        "og",
        "i",
        "til",
        "McKinsey",
        "A.",
        "K",
        "’",
        "–",
        "«",
        "»",
        "µ",
        "Ĳ",
        "hansen",
        "kari",
    ];
    const WALK_GLUE: &[&str] = &[
        " ", " ", " ", "  ", "\n", "\r\n", " \n", "\n ", "\u{a0}", ".", ". ", ",", ", ", "-",
        "-\n", "- \n ", "'", "'s ", "’s ", "\t", "", ":",
    ];

    fn walk_text() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        prop::collection::vec(
            (
                prop::sample::select(WALK_WORDS),
                prop::sample::select(WALK_GLUE),
            ),
            0..40,
        )
        .prop_map(|parts| parts.into_iter().map(|(w, g)| format!("{w}{g}")).collect())
    }

    /// The names' scan with the walk's skip outside a run and without it, as their findings' debug
    /// text, with and without a register (with a particle in two residents' names).
    fn scans_both_ways(text: &str) -> [(String, String); 2] {
        static RECOGNIZERS: std::sync::OnceLock<[super::NameRecognizer; 2]> =
            std::sync::OnceLock::new();
        let recognizers = RECOGNIZERS.get_or_init(|| {
            let mut ctx = crate::redact::Context::new(crate::association::Country::DK);
            for n in crate::redact::testgen::NAMES.iter().chain(&[
                "Anna de Vries",
                "Carl van Dalen",
                "Kari Nesset",
            ]) {
                ctx.residents.push(crate::redact::KnownPerson {
                    name: (*n).into(),
                    ..crate::redact::KnownPerson::default()
                });
            }
            [Some(&ctx), None].map(super::NameRecognizer::new)
        });
        std::array::from_fn(|k| {
            let r = &recognizers[k];
            let hits = crate::redact::text::OnePass::new(&[r.lower_patterns()])
                .find(text)
                .into_iter()
                .next()
                .unwrap_or_default();
            let scan = |skip: bool| {
                let mut out = Vec::new();
                r.scan_reading(text, &[], &hits, || r.lines(text), &mut out, skip);
                format!("{out:?}")
            };
            (scan(true), scan(false))
        })
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// The walk that passes over lower-case words outside a run finds what the walk over every
        /// word finds, on generated minutes and on text made to try the skip.
        #[test]
        fn the_walk_past_lower_case_words_finds_what_reading_every_word_finds(
            text in proptest::prop_oneof![crate::redact::testgen::text(), walk_text()],
        ) {
            for (skipping, reading) in scans_both_ways(&text) {
                proptest::prop_assert_eq!(skipping, reading, "{:?}", text);
            }
        }
    }

    /// Regression (class: the names' walk passing over lower-case words to the next capital): a
    /// particle before a name across a space or a line break still opens it, one before a comma or a
    /// lower-case word does not, a capital inside a word or after a hyphen across a line stays inside
    /// its word, and the names are found as reading every word finds them.
    #[test]
    fn regression_the_walk_past_lower_case_words_keeps_particles_and_words_whole() {
        for text in [
            "mødet med de\nVries og af Rosenborg, samt van-\nHanno.",
            "referent var de, Vries og den anden",
            "kulturhuset fraTrier æbleTræ og kultur-\nHansen",
            "bestyrelsen takkede Anna de Vries og Carl van Dalen for indsatsen",
            "jens's bog og Kari Nesset. de Vries",
            "de.ogKari og de.’ ogKari",
        ] {
            for (skipping, reading) in scans_both_ways(text) {
                assert_eq!(skipping, reading, "{text:?}");
            }
        }
        let r = super::NameRecognizer::new(None);
        let mut out = Vec::new();
        let text = "bestyrelsen takkede Anna de Vries for indsatsen";
        r.scan_reading(text, &[], &[], || r.lines(text), &mut out, true);
        assert!(
            out.iter().any(|f| &text[f.start..f.end] == "Anna de Vries"),
            "{out:?}"
        );
    }
}
