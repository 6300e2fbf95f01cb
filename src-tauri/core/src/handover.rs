//! The yearly handover: the archive written to a new file with a new passphrase (or the new
//! board members' keys), checked, and a receipt PDF beside it.
//!
//! The open archive and its file are never touched: the database is copied in memory, the copy
//! gets the handover's audit entry and the new recipients, and is written to a file that must
//! not exist yet. Then the new file is opened with the new passphrase and its record counts are
//! compared with the copy's; the old passphrase must not open it. The receipt holds the
//! association, the date, the outgoing and incoming board, the new file's name and SHA-256, the
//! record counts and the checklist from practice. When anything fails after the new archive was
//! written, the new file is removed again, so the board can simply try once more.

use std::path::{Path, PathBuf};

use chrono::{DateTime, Duration, NaiveDate, Utc};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::association::{self, Association};
use crate::document::{self, Block, Document, Lang, Letterhead};
use crate::i18n::glossary::{self, Term};
use crate::register::organisations::{self, OrganisationKind};
use crate::register::roles;
use crate::requests::words;
use crate::retention;
use crate::summary::{self, Counts};
use crate::vault::{self, Encryption, ExposeSecret, OpenOptions, Protection, Unlock, Vault};
use crate::Coded;
use crate::{audit, store, ErrorCode};

/// Who hands over and who takes over, as the receipt names them ("Name (role)").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct Boards {
    pub outgoing: Vec<String>,
    pub incoming: Vec<String>,
}

/// The record of a completed handover.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct HandoverReceipt {
    pub association: String,
    pub date: NaiveDate,
    /// The new archive's full path and its file name.
    pub file: String,
    pub file_name: String,
    /// The receipt PDF's full path.
    pub receipt: String,
    /// SHA-256 of the new archive file, as `sha256sum` prints it.
    pub sha256: String,
    pub counts: Counts,
    /// "passphrase" or "recipients".
    pub encryption: String,
    pub recipients: u32,
    /// The new file was opened with the new passphrase and holds the same records (with keys:
    /// its header was checked, since only the new members' secret keys can open it).
    pub verified: bool,
    /// The old passphrase was tried on the new file and refused; `None` when the archive was
    /// not protected by a passphrase before.
    pub old_passphrase_refused: Option<bool>,
    pub boards: Boards,
    /// Records the retention sweep deleted or anonymised since the archive was last handed over
    /// (or made), by the audit trail: the one right before this handover and the board's other
    /// sweeps of the year (0: none ran, or nothing was due).
    pub retention_swept: u32,
    /// Records still past their retention when the archive was handed over (after any sweep).
    pub retention_due: u32,
    /// The same, by kind of record.
    pub retention_still_due: Vec<DueCount>,
    pub document: Document,
}

/// How many records of a kind are past their retention.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
pub struct DueCount {
    pub kind: retention::RecordKind,
    pub count: u32,
}

/// Why a handover could not be made. None of these leaves a new file behind or touches the
/// original.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The new archive's path is the archive's own.
    #[error("The new archive must be a new file, not the archive itself. Choose another name, such as the year of the new board.")]
    SameFile,
    /// A file is already where the new archive should go.
    #[error("A file already exists at {}. Choose another name; a handover never overwrites a file.", .0.display())]
    Exists(PathBuf),
    /// The new archive's folder does not exist.
    #[error("The folder {} does not exist. Choose an existing folder for the new archive.", .0.display())]
    NoFolder(PathBuf),
    /// The new passphrase is the old one.
    #[error("The new passphrase is the old one. A handover needs a new passphrase, so the outgoing board can no longer open the archive.")]
    SamePassphrase,
    /// The new passphrase fails the strength check ([`vault::strength`]): the new board keeps it
    /// for a year or more, and the archive travels by e-mail and synced folders.
    #[error("The new archive was not written: {}. A handover needs a strong passphrase: choose a longer one (a few unrelated words are easy to remember).", vault::WEAK_PASSPHRASE)]
    WeakPassphrase,
    /// The new file did not open with the new passphrase, as the new board will open it.
    #[error("The new archive could not be checked ({0}); it was removed again. The original is unchanged; try once more.")]
    Reopen(#[source] vault::Error),
    /// The new file opened but holds other record counts than the archive.
    #[error("The new archive could not be checked (the new file holds other record counts than the archive); it was removed again. The original is unchanged; try once more.")]
    CountsDiffer,
    /// The new file's header could not be read to see whom it is encrypted to.
    #[error("The new archive could not be checked ({0}); it was removed again. The original is unchanged; try once more.")]
    Probe(#[source] vault::Error),
    /// The new file, meant for the new board's keys, is not encrypted to keys.
    #[error("The new archive could not be checked (the new file is not encrypted to keys); it was removed again. The original is unchanged; try once more.")]
    NotToKeys,
    /// The outgoing board's passphrase still opens the new file.
    #[error("The new archive could not be checked (the old passphrase still opens the new file); it was removed again. The original is unchanged; try once more.")]
    OldPassphraseOpens,
    /// Trying the old passphrase on the new file failed otherwise than by being refused.
    #[error("The new archive could not be checked ({0}); it was removed again. The original is unchanged; try once more.")]
    OldPassphraseCheck(#[source] vault::Error),
    /// The new file could not be read back for its fingerprint.
    #[error("The new archive could not be checked (reading the new file: {0}); it was removed again. The original is unchanged; try once more.")]
    Fingerprint(#[source] std::io::Error),
    /// The receipt PDF could not be made.
    #[error("The handover receipt could not be made ({0}); the new archive was removed again. The original is unchanged.")]
    ReceiptRender(#[source] document::Error),
    /// The receipt PDF could not be written beside the new archive.
    #[error("The handover receipt could not be made ({0}); the new archive was removed again. The original is unchanged.")]
    ReceiptWrite(#[source] crate::files::Error),
    /// Copying, encrypting or writing the new archive failed.
    #[error("{0}")]
    Vault(#[from] vault::Error),
    /// Reading the association (its name and language) failed.
    #[error("Could not read the register: {0}")]
    Association(#[source] association::Error),
    /// Reading the board's roles failed.
    #[error("Could not read the register: {0}")]
    Roles(#[source] roles::Error),
    /// Reading what is past its retention failed.
    #[error("Could not read the register: {0}")]
    Retention(#[source] retention::Error),
    /// Counting the records of the archive or of the new file failed.
    #[error("Could not count the records of the archive: {0}")]
    Counts(#[source] summary::Error),
    /// The handover failed after the retention sweep the board ran first; the sweep is kept.
    #[error("{source} The retention sweep that ran first is kept: it deleted or anonymised {swept} records past their retention, and the archive is saved without them. The next handover's receipt counts them with the year's other sweeps.")]
    AfterSweep {
        swept: u32,
        #[source]
        source: Box<Error>,
    },
    /// Reading the organisations (whose agreements the receipt names) failed.
    #[error("Could not read the register: {0}")]
    Organisations(#[source] organisations::Error),
}

impl Coded for Error {
    fn code(&self) -> ErrorCode {
        match self {
            Error::SameFile | Error::SamePassphrase | Error::WeakPassphrase => {
                ErrorCode::InvalidInput
            }
            Error::Exists(_) => ErrorCode::AlreadyExists,
            Error::NoFolder(_) => ErrorCode::NotFound,
            Error::Reopen(_)
            | Error::CountsDiffer
            | Error::Probe(_)
            | Error::NotToKeys
            | Error::OldPassphraseOpens
            | Error::OldPassphraseCheck(_)
            | Error::Fingerprint(_) => ErrorCode::Damaged,
            Error::ReceiptRender(_)
            | Error::ReceiptWrite(_)
            | Error::Association(_)
            | Error::Roles(_)
            | Error::Retention(_) => ErrorCode::Internal,
            Error::Vault(e) => e.code(),
            Error::Counts(e) => e.code(),
            Error::AfterSweep { source, .. } => source.code(),
            Error::Organisations(e) => e.code(),
        }
    }
}

/// The receipt's path beside the new archive: `NEW.andel` → `NEW-receipt.pdf`.
pub fn receipt_path(out: &Path) -> PathBuf {
    let stem = out
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "archive".into());
    out.with_file_name(format!("{stem}-receipt.pdf"))
}

/// The boards as the register knows them on `today`: incoming, the board seats held today;
/// outgoing, board seats that ended within the past year.
pub fn boards(conn: &Connection, today: NaiveDate) -> Result<Boards, Error> {
    let lang = Lang::of_association(conn).map_err(Error::Association)?;
    let label = |r: &roles::Role| format!("{} ({})", r.person_name, words::role(lang, r.kind));
    let incoming: Vec<String> = roles::current(conn, today)
        .map_err(Error::Roles)?
        .iter()
        .filter(|r| r.kind.is_board())
        .map(label)
        .collect();
    let year_ago = today - Duration::days(366);
    let mut ended: Vec<roles::Role> = roles::list(conn)
        .map_err(Error::Roles)?
        .into_iter()
        .filter(|r| r.kind.is_board() && r.to.is_some_and(|t| t < today && t >= year_ago))
        .collect();
    ended.sort_by_key(|r| {
        (
            roles::RoleKind::ALL.iter().position(|k| *k == r.kind),
            r.person_name.to_lowercase(),
        )
    });
    Ok(Boards {
        outgoing: ended.iter().map(label).collect(),
        incoming,
    })
}

/// Hands the archive over: writes it to `out` (a new file) with `encryption`, checks it, and
/// writes the receipt PDF beside it. `boards` overrides the boards read from the register. No
/// retention sweep was run first: the receipt lists what is still due, if anything.
pub fn handover(
    vault: &Vault,
    out: &Path,
    encryption: Encryption,
    boards: Option<Boards>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HandoverReceipt, Error> {
    handover_after_sweep(vault, out, encryption, boards, 0, today, now)
}

/// What a handover checks before anything changes: the new file is not the open one, its folder
/// exists, neither it nor its receipt exists, and a new passphrase is neither the old one nor
/// weak. Both apps call it before the retention sweep they may run first, so a handover that
/// could not write its file does not sweep either; [`handover_after_sweep`] checks it again.
pub fn check(vault: &Vault, out: &Path, encryption: &Encryption) -> Result<(), Error> {
    if crate::files::same_file(vault.path(), out) {
        return Err(Error::SameFile);
    }
    let folder = match out.parent() {
        Some(f) if !f.as_os_str().is_empty() => f.to_path_buf(),
        _ => PathBuf::from("."),
    };
    if !folder.is_dir() {
        return Err(Error::NoFolder(folder));
    }
    let receipt = receipt_path(out);
    for p in [out, receipt.as_path()] {
        if p.exists() {
            return Err(Error::Exists(p.to_path_buf()));
        }
    }
    let old = match vault.encryption() {
        Encryption::Passphrase { passphrase, .. } => Some(passphrase.clone()),
        Encryption::Recipients(_) => None,
    };
    if let (Some(old), Encryption::Passphrase { passphrase, .. }) = (&old, encryption) {
        if old.expose_secret() == passphrase.expose_secret() {
            return Err(Error::SamePassphrase);
        }
    }
    // Creating an archive only warns of a weak passphrase (the board may be trying Andel out); a
    // handover hands the residents' data to a new board for a year or more, so it refuses one.
    if let Encryption::Passphrase { passphrase, .. } = encryption {
        if vault::strength(passphrase.expose_secret()) == vault::Strength::Weak {
            return Err(Error::WeakPassphrase);
        }
    }
    Ok(())
}

/// [`handover`] after the board ran the retention sweep ([`retention::apply`]) on the open
/// archive, which deleted or anonymised `swept` records, and lists only what is due still. The
/// receipt counts every record the sweep removed since the archive was last handed over, from
/// the audit trail ([`retention::swept_since_handover`]), so a sweep before an attempt that
/// failed is counted by the next one. If the handover fails, the sweep stays (the records were
/// past their retention, so deleting them was owed anyway) and the error says so
/// ([`Error::AfterSweep`]).
pub fn handover_after_sweep(
    vault: &Vault,
    out: &Path,
    encryption: Encryption,
    boards: Option<Boards>,
    swept: u32,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HandoverReceipt, Error> {
    hand_over(vault, out, encryption, boards, today, now).map_err(|e| {
        if swept == 0 {
            e
        } else {
            Error::AfterSweep {
                swept,
                source: Box::new(e),
            }
        }
    })
}

fn hand_over(
    vault: &Vault,
    out: &Path,
    encryption: Encryption,
    boards: Option<Boards>,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<HandoverReceipt, Error> {
    check(vault, out, &encryption)?;
    let receipt = receipt_path(out);
    let old = match vault.encryption() {
        Encryption::Passphrase { passphrase, .. } => Some(passphrase.clone()),
        Encryption::Recipients(_) => None,
    };
    let conn = vault.conn();
    let assoc = association::get(conn).map_err(Error::Association)?;
    let agreements = agreements(conn)?;
    let boards = match boards {
        Some(b) => b,
        None => self::boards(conn, today)?,
    };
    let due = retention::due(conn, today).map_err(Error::Retention)?;
    let swept = retention::swept_since_handover(conn).map_err(Error::Retention)?;
    let retention_due = due.len() as u32;
    let mut retention_still_due: Vec<DueCount> = Vec::new();
    for item in &due {
        match retention_still_due.iter_mut().find(|d| d.kind == item.kind) {
            Some(d) => d.count += 1,
            None => retention_still_due.push(DueCount {
                kind: item.kind,
                count: 1,
            }),
        }
    }
    let file_name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();

    // The copy that becomes the new archive.
    let bytes = store::serialize(conn).map_err(vault::Error::Store)?;
    let copy = store::Wiping::new(store::load(&bytes).map_err(vault::Error::Store)?);
    drop(bytes);
    set_recipients(&copy, &encryption)?;
    audit::record(
        &copy,
        now,
        vault.actor(),
        audit::HANDOVER,
        Some(&format!("{} to {file_name}", encryption.kind())),
    )
    .map_err(sql)?;
    let counts = summary::counts(&copy).map_err(Error::Counts)?;
    vault::write_new(out, &copy, &encryption, now)?;
    drop(copy);

    let finish = || -> Result<HandoverReceipt, Error> {
        let (verified, old_refused) = verify(out, &encryption, old.as_ref(), &counts, now)?;
        let sha256 = vault::sha256_file(out).map_err(Error::Fingerprint)?;
        let recipients = match &encryption {
            Encryption::Recipients(r) => r.len() as u32,
            Encryption::Passphrase { .. } => 0,
        };
        let mut r = HandoverReceipt {
            association: assoc.name.clone(),
            date: today,
            file: out.display().to_string(),
            file_name: file_name.clone(),
            receipt: receipt.display().to_string(),
            sha256,
            counts: counts.clone(),
            encryption: encryption.kind().to_string(),
            recipients,
            verified,
            old_passphrase_refused: old_refused,
            boards: boards.clone(),
            retention_swept: swept,
            retention_due,
            retention_still_due: retention_still_due.clone(),
            document: Document::new("", Lang::En, now),
        };
        r.document = receipt_document(&assoc, &r, &agreements, now);
        let pdf = document::render_pdf(&r.document).map_err(Error::ReceiptRender)?;
        crate::files::write_new(&receipt, &pdf).map_err(Error::ReceiptWrite)?;
        Ok(r)
    };
    match finish() {
        Ok(r) => Ok(r),
        Err(e) => {
            let _ = std::fs::remove_file(out);
            Err(e)
        }
    }
}

fn sql(e: rusqlite::Error) -> Error {
    Error::Vault(vault::Error::Store(store::Error::Sqlite {
        op: "preparing the new archive",
        source: e,
    }))
}

fn set_recipients(conn: &Connection, encryption: &Encryption) -> Result<(), Error> {
    conn.execute("DELETE FROM recipient", []).map_err(sql)?;
    if let Encryption::Recipients(list) = encryption {
        for r in list {
            conn.execute(
                "INSERT OR IGNORE INTO recipient (public_key) VALUES (?1)",
                [r.to_string()],
            )
            .map_err(sql)?;
        }
    }
    Ok(())
}

/// Opens the new file as the new board will and compares its counts; tries the old passphrase.
fn verify(
    out: &Path,
    encryption: &Encryption,
    old: Option<&vault::SecretString>,
    counts: &Counts,
    now: DateTime<Utc>,
) -> Result<(bool, Option<bool>), Error> {
    let mut options = OpenOptions::new("handover check");
    options.read_only = true;
    let verified = match encryption {
        Encryption::Passphrase { passphrase, .. } => {
            let opened = Vault::open(out, &Unlock::Passphrase(passphrase.clone()), &options, now)
                .map_err(Error::Reopen)?;
            let found = summary::counts(opened.conn()).map_err(Error::Counts)?;
            if found != *counts {
                return Err(Error::CountsDiffer);
            }
            true
        }
        Encryption::Recipients(_) => {
            let protection = vault::probe(out).map_err(Error::Probe)?;
            if protection != Protection::Recipients {
                return Err(Error::NotToKeys);
            }
            true
        }
    };
    let old_refused = match old {
        None => None,
        Some(old) => match Vault::open(out, &Unlock::Passphrase(old.clone()), &options, now) {
            Ok(_) => return Err(Error::OldPassphraseOpens),
            Err(vault::Error::WrongPassphrase | vault::Error::NeedsKey) => Some(true),
            Err(e) => return Err(Error::OldPassphraseCheck(e)),
        },
    };
    Ok((verified, old_refused))
}

/// The organisations that process residents' data for the association, as the register shows
/// them: the receipt asks the boards to review the agreements that are recorded, by name, and
/// names the processors that have none, rather than a fixed list of kinds the archive may not
/// have.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Agreements {
    /// Organisations whose data processing agreement is recorded.
    pub recorded: Vec<String>,
    /// Organisations of a kind that acts for the association (administrator, caretaker, cloud
    /// archive, newsletter tool) without a recorded agreement.
    pub missing: Vec<String>,
}

/// The archive's [`Agreements`]. A bank or an auditor without an agreement is an independent
/// controller, and "other" is not assumed to be a processor (as the notice and the record say).
pub fn agreements(conn: &Connection) -> Result<Agreements, Error> {
    let mut out = Agreements::default();
    for o in organisations::list(conn).map_err(Error::Organisations)? {
        if o.dpa_signed_on.is_some() {
            out.recorded.push(o.name);
        } else if matches!(
            o.kind,
            OrganisationKind::Administrator
                | OrganisationKind::Caretaker
                | OrganisationKind::Cloud
                | OrganisationKind::Newsletter
        ) {
            out.missing.push(o.name);
        }
    }
    Ok(out)
}

/// The receipt as a document, in the association's language.
pub fn receipt_document(
    assoc: &Association,
    r: &HandoverReceipt,
    agreements: &Agreements,
    now: DateTime<Utc>,
) -> Document {
    let lang = Lang::of_country(assoc.country);
    let mut d = Document::new(lang.texts().handover.title, lang, now);
    d.letterhead = Some(Letterhead::of(assoc));
    d.subtitle = Some(lang.long_date(r.date));
    let names = |list: &[String]| {
        if list.is_empty() {
            lang.texts().handover.not_recorded.to_string()
        } else {
            list.join(", ")
        }
    };
    d.paragraph(lang.texts().handover.summary);
    let protection = match r.encryption.as_str() {
        "recipients" => format!("{} {}", r.recipients, lang.texts().handover.members_keys),
        _ => lang.texts().handover.new_passphrase.to_string(),
    };
    let yes = lang.texts().handover.yes;
    d.facts([
        (lang.texts().handover.association, assoc.name.clone()),
        (lang.texts().common.date, lang.long_date(r.date)),
        (
            lang.texts().handover.outgoing_board,
            names(&r.boards.outgoing),
        ),
        (
            lang.texts().handover.incoming_board,
            names(&r.boards.incoming),
        ),
        (lang.texts().handover.new_file, r.file_name.clone()),
        (lang.texts().handover.protection, protection),
        (lang.texts().handover.opened_and_checked, yes.to_string()),
    ]);
    d.blocks.push(Block::Paragraph {
        text: format!("SHA-256: {}", r.sha256),
    });
    d.note(lang.texts().handover.fingerprint_note);
    d.heading(lang.texts().handover.contents);
    let c = &r.counts;
    let many = |t: Term| glossary::capitalise(&glossary::term(lang, t).many);
    let (units, sublets, minutes) = (many(Term::Unit), many(Term::Sublet), many(Term::Minutes));
    let rows: Vec<Vec<String>> = [
        (units.as_str(), c.units),
        (lang.texts().handover.people, c.people),
        (lang.texts().handover.ownerships, c.ownerships),
        (sublets.as_str(), c.sublets),
        (lang.texts().handover.name_plate_orders, c.name_plate_orders),
        (lang.texts().common.roles, c.roles),
        (lang.texts().handover.organisations, c.organisations),
        (minutes.as_str(), c.documents),
        (lang.texts().handover.requests, c.requests),
        (lang.texts().handover.audit_entries, c.audit_entries),
    ]
    .into_iter()
    .map(|(k, n)| vec![k.to_string(), n.to_string()])
    .collect();
    d.table(
        &[3.0, 1.0],
        vec![
            lang.texts().handover.kind.into(),
            lang.texts().handover.count.into(),
        ],
        rows,
    );
    d.heading(lang.texts().handover.checklist);
    // Only what happened: a sweep that ran, or nothing due, or what is due still.
    let h = &lang.texts().handover;
    let mut sweep = Vec::new();
    if r.retention_swept > 0 {
        sweep.push(h.sweep_run.replace("{n}", &r.retention_swept.to_string()));
    }
    if r.retention_still_due.is_empty() {
        if r.retention_swept == 0 {
            sweep.push(h.sweep_nothing_due.to_string());
        }
    } else {
        let list = r
            .retention_still_due
            .iter()
            .map(|d| {
                let label = match d.kind {
                    retention::RecordKind::FormerOwnerContact => h.due_former_owner_contact,
                    retention::RecordKind::FormerSubtenantContact => h.due_former_subtenant_contact,
                    retention::RecordKind::RejectedSublet => h.due_rejected_sublet,
                    retention::RecordKind::MountedPlateOrder => h.due_mounted_plate_order,
                    retention::RecordKind::ClosedRequest => h.due_closed_request,
                    // Never due: kept as the association's history.
                    retention::RecordKind::Minutes => return None,
                };
                Some(format!("{label} ({})", d.count))
            })
            .collect::<Option<Vec<_>>>()
            .unwrap_or_default()
            .join(", ");
        sweep.push(h.sweep_still_due.replace("{list}", &list));
    }
    let mut items = vec![
        lang.texts().handover.passwords_changed.to_string(),
        lang.texts().handover.copies_deleted.to_string(),
    ];
    items.extend(sweep);
    // The agreements the register records, by name; a processor without one is named as such.
    if !agreements.recorded.is_empty() {
        items.push((h.agreements_reviewed)(&agreements.recorded.join(", ")));
    }
    if !agreements.missing.is_empty() {
        items.push((h.agreements_missing)(&agreements.missing.join(", ")));
    }
    items.push(lang.texts().handover.passphrase_in_person.to_string());
    d.blocks.push(Block::Checklist { items });
    d.heading(lang.texts().handover.signatures);
    d.facts([
        (
            lang.texts().handover.for_outgoing_board,
            "______________________________".to_string(),
        ),
        (
            lang.texts().handover.for_incoming_board,
            "______________________________".to_string(),
        ),
    ]);
    d
}
