//! The shape of the document texts: one struct per document (or per module that writes texts),
//! gathered in [`Texts`]. Each language fills every field in its own file (`da.rs`, `nb.rs`,
//! `sv.rs`, `en.rs`), so a text missing in one language does not compile.
//!
//! A field is named after what the text is for, in English; its value in each language is in
//! that language's file. A text that needs values (a name, a date, a count) keeps its wording
//! here and the caller joins the values in, as the call site did before.

use serde::Serialize;

/// Every text of Andel's documents, in one language.
#[derive(Debug, Serialize)]
pub struct Texts {
    pub common: Common,
    pub plates_order: PlatesOrder,
    pub handover: Handover,
    pub requests: Requests,
}

/// Words many documents share.
#[derive(Debug, Serialize)]
pub struct Common {
    pub to: &'static str,
    pub from: &'static str,
    pub date: &'static str,
    pub address: &'static str,
    pub roles: &'static str,
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
    pub order: &'static str,
    pub discard_note: &'static str,
}

/// The receipt of the archive's handover to a new board (`requests::handover`).
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
    pub units: &'static str,
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
    pub sweep_deleted: &'static str,
    pub passwords_changed: &'static str,
    pub outgoing_members_have_deleted: &'static str,
    pub agreements_reviewed: &'static str,
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
