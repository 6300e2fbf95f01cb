//! `andel generate --out DIR`: the man pages and the bash and zsh completions, written from the
//! same clap definition that parses the arguments, so they can never describe another version
//! of the command. `make bundle` runs it on the release binary and puts the files into the .deb
//! (they are build output, never kept in the repository); whoever builds Andel from source
//! elsewhere gets them the same way.

use std::path::{Path, PathBuf};

use clap::Args;
use clap_complete::Shell;

use crate::common::{self, CliError, CliResult};

#[derive(Debug, Args)]
pub struct GenerateArgs {
    /// Folder to write into: man/ (andel.1 and one page per subcommand) and completions/
    /// (bash: andel, zsh: _andel). Created if missing; existing files are replaced.
    #[arg(long)]
    out: PathBuf,
}

pub fn run(args: GenerateArgs, cmd: clap::Command) -> CliResult {
    let man = args.out.join("man");
    let completions = args.out.join("completions");
    for dir in [&man, &completions] {
        std::fs::create_dir_all(dir).map_err(|e| cannot_write(dir, &e))?;
    }
    // One page for `andel` and one for each subcommand (andel-requests-list.1, …), as git and
    // cargo ship theirs.
    clap_mangen::generate_to(cmd.clone(), &man).map_err(|e| cannot_write(&man, &e))?;
    for shell in [Shell::Bash, Shell::Zsh] {
        clap_complete::generate_to(shell, &mut cmd.clone(), "andel", &completions)
            .map_err(|e| cannot_write(&completions, &e))?;
    }
    common::say(format!(
        "wrote the man pages to {} and the completions to {}",
        man.display(),
        completions.display()
    ));
    Ok(())
}

fn cannot_write(dir: &Path, e: &std::io::Error) -> CliError {
    CliError::user(format!("cannot write into {}: {e}", dir.display()))
}
