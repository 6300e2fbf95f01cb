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
}

/// Words many documents share.
#[derive(Debug, Serialize)]
pub struct Common {
    pub to: &'static str,
    pub from: &'static str,
    pub date: &'static str,
    pub address: &'static str,
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
