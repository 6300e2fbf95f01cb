//! Column names: which of the register's fields a column of the administrator's list holds.
//!
//! Administrators name their columns in Danish, Norwegian, Swedish or English, with dots,
//! hyphens and abbreviations ("Andelsnr.", "Leil.nr", "Lgh nr", "LM-nr", "Postnr. og by",
//! "E-mail"). A header is normalised (lower case, punctuation to spaces) and looked up in the
//! table below; the board can override any column, and Andel remembers the override for the
//! association's next list.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

/// What a column of the resident list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Share number (andelsnr.); identifies the unit.
    Share,
    /// Flat number (Leil.nr, Lgh nr, LM-nr); identifies the unit when there is no share number.
    Flat,
    Address,
    PostcodeCity,
    /// Floor and side (Etage, Etasje, Våning).
    Floor,
    /// The owner's name; may hold two ("X og Y").
    Name,
    /// A co-owner's name.
    CoOwner,
    FirstName,
    LastName,
    Phone,
    Email,
    /// The day the owner moved in or took over.
    MovedIn,
    /// Whether the unit is sublet (shown, not imported: sublets need the board's decision).
    Sublet,
    /// A national identity number: never read.
    NationalId,
    /// A column to leave out.
    Ignore,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Share,
        Field::Flat,
        Field::Address,
        Field::PostcodeCity,
        Field::Floor,
        Field::Name,
        Field::CoOwner,
        Field::FirstName,
        Field::LastName,
        Field::Phone,
        Field::Email,
        Field::MovedIn,
        Field::Sublet,
        Field::NationalId,
        Field::Ignore,
    ];

    /// The name used in `--map COLUMN=field`, the stored mapping and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Share => "share",
            Field::Flat => "flat",
            Field::Address => "address",
            Field::PostcodeCity => "postcode_city",
            Field::Floor => "floor",
            Field::Name => "name",
            Field::CoOwner => "co_owner",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::MovedIn => "moved_in",
            Field::Sublet => "sublet",
            Field::NationalId => "national_id",
            Field::Ignore => "ignore",
        }
    }

    /// Reads a field name as people type it in `--map` ("unit", "co-owner", "skip" ...).
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        if let Some(f) = Field::ALL.into_iter().find(|f| f.as_str() == t) {
            return Some(f);
        }
        Some(match t.as_str() {
            "unit" | "share_number" | "andelsnr" => Field::Share,
            "flat_number" | "apartment" => Field::Flat,
            "postcode" | "city" | "zip" => Field::PostcodeCity,
            "floor_side" | "side" => Field::Floor,
            "owner" | "owners" | "navn" | "namn" => Field::Name,
            "coowner" | "co_owners" => Field::CoOwner,
            "mobile" | "telephone" | "tel" => Field::Phone,
            "e_mail" | "mail" => Field::Email,
            "from" | "movedin" | "moved" | "since" => Field::MovedIn,
            "skip" | "none" | "" => Field::Ignore,
            _ => return None,
        })
    }
}

/// A header as compared: lower case, punctuation and runs of spaces turned into one space.
pub fn normalise(header: &str) -> String {
    let cleaned: String = header
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    crate::text::tidy(&cleaned)
}

/// The column dictionary: known column names (normalised) and their fields, as data.
const COLUMNS: &str = include_str!("../../../../../assets/import/columns.txt");

/// The column dictionary as parsed.
#[derive(Debug, Default)]
struct Dictionary {
    /// Whole headers (normalised) and the field each holds.
    names: HashMap<String, Field>,
    /// Words that make any header holding them hold a field.
    words: Vec<(String, Field)>,
}

/// Reads `assets/import/columns.txt`: `[field]` or `[field: any word]` sections of one name a
/// line; `#` starts a comment. Says which line is wrong, for the unit test.
fn parse_dictionary(text: &str) -> Result<Dictionary, String> {
    let mut dict = Dictionary::default();
    let mut section: Option<(Field, bool)> = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(head) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            let (field, any_word) = match head.split_once(':') {
                Some((field, "any word")) | Some((field, " any word")) => (field, true),
                Some(_) => return Err(format!("line {}: unknown section [{head}]", n + 1)),
                None => (head, false),
            };
            let field = Field::ALL
                .into_iter()
                .find(|f| f.as_str() == field.trim())
                .ok_or_else(|| format!("line {}: no field called {field:?}", n + 1))?;
            section = Some((field, any_word));
            continue;
        }
        let Some((field, any_word)) = section else {
            return Err(format!("line {}: a name before the first [field]", n + 1));
        };
        if normalise(line) != line || (any_word && line.contains(' ')) {
            return Err(format!(
                "line {}: {line:?} is not written as compared",
                n + 1
            ));
        }
        if any_word {
            dict.words.push((line.to_string(), field));
        } else if dict.names.insert(line.to_string(), field).is_some() {
            return Err(format!("line {}: {line:?} is listed twice", n + 1));
        }
    }
    Ok(dict)
}

/// The dictionary compiled into Andel, parsed on first use. It cannot fail at run time without
/// failing `the_column_dictionary_parses` first.
#[allow(clippy::expect_used)]
fn dictionary() -> &'static Dictionary {
    static DICTIONARY: LazyLock<Dictionary> = LazyLock::new(|| {
        parse_dictionary(COLUMNS).expect("assets/import/columns.txt parses (see the unit test)")
    });
    &DICTIONARY
}

/// The field a column name stands for, if Andel knows it.
pub fn recognise(header: &str) -> Option<Field> {
    let n = normalise(header);
    if n.is_empty() {
        return None;
    }
    let dict = dictionary();
    dict.names
        .get(&n)
        .copied()
        .or_else(|| {
            // "CPR-nr." and "Personnummer (ÅÅMMDD-XXXX)" style headers: any word that names a
            // national ID makes the column one, so such a column is never read by accident.
            n.split(' ')
                .find_map(|w| dict.words.iter().find(|(word, _)| word == w))
                .map(|(_, field)| *field)
        })
        .or_else(|| {
            dict.names
                .get(&normalise(&without_brackets(header)))
                .copied()
        })
}

/// A header without what it says in brackets: a plural's ending ("Andelshaver(e)", "Eigar(ar)"), a
/// source ("Lgh nr (SKV)") or a kind ("Telefon (mobil)"); the name before it says what the column
/// holds. Read only after the whole header and the national ID's words, so a bracket never hides one.
fn without_brackets(header: &str) -> String {
    let mut out = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_headers_are_recognised() {
        for (h, f) in [
            ("Andelsnr.", Field::Share),
            ("Leil.nr", Field::Flat),
            ("Lgh nr", Field::Flat),
            ("LM-nr", Field::Flat),
            ("Adresse", Field::Address),
            ("Adress", Field::Address),
            ("Postnr. og by", Field::PostcodeCity),
            ("Etage", Field::Floor),
            ("Etasje", Field::Floor),
            ("Våning", Field::Floor),
            ("Navn", Field::Name),
            ("Namn", Field::Name),
            ("Andelshaver", Field::Name),
            ("Eier", Field::Name),
            ("Medeier", Field::CoOwner),
            ("Telefon", Field::Phone),
            ("Mobil", Field::Phone),
            ("Fastnet", Field::Phone),
            ("E-mail", Field::Email),
            ("E-post", Field::Email),
            ("Indflyttet", Field::MovedIn),
            ("Indflytningsdato", Field::MovedIn),
            ("Overtatt", Field::MovedIn),
            ("Tillträde", Field::MovedIn),
            ("Fremlejet", Field::Sublet),
            ("\u{feff}Andelsnr", Field::Share),
            ("CPR-nr.", Field::NationalId),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("Bemærkning"), None);
    }

    /// Regression (a header with its plural in brackets): "Andelshaver(e)", "Andelseier(e)",
    /// "Eigar(ar)" were no column Andel knew, so a list whose only owners' column was headed so
    /// stopped the import with a question, and the register stayed empty until the board answered.
    /// What a bracket says is read after the whole header; a national ID's word is never hidden.
    #[test]
    fn regression_a_header_with_its_plural_or_source_in_brackets() {
        for (h, f) in [
            ("Andelshaver(e)", Field::Name),
            ("Andelseier(e)", Field::Name),
            ("Eigar(ar)", Field::Name),
            ("Lgh nr (SKV)", Field::Flat),
            ("Telefon (mobil)", Field::Phone),
            ("E-post [privat]", Field::Email),
            // The national ID's word wins, inside a bracket or not.
            ("Navn (CPR)", Field::NationalId),
            ("Personnummer (ÅÅMMDD-XXXX)", Field::NationalId),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        for h in ["Bemærkning (intern)", "()"] {
            assert_eq!(recognise(h), None, "{h}");
        }
        assert_eq!(without_brackets("Eigar(ar)"), "Eigar");
        assert_eq!(without_brackets("A (b (c)) d"), "A  d");
    }

    /// Regression (a board's own export, dev set 30): a list whose names' column is headed by the
    /// resident ("Beboer", and so "Beboere", "Beboar", "Boende") and whose unit column is "Lejl."
    /// stopped the import with its question, so the register stayed empty and every resident's name,
    /// phone and flat was left in the minutes.
    #[test]
    fn regression_the_residents_column_and_the_short_flat() {
        for (h, f) in [
            ("Beboer", Field::Name),
            ("Beboere", Field::Name),
            ("Beboer(e)", Field::Name),
            ("Beboar", Field::Name),
            ("Boende", Field::Name),
            ("Resident", Field::Name),
            ("Beboer 2", Field::CoOwner),
            ("Lejl.", Field::Flat),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("Beboerforening"), None);
    }

    #[test]
    fn the_column_dictionary_parses() {
        let dict = parse_dictionary(COLUMNS).unwrap();
        assert!(dict.names.len() > 200, "{}", dict.names.len());
        // Every field but "leave out" has names, so no field is reachable only through --map.
        for field in Field::ALL.into_iter().filter(|&f| f != Field::Ignore) {
            assert!(
                dict.names.values().any(|&f| f == field),
                "{}",
                field.as_str()
            );
        }
        assert!(dict.words.iter().all(|(_, f)| *f == Field::NationalId));
        for bad in [
            "andelsnr",
            "[banana]\nx",
            "[share]\nAndels-nr",
            "[share]\nx\nx",
            "[name: every word]",
        ] {
            assert!(parse_dictionary(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn field_names_parse() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.as_str()), Some(f));
        }
        assert_eq!(Field::parse("co-owner"), Some(Field::CoOwner));
        assert_eq!(Field::parse("banana"), None);
    }
}
