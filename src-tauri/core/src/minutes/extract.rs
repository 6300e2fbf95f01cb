//! Text out of the files minutes arrive as.
//!
//! - .txt and .md: UTF-8 (with or without a byte-order mark), else Windows-1252, which older Word
//!   exports use; a file with NUL bytes or many control characters is not text.
//! - .docx: `publish::docx::extract`, the text publishing in place maps back to the file: the body
//!   in document order, paragraphs as lines and each table row as one line with its cells separated
//!   by " | " (so a name in a table reads like a name in a sentence), then headers, footers,
//!   footnotes, endnotes and the hidden places (link targets, alt text, field arguments).
//! - .pdf: every page's text-showing operators, decoded with each font's encoding (ToUnicode maps
//!   included), with line breaks where the text moves down and blank lines at larger gaps and page
//!   ends. A PDF whose pages show no text is a scan: [`Error::NoTextLayer`].
//!
//! All text comes out NFC-normalised with `\n` line ends, so offsets agree between import, review
//! and export.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::Error;

/// The formats minutes are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Txt,
    Md,
    Docx,
    Pdf,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
        }
    }

    pub(super) fn from_code(code: &str) -> Option<Format> {
        match code.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            _ => None,
        }
    }

    /// The format a file's name ends in.
    pub fn from_file_name(name: &str) -> Result<Format, Error> {
        let ext = std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("");
        Format::from_code(ext).ok_or_else(|| Error::UnknownFormat(name.to_string()))
    }
}

/// The most a PDF page's content may inflate to.
const MAX_PAGE: usize = 64 << 20;

/// The text of a file of minutes in `format`.
pub fn extract_text(bytes: &[u8], format: Format) -> Result<String, Error> {
    let text = match format {
        Format::Txt | Format::Md => tidy(&plain(bytes)?),
        // The same text (and layout) that publishing the .docx in place maps back to its parts.
        Format::Docx => {
            crate::publish::docx::extract(bytes)
                .map_err(|e| match e {
                    crate::publish::docx::Error::Damaged(m) => Error::DamagedDocx(m),
                    other => Error::Docx(other),
                })?
                .text
        }
        Format::Pdf => tidy(&pdf(bytes)?),
    };
    if text.trim().is_empty() {
        return Err(if format == Format::Pdf {
            Error::NoTextLayer
        } else {
            Error::Empty
        });
    }
    Ok(text)
}

/// NFC, `\n` line ends, no trailing spaces, at most one blank line in a row, no NULs. Invisible
/// characters that would split a name for the recognizers ("Bund\u{ad}gaard", a zero-width space)
/// are dropped, and no-break spaces become plain ones, so a name or a phone number reads the same
/// however the word processor joined it.
fn tidy(raw: &str) -> String {
    let text: String = raw
        .replace("\r\n", "\n")
        .replace(['\r', '\u{2028}', '\u{2029}', '\u{0b}', '\u{0c}'], "\n")
        .replace(
            [
                '\u{0}', '\u{feff}', '\u{ad}', '\u{200b}', '\u{200c}', '\u{200d}', '\u{2060}',
            ],
            "",
        )
        .replace(['\u{a0}', '\u{202f}', '\u{2007}', '\u{2009}'], " ")
        .nfc()
        .collect();
    let mut out = String::with_capacity(text.len());
    let mut blank = 0;
    for line in text.lines() {
        let line = line.trim_end();
        if line.trim().is_empty() {
            blank += 1;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        out.push_str(line);
    }
    out.push('\n');
    out
}

fn plain(bytes: &[u8]) -> Result<String, Error> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let control = bytes
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\n' | b'\r' | b'\t' | 0x0c))
        .count();
    if bytes.contains(&0) || control * 20 > bytes.len().max(1) {
        return Err(Error::NotText);
    }
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_string()),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok(text.into_owned())
        }
    }
}

fn pdf(bytes: &[u8]) -> Result<String, Error> {
    use lopdf::{Document, Object};
    if !bytes.starts_with(b"%PDF") && !bytes.get(..1024).is_some_and(|h| find(h, b"%PDF")) {
        return Err(Error::DamagedPdf("it does not start like a PDF".into()));
    }
    let doc = Document::load_mem(bytes).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => Error::EncryptedPdf,
        other => Error::DamagedPdf(other.to_string()),
    })?;
    if doc.is_encrypted() {
        return Err(Error::EncryptedPdf);
    }
    let mut out = String::new();
    for (_, page_id) in doc.get_pages() {
        let fonts = doc.get_page_fonts(page_id).unwrap_or_default();
        let encodings: std::collections::BTreeMap<Vec<u8>, lopdf::Encoding> = fonts
            .into_iter()
            .filter_map(|(name, font)| {
                font.get_font_encoding_with_limit(&doc, MAX_PAGE)
                    .ok()
                    .map(|e| (name, e))
            })
            .collect();
        let content = doc
            .get_page_content_with_limit(page_id, MAX_PAGE)
            .map_err(|e| Error::DamagedPdf(e.to_string()))?;
        let content = lopdf::content::Content::decode(&content)
            .map_err(|e| Error::DamagedPdf(e.to_string()))?;
        let mut page = PageText::default();
        let mut encoding = None;
        for op in &content.operations {
            let num = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
            match op.operator.as_str() {
                "Tf" => {
                    page.size = num(1).unwrap_or(0.0).abs();
                    encoding = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|n| encodings.get(n));
                }
                "BT" => page.begin(),
                "Td" | "TD" => page.move_by(num(0).unwrap_or(0.0), num(1).unwrap_or(0.0)),
                "Tm" => {
                    page.scale = num(3).unwrap_or(1.0).abs();
                    page.move_to(num(4).unwrap_or(0.0), num(5).unwrap_or(0.0));
                }
                "TL" => page.leading = num(0).unwrap_or(0.0),
                "T*" => page.move_by(0.0, -page.leading.abs().max(1.0)),
                "'" | "\"" => {
                    page.move_by(0.0, -page.leading.abs().max(1.0));
                    if let (Some(enc), Some(Object::String(s, _))) = (encoding, op.operands.last())
                    {
                        page.show(&enc.bytes_to_string(s).unwrap_or_default());
                    }
                }
                "Tj" | "TJ" => {
                    let Some(enc) = encoding else { continue };
                    for operand in &op.operands {
                        match operand {
                            Object::String(s, _) => {
                                page.show(&enc.bytes_to_string(s).unwrap_or_default())
                            }
                            Object::Array(items) => {
                                for item in items {
                                    match item {
                                        Object::String(s, _) => {
                                            page.show(&enc.bytes_to_string(s).unwrap_or_default())
                                        }
                                        other => {
                                            // A large negative kern is a word gap.
                                            if other.as_float().is_ok_and(|k| k < -200.0) {
                                                page.space();
                                            }
                                        }
                                    }
                                }
                            }
                            _ => {}
                        }
                    }
                }
                _ => {}
            }
        }
        if !page.text.trim().is_empty() {
            out.push_str(page.text.trim_end());
            out.push_str("\n\n");
        }
    }
    if out.trim().is_empty() {
        return Err(Error::NoTextLayer);
    }
    Ok(out)
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

/// The text of one page as its operators place it, with line and paragraph breaks where the text
/// moves down.
#[derive(Debug, Default)]
struct PageText {
    text: String,
    /// The text line matrix's origin (reset by BT; Td moves are relative to it).
    line_x: f32,
    line_y: f32,
    leading: f32,
    /// Where the last text was shown, and the smallest line step seen (a larger step is a new
    /// paragraph).
    last_y: Option<f32>,
    step: Option<f32>,
    moved: bool,
    /// Font size (Tf) and the text matrix's vertical scale: a step of more than about 1.75 times
    /// the size is a paragraph break.
    size: f32,
    scale: f32,
}

impl PageText {
    fn begin(&mut self) {
        self.line_x = 0.0;
        self.line_y = 0.0;
        self.scale = 1.0;
    }

    fn move_by(&mut self, dx: f32, dy: f32) {
        self.move_to(self.line_x + dx, self.line_y + dy);
    }

    fn move_to(&mut self, x: f32, y: f32) {
        self.line_x = x;
        self.line_y = y;
        self.moved = true;
    }

    fn space(&mut self) {
        if !self.text.is_empty() && !self.text.ends_with(char::is_whitespace) {
            self.text.push(' ');
        }
    }

    fn show(&mut self, s: &str) {
        if s.is_empty() {
            return;
        }
        if let Some(last) = self.last_y {
            let dy = (self.line_y - last).abs();
            if dy > 0.5 {
                let step = self.step.map_or(dy, |st| st.min(dy));
                self.step = Some(step);
                while self.text.ends_with(' ') {
                    self.text.pop();
                }
                let size = self.size * if self.scale > 0.0 { self.scale } else { 1.0 };
                let paragraph = if size > 0.0 {
                    dy > size * 1.75
                } else {
                    dy > step * 1.4
                };
                self.text.push_str(if paragraph { "\n\n" } else { "\n" });
            } else if self.moved {
                self.space();
            }
        }
        self.moved = false;
        self.last_y = Some(self.line_y);
        self.text.push_str(s);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_files_in_utf8_and_windows_1252() {
        assert_eq!(
            extract_text("Referat\r\n\r\n\r\nSøren".as_bytes(), Format::Txt).unwrap(),
            "Referat\n\nSøren\n"
        );
        assert_eq!(
            extract_text(b"S\xf8ren \xe6bler", Format::Md).unwrap(),
            "Søren æbler\n"
        );
        assert!(matches!(
            extract_text(b"\x7fELF\x02\x01\x01\0\0\0", Format::Txt),
            Err(Error::NotText)
        ));
        assert_eq!(
            extract_text(
                "Freja\u{a0}Bund\u{ad}gaard\u{200b}s".as_bytes(),
                Format::Txt
            )
            .unwrap(),
            "Freja Bundgaards\n"
        );
        assert!(matches!(
            extract_text(b"  \n ", Format::Txt),
            Err(Error::Empty)
        ));
    }

    #[test]
    fn junk_is_no_docx_and_no_pdf() {
        assert!(matches!(
            extract_text(b"not a zip", Format::Docx),
            Err(Error::DamagedDocx(_))
        ));
        assert!(matches!(
            extract_text(b"not a pdf", Format::Pdf),
            Err(Error::DamagedPdf(_))
        ));
    }
}
