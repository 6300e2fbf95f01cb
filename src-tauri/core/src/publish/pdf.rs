//! PDF → PDF true redaction: not built yet. Helper "publish-pdf" owns this module and replaces it
//! with the engine (glyphs under each box removed from the content streams, metadata, outline and
//! annotations scrubbed, the file written anew). Until then every function says so plainly, so no
//! caller can mistake a refusal for a redacted PDF.

use super::{Options, Redacted, Span};

/// Why a PDF could not be published in its own format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Redacting a PDF in place is not built in this version.
    #[error("Publishing a PDF as a PDF (redacted in place) is not built yet. Export it as .txt, .md, .html, or as a new PDF made from the text (an output name not ending in .pdf, or from the app's text export).")]
    NotBuilt,
}

/// The text of a PDF with a map back to its pages and glyphs.
#[derive(Debug, Clone)]
pub struct PdfText {
    pub text: String,
}

/// The text detection runs on.
pub fn extract(_bytes: &[u8]) -> Result<PdfText, Error> {
    Err(Error::NotBuilt)
}

/// The PDF with every span's glyphs removed and boxed.
pub fn redact(
    _bytes: &[u8],
    _text: &PdfText,
    _spans: &[Span],
    _options: &Options,
) -> Result<Redacted, Error> {
    Err(Error::NotBuilt)
}

/// Everything a reader or tool can get out of a PDF.
pub fn visible_text(_bytes: &[u8]) -> Result<String, Error> {
    Err(Error::NotBuilt)
}
