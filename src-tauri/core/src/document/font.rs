//! The embedded font: glyph metrics for layout, and subsetting for embedding.
//!
//! Documents use Liberation Sans 2 (SIL OFL 1.1, the files in `assets/fonts/` unmodified). Layout
//! measures text with the advance widths of the full font. When a document is written, each face
//! is cut down to the glyphs the document uses (allsorts, which printpdf already depends on) and
//! only that subset is embedded: a notice then carries a few dozen KB of font instead of 400 KB,
//! without printpdf's `text_layout` feature and the HTML layout engine it pulls in.

use std::collections::BTreeSet;
use std::sync::OnceLock;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{subset, CmapTarget, SubsetProfile};
use printpdf::ParsedFont;

use super::Error;

const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/LiberationSans-Bold.ttf");

/// The two faces a document uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Face {
    Regular,
    Bold,
}

impl Face {
    pub(crate) const ALL: [Face; 2] = [Face::Regular, Face::Bold];

    fn postscript_name(self) -> &'static str {
        match self {
            Face::Regular => "LiberationSans",
            Face::Bold => "LiberationSans-Bold",
        }
    }

    /// The face's name in messages (as `{:?}` wrote it before the error had a type).
    fn name(self) -> &'static str {
        match self {
            Face::Regular => "Regular",
            Face::Bold => "Bold",
        }
    }

    fn bytes(self) -> &'static [u8] {
        match self {
            Face::Regular => REGULAR,
            Face::Bold => BOLD,
        }
    }
}

/// Glyph metrics of one face of the full font.
pub(crate) struct Metrics {
    font: ParsedFont,
    units_per_em: f32,
}

impl Metrics {
    fn load(face: Face) -> Result<Metrics, Error> {
        let mut warnings = Vec::new();
        let font = ParsedFont::from_bytes(face.bytes(), 0, &mut warnings)
            .ok_or(Error::FontFace(face.name()))?;
        let units_per_em = f32::from(font.units_per_em.max(1));
        Ok(Metrics { font, units_per_em })
    }

    /// The metrics of a face, parsed once per process.
    pub(crate) fn of(face: Face) -> Result<&'static Metrics, Error> {
        // Loading fails only when the face does not parse, so the cell keeps `None` for that
        // and the error is made again from the face.
        static REGULAR_METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
        static BOLD_METRICS: OnceLock<Option<Metrics>> = OnceLock::new();
        let cell = match face {
            Face::Regular => &REGULAR_METRICS,
            Face::Bold => &BOLD_METRICS,
        };
        cell.get_or_init(|| Metrics::load(face).ok())
            .as_ref()
            .ok_or(Error::FontFace(face.name()))
    }

    /// Whether the font has a glyph for the character.
    pub(crate) fn has(&self, c: char) -> bool {
        self.font.lookup_glyph_index(c as u32).is_some()
    }

    /// The width of a text at a size, in points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text
            .chars()
            .map(|c| {
                self.font
                    .lookup_glyph_index(c as u32)
                    .and_then(|g| self.font.get_glyph_width(g))
                    .map_or(556, u32::from)
            })
            .sum();
        units as f32 / self.units_per_em * size
    }

    /// The text with every character the font cannot draw replaced by "?", and tabs and other
    /// control characters by spaces, so the text layer says exactly what the page shows.
    pub(crate) fn showable(&self, text: &str) -> String {
        text.chars()
            .map(|c| {
                if c.is_control() {
                    ' '
                } else if c == ' ' || self.has(c) {
                    c
                } else if c == '\u{00A0}' {
                    ' '
                } else {
                    '?'
                }
            })
            .collect()
    }
}

/// A face cut down to the given characters, parsed for printpdf.
pub(crate) fn subset_face(face: Face, chars: &BTreeSet<char>) -> Result<ParsedFont, Error> {
    let metrics = Metrics::of(face)?;
    // Glyph 0 (.notdef) first, then each used glyph once, in ascending order.
    let used: BTreeSet<u16> = chars
        .iter()
        .filter_map(|c| metrics.font.lookup_glyph_index(*c as u32))
        .filter(|g| *g != 0)
        .collect();
    let ids: Vec<u16> = std::iter::once(0).chain(used).collect();
    let scope = ReadScope::new(face.bytes());
    let data = scope
        .read::<FontData<'_>>()
        .map_err(|e| Error::FontTables(e.into()))?;
    let provider = data.table_provider(0).map_err(Error::FontTables)?;
    let bytes = subset(
        &provider,
        &ids,
        &SubsetProfile::Minimal,
        CmapTarget::Unicode,
    )
    .map_err(Error::Subset)?;
    let mut warnings = Vec::new();
    let mut font =
        ParsedFont::from_bytes(&bytes, 0, &mut warnings).ok_or(Error::SubsetUnreadable)?;
    // ISO 32000-1, 9.6.4: a subset font's name carries a six-letter tag and "+", so readers
    // (and `pdffonts`) know it is not the whole face. The tag follows from the glyph set, so
    // the same document gives the same bytes.
    font.font_name = Some(format!("{}+{}", subset_tag(&ids), face.postscript_name()));
    Ok(font)
}

/// Six capital letters derived from the glyph set.
fn subset_tag(ids: &[u16]) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    for id in ids {
        hash.update(id.to_be_bytes());
    }
    hash.finalize()
        .iter()
        .take(6)
        .map(|b| char::from(b'A' + b % 26))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn widths_come_from_the_font() {
        let m = Metrics::of(Face::Regular).unwrap();
        // Liberation Sans is metric-compatible with Arial: "i" is narrow, "W" is wide.
        assert!(m.width("W", 10.0) > 3.0 * m.width("i", 10.0));
        assert!((m.width("ii", 10.0) - 2.0 * m.width("i", 10.0)).abs() < 1e-4);
        let bold = Metrics::of(Face::Bold).unwrap();
        assert!(bold.width("Andel", 12.0) > m.width("Andel", 12.0));
    }

    #[test]
    fn nordic_letters_are_showable_and_unknown_ones_are_marked() {
        let m = Metrics::of(Face::Regular).unwrap();
        assert_eq!(m.showable("æøå ÆØÅ äö é\tx"), "æøå ÆØÅ äö é x");
        assert_eq!(m.showable("a\u{1F600}b"), "a?b");
    }

    #[test]
    fn a_subset_keeps_the_used_characters_and_is_small() {
        let chars: BTreeSet<char> = "Side 1 af 3 æøå".chars().collect();
        let font = subset_face(Face::Regular, &chars).unwrap();
        for c in chars.iter().filter(|c| **c != ' ') {
            assert!(font.lookup_glyph_index(*c as u32).is_some(), "{c} lost");
        }
        assert!(font.lookup_glyph_index('Q' as u32).is_none());
    }
}
