//! What the reply to an access request (Art. 15) says about processing, for this one person:
//! the purposes that concern them as the register knows them (an owner, a former owner, a
//! subtenant, a board member or official, or none of these), with the legal basis, recipients,
//! transfers and retention of each; the recipients the register shows actually received their
//! data (the caretaker who got their name plate); what the association's processors hold and how
//! to get it; the processing kept outside the register; the right to object set apart
//! (Art. 21(4)); and the other rights with all their grounds (Art. 16–18, 20, 7(3)).
//!
//! EDPB guidelines 01/2022 on the right of access ask for information about *this* data
//! subject's processing, not a copy of the privacy notice: [`personal`] chooses the activities
//! from what the register holds on the person, and [`blocks`] writes them.

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::activities::{self, Activity, LegalBasis};
use super::sections;
use super::Error;
use crate::association::Country;
use crate::document::{Block, Fallback, Lang};
use crate::i18n::glossary::{self, Term};
use crate::register::organisations::{self, Organisation, OrganisationKind};
use crate::register::Id;

/// What the requester is to the association, as the register shows it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum SubjectRole {
    /// Holds a share (or a right of occupancy) today.
    Owner,
    /// Held one and has moved out.
    FormerOwner,
    /// Lives, or lived, in someone's unit on a sublet.
    Subtenant,
    /// Sits, or sat, on the board or held an office (chair of a meeting, auditor, ...).
    BoardMember,
    /// None of these: someone outside the register, or a person record without any of them.
    Outsider,
}

impl SubjectRole {
    /// The role in running text ("andelshaver", "tidligere andelshaver", ...).
    pub fn text(self, lang: Lang) -> String {
        let t = &lang.texts().personal_reply;
        match self {
            SubjectRole::Owner => glossary::term(lang, Term::Member).one.clone(),
            SubjectRole::FormerOwner => {
                format!("{} {}", t.former, glossary::term(lang, Term::Member).one)
            }
            SubjectRole::Subtenant => glossary::term(lang, Term::Subtenant).one.clone(),
            SubjectRole::BoardMember => t.board_member_or_official.to_string(),
            SubjectRole::Outsider => t.not_registered.to_string(),
        }
    }
}

/// What the register holds on the person, as far as it decides which activities concern them.
#[derive(Debug, Clone, Default)]
pub struct Held {
    /// An ownership without an end, or ending after today.
    pub owner_now: bool,
    /// An ownership that has ended.
    pub owner_before: bool,
    /// A sublet of their own unit.
    pub sublet_owner: bool,
    /// A sublet they live or lived in.
    pub subtenant: bool,
    /// A role on the board or an office.
    pub official: bool,
    /// A name-plate order that carries their name.
    pub plates: bool,
    /// A mention in the archived minutes.
    pub mentions: bool,
}

impl Held {
    /// The roles, in a fixed order; [`SubjectRole::Outsider`] alone when there is none.
    pub fn roles(&self) -> Vec<SubjectRole> {
        let mut out = Vec::new();
        if self.owner_now {
            out.push(SubjectRole::Owner);
        }
        if self.owner_before && !self.owner_now {
            out.push(SubjectRole::FormerOwner);
        }
        if self.subtenant {
            out.push(SubjectRole::Subtenant);
        }
        if self.official {
            out.push(SubjectRole::BoardMember);
        }
        if out.is_empty() {
            out.push(SubjectRole::Outsider);
        }
        out
    }

    /// Does a default activity concern the person? `None`: the register cannot tell (the
    /// activity's data is kept outside it, or the board added the activity).
    fn concerns(&self, key: Option<&str>) -> Option<bool> {
        match key? {
            "members" => Some(self.owner_now || self.owner_before || self.sublet_owner),
            "sublets" => Some(self.sublet_owner || self.subtenant),
            "name_plates" => Some(self.plates),
            "minutes_archive" => Some(self.mentions),
            _ => None,
        }
    }
}

/// A purpose that concerns the person, with everything Art. 15(1)(a)–(d) and (g) asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct PersonalPurpose {
    /// The default activity's key; `None` for one the board added.
    pub key: Option<String>,
    pub name: String,
    pub purpose: String,
    pub legal_basis: LegalBasis,
    /// The basis as the letter names it, with its article.
    pub legal_basis_text: String,
    pub legitimate_interest: Option<String>,
    pub data_categories: String,
    pub source: String,
    /// The recipients (organisations by name and role, then others the board wrote).
    pub recipients: Vec<String>,
    /// Transfers outside the EU/EEA with their safeguard.
    pub transfers: Vec<String>,
    pub retention: String,
}

/// A disclosure the register records: who received the person's data, what and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Disclosure {
    pub recipient: String,
    /// What the recipient does, as the notice says it.
    pub role: Option<String>,
    pub what: String,
    pub on: NaiveDate,
}

/// An organisation that processes data for the association in a purpose that concerns the
/// person, and may hold data on them the board's register does not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct ProcessorHolding {
    pub name: String,
    pub role: String,
    /// The purposes (by name) it processes data in.
    pub purposes: Vec<String>,
}

/// The reply's account of processing for this person.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Personal {
    pub roles: Vec<SubjectRole>,
    pub purposes: Vec<PersonalPurpose>,
    /// Activities whose data the register does not hold (the board's e-mail, the newsletter
    /// tool, the website's log, activities the board added), by name.
    pub outside_register: Vec<String>,
    pub disclosures: Vec<Disclosure>,
    pub processors: Vec<ProcessorHolding>,
    /// The board's texts in this account that are not in the reply's language (see
    /// `document::Document::fallbacks`): for the board's preview, so not in the reply's JSON.
    #[serde(skip)]
    pub fallbacks: Vec<Fallback>,
}

/// A name-plate order that was sent, as [`personal`] needs it.
#[derive(Debug, Clone)]
pub struct PlateSent {
    pub unit_number: String,
    pub sent_on: NaiveDate,
    pub sent_to: Option<Id>,
    pub sent_to_name: Option<String>,
}

/// Is an organisation one that processes data on the association's behalf? One whose agreement
/// is recorded is; so are the kinds that only ever act for it. A bank or an auditor without an
/// agreement is an independent controller, and "other" is not assumed to be either.
fn is_processor(o: &Organisation) -> bool {
    o.dpa_signed_on.is_some()
        || matches!(
            o.kind,
            OrganisationKind::Administrator
                | OrganisationKind::Caretaker
                | OrganisationKind::Cloud
                | OrganisationKind::Newsletter
        )
}

fn personal_purpose(a: &Activity, orgs: &[Organisation], lang: Lang) -> PersonalPurpose {
    let (recipients, transfers) = sections::recipient_text(a, orgs, lang);
    PersonalPurpose {
        key: a.key.clone(),
        name: a.text.name.clone(),
        purpose: a.text.purpose.clone(),
        legal_basis: a.legal_basis,
        legal_basis_text: a.legal_basis.label(lang),
        legitimate_interest: a.text.legitimate_interest.clone(),
        data_categories: a.text.data_categories.clone(),
        source: a.text.source.clone(),
        recipients: recipients.lines().map(str::to_string).collect(),
        transfers,
        retention: a.text.retention.clone(),
    }
}

/// The processing that concerns the person, from what the register holds on them.
pub fn personal(
    conn: &Connection,
    lang: Lang,
    held: &Held,
    plates_sent: &[PlateSent],
) -> Result<Personal, Error> {
    let t = &lang.texts().personal_reply;
    let orgs = organisations::list(conn)?;
    let mut purposes = Vec::new();
    let mut outside_register = Vec::new();
    let mut processors: Vec<ProcessorHolding> = Vec::new();
    let mut fallbacks = Vec::new();
    for a in activities::current(conn, lang)?
        .into_iter()
        .filter(|a| a.active)
    {
        match held.concerns(a.key.as_deref()) {
            Some(true) => {
                let named: Vec<Organisation> = orgs
                    .iter()
                    .filter(|o| a.recipient_kinds.contains(&o.kind))
                    .cloned()
                    .collect();
                for f in sections::fallbacks(std::slice::from_ref(&a), &named, lang) {
                    if !fallbacks.contains(&f) {
                        fallbacks.push(f);
                    }
                }
                for o in orgs
                    .iter()
                    .filter(|o| a.recipient_kinds.contains(&o.kind) && is_processor(o))
                {
                    match processors.iter_mut().find(|p| p.name == o.name) {
                        Some(p) => p.purposes.push(a.text.name.clone()),
                        None => processors.push(ProcessorHolding {
                            name: o.name.clone(),
                            role: sections::organisation_role(o, lang),
                            purposes: vec![a.text.name.clone()],
                        }),
                    }
                }
                purposes.push(personal_purpose(&a, &orgs, lang));
            }
            Some(false) => {}
            None => {
                // Named only.
                fallbacks.extend(
                    a.document_fallbacks()
                        .filter(|f| f.field == activities::ActivityField::Name.column()),
                );
                outside_register.push(a.text.name.clone());
            }
        }
    }
    let unit_word = t.plate_unit;
    let disclosures = plates_sent
        .iter()
        .map(|p| {
            let org = p.sent_to.and_then(|id| orgs.iter().find(|o| o.id == id));
            Disclosure {
                recipient: org
                    .map(|o| o.name.clone())
                    .or_else(|| p.sent_to_name.clone())
                    .unwrap_or_else(|| glossary::term(lang, Term::Caretaker).label()),
                role: org.map(|o| sections::kind_role(o.kind, lang)),
                what: format!("{} {unit_word} {}", t.name_plate_for, p.unit_number),
                on: p.sent_on,
            }
        })
        .collect();
    Ok(Personal {
        roles: held.roles(),
        purposes,
        outside_register,
        disclosures,
        processors,
        fallbacks,
    })
}

/// "a, b og c": a list in running text.
fn listed(lang: Lang, items: &[String]) -> String {
    let t = &lang.texts().personal_reply;
    let and = t.and;
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} {and} {last}", rest.join(", ")),
    }
}

fn h(level: u8, text: &str) -> Block {
    Block::Heading {
        level,
        text: text.to_string(),
    }
}

fn para(text: impl Into<String>) -> Block {
    Block::Paragraph { text: text.into() }
}

/// The letter's sections on processing for this person, from "what we use your data for" to
/// the rights; the complaint to the authority follows them.
pub fn blocks(
    p: &Personal,
    official: bool,
    facts: &activities::Facts,
    lang: Lang,
    country: Country,
) -> Vec<Block> {
    let t = &lang.texts().personal_reply;
    let mut out = Vec::new();
    let l = sections::labels(lang);
    out.push(h(1, t.purposes_heading));
    let roles: Vec<String> = p.roles.iter().map(|r| r.text(lang)).collect();
    if p.roles == [SubjectRole::Outsider] {
        let member = &glossary::term(lang, Term::Member).one;
        let subtenant = &glossary::term(lang, Term::Subtenant).one;
        out.push(para(
            t.outsider
                .replace("{member}", member)
                .replace("{subtenant}", subtenant),
        ));
    } else {
        let roles = listed(lang, &roles);
        out.push(para(t.holds_you_as.replace("{roles}", &roles)));
    }
    if p.purposes.is_empty() {
        out.push(para(t.no_purpose));
    } else {
        out.push(para(t.purposes_intro));
    }
    for a in &p.purposes {
        out.push(h(2, &a.name));
        let mut rows = vec![
            (l.purpose.to_string(), a.purpose.clone()),
            (l.basis.to_string(), a.legal_basis_text.clone()),
        ];
        if a.legal_basis == LegalBasis::LegitimateInterest {
            if let Some(i) = &a.legitimate_interest {
                rows.push((l.interest.to_string(), i.clone()));
            }
        }
        for (label, text) in [(l.data, &a.data_categories), (l.source, &a.source)] {
            if !text.is_empty() {
                rows.push((label.to_string(), text.clone()));
            }
        }
        rows.push((l.recipients.to_string(), a.recipients.join("\n")));
        if !a.transfers.is_empty() {
            rows.push((l.transfers.to_string(), a.transfers.join("\n")));
        }
        if !a.retention.is_empty() {
            rows.push((l.retention.to_string(), a.retention.clone()));
        }
        out.push(Block::Facts { rows });
    }

    // The records every requester is in (this request), and a board member's.
    let other = sections::other_record_items(lang, facts);
    let mut records = vec![other.requests];
    if official {
        records.push(other.roles);
        records.push(other.audit_log);
    }
    out.push(h(2, t.other_records));
    out.push(Block::Bullets { items: records });

    out.push(h(1, t.received_heading));
    if p.disclosures.is_empty() {
        out.push(para(t.no_disclosure));
    } else {
        out.push(para(t.disclosures_intro));
        out.push(Block::Table {
            widths: vec![2.6, 2.4, 1.3],
            header: vec![
                t.recipient.to_string(),
                t.what.to_string(),
                t.date.to_string(),
            ],
            rows: p
                .disclosures
                .iter()
                .map(|d| {
                    let who = match &d.role {
                        Some(role) => format!("{} ({role})", d.recipient),
                        None => d.recipient.clone(),
                    };
                    vec![who, d.what.clone(), d.on.to_string()]
                })
                .collect(),
        });
    }

    if !p.processors.is_empty() {
        out.push(h(1, t.processors_heading));
        out.push(para(t.processors_intro));
        out.push(Block::Bullets {
            items: p
                .processors
                .iter()
                .map(|o| format!("{} ({}): {}", o.name, o.role, listed(lang, &o.purposes)))
                .collect(),
        });
    }

    if !p.outside_register.is_empty() {
        out.push(h(1, t.outside_heading));
        let names = listed(lang, &p.outside_register);
        out.push(para(t.outside_text.replace("{names}", &names)));
    }

    out.extend(objection(p, lang));
    out.extend(rights(lang, country));
    out
}

/// The right to object, set apart from the other information as Art. 21(4) requires, naming the
/// purposes that concern the person and rest on legitimate interest.
fn objection(p: &Personal, lang: Lang) -> Vec<Block> {
    let t = &lang.texts().personal_reply;
    let mut out = vec![h(1, t.object_heading)];
    let names: Vec<String> = p
        .purposes
        .iter()
        .filter(|a| a.legal_basis == LegalBasis::LegitimateInterest)
        .map(|a| a.name.clone())
        .collect();
    if names.is_empty() {
        out.push(para(t.object_none));
        return out;
    }
    let names = listed(lang, &names);
    out.push(para(t.object_text.replace("{names}", &names)));
    out
}

/// The other rights, erasure and restriction with every ground the regulation gives.
fn rights(lang: Lang, country: Country) -> Vec<Block> {
    let t = &lang.texts().personal_reply;
    let law = sections::national_law(lang, country);
    let mut out = vec![
        h(1, t.rights_heading),
        para(t.rights_intro.replace("{law}", law)),
    ];
    out.push(h(2, t.rectification_heading));
    out.push(para(t.rectification));
    out.push(h(2, t.erasure_heading));
    out.push(para(t.erasure_intro));
    out.push(Block::Bullets {
        items: [
            t.erasure_not_needed,
            t.erasure_consent_withdrawn,
            t.erasure_objection,
            t.erasure_unlawful,
            t.erasure_legal_duty,
            t.erasure_child,
        ]
        .map(str::to_string)
        .to_vec(),
    });
    out.push(para(t.erasure_exceptions));
    out.push(h(2, t.restriction_heading));
    out.push(para(t.restriction_intro));
    out.push(Block::Bullets {
        items: [
            t.restriction_contested,
            t.restriction_unlawful,
            t.restriction_claims,
            t.restriction_objected,
        ]
        .map(str::to_string)
        .to_vec(),
    });
    out.push(para(t.restriction_effect));
    out.push(h(2, t.portability_heading));
    out.push(para(t.portability));
    out.push(h(2, t.consent_heading));
    out.push(para(t.consent));
    out
}
