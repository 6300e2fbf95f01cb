//! What redaction needs to know about a font: how its strings split into codes, what each code
//! means as text, and how far each code moves the pen (so a removed glyph can be replaced by a
//! move of exactly its width and the text after it stays in place).

use std::collections::HashMap;

use lopdf::{Dictionary, Document, Object};

use super::{Error, MAX_FONT_MAP};

/// One font as used on a page.
pub(super) struct Font {
    /// The resource name, for messages.
    pub name: String,
    /// Two bytes per code (Type0 fonts with Identity-H or a two-byte CMap); else one.
    pub two_byte: bool,
    /// Advance widths in thousandths of text space (after the font matrix for Type3).
    widths: HashMap<u32, f32>,
    default_width: f32,
    /// Whether widths are known at all (a non-embedded standard font may have none).
    has_widths: bool,
    /// Ascent and descent in thousandths of the font size, for the glyph's box.
    pub ascent: f32,
    pub descent: f32,
    unicode: Unicode,
}

enum Unicode {
    Map(CMap),
    /// A simple font's ToUnicode map, then its encoding.
    Both(CMap, Vec<Option<String>>),
    /// A simple font's encoding, code by code.
    Simple(Vec<Option<String>>),
    /// Nothing says what the codes mean.
    None,
}

impl std::fmt::Debug for Font {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Font").field("name", &self.name).finish()
    }
}

impl Font {
    /// Reads a font dictionary. Fonts Andel cannot place text for (vertical writing, CMaps
    /// other than two-byte ones) are an error, since their text could not be redacted.
    pub fn load(doc: &Document, name: &[u8], dict: &Dictionary) -> Result<Font, Error> {
        let name_text = String::from_utf8_lossy(name).into_owned();
        let subtype = dict
            .get(b"Subtype")
            .and_then(Object::as_name)
            .unwrap_or(b"");
        let descriptor_of = |d: &Dictionary| -> Option<Dictionary> {
            d.get_deref(b"FontDescriptor", doc)
                .and_then(Object::as_dict)
                .ok()
                .cloned()
        };
        let mut font = Font {
            name: name_text.clone(),
            two_byte: false,
            widths: HashMap::new(),
            default_width: 0.0,
            has_widths: false,
            ascent: 800.0,
            descent: -200.0,
            unicode: Unicode::None,
        };
        let descriptor;
        if subtype == b"Type0" {
            font.two_byte = true;
            let encoding = dict.get_deref(b"Encoding", doc).ok();
            match encoding {
                Some(Object::Name(n)) if n == b"Identity-H" => {}
                Some(Object::Name(n)) if n.ends_with(b"-V") => {
                    return Err(Error::UnsupportedFont {
                        font: name_text,
                        why: "it writes vertically".into(),
                    })
                }
                Some(Object::Stream(s)) if two_byte_cmap(s) => {}
                _ => {
                    return Err(Error::UnsupportedFont {
                        font: name_text,
                        why: "its character map is not one Andel reads (Identity-H)".into(),
                    })
                }
            }
            let descendant = dict
                .get_deref(b"DescendantFonts", doc)
                .and_then(Object::as_array)
                .ok()
                .and_then(|a| a.first())
                .and_then(|o| deref(doc, o).as_dict().ok());
            let Some(descendant) = descendant else {
                return Err(Error::UnsupportedFont {
                    font: name_text,
                    why: "it has no descendant font".into(),
                });
            };
            font.default_width = descendant
                .get(b"DW")
                .and_then(Object::as_float)
                .unwrap_or(1000.0);
            font.has_widths = true;
            if let Ok(w) = descendant.get_deref(b"W", doc).and_then(Object::as_array) {
                read_cid_widths(doc, w, &mut font.widths);
            }
            descriptor = descriptor_of(descendant);
            font.unicode = match to_unicode(doc, dict)? {
                Some(map) => Unicode::Map(map),
                None => Unicode::None,
            };
        } else {
            let scale = if subtype == b"Type3" {
                // Type3 widths are in glyph space; the font matrix takes them to text space.
                dict.get_deref(b"FontMatrix", doc)
                    .and_then(Object::as_array)
                    .ok()
                    .and_then(|m| m.first())
                    .and_then(|o| o.as_float().ok())
                    .unwrap_or(0.001)
                    * 1000.0
            } else {
                1.0
            };
            let first = dict.get(b"FirstChar").and_then(Object::as_i64).unwrap_or(0);
            if let Ok(widths) = dict.get_deref(b"Widths", doc).and_then(Object::as_array) {
                font.has_widths = true;
                for (i, w) in widths.iter().enumerate() {
                    let code = first + i as i64;
                    if let (Ok(code), Ok(w)) = (u32::try_from(code), deref(doc, w).as_float()) {
                        font.widths.insert(code, w * scale);
                    }
                }
            }
            descriptor = descriptor_of(dict);
            if let Some(d) = &descriptor {
                if let Ok(w) = d.get(b"MissingWidth").and_then(Object::as_float) {
                    font.default_width = w * scale;
                }
            }
            let table = match dict.get_font_encoding_with_limit(doc, MAX_FONT_MAP) {
                Ok(encoding) => (0u16..256)
                    .map(|b| {
                        encoding
                            .bytes_to_string(&[b as u8])
                            .ok()
                            .filter(|s| !s.is_empty())
                    })
                    .collect(),
                Err(lopdf::Error::Decompress(_)) => return Err(too_large(&name_text)),
                Err(_) => Vec::new(),
            };
            font.unicode = match to_unicode(doc, dict)? {
                // The ToUnicode map wins; the encoding fills what it leaves out.
                Some(map) => Unicode::Both(map, table),
                None if table.is_empty() => Unicode::None,
                None => Unicode::Simple(table),
            };
        }
        if let Some(d) = descriptor {
            let get = |k: &[u8]| d.get(k).and_then(Object::as_float).ok();
            if let Some(a) = get(b"Ascent").filter(|a| *a > 100.0) {
                font.ascent = a.min(1500.0);
            }
            if let Some(dsc) = get(b"Descent").filter(|d| *d < 0.0) {
                font.descent = dsc.max(-600.0);
            }
        }
        Ok(font)
    }

    /// Splits a shown string into codes: (byte offset, length, code).
    pub fn codes(&self, bytes: &[u8]) -> Vec<(usize, u8, u32)> {
        if self.two_byte {
            bytes
                .chunks(2)
                .enumerate()
                .map(|(i, c)| {
                    let code = c.iter().fold(0u32, |a, b| a << 8 | u32::from(*b));
                    (i * 2, c.len() as u8, code)
                })
                .collect()
        } else {
            bytes
                .iter()
                .enumerate()
                .map(|(i, b)| (i, 1, u32::from(*b)))
                .collect()
        }
    }

    /// The advance of a code in thousandths of text space, or None when the font gives none.
    pub fn width(&self, code: u32) -> Option<f32> {
        if !self.has_widths {
            return None;
        }
        Some(
            self.widths
                .get(&code)
                .copied()
                .unwrap_or(self.default_width),
        )
    }

    /// The text a code stands for, or None when the font does not say.
    pub fn text(&self, code: u32, len: u8) -> Option<String> {
        match &self.unicode {
            Unicode::Map(map) => map.get(code, len),
            Unicode::Both(map, table) => map
                .get(code, len)
                .or_else(|| table.get(code as usize).cloned().flatten()),
            Unicode::Simple(table) => table.get(code as usize).cloned().flatten(),
            Unicode::None => None,
        }
    }

    /// True when nothing in the font says what its codes mean.
    pub fn no_unicode(&self) -> bool {
        matches!(self.unicode, Unicode::None)
    }
}

fn too_large(font: &str) -> Error {
    Error::TooLarge(format!(
        "the map to letters of font {font} inflates to more than {} MB",
        MAX_FONT_MAP >> 20
    ))
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

/// `/W [c [w1 w2 …] cfirst clast w …]`.
fn read_cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    // A hostile array could name billions of codes in one range; widths past this are ignored.
    const MAX_CODES: u32 = 1 << 17;
    while i < w.len() {
        let Ok(first) = deref(doc, &w[i]).as_i64() else {
            break;
        };
        let Ok(first) = u32::try_from(first) else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, v) in list.iter().enumerate() {
                    if let Ok(v) = deref(doc, v).as_float() {
                        out.insert(first.saturating_add(k as u32), v);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Ok(last), Some(Ok(v))) = (
                    last.as_i64(),
                    w.get(i + 2).map(|o| deref(doc, o).as_float()),
                ) else {
                    break;
                };
                let last = u32::try_from(last)
                    .unwrap_or(0)
                    .min(first.saturating_add(MAX_CODES));
                for code in first..=last {
                    out.insert(code, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// An embedded CMap whose code space is two bytes throughout.
fn two_byte_cmap(s: &lopdf::Stream) -> bool {
    let Ok(content) = s.decompressed_content_with_limit(1 << 20) else {
        return false;
    };
    let text = String::from_utf8_lossy(&content);
    let Some(start) = text.find("begincodespacerange") else {
        return false;
    };
    let Some(end) = text[start..].find("endcodespacerange") else {
        return false;
    };
    let body = &text[start + "begincodespacerange".len()..start + end];
    let ranges: Vec<&str> = body
        .split(['<', '>'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    !ranges.is_empty() && ranges.iter().all(|r| r.len() == 4)
}

/// The font's ToUnicode map, if it has one that parses.
fn to_unicode(doc: &Document, dict: &Dictionary) -> Result<Option<CMap>, Error> {
    let Ok(stream) = dict
        .get_deref(b"ToUnicode", doc)
        .and_then(Object::as_stream)
    else {
        return Ok(None);
    };
    let content = stream
        .decompressed_content_with_limit(MAX_FONT_MAP)
        .or_else(|e| match e {
            lopdf::Error::Decompress(_) => Err(too_large("")),
            // An unfiltered stream.
            _ => Ok(stream.content.clone()),
        })?;
    Ok(CMap::parse(&content))
}

/// A ToUnicode CMap: code ranges to text. (lopdf parses these but keeps the type private.)
#[derive(Debug, Default)]
struct CMap {
    /// (first code, code length) → (last code, target).
    ranges: std::collections::BTreeMap<(u8, u32), (u32, Target)>,
}

#[derive(Debug)]
enum Target {
    /// UTF-16 units; the last one counts up through the range.
    Start(Vec<u16>),
    /// One string per code.
    List(Vec<Vec<u16>>),
}

/// At most this many bfchar/bfrange entries are read.
const MAX_ENTRIES: usize = 1 << 17;

impl CMap {
    fn parse(bytes: &[u8]) -> Option<CMap> {
        let tokens = tokens(bytes);
        let mut map = CMap::default();
        let mut i = 0;
        while i < tokens.len() && map.ranges.len() < MAX_ENTRIES {
            match &tokens[i] {
                Tok::Word(w) if w == "beginbfchar" => {
                    i += 1;
                    while let (Some(Tok::Hex(src)), Some(Tok::Hex(dst))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        if let Some((len, code)) = code_of(src) {
                            map.ranges
                                .insert((len, code), (code, Target::Start(units(dst))));
                        }
                        i += 2;
                    }
                }
                Tok::Word(w) if w == "beginbfrange" => {
                    i += 1;
                    while let (Some(Tok::Hex(lo)), Some(Tok::Hex(hi))) =
                        (tokens.get(i), tokens.get(i + 1))
                    {
                        let (Some((len, lo)), Some((_, hi))) = (code_of(lo), code_of(hi)) else {
                            break;
                        };
                        match tokens.get(i + 2) {
                            Some(Tok::Hex(dst)) => {
                                if hi >= lo {
                                    map.ranges
                                        .insert((len, lo), (hi, Target::Start(units(dst))));
                                }
                                i += 3;
                            }
                            Some(Tok::Open) => {
                                let mut list = Vec::new();
                                let mut j = i + 3;
                                while let Some(Tok::Hex(d)) = tokens.get(j) {
                                    list.push(units(d));
                                    j += 1;
                                }
                                if hi >= lo {
                                    map.ranges.insert((len, lo), (hi, Target::List(list)));
                                }
                                i = j + 1;
                            }
                            _ => break,
                        }
                    }
                }
                _ => i += 1,
            }
        }
        (!map.ranges.is_empty()).then_some(map)
    }

    fn get(&self, code: u32, len: u8) -> Option<String> {
        let (&(l, lo), (hi, target)) = self.ranges.range(..=(len, code)).next_back()?;
        if l != len || code > *hi {
            return None;
        }
        let offset = code - lo;
        let units = match target {
            Target::Start(start) => {
                let mut v = start.clone();
                let last = v.last_mut()?;
                *last = last.checked_add(u16::try_from(offset).ok()?)?;
                v
            }
            Target::List(list) => list.get(offset as usize)?.clone(),
        };
        let s = String::from_utf16_lossy(&units);
        (!s.is_empty() && !s.contains('\u{fffd}')).then_some(s)
    }
}

fn code_of(hex: &[u8]) -> Option<(u8, u32)> {
    if hex.is_empty() || hex.len() > 4 {
        return None;
    }
    Some((
        hex.len() as u8,
        hex.iter().fold(0u32, |a, b| a << 8 | u32::from(*b)),
    ))
}

fn units(hex: &[u8]) -> Vec<u16> {
    hex.chunks(2)
        .map(|c| u16::from_be_bytes([c[0], c.get(1).copied().unwrap_or(0)]))
        .collect()
}

#[derive(Debug)]
enum Tok {
    Hex(Vec<u8>),
    Open,
    Word(String),
}

fn tokens(bytes: &[u8]) -> Vec<Tok> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b == b'<' && bytes.get(i + 1) != Some(&b'<') {
            let end = bytes[i..]
                .iter()
                .position(|&c| c == b'>')
                .map_or(bytes.len(), |p| i + p);
            let digits: Vec<u8> = bytes[i + 1..end]
                .iter()
                .filter_map(|c| (*c as char).to_digit(16).map(|d| d as u8))
                .collect();
            let hex = digits
                .chunks(2)
                .map(|c| c[0] << 4 | c.get(1).copied().unwrap_or(0))
                .collect();
            out.push(Tok::Hex(hex));
            i = end + 1;
        } else if b == b'[' {
            out.push(Tok::Open);
            i += 1;
        } else if b == b'%' {
            while i < bytes.len() && bytes[i] != b'\n' && bytes[i] != b'\r' {
                i += 1;
            }
        } else if b.is_ascii_alphabetic() {
            let start = i;
            while i < bytes.len() && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            out.push(Tok::Word(
                String::from_utf8_lossy(&bytes[start..i]).into_owned(),
            ));
        } else {
            i += 1;
        }
    }
    out
}
