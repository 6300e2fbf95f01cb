//! The reply to an access request (Art. 15): a letter in the association's language, and the
//! same data as JSON for portability (Art. 20).
//!
//! It confirms that data is processed and holds everything Andel keeps on the person: the person
//! record, ownerships and units, sublets as owner or subtenant, name-plate orders with their name,
//! roles and their own requests, with dates; then every mention in the archived minutes, with a
//! short excerpt around it in which every other person's data is redacted by the redaction
//! engine; then what the association does with the data of *this* person
//! ([`crate::privacy::reply`]): the purposes that concern them as an owner, former owner,
//! subtenant, board member or none of these, with legal basis, recipients, retention and source;
//! the recipients the register shows received their data; what processors hold and how to get
//! it; the processing kept outside the register; that no automated decisions are made; the right
//! to object set apart; the other rights with all their grounds; and the data protection
//! authority. The letter and the export are written in the language the board chooses
//! ([`reply_in`]), the association's own by default.
//!
//! The reply is about one person, never a name (Art. 15(4)). [`gather`] builds one redacted model,
//! [`AccessExport`], and both the PDF letter and the JSON export are written from it, so neither
//! holds another person's name, contact data, reason or unit: a sublet shows the requester's side
//! only (no subtenant or owner, the reason only to the owner who gave it), a name plate's other
//! lines are redacted. Mentions in the minutes are the redaction engine's name forms of this
//! person, and only where nobody else in the register could be meant: a passage that another
//! registered person's name also matches (a namesake, "Holm" beside "Frida Holm") is left out and
//! counted in [`AccessReply::left_out`] for the board to check by hand. Someone outside the
//! register is looked for by their exact full name only. No reply is written before the board has
//! noted how the requester's identity was checked.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{words, Error, Request};
use crate::association::{self, Association, Country};
use crate::document::{Document, Lang, Letterhead};
use crate::i18n::glossary::{self, Term};
use crate::minutes::{self, MeetingKind};
use crate::privacy::activities::Facts;
use crate::privacy::reply::{self as personal, Held, Personal, PlateSent};
use crate::redact::{
    self, Context, Decision, Detector, Finding, Kind, KnownPerson, Recognizer, Style,
};
use crate::register::ownership::{self, Ownership};
use crate::register::people::{self, Person};
use crate::register::plates::{self, PlateKind};
use crate::register::roles::{self, Role};
use crate::register::sublets::{self, Decision as SubletDecision};
use crate::register::units::{self, Unit};
use crate::register::Id;
use crate::text::name_key;

/// The JSON export's format name and version, raised with every field added, removed or changed
/// in meaning, so a reader can tell what to expect (2: sublets and name plates hold the
/// requester's side only; 3: the language, the processing that concerns this person, and where
/// each name plate was sent; 4: a sublet's special grounds, borettslagsloven § 5-6 (1)).
pub const FORMAT: &str = "andel.access-reply/4";

/// How many characters of context an excerpt shows on each side of a mention.
pub const EXCERPT_CONTEXT: usize = 90;

/// How far (in characters) after a name the person's own share number ties the name to them.
const UNIT_NEAR: usize = 40;

/// The controller: the association.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Controller {
    pub name: String,
    pub country: Country,
    pub org_number: Option<String>,
    pub address: Option<String>,
    pub email: Option<String>,
}

/// One mention of the person in the minutes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Mention {
    pub document_id: Id,
    pub document_title: String,
    pub meeting_date: NaiveDate,
    pub meeting_kind: MeetingKind,
    /// The text around the mention, with every other person's data replaced by a label.
    pub excerpt: String,
}

/// The requester's side of a sublet.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SubletSide {
    /// They asked to sublet their unit.
    Owner,
    /// They live in someone's unit.
    Subtenant,
}

/// A sublet as it concerns the requester: no other party's name, and the reason only for the
/// owner who gave it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct SubletEntry {
    pub id: Id,
    pub unit_number: String,
    pub side: SubletSide,
    pub requested_on: NaiveDate,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub decision: Option<SubletDecision>,
    pub decided_on: Option<NaiveDate>,
    /// The special grounds of borettslagsloven § 5-6 (1) the board approved it on (Norway).
    pub special_grounds: Option<sublets::SpecialGrounds>,
    pub ended_on: Option<NaiveDate>,
    /// The reason the owner gave; `None` for the subtenant (it is the owner's data).
    pub reason: Option<String>,
}

/// A name-plate order that carries the requester's name; other people's names on it are
/// replaced by a label.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PlateEntry {
    pub id: Id,
    pub unit_number: String,
    pub lines: Vec<String>,
    pub kinds: Vec<PlateKind>,
    pub created_on: NaiveDate,
    pub sent_on: Option<NaiveDate>,
    /// Who the order went to (the caretaker), by name.
    pub sent_to: Option<String>,
    /// The organisation's record, for the letter's disclosures (not exported).
    #[serde(skip)]
    #[cfg_attr(feature = "specta", specta(skip))]
    pub sent_to_id: Option<Id>,
    pub mounted_on: Option<NaiveDate>,
}

/// Everything held on the person: the one model the letter and the JSON export are written
/// from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessExport {
    /// [`FORMAT`].
    pub format: String,
    pub generated_on: NaiveDate,
    /// The language of the letter and of the texts in [`AccessExport::processing`].
    pub language: Lang,
    pub controller: Controller,
    /// The request being answered.
    pub request: Request,
    /// Whether any data on the person is processed beyond the request itself (Art. 15(1)).
    pub data_processed: bool,
    /// The person record; `None` when the requester is not in the register.
    pub person: Option<Person>,
    pub ownerships: Vec<Ownership>,
    /// The units they owned or sublet, with their addresses.
    pub units: Vec<Unit>,
    /// Sublets they asked for as owner, or live in as subtenant.
    pub sublets: Vec<SubletEntry>,
    /// Name-plate orders whose lines carry their name.
    pub name_plate_orders: Vec<PlateEntry>,
    pub roles: Vec<Role>,
    /// Their requests, this one included.
    pub requests: Vec<Request>,
    pub minutes_mentions: Vec<Mention>,
    /// What the association does with this person's data: the purposes that concern them, the
    /// recipients the register shows received it, what processors hold (Art. 15(1)(a)–(d), (g)).
    pub processing: Personal,
    /// Art. 15(1)(h): there are none.
    pub automated_decisions: bool,
}

/// The reply: the letter and the export, and what the board must check by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessReply {
    pub document: Document,
    pub export: AccessExport,
    /// Passages in the minutes that may mention the requester but could as well mean someone
    /// else in the register with the same or a similar name; they are not in the reply. For the
    /// board only (never in the letter or the export).
    pub left_out: u32,
}

/// Where the access reply goes: the letter (PDF) and, if asked, its data as JSON, and in which
/// language.
#[derive(Debug, Clone, Copy)]
pub struct ReplyFiles<'a> {
    pub pdf: &'a std::path::Path,
    pub json: Option<&'a std::path::Path>,
    /// The reply's language; `None` is the association's.
    pub lang: Option<Lang>,
}

/// What writing the access reply did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WrittenReply {
    /// The board's texts the letter could not give in its language as written.
    pub fallbacks: Vec<crate::document::Fallback>,
    /// Passages in the minutes the reply holds.
    pub mentions: u32,
    /// Passages left out because they could mean someone else (see [`AccessReply::left_out`]).
    pub left_out: u32,
}

/// Writes the access reply for request `id`: the letter as a PDF and, when asked, the data as
/// JSON. Neither file may exist (a reply is never written over anything), and when the second
/// cannot be written the first is removed again, so the board finds both or neither.
pub fn write_reply(
    conn: &Connection,
    id: Id,
    files: ReplyFiles<'_>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<WrittenReply, Error> {
    for path in std::iter::once(files.pdf).chain(files.json) {
        if path.exists() {
            return Err(Error::Write(crate::files::Error::AlreadyExists(
                path.to_path_buf(),
            )));
        }
    }
    let reply = reply_in(conn, id, files.lang, today, now)?;
    let pdf = crate::document::render_pdf(&reply.document).map_err(Error::Render)?;
    let json = match files.json {
        Some(path) => Some((
            path,
            serde_json::to_vec_pretty(&reply.export).map_err(Error::Json)?,
        )),
        None => None,
    };
    crate::files::write_new(files.pdf, &pdf).map_err(Error::Write)?;
    if let Some((path, json)) = json {
        if let Err(e) = crate::files::write_new(path, &json) {
            let _ = std::fs::remove_file(files.pdf);
            return Err(Error::Write(e));
        }
    }
    Ok(WrittenReply {
        fallbacks: reply.document.fallbacks.clone(),
        mentions: reply.export.minutes_mentions.len() as u32,
        left_out: reply.left_out,
    })
}

fn person_error(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Person(Box::new(e))
}

/// Gathers what the register holds on the requester of request `id` and writes the reply in the
/// association's language. Refused until the identity check is noted
/// ([`Error::IdentityNotChecked`]).
pub fn reply(
    conn: &Connection,
    id: Id,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AccessReply, Error> {
    reply_in(conn, id, None, today, now)
}

/// The association's language, or the one asked for.
fn language(conn: &Connection, lang: Option<Lang>) -> Result<Lang, Error> {
    Ok(match lang {
        Some(l) => l,
        None => Lang::of_country(association::get(conn).map_err(person_error)?.country),
    })
}

/// [`reply`] in a language the board chooses for the requester (`None`: the association's).
pub fn reply_in(
    conn: &Connection,
    id: Id,
    lang: Option<Lang>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AccessReply, Error> {
    let lang = language(conn, lang)?;
    let (export, left_out) = collect(conn, id, lang, today)?;
    let assoc = association::get(conn).map_err(person_error)?;
    let document = letter(conn, &assoc, &export, now)?;
    Ok(AccessReply {
        document,
        export,
        left_out,
    })
}

/// What the app shows before a reply is saved: the data, and how many passages were left out
/// because they could mean someone else with the same or a similar name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ReplyPreview {
    pub export: AccessExport,
    /// See [`AccessReply::left_out`].
    pub left_out: u32,
}

/// The data of the reply and what the board must check by hand, without the letter, in the
/// language asked for (`None`: the association's).
pub fn preview(
    conn: &Connection,
    id: Id,
    lang: Option<Lang>,
    today: NaiveDate,
) -> Result<ReplyPreview, Error> {
    let lang = language(conn, lang)?;
    let (export, left_out) = collect(conn, id, lang, today)?;
    Ok(ReplyPreview { export, left_out })
}

/// The data of the reply, without the letter, in the association's language.
pub fn gather(conn: &Connection, id: Id, today: NaiveDate) -> Result<AccessExport, Error> {
    let lang = language(conn, None)?;
    collect(conn, id, lang, today).map(|(x, _)| x)
}

fn collect(
    conn: &Connection,
    id: Id,
    lang: Lang,
    today: NaiveDate,
) -> Result<(AccessExport, u32), Error> {
    let request = super::get(conn, id, today)?;
    if request.identity_check.is_none() {
        return Err(Error::IdentityNotChecked(id));
    }
    let assoc = association::get(conn).map_err(person_error)?;
    let person = match request.person_id {
        Some(p) => Some(people::get(conn, p).map_err(person_error)?),
        None => None,
    };
    let subject = match &person {
        Some(p) => Subject::of(conn, p)?,
        None => Subject::outsider(&request.requester_name),
    };
    let (ownerships, sublets, roles, requests) = match &person {
        Some(p) => (
            ownership::of_person(conn, p.id).map_err(person_error)?,
            sublets::of_person(conn, p.id, today)
                .map_err(person_error)?
                .into_iter()
                .filter_map(|s| {
                    let side = if s.subtenant_id == p.id {
                        SubletSide::Subtenant
                    } else if s.owner_id == Some(p.id) {
                        SubletSide::Owner
                    } else {
                        // Decided by them as a board member: the board's record, not theirs.
                        return None;
                    };
                    Some(SubletEntry {
                        id: s.id,
                        unit_number: s.unit_number,
                        side,
                        requested_on: s.requested_on,
                        from: s.from,
                        to: s.to,
                        decision: s.decision,
                        decided_on: s.decided_on,
                        special_grounds: s.special_grounds,
                        ended_on: s.ended_on,
                        reason: (side == SubletSide::Owner).then_some(s.reason).flatten(),
                    })
                })
                .collect::<Vec<_>>(),
            roles::of_person(conn, p.id).map_err(person_error)?,
            super::of_person(conn, p.id, today)?,
        ),
        None => (Vec::new(), Vec::new(), Vec::new(), vec![request.clone()]),
    };
    // Other people's data in the excerpts and plate lines is labelled in the reply's language
    // ("[name]" in English), the word the reply's own text uses, whatever the minutes' language.
    let (mentions, left_out) = mentions(conn, &subject, assoc.country, lang)?;
    let plates = plates_naming(conn, &subject, assoc.country, lang)?;
    let units = {
        let mut ids: Vec<Id> = ownerships.iter().map(|o| o.unit_id).collect();
        if let Some(p) = &person {
            // The units they sublet, as owner or as subtenant.
            for s in sublets::of_person(conn, p.id, today).map_err(person_error)? {
                if s.subtenant_id == p.id || s.owner_id == Some(p.id) {
                    ids.push(s.unit_id);
                }
            }
        }
        ids.sort_unstable();
        ids.dedup();
        ids.into_iter()
            .map(|id| units::get(conn, id).map_err(person_error))
            .collect::<Result<Vec<Unit>, Error>>()?
    };
    // Beyond the request itself, which the reply answers.
    let data_processed = person.is_some() || !plates.is_empty() || !mentions.is_empty();
    let held = Held {
        owner_now: ownerships.iter().any(|o| o.to.is_none_or(|to| to > today)),
        owner_before: ownerships
            .iter()
            .any(|o| o.to.is_some_and(|to| to <= today)),
        sublet_owner: sublets.iter().any(|s| s.side == SubletSide::Owner),
        subtenant: sublets.iter().any(|s| s.side == SubletSide::Subtenant),
        official: !roles.is_empty(),
        plates: !plates.is_empty(),
        mentions: !mentions.is_empty(),
    };
    let sent: Vec<PlateSent> = plates
        .iter()
        .filter_map(|p| {
            Some(PlateSent {
                unit_number: p.unit_number.clone(),
                sent_on: p.sent_on?,
                sent_to: p.sent_to_id,
                sent_to_name: p.sent_to.clone(),
            })
        })
        .collect();
    let processing = personal::personal(conn, lang, &held, &sent).map_err(person_error)?;
    Ok((
        AccessExport {
            format: FORMAT.to_string(),
            generated_on: today,
            language: lang,
            controller: Controller {
                name: assoc.name.clone(),
                country: assoc.country,
                org_number: assoc.org_number.clone(),
                address: assoc.address.clone(),
                email: assoc.email.clone(),
            },
            request,
            data_processed,
            person,
            units,
            ownerships,
            sublets,
            name_plate_orders: plates,
            roles,
            requests,
            minutes_mentions: mentions,
            processing,
            automated_decisions: false,
        },
        left_out,
    ))
}

/// The person a reply or an erasure is about, as the redaction engine looks for them.
pub(crate) struct Subject {
    /// The register's record; `None` for someone outside the register.
    id: Option<Id>,
    known: KnownPerson,
}

impl Subject {
    /// A person by their register record alone (name, phone, e-mail).
    pub(crate) fn of_name(person: &Person) -> Subject {
        Subject {
            id: Some(person.id),
            known: KnownPerson {
                name: person.name.clone(),
                unit: None,
                flat: None,
                address: None,
                phones: person.phone.clone().into_iter().collect(),
                emails: person.email.clone().into_iter().collect(),
            },
        }
    }

    /// A person in the register with their latest unit and its address.
    fn of(conn: &Connection, person: &Person) -> Result<Subject, Error> {
        let owned = ownership::of_person(conn, person.id).map_err(person_error)?;
        let unit = match owned.last() {
            Some(o) => Some(units::get(conn, o.unit_id).map_err(person_error)?),
            None => None,
        };
        let mut s = Subject::of_name(person);
        s.known.unit = unit.as_ref().map(|u| u.number.clone());
        s.known.flat = unit.as_ref().and_then(|u| u.flat.clone());
        s.known.address = unit.as_ref().and_then(|u| {
            let street = u.address.as_deref()?;
            Some(match u.floor_side.as_deref() {
                Some(fs) if !fs.is_empty() => format!("{street}, {fs}"),
                _ => street.to_string(),
            })
        });
        Ok(s)
    }

    /// Someone outside the register: only their full name as they gave it.
    fn outsider(name: &str) -> Subject {
        Subject {
            id: None,
            known: KnownPerson {
                name: name.to_string(),
                ..KnownPerson::default()
            },
        }
    }

    /// Does a passage hold the subject's surname as a word (also in the genitive: "Hansens")?
    fn names_surname(&self, passage: &str) -> bool {
        let Some(surname) = self.known.name.split_whitespace().last() else {
            return false;
        };
        let surname = surname.to_lowercase();
        passage
            .split(|c: char| !(c.is_alphanumeric() || c == '-'))
            .map(str::to_lowercase)
            .any(|w| w == surname || w.strip_suffix('s') == Some(surname.as_str()))
    }

    /// Is a finding of the subject-only detector about the subject: their name as the register
    /// knows it, or their phone, e-mail or address?
    fn is_own(&self, f: &Finding) -> bool {
        match f.recognizer {
            Recognizer::Register => true,
            Recognizer::ShareNumber => false,
            _ => f.reason == "a resident's contact in the register",
        }
    }

    /// Is a share-number finding the subject's own unit?
    fn own_unit(&self, f: &Finding) -> bool {
        f.recognizer == Recognizer::ShareNumber
            && self.known.unit.as_deref().is_some_and(|u| {
                f.text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(u))
            })
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Where the subject's own name (in one of its forms), phone, e-mail or address is in `text`,
/// in characters, and how many passages could mean them but as well someone else.
///
/// `own` knows only the subject; `others` knows everyone else in the register. A passage of the
/// subject's is theirs unless another person's finding covers more than it ("Holm" inside "Frida
/// Holm", a guest "Ida Holm" around a resident "Holm") or the very same words as another
/// registered person's (a namesake, or a surname two residents share): then it is left out,
/// unless the subject's own share number follows the name.
fn locate(
    text: &str,
    subject: &Subject,
    own: &Detector,
    others: &Detector,
    namesake: bool,
) -> (Vec<(usize, usize)>, Vec<Finding>, u32) {
    let theirs_all: Vec<Finding> = others
        .detect(text)
        .into_iter()
        .filter(|f| f.decision == Decision::Redact)
        .collect();
    let mut mine = Vec::new();
    let mut left_out = 0u32;
    // Their own share number stays in their excerpts ("Sofie Brinkmann (andel nr. 4)"), and so
    // does their own flat named by a reflexive ("fremleje sin lejlighed").
    let mut own_units: Vec<(usize, usize)> = Vec::new();
    match subject.id {
        Some(_) => {
            let found = own.detect(text);
            own_units.extend(
                found
                    .iter()
                    .filter(|f| subject.own_unit(f))
                    .map(|f| (f.start, f.end)),
            );
            let units: Vec<usize> = found
                .iter()
                .filter(|f| subject.own_unit(f))
                .map(|f| f.start)
                .collect();
            // The share number ties the name right before it, not one with another name between
            // ("Rask spoke. Jens Rask (share 2) …": the share is Jens Rask's, the first "Rask" may
            // be anyone of that name).
            let persons: Vec<(usize, usize)> = found
                .iter()
                .chain(&theirs_all)
                .filter(|g| g.kind == Kind::Person)
                .map(|g| (g.start, g.end))
                .collect();
            let unit_follows = |f: &Finding| {
                units.iter().any(|&u| {
                    u >= f.end
                        && u <= f.end + UNIT_NEAR
                        && !persons.iter().any(|&(s, e)| s >= f.end && e <= u)
                })
            };
            for f in found.iter().filter(|f| subject.is_own(f)) {
                let span = (f.start, f.end);
                if f.recognizer == Recognizer::Register {
                    // A bare first name counts only right before the subject's own share number
                    // ("Lars fra nr. 12"): alone it may well be someone else.
                    if !subject.names_surname(&f.text) && !unit_follows(f) {
                        continue;
                    }
                    let wider = theirs_all.iter().any(|o| {
                        o.kind == Kind::Person
                            && overlaps(span, (o.start, o.end))
                            && (o.start < f.start || o.end > f.end)
                    });
                    let same = theirs_all.iter().any(|o| {
                        o.recognizer == Recognizer::Register
                            && overlaps(span, (o.start, o.end))
                            && !(o.start < f.start || o.end > f.end)
                    });
                    if wider || (same && !(namesake && unit_follows(f))) {
                        left_out += 1;
                        continue;
                    }
                } else if theirs_all
                    .iter()
                    .any(|o| o.kind == f.kind && overlaps(span, (o.start, o.end)))
                {
                    // A phone, e-mail or address someone else in the register has too.
                    left_out += 1;
                    continue;
                }
                mine.push(span);
            }
        }
        None => {
            for span in full_name_spans(text, &subject.known.name) {
                let wider = theirs_all.iter().any(|o| {
                    o.kind == Kind::Person
                        && overlaps(span, (o.start, o.end))
                        && (o.start < span.0 || o.end > span.1)
                });
                let registered = theirs_all.iter().any(|o| {
                    o.recognizer == Recognizer::Register && overlaps(span, (o.start, o.end))
                });
                if wider || registered {
                    left_out += 1;
                    continue;
                }
                mine.push(span);
            }
        }
    }
    // Their own flat named by a reflexive stays too, without making a mention of its own.
    own_units.extend(own_by_reflexive(text, &mine, &theirs_all));
    let theirs = theirs_all
        .into_iter()
        .filter(|f| {
            !mine
                .iter()
                .chain(&own_units)
                .any(|m| overlaps(*m, (f.start, f.end)))
        })
        .collect();
    (mine, theirs, left_out)
}

/// The flats named by a reflexive possessive ("sin lejlighed", "leiligheten sin", "sitt förråd")
/// whose owner is the subject: the reflexive points back at the clause's subject, so when the
/// nearest person named before it on the same line, within a clause's reach, is the subject
/// ("Lars Sandvad har søgt om at fremleje sin lejlighed"), the flat is theirs and stays in their
/// reply rather than being masked as someone else's.
fn own_by_reflexive(
    text: &str,
    mine: &[(usize, usize)],
    theirs: &[Finding],
) -> Vec<(usize, usize)> {
    /// How far back, in characters, the subject may stand.
    const REACH: usize = 160;
    const REFLEXIVE: [&str; 5] = ["sin", "sit", "sitt", "sine", "sina"];
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    for f in theirs {
        let reflexive = f.kind == Kind::Address
            && f.reason == redact::RELATION_FLAT
            && f.text
                .split(|c: char| !c.is_alphabetic())
                .any(|w| REFLEXIVE.iter().any(|r| w.eq_ignore_ascii_case(r)));
        if !reflexive {
            continue;
        }
        let own = mine.iter().filter(|m| m.1 <= f.start).map(|m| m.1).max();
        let other = theirs
            .iter()
            .filter(|o| o.kind == Kind::Person && o.end <= f.start)
            .map(|o| o.end)
            .max();
        let Some(own) = own else { continue };
        if other.is_some_and(|o| o > own) || f.start - own > REACH {
            continue;
        }
        if chars
            .get(own..f.start)
            .is_some_and(|gap| !gap.contains(&'\n'))
        {
            out.push((f.start, f.end));
        }
    }
    out
}

/// Where `name` stands in `text` as the same words in the same order, separated by whitespace
/// only (case does not matter), in characters. Never part of a longer word: "Ida Holm" is not in
/// "Frida Holm".
fn full_name_spans(text: &str, name: &str) -> Vec<(usize, usize)> {
    let wanted: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    if wanted.is_empty() {
        return Vec::new();
    }
    // The words of the text: (start, end) in characters, the word, and whether only whitespace
    // separates it from the word before.
    let mut words: Vec<(usize, usize, String, bool)> = Vec::new();
    let mut cur: Option<(usize, String)> = None;
    let mut gap_is_space = true;
    let mut n = 0;
    for (i, c) in text.chars().enumerate() {
        n = i + 1;
        if c.is_alphanumeric() || c == '-' || c == '\'' {
            match &mut cur {
                Some((_, w)) => w.extend(c.to_lowercase()),
                None => cur = Some((i, c.to_lowercase().collect())),
            }
        } else {
            if let Some((s, w)) = cur.take() {
                words.push((s, i, w, gap_is_space));
                gap_is_space = true;
            }
            if !c.is_whitespace() {
                gap_is_space = false;
            }
        }
    }
    if let Some((s, w)) = cur.take() {
        words.push((s, n, w, gap_is_space));
    }
    let mut out = Vec::new();
    for i in 0..words.len() {
        let end = i + wanted.len();
        if end > words.len() {
            break;
        }
        let same = words[i..end]
            .iter()
            .zip(&wanted)
            .enumerate()
            .all(|(k, (w, x))| w.2 == *x && (k == 0 || w.3));
        if same {
            out.push((words[i].0, words[end - 1].1));
        }
    }
    out
}

/// The detectors for a subject: one that knows only them, one that knows everyone else (no
/// official's name kept: a reply is not a publication of the board's work), and whether someone
/// else in the register has their very name.
fn detectors(
    conn: &Connection,
    subject: &Subject,
    country: Country,
    date: Option<NaiveDate>,
) -> Result<(Detector, Detector, bool), Error> {
    let mut others = match subject.id {
        Some(id) => minutes::redaction_context_without(conn, date, id),
        None => minutes::redaction_context(conn, date),
    }
    .map_err(person_error)?;
    for o in std::mem::take(&mut others.officials) {
        if !others
            .residents
            .iter()
            .any(|r| name_key(&r.name) == name_key(&o.name))
        {
            others.residents.push(KnownPerson {
                name: o.name,
                ..KnownPerson::default()
            });
        }
    }
    let key = name_key(&subject.known.name);
    let namesake = others.residents.iter().any(|r| name_key(&r.name) == key);
    let mut own = Context::new(country);
    own.document_date = date;
    own.places = others.places.clone();
    own.organisations = others.organisations.clone();
    own.residents.push(subject.known.clone());
    Ok((
        Detector::new(Some(&own)),
        Detector::new(Some(&others)),
        namesake,
    ))
}

/// Every mention of the subject in the minutes, oldest meeting first, each with an excerpt in
/// which everyone else's data is redacted (labelled in `lang`, the reply's language); and how
/// many passages were left out because they could mean someone else.
pub(crate) fn mentions(
    conn: &Connection,
    subject: &Subject,
    country: Country,
    lang: Lang,
) -> Result<(Vec<Mention>, u32), Error> {
    let mut docs = minutes::list(conn).map_err(person_error)?;
    if docs.is_empty() {
        return Ok((Vec::new(), 0));
    }
    docs.sort_by_key(|d| (d.date, d.id));
    let mut out = Vec::new();
    let mut left_out = 0;
    for doc in docs {
        let text = minutes::text(conn, doc.id).map_err(person_error)?;
        let (own, others, namesake) = detectors(conn, subject, country, Some(doc.date))?;
        let (mine, theirs, skipped) = locate(&text, subject, &own, &others, namesake);
        left_out += skipped;
        if mine.is_empty() {
            continue;
        }
        for (start, end) in windows(&text, &mine, &theirs) {
            out.push(Mention {
                document_id: doc.id,
                document_title: doc.title.clone(),
                meeting_date: doc.date,
                meeting_kind: doc.kind,
                excerpt: excerpt(&text, start, end, &theirs, lang)?,
            });
        }
    }
    Ok((out, left_out))
}

/// Name-plate orders for the units the subject owned or sublet whose lines carry their name,
/// with every other name on them replaced by a label. Someone outside the register has no unit,
/// so no plate is theirs.
fn plates_naming(
    conn: &Connection,
    subject: &Subject,
    country: Country,
    lang: Lang,
) -> Result<Vec<PlateEntry>, Error> {
    let Some(id) = subject.id else {
        return Ok(Vec::new());
    };
    let mut units: Vec<Id> = ownership::of_person(conn, id)
        .map_err(person_error)?
        .iter()
        .map(|o| o.unit_id)
        .collect();
    let mut stmt = conn
        .prepare("SELECT unit_id FROM sublet WHERE subtenant_id = ?1")
        .map_err(super::db("reading sublets"))?;
    let sublet_units: Vec<Id> = stmt
        .query_map([id], |r| r.get(0))
        .and_then(|rows| rows.collect())
        .map_err(super::db("reading sublets"))?;
    units.extend(sublet_units);
    let orders: Vec<_> = plates::list(conn)
        .map_err(person_error)?
        .into_iter()
        .filter(|o| units.contains(&o.unit_id))
        .collect();
    if orders.is_empty() {
        return Ok(Vec::new());
    }
    let (own, others, namesake) = detectors(conn, subject, country, None)?;
    let mut out = Vec::new();
    for o in orders {
        let mut lines = Vec::new();
        let mut named = false;
        for line in &o.lines {
            let (mut mine, theirs, _) = locate(line, subject, &own, &others, namesake);
            if mine.is_empty() {
                // Their unit's plate with their very name: theirs, even beside a namesake.
                mine = full_name_spans(line, &subject.known.name);
            }
            let theirs: Vec<Finding> = theirs
                .into_iter()
                .filter(|f| !mine.iter().any(|m| overlaps(*m, (f.start, f.end))))
                .collect();
            let mine_here = !mine.is_empty();
            named |= mine_here;
            if mine_here {
                lines.push(
                    redact::apply_in(line, &theirs, Style::Label, lang).map_err(person_error)?,
                );
            } else {
                // Another resident's line: nothing of it goes to this person.
                let whole = Finding {
                    start: 0,
                    end: line.chars().count(),
                    kind: Kind::Person,
                    text: line.clone(),
                    recognizer: Recognizer::Register,
                    score: 1.0,
                    reason: "another person's name-plate line".into(),
                    decision: Decision::Redact,
                    subject: None,
                };
                lines.push(
                    redact::apply_in(line, &[whole], Style::Label, lang).map_err(person_error)?,
                );
            }
        }
        if named {
            out.push(PlateEntry {
                id: o.id,
                unit_number: o.unit_number,
                lines,
                kinds: o.kinds,
                created_on: o.created_on,
                sent_on: o.sent_on,
                sent_to: o.sent_to_name,
                sent_to_id: o.sent_to,
                mounted_on: o.mounted_on,
            });
        }
    }
    Ok(out)
}

/// The excerpt windows (in characters) around the mentions: [`EXCERPT_CONTEXT`] characters each
/// side, widened to whole words and to any redacted passage they cut, merged when they touch.
fn windows(text: &str, mine: &[(usize, usize)], theirs: &[Finding]) -> Vec<(usize, usize)> {
    let chars: Vec<char> = text.chars().collect();
    let len = chars.len();
    let mut spans: Vec<(usize, usize)> = mine
        .iter()
        .map(|&(s, e)| {
            let mut a = s.saturating_sub(EXCERPT_CONTEXT);
            while a > 0 && !chars[a - 1].is_whitespace() {
                a -= 1;
            }
            let mut b = (e + EXCERPT_CONTEXT).min(len);
            while b < len && !chars[b].is_whitespace() {
                b += 1;
            }
            (a, b)
        })
        .collect();
    spans.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::new();
    for (a, b) in spans {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    for w in &mut merged {
        for f in theirs {
            if overlaps(*w, (f.start, f.end)) {
                w.0 = w.0.min(f.start);
                w.1 = w.1.max(f.end);
            }
        }
    }
    merged
}

fn excerpt(
    text: &str,
    start: usize,
    end: usize,
    theirs: &[Finding],
    lang: Lang,
) -> Result<String, Error> {
    let slice: String = text.chars().skip(start).take(end - start).collect();
    let inside: Vec<Finding> = theirs
        .iter()
        .filter(|f| f.start >= start && f.end <= end)
        .map(|f| Finding {
            start: f.start - start,
            end: f.end - start,
            ..f.clone()
        })
        .collect();
    let redacted = redact::apply_in(&slice, &inside, Style::Label, lang).map_err(person_error)?;
    // One line of running text: line breaks become spaces, and Markdown's heading and list
    // marks ("## 2.", "* ") from imported .md minutes are dropped.
    let mut out = redacted
        .split_whitespace()
        .filter(|w| !w.chars().all(|c| c == '#' || c == '*'))
        .collect::<Vec<_>>()
        .join(" ");
    if start > 0 {
        out.insert_str(0, "… ");
    }
    if end < text.chars().count() {
        out.push_str(" …");
    }
    Ok(out)
}

fn letter(
    conn: &Connection,
    assoc: &Association,
    x: &AccessExport,
    now: DateTime<Utc>,
) -> Result<Document, Error> {
    let lang = x.language;
    let name = x
        .person
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| x.request.requester_name.clone());
    let mut d = Document::new(lang.texts().access.title, lang, now);
    d.letterhead = Some(Letterhead::of(assoc));
    d.subtitle = Some(format!(
        "{} · {}",
        lang.texts().access.subtitle,
        lang.long_date(x.generated_on)
    ));
    d.facts([
        (lang.texts().common.to, name.clone()),
        (
            lang.texts().access.request_received,
            lang.long_date(x.request.received_on),
        ),
        (
            lang.texts().access.our_reference,
            format!("#{}", x.request.id),
        ),
    ]);
    if x.data_processed {
        d.paragraph(format!(
            "{} {}",
            lang.texts()
                .access
                .we_confirm
                .replace("{assoc}", &assoc.name),
            lang.texts().access.copy_below
        ));
    } else {
        d.paragraph(lang.texts().access.what_we_searched);
    }

    d.heading(lang.texts().access.register_heading);
    match &x.person {
        Some(p) => {
            let none = || "–".to_string();
            d.subheading(lang.texts().access.you);
            d.facts([
                (lang.texts().common.name, p.name.clone()),
                (
                    lang.texts().access.phone,
                    p.phone.clone().unwrap_or_else(none),
                ),
                (
                    lang.texts().access.e_mail,
                    p.email.clone().unwrap_or_else(none),
                ),
                (
                    lang.texts().access.note,
                    p.note.clone().unwrap_or_else(none),
                ),
            ]);
        }
        None => {
            d.paragraph(lang.texts().access.not_in_register);
        }
    }
    let unit_word = lang.texts().access.unit;
    let from_word = lang.texts().common.from;
    let to_word = lang.texts().common.to;
    if !x.ownerships.is_empty() {
        d.subheading(lang.texts().access.ownership);
        let mut rows = Vec::new();
        for o in &x.ownerships {
            // From the model itself: the letter says nothing the export does not.
            let Some(unit) = x.units.iter().find(|u| u.id == o.unit_id) else {
                continue;
            };
            let place = [unit.address.clone(), unit.floor_side.clone()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            rows.push(vec![
                o.unit_number.clone(),
                place,
                words::maybe(o.from),
                words::maybe(o.to),
            ]);
        }
        d.table(
            &[1.0, 3.0, 1.3, 1.3],
            vec![
                unit_word.into(),
                lang.texts().common.address.into(),
                from_word.into(),
                to_word.into(),
            ],
            rows,
        );
    }
    if !x.sublets.is_empty() {
        d.subheading(glossary::term(lang, Term::Sublet).label());
        let rows = x
            .sublets
            .iter()
            .map(|s| {
                let role = match s.side {
                    SubletSide::Subtenant => glossary::term(lang, Term::Subtenant).one.as_str(),
                    SubletSide::Owner => glossary::term(lang, Term::Member).one.as_str(),
                };
                let decision = match s.decision {
                    Some(SubletDecision::Approved) => lang.texts().access.approved,
                    Some(SubletDecision::Rejected) => lang.texts().access.rejected,
                    None => lang.texts().access.pending,
                };
                let grounds = s
                    .special_grounds
                    .map(|g| {
                        format!(
                            ", {}",
                            (lang.texts().access.on_special_grounds)(&g.number())
                        )
                    })
                    .unwrap_or_default();
                vec![
                    s.unit_number.clone(),
                    role.to_string(),
                    format!("{} – {}", words::day(s.from), words::day(s.to)),
                    words::day(s.requested_on),
                    format!("{decision} {}{grounds}", words::maybe(s.decided_on)),
                    s.reason.clone().unwrap_or_else(|| "–".into()),
                ]
            })
            .collect();
        d.table(
            &[0.9, 1.5, 2.1, 1.2, 1.6, 2.0],
            vec![
                unit_word.into(),
                lang.texts().access.as_word.into(),
                lang.texts().access.period.into(),
                lang.texts().access.requested.into(),
                lang.texts().access.decision.into(),
                lang.texts().access.reason.into(),
            ],
            rows,
        );
    }
    if !x.name_plate_orders.is_empty() {
        d.subheading(lang.texts().access.name_plates);
        let rows = x
            .name_plate_orders
            .iter()
            .map(|o| {
                vec![
                    o.unit_number.clone(),
                    o.lines.join(" / "),
                    words::day(o.created_on),
                    words::maybe(o.sent_on),
                    words::maybe(o.mounted_on),
                ]
            })
            .collect();
        d.table(
            &[1.0, 3.0, 1.3, 1.3, 1.3],
            vec![
                unit_word.into(),
                lang.texts().access.text.into(),
                lang.texts().access.created.into(),
                lang.texts().access.sent.into(),
                lang.texts().access.mounted.into(),
            ],
            rows,
        );
    }
    if !x.roles.is_empty() {
        d.subheading(lang.texts().common.roles);
        let rows = x
            .roles
            .iter()
            .map(|r| {
                vec![
                    words::role(lang, r.kind).to_string(),
                    words::maybe(r.from),
                    words::maybe(r.to),
                ]
            })
            .collect();
        d.table(
            &[3.0, 1.3, 1.3],
            vec![
                lang.texts().access.role.into(),
                from_word.into(),
                to_word.into(),
            ],
            rows,
        );
    }
    d.subheading(lang.texts().access.requests_heading);
    let rows = x
        .requests
        .iter()
        .map(|r| {
            vec![
                format!("#{}", r.id),
                words::kind(lang, r.kind).to_string(),
                words::day(r.received_on),
                words::day(r.deadline),
                match r.closed_on {
                    Some(on) => format!("{} {}", words::status(lang, r.status), words::day(on)),
                    None => words::status(lang, r.status).to_string(),
                },
            ]
        })
        .collect();
    d.table(
        &[0.7, 2.4, 1.3, 1.3, 2.0],
        vec![
            "#".into(),
            lang.texts().access.kind.into(),
            lang.texts().access.received.into(),
            lang.texts().access.deadline.into(),
            lang.texts().access.status.into(),
        ],
        rows,
    );

    d.heading(lang.texts().access.minutes_heading);
    if x.minutes_mentions.is_empty() {
        d.paragraph(lang.texts().access.not_mentioned);
    } else {
        d.paragraph(lang.texts().access.minutes_kept);
        for m in &x.minutes_mentions {
            d.subheading(format!(
                "{} · {}",
                lang.long_date(m.meeting_date),
                m.document_title
            ));
            d.paragraph(m.excerpt.clone());
        }
    }

    d.heading(lang.texts().access.automated_heading);
    d.paragraph(lang.texts().access.no_automated_decisions);
    let facts = Facts::of(conn).map_err(person_error)?;
    d.blocks.extend(personal::blocks(
        &x.processing,
        !x.roles.is_empty(),
        &facts,
        lang,
        assoc.country,
    ));
    d.blocks
        .extend(crate::privacy::sections::authority(lang, assoc.country));
    if let Some(email) = &assoc.email {
        d.note(format!("{} {email}", lang.texts().access.questions));
    }
    d.fallbacks = x.processing.fallbacks.clone();
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_excerpt_is_one_line_without_markdown_marks() {
        let text = "Intro.\n\n## 2. Beretning\n\n* Winnie Lyngdal blev valgt.\nSlut.";
        let start = 8;
        let end = text.chars().count() - 5;
        let out = excerpt(text, start, end, &[], Lang::Da).unwrap();
        assert_eq!(out, "… 2. Beretning Winnie Lyngdal blev valgt. …");
    }

    /// The flats the detector finds in `text` by their relation to someone, as the other
    /// residents' detector reports them.
    fn relation_flats(text: &str) -> Vec<Finding> {
        redact::detect(text, None)
            .into_iter()
            .filter(|f| f.reason == redact::RELATION_FLAT)
            .collect()
    }

    /// The subject's own span of `name` in `text`, in characters.
    fn span_of(text: &str, name: &str) -> (usize, usize) {
        let at = text.find(name).expect("the name is in the text");
        let start = text[..at].chars().count();
        (start, start + name.chars().count())
    }

    /// A reflexive possessive's flat ("sin lejlighed", "leiligheten sin") belongs to the subject
    /// named just before it, so their reply does not mask it as someone else's data.
    #[test]
    fn a_flat_named_by_a_reflexive_after_the_subject_is_theirs() {
        for (text, name) in [
            (
                "Lars Sandvad har søgt om at fremleje sin lejlighed i et år.",
                "Lars Sandvad",
            ),
            (
                "Kari Holm vil leie ut leiligheten sin i ett år.",
                "Kari Holm",
            ),
        ] {
            let flats = relation_flats(text);
            assert_eq!(flats.len(), 1, "{text:?}: {flats:?}");
            let own = own_by_reflexive(text, &[span_of(text, name)], &flats);
            assert_eq!(own, vec![(flats[0].start, flats[0].end)], "{text:?}");
        }
    }

    /// Regression (a flat masked or claimed for the wrong person): a non-reflexive possessive
    /// ("hendes lejlighed") may be anyone's, and a reflexive after another person named between
    /// is that person's; both stay masked in the subject's reply.
    #[test]
    fn a_flat_of_someone_else_stays_masked_in_the_reply() {
        let text = "Lars Sandvad sagde, at hendes gamle lejlighed står tom.";
        let flats = relation_flats(text);
        assert_eq!(flats.len(), 1, "{flats:?}");
        assert!(own_by_reflexive(text, &[span_of(text, "Lars Sandvad")], &flats).is_empty());

        let text = "Lars Sandvad oplyste, at Mette Kofoed vil fremleje sin lejlighed.";
        let mut found = relation_flats(text);
        let (a, b) = span_of(text, "Mette Kofoed");
        found.push(Finding {
            start: a,
            end: b,
            kind: Kind::Person,
            text: "Mette Kofoed".into(),
            recognizer: Recognizer::Register,
            score: 1.0,
            reason: "a resident in the register".into(),
            decision: Decision::Redact,
            subject: None,
        });
        assert!(own_by_reflexive(text, &[span_of(text, "Lars Sandvad")], &found).is_empty());
    }
}
