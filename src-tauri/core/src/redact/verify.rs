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
        // The register's organisations, which the detector keeps whole ("Tømrerfirmaet <resident> ApS",
        // a firm named after a resident): where their names stand in the output.
        let organisations: Vec<(usize, usize)> = ctx
            .organisations
            .iter()
            .map(|o| o.to_lowercase())
            .filter(|o| !o.is_empty())
            .flat_map(|o| {
                lower
                    .match_indices(o.as_str())
                    .map(|(i, m)| (i, i + m.len()))
                    .collect::<Vec<_>>()
            })
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
                if contains_word(&lower, &n, &organisations) {
                    kinds.push(Kind::Person);
                }
            }
        }
    }
    kinds.sort();
    kinds.dedup();
    kinds
}

/// `needle` occurs in `hay` with no letter directly before or after it, outside the names of the
/// register's organisations (`inside`, byte ranges of `hay`), which the detector keeps whole: a firm named
/// after a resident is no leak of the resident, and the re-scan must not refuse it.
fn contains_word(hay: &str, needle: &str, inside: &[(usize, usize)]) -> bool {
    hay.match_indices(needle).any(|(i, m)| {
        let before = hay.get(..i).and_then(|h| h.chars().next_back());
        let after = hay.get(i + m.len()..).and_then(|t| t.chars().next());
        let organisation = inside.iter().any(|&(a, b)| a <= i && i + m.len() <= b);
        !before.is_some_and(char::is_alphabetic)
            && !after.is_some_and(char::is_alphabetic)
            && !organisation
    })
}
