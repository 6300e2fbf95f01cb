//! Scanned minutes in the archive: reading them at import (OCR where a page has no text of its own,
//! see [`crate::ocr`]), keeping each recognised word's box and confidence beside the document
//! (tables `ocr_page` and `ocr_word`), and marking the words OCR was unsure of for the review.

use rusqlite::{params, Connection};

use super::extract::{pdf_pages, tidy, Format};
use super::Error;
use crate::ocr::{self, Language, Layout, Observer, Page, PageSource, Word};
use crate::redact::{Decision, Finding, Kind, Recognizer};
use crate::register::Id;

/// How scans are read at import: in which language, and who hears about the pages.
#[derive(Clone, Copy)]
pub struct Ocr<'a> {
    pub language: Language,
    pub observer: &'a dyn Observer,
}

impl std::fmt::Debug for Ocr<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ocr")
            .field("language", &self.language)
            .finish_non_exhaustive()
    }
}

/// Reads a scan: an image file, or a PDF with pages that have no text. `Ok(None)` for a PDF whose
/// every page has its own text (the plain extraction reads it).
pub(super) fn read(
    bytes: &[u8],
    format: Format,
    with: &Ocr<'_>,
) -> Result<Option<ocr::Reading>, Error> {
    let scan = if let Some(image) = format.image() {
        ocr::Scan::Images(ocr::image::decode(bytes, image)?)
    } else if format == Format::Pdf {
        let pages = pdf_pages(bytes)?;
        if !pages.iter().any(|p| ocr::needs_ocr(p)) {
            return Ok(None);
        }
        let page_texts = pages
            .iter()
            .map(|p| {
                if ocr::needs_ocr(p) {
                    String::new()
                } else {
                    tidy(p)
                }
            })
            .collect();
        ocr::Scan::Pdf { bytes, page_texts }
    } else {
        return Ok(None);
    };
    Ok(Some(ocr::read(scan, with.language, with.observer)?))
}

fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    super::db(op)
}

/// Stores the layout of a document read by OCR.
pub(super) fn store(conn: &Connection, id: Id, layout: &Layout) -> Result<(), Error> {
    let mut page = conn
        .prepare(
            "INSERT INTO ocr_page (document_id, page, source, language, width, height, dpi,
                                   mean_confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        )
        .map_err(db("storing the scan's pages"))?;
    for p in &layout.pages {
        page.execute(params![
            id,
            p.number,
            match p.source {
                PageSource::Text => "text",
                PageSource::Ocr => "ocr",
            },
            layout.language.code(),
            p.width,
            p.height,
            p.dpi,
            p.mean_confidence
        ])
        .map_err(db("storing the scan's pages"))?;
    }
    let mut word = conn
        .prepare(
            "INSERT INTO ocr_word (document_id, page, start_char, end_char, x, y, w, h, confidence)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        )
        .map_err(db("storing the scan's words"))?;
    for w in &layout.words {
        word.execute(params![
            id,
            w.page,
            w.start,
            w.end,
            w.x,
            w.y,
            w.w,
            w.h,
            w.confidence
        ])
        .map_err(db("storing the scan's words"))?;
    }
    Ok(())
}

/// The layout of a document read by OCR; `None` for one that was not.
pub fn layout(conn: &Connection, id: Id) -> Result<Option<Layout>, Error> {
    let mut stmt = conn
        .prepare(
            "SELECT page, source, language, width, height, dpi, mean_confidence
             FROM ocr_page WHERE document_id = ?1 ORDER BY page",
        )
        .map_err(db("reading the scan's pages"))?;
    let rows: Vec<(Page, String)> = stmt
        .query_map([id], |r| {
            let source: String = r.get(1)?;
            Ok((
                Page {
                    number: r.get(0)?,
                    source: if source == "ocr" {
                        PageSource::Ocr
                    } else {
                        PageSource::Text
                    },
                    width: r.get(3)?,
                    height: r.get(4)?,
                    dpi: r.get(5)?,
                    mean_confidence: r.get(6)?,
                },
                r.get(2)?,
            ))
        })
        .and_then(|rows| rows.collect())
        .map_err(db("reading the scan's pages"))?;
    let Some(language) = rows.first().and_then(|(_, l)| l.parse::<Language>().ok()) else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare(
            "SELECT page, start_char, end_char, x, y, w, h, confidence
             FROM ocr_word WHERE document_id = ?1 ORDER BY start_char",
        )
        .map_err(db("reading the scan's words"))?;
    let words = stmt
        .query_map([id], |r| {
            Ok(Word {
                page: r.get(0)?,
                start: r.get(1)?,
                end: r.get(2)?,
                x: r.get(3)?,
                y: r.get(4)?,
                w: r.get(5)?,
                h: r.get(6)?,
                confidence: r.get(7)?,
            })
        })
        .and_then(|rows| rows.collect())
        .map_err(db("reading the scan's words"))?;
    Ok(Some(Layout {
        language,
        pages: rows.into_iter().map(|(p, _)| p).collect(),
        words,
    }))
}

/// Findings for the words OCR read with low confidence that no recognizer flagged: suggested to
/// stay, but each waits for the webmaster's look at the page (a misread name is the likely leak).
pub fn doubtful_words(text: &str, layout: &Layout, found: &[Finding]) -> Vec<Finding> {
    let chars: Vec<char> = text.chars().collect();
    layout
        .doubtful()
        .filter(|w| {
            !found
                .iter()
                .any(|f| (f.start as u32) < w.end && (w.start) < f.end as u32)
        })
        .filter_map(|w| {
            let word: String = chars
                .get(w.start as usize..w.end as usize)?
                .iter()
                .collect();
            if word.chars().filter(|c| c.is_alphanumeric()).count() < 2 {
                return None;
            }
            let capital = word.chars().next().is_some_and(char::is_uppercase);
            Some(Finding {
                start: w.start as usize,
                end: w.end as usize,
                kind: if capital { Kind::Person } else { Kind::Other },
                text: word,
                recognizer: Recognizer::Ocr,
                score: f32::from(w.confidence) / 100.0,
                reason: format!(
                    "read by OCR with {} % confidence: check the word on page {}",
                    w.confidence, w.page
                ),
                decision: Decision::Keep,
                subject: None,
            })
        })
        .collect()
}
