//! Publishing scanned minutes: the redaction goes into the pixels. Every word of a redacted passage
//! has its box from OCR; the box (with a small margin) is painted black in the page image itself,
//! so the original pixels are not kept underneath, and the output is a new PDF of the painted page
//! images with an invisible text layer of the words that stay (like OCRmyPDF's output). The re-scan
//! reads the output as a reader could: OCR of every output image again, and the text layer.
//!
//! The same three steps as the other formats: [`extract`] (OCR, or the stored text and layout of
//! minutes in the archive), [`redact`] (paint and write) and [`visible_text`] (OCR of the output's
//! images plus its text layer).

use super::{Cleaned, Error, Redacted, Span};
use crate::minutes::{self, Format};
use crate::ocr::{self, pdf::OutPage, pdf::TextWord, Gray, Language, Layout, Observer, PageSource};

/// A scan's text (as the minutes import stores it) and the layout of its words.
#[derive(Debug, Clone)]
pub struct ScanText {
    pub text: String,
    pub layout: Layout,
}

fn ocr_err(e: ocr::Error) -> Error {
    Error::Minutes(minutes::Error::Ocr(e))
}

/// Whether a file is published as a scan: an image, or a PDF with a page that has no text of its own.
pub fn is_scan(bytes: &[u8], format: Format) -> bool {
    format.image().is_some()
        || (format == Format::Pdf
            && minutes::pdf_page_texts(bytes).is_ok_and(|p| p.iter().any(|t| ocr::needs_ocr(t))))
}

/// Reads a scan with OCR, as the import does.
pub fn extract(
    bytes: &[u8],
    file_name: &str,
    language: Language,
    observer: &dyn Observer,
) -> Result<ScanText, Error> {
    let with = minutes::Ocr { language, observer };
    let doc = minutes::prepare_with(
        file_name,
        bytes.to_vec(),
        None,
        None,
        chrono::NaiveDate::default(),
        Some(&with),
    )?;
    let layout = doc
        .layout
        .ok_or_else(|| Error::NotOriginal(file_name.to_string()))?;
    Ok(ScanText {
        text: doc.text,
        layout,
    })
}

/// The page images of the original, as OCR saw them.
fn page_images(
    bytes: &[u8],
    format: Format,
    layout: &Layout,
    observer: &dyn Observer,
) -> Result<Vec<Gray>, Error> {
    if let Some(image) = format.image() {
        return ocr::image::decode(bytes, image).map_err(ocr_err);
    }
    layout
        .pages
        .iter()
        .map(|p| ocr::pdf_page_image(bytes, p.number, observer).map_err(ocr_err))
        .collect()
}

/// Paints every word a span touches black and writes the PDF of the painted pages with the text
/// layer of the words that stay. Pages whose text came from the PDF's own text layer are rendered,
/// read by OCR, and painted where their words are those of a redacted passage.
pub fn redact(
    bytes: &[u8],
    format: Format,
    scan: &ScanText,
    spans: &[Span],
    observer: &dyn Observer,
) -> Result<Redacted, Error> {
    let text = &scan.text;
    let chars: Vec<char> = text.chars().collect();
    // Spans in characters of the text.
    let char_at = |byte: usize| text.get(..byte).map_or(chars.len(), |s| s.chars().count());
    let ranges: Vec<(usize, usize)> = spans
        .iter()
        .map(|s| (char_at(s.range.start), char_at(s.range.end)))
        .collect();
    let redacted_words: Vec<String> = ranges
        .iter()
        .flat_map(|&(s, e)| {
            chars
                .get(s..e)
                .unwrap_or_default()
                .iter()
                .collect::<String>()
                .split_whitespace()
                .map(word_key)
                .collect::<Vec<_>>()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let mut pages = page_images(bytes, format, &scan.layout, observer)?;
    let mut out = Vec::with_capacity(pages.len());
    let total = pages.len() as u32;
    for (i, (image, page)) in pages.drain(..).zip(&scan.layout.pages).enumerate() {
        observer.page(i as u32 + 1, total);
        if observer.cancelled() {
            return Err(ocr_err(ocr::Error::Cancelled));
        }
        let mut image = image;
        let mut words = Vec::new();
        match page.source {
            PageSource::Ocr => {
                for w in scan.layout.words.iter().filter(|w| w.page == page.number) {
                    let (s, e) = (w.start as usize, w.end as usize);
                    if ranges.iter().any(|&(rs, re)| rs < e && s < re) {
                        paint(&mut image, w.x, w.y, w.w, w.h);
                    } else {
                        words.push(TextWord {
                            text: chars.get(s..e).unwrap_or_default().iter().collect(),
                            x: w.x,
                            y: w.y,
                            w: w.w,
                            h: w.h,
                        });
                    }
                }
            }
            PageSource::Text => {
                // No boxes were kept for a page with its own text: read it now and paint the words
                // that belong to a redacted passage.
                let tsv =
                    ocr::recognize(&image, scan.layout.language, observer).map_err(ocr_err)?;
                let page_chars: Vec<char> = tsv.text.chars().collect();
                for w in &tsv.words {
                    let word: String = page_chars
                        .get(w.start as usize..w.end as usize)
                        .unwrap_or_default()
                        .iter()
                        .collect();
                    let key = word_key(&word);
                    if !key.is_empty() && redacted_words.contains(&key) {
                        paint(&mut image, w.x, w.y, w.w, w.h);
                    } else {
                        words.push(TextWord {
                            text: word,
                            x: w.x,
                            y: w.y,
                            w: w.w,
                            h: w.h,
                        });
                    }
                }
            }
        }
        out.push(OutPage { image, words });
    }
    let bytes = ocr::pdf::write(&out).map_err(ocr_err)?;
    Ok(Redacted {
        bytes,
        cleaned: Cleaned {
            images_kept: 0,
            images_dropped: 0,
            comments_removed: 0,
            changes_accepted: 0,
            properties_cleared: true,
        },
    })
}

/// A word compared without case and the punctuation around it.
fn word_key(word: &str) -> String {
    word.trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase()
}

/// Paints a word's box black, with a margin of an eighth of its height (at least 2 pixels) so no
/// stroke of a letter that leans out of the box survives.
fn paint(image: &mut Gray, x: u32, y: u32, w: u32, h: u32) {
    let m = (h / 8).max(2);
    image.fill(
        x.saturating_sub(m),
        y.saturating_sub(m),
        w + 2 * m,
        h + 2 * m,
    );
}

/// What a reader gets out of a published scan: OCR of every page image, and the text layer.
pub fn visible_text(
    bytes: &[u8],
    language: Language,
    observer: &dyn Observer,
) -> Result<String, Error> {
    let mut out = String::new();
    for image in ocr::pdf::page_images(bytes).map_err(ocr_err)? {
        let page = ocr::recognize(&image, language, observer).map_err(ocr_err)?;
        out.push_str(&page.text);
        out.push_str("\n\n");
    }
    if let Ok(layer) = minutes::extract_text(bytes, Format::Pdf) {
        out.push_str(&layer);
    }
    Ok(out)
}
