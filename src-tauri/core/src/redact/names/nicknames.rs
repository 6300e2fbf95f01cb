//! Nicknames the minutes give a person by saying what people call them: right after the name ("Gorm
//! Lund – af de fleste kaldt "Gulle" –", "Per Dahl, kalt Pelle,", "Eva Berg (kallad Ebba)") or in a
//! clause after the nickname ("Bibbe, som alle kalder hende, …", "Tuffe, som vi kallar honom"). The
//! nickname is no first name the lists need to know: the verb of calling says it is one, and it goes as
//! the name does, every time the text uses it.

use super::*;

/// The verbs of calling, as Danish, Norwegian (both forms) and Swedish write them.
const CALLED: &[&str] = &[
    "kaldt", "kaldet", "kaldes", "kalder", "kaldte", "kalt", "kalla", "kalles", "kaller", "kalte",
    "kallad", "kallade", "kallas", "kallar", "kallat", "kallast",
];

/// Whether a verb of calling follows `end` right away, after a bracket, a comma or a dash ("Agnes
/// (kaldet "Strandfogeden") er orienteret", "Per, kalt Pelle,"): the word before is a person's name.
pub(super) fn called_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let Some(rest) = [" (", ", ", " – ", " - "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    let word = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    CALLED.contains(&word)
}

/// The participles of calling that an auxiliary makes a passive ("som han blir kalla", "som hun blev
/// kaldt").
const PASSIVE_PARTICIPLES: &[&str] = &["kaldt", "kaldet", "kalt", "kalla", "kallad", "kallat"];

/// The auxiliaries of the passive before a participle of calling.
const PASSIVE_AUXILIARIES: &[&str] = &[
    "blir", "bliver", "blev", "ble", "blei", "vert", "vart", "blivit", "blitt", "er", "är", "var",
];

/// The pronouns a clause of calling ends on ("som alle kalder hende", "som hun kalder sig selv").
const PRONOUNS: &[&str] = &[
    "ham", "hende", "han", "hun", "henne", "ho", "honom", "hon", "dem", "dei", "begge", "sig",
    "seg", "sej",
];

/// The verbs of knowing someone as a name ("som alle kjenner som «Kalla»").
const KNOWN_AS: &[&str] = &[
    "kjenner", "kjenne", "kjent", "kender", "kendt", "känner", "känd", "kände",
];

/// The nickname a verb of calling gives: a capitalised word of three letters or more, in quotation
/// marks or not, that is no function word; its span.
fn nickname_after_verb(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?;
    let rest = rest.strip_prefix(':').unwrap_or(rest);
    let rest = rest.strip_prefix(' ')?;
    // "„" opens a quotation low, as Danish and German type it („Sisse").
    let quote = rest.starts_with(['"', '«', '“', '”', '„', '\'', '‘', '’']);
    let inner = if quote {
        rest.get(rest.chars().next()?.len_utf8()..)?
    } else {
        rest
    };
    let start = text.len() - inner.len();
    let len = inner
        .char_indices()
        .find(|&(_, c)| !(c.is_alphabetic() || c == '-'))
        .map_or(inner.len(), |(i, _)| i);
    let word = inner.get(..len)?.trim_end_matches('-');
    nickname_shape(word).then_some((start, start + word.len()))
}

/// The nickname in quotation marks right after a verb of calling at `at`, of one to four words opened
/// by a capitalised one ("som alle kaller «Olsen på hjørnet»", "som vi kallar "Kalle"): its span, the
/// quotation marks left out.
fn quoted_nickname(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?.strip_prefix(' ')?;
    let close = match rest.chars().next()? {
        '«' => '»',
        '"' => '"',
        '“' => '”',
        _ => return None,
    };
    let inner = rest.get(rest.chars().next()?.len_utf8()..)?;
    let quoted = &inner[..inner.find(close)?];
    let words: Vec<&str> = quoted.split(' ').collect();
    let first = words.first()?;
    if quoted.len() > 48
        || quoted.contains('\n')
        || !(1..=4).contains(&words.len())
        || !nickname_shape(first)
        || !words
            .iter()
            .all(|w| !w.is_empty() && w.chars().all(|c| c.is_alphabetic() || c == '-'))
    {
        return None;
    }
    let start = text.len() - inner.len();
    Some((start, start + quoted.len()))
}

/// Whether a relative clause's "som" opens the clause of the verb at `verb`, with at most three words in
/// small letters between them on the line ("– som alle kaller", ", som vi kallar").
fn som_before(text: &str, verb: usize) -> bool {
    let head = &text[..verb];
    let line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    let Some(at) = line.rfind("som ") else {
        return false;
    };
    let opens = at == 0 || line[..at].ends_with(' ');
    let between: Vec<&str> = line[at + 4..].split_whitespace().collect();
    opens && between.len() <= 3 && between.iter().all(|w| w.chars().all(char::is_lowercase))
}

/// "Arnfinn («Finn'en» blant naboane)", "Per Dahl «Pelle»": a nickname in quotation marks right after a
/// person's name, in brackets or not; its span.
fn quoted_after(text: &str, end: usize) -> Option<(usize, usize)> {
    let rest = text.get(end..)?.strip_prefix(' ')?;
    let rest = rest.strip_prefix('(').unwrap_or(rest);
    let (open, close): (char, &[char]) = match rest.chars().next()? {
        '«' => ('«', &['»']),
        '"' => ('"', &['"']),
        '“' => ('“', &['”']),
        // Closed high, either way („Sisse", „Sisse“).
        '„' => ('„', &['"', '“', '”']),
        _ => return None,
    };
    let inner = rest.get(open.len_utf8()..)?;
    let word = inner.split(close).next()?;
    let start = text.len() - inner.len();
    (inner.len() > word.len() && nickname_shape(word)).then_some((start, start + word.len()))
}

/// "Naboen i nr. 13, «Gamle-Ola», tilbyr seg …", "hans kone, "Lille-Kari", kom": a quoted word in
/// apposition, set off by commas, whose last part is a first name the lists know ("Gamle-Ola",
/// "Store-Per", "Ola"): a nickname, whoever it names. Its spans are added to `found`.
fn apposed_nicknames(text: &str, found: &mut Vec<(usize, usize)>) {
    for (open, close) in [("«", "»"), ("\"", "\""), ("“", "”")] {
        for at in memchr::memmem::find_iter(text.as_bytes(), open.as_bytes()) {
            let head = text[..at].trim_end_matches([' ', '\n', '\r']);
            if !head.ends_with(',') || head.len() == at {
                continue;
            }
            let start = at + open.len();
            let Some(len) = text[start..].find(close) else {
                continue;
            };
            let word = &text[start..start + len];
            let after = &text[start + len + close.len()..];
            let last = word.rsplit('-').next().unwrap_or(word).to_lowercase();
            // "Båten, «Kari», …": a thing's name after a noun that says so.
            let noun = head[..head.len() - 1]
                .rsplit(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
                .to_lowercase();
            if (after.starts_with(',') || after.starts_with(" –") || after.starts_with(" -"))
                && word.split('-').all(nickname_shape)
                && !is_thing_noun(&noun)
                && first_names().get(&last).is_some()
                && !found.contains(&(start, start + len))
            {
                found.push((start, start + len));
            }
        }
    }
}

/// A word that may be a nickname: a capital, then small letters (a hyphen between parts), three letters
/// or more, and no function word.
fn nickname_shape(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(char::is_uppercase)
        && chars.all(|c| c.is_lowercase() || matches!(c, '-' | '\'' | '’'))
        && word.chars().filter(|c| c.is_alphabetic()).count() >= 3
        && !function_words().contains_fold(word)
}

/// The nickname in quotation marks that "som" gives after a verb of knowing at `at` ("kjenner som
/// «Kalla»", "känner som "Bullen""): quoted, it is a name people use, whoever it names.
fn nickname_known_as(text: &str, at: usize) -> Option<(usize, usize)> {
    let rest = text.get(at..)?.strip_prefix(" som ")?;
    if !rest.starts_with(['"', '«', '“', '„']) {
        return None;
    }
    nickname_after_verb(text, text.len() - rest.len() - 1)
}

/// A word before a clause of calling, in small letters too ("bostrom (som han kallar sig …)": the clause
/// says it is a name) or with its parts capitalised ("Kastanje-Karen"): no function word, three letters
/// or more.
fn nickname_before_a_clause(word: &str) -> bool {
    let capitalised = |p: &str| {
        let mut chars = p.chars();
        chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase)
    };
    let lower = word.chars().all(|c| c.is_lowercase() || c == '-');
    // "Kastanje-Karen": each part capitalised.
    let parts = word.contains('-') && word.split('-').all(capitalised);
    nickname_shape(word)
        || ((lower || parts)
            && word.chars().filter(|c| c.is_alphabetic()).count() >= 3
            && !function_words().contains_fold(word))
}

/// Whether the person whose name ends at `end` is the one a verb of calling at `verb` speaks of: only
/// a dash, a comma or an opening bracket and at most four words in small letters ("af de fleste",
/// "blant venner") stand between them, on one line.
fn tied_to_person(text: &str, end: usize, verb: usize) -> bool {
    let Some(gap) = text.get(end..verb) else {
        return false;
    };
    if gap.len() > 48 || gap.contains('\n') {
        return false;
    }
    let mut words = 0;
    for part in gap.split([' ', ',', '(', '–', '—', '-']) {
        if part.is_empty() {
            continue;
        }
        if !part.chars().all(char::is_lowercase) {
            return false;
        }
        words += 1;
    }
    words <= 4
}

/// Adds the nicknames that a verb of calling gives a person (`persons`: the people found to be
/// redacted, their spans by start) or that a clause of calling follows. Outside `protected` and the
/// findings already made.
pub fn nicknames(
    text: &str,
    persons: &[(usize, usize)],
    protected: &[(usize, usize)],
    raw: &mut Vec<Raw>,
) {
    let bytes = text.as_bytes();
    let mut verbs: Vec<usize> = ["kald", "kall", "kalt", "kjen", "kend", "känd", "känn"]
        .iter()
        .flat_map(|w| memchr::memmem::find_iter(bytes, w.as_bytes()))
        .collect();
    verbs.sort_unstable();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for &(_, end) in persons {
        if let Some(nick) = quoted_after(text, end) {
            found.push(nick);
        }
    }
    for at in verbs {
        if text[..at]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric)
        {
            continue;
        }
        let len = text[at..]
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(text.len() - at, |(i, _)| i);
        let verb = &text[at..at + len];
        // "naboen, som alle i laget kjenner som «Kalla»": a quoted name after a verb of knowing as.
        if KNOWN_AS.contains(&verb) {
            if let Some(nick) = nickname_known_as(text, at + len) {
                found.push(nick);
            }
            continue;
        }
        if !CALLED.contains(&verb) {
            continue;
        }
        // "olsen – som alle kaller «Olsen på hjørnet» –": a quoted nickname after a clause of calling,
        // of one word or more; quoted, it is a name people use, whoever it names.
        if som_before(text, at) {
            if let Some(nick) = quoted_nickname(text, at + len) {
                found.push(nick);
                continue;
            }
        }
        // "Gorm Lund – af de fleste kaldt "Gulle"": the nickname after the verb, a person's name before it.
        if let Some(nick) = nickname_after_verb(text, at + len) {
            let i = persons.partition_point(|&(s, _)| s < at);
            let before = i
                .checked_sub(1)
                .and_then(|j| persons.get(j))
                .is_some_and(|&(_, e)| e <= at && tied_to_person(text, e, at));
            if before {
                found.push(nick);
                continue;
            }
        }
        // "Nikki, som Nikolaj kaldes": the nickname before a clause of calling in the passive, whose
        // subject is the person found ("som" right before the name, the verb right after it).
        // "Tolle, som han blir kalla i gata": the participle after an auxiliary of the passive is
        // the passive too.
        let auxiliary = PASSIVE_PARTICIPLES
            .contains(&verb)
            .then(|| {
                let h = text[..at].strip_suffix(' ')?;
                let w = h.rsplit(' ').next().unwrap_or("");
                PASSIVE_AUXILIARIES.contains(&w).then(|| h.len() - w.len())
            })
            .flatten();
        if matches!(verb, "kaldes" | "kalles" | "kallas") || auxiliary.is_some() {
            let at = auxiliary.unwrap_or(at);
            let i = persons.partition_point(|&(s, _)| s < at);
            let person = i
                .checked_sub(1)
                .and_then(|j| persons.get(j))
                .filter(|&&(_, e)| e + 1 == at && text.get(e..at) == Some(" "));
            // "Jerka, som han kallas av alla": the subject a pronoun.
            let pronoun = text[..at].strip_suffix(' ').and_then(|h| {
                let w = h.rsplit(' ').next().unwrap_or("");
                ["han", "hon", "hun", "ho"]
                    .contains(&w)
                    .then(|| &h[..h.len() - w.len()])
            });
            let subject = person.map(|&(s, _)| &text[..s]).or(pronoun);
            // "sorn": "som" as a scan reads it, its m as r and n.
            let head = subject.and_then(|h| {
                h.strip_suffix(", som ")
                    .or_else(|| h.strip_suffix(", sorn "))
            });
            if let Some(head) = head {
                let word = head
                    .rsplit(|c: char| !(c.is_alphabetic() || c == '-'))
                    .next()
                    .unwrap_or("");
                if nickname_shape(word) {
                    let start = head.len() - word.len();
                    found.push((start, head.len()));
                }
            }
            continue;
        }
        // "Bibbe, som alle kalder hende": the nickname before a clause of calling; "«Bibbe», som de
        // fleste kalder Birthe Holm": the person found named right after the verb.
        let pronoun = text[at + len..]
            .strip_prefix(' ')
            .map(|r| r.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
            .is_some_and(|w| PRONOUNS.contains(&w));
        let named = text[at + len..].starts_with(' ')
            && persons
                .binary_search_by_key(&(at + len + 1), |&(s, _)| s)
                .is_ok();
        if !pronoun && !named {
            continue;
        }
        // The clause may run over a line end ("NB: Bibbe, som de fleste\nkalder hende").
        let from = (at.saturating_sub(100)..at)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(at);
        let window = &text[from..at];
        // "Bibbe, som …", ""Bibbe", som …", "bibbe (som …": after a comma or in brackets.
        let Some(som) = window
            .rfind(", som ")
            .into_iter()
            .chain(window.rfind(" (som "))
            .max()
        else {
            continue;
        };
        let between = &window[som + 6..];
        if between.split_whitespace().count() > 4
            || !between
                .chars()
                .all(|c| c.is_lowercase() || c == ' ' || c == '\n')
        {
            continue;
        }
        let head = window[..som].trim_end_matches(['"', '»', '”', '’']);
        let word = head
            .rsplit(|c: char| !(c.is_alphabetic() || c == '-'))
            .next()
            .unwrap_or("");
        if nickname_before_a_clause(word) {
            let start = from + head.len() - word.len();
            found.push((start, start + word.len()));
        }
    }
    apposed_nicknames(text, &mut found);
    for (start, end) in found {
        // A person found within the nickname ("Olsen" of «Olsen på hjørnet») gives way to it whole.
        let within = |r: &Raw| r.kind == Kind::Person && r.start >= start && r.end <= end;
        if overlaps_any(protected, start, end)
            || raw
                .iter()
                .any(|r| r.start < end && start < r.end && !within(r))
        {
            continue;
        }
        raw.retain(|r| !(r.start < end && start < r.end));
        raw.push(Raw::unknown_name(
            start,
            end,
            0.8,
            "a nickname the text says a person is called by",
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(text: &str, persons: &[&str]) -> Vec<String> {
        let persons: Vec<(usize, usize)> = persons
            .iter()
            .map(|p| {
                let s = text.find(p).unwrap_or(0);
                (s, s + p.len())
            })
            .collect();
        let mut raw = Vec::new();
        nicknames(text, &persons, &[], &mut raw);
        raw.iter()
            .map(|r| text[r.start..r.end].to_string())
            .collect()
    }

    /// Regression (class: a nickname of several words in quotation marks after a relative clause of
    /// calling, "<surname> – som alle kaller «<Surname> på hjørnet» –", stayed in the published text). A
    /// quoted phrase in small letters, or one after a verb of calling with no "som" before, stays.
    #[test]
    fn regression_a_quoted_nickname_of_several_words_after_a_clause_of_calling() {
        assert_eq!(
            found(
                "Styret takket vik – som alle kaller «Vik på hjørnet» – for hjelpen.",
                &[]
            ),
            ["Vik på hjørnet"]
        );
        assert_eq!(
            found("Han er, som vi kallar \"Kalle\", snäll.", &[]),
            ["Kalle"]
        );
        assert!(found("Det som folk kaller «dugnadsånd» er viktig.", &[]).is_empty());
        assert!(found("Styret kaller «Vik på hjørnet» inn.", &[]).is_empty());
        // A person found within the nickname gives way to it whole.
        let text = "Styret takket vik – som alle kaller «Vik på hjørnet» – for hjelpen.";
        let at = text.find("Vik på").unwrap_or(0);
        let mut raw = vec![Raw::unknown_name(at, at + 3, 0.6, "a surname")];
        nicknames(text, &[], &[], &mut raw);
        let names: Vec<&str> = raw.iter().map(|r| &text[r.start..r.end]).collect();
        assert_eq!(names, ["Vik på hjørnet"]);
    }

    /// Regression (class: a nickname in quotation marks before a clause of calling whose object is the
    /// person named in full, "«<Nickname>», som de fleste kaller <First name> <Surname>", stayed in the
    /// published text). With a word and no person after the verb, nothing.
    #[test]
    fn regression_a_nickname_before_a_clause_calling_the_person_named() {
        assert_eq!(
            found(
                "Utleie: «Trollet», som de fleste kaller Sverre Bøhn i A0203, får leie ut.",
                &["Sverre Bøhn"]
            ),
            ["Trollet"]
        );
        assert!(found("«Huset», som de fleste kaller Gården, er gammelt.", &[]).is_empty());
    }

    /// A nickname before a clause of calling in the passive whose subject is a person found ("Nikki,
    /// som Nikolaj kaldes"); with no person there, or a word that is no nickname, nothing.
    #[test]
    fn a_nickname_before_a_passive_clause_of_calling() {
        assert_eq!(
            found(
                "Nikki, som Nikolaj kaldes i opgangen, vil ikke flytte.",
                &["Nikolaj"]
            ),
            ["Nikki"]
        );
        assert_eq!(
            found("Bassen, som Bastian kallas, flyttar.", &["Bastian"]),
            ["Bassen"]
        );
        // The subject a pronoun: "som han kallas".
        assert_eq!(
            found(
                "Motion från Ove Lund. Bosse, som han kallas, vill ha laddplatser.",
                &["Ove Lund"]
            ),
            ["Bosse"]
        );
        assert!(found("Huset, som det kallas, är gammalt.", &[]).is_empty());
        assert_eq!(found("Tulla, som hun kalles, har flyttet.", &[]), ["Tulla"]);
        assert!(found("Nikki, som det kaldes, er en kat.", &[]).is_empty());
        assert!(found("Men, som Nikolaj kaldes, nej.", &["Nikolaj"]).is_empty());
    }

    /// A nickname after a verb of calling right after a person's name, in the three languages, quoted
    /// or not; the nickname before a clause of calling.
    #[test]
    fn nicknames_by_a_verb_of_calling() {
        assert_eq!(
            found(
                "Haven passes af Vagn Tofte – af de fleste kaldt \"Tuffe\" – som før.",
                &["Vagn Tofte"]
            ),
            ["Tuffe"]
        );
        assert_eq!(
            found("Nøkkelen har Per Aune, kalt Pelle, fått.", &["Per Aune"]),
            ["Pelle"]
        );
        assert_eq!(
            found(
                "Stegen lånas av Eva Berg (kallad «Ebba») i maj.",
                &["Eva Berg"]
            ),
            ["Ebba"]
        );
        assert_eq!(
            found(
                "Brevet sendes til Holmgaard. NB: Bibbe, som de fleste\nkalder hende, hører dårligt.",
                &[]
            ),
            ["Bibbe"]
        );
        assert_eq!(
            found("Snöet skottas av Tuffe, som vi kallar honom.", &[]),
            ["Tuffe"]
        );
    }

    /// No person before the verb, a capitalised word too far from the person, a verb of calling
    /// without its pronoun or a word in small letters after it: no nickname.
    #[test]
    fn no_nickname_without_the_person_or_the_clause() {
        assert!(found("Bygningen kaldes \"Pakhuset\" af alle.", &[]).is_empty());
        assert!(found(
            "Vagn Tofte har skrevet til kommunen og bestyrelsen, som kaldte Rådhuset.",
            &["Vagn Tofte"]
        )
        .is_empty());
        assert!(found("Mødet, som vi kalder årsmødet, holdes i maj.", &[]).is_empty());
        assert!(found("Per Aune, kalt inn av styret, kom.", &["Per Aune"]).is_empty());
        assert!(found("Og, som de kalder det, en pause.", &[]).is_empty());
    }

    /// A nickname in quotation marks right after a person's name, in brackets or not, with an
    /// apostrophe inside ("Finn'en"); a quoted title of several words or in small letters is none.
    #[test]
    fn a_quoted_nickname_right_after_a_person() {
        assert_eq!(
            found(
                "Styret takkar Torleiv («Leiv'en» blant naboane) for innsatsen.",
                &["Torleiv"]
            ),
            ["Leiv'en"]
        );
        assert_eq!(
            found("Per Dahl «Pelle» har malt gjerdet.", &["Per Dahl"]),
            ["Pelle"]
        );
        assert!(found("Per Dahl «Den lange natten» er lest.", &["Per Dahl"]).is_empty());
        assert!(found("Per Dahl «takk» sa han.", &["Per Dahl"]).is_empty());
    }
}
