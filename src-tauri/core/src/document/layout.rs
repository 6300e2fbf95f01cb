//! Laying a [`Document`] out on A4 pages: positions, line breaks and page breaks.
//!
//! The result is a list of pages, each a list of [`Item`]s in PDF coordinates (points, origin at
//! the bottom left), which `pdf.rs` turns into printpdf operations. Keeping layout apart from
//! printing lets tests check page breaks and wrapping without reading a PDF back.

use super::font::{Face, Metrics};
use super::{Block, Document, Error};

pub(crate) const PAGE_W: f32 = 595.28;
pub(crate) const PAGE_H: f32 = 841.89;
pub(crate) const MARGIN_X: f32 = 62.0;
const MARGIN_TOP: f32 = 56.0;
/// The body ends here; the footer sits below it.
const MARGIN_BOTTOM: f32 = 70.0;
pub(crate) const FOOTER_Y: f32 = 36.0;

const BODY: f32 = 10.5;
const SMALL: f32 = 9.0;
const LEADING: f32 = 1.38;

/// How dark a piece of ink is.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Ink {
    Black,
    Grey,
    Light,
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Item {
    /// A line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        face: Face,
        ink: Ink,
        text: String,
    },
    /// A horizontal rule.
    Rule { x1: f32, x2: f32, y: f32, ink: Ink },
    /// A filled rectangle (table header shading).
    Fill { x: f32, y: f32, w: f32, h: f32 },
    /// An empty square (a checklist box).
    Square { x: f32, y: f32, side: f32 },
}

pub(crate) type Page = Vec<Item>;

/// A line of a wrapped text.
struct Lines {
    lines: Vec<String>,
    size: f32,
    face: Face,
}

impl Lines {
    fn height(&self) -> f32 {
        self.lines.len() as f32 * self.size * LEADING
    }
}

struct Layout {
    pages: Vec<Page>,
    y: f32,
    regular: &'static Metrics,
    bold: &'static Metrics,
}

impl Layout {
    fn metrics(&self, face: Face) -> &'static Metrics {
        match face {
            Face::Regular => self.regular,
            Face::Bold => self.bold,
        }
    }

    fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = PAGE_H - MARGIN_TOP;
    }

    /// Room left on this page above the bottom margin.
    fn room(&self) -> f32 {
        self.y - MARGIN_BOTTOM
    }

    /// Starts a new page unless `height` fits, and unless the page is still empty (an item
    /// taller than a page must go somewhere).
    fn ensure(&mut self, height: f32) {
        let empty = self.pages.last().is_none_or(Vec::is_empty);
        if height > self.room() && !empty {
            self.new_page();
        }
    }

    fn gap(&mut self, h: f32) {
        // Space at the top of a page is swallowed.
        if self.y < PAGE_H - MARGIN_TOP - 0.01 {
            self.y -= h;
        }
    }

    fn wrap(&self, text: &str, face: Face, size: f32, width: f32) -> Lines {
        let m = self.metrics(face);
        let mut lines = Vec::new();
        for raw in text.split('\n') {
            wrap_line(m, &m.showable(raw.trim_end()), size, width, &mut lines);
        }
        Lines { lines, size, face }
    }

    /// Places wrapped lines at `x`, breaking pages between lines as needed.
    fn place(&mut self, x: f32, lines: &Lines, ink: Ink) {
        let step = lines.size * LEADING;
        for line in &lines.lines {
            self.ensure(step);
            let baseline = self.y - lines.size;
            self.y -= step;
            if !line.is_empty() {
                self.page().push(Item::Text {
                    x,
                    y: baseline,
                    size: lines.size,
                    face: lines.face,
                    ink,
                    text: line.clone(),
                });
            }
        }
    }

    fn letterhead(&mut self, doc: &Document) {
        let width = PAGE_W - 2.0 * MARGIN_X;
        if let Some(head) = &doc.letterhead {
            let name = self.wrap(&head.name, Face::Bold, 13.0, width);
            self.place(MARGIN_X, &name, Ink::Black);
            let details: Vec<&str> = [&head.address, &head.org_number, &head.email]
                .into_iter()
                .flatten()
                .map(|s| s.trim())
                .filter(|s| !s.is_empty())
                .collect();
            if !details.is_empty() {
                let line = self.wrap(&details.join("  ·  "), Face::Regular, SMALL, width);
                self.place(MARGIN_X, &line, Ink::Grey);
            }
            self.y -= 6.0;
            let y = self.y;
            self.page().push(Item::Rule {
                x1: MARGIN_X,
                x2: PAGE_W - MARGIN_X,
                y,
                ink: Ink::Light,
            });
            self.y -= 22.0;
        }
        let title = self.wrap(&doc.title, Face::Bold, 18.0, width);
        self.place(MARGIN_X, &title, Ink::Black);
        if let Some(sub) = &doc.subtitle {
            self.y -= 2.0;
            let sub = self.wrap(sub, Face::Regular, BODY, width);
            self.place(MARGIN_X, &sub, Ink::Grey);
        }
        self.y -= 8.0;
    }

    fn block(&mut self, block: &Block, next: Option<&Block>) -> Result<(), Error> {
        let width = PAGE_W - 2.0 * MARGIN_X;
        match block {
            Block::Heading { level, text } => {
                let (size, before) = if *level <= 1 {
                    (13.0, 14.0)
                } else {
                    (11.0, 9.0)
                };
                self.gap(before);
                let lines = self.wrap(text, Face::Bold, size, width);
                // Keep a heading with the first lines of what follows it.
                let follow = if next.is_some() {
                    3.0 * BODY * LEADING
                } else {
                    0.0
                };
                self.ensure(lines.height() + follow);
                self.place(MARGIN_X, &lines, Ink::Black);
                self.y -= 2.0;
            }
            Block::Paragraph { text } => {
                let lines = self.wrap(text, Face::Regular, BODY, width);
                self.place(MARGIN_X, &lines, Ink::Black);
                self.y -= 6.0;
            }
            Block::Note { text } => {
                let lines = self.wrap(text, Face::Regular, SMALL, width);
                self.place(MARGIN_X, &lines, Ink::Grey);
                self.y -= 6.0;
            }
            Block::Bullets { items } => {
                self.list(items, |layout, x, y| {
                    layout.page().push(Item::Text {
                        x,
                        y,
                        size: BODY,
                        face: Face::Regular,
                        ink: Ink::Black,
                        text: "•".into(),
                    });
                });
            }
            Block::Checklist { items } => {
                self.list(items, |layout, x, y| {
                    layout.page().push(Item::Square {
                        x,
                        y: y - 0.5,
                        side: 8.0,
                    });
                });
            }
            Block::Facts { rows } => self.facts(rows),
            Block::Table {
                widths,
                header,
                rows,
            } => self.table(widths, header, rows)?,
            Block::PageBreak => self.new_page(),
        }
        Ok(())
    }

    /// A list whose items wrap with a hanging indent; `marker` draws the bullet or box.
    fn list(&mut self, items: &[String], marker: impl Fn(&mut Layout, f32, f32)) {
        let indent = 16.0;
        let width = PAGE_W - 2.0 * MARGIN_X - indent;
        for item in items {
            let lines = self.wrap(item, Face::Regular, BODY, width);
            self.ensure(BODY * LEADING);
            let first_baseline = self.y - BODY;
            marker(self, MARGIN_X + 2.0, first_baseline);
            self.place(MARGIN_X + indent, &lines, Ink::Black);
            self.y -= 2.5;
        }
        self.y -= 4.0;
    }

    fn facts(&mut self, rows: &[(String, String)]) {
        let width = PAGE_W - 2.0 * MARGIN_X;
        let widest = rows
            .iter()
            .map(|(k, _)| self.regular.width(k, SMALL + 0.5))
            .fold(0.0_f32, f32::max);
        let label_w = (widest + 14.0).min(width * 0.38);
        for (label, value) in rows {
            let labels = self.wrap(label, Face::Regular, SMALL + 0.5, label_w - 10.0);
            let values = self.wrap(value, Face::Regular, BODY, width - label_w);
            let h = labels.height().max(values.height());
            self.ensure(h.min(self.page_body()));
            let top = self.y;
            self.place(MARGIN_X, &labels, Ink::Grey);
            let after_labels = self.y;
            let page_before = self.pages.len();
            self.y = top;
            self.place(MARGIN_X + label_w, &values, Ink::Black);
            if self.pages.len() == page_before {
                self.y = self.y.min(after_labels);
            }
            self.y -= 3.0;
        }
        self.y -= 5.0;
    }

    fn page_body(&self) -> f32 {
        PAGE_H - MARGIN_TOP - MARGIN_BOTTOM
    }

    fn table(
        &mut self,
        widths: &[f32],
        header: &[String],
        rows: &[Vec<String>],
    ) -> Result<(), Error> {
        let cols = header.len();
        if widths.len() != cols {
            return Err(Error::TableShape {
                want: cols,
                got: widths.len(),
            });
        }
        if let Some(row) = rows.iter().find(|r| r.len() != cols) {
            return Err(Error::TableShape {
                want: cols,
                got: row.len(),
            });
        }
        let total: f32 = widths.iter().map(|w| w.max(0.01)).sum();
        let width = PAGE_W - 2.0 * MARGIN_X;
        let col_w: Vec<f32> = widths.iter().map(|w| w.max(0.01) / total * width).collect();
        let pad = 4.0;
        let size = SMALL + 0.5;
        let cell_lines = |layout: &Layout, cells: &[String], face: Face| -> Vec<Lines> {
            cells
                .iter()
                .zip(&col_w)
                .map(|(c, w)| layout.wrap(c, face, size, w - 2.0 * pad))
                .collect()
        };
        let head = cell_lines(self, header, Face::Bold);
        let head_h = head.iter().map(Lines::height).fold(0.0, f32::max) + 2.0 * pad;
        let line_h = size * LEADING;

        self.gap(2.0);
        // The header and at least one line of the first row stay together.
        self.ensure(head_h + line_h + 2.0 * pad);
        self.table_header(&head, &col_w, head_h, pad);
        for row in rows {
            let cells = cell_lines(self, row, Face::Regular);
            let mut done = vec![0usize; cols];
            loop {
                let left: usize = cells
                    .iter()
                    .zip(&done)
                    .map(|(c, d)| c.lines.len() - d)
                    .max()
                    .unwrap_or(0);
                let need = left as f32 * line_h + 2.0 * pad;
                let fresh = self.page_body() - head_h;
                // Lines of this row that fit here; only a row taller than a page is split.
                let fit = ((self.room() - 2.0 * pad) / line_h).floor().max(0.0) as usize;
                if need > self.room() && (need <= fresh || fit == 0) {
                    self.new_page();
                    self.table_header(&head, &col_w, head_h, pad);
                    continue;
                }
                let take = left.min(fit).max(1);
                let top = self.y - pad;
                let mut x = MARGIN_X;
                for ((c, d), w) in cells.iter().zip(done.iter_mut()).zip(&col_w) {
                    let end = (*d + take).min(c.lines.len());
                    for (i, line) in c.lines[*d..end].iter().enumerate() {
                        if line.is_empty() {
                            continue;
                        }
                        self.page().push(Item::Text {
                            x: x + pad,
                            y: top - size - i as f32 * line_h,
                            size,
                            face: Face::Regular,
                            ink: Ink::Black,
                            text: line.clone(),
                        });
                    }
                    *d = end;
                    x += w;
                }
                self.y = top - take as f32 * line_h - pad;
                let y = self.y;
                self.page().push(Item::Rule {
                    x1: MARGIN_X,
                    x2: PAGE_W - MARGIN_X,
                    y,
                    ink: Ink::Light,
                });
                if take >= left {
                    break;
                }
                self.new_page();
                self.table_header(&head, &col_w, head_h, pad);
            }
        }
        self.y -= 10.0;
        Ok(())
    }

    fn table_header(&mut self, head: &[Lines], col_w: &[f32], head_h: f32, pad: f32) {
        let top = self.y;
        self.page().push(Item::Fill {
            x: MARGIN_X,
            y: top - head_h,
            w: PAGE_W - 2.0 * MARGIN_X,
            h: head_h,
        });
        let mut x = MARGIN_X;
        for (lines, w) in head.iter().zip(col_w) {
            for (i, line) in lines.lines.iter().enumerate() {
                self.page().push(Item::Text {
                    x: x + pad,
                    y: top - pad - lines.size - i as f32 * lines.size * LEADING,
                    size: lines.size,
                    face: Face::Bold,
                    ink: Ink::Black,
                    text: line.clone(),
                });
            }
            x += w;
        }
        self.y = top - head_h;
    }
}

/// Breaks one line of text into lines no wider than `max`, at spaces where possible; a word
/// wider than the line is cut.
fn wrap_line(m: &Metrics, line: &str, size: f32, max: f32, out: &mut Vec<String>) {
    let mut current = String::new();
    for word in line.split(' ') {
        let candidate = if current.is_empty() {
            word.to_string()
        } else {
            format!("{current} {word}")
        };
        if current.is_empty() || m.width(&candidate, size) <= max {
            current = candidate;
        } else {
            out.push(std::mem::take(&mut current));
            current = word.to_string();
        }
        while m.width(&current, size) > max && current.chars().count() > 1 {
            let mut head = String::new();
            let mut w = 0.0;
            for c in current.chars() {
                let cw = m.width(c.encode_utf8(&mut [0; 4]), size);
                if w + cw > max && !head.is_empty() {
                    break;
                }
                w += cw;
                head.push(c);
            }
            let rest: String = current.chars().skip(head.chars().count()).collect();
            out.push(head);
            current = rest;
        }
    }
    out.push(current);
}

/// Lays the document out; the footer is added when the page count is known.
pub(crate) fn layout(doc: &Document) -> Result<Vec<Page>, Error> {
    let mut l = Layout {
        pages: vec![Vec::new()],
        y: PAGE_H - MARGIN_TOP,
        regular: Metrics::of(Face::Regular)?,
        bold: Metrics::of(Face::Bold)?,
    };
    l.letterhead(doc);
    for (i, block) in doc.blocks.iter().enumerate() {
        l.block(block, doc.blocks.get(i + 1))?;
    }
    let count = l.pages.len();
    let regular = l.regular;
    let footer_title = regular.showable(&doc.title);
    for (n, page) in l.pages.iter_mut().enumerate() {
        let label = doc.lang.page_of(n + 1, count);
        let w = regular.width(&label, 8.5);
        page.push(Item::Rule {
            x1: MARGIN_X,
            x2: PAGE_W - MARGIN_X,
            y: FOOTER_Y + 14.0,
            ink: Ink::Light,
        });
        page.push(Item::Text {
            x: MARGIN_X,
            y: FOOTER_Y,
            size: 8.5,
            face: Face::Regular,
            ink: Ink::Grey,
            text: clip(
                regular,
                &footer_title,
                8.5,
                PAGE_W - 2.0 * MARGIN_X - w - 24.0,
            ),
        });
        page.push(Item::Text {
            x: PAGE_W - MARGIN_X - w,
            y: FOOTER_Y,
            size: 8.5,
            face: Face::Regular,
            ink: Ink::Grey,
            text: label,
        });
    }
    Ok(l.pages)
}

/// The text cut with "…" to fit the width.
fn clip(m: &Metrics, text: &str, size: f32, max: f32) -> String {
    if m.width(text, size) <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for c in text.chars() {
        if m.width(&format!("{out}{c}…"), size) > max {
            break;
        }
        out.push(c);
    }
    format!("{}…", out.trim_end())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Lang, Letterhead};
    use chrono::TimeZone;

    fn doc() -> Document {
        let created = chrono::Utc.with_ymd_and_hms(2026, 11, 23, 9, 0, 0).unwrap();
        let mut d = Document::new("Privatlivspolitik", Lang::Da, created);
        d.letterhead = Some(Letterhead {
            name: "A/B Kastanjegården".into(),
            address: Some("Kastanjevej 1, 2500 Valby".into()),
            org_number: Some("CVR 12345678".into()),
            email: None,
        });
        d
    }

    fn texts(page: &Page) -> Vec<&str> {
        page.iter()
            .filter_map(|i| match i {
                Item::Text { text, .. } => Some(text.as_str()),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn every_page_gets_a_numbered_footer() {
        let mut d = doc();
        for i in 0..120 {
            d.paragraph(format!("Afsnit {i}: æøå ÆØÅ. Bestyrelsen behandler oplysningerne fortroligt og sletter dem, når de ikke længere er nødvendige."));
        }
        let pages = layout(&d).unwrap();
        assert!(pages.len() >= 3, "{} pages", pages.len());
        let n = pages.len();
        for (i, p) in pages.iter().enumerate() {
            let label = format!("Side {} af {n}", i + 1);
            assert!(texts(p).contains(&label.as_str()), "page {i} lacks {label}");
            for item in p {
                if let Item::Text { y, text, .. } = item {
                    assert!(*y >= FOOTER_Y - 0.01 && *y <= PAGE_H, "{text} at {y}");
                }
            }
        }
    }

    #[test]
    fn lines_never_run_past_the_right_margin() {
        let mut d = doc();
        d.paragraph("Ord ".repeat(400));
        d.paragraph("Etmegetlangtordsomikkekanbrydesnogensteder".repeat(8));
        d.bullets(["Punkt ".repeat(60)]);
        let m = Metrics::of(Face::Regular).unwrap();
        for page in layout(&d).unwrap() {
            for item in page {
                if let Item::Text {
                    x,
                    size,
                    text,
                    face: Face::Regular,
                    ..
                } = item
                {
                    assert!(
                        x + m.width(&text, size) <= PAGE_W - MARGIN_X + 0.5,
                        "{text}"
                    );
                }
            }
        }
    }

    #[test]
    fn a_table_repeats_its_header_on_each_page() {
        let mut d = doc();
        let rows: Vec<Vec<String>> = (0..150)
            .map(|i| vec![format!("{i}"), format!("Lejlighed {i}"), "Messing".into()])
            .collect();
        d.table(
            &[1.0, 3.0, 2.0],
            vec!["Nr.".into(), "Tekst".into(), "Skilt".into()],
            rows,
        );
        let pages = layout(&d).unwrap();
        assert!(pages.len() > 2);
        for p in &pages {
            assert!(texts(p).contains(&"Tekst"), "a page without the header");
        }
        // Every row is there once.
        let all: Vec<&str> = pages.iter().flat_map(texts).collect();
        for i in 0..150 {
            let cell = format!("Lejlighed {i}");
            assert_eq!(all.iter().filter(|t| **t == cell).count(), 1, "{cell}");
        }
    }

    #[test]
    fn a_table_row_of_the_wrong_shape_is_refused() {
        let mut d = doc();
        d.table(
            &[1.0, 1.0],
            vec!["a".into(), "b".into()],
            vec![vec!["x".into()]],
        );
        assert!(matches!(
            layout(&d),
            Err(Error::TableShape { want: 2, got: 1 })
        ));
    }

    #[test]
    fn a_heading_is_not_left_alone_at_the_bottom_of_a_page() {
        let mut d = doc();
        // Fill the first page almost to the bottom, then a heading and a paragraph.
        for _ in 0..200 {
            d.paragraph("Linje");
            let pages = layout(&d).unwrap();
            if pages.len() > 1 {
                break;
            }
        }
        d.blocks.pop();
        d.heading("Overskrift");
        d.paragraph("Brødtekst under overskriften.");
        let pages = layout(&d).unwrap();
        let page_of = |s: &str| pages.iter().position(|p| texts(p).contains(&s));
        assert_eq!(
            page_of("Overskrift"),
            page_of("Brødtekst under overskriften.")
        );
    }
}
