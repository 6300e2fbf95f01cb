//! Publishing minutes in their own format: the .docx fixtures of two producers
//! (`tests/fixtures/publish/make_fixtures.py`) redacted in place. For each: no personal data in any
//! part of the output (every zip entry searched), the chair kept, formatting, styles, numbering and
//! page set-up unchanged, the picture kept and counted, and the output opened by an independent
//! reader (python-docx).

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

use andel_core::association::Country;
use andel_core::minutes::Format;
use andel_core::publish::{self, Options};
use andel_core::redact::{Context, KnownPerson, Official, RoleKind, Style};

fn fixture(name: &str) -> Vec<u8> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../tests/fixtures/publish")
        .join(name);
    std::fs::read(&path).unwrap()
}

/// The test register: three residents and the chair.
fn context() -> Context {
    let mut ctx = Context::new(Country::DK);
    for (name, unit, phone, email) in [
        ("Freja Bundgaard", "17", Some("23 45 67 89"), None),
        ("Ole Brink", "21", None, None),
        ("Søren Vestergaard", "4", None, Some("soeren.v@example.dk")),
    ] {
        ctx.residents.push(KnownPerson {
            name: name.into(),
            flat: None,
            unit: Some(unit.into()),
            address: None,
            phones: phone.into_iter().map(str::to_string).collect(),
            emails: email.into_iter().map(str::to_string).collect(),
        });
    }
    ctx.officials.push(Official {
        name: "Mette Kastrup".into(),
        role: RoleKind::Chair,
        valid_from: None,
        valid_to: None,
    });
    ctx
}

/// What must not be anywhere in a published file, in any letter case.
const PERSONAL: &[&str] = &[
    "freja",
    "bundgaard",
    "ole brink",
    "brink.",
    "obrink",
    "søren",
    "vestergaard",
    "soeren",
    "23 45",
    "67 89",
    "23456789",
];

fn entries(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().to_string(), data)
        })
        .collect()
}

fn entry(bytes: &[u8], name: &str) -> Option<Vec<u8>> {
    entries(bytes)
        .into_iter()
        .find(|(n, _)| n == name)
        .map(|(_, d)| d)
}

/// Python with python-docx (Debian's python3-docx, which `make test` installs).
fn python() -> &'static str {
    for p in ["python3", "/usr/bin/python3"] {
        let ok = Command::new(p)
            .args(["-c", "import docx"])
            .output()
            .is_ok_and(|o| o.status.success());
        if ok {
            return p;
        }
    }
    panic!("python-docx is missing: run `make deps` (Debian package python3-docx)");
}

/// The document as python-docx reads it: paragraphs and tables counted, the header's text, and
/// every run as text with its bold/italic flags.
fn python_docx_view(bytes: &[u8]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("x.docx");
    std::fs::write(&path, bytes).unwrap();
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
print("paragraphs", len(d.paragraphs), "tables", len(d.tables), "sections", len(d.sections))
s = d.sections[0]
print("page", s.page_width, s.page_height, s.left_margin)
print("header", "|".join(p.text for p in s.header.paragraphs))
for p in d.paragraphs:
    print("P", p.style.name, "|".join(("B" if r.bold else "") + ("I" if r.italic else "") + ":" + r.text for r in p.runs))
for t in d.tables:
    for row in t.rows:
        print("T", "|".join(c.text for c in row.cells))
"#;
    let out = Command::new(python())
        .args(["-c", script])
        .arg(&path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "python-docx cannot open the output: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn publish_fixture(name: &str, options: &Options) -> (Vec<u8>, publish::Published) {
    let input = fixture(name);
    let out = publish::redact_original(&input, Format::Docx, Some(&context()), &[], options)
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    (input, out)
}

#[test]
fn no_personal_data_in_any_part_of_either_producers_docx() {
    for name in ["python-docx.docx", "handwritten.docx"] {
        let (input, out) = publish_fixture(name, &Options::default());
        // The fixture does hold the data, so the search below can fail.
        let before: String = entries(&input)
            .iter()
            .map(|(_, d)| String::from_utf8_lossy(d).to_lowercase())
            .collect();
        for p in [
            "freja",
            "bundgaard",
            "ole brink",
            "søren",
            "vestergaard",
            "soeren",
            "23 45",
        ] {
            assert!(before.contains(p), "{name}: the fixture lacks {p:?}");
        }
        for (part, data) in entries(&out.bytes) {
            let text = String::from_utf8_lossy(&data).to_lowercase();
            for p in PERSONAL {
                assert!(!text.contains(p), "{name}: {p:?} left in {part}:\n{text}");
            }
        }
        let seen = publish::visible_text(&out.bytes, Format::Docx).unwrap();
        assert!(
            seen.contains("Mette Kastrup"),
            "{name}: the chair stays\n{seen}"
        );
        assert!(seen.contains("█████"), "{name}\n{seen}");
        assert_eq!(out.report.cleaned.images_kept, 1, "{name}");
        assert!(out.report.cleaned.properties_cleared, "{name}");
        assert!(!out.report.redacted.is_empty(), "{name}");
    }
}

#[test]
fn the_handwritten_docx_keeps_its_form_and_loses_its_hidden_parts() {
    let (input, out) = publish_fixture("handwritten.docx", &Options::default());
    let c = &out.report.cleaned;
    assert_eq!(c.comments_removed, 1);
    assert_eq!(c.changes_accepted, 2);
    for part in [
        "word/styles.xml",
        "word/numbering.xml",
        "word/media/image1.png",
    ] {
        assert_eq!(
            entry(&input, part),
            entry(&out.bytes, part),
            "{part} unchanged"
        );
    }
    for gone in [
        "word/comments.xml",
        "word/people.xml",
        "docProps/custom.xml",
        "docProps/thumbnail.png",
    ] {
        assert!(entry(&out.bytes, gone).is_none(), "{gone} removed");
    }
    let doc = String::from_utf8(entry(&out.bytes, "word/document.xml").unwrap()).unwrap();
    let old = String::from_utf8(entry(&input, "word/document.xml").unwrap()).unwrap();
    let sect = |x: &str| x[x.find("<w:sectPr").unwrap()..].to_string();
    assert_eq!(sect(&doc), sect(&old), "page set-up unchanged");
    for mark in [
        "w:del ",
        "w:ins ",
        "w:author",
        "commentReference",
        "mc:Fallback",
    ] {
        assert!(!doc.contains(mark), "{mark} left:\n{doc}");
    }
    assert!(doc.contains("Der var afbud fra to."), "the insertion stays");
    assert!(doc.contains(r#"<w:numId w:val="1"/>"#) && doc.contains("Overskrift1"));
    let settings = String::from_utf8(entry(&out.bytes, "word/settings.xml").unwrap()).unwrap();
    assert!(!settings.contains("trackRevisions") && !settings.contains("attachedTemplate"));
    assert!(settings.contains("defaultTabStop"));

    let before = python_docx_view(&input);
    let after = python_docx_view(&out.bytes);
    let head = |s: &str| s.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(head(&after), head(&before), "{after}");
    // The phone number over a bold and an italic run: the bold run holds the block, the italic
    // run is empty, both keep their formatting.
    assert!(after.contains("B:█████|I:"), "{after}");
    assert!(after.contains("header Referent: █████"), "{after}");
}

#[test]
fn the_python_docx_output_opens_with_its_table_and_formatting() {
    let (input, out) = publish_fixture("python-docx.docx", &Options::default());
    let before = python_docx_view(&input);
    let after = python_docx_view(&out.bytes);
    let head = |s: &str| s.lines().take(2).collect::<Vec<_>>().join("\n");
    assert_eq!(head(&after), head(&before), "{after}");
    // The name over three runs: the first keeps the block, the bold and the italic run are empty.
    assert!(
        after.contains(":Dirigent: Mette Kastrup. Ordet blev givet til |:█████|B:|I:|:, som"),
        "{after}"
    );
    // The share number in the column "Andel nr." beside the name is the resident's and goes too (a
    // list of who attended; the labelling policy's "share numbers tied to a person"); the votes stay.
    assert!(after.contains("T █████|█████|1"), "{after}");
    assert!(after.contains("T Navn|Andel nr.|Stemmer"), "{after}");
}

#[test]
fn images_can_be_dropped() {
    let (_, out) = publish_fixture(
        "handwritten.docx",
        &Options {
            style: Style::Label,
            drop_images: true,
        },
    );
    assert_eq!(out.report.cleaned.images_kept, 0);
    assert_eq!(out.report.cleaned.images_dropped, 1);
    assert!(entry(&out.bytes, "word/media/image1.png").is_none());
    let doc = String::from_utf8(entry(&out.bytes, "word/document.xml").unwrap()).unwrap();
    assert!(!doc.contains("a:blip") && !doc.contains("rIdImg"), "{doc}");
    assert!(doc.contains("[navn]"), "labels in the document's language");
    python_docx_view(&out.bytes);
}

/// Publishing from the minutes' review reuses the review's detection instead of running the
/// detector again: a finding only the review holds (standing in for what the detector found) is
/// redacted in the output, while `archived`, which reviews anew, keeps the word. The output is
/// still re-scanned (the report of a refused export is the other tests').
#[test]
fn publishing_from_a_review_reuses_its_detection() {
    use andel_core::minutes;
    use andel_core::redact::{Decision, Finding, Kind, Recognizer};

    let conn = crate::minutes::register();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 14).unwrap();
    let doc = minutes::import(
        &conn,
        "handwritten.docx",
        fixture("handwritten.docx"),
        None,
        None,
        today,
        "Test",
        crate::support::now(),
    )
    .unwrap();
    let word = "vedligehold";
    let fresh = publish::archived(&conn, doc.id, &Options::default()).unwrap();
    let visible = publish::visible_text(&fresh.bytes, Format::Docx).unwrap();
    assert!(visible.contains(word), "{visible}");

    let mut review = minutes::review(&conn, doc.id).unwrap();
    let at = review.text.find(word).unwrap();
    let start = review.text[..at].chars().count();
    review.detected.push(Finding {
        start,
        end: start + word.chars().count(),
        kind: Kind::Person,
        text: word.into(),
        recognizer: Recognizer::Register,
        score: 1.0,
        reason: "put there by the test".into(),
        decision: Decision::Redact,
        subject: None,
    });
    review.detected.sort_by_key(|f| f.start);
    let published = publish::reviewed(&conn, &review, &Options::default()).unwrap();
    let visible = publish::visible_text(&published.bytes, Format::Docx).unwrap();
    assert!(!visible.contains(word), "{visible}");
    let persons = |p: &publish::Published| {
        p.report
            .redacted
            .iter()
            .filter(|k| k.kind == Kind::Person)
            .map(|k| k.count)
            .sum::<u32>()
    };
    assert_eq!(persons(&published), persons(&fresh) + 1);
}

/// Publishing in the original format: a passage the re-scan of the redacted text flags where the
/// minutes had no finding ("Major █████" reads as a name once the surname is gone) is redacted in
/// the file too, instead of the export being refused with nothing written.
#[test]
fn regression_what_only_the_rescan_finds_is_redacted_in_the_original_too() {
    let bytes = crate::hostile::docx(
        "<w:p><w:r><w:t>Historien om en af foreningens gamle venner, Major Rønsholt, er på alles læber.</w:t></w:r></w:p>",
    );
    let out = publish::redact_original(&bytes, Format::Docx, None, &[], &Options::default())
        .expect("published, not refused");
    let shown = publish::visible_text(&out.bytes, Format::Docx).unwrap();
    assert!(
        !shown.contains("Rønsholt") && !shown.contains("Major"),
        "{shown}"
    );
    assert!(
        andel_core::redact::verify(&shown, None).is_empty(),
        "{shown}"
    );
    assert!(shown.contains("alles læber"), "{shown}");
    // The report says that the re-scan found some of it, for the webmaster to look at the file.
    assert!(out.report.rescanned >= 1, "{:?}", out.report);
}
