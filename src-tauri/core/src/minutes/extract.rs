//! Text out of the files minutes arrive as.
//!
//! - .txt and .md: UTF-8 (with or without a byte-order mark), else Windows-1252, which older Word
//!   exports use; a file with NUL bytes or many control characters is not text.
//! - .docx: a zip of XML; `word/document.xml` is walked in document order, paragraphs as lines and
//!   each table row as one line with its cells separated by " | ", so a name in a table reads like
//!   a name in a sentence for the redaction.
//! - .pdf: every page's text-showing operators, decoded with each font's encoding (ToUnicode maps
//!   included), with line breaks where the text moves down and blank lines at larger gaps and page
//!   ends. A PDF whose pages show no text is a scan: [`Error::NoTextLayer`].
//!
//! All text comes out NFC-normalised with `\n` line ends, so offsets agree between import, review
//! and export.

use std::io::Read;

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

/// The most a .docx part may inflate to (a zip bomb stops here).
const MAX_XML: u64 = 64 << 20;
/// The most a PDF page's content may inflate to.
const MAX_PAGE: usize = 64 << 20;

/// The text of a file of minutes in `format`.
pub fn extract_text(bytes: &[u8], format: Format) -> Result<String, Error> {
    let raw = match format {
        Format::Txt | Format::Md => plain(bytes)?,
        Format::Docx => docx(bytes)?,
        Format::Pdf => pdf(bytes)?,
    };
    let text = tidy(&raw);
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

fn docx(bytes: &[u8]) -> Result<String, Error> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| Error::DamagedDocx(format!("not a zip file: {e}")))?;
    let mut xml = Vec::new();
    {
        let part = archive.by_name("word/document.xml").map_err(|_| {
            Error::DamagedDocx("it has no word/document.xml; is it a Word document?".into())
        })?;
        part.take(MAX_XML)
            .read_to_end(&mut xml)
            .map_err(|e| Error::DamagedDocx(format!("the document part cannot be read: {e}")))?;
    }
    docx_text(&xml)
}

/// Walks `word/document.xml`: paragraphs in order, table rows as lines of cells.
fn docx_text(xml: &[u8]) -> Result<String, Error> {
    use quick_xml::events::Event;
    let mut reader = quick_xml::Reader::from_reader(xml);
    let mut buf = Vec::new();
    let mut out = String::new();
    let mut para = String::new();
    // Table state: depth, the current row's cells, the current cell's text.
    let mut depth = 0usize;
    let mut row: Vec<String> = Vec::new();
    let mut cell = String::new();
    let mut in_text = false;
    let mut in_run = false;
    // Inside <mc:Fallback> (a duplicate of <mc:Choice>) or deleted text: skip.
    let mut skip = 0usize;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Error::DamagedDocx(format!("the XML is broken: {e}")))?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                b"t" => in_text = true,
                b"r" => in_run = true,
                b"tbl" => depth += 1,
                b"Fallback" | b"delText" => skip += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                // Only inside a run: <w:tab/> in a paragraph's properties is a tab stop.
                b"tab" if skip == 0 && in_run => para.push('\t'),
                b"br" | b"cr" if skip == 0 && in_run => para.push('\n'),
                b"noBreakHyphen" if skip == 0 && in_run => para.push('-'),
                _ => {}
            },
            Event::Text(t) if in_text && skip == 0 => {
                let s = t
                    .decode()
                    .map_err(|e| Error::DamagedDocx(format!("the text is not readable: {e}")))?;
                let s = quick_xml::escape::unescape(&s)
                    .map_err(|e| Error::DamagedDocx(format!("the text is not readable: {e}")))?;
                para.push_str(&s);
            }
            Event::GeneralRef(r) if in_text && skip == 0 => {
                let name = r
                    .decode()
                    .map_err(|e| Error::DamagedDocx(format!("the text is not readable: {e}")))?;
                let entity = format!("&{name};");
                let s = quick_xml::escape::unescape(&entity)
                    .map_err(|e| Error::DamagedDocx(format!("the text is not readable: {e}")))?;
                para.push_str(&s);
            }
            Event::End(e) => match e.local_name().as_ref() {
                b"t" => in_text = false,
                b"r" => in_run = false,
                b"Fallback" | b"delText" => skip = skip.saturating_sub(1),
                b"p" if skip == 0 => {
                    let p = std::mem::take(&mut para);
                    if depth == 0 {
                        out.push_str(p.trim_end());
                        out.push_str("\n\n");
                    } else {
                        if !cell.is_empty() && !p.trim().is_empty() {
                            cell.push(' ');
                        }
                        cell.push_str(p.trim());
                    }
                }
                b"tc" if depth == 1 => row.push(std::mem::take(&mut cell).replace('\n', " ")),
                b"tr" if depth == 1 => {
                    let cells = std::mem::take(&mut row);
                    if cells.iter().any(|c| !c.trim().is_empty()) {
                        out.push_str(&cells.join(" | "));
                        out.push('\n');
                    }
                }
                b"tbl" => {
                    depth = depth.saturating_sub(1);
                    if depth == 0 {
                        out.push('\n');
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
        buf.clear();
    }
    Ok(out)
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
    fn docx_paragraphs_and_tables_in_order() {
        let xml = r#"<?xml version="1.0"?><w:document xmlns:w="w"><w:body>
            <w:p><w:pPr><w:tabs><w:tab w:val="left" w:pos="4000"/></w:tabs></w:pPr><w:r><w:t>Referat</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>Navn</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Andel</w:t></w:r></w:p></w:tc></w:tr>
            <w:tr><w:tc><w:p><w:r><w:t xml:space="preserve">Jens </w:t></w:r><w:r><w:t>Berg &amp; co</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>17</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            <w:p><w:r><w:t>Slut</w:t></w:r><w:r><w:delText>væk</w:delText></w:r></w:p></w:body></w:document>"#.as_bytes();
        assert_eq!(
            tidy(&docx_text(xml).unwrap()),
            "Referat\n\nNavn | Andel\nJens Berg & co | 17\n\nSlut\n"
        );
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
