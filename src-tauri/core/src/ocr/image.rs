//! Page images in memory: 8-bit grey, decoded from PNG, JPEG and TIFF scans or rendered from a PDF
//! page, painted over where a word is redacted, and written as PGM for Tesseract's standard input.
//!
//! Grey is enough for minutes and keeps a 300 dpi A4 page at about 8.7 MB; colour is folded into
//! luma. The decoders are pure Rust (no unsafe code here) with limits, so a hostile file ends in an
//! error instead of unbounded memory.

use std::io::Cursor;

use super::Error;

/// The most pixels one page may have: an A3 page at 600 dpi is about 70 million.
pub const MAX_PIXELS: u64 = 100_000_000;
/// The most pages (frames) a TIFF may hold.
const MAX_FRAMES: usize = 500;

/// One page as an 8-bit grey image (0 black, 255 white), row by row.
#[derive(Clone, PartialEq, Eq)]
pub struct Gray {
    pub width: u32,
    pub height: u32,
    pub pixels: Vec<u8>,
    /// The resolution, from the file or estimated (see [`Gray::dpi_known`]).
    pub dpi: u32,
    /// Whether the file said its resolution; else it was estimated from an A4 page's width.
    pub dpi_known: bool,
}

impl std::fmt::Debug for Gray {
    // The pixels of a scanned page are the register's data: never in a debug line.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Gray")
            .field("width", &self.width)
            .field("height", &self.height)
            .field("dpi", &self.dpi)
            .finish_non_exhaustive()
    }
}

impl Gray {
    /// A white page.
    pub fn white(width: u32, height: u32, dpi: u32) -> Gray {
        Gray {
            width,
            height,
            pixels: vec![255; width as usize * height as usize],
            dpi,
            dpi_known: true,
        }
    }

    fn new(width: u32, height: u32, pixels: Vec<u8>, dpi: Option<f64>) -> Result<Gray, Error> {
        if width == 0 || height == 0 || pixels.len() != width as usize * height as usize {
            return Err(Error::BadImage("its size does not match its pixels".into()));
        }
        let (dpi, known) = match dpi {
            Some(d) if (30.0..=2400.0).contains(&d) => (d.round() as u32, true),
            // No resolution in the file: assume the page is A4 wide (8.27 in), the usual scan.
            _ => (
                ((f64::from(width) / 8.27).round() as u32).clamp(30, 2400),
                false,
            ),
        };
        Ok(Gray {
            width,
            height,
            pixels,
            dpi,
            dpi_known: known,
        })
    }

    /// Paints the rectangle black (clipped to the page): the pixels underneath are gone.
    pub fn fill(&mut self, x: u32, y: u32, w: u32, h: u32) {
        let x1 = x.saturating_add(w).min(self.width);
        let y1 = y.saturating_add(h).min(self.height);
        for row in y.min(self.height)..y1 {
            let start = row as usize * self.width as usize;
            if let Some(line) = self
                .pixels
                .get_mut(start + x.min(x1) as usize..start + x1 as usize)
            {
                line.fill(0);
            }
        }
    }

    /// The image as binary PGM (P5), which Tesseract (Leptonica) reads from a pipe.
    pub fn to_pgm(&self) -> Vec<u8> {
        let mut out = format!("P5\n{} {}\n255\n", self.width, self.height).into_bytes();
        out.extend_from_slice(&self.pixels);
        out
    }

    /// Reads a binary PGM (P5, 8 bit) as pdftoppm writes it.
    pub fn from_pgm(bytes: &[u8], dpi: u32) -> Result<Gray, Error> {
        let bad = || Error::BadImage("the rendered page is not a PGM image".into());
        let mut fields = Vec::with_capacity(4);
        let mut pos = 0;
        while fields.len() < 4 {
            while bytes.get(pos).is_some_and(|b| b.is_ascii_whitespace()) {
                pos += 1;
            }
            if bytes.get(pos) == Some(&b'#') {
                while bytes.get(pos).is_some_and(|&b| b != b'\n') {
                    pos += 1;
                }
                continue;
            }
            let start = pos;
            while bytes.get(pos).is_some_and(|b| !b.is_ascii_whitespace()) {
                pos += 1;
            }
            if start == pos {
                return Err(bad());
            }
            fields.push(std::str::from_utf8(&bytes[start..pos]).map_err(|_| bad())?);
        }
        if fields[0] != "P5" || fields[3] != "255" {
            return Err(bad());
        }
        let width: u32 = fields[1].parse().map_err(|_| bad())?;
        let height: u32 = fields[2].parse().map_err(|_| bad())?;
        check_size(width, height)?;
        let data = bytes.get(pos + 1..).ok_or_else(bad)?;
        let len = width as usize * height as usize;
        let pixels = data.get(..len).ok_or_else(bad)?.to_vec();
        Gray::new(width, height, pixels, Some(f64::from(dpi)))
    }
}

fn check_size(width: u32, height: u32) -> Result<(), Error> {
    if u64::from(width) * u64::from(height) > MAX_PIXELS {
        return Err(Error::TooLarge { width, height });
    }
    Ok(())
}

/// The image formats scans arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImageFormat {
    Png,
    Jpeg,
    Tiff,
}

/// Decodes every page of a scan (a TIFF may hold several).
pub fn decode(bytes: &[u8], format: ImageFormat) -> Result<Vec<Gray>, Error> {
    match format {
        ImageFormat::Png => png_pages(bytes).map(|p| vec![p]),
        ImageFormat::Jpeg => jpeg_page(bytes).map(|p| vec![p]),
        ImageFormat::Tiff => tiff_pages(bytes),
    }
}

fn luma(r: u8, g: u8, b: u8) -> u8 {
    ((u32::from(r) * 299 + u32::from(g) * 587 + u32::from(b) * 114 + 500) / 1000) as u8
}

/// A grey value with its alpha laid over white paper.
fn over_white(v: u8, a: u8) -> u8 {
    ((u32::from(v) * u32::from(a) + 255 * (255 - u32::from(a)) + 127) / 255) as u8
}

fn png_pages(bytes: &[u8]) -> Result<Gray, Error> {
    let bad = |e: png::DecodingError| Error::BadImage(format!("the PNG cannot be read: {e}"));
    let mut decoder = png::Decoder::new_with_limits(
        Cursor::new(bytes),
        png::Limits {
            bytes: MAX_PIXELS as usize * 4,
        },
    );
    decoder.set_transformations(png::Transformations::EXPAND | png::Transformations::STRIP_16);
    let mut reader = decoder.read_info().map_err(bad)?;
    let (width, height) = (reader.info().width, reader.info().height);
    check_size(width, height)?;
    let dpi = reader.info().pixel_dims.and_then(|d| match d.unit {
        png::Unit::Meter => Some(f64::from(d.xppu) * 0.0254),
        png::Unit::Unspecified => None,
    });
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| Error::BadImage("the PNG is too large".into()))?;
    let mut buf = vec![0; size];
    let info = reader.next_frame(&mut buf).map_err(bad)?;
    let buf = &buf[..info.buffer_size()];
    let n = width as usize * height as usize;
    let pixels: Vec<u8> = match info.color_type {
        png::ColorType::Grayscale => buf.iter().take(n).copied().collect(),
        png::ColorType::GrayscaleAlpha => buf
            .chunks_exact(2)
            .take(n)
            .map(|p| over_white(p[0], p[1]))
            .collect(),
        png::ColorType::Rgb => buf
            .chunks_exact(3)
            .take(n)
            .map(|p| luma(p[0], p[1], p[2]))
            .collect(),
        png::ColorType::Rgba => buf
            .chunks_exact(4)
            .take(n)
            .map(|p| over_white(luma(p[0], p[1], p[2]), p[3]))
            .collect(),
        png::ColorType::Indexed => {
            return Err(Error::BadImage("its palette could not be expanded".into()))
        }
    };
    Gray::new(width, height, pixels, dpi)
}

fn jpeg_page(bytes: &[u8]) -> Result<Gray, Error> {
    use zune_jpeg::zune_core::bytestream::ZCursor;
    use zune_jpeg::zune_core::colorspace::ColorSpace;
    use zune_jpeg::zune_core::options::DecoderOptions;
    let options = DecoderOptions::default()
        .jpeg_set_out_colorspace(ColorSpace::Luma)
        .set_max_width(40_000)
        .set_max_height(40_000);
    let mut decoder = zune_jpeg::JpegDecoder::new_with_options(ZCursor::new(bytes), options);
    decoder
        .decode_headers()
        .map_err(|e| Error::BadImage(format!("the JPEG cannot be read: {e:?}")))?;
    let info = decoder
        .info()
        .ok_or_else(|| Error::BadImage("the JPEG has no size".into()))?;
    let (width, height) = (u32::from(info.width), u32::from(info.height));
    check_size(width, height)?;
    let dpi = match info.pixel_density {
        1 => Some(f64::from(info.x_density)),
        2 => Some(f64::from(info.x_density) * 2.54),
        _ => None,
    };
    let pixels = decoder
        .decode()
        .map_err(|e| Error::BadImage(format!("the JPEG cannot be read: {e:?}")))?;
    Gray::new(width, height, pixels, dpi)
}

fn tiff_pages(bytes: &[u8]) -> Result<Vec<Gray>, Error> {
    use tiff::decoder::{Decoder, DecodingResult, Limits};
    use tiff::ColorType;
    let bad = |e: tiff::TiffError| Error::BadImage(format!("the TIFF cannot be read: {e}"));
    let mut limits = Limits::default();
    limits.decoding_buffer_size = MAX_PIXELS as usize * 4;
    let mut decoder = Decoder::new(Cursor::new(bytes))
        .map_err(bad)?
        .with_limits(limits);
    let mut pages = Vec::new();
    loop {
        let (width, height) = decoder.dimensions().map_err(bad)?;
        check_size(width, height)?;
        let colour = decoder.colortype().map_err(bad)?;
        let dpi = tiff_dpi(&mut decoder);
        let n = width as usize * height as usize;
        let image = decoder.read_image().map_err(bad)?;
        let pixels: Vec<u8> = match (colour, image) {
            (ColorType::Gray(1), DecodingResult::U8(data)) => {
                // One bit per pixel, each row padded to whole bytes; 1 is white once the decoder has
                // undone WhiteIsZero.
                let row = (width as usize).div_ceil(8);
                let mut out = Vec::with_capacity(n);
                for y in 0..height as usize {
                    for x in 0..width as usize {
                        let byte = data.get(y * row + x / 8).copied().unwrap_or(0xff);
                        out.push(if byte & (0x80 >> (x % 8)) != 0 { 255 } else { 0 });
                    }
                }
                out
            }
            (ColorType::Gray(8), DecodingResult::U8(data)) => data.into_iter().take(n).collect(),
            (ColorType::Gray(16), DecodingResult::U16(data)) => {
                data.into_iter().take(n).map(|v| (v >> 8) as u8).collect()
            }
            (ColorType::GrayA(8), DecodingResult::U8(data)) => data
                .chunks_exact(2)
                .take(n)
                .map(|p| over_white(p[0], p[1]))
                .collect(),
            (ColorType::RGB(8), DecodingResult::U8(data)) => data
                .chunks_exact(3)
                .take(n)
                .map(|p| luma(p[0], p[1], p[2]))
                .collect(),
            (ColorType::RGBA(8), DecodingResult::U8(data)) => data
                .chunks_exact(4)
                .take(n)
                .map(|p| over_white(luma(p[0], p[1], p[2]), p[3]))
                .collect(),
            (ColorType::RGB(16), DecodingResult::U16(data)) => data
                .chunks_exact(3)
                .take(n)
                .map(|p| luma((p[0] >> 8) as u8, (p[1] >> 8) as u8, (p[2] >> 8) as u8))
                .collect(),
            (ColorType::CMYK(8), DecodingResult::U8(data)) => data
                .chunks_exact(4)
                .take(n)
                .map(|p| {
                    let k = 255 - u32::from(p[3]);
                    let ch = |c: u8| ((255 - u32::from(c)) * k / 255) as u8;
                    luma(ch(p[0]), ch(p[1]), ch(p[2]))
                })
                .collect(),
            (other, _) => {
                return Err(Error::BadImage(format!(
                    "its colour type ({other:?}) is not one Andel reads; save the scan as grey or colour PNG"
                )))
            }
        };
        pages.push(Gray::new(width, height, pixels, dpi)?);
        if !decoder.more_images() || pages.len() >= MAX_FRAMES {
            break;
        }
        decoder.next_image().map_err(bad)?;
    }
    Ok(pages)
}

fn tiff_dpi<R: std::io::Read + std::io::Seek>(
    decoder: &mut tiff::decoder::Decoder<R>,
) -> Option<f64> {
    use tiff::decoder::ifd::Value;
    use tiff::tags::Tag;
    let x = match decoder.find_tag(Tag::XResolution).ok()?? {
        Value::Rational(n, d) if d != 0 => f64::from(n) / f64::from(d),
        Value::Float(f) => f64::from(f),
        Value::Double(f) => f,
        Value::Short(v) => f64::from(v),
        Value::Unsigned(v) => f64::from(v),
        _ => return None,
    };
    // ResolutionUnit: 1 none, 2 inch (the default), 3 centimetre.
    let unit = decoder
        .find_tag_unsigned::<u16>(Tag::ResolutionUnit)
        .ok()
        .flatten()
        .unwrap_or(2);
    match unit {
        2 => Some(x),
        3 => Some(x * 2.54),
        _ => None,
    }
}

/// A PNG of a grey image (tests and the benchmark write their scans with it).
pub fn encode_png(image: &Gray) -> Result<Vec<u8>, Error> {
    let mut out = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut out, image.width, image.height);
        encoder.set_color(png::ColorType::Grayscale);
        encoder.set_depth(png::BitDepth::Eight);
        let ppm = (f64::from(image.dpi) / 0.0254).round() as u32;
        encoder.set_pixel_dims(Some(png::PixelDimensions {
            xppu: ppm,
            yppu: ppm,
            unit: png::Unit::Meter,
        }));
        let mut writer = encoder
            .write_header()
            .map_err(|e| Error::BadImage(format!("PNG: {e}")))?;
        writer
            .write_image_data(&image.pixels)
            .map_err(|e| Error::BadImage(format!("PNG: {e}")))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pgm_round_trip_and_painting() {
        let mut page = Gray::white(10, 4, 300);
        page.fill(2, 1, 3, 2);
        page.fill(8, 3, 100, 100);
        let back = Gray::from_pgm(&page.to_pgm(), 300).unwrap();
        assert_eq!(back, page);
        assert_eq!(back.pixels.iter().filter(|&&p| p == 0).count(), 6 + 2);
        assert!(Gray::from_pgm(b"P5\n3 3\n255\nxx", 300).is_err());
        assert!(Gray::from_pgm(b"P6\n1 1\n255\nxxx", 300).is_err());
    }

    #[test]
    fn png_with_and_without_resolution() {
        let page = Gray::white(827, 20, 100);
        let png = encode_png(&page).unwrap();
        let pages = decode(&png, ImageFormat::Png).unwrap();
        assert_eq!(pages[0].dpi, 100);
        assert!(pages[0].dpi_known);
        assert!(decode(b"\x89PNG\r\n\x1a\nbroken", ImageFormat::Png).is_err());
        assert!(decode(b"junk", ImageFormat::Jpeg).is_err());
        assert!(decode(b"junk", ImageFormat::Tiff).is_err());
    }
}
