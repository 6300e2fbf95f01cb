//! Check-digit and date rules of Nordic identity numbers and bank accounts.
//!
//! Each function takes the digits only (no separators). They decide confidence, not whether a number is
//! personal: a CPR number issued after 2007 may fail modulus 11 and is still a CPR number.

use chrono::NaiveDate;

fn d(digits: &[u8], i: usize) -> u32 {
    digits.get(i).map_or(0, |b| u32::from(b.wrapping_sub(b'0')))
}

fn all_digits(digits: &[u8], n: usize) -> bool {
    digits.len() == n && digits.iter().all(u8::is_ascii_digit)
}

/// Whether day/month/two-digit-year form a real date in some century.
fn valid_ddmmyy(day: u32, month: u32, yy: u32) -> bool {
    [1900, 2000]
        .iter()
        .any(|c| NaiveDate::from_ymd_opt((c + yy) as i32, month, day).is_some())
}

/// Danish CPR: DDMMYY-SSSS with a real date. Returns `Some(true)` when modulus 11 also holds.
pub fn cpr(digits: &[u8]) -> Option<bool> {
    if !all_digits(digits, 10) {
        return None;
    }
    let day = d(digits, 0) * 10 + d(digits, 1);
    let month = d(digits, 2) * 10 + d(digits, 3);
    let yy = d(digits, 4) * 10 + d(digits, 5);
    if !valid_ddmmyy(day, month, yy) {
        return None;
    }
    const W: [u32; 10] = [4, 3, 2, 7, 6, 5, 4, 3, 2, 1];
    let sum: u32 = (0..10).map(|i| d(digits, i) * W[i]).sum();
    Some(sum % 11 == 0)
}

/// The two control digits of a Norwegian fødselsnummer for its first nine digits.
fn fnr_controls(digits: &[u8]) -> Option<(u32, u32)> {
    const W1: [u32; 9] = [3, 7, 6, 1, 8, 9, 4, 5, 2];
    const W2: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let k = |sum: u32| match 11 - sum % 11 {
        11 => Some(0),
        10 => None,
        v => Some(v),
    };
    let k1 = k((0..9).map(|i| d(digits, i) * W1[i]).sum())?;
    let k2 = k((0..9).map(|i| d(digits, i) * W2[i]).sum::<u32>() + k1 * W2[9])?;
    Some((k1, k2))
}

/// Norwegian fødselsnummer, D-number (day + 40) or H-number (month + 40): a real date and both control
/// digits.
pub fn fodselsnummer(digits: &[u8]) -> bool {
    if !all_digits(digits, 11) {
        return false;
    }
    let mut day = d(digits, 0) * 10 + d(digits, 1);
    let mut month = d(digits, 2) * 10 + d(digits, 3);
    if day > 40 {
        day -= 40; // D-number
    }
    if month > 40 {
        month -= 40; // H-number
    }
    let yy = d(digits, 4) * 10 + d(digits, 5);
    if !valid_ddmmyy(day, month, yy) {
        return false;
    }
    fnr_controls(digits) == Some((d(digits, 9), d(digits, 10)))
}

/// Luhn over all digits (the last one is the check digit).
pub fn luhn(digits: &[u8]) -> bool {
    if digits.is_empty() || !digits.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let mut sum = 0;
    for (i, _) in digits.iter().enumerate().rev() {
        let from_right = digits.len() - 1 - i;
        let mut v = d(digits, i);
        if from_right % 2 == 1 {
            v *= 2;
            if v > 9 {
                v -= 9;
            }
        }
        sum += v;
    }
    sum % 10 == 0
}

/// Swedish personnummer or samordningsnummer (day + 60), 10 digits (YYMMDDNNNC) or 12 (YYYYMMDDNNNC):
/// a real date and Luhn over the last ten digits.
pub fn personnummer(digits: &[u8]) -> bool {
    let ten = match digits.len() {
        10 => digits,
        12 => {
            let century = d(digits, 0) * 10 + d(digits, 1);
            if !(18..=20).contains(&century) {
                return false;
            }
            &digits[2..]
        }
        _ => return false,
    };
    if !all_digits(ten, 10) {
        return false;
    }
    let yy = d(ten, 0) * 10 + d(ten, 1);
    let month = d(ten, 2) * 10 + d(ten, 3);
    let mut day = d(ten, 4) * 10 + d(ten, 5);
    if day > 60 {
        day -= 60; // samordningsnummer
    }
    valid_ddmmyy(day, month, yy) && luhn(ten)
}

/// Norwegian bank account: 11 digits, modulus 11 with weights 5432765432.
pub fn norwegian_account(digits: &[u8]) -> bool {
    if !all_digits(digits, 11) {
        return false;
    }
    const W: [u32; 10] = [5, 4, 3, 2, 7, 6, 5, 4, 3, 2];
    let sum: u32 = (0..10).map(|i| d(digits, i) * W[i]).sum();
    match 11 - sum % 11 {
        11 => d(digits, 10) == 0,
        10 => false,
        v => d(digits, 10) == v,
    }
}

/// IBAN (ISO 13616): letters and digits without spaces; the mod-97 remainder of the rearranged number is 1.
pub fn iban(compact: &[u8]) -> bool {
    if compact.len() < 15 || compact.len() > 34 || !compact.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let (head, tail) = compact.split_at(4);
    let mut rem: u32 = 0;
    for &b in tail.iter().chain(head.iter()) {
        let b = b.to_ascii_uppercase();
        if b.is_ascii_digit() {
            rem = (rem * 10 + u32::from(b - b'0')) % 97;
        } else {
            let v = u32::from(b - b'A') + 10;
            rem = (rem * 100 + v) % 97;
        }
    }
    rem == 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cpr_before_2007_passes_modulus_11() {
        assert_eq!(cpr(b"1105843638"), Some(true));
    }

    #[test]
    fn cpr_after_2007_may_fail_modulus_11_and_is_still_a_cpr() {
        // 1 January 1965, serial 4321: a real date, fails modulus 11 (sum 4+0+... not divisible by 11).
        assert_eq!(cpr(b"0101654321"), Some(false));
        assert_eq!(cpr(b"3213654321"), None, "no 32nd of the 13th month");
    }

    #[test]
    fn fodselsnummer_d_and_h_numbers() {
        assert!(fodselsnummer(b"14037738981"));
        assert!(fodselsnummer(b"55037710007"), "D-number: day 15 + 40");
        assert!(fodselsnummer(b"15437710187"), "H-number: month 3 + 40");
        assert!(!fodselsnummer(b"14037738982"), "second control digit wrong");
        assert!(!fodselsnummer(b"75037710007"), "day 35 is no date");
    }

    #[test]
    fn norwegian_account_that_looks_like_a_fodselsnummer() {
        assert!(norwegian_account(b"90015565976"));
        // Starts with a date (15 March 1977) and passes the account check, but not the fødselsnummer's.
        assert!(norwegian_account(b"15037710021"));
        assert!(!fodselsnummer(b"15037710021"));
        // Passes both: only the words around it can tell.
        assert!(norwegian_account(b"15037710013") && fodselsnummer(b"15037710013"));
    }

    #[test]
    fn personnummer_and_samordningsnummer() {
        assert!(personnummer(b"8506124331"));
        assert!(personnummer(b"198506124331"));
        assert!(
            personnummer(b"8506724338"),
            "samordningsnummer: day 12 + 60"
        );
        assert!(!personnummer(b"8506124337"));
        // A Swedish organisation number (month 66) is not a personnummer.
        assert!(!personnummer(b"5566778899"));
    }

    #[test]
    fn ibans() {
        assert!(iban(b"DK5715510004218653"));
        assert!(iban(b"DK5000400440116243"));
        assert!(!iban(b"DK5000400440116244"));
    }
}
