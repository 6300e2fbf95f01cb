//! The words the requests' documents use in the four languages: kinds of request, statuses,
//! roles, dates.

use chrono::NaiveDate;

use super::{RequestKind, RequestStatus};
use crate::document::Lang;
use crate::i18n::glossary;
use crate::register::roles::RoleKind;

pub(crate) fn kind(lang: Lang, kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => lang.texts().requests.access,
        RequestKind::Rectification => lang.texts().requests.rectification,
        RequestKind::Erasure => lang.texts().requests.erasure,
        RequestKind::Restriction => lang.texts().requests.restriction,
        RequestKind::Objection => lang.texts().requests.objection,
        RequestKind::Portability => lang.texts().requests.portability,
    }
}

pub(crate) fn status(lang: Lang, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Open => lang.texts().requests.open,
        RequestStatus::Answered => lang.texts().requests.answered,
        RequestStatus::Refused => lang.texts().requests.refused,
        RequestStatus::Withdrawn => lang.texts().requests.withdrawn,
    }
}

/// A role's name, from the glossary (the same word the UI shows).
pub(crate) fn role(lang: Lang, kind: RoleKind) -> &'static str {
    &glossary::term(lang, kind.term()).one
}

/// A date as tables show it: ISO, which reads the same in all four languages.
pub(crate) fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An optional date, or a dash.
pub(crate) fn maybe(date: Option<NaiveDate>) -> String {
    date.map(day).unwrap_or_else(|| "–".into())
}
