//! What the register knows, loaded into the redaction engine's [`Context`] for one document date.
//!
//! Everyone in the register is a resident whose name must go (owners past and present, subtenants,
//! people with a role), with the units and addresses they owned and their phone and e-mail. Every
//! role becomes an official with its period; the engine keeps the name when a role covers the
//! document's date. Organisations, the association's own name and address, and the streets and
//! towns of its units stay.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::Error;
use crate::association;
use crate::redact::{Context, KnownPerson, Official, RoleKind as RedactRole};
use crate::register::roles::{self, RoleKind};
use crate::register::{ownership, people, units};

fn register_error(e: impl std::error::Error + Send + Sync + 'static) -> Error {
    Error::Register(Box::new(e))
}

fn role_kind(kind: RoleKind) -> RedactRole {
    // Every register role is a glossary role, so `of_term` always has a kind for it.
    RedactRole::of_term(kind.term()).unwrap_or(RedactRole::Other)
}

/// The street of an address: the words before the first digit ("Kastanjevej 4, 2. tv." →
/// "Kastanjevej").
fn street(address: &str) -> Option<String> {
    let s = address
        .split(|c: char| c.is_ascii_digit())
        .next()?
        .trim()
        .trim_end_matches(',')
        .trim();
    (s.chars().count() >= 3).then(|| s.to_string())
}

/// Whether the first number of `address` is a range of house numbers ("Slåttervägen 1–37, …").
fn gives_a_range(address: &str) -> bool {
    address
        .split_whitespace()
        .find(|w| w.starts_with(|c: char| c.is_ascii_digit()))
        .is_some_and(|w| w.trim_end_matches(',').contains(['-', '–', '—']))
}

/// A unit's address as the minutes write it: a register of row houses often holds the house number
/// alone ("22", "14 B") where every house stands on the association's street, so such a number is
/// read on that street ("Slåttervägen 22"), the street of the association's own address. Any other
/// address is as registered.
fn on_the_associations_street(address: &str, association_street: Option<&str>) -> String {
    let a = address.trim();
    let digits = a.chars().take_while(char::is_ascii_digit).count();
    let rest = a[digits..].trim_start();
    let bare_number = (1..=4).contains(&digits)
        && (rest.is_empty()
            || (rest.chars().count() == 1 && rest.chars().all(char::is_alphabetic)));
    match association_street {
        Some(street) if bare_number => format!("{street} {a}"),
        _ => address.to_string(),
    }
}

/// The redaction context for a document dated `document_date` (`None`: every role counts as valid).
pub fn redaction_context(
    conn: &Connection,
    document_date: Option<NaiveDate>,
) -> Result<Context, Error> {
    context(conn, document_date, None)
}

/// The redaction context for everyone but person `except`, whose own roles are left out too:
/// what must vanish from a document meant for that person (an access reply's excerpts).
pub fn redaction_context_without(
    conn: &Connection,
    document_date: Option<NaiveDate>,
    except: crate::register::Id,
) -> Result<Context, Error> {
    context(conn, document_date, Some(except))
}

fn context(
    conn: &Connection,
    document_date: Option<NaiveDate>,
    except: Option<crate::register::Id>,
) -> Result<Context, Error> {
    let assoc = association::get(conn).map_err(register_error)?;
    let mut ctx = Context::new(assoc.country);
    ctx.document_date = document_date;
    ctx.places.push(assoc.name.clone());
    // The street of an address that gives its houses' range ("Slåttervägen 1–37"); one number
    // is one building, whose units are flats.
    let association_street = assoc
        .address
        .as_deref()
        .filter(|a| gives_a_range(a))
        .and_then(street);
    if let Some(a) = &assoc.address {
        ctx.places.push(a.clone());
        ctx.places.extend(street(a));
    }

    for r in roles::list(conn).map_err(register_error)? {
        if Some(r.person_id) == except {
            continue;
        }
        ctx.officials.push(Official {
            name: r.person_name.clone(),
            role: role_kind(r.kind),
            valid_from: r.from,
            valid_to: r.to,
        });
    }

    for o in crate::register::organisations::list(conn).map_err(register_error)? {
        ctx.organisations.push(o.name);
    }

    let all_units = units::list(conn, document_date.unwrap_or_default()).map_err(register_error)?;
    for u in &all_units {
        for place in [
            u.unit.address.as_deref().and_then(street),
            u.unit.postcode_city.clone(),
        ]
        .into_iter()
        .flatten()
        {
            if !ctx.places.contains(&place) {
                ctx.places.push(place);
            }
        }
    }

    for p in people::all(conn).map_err(register_error)? {
        if Some(p.id) == except {
            continue;
        }
        let owned = ownership::of_person(conn, p.id).map_err(register_error)?;
        // The unit owned on the document's date, else the latest one.
        let held = owned
            .iter()
            .find(|o| document_date.is_some_and(|d| ownership::is_current(o, d)))
            .or_else(|| owned.last());
        let unit = held.and_then(|o| all_units.iter().find(|u| u.unit.id == o.unit_id));
        let address = unit.and_then(|u| {
            let street = on_the_associations_street(
                u.unit.address.as_deref()?,
                association_street.as_deref(),
            );
            Some(match u.unit.floor_side.as_deref() {
                Some(fs) if !fs.is_empty() => format!("{street}, {fs}"),
                _ => street.to_string(),
            })
        });
        ctx.residents.push(KnownPerson {
            name: p.name,
            unit: unit.map(|u| u.unit.number.clone()),
            flat: unit.and_then(|u| u.unit.flat.clone()),
            address,
            phones: p.phone.into_iter().collect(),
            emails: p.email.into_iter().collect(),
        });
    }
    Ok(ctx)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_house_number_alone_is_on_the_associations_street() {
        let street = Some("Tranbärsgatan");
        assert_eq!(on_the_associations_street("7", street), "Tranbärsgatan 7");
        assert_eq!(
            on_the_associations_street("14B", street),
            "Tranbärsgatan 14B"
        );
        assert_eq!(
            on_the_associations_street("14 b", street),
            "Tranbärsgatan 14 b"
        );
        // A full address, a flat code or a number without an association's street: as registered.
        assert_eq!(
            on_the_associations_street("Måsvägen 3", street),
            "Måsvägen 3"
        );
        assert_eq!(on_the_associations_street("H0203", street), "H0203");
        assert_eq!(on_the_associations_street("12 tv", street), "12 tv");
        assert_eq!(on_the_associations_street("7", None), "7");
    }

    #[test]
    fn only_a_range_of_numbers_gives_the_houses_street() {
        assert!(gives_a_range("Tranbärsgatan 1–37, 434 47 Kungsbacka"));
        assert!(gives_a_range("Tranbärsgatan 2-12"));
        assert!(!gives_a_range("Tranbärsgatan 14, 413 07 Göteborg"));
        assert!(!gives_a_range("Tranbärsgatan"));
    }
}
