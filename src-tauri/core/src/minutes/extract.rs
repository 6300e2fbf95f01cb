//! Text out of the files minutes arrive as.
//!
//! - .txt and .md: UTF-8 (with or without a byte-order mark), else Windows-1252, which older Word
//!   exports use; a file with NUL bytes or many control characters is not text.
//! - .docx: `formats::docx::extract`, the text publishing in place maps back to the file: the body
//!   in document order, paragraphs as lines and each table row as one line with its cells separated
//!   by " | " (so a name in a table reads like a name in a sentence), then headers, footers,
//!   footnotes, endnotes and the hidden places (link targets, alt text, field arguments).
//! - .pdf: the text `formats::pdf::extract` reads (glyphs in content order, decoded with each
//!   font's ToUnicode map or encoding, spaces and line breaks from where the glyphs stand), so
//!   review decisions apply to the original PDF when it is published. A PDF whose pages show no
//!   text is a scan: [`Error::NoTextLayer`].
//!
//! All text comes out NFC-normalised with `\n` line ends, so offsets agree between import, review
//! and export.

use serde::{Deserialize, Serialize};
use unicode_normalization::UnicodeNormalization;

use super::Error;
use crate::formats::{docx, pdf};

/// The formats minutes are imported from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Txt,
    Md,
    Docx,
    Pdf,
    /// A scanned page as an image, read by OCR.
    Png,
    Jpeg,
    /// One or several scanned pages.
    Tiff,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Txt => "txt",
            Format::Md => "md",
            Format::Docx => "docx",
            Format::Pdf => "pdf",
            Format::Png => "png",
            Format::Jpeg => "jpeg",
            Format::Tiff => "tiff",
        }
    }

    pub(super) fn from_code(code: &str) -> Option<Format> {
        match code.to_ascii_lowercase().as_str() {
            "txt" | "text" => Some(Format::Txt),
            "md" | "markdown" => Some(Format::Md),
            "docx" => Some(Format::Docx),
            "pdf" => Some(Format::Pdf),
            "png" => Some(Format::Png),
            "jpg" | "jpeg" => Some(Format::Jpeg),
            "tif" | "tiff" => Some(Format::Tiff),
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

    /// The largest file of this format Andel reads as minutes. Far above any real minutes (a text
    /// of 32 MB is some 10,000 pages; a scanned assembly of 200 pages at 300 dpi is some tens of
    /// MB), and low enough that reading and extracting one stays within a laptop's memory.
    pub fn max_file_bytes(self) -> u64 {
        match self {
            Format::Txt | Format::Md => 32 << 20,
            Format::Docx | Format::Png | Format::Jpeg | Format::Tiff => 128 << 20,
            Format::Pdf => 256 << 20,
        }
    }

    /// The image format of a scan, for the formats that are images.
    pub fn image(self) -> Option<crate::ocr::ImageFormat> {
        match self {
            Format::Png => Some(crate::ocr::ImageFormat::Png),
            Format::Jpeg => Some(crate::ocr::ImageFormat::Jpeg),
            Format::Tiff => Some(crate::ocr::ImageFormat::Tiff),
            Format::Txt | Format::Md | Format::Docx | Format::Pdf => None,
        }
    }
}

/// The bytes of a file of minutes, refused before it is read when it is larger than its format
/// allows ([`Format::max_file_bytes`]; a name Andel does not know gets the largest limit, and
/// the format is refused where it is used).
pub fn read_file(path: &std::path::Path) -> Result<Vec<u8>, Error> {
    let max = Format::from_file_name(&path.to_string_lossy())
        .map_or(Format::Pdf.max_file_bytes(), Format::max_file_bytes);
    crate::files::read_at_most(path, "minutes in this format", max).map_err(Error::Read)
}

/// The text of a file of minutes in `format`.
pub fn extract_text(bytes: &[u8], format: Format) -> Result<String, Error> {
    let text = match format {
        Format::Txt | Format::Md => tidy(&plain(bytes)?),
        // The same text (and layout) that publishing the .docx in place maps back to its parts.
        Format::Docx => {
            docx::extract(bytes)
                .map_err(|e| match e {
                    docx::Error::Damaged(m) => Error::DamagedDocx(m),
                    other => Error::Docx(other),
                })?
                .text
        }
        // The same text (and so the same offsets) that `formats::pdf` redacts the original with.
        Format::Pdf => tidy(&pdf::extract(bytes)?.text),
        Format::Png | Format::Jpeg | Format::Tiff => return Err(Error::NoTextLayer),
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
pub(crate) fn tidy(raw: &str) -> String {
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

/// A plain-text file's own characters, and where each character of its extracted text stands among
/// them: positions reported to scripts count the file as written (CRLF line ends, a byte-order mark,
/// trailing spaces and runs of blank lines included), not the tidied text.
#[derive(Debug, Clone)]
pub struct AsWritten {
    /// The file decoded, nothing removed.
    chars: Vec<char>,
    /// For each character of the extracted text, the range of file characters it came from.
    spans: Vec<(usize, usize)>,
}

impl AsWritten {
    /// The file positions (in characters) of the extracted text's characters `start..end`, and the
    /// file's text there.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize, String)> {
        if start >= end {
            return None;
        }
        let s = self.spans.get(start)?.0;
        let e = self.spans.get(end - 1)?.1;
        let text = self.chars.get(s..e)?.iter().collect();
        Some((s, e, text))
    }
}

/// Where the extracted `text` of a .txt or .md file stands in the file's own characters; `None` for
/// other formats (their positions count the extracted text) and when the two cannot be lined up.
pub fn as_written(bytes: &[u8], format: Format, text: &str) -> Option<AsWritten> {
    if !matches!(format, Format::Txt | Format::Md) {
        return None;
    }
    let raw = match std::str::from_utf8(bytes) {
        Ok(s) => s.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let chars: Vec<char> = raw.chars().collect();
    let mut spans = Vec::with_capacity(text.len());
    let mut r = 0usize;
    let mut nfd: Vec<char> = Vec::new();
    for e in text.chars() {
        loop {
            let Some(&c) = chars.get(r) else {
                // The line end tidying adds after the last line.
                if e == '\n' {
                    spans.push((r, r));
                    break;
                }
                return None;
            };
            let same = c == e
                || (e == ' ' && matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}'))
                || (e == '\n' && matches!(c, '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}'));
            if same {
                let mut end = r + 1;
                if c == '\r' && chars.get(end) == Some(&'\n') {
                    end += 1;
                }
                spans.push((r, end));
                r = end;
                break;
            }
            // A character tidying composed ("e" + U+0301 is "é").
            nfd.clear();
            nfd.extend(std::iter::once(e).nfd());
            if nfd.len() > 1
                && chars
                    .get(r..r + nfd.len())
                    .is_some_and(|w| w.iter().copied().nfc().eq(std::iter::once(e)))
            {
                spans.push((r, r + nfd.len()));
                r += nfd.len();
                break;
            }
            // What tidying drops: a byte-order mark, invisible characters, line ends, trailing and
            // blank-line spaces.
            let dropped = c.is_whitespace()
                || matches!(
                    c,
                    '\u{0}'
                        | '\u{feff}'
                        | '\u{ad}'
                        | '\u{200b}'
                        | '\u{200c}'
                        | '\u{200d}'
                        | '\u{2060}'
                );
            if !dropped {
                return None;
            }
            r += 1;
        }
    }
    Some(AsWritten { chars, spans })
}

/// Which UTF-16 a text file is in, if it is: by its byte-order mark, or (Notepad's "Unicode"
/// without one) by the zero bytes that every Latin letter brings in one half of each pair.
fn utf16_kind(bytes: &[u8]) -> Option<(&'static encoding_rs::Encoding, &[u8])> {
    if let Some(rest) = bytes.strip_prefix(b"\xff\xfe") {
        return Some((encoding_rs::UTF_16LE, rest));
    }
    if let Some(rest) = bytes.strip_prefix(b"\xfe\xff") {
        return Some((encoding_rs::UTF_16BE, rest));
    }
    let head = &bytes[..bytes.len().min(4096) & !1];
    if head.len() < 4 {
        return None;
    }
    let pairs = head.len() / 2;
    let zero_at = |odd: usize| head.chunks_exact(2).filter(|p| p[odd] == 0).count();
    let (high_zero, low_zero) = (zero_at(1), zero_at(0));
    // Mostly Latin text: one byte of each pair is zero, the other almost never.
    if high_zero * 10 >= pairs * 6 && low_zero * 20 <= pairs {
        Some((encoding_rs::UTF_16LE, bytes))
    } else if low_zero * 10 >= pairs * 6 && high_zero * 20 <= pairs {
        Some((encoding_rs::UTF_16BE, bytes))
    } else {
        None
    }
}

fn plain(bytes: &[u8]) -> Result<String, Error> {
    if let Some((encoding, body)) = utf16_kind(bytes) {
        let (text, bad) = encoding.decode_without_bom_handling(body);
        if !bad && !text.contains('\0') {
            return Ok(text.into_owned());
        }
        return Err(Error::NotText);
    }
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

/// Each page's own text, in page order (empty for a page that shows no text), as poppler's
/// pdftotext reads it page by page (through pipes): OCR uses it to tell text pages from scanned ones.
pub(crate) fn pdf_pages(bytes: &[u8]) -> Result<Vec<String>, Error> {
    let pages = pdf::load_bounded(bytes)?.get_pages().len() as u32;
    (1..=pages)
        .map(|p| crate::ocr::pdf_page_text(bytes, p).map_err(Error::Ocr))
        .collect()
}

/// A PDF that could not be read, as minutes that could not be imported.
impl From<pdf::Error> for Error {
    fn from(e: pdf::Error) -> Error {
        match e {
            pdf::Error::Encrypted => Error::EncryptedPdf,
            pdf::Error::NoText => Error::NoTextLayer,
            pdf::Error::Damaged(why) => Error::DamagedPdf(why),
            pdf::Error::TooLarge(why) => Error::PdfTooLarge(why),
            other => Error::PdfText(other),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_text_with_and_without_a_byte_order_mark() {
        // Issue 12: Notepad's "Unicode" .txt was refused as "a program or an image".
        let text = "Referat af generalforsamling\r\nFormand: Søren Ærø\r\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for bytes in [
            [b"\xff\xfe".to_vec(), le.clone()].concat(),
            [b"\xfe\xff".to_vec(), be.clone()].concat(),
            le,
            be,
        ] {
            let got = extract_text(&bytes, Format::Txt).unwrap();
            assert_eq!(got, "Referat af generalforsamling\nFormand: Søren Ærø\n");
        }
        // Binary stays refused.
        assert!(matches!(
            extract_text(&[0u8, 1, 2, 3, 0, 0, 0, 7, 8, 0], Format::Txt),
            Err(Error::NotText)
        ));
    }

    /// A PDF whose only objects are `streams` copies of one object stream that inflates to
    /// `inflated` bytes (one `null` object padded with spaces), with a classic xref table.
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
