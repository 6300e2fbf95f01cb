//! The home of the words Andel's documents use, per language.
//!
//! [`glossary`] holds the board's own words: one glossary per country's language (and English),
//! read from `assets/i18n/glossary/*.json`, the same files the UI imports when it is built, so a
//! term changes in one place for the app and every document. It also knows the words each
//! language must not use (the wrong word for the board's world, another language's word, English
//! in a Nordic text), the quotation marks each language writes, and the possessive of a name.

pub mod glossary;

pub use glossary::{possessive, term, Term};
