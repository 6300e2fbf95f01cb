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
    let mut doc = Document::new(lang.texts().record.title, lang, now);
    doc.letterhead = Some(Letterhead::of(&a));
    let date = lang.long_date(today);
    doc.subtitle = Some((lang.texts().record.subtitle)(&date));
    doc.blocks
        .extend(notice::controller(&a, lang, notice::Reader::Authority));

    // The record speaks of data subjects; the notice's texts speak to "you".
    let facts = activities::Facts::of(conn)?;
    let all: Vec<activities::Activity> = activities::current(conn, lang)?
        .into_iter()
        .map(|a| activities::in_record_voice(a, lang, &facts))
        .collect();
    let security = lang.texts().record.security_measures;
    doc.heading(lang.texts().record.processing_activities);
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
        let none = lang.texts().record.none.to_string();
        rows.extend([
            (
                lang.texts().record.subject_categories.to_string(),
                act.text.subject_categories.clone(),
            ),
            (
                lang.texts().record.data_categories.to_string(),
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
                lang.texts().record.erasure_time_limits.to_string(),
                act.text.retention.clone(),
            ),
            (
                security.to_string(),
                lang.texts().record.see_security.to_string(),
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
            lang.texts().record.stopped_activities,
            stopped.join(", ")
        ));
    }

    doc.heading(lang.texts().record.recipients_heading);
    if orgs.is_empty() {
        doc.paragraph(lang.texts().record.no_organisations);
    } else {
        let header = vec![
            lang.texts().record.organisation.to_string(),
            lang.texts().record.role.to_string(),
            lang.texts().record.processing_agreement.to_string(),
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
                        lang.texts().record.not_applicable_controller.to_string()
                    }
                    (None, _) => lang.texts().record.missing.to_string(),
                };
                let transfer = match &o.third_country {
                    Some(c) => format!(
                        "{}: {}",
                        sections::country_name(c, lang),
                        sections::safeguard(o, lang).unwrap_or_else(|| lang
                            .texts()
                            .record
                            .no_safeguard
                            .to_string())
                    ),
                    None => lang.texts().record.no.to_string(),
                };
                let role = organisation_role(o, lang);
                let role = role.split(';').next().unwrap_or(&role).to_string();
                vec![o.name.clone(), role, dpa, transfer]
            })
            .collect();
        doc.table(&[3.0, 4.0, 2.5, 2.5], header, rows);
    }

    doc.heading(lang.texts().record.privacy_notice);
    let mut issued = notice::editions(conn)?;
    if issued.is_empty() {
        doc.paragraph(lang.texts().record.no_privacy_notice_has);
    } else {
        issued.sort_by(|a, b| (&a.language, a.version).cmp(&(&b.language, b.version)));
        let header = vec![
            lang.texts().record.language.to_string(),
            lang.texts().record.version.to_string(),
            lang.texts().record.effective.to_string(),
        ];
        let rows = issued
            .iter()
            .map(|e| {
                let effective = crate::dates::parse_iso(&e.effective_on)
                    .map(|d| lang.long_date(d))
                    .unwrap_or_else(|| e.effective_on.clone());
                vec![e.language.clone(), e.version.to_string(), effective]
            })
            .collect();
        doc.table(&[1.0, 1.0, 3.0], header, rows);
    }

    doc.heading(lang.texts().record.security_heading);
    doc.bullets(sections::security(lang, a.country, &orgs));
    doc.blocks.extend(sections::other_records(lang, &facts));
    // The active activities are stated in full, the stopped ones by name; every organisation's
    // transfer is in the table.
    let active: Vec<activities::Activity> = all.iter().filter(|a| a.active).cloned().collect();
    doc.fallbacks = sections::fallbacks(&active, &orgs, lang);
    doc.fallbacks.extend(
        all.iter()
            .filter(|a| !a.active)
            .flat_map(activities::Activity::document_fallbacks)
            .filter(|f| f.field == activities::ActivityField::Name.column()),
    );
    Ok(doc)
}
