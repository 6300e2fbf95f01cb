//! Weekends and public holidays in Denmark, Norway and Sweden, so a deadline that falls on one is
//! shown as such. The deadline itself is not moved: Art. 12(3) counts calendar months, and
//! Regulation 1182/71 (which would move it to the next working day) is for the board to weigh;
//! Andel tells the board the day is not a working day, so it can answer before.

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

use crate::association::Country;

/// Why a day is not a working day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum DayOff {
    Saturday,
    Sunday,
    /// A public holiday, or a day the country's law treats as one for deadlines (the Swedish
    /// midsummer, Christmas and New Year's eves).
    Holiday,
}

/// Easter Sunday of a year (the Gregorian computus, anonymous algorithm).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Whether `day` is a public holiday in `country`.
pub fn is_holiday(day: NaiveDate, country: Country) -> bool {
    let (m, d) = (day.month(), day.day());
    let fixed: &[(u32, u32)] = match country {
        Country::DK => &[(1, 1), (12, 25), (12, 26)],
        Country::NO => &[(1, 1), (5, 1), (5, 17), (12, 25), (12, 26)],
        // Lag (1930:173) om beräkning av lagstadgad tid treats the eves like holidays.
        Country::SE => &[
            (1, 1),
            (1, 6),
            (5, 1),
            (6, 6),
            (12, 24),
            (12, 25),
            (12, 26),
            (12, 31),
        ],
    };
    if fixed.contains(&(m, d)) {
        return true;
    }
    if country == Country::SE && m == 6 && (19..=25).contains(&d) && day.weekday() == Weekday::Fri {
        return true; // midsommarafton
    }
    let Some(e) = easter(day.year()) else {
        return false;
    };
    let offset = (day - e).num_days();
    let movable: &[i64] = match country {
        // Maundy Thursday, Good Friday, Easter Monday, Ascension, Whit Monday (Sundays are days
        // off anyway).
        Country::DK | Country::NO => &[-3, -2, 1, 39, 50],
        Country::SE => &[-2, 1, 39],
    };
    movable.contains(&offset) || day == e + Duration::days(49)
}

/// Why `day` is not a working day in `country`, if it is not.
pub fn day_off(day: NaiveDate, country: Country) -> Option<DayOff> {
    if is_holiday(day, country) {
        return Some(DayOff::Holiday);
    }
    match day.weekday() {
        Weekday::Sat => Some(DayOff::Saturday),
        Weekday::Sun => Some(DayOff::Sunday),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn easter_is_right_for_known_years() {
        for (year, sunday) in [
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2026, "2026-04-05"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
        ] {
            assert_eq!(easter(year), Some(d(sunday)), "{year}");
        }
    }

    #[test]
    fn holidays_and_weekends_per_country() {
        // Maundy Thursday is a holiday in Denmark and Norway, not in Sweden.
        assert_eq!(day_off(d("2026-04-02"), Country::DK), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-04-02"), Country::NO), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-04-02"), Country::SE), None);
        // Constitution Day in Norway, National Day and midsummer's eve in Sweden.
        assert_eq!(day_off(d("2026-05-17"), Country::NO), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-06-06"), Country::SE), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-06-19"), Country::SE), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-06-19"), Country::DK), None);
        // Ascension (Easter + 39) and Whit Monday (+ 50) in Denmark.
        assert_eq!(day_off(d("2026-05-14"), Country::DK), Some(DayOff::Holiday));
        assert_eq!(day_off(d("2026-05-25"), Country::DK), Some(DayOff::Holiday));
        assert_eq!(
            day_off(d("2026-03-14"), Country::DK),
            Some(DayOff::Saturday)
        );
        assert_eq!(day_off(d("2026-03-15"), Country::SE), Some(DayOff::Sunday));
        assert_eq!(day_off(d("2026-03-16"), Country::NO), None);
    }
}
