//! OCR speed: the goal is at most 3 s per A4 page at 300 dpi on one core.
//!
//! The page is a full A4 page of invented Danish minutes, rendered by Andel's own PDF layer (Liberation
//! Sans) at 300 dpi, turned 1.5° and speckled like a page off an office scanner (the tests'
//! `scanmaker`). Two measurements: **page**, Tesseract reading the decoded page image (what every page
//! of a scan costs), and **import**, a one-page image-only PDF read the whole way the import reads it
//! (pdftoppm renders the page, Tesseract reads it, the text and word boxes are put together). Both
//! programs run with `OMP_THREAD_LIMIT=1`, so the figures are for one core.

#![allow(clippy::expect_used, clippy::print_stderr)]

#[path = "../tests/it/scanmaker.rs"]
mod scanmaker;

use std::hint::black_box;
use std::time::Duration;

use andel_core::association::Country;
use andel_core::minutes;
use andel_core::ocr::{self, Language};
use criterion::{criterion_group, criterion_main, Criterion};

/// More than one A4 page of minutes in Andel's layout: the first page, full, is the one read.
const MINUTES: &str = "Referat af ordinær generalforsamling i Andelsboligforeningen Lærkehøj, tirsdag den 9. april 2024 kl. 19.00 i fælleslokalet

Til stede var 41 andelshavere, heraf 6 ved fuldmagt. Fra administrator deltog Karina Lund.

1. Valg af dirigent og referent. Bestyrelsen foreslog Poul Ravnsborg som dirigent. Han blev valgt uden modkandidater og konstaterede, at generalforsamlingen var lovligt indkaldt og beslutningsdygtig. Til referent valgtes Birthe Højgaard.

2. Bestyrelsens beretning. Formanden gennemgik årets arbejde: faldstammerne i opgang 3 og 5 er udskiftet, legepladsen har fået nyt faldunderlag, og vaskeriet har fået to nye maskiner. Ventelisten er lukket for nye skrivninger indtil videre. Beretningen blev godkendt med applaus.

3. Årsregnskab og andelskrone. Revisor gennemgik regnskabet, som viste et overskud på 212.480 kr. Andelskronen fastsættes uændret. Regnskabet blev godkendt enstemmigt.

4. Forslag. Forslag fra Jørgen Kjærsgaard, nr. 14, st. tv., om opsætning af ladestandere til elbiler: vedtaget med 29 stemmer for og 9 imod. Forslag om husdyrforbud: forkastet.

5. Budget. Budgettet med uændret boligafgift blev vedtaget. Vedligeholdelsesplanen for de næste fem år blev præsenteret, og tagudskiftningen er planlagt til 2027.

6. Valg. Til bestyrelsen genvalgtes Søren Æbelø og Gitte Brøndum. Som suppleant valgtes Ahmad Nouri. Revisionsfirmaet genvalgtes.

7. Eventuelt. Der blev spurgt til cykelkælderen, til støj fra ventilationen og til fællesspisningen i juni. Bestyrelsen tager punkterne op på næste møde. Henvendelser kan ske til bestyrelsen på telefon 31 42 53 64.

Dirigenten takkede for god ro og orden og hævede generalforsamlingen kl. 21.40.

Bilag A. Vedligeholdelsesplan. I 2025 males trapperne i opgang 1 til 4, og dørtelefonerne udskiftes. I 2026 renoveres gårdens belægning, og cykelskurene får nyt tag. I 2027 udskiftes taget på hele ejendommen; bestyrelsen indhenter tilbud fra mindst tre firmaer og fremlægger dem på en ekstraordinær generalforsamling. Udgifterne dækkes af foreningens opsparing og et nyt lån, hvis det bliver nødvendigt. Administrator har beregnet, at boligafgiften i så fald stiger med omkring fire procent.

Bilag B. Husorden. Affald sorteres i gårdens containere, storskrald stilles i rummet ved port 2 den første mandag i måneden. Grill må kun bruges på gårdens grillplads. Der må ikke stilles barnevogne, cykler eller andre genstande i opgangene. Vaskeriet er åbent fra kl. 7 til kl. 22 alle dage.
";

fn page() -> ocr::Gray {
    let first = scanmaker::pages(MINUTES, Country::DK).remove(0);
    let mut page = scanmaker::tilt(&first, 1.5);
    scanmaker::noise(&mut page, 24, 7);
    page
}

fn bench(c: &mut Criterion) {
    let page = page();
    // The page must be read, or the figure means nothing.
    let read = ocr::recognize(&page, Language::Da, &()).expect("tesseract with the Danish model");
    assert!(read.words.len() > 300, "{} words", read.words.len());
    eprintln!(
        "the page: {} × {} pixels at {} dpi, {} words read",
        page.width,
        page.height,
        page.dpi,
        read.words.len()
    );
    let pdf = ocr::pdf::write(&[ocr::pdf::OutPage {
        image: page.clone(),
        words: Vec::new(),
    }])
    .expect("an image-only PDF");

    let mut group = c.benchmark_group("ocr");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(40));
    group.warm_up_time(Duration::from_secs(3));
    group.bench_function("a4_page_300dpi", |b| {
        b.iter(|| {
            black_box(ocr::recognize(black_box(&page), Language::Da, &()).map(|p| p.words.len()))
        })
    });
    let with = minutes::Ocr {
        language: Language::Da,
        observer: &(),
    };
    let today = chrono::NaiveDate::default();
    group.bench_function("import_scanned_pdf_page", |b| {
        b.iter(|| {
            black_box(
                minutes::prepare_with("gf.pdf", pdf.clone(), None, None, today, Some(&with))
                    .map(|d| d.text.len()),
            )
        })
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
