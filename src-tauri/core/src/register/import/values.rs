//! Reading the values in the cells: dates in the forms administrators export, and owners'
//! names when one cell holds two ("Sanne og Kenneth Rosendahl").

use chrono::{Duration, NaiveDate};

/// A date as the lists write it: `dd.mm.yyyy`, `dd-mm-yyyy`, `dd/mm/yyyy`, `yyyy-mm-dd` (with
/// or without a time after it), two-digit years (`dd.mm.yy`), or an Excel serial day number.
/// `None` when the text is none of these.
pub fn date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    if t.is_empty() {
        return None;
    }
    // "2021-08-01 00:00:00" and "2021-08-01T00:00:00": the date is what matters.
    let t = match t.find([' ', 'T']) {
        Some(i) if i >= 8 => &t[..i],
        _ => t,
    };
    if let Some(serial) = serial_number(t) {
        return excel_serial(serial);
    }
    let parts: Vec<&str> = t.split(['.', '-', '/']).collect();
    if parts.len() != 3
        || parts
            .iter()
            .any(|p| p.is_empty() || !p.chars().all(|c| c.is_ascii_digit()))
    {
        return None;
    }
    let n = |s: &str| s.parse::<u32>().ok();
    if parts[0].len() == 4 {
        return NaiveDate::from_ymd_opt(n(parts[0])? as i32, n(parts[1])?, n(parts[2])?);
    }
    if parts[0].len() > 2 || parts[1].len() > 2 {
        return None;
    }
    let year = match parts[2].len() {
        4 => n(parts[2])? as i32,
        // Two-digit years: move-in dates are in the past, so 00–49 is this century.
        2 => {
            let y = n(parts[2])? as i32;
            if y < 50 {
                2000 + y
            } else {
                1900 + y
            }
        }
        _ => return None,
    };
    NaiveDate::from_ymd_opt(year, n(parts[1])?, n(parts[0])?)
}

/// A year alone ("2009") or a month and its year ("04.2009", "2009-04", "april 2009", "apr. 09"), as
/// some lists write when an owner moved in: the year (1900 to 2100), or `None`. It names no day, so
/// the import takes the row without a moved-in date rather than refusing it (a typing slip in a whole
/// date, "31.02.2015", is still refused).
pub fn year(text: &str) -> Option<i32> {
    let t = text.trim().to_lowercase();
    let full = |y: &str| -> Option<i32> {
        if !y.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let n: i32 = y.parse().ok()?;
        let n = match y.len() {
            4 => n,
            // Two-digit years as [`date`] reads them.
            2 if n < 50 => 2000 + n,
            2 => 1900 + n,
            _ => return None,
        };
        (1900..=2100).contains(&n).then_some(n)
    };
    if t.len() == 4 {
        return full(&t);
    }
    // "04.2009", "4/2009", "04-2009", "2009-04", "2009.04".
    let parts: Vec<&str> = t.split(['.', '-', '/']).collect();
    if let [a, b] = parts[..] {
        let month = |m: &str| {
            (1..=2).contains(&m.len())
                && m.bytes().all(|c| c.is_ascii_digit())
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
        };
        if month(a) && b.len() == 4 {
            return full(b);
        }
        if a.len() == 4 && month(b) {
            return full(a);
        }
    }
    // "april 2009", "apr. 2009", "okt 09": a month's name or its first three letters.
    const MONTHS: &[&str] = &[
        "jan", "feb", "mar", "apr", "maj", "mai", "may", "jun", "jul", "aug", "sep", "okt", "oct",
        "nov", "dec", "des",
    ];
    let (name, y) = t.rsplit_once(' ')?;
    let name = name.trim_end_matches('.');
    let named = name.len() >= 3
        && name.chars().all(char::is_alphabetic)
        && MONTHS.iter().any(|m| name.starts_with(m))
        && name.len() <= 9;
    named.then(|| full(y)).flatten()
}

/// A cell that is only a number in the range of Excel dates from 1927 to 2173 (lower numbers
/// are more likely years or house numbers than dates).
fn serial_number(t: &str) -> Option<f64> {
    let value: f64 = t.parse().ok()?;
    let digits = t.split('.').next().unwrap_or("");
    (digits.len() == 5 && (10_000.0..100_000.0).contains(&value)).then_some(value)
}

/// The day of an Excel serial date number. Day 1 is 1900-01-01; Excel counts a 29 February 1900
/// that never was, so from day 61 on, day 0 is 1899-12-30.
pub fn excel_serial(serial: f64) -> Option<NaiveDate> {
    if !(1.0..3_000_000.0).contains(&serial) {
        return None;
    }
    let days = serial.floor() as i64;
    let base = if days >= 61 {
        NaiveDate::from_ymd_opt(1899, 12, 30)?
    } else {
        NaiveDate::from_ymd_opt(1899, 12, 31)?
    };
    base.checked_add_signed(Duration::days(days))
}

/// The people named in one cell: the register's one co-owner routine, shared with the redaction.
pub use crate::register::co_owners::split as names;

/// The e-mail addresses in one cell (some lists put both owners' in one cell).
pub fn emails(cell: &str) -> Vec<String> {
    cell.split([';', ',', ' ', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

/// Does a sublet-flag cell say yes?
pub fn yes(cell: &str) -> bool {
    matches!(
        cell.trim().to_lowercase().as_str(),
        "ja" | "j" | "yes" | "y" | "x" | "1" | "true" | "sand"
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::parse_iso as d;

    #[test]
    fn dates_in_every_form() {
        let want = d("2021-08-01");
        for t in [
            "01.08.2021",
            "1.8.2021",
            "01-08-2021",
            "01/08/2021",
            "2021-08-01",
            "2021-08-01 00:00:00",
            "01.08.21",
            "44409",
        ] {
            assert_eq!(date(t), want, "{t}");
        }
        assert_eq!(date("31.02.2020"), None);
        assert_eq!(date("soon"), None);
        assert_eq!(date("2021"), None);
        assert_eq!(year("2021"), Some(2021));
        assert_eq!(year(" 1987 "), Some(1987));
        for t in [
            "08.2021",
            "8/2021",
            "2021-08",
            "august 2021",
            "Aug. 2021",
            "aug 21",
            "okt. 2021",
        ] {
            assert_eq!(year(t), Some(2021), "{t}");
        }
        for t in [
            "21",
            "12021",
            "1850",
            "13.2021",
            "01.08.2021",
            "soon",
            "uke 2021",
            "nr 2021",
        ] {
            assert_eq!(year(t), None, "{t}");
        }
        assert_eq!(excel_serial(1.0), d("1900-01-01"));
        assert_eq!(excel_serial(61.0), d("1900-03-01"));
    }

    #[test]
    fn co_owners_in_one_cell() {
        // The shared routine (register::co_owners) is tested there; the import reads cells with it.
        assert_eq!(names("Jostein og Marit Pedersen").len(), 2);
    }
}
