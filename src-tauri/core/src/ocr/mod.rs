//! OCR of scanned minutes: page images (PNG, JPEG, TIFF, or PDF pages without a text layer) read by
//! Tesseract in Danish, Norwegian or Swedish, with each word's box and confidence kept so that the
//! review can point at a word on the page and publishing can paint it out of the pixels.
//!
//! Tesseract runs as a program (`tesseract`, from Debian's `tesseract-ocr` and its `-dan`, `-nor`,
//! `-swe` models), not through a binding: no C++ to compile, no unsafe code in Andel, and a page
//! that makes Leptonica crash cannot take the app down. Everything goes through pipes (see [`run`]):
//! the page image goes in on standard input and the words come back on standard output, so no
//! image and no text of the minutes is written to disk, not even to a temporary file.
//!
//! [`read`] is the whole job: it reads every page that has no text of its own, reports each page
//! to an [`Observer`] (which may cancel), and puts the document's text together: the text layer
//! where a PDF page has one, the recognised words elsewhere, pages separated by a blank line. The
//! [`Layout`] records, for every recognised word, where it is in that text (in characters, like a
//! redaction finding) and where it is on its page (in pixels at the page's resolution).

pub mod image;
pub mod pdf;
mod run;

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use crate::association::Country;
use crate::Coded;
use crate::ErrorCode;

pub use image::{Gray, ImageFormat};

/// Why a scan could not be read.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A program OCR needs is not installed.
    #[error("The program \"{0}\" is not installed; Andel needs it to read scans. On Debian or Ubuntu: sudo apt-get install tesseract-ocr tesseract-ocr-dan tesseract-ocr-nor tesseract-ocr-swe poppler-utils")]
    ProgramMissing(&'static str),
    /// Tesseract has no model for the language.
    #[error("Tesseract has no {} model installed. On Debian or Ubuntu: sudo apt-get install tesseract-ocr-{}", .0.english(), .0.tesseract_code())]
    LanguageMissing(Language),
    /// The program failed on this page.
    #[error("{program} could not read the page: {message}")]
    Program {
        program: &'static str,
        message: String,
    },
    /// The image file could not be decoded.
    #[error("This image cannot be read ({0}). Save the scan again as PNG, JPEG or TIFF.")]
    BadImage(String),
    /// The page image is larger than Andel reads.
    #[error("A page of {width} × {height} pixels is larger than Andel reads. Scan at 300 dpi.")]
    TooLarge { width: u32, height: u32 },
    /// Not a single word was found on any page.
    #[error("No words were found in this scan: it does not look like minutes, or the pages are blank. Choose the scan of the minutes (300 dpi, grey or black and white).")]
    NoWords,
    /// The user cancelled the reading.
    #[error("Reading the scan was cancelled; nothing was imported.")]
    Cancelled,
    /// A language code Andel does not know.
    #[error("Unknown OCR language \"{0}\": use da (Danish), nb (Norwegian) or sv (Swedish).")]
    UnknownLanguage(String),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::BadImage(_)
            | Error::TooLarge { .. }
            | Error::NoWords
            | Error::UnknownLanguage(_) => ErrorCode::InvalidInput,
            Error::Cancelled => ErrorCode::Cancelled,
            Error::ProgramMissing(_) | Error::LanguageMissing(_) | Error::Program { .. } => {
                ErrorCode::Internal
            }
        }
    }
}

/// The languages scans are read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Language {
    /// Danish.
    Da,
    /// Norwegian (Bokmål; Tesseract's `nor` model reads Nynorsk as well).
    Nb,
    /// Swedish.
    Sv,
}

impl Language {
    pub const ALL: [Language; 3] = [Language::Da, Language::Nb, Language::Sv];

    /// The language scans of this archive are read in: the association's country's, Danish when
    /// the archive has no association record yet.
    pub fn of_association(conn: &rusqlite::Connection) -> Language {
        crate::association::get(conn).map_or(Language::Da, |a| Language::for_country(a.country))
    }

    /// The association's country's language.
    pub fn for_country(country: Country) -> Language {
        match country {
            Country::DK => Language::Da,
            Country::NO => Language::Nb,
            Country::SE => Language::Sv,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Language::Da => "da",
            Language::Nb => "nb",
            Language::Sv => "sv",
        }
    }

    /// Tesseract's name of the model.
    pub fn tesseract_code(self) -> &'static str {
        match self {
            Language::Da => "dan",
            Language::Nb => "nor",
            Language::Sv => "swe",
        }
    }

    fn english(self) -> &'static str {
        match self {
            Language::Da => "Danish",
            Language::Nb => "Norwegian",
            Language::Sv => "Swedish",
        }
    }
}

impl std::str::FromStr for Language {
    type Err = Error;
    fn from_str(s: &str) -> Result<Language, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" | "dan" | "dk" => Ok(Language::Da),
            "nb" | "no" | "nn" | "nor" => Ok(Language::Nb),
            "sv" | "swe" | "se" => Ok(Language::Sv),
            _ => Err(Error::UnknownLanguage(s.to_string())),
        }
    }
}

/// Told about each page as it is read; may cancel the reading.
pub trait Observer {
    /// Page `page` (1-based) of `pages` is about to be read.
    fn page(&self, _page: u32, _pages: u32) {}
    /// Whether the reading should stop now.
    fn cancelled(&self) -> bool {
        false
    }
}

/// Reads quietly and to the end.
impl Observer for () {}

/// A word read by OCR: where it stands in the document's text and on its page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Word {
    /// The page, from 1.
    pub page: u32,
    /// Start and end (exclusive) in characters of the document's text.
    pub start: u32,
    pub end: u32,
    /// The box in pixels of the page image, from its top left corner.
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
    /// Tesseract's confidence, 0 to 100.
    pub confidence: u8,
}

/// How a page's text was got.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum PageSource {
    /// The PDF's own text layer.
    Text,
    /// OCR of the page image.
    Ocr,
}

/// One page of a scanned document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Page {
    /// From 1.
    pub number: u32,
    pub source: PageSource,
    /// The image's size in pixels and its resolution (for OCR pages; 0 for text pages).
    pub width: u32,
    pub height: u32,
    pub dpi: u32,
    /// The mean confidence of the page's words, 0 to 100 (OCR pages with words).
    pub mean_confidence: Option<u8>,
}

/// The pages and recognised words of a document that was (at least partly) read by OCR.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Layout {
    pub language: Language,
    pub pages: Vec<Page>,
    pub words: Vec<Word>,
}

impl Layout {
    /// How many pages were read by OCR (the others had a text layer of their own).
    pub fn ocr_pages(&self) -> u32 {
        let pages = self.pages.iter().filter(|p| p.source == PageSource::Ocr);
        u32::try_from(pages.count()).unwrap_or(u32::MAX)
    }

    /// The words Tesseract was unsure of (below [`LOW_CONFIDENCE`]).
    pub fn doubtful(&self) -> impl Iterator<Item = &Word> {
        self.words.iter().filter(|w| w.confidence < LOW_CONFIDENCE)
    }
}

/// Below this confidence a word is marked for review: a misread name ("Mø1gaard") is the likely leak.
pub const LOW_CONFIDENCE: u8 = 60;
/// A page read with a mean confidence below this gets a warning.
const POOR_MEAN: u8 = 75;
/// A page scanned below this resolution gets a warning.
const LOW_DPI: u32 = 150;
/// The resolution PDF pages are rendered at for OCR.
pub const RENDER_DPI: u32 = 300;

/// A page that may have been read badly (low resolution or low mean confidence). (`ScanWarning`
/// in the app's bindings, where `Warning` is a sublet's.)
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[cfg_attr(feature = "specta", specta(rename = "ScanWarning"))]
pub struct Warning {
    pub page: u32,
    pub dpi: u32,
    /// Tesseract's mean confidence over the page's words, 0 to 100.
    pub mean_confidence: u8,
}

impl std::fmt::Display for Warning {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "Page {} was read with a mean confidence of {} % (at {} dpi): the text may hold misread words. Check it, or scan the page again at 300 dpi, lying flat and straight.",
            self.page, self.mean_confidence, self.dpi
        )
    }
}

/// What a scanned document is made of.
#[derive(Debug)]
pub enum Scan<'a> {
    /// Decoded page images.
    Images(Vec<Gray>),
    /// A PDF and each page's own text (NFC-tidied; empty where the page has none and must be read).
    Pdf {
        bytes: &'a [u8],
        page_texts: Vec<String>,
    },
}

/// A scan read: its text, the layout of the recognised words, and warnings about poor pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reading {
    pub text: String,
    pub layout: Layout,
    pub warnings: Vec<Warning>,
}

/// A page's recognised words, with offsets in the page's own text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PageText {
    pub text: String,
    pub words: Vec<Word>,
}

/// A page of fewer letters than this counts as having no text layer (a scanner's stamp, a page number).
const MIN_LETTERS: usize = 16;

/// Whether a PDF page's own text is too thin to stand for the page.
pub fn needs_ocr(page_text: &str) -> bool {
    page_text.chars().filter(|c| c.is_alphabetic()).count() < MIN_LETTERS
}

/// Reads a scan: OCR where there is no text, the text layer elsewhere.
pub fn read(scan: Scan<'_>, language: Language, observer: &dyn Observer) -> Result<Reading, Error> {
    let mut segments: Vec<(u32, PageText)> = Vec::new();
    let mut pages = Vec::new();
    let mut warnings = Vec::new();
    let mut add_ocr =
        |number: u32, image: &Gray, pages: &mut Vec<Page>| -> Result<PageText, Error> {
            let tsv = run::tesseract_tsv(&image.to_pgm(), image.dpi, language, observer)?;
            let mut page = parse_tsv(&tsv, number);
            let mean = mean_confidence(&page.words);
            if let Some(mean) = mean {
                if mean < POOR_MEAN || image.dpi < LOW_DPI {
                    warnings.push(Warning {
                        page: number,
                        dpi: image.dpi,
                        mean_confidence: mean,
                    });
                }
            }
            pages.push(Page {
                number,
                source: PageSource::Ocr,
                width: image.width,
                height: image.height,
                dpi: image.dpi,
                mean_confidence: mean,
            });
            page.text = page.text.trim_end().to_string();
            Ok(page)
        };
    match scan {
        Scan::Images(images) => {
            let total = images.len() as u32;
            for (i, image) in images.iter().enumerate() {
                let number = i as u32 + 1;
                observer.page(number, total);
                if observer.cancelled() {
                    return Err(Error::Cancelled);
                }
                let page = add_ocr(number, image, &mut pages)?;
                segments.push((number, page));
            }
        }
        Scan::Pdf { bytes, page_texts } => {
            let total = page_texts.len() as u32;
            for (i, own) in page_texts.into_iter().enumerate() {
                let number = i as u32 + 1;
                if !needs_ocr(&own) {
                    pages.push(Page {
                        number,
                        source: PageSource::Text,
                        width: 0,
                        height: 0,
                        dpi: 0,
                        mean_confidence: None,
                    });
                    segments.push((
                        number,
                        PageText {
                            text: own.trim_end().to_string(),
                            words: Vec::new(),
                        },
                    ));
                    continue;
                }
                observer.page(number, total);
                if observer.cancelled() {
                    return Err(Error::Cancelled);
                }
                let image = pdf_page_image(bytes, number, observer)?;
                let page = add_ocr(number, &image, &mut pages)?;
                segments.push((number, page));
            }
        }
    }
    let layout_has_words = segments.iter().any(|(_, s)| !s.words.is_empty());
    let any_text = segments.iter().any(|(_, s)| !s.text.trim().is_empty());
    if !layout_has_words && !any_text {
        return Err(Error::NoWords);
    }
    // The document's text: the pages' texts, a blank line between them; word offsets move along.
    let mut text = String::new();
    let mut chars = 0u32;
    let mut words = Vec::new();
    for (_, segment) in segments {
        if segment.text.trim().is_empty() {
            continue;
        }
        if !text.is_empty() {
            text.push_str("\n\n");
            chars += 2;
        }
        for mut w in segment.words {
            w.start += chars;
            w.end += chars;
            words.push(w);
        }
        chars += segment.text.chars().count() as u32;
        text.push_str(&segment.text);
    }
    text.push('\n');
    Ok(Reading {
        text,
        layout: Layout {
            language,
            pages,
            words,
        },
        warnings,
    })
}

/// The own text of page `number` (from 1) of a PDF (pdftotext, through pipes).
pub fn pdf_page_text(pdf: &[u8], number: u32) -> Result<String, Error> {
    run::pdf_page_text(pdf, number)
}

/// Reads one page image: its text (lines and paragraphs as Tesseract found them) and its words.
pub fn recognize(
    image: &Gray,
    language: Language,
    observer: &dyn Observer,
) -> Result<PageText, Error> {
    let tsv = run::tesseract_tsv(&image.to_pgm(), image.dpi, language, observer)?;
    Ok(parse_tsv(&tsv, 1))
}

/// Renders page `number` (from 1) of a PDF for OCR, at [`RENDER_DPI`] or less for a huge page.
pub fn pdf_page_image(pdf: &[u8], number: u32, observer: &dyn Observer) -> Result<Gray, Error> {
    let dpi = pdf_page_dpi(pdf, number);
    let pgm = run::render_pdf_page(pdf, number, dpi, observer)?;
    Gray::from_pgm(&pgm, dpi)
}

/// The resolution that keeps a page under [`image::MAX_PIXELS`]: 300 dpi for any paper size up to A2.
fn pdf_page_dpi(pdf: &[u8], number: u32) -> u32 {
    let size = lopdf::Document::load_mem(pdf).ok().and_then(|doc| {
        let id = *doc.get_pages().get(&number)?;
        let mut dict = doc.get_dictionary(id).ok()?;
        // MediaBox may be inherited from the page tree.
        for _ in 0..32 {
            if let Ok(b) = dict.get(b"MediaBox").and_then(|o| o.as_array()) {
                let n: Vec<f32> = b.iter().filter_map(|o| o.as_float().ok()).collect();
                if n.len() == 4 {
                    return Some(((n[2] - n[0]).abs(), (n[3] - n[1]).abs()));
                }
            }
            let parent = dict.get(b"Parent").and_then(|o| o.as_reference()).ok()?;
            dict = doc.get_dictionary(parent).ok()?;
        }
        None
    });
    let (w, h) = size.unwrap_or((595.0, 842.0));
    let inches = f64::from(w.max(1.0)) * f64::from(h.max(1.0)) / (72.0 * 72.0);
    let max = (image::MAX_PIXELS as f64 / inches).sqrt();
    (RENDER_DPI as f64).min(max).max(10.0) as u32
}

fn mean_confidence(words: &[Word]) -> Option<u8> {
    if words.is_empty() {
        return None;
    }
    let sum: u32 = words.iter().map(|w| u32::from(w.confidence)).sum();
    Some((sum / words.len() as u32) as u8)
}

/// A word as the text gets it: NFC, without the invisible characters and odd spaces that the text
/// extraction drops (so offsets agree with the tidied text), without inner whitespace.
fn clean_word(raw: &str) -> String {
    raw.nfc()
        .filter(|c| {
            !c.is_whitespace()
                && !c.is_control()
                && !matches!(
                    c,
                    '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
                )
        })
        .collect()
}

/// Tesseract's TSV as text and words: a line of text per line Tesseract found, a blank line
/// between paragraphs and blocks.
pub fn parse_tsv(tsv: &str, page: u32) -> PageText {
    let mut out = PageText::default();
    let mut chars = 0u32;
    let mut last: Option<(u32, u32, u32)> = None;
    for row in tsv.lines().skip(1) {
        let cols: Vec<&str> = row.splitn(12, '\t').collect();
        if cols.len() < 12 || cols[0] != "5" {
            continue;
        }
        let num = |i: usize| cols[i].trim().parse::<i64>().unwrap_or(0).max(0) as u32;
        let word = clean_word(cols[11]);
        if word.is_empty() {
            continue;
        }
        let confidence = cols[10]
            .trim()
            .parse::<f32>()
            .unwrap_or(0.0)
            .clamp(0.0, 100.0);
        let line = (num(2), num(3), num(4));
        if let Some(prev) = last {
            let sep = if prev == line {
                " "
            } else if (prev.0, prev.1) == (line.0, line.1) {
                "\n"
            } else {
                "\n\n"
            };
            out.text.push_str(sep);
            chars += sep.len() as u32;
        }
        last = Some(line);
        let len = word.chars().count() as u32;
        out.words.push(Word {
            page,
            start: chars,
            end: chars + len,
            x: num(6),
            y: num(7),
            w: num(8),
            h: num(9),
            confidence: confidence.round() as u8,
        });
        out.text.push_str(&word);
        chars += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tsv_to_lines_paragraphs_and_offsets() {
        let tsv = "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n\
            1\t1\t0\t0\t0\t0\t0\t0\t2480\t3508\t-1\t\n\
            5\t1\t1\t1\t1\t1\t10\t20\t30\t40\t96.5\tReferat\n\
            5\t1\t1\t1\t1\t2\t50\t20\t30\t40\t91\taf\n\
            5\t1\t1\t1\t2\t1\t10\t80\t30\t40\t42.2\tSøren\n\
            5\t1\t2\t1\t1\t1\t10\t200\t30\t40\t88\tMø1gaard\n\
            5\t1\t2\t1\t1\t2\t10\t200\t30\t40\t88\t \n";
        let page = parse_tsv(tsv, 3);
        assert_eq!(page.text, "Referat af\nSøren\n\nMø1gaard");
        let texts: Vec<String> = page
            .words
            .iter()
            .map(|w| {
                page.text
                    .chars()
                    .skip(w.start as usize)
                    .take((w.end - w.start) as usize)
                    .collect()
            })
            .collect();
        assert_eq!(texts, ["Referat", "af", "Søren", "Mø1gaard"]);
        assert_eq!(page.words[2].confidence, 42);
        assert_eq!(page.words[3].page, 3);
    }

    #[test]
    fn languages_and_countries() {
        assert_eq!("nb".parse::<Language>().unwrap(), Language::Nb);
        assert_eq!("SV".parse::<Language>().unwrap().tesseract_code(), "swe");
        assert!("fi".parse::<Language>().is_err());
        assert_eq!(Language::for_country(Country::DK), Language::Da);
        assert!(needs_ocr("Side 1"));
        assert!(!needs_ocr("Referat af generalforsamlingen"));
    }
}
