//! Loading a PDF someone sent within fixed limits: every decompression bounded while lopdf loads,
//! whatever the file says about itself. The limits on pages, fonts and glyphs are the text
//! reader's (`super::MAX_*`).

use super::{Damage, Error};

/// Limits on what loading one PDF may cost, whatever the file says about itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The most one stream (an object stream, a cross-reference stream) may inflate to.
    pub stream: usize,
    /// The most all object streams of one file may inflate to together.
    pub object_streams_total: usize,
    /// The most objects one file may hold (minutes have some thousands).
    pub objects: usize,
}

impl Limits {
    /// What minutes ever need, far below what would strain a laptop.
    pub const MINUTES: Limits = Limits {
        stream: 8 << 20,
        object_streams_total: 64 << 20,
        objects: 1_000_000,
    };
}

/// Loads a PDF with every decompression bounded by [`Limits::MINUTES`]: each object and
/// cross-reference stream, all object streams together, and the number of objects. A file beyond
/// a limit is refused with [`Error::TooLarge`] rather than loaded in part. Everything that
/// opens a PDF someone sent goes through here (lopdf alone inflates object streams without limit
/// while loading).
pub fn load_bounded(bytes: &[u8]) -> Result<lopdf::Document, Error> {
    load_limited(bytes, Limits::MINUTES)
}

/// [`load_bounded`] with other limits.
pub fn load_limited(bytes: &[u8], limits: Limits) -> Result<lopdf::Document, Error> {
    if !bytes.starts_with(b"%PDF") && !bytes.get(..1024).is_some_and(|h| find(h, b"%PDF")) {
        return Err(Error::Damaged(Damage::NotPdf));
    }
    budget::start(limits);
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(limits.stream),
        filter: Some(budget::filter),
        ..Default::default()
    };
    let loaded = lopdf::Document::load_mem_with_options(bytes, options);
    if let Some(why) = budget::finish() {
        return Err(Error::TooLarge(why));
    }
    let doc = loaded.map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => Error::Encrypted,
        lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            Error::TooLarge(format!(
                "a part inflates to more than {}",
                megabytes(limits.stream)
            ))
        }
        other => Error::Damaged(Damage::Structure(other)),
    })?;
    if doc.is_encrypted() {
        return Err(Error::Encrypted);
    }
    Ok(doc)
}

fn megabytes(bytes: usize) -> String {
    if bytes >= 1 << 20 {
        format!("{} MB", bytes >> 20)
    } else {
        format!("{} KB", bytes >> 10)
    }
}

/// The running cost of the PDF being loaded on this thread. lopdf's load filter is a plain
/// function, so the budget lives in a thread-local; lopdf is built without its parallel
/// loader, so every object of one load passes through the filter on the calling thread.
mod budget {
    use std::cell::RefCell;

    use lopdf::{Object, ObjectId};

    use super::{megabytes, Limits};

    struct Budget {
        limits: Limits,
        objects: usize,
        inflated: usize,
        exceeded: Option<String>,
    }

    thread_local! {
        static BUDGET: RefCell<Budget> = const {
            RefCell::new(Budget {
                limits: Limits::MINUTES,
                objects: 0,
                inflated: 0,
                exceeded: None,
            })
        };
    }

    pub(super) fn start(limits: Limits) {
        BUDGET.with(|b| {
            *b.borrow_mut() = Budget {
                limits,
                objects: 0,
                inflated: 0,
                exceeded: None,
            }
        });
    }

    pub(super) fn finish() -> Option<String> {
        BUDGET.with(|b| b.borrow_mut().exceeded.take())
    }

    /// Counts every object and inflates object streams here, against what is left of the
    /// budget, so that lopdf parses them from plain bytes. Returning `None` drops the object;
    /// once over budget everything is dropped and [`finish`] reports why.
    pub(super) fn filter(id: ObjectId, object: &mut Object) -> Option<(ObjectId, Object)> {
        BUDGET.with(|cell| {
            let mut b = cell.borrow_mut();
            if b.exceeded.is_some() {
                return None;
            }
            b.objects += 1;
            if b.objects > b.limits.objects {
                b.exceeded = Some(format!("it holds more than {} objects", b.limits.objects));
                return None;
            }
            if let Object::Stream(stream) = object {
                if stream.dict.has_type(b"ObjStm") && stream.is_compressed() {
                    let total = b.limits.object_streams_total;
                    let left = total.saturating_sub(b.inflated);
                    match stream.decompressed_content_with_limit(left.min(b.limits.stream)) {
                        Ok(plain) => {
                            b.inflated += plain.len();
                            stream.set_plain_content(plain);
                        }
                        Err(_) => {
                            b.exceeded = Some(if left < b.limits.stream {
                                format!(
                                    "its object streams inflate to more than {}",
                                    megabytes(total)
                                )
                            } else {
                                format!(
                                    "an object stream inflates to more than {}",
                                    megabytes(b.limits.stream)
                                )
                            });
                            return None;
                        }
                    }
                }
            }
            // lopdf keeps `object` itself for top-level objects and the returned value for
            // those from object streams.
            Some((id, object.clone()))
        })
    }
}

fn find(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object_stream_bomb(streams: usize, inflated: usize) -> Vec<u8> {
        use lopdf::{dictionary, Stream};
        let mut plain = b"900000 0 null".to_vec();
        plain.resize(inflated, b' ');
        let mut stream = Stream::new(dictionary! {}, plain);
        stream.compress().unwrap();
        let mut out = b"%PDF-1.5\n".to_vec();
        let mut offsets = Vec::new();
        for i in 1..=streams {
            offsets.push(out.len());
            out.extend(
                format!(
                    "{i} 0 obj\n<< /Type /ObjStm /N 1 /First 9 /Filter /FlateDecode /Length {} >>\nstream\n",
                    stream.content.len()
                )
                .as_bytes(),
            );
            out.extend(&stream.content);
            out.extend(b"\nendstream\nendobj\n");
        }
        let xref = out.len();
        out.extend(format!("xref\n0 {}\n0000000000 65535 f \n", streams + 1).as_bytes());
        for o in offsets {
            out.extend(format!("{o:010} 00000 n \n").as_bytes());
        }
        out.extend(
            format!(
                "trailer\n<< /Size {} >>\nstartxref\n{xref}\n%%EOF\n",
                streams + 1
            )
            .as_bytes(),
        );
        out
    }

    #[test]
    fn object_stream_bombs_are_refused_before_they_fill_memory() {
        // Issue 12: a 4 MB object-stream bomb took 3.7 GB on import (lopdf loaded without a cap).
        // Small limits here keep the test quick; the hostile-file test runs the real ones.
        let limits = Limits {
            stream: 256 << 10,
            object_streams_total: 2 << 20,
            objects: 1000,
        };
        let one_big = object_stream_bomb(1, limits.stream + 1024);
        match load_limited(&one_big, limits) {
            Err(Error::TooLarge(why)) => assert!(why.contains("an object stream"), "{why}"),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("a bomb was loaded"),
        }
        // Many streams, each under the per-stream cap, together over the file's budget.
        let per = limits.stream - 1024;
        let many = object_stream_bomb(limits.object_streams_total / per + 1, per);
        match load_limited(&many, limits) {
            Err(Error::TooLarge(why)) => assert!(why.contains("object streams"), "{why}"),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("a bomb was loaded"),
        }
        // Too many objects.
        match load_limited(&object_stream_bomb(limits.objects + 1, 64), limits) {
            Err(Error::TooLarge(why)) => assert!(why.contains("objects"), "{why}"),
            Err(e) => panic!("{e}"),
            Ok(_) => panic!("too many objects were loaded"),
        }
        // Under the budget the same construction loads.
        assert!(load_limited(&object_stream_bomb(2, 1024), limits).is_ok());
    }
}
