//! The re-scan before publishing: a redacted output must hold nothing the recognizers would still
//! redact, and no resident's registered name in any letter case.

use super::{Context, Decision, Detector, Finding, Kind};

/// The kinds of personal data still present in `output` (sorted, without repeats); empty means safe
/// to publish.
pub fn verify(output: &str, context: Option<&Context>) -> Vec<Kind> {
    verify_findings(output, &Detector::new(context).detect(output), context)
}

/// [`verify`] with the detection of `output` already made (`found`), for a caller that also reads
/// where the findings are.
pub fn verify_findings(output: &str, found: &[Finding], context: Option<&Context>) -> Vec<Kind> {
    let mut kinds: Vec<Kind> = found
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .map(|f| f.kind)
        .collect();
    if let Some(ctx) = context {
        let lower = output.to_lowercase();
        let officials: Vec<String> = ctx
            .officials
            .iter()
            .map(|o| o.name.to_lowercase())
            .collect();
        for r in &ctx.residents {
            for name in super::names::split_owners(&r.name)
                .iter()
                .filter(|n| n.split_whitespace().count() >= 2)
            {
                let n = name.to_lowercase();
                if officials.contains(&n)
                    && ctx
                        .officials
                        .iter()
                        .any(|o| o.name.to_lowercase() == n && o.valid_on(ctx.document_date))
                {
                    continue;
                }
                if contains_word(&lower, &n) {
                    kinds.push(Kind::Person);
                }
            }
        }
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

/// `needle` occurs in `hay` with no letter directly before or after it.
fn contains_word(hay: &str, needle: &str) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay.get(..i).and_then(|h| h.chars().next_back());
        let after = hay.get(i + m.len()..).and_then(|t| t.chars().next());
        !before.is_some_and(char::is_alphabetic) && !after.is_some_and(char::is_alphabetic)
    })
}
