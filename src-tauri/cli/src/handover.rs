//! `andel handover`: the yearly handover of the archive to the next board, over
//! `andel_core::handover`, the same function the app's wizard calls.

use std::path::PathBuf;

use andel_core::handover::{self, Boards};
use andel_core::retention;
use andel_core::vault::{self, Encryption};
use clap::Args;

use crate::common::today;
use crate::common::{self, CliError, CliResult, VaultArgs};

#[derive(Debug, Args)]
pub struct HandoverArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The new archive file; must not exist. The receipt goes beside it as NAME-receipt.pdf.
    #[arg(long, value_name = "NEW.andel")]
    out: PathBuf,
    /// Encrypt to these board members' age public keys instead of a new passphrase.
    #[arg(long, value_name = "AGE_PUBLIC_KEY")]
    recipient: Vec<String>,
    /// The outgoing board as the receipt names it (default: board seats that ended this year).
    #[arg(long, value_name = "NAME")]
    outgoing: Vec<String>,
    /// The incoming board as the receipt names it (default: the board seats held today).
    #[arg(long, value_name = "NAME")]
    incoming: Vec<String>,
    /// Run the retention sweep on the archive first (what `andel retention apply --yes` does),
    /// so the handed-over archive holds nothing past its retention; without it, the receipt
    /// lists what is still due.
    #[arg(long)]
    sweep_first: bool,
    #[arg(long)]
    json: bool,
}

pub fn run(args: HandoverArgs) -> CliResult {
    let now = common::now();
    // The sweep changes the archive, so it is opened for change only then.
    let mut vault = if args.sweep_first {
        common::open_for_change(&args.vault)?
    } else {
        common::open_read_only(&args.vault)?
    };
    let encryption = if args.recipient.is_empty() {
        Encryption::Passphrase {
            passphrase: common::new_passphrase("ANDEL_NEW_PASSPHRASE")?,
            work_factor: common::scrypt_work_factor(),
        }
    } else {
        let keys = args
            .recipient
            .iter()
            .map(|k| vault::parse_recipient(k))
            .collect::<Result<Vec<_>, _>>()?;
        Encryption::Recipients(keys)
    };
    // After every question, before anything changes: a handover that cannot write its file
    // does not sweep either.
    handover::check(&vault, &args.out, &encryption)?;
    let swept = if args.sweep_first {
        let actor = vault.actor().to_string();
        let applied = retention::apply(vault.conn(), today(), &actor, now)?;
        vault.save(now)?;
        applied.items.len() as u32
    } else {
        0
    };
    let day = today();
    let boards = if args.outgoing.is_empty() && args.incoming.is_empty() {
        None
    } else {
        let found = handover::boards(vault.conn(), day)?;
        Some(Boards {
            outgoing: if args.outgoing.is_empty() {
                found.outgoing
            } else {
                args.outgoing
            },
            incoming: if args.incoming.is_empty() {
                found.incoming
            } else {
                args.incoming
            },
        })
    };
    let r = handover::handover_after_sweep(&vault, &args.out, encryption, boards, swept, day, now)?;
    if args.json {
        let mut value = serde_json::to_value(&r)
            .map_err(|e| CliError::coded(andel_core::ErrorCode::Internal, e.to_string()))?;
        if let Some(map) = value.as_object_mut() {
            map.remove("document");
        }
        return common::print_json(&value);
    }
    common::say(format!("Wrote the new archive {}.", r.file));
    common::say(format!("SHA-256 {}", r.sha256));
    common::say(format!("Wrote the receipt {}.", r.receipt));
    if r.retention_swept > 0 {
        common::say(format!(
            "The receipt counts {} records past their retention that the retention sweep deleted or anonymised since the archive was last handed over.",
            r.retention_swept
        ));
    }
    if r.retention_due > 0 {
        common::say(format!(
            "Note: {} records are past their retention and went into the new archive; the receipt lists them for the incoming board (`andel retention due`, then `andel retention apply --yes`; or hand over with --sweep-first).",
            r.retention_due
        ));
    }
    common::say(match (r.encryption.as_str(), r.old_passphrase_refused) {
        ("recipients", _) => format!(
            "It opens only with the keys of the {} board members given. The original archive is unchanged: the outgoing board deletes its copies.",
            r.recipients
        ),
        (_, Some(true)) => "It opened with the new passphrase, and the old one does not open it. The original archive is unchanged: the outgoing board deletes its copies.".to_string(),
        _ => "It opened with the new passphrase. The original archive is unchanged: the outgoing board deletes its copies.".to_string(),
    });
    Ok(())
}
