//! Residents' requests with their deadlines, the access reply, erasure and retention: thin
//! layers over `andel_core::requests`, the same functions the desktop app calls.

use std::path::PathBuf;

use andel_core::register::people;
use andel_core::requests::days_off::DayOff;
use andel_core::requests::erase::{self, ErasureReport};
use andel_core::requests::{self, access, NewRequest, Request, RequestKind, RequestStatus};
use andel_core::retention::{self, RecordKind};
use chrono::NaiveDate;
use clap::{Args, Subcommand};
use serde::Serialize;

use crate::common::today;
use crate::common::{self, CliError, CliResult, PersonArgs, VaultArgs};

fn person_error(e: people::Error) -> CliError {
    CliError::from(e)
}

fn date_arg(text: &str) -> Result<NaiveDate, String> {
    andel_core::dates::parse_iso(text)
        .ok_or_else(|| format!("\"{text}\" is not a date; write it as YYYY-MM-DD"))
}

fn kind_arg(text: &str) -> Result<RequestKind, String> {
    text.parse().map_err(|e: requests::Error| e.to_string())
}

#[derive(Debug, Subcommand)]
pub enum RequestsCommand {
    /// Record a request; its deadline is one month from the day it was received.
    Add(AddArgs),
    /// List the requests, open ones by deadline first.
    List(ListArgs),
    /// Note how the requester's identity was checked (a note, never a copy of an ID).
    Identity(IdentityArgs),
    /// Extend the deadline once by 1 or 2 months, before the first deadline, with the reason.
    Extend(ExtendArgs),
    /// Close a request as answered, refused or withdrawn.
    Close(CloseArgs),
    /// Write the reply to an access request as PDF (and the data as JSON).
    Reply(ReplyArgs),
}

#[derive(Debug, Args)]
pub struct AddArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// access, rectification, erasure, restriction, objection or portability.
    #[arg(long, value_parser = kind_arg)]
    kind: RequestKind,
    /// Who asks: `--person ID`, or `--person-name NAME` (linked to the one person in the register
    /// with that name; a name no one has records a request from someone outside the register;
    /// a name several people have is refused with their ids).
    #[command(flatten)]
    person: PersonArgs,
    /// The day the request was received.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    received: NaiveDate,
    /// How it came in: e-mail, letter, in person …
    #[arg(long)]
    channel: Option<String>,
    #[arg(long)]
    note: Option<String>,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    vault: VaultArgs,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct IdentityArgs {
    #[command(flatten)]
    vault: VaultArgs,
    id: u32,
    /// How the identity was checked.
    #[arg(long)]
    how: String,
    /// The day it was checked (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ExtendArgs {
    #[command(flatten)]
    vault: VaultArgs,
    id: u32,
    /// 1 or 2.
    #[arg(long)]
    months: u32,
    /// Why more time is needed; the resident must be told.
    #[arg(long)]
    reason: String,
    /// The day the board decided to extend (default today); it must be before the first deadline.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct CloseArgs {
    #[command(flatten)]
    vault: VaultArgs,
    id: u32,
    /// answered, refused or withdrawn.
    #[arg(long)]
    status: String,
    /// The day it was closed (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    on: Option<NaiveDate>,
}

#[derive(Debug, Args)]
pub struct ReplyArgs {
    #[command(flatten)]
    vault: VaultArgs,
    id: u32,
    /// Where to write the reply (PDF).
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// Also write the data as JSON, for portability.
    #[arg(long, value_name = "FILE.json")]
    json_export: Option<PathBuf>,
    /// The language of the reply: da, nb, sv or en (the requester's choice, whatever the
    /// association's country). Without it, the association's own language.
    #[arg(long, value_name = "da|nb|sv|en", value_parser = crate::privacy::lang_arg)]
    lang: Option<andel_core::document::Lang>,
}

/// A request as the CLI prints it: everything, plus `due`, the deadline that applies.
#[derive(Serialize)]
struct Printed<'a> {
    #[serde(flatten)]
    request: &'a Request,
    due: NaiveDate,
}

fn printed(r: &Request) -> Printed<'_> {
    Printed {
        request: r,
        due: r.deadline,
    }
}

pub(crate) fn say_request(r: &Request) {
    let state = match r.days_left {
        Some(d) if d < 0 => format!("OVERDUE by {} days", -d),
        Some(0) => "due today".to_string(),
        Some(d) => format!("{d} days left"),
        None => format!(
            "{} {}",
            r.status.as_str(),
            r.closed_on.map(|d| d.to_string()).unwrap_or_default()
        ),
    };
    let day_off = match r.deadline_day_off {
        Some(DayOff::Saturday) => " (a Saturday)",
        Some(DayOff::Sunday) => " (a Sunday)",
        Some(DayOff::Holiday) => " (a public holiday)",
        None => "",
    };
    common::say(format!(
        "#{:<4} {:<14} {:<28} received {}  due {}{day_off}{}  {state}",
        r.id,
        r.kind.as_str(),
        r.requester_name,
        r.received_on,
        r.deadline,
        if r.extended_to.is_some() {
            " (extended)"
        } else {
            ""
        }
    ));
}

pub fn run(command: RequestsCommand) -> CliResult {
    let now = common::now();
    let actor = common::actor();
    match command {
        RequestsCommand::Add(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let person = people::resolve(vault.conn(), &args.person.who()).map_err(person_error)?;
            let new = NewRequest {
                kind: args.kind,
                received_on: args.received,
                channel: args.channel,
                person_id: person.as_ref().map(|p| p.id),
                requester_name: args.person.person_name.clone(),
                note: args.note,
            };
            let r = requests::add(vault.conn(), &new, today(), &actor, now)?;
            vault.save(now)?;
            if args.json {
                common::print_json(&printed(&r))
            } else {
                common::say(format!(
                    "Recorded {} request #{} from {}{}. Answer by {}.",
                    r.kind.as_str(),
                    r.id,
                    r.requester_name,
                    if person.is_some() {
                        " (in the register)"
                    } else {
                        " (not in the register)"
                    },
                    r.deadline
                ));
                Ok(())
            }
        }
        RequestsCommand::List(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let list = requests::list(vault.conn(), today())?;
            if args.json {
                let out: Vec<Printed<'_>> = list.iter().map(printed).collect();
                common::print_json(&out)
            } else {
                if list.is_empty() {
                    common::say("No requests recorded.");
                }
                list.iter().for_each(say_request);
                Ok(())
            }
        }
        RequestsCommand::Identity(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let day = today();
            let r = requests::set_identity_check(
                vault.conn(),
                args.id,
                &args.how,
                args.on.unwrap_or(day),
                day,
                &actor,
                now,
            )?;
            vault.save(now)?;
            common::say(format!("Noted the identity check on request #{}.", r.id));
            Ok(())
        }
        RequestsCommand::Extend(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let day = today();
            let r = requests::extend(
                vault.conn(),
                args.id,
                args.months,
                &args.reason,
                args.on.unwrap_or(day),
                day,
                &actor,
                now,
            )?;
            vault.save(now)?;
            common::say(format!(
                "Request #{} now has until {}. Tell the requester, with the reason.",
                r.id, r.deadline
            ));
            Ok(())
        }
        RequestsCommand::Close(args) => {
            let status: RequestStatus = args.status.parse()?;
            let mut vault = common::open_for_change(&args.vault)?;
            let day = today();
            let r = requests::close(
                vault.conn(),
                args.id,
                status,
                args.on.unwrap_or(day),
                day,
                &actor,
                now,
            )?;
            vault.save(now)?;
            common::say(format!("Request #{} is {}.", r.id, r.status.as_str()));
            Ok(())
        }
        RequestsCommand::Reply(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let files = access::ReplyFiles {
                pdf: &args.out,
                json: args.json_export.as_deref(),
                lang: args.lang,
            };
            let written = access::write_reply(vault.conn(), args.id, files, today(), now)?;
            let lang = match args.lang {
                Some(l) => l,
                None => andel_core::document::Lang::of_association(vault.conn())?,
            };
            common::warn_fallbacks(&written.fallbacks, lang);
            let mentions = match written.mentions {
                1 => "1 mention".to_string(),
                n => format!("{n} mentions"),
            };
            common::say(format!(
                "Wrote the access reply to {} ({mentions} in the minutes).",
                args.out.display(),
            ));
            if let Some(path) = &args.json_export {
                common::say(format!("Wrote the data as JSON to {}.", path.display()));
            }
            Ok(())
        }
    }
}

#[derive(Debug, Args)]
pub struct EraseArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The person to erase: `--person ID` or `--person-name NAME` (refused when several people
    /// have the name).
    #[command(flatten)]
    person: PersonArgs,
    /// Only explain what would be removed and kept.
    #[arg(long)]
    dry_run: bool,
    #[arg(long)]
    json: bool,
}

fn say_erasure(r: &ErasureReport) {
    let p = &r.plan;
    common::say(if r.dry_run {
        format!("Erasing {} (#{}) would remove:", p.name, p.person_id)
    } else {
        format!(
            "Erased {} (#{}); what remains says \"{}\". Removed:",
            p.name, p.person_id, p.placeholder
        )
    });
    for i in &p.removed {
        common::say(format!("  - {}", i.text));
    }
    common::say("Kept, and why:");
    for i in &p.kept {
        common::say(format!("  - {}", i.text));
    }
    if r.dry_run {
        common::say("Nothing was changed (dry run).");
    }
}

pub fn erase(args: EraseArgs) -> CliResult {
    let now = common::now();
    let mut vault = if args.dry_run {
        common::open_read_only(&args.vault)?
    } else {
        common::open_for_change(&args.vault)?
    };
    let person = people::resolve_one(vault.conn(), &args.person.who()).map_err(person_error)?;
    let report = erase::erase(
        vault.conn(),
        person.id,
        args.dry_run,
        today(),
        &common::actor(),
        now,
    )?;
    if !args.dry_run {
        vault.save(now)?;
    }
    if args.json {
        common::print_json(&report)
    } else {
        say_erasure(&report);
        Ok(())
    }
}

#[derive(Debug, Subcommand)]
pub enum RetentionCommand {
    /// List what is past its retention today.
    Due(RetentionDueArgs),
    /// Delete or anonymise everything listed by `retention due` (needs --yes).
    Apply(RetentionApplyArgs),
    /// Show the retention rules.
    Rules(RetentionDueArgs),
    /// Change a rule: months, or `keep`; `default` goes back to the country's default.
    Set(RetentionSetArgs),
}

#[derive(Debug, Args)]
pub struct RetentionDueArgs {
    #[command(flatten)]
    vault: VaultArgs,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RetentionApplyArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Confirms the deletion; without it nothing happens.
    #[arg(long)]
    yes: bool,
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RetentionSetArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// former_owner_contact, rejected_sublet, mounted_plate_order or closed_request.
    kind: String,
    /// Months to keep, `keep`, or `default`.
    value: String,
}

pub fn retention(command: RetentionCommand) -> CliResult {
    let now = common::now();
    let actor = common::actor();
    match command {
        RetentionCommand::Due(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let due = retention::due(vault.conn(), today())?;
            if args.json {
                return common::print_json(&due);
            }
            if due.is_empty() {
                common::say("Nothing is past its retention.");
            }
            for i in &due {
                common::say(format!("due {}  {}", i.due_on, i.text));
            }
            if !due.is_empty() {
                common::say("Run `andel retention apply --yes` to carry this out.");
            }
            Ok(())
        }
        RetentionCommand::Apply(args) => {
            if !args.yes {
                return Err(CliError {
                    message: "Deleting past retention needs confirmation; nothing was changed."
                        .into(),
                    hint: Some("Check the list with `andel retention due`, then add --yes.".into()),
                    exit: 2,
                });
            }
            let mut vault = common::open_for_change(&args.vault)?;
            let applied = retention::apply(vault.conn(), today(), &actor, now)?;
            if !applied.items.is_empty() {
                vault.save(now)?;
            }
            if args.json {
                return common::print_json(&applied);
            }
            if applied.items.is_empty() {
                common::say("Nothing was past its retention; nothing changed.");
            }
            for i in &applied.items {
                common::say(format!("done: {}", i.text));
            }
            Ok(())
        }
        RetentionCommand::Rules(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let rules = retention::rules(vault.conn())?;
            if args.json {
                return common::print_json(&rules);
            }
            for r in &rules {
                let keep = |m: Option<u32>| m.map_or("kept".to_string(), |m| format!("{m} months"));
                common::say(format!(
                    "{:<24} {}{}",
                    r.kind.as_str(),
                    keep(r.months),
                    if r.changed {
                        format!(" (default {})", keep(r.default_months))
                    } else {
                        String::new()
                    }
                ));
            }
            Ok(())
        }
        RetentionCommand::Set(args) => {
            let kind: RecordKind = args.kind.parse()?;
            let mut vault = common::open_for_change(&args.vault)?;
            let rule = match args.value.trim() {
                "default" => retention::reset_rule(vault.conn(), kind, &actor, now)?,
                "keep" => retention::set_rule(vault.conn(), kind, None, &actor, now)?,
                n => {
                    let months: u32 = n.parse().map_err(|_| CliError {
                        message: format!("\"{n}\" is not a number of months, `keep` or `default`."),
                        hint: None,
                        exit: 2,
                    })?;
                    retention::set_rule(vault.conn(), kind, Some(months), &actor, now)?
                }
            };
            vault.save(now)?;
            common::say(format!(
                "{}: {}",
                rule.kind.as_str(),
                rule.months
                    .map_or("kept".to_string(), |m| format!("{m} months"))
            ));
            Ok(())
        }
    }
}
