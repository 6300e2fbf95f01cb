//! The association's processing activities: what it does with personal data, why, on which legal
//! basis, who receives it and how long it is kept.
//!
//! Every archive starts with a default set for its country, written from how cooperatives
//! actually work: owner and member administration, sublets, name plates through the caretaker,
//! the minutes archive kept as the association's history, the newsletter by consent, the board's
//! e-mail and the website's security log. A default activity carries its `key`; a text field
//! left NULL means "the built-in text, in the document's language", so a Danish association can
//! still hand out an English notice. Once the board edits a field, its own wording is stored and
//! used in every language; [`reset`] goes back to the built-in text.
//!
//! Recipients are kinds of organisation, so the notice names whichever administrator, caretaker
//! or newsletter tool the register holds today.

use chrono::{DateTime, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::{db, Error};
use crate::association::{self, Country};
use crate::audit;
use crate::document::Lang;
use crate::register::organisations::OrganisationKind;
use crate::register::{guard, optional, Id};
use crate::requests::retention::{self, RecordKind};

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
            LegalBasis::Consent => lang.pick("Samtykke", "Samtykke", "Samtycke", "Consent"),
            LegalBasis::Contract => lang.pick(
                "Aftale (dit medlemskab og foreningens vedtægter)",
                "Avtale (ditt medlemskap og vedtektene)",
                "Avtal (ditt medlemskap och stadgarna)",
                "Contract (your membership and the statutes)",
            ),
            LegalBasis::LegalObligation => lang.pick(
                "Retlig forpligtelse",
                "Rettslig forpliktelse",
                "Rättslig förpliktelse",
                "Legal obligation",
            ),
            LegalBasis::LegitimateInterest => lang.pick(
                "Legitim interesse (interesseafvejning)",
                "Berettiget interesse (interesseavveining)",
                "Berättigat intresse (intresseavvägning)",
                "Legitimate interest",
            ),
        };
        let article = match lang {
            Lang::Da => format!("databeskyttelsesforordningens art. 6, stk. 1, litra {l}"),
            Lang::Nb => format!("personvernforordningen art. 6 nr. 1 bokstav {l}"),
            Lang::Sv => format!("dataskyddsförordningen artikel 6.1 {l}"),
            Lang::En => format!("GDPR Art. 6(1)({l})"),
        };
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

    fn column(self) -> &'static str {
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
    /// The fields that hold the board's own wording or choice rather than the built-in default.
    pub edited: Vec<ActivityField>,
    pub updated_at: String,
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
        "sublets" => vec![Administrator],
        "name_plates" => vec![Caretaker],
        "minutes_archive" | "board_email" => vec![Cloud],
        "newsletter" => vec![Newsletter],
        _ => vec![],
    }
}

/// How the language names a country's national identity numbers (one place: the notice's).
fn national_id(lang: Lang, country: Country) -> String {
    super::sections::national_ids(lang, country)
}

/// What the built-in texts say about a particular archive: its country and the retention rules
/// the board set, so the notice states the periods the sweep actually applies (a changed rule
/// changes the notice's text, and so makes it a new version).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Facts {
    pub country: Country,
    /// Months after moving out that a former owner's contact data is kept; `None`: kept.
    pub former_owner_contact: Option<u32>,
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
        return lang
            .pick(
                "uden tidsbegrænsning",
                "uten tidsbegrensning",
                "utan tidsgräns",
                "without time limit",
            )
            .to_string();
    };
    let (years, one_year, many_years, one_month, many_months) = match lang {
        Lang::Da => (n / 12, "1 år", "år", "1 måned", "måneder"),
        Lang::Nb => (n / 12, "1 år", "år", "1 måned", "måneder"),
        Lang::Sv => (n / 12, "1 år", "år", "1 månad", "månader"),
        Lang::En => (n / 12, "1 year", "years", "1 month", "months"),
    };
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
        Country::DK => lang.pick(
            "i 5 år fra udgangen af det regnskabsår, det vedrører, efter bogføringsloven",
            "i 5 år fra utgangen av regnskapsåret det gjelder, etter den danske bogføringsloven",
            "i 5 år från utgången av det räkenskapsår det gäller, enligt den danska bogføringsloven",
            "for 5 years from the end of the financial year it concerns, as the Danish Bookkeeping Act requires",
        ),
        Country::NO => lang.pick(
            "i 5 år efter regnskabsårets udgang, efter den norske bokføringslov § 13",
            "i 5 år etter regnskapsårets slutt, etter bokføringsloven § 13",
            "i 5 år efter räkenskapsårets slut, enligt den norska bokføringsloven § 13",
            "for 5 years after the end of the financial year, as the Norwegian Bookkeeping Act § 13 requires",
        ),
        Country::SE => lang.pick(
            "til udgangen af det syvende år efter det kalenderår, hvor regnskabsåret sluttede, efter den svenske bokföringslag, 7 kap. 2 §",
            "til utgangen av det sjuende året etter kalenderåret da regnskapsåret ble avsluttet, etter den svenske bokföringslagen, 7 kap. 2 §",
            "till och med det sjunde året efter utgången av det kalenderår då räkenskapsåret avslutades, enligt bokföringslagen 7 kap. 2 §",
            "until the end of the seventh year after the calendar year in which the financial year ended, as the Swedish Bookkeeping Act ch. 7 § 2 requires",
        ),
    }
}

/// The built-in text of a default activity's field, in a language, for a country. `None` where
/// the field has no text (no legitimate interest for a contract, no other recipients).
pub fn builtin(key: &str, field: ActivityField, lang: Lang, facts: &Facts) -> Option<String> {
    let p = |da: &str, nb: &str, sv: &str, en: &str| Some(lang.pick(da, nb, sv, en).to_string());
    let country = facts.country;
    let bk = bookkeeping(lang, country);
    let contact = period(lang, facts.former_owner_contact);
    let rejected = period(lang, facts.rejected_sublet);
    let plates = period(lang, facts.mounted_plate_order);
    let id = national_id(lang, country);
    match (key, field) {
        ("members", ActivityField::Name) => p(
            "Administration af andelshavere og medlemskab",
            "Administrasjon av andelseiere og medlemskap",
            "Administration av medlemmar och bostadsrätter",
            "Owner and member administration",
        ),
        ("members", ActivityField::Purpose) => p(
            "At føre foreningens fortegnelse over lejligheder og andelshavere, indkalde til generalforsamling, opkræve boligafgift gennem administrator og håndtere køb og salg af andele.",
            "Å føre oversikten over leiligheter og andelseiere, kalle inn til generalforsamling, kreve inn felleskostnader gjennom forretningsfører og håndtere kjøp og salg av andeler.",
            "Att föra föreningens medlems- och lägenhetsförteckning, kalla till föreningsstämma, ta ut årsavgiften genom förvaltaren och hantera överlåtelser av bostadsrätter.",
            "To keep the association's register of units and owners, call general meetings, collect the monthly charge through the administrator and handle the sale and purchase of shares.",
        ),
        ("members", ActivityField::DataCategories) => Some(match lang {
            Lang::Da => format!("Navn, lejlighed og adresse, telefonnummer og e-mailadresse, datoer for indflytning og fraflytning, medandelshavere og betalingsforhold, som administrator oplyser. Bestyrelsens register rummer ingen {id}."),
            Lang::Nb => format!("Navn, leilighet og adresse, telefonnummer og e-postadresse, datoer for innflytting og utflytting, medeiere og betalingsforhold som forretningsfører oppgir. Styrets register inneholder ingen {id}."),
            Lang::Sv => format!("Namn, lägenhet och adress, telefonnummer och e-postadress, datum för inflyttning och avflyttning, delägare och betalningar som förvaltaren uppger. Styrelsens register innehåller inga {id}."),
            Lang::En => format!("Name, unit and address, phone number and e-mail address, dates of moving in and out, co-owners, and payment matters the administrator reports. The board's register holds no {id}."),
        }),
        ("members", ActivityField::SubjectCategories) => p(
            "Andelshavere og tidligere andelshavere, medandelshavere og deres kontaktpersoner",
            "Andelseiere og tidligere andelseiere, medeiere og deres kontaktpersoner",
            "Medlemmar och tidigare medlemmar, delägare och deras kontaktpersoner",
            "Owners (members) and former owners, co-owners and their contact persons",
        ),
        ("members", ActivityField::Retention) => Some(match lang {
            Lang::Da => format!("Så længe du er andelshaver. Efter fraflytning gemmes dine kontaktoplysninger i {contact} efter bestyrelsens regel, så foreningen kan afslutte mellemværender og forsvare retskrav (legitim interesse, art. 6, stk. 1, litra f); derefter slettes de. Regnskabsmateriale, der nævner dig, opbevares {bk} (retlig forpligtelse, art. 6, stk. 1, litra c). Hvem der havde hvilken andel hvornår, gemmes som foreningens historie."),
            Lang::Nb => format!("Så lenge du er andelseier. Etter utflytting lagres kontaktopplysningene dine i {contact} etter styrets regel, slik at borettslaget kan gjøre opp mellomværender og forsvare rettskrav (berettiget interesse, art. 6 nr. 1 bokstav f); deretter slettes de. Regnskapsmateriale som nevner deg, oppbevares {bk} (rettslig forpliktelse, art. 6 nr. 1 bokstav c). Hvem som hadde hvilken andel når, lagres som borettslagets historie."),
            Lang::Sv => format!("Så länge du är medlem. Efter avflyttning sparas dina kontaktuppgifter i {contact} enligt styrelsens regel, så att föreningen kan göra upp mellanhavanden och försvara rättsliga anspråk (berättigat intresse, artikel 6.1 f); sedan raderas de. Räkenskapsinformation som nämner dig sparas {bk} (rättslig förpliktelse, artikel 6.1 c). Lägenhetsförteckningen och vem som innehaft vilken bostadsrätt när sparas permanent som föreningens historia."),
            Lang::En => format!("As long as you are an owner. After you move out, your contact details are kept for {contact} under the board's rule, so the association can settle accounts and defend legal claims (legitimate interest, Art. 6(1)(f)); then they are deleted. Accounting records that name you are kept {bk} (legal obligation, Art. 6(1)(c)). Who held which share when is kept as the association's history."),
        }),
        ("members", ActivityField::Source) => p(
            "Dig selv, da du købte andelen, og administrators beboerliste, som bestyrelsen får tilsendt med jævne mellemrum.",
            "Deg selv da du kjøpte andelen, og forretningsførerens beboerliste, som styret får tilsendt jevnlig.",
            "Du själv när du köpte bostadsrätten, och förvaltarens medlemsförteckning, som styrelsen får regelbundet.",
            "You, when you bought your share, and the administrator's resident list, which the board receives regularly.",
        ),

        ("sublets", ActivityField::Name) => p("Fremleje", "Utleie (bruksoverlating)", "Andrahandsuthyrning (upplåtelse i andra hand)", "Sublets"),
        ("sublets", ActivityField::Purpose) => p(
            "At behandle ansøgninger om fremleje, træffe og dokumentere bestyrelsens beslutning og holde øje med, hvornår en godkendt fremleje udløber.",
            "Å behandle søknader om utleie, treffe og dokumentere styrets vedtak og følge med på når en godkjent utleieperiode går ut.",
            "Att pröva ansökningar om andrahandsuthyrning, fatta och dokumentera styrelsens beslut och bevaka när ett tillstånd löper ut.",
            "To handle applications to sublet, make and document the board's decision and keep track of when an approved sublet ends.",
        ),
        ("sublets", ActivityField::DataCategories) => p(
            "Navn og kontaktoplysninger på andelshaver og fremlejetager, perioden, begrundelsen for fremlejen og bestyrelsens beslutning.",
            "Navn og kontaktopplysninger til andelseier og leietaker, perioden, begrunnelsen for utleien og styrets vedtak.",
            "Namn och kontaktuppgifter för bostadsrättshavaren och andrahandshyresgästen, perioden, skälen för upplåtelsen och styrelsens beslut.",
            "Names and contact details of the owner and the subtenant, the period, the reason for the sublet and the board's decision.",
        ),
        // The subtenant is no party to the membership: their data rests on the association's
        // interest in deciding and supervising the sublet (DK), or on the statute that makes the
        // board's approval a legal duty (NO borettslagsloven §§ 5-5, 5-6; SE bostadsrättslagen
        // 7 kap. 10–11 §§).
        ("sublets", ActivityField::SubjectCategories) => Some(match (lang, country) {
            (Lang::Da, Country::DK) => "Andelshavere, der fremlejer (grundlag: medlemskabet), og fremlejetagere, som ikke er part i medlemskabet: deres oplysninger behandles på grundlag af foreningens legitime interesse i at træffe afgørelse om og føre tilsyn med fremlejen (art. 6, stk. 1, litra f).".to_string(),
            (Lang::Da, _) => "Andelshavere, der fremlejer (grundlag: medlemskabet), og fremlejetagere, som ikke er part i medlemskabet: deres oplysninger behandles, fordi loven kræver bestyrelsens godkendelse af fremlejen (retlig forpligtelse, art. 6, stk. 1, litra c).".to_string(),
            (Lang::Nb, Country::DK) => "Andelseiere som leier ut (grunnlag: medlemskapet), og leietakere, som ikke er part i medlemskapet: opplysningene deres behandles på grunnlag av borettslagets berettigede interesse i å avgjøre og følge opp utleien (art. 6 nr. 1 bokstav f).".to_string(),
            (Lang::Nb, _) => "Andelseiere som leier ut (grunnlag: medlemskapet), og leietakere, som ikke er part i medlemskapet: opplysningene deres behandles fordi borettslagsloven §§ 5-5 og 5-6 krever styrets godkjenning av bruksoverlating (rettslig forpliktelse, art. 6 nr. 1 bokstav c).".to_string(),
            (Lang::Sv, Country::DK) => "Bostadsrättshavare som hyr ut i andra hand (grund: medlemskapet) och andrahandshyresgäster, som inte är part i medlemskapet: deras uppgifter behandlas på grund av föreningens berättigade intresse av att pröva och följa upp uthyrningen (artikel 6.1 f).".to_string(),
            (Lang::Sv, _) => "Bostadsrättshavare som hyr ut i andra hand (grund: medlemskapet) och andrahandshyresgäster, som inte är part i medlemskapet: deras uppgifter behandlas eftersom styrelsens samtycke krävs enligt bostadsrättslagen 7 kap. 10–11 §§ (rättslig förpliktelse, artikel 6.1 c).".to_string(),
            (Lang::En, Country::DK) => "Owners who sublet (basis: the membership), and subtenants, who are no party to the membership: their data is processed on the association's legitimate interest in deciding on and supervising the sublet (Art. 6(1)(f)).".to_string(),
            (Lang::En, _) => "Owners who sublet (basis: the membership), and subtenants, who are no party to the membership: their data is processed because the law requires the board's approval of the sublet (legal obligation, Art. 6(1)(c)).".to_string(),
        }),
        ("sublets", ActivityField::Retention) => Some(match lang {
            Lang::Da => format!("Afslåede ansøgninger slettes {rejected} efter afgørelsen efter bestyrelsens regel. Godkendte fremlejer gemmes som en del af boligens historie."),
            Lang::Nb => format!("Avslåtte søknader slettes {rejected} etter vedtaket etter styrets regel. Godkjente utleieforhold lagres som en del av boligens historie."),
            Lang::Sv => format!("Avslagna ansökningar gallras {rejected} efter beslutet enligt styrelsens regel. Godkända andrahandsuthyrningar sparas som en del av lägenhetens historia."),
            Lang::En => format!("Rejected applications are deleted {rejected} after the decision, under the board's rule. Approved sublets are kept as part of the unit's history."),
        }),
        ("sublets", ActivityField::Source) => p(
            "Andelshaverens ansøgning.",
            "Andelseierens søknad.",
            "Bostadsrättshavarens ansökan.",
            "The owner's application.",
        ),

        ("name_plates", ActivityField::Name) => p("Navneskilte", "Navneskilt", "Namnskyltar", "Name plates"),
        ("name_plates", ActivityField::Purpose) => p(
            "At få lavet og sat navneskilte op på postkasse, dørtelefon og dør, når nogen flytter ind. Viceværten bestiller skiltene hos gravøren og sætter dem op.",
            "Å få laget og satt opp navneskilt på postkasse, ringetablå og dør når noen flytter inn. Vaktmesteren bestiller skiltene hos gravøren og setter dem opp.",
            "Att få namnskyltar gjorda och uppsatta på brevlåda, porttelefon och dörr när någon flyttar in. Fastighetsskötaren beställer skyltarna hos gravören och sätter upp dem.",
            "To have name plates made and mounted on the letterbox, entry phone and door when someone moves in. The caretaker orders them from the engraver and mounts them.",
        ),
        ("name_plates", ActivityField::LegitimateInterest) => p(
            "At post, bud og redningstjeneste kan finde beboerne, og at opgangene er ordentligt skiltet.",
            "At post, bud og nødetater finner fram til beboerne, og at oppgangene er ordentlig skiltet.",
            "Att post, bud och räddningstjänst hittar de boende och att trapphusen är ordentligt skyltade.",
            "That post, deliveries and emergency services can find residents, and that the stairwells are properly signed.",
        ),
        ("name_plates", ActivityField::DataCategories) => p(
            "Lejligheden og teksten på skiltet (som regel beboernes navne). Intet andet.",
            "Leiligheten og teksten på skiltet (som regel beboernes navn). Ikke noe annet.",
            "Lägenheten och texten på skylten (oftast de boendes namn). Inget annat.",
            "The unit and the text on the plate (usually the residents' names). Nothing else.",
        ),
        ("name_plates", ActivityField::SubjectCategories) => p(
            "Beboere, der flytter ind eller skifter navn",
            "Beboere som flytter inn eller bytter navn",
            "Boende som flyttar in eller byter namn",
            "Residents who move in or change their name",
        ),
        ("name_plates", ActivityField::Retention) => Some(match lang {
            Lang::Da => format!("Bestillingen gemmes i {plates}, efter at skiltet er sat op, efter bestyrelsens regel. Skiltet tages ned, når du flytter."),
            Lang::Nb => format!("Bestillingen lagres i {plates} etter at skiltet er satt opp, etter styrets regel. Skiltet tas ned når du flytter."),
            Lang::Sv => format!("Beställningen sparas i {plates} efter att skylten satts upp, enligt styrelsens regel. Skylten tas ned när du flyttar."),
            Lang::En => format!("The order is kept for {plates} after the plate is mounted, under the board's rule. The plate comes down when you move out."),
        }),
        ("name_plates", ActivityField::Source) => p(
            "Dig selv eller administrators meddelelse om en ny andelshaver.",
            "Deg selv eller forretningsførerens melding om en ny andelseier.",
            "Du själv eller förvaltarens besked om en ny medlem.",
            "You, or the administrator's notice of a new owner.",
        ),

        ("minutes_archive", ActivityField::Name) => p(
            "Referatarkivet (foreningens historie)",
            "Protokollarkivet (borettslagets historie)",
            "Protokollarkivet (föreningens historia)",
            "The minutes archive (the association's history)",
        ),
        ("minutes_archive", ActivityField::Purpose) => p(
            "At opbevare referater fra generalforsamlinger og bestyrelsesmøder, som dokumenterer foreningens beslutninger, og at offentliggøre dem i en udgave uden personoplysninger.",
            "Å oppbevare protokoller fra generalforsamlinger og styremøter, som dokumenterer borettslagets vedtak, og å publisere dem i en utgave uten personopplysninger.",
            "Att bevara protokoll från föreningsstämmor och styrelsemöten, som dokumenterar föreningens beslut, och att publicera dem i en version utan personuppgifter.",
            "To keep the minutes of general meetings and board meetings, which document the association's decisions, and to publish them in a version without personal data.",
        ),
        ("minutes_archive", ActivityField::LegitimateInterest) => p(
            "Foreningens beslutninger binder nuværende og kommende andelshavere. Referaterne er foreningens dokumentation og historie og skal kunne findes frem mange år senere.",
            "Vedtakene binder nåværende og framtidige andelseiere. Protokollene er borettslagets dokumentasjon og historie og må kunne finnes fram mange år senere.",
            "Föreningens beslut binder nuvarande och framtida medlemmar. Protokollen är föreningens dokumentation och historia och måste kunna tas fram många år senare.",
            "The association's decisions bind present and future owners. The minutes are its evidence and history and must be found again many years later.",
        ),
        ("minutes_archive", ActivityField::DataCategories) => p(
            "Navne på bestyrelsesmedlemmer, dirigent og referent og på dem, der tog ordet eller stillede forslag, samt enkelte sager om en lejlighed.",
            "Navn på styremedlemmer, møteleder og protokollfører og på dem som hadde ordet eller fremmet forslag, og enkelte saker om en leilighet.",
            "Namn på styrelseledamöter, stämmoordförande, protokollförare och justerare och på dem som yttrade sig eller lade fram förslag, samt enstaka ärenden om en lägenhet.",
            "Names of board members, of the chair of the meeting and the minute-taker and of those who spoke or made proposals, and some matters concerning a unit.",
        ),
        ("minutes_archive", ActivityField::SubjectCategories) => p(
            "Andelshavere, bestyrelsesmedlemmer og andre, der nævnes i referaterne",
            "Andelseiere, styremedlemmer og andre som nevnes i protokollene",
            "Medlemmar, styrelseledamöter och andra som nämns i protokollen",
            "Owners, board members and others named in the minutes",
        ),
        ("minutes_archive", ActivityField::Retention) => p(
            "Referaterne gemmes uden tidsbegrænsning som foreningens historie. Offentliggjorte udgaver er renset for personoplysninger.",
            "Protokollene oppbevares uten tidsbegrensning som borettslagets historie. Publiserte utgaver er renset for personopplysninger.",
            "Protokollen sparas utan tidsgräns som föreningens historia. Publicerade versioner är rensade från personuppgifter.",
            "Minutes are kept without time limit as the association's history. Published versions have personal data removed.",
        ),
        ("minutes_archive", ActivityField::Source) => p(
            "Bestyrelsen og mødernes referenter.",
            "Styret og møtenes protokollførere.",
            "Styrelsen och mötenas protokollförare.",
            "The board and the meetings' minute-takers.",
        ),

        ("newsletter", ActivityField::Name) => p("Nyhedsbrev", "Nyhetsbrev", "Nyhetsbrev", "Newsletter"),
        ("newsletter", ActivityField::Purpose) => p(
            "At sende nyt fra foreningen til beboere, der har tilmeldt sig.",
            "Å sende nytt fra borettslaget til beboere som har meldt seg på.",
            "Att skicka nyheter från föreningen till boende som har anmält sig.",
            "To send news from the association to residents who signed up.",
        ),
        ("newsletter", ActivityField::DataCategories) => p(
            "E-mailadresse og navn, og hvornår du tilmeldte dig og bekræftede tilmeldingen.",
            "E-postadresse og navn, og når du meldte deg på og bekreftet påmeldingen.",
            "E-postadress och namn, och när du anmälde dig och bekräftade anmälan.",
            "E-mail address and name, and when you signed up and confirmed.",
        ),
        ("newsletter", ActivityField::SubjectCategories) => p(
            "Beboere, der har tilmeldt sig",
            "Beboere som har meldt seg på",
            "Boende som har anmält sig",
            "Residents who signed up",
        ),
        ("newsletter", ActivityField::Retention) => p(
            "Indtil du framelder dig med linket i hvert nyhedsbrev eller ved at skrive til bestyrelsen.",
            "Til du melder deg av med lenken i hvert nyhetsbrev eller ved å skrive til styret.",
            "Tills du avanmäler dig med länken i varje nyhetsbrev eller genom att skriva till styrelsen.",
            "Until you unsubscribe with the link in each newsletter or by writing to the board.",
        ),
        ("newsletter", ActivityField::Source) => p(
            "Dig selv, når du tilmelder dig.",
            "Deg selv når du melder deg på.",
            "Du själv när du anmäler dig.",
            "You, when you sign up.",
        ),

        ("board_email", ActivityField::Name) => p("Bestyrelsens e-mail", "Styrets e-post", "Styrelsens e-post", "The board's e-mail"),
        ("board_email", ActivityField::Purpose) => p(
            "At besvare henvendelser fra beboere og andre og klare foreningens daglige drift.",
            "Å svare på henvendelser fra beboere og andre og ta seg av den daglige driften.",
            "Att besvara frågor från boende och andra och sköta föreningens löpande förvaltning.",
            "To answer enquiries from residents and others and run the association day to day.",
        ),
        ("board_email", ActivityField::LegitimateInterest) => p(
            "At foreningen kan drives, og at henvendelser bliver besvaret.",
            "At borettslaget kan drives, og at henvendelser blir besvart.",
            "Att föreningen kan skötas och att frågor blir besvarade.",
            "That the association can be run and enquiries answered.",
        ),
        ("board_email", ActivityField::DataCategories) => Some(match lang {
            Lang::Da => format!("Navn, e-mailadresse og det, du selv skriver. Send ikke {id} eller helbredsoplysninger med e-mail; sådanne mails slettes straks."),
            Lang::Nb => format!("Navn, e-postadresse og det du selv skriver. Ikke send {id} eller helseopplysninger på e-post; slike e-poster slettes straks."),
            Lang::Sv => format!("Namn, e-postadress och det du själv skriver. Skicka inte {id} eller hälsouppgifter med e-post; sådana meddelanden raderas genast."),
            Lang::En => format!("Name, e-mail address and whatever you write. Do not send {id} or health information by e-mail; such messages are deleted at once."),
        }),
        ("board_email", ActivityField::SubjectCategories) => p(
            "Beboere og andre, der skriver til bestyrelsen",
            "Beboere og andre som skriver til styret",
            "Boende och andra som skriver till styrelsen",
            "Residents and others who write to the board",
        ),
        ("board_email", ActivityField::Retention) => p(
            "E-mails slettes, når sagen er afsluttet, og senest efter 2 år. Mails, der ligger til grund for en beslutning, gemmes med beslutningen.",
            "E-poster slettes når saken er avsluttet, og senest etter 2 år. E-poster som ligger til grunn for et vedtak, lagres sammen med vedtaket.",
            "E-post raderas när ärendet är avslutat och senast efter 2 år. Meddelanden som ligger till grund för ett beslut sparas med beslutet.",
            "E-mails are deleted when the matter is closed, and after 2 years at the latest. Those behind a decision are kept with the decision.",
        ),
        ("board_email", ActivityField::Source) => p(
            "Den, der skriver.",
            "Den som skriver.",
            "Den som skriver.",
            "Whoever writes.",
        ),

        ("website_logs", ActivityField::Name) => p(
            "Sikkerhedslog på hjemmesiden",
            "Sikkerhetslogg på nettsiden",
            "Säkerhetslogg på webbplatsen",
            "Website security log",
        ),
        ("website_logs", ActivityField::Purpose) => p(
            "At beskytte foreningens hjemmeside mod angreb og misbrug.",
            "Å beskytte nettsiden mot angrep og misbruk.",
            "Att skydda föreningens webbplats mot angrepp och missbruk.",
            "To protect the association's website against attacks and misuse.",
        ),
        ("website_logs", ActivityField::LegitimateInterest) => p(
            "At hjemmesiden er sikker og tilgængelig. Loggen bruges ikke til andet.",
            "At nettsiden er sikker og tilgjengelig. Loggen brukes ikke til noe annet.",
            "Att webbplatsen är säker och tillgänglig. Loggen används inte till något annat.",
            "That the website is secure and available. The log is used for nothing else.",
        ),
        ("website_logs", ActivityField::DataCategories) => p(
            "IP-adresse, tidspunkt, browser og enhedstype, og hvilke sider der blev besøgt.",
            "IP-adresse, tidspunkt, nettleser og enhetstype, og hvilke sider som ble besøkt.",
            "IP-adress, tidpunkt, webbläsare och enhetstyp, och vilka sidor som besöktes.",
            "IP address, time, browser and device type, and which pages were visited.",
        ),
        ("website_logs", ActivityField::SubjectCategories) => p(
            "Besøgende på hjemmesiden",
            "Besøkende på nettsiden",
            "Besökare på webbplatsen",
            "Visitors to the website",
        ),
        ("website_logs", ActivityField::OtherRecipients) => p(
            "Webhotellet, der driver hjemmesiden, som databehandler.",
            "Webhotellet som driver nettsiden, som databehandler.",
            "Webbhotellet som driver webbplatsen, som personuppgiftsbiträde.",
            "The web host that runs the site, as data processor.",
        ),
        ("website_logs", ActivityField::Retention) => p(
            "30 dage. IP-adresser, der har angrebet siden, kan blive stående længere på en blokeringsliste.",
            "30 dager. IP-adresser som har angrepet siden, kan bli stående lenger på en blokkeringsliste.",
            "30 dagar. IP-adresser som har angripit webbplatsen kan ligga kvar längre på en spärrlista.",
            "30 days. Addresses that attacked the site may stay on a block list for longer.",
        ),
        ("website_logs", ActivityField::Source) => p(
            "Din browser, når du besøger siden.",
            "Nettleseren din når du besøker siden.",
            "Din webbläsare när du besöker webbplatsen.",
            "Your browser, when you visit the site.",
        ),
        _ => None,
    }
}

/// A row as stored.
struct Stored {
    id: Id,
    key: Option<String>,
    position: u32,
    texts: [Option<String>; 8],
    legal_basis: LegalBasis,
    recipient_kinds: Vec<OrganisationKind>,
    active: bool,
    updated_at: String,
}

const COLUMNS: &str = "id, key, position, name, purpose, legitimate_interest, data_categories,
    subject_categories, other_recipients, retention, source, legal_basis, recipient_kinds, active,
    updated_at";

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
    let basis: String = r.get(11)?;
    let kinds: String = r.get(12)?;
    Ok(Stored {
        id: r.get(0)?,
        key: r.get(1)?,
        position: r.get(2)?,
        texts: [
            r.get(3)?,
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
        ],
        legal_basis: basis.parse().unwrap_or(LegalBasis::LegitimateInterest),
        recipient_kinds: kinds_from(&kinds),
        active: r.get(13)?,
        updated_at: r.get(14)?,
    })
}

fn stored(conn: &Connection) -> Result<Vec<Stored>, Error> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM processing_activity ORDER BY position, id"
        ))
        .map_err(db("reading the processing activities"))?;
    let rows = stmt
        .query_map([], from_row)
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<_>>>())
        .map_err(db("reading the processing activities"))?;
    Ok(rows)
}

fn stored_one(conn: &Connection, id: Id) -> Result<Stored, Error> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM processing_activity WHERE id = ?1"),
        [id],
        from_row,
    )
    .optional()
    .map_err(db("reading a processing activity"))?
    .ok_or(Error::NotFound(id))
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

fn resolve(s: Stored, lang: Lang, facts: &Facts) -> Activity {
    let country = facts.country;
    let text_of = |i: usize| -> Option<String> {
        match (&s.texts[i], &s.key) {
            (Some(t), _) => Some(t.clone()),
            (None, Some(key)) => builtin(key, ActivityField::TEXTS[i], lang, facts),
            (None, None) => None,
        }
    };
    let mut edited: Vec<ActivityField> = ActivityField::TEXTS
        .iter()
        .enumerate()
        .filter(|(i, _)| s.key.is_some() && s.texts[*i].is_some())
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
        "UPDATE processing_activity SET name = ?2, purpose = ?3, legitimate_interest = ?4,
            data_categories = ?5, subject_categories = ?6, other_recipients = ?7, retention = ?8,
            source = ?9, legal_basis = ?10, recipient_kinds = ?11, active = ?12, updated_at = ?13
         WHERE id = ?1",
        params![
            s.id,
            s.texts[0],
            s.texts[1],
            s.texts[2],
            s.texts[3],
            s.texts[4],
            s.texts[5],
            s.texts[6],
            s.texts[7],
            s.legal_basis.as_str(),
            kinds_to(&s.recipient_kinds),
            s.active,
            now.to_rfc3339()
        ],
    )
    .map_err(db("changing a processing activity"))?;
    Ok(())
}

/// A legitimate interest must be spelled out: by the board, or by the built-in text.
fn check_interest(s: &Stored, country: Country) -> Result<(), Error> {
    if s.legal_basis != LegalBasis::LegitimateInterest || s.texts[2].is_some() {
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

/// Changes an activity. An empty text clears the board's wording: a default activity goes back
/// to its built-in text, a custom one has none.
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
            s.texts[i] = value.as_deref().and_then(clean);
        }
    }
    if s.key.is_none() && s.texts[0].is_none() {
        return Err(Error::NoName);
    }
    if s.key.is_none() && s.texts[1].is_none() {
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

/// Adds an activity of the board's own. It needs a name, a purpose and a legal basis (and the
/// interest, for legitimate interest).
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
    let s = Stored {
        id: 0,
        key: None,
        position: 0,
        texts: [
            Some(name),
            Some(purpose),
            fields.legitimate_interest.as_deref().and_then(clean),
            fields.data_categories.as_deref().and_then(clean),
            fields.subject_categories.as_deref().and_then(clean),
            fields.other_recipients.as_deref().and_then(clean),
            fields.retention.as_deref().and_then(clean),
            fields.source.as_deref().and_then(clean),
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

/// Puts one field of a default activity back to the built-in text (or default basis or
/// recipients).
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
                s.texts[i] = None;
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
