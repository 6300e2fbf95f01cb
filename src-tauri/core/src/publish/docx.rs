//! .docx → .docx redaction in place (being built: until it lands, every function says so).

use super::{Options, Redacted, Span};

/// Why a .docx could not be published in its own format.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Redacting a .docx in place is not built in this version.
    #[error("Publishing a .docx as a .docx is not built yet. Export it as .txt, .md, .html or .pdf instead.")]
    NotBuilt,
}

/// The text of a .docx with a map back to its parts.
#[derive(Debug, Clone)]
pub struct DocxText {
    pub text: String,
}

/// The text detection runs on.
pub fn extract(_bytes: &[u8]) -> Result<DocxText, Error> {
    Err(Error::NotBuilt)
}

/// The .docx with every span replaced and its hidden places cleaned.
pub fn redact(
    _bytes: &[u8],
    _text: &DocxText,
    _spans: &[Span],
    _options: &Options,
) -> Result<Redacted, Error> {
    Err(Error::NotBuilt)
}

/// Everything a reader or tool can get out of a .docx.
pub fn visible_text(_bytes: &[u8]) -> Result<String, Error> {
    Err(Error::NotBuilt)
}
