//! The `andel` command-line tool end to end, in one test binary (so the CLI is linked once): the
//! real binary on real archives in temp folders.
//!
//! - `cmd`: command lines pinned whole (arguments, exit code, stdout, stderr) with snapbox;
//!   `SNAPSHOTS=overwrite cargo test -p andel-cli --test it cmd::` rewrites them after a
//!   deliberate change of output.
//! - `register`, `privacy`, `redact`, `requests`: each command family's shapes, files and exit
//!   codes, checked field by field.
//! - `writers`: two writers at once and writers killed at random instants.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod cmd;
mod privacy;
mod redact;
mod register;
mod requests;
mod support;
mod writers;
