//! Every kind of board document from the demo archive, read back with the tools a reader's
//! system uses: `qpdf --check` accepts it, `pdffonts` shows every font embedded as a subset,
//! `pdftotext` gives back its text with æ ø å ä ö é, and `pdfinfo` shows no user name.

use andel_core::association::Country;
use andel_core::demo;
use andel_core::document::{render_pdf, Block, Document, Lang, Letterhead};
use andel_core::minutes::{render, ExportFormat};
use andel_core::privacy::notice;
use andel_core::register::plates_order;

use crate::support::{check_pdf, now, require_tool, run_tool};

/// Checks a PDF, that its metadata names no user, and returns its text.
fn check(bytes: &[u8], name: &str) -> String {
    let text = check_pdf(bytes, name);
    require_tool("pdfinfo");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(format!("{name}.pdf"));
    std::fs::write(&path, bytes).unwrap();
    let info = run_tool("pdfinfo", &[], &path);
    assert!(info.contains("Producer:        Andel"), "{name}: {info}");
    assert!(
        info.contains("CreationDate:    Sat Mar 14 10:00:00 2026"),
        "{name}: {info}"
    );
    for line in info.lines().filter(|l| l.starts_with("Author:")) {
        assert_eq!(line.trim(), "Author:", "{name}: an author is named");
    }
    text.replace('\u{c}', "")
}

#[test]
fn a_document_with_every_block_reads_back_in_every_language() {
    for lang in [Lang::Da, Lang::Nb, Lang::Sv, Lang::En] {
        let mut doc = Document::new("Prøve på æ ø å ä ö é", lang, now());
        doc.letterhead = Some(Letterhead {
            name: "Brf Äppelgården".into(),
            address: Some("Åvägen 3, 123 45 Älmhult".into()),
            org_number: Some("769600-1234".into()),
            email: None,
        });
        doc.heading("Överskrift");
        doc.paragraph("Smørrebrød, blåbær og rødgrød med fløde; Café Élan.");
        doc.bullets(["Første punkt", "Andra punkten"]);
        doc.facts([("Nøkkel", "Verdi")]);
        doc.table(
            &[1.0, 1.0],
            vec!["Kolumn".into(), "Värde".into()],
            (0..80)
                .map(|i| vec![format!("rad {i}"), "ö".into()])
                .collect(),
        );
        doc.blocks.push(Block::Checklist {
            items: vec!["Lösenordet är bytt".into()],
        });
        let bytes = render_pdf(&doc).unwrap();
        let pages = lopdf::Document::load_mem(&bytes).unwrap().get_pages().len();
        assert!(pages >= 2, "{lang:?}: {pages} page(s)");
        let text = check(&bytes, lang.code());
        for needle in [
            "Brf Äppelgården",
            "Prøve på æ ø å ä ö é",
            "Smørrebrød, blåbær og rødgrød med fløde; Café Élan.",
            "Andra punkten",
            "rad 79",
            "Lösenordet är bytt",
        ] {
            assert!(text.contains(needle), "{lang:?}: {needle} missing:\n{text}");
        }
        // The header row is repeated on the table's second page.
        assert!(
            text.matches("Kolumn").count() >= 2,
            "{lang:?}: header not repeated"
        );
        for page in 1..=pages {
            let footer = lang.page_of(page, pages);
            assert!(text.contains(&footer), "{lang:?}: no {footer}:\n{text}");
        }
    }
}

#[test]
fn the_demo_archive_documents_all_pass() {
    let dir = tempfile::tempdir().unwrap();
    let vault = demo::create(&dir.path().join("demo.andel"), Some(10), now()).unwrap();
    let conn = vault.conn();
    let today = now().date_naive();

    let notice = notice::notice(conn, Lang::Da, today, now()).unwrap();
    let bytes = render_pdf(&notice).unwrap();
    assert!(bytes.len() < 80_000, "the notice is {} bytes", bytes.len());
    let text = check(&bytes, "notice");
    assert!(text.contains("Kastanjegården"), "{text}");

    let order = plates_order::document(conn, &[], Lang::Da, today, now()).unwrap();
    let text = check(&render_pdf(&order).unwrap(), "plates");
    assert!(text.contains("Bestilling af navneskilte"), "{text}");

    let minutes = andel_core::minutes::list(conn).unwrap();
    let first = minutes.first().unwrap();
    let body = andel_core::minutes::text(conn, first.id).unwrap();
    let pdf = render(&body, ExportFormat::Pdf, Some(Country::DK), now()).unwrap();
    let text = check(&pdf, "minutes");
    assert!(text.contains("Referat"), "{text}");
}
