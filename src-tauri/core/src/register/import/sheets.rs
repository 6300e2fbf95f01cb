//! What a spreadsheet declares, checked before calamine reads it.
//!
//! calamine reads every sheet of an .xls or .ods file when the file is opened, and allocates for
//! a sheet's whole area: an .xls sheet whose DIMENSIONS record (or whose two cells, in A1 and
//! IV65536) spans 16 million cells made it reserve gigabytes, a row repeated a million times in an
//! .ods file's XML is expanded cell by cell, and its own compound-file reader trusts the header's
//! counts. So before calamine sees such a file, these checks walk what it declares and refuse, with
//! [`Error::TooLarge`], a sheet beyond the limits:
//!
//! - .xls: the compound file is opened with the `cfb` crate, which checks its sector chains; then
//!   every sheet's DIMENSIONS and the position of every cell record are read from the workbook
//!   stream. The file calamine gets is a new compound file holding that stream alone, so
//!   calamine's reader only ever sees a well-formed container.
//! - .ods: `content.xml` is streamed (never held whole) and every table's rows, repeated rows,
//!   repeated cells and the length of the text in them are summed as calamine would expand them.
//!
//! Entities are not expanded by quick-xml (a DOCTYPE's entity definitions are not read), so an
//! XML "billion laughs" file is text, not a bomb.

use std::io::{Cursor, Read, Write};

use quick_xml::events::Event;

use super::Error;

/// The limits, shared with the .xlsx and CSV readers.
#[derive(Debug, Clone, Copy)]
pub(super) struct Limits {
    /// Rows × columns of the area a sheet's cells (or its declared dimension) span.
    pub area: u64,
    /// Cells with something in them.
    pub cells: u64,
    /// Columns.
    pub columns: u64,
    /// Bytes of cell text, counted as often as a repeat copies it.
    pub text: u64,
}

fn too_large(why: String) -> Error {
    Error::TooLarge(why)
}

fn damaged(what: &str) -> Error {
    Error::NotAList(format!(
        "it looks like an Excel 97-2003 file (.xls), but {what}"
    ))
}

/// Checks an .xls file and returns it rebuilt as a compound file holding only its workbook
/// stream, for calamine.
pub(super) fn xls(bytes: &[u8], limits: Limits) -> Result<Vec<u8>, Error> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|_| damaged("its container is damaged"))?;
    let name = ["Workbook", "Book", "WORKBOOK", "BOOK"]
        .into_iter()
        .find(|n| file.is_stream(n))
        .ok_or_else(|| damaged("it holds no workbook"))?;
    let mut stream = Vec::new();
    file.open_stream(name)
        .and_then(|mut s| s.read_to_end(&mut stream))
        .map_err(|_| damaged("its workbook cannot be read"))?;
    check_biff(&stream, limits)?;
    let mut clean = cfb::CompoundFile::create(Cursor::new(Vec::new()))
        .map_err(|_| damaged("it could not be copied"))?;
    clean
        .create_stream(name)
        .and_then(|mut s| s.write_all(&stream))
        .and_then(|()| clean.flush())
        .map_err(|_| damaged("it could not be copied"))?;
    Ok(clean.into_inner().into_inner())
}

/// BIFF records: (type, data) from `at` until the stream ends.
fn records(stream: &[u8], mut at: usize) -> impl Iterator<Item = (u16, &[u8])> {
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let typ = u16::from_le_bytes([head[0], head[1]]);
        let len = usize::from(u16::from_le_bytes([head[2], head[3]]));
        let data = stream.get(at + 4..at + 4 + len)?;
        at += 4 + len;
        Some((typ, data))
    })
}

fn u16_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 2)
        .map(|b| u32::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(data: &[u8], at: usize) -> Option<u32> {
    data.get(at..at + 4)
        .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
}

/// Every sheet of the workbook stream within the limits, as calamine will read it.
fn check_biff(stream: &[u8], limits: Limits) -> Result<(), Error> {
    let mut sheets = Vec::new();
    for (typ, data) in records(stream, 0) {
        match typ {
            // BoundSheet8: where the sheet's records start.
            0x0085 => sheets.push(u32_at(data, 0).ok_or_else(|| damaged("a sheet is cut short"))?),
            0x000A => break,
            _ => {}
        }
    }
    for (n, pos) in sheets.into_iter().enumerate() {
        let pos = pos as usize;
        if pos >= stream.len() {
            return Err(damaged("a sheet lies outside the file"));
        }
        check_sheet(stream, pos, n + 1, limits)?;
    }
    Ok(())
}

fn check_sheet(stream: &[u8], pos: usize, sheet: usize, limits: Limits) -> Result<(), Error> {
    let (mut cells, mut rows, mut cols) = (0u64, (u32::MAX, 0u32), (u32::MAX, 0u32));
    let area = |rows: (u32, u32), cols: (u32, u32)| {
        (u64::from(rows.1) + 1).saturating_sub(u64::from(rows.0))
            * (u64::from(cols.1) + 1).saturating_sub(u64::from(cols.0))
    };
    for (typ, data) in records(stream, pos) {
        let cell = match typ {
            0x000A => break,
            // DIMENSIONS, read as calamine reads it: it reserves the whole area.
            0x0200 => {
                let (rf, rl, cf, cl) = match data.len() {
                    10 => (
                        u16_at(data, 0),
                        u16_at(data, 2),
                        u16_at(data, 4),
                        u16_at(data, 6),
                    ),
                    14 => (
                        u32_at(data, 0),
                        u32_at(data, 4),
                        u16_at(data, 8),
                        u16_at(data, 10),
                    ),
                    _ => continue,
                };
                let (Some(rf), Some(rl), Some(c0), Some(cl)) = (rf, rl, cf, cl) else {
                    continue;
                };
                let cf = if c0 > 0xFF || cl < c0 { 0 } else { c0 };
                if rl >= 1 && cl >= 1 {
                    if rl - 1 < rf || cl - 1 < cf {
                        return Err(damaged(&format!(
                            "sheet {sheet} declares an area that ends before it starts"
                        )));
                    }
                    let declared = area((rf, rl - 1), (cf, cl - 1));
                    if declared > limits.area {
                        return Err(too_large(format!(
                            "sheet {sheet} declares {declared} cells ({} rows by {} columns), and Andel reads at most {}",
                            rl - rf,
                            cl - cf,
                            limits.area
                        )));
                    }
                }
                continue;
            }
            // Number, Label, BoolErr, RK, LabelSst, Formula, and a formula's string.
            0x0203 | 0x0204 | 0x0205 | 0x027E | 0x00FD | 0x0006 => {
                match (u16_at(data, 0), u16_at(data, 2)) {
                    (Some(r), Some(c)) => Some((r, c, c)),
                    _ => None,
                }
            }
            // MulRk: one row, a run of columns.
            0x00BD if data.len() >= 6 => {
                let (r, first) = (u16_at(data, 0), u16_at(data, 2));
                let last = u16_at(data, data.len() - 2);
                match (r, first, last) {
                    (Some(r), Some(first), Some(last)) if last >= first => Some((r, first, last)),
                    _ => {
                        return Err(damaged(&format!(
                            "a run of numbers in sheet {sheet} ends before it starts"
                        )))
                    }
                }
            }
            _ => None,
        };
        let Some((r, c0, c1)) = cell else { continue };
        cells += u64::from(c1 - c0) + 1;
        rows = (rows.0.min(r), rows.1.max(r));
        cols = (cols.0.min(c0), cols.1.max(c1));
        if cells > limits.cells {
            return Err(too_large(format!(
                "sheet {sheet} has more than {} cells",
                limits.cells
            )));
        }
    }
    if cells > 0 {
        if u64::from(cols.1 - cols.0) + 1 > limits.columns {
            return Err(too_large(format!(
                "sheet {sheet} has cells {} columns apart, and a resident list has at most {}",
                cols.1 - cols.0 + 1,
                limits.columns
            )));
        }
        let spanned = area(rows, cols);
        if spanned > limits.area {
            return Err(too_large(format!(
                "the cells of sheet {sheet} span {spanned} cells, and Andel reads at most {}",
                limits.area
            )));
        }
    }
    Ok(())
}

/// Checks every table of an .ods file's `content.xml` as calamine would expand it.
pub(super) fn ods(bytes: &[u8], limits: Limits) -> Result<(), Error> {
    let not_ods = || Error::NotAList("it is neither a spreadsheet nor a CSV file".into());
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_ods())?;
    let content = zip.by_name("content.xml").map_err(|_| not_ods())?;
    let mut reader = quick_xml::Reader::from_reader(std::io::BufReader::new(content));
    let mut buf = Vec::new();
    let mut table = Table::default();
    let mut tables = 0u32;
    // Inside a cell: its column repeat and the text bytes read so far.
    let mut cell: Option<(u64, u64, bool)> = None;
    loop {
        let event = reader
            .read_event_into(&mut buf)
            .map_err(|e| Error::NotAList(format!("its content cannot be read ({e})")))?;
        match event {
            Event::Eof => break,
            Event::Start(e) | Event::Empty(e) if e.name().as_ref() == b"table:table" => {
                tables += 1;
                table = Table::default();
            }
            Event::Start(e) if e.name().as_ref() == b"table:table-row" => {
                table.start_row(repeat(&e, b"table:number-rows-repeated"));
            }
            Event::Empty(e) if e.name().as_ref() == b"table:table-row" => {
                table.start_row(repeat(&e, b"table:number-rows-repeated"));
                table.end_row(tables, limits)?;
            }
            Event::End(e) if e.name().as_ref() == b"table:table-row" => {
                table.end_row(tables, limits)?;
            }
            Event::Start(e)
                if matches!(
                    e.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                let valued = e.attributes().flatten().any(|a| {
                    matches!(
                        a.key.as_ref(),
                        b"office:value-type" | b"office:value" | b"table:formula"
                    )
                });
                cell = Some((repeat(&e, b"table:number-columns-repeated"), 0, valued));
            }
            Event::Empty(e)
                if matches!(
                    e.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                let valued = e.attributes().flatten().any(|a| {
                    matches!(
                        a.key.as_ref(),
                        b"office:value-type" | b"office:value" | b"table:formula"
                    )
                });
                table.cell(
                    repeat(&e, b"table:number-columns-repeated"),
                    0,
                    valued,
                    tables,
                    limits,
                )?;
            }
            Event::Text(t) => {
                if let Some((_, text, _)) = cell.as_mut() {
                    *text += t.len() as u64;
                }
            }
            Event::CData(t) => {
                if let Some((_, text, _)) = cell.as_mut() {
                    *text += t.len() as u64;
                }
            }
            Event::End(e)
                if matches!(
                    e.name().as_ref(),
                    b"table:table-cell" | b"table:covered-table-cell"
                ) =>
            {
                if let Some((columns, text, valued)) = cell.take() {
                    table.cell(columns, text, valued || text > 0, tables, limits)?;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Ok(())
}

/// A repeat count attribute (1 when absent or unreadable, as calamine reads it).
fn repeat(e: &quick_xml::events::BytesStart<'_>, name: &[u8]) -> u64 {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| std::str::from_utf8(&a.value).ok()?.trim().parse().ok())
        .unwrap_or(1)
}

/// Sums for one table of an .ods file.
#[derive(Debug, Default)]
struct Table {
    /// The row being read: its repeat, its width up to its last filled cell, and its text.
    row_repeat: u64,
    width: u64,
    pending_empty: u64,
    row_text: u64,
    /// Rows spanned so far (with repeats) and the first and last with something in them.
    rows: u64,
    first_filled: Option<u64>,
    last_filled: u64,
    widest: u64,
    /// What calamine holds while reading: each row's cells once.
    read_cells: u64,
    text: u64,
}

impl Table {
    fn start_row(&mut self, repeat: u64) {
        self.row_repeat = repeat.max(1);
        self.width = 0;
        self.pending_empty = 0;
        self.row_text = 0;
    }

    fn cell(
        &mut self,
        columns: u64,
        text: u64,
        filled: bool,
        table: u32,
        limits: Limits,
    ) -> Result<(), Error> {
        let columns = columns.max(1);
        if filled {
            self.width += self.pending_empty + columns;
            self.pending_empty = 0;
            self.row_text = self.row_text.saturating_add(text.saturating_mul(columns));
            if self.width > limits.columns {
                return Err(too_large(format!(
                    "row {} of table {table} has a filled cell in column {}, and a resident list has at most {} columns",
                    self.rows + 1,
                    self.width,
                    limits.columns
                )));
            }
        } else {
            self.pending_empty = self.pending_empty.saturating_add(columns);
        }
        Ok(())
    }

    fn end_row(&mut self, table: u32, limits: Limits) -> Result<(), Error> {
        self.read_cells += self.width;
        if self.width > 0 {
            self.first_filled.get_or_insert(self.rows);
            self.last_filled = self.rows + self.row_repeat;
            self.widest = self.widest.max(self.width);
            self.text = self
                .text
                .saturating_add(self.row_text.saturating_mul(self.row_repeat));
        }
        self.rows = self.rows.saturating_add(self.row_repeat);
        let spanned = self.first_filled.map_or(0, |first| {
            (self.last_filled - first).saturating_mul(self.widest)
        });
        if self.read_cells > limits.cells || spanned > limits.area {
            return Err(too_large(format!(
                "table {table} spans more than {} cells",
                limits.area.min(limits.cells)
            )));
        }
        if self.text > limits.text {
            return Err(too_large(format!(
                "the cells of table {table} hold more than {} MB of text",
                limits.text >> 20
            )));
        }
        Ok(())
    }
}
