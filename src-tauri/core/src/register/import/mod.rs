//! The import of the administrator's resident list (CSV or XLSX).
//!
//! Always in two steps: [`preview`] reads the file and compares it with the register without
//! changing anything (what would be added, changed and ended, and every row that cannot be
//! taken, with the reason); [`apply`] does the same and carries it out in one transaction, so a
//! failure leaves the register as it was. Importing a newer list brings the register up to
//! date: new owners are added, owners no longer listed get an end date (their history stays),
//! and changed contact data is updated. Contact data the list leaves empty is kept: the board
//! may have typed it in.
//!
//! Columns are mapped automatically ([`columns`]); the board can override the mapping, and the
//! overrides are remembered for the association's next list (in the archive's settings).

pub mod columns;
mod plan;
pub mod read;
mod sheets;
pub mod values;

use std::collections::BTreeMap;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

pub use columns::Field;
pub use read::{file as read_file, Source, Table};

use crate::Coded;
use crate::{audit, ErrorCode};

const MAPPING_KEY: &str = "import.residents.columns";

/// Where a column's field came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum MappedBy {
    /// Andel recognised the column name.
    Automatic,
    /// The board chose it for an earlier list of this association.
    Remembered,
    /// The board chose it for this import.
    Given,
    /// Nothing: the column is left out.
    Unmapped,
}

/// One column of the list and what it is read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Column {
    pub index: u32,
    pub header: String,
    pub field: Option<Field>,
    pub mapped_by: MappedBy,
}

/// A row that was refused, or taken with something left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct RowIssue {
    /// The row's number in the file (the header is usually row 1).
    pub row: u32,
    /// The reason in English, for the CLI; the app words it from `problem`.
    pub reason: String,
    pub problem: RowProblem,
}

impl RowIssue {
    pub(crate) fn new(row: u32, problem: RowProblem) -> RowIssue {
        RowIssue {
            row,
            reason: problem.to_string(),
            problem,
        }
    }
}

/// What is wrong with a row, for the app to put in the board's language.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum RowProblem {
    /// More values than columns (refused).
    TooManyValues { values: u32, columns: u32 },
    /// No share number, flat number or address (refused).
    NoUnit,
    /// No owner's name (refused).
    NoName,
    /// A moved-in date that is not a date (refused).
    BadDate { column: String, value: String },
    /// A national ID was left out of a value (row taken).
    NationalId {
        column: String,
        id: super::guard::NationalId,
    },
    /// An e-mail address that is not one was left out (row taken).
    BadEmail { column: String, value: String },
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            RowProblem::TooManyValues { values, columns } => write!(
                f,
                "the row has {values} values but the list has {columns} columns; a value may contain the separator (put such values in quotes)"
            ),
            RowProblem::NoUnit => write!(f, "the row has no share number, flat number or address"),
            RowProblem::NoName => write!(f, "the row has no owner's name"),
            RowProblem::BadDate { column, value } => write!(
                f,
                "\"{value}\" in column \"{column}\" is not a date (write dd.mm.yyyy or yyyy-mm-dd)"
            ),
            RowProblem::NationalId { column, id } => write!(
                f,
                "column \"{column}\" held what looks like {}; it was left out, as Andel never stores national identity numbers",
                id.label()
            ),
            RowProblem::BadEmail { column, value } => write!(
                f,
                "\"{value}\" in column \"{column}\" is not an e-mail address and was left out"
            ),
        }
    }
}

/// What the import does to an owner or a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    /// A new owner (in a new or a known unit); `on` is the moved-in day if listed.
    NewOwner,
    /// A listed owner's contact data or moved-in day changes; see `fields`.
    Owner,
    /// The unit's own details change; see `fields`.
    Unit,
    /// An owner is no longer listed for the unit; the ownership ends `on`.
    NoLongerListed,
    /// The unit is not in the list at all; its owners' ownerships end `on`.
    UnitNotListed,
}

/// One line of the preview: what happens to whom in which unit.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Change {
    pub unit: String,
    pub person: Option<String>,
    pub kind: ChangeKind,
    /// The day it takes effect, where there is one.
    pub on: Option<NaiveDate>,
    /// The fields that change: phone, email, moved_in, flat, address, postcode_city, floor.
    pub fields: Vec<String>,
    /// What changes, in a few English words, for the CLI ("new owner from 2021-08-01").
    pub detail: String,
}

/// What an import does (or did): the preview and, after [`apply`], the report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Preview {
    pub source: Source,
    /// The row holding the column names.
    pub header_row: u32,
    pub columns: Vec<Column>,
    /// How many units the list holds.
    pub units: u32,
    /// How many different people the list names.
    pub people: u32,
    /// How many ownerships (person and unit) the list holds.
    pub ownerships: u32,
    /// New owners (and new units).
    pub added: Vec<Change>,
    /// Changed contact data, dates or unit details.
    pub changed: Vec<Change>,
    /// Owners no longer listed, whose ownership gets an end date.
    pub ended: Vec<Change>,
    /// Rows not taken.
    pub rejected: Vec<RowIssue>,
    /// Rows taken with something left out (a national ID, a broken e-mail address).
    pub warnings: Vec<RowIssue>,
    /// Remarks on the whole list (a national-ID column that was not read, sublet flags).
    pub notes: Vec<String>,
    /// How many ownerships the register held open before the import.
    pub open_before: u32,
    /// The import ends more than half of those ownerships ([`mass_end`]): carrying it out needs
    /// the board's explicit confirmation, as a cut or filtered list would look just like this.
    pub mass_end: bool,
    /// No row of the list could be taken: every row was refused ([`Preview::rejected`] says why), so
    /// the list names no unit. Carrying it out is refused ([`Error::NothingTaken`]): an import that
    /// took nothing would look done while the register stayed empty (a column of years read as
    /// dates, a wrong column mapped).
    pub takes_nothing: bool,
    /// Whether the changes were carried out.
    pub applied: bool,
}

/// Does ending `ended` of `open` ownerships end more than half of them? A well-formed list of one
/// row (a filter left on in the administrator's system, the wrong sheet) would otherwise move
/// every other owner out of the register in one click.
pub fn mass_end(ended: usize, open: u32) -> bool {
    ended > 0 && ended as u64 * 2 > u64::from(open)
}

/// Why a list could not be read or imported. The register is unchanged after each of them.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The file has no content.
    #[error("The file is empty. Export the resident list again from the administrator's system.")]
    Empty,
    /// The file is not a list at all.
    #[error("This file is not a resident list: {0}. Export the list from the administrator's system as CSV or Excel (.xlsx).")]
    NotAList(String),
    /// The file would take more memory than any resident list needs (a zip bomb, a sheet with a
    /// cell a million rows down); nothing of it was read.
    #[error("This file is too large to import: {0}. Export the resident list again with only the residents' rows, or as CSV.")]
    TooLarge(String),
    /// The list would end more than half of the current ownerships, and that was not confirmed.
    #[error("Importing this list would end {ending} of the {open} current ownerships: every owner not in the list is taken to have moved out. If the list is incomplete (a filter in the administrator's system, the wrong sheet, a cut file), export it again; if they have really all moved out, confirm the import. Nothing was changed.")]
    MassEnd { ending: u32, open: u32 },
    /// Every row of the list was refused, so importing it would take nothing.
    #[error("None of the {rows} rows of this list could be taken; the first refused is row {row}: {reason}. Fix that column or its values in the list (or say what the column holds with --map \"COLUMN=field\") and import it again; nothing was changed.")]
    NothingTaken { rows: u32, row: u32, reason: String },
    /// A CSV file that does not parse; nothing was imported.
    #[error("Line {line} of the list cannot be read: {why}. Fix the file (or export it again) and import it again; nothing was changed.")]
    Malformed { line: u32, why: String },
    /// A column Andel needs could not be found.
    #[error("Andel found no column with {missing} in this list (its columns are: {found}). Say which column holds it with --map \"COLUMN=field\".")]
    MissingColumn {
        missing: &'static str,
        found: String,
    },
    /// A mapping names a column the list does not have.
    #[error("The list has no column named \"{column}\" (its columns are: {found}).")]
    UnknownColumn { column: String, found: String },
    /// A mapping names a field Andel does not know.
    #[error("\"{0}\" is not something Andel imports. Use one of: share, flat, address, postcode_city, floor, name, co_owner, first_name, last_name, phone, email, moved_in, sublet, ignore.")]
    UnknownField(String),
    /// A mapping is not written as COLUMN=field.
    #[error(
        "Write a column mapping as COLUMN=field, for example \"Leil.nr=flat\"; \"{0}\" is not one."
    )]
    BadMapping(String),
    /// Carrying out the import failed; nothing was changed.
    #[error("The import was stopped and nothing was changed: {message}")]
    Failed { code: ErrorCode, message: String },
    /// SQLite failed.
    #[error("Database error while {op}: {source}")]
    Database {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::Failed { code, .. } => *code,
            Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

pub(crate) fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

/// Reads the bytes of a resident list (CSV or spreadsheet).
pub fn read(bytes: &[u8]) -> Result<Table, Error> {
    read::table(bytes)
}

/// Reads a `COLUMN=field` mapping as typed on the command line or in the wizard.
pub fn parse_mapping(text: &str) -> Result<(String, Field), Error> {
    let (column, field) = text
        .rsplit_once('=')
        .ok_or_else(|| Error::BadMapping(text.to_string()))?;
    if column.trim().is_empty() {
        return Err(Error::BadMapping(text.to_string()));
    }
    let field = Field::parse(field).ok_or_else(|| Error::UnknownField(field.trim().to_string()))?;
    Ok((column.trim().to_string(), field))
}

/// The column mappings the board chose for earlier lists (normalised header → field).
pub fn remembered(conn: &Connection) -> Result<BTreeMap<String, Field>, Error> {
    let text: Option<String> = conn
        .query_row(
            "SELECT value FROM setting WHERE key = ?1",
            [MAPPING_KEY],
            |r| r.get(0),
        )
        .optional()
        .map_err(db("reading the remembered column mapping"))?;
    Ok(text
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default())
}

fn remember(conn: &Connection, mapping: &BTreeMap<String, Field>) -> Result<(), Error> {
    let text = serde_json::to_string(mapping).unwrap_or_else(|_| "{}".into());
    conn.execute(
        "INSERT INTO setting (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        params![MAPPING_KEY, text],
    )
    .map_err(db("remembering the column mapping"))?;
    Ok(())
}

/// Forgets the remembered column mapping, so the next list is mapped automatically only.
pub fn forget_mapping(conn: &Connection, actor: &str, now: DateTime<Utc>) -> Result<(), Error> {
    conn.execute("DELETE FROM setting WHERE key = ?1", [MAPPING_KEY])
        .map_err(db("forgetting the column mapping"))?;
    audit::record(conn, now, actor, "setting.update", Some(MAPPING_KEY))
        .map_err(db("recording the change"))
}

/// The list's columns and what each is read as (automatically, remembered, or as `mapping`
/// says), even when the mapping is not yet enough to preview: the import wizard shows them so
/// the board can say which column holds what.
pub fn columns(
    conn: &Connection,
    table: &Table,
    mapping: &[(String, Field)],
) -> Result<Vec<Column>, Error> {
    let remembered = remembered(conn)?;
    Ok(plan::header_columns(table, mapping, &remembered)?.1)
}

/// What importing `table` would do to the register, without changing anything. `mapping` holds
/// the board's choices for this import (header → field); they win over remembered and automatic
/// ones.
pub fn preview(
    conn: &Connection,
    table: &Table,
    mapping: &[(String, Field)],
    today: NaiveDate,
) -> Result<Preview, Error> {
    let remembered = remembered(conn)?;
    let planned = plan::plan(conn, table, mapping, &remembered, today)?;
    Ok(planned.preview)
}

/// Imports `table` in one transaction and returns what was done. The mapping choices are
/// remembered for the next list. A list that would end more than half of the current
/// ownerships is refused ([`Error::MassEnd`]); see [`apply_confirmed`].
pub fn apply(
    conn: &mut Connection,
    table: &Table,
    mapping: &[(String, Field)],
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Preview, Error> {
    apply_confirmed(conn, table, mapping, today, actor, now, false)
}

/// [`apply`], with `mass_end_confirmed` saying whether the board confirmed that ending more than
/// half of the current ownerships is right (the preview's `mass_end`).
pub fn apply_confirmed(
    conn: &mut Connection,
    table: &Table,
    mapping: &[(String, Field)],
    today: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
    mass_end_confirmed: bool,
) -> Result<Preview, Error> {
    let tx = conn.transaction().map_err(db("starting the import"))?;
    let mut remembered = remembered(&tx)?;
    let planned = plan::plan(&tx, table, mapping, &remembered, today)?;
    if planned.preview.takes_nothing {
        let first = &planned.preview.rejected[0];
        return Err(Error::NothingTaken {
            rows: planned.preview.rejected.len() as u32,
            row: first.row,
            reason: first.reason.clone(),
        });
    }
    if planned.preview.mass_end && !mass_end_confirmed {
        return Err(Error::MassEnd {
            ending: planned.preview.ended.len() as u32,
            open: planned.preview.open_before,
        });
    }
    let mut report = planned.carry_out(&tx, today, actor, now)?;
    for (column, field) in mapping {
        remembered.insert(columns::normalise(column), *field);
    }
    if !mapping.is_empty() {
        remember(&tx, &remembered)?;
    }
    audit::record(
        &tx,
        now,
        actor,
        "import.residents",
        Some(&format!(
            "added={} changed={} ended={} rejected={}",
            report.added.len(),
            report.changed.len(),
            report.ended.len(),
            report.rejected.len()
        )),
    )
    .map_err(db("recording the import"))?;
    tx.commit().map_err(db("finishing the import"))?;
    report.applied = true;
    Ok(report)
}
