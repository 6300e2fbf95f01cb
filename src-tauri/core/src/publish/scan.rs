//! Publishing scanned minutes: the redaction goes into the pixels. Every word of a redacted passage
//! has its box from OCR; the box (with a small margin) is painted black in the page image itself,
//! so the original pixels are not kept underneath, and the output is a new PDF of the painted page
//! images with an invisible text layer of the words that stay (like OCRmyPDF's output). The re-scan
//! reads the output as a reader could: OCR of every output image again, and the text layer.
//!
//! The same three steps as the other formats: [`extract`] (OCR, or the stored text and layout of
//! minutes in the archive), [`redact`] (paint and write) and [`visible_text`] (OCR of the output's
//! images plus its text layer).
//!
//! A PDF with text pages and scanned pages is published as both: its text pages are redacted as
//! text by [`formats::pdf`] (the glyphs removed, a box drawn), then each scanned page is replaced by
//! its painted image and text layer ([`ocr::pdf::replace_pages`]). The re-scan reads the text of
//! every page and every object, and OCR of the scanned pages' images.

use super::Error;
use crate::formats::{self, Cleaned, Options, Redacted, Span};
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
/// layer of the words that stay. A PDF with text pages goes to [`redact_mixed`].
pub fn redact(
    bytes: &[u8],
    format: Format,
    scan: &ScanText,
    spans: &[Span],
    options: &Options,
    observer: &dyn Observer,
) -> Result<Redacted, Error> {
    if is_mixed(format, &scan.layout) {
        return redact_mixed(bytes, scan, spans, options, observer);
    }
    let chars: Vec<char> = scan.text.chars().collect();
    let ranges = char_ranges(&scan.text, spans);
    let mut pages = page_images(bytes, format, &scan.layout, observer)?;
    let mut out = Vec::with_capacity(pages.len());
    let total = pages.len() as u32;
    for (i, (image, page)) in pages.drain(..).zip(&scan.layout.pages).enumerate() {
        observer.page(i as u32 + 1, total);
        if observer.cancelled() {
            return Err(ocr_err(ocr::Error::Cancelled));
        }
        let mut image = image;
        // Every page of an image or an image-only PDF was read by OCR (a PDF with text pages is
        // published by `redact_mixed`).
        let words = paint_words(&mut image, page.number, &scan.layout, &ranges, &chars);
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

/// Whether a scan is a PDF with pages of its own text beside the scanned ones.
fn is_mixed(format: Format, layout: &Layout) -> bool {
    format == Format::Pdf && layout.pages.iter().any(|p| p.source == PageSource::Text)
}

/// Spans in characters of the scan's text.
fn char_ranges(text: &str, spans: &[Span]) -> Vec<(usize, usize)> {
    let chars = text.chars().count();
    let char_at = |byte: usize| text.get(..byte).map_or(chars, |s| s.chars().count());
    spans
        .iter()
        .map(|s| (char_at(s.range.start), char_at(s.range.end)))
        .collect()
}

/// A PDF with text pages and scanned pages: the text pages redacted as text by `formats::pdf`, the
/// scanned pages painted and put back as images with their text layers.
fn redact_mixed(
    bytes: &[u8],
    scan: &ScanText,
    spans: &[Span],
    options: &Options,
    observer: &dyn Observer,
) -> Result<Redacted, Error> {
    let chars: Vec<char> = scan.text.chars().collect();
    let ranges = char_ranges(&scan.text, spans);
    // A span falls on a scanned page when it touches one of its words; the others lie on text pages.
    let on_scanned = |&(s, e): &(usize, usize)| {
        scan.layout
            .words
            .iter()
            .any(|w| (w.start as usize) < e && s < w.end as usize)
    };
    // The text pages' passages, found in the text `formats::pdf` reads (the import read those pages
    // with pdftotext, so offsets differ): every occurrence, with any white space between words.
    let pdf_text = formats::pdf::extract(bytes)?;
    let mut pdf_spans = Vec::new();
    for (span, range) in spans.iter().zip(&ranges) {
        if on_scanned(range) {
            continue;
        }
        let passage: String = chars
            .get(range.0..range.1)
            .unwrap_or_default()
            .iter()
            .collect();
        let words: Vec<String> = passage.split_whitespace().map(regex::escape).collect();
        if words.is_empty() {
            continue;
        }
        let found = regex::Regex::new(&words.join(r"\s+"))
            .map(|re| {
                re.find_iter(&pdf_text.text)
                    .map(|m| m.range())
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        // A passage the text layer does not hold as read would stay in the output: refuse.
        if found.is_empty() {
            return Err(Error::PersonalDataRemains {
                format: Format::Pdf,
                kinds: vec![span.kind],
            });
        }
        pdf_spans.extend(found.into_iter().map(|r| Span {
            range: r,
            kind: span.kind,
            replacement: span.replacement.clone(),
        }));
    }
    let as_text = formats::pdf::redact(bytes, &pdf_text, &pdf_spans, options)?;
    // The scanned pages, rendered from the original as OCR saw them and painted.
    let scanned: Vec<&ocr::Page> = scan
        .layout
        .pages
        .iter()
        .filter(|p| p.source == PageSource::Ocr)
        .collect();
    let total = scanned.len() as u32;
    let mut replaced = Vec::with_capacity(scanned.len());
    for (i, page) in scanned.into_iter().enumerate() {
        observer.page(i as u32 + 1, total);
        if observer.cancelled() {
            return Err(ocr_err(ocr::Error::Cancelled));
        }
        let mut image = ocr::pdf_page_image(bytes, page.number, observer).map_err(ocr_err)?;
        let words = paint_words(&mut image, page.number, &scan.layout, &ranges, &chars);
        replaced.push((page.number, OutPage { image, words }));
    }
    let bytes = ocr::pdf::replace_pages(&as_text.bytes, &replaced).map_err(ocr_err)?;
    Ok(Redacted {
        bytes,
        cleaned: as_text.cleaned,
    })
}

/// Paints the words of page `number` that a span (in characters of the text) touches; returns the
/// words that stay, for the text layer.
fn paint_words(
    image: &mut Gray,
    number: u32,
    layout: &Layout,
    ranges: &[(usize, usize)],
    chars: &[char],
) -> Vec<TextWord> {
    let mut stay = Vec::new();
    for w in layout.words.iter().filter(|w| w.page == number) {
        let (s, e) = (w.start as usize, w.end as usize);
        if ranges.iter().any(|&(rs, re)| rs < e && s < re) {
            paint(image, w.x, w.y, w.w, w.h);
        } else {
            stay.push(TextWord {
                text: chars.get(s..e).unwrap_or_default().iter().collect(),
                x: w.x,
                y: w.y,
                w: w.w,
                h: w.h,
            });
        }
    }
    stay
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

/// What a reader gets out of a published scan: OCR of every page image, and the text layer. For a
/// PDF with text pages (see [`redact_mixed`]): everything `formats::pdf` reads in the file (the
/// text pages, the text layers, every string in its objects) and OCR of the scanned pages' images.
pub fn visible_text(
    bytes: &[u8],
    format: Format,
    layout: &Layout,
    observer: &dyn Observer,
) -> Result<String, Error> {
    let language = layout.language;
    let mut out = String::new();
    if is_mixed(format, layout) {
        for page in layout.pages.iter().filter(|p| p.source == PageSource::Ocr) {
            let image = ocr::pdf::page_image(bytes, page.number).map_err(ocr_err)?;
            let page = ocr::recognize(&image, language, observer).map_err(ocr_err)?;
            out.push_str(&page.text);
            out.push_str("\n\n");
        }
        out.push_str(&formats::pdf::visible_text(bytes)?);
        return Ok(out);
    }
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

/// What OCR reads in the pixels of the pages of a PDF that draw an image and have a text layer of
/// their own (a published scan, a scan run through OCRmyPDF): the text layer says what its maker
/// wrote, the pixels may show more. Pages without a text layer are left out: reading the file as
/// minutes reads those by OCR already. Returns the text and how many pages were read.
pub fn pixel_text(
    bytes: &[u8],
    language: Language,
    observer: &dyn Observer,
) -> Result<(String, u32), Error> {
    let doc = formats::pdf::load_bounded(bytes).map_err(minutes::Error::from)?;
    let mut out = String::new();
    let mut read = 0;
    for (number, id) in doc.get_pages() {
        if !doc.get_page_images(id).is_ok_and(|i| !i.is_empty()) {
            continue;
        }
        let own = ocr::pdf_page_text(bytes, number).map_err(ocr_err)?;
        if ocr::needs_ocr(&own) {
            continue;
        }
        observer.page(number, doc.get_pages().len() as u32);
        let image = ocr::pdf_page_image(bytes, number, observer).map_err(ocr_err)?;
        let page = ocr::recognize(&image, language, observer).map_err(ocr_err)?;
        out.push_str(&page.text);
        out.push_str("\n\n");
        read += 1;
    }
    Ok((out, read))
}
