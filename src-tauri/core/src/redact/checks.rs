//! Check digits of bank accounts. Each function takes the digits only (no separators). The
//! modulus-11 and Luhn rules, and the identity numbers', are in [`crate::national_id`], shared
//! with the register's guard; the IBAN's modulus 97 is only here.

use crate::national_id::{all_digits, d, mod11_control, MOD11_WEIGHTS};

/// Norwegian bank account: 11 digits, modulus 11 with weights 5432765432.
pub fn norwegian_account(digits: &[u8]) -> bool {
    all_digits(digits, 11) && mod11_control(digits, &MOD11_WEIGHTS) == Some(d(digits, 10))
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
    use crate::national_id::{cpr, fodselsnummer, personnummer};

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
