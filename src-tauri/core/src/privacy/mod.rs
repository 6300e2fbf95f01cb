//! The association's GDPR paperwork: its processing activities (the Art. 30 record), the
//! privacy notice it gives residents (Art. 13/14), and the sections both share with the reply to
//! an access request (Art. 15).
//!
//! - Activities: [`activities::list`] (the editing screen; materialises the country's default
//!   set), [`activities::update`], [`activities::add`], [`activities::set_active`],
//!   [`activities::reset`].
//! - The access reply's account of processing for one person: [`reply::personal`],
//!   [`reply::blocks`].
//! - Shared sections: [`sections::purposes`], [`sections::rights`], [`sections::authority`].
//! - The notice: [`notice::notice`] (preview, writes nothing) and [`notice::issue`] (records the
//!   edition). The record: [`record::record`].
//!
//! Like the register, nothing here reads the clock: "today" and "now" are passed in.

pub mod activities;
pub mod notice;
pub mod record;
pub mod reply;
pub mod sections;

use crate::i18n::glossary::{self, Term};
use crate::register::{guard, organisations};
use crate::Coded;
use crate::{association, document, ErrorCode};

/// Why a privacy document or activity could not be made or changed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// No such activity.
    #[error("There is no processing activity #{0}.")]
    NotFound(u32),
    /// A new activity without a name.
    #[error("The processing activity needs a name.")]
    NoName,
    /// A new activity without a purpose.
    #[error("Say what the processing activity is for: its purpose.")]
    NoPurpose,
    /// A new activity without a legal basis.
    #[error("Choose the legal basis: consent, contract, legal-obligation or legitimate-interest.")]
    NoBasis,
    /// Legitimate interest chosen but not spelled out.
    #[error("With legitimate interest as the legal basis, the notice must say what the interest is: write it in.")]
    NoLegitimateInterest,
    /// Unknown legal basis.
    #[error("Unknown legal basis \"{0}\": use consent, contract, legal-obligation or legitimate-interest.")]
    UnknownBasis(String),
    /// A reset of a custom activity, which has no built-in text to go back to.
    #[error("Activity #{0} was added by the board, so it has no built-in text to go back to; edit the text instead.")]
    NotDefault(u32),
    /// A field holds a national ID.
    #[error("{0}")]
    NationalId(#[from] guard::Refused),
    /// Reading the association (its name, country and contact) failed.
    #[error("{0}")]
    Association(#[from] association::Error),
    /// Reading the organisations (recipients and processors) failed.
    #[error("{0}")]
    Organisation(#[from] organisations::Error),
    /// Rendering the notice or the record failed.
    #[error("{0}")]
    Document(#[from] document::Error),
    /// The retention rules could not be read.
    #[error("The retention rules could not be read: {0}")]
    Retention(#[source] crate::retention::Error),
    /// A notice without any way to reach the board.
    #[error("The association has neither an address nor an e-mail address, and a privacy notice must say how to reach the board: fill in at least one (in the app under Settings, or with `andel association set --address … --email …`), then issue the notice.")]
    NoContact,
    /// SQLite failed.
    #[error("Database error while {op}: {source}")]
    Database {
        op: &'static str,
        #[source]
        source: rusqlite::Error,
    },
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::NotFound(_) => ErrorCode::NotFound,
            Error::NationalId(e) => e.code(),
            Error::Association(e) => e.code(),
            Error::Organisation(e) => e.code(),
            Error::Document(e) => e.code(),
            Error::Retention(e) => e.code(),
            Error::Database { .. } => ErrorCode::Internal,
            _ => ErrorCode::InvalidInput,
        }
    }
}

pub(crate) fn db(op: &'static str) -> impl FnOnce(rusqlite::Error) -> Error {
    move |source| Error::Database { op, source }
}

/// How a language names a country's national identity numbers, in the plural: the country's own
/// word in its own language ("CPR-numre", "fødselsnumre", "personnummer"), else the language's
/// general word with the country's in brackets. Here, below the activities and the
/// sections, which both say it.
pub(crate) fn national_ids(lang: document::Lang, country: association::Country) -> String {
    let native = document::Lang::of_country(country);
    if lang == native {
        return glossary::term(lang, Term::NationalId).many.clone();
    }
    let own = &glossary::term(native, Term::NationalId).one;
    (lang.texts().sections.national_ids_own)(&own)
}
