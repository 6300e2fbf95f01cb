//! A PDF of page images with an invisible text layer, the way OCRmyPDF writes a searchable scan:
//! each page is one grey image (deflated), and over it each word is set in text render mode 3
//! (neither filled nor stroked) at its box, so a reader can search and select the text while only
//! the image is seen.
//!
//! The text's font is a Type 3 font with no glyph shapes and one width for every character (like
//! OCRmyPDF's GlyphLessFont): nothing to embed but a few hundred bytes, and a word's width on the
//! page is set exactly with horizontal scaling. Characters are WinAnsi codes, which hold every
//! letter of Danish, Norwegian and Swedish; a `/ToUnicode` map gives readers the text back.

use std::io::Write;

use lopdf::{dictionary, Document, Object, Stream};

use super::{Error, Gray};

/// A word of the text layer: its text and its box in pixels of the page image.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextWord {
    pub text: String,
    pub x: u32,
    pub y: u32,
    pub w: u32,
    pub h: u32,
}

/// One page of the output.
#[derive(Debug)]
pub struct OutPage {
    pub image: Gray,
    pub words: Vec<TextWord>,
}

/// The width of every glyph of the text font, in thousandths of the font size.
const GLYPH: f64 = 500.0;

fn pdf_err(e: impl std::fmt::Display) -> Error {
    Error::Program {
        program: "the PDF writer",
        message: e.to_string(),
    }
}

/// The WinAnsi code of a character, `?` for one it lacks.
fn win_ansi(c: char) -> u8 {
    match c as u32 {
        0x20..=0x7e | 0xa0..=0xff => c as u32 as u8,
        _ => match c {
            '€' => 0x80,
            '‚' => 0x82,
            '„' => 0x84,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            _ => b'?',
        },
    }
}

const TO_UNICODE: &str = "/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Andel-WinAnsi-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
2 beginbfrange
<20> <7E> <0020>
<A0> <FF> <00A0>
endbfrange
11 beginbfchar
<80> <20AC>
<82> <201A>
<84> <201E>
<85> <2026>
<91> <2018>
<92> <2019>
<93> <201C>
<94> <201D>
<95> <2022>
<96> <2013>
<97> <2014>
endbfchar
endcmap
CMapName currentdict /CMap defineresource pop
end
end
";

/// The glyph-less text font, added once per document.
fn add_font(doc: &mut Document) -> lopdf::ObjectId {
    let to_unicode = doc.add_object(Stream::new(dictionary! {}, TO_UNICODE.as_bytes().to_vec()));
    doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type3",
        "FontBBox" => vec![0.into(), 0.into(), (GLYPH as i64).into(), 1000.into()],
        "FontMatrix" => vec![0.001.into(), 0.into(), 0.into(), 0.001.into(), 0.into(), 0.into()],
        "CharProcs" => dictionary! {},
        "Encoding" => dictionary! {
            "Type" => "Encoding",
            "BaseEncoding" => "WinAnsiEncoding",
            "Differences" => Vec::<Object>::new(),
        },
        "FirstChar" => 32,
        "LastChar" => 255,
        "Widths" => vec![Object::Integer(GLYPH as i64); 224],
        "Resources" => dictionary! {},
        "ToUnicode" => to_unicode,
    })
}

/// What a page of the output is made of: its content stream, its resources and its size in points.
struct PageParts {
    content: lopdf::ObjectId,
    resources: lopdf::Dictionary,
    media_box: Vec<Object>,
}

/// Adds one page's image, content (the image over the whole page, the words in text render mode 3)
/// and resources to `doc`.
fn add_page(doc: &mut Document, font: lopdf::ObjectId, page: &OutPage) -> Result<PageParts, Error> {
    let img = &page.image;
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(6));
    z.write_all(&img.pixels).map_err(pdf_err)?;
    let data = z.finish().map_err(pdf_err)?;
    let image = doc.add_object(Stream::new(
        dictionary! {
            "Type" => "XObject",
            "Subtype" => "Image",
            "Width" => i64::from(img.width),
            "Height" => i64::from(img.height),
            "ColorSpace" => "DeviceGray",
            "BitsPerComponent" => 8,
            "Filter" => "FlateDecode",
        },
        data,
    ));
    let scale = 72.0 / f64::from(img.dpi.max(1));
    let (w_pt, h_pt) = (f64::from(img.width) * scale, f64::from(img.height) * scale);
    let mut content = format!("q {w_pt:.3} 0 0 {h_pt:.3} 0 0 cm /Im0 Do Q\n");
    if !page.words.is_empty() {
        content.push_str("BT 3 Tr\n");
        for word in &page.words {
            let n = word.text.chars().count();
            if n == 0 || word.h == 0 {
                continue;
            }
            let size = f64::from(word.h) * scale;
            let natural = GLYPH / 1000.0 * size * n as f64;
            let stretch = (100.0 * f64::from(word.w) * scale / natural).clamp(1.0, 10_000.0);
            let x = f64::from(word.x) * scale;
            // The baseline a little above the box's bottom, where descenders end.
            let y = h_pt - f64::from(word.y + word.h) * scale + size * 0.2;
            let hex: String = word
                .text
                .chars()
                .map(|c| format!("{:02X}", win_ansi(c)))
                .collect();
            content.push_str(&format!(
                "/F1 {size:.2} Tf {stretch:.2} Tz 1 0 0 1 {x:.2} {y:.2} Tm <{hex}> Tj\n"
            ));
        }
        content.push_str("ET\n");
    }
    let mut stream = Stream::new(dictionary! {}, content.into_bytes());
    stream.compress().map_err(pdf_err)?;
    let content = doc.add_object(stream);
    Ok(PageParts {
        content,
        resources: dictionary! {
            "XObject" => dictionary! { "Im0" => image },
            "Font" => dictionary! { "F1" => font },
        },
        media_box: vec![
            0.into(),
            0.into(),
            Object::Real(w_pt as f32),
            Object::Real(h_pt as f32),
        ],
    })
}

/// Writes the pages as a PDF. The document carries no metadata at all (no author, no producer).
pub fn write(pages: &[OutPage]) -> Result<Vec<u8>, Error> {
    let mut doc = Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let font = add_font(&mut doc);
    let mut kids = Vec::with_capacity(pages.len());
    for page in pages {
        let parts = add_page(&mut doc, font, page)?;
        let page_id = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "MediaBox" => parts.media_box,
            "Contents" => parts.content,
            "Resources" => parts.resources,
        });
        kids.push(Object::Reference(page_id));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! {
            "Type" => "Pages",
            "Kids" => kids,
            "Count" => count,
        }),
    );
    let catalog = doc.add_object(dictionary! {
        "Type" => "Catalog",
        "Pages" => pages_id,
    });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(pdf_err)?;
    Ok(out)
}

/// Replaces pages of an existing PDF (numbers from 1) with page images and their text layers, as
/// [`write`] makes them: the page's own content, resources, annotations and boxes go, so nothing
/// that was on the page survives but the pixels given here. Objects no page uses any more are
/// dropped from the file. For a PDF with text pages and scanned pages: the text pages are redacted
/// as text, the scanned ones are painted and put back here.
pub fn replace_pages(pdf: &[u8], pages: &[(u32, OutPage)]) -> Result<Vec<u8>, Error> {
    let mut doc = Document::load_mem(pdf).map_err(pdf_err)?;
    let ids = doc.get_pages();
    let font = add_font(&mut doc);
    for (number, page) in pages {
        let id = *ids
            .get(number)
            .ok_or_else(|| pdf_err(format!("the output has no page {number}")))?;
        let parts = add_page(&mut doc, font, page)?;
        let dict = doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .map_err(pdf_err)?;
        // The rendered image is upright and covers the media box: no rotation, no other box.
        for key in [
            b"CropBox".as_slice(),
            b"BleedBox",
            b"TrimBox",
            b"ArtBox",
            b"Annots",
            b"Thumb",
            b"B",
            b"PieceInfo",
            b"Group",
            b"StructParents",
            b"Metadata",
        ] {
            dict.remove(key);
        }
        dict.set("Rotate", 0);
        dict.set("MediaBox", parts.media_box);
        dict.set("Contents", parts.content);
        dict.set("Resources", parts.resources);
    }
    doc.prune_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out).map_err(pdf_err)?;
    Ok(out)
}

/// Page `number` (from 1) of a PDF whose page is one 8-bit grey deflated image, as [`write`] and
/// [`replace_pages`] make them.
pub fn page_image(pdf: &[u8], number: u32) -> Result<Gray, Error> {
    let doc = Document::load_mem(pdf).map_err(pdf_err)?;
    let id = *doc
        .get_pages()
        .get(&number)
        .ok_or_else(|| pdf_err(format!("no page {number}")))?;
    image_of_page(&doc, id)
}

/// The page images of a PDF written by [`write`] (or any PDF whose pages are each one 8-bit grey
/// deflated image), for the re-scan of an output and for tests.
pub fn page_images(pdf: &[u8]) -> Result<Vec<Gray>, Error> {
    let doc = Document::load_mem(pdf).map_err(pdf_err)?;
    doc.get_pages()
        .into_values()
        .map(|id| image_of_page(&doc, id))
        .collect()
}

fn image_of_page(doc: &Document, id: lopdf::ObjectId) -> Result<Gray, Error> {
    use std::io::Read;
    let page = doc.get_dictionary(id).map_err(pdf_err)?;
    let resources = page
        .get(b"Resources")
        .and_then(Object::as_dict)
        .map_err(pdf_err)?;
    let xobjects = resources
        .get(b"XObject")
        .and_then(Object::as_dict)
        .map_err(pdf_err)?;
    let (_, image) = xobjects
        .iter()
        .next()
        .ok_or_else(|| pdf_err("a page without an image"))?;
    let stream = doc
        .get_object(image.as_reference().map_err(pdf_err)?)
        .and_then(Object::as_stream)
        .map_err(pdf_err)?;
    let width = stream
        .dict
        .get(b"Width")
        .and_then(Object::as_i64)
        .map_err(pdf_err)? as u32;
    let height = stream
        .dict
        .get(b"Height")
        .and_then(Object::as_i64)
        .map_err(pdf_err)? as u32;
    let media = page
        .get(b"MediaBox")
        .and_then(Object::as_array)
        .map_err(pdf_err)?;
    let w_pt = media
        .get(2)
        .and_then(|o| o.as_float().ok())
        .unwrap_or(595.0);
    let dpi = (f64::from(width) * 72.0 / f64::from(w_pt.max(1.0))).round() as u32;
    let mut pixels = Vec::new();
    flate2::read::ZlibDecoder::new(stream.content.as_slice())
        .take(super::image::MAX_PIXELS)
        .read_to_end(&mut pixels)
        .map_err(pdf_err)?;
    let mut image = Gray::white(width, height, dpi);
    if pixels.len() != image.pixels.len() {
        return Err(pdf_err("an image of another size than it says"));
    }
    image.pixels = pixels;
    Ok(image)
}
