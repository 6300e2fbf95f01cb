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

/// Words on a line that say its date is the meeting's: the meeting itself, "date"/"time", and the days
/// of the week ("Onsdag den 22. april 2026"), lower-case.
const MEETING_WORDS: &[&str] = &[
    "referat",
    "protokol",
    "protokoll",
    "generalforsamling",
    "generalforsamlingen",
    "bestyrelsesmøde",
    "styremøte",
    "styremøde",
    "årsmøte",
    "sameiermøte",
    "møde",
    "mødet",
    "møte",
    "møtet",
    "stämma",
    "föreningsstämma",
    "årsstämma",
    "styrelsemöte",
    "styrelsesammanträde",
    "sammanträde",
    "möte",
    "mötet",
    "dato",
    "datum",
    "tid",
    "tidspunkt",
    "mandag",
    "tirsdag",
    "tisdag",
    "onsdag",
    "torsdag",
    "fredag",
    "lørdag",
    "lördag",
    "laurdag",
    "søndag",
    "söndag",
    "sundag",
    "måndag",
    "tysdag",
];

/// Words right before a date that make it another day than the meeting's: the association's founding
/// ("Stiftet 9. maj 1986" in a letterhead) or a time since, lower-case.
const FOUNDING_WORDS: &[&str] = &[
    "stiftet",
    "stiftat",
    "stiftad",
    "stiftelsesdato",
    "grundlagt",
    "grunnlagt",
    "grundad",
    "grundat",
    "bildad",
    "bildat",
    "bildet",
    "etableret",
    "etablert",
    "etablerad",
    "oprettet",
    "opprettet",
    "founded",
    "established",
    "siden",
    "sedan",
    "since",
];

/// The meeting's date in the opening of `text` (its first 1,500 characters), if there is one: the first
/// date on a line that names the meeting, a date or a day of the week; else the first date. A date right
/// after a word of founding ("Stiftet 9. maj 1986") is never the meeting's.
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
    found.retain(|(at, d)| {
        (1900..=2200).contains(&chrono::Datelike::year(d)) && !after_founding(&head, *at)
    });
    found.sort_by_key(|(at, _)| *at);
    found
        .iter()
        .find(|(at, _)| on_a_meeting_line(&head, *at))
        .or(found.first())
        .map(|(_, d)| *d)
}

/// The words of the line `at` stands on, lower-case.
fn line_words(head: &str, at: usize) -> impl Iterator<Item = String> + '_ {
    let start = head[..at].rfind('\n').map_or(0, |i| i + 1);
    let end = head[at..].find('\n').map_or(head.len(), |i| at + i);
    head[start..end]
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
}

/// Words that make a line's meeting another one ("Næste møde 5. juni 2024").
const NEXT_WORDS: &[&str] = &[
    "næste", "neste", "nästa", "next", "kommende", "kommande", "frist",
];

fn on_a_meeting_line(head: &str, at: usize) -> bool {
    let mut meeting = false;
    for w in line_words(head, at) {
        if NEXT_WORDS.contains(&w.as_str()) {
            return false;
        }
        meeting |= MEETING_WORDS.contains(&w.as_str());
    }
    meeting
}

/// Whether the last word before `at` on its line, past "den"/"d." ("stiftet den 9. maj"), is a word of
/// founding.
fn after_founding(head: &str, at: usize) -> bool {
    let line = &head[head[..at].rfind('\n').map_or(0, |i| i + 1)..at];
    let mut words = line
        .rsplit(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase);
    let mut last = words.next();
    if matches!(last.as_deref(), Some("den" | "d")) {
        last = words.next();
    }
    last.is_some_and(|w| FOUNDING_WORDS.contains(&w.as_str()))
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

    /// Regression (the dev set's letterhead, found through the CLI): "STIFTET 9. MAJ 1986" above the
    /// meeting's date was read as the meeting's, so the register was loaded for 1986 and the board,
    /// whose roles began later, lost their names in the published minutes. A founding date is never the
    /// meeting's, and a line naming the meeting or a day of the week wins over an earlier date.
    #[test]
    fn regression_a_founding_date_in_the_letterhead_is_not_the_meetings() {
        assert_eq!(
            date_in_text(
                "A/B SOLBÆRHAVEN · STIFTET 9. MAJ 1986\nREFERAT\n\nOnsdag den 22. april 2026 kl. 19"
            ),
            day(2026, 4, 22)
        );
        assert_eq!(
            date_in_text("Brf Lönnen, bildad den 3 mars 1962\nProtokoll 2025-05-14"),
            day(2025, 5, 14)
        );
        assert_eq!(
            date_in_text(
                "Borettslaget (etablert 1971)\nInnkalling sendt 1.3.2025\nÅrsmøte 20. mars 2025"
            ),
            day(2025, 3, 20)
        );
        // The next meeting's line does not win over the date standing alone.
        assert_eq!(
            date_in_text("A/B Solbærhaven\n12.03.2024\n\nNæste møde 5. juni 2024"),
            day(2024, 3, 12)
        );
        // A founding date alone is no meeting's date.
        assert_eq!(date_in_text("Foreningen er stiftet 1. maj 1990."), None);
    }
}
