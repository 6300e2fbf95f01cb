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
use crate::document::{Block, Fallback, Lang, Shown};
use crate::i18n::glossary::{self, Term};
use crate::register::organisations::{self, Organisation, OrganisationKind};

/// What an organisation of a kind does for the association, as a notice says it: its name in the
/// glossary, then what it does.
pub fn kind_role(kind: OrganisationKind, lang: Lang) -> String {
    let term = |t: Term| glossary::term(lang, t).one.as_str();
    let (who, what) = match kind {
        OrganisationKind::Administrator => (
            term(Term::Administrator),
            lang.texts().sections.administrator_does,
        ),
        OrganisationKind::Caretaker => {
            (term(Term::Caretaker), lang.texts().sections.caretaker_does)
        }
        OrganisationKind::Cloud => (term(Term::CloudArchive), lang.texts().sections.cloud_does),
        OrganisationKind::Newsletter => return lang.texts().sections.newsletter_does.to_string(),
        OrganisationKind::Bank => (lang.texts().sections.bank, lang.texts().sections.payments),
        OrganisationKind::Auditor => (term(Term::Auditor), lang.texts().sections.auditor_does),
        OrganisationKind::Other => return lang.texts().sections.supplier.to_string(),
    };
    format!("{who}: {what}")
}

/// An organisation's role in full: what it does, and whether it processes data for the
/// association under an agreement or on its own account.
pub fn organisation_role(org: &Organisation, lang: Lang) -> String {
    let mut role = kind_role(org.kind, lang);
    if let Some(signed) = org.dpa_signed_on {
        role.push_str(&(lang.texts().sections.processor_since)(
            &lang.long_date(signed),
        ));
    } else if matches!(org.kind, OrganisationKind::Bank | OrganisationKind::Auditor) {
        role.push_str(lang.texts().sections.independent_controller);
    }
    role
}

/// A country outside the EU/EEA by name, where Andel knows it; else its code.
pub fn country_name(code: &str, lang: Lang) -> String {
    let name = match code {
        "US" => lang.texts().sections.country_us,
        "GB" => lang.texts().sections.country_gb,
        "CH" => lang.texts().sections.country_ch,
        "CA" => lang.texts().sections.country_ca,
        "IN" => lang.texts().sections.country_in,
        "AU" => lang.texts().sections.country_au,
        "JP" => lang.texts().sections.country_jp,
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
            BuiltInSafeguard::DataPrivacyFramework => lang.texts().sections.safeguard_dpf,
            BuiltInSafeguard::StandardClauses => lang.texts().sections.safeguard_scc,
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

/// An organisation's recorded safeguard as a document in `lang` states it (see
/// [`safeguard_text`]).
pub fn safeguard(org: &Organisation, lang: Lang) -> Option<String> {
    org.transfer_safeguard
        .as_deref()
        .map(|s| safeguard_text(s, lang))
}

/// The mark for a document in `lang` that states the organisation's safeguard in the board's
/// words, written in another language (a built-in safeguard is translated, so never marked).
pub fn safeguard_fallback(org: &Organisation, lang: Lang) -> Option<Fallback> {
    let stored = org.transfer_safeguard.as_deref()?;
    org.third_country.as_ref()?;
    let written_in = org.transfer_safeguard_language?;
    (written_in != lang && BuiltInSafeguard::recognise(stored).is_none()).then(|| Fallback {
        owner: org.name.clone(),
        field: "transfer_safeguard".into(),
        written_in,
        shown: Shown::AsWritten,
    })
}

/// The marks of a document in `lang` that states these activities and these organisations'
/// transfers: every board text it could not show in `lang` as the board wrote it.
pub fn fallbacks(activities: &[Activity], orgs: &[Organisation], lang: Lang) -> Vec<Fallback> {
    activities
        .iter()
        .flat_map(Activity::document_fallbacks)
        .chain(orgs.iter().filter_map(|o| safeguard_fallback(o, lang)))
        .collect()
}

/// The marks of [`purposes`] in `lang`: the active activities and the organisations they name.
pub fn purposes_fallbacks(conn: &Connection, lang: Lang) -> Result<Vec<Fallback>, Error> {
    let active: Vec<Activity> = activities::current(conn, lang)?
        .into_iter()
        .filter(|a| a.active)
        .collect();
    let named: Vec<Organisation> = organisations::list(conn)?
        .into_iter()
        .filter(|o| active.iter().any(|a| a.recipient_kinds.contains(&o.kind)))
        .collect();
    Ok(fallbacks(&active, &named, lang))
}

/// "Name (US): safeguard" for an organisation that transfers data outside the EU/EEA.
pub fn transfer_line(org: &Organisation, lang: Lang) -> Option<String> {
    let country = org.third_country.as_deref()?;
    let safeguard = safeguard(org, lang)
        .unwrap_or_else(|| lang.texts().sections.no_safeguard_recorded.to_string());
    Some((lang.texts().sections.transfer)(
        &org.name,
        &country_name(country, lang),
        &safeguard,
    ))
}

/// Labels shared by the notice and the record.
pub(crate) struct Labels {
    pub purpose: &'static str,
    /// The glossary's term, as a label.
    pub basis: String,
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
        purpose: lang.texts().sections.purpose,
        basis: glossary::term(lang, Term::LegalBasis).label(),
        interest: lang.texts().sections.legitimate_interest,
        data: lang.texts().sections.data,
        subjects: lang.texts().sections.whom_it_concerns,
        source: lang.texts().sections.source,
        recipients: lang.texts().sections.recipients,
        transfers: lang.texts().sections.transfers,
        retention: lang.texts().sections.retention,
        none: lang.texts().sections.no_recipients,
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
    // Name plates that go through the caretaker reach the engraver the caretaker orders them
    // from: a recipient of the name on the plate, though not in the register.
    if activity.key.as_deref() == Some("name_plates")
        && mine.iter().any(|o| o.kind == OrganisationKind::Caretaker)
    {
        let caretaker = &glossary::term(lang, Term::Caretaker).the;
        parts.push((lang.texts().sections.engraver)(caretaker));
    }
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
        text: lang.texts().sections.purposes_heading.to_string(),
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
            (l.basis.clone(), a.legal_basis.label(lang)),
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
        Country::DK => lang.texts().sections.law_dk,
        Country::NO => lang.texts().sections.law_no,
        Country::SE => lang.texts().sections.law_se,
    }
}

/// The seven rights, each as "name: what it means". The names are those the country's
/// authority uses in its own language; in English the native name follows in brackets.
fn right_items(lang: Lang, country: Country) -> Vec<String> {
    let native = Lang::of_country(country);
    let names = |l: Lang| l.texts().sections.right_names;
    let meaning: [&str; 7] = [
        lang.texts().sections.right_of_access,
        lang.texts().sections.right_to_rectification,
        lang.texts().sections.right_to_erasure,
        lang.texts().sections.right_to_restriction,
        lang.texts().sections.right_to_object,
        lang.texts().sections.right_to_portability,
        lang.texts().sections.right_to_withdraw,
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
            text: lang.texts().sections.rights_heading.to_string(),
        },
        Block::Paragraph {
            text: (lang.texts().sections.rights_intro)(&law),
        },
        Block::Bullets {
            items: right_items(lang, country),
        },
        Block::Heading {
            level: 2,
            text: lang.texts().sections.exercise_heading.to_string(),
        },
        Block::Paragraph {
            text: lang.texts().sections.how_to_write.to_string(),
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
            text: lang.texts().sections.complaints_heading.to_string(),
        },
        Block::Paragraph {
            text: (lang.texts().sections.complaint)(&described),
        },
        Block::Facts {
            rows: vec![
                (
                    lang.texts().sections.authority.to_string(),
                    name.to_string(),
                ),
                (lang.texts().common.address.to_string(), address.to_string()),
                (lang.texts().sections.website.to_string(), web.to_string()),
            ],
        },
    ]
}

/// The technical and organisational security measures, one per item: what Andel itself does
/// (encryption, access, audit trail, the national-ID guard, redaction) and the agreements with
/// processors.
pub fn security(lang: Lang, country: Country, orgs: &[Organisation]) -> Vec<String> {
    let ids = super::national_ids(lang, country);
    let mut items = vec![
        lang.texts().sections.security_encrypted.to_string(),
        lang.texts().sections.security_access.to_string(),
        lang.texts().sections.security_log.to_string(),
        (lang.texts().sections.register_refuses_ids)(&ids),
        lang.texts().sections.security_publishing.to_string(),
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
        items.push((lang.texts().sections.processors_list)(&names));
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
        (lang.texts().sections.requests_record)(&requests),
        lang.texts().sections.kept_log.to_string(),
        lang.texts().sections.kept_offices.to_string(),
        lang.texts().sections.kept_minutes.to_string(),
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
            text: lang.texts().sections.other_records_heading.to_string(),
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
            assert!(all.contains(lang.texts().sections.one_month), "{lang:?}");
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
