//! The two programs OCR runs, both through pipes so that no page image or text touches the disk:
//! `pdftoppm` (poppler) renders one PDF page read from standard input to a grey PGM on standard
//! output, and `tesseract` reads that PGM (or one we decoded) from standard input and writes its
//! TSV (one row per word with its box and confidence) to standard output.
//!
//! Each program runs on one core (`OMP_THREAD_LIMIT=1`): the machine is the board member's laptop,
//! and the speed goal is per core. A run can be cancelled between polls (every 50 ms): the child is
//! killed and [`Error::Cancelled`] returned.

use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::time::Duration;

use super::{Error, Language, Observer};

/// The most a program may print on standard output (a page's TSV is ~100 kB, a PGM ~35 MB at 600 dpi).
const MAX_OUTPUT: u64 = 512 << 20;

/// Runs `program` with `args`, feeding `input` to its standard input, and returns its standard
/// output; a non-zero exit becomes an error with the last lines of its standard error.
fn pipe(
    program: &'static str,
    args: &[&str],
    input: &[u8],
    observer: &dyn Observer,
) -> Result<Vec<u8>, Error> {
    let mut child = Command::new(program)
        .args(args)
        .env("OMP_THREAD_LIMIT", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => Error::ProgramMissing(program),
            _ => Error::Program {
                program,
                message: e.to_string(),
            },
        })?;
    let failed = |e: std::io::Error| Error::Program {
        program,
        message: e.to_string(),
    };
    let (Some(mut stdin), Some(stdout), Some(stderr)) =
        (child.stdin.take(), child.stdout.take(), child.stderr.take())
    else {
        let _ = child.kill();
        let _ = child.wait();
        return Err(Error::Program {
            program,
            message: "its pipes could not be opened".into(),
        });
    };
    let result = std::thread::scope(|scope| {
        // A program that stops reading early closes the pipe; its exit status tells why.
        scope.spawn(move || {
            let _ = stdin.write_all(input);
        });
        let out = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = stdout.take(MAX_OUTPUT).read_to_end(&mut buf);
            buf
        });
        let err = scope.spawn(move || {
            let mut buf = Vec::new();
            let _ = stderr.take(64 << 10).read_to_end(&mut buf);
            buf
        });
        let status = loop {
            if observer.cancelled() {
                let _ = child.kill();
                let _ = child.wait();
                break None;
            }
            match child.try_wait() {
                Ok(Some(status)) => break Some(Ok(status)),
                Ok(None) => std::thread::sleep(Duration::from_millis(50)),
                Err(e) => {
                    let _ = child.kill();
                    let _ = child.wait();
                    break Some(Err(e));
                }
            }
        };
        let out = out.join().unwrap_or_default();
        let err = err.join().unwrap_or_default();
        (status, out, err)
    });
    let (status, out, err) = result;
    let status = status.ok_or(Error::Cancelled)?.map_err(failed)?;
    if !status.success() {
        let err = String::from_utf8_lossy(&err);
        return Err(Error::Program {
            program,
            message: err
                .lines()
                .filter(|l| !l.trim().is_empty())
                .rev()
                .take(3)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect::<Vec<_>>()
                .join(" / "),
        }
        .or_language(&err));
    }
    Ok(out)
}

impl Error {
    /// Tesseract without the language's model says so on standard error.
    fn or_language(self, stderr: &str) -> Error {
        if stderr.contains("Failed loading language") || stderr.contains("traineddata") {
            if let Some(lang) = Language::ALL
                .iter()
                .find(|l| stderr.contains(&format!("'{}'", l.tesseract_code())))
            {
                return Error::LanguageMissing(*lang);
            }
        }
        self
    }
}

/// Renders page `page` (1-based) of a PDF at `dpi` as grey PGM bytes.
pub fn render_pdf_page(
    pdf: &[u8],
    page: u32,
    dpi: u32,
    observer: &dyn Observer,
) -> Result<Vec<u8>, Error> {
    let page = page.to_string();
    let dpi = dpi.to_string();
    pipe(
        "pdftoppm",
        &["-r", &dpi, "-gray", "-f", &page, "-l", &page, "-"],
        pdf,
        observer,
    )
}

/// The text of page `page` (1-based) of a PDF, as pdftotext reads it.
pub fn pdf_page_text(pdf: &[u8], page: u32) -> Result<String, Error> {
    let page = page.to_string();
    let out = pipe(
        "pdftotext",
        &["-f", &page, "-l", &page, "-enc", "UTF-8", "-", "-"],
        pdf,
        &(),
    )?;
    Ok(String::from_utf8_lossy(&out).into_owned())
}

/// Tesseract's TSV for one page image (PGM bytes) at `dpi` in `language`.
pub fn tesseract_tsv(
    pgm: &[u8],
    dpi: u32,
    language: Language,
    observer: &dyn Observer,
) -> Result<String, Error> {
    let dpi = dpi.to_string();
    let out = pipe(
        "tesseract",
        &[
            "-",
            "-",
            "-l",
            language.tesseract_code(),
            "--dpi",
            &dpi,
            "--psm",
            "3",
            // Pages of minutes are dark text on light paper: looking for inverted text costs time.
            "-c",
            "tessedit_do_invert=0",
            "tsv",
        ],
        pgm,
        observer,
    )?;
    String::from_utf8(out).map_err(|_| Error::Program {
        program: "tesseract",
        message: "its output is not UTF-8".into(),
    })
}
