//! .docx → .docx: the board's Word file redacted in place.
//!
//! A .docx is a zip of XML parts. The text detection runs on is built from the *stories* (the body,
//! then headers, footers, footnotes and endnotes) and, after them, the hidden places a reader or a
//! tool can still see: field instructions that carry an argument (`HYPERLINK "mailto:…"`), alt text
//! and titles of drawings, tooltips, table captions and the external targets of links (`*.rels`).
//! The body comes first and is laid out as the minutes import always did (paragraphs as lines, a
//! table row as one line of cells joined by " | "), so review decisions stored before keep their
//! offsets. Every character of that text remembers which text node (a `<w:t>`, an `<w:instrText>`,
//! an attribute value) and which byte of it it came from; a span of the text maps back to a piece of
//! one or more nodes. The first node gets the replacement word in its own run's formatting, the
//! others lose their share, so a name split over runs with different formatting goes as one.
//!
//! The same walker reads a story for the text and rewrites it for the output, so both number the
//! nodes alike. While rewriting it also accepts tracked changes (deleted and moved-away text dropped,
//! insertions kept, every revision mark and its author gone), removes comment anchors, drops the
//! `mc:Fallback` copies of drawings (a second, older copy of the same text) and, when asked, every
//! picture. Comments, people, the thumbnail and custom properties are removed as parts; core and
//! app properties are emptied; the settings lose the attached template, document variables, mail
//! merge sources and revision tracking. Styles, numbering, tables and page set-up are copied as
//! they are; untouched parts are copied compressed, byte for byte.
//!
//! Bounds: at most [`MAX_PARTS`] entries, [`MAX_PART`] inflated bytes per XML part read and
//! [`MAX_TOTAL`] in all (a zip bomb stops with [`Error::TooLarge`], never a silent cut); a DOCTYPE
//! (the door to entity expansion, which Word never writes) is refused; quick-xml expands no entities.

use std::collections::{HashMap, HashSet, VecDeque};
use std::io::{Cursor, Read, Write};

use quick_xml::events::{BytesStart, BytesText, Event};
use quick_xml::{Reader, Writer};
use unicode_normalization::UnicodeNormalization;

use super::{Cleaned, Options, Redacted, Span};

/// The most entries a .docx may hold.
pub const MAX_PARTS: usize = 10_000;
/// The most one XML part may inflate to.
pub const MAX_PART: u64 = 64 << 20;
/// The most all XML parts read together may inflate to.
pub const MAX_TOTAL: u64 = 256 << 20;
/// The most text (UTF-8 bytes in the stories' text) a .docx may hold for [`extract`]: some
/// thousands of pages. Reading keeps each character's place in the file (tens of bytes a
/// character: 63 MiB of text took 2.8 GB), so a longer text is refused before it is read (issue 12).
pub const MAX_TEXT: u64 = 4 << 20;

/// The bytes of text in an XML part, counted without building anything.
fn text_len(name: &str, xml: &[u8]) -> Result<u64, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut total = 0u64;
    loop {
        match reader.read_event() {
            Ok(Event::Text(t)) => total += t.len() as u64,
            Ok(Event::CData(t)) => total += t.len() as u64,
            Ok(Event::Eof) => return Ok(total),
            Ok(_) => {}
            Err(e) => return Err(xml_error(name, e)),
        }
    }
}

/// Why a .docx could not be read or published in its own format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file is protected by a password (Word then writes an encrypted container, not a zip).
    #[error("This .docx file is protected by a password. Remove the password in Word (File → Info → Protect Document), save it and try again, or export it as text instead.")]
    Protected,
    /// The file is not a readable .docx.
    #[error("This .docx file is damaged or not a Word document ({0}). Open it in the word processor and save it again as .docx, or export it as text instead.")]
    Damaged(#[source] Damage),
    /// A part inflates beyond the limits (a zip bomb, or an unusually huge document).
    #[error("This .docx file is too large to handle safely ({0}). Save a smaller copy, or export it as text instead.")]
    TooLarge(String),
    /// Embedded files (spreadsheets, other documents) cannot be checked for personal data.
    #[error("This .docx holds {0} embedded file(s) (such as a spreadsheet) that Andel cannot check for personal data. In Word, paste their content as a table or a picture and save again, or export as text instead.")]
    Embedded(usize),
}

/// What is wrong inside a .docx that cannot be read: kept as the reader's own error, so a caller
/// (or a test) can tell a broken zip from hostile XML without parsing a message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Damage {
    /// The file is not a zip archive at all.
    #[error("not a zip file: {0}")]
    NotZip(#[source] zip::result::ZipError),
    /// A zip without the main document part.
    #[error("it has no word/document.xml; is it a Word document?")]
    NoDocument,
    /// A part could not be inflated or read.
    #[error("{part} cannot be read: {source}")]
    Unreadable {
        part: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A part's XML does not parse (or its text is not valid UTF-8).
    #[error("the XML of {part} is broken: {source}")]
    Xml {
        part: String,
        #[source]
        source: Box<dyn std::error::Error + Send + Sync>,
    },
    /// A part declares a DOCTYPE: the door to entity expansion, refused before anything is read.
    #[error("the XML of {part} declares a DOCTYPE, which Word never writes")]
    DocType { part: String },
    /// A part ends before its elements are closed.
    #[error("the XML of {part} ends before its elements are closed")]
    Unclosed { part: String },
    /// The published copy could not be written.
    #[error("writing the new file: {0}")]
    Writing(#[source] Box<dyn std::error::Error + Send + Sync>),
}

fn unreadable(part: &str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Damaged(Damage::Unreadable {
        part: part.to_string(),
        source: Box::new(e),
    })
}

fn writing(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Damaged(Damage::Writing(Box::new(e)))
}

// ---------------------------------------------------------------------------------------------
// Reading the package

/// The zip, with the limits checked before anything is inflated.
struct Package {
    zip: zip::ZipArchive<Cursor<Vec<u8>>>,
    names: Vec<String>,
    read_so_far: u64,
}

impl Package {
    fn open(bytes: &[u8]) -> Result<Package, Error> {
        // Word's password protection writes an OLE compound file around an encrypted package.
        if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
            return Err(Error::Protected);
        }
        let zip = zip::ZipArchive::new(Cursor::new(bytes.to_vec()))
            .map_err(|e| Error::Damaged(Damage::NotZip(e)))?;
        if zip.len() > MAX_PARTS {
            return Err(Error::TooLarge(format!(
                "{} parts, the limit is {MAX_PARTS}",
                zip.len()
            )));
        }
        let names = zip.file_names().map(str::to_string).collect();
        Ok(Package {
            zip,
            names,
            read_so_far: 0,
        })
    }

    fn has(&self, name: &str) -> bool {
        self.names.iter().any(|n| n == name)
    }

    /// One part, inflated within the limits.
    fn read(&mut self, name: &str) -> Result<Vec<u8>, Error> {
        let file = self.zip.by_name(name).map_err(|e| unreadable(name, e))?;
        if file.encrypted() {
            return Err(Error::Protected);
        }
        let mut out = Vec::new();
        file.take(MAX_PART + 1)
            .read_to_end(&mut out)
            .map_err(|e| unreadable(name, e))?;
        if out.len() as u64 > MAX_PART {
            return Err(Error::TooLarge(format!(
                "{name} inflates to more than {} MiB",
                MAX_PART >> 20
            )));
        }
        self.read_so_far += out.len() as u64;
        if self.read_so_far > MAX_TOTAL {
            return Err(Error::TooLarge(format!(
                "its parts inflate to more than {} MiB",
                MAX_TOTAL >> 20
            )));
        }
        Ok(out)
    }

    /// The stories in text order: the body, headers, footers, footnotes, endnotes.
    fn stories(&self) -> Result<Vec<String>, Error> {
        if !self.has("word/document.xml") {
            return Err(Error::Damaged(Damage::NoDocument));
        }
        let numbered = |prefix: &str| {
            let mut v: Vec<(u64, String)> = self
                .names
                .iter()
                .filter_map(|n| {
                    let num = n.strip_prefix(prefix)?.strip_suffix(".xml")?;
                    let k = if num.is_empty() { 0 } else { num.parse().ok()? };
                    Some((k, n.clone()))
                })
                .collect();
            v.sort();
            v.into_iter().map(|(_, n)| n)
        };
        let mut out = vec!["word/document.xml".to_string()];
        out.extend(numbered("word/header"));
        out.extend(numbered("word/footer"));
        for n in ["word/footnotes.xml", "word/endnotes.xml"] {
            if self.has(n) {
                out.push(n.to_string());
            }
        }
        Ok(out)
    }
}

/// The relationships part of a part: `word/document.xml` → `word/_rels/document.xml.rels`.
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// The part a relationship in `rels` points to (internal targets only).
fn resolve(rels: &str, target: &str) -> String {
    if let Some(abs) = target.strip_prefix('/') {
        return abs.to_string();
    }
    // `word/_rels/document.xml.rels` → base folder `word`; `_rels/.rels` → the root.
    let base = rels
        .rsplit_once("_rels/")
        .map(|(dir, _)| dir.trim_end_matches('/'))
        .unwrap_or("");
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

fn is_image(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    lower.starts_with("word/media/")
        && [
            ".png", ".jpg", ".jpeg", ".gif", ".bmp", ".tif", ".tiff", ".emf", ".wmf", ".svg",
            ".webp", ".jfif",
        ]
        .iter()
        .any(|e| lower.ends_with(e))
}

// ---------------------------------------------------------------------------------------------
// Text with a map back to its nodes

/// Where a character came from: node `node` (numbered over all parts) and its byte in the node's
/// decoded value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Origin {
    node: u32,
    byte: u32,
}

/// Characters with their origins; `None` for what the layout adds (line breaks, " | ", tabs).
#[derive(Debug, Clone, Default)]
struct Mapped {
    chars: Vec<(char, Option<Origin>)>,
}

impl Mapped {
    fn push(&mut self, c: char, o: Option<Origin>) {
        self.chars.push((c, o));
    }

    fn push_str(&mut self, s: &str) {
        self.chars.extend(s.chars().map(|c| (c, None)));
    }

    fn push_node(&mut self, value: &str, node: u32) {
        for (i, c) in value.char_indices() {
            self.chars.push((
                c,
                Some(Origin {
                    node,
                    byte: i as u32,
                }),
            ));
        }
    }

    fn append(&mut self, other: &Mapped) {
        self.chars.extend_from_slice(&other.chars);
    }

    fn is_empty(&self) -> bool {
        self.chars.is_empty()
    }

    fn is_blank(&self) -> bool {
        self.chars.iter().all(|(c, _)| c.is_whitespace())
    }

    fn trim_end(mut self) -> Mapped {
        while self.chars.last().is_some_and(|(c, _)| c.is_whitespace()) {
            self.chars.pop();
        }
        self
    }

    fn trim(self) -> Mapped {
        let mut m = self.trim_end();
        let lead = m
            .chars
            .iter()
            .take_while(|(c, _)| c.is_whitespace())
            .count();
        m.chars.drain(..lead);
        m
    }

    fn string(&self) -> String {
        self.chars.iter().map(|(c, _)| c).collect()
    }

    fn with_node_base(mut self, base: u32) -> Mapped {
        for (_, o) in &mut self.chars {
            if let Some(o) = o {
                o.node += base;
            }
        }
        self
    }
}

/// Whether the soft hyphen at `src[i]` stands for a hyphen: a capital after it, and before it a small
/// letter or a capital standing alone.
fn soft_hyphen_is_hyphen<T>(src: &[(char, T)], i: usize) -> bool {
    let at = |j: Option<usize>| j.and_then(|j| src.get(j)).map(|(c, _)| *c);
    let (b1, b2) = (at(i.checked_sub(1)), at(i.checked_sub(2)));
    at(Some(i + 1)).is_some_and(char::is_uppercase)
        && (b1.is_some_and(char::is_lowercase)
            || (b1.is_some_and(char::is_uppercase) && !b2.is_some_and(char::is_alphabetic)))
}

/// Lays text out exactly as `minutes::extract` always did (NFC, `\n` line ends, no trailing spaces,
/// at most one blank line, invisible characters dropped, no-break spaces plain) and keeps, for
/// every character of the result, the range of `raw` it came from (`(u32::MAX, 0)` for a line break
/// the layout made).
fn tidy(raw: &Mapped) -> (String, Vec<(u32, u32)>) {
    // 1–4: line ends, invisible characters, spaces; each character keeps its raw index.
    let src = &raw.chars;
    let mut step: Vec<(char, u32)> = Vec::with_capacity(src.len());
    for (i, &(c, _)) in src.iter().enumerate() {
        let c = match c {
            '\r' if src.get(i + 1).is_some_and(|(n, _)| *n == '\n') => continue,
            // Before a capital, after a small letter or an initial standing alone ("K\u{ad}E"):
            // see `minutes::extract::tidy`.
            '\u{ad}' if soft_hyphen_is_hyphen(src, i) => '-',
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' => '\n',
            '\u{0}' | '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {
                continue
            }
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' => ' ',
            c => c,
        };
        step.push((c, i as u32));
    }
    // 5: NFC, cluster by cluster: a cluster is a starter with the marks after it (and a following
    // starter that composes with it, as Hangul jamo do); every character of a cluster's
    // normal form maps to the whole cluster.
    let mut nfc: Vec<(char, (u32, u32))> = Vec::with_capacity(step.len());
    let mut cluster = String::new();
    let mut range = (0u32, 0u32);
    let flush = |cluster: &mut String, range: (u32, u32), nfc: &mut Vec<(char, (u32, u32))>| {
        for c in cluster.nfc() {
            nfc.push((c, range));
        }
        cluster.clear();
    };
    for &(c, i) in &step {
        let starter = unicode_normalization::char::canonical_combining_class(c) == 0;
        let composes = cluster.chars().next_back().is_some_and(|last| {
            let mut pair = String::new();
            pair.push(last);
            pair.push(c);
            pair.nfc().count() < 2
        });
        if !cluster.is_empty() && starter && !composes {
            flush(&mut cluster, range, &mut nfc);
        }
        if cluster.is_empty() {
            range = (i, i + 1);
        }
        cluster.push(c);
        range.1 = i + 1;
    }
    if !cluster.is_empty() {
        flush(&mut cluster, range, &mut nfc);
    }
    // 6: lines without trailing spaces, at most one blank line between them.
    let none = (u32::MAX, 0u32);
    let mut text = String::with_capacity(nfc.len());
    let mut map: Vec<(u32, u32)> = Vec::with_capacity(nfc.len());
    let mut blank = 0;
    for line in nfc.split(|(c, _)| *c == '\n') {
        let end = line
            .iter()
            .rposition(|(c, _)| !c.is_whitespace())
            .map_or(0, |p| p + 1);
        let line = &line[..end];
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            let sep = if blank > 0 { "\n\n" } else { "\n" };
            for c in sep.chars() {
                text.push(c);
                map.push(none);
            }
        }
        blank = 0;
        for &(c, r) in line {
            text.push(c);
            map.push(r);
        }
    }
    text.push('\n');
    map.push(none);
    (text, map)
}

/// The text of a .docx with the map from each of its characters back to a text node.
#[derive(Debug, Clone)]
pub struct DocxText {
    /// What detection runs on and the minutes import stores.
    pub text: String,
    /// For every character of `text`, the range of `raw` it came from.
    map: Vec<(u32, u32)>,
    /// The characters before layout, with their origins.
    raw: Mapped,
    /// Parts with nodes, and the number of their first node.
    parts: Vec<(String, u32)>,
}

/// One change to a node's value: its bytes `range` replaced by `with` (nothing for the later pieces
/// of a span that began in an earlier node).
#[derive(Debug, Clone)]
struct Edit {
    range: std::ops::Range<usize>,
    with: String,
}

impl DocxText {
    /// The edits of `spans` per part (by name) and node (numbered within its part).
    fn edits(&self, spans: &[Span]) -> HashMap<String, HashMap<u32, Vec<Edit>>> {
        let starts: Vec<usize> = self.text.char_indices().map(|(i, _)| i).collect();
        let char_at = |b: usize| starts.partition_point(|&s| s < b);
        let mut out: HashMap<String, HashMap<u32, Vec<Edit>>> = HashMap::new();
        for span in spans {
            let (cs, ce) = (char_at(span.range.start), char_at(span.range.end));
            let (mut lo, mut hi) = (u32::MAX, 0u32);
            for &(a, b) in self.map.get(cs..ce).unwrap_or(&[]) {
                lo = lo.min(a);
                hi = hi.max(b);
            }
            if lo >= hi {
                continue;
            }
            // The covered piece of each node, in text order.
            let mut pieces: Vec<(u32, usize, usize)> = Vec::new();
            for &(c, o) in self.raw.chars.get(lo as usize..hi as usize).unwrap_or(&[]) {
                let Some(o) = o else { continue };
                let (b, e) = (o.byte as usize, o.byte as usize + c.len_utf8());
                match pieces.iter_mut().find(|p| p.0 == o.node) {
                    Some(p) => {
                        p.1 = p.1.min(b);
                        p.2 = p.2.max(e);
                    }
                    None => pieces.push((o.node, b, e)),
                }
            }
            for (i, (node, b, e)) in pieces.into_iter().enumerate() {
                let part = self
                    .parts
                    .partition_point(|p| p.1 <= node)
                    .saturating_sub(1);
                let Some((name, base)) = self.parts.get(part) else {
                    continue;
                };
                out.entry(name.clone())
                    .or_default()
                    .entry(node - base)
                    .or_default()
                    .push(Edit {
                        range: b..e,
                        with: if i == 0 {
                            span.replacement.clone()
                        } else {
                            String::new()
                        },
                    });
            }
        }
        out
    }
}

/// `value` with `edits` applied (overlaps clipped, in byte order).
fn edited(value: &str, edits: &[Edit]) -> String {
    let mut edits: Vec<&Edit> = edits.iter().collect();
    edits.sort_by_key(|e| e.range.start);
    let mut out = String::with_capacity(value.len());
    let mut last = 0usize;
    for e in edits {
        let start = e.range.start.max(last).min(value.len());
        let end = e.range.end.max(start).min(value.len());
        out.push_str(value.get(last..start).unwrap_or(""));
        if end > start || !e.with.is_empty() {
            out.push_str(&e.with);
        }
        last = end;
    }
    out.push_str(value.get(last..).unwrap_or(""));
    out
}

// ---------------------------------------------------------------------------------------------
// The story walker

/// Elements dropped with everything inside them: deleted and moved-away text, revision records of
/// formatting, comment anchors, the older duplicate of a drawing.
const DROP: &[&[u8]] = &[
    b"del",
    b"moveFrom",
    b"delText",
    b"delInstrText",
    b"Fallback",
    b"rPrChange",
    b"pPrChange",
    b"sectPrChange",
    b"tblPrChange",
    b"tblPrExChange",
    b"trPrChange",
    b"tcPrChange",
    b"tblGridChange",
    b"numberingChange",
    b"cellIns",
    b"cellDel",
    b"cellMerge",
    b"commentReference",
    b"commentRangeStart",
    b"commentRangeEnd",
    b"moveFromRangeStart",
    b"moveFromRangeEnd",
    b"moveToRangeStart",
    b"moveToRangeEnd",
    b"customXmlInsRangeStart",
    b"customXmlInsRangeEnd",
    b"customXmlDelRangeStart",
    b"customXmlDelRangeEnd",
    b"customXmlMoveFromRangeStart",
    b"customXmlMoveFromRangeEnd",
    b"customXmlMoveToRangeStart",
    b"customXmlMoveToRangeEnd",
];

/// Inserted and moved-here text: the marks go, the content stays.
const UNWRAP: &[&[u8]] = &[b"ins", b"moveTo"];

/// Which of the above count as one accepted tracked change.
fn is_revision(name: &[u8]) -> bool {
    matches!(
        name,
        b"ins" | b"del" | b"moveFrom" | b"moveTo" | b"cellIns" | b"cellDel" | b"cellMerge"
    ) || name.ends_with(b"Change")
}

/// Attributes whose values a reader sees (alt text, titles, tooltips, captions, simple fields'
/// instructions), by element and attribute local name.
fn shown_attribute(element: &[u8], attr: &[u8]) -> bool {
    matches!(
        (element, attr),
        (b"docPr" | b"cNvPr", b"descr" | b"title")
            | (b"hyperlink", b"tooltip")
            | (b"imagedata", b"title")
            | (_, b"alt")
            | (b"tblCaption" | b"tblDescription", b"val")
            | (b"fldSimple", b"instr")
    )
}

/// A field instruction goes into the text only when it carries an argument that may name someone:
/// an e-mail address or a quoted argument with letters (`HYPERLINK "mailto:…"`, `AUTHOR "…"`), not
/// `PAGE` or `NUMPAGES`. The re-scan reads every instruction of the output anyway.
fn instruction_worth_reading(text: &str) -> bool {
    text.contains('@')
        || text
            .split('"')
            .skip(1)
            .step_by(2)
            .any(|q| q.chars().any(char::is_alphabetic))
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    /// The text for detection (instructions filtered as above).
    Extract,
    /// Everything shown, for the re-scan (every instruction, drawings' names).
    Visible,
    Rewrite,
}

/// A story read or rewritten.
#[derive(Default)]
struct Story {
    visible: Mapped,
    hidden: Vec<Mapped>,
    nodes: u32,
    xml: Vec<u8>,
    changes: u32,
    comments: u32,
}

enum Frame {
    Emit,
    Unwrap,
    Suppress,
}

fn xml_error(part: &str, e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Damaged(Damage::Xml {
        part: part.to_string(),
        source: Box::new(e),
    })
}

fn doctype(part: &str) -> Error {
    Error::Damaged(Damage::DocType {
        part: part.to_string(),
    })
}

fn unclosed(part: &str) -> Error {
    Error::Damaged(Damage::Unclosed {
        part: part.to_string(),
    })
}

/// The decoded text of a text event (entities are separate events in quick-xml).
fn text_of(part: &str, t: &BytesText<'_>) -> Result<String, Error> {
    let s = t.decode().map_err(|e| xml_error(part, e))?;
    Ok(quick_xml::escape::unescape(&s)
        .map_err(|e| xml_error(part, e))?
        .into_owned())
}

/// An attribute's value with its entities resolved.
fn attr_text(
    part: &str,
    a: &quick_xml::events::attributes::Attribute<'_>,
) -> Result<String, Error> {
    let raw = std::str::from_utf8(&a.value).map_err(|e| xml_error(part, e))?;
    Ok(quick_xml::escape::unescape(raw)
        .map_err(|e| xml_error(part, e))?
        .into_owned())
}

fn ref_of(part: &str, r: &quick_xml::events::BytesRef<'_>) -> Result<String, Error> {
    let name = r.decode().map_err(|e| xml_error(part, e))?;
    Ok(quick_xml::escape::unescape(&format!("&{name};"))
        .map_err(|e| xml_error(part, e))?
        .into_owned())
}

/// Reads (`Extract`, `Visible`) or rewrites (`Rewrite`, with `edits` by node) one story.
fn walk_story(
    part: &str,
    xml: &[u8],
    mode: Mode,
    edits: Option<&HashMap<u32, Vec<Edit>>>,
    drop_images: bool,
) -> Result<Story, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut w = Writer::new(Vec::with_capacity(if mode == Mode::Rewrite {
        xml.len()
    } else {
        0
    }));
    let mut story = Story::default();
    let mut pending: VecDeque<Event<'static>> = VecDeque::new();
    let mut stack: Vec<Frame> = Vec::new();
    let mut skip = 0usize;
    let mut suppress = 0usize;
    // An open <w:t>/<w:instrText>: its start tag, whether it is an instruction, its value so far.
    let mut open_text: Option<(BytesStart<'static>, bool)> = None;
    let mut value = String::new();
    // Layout as the import always did it.
    let mut para = Mapped::default();
    let mut cell = Mapped::default();
    let mut row: Vec<Mapped> = Vec::new();
    let mut depth = 0usize;
    let mut in_run = false;
    let mut field: Option<Mapped> = None;
    let rewrite = mode == Mode::Rewrite;
    let no_edits = HashMap::new();
    let edits = edits.unwrap_or(&no_edits);

    macro_rules! emit {
        ($ev:expr) => {
            if rewrite && suppress == 0 {
                w.write_event($ev).map_err(|e| xml_error(part, e))?;
            }
        };
    }

    let close_field = |field: &mut Option<Mapped>, story: &mut Story| {
        if let Some(f) = field.take() {
            let text = f.string();
            if !f.is_blank() && (mode == Mode::Visible || instruction_worth_reading(&text)) {
                story.hidden.push(f);
            }
        }
    };

    loop {
        let event = match pending.pop_front() {
            Some(e) => e,
            None => {
                buf.clear();
                reader
                    .read_event_into(&mut buf)
                    .map_err(|e| xml_error(part, e))?
                    .into_owned()
            }
        };
        match event {
            Event::Start(e) => {
                if skip > 0 {
                    skip += 1;
                    continue;
                }
                let name = e.local_name().as_ref().to_vec();
                if DROP.contains(&name.as_slice()) {
                    skip = 1;
                    if is_revision(&name) {
                        story.changes += 1;
                    }
                    continue;
                }
                if UNWRAP.contains(&name.as_slice()) {
                    story.changes += 1;
                    stack.push(Frame::Unwrap);
                    continue;
                }
                if (name == b"t" || name == b"instrText") && open_text.is_none() {
                    open_text = Some((e, name == b"instrText"));
                    value.clear();
                    continue;
                }
                let mut frame = Frame::Emit;
                if rewrite && drop_images && (name == b"drawing" || name == b"pict") {
                    // Read the drawing ahead: it goes when it shows a picture.
                    let mut inner: Vec<Event<'static>> = Vec::new();
                    let mut d = 1usize;
                    let mut picture = false;
                    while d > 0 {
                        buf.clear();
                        let ev = reader
                            .read_event_into(&mut buf)
                            .map_err(|e| xml_error(part, e))?
                            .into_owned();
                        match &ev {
                            Event::Start(s) | Event::Empty(s) => {
                                if matches!(s.local_name().as_ref(), b"blip" | b"imagedata") {
                                    picture = true;
                                }
                                if matches!(ev, Event::Start(_)) {
                                    d += 1;
                                }
                            }
                            Event::End(_) => d -= 1,
                            Event::Eof => return Err(unclosed(part)),
                            _ => {}
                        }
                        inner.push(ev);
                    }
                    pending.extend(inner);
                    if picture {
                        frame = Frame::Suppress;
                    }
                }
                match name.as_slice() {
                    b"tbl" => depth += 1,
                    b"r" => in_run = true,
                    _ => {}
                }
                if matches!(frame, Frame::Suppress) {
                    suppress += 1;
                }
                let e = attributes(part, e, mode, edits, &mut story)?;
                emit!(Event::Start(e));
                stack.push(frame);
            }
            Event::Empty(e) => {
                if skip > 0 {
                    continue;
                }
                let name = e.local_name().as_ref().to_vec();
                if DROP.contains(&name.as_slice()) || UNWRAP.contains(&name.as_slice()) {
                    if is_revision(&name) {
                        story.changes += 1;
                    }
                    if name == b"commentReference" {
                        story.comments += 1;
                    }
                    continue;
                }
                match name.as_slice() {
                    // Only inside a run: <w:tab/> in a paragraph's properties is a tab stop.
                    b"tab" if in_run => para.push('\t', None),
                    b"br" | b"cr" if in_run => para.push('\n', None),
                    b"noBreakHyphen" if in_run => para.push('-', None),
                    b"fldChar" => {
                        let kind = e
                            .attributes()
                            .flatten()
                            .find(|a| a.key.local_name().as_ref() == b"fldCharType")
                            .map(|a| a.value.into_owned());
                        close_field(&mut field, &mut story);
                        if kind.as_deref() == Some(b"begin") {
                            field = Some(Mapped::default());
                        }
                    }
                    _ => {}
                }
                let e = attributes(part, e, mode, edits, &mut story)?;
                emit!(Event::Empty(e));
            }
            Event::End(e) => {
                if skip > 0 {
                    skip -= 1;
                    continue;
                }
                let name = e.local_name().as_ref().to_vec();
                if let Some((start, instruction)) = open_text.take() {
                    if name == b"t" || name == b"instrText" {
                        let node = story.nodes;
                        story.nodes += 1;
                        if rewrite {
                            let new = edits.get(&node).map(|ed| edited(&value, ed));
                            let mut start = start;
                            if new.is_some()
                                && start.name().as_ref() == b"w:t"
                                && start
                                    .try_get_attribute("xml:space")
                                    .ok()
                                    .flatten()
                                    .is_none()
                            {
                                start.push_attribute(("xml:space", "preserve"));
                            }
                            emit!(Event::Start(start));
                            let text = new.as_deref().unwrap_or(&value);
                            emit!(Event::Text(BytesText::new(text)));
                            emit!(Event::End(e));
                        } else if instruction {
                            field
                                .get_or_insert_with(Mapped::default)
                                .push_node(&value, node);
                        } else {
                            para.push_node(&value, node);
                        }
                        continue;
                    }
                    // An element inside a text element: keep reading the text.
                    open_text = Some((start, instruction));
                }
                match stack.pop() {
                    Some(Frame::Unwrap) => {}
                    Some(Frame::Suppress) => {
                        suppress = suppress.saturating_sub(1);
                    }
                    _ => emit!(Event::End(e)),
                }
                match name.as_slice() {
                    b"r" => in_run = false,
                    b"p" => {
                        let p = std::mem::take(&mut para);
                        if depth == 0 {
                            story.visible.append(&p.trim_end());
                            story.visible.push_str("\n\n");
                        } else {
                            let p = p.trim();
                            if !cell.is_empty() && !p.is_blank() {
                                cell.push(' ', None);
                            }
                            cell.append(&p);
                        }
                    }
                    b"tc" if depth == 1 => {
                        let mut c = std::mem::take(&mut cell);
                        for (ch, o) in &mut c.chars {
                            if *ch == '\n' {
                                *ch = ' ';
                                *o = None;
                            }
                        }
                        row.push(c);
                    }
                    b"tr" if depth == 1 => {
                        let cells = std::mem::take(&mut row);
                        if cells.iter().any(|c| !c.is_blank()) {
                            for (i, c) in cells.iter().enumerate() {
                                if i > 0 {
                                    story.visible.push_str(" | ");
                                }
                                story.visible.append(c);
                            }
                            story.visible.push('\n', None);
                        }
                    }
                    b"tbl" => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            story.visible.push('\n', None);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if skip > 0 {
                    continue;
                }
                if open_text.is_some() {
                    value.push_str(&text_of(part, &t)?);
                } else {
                    emit!(Event::Text(t));
                }
            }
            Event::GeneralRef(r) => {
                if skip > 0 {
                    continue;
                }
                if open_text.is_some() {
                    value.push_str(&ref_of(part, &r)?);
                } else {
                    emit!(Event::GeneralRef(r));
                }
            }
            Event::CData(c) => {
                if skip > 0 {
                    continue;
                }
                if open_text.is_some() {
                    value.push_str(&String::from_utf8_lossy(&c));
                } else {
                    emit!(Event::CData(c));
                }
            }
            Event::Decl(d) => emit!(Event::Decl(d)),
            Event::PI(p) => emit!(Event::PI(p)),
            // XML comments are no part of the document: they go.
            Event::Comment(_) => {}
            Event::DocType(_) => return Err(doctype(part)),
            Event::Eof => {
                if !stack.is_empty() || skip > 0 || open_text.is_some() {
                    return Err(unclosed(part));
                }
                break;
            }
        }
    }
    close_field(&mut field, &mut story);
    story.xml = w.into_inner();
    Ok(story)
}

/// An element's attributes: shown values become nodes (read, or rewritten with their edits);
/// drawings' names become neutral in the output.
fn attributes(
    part: &str,
    e: BytesStart<'static>,
    mode: Mode,
    edits: &HashMap<u32, Vec<Edit>>,
    story: &mut Story,
) -> Result<BytesStart<'static>, Error> {
    let element = e.local_name().as_ref().to_vec();
    let drawing = matches!(element.as_slice(), b"docPr" | b"cNvPr");
    let any = e.attributes().flatten().any(|a| {
        let k = a.key.local_name();
        shown_attribute(&element, k.as_ref()) || (drawing && k.as_ref() == b"name")
    });
    if !any {
        return Ok(e);
    }
    let mut out = BytesStart::new(String::from_utf8_lossy(e.name().as_ref()).into_owned());
    for a in e.attributes() {
        let a = a.map_err(|err| xml_error(part, err))?;
        let local = a.key.local_name().as_ref().to_vec();
        if drawing && local == b"name" {
            if mode == Mode::Visible {
                let v = attr_text(part, &a)?;
                let mut m = Mapped::default();
                m.push_str(&v);
                story.hidden.push(m);
            }
            let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
            out.push_attribute((key.as_str(), "Drawing"));
            continue;
        }
        if !shown_attribute(&element, &local) {
            out.push_attribute(a);
            continue;
        }
        let v = attr_text(part, &a)?;
        if v.trim().is_empty() {
            out.push_attribute(a);
            continue;
        }
        let node = story.nodes;
        story.nodes += 1;
        match mode {
            Mode::Rewrite => {
                let key = String::from_utf8_lossy(a.key.as_ref()).into_owned();
                match edits.get(&node) {
                    Some(ed) => out.push_attribute((key.as_str(), edited(&v, ed).as_str())),
                    None => out.push_attribute(a),
                }
            }
            Mode::Extract | Mode::Visible => {
                let instruction = element == b"fldSimple";
                if mode == Mode::Visible || !instruction || instruction_worth_reading(&v) {
                    let mut m = Mapped::default();
                    m.push_node(&v, node);
                    story.hidden.push(m);
                }
                out.push_attribute(a);
            }
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// Relationships, content types, properties, settings

/// Relationship types that go with the parts they point to.
fn dropped_relationship(kind: &str) -> bool {
    let last = kind.rsplit('/').next().unwrap_or("");
    matches!(
        last,
        "comments"
            | "commentsExtended"
            | "commentsIds"
            | "commentsExtensible"
            | "people"
            | "thumbnail"
            | "custom-properties"
            | "attachedTemplate"
            | "mailMergeSource"
            | "mailMergeHeaderSource"
            | "recipientData"
    )
}

/// A relationships part: external targets are nodes (read, or rewritten with their edits);
/// relationships to removed parts or of dropped kinds go.
fn walk_rels(
    part: &str,
    xml: &[u8],
    mode: Mode,
    edits: &HashMap<u32, Vec<Edit>>,
    removed: &HashSet<String>,
) -> Result<Story, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut w = Writer::new(Vec::with_capacity(xml.len()));
    let mut story = Story::default();
    let mut skip = 0usize;
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, e))?
            .into_owned();
        let (e, empty) = match event {
            Event::Start(e) if skip == 0 => (e, false),
            Event::Empty(e) if skip == 0 => (e, true),
            Event::Start(_) => {
                skip += 1;
                continue;
            }
            Event::End(_) if skip > 0 => {
                skip -= 1;
                continue;
            }
            Event::Eof => break,
            Event::DocType(_) => return Err(doctype(part)),
            Event::Comment(_) => continue,
            other => {
                if skip == 0 && mode == Mode::Rewrite {
                    w.write_event(other).map_err(|e| xml_error(part, e))?;
                }
                continue;
            }
        };
        if e.local_name().as_ref() != b"Relationship" {
            if mode == Mode::Rewrite {
                let ev = if empty {
                    Event::Empty(e)
                } else {
                    Event::Start(e)
                };
                w.write_event(ev).map_err(|e| xml_error(part, e))?;
            }
            continue;
        }
        let get = |k: &str| -> Result<String, Error> {
            Ok(
                match e.try_get_attribute(k).map_err(|err| xml_error(part, err))? {
                    Some(a) => attr_text(part, &a)?,
                    None => String::new(),
                },
            )
        };
        let (kind, target, mode_attr) = (get("Type")?, get("Target")?, get("TargetMode")?);
        let external = mode_attr == "External";
        let node = if external && !target.trim().is_empty() {
            let n = story.nodes;
            story.nodes += 1;
            Some(n)
        } else {
            None
        };
        let gone =
            dropped_relationship(&kind) || (!external && removed.contains(&resolve(part, &target)));
        match mode {
            Mode::Extract | Mode::Visible => {
                if let Some(n) = node {
                    if !gone {
                        let mut m = Mapped::default();
                        m.push_node(&target, n);
                        story.hidden.push(m);
                    }
                } else if mode == Mode::Visible {
                    let mut m = Mapped::default();
                    m.push_str(&target);
                    story.hidden.push(m);
                }
            }
            Mode::Rewrite => {
                if gone {
                    if !empty {
                        skip = 1;
                    }
                    continue;
                }
                let e = match node.and_then(|n| edits.get(&n)) {
                    Some(ed) => {
                        let mut out = BytesStart::new(
                            String::from_utf8_lossy(e.name().as_ref()).into_owned(),
                        );
                        for a in e.attributes() {
                            let a = a.map_err(|err| xml_error(part, err))?;
                            if a.key.as_ref() == b"Target" {
                                out.push_attribute(("Target", edited(&target, ed).as_str()));
                            } else {
                                out.push_attribute(a);
                            }
                        }
                        out
                    }
                    None => e,
                };
                let ev = if empty {
                    Event::Empty(e)
                } else {
                    Event::Start(e)
                };
                w.write_event(ev).map_err(|e| xml_error(part, e))?;
            }
        }
    }
    story.xml = w.into_inner();
    Ok(story)
}

/// Drops the named elements (with their content) and every `<Override>` for a removed part.
fn drop_elements(
    part: &str,
    xml: &[u8],
    names: &[&[u8]],
    removed: &HashSet<String>,
) -> Result<Vec<u8>, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut w = Writer::new(Vec::with_capacity(xml.len()));
    let mut skip = 0usize;
    let gone = |e: &BytesStart<'_>| -> bool {
        let local = e.local_name();
        if names.contains(&local.as_ref()) {
            return true;
        }
        local.as_ref() == b"Override"
            && e.try_get_attribute("PartName")
                .ok()
                .flatten()
                .and_then(|a| attr_text(part, &a).ok())
                .is_some_and(|p| removed.contains(p.trim_start_matches('/')))
    };
    loop {
        buf.clear();
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, e))?;
        match event {
            Event::Eof => break,
            Event::DocType(_) => return Err(doctype(part)),
            Event::Start(_) if skip > 0 => skip += 1,
            Event::End(_) if skip > 0 => skip -= 1,
            _ if skip > 0 => {}
            Event::Start(e) if gone(&e) => skip = 1,
            Event::Empty(e) if gone(&e) => {}
            Event::Comment(_) => {}
            other => w.write_event(other).map_err(|e| xml_error(part, e))?,
        }
    }
    Ok(w.into_inner())
}

const EMPTY_CORE: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"></cp:coreProperties>";
const EMPTY_APP: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/extended-properties\" xmlns:vt=\"http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes\"></Properties>";

/// The package's property parts by kind, from the root relationships.
fn property_parts(pkg: &mut Package) -> Result<HashMap<&'static str, String>, Error> {
    let mut out = HashMap::new();
    if !pkg.has("_rels/.rels") {
        return Ok(out);
    }
    let xml = pkg.read("_rels/.rels")?;
    let mut reader = Reader::from_reader(xml.as_slice());
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error("_rels/.rels", e))?
        {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == b"Relationship" => {
                let attr = |k: &str| {
                    e.try_get_attribute(k)
                        .ok()
                        .flatten()
                        .and_then(|a| attr_text("_rels/.rels", &a).ok())
                        .unwrap_or_default()
                };
                let kind = attr("Type");
                let target = resolve("_rels/.rels", &attr("Target"));
                let key = match kind.rsplit('/').next().unwrap_or("") {
                    "core-properties" => "core",
                    "extended-properties" => "app",
                    "custom-properties" => "custom",
                    "thumbnail" => "thumbnail",
                    _ => continue,
                };
                out.insert(key, target);
            }
            _ => {}
        }
    }
    Ok(out)
}

// ---------------------------------------------------------------------------------------------
// The three functions every format offers

/// The text of a .docx for detection, as the minutes import stores it (see the module comment).
pub fn extract(bytes: &[u8]) -> Result<DocxText, Error> {
    let mut pkg = Package::open(bytes)?;
    let stories = pkg.stories()?;
    let mut parts: Vec<(String, u32)> = Vec::new();
    let mut base = 0u32;
    let mut raw = Mapped::default();
    let mut hidden: Vec<Mapped> = Vec::new();
    let mut rels_parts = Vec::new();
    let no_edits = HashMap::new();
    let mut text = 0u64;
    for (i, name) in stories.iter().enumerate() {
        let xml = pkg.read(name)?;
        text += text_len(name, &xml)?;
        if text > MAX_TEXT {
            return Err(Error::TooLarge(format!(
                "its text is longer than {} MB; minutes this long are best split into several files",
                MAX_TEXT >> 20
            )));
        }
        let story = walk_story(name, &xml, Mode::Extract, None, false)?;
        if i > 0 {
            raw.push_str("\n\n");
        }
        raw.append(&story.visible.with_node_base(base));
        hidden.extend(story.hidden.into_iter().map(|h| h.with_node_base(base)));
        parts.push((name.clone(), base));
        base += story.nodes;
        let rels = rels_of(name);
        if pkg.has(&rels) {
            rels_parts.push(rels);
        }
    }
    for name in rels_parts {
        let xml = pkg.read(&name)?;
        let story = walk_rels(&name, &xml, Mode::Extract, &no_edits, &HashSet::new())?;
        hidden.extend(story.hidden.into_iter().map(|h| h.with_node_base(base)));
        parts.push((name, base));
        base += story.nodes;
    }
    for h in &hidden {
        raw.push_str("\n\n");
        raw.append(h);
    }
    let (text, map) = tidy(&raw);
    Ok(DocxText {
        text,
        map,
        raw,
        parts,
    })
}

/// The .docx with every span replaced in place and its hidden places cleaned (see the module
/// comment). `text` must be [`extract`]'s result for the same bytes.
pub fn redact(
    bytes: &[u8],
    text: &DocxText,
    spans: &[Span],
    options: &Options,
) -> Result<Redacted, Error> {
    let mut pkg = Package::open(bytes)?;
    let embedded = pkg
        .names
        .iter()
        .filter(|n| n.starts_with("word/embeddings/") && !n.ends_with('/'))
        .count();
    if embedded > 0 {
        return Err(Error::Embedded(embedded));
    }
    let edits = text.edits(spans);
    let no_edits = HashMap::new();
    let props = property_parts(&mut pkg)?;

    // Parts that go.
    let mut removed: HashSet<String> = HashSet::new();
    for n in &pkg.names {
        let lower = n.to_ascii_lowercase();
        let comments = lower.starts_with("word/comments") && lower.ends_with(".xml");
        let people = lower == "word/people.xml";
        let thumbnail = lower.starts_with("docprops/thumbnail");
        if comments || people || thumbnail || (options.drop_images && is_image(n)) {
            removed.insert(n.clone());
        }
    }
    for key in ["custom", "thumbnail"] {
        if let Some(p) = props.get(key) {
            removed.insert(p.clone());
        }
    }
    let removed_rels: Vec<String> = removed.iter().map(|p| rels_of(p)).collect();
    removed.extend(removed_rels.into_iter().filter(|r| pkg.has(r)));

    // New contents of the parts that change.
    let mut replaced: HashMap<String, Vec<u8>> = HashMap::new();
    let mut cleaned = Cleaned::default();
    for (name, _) in &text.parts {
        if removed.contains(name) {
            continue;
        }
        let xml = pkg.read(name)?;
        let e = edits.get(name).unwrap_or(&no_edits);
        let out = if name.ends_with(".rels") {
            walk_rels(name, &xml, Mode::Rewrite, e, &removed)?
        } else {
            walk_story(name, &xml, Mode::Rewrite, Some(e), options.drop_images)?
        };
        cleaned.changes_accepted += out.changes;
        cleaned.comments_removed += out.comments;
        replaced.insert(name.clone(), out.xml);
    }
    // Relationships of every other part lose what points to removed parts.
    let other_rels: Vec<String> = pkg
        .names
        .iter()
        .filter(|n| n.ends_with(".rels") && !replaced.contains_key(*n) && !removed.contains(*n))
        .cloned()
        .collect();
    for name in other_rels {
        let xml = pkg.read(&name)?;
        let out = walk_rels(&name, &xml, Mode::Rewrite, &no_edits, &removed)?;
        replaced.insert(name, out.xml);
    }
    if pkg.has("[Content_Types].xml") {
        let xml = pkg.read("[Content_Types].xml")?;
        let out = drop_elements("[Content_Types].xml", &xml, &[], &removed)?;
        replaced.insert("[Content_Types].xml".into(), out);
    }
    if pkg.has("word/settings.xml") {
        let xml = pkg.read("word/settings.xml")?;
        let out = drop_elements(
            "word/settings.xml",
            &xml,
            &[
                b"attachedTemplate",
                b"docVars",
                b"mailMerge",
                b"trackRevisions",
            ],
            &removed,
        )?;
        replaced.insert("word/settings.xml".into(), out);
    }
    if let Some(core) = props.get("core").filter(|p| pkg.has(p)) {
        replaced.insert(core.clone(), EMPTY_CORE.as_bytes().to_vec());
        cleaned.properties_cleared = true;
    }
    if let Some(app) = props.get("app").filter(|p| pkg.has(p)) {
        replaced.insert(app.clone(), EMPTY_APP.as_bytes().to_vec());
        cleaned.properties_cleared = true;
    }
    if props.contains_key("custom") {
        cleaned.properties_cleared = true;
    }
    for n in &pkg.names {
        if is_image(n) {
            if removed.contains(n) {
                cleaned.images_dropped += 1;
            } else {
                cleaned.images_kept += 1;
            }
        }
    }

    // The new package: the entries in their order, changed ones deflated anew, the rest copied.
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::with_capacity(bytes.len())));
    let names = pkg.names.clone();
    for (i, name) in names.iter().enumerate() {
        if removed.contains(name) {
            continue;
        }
        match replaced.get(name) {
            Some(data) => {
                let options = zip::write::SimpleFileOptions::default()
                    .compression_method(zip::CompressionMethod::Deflated);
                out.start_file(name.as_str(), options).map_err(writing)?;
                out.write_all(data).map_err(writing)?;
            }
            None => {
                let file = pkg.zip.by_index_raw(i).map_err(|e| unreadable(name, e))?;
                out.raw_copy_file(file).map_err(writing)?;
            }
        }
    }
    let bytes = out.finish().map_err(writing)?.into_inner();
    Ok(Redacted { bytes, cleaned })
}

/// Everything a reader or a tool can see in a .docx, for the re-scan: the text of every story
/// (comments too, if any), every field instruction, alt text, titles and names of drawings, every
/// relationship target, and the character data of every other XML part (properties, charts,
/// diagrams, custom XML, settings).
pub fn visible_text(bytes: &[u8]) -> Result<String, Error> {
    let mut pkg = Package::open(bytes)?;
    let names = pkg.names.clone();
    let mut out = String::new();
    let no_edits = HashMap::new();
    for name in names {
        let lower = name.to_ascii_lowercase();
        let xml_part = lower.ends_with(".xml") || lower.ends_with(".rels");
        if !xml_part {
            continue;
        }
        let xml = pkg.read(&name)?;
        let story_like = lower.starts_with("word/")
            && !lower.contains("/_rels/")
            && [
                "document",
                "header",
                "footer",
                "footnotes",
                "endnotes",
                "comments",
                "glossary/document",
            ]
            .iter()
            .any(|p| {
                lower
                    .strip_prefix("word/")
                    .is_some_and(|r| r.starts_with(p))
            });
        let story = if lower.ends_with(".rels") {
            walk_rels(&name, &xml, Mode::Visible, &no_edits, &HashSet::new())?
        } else if story_like {
            walk_story(&name, &xml, Mode::Visible, None, false)?
        } else {
            Story {
                visible: character_data(&name, &xml)?,
                ..Story::default()
            }
        };
        out.push_str(&story.visible.string());
        for h in story.hidden {
            out.push_str("\n\n");
            out.push_str(&h.string());
        }
        out.push_str("\n\n");
    }
    Ok(tidy(&Mapped {
        chars: out.chars().map(|c| (c, None)).collect(),
    })
    .0)
}

/// The character data of any XML part, one text per line.
fn character_data(part: &str, xml: &[u8]) -> Result<Mapped, Error> {
    let mut reader = Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = Mapped::default();
    loop {
        buf.clear();
        match reader
            .read_event_into(&mut buf)
            .map_err(|e| xml_error(part, e))?
        {
            Event::Eof => break,
            Event::DocType(_) => return Err(doctype(part)),
            Event::Text(t) => {
                let s = text_of(part, &t)?;
                if !s.trim().is_empty() {
                    out.push_str(&s);
                }
            }
            Event::GeneralRef(r) => out.push_str(&ref_of(part, &r)?),
            Event::CData(c) => out.push_str(&String::from_utf8_lossy(&c)),
            Event::Comment(c) => {
                out.push_str("\n");
                out.push_str(&String::from_utf8_lossy(&c));
                out.push_str("\n");
            }
            Event::End(_) => out.push_str("\n"),
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A .docx with `document` as its body and `extra` parts beside it.
    pub(crate) fn package(document: &str, extra: &[(&str, &str)]) -> Vec<u8> {
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        let mut parts = vec![("word/document.xml", document)];
        parts.extend_from_slice(extra);
        for (name, body) in parts {
            zip.start_file(name, o).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";

    #[test]
    fn paragraphs_and_tables_in_order_as_the_import_always_read_them() {
        let xml = format!(
            r#"<?xml version="1.0"?><w:document {W}><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="4000"/></w:tabs></w:pPr><w:r><w:t>Referat</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Navn</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Andel</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Jens </w:t></w:r><w:r><w:t>Berg &amp; co</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>17</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Slut</w:t></w:r><w:r><w:delText>væk</w:delText></w:r></w:p></w:body></w:document>"#
        );
        let t = extract(&package(&xml, &[])).unwrap();
        assert_eq!(
            t.text,
            "Referat\n\nNavn | Andel\nJens Berg & co | 17\n\nSlut\n"
        );
    }

    #[test]
    fn a_name_over_three_runs_goes_as_one_and_the_formatting_stays() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p>
            <w:r><w:t xml:space="preserve">Tak til Fr</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>eja Bund</w:t></w:r><w:r><w:rPr><w:i/></w:rPr><w:t>gaard &amp; resten.</w:t></w:r>
            </w:p></w:body></w:document>"#
        );
        let bytes = package(&xml, &[]);
        let t = extract(&bytes).unwrap();
        assert_eq!(t.text, "Tak til Freja Bundgaard & resten.\n");
        let start = t.text.find("Freja").unwrap();
        let span = Span {
            range: start..start + "Freja Bundgaard".len(),
            kind: crate::redact::Kind::Person,
            replacement: "[navn]".into(),
        };
        let out = redact(&bytes, &t, &[span], &Options::default()).unwrap();
        assert_eq!(
            extract(&out.bytes).unwrap().text,
            "Tak til [navn] & resten.\n"
        );
        let mut pkg = Package::open(&out.bytes).unwrap();
        let xml = String::from_utf8(pkg.read("word/document.xml").unwrap()).unwrap();
        assert!(
            xml.contains("<w:b/></w:rPr><w:t xml:space=\"preserve\"></w:t>"),
            "{xml}"
        );
        assert!(
            xml.contains("<w:i/></w:rPr><w:t xml:space=\"preserve\"> &amp; resten.</w:t>"),
            "{xml}"
        );
        assert!(xml.contains(">Tak til [navn]</w:t>"), "{xml}");
    }

    #[test]
    fn tracked_changes_are_accepted_and_comments_removed() {
        let xml = format!(
            r#"<w:document {W}><w:body><w:p>
            <w:commentRangeStart w:id="0"/><w:r><w:t xml:space="preserve">Mødet </w:t></w:r>
            <w:del w:id="1" w:author="Ole Brink" w:date="2024-01-01T00:00:00Z"><w:r><w:delText>Freja Bundgaard</w:delText></w:r></w:del>
            <w:ins w:id="2" w:author="Ole Brink"><w:r><w:t>sluttede</w:t></w:r></w:ins><w:commentRangeEnd w:id="0"/>
            <w:r><w:rPr><w:rStyle w:val="CommentReference"/><w:rPrChange w:author="Ole Brink"><w:rPr/></w:rPrChange></w:rPr><w:commentReference w:id="0"/></w:r>
            </w:p></w:body></w:document>"#
        );
        let comments = format!(
            r#"<w:comments {W}><w:comment w:id="0" w:author="Ole Brink"><w:p><w:r><w:t>Freja ringer</w:t></w:r></w:p></w:comment></w:comments>"#
        );
        let rels = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/></Relationships>"#;
        let types = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/><Override PartName="/word/document.xml" ContentType="x"/></Types>"#;
        let bytes = package(
            &xml,
            &[
                ("word/comments.xml", &comments),
                ("word/_rels/document.xml.rels", rels),
                ("[Content_Types].xml", types),
            ],
        );
        let t = extract(&bytes).unwrap();
        assert_eq!(t.text, "Mødet sluttede\n");
        let out = redact(&bytes, &t, &[], &Options::default()).unwrap();
        assert_eq!(out.cleaned.comments_removed, 1);
        assert_eq!(out.cleaned.changes_accepted, 3);
        let seen = visible_text(&out.bytes).unwrap();
        assert!(
            !seen.contains("Freja") && !seen.contains("Ole Brink") && !seen.contains("comments"),
            "{seen}"
        );
        let mut pkg = Package::open(&out.bytes).unwrap();
        assert!(!pkg.has("word/comments.xml"));
        let doc = String::from_utf8(pkg.read("word/document.xml").unwrap()).unwrap();
        assert!(
            !doc.contains("comment") && !doc.contains("w:ins") && !doc.contains("author"),
            "{doc}"
        );
        let types = String::from_utf8(pkg.read("[Content_Types].xml").unwrap()).unwrap();
        assert!(
            !types.contains("comments") && types.contains("/word/document.xml"),
            "{types}"
        );
    }

    #[test]
    fn hostile_packages_end_in_clear_errors() {
        assert!(matches!(
            extract(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest"),
            Err(Error::Protected)
        ));
        assert!(matches!(
            extract(b"PK not really"),
            Err(Error::Damaged(Damage::NotZip(_)))
        ));
        let doctype = r#"<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><w:document><w:body><w:p><w:r><w:t>&a;</w:t></w:r></w:p></w:body></w:document>"#;
        assert!(matches!(
            extract(&package(doctype, &[])),
            Err(Error::Damaged(Damage::DocType { part })) if part == "word/document.xml"
        ));
        assert!(matches!(
            extract(&package("<w:document><w:body><w:p>", &[])),
            Err(Error::Damaged(Damage::Unclosed { .. }))
        ));
        // The reader's own error stays reachable as the source, and the message names the part.
        let broken = extract(&package(
            "<w:document><w:body></w:p></w:body></w:document>",
            &[],
        ))
        .expect_err("mismatched tags are refused");
        assert!(
            matches!(&broken, Error::Damaged(Damage::Xml { part, .. }) if part == "word/document.xml"),
            "{broken:?}"
        );
        assert!(broken.to_string().contains("word/document.xml"), "{broken}");
        let source = std::error::Error::source(&broken).expect("the damage is the source");
        assert!(
            std::error::Error::source(source).is_some(),
            "quick-xml's error is kept"
        );
        // A zip that is not a Word document.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        zip.start_file("content.xml", zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(b"<office/>").unwrap();
        let odt = zip.finish().unwrap().into_inner();
        assert!(matches!(
            extract(&odt),
            Err(Error::Damaged(Damage::NoDocument))
        ));
        // A part that inflates beyond the limit is refused, not cut.
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("word/document.xml", o).unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..=(MAX_PART >> 20) {
            zip.write_all(&chunk).unwrap();
        }
        let bomb = zip.finish().unwrap().into_inner();
        assert!(bomb.len() < 1 << 20, "{}", bomb.len());
        assert!(matches!(extract(&bomb), Err(Error::TooLarge(_))));
    }

    #[test]
    fn tidy_keeps_the_map() {
        let mut raw = Mapped::default();
        raw.push_node("Freja\u{a0}Bund\u{ad}gaard  ", 0);
        raw.push_str("\n\n\n");
        raw.push_node("e\u{301}n", 1);
        let (text, map) = tidy(&raw);
        assert_eq!(text, "Freja Bundgaard\n\nén\n");
        assert_eq!(text.chars().count(), map.len());
        // "é" came from the two characters "e" + U+0301.
        let e = text.chars().position(|c| c == 'é').unwrap();
        let (a, b) = map[e];
        assert_eq!(b - a, 2);
    }

    #[test]
    fn rels_targets_resolve_relative_to_their_part() {
        assert_eq!(
            resolve("word/_rels/document.xml.rels", "comments.xml"),
            "word/comments.xml"
        );
        assert_eq!(
            resolve("_rels/.rels", "docProps/core.xml"),
            "docProps/core.xml"
        );
        assert_eq!(
            resolve("word/_rels/document.xml.rels", "../customXml/item1.xml"),
            "customXml/item1.xml"
        );
        assert_eq!(resolve("word/_rels/x.rels", "/word/a.xml"), "word/a.xml");
    }

    #[test]
    fn edits_replace_the_first_piece_and_clear_the_rest() {
        assert_eq!(
            edited(
                "Jens Berg",
                &[Edit {
                    range: 0..4,
                    with: "█".into()
                }]
            ),
            "█ Berg"
        );
        assert_eq!(
            edited(
                "Berg og",
                &[Edit {
                    range: 0..4,
                    with: String::new()
                }]
            ),
            " og"
        );
    }

    #[test]
    fn instructions_with_arguments_are_read() {
        assert!(instruction_worth_reading(" HYPERLINK \"mailto:a@b.dk\" "));
        assert!(instruction_worth_reading(" AUTHOR \"Jens Berg\" "));
        assert!(!instruction_worth_reading(" PAGE \\* MERGEFORMAT "));
        assert!(!instruction_worth_reading(" TOC \\o \"1-3\" \\h "));
    }
}
