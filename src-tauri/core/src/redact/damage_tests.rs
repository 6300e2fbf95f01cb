//! What the register knows, found in damaged text: a generated test. Invented registers (Danish,
//! Norwegian, Swedish) give names, surnames, houses, flat codes, e-mail addresses and phone numbers;
//! a small generator applies each damage a typed, scanned or re-flowed text does to them (lost or
//! changed Nordic letters, OCR's confusions, letter-spacing, a line-end hyphen, lost spaces on
//! either side, capitals, the genitive) and pairs of them; each damaged entry is put into sentences
//! of each language, and every byte of it must be redacted. The must-stay side: ordinary words as
//! near a registered name as the damages make them stay.

use super::*;

/// One register entry: its kind, as the register writes it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Entry {
    FullName,
    Surname,
    House,
    Flat,
    Email,
    Phone,
}

/// The damages, each a small rewrite of the entry as the text gives it.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Damage {
    Caps,
    /// ø→o, æ→a, å→a, ä→a, ö→o.
    MarksLost,
    /// ø→oe, æ→ae, å→aa, ä→ae, ö→oe.
    MarksSpelled,
    /// rn↔m, l→1, l→I, o→0 in figures' places, cl↔d, li↔h, w→vv: the first that applies.
    Ocr,
    LetterSpaced,
    LineEndHyphen,
    GluedLeft,
    GluedRight,
    GluedBoth,
    Genitive,
}

const DAMAGES: &[Damage] = &[
    Damage::Caps,
    Damage::MarksLost,
    Damage::MarksSpelled,
    Damage::Ocr,
    Damage::LetterSpaced,
    Damage::LineEndHyphen,
    Damage::GluedLeft,
    Damage::GluedRight,
    Damage::GluedBoth,
    Damage::Genitive,
];

/// A register of one language: (name, unit, flat, address, phone, e-mail) per resident (invented).
struct Register {
    country: Country,
    residents: [(
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
        &'static str,
    ); 3],
    /// Sentences with `{}` where the entry goes, and the word glued before it when a space is lost.
    sentences: [&'static str; 3],
    /// Ordinary sentences holding words near the registered names.
    ordinary: &'static [&'static str],
}

const REGISTERS: &[Register] = &[
    Register {
        country: Country::DK,
        residents: [
            (
                "Søren Møllgaard",
                "4",
                "H0104",
                "Kløvervænget 12",
                "23 61 48 05",
                "soren.mollgaard@example.dk",
            ),
            (
                "Bodil Kræmer",
                "5",
                "H0105",
                "Kløvervænget 14",
                "40 18 77 25",
                "bodil.kraemer@example.dk",
            ),
            (
                "Æsa Blomkvist",
                "6",
                "H0106",
                "Kløvervænget 16",
                "29 91 44 06",
                "aesa@example.dk",
            ),
        ],
        sentences: [
            "Bestyrelsen talte med {} om taget.",
            "Klagen kom fra {} i går.",
            "Der var ikke mere at sige om {}.",
        ],
        ordinary: &[
            "Møllen ved åen er fredet.",
            "Kræmmermarkedet holdes i maj.",
            "Blomsterne i gården er plantet.",
            "Kløvervænget er asfalteret.",
        ],
    },
    Register {
        country: Country::NO,
        residents: [
            (
                "Åse Ødegård",
                "7",
                "H0201",
                "Bjørkeveien 7",
                "918 30 664",
                "ase.odegard@example.no",
            ),
            (
                "Halvor Kjærnes",
                "8",
                "H0202",
                "Bjørkeveien 9",
                "45 12 33 90",
                "halvor.kjaernes@example.no",
            ),
            (
                "Lillian Wiik",
                "9",
                "H0203",
                "Bjørkeveien 11",
                "976 54 321",
                "lillian.wiik@example.no",
            ),
        ],
        sentences: [
            "Styret snakket med {} om taket.",
            "Klagen kom fra {} i går.",
            "Det var ikke mer å si om {}.",
        ],
        ordinary: &[
            "Ødegården ved sjøen er fredet.",
            "Kjernen i saken er taket.",
            "Villaen ble malt i fjor.",
            "Bjørkeveien er asfaltert.",
        ],
    },
    Register {
        country: Country::SE,
        residents: [
            (
                "Märta Öberg",
                "1",
                "1101",
                "Lärkängsvägen 6",
                "070-318 44 29",
                "marta.oberg@example.se",
            ),
            (
                "Göran Clausson",
                "2",
                "1102",
                "Lärkängsvägen 8",
                "073-550 61 08",
                "goran.clausson@example.se",
            ),
            (
                "Ylva Näslund",
                "3",
                "1103",
                "Lärkängsvägen 10",
                "046-24 18 35",
                "ylva.naslund@example.se",
            ),
        ],
        sentences: [
            "Styrelsen pratade med {} om taket.",
            "Klagomålet kom från {} i går.",
            "Det fanns inget mer att säga om {}.",
        ],
        ordinary: &[
            "Berget bakom huset sprängs.",
            "Näsan var röd av kylan.",
            "Klausulen i avtalet gäller.",
            "Lärkängsvägen är asfalterad.",
        ],
    },
];

fn detector_of(r: &Register) -> Detector {
    let mut ctx = Context::new(r.country);
    for (name, unit, flat, address, phone, email) in r.residents {
        ctx.residents.push(KnownPerson {
            name: name.into(),
            unit: Some(unit.into()),
            flat: Some(flat.into()),
            address: Some(address.into()),
            phones: vec![phone.into()],
            emails: vec![email.into()],
        });
    }
    Detector::new(Some(&ctx))
}

/// The damages that apply to an entry of a kind (a phone is not written in capitals, an e-mail address
/// not in the genitive).
fn applies(entry: Entry, damage: Damage) -> bool {
    use Damage::*;
    match entry {
        Entry::FullName | Entry::Surname | Entry::House => true,
        Entry::Flat => matches!(damage, Ocr | GluedLeft | GluedRight | GluedBoth | Caps),
        Entry::Email => matches!(damage, Caps | MarksLost | GluedLeft | LineEndHyphen),
        Entry::Phone => matches!(damage, Ocr | GluedLeft | GluedRight | GluedBoth),
    }
}

fn marks_lost(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'ø' | 'ö' => 'o',
            'Ø' | 'Ö' => 'O',
            'æ' | 'ä' | 'å' => 'a',
            'Æ' | 'Ä' | 'Å' => 'A',
            c => c,
        })
        .collect()
}

fn marks_spelled(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        match c {
            'ø' | 'ö' => out.push_str("oe"),
            'Ø' | 'Ö' => out.push_str("Oe"),
            'æ' | 'ä' => out.push_str("ae"),
            'Æ' | 'Ä' => out.push_str("Ae"),
            'å' => out.push_str("aa"),
            'Å' => out.push_str("Aa"),
            c => out.push(c),
        }
    }
    out
}

/// OCR's confusions, the first that applies: in figures 0→O and 1→l; in letters rn→m, m→rn, cl→d,
/// li→h, w→vv, l→1, l→I.
fn ocr(s: &str) -> String {
    if s.bytes().filter(u8::is_ascii_digit).count() >= 3 {
        if let Some(i) = s.find('0') {
            return format!("{}O{}", &s[..i], &s[i + 1..]);
        }
        if let Some(i) = s.find('1') {
            return format!("{}l{}", &s[..i], &s[i + 1..]);
        }
    }
    for (from, to) in [
        ("rn", "m"),
        ("cl", "d"),
        ("li", "h"),
        ("m", "rn"),
        ("w", "vv"),
        ("ll", "l1"),
        ("l", "I"),
    ] {
        if let Some(i) = s.find(from) {
            return format!("{}{to}{}", &s[..i], &s[i + from.len()..]);
        }
    }
    s.to_string()
}

fn damaged(s: &str, d: Damage) -> String {
    match d {
        Damage::Caps => s.to_uppercase(),
        Damage::MarksLost => marks_lost(s),
        Damage::MarksSpelled => marks_spelled(s),
        Damage::Ocr => ocr(s),
        Damage::LetterSpaced => s
            .split(' ')
            .map(|w| w.chars().map(String::from).collect::<Vec<_>>().join(" "))
            .collect::<Vec<_>>()
            .join("  "),
        Damage::LineEndHyphen => {
            // In the longest word, after its third letter.
            let (at, w) = s
                .split(' ')
                .scan(0, |pos, w| {
                    let at = *pos;
                    *pos += w.len() + 1;
                    Some((at, w))
                })
                .max_by_key(|(_, w)| w.chars().count())
                .unwrap_or((0, s));
            match w.char_indices().nth(3) {
                Some((i, _)) if w.chars().count() >= 6 => {
                    format!("{}-\n{}", &s[..at + i], &s[at + i..])
                }
                _ => s.to_string(),
            }
        }
        Damage::GluedLeft | Damage::GluedRight | Damage::GluedBoth | Damage::Genitive => {
            s.to_string()
        }
    }
}

/// The sentence with the damaged entry in it, and the entry's byte span.
fn placed(sentence: &str, entry: &str, d: Damage) -> (String, usize, usize) {
    let (head, tail) = sentence.split_once("{}").unwrap_or((sentence, ""));
    let mut head = head.to_string();
    let mut tail = tail.to_string();
    let mut entry = entry.to_string();
    if matches!(d, Damage::GluedLeft | Damage::GluedBoth) {
        head = head.trim_end().to_string();
    }
    if matches!(d, Damage::GluedRight | Damage::GluedBoth) {
        tail = tail.trim_start_matches(' ').to_string();
    }
    if d == Damage::Genitive {
        entry.push('s');
        tail = format!(" hund{tail}");
    }
    let start = head.len();
    let text = format!("{head}{entry}{tail}");
    (text, start, start + entry.len())
}

/// Whether every letter and figure of `text[start..end]` is inside a redacted finding (whose offsets
/// count characters).
fn covered(found: &[Finding], text: &str, start: usize, end: usize) -> bool {
    let first = text[..start].chars().count();
    text[start..end].chars().enumerate().all(|(i, c)| {
        let at = first + i;
        !c.is_alphanumeric()
            || found
                .iter()
                .any(|f| f.decision == Decision::Redact && f.start <= at && at < f.end)
    })
}

fn entries(r: &Register) -> Vec<(Entry, String)> {
    let mut out = Vec::new();
    for (name, _, flat, address, phone, email) in r.residents {
        out.push((Entry::FullName, name.to_string()));
        out.push((
            Entry::Surname,
            name.rsplit(' ').next().unwrap_or(name).to_string(),
        ));
        out.push((Entry::House, address.to_string()));
        out.push((Entry::Flat, flat.to_string()));
        out.push((Entry::Email, email.to_string()));
        out.push((Entry::Phone, phone.to_string()));
    }
    out
}

/// Whether two damages make a pair of the test: one lost space on each side is the damage "both", the
/// line-end hyphen and the letter-spacing are not paired, nor the two ways of losing a mark.
fn paired(a: Damage, b: Damage) -> bool {
    use Damage::*;
    let glues = matches!(
        (a, b),
        (GluedLeft | GluedRight, GluedRight | GluedBoth) | (GluedLeft, GluedLeft)
    );
    let alone = |d: Damage| matches!(d, LetterSpaced | LineEndHyphen);
    !(glues || alone(a) || alone(b) || (a == MarksLost && b == MarksSpelled))
}

/// Every entry under every damage and pair of damages, in every sentence: (found, cases, misses).
fn coverage() -> (usize, usize, Vec<String>) {
    let mut cases = 0;
    let mut misses = Vec::new();
    let pairs: Vec<Vec<Damage>> = DAMAGES
        .iter()
        .map(|d| vec![*d])
        .chain(DAMAGES.iter().enumerate().flat_map(|(i, a)| {
            DAMAGES[i + 1..]
                .iter()
                .filter(move |b| paired(*a, **b))
                .map(move |b| vec![*a, *b])
        }))
        .collect();
    for r in REGISTERS {
        let d = detector_of(r);
        for (entry, value) in entries(r) {
            for damages in &pairs {
                if !damages.iter().all(|x| applies(entry, *x)) {
                    continue;
                }
                let mut v = value.clone();
                for x in damages {
                    v = damaged(&v, *x);
                }
                if v == value
                    && damages.iter().all(|x| {
                        !matches!(
                            x,
                            Damage::GluedLeft
                                | Damage::GluedRight
                                | Damage::GluedBoth
                                | Damage::Genitive
                        )
                    })
                {
                    continue; // the damage does nothing to this entry
                }
                let glue = damages
                    .iter()
                    .rev()
                    .find(|x| {
                        matches!(
                            x,
                            Damage::GluedLeft
                                | Damage::GluedRight
                                | Damage::GluedBoth
                                | Damage::Genitive
                        )
                    })
                    .copied()
                    .unwrap_or(Damage::Caps);
                for sentence in r.sentences {
                    let (text, start, end) = placed(sentence, &v, glue);
                    cases += 1;
                    let found = d.detect(&text);
                    if !covered(&found, &text, start, end) {
                        misses.push(format!("{:?} {entry:?} {damages:?}: {text:?}", r.country));
                    }
                }
            }
        }
    }
    (cases - misses.len(), cases, misses)
}

/// Every register entry under every damage and pair of damages, in every sentence (see the module's
/// comment). Houses are found in every shape (a word of one letter run into a house before the next word,
/// "Storvej 12i går", and a letter-spaced house before one were the last open class); the whole is held
/// at its figure (main before the damaged houses, the floor-and-door codes and the misread codes:
/// 2566/3330; with them 2902/3330; with the skeleton's Nordic letters spelled out as one 2934/3330;
/// with a word of one letter after the entry run into it 3107/3330; with a word in capitals or a
/// number run into a word in small letters before it and a misread name run into the word after it
/// 3243/3330), so a change that loses a case fails here. `--nocapture` lists the misses (left: a
/// phone's or a flat's last figure misread and run into a word, "23 61 48 O5om"; a surname of four
/// letters run on, "Wiikom"; a first name misread as "h" for "li"; a capital I for an l run into the
/// word before, "medCIausson"; an e-mail address hyphenated at a line's end).
#[test]
fn register_entries_are_found_in_damaged_text() {
    let (found, cases, misses) = coverage();
    for m in &misses {
        eprintln!("{m}");
    }
    eprintln!("register entries in damaged text: {found}/{cases}");
    let houses: Vec<&String> = misses.iter().filter(|m| m.contains(" House ")).collect();
    assert!(houses.is_empty(), "{houses:#?}");
    assert!(found >= 3243, "{found}/{cases}");
}

/// Ordinary words near a registered name (its start, its stem, the street alone) stay.
#[test]
fn ordinary_words_near_registered_names_stay() {
    for r in REGISTERS {
        let d = detector_of(r);
        for text in r.ordinary {
            let found: Vec<String> = d
                .detect(text)
                .into_iter()
                .filter(|f| f.decision == Decision::Redact)
                .map(|f| f.text)
                .collect();
            assert!(found.is_empty(), "{text}: {found:?}");
        }
    }
}
