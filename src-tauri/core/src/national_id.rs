//! Nordic national identity numbers: their dates and check digits, in one place.
//!
//! Two parts of Andel judge these numbers: the register's guard ([`crate::register::guard`]), which
//! refuses to store anything *shaped* like one, and the redaction's recognizer, which rates a number in
//! minutes by its check digits. Two validators that disagree would be a leak (a number the recognizer
//! calls an ID that the guard lets into the register), so both use these functions, and
//! [`kind_by_shape`] accepts every number that one of the stricter checks accepts (a property test
//! below holds it to that).
//!
//! Every function takes ASCII digits without separators.

use chrono::NaiveDate;

/// Which national identity number a value looks like.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum NationalId {
    /// A Danish CPR number (DDMMYY-SSSS).
    DanishCpr,
    /// A Norwegian fødselsnummer or D-/H-number (DDMMYY + 5 digits).
    NorwegianBirthNumber,
    /// A Swedish personnummer or samordningsnummer ((YY)YYMMDD-SSSC).
    SwedishPersonalNumber,
}

impl NationalId {
    /// The number's name as the board knows it.
    pub fn label(self) -> &'static str {
        match self {
            NationalId::DanishCpr => "a Danish CPR number",
            NationalId::NorwegianBirthNumber => "a Norwegian fødselsnummer",
            NationalId::SwedishPersonalNumber => "a Swedish personnummer",
        }
    }
}

/// The digit at `i` (0 past the end). Also the bank accounts' ([`crate::redact::checks`]).
pub(crate) fn d(digits: &[u8], i: usize) -> u32 {
    digits.get(i).map_or(0, |b| u32::from(b.wrapping_sub(b'0')))
}

fn two(digits: &[u8], i: usize) -> u32 {
    d(digits, i) * 10 + d(digits, i + 1)
}

/// Exactly `n` ASCII digits.
pub(crate) fn all_digits(digits: &[u8], n: usize) -> bool {
    digits.len() == n && digits.iter().all(u8::is_ascii_digit)
}

/// A day and month that exist in some year ending in `yy` (29 February needs a leap year).
fn real_date(day: u32, month: u32, yy: u32) -> bool {
    [1900, 2000]
        .iter()
        .any(|c| NaiveDate::from_ymd_opt((c + yy) as i32, month, day).is_some())
}

/// The modulus-11 control digit of the first `weights.len()` digits: 11 minus the weighted sum
/// modulo 11, where 11 is written 0 and 10 cannot be written (`None`). Norway's birth numbers
/// (both control digits) and bank accounts use it; the one place it is written.
pub(crate) fn mod11_control(digits: &[u8], weights: &[u32]) -> Option<u32> {
    let sum: u32 = weights
        .iter()
        .enumerate()
        .map(|(i, w)| d(digits, i) * w)
        .sum();
    match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        v => Some(v),
    }
}

/// The weights 5432765432: a Norwegian birth number's second control digit and a Norwegian bank
/// account's control digit.
pub(crate) const MOD11_WEIGHTS: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];

/// Luhn over all digits (the last one is the check digit).
pub fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let sum: u32 = (0..digits.len())
        .rev()
        .map(|i| {
            let v = d(digits, i);
            if (digits.len() - 1 - i) % 2 == 1 {
                let v = v * 2;
                if v > 9 {
                    v - 9
                } else {
                    v
                }
            } else {
                v
            }
        })
        .sum();
    sum % 10 == 0
}

/// Danish CPR: 10 digits, DDMMYY with a real date. `Some(true)` when modulus 11 also holds; numbers
/// issued since 2007 need not pass it, so `Some(false)` is still a CPR number.
pub fn cpr(digits: &[u8]) -> Option<bool> {
    if !all_digits(digits, 10) || !real_date(two(digits, 0), two(digits, 2), two(digits, 4)) {
        return None;
    }
    const W: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    Some((0..10).map(|i| d(digits, i) * W[i]).sum::<u32>() % 11 == 0)
}

/// The date of a Norwegian number: DDMMYY, the D-number's day + 40, the H-number's month + 40 and
/// the synthetic test numbers' month + 80.
pub fn norwegian_date(digits: &[u8]) -> bool {
    if !all_digits(digits, 11) {
        return false;
    }
    let mut day = two(digits, 0);
    let mut month = two(digits, 2);
    if day > 40 {
        day -= 40;
    }
    if month > 80 {
        month -= 80;
    } else if month > 40 {
        month -= 40;
    }
    real_date(day, month, two(digits, 4))
}

/// Whether the two control digits of an 11-digit Norwegian number hold (numbers issued from 2032 will
/// not all pass: use it to rate, never to let a value through).
pub fn norwegian_check_digits(digits: &[u8]) -> bool {
    if !all_digits(digits, 11) {
        return false;
    }
    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    mod11_control(digits, &W1) == Some(d(digits, 9))
        && mod11_control(digits, &MOD11_WEIGHTS) == Some(d(digits, 10))
}

/// A Norwegian fødselsnummer, D- or H-number: a real date and both control digits.
pub fn fodselsnummer(digits: &[u8]) -> bool {
    norwegian_date(digits) && norwegian_check_digits(digits)
}

/// The date of a Swedish number, 10 digits (YYMMDD…) or 12 (YYYYMMDD…), the samordningsnummer's day
/// + 60 included.
pub fn swedish_date(digits: &[u8]) -> bool {
    let (ten, century) = match digits.len() {
        10 => (digits, None),
        12 => (&digits[2..], Some(two(digits, 0))),
        _ => return false,
    };
    if !all_digits(digits, digits.len()) {
        return false;
    }
    let month = two(ten, 2);
    let mut day = two(ten, 4);
    if day > 60 {
        day -= 60;
    }
    match century {
        None => real_date(day, month, two(ten, 0)),
        Some(c) => {
            let year = (c * 100 + two(ten, 0)) as i32;
            (1850..=2100).contains(&year) && NaiveDate::from_ymd_opt(year, month, day).is_some()
        }
    }
}

/// A Swedish personnummer or samordningsnummer: a real date and Luhn over the last ten digits.
pub fn personnummer(digits: &[u8]) -> bool {
    swedish_date(digits) && luhn(&digits[digits.len().saturating_sub(10)..])
}

/// What a run of 10, 11 or 12 digits is shaped like: a number with a real date where the IDs have
/// one. The check digits only choose between two readings of ten digits; the register's guard
/// refuses on the shape alone, since a failed check digit proves nothing (CPR since 2007, Norwegian
/// numbers from 2032).
pub fn kind_by_shape(digits: &[u8]) -> Option<NationalId> {
    match digits.len() {
        10 => {
            let dk = cpr(digits);
            let se = swedish_date(digits);
            match (dk, se) {
                // Both readings have a real date: the check digits decide which is likelier.
                (Some(mod11), true) => Some(if luhn(digits) && !mod11 {
                    NationalId::SwedishPersonalNumber
                } else {
                    NationalId::DanishCpr
                }),
                (Some(_), false) => Some(NationalId::DanishCpr),
                (None, true) => Some(NationalId::SwedishPersonalNumber),
                (None, false) => None,
            }
        }
        11 => norwegian_date(digits).then_some(NationalId::NorwegianBirthNumber),
        12 => swedish_date(digits).then_some(NationalId::SwedishPersonalNumber),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// Check digits are defined once: no other source of the core, the desktop app or the CLI
    /// computes a modulus 11 or a Luhn sum (`% 11`, `% 10`), so the guard and the recognizer
    /// cannot come to disagree through a copy.
    #[test]
    fn check_digits_are_computed_only_here() {
        let core = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let home = core.join("src/national_id.rs");
        let files = crate::workspace_sources();
        assert!(files.len() > 50, "the scan found the sources");
        let modulus = regex::Regex::new(r"%\s*1[01]\b").unwrap();
        assert!(modulus.is_match("sum % 11 == 0") && modulus.is_match("s %10"));
        assert!(!modulus.is_match("rem % 97") && !modulus.is_match("x % 110"));
        let mut found = Vec::new();
        for file in files.iter().filter(|f| **f != home) {
            let src = std::fs::read_to_string(file).unwrap();
            for (n, line) in src.lines().enumerate() {
                let code = line.split("//").next().unwrap_or_default();
                if modulus.is_match(code) {
                    found.push(format!("{}:{}", file.display(), n + 1));
                }
            }
        }
        assert!(found.is_empty(), "use crate::national_id: {found:#?}");
    }

    fn b(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).collect()
    }

    #[test]
    fn danish_cpr_with_and_without_modulus_11() {
        assert_eq!(cpr(&b("070761-4285")), Some(true));
        assert_eq!(cpr(&b("010110-1235")), Some(false));
        assert_eq!(cpr(&b("321399-1234")), None);
    }

    #[test]
    fn norwegian_numbers_d_h_and_synthetic() {
        assert!(fodselsnummer(&b("01010750160")));
        assert!(norwegian_date(&b("41010750160")) && norwegian_date(&b("01410750160")));
        assert!(norwegian_date(&b("01810750160")));
        assert!(!norwegian_date(&b("01130750160")));
    }

    #[test]
    fn swedish_numbers_short_long_and_coordination() {
        assert!(personnummer(&b("8112189876")) && personnummer(&b("198112189876")));
        assert!(swedish_date(&b("7010632391")));
        assert!(!swedish_date(&b("178112189876")) || personnummer(&b("178112189876")));
        assert!(luhn(&b("8112189876")) && !luhn(&b("8112189875")));
    }

    proptest! {
        /// The guard refuses everything the recognizer's stricter checks call an ID.
        #[test]
        fn the_shape_covers_every_valid_number(digits in "[0-9]{10,12}") {
            let d = digits.as_bytes();
            if cpr(d).is_some() || fodselsnummer(d) || personnummer(d) {
                prop_assert!(kind_by_shape(d).is_some(), "{digits}");
            }
        }
    }
}
