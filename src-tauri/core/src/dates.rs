//! Dates as Andel writes and reads them in forms, the CLI, the database and the audit trail:
//! `YYYY-MM-DD`, nothing else. (Dates as people write them in minutes are `minutes::dates`;
//! dates in a document's language are `document::Lang::long_date`.)

use chrono::{Months, NaiveDate};

/// Parses a date as the forms and the CLI write it: `YYYY-MM-DD`.
pub fn parse_iso(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// A date as `YYYY-MM-DD`, for the database, the audit trail and messages.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// `months` calendar months after `day`: the same day number, or the month's last day when the
/// month is shorter (chrono clamps: 31 January + 1 month = 28 or 29 February). Deadlines and
/// retention periods count this way.
pub fn add_months(day: NaiveDate, months: u32) -> NaiveDate {
    day.checked_add_months(Months::new(months))
        .unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_round_trip_and_nothing_else_parses() {
        let d = parse_iso(" 2026-03-05 ").unwrap();
        assert_eq!(iso(d), "2026-03-05");
        assert_eq!(parse_iso("5.3.2026"), None);
        assert_eq!(parse_iso("2026-02-30"), None);
    }
}
