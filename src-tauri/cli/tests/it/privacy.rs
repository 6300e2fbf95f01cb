//! `andel notice` and `andel record` end to end: the real binary on a real archive, the exact
//! command shapes, the PDFs checked with pdftotext and qpdf, the notice's edition kept in the
//! archive, and usage errors (exit 2) that leave no file behind.

use crate::support::{pdftotext, qpdf_check, Archive};

impl Archive {
    /// An archive with a caretaker and a newsletter service outside the EU/EEA.
    fn with_processors(country: &str) -> Archive {
        let a = Archive::init(country);
        // A notice must say how to reach the board.
        a.ok(&[
            "association",
            "set",
            "--vault",
            "v.andel",
            "--email",
            "bestyrelsen@roennebaerhaven.example",
        ]);
        a.ok(&[
            "orgs",
            "add",
            "--vault",
            "v.andel",
            "--name",
            "Gårdmand Sørensen ApS",
            "--kind",
            "caretaker",
            "--dpa-signed",
            "2025-06-01",
        ]);
        a.ok(&[
            "orgs",
            "add",
            "--vault",
            "v.andel",
            "--name",
            "Nyhedsposten Inc.",
            "--kind",
            "newsletter",
            "--dpa-signed",
            "2025-02-01",
            "--third-country",
            "US",
            "--safeguard",
            "Standard contractual clauses (2021/914)",
            "--safeguard-lang",
            "en",
        ]);
        a
    }
}

#[test]
fn notice_writes_the_pdf_in_each_language_and_records_the_edition() {
    let a = Archive::with_processors("DK");
    for (lang, title, version) in [
        ("da", "Privatlivspolitik for A/B Rønnebærhaven", "Version 1"),
        (
            "nb",
            "Personvernerklæring for A/B Rønnebærhaven",
            "Versjon 1",
        ),
        ("sv", "Integritetspolicy för A/B Rønnebærhaven", "Version 1"),
        ("en", "Privacy notice of A/B Rønnebærhaven", "Version 1"),
    ] {
        let file = format!("notice-{lang}.pdf");
        let said = a.ok(&[
            "notice", "--vault", "v.andel", "--lang", lang, "--out", &file,
        ]);
        assert!(said.contains("Issued version 1"), "{said}");
        let path = a.path(&file);
        qpdf_check(&path);
        let text = pdftotext(&path);
        assert!(text.contains(title), "{lang}: {text}");
        assert!(text.contains(version), "{lang}");
        assert!(text.contains("Gårdmand Sørensen ApS"), "{lang}");
        assert!(text.contains("Nyhedsposten Inc."), "{lang}");
        assert!(text.contains("Carl Jacobsens Vej 35"), "{lang}");
    }
    // The same content again: the same version, and the archive is not rewritten.
    let before = a.sha();
    let said = a.ok(&[
        "notice",
        "--vault",
        "v.andel",
        "--lang",
        "da",
        "--out",
        "again.pdf",
    ]);
    assert!(said.contains("Version 1 (da)"), "{said}");
    assert!(said.contains("unchanged"), "{said}");
    assert_eq!(a.sha(), before);
    // A new organisation changes the content: version 2.
    a.ok(&[
        "orgs",
        "add",
        "--vault",
        "v.andel",
        "--name",
        "Skyboks A/S",
        "--kind",
        "cloud",
    ]);
    let said = a.ok(&[
        "notice", "--vault", "v.andel", "--lang", "da", "--out", "v2.pdf",
    ]);
    assert!(said.contains("Issued version 2"), "{said}");
    assert!(pdftotext(&a.path("v2.pdf")).contains("Version 2"));
}

#[test]
fn record_writes_the_art30_record_without_changing_the_archive() {
    let a = Archive::with_processors("NO");
    let before = a.sha();
    a.ok(&[
        "record",
        "--vault",
        "v.andel",
        "--lang",
        "nb",
        "--out",
        "record.pdf",
    ]);
    assert_eq!(a.sha(), before);
    let path = a.path("record.pdf");
    qpdf_check(&path);
    let text = pdftotext(&path);
    for needle in [
        "Protokoll over behandlingsaktiviteter",
        "Gårdmand Sørensen ApS",
        "Standard contractual clauses (2021/914)",
        "Sikkerhetstiltak",
    ] {
        assert!(text.contains(needle), "{needle:?} missing:\n{text}");
    }
    // Without --lang: the association's own language.
    a.ok(&["record", "--vault", "v.andel", "--out", "own.pdf"]);
    assert!(pdftotext(&a.path("own.pdf")).contains("Protokoll over behandlingsaktiviteter"));
}

#[test]
fn a_bad_language_is_a_usage_error_and_writes_nothing() {
    let a = Archive::with_processors("SE");
    let out = a.run(&[
        "notice", "--vault", "v.andel", "--lang", "fi", "--out", "x.pdf",
    ]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("use da, nb, sv or en"));
    assert!(!a.path("x.pdf").exists());
}

#[test]
fn an_unwritable_output_fails_cleanly_and_keeps_no_edition() {
    let a = Archive::with_processors("DK");
    let before = a.sha();
    let out = a.run(&[
        "notice",
        "--vault",
        "v.andel",
        "--lang",
        "da",
        "--out",
        "no-such-folder/notice.pdf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(!a.path("no-such-folder").exists());
    assert_eq!(a.sha(), before);
    // The next notice is still version 1.
    let said = a.ok(&[
        "notice", "--vault", "v.andel", "--lang", "da", "--out", "n.pdf",
    ]);
    assert!(said.contains("Issued version 1"), "{said}");
}

#[test]
fn a_notice_is_refused_while_the_association_has_no_address_or_email() {
    let a = Archive::init("DK");
    let before = a.sha();
    let out = a.run(&[
        "notice", "--vault", "v.andel", "--lang", "da", "--out", "n.pdf",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let said = crate::support::stderr(&out);
    assert!(said.contains("andel association set"), "{said}");
    assert!(!a.path("n.pdf").exists());
    assert_eq!(a.sha(), before);
}

#[test]
fn the_notice_for_the_website_is_html_or_markdown_with_the_pdfs_content_and_version() {
    let a = Archive::with_processors("DK");
    let said = a.ok(&[
        "notice",
        "--vault",
        "v.andel",
        "--lang",
        "da",
        "--out",
        "notice.pdf",
    ]);
    assert!(said.contains("Issued version 1"), "{said}");
    let pdf = pdftotext(&a.path("notice.pdf"));
    // The same edition: no new version for the web copies.
    for file in ["notice.html", "notice.md"] {
        let said = a.ok(&[
            "notice", "--vault", "v.andel", "--lang", "da", "--out", file,
        ]);
        assert!(said.contains("Version 1"), "{said}");
    }
    let html = std::fs::read_to_string(a.path("notice.html")).unwrap();
    assert!(html.starts_with("<!DOCTYPE html>"));
    for external in ["src=", "href=", "http:", "https:", "url("] {
        assert!(!html.contains(external), "{external} in the HTML");
    }
    let md = std::fs::read_to_string(a.path("notice.md")).unwrap();
    for heading in [
        "Dataansvarlig",
        "Dine rettigheder",
        "Klage til tilsynsmyndigheden",
    ] {
        assert!(pdf.contains(heading), "{heading} not in the PDF");
        assert!(
            html.contains(&format!("<h2>{heading}</h2>")),
            "{heading} not in the HTML"
        );
        assert!(
            md.contains(&format!("## {heading}\n")),
            "{heading} not in the Markdown"
        );
    }
    assert!(html.contains("Version 1") && md.contains("Version 1"));
}

#[test]
fn a_safeguard_the_board_wrote_in_another_language_is_printed_as_written_with_a_warning() {
    let a = Archive::with_processors("DK");
    let out = a.run(&[
        "notice", "--vault", "v.andel", "--lang", "da", "--out", "n.pdf",
    ]);
    assert_eq!(crate::support::code(&out), 0);
    let said = crate::support::stderr(&out);
    assert!(
        said.contains(
            "warning: Nyhedsposten Inc. (transfer safeguard): the board's text is in English, not \
             Danish; it is printed as written, as Andel has no text of its own for it. If it is \
             the EU-US Data Privacy Framework or standard contractual clauses, record it as DPF \
             or SCC"
        ),
        "{said}"
    );
    let words = |file: &str| {
        pdftotext(&a.path(file))
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    };
    assert!(words("n.pdf").contains("Standard contractual clauses (2021/914)"));
    // In its own language there is nothing to say, and the record says the same as the notice.
    let out = a.run(&[
        "notice", "--vault", "v.andel", "--lang", "en", "--out", "e.pdf",
    ]);
    assert_eq!(crate::support::stderr(&out), "");
    let out = a.run(&[
        "record", "--vault", "v.andel", "--lang", "sv", "--out", "r.pdf",
    ]);
    assert!(
        crate::support::stderr(&out).contains("is in English, not Swedish"),
        "{}",
        crate::support::stderr(&out)
    );
    // A safeguard recorded as SCC is translated, so nothing to warn about.
    a.ok(&[
        "orgs",
        "add",
        "--vault",
        "v.andel",
        "--name",
        "Skyarkiv Ltd",
        "--kind",
        "cloud",
        "--third-country",
        "GB",
        "--safeguard",
        "SCC",
    ]);
    let out = a.run(&[
        "record", "--vault", "v.andel", "--lang", "da", "--out", "r2.pdf",
    ]);
    let said = crate::support::stderr(&out);
    assert!(!said.contains("Skyarkiv"), "{said}");
    assert!(words("r2.pdf").contains("standardkontraktbestemmelser"));
}
