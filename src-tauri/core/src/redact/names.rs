//! Names of people: the register's residents and officials in every form minutes use, and names nobody
//! registered (first-name lists, capitalisation, context cues).
//!
//! The text is read once, word by word; only capitalised words (and name particles such as "von", "af")
//! are looked up, in case-folded hash tables, so the cost per word is one branch for most words. Runs of
//! adjacent capitalised words ("Freja Bundgaard-Vest", "Benedikte af Rosenborg-Friis", a name broken over a
//! line) are matched as a whole, so the longest reading wins. Mentions that only make sense in the light of
//! the whole document (a surname shared by a resident and an official, the surname of a guest named in full
//! further down) are settled after the pass.

use std::collections::{HashMap, HashSet};

use super::lists::{first_names, is_place, NameInfo};
use super::policy::{overlaps_any, Raw};
use super::text::{
    fold_into, is_one_of, is_word_char, starts_sentence, word_before, WordMap, WordSet,
};
use super::{Context, Decision, Kind, Recognizer};
use std::sync::OnceLock;

/// Lower-case words that join the parts of a name ("Fredrik von Hanno", "Benedikte af Rosenborg-Friis").
const PARTICLES: &[&str] = &[
    "von", "van", "de", "af", "der", "den", "da", "di", "du", "la", "le", "zu", "ten", "ter",
    "bin", "ibn", "al", "el", "del", "dos", "das", "av",
];

/// [`PARTICLES`] as a `match`, which the compiler turns into a length switch: this runs for every
/// lower-case word of the text.
fn is_particle(word: &str) -> bool {
    matches!(
        word,
        "von"
            | "van"
            | "de"
            | "af"
            | "der"
            | "den"
            | "da"
            | "di"
            | "du"
            | "la"
            | "le"
            | "zu"
            | "ten"
            | "ter"
            | "bin"
            | "ibn"
            | "al"
            | "el"
            | "del"
            | "dos"
            | "das"
            | "av"
    )
}

/// Danish, Norwegian and Swedish function words that are never a name, even capitalised at the start of a
/// sentence or a line ("Men", "De", "Mens"). Words that are also first names ("Hans", "Per", "Bo") are not
/// here.
const FUNCTION_WORDS: &[&str] = &[
    "men",
    "mens",
    "medan",
    "de",
    "den",
    "det",
    "der",
    "dem",
    "dei",
    "denne",
    "dette",
    "disse",
    "dessa",
    "detta",
    "og",
    "och",
    "eller",
    "i",
    "på",
    "som",
    "han",
    "hun",
    "hon",
    "ho",
    "vi",
    "jeg",
    "jag",
    "eg",
    "du",
    "dere",
    "ni",
    "man",
    "en",
    "et",
    "ett",
    "ei",
    "til",
    "till",
    "fra",
    "från",
    "frå",
    "med",
    "af",
    "av",
    "for",
    "för",
    "om",
    "at",
    "att",
    "å",
    "ikke",
    "ikkje",
    "inte",
    "er",
    "var",
    "har",
    "havde",
    "hadde",
    "hade",
    "kan",
    "skal",
    "ska",
    "vil",
    "vill",
    "nu",
    "nå",
    "så",
    "når",
    "hvor",
    "hvad",
    "hva",
    "vad",
    "hvem",
    "vem",
    "hvis",
    "efter",
    "etter",
    "under",
    "over",
    "hos",
    "ved",
    "vid",
    "alle",
    "alla",
    "hendes",
    "hennes",
    "deres",
    "sin",
    "sit",
    "sitt",
    "sine",
    "sina",
    "min",
    "mit",
    "mitt",
    "din",
    "dit",
    "ditt",
    "vores",
    "vår",
    "vårt",
    "våre",
    "våra",
    "her",
    "här",
    "dér",
    "også",
    "ogå",
    "också",
    "bare",
    "kun",
    "bara",
    "endnu",
    "enda",
    "ennå",
    "hele",
    "helt",
    "nej",
    "nei",
    "ja",
    "jo",
    "tak",
    "takk",
    "tack",
    "derfor",
    "därför",
    "dermed",
    "hvorfor",
    "varför",
    "fordi",
    "eftersom",
    "selv",
    "själv",
    "sjølv",
    "ingen",
    "inga",
    "intet",
    "noget",
    "noe",
    "något",
    "nogle",
    "noen",
    "några",
    "mange",
    "många",
    "flere",
    "fleire",
    "fler",
    "andre",
    "andra",
    "anden",
    "annen",
    "annan",
    "hver",
    "hvert",
    "varje",
    "efterhånden",
    "dog",
    "altså",
    "alltså",
    "jo",
    "nok",
    "mer",
    "mere",
    "meir",
    "mest",
    "meget",
    "mye",
    "mycket",
    "lidt",
    "litt",
    "lite",
    "lite",
];

fn function_words() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(FUNCTION_WORDS))
}

/// Words right before a capitalised word that make it a person's name even when no list knows it.
const CUES_BEFORE: &[&str] = &[
    "fru",
    "fr",
    "hr",
    "herr",
    "frk",
    "frøken",
    "fröken",
    "v",
    "andelshaver",
    "andelshaveren",
    "andelshavere",
    "andelseier",
    "andelseieren",
    "andelseiere",
    "beboer",
    "beboeren",
    "beboere",
    "boligeier",
    "seksjonseier",
    "medlem",
    "medlemmet",
    "bostadsrättshavare",
    "bostadsrättshavaren",
    "boende",
    "lejer",
    "lejeren",
    "leier",
    "leieren",
    "hyresgäst",
    "hyresgästen",
    "fremlejer",
    "fremlejetager",
    "framleietaker",
    "andrahandshyresgäst",
    "køber",
    "køberen",
    "sælger",
    "sælgeren",
    "kjøper",
    "kjøperen",
    "selger",
    "selgeren",
    "köpare",
    "köparen",
    "säljare",
    "säljaren",
    "nabo",
    "naboen",
    "granne",
    "grannen",
    "arving",
    "dødsbo",
    "dödsbo",
    "enke",
    "enken",
    "änka",
    "enkemand",
    "afdøde",
    "avdøde",
    "avlidne",
    "gæst",
    "gjest",
    "gäst",
    "advokat",
    "advokaten",
    "tømrer",
    "tømreren",
    "snekker",
    "snekkeren",
    "snickare",
    "maler",
    "maleren",
    "målare",
    "murer",
    "mureren",
    "elektriker",
    "elektrikeren",
    "rørlegger",
    "blikkenslager",
    "vvs-montør",
    "mægler",
    "ejendomsmægler",
    "megler",
    "eiendomsmegler",
    "mäklare",
    "mäklaren",
    "læge",
    "lege",
    "läkare",
    "dr",
    "pastor",
    "arkitekt",
    "arkitekten",
    "ingeniør",
    "ingenjör",
    "håndværker",
    "håndverker",
    "hantverkare",
    "søn",
    "sønnen",
    "datter",
    "datteren",
    "dotter",
    "dottern",
    "son",
    "sonen",
    "hustru",
    "ægtefælle",
    "ektefelle",
    "make",
    "maka",
    "samboer",
    "sambo",
    "kæreste",
    "mand",
    "manden",
    "mann",
    "mannen",
    "kone",
    "konen",
    "barnebarn",
    "nevø",
    "niece",
    "bror",
    "broren",
    "søster",
    "søsteren",
    "syster",
    "far",
    "mor",
    // News and reports: people named by their office or trade, or their age ("den 23-årige").
    "årige",
    "åringen",
    "åringer",
    "åriga",
    "statsminister",
    "statsministeren",
    "minister",
    "ministeren",
    "præsident",
    "præsidenten",
    "president",
    "presidenten",
    "formand",
    "formanden",
    "næstformand",
    "ordfører",
    "ordføreren",
    "ordförande",
    "direktør",
    "direktøren",
    "direktör",
    "direktören",
    "professor",
    "professoren",
    "borgmester",
    "borgmesteren",
    "politimester",
    "politimesteren",
    "biskop",
    "biskopen",
    "forfatter",
    "forfatteren",
    "författaren",
    "sanger",
    "sangeren",
    "sangerinde",
    "sångaren",
    "skuespiller",
    "skuespilleren",
    "skådespelaren",
    "instruktør",
    "instruktøren",
    "regissør",
    "regissøren",
    "træner",
    "træneren",
    "trener",
    "treneren",
    "tränaren",
    "redaktør",
    "redaktøren",
    "journalist",
    "journalisten",
    "komponist",
    "komponisten",
    "kunstner",
    "kunstneren",
    "digter",
    "digteren",
    "kaptajn",
    "kaptajnen",
    "kaptein",
    "kapteinen",
    "kapten",
    "skipper",
    "generalsekretær",
    "generalsekretæren",
    "ambassadør",
    "ambassadøren",
    "senator",
    "senatoren",
    "dronning",
    "kong",
    "kongen",
    "kung",
    "kungen",
    "prins",
    "prinsesse",
    "prinsessan",
    "forsker",
    "forskeren",
    "forskaren",
    "overlæge",
    "overlege",
    "kollega",
    "kollegaen",
    "veninde",
    "venn",
    "vennen",
    "ven",
    "kæresten",
    "hustruen",
];

/// A name followed by one of these is a company ("Jens Hansen ApS"), not a person. Compared ignoring
/// case; the short legal forms are in [`is_company_word`], compared as written ("AS", not "as").
pub(super) const COMPANY_SUFFIXES: &[&str] = &[
    "holding",
    "gruppen",
    "group",
    "advokatfirma",
    "revision",
    "revisjon",
    "rådgivning",
    "entreprise",
    "byg",
    "bygg",
    "vvs",
    "maling",
    "service",
    "university",
    "universitet",
    "universitetet",
    "college",
    "institute",
    "foundation",
    "fond",
    "fonden",
    "stiftelse",
    "stiftelsen",
    "times",
    "tidende",
    "orkester",
    "klub",
    "klubb",
];

/// A legal form or company word, as written in the text ("ApS", "AS", "A/S", "AB", "Holding").
pub(super) fn is_company_word(word: &str) -> bool {
    is_legal_form(word) || company_suffixes().contains_fold(word)
}

/// The short legal forms, as written.
fn is_legal_form(word: &str) -> bool {
    matches!(
        word,
        "AS" | "ASA"
            | "ApS"
            | "APS"
            | "A/S"
            | "AB"
            | "HB"
            | "KB"
            | "IVS"
            | "I/S"
            | "K/S"
            | "P/S"
            | "EF"
            | "BA"
            | "SA"
            | "ANS"
            | "DA"
            | "Ltd"
            | "LTD"
            | "GmbH"
            | "Oy"
    )
}

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
}

/// The compiled name recognizer for one context.
#[derive(Debug)]
pub struct NameRecognizer {
    table: WordMap<Vec<Slot>>,
    people: Vec<Person>,
    /// Lower-case initials ("kd") of every registered person.
    initials: WordMap<Vec<u32>>,
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
    buf: String,
    run: Vec<Tok>,
    out: Vec<Raw>,
    pending: Vec<Pending>,
    /// (person, byte position) of every mention by full name.
    full_mentions: Vec<(u32, usize)>,
    /// Folded words of unregistered people named with at least two words.
    guest_words: HashSet<String>,
    /// Register mentions by a lone first name that is also a word: (index in `out`, candidates).
    weak: Vec<(usize, Vec<u32>)>,
    /// Cache for [`Scan::lower_in_text`].
    lower_seen: HashMap<String, bool>,
    /// Capitalised words no recognizer claimed: (start, end, key range).
    loose: Vec<(usize, usize, usize, usize)>,
}

impl NameRecognizer {
    pub fn new(context: Option<&Context>) -> NameRecognizer {
        let mut r = NameRecognizer {
            table: WordMap::default(),
            people: Vec::new(),
            initials: WordMap::default(),
        };
        let Some(ctx) = context else { return r };
        let mut seen: HashMap<String, usize> = HashMap::new();
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
                r.add(&name, keep);
            }
        }
        for res in &ctx.residents {
            for name in split_owners(&res.name) {
                fold_into(&name, &mut buf);
                if seen.contains_key(&buf) {
                    continue;
                }
                seen.insert(buf.clone(), r.people.len());
                r.add(&name, false);
            }
        }
        r
    }

    fn add(&mut self, name: &str, keep: bool) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return;
        }
        let id = self.people.len() as u32;
        let last = words
            .iter()
            .rposition(|w| !is_one_of(w, PARTICLES))
            .unwrap_or(words.len() - 1);
        let mut buf = String::new();
        for (pos, w) in words.iter().enumerate() {
            let part = if pos == last && (pos > 0 || words.len() == 1) {
                Part::Family
            } else if pos > 0 && is_one_of(w, PARTICLES) {
                Part::Particle
            } else {
                Part::Given
            };
            fold_into(w.trim_matches(|c: char| !c.is_alphabetic()), &mut buf);
            if buf.is_empty() {
                continue;
            }
            let slot = Slot {
                person: id,
                pos: pos as u8,
                part,
            };
            self.table.entry(buf.clone()).or_default().push(slot);
            // "Haetta", "Bjornstad": the name typed without the Nordic letters.
            if !buf.is_ascii() {
                for variant in ascii_spellings(&buf) {
                    // Short spellings ("as" for "Ås") would collide with ordinary words.
                    if variant != buf && variant.len() >= 4 {
                        let v = self.table.entry(variant).or_default();
                        if !v.iter().any(|x| x.person == id && x.pos == slot.pos) {
                            v.push(slot);
                        }
                    }
                }
            }
            // "Bundgaard" for "Bundgaard-Vest": a long part of a double surname alone.
            if part == Part::Family && buf.contains('-') {
                let parts: Vec<String> = buf
                    .split('-')
                    .filter(|p| p.chars().count() >= 5)
                    .map(str::to_string)
                    .collect();
                for p in parts {
                    self.table.entry(p).or_default().push(slot);
                }
            }
        }
        let initials: String = words
            .iter()
            .filter(|w| !is_one_of(w, PARTICLES))
            .flat_map(|w| w.split('-'))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        if initials.chars().count() >= 2 {
            self.initials.entry(initials).or_default().push(id);
        }
        self.people.push(Person {
            words: words.len() as u8,
            keep,
        });
    }

    /// Finds names in `text`; `protected` are organisation and place spans where no name is reported.
    pub fn scan(&self, text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        let mut s = Scan::default();
        // Sized for the text up front: growing these buffers showed up in the profile.
        s.keys.reserve(text.len() / 6);
        s.loose.reserve(text.len() / 64);
        s.out.reserve(text.len() / 256);
        let mut prev_end = 0usize;
        let bytes = text.as_bytes();
        let mut i = 0usize;
        while i < bytes.len() {
            let b = bytes[i];
            // Fast path: skip everything that cannot start a word.
            if b < 0x80 && !b.is_ascii_alphabetic() {
                i += 1;
                continue;
            }
            // Fast path: a plain lower-case word outside a run of names only needs skipping (unless
            // it is a particle, which may start "von Hanno").
            if b.is_ascii_lowercase() && s.run.is_empty() {
                let mut e = i + 1;
                while e < bytes.len() && bytes[e].is_ascii_lowercase() {
                    e += 1;
                }
                let plain = bytes
                    .get(e)
                    .is_none_or(|&n| n < 0x80 && !matches!(n, b'-' | b'\''));
                if plain && !is_particle(text.get(i..e).unwrap_or("")) {
                    i = e;
                    prev_end = e;
                    continue;
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
            // A word glued to digits ("Æ0Æ", "H0101") or a lone letter that is no initial is no name.
            let first_upper = c.is_uppercase() && {
                let bytes_ = text.as_bytes();
                let glued = (start > 0 && bytes_[start - 1].is_ascii_digit())
                    || bytes_.get(end).is_some_and(u8::is_ascii_digit);
                let lone = word.len() <= 4
                    && word.chars().nth(1).is_none()
                    && bytes_.get(end) != Some(&b'.');
                !glued && !lone
            };
            // A name broken over a line joins up, but not a heading with the next line's "Men …".
            let joinable = !s.run.is_empty()
                && gap_joins(text, prev_end, start, &s.run)
                && !(text.get(prev_end..start).is_some_and(|g| g.contains('\n'))
                    && word.starts_with(char::is_uppercase)
                    && function_words().contains_fold(word));
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
        self.settle(text, &mut s);
        out.extend(
            s.out
                .into_iter()
                .filter(|r| !overlaps_any(protected, r.start, r.end)),
        );
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
            && title_start(&s.keys[run[0].k0..run[0].k1])
            && !starts_sentence(text, run[0].start)
        {
            s.run = run;
            s.run.clear();
            return;
        }
        let names = first_names();
        let n = run.len();
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
                            s.out.push(Raw {
                                start: t.start,
                                end,
                                kind: Kind::Person,
                                recognizer: Recognizer::Register,
                                score: 0.6,
                                reason: "a resident's initials",
                                decision: Decision::Redact,
                                subject: people.first().map(|p| format!("r{p}")),
                            });
                            i = j;
                            continue;
                        }
                    }
                }
                i += 1;
                continue;
            }
            // 1. The register, longest match first.
            if let Some((j, candidates, has_family)) = self.register_match(s, &run, i) {
                let first = run[i];
                let single_given = j == i + 1 && !has_family;
                let sentence = starts_sentence(text, first.start);
                let info = s.info(names, &first);
                // A lone word at the start of a sentence or as a heading ("Strøm:", "Hans forslag")
                // that the document also uses as an ordinary lower-case word needs more evidence.
                let heading = j == i + 1
                    && sentence
                    && text.get(first.end..).is_some_and(|r| r.starts_with(':'));
                // Only a lone word at a sentence start needs the (slower) look at the word before.
                let cue = (heading || single_given) && sentence && cue_before(text, first.start);
                if heading && !first.upper && !cue && s.lower_in_text(text, first.k0, first.g1) {
                    i = j;
                    continue;
                }
                // "Per 1. januar", "Hans forslag": a lone first name that is also a word counts only
                // when the person is named in full somewhere in the document (settled at the end).
                let weak_single = single_given
                    && !first.upper
                    && sentence
                    && !cue
                    && (info.is_some_and(|x| x.word) || s.lower_in_text(text, first.k0, first.g1));
                // A registered first name followed by an unregistered surname is somebody else.
                let other_person = !has_family
                    && j < n
                    && !run[j].particle
                    && !run[j].initial
                    && !run[j].upper
                    && self.slots(s, &run[j]).is_none();
                if other_person {
                    let k = self.guest_end(text, s, &run, j);
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
                let start = if i > 0 && run[i - 1].initial {
                    run[i - 1].start
                } else {
                    bare_initial_before(text, first.start).unwrap_or(first.start)
                };
                if weak_single {
                    s.weak.push((s.out.len(), candidates.clone()));
                }
                self.push_register(s, start, run[j - 1].end, candidates, j - i);
                i = j;
                continue;
            }
            if t.particle {
                i += 1;
                continue;
            }
            // 2. A first name from the lists, with what follows it.
            let info = s.info(names, &t);
            // "Da Bestyrelsen …", "De Forenede …": function words that happen to be names elsewhere.
            let given = (info.is_some() || hyphen_given(s, names, &t))
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
                ) && starts_sentence(text, t.start));
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
                let nordic = info.is_some_and(|x| x.nordic > 0) || hyphen_given(s, names, &t);
                let word = info.is_some_and(|x| x.word);
                let cue = cue_before(text, t.start) || unit_after(text, t.end);
                let sentence = starts_sentence(text, t.start);
                // At the start of a sentence only a name that the text never uses as a word.
                // Inside a sentence a capital letter is evidence enough: Nordic languages write
                // ordinary words in lower case ("hos Søren", "smiler Bent").
                // A name from elsewhere alone needs the same capital, but not a place's ("i Hellas",
                // "frå Langesund").
                let alone = !function_words().contains(&s.keys[t.k0..t.k1])
                    && !is_place(&s.keys[t.k0..t.g1])
                    && !is_place(&s.keys[t.k0..t.k1])
                    && if sentence {
                        nordic && !word && !s.lower_in_text(text, t.k0, t.g1)
                    } else {
                        // "Aarhus Kommune", "i Juni": words of minutes stay things.
                        !info.is_some_and(|x| x.thing)
                            && (i == 0 || !word)
                            && !place_before(text, t.start)
                    };
                if cue || alone {
                    self.push_guest(text, s, &run, i, i + 1, 0.6, "a first name");
                    i += 1;
                    continue;
                }
            } else if given && t.upper && i + 1 < n && run[i + 1].upper {
                let info2 = s.info(names, &run[i + 1]);
                if info.is_some_and(|x| x.nordic > 0 && !x.word) && info2.is_none_or(|x| !x.word) {
                    self.push_guest(
                        text,
                        s,
                        &run,
                        i,
                        i + 2,
                        0.6,
                        "a first name followed by a surname",
                    );
                    i += 2;
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
            // 3. A capitalised word after a cue such as "fru", "hr." or "andelshaver".
            if !t.upper
                && (i == 0
                    || run[i - 1].particle
                    || cue_set().contains(&s.keys[run[i - 1].k0..run[i - 1].k1]))
                && text
                    .get(t.start..t.end)
                    .is_some_and(|w| w.chars().nth(1).is_some())
                && cue_before(text, t.start)
            {
                let k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                if !followed_by_company(text, run[k - 1].end) {
                    self.push_guest(text, s, &run, i, k, 0.75, "a name after a title or role");
                }
                i = k;
                continue;
            }
            // 3b. Words that the text itself shows to be a person: an age or the years of a life after
            // them ("Perisat (24)"), or a verb of saying inside a sentence ("… og Hellesnes sa").
            let hint = || {
                run[i..n.min(i + 3)].iter().any(|x| {
                    text.get(x.end..).is_some_and(|r| r.starts_with(" ("))
                        || speech_after(text, x.end)
                })
            };
            if !t.upper
                && t.end - t.start > 1
                && hint()
                && !function_words().contains(&s.keys[t.k0..t.k1])
            {
                let k = self.guest_end(text, s, &run, i + 1).min(i + 3);
                let end = run[k - 1].end;
                if age_after(text, end)
                    || (speech_after(text, end) && !starts_sentence(text, t.start))
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
            // 4. A surname that can only be a surname ("-sen", "-sson").
            if !t.upper && info.is_none() && patronymic(&s.keys[t.k0..t.g1], names) {
                self.push_guest(text, s, &run, i, i + 1, 0.6, "a surname");
                i += 1;
                continue;
            }
            // Whether the word is part of a company's name is checked in `settle`, for the few
            // loose words that turn out to matter.
            s.loose.push((t.start, t.end, t.k0, t.g1));
            i += 1;
        }
        s.run = run;
        s.run.clear();
    }

    fn slots<'a>(&'a self, s: &Scan, t: &Tok) -> Option<&'a [Slot]> {
        if self.table.is_empty() {
            return None;
        }
        let key = &s.keys[t.k0..t.k1];
        if let Some(v) = self.table.get(key) {
            return Some(v);
        }
        if t.g1 != t.k1 {
            if let Some(v) = self.table.get(&s.keys[t.k0..t.g1]) {
                return Some(v);
            }
        }
        // "Hansen-familien", "Trier-sagen": a registered name as part of a compound.
        if key.contains('-') {
            return key
                .split('-')
                .filter(|p| p.chars().count() >= 3)
                .find_map(|p| self.table.get(p))
                .map(Vec::as_slice);
        }
        None
    }

    /// The longest sequence of words from `i` that belong, in order, to one registered person.
    fn register_match(&self, s: &Scan, run: &[Tok], i: usize) -> Option<(usize, Vec<u32>, bool)> {
        let first = self.slots(s, &run[i])?;
        // The slots of the following words, looked up once. Slots are sorted by (person, position)
        // because people are added in order, so a person's next word is found by binary search.
        let mut next: [&[Slot]; 8] = [&[]; 8];
        let mut avail = 0;
        while avail < next.len() && i + 1 + avail < run.len() {
            match self.slots(s, &run[i + 1 + avail]) {
                Some(v) => next[avail] = v,
                None => break,
            }
            avail += 1;
        }
        let mut best_len = 0usize;
        let mut best: Vec<u32> = Vec::new();
        let mut best_family = false;
        for slot in first {
            let mut pos = slot.pos;
            let mut len = 1;
            let mut family = slot.part == Part::Family;
            let mut only_particles = slot.part == Part::Particle;
            for v in &next[..avail] {
                let at = v.partition_point(|x| (x.person, x.pos) <= (slot.person, pos));
                let Some(n) = v.get(at).filter(|x| x.person == slot.person) else {
                    break;
                };
                pos = n.pos;
                family |= n.part == Part::Family;
                only_particles &= n.part == Part::Particle;
                len += 1;
            }
            if only_particles {
                continue;
            }
            if len > best_len {
                best_len = len;
                best.clear();
                best_family = family;
            }
            if len == best_len && best.last() != Some(&slot.person) {
                best.push(slot.person);
                best_family |= family;
            }
        }
        (best_len > 0).then_some((i + best_len, best, best_family))
    }

    /// Where a guest's name that started before `from` ends: further capitalised, unregistered words.
    fn guest_end(&self, text: &str, s: &Scan, run: &[Tok], from: usize) -> usize {
        let mut k = from;
        while k < run.len() && k - from < 4 {
            let t = &run[k];
            // A middle initial ("Jens P. Krogh") when a surname follows it.
            if t.initial
                && run.get(k + 1).is_some_and(|n| {
                    !n.initial && !n.upper && !n.particle && self.slots(s, n).is_none()
                })
            {
                k += 1;
                continue;
            }
            if t.initial || t.upper || self.slots(s, t).is_some() {
                break;
            }
            if t.particle {
                if k + 1 < run.len() && !run[k + 1].particle {
                    k += 1;
                    continue;
                }
                break;
            }
            let key = &s.keys[t.k0..t.k1];
            if company_suffixes().contains(key)
                || matches!(key, "as" | "asa" | "aps" | "ab" | "ivs")
            {
                break;
            }
            // "Kasakhstans London-ambassadør", "Obama-administrasjonen": a compound that ends in a
            // lower-case noun names no one.
            if text
                .get(t.start..t.end)
                .and_then(|w| w.rsplit_once('-'))
                .is_some_and(|(_, last)| lower_noun(last))
            {
                break;
            }
            // "Marie Høeg Hortens selskabelige …": once a surname has come, a genitive before a noun
            // belongs to something else.
            let surname_seen = run[from..k]
                .iter()
                .any(|x| !x.particle && first_names().get(&s.keys[x.k0..x.g1]).is_none());
            if t.g1 != t.k1 && surname_seen && noun_follows(text, t.end) {
                break;
            }
            k += 1;
        }
        while k > from && run[k - 1].particle {
            k -= 1;
        }
        k
    }

    fn push_register(
        &self,
        s: &mut Scan,
        start: usize,
        end: usize,
        candidates: Vec<u32>,
        len: usize,
    ) {
        let keep_all = candidates
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| x.keep));
        let keep_none = candidates
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep));
        if let [p] = candidates.as_slice() {
            if self
                .people
                .get(*p as usize)
                .is_some_and(|x| len >= 2 || x.words == 1)
            {
                s.full_mentions.push((*p, start));
            }
        }
        let subject = match candidates.as_slice() {
            [p] => Some(format!("r{p}")),
            _ => None,
        };
        let (decision, reason) = if keep_all {
            (
                Decision::Keep,
                "an official in a role on the document's date",
            )
        } else {
            (Decision::Redact, "a resident in the register")
        };
        s.out.push(Raw {
            start,
            end,
            kind: Kind::Person,
            recognizer: Recognizer::Register,
            score: if len >= 2 { 1.0 } else { 0.9 },
            reason,
            decision,
            subject,
        });
        if !keep_all && !keep_none {
            s.pending.push(Pending {
                raw: s.out.len() - 1,
                candidates,
            });
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn push_guest(
        &self,
        text: &str,
        s: &mut Scan,
        run: &[Tok],
        i: usize,
        k: usize,
        score: f32,
        reason: &'static str,
    ) {
        let (Some(first), Some(last)) = (run.get(i), run.get(k.saturating_sub(1))) else {
            return;
        };
        // "Frederik Bajers Vej", "Olav Kyrres gate", "Karen Blixens Plads": a street named after someone.
        // A street word of its own counts after a genitive ("Bajers Vej") but not after a first name
        // ("Per Gade" is a person); one word ending like a street ("Rømersvej") always counts.
        let window = &run[i..(k + 1).min(run.len())];
        let street = window.iter().enumerate().any(|(x, t)| {
            let key = &s.keys[t.k0..t.k1];
            street_word(key)
                && (street_compound(key)
                    || x > 0 && s.keys[window[x - 1].k0..window[x - 1].k1].ends_with('s'))
        }) || (s.keys[last.k0..last.k1].ends_with('s')
            && street_after(text, last.end));
        if street {
            return;
        }
        // "… sa Kasakhstans ambassadør": a country after a cue is no person.
        let place = |t: &Tok| is_place(&s.keys[t.k0..t.g1]) || is_place(&s.keys[t.k0..t.k1]);
        // "EF-kampen", "Høyre-velgerne": a compound that ends in a lower-case noun names no one.
        let compound = text
            .get(last.start..last.end)
            .and_then(|w| w.rsplit_once('-'))
            .is_some_and(|(_, l)| lower_noun(l));
        if place(first) || compound {
            return;
        }
        let subject = format!("g{}", &s.keys[last.k0..last.g1]);
        // Later mentions of any part ("fru Krogh" … "Krogh sagde") are the same person.
        for t in &run[i..k] {
            // A word that is also an ordinary word ("Dag", "Berg") says nothing alone.
            let stem = &s.keys[t.k0..t.g1];
            let plain = function_words().contains(&s.keys[t.k0..t.k1])
                || function_words().contains(stem)
                || first_names().get(stem).is_some_and(|x| x.word);
            if !t.particle && !t.initial && !plain && !place(t) {
                s.guest_words.insert(stem.to_string());
            }
        }
        // "H.C. Andersen", "K. J. Philipsen": the initials before the name belong to it.
        let mut a = i;
        while a > 0 && run[a - 1].initial {
            a -= 1;
        }
        let mut start = if a < i {
            run[a].start
        } else {
            bare_initial_before(text, first.start).unwrap_or(first.start)
        };
        // "Hillary Clinton", "Gerner Jørgensen": a first name no list knows, right before the name in
        // the same run, unless it is a word, a place or an office, or starts the sentence ("Både").
        let before = i.checked_sub(1).map(|p| run[p]);
        if let (Some(prev), Some(&(ls, _, lk0, lk1))) = (before, s.loose.last()) {
            let key = &s.keys[lk0..lk1];
            let sentence = starts_sentence(text, ls);
            if ls == prev.start
                && start == first.start
                && !prev.upper
                && !function_words().contains(key)
                && !cue_set().contains(key)
                && !title_start(key)
                && !is_place(key)
                && !company_suffixes().contains(key)
                && !sentence
            {
                s.loose.pop();
                start = ls;
            }
        }
        s.out.push(Raw {
            start,
            end: last.end,
            kind: Kind::Person,
            recognizer: Recognizer::UnknownName,
            score,
            reason,
            decision: Decision::Redact,
            subject: Some(subject),
        });
    }

    /// Settles what needs the whole document: ambiguous register mentions and guests' single names.
    fn settle(&self, text: &str, s: &mut Scan) {
        for (at, candidates) in std::mem::take(&mut s.weak) {
            let named = s
                .full_mentions
                .iter()
                .any(|(who, _)| candidates.contains(who));
            if let (false, Some(r)) = (named, s.out.get_mut(at)) {
                // Not a name after all: an empty span is dropped by the policy.
                r.end = r.start;
            }
        }
        for p in std::mem::take(&mut s.pending) {
            let Some(at) = s.out.get(p.raw).map(|r| r.start) else {
                continue;
            };
            // The nearest mention by full name, preferring one before this mention.
            let nearest = s
                .full_mentions
                .iter()
                .filter(|(who, _)| p.candidates.contains(who))
                .min_by_key(|(_, pos)| if *pos <= at { at - pos } else { (pos - at) * 4 })
                .map(|(who, _)| *who);
            if let (Some(who), Some(r)) = (nearest, s.out.get_mut(p.raw)) {
                let keep = self.people.get(who as usize).is_some_and(|x| x.keep);
                r.decision = if keep {
                    Decision::Keep
                } else {
                    Decision::Redact
                };
                r.reason = if keep {
                    "an official in a role on the document's date"
                } else {
                    "a resident in the register"
                };
                r.subject = Some(format!("r{who}"));
            }
        }
        self.loose_words(text, s);
    }

    /// Capitalised words no rule claimed during the pass, settled in the light of the whole document:
    /// a part of a name mentioned in full elsewhere ("Krogh" after "fru Else Krogh"), and a name joined
    /// by "og" to a person's name ("Clinton og Gore", "Ora og Avram").
    fn loose_words(&self, text: &str, s: &mut Scan) {
        if s.loose.is_empty() {
            return;
        }
        let loose = std::mem::take(&mut s.loose);
        let mut taken = vec![false; loose.len()];
        // Words of the same run: a loose word right after the previous one, one space apart.
        let joined = |a: usize| a > 0 && text.get(loose[a - 1].1..loose[a].0) == Some(" ");
        let plain = |s: &mut Scan, a: usize| {
            let (start, _, k0, k1) = loose[a];
            let key = &s.keys[k0..k1];
            function_words().contains(key)
                || cue_set().contains(key)
                || title_start(key)
                || (starts_sentence(text, start) && s.lower_in_text(text, k0, k1))
        };
        for round in 0..3 {
            let mut found: Vec<(usize, usize, f32, &'static str)> = Vec::new();
            if round == 0 {
                for a in 0..loose.len() {
                    let (_, end, k0, k1) = loose[a];
                    if taken[a]
                        || !s.guest_words.contains(&s.keys[k0..k1])
                        || super::policy::company_follows(text, end)
                    {
                        continue;
                    }
                    // "Hillary Clinton" when only "Clinton" was known: the word before it in the run.
                    let from = if joined(a) && !taken[a - 1] && !plain(s, a - 1) {
                        a - 1
                    } else {
                        a
                    };
                    found.push((
                        from,
                        a,
                        0.7,
                        "part of a name mentioned in full elsewhere in the document",
                    ));
                }
            } else {
                let mut persons: Vec<(usize, usize)> = s
                    .out
                    .iter()
                    .filter(|r| r.kind == Kind::Person && r.end > r.start)
                    .map(|r| (r.start, r.end))
                    .collect();
                persons.sort_unstable();
                let ends: HashSet<usize> = persons.iter().map(|p| p.1).collect();
                let starts: HashSet<usize> = persons.iter().map(|p| p.0).collect();
                let mut a = 0;
                while a < loose.len() {
                    // The group of loose words of one run starting at `a`, at most three.
                    let mut b = a;
                    while b + 1 < loose.len() && b + 1 - a < 3 && joined(b + 1) {
                        b += 1;
                    }
                    let (start, _, _, _) = loose[a];
                    let (_, end, _, _) = loose[b];
                    let group_free = (a..=b).all(|x| !taken[x]);
                    let before = text.get(..start).and_then(|h| {
                        CONJUNCTIONS
                            .iter()
                            .find_map(|c| h.strip_suffix(c))
                            .map(str::len)
                    });
                    let after = text.get(end..).and_then(|t| {
                        CONJUNCTIONS
                            .iter()
                            .find_map(|c| t.strip_prefix(c))
                            .map(|r| text.len() - r.len())
                    });
                    // "Siv Jensen og Høyres velgere": a genitive before a noun is a party's or a
                    // firm's as often as a person's.
                    let genitive = text.get(start..end).is_some_and(|w| w.ends_with('s'))
                        && noun_follows(text, end);
                    let beside_person = group_free
                        && !genitive
                        && (before.is_some_and(|p| ends.contains(&p))
                            || after.is_some_and(|p| starts.contains(&p)));
                    // Not "Ap", "Frp" (party abbreviations), nor "Obama-administrasjonen".
                    let usable = beside_person
                        && !(a..=b).any(|x| {
                            let key = &s.keys[loose[x].2..loose[x].3];
                            function_words().contains(key)
                                || title_start(key)
                                || is_place(key)
                                || key.chars().count() < 4
                                || text
                                    .get(loose[x].0..loose[x].1)
                                    .and_then(|w| w.rsplit_once('-'))
                                    .is_some_and(|(_, l)| lower_noun(l))
                        })
                        && !plain(s, a);
                    if usable && !super::policy::company_follows(text, end) {
                        found.push((a, b, 0.6, "a name joined to a person's name by \"og\""));
                    }
                    a = b + 1;
                }
            }
            if found.is_empty() && round > 0 {
                break;
            }
            for (from, to, score, reason) in found {
                taken[from..=to].fill(true);
                let key = &s.keys[loose[to].2..loose[to].3];
                s.out.push(Raw {
                    start: loose[from].0,
                    end: loose[to].1,
                    kind: Kind::Person,
                    recognizer: Recognizer::UnknownName,
                    score,
                    reason,
                    decision: Decision::Redact,
                    subject: Some(format!("g{key}")),
                });
            }
        }
    }
}

/// The lower-case noun at the end of a compound ("Høyre-velgerne", "EF-kampen"); not the short
/// lower-case part of a name ("Kim Jong-il").
fn lower_noun(part: &str) -> bool {
    part.starts_with(char::is_lowercase) && part.chars().count() >= 4
}

/// Whether the word before `start` is a preposition of place ("i", "fra", "til", "mellom").
fn place_before(text: &str, start: usize) -> bool {
    const PLACE: &[&str] = &[
        "i", "fra", "frå", "från", "mellom", "mellan", "ved", "vid", "nær", "nära", "gjennom",
        "genom", "rundt", "kring", "ud", "ut", "in", "from",
    ];
    word_before_is(text, start, PLACE)
}

/// Whether the word right before `start` (past spaces) is one of `words`.
fn word_before_is(text: &str, start: usize, words: &[&str]) -> bool {
    word_before(text, start, &[])
        .and_then(|(a, b)| text.get(a..b))
        .is_some_and(|w| is_one_of(w, words))
}

/// Whether a lower-case word follows `end` after one space ("Høyres velgere"): what stands before
/// it is a genitive of something, not a name on its own.
fn noun_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .is_some_and(|r| r.starts_with(char::is_lowercase))
}

/// Words that join two people's names.
const CONJUNCTIONS: &[&str] = &[" og ", " och ", " and ", " & ", " eller ", " samt "];

impl Scan {
    /// Whether the folded word `keys[k0..k1]` occurs in `text` in lower case as a word of its own.
    fn lower_in_text(&mut self, text: &str, k0: usize, k1: usize) -> bool {
        let key = &self.keys[k0..k1];
        if let Some(&v) = self.lower_seen.get(key) {
            return v;
        }
        let found = memchr::memmem::find_iter(text.as_bytes(), key.as_bytes()).any(|at| {
            let before = text.get(..at).and_then(|h| h.chars().next_back());
            let after = text.get(at + key.len()..).and_then(|t| t.chars().next());
            !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
        });
        self.lower_seen.insert(key.to_string(), found);
        found
    }

    fn push_key(
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
        Tok {
            start,
            end,
            k0,
            k1,
            g1,
            upper,
            particle,
            initial,
        }
    }

    fn info(&self, names: &WordMap<NameInfo>, t: &Tok) -> Option<NameInfo> {
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
            if !joins || !(capital || PARTICLES.contains(&w)) || is_one_of(w, CUES_BEFORE) {
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
            if a < end && PARTICLES.contains(&text.get(a..b).unwrap_or("")) {
                start = (b + 1).min(end);
                words -= 1;
            } else {
                break;
            }
        }
        if words == 0 || start >= end || !last_capital {
            continue;
        }
        let single_at_sentence_start = words == 1 && starts_sentence(text, start);
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

/// Whether the word right after `end` (past one space) is a street word ("Olav Kyrres gate 3").
fn street_after(text: &str, end: usize) -> bool {
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
fn street_word(key: &str) -> bool {
    street_compound(key) || street_alone(key)
}

/// "rømersvej", "kongensgade", "storgatan": one word ending like a street; `key` is lower-case.
fn street_compound(key: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "vej",
        "vejen",
        "gade",
        "gaden",
        "gate",
        "gaten",
        "vei",
        "veien",
        "gata",
        "gatan",
        "vägen",
        "allé",
        "plads",
        "pladsen",
        "plass",
        "plassen",
        "torv",
        "torvet",
        "torg",
        "torget",
        "stræde",
        "strædet",
        "boulevard",
    ];
    ENDINGS
        .iter()
        .any(|e| key.len() >= e.len() + 3 && key.ends_with(e))
}

/// A street word standing alone ("vej", "gate", "plads"); `key` is lower-case.
fn street_alone(key: &str) -> bool {
    const STREET: &[&str] = &[
        "vej",
        "vejen",
        "gade",
        "gaden",
        "gate",
        "gata",
        "gatan",
        "vei",
        "veien",
        "allé",
        "alle",
        "plads",
        "plass",
        "boulevard",
        "torv",
        "torg",
        "vägen",
        "väg",
        "stræde",
        "stredet",
        "kaj",
        "kai",
        "kaia",
        "vænge",
        "gränd",
        "backe",
        "stig",
        "institut",
        "instituttet",
        "institutet",
        "skole",
        "skolen",
        "skola",
        "kirke",
        "kirken",
        "kyrka",
        "hospital",
        "sykehus",
        "sjukhus",
        "hallen",
        "stadion",
        "senter",
        "center",
        "centret",
    ];
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(STREET)).contains(key)
}

fn cue_set() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let all: Vec<&'static str> = CUES_BEFORE.iter().chain(SPEECH).copied().collect();
        WordSet::new(&all)
    })
}

fn company_suffixes() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| WordSet::new(COMPANY_SUFFIXES))
}

/// The two usual ASCII spellings of a name with Nordic letters: "hætta" → "haetta", "hatta";
/// "bjørnstad" → "bjoernstad", "bjornstad".
fn ascii_spellings(key: &str) -> [String; 2] {
    let mut long = String::with_capacity(key.len() + 4);
    let mut short = String::with_capacity(key.len());
    for c in key.chars() {
        let (l, sh) = match c {
            'æ' | 'ä' => ("ae", "a"),
            'ø' | 'ö' => ("oe", "o"),
            'å' => ("aa", "a"),
            'ü' => ("ue", "u"),
            'é' | 'è' | 'ê' => ("e", "e"),
            'á' | 'à' => ("a", "a"),
            'ó' | 'ò' => ("o", "o"),
            _ => {
                long.push(c);
                short.push(c);
                continue;
            }
        };
        long.push_str(l);
        short.push_str(sh);
    }
    [long, short]
}

/// A hyphenated given name whose first part is a first name ("Hans-Jørgen", "Tor-Arne").
fn hyphen_given(s: &Scan, names: &WordMap<NameInfo>, t: &Tok) -> bool {
    let key = &s.keys[t.k0..t.k1];
    let Some((a, b)) = key.split_once('-') else {
        return false;
    };
    names.get(a).is_some_and(|x| x.nordic > 0 || x.intl > 0) && names.contains_key(b)
}

/// The length of the word without its genitive ending ("hættas" → "hætta", "hansen's", "jens'").
fn genitive_stem(key: &str) -> Option<usize> {
    if let Some(s) = key.strip_suffix("'s") {
        return Some(s.len());
    }
    if let Some(s) = key.strip_suffix('\'') {
        return Some(s.len());
    }
    if key.len() > 3 {
        if let Some(s) = key.strip_suffix('s') {
            return Some(s.len());
        }
    }
    None
}

/// Surnames formed from a father's name ("Hansen", "Pedersen", "Andersson", "Olsen") are names wherever
/// they stand. The stem must be a first name, which keeps nouns like "Bestyrelsen" and "Sandkassen" out.
fn patronymic(key: &str, names: &WordMap<NameInfo>) -> bool {
    const NOUNS: &[&str] = &[
        "person", "personen", "dansen", "sæsonen", "halsen", "varsen", "krisen", "prisen",
        "kassen", "messen", "bussen", "massen", "klassen", "pressen", "vasen", "linsen",
    ];
    const SUFFIXES: &[&str] = &["sen", "son", "datter", "dotter", "dóttir"];
    if !SUFFIXES.iter().any(|x| key.ends_with(x)) || key.chars().count() < 5 || NOUNS.contains(&key)
    {
        return false;
    }
    let is_name = |stem: &str| stem.chars().count() >= 3 && names.contains_key(stem);
    for suf in [
        "sen", "son", "sdatter", "sdotter", "sdóttir", "dóttir", "datter",
    ] {
        if let Some(stem) = key.strip_suffix(suf) {
            // "Peder-sen", "Hans-en", "Ol(e)-sen", "Anders-son", "Karl-sson".
            let with_s = key.strip_suffix(&suf[1..]).unwrap_or("");
            let with_e = format!("{stem}e");
            let without_s = stem.strip_suffix('s').unwrap_or("");
            if is_name(stem) || is_name(with_s) || is_name(&with_e) || is_name(without_s) {
                return true;
            }
        }
    }
    false
}

/// The end of the word starting at `start`: letters, with inner hyphens (also across a line break) and a
/// genitive apostrophe.
fn word_end(text: &str, start: usize) -> usize {
    // Fast path: most words are plain ASCII letters followed by a space or punctuation.
    let bytes = text.as_bytes();
    let mut e = start;
    while e < bytes.len() && bytes[e].is_ascii_alphabetic() {
        e += 1;
    }
    if e > start
        && bytes
            .get(e)
            .is_none_or(|&b| b < 0x80 && !matches!(b, b'-' | b'\''))
    {
        return e;
    }
    let mut end = start;
    let chars = text.get(start..).unwrap_or("").char_indices();
    for (off, c) in chars {
        if is_word_char(c) {
            end = start + off + c.len_utf8();
            continue;
        }
        let rest = text.get(start + off + c.len_utf8()..).unwrap_or("");
        match c {
            '-' => {
                let after = rest.trim_start_matches([' ', '\r']);
                let after = after.strip_prefix('\n').unwrap_or(after);
                let after = after.trim_start_matches([' ', '\r']);
                if after.chars().next().is_some_and(char::is_alphabetic) && end == start + off {
                    // Continue after the hyphen; the loop will pick up the next letters.
                    let skip = rest.len() - after.len();
                    let next_start = start + off + c.len_utf8() + skip;
                    let inner_end = word_end(text, next_start);
                    return inner_end;
                }
                break;
            }
            '\'' | '’' => {
                let mut r = rest.chars();
                let n1 = r.next();
                let n2 = r.next();
                if n1 == Some('s') && !n2.is_some_and(char::is_alphabetic) {
                    end = start + off + c.len_utf8() + 1;
                } else if !n1.is_some_and(char::is_alphabetic)
                    && text
                        .get(start..start + off)
                        .is_some_and(|w| w.ends_with(['s', 'x', 'z']))
                {
                    end = start + off + c.len_utf8();
                }
                break;
            }
            _ => break,
        }
    }
    end
}

/// A lone capital letter written as an initial without its full stop, right before a register
/// match ("F Skovbo"): where it starts, so the redaction takes the initial too.
fn bare_initial_before(text: &str, start: usize) -> Option<usize> {
    let before = text.get(..start)?.strip_suffix(' ')?;
    let letter = before.chars().next_back()?;
    if !letter.is_uppercase() {
        return None;
    }
    let at = before.len() - letter.len_utf8();
    let lone = before[..at]
        .chars()
        .next_back()
        .is_none_or(|c| !is_word_char(c));
    lone.then_some(at)
}

/// Whether two words of a run are close enough to be one name: one space, or one line break.
fn gap_joins(text: &str, from: usize, to: usize, run: &[Tok]) -> bool {
    let Some(gap) = text.get(from..to) else {
        return false;
    };
    match gap {
        " " | "\n" | "\r\n" | " \n" | "\n " | "\u{a0}" => true,
        ". " | "." => run.last().is_some_and(|t| t.initial),
        _ => false,
    }
}

/// Articles and saints that start the name of a title, an organisation or a place.
fn title_start(key: &str) -> bool {
    matches!(
        key,
        "the"
            | "de"
            | "det"
            | "den"
            | "der"
            | "die"
            | "das"
            | "le"
            | "la"
            | "les"
            | "el"
            | "los"
            | "las"
            | "il"
            | "sankt"
            | "skt"
            | "saint"
            | "san"
            | "santa"
    )
}

/// Whether a verb of saying follows `end` ("… og Hellesnes sa at").
fn speech_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let w = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    SPEECH.contains(&w)
}

/// "Perisat (24)", "Marie Høeg (1866 - 1949)": an age or the years of a life right after `end`.
fn age_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(" (")) else {
        return false;
    };
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let age = (1..=3).contains(&n)
        && rest[n..].starts_with(')')
        && rest[..n].parse::<u32>().is_ok_and(|a| a < 120);
    age || life_years(rest)
}

/// "1866 - 1949)", "50 - 130)": the years of a life, not a score ("2 - 1").
fn life_years(rest: &str) -> bool {
    let digits = |r: &str| r.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(rest);
    if !(2..=4).contains(&n) {
        return false;
    }
    let r = rest[n..].trim_start_matches(' ');
    let Some(r) = r.strip_prefix('-').or_else(|| r.strip_prefix('–')) else {
        return false;
    };
    let r = r.trim_start_matches(' ');
    let m = digits(r);
    let (Ok(born), Ok(died)) = (rest[..n].parse::<u32>(), r[..m].parse::<u32>()) else {
        return false;
    };
    (2..=4).contains(&m)
        && r[m..].starts_with(')')
        && (15..=110).contains(&died.saturating_sub(born))
}

/// Whether the word before `start` is a verb of saying ("sagde", "sier", "säger").
/// Verbs of saying, which news and reports put right before or after the speaker's name. Not "skriver":
/// newspapers write ("skriver Aftenposten").
const SPEECH: &[&str] = &[
    "sagde",
    "siger",
    "sa",
    "sier",
    "seier",
    "sade",
    "säger",
    "sagt",
    "fortæller",
    "fortalte",
    "forteller",
    "fortel",
    "fortalde",
    "berättar",
    "berättade",
    "forklarer",
    "forklarede",
    "forklarte",
    "forklarar",
    "förklarar",
    "tilføjer",
    "tilføjede",
    "tilføyer",
    "tilføyde",
    "mener",
    "mente",
    "meiner",
    "meinte",
    "menar",
    "menade",
    "påpeger",
    "påpegede",
    "påpeker",
    "påpekte",
    "påpeikar",
    "påpeika",
    "påpekar",
    "understreger",
    "understregede",
    "understreker",
    "understreket",
    "understrekar",
    "understryker",
    "svarer",
    "svarede",
    "svarte",
    "svarar",
    "svarade",
    "spørger",
    "spurgte",
    "spør",
    "spurte",
    "spurde",
    "frågar",
    "frågade",
    "opplyser",
    "opplyste",
    "oplyser",
    "oplyste",
    "uppger",
    "uppgav",
    "innvender",
    "indvender",
    "invänder",
    "udbrød",
    "utbrøt",
    "utbrast",
    "konstaterer",
    "konstaterte",
    "konstaterar",
    "erkender",
    "erkjenner",
    "medgiver",
    "medgir",
    "vedgår",
    "smiler",
    "smilar",
    "ler",
    "sukker",
];

fn speech_before(text: &str, start: usize) -> bool {
    word_before_is(text, start, SPEECH)
}

fn cue_before(text: &str, start: usize) -> bool {
    let Some((a, b)) = word_before(text, start, &['.', '/']) else {
        return false;
    };
    let (Some(w), Some(gap)) = (text.get(a..b), text.get(b..start)) else {
        return false;
    };
    // "hr. Hansen", "v/ Hansen" — but "… andelshaver. Forslaget …" crosses a sentence.
    if !cue_set().contains_fold(w) {
        return false;
    }
    let abbreviation = is_one_of(w, &["hr", "fr", "frk", "v"]);
    abbreviation || !gap.contains('.')
}

/// "Mette fra nr. 12", "Ole i nr. 4": a first name tied to a unit.
fn unit_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.trim_start();
    for p in [
        "fra nr", "i nr", "på nr", "från nr", "frå nr", "fra lejl", "i lgh", "fra lgh",
    ] {
        if rest.len() >= p.len()
            && rest
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        {
            return true;
        }
    }
    false
}

fn followed_by_company(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .next()
        .unwrap_or("");
    rest.starts_with('&') || is_company_word(word)
}

/// Splits a register cell that holds two owners ("Sanne Rosendahl og Kenneth Rosendahl",
/// "Bjørg og Ivan Leth") into one name each.
pub(super) fn split_owners(cell: &str) -> Vec<String> {
    // "Hansen, Jens" (surname first, as some administrators export it) is one person.
    if let Some((family, given)) = cell.split_once(',') {
        let joined = [" og ", " och ", " and ", " & ", " + ", "/", ","];
        if !joined
            .iter()
            .any(|j| given.contains(j) || family.contains(j))
            && !given.trim().is_empty()
        {
            return vec![format!("{} {}", given.trim(), family.trim())];
        }
    }
    let mut parts: Vec<String> = Vec::new();
    let mut cur = String::new();
    for w in cell.split_whitespace() {
        if is_one_of(w, &["og", "och", "and", "&", "+"]) || w == "/" {
            if !cur.is_empty() {
                parts.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if !cur.is_empty() {
            cur.push(' ');
        }
        cur.push_str(w.trim_end_matches(','));
        if w.ends_with(',') {
            parts.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        parts.push(cur);
    }
    // "Bjørg og Ivan Leth": the lone first name shares the last owner's surname.
    let last_family = parts
        .last()
        .filter(|p| p.split_whitespace().count() > 1)
        .and_then(|p| p.split_whitespace().last())
        .map(str::to_string);
    if let Some(fam) = last_family {
        for p in parts.iter_mut() {
            if p.split_whitespace().count() == 1 {
                p.push(' ');
                p.push_str(&fam);
            }
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The person names the recognizer finds in `text` without a register.
    fn unknown(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        NameRecognizer::new(None).scan(text, &[], &mut out);
        let mut found: Vec<(usize, &str)> = out
            .iter()
            .filter(|r| r.kind == Kind::Person && r.end > r.start)
            .map(|r| (r.start, &text[r.start..r.end]))
            .collect();
        found.sort_unstable();
        found.into_iter().map(|(_, t)| t).collect()
    }

    #[test]
    fn function_words_never_join_or_seed_a_name() {
        assert_eq!(
            unknown("Til fest hos Søren\nMen det var sent.\nMen nu er det slut."),
            ["Søren"]
        );
        assert_eq!(
            unknown("Han kom. Hans Kaltoft sagde ja.\nHan gik."),
            ["Hans Kaltoft"]
        );
    }

    #[test]
    fn initials_go_with_the_surname() {
        assert_eq!(unknown("Bogen af H.C. Pedersen udkom."), ["H.C. Pedersen"]);
        assert_eq!(
            unknown("Brevet fra K. J. Olsen kom i går."),
            ["K. J. Olsen"]
        );
    }

    #[test]
    fn news_cues_say_who_is_a_person() {
        // After a verb of saying, an office, an age: "den 23-årige".
        assert_eq!(unknown("Det er for dyrt, siger Kaltoft."), ["Kaltoft"]);
        assert_eq!(unknown("«Nei», sa Ulvestad, og gikk."), ["Ulvestad"]);
        assert_eq!(unknown("Det mener politimester Dahlvad."), ["Dahlvad"]);
        assert_eq!(unknown("Det håber den 23-årige Virrup."), ["Virrup"]);
        // An age or the years of a life after the name, a verb of saying after it.
        assert_eq!(
            unknown("Her bur Orvik (1866 - 1949) og Tamsa (24)."),
            ["Orvik", "Tamsa"]
        );
        assert_eq!(
            unknown("Etter møtet og Brekkestø sa at det var bra."),
            ["Brekkestø"]
        );
        assert_eq!(
            unknown("Det er for seint, seier Hovlandsdal."),
            ["Hovlandsdal"]
        );
        assert_eq!(
            unknown("Middag hos den nordkoreanske lederen Kim Jong-il."),
            ["Kim Jong-il"]
        );
        // A compound that ends in a noun says nothing about a person.
        assert!(unknown("Flertallet av Høyre-velgerne mener noe annet.").is_empty());
        // A country's genitive after "sa" is no speaker.
        assert!(unknown("Det var ille, sa Kroatias ambassadør.").is_empty());
    }

    #[test]
    fn a_name_joined_to_a_person_by_og() {
        assert_eq!(
            unknown("Her kom Else Krogh og Vangsgaard."),
            ["Else Krogh", "Vangsgaard"]
        );
        // But not a party in the genitive, nor a country.
        assert_eq!(
            unknown("Både Siv Jensen og Høyres velgere vil det."),
            ["Siv Jensen"]
        );
        assert_eq!(unknown("Her kom Else Krogh og Israel."), ["Else Krogh"]);
    }

    #[test]
    fn places_and_titles_are_no_people() {
        assert!(unknown("Han reiste fra Israel til Jordan og Georgia i går.").is_empty());
        assert!(unknown("Hun læser De Grå Sider og The Washington Times hver uge.").is_empty());
        assert!(unknown("Brevet kom fra Aarhus Kommune i Juni.").is_empty());
        assert!(unknown("Albania og Kroatia ble medlemmer.").is_empty());
    }

    #[test]
    fn a_first_name_alone_inside_a_sentence() {
        assert_eq!(
            unknown("Vi talte med Søren om det, og Nathan lyttede."),
            ["Søren", "Nathan"]
        );
        // At the start of a sentence only a name the text never writes in lower case.
        assert_eq!(unknown("Ingrid er enig."), ["Ingrid"]);
        assert!(unknown("Lykke er at bo her.").is_empty());
    }

    #[test]
    fn a_name_known_in_full_takes_the_unknown_word_before_it() {
        assert_eq!(
            unknown("Jens Kallhed kom. Senere talte Zorbek Kallhed."),
            ["Jens Kallhed", "Zorbek Kallhed"]
        );
    }

    #[test]
    fn an_initial_without_its_full_stop_goes_with_the_surname() {
        assert_eq!(bare_initial_before("og F Skovbo", 5), Some(3));
        assert_eq!(bare_initial_before("F Skovbo", 2), Some(0));
        assert_eq!(bare_initial_before("Ø Ærø", 3), Some(0));
        // Not an initial: a word's last letter, a lower-case word, no space.
        assert_eq!(bare_initial_before("AF Skovbo", 3), None);
        assert_eq!(bare_initial_before("i Skovbo", 2), None);
        assert_eq!(bare_initial_before("F.Skovbo", 2), None);
    }

    #[test]
    fn two_owners_in_one_cell() {
        assert_eq!(
            split_owners("Bjørg og Ivan Leth"),
            vec!["Bjørg Leth".to_string(), "Ivan Leth".to_string()]
        );
        assert_eq!(split_owners("A B & C D").len(), 2);
        assert_eq!(
            split_owners("Hansen, Jens Peter"),
            vec!["Jens Peter Hansen".to_string()]
        );
    }

    #[test]
    fn patronymics() {
        let n = first_names();
        for yes in [
            "hansen",
            "andersson",
            "rasmussen",
            "olsen",
            "pedersen",
            "nielsen",
            "karlsson",
            "jensen",
        ] {
            assert!(patronymic(yes, n), "{yes}");
        }
        for no in [
            "prisen",
            "kassen",
            "sandkassen",
            "bestyrelsen",
            "person",
            "tilladelsen",
            "krisen",
        ] {
            assert!(!patronymic(no, n), "{no}");
        }
    }

    #[test]
    fn words_with_hyphen_across_a_line() {
        let t = "Rosenborg-\nFriis kom";
        assert_eq!(&t[..word_end(t, 0)], "Rosenborg-\nFriis");
        let t = "Hansen's bil";
        assert_eq!(&t[..word_end(t, 0)], "Hansen's");
    }
}
