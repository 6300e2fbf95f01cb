//! Reading the administrator's file into rows of text: CSV in UTF-8 (with or without a byte
//! order mark), UTF-16 or Windows-1252, separated by `;`, `,` or tabs; or a spreadsheet
//! (XLSX, and what else calamine reads: XLS, ODS).
//!
//! The encoding is never guessed from the letters: bytes that are valid UTF-8 are UTF-8 (a
//! Windows-1252 text with æ, ø or å is practically never valid UTF-8), anything else is
//! Windows-1252. Getting this wrong writes "SÃ¸ren" into the register, so it is tested with
//! both kinds of file.

use std::io::Cursor;

use calamine::{Data, Reader};
use serde::{Deserialize, Serialize};

use super::Error;

/// How the file was read, for the preview ("UTF-8, separated by semicolons").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Source {
    /// A CSV (or tab-separated text) file.
    Text {
        /// "UTF-8", "UTF-8 with BOM", "UTF-16" or "Windows-1252".
        encoding: String,
        /// ";", "," or "\t".
        separator: String,
    },
    /// A spreadsheet; `sheet` is the name of the sheet read (the first).
    Spreadsheet { sheet: String },
}

/// One row of the file: its number as the user sees it (line in a text file, row in a
/// spreadsheet, both from 1) and its cells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub number: u32,
    pub cells: Vec<String>,
}

/// The whole file as rows of text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub source: Source,
    pub rows: Vec<Row>,
}

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

/// Reads a resident list from its bytes.
pub fn table(bytes: &[u8]) -> Result<Table, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return spreadsheet(bytes);
    }
    let (text, encoding) = decode(bytes)?;
    csv_table(&text, encoding)
}

/// Decodes text bytes; see the module comment for the rule.
pub fn decode(bytes: &[u8]) -> Result<(String, &'static str), Error> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return match std::str::from_utf8(rest) {
            Ok(t) => Ok((t.to_string(), "UTF-8 with BOM")),
            Err(_) => Err(Error::NotAList(
                "it says it is UTF-8 text but is not".into(),
            )),
        };
    }
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let (text, _, bad) = encoding_rs::UTF_16LE.decode(bytes);
        if bad {
            return Err(Error::NotAList("it is damaged UTF-16 text".into()));
        }
        return Ok((text.into_owned(), "UTF-16"));
    }
    if looks_binary(bytes) {
        return Err(Error::NotAList(
            "it is not a text file (CSV) nor a spreadsheet".into(),
        ));
    }
    match std::str::from_utf8(bytes) {
        Ok(t) => Ok((t.to_string(), "UTF-8")),
        Err(_) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            Ok((text.into_owned(), "Windows-1252"))
        }
    }
}

/// NUL bytes or many control characters: an image, a PDF, a program, not a list.
fn looks_binary(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) || head.starts_with(b"%PDF") {
        return true;
    }
    let control = head
        .iter()
        .filter(|b| b.is_ascii_control() && !matches!(b, b'\t' | b'\r' | b'\n' | 0x0C))
        .count();
    control * 100 > head.len()
}

/// The separator that splits the first lines into the most columns. Ties go to `;`, the usual
/// separator where the decimal comma is used, then tab, then `,`.
fn separator(text: &str) -> u8 {
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .collect();
    let count = |sep: char| {
        lines
            .iter()
            .map(|line| {
                let mut quoted = false;
                line.chars()
                    .filter(|&c| {
                        if c == '"' {
                            quoted = !quoted;
                        }
                        c == sep && !quoted
                    })
                    .count()
            })
            .max()
            .unwrap_or(0)
    };
    let mut best = (b';', count(';'));
    for sep in [b'\t', b','] {
        let n = count(sep as char);
        if n > best.1 {
            best = (sep, n);
        }
    }
    best.0
}

fn csv_table(text: &str, encoding: &'static str) -> Result<Table, Error> {
    let sep = separator(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut rows = Vec::new();
    // The row number people see is the line the record starts on. The reader's own position
    // points at the end of the previous record (before its line break and any blank lines), so
    // count the line breaks up to the first character of the record instead.
    let bytes = text.as_bytes();
    let (mut counted_to, mut line) = (0usize, 1u32);
    for record in reader.records() {
        let record =
            record.map_err(|e| Error::NotAList(format!("it cannot be read as CSV: {e}")))?;
        let mut start = record
            .position()
            .map_or(0, |p| p.byte() as usize)
            .min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start >= counted_to {
            line += bytes[counted_to..start]
                .iter()
                .filter(|&&b| b == b'\n')
                .count() as u32;
            counted_to = start;
        }
        let number = line;
        rows.push(Row {
            number,
            cells: record.iter().map(|c| c.trim().to_string()).collect(),
        });
    }
    Ok(Table {
        source: Source::Text {
            encoding: encoding.to_string(),
            separator: match sep {
                b'\t' => "\t".into(),
                other => (other as char).to_string(),
            },
        },
        rows,
    })
}

fn spreadsheet(bytes: &[u8]) -> Result<Table, Error> {
    let mut book = calamine::open_workbook_auto_from_rs(Cursor::new(bytes.to_vec()))
        .map_err(|_| Error::NotAList("it is neither a spreadsheet nor a CSV file".into()))?;
    let sheet = book.sheet_names().first().cloned().unwrap_or_default();
    let range = book
        .worksheet_range_at(0)
        .ok_or(Error::Empty)?
        .map_err(|e| Error::NotAList(format!("its first sheet cannot be read ({e})")))?;
    let first_row = range.start().map(|(r, _)| r).unwrap_or(0);
    let rows = range
        .rows()
        .enumerate()
        .map(|(i, cells)| Row {
            number: first_row + i as u32 + 1,
            cells: cells.iter().map(cell_text).collect(),
        })
        .collect();
    Ok(Table {
        source: Source::Spreadsheet { sheet },
        rows,
    })
}

/// A spreadsheet cell as text. Whole numbers lose their ".0" (share and phone numbers are
/// stored as numbers), and cells formatted as dates become `YYYY-MM-DD`.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.trim().to_string(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => {
            if f.fract() == 0.0 && f.abs() < 1e15 {
                format!("{}", *f as i64)
            } else {
                f.to_string()
            }
        }
        Data::Bool(b) => if *b { "yes" } else { "no" }.to_string(),
        Data::DateTime(d) => super::values::excel_serial(d.as_f64())
            .map(crate::register::iso)
            .unwrap_or_default(),
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_windows_1252() {
        let utf8 = "Navn;Adresse\r\nSøren Ærø;Åvej 1\r\n".as_bytes();
        let (t, e) = decode(utf8).unwrap();
        assert_eq!(e, "UTF-8");
        assert!(t.contains("Søren Ærø"));
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(utf8);
        let (t, e) = decode(&bom).unwrap();
        assert_eq!(e, "UTF-8 with BOM");
        assert!(t.starts_with("Navn"));
        let (cp, _, _) = encoding_rs::WINDOWS_1252.encode("Navn;Adresse\r\nSøren Ærø;Åvej 1\r\n");
        let (t, e) = decode(&cp).unwrap();
        assert_eq!(e, "Windows-1252");
        assert!(t.contains("Søren Ærø"), "{t}");
        assert!(!t.contains('Ã'));
    }

    #[test]
    fn rows_are_numbered_by_the_line_they_start_on() {
        let t = csv_table("a;b\r\n1;2\r\n\r\n3;\"x\r\ny\"\r\n4;5\r\n", "UTF-8").unwrap();
        let numbers: Vec<u32> = t.rows.iter().map(|r| r.number).collect();
        assert_eq!(numbers, [1, 2, 4, 6]);
    }

    #[test]
    fn separators_are_detected() {
        assert_eq!(separator("a;b;c\n1;2;3"), b';');
        assert_eq!(separator("a,b,c\n1,2,3"), b',');
        assert_eq!(separator("a\tb\tc\n1\t2\t3"), b'\t');
        assert_eq!(separator("Navn;Adresse\n\"Hansen, Jens\";Vej 1"), b';');
    }

    #[test]
    fn binary_is_not_a_list() {
        assert!(matches!(
            table(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"),
            Err(Error::NotAList(_))
        ));
        assert!(matches!(table(b"PK\x03\x04junk"), Err(Error::NotAList(_))));
        assert!(matches!(table(b"  \r\n"), Err(Error::Empty)));
    }
}
