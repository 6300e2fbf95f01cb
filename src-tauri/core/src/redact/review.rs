//! The webmaster's review: decisions per finding (accept, reject, a passage added by hand, "all
//! occurrences") are stored with the document by the caller and laid over a fresh detection, so a re-run
//! keeps them even when the recognizers change.

use serde::{Deserialize, Serialize};

use super::{Decision, Finding, Kind, Recognizer};

/// One stored review decision. Offsets are in characters, like [`Finding`]'s; `text` anchors the decision
/// when the offsets no longer fit (the text was re-imported with small changes).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReviewDecision {
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub start: usize,
    #[cfg_attr(feature = "specta", specta(type = u32))]
    pub end: usize,
    pub text: String,
    pub kind: Kind,
    pub decision: Decision,
    /// Apply to every occurrence of `text` in the document.
    pub all_occurrences: bool,
}

/// Lays stored decisions over `findings` of `text`: matching findings take the stored decision, passages
/// the webmaster added by hand come back as findings. The result is sorted and has no overlaps between
/// added passages and findings (an added passage replaces the findings it overlaps).
pub fn apply_review(
    text: &str,
    mut findings: Vec<Finding>,
    review: &[ReviewDecision],
) -> Vec<Finding> {
    if review.is_empty() {
        // Nothing stored (minutes never reviewed, a file from outside the archive): the index of
        // every character below would cost 16 bytes per character of the text for nothing.
        findings.sort_by_key(|f| (f.start, f.end));
        return findings;
    }
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let slice = |s: usize, e: usize| -> Option<&str> {
        let bs = chars
            .get(s)
            .map(|c| c.0)
            .or((s == chars.len()).then_some(text.len()))?;
        let be = chars
            .get(e)
            .map(|c| c.0)
            .or((e == chars.len()).then_some(text.len()))?;
        text.get(bs..be)
    };
    for r in review {
        if r.all_occurrences {
            for f in findings.iter_mut().filter(|f| f.text == r.text) {
                f.decision = r.decision;
            }
            // Occurrences no recognizer found are added.
            for (bs, _) in text.match_indices(r.text.as_str()) {
                let s = text[..bs].chars().count();
                let e = s + r.text.chars().count();
                if !findings.iter().any(|f| f.start < e && s < f.end) {
                    findings.push(added(s, e, r));
                }
            }
            continue;
        }
        // Where the stored passage is now: its offsets if they still hold, else the nearest occurrence.
        let at = if slice(r.start, r.end) == Some(r.text.as_str()) {
            Some(r.start)
        } else {
            text.match_indices(r.text.as_str())
                .map(|(b, _)| text[..b].chars().count())
                .min_by_key(|&s| s.abs_diff(r.start))
        };
        let Some(s) = at else { continue };
        let e = s + r.text.chars().count();
        if let Some(f) = findings.iter_mut().find(|f| f.start == s && f.end == e) {
            f.decision = r.decision;
        } else {
            findings.retain(|f| !(f.start < e && s < f.end));
            findings.push(added(s, e, r));
        }
    }
    findings.sort_by_key(|f| (f.start, f.end));
    findings
}

fn added(start: usize, end: usize, r: &ReviewDecision) -> Finding {
    Finding {
        start,
        end,
        kind: r.kind,
        text: r.text.clone(),
        recognizer: Recognizer::Review,
        score: 1.0,
        reason: "marked in review".to_string(),
        decision: r.decision,
        subject: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::redact::detect;

    #[test]
    fn decisions_survive_a_rerun() {
        let text = "Forslag fra Jens Nielsen. Kode 4711 er hemmelig. Jens Nielsen takkede.";
        let review = vec![
            ReviewDecision {
                start: 12,
                end: 24,
                text: "Jens Nielsen".into(),
                kind: Kind::Person,
                decision: Decision::Keep,
                all_occurrences: true,
            },
            ReviewDecision {
                start: 31,
                end: 35,
                text: "4711".into(),
                kind: Kind::Other,
                decision: Decision::Redact,
                all_occurrences: false,
            },
        ];
        let f = apply_review(text, detect(text, None), &review);
        assert!(f
            .iter()
            .filter(|f| f.text == "Jens Nielsen")
            .all(|f| f.decision == Decision::Keep));
        assert!(f
            .iter()
            .any(|f| f.text == "4711" && f.decision == Decision::Redact));
        // The text moved by a few characters: the decision follows its passage.
        let moved = format!("NB: {text}");
        let f = apply_review(&moved, detect(&moved, None), &review);
        assert!(f.iter().any(|f| f.text == "4711" && f.start == 35));
    }
}
