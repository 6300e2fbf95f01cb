//! The files minutes come in, read and rewritten in their own format: .docx ([`docx`]) and PDF
//! ([`pdf`]).
//!
//! Every format module offers the same three functions, so the publishing pipeline
//! (`crate::publish`) is written once:
//! - `extract(bytes)`: the text detection runs on, with a private map from every byte of it back to
//!   where it stands in the file. It is the very text the minutes import stores (`minutes::extract`
//!   calls it), so the webmaster's stored review decisions apply to the original unchanged;
//! - `redact(bytes, &text, spans, options)`: the file rewritten with each [`Span`] (byte ranges of
//!   that text) replaced, and the hidden places cleaned;
//! - `visible_text(bytes)`: everything a reader or a tool can get out of a file (every part, every
//!   attribute that is shown), for the re-scan.
//!
//! Below both `minutes` (which imports through `extract`) and `publish` (which runs the pipeline
//! over minutes in the archive): nothing here knows of either.

pub mod docx;
pub mod pdf;

use std::ops::Range;

use serde::Serialize;

use crate::redact::{Kind, Style};

/// One passage to replace in a format's text: `range` in bytes of the extracted text, the kind of
/// data it held and the words that stand in its place (formats that keep text, such as .docx, write
/// them; a PDF draws a box).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    pub range: Range<usize>,
    pub kind: Kind,
    pub replacement: String,
}

/// Choices for publishing in the original format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub style: Style,
    /// Remove every image (photos, scanned signatures, logos) instead of keeping them.
    pub drop_images: bool,
}

/// What a format's redaction did besides replacing the spans, for the report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Cleaned {
    /// Images left in the file: a person must check them for faces and signatures.
    pub images_kept: u32,
    pub images_dropped: u32,
    /// Comments removed (.docx).
    pub comments_removed: u32,
    /// Tracked changes accepted: insertions kept, deletions dropped, marks gone (.docx).
    pub changes_accepted: u32,
    /// Document properties (author, last modified by, company, manager, template …) cleared.
    pub properties_cleared: bool,
}

/// A format's output: the new file's bytes and what was cleaned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Redacted {
    pub bytes: Vec<u8>,
    pub cleaned: Cleaned,
}
