//! Commands about the archive itself: init, info, passwd, association set, demo.

use std::path::PathBuf;

use andel_core::association::{self, AssociationChanges, Country};
use andel_core::vault::{self, Encryption, Vault};
use andel_core::{demo, settings};
use clap::{Args, Subcommand};

use crate::common::{self, CliError, CliResult, VaultArgs};

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Where to create the archive (.andel); the file must not exist.
    #[arg(long, value_name = "FILE")]
    vault: PathBuf,
    /// The association's name.
    #[arg(long, value_name = "NAME")]
    association: String,
    /// DK, NO or SE.
    #[arg(long, value_name = "DK|NO|SE")]
    country: Country,
    /// Encrypt to this age public key instead of a passphrase (repeat, one per board member).
    #[arg(long, value_name = "AGE_PUBLIC_KEY")]
    recipient: Vec<String>,
    /// Read the new passphrase from the first line of this file.
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
}

pub fn init(args: InitArgs) -> CliResult {
    let encryption = if args.recipient.is_empty() {
        let passphrase = match &args.passphrase_file {
            Some(f) => common::passphrase(Some(f), "")?,
            None => {
                if std::env::var("ANDEL_PASSPHRASE").is_ok_and(|p| !p.is_empty()) {
                    common::passphrase(None, "")?
                } else {
                    common::new_passphrase("ANDEL_PASSPHRASE")?
                }
            }
        };
        use vault::ExposeSecret;
        if vault::strength(passphrase.expose_secret()) == vault::Strength::Weak {
            eprintln!(
                "warning: {}. Change it with `andel passwd`.",
                vault::WEAK_PASSPHRASE
            );
        }
        Encryption::Passphrase {
            passphrase,
            work_factor: common::scrypt_work_factor(),
        }
    } else {
        let recipients = args
            .recipient
            .iter()
            .map(|r| vault::parse_recipient(r))
            .collect::<Result<Vec<_>, _>>()?;
        Encryption::Recipients(recipients)
    };
    let vault = Vault::create(
        &args.vault,
        &args.association,
        args.country,
        encryption,
        &common::actor(),
        common::now(),
    )?;
    common::say(format!(
        "Created {} for {}.",
        vault.path().display(),
        args.association.trim()
    ));
    Ok(())
}

#[derive(Debug, Args)]
pub struct InfoArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn info(args: InfoArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let summary = andel_core::summary::of(&vault)?;
    let fingerprint = vault.file_sha256()?;
    if args.json {
        #[derive(serde::Serialize)]
        struct Info<'a> {
            #[serde(flatten)]
            summary: &'a andel_core::summary::Summary,
            /// SHA-256 of the archive file, as `sha256sum` prints it.
            fingerprint: String,
        }
        return common::print_json(&Info {
            summary: &summary,
            fingerprint,
        });
    }
    let assoc = association::get(vault.conn())?;
    common::say(format!(
        "{} ({})",
        summary.association,
        summary.country.code()
    ));
    if let Some(org) = &assoc.org_number {
        common::say(format!("  org. number   {org}"));
    }
    if let Some(a) = &assoc.address {
        common::say(format!("  address       {a}"));
    }
    if let Some(e) = &assoc.email {
        common::say(format!("  e-mail        {e}"));
    }
    let protection = match summary.encryption.as_str() {
        "recipients" => format!("{} board members' keys", summary.recipients),
        _ => "one passphrase".to_string(),
    };
    common::say(format!("  encryption    {protection}"));
    common::say(format!(
        "  schema        version {}",
        summary.schema_version
    ));
    common::say(format!(
        "  auto-lock     after {} minutes",
        settings::auto_lock_minutes(vault.conn()).unwrap_or(settings::DEFAULT_AUTO_LOCK_MINUTES)
    ));
    common::say(format!(
        "  audit trail   {} entries",
        summary.counts.audit_entries
    ));
    common::say(format!("  fingerprint   sha256:{fingerprint}"));
    Ok(())
}

#[derive(Debug, Args)]
pub struct PasswdArgs {
    #[command(flatten)]
    vault: VaultArgs,
}

pub fn passwd(args: PasswdArgs) -> CliResult {
    let mut vault = common::open_for_change(&args.vault)?;
    let passphrase = common::new_passphrase("ANDEL_NEW_PASSPHRASE")?;
    vault.change_passphrase(passphrase, common::scrypt_work_factor(), common::now())?;
    common::say("The passphrase is changed. Give the new one to the board; the old one no longer opens the archive (older backups keep theirs).");
    Ok(())
}

#[derive(Debug, Subcommand)]
pub enum AssociationCommand {
    /// Change the association's record.
    Set(AssociationSetArgs),
}

#[derive(Debug, Args)]
pub struct AssociationSetArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The association's name as its documents give it ("A/B Kastanjegården")
    #[arg(long)]
    name: Option<String>,
    /// Its address, with the houses' range where it has several ("Kastanjevej 2–18, 2300 København
    /// S"): its own address stays in published minutes, and a row house's number alone in the
    /// resident list is read on its street. An empty value clears it
    #[arg(long)]
    address: Option<String>,
    /// Its registration number (CVR, organisasjonsnummer, organisationsnummer). An empty value
    /// clears it
    #[arg(long)]
    org_number: Option<String>,
    /// The board's e-mail address, printed in the privacy notice. An empty value clears it
    #[arg(long)]
    email: Option<String>,
    /// The country whose law and language the documents follow
    #[arg(long, value_name = "DK|NO|SE")]
    country: Option<Country>,
}

pub fn association(command: AssociationCommand) -> CliResult {
    match command {
        AssociationCommand::Set(args) => {
            let changes = AssociationChanges {
                name: args.name,
                country: args.country,
                org_number: args.org_number,
                address: args.address,
                email: args.email,
            };
            if changes == AssociationChanges::default() {
                return Err(CliError {
                    message: "Nothing to change: give at least one of --name, --address, --org-number, --email, --country.".into(),
                    hint: None,
                    exit: 2,
                });
            }
            let mut vault = common::open_for_change(&args.vault)?;
            let now = common::now();
            let updated = association::update(vault.conn(), &changes, &common::actor(), now)?;
            vault.save(now)?;
            common::say(format!("Saved the record of {}.", updated.name));
            Ok(())
        }
    }
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the demo archive; the file must not exist.
    #[arg(long, value_name = "FILE")]
    vault: PathBuf,
}

pub fn demo(args: DemoArgs) -> CliResult {
    demo::create(&args.vault, common::scrypt_work_factor(), common::now())?;
    common::say(demo::DEMO_PASSPHRASE);
    Ok(())
}
