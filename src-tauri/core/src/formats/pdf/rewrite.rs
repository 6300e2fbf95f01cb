//! The rewrite: glyphs out of the content streams, boxes in, image pixels blacked out, hidden
//! places scrubbed, and a new file written.

use std::collections::{BTreeMap, HashMap, HashSet};

use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, ObjectId, Stream};

use super::interp::{apply, CodeAt, Found, ImageKind, Matrix, Rect, StreamKey};
use super::{Damage, Error, MAX_IMAGE};

/// What a redaction did.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Report {
    /// Boxes drawn (one per line a span covers).
    pub boxes: usize,
    /// Glyphs removed from the content.
    pub glyphs_removed: usize,
    /// Images whose pixels under a box were blacked out.
    pub images_blacked_out: usize,
    /// Images removed because Andel cannot decode them (JPEG and other compressed images under a
    /// box), or because all images were to be dropped.
    pub images_dropped: u32,
    /// Images left on the pages (a person must check them for faces and signatures).
    pub images_kept: u32,
    /// Annotations (notes, pop-ups, links, form widgets) removed.
    pub annotations_removed: u32,
}

/// Space around each glyph box, in points.
const PAD: f32 = 0.4;

/// A code to remove: byte offset in its string, length, and the move that replaces it.
type Cut = (usize, u8, f32);

#[derive(Default)]
struct StreamEdit {
    /// (op, elem) → the codes to remove.
    remove: BTreeMap<(usize, usize), Vec<Cut>>,
    drop: HashSet<usize>,
}

pub(super) fn redact(
    doc: &mut Document,
    found: Found,
    span_glyphs: &[Vec<u32>],
    drop_images: bool,
) -> Result<(Vec<u8>, Report), Error> {
    let mut report = Report::default();
    let glyphs = &found.glyphs;
    // Boxes: a span's glyphs, line by line.
    let mut boxes: BTreeMap<usize, Vec<Rect>> = BTreeMap::new();
    for ids in span_glyphs {
        let mut current: Option<(usize, Rect)> = None;
        for &id in ids {
            let Some(g) = glyphs.get(id as usize) else {
                continue;
            };
            let r = g.rect;
            current = match current {
                Some((page, cur)) if page == g.page && same_line(&cur, &r) => {
                    Some((page, cur.union(&r)))
                }
                Some((page, cur)) => {
                    boxes.entry(page).or_default().push(cur);
                    Some((g.page, r))
                }
                None => Some((g.page, r)),
            };
        }
        if let Some((page, cur)) = current {
            boxes.entry(page).or_default().push(cur);
        }
    }
    for rects in boxes.values_mut() {
        for r in rects.iter_mut() {
            *r = Rect {
                x0: r.x0 - PAD,
                y0: r.y0 - PAD,
                x1: r.x1 + PAD,
                y1: r.y1 + PAD,
            };
        }
        report.boxes += rects.len();
    }
    // Glyphs to remove: those of the spans and any other glyph under a box (text drawn twice
    // for a bold look, invisible text).
    let mut remove: HashSet<CodeAt> = HashSet::new();
    let mut take = |g: &super::interp::Glyph,
                    edits: &mut HashMap<StreamKey, StreamEdit>|
     -> Result<(), Error> {
        if !remove.insert(g.at) {
            return Ok(());
        }
        let Some(kern) = g.kern else {
            return Err(Error::NoWidths {
                font: g.font.name.clone(),
                page: g.page + 1,
            });
        };
        edits
            .entry(g.at.stream)
            .or_default()
            .remove
            .entry((g.at.op, g.at.elem))
            .or_default()
            .push((g.at.byte, g.at.len, kern));
        Ok(())
    };
    let mut edits: HashMap<StreamKey, StreamEdit> = HashMap::new();
    for ids in span_glyphs {
        for &id in ids {
            if let Some(g) = glyphs.get(id as usize) {
                take(g, &mut edits)?;
            }
        }
    }
    for g in glyphs {
        if let Some(rects) = boxes.get(&g.page) {
            let (cx, cy) = g.rect.center();
            if rects.iter().any(|r| r.contains(cx, cy)) {
                take(g, &mut edits)?;
            }
        }
    }
    report.glyphs_removed = remove.len();
    // Images under a box: black out what can be decoded, drop the rest.
    let mut blacked: HashSet<ObjectId> = HashSet::new();
    for image in &found.images {
        let page_boxes = boxes.get(&image.page).map(Vec::as_slice).unwrap_or(&[]);
        let m = &image.ctm;
        let area = Rect::of_points(&[
            apply(m, 0.0, 0.0),
            apply(m, 1.0, 0.0),
            apply(m, 0.0, 1.0),
            apply(m, 1.0, 1.0),
        ]);
        let under: Vec<Rect> = page_boxes
            .iter()
            .filter(|r| r.intersects(&area))
            .copied()
            .collect();
        if !drop_images && under.is_empty() {
            continue;
        }
        let keep = match image.kind {
            ImageKind::XObject(id) if !drop_images => {
                let done = blackout(doc, id, m, &under)?;
                if done && blacked.insert(id) {
                    report.images_blacked_out += 1;
                }
                done
            }
            _ => false,
        };
        if !keep {
            edits.entry(image.stream).or_default().drop.insert(image.op);
            report.images_dropped += 1;
        }
    }
    let mut kept_images: HashSet<String> = HashSet::new();
    for image in &found.images {
        let dropped = edits
            .get(&image.stream)
            .is_some_and(|e| e.drop.contains(&image.op));
        if !dropped {
            kept_images.insert(match image.kind {
                ImageKind::XObject(id) => format!("{id:?}"),
                ImageKind::Inline => format!("{:?}/{}", image.stream, image.op),
            });
        }
    }
    report.images_kept = kept_images.len() as u32;
    // Rewrite every stream that changes, and every one whose marked content carries alt text.
    let mut streams = found.streams;
    let mut keys: Vec<StreamKey> = streams.keys().copied().collect();
    keys.sort();
    for key in keys {
        let Some(ops) = streams.remove(&key) else {
            continue;
        };
        let edit = edits.remove(&key).unwrap_or_default();
        let page_boxes = match key {
            StreamKey::Page(p) => boxes.get(&p).cloned().unwrap_or_default(),
            StreamKey::Form(_) => Vec::new(),
        };
        let has_alt = ops.iter().any(marked_alt);
        if edit.remove.is_empty() && edit.drop.is_empty() && page_boxes.is_empty() && !has_alt {
            continue;
        }
        let ops = edit_ops(ops, &edit);
        let mut content = encode(&ops, &mut report)?;
        match key {
            StreamKey::Page(p) => {
                let mut wrapped = b"q\n".to_vec();
                wrapped.append(&mut content);
                wrapped.extend_from_slice(b"\nQ\n");
                if !page_boxes.is_empty() {
                    wrapped.extend_from_slice(b"q 0 0 0 rg\n");
                    for b in &page_boxes {
                        wrapped.extend_from_slice(
                            format!(
                                "{:.2} {:.2} {:.2} {:.2} re\n",
                                b.x0,
                                b.y0,
                                b.x1 - b.x0,
                                b.y1 - b.y0
                            )
                            .as_bytes(),
                        );
                    }
                    wrapped.extend_from_slice(b"f\nQ\n");
                }
                let page_id = doc
                    .get_pages()
                    .into_values()
                    .nth(p)
                    .ok_or(Error::Damaged(Damage::NoPages))?;
                let mut stream = Stream::new(Dictionary::new(), wrapped);
                let _ = stream.compress();
                let id = doc.add_object(stream);
                doc.get_dictionary_mut(page_id)
                    .map_err(|e| Error::Damaged(Damage::Structure(e)))?
                    .set("Contents", Object::Reference(id));
            }
            StreamKey::Form(id) => {
                let stream = doc
                    .get_object_mut(id)
                    .and_then(Object::as_stream_mut)
                    .map_err(|e| Error::Damaged(Damage::Structure(e)))?;
                stream.set_plain_content(content);
                let _ = stream.compress();
            }
        }
    }
    report.annotations_removed = scrub(doc);
    doc.prune_objects();
    doc.renumber_objects();
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::Write(e.to_string()))?;
    Ok((out, report))
}

/// The next glyph continues the box's line: it overlaps the box's height by half its own.
fn same_line(cur: &Rect, r: &Rect) -> bool {
    let overlap = cur.y1.min(r.y1) - cur.y0.max(r.y0);
    overlap > (r.y1 - r.y0) * 0.5 && r.x0 >= cur.x0 - (r.y1 - r.y0)
}

/// Whether a marked-content operator carries text a reader may show (ActualText, Alt, E).
fn marked_alt(op: &Operation) -> bool {
    op.operator == "BDC"
        && op.operands.iter().any(|o| {
            o.as_dict()
                .is_ok_and(|d| d.has(b"ActualText") || d.has(b"Alt") || d.has(b"E"))
        })
}

fn edit_ops(ops: Vec<Operation>, edit: &StreamEdit) -> Vec<Operation> {
    let mut out = Vec::with_capacity(ops.len());
    for (i, mut op) in ops.into_iter().enumerate() {
        if edit.drop.contains(&i) {
            continue;
        }
        if op.operator == "BDC" {
            for o in &mut op.operands {
                if let Object::Dictionary(d) = o {
                    d.remove(b"ActualText");
                    d.remove(b"Alt");
                    d.remove(b"E");
                }
            }
        }
        let touched = edit.remove.range((i, 0)..(i + 1, 0)).next().is_some();
        if !touched {
            out.push(op);
            continue;
        }
        // Tj, ', " become TJ (after the line move and spacing ' and " imply).
        let items: Vec<Object> = match op.operator.as_str() {
            "TJ" => match op.operands.pop() {
                Some(Object::Array(a)) => a,
                _ => Vec::new(),
            },
            "\"" => {
                let s = op.operands.pop();
                let ac = op.operands.pop();
                let aw = op.operands.pop();
                out.push(Operation::new("Tw", aw.into_iter().collect()));
                out.push(Operation::new("Tc", ac.into_iter().collect()));
                out.push(Operation::new("T*", vec![]));
                s.into_iter().collect()
            }
            "'" => {
                out.push(Operation::new("T*", vec![]));
                op.operands.pop().into_iter().collect()
            }
            _ => op.operands.pop().into_iter().collect(),
        };
        let mut array: Vec<Object> = Vec::new();
        let push_kern = |array: &mut Vec<Object>, k: f32| {
            if let Some(Object::Real(prev)) = array.last_mut() {
                *prev += k;
            } else {
                array.push(Object::Real(k));
            }
        };
        for (elem, item) in items.into_iter().enumerate() {
            let Some(codes) = edit.remove.get(&(i, elem)) else {
                match item {
                    Object::Integer(n) => push_kern(&mut array, n as f32),
                    Object::Real(n) => push_kern(&mut array, n),
                    other => array.push(other),
                }
                continue;
            };
            let Object::String(bytes, format) = item else {
                continue;
            };
            let mut kept: Vec<u8> = Vec::new();
            let mut pos = 0;
            let mut sorted = codes.clone();
            sorted.sort_by_key(|c| c.0);
            for (byte, len, kern) in sorted {
                if byte < pos {
                    continue;
                }
                kept.extend_from_slice(&bytes[pos..byte.min(bytes.len())]);
                if !kept.is_empty() {
                    array.push(Object::String(std::mem::take(&mut kept), format));
                }
                push_kern(&mut array, kern);
                pos = (byte + len as usize).min(bytes.len());
            }
            kept.extend_from_slice(&bytes[pos.min(bytes.len())..]);
            if !kept.is_empty() {
                array.push(Object::String(kept, format));
            }
        }
        out.push(Operation::new("TJ", vec![Object::Array(array)]));
    }
    out
}

/// Encodes operations; inline images are written back with their data (lopdf's encoder would
/// write them as stream objects), and inline images lopdf could not read are dropped.
fn encode(ops: &[Operation], report: &mut Report) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    let err = |e: lopdf::Error| Error::Write(e.to_string());
    for op in ops {
        if !out.is_empty() {
            out.push(b'\n');
        }
        if op.operator == "BI" {
            let Some(Object::Stream(s)) = op.operands.first() else {
                report.images_dropped += 1;
                continue;
            };
            let entries: Vec<Object> = s
                .dict
                .iter()
                .flat_map(|(k, v)| [Object::Name(k.clone()), v.clone()])
                .collect();
            out.extend_from_slice(b"BI\n");
            out.extend(
                Content {
                    operations: vec![Operation::new("ID", entries)],
                }
                .encode()
                .map_err(err)?,
            );
            out.push(b' ');
            out.extend_from_slice(&s.content);
            out.extend_from_slice(b"\nEI");
            continue;
        }
        out.extend(
            Content {
                operations: vec![op.clone()],
            }
            .encode()
            .map_err(err)?,
        );
    }
    Ok(out)
}

/// Blacks out the pixels of image `id` under `rects` (page space; `m` maps the unit square to
/// the page). False when the image is in a form Andel does not decode.
fn blackout(doc: &mut Document, id: ObjectId, m: &Matrix, rects: &[Rect]) -> Result<bool, Error> {
    let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
        return Ok(false);
    };
    let d = &stream.dict;
    let int = |k: &[u8]| d.get(k).and_then(Object::as_i64).ok();
    let (Some(w), Some(h), Some(8)) = (int(b"Width"), int(b"Height"), int(b"BitsPerComponent"))
    else {
        return Ok(false);
    };
    if d.has(b"Decode")
        || d.get(b"ImageMask")
            .and_then(Object::as_bool)
            .unwrap_or(false)
    {
        return Ok(false);
    }
    let components = match d.get(b"ColorSpace") {
        Ok(Object::Name(n)) => match n.as_slice() {
            b"DeviceGray" => 1,
            b"DeviceRGB" => 3,
            b"DeviceCMYK" => 4,
            _ => return Ok(false),
        },
        Ok(cs) => {
            // [/ICCBased stream]: N components.
            let arr = match cs {
                Object::Reference(r) => doc.get_object(*r).and_then(Object::as_array).ok(),
                o => o.as_array().ok(),
            };
            let n = arr.and_then(|a| match (a.first(), a.get(1)) {
                (Some(Object::Name(k)), Some(Object::Reference(r))) if k == b"ICCBased" => doc
                    .get_object(*r)
                    .and_then(Object::as_stream)
                    .ok()
                    .and_then(|s| s.dict.get(b"N").and_then(Object::as_i64).ok()),
                _ => None,
            });
            match n {
                Some(n @ (1 | 3 | 4)) => n as usize,
                _ => return Ok(false),
            }
        }
        Err(_) => return Ok(false),
    };
    let (Ok(w), Ok(h)) = (usize::try_from(w), usize::try_from(h)) else {
        return Ok(false);
    };
    let filters = stream.filters().unwrap_or_default();
    if filters.iter().any(|f| *f != b"FlateDecode") {
        return Ok(false);
    }
    let Ok(mut pixels) = stream.decompressed_content_with_limit(MAX_IMAGE) else {
        return Ok(false);
    };
    let row = w * components;
    if pixels.len() < row.saturating_mul(h) || w == 0 || h == 0 {
        return Ok(false);
    }
    // Page → unit square.
    let det = m[0] * m[3] - m[1] * m[2];
    if det.abs() < 1e-9 {
        return Ok(false);
    }
    let inv = [
        m[3] / det,
        -m[1] / det,
        -m[2] / det,
        m[0] / det,
        (m[2] * m[5] - m[3] * m[4]) / det,
        (m[1] * m[4] - m[0] * m[5]) / det,
    ];
    for r in rects {
        let u = Rect::of_points(&[
            apply(&inv, r.x0, r.y0),
            apply(&inv, r.x1, r.y0),
            apply(&inv, r.x0, r.y1),
            apply(&inv, r.x1, r.y1),
        ]);
        let col = |v: f32| ((v * w as f32).floor().max(0.0) as usize).min(w);
        let line = |v: f32| (((1.0 - v) * h as f32).floor().max(0.0) as usize).min(h);
        let (c0, c1) = (
            col(u.x0),
            ((u.x1 * w as f32).ceil().max(0.0) as usize).min(w),
        );
        let (r0, r1) = (
            line(u.y1),
            (((1.0 - u.y0) * h as f32).ceil().max(0.0) as usize).min(h),
        );
        for y in r0..r1 {
            for x in c0..c1 {
                let p = y * row + x * components;
                for k in 0..components {
                    // CMYK black is full K; the other spaces are black at zero.
                    pixels[p + k] = if components == 4 && k == 3 { 255 } else { 0 };
                }
            }
        }
    }
    let Ok(stream) = doc.get_object_mut(id).and_then(Object::as_stream_mut) else {
        return Ok(false);
    };
    stream.set_plain_content(pixels);
    let _ = stream.compress();
    Ok(true)
}

/// Removes the places a reader or a tool shows besides the page: document information and XMP,
/// the outline, annotations (and their pop-ups and form widgets), form fields, embedded files,
/// JavaScript and open actions, the tagged structure (its alt texts), page thumbnails and
/// application data.
fn scrub(doc: &mut Document) -> u32 {
    let mut annotations = 0;
    for key in [b"Info".as_slice(), b"Encrypt", b"ID"] {
        doc.trailer.remove(key);
    }
    if let Ok(catalog) = doc.catalog_mut() {
        for key in [
            b"Outlines".as_slice(),
            b"Names",
            b"Dests",
            b"AcroForm",
            b"OpenAction",
            b"AA",
            b"Metadata",
            b"PieceInfo",
            b"StructTreeRoot",
            b"MarkInfo",
            b"Threads",
            b"Collection",
            b"URI",
            b"Perms",
            b"Legal",
            b"SpiderInfo",
            b"AF",
        ] {
            catalog.remove(key);
        }
        if catalog
            .get(b"PageMode")
            .and_then(Object::as_name)
            .is_ok_and(|m| m == b"UseOutlines" || m == b"UseAttachments")
        {
            catalog.remove(b"PageMode");
        }
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for id in pages {
        let count = doc
            .get_dictionary(id)
            .and_then(|p| p.get_deref(b"Annots", doc))
            .and_then(Object::as_array)
            .map_or(0, Vec::len);
        annotations += count as u32;
        if let Ok(page) = doc.get_dictionary_mut(id) {
            for key in [
                b"Annots".as_slice(),
                b"AA",
                b"Thumb",
                b"Metadata",
                b"PieceInfo",
                b"StructParents",
                b"B",
                b"AF",
            ] {
                page.remove(key);
            }
        }
    }
    // Metadata streams of images and fonts, and alt text in marked-content properties.
    for obj in doc.objects.values_mut() {
        let dict = match obj {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        dict.remove(b"Metadata");
        dict.remove(b"ActualText");
        dict.remove(b"Alt");
        dict.remove(b"PieceInfo");
    }
    // Free-standing objects that nothing points at any more (old revisions, the Info
    // dictionary) go with the prune that follows.
    annotations
}
