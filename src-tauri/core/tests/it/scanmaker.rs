//! Scans the tests make themselves: invented minutes rendered by Andel's own PDF layer (Liberation
//! Sans), rasterised at 300 dpi by pdftoppm, then tilted and speckled like a page off a cheap
//! scanner. Shared by the integration tests and the OCR benchmark (`#[path]`).

#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use andel_core::association::Country;
use andel_core::minutes::{self, ExportFormat};
use andel_core::ocr::{self, Gray};

/// The pages of `text` as Andel renders minutes, at 300 dpi.
pub fn pages(text: &str, country: Country) -> Vec<Gray> {
    let created = "2026-03-14T10:00:00Z".parse().unwrap();
    let pdf = minutes::render(text, ExportFormat::Pdf, Some(country), created).unwrap();
    let count = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len() as u32;
    (1..=count)
        .map(|n| ocr::pdf_page_image(&pdf, n, &()).unwrap())
        .collect()
}

/// The page turned by `degrees` around its centre (white comes in at the corners).
pub fn tilt(page: &Gray, degrees: f64) -> Gray {
    let (sin, cos) = degrees.to_radians().sin_cos();
    let (cx, cy) = (f64::from(page.width) / 2.0, f64::from(page.height) / 2.0);
    let mut out = Gray::white(page.width, page.height, page.dpi);
    let w = page.width as usize;
    for y in 0..page.height as usize {
        let dy = y as f64 - cy;
        for x in 0..w {
            let dx = x as f64 - cx;
            // Where this output pixel comes from in the original, bilinear between four pixels.
            let sx = cos * dx + sin * dy + cx;
            let sy = -sin * dx + cos * dy + cy;
            if sx < 0.0
                || sy < 0.0
                || sx >= f64::from(page.width - 1)
                || sy >= f64::from(page.height - 1)
            {
                continue;
            }
            let (x0, y0) = (sx as usize, sy as usize);
            let (fx, fy) = (sx - x0 as f64, sy - y0 as f64);
            let p = |xx: usize, yy: usize| f64::from(page.pixels[yy * w + xx]);
            let v = p(x0, y0) * (1.0 - fx) * (1.0 - fy)
                + p(x0 + 1, y0) * fx * (1.0 - fy)
                + p(x0, y0 + 1) * (1.0 - fx) * fy
                + p(x0 + 1, y0 + 1) * fx * fy;
            out.pixels[y * w + x] = v.round() as u8;
        }
    }
    out
}

/// Grey noise of ±`amount` on every pixel and a few dark specks, from a fixed seed.
pub fn noise(page: &mut Gray, amount: u8, seed: u64) {
    let mut state = seed
        .wrapping_mul(6364136223846793005)
        .wrapping_add(1442695040888963407);
    let mut next = || {
        state = state
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (state >> 33) as u32
    };
    let span = u32::from(amount) * 2 + 1;
    for p in page.pixels.iter_mut() {
        let r = next();
        let delta = (r % span) as i32 - i32::from(amount);
        *p = (i32::from(*p) + delta).clamp(0, 255) as u8;
        // About one pixel in 4,000 is a dark speck of dust.
        if r % 4000 == 0 {
            *p = 40;
        }
    }
}

/// The page at another resolution (nearest pixel), as a 72 dpi scan would be.
pub fn downsample(page: &Gray, dpi: u32) -> Gray {
    let f = f64::from(page.dpi) / f64::from(dpi);
    let width = (f64::from(page.width) / f) as u32;
    let height = (f64::from(page.height) / f) as u32;
    let mut out = Gray::white(width, height, dpi);
    for y in 0..height as usize {
        for x in 0..width as usize {
            let sx = ((x as f64 * f) as usize).min(page.width as usize - 1);
            let sy = ((y as f64 * f) as usize).min(page.height as usize - 1);
            out.pixels[y * width as usize + x] = page.pixels[sy * page.width as usize + sx];
        }
    }
    out
}

/// An image-only PDF of the pages (no text layer), as a scanner writes it.
pub fn image_pdf(pages: Vec<Gray>) -> Vec<u8> {
    let pages: Vec<ocr::pdf::OutPage> = pages
        .into_iter()
        .map(|image| ocr::pdf::OutPage {
            image,
            words: Vec::new(),
        })
        .collect();
    ocr::pdf::write(&pages).unwrap()
}

/// Word accuracy of `read` against `truth`: 1 − (word edit distance / words in `truth`).
pub fn word_accuracy(truth: &str, read: &str) -> f64 {
    let a: Vec<&str> = truth.split_whitespace().collect();
    let b: Vec<&str> = read.split_whitespace().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, wa) in a.iter().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, wb) in b.iter().enumerate() {
            let cost = usize::from(wa != wb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    1.0 - prev[b.len()] as f64 / a.len().max(1) as f64
}
