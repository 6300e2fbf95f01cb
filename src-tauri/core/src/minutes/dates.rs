//! The meeting's date as the minutes state it near the top: "Generalforsamling 12. marts 2024",
//! "Styremøte 3. mars 2025", "Föreningsstämma den 14 maj 2023", "2024-03-12" or "12.03.2024".
//! Only the opening lines are read, where the date of the meeting stands, so a deadline or a
//! quoted decision further down does not win.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

const MONTHS: &[(&str, u32)] = &[
    ("januar", 1),
    ("januari", 1),
    ("january", 1),
    ("jan", 1),
    ("februar", 2),
    ("februari", 2),
    ("february", 2),
    ("feb", 2),
    ("marts", 3),
    ("mars", 3),
    ("march", 3),
    ("mar", 3),
    ("april", 4),
    ("apr", 4),
    ("maj", 5),
    ("mai", 5),
    ("may", 5),
    ("juni", 6),
    ("june", 6),
    ("jun", 6),
    ("juli", 7),
    ("july", 7),
    ("jul", 7),
    ("august", 8),
    ("augusti", 8),
    ("aug", 8),
    ("september", 9),
    ("sept", 9),
    ("sep", 9),
    ("oktober", 10),
    ("october", 10),
    ("okt", 10),
    ("oct", 10),
    ("november", 11),
    ("nov", 11),
    ("december", 12),
    ("desember", 12),
    ("dec", 12),
    ("des", 12),
];

fn patterns() -> Option<&'static [Regex; 3]> {
    static P: OnceLock<Option<[Regex; 3]>> = OnceLock::new();
    P.get_or_init(|| {
        Some([
            Regex::new(r"\b(\d{4})-(\d{2})-(\d{2})\b").ok()?,
            Regex::new(r"(?i)\b(\d{1,2})\.?\s+([a-zæøåäö]{3,9})\.?\s+(\d{4})\b").ok()?,
            // 12.03.2024, 12/3/2024, and the Danish 12/3-2024 or 12/3 2024.
            Regex::new(r"\b(\d{1,2})[./](\d{1,2})(?:[./-]| )(\d{4})\b").ok()?,
        ])
    })
    .as_ref()
}

/// The first date in the opening of `text` (its first 1,500 characters), if there is one.
pub fn date_in_text(text: &str) -> Option<NaiveDate> {
    let head: String = text.chars().take(1500).collect();
    let [iso, named, numeric] = patterns()?;
    let mut found: Vec<(usize, NaiveDate)> = Vec::new();
    for c in iso.captures_iter(&head) {
        let (y, m, d) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
        if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
            found.push((c.get(0)?.start(), date));
        }
    }
    for c in named.captures_iter(&head) {
        let month = c.get(2)?.as_str().to_lowercase();
        let Some(&(_, m)) = MONTHS.iter().find(|(name, _)| *name == month) else {
            continue;
        };
        let (d, y) = (num(&c, 1)?, num(&c, 3)?);
        if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
            found.push((c.get(0)?.start(), date));
        }
    }
    for c in numeric.captures_iter(&head) {
        let (d, m, y) = (num(&c, 1)?, num(&c, 2)?, num(&c, 3)?);
        if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
            found.push((c.get(0)?.start(), date));
        }
    }
    found
        .into_iter()
        .filter(|(_, d)| (1900..=2200).contains(&chrono::Datelike::year(d)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, d)| d)
}

fn num(c: &regex::Captures<'_>, i: usize) -> Option<u32> {
    c.get(i)?.as_str().parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, d)
    }

    #[test]
    fn dates_as_minutes_write_them() {
        assert_eq!(
            date_in_text("Generalforsamling 12. marts 2024\nDer var 14 fremmødte."),
            day(2024, 3, 12)
        );
        assert_eq!(
            date_in_text("Protokoll fra styremøte 3. mars 2025"),
            day(2025, 3, 3)
        );
        assert_eq!(
            date_in_text("Föreningsstämma den 14 maj 2023"),
            day(2023, 5, 14)
        );
        assert_eq!(date_in_text("Møde 2022-11-30 kl. 19"), day(2022, 11, 30));
        assert_eq!(date_in_text("Møde 30.11.2022 kl. 19"), day(2022, 11, 30));
        assert_eq!(
            date_in_text("Bestyrelsesmøde d. 12/3-2024"),
            day(2024, 3, 12)
        );
        assert_eq!(date_in_text("Referat uden dato"), None);
        // The first date wins.
        assert_eq!(
            date_in_text("Mødet 1. april 2024. Frist 30. juni 2024."),
            day(2024, 4, 1)
        );
    }
}
