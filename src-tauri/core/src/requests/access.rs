//! The reply to an access request (Art. 15): a letter in the association's language, and the
//! same data as JSON for portability (Art. 20).
//!
//! It confirms that data is processed and holds everything Andel keeps on the person: the person
//! record, ownerships and units, sublets as owner or subtenant, name-plate orders with their name,
//! roles and their own requests, with dates; then every mention in the archived minutes, with a
//! short excerpt around it in which every other person's data is redacted by the redaction
//! engine; then purposes and legal bases, recipients, retention, the source of the data, the
//! rights, the data protection authority, and that no automated decisions are made.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{words, Error, Request};
use crate::association::{self, Association, Country};
use crate::document::{Document, Lang, Letterhead};
use crate::i18n::glossary::{self, Term};
use crate::minutes::{self, MeetingKind};
use crate::privacy::sections as privacy_sections;
use crate::redact::{self, Context, Decision, Detector, Finding, KnownPerson, Recognizer, Style};
use crate::register::ownership::{self, Ownership};
use crate::register::people::{self, Person};
use crate::register::plates::{self, PlateOrder};
use crate::register::roles::{self, Role};
use crate::register::sublets::{self, Sublet};
use crate::register::units::{self, Unit};
use crate::register::{name_key, Id};

/// The JSON export's format name and version.
pub const FORMAT: &str = "andel.access-reply/1";

/// How many characters of context an excerpt shows on each side of a mention.
pub const EXCERPT_CONTEXT: usize = 90;

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

/// Everything held on the person, as the JSON export writes it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessExport {
    /// [`FORMAT`].
    pub format: String,
    pub generated_on: NaiveDate,
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
    pub sublets: Vec<Sublet>,
    /// Name-plate orders whose lines carry their name.
    pub name_plate_orders: Vec<PlateOrder>,
    pub roles: Vec<Role>,
    /// Their requests, this one included.
    pub requests: Vec<Request>,
    pub minutes_mentions: Vec<Mention>,
    /// Art. 15(1)(h): there are none.
    pub automated_decisions: bool,
}

/// The reply: the letter and the export.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct AccessReply {
    pub document: Document,
    pub export: AccessExport,
}

fn person_error(e: impl std::fmt::Display) -> Error {
    Error::Person(e.to_string())
}

/// Gathers what the register holds on the requester of request `id` and writes the reply.
pub fn reply(
    conn: &Connection,
    id: Id,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<AccessReply, Error> {
    let export = gather(conn, id, today)?;
    let assoc = association::get(conn).map_err(person_error)?;
    let document = letter(conn, &assoc, &export, now)?;
    Ok(AccessReply { document, export })
}

/// The data of the reply, without the letter.
pub fn gather(conn: &Connection, id: Id, today: NaiveDate) -> Result<AccessExport, Error> {
    let request = super::get(conn, id, today)?;
    let assoc = association::get(conn).map_err(person_error)?;
    let person = match request.person_id {
        Some(p) => Some(people::get(conn, p).map_err(person_error)?),
        None => None,
    };
    let (ownerships, sublets, plates, roles, requests) = match &person {
        Some(p) => {
            let sublets: Vec<Sublet> = sublets::of_person(conn, p.id, today)
                .map_err(person_error)?
                .into_iter()
                .filter(|s| s.owner_id == Some(p.id) || s.subtenant_id == p.id)
                .collect();
            (
                ownership::of_person(conn, p.id).map_err(person_error)?,
                sublets,
                plates_naming(conn, &p.name)?,
                roles::of_person(conn, p.id).map_err(person_error)?,
                super::of_person(conn, p.id, today)?,
            )
        }
        None => (
            Vec::new(),
            Vec::new(),
            plates_naming(conn, &request.requester_name)?,
            Vec::new(),
            vec![request.clone()],
        ),
    };
    let subject = Subject::of(conn, &request, person.as_ref(), &ownerships)?;
    let mentions = mentions(conn, &subject, assoc.country)?;
    // Beyond the request itself, which the reply answers.
    let data_processed = person.is_some() || !plates.is_empty() || !mentions.is_empty();
    Ok(AccessExport {
        format: FORMAT.to_string(),
        generated_on: today,
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
        units: {
            let mut ids: Vec<Id> = ownerships.iter().map(|o| o.unit_id).collect();
            ids.extend(sublets.iter().map(|s| s.unit_id));
            ids.sort_unstable();
            ids.dedup();
            ids.into_iter()
                .map(|id| units::get(conn, id).map_err(person_error))
                .collect::<Result<Vec<Unit>, Error>>()?
        },
        ownerships,
        sublets,
        name_plate_orders: plates,
        roles,
        requests,
        minutes_mentions: mentions,
        automated_decisions: false,
    })
}

/// Name-plate orders with a line that is the person's name or holds it.
fn plates_naming(conn: &Connection, name: &str) -> Result<Vec<PlateOrder>, Error> {
    let key = name_key(name);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    Ok(plates::list(conn)
        .map_err(person_error)?
        .into_iter()
        .filter(|o| o.lines.iter().any(|l| name_key(l).contains(&key)))
        .collect())
}

/// The person as the redaction engine looks for them.
pub(crate) struct Subject {
    known: KnownPerson,
}

impl Subject {
    /// A person by their register record alone (name, phone, e-mail).
    pub(crate) fn of_name(person: &Person) -> Subject {
        Subject {
            known: KnownPerson {
                name: person.name.clone(),
                unit: None,
                address: None,
                phones: person.phone.clone().into_iter().collect(),
                emails: person.email.clone().into_iter().collect(),
            },
        }
    }

    fn of(
        conn: &Connection,
        request: &Request,
        person: Option<&Person>,
        owned: &[Ownership],
    ) -> Result<Subject, Error> {
        let unit = match owned.last() {
            Some(o) => Some(units::get(conn, o.unit_id).map_err(person_error)?),
            None => None,
        };
        Ok(Subject {
            known: KnownPerson {
                name: person
                    .map(|p| p.name.clone())
                    .unwrap_or_else(|| request.requester_name.clone()),
                unit: unit.as_ref().map(|u| u.number.clone()),
                address: unit.as_ref().and_then(|u| {
                    let street = u.address.as_deref()?;
                    Some(match u.floor_side.as_deref() {
                        Some(fs) if !fs.is_empty() => format!("{street}, {fs}"),
                        _ => street.to_string(),
                    })
                }),
                phones: person.and_then(|p| p.phone.clone()).into_iter().collect(),
                emails: person.and_then(|p| p.email.clone()).into_iter().collect(),
            },
        })
    }
}

impl Subject {
    /// Does a passage hold the subject's surname (or their whole name when it is one word)?
    fn names_surname(&self, passage: &str) -> bool {
        let surname = self
            .known
            .name
            .split_whitespace()
            .last()
            .unwrap_or_default()
            .to_lowercase();
        !surname.is_empty() && passage.to_lowercase().contains(&surname)
    }

    /// Is a finding of the subject-only detector about the subject: their name as the register
    /// knows it, their phone, e-mail or address, or their own share number?
    fn is_own(&self, f: &Finding) -> bool {
        match f.recognizer {
            Recognizer::Register => true,
            Recognizer::ShareNumber => self.known.unit.as_deref().is_some_and(|u| {
                f.text
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| w.eq_ignore_ascii_case(u))
            }),
            _ => f.reason == "a resident's contact in the register",
        }
    }
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Every mention of the subject in the minutes, oldest meeting first, each with an excerpt in
/// which everyone else's data is redacted.
pub(crate) fn mentions(
    conn: &Connection,
    subject: &Subject,
    country: Country,
) -> Result<Vec<Mention>, Error> {
    let docs = minutes::list(conn).map_err(person_error)?;
    if docs.is_empty() {
        return Ok(Vec::new());
    }
    // The subject alone as the register: its findings are where the subject is mentioned.
    let mut own = Context::new(country);
    own.residents.push(subject.known.clone());
    let own = Detector::new(Some(&own));
    let own_key = name_key(&subject.known.name);
    let mut out = Vec::new();
    let mut docs = docs;
    docs.sort_by_key(|d| (d.date, d.id));
    for doc in docs {
        let text = minutes::text(conn, doc.id).map_err(person_error)?;
        let found: Vec<Finding> = own
            .detect(&text)
            .into_iter()
            .filter(|f| subject.is_own(f))
            .collect();
        // A bare first name counts only right before the subject's own share number ("Lars fra
        // nr. 12"): alone it may well be someone else, who must not be shown as a mention.
        let units: Vec<usize> = found
            .iter()
            .filter(|f| f.recognizer == Recognizer::ShareNumber)
            .map(|f| f.start)
            .collect();
        let mine: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| {
                f.recognizer != Recognizer::Register
                    || subject.names_surname(&f.text)
                    || units.iter().any(|&u| u >= f.end && u <= f.end + 12)
            })
            .map(|f| (f.start, f.end))
            .collect();
        if mine.is_empty() {
            continue;
        }
        // Everyone else: the register for the document's date, without the subject, and with
        // no official's name kept (a reply is not a publication of the board's work).
        let mut others = minutes::redaction_context(conn, Some(doc.date)).map_err(person_error)?;
        others.residents.retain(|r| name_key(&r.name) != own_key);
        others.officials.clear();
        let theirs: Vec<Finding> = Detector::new(Some(&others))
            .detect(&text)
            .into_iter()
            .filter(|f| f.decision == Decision::Redact)
            .filter(|f| !mine.iter().any(|m| overlaps(*m, (f.start, f.end))))
            .collect();
        for (start, end) in windows(&text, &mine, &theirs) {
            out.push(Mention {
                document_id: doc.id,
                document_title: doc.title.clone(),
                meeting_date: doc.date,
                meeting_kind: doc.kind,
                excerpt: excerpt(&text, start, end, &theirs, country)?,
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
    country: Country,
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
    let redacted = redact::apply(&slice, &inside, Style::Label, Some(country))
        .map_err(|e| Error::Person(e.to_string()))?;
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
    let lang = Lang::of_country(assoc.country);
    let name = x
        .person
        .as_ref()
        .map(|p| p.name.clone())
        .unwrap_or_else(|| x.request.requester_name.clone());
    let mut d = Document::new(
        lang.pick(
            "Svar på din anmodning om indsigt",
            "Svar på ditt innsynskrav",
            "Svar på din begäran om tillgång (registerutdrag)",
            "Reply to your request for access",
        ),
        lang,
        now,
    );
    d.letterhead = Some(Letterhead::of(assoc));
    d.subtitle = Some(format!(
        "{} · {}",
        lang.pick(
            "Databeskyttelsesforordningens artikel 15",
            "Personvernforordningen artikkel 15",
            "Dataskyddsförordningen artikel 15",
            "Article 15 of the General Data Protection Regulation",
        ),
        lang.long_date(x.generated_on)
    ));
    d.facts([
        (lang.pick("Til", "Til", "Till", "To"), name.clone()),
        (
            lang.pick(
                "Anmodning modtaget",
                "Innsynskravet mottatt",
                "Begäran mottagen",
                "Request received",
            ),
            lang.long_date(x.request.received_on),
        ),
        (
            lang.pick("Vores sag", "Vår sak", "Vårt ärende", "Our reference"),
            format!("#{}", x.request.id),
        ),
    ]);
    if x.data_processed {
        d.paragraph(format!(
            "{} {}",
            lang.pick(
                "Vi bekræfter, at {assoc} behandler personoplysninger om dig.",
                "Vi bekrefter at {assoc} behandler personopplysninger om deg.",
                "Vi bekräftar att {assoc} behandlar personuppgifter om dig.",
                "We confirm that {assoc} processes personal data about you.",
            )
            .replace("{assoc}", &assoc.name),
            lang.pick(
                "Nedenfor finder du en kopi af alt, hvad vi har registreret om dig, og hvert sted du er nævnt i foreningens arkiverede referater.",
                "Nedenfor finner du en kopi av alt vi har registrert om deg, og hvert sted du er nevnt i lagets arkiverte protokoller.",
                "Nedan finns en kopia av allt vi har registrerat om dig och varje ställe där du nämns i föreningens arkiverade protokoll.",
                "Below is a copy of everything we hold about you, and every place you are mentioned in the association's archived minutes.",
            )
        ));
    } else {
        d.paragraph(
            lang.pick(
                "Vi har søgt i foreningens register og arkiverede referater og behandler ingen personoplysninger om dig ud over din anmodning.",
                "Vi har søkt i lagets register og arkiverte protokoller og behandler ingen personopplysninger om deg utover henvendelsen din.",
                "Vi har sökt i föreningens register och arkiverade protokoll och behandlar inga personuppgifter om dig utöver din begäran.",
                "We searched the association's register and archived minutes and process no personal data about you beyond your request.",
            ),
        );
    }

    d.heading(lang.pick(
        "Oplysninger i registret",
        "Opplysninger i registeret",
        "Uppgifter i registret",
        "Data in the register",
    ));
    match &x.person {
        Some(p) => {
            let none = || "–".to_string();
            d.subheading(lang.pick("Dig", "Deg", "Du", "You"));
            d.facts([
                (lang.pick("Navn", "Navn", "Namn", "Name"), p.name.clone()),
                (
                    lang.pick("Telefon", "Telefon", "Telefon", "Phone"),
                    p.phone.clone().unwrap_or_else(none),
                ),
                (
                    lang.pick("E-mail", "E-post", "E-post", "E-mail"),
                    p.email.clone().unwrap_or_else(none),
                ),
                (
                    lang.pick("Note", "Merknad", "Anteckning", "Note"),
                    p.note.clone().unwrap_or_else(none),
                ),
            ]);
        }
        None => {
            d.paragraph(lang.pick(
                "Du er ikke registreret som person i foreningens register.",
                "Du er ikke registrert som person i lagets register.",
                "Du finns inte som person i föreningens register.",
                "You are not recorded as a person in the association's register.",
            ));
        }
    }
    let unit_word = lang.pick("Andel", "Andel", "Lägenhet", "Unit");
    let from_word = lang.pick("Fra", "Fra", "Från", "From");
    let to_word = lang.pick("Til", "Til", "Till", "To");
    if !x.ownerships.is_empty() {
        d.subheading(lang.pick("Andele", "Andeler", "Innehav", "Ownership"));
        let mut rows = Vec::new();
        for o in &x.ownerships {
            let unit = units::get(conn, o.unit_id).map_err(person_error)?;
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
                lang.pick("Adresse", "Adresse", "Adress", "Address").into(),
                from_word.into(),
                to_word.into(),
            ],
            rows,
        );
    }
    if !x.sublets.is_empty() {
        d.subheading(glossary::term(lang, Term::Sublet).label());
        let own_id = x.person.as_ref().map(|p| p.id);
        let rows = x
            .sublets
            .iter()
            .map(|s| {
                let role = if Some(s.subtenant_id) == own_id {
                    glossary::term(lang, Term::Subtenant).one.as_str()
                } else {
                    glossary::term(lang, Term::Member).one.as_str()
                };
                let decision = match s.decision {
                    Some(sublets::Decision::Approved) => {
                        lang.pick("godkendt", "godkjent", "godkänd", "approved")
                    }
                    Some(sublets::Decision::Rejected) => {
                        lang.pick("afslået", "avslått", "avslagen", "rejected")
                    }
                    None => lang.pick("afventer", "venter", "väntar", "pending"),
                };
                vec![
                    s.unit_number.clone(),
                    role.to_string(),
                    format!("{} – {}", words::day(s.from), words::day(s.to)),
                    words::day(s.requested_on),
                    format!("{decision} {}", words::maybe(s.decided_on)),
                ]
            })
            .collect();
        d.table(
            &[1.0, 1.6, 2.2, 1.3, 1.8],
            vec![
                unit_word.into(),
                lang.pick("Som", "Som", "Som", "As").into(),
                lang.pick("Periode", "Periode", "Period", "Period").into(),
                lang.pick("Ansøgt", "Søkt", "Ansökt", "Requested").into(),
                lang.pick("Afgørelse", "Vedtak", "Beslut", "Decision")
                    .into(),
            ],
            rows,
        );
    }
    if !x.name_plate_orders.is_empty() {
        d.subheading(lang.pick("Navneskilte", "Navneskilt", "Namnskyltar", "Name plates"));
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
                lang.pick("Tekst", "Tekst", "Text", "Text").into(),
                lang.pick("Oprettet", "Opprettet", "Skapad", "Created")
                    .into(),
                lang.pick("Sendt", "Sendt", "Skickad", "Sent").into(),
                lang.pick("Monteret", "Montert", "Monterad", "Mounted")
                    .into(),
            ],
            rows,
        );
    }
    if !x.roles.is_empty() {
        d.subheading(lang.pick("Hverv", "Verv", "Uppdrag", "Roles"));
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
                lang.pick("Hverv", "Verv", "Uppdrag", "Role").into(),
                from_word.into(),
                to_word.into(),
            ],
            rows,
        );
    }
    d.subheading(lang.pick(
        "Dine anmodninger",
        "Dine henvendelser",
        "Dina begäranden",
        "Your requests",
    ));
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
            lang.pick("Art", "Type", "Typ", "Kind").into(),
            lang.pick("Modtaget", "Mottatt", "Mottagen", "Received")
                .into(),
            lang.pick("Frist", "Frist", "Tidsfrist", "Deadline").into(),
            lang.pick("Status", "Status", "Status", "Status").into(),
        ],
        rows,
    );

    d.heading(lang.pick(
        "Omtale i referater",
        "Omtale i protokoller",
        "Omnämnanden i protokoll",
        "Mentions in the minutes",
    ));
    if x.minutes_mentions.is_empty() {
        d.paragraph(lang.pick(
            "Du er ikke nævnt i de referater, foreningen har arkiveret.",
            "Du er ikke nevnt i protokollene laget har arkivert.",
            "Du nämns inte i de protokoll som föreningen har arkiverat.",
            "You are not mentioned in the minutes the association has archived.",
        ));
    } else {
        d.paragraph(lang.pick(
            "Referaterne opbevares som foreningens historie. Her er hvert sted, du er nævnt, med lidt tekst omkring. Andre personers oplysninger er erstattet af en betegnelse som [navn].",
            "Protokollene oppbevares som lagets historie. Her er hvert sted du er nevnt, med litt tekst rundt. Andre personers opplysninger er erstattet med en betegnelse som [navn].",
            "Protokollen bevaras som föreningens historia. Här är varje ställe där du nämns, med lite text runt omkring. Andra personers uppgifter är ersatta med en beteckning som [namn].",
            "The minutes are kept as the association's history. Here is every place you are mentioned, with some text around it. Other people's data is replaced by a label such as [name].",
        ));
        for m in &x.minutes_mentions {
            d.subheading(format!(
                "{} · {}",
                lang.long_date(m.meeting_date),
                m.document_title
            ));
            d.paragraph(m.excerpt.clone());
        }
    }

    d.blocks
        .extend(privacy_sections::purposes(conn, lang).map_err(person_error)?);
    d.heading(lang.pick(
        "Automatiske afgørelser",
        "Automatiserte avgjørelser",
        "Automatiserade beslut",
        "Automated decisions",
    ));
    d.paragraph(lang.pick(
        "Foreningen træffer ingen automatiske afgørelser om dig og bruger ikke profilering.",
        "Laget treffer ingen automatiserte avgjørelser om deg og bruker ikke profilering.",
        "Föreningen fattar inga automatiserade beslut om dig och använder inte profilering.",
        "The association makes no automated decisions about you and does not use profiling.",
    ));
    d.blocks
        .extend(privacy_sections::rights(lang, assoc.country));
    d.blocks
        .extend(privacy_sections::authority(lang, assoc.country));
    if let Some(email) = &assoc.email {
        d.note(format!(
            "{} {email}",
            lang.pick(
                "Spørgsmål til dette svar kan sendes til bestyrelsen:",
                "Spørsmål om dette svaret kan sendes til styret:",
                "Frågor om detta svar kan skickas till styrelsen:",
                "Questions about this reply can be sent to the board:",
            )
        ));
    }
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
        let out = excerpt(text, start, end, &[], Country::DK).unwrap();
        assert_eq!(out, "… 2. Beretning Winnie Lyngdal blev valgt. …");
    }
}
