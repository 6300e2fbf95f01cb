//! PDF minutes redacted in their own format, on files from three producers: the raw-PDF generator
//! in `tests/fixtures/pdf/` (Type0/Identity-H with ToUnicode, kerned TJ, glyph-by-glyph text, a
//! ligature, two fonts, a table, a Form XObject, an image, outline, annotation, form field,
//! embedded file, JavaScript, Info, XMP, an incremental update), the same file rewritten by cairo
//! (`pdftocairo -pdf`), and Andel's own printpdf layer.
//! Each output is checked with independent tools: no name in `pdftotext`, `pdfinfo` or any
//! uncompressed object (`qpdf --qdf`), `qpdf --check` passes, page count and fonts unchanged, and
//! outside the boxes the pages render the same (`pdftoppm`).

use std::path::{Path, PathBuf};
use std::process::Command;

use andel_core::document::{render_pdf, Document, Lang};
use andel_core::formats::{pdf, Options, Span};
use andel_core::redact::Kind;

use crate::support::{now, require_tool};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The generator's minutes.
fn generated() -> Vec<u8> {
    generate(&[])
}

fn generate(flags: &[&str]) -> Vec<u8> {
    require_tool("python3");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("minutes.pdf");
    let status = Command::new("python3")
        .arg(repo().join("tests/fixtures/pdf/make_minutes_pdf.py"))
        .arg(repo().join("assets/fonts"))
        .arg(&out)
        .args(flags)
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(out).unwrap()
}

/// Minutes written by Andel's own document layer (printpdf).
fn printpdf_minutes() -> Vec<u8> {
    let mut doc = Document::new("Referat af bestyrelsesmøde", Lang::Da, now());
    doc.heading("Referat af bestyrelsesmøde")
        .paragraph("Til stede: Ole Dahl (formand). Afbud fra Henrik Sørensen.")
        .paragraph(
            "Henrik Sørensen har bedt om lov til at fremleje sin lejlighed; bestyrelsen \
             godkendte fremlejen. Vicevært Bo Ibsen skifter låsen i kælderen.",
        )
        .table(
            &[2.0, 1.0],
            vec!["Navn".into(), "Andel nr.".into()],
            vec![
                vec!["Henrik Sørensen".into(), "8".into()],
                vec!["Ole Dahl".into(), "4".into()],
            ],
        )
        .paragraph("Næste møde holdes i fælleshuset.");
    render_pdf(&doc).unwrap()
}

struct Tools {
    dir: tempfile::TempDir,
}

impl Tools {
    fn new() -> Tools {
        for t in ["qpdf", "pdftotext", "pdfinfo", "pdffonts", "pdftoppm"] {
            require_tool(t);
        }
        Tools {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn file(&self, name: &str, bytes: &[u8]) -> PathBuf {
        let p = self.dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        p
    }

    fn run(&self, tool: &str, args: &[&str]) -> Vec<u8> {
        let out = Command::new(tool).args(args).output().unwrap();
        assert!(
            out.status.success() || tool == "qpdf" && out.status.code() == Some(3),
            "{tool} {args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }

    fn text(&self, tool: &str, args: &[&str]) -> String {
        String::from_utf8_lossy(&self.run(tool, args)).into_owned()
    }
}

fn span(range: std::ops::Range<usize>) -> Span {
    Span {
        range,
        kind: Kind::Person,
        replacement: "[navn]".into(),
    }
}

/// Redacts every occurrence of `names` in the extracted text.
fn redact(bytes: &[u8], names: &[&str]) -> (Vec<u8>, pdf::Report) {
    let text = pdf::extract(bytes).unwrap();
    let mut spans = Vec::new();
    for name in names {
        let found: Vec<_> = text.text.match_indices(name).collect();
        assert!(
            !found.is_empty(),
            "{name} is not in the text:\n{}",
            text.text
        );
        spans.extend(found.into_iter().map(|(i, n)| span(i..i + n.len())));
    }
    let (out, report) = pdf::redact_with_report(bytes, &text, &spans, &Options::default()).unwrap();
    (out.bytes, report)
}

/// A greyscale rendering of a page: (width, height, pixels).
fn render(tools: &Tools, path: &Path, page: usize) -> (usize, usize, Vec<u8>) {
    let prefix = path.with_extension(format!("p{page}"));
    let p = page.to_string();
    tools.run(
        "pdftoppm",
        &[
            "-r",
            "50",
            "-gray",
            "-hide-annotations",
            "-singlefile",
            "-f",
            &p,
            "-l",
            &p,
            path.to_str().unwrap(),
            prefix.to_str().unwrap(),
        ],
    );
    let data = std::fs::read(prefix.with_extension(format!("p{page}.pgm"))).unwrap();
    // "P5\n<w> <h>\n255\n" then the pixels.
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while data[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !data[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&data[start..at]).into_owned());
    }
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, data[at + 1..at + 1 + w * h].to_vec())
}

fn fonts(tools: &Tools, path: &Path) -> Vec<String> {
    // name, type, encoding, emb, sub, uni — not the object number, which the rewrite renumbers.
    tools
        .text("pdffonts", &[path.to_str().unwrap()])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            cols[..cols.len() - 2].join(" ")
        })
        .collect()
}

fn pages(tools: &Tools, path: &Path) -> String {
    tools
        .text("pdfinfo", &[path.to_str().unwrap()])
        .lines()
        .find(|l| l.starts_with("Pages:"))
        .unwrap()
        .to_string()
}

/// Everything the promise says about one redacted file.
fn check(case: &str, before: &[u8], after: &[u8], names: &[&str], kept: &[&str]) {
    let tools = Tools::new();
    let b = tools.file("before.pdf", before);
    let a = tools.file("after.pdf", after);
    let as_ = a.to_str().unwrap();
    // To look at them: ANDEL_KEEP_PDFS=<folder>.
    if let Ok(dir) = std::env::var("ANDEL_KEEP_PDFS") {
        std::fs::write(Path::new(&dir).join(format!("{case}-before.pdf")), before).unwrap();
        std::fs::write(Path::new(&dir).join(format!("{case}-after.pdf")), after).unwrap();
    }
    let check_out = tools.text("qpdf", &["--check", as_]);
    assert!(
        check_out.contains("No syntax or stream encoding errors"),
        "{case}: qpdf --check: {check_out}"
    );
    assert_eq!(pages(&tools, &b), pages(&tools, &a), "{case}: page count");
    assert_eq!(fonts(&tools, &b), fonts(&tools, &a), "{case}: fonts");

    let text = tools.text("pdftotext", &[as_, "-"]);
    let info = tools.text("pdfinfo", &["-meta", as_]);
    let qdf_path = tools.dir.path().join("qdf.pdf");
    tools.run(
        "qpdf",
        &[
            "--qdf",
            "--object-streams=disable",
            as_,
            qdf_path.to_str().unwrap(),
        ],
    );
    let qdf = std::fs::read(&qdf_path).unwrap();
    let visible = pdf::visible_text(after).unwrap();
    for name in names {
        assert!(!text.contains(name), "{case}: {name} in pdftotext:\n{text}");
        assert!(!info.contains(name), "{case}: {name} in pdfinfo:\n{info}");
        assert!(
            !visible.contains(name),
            "{case}: {name} in visible_text:\n{visible}"
        );
        let utf16: Vec<u8> = name.encode_utf16().flat_map(u16::to_be_bytes).collect();
        for needle in [name.as_bytes(), &utf16] {
            assert!(
                !qdf.windows(needle.len()).any(|w| w == needle),
                "{case}: {name} in the file's objects"
            );
        }
    }
    let text_one_line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    for k in kept {
        assert!(text_one_line.contains(k), "{case}: {k} lost:\n{text}");
        assert!(visible.contains(k), "{case}: {k} lost from visible_text");
    }

    // Outside the boxes, every page renders as before: a pixel that changed must lie next to
    // the black of a box.
    let count: usize = pages(&tools, &b)
        .trim_start_matches("Pages:")
        .trim()
        .parse()
        .unwrap();
    for page in 1..=count {
        let (w, h, before_px) = render(&tools, &b, page);
        let (w2, h2, after_px) = render(&tools, &a, page);
        assert_eq!((w, h), (w2, h2), "{case}: page size");
        let near_box = |x: usize, y: usize| {
            let r = 3usize;
            (y.saturating_sub(r)..(y + r + 1).min(h)).any(|yy| {
                (x.saturating_sub(r)..(x + r + 1).min(w)).any(|xx| after_px[yy * w + xx] < 30)
            })
        };
        let mut changed = 0;
        for y in 0..h {
            for x in 0..w {
                let (p, q) = (before_px[y * w + x], after_px[y * w + x]);
                if p.abs_diff(q) > 40 {
                    changed += 1;
                    assert!(
                        near_box(x, y),
                        "{case}: page {page} changed at ({x}, {y}) away from any box"
                    );
                }
            }
        }
        let _ = changed;
    }
}

#[test]
fn generated_minutes_lose_every_name_everywhere_and_keep_the_rest_in_place() {
    let before = generated();
    let names = [
        "Freja Bundgaard",
        "Mads Østergaard",
        "Lise Griffin",
        "Karen Holm",
        "Jens Berg",
    ];
    let text = pdf::extract(&before).unwrap();
    // The glyph-by-glyph name, the ligature and the table read as words.
    assert!(
        text.text.contains("Næste punkt: Mads Østergaard"),
        "{}",
        text.text
    );
    assert!(text.text.contains("Lise Griffin spurgte"), "{}", text.text);
    assert!(text.text.contains("Karen Holm 17 ja"), "{}", text.text);
    let (after, report) = redact(&before, &names);
    assert_eq!(report.images_blacked_out, 1, "{report:?}");
    assert_eq!(report.images_dropped, 0, "{report:?}");
    check(
        "generated",
        &before,
        &after,
        &names,
        &[
            "Referat af ordinær generalforsamling",
            "Ole Dahl",
            "Dirigent var",
            "Fordeling af vaskeritider",
            "Punkt 3. Eventuelt",
            "takkede for et godt år",
            "Andel nr.",
            "tlf. 20 30 40 50",
        ],
    );
    // The output reads back as the same text with the names gone.
    let again = pdf::extract(&after).unwrap();
    assert!(
        again.text.contains("Dirigent var , som konstaterede")
            || again.text.contains("Dirigent var som konstaterede"),
        "{}",
        again.text
    );
}

#[test]
fn printpdf_minutes_lose_the_subtenant_and_keep_the_rest_in_place() {
    let before = printpdf_minutes();
    let names = ["Henrik Sørensen", "Bo Ibsen"];
    let (after, report) = redact(&before, &names);
    assert!(report.boxes >= 4, "{report:?}");
    check(
        "printpdf",
        &before,
        &after,
        &names,
        &[
            "Til stede: Ole Dahl (formand)",
            "godkendte fremlejen",
            "Næste møde holdes",
        ],
    );
}

#[test]
fn import_reads_the_same_text_redaction_maps() {
    let bytes = generated();
    let imported =
        andel_core::minutes::extract_text(&bytes, andel_core::minutes::Format::Pdf).unwrap();
    assert_eq!(imported, pdf::extract(&bytes).unwrap().text);
}

#[test]
fn bad_pdfs_end_in_clear_errors_and_nothing_is_written() {
    assert!(matches!(
        pdf::extract(b"not a pdf"),
        Err(pdf::Error::Damaged(pdf::Damage::NotPdf))
    ));
    let good = generated();
    // Cut in half: damaged (or, if lopdf recovers the pages, still no panic).
    let _ = pdf::extract(&good[..good.len() / 2]);
    // A map made for one file is refused for another.
    let text = pdf::extract(&good).unwrap();
    let other = printpdf_minutes();
    assert!(matches!(
        pdf::redact(&other, &text, &[span(0..3)], &Options::default()),
        Err(pdf::Error::Mismatch)
    ));
    assert!(matches!(
        pdf::redact(
            &good,
            &text,
            &[span(0..text.text.len() + 1)],
            &Options::default()
        ),
        Err(pdf::Error::SpanOutside { .. })
    ));
}

#[test]
fn a_font_without_a_map_to_letters_and_a_password_are_refused_with_what_to_do() {
    let no_map = generate(&["--no-tounicode"]);
    let err = pdf::extract(&no_map).unwrap_err();
    assert!(
        matches!(err, pdf::Error::NoUnicode { page: 1, .. }),
        "{err:?}"
    );
    assert!(
        err.to_string()
            .contains("Export the minutes as text instead"),
        "{err}"
    );
    // The import says the same, rather than importing letters that are not the text.
    let import = andel_core::minutes::extract_text(&no_map, andel_core::minutes::Format::Pdf);
    assert!(import.unwrap_err().to_string().contains("as text instead"));

    let tools = Tools::new();
    let plain = tools.file("plain.pdf", &generated());
    let locked = tools.dir.path().join("locked.pdf");
    tools.run(
        "qpdf",
        &[
            "--encrypt",
            "secret",
            "owner",
            "256",
            "--",
            plain.to_str().unwrap(),
            locked.to_str().unwrap(),
        ],
    );
    let locked = std::fs::read(locked).unwrap();
    assert!(matches!(pdf::extract(&locked), Err(pdf::Error::Encrypted)));
}

/// The register behind the generated minutes: its residents and the chair of the meeting.
fn register() -> andel_core::redact::Context {
    use andel_core::association::Country;
    use andel_core::redact::{Context, KnownPerson, Official, RoleKind};
    let mut ctx = Context::new(Country::DK);
    for (name, unit, phone) in [
        ("Freja Bundgaard", "9", None),
        ("Mads Østergaard", "12", None),
        ("Lise Griffin", "3", None),
        ("Karen Holm", "17", None),
        ("Jens Berg", "22", Some("20 30 40 50")),
    ] {
        ctx.residents.push(KnownPerson {
            name: name.into(),
            flat: None,
            unit: Some(unit.into()),
            address: None,
            phones: phone.into_iter().map(str::to_string).collect(),
            emails: Vec::new(),
        });
    }
    ctx.officials.push(Official {
        name: "Ole Dahl".into(),
        role: RoleKind::Chair,
        valid_from: None,
        valid_to: None,
    });
    ctx
}

#[test]
fn the_pipeline_publishes_the_generated_pdf_with_the_register_and_the_re_scan_passes() {
    use andel_core::minutes::Format;
    use andel_core::publish;
    let before = generated();
    let published = publish::redact_original(
        &before,
        Format::Pdf,
        Some(&register()),
        &[],
        &Options::default(),
    )
    .unwrap();
    assert!(
        published.report.cleaned.properties_cleared && published.report.cleaned.images_kept == 1,
        "{:?}",
        published.report
    );
    check(
        "pipeline",
        &before,
        &published.bytes,
        &[
            "Freja Bundgaard",
            "Bundgaard",
            "Mads Østergaard",
            "Østergaard",
            "Lise Griffin",
            "Karen Holm",
            "Jens Berg",
            "20 30 40 50",
        ],
        &[
            "Ole Dahl",
            "Referat af ordinær generalforsamling",
            "Punkt 3. Eventuelt",
        ],
    );
}

/// Damaged files of every kind end in an error or a result, never a panic or a hang: the
/// generated minutes with bytes overwritten, cut short, or their streams' lengths wrong.
#[test]
fn damaged_pdfs_never_panic() {
    let good = generated();
    // A small deterministic generator, so a failure can be replayed.
    let mut seed = 0x2545_f491_u64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for round in 0..40 {
        let mut bytes = good.clone();
        match round % 3 {
            0 => {
                for _ in 0..8 {
                    let at = (next() as usize) % bytes.len();
                    bytes[at] = next() as u8;
                }
            }
            1 => bytes.truncate((next() as usize) % bytes.len()),
            _ => {
                // Overwrite a run of bytes inside the content of some object.
                let at = (next() as usize) % bytes.len();
                let end = (at + 64).min(bytes.len());
                for b in &mut bytes[at..end] {
                    *b = b'(';
                }
            }
        }
        if let Ok(text) = pdf::extract(&bytes) {
            let spans: Vec<Span> = text
                .text
                .match_indices("Bundgaard")
                .map(|(i, n)| span(i..i + n.len()))
                .collect();
            let _ = pdf::redact(&bytes, &text, &spans, &Options::default());
            let _ = pdf::visible_text(&bytes);
        }
    }
}

/// A third producer: cairo (poppler's `pdftocairo -pdf`) rewrites the generated minutes with its
/// own font subsets (simple TrueType with WinAnsi and Type0), text runs and font descriptors.
#[test]
fn cairo_rewritten_minutes_publish_through_the_pipeline() {
    use andel_core::minutes::Format;
    use andel_core::publish;
    let tools = Tools::new();
    let input = tools.file("generated.pdf", &generated());
    let cairo = tools.dir.path().join("cairo.pdf");
    tools.run(
        "pdftocairo",
        &["-pdf", input.to_str().unwrap(), cairo.to_str().unwrap()],
    );
    let before = std::fs::read(&cairo).unwrap();
    let published = publish::redact_original(
        &before,
        Format::Pdf,
        Some(&register()),
        &[],
        &Options::default(),
    )
    .unwrap();
    check(
        "cairo",
        &before,
        &published.bytes,
        &[
            "Freja Bundgaard",
            "Mads Østergaard",
            "Lise Griffin",
            "Karen Holm",
            "Jens Berg",
            "20 30 40 50",
        ],
        &[
            "Ole Dahl",
            "Referat af ordinær generalforsamling",
            "takkede for et godt år",
        ],
    );
}
