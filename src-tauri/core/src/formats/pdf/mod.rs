//! PDF minutes, redacted in their own format.
//!
//! [`extract`] reads the text detection runs on and remembers, for every byte of it, the glyphs
//! it came from (page, content stream, operation, code) and their boxes on the page. The minutes
//! import uses the same text, so stored review decisions point into the original.
//!
//! [`redact`] removes the glyphs under each span's box from the content stream itself (a
//! removed code becomes a `TJ` move of exactly its width, so everything else keeps its font and
//! place), draws a filled box, blacks out image pixels under it (or drops an image it cannot
//! decode), and writes a new file without the Info dictionary, XMP metadata, outline,
//! annotations, form fields, embedded files, JavaScript, tagged-structure alt texts, page
//! thumbnails or earlier revisions.
//!
//! [`visible_text`] is what the re-scan reads: page text plus every text string left anywhere
//! in the file's objects (Info, outline, annotations, form fields) and its XMP streams.
//!
//! The engine is content-stream editing over lopdf; `docs/ARCHITECTURE.md` says why.

mod fonts;
mod interp;
mod load;
mod rewrite;
mod text;

use std::ops::Range;

use lopdf::{Document, Object};
use sha2::{Digest, Sha256};

pub use load::{load_bounded, load_limited, Limits};
pub use rewrite::Report;

use super::{Cleaned, Options, Redacted, Span};

/// The most a page's or a form's content may inflate to (the import's limit).
pub(crate) const MAX_STREAM: usize = 8 << 20;
/// The most all content streams of one file may inflate to together.
const MAX_CONTENT_TOTAL: usize = 256 << 20;
/// The most a font's ToUnicode map or encoding may inflate to.
const MAX_FONT_MAP: usize = 1 << 20;
/// Distinct fonts read per file.
const MAX_FONTS: usize = 4096;
/// The most an image may inflate to for its pixels to be blacked out (a larger one is dropped).
const MAX_IMAGE: usize = 64 << 20;
/// The most glyphs a document may show.
const MAX_GLYPHS: usize = 4_000_000;

/// What is wrong inside a PDF that cannot be read: kept as the reader's own error, so a caller
/// (or a test) can tell a file that is no PDF from a broken page without parsing a message.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Damage {
    /// The file does not start like a PDF.
    #[error("it does not start like a PDF")]
    NotPdf,
    /// The file's structure could not be read.
    #[error("{0}")]
    Structure(#[source] lopdf::Error),
    /// The document has no pages.
    #[error("it has no pages")]
    NoPages,
    /// A page's content could not be read to the end (a partly read page could hide text).
    #[error("the content of page {page} cannot be read: {source}")]
    Content {
        page: usize,
        #[source]
        source: lopdf::Error,
    },
    /// A page shows text before it chooses a font, so the text cannot be read.
    #[error("page {page}: text is shown before a font is chosen")]
    NoFontForText { page: usize },
}

/// Why a PDF could not be read or redacted. Nothing is written when any of these happens.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file is protected by a password.
    #[error("This PDF is protected by a password. Save an unprotected copy and try again.")]
    Encrypted,
    /// The file is not a PDF or is broken.
    #[error("This PDF is damaged or not a PDF ({0}). Export it again from the word processor.")]
    Damaged(#[source] Damage),
    /// A stream inflates beyond its limit, or the file has too many objects, fonts or glyphs.
    #[error("This PDF is too large to read safely: {0}. Export the minutes again from the word processor, or split the file.")]
    TooLarge(String),
    /// The pages show no text: a scan.
    #[error("This PDF has no text layer (it is a scan). Import the .docx the minutes were written in, or a PDF exported from the word processor.")]
    NoText,
    /// A font's codes cannot be mapped to letters (no ToUnicode map), so names in it cannot be
    /// found.
    #[error("The text of font {font} on page {page} cannot be read (the font has no map to letters), so names in it cannot be found. Export the minutes as text instead, or export the PDF again with fonts embedded.")]
    NoUnicode { font: String, page: usize },
    /// A font Andel cannot place text for.
    #[error("Font {font} cannot be redacted ({why}). Export the minutes as text instead.")]
    UnsupportedFont { font: String, why: String },
    /// A span to redact lies in text whose width the font does not give, so removing it would
    /// move the text after it.
    #[error("Text on page {page} uses font {font}, which gives no glyph widths, so it cannot be removed in place. Export the minutes as text instead.")]
    NoWidths { font: String, page: usize },
    /// The text was read from another file.
    #[error("The redaction was prepared for another version of this PDF. Import the file again.")]
    Mismatch,
    /// A span lies outside the text.
    #[error("A span to redact ({start}..{end}) lies outside the PDF's text of {len} bytes.")]
    SpanOutside {
        start: usize,
        end: usize,
        len: usize,
    },
    /// Writing the new file failed.
    #[error("The redacted PDF could not be written ({0}).")]
    Write(String),
}

/// The text of a PDF as detection reads it, with a private map from every byte to its glyphs.
#[derive(Debug)]
pub struct PdfText {
    /// NFC text with `\n` line ends; the same text `minutes::extract_text` gives.
    pub text: String,
    /// Pages in the file.
    pub pages: usize,
    glyphs: Vec<interp::Glyph>,
    /// Per char of `text`: its byte offset and the glyphs it came from.
    map: Vec<(usize, Range<u32>)>,
    /// SHA-256 of the file, so the map is never applied to another file.
    digest: [u8; 32],
}

/// Loads through the bounded loader the import uses too, so a PDF costs the same at most wherever
/// it is opened.
pub(crate) fn load(bytes: &[u8]) -> Result<Document, Error> {
    let doc = load_bounded(bytes)?;
    if doc.trailer.get(b"Encrypt").is_ok() {
        return Err(Error::Encrypted);
    }
    if doc.get_pages().is_empty() {
        return Err(Error::Damaged(Damage::NoPages));
    }
    Ok(doc)
}

fn walk(doc: &Document) -> Result<interp::Found, Error> {
    let mut walker = interp::Walker::new(doc);
    for (index, (_, page_id)) in doc.get_pages().into_iter().enumerate() {
        walker.page(index, page_id)?;
    }
    Ok(walker.found)
}

/// The text of a PDF, with the map redaction needs. Fonts whose codes mean nothing (no
/// ToUnicode map) are an error rather than a silent gap, since a name in them would be missed.
pub fn extract(bytes: &[u8]) -> Result<PdfText, Error> {
    let doc = load(bytes)?;
    let found = walk(&doc)?;
    if let Some(g) = found
        .glyphs
        .iter()
        .find(|g| g.text.is_none() && g.font.no_unicode())
    {
        return Err(Error::NoUnicode {
            font: g.font.name.clone(),
            page: g.page + 1,
        });
    }
    let (text, map) = text::tidy(text::assemble(&found.glyphs));
    if text.trim().is_empty() {
        return Err(Error::NoText);
    }
    Ok(PdfText {
        text,
        pages: doc.get_pages().len(),
        glyphs: found.glyphs,
        map,
        digest: Sha256::digest(bytes).into(),
    })
}

/// Redacts `spans` (byte ranges into `text.text`; a PDF draws a box, so their replacement words
/// are not used) and writes a new file.
pub fn redact(
    bytes: &[u8],
    text: &PdfText,
    spans: &[Span],
    options: &Options,
) -> Result<Redacted, Error> {
    redact_with_report(bytes, text, spans, options).map(|(r, _)| r)
}

/// [`redact`], also saying what was done (boxes, glyphs, images blacked out or dropped).
pub fn redact_with_report(
    bytes: &[u8],
    text: &PdfText,
    spans: &[Span],
    options: &Options,
) -> Result<(Redacted, Report), Error> {
    if <[u8; 32]>::from(Sha256::digest(bytes)) != text.digest {
        return Err(Error::Mismatch);
    }
    for s in spans {
        let r = &s.range;
        if r.start > r.end || r.end > text.text.len() {
            return Err(Error::SpanOutside {
                start: r.start,
                end: r.end,
                len: text.text.len(),
            });
        }
    }
    let mut doc = load(bytes)?;
    // The walk is repeated so the operations edited are exactly those just read.
    let found = walk(&doc)?;
    if found.glyphs.len() != text.glyphs.len() {
        return Err(Error::Mismatch);
    }
    let span_glyphs: Vec<Vec<u32>> = spans
        .iter()
        .map(|s| text::glyphs_of(&text.map, &s.range))
        .collect();
    let (bytes, report) = rewrite::redact(&mut doc, found, &span_glyphs, options.drop_images)?;
    let cleaned = Cleaned {
        images_kept: report.images_kept,
        images_dropped: report.images_dropped,
        comments_removed: report.annotations_removed,
        changes_accepted: 0,
        properties_cleared: true,
    };
    Ok((Redacted { bytes, cleaned }, report))
}

/// Everything a reader or a tool can read in the file, for the re-scan: page text, then every
/// text string in the file's objects (Info, outline, annotations, form fields, …), then its XMP
/// metadata.
pub fn visible_text(bytes: &[u8]) -> Result<String, Error> {
    let doc = load(bytes)?;
    let found = walk(&doc)?;
    let (mut out, _) = text::tidy(text::assemble(&found.glyphs));
    let mut strings = Vec::new();
    let mut add = |o: &Object| collect_strings(o, &mut strings);
    add(&Object::Dictionary(doc.trailer.clone()));
    for obj in doc.objects.values() {
        add(obj);
    }
    for s in strings {
        out.push_str(&s);
        out.push('\n');
    }
    for obj in doc.objects.values() {
        if let Object::Stream(s) = obj {
            let is_xml = s
                .dict
                .get(b"Type")
                .and_then(Object::as_name)
                .is_ok_and(|n| n == b"Metadata")
                || s.dict
                    .get(b"Subtype")
                    .and_then(Object::as_name)
                    .is_ok_and(|n| n == b"XML");
            if is_xml {
                // An XMP packet that does not inflate within the limit is read as stored.
                let content = s
                    .decompressed_content_with_limit(MAX_FONT_MAP)
                    .unwrap_or_else(|_| s.content.clone());
                out.push_str(&xml_text(&String::from_utf8_lossy(&content)));
                out.push('\n');
            }
        }
    }
    Ok(out)
}

/// Text strings in an object (not in content streams, which are page text), skipping keys that
/// hold bytes rather than text.
fn collect_strings(o: &Object, out: &mut Vec<String>) {
    match o {
        Object::String(..) => {
            if let Ok(s) = lopdf::decode_text_string(o) {
                if s.chars().any(char::is_alphanumeric) {
                    out.push(s);
                }
            }
        }
        Object::Array(a) => a.iter().for_each(|o| collect_strings(o, out)),
        Object::Dictionary(d) => {
            for (k, v) in d.iter() {
                // Bytes rather than text (IDs, encryption), and the font's own names, which
                // no reader shows as text ("Liberation Sans" would read as a person).
                if !matches!(
                    k.as_slice(),
                    b"ID"
                        | b"O"
                        | b"U"
                        | b"OE"
                        | b"UE"
                        | b"Perms"
                        | b"FontFamily"
                        | b"Registry"
                        | b"Ordering"
                ) {
                    collect_strings(v, out);
                }
            }
        }
        Object::Stream(s) => collect_strings(&Object::Dictionary(s.dict.clone()), out),
        _ => {}
    }
}

/// The character data of an XML packet, one element's text per line.
fn xml_text(xml: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => {
                in_tag = true;
                out.push('\n');
            }
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    // Character references ("S&#248;ren") are resolved, so the re-scan reads the name.
    out.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            quick_xml::escape::unescape(l)
                .map(|u| u.into_owned())
                .unwrap_or_else(|_| l.to_string())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xmp_text_resolves_character_references() {
        let xmp = "<x><dc:creator><rdf:li>S&#248;ren &amp; Co</rdf:li></dc:creator></x>";
        assert_eq!(xml_text(xmp), "Søren & Co");
    }

    /// A PDF of one page per content stream (none: no pages at all), written by lopdf.
    fn with_pages(contents: &[&[u8]]) -> Vec<u8> {
        use lopdf::{dictionary, Object, Stream};
        let mut doc = lopdf::Document::with_version("1.5");
        let pages_id = doc.new_object_id();
        let kids: Vec<Object> = contents
            .iter()
            .map(|content| {
                let stream = doc.add_object(Stream::new(dictionary! {}, content.to_vec()));
                doc.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                    "Contents" => stream,
                })
                .into()
            })
            .collect();
        let count = kids.len() as i64;
        doc.objects.insert(
            pages_id,
            dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }.into(),
        );
        let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
        doc.trailer.set("Root", catalog);
        let mut out = Vec::new();
        doc.save_to(&mut out).unwrap();
        out
    }

    #[test]
    fn damage_says_what_is_wrong_and_where() {
        assert!(matches!(
            extract(b"GIF89a not a pdf"),
            Err(Error::Damaged(Damage::NotPdf))
        ));
        assert!(matches!(
            extract(&with_pages(&[])),
            Err(Error::Damaged(Damage::NoPages))
        ));
        // The second page's content is cut off inside a string: the page is named, and lopdf's
        // error is kept as the source.
        let cut = with_pages(&[b"q Q", b"BT /F1 12 Tf (Ole Dahl"]);
        let err = extract(&cut).expect_err("a page that cannot be read is damage");
        assert!(
            matches!(err, Error::Damaged(Damage::Content { page: 2, .. })),
            "{err:?}"
        );
        assert!(err.to_string().contains("page 2"), "{err}");
        // Text shown before any font is chosen cannot be read as letters.
        assert!(matches!(
            extract(&with_pages(&[b"BT 72 700 Td (Ole Dahl) Tj ET"])),
            Err(Error::Damaged(Damage::NoFontForText { page: 1 }))
        ));
    }
}
