//! `andel notice` and `andel record`: the privacy notice (Art. 13/14) and the record of
//! processing activities (Art. 30) as PDF (or, for the website, HTML or Markdown), in Danish,
//! Norwegian, Swedish or English.
//!
//! `notice` issues the notice: when its content differs from the last edition in that language,
//! a new version, effective today, is recorded in the archive (so it opens the archive for
//! changes). `record` only reads.

use std::path::PathBuf;

use andel_core::document::Lang;
use andel_core::privacy::{notice, record};
use andel_core::vault::Vault;
use clap::Args;

use crate::common::today;
use crate::common::{self, CliResult, VaultArgs};

pub(crate) fn lang_arg(text: &str) -> Result<Lang, String> {
    text.parse::<Lang>().map_err(|e| e.to_string())
}

/// The options of `andel notice` and `andel record`.
#[derive(Debug, Args)]
pub struct DocumentArgs {
    #[command(flatten)]
    pub vault: VaultArgs,
    /// The language: da, nb, sv or en (any of them, whatever the association's country).
    /// Without it, the association's own language.
    #[arg(long, value_name = "da|nb|sv|en", value_parser = lang_arg)]
    pub lang: Option<Lang>,
    /// Where to write it: a PDF, or for the website one self-contained .html file or .md
    /// (the same content and version); it is written whole or not at all.
    #[arg(long, value_name = "FILE.pdf|FILE.html|FILE.md")]
    pub out: PathBuf,
}

fn language(args: &DocumentArgs, vault: &Vault) -> CliResult<Lang> {
    Ok(match args.lang {
        Some(l) => l,
        None => Lang::of_association(vault.conn())?,
    })
}

/// `andel notice`: writes the privacy notice and records its edition (kept only when the file
/// is written: `notice::save`).
pub fn notice(args: DocumentArgs) -> CliResult {
    let mut vault = common::open_for_change(&args.vault)?;
    let lang = language(&args, &vault)?;
    let now = common::now();
    let saved = notice::save(&vault, lang, &args.out, today(), now)?;
    common::wrote(&args.out, saved.bytes, &saved.notice.document);
    let date = saved.notice.effective_on.format("%Y-%m-%d");
    if saved.new_edition {
        vault.save(now)?;
        common::say(format!(
            "Issued version {} ({}), effective {date}; the archive records the edition.",
            saved.notice.version,
            lang.code()
        ));
    } else {
        common::say(format!(
            "Version {} ({}), effective {date}: unchanged since it was issued.",
            saved.notice.version,
            lang.code()
        ));
    }
    Ok(())
}

/// `andel record`: writes the record of processing activities.
pub fn record(args: DocumentArgs) -> CliResult {
    let vault = common::open_read_only(&args.vault)?;
    let lang = language(&args, &vault)?;
    let doc = record::record(vault.conn(), lang, today(), common::now())?;
    common::write_document(&args.out, &doc)
}
