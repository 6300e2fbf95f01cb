//! Publishing redacted minutes as .txt, .md, .html or .pdf.
//!
//! [`publish`] applies the findings, renders the result, and then reads its own output back the
//! way a reader of the website would get it (the HTML's text, the PDF's text layer) and re-scans
//! that. If anything the recognizers would redact, or any resident's registered name, is still
//! there, the export is refused and no bytes are handed out. The HTML has its own small stylesheet
//! and no external resources; the PDF embeds Liberation Sans and carries no author, creator or other
//! names in its metadata.

use chrono::{DateTime, Utc};

use super::extract::{extract_text, Format};
use super::Error;
use crate::association::Country;
use crate::document::{self, Block, Document, Lang};
use crate::redact::{self, Context, Decision, Finding, ReviewDecision, Style};

/// The formats a redacted document is exported as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "lowercase")]
pub enum ExportFormat {
    Txt,
    Md,
    Html,
    Pdf,
}

impl ExportFormat {
    /// The format a file name ends in.
    pub fn from_file_name(name: &str) -> Result<ExportFormat, Error> {
        let ext = std::path::Path::new(name)
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or("")
            .to_ascii_lowercase();
        match ext.as_str() {
            "txt" => Ok(ExportFormat::Txt),
            "md" => Ok(ExportFormat::Md),
            "html" | "htm" => Ok(ExportFormat::Html),
            "pdf" => Ok(ExportFormat::Pdf),
            _ => Err(Error::UnknownExport(name.to_string())),
        }
    }
}

fn title_word(country: Option<Country>) -> (&'static str, &'static str) {
    match country {
        Some(Country::DK) => ("da", "Referat"),
        Some(Country::NO) => ("nb", "Protokoll"),
        Some(Country::SE) => ("sv", "Protokoll"),
        None => ("en", "Minutes"),
    }
}

/// Renders `text` (already redacted) in `format`.
pub fn render(
    text: &str,
    format: ExportFormat,
    country: Option<Country>,
    created: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    match format {
        ExportFormat::Txt | ExportFormat::Md => Ok(text.as_bytes().to_vec()),
        ExportFormat::Html => Ok(html(text, country).into_bytes()),
        ExportFormat::Pdf => pdf(text, country, created),
    }
}

/// Applies `findings` to `text` with `style`, renders the result as `format`, re-scans what a reader
/// would see, and returns the bytes only when nothing flagged is left. `created` is the PDF's
/// creation date.
///
/// Passages the webmaster decided to keep in the review (`review`, decision [`Decision::Keep`]) are
/// set aside before the re-scan, so that a decision made by a person is not overruled by it. What
/// the default policy kept is not: when the re-scan of the output disagrees with the policy (a
/// contact kept as an organisation's because of words that the redaction then removed), the export
/// is refused until someone decides.
///
/// A passage the re-scan flags where the minutes had no finding at all (text the first reading let
/// pass and the second, with the redacted passages gone, reads as personal data) is redacted too,
/// and the re-scan runs again, at most [`RESCAN_ROUNDS`] times: redacting more is always the safe
/// side, and refusing would leave a board without the command line's output for what the engine
/// itself flags. See [`publish_closed`], which also says how many were added.
pub fn publish(
    text: &str,
    findings: &[Finding],
    review: &[ReviewDecision],
    style: Style,
    format: ExportFormat,
    context: Option<&Context>,
    created: DateTime<Utc>,
) -> Result<Vec<u8>, Error> {
    publish_closed(text, findings, review, style, format, context, created).map(|p| p.bytes)
}

/// How many times [`publish`] adds what the re-scan flagged before it gives up and refuses.
pub const RESCAN_ROUNDS: usize = 3;

/// What [`publish_closed`] hands out: the bytes and the passages the re-scan added (in the
/// minutes' own characters), which the caller reports.
#[derive(Debug, Clone)]
pub struct Published {
    pub bytes: Vec<u8>,
    pub added: Vec<Finding>,
}

/// [`publish`], with the passages the re-scan of the output added.
pub fn publish_closed(
    text: &str,
    findings: &[Finding],
    review: &[ReviewDecision],
    style: Style,
    format: ExportFormat,
    context: Option<&Context>,
    created: DateTime<Utc>,
) -> Result<Published, Error> {
    let country = context.map(|c| c.country);
    let kept = kept_passages(review);
    let closed = close_over_rescan(text, findings, &kept, style, context)?;
    let bytes = render(&closed.out, format, country, created)?;
    let visible = visible_text(&bytes, format)?;
    let mut kinds = closed.left;
    kinds.extend(redact::verify(&mask(&visible, &kept), context));
    kinds.sort();
    kinds.dedup();
    if kinds.is_empty() {
        Ok(Published {
            bytes,
            added: closed.added,
        })
    } else {
        Err(Error::PersonalDataRemains(kinds))
    }
}

/// The passages the webmaster decided to keep, set aside before every re-scan.
pub(crate) fn kept_passages(review: &[ReviewDecision]) -> Vec<&str> {
    review
        .iter()
        .filter(|r| r.decision == Decision::Keep && r.text.chars().count() > 1)
        .map(|r| r.text.as_str())
        .collect()
}

/// What [`close_over_rescan`] ends with.
#[derive(Debug, Clone)]
pub(crate) struct Closed {
    /// The minutes' findings and those the re-scan added, in text order.
    pub findings: Vec<Finding>,
    /// The passages the re-scan added, in the minutes' own characters.
    pub added: Vec<Finding>,
    /// The redacted text with every finding applied.
    pub out: String,
    /// What the last re-scan of `out` still flags (empty: nothing).
    pub left: Vec<redact::Kind>,
}

/// Applies `findings` to `text` in `style` and re-scans the result (the passages in `kept` set
/// aside); what the re-scan flags outside every finding is added and the text re-scanned, at most
/// [`RESCAN_ROUNDS`] times. The text export and the export in the original format both start here.
pub(crate) fn close_over_rescan(
    text: &str,
    findings: &[Finding],
    kept: &[&str],
    style: Style,
    context: Option<&Context>,
) -> Result<Closed, redact::Error> {
    let country = context.map(|c| c.country);
    let mut all: Vec<Finding> = findings.to_vec();
    let mut added: Vec<Finding> = Vec::new();
    let mut round = 0;
    loop {
        let out = redact::apply(text, &all, style, country)?;
        let masked = mask(&out, kept);
        let rescan = redact::Detector::new(context).detect(&masked);
        let left = redact::verify_findings(&masked, &rescan, context);
        let more = if left.is_empty() || round == RESCAN_ROUNDS {
            Vec::new()
        } else {
            let replacements = redact::replacements(text, &all, style, country)?;
            unseen_passages(text, &all, &replacements, &rescan)
        };
        if more.is_empty() {
            return Ok(Closed {
                findings: all,
                added,
                out,
                left,
            });
        }
        added.extend(more.iter().cloned());
        all.extend(more);
        all.sort_by_key(|f| (f.start, f.end));
        round += 1;
    }
}

/// The re-scan's findings to redact (`rescan`, in characters of the redacted text) that lie outside
/// every replacement and overlap no finding of the minutes (`findings`, redacted or kept: a passage
/// the policy kept and the re-scan flags is a disagreement for a person to decide), as findings in
/// the minutes' own characters. `replacements` are what `findings` became in the redacted text.
fn unseen_passages(
    text: &str,
    findings: &[Finding],
    replacements: &[redact::Replacement],
    rescan: &[Finding],
) -> Vec<Finding> {
    let chars: Vec<char> = text.chars().collect();
    // Where each replacement stands in the redacted text, and the shift after it.
    let mut placed: Vec<(usize, usize, isize)> = Vec::with_capacity(replacements.len());
    let mut shift: isize = 0;
    for r in replacements {
        let len = r.text.chars().count();
        let start = (r.start as isize + shift) as usize;
        shift += len as isize - (r.end - r.start) as isize;
        placed.push((start, start + len, shift));
    }
    let mut out = Vec::new();
    for f in rescan
        .iter()
        .filter(|f| f.decision == redact::Decision::Redact)
    {
        if placed.iter().any(|&(s, e, _)| f.start < e && s < f.end) {
            continue;
        }
        let before = placed.iter().take_while(|&&(_, e, _)| e <= f.start).last();
        let shift = before.map_or(0, |&(_, _, sh)| sh);
        let (start, end) = (f.start as isize - shift, f.end as isize - shift);
        if start < 0 || end as usize > chars.len() || start >= end {
            continue;
        }
        let (start, end) = (start as usize, end as usize);
        if chars[start..end].iter().collect::<String>() != f.text
            || findings.iter().any(|g| g.start < end && start < g.end)
        {
            continue;
        }
        out.push(Finding {
            start,
            end,
            reason: format!("{} (found by the re-scan of the redacted text)", f.reason),
            ..f.clone()
        });
    }
    out
}

/// The text a reader gets from an exported file: the text itself, the HTML's text without tags and
/// entities, or the PDF's text layer. `andel verify` reads exports with it.
pub fn visible_text(bytes: &[u8], format: ExportFormat) -> Result<String, Error> {
    match format {
        ExportFormat::Txt | ExportFormat::Md => extract_text(bytes, Format::Txt),
        ExportFormat::Html => Ok(html_text(&String::from_utf8_lossy(bytes))),
        ExportFormat::Pdf => extract_text(bytes, Format::Pdf),
    }
}

/// `text` with every occurrence of the kept passages blanked out by lower-case x's (all of it but
/// the spaces, so a kept e-mail address does not read as one any more).
pub(crate) fn mask(text: &str, kept: &[&str]) -> String {
    let mut out = text.to_string();
    for k in kept {
        if out.contains(k) {
            let blank: String = k
                .chars()
                .map(|c| if c.is_whitespace() { c } else { 'x' })
                .collect();
            out = out.replace(k, &blank);
        }
    }
    out
}

const STYLE: &str = "body{font-family:\"Liberation Sans\",Arial,Helvetica,sans-serif;\
max-width:42em;margin:2em auto;padding:0 1em;line-height:1.5;color:#1a1a1a;background:#fff}\
p{margin:0 0 1em}p:first-child{font-size:1.3em;font-weight:bold}";

fn html(text: &str, country: Option<Country>) -> String {
    let (lang, title) = title_word(country);
    let mut body = String::new();
    for para in text.split("\n\n").filter(|p| !p.trim().is_empty()) {
        let lines: Vec<String> = para.lines().map(crate::document::escape_html).collect();
        body.push_str("<p>");
        body.push_str(&lines.join("<br>\n"));
        body.push_str("</p>\n");
    }
    format!(
        "<!DOCTYPE html>\n<html lang=\"{lang}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )
}

/// The text a browser shows for our own HTML: the body without tags, entities decoded.
fn html_text(html: &str) -> String {
    let body = html
        .split_once("<body")
        .map_or(html, |(_, b)| b.split_once('>').map_or(b, |(_, rest)| rest))
        .replace("<br>", "");
    let mut out = String::with_capacity(body.len());
    let mut in_tag = false;
    for c in body.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The published minutes as a PDF from the document layer: the first paragraph is the title,
/// Markdown headings become headings, and every other paragraph keeps its line breaks.
fn pdf(text: &str, country: Option<Country>, created: DateTime<Utc>) -> Result<Vec<u8>, Error> {
    let lang = country.map_or(Lang::En, Lang::of_country);
    let (_, fallback) = title_word(country);
    let mut paragraphs = text
        .split("\n\n")
        .map(str::trim_matches_newlines)
        .filter(|p| !p.trim().is_empty());
    let title = paragraphs
        .next()
        .map(|t| t.trim().trim_start_matches('#').trim().replace('\n', " "))
        .unwrap_or_else(|| fallback.to_string());
    let mut doc = Document::new(title, lang, created);
    for para in paragraphs {
        let trimmed = para.trim();
        if !trimmed.contains('\n') && trimmed.starts_with('#') {
            let level = if trimmed.starts_with("##") { 2 } else { 1 };
            doc.blocks.push(Block::Heading {
                level,
                text: trimmed.trim_start_matches('#').trim().to_string(),
            });
        } else {
            doc.paragraph(para.trim_end());
        }
    }
    document::render_pdf(&doc).map_err(Error::Pdf)
}

/// Trimming only line breaks at the ends of a paragraph keeps its indentation.
trait TrimNewlines {
    fn trim_matches_newlines(&self) -> &str;
}

impl TrimNewlines for str {
    fn trim_matches_newlines(&self) -> &str {
        self.trim_matches(|c| c == '\n' || c == '\r')
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn created() -> DateTime<Utc> {
        use chrono::TimeZone;
        Utc.with_ymd_and_hms(2026, 11, 23, 10, 0, 0).unwrap()
    }

    #[test]
    fn html_is_escaped_and_self_contained() {
        let h = html("Titel\n\n<script>x</script> & \"Søren\"", Some(Country::DK));
        assert!(h.contains("&lt;script&gt;x&lt;/script&gt; &amp; &quot;Søren&quot;"));
        assert!(!h.contains("http"));
        assert!(!h.contains("<script>"));
        assert_eq!(
            html_text(&h).trim(),
            "Titel\n<script>x</script> & \"Søren\""
        );
    }

    #[test]
    fn pdf_text_round_trips() {
        let text = "Referat af generalforsamling\n\nDer var 14 fremmødte. Æbler, øl og åer; ä ö é. █████ sagde nej.\n\nSlut";
        let bytes = render(text, ExportFormat::Pdf, Some(Country::DK), created()).unwrap();
        let back = extract_text(&bytes, Format::Pdf).unwrap();
        assert_eq!(
            back,
            "Referat af generalforsamling\n\nDer var 14 fremmødte. Æbler, øl og åer; ä ö é. █████ sagde nej.\n\nSlut\n\n\
             Referat af generalforsamling Side 1 af 1\n"
        );
    }

    #[test]
    fn long_minutes_wrap_and_break_over_pages_with_numbers() {
        let para =
            "Bestyrelsen foreslog at udskyde vedligeholdelsen af taget til næste år. ".repeat(8);
        let text = format!("Referat\n\n{}", vec![para.trim(); 30].join("\n\n"));
        let bytes = render(&text, ExportFormat::Pdf, None, created()).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let pages = doc.get_pages().len();
        assert!(pages > 2, "{pages} pages");
        let back = extract_text(&bytes, Format::Pdf).unwrap();
        for n in 1..=pages {
            assert!(
                back.contains(&format!("Referat Page {n} of {pages}")),
                "page {n}"
            );
        }
        // Every word is there, in order, only the line breaks differ.
        let words = |s: &str| s.split_whitespace().map(str::to_string).collect::<Vec<_>>();
        let mut body = back.clone();
        for n in 1..=pages {
            body = body.replace(&format!("Referat Page {n} of {pages}"), "");
        }
        assert_eq!(words(&body), words(&text));
    }

    #[test]
    fn pdf_metadata_names_no_one() {
        let bytes = render(
            "Referat\n\nTekst.",
            ExportFormat::Pdf,
            Some(Country::DK),
            created(),
        )
        .unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        let info = doc
            .trailer
            .get(b"Info")
            .and_then(|o| o.as_reference())
            .and_then(|r| doc.get_dictionary(r))
            .unwrap();
        let field = |k: &[u8]| {
            info.get(k)
                .ok()
                .and_then(|o| o.as_str().ok())
                .map(|b| match b.strip_prefix(b"\xfe\xff") {
                    // PDF text strings in UTF-16BE.
                    Some(utf16) => String::from_utf16_lossy(
                        &utf16
                            .chunks(2)
                            .map(|c| u16::from_be_bytes([c[0], *c.get(1).unwrap_or(&0)]))
                            .collect::<Vec<u16>>(),
                    ),
                    None => String::from_utf8_lossy(b).into_owned(),
                })
                .unwrap_or_default()
        };
        assert_eq!(field(b"Author"), "");
        assert_eq!(field(b"Creator"), "Andel");
        assert_eq!(field(b"Producer"), "Andel");
        assert_eq!(field(b"Title"), "Referat");
    }

    #[test]
    fn masking_keeps_lengths() {
        assert_eq!(
            mask(
                "Mette Kastrup, formand: a.b@c.dk",
                &["Mette Kastrup", "a.b@c.dk"]
            ),
            "xxxxx xxxxxxx, formand: xxxxxxxx"
        );
    }

    fn person(text: &str, whole: &str, nth: usize, decision: Decision) -> Finding {
        let byte = whole.match_indices(text).nth(nth).unwrap().0;
        let start = whole[..byte].chars().count();
        Finding {
            start,
            end: start + text.chars().count(),
            kind: redact::Kind::Person,
            text: text.to_string(),
            recognizer: redact::Recognizer::UnknownName,
            score: 0.6,
            reason: "a capitalised word".into(),
            decision,
            subject: None,
        }
    }

    #[test]
    fn what_the_rescan_flags_outside_every_finding_is_mapped_back_to_the_minutes() {
        // Replacements longer and shorter than what they replace, before and after the passage.
        let text = "Åse Kløvstad Brun og Ib ringede. Hr. Østergård svarede Åse.";
        let findings = vec![
            person("Åse Kløvstad Brun", text, 0, Decision::Redact),
            person("Ib", text, 0, Decision::Redact),
            person("Åse", text, 1, Decision::Keep),
        ];
        for style in [Style::Block, Style::Label, Style::Pseudonym] {
            let out = redact::apply(text, &findings, style, Some(Country::DK)).unwrap();
            let reps = redact::replacements(text, &findings, style, Some(Country::DK)).unwrap();
            let rescan = vec![
                // Outside every finding: mapped back.
                person("Østergård", &out, 0, Decision::Redact),
                // On the passage the policy kept: a disagreement for a person, not added.
                person(
                    "Åse",
                    &out,
                    out.matches("Åse").count() - 1,
                    Decision::Redact,
                ),
                // Kept by the re-scan itself: nothing to add.
                person("Hr", &out, 0, Decision::Keep),
            ];
            let added = unseen_passages(text, &findings, &reps, &rescan);
            assert_eq!(added.len(), 1, "{style:?}: {added:?}");
            let f = &added[0];
            assert_eq!(
                text.chars()
                    .skip(f.start)
                    .take(f.end - f.start)
                    .collect::<String>(),
                "Østergård"
            );
            assert!(f.reason.contains("re-scan"));
        }
        // A rescan finding that touches a replacement is never mapped.
        let out = redact::apply(text, &findings, Style::Block, None).unwrap();
        let reps = redact::replacements(text, &findings, Style::Block, None).unwrap();
        let on_block = Finding {
            end: person("og", &out, 0, Decision::Redact).end,
            ..person("█████", &out, 0, Decision::Redact)
        };
        assert!(unseen_passages(text, &findings, &reps, &[on_block]).is_empty());
    }
}
