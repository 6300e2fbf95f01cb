//! Every context in which published minutes and notices name a person, generated, with no register
//! loaded (`andel detect FILE` without a vault: the unknown-name rules and the names model). Invented
//! people of Danish, Norwegian and Swedish associations (first names and surnames typical of each country
//! and of residents born abroad; names that are also words or places; double and hyphenated first names;
//! particles; double surnames) are placed in attendance lists, beside roles, in signatures, tables, photo
//! credits, e-mail headers, thanks, genitives, ages in brackets, at sentence and line starts and in
//! headings; beside them stand controls that must stay (streets, towns, firms also named after a person,
//! public bodies, associations, holidays, agenda words, months). Recall on the names and findings on the
//! controls are counted per class and pinned, so a rule change that loses a class fails here, and a class
//! still weak is named with its floor.
//!
//! No full name here is a real person's; the combinations are invented. The generator is not held-out
//! text: it finds classes of misses, which are then fixed as classes.

use std::collections::BTreeMap;

use andel_core::redact::{detect, Decision, Finding};

use crate::support::invented_email;

/// The words a country's minutes use around a name.
struct Lang {
    code: &'static str,
    people: &'static [(&'static str, &'static str)],
    present: &'static str,
    and: &'static str,
    chair: &'static str,
    treasurer: &'static str,
    by: &'static str,
    regards: &'static str,
    thanks: &'static str,
    from: &'static str,
    proposed: &'static str,
    promised: &'static str,
    /// A verb phrase after a name at a sentence's start.
    moves: &'static str,
    proposal: &'static str,
    farewell: &'static str,
    /// "The meeting was led by", "keys are handed out", "the item was discussed.", "presented the figures."
    led: &'static str,
    keys: &'static str,
    discussed: &'static str,
    figures: &'static str,
    /// `{}` is a control: a sentence in which it stands as the thing it is, by the control's class
    /// (street, town, firm, public body, association, holiday).
    control_frames: [&'static str; 6],
    controls: &'static [(&'static str, &'static str)],
}

const DA: Lang = Lang {
    code: "da",
    led: "Mødet ledes af",
    keys: "Nøgler udleveres",
    discussed: "Punktet blev drøftet.",
    figures: "fremlagde tallene.",
    people: &[
        ("Søren", "Ravnsbæk"),
        ("Anne-Grethe", "Kirketerp"),
        ("Birk", "Holm"),
        ("Ahmad", "Rahimi"),
        ("Sofie", "Dal Nielsen"),
        ("Jens Ole", "Sommer-Bech"),
        ("Karen", "la Cour"),
        ("Lone", "Skov"),
        ("Kirsten", "Viborg"),
        ("Mehmet", "Yıldız"),
        ("Ida Marie", "Kjærgaard"),
        ("Poul", "Sten"),
    ],
    present: "Til stede",
    and: "og",
    chair: "formand",
    treasurer: "kasserer",
    by: "v/",
    regards: "Med venlig hilsen",
    thanks: "Tak til {} for den flotte indsats ved havedagen.",
    from: "Fra",
    proposed: "foreslog at male opgangene.",
    promised: "lovede at undersøge sagen.",
    moves: "flytter fra foreningen til sommer.",
    proposal: "forslag blev vedtaget.",
    farewell: "Farvel til",
    control_frames: [
        "Cykelstien langs {} bliver lukket.",
        "Sommerfesten holdes i {} i år.",
        "Vi har indhentet tilbud fra {} på taget.",
        "Vi har skrevet til {} om skraldet.",
        "Vi deler fællesvaskeri med {}.",
        "Kontoret holder lukket {}.",
    ],
    controls: &[
        ("street", "Jens Baggesens Vej"),
        ("street", "Niels Ebbesens Gade"),
        ("town", "Hillerød"),
        ("town", "Viborg"),
        ("firm", "Brødrene Dahl"),
        ("firm", "Jensen & Søn"),
        ("firm", "Malermester Hansen ApS"),
        ("public body", "Københavns Kommune"),
        ("public body", "Skattestyrelsen"),
        ("association", "Andelsboligforeningen Solbakken"),
        ("association", "Grundejerforeningen Egevang"),
        ("holiday", "Store Bededag"),
        ("holiday", "Sankt Hans"),
        // The feast without its day.
        ("holiday", "Kristi Himmelfart"),
    ],
};

const NB: Lang = Lang {
    code: "nb",
    led: "Møtet ledes av",
    keys: "Nøkler deles ut",
    discussed: "Saken ble drøftet.",
    figures: "la fram tallene.",
    people: &[
        ("Ola", "Tveitå"),
        ("Kari-Anne", "Solheim"),
        ("Vår", "Haug"),
        ("Abdirahman", "Nur"),
        ("Siv", "Berg Olsen"),
        ("Per Kristian", "Aas-Eng"),
        ("Hedda", "von Ahn"),
        ("Tor", "Bakke"),
        ("Hege", "Lillehammer"),
        ("Nguyen", "Van Minh"),
        ("Anne Lise", "Rønningen"),
        ("Eirik", "Li"),
    ],
    present: "Til stede",
    and: "og",
    chair: "styreleder",
    treasurer: "kasserer",
    by: "v/",
    regards: "Med vennlig hilsen",
    thanks: "Takk til {} for god innsats på dugnaden.",
    from: "Fra",
    proposed: "foreslo å male oppgangene.",
    promised: "lovet å undersøke saken.",
    moves: "flytter fra borettslaget i sommer.",
    proposal: "forslag ble vedtatt.",
    farewell: "Farvel til",
    control_frames: [
        "Sykkelveien langs {} blir stengt.",
        "Sommerfesten holdes i {} i år.",
        "Vi har innhentet tilbud fra {} på taket.",
        "Vi har skrevet til {} om avfallet.",
        "Vi deler vaskeri med {}.",
        "Kontoret holder stengt {}.",
    ],
    controls: &[
        ("street", "Thorvald Meyers gate"),
        ("street", "Kristian Augusts gate"),
        ("town", "Drammen"),
        ("town", "Lillehammer"),
        ("firm", "Brødrene Lie"),
        ("firm", "Hansen & Sønn"),
        ("firm", "Rørlegger Olsen AS"),
        ("public body", "Oslo kommune"),
        ("public body", "Skatteetaten"),
        ("association", "Borettslaget Lyngåsen"),
        ("association", "Velforeningen Solåsen"),
        ("holiday", "Kristi himmelfartsdag"),
        ("holiday", "Sankthansaften"),
    ],
};

const SV: Lang = Lang {
    code: "sv",
    led: "Mötet leds av",
    keys: "Nycklar lämnas ut",
    discussed: "Frågan diskuterades.",
    figures: "redovisade siffrorna.",
    people: &[
        ("Lars", "Ekdahl"),
        ("Britt-Marie", "Sandell"),
        ("Liv", "Lund"),
        ("Reza", "Ahmadi"),
        ("Maja", "Ström Berg"),
        ("Per Olof", "Nord-Lind"),
        ("Ebba", "af Rosen"),
        ("Sten", "Falk"),
        ("Elin", "Ystad"),
        ("Aida", "Hodžić"),
        ("Anna Karin", "Lövgren"),
        ("Ove", "Ros"),
    ],
    present: "Närvarande",
    and: "och",
    chair: "ordförande",
    treasurer: "kassör",
    by: "c/o",
    regards: "Med vänlig hälsning",
    thanks: "Tack till {} för insatsen vid städdagen.",
    from: "Från",
    proposed: "föreslog att måla trapphusen.",
    promised: "lovade att undersöka saken.",
    moves: "flyttar från föreningen i sommar.",
    proposal: "förslag antogs.",
    farewell: "Farväl till",
    control_frames: [
        "Cykelbanan längs {} stängs.",
        "Sommarfesten hålls i {} i år.",
        "Vi har fått offert från {} på taket.",
        "Vi har skrivit till {} om soporna.",
        "Vi delar tvättstuga med {}.",
        "Kontoret håller stängt {}.",
    ],
    controls: &[
        ("street", "Karl Johans gata"),
        ("street", "Sankt Eriksgatan"),
        ("town", "Västerås"),
        ("town", "Ystad"),
        ("firm", "Bröderna Ek"),
        ("firm", "Lindgren & Son"),
        ("firm", "Målare Berg AB"),
        ("public body", "Stockholms stad"),
        ("public body", "Skatteverket"),
        ("association", "Bostadsrättsföreningen Eken"),
        ("association", "HSB Brf Ekbacken"),
        ("holiday", "Kristi himmelsfärdsdag"),
        ("holiday", "Midsommarafton"),
        ("holiday", "Kristi himmelsfärd"),
    ],
};

/// Words that open lines of minutes as agenda items or dates and must stay.
fn line_controls(l: &Lang) -> &'static [(&'static str, &'static str)] {
    match l.code {
        "da" => &[
            ("agenda word", "Eventuelt"),
            ("agenda word", "Beretning"),
            ("agenda word", "Dirigent"),
            ("month", "Marts"),
            ("month", "August"),
        ],
        "nb" => &[
            ("agenda word", "Eventuelt"),
            ("agenda word", "Årsberetning"),
            ("agenda word", "Møteleder"),
            ("month", "Mars"),
            ("month", "August"),
        ],
        _ => &[
            ("agenda word", "Övrigt"),
            ("agenda word", "Verksamhetsberättelse"),
            ("agenda word", "Justerare"),
            ("month", "Mars"),
            ("month", "Augusti"),
        ],
    }
}

/// One generated passage: the class, the text, and the marked spans in it (byte ranges) with whether
/// each must go (a name) or stay (a control).
struct Passage {
    class: &'static str,
    text: String,
    marks: Vec<(usize, usize, bool)>,
}

/// Builds a passage from pieces: `Ok(s)` is plain text, `Err((s, go))` a marked span.
fn passage(class: &'static str, pieces: &[Result<String, (String, bool)>]) -> Passage {
    let mut text = String::new();
    let mut marks = Vec::new();
    for p in pieces {
        match p {
            Ok(s) => text.push_str(s),
            Err((s, go)) => {
                marks.push((text.len(), text.len() + s.len(), *go));
                text.push_str(s);
            }
        }
    }
    Passage { class, text, marks }
}

fn t(s: impl Into<String>) -> Result<String, (String, bool)> {
    Ok(s.into())
}

fn name(s: impl Into<String>) -> Result<String, (String, bool)> {
    Err((s.into(), true))
}

fn keep(s: impl Into<String>) -> Result<String, (String, bool)> {
    Err((s.into(), false))
}

/// The passages of one language: each person in several classes, rotating, and every control.
fn passages(l: &Lang) -> Vec<Passage> {
    let people = l.people;
    let n = people.len();
    let full = |i: usize| format!("{} {}", people[i % n].0, people[i % n].1);
    let mut out = Vec::new();
    for (i, &(first, last)) in people.iter().enumerate() {
        let f = full(i);
        out.push(passage(
            "attendance list",
            &[
                t(format!("{}: ", l.present)),
                name(f.clone()),
                t(", "),
                name(full(i + 1)),
                t(format!(" {} ", l.and)),
                name(full(i + 2)),
                t("."),
            ],
        ));
        out.push(passage(
            "role before",
            &[
                t(format!("{} {} ", l.led, l.chair)),
                name(f.clone()),
                t(format!(", og {} ", l.treasurer)),
                name(full(i + 5)),
                t(format!(" {}", l.figures)),
            ],
        ));
        out.push(passage(
            "role after",
            &[
                name(f.clone()),
                t(format!(" ({}) ", l.treasurer)),
                t(l.promised),
            ],
        ));
        out.push(passage(
            "care of",
            &[t(format!("{} {} ", l.keys, l.by)), name(f.clone()), t(".")],
        ));
        out.push(passage(
            "signature",
            &[t(format!("{}\n", l.regards)), name(f.clone()), t("\n")],
        ));
        out.push(passage(
            "signature with role",
            &[
                t(format!("{}\n", l.regards)),
                name(f.clone()),
                t(format!("\n{}\n", l.chair)),
            ],
        ));
        out.push(passage(
            "table row, tabs",
            &[
                name(f.clone()),
                t(format!("\t{}. th.\t2{} 3{} 4{} 5{}", i % 4 + 1, i, i, i, i)),
            ],
        ));
        out.push(passage(
            "table row, spaces",
            &[
                name(f.clone()),
                t(format!(
                    "    {} tv    2{} 6{} 4{} 7{}",
                    i % 4 + 1,
                    i,
                    i,
                    i,
                    i
                )),
            ],
        ));
        out.push(passage("photo credit", &[t("FOTO: "), name(f.clone())]));
        out.push(passage(
            "photo credit in capitals",
            &[t("FOTO: "), name(f.to_uppercase())],
        ));
        out.push(passage(
            "e-mail header",
            &[
                t(format!("{}: ", l.from)),
                name(f.clone()),
                t(format!(" <{}>", invented_email(first, last, "example.org"))),
            ],
        ));
        let (head, tail) = l.thanks.split_once("{}").unwrap_or((l.thanks, ""));
        out.push(passage("thanks", &[t(head), name(f.clone()), t(tail)]));
        out.push(passage(
            "surname alone after the full name",
            &[
                name(f.clone()),
                t(format!(" {} ", l.proposed)),
                name(last),
                t(format!(" {}", l.promised)),
            ],
        ));
        out.push(passage(
            "first name alone after the full name",
            &[
                name(f.clone()),
                t(format!(" {} ", l.proposed)),
                name(first),
                t(format!(" {}", l.promised)),
            ],
        ));
        // Minutes name a member in full once and then by the initials, bare ("KR") or with full stops.
        let initials: Vec<String> = f
            .split([' ', '-'])
            .filter_map(|w| w.chars().next().filter(|c| c.is_uppercase()))
            .map(String::from)
            .collect();
        out.push(passage(
            "initials after the full name",
            &[
                name(f.clone()),
                t(format!(" {} ", l.proposed)),
                name(initials.concat()),
                t(format!(" {}", l.promised)),
            ],
        ));
        out.push(passage(
            "initials with full stops after the full name",
            &[
                name(f.clone()),
                t(format!(" {}\n\n{}\n", l.proposed, l.regards)),
                name(format!("{}.", initials.join("."))),
                t("\n"),
            ],
        ));
        // An initial and the surname after a role in the genitive ("Valgkomiteens leder K. Ravnsbæk").
        let leader = match l.code {
            "da" => "Valgudvalgets leder",
            "nb" => "Valgkomiteens leder",
            _ => "Valberedningens ledare",
        };
        let initial: String = first.chars().take(1).collect();
        out.push(passage(
            "initial and surname after a leader",
            &[
                t(format!("{} {leader} ", l.discussed)),
                name(format!("{initial}. {last}")),
                t(format!(" {}", l.promised)),
            ],
        ));
        // First names alone on an attendance list ("Til stede: Liv, Sten og Birk").
        out.push(passage(
            "first names on an attendance list",
            &[
                t(format!("{}: ", l.present)),
                name(first),
                t(", "),
                name(people[(i + 1) % n].0),
                t(format!(" {} ", l.and)),
                name(people[(i + 2) % n].0),
                t("\n"),
            ],
        ));
        // A first name alone, tied to the floor the person comes from ("Gitte fra 3. sal mente …").
        let floor = if l.code == "sv" { "2 tr" } else { "3. sal" };
        out.push(passage(
            "first name from a floor",
            &[
                t(format!("{} ", l.discussed)),
                name(first),
                t(format!(" {} {floor} {}", l.from.to_lowercase(), l.promised)),
            ],
        ));
        // A first name typed in lower case in an ordinary sentence: thanked, or opening a sentence.
        let lower = first.to_lowercase();
        out.push(passage(
            "first name in lower case, thanks",
            &[t(head), name(lower.clone()), t(tail)],
        ));
        out.push(passage(
            "first name in lower case at a sentence start",
            &[
                t(format!("{} ", l.discussed)),
                name(lower),
                t(format!(" {}", l.promised)),
            ],
        ));
        // A nickname in quotation marks inside the name ("Arve «Sprinten» Jørgensrud", "Lars \"Lasse\" Ek").
        const NICKS: [&str; 6] = ["Sprinten", "Bamse", "Lillen", "Kiki", "Store-Bo", "Trollet"];
        let (open, close) = if i % 2 == 0 { ('«', '»') } else { ('"', '"') };
        out.push(passage(
            "nickname inside the name",
            &[
                t(format!("{} ", l.discussed)),
                name(format!(
                    "{first} {open}{}{close} {last}",
                    NICKS[i % NICKS.len()]
                )),
                t(format!(" {}", l.promised)),
            ],
        ));
        out.push(passage(
            "genitive",
            &[name(format!("{f}s")), t(format!(" {}", l.proposal))],
        ));
        out.push(passage(
            "age in brackets",
            &[name(f.clone()), t(format!(" ({}) {}", 40 + i * 3, l.moves))],
        ));
        out.push(passage(
            "sentence start",
            &[
                t(format!("{} ", l.discussed)),
                name(f.clone()),
                t(format!(" {}", l.proposed)),
            ],
        ));
        out.push(passage(
            "line start",
            &[name(f.clone()), t(format!(" {}", l.moves))],
        ));
        out.push(passage(
            "heading",
            &[
                t(format!("{} ", l.farewell)),
                name(f.clone()),
                t("\n\n"),
                name(first),
                t(format!(" {}", l.moves)),
            ],
        ));
    }
    let classes = [
        "street",
        "town",
        "firm",
        "public body",
        "association",
        "holiday",
    ];
    for (class, c) in l.controls {
        let k = classes.iter().position(|x| x == class).unwrap_or(0);
        let frame = l.control_frames[k];
        let (head, tail) = frame.split_once("{}").unwrap_or((frame, ""));
        out.push(passage(class, &[t(head), keep(*c), t(tail)]));
    }
    for (class, c) in line_controls(l) {
        out.push(passage(class, &[keep(*c), t(":\n1. Godkendt.")]));
    }
    out
}

/// Whether every letter and digit of `text[s..e]` lies in a redacted finding.
fn gone(text: &str, found: &[Finding], s: usize, e: usize) -> bool {
    let cs = text[..s].chars().count();
    let chars: Vec<char> = text[s..e].chars().collect();
    chars.iter().enumerate().all(|(k, c)| {
        !c.is_alphanumeric()
            || found
                .iter()
                .filter(|f| f.decision == Decision::Redact)
                .any(|f| f.start <= cs + k && cs + k < f.end)
    })
}

fn touched(text: &str, found: &[Finding], s: usize, e: usize) -> bool {
    let cs = text[..s].chars().count();
    let ce = cs + text[s..e].chars().count();
    found
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .any(|f| f.start < ce && cs < f.end)
}

/// Per class: names found, names, controls taken, controls. One document per language, the passages
/// separated by blank lines, as a notice or minutes collect them.
fn score() -> BTreeMap<&'static str, [usize; 4]> {
    let mut by_class: BTreeMap<&'static str, [usize; 4]> = BTreeMap::new();
    // The first names in lower case go in a document of their own: a word written in lower case in a
    // text tells the names model it is a word there, which would cost the same name capitalised elsewhere.
    for (l, lower) in [&DA, &NB, &SV]
        .into_iter()
        .flat_map(|l| [(l, false), (l, true)])
    {
        let mut text = String::from("Referat\n\n");
        let mut marks = Vec::new();
        for p in passages(l)
            .into_iter()
            .filter(|p| p.class.contains("in lower case") == lower)
        {
            let at = text.len();
            for (s, e, go) in p.marks {
                marks.push((p.class, at + s, at + e, go));
            }
            text.push_str(&p.text);
            text.push_str("\n\n");
        }
        let found = detect(&text, None);
        for (class, s, e, go) in marks {
            let entry = by_class.entry(class).or_default();
            if go {
                entry[0] += usize::from(gone(&text, &found, s, e));
                entry[1] += 1;
            } else {
                entry[2] += usize::from(touched(&text, &found, s, e));
                entry[3] += 1;
            }
            if std::env::var_os("FORMS_UNKNOWN_SHOW").is_some() {
                let ok = if go {
                    gone(&text, &found, s, e)
                } else {
                    !touched(&text, &found, s, e)
                };
                if !ok {
                    println!("{} {class}: {:?}", l.code, &text[s..e]);
                }
            }
        }
    }
    by_class
}

#[test]
fn every_context_of_a_name_without_a_register() {
    let by_class = score();
    let mut table = String::new();
    for (class, [ok, n, bad, m]) in &by_class {
        if *n > 0 {
            table.push_str(&format!("  {class:40} names {ok}/{n}\n"));
        } else {
            table.push_str(&format!("  {class:40} controls taken {bad}/{m}\n"));
        }
    }
    println!("contexts of names without a register:\n{table}");
    // Pinned 2026-12-04: the floor of names found per class; a class not named is whole.
    // A first name that is also a function word ("Vår") loses the whole name in every context; a
    // surname that is a place the document also names as a town ("i Ystad") is lost alone (surname
    // alone 62/72 before a word or a place became the person before a verb of saying or a deed, 65/72
    // before a lone surname took its particle). Initials after the full name (bare "KR" or "K.R."): only
    // "Vår Haug" lost, by its first name. A first name in lower case is taken only when it is no word
    // ("søren", "liv", "tor", "sten" alone stay) and a list knows it ("nguyen" stays).
    // Raised 2026-12-04 (noreg12) to what the classes already found (the floors had stayed below):
    // every class whole but those below. Nicknames inside a name: 28/36 before a word beside a name
    // joined it above the names model's join threshold, over a nickname or a particle
    // (`learned::join_name_parts`), 35/36 since.
    let weak: BTreeMap<&str, usize> = BTreeMap::from([
        ("first name in lower case at a sentence start", 26),
        ("first name in lower case, thanks", 26),
        ("genitive", 35),
        // An initial before a particle ("K. la Cour", "E. af Rosen") is lost.
        ("initial and surname after a leader", 33),
        // A Swedish particle surname that is also a word after the nickname ("«Sprinten» af Rosen").
        ("nickname inside the name", 35),
        ("photo credit in capitals", 33),
        ("surname alone after the full name", 69),
    ]);
    // The ceiling of controls taken per class; a class not named takes none.
    // None since the names model adds no word of a street named after a person or of a holiday before its
    // noun in lower case (streets 3/6 and holidays 2/6 taken before).
    let taken: BTreeMap<&str, usize> = BTreeMap::new();
    for (class, [ok, n, bad, _]) in &by_class {
        let floor = weak.get(class).copied().unwrap_or(*n);
        assert!(*ok >= floor, "{class}: {ok}/{n} (was {floor})\n{table}");
        let ceiling = taken.get(class).copied().unwrap_or(0);
        assert!(
            *bad <= ceiling,
            "{class}: {bad} controls taken (was {ceiling})\n{table}"
        );
    }
}

/// Regression (generated contexts: a surname that is a word or a place alone after the full name): "Sten",
/// "Lund", "Lillehammer" alone were left where the person acts ("Sten lovede at …"); taken before a verb
/// of saying or a deed, and not where the same word is a town ("i Lund"). Invented people.
#[test]
fn regression_surname_that_is_a_word_or_a_place_alone_after_the_full_name() {
    let text = "Referat\n\nPoul Sten foreslog at male opgangene. Sten lovede at undersøge sagen.\n\n\
                Hege Lillehammer foreslo å male. Lillehammer lovet å undersøke saken.\n\n\
                Liv Lund föreslog att måla. Lund lovade att undersöka saken. Festen hålls i Lund.\n";
    let (found, taken) = redacted(text);
    assert_eq!(
        taken,
        [
            "Poul Sten",
            "Sten",
            "Hege Lillehammer",
            "Lillehammer",
            "Liv Lund",
            "Lund"
        ],
        "{found:?}"
    );
}

/// Regression (generated contexts: a particle left before a lone surname): "Ebba af Rosen … af Rosen
/// lovade" took "Rosen" and left "af", which says whose surname it was. Invented people.
#[test]
fn regression_particle_left_before_a_lone_surname() {
    let text =
        "Referat\n\nEbba af Rosen föreslog att måla. af Rosen lovade att undersöka saken.\n\n\
                Hedda von Ahn foreslo å male. von Ahn lovet å undersøke saken.\n";
    let (found, taken) = redacted(text);
    assert_eq!(
        taken,
        ["Ebba af Rosen", "af Rosen", "Hedda von Ahn", "von Ahn"],
        "{found:?}"
    );
}

/// The findings of `text` without a register, and the passages they redact.
fn redacted(text: &str) -> (Vec<Finding>, Vec<String>) {
    let found = detect(text, None);
    let taken = found
        .iter()
        .filter(|f| f.decision == Decision::Redact)
        .map(|f| f.text.clone())
        .collect();
    (found, taken)
}
