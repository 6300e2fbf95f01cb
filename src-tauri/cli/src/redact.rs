//! `andel detect`, `andel redact` and `andel verify`: the redaction of minutes for scripts.
//!
//! FILE may be .txt, .md, .docx or .pdf (the same text extraction as the minutes import). With
//! `--vault` the register is loaded for the document's date (from the archive when the file was
//! imported there, else the date near the top of the text, else today), and the webmaster's stored
//! decisions for an imported file are laid over the findings; without it only the pattern and
//! unknown-name recognizers run. `redact` uses the default policy and refuses (exit 3, nothing
//! written) when the re-scan of its own output still finds personal data. When OUT has FILE's own
//! extension (.docx → .docx, .pdf → .pdf) the original is redacted in place (`andel_core::publish`);
//! any other extension gives the text rendering.

use std::path::{Path, PathBuf};

use andel_core::minutes::{self, ExportFormat, Format};
use andel_core::ocr::Language;
use andel_core::publish;
use andel_core::redact::{self, Context, Decision, Finding, Recognizer, ReviewDecision, Style};
use clap::Args;
use serde::Serialize;

use crate::common::today;
use crate::common::{self, CliError, CliResult, VaultArgs};
use crate::minutes::{about, read};

/// `--vault` and its unlocking options, all optional.
#[derive(Debug, Args)]
pub struct OptionalVault {
    /// The archive whose register (residents, board, organisations) guides the redaction.
    #[arg(long, value_name = "FILE")]
    vault: Option<PathBuf>,
    /// Read the passphrase from the first line of this file.
    #[arg(long, value_name = "FILE")]
    passphrase_file: Option<PathBuf>,
    /// An age identity file for archives encrypted to board members' keys.
    #[arg(long, value_name = "KEYFILE")]
    identity: Vec<PathBuf>,
    /// The language a scan is read in: da, nb or sv; else the archive's country's, else da.
    #[arg(long, value_name = "LANG", value_parser = crate::minutes::lang_arg)]
    ocr_lang: Option<andel_core::ocr::Language>,
}

#[derive(Debug, Args)]
pub struct DetectArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The minutes (.txt, .md, .docx or .pdf).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Print JSON: [{"kind", "start", "end", "text", "recognizer", "score", "decision"}].
    #[arg(long)]
    json: bool,
}

#[derive(Debug, Args)]
pub struct RedactArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The minutes (.txt, .md, .docx or .pdf).
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// Where to write the redacted minutes. FILE's own extension (.docx, .pdf) redacts the original
    /// in place; .txt, .md, .html or .pdf otherwise give the redacted text in that format.
    #[arg(long, value_name = "OUT")]
    out: PathBuf,
    /// block (█████), label ("[navn]") or pseudonym ("Andelshaver A").
    #[arg(long, default_value = "block", value_parser = style_arg)]
    style: Style,
    /// When publishing the original: remove every image (photos, signatures, logos).
    #[arg(long)]
    drop_images: bool,
}

#[derive(Debug, Args)]
pub struct VerifyArgs {
    #[command(flatten)]
    vault: OptionalVault,
    /// The file to check (.txt, .md, .docx, .pdf or .html).
    #[arg(value_name = "FILE")]
    file: PathBuf,
}

/// What publishing the original did, in one paragraph for the terminal.
/// The line that says how many passages only the re-scan of the redacted text found (redacted too,
/// not shown in any review): `None` when there were none.
pub fn rescanned_line(passages: u32) -> Option<String> {
    match passages {
        0 => None,
        1 => Some("1 passage was found only by the re-scan of the redacted text and redacted too: look at it in the file.".into()),
        n => Some(format!("{n} passages were found only by the re-scan of the redacted text and redacted too: look at them in the file.")),
    }
}

pub fn report_lines(out: &Path, report: &publish::Report) -> Vec<String> {
    let counts: Vec<String> = report
        .redacted
        .iter()
        .map(|c| format!("{} {}", c.count, c.kind.code()))
        .collect();
    let total: u32 = report.redacted.iter().map(|c| c.count).sum();
    let mut lines = vec![format!(
        "Wrote {}: {total} passages redacted{}, {} kept; the re-scan of every part found nothing left.",
        out.display(),
        if counts.is_empty() {
            String::new()
        } else {
            format!(" ({})", counts.join(", "))
        },
        report.kept
    )];
    if let Some(line) = rescanned_line(report.rescanned) {
        lines.push(line);
    }
    let c = &report.cleaned;
    let mut hidden = Vec::new();
    if c.comments_removed > 0 {
        hidden.push(format!("{} comments removed", c.comments_removed));
    }
    if c.changes_accepted > 0 {
        hidden.push(format!("{} tracked changes accepted", c.changes_accepted));
    }
    if c.properties_cleared {
        hidden.push("document properties cleared".to_string());
    }
    if c.images_dropped > 0 {
        hidden.push(format!("{} images removed", c.images_dropped));
    }
    if !hidden.is_empty() {
        lines.push(format!("Also: {}.", hidden.join(", ")));
    }
    if c.images_kept > 0 {
        lines.push(if c.images_kept == 1 {
            "1 image was kept: check it for faces and signatures (or use --drop-images).".into()
        } else {
            format!(
                "{} images were kept: check them for faces and signatures (or use --drop-images).",
                c.images_kept
            )
        });
    }
    lines
}

pub fn style_arg(text: &str) -> Result<Style, String> {
    text.parse::<Style>()
        .map_err(|_| format!("\"{text}\" is not a style: use block, label or pseudonym"))
}

/// A document read for redaction: its text, the register's context and the findings.
struct Loaded {
    text: String,
    context: Option<Context>,
    findings: Vec<Finding>,
    /// The webmaster's stored decisions, for minutes imported into the archive.
    review: Vec<ReviewDecision>,
    /// Where the text's characters stand in a plain-text file as written.
    as_written: Option<minutes::AsWritten>,
}

fn load(vault: &OptionalVault, file: &Path) -> CliResult<Loaded> {
    let bytes = read(file)?;
    let name = file.display().to_string();
    let archive = match &vault.vault {
        Some(path) => Some(common::open_read_only(&VaultArgs {
            vault: path.clone(),
            passphrase_file: vault.passphrase_file.clone(),
            identity: vault.identity.clone(),
            force: false,
        })?),
        None => None,
    };
    let language = vault.ocr_lang.unwrap_or_else(|| {
        archive
            .as_ref()
            .map_or(Language::Da, |a| Language::of_association(a.conn()))
    });
    // Minutes as imported (scans read with OCR), or an export of Andel's (an .html page) to check
    // before publishing.
    let text = match (
        Format::from_file_name(&name),
        ExportFormat::from_file_name(&name),
    ) {
        (Ok(_), _) => {
            let progress = crate::minutes::Progress {
                file: file.display().to_string(),
            };
            let with = minutes::Ocr {
                language,
                observer: &progress,
            };
            minutes::prepare_with(&name, bytes.clone(), None, None, today(), Some(&with)).map(|d| {
                for w in &d.warnings {
                    eprintln!("{}: warning: {w}", file.display());
                }
                d.text
            })
        }
        (Err(_), Ok(export)) => minutes::visible_text(&bytes, export),
        (Err(e), Err(_)) => Err(e),
    }
    .map_err(|e| about(file, e))?;
    let as_written = Format::from_file_name(&name)
        .ok()
        .and_then(|format| minutes::as_written(&bytes, format, &text));
    let review = minutes::review_file(archive.as_ref().map(|a| a.conn()), &bytes, &text, today())?;
    // An archive whose register knows nobody on the meeting's date redacts no better than none: a
    // list not imported yet (or one whose every row was refused) must not pass unnoticed.
    if let Some(context) = review.context.as_ref().filter(|c| c.residents.is_empty()) {
        let on = context
            .document_date
            .map_or_else(String::new, |d| format!(" on {d}"));
        eprintln!(
            "{}: warning: the register knows no residents{on}, so only the names, numbers and addresses Andel recognises without it are found. Import the resident list (andel import residents) before publishing.",
            file.display()
        );
    }
    Ok(Loaded {
        text,
        context: review.context,
        findings: review.findings,
        review: review.decisions,
        as_written,
    })
}

/// One finding as scripts read it; offsets count characters of the text.
#[derive(Debug, Serialize)]
struct FindingJson<'a> {
    kind: &'static str,
    start: usize,
    end: usize,
    text: &'a str,
    recognizer: Recognizer,
    score: f32,
    decision: Decision,
}

pub fn detect(args: DetectArgs) -> CliResult {
    let mut loaded = load(&args.vault, &args.file)?;
    // Positions in the file as written (a .txt or .md file's CRLF, byte-order mark, trailing spaces
    // and blank lines count), so that a script can cut the file itself at them.
    if let Some(w) = &loaded.as_written {
        for f in &mut loaded.findings {
            if let Some((start, end, text)) = w.span(f.start, f.end) {
                f.start = start;
                f.end = end;
                f.text = text;
            }
        }
    }
    if args.json {
        let out: Vec<FindingJson<'_>> = loaded
            .findings
            .iter()
            .map(|f| FindingJson {
                kind: f.kind.code(),
                start: f.start,
                end: f.end,
                text: &f.text,
                recognizer: f.recognizer,
                score: f.score,
                decision: f.decision,
            })
            .collect();
        return common::print_json(&out);
    }
    if loaded.findings.is_empty() {
        common::say("No personal data found.");
    }
    for f in &loaded.findings {
        let decision = match f.decision {
            Decision::Redact => "redact",
            Decision::Keep => "keep",
        };
        common::say(format!(
            "{:>6}–{:<6} {:<11} {:<6} {}  ({}, {:.2})",
            f.start,
            f.end,
            f.kind.code(),
            decision,
            f.text.replace('\n', " "),
            f.reason,
            f.score
        ));
    }
    Ok(())
}

pub fn redact(args: RedactArgs) -> CliResult {
    // The redacted copy written over the minutes themselves would lose the original for good.
    if andel_core::files::same_file(&args.file, &args.out) {
        return Err(CliError::user(format!(
            "{} is the minutes file itself: the redacted copy would replace the original.",
            args.out.display()
        ))
        .with_hint("Choose another name for --out, for example one ending in -published."));
    }
    if let Some(format) = publish::in_place(&args.file, &args.out) {
        let loaded = load(&args.vault, &args.file)?;
        let bytes = read(&args.file)?;
        let options = publish::Options {
            style: args.style,
            drop_images: args.drop_images,
        };
        let published = publish::redact_original(
            &bytes,
            format,
            loaded.context.as_ref(),
            &loaded.review,
            &options,
        )
        .map_err(|e| {
            let mut err = CliError::from(e);
            err.message = format!("{}: {}", args.file.display(), err.message);
            err
        })?;
        publish::write(&args.out, &published)?;
        for line in report_lines(&args.out, &published.report) {
            eprintln!("{line}");
        }
        return Ok(());
    }
    let format = ExportFormat::from_file_name(&args.out.display().to_string())?;
    let loaded = load(&args.vault, &args.file)?;
    let published = minutes::publish_closed(
        &loaded.text,
        &loaded.findings,
        &loaded.review,
        args.style,
        format,
        loaded.context.as_ref(),
        common::now(),
    )?;
    andel_core::files::write(&args.out, &published.bytes)?;
    let redacted = loaded
        .findings
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .count();
    let added = published.added.len();
    if added == 0 {
        eprintln!(
            "Wrote {}: {redacted} passages redacted, the re-scan found nothing left.",
            args.out.display()
        );
    } else {
        // What the first reading let pass and the re-scan flagged: redacted too, and said, so the
        // board can look at it in `andel detect` of the output or in the review.
        let mut kinds: Vec<&str> = published.added.iter().map(|f| f.kind.code()).collect();
        kinds.sort_unstable();
        kinds.dedup();
        eprintln!(
            "Wrote {}: {} passages redacted, {added} of them ({}) found only by the re-scan of the redacted text; the last re-scan found nothing left.",
            args.out.display(),
            redacted + added,
            kinds.join(", ")
        );
    }
    Ok(())
}

pub fn verify(args: VerifyArgs) -> CliResult {
    let loaded = load(&args.vault, &args.file)?;
    // A .docx is checked in every part (comments, properties, link targets …), as publishing does.
    let name = args.file.display().to_string();
    // A PDF's pages that show an image under a text layer (a published scan) are read by OCR too:
    // the pixels, not the text layer, are what a reader sees.
    let mut pixel_pages = 0;
    let text = match Format::from_file_name(&name) {
        Ok(Format::Docx) => {
            publish::visible_text(&read(&args.file)?, Format::Docx).map_err(CliError::from)?
        }
        Ok(Format::Pdf) => {
            let language = args.vault.ocr_lang.unwrap_or_else(|| {
                loaded
                    .context
                    .as_ref()
                    .map_or(Language::Da, |c| Language::for_country(c.country))
            });
            let progress = crate::minutes::Progress { file: name.clone() };
            let (pixels, pages) =
                publish::scan::pixel_text(&read(&args.file)?, language, &progress)
                    .map_err(CliError::from)?;
            pixel_pages = pages;
            format!("{}\n\n{pixels}", loaded.text)
        }
        _ => loaded.text.clone(),
    };
    let kinds = redact::verify(&text, loaded.context.as_ref());
    if kinds.is_empty() {
        if pixel_pages > 0 {
            common::say(format!(
                "No personal data found (in the text layer and in what OCR reads in the images of {pixel_pages} {}).",
                if pixel_pages == 1 { "page" } else { "pages" }
            ));
        } else {
            common::say("No personal data found.");
        }
        return Ok(());
    }
    let list: Vec<&str> = kinds.iter().map(|k| k.code()).collect();
    Err(CliError {
        message: format!(
            "{} still holds personal data: {}",
            args.file.display(),
            list.join(", ")
        ),
        hint: Some("Redact it with `andel redact` before publishing.".into()),
        exit: 3,
    })
}
