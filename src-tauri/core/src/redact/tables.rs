//! Lists of who attended, written as tables: a header row names a column of units ("Lgh nr", "Lejlighed",
//! "Bolig") beside a column of names, and every row below gives one resident's unit. The unit stands bare
//! in its cell ("1001", "7B", "H0203"), with no word before it to say what it is, so the other recognizers
//! do not see it; the header says it.

use super::policy::{overlaps_any, Raw};
use super::{Kind, Recognizer};

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
    "bustad",
    "bustadnr",
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
    // An administrator's object: the house and the flat ("3-1001"), or a number of its own ("104").
    "obj",
    "obj nr",
    "obj.nr",
    "objnr",
    "objekt",
    "objektnr",
    "objekt nr",
    "objektnummer",
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
    // A list of transfers: who sold the share and who bought it.
    "säljare",
    "köpare",
    "överlåtare",
    "förvärvare",
    "selger",
    "seljar",
    "kjøper",
    "kjøpar",
    "sælger",
    "køber",
    // A list of proxies: who gave the proxy and who holds it.
    "fullmaktsgivare",
    "fullmaktsgiver",
    "fullmaktsgjevar",
    "fuldmagtsgiver",
    "ombud",
    "fullmektig",
    "fuldmægtig",
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
    // "0bj.nr", "Lgh nr" scanned: a header's first letter O read as a zero.
    list.contains(&c.as_str())
        || c.strip_prefix('0')
            .is_some_and(|rest| list.contains(&format!("o{rest}").as_str()))
}

/// A unit cell's number sign: "nr. 24", "nr 24", "#11", "# 11"; the rest of the cell after it.
fn after_number_sign(cell: &str) -> Option<&str> {
    let t = cell.trim();
    ["nr. ", "nr.", "Nr. ", "Nr.", "nr ", "Nr ", "# ", "#"]
        .iter()
        .find_map(|p| t.strip_prefix(p))
}

/// A unit as a list writes it in its cell: digits with a letter before or after ("1001", "7B", "H0203",
/// "12"), perhaps after a number sign ("#11", "nr. 24"), or a house's number and a flat's joined by a
/// hyphen ("3-1001", an administrator's object); nothing else.
fn is_unit_code(cell: &str) -> bool {
    let t = after_number_sign(cell).unwrap_or(cell).trim();
    if let Some((house, flat)) = t.split_once('-') {
        return (1..=3).contains(&house.len())
            && house.bytes().all(|b| b.is_ascii_digit())
            && (2..=4).contains(&flat.len())
            && flat.bytes().all(|b| b.is_ascii_digit());
    }
    let t = t
        .strip_prefix(|c: char| c.is_ascii_uppercase())
        .unwrap_or(t);
    let t = t
        .strip_suffix(|c: char| c.is_ascii_alphabetic())
        .unwrap_or(t);
    (1..=4).contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
}

/// "nr. 23 Vibeke Hjort", "H07 Bøyum, Aslak": a cell that starts with a unit (perhaps after its number
/// sign) and goes on after one space with a capitalised word, as a name; the unit's length.
fn unit_before_a_name(cell: &str) -> Option<usize> {
    let rest = after_number_sign(cell).unwrap_or(cell);
    let sign = cell.len() - rest.len();
    let (unit, name) = rest.split_once(' ')?;
    (name.starts_with(char::is_uppercase) && is_unit_code(&cell[..sign + unit.len()]))
        .then_some(sign + unit.len())
}

/// Finds the units in the unit column of every table of residents in `text` (byte offsets), outside
/// `protected`.
///
/// Only a line with a "|", a tab or two spaces in a row can be a row of a table (see [`cells`]); every
/// other line ends the table being read. So the lines are found from those marks (a few look-ups in
/// the whole text) instead of splitting and reading every line.
pub fn scan(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
    let b = text.as_bytes();
    // The column of units of the table being read, if any.
    let mut column: Option<(usize, bool, usize)> = None;
    // The end of the last line read, and the next bar or tab and the next two spaces at or after
    // `from` (kept until passed, so each is searched for once per mark).
    let mut read_to = 0;
    let mut from = 0;
    let mut bar_or_tab = memchr::memchr2(b'|', b'\t', b);
    let mut spaces = memchr::memmem::find(b, b"  ");
    while from < b.len() {
        if bar_or_tab.is_some_and(|m| m < from) {
            bar_or_tab = memchr::memchr2(b'|', b'\t', &b[from..]).map(|m| from + m);
        }
        if spaces.is_some_and(|m| m < from) {
            spaces = memchr::memmem::find(&b[from..], b"  ").map(|m| from + m);
        }
        let Some(mark) = bar_or_tab.into_iter().chain(spaces).min() else {
            break;
        };
        let start = memchr::memrchr(b'\n', &b[..mark]).map_or(0, |i| i + 1);
        let end = memchr::memchr(b'\n', &b[mark..]).map_or(b.len(), |i| mark + i + 1);
        if start != read_to {
            // The lines between were no rows.
            column = None;
        }
        let line = text.get(start..end).unwrap_or("");
        read_row(text, line, start, protected, &mut column, out);
        read_to = end;
        from = end;
    }
}

/// Reads one line of `text` starting at `start` (with its line break) as [`scan`] reads a table: a
/// header row sets `column`, a row under it gives its unit, any other line ends the table.
fn read_row(
    text: &str,
    line: &str,
    start: usize,
    protected: &[(usize, usize)],
    column: &mut Option<(usize, bool, usize)>,
    out: &mut Vec<Raw>,
) {
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        *column = None;
        return;
    }
    let Some(row) = cells(line) else {
        *column = None;
        return;
    };
    let cell = |k: usize| row.get(k).and_then(|&(a, b)| line.get(a..b)).unwrap_or("");
    let units = (0..row.len()).find(|&k| header_is(cell(k), UNIT_HEADERS));
    let names = (0..row.len()).any(|k| header_is(cell(k), NAME_HEADERS));
    if let Some(u) = units {
        // A list of shares with no column of names ("andel  beløb  rykket" over the arrears): its units
        // count only with a number sign ("nr. 24", "#11"), as a column of amounts never has one, or
        // under a header that says the column holds numbers ("Andelsnr.  Beløb  Status": a share's
        // number is the household's, an amount has no number's word over it).
        let numbered = {
            let c = cell(u).trim().trim_end_matches(['.', ':']).to_lowercase();
            c.ends_with("nr") || c.ends_with("nummer")
        };
        *column = Some((u, !names && !numbered, row.len()));
        return;
    }
    let Some((u, signed, header_cells)) = *column else {
        return;
    };
    // "|-----|-----|": the rule under a header.
    if line
        .chars()
        .all(|c| matches!(c, '|' | '-' | ':' | '+' | ' ' | '='))
    {
        return;
    }
    let Some(&(a, mut b)) = row.get(u) else {
        return;
    };
    // "nr. 23 Vibeke Hjort": a unit wider than its header ran into the names' cell with one space
    // between; the unit is the cell's first part where the row has fewer cells than the header.
    if row.len() < header_cells && !signed {
        if let Some(n) = line.get(a..b).and_then(unit_before_a_name) {
            b = a + n;
        }
    }
    let (a, b) = (start + a, start + b);
    let unit = text.get(a..b).unwrap_or("");
    if a < b
        && is_unit_code(unit)
        && (!signed || after_number_sign(unit).is_some())
        && !overlaps_any(protected, a, b)
    {
        out.push(Raw::redact(
            a,
            b,
            Kind::Other,
            Recognizer::ShareNumber,
            0.8,
            "a resident's unit in a list of who attended",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The scan as it was before [`scan`] skipped the lines without a mark: every line split and read.
    fn scan_every_line(text: &str, protected: &[(usize, usize)], out: &mut Vec<Raw>) {
        let mut column: Option<(usize, bool, usize)> = None;
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            let start = at;
            at += line.len();
            read_row(text, line, start, protected, &mut column, out);
        }
    }

    fn table_piece() -> impl Strategy<Value = String> {
        prop_oneof![
            3 => crate::redact::testgen::text(),
            1 => prop::sample::select(&[
                "Lgh nr  Namn            Port\n",
                "| Bolig | Andelseier |\n",
                "|---|---|\n",
                "Lejl.\tNavn\tFuldmagt\n",
                "1204    Alva Ström      2\n",
                "| 3A | Kari Holm |\n",
                "7\tJens Ravn\tja\n",
                "H0102  Per Dahl\r\n",
                "  \n",
                "\n",
                "12 Eva Lund\n",
                "Bolig   Beløb   Andel\n",
                "andel   beløb\n",
                "nr. 24  kr. 100\n",
                "#7      Eva Lund\n",
                "\t",
                "|",
                "  ",
            ][..])
            .prop_map(str::to_string),
        ]
    }

    proptest! {
        /// Reading only the lines with a mark finds what reading every line found.
        #[test]
        fn marked_lines_find_what_every_line_found(
            parts in prop::collection::vec(table_piece(), 0..12),
            cut in 0usize..4,
        ) {
            let text: String = parts.concat();
            // Protect a stretch now and then, so the overlap test is compared too.
            let protected = if cut == 0 || text.is_empty() { Vec::new() } else { vec![(text.len() / (cut + 1), text.len() / cut)] };
            let (mut new, mut old) = (Vec::new(), Vec::new());
            scan(&text, &protected, &mut new);
            scan_every_line(&text, &protected, &mut old);
            let spans = |v: &[Raw]| v.iter().map(|r| (r.start, r.end)).collect::<Vec<_>>();
            prop_assert_eq!(spans(&new), spans(&old));
        }
    }

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
        // An administrator's objects, the house's number and the flat's.
        let objects = "  Objekt   Namn              Skuld\n  3-1101   Berg, Alva        4 300 kr\n  12-04    Lund, Nils        800 kr\n";
        assert_eq!(found(objects), ["3-1101", "12-04"]);
        // A number sign before the unit.
        let signed = "Andel   Adresse          Andelshaver\n#4      Ahornvej 3, st.  Kaj Lund\n# 17    Ahornvej 9       Eva Lund";
        assert_eq!(found(signed), ["#4", "# 17"]);
        // A unit wider than its header runs into the names' cell with one space.
        let merged = "Andel  Navn                 Beløb\nnr. 7 Eva Lund             kr. 3.100\nnr. 12 K. Ravn             kr. 800\n";
        assert_eq!(found(merged), ["nr. 7", "nr. 12"]);
        let nynorsk = "  Bustad   Namn            Månader\n  H04      Dal, Kari       2\n";
        assert_eq!(found(nynorsk), ["H04"]);
        // A list of proxies by the administrator's object numbers, its header scanned with a zero.
        let proxies =
            "  Obj   Lgh   Fullmaktsgivare   Ombud\n  104   1102  A. Berg           Eva Lund\n";
        assert_eq!(found(proxies), ["104"]);
        let scanned = "  0bj.nr  Lgh    Namn       Skuld\n  111     1202   Berg J     4 940 kr\n";
        assert_eq!(found(scanned), ["111"]);
        // A cell of one word after the unit, in lower case, is no name ("3 stk").
        assert!(found("Andel  Navn     Beløb\n4 stk  i alt\n").is_empty());
    }

    /// A list of shares with no column of names (the arrears) gives its units when they carry a number
    /// sign; bare numbers under the same header stay (amounts, shares of a whole).
    #[test]
    fn signed_units_in_a_list_of_shares_without_names() {
        let arrears = "  andel    beløb       rykket\n  nr. 7    kr. 3.200   1 gang\n  nr. 41   kr. 800     2 gange\n";
        assert_eq!(found(arrears), ["nr. 7", "nr. 41"]);
        assert_eq!(found("Lgh     Skuld\n#12     4 300 kr\n"), ["#12"]);
        assert!(found("Andel   Beløb\n12      4.100\n").is_empty());
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
