//! The name-plate order for the caretaker: which plates to make, for which unit, with which text.
//!
//! The order carries the unit, its address, the text lines, the plate kinds and the day the order
//! was made, and nothing else personal: no owners, no phone numbers, no e-mail addresses of
//! residents. The caretaker needs to know what to engrave and where to mount it, not who lives
//! there.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::Connection;

use super::organisations::{self, OrganisationKind};
use super::plates::{self, PlateKind, PlateOrder, PlateStatus};
use super::units;
use super::Id;
use crate::association;
use crate::document::{Document, Lang, Letterhead};
use crate::i18n::glossary::{self, Term};
use crate::Coded;
use crate::ErrorCode;

/// Why an order document could not be made.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// There are no drafts to order (and none were named).
    #[error(
        "No name-plate orders are waiting to be sent. Draft one on the Name plates screen \
         (or with `andel plates add`) first."
    )]
    NothingToOrder,
    /// Reading the name-plate orders, or recording one as sent, failed.
    #[error("{0}")]
    Plates(#[from] plates::Error),
    /// Reading the units the orders are for failed.
    #[error("{0}")]
    Units(#[from] units::Error),
    /// Reading the caretaker (the order's recipient) failed.
    #[error("{0}")]
    Organisations(#[from] organisations::Error),
    /// Reading the association for the letterhead failed.
    #[error("{0}")]
    Association(#[from] association::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::NothingToOrder => ErrorCode::InvalidInput,
            Error::Plates(e) => e.code(),
            Error::Units(e) => e.code(),
            Error::Organisations(e) => e.code(),
            Error::Association(e) => e.code(),
        }
    }
}

/// The orders a document is made of: the ones asked for, or every draft (not yet sent).
pub fn selected(conn: &Connection, ids: &[Id]) -> Result<Vec<PlateOrder>, Error> {
    let orders = if ids.is_empty() {
        plates::list(conn)?
            .into_iter()
            .filter(|o| o.status == PlateStatus::Draft)
            .collect()
    } else {
        let mut seen = Vec::new();
        let mut out = Vec::new();
        for id in ids {
            if !seen.contains(id) {
                seen.push(*id);
                out.push(plates::get(conn, *id)?);
            }
        }
        out
    };
    if orders.is_empty() {
        return Err(Error::NothingToOrder);
    }
    Ok(orders)
}

fn kind_word(kind: PlateKind, lang: Lang) -> &'static str {
    match kind {
        PlateKind::Door => lang.texts().plates_order.door,
        PlateKind::Mailbox => lang.texts().plates_order.mailbox,
        PlateKind::Intercom => &glossary::term(lang, Term::Intercom).one,
    }
}

/// The order document for the caretaker, in `lang`, dated `today`.
pub fn document(
    conn: &Connection,
    ids: &[Id],
    lang: Lang,
    today: NaiveDate,
    created: DateTime<Utc>,
) -> Result<Document, Error> {
    let orders = selected(conn, ids)?;
    let assoc = association::get(conn)?;
    let caretakers = organisations::of_kind(conn, OrganisationKind::Caretaker)?;

    let title = lang.texts().plates_order.title;
    let mut doc = Document::new(title, lang, created);
    doc.letterhead = Some(Letterhead::of(&assoc));
    let plates_total: usize = orders.iter().map(|o| o.kinds.len().max(1)).sum();
    doc.subtitle = Some(format!(
        "{} · {} {}",
        lang.long_date(today),
        plates_total,
        lang.texts().plates_order.plates_counted,
    ));

    let mut facts: Vec<(String, String)> = Vec::new();
    let to = if caretakers.is_empty() {
        glossary::capitalise(&glossary::term(lang, Term::Caretaker).the)
    } else {
        caretakers
            .iter()
            .map(|c| {
                let reach: Vec<&str> = [c.email.as_deref(), c.phone.as_deref()]
                    .into_iter()
                    .flatten()
                    .collect();
                if reach.is_empty() {
                    c.name.clone()
                } else {
                    format!("{} ({})", c.name, reach.join(", "))
                }
            })
            .collect::<Vec<_>>()
            .join("\n")
    };
    facts.push((lang.texts().common.to.into(), to));
    let from = match &assoc.email {
        Some(email) if !email.trim().is_empty() => format!(
            "{} {}, {email}",
            lang.texts().plates_order.board_of,
            assoc.name
        ),
        _ => format!("{} {}", lang.texts().plates_order.board_of, assoc.name),
    };
    facts.push((lang.texts().common.from.into(), from));
    facts.push((lang.texts().common.date.into(), lang.long_date(today)));
    doc.facts(facts);

    doc.paragraph(lang.texts().plates_order.request);

    let header = vec![
        glossary::term(lang, Term::Unit).label(),
        lang.texts().common.address.to_string(),
        lang.texts().plates_order.text_on_plate.to_string(),
        lang.texts().plates_order.plates.to_string(),
        lang.texts().plates_order.ordered_on.to_string(),
        lang.texts().plates_order.order.to_string(),
    ];
    let mut rows = Vec::with_capacity(orders.len());
    for order in &orders {
        let unit = units::get(conn, order.unit_id)?;
        let number = match &unit.flat {
            Some(flat) if !flat.trim().is_empty() && flat.trim() != unit.number => {
                format!("{} ({flat})", unit.number)
            }
            _ => unit.number.clone(),
        };
        let address: Vec<&str> = [unit.address.as_deref(), unit.floor_side.as_deref()]
            .into_iter()
            .flatten()
            .filter(|s| !s.trim().is_empty())
            .collect();
        let kinds: Vec<&str> = order.kinds.iter().map(|k| kind_word(*k, lang)).collect();
        rows.push(vec![
            number,
            address.join(", "),
            order.lines.join("\n"),
            kinds.join(", "),
            // The day the order was made, which may be before the day it was typed in or this
            // letter is written: the caretaker sees how long an order has waited.
            lang.long_date(order.created_on),
            format!("#{}", order.id),
        ]);
    }
    doc.table(&[1.0, 2.3, 2.5, 1.5, 1.6, 0.8], header, rows);
    doc.note(lang.texts().plates_order.discard_note);
    Ok(doc)
}

/// The caretaker the orders go to: the association's only one, or nobody when it has none or
/// several (then the board names them).
pub fn the_caretaker(conn: &Connection) -> Result<Option<Id>, Error> {
    let caretakers = organisations::of_kind(conn, OrganisationKind::Caretaker)?;
    Ok((caretakers.len() == 1).then(|| caretakers[0].id))
}

/// Records the drafts among the orders `ids` (every draft when empty) as sent on `on`, to the
/// caretaker when there is exactly one; orders sent before stay as they are. Returns how many
/// were marked.
pub fn mark_drafts_sent(
    conn: &Connection,
    ids: &[Id],
    on: NaiveDate,
    actor: &str,
    now: DateTime<Utc>,
) -> Result<u32, Error> {
    let to = the_caretaker(conn)?;
    let mut marked = 0;
    for order in selected(conn, ids)? {
        if order.status == PlateStatus::Draft {
            plates::mark_sent(conn, order.id, to, on, actor, now)?;
            marked += 1;
        }
    }
    Ok(marked)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::register::testing::{day, now, register};
    use crate::register::units::UnitFields;

    fn unit(conn: &Connection, number: &str, address: &str) -> Id {
        units::add(
            conn,
            &UnitFields {
                number: Some(number.into()),
                address: Some(address.into()),
                floor_side: Some("2. tv.".into()),
                ..Default::default()
            },
            "Test",
            now(),
        )
        .unwrap()
        .id
    }

    #[test]
    fn drafts_are_ordered_with_unit_text_and_kinds_only() {
        let conn = register(crate::association::Country::DK);
        let a = unit(&conn, "12", "Kastanjevej 3");
        let b = unit(&conn, "14", "Kastanjevej 5");
        let first = plates::add(
            &conn,
            a,
            &["Ida Holm".into(), "Jonas Holm".into()],
            &[PlateKind::Door, PlateKind::Mailbox],
            day("2026-11-01"),
            day("2026-11-01"),
            "Test",
            now(),
        )
        .unwrap();
        let sent = plates::add(
            &conn,
            b,
            &["Åse Ødegård".into()],
            &[],
            day("2026-11-01"),
            day("2026-11-01"),
            "Test",
            now(),
        )
        .unwrap();
        plates::mark_sent(&conn, sent.id, None, day("2026-11-02"), "Test", now()).unwrap();

        let doc = document(&conn, &[], Lang::Da, day("2026-11-23"), now()).unwrap();
        let text = doc.plain_text();
        assert!(text.contains("Bestilling af navneskilte"), "{text}");
        assert!(text.contains("Kastanjevej 3, 2. tv."), "{text}");
        assert!(text.contains("Ida Holm\nJonas Holm"), "{text}");
        assert!(text.contains("dør, postkasse"), "{text}");
        assert!(text.contains(&format!("#{}", first.id)));
        // The order already sent is not in a default order.
        assert!(!text.contains("Ødegård"), "{text}");
        // But it can be asked for by number.
        let again = document(&conn, &[sent.id], Lang::Sv, day("2026-11-23"), now()).unwrap();
        assert!(again.plain_text().contains("Åse Ødegård"));
        assert!(again.plain_text().contains("Beställning av namnskyltar"));
    }

    #[test]
    fn nothing_to_order_says_what_to_do() {
        let conn = register(crate::association::Country::NO);
        let err = document(&conn, &[], Lang::Nb, day("2026-11-23"), now()).unwrap_err();
        assert_eq!(err.code(), ErrorCode::InvalidInput);
        assert!(err.to_string().contains("Draft one"));
        let missing = document(&conn, &[999], Lang::Nb, day("2026-11-23"), now()).unwrap_err();
        assert_eq!(missing.code(), ErrorCode::NotFound);
    }
}
