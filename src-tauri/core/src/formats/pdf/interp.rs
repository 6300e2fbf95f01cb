//! Walks a page's content (and the Form XObjects it draws) the way a viewer does, keeping the
//! graphics and text state, and reports every glyph with its place on the page and where in the
//! content it came from, and every image with the matrix it is drawn with.

use std::collections::HashMap;
use std::sync::Arc;

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::{Damage, Error, MAX_CONTENT_TOTAL, MAX_FONTS, MAX_GLYPHS, MAX_STREAM};

/// A 2-D affine matrix `[a b c d e f]` in PDF's row-vector convention.
pub(super) type Matrix = [f32; 6];

pub(super) const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

/// `m × n`: first m, then n.
pub(super) fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

pub(super) fn apply(m: &Matrix, x: f32, y: f32) -> (f32, f32) {
    (x * m[0] + y * m[2] + m[4], x * m[1] + y * m[3] + m[5])
}

/// An axis-aligned rectangle in the page's default user space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Rect {
    pub x0: f32,
    pub y0: f32,
    pub x1: f32,
    pub y1: f32,
}

impl Rect {
    pub fn of_points(points: &[(f32, f32)]) -> Rect {
        let mut r = Rect {
            x0: f32::INFINITY,
            y0: f32::INFINITY,
            x1: f32::NEG_INFINITY,
            y1: f32::NEG_INFINITY,
        };
        for &(x, y) in points {
            r.x0 = r.x0.min(x);
            r.y0 = r.y0.min(y);
            r.x1 = r.x1.max(x);
            r.y1 = r.y1.max(y);
        }
        r
    }

    pub fn union(&self, o: &Rect) -> Rect {
        Rect {
            x0: self.x0.min(o.x0),
            y0: self.y0.min(o.y0),
            x1: self.x1.max(o.x1),
            y1: self.y1.max(o.y1),
        }
    }

    pub fn intersects(&self, o: &Rect) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }

    pub fn contains(&self, x: f32, y: f32) -> bool {
        x >= self.x0 && x <= self.x1 && y >= self.y0 && y <= self.y1
    }

    pub fn center(&self) -> (f32, f32) {
        ((self.x0 + self.x1) / 2.0, (self.y0 + self.y1) / 2.0)
    }

    pub fn is_finite(&self) -> bool {
        [self.x0, self.y0, self.x1, self.y1]
            .iter()
            .all(|v| v.is_finite())
    }
}

/// Which content stream an operation is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum StreamKey {
    /// The page's content (all its streams, joined), by page index.
    Page(usize),
    /// A Form XObject's stream.
    Form(ObjectId),
}

/// Where a glyph's code sits: the operation, the element of a `TJ` array (0 for the other
/// operators), and the byte offset and length in that string.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct CodeAt {
    pub stream: StreamKey,
    pub op: usize,
    pub elem: usize,
    pub byte: usize,
    pub len: u8,
}

#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub page: usize,
    pub at: CodeAt,
    pub text: Option<String>,
    /// The glyph's box on the page.
    pub rect: Rect,
    /// Baseline origin, the point after the advance, and the size of the text on the page.
    pub origin: (f32, f32),
    pub end: (f32, f32),
    pub size: f32,
    /// The move that replaces this glyph in a `TJ` array, in thousandths of text space (None
    /// when the font has no widths or the font size is zero).
    pub kern: Option<f32>,
    pub font: Arc<Font>,
}

#[derive(Debug, Clone)]
pub(super) enum ImageKind {
    XObject(ObjectId),
    Inline,
}

#[derive(Debug, Clone)]
pub(super) struct ImageUse {
    pub page: usize,
    pub stream: StreamKey,
    pub op: usize,
    pub kind: ImageKind,
    /// Maps the unit square to the page.
    pub ctm: Matrix,
}

#[derive(Default, Debug)]
pub(super) struct Found {
    pub glyphs: Vec<Glyph>,
    pub images: Vec<ImageUse>,
    /// Decoded operations of every stream walked, for the rewrite.
    pub streams: HashMap<StreamKey, Vec<Operation>>,
}

#[derive(Clone)]
struct TextState {
    tc: f32,
    tw: f32,
    th: f32,
    tl: f32,
    font: Option<Arc<Font>>,
    size: f32,
    rise: f32,
}

#[derive(Clone)]
struct GState {
    ctm: Matrix,
    text: TextState,
}

/// How deep Form XObjects may nest.
const MAX_DEPTH: usize = 12;

pub(super) struct Walker<'a> {
    pub doc: &'a Document,
    pub found: Found,
    fonts: HashMap<(Option<ObjectId>, Vec<u8>), Arc<Font>>,
    /// Content inflated so far (pages and forms).
    inflated: usize,
}

impl<'a> Walker<'a> {
    pub fn new(doc: &'a Document) -> Walker<'a> {
        Walker {
            doc,
            found: Found::default(),
            fonts: HashMap::new(),
            inflated: 0,
        }
    }

    /// Walks one page.
    pub fn page(&mut self, index: usize, page_id: ObjectId) -> Result<(), Error> {
        let content = self
            .doc
            .get_page_content_with_limit(page_id, MAX_STREAM)
            .map_err(|e| match e {
                lopdf::Error::Decompress(_) => Error::TooLarge(format!(
                    "page {} inflates to more than {} MB",
                    index + 1,
                    MAX_STREAM >> 20
                )),
                e => Error::Damaged(Damage::Content {
                    page: index + 1,
                    source: e,
                }),
            })?;
        self.count(content.len())?;
        let ops = decode(&content, index)?;
        let resources = page_resources(self.doc, page_id);
        let state = GState {
            ctm: IDENTITY,
            text: TextState {
                tc: 0.0,
                tw: 0.0,
                th: 1.0,
                tl: 0.0,
                font: None,
                size: 0.0,
                rise: 0.0,
            },
        };
        let mut stack = Vec::new();
        self.run(
            index,
            StreamKey::Page(index),
            &ops,
            &resources,
            state,
            &mut stack,
        )?;
        self.found.streams.insert(StreamKey::Page(index), ops);
        Ok(())
    }

    fn count(&mut self, len: usize) -> Result<(), Error> {
        self.inflated += len;
        if self.inflated > MAX_CONTENT_TOTAL {
            return Err(Error::TooLarge(format!(
                "its pages inflate to more than {} MB",
                MAX_CONTENT_TOTAL >> 20
            )));
        }
        Ok(())
    }

    fn font(&mut self, resources: &Dictionary, name: &[u8]) -> Result<Option<Arc<Font>>, Error> {
        let doc = self.doc;
        let Ok(fonts) = resources.get_deref(b"Font", doc).and_then(Object::as_dict) else {
            return Ok(None);
        };
        let Ok(entry) = fonts.get(name) else {
            return Ok(None);
        };
        let id = entry.as_reference().ok();
        let key = (id, name.to_vec());
        if let Some(f) = self.fonts.get(&key) {
            return Ok(Some(f.clone()));
        }
        let Ok(dict) = fonts.get_deref(name, doc).and_then(Object::as_dict) else {
            return Ok(None);
        };
        if self.fonts.len() >= MAX_FONTS {
            return Err(Error::TooLarge(format!(
                "it uses more than {MAX_FONTS} fonts"
            )));
        }
        let font = Arc::new(Font::load(doc, name, dict)?);
        self.fonts.insert(key, font.clone());
        Ok(Some(font))
    }

    #[allow(clippy::too_many_lines)]
    fn run(
        &mut self,
        page: usize,
        key: StreamKey,
        ops: &[Operation],
        resources: &Dictionary,
        mut gs: GState,
        forms: &mut Vec<ObjectId>,
    ) -> Result<(), Error> {
        let mut saved: Vec<GState> = Vec::new();
        let mut tm = IDENTITY;
        let mut tlm = IDENTITY;
        for (op_index, op) in ops.iter().enumerate() {
            let num = |i: usize| op.operands.get(i).and_then(|o| o.as_float().ok());
            let nums = |n: usize| -> Option<Matrix> {
                if op.operands.len() < n {
                    return None;
                }
                let mut m = [0.0; 6];
                for (k, v) in m.iter_mut().enumerate().take(n) {
                    *v = num(k)?;
                }
                Some(m)
            };
            match op.operator.as_str() {
                // A hostile stream could push without end.
                "q" if saved.len() < 4096 => saved.push(gs.clone()),
                "Q" => {
                    if let Some(s) = saved.pop() {
                        gs = s;
                    }
                }
                "cm" => {
                    if let Some(m) = nums(6) {
                        gs.ctm = mul(&m, &gs.ctm);
                    }
                }
                "BT" => {
                    tm = IDENTITY;
                    tlm = IDENTITY;
                }
                "Tc" => gs.text.tc = num(0).unwrap_or(0.0),
                "Tw" => gs.text.tw = num(0).unwrap_or(0.0),
                "Tz" => gs.text.th = num(0).unwrap_or(100.0) / 100.0,
                "TL" => gs.text.tl = num(0).unwrap_or(0.0),
                "Ts" => gs.text.rise = num(0).unwrap_or(0.0),
                "Tf" => {
                    gs.text.size = num(1).unwrap_or(0.0);
                    let name = op.operands.first().and_then(|o| o.as_name().ok());
                    gs.text.font = match name {
                        Some(n) => self.font(resources, n)?,
                        None => None,
                    };
                }
                "Td" | "TD" => {
                    let (tx, ty) = (num(0).unwrap_or(0.0), num(1).unwrap_or(0.0));
                    if op.operator == "TD" {
                        gs.text.tl = -ty;
                    }
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], &tlm);
                    tm = tlm;
                }
                "Tm" => {
                    if let Some(m) = nums(6) {
                        tlm = m;
                        tm = m;
                    }
                }
                "T*" => {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.text.tl], &tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.text.tw = num(0).unwrap_or(gs.text.tw);
                        gs.text.tc = num(1).unwrap_or(gs.text.tc);
                    }
                    if op.operator == "'" || op.operator == "\"" {
                        tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -gs.text.tl], &tlm);
                        tm = tlm;
                    }
                    let items: Vec<(usize, &Object)> = match op.operands.last() {
                        Some(Object::Array(a)) if op.operator == "TJ" => {
                            a.iter().enumerate().collect()
                        }
                        Some(o) => vec![(0, o)],
                        None => Vec::new(),
                    };
                    for (elem, item) in items {
                        match item {
                            Object::String(bytes, _) => {
                                if bytes.is_empty() {
                                    continue;
                                }
                                let Some(font) = gs.text.font.clone() else {
                                    return Err(Error::Damaged(Damage::NoFontForText {
                                        page: page + 1,
                                    }));
                                };
                                for (byte, len, code) in font.codes(bytes) {
                                    let at = CodeAt {
                                        stream: key,
                                        op: op_index,
                                        elem,
                                        byte,
                                        len,
                                    };
                                    self.glyph(page, at, code, &font, &gs, &mut tm)?;
                                }
                            }
                            other => {
                                if let Ok(n) = other.as_float() {
                                    let t = &gs.text;
                                    let tx = -n / 1000.0 * t.size * t.th;
                                    tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                                }
                            }
                        }
                    }
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Ok(xobjects) = resources
                        .get_deref(b"XObject", self.doc)
                        .and_then(Object::as_dict)
                    else {
                        continue;
                    };
                    let Ok(id) = xobjects.get(name).and_then(Object::as_reference) else {
                        continue;
                    };
                    let Ok(stream) = self.doc.get_object(id).and_then(Object::as_stream) else {
                        continue;
                    };
                    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => self.found.images.push(ImageUse {
                            page,
                            stream: key,
                            op: op_index,
                            kind: ImageKind::XObject(id),
                            ctm: gs.ctm,
                        }),
                        Ok(b"Form") => {
                            if forms.contains(&id) || forms.len() >= MAX_DEPTH {
                                continue;
                            }
                            let matrix = stream
                                .dict
                                .get(b"Matrix")
                                .and_then(Object::as_array)
                                .ok()
                                .and_then(|a| {
                                    let v: Vec<f32> =
                                        a.iter().filter_map(|o| o.as_float().ok()).collect();
                                    <[f32; 6]>::try_from(v).ok()
                                })
                                .unwrap_or(IDENTITY);
                            let form_key = StreamKey::Form(id);
                            let form_ops = match self.found.streams.get(&form_key) {
                                Some(ops) => ops.clone(),
                                None => {
                                    let content = stream
                                        .decompressed_content_with_limit(MAX_STREAM)
                                        .or_else(|e| match e {
                                            lopdf::Error::Decompress(_) => {
                                                Err(Error::TooLarge(format!(
                                                    "a form on page {} inflates to more than {} MB",
                                                    page + 1,
                                                    MAX_STREAM >> 20
                                                )))
                                            }
                                            _ => Ok(stream.content.clone()),
                                        })?;
                                    self.count(content.len())?;
                                    decode(&content, page)?
                                }
                            };
                            let form_resources = stream
                                .dict
                                .get_deref(b"Resources", self.doc)
                                .and_then(Object::as_dict)
                                .cloned()
                                .unwrap_or_else(|_| resources.clone());
                            let mut inner = gs.clone();
                            inner.ctm = mul(&matrix, &gs.ctm);
                            forms.push(id);
                            self.run(page, form_key, &form_ops, &form_resources, inner, forms)?;
                            forms.pop();
                            self.found.streams.insert(form_key, form_ops);
                        }
                        _ => {}
                    }
                }
                "BI" => self.found.images.push(ImageUse {
                    page,
                    stream: key,
                    op: op_index,
                    kind: ImageKind::Inline,
                    ctm: gs.ctm,
                }),
                _ => {}
            }
        }
        Ok(())
    }

    fn glyph(
        &mut self,
        page: usize,
        at: CodeAt,
        code: u32,
        font: &Arc<Font>,
        gs: &GState,
        tm: &mut Matrix,
    ) -> Result<(), Error> {
        if self.found.glyphs.len() >= MAX_GLYPHS {
            return Err(Error::TooLarge(format!(
                "it shows more than {MAX_GLYPHS} characters"
            )));
        }
        let t = &gs.text;
        let w = font.width(code);
        let w0 = w.unwrap_or(500.0) / 1000.0;
        let trm = mul(
            &mul(&[t.size * t.th, 0.0, 0.0, t.size, 0.0, t.rise], tm),
            &gs.ctm,
        );
        let corners = [
            apply(&trm, 0.0, font.descent / 1000.0),
            apply(&trm, w0, font.descent / 1000.0),
            apply(&trm, 0.0, font.ascent / 1000.0),
            apply(&trm, w0, font.ascent / 1000.0),
        ];
        let word_space = if !font.two_byte && code == 32 && at.len == 1 {
            t.tw
        } else {
            0.0
        };
        let tx = (w0 * t.size + t.tc + word_space) * t.th;
        let origin = apply(&trm, 0.0, 0.0);
        *tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], tm);
        let after = mul(
            &mul(&[t.size * t.th, 0.0, 0.0, t.size, 0.0, t.rise], tm),
            &gs.ctm,
        );
        let end = apply(&after, 0.0, 0.0);
        let size = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
        let kern = match w {
            Some(_) if (t.size * t.th).abs() > 1e-6 => Some(-tx * 1000.0 / (t.size * t.th)),
            _ => None,
        };
        let rect = Rect::of_points(&corners);
        if !rect.is_finite() {
            return Ok(());
        }
        self.found.glyphs.push(Glyph {
            page,
            at,
            text: font.text(code, at.len),
            rect,
            origin,
            end,
            size,
            kern,
            font: font.clone(),
        });
        Ok(())
    }
}

/// A content stream's operations; anything lopdf cannot parse to the end is damage (a partly
/// read page could hide text from the redaction).
pub(super) fn decode(content: &[u8], page: usize) -> Result<Vec<Operation>, Error> {
    Content::decode_strict(content)
        .map(|c| c.operations)
        .map_err(|e| {
            Error::Damaged(Damage::Content {
                page: page + 1,
                source: e,
            })
        })
}

/// The page's resources, inherited from its parents when it has none of its own.
fn page_resources(doc: &Document, page_id: ObjectId) -> Dictionary {
    let mut id = Some(page_id);
    let mut seen = 0;
    while let Some(current) = id {
        seen += 1;
        if seen > 64 {
            break;
        }
        let Ok(dict) = doc.get_dictionary(current) else {
            break;
        };
        if let Ok(r) = dict.get_deref(b"Resources", doc).and_then(Object::as_dict) {
            return r.clone();
        }
        id = dict.get(b"Parent").and_then(Object::as_reference).ok();
    }
    Dictionary::new()
}
