//! The shape of the document texts: one struct per document (or per module that writes texts),
//! gathered in [`Texts`]. Each language fills every field in its own file (`da.rs`, `nb.rs`,
//! `sv.rs`, `en.rs`), so a text missing in one language does not compile.
//!
//! A field is named after what the text is for, in English; its value in each language is in
//! that language's file. A text with values in the middle of a sentence ("Privatlivspolitik for
//! {name}") is a function field, `fn(&dyn Display) -> String`, filled in each language file with a
//! `format!` closure, so the values it takes are checked by the compiler too; call it as
//! `(lang.texts().notice.title)(&name)`. Function fields are skipped by `Serialize`, which the
//! tests use to walk every plain text.

use std::fmt::Display;

use serde::Serialize;

/// Every text of Andel's documents, in one language.
#[derive(Debug, Serialize)]
pub struct Texts {
    pub common: Common,
    pub plates_order: PlatesOrder,
    pub handover: Handover,
    pub requests: Requests,
    pub record: Record,
    pub notice: Notice,
    pub activities: Activities,
    pub personal_reply: PersonalReply,
    pub sections: Sections,
    pub access: Access,
    pub redaction: Redaction,
}

/// What stands where personal data was redacted from minutes: a label per kind ("[navn]"; a
/// national ID by the name its country gives it), and the word before a pseudonym's letters
/// ("Andelshaver A").
#[derive(Debug, Serialize)]
pub struct Redaction {
    pub person: &'static str,
    pub phone: &'static str,
    pub email: &'static str,
    pub national_id: &'static str,
    pub account: &'static str,
    pub address: &'static str,
    pub plate: &'static str,
    pub other: &'static str,
    pub pseudonym: &'static str,
}

/// Words many documents share.
#[derive(Debug, Serialize)]
pub struct Common {
    pub to: &'static str,
    pub from: &'static str,
    pub date: &'static str,
    pub address: &'static str,
    pub roles: &'static str,
    pub name: &'static str,
    /// "Side 1 af 3": the page number in a document's footer.
    #[serde(skip)]
    pub page_of: fn(&dyn Display, &dyn Display) -> String,
    /// The months' names, January first.
    pub months: [&'static str; 12],
    /// "23. november 2026": a date in running text from its day, month name and year.
    #[serde(skip)]
    pub long_date: fn(u32, &str, i32) -> String,
}

/// The name-plate order for the caretaker (`register::plates_order`).
#[derive(Debug, Serialize)]
pub struct PlatesOrder {
    pub door: &'static str,
    pub mailbox: &'static str,
    pub title: &'static str,
    pub plates_counted: &'static str,
    pub board_of: &'static str,
    pub request: &'static str,
    pub text_on_plate: &'static str,
    pub plates: &'static str,
    /// The column with the day each order was made (the order's own date, not the letter's).
    pub ordered_on: &'static str,
    pub order: &'static str,
    pub discard_note: &'static str,
}

/// The receipt of the archive's handover to a new board (`crate::handover`).
#[derive(Debug, Serialize)]
pub struct Handover {
    pub title: &'static str,
    pub not_recorded: &'static str,
    pub summary: &'static str,
    pub members_keys: &'static str,
    pub new_passphrase: &'static str,
    pub yes: &'static str,
    pub association: &'static str,
    pub outgoing_board: &'static str,
    pub incoming_board: &'static str,
    pub new_file: &'static str,
    pub protection: &'static str,
    pub opened_and_checked: &'static str,
    pub fingerprint_note: &'static str,
    pub contents: &'static str,
    pub people: &'static str,
    pub ownerships: &'static str,
    pub name_plate_orders: &'static str,
    pub organisations: &'static str,
    pub requests: &'static str,
    pub audit_entries: &'static str,
    pub kind: &'static str,
    pub count: &'static str,
    pub checklist: &'static str,
    pub sweep_nothing_due: &'static str,
    /// "{n}": how many records the retention sweep deleted or anonymised since the archive was
    /// last handed over (or made).
    pub sweep_run: &'static str,
    /// "{list}": what is still past its retention, by kind with counts.
    pub sweep_still_due: &'static str,
    pub due_former_owner_contact: &'static str,
    pub due_former_subtenant_contact: &'static str,
    pub due_rejected_sublet: &'static str,
    pub due_mounted_plate_order: &'static str,
    pub due_closed_request: &'static str,
    pub passwords_changed: &'static str,
    pub copies_deleted: &'static str,
    /// The boards review the agreements the register records, with these organisations.
    #[serde(skip)]
    pub agreements_reviewed: fn(&dyn Display) -> String,
    /// These processors have no recorded agreement.
    #[serde(skip)]
    pub agreements_missing: fn(&dyn Display) -> String,
    pub passphrase_in_person: &'static str,
    pub signatures: &'static str,
    pub for_outgoing_board: &'static str,
    pub for_incoming_board: &'static str,
}

/// The words of residents' requests: kinds, statuses (`requests::words`, `requests::erase`).
#[derive(Debug, Serialize)]
pub struct Requests {
    pub access: &'static str,
    pub rectification: &'static str,
    pub erasure: &'static str,
    pub restriction: &'static str,
    pub objection: &'static str,
    pub portability: &'static str,
    pub open: &'static str,
    pub answered: &'static str,
    pub refused: &'static str,
    pub withdrawn: &'static str,
    pub erased_person: &'static str,
}

/// The record of processing activities (`privacy::record`).
#[derive(Debug, Serialize)]
pub struct Record {
    pub title: &'static str,
    pub security_measures: &'static str,
    pub processing_activities: &'static str,
    pub none: &'static str,
    pub subject_categories: &'static str,
    pub data_categories: &'static str,
    pub erasure_time_limits: &'static str,
    pub see_security: &'static str,
    pub stopped_activities: &'static str,
    pub recipients_heading: &'static str,
    pub no_organisations: &'static str,
    pub organisation: &'static str,
    pub role: &'static str,
    pub processing_agreement: &'static str,
    pub not_applicable_controller: &'static str,
    pub missing: &'static str,
    pub no_safeguard: &'static str,
    pub no: &'static str,
    pub privacy_notice: &'static str,
    pub no_privacy_notice_has: &'static str,
    pub language: &'static str,
    pub version: &'static str,
    pub effective: &'static str,
    pub security_heading: &'static str,
    #[serde(skip)]
    pub subtitle: fn(&dyn Display) -> String,
}

/// The privacy notice (`privacy::notice`).
#[derive(Debug, Serialize)]
pub struct Notice {
    pub cvr_number: &'static str,
    pub organisation_number: &'static str,
    pub board_email: &'static str,
    pub reach_by_letter: &'static str,
    pub controller: &'static str,
    pub no_dpo: &'static str,
    pub must_you_give_data: &'static str,
    pub data_needed: &'static str,
    pub protection_heading: &'static str,
    pub changes_and_version: &'static str,
    #[serde(skip)]
    pub title: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub reach_by_email: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub controller_is: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub breach_heading: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub breach_procedure: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub version_note: fn(&dyn Display, &dyn Display) -> String,
    #[serde(skip)]
    pub intro: fn(&dyn Display) -> String,
    /// "Version 3 · gældende fra 1. marts 2026": the subtitle of an issued notice.
    #[serde(skip)]
    pub subtitle_issued: fn(&dyn Display, &dyn Display) -> String,
    /// The subtitle of a draft that is not issued yet.
    #[serde(skip)]
    pub subtitle_draft: fn(&dyn Display, &dyn Display) -> String,
}

/// The legal bases and retention periods of the processing activities (`privacy::activities`; the default activities' own texts are in `assets/privacy/activities.json`).
#[derive(Debug, Serialize)]
pub struct Activities {
    pub consent: &'static str,
    pub contract: &'static str,
    pub legal_obligation: &'static str,
    pub legitimate_interest: &'static str,
    pub without_time_limit: &'static str,
    pub bookkeeping_dk: &'static str,
    pub bookkeeping_no: &'static str,
    pub bookkeeping_se: &'static str,
    /// "databeskyttelsesforordningens art. 6, stk. 1, litra f": the article of a legal basis by
    /// its letter.
    #[serde(skip)]
    pub article: fn(char) -> String,
    /// "1 år", "år", "1 måned", "måneder": a retention period's words.
    pub one_year: &'static str,
    pub years: &'static str,
    pub one_month: &'static str,
    pub months: &'static str,
}

/// The access reply's account of processing for one person (`privacy::reply`). Texts with
/// `{roles}`, `{names}`, `{law}`, `{member}` or `{subtenant}` get those joined in.
#[derive(Debug, Serialize)]
pub struct PersonalReply {
    pub former: &'static str,
    pub board_member_or_official: &'static str,
    pub not_registered: &'static str,
    pub plate_unit: &'static str,
    pub name_plate_for: &'static str,
    pub and: &'static str,
    pub purposes_heading: &'static str,
    pub no_purpose: &'static str,
    pub purposes_intro: &'static str,
    pub other_records: &'static str,
    pub received_heading: &'static str,
    pub no_disclosure: &'static str,
    pub disclosures_intro: &'static str,
    pub recipient: &'static str,
    pub what: &'static str,
    pub date: &'static str,
    pub processors_heading: &'static str,
    pub processors_intro: &'static str,
    pub outside_heading: &'static str,
    pub object_heading: &'static str,
    pub object_none: &'static str,
    pub rights_heading: &'static str,
    pub rectification_heading: &'static str,
    pub rectification: &'static str,
    pub erasure_heading: &'static str,
    pub erasure_intro: &'static str,
    pub erasure_not_needed: &'static str,
    pub erasure_consent_withdrawn: &'static str,
    pub erasure_objection: &'static str,
    pub erasure_unlawful: &'static str,
    pub erasure_legal_duty: &'static str,
    pub erasure_child: &'static str,
    pub erasure_exceptions: &'static str,
    pub restriction_heading: &'static str,
    pub restriction_intro: &'static str,
    pub restriction_contested: &'static str,
    pub restriction_unlawful: &'static str,
    pub restriction_claims: &'static str,
    pub restriction_objected: &'static str,
    pub restriction_effect: &'static str,
    pub portability_heading: &'static str,
    pub portability: &'static str,
    pub consent_heading: &'static str,
    pub consent: &'static str,
    pub outsider: &'static str,
    pub holds_you_as: &'static str,
    pub outside_text: &'static str,
    pub object_text: &'static str,
    pub rights_intro: &'static str,
}

/// The privacy notice's sections on purposes, recipients, transfers, rights and security (`privacy::sections`).
#[derive(Debug, Serialize)]
pub struct Sections {
    pub administrator_does: &'static str,
    pub caretaker_does: &'static str,
    /// A recipient of name plates that go through the caretaker: the engraver the caretaker
    /// (its definite form given) orders them from.
    #[serde(skip)]
    pub engraver: fn(&dyn Display) -> String,
    pub cloud_does: &'static str,
    pub newsletter_does: &'static str,
    pub bank: &'static str,
    pub payments: &'static str,
    pub auditor_does: &'static str,
    pub supplier: &'static str,
    pub independent_controller: &'static str,
    pub country_us: &'static str,
    pub country_gb: &'static str,
    pub country_ch: &'static str,
    pub country_ca: &'static str,
    pub country_in: &'static str,
    pub country_au: &'static str,
    pub country_jp: &'static str,
    pub safeguard_dpf: &'static str,
    pub safeguard_scc: &'static str,
    pub no_safeguard_recorded: &'static str,
    pub purpose: &'static str,
    pub legitimate_interest: &'static str,
    pub data: &'static str,
    pub whom_it_concerns: &'static str,
    pub source: &'static str,
    pub recipients: &'static str,
    pub transfers: &'static str,
    pub retention: &'static str,
    pub no_recipients: &'static str,
    pub purposes_heading: &'static str,
    pub law_dk: &'static str,
    pub law_no: &'static str,
    pub law_se: &'static str,
    pub right_of_access: &'static str,
    pub right_to_rectification: &'static str,
    pub right_to_erasure: &'static str,
    pub right_to_restriction: &'static str,
    pub right_to_object: &'static str,
    pub right_to_portability: &'static str,
    pub right_to_withdraw: &'static str,
    pub rights_heading: &'static str,
    pub exercise_heading: &'static str,
    pub how_to_write: &'static str,
    pub complaints_heading: &'static str,
    pub authority: &'static str,
    pub website: &'static str,
    pub security_encrypted: &'static str,
    pub security_access: &'static str,
    pub security_log: &'static str,
    pub security_publishing: &'static str,
    pub kept_log: &'static str,
    pub kept_offices: &'static str,
    pub kept_minutes: &'static str,
    pub other_records_heading: &'static str,
    pub one_month: &'static str,
    #[serde(skip)]
    pub processor_since: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub transfer: fn(&dyn Display, &dyn Display, &dyn Display) -> String,
    #[serde(skip)]
    pub rights_intro: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub complaint: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub national_ids_own: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub register_refuses_ids: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub processors_list: fn(&dyn Display) -> String,
    #[serde(skip)]
    pub requests_record: fn(&dyn Display) -> String,
    /// The seven rights by the names the authority of the language's country uses.
    pub right_names: [&'static str; 7],
}

/// The reply to a resident's request for access (`requests::access`).
#[derive(Debug, Serialize)]
pub struct Access {
    pub title: &'static str,
    pub subtitle: &'static str,
    pub request_received: &'static str,
    pub our_reference: &'static str,
    pub we_confirm: &'static str,
    pub copy_below: &'static str,
    pub what_we_searched: &'static str,
    pub register_heading: &'static str,
    pub you: &'static str,
    pub phone: &'static str,
    pub e_mail: &'static str,
    pub note: &'static str,
    pub not_in_register: &'static str,
    pub unit: &'static str,
    pub ownership: &'static str,
    pub approved: &'static str,
    /// After "approved": on the special grounds of borettslagsloven § 5-6 (1) nr. {number}.
    #[serde(skip)]
    pub on_special_grounds: fn(&dyn Display) -> String,
    pub rejected: &'static str,
    pub pending: &'static str,
    pub as_word: &'static str,
    pub period: &'static str,
    pub requested: &'static str,
    pub decision: &'static str,
    pub reason: &'static str,
    pub name_plates: &'static str,
    pub text: &'static str,
    pub created: &'static str,
    pub sent: &'static str,
    pub mounted: &'static str,
    pub role: &'static str,
    pub requests_heading: &'static str,
    pub kind: &'static str,
    pub received: &'static str,
    pub deadline: &'static str,
    pub status: &'static str,
    pub minutes_heading: &'static str,
    pub not_mentioned: &'static str,
    pub minutes_kept: &'static str,
    pub automated_heading: &'static str,
    pub no_automated_decisions: &'static str,
    pub questions: &'static str,
}
