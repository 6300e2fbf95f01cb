//! Reading the administrator's file into rows of text: CSV in UTF-8 (with or without a byte
//! order mark), UTF-16 or Windows-1252, separated by `;`, `,` or tabs; or a spreadsheet
//! (XLSX, XLS, ODS).
//!
//! Every kind of file is read within the same limits (rows, columns, cells, and for a zip its
//! inflated parts), checked before the memory is taken: a file beyond them is refused with
//! [`Error::TooLarge`], never read in part. A .xlsx is read cell by cell here; .xls and .ods are
//! read by calamine after [`super::sheets`] has checked what they declare.
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

/// The most rows (with something in them) a list may have.
const MAX_ROWS: usize = 500_000;
/// The most columns: administrators' exports have some tens.
const MAX_COLUMNS: u32 = 512;
/// The most cells of one sheet or file, counted as the table holds them (rows times the width of
/// the widest row, empty cells included): 100,000 rows of 20 columns. A cell costs some tens of
/// bytes, so the table stays within some hundred megabytes.
const MAX_CELLS: usize = 2_000_000;
/// The most bytes of cell text a spreadsheet may expand to (a repeated cell counts each time).
const MAX_TEXT: u64 = 64 << 20;
/// The most a resident list's file may be (a CSV of the largest table is some tens of MB).
pub const MAX_FILE: usize = 256 << 20;
/// The most all parts of a spreadsheet's zip may inflate to together, and each part: a sheet is
/// read as a stream, but the shared strings and the other parts are held whole.
const MAX_UNZIPPED: u64 = 256 << 20;
const MAX_SHEET_PART: u64 = 256 << 20;
const MAX_STRINGS_PART: u64 = 48 << 20;
const MAX_OTHER_PART: u64 = 16 << 20;

const LIMITS: super::sheets::Limits = super::sheets::Limits {
    area: MAX_CELLS as u64,
    cells: MAX_CELLS as u64,
    columns: MAX_COLUMNS as u64,
    text: MAX_TEXT,
};

const ZIP: &[u8] = b"PK\x03\x04";
const OLE: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0];

/// The bytes of the resident list at `path`, refused before it is read when it is larger than
/// any list can be ([`MAX_FILE`]).
pub fn file(path: &std::path::Path) -> Result<Vec<u8>, crate::files::Error> {
    crate::files::read_at_most(path, "resident lists", MAX_FILE as u64)
}

/// Reads a resident list from its bytes.
pub fn table(bytes: &[u8]) -> Result<Table, Error> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty);
    }
    if bytes.len() > MAX_FILE {
        return Err(Error::TooLarge(format!(
            "it is {} MB, and a resident list is at most {} MB",
            bytes.len() >> 20,
            MAX_FILE >> 20
        )));
    }
    if bytes.starts_with(ZIP) || bytes.starts_with(OLE) {
        return spreadsheet(bytes);
    }
    let (text, encoding) = decode(bytes)?;
    if let Some(at) = text.find('\0') {
        return Err(Error::Malformed {
            line: line_of(&text, at),
            why: "it holds a NUL character (a zero byte), which no resident list has".into(),
        });
    }
    check_quotes(&text)?;
    csv_table(&text, encoding)
}

/// The line (from 1) of byte offset `at`.
fn line_of(text: &str, at: usize) -> u32 {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count() as u32
        + 1
}

/// A quoted cell may hold a line break (an address over two lines), but one that never ends, or
/// runs on for many lines, is a stray quote: read as CSV it would swallow the rest of the file into
/// one cell (one owner's "name"), and every owner after it would seem to have moved out.
fn check_quotes(text: &str) -> Result<(), Error> {
    const MOST_LINES_IN_A_CELL: u32 = 4;
    let sep = separator(text);
    let bytes = text.as_bytes();
    let (mut quoted, mut field_start, mut opened_at, mut breaks) = (false, true, 0usize, 0u32);
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if quoted {
            match b {
                b'"' if bytes.get(i + 1) == Some(&b'"') => i += 1,
                b'"' => quoted = false,
                b'\n' => {
                    breaks += 1;
                    if breaks > MOST_LINES_IN_A_CELL {
                        return Err(Error::Malformed {
                            line: line_of(text, opened_at),
                            why: "a quotation mark opens a cell that runs on over many lines; \
                                  probably a quotation mark too many or too few"
                                .into(),
                        });
                    }
                }
                _ => {}
            }
        } else if b == b'"' && field_start {
            quoted = true;
            opened_at = i;
            breaks = 0;
        }
        field_start = !quoted && (b == sep || b == b'\n' || b == b'\r');
        i += 1;
    }
    if quoted {
        return Err(Error::Malformed {
            line: line_of(text, opened_at),
            why: "a quotation mark opens a cell that never ends".into(),
        });
    }
    Ok(())
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
    let mut cells = 0usize;
    for record in reader.records() {
        let record =
            record.map_err(|e| Error::NotAList(format!("it cannot be read as CSV: {e}")))?;
        cells += record.len();
        if record.len() > MAX_COLUMNS as usize || cells > MAX_CELLS || rows.len() >= MAX_ROWS {
            let at = record.position().map_or(0, |p| p.line());
            return Err(Error::TooLarge(format!(
                "by line {at} it has {} fields in a line or {cells} in all, and a resident list has at most {MAX_COLUMNS} columns, {MAX_CELLS} cells and {MAX_ROWS} rows",
                record.len()
            )));
        }
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
    fn not_a_sheet<E: std::fmt::Display>(e: E) -> Error {
        Error::NotAList(format!("it is a spreadsheet Andel cannot read ({e})"))
    }
    if bytes.starts_with(ZIP) {
        check_unzipped_size(bytes, MAX_UNZIPPED)?;
        if let Ok(book) = calamine::Xlsx::new(Cursor::new(bytes)) {
            return xlsx(book);
        }
        super::sheets::ods(bytes, LIMITS)?;
        return first_sheet(calamine::Ods::new(Cursor::new(bytes)).map_err(not_a_sheet)?);
    }
    let clean = super::sheets::xls(bytes, LIMITS)?;
    first_sheet(calamine::Xls::new(Cursor::new(clean)).map_err(not_a_sheet)?)
}

/// The first sheet of an .xls or .ods file, whose size [`super::sheets`] has checked.
fn first_sheet<RS, R>(mut book: R) -> Result<Table, Error>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
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

/// Inflates every part of the zip into nothing, counting, so that a zip bomb is refused before
/// the spreadsheet reader holds any of it. (The sizes a zip declares can lie; the count cannot.)
/// Each part has its own limit too: a sheet is streamed, but the shared strings and the other
/// parts are held whole by the reader.
fn check_unzipped_size(bytes: &[u8], most: u64) -> Result<(), Error> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|_| Error::NotAList("it is neither a spreadsheet nor a CSV file".into()))?;
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let Ok(part) = zip.by_index(i) else { continue };
        let name = part.name().to_ascii_lowercase();
        let cap = if name.starts_with("xl/worksheets/") || name == "content.xml" {
            MAX_SHEET_PART
        } else if name.ends_with("sharedstrings.xml") {
            MAX_STRINGS_PART
        } else {
            MAX_OTHER_PART
        };
        let left = most.saturating_sub(total).min(cap);
        let size = std::io::copy(
            &mut std::io::Read::take(part, left + 1),
            &mut std::io::sink(),
        )
        .unwrap_or(0);
        total += size;
        if size > cap {
            return Err(Error::TooLarge(format!(
                "its part {name} unpacks to more than {} MB",
                cap >> 20
            )));
        }
        if total > most {
            return Err(Error::TooLarge(format!(
                "it unpacks to more than {} MB",
                most >> 20
            )));
        }
    }
    Ok(())
}

/// Reads the first sheet of an .xlsx cell by cell, keeping only filled cells. calamine's own
/// range would allocate every cell between the first and the last (a 1.5 KB file with cells in
/// A1 and XFD1048576 asked for 512 GiB and aborted the process), whatever the sheet's declared
/// dimension says; here memory follows the cells that are really there, within the limits.
fn xlsx(mut book: calamine::Xlsx<Cursor<&[u8]>>) -> Result<Table, Error> {
    use std::collections::BTreeMap;
    let sheet = book.sheet_names().first().cloned().ok_or(Error::Empty)?;
    let mut reader = book
        .worksheet_cells_reader(&sheet)
        .map_err(|e| Error::NotAList(format!("its first sheet cannot be read ({e})")))?;
    let mut rows: BTreeMap<u32, Vec<(u32, String)>> = BTreeMap::new();
    let (mut cells, mut first_column, mut last_column) = (0usize, u32::MAX, 0u32);
    loop {
        let cell = match reader.next_cell() {
            Ok(Some(cell)) => cell,
            Ok(None) => break,
            Err(e) => {
                return Err(Error::NotAList(format!(
                    "its first sheet cannot be read ({e})"
                )))
            }
        };
        let (row, column) = cell.get_position();
        let text = cell_text(&Data::from(cell.get_value().clone()));
        if text.is_empty() {
            continue;
        }
        if column >= MAX_COLUMNS {
            return Err(Error::TooLarge(format!(
                "row {} has a filled cell in column {}, and a resident list has at most {MAX_COLUMNS} columns",
                row + 1,
                column + 1
            )));
        }
        cells += 1;
        if cells > MAX_CELLS {
            return Err(Error::TooLarge(format!(
                "its first sheet has more than {MAX_CELLS} filled cells"
            )));
        }
        rows.entry(row).or_default().push((column, text));
        if rows.len() > MAX_ROWS {
            return Err(Error::TooLarge(format!(
                "its first sheet has more than {MAX_ROWS} rows"
            )));
        }
        first_column = first_column.min(column);
        last_column = last_column.max(column);
    }
    let width = (last_column + 1).saturating_sub(first_column.min(last_column)) as usize;
    // The table holds every row at the width of the widest: a column far right in one row would
    // otherwise cost it in every row.
    if rows.len().saturating_mul(width) > MAX_CELLS {
        return Err(Error::TooLarge(format!(
            "its first sheet spans {} rows by {width} columns, and Andel reads at most {MAX_CELLS} cells",
            rows.len()
        )));
    }
    let rows = rows
        .into_iter()
        .map(|(row, filled)| {
            let mut cells = vec![String::new(); width];
            for (column, text) in filled {
                cells[(column - first_column) as usize] = text;
            }
            Row {
                number: row + 1,
                cells,
            }
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
            .map(crate::dates::iso)
            .unwrap_or_default(),
        Data::DateTimeIso(s) => s.chars().take(10).collect(),
        Data::DurationIso(s) => s.clone(),
        Data::Error(_) | Data::Empty => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal .xlsx whose first sheet holds `cells` (reference, inline text).
    fn xlsx_with(cells: &[(&str, &str)], padding: usize) -> Vec<u8> {
        use std::io::Write;
        let mut sheet = String::from(
            r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#,
        );
        for (at, text) in cells {
            let row: String = at.chars().filter(|c| c.is_ascii_digit()).collect();
            sheet.push_str(&format!(
                r#"<row r="{row}"><c r="{at}" t="inlineStr"><is><t>{text}</t></is></c></row>"#
            ));
        }
        sheet.push_str("</sheetData></worksheet>");
        sheet.push_str(&" ".repeat(padding));
        let parts = [
            ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#.to_string()),
            ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#.to_string()),
            ("xl/workbook.xml", r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Beboere" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_string()),
            ("xl/_rels/workbook.xml.rels", r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#.to_string()),
            ("xl/worksheets/sheet1.xml", sheet),
        ];
        let mut zip = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default();
        for (name, body) in parts {
            zip.start_file(name, o).unwrap();
            zip.write_all(body.as_bytes()).unwrap();
        }
        zip.finish().unwrap().into_inner()
    }

    #[test]
    fn a_sparse_sheet_costs_what_its_cells_cost() {
        // Issue 12: cells in A1 and XFD1048576 made calamine allocate 512 GiB and abort.
        let bomb = xlsx_with(&[("A1", "Andelsnr"), ("XFD1048576", "x")], 0);
        assert!(bomb.len() < 4096);
        match table(&bomb) {
            Err(Error::TooLarge(why)) => assert!(why.contains("column 16384"), "{why}"),
            other => panic!("{other:?}"),
        }
        // Far down but in a sane column: read, with the row number as the sheet shows it.
        let far = xlsx_with(
            &[
                ("A1", "Andelsnr"),
                ("B1", "Navn"),
                ("B1000000", "Lise Krog"),
            ],
            0,
        );
        let t = table(&far).unwrap();
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[1].number, 1_000_000);
        assert_eq!(
            t.rows[1].cells,
            vec!["".to_string(), "Lise Krog".to_string()]
        );
    }

    #[test]
    fn a_zip_bomb_is_refused_before_it_is_read() {
        // A smaller cap than the real one keeps the test quick; the counting is the same.
        let bomb = xlsx_with(&[("A1", "Andelsnr")], 4 << 20);
        assert!(bomb.len() < 64 << 10, "{} bytes", bomb.len());
        assert!(matches!(
            check_unzipped_size(&bomb, 2 << 20),
            Err(Error::TooLarge(_))
        ));
        assert!(check_unzipped_size(&bomb, 8 << 20).is_ok());
    }

    #[test]
    fn malformed_csv_is_refused_with_its_line() {
        // Issue 12: an unbalanced quote made the rest of the file one owner's name.
        let stray = "Andelsnr;Navn\n1;Lise Krog\n2;\"Ole Hansen\n3;Mette Lund\n4;Kim Berg\n5;Ida Dam\n6;Bo Ravn\n";
        match table(stray.as_bytes()) {
            Err(Error::Malformed { line, .. }) => assert_eq!(line, 3),
            other => panic!("{other:?}"),
        }
        let never_closed = "Andelsnr;Navn\n1;Lise Krog\n2;\"Ole Hansen\n";
        assert!(matches!(
            table(never_closed.as_bytes()),
            Err(Error::Malformed { line: 3, .. })
        ));
        // A NUL late in the file (past what the binary check looks at).
        let mut late = "Andelsnr;Navn\n".to_string();
        for i in 0..5000 {
            late.push_str(&format!("{i};Beboer nummer {i} med et langt navn\n"));
        }
        late.push_str("5001;Ole\0Hansen\n");
        assert!(matches!(
            table(late.as_bytes()),
            Err(Error::Malformed { line: 5002, .. })
        ));
        // A quoted address over two lines is still fine, and so are quotes inside a cell.
        let fine = "Andelsnr;Adresse;Navn\n1;\"Kirsebærvej 3\n2100 København\";Lise \"Lis\" Krog\n";
        let t = table(fine.as_bytes()).unwrap();
        assert_eq!(t.rows[1].cells[1], "Kirsebærvej 3\n2100 København");
    }

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
