//! The learned second opinion on names nobody registered: a linear model over hashed features of each
//! capitalised word and its context, which vetoes the unknown-name rules where they mark a club, a
//! town or a firm as a person, and adds the names no rule took.
//!
//! The rules in [`super::names`] decide from word lists and cues; what they cannot tell apart ("Brann"
//! the club from "Brann" the surname, a one-word foreign name from a foreign town) the news corpora can,
//! statistically. So the rules run first, and the model reads their verdict and their reason as
//! features (stacking): it learns where the rules go wrong instead of relearning what they do well.
//!
//! The weights (`assets/names/model.bin`, see `assets/names/MODEL.md`) are trained by
//! `cargo run --release -p andel-core --example train-names` on the NorNE and DaN+ *train* splits and
//! hold hashed features only: no word or sentence of the corpora. Only candidates are scored
//! (capitalised words outside register findings and protected spans), and what depends on a word alone
//! is summed once per distinct word of the document.
//!
//! It runs only without a register (`andel detect` on a text alone, published notices). With a
//! register loaded, on minutes, even a veto at a strictness the news data called safe cost the held-out
//! minutes a name (a miss there is a data breach, and minutes are not news), so there the rules decide
//! alone.

use std::sync::{Arc, LazyLock};

use super::lists::{first_names, is_place, is_surname};
use super::names::{
    is_definite_role, is_glued_particle, is_role_word, on_an_attendance_list, roman_generation,
    thing_or_saint_before,
};
use super::numbers::MONTH_NAMES;
use super::policy::Raw;
use super::streets::street_word;
use super::text::{fold_into, is_word_char, starts_sentence, FastMap};
use super::words::{
    company_words, cues, cues_and_speech, function_words, is_institution, is_legal_form,
    is_thing_noun, is_title_of_address, particles, speech_verbs, title_starts,
};
use super::{Decision, Kind, Recognizer};

/// The file's magic with the layout's version: a weights file of another layout fails to load (and
/// the test `shipped_weights_load` fails) instead of scoring garbage.
pub const MAGIC: &[u8; 8] = b"ANDELNM\x02";
/// Features are hashed into `1 << BITS` buckets.
pub const BITS: u32 = 20;
/// The version of the feature extraction; bump it with any change to [`features`], and retrain.
pub const FEATURES_VERSION: u32 = 4;

const SHIPPED: &[u8] = include_bytes!("../../../../assets/names/model.bin");

/// A loaded model: sparse weights with the two thresholds chosen on the training data.
#[derive(Debug, Clone)]
pub struct Model {
    /// Shared: a detector holds a copy, and training tries thresholds on copies.
    weights: Arc<FastMap<u32, f32>>,
    bias: f32,
    /// A rule's finding stays when its best word scores at least this (a logit).
    pub veto: f32,
    /// A word no rule took becomes a name when it scores at least this (a logit).
    pub add: f32,
}

/// Why a weights file was refused.
#[derive(Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// Not a weights file of this layout (magic, feature version or hash size differ).
    #[error(
        "the names model file is of another version (retrain it with the train-names example)"
    )]
    Version,
    /// The file ends before its declared weights.
    #[error("the names model file is cut short")]
    Truncated,
}

impl Model {
    /// Parses a weights file: magic, feature version, bits, bias, the two thresholds, a count, then
    /// (bucket u32, weight f32) pairs, all little-endian.
    pub fn parse(bytes: &[u8]) -> Result<Model, LoadError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(8)? != MAGIC {
            return Err(LoadError::Version);
        }
        if r.u32()? != FEATURES_VERSION || r.u32()? != BITS {
            return Err(LoadError::Version);
        }
        let bias = r.f32()?;
        let veto = r.f32()?;
        let add = r.f32()?;
        let n = r.u32()? as usize;
        // The count must be what the file holds: a file of another layout is refused before anything
        // is allocated by a count read from the wrong place.
        if bytes.len() - r.at != n * 8 {
            return Err(if bytes.len() - r.at < n * 8 {
                LoadError::Truncated
            } else {
                LoadError::Version
            });
        }
        let mut weights = FastMap::default();
        weights.reserve(n);
        for _ in 0..n {
            let k = r.u32()?;
            let w = r.f32()?;
            weights.insert(k, w);
        }
        Ok(Model {
            weights: Arc::new(weights),
            bias,
            veto,
            add,
        })
    }

    /// Writes the file [`Model::parse`] reads; `weights` are (bucket, weight) pairs.
    pub fn write(bias: f32, veto: f32, add: f32, weights: &[(u32, f32)]) -> Vec<u8> {
        let mut out = Vec::with_capacity(32 + weights.len() * 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURES_VERSION.to_le_bytes());
        out.extend_from_slice(&BITS.to_le_bytes());
        for x in [bias, veto, add] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        out.extend_from_slice(&(weights.len() as u32).to_le_bytes());
        for (k, w) in weights {
            out.extend_from_slice(&k.to_le_bytes());
            out.extend_from_slice(&w.to_le_bytes());
        }
        out
    }

    /// The weight of one hashed feature.
    fn weight(&self, f: u32) -> f32 {
        self.weights.get(&(f & mask())).copied().unwrap_or(0.0)
    }

    /// The logit of each candidate: the bias, its word's weights (summed once per distinct word) and
    /// its occurrence's.
    pub fn logits(&self, c: &Candidates) -> Vec<f32> {
        let word: Vec<f32> = c
            .words
            .iter()
            .map(|f| f.iter().map(|x| self.weight(x.1)).sum())
            .collect();
        c.list
            .iter()
            .map(|x| {
                self.bias
                    + word.get(x.word as usize).copied().unwrap_or(0.0)
                    + x.features.iter().map(|f| self.weight(f.1)).sum::<f32>()
            })
            .collect()
    }

    /// The number of weights held.
    pub fn len(&self) -> usize {
        self.weights.len()
    }

    /// Whether the model holds no weight.
    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], LoadError> {
        let s = self
            .bytes
            .get(self.at..self.at + n)
            .ok_or(LoadError::Truncated)?;
        self.at += n;
        Ok(s)
    }
    fn u32(&mut self) -> Result<u32, LoadError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    fn f32(&mut self) -> Result<f32, LoadError> {
        Ok(f32::from_bits(self.u32()?))
    }
}

fn mask() -> u32 {
    (1u32 << BITS) - 1
}

/// The shipped model, parsed once; `None` (the rules alone) if the file does not load, which the
/// test `shipped_weights_load` turns into a failure.
pub fn shipped() -> Option<&'static Model> {
    static MODEL: LazyLock<Option<Model>> = LazyLock::new(|| Model::parse(SHIPPED).ok());
    MODEL.as_ref()
}

/// A hash of one feature: its template number and its value. FNV-1a, the same at training and at
/// detection.
fn hash(template: u8, value: &[u8]) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for &b in std::iter::once(&template).chain(value) {
        h ^= u32::from(b);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The template number of a feature as [`features`] builds them, for the training's ablations: the
/// high byte of the returned pair.
pub type Feature = (u8, u32);

/// One word of the text: a run of letters and digits (the scorer's tokens, so "Mette-Marit" is two).
#[derive(Debug, Clone, Copy)]
struct Word {
    start: usize,
    end: usize,
}

/// A word the model scores.
#[derive(Debug, Clone)]
pub struct Candidate {
    pub start: usize,
    pub end: usize,
    /// The index in `raw` of the unknown-name finding that covers the word, if any.
    pub rule: Option<usize>,
    /// The distinct word it is (index into [`Candidates::words`]).
    pub word: u32,
    /// Inside quotation marks on its line (a title, a rose's or a ship's name): never added.
    pub quoted: bool,
    /// In a run of capitalised words right after a noun that makes it a thing or after an abbreviated
    /// saint ("hovedstaden Santiago", "Sct. Knuds Park"), where the rules leave a name on purpose:
    /// never added either.
    pub thing: bool,
    /// A field's label: a word no rule took that opens a sentence or a line right before a colon
    /// ("Justeras: …", "Nyval: …", "Närvarande: …", "Fremmøtt: …"), what minutes put before the names,
    /// not a name: never added either.
    pub label: bool,
    /// A function word opening a sentence or a line ("Tack till …", "Vår förening …", "Men …"), where its
    /// capital says nothing, or a month beside a number ("JUNI 2026", "14. JUNI"), and that no rule took:
    /// never added (the list's words are never a name, and
    /// the model, trained without Swedish, read the Swedish ones as unknown capitalised words).
    pub function_word: bool,
    /// A firm's or a place's position, where a word no rule took is no name: right after a person's name
    /// and "fra" ("Revisor Tina Aagesen fra Beierholm"), or right after the label of a role a firm fills,
    /// with a colon ("Revisor: Beierholm", "Förvaltare: Nabo"): never added.
    pub firm: bool,
    /// In a Swedish text, a word on no name list that opens a sentence before a word in lower case, is
    /// never capitalised inside a sentence, and is followed by a verb or ends like a noun ("Felanmälan
    /// görs till …", "Sophämtningen sker …", "1. Stämmans öppnande"): a noun the model, trained without
    /// Swedish, reads as a foreign name. Never added.
    pub swedish_noun: bool,
    /// The features of this occurrence: its context and the rules' verdict.
    pub features: Vec<Feature>,
}

/// The candidates of a document, with the features that depend on the word alone (its letters, its
/// lists, its life in the document) once per distinct word.
#[derive(Debug, Clone, Default)]
pub struct Candidates {
    pub list: Vec<Candidate>,
    pub words: Vec<Vec<Feature>>,
}

/// Whether the word at `start` opens the subject of a pasted e-mail ("Ämne: Buller från …", "Emne: Vask av
/// trappene"): a sentence's start, where its capital says nothing.
fn opens_a_subject_line(text: &str, start: usize) -> bool {
    const SUBJECTS: &[&str] = &[
        "emne",
        "ämne",
        "subject",
        "vedr.",
        "vedr",
        "ang.",
        "angående",
        "vedrørende",
        "re",
    ];
    let head = &text[..start];
    let line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    line.strip_suffix(": ")
        .is_some_and(|label| SUBJECTS.contains(&label.trim().to_lowercase().as_str()))
}

fn words(text: &str) -> Vec<Word> {
    let mut out = Vec::with_capacity(text.len() / 6);
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 && !b.is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            i += 1;
            continue;
        };
        if !(is_word_char(c) || c.is_ascii_digit()) {
            i += c.len_utf8();
            continue;
        }
        let start = i;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80 {
                if b.is_ascii_alphanumeric() {
                    i += 1;
                    continue;
                }
                break;
            }
            match text.get(i..).and_then(|t| t.chars().next()) {
                Some(c) if is_word_char(c) || c.is_numeric() => i += c.len_utf8(),
                _ => break,
            }
        }
        out.push(Word { start, end: i });
    }
    out
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// The gap between two words, with runs of spaces as one and anything past a line break as "\n".
fn gap_class(gap: &str) -> &str {
    if gap.contains('\n') {
        return "\n";
    }
    let t = gap.trim_matches([' ', '\u{a0}', '\t']);
    if t.len() > 3 {
        "+"
    } else {
        t
    }
}

/// What the lists say about a folded word, as a small bit set.
fn list_bits(key: &str) -> u16 {
    let mut bits = 0u16;
    if let Some(n) = first_names().get(key) {
        bits |= 1;
        if n.nordic > 0 {
            bits |= 2;
        }
        if n.intl > 0 {
            bits |= 4;
        }
        if n.word {
            bits |= 8;
        }
        if n.thing {
            bits |= 16;
        }
    }
    if is_surname(key) {
        bits |= 32;
    }
    if is_place(key) {
        bits |= 64;
    }
    if function_words().contains(key) {
        bits |= 128;
    }
    if cues().contains(key) {
        bits |= 256;
    }
    if company_words().contains(key) || is_institution(key) {
        bits |= 512;
    }
    if title_starts().contains(key) {
        bits |= 1024;
    }
    if street_word(key) {
        bits |= 2048;
    }
    if particles().contains(key) {
        bits |= 4096;
    }
    if speech_verbs().contains(key) {
        bits |= 8192;
    }
    // A definite noun that makes the name after it a thing ("skipet", "filmen", "avisa", "klubben").
    if is_thing_noun(key) {
        bits |= 16384;
    }
    bits
}

/// A word's shape: X for a capital, x for a small letter, d for a digit, runs squeezed to two.
fn shape(w: &str) -> String {
    let mut s = String::new();
    let mut last = ' ';
    let mut run = 0;
    for c in w.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            '-'
        };
        if k == last {
            run += 1;
            if run > 2 {
                continue;
            }
        } else {
            run = 1;
            last = k;
        }
        s.push(k);
    }
    s
}

/// What is known about one distinct capitalised word across the document.
#[derive(Debug, Default, Clone)]
struct DocFacts {
    /// Capitalised occurrences, of them inside a sentence, of them inside a rule's finding, and inside
    /// a rule's finding of two words or more.
    count: u32,
    inside: u32,
    ruled: u32,
    ruled_long: u32,
    /// After a place preposition ("i", "på", "fra") somewhere, and how often.
    after_place_word: bool,
    after_place_count: u32,
    /// Written in lower case somewhere.
    lower: bool,
    /// Right after a capitalised first name somewhere ("Eva Frost"): a surname's evidence.
    after_first_name: bool,
    /// Right after a title, a role or a verb of saying somewhere ("statsminister Frost", "sier Frost").
    after_cue: bool,
    /// Right before a word that ends an organisation's or a place's name somewhere ("Frost kommune",
    /// "Frost Holding", "Frostveien"'s street word): a firm's or a town's evidence.
    before_org: bool,
    /// In a run of capitalised words that stands after a place preposition somewhere ("til Jan Mayen",
    /// "i Santa Monica"): a place of two words, however much its words look like a person's.
    place_run: bool,
    /// Right before a verb of saying somewhere ("Epiktet skriv", "Lund meiner"): a person speaks.
    before_speech: bool,
    /// Right before a possessive pronoun somewhere ("Speer sin sjølvbiografi", "Per sitt hus"): the
    /// Norwegian genitive, which persons take more than places.
    before_possessive: bool,
    /// Right before an age or a lifetime in brackets or after a comma somewhere ("Bodil (49)",
    /// "Epiktet (50 - 130)", "Leon Jensen, 44,").
    before_age: bool,
    /// The lower-case words right before and right after it, over all its occurrences (a few dozen
    /// at most, each once): the company a word keeps in the document ("hos", "seier", "kommune"),
    /// of which the facts above are the few the lists name.
    company: Vec<Feature>,
}

impl DocFacts {
    /// The facts as one byte, for the features of a neighbouring or coordinated word.
    fn summary(&self) -> u8 {
        u8::from(self.lower)
            | u8::from(self.after_place_word || self.place_run) << 1
            | u8::from(self.before_org) << 2
            | u8::from(self.after_first_name) << 3
            | u8::from(self.after_cue) << 4
            | u8::from(self.ruled_long > 0) << 5
    }
}

/// Possessive pronouns of the third person, the Norwegian genitive after a name ("Speer sin bok").
const POSSESSIVES: &[&str] = &["sin", "si", "sitt", "sine"];

/// Whether the word `n` that follows a word ending at `end` is an age or the first year of a
/// lifetime: one to four digits after " (" or ", " ("Bodil (49)", "Epiktet (50 - 130)", "Jensen, 44,").
fn age_after(text: &str, end: usize, n: &Word) -> bool {
    let gap = text.get(end..n.start).unwrap_or("");
    let digits = text.get(n.start..n.end).unwrap_or("");
    matches!(gap, " (" | "(" | ", ")
        && (1..=4).contains(&digits.len())
        && digits.bytes().all(|b| b.is_ascii_digit())
}

/// Lower-case words that coordinate two names ("Kari og Per", "Seljord og Tokke").
const AND_WORDS: &[&str] = &["og", "eller", "samt", "och", "and", "or", "und"];

/// Prepositions before a place. Not "hos" ("at someone's": "hos Epiktet", "hos familien Carbone"), which
/// takes people.
const PLACE_WORDS: &[&str] = &[
    "i", "på", "fra", "frå", "til", "mot", "ved", "från", "till", "mod", "af", "nach",
];

fn bucket(n: u32) -> u8 {
    match n {
        0 => 0,
        1 => 1,
        2 => 2,
        3..=4 => 3,
        5..=9 => 4,
        _ => 5,
    }
}

/// A document's language as its function words tell it: the language whose three markers occur most
/// often (Danish "af", "meget", "nogle"; Norwegian "av", "mye", "ikkje"; Swedish "och", "inte", "att"), or
/// none below three occurrences or on a tie. The model weighs the rules' verdicts, shapes and endings
/// per language: DaN+ is a seventh of the training text, and a Danish name's letters are not a
/// Norwegian one's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Danish = 1,
    Norwegian = 2,
    Swedish = 3,
}

/// The language of `text` (see [`Language`]).
pub fn document_language(text: &str) -> Option<Language> {
    language_of(text, &words(text))
}

fn language_of(text: &str, words: &[Word]) -> Option<Language> {
    let mut n = [0u32; 3];
    for w in words {
        if !(2..=6).contains(&(w.end - w.start)) {
            continue;
        }
        match &text[w.start..w.end] {
            "af" | "meget" | "nogle" => n[0] += 1,
            "av" | "mye" | "ikkje" => n[1] += 1,
            "och" | "inte" | "att" => n[2] += 1,
            _ => {}
        }
    }
    let best = *n.iter().max()?;
    if best < 3 || n.iter().filter(|&&x| x == best).count() > 1 {
        return None;
    }
    match n.iter().position(|&x| x == best) {
        Some(0) => Some(Language::Danish),
        Some(1) => Some(Language::Norwegian),
        _ => Some(Language::Swedish),
    }
}

/// Clubs' suffixes, as written ("Viking FK", "Brøndby IF").
const CLUB_SUFFIXES: &[&str] = &["IF", "BK", "FK", "IL", "SK", "FC", "FF", "IK", "BIF", "GIF"];

/// How the run of capitalised words from the word at `i` on ends (over single spaces, hyphens and " & ",
/// five words at most): 1 in a club's suffix ("Viking FK"), 2 in a legal form ("Lind & Fjord AS",
/// "Brix A/S"), 3 in a company's or an institution's word after it ("Lind Arkitekter"), else 0.
fn organisation_run(text: &str, words: &[Word], i: usize) -> u8 {
    let mut e = i;
    while e + 1 < words.len() && e < i + 5 {
        let gap = &text[words[e].end..words[e + 1].start];
        if !matches!(gap, " " | "-" | "\u{a0}" | " & ")
            || !capitalised(&text[words[e + 1].start..words[e + 1].end])
        {
            break;
        }
        e += 1;
    }
    let last = &text[words[e].start..words[e].end];
    if e > i && CLUB_SUFFIXES.contains(&last) {
        return 1;
    }
    if (e > i && is_legal_form(last))
        || (matches!(last, "A" | "I" | "K" | "P") && text[words[e].end..].starts_with("/S"))
    {
        return 2;
    }
    if e > i {
        let mut k = String::new();
        fold_into(last, &mut k);
        if company_words().contains(&k) || is_institution(&k) {
            return 3;
        }
    }
    0
}

/// Whether a folded word is a public body's or an institution's noun in the definite form, alone or
/// ending a compound ("räddningstjänsten", "brannvesenet", "skatteverket", "kommunen", "universitetet"):
/// a run it opens names the body and its place or branch, not a person.
fn public_body(folded: &str) -> bool {
    const ENDINGS: &[&str] = &[
        "tjänsten",
        "tjenesten",
        "tjenesta",
        "verket",
        "vesenet",
        "væsenet",
        "etaten",
        "politiet",
        "polisen",
        "direktoratet",
        "nämnden",
        "nemnda",
        "nævnet",
        "kommunen",
        "kommun",
        "regionen",
        "fylket",
        "länet",
        "universitetet",
        "sykehuset",
        "sjukhuset",
        "sygehuset",
    ];
    let long_enough = |e: &str| folded.len() == e.len() || folded.len() >= e.len() + 3;
    ENDINGS
        .iter()
        .any(|e| folded.ends_with(e) && long_enough(e))
}

/// Whether the added word at `start..end`, opening a sentence, is a compound of a noun the document writes
/// in lower case or as a field's label, in the definite form ("Dugnad: Vårdugnaden samlet …"): the last
/// part, five letters or more after three or more, with or without the definite ending, stands in the
/// text as a word of its own in lower case, or capitalised before a colon at a line's start.
fn compound_of_a_documents_noun(
    text: &str,
    start: usize,
    end: usize,
    nouns: &DocumentNouns,
) -> bool {
    let mut k = String::new();
    fold_into(&text[start..end], &mut k);
    let Some(stem) = ["erne", "ene", "arna", "en", "et", "na", "a"]
        .iter()
        .find_map(|e| k.strip_suffix(e))
    else {
        return false;
    };
    stem.char_indices()
        .map(|(i, _)| i)
        .filter(|&i| i >= 3)
        .take_while(|&i| stem[i..].chars().count() >= 5)
        .any(|i| nouns.has(&stem[i..]) || nouns.has(&k[i..]))
}

/// The words a document writes in lower case, and its fields' labels (a capitalised word opening a line
/// before a colon), folded: read once, when an added word first needs them.
#[derive(Debug, Default)]
struct DocumentNouns {
    words: FastMap<String, ()>,
}

impl DocumentNouns {
    fn of(text: &str) -> DocumentNouns {
        let mut words: FastMap<String, ()> = FastMap::default();
        let mut k = String::new();
        for w in self::words(text) {
            let s = &text[w.start..w.end];
            let label = capitalised(s)
                && text[w.end..].starts_with(':')
                && text[..w.start].rsplit('\n').next() == Some("");
            if (capitalised(s) && !label) || s.chars().count() < 5 {
                continue;
            }
            fold_into(s, &mut k);
            if !words.contains_key(&k) {
                words.insert(k.clone(), ());
            }
        }
        DocumentNouns { words }
    }

    fn has(&self, folded: &str) -> bool {
        self.words.contains_key(folded)
    }
}

/// Abbreviations of a housing association's kind before its name ("Brf Ekbacken").
const ASSOCIATION_ABBREVIATIONS: &[&str] = &["brf", "bf", "hsb", "obos", "usbl", "sbc", "bbl"];

/// A rules' name of one word that no score of the model keeps (the veto chosen by cross-validation, −4,
/// is too lenient for them; −3 vetoed both): a word on the function-word list opening a sentence ("Tusen
/// takk!", "Tusen" being also a surname), and a word right after a public body's noun in the definite
/// form ("Räddningstjänsten Storgöteborg har påpekat …", the body's place); and a name a housing
/// company's abbreviation opens or stands right before ("HSB Göta", "från OBOS Vika": the company's
/// branch and its place, whose name may be a first name).
fn no_name_whatever_the_model(text: &str, r: &Raw) -> bool {
    if r.kind != Kind::Person || r.recognizer != Recognizer::UnknownName {
        return false;
    }
    let Some(name) = text.get(r.start..r.end) else {
        return false;
    };
    let housing_company = |w: &str| {
        w.len() >= 2
            && w.chars().all(|c| c.is_ascii_uppercase())
            && ASSOCIATION_ABBREVIATIONS.contains(&w.to_ascii_lowercase().as_str())
    };
    let before = text[..r.start]
        .strip_suffix(' ')
        .and_then(|h| h.rsplit([' ', '\n']).next());
    if name.split(' ').next().is_some_and(housing_company) || before.is_some_and(housing_company) {
        return true;
    }
    if name.contains([' ', '-']) {
        return false;
    }
    let mut k = String::new();
    fold_into(name, &mut k);
    if starts_sentence(text, r.start) && function_words().contains(&k) {
        return true;
    }
    let Some(head) = text[..r.start].strip_suffix(' ') else {
        return false;
    };
    let from = head
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(head.len(), |(i, _)| i);
    let prev = &head[from..];
    fold_into(prev, &mut k);
    capitalised(prev) && public_body(&k)
}

/// Roles a firm fills, whose label with a colon ("Revisor: …") puts a firm after it as often as a person.
const FIRM_ROLES: &[&str] = &[
    "revisor",
    "revision",
    "revisjon",
    "revisionsfirma",
    "revisionsbyrå",
    "revisjonsfirma",
    "advokat",
    "advokatfirma",
    "administrator",
    "administration",
    "administrasjon",
    "forretningsfører",
    "forretningsførsel",
    "förvaltare",
    "förvaltning",
    "bank",
    "forsikring",
    "forsikringsselskab",
    "forsikringsselskap",
    "försäkring",
    "försäkringsbolag",
    "entreprenør",
    "entreprenad",
];

/// Whether a lower-case word is a noun of goods, a service or an offer, alone or ending a compound
/// ("bokningssystem", "tilbudet", "offert"): what comes "från" after it is the firm that supplies it
/// ("ett digitalt bokningssystem från Aptus").
fn goods_noun(word: &str) -> bool {
    const GOODS: &[&str] = &[
        "system",
        "systemet",
        "bokning",
        "bokningen",
        "booking",
        "bookingen",
        "tilbud",
        "tilbudet",
        "tilbod",
        "tilbodet",
        "offert",
        "offerten",
        "løsning",
        "løysing",
        "lösning",
        "løsningen",
        "lösningen",
        "appen",
        "tjeneste",
        "tjänst",
        "tjänsten",
        "abonnement",
        "abonnemang",
        "leverance",
        "leveranse",
        "leverans",
        "programvara",
        "programvare",
    ];
    word.starts_with(char::is_lowercase) && GOODS.iter().any(|g| word.ends_with(g))
}

/// Words of origin between a person's name and a firm or a place ("Tina Aagesen fra Beierholm").
const FROM_WORDS: &[&str] = &["fra", "frå", "från", "from"];

/// Whether the word `words[i]` stands where a firm or a place stands (see [`Candidate::firm`]): after a
/// rule's person and a word of origin on one line, or right after the label of a role a firm fills.
fn a_firms_place(text: &str, words: &[Word], i: usize, rule_of: &[Option<usize>]) -> bool {
    let w = words[i];
    if i >= 2 {
        let (p, n) = (words[i - 1], words[i - 2]);
        if FROM_WORDS.contains(&&text[p.start..p.end])
            && text.get(p.end..w.start) == Some(" ")
            && text.get(n.end..p.start) == Some(" ")
            && (rule_of[i - 2].is_some() || goods_noun(&text[n.start..n.end]))
        {
            return true;
        }
    }
    // The line before the word, read back at most 64 bytes (a label of one or two words).
    let mut from = w.start.saturating_sub(64);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = &text[from..w.start];
    let line = match head.rfind('\n') {
        Some(k) => &head[k + 1..],
        None if from == 0 => head,
        None => return false,
    };
    let Some(label) = line.trim_end().strip_suffix(':') else {
        return false;
    };
    let label = label.trim();
    label.split_whitespace().count() <= 2
        && label
            .rsplit(' ')
            .next()
            .is_some_and(|l| FIRM_ROLES.contains(&l.to_lowercase().as_str()))
}

/// Whether a folded word ends like a Swedish noun: a definite genitive ("stämmans"), a verbal noun
/// ("anmälan", "avslutning", "öppnande") or an abstract noun ("tryggheten", "information").
fn swedish_noun_ending(folded: &str) -> bool {
    folded.chars().count() >= 6
        && [
            "ans", "ens", "ning", "ningen", "het", "heten", "tion", "tionen", "else", "elsen",
            "ande", "andet", "ende", "mälan",
        ]
        .iter()
        .any(|e| folded.ends_with(e))
}

/// Whether a lower-case word reads as a Swedish verb after a sentence's first word: a present tense or
/// a passive ("gör", "kommer", "görs", "finns") or a short auxiliary.
fn swedish_verb(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_lowercase)
        && word.chars().count() >= 2
        && (word.ends_with(['r', 's'])
            || [
                "ska", "skall", "kan", "vill", "måste", "bör", "blev", "fick", "gick", "kom", "tog",
            ]
            .contains(&word))
}

/// The candidates of `text` with their features. `raw` holds the findings so far (register, OCR and
/// rules); words under a finding that is not the unknown-name rules' person, or in `protected`, are
/// left alone.
pub fn candidates(text: &str, protected: &[(usize, usize)], raw: &[Raw]) -> Candidates {
    let words = words(text);
    let lang = language_of(text, &words).map_or(0, |l| l as u8);
    // The findings the model may judge, and the ones it must not touch, each sorted by start.
    let mut rules: Vec<(usize, usize, usize)> = Vec::new();
    let mut others: Vec<(usize, usize)> = protected.to_vec();
    for (i, r) in raw.iter().enumerate() {
        if r.kind == Kind::Person && r.recognizer == Recognizer::UnknownName {
            rules.push((r.start, r.end, i));
        } else {
            others.push((r.start, r.end));
        }
    }
    rules.sort_unstable();
    others.sort_unstable();
    let covering = |spans: &[(usize, usize, usize)], w: &Word| -> Option<usize> {
        let at = spans.partition_point(|s| s.0 < w.end);
        spans[..at]
            .iter()
            .rev()
            .take(4)
            .find(|s| s.0 < w.end && w.start < s.1)
            .map(|s| s.2)
    };
    let blocked = |w: &Word| -> bool {
        let at = others.partition_point(|s| s.0 < w.end);
        others[..at]
            .iter()
            .rev()
            .take(4)
            .any(|s| s.0 < w.end && w.start < s.1)
    };
    // Per word: the covering rule finding.
    let rule_of: Vec<Option<usize>> = words.iter().map(|w| covering(&rules, w)).collect();
    let mut keys: Vec<String> = Vec::with_capacity(words.len() / 8);
    let mut key_of: Vec<u32> = vec![u32::MAX; words.len()];
    let mut index: FastMap<String, u32> = FastMap::default();
    let mut facts: Vec<DocFacts> = Vec::new();
    let mut buf = String::new();
    let mut near = String::new();
    let mut chosen: Vec<usize> = Vec::new();
    // The run of capitalised words being read: whether it stands after a place preposition.
    let mut last_cap = usize::MAX;
    let mut run_place = false;
    for (i, w) in words.iter().enumerate() {
        let s = &text[w.start..w.end];
        if !capitalised(s) {
            continue;
        }
        let same_line = i > 0 && !text[words[i - 1].end..w.start].contains('\n');
        if !(i > 0 && last_cap == i - 1 && joins(text, words[i - 1].end, w.start)) {
            run_place =
                same_line && PLACE_WORDS.contains(&&text[words[i - 1].start..words[i - 1].end]);
        }
        last_cap = i;
        fold_into(s, &mut buf);
        let id = match index.get(&buf) {
            Some(&id) => id,
            None => {
                let id = keys.len() as u32;
                index.insert(buf.clone(), id);
                keys.push(buf.clone());
                facts.push(DocFacts::default());
                id
            }
        };
        key_of[i] = id;
        let f = &mut facts[id as usize];
        f.count += 1;
        f.place_run |= run_place;
        if !starts_sentence(text, w.start) {
            f.inside += 1;
        }
        if let Some(r) = rule_of[i] {
            f.ruled += 1;
            if raw[r].end - raw[r].start > w.end - w.start {
                f.ruled_long += 1;
            }
        }
        for (t, j) in [(61u8, i.checked_sub(1)), (62, Some(i + 1))] {
            let Some(x) = j.and_then(|j| words.get(j)) else {
                continue;
            };
            let (a, b) = if t == 61 {
                (x.end, w.start)
            } else {
                (w.end, x.start)
            };
            let xs = &text[x.start..x.end];
            if f.company.len() < 48 && !capitalised(xs) && joins(text, a, b) {
                fold_into(xs, &mut near);
                let feature = (t, hash(t, near.as_bytes()));
                if !f.company.contains(&feature) {
                    f.company.push(feature);
                }
            }
        }
        if i > 0 && !text[words[i - 1].end..w.start].contains('\n') {
            let p = &text[words[i - 1].start..words[i - 1].end];
            if PLACE_WORDS.contains(&p) {
                f.after_place_word = true;
                f.after_place_count += 1;
            }
            // Only the gap of one name ("Eva Frost", "Eva-Frost"), not "Eva, Frost".
            if joins(text, words[i - 1].end, w.start) {
                fold_into(p, &mut near);
                if capitalised(p) && first_names().get(&near).is_some() {
                    f.after_first_name = true;
                }
                if cues_and_speech().contains(&near) {
                    f.after_cue = true;
                }
            }
        }
        if let Some(n) = words.get(i + 1) {
            if joins(text, w.end, n.start) {
                fold_into(&text[n.start..n.end], &mut near);
                if company_words().contains(&near) || street_word(&near) || is_institution(&near) {
                    f.before_org = true;
                }
                if speech_verbs().contains(&near) {
                    f.before_speech = true;
                }
                if POSSESSIVES.contains(&near.as_str()) {
                    f.before_possessive = true;
                }
            }
            if age_after(text, w.end, n) {
                f.before_age = true;
            }
        }
        // A lone capital is an initial, a grade or a list mark: the rules judge initials, the model
        // only where a rule took one into a name.
        let lone = s.chars().nth(1).is_none();
        // A rule's name inside a longer word ("<Surname>takkede", where extraction lost the space) is not
        // the word the model reads: the rule that found it within the word judges it alone.
        let within = rule_of[i].is_some_and(|r| raw[r].start > w.start || raw[r].end < w.end);
        if !s.bytes().any(|b| b.is_ascii_digit())
            && !blocked(w)
            && !within
            && (!lone || rule_of[i].is_some())
        {
            chosen.push(i);
        }
    }
    if chosen.is_empty() {
        return Candidates::default();
    }
    // Which candidate words the text also writes in lower case: one look at each lower-case word whose
    // length a candidate has.
    let mut lens = [false; 64];
    for k in &keys {
        lens[k.len().min(63)] = true;
    }
    for w in &words {
        let s = &text[w.start..w.end];
        // "mona.berg@…" writes no word in lower case: a pasted e-mail's address repeats its sender's name.
        if capitalised(s)
            || !lens[s.len().min(63)]
            || super::names::inside_an_address(text, w.start, w.end)
        {
            continue;
        }
        fold_into(s, &mut buf);
        if let Some(&id) = index.get(&buf) {
            facts[id as usize].lower = true;
        }
    }
    let mut word_features: Vec<Option<Vec<Feature>>> = vec![None; keys.len()];
    let mut bits_of: Vec<u16> = vec![0; keys.len()];
    let mut near_bits: FastMap<String, u16> = FastMap::default();
    let mut out = Vec::with_capacity(chosen.len());
    for i in chosen {
        let w = words[i];
        let id = key_of[i];
        let key = &keys[id as usize];
        let s = &text[w.start..w.end];
        if word_features[id as usize].is_none() {
            let (mut wf, bits) = word_only(key, s, &facts[id as usize]);
            genitive_links(key, &index, &facts, &mut wf);
            word_features[id as usize] = Some(wf);
            bits_of[id as usize] = bits;
        }
        let bits = bits_of[id as usize];
        let d = &facts[id as usize];
        let mut f: Vec<Feature> = Vec::with_capacity(32);
        let mut add = |t: u8, v: &[u8]| f.push((t, hash(t, v)));
        // Where it stands.
        let initial = starts_sentence(text, w.start);
        add(11, &[u8::from(initial)]);
        let prev = (i > 0).then(|| words[i - 1]);
        let next = words.get(i + 1).copied();
        let prev_gap = prev.map_or("\n", |p| gap_class(&text[p.end..w.start]));
        let next_gap = next.map_or("\n", |x| gap_class(&text[w.end..x.start]));
        let mut word_class = |x: Option<Word>, gap: &str| -> (Vec<u8>, u16, bool) {
            match x {
                Some(x) if gap != "\n" => {
                    let xs = &text[x.start..x.end];
                    let mut k = String::new();
                    fold_into(xs, &mut k);
                    let cap = capitalised(xs);
                    // The neighbours repeat ("i", "og", "sa"): their lists are asked once each.
                    let b = match near_bits.get(&k) {
                        Some(&b) => b,
                        None => {
                            let b = list_bits(&k);
                            near_bits.insert(k.clone(), b);
                            b
                        }
                    };
                    (k.into_bytes(), b, cap)
                }
                _ => (b"<none>".to_vec(), 0, false),
            }
        };
        let (pk, pbits, pcap) = word_class(prev, prev_gap);
        let (nk, nbits, ncap) = word_class(next, next_gap);
        // The shapes of capitalised neighbours: an abbreviation after it ("Seljord FrP", "Tokke AP")
        // makes a party's or a firm's branch, a capital initial before it a person.
        if pcap {
            if let Some(p) = prev {
                add(59, shape(&text[p.start..p.end]).as_bytes());
            }
        }
        if ncap {
            if let Some(x) = next {
                add(60, shape(&text[x.start..x.end]).as_bytes());
            }
        }
        add(12, prev_gap.as_bytes());
        add(13, next_gap.as_bytes());
        if pcap {
            add(14, b"cap");
            add(15, &pbits.to_le_bytes());
        } else {
            add(14, &pk);
        }
        if ncap {
            add(16, b"cap");
            add(17, &nbits.to_le_bytes());
        } else {
            add(16, &nk);
        }
        add(
            18,
            &[
                u8::from(pcap),
                u8::from(ncap),
                prev_gap.len() as u8,
                next_gap.len() as u8,
            ],
        );
        let prev2 = (i > 1).then(|| words[i - 2]).filter(|p2| {
            prev.is_some_and(|p| !text[p2.end..p.start].contains('\n')) && prev_gap != "\n"
        });
        if let Some(p2) = prev2 {
            let mut k = String::new();
            fold_into(&text[p2.start..p2.end], &mut k);
            if capitalised(&text[p2.start..p2.end]) {
                add(19, b"cap");
            } else {
                add(19, k.as_bytes());
            }
        }
        if let Some(x) = words
            .get(i + 2)
            .filter(|_| next_gap != "\n" && next.is_some())
        {
            let xs = &text[x.start..x.end];
            if !text[w.end..x.start].contains('\n') {
                let mut k = String::new();
                fold_into(xs, &mut k);
                add(
                    40,
                    if capitalised(xs) {
                        b"cap"
                    } else {
                        k.as_bytes()
                    },
                );
            }
        }
        // A genitive before a lower-case noun ("Statoils styre", "Brødrene Dahls fabrikk") is a
        // firm's or a town's more often than a person's; a person's genitive is as common before a
        // function word or a capital.
        let next_class: u8 = match next {
            Some(_) if !next_gap.is_empty() => 0,
            None => 0,
            Some(_) if ncap => 1,
            Some(_) if nbits & 128 != 0 => 2,
            Some(_) => 3,
        };
        add(42, &[u8::from(key.ends_with('s')), next_class]);
        // The run of capitalised words it stands in, joined by single spaces or hyphens: a name is one
        // to three words, a title or an organisation ("Norsk Hydro Energi", "The Rolling Stones")
        // often longer; where it stands in the run says first name or surname.
        let (mut a, mut b) = (i, i);
        while a > 0
            && a + 4 > i
            && joins(text, words[a - 1].end, words[a].start)
            && capitalised(&text[words[a - 1].start..words[a - 1].end])
        {
            a -= 1;
        }
        while b + 1 < words.len()
            && b < i + 4
            && joins(text, words[b].end, words[b + 1].start)
            && capitalised(&text[words[b + 1].start..words[b + 1].end])
        {
            b += 1;
        }
        add(43, &[(b - a + 1).min(5) as u8, (i - a).min(4) as u8]);
        // After a capitalised genitive ("Saddam Husseins Irak", "Tarantinos Pulp Fiction") a capital
        // is what the person owns or made: a country, a work, a party.
        let after_genitive = pcap
            && prev_gap.is_empty()
            && prev.is_some_and(|p| text[p.start..p.end].ends_with('s'));
        add(
            44,
            &[
                u8::from(after_genitive),
                u8::from(i > 0 && rule_of[i - 1].is_some()),
            ],
        );
        // The joints on both sides together: a hyphen into a lower-case word ("Bush-administrasjonen",
        // "Bryne-spiller") makes a compound, not a name.
        add(
            45,
            &[
                next_gap.as_bytes().first().copied().unwrap_or(0),
                u8::from(ncap),
            ],
        );
        add(
            46,
            &[
                prev_gap.as_bytes().first().copied().unwrap_or(0),
                u8::from(pcap),
            ],
        );
        // Inside quotation marks: a title, a ship, a product more often than a person. Only where the
        // marks close a few words on does that bar an add: inside quoted speech ("De kan ikke vælte
        // Jeltsin.", «Nei, sa Hansen»), which runs on or is long, a name is as likely as anywhere.
        add(47, &[u8::from(inside_quotes(text, w.start))]);
        let quotation = quotation_around(text, w.start, w.end);
        let quoted = quotation == Quotation::Short;
        // A run that ends in an institution's or an event's noun ("Obos Eiendomsforvaltning", "Kristi
        // Himmelfartsdag") is its name: the rules leave it on purpose, and its first word is none either.
        let ends_in_institution = b > a && {
            let mut k = String::new();
            fold_into(&text[words[b].start..words[b].end], &mut k);
            is_institution(&k)
        };
        // A run that ends in a street word, or two or more capitals ending in a genitive before a
        // street word in lower case ("Jens Baggesens Vej", "Thorvald Meyers gate"), is a street named
        // after a person; a run before a holiday's noun in lower case ("Kristi himmelfartsdag", the
        // feast without its day, "Kristi himmelsfärd") is that day. The rules leave both; no word of
        // them is added either.
        let street_or_day = {
            let fold = |j: usize| {
                let mut k = String::new();
                fold_into(&text[words[j].start..words[j].end], &mut k);
                k
            };
            let street = |k: &str| k != "alle" && street_word(k);
            let last = fold(b);
            (b > a && street(&last))
                || (b + 1 < words.len()
                    && text.get(words[b].end..words[b + 1].start) == Some(" ")
                    && !capitalised(&text[words[b + 1].start..words[b + 1].end])
                    && {
                        let next = fold(b + 1);
                        (b > a && last.ends_with('s') && street(&next))
                            || (is_institution(&next)
                                && ["dag", "dagen", "fart", "farten", "färd", "färden"]
                                    .iter()
                                    .any(|e| next.ends_with(e)))
                    })
        };
        // A run opened by a public body's or an institution's noun ("Räddningstjänsten Storgöteborg",
        // "Borettslaget Lyngåsen", "HSB Brf Ekbacken"): what follows is its place, branch or name.
        let opened_by_institution = (a..i).any(|j| {
            let mut k = String::new();
            fold_into(&text[words[j].start..words[j].end], &mut k);
            public_body(&k) || is_institution(&k) || ASSOCIATION_ABBREVIATIONS.contains(&k.as_str())
        });
        let thing = rule_of[i].is_none()
            && (thing_or_saint_before(text, words[a].start)
                || ends_in_institution
                || street_or_day
                || opened_by_institution);
        let label = rule_of[i].is_none()
            && ((initial && text[w.end..].starts_with(':')) || opens_a_subject_line(text, w.start));
        // A title of address ("Hr. Dam") is no name, wherever it stands; nor a role in the definite form
        // ("Presidenten", "til Statsministeren": one word repeated through a story); nor a roman numeral
        // ("ministeriet Schlüter IV", "Leopold III"), which is a cabinet's or a generation's, joined to a
        // name found or not by `names::name_joints`.
        let firm = rule_of[i].is_none() && a_firms_place(text, &words, i, &rule_of);
        let swedish_noun = rule_of[i].is_none()
            && lang == Language::Swedish as u8
            && initial
            && bits & (1 | 32 | 128) == 0
            && d.inside == 0
            && next_gap.is_empty()
            && !ncap
            && (next.is_some_and(|x| swedish_verb(&text[x.start..x.end]))
                || swedish_noun_ending(key));
        let digits = |x: Option<Word>| {
            x.is_some_and(|x| text[x.start..x.end].bytes().all(|b| b.is_ascii_digit()))
        };
        let month_by_a_number = MONTH_NAMES.contains(&key.as_str())
            && ((next_gap.is_empty() && digits(next)) || (prev_gap == "." && digits(prev)));
        let function_word = rule_of[i].is_none()
            && (month_by_a_number
                || (initial && bits & 128 != 0)
                || is_title_of_address(&text[w.start..w.end])
                || is_definite_role(&text[w.start..w.end])
                || roman_generation(&text[w.start..w.end]));
        // What the document says elsewhere of the capitalised words beside it ("Kviteseid Høgre": a
        // party the text also writes in lower case), and of the names it is listed with ("Seljord og
        // Tokke", "Chicken og Lot"): places are listed with places, people with people.
        let facts_of = |j: usize| -> u8 {
            match key_of.get(j) {
                Some(&k) if k != u32::MAX => facts[k as usize].summary(),
                _ => 0,
            }
        };
        if pcap {
            add(48, &[facts_of(i - 1)]);
        }
        if ncap {
            add(49, &[facts_of(i + 1)]);
        }
        let lower_word = |j: usize| -> Option<&str> {
            let x = words.get(j)?;
            let xs = &text[x.start..x.end];
            (!capitalised(xs)).then_some(xs)
        };
        let same_line = |a: usize, b: usize| !text[words[a].end..words[b].start].contains('\n');
        let coordinated = |side: u8| -> Option<usize> {
            let (near, far) = if side == 0 {
                (i.checked_sub(1)?, i.checked_sub(2)?)
            } else {
                (i + 1, i + 2)
            };
            let (a, b) = if side == 0 { (far, i) } else { (i, far) };
            if far >= words.len() || !same_line(a, b) {
                return None;
            }
            let near_gap = if side == 0 {
                &text[words[near].end..w.start]
            } else {
                &text[w.end..words[near].start]
            };
            let cap = |j: usize| capitalised(&text[words[j].start..words[j].end]);
            if cap(near) && near_gap.trim() == "," {
                return Some(near);
            }
            (lower_word(near).is_some_and(|x| AND_WORDS.contains(&x)) && cap(far)).then_some(far)
        };
        for side in 0..2u8 {
            if let Some(j) = coordinated(side) {
                let jbits = match key_of[j] {
                    k if k != u32::MAX => list_bits(&keys[k as usize]),
                    _ => 0,
                };
                add(
                    50,
                    &[
                        side,
                        facts_of(j),
                        u8::from(jbits & 64 != 0),
                        u8::from(jbits & 1 != 0),
                        u8::from(rule_of[j].is_some()),
                    ],
                );
            }
        }
        // The endings of the lower-case words beside it: roles ("-leder", "-sjef") and things
        // ("-skipet", "-produsenten") the lists do not hold.
        for (t, j) in [(51u8, i.checked_sub(1)), (52, Some(i + 1))] {
            if let Some(xs) = j
                .filter(|&j| j < words.len() && same_line(j.min(i), j.max(i)))
                .and_then(lower_word)
            {
                let chars: Vec<char> = xs.chars().collect();
                if chars.len() > 4 {
                    let tail: String = chars[chars.len() - 3..].iter().collect();
                    add(t, tail.as_bytes());
                }
            }
        }
        // A short word in capitals before it: a ship's prefix ("MS", "KNM"), an organisation's
        // abbreviation ("FN", "NRK").
        if let Some(p) = prev.filter(|_| pcap && prev_gap.is_empty()) {
            let ps = &text[p.start..p.end];
            if ps.len() <= 4 && ps.chars().all(char::is_uppercase) {
                add(53, pk.as_slice());
            }
        }
        // The rules' verdict, and where they go wrong.
        let rule = rule_of[i];
        let reason: &[u8] = rule.map_or(b"<none>", |r| raw[r].reason.as_bytes());
        add(26, reason);
        let (pos, len) = match rule {
            Some(r) => {
                let (a, b) = (raw[r].start, raw[r].end);
                let first = a >= w.start;
                let last = b <= w.end;
                (
                    u8::from(first) | (u8::from(last) << 1),
                    u8::from(b - a > w.end - w.start),
                )
            }
            None => (0, 0),
        };
        add(27, &[pos, len]);
        let mut conj = |t: u8, parts: &[&[u8]]| {
            let mut v = Vec::with_capacity(32);
            for p in parts {
                v.extend_from_slice(p);
                v.push(0xff);
            }
            f.push((t, hash(t, &v)));
        };
        conj(28, &[reason, &[u8::from(initial)]]);
        conj(29, &[reason, &[u8::from(d.lower)]]);
        conj(30, &[reason, if pcap { b"cap" } else { &pk }]);
        conj(31, &[reason, if ncap { b"cap" } else { &nk }]);
        conj(32, &[reason, &bits.to_le_bytes()]);
        let prev_rule = i > 0 && rule_of[i - 1].is_some() && prev_gap != "\n";
        let next_rule = rule_of.get(i + 1).copied().flatten().is_some() && next_gap != "\n";
        conj(
            33,
            &[&[
                u8::from(rule.is_some()),
                u8::from(prev_rule),
                u8::from(next_rule),
            ]],
        );
        conj(
            34,
            &[&bits.to_le_bytes(), &pbits.to_le_bytes(), &[u8::from(pcap)]],
        );
        conj(
            35,
            &[&bits.to_le_bytes(), &nbits.to_le_bytes(), &[u8::from(ncap)]],
        );
        conj(
            36,
            &[if pcap { b"cap" } else { &pk }, &[u8::from(rule.is_some())]],
        );
        conj(37, &[key.as_bytes(), &[u8::from(rule.is_some())]]);
        conj(
            38,
            &[&[
                u8::from(initial),
                u8::from(d.lower),
                u8::from(rule.is_some()),
            ]],
        );
        // The document's language with the rules' verdict, their reason, the word's shape and ending.
        conj(63, &[&[lang, u8::from(rule.is_some()), u8::from(initial)]]);
        conj(64, &[&[lang], reason]);
        conj(65, &[&[lang], shape(s).as_bytes()]);
        let chars: Vec<char> = key.chars().collect();
        let tail: String = chars[chars.len().saturating_sub(3)..].iter().collect();
        conj(66, &[&[lang], tail.as_bytes()]);
        // Where it stands to quotation marks: a short title's, quoted speech's, or outside.
        conj(67, &[&[quotation as u8, u8::from(rule.is_some())]]);
        // A run that ends in a club's suffix, a legal form or a company's word ("Viking FK").
        let org = organisation_run(text, &words, i);
        if org != 0 {
            conj(68, &[&[org, u8::from(rule.is_some())]]);
        }
        out.push(Candidate {
            start: w.start,
            end: w.end,
            rule,
            word: id,
            quoted,
            thing,
            label,
            function_word,
            firm,
            swedish_noun,
            features: f,
        });
    }
    Candidates {
        list: out,
        words: word_features
            .into_iter()
            .map(Option::unwrap_or_default)
            .collect(),
    }
}

/// What the document says of the same name with or without a genitive "-s" ("Svanes øjne" where the
/// text also has "sagde Svane", "Kafka" where it has "Kafkas bøn"): the two forms are two words to the
/// document's facts, so a genitive of a name the text calls a person elsewhere learnt nothing from it.
fn genitive_links(
    key: &str,
    index: &FastMap<String, u32>,
    facts: &[DocFacts],
    f: &mut Vec<Feature>,
) {
    let ruled = |d: &DocFacts| -> u8 {
        if d.ruled == 0 {
            0
        } else if d.ruled == d.count {
            2
        } else {
            1
        }
    };
    let mut add = |t: u8, d: &DocFacts| f.push((t, hash(t, &[d.summary(), ruled(d)])));
    if let Some(stem) = key.strip_suffix('s').filter(|x| x.chars().nth(1).is_some()) {
        if let Some(&j) = index.get(stem) {
            add(55, &facts[j as usize]);
        }
    }
    let mut genitive = String::with_capacity(key.len() + 1);
    genitive.push_str(key);
    genitive.push('s');
    if let Some(&j) = index.get(&genitive) {
        add(56, &facts[j as usize]);
    }
}

/// The features of a distinct word: its letters, what the lists say, and its life in the document.
/// Also its list bits, which the context features combine.
fn word_only(key: &str, s: &str, d: &DocFacts) -> (Vec<Feature>, u16) {
    let bits = list_bits(key);
    let mut f: Vec<Feature> = Vec::with_capacity(40);
    let mut add = |t: u8, v: &[u8]| f.push((t, hash(t, v)));
    add(1, key.as_bytes());
    let chars: Vec<char> = key.chars().collect();
    let n = chars.len();
    let tail = |k: usize| chars[n.saturating_sub(k)..].iter().collect::<String>();
    let head = |k: usize| chars[..k.min(n)].iter().collect::<String>();
    add(2, tail(2).as_bytes());
    add(3, tail(3).as_bytes());
    add(4, tail(4).as_bytes());
    add(5, head(3).as_bytes());
    add(6, shape(s).as_bytes());
    add(7, &[n.min(12) as u8]);
    add(8, &bits.to_le_bytes());
    let info = first_names().get(key);
    let nordic = info.map_or(0, |x| x.nordic);
    let intl = info.map_or(0, |x| x.intl);
    add(9, &[nordic.min(15) / 3, intl.min(15) / 3]);
    for b in 0..14u8 {
        if bits & (1 << b) != 0 {
            add(10, &[b]);
        }
    }
    // Letter trigrams of the word with its ends marked: what foreign names, places and firms are made of.
    let marked: Vec<char> = std::iter::once('^')
        .chain(chars.iter().copied())
        .chain(std::iter::once('$'))
        .collect();
    let mut tri = [0u8; 12];
    for g in marked.windows(3) {
        let mut len = 0;
        for c in g {
            len += c.encode_utf8(&mut tri[len..]).len();
        }
        add(39, &tri[..len]);
    }
    // The word's life in the document.
    add(20, &[u8::from(d.lower)]);
    add(21, &[bucket(d.count)]);
    add(
        22,
        &[if d.ruled == 0 {
            0
        } else if d.ruled == d.count {
            2
        } else {
            1
        }],
    );
    add(23, &[u8::from(d.ruled_long > 0)]);
    add(24, &[u8::from(d.after_place_word)]);
    add(25, &[u8::from(d.inside == 0)]);
    add(
        41,
        &[
            u8::from(d.after_first_name),
            u8::from(d.after_cue),
            u8::from(d.before_org),
        ],
    );
    add(54, &[u8::from(d.place_run)]);
    // How much of the word's life is after a place preposition: a town is there most of the time,
    // a person now and then ("hos", "til" a person).
    add(58, &[bucket(d.after_place_count), bucket(d.count)]);
    add(
        57,
        &[
            u8::from(d.before_speech),
            u8::from(d.before_possessive),
            u8::from(d.before_age),
        ],
    );
    f.extend_from_slice(&d.company);
    (f, bits)
}

/// The verdicts on `candidates` given each one's logit: which of `raw`'s findings go, and which words
/// become names. One routine for detection and for the training's simulation.
pub fn decide(
    candidates: &[Candidate],
    logits: &[f32],
    veto: f32,
    add: Option<f32>,
    raw_len: usize,
) -> (Vec<bool>, Vec<(usize, usize)>) {
    // A finding stays when its best word reaches the veto threshold.
    let mut best = vec![f32::NEG_INFINITY; raw_len];
    let mut added = Vec::new();
    for (c, &l) in candidates.iter().zip(logits) {
        match c.rule {
            Some(r) => best[r] = best[r].max(l),
            None => {
                if !c.quoted
                    && !c.thing
                    && !c.label
                    && !c.function_word
                    && !c.firm
                    && !c.swedish_noun
                    && add.is_some_and(|a| l >= a)
                {
                    added.push((c.start, c.end));
                }
            }
        }
    }
    let gone = best
        .iter()
        .map(|&b| b != f32::NEG_INFINITY && b < veto)
        .collect();
    (gone, added)
}

/// Lays the model's verdicts over the rules' findings in `raw`.
pub fn rescore(model: &Model, text: &str, protected: &[(usize, usize)], raw: &mut Vec<Raw>) {
    let cands = candidates(text, protected, raw);
    if cands.list.is_empty() {
        return;
    }
    let logits = model.logits(&cands);
    let cands = cands.list;
    let (gone, added) = decide(&cands, &logits, model.veto, Some(model.add), raw.len());
    let mut teams = teams_in_match_reports(text);
    // A player is named in full somewhere ("Casper Ruud vant 6-3"); a club never is.
    teams.retain(|t| {
        !raw.iter().any(|r| {
            r.kind == Kind::Person
                && text.get(r.start..r.end).is_some_and(|n| {
                    n.len() > t.len() && n.split([' ', '-']).any(|part| part == *t)
                })
        })
    });
    let mut i = 0;
    raw.retain(|r| {
        let keep = !gone.get(i).copied().unwrap_or(false)
            && !is_a_team(text, r, &teams)
            && !no_name_whatever_the_model(text, r);
        i += 1;
        keep
    });
    // Added words next to each other (or to a rule's name, on the same line) are one name.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut nouns: Option<DocumentNouns> = None;
    for (a, b) in added {
        // "Granveien 40, 1481 Hagan": a town after its postcode is the address's, never a name;
        // "Lindtner & Co.": a word before a firm's partner or legal form is the firm's.
        if super::text::town_in_address(text, a, b) || super::policy::company_follows(text, b) {
            continue;
        }
        if starts_sentence(text, a)
            && compound_of_a_documents_noun(
                text,
                a,
                b,
                nouns.get_or_insert_with(|| DocumentNouns::of(text)),
            )
        {
            continue;
        }
        match spans.last_mut() {
            Some(last) if joins(text, last.1, a) => last.1 = b,
            _ => spans.push((a, b)),
        }
    }
    for (a, b) in spans {
        let (a, b) = hyphen_joined(text, a, b);
        if let Some(r) = raw.iter_mut().find(|r| {
            r.kind == Kind::Person
                && r.recognizer == Recognizer::UnknownName
                && (joins(text, r.end, a) || joins(text, b, r.start))
        }) {
            r.start = r.start.min(a);
            r.end = r.end.max(b);
            continue;
        }
        raw.push(Raw::unknown_name(
            a,
            b,
            0.5,
            "a word the names model reads as a name",
        ));
    }
    join_name_parts(text, &cands, &logits, model.add, raw);
}

/// Verbs of a match's result right after a team ("Viking vant 2-1", "Brøndby tabte 0-3 til …",
/// "Malmö slog …").
const RESULT_VERBS: &[&str] = &[
    "vant",
    "vann",
    "vandt",
    "vinner",
    "vinder",
    "vinn",
    "tapte",
    "taper",
    "tabte",
    "taber",
    "tapade",
    "förlorade",
    "slo",
    "slog",
    "spilte",
    "spillede",
    "spelade",
    "knuste",
    "utklasset",
];

/// The first names a text shows as a team in a match report: right before a verb of a match's
/// result with a score ("2-1", "0–3") later in the same sentence, within eight words. A club named like a
/// first name ("Viking", "Odd", "Start") is taken by the first-name rules wherever it stands, and the
/// names model, whose training text holds no club in that company, cannot tell it (see `MODEL.md`).
fn teams_in_match_reports(text: &str) -> Vec<&str> {
    let mut teams: Vec<&str> = Vec::new();
    let ws = words(text);
    for (i, w) in ws.iter().enumerate() {
        let s = &text[w.start..w.end];
        let Some(verb) = ws.get(i + 1) else { continue };
        if !capitalised(s)
            || first_names().get(&s.to_lowercase()).is_none()
            || !joins(text, w.end, verb.start)
            || !RESULT_VERBS.contains(&&text[verb.start..verb.end])
            || teams.contains(&s)
        {
            continue;
        }
        // A score: digits, a hyphen or a dash, digits, before the sentence ends.
        let scored = ws[i + 2..].iter().take(8).try_fold(verb.end, |last, x| {
            let gap = &text[last..x.start];
            if gap.contains(['.', '!', '?', '\n']) {
                return Err(false);
            }
            let digits = |y: &Word| text[y.start..y.end].bytes().all(|b| b.is_ascii_digit());
            if matches!(gap, "-" | "–")
                && digits(x)
                && text[..last].ends_with(|c: char| c.is_ascii_digit())
            {
                return Err(true);
            }
            Ok(x.end)
        });
        if scored == Err(true) {
            teams.push(s);
        }
    }
    teams
}

/// Whether `r` is the rules' name of one word that the text shows as a team (see
/// [`teams_in_match_reports`]): no person, at every occurrence, whatever the model says.
fn is_a_team(text: &str, r: &Raw, teams: &[&str]) -> bool {
    r.kind == Kind::Person
        && r.recognizer == Recognizer::UnknownName
        && text.get(r.start..r.end).is_some_and(|n| teams.contains(&n))
}

/// The lowest logit at which a word no rule took joins the person's name right beside it (see
/// [`join_name_parts`]): far below the add threshold (+0.5), above the roles and adjectives that open a
/// sentence before a name in the NorNE, DDT and Swedish dev files ("Kaptein", "Erfarne", "Diktatorn",
/// −2 to −2.9) and the words after a firm named like a person ("Lehman Brothers", −2.5). Chosen on those
/// dev files and the retired batches: −3 took those; −1.7 lost none of the names −3 joined there but
/// three of the retired batches'.
const JOIN: f32 = -1.7;

/// A name cut short inside its own run: the rules or the model took part of a name and left the word
/// beside it ("Rådgjevar Sigve Sægrov": "Sægrov" added, "Sigve" scored just below the add threshold;
/// "Vaktmester RUNE KARLSEN"; "Gülsen Aktaş" after an absence list's label; "Ingrid M. de Vries"). A word
/// no rule took, scored at or above [`join_threshold`] (far below the add threshold), joins a person's
/// name it stands beside: one space or a hyphen, a particle ("de", "von"), or a nickname in quotation
/// marks between ("Stig «Stigern» Furuseth"), written in the same case as the name's word beside it (a
/// word in capitals beside a name in capitals). On an attendance list ("Afbud: …"), where every
/// capitalised word is a name's, at any score. Two person findings with a particle or a nickname
/// between are one name. Words the model never adds (in quotation marks, a thing's or a saint's name, a
/// field's label, a function word) join nothing.
fn join_name_parts(text: &str, cands: &[Candidate], logits: &[f32], add: f32, raw: &mut [Raw]) {
    let person = |r: &Raw| {
        r.kind == Kind::Person
            && r.recognizer == Recognizer::UnknownName
            && r.decision == Decision::Redact
    };
    let mut taken = vec![false; cands.len()];
    loop {
        let mut joined = false;
        for (i, (c, &l)) in cands.iter().zip(logits).enumerate() {
            if taken[i]
                || c.rule.is_some()
                || c.quoted
                || c.thing
                || c.label
                || c.function_word
                || c.firm
                || c.swedish_noun
                || l >= add
            {
                continue;
            }
            let word = &text[c.start..c.end];
            // Below the join threshold only a surname in capitals joins, right after a first name in
            // capitals ("Vaktmester RUNE KARLSEN"), and any word on an attendance list.
            let low = l < JOIN && !on_an_attendance_list(text, c.start);
            let caps_surname = low && surname_in_capitals(word);
            if low && !caps_surname {
                continue;
            }
            // Before a name, a role ("Kassören Per Ek") is no part of it, and a word opening a sentence
            // ("Ring Roar på …") needs the model's doubt to lean towards a name.
            let before_ok = !is_role_word(word) && (l >= 0.0 || !starts_sentence(text, c.start));
            let Some(r) = raw.iter_mut().find(|r| {
                person(r)
                    && !(r.start <= c.start && c.end <= r.end)
                    && ((name_gap(text, r.end, c.start)
                        && same_case(word, last_word(&text[r.start..r.end]))
                        && (!caps_surname
                            || (joins(text, r.end, c.start)
                                && first_name_in_capitals(last_word(&text[r.start..r.end])))))
                        || (!caps_surname
                            && before_ok
                            && name_gap(text, c.end, r.start)
                            && same_case(word, first_word(&text[r.start..r.end]))))
            }) else {
                continue;
            };
            r.start = r.start.min(c.start);
            r.end = r.end.max(c.end);
            taken[i] = true;
            joined = true;
        }
        if !joined {
            break;
        }
    }
    // "Christian v. Sydow", "Benny «Store-Benny» Hald": two findings with a particle or a nickname between.
    // The nickname may be a finding of its own, between the two.
    let mut spans: Vec<usize> = (0..raw.len()).filter(|&i| person(&raw[i])).collect();
    spans.sort_by_key(|&i| raw[i].start);
    for (k, &a) in spans.iter().enumerate() {
        for &b in &spans[k + 1..] {
            let (end, start) = (raw[a].end, raw[b].start);
            if start > end + 32 {
                break;
            }
            if end < start && !joins(text, end, start) && name_gap(text, end, start) {
                raw[b].start = raw[a].start;
                break;
            }
        }
    }
}

/// Whether a word in capitals is a surname: on the surname list, or ending like a patronymic ("KARLSEN",
/// "LINDQVIST", "ERIKSSON").
fn surname_in_capitals(word: &str) -> bool {
    if word.chars().count() < 3 || word.chars().any(|c| !c.is_uppercase()) {
        return false;
    }
    let mut k = String::new();
    fold_into(word, &mut k);
    is_surname(&k)
        || (k.chars().count() >= 6
            && ["sen", "son", "ssen", "sson", "sdottir"]
                .iter()
                .any(|e| k.ends_with(e))
            && !function_words().contains(&k))
}

/// Whether a word in capitals is a listed first name ("RUNE").
fn first_name_in_capitals(word: &str) -> bool {
    let mut k = String::new();
    fold_into(word, &mut k);
    word.chars().count() >= 2
        && word.chars().all(char::is_uppercase)
        && first_names().get(&k).is_some()
}

/// Whether the gap `text[a..b]` lies inside one person's name: one space or a hyphen ([`joins`]), a
/// particle between spaces (" de ", " von ", " v. ") or glued to the surname (" al-", " d'"), or a
/// nickname in quotation marks (and a particle) between spaces (" «Stigern» ", a plain "Lelle" between
/// spaces: one to three words, the first capitalised, on one line).
fn name_gap(text: &str, a: usize, b: usize) -> bool {
    if joins(text, a, b) {
        return true;
    }
    // A particle glued to the surname it opens ("Hamid al-Rashidi", "Jeanne d'Arc").
    if let Some(p) = text
        .get(a..b)
        .and_then(|g| g.strip_prefix(' '))
        .and_then(|g| g.strip_suffix(['-', '\'', '’']))
    {
        if is_glued_particle(&p.to_lowercase()) {
            return true;
        }
    }
    let Some(inner) = text
        .get(a..b)
        .and_then(|g| g.strip_prefix(' '))
        .and_then(|g| g.strip_suffix(' '))
    else {
        return false;
    };
    let particle = |w: &str| particles().contains(w) || w == "v.";
    if particle(inner) {
        return true;
    }
    // A nickname before a particle: "Karen «Kiki» la Cour".
    let inner = match inner.rsplit_once(' ') {
        Some((nick, p)) if particle(p) => nick,
        _ => inner,
    };
    let mut chars = inner.chars();
    let (Some(open), Some(close)) = (chars.next(), chars.next_back()) else {
        return false;
    };
    let nick = chars.as_str();
    matches!(
        (open, close),
        ('«', '»') | ('"', '"') | ('“', '”') | ('”', '”') | ('\'', '\'') | ('‘', '’')
    ) && nick.chars().next().is_some_and(char::is_uppercase)
        && nick.chars().count() <= 24
        && nick.split(' ').count() <= 3
        && nick
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '.'))
}

/// The first and the last word of a name.
fn first_word(name: &str) -> &str {
    name.split([' ', '-']).next().unwrap_or(name)
}

fn last_word(name: &str) -> &str {
    name.rsplit([' ', '-']).next().unwrap_or(name)
}

/// Whether two words are written alike: both in capitals, or neither (a word of two letters or more;
/// an initial, "K.", is neither).
fn same_case(a: &str, b: &str) -> bool {
    let caps = |w: &str| {
        w.chars().filter(|c| c.is_alphabetic()).count() > 1 && !w.chars().any(char::is_lowercase)
    };
    caps(a) == caps(b)
}

/// An added word widened over the capitalised words joined to it by hyphens ("Brekkvik-Olsen", "Ninn-
/// Hansens"): the candidates are split at a hyphen, so the model added one half of a hyphenated surname
/// and left the other. A lower-case part ("Olsen-saken") is no part of the name.
fn hyphen_joined(text: &str, mut a: usize, mut b: usize) -> (usize, usize) {
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().count() > 1
            && w.chars().all(char::is_alphabetic)
    };
    while let Some(head) = text.get(..a).and_then(|h| h.strip_suffix('-')) {
        let from = head
            .char_indices()
            .rev()
            .take_while(|(_, c)| c.is_alphabetic())
            .last()
            .map_or(head.len(), |(i, _)| i);
        if from == head.len() || !capitalised(&head[from..]) {
            break;
        }
        a = from;
    }
    while let Some(tail) = text.get(b..).and_then(|t| t.strip_prefix('-')) {
        let len = tail
            .char_indices()
            .find(|(_, c)| !c.is_alphabetic())
            .map_or(tail.len(), |(i, _)| i);
        if !capitalised(&tail[..len]) {
            break;
        }
        b += 1 + len;
    }
    (a, b)
}

/// Whether `start` lies inside quotation marks: an odd number of them before it on its line (within
/// 200 bytes). The rules leave what quotation marks fill to be a title ("”Ingrid Bergman”", a rose), and
/// the model adds nothing there; the same mark opening and closing (Swedish ”…”, plain "…") is why it
/// counts rather than pairs.
fn inside_quotes(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(200);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text.get(from..start).unwrap_or("");
    let line = head.rsplit('\n').next().unwrap_or("");
    line.chars()
        .filter(|c| matches!(c, '"' | '“' | '”' | '„' | '«' | '»'))
        .count()
        % 2
        == 1
}

/// Where a word stands with respect to quotation marks on its line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Quotation {
    Outside = 0,
    /// Inside marks that close at most four words after their opening, with no sentence's end or comma
    /// between: a title, a ship's, a rose's or a product's name («Marie Claire», "Robinsons Hule").
    Short = 1,
    /// Inside quoted speech: marks that do not close on the line, or close further on or after a
    /// sentence's punctuation ("De kan ikke vælte Jeltsin.", «Nei, Renate, vi venter»).
    Speech = 2,
}

/// Where the word at `start..end` stands with respect to quotation marks (see [`inside_quotes`]).
fn quotation_around(text: &str, start: usize, end: usize) -> Quotation {
    const MARKS: &[char] = &['"', '“', '”', '„', '«', '»'];
    if !inside_quotes(text, start) {
        return Quotation::Outside;
    }
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let open = text[line_start..start]
        .rfind(MARKS)
        .map_or(line_start, |i| line_start + i);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let Some(close) = text[end..line_end].find(MARKS).map(|i| end + i) else {
        return Quotation::Speech;
    };
    let inner = &text[open..close];
    let words = inner.split_whitespace().count();
    let inner = inner.trim_end_matches(['.', '!', '?', ' ']);
    if words <= 4 && !inner.contains([',', '.', ';', ':', '!', '?']) {
        Quotation::Short
    } else {
        Quotation::Speech
    }
}

/// Whether the gap `text[a..b]` joins two words of one name: one space or a hyphen.
fn joins(text: &str, a: usize, b: usize) -> bool {
    a <= b && matches!(text.get(a..b), Some(" " | "-" | "\u{a0}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::Detector;

    fn person(start: usize, end: usize, reason: &'static str) -> Raw {
        Raw::unknown_name(start, end, 0.6, reason)
    }

    fn has(c: &Candidates, i: usize, template: u8, value: &[u8]) -> bool {
        let word = &c.words[c.list[i].word as usize];
        c.list[i]
            .features
            .iter()
            .chain(word)
            .any(|&f| f == (template, hash(template, value)))
    }

    /// A stale or foreign weights file fails loudly: the shipped one loads with this version's layout
    /// and hash size, holds weights and thresholds in order, and a file of another version is refused.
    #[test]
    fn shipped_weights_load() {
        let m =
            Model::parse(SHIPPED).expect("assets/names/model.bin matches learned.rs; retrain it");
        assert!(m.len() > 1000, "{} weights", m.len());
        assert!(m.veto <= m.add, "{m:?}");
        assert!(shipped().is_some());
        assert_eq!(&SHIPPED[8..12], &FEATURES_VERSION.to_le_bytes());
        assert_eq!(&SHIPPED[12..16], &BITS.to_le_bytes());
        let mut old = SHIPPED.to_vec();
        old[8..12].copy_from_slice(&(FEATURES_VERSION + 1).to_le_bytes());
        assert_eq!(Model::parse(&old).err(), Some(LoadError::Version));
        assert_eq!(
            Model::parse(&SHIPPED[..SHIPPED.len() - 3]).err(),
            Some(LoadError::Truncated)
        );
        assert_eq!(Model::parse(b"ANDELNM").err(), Some(LoadError::Truncated));
        let mut longer = SHIPPED.to_vec();
        longer.extend_from_slice(&[0; 8]);
        assert_eq!(Model::parse(&longer).err(), Some(LoadError::Version));
        let mut other = SHIPPED.to_vec();
        other[7] = 1;
        assert_eq!(Model::parse(&other).err(), Some(LoadError::Version));
    }

    #[test]
    fn a_written_model_reads_back() {
        let bytes = Model::write(0.5, -1.0, 2.0, &[(7, 0.25), (mask(), -1.5)]);
        let m = Model::parse(&bytes).expect("parses");
        assert_eq!((m.veto, m.add, m.len()), (-1.0, 2.0, 2));
        assert_eq!(m.weight(7), 0.25);
        // A hash is folded into the buckets the same way at training and at detection.
        assert_eq!(m.weight(mask() | (1 << BITS)), -1.5);
        assert_eq!(m.weight(8), 0.0);
    }

    #[test]
    fn candidates_are_capitalised_words_outside_other_findings() {
        let text = "Møtet i Bergen: Kari Lunde og Storvik AS, med 3B og K. Hansen.";
        let at = |w: &str| text.find(w).unwrap();
        let raw = vec![
            person(
                at("Kari"),
                at("Lunde") + 5,
                "a first name followed by a surname",
            ),
            Raw {
                recognizer: Recognizer::Register,
                ..person(at("Hansen"), at("Hansen") + 6, "register")
            },
        ];
        let c = candidates(text, &[(at("Storvik"), at("AS") + 2)], &raw);
        let words: Vec<&str> = c.list.iter().map(|x| &text[x.start..x.end]).collect();
        // Not the protected firm, not the word glued to a digit, not a lone initial no rule took, not
        // the register's name.
        assert_eq!(words, ["Møtet", "Bergen", "Kari", "Lunde"]);
        assert_eq!(c.list[2].rule, Some(0));
        assert_eq!(c.list[1].rule, None);
        // The word, its sentence start, its neighbours and the rule's reason are features.
        assert!(has(&c, 0, 11, &[1]));
        assert!(has(&c, 1, 11, &[0]));
        assert!(has(&c, 1, 1, b"bergen"));
        assert!(has(&c, 1, 14, b"i"));
        assert!(has(&c, 1, 24, &[1]), "Bergen stands after a place word");
        assert!(has(&c, 2, 26, b"a first name followed by a surname"));
        assert!(has(&c, 2, 16, b"cap"));
        assert!(has(&c, 3, 3, b"nde"));
        assert!(has(&c, 1, 26, b"<none>"));
    }

    /// Regression (class: a surname found elsewhere, run together with the next word where extraction
    /// lost the space, "<Surname>takkede": the model read the whole run-together word, no name, and
    /// vetoed the rule's finding inside it). A word a rule's name only part of is no candidate; a word
    /// the name covers whole still is.
    #[test]
    fn regression_a_name_inside_a_longer_word_is_not_the_models_to_judge() {
        let text = "Formand Jens Vindbæk talte. Vindbæktakkede Hanne.";
        let at = |w: &str| text.find(w).unwrap();
        let raw = vec![
            person(at("Jens"), at("Jens") + "Jens Vindbæk".len(), "x"),
            person(
                at("Vindbæktakkede"),
                at("Vindbæktakkede") + "Vindbæk".len(),
                "y",
            ),
        ];
        let c = candidates(text, &[], &raw);
        let words: Vec<&str> = c.list.iter().map(|x| &text[x.start..x.end]).collect();
        assert_eq!(words, ["Formand", "Jens", "Vindbæk", "Hanne"]);
    }

    fn at_word(c: &Candidates, text: &str, word: &str, nth: usize) -> usize {
        c.list
            .iter()
            .enumerate()
            .filter(|(_, x)| &text[x.start..x.end] == word)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("{word} is no candidate"))
    }

    /// A place of two words ("til Jan Mayen"), the names a word is listed with, the endings of the
    /// lower-case words beside it and a short prefix in capitals are features (invented sentences).
    #[test]
    fn places_of_two_words_lists_and_prefixes_are_features() {
        let text = "Båten gikk til Vardø Vestre i fjor. Vardø Vestre ligger nord. \
                    Vi besøkte Leirvik, Soldal og Tveit.\nDen nye osteprodusenten Hallan kjøpte den. \
                    Vi tok MS Nordlys hjem.";
        let c = candidates(text, &[], &[]);
        let vestre = at_word(&c, text, "Vestre", 1);
        assert!(
            has(&c, vestre, 54, &[1]),
            "in a run after a place word somewhere"
        );
        let tveit = at_word(&c, text, "Tveit", 0);
        let soldal = at_word(&c, text, "Soldal", 0);
        assert!(
            c.list[tveit].features.iter().any(|f| f.0 == 50),
            "listed after Soldal"
        );
        assert!(c.list[soldal].features.iter().filter(|f| f.0 == 50).count() == 2);
        let hallan = at_word(&c, text, "Hallan", 0);
        assert!(has(&c, hallan, 51, b"ten"));
        assert!(has(&c, hallan, 52, "pte".as_bytes()));
        let nordlys = at_word(&c, text, "Nordlys", 0);
        assert!(has(&c, nordlys, 53, b"ms"));
        let vardo = at_word(&c, text, "Vardø", 1);
        assert!(
            has(
                &c,
                vardo,
                49,
                &[DocFacts {
                    place_run: true,
                    ..DocFacts::default()
                }
                .summary()]
            ),
            "its neighbour stands in a place's run elsewhere"
        );
        assert_ne!(list_bits("skipet") & 16384, 0);
        assert_ne!(list_bits("hurtigruteskipet") & 16384, 0);
        assert_eq!(list_bits("kari") & 16384, 0);
    }

    /// Regression (the genitive features never fired): one space between two words is the gap class
    /// "", so a test against " " was never true. A genitive before a lower-case noun and a capital
    /// after a capitalised genitive are features.
    #[test]
    fn genitives_are_seen_across_one_space() {
        let text = "Vi leste om Hallans styre og så Tarantinos Pulp i går.";
        let c = candidates(text, &[], &[]);
        let hallans = at_word(&c, text, "Hallans", 0);
        assert!(
            has(&c, hallans, 42, &[1, 3]),
            "a genitive before a lower-case noun"
        );
        let pulp = at_word(&c, text, "Pulp", 0);
        assert!(
            has(&c, pulp, 44, &[1, 0]),
            "a capital after a capitalised genitive"
        );
    }

    /// Regression (names model, cross-validated errors on the training files): evidence from elsewhere
    /// in the document. A word after a first name somewhere is a surname's; one before an
    /// institution's last word somewhere is a town's or a firm's.
    #[test]
    fn document_facts_see_a_surname_and_an_institution_elsewhere() {
        let text = "Kari Holtan kom. Holtan sa ja. Holtan kommune sa nei. Sier Bratli det?";
        let c = candidates(text, &[], &[]);
        let holtan = at_word(&c, text, "Holtan", 1);
        assert!(has(&c, holtan, 41, &[1, 0, 1]));
    }

    #[test]
    fn document_facts_see_the_word_in_lower_case_and_in_names_elsewhere() {
        let text = "Frost kom tidlig. Det var frost i natt. Så kom Eva Frost.";
        let at = text.rfind("Eva").unwrap();
        let raw = vec![person(
            at,
            text.len() - 1,
            "a first name followed by a surname",
        )];
        let c = candidates(text, &[], &raw);
        let first = c
            .list
            .iter()
            .position(|x| &text[x.start..x.end] == "Frost")
            .unwrap();
        assert!(has(&c, first, 20, &[1]), "written in lower case too");
        assert!(
            has(&c, first, 22, &[1]),
            "some of its occurrences are a rule's"
        );
        assert!(
            has(&c, first, 23, &[1]),
            "inside a rule's name of two words"
        );
        assert!(has(&c, first, 21, &[2]), "twice capitalised");
    }

    #[test]
    fn a_genitive_and_its_name_see_each_other() {
        let text = "Svane sagde ja. Senere lyste Svanes øjne.";
        let c = candidates(text, &[], &[]);
        let svanes = at_word(&c, text, "Svanes", 0);
        let svane = at_word(&c, text, "Svane", 0);
        assert!(c.words[c.list[svanes].word as usize]
            .iter()
            .any(|f| f.0 == 55));
        assert!(c.words[c.list[svane].word as usize]
            .iter()
            .any(|f| f.0 == 56));
        // No stem of one letter: "As" is no genitive of "A".
        let text = "A og B. As sa nei.";
        let c = candidates(text, &[], &[]);
        let as_ = at_word(&c, text, "As", 0);
        assert!(!c.words[c.list[as_].word as usize].iter().any(|f| f.0 == 55));
    }

    #[test]
    fn document_facts_see_a_speaker_a_possessive_an_age_and_the_company_kept() {
        let text = "Det står hos Kleanthes. Kleanthes (330 - 230) var lærar. Kleanthes sin bok. \
                    Kleanthes seier nei.";
        let c = candidates(text, &[], &[]);
        let k = at_word(&c, text, "Kleanthes", 0);
        assert!(has(&c, k, 57, &[1, 1, 1]), "speech, possessive and age");
        // "hos" takes people: no place preposition.
        assert!(has(&c, k, 24, &[0]));
        assert!(has(&c, k, 61, b"hos"));
        assert!(has(&c, k, 62, b"seier"));
        assert!(has(&c, k, 58, &[0, 3]));
        let text = "Han bur i Seljord. Seljord FrP sa nei.";
        let c = candidates(text, &[], &[]);
        let s = at_word(&c, text, "Seljord", 0);
        assert!(has(&c, s, 58, &[1, 2]));
        let first = at_word(&c, text, "Seljord", 1);
        assert!(
            has(&c, first, 60, b"XxX"),
            "an abbreviation's shape after it"
        );
    }

    #[test]
    fn decide_vetoes_by_the_best_word_and_adds_above_its_threshold() {
        let text = "Ola Nordmann møtte Brann i går.";
        // Byte offsets: "Brann" starts at 20, after the two bytes of "ø".
        let brann = text.find("Brann").unwrap();
        let raw = vec![person(0, 12, "x"), person(brann, brann + 5, "y")];
        let c = candidates(text, &[], &raw).list;
        assert_eq!(c.len(), 3);
        // "Ola" high, "Nordmann" low: the finding stays; "Brann" low: it goes.
        let (gone, added) = decide(&c, &[2.0, -5.0, -5.0], -1.0, Some(1.0), raw.len());
        assert_eq!(gone, [false, true]);
        assert!(added.is_empty());
        let text = "Vi så Ngozi og Tamar i går.";
        let c = candidates(text, &[], &[]).list;
        let (_, added) = decide(&c, &[-3.0, 1.5, 0.5], -1.0, Some(1.0), 0);
        assert_eq!(
            added,
            [(text.find("Ngozi").unwrap(), text.find("Ngozi").unwrap() + 5)]
        );
    }

    /// A word no rule took and the model scored between the join and the add thresholds joins the
    /// person's name beside it, after it or before it, over a space, a particle or a nickname in
    /// quotation marks; a role before the name, a word opening a sentence that the model doubts, a word
    /// in capitals beside a name in small letters and a word below the join threshold join nothing.
    /// Two findings with a nickname (itself found) or a particle between are one name. Invented people.
    #[test]
    fn a_word_beside_a_name_joins_it_between_the_join_and_the_add_thresholds() {
        let text = "Styret: Rådgiver Sindre Brattaas, vaktmester ODD KLEMETSRUD, Kari «Kiki» Vassbotn.\n\
                    Kassören Per Ek kom. Ring Nils Hovde. Tove K. de Haas, Ola KRÅKE og Bent Sund Lie.";
        let at = |w: &str| text.find(w).unwrap();
        let span = |w: &str| (at(w), at(w) + w.len());
        let mut raw = vec![
            person(span("Brattaas").0, span("Brattaas").1, "x"),
            person(span("ODD").0, span("ODD").1, "x"),
            person(span("Kari").0, span("Kari").1, "x"),
            person(span("Kiki").0, span("Kiki").1, "x"),
            person(span("Per Ek").0, span("Per Ek").1, "x"),
            person(span("Nils Hovde").0, span("Nils Hovde").1, "x"),
            person(span("Tove K.").0, span("Tove K.").1, "x"),
            person(span("Ola").0, span("Ola").1, "x"),
            person(span("Bent").0, span("Bent").1, "x"),
        ];
        let c = candidates(text, &[], &raw);
        // Every word no rule took scores −1 (within the band), but "Lie" −2 (below it).
        let logits: Vec<f32> = c
            .list
            .iter()
            .map(|x| {
                if &text[x.start..x.end] == "Lie" {
                    -2.0
                } else {
                    -1.0
                }
            })
            .collect();
        join_name_parts(text, &c.list, &logits, 0.5, &mut raw);
        let raw = crate::redact::policy::resolve(raw);
        let names: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        for name in [
            "Sindre Brattaas",
            "ODD KLEMETSRUD",
            "Kari «Kiki» Vassbotn",
            "Per Ek",
            "Nils Hovde",
            "Tove K. de Haas",
            "Ola",
            "Bent Sund",
        ] {
            assert!(names.contains(&name), "{name} not in {names:?}");
        }
    }

    /// On an attendance list every capitalised word is a name's: a word beside a name there joins it
    /// whatever the model's doubt; the same word and score elsewhere do not. Invented people.
    #[test]
    fn on_an_attendance_list_a_word_beside_a_name_joins_it() {
        let text = "Afbud: Sevgül Akbaşoğlu\nVi så Sevgül Akbaşoğlu i går.";
        let first = text.find("Sevgül").unwrap();
        let second = text.rfind("Sevgül").unwrap();
        let mut raw = vec![
            person(first, first + 7, "x"),
            person(second, second + 7, "x"),
        ];
        let c = candidates(text, &[], &raw);
        let logits = vec![-4.0; c.list.len()];
        join_name_parts(text, &c.list, &logits, 0.5, &mut raw);
        assert_eq!(&text[raw[0].start..raw[0].end], "Sevgül Akbaşoğlu");
        assert_eq!(&text[raw[1].start..raw[1].end], "Sevgül");
    }

    /// A title of address ("Hr.", "Fru") is never added, even opening a line before a surname.
    #[test]
    fn a_title_of_address_is_never_added() {
        let text = "d) Hr. Skovbjerg har spurgt.\nFru Dam kom.";
        let c = candidates(text, &[], &[]).list;
        for t in ["Hr", "Fru"] {
            let at = text.find(t).unwrap();
            let cand = c.iter().find(|x| x.start == at).unwrap();
            assert!(cand.function_word, "{t}");
        }
    }

    /// A role in the definite form is a description, never added ("Presidenten" through a story was
    /// added at each of its 19 occurrences in a NorNE train file); a monarch's title is left to the model.
    #[test]
    fn regression_a_role_in_the_definite_form_is_never_added() {
        let text = "Presidenten har kalt inn til møte.\nVi gav prisen til Presidenten.\n\
                    Statsministeren svarte. Formanden takkede. Mannen gikk.\n\
                    Kongen talte. Presidentkandidaten Aksel Brekkvoll svarte. Preben kom.";
        let c = candidates(text, &[], &[]).list;
        let fw: Vec<&str> = c
            .iter()
            .filter(|x| x.function_word)
            .map(|x| &text[x.start..x.end])
            .collect();
        for w in ["Presidenten", "Statsministeren", "Formanden", "Mannen"] {
            assert!(fw.contains(&w), "{w}: {fw:?}");
        }
        for w in ["Kongen", "Aksel", "Brekkvoll", "Preben"] {
            assert!(!fw.contains(&w), "{w}: {fw:?}");
        }
        let added = added_at_any_score(text, &c);
        assert!(!added.contains(&"Presidenten"), "{added:?}");
        assert!(added.contains(&"Kongen"), "{added:?}");
    }

    #[test]
    fn gaps_inside_one_name() {
        let gap = |t: &str| name_gap(t, 3, t.len() - 3);
        assert!(name_gap("Ola Vik", 3, 4));
        assert!(gap("Ola de Vik"));
        assert!(gap("Ola v. Vik"));
        assert!(gap("Ola «Kiki» Vik"));
        assert!(gap("Ola \"Store-Ola\" Vik"));
        assert!(gap("Ola «Kiki» af Vik"));
        assert!(name_gap("Ola al-Vik", 3, 7));
        assert!(name_gap("Ola d'Vik", 3, 6));
        assert!(!name_gap("Ola og-Vik", 3, 7));
        assert!(!gap("Ola og Vik"));
        assert!(!gap("Ola «i går» Vik"));
        assert!(!gap("Ola «Her er en lang tittel på en bok» Vik"));
        assert!(!gap("Ola, Vik"));
    }

    /// Regression (the class a retrain showed: "Hamid al-Rashidi" lost its surname when the model scored it
    /// just under the add threshold): a surname opened by a glued particle joins the first name before it
    /// at the join threshold, as one after a spaced particle did ("Tove K. de Haas").
    #[test]
    fn regression_a_surname_after_a_glued_particle_left_beside_its_first_name() {
        let text = "Forfatteren Hamid al-Rashidi og Jeanne d'Orvaux kom, men Ola og-Vik ikke.\n";
        let at = |w: &str| text.find(w).unwrap();
        let mut raw = vec![
            person(at("Hamid"), at("Hamid") + 5, "x"),
            person(at("Jeanne"), at("Jeanne") + 6, "x"),
            person(at("Ola"), at("Ola") + 3, "x"),
        ];
        let c = candidates(text, &[], &raw);
        let logits = vec![-1.0; c.list.len()];
        join_name_parts(text, &c.list, &logits, 0.5, &mut raw);
        let raw = crate::redact::policy::resolve(raw);
        let got: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(got, ["Hamid al-Rashidi", "Jeanne d'Orvaux", "Ola"]);
    }

    /// An added word is widened over the capitalised parts hyphened to it ("Brekkvik-Olsen", "Ninn-
    /// Hansens"), not over a lower-case one ("Olsen-saken").
    #[test]
    fn an_added_word_takes_the_capitalised_parts_hyphened_to_it() {
        let text = "Til Brekkvik-Olsen og Ninn-Hansens; Olsen-saken.";
        let at = |w: &str| text.find(w).unwrap();
        let span = |a: usize, b: usize| &text[a..b];
        let (a, b) = hyphen_joined(text, at("Olsen "), at("Olsen ") + 5);
        assert_eq!(span(a, b), "Brekkvik-Olsen");
        let (a, b) = hyphen_joined(text, at("Ninn"), at("Ninn") + 4);
        assert_eq!(span(a, b), "Ninn-Hansens");
        let (a, b) = hyphen_joined(text, at("Olsen-saken"), at("Olsen-saken") + 5);
        assert_eq!(span(a, b), "Olsen");
    }

    /// The words `decide` adds from `c` when the model scores every candidate far above the
    /// threshold: what only the rules' gates keep out.
    fn added_at_any_score<'t>(text: &'t str, c: &[Candidate]) -> Vec<&'t str> {
        let rules = c.iter().filter_map(|x| x.rule).max().map_or(0, |r| r + 1);
        let (_, added) = decide(c, &vec![5.0; c.len()], -1.0, Some(1.0), rules);
        added.iter().map(|&(a, b)| &text[a..b]).collect()
    }

    /// Regression (fourth held-out set, a rose's name in Swedish quotation marks): nothing is added
    /// inside quotation marks, whatever its score.
    #[test]
    fn nothing_is_added_inside_quotation_marks() {
        let text = "Rosen heter ”Dagny Lund” og «Per Vik», sa Ngozi.";
        let c = candidates(text, &[], &[]).list;
        let quoted: Vec<&str> = c
            .iter()
            .filter(|x| x.quoted)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(quoted, ["Dagny", "Lund", "Per", "Vik"]);
        let added = added_at_any_score(text, &c);
        assert_eq!(added, ["Rosen", "Ngozi"]);
    }

    /// Quoted speech is no title: a word inside quotation marks that run on past the line, or that hold
    /// a comma or a sentence's end, may be added; a few words the marks close on stay a title. Invented
    /// sentences.
    #[test]
    fn quoted_speech_is_no_title() {
        for (text, word, want) in [
            ("\"De kan ikke fyre Okonkwo.", "Okonkwo", Quotation::Speech),
            (
                "«Nei, Tamsin, vi venter», sa formannen.",
                "Tamsin",
                Quotation::Speech,
            ),
            (
                "Han svarte: \"Spørg Vuković, han ved det.\"",
                "Vuković",
                Quotation::Speech,
            ),
            (
                "Rosen heter ”Dagny Lund” i katalogen.",
                "Lund",
                Quotation::Short,
            ),
            (
                "Vi leste «Under Hammeren» i fjor.",
                "Hammeren",
                Quotation::Short,
            ),
            ("Han svarte Okonkwo i går.", "Okonkwo", Quotation::Outside),
        ] {
            let at = text.find(word).unwrap_or(0);
            assert_eq!(quotation_around(text, at, at + word.len()), want, "{text}");
        }
        let text = "\"De kan ikke fyre Okonkwo.\" Rosen heter ”Dagny Lund”.";
        let c = candidates(text, &[], &[]).list;
        let added = added_at_any_score(text, &c);
        assert_eq!(added, ["Okonkwo", "Rosen"]);
    }

    /// Regression (names in quoted speech were never added: every word inside quotation marks counted
    /// as a title's): a one-word name from abroad in a quoted sentence is the model's to add.
    #[test]
    fn regression_a_name_in_quoted_speech_read_as_a_title() {
        let text = "Striden fortsætter.\n\"Vi kan ikke vælte Mbekizulu.\n";
        let c = candidates(text, &[], &[]).list;
        let quoted: Vec<&str> = c
            .iter()
            .filter(|x| x.quoted)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert!(quoted.is_empty(), "{quoted:?}");
    }

    /// The candidates of `text` the gate marks as things, and the words added when every one scores high.
    fn things_and_added(text: &str) -> (Vec<&str>, Vec<&str>) {
        let c = candidates(text, &[], &[]).list;
        let things = c
            .iter()
            .filter(|x| x.thing)
            .map(|x| &text[x.start..x.end])
            .collect();
        (things, added_at_any_score(text, &c))
    }

    /// Regression (names model retrained on both halves of NorNE train, an invented minute): the model
    /// added "Knuds" in "Sct. Knuds Park", a place the rules leave on purpose after an abbreviated
    /// saint. Nothing is added in a run of capitals after an abbreviated saint or after a noun that
    /// makes the name a thing, whatever its score.
    #[test]
    fn nothing_is_added_after_a_saint_or_a_noun_that_makes_it_a_thing() {
        let text =
            "Festen holdes i Sct. Knuds Park. Vi sejlede med skibet Dagny Lund, sagde Ngozi.";
        let (things, added) = things_and_added(text);
        assert_eq!(things, ["Knuds", "Park", "Dagny", "Lund"]);
        // "Vi" opens a sentence and is a function word: never added either.
        assert_eq!(added, ["Festen", "Sct", "Ngozi"]);
    }

    /// A run of capitals that ends in an institution's or an event's noun is its name: no word of it is
    /// added ("Obos Eiendomsforvaltning", "Kristi Himmelfartsdag"), a name beside it may be.
    #[test]
    fn nothing_is_added_in_a_name_that_ends_in_an_institution() {
        let text =
            "Kontoret er lukket Kristi Himmelfartsdag. Obos Eiendomsforvaltning svarer Gunnhild.";
        let (things, added) = things_and_added(text);
        assert_eq!(
            things,
            ["Kristi", "Himmelfartsdag", "Obos", "Eiendomsforvaltning"]
        );
        assert!(
            added.contains(&"Gunnhild") && !added.contains(&"Kristi") && !added.contains(&"Obos"),
            "{added:?}"
        );
    }

    /// Regression (generated contexts without a register, `tests/it/forms_unknown.rs`: streets named after
    /// a person and holidays in lower case): the model added the genitive of a street named after a
    /// person ("Jens Baggesens Vej", "Thorvald Meyers gate") and a holiday's first word before its noun in
    /// lower case ("Kristi himmelfartsdag"). No word of them is added; a person's genitive before a
    /// seat or a word of "all" ("Karis plass", "Per alle") and a name beside them still may be.
    /// Invented sentences.
    #[test]
    fn regression_streets_named_after_a_person_and_holidays_in_lower_case_added_by_the_model() {
        let text = "Sykkelveien langs Thorvald Meyers gate stenges. Cykelstien ved Jens Baggesens Vej \
                    lukkes. Kontoret er stengt Kristi himmelfartsdag. Karis plass overtas av Gunnhild. \
                    Takk til Per alle sammen.";
        let (things, added) = things_and_added(text);
        assert_eq!(
            things,
            ["Thorvald", "Meyers", "Jens", "Baggesens", "Vej", "Kristi"]
        );
        for name in ["Karis", "Gunnhild", "Per"] {
            assert!(added.contains(&name), "{name}: {added:?}");
        }
        for street in ["Meyers", "Baggesens", "Kristi"] {
            assert!(!added.contains(&street), "{street}: {added:?}");
        }
    }

    /// Regression (names model retrained with Swedish news, held-out sets 3 to 6 without a register): the
    /// model added a field's label that opens a line or a sentence before a colon ("Justeras: Kent Öberg",
    /// "Nyval: Ida Sundqvist"), a word a short minute never writes in lower case. Nothing is added there,
    /// whatever its score; a name the rules took before a colon is the model's to veto as before, and a
    /// word before a colon inside a sentence is not a label. Invented minutes.
    /// The word opening a pasted e-mail's subject line ("Ämne: Buller från grannen") is a sentence's start:
    /// nothing is added there; a name after another label is the model's as before.
    #[test]
    fn nothing_is_added_at_the_start_of_a_subject_line() {
        assert!(opens_a_subject_line("Fra: Eva\nÄmne: Buller", 16));
        assert!(opens_a_subject_line("Emne: Vask", 6));
        assert!(!opens_a_subject_line("Fra: Eva", 5));
        assert!(!opens_a_subject_line("Ämne:  Buller", 8));
    }

    #[test]
    fn nothing_is_added_in_a_fields_label_before_a_colon() {
        let text = "Justeras: Kent Öberg\nOmval: Sara Lind. Nyval: Ida Berg och Nils Ek.\n\
                    Fremmøtt: Kari Holm\nStyret takker Oduya: han ryddet.";
        let c = candidates(text, &[], &[]).list;
        let labels: Vec<&str> = c
            .iter()
            .filter(|x| x.label)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(labels, ["Justeras", "Omval", "Nyval", "Fremmøtt"]);
        let added = added_at_any_score(text, &c);
        assert!(
            !added.contains(&"Justeras") && !added.contains(&"Nyval"),
            "{added:?}"
        );
        assert!(
            added.contains(&"Öberg") && added.contains(&"Oduya"),
            "{added:?}"
        );
    }

    /// Regression (held-out sets 6 and 7 without a register, Swedish notices): the model, trained on no
    /// Swedish, added a Swedish function word opening a line ("Tack till …", "Vår förening …"). Nothing on
    /// the function-word list is added at a sentence's or a line's start, whatever its score; inside a
    /// sentence a capitalised word is judged as before. Invented notices.
    #[test]
    fn nothing_is_added_in_a_function_word_opening_a_sentence() {
        let text =
            "Tack till alla som kom.\nVår förening fyller tio år. Men Inga Ek var inte där.\n\
                    Vi hälsar Oduya välkommen.";
        let c = candidates(text, &[], &[]).list;
        let fw: Vec<&str> = c
            .iter()
            .filter(|x| x.function_word)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(fw, ["Tack", "Vår", "Men", "Vi"]);
        let added = added_at_any_score(text, &c);
        assert_eq!(added, ["Inga", "Ek", "Oduya"]);
    }

    /// Regression (the class of a cabinet's numeral the Danish-weighted retrain added, "ministeriet
    /// Poul Schlüter IV" in DaN+ dev at +0.24 to +0.59): a roman numeral is never added by the model,
    /// whatever its score; `names::name_joints` joins a generation to a name found.
    #[test]
    fn regression_a_roman_numeral_added_by_the_model_as_a_name() {
        let text =
            "Som mindretalsregering har ministeriet Aksel Frydenlund IV lagt et forslag frem. \
                    Kong Haakon VII og Toyokuni VI var med.";
        let c = candidates(text, &[], &[]).list;
        let added = added_at_any_score(text, &c);
        assert!(
            added.iter().all(|w| !["IV", "VII", "VI"].contains(w)),
            "{added:?}"
        );
        assert!(added.contains(&"Frydenlund") && added.contains(&"Toyokuni"));
    }

    /// The document's language by its function words: the most frequent marker set, at least three, no tie.
    #[test]
    fn the_documents_language_is_read_from_its_function_words() {
        let da = "Et af de store huse. Vi har meget at gøre, og nogle af os kom.";
        let nb = "Mye av det er nytt. Det er ikkje lett av og til.";
        let sv = "Det är inte lätt att bo här och att vänta.";
        assert_eq!(document_language(da), Some(Language::Danish));
        assert_eq!(document_language(nb), Some(Language::Norwegian));
        assert_eq!(document_language(sv), Some(Language::Swedish));
        // Too few markers, or a tie: none.
        assert_eq!(document_language("Kari kom af og til."), None);
        assert_eq!(document_language("af af af av av av"), None);
    }

    /// The version 4 features: the language with the rules' verdict, where the word stands to
    /// quotation marks, and how its run of capitals ends (a club's suffix, a legal form, a firm's word).
    #[test]
    fn language_quotation_and_organisation_runs_are_features() {
        let text =
            "Det er inte lätt att vänta och att se. Viking FK vann. Lind & Fjord AS ritade.\n\
                    Brix A/S och Lind Holding kom. Hon sa «Nej, Oduya kommer inte».";
        let c = candidates(text, &[], &[]);
        let viking = at_word(&c, text, "Viking", 0);
        assert!(
            has(&c, viking, 63, &[3, 0, 1, 0xff]),
            "Swedish, no rule, opening"
        );
        assert!(has(&c, viking, 68, &[1, 0, 0xff]), "a club's suffix");
        let lind = at_word(&c, text, "Lind", 0);
        assert!(
            has(&c, lind, 68, &[2, 0, 0xff]),
            "a legal form after \" & \""
        );
        let brix = at_word(&c, text, "Brix", 0);
        assert!(has(&c, brix, 68, &[2, 0, 0xff]), "A/S");
        let lind2 = at_word(&c, text, "Lind", 1);
        assert!(has(&c, lind2, 68, &[3, 0, 0xff]), "a firm's word");
        let oduya = at_word(&c, text, "Oduya", 0);
        assert!(has(&c, oduya, 67, &[Quotation::Speech as u8, 0, 0xff]));
        assert!(!c.list[oduya].features.iter().any(|f| f.0 == 68));
    }

    /// Regression (the class of the version 4 retrain's wrong findings on held-out set 6: an auditor's
    /// firm "Revisor … fra Beierholm", "Revisor: Beierholm"): a word no rule took after a person's name and
    /// "fra", or right after the label of a role a firm fills, is never added; a name after "fra" with no
    /// person before it ("Forslag fra Gudrun") and after another label ("Formand: Oduya") still is.
    /// Invented firms and people.
    #[test]
    fn regression_a_firm_after_a_persons_name_and_fra_or_a_roles_label() {
        let text = "Revisor Tina Aagesen fra Brøgger var med.\nRevisor: Halvbrink\n\
                    Förvaltare: Nabolund\nForslag fra Gudrun om cykler.\nFormand: Oduya\n";
        let at = |w: &str| text.find(w).unwrap();
        let raw = vec![person(at("Tina"), at("Aagesen") + 7, "a full name")];
        let c = candidates(text, &[], &raw).list;
        let firms: Vec<&str> = c
            .iter()
            .filter(|x| x.firm)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(firms, ["Brøgger", "Halvbrink", "Nabolund"]);
        let added = added_at_any_score(text, &c);
        assert!(
            added.contains(&"Gudrun") && added.contains(&"Oduya"),
            "{added:?}"
        );
        assert!(
            !added
                .iter()
                .any(|w| ["Brøgger", "Halvbrink", "Nabolund"].contains(w)),
            "{added:?}"
        );
    }

    /// Regression (the class of the version 4 retrain's wrong finding on held-out set 4, "Felanmälan görs
    /// till …"): in a Swedish text a word on no name list that opens a sentence before a verb in lower case,
    /// and is never capitalised inside a sentence, is never added; a name inside a sentence, a listed
    /// name opening one and the same word in a Danish text still are. Invented notices.
    #[test]
    fn regression_a_swedish_noun_opening_a_sentence_before_a_verb() {
        let text = "Det är inte lätt att bo här och att vänta.\nFelanmälan görs till förvaltaren. \
                    Sophämtningen sker på tisdag. Lindqvist säger att Oduya kommer.";
        let c = candidates(text, &[], &[]).list;
        let nouns: Vec<&str> = c
            .iter()
            .filter(|x| x.swedish_noun)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(nouns, ["Felanmälan", "Sophämtningen"]);
        let added = added_at_any_score(text, &c);
        assert!(
            added.contains(&"Lindqvist") && added.contains(&"Oduya"),
            "{added:?}"
        );
        let da = "Et af de store huse, meget af det og nogle af os.\nFelanmälan görs til os.";
        let c = candidates(da, &[], &[]).list;
        assert!(c.iter().all(|x| !x.swedish_noun));
        assert!(swedish_verb("görs") && swedish_verb("ska") && !swedish_verb("till"));
    }

    /// Regression (the class of the version 4 retrain's lost name on held-out set 4, "Vaktmester RUNE
    /// KARLSEN" kept only "RUNE"): a surname in capitals right after a first name in capitals joins it
    /// whatever the model's score; a word in capitals that is no surname does not, nor a surname in
    /// capitals after a word that is no first name. Invented people.
    #[test]
    fn regression_a_surname_in_capitals_after_a_first_name_in_capitals_cut_off() {
        let text =
            "Vaktmester RUNE KARLSEN\nKontakt EVA BRØNDSTED-HANSEN eller ASTRID LINDQVIST.\n\
                    Ring RUNE STYRET i dag. TIRSDAG KARLSEN kom.";
        let at = |w: &str| text.find(w).unwrap();
        let mut raw = vec![
            person(at("RUNE"), at("RUNE") + 4, "a first name"),
            person(at("ASTRID"), at("ASTRID") + 6, "a first name"),
            person(at("RUNE STYRET"), at("RUNE STYRET") + 4, "a first name"),
        ];
        let c = candidates(text, &[], &raw);
        let logits = vec![-4.0; c.list.len()];
        join_name_parts(text, &c.list, &logits, 0.5, &mut raw);
        let got: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(got, ["RUNE KARLSEN", "ASTRID LINDQVIST", "RUNE"]);
        assert!(surname_in_capitals("KARLSEN") && surname_in_capitals("ERIKSSON"));
        assert!(!surname_in_capitals("Karlsen") && !surname_in_capitals("STYRET"));
    }

    /// Regression (the class of the version 4 retrain's wrong finding on held-out set 6, a town after a
    /// public body in the definite form, "Räddningstjänsten Storgöteborg"): no word of a run opened by a
    /// public body's or an institution's noun in the definite form is added; a person after a role in the
    /// definite form still can be. Invented places and people.
    #[test]
    fn regression_a_place_after_a_public_body_in_the_definite_form() {
        let text = "Räddningstjänsten Västerbygd har varit här. Skatteverket Norrmark svarade. \
                    Brannvesenet Indre Strand kom. Kassören Oduya Ek kom. Vi delar tvättstuga med \
                    HSB Brf Ekbacken och Borettslaget Lyngåsen.";
        let c = candidates(text, &[], &[]).list;
        let things: Vec<&str> = c
            .iter()
            .filter(|x| x.thing)
            .map(|x| &text[x.start..x.end])
            .collect();
        assert_eq!(
            things,
            [
                "Västerbygd",
                "Norrmark",
                "Indre",
                "Strand",
                "Brf",
                "Ekbacken",
                "Lyngåsen"
            ]
        );
        let added = added_at_any_score(text, &c);
        assert!(
            added.contains(&"Oduya") && added.contains(&"Ek"),
            "{added:?}"
        );
        assert!(public_body("räddningstjänsten") && public_body("kommunen"));
        assert!(!public_body("kassören") && !public_body("hansen"));
        // The rules' one-word name after such a noun goes whatever the model says; a name after a role
        // stays.
        let at = |w: &str| text.find(w).unwrap();
        let raw = [
            person(at("Västerbygd"), at("Västerbygd") + "Västerbygd".len(), "x"),
            person(at("Oduya"), at("Oduya") + 5, "x"),
        ];
        assert!(no_name_whatever_the_model(text, &raw[0]));
        assert!(!no_name_whatever_the_model(text, &raw[1]));
    }

    /// Regression (the class of `regression_a_numeral_opening_a_sentence_without_a_register` with the
    /// version 4 retrain, whose veto −4 kept the rules' "Tusen" of "Tusen takk!", a surname too, at −3.4):
    /// a word on the function-word list that the rules took alone at a sentence's start goes whatever the
    /// model says; the same word inside a name, or a name that is no function word, stays.
    #[test]
    fn regression_a_function_word_the_rules_took_alone_at_a_sentences_start() {
        let text = "Kari Holm spilte. Tusen takk! Holm kom. Per Tusen kom også.";
        let at = |w: &str| text.find(w).unwrap();
        let tusen = person(at("Tusen"), at("Tusen") + 5, "a surname");
        let holm = person(at("Holm kom"), at("Holm kom") + 4, "a surname");
        let per = person(at("Per"), at("Per") + 9, "a full name");
        assert!(no_name_whatever_the_model(text, &tusen));
        assert!(!no_name_whatever_the_model(text, &holm));
        assert!(!no_name_whatever_the_model(text, &per));
        let mut raw = vec![tusen, holm, per];
        let model = Model::parse(&Model::write(10.0, -100.0, 100.0, &[])).unwrap();
        rescore(&model, text, &[], &mut raw);
        let got: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(got, ["Holm", "Per Tusen"]);
    }

    /// Regression (development batches 4, 6 and 24 without a register, wrong findings of the version 4
    /// retrain): a Swedish noun opening an agenda's item ("1. Stämmans öppnande"), a month in capitals
    /// beside a year ("NYHEDSBREV · JUNI 2026") and a compound of a noun the document writes in lower case,
    /// in the definite form, opening a sentence ("Dugnad: Vårdugnaden samlet …") were added. None is now;
    /// a name opening a sentence ("Oduya kom", "Dugnadsen …" with no such noun) still can be. Invented
    /// notices.
    #[test]
    fn regression_an_agenda_noun_a_month_and_a_compound_added_as_names() {
        let text = "Det är inte lätt att bo här och att vänta.\n1. Stämmans öppnande\n\
                    NYHEDSBREV · JUNI 2026 · 14. Juni\n";
        let c = candidates(text, &[], &[]).list;
        let added = added_at_any_score(text, &c);
        assert!(
            !added
                .iter()
                .any(|w| ["Stämmans", "JUNI", "Juni"].contains(w)),
            "{added:?}"
        );
        assert!(swedish_noun_ending("stämmans") && swedish_noun_ending("felanmälan"));
        let label = "Styret møttes.\nDugnad: Vårdugnaden samlet 40 beboere.";
        let at = label.find("Vårdugnaden").unwrap();
        assert!(compound_of_a_documents_noun(
            label,
            at,
            at + "Vårdugnaden".len(),
            &DocumentNouns::of(label)
        ));
        let text =
            "Vi holder dugnad i mai.\nDugnad: Vårdugnaden samlet 40. Oduya kom. Bergmoen kom.";
        let at = |w: &str| (text.find(w).unwrap(), text.find(w).unwrap() + w.len());
        let nouns = DocumentNouns::of(text);
        let (a, b) = at("Vårdugnaden");
        assert!(compound_of_a_documents_noun(text, a, b, &nouns));
        let (a, b) = at("Oduya");
        assert!(!compound_of_a_documents_noun(text, a, b, &nouns));
        let (a, b) = at("Bergmoen");
        assert!(!compound_of_a_documents_noun(text, a, b, &nouns));
        let mut raw = Vec::new();
        let model = Model::parse(&Model::write(10.0, -100.0, 0.0, &[])).unwrap();
        rescore(&model, text, &[], &mut raw);
        let got: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        assert!(
            !got.contains(&"Vårdugnaden") && got.contains(&"Oduya"),
            "{got:?}"
        );
    }

    #[test]
    fn a_first_name_before_a_result_and_a_score_is_a_team() {
        assert_eq!(
            teams_in_match_reports(
                "Odd vant 3-0 over Lyn i går. Viking tapte 1–2 borte. Start slo dem 4 - 1."
            ),
            ["Odd", "Viking"]
        );
        // No score in the sentence, or the score after the sentence's end: no team.
        assert!(teams_in_match_reports("Kari vant prisen i fjor. 2-1 ble resultatet.").is_empty());
        assert!(teams_in_match_reports("Kari vant lotteriet, sa Per.").is_empty());
        // A surname no first-name list holds is not read as a team here (a player's).
        assert!(teams_in_match_reports("Brekkvik vant 6-3 i finalen.").is_empty());
    }

    /// Regression (the class the veto −4 of a retrain left to the rules): a club named like a first
    /// name in a match report is no person wherever it stands, whatever the model says; a player named
    /// in full with the same word stays a person, and a first name without a score stays one.
    #[test]
    fn regression_a_club_named_like_a_first_name_in_a_match_report() {
        let text =
            "Odd vant 3-0 over Lyn i går. Odd har nå vunnet fem kamper.\nTreneren roste Odd.\n";
        let odds = |text: &str| -> Vec<Raw> {
            text.match_indices("Odd")
                .map(|(a, _)| person(a, a + 3, "a first name"))
                .collect()
        };
        let mut raw = odds(text);
        assert_eq!(raw.len(), 3);
        let model = Model::parse(&Model::write(10.0, -100.0, 100.0, &[])).unwrap();
        rescore(&model, text, &[], &mut raw);
        assert!(raw.is_empty(), "{raw:?}");
        let text = "Odd Brekkvik er i form. Odd vant 6-3 i finalen.\n";
        let lone = text.rfind("Odd").unwrap();
        let mut raw = vec![
            person(0, 12, "a full name"),
            person(lone, lone + 3, "a first name"),
        ];
        rescore(&model, text, &[], &mut raw);
        assert_eq!(raw.len(), 2, "{raw:?}");
        let text = "Odd vant prisen i fjor. Odd var glad.\n";
        let mut raw = odds(text);
        rescore(&model, text, &[], &mut raw);
        assert_eq!(raw.len(), 2, "{raw:?}");
    }

    #[test]
    fn rescore_merges_added_words_into_the_rules_name() {
        let text = "Ola Nordmann";
        let mut raw = vec![person(0, 3, "a first name")];
        let model = Model::parse(&Model::write(10.0, -100.0, 0.0, &[])).unwrap();
        rescore(&model, text, &[], &mut raw);
        assert_eq!(raw.len(), 1);
        assert_eq!((raw[0].start, raw[0].end), (0, text.len()));
    }

    fn persons(text: &str) -> Vec<String> {
        Detector::new(None)
            .detect(text)
            .into_iter()
            .filter(|f| f.kind == Kind::Person)
            .map(|f| f.text)
            .collect()
    }

    /// DaN+ dev's "larmede i Mewas ører" (the model −1.7, no rule): a name no list knows, in the genitive
    /// before a noun of kin, the body or a life, was left in. Invented sentences in Danish and
    /// Norwegian; a possessive, God and a place before such a noun stay.
    #[test]
    fn regression_a_name_in_the_genitive_before_kin_or_the_body() {
        let da =
            "Der var stille i stuen. Kun uret larmede i Quorvas ører, mens Lars Zelkins datter \
                  sov.\n\nHans mor og Guds søn blev nævnt, og Danmarks venner sang.\n";
        assert_eq!(persons(da), ["Quorvas", "Lars Zelkins"]);
        let nb = "Hun satt lenge og så inn i Vindrells øyne uten å si noe.\n\nPlutselig hørte han \
                  Osmundrups mor rope fra kjøkkenet.\n";
        assert_eq!(persons(nb), ["Vindrells", "Osmundrups"]);
    }

    /// The genitive's owner with an apostrophe ("Aikin's", a cross-validated miss of DaN+ train), or before
    /// an adjective in the form a genitive takes ("Gaarders yngste sønn", NorNE; "-e") and then the noun
    /// of kin or the body: left in by the rule above and by the model alike.
    #[test]
    fn regression_a_genitive_with_an_apostrophe_or_an_adjective_before_kin() {
        let text =
            "Da lyste Quorva's øjne af forventning.\n\nHan kjente bare Osmundrups eldste datter \
                    fra før.\n\nVi mødte Vindrells gamle mor i går.\n";
        assert_eq!(persons(text), ["Quorva's", "Osmundrups", "Vindrells"]);
    }

    /// The class the model was added for (an invented story): a club written where a person could
    /// stand ("Viking vant", "Tromsø møter Viking") is no person, while the one-word foreign name in
    /// the same sentences ("av Oduya", "sier Oduya") stays one. The rules alone took the club too.
    #[test]
    fn regression_a_club_used_like_a_person_and_a_one_word_foreign_name() {
        let story = "Kampen i går\n\nViking tok imot Tromsø på hjemmebane. Viking vant 2-1 etter \
                     scoring av Oduya i andre omgang.\nOduya har spilt i klubben i tre sesonger. \
                     Treneren var fornøyd med innsatsen.\n- Vi spilte godt, sier Oduya etter \
                     kampen.\nTromsø møter Viking igjen i april.\n";
        let found = persons(story);
        assert_eq!(found, ["Oduya", "Oduya", "Oduya"], "{found:?}");
        let found = persons("Flyet fra Trondheim landet sent. Trondheim har fått ny flyplass.");
        assert!(found.is_empty(), "{found:?}");
    }

    /// Regression (the class that made the thresholds be chosen by F2 with no name lost in any fifth): a
    /// one-word name kept in a person's company through an essay ("hos Kleanthes", "Kleanthes seier",
    /// "Kleanthes (330 - 230)", a genitive) was vetoed at every occurrence once a veto was chosen for the
    /// training files' sake. An invented essay.
    #[test]
    fn regression_a_one_word_name_in_a_persons_company_through_an_essay() {
        let essay =
            "Stoikarane og oss\n\nKleanthes (330 - 230) var elev av Zenon. Det viktigaste hos \
                     Kleanthes er hymnen til Zevs.\nKleanthes seier at ein skal leve i samsvar med \
                     naturen.\nMange har lese Kleanthes sin hymne.\n- Eg har lært mykje av \
                     Kleanthes, seier studenten.\nKleanthes' tankar lever vidare i dag.\n";
        let found = persons(essay);
        let kleanthes = found.iter().filter(|f| f.contains("Kleanthes")).count();
        assert_eq!(kleanthes, 6, "{found:?}");
    }

    /// Regression (class: precision without a register — the model added the town after an address's
    /// postcode, "<street> 40, 1481 <Town>", and the every-occurrence rule the surname of a firm before "&
    /// Co." after a person of that surname, "Revisor <First> <Surname>, <Surname> & Co. Revisjon AS"; and an
    /// adverb opening an inverted sentence, "Vidare greidde leiaren ut om …", was read as its speaker).
    /// Invented minutes; the person named in full stays found.
    #[test]
    fn regression_a_town_after_its_postcode_a_firms_partner_and_an_opening_adverb_are_no_names() {
        let text = "Møtet ble holdt torsdag 5. juni 2025 i kantina på Lindås skole, Granveien 40, 1481 \
                    Hagan.\n35 av 64 andelseiere var representert.\n\
                    Revisor Kåre Lindtner, Lindtner & Co. Revisjon AS, hadde ingen merknader. Lindtner & Co. \
                    ble gjenvalgt.\nVidare greidde leiaren ut om taket.\n";
        let p: Vec<String> = crate::redact::detect(text, None)
            .into_iter()
            .filter(|f| f.kind == Kind::Person && f.decision == Decision::Redact)
            .map(|f| f.text)
            .collect();
        assert_eq!(p, ["Kåre Lindtner"]);
    }
}
