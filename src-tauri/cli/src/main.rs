//! `andel`: Andel's command-line tool. Every command is a thin layer over andel-core, the same
//! functions the desktop app calls.
//!
//! Exit codes: 0 ok; 1 the user must act (the message says what to do); 2 usage; 3 conflict or
//! integrity problem.

#![forbid(unsafe_code)]

mod archive;
mod common;
mod generate;
mod handover;
mod minutes;
mod privacy;
mod redact;
mod register;
mod requests;

use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand};

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
    /// Import the administrator's resident list.
    Import {
        #[command(subcommand)]
        command: register::ImportCommand,
    },
    /// The units of the association.
    Units {
        #[command(subcommand)]
        command: register::UnitsCommand,
    },
    /// Owners, subtenants and officials.
    People {
        #[command(subcommand)]
        command: register::PeopleCommand,
    },
    /// The board and other roles.
    Roles {
        #[command(subcommand)]
        command: register::RolesCommand,
    },
    /// Organisations: administrator, caretaker, cloud archive, newsletter, bank, auditor.
    Orgs {
        #[command(subcommand)]
        command: register::OrgsCommand,
    },
    /// Sublet requests, decisions and periods.
    Sublets {
        #[command(subcommand)]
        command: register::SubletsCommand,
    },
    /// Name-plate orders for the caretaker.
    Plates {
        #[command(subcommand)]
        command: register::PlatesCommand,
    },
    /// What needs the board's attention now.
    Overview(register::OverviewArgs),
    /// The minutes archive: import, list, full-text search.
    Minutes {
        #[command(subcommand)]
        command: minutes::MinutesCommand,
    },
    /// Write the privacy notice (GDPR Art. 13/14) as PDF, or as HTML or Markdown for the website,
    /// and record its edition.
    Notice(privacy::DocumentArgs),
    /// Write the record of processing activities (GDPR Art. 30) as PDF, or as HTML or Markdown.
    Record(privacy::DocumentArgs),
    /// Find personal data in minutes (.txt, .md, .docx, .pdf).
    Detect(redact::DetectArgs),
    /// Write redacted minutes (.txt, .md, .html, .pdf); refused if the re-scan finds anything.
    Redact(redact::RedactArgs),
    /// Check that a file holds no personal data (exit 3 and the kinds found if it does).
    Verify(redact::VerifyArgs),
    /// Residents' requests (access, erasure, …) with their deadlines, and the access reply.
    Requests {
        #[command(subcommand)]
        command: requests::RequestsCommand,
    },
    /// Erase a person from the register, keeping what must be kept (explained first).
    Erase(requests::EraseArgs),
    /// Retention rules and the sweep of what is past them.
    Retention {
        #[command(subcommand)]
        command: requests::RetentionCommand,
    },
    /// Hand the archive to the next board: a new file, a new passphrase or keys, a receipt PDF.
    Handover(handover::HandoverArgs),
    /// Write the man pages and the bash and zsh completions into a folder (the .deb has them).
    Generate(generate::GenerateArgs),
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Init(args) => archive::init(args),
        Command::Info(args) => archive::info(args),
        Command::Passwd(args) => archive::passwd(args),
        Command::Association { command } => archive::association(command),
        Command::Demo(args) => archive::demo(args),
        Command::Import { command } => register::import(command),
        Command::Units { command } => register::units(command),
        Command::People { command } => register::people(command),
        Command::Roles { command } => register::roles(command),
        Command::Orgs { command } => register::orgs(command),
        Command::Sublets { command } => register::sublets(command),
        Command::Plates { command } => register::plates(command),
        Command::Overview(args) => register::overview(args),
        Command::Minutes { command } => minutes::run(command),
        Command::Notice(args) => privacy::notice(args),
        Command::Record(args) => privacy::record(args),
        Command::Detect(args) => redact::detect(args),
        Command::Redact(args) => redact::redact(args),
        Command::Verify(args) => redact::verify(args),
        Command::Requests { command } => requests::run(command),
        Command::Erase(args) => requests::erase(args),
        Command::Retention { command } => requests::retention(command),
        Command::Handover(args) => handover::run(args),
        Command::Generate(args) => generate::run(args, Cli::command()),
    };
    match result {
        // The work is done but its report is cut short (a full disk behind `> FILE`).
        Ok(()) if common::stdout_failed() => ExitCode::from(1),
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {}", common::for_terminal(&e.message));
            if let Some(hint) = &e.hint {
                eprintln!("hint: {}", common::for_terminal(hint));
            }
            ExitCode::from(e.exit)
        }
    }
}
