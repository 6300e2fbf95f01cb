//! `andel`: Andel's command-line tool. Every command is a thin layer over andel-core, the same
//! functions the desktop app calls.
//!
//! Exit codes: 0 ok; 1 the user must act (the message says what to do); 2 usage; 3 conflict or
//! integrity problem.

#![forbid(unsafe_code)]

mod archive;
mod common;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(
    name = "andel",
    version,
    about = "Andel: the board's register, minutes and GDPR paperwork in one encrypted archive",
    after_help = "The passphrase comes from a prompt, --passphrase-file or ANDEL_PASSPHRASE; \
                  archives encrypted to keys open with --identity KEYFILE."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Create a new, empty archive.
    Init(archive::InitArgs),
    /// Show what an archive holds.
    Info(archive::InfoArgs),
    /// Change the archive's passphrase (new one from ANDEL_NEW_PASSPHRASE or a prompt).
    Passwd(archive::PasswdArgs),
    /// The association's own record.
    Association {
        #[command(subcommand)]
        command: archive::AssociationCommand,
    },
    /// Write the demo archive and print its passphrase.
    Demo(archive::DemoArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Init(args) => archive::init(args),
        Command::Info(args) => archive::info(args),
        Command::Passwd(args) => archive::passwd(args),
        Command::Association { command } => archive::association(command),
        Command::Demo(args) => archive::demo(args),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", e.message);
            if let Some(hint) = &e.hint {
                eprintln!("hint: {hint}");
            }
            ExitCode::from(e.exit)
        }
    }
}
