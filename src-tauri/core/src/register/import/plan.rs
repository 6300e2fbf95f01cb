//! From rows to a plan: which units and owners the list holds, compared with the register, as a
//! list of steps that [`Planned::carry_out`] performs. Planning reads only; the preview is the
//! plan described in words.

use crate::Coded;
use std::collections::{BTreeMap, HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use super::columns::{self, Field};
use super::read::Table;
use super::values;
use super::{Change, ChangeKind, Column, Error, MappedBy, Preview, RowIssue, RowProblem};
use crate::dates::iso;
use crate::register::guard;
use crate::register::people::{self, PersonFields};
use crate::register::units::{self, UnitFields};
use crate::register::{ownership, Id};
use crate::text::{looks_like_email, name_key, tidy};

/// An owner as the list gives them.
#[derive(Debug, Clone, Default)]
struct ListedOwner {
    name: String,
    phone: Option<String>,
    email: Option<String>,
    moved_in: Option<NaiveDate>,
}

/// A unit as the list gives it, gathered from one or more rows.
#[derive(Debug, Clone, Default)]
struct ListedUnit {
    number: String,
    flat: Option<String>,
    address: Option<String>,
    postcode_city: Option<String>,
    floor: Option<String>,
    owners: Vec<ListedOwner>,
}

#[derive(Debug, Clone, Copy)]
enum UnitRef {
    Existing(Id),
    New(usize),
}

#[derive(Debug, Clone, Copy)]
enum PersonRef {
    Existing(Id),
    New(usize),
}

#[derive(Debug)]
enum Step {
    AddUnit(usize, UnitFields),
    UpdateUnit(Id, UnitFields),
    End(Id, NaiveDate),
    AddPerson(usize, PersonFields),
    UpdatePerson(Id, PersonFields),
    Start {
        unit: UnitRef,
        person: PersonRef,
        from: Option<NaiveDate>,
        propose_plate: bool,
    },
    SetStart(Id, Option<NaiveDate>),
}

/// The plan and its description.
#[derive(Debug)]
pub(super) struct Planned {
    pub preview: Preview,
    steps: Vec<Step>,
}

fn opt(text: &str) -> Option<String> {
    let t = tidy(text);
    (!t.is_empty()).then_some(t)
}

/// Works out the columns: given mapping, then remembered, then recognised names.
fn map_columns(
    header: &[String],
    given: &[(String, Field)],
    remembered: &BTreeMap<String, Field>,
) -> Vec<Column> {
    header
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let n = columns::normalise(h);
            let (field, mapped_by) =
                if let Some((_, f)) = given.iter().find(|(c, _)| columns::normalise(c) == n) {
                    (Some(*f), MappedBy::Given)
                } else if let Some(f) = remembered.get(&n) {
                    (Some(*f), MappedBy::Remembered)
                } else if let Some(f) = columns::recognise(h) {
                    (Some(f), MappedBy::Automatic)
                } else {
                    (None, MappedBy::Unmapped)
                };
            let field = field.filter(|f| *f != Field::Ignore);
            Column {
                index: i as u32,
                header: h.trim_start_matches('\u{feff}').trim().to_string(),
                mapped_by: if field.is_none() && mapped_by != MappedBy::Given {
                    MappedBy::Unmapped
                } else {
                    mapped_by
                },
                field,
            }
        })
        .collect()
}

fn useful(columns: &[Column]) -> usize {
    columns
        .iter()
        .filter(|c| c.field.is_some_and(|f| f != Field::NationalId))
        .count()
}

/// The header row (its index in `table.rows`) and its columns, found as [`plan`] finds them.
pub(super) fn header_columns(
    table: &Table,
    given: &[(String, Field)],
    remembered: &BTreeMap<String, Field>,
) -> Result<(usize, Vec<Column>), Error> {
    let non_empty: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, _)| i)
        .collect();
    let first = *non_empty.first().ok_or(Error::Empty)?;
    let header_index = non_empty
        .iter()
        .take(10)
        .copied()
        .find(|&i| useful(&map_columns(&table.rows[i].cells, given, remembered)) >= 2)
        .unwrap_or(first);
    let mut columns = map_columns(&table.rows[header_index].cells, given, remembered);
    let composed = addresses_from_parts(table, header_index, &mut columns);
    let table = composed.as_ref().map_or(table, |(t, _, _)| t);
    addresses_by_value(table, header_index, &mut columns);
    house_numbers_by_header(table, header_index, &mut columns);
    flats_by_value(table, header_index, &mut columns);
    Ok((header_index, columns))
}

/// Whether a cell reads as a street address: words, the first starting with a letter, then a house
/// number (one to three digits, perhaps a letter: "Mosehøjvej 7", "Storgata 12 B", "Kærv. 4a"), and
/// after it at most a floor, a side or a flat ("2. th", "lgh 1102").
/// Whether a cell is a floor and side as Nordic lists write them, not a flat's number: "1. sal", "st.
/// tv.", "2. th.", "kl.", "3 tv", "1 tr", "bv", "2. etasje".
fn floor_shaped(cell: &str) -> bool {
    let lower = cell.to_lowercase().replace(['.', ','], " ");
    let mut words = lower.split_whitespace();
    let Some(first) = words.next() else {
        return false;
    };
    let rest: Vec<&str> = words.collect();
    let figures = first.len() <= 2 && first.chars().all(|c| c.is_ascii_digit());
    let ground = matches!(
        first,
        "st" | "stuen" | "kl" | "kld" | "kælder" | "bv" | "nb" | "bottenvåning" | "bottenvåningen"
    );
    let tail = rest.len() <= 3
        && rest.iter().all(|w| {
            matches!(
                *w,
                "tv" | "th"
                    | "mf"
                    | "t"
                    | "v"
                    | "h"
                    | "sal"
                    | "etage"
                    | "etasje"
                    | "etg"
                    | "tr"
                    | "trappor"
                    | "trappa"
                    | "vån"
                    | "våning"
            )
        });
    tail && (ground || (figures && !rest.is_empty()))
}

fn street_address(cell: &str) -> Option<&str> {
    let cell = cell.trim();
    let at = cell.find(|c: char| c.is_ascii_digit())?;
    let street = cell[..at].trim_end();
    let rest = &cell[at..];
    let digits = rest.chars().take_while(char::is_ascii_digit).count();
    let letters = street.chars().filter(|c| c.is_alphabetic()).count();
    let street_ok = street.chars().next().is_some_and(char::is_alphabetic)
        && letters >= 3
        && street.split_whitespace().count() <= 4
        && street
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''));
    let tail = &rest[digits..];
    (street_ok && (1..=3).contains(&digits) && tail.chars().count() <= 12 && !tail.contains('@'))
        .then_some(street)
}

/// A column whose header no list of names knows, in a list without an address column, whose values
/// are street addresses in nearly every row, on at most half as many streets as rows (the association's own): the units'
/// addresses, which associations of row houses head "Hus" or "Bolig". Read as the address, and
/// [`plan`] says so. A column of remarks ("Fremlejet 2024") is neither filled in nearly every row nor
/// on a few streets; a column the board chose to leave out stays out.
fn addresses_by_value(table: &Table, header_index: usize, columns: &mut [Column]) {
    if columns.iter().any(|c| c.field == Some(Field::Address)) {
        return;
    }
    let rows: Vec<&super::read::Row> = table.rows[header_index + 1..]
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.len() < 3 {
        return;
    }
    for column in columns
        .iter_mut()
        .filter(|c| c.field.is_none() && c.mapped_by == MappedBy::Unmapped)
    {
        if street_addresses(&rows, column.index) {
            column.field = Some(Field::Address);
            column.mapped_by = MappedBy::Automatic;
            return;
        }
    }
}

/// Whether the column at `index` holds street addresses in nearly every row (nine of ten), on at most
/// half as many streets as rows: the association's own.
fn street_addresses(rows: &[&super::read::Row], index: u32) -> bool {
    let streets: Vec<String> = rows
        .iter()
        .filter_map(|r| street_address(r.cells.get(index as usize).map_or("", |c| c.trim())))
        .map(str::to_lowercase)
        .collect();
    let distinct: HashSet<&String> = streets.iter().collect();
    rows.len() >= 3 && streets.len() * 10 >= rows.len() * 9 && distinct.len() * 2 <= streets.len()
}

/// The share or flat number column that holds the units' street addresses ("Bolig nr" | "Lisletta 4",
/// "Lejlighed" | "Kløvervej 3", "Andel" | "Smedievej 2, st. tv."), in a list without an address
/// column: its values are the units' addresses too. Without it the register knew the unit by a
/// number that is its address and had no address for it, so an association of row houses had no
/// house the minutes' "Lisletta 4" or "nr. 8" could be.
fn unit_column_of_addresses(table: &Table, header_index: usize, columns: &[Column]) -> Option<u32> {
    if columns.iter().any(|c| c.field == Some(Field::Address)) {
        return None;
    }
    let rows: Vec<&super::read::Row> = table.rows[header_index + 1..]
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    columns
        .iter()
        .filter(|c| matches!(c.field, Some(Field::Share | Field::Flat)))
        .find(|c| street_addresses(&rows, c.index))
        .map(|c| c.index)
}

/// Whether a cell reads as a street's name alone: words of letters (and stops, hyphens), the first
/// starting with a letter, no digit ("Mosevej", "Store Kongensgade", "Kv.haugv."). A word and a
/// single letter after it ("Sti A", "Blok C", "Række B") names a path, a block or a row of the
/// estate, not a street: row-house lists group their houses so, and the houses lie on the
/// association's street.
fn street_name(cell: &str) -> bool {
    let cell = cell.trim();
    let lettered_group = cell
        .rsplit_once(' ')
        .is_some_and(|(_, last)| last.chars().count() == 1);
    cell.chars().next().is_some_and(char::is_alphabetic)
        && cell.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && cell.split_whitespace().count() <= 4
        && !lettered_group
        && cell
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\''))
}

/// Whether a cell reads as a house number: one to three digits, perhaps one letter after them, glued or
/// after a space ("7", "12A", "12 B").
fn house_number(cell: &str) -> bool {
    let cell = cell.trim();
    let digits = cell.chars().take_while(char::is_ascii_digit).count();
    let rest = cell[digits..].trim_start();
    (1..=3).contains(&digits)
        && rest.chars().count() <= 1
        && rest.chars().all(|c| c.is_ascii_alphabetic())
}

/// A list that gives the street and the house number in columns of their own ("Vej" | "Nr.",
/// "Gatenavn" | "Husnr" | "Bokstav", "Hus nr." | "Vejnavn"): the street column (an address column
/// holding no number, or a column no list of names knows) in nearly every row on at most half as
/// many streets as rows, and right after or before it a column of house numbers (a share number's
/// "Nr.", the board's, or a column no list knows), perhaps then a column of single letters. Read as one address per row ("Mosevej 7", "Granvegen 12 A"): the
/// table returned holds the joined address in the street column, which is then the address; a
/// house-number column read as the share number that repeats (the flats of one house) is no longer
/// read as one. `None`, and the columns untouched, when the list has no such columns. Without it an
/// association of row houses had no house the register knew, and a block's flats no address.
fn addresses_from_parts(
    table: &Table,
    header_index: usize,
    columns: &mut [Column],
) -> Option<(Table, String, u32)> {
    let rows: Vec<usize> = (header_index + 1..table.rows.len())
        .filter(|&i| table.rows[i].cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.len() < 3 {
        return None;
    }
    let cell = |r: usize, i: u32| table.rows[r].cells.get(i as usize).map_or("", |c| c.trim());
    let open = |c: &Column, f: Field| {
        c.mapped_by == MappedBy::Unmapped
            || (c.mapped_by == MappedBy::Automatic && c.field == Some(f))
    };
    let nearly_all = |n: usize| n * 10 >= rows.len() * 9;
    // A list with whole addresses has its street and number together already.
    let whole = columns.iter().any(|c| {
        c.field == Some(Field::Address)
            && rows
                .iter()
                .any(|&r| cell(r, c.index).contains(|d: char| d.is_ascii_digit()))
    });
    if whole {
        return None;
    }
    let street = columns.iter().position(|c| {
        let names: Vec<String> = rows
            .iter()
            .map(|&r| cell(r, c.index))
            .filter(|v| street_name(v))
            .map(str::to_lowercase)
            .collect();
        let distinct: HashSet<&String> = names.iter().collect();
        open(c, Field::Address) && nearly_all(names.len()) && distinct.len() * 2 <= names.len()
    })?;
    // The house number right beside the street, after it or before it, as lists that part them
    // write it; a column the board gave as the share number is still the house's number.
    let numbered = |c: &Column| {
        let numbers = rows
            .iter()
            .filter(|&&r| house_number(cell(r, c.index)))
            .count();
        (open(c, Field::Share) || c.field == Some(Field::Share)) && nearly_all(numbers)
    };
    // Before the street only a column no list knows, or the board's: a share number's "Nr." before a
    // column of words is as likely a town ("Nr." | "Kommune").
    let before = |c: &Column| c.mapped_by != MappedBy::Automatic;
    let number = if columns.get(street + 1).is_some_and(numbered) {
        street + 1
    } else {
        let i = street.checked_sub(1)?;
        columns
            .get(i)
            .is_some_and(|c| numbered(c) && before(c))
            .then_some(i)?
    };
    // A column of single letters right after the number: the house's letter.
    let letter = columns.get(number + 1).filter(|c| {
        let filled: Vec<&str> = rows
            .iter()
            .map(|&r| cell(r, c.index))
            .filter(|v| !v.is_empty())
            .collect();
        c.mapped_by == MappedBy::Unmapped
            && !filled.is_empty()
            && filled
                .iter()
                .all(|v| v.chars().count() == 1 && v.chars().all(|l| l.is_ascii_alphabetic()))
    });
    let (si, ni, li) = (
        columns[street].index as usize,
        columns[number].index as usize,
        letter.map(|c| c.index as usize),
    );
    let mut headers = format!(
        "\"{}\" and \"{}\"",
        columns[street].header, columns[number].header
    );
    if let Some(l) = letter {
        headers = format!(
            "\"{}\", \"{}\" and \"{}\"",
            columns[street].header, columns[number].header, l.header
        );
    }
    let mut composed = table.clone();
    for &r in &rows {
        let cells = &mut composed.rows[r].cells;
        let part = |i: usize| cells.get(i).map_or(String::new(), |c| tidy(c));
        let (s, n) = (part(si), part(ni));
        if !street_name(&s) || !house_number(&n) {
            continue;
        }
        let l = li.map(part).unwrap_or_default();
        let joined = tidy(&format!("{s} {n} {l}"));
        if let Some(c) = cells.get_mut(si) {
            *c = joined;
        }
    }
    // A house number that repeats names no unit on its own.
    let numbers: Vec<&str> = rows
        .iter()
        .map(|&r| cell(r, columns[number].index))
        .collect();
    let distinct: HashSet<&&str> = numbers.iter().collect();
    if columns[number].field == Some(Field::Share)
        && columns[number].mapped_by == MappedBy::Automatic
        && distinct.len() < numbers.len()
    {
        columns[number].field = None;
        columns[number].mapped_by = MappedBy::Unmapped;
    }
    columns[street].field = Some(Field::Address);
    columns[street].mapped_by = MappedBy::Automatic;
    Some((composed, headers, columns[street].index))
}

/// Headers (normalised) that name a house's number: "Hus nr", "Husnr.", "Husnummer", "House no".
const HOUSE_NUMBER_HEADERS: &[&str] = &[
    "hus",
    "hus nr",
    "husnr",
    "hus nummer",
    "husnummer",
    "hus no",
    "house",
    "house no",
    "house number",
];

/// A column of house numbers alone under a header that says so ("Hus nr" | 2, 4, 6 ...), in a list
/// with no address column and no street column beside it: a row-house association's list that
/// leaves out the one street its houses lie on (it groups them by path instead: "Sti A"). Read as the
/// units' addresses, the numbers alone; the redaction puts them on the street the association's name
/// or address gives. Every house once (a number that repeats is a block's, several homes) and in
/// nearly every row. Without it the list's houses had no address and the minutes' "Street 26",
/// "nr. 16" were no one's home. A list with an address column keeps it (where a house column became
/// the address beside one, the houses lost their streets: e074069).
fn house_numbers_by_header(table: &Table, header_index: usize, columns: &mut [Column]) -> bool {
    if columns.iter().any(|c| c.field == Some(Field::Address)) {
        return false;
    }
    let rows: Vec<&super::read::Row> = table.rows[header_index + 1..]
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    if rows.is_empty() {
        return false;
    }
    for column in columns.iter_mut().filter(|c| {
        c.field.is_none()
            && c.mapped_by == MappedBy::Unmapped
            && HOUSE_NUMBER_HEADERS.contains(&columns::normalise(&c.header).as_str())
    }) {
        let numbers: Vec<String> = rows
            .iter()
            .map(|r| r.cells.get(column.index as usize).map_or("", |c| c.trim()))
            .filter(|v| house_number(v))
            .map(|v| v.replace(' ', "").to_lowercase())
            .collect();
        let distinct: HashSet<&String> = numbers.iter().collect();
        if numbers.len() * 10 >= rows.len() * 9 && distinct.len() == numbers.len() {
            column.field = Some(Field::Address);
            column.mapped_by = MappedBy::Automatic;
            return true;
        }
    }
    false
}

/// Whether a cell reads as a flat's own code: one to six letters and digits with one to five
/// digits, perhaps joined by a hyphen ("H0101", "1-UA", "U101", "1102", "2B"); no phone number, no
/// date, no year, no share of the costs ("4,12", "46/1000").
fn flat_code(cell: &str) -> bool {
    let cell = cell.trim();
    let digits = cell.chars().filter(char::is_ascii_digit).count();
    (1..=6).contains(&cell.chars().count())
        && (1..=5).contains(&digits)
        && cell.chars().all(|c| c.is_alphanumeric() || c == '-')
        && !cell.starts_with('-')
        && !cell.ends_with('-')
        && values::year(cell).is_none()
        && values::date(cell).is_none()
}

/// A column whose header no list of names knows, in a list with addresses but neither share nor flat
/// numbers, whose values are flat codes ("H0101", "1-UA") in nearly every row and tell apart the rows
/// at an address that several rows share: the flats' own numbers, under a header no list of names
/// holds ("Husvære", "Nøkkel"; Nynorsk's "Bustadnr" until it was listed). Without it the flats of a block became one unit with
/// every resident of the block as its owners, so the block's address ("the meeting room in Street
/// 4") was taken for one resident's home. Read as the flat number, and [`plan`] says so; a column the
/// board chose to leave out stays out.
fn flats_by_value(table: &Table, header_index: usize, columns: &mut [Column]) {
    let has = |f: Field| columns.iter().any(|c| c.field == Some(f));
    if !has(Field::Address) || has(Field::Share) || has(Field::Flat) {
        return;
    }
    let Some(address) = columns
        .iter()
        .find(|c| c.field == Some(Field::Address))
        .map(|c| c.index as usize)
    else {
        return;
    };
    let rows: Vec<&super::read::Row> = table.rows[header_index + 1..]
        .iter()
        .filter(|r| r.cells.iter().any(|c| !c.trim().is_empty()))
        .collect();
    let cell = |r: &super::read::Row, i: usize| r.cells.get(i).map_or(String::new(), |c| tidy(c));
    // Only where the address alone does not tell the rows apart: a block of flats.
    let addresses: HashSet<String> = rows
        .iter()
        .map(|r| name_key(&cell(r, address)))
        .filter(|a| !a.is_empty())
        .collect();
    if rows.len() < 3 || addresses.len() * 2 > rows.len() {
        return;
    }
    for column in columns
        .iter_mut()
        .filter(|c| c.field.is_none() && c.mapped_by == MappedBy::Unmapped)
    {
        let i = column.index as usize;
        let codes: Vec<(String, String)> = rows
            .iter()
            .filter(|r| flat_code(&cell(r, i)))
            .map(|r| (name_key(&cell(r, address)), name_key(&cell(r, i))))
            .collect();
        let distinct: HashSet<&(String, String)> = codes.iter().collect();
        let values: HashSet<&String> = codes.iter().map(|(_, v)| v).collect();
        // Nearly every row, each flat once at its address (a column of floors, several flats on
        // each, is not one), and more than two codes.
        if codes.len() * 10 >= rows.len() * 9
            && distinct.len() * 10 >= codes.len() * 9
            && values.len() >= 3
        {
            column.field = Some(Field::Flat);
            column.mapped_by = MappedBy::Automatic;
            return;
        }
    }
}

pub(super) fn plan(
    conn: &Connection,
    table: &Table,
    given: &[(String, Field)],
    remembered: &BTreeMap<String, Field>,
    today: NaiveDate,
) -> Result<Planned, Error> {
    let non_empty: Vec<usize> = table
        .rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.cells.iter().any(|c| !c.trim().is_empty()))
        .map(|(i, _)| i)
        .collect();
    let first = *non_empty.first().ok_or(Error::Empty)?;
    // The header is the first of the first rows with at least two known columns; some exports
    // put a title line ("Beboerliste pr. 1.1.2025") above it.
    let clear_header = non_empty
        .iter()
        .take(10)
        .copied()
        .find(|&i| useful(&map_columns(&table.rows[i].cells, given, remembered)) >= 2);
    let header_index = clear_header.unwrap_or(first);
    let header = &table.rows[header_index];
    if clear_header.is_some() {
        check_widths(table, header_index)?;
    }
    let mut columns = map_columns(&header.cells, given, remembered);
    let composed = addresses_from_parts(table, header_index, &mut columns);
    let table = composed.as_ref().map_or(table, |(t, _, _)| t);
    addresses_by_value(table, header_index, &mut columns);
    let house_numbers = house_numbers_by_header(table, header_index, &mut columns);
    flats_by_value(table, header_index, &mut columns);
    let found = columns
        .iter()
        .map(|c| format!("\"{}\"", c.header))
        .collect::<Vec<_>>()
        .join(", ");
    for (column, _) in given {
        let n = columns::normalise(column);
        if !columns.iter().any(|c| columns::normalise(&c.header) == n) {
            return Err(Error::UnknownColumn {
                column: column.clone(),
                found,
            });
        }
    }
    let has = |fields: &[Field]| {
        columns
            .iter()
            .any(|c| c.field.is_some_and(|f| fields.contains(&f)))
    };
    if !has(&[Field::Share, Field::Flat, Field::Address]) {
        return Err(Error::MissingColumn {
            missing: "the share or flat number",
            found,
        });
    }
    if !has(&[
        Field::Name,
        Field::CoOwner,
        Field::FirstName,
        Field::LastName,
    ]) {
        return Err(Error::MissingColumn {
            missing: "the owners' names",
            found,
        });
    }

    let mut notes = Vec::new();
    let unit_addresses = unit_column_of_addresses(table, header_index, &columns);
    if let Some(c) = columns.iter().find(|c| Some(c.index) == unit_addresses) {
        notes.push(format!(
            "The column \"{}\" holds street addresses: read as the units' addresses too.",
            c.header
        ));
    }
    if let Some((_, headers, _)) = &composed {
        notes.push(format!(
            "The columns {headers} hold the street and the house number: read together as the units' addresses."
        ));
    }
    for c in &columns {
        if c.field == Some(Field::Address)
            && c.mapped_by == MappedBy::Automatic
            && columns::recognise(&c.header).is_none()
            && composed
                .as_ref()
                .is_none_or(|(_, _, street)| *street != c.index)
        {
            notes.push(if house_numbers {
                format!(
                    "The column \"{}\" holds house numbers without a street: read as the units' addresses, on the association's street.",
                    c.header
                )
            } else {
                format!(
                    "The column \"{}\" holds street addresses: read as the units' addresses.",
                    c.header
                )
            });
        }
        if c.field == Some(Field::Flat)
            && c.mapped_by == MappedBy::Automatic
            && columns::recognise(&c.header).is_none()
        {
            notes.push(format!(
                "The column \"{}\" tells apart the flats at one address: read as the flat numbers.",
                c.header
            ));
        }
    }
    for c in &columns {
        if c.field == Some(Field::NationalId) {
            notes.push(format!(
                "The column \"{}\" was not read: Andel never stores national identity numbers.",
                c.header
            ));
        }
    }

    let mut rejected = Vec::new();
    let mut warnings = Vec::new();
    let mut years_only: Vec<String> = Vec::new();
    let mut listed: Vec<ListedUnit> = Vec::new();
    let mut by_key: HashMap<String, usize> = HashMap::new();
    // Numbers the list gives at two addresses or more: the tax agency's flat numbers ("1001") and
    // many associations' own restart in each building, so the number names a unit only together
    // with its address there (keyed by the number alone, the second building's residents were
    // filed under the first building's flats).
    let at_addresses = numbers_at_addresses(table, header_index, &columns);
    // Units named by a row that was not taken: their owners are not ended because of it (the
    // row may well list them; it just could not be read).
    let mut held: HashMap<String, u32> = HashMap::new();
    let width = header.cells.len();
    // The unit cells of the row before, for a further owner's row under it.
    let mut carried: Option<Carried> = None;
    let numbered = columns
        .iter()
        .any(|c| matches!(c.field, Some(Field::Share | Field::Flat)));
    let mut further_owners: Vec<u32> = Vec::new();
    for row in &table.rows[header_index + 1..] {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let extra = row
            .cells
            .iter()
            .skip(width)
            .filter(|c| !c.trim().is_empty())
            .count();
        if extra > 0 {
            rejected.push(RowIssue::new(
                row.number,
                RowProblem::TooManyValues {
                    values: (width + extra) as u32,
                    columns: width as u32,
                },
            ));
            continue;
        }
        // Read the cells, taking national IDs out of every value.
        let mut cells: Vec<(Field, &Column, String)> = Vec::new();
        for c in &columns {
            let Some(field) = c.field else { continue };
            if field == Field::NationalId {
                continue;
            }
            let raw = row
                .cells
                .get(c.index as usize)
                .map(String::as_str)
                .unwrap_or("");
            let (clean, found) = guard::remove(raw);
            if let Some(kind) = found.first() {
                warnings.push(RowIssue::new(
                    row.number,
                    RowProblem::NationalId {
                        column: c.header.clone(),
                        id: *kind,
                    },
                ));
            }
            let clean = tidy(&clean);
            if !clean.is_empty() {
                cells.push((field, c, clean));
            }
        }
        let first_of = |f: Field| {
            cells
                .iter()
                .find(|(g, _, _)| *g == f)
                .map(|(_, _, v)| v.clone())
        };
        let mut share = first_of(Field::Share);
        let mut flat = first_of(Field::Flat);
        let mut address = first_of(Field::Address).or_else(|| {
            cells
                .iter()
                .find(|(_, c, v)| Some(c.index) == unit_addresses && street_address(v).is_some())
                .map(|(_, _, v)| v.clone())
        });
        let mut floor = first_of(Field::Floor);
        // "Lejl.: 1. sal", "st. tv.": a flat column that holds the floor and side, beside a share number
        // that names the unit, is the unit's floor (so that the register knows "Street 22, 1. sal").
        if floor.is_none() && share.is_some() && flat.as_deref().is_some_and(floor_shaped) {
            floor = flat.take();
        }
        // A further owner on a row of their own, right under a row taken with its owner, with the
        // unit's cells left empty (a merged cell in the spreadsheet): an owner of the unit above.
        // Or with the unit's number left empty and its address (and floor) repeated, in a list that
        // numbers its units: the unit above too, not a unit of its own named by the address.
        let unit_cells_empty = share.is_none() && flat.is_none() && address.is_none();
        let numbers_left_out = share.is_none() && flat.is_none() && numbered;
        if let Some(above) = carried.as_ref().filter(|a| a.row + 1 == row.number) {
            let same_place = address.is_some()
                && above.address.as_deref().map(name_key) == address.as_deref().map(name_key)
                && (floor.is_none() || floor == above.floor);
            if (unit_cells_empty || (numbers_left_out && same_place)) && owner_row(&cells) {
                share.clone_from(&above.share);
                flat.clone_from(&above.flat);
                address.clone_from(&above.address);
                floor.clone_from(&above.floor);
                further_owners.push(row.number);
            }
        }
        let number = match (&share, &flat, &address) {
            (Some(s), _, _) => s.clone(),
            (None, Some(f), _) => f.clone(),
            (None, None, Some(a)) => tidy(&format!("{a} {}", floor.clone().unwrap_or_default())),
            (None, None, None) => {
                rejected.push(RowIssue::new(row.number, RowProblem::NoUnit));
                continue;
            }
        };
        // Owners: every name and co-owner cell, each of which may hold several people.
        let mut names: Vec<String> = Vec::new();
        for (f, _, v) in &cells {
            if matches!(f, Field::Name | Field::CoOwner) {
                names.extend(values::names(v));
            }
        }
        let first_name = first_of(Field::FirstName);
        let last_name = first_of(Field::LastName);
        if first_name.is_some() || last_name.is_some() {
            let full = tidy(&format!(
                "{} {}",
                first_name.unwrap_or_default(),
                last_name.unwrap_or_default()
            ));
            names.extend(values::names(&full));
        }
        if names.is_empty() {
            rejected.push(RowIssue::new(row.number, RowProblem::NoName));
            held.entry(name_key(&number)).or_insert(row.number);
            continue;
        }
        // A row taken with its owner: the unit a further owner's row under it belongs to.
        carried = Some(Carried {
            row: row.number,
            share: share.clone(),
            flat: flat.clone(),
            address: address.clone(),
            floor: floor.clone(),
        });
        let moved_in = match cells.iter().find(|(f, _, _)| *f == Field::MovedIn) {
            Some((_, c, v)) => match values::date(v) {
                Some(d) => Some(d),
                // A year alone names no day: the owner is taken without a moved-in date, and
                // the report says so once for the column.
                None if values::year(v).is_some() => {
                    if !years_only.contains(&c.header) {
                        years_only.push(c.header.clone());
                    }
                    None
                }
                None => {
                    rejected.push(RowIssue::new(
                        row.number,
                        RowProblem::BadDate {
                            column: c.header.clone(),
                            value: v.clone(),
                        },
                    ));
                    held.entry(name_key(&number)).or_insert(row.number);
                    continue;
                }
            },
            None => None,
        };
        let phone = first_of(Field::Phone);
        let mut emails = Vec::new();
        if let Some((_, c, v)) = cells.iter().find(|(f, _, _)| *f == Field::Email) {
            for e in values::emails(v) {
                if looks_like_email(&e) {
                    emails.push(e);
                } else {
                    warnings.push(RowIssue::new(
                        row.number,
                        RowProblem::BadEmail {
                            column: c.header.clone(),
                            value: e,
                        },
                    ));
                }
            }
        }
        if let Some(flag) = first_of(Field::Sublet) {
            if values::yes(&flag) {
                notes.push(format!(
                    "Unit {number} is marked as sublet in the list (row {}). Sublets need the board's decision: record it under Sublets.",
                    row.number
                ));
            }
        }

        // A share number identifies a unit on its own. A flat number may repeat between
        // staircases (H0101 in Elvebakken 3 and in Elvebakken 5), so without share numbers the
        // address is part of the key.
        let repeated = at_addresses
            .get(&name_key(&number))
            .is_some_and(|a| a.len() > 1);
        let key = match (&share, &address) {
            (None, Some(a)) if flat.is_some() => format!("{}|{}", name_key(&number), name_key(a)),
            (Some(_), Some(a)) if repeated => format!("{}|{}", name_key(&number), name_key(a)),
            _ => name_key(&number),
        };
        let idx = *by_key.entry(key).or_insert_with(|| {
            listed.push(ListedUnit {
                number: number.clone(),
                ..Default::default()
            });
            listed.len() - 1
        });
        let unit = &mut listed[idx];
        if share.is_some() {
            unit.flat = unit.flat.take().or(flat);
        }
        unit.address = unit.address.take().or(address);
        unit.postcode_city = unit.postcode_city.take().or(first_of(Field::PostcodeCity));
        unit.floor = unit.floor.take().or(floor);
        for (i, name) in names.into_iter().enumerate() {
            let owner = ListedOwner {
                phone: if i == 0 { phone.clone() } else { None },
                email: emails.get(i).cloned(),
                moved_in,
                name,
            };
            match unit
                .owners
                .iter_mut()
                .find(|o| name_key(&o.name) == name_key(&owner.name))
            {
                Some(o) => {
                    o.phone = o.phone.take().or(owner.phone);
                    o.email = o.email.take().or(owner.email);
                    o.moved_in = o.moved_in.or(owner.moved_in);
                }
                None => unit.owners.push(owner),
            }
        }
    }

    if !further_owners.is_empty() {
        let rows: Vec<String> = further_owners.iter().map(u32::to_string).collect();
        notes.push(format!(
            "{} {} no unit: read as a further owner of the unit on the row above.",
            if rows.len() == 1 { "Row" } else { "Rows" },
            rows.join(", ") + if rows.len() == 1 { " gives" } else { " give" },
        ));
    }
    for column in years_only {
        notes.push(format!(
            "The column \"{column}\" gives the year an owner moved in, not the day; those owners were taken without a moved-in date."
        ));
    }

    // Flat numbers that repeat at different addresses become "address flat" so that each unit
    // keeps a number of its own.
    let mut seen: HashMap<String, usize> = HashMap::new();
    for u in &listed {
        *seen.entry(name_key(&u.number)).or_default() += 1;
    }
    for u in &mut listed {
        if seen.get(&name_key(&u.number)).is_some_and(|n| *n > 1) {
            if let Some(a) = &u.address {
                u.number = format!("{a} {}", u.number);
            }
        }
    }

    compare(
        conn,
        table,
        header.number,
        columns,
        listed,
        held,
        rejected,
        warnings,
        notes,
        today,
    )
}

/// The unit cells of a row, carried to a further owner's row right under it.
struct Carried {
    row: u32,
    share: Option<String>,
    flat: Option<String>,
    address: Option<String>,
    floor: Option<String>,
}

/// Whether a row without a unit names an owner and nothing else a list's rows of headings, totals and
/// notes hold: a name (no digit, no colon: "I alt 24 andele", "Obs: fremlejet" are none).
fn owner_row(cells: &[(Field, &Column, String)]) -> bool {
    let named = cells
        .iter()
        .filter(|(f, _, _)| {
            matches!(
                f,
                Field::Name | Field::CoOwner | Field::FirstName | Field::LastName
            )
        })
        .collect::<Vec<_>>();
    !named.is_empty()
        && named.iter().all(|(_, _, v)| {
            !v.contains(|c: char| c.is_ascii_digit() || c == ':')
                && v.chars().filter(|c| c.is_alphabetic()).count() >= 4
        })
}

/// For each share or flat number of the list (by [`name_key`]), the addresses it is given at (by
/// [`name_key`]); rows without an address add none.
fn numbers_at_addresses(
    table: &Table,
    header_index: usize,
    columns: &[Column],
) -> HashMap<String, HashSet<String>> {
    let cell = |cells: &[String], field: Field| {
        columns
            .iter()
            .filter(|c| c.field == Some(field))
            .filter_map(|c| cells.get(c.index as usize))
            .map(|v| tidy(v))
            .find(|v| !v.is_empty())
    };
    let mut out: HashMap<String, HashSet<String>> = HashMap::new();
    for row in &table.rows[header_index + 1..] {
        let number = cell(&row.cells, Field::Share).or_else(|| cell(&row.cells, Field::Flat));
        if let (Some(n), Some(a)) = (number, cell(&row.cells, Field::Address)) {
            out.entry(name_key(&n)).or_default().insert(name_key(&a));
        }
    }
    out
}

/// In a CSV file whose header is clear, every row has the header's number of fields: a row with
/// fewer or more was cut, or has a separator in a value without quotes, so its values sit under
/// the wrong columns (a phone number read as a name, a unit's owner missing and so "moved
/// out"). The whole file is refused with the line, rather than imported with such rows left out.
/// Empty fields beyond the header (a trailing separator) are no value and pass; a spreadsheet
/// has no fields to count (a cell beyond the header is reported by its row).
fn check_widths(table: &Table, header_index: usize) -> Result<(), Error> {
    if !matches!(table.source, super::Source::Text { .. }) {
        return Ok(());
    }
    let header = &table.rows[header_index];
    let width = header.cells.len();
    // Trailing empty header cells (a separator at the end of the header line) need no value.
    let named = header
        .cells
        .iter()
        .rposition(|c| !c.trim().is_empty())
        .map_or(0, |i| i + 1);
    for row in &table.rows[header_index + 1..] {
        if row.cells.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        let fields = row.cells.len();
        let filled = row
            .cells
            .iter()
            .rposition(|c| !c.trim().is_empty())
            .map_or(0, |i| i + 1);
        if fields < named || filled > width {
            let found = if fields < named { fields } else { filled };
            return Err(Error::Malformed {
                line: row.number,
                why: format!(
                    "it has {found} fields, but the header on line {} has {width} columns; a line may be cut short, or a value may hold the separator without quotation marks around it",
                    header.number
                ),
            });
        }
    }
    Ok(())
}

/// Compares what the list holds with the register and writes the steps.
#[allow(clippy::too_many_arguments)]
fn compare(
    conn: &Connection,
    table: &Table,
    header_row: u32,
    columns: Vec<Column>,
    listed: Vec<ListedUnit>,
    held: HashMap<String, u32>,
    rejected: Vec<RowIssue>,
    warnings: Vec<RowIssue>,
    mut notes: Vec<String>,
    today: NaiveDate,
) -> Result<Planned, Error> {
    let failed = |e: &dyn std::fmt::Display| Error::Failed {
        code: crate::ErrorCode::Internal,
        message: e.to_string(),
    };
    let mut steps = Vec::new();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    let mut ended = Vec::new();
    let open = ownership::open(conn).map_err(|e| failed(&e))?;
    let open_before = open.len() as u32;
    let mut open_by_unit: HashMap<Id, Vec<ownership::Ownership>> = HashMap::new();
    for o in open {
        open_by_unit.entry(o.unit_id).or_default().push(o);
    }
    // Who is who. A listed owner is a person already in the register when the name matches and
    // so does the unit (they own or owned it), or a phone number or e-mail address; otherwise
    // they are someone new, even when the register has someone else of that name. Two residents
    // called Jens Hansen are two people, each with their own contact data.
    let mut planned = PlannedPeople::default();
    // Where each new person's AddPerson step is in `steps` (until they are sorted at the end).
    let mut added_at: HashMap<usize, usize> = HashMap::new();
    let mut known_people: HashMap<String, Vec<people::Person>> = HashMap::new();
    for p in people::all(conn).map_err(|e| failed(&e))? {
        known_people.entry(name_key(&p.name)).or_default().push(p);
    }
    let owned_units = owned_units(conn).map_err(|e| failed(&e))?;
    let conflicts = contact_conflicts(conn, &listed).map_err(|e| failed(&e))?;
    let mut warned: HashSet<Id> = HashSet::new();
    let mut new_people = 0usize;
    let mut new_units = 0usize;
    let mut listed_units: Vec<Id> = Vec::new();
    let mut distinct_people: HashSet<(bool, usize)> = HashSet::new();
    let mut ownerships = 0u32;

    for unit in &listed {
        ownerships += unit.owners.len() as u32;
        let existing = units::find(conn, &unit.number).map_err(|e| failed(&e))?;
        let (unit_ref, had_owners, current) = match &existing {
            Some(u) => {
                listed_units.push(u.id);
                let mut changes = UnitFields::default();
                let mut what: Vec<(&str, &str)> = Vec::new();
                let mut diff =
                    |new: &Option<String>,
                     old: &Option<String>,
                     slot: &mut Option<String>,
                     field: (&'static str, &'static str)| {
                        if let Some(n) = new {
                            if Some(n) != old.as_ref() {
                                *slot = Some(n.clone());
                                what.push(field);
                            }
                        }
                    };
                diff(
                    &unit.flat,
                    &u.flat,
                    &mut changes.flat,
                    ("flat", "flat number"),
                );
                diff(
                    &unit.address,
                    &u.address,
                    &mut changes.address,
                    ("address", "address"),
                );
                diff(
                    &unit.postcode_city,
                    &u.postcode_city,
                    &mut changes.postcode_city,
                    ("postcode_city", "postcode and town"),
                );
                diff(
                    &unit.floor,
                    &u.floor_side,
                    &mut changes.floor_side,
                    ("floor", "floor"),
                );
                if !what.is_empty() {
                    changed.push(Change {
                        unit: u.number.clone(),
                        person: None,
                        kind: ChangeKind::Unit,
                        on: None,
                        fields: what.iter().map(|(f, _)| f.to_string()).collect(),
                        detail: what.iter().map(|(_, l)| *l).collect::<Vec<_>>().join(", "),
                    });
                    steps.push(Step::UpdateUnit(u.id, changes));
                }
                let current = open_by_unit.remove(&u.id).unwrap_or_default();
                (UnitRef::Existing(u.id), !current.is_empty(), current)
            }
            None => {
                let idx = new_units;
                new_units += 1;
                steps.push(Step::AddUnit(
                    idx,
                    UnitFields {
                        number: Some(unit.number.clone()),
                        flat: unit.flat.clone(),
                        address: unit.address.clone(),
                        postcode_city: unit.postcode_city.clone(),
                        floor_side: unit.floor.clone(),
                    },
                ));
                (UnitRef::New(idx), false, Vec::new())
            }
        };

        // Owners no longer listed: their ownership ends the day the new owner took over, or
        // today when the list does not say.
        let new_owners: Vec<&ListedOwner> = unit
            .owners
            .iter()
            .filter(|l| {
                !current
                    .iter()
                    .any(|c| name_key(&c.person_name) == name_key(&l.name))
            })
            .collect();
        let handover = new_owners
            .iter()
            .filter_map(|o| o.moved_in)
            .min()
            .unwrap_or(today);
        for c in &current {
            match unit
                .owners
                .iter()
                .find(|l| name_key(&l.name) == name_key(&c.person_name))
            {
                Some(l) => {
                    let mut what: Vec<String> = Vec::new();
                    let mut fields_changed: Vec<String> = Vec::new();
                    let mut on = None;
                    if let Some(d) = l.moved_in.filter(|d| Some(*d) != c.from) {
                        if c.to.is_none_or(|t| t >= d) {
                            steps.push(Step::SetStart(c.id, Some(d)));
                            what.push(format!("moved in {}", iso(d)));
                            fields_changed.push("moved_in".into());
                            on = Some(d);
                        }
                    }
                    let person = people::get(conn, c.person_id).map_err(|e| failed(&e))?;
                    // One record listed with different contact data in two units: an earlier
                    // Andel merged two people of one name. Nothing is overwritten; the board is
                    // told to split the record.
                    let fields = if conflicts.contains(&c.person_id) {
                        if warned.insert(c.person_id) {
                            notes.push(format!(
                                "{} (person #{}) is listed with different phone numbers or e-mail addresses for different units, but the register holds one person for them (an earlier version of Andel merged people with the same name). Their contact data was left as it is: if they are two people, split the record on the person's page or with `andel people split`.",
                                c.person_name, c.person_id
                            ));
                        }
                        PersonFields::default()
                    } else {
                        contact_changes(&person, l)
                    };
                    if fields != PersonFields::default() {
                        if fields.phone.is_some() {
                            what.push("phone".into());
                            fields_changed.push("phone".into());
                        }
                        if fields.email.is_some() {
                            what.push("e-mail".into());
                            fields_changed.push("email".into());
                        }
                        steps.push(Step::UpdatePerson(c.person_id, fields));
                    }
                    distinct_people.insert(PersonRef::Existing(c.person_id).key());
                    planned.push(PlannedPerson {
                        key: name_key(&l.name),
                        phone: l.phone.clone().or(person.phone.clone()),
                        email: l.email.clone().or(person.email.clone()),
                        person: PersonRef::Existing(c.person_id),
                    });
                    if !what.is_empty() {
                        changed.push(Change {
                            unit: unit.number.clone(),
                            person: Some(c.person_name.clone()),
                            kind: ChangeKind::Owner,
                            on,
                            fields: fields_changed,
                            detail: what.join(", "),
                        });
                    }
                }
                None if held.contains_key(&name_key(&unit.number)) => {}
                None => {
                    let on = c.from.map_or(handover, |f| handover.max(f));
                    steps.push(Step::End(c.id, on));
                    ended.push(Change {
                        unit: unit.number.clone(),
                        person: Some(c.person_name.clone()),
                        kind: ChangeKind::NoLongerListed,
                        on: Some(on),
                        fields: Vec::new(),
                        detail: format!("no longer listed; moved out {}", iso(on)),
                    });
                }
            }
        }

        for l in new_owners {
            let key = name_key(&l.name);
            let unit_id = match unit_ref {
                UnitRef::Existing(id) => Some(id),
                UnitRef::New(_) => None,
            };
            // Someone this list already named for another unit, with the same phone or e-mail.
            let same_in_list = planned.find_mut(&key, |p| {
                shares_contact(p.phone.as_deref(), p.email.as_deref(), l)
            });
            let person = match same_in_list {
                Some(p) => {
                    // What this row adds to what the list said elsewhere (an e-mail address
                    // only one of the rows gives).
                    let mut more = PersonFields::default();
                    if p.phone.is_none() {
                        more.phone = l.phone.clone();
                        p.phone = l.phone.clone();
                    }
                    if p.email.is_none() {
                        more.email = l.email.clone();
                        p.email = l.email.clone();
                    }
                    if more != PersonFields::default() {
                        match p.person {
                            PersonRef::Existing(id) => steps.push(Step::UpdatePerson(id, more)),
                            PersonRef::New(idx) => {
                                let at = added_at.get(&idx).copied();
                                if let Some(Step::AddPerson(_, fields)) =
                                    at.and_then(|at| steps.get_mut(at))
                                {
                                    fields.phone = fields.phone.take().or(more.phone.clone());
                                    fields.email = fields.email.take().or(more.email.clone());
                                }
                            }
                        }
                    }
                    p.person
                }
                None => {
                    let namesakes = known_people.get(&key).cloned().unwrap_or_default();
                    // Someone in the register with this name who owned this unit before, or
                    // who has the listed phone or e-mail.
                    let matching: Vec<&people::Person> = namesakes
                        .iter()
                        .filter(|p| {
                            unit_id.is_some_and(|u| {
                                owned_units.get(&p.id).is_some_and(|us| us.contains(&u))
                            }) || shares_contact(p.phone.as_deref(), p.email.as_deref(), l)
                        })
                        .collect();
                    let p = if let [person] = matching.as_slice() {
                        let fields = contact_changes(person, l);
                        if fields != PersonFields::default() {
                            steps.push(Step::UpdatePerson(person.id, fields));
                        }
                        PersonRef::Existing(person.id)
                    } else {
                        if !namesakes.is_empty() || planned.has(&key) {
                            notes.push(format!(
                                "{} in unit {} has the same name as someone else in the register or the list, but no unit, phone number or e-mail address in common with them: Andel records them as a person of their own.",
                                l.name, unit.number
                            ));
                        }
                        let idx = new_people;
                        new_people += 1;
                        added_at.insert(idx, steps.len());
                        steps.push(Step::AddPerson(
                            idx,
                            PersonFields {
                                name: Some(l.name.clone()),
                                phone: l.phone.clone(),
                                email: l.email.clone(),
                                note: None,
                            },
                        ));
                        PersonRef::New(idx)
                    };
                    let (phone, email) = match p {
                        PersonRef::Existing(id) => {
                            let stored = namesakes.iter().find(|x| x.id == id);
                            (
                                l.phone.clone().or(stored.and_then(|x| x.phone.clone())),
                                l.email.clone().or(stored.and_then(|x| x.email.clone())),
                            )
                        }
                        PersonRef::New(_) => (l.phone.clone(), l.email.clone()),
                    };
                    planned.push(PlannedPerson {
                        key: key.clone(),
                        phone,
                        email,
                        person: p,
                    });
                    p
                }
            };
            distinct_people.insert(person.key());
            steps.push(Step::Start {
                unit: unit_ref,
                person,
                from: l.moved_in,
                propose_plate: had_owners,
            });
            added.push(Change {
                unit: unit.number.clone(),
                person: Some(l.name.clone()),
                kind: ChangeKind::NewOwner,
                on: l.moved_in,
                fields: Vec::new(),
                detail: match l.moved_in {
                    Some(d) => format!("new owner from {}", iso(d)),
                    None => "new owner".into(),
                },
            });
        }
    }

    // Units the list no longer has at all: their owners are no longer listed either.
    let mut rest: Vec<(Id, Vec<ownership::Ownership>)> = open_by_unit.into_iter().collect();
    rest.sort_by_key(|(id, _)| *id);
    for (_, owners) in rest {
        if let Some(row) = owners
            .first()
            .and_then(|c| held.get(&name_key(&c.unit_number)))
        {
            notes.push(format!(
                "Unit {} is named only in row {row}, which was not taken: its owners were left as they are.",
                owners[0].unit_number
            ));
            continue;
        }
        for c in owners {
            let on = c.from.map_or(today, |f| today.max(f));
            steps.push(Step::End(c.id, on));
            ended.push(Change {
                unit: c.unit_number.clone(),
                person: Some(c.person_name.clone()),
                kind: ChangeKind::UnitNotListed,
                on: Some(on),
                fields: Vec::new(),
                detail: format!("unit not in the list; moved out {}", iso(on)),
            });
        }
    }

    // Ends first, so a unit's new owners are its only owners when their name-plate draft is
    // proposed.
    steps.sort_by_key(|s| match s {
        Step::AddUnit(..) | Step::UpdateUnit(..) => 0,
        Step::End(..) => 1,
        Step::AddPerson(..) | Step::UpdatePerson(..) => 2,
        Step::Start { .. } | Step::SetStart(..) => 3,
    });

    let mass_end = super::mass_end(ended.len(), open_before);
    let takes_nothing = listed.is_empty() && !rejected.is_empty();
    Ok(Planned {
        preview: Preview {
            source: table.source.clone(),
            header_row,
            columns,
            units: listed.len() as u32,
            people: distinct_people.len() as u32,
            ownerships,
            added,
            changed,
            ended,
            rejected,
            warnings,
            notes,
            open_before,
            mass_end,
            takes_nothing,
            applied: false,
        },
        steps,
    })
}

/// A person the plan has placed, with the contact data that identifies them within the list.
struct PlannedPerson {
    key: String,
    phone: Option<String>,
    email: Option<String>,
    person: PersonRef,
}

/// The people placed so far, in order, found by name key. (A list searched from the start for
/// every new owner made planning quadratic in the number of owners: issue 12.)
#[derive(Default)]
struct PlannedPeople {
    people: Vec<PlannedPerson>,
    by_key: HashMap<String, Vec<usize>>,
}

impl PlannedPeople {
    fn push(&mut self, person: PlannedPerson) {
        self.by_key
            .entry(person.key.clone())
            .or_default()
            .push(self.people.len());
        self.people.push(person);
    }

    /// The first person placed with this name key for whom `matches` holds.
    fn find_mut(
        &mut self,
        key: &str,
        matches: impl Fn(&PlannedPerson) -> bool,
    ) -> Option<&mut PlannedPerson> {
        let i = self
            .by_key
            .get(key)?
            .iter()
            .copied()
            .find(|&i| matches(&self.people[i]))?;
        self.people.get_mut(i)
    }

    /// Has anyone with this name key been placed?
    fn has(&self, key: &str) -> bool {
        self.by_key.contains_key(key)
    }
}

impl PersonRef {
    fn key(self) -> (bool, usize) {
        match self {
            PersonRef::Existing(id) => (true, id as usize),
            PersonRef::New(idx) => (false, idx),
        }
    }
}

/// Digits of a phone number, without a country prefix, so "+45 20 30 40 50" and "20304050" are
/// the same number.
fn phone_digits(phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    let national = phone.trim_start().starts_with('+') || digits.starts_with("00");
    match (national, digits.len()) {
        (true, n) if n > 8 => digits[n - 8..].to_string(),
        _ => digits,
    }
}

/// Do the stored phone or e-mail and the listed owner's share a value?
fn shares_contact(phone: Option<&str>, email: Option<&str>, listed: &ListedOwner) -> bool {
    let same_phone = match (phone, listed.phone.as_deref()) {
        (Some(a), Some(b)) => {
            let (a, b) = (phone_digits(a), phone_digits(b));
            a.len() >= 6 && a == b
        }
        _ => false,
    };
    let same_email = match (email, listed.email.as_deref()) {
        (Some(a), Some(b)) => !a.trim().is_empty() && a.trim().eq_ignore_ascii_case(b.trim()),
        _ => false,
    };
    same_phone || same_email
}

/// The units each person owns or owned (any ownership, ended or not).
fn owned_units(conn: &Connection) -> rusqlite::Result<HashMap<Id, HashSet<Id>>> {
    let mut out: HashMap<Id, HashSet<Id>> = HashMap::new();
    let mut stmt = conn.prepare("SELECT person_id, unit_id FROM ownership")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, Id>(0)?, r.get::<_, Id>(1)?)))?;
    for row in rows {
        let (person, unit) = row?;
        out.entry(person).or_default().insert(unit);
    }
    Ok(out)
}

/// Records the list gives different phone numbers or e-mail addresses in different units: one
/// record standing for two people (merged by an earlier version of Andel).
fn contact_conflicts(conn: &Connection, listed: &[ListedUnit]) -> Result<HashSet<Id>, String> {
    let mut seen: HashMap<Id, (HashSet<String>, HashSet<String>)> = HashMap::new();
    for unit in listed {
        let Some(u) = units::find(conn, &unit.number).map_err(|e| e.to_string())? else {
            continue;
        };
        let current = ownership::of_unit(conn, u.id).map_err(|e| e.to_string())?;
        for c in current.iter().filter(|c| c.to.is_none()) {
            let Some(l) = unit
                .owners
                .iter()
                .find(|l| name_key(&l.name) == name_key(&c.person_name))
            else {
                continue;
            };
            let entry = seen.entry(c.person_id).or_default();
            if let Some(p) = &l.phone {
                entry.0.insert(phone_digits(p));
            }
            if let Some(e) = &l.email {
                entry.1.insert(e.trim().to_lowercase());
            }
        }
    }
    Ok(seen
        .into_iter()
        .filter(|(_, (phones, emails))| phones.len() > 1 || emails.len() > 1)
        .map(|(id, _)| id)
        .collect())
}

/// The contact fields the list has and the register does not (an empty cell keeps the value).
fn contact_changes(person: &people::Person, listed: &ListedOwner) -> PersonFields {
    let mut fields = PersonFields::default();
    if let Some(p) = listed.phone.as_ref().and_then(|p| opt(p)) {
        // The same number written another way ("+45 31 31 31 31", "31313131") is no change.
        if person.phone.as_deref().map(phone_digits) != Some(phone_digits(&p)) {
            fields.phone = Some(p);
        }
    }
    if let Some(e) = listed.email.as_ref().and_then(|e| opt(e)) {
        if person.email.as_deref().map(str::to_lowercase) != Some(e.to_lowercase()) {
            fields.email = Some(e);
        }
    }
    fields
}

impl Planned {
    /// Performs the steps on `conn` (the caller's transaction) and returns the preview.
    pub(super) fn carry_out(
        self,
        conn: &Connection,
        today: NaiveDate,
        actor: &str,
        now: DateTime<Utc>,
    ) -> Result<Preview, Error> {
        let failed = |code: crate::ErrorCode, e: &dyn std::fmt::Display| Error::Failed {
            code,
            message: e.to_string(),
        };
        let mut new_units: HashMap<usize, Id> = HashMap::new();
        let mut new_people: HashMap<usize, Id> = HashMap::new();
        for step in self.steps {
            match step {
                Step::AddUnit(idx, fields) => {
                    let u =
                        units::add(conn, &fields, actor, now).map_err(|e| failed(e.code(), &e))?;
                    new_units.insert(idx, u.id);
                }
                Step::UpdateUnit(id, fields) => {
                    units::update(conn, id, &fields, actor, now)
                        .map_err(|e| failed(e.code(), &e))?;
                }
                Step::End(id, on) => {
                    ownership::end(conn, id, on, actor, now).map_err(|e| failed(e.code(), &e))?;
                }
                Step::AddPerson(idx, fields) => {
                    let p =
                        people::add(conn, &fields, actor, now).map_err(|e| failed(e.code(), &e))?;
                    new_people.insert(idx, p.id);
                }
                Step::UpdatePerson(id, fields) => {
                    people::update(conn, id, &fields, actor, now)
                        .map_err(|e| failed(e.code(), &e))?;
                }
                Step::Start {
                    unit,
                    person,
                    from,
                    propose_plate,
                } => {
                    let unit = match unit {
                        UnitRef::Existing(id) => id,
                        UnitRef::New(idx) => *new_units.get(&idx).ok_or_else(|| {
                            failed(crate::ErrorCode::Internal, &"a planned unit was not added")
                        })?,
                    };
                    let person = match person {
                        PersonRef::Existing(id) => id,
                        PersonRef::New(idx) => *new_people.get(&idx).ok_or_else(|| {
                            failed(
                                crate::ErrorCode::Internal,
                                &"a planned person was not added",
                            )
                        })?,
                    };
                    ownership::start(conn, unit, person, from, propose_plate, today, actor, now)
                        .map_err(|e| failed(e.code(), &e))?;
                }
                Step::SetStart(id, from) => {
                    ownership::set_start(conn, id, from, actor, now)
                        .map_err(|e| failed(e.code(), &e))?;
                }
            }
        }
        Ok(self.preview)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(list: &str) -> Vec<(String, Option<Field>)> {
        let table = super::super::read(list.as_bytes()).unwrap();
        let (_, columns) = header_columns(&table, &[], &BTreeMap::new()).unwrap();
        columns.into_iter().map(|c| (c.header, c.field)).collect()
    }

    fn field_of(list: &str, header: &str) -> Option<Field> {
        fields(list)
            .into_iter()
            .find(|(h, _)| h == header)
            .and_then(|(_, f)| f)
    }

    /// Floors and sides as lists write them; flat numbers and codes are none.
    #[test]
    fn a_cell_shaped_as_a_floor_and_side() {
        for floor in [
            "1. sal",
            "st. tv.",
            "2. th.",
            "kl.",
            "3 tv",
            "1 tr",
            "bv",
            "2. etasje",
            "ST TH",
        ] {
            assert!(floor_shaped(floor), "{floor}");
        }
        for not in [
            "3",
            "12",
            "1102",
            "H0101",
            "A-12",
            "",
            "st. tv. nr. 4",
            "Lejl 4",
        ] {
            assert!(!floor_shaped(not), "{not}");
        }
    }

    #[test]
    fn street_names_and_house_numbers_apart() {
        for street in ["Mosevej", "Store Kongensgade", "Kv.haugv.", "Øvre Lia"] {
            assert!(street_name(street), "{street}");
        }
        for not in ["Mosevej 7", "", "A", "Et navn med alt for mange ord"] {
            assert!(!street_name(not), "{not}");
        }
        for number in ["7", "12A", "12 B", "140"] {
            assert!(house_number(number), "{number}");
        }
        for not in ["1001", "H0101", "12 AB", "st", "", "2.th"] {
            assert!(!house_number(not), "{not}");
        }
    }

    #[test]
    fn a_street_and_a_house_number_in_columns_of_their_own_are_one_address() {
        // Row houses: "Vej" no list knows, "Nr." read as the share number (each house once).
        let list = "Vej;Nr.;Navn\nMosevej;1;Ole Dam\nMosevej;3;Ida Lund\nTørvevej;2;Per Bak\nTørvevej;4;Eva Holm\n";
        let table = super::super::read(list.as_bytes()).unwrap();
        let mut columns = map_columns(&table.rows[0].cells, &[], &BTreeMap::new());
        let (composed, headers, street) = addresses_from_parts(&table, 0, &mut columns).unwrap();
        assert_eq!(headers, "\"Vej\" and \"Nr.\"");
        assert_eq!(street, 0);
        assert_eq!(composed.rows[3].cells[0], "Tørvevej 2");
        assert_eq!(columns[0].field, Some(Field::Address));
        assert_eq!(columns[1].field, Some(Field::Share));
        // A block: the street's column, the number, its letter; the repeated number is no share.
        let list = "Nr;Gatenavn;Husnr;Bokstav;Eier\n1;Granvegen;12;A;Ola Lie\n2;Granvegen;12;A;Kari Dal\n3;Granvegen;12;B;Per Ås\n4;Granvegen;14;A;Siv Moe\n";
        let table = super::super::read(list.as_bytes()).unwrap();
        let mut columns = map_columns(&table.rows[0].cells, &[], &BTreeMap::new());
        let (composed, headers, _) = addresses_from_parts(&table, 0, &mut columns).unwrap();
        assert_eq!(headers, "\"Gatenavn\", \"Husnr\" and \"Bokstav\"");
        assert_eq!(composed.rows[3].cells[1], "Granvegen 12 B");
        assert_eq!(columns[0].field, Some(Field::Share));
        // "Nr" before the street is the share; the house number after it is read as part of the address.
        assert_eq!(columns[2].field, None);
        let list = "Gade;Nr.;Navn\nSneppevej;14;Ole Dam\nSneppevej;14;Ida Lund\nSneppevej;16;Per Bak\nSneppevej;16;Eva Holm\n";
        let table = super::super::read(list.as_bytes()).unwrap();
        let mut columns = map_columns(&table.rows[0].cells, &[], &BTreeMap::new());
        addresses_from_parts(&table, 0, &mut columns).unwrap();
        assert_eq!(
            columns[1].field, None,
            "a house number shared by flats names no unit"
        );
        // The number before the street, under a header no list knows.
        let list = "Hus nr.;Vejnavn;Navn\n1;Mosehusvej;Ole Dam\n3;Mosehusvej;Ida Lund\n5;Mosehusvej;Per Bak\n";
        let table = super::super::read(list.as_bytes()).unwrap();
        let mut columns = map_columns(&table.rows[0].cells, &[], &BTreeMap::new());
        let (composed, headers, street) = addresses_from_parts(&table, 0, &mut columns).unwrap();
        assert_eq!(
            (headers.as_str(), street),
            ("\"Vejnavn\" and \"Hus nr.\"", 1)
        );
        assert_eq!(composed.rows[2].cells[1], "Mosehusvej 3");
    }

    #[test]
    fn columns_that_are_not_a_street_and_its_numbers_stay_as_they_were() {
        let none = |list: &str| {
            let table = super::super::read(list.as_bytes()).unwrap();
            let mut columns = map_columns(&table.rows[0].cells, &[], &BTreeMap::new());
            let before = columns.clone();
            let composed = addresses_from_parts(&table, 0, &mut columns);
            assert!(composed.is_none(), "{list}");
            assert_eq!(columns, before);
        };
        // Whole addresses already.
        none("Nr.;Adresse;Navn\n1;Mosevej 1;Ole Dam\n2;Mosevej 3;Ida Lund\n3;Mosevej 5;Per Bak\n");
        // A town's name beside a share number, not after a street.
        none("Nr.;Kommune;Navn\n1;Odense;Ole Dam\n2;Odense;Ida Lund\n3;Odense;Per Bak\n");
        none("Kommune;Navn;Nr.\nOdense;Ole Dam;1\nOdense;Ida Lund;2\nOdense;Per Bak;3\n");
        // Streets on as many streets as rows (where people came from).
        none("Tidligere;Nr.;Navn\nStorgata;1;Ole Dam\nElvegata;3;Ida Lund\nFjordvegen;5;Per Bak\n");
        // Numbers that are no house numbers (flat codes).
        none(
            "Vej;Lejl;Navn\nMosevej;H0101;Ole Dam\nMosevej;H0102;Ida Lund\nMosevej;H0201;Per Bak\n",
        );
    }

    /// Regression (a row-house list by house number and path, dev set 30): "Hus nr" | "Sti" ("2" |
    /// "Sti A") read the path as a street, so every house got the address "Sti A 2" and the
    /// minutes' "Street 26", "nr. 16" were no one's home. A word and a single letter names a path, a
    /// row or a block, no street; the house numbers under a header that says so, in a list with no
    /// address, are the units' addresses, which the redaction puts on the association's street. A
    /// list with an address column keeps it; a repeated number (a block's flats) is no house.
    #[test]
    fn regression_house_numbers_grouped_by_path_are_the_addresses() {
        let list = "Hus nr;Sti;Navn;Andel nr\n2;Sti A;Ole Dam;1\n4;Sti A;Ida Lund;2\n12;Sti B;Per Bak;5\n14;Sti B;Eva Holm;6\n";
        assert_eq!(
            fields(list),
            [
                ("Hus nr".to_string(), Some(Field::Address)),
                ("Sti".to_string(), None),
                ("Navn".to_string(), Some(Field::Name)),
                ("Andel nr".to_string(), Some(Field::Share)),
            ]
        );
        for group in ["Sti A", "Blok C", "Række B"] {
            assert!(!street_name(group), "{group}");
        }
        // With an address column beside it, the house number stays out (e074069).
        let with_address = "Hus nr;Adresse;Navn\n2;Kløvervej 2;Ole Dam\n4;Kløvervej 4;Ida Lund\n6;Kløvervej 6;Per Bak\n";
        assert_eq!(field_of(with_address, "Hus nr"), None);
        assert_eq!(field_of(with_address, "Adresse"), Some(Field::Address));
        // A number that repeats, a header that says nothing of houses.
        let repeated = "Hus nr;Navn;Andel nr\n2;Ole Dam;1\n2;Ida Lund;2\n4;Per Bak;3\n";
        assert_eq!(field_of(repeated, "Hus nr"), None);
        let other = "Kvm;Navn;Andel nr\n72;Ole Dam;1\n85;Ida Lund;2\n64;Per Bak;3\n";
        assert_eq!(field_of(other, "Kvm"), None);
    }

    fn unit_addresses(list: &str) -> Option<u32> {
        let table = super::super::read(list.as_bytes()).unwrap();
        let (i, columns) = header_columns(&table, &[], &BTreeMap::new()).unwrap();
        unit_column_of_addresses(&table, i, &columns)
    }

    #[test]
    fn a_unit_column_of_street_addresses_gives_the_units_addresses() {
        for list in [
            "Bolig nr;Eier\nLisletta 2;Kari Hovde\nLisletta 4;Odd Rekdal\nLisletta 6;Berit Oma\n",
            "Lejlighed;Andelshaver\nKløvervej 1, st. tv.;Ib Holt\nKløvervej 1, st. th.;Lis Kamp\nKløvervej 3, 1. tv.;Bo Dam\n",
            "Navn;Andel\nTove Kring;Smedievej 2\nArne Lund;Smedievej 4\nMette Sand;Smedievej 6 A\n",
        ] {
            assert!(unit_addresses(list).is_some(), "{list}");
        }
    }

    #[test]
    fn unit_columns_that_are_no_addresses_give_none() {
        for list in [
            // Numbers and codes.
            "Leil.nr;Eier\nH0101;Kari Hovde\nH0102;Odd Rekdal\nH0201;Berit Oma\n",
            // A list with an address column of its own.
            "Bolig nr;Adresse;Eier\nLia 2;Lia 2;Kari Hovde\nLia 4;Lia 4;Odd Rekdal\nLia 6;Lia 6;Berit Oma\n",
            // Addresses on as many streets as rows: where people came from, not the units.
            "Bolig nr;Eier\nStorgata 1;Kari Hovde\nElvegata 4;Odd Rekdal\nFjordvegen 9;Berit Oma\n",
            // Half of the rows only.
            "Bolig nr;Eier\nLisletta 2;Kari Hovde\n3;Odd Rekdal\n4;Berit Oma\nLisletta 8;Inga Skeie\n",
        ] {
            assert_eq!(unit_addresses(list), None, "{list}");
        }
    }

    #[test]
    fn an_owners_row_holds_names_and_nothing_else() {
        let column = Column {
            index: 0,
            header: "Navn".into(),
            field: Some(Field::Name),
            mapped_by: MappedBy::Automatic,
        };
        let row = |v: &str| vec![(Field::Name, &column, v.to_string())];
        for owner in ["Lars Sundkvist", "Öhrn, Maja", "Ib Holt og Lis Holt"] {
            assert!(owner_row(&row(owner)), "{owner}");
        }
        for not in ["I alt 24 andele", "Obs: fremlejet", "Nr 6", "Ib"] {
            assert!(!owner_row(&row(not)), "{not}");
        }
        assert!(!owner_row(&[]));
    }

    #[test]
    fn flat_codes_are_short_codes_with_a_digit() {
        for code in ["H0101", "h0302", "1-UA", "U101", "1102", "2B", "7"] {
            assert!(flat_code(code), "{code}");
        }
        for not in [
            "",
            "H-",
            "Storgata 4",
            "4,12",
            "46/1000",
            "2009",
            "45200101",
            "st. tv.",
            "Ja",
            "01.03.2008",
        ] {
            assert!(!flat_code(not), "{not}");
        }
    }

    #[test]
    fn an_unknown_column_of_flat_codes_in_a_block_is_the_flat_number() {
        // Nynorsk's "Bustadnr", codes repeated in each entrance.
        let list = "Bustadnr;Adresse;Namn\n\
                    H0101;Lia 2;Ola Rong\nH0102;Lia 2;Kari Mo\nH0201;Lia 2;Per Dal\n\
                    H0101;Lia 4;Siv Lund\nH0102;Lia 4;Tor Vik\nH0201;Lia 4;Åse Bø\n";
        assert_eq!(field_of(list, "Bustadnr"), Some(Field::Flat));
        // An entrance's own letters and numbers ("Nøkkel").
        let list = "Adress,Nøkkel,Namn\nVägen 1,1-A,Eva Ek\nVägen 1,1-B,Bo Ås\nVägen 1,2-A,Li Sand\nVägen 1,2-B,Mats Berg\n";
        assert_eq!(
            field_of(list, "Nøkkel"),
            Some(Field::Flat),
            "{:?}",
            fields(list)
        );
    }

    #[test]
    fn columns_that_do_not_tell_a_blocks_flats_apart_stay_unread() {
        // A floor: several flats on each.
        let floors = "Adresse;Nivå;Navn\nLia 2;1;Ola Rong\nLia 2;1;Kari Mo\nLia 2;2;Per Dal\nLia 2;2;Siv Lund\nLia 2;3;Tor Vik\n";
        assert_eq!(field_of(floors, "Nivå"), None);
        // Houses: each address once, nothing to tell apart.
        let houses = "Adresse;Kode;Navn\nLia 2;A1;Ola Rong\nLia 4;A2;Kari Mo\nLia 6;A3;Per Dal\nLia 8;A4;Siv Lund\n";
        assert_eq!(field_of(houses, "Kode"), None);
        // Phones, shares of the costs and years are no flat codes.
        for (header, values) in [
            ("Mob", ["45200101", "45200102", "45200103", "45200104"]),
            ("Brøk", ["46/1000", "52/1000", "48/1000", "50/1000"]),
            ("År", ["2009", "2011", "2014", "2020"]),
        ] {
            let list = format!(
                "Adresse;{header};Navn\nLia 2;{};Ola Rong\nLia 2;{};Kari Mo\nLia 2;{};Per Dal\nLia 2;{};Siv Lund\n",
                values[0], values[1], values[2], values[3]
            );
            assert_eq!(field_of(&list, header), None, "{header}");
        }
        // A list that numbers its units already.
        let numbered = "Andelsnr;Adresse;Kode;Navn\n1;Lia 2;H1;Ola Rong\n2;Lia 2;H2;Kari Mo\n3;Lia 2;H3;Per Dal\n4;Lia 2;H4;Siv Lund\n";
        assert_eq!(field_of(numbered, "Kode"), None);
    }
}
