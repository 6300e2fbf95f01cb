//! Commands for the register: importing the administrator's resident list, listing units and
//! people, roles, organisations, sublets and name-plate orders. Each one is a thin layer over
//! `andel_core::register`, the same functions the desktop app calls.

use std::path::PathBuf;

use andel_core::document::Lang;
use andel_core::overview;
use andel_core::register::organisations::{self, OrganisationFields, OrganisationKind};
use andel_core::register::plates::{self, PlateKind};
use andel_core::register::roles::{self, RoleKind};
use andel_core::register::sublets::{self, Decision};
use andel_core::register::{import, pages, people, plates_order, split, units, Id};
use andel_core::vault::Vault;
use chrono::NaiveDate;
use clap::{ArgGroup, Args, Subcommand};
use serde::Serialize;

use crate::common::today;
use crate::common::{self, CliError, CliResult, PersonArgs, VaultArgs};

fn date_arg(text: &str) -> Result<NaiveDate, String> {
    andel_core::dates::parse_iso(text)
        .ok_or_else(|| format!("\"{text}\" is not a date; write it as YYYY-MM-DD"))
}

fn print_or<T: Serialize>(json: bool, value: &T, human: impl FnOnce()) -> CliResult {
    if json {
        common::print_json(value)
    } else {
        human();
        Ok(())
    }
}

/// Saves after a change; the archive on disk is only replaced by a whole, encrypted file.
fn save(vault: &mut Vault) -> CliResult {
    vault.save(common::now())?;
    Ok(())
}

// ---------------------------------------------------------------------------------------------
// import residents

#[derive(Debug, Subcommand)]
pub enum ImportCommand {
    /// Import the administrator's resident list (CSV or XLSX): new owners are added, owners no
    /// longer listed get an end date, changed contact data is updated.
    Residents(ImportArgs),
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The resident list (.csv, .txt or .xlsx).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Show what would change without changing anything.
    #[arg(long)]
    dry_run: bool,
    /// Carry out the import even when it ends more than half of the current ownerships (every
    /// owner not in the list is taken to have moved out); without it such an import is refused.
    #[arg(long)]
    allow_mass_end: bool,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Read a column as a field, e.g. --map "Leil.nr=flat" (remembered for the next list).
    /// Fields: share, flat, address, postcode_city, floor, name, co_owner, first_name,
    /// last_name, phone, email, moved_in, sublet, ignore.
    #[arg(long = "map", value_name = "COLUMN=field")]
    map: Vec<String>,
}

/// A row in the JSON report: its number and the reason, as scripts expect.
#[derive(Debug, Serialize)]
struct RowJson<'a> {
    row: u32,
    reason: &'a str,
}

fn rows_json(issues: &[import::RowIssue]) -> Vec<RowJson<'_>> {
    issues
        .iter()
        .map(|i| RowJson {
            row: i.row,
            reason: &i.reason,
        })
        .collect()
}

#[derive(Debug, Serialize)]
struct ImportJson<'a> {
    units: u32,
    people: u32,
    ownerships: u32,
    added: usize,
    changed: usize,
    ended: usize,
    rejected: Vec<RowJson<'a>>,
    /// Rows taken with a value left out (a national ID, a broken e-mail address).
    warnings: Vec<RowJson<'a>>,
    notes: &'a [String],
    /// Ownerships open in the register before the import.
    open_before: u32,
    /// The import ends more than half of them (it needs --allow-mass-end).
    mass_end: bool,
    takes_nothing: bool,
    dry_run: bool,
    columns: &'a [import::Column],
    details: Details<'a>,
}

#[derive(Debug, Serialize)]
struct Details<'a> {
    added: &'a [import::Change],
    changed: &'a [import::Change],
    ended: &'a [import::Change],
}

pub fn import(command: ImportCommand) -> CliResult {
    let ImportCommand::Residents(args) = command;
    // Read and check the file before the archive is opened: a junk file must leave it alone.
    let bytes = import::read_file(&args.file)?;
    let table = import::read(&bytes)?;
    let mapping = args
        .map
        .iter()
        .map(|m| import::parse_mapping(m))
        .collect::<Result<Vec<_>, _>>()?;
    let report = if args.dry_run {
        let vault = common::open_read_only(&args.vault)?;
        import::preview(vault.conn(), &table, &mapping, today())?
    } else {
        let mut vault = common::open_for_change(&args.vault)?;
        // Plan first without the lock on anything: a list Andel cannot map fails here, before
        // the archive is touched.
        import::preview(vault.conn(), &table, &mapping, today())?;
        let actor = vault.actor().to_string();
        let report = import::apply_confirmed(
            vault.conn_mut(),
            &table,
            &mapping,
            today(),
            &actor,
            common::now(),
            args.allow_mass_end,
        )?;
        save(&mut vault)?;
        report
    };
    let json = ImportJson {
        units: report.units,
        people: report.people,
        ownerships: report.ownerships,
        added: report.added.len(),
        changed: report.changed.len(),
        ended: report.ended.len(),
        rejected: rows_json(&report.rejected),
        warnings: rows_json(&report.warnings),
        notes: &report.notes,
        open_before: report.open_before,
        mass_end: report.mass_end,
        takes_nothing: report.takes_nothing,
        dry_run: args.dry_run,
        columns: &report.columns,
        details: Details {
            added: &report.added,
            changed: &report.changed,
            ended: &report.ended,
        },
    };
    print_or(args.json, &json, || {
        common::say(format!(
            "The list holds {} units, {} people and {} ownerships.",
            report.units, report.people, report.ownerships
        ));
        let verb = if args.dry_run { "Would add" } else { "Added" };
        common::say(format!(
            "{verb} {}, changed {}, ended {}; {} rows not taken.",
            report.added.len(),
            report.changed.len(),
            report.ended.len(),
            report.rejected.len()
        ));
        for (label, list) in [
            ("add", &report.added),
            ("change", &report.changed),
            ("end", &report.ended),
        ] {
            for c in list {
                common::say(format!(
                    "  {label:<6} unit {:<8} {:<30} {}",
                    c.unit,
                    c.person.as_deref().unwrap_or(""),
                    c.detail
                ));
            }
        }
        for r in &report.rejected {
            common::say(format!("  row {}: not taken: {}", r.row, r.reason));
        }
        for r in &report.warnings {
            common::say(format!("  row {}: {}", r.row, r.reason));
        }
        for n in &report.notes {
            common::say(format!("  note: {n}"));
        }
        if report.takes_nothing {
            common::say(format!(
                "None of the {} rows can be taken: importing this list would change nothing. Fix the column or the values named above (or map the column with --map) and try again.",
                report.rejected.len()
            ));
        }
        if report.mass_end && args.dry_run {
            common::say(format!(
                "This ends {} of the {} current ownerships, more than half: the import needs --allow-mass-end{}.",
                report.ended.len(),
                report.open_before,
                if args.allow_mass_end { " (given)" } else { "" }
            ));
        }
        if args.dry_run {
            common::say("Nothing was changed (--dry-run).");
        }
    })
}

// ---------------------------------------------------------------------------------------------
// units and people

#[derive(Debug, Subcommand)]
pub enum UnitsCommand {
    /// List the units with their current owners.
    List(ListArgs),
    /// One unit with its whole history: owners, sublets, name plates.
    Show(UnitShowArgs),
}

#[derive(Debug, Args)]
pub struct UnitShowArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The unit's number.
    #[arg(value_name = "UNIT")]
    unit: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn units(command: UnitsCommand) -> CliResult {
    let args = match command {
        UnitsCommand::List(args) => args,
        UnitsCommand::Show(args) => return unit_show(args),
    };
    let vault = common::open_read_only(&args.vault)?;
    let list = units::list(vault.conn(), today())?;
    print_or(args.json, &list, || {
        for u in &list {
            let place = [u.unit.address.as_deref(), u.unit.floor_side.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ");
            common::say(format!(
                "{:<8} {:<32} {}",
                u.unit.number,
                place,
                u.owners.join(", ")
            ));
        }
    })
}

fn unit_show(args: UnitShowArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let unit = units::by_number(vault.conn(), &args.unit)?;
    let page = pages::unit(vault.conn(), unit.id, today())?;
    print_or(args.json, &page, || {
        let u = &page.unit;
        let place = [
            u.address.as_deref(),
            u.floor_side.as_deref(),
            u.postcode_city.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(", ");
        common::say(format!("Unit {}  {place}", u.number));
        for o in &page.ownerships {
            common::say(format!(
                "  owner     {:<32} {} to {}",
                o.person_name,
                o.from.map_or("?".to_string(), |d| d.to_string()),
                o.to.map_or("now".to_string(), |d| d.to_string())
            ));
        }
        page.sublets.iter().for_each(say_sublet);
        page.plates.iter().for_each(say_plate);
    })
}

#[derive(Debug, Subcommand)]
pub enum PeopleCommand {
    /// List the people connected to the association today (or, with --former, no longer).
    List(PeopleListArgs),
    /// One person and everything they are connected to.
    Show(PersonShowArgs),
    /// Split a record that stands for two people with one name (an earlier Andel merged them):
    /// the unit's ownerships and its sublets move to a new person of the same name.
    Split(PersonSplitArgs),
    /// Confirm that a record marked for checking is one person (it owns several units).
    Confirm(PersonConfirmArgs),
}

#[derive(Debug, Args)]
pub struct PersonShowArgs {
    #[command(flatten)]
    vault: VaultArgs,
    #[command(flatten)]
    person: PersonArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct PersonSplitArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The record's id (`andel people list --json`).
    #[arg(value_name = "ID")]
    id: Id,
    /// The unit whose ownerships belong to the other person.
    #[arg(long, value_name = "UNIT")]
    unit: String,
    /// The other person's phone number, if you have it (else the next resident list fills it).
    #[arg(long)]
    phone: Option<String>,
    /// The other person's e-mail address, if you have it.
    #[arg(long)]
    email: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct PersonConfirmArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The record's id.
    #[arg(value_name = "ID")]
    id: Id,
}

fn person_split(args: PersonSplitArgs) -> CliResult {
    let mut vault = common::open_for_change(&args.vault)?;
    let actor = vault.actor().to_string();
    let now = common::now();
    let contact = people::PersonFields {
        phone: args.phone.clone(),
        email: args.email.clone(),
        ..Default::default()
    };
    let done = split::split(vault.conn(), args.id, &args.unit, &contact, &actor, now)?;
    save(&mut vault)?;
    print_or(args.json, &done, || {
        common::say(format!(
            "Split {} (#{}): unit {} now belongs to the new record #{} ({} ownership(s), {} sublet(s) moved). #{} keeps the contact data, roles and requests.",
            done.kept.name,
            done.kept.id,
            done.unit,
            done.new.id,
            done.ownerships_moved,
            done.sublets_moved,
            done.kept.id
        ))
    })
}

fn person_confirm(args: PersonConfirmArgs) -> CliResult {
    let mut vault = common::open_for_change(&args.vault)?;
    let actor = vault.actor().to_string();
    split::confirm_one(vault.conn(), args.id, &actor, common::now())?;
    save(&mut vault)?;
    common::say(format!(
        "Person #{} is one person; the mark is gone.",
        args.id
    ));
    Ok(())
}

fn person_show(args: PersonShowArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let person = people::resolve_one(vault.conn(), &args.person.who())?;
    let page = pages::person(vault.conn(), person.id, today())?;
    print_or(args.json, &page, || {
        let p = &page.person;
        common::say(format!(
            "#{} {}  {}",
            p.id,
            p.name,
            [p.phone.as_deref(), p.email.as_deref()]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        ));
        if page.review.is_some() {
            common::say(format!(
                "  check: this record owns or owned several units and was written by an earlier Andel, which merged people with the same name. If they are two people: `andel people split {} --unit UNIT`; if one: `andel people confirm {}`.",
                p.id, p.id
            ));
        }
        for o in &page.ownerships {
            common::say(format!(
                "  owner of unit {:<8} {} to {}",
                o.unit_number,
                o.from.map_or("?".to_string(), |d| d.to_string()),
                o.to.map_or("now".to_string(), |d| d.to_string())
            ));
        }
        for r in &page.roles {
            common::say(format!(
                "  {:<22} {} to {}",
                r.kind.as_str(),
                r.from.map_or("?".to_string(), |d| d.to_string()),
                r.to.map_or("now".to_string(), |d| d.to_string())
            ));
        }
        page.sublets.iter().for_each(say_sublet);
    })
}

#[derive(Debug, Args)]
pub struct PeopleListArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
    /// Former owners and officials instead of current ones.
    #[arg(long)]
    former: bool,
}

pub fn people(command: PeopleCommand) -> CliResult {
    let args = match command {
        PeopleCommand::List(args) => args,
        PeopleCommand::Show(args) => return person_show(args),
        PeopleCommand::Split(args) => return person_split(args),
        PeopleCommand::Confirm(args) => return person_confirm(args),
    };
    let vault = common::open_read_only(&args.vault)?;
    let list = people::list(vault.conn(), today(), args.former)?;
    print_or(args.json, &list, || {
        for p in &list {
            let mut what: Vec<String> = p.units.iter().map(|u| format!("unit {u}")).collect();
            what.extend(p.roles.iter().cloned());
            if let Some(d) = p.moved_out {
                what.push(format!("moved out {d}"));
            }
            common::say(format!(
                "#{:<5} {:<32} {}",
                p.person.id,
                p.person.name,
                what.join(", ")
            ));
        }
    })
}

// ---------------------------------------------------------------------------------------------
// roles

#[derive(Debug, Subcommand)]
pub enum RolesCommand {
    /// Give someone a role; the person is added when no one has that name.
    Add(RoleAddArgs),
    /// List the roles held today.
    List(ListArgs),
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("who").required(true).args(["person", "name"])))]
pub struct RoleAddArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The person's id (`andel people list --json`).
    #[arg(long, value_name = "ID")]
    person: Option<Id>,
    /// The person's name: added to the register when no one has it, refused when several do.
    #[arg(long = "person-name", alias = "name", value_name = "NAME")]
    name: Option<String>,
    /// chair, vice-chair, treasurer, secretary, board-member, alternate, meeting-chair,
    /// minute-taker, auditor, nomination-committee or webmaster.
    #[arg(long, value_name = "KIND", value_parser = |s: &str| s.parse::<RoleKind>().map_err(|e| e.to_string()))]
    role: RoleKind,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    from: Option<NaiveDate>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    to: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn roles(command: RolesCommand) -> CliResult {
    match command {
        RolesCommand::Add(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let who = match (args.person, &args.name) {
                (Some(id), _) => people::Who::Id(id),
                (None, name) => people::Who::Name(name.clone().unwrap_or_default()),
            };
            let role = roles::add_by_name(
                vault.conn_mut(),
                &who,
                args.role,
                args.from,
                args.to,
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &role, || {
                common::say(format!(
                    "{} is {} (role #{}).",
                    role.person_name,
                    role.kind.as_str(),
                    role.id
                ))
            })
        }
        RolesCommand::List(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let list = roles::current(vault.conn(), today())?;
            print_or(args.json, &list, || {
                for r in &list {
                    common::say(format!(
                        "#{:<4} {:<22} {:<30} {}",
                        r.id,
                        r.kind.as_str(),
                        r.person_name,
                        r.from.map(|d| format!("from {d}")).unwrap_or_default()
                    ));
                }
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// organisations

#[derive(Debug, Subcommand)]
pub enum OrgsCommand {
    /// Add an organisation the association works with.
    Add(OrgAddArgs),
    /// List the organisations.
    List(ListArgs),
}

#[derive(Debug, Args)]
pub struct OrgAddArgs {
    #[command(flatten)]
    vault: VaultArgs,
    #[arg(long, value_name = "NAME")]
    name: String,
    /// administrator, caretaker, cloud, newsletter, bank, auditor or other.
    #[arg(long, value_name = "KIND", value_parser = |s: &str| s.parse::<OrganisationKind>().map_err(|e| e.to_string()))]
    kind: OrganisationKind,
    /// When the data processing agreement was signed.
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    dpa_signed: Option<NaiveDate>,
    /// The agreement's reference.
    #[arg(long, value_name = "TEXT")]
    dpa_reference: Option<String>,
    /// The country outside the EU/EEA it transfers personal data to (two-letter code).
    #[arg(long, value_name = "CC")]
    third_country: Option<String>,
    /// The safeguard for that transfer: DPF (the EU-US Data Privacy Framework) or SCC (standard
    /// contractual clauses), which every document names in its own language, or the board's own
    /// words.
    #[arg(long, value_name = "DPF|SCC|TEXT")]
    safeguard: Option<String>,
    /// The language the board's own safeguard is written in (documents in other languages print
    /// it as written, with a warning); without it, the association's language.
    #[arg(long, value_name = "da|nb|sv|en", value_parser = crate::privacy::lang_arg, requires = "safeguard")]
    safeguard_lang: Option<andel_core::document::Lang>,
    #[arg(long, value_name = "TEXT")]
    contact: Option<String>,
    #[arg(long, value_name = "ADDRESS")]
    email: Option<String>,
    #[arg(long, value_name = "NUMBER")]
    phone: Option<String>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn orgs(command: OrgsCommand) -> CliResult {
    match command {
        OrgsCommand::Add(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let fields = OrganisationFields {
                name: Some(args.name.clone()),
                kind: Some(args.kind),
                contact: args.contact.clone(),
                email: args.email.clone(),
                phone: args.phone.clone(),
                dpa_signed_on: args.dpa_signed.map(|d| d.format("%Y-%m-%d").to_string()),
                dpa_reference: args.dpa_reference.clone(),
                third_country: args.third_country.clone(),
                transfer_safeguard: args.safeguard.clone(),
                transfer_safeguard_language: args.safeguard_lang,
            };
            let org = organisations::add(vault.conn(), &fields, &actor, common::now())?;
            save(&mut vault)?;
            print_or(args.json, &org, || {
                common::say(format!(
                    "Added {} ({}, #{}).",
                    org.name,
                    org.kind.as_str(),
                    org.id
                ))
            })
        }
        OrgsCommand::List(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let list = organisations::list(vault.conn())?;
            print_or(args.json, &list, || {
                for o in &list {
                    let dpa = match o.dpa_signed_on {
                        Some(d) => format!("agreement signed {d}"),
                        None => "no agreement".into(),
                    };
                    let transfer = o
                        .third_country
                        .as_deref()
                        .map(|c| format!(", transfers to {c}"))
                        .unwrap_or_default();
                    common::say(format!(
                        "#{:<4} {:<14} {:<40} {dpa}{transfer}",
                        o.id,
                        o.kind.as_str(),
                        o.name
                    ));
                }
            })
        }
    }
}

// ---------------------------------------------------------------------------------------------
// sublets

#[derive(Debug, Subcommand)]
pub enum SubletsCommand {
    /// Record an owner's request to sublet their unit.
    Add(SubletAddArgs),
    /// Record the board's decision on a request.
    Decide(SubletDecideArgs),
    /// Close a sublet: the subtenant has moved out.
    End(SubletEndArgs),
    /// List the sublets with their status and warnings.
    List(ListArgs),
    /// The association's sublet rules (the longest sublet its statutes allow).
    Rules {
        #[command(subcommand)]
        command: SubletRulesCommand,
    },
}

#[derive(Debug, Subcommand)]
pub enum SubletRulesCommand {
    /// Show the maximum period and where it comes from.
    Show(ListArgs),
    /// Set the maximum period from the association's statutes.
    Set(SubletRulesSetArgs),
}

#[derive(Debug, Args)]
pub struct SubletRulesSetArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The longest sublet the statutes allow, in months (1–120).
    #[arg(long, value_name = "N")]
    max_months: u32,
}

fn say_rule(rule: &sublets::MaxRule) {
    if rule.set_by_board {
        common::say(format!(
            "Longest sublet: {} months (the association's rule; the country's default is {}).",
            rule.months, rule.default_months
        ));
    } else {
        common::say(format!(
            "Longest sublet: {} months, a default from {}. Set your statutes' maximum with `andel sublets rules set --max-months N`.",
            rule.months, rule.default_source
        ));
    }
}

#[derive(Debug, Args)]
pub struct SubletAddArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The unit's number.
    #[arg(long, value_name = "UNIT")]
    unit: String,
    /// The subtenant's name: added to the register when no one has it, refused when several
    /// people do (then use --subtenant-id).
    #[arg(
        long,
        value_name = "NAME",
        required_unless_present = "subtenant_id",
        conflicts_with = "subtenant_id"
    )]
    subtenant: Option<String>,
    /// The subtenant's id in the register.
    #[arg(long, value_name = "ID")]
    subtenant_id: Option<Id>,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    from: NaiveDate,
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    to: NaiveDate,
    #[arg(long, value_name = "TEXT")]
    reason: Option<String>,
    /// The day the request was made (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    requested: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
#[command(group(ArgGroup::new("decision").required(true).args(["approve", "reject"])))]
pub struct SubletDecideArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The sublet's number.
    #[arg(value_name = "ID")]
    id: Id,
    #[arg(long)]
    approve: bool,
    #[arg(long)]
    reject: bool,
    /// The day of the decision (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// The deciding board member's name (default: the person named like ANDEL_ACTOR, if any).
    #[arg(long, value_name = "NAME")]
    by: Option<String>,
    /// Norway only, with --approve: the special grounds of borettslagsloven § 5-6 (1) the board
    /// approved on: legal-person (nr. 1), absence (nr. 2: work, study, military service, illness
    /// or other weighty reasons), relative (nr. 3) or family-law (nr. 4). Such a sublet may run
    /// longer than the maximum and is not flagged as too long.
    #[arg(long, value_name = "GROUNDS", value_parser = |s: &str| s.parse::<sublets::SpecialGrounds>().map_err(|e| e.to_string()))]
    special_grounds: Option<sublets::SpecialGrounds>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct SubletEndArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The sublet's number.
    #[arg(value_name = "ID")]
    id: Id,
    /// The day the subtenant moved out (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn say_sublet(s: &sublets::Sublet) {
    common::say(format!(
        "#{:<4} unit {:<8} {:<28} {} to {}  {}",
        s.id,
        s.unit_number,
        s.subtenant_name,
        s.from,
        s.to,
        s.status.as_str()
    ));
    if let Some(grounds) = s.special_grounds {
        common::say(format!("      special grounds: {grounds}"));
    }
    for w in &s.warnings {
        common::say(format!("      warning: {w}"));
    }
}

pub fn sublets(command: SubletsCommand) -> CliResult {
    match command {
        SubletsCommand::Add(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let unit = units::by_number(vault.conn(), &args.unit)?;
            let request = sublets::NamedRequest {
                unit_id: unit.id,
                subtenant: match (args.subtenant_id, &args.subtenant) {
                    (Some(id), _) => people::Who::Id(id),
                    (None, name) => people::Who::Name(name.clone().unwrap_or_default()),
                },
                requested_on: args.requested.unwrap_or_else(today),
                reason: args.reason.clone(),
                from: args.from,
                to: args.to,
            };
            let sublet = sublets::request_by_name(
                vault.conn_mut(),
                &request,
                &actor,
                today(),
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &sublet, || {
                common::say(format!("Recorded sublet request #{}.", sublet.id));
                say_sublet(&sublet);
            })
        }
        SubletsCommand::Decide(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let day = today();
            let ruling = sublets::NamedRuling {
                decision: if args.approve {
                    Decision::Approved
                } else {
                    Decision::Rejected
                },
                on: args.date.unwrap_or(day),
                by: args.by.as_deref(),
                special_grounds: args.special_grounds,
            };
            let sublet =
                sublets::decide_by_name(vault.conn(), args.id, ruling, day, &actor, common::now())?;
            save(&mut vault)?;
            print_or(args.json, &sublet, || say_sublet(&sublet))
        }
        SubletsCommand::End(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let day = today();
            let sublet = sublets::end(
                vault.conn(),
                args.id,
                args.date.unwrap_or(day),
                day,
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &sublet, || say_sublet(&sublet))
        }
        SubletsCommand::List(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let list = sublets::list(vault.conn(), today())?;
            print_or(args.json, &list, || list.iter().for_each(say_sublet))
        }
        SubletsCommand::Rules {
            command: SubletRulesCommand::Show(args),
        } => {
            let vault = common::open_read_only(&args.vault)?;
            let rule = sublets::max_rule(vault.conn())?;
            print_or(args.json, &rule, || say_rule(&rule))
        }
        SubletsCommand::Rules {
            command: SubletRulesCommand::Set(args),
        } => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            sublets::set_max_months(vault.conn(), args.max_months, &actor, common::now())?;
            save(&mut vault)?;
            say_rule(&sublets::max_rule(vault.conn())?);
            Ok(())
        }
    }
}

// ---------------------------------------------------------------------------------------------
// name plates

#[derive(Debug, Subcommand)]
pub enum PlatesCommand {
    /// Draft a name-plate order for a unit.
    Add(PlateAddArgs),
    /// List the name-plate orders.
    List(ListArgs),
    /// The order was sent to the caretaker.
    Sent(PlateSentArgs),
    /// The plates were mounted.
    Mounted(PlateMountedArgs),
    /// Write the order for the caretaker as PDF: the given orders, or every one not yet sent.
    Order(PlateOrderArgs),
}

#[derive(Debug, Args)]
pub struct PlateOrderArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// An order's number (repeat for more; default: every order not yet sent).
    #[arg(long = "id", value_name = "ID")]
    ids: Vec<Id>,
    /// The PDF to write.
    #[arg(long, value_name = "FILE.pdf")]
    out: PathBuf,
    /// The language (da, nb, sv, en; default the association's).
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Also record the drafts in it as sent today (to the caretaker, if there is exactly one).
    #[arg(long)]
    mark_sent: bool,
}

#[derive(Debug, Args)]
pub struct PlateAddArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The unit's number.
    #[arg(long, value_name = "UNIT")]
    unit: String,
    /// A line of text on the plate (repeat for more lines).
    #[arg(long = "line", value_name = "TEXT", required = true)]
    lines: Vec<String>,
    /// door, mailbox or intercom (repeat; default door and mailbox).
    #[arg(long = "kind", value_name = "KIND", value_parser = |s: &str| s.parse::<PlateKind>().map_err(|e| e.to_string()))]
    kinds: Vec<PlateKind>,
    /// The day the order was made, when it is typed in later (default today; not after today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    on: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct PlateSentArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The order's number.
    #[arg(value_name = "ID")]
    id: Id,
    /// The organisation it was sent to (default: the caretaker, if there is exactly one).
    #[arg(long, value_name = "ORG")]
    to: Option<String>,
    /// The day it was sent (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct PlateMountedArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The order's number.
    #[arg(value_name = "ID")]
    id: Id,
    /// The day the plates were mounted (default today).
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

fn say_plate(o: &plates::PlateOrder) {
    let kinds: Vec<&str> = o.kinds.iter().map(|k| k.as_str()).collect();
    let state = match o.status {
        plates::PlateStatus::Draft => "draft".to_string(),
        plates::PlateStatus::Sent => format!(
            "sent {}{}",
            o.sent_on.map(|d| d.to_string()).unwrap_or_default(),
            o.sent_to_name
                .as_deref()
                .map(|n| format!(" to {n}"))
                .unwrap_or_default()
        ),
        plates::PlateStatus::Mounted => format!(
            "mounted {}",
            o.mounted_on.map(|d| d.to_string()).unwrap_or_default()
        ),
    };
    common::say(format!(
        "#{:<4} unit {:<8} {:<40} {:<22} {state}",
        o.id,
        o.unit_number,
        o.lines.join(" / "),
        kinds.join(",")
    ));
}

pub fn plates(command: PlatesCommand) -> CliResult {
    match command {
        PlatesCommand::Add(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let unit = units::by_number(vault.conn(), &args.unit)?;
            let day = today();
            let order = plates::add(
                vault.conn(),
                unit.id,
                &args.lines,
                &args.kinds,
                args.on.unwrap_or(day),
                day,
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &order, || say_plate(&order))
        }
        PlatesCommand::List(args) => {
            let vault = common::open_read_only(&args.vault)?;
            let list = plates::list(vault.conn())?;
            print_or(args.json, &list, || list.iter().for_each(say_plate))
        }
        PlatesCommand::Sent(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let to = match &args.to {
                Some(name) => Some(find_org(&vault, name)?),
                None => plates_order::the_caretaker(vault.conn())?,
            };
            let order = plates::mark_sent(
                vault.conn(),
                args.id,
                to,
                args.date.unwrap_or_else(today),
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &order, || say_plate(&order))
        }
        PlatesCommand::Order(args) => {
            let mut vault = if args.mark_sent {
                common::open_for_change(&args.vault)?
            } else {
                common::open_read_only(&args.vault)?
            };
            let lang = match &args.lang {
                Some(code) => code.parse()?,
                None => Lang::of_association(vault.conn())?,
            };
            let doc =
                plates_order::document(vault.conn(), &args.ids, lang, today(), common::now())?;
            common::write_pdf(&args.out, &doc)?;
            if !args.mark_sent {
                common::say(
                    "The orders stay drafts until you record them as sent: add --mark-sent, \
                     or `andel plates sent ID`.",
                );
                return Ok(());
            }
            let actor = vault.actor().to_string();
            let marked = plates_order::mark_drafts_sent(
                vault.conn(),
                &args.ids,
                today(),
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            common::say(format!("Recorded {marked} order(s) as sent today."));
            Ok(())
        }
        PlatesCommand::Mounted(args) => {
            let mut vault = common::open_for_change(&args.vault)?;
            let actor = vault.actor().to_string();
            let order = plates::mark_mounted(
                vault.conn(),
                args.id,
                args.date.unwrap_or_else(today),
                &actor,
                common::now(),
            )?;
            save(&mut vault)?;
            print_or(args.json, &order, || say_plate(&order))
        }
    }
}

/// An organisation by name, or by number ("3" or "#3").
fn find_org(vault: &Vault, name: &str) -> CliResult<Id> {
    let conn = vault.conn();
    if let Some(org) = organisations::find(conn, name)? {
        return Ok(org.id);
    }
    if let Ok(id) = name.trim().trim_start_matches('#').parse::<Id>() {
        return Ok(organisations::get(conn, id)?.id);
    }
    Err(
        CliError::user(format!("There is no organisation named {name}."))
            .with_hint("`andel orgs list` shows them; add one with `andel orgs add`."),
    )
}

// ---------------------------------------------------------------------------------------------
// overview

#[derive(Debug, Args)]
pub struct OverviewArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn overview(args: OverviewArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let o = overview::overview(vault.conn(), today())?;
    print_or(args.json, &o, || {
        if o.is_clear() {
            common::say("Nothing needs the board's attention.");
        }
        for (title, list) in [
            ("Sublet requests awaiting a decision", &o.awaiting_decision),
            ("Sublets ending soon", &o.ending_soon),
            ("Sublets past their end, not closed", &o.overdue),
            ("Sublets longer than the association allows", &o.too_long),
        ] {
            if !list.is_empty() {
                common::say(format!("{title}:"));
                list.iter().for_each(say_sublet);
            }
        }
        for (title, list) in [
            ("Name-plate orders not sent", &o.plates_not_sent),
            ("Name-plate orders not mounted", &o.plates_not_mounted),
        ] {
            if !list.is_empty() {
                common::say(format!("{title}:"));
                list.iter().for_each(say_plate);
            }
        }
        // Requests, retention and the notice are what the GDPR holds the board to; the text
        // overview said nothing of them while the JSON listed them.
        if !o.requests_due.is_empty() {
            common::say("Residents' requests due within 7 days or overdue:");
            o.requests_due.iter().for_each(crate::requests::say_request);
        }
        if !o.retention_due.is_empty() {
            common::say(
                "Records past their retention (`andel retention apply --yes` deletes them):",
            );
            for i in &o.retention_due {
                common::say(format!("due {}  {}", i.due_on, i.text));
            }
        }
        if let Some(n) = &o.notice_due {
            let what = if n.earlier_issued {
                "no longer matches the register, the organisations or the activities"
            } else {
                "has never been issued"
            };
            common::say(format!(
                "The privacy notice in {} {what}: `andel notice --out FILE` issues version {}.",
                common::language_name(n.language),
                n.version
            ));
        }
    })
}
