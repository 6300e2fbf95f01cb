//! The data-minimisation guard: Andel never stores a national identity number.
//!
//! Boards do not need residents' CPR numbers, fødselsnumre or personnummer, and a register that
//! holds them is a far worse breach when a laptop is lost. Every text that goes into the register
//! passes [`check`] first; forms refuse the value with [`Refused`], the import drops the cell and
//! says so in its report.
//!
//! A value is refused when it is *shaped* like a national ID: the right number of digits, an
//! optional separator where the IDs have one, and a date of birth that exists (with the D-, H-
//! and samordningsnummer offsets). The check digits are only used to name the most likely
//! kind: Danish CPR numbers issued since 2007 need not pass modulus 11, so a failed check digit
//! proves nothing, and a miss here is a breach.

use crate::national_id;
use crate::Coded;

pub use crate::national_id::NationalId;

/// A typed value was refused because it looks like a national identity number. The message
/// names the field, never the value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{field} holds what looks like {}. Andel never stores national identity numbers: the board does not need them. Remove it and try again.", kind.label())]
pub struct Refused {
    /// The field, in the board's words ("The name", "The reason").
    pub field: String,
    pub kind: NationalId,
}

impl Coded for Refused {
    fn code(&self) -> crate::ErrorCode {
        crate::ErrorCode::InvalidInput
    }
}

/// Refuses `value` if it contains something shaped like a national ID. `field` names the field
/// in the message ("The name").
pub fn check(field: &str, value: &str) -> Result<(), Refused> {
    match find(value) {
        Some(kind) => Err(Refused {
            field: field.to_string(),
            kind,
        }),
        None => Ok(()),
    }
}

/// [`check`] for an optional value.
pub fn check_opt(field: &str, value: Option<&str>) -> Result<(), Refused> {
    value.map_or(Ok(()), |v| check(field, v))
}

/// The first thing in `text` shaped like a national ID, if any.
pub fn find(text: &str) -> Option<NationalId> {
    spans(text).first().map(|(_, _, kind)| *kind)
}

/// `text` with everything shaped like a national ID taken out (and the brackets or commas left
/// around it), plus what was taken out. The import uses it to keep "Jens Hansen" of a cell that
/// reads "Jens Hansen (010190-1234)".
pub fn remove(text: &str) -> (String, Vec<NationalId>) {
    let found = spans(text);
    if found.is_empty() {
        return (text.to_string(), Vec::new());
    }
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::new();
    let mut at = 0;
    for (start, end, _) in &found {
        out.extend(&chars[at..*start]);
        out.push(' ');
        at = *end;
    }
    out.extend(&chars[at..]);
    let tidy = crate::text::tidy(&out)
        .replace("( )", " ")
        .replace("[ ]", " ");
    let tidy = crate::text::tidy(&tidy);
    let trimmed = tidy
        .trim_matches(|c: char| ",;:-/ ".contains(c))
        .to_string();
    (trimmed, found.into_iter().map(|(_, _, k)| k).collect())
}

/// Where in `text` (char offsets, end exclusive) things shaped like national IDs are.
fn spans(text: &str) -> Vec<(usize, usize, NationalId)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !chars[i].is_ascii_digit() || (i > 0 && chars[i - 1].is_ascii_digit()) {
            i += 1;
            continue;
        }
        // A number right after a plus sign is an international phone number (+45 ...), and a
        // digit glued to a letter is a code, not an ID.
        let after_plus = i > 0 && chars[i - 1] == '+';
        let first = run(&chars, i);
        if !after_plus && (i == 0 || !chars[i - 1].is_alphanumeric()) {
            if let Some((end, kind)) = shaped_at(&chars, i, first) {
                found.push((i, end, kind));
                i = end;
                continue;
            }
        }
        i += first.max(1);
    }
    found
}

/// Length of the run of ASCII digits starting at `i`.
fn run(chars: &[char], i: usize) -> usize {
    chars[i..].iter().take_while(|c| c.is_ascii_digit()).count()
}

fn digits(chars: &[char], from: usize, len: usize) -> Vec<u8> {
    chars[from..from + len]
        .iter()
        .filter(|c| c.is_ascii_digit())
        .map(|&c| c as u8)
        .collect()
}

/// Is the digit run of length `first` at `i` (possibly with a separator and a second run) an ID?
/// Returns where it ends and what it looks like.
fn shaped_at(chars: &[char], i: usize, first: usize) -> Option<(usize, NationalId)> {
    let end_ok = |at: usize| at >= chars.len() || !chars[at].is_alphanumeric();
    // Unbroken: 10, 11 or 12 digits.
    if end_ok(i + first) {
        let kind = national_id::kind_by_shape(&digits(chars, i, first));
        if let Some(kind) = kind {
            return Some((i + first, kind));
        }
    }
    // With one separator: 6+4 (CPR, short personnummer), 6+5 (fødselsnummer), 8+4 (long
    // personnummer). The separator is '-', '+' (Swedish, over 100 years old) or a space.
    if (first == 6 || first == 8) && i + first + 1 < chars.len() {
        let sep = chars[i + first];
        let start = i + first + 1;
        if matches!(sep, '-' | '+' | ' ' | '\u{2010}' | '\u{2013}') && chars[start].is_ascii_digit()
        {
            let second = run(chars, start);
            if end_ok(start + second) {
                let mut d = digits(chars, i, first);
                d.extend(digits(chars, start, second));
                let kind = match (first, second) {
                    (6, 4) | (6, 5) | (8, 4) => national_id::kind_by_shape(&d),
                    _ => None,
                };
                return kind.map(|k| (start + second, k));
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn digits_of(s: &str) -> Vec<u8> {
        s.bytes().filter(u8::is_ascii_digit).collect()
    }

    #[test]
    fn danish_cpr_numbers_with_and_without_modulus_11() {
        assert_eq!(find("070761-4285"), Some(NationalId::DanishCpr));
        assert_eq!(find("0707614285"), Some(NationalId::DanishCpr));
        // A post-2007 number that fails modulus 11 is still refused.
        assert_eq!(national_id::cpr(&digits_of("0101101235")), Some(false));
        assert!(find("CPR 010110-1235 noteret").is_some());
        assert!(find("Jens Hansen, 311299 1234").is_some());
    }

    #[test]
    fn norwegian_birth_numbers_including_d_and_h_numbers() {
        assert!(national_id::norwegian_check_digits(&digits_of(
            "01010750160"
        )));
        assert_eq!(find("01010750160"), Some(NationalId::NorwegianBirthNumber));
        assert_eq!(find("010107 50160"), Some(NationalId::NorwegianBirthNumber));
        // D-number: day + 40.
        assert_eq!(find("41010750160"), Some(NationalId::NorwegianBirthNumber));
        // H-number: month + 40.
        assert_eq!(find("01410750160"), Some(NationalId::NorwegianBirthNumber));
    }

    #[test]
    fn swedish_personal_numbers_short_long_and_coordination() {
        assert!(national_id::luhn(&digits_of("8112189876")));
        assert_eq!(find("811218-9876"), Some(NationalId::SwedishPersonalNumber));
        assert_eq!(
            find("19811218-9876"),
            Some(NationalId::SwedishPersonalNumber)
        );
        assert_eq!(find("811218+9876"), Some(NationalId::SwedishPersonalNumber));
        // Samordningsnummer: day + 60.
        assert!(find("701063-2391").is_some());
    }

    #[test]
    fn ordinary_register_values_pass() {
        for ok in [
            "Sanne Rosendahl og Kenneth Rosendahl",
            "41438243",
            "948 31 207",
            "+45 29 91 44 06",
            "+4794831207",
            "Rønnebærvej 2, st. tv.",
            "01.08.2021",
            "2021-08-01",
            "H0101",
            "mogens.elkjaer52@outlook.dk",
            "1234 5678901234",
            "Lgh 1101",
            "",
        ] {
            assert_eq!(find(ok), None, "{ok} was taken for a national ID");
        }
        // Impossible dates are not IDs.
        assert_eq!(find("3213991234"), None);
    }

    #[test]
    fn remove_keeps_the_rest_of_the_value() {
        let (rest, found) = remove("Jens Hansen (070761-4285)");
        assert_eq!(rest, "Jens Hansen");
        assert_eq!(found, [NationalId::DanishCpr]);
        let (rest, found) = remove("Karin Lund, 19811218-9876");
        assert_eq!(rest, "Karin Lund");
        assert_eq!(found.len(), 1);
        assert_eq!(remove("Ola Nordmann").0, "Ola Nordmann");
    }

    #[test]
    fn the_message_names_the_field_not_the_value() {
        let e = check("The name", "Ib 070761-4285").unwrap_err();
        let text = e.to_string();
        assert!(text.contains("The name"));
        assert!(text.contains("CPR"));
        assert!(!text.contains("4285"));
    }
}
