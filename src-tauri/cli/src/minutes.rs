//! `andel minutes`: import minutes into the archive, list them, search them. A thin layer over
//! `andel_core::minutes`, the same functions the desktop app calls. Every file is read and checked
//! before anything is added, so a damaged or unreadable file leaves the archive untouched. Scans are
//! read with OCR in the association's language (or `--ocr-lang`), with a line per page on a terminal.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};

use andel_core::minutes::{self, MeetingKind};
use andel_core::ocr::{self, Language};
use chrono::NaiveDate;
use clap::{Args, Subcommand};

use crate::common::today;
use crate::common::{self, CliError, CliResult, VaultArgs};

#[derive(Debug, Subcommand)]
pub enum MinutesCommand {
    /// Import minutes (.txt, .md, .docx, .pdf; scans as .pdf, .png, .jpg, .tiff are read with OCR); the original file is kept.
    Import(ImportArgs),
    /// List the minutes in the archive, newest first.
    List(ListArgs),
    /// Full-text search in the minutes.
    Search(SearchArgs),
    /// Export minutes for the website: OUT with the original's extension (.docx, .pdf) publishes
    /// the original redacted in place; .txt, .md, .html or .pdf otherwise give the redacted text.
    Export(ExportArgs),
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The minutes' number (`andel minutes list`).
    #[arg(value_name = "ID")]
    id: andel_core::register::Id,
    /// Where to write the export.
    #[arg(long, value_name = "OUT")]
    out: PathBuf,
    /// block (█████), label ("[navn]") or pseudonym ("Andelshaver A").
    #[arg(long, default_value = "block", value_parser = crate::redact::style_arg)]
    style: andel_core::redact::Style,
    /// When publishing the original: remove every image (photos, signatures, logos).
    #[arg(long)]
    drop_images: bool,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// The files to import.
    #[arg(value_name = "FILE", required = true)]
    files: Vec<PathBuf>,
    /// The meeting's date (YYYY-MM-DD); else the date near the top of the text, else today.
    #[arg(long, value_parser = date_arg)]
    date: Option<NaiveDate>,
    /// ordinary or extraordinary general assembly, or board meeting; else guessed from the text.
    #[arg(long, value_parser = kind_arg)]
    kind: Option<MeetingKind>,
    /// The language scans are read in: da, nb or sv; else the association's country's.
    #[arg(long, value_name = "LANG", value_parser = lang_arg)]
    ocr_lang: Option<Language>,
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

#[derive(Debug, Args)]
pub struct SearchArgs {
    #[command(flatten)]
    vault: VaultArgs,
    /// Words that must all occur; end a word with * to search by its beginning.
    #[arg(value_name = "QUERY")]
    query: String,
    /// Print JSON.
    #[arg(long)]
    json: bool,
}

pub fn date_arg(text: &str) -> Result<NaiveDate, String> {
    andel_core::dates::parse_iso(text)
        .ok_or_else(|| format!("\"{text}\" is not a date; write it as YYYY-MM-DD"))
}

pub fn lang_arg(text: &str) -> Result<Language, String> {
    text.parse().map_err(|e: ocr::Error| e.to_string())
}

/// Prints "page 2 of 30" on standard error while a scan is read, when that is a terminal.
pub struct Progress {
    pub file: String,
}

impl ocr::Observer for Progress {
    fn page(&self, page: u32, pages: u32) {
        if std::io::stderr().is_terminal() {
            eprintln!("{}: reading page {page} of {pages} (OCR)…", self.file);
        }
    }
}

fn kind_arg(text: &str) -> Result<MeetingKind, String> {
    text.parse().map_err(|e: minutes::Error| e.to_string())
}

fn kind_words(kind: MeetingKind) -> &'static str {
    match kind {
        MeetingKind::Ordinary => "ordinary general assembly",
        MeetingKind::Extraordinary => "extraordinary general assembly",
        MeetingKind::Board => "board meeting",
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

/// Reads a file of minutes (or one to redact), refusing one larger than its format allows; the
/// error names the file.
pub fn read(path: &Path) -> CliResult<Vec<u8>> {
    Ok(minutes::read_file(path)?)
}

/// A core error about one file, with the file's name in front.
pub fn about(path: &Path, e: minutes::Error) -> CliError {
    let mut err = CliError::from(e);
    err.message = format!("{}: {}", path.display(), err.message);
    err
}

pub fn run(command: MinutesCommand) -> CliResult {
    match command {
        MinutesCommand::Import(args) => import(args),
        MinutesCommand::List(args) => list(args),
        MinutesCommand::Search(args) => search(args),
        MinutesCommand::Export(args) => export(args),
    }
}

fn export(args: ExportArgs) -> CliResult {
    use andel_core::publish;
    let mut vault = common::open_for_change(&args.vault)?;
    let (name, _) = minutes::original(vault.conn(), args.id)?;
    // The CLI has no review: undecided findings follow the policy, and the re-scan still refuses.
    if publish::in_place(Path::new(&name), &args.out).is_some() {
        let export = publish::OriginalExport {
            path: &args.out,
            options: publish::Options {
                style: args.style,
                drop_images: args.drop_images,
            },
            replace: true,
            undecided: minutes::Undecided::FollowPolicy,
        };
        let published = publish::export_original(&vault, args.id, &export, common::now())?;
        vault.save(common::now())?;
        for line in crate::redact::report_lines(&args.out, &published.report) {
            common::say(line);
        }
        return Ok(());
    }
    let export = minutes::WebExport {
        path: &args.out,
        style: args.style,
        replace: true,
        undecided: minutes::Undecided::FollowPolicy,
    };
    let report = minutes::export_for_web(&vault, args.id, &export, common::now())?;
    vault.save(common::now())?;
    common::say(format!(
        "Wrote {}; the re-scan found nothing left.",
        args.out.display()
    ));
    if let Some(line) = crate::redact::rescanned_line(report.rescanned) {
        common::say(line);
    }
    Ok(())
}

fn import(args: ImportArgs) -> CliResult {
    let today = today();
    // The archive first: its country says which language scans are read in.
    let mut vault = common::open_for_change(&args.vault)?;
    let language = match args.ocr_lang {
        Some(l) => l,
        None => Language::of_association(vault.conn()),
    };
    let mut prepared = Vec::with_capacity(args.files.len());
    for path in &args.files {
        let bytes = read(path)?;
        let progress = Progress {
            file: file_name(path),
        };
        let with = minutes::Ocr {
            language,
            observer: &progress,
        };
        let doc = minutes::prepare_with(
            &file_name(path),
            bytes,
            args.date,
            args.kind,
            today,
            Some(&with),
        )
        .map_err(|e| about(path, e))?;
        for w in &doc.warnings {
            eprintln!("{}: warning: {w}", path.display());
        }
        prepared.push((path, doc));
    }
    let mut added = Vec::with_capacity(prepared.len());
    for (path, doc) in &prepared {
        let d = minutes::add(vault.conn(), doc, &common::actor(), common::now())
            .map_err(|e| about(path, e))?;
        added.push(d);
    }
    vault.save(common::now())?;
    if args.json {
        return common::print_json(&added);
    }
    for d in &added {
        common::say(format!(
            "Imported minutes #{}: {} ({}, {}, {} characters)",
            d.id,
            d.file_name,
            d.date,
            kind_words(d.kind),
            d.chars
        ));
    }
    Ok(())
}

fn list(args: ListArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let docs = minutes::list(vault.conn())?;
    if args.json {
        return common::print_json(&docs);
    }
    if docs.is_empty() {
        common::say("No minutes in the archive yet. Add some with `andel minutes import`.");
    }
    for d in &docs {
        common::say(format!(
            "#{:<4} {}  {:<31} {}",
            d.id,
            d.date,
            kind_words(d.kind),
            d.title
        ));
    }
    Ok(())
}

fn search(args: SearchArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let hits = minutes::search(vault.conn(), &args.query, 100)?;
    if args.json {
        return common::print_json(&hits);
    }
    if hits.is_empty() {
        common::say("No minutes match.");
    }
    for h in &hits {
        common::say(format!("#{:<4} {}  {}", h.id, h.date, h.title));
        common::say(format!("      {}", h.snippet));
    }
    Ok(())
}
