//! Writing laid-out pages as a PDF with printpdf.
//!
//! The fonts are subset to the characters the document uses before printpdf sees them (see
//! `font.rs`), the metadata carries the title, the language, the creation date passed in and
//! "Andel" as producer, and never a user's name.

use std::collections::BTreeSet;

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::font::{subset_face, Face};
use super::layout::{layout, Ink, Item, Page};
use super::{Document, Error};

/// Renders the document as an A4 PDF.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, Error> {
    let pages = layout(doc)?;

    let mut pdf = PdfDocument::new(&doc.title);
    let info = &mut pdf.metadata.info;
    info.producer = "Andel".into();
    info.creator = "Andel".into();
    info.author = String::new();
    let created = printpdf::OffsetDateTime::from_unix_timestamp(doc.created.timestamp())
        .map_err(Error::CreationDate)?;
    info.creation_date = created;
    info.modification_date = created;
    info.metadata_date = created;

    // One subset per face, with exactly the characters drawn in it.
    let mut fonts: Vec<(Face, FontId)> = Vec::new();
    for face in Face::ALL {
        let chars: BTreeSet<char> = pages
            .iter()
            .flatten()
            .filter_map(|item| match item {
                Item::Text { face: f, text, .. } if *f == face => Some(text.chars()),
                _ => None,
            })
            .flatten()
            .collect();
        if !chars.is_empty() {
            let font = subset_face(face, &chars)?;
            fonts.push((face, pdf.add_font(&font)));
        }
    }
    let font_of = |face: Face| {
        fonts
            .iter()
            .find(|(f, _)| *f == face)
            .map(|(_, id)| id.clone())
    };

    let pages: Vec<PdfPage> = pages
        .iter()
        .map(|page| PdfPage::new(Mm(210.0), Mm(297.0), ops(page, &font_of)))
        .collect();
    let mut warnings = Vec::new();
    let options = PdfSaveOptions {
        subset_fonts: false,
        ..PdfSaveOptions::default()
    };
    let bytes = pdf.with_pages(pages).save(&options, &mut warnings);
    if bytes.is_empty() {
        return Err(Error::NothingWritten);
    }
    set_language(&bytes, doc.lang.tag())
}

fn grey(ink: Ink) -> Color {
    let level = match ink {
        Ink::Black => 0.0,
        Ink::Grey => 0.38,
        Ink::Light => 0.78,
    };
    Color::Greyscale(Greyscale::new(level, None))
}

fn ops(page: &Page, font_of: &dyn Fn(Face) -> Option<FontId>) -> Vec<Op> {
    let mut ops = Vec::with_capacity(page.len() * 6);
    for item in page {
        match item {
            Item::Text {
                x,
                y,
                size,
                face,
                ink,
                text,
            } => {
                let Some(font) = font_of(*face) else { continue };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFillColor { col: grey(*ink) },
                    Op::SetFont {
                        font: PdfFontHandle::External(font),
                        size: Pt(*size),
                    },
                    Op::SetTextCursor {
                        pos: Point {
                            x: Pt(*x),
                            y: Pt(*y),
                        },
                    },
                    Op::ShowText {
                        items: vec![TextItem::Text(text.clone())],
                    },
                    Op::EndTextSection,
                ]);
            }
            Item::Rule { x1, x2, y, ink } => {
                ops.extend([
                    Op::SetOutlineColor { col: grey(*ink) },
                    Op::SetOutlineThickness { pt: Pt(0.6) },
                    Op::DrawLine {
                        line: Line {
                            points: vec![
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x1),
                                        y: Pt(*y),
                                    },
                                    bezier: false,
                                },
                                LinePoint {
                                    p: Point {
                                        x: Pt(*x2),
                                        y: Pt(*y),
                                    },
                                    bezier: false,
                                },
                            ],
                            is_closed: false,
                        },
                    },
                ]);
            }
            Item::Fill { x, y, w, h } => {
                ops.extend([
                    Op::SetFillColor {
                        col: Color::Greyscale(Greyscale::new(0.93, None)),
                    },
                    Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(*y),
                            width: Pt(*w),
                            height: Pt(*h),
                            mode: Some(PaintMode::Fill),
                            winding_order: None,
                        },
                    },
                ]);
            }
            Item::Square { x, y, side } => {
                ops.extend([
                    Op::SetOutlineColor {
                        col: grey(Ink::Black),
                    },
                    Op::SetOutlineThickness { pt: Pt(0.8) },
                    Op::DrawRectangle {
                        rectangle: Rect {
                            x: Pt(*x),
                            y: Pt(*y),
                            width: Pt(*side),
                            height: Pt(*side),
                            mode: Some(PaintMode::Stroke),
                            winding_order: None,
                        },
                    },
                ]);
            }
        }
    }
    ops
}

/// Writes the document's language into the catalogue (`/Lang`), which printpdf does not, so
/// screen readers and `pdfinfo` know it.
fn set_language(bytes: &[u8], tag: &str) -> Result<Vec<u8>, Error> {
    let mut doc = lopdf::Document::load_mem(bytes).map_err(Error::ReadBack)?;
    let root = doc
        .trailer
        .get(b"Root")
        .and_then(lopdf::Object::as_reference)
        .map_err(Error::NoCatalogue)?;
    let catalog = doc
        .get_object_mut(root)
        .and_then(lopdf::Object::as_dict_mut)
        .map_err(Error::NoCatalogue)?;
    catalog.set("Lang", lopdf::Object::string_literal(tag));
    let mut out = Vec::with_capacity(bytes.len() + 32);
    doc.save_to(&mut out).map_err(Error::Save)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Lang, Letterhead};
    use chrono::TimeZone;

    fn sample(lang: Lang) -> Document {
        let created = chrono::Utc
            .with_ymd_and_hms(2026, 11, 23, 9, 30, 0)
            .unwrap();
        let mut d = Document::new("Privatlivspolitik for foreningen", lang, created);
        d.letterhead = Some(Letterhead {
            name: "A/B Kastanjegården".into(),
            address: Some("Kastanjevej 1, 2500 Valby".into()),
            org_number: Some("CVR 12345678".into()),
            email: Some("bestyrelsen@example.org".into()),
        });
        d.subtitle = Some("Version 1".into());
        d.heading("Formål");
        d.paragraph("Vi behandler oplysninger om andelshavere: æ ø å Æ Ø Å ä ö é.");
        d.bullets(["Navn og adresse", "Telefon og e-mail"]);
        d.facts([("Dataansvarlig", "Bestyrelsen")]);
        d.table(
            &[1.0, 2.0],
            vec!["Modtager".into(), "Rolle".into()],
            vec![vec!["Vicevært".into(), "Databehandler".into()]],
        );
        d.blocks.push(super::super::Block::Checklist {
            items: vec!["Skift adgangskoden".into()],
        });
        d
    }

    #[test]
    fn a_document_reads_back_with_its_metadata() {
        let bytes = render_pdf(&sample(Lang::Da)).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let root = doc.trailer.get(b"Root").unwrap().as_reference().unwrap();
        let catalog = doc.get_object(root).unwrap().as_dict().unwrap();
        assert_eq!(catalog.get(b"Lang").unwrap().as_str().unwrap(), b"da-DK");
        let raw = String::from_utf8_lossy(&bytes);
        assert!(raw.contains("D:20261123"), "creation date missing");
        assert!(!raw.contains("D:1970"), "epoch date written");
    }

    #[test]
    fn the_font_is_a_subset() {
        let bytes = render_pdf(&sample(Lang::Da)).unwrap();
        // The full regular and bold faces are 400 KB together.
        assert!(bytes.len() < 80_000, "{} bytes", bytes.len());
    }
}
