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
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

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
    let replaced = tidy_chars(raw);
    // Most text arrives composed: the quick check costs a table look-up per non-ASCII character,
    // composing a decomposition and a recomposition of every character (a third of `andel detect`'s
    // time on 4 MB of minutes, when it ran unconditionally).
    let text = if composed(&replaced) {
        replaced
    } else {
        replaced.nfc().collect()
    };
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

/// Whether `text` is NFC for certain, by Unicode's quick check. ASCII is composed and starts afresh
/// (combining class 0), so only the runs of other characters are looked at.
fn composed(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while i < bytes.len() {
        // Eight ASCII bytes at a time: no byte has its high bit set.
        if let Some(chunk) = bytes.get(i..i + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            if word & 0x8080_8080_8080_8080 == 0 {
                i += 8;
                continue;
            }
        }
        if bytes[i] < 0x80 {
            i += 1;
            continue;
        }
        let end = bytes[i..]
            .iter()
            .position(|&b| b < 0x80)
            .map_or(bytes.len(), |p| i + p);
        let run = text.get(i..end).unwrap_or("");
        if is_nfc_quick(run.chars()) != IsNormalized::Yes {
            return false;
        }
        i = end;
    }
    true
}

/// [`tidy`]'s replacements in one pass: CRLF, CR and the other line separators become `\n`, the
/// invisible characters go, the narrow and no-break spaces become plain ones. Only the bytes that
/// can start such a character are looked at, found by memchr's vector search (a table look-up per
/// byte cost 24 M instructions on 4 MB); everything between is copied in runs.
fn tidy_chars(raw: &str) -> String {
    let bytes = raw.as_bytes();
    // The next offset at or after `from` of one group of lead bytes: those of U+00A0/U+00AD (C2),
    // U+2007…U+2060 (E2) and U+FEFF (EF); \r, VT and FF; NUL. Continuation bytes are never these, so
    // each is a character boundary.
    let next_of = |group: usize, from: usize| {
        let rest = bytes.get(from..).unwrap_or_default();
        match group {
            0 => memchr::memchr3(0xc2, 0xe2, 0xef, rest),
            1 => memchr::memchr3(b'\r', 0x0b, 0x0c, rest),
            _ => memchr::memchr(0, rest),
        }
        .map_or(bytes.len(), |p| from + p)
    };
    let mut next = [next_of(0, 0), next_of(1, 0), next_of(2, 0)];
    let mut out = String::with_capacity(raw.len());
    let mut copied = 0usize;
    loop {
        let i = next.iter().copied().min().unwrap_or(bytes.len());
        let Some(c) = raw.get(i..).and_then(|r| r.chars().next()) else {
            break;
        };
        let after = i + c.len_utf8();
        // Each group is searched again only once passed.
        for (group, at) in next.iter_mut().enumerate() {
            if *at < after {
                *at = next_of(group, after);
            }
        }
        let with = match c {
            // The \n of a CRLF stays and is the line end.
            '\r' if bytes.get(i + 1) == Some(&b'\n') => "",
            '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}' => "\n",
            '\u{ad}' if soft_hyphen_is_hyphen(raw, i) => "-",
            '\u{0}' | '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' => {
                ""
            }
            '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}' => " ",
            _ => continue,
        };
        out.push_str(raw.get(copied..i).unwrap_or(""));
        out.push_str(with);
        copied = after;
    }
    out.push_str(raw.get(copied..).unwrap_or(""));
    out
}

/// Whether the soft hyphen at byte `i` of `raw` stands for a hyphen a word processor kept only as a
/// place to break: before a capital, after an initial ("K\u{ad}E" is "K-E") or a small letter
/// ("Anne\u{ad}Marie" is "Anne-Marie"). Inside a word ("Bund\u{ad}gaard", "BUND\u{ad}GAARD") it marks
/// where the word may break and is dropped.
fn soft_hyphen_is_hyphen(raw: &str, i: usize) -> bool {
    let after = raw.get(i + 2..).and_then(|t| t.chars().next());
    if !after.is_some_and(char::is_uppercase) {
        return false;
    }
    let mut before = raw.get(..i).unwrap_or("").chars().rev();
    match before.next() {
        Some(c) if c.is_lowercase() => true,
        Some(c) if c.is_uppercase() => !before.next().is_some_and(char::is_alphabetic),
        _ => false,
    }
}

/// A plain-text file's own characters, and where each character of its extracted text stands among
/// them: positions reported to scripts count the file as written (CRLF line ends, a byte-order mark,
/// trailing spaces and runs of blank lines included), not the tidied text.
///
/// Text and file run in step nearly everywhere, so only the characters where they do not are kept
/// (a list per character cost 16 bytes per character of a 4 MB file, and as long to fill).
#[derive(Debug, Clone)]
pub struct AsWritten {
    /// The file decoded, nothing removed.
    raw: String,
    /// How many characters of `raw` start before each [`BLOCK`] of its bytes.
    chars_before: Vec<usize>,
    /// Characters of the extracted text.
    len: usize,
    /// Sorted by the text's character index: a character that does not follow the previous one's
    /// range with a range of one file character, and the range of file characters it came from.
    /// Between two steps each character is the file character after the previous one's range.
    steps: Vec<(usize, usize, usize)>,
}

/// The bytes of `raw` that [`AsWritten::chars_before`] counts at once.
const BLOCK: usize = 64;

impl AsWritten {
    /// The range of file characters that the extracted text's character `i` came from.
    fn char_span(&self, i: usize) -> Option<(usize, usize)> {
        if i >= self.len {
            return None;
        }
        let at = self.steps.partition_point(|&(t, _, _)| t <= i);
        Some(match at.checked_sub(1).and_then(|k| self.steps.get(k)) {
            Some(&(t, s, e)) if t == i => (s, e),
            Some(&(t, _, e)) => (e + (i - t - 1), e + (i - t)),
            None => (i, i + 1),
        })
    }

    /// The byte offset of file character `c` (the end of the file for the character after the last).
    fn byte_at(&self, c: usize) -> Option<usize> {
        let block = self
            .chars_before
            .partition_point(|&n| n <= c)
            .checked_sub(1)?;
        let mut n = *self.chars_before.get(block)?;
        let bytes = self.raw.as_bytes();
        for (i, &b) in bytes.iter().enumerate().skip(block * BLOCK) {
            if b & 0xc0 != 0x80 {
                if n == c {
                    return Some(i);
                }
                n += 1;
            }
        }
        (n == c).then_some(bytes.len())
    }

    /// The file positions (in characters) of the extracted text's characters `start..end`, and the
    /// file's text there.
    pub fn span(&self, start: usize, end: usize) -> Option<(usize, usize, String)> {
        if start >= end {
            return None;
        }
        let s = self.char_span(start)?.0;
        let e = self.char_span(end - 1)?.1;
        let text = self
            .raw
            .get(self.byte_at(s)?..self.byte_at(e)?)?
            .to_string();
        Some((s, e, text))
    }
}

/// Where the extracted `text` of a .txt or .md file stands in the file's own characters; `None` for
/// other formats (their positions count the extracted text) and when the two cannot be lined up.
pub fn as_written(bytes: &[u8], format: Format, text: &str) -> Option<AsWritten> {
    if !matches!(format, Format::Txt | Format::Md) {
        return None;
    }
    let raw = match (utf16_kind(bytes), std::str::from_utf8(bytes)) {
        // A UTF-16 file's characters are its 16-bit units decoded; its byte-order mark is one
        // of them, as a UTF-8 file's is (the extracted text has neither).
        (Some((encoding, body)), _) => {
            let mark = if body.len() < bytes.len() {
                "\u{feff}"
            } else {
                ""
            };
            format!("{mark}{}", encoding.decode_without_bom_handling(body).0)
        }
        (None, Ok(s)) => s.to_string(),
        (None, Err(_)) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let mut steps = Vec::new();
    // Character and byte positions in the text (t, tb) and in the file (r, rb); `prev` is where the
    // previous text character's range ended in the file.
    let (mut t, mut tb, mut r, mut rb, mut prev) = (0usize, 0usize, 0usize, 0usize, 0usize);
    let (tbytes, rbytes) = (text.as_bytes(), raw.as_bytes());
    let mut nfd: Vec<char> = Vec::new();
    while tb < tbytes.len() {
        // Where both read the same, they step together: skip the common run at once, a block of
        // bytes at a time while the blocks agree.
        let (ta, ra) = (&tbytes[tb..], &rbytes[rb..]);
        let most = ta.len().min(ra.len());
        let mut same = 0usize;
        while same + 32 <= most && ta[same..same + 32] == ra[same..same + 32] {
            same += 32;
        }
        while same < most && ta[same] == ra[same] {
            same += 1;
        }
        let mut same_end = tb + same;
        while !text.is_char_boundary(same_end) {
            same_end -= 1;
        }
        if same_end > tb {
            let n = tbytes[tb..same_end]
                .iter()
                .filter(|&&b| (b & 0xc0) != 0x80)
                .count();
            if r != prev {
                // The run's first character follows a gap in the file (dropped characters).
                steps.push((t, r, r + 1));
            }
            rb += same_end - tb;
            tb = same_end;
            t += n;
            r += n;
            prev = r;
            continue;
        }
        // One character that tidying changed, or file characters it dropped.
        let e = text.get(tb..).and_then(|x| x.chars().next())?;
        let Some(c) = raw.get(rb..).and_then(|x| x.chars().next()) else {
            // The line end tidying adds after the last line.
            if e == '\n' {
                steps.push((t, r, r));
                prev = r;
                t += 1;
                tb += 1;
                continue;
            }
            return None;
        };
        let same = c == e
            || (e == '-' && c == '\u{ad}' && soft_hyphen_is_hyphen(&raw, rb))
            || (e == ' ' && matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}'))
            || (e == '\n' && matches!(c, '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}'));
        if same {
            let (mut end, mut end_b) = (r + 1, rb + c.len_utf8());
            if c == '\r' && rbytes.get(end_b) == Some(&b'\n') {
                end += 1;
                end_b += 1;
            }
            if r != prev || end != r + 1 {
                steps.push((t, r, end));
            }
            (prev, r, rb) = (end, end, end_b);
            t += 1;
            tb += e.len_utf8();
            continue;
        }
        // A character tidying composed ("e" + U+0301 is "é").
        nfd.clear();
        nfd.extend(std::iter::once(e).nfd());
        if nfd.len() > 1 {
            let window: Vec<char> = raw
                .get(rb..)
                .unwrap_or("")
                .chars()
                .take(nfd.len())
                .collect();
            if window.len() == nfd.len() && window.iter().copied().nfc().eq(std::iter::once(e)) {
                let width: usize = window.iter().map(|c| c.len_utf8()).sum();
                steps.push((t, r, r + nfd.len()));
                r += nfd.len();
                rb += width;
                prev = r;
                t += 1;
                tb += e.len_utf8();
                continue;
            }
        }
        // What tidying drops: a byte-order mark, invisible characters, line ends, trailing and
        // blank-line spaces.
        let dropped = c.is_whitespace()
            || matches!(
                c,
                '\u{0}' | '\u{feff}' | '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}'
            );
        if !dropped {
            return None;
        }
        r += 1;
        rb += c.len_utf8();
    }
    let mut chars_before = Vec::with_capacity(raw.len() / BLOCK + 1);
    let mut n = 0usize;
    for block in raw.as_bytes().chunks(BLOCK) {
        chars_before.push(n);
        n += block.iter().filter(|&&b| b & 0xc0 != 0x80).count();
    }
    Some(AsWritten {
        raw,
        chars_before,
        len: t,
        steps,
    })
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

    /// `as_written` as it was before it kept only the steps: a range per character, the
    /// reference the property test holds the compact one to.
    /// The file's characters, and the range of them each character of the text came from.
    type Ranges = (Vec<char>, Vec<(usize, usize)>);

    /// Whether the soft hyphen at `chars[k]` reads as a hyphen: a capital after it, and before it a
    /// small letter or a capital standing alone.
    fn soft_hyphen_ref(chars: &[char], k: usize) -> bool {
        let at = |j: Option<usize>| j.and_then(|j| chars.get(j)).copied();
        let after = at(Some(k + 1)).is_some_and(char::is_uppercase);
        let b1 = at(k.checked_sub(1));
        let b2 = at(k.checked_sub(2));
        after
            && (b1.is_some_and(char::is_lowercase)
                || (b1.is_some_and(char::is_uppercase) && !b2.is_some_and(char::is_alphabetic)))
    }

    fn as_written_reference(bytes: &[u8], text: &str) -> Option<Ranges> {
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
                    if e == '\n' {
                        spans.push((r, r));
                        break;
                    }
                    return None;
                };
                let same = c == e
                    || (e == '-' && c == '\u{ad}' && soft_hyphen_ref(&chars, r))
                    || (e == ' ' && matches!(c, '\u{a0}' | '\u{202f}' | '\u{2007}' | '\u{2009}'))
                    || (e == '\n'
                        && matches!(c, '\r' | '\u{2028}' | '\u{2029}' | '\u{0b}' | '\u{0c}'));
                if same {
                    let mut end = r + 1;
                    if c == '\r' && chars.get(end) == Some(&'\n') {
                        end += 1;
                    }
                    spans.push((r, end));
                    r = end;
                    break;
                }
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
        Some((chars, spans))
    }

    proptest::proptest! {
        /// The compact `as_written` (issue 14's speed work) places every character of the extracted
        /// text, and every passage, where the range per character placed it.
        #[test]
        fn as_written_matches_the_reference(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Søren", "e\u{301}", "A\u{30a}", "\r", "\n", "\r\n", " ", "  ", "\t", "\u{a0}",
            "\u{2028}", "\u{0c}", "\u{feff}", "\u{ad}", "\u{200b}", "\u{85}", "æøå", "Jens", "1",
            "K", "-", "E\u{ad}",
        ]), 0..40), windows in proptest::prelude::any::<bool>()) {
            let mut raw: String = parts.concat();
            if windows {
                // Windows-1252 bytes: not UTF-8.
                raw.push('\u{e9}');
            }
            let bytes: Vec<u8> = if windows {
                encoding_rs::WINDOWS_1252.encode(&raw).0.into_owned()
            } else {
                raw.clone().into_bytes()
            };
            let Ok(text) = extract_text(&bytes, Format::Txt) else {
                return Ok(());
            };
            let reference = as_written_reference(&bytes, &text);
            let compact = as_written(&bytes, Format::Txt, &text);
            proptest::prop_assert_eq!(reference.is_some(), compact.is_some());
            let (Some((chars, spans)), Some(compact)) = (reference, compact) else {
                return Ok(());
            };
            let n = text.chars().count();
            for start in 0..n {
                for end in start + 1..=(start + 3).min(n) {
                    let (s, e) = (spans[start].0, spans[end - 1].1);
                    let want = (s, e, chars[s..e].iter().collect::<String>());
                    proptest::prop_assert_eq!(compact.span(start, end), Some(want));
                }
            }
            proptest::prop_assert_eq!(compact.span(0, n + 1), None);
        }
    }

    /// `tidy` as it was written before its one-pass replacements and the NFC quick check: the
    /// reference the property test holds the fast one to.
    fn tidy_reference(raw: &str) -> String {
        let chars: Vec<char> = raw.chars().collect();
        let raw: String = chars
            .iter()
            .enumerate()
            .map(|(k, &c)| {
                if c == '\u{ad}' && soft_hyphen_ref(&chars, k) {
                    '-'
                } else {
                    c
                }
            })
            .collect();
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

    proptest::proptest! {
        /// The one-pass `tidy` (issue 14's speed work) gives exactly the text the chain of
        /// replacements and the unconditional NFC gave, line ends, invisible characters, spaces and
        /// decomposed letters included.
        #[test]
        fn tidy_matches_the_reference(parts in proptest::collection::vec(proptest::sample::select(vec![
            "a", "Søren", "e\u{301}", "\u{301}", "A\u{30a}", "\u{212b}", "\r", "\n", "\r\n", " ", "\t",
            "\u{a0}", "\u{202f}", "\u{2007}", "\u{2009}", "\u{2028}", "\u{2029}", "\u{0b}", "\u{0c}",
            "\u{0}", "\u{feff}", "\u{ad}", "\u{200b}", "\u{200c}", "\u{200d}", "\u{2060}", "\u{85}",
            "\u{3000}", "ﬁ", "\u{1100}\u{1161}", "Å", "x\u{ad}\u{308}", "K", "-", "E\u{ad}",
        ]), 0..40)) {
            let raw: String = parts.concat();
            proptest::prop_assert_eq!(tidy(&raw), tidy_reference(&raw));
        }
    }

    #[test]
    fn a_utf16_files_positions_count_its_byte_order_mark_as_a_utf8_files_do() {
        let text = "Hej Anna\r\nfra Bo";
        let mut le = b"\xff\xfe".to_vec();
        le.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf8 = b"\xef\xbb\xbf".to_vec();
        utf8.extend(text.as_bytes());
        let bare: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        for (bytes, anna_at) in [(&le, 5), (&utf8, 5), (&bare, 4)] {
            let extracted = plain(bytes).unwrap();
            let w = as_written(bytes, Format::Txt, &extracted).expect("lined up");
            let start = extracted.find("Anna").unwrap();
            assert_eq!(
                w.span(start, start + 4),
                Some((anna_at, anna_at + 4, "Anna".into()))
            );
            let bo = extracted.chars().count() - 2;
            assert_eq!(w.span(bo, bo + 2).map(|s| s.2), Some("Bo".into()));
        }
    }

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
    fn a_soft_hyphen_where_a_hyphen_was_reads_as_one() {
        let read = |t: &str| extract_text(t.as_bytes(), Format::Txt).unwrap();
        // Between initials and before the capital of a double name's second part: a hyphen.
        assert_eq!(read("Styreleder K\u{ad}E Lund"), "Styreleder K-E Lund\n");
        assert_eq!(
            read("Anne\u{ad}Marie Dal og H.\u{ad}P. Berg"),
            "Anne-Marie Dal og H.P. Berg\n"
        );
        assert_eq!(read("Eva\u{ad}Lena"), "Eva-Lena\n");
        // Inside a word, in small letters or in capitals: where the word may break, dropped.
        assert_eq!(
            read("Bund\u{ad}gaard BUND\u{ad}GAARD"),
            "Bundgaard BUNDGAARD\n"
        );
        // Positions still count the file's own characters.
        let raw = "Til K\u{ad}E Lund, fra Anne\u{ad}Marie";
        let text = read(raw);
        let w = as_written(raw.as_bytes(), Format::Txt, &text).expect("lined up");
        for passage in ["K-E Lund", "Anne-Marie"] {
            let start = text[..text.find(passage).unwrap()].chars().count();
            let end = start + passage.chars().count();
            let (s, e, written) = w.span(start, end).unwrap();
            assert_eq!(written, raw.chars().skip(s).take(e - s).collect::<String>());
            assert_eq!(written.replace('\u{ad}', "-"), passage);
        }
    }

    #[test]
    fn junk_is_no_docx_and_no_pdf() {
        assert!(matches!(
            extract_text(b"not a zip", Format::Docx),
            Err(Error::DamagedDocx(docx::Damage::NotZip(_)))
        ));
        assert!(matches!(
            extract_text(b"not a pdf", Format::Pdf),
            Err(Error::DamagedPdf(pdf::Damage::NotPdf))
        ));
    }
}
