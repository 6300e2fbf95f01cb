//! The board's documents: a small document model, and its rendering to PDF.
//!
//! Every document Andel writes (privacy notice, record of processing, name-plate order, access
//! reply, handover receipt, published minutes) is first built as a [`Document`]: a title, a
//! language, a letterhead and a list of [`Block`]s. The model is plain data, so the app can
//! preview it and tests can read it; [`render_pdf`] lays it out on A4 pages with an embedded,
//! subset Liberation Sans.

mod font;
mod layout;
mod pdf;
mod web;

pub(crate) use web::esc as escape_html;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use crate::association::{Association, Country};
use crate::Coded;
use crate::ErrorCode;

pub use pdf::render_pdf;
pub use web::{render_html, render_markdown, render_web, WebFormat};

/// Writes `doc` whole to `path` in the format its name asks for: one self-contained HTML file
/// (.html, .htm) or Markdown (.md) for the association's website, else a PDF; atomically
/// ([`crate::files::write`]), so a reader never finds half a document. Returns the bytes
/// written. The one place both adapters' "save the document" ends, so the choice of format by
/// name is made once.
pub fn write(doc: &Document, path: &std::path::Path) -> Result<usize, Error> {
    let bytes = match WebFormat::of_path(path) {
        Some(format) => render_web(doc, format).into_bytes(),
        None if is_pdf_name(path) => render_pdf(doc)?,
        // A PDF under another name (`notice.txt`, `record.docx`, no extension) opens in the
        // wrong program or not at all; the name is refused before anything is written.
        None => return Err(Error::UnknownFormat(path.display().to_string())),
    };
    crate::files::write(path, &bytes).map_err(Error::Write)?;
    Ok(bytes.len())
}

/// Does the name end in `.pdf` (any case)?
fn is_pdf_name(path: &std::path::Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("pdf"))
}

/// The four languages documents are written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Da,
    Nb,
    Sv,
    En,
}

impl Lang {
    /// The language of the association's documents: its country's.
    pub fn of_association(conn: &rusqlite::Connection) -> Result<Lang, crate::association::Error> {
        Ok(Lang::of_country(crate::association::get(conn)?.country))
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::Da => "da",
            Lang::Nb => "nb",
            Lang::Sv => "sv",
            Lang::En => "en",
        }
    }

    /// The BCP 47 tag written into the PDF's `/Lang`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Da => "da-DK",
            Lang::Nb => "nb-NO",
            Lang::Sv => "sv-SE",
            Lang::En => "en",
        }
    }

    /// The language of a country's documents.
    pub fn of_country(country: Country) -> Lang {
        match country {
            Country::DK => Lang::Da,
            Country::NO => Lang::Nb,
            Country::SE => Lang::Sv,
        }
    }

    /// Picks the text in this language from four. For tests and callers outside the documents:
    /// a document's texts live in `i18n` (`lang.texts()`), and a test fails on a four-literal
    /// `pick` anywhere else in the sources.
    pub fn pick<'a>(self, da: &'a str, nb: &'a str, sv: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Da => da,
            Lang::Nb => nb,
            Lang::Sv => sv,
            Lang::En => en,
        }
    }

    /// "Side 1 af 3", "Side 1 av 3", "Sida 1 av 3", "Page 1 of 3".
    pub fn page_of(self, page: usize, pages: usize) -> String {
        (self.texts().common.page_of)(&page, &pages)
    }

    /// A date as the language writes it in running text: "23. november 2026", "23 november
    /// 2026", "23 November 2026".
    pub fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        let common = &self.texts().common;
        let month = common.months[date.month0() as usize];
        (common.long_date)(date.day(), month, date.year())
    }
}

impl std::str::FromStr for Lang {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "da" => Ok(Lang::Da),
            "nb" | "no" => Ok(Lang::Nb),
            "sv" => Ok(Lang::Sv),
            "en" => Ok(Lang::En),
            _ => Err(Error::UnknownLanguage(s.to_string())),
        }
    }
}

/// The association's name, address and registration number at the top of the first page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Letterhead {
    pub name: String,
    pub address: Option<String>,
    pub org_number: Option<String>,
    pub email: Option<String>,
}

impl Letterhead {
    pub fn of(association: &Association) -> Letterhead {
        Letterhead {
            name: association.name.clone(),
            address: association.address.clone(),
            org_number: association.org_number.clone(),
            email: association.email.clone(),
        }
    }
}

/// One piece of a document, top to bottom.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum Block {
    /// A heading; level 1 is a section, 2 a subsection.
    Heading { level: u8, text: String },
    /// A paragraph, wrapped to the page width. A single `\n` starts a new line.
    Paragraph { text: String },
    /// A bulleted list; each item wraps with a hanging indent.
    Bullets { items: Vec<String> },
    /// Label and value pairs, labels in a narrow left column (for "Unit: 12B" style facts).
    Facts { rows: Vec<(String, String)> },
    /// A table with a header row that is repeated after a page break. `widths` are relative
    /// column widths, one per column.
    Table {
        widths: Vec<f32>,
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    },
    /// A line to tick off, drawn with an empty box.
    Checklist { items: Vec<String> },
    /// Smaller grey text, for notes and sources.
    Note { text: String },
    /// Starts a new page.
    PageBreak,
}

/// A document ready to be rendered. (Called `BoardDocument` in the UI's bindings, where
/// `Document` is an archived minutes document.)
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(
    feature = "specta",
    derive(specta::Type),
    specta(rename = "BoardDocument")
)]
pub struct Document {
    /// The title, shown under the letterhead and written into the PDF's metadata.
    pub title: String,
    /// A line under the title, such as "Version 3 · effective 1 December 2026".
    pub subtitle: Option<String>,
    pub lang: Lang,
    pub letterhead: Option<Letterhead>,
    pub blocks: Vec<Block>,
    /// When the document was made: the PDF's creation date. Always passed in, never read from
    /// the clock here.
    #[cfg_attr(feature = "specta", specta(type = String))]
    pub created: DateTime<Utc>,
    /// The board's own texts this document does not show as the board wrote them, because they
    /// are in another language (issue 17: a text belongs to the language it was written in).
    /// Not part of the content (not rendered, not in a notice's version hash): the app's preview
    /// lists them and the CLI warns about them.
    #[serde(default)]
    pub fallbacks: Vec<Fallback>,
}

/// A free text of the board that a document in another language could not use as it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Fallback {
    /// What the text belongs to, by the name the document gives it (an activity, an
    /// organisation).
    pub owner: String,
    /// Which of its texts: an activity's field (`purpose`, `retention`, …, as
    /// `privacy::activities::ActivityField` names them) or `transfer_safeguard`.
    pub field: String,
    /// The language the board wrote it in.
    pub written_in: Lang,
    /// What the document shows instead.
    pub shown: Shown,
}

/// What a document shows where the board's text is in another language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Shown {
    /// Andel's built-in text in the document's language.
    BuiltIn,
    /// The board's text as written, because Andel has no text of its own for it (an activity or
    /// a safeguard the board wrote itself): a document must still say it.
    AsWritten,
}

impl Document {
    pub fn new(title: impl Into<String>, lang: Lang, created: DateTime<Utc>) -> Document {
        Document {
            title: title.into(),
            subtitle: None,
            lang,
            letterhead: None,
            blocks: Vec::new(),
            created,
            fallbacks: Vec::new(),
        }
    }

    pub fn heading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level: 1,
            text: text.into(),
        });
        self
    }

    pub fn subheading(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Heading {
            level: 2,
            text: text.into(),
        });
        self
    }

    pub fn paragraph(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Paragraph { text: text.into() });
        self
    }

    pub fn bullets<I, S>(&mut self, items: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.blocks.push(Block::Bullets {
            items: items.into_iter().map(Into::into).collect(),
        });
        self
    }

    pub fn facts<I, K, V>(&mut self, rows: I) -> &mut Self
    where
        I: IntoIterator<Item = (K, V)>,
        K: Into<String>,
        V: Into<String>,
    {
        self.blocks.push(Block::Facts {
            rows: rows
                .into_iter()
                .map(|(k, v)| (k.into(), v.into()))
                .collect(),
        });
        self
    }

    pub fn table(
        &mut self,
        widths: &[f32],
        header: Vec<String>,
        rows: Vec<Vec<String>>,
    ) -> &mut Self {
        self.blocks.push(Block::Table {
            widths: widths.to_vec(),
            header,
            rows,
        });
        self
    }

    pub fn note(&mut self, text: impl Into<String>) -> &mut Self {
        self.blocks.push(Block::Note { text: text.into() });
        self
    }

    /// The document as plain text, in reading order: what `pdftotext` should give back,
    /// give or take line breaks. Used for previews and tests.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        if let Some(l) = &self.letterhead {
            out.push_str(&l.name);
            out.push('\n');
            for line in [&l.address, &l.org_number, &l.email].into_iter().flatten() {
                out.push_str(line);
                out.push('\n');
            }
            out.push('\n');
        }
        out.push_str(&self.title);
        out.push('\n');
        if let Some(s) = &self.subtitle {
            out.push_str(s);
            out.push('\n');
        }
        for block in &self.blocks {
            out.push('\n');
            match block {
                Block::Heading { text, .. } | Block::Paragraph { text } | Block::Note { text } => {
                    out.push_str(text);
                    out.push('\n');
                }
                Block::Bullets { items } | Block::Checklist { items } => {
                    for item in items {
                        out.push_str("• ");
                        out.push_str(item);
                        out.push('\n');
                    }
                }
                Block::Facts { rows } => {
                    for (k, v) in rows {
                        out.push_str(&format!("{k}: {v}\n"));
                    }
                }
                Block::Table { header, rows, .. } => {
                    out.push_str(&header.join(" | "));
                    out.push('\n');
                    for row in rows {
                        out.push_str(&row.join(" | "));
                        out.push('\n');
                    }
                }
                Block::PageBreak => {}
            }
        }
        out
    }
}

/// Why a document could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A language code Andel has no documents in.
    #[error("Unknown language \"{0}\": use da, nb, sv or en.")]
    UnknownLanguage(String),
    /// A face of the embedded font does not parse (the build's font file is broken).
    #[error("The embedded font could not be read: {0} face does not parse. Reinstall Andel.")]
    FontFace(&'static str),
    /// The embedded font's tables could not be read for subsetting.
    #[error("The embedded font could not be read: {0}. Reinstall Andel.")]
    FontTables(#[source] allsorts::error::ReadWriteError),
    /// Cutting the font down to the document's glyphs failed.
    #[error("The embedded font could not be read: subsetting failed: {0}. Reinstall Andel.")]
    Subset(#[source] allsorts::subset::SubsetError),
    /// The cut-down font does not parse.
    #[error(
        "The embedded font could not be read: the subset font does not parse. Reinstall Andel."
    )]
    SubsetUnreadable,
    /// The document's creation time is outside what a PDF date can hold.
    #[error("The PDF could not be written: the creation date cannot be written: {0:?}.")]
    CreationDate(&'static str),
    /// printpdf wrote no bytes.
    #[error("The PDF could not be written: nothing was written.")]
    NothingWritten,
    /// The PDF printpdf wrote does not read back, to set its language.
    #[error("The PDF could not be written: the written PDF does not read back: {0}.")]
    ReadBack(#[source] lopdf::Error),
    /// The written PDF has no catalogue to set the language in.
    #[error("The PDF could not be written: no catalogue: {0}.")]
    NoCatalogue(#[source] lopdf::Error),
    /// The PDF with its language could not be serialised.
    #[error("The PDF could not be written: the PDF could not be written: {0}.")]
    Save(#[source] std::io::Error),
    /// A table row with another number of cells than the table's columns.
    #[error("A table row has {got} cells but the table has {want} columns.")]
    TableShape { want: usize, got: usize },
    /// The file name asks for no format Andel writes ([`write`]).
    #[error(
        "\"{0}\" is not a name Andel writes documents under: end it in .pdf, or in .html or .md for the website."
    )]
    UnknownFormat(String),
    /// The rendered document could not be written to its file ([`write`]).
    #[error("{0}")]
    Write(#[source] crate::files::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::UnknownLanguage(_) | Error::TableShape { .. } | Error::UnknownFormat(_) => {
                ErrorCode::InvalidInput
            }
            Error::FontFace(_)
            | Error::FontTables(_)
            | Error::Subset(_)
            | Error::SubsetUnreadable
            | Error::CreationDate(_)
            | Error::NothingWritten
            | Error::ReadBack(_)
            | Error::NoCatalogue(_)
            | Error::Save(_) => ErrorCode::Internal,
            Error::Write(e) => e.code(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_the_way_each_language_does() {
        let d = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
        assert_eq!(Lang::Da.long_date(d), "5. marts 2026");
        assert_eq!(Lang::Nb.long_date(d), "5. mars 2026");
        assert_eq!(Lang::Sv.long_date(d), "5 mars 2026");
        assert_eq!(Lang::En.long_date(d), "5 March 2026");
        assert_eq!(Lang::Sv.page_of(1, 3), "Sida 1 av 3");
        assert_eq!("NO".parse::<Lang>().unwrap(), Lang::Nb);
        assert!("de".parse::<Lang>().is_err());
    }

    #[test]
    fn a_document_is_written_only_under_a_name_that_says_its_format() {
        let dir = tempfile::tempdir().unwrap();
        let doc = Document::new("Test", Lang::En, Utc::now());
        for refused in ["notice.txt", "record.docx", "notice"] {
            let path = dir.path().join(refused);
            let err = write(&doc, &path).unwrap_err();
            assert!(matches!(err, Error::UnknownFormat(_)), "{refused}: {err}");
            assert!(!path.exists(), "{refused} was written");
        }
        for taken in ["notice.pdf", "NOTICE.PDF", "notice.html", "notice.md"] {
            assert!(write(&doc, &dir.path().join(taken)).is_ok(), "{taken}");
        }
    }
}
