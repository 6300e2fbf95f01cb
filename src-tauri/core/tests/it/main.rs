//! andel-core's integration tests: one binary, one module per promise area.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::print_stdout)]

mod archive;
mod damage;
mod documents;
mod forms;
mod forms_unknown;
mod hostile;
mod identity;
mod language;
mod layers;
mod minutes;
mod privacy;
mod publish;
mod publish_pdf;
mod redaction;
mod register;
mod requests;
mod scale;
mod scanmaker;
mod scans;
mod support;
