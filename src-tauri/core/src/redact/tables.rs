//! Lists of who attended, written as tables: a header row names a column of units ("Lgh nr", "Lejlighed",
//! "Bolig") beside a column of names, and every row below gives one resident's unit. The unit stands bare
//! in its cell ("1001", "7B", "H0203"), with no word before it to say what it is, so the other recognizers
//! do not see it; the header says it.

use super::policy::{overlaps_any, Raw};
use super::{Decision, Kind, Recognizer};

/// Header cells of a unit column, lower case, their last "." dropped: "Lgh nr", "Lejl.", "Bolig".
const UNIT_HEADERS: &[&str] = &[
    "lgh",
    "lgh nr",
    "lgh.nr",
    "lgh-nr",
    "lghnr",
    "lägenhet",
    "lägenhetsnr",
    "lägenhetsnummer",
    "lejl",
    "lejl. nr",
    "lejl.nr",
    "lejlighed",
    "lejlighedsnr",
    "leil",
    "leil. nr",
    "leil.nr",
    "leilighet",
    "bolig",
    "bolignr",
    "bolignummer",
    "boligen",
    "andel",
    "andelsnr",
    "andel nr",
    "seksjon",
    "snr",
    "hus",
    "husnr",
    "lägenhet nr",
    "leilighet nr",
    "lejlighed nr",
];

/// Header cells of a column of people: without one the table is no list of residents (a budget with a
/// column "Bolig" of amounts stays).
const NAME_HEADERS: &[&str] = &[
    "navn",
    "namn",
    "name",
    "andelshaver",
    "andelshavere",
    "andelseier",
    "andelseiere",
    "eier",
    "medlem",
    "medlemmar",
    "beboer",
    "beboere",
    "boende",
    "ägare",
    "seksjonseier",
];

/// The cells of a table row with their byte ranges in `line`: split at "|" where the row has one, else
/// at runs of two spaces or more and tabs (a list typed with the space bar). `None` for a line of one
/// cell, which is no table row.
fn cells(line: &str) -> Option<Vec<(usize, usize)>> {
    let mut out = Vec::new();
    if line.contains('|') {
        let mut from = 0;
        for part in line.split('|') {
            let lead = part.len() - part.trim_start().len();
            let t = part.trim();
            out.push((from + lead, from + lead + t.len()));
            from += part.len() + 1;
        }
        // "| a | b |": the empty cells outside the outer bars are no columns.
        if line.trim_start().starts_with('|') {
            out.remove(0);
        }
        if line.trim_end().ends_with('|') {
            out.pop();
        }
    } else {
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() {
            while i < b.len() && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            let start = i;
            // A cell ends at a tab or at two spaces.
            while i < b.len() && b[i] != b'\t' && !(b[i] == b' ' && b.get(i + 1) == Some(&b' ')) {
                i += 1;
            }
            let end = start + line[start..i].trim_end().len();
            out.push((start, end));
        }
    }
    (out.len() >= 2).then_some(out)
}

fn header_is(cell: &str, list: &[&str]) -> bool {
    let c = cell.trim().trim_end_matches(['.', ':']).to_lowercase();
    list.contains(&c.as_str())
}

/// A unit as a list writes it in its cell: digits with a letter before or after ("1001", "7B", "H0203",
/// "12"), nothing else.
fn is_unit_code(cell: &str) -> bool {
    let t = cell.trim();
    let t = t
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(t);
    let t = t
        .strip_suffix(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(t);
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// Finds the units in the unit column of every table of residents in `text` (byte offsets), outside
/// `protected`.
pub fn scan(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
    // The column of units of the table being read, if any.
    let mut column: Option<usize> = None;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let start = at;
        at += line.len();
        let line = line.trim_end_matches(['\n', '\r']);
        if line.trim().is_empty() {
            column = None;
            continue;
        }
        let Some(row) = cells(line) else {
            column = None;
            continue;
        };
        let cell = |k: usize| row.get(k).and_then(|&(a, b)| line.get(a..b)).unwrap_or("");
        let units = (0..row.len()).find(|&k| header_is(cell(k), UNIT_HEADERS));
        let names = (0..row.len()).any(|k| header_is(cell(k), NAME_HEADERS));
        if let (Some(u), true) = (units, names) {
            column = Some(u);
            continue;
        }
        let Some(u) = column else { continue };
        // "|-----|-----|": the rule under a header.
        if line
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '='))
        {
            continue;
        }
        let Some(&(a, b)) = row.get(u) else { continue };
        let (a, b) = (start + a, start + b);
        if a < b && is_unit_code(text.get(a..b).unwrap_or("")) && !overlaps_any(protected, a, b) {
            out.push(Raw {
                start: a,
                end: b,
                kind: Kind::Other,
                recognizer: Recognizer::ShareNumber,
                score: 0.8,
                reason: "a resident's unit in a list of who attended",
                decision: Decision::Redact,
                subject: None,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str) -> Vec<String> {
        let mut out = Vec::new();
        scan(text, &[], &mut out);
        out.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    #[test]
    fn units_under_a_unit_header_beside_names() {
        let spaced = "Närvarande:\nLgh nr  Namn            Port\n1204    Alva Ström      2\n1301    Nils Berg       4\n\nTotalt 2 röster.";
        assert_eq!(found(spaced), ["1204", "1301"]);
        let barred = "| Bolig | Andelseier |\n|---|---|\n| 3A | Kari Holm |\n| H0102 | Per Dahl |";
        assert_eq!(found(barred), ["3A", "H0102"]);
        let tabbed = "Lejl.\tNavn\tFuldmagt\n7\tJens Ravn\tja\n12\tEva Lund\t";
        assert_eq!(found(tabbed), ["7", "12"]);
    }

    #[test]
    fn other_tables_and_the_text_after_stay() {
        // No column of names: a budget by unit type.
        assert!(found("Bolig   Beløb   Andel\n2 vær   4100    12 %").is_empty());
        // No unit column: a row number and the votes.
        assert!(found("Nr  Navn        Stemmer\n1   Jens Ravn   2").is_empty());
        // The table ends at a blank line; numbers after it are the text's.
        assert!(found("Lgh  Namn\n\n1204 kronor i avgift").is_empty());
        // A cell that is no unit code.
        assert!(found("Lgh    Namn\nsaknas   Alva Ström").is_empty());
    }
}
