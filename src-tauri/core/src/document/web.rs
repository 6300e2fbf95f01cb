//! A document for the association's website: one self-contained HTML file (no external
//! resources: the style is inside it, there are no scripts, fonts or images) or Markdown, with
//! the same content as the PDF, block for block. Associations publish their privacy notice on
//! their website, as the three seed policies are.

use super::{Block, Document};

/// The format of a document written for the web.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WebFormat {
    Html,
    Markdown,
}

impl WebFormat {
    /// The format a file name asks for: `.html`/`.htm` or `.md`; anything else is `None` (PDF).
    pub fn of_path(path: &std::path::Path) -> Option<WebFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        match ext.as_str() {
            "html" | "htm" => Some(WebFormat::Html),
            "md" | "markdown" => Some(WebFormat::Markdown),
            _ => None,
        }
    }
}

/// The document in `format`.
pub fn render_web(doc: &Document, format: WebFormat) -> String {
    match format {
        WebFormat::Html => render_html(doc),
        WebFormat::Markdown => render_markdown(doc),
    }
}

/// Text made safe inside HTML elements and attribute values; the one escaper for every page Andel
/// writes (the notice for the website, minutes exported as HTML).
pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Escaped text whose single line breaks stay line breaks, as in the PDF.
fn lines(text: &str) -> String {
    text.split('\n').map(esc).collect::<Vec<_>>().join("<br>\n")
}

const STYLE: &str = "body{font-family:'Liberation Sans',Arial,Helvetica,sans-serif;max-width:46rem;\
margin:2rem auto;padding:0 1rem;line-height:1.5;color:#111}\
.letterhead{color:#444;font-size:.9rem;margin-bottom:1.5rem}\
h1{font-size:1.6rem;margin-bottom:.2rem}.subtitle{color:#444;margin-top:0}\
h2{font-size:1.25rem;margin-top:2rem}h3{font-size:1.05rem}\
dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}\
table{border-collapse:collapse;width:100%}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}\
ul.checklist{list-style:none;padding-left:0}ul.checklist li::before{content:'\\2610\\00a0'}\
.note{color:#555;font-size:.9rem}";

/// One HTML file with everything in it.
pub fn render_html(doc: &Document) -> String {
    let mut h = String::new();
    h.push_str("<!DOCTYPE html>\n");
    h.push_str(&format!("<html lang=\"{}\">\n<head>\n", doc.lang.tag()));
    h.push_str("<meta charset=\"utf-8\">\n");
    h.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    h.push_str(&format!("<title>{}</title>\n", esc(&doc.title)));
    h.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n"));
    if let Some(l) = &doc.letterhead {
        h.push_str("<div class=\"letterhead\">");
        let parts: Vec<String> = std::iter::once(&l.name)
            .chain([&l.address, &l.org_number, &l.email].into_iter().flatten())
            .map(|s| esc(s))
            .collect();
        h.push_str(&parts.join("<br>\n"));
        h.push_str("</div>\n");
    }
    h.push_str(&format!("<h1>{}</h1>\n", esc(&doc.title)));
    if let Some(s) = &doc.subtitle {
        h.push_str(&format!("<p class=\"subtitle\">{}</p>\n", esc(s)));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let n = if *level <= 1 { 2 } else { 3 };
                h.push_str(&format!("<h{n}>{}</h{n}>\n", esc(text)));
            }
            Block::Paragraph { text } => h.push_str(&format!("<p>{}</p>\n", lines(text))),
            Block::Note { text } => h.push_str(&format!("<p class=\"note\">{}</p>\n", lines(text))),
            Block::Bullets { items } | Block::Checklist { items } => {
                let class = if matches!(block, Block::Checklist { .. }) {
                    " class=\"checklist\""
                } else {
                    ""
                };
                h.push_str(&format!("<ul{class}>\n"));
                for item in items {
                    h.push_str(&format!("<li>{}</li>\n", lines(item)));
                }
                h.push_str("</ul>\n");
            }
            Block::Facts { rows } => {
                h.push_str("<dl>\n");
                for (label, value) in rows {
                    h.push_str(&format!(
                        "<dt>{}</dt><dd>{}</dd>\n",
                        esc(label),
                        lines(value)
                    ));
                }
                h.push_str("</dl>\n");
            }
            Block::Table { header, rows, .. } => {
                h.push_str("<table>\n<thead><tr>");
                for cell in header {
                    h.push_str(&format!("<th>{}</th>", esc(cell)));
                }
                h.push_str("</tr></thead>\n<tbody>\n");
                for row in rows {
                    h.push_str("<tr>");
                    for cell in row {
                        h.push_str(&format!("<td>{}</td>", lines(cell)));
                    }
                    h.push_str("</tr>\n");
                }
                h.push_str("</tbody>\n</table>\n");
            }
            Block::PageBreak => {}
        }
    }
    h.push_str("</body>\n</html>\n");
    h
}

/// Text that Markdown reads as written: characters that would start markup are escaped.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(
            c,
            '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '#' | '|'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    // A line that starts like a list item or a numbered item would become one.
    let mut lines: Vec<String> = Vec::new();
    for line in out.split('\n') {
        let t = line.trim_start();
        let numbered = t
            .split_once(". ")
            .is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        if t.starts_with("- ") || t.starts_with("+ ") || numbered {
            let cut = line.len() - t.len();
            let (lead, rest) = line.split_at(cut);
            if numbered {
                let (n, rest) = rest.split_once(". ").unwrap_or((rest, ""));
                lines.push(format!("{lead}{n}\\. {rest}"));
            } else {
                lines.push(format!("{lead}\\{rest}"));
            }
        } else {
            lines.push(line.to_string());
        }
    }
    // Two spaces keep a single line break as a line break.
    lines.join("  \n")
}

/// The document as Markdown.
pub fn render_markdown(doc: &Document) -> String {
    let mut m = String::new();
    if let Some(l) = &doc.letterhead {
        let parts: Vec<String> = std::iter::once(&l.name)
            .chain([&l.address, &l.org_number, &l.email].into_iter().flatten())
            .map(|s| md(s))
            .collect();
        m.push_str(&parts.join("  \n"));
        m.push_str("\n\n");
    }
    m.push_str(&format!("# {}\n\n", md(&doc.title)));
    if let Some(s) = &doc.subtitle {
        m.push_str(&format!("*{}*\n\n", md(s)));
    }
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text } => {
                let hashes = if *level <= 1 { "##" } else { "###" };
                m.push_str(&format!("{hashes} {}\n\n", md(text)));
            }
            Block::Paragraph { text } => m.push_str(&format!("{}\n\n", md(text))),
            Block::Note { text } => m.push_str(&format!("*{}*\n\n", md(text))),
            Block::Bullets { items } => {
                for item in items {
                    m.push_str(&format!("- {}\n", md(item).replace("  \n", "  \n  ")));
                }
                m.push('\n');
            }
            Block::Checklist { items } => {
                for item in items {
                    m.push_str(&format!("- [ ] {}\n", md(item).replace("  \n", "  \n  ")));
                }
                m.push('\n');
            }
            Block::Facts { rows } => {
                for (label, value) in rows {
                    m.push_str(&format!("**{}:** {}  \n", md(label), md(value)));
                }
                m.push('\n');
            }
            Block::Table { header, rows, .. } => {
                let cell = |c: &str| md(c).replace("  \n", "<br>");
                m.push_str(&format!(
                    "| {} |\n",
                    header
                        .iter()
                        .map(|c| cell(c))
                        .collect::<Vec<_>>()
                        .join(" | ")
                ));
                m.push_str(&format!("|{}\n", " --- |".repeat(header.len())));
                for row in rows {
                    m.push_str(&format!(
                        "| {} |\n",
                        row.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | ")
                    ));
                }
                m.push('\n');
            }
            Block::PageBreak => {}
        }
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{Lang, Letterhead};
    use chrono::TimeZone;

    fn doc() -> Document {
        let mut d = Document::new(
            "Privatlivspolitik <for> A/B Hus & Have",
            Lang::Da,
            chrono::Utc.with_ymd_and_hms(2026, 3, 14, 10, 0, 0).unwrap(),
        );
        d.letterhead = Some(Letterhead {
            name: "A/B Hus & Have".into(),
            address: Some("Havevej 1".into()),
            org_number: None,
            email: Some("b@example.dk".into()),
        });
        d.heading("Dataansvarlig");
        d.paragraph("1. linje med *stjerne* og | streg\n- ikke en liste");
        d.bullets(["et punkt", "<script>alert(1)</script>"]);
        d.facts([("Navn", "A/B Hus & Have")]);
        d.table(
            &[1.0, 1.0],
            vec!["A".into(), "B".into()],
            vec![vec!["x|y".into(), "z".into()]],
        );
        d
    }

    #[test]
    fn the_html_is_one_file_that_loads_nothing_and_escapes_every_text() {
        let h = render_html(&doc());
        assert!(h.starts_with("<!DOCTYPE html>\n<html lang=\"da-DK\">"));
        for external in [
            "src=", "href=", "http:", "https:", "@import", "url(", "<script",
        ] {
            assert!(!h.contains(external), "{external} in:\n{h}");
        }
        assert!(h.contains("<title>Privatlivspolitik &lt;for&gt; A/B Hus &amp; Have</title>"));
        assert!(h.contains("<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>"));
        assert!(h.contains("<dt>Navn</dt><dd>A/B Hus &amp; Have</dd>"));
    }

    #[test]
    fn the_markdown_keeps_text_as_written() {
        let m = render_markdown(&doc());
        assert!(m.contains("# Privatlivspolitik \\<for\\> A/B Hus & Have\n"));
        assert!(m.contains("## Dataansvarlig\n"));
        assert!(
            m.contains("1\\. linje med \\*stjerne\\* og \\| streg  \n\\- ikke en liste"),
            "{m}"
        );
        assert!(m.contains("| x\\|y | z |"));
        assert!(m.contains("**Navn:** A/B Hus & Have"));
    }

    #[test]
    fn the_format_follows_the_file_name() {
        use std::path::Path;
        assert_eq!(
            WebFormat::of_path(Path::new("notice.HTML")),
            Some(WebFormat::Html)
        );
        assert_eq!(
            WebFormat::of_path(Path::new("notice.md")),
            Some(WebFormat::Markdown)
        );
        assert_eq!(WebFormat::of_path(Path::new("notice.pdf")), None);
    }
}
