//! The record of processing activities (GDPR Art. 30(1)): the controller, and per activity its
//! purpose, legal basis, categories of people and data, recipients, transfers outside the
//! EU/EEA, time limits for erasure and the security measures; then the organisations with their
//! data processing agreements. The board keeps it and shows it to the authority when asked.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use super::sections::{self, labels, organisation_role, recipient_text};
use super::{activities, notice, Error};
use crate::association;
use crate::document::{Block, Document, Lang, Letterhead};
use crate::register::organisations::{self, OrganisationKind};

/// The record as a document, texts in `lang`, dated `today`. Writes nothing.
pub fn record(
    conn: &Connection,
    lang: Lang,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<Document, Error> {
    let a = association::get(conn)?;
    let orgs = organisations::list(conn)?;
    let l = labels(lang);
    let mut doc = Document::new(
        lang.pick(
            "Fortegnelse over behandlingsaktiviteter",
            "Protokoll over behandlingsaktiviteter",
            "Register över behandlingar",
            "Record of processing activities",
        ),
        lang,
        now,
    );
    doc.letterhead = Some(Letterhead::of(&a));
    let date = lang.long_date(today);
    doc.subtitle = Some(match lang {
        Lang::Da => format!("Databeskyttelsesforordningens art. 30 · opdateret {date}"),
        Lang::Nb => format!("Personvernforordningen art. 30 · oppdatert {date}"),
        Lang::Sv => format!("Dataskyddsförordningen artikel 30 · uppdaterad den {date}"),
        Lang::En => format!("GDPR Article 30 · updated {date}"),
    });
    doc.blocks.extend(notice::controller(&a, lang));

    let all = activities::current(conn, lang)?;
    let security = lang.pick(
        "Sikkerhedsforanstaltninger",
        "Sikkerhetstiltak",
        "Säkerhetsåtgärder",
        "Security measures",
    );
    doc.heading(lang.pick(
        "Behandlingsaktiviteter",
        "Behandlingsaktiviteter",
        "Behandlingar",
        "Processing activities",
    ));
    for (n, act) in all.iter().filter(|a| a.active).enumerate() {
        doc.subheading(format!("{}. {}", n + 1, act.text.name));
        let mut rows = vec![
            (l.purpose.to_string(), act.text.purpose.clone()),
            (l.basis.to_string(), act.legal_basis.label(lang)),
        ];
        if let Some(i) = &act.text.legitimate_interest {
            rows.push((l.interest.to_string(), i.clone()));
        }
        let (recipients, transfers) = recipient_text(act, &orgs, lang);
        let none = lang.pick("Ingen", "Ingen", "Inga", "None").to_string();
        rows.extend([
            (
                lang.pick(
                    "Kategorier af registrerede",
                    "Kategorier av registrerte",
                    "Kategorier av registrerade",
                    "Categories of data subjects",
                )
                .to_string(),
                act.text.subject_categories.clone(),
            ),
            (
                lang.pick(
                    "Kategorier af personoplysninger",
                    "Kategorier av personopplysninger",
                    "Kategorier av personuppgifter",
                    "Categories of personal data",
                )
                .to_string(),
                act.text.data_categories.clone(),
            ),
            (l.source.to_string(), act.text.source.clone()),
            (l.recipients.to_string(), recipients),
            (
                l.transfers.to_string(),
                if transfers.is_empty() {
                    none
                } else {
                    transfers.join("\n")
                },
            ),
            (
                lang.pick(
                    "Frister for sletning",
                    "Frister for sletting",
                    "Tidsfrister för radering",
                    "Time limits for erasure",
                )
                .to_string(),
                act.text.retention.clone(),
            ),
            (
                security.to_string(),
                lang.pick(
                    "Se afsnittet om sikkerhed nedenfor.",
                    "Se avsnittet om sikkerhet nedenfor.",
                    "Se avsnittet om säkerhet nedan.",
                    "See the section on security below.",
                )
                .to_string(),
            ),
        ]);
        rows.retain(|(_, v)| !v.is_empty());
        doc.blocks.push(Block::Facts { rows });
    }
    let stopped: Vec<String> = all
        .iter()
        .filter(|a| !a.active)
        .map(|a| a.text.name.clone())
        .collect();
    if !stopped.is_empty() {
        doc.note(format!(
            "{} {}.",
            lang.pick(
                "Ophørte behandlinger, der ikke længere finder sted:",
                "Behandlinger som er avsluttet:",
                "Behandlingar som har upphört:",
                "Activities that have stopped:",
            ),
            stopped.join(", ")
        ));
    }

    doc.heading(lang.pick(
        "Databehandlere og andre modtagere",
        "Databehandlere og andre mottakere",
        "Personuppgiftsbiträden och andra mottagare",
        "Processors and other recipients",
    ));
    if orgs.is_empty() {
        doc.paragraph(lang.pick(
            "Registeret rummer ingen organisationer.",
            "Registeret inneholder ingen organisasjoner.",
            "Registret innehåller inga organisationer.",
            "The register holds no organisations.",
        ));
    } else {
        let header = vec![
            lang.pick(
                "Organisation",
                "Organisasjon",
                "Organisation",
                "Organisation",
            )
            .to_string(),
            lang.pick("Rolle", "Rolle", "Roll", "Role").to_string(),
            lang.pick(
                "Databehandleraftale",
                "Databehandleravtale",
                "Biträdesavtal",
                "Processing agreement",
            )
            .to_string(),
            l.transfers.to_string(),
        ];
        let rows = orgs
            .iter()
            .map(|o| {
                let dpa = match (o.dpa_signed_on, &o.dpa_reference) {
                    (Some(d), Some(r)) => format!("{}, {r}", lang.long_date(d)),
                    (Some(d), None) => lang.long_date(d),
                    (None, _)
                        if matches!(o.kind, OrganisationKind::Bank | OrganisationKind::Auditor) =>
                    {
                        lang.pick(
                            "Ikke relevant (selvstændig dataansvarlig)",
                            "Ikke relevant (selvstendig behandlingsansvarlig)",
                            "Ej tillämpligt (självständigt personuppgiftsansvarig)",
                            "Not applicable (independent controller)",
                        )
                        .to_string()
                    }
                    (None, _) => lang
                        .pick("Mangler", "Mangler", "Saknas", "Missing")
                        .to_string(),
                };
                let transfer = match &o.third_country {
                    Some(c) => format!(
                        "{}: {}",
                        sections::country_name(c, lang),
                        o.transfer_safeguard
                            .as_deref()
                            .map(|s| sections::safeguard_text(s, lang))
                            .unwrap_or_else(|| lang
                                .pick(
                                    "intet grundlag",
                                    "ikke noe grunnlag",
                                    "ingen skyddsåtgärd",
                                    "no safeguard"
                                )
                                .to_string())
                    ),
                    None => lang.pick("Nej", "Nei", "Nej", "No").to_string(),
                };
                let role = organisation_role(o, lang);
                let role = role.split(';').next().unwrap_or(&role).to_string();
                vec![o.name.clone(), role, dpa, transfer]
            })
            .collect();
        doc.table(&[3.0, 4.0, 2.5, 2.5], header, rows);
    }

    doc.heading(lang.pick(
        "Privatlivspolitikken",
        "Personvernerklæringen",
        "Integritetspolicyn",
        "The privacy notice",
    ));
    let mut issued = notice::editions(conn)?;
    if issued.is_empty() {
        doc.paragraph(lang.pick(
            "Der er endnu ikke udsendt en privatlivspolitik. Når bestyrelsen udsender den, noteres udgaven her.",
            "Det er ennå ikke sendt ut noen personvernerklæring. Når styret sender den ut, noteres utgaven her.",
            "Ingen integritetspolicy har getts ut ännu. När styrelsen ger ut den noteras utgåvan här.",
            "No privacy notice has been issued yet. When the board issues it, the edition is noted here.",
        ));
    } else {
        issued.sort_by(|a, b| (&a.language, a.version).cmp(&(&b.language, b.version)));
        let header = vec![
            lang.pick("Sprog", "Språk", "Språk", "Language").to_string(),
            lang.pick("Version", "Versjon", "Version", "Version")
                .to_string(),
            lang.pick("Gældende fra", "Gjelder fra", "Gäller från", "Effective")
                .to_string(),
        ];
        let rows = issued
            .iter()
            .map(|e| {
                let effective = crate::register::parse_iso_date(&e.effective_on)
                    .map(|d| lang.long_date(d))
                    .unwrap_or_else(|| e.effective_on.clone());
                vec![e.language.clone(), e.version.to_string(), effective]
            })
            .collect();
        doc.table(&[1.0, 1.0, 3.0], header, rows);
    }

    doc.heading(lang.pick(
        "Tekniske og organisatoriske sikkerhedsforanstaltninger",
        "Tekniske og organisatoriske sikkerhetstiltak",
        "Tekniska och organisatoriska säkerhetsåtgärder",
        "Technical and organisational security measures",
    ));
    doc.bullets(sections::security(lang, a.country, &orgs));
    doc.blocks.extend(sections::other_records(
        lang,
        &super::activities::Facts::of(conn)?,
    ));
    Ok(doc)
}
