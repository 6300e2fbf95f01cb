//! Scanned minutes: OCR at import (PNG, image-only PDF, a PDF with text and scanned pages), the
//! words' boxes and confidences kept, search on the recognised text, warnings for poor scans and clear
//! errors for pages without words. The scans are made by the tests (see `scanmaker`).

use andel_core::association::{self, Country};
use andel_core::minutes::{self, Format};
use andel_core::ocr::{self, Language, PageSource};
use andel_core::publish;
use chrono::NaiveDate;

use crate::scanmaker;
use crate::support::now;

const ACTOR: &str = "Test";

fn today() -> NaiveDate {
    "2026-03-14".parse().unwrap()
}

pub const DANISH: &str = "Referat af ordinær generalforsamling 12. marts 2024

Til stede var 23 andelshavere. Mette Kastrup blev valgt som dirigent og konstaterede, at generalforsamlingen var lovligt indkaldt.

Bestyrelsen har i årets løb fået udskiftet tagrenderne på blok B og malet opgangene. Freja Bundgaard fra nr. 17 spurgte til økonomien i vinduesprojektet; kassereren svarede, at udgiften holdes inden for budgettet.

Ole Brink ønskede en ny cykelkælder. Forslaget blev vedtaget med stort flertal. Henvendelser kan ske på telefon 23 45 67 89 eller freja.bundgaard@example.dk.

Næste møde holdes i fælleshuset på Rønnebærvej 4 den 5. juni. Søren Vestergaard takkede for god ro og orden.
";

const SWEDISH: &str = "Protokoll från ordinarie föreningsstämma 14 maj 2025

Stämmans ordförande Åsa Lindqvist öppnade mötet. Närvarande var 31 medlemmar. Styrelsen redogjorde för årets underhåll: fönsterbyte på gården och målning av trapphusen.

Medlemmen Göran Öberg föreslog en ny tvättstuga. Förslaget bifölls efter omröstning. Nästa stämma hålls i föreningslokalen på Björkvägen 7.
";

fn ocr_with(language: Language) -> minutes::Ocr<'static> {
    minutes::Ocr {
        language,
        observer: &(),
    }
}

fn png_of(text: &str, country: Country, degrees: f64, seed: u64) -> Vec<u8> {
    let page = scanmaker::pages(text, country).remove(0);
    let mut page = scanmaker::tilt(&page, degrees);
    scanmaker::noise(&mut page, 24, seed);
    ocr::image::encode_png(&page).unwrap()
}

#[test]
fn tilted_noisy_scans_are_read_with_at_least_97_percent_of_words_right() {
    let mut words = 0;
    let mut wrong = 0.0;
    for (text, country, language, degrees, page_of) in [
        (DANISH, Country::DK, Language::Da, 1.5, "Side 1 af 1"),
        (SWEDISH, Country::SE, Language::Sv, -2.0, "Sida 1 av 1"),
    ] {
        // The page shows the running footer too: the title and the page number.
        let title = text.lines().next().unwrap();
        let truth = format!("{text}\n{title} {page_of}");
        let png = png_of(text, country, degrees, 7);
        let doc = minutes::prepare_with(
            "scan.png",
            png,
            None,
            None,
            today(),
            Some(&ocr_with(language)),
        )
        .unwrap();
        assert_eq!(doc.format, Format::Png);
        let accuracy = scanmaker::word_accuracy(&truth, &doc.text);
        eprintln!("{language:?}: word accuracy {:.1} %", accuracy * 100.0);
        let n = truth.split_whitespace().count();
        words += n;
        wrong += (1.0 - accuracy) * n as f64;
        // The letters that matter most for Nordic names come through.
        for word in [
            "Bundgaard",
            "økonomien",
            "fælleshuset",
            "Rønnebærvej",
            "Öberg",
            "Åsa",
            "föreningslokalen",
        ] {
            if text.contains(word) {
                assert!(doc.text.contains(word), "{word} misread in:\n{}", doc.text);
            }
        }
        assert!(doc.warnings.is_empty(), "{:?}", doc.warnings);
    }
    let accuracy = 1.0 - wrong / words as f64;
    assert!(accuracy >= 0.97, "word accuracy {accuracy:.3}");
}

#[test]
fn a_scanned_pdf_is_imported_searchable_with_its_word_boxes() {
    let conn = andel_core::store::create().unwrap();
    association::create(&conn, "A/B Rønnebærhaven", Country::DK, now()).unwrap();
    let pdf = scanmaker::image_pdf(scanmaker::pages(DANISH, Country::DK));
    // Without OCR a scan is refused with its own error.
    assert!(matches!(
        minutes::prepare("gf-2024.pdf", pdf.clone(), None, None, today()),
        Err(minutes::Error::NoTextLayer)
    ));
    let prepared = minutes::prepare_with(
        "gf-2024.pdf",
        pdf,
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap();
    assert_eq!(prepared.date, "2024-03-12".parse::<NaiveDate>().unwrap());
    let doc = minutes::add(&conn, &prepared, ACTOR, now()).unwrap();
    let hits = minutes::search(&conn, "cykelkælder", 10).unwrap();
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].id, doc.id);
    let layout = minutes::layout(&conn, doc.id).unwrap().unwrap();
    assert_eq!(layout.language, Language::Da);
    assert_eq!(layout.pages[0].source, PageSource::Ocr);
    assert_eq!(layout.pages[0].dpi, 300);
    assert!(layout.pages[0].mean_confidence.unwrap() > 85);
    // Each word's offsets point at its text, and its box lies on the page.
    let text = minutes::text(&conn, doc.id).unwrap();
    let chars: Vec<char> = text.chars().collect();
    let kastrup = layout
        .words
        .iter()
        .find(|w| {
            chars[w.start as usize..w.end as usize]
                .iter()
                .collect::<String>()
                == "Kastrup"
        })
        .expect("the word Kastrup with a box");
    assert!(
        kastrup.x + kastrup.w <= layout.pages[0].width
            && kastrup.y + kastrup.h <= layout.pages[0].height
    );
    assert!(kastrup.w > kastrup.h, "{kastrup:?}");
}

/// A PDF of a text page (an appendix with residents' names and a phone) and a scanned page.
fn mixed_pdf(dir: &std::path::Path) -> Vec<u8> {
    let text_pdf = minutes::render(
        "Bilag 1: Regnskab\n\nOle Brink har betalt for nøglerne; spørgsmål til Freja Bundgaard på telefon 23 45 67 89.\n\nÅrets resultat blev et overskud, som overføres til næste år.",
        minutes::ExportFormat::Pdf,
        Some(Country::DK),
        now(),
    )
    .unwrap();
    let scan_pdf = scanmaker::image_pdf(scanmaker::pages(DANISH, Country::DK));
    std::fs::write(dir.join("a.pdf"), &text_pdf).unwrap();
    std::fs::write(dir.join("b.pdf"), &scan_pdf).unwrap();
    let out = dir.join("mixed.pdf");
    let status = std::process::Command::new("qpdf")
        .args(["--empty", "--pages"])
        .arg(dir.join("a.pdf"))
        .arg(dir.join("b.pdf"))
        .args(["--", out.to_str().unwrap()])
        .status()
        .unwrap();
    assert!(status.success());
    std::fs::read(&out).unwrap()
}

#[test]
fn a_pdf_with_text_pages_and_scanned_pages_is_read_and_published_each_page_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let conn = crate::minutes::register();
    let prepared = minutes::prepare_with(
        "mixed.pdf",
        mixed_pdf(dir.path()),
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap();
    let layout = prepared.layout.clone().unwrap();
    assert_eq!(
        layout.pages.iter().map(|p| p.source).collect::<Vec<_>>(),
        [PageSource::Text, PageSource::Ocr]
    );
    let text = &prepared.text;
    assert!(text.starts_with("Bilag 1: Regnskab"), "{text}");
    assert!(text.contains("overføres til næste år"));
    assert!(text.contains("cykelkælder"));
    // Every word of the scanned page lies after the text page's text.
    let first = layout.words.iter().map(|w| w.start).min().unwrap() as usize;
    assert!(text
        .chars()
        .take(first)
        .collect::<String>()
        .contains("næste år"));

    // Published: the text page stays text with the names' glyphs gone, the scanned page is painted.
    let doc = minutes::add(&conn, &prepared, ACTOR, now()).unwrap();
    let published = publish::archived(&conn, doc.id, &publish::Options::default()).unwrap();
    let out = dir.path().join("mixed-web.pdf");
    std::fs::write(&out, &published.bytes).unwrap();
    crate::support::run_tool("qpdf", &["--check"], &out);
    let first_page = crate::support::run_tool("pdftotext", &["-f", "1", "-l", "1"], &out);
    assert!(
        first_page.contains("overføres til næste år"),
        "{first_page}"
    );
    let list = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&out)
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    let images: Vec<&str> = list.lines().skip(2).collect();
    assert_eq!(
        images.len(),
        1,
        "only the painted scan is an image:\n{list}"
    );
    assert!(images[0].trim_start().starts_with('2'), "{list}");
    let scanned = ocr::pdf::page_image(&published.bytes, 2).unwrap();
    let read = ocr::recognize(&scanned, Language::Da, &()).unwrap().text;
    let layer = crate::support::run_tool("pdftotext", &[], &out);
    for shown in [&read, &layer] {
        for gone in ["Bundgaard", "Freja", "Brink", "23 45 67 89", "example.dk"] {
            assert!(!shown.contains(gone), "{gone} is still in:\n{shown}");
        }
    }
    assert!(read.contains("Mette Kastrup"), "{read}");
    assert!(
        layer.contains("Mette Kastrup") && layer.contains("cykelkælder"),
        "{layer}"
    );
}

#[test]
fn poor_scans_get_a_warning_and_empty_pages_an_error() {
    // 72 dpi: read, with a warning that names the mean confidence.
    let page = scanmaker::pages(DANISH, Country::DK).remove(0);
    let low = scanmaker::downsample(&page, 72);
    let png = ocr::image::encode_png(&low).unwrap();
    match minutes::prepare_with(
        "lav.png",
        png,
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    ) {
        Ok(doc) => {
            let w = doc.warnings.first().expect("a warning for a 72 dpi scan");
            assert_eq!(w.dpi, 72);
            assert!(w.to_string().contains("mean confidence"), "{w}");
        }
        Err(e) => assert!(
            matches!(e, minutes::Error::Ocr(ocr::Error::NoWords)),
            "{e:?}"
        ),
    }
    // A blank page: no words, and a message that says so.
    let blank = ocr::image::encode_png(&ocr::Gray::white(2480, 3508, 300)).unwrap();
    let err = minutes::prepare_with(
        "blank.png",
        blank,
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap_err();
    assert!(
        matches!(err, minutes::Error::Ocr(ocr::Error::NoWords)),
        "{err:?}"
    );
    assert!(err.to_string().contains("No words were found"));
    // Not an image at all.
    let err = minutes::prepare_with(
        "x.png",
        b"not a png".to_vec(),
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap_err();
    assert!(
        err.to_string().contains("This image cannot be read"),
        "{err}"
    );
}

#[test]
fn a_photo_at_an_angle_gets_its_mean_confidence_and_a_protected_pdf_a_clear_message() {
    // A page photographed at an angle, on grey paper: read, but with a warning that says how sure
    // Tesseract was, so the webmaster checks the text instead of trusting it.
    // (150 dpi, as a phone's photo of a page often is; it also keeps the test quick.)
    let page = scanmaker::downsample(&scanmaker::pages(DANISH, Country::DK).remove(0), 150);
    let mut photo = scanmaker::tilt(&page, 12.0);
    scanmaker::noise(&mut photo, 60, 11);
    let png = ocr::image::encode_png(&photo).unwrap();
    let result = minutes::prepare_with(
        "foto.png",
        png,
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    );
    let doc = result.unwrap();
    let w = doc
        .warnings
        .first()
        .expect("a warning for a photo at an angle");
    let mean = doc.layout.unwrap().pages[0].mean_confidence.unwrap();
    assert_eq!(w.mean_confidence, mean);
    assert!(mean < 75, "{mean}");
    assert!(
        w.to_string()
            .contains(&format!("mean confidence of {mean} %")),
        "{w}"
    );

    // A scanned PDF with a password: a message that says so and what to do, not a blank import.
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("scan.pdf");
    let locked = dir.path().join("scan-locked.pdf");
    std::fs::write(
        &plain,
        scanmaker::image_pdf(vec![ocr::Gray::white(850, 1100, 100)]),
    )
    .unwrap();
    let status = std::process::Command::new("qpdf")
        .args(["--encrypt", "bestyrelse", "bestyrelse", "256", "--"])
        .arg(&plain)
        .arg(&locked)
        .status()
        .unwrap();
    assert!(status.success());
    let err = minutes::prepare_with(
        "scan-locked.pdf",
        std::fs::read(&locked).unwrap(),
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap_err();
    assert!(matches!(err, minutes::Error::EncryptedPdf), "{err:?}");
    assert!(err.to_string().contains("protected by a password"), "{err}");
}

#[test]
fn a_published_scan_is_redacted_in_the_pixels_and_still_names_the_chair() {
    let conn = crate::minutes::register();
    let pdf = scanmaker::image_pdf(scanmaker::pages(DANISH, Country::DK));
    let prepared = minutes::prepare_with(
        "gf-2024.pdf",
        pdf,
        None,
        None,
        today(),
        Some(&ocr_with(Language::Da)),
    )
    .unwrap();
    let doc = minutes::add(&conn, &prepared, ACTOR, now()).unwrap();
    assert_eq!(minutes::search(&conn, "Bundgaard", 10).unwrap().len(), 1);
    let published = publish::archived(&conn, doc.id, &publish::Options::default()).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("gf-2024-web.pdf");
    std::fs::write(&out, &published.bytes).unwrap();
    crate::support::run_tool("qpdf", &["--check"], &out);
    // The only images are the painted pages: one per page, nothing underneath.
    let list = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&out)
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert_eq!(list.lines().skip(2).count(), 1, "{list}");
    // What OCR reads in the output's pixels, and what its text layer says.
    let mut read = String::new();
    for image in ocr::pdf::page_images(&published.bytes).unwrap() {
        read.push_str(&ocr::recognize(&image, Language::Da, &()).unwrap().text);
    }
    let layer = crate::support::run_tool("pdftotext", &[], &out);
    for shown in [&read, &layer] {
        for gone in [
            "Bundgaard",
            "Freja",
            "Brink",
            "Vestergaard",
            "23 45 67 89",
            "example.dk",
            "@",
        ] {
            assert!(!shown.contains(gone), "{gone} is still in:\n{shown}");
        }
        assert!(
            shown.contains("Mette Kastrup"),
            "the chair of the meeting is gone:\n{shown}"
        );
        assert!(shown.contains("cykelkælder"), "{shown}");
    }
}
