//! A rough passphrase strength hint for the create and change-passphrase forms.
//!
//! The archive travels through e-mail and synced folders, so its passphrase is all that stands
//! between a stolen copy and the residents' data. The hint estimates guessing work from length
//! and character variety, and knows that several random words beat a short clever password.

use serde::{Deserialize, Serialize};

/// What Andel says of a [`Strength::Weak`] passphrase: a warning when an archive is created
/// (`andel init`), the reason a handover refuses it (`handover::Error::WeakPassphrase`).
pub const WEAK_PASSPHRASE: &str =
    "the passphrase is weak; anyone with a copy of the archive could guess it";

/// How hard a passphrase is to guess.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Weak,
    Fair,
    Good,
    Strong,
}

const COMMON: &[&str] = &[
    "password",
    "passw0rd",
    "123456",
    "12345678",
    "qwerty",
    "andel",
    "bestyrelsen",
    "styret",
    "styrelsen",
    "adgangskode",
    "passord",
    "losenord",
    "lösenord",
    "sommer",
    "vinter",
    "hemmelig",
];

/// Estimates the strength of a passphrase.
pub fn strength(passphrase: &str) -> Strength {
    let lower = passphrase.to_lowercase();
    let chars = passphrase.chars().count();
    if chars < 8
        || COMMON
            .iter()
            .any(|c| lower.trim_end_matches(|ch: char| ch.is_ascii_digit()) == *c)
    {
        return Strength::Weak;
    }
    let mut pool = 0u32;
    if passphrase.chars().any(|c| c.is_lowercase()) {
        pool += 29; // a–z plus æøå/äö
    }
    if passphrase.chars().any(|c| c.is_uppercase()) {
        pool += 29;
    }
    if passphrase.chars().any(|c| c.is_ascii_digit()) {
        pool += 10;
    }
    if passphrase.chars().any(|c| !c.is_alphanumeric()) {
        pool += 20;
    }
    let mut bits = chars as f64 * f64::from(pool.max(1)).log2();
    // Several words: count ~13 bits a word (a large dictionary), whichever estimate is lower.
    let words = passphrase
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_' || c == '.')
        .filter(|w| w.chars().count() >= 3)
        .count();
    if words >= 3 {
        bits = bits.min(words as f64 * 13.0 + 10.0);
    }
    // Repeated characters add little.
    let distinct = {
        let mut v: Vec<char> = passphrase.chars().collect();
        v.sort_unstable();
        v.dedup();
        v.len()
    };
    if distinct * 3 < chars {
        bits /= 2.0;
    }
    match bits {
        b if b < 45.0 => Strength::Weak,
        b if b < 60.0 => Strength::Fair,
        b if b < 75.0 => Strength::Good,
        _ => Strength::Strong,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hints_follow_guessing_work() {
        assert_eq!(strength("abc"), Strength::Weak);
        assert_eq!(strength("password1"), Strength::Weak);
        assert_eq!(strength("aaaaaaaaaaaaaaaa"), Strength::Weak);
        assert!(strength("Kastanje7!") >= Strength::Fair);
        assert_eq!(
            strength("grøn-kastanje-cykel-vindue-forår"),
            Strength::Strong
        );
        assert!(strength("grøn-kastanje-cykel") < strength("grøn-kastanje-cykel-vindue-forår"));
    }
}
