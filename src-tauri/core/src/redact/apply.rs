//! Writing the redacted text: every finding the policy (or the webmaster) marked for redaction is
//! replaced by a block, a label in the document's language, or a pseudonym that stays the same for the
//! same person throughout one document.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::{Decision, Error, Finding, Kind};
use crate::association::Country;
use crate::document::Lang;

/// How a redacted passage is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub enum Style {
    /// █████
    #[default]
    Block,
    /// "[navn]", "[telefon]" … in the document's language.
    Label,
    /// "Andelshaver A", "Andelshaver B" … for people; labels for everything else.
    Pseudonym,
}

impl std::str::FromStr for Style {
    type Err = Error;
    fn from_str(s: &str) -> Result<Style, Error> {
        match s.trim().to_ascii_lowercase().as_str() {
            "block" => Ok(Style::Block),
            "label" => Ok(Style::Label),
            "pseudonym" => Ok(Style::Pseudonym),
            _ => Err(Error::UnknownStyle(s.to_string())),
        }
    }
}

const BLOCK: &str = "█████";

/// The language labels and pseudonyms are written in: the minutes' (the association's country's),
/// or English when no country is known (`andel redact` without an archive).
fn language_of(country: Option<Country>) -> Lang {
    country.map_or(Lang::En, Lang::of_country)
}

/// A label in the language of the text it stands in (a national ID by the name that language's
/// country gives it), from the documents' texts.
fn label(kind: Kind, lang: Lang) -> &'static str {
    let words = &lang.texts().redaction;
    match kind {
        Kind::Person => words.person,
        Kind::Phone => words.phone,
        Kind::Email => words.email,
        Kind::NationalId => words.national_id,
        Kind::Account => words.account,
        Kind::Address => words.address,
        Kind::Plate => words.plate,
        Kind::Other => words.other,
    }
}

fn pseudonym_word(lang: Lang) -> &'static str {
    lang.texts().redaction.pseudonym
}

/// "A" … "Z", then "AA", "AB" …
fn letters(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

/// One passage to replace: characters `start..end` of the text, what kind of data it held, and
/// what stands in its place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Replacement {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub text: String,
}

/// What every finding decided [`Decision::Redact`] in `text` becomes, in text order. Overlapping
/// findings are merged; `country` picks the language of labels and pseudonyms (`None`: English).
/// [`apply`] writes these into the text; publishing in the original format writes them into the
/// file's own parts, so both give the same words.
pub fn replacements(
    text: &str,
    findings: &[Finding],
    style: Style,
    country: Option<Country>,
) -> Result<Vec<Replacement>, Error> {
    replacements_in(text, findings, style, language_of(country))
}

/// [`replacements`] with labels and pseudonyms in `lang`: for an excerpt quoted in a document
/// whose language is not the minutes' own (an access reply in English quotes Danish minutes, and
/// its "[name]" must be the word the reply explains).
pub fn replacements_in(
    text: &str,
    findings: &[Finding],
    style: Style,
    lang: Lang,
) -> Result<Vec<Replacement>, Error> {
    let len = text.chars().count();
    let mut spans: Vec<(usize, usize, Kind, Option<&str>)> = Vec::new();
    for f in findings.iter().filter(|f| f.decision == Decision::Redact) {
        if f.start > f.end || f.end > len {
            return Err(Error::SpanOutsideText {
                start: f.start,
                end: f.end,
                len,
            });
        }
        if f.start < f.end {
            spans.push((f.start, f.end, f.kind, f.subject.as_deref()));
        }
    }
    spans.sort_by_key(|s| (s.0, std::cmp::Reverse(s.1)));
    // Merge overlaps so that no part of any flagged passage survives.
    let mut merged: Vec<(usize, usize, Kind, Option<&str>)> = Vec::with_capacity(spans.len());
    for s in spans {
        match merged.last_mut() {
            Some(last) if s.0 < last.1 => last.1 = last.1.max(s.1),
            _ => merged.push(s),
        }
    }
    let mut pseudonyms: HashMap<String, String> = HashMap::new();
    // Byte offset of every character boundary, so findings in characters map onto the text.
    let offsets: Vec<usize> = {
        let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        v.push(text.len());
        v
    };
    let mut out = Vec::with_capacity(merged.len());
    for (s, e, kind, subject) in merged {
        let (bs, be) = (
            offsets.get(s).copied().unwrap_or(text.len()),
            offsets.get(e).copied().unwrap_or(text.len()),
        );
        let word = match style {
            Style::Block => BLOCK.to_string(),
            Style::Label => label(kind, lang).to_string(),
            Style::Pseudonym => match kind {
                Kind::Person => {
                    let key = match subject {
                        Some(subj) => subj.to_string(),
                        None => text.get(bs..be).unwrap_or("").to_lowercase(),
                    };
                    let n = pseudonyms.len();
                    pseudonyms
                        .entry(key)
                        .or_insert_with(|| format!("{} {}", pseudonym_word(lang), letters(n)))
                        .clone()
                }
                _ => label(kind, lang).to_string(),
            },
        };
        out.push(Replacement {
            start: s,
            end: e,
            kind,
            text: word,
        });
    }
    Ok(out)
}

/// Replaces every finding decided [`Decision::Redact`] in `text` (see [`replacements`]).
pub fn apply(
    text: &str,
    findings: &[Finding],
    style: Style,
    country: Option<Country>,
) -> Result<String, Error> {
    apply_in(text, findings, style, language_of(country))
}

/// [`apply`] with labels and pseudonyms in `lang` (see [`replacements_in`]).
pub fn apply_in(
    text: &str,
    findings: &[Finding],
    style: Style,
    lang: Lang,
) -> Result<String, Error> {
    let offsets: Vec<usize> = {
        let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        v.push(text.len());
        v
    };
    let mut out = String::with_capacity(text.len());
    let mut last = 0usize;
    for r in replacements_in(text, findings, style, lang)? {
        let (bs, be) = (
            offsets.get(r.start).copied().unwrap_or(text.len()),
            offsets.get(r.end).copied().unwrap_or(text.len()),
        );
        out.push_str(text.get(last..bs).unwrap_or(""));
        out.push_str(&r.text);
        last = be;
    }
    out.push_str(text.get(last..).unwrap_or(""));
    Ok(out)
}

/// How many passages of one kind were redacted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct KindCount {
    pub kind: Kind,
    pub count: u32,
}

/// What applying `findings` redacts, per kind (sorted by kind), and how many findings it keeps:
/// the report of every export, never the values.
pub fn count_by_kind(findings: &[Finding]) -> (Vec<KindCount>, u32) {
    let mut redacted: Vec<KindCount> = Vec::new();
    let mut kept = 0;
    for f in findings {
        if f.decision == Decision::Keep {
            kept += 1;
            continue;
        }
        match redacted.iter_mut().find(|c| c.kind == f.kind) {
            Some(c) => c.count += 1,
            None => redacted.push(KindCount {
                kind: f.kind,
                count: 1,
            }),
        }
    }
    redacted.sort_by_key(|c| c.kind);
    (redacted, kept)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonym_letters() {
        assert_eq!(letters(0), "A");
        assert_eq!(letters(25), "Z");
        assert_eq!(letters(26), "AA");
    }
}
