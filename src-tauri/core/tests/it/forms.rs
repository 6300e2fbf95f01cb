//! Every way minutes name a registered resident, generated: for invented registers of a Danish, a
//! Norwegian and a Swedish association (double and hyphenated first names, double surnames, particles,
//! surnames that are words), each resident's name, short forms, initials, flat, phone and e-mail in the
//! shapes secretaries write them, each in a sentence of minutes. Recall is counted per form class and
//! pinned, so a rule change that loses a class fails here, and a class still weak is named.
//!
//! The generator is not the held-out text: it finds classes of misses (a floor with its building, the
//! initials of a long name, a trunk zero in a phone), which are then fixed as classes.

use std::collections::BTreeMap;

use andel_core::association::Country;
use andel_core::redact::{detect, Context, Decision, KnownPerson, Official, RoleKind};

use crate::support::invented_email;

struct Assoc {
    country: Country,
    people: &'static [(&'static str, &'static str)],
    /// The street of house `i` (two houses of eight flats).
    street: &'static str,
    first_house: u32,
}

const DK: Assoc = Assoc {
    country: Country::DK,
    people: &[
        ("Karl Johan", "Vestbjerg"),
        ("Anne-Mette", "Skovhus"),
        ("Ib", "Krarup"),
        ("Lærke", "Bundesen"),
        ("Jens Christian", "Hvass"),
        ("Nanna", "Frost"),
        ("Mads", "Vinge"),
        ("Signhild", "Aabo"),
        ("Bo", "Lindholm"),
        ("Hakon", "de Thurah"),
        ("Gitte", "Brøns-Holm"),
        ("Ali", "Türkmen"),
        ("Vita", "Sommer"),
        ("Ulf", "Kastbjerg"),
        ("Dorthe Marie", "Ebsen"),
    ],
    street: "Bregnevej",
    first_house: 2,
};

const NO: Assoc = Assoc {
    country: Country::NO,
    people: &[
        ("Ola Magnus", "Tveiten"),
        ("Kari-Anne", "Sæbø"),
        ("Jo", "Rustad"),
        ("Liv", "Haugom"),
        ("Per Olav", "Brekke"),
        ("Siri", "Lie"),
        ("Eirik", "Bratland"),
        ("Ingvild", "Sunde"),
        ("Åsmund", "Vik"),
        ("Gro", "von Krogh"),
        ("Tone", "Aas-Hansen"),
        ("Abdi", "Warsame"),
        ("Vår", "Solberg"),
        ("Even", "Fjell"),
        ("Marte Kristine", "Dahle"),
    ],
    street: "Lyngveien",
    first_house: 3,
};

const SE: Assoc = Assoc {
    country: Country::SE,
    people: &[
        ("Karl-Erik", "Wallgren"),
        ("Anna Lena", "Sjöholm"),
        ("Bo", "Ek"),
        ("Saga", "Lundell"),
        ("Per Johan", "Strid"),
        ("Maj", "Vinter"),
        ("Nils", "Falk"),
        ("Ylva", "Åkesson"),
        ("Ove", "Björk"),
        ("Louise", "af Klercker"),
        ("Pia", "Berg-Nyman"),
        ("Reza", "Tehrani"),
        ("Liv", "Sommar"),
        ("Gösta", "Hägg"),
        ("Inga Britt", "Dahlqvist"),
    ],
    street: "Vitsippsvägen",
    first_house: 4,
};

/// Two of each association's residents are on the board; their names stay and are not generated.
const BOARD: [usize; 2] = [2, 7];

/// Where resident `i` lives: the house, the flat as the register writes it, and the floor (0: ground).
fn flat(a: &Assoc, i: usize) -> (String, String, usize) {
    let house = format!("{} {}", a.street, a.first_house as usize + 2 * (i / 8));
    let floor = (i % 8) / 2;
    let unit = match a.country {
        Country::DK => {
            let f = if floor == 0 {
                "st.".to_string()
            } else {
                format!("{floor}.")
            };
            format!("{f} {}", if i % 2 == 0 { "tv." } else { "th." })
        }
        Country::NO => format!("H0{}0{}", floor + 1, 1 + i % 2),
        Country::SE => format!("{}", 1001 + 100 * floor + i % 2 + 2 * (i / 8)),
    };
    (house, unit, floor)
}

fn phone(a: &Assoc, i: usize) -> String {
    match a.country {
        Country::DK => format!(
            "{} {:02} {:02} {:02}",
            20 + i,
            10 + i * 3 % 80,
            30 + i * 7 % 60,
            40 + i * 11 % 50
        ),
        Country::NO => format!(
            "9{} {:02} {:03}",
            10 + i,
            20 + i * 3 % 70,
            100 + i * 13 % 800
        ),
        Country::SE => format!(
            "070-{:03} {:02} {:02}",
            100 + i * 37 % 900,
            10 + i % 80,
            20 + i * 7 % 70
        ),
    }
}

fn context(a: &Assoc) -> Context {
    let mut ctx = Context::new(a.country);
    ctx.places.push(a.street.to_string());
    for (i, (first, last)) in a.people.iter().enumerate() {
        let name = format!("{first} {last}");
        if BOARD.contains(&i) {
            ctx.officials.push(Official {
                name: name.clone(),
                role: RoleKind::BoardMember,
                valid_from: None,
                valid_to: None,
            });
        }
        let (house, unit, _) = flat(a, i);
        ctx.residents.push(KnownPerson {
            name,
            flat: None,
            unit: Some(if a.country == Country::DK {
                (i + 1).to_string()
            } else {
                unit.clone()
            }),
            address: Some(match a.country {
                Country::DK => format!("{house}, {unit}"),
                Country::NO => format!("{house}, {unit}"),
                Country::SE => format!("{house}, lgh {unit}"),
            }),
            phones: vec![phone(a, i)],
            emails: vec![invented_email(first, last, "gmail.com")],
        });
    }
    ctx
}

/// The mentions of resident `i`: (class, sentence with the mention, the part of it that must go).
fn mentions(a: &Assoc, i: usize) -> Vec<(&'static str, String, String)> {
    let (first, last) = a.people[i];
    let core = last.rsplit(' ').next().unwrap();
    let initial = |w: &str| w.chars().next().unwrap();
    let s0 = initial(core);
    let f0 = initial(first);
    let mut names: Vec<(&'static str, String)> = vec![
        ("full name", format!("{first} {last}")),
        ("first name", first.to_string()),
        ("surname", last.to_string()),
        ("first name + initial.", format!("{first} {s0}.")),
        ("first name + initial", format!("{first} {s0}")),
        ("initial. + surname", format!("{f0}. {last}")),
        ("initials", format!("{f0}.{s0}.")),
        ("surname + initial.", format!("{last} {f0}.")),
        ("surname, first name", format!("{last}, {first}")),
        ("capitals", format!("{first} {last}").to_uppercase()),
        ("lower case", format!("{first} {last}").to_lowercase()),
        (
            "first name + initial. in lower case",
            format!("{first} {s0}.").to_lowercase(),
        ),
        (
            "first name + initial in lower case",
            format!("{first} {s0}").to_lowercase(),
        ),
        ("genitive", format!("{first} {last}s")),
        ("over a line break", format!("{first}\n{last}")),
    ];
    if first.contains('-') {
        let hyph: Vec<String> = first.split('-').map(|p| initial(p).to_string()).collect();
        names.push(("hyphenated initials", hyph.join("-")));
    }
    if first.contains(' ') {
        names.push((
            "first given name + surname",
            format!("{} {last}", first.split(' ').next().unwrap()),
        ));
    }
    let (house, unit, floor) = flat(a, i);
    let mut places: Vec<(&'static str, String)> = vec![(
        "flat with its house",
        if a.country == Country::SE {
            format!("{house}, lgh {unit}")
        } else {
            format!("{house}, {unit}")
        },
    )];
    match a.country {
        Country::DK => {
            let words = ["stuen", "1. sal", "2. sal", "3. sal"][floor];
            let side = if i % 2 == 0 {
                "til venstre"
            } else {
                "til højre"
            };
            places.push(("floor and side", unit.clone()));
            places.push(("floor and side in words", format!("{words} {side}")));
            places.push(("floor and side in the house", format!("{unit} i {house}")));
            places.push((
                "floor and side without spaces",
                format!("{house}, {}", unit.replace(". ", ".")),
            ));
            places.push((
                "flat in capitals",
                format!("{house}, {unit}").to_uppercase(),
            ));
        }
        Country::NO => {
            let words = ["første", "andre", "tredje", "fjerde"][floor];
            places.push(("flat code", unit.clone()));
            places.push(("flat code in lower case", unit.to_lowercase()));
            places.push((
                "floor in words in the house",
                format!("{words} etasje i {house}"),
            ));
            places.push((
                "floor in figures in the house",
                format!("{}. etasje i {house}", floor + 1),
            ));
        }
        Country::SE => {
            let tr = ["bv", "1 tr", "2 tr", "3 tr"][floor];
            places.push(("flat number", format!("lgh {unit}")));
            places.push(("flat number in words", format!("lägenhet {unit}")));
            places.push(("floor in the house", format!("{tr} i {house}")));
            places.push(("house and bare flat number", format!("{house}, {unit}")));
        }
    }
    let p = phone(a, i);
    let digits: String = p.chars().filter(char::is_ascii_digit).collect();
    let code = match a.country {
        Country::DK => "45",
        Country::NO => "47",
        Country::SE => "46",
    };
    let contacts: Vec<(&'static str, String)> = vec![
        ("phone", p.clone()),
        ("phone without spaces", digits.clone()),
        (
            "phone with country code",
            format!("+{code} {}", p.trim_start_matches('0')),
        ),
        (
            "phone with trunk zero",
            format!("+{code} (0){}", p.trim_start_matches('0')),
        ),
        ("e-mail", invented_email(first, last, "gmail.com")),
    ];
    let says = match a.country {
        Country::DK => [
            "{} spurgte til regnskabet.",
            "Bestyrelsen har talt med {} om støjen.",
            "Tak til {} for hjælpen med haven.",
        ],
        Country::NO => [
            "{} spurte om regnskapet.",
            "Styret har snakket med {} om støyen.",
            "Takk til {} for hjelpen med hagen.",
        ],
        Country::SE => [
            "{} frågade om bokslutet.",
            "Styrelsen har pratat med {} om bullret.",
            "Tack till {} för hjälpen med gården.",
        ],
    };
    let lives = match a.country {
        Country::DK => "Beboeren i {} har klaget over varmen.",
        Country::NO => "Beboeren i {} har klaget på varmen.",
        Country::SE => "Den boende i {} har klagat på värmen.",
    };
    let reach = match a.country {
        Country::DK | Country::NO => "Kontakt: {} efter kl. 17.",
        Country::SE => "Kontakt: {} efter kl. 17.",
    };
    // A first name alone in lower case where only a name stands: signing a pasted e-mail, and opening
    // a sentence before a verb of saying.
    let signs = match a.country {
        Country::DK => "\"kan vi få nøglen? mvh {}\"",
        Country::NO => "\"kan vi få nøkkel? hilsen {}\"",
        Country::SE => "\"kan vi få nyckeln? hälsningar {}\"",
    };
    let lower_first = first.to_lowercase();
    let mut out = vec![
        (
            "first name in lower case before a verb",
            says[0].replace("{}", &lower_first),
            lower_first.clone(),
        ),
        (
            "first name in lower case, signing",
            signs.replace("{}", &lower_first),
            lower_first.clone(),
        ),
    ];
    for (k, (class, m)) in names.into_iter().enumerate() {
        // A lower-case mention never opens a sentence.
        let t = if m.starts_with(char::is_lowercase) {
            says[1 + k % 2]
        } else {
            says[k % 3]
        };
        out.push((class, t.replace("{}", &m), m));
    }
    for (class, m) in places {
        out.push((class, lives.replace("{}", &m), m));
    }
    // The floor alone right after the resident's name: "Ida Holm i tredje etasje har …".
    let (at, floor_alone) = match a.country {
        Country::DK => (
            if floor == 0 { "i" } else { "på" },
            ["stuen", "1. sal", "2. sal", "3. sal"][floor].to_string(),
        ),
        Country::NO => (
            "i",
            format!("{} etasje", ["første", "andre", "tredje", "fjerde"][floor]),
        ),
        Country::SE => (
            "på",
            format!(
                "{} våningen",
                ["första", "andra", "tredje", "fjärde"][floor]
            ),
        ),
    };
    out.push((
        "floor after the resident's name",
        format!(
            "{first} {last} {at} {floor_alone} {}.",
            if a.country == Country::SE {
                "har klagat"
            } else {
                "har klaget"
            }
        ),
        floor_alone,
    ));
    // A floor and the side of the house it faces, a room of the home on its floor, and the share or
    // flat number put after a comma: the flat with no person or building beside it.
    let ordinal = match a.country {
        Country::DK => ["første", "anden", "tredje", "fjerde"][floor],
        Country::NO => ["første", "andre", "tredje", "fjerde"][floor],
        Country::SE => ["första", "andra", "tredje", "fjärde"][floor],
    };
    let (facing, room, after_comma) = match a.country {
        Country::DK => (
            format!("{ordinal} sal mod gården"),
            format!("badeværelset på {}. sal", floor + 1),
            (
                format!("{first} {last} har sat sin andel, nr. {}, til salg.", i + 1),
                format!("nr. {}", i + 1),
            ),
        ),
        Country::NO => (
            format!("{ordinal} etasje mot gaten"),
            format!("badet i {}. etasje", floor + 1),
            (
                format!("{first} {last} selger andelen, nr. {}, i vår.", i + 1),
                format!("nr. {}", i + 1),
            ),
        ),
        Country::SE => (
            format!("{ordinal} våningen mot gården"),
            format!("köket på {ordinal} våningen"),
            (
                format!("{first} {last} säljer lägenheten, nr {unit}, i vår."),
                format!("nr {unit}"),
            ),
        ),
    };
    let leaks = match a.country {
        Country::DK => "Vandet kom fra {} i nat.",
        Country::NO => "Vannet kom fra {} i natt.",
        Country::SE => "Vattnet kom från {} i natt.",
    };
    out.push((
        "floor and the side it faces",
        leaks.replace("{}", &facing),
        facing,
    ));
    out.push((
        "room of the home on its floor",
        leaks.replace("{}", &room),
        room,
    ));
    let (bare, sold) = match a.country {
        Country::DK => (format!("Lejligheden på {ordinal}"), "er solgt."),
        Country::NO => (format!("Leiligheten i {ordinal}"), "er solgt."),
        Country::SE => (format!("Lägenheten på {ordinal}"), "säljs i vår."),
    };
    out.push((
        "flat by its floor's ordinal alone",
        format!("{bare} {sold}"),
        bare,
    ));
    out.push((
        "share or flat number after a comma",
        after_comma.0,
        after_comma.1,
    ));
    for (class, m) in contacts {
        out.push((class, reach.replace("{}", &m), m));
    }
    out
}

/// Found and total per class, over the three associations.
fn score() -> BTreeMap<&'static str, (usize, usize)> {
    let mut by_class: BTreeMap<&'static str, (usize, usize)> = BTreeMap::new();
    for a in [&DK, &NO, &SE] {
        let ctx = context(a);
        let mut text = String::from("Referat\n\n");
        let mut marks = Vec::new();
        for i in (0..a.people.len()).filter(|i| !BOARD.contains(i)) {
            for (n, (class, sentence, mention)) in mentions(a, i).into_iter().enumerate() {
                // In characters, as findings count.
                let at = text.chars().count()
                    + sentence[..sentence.find(&mention).unwrap()].chars().count();
                marks.push((class, at, at + mention.chars().count()));
                text.push_str(&sentence);
                text.push_str(if n % 3 == 2 { "\n" } else { " " });
            }
            text.push('\n');
        }
        let found = detect(&text, Some(&ctx));
        let gone: Vec<(usize, usize)> = found
            .iter()
            .filter(|f| f.decision == Decision::Redact)
            .map(|f| (f.start, f.end))
            .collect();
        let chars: Vec<char> = text.chars().collect();
        for (class, s, e) in marks {
            // Every letter and digit of the mention lies in a redacted passage.
            let ok = (s..e)
                .filter(|&k| chars[k].is_alphanumeric())
                .all(|k| gone.iter().any(|&(a, b)| a <= k && k < b));
            let entry = by_class.entry(class).or_default();
            entry.0 += usize::from(ok);
            entry.1 += 1;
        }
    }
    by_class
}

/// The board's names stay wherever the residents' go.
#[test]
fn board_members_among_the_generated_residents_stay() {
    for a in [&DK, &NO, &SE] {
        let ctx = context(a);
        for &b in &BOARD {
            let (first, last) = a.people[b];
            let text = format!("{first} {last} fremlagde regnskabet. {first} svarede.");
            let found = detect(&text, Some(&ctx));
            assert!(
                found
                    .iter()
                    .all(|f| f.decision != Decision::Redact || !f.text.contains(last)),
                "{text}: {found:?}"
            );
        }
    }
}

#[test]
fn every_form_of_a_registered_resident() {
    let by_class = score();
    let mut table = String::new();
    for (class, (ok, n)) in &by_class {
        table.push_str(&format!("  {class:32} {ok}/{n}\n"));
    }
    println!("forms of registered residents:\n{table}");
    // Every class whole (2026-12-04); a class that cannot be must be named here with its floor. In
    // lower case, a first name that is a function word ("vår") stays in every form, and one of two
    // letters ("bo") stays alone.
    let weak: BTreeMap<&str, usize> = BTreeMap::from([
        ("first name + initial in lower case", 38),
        ("first name + initial. in lower case", 38),
        ("first name in lower case before a verb", 37),
        ("first name in lower case, signing", 37),
    ]);
    for (class, (ok, n)) in &by_class {
        let floor = weak.get(class).copied().unwrap_or(*n);
        assert!(*ok >= floor, "{class}: {ok}/{n} (was {floor})\n{table}");
    }
}

/// What stays beside the generated residents: their surnames and first names as the ordinary words they
/// also are, the houses alone, dates and sums.
#[test]
fn the_words_their_names_are_stay() {
    let cases: [(&Assoc, &str, &[&str]); 3] = [
        (
            &DK,
            "Der var frost i haven, og til sommer males trappen i Bregnevej 2 for 40.000 kr. Vinge og \
             skovhus er ord. Mødet 3. maj.",
            &["frost", "sommer", "Bregnevej 2", "40.000 kr.", "3. maj"],
        ),
        (
            &NO,
            "Det ble lagt ny sti i lia mot fjell og vik. Oppgangen i Lyngveien 3 males i juni for 40 000 kroner.",
            &["lia", "fjell og vik", "Lyngveien 3", "40 000 kroner"],
        ),
        (
            &SE,
            "I vinter fälldes en ek och en björk vid Vitsippsvägen 4, och en falk syntes. Kostnad 40 000 kronor i maj.",
            &["vinter", "en ek och en björk", "Vitsippsvägen 4", "falk", "40 000 kronor"],
        ),
    ];
    for (a, text, stay) in cases {
        let found = detect(text, Some(&context(a)));
        let chars: Vec<char> = text.chars().collect();
        for word in stay {
            let s = text[..text.find(word).unwrap()].chars().count();
            let e = s + word.chars().count();
            let touched = found
                .iter()
                .filter(|f| f.decision == Decision::Redact)
                .any(|f| f.start < e && s < f.end);
            assert!(
                !touched,
                "{word} redacted in {text}: {found:?} ({} chars)",
                chars.len()
            );
        }
    }
}
