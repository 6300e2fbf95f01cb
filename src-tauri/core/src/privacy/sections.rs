//! Sections the privacy notice shares with the reply to an access request (Art. 15): the
//! purposes (with legal basis, recipients, transfers, retention and source), the rights, and the
//! right to complain to the country's data protection authority.
//!
//! Each function returns complete blocks, starting with its own level-1 heading, so a document
//! can append them as they are.

use rusqlite::Connection;

use super::activities::{self, Activity, LegalBasis};
use super::Error;
use crate::association::{self, Country};
use crate::document::{Block, Lang};
use crate::i18n::glossary::{self, Term};
use crate::register::organisations::{self, Organisation, OrganisationKind};

/// What an organisation of a kind does for the association, as a notice says it: its name in the
/// glossary, then what it does.
pub fn kind_role(kind: OrganisationKind, lang: Lang) -> String {
    let term = |t: Term| glossary::term(lang, t).one.as_str();
    let (who, what) = match kind {
        OrganisationKind::Administrator => (
            term(Term::Administrator),
            lang.pick(
                "fører foreningens regnskab og fortegnelse over andelshavere, opkræver boligafgift og håndterer salg af andele",
                "fører regnskapet og oversikten over andelseiere, krever inn felleskostnader og håndterer salg av andeler",
                "sköter räkenskaperna och medlemsförteckningen, tar ut årsavgiften och hanterar överlåtelser",
                "keeps the accounts and the register of owners, collects the monthly charge and handles sales of shares",
            ),
        ),
        OrganisationKind::Caretaker => (
            term(Term::Caretaker),
            lang.pick(
                "passer ejendommen og bestiller og sætter navneskilte op",
                "tar seg av eiendommen og bestiller og setter opp navneskilt",
                "sköter fastigheten och beställer och sätter upp namnskyltar",
                "looks after the property and orders and mounts name plates",
            ),
        ),
        OrganisationKind::Cloud => (
            term(Term::CloudArchive),
            lang.pick(
                "opbevarer bestyrelsens krypterede arkiv og e-mail",
                "lagrer styrets krypterte arkiv og e-post",
                "lagrar styrelsens krypterade arkiv och e-post",
                "stores the board's encrypted archive and e-mail",
            ),
        ),
        OrganisationKind::Newsletter => {
            return lang
                .pick(
                    "sender nyhedsbrevet ud",
                    "sender ut nyhetsbrevet",
                    "skickar ut nyhetsbrevet",
                    "sends out the newsletter",
                )
                .to_string()
        }
        OrganisationKind::Bank => (
            lang.pick(
                "foreningens bank",
                "borettslagets bank",
                "föreningens bank",
                "the association's bank",
            ),
            lang.pick("betalinger", "betalinger", "betalningar", "payments"),
        ),
        OrganisationKind::Auditor => (
            term(Term::Auditor),
            lang.pick(
                "reviderer årsregnskabet",
                "reviderer årsregnskapet",
                "granskar räkenskaperna",
                "audits the annual accounts",
            ),
        ),
        OrganisationKind::Other => {
            return lang
                .pick("leverandør", "leverandør", "leverantör", "supplier")
                .to_string()
        }
    };
    format!("{who}: {what}")
}

/// An organisation's role in full: what it does, and whether it processes data for the
/// association under an agreement or on its own account.
pub fn organisation_role(org: &Organisation, lang: Lang) -> String {
    let mut role = kind_role(org.kind, lang);
    if let Some(signed) = org.dpa_signed_on {
        role.push_str(&match lang {
            Lang::Da => format!("; databehandler efter aftale af {}", lang.long_date(signed)),
            Lang::Nb => format!("; databehandler etter avtale av {}", lang.long_date(signed)),
            Lang::Sv => format!(
                "; personuppgiftsbiträde enligt avtal av den {}",
                lang.long_date(signed)
            ),
            Lang::En => format!(
                "; data processor under an agreement of {}",
                lang.long_date(signed)
            ),
        });
    } else if matches!(org.kind, OrganisationKind::Bank | OrganisationKind::Auditor) {
        role.push_str(lang.pick(
            "; selvstændig dataansvarlig",
            "; selvstendig behandlingsansvarlig",
            "; självständigt personuppgiftsansvarig",
            "; independent controller",
        ));
    }
    role
}

/// A country outside the EU/EEA by name, where Andel knows it; else its code.
pub fn country_name(code: &str, lang: Lang) -> String {
    let name = match code {
        "US" => lang.pick("USA", "USA", "USA", "the United States"),
        "GB" => lang.pick(
            "Storbritannien",
            "Storbritannia",
            "Storbritannien",
            "the United Kingdom",
        ),
        "CH" => lang.pick("Schweiz", "Sveits", "Schweiz", "Switzerland"),
        "CA" => lang.pick("Canada", "Canada", "Kanada", "Canada"),
        "IN" => lang.pick("Indien", "India", "Indien", "India"),
        "AU" => lang.pick("Australien", "Australia", "Australien", "Australia"),
        "JP" => lang.pick("Japan", "Japan", "Japan", "Japan"),
        _ => code,
    };
    name.to_string()
}

/// The organisations in the register of the given kinds, in the register's order.
pub fn recipients(
    conn: &Connection,
    kinds: &[OrganisationKind],
) -> Result<Vec<Organisation>, Error> {
    Ok(organisations::list(conn)?
        .into_iter()
        .filter(|o| kinds.contains(&o.kind))
        .collect())
}

/// A safeguard for transfers outside the EU/EEA that Andel can name in every language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltInSafeguard {
    /// The Commission's adequacy decision for the EU-US Data Privacy Framework (EU) 2023/1795.
    DataPrivacyFramework,
    /// The Commission's standard contractual clauses, Art. 46(2)(c).
    StandardClauses,
}

impl BuiltInSafeguard {
    pub const ALL: [BuiltInSafeguard; 2] = [
        BuiltInSafeguard::DataPrivacyFramework,
        BuiltInSafeguard::StandardClauses,
    ];

    /// The safeguard as a document in `lang` names it.
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            BuiltInSafeguard::DataPrivacyFramework => lang.pick(
                "Kommissionens afgørelse om tilstrækkeligt beskyttelsesniveau for databeskyttelsesrammen mellem EU og USA (afgørelse (EU) 2023/1795)",
                "EU-kommisjonens beslutning om tilstrekkelig beskyttelsesnivå for rammeverket for personvern mellom EU og USA (beslutning (EU) 2023/1795)",
                "kommissionens beslut om adekvat skyddsnivå för ramen för dataskydd mellan EU och USA (beslut (EU) 2023/1795)",
                "the Commission's adequacy decision for the EU-US Data Privacy Framework (Decision (EU) 2023/1795)",
            ),
            BuiltInSafeguard::StandardClauses => lang.pick(
                "Kommissionens standardkontraktbestemmelser (art. 46, stk. 2, litra c)",
                "EU-kommisjonens standard personvernbestemmelser (art. 46 nr. 2 bokstav c)",
                "kommissionens standardavtalsklausuler (artikel 46.2 c)",
                "the Commission's standard contractual clauses (Art. 46(2)(c))",
            ),
        }
    }

    /// The built-in safeguard a board's text names, if it is nothing but its name: the name in
    /// any of the four languages, its English short name, or DPF / SCC, regardless of case,
    /// spaces and punctuation ("EU-U.S. Data Privacy Framework"). A text that says more
    /// ("Standard contractual clauses (2021/914)") is the board's own and printed as written.
    pub fn recognise(text: &str) -> Option<BuiltInSafeguard> {
        let key = |s: &str| -> String {
            s.chars()
                .filter(|c| c.is_alphanumeric())
                .flat_map(char::to_lowercase)
                .collect()
        };
        let t = key(text);
        BuiltInSafeguard::ALL.into_iter().find(|s| {
            let short: &[&str] = match s {
                BuiltInSafeguard::DataPrivacyFramework => {
                    &["dpf", "dataprivacyframework", "euusdataprivacyframework"]
                }
                BuiltInSafeguard::StandardClauses => &["scc", "sccs", "standardcontractualclauses"],
            };
            short.contains(&t.as_str())
                || [Lang::Da, Lang::Nb, Lang::Sv, Lang::En]
                    .iter()
                    .any(|l| key(s.text(*l)) == t)
        })
    }
}

/// The safeguard as the reader's language writes it: a built-in one translated, the board's own
/// text as written.
pub fn safeguard_text(stored: &str, lang: Lang) -> String {
    match BuiltInSafeguard::recognise(stored) {
        Some(builtin) => builtin.text(lang).to_string(),
        None => stored.to_string(),
    }
}

/// "Name (US): safeguard" for an organisation that transfers data outside the EU/EEA.
pub fn transfer_line(org: &Organisation, lang: Lang) -> Option<String> {
    let country = org.third_country.as_deref()?;
    let safeguard = org
        .transfer_safeguard
        .as_deref()
        .map(|s| safeguard_text(s, lang))
        .unwrap_or_else(|| {
            lang.pick(
                "intet grundlag registreret; bestyrelsen skal tage stilling",
                "ikke noe grunnlag registrert; styret må ta stilling",
                "ingen skyddsåtgärd registrerad; styrelsen måste ta ställning",
                "no safeguard recorded; the board must decide",
            )
            .to_string()
        });
    Some(match lang {
        Lang::Da => format!(
            "{} overfører oplysninger til {} på dette grundlag: {safeguard}",
            org.name,
            country_name(country, lang)
        ),
        Lang::Nb => format!(
            "{} overfører opplysninger til {} på dette grunnlaget: {safeguard}",
            org.name,
            country_name(country, lang)
        ),
        Lang::Sv => format!(
            "{} överför uppgifter till {} med denna skyddsåtgärd: {safeguard}",
            org.name,
            country_name(country, lang)
        ),
        Lang::En => format!(
            "{} transfers data to {} with this safeguard: {safeguard}",
            org.name,
            country_name(country, lang)
        ),
    })
}

/// Labels shared by the notice and the record.
pub(crate) struct Labels {
    pub purpose: &'static str,
    pub basis: &'static str,
    pub interest: &'static str,
    pub data: &'static str,
    pub subjects: &'static str,
    pub source: &'static str,
    pub recipients: &'static str,
    pub transfers: &'static str,
    pub retention: &'static str,
    pub none: &'static str,
}

pub(crate) fn labels(lang: Lang) -> Labels {
    Labels {
        purpose: lang.pick("Formål", "Formål", "Ändamål", "Purpose"),
        basis: lang.pick(
            "Behandlingsgrundlag",
            "Behandlingsgrunnlag",
            "Rättslig grund",
            "Legal basis",
        ),
        interest: lang.pick(
            "Den legitime interesse",
            "Den berettigede interessen",
            "Det berättigade intresset",
            "The legitimate interest",
        ),
        data: lang.pick("Oplysninger", "Opplysninger", "Uppgifter", "Data"),
        subjects: lang.pick(
            "Hvem det drejer sig om",
            "Hvem det gjelder",
            "Vilka det gäller",
            "Whom it concerns",
        ),
        source: lang.pick("Kilde", "Kilde", "Källa", "Source"),
        recipients: lang.pick("Modtagere", "Mottakere", "Mottagare", "Recipients"),
        transfers: lang.pick(
            "Overførsel uden for EU/EØS",
            "Overføring utenfor EU/EØS",
            "Överföring utanför EU/EES",
            "Transfers outside the EU/EEA",
        ),
        retention: lang.pick(
            "Opbevaring",
            "Lagringstid",
            "Lagringstid",
            "How long it is kept",
        ),
        none: lang.pick(
            "Ingen uden for bestyrelsen",
            "Ingen utenfor styret",
            "Ingen utanför styrelsen",
            "No one outside the board",
        ),
    }
}

/// The recipients of one activity as text: each organisation with its role, then the other
/// recipients the board wrote.
pub(crate) fn recipient_text(
    activity: &Activity,
    orgs: &[Organisation],
    lang: Lang,
) -> (String, Vec<String>) {
    let mine: Vec<&Organisation> = orgs
        .iter()
        .filter(|o| activity.recipient_kinds.contains(&o.kind))
        .collect();
    let mut parts: Vec<String> = mine
        .iter()
        .map(|o| format!("{} ({})", o.name, organisation_role(o, lang)))
        .collect();
    if let Some(other) = &activity.text.other_recipients {
        parts.push(other.clone());
    }
    let transfers = mine.iter().filter_map(|o| transfer_line(o, lang)).collect();
    let text = if parts.is_empty() {
        labels(lang).none.to_string()
    } else {
        parts.join("\n")
    };
    (text, transfers)
}

/// What the association uses personal data for: one subsection per active processing activity
/// with its purpose, legal basis (and the legitimate interest), data, whom it concerns, source,
/// recipients by name and role, transfers outside the EU/EEA with their safeguard, and
/// retention. Writes nothing.
pub fn purposes(conn: &Connection, lang: Lang) -> Result<Vec<Block>, Error> {
    let orgs = organisations::list(conn)?;
    let l = labels(lang);
    let mut blocks = vec![Block::Heading {
        level: 1,
        text: lang
            .pick(
                "Hvad vi bruger dine oplysninger til",
                "Hva vi bruker opplysningene dine til",
                "Vad vi använder dina uppgifter till",
                "What we use your data for",
            )
            .to_string(),
    }];
    for a in activities::current(conn, lang)?
        .into_iter()
        .filter(|a| a.active)
    {
        blocks.push(Block::Heading {
            level: 2,
            text: a.text.name.clone(),
        });
        let mut rows = vec![
            (l.purpose.to_string(), a.text.purpose.clone()),
            (l.basis.to_string(), a.legal_basis.label(lang)),
        ];
        if a.legal_basis == LegalBasis::LegitimateInterest {
            if let Some(i) = &a.text.legitimate_interest {
                rows.push((l.interest.to_string(), i.clone()));
            }
        }
        for (label, text) in [
            (l.data, &a.text.data_categories),
            (l.subjects, &a.text.subject_categories),
            (l.source, &a.text.source),
        ] {
            if !text.is_empty() {
                rows.push((label.to_string(), text.clone()));
            }
        }
        let (recipients, transfers) = recipient_text(&a, &orgs, lang);
        rows.push((l.recipients.to_string(), recipients));
        if !transfers.is_empty() {
            rows.push((l.transfers.to_string(), transfers.join("\n")));
        }
        if !a.text.retention.is_empty() {
            rows.push((l.retention.to_string(), a.text.retention.clone()));
        }
        blocks.push(Block::Facts { rows });
    }
    Ok(blocks)
}

/// The country's data protection law, named in a language.
pub(crate) fn national_law(lang: Lang, country: Country) -> &'static str {
    match country {
        Country::DK => lang.pick(
            "databeskyttelsesloven",
            "den danske databeskyttelsesloven",
            "den danska dataskyddslagen (databeskyttelsesloven)",
            "the Danish Data Protection Act (databeskyttelsesloven)",
        ),
        Country::NO => lang.pick(
            "den norske personoplysningslov (personopplysningsloven)",
            "personopplysningsloven",
            "den norska personuppgiftslagen (personopplysningsloven)",
            "the Norwegian Personal Data Act (personopplysningsloven)",
        ),
        Country::SE => lang.pick(
            "den svenske databeskyttelseslov (dataskyddslagen)",
            "den svenske dataskyddslagen",
            "dataskyddslagen (2018:218)",
            "the Swedish Data Protection Act (dataskyddslagen)",
        ),
    }
}

/// The seven rights, each as "name: what it means". The names are those the country's
/// authority uses in its own language; in English the native name follows in brackets.
fn right_items(lang: Lang, country: Country) -> Vec<String> {
    let native = Lang::of_country(country);
    let names = |l: Lang| -> [&'static str; 7] {
        match l {
            Lang::Da => [
                "Ret til indsigt",
                "Ret til berigtigelse",
                "Ret til sletning",
                "Ret til begrænsning af behandling",
                "Ret til indsigelse",
                "Ret til dataportabilitet",
                "Ret til at trække samtykke tilbage",
            ],
            Lang::Nb => [
                "Rett til innsyn",
                "Rett til retting",
                "Rett til sletting",
                "Rett til begrensning av behandling",
                "Rett til å protestere",
                "Rett til dataportabilitet",
                "Rett til å trekke tilbake samtykke",
            ],
            Lang::Sv => [
                "Rätt till tillgång (registerutdrag)",
                "Rätt till rättelse",
                "Rätt till radering",
                "Rätt till begränsning av behandling",
                "Rätt att göra invändningar",
                "Rätt till dataportabilitet",
                "Rätt att återkalla samtycke",
            ],
            Lang::En => [
                "Right of access",
                "Right to rectification",
                "Right to erasure",
                "Right to restriction of processing",
                "Right to object",
                "Right to data portability",
                "Right to withdraw consent",
            ],
        }
    };
    let meaning: [&str; 7] = [
        lang.pick(
            "du kan få at vide, hvilke oplysninger vi har om dig, hvor de kommer fra, hvad vi bruger dem til, hvem der får dem, og hvor længe vi gemmer dem, og få en kopi (art. 15). Andres oplysninger kan være skjult.",
            "du kan få vite hvilke opplysninger vi har om deg, hvor de kommer fra, hva vi bruker dem til, hvem som får dem, og hvor lenge vi lagrer dem, og få en kopi (art. 15). Andres opplysninger kan være skjult.",
            "du kan få veta vilka uppgifter vi har om dig, varifrån de kommer, vad vi använder dem till, vem som får dem och hur länge vi sparar dem, och få en kopia (artikel 15). Andras uppgifter kan vara dolda.",
            "you can learn what data we hold about you, where it came from, what we use it for, who receives it and how long we keep it, and get a copy (Art. 15). Other people's data may be hidden.",
        ),
        lang.pick(
            "forkerte oplysninger bliver rettet, og mangelfulde bliver suppleret (art. 16).",
            "feil opplysninger blir rettet, og mangelfulle blir supplert (art. 16).",
            "felaktiga uppgifter rättas och ofullständiga kompletteras (artikel 16).",
            "wrong data is corrected and incomplete data completed (Art. 16).",
        ),
        lang.pick(
            "oplysninger, vi ikke længere har brug for, bliver slettet, medmindre loven kræver, at vi gemmer dem (art. 17).",
            "opplysninger vi ikke lenger trenger, blir slettet, med mindre loven krever at vi lagrer dem (art. 17).",
            "uppgifter vi inte längre behöver raderas, om inte lagen kräver att vi sparar dem (artikel 17).",
            "data we no longer need is deleted, unless the law requires us to keep it (Art. 17).",
        ),
        lang.pick(
            "mens vi undersøger en indsigelse eller en fejl, kan du kræve, at vi kun opbevarer oplysningerne (art. 18).",
            "mens vi undersøker en protest eller en feil, kan du kreve at vi bare lagrer opplysningene (art. 18).",
            "medan vi utreder en invändning eller ett fel kan du kräva att vi bara lagrar uppgifterna (artikel 18).",
            "while we look into an objection or an error, you can require us only to store the data (Art. 18).",
        ),
        lang.pick(
            "du kan gøre indsigelse mod behandling, der bygger på en legitim interesse; så stopper vi, medmindre vores grunde vejer tungere (art. 21).",
            "du kan protestere mot behandling som bygger på berettiget interesse; da stanser vi, med mindre våre grunner veier tyngre (art. 21).",
            "du kan invända mot behandling som grundar sig på berättigat intresse; då slutar vi behandla uppgifterna, om inte våra skäl väger tyngre (artikel 21).",
            "you can object to processing based on a legitimate interest; we then stop unless our grounds outweigh yours (Art. 21).",
        ),
        lang.pick(
            "oplysninger, du selv har givet os efter aftale eller samtykke, kan du få i et almindeligt maskinlæsbart format (art. 20).",
            "opplysninger du selv har gitt oss etter avtale eller samtykke, kan du få i et vanlig maskinlesbart format (art. 20).",
            "uppgifter du själv lämnat enligt avtal eller samtycke kan du få i ett vanligt maskinläsbart format (artikel 20).",
            "data you gave us under a contract or consent you can have in a common machine-readable format (Art. 20).",
        ),
        lang.pick(
            "hvor vi bygger på dit samtykke, kan du til enhver tid trække det tilbage; det gælder fremover (art. 7, stk. 3).",
            "der vi bygger på samtykket ditt, kan du når som helst trekke det tilbake; det gjelder framover (art. 7 nr. 3).",
            "där vi grundar oss på ditt samtycke kan du när som helst återkalla det; det gäller framåt (artikel 7.3).",
            "where we rely on your consent you can withdraw it at any time; this takes effect from then on (Art. 7(3)).",
        ),
    ];
    let own = names(lang);
    let theirs = names(native);
    (0..7)
        .map(|i| {
            if lang == Lang::En {
                let local = theirs[i].split(" (").next().unwrap_or(theirs[i]);
                format!("{} ({local}): {}", own[i], meaning[i])
            } else {
                format!("{}: {}", own[i], meaning[i])
            }
        })
        .collect()
}

/// The data subject's rights (access, rectification, erasure, restriction, objection,
/// portability, withdrawal of consent) under the names the country uses, how to exercise them
/// and the one-month answer time.
pub fn rights(lang: Lang, country: Country) -> Vec<Block> {
    let law = national_law(lang, country);
    vec![
        Block::Heading {
            level: 1,
            text: lang
                .pick(
                    "Dine rettigheder",
                    "Dine rettigheter",
                    "Dina rättigheter",
                    "Your rights",
                )
                .to_string(),
        },
        Block::Paragraph {
            text: match lang {
                Lang::Da => format!("Efter databeskyttelsesforordningen og {law} har du disse rettigheder:"),
                Lang::Nb => format!("Etter personvernforordningen og {law} har du disse rettighetene:"),
                Lang::Sv => format!("Enligt dataskyddsförordningen och {law} har du följande rättigheter:"),
                Lang::En => format!("Under the General Data Protection Regulation and {law} you have these rights:"),
            },
        },
        Block::Bullets {
            items: right_items(lang, country),
        },
        Block::Heading {
            level: 2,
            text: lang
                .pick(
                    "Sådan bruger du dine rettigheder",
                    "Slik bruker du rettighetene dine",
                    "Så använder du dina rättigheter",
                    "How to exercise your rights",
                )
                .to_string(),
        },
        Block::Paragraph {
            text: lang
                .pick(
                    "Skriv til bestyrelsen med e-mail eller brev (se kontaktoplysningerne ovenfor). Vi svarer uden unødig forsinkelse og senest én måned efter, at vi har modtaget din anmodning. Er sagen indviklet, eller får vi mange anmodninger, kan fristen forlænges med højst to måneder; så får du besked om det og om grunden inden for den første måned. Det koster ikke noget. Vi kan bede dig bekræfte, hvem du er, før vi udleverer oplysninger.",
                    "Skriv til styret på e-post eller brev (se kontaktopplysningene over). Vi svarer uten ugrunnet opphold og senest én måned etter at vi har mottatt henvendelsen. Er saken sammensatt, eller får vi mange henvendelser, kan fristen forlenges med høyst to måneder; da får du beskjed om det og om grunnen innen den første måneden. Det koster ingenting. Vi kan be deg bekrefte hvem du er før vi utleverer opplysninger.",
                    "Skriv till styrelsen med e-post eller brev (se kontaktuppgifterna ovan). Vi svarar utan onödigt dröjsmål och senast en månad efter att vi tagit emot din begäran. Är ärendet komplicerat, eller får vi många förfrågningar, kan tiden förlängas med högst två månader; då får du besked om det och om skälet inom den första månaden. Det kostar ingenting. Vi kan be dig styrka vem du är innan vi lämnar ut uppgifter.",
                    "Write to the board by e-mail or letter (see the contact details above). We answer without undue delay and at the latest one month after we receive your request. If the matter is complex or we receive many requests, the time can be extended by at most two further months; you are then told so, and why, within the first month. It costs nothing. We may ask you to confirm who you are before we hand out any data.",
                )
                .to_string(),
        },
    ]
}

/// The country's data protection authority: name, address and website.
pub fn authority_contact(country: Country) -> (&'static str, &'static str, &'static str) {
    match country {
        Country::DK => (
            "Datatilsynet",
            "Carl Jacobsens Vej 35, 2500 Valby",
            "www.datatilsynet.dk",
        ),
        Country::NO => (
            "Datatilsynet",
            "Postboks 458 Sentrum, 0105 Oslo",
            "www.datatilsynet.no",
        ),
        Country::SE => (
            "Integritetsskyddsmyndigheten (IMY)",
            "Box 8114, 104 20 Stockholm",
            "www.imy.se",
        ),
    }
}

/// The right to complain to the country's data protection authority, with its name and
/// address.
pub fn authority(lang: Lang, country: Country) -> Vec<Block> {
    let (name, address, web) = authority_contact(country);
    let described = match (lang, country) {
        (Lang::En, Country::DK) => format!("{name}, the Danish Data Protection Agency"),
        (Lang::En, Country::NO) => format!("{name}, the Norwegian Data Protection Authority"),
        (Lang::En, Country::SE) => format!("{name}, the Swedish Authority for Privacy Protection"),
        _ => name.to_string(),
    };
    vec![
        Block::Heading {
            level: 1,
            text: lang
                .pick(
                    "Klage til tilsynsmyndigheden",
                    "Klage til tilsynsmyndigheten",
                    "Klagomål till tillsynsmyndigheten",
                    "Complaints to the supervisory authority",
                )
                .to_string(),
        },
        Block::Paragraph {
            text: match lang {
                Lang::Da => format!("Er du utilfreds med, hvordan vi behandler dine personoplysninger, kan du klage til {described}. Du er også velkommen til at tale med bestyrelsen først."),
                Lang::Nb => format!("Er du misfornøyd med hvordan vi behandler personopplysningene dine, kan du klage til {described}. Du er også velkommen til å snakke med styret først."),
                Lang::Sv => format!("Är du missnöjd med hur vi behandlar dina personuppgifter kan du klaga hos {described}. Du är också välkommen att tala med styrelsen först."),
                Lang::En => format!("If you are unhappy with how we handle your personal data, you can complain to {described}. You are also welcome to talk to the board first."),
            },
        },
        Block::Facts {
            rows: vec![
                (
                    lang.pick("Myndighed", "Myndighet", "Myndighet", "Authority")
                        .to_string(),
                    name.to_string(),
                ),
                (
                    lang.pick("Adresse", "Adresse", "Adress", "Address").to_string(),
                    address.to_string(),
                ),
                (
                    lang.pick("Hjemmeside", "Nettside", "Webbplats", "Website")
                        .to_string(),
                    web.to_string(),
                ),
            ],
        },
    ]
}

/// How a language names a country's national identity numbers, in the plural: the country's own
/// word in its own language ("CPR-numre", "fødselsnumre", "personnummer"), else the language's
/// general word with the country's in brackets.
pub(crate) fn national_ids(lang: Lang, country: Country) -> String {
    let native = Lang::of_country(country);
    if lang == native {
        return glossary::term(lang, Term::NationalId).many.clone();
    }
    let own = &glossary::term(native, Term::NationalId).one;
    match lang {
        Lang::Da => format!("nationale identitetsnumre ({own})"),
        Lang::Nb => format!("nasjonale identitetsnumre ({own})"),
        Lang::Sv => format!("identitetsnummer ({own})"),
        Lang::En => format!("national identity numbers ({own})"),
    }
}

/// The technical and organisational security measures, one per item: what Andel itself does
/// (encryption, access, audit trail, the national-ID guard, redaction) and the agreements with
/// processors.
pub fn security(lang: Lang, country: Country, orgs: &[Organisation]) -> Vec<String> {
    let ids = national_ids(lang, country);
    let mut items = vec![
        lang.pick(
            "Registeret og referaterne ligger i ét arkiv, der er krypteret med age (med en adgangskode gennem scrypt eller med bestyrelsesmedlemmernes egne nøgler). Uden adgangskode eller nøgle kan filen ikke læses, heller ikke i en sikkerhedskopi eller i skyen.",
            "Registeret og protokollene ligger i ett arkiv som er kryptert med age (med et passord gjennom scrypt eller med styremedlemmenes egne nøkler). Uten passord eller nøkkel kan filen ikke leses, heller ikke i en sikkerhetskopi eller i skyen.",
            "Registret och protokollen ligger i ett arkiv som är krypterat med age (med ett lösenord via scrypt eller med styrelseledamöternas egna nycklar). Utan lösenord eller nyckel kan filen inte läsas, inte heller i en säkerhetskopia eller i molnet.",
            "The register and the minutes are kept in one archive encrypted with age (with a passphrase through scrypt, or with the board members' own keys). Without the passphrase or a key the file cannot be read, not even in a backup or in the cloud.",
        )
        .to_string(),
        lang.pick(
            "Kun den siddende bestyrelse har adgang. Når bestyrelsen skifter, skiftes adgangskode eller nøgler, og arkivet overdrages med en kvittering.",
            "Bare det sittende styret har tilgang. Når styret skiftes, byttes passord eller nøkler, og arkivet overleveres med en kvittering.",
            "Bara den sittande styrelsen har åtkomst. När styrelsen byts, byts lösenord eller nycklar och arkivet lämnas över mot kvitto.",
            "Only the sitting board has access. When the board changes, the passphrase or keys are changed and the archive is handed over against a receipt.",
        )
        .to_string(),
        lang.pick(
            "Hver ændring skrives i arkivets log: hvornår, hvilket bestyrelsesmedlem (med navn) og hvilken post (med nummer), aldrig selve oplysningerne.",
            "Hver endring skrives i arkivets logg: når, hvilket styremedlem (med navn) og hvilken post (med nummer), aldri selve opplysningene.",
            "Varje ändring skrivs i arkivets logg: när, vilken styrelseledamot (med namn) och vilken post (med nummer), aldrig själva uppgifterna.",
            "Every change is written to the archive's log: when, which board member (by name) and which record (by number), never the data itself.",
        )
        .to_string(),
        match lang {
            Lang::Da => format!("Registeret afviser {ids}; de bliver aldrig gemt."),
            Lang::Nb => format!("Registeret avviser {ids}; de blir aldri lagret."),
            Lang::Sv => format!("Registret avvisar {ids}; de sparas aldrig."),
            Lang::En => format!("The register refuses {ids}; they are never stored."),
        },
        lang.pick(
            "Referater offentliggøres først, når personoplysninger er fjernet, og den rensede udgave er kontrolleret igen.",
            "Protokoller publiseres først når personopplysninger er fjernet og den rensede utgaven er kontrollert på nytt.",
            "Protokoll publiceras först när personuppgifter har tagits bort och den rensade versionen har kontrollerats igen.",
            "Minutes are published only once personal data has been removed and the cleaned copy checked again.",
        )
        .to_string(),
    ];
    // Only the agreements the register records: an organisation without one is not said to be
    // bound (the record lists it as missing).
    let bound: Vec<&str> = orgs
        .iter()
        .filter(|o| o.dpa_signed_on.is_some())
        .map(|o| o.name.as_str())
        .collect();
    if !bound.is_empty() {
        let mut names = bound.join(", ");
        if !names.ends_with('.') {
            names.push('.'); // "Inc." ends the sentence itself
        }
        items.push(match lang {
            Lang::Da => format!("Disse virksomheder behandler oplysninger for foreningen efter en databehandleraftale: {names}"),
            Lang::Nb => format!("Disse virksomhetene behandler opplysninger for borettslaget etter en databehandleravtale: {names}"),
            Lang::Sv => format!("Dessa företag behandlar uppgifter åt föreningen enligt ett personuppgiftsbiträdesavtal: {names}"),
            Lang::En => format!("These companies process data for the association under a data processing agreement: {names}"),
        });
    }
    items
}

/// The records Andel keeps besides the processing activities, each as one sentence with its
/// rule or the reason it is kept.
pub(crate) struct OtherRecords {
    /// Residents' requests and the replies.
    pub requests: String,
    /// The archive's log of changes (board members' names and record ids).
    pub audit_log: String,
    /// Board and official roles.
    pub roles: String,
    /// Names in the minutes.
    pub minutes: String,
}

pub(crate) fn other_record_items(lang: Lang, facts: &activities::Facts) -> OtherRecords {
    let requests = activities::period(lang, facts.closed_request);
    let [requests, audit_log, roles, minutes]: [String; 4] = [
                match lang {
                    Lang::Da => format!("Henvendelser fra beboere (indsigt, sletning og de andre rettigheder) og svarene på dem gemmes i {requests} efter afslutning efter bestyrelsens regel, som dokumentation for, at de er besvaret (art. 5, stk. 2, og art. 6, stk. 1, litra c)."),
                    Lang::Nb => format!("Henvendelser fra beboere (innsyn, sletting og de andre rettighetene) og svarene på dem lagres i {requests} etter avslutning etter styrets regel, som dokumentasjon på at de er besvart (art. 5 nr. 2 og art. 6 nr. 1 bokstav c)."),
                    Lang::Sv => format!("Begäranden från boende (registerutdrag, radering och de andra rättigheterna) och svaren på dem sparas i {requests} efter avslut enligt styrelsens regel, som bevis på att de har besvarats (artikel 5.2 och 6.1 c)."),
                    Lang::En => format!("Residents' requests (access, erasure and the other rights) and the replies are kept for {requests} after closing under the board's rule, as proof that they were answered (Art. 5(2) and 6(1)(c))."),
                },
                lang.pick(
                    "Arkivets log (hvornår, hvilket bestyrelsesmedlem og hvilken post) gemmes, så længe arkivet findes, som dokumentation for, hvem der har ændret hvad (art. 5, stk. 2).",
                    "Arkivets logg (når, hvilket styremedlem og hvilken post) lagres så lenge arkivet finnes, som dokumentasjon på hvem som har endret hva (art. 5 nr. 2).",
                    "Arkivets logg (när, vilken styrelseledamot och vilken post) sparas så länge arkivet finns, som bevis på vem som ändrat vad (artikel 5.2).",
                    "The archive's log (when, which board member and which record) is kept as long as the archive exists, as proof of who changed what (Art. 5(2)).",
                )
                .to_string(),
                lang.pick(
                    "Hvem der har siddet i bestyrelsen eller haft en tillidspost (dirigent, referent, revisor), og hvornår, gemmes som foreningens historie: det viser, hvem der handlede for foreningen.",
                    "Hvem som har sittet i styret eller hatt et verv (møteleder, protokollfører, revisor), og når, lagres som borettslagets historie: det viser hvem som handlet for borettslaget.",
                    "Vem som har suttit i styrelsen eller haft ett förtroendeuppdrag (stämmoordförande, protokollförare, revisor), och när, sparas som föreningens historia: det visar vem som handlade för föreningen.",
                    "Who sat on the board or held an office (chair of the meeting, minute-taker, auditor), and when, is kept as the association's history: it shows who acted for the association.",
                )
                .to_string(),
                lang.pick(
                    "Navne i referaterne bliver stående: referaterne er foreningens historie og dokumenterer dens beslutninger. Udgaverne til hjemmesiden er renset for personoplysninger.",
                    "Navn i protokollene blir stående: protokollene er borettslagets historie og dokumenterer vedtakene. Utgavene til nettsiden er renset for personopplysninger.",
                    "Namn i protokollen står kvar: protokollen är föreningens historia och dokumenterar dess beslut. Versionerna till webbplatsen är rensade från personuppgifter.",
                    "Names in the minutes stay: the minutes are the association's history and document its decisions. The versions for the website have personal data removed.",
                )
                .to_string(),
            ];
    OtherRecords {
        requests,
        audit_log,
        roles,
        minutes,
    }
}

/// The records Andel keeps besides the processing activities, each with its rule or the reason it
/// is kept: residents' requests, the audit log, board and official roles, ownership history.
pub fn other_records(lang: Lang, facts: &activities::Facts) -> Vec<Block> {
    let r = other_record_items(lang, facts);
    vec![
        Block::Heading {
            level: 1,
            text: lang
                .pick(
                    "Andre oplysninger, vi gemmer",
                    "Andre opplysninger vi lagrer",
                    "Andra uppgifter vi sparar",
                    "Other records we keep",
                )
                .to_string(),
        },
        Block::Bullets {
            items: vec![r.requests, r.audit_log, r.roles, r.minutes],
        },
    ]
}

/// The association's country, for callers that have a connection but not the record at hand.
pub fn country(conn: &Connection) -> Result<Country, Error> {
    Ok(association::get(conn)?.country)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::testing::register;

    #[test]
    fn a_built_in_safeguard_is_named_in_the_readers_language_and_the_boards_own_text_kept() {
        for text in [
            "DPF",
            "EU-U.S. Data Privacy Framework",
            "eu-us data privacy framework",
        ] {
            assert_eq!(
                BuiltInSafeguard::recognise(text),
                Some(BuiltInSafeguard::DataPrivacyFramework),
                "{text}"
            );
        }
        let danish = BuiltInSafeguard::StandardClauses.text(Lang::Da);
        assert_eq!(
            BuiltInSafeguard::recognise(danish),
            Some(BuiltInSafeguard::StandardClauses)
        );
        assert_eq!(
            safeguard_text("SCC", Lang::Sv),
            BuiltInSafeguard::StandardClauses.text(Lang::Sv)
        );
        let own = "Standard contractual clauses (2021/914)";
        assert_eq!(safeguard_text(own, Lang::Nb), own);
    }

    #[test]
    fn the_authority_is_named_with_its_address() {
        let text = |blocks: Vec<Block>| format!("{blocks:?}");
        assert!(
            text(authority(Lang::Da, Country::DK)).contains("Carl Jacobsens Vej 35, 2500 Valby")
        );
        assert!(text(authority(Lang::En, Country::NO)).contains("Postboks 458 Sentrum, 0105 Oslo"));
        assert!(
            text(authority(Lang::Sv, Country::SE)).contains("Integritetsskyddsmyndigheten (IMY)")
        );
        assert!(text(authority(Lang::Sv, Country::SE)).contains("Box 8114, 104 20 Stockholm"));
    }

    #[test]
    fn rights_name_all_seven_and_the_month() {
        for lang in [Lang::Da, Lang::Nb, Lang::Sv, Lang::En] {
            let blocks = rights(lang, Country::DK);
            let Block::Bullets { items } = &blocks[2] else {
                panic!("no list of rights")
            };
            assert_eq!(items.len(), 7);
            let all = format!("{blocks:?}");
            assert!(
                all.contains(lang.pick("én måned", "én måned", "en månad", "one month")),
                "{lang:?}"
            );
        }
        let en = format!("{:?}", rights(Lang::En, Country::SE));
        assert!(en.contains("Right of access (Rätt till tillgång)"));
    }

    #[test]
    fn purposes_cover_every_active_default() {
        let conn = register(Country::NO);
        let blocks = purposes(&conn, Lang::Nb).unwrap();
        let headings = blocks
            .iter()
            .filter(|b| matches!(b, Block::Heading { level: 2, .. }))
            .count();
        assert_eq!(headings, activities::DEFAULT_KEYS.len());
    }
}
