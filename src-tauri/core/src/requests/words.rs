//! The words the requests' documents use in the four languages: kinds of request, statuses,
//! roles, dates.

use chrono::NaiveDate;

use super::{RequestKind, RequestStatus};
use crate::document::Lang;
use crate::register::roles::RoleKind;

pub(crate) fn kind(lang: Lang, kind: RequestKind) -> &'static str {
    match kind {
        RequestKind::Access => lang.pick("indsigt", "innsyn", "tillgång", "access"),
        RequestKind::Rectification => {
            lang.pick("berigtigelse", "retting", "rättelse", "rectification")
        }
        RequestKind::Erasure => lang.pick("sletning", "sletting", "radering", "erasure"),
        RequestKind::Restriction => lang.pick(
            "begrænsning af behandling",
            "begrensning av behandling",
            "begränsning av behandling",
            "restriction of processing",
        ),
        RequestKind::Objection => lang.pick("indsigelse", "protest", "invändning", "objection"),
        RequestKind::Portability => lang.pick(
            "dataportabilitet",
            "dataportabilitet",
            "dataportabilitet",
            "data portability",
        ),
    }
}

pub(crate) fn status(lang: Lang, status: RequestStatus) -> &'static str {
    match status {
        RequestStatus::Open => lang.pick("åben", "åpen", "öppen", "open"),
        RequestStatus::Answered => lang.pick("besvaret", "besvart", "besvarad", "answered"),
        RequestStatus::Refused => lang.pick("afvist", "avslått", "avslagen", "refused"),
        RequestStatus::Withdrawn => lang.pick(
            "trukket tilbage",
            "trukket tilbake",
            "återkallad",
            "withdrawn",
        ),
    }
}

pub(crate) fn role(lang: Lang, kind: RoleKind) -> &'static str {
    match kind {
        RoleKind::Chair => lang.pick("formand", "styreleder", "ordförande", "chair"),
        RoleKind::ViceChair => {
            lang.pick("næstformand", "nestleder", "vice ordförande", "vice-chair")
        }
        RoleKind::Treasurer => lang.pick("kasserer", "kasserer", "kassör", "treasurer"),
        RoleKind::Secretary => lang.pick("sekretær", "sekretær", "sekreterare", "secretary"),
        RoleKind::BoardMember => lang.pick(
            "bestyrelsesmedlem",
            "styremedlem",
            "styrelseledamot",
            "board member",
        ),
        RoleKind::Alternate => lang.pick("suppleant", "varamedlem", "suppleant", "alternate"),
        RoleKind::MeetingChair => lang.pick(
            "dirigent",
            "møteleder",
            "stämmoordförande",
            "chair of meeting",
        ),
        RoleKind::MinuteTaker => lang.pick(
            "referent",
            "protokollfører",
            "protokollförare",
            "minute-taker",
        ),
        RoleKind::Auditor => lang.pick("revisor", "revisor", "revisor", "auditor"),
        RoleKind::NominationCommittee => lang.pick(
            "valgudvalg",
            "valgkomité",
            "valberedning",
            "nomination committee",
        ),
        RoleKind::Webmaster => lang.pick("webmaster", "webansvarlig", "webbansvarig", "webmaster"),
    }
}

/// A date as tables show it: ISO, which reads the same in all four languages.
pub(crate) fn day(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// An optional date, or a dash.
pub(crate) fn maybe(date: Option<NaiveDate>) -> String {
    date.map(day).unwrap_or_else(|| "–".into())
}
