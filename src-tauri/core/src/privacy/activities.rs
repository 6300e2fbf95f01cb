//! The association's processing activities: what it does with personal data, why, on which legal
//! basis, who receives it and how long it is kept.
//!
//! Every archive starts with a default set for its country, written from how cooperatives
//! actually work: owner and member administration, sublets, name plates through the caretaker,
//! the minutes archive kept as the association's history, the newsletter by consent, the board's
//! e-mail and the website's security log. A default activity carries its `key`; a text field
//! the board never wrote means "the built-in text, in the document's language", so a Danish
//! association can still hand out an English notice.
//!
//! The board's own wording belongs to the language it was written in (`activity_text`, one row
//! per field and language): a document in that language uses it, a document in another language
//! falls back to the built-in text, and says so ([`Activity::fallbacks`], which the documents
//! carry to the preview), so no Danish sentence lands in a Swedish notice unannounced. An
//! activity the board added has no built-in text; another language then shows the board's text
//! as written, marked the same way. [`reset`] goes back to the built-in text.
//!
//! Recipients are kinds of organisation, so the notice names whichever administrator, caretaker
//! or newsletter tool the register holds today.

use std::sync::LazyLock;

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{db, Error};
use crate::association::{self, Country};
use crate::audit;
use crate::document::{self, Lang, Shown};
use crate::register::organisations::OrganisationKind;
use crate::register::{guard, Id};
use crate::retention::{self, RecordKind};
use crate::text::optional;

/// The legal basis of a processing activity, Art. 6(1) GDPR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "kebab-case")]
pub enum LegalBasis {
    /// Art. 6(1)(a).
    Consent,
    /// Art. 6(1)(b).
    Contract,
    /// Art. 6(1)(c).
    LegalObligation,
    /// Art. 6(1)(f); the interest must be spelled out.
    LegitimateInterest,
}

impl LegalBasis {
    pub const ALL: [LegalBasis; 4] = [
        LegalBasis::Consent,
        LegalBasis::Contract,
        LegalBasis::LegalObligation,
        LegalBasis::LegitimateInterest,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            LegalBasis::Consent => "consent",
            LegalBasis::Contract => "contract",
            LegalBasis::LegalObligation => "legal-obligation",
            LegalBasis::LegitimateInterest => "legitimate-interest",
        }
    }

    /// The letter of Art. 6(1).
    pub fn letter(self) -> char {
        match self {
            LegalBasis::Consent => 'a',
            LegalBasis::Contract => 'b',
            LegalBasis::LegalObligation => 'c',
            LegalBasis::LegitimateInterest => 'f',
        }
    }

    /// The basis as a notice names it, with the article: "Consent, Art. 6(1)(a)".
    pub fn label(self, lang: Lang) -> String {
        let l = self.letter();
        let name = match self {
            LegalBasis::Consent => lang.texts().activities.consent,
            LegalBasis::Contract => lang.texts().activities.contract,
            LegalBasis::LegalObligation => lang.texts().activities.legal_obligation,
            LegalBasis::LegitimateInterest => lang.texts().activities.legitimate_interest,
        };
        let article = (lang.texts().activities.article)(l);
        format!("{name}, {article}")
    }
}

impl std::str::FromStr for LegalBasis {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self, Error> {
        let t = s.trim().to_ascii_lowercase().replace('_', "-");
        LegalBasis::ALL
            .into_iter()
            .find(|b| b.as_str() == t)
            .ok_or_else(|| Error::UnknownBasis(s.to_string()))
    }
}

/// A text field of an activity, for [`reset`] and for telling which fields the board edited.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum ActivityField {
    Name,
    Purpose,
    LegalBasis,
    LegitimateInterest,
    DataCategories,
    SubjectCategories,
    RecipientKinds,
    OtherRecipients,
    Retention,
    Source,
}

impl ActivityField {
    pub const TEXTS: [ActivityField; 8] = [
        ActivityField::Name,
        ActivityField::Purpose,
        ActivityField::LegitimateInterest,
        ActivityField::DataCategories,
        ActivityField::SubjectCategories,
        ActivityField::OtherRecipients,
        ActivityField::Retention,
        ActivityField::Source,
    ];

    /// The field's name in the archive and in the documents' fallback marks.
    pub fn column(self) -> &'static str {
        match self {
            ActivityField::Name => "name",
            ActivityField::Purpose => "purpose",
            ActivityField::LegalBasis => "legal_basis",
            ActivityField::LegitimateInterest => "legitimate_interest",
            ActivityField::DataCategories => "data_categories",
            ActivityField::SubjectCategories => "subject_categories",
            ActivityField::RecipientKinds => "recipient_kinds",
            ActivityField::OtherRecipients => "other_recipients",
            ActivityField::Retention => "retention",
            ActivityField::Source => "source",
        }
    }
}

/// An activity's texts in one language: the board's wording where it wrote one, else the
/// built-in text.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityText {
    pub name: String,
    pub purpose: String,
    /// The interest weighed, when the basis is legitimate interest.
    pub legitimate_interest: Option<String>,
    pub data_categories: String,
    pub subject_categories: String,
    /// Recipients that are not organisations in the register (for example the web host).
    pub other_recipients: Option<String>,
    pub retention: String,
    pub source: String,
}

/// A processing activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Activity {
    /// 0 for a default activity not yet written to the archive (only seen by readers that
    /// write nothing, such as a preview of a read-only archive).
    pub id: Id,
    /// The default activity this is ("members", "sublets", ...); `None` if the board added it.
    pub key: Option<String>,
    pub position: u32,
    pub legal_basis: LegalBasis,
    pub recipient_kinds: Vec<OrganisationKind>,
    pub active: bool,
    /// The texts in the language asked for.
    pub text: ActivityText,
    /// The fields that hold the board's own wording (in the language asked for) or choice
    /// rather than the built-in default.
    pub edited: Vec<ActivityField>,
    /// The fields whose wording the board wrote only in other languages, and what `text` shows
    /// instead.
    #[serde(default)]
    pub fallbacks: Vec<TextFallback>,
    pub updated_at: String,
}

/// A field of an activity that the board wrote in another language than the one asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct TextFallback {
    pub field: ActivityField,
    /// The language of the board's text (the association's own first, when it wrote several).
    pub written_in: Lang,
    pub shown: Shown,
}

impl Activity {
    /// The fallbacks as a document lists them, under the activity's name.
    pub fn document_fallbacks(&self) -> impl Iterator<Item = document::Fallback> + '_ {
        self.fallbacks.iter().map(|f| document::Fallback {
            owner: self.text.name.clone(),
            field: f.field.column().to_string(),
            written_in: f.written_in,
            shown: f.shown,
        })
    }
}

/// A new activity, or changes to one: `None` keeps a field; an empty text clears the board's
/// wording (a default activity then goes back to the built-in text).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ActivityFields {
    pub name: Option<String>,
    pub purpose: Option<String>,
    pub legal_basis: Option<LegalBasis>,
    pub legitimate_interest: Option<String>,
    pub data_categories: Option<String>,
    pub subject_categories: Option<String>,
    pub recipient_kinds: Option<Vec<OrganisationKind>>,
    pub other_recipients: Option<String>,
    pub retention: Option<String>,
    pub source: Option<String>,
}

/// The default activities, in the order the notice lists them.
pub const DEFAULT_KEYS: [&str; 7] = [
    "members",
    "sublets",
    "name_plates",
    "minutes_archive",
    "newsletter",
    "board_email",
    "website_logs",
];

/// The default legal basis of a default activity in a country.
pub fn default_basis(key: &str, country: Country) -> LegalBasis {
    match key {
        // A Swedish bostadsrättsförening must keep a member and apartment register by law.
        "members" if country == Country::SE => LegalBasis::LegalObligation,
        "members" | "sublets" => LegalBasis::Contract,
        "newsletter" => LegalBasis::Consent,
        _ => LegalBasis::LegitimateInterest,
    }
}

/// The kinds of organisation a default activity shares data with.
pub fn default_recipients(key: &str) -> Vec<OrganisationKind> {
    use OrganisationKind::*;
    match key {
        "members" => vec![Administrator, Cloud, Auditor, Bank],
        // Sublets and name-plate orders live in the same encrypted archive as the register, so the
        // cloud service that stores the archive holds them too.
        "sublets" => vec![Administrator, Cloud],
        "name_plates" => vec![Caretaker, Cloud],
        "minutes_archive" | "board_email" => vec![Cloud],
        "newsletter" => vec![Newsletter],
        _ => vec![],
    }
}

/// How the language names a country's national identity numbers (one place for every document).
fn national_id(lang: Lang, country: Country) -> String {
    super::national_ids(lang, country)
}

/// What the built-in texts say about a particular archive: its country and the retention rules
/// the board set, so the notice states the periods the sweep actually applies (a changed rule
/// changes the notice's text, and so makes it a new version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub country: Country,
    /// Months after moving out that a former owner's contact data is kept; `None`: kept.
    pub former_owner_contact: Option<u32>,
    /// Months after their sublet ended that a former subtenant's contact data is kept.
    pub former_subtenant_contact: Option<u32>,
    /// Months after the decision that a rejected sublet application is kept.
    pub rejected_sublet: Option<u32>,
    /// Months after mounting that a name-plate order is kept.
    pub mounted_plate_order: Option<u32>,
    /// Months after closing that a resident's request is kept.
    pub closed_request: Option<u32>,
}

impl Facts {
    /// The country's default rules, for texts read without an archive's rules.
    pub fn defaults(country: Country) -> Facts {
        let d = |k| retention::default_months(k, country);
        Facts {
            country,
            former_owner_contact: d(RecordKind::FormerOwnerContact),
            former_subtenant_contact: d(RecordKind::FormerSubtenantContact),
            rejected_sublet: d(RecordKind::RejectedSublet),
            mounted_plate_order: d(RecordKind::MountedPlateOrder),
            closed_request: d(RecordKind::ClosedRequest),
        }
    }

    /// The archive's country and the rules as the board set them.
    pub fn of(conn: &Connection) -> Result<Facts, Error> {
        let country = association::get(conn)?.country;
        let mut facts = Facts::defaults(country);
        for rule in retention::rules(conn).map_err(Error::Retention)? {
            match rule.kind {
                RecordKind::FormerOwnerContact => facts.former_owner_contact = rule.months,
                RecordKind::FormerSubtenantContact => facts.former_subtenant_contact = rule.months,
                RecordKind::RejectedSublet => facts.rejected_sublet = rule.months,
                RecordKind::MountedPlateOrder => facts.mounted_plate_order = rule.months,
                RecordKind::ClosedRequest => facts.closed_request = rule.months,
                RecordKind::Minutes => {}
            }
        }
        Ok(facts)
    }
}

/// "5 år", "18 måneder", "1 year": a retention period in running text; `None` reads as "without
/// time limit".
pub fn period(lang: Lang, months: Option<u32>) -> String {
    let Some(n) = months else {
        return lang.texts().activities.without_time_limit.to_string();
    };
    let t = &lang.texts().activities;
    let (years, one_year, many_years, one_month, many_months) =
        (n / 12, t.one_year, t.years, t.one_month, t.months);
    match (n % 12 == 0, years, n) {
        (true, 1, _) => one_year.to_string(),
        (true, y, _) => format!("{y} {many_years}"),
        (false, _, 1) => one_month.to_string(),
        (false, _, n) => format!("{n} {many_months}"),
    }
}

/// How long bookkeeping records are kept, as each country's bookkeeping act counts it (Sweden
/// counts to the end of the seventh year after the calendar year in which the financial year
/// ended, not from the financial year's end).
pub fn bookkeeping(lang: Lang, country: Country) -> &'static str {
    match country {
        Country::DK => lang.texts().activities.bookkeeping_dk,
        Country::NO => lang.texts().activities.bookkeeping_no,
        Country::SE => lang.texts().activities.bookkeeping_se,
    }
}

/// The built-in texts of the default activities, as data.
const DEFAULTS: &str = include_str!("../../../../assets/privacy/activities.json");

/// One text in every language; a language missing is a parse error.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Langs {
    da: String,
    nb: String,
    sv: String,
    en: String,
}

impl Langs {
    fn all(&self) -> [&str; 4] {
        [&self.da, &self.nb, &self.sv, &self.en].map(String::as_str)
    }

    fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::Nb => &self.nb,
            Lang::Sv => &self.sv,
            Lang::En => &self.en,
        }
    }
}

/// A built-in text: the same in every country, or per country where the law differs.
#[derive(Debug, Deserialize)]
#[serde(untagged)]
enum DefaultText {
    Everywhere(Langs),
    PerCountry(PerCountry),
}

/// A text that differs by country, in every language.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct PerCountry {
    #[serde(rename = "DK")]
    dk: Langs,
    #[serde(rename = "NO")]
    no: Langs,
    #[serde(rename = "SE")]
    se: Langs,
}

impl DefaultText {
    fn get(&self, lang: Lang, country: Country) -> &str {
        match self {
            DefaultText::Everywhere(t) => t.get(lang),
            DefaultText::PerCountry(c) => match country {
                Country::DK => c.dk.get(lang),
                Country::NO => c.no.get(lang),
                Country::SE => c.se.get(lang),
            },
        }
    }

    fn all(&self) -> Vec<&str> {
        match self {
            DefaultText::Everywhere(t) => t.all().to_vec(),
            DefaultText::PerCountry(c) => [c.dk.all(), c.no.all(), c.se.all()].concat(),
        }
    }
}

/// A default activity's built-in texts; the fields a default has no text for are absent.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultTexts {
    name: DefaultText,
    purpose: DefaultText,
    #[serde(default)]
    legitimate_interest: Option<DefaultText>,
    data_categories: DefaultText,
    subject_categories: DefaultText,
    #[serde(default)]
    other_recipients: Option<DefaultText>,
    retention: DefaultText,
    source: DefaultText,
    /// The record's wording where it differs from the notice's: the notice speaks to the
    /// resident ("you"), the Art. 30 record of the data subjects in the third person.
    #[serde(default)]
    record: Option<RecordTexts>,
}

/// A default activity's texts as the record words them, for the fields that address the reader
/// in the notice.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RecordTexts {
    #[serde(default)]
    data_categories: Option<DefaultText>,
    #[serde(default)]
    retention: Option<DefaultText>,
    #[serde(default)]
    source: Option<DefaultText>,
}

impl RecordTexts {
    fn field(&self, field: ActivityField) -> Option<&DefaultText> {
        match field {
            ActivityField::DataCategories => self.data_categories.as_ref(),
            ActivityField::Retention => self.retention.as_ref(),
            ActivityField::Source => self.source.as_ref(),
            _ => None,
        }
    }
}

impl DefaultTexts {
    fn field(&self, field: ActivityField) -> Option<&DefaultText> {
        match field {
            ActivityField::Name => Some(&self.name),
            ActivityField::Purpose => Some(&self.purpose),
            ActivityField::LegitimateInterest => self.legitimate_interest.as_ref(),
            ActivityField::DataCategories => Some(&self.data_categories),
            ActivityField::SubjectCategories => Some(&self.subject_categories),
            ActivityField::OtherRecipients => self.other_recipients.as_ref(),
            ActivityField::Retention => Some(&self.retention),
            ActivityField::Source => Some(&self.source),
            ActivityField::LegalBasis | ActivityField::RecipientKinds => None,
        }
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct DefaultsFile {
    /// What the file is, for whoever edits it.
    #[serde(rename = "about")]
    _about: String,
    activities: std::collections::BTreeMap<String, DefaultTexts>,
}

/// The placeholders the built-in texts may hold.
const PLACEHOLDERS: [&str; 6] = ["id", "bk", "contact", "rejected", "ended", "plates"];

fn parse_defaults(text: &str) -> Result<DefaultsFile, String> {
    let file: DefaultsFile = serde_json::from_str(text).map_err(|e| e.to_string())?;
    for (key, texts) in &file.activities {
        if !DEFAULT_KEYS.contains(&key.as_str()) {
            return Err(format!("{key} is not a default activity"));
        }
        for field in ActivityField::TEXTS {
            let record = texts.record.as_ref().and_then(|r| r.field(field));
            if record.is_some() && texts.field(field).is_none() {
                return Err(format!(
                    "{key}.record.{}: a record text for a field the notice has none for",
                    field.column()
                ));
            }
            let notice = texts.field(field).map(DefaultText::all).unwrap_or_default();
            let record = record.map(DefaultText::all).unwrap_or_default();
            for t in notice.into_iter().chain(record) {
                if t.trim().is_empty() {
                    return Err(format!("{key}.{}: a blank text", field.column()));
                }
                for (at, _) in t.match_indices('{') {
                    let name = t[at + 1..].split('}').next().unwrap_or_default();
                    if !PLACEHOLDERS.contains(&name) {
                        return Err(format!(
                            "{key}.{}: unknown placeholder {{{name}",
                            field.column()
                        ));
                    }
                }
            }
        }
    }
    if let Some(missing) = DEFAULT_KEYS
        .iter()
        .find(|k| !file.activities.contains_key(**k))
    {
        return Err(format!("no texts for the default activity {missing}"));
    }
    Ok(file)
}

/// The built-in texts compiled into Andel, parsed on first use. It cannot fail at run time
/// without failing `the_default_texts_parse` first.
#[allow(clippy::expect_used)]
fn defaults() -> &'static DefaultsFile {
    static DEFAULTS_FILE: LazyLock<DefaultsFile> = LazyLock::new(|| {
        parse_defaults(DEFAULTS).expect("assets/privacy/activities.json parses (see the unit test)")
    });
    &DEFAULTS_FILE
}

/// `{name}` in `template` replaced by its value, in one pass (a value holding braces stays as
/// it is).
fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(at) = rest.find('{') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        match after.split_once('}').and_then(|(name, tail)| {
            values
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| (*v, tail))
        }) {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

/// The built-in text of a default activity's field, in a language, for a country. `None` where
/// the field has no text (no legitimate interest for a contract, no other recipients).
pub fn builtin(key: &str, field: ActivityField, lang: Lang, facts: &Facts) -> Option<String> {
    let text = defaults().activities.get(key)?.field(field)?;
    Some(filled(text, lang, facts))
}

/// The record's built-in wording of a field where it differs from the notice's (the notice says
/// "you", the record speaks of data subjects); `None` where the notice's text serves both.
pub fn record_builtin(
    key: &str,
    field: ActivityField,
    lang: Lang,
    facts: &Facts,
) -> Option<String> {
    let text = defaults()
        .activities
        .get(key)?
        .record
        .as_ref()?
        .field(field)?;
    Some(filled(text, lang, facts))
}

/// An activity as the record words it: each built-in text that addresses the resident in the
/// notice replaced by the record's third-person wording. The board's own wording stays as written.
pub fn in_record_voice(mut a: Activity, lang: Lang, facts: &Facts) -> Activity {
    let Some(key) = a.key.clone() else {
        return a;
    };
    for field in [
        ActivityField::DataCategories,
        ActivityField::Retention,
        ActivityField::Source,
    ] {
        if a.edited.contains(&field) {
            continue;
        }
        if let Some(text) = record_builtin(&key, field, lang, facts) {
            match field {
                ActivityField::DataCategories => a.text.data_categories = text,
                ActivityField::Retention => a.text.retention = text,
                _ => a.text.source = text,
            }
        }
    }
    a
}

/// A built-in text with the archive's facts filled in.
fn filled(text: &DefaultText, lang: Lang, facts: &Facts) -> String {
    let country = facts.country;
    let bk = bookkeeping(lang, country);
    let contact = period(lang, facts.former_owner_contact);
    let rejected = period(lang, facts.rejected_sublet);
    let ended = period(lang, facts.former_subtenant_contact);
    let plates = period(lang, facts.mounted_plate_order);
    let id = national_id(lang, country);
    fill(
        text.get(lang, country),
        &[
            ("id", &id),
            ("bk", bk),
            ("contact", &contact),
            ("rejected", &rejected),
            ("ended", &ended),
            ("plates", &plates),
        ],
    )
}

/// The board's wording of one field, in each language it wrote it in.
type Texts = Vec<(Lang, String)>;

/// The text of `texts` in `lang`.
fn in_lang(texts: &Texts, lang: Lang) -> Option<&str> {
    texts
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, t)| t.as_str())
}

/// Sets (or, with `None`, removes) the text in `lang`.
fn set_in(texts: &mut Texts, lang: Lang, text: Option<String>) {
    texts.retain(|(l, _)| *l != lang);
    if let Some(t) = text {
        texts.push((lang, t));
    }
}

/// A row as stored.
struct Stored {
    id: Id,
    key: Option<String>,
    position: u32,
    /// The board's wording per field, in [`ActivityField::TEXTS`] order.
    texts: [Texts; 8],
    legal_basis: LegalBasis,
    recipient_kinds: Vec<OrganisationKind>,
    active: bool,
    updated_at: String,
}

const COLUMNS: &str = "id, key, position, legal_basis, recipient_kinds, active, updated_at";

fn kinds_from(text: &str) -> Vec<OrganisationKind> {
    text.split(',')
        .filter_map(|k| k.trim().parse().ok())
        .collect()
}

fn kinds_to(kinds: &[OrganisationKind]) -> String {
    let mut seen = Vec::new();
    for k in kinds {
        if !seen.contains(k) {
            seen.push(*k);
        }
    }
    seen.iter()
        .map(|k| k.as_str())
        .collect::<Vec<_>>()
        .join(",")
}

fn from_row(r: &Row<'_>) -> rusqlite::Result<Stored> {
    let basis: String = r.get(3)?;
    let kinds: String = r.get(4)?;
    Ok(Stored {
        id: r.get(0)?,
        key: r.get(1)?,
        position: r.get(2)?,
        texts: Default::default(),
        legal_basis: basis.parse().unwrap_or(LegalBasis::LegitimateInterest),
        recipient_kinds: kinds_from(&kinds),
        active: r.get(5)?,
        updated_at: r.get(6)?,
    })
}

/// The board's texts of the activities in `rows`, filled in.
fn with_texts(conn: &Connection, rows: &mut [Stored], only: Option<Id>) -> Result<(), Error> {
    let mut stmt = conn
        .prepare(
            "SELECT activity_id, field, language, text FROM activity_text
             WHERE ?1 IS NULL OR activity_id = ?1",
        )
        .map_err(db("reading the processing activities' texts"))?;
    let texts = stmt
        .query_map([only], |r| {
            Ok((
                r.get::<_, Id>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db("reading the processing activities' texts"))?;
    for (id, field, language, text) in texts {
        // The table's CHECKs admit only known fields and languages.
        let (Some(i), Ok(lang)) = (
            ActivityField::TEXTS
                .iter()
                .position(|f| f.column() == field),
            language.parse::<Lang>(),
        ) else {
            continue;
        };
        if let Some(row) = rows.iter_mut().find(|r| r.id == id) {
            row.texts[i].push((lang, text));
        }
    }
    Ok(())
}

fn stored(conn: &Connection) -> Result<Vec<Stored>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM processing_activity ORDER BY position, id"
        ))
        .map_err(db("reading the processing activities"))?;
    let mut rows = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db("reading the processing activities"))?;
    with_texts(conn, &mut rows, None)?;
    Ok(rows)
}

fn stored_one(conn: &Connection, id: Id) -> Result<Stored, Error> {
    let row = conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM processing_activity WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()
        .map_err(db("reading a processing activity"))?
        .ok_or(Error::NotFound(id))?;
    let mut rows = [row];
    with_texts(conn, &mut rows, Some(id))?;
    let [row] = rows;
    Ok(row)
}

fn default_row(key: &str, position: u32, country: Country) -> Stored {
    Stored {
        id: 0,
        key: Some(key.to_string()),
        position,
        texts: Default::default(),
        legal_basis: default_basis(key, country),
        recipient_kinds: default_recipients(key),
        active: true,
        updated_at: String::new(),
    }
}

/// The languages in the order a text written in another language is taken from: the
/// association's own first, English last.
fn preference(home: Lang) -> impl Iterator<Item = Lang> {
    std::iter::once(home).chain(
        [Lang::Da, Lang::Nb, Lang::Sv, Lang::En]
            .into_iter()
            .filter(move |l| *l != home),
    )
}

fn resolve(s: Stored, lang: Lang, facts: &Facts) -> Activity {
    let country = facts.country;
    let home = Lang::of_country(country);
    let mut fallbacks = Vec::new();
    let mut text_of = |i: usize| -> Option<String> {
        let field = ActivityField::TEXTS[i];
        if let Some(own) = in_lang(&s.texts[i], lang) {
            return Some(own.to_string());
        }
        let other = preference(home).find_map(|l| in_lang(&s.texts[i], l).map(|t| (l, t)));
        match (&s.key, other) {
            (Some(key), other) => {
                if let Some((written_in, _)) = other {
                    fallbacks.push(TextFallback {
                        field,
                        written_in,
                        shown: Shown::BuiltIn,
                    });
                }
                builtin(key, field, lang, facts)
            }
            (None, Some((written_in, text))) => {
                fallbacks.push(TextFallback {
                    field,
                    written_in,
                    shown: Shown::AsWritten,
                });
                Some(text.to_string())
            }
            (None, None) => None,
        }
    };
    let mut edited: Vec<ActivityField> = ActivityField::TEXTS
        .iter()
        .enumerate()
        .filter(|(i, _)| s.key.is_some() && in_lang(&s.texts[*i], lang).is_some())
        .map(|(_, f)| *f)
        .collect();
    if let Some(key) = &s.key {
        if s.legal_basis != default_basis(key, country) {
            edited.push(ActivityField::LegalBasis);
        }
        if s.recipient_kinds != default_recipients(key) {
            edited.push(ActivityField::RecipientKinds);
        }
    }
    let text = ActivityText {
        name: text_of(0).unwrap_or_default(),
        purpose: text_of(1).unwrap_or_default(),
        legitimate_interest: if s.legal_basis == LegalBasis::LegitimateInterest {
            text_of(2)
        } else {
            None
        },
        data_categories: text_of(3).unwrap_or_default(),
        subject_categories: text_of(4).unwrap_or_default(),
        other_recipients: text_of(5),
        retention: text_of(6).unwrap_or_default(),
        source: text_of(7).unwrap_or_default(),
    };
    Activity {
        id: s.id,
        key: s.key,
        position: s.position,
        legal_basis: s.legal_basis,
        recipient_kinds: s.recipient_kinds,
        active: s.active,
        text,
        edited,
        fallbacks,
        updated_at: s.updated_at,
    }
}

/// The activities as they stand, texts in `lang`, without writing anything: the stored rows,
/// plus the country's default activities that were never written (with id 0). Inactive ones are
/// included; the documents skip them.
pub fn current(conn: &Connection, lang: Lang) -> Result<Vec<Activity>, Error> {
    let facts = Facts::of(conn)?;
    let country = facts.country;
    let mut rows = stored(conn)?;
    for (i, key) in DEFAULT_KEYS.iter().enumerate() {
        if !rows.iter().any(|r| r.key.as_deref() == Some(*key)) {
            rows.push(default_row(key, i as u32 + 1, country));
        }
    }
    rows.sort_by_key(|r| (r.position, r.id));
    Ok(rows.into_iter().map(|r| resolve(r, lang, &facts)).collect())
}

/// Writes the country's default activities that the archive does not hold yet. Returns how
/// many were written.
pub fn materialise(conn: &Connection, actor: &str, now: DateTime<Utc>) -> Result<usize, Error> {
    let country = association::get(conn)?.country;
    let have = stored(conn)?;
    let mut added = 0;
    for (i, key) in DEFAULT_KEYS.iter().enumerate() {
        if have.iter().any(|r| r.key.as_deref() == Some(*key)) {
            continue;
        }
        conn.execute(
            "INSERT INTO processing_activity (key, position, legal_basis, recipient_kinds, updated_at)
             VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                key,
                i as u32 + 1,
                default_basis(key, country).as_str(),
                kinds_to(&default_recipients(key)),
                now.to_rfc3339()
            ],
        )
        .map_err(db("writing the default processing activities"))?;
        added += 1;
    }
    if added > 0 {
        audit::record(conn, now, actor, "privacy.activities.defaults", None)
            .map_err(db("recording the change"))?;
    }
    Ok(added)
}

/// Every activity for the editing screen, texts in `lang`, active ones and inactive ones, after
/// writing any default activity the archive does not hold yet.
pub fn list(
    conn: &Connection,
    lang: Lang,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Vec<Activity>, Error> {
    materialise(conn, actor, now)?;
    current(conn, lang)
}

/// One activity, texts in `lang`.
pub fn get(conn: &Connection, id: Id, lang: Lang) -> Result<Activity, Error> {
    let facts = Facts::of(conn)?;
    Ok(resolve(stored_one(conn, id)?, lang, &facts))
}

fn check(f: &ActivityFields) -> Result<(), Error> {
    for (label, value) in [
        ("The name", &f.name),
        ("The purpose", &f.purpose),
        ("The legitimate interest", &f.legitimate_interest),
        ("The data categories", &f.data_categories),
        ("The categories of people", &f.subject_categories),
        ("The other recipients", &f.other_recipients),
        ("The retention", &f.retention),
        ("The source", &f.source),
    ] {
        guard::check_opt(label, value.as_deref())?;
    }
    Ok(())
}

/// Multi-line texts keep their line breaks; each line is tidied.
fn clean(text: &str) -> Option<String> {
    let lines: Vec<String> = text.lines().filter_map(|l| optional(Some(l))).collect();
    (!lines.is_empty()).then(|| lines.join("\n"))
}

fn texts_of(f: &ActivityFields) -> [Option<&Option<String>>; 8] {
    [
        f.name.as_ref().map(|_| &f.name),
        f.purpose.as_ref().map(|_| &f.purpose),
        f.legitimate_interest
            .as_ref()
            .map(|_| &f.legitimate_interest),
        f.data_categories.as_ref().map(|_| &f.data_categories),
        f.subject_categories.as_ref().map(|_| &f.subject_categories),
        f.other_recipients.as_ref().map(|_| &f.other_recipients),
        f.retention.as_ref().map(|_| &f.retention),
        f.source.as_ref().map(|_| &f.source),
    ]
}

fn write(conn: &Connection, s: &Stored, now: DateTime<Utc>) -> Result<(), Error> {
    conn.execute(
        "UPDATE processing_activity SET legal_basis = ?2, recipient_kinds = ?3, active = ?4,
            updated_at = ?5
         WHERE id = ?1",
        params![
            s.id,
            s.legal_basis.as_str(),
            kinds_to(&s.recipient_kinds),
            s.active,
            now.to_rfc3339()
        ],
    )
    .map_err(db("changing a processing activity"))?;
    conn.execute("DELETE FROM activity_text WHERE activity_id = ?1", [s.id])
        .map_err(db("changing a processing activity"))?;
    for (field, texts) in ActivityField::TEXTS.iter().zip(&s.texts) {
        for (lang, text) in texts {
            conn.execute(
                "INSERT INTO activity_text (activity_id, field, language, text)
                 VALUES (?1, ?2, ?3, ?4)",
                params![s.id, field.column(), lang.code(), text],
            )
            .map_err(db("changing a processing activity"))?;
        }
    }
    Ok(())
}

/// A legitimate interest must be spelled out: by the board, or by the built-in text.
fn check_interest(s: &Stored, country: Country) -> Result<(), Error> {
    if s.legal_basis != LegalBasis::LegitimateInterest || !s.texts[2].is_empty() {
        return Ok(());
    }
    let builtin = s.key.as_deref().and_then(|k| {
        builtin(
            k,
            ActivityField::LegitimateInterest,
            Lang::En,
            &Facts::defaults(country),
        )
    });
    if builtin.is_none() {
        return Err(Error::NoLegitimateInterest);
    }
    Ok(())
}

/// Changes an activity; the texts given are the board's wording in `lang` (its wording in other
/// languages stays). An empty text clears the board's wording in `lang`: a default activity goes
/// back to its built-in text, a custom one to its text in another language, if any.
pub fn update(
    conn: &Connection,
    id: Id,
    changes: &ActivityFields,
    lang: Lang,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Activity, Error> {
    check(changes)?;
    let country = association::get(conn)?.country;
    let mut s = stored_one(conn, id)?;
    for (i, change) in texts_of(changes).into_iter().enumerate() {
        if let Some(value) = change {
            set_in(&mut s.texts[i], lang, value.as_deref().and_then(clean));
        }
    }
    if s.key.is_none() && s.texts[0].is_empty() {
        return Err(Error::NoName);
    }
    if s.key.is_none() && s.texts[1].is_empty() {
        return Err(Error::NoPurpose);
    }
    if let Some(b) = changes.legal_basis {
        s.legal_basis = b;
    }
    if let Some(k) = &changes.recipient_kinds {
        s.recipient_kinds = kinds_from(&kinds_to(k));
    }
    check_interest(&s, country)?;
    write(conn, &s, now)?;
    audit::record(
        conn,
        now,
        actor,
        "privacy.activity.update",
        Some(&format!("processing_activity:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, lang)
}

/// Adds an activity of the board's own, its texts written in `lang`. It needs a name, a purpose
/// and a legal basis (and the interest, for legitimate interest).
pub fn add(
    conn: &Connection,
    fields: &ActivityFields,
    lang: Lang,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Activity, Error> {
    check(fields)?;
    let country = association::get(conn)?.country;
    let name = fields
        .name
        .as_deref()
        .and_then(clean)
        .ok_or(Error::NoName)?;
    let purpose = fields
        .purpose
        .as_deref()
        .and_then(clean)
        .ok_or(Error::NoPurpose)?;
    let basis = fields.legal_basis.ok_or(Error::NoBasis)?;
    let written = |t: Option<String>| -> Texts { t.map(|t| vec![(lang, t)]).unwrap_or_default() };
    let cleaned = |t: &Option<String>| written(t.as_deref().and_then(clean));
    let s = Stored {
        id: 0,
        key: None,
        position: 0,
        texts: [
            written(Some(name)),
            written(Some(purpose)),
            cleaned(&fields.legitimate_interest),
            cleaned(&fields.data_categories),
            cleaned(&fields.subject_categories),
            cleaned(&fields.other_recipients),
            cleaned(&fields.retention),
            cleaned(&fields.source),
        ],
        legal_basis: basis,
        recipient_kinds: fields.recipient_kinds.clone().unwrap_or_default(),
        active: true,
        updated_at: String::new(),
    };
    check_interest(&s, country)?;
    materialise(conn, actor, now)?;
    let position: u32 = conn
        .query_row(
            "SELECT coalesce(max(position), 0) + 1 FROM processing_activity",
            [],
            |r| r.get(0),
        )
        .map_err(db("adding a processing activity"))?;
    conn.execute(
        "INSERT INTO processing_activity (position, legal_basis, recipient_kinds, updated_at)
         VALUES (?1, ?2, ?3, ?4)",
        params![position, basis.as_str(), "", now.to_rfc3339()],
    )
    .map_err(db("adding a processing activity"))?;
    let id = conn.last_insert_rowid() as Id;
    write(conn, &Stored { id, position, ..s }, now)?;
    audit::record(
        conn,
        now,
        actor,
        "privacy.activity.add",
        Some(&format!("processing_activity:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, lang)
}

/// Stops (or resumes) an activity: an inactive one stays in the archive but leaves the notice
/// and the record.
pub fn set_active(
    conn: &Connection,
    id: Id,
    active: bool,
    lang: Lang,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Activity, Error> {
    let mut s = stored_one(conn, id)?;
    s.active = active;
    write(conn, &s, now)?;
    audit::record(
        conn,
        now,
        actor,
        if active {
            "privacy.activity.reactivate"
        } else {
            "privacy.activity.deactivate"
        },
        Some(&format!("processing_activity:{id}")),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, lang)
}

/// Puts one field of a default activity back to the built-in text in `lang` (the board's
/// wording in other languages stays), or the basis or recipients back to the default.
pub fn reset(
    conn: &Connection,
    id: Id,
    field: ActivityField,
    lang: Lang,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<Activity, Error> {
    let country = association::get(conn)?.country;
    let mut s = stored_one(conn, id)?;
    let key = s.key.clone().ok_or(Error::NotDefault(id))?;
    match field {
        ActivityField::LegalBasis => s.legal_basis = default_basis(&key, country),
        ActivityField::RecipientKinds => s.recipient_kinds = default_recipients(&key),
        text => {
            if let Some(i) = ActivityField::TEXTS.iter().position(|f| *f == text) {
                set_in(&mut s.texts[i], lang, None);
            }
        }
    }
    check_interest(&s, country)?;
    write(conn, &s, now)?;
    audit::record(
        conn,
        now,
        actor,
        "privacy.activity.reset",
        Some(&format!("processing_activity:{id}:{}", field.column())),
    )
    .map_err(db("recording the change"))?;
    get(conn, id, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::testing::{now, register};

    #[test]
    fn the_default_texts_parse() {
        let file = parse_defaults(DEFAULTS).unwrap();
        assert_eq!(file.activities.len(), DEFAULT_KEYS.len());
        let bad = [
            r#"{"about": "", "activities": {}}"#,
            r#"{"about": "", "activities": {"members": {"name": {"da": "x", "nb": "x", "sv": "x"}}}}"#,
        ];
        for text in bad {
            assert!(parse_defaults(text).is_err(), "{text}");
        }
        let no_english = DEFAULTS.replacen("\"en\":", "\"eng\":", 1);
        assert!(parse_defaults(&no_english).is_err());
        let typo = DEFAULTS.replacen("{contact}", "{kontakt}", 1);
        assert!(parse_defaults(&typo).unwrap_err().contains("kontakt"));
        assert_eq!(
            fill("a {x} {y} {z", &[("x", "{y}"), ("y", "2")]),
            "a {y} 2 {z"
        );
    }

    #[test]
    fn every_default_has_every_text_in_every_language() {
        for country in [Country::DK, Country::NO, Country::SE] {
            for lang in [Lang::Da, Lang::Nb, Lang::Sv, Lang::En] {
                for key in DEFAULT_KEYS {
                    for field in [
                        ActivityField::Name,
                        ActivityField::Purpose,
                        ActivityField::DataCategories,
                        ActivityField::SubjectCategories,
                        ActivityField::Retention,
                        ActivityField::Source,
                    ] {
                        assert!(
                            builtin(key, field, lang, &Facts::defaults(country)).is_some(),
                            "{key} {field:?} {lang:?} {country:?}"
                        );
                    }
                    let interest = builtin(
                        key,
                        ActivityField::LegitimateInterest,
                        lang,
                        &Facts::defaults(country),
                    );
                    assert_eq!(
                        interest.is_some(),
                        default_basis(key, country) == LegalBasis::LegitimateInterest,
                        "{key} {lang:?} {country:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn defaults_are_written_once_and_edits_reset() {
        let conn = register(Country::DK);
        assert_eq!(current(&conn, Lang::Da).unwrap().len(), 7);
        assert!(current(&conn, Lang::Da).unwrap().iter().all(|a| a.id == 0));
        let all = list(&conn, Lang::En, "Test", now()).unwrap();
        assert_eq!(all.len(), 7);
        assert_eq!(list(&conn, Lang::En, "Test", now()).unwrap(), all);
        let plates = all
            .iter()
            .find(|a| a.key.as_deref() == Some("name_plates"))
            .unwrap();
        assert_eq!(plates.text.name, "Name plates");
        let changed = update(
            &conn,
            plates.id,
            &ActivityFields {
                retention: Some("Until the plate is up.".into()),
                ..Default::default()
            },
            Lang::Da,
            "Test",
            now(),
        )
        .unwrap();
        assert_eq!(changed.text.retention, "Until the plate is up.");
        assert_eq!(changed.text.name, "Navneskilte");
        assert_eq!(changed.edited, vec![ActivityField::Retention]);
        let back = reset(
            &conn,
            plates.id,
            ActivityField::Retention,
            Lang::Da,
            "Test",
            now(),
        )
        .unwrap();
        assert!(back.edited.is_empty());
        assert!(back.text.retention.starts_with("Bestillingen"));
    }

    #[test]
    fn the_boards_text_belongs_to_the_language_it_was_written_in() {
        let conn = register(Country::DK);
        let plates = list(&conn, Lang::Da, "Test", now())
            .unwrap()
            .into_iter()
            .find(|a| a.key.as_deref() == Some("name_plates"))
            .unwrap();
        let danish = "Bestillingen gemmes et halvt år efter opsætningen.";
        let changed = update(
            &conn,
            plates.id,
            &ActivityFields {
                retention: Some(danish.into()),
                ..Default::default()
            },
            Lang::Da,
            "Test",
            now(),
        )
        .unwrap();
        assert_eq!(changed.text.retention, danish);
        assert!(changed.fallbacks.is_empty());
        // In Swedish the built-in text stands, and the activity says why.
        let swedish = get(&conn, plates.id, Lang::Sv).unwrap();
        assert_eq!(
            Some(swedish.text.retention.clone()),
            builtin(
                "name_plates",
                ActivityField::Retention,
                Lang::Sv,
                &Facts::defaults(Country::DK)
            )
        );
        assert!(swedish.edited.is_empty());
        assert_eq!(
            swedish.fallbacks,
            vec![TextFallback {
                field: ActivityField::Retention,
                written_in: Lang::Da,
                shown: Shown::BuiltIn,
            }]
        );
        let marks: Vec<_> = swedish.document_fallbacks().collect();
        assert_eq!(marks[0].owner, "Namnskyltar");
        assert_eq!(marks[0].field, "retention");
        // The board writes its Swedish wording too: each language keeps its own.
        let sv = "Beställningen sparas ett halvår efter uppsättningen.";
        update(
            &conn,
            plates.id,
            &ActivityFields {
                retention: Some(sv.into()),
                ..Default::default()
            },
            Lang::Sv,
            "Test",
            now(),
        )
        .unwrap();
        assert_eq!(get(&conn, plates.id, Lang::Sv).unwrap().text.retention, sv);
        assert_eq!(
            get(&conn, plates.id, Lang::Da).unwrap().text.retention,
            danish
        );
        // Resetting in Danish leaves the Swedish wording.
        let back = reset(
            &conn,
            plates.id,
            ActivityField::Retention,
            Lang::Da,
            "Test",
            now(),
        )
        .unwrap();
        assert!(back.text.retention.starts_with("Bestillingen"));
        assert_ne!(back.text.retention, danish);
        assert_eq!(back.fallbacks.len(), 1, "{:?}", back.fallbacks);
        assert_eq!(get(&conn, plates.id, Lang::Sv).unwrap().text.retention, sv);
    }

    #[test]
    fn an_activity_the_board_added_is_shown_as_written_elsewhere_and_marked() {
        let conn = register(Country::SE);
        let added = add(
            &conn,
            &ActivityFields {
                name: Some("Kameraövervakning".into()),
                purpose: Some("Att förebygga inbrott i cykelrummet.".into()),
                legal_basis: Some(LegalBasis::LegitimateInterest),
                legitimate_interest: Some("Boendes cyklar ska vara trygga.".into()),
                ..Default::default()
            },
            Lang::Sv,
            "Test",
            now(),
        )
        .unwrap();
        assert!(added.fallbacks.is_empty());
        let english = get(&conn, added.id, Lang::En).unwrap();
        assert_eq!(english.text.name, "Kameraövervakning");
        let fields: Vec<_> = english
            .fallbacks
            .iter()
            .map(|f| (f.field, f.shown))
            .collect();
        assert_eq!(
            fields,
            [
                (ActivityField::Name, Shown::AsWritten),
                (ActivityField::Purpose, Shown::AsWritten),
                (ActivityField::LegitimateInterest, Shown::AsWritten),
            ]
        );
        assert!(english.fallbacks.iter().all(|f| f.written_in == Lang::Sv));
        // Clearing its only name is refused, in any language.
        let err = update(
            &conn,
            added.id,
            &ActivityFields {
                name: Some(String::new()),
                ..Default::default()
            },
            Lang::Sv,
            "Test",
            now(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::NoName));
    }

    #[test]
    fn texts_written_before_languages_were_kept_move_to_the_countrys_language() {
        let mut conn = crate::store::create_at_version(8).unwrap();
        conn.execute_batch(
            "INSERT INTO association (id, name, country, created_at, language)
                 VALUES (1, 'Brf Test', 'NO', '2026-01-01T00:00:00Z', 'nb');
             INSERT INTO processing_activity (id, key, position, purpose, retention, legal_basis,
                 updated_at)
                 VALUES (1, 'name_plates', 3, 'Å sette opp navneskilt.', 'Ett år.',
                     'legitimate-interest', '2026-01-01T00:00:00Z');
             INSERT INTO organisation (name, kind, third_country, transfer_safeguard, created_at)
                 VALUES ('Nyhetsbrev AS', 'newsletter', 'US', 'Bindende virksomhetsregler',
                     '2026-01-01T00:00:00Z');",
        )
        .unwrap();
        crate::store::migrate(&mut conn).unwrap();
        let nb = get(&conn, 1, Lang::Nb).unwrap();
        assert_eq!(nb.text.purpose, "Å sette opp navneskilt.");
        assert_eq!(nb.text.retention, "Ett år.");
        let en = get(&conn, 1, Lang::En).unwrap();
        assert_eq!(
            Some(en.text.purpose),
            builtin(
                "name_plates",
                ActivityField::Purpose,
                Lang::En,
                &Facts::defaults(Country::NO)
            )
        );
        assert_eq!(en.fallbacks.len(), 2);
        let org = crate::register::organisations::list(&conn)
            .unwrap()
            .remove(0);
        assert_eq!(org.transfer_safeguard_language, Some(Lang::Nb));
    }

    #[test]
    fn a_legitimate_interest_must_be_spelled_out() {
        let conn = register(Country::SE);
        let err = add(
            &conn,
            &ActivityFields {
                name: Some("Kameraövervakning".into()),
                purpose: Some("Att förebygga inbrott i cykelrummet.".into()),
                legal_basis: Some(LegalBasis::LegitimateInterest),
                ..Default::default()
            },
            Lang::Sv,
            "Test",
            now(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::NoLegitimateInterest));
        let members = list(&conn, Lang::Sv, "Test", now())
            .unwrap()
            .into_iter()
            .find(|a| a.key.as_deref() == Some("members"))
            .unwrap();
        assert_eq!(members.legal_basis, LegalBasis::LegalObligation);
        let err = update(
            &conn,
            members.id,
            &ActivityFields {
                legal_basis: Some(LegalBasis::LegitimateInterest),
                ..Default::default()
            },
            Lang::Sv,
            "Test",
            now(),
        )
        .unwrap_err();
        assert!(matches!(err, Error::NoLegitimateInterest));
    }
}
