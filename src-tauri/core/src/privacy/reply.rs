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
use crate::document::{Block, Lang};
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
        match self {
            SubjectRole::Owner => glossary::term(lang, Term::Member).one.clone(),
            SubjectRole::FormerOwner => format!(
                "{} {}",
                lang.pick("tidligere", "tidligere", "tidigare", "former"),
                glossary::term(lang, Term::Member).one
            ),
            SubjectRole::Subtenant => glossary::term(lang, Term::Subtenant).one.clone(),
            SubjectRole::BoardMember => lang
                .pick(
                    "medlem af bestyrelsen eller tillidsvalgt",
                    "medlem av styret eller tillitsvalgt",
                    "ledamot av styrelsen eller förtroendevald",
                    "board member or official",
                )
                .to_string(),
            SubjectRole::Outsider => lang
                .pick(
                    "ikke registreret",
                    "ikke registrert",
                    "inte registrerad",
                    "not registered",
                )
                .to_string(),
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
    let orgs = organisations::list(conn)?;
    let mut purposes = Vec::new();
    let mut outside_register = Vec::new();
    let mut processors: Vec<ProcessorHolding> = Vec::new();
    for a in activities::current(conn, lang)?
        .into_iter()
        .filter(|a| a.active)
    {
        match held.concerns(a.key.as_deref()) {
            Some(true) => {
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
            None => outside_register.push(a.text.name.clone()),
        }
    }
    let unit_word = lang.pick("andel", "andel", "lägenhet", "unit");
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
                what: format!(
                    "{} {unit_word} {}",
                    lang.pick(
                        "Navneskilt til",
                        "Navneskilt til",
                        "Namnskylt till",
                        "Name plate for"
                    ),
                    p.unit_number
                ),
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
    })
}

/// "a, b og c": a list in running text.
fn listed(lang: Lang, items: &[String]) -> String {
    let and = lang.pick("og", "og", "och", "and");
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
    let mut out = Vec::new();
    let l = sections::labels(lang);
    out.push(h(
        1,
        lang.pick(
            "Hvad vi bruger dine oplysninger til",
            "Hva vi bruker opplysningene dine til",
            "Vad vi använder dina uppgifter till",
            "What we use your data for",
        ),
    ));
    let roles: Vec<String> = p.roles.iter().map(|r| r.text(lang)).collect();
    if p.roles == [SubjectRole::Outsider] {
        let member = &glossary::term(lang, Term::Member).one;
        let subtenant = &glossary::term(lang, Term::Subtenant).one;
        out.push(para(match lang {
            Lang::Da => format!("Du står ikke i foreningens register som {member}, {subtenant} eller medlem af bestyrelsen."),
            Lang::Nb => format!("Du står ikke i lagets register som {member}, {subtenant} eller medlem av styret."),
            Lang::Sv => format!("Du finns inte i föreningens register som {member}, {subtenant} eller ledamot av styrelsen."),
            Lang::En => format!("The association's register does not hold you as an {member}, a {subtenant} or a board member."),
        }));
    } else {
        out.push(para(match lang {
            Lang::Da => format!(
                "I foreningens register står du som {}.",
                listed(lang, &roles)
            ),
            Lang::Nb => format!("I lagets register står du som {}.", listed(lang, &roles)),
            Lang::Sv => format!(
                "I föreningens register finns du som {}.",
                listed(lang, &roles)
            ),
            Lang::En => format!(
                "The association's register holds you as {}.",
                listed(lang, &roles)
            ),
        }));
    }
    if p.purposes.is_empty() {
        out.push(para(lang.pick(
            "Ingen af de formål, registret bruges til, vedrører dig ud over din anmodning.",
            "Ingen av formålene registeret brukes til, gjelder deg utover henvendelsen din.",
            "Inget av de ändamål som registret används för gäller dig utöver din begäran.",
            "None of the purposes the register serves concerns you beyond your request.",
        )));
    } else {
        out.push(para(lang.pick(
            "Disse formål vedrører dig, hver med behandlingsgrundlag, modtagere og opbevaring:",
            "Disse formålene gjelder deg, hvert med behandlingsgrunnlag, mottakere og lagringstid:",
            "Dessa ändamål gäller dig, vart och ett med rättslig grund, mottagare och lagringstid:",
            "These purposes concern you, each with its legal basis, recipients and retention:",
        )));
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
    out.push(h(
        2,
        lang.pick(
            "Andre oplysninger om dig",
            "Andre opplysninger om deg",
            "Andra uppgifter om dig",
            "Other records about you",
        ),
    ));
    out.push(Block::Bullets { items: records });

    out.push(h(
        1,
        lang.pick(
            "Hvem har fået dine oplysninger",
            "Hvem som har fått opplysningene dine",
            "Vem som har fått dina uppgifter",
            "Who has received your data",
        ),
    ));
    if p.disclosures.is_empty() {
        out.push(para(lang.pick(
            "Registret viser ingen udlevering af dine oplysninger ud over de modtagere, der er nævnt ved hvert formål ovenfor.",
            "Registeret viser ingen utlevering av opplysningene dine utover mottakerne som er nevnt ved hvert formål over.",
            "Registret visar inget utlämnande av dina uppgifter utöver de mottagare som nämns vid varje ändamål ovan.",
            "The register shows no disclosure of your data beyond the recipients named for each purpose above.",
        )));
    } else {
        out.push(para(lang.pick(
            "Ud over de modtagere, der er nævnt ved hvert formål ovenfor, viser registret, at disse har fået dine oplysninger:",
            "Utover mottakerne som er nevnt ved hvert formål over, viser registeret at disse har fått opplysningene dine:",
            "Utöver de mottagare som nämns vid varje ändamål ovan visar registret att dessa har fått dina uppgifter:",
            "Besides the recipients named for each purpose above, the register shows that these received your data:",
        )));
        out.push(Block::Table {
            widths: vec![2.6, 2.4, 1.3],
            header: vec![
                lang.pick("Modtager", "Mottaker", "Mottagare", "Recipient")
                    .to_string(),
                lang.pick("Hvad", "Hva", "Vad", "What").to_string(),
                lang.pick("Dato", "Dato", "Datum", "Date").to_string(),
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
        out.push(h(
            1,
            lang.pick(
                "Oplysninger hos vores databehandlere",
                "Opplysninger hos databehandlerne våre",
                "Uppgifter hos våra personuppgiftsbiträden",
                "Data held by our processors",
            ),
        ));
        out.push(para(lang.pick(
            "Disse virksomheder behandler oplysninger for foreningen og kan have oplysninger om dig, som ikke står i bestyrelsens register. Din ret til indsigt gælder også dem: skriv til bestyrelsen, så indhenter vi en kopi hos dem og sender den til dig. Du behøver ikke selv at kontakte dem.",
            "Disse virksomhetene behandler opplysninger for laget og kan ha opplysninger om deg som ikke står i styrets register. Retten til innsyn gjelder også dem: skriv til styret, så henter vi inn en kopi fra dem og sender den til deg. Du trenger ikke kontakte dem selv.",
            "Dessa företag behandlar uppgifter åt föreningen och kan ha uppgifter om dig som inte finns i styrelsens register. Din rätt till registerutdrag gäller även dem: skriv till styrelsen, så hämtar vi in en kopia från dem och skickar den till dig. Du behöver inte själv kontakta dem.",
            "These companies process data for the association and may hold data about you that is not in the board's register. Your right of access covers them too: write to the board, and we will obtain a copy from them and send it to you. You need not contact them yourself.",
        )));
        out.push(Block::Bullets {
            items: p
                .processors
                .iter()
                .map(|o| format!("{} ({}): {}", o.name, o.role, listed(lang, &o.purposes)))
                .collect(),
        });
    }

    if !p.outside_register.is_empty() {
        out.push(h(
            1,
            lang.pick(
                "Uden for registret",
                "Utenfor registeret",
                "Utanför registret",
                "Outside the register",
            ),
        ));
        let names = listed(lang, &p.outside_register);
        out.push(para(match lang {
            Lang::Da => format!("Dette svar bygger på bestyrelsens register og foreningens arkiverede referater. Foreningen behandler også personoplysninger, som ikke står i registret: {names}. Vil du vide, hvad der findes om dig dér, så skriv til bestyrelsen, så søger vi også dér."),
            Lang::Nb => format!("Dette svaret bygger på styrets register og lagets arkiverte protokoller. Laget behandler også personopplysninger som ikke står i registeret: {names}. Vil du vite hva som finnes om deg der, så skriv til styret, så søker vi der også."),
            Lang::Sv => format!("Detta svar bygger på styrelsens register och föreningens arkiverade protokoll. Föreningen behandlar också personuppgifter som inte finns i registret: {names}. Vill du veta vad som finns om dig där, skriv till styrelsen, så söker vi där också."),
            Lang::En => format!("This reply is drawn from the board's register and the association's archived minutes. The association also processes personal data that is not in the register: {names}. If you want to know what is held about you there, write to the board and we will search there too."),
        }));
    }

    out.extend(objection(p, lang));
    out.extend(rights(lang, country));
    out
}

/// The right to object, set apart from the other information as Art. 21(4) requires, naming the
/// purposes that concern the person and rest on legitimate interest.
fn objection(p: &Personal, lang: Lang) -> Vec<Block> {
    let mut out = vec![h(
        1,
        lang.pick(
            "Din ret til indsigelse",
            "Din rett til å protestere",
            "Din rätt att göra invändningar",
            "Your right to object",
        ),
    )];
    let names: Vec<String> = p
        .purposes
        .iter()
        .filter(|a| a.legal_basis == LegalBasis::LegitimateInterest)
        .map(|a| a.name.clone())
        .collect();
    if names.is_empty() {
        out.push(para(lang.pick(
            "Ingen af de formål ovenfor, der vedrører dig, bygger på foreningens legitime interesse. Kommer det til, kan du gøre indsigelse mod det af grunde, der vedrører din særlige situation (art. 21, stk. 1).",
            "Ingen av formålene over som gjelder deg, bygger på lagets berettigede interesse. Kommer det til, kan du protestere mot det av grunner som gjelder din særlige situasjon (art. 21 nr. 1).",
            "Inget av ändamålen ovan som gäller dig grundar sig på föreningens berättigade intresse. Tillkommer ett sådant kan du invända mot det av skäl som gäller din särskilda situation (artikel 21.1).",
            "None of the purposes above that concern you rests on the association's legitimate interest. Should one be added, you can object to it on grounds relating to your particular situation (Art. 21(1)).",
        )));
        return out;
    }
    let names = listed(lang, &names);
    out.push(para(match lang {
        Lang::Da => format!("Du kan til enhver tid gøre indsigelse mod behandling, der bygger på foreningens legitime interesse, af grunde, der vedrører din særlige situation (art. 21, stk. 1). Det gælder: {names}. Så stopper vi behandlingen, medmindre vi kan påvise vægtige legitime grunde, der går forud for dine interesser, eller behandlingen er nødvendig for at fastlægge, gøre gældende eller forsvare et retskrav. Skriv til bestyrelsen; det koster ikke noget."),
        Lang::Nb => format!("Du kan når som helst protestere mot behandling som bygger på lagets berettigede interesse, av grunner som gjelder din særlige situasjon (art. 21 nr. 1). Det gjelder: {names}. Da stanser vi behandlingen, med mindre vi kan påvise tvingende berettigede grunner som går foran interessene dine, eller behandlingen er nødvendig for å fastsette, gjøre gjeldende eller forsvare et rettskrav. Skriv til styret; det koster ingenting."),
        Lang::Sv => format!("Du kan när som helst invända mot behandling som grundar sig på föreningens berättigade intresse, av skäl som gäller din särskilda situation (artikel 21.1). Det gäller: {names}. Då slutar vi behandla uppgifterna, om vi inte kan visa tvingande berättigade skäl som väger tyngre än dina intressen, eller om behandlingen behövs för att fastställa, göra gällande eller försvara rättsliga anspråk. Skriv till styrelsen; det kostar ingenting."),
        Lang::En => format!("You can object at any time, on grounds relating to your particular situation, to processing based on the association's legitimate interest (Art. 21(1)). This applies to: {names}. We then stop, unless we can show compelling legitimate grounds that override your interests, or the processing is needed to establish, exercise or defend legal claims. Write to the board; it costs nothing."),
    }));
    out
}

/// The other rights, erasure and restriction with every ground the regulation gives.
fn rights(lang: Lang, country: Country) -> Vec<Block> {
    let law = sections::national_law(lang, country);
    let mut out = vec![
        h(
            1,
            lang.pick(
                "Dine øvrige rettigheder",
                "Dine andre rettigheter",
                "Dina övriga rättigheter",
                "Your other rights",
            ),
        ),
        para(match lang {
            Lang::Da => format!("Efter databeskyttelsesforordningen og {law} har du også disse rettigheder. Skriv til bestyrelsen med e-mail eller brev; vi svarer senest én måned efter, at vi har modtaget din anmodning, og det koster ikke noget."),
            Lang::Nb => format!("Etter personvernforordningen og {law} har du også disse rettighetene. Skriv til styret på e-post eller brev; vi svarer senest én måned etter at vi har mottatt henvendelsen, og det koster ingenting."),
            Lang::Sv => format!("Enligt dataskyddsförordningen och {law} har du också följande rättigheter. Skriv till styrelsen med e-post eller brev; vi svarar senast en månad efter att vi tagit emot din begäran, och det kostar ingenting."),
            Lang::En => format!("Under the General Data Protection Regulation and {law} you also have these rights. Write to the board by e-mail or letter; we answer at the latest one month after we receive your request, and it costs nothing."),
        }),
    ];
    out.push(h(
        2,
        lang.pick(
            "Ret til berigtigelse (art. 16)",
            "Rett til retting (art. 16)",
            "Rätt till rättelse (artikel 16)",
            "Right to rectification (Art. 16)",
        ),
    ));
    out.push(para(lang.pick(
        "Forkerte oplysninger om dig bliver rettet, og mangelfulde bliver suppleret.",
        "Feil opplysninger om deg blir rettet, og mangelfulle blir supplert.",
        "Felaktiga uppgifter om dig rättas och ofullständiga kompletteras.",
        "Wrong data about you is corrected and incomplete data completed.",
    )));
    out.push(h(
        2,
        lang.pick(
            "Ret til sletning (art. 17)",
            "Rett til sletting (art. 17)",
            "Rätt till radering (artikel 17)",
            "Right to erasure (Art. 17)",
        ),
    ));
    out.push(para(lang.pick(
        "Vi sletter oplysninger om dig uden unødig forsinkelse, når et af disse forhold gælder:",
        "Vi sletter opplysninger om deg uten ugrunnet opphold når ett av disse vilkårene gjelder:",
        "Vi raderar uppgifter om dig utan onödigt dröjsmål när något av följande gäller:",
        "We erase data about you without undue delay when one of these applies:",
    )));
    out.push(Block::Bullets {
        items: [
            lang.pick(
                "vi har ikke længere brug for dem til det formål, de blev indsamlet eller behandlet til;",
                "vi trenger dem ikke lenger til formålet de ble samlet inn eller behandlet for;",
                "vi behöver dem inte längre för det ändamål de samlades in eller behandlades för;",
                "we no longer need them for the purpose they were collected or processed for;",
            ),
            lang.pick(
                "du trækker dit samtykke tilbage, og der er ikke et andet grundlag for behandlingen;",
                "du trekker tilbake samtykket ditt, og det finnes ikke noe annet grunnlag for behandlingen;",
                "du återkallar ditt samtycke och det finns ingen annan grund för behandlingen;",
                "you withdraw your consent and there is no other basis for the processing;",
            ),
            lang.pick(
                "du gør indsigelse (se ovenfor), og der er ikke vægtigere legitime grunde til at fortsætte, eller indsigelsen gælder direkte markedsføring;",
                "du protesterer (se over), og det finnes ikke tyngre berettigede grunner til å fortsette, eller protesten gjelder direkte markedsføring;",
                "du invänder (se ovan) och det finns inga berättigade skäl som väger tyngre för att fortsätta, eller invändningen gäller direkt marknadsföring;",
                "you object (see above) and there are no overriding legitimate grounds to continue, or the objection concerns direct marketing;",
            ),
            lang.pick(
                "oplysningerne er behandlet ulovligt;",
                "opplysningene er behandlet ulovlig;",
                "uppgifterna har behandlats olagligt;",
                "the data has been processed unlawfully;",
            ),
            lang.pick(
                "loven kræver, at de slettes;",
                "loven krever at de slettes;",
                "lagen kräver att de raderas;",
                "the law requires them to be erased;",
            ),
            lang.pick(
                "de er indsamlet i forbindelse med en informationssamfundstjeneste, der blev tilbudt direkte til et barn.",
                "de er samlet inn i forbindelse med en informasjonssamfunnstjeneste som ble tilbudt direkte til et barn.",
                "de har samlats in i samband med en informationssamhällets tjänst som erbjöds direkt till ett barn.",
                "they were collected in offering an information society service directly to a child.",
            ),
        ]
        .map(str::to_string)
        .to_vec(),
    });
    out.push(para(lang.pick(
        "Vi sletter dog ikke det, loven pålægger os at gemme (for eksempel regnskabsmateriale), eller det, der er nødvendigt for at fastlægge, gøre gældende eller forsvare et retskrav.",
        "Vi sletter likevel ikke det loven pålegger oss å lagre (for eksempel regnskapsmateriale), eller det som er nødvendig for å fastsette, gjøre gjeldende eller forsvare et rettskrav.",
        "Vi raderar dock inte det som lagen kräver att vi sparar (till exempel räkenskapsinformation), eller det som behövs för att fastställa, göra gällande eller försvara rättsliga anspråk.",
        "We do not, however, erase what the law requires us to keep (such as accounting records), or what is needed to establish, exercise or defend legal claims.",
    )));
    out.push(h(
        2,
        lang.pick(
            "Ret til begrænsning af behandling (art. 18)",
            "Rett til begrensning av behandling (art. 18)",
            "Rätt till begränsning av behandling (artikel 18)",
            "Right to restriction of processing (Art. 18)",
        ),
    ));
    out.push(para(lang.pick(
        "Du kan kræve, at vi kun opbevarer oplysningerne og ikke bruger dem til andet, når:",
        "Du kan kreve at vi bare lagrer opplysningene og ikke bruker dem til noe annet, når:",
        "Du kan kräva att vi bara lagrar uppgifterna och inte använder dem till något annat, när:",
        "You can require us only to store the data and use it for nothing else when:",
    )));
    out.push(Block::Bullets {
        items: [
            lang.pick(
                "du bestrider, at de er rigtige, indtil vi har kontrolleret det;",
                "du bestrider at de er riktige, inntil vi har kontrollert det;",
                "du bestrider att de är korrekta, tills vi har kontrollerat det;",
                "you contest their accuracy, until we have checked it;",
            ),
            lang.pick(
                "behandlingen er ulovlig, og du hellere vil have den begrænset end oplysningerne slettet;",
                "behandlingen er ulovlig, og du heller vil ha den begrenset enn opplysningene slettet;",
                "behandlingen är olaglig och du hellre vill att den begränsas än att uppgifterna raderas;",
                "the processing is unlawful and you would rather have it restricted than the data erased;",
            ),
            lang.pick(
                "vi ikke længere har brug for dem, men du har brug for dem til at fastlægge, gøre gældende eller forsvare et retskrav;",
                "vi ikke lenger trenger dem, men du trenger dem for å fastsette, gjøre gjeldende eller forsvare et rettskrav;",
                "vi inte längre behöver dem, men du behöver dem för att fastställa, göra gällande eller försvara rättsliga anspråk;",
                "we no longer need them, but you need them to establish, exercise or defend legal claims;",
            ),
            lang.pick(
                "du har gjort indsigelse, indtil det er afgjort, om vores grunde vejer tungere end dine.",
                "du har protestert, inntil det er avgjort om grunnene våre veier tyngre enn dine.",
                "du har invänt, tills det är avgjort om våra skäl väger tyngre än dina.",
                "you have objected, until it is settled whether our grounds override yours.",
            ),
        ]
        .map(str::to_string)
        .to_vec(),
    });
    out.push(para(lang.pick(
        "Mens behandlingen er begrænset, bruger vi kun oplysningerne med dit samtykke, til et retskrav, for at beskytte en anden persons rettigheder eller af hensyn til vigtige samfundsinteresser. Vi giver dig besked, før begrænsningen ophæves.",
        "Mens behandlingen er begrenset, bruker vi bare opplysningene med samtykket ditt, for et rettskrav, for å verne en annen persons rettigheter eller av hensyn til viktige allmenne interesser. Vi gir deg beskjed før begrensningen oppheves.",
        "Medan behandlingen är begränsad använder vi bara uppgifterna med ditt samtycke, för rättsliga anspråk, för att skydda någon annans rättigheter eller av hänsyn till ett viktigt allmänintresse. Vi meddelar dig innan begränsningen hävs.",
        "While processing is restricted, we use the data only with your consent, for legal claims, to protect another person's rights or for important reasons of public interest. We tell you before the restriction is lifted.",
    )));
    out.push(h(
        2,
        lang.pick(
            "Ret til dataportabilitet (art. 20)",
            "Rett til dataportabilitet (art. 20)",
            "Rätt till dataportabilitet (artikel 20)",
            "Right to data portability (Art. 20)",
        ),
    ));
    out.push(para(lang.pick(
        "Oplysninger, du selv har givet os efter aftale eller samtykke, kan du få i et almindeligt maskinlæsbart format (JSON), også til at give videre til en anden.",
        "Opplysninger du selv har gitt oss etter avtale eller samtykke, kan du få i et vanlig maskinlesbart format (JSON), også for å gi dem videre til en annen.",
        "Uppgifter du själv lämnat enligt avtal eller samtycke kan du få i ett vanligt maskinläsbart format (JSON), även för att lämna dem vidare till någon annan.",
        "Data you gave us under a contract or consent you can have in a common machine-readable format (JSON), also to pass on to someone else.",
    )));
    out.push(h(
        2,
        lang.pick(
            "Ret til at trække samtykke tilbage (art. 7, stk. 3)",
            "Rett til å trekke tilbake samtykke (art. 7 nr. 3)",
            "Rätt att återkalla samtycke (artikel 7.3)",
            "Right to withdraw consent (Art. 7(3))",
        ),
    ));
    out.push(para(lang.pick(
        "Hvor vi bygger på dit samtykke, kan du til enhver tid trække det tilbage; det gælder fremover.",
        "Der vi bygger på samtykket ditt, kan du når som helst trekke det tilbake; det gjelder framover.",
        "Där vi grundar oss på ditt samtycke kan du när som helst återkalla det; det gäller framåt.",
        "Where we rely on your consent you can withdraw it at any time; this takes effect from then on.",
    )));
    out
}
