//! What the words around a candidate say about it: a cue or a verb of saying before or after a name, a
//! unit, a company's suffix or an institution's noun after it, a place, a citation or a quotation around
//! it. Each predicate reads the text beside one candidate; the recognizer asks them when it decides.

use super::*;

/// Whether `at` lies inside a quotation on one line («…», “…”, "…") that has English words in it
/// ("the", "of", "on", "and"): the title of a song, a film or a book.
pub(super) fn in_english_quote(text: &str, at: usize) -> bool {
    const ENGLISH: &[&str] = &["the", "of", "on", "and", "your"];
    let line_start = text
        .get(..at)
        .and_then(|h| h.rfind('\n'))
        .map_or(0, |n| n + 1);
    let head = text.get(line_start..at).unwrap_or("");
    let Some(open) = head.rfind(['«', '“', '"']) else {
        return false;
    };
    // The quotation is still open at `at` (a straight quote: an odd count before it on the line).
    let opened = match head[open..].chars().next() {
        Some('"') => head.matches('"').count() % 2 == 1,
        _ => !head[open..].contains(['»', '”']),
    };
    if !opened {
        return false;
    }
    let rest = text.get(at..).unwrap_or("");
    let line = rest.split('\n').next().unwrap_or("");
    let Some(close) = line.find(['»', '”', '"']) else {
        return false;
    };
    let quote = format!("{} {}", &head[open..], &line[..close]);
    quote.len() < 200
        && quote
            .split(|c: char| !c.is_alphabetic())
            .any(|w| ENGLISH.contains(&w))
}

/// "Bjørg Abusland og Gunstein Seltveit", "Gunstein Seltveit, leiar i nemnda": a name listed with a
/// person found by another rule (joined by "og" or a comma), or followed by a comma and a title or role,
/// is a person's too. `persons` holds every person finding's (start, true) and (end, false).
pub(super) fn among_people(
    text: &str,
    start: usize,
    end: usize,
    persons: &HashSet<(usize, bool)>,
) -> bool {
    const JOINS: &[&str] = &[", ", " og ", " och ", " and ", " & ", " eller "];
    let before = text.get(..start).unwrap_or("");
    let after = text.get(end..).unwrap_or("");
    let listed_after = JOINS.iter().any(|j| {
        before
            .strip_suffix(j)
            .is_some_and(|h| persons.contains(&(h.len(), false)))
    });
    // Before a person only "og": "Mellemfolkeligt Samvirke, Knud Vilby" is an organisation and its
    // spokesman.
    let listed_before = JOINS[1..].iter().any(|j| {
        after
            .strip_prefix(j)
            .is_some_and(|r| persons.contains(&(text.len() - r.len(), true)))
    });
    // The apposition: ", leiar i …", ", formand for …", ", journalisten …".
    let role_after = after.strip_prefix(", ").is_some_and(|r| {
        let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
        w.starts_with(char::is_lowercase)
            && (cues().contains_fold(w) || compound_cue(w) || inflected_cue(w))
    });
    listed_after || listed_before || role_after
}

/// "Hallgeir H. Langeland (SV):": a name at the start of a line with a party or a role in brackets and
/// a colon, the way transcripts and minutes mark who speaks.
pub(super) fn speaker_with_party(text: &str, start: usize, end: usize) -> bool {
    let line_start = text
        .get(..start)
        .is_some_and(|h| h.trim_end_matches([' ', '\t']).ends_with('\n') || h.trim().is_empty());
    let Some(inner) = text.get(end..).and_then(|r| r.strip_prefix(" (")) else {
        return false;
    };
    let Some(close) = inner.find(')') else {
        return false;
    };
    let label = &inner[..close.min(inner.len())];
    // A party ("SV", "KrF", "Frp": short, with capitals) or a role ("styreleder", "kasserer"), not a
    // heading's remark ("Grønne Områder (forslag):").
    let party = (2..=6).contains(&label.chars().count())
        && label.starts_with(char::is_uppercase)
        && label.chars().all(char::is_alphabetic);
    let role = cues().contains_fold(label) || compound_cue(label) || inflected_cue(label);
    line_start
        && (1..=30).contains(&close)
        && (party || role)
        && inner[close + 1..].starts_with(':')
}

/// Prepositions that put a word between two places: "mellom Tafjord og Grotli".
pub(super) const BETWEEN: &[&str] = &["mellom", "mellem", "mellan"];

/// Whether the word at `start..end` opens its line and a colon follows it ("Espen: Ja, men …"), the
/// way interviews and transcripts mark who speaks.
pub(super) fn speaker_label(text: &str, start: usize, end: usize) -> bool {
    let line_start = text.get(..start).is_some_and(|h| {
        h.trim_end_matches([' ', '-', '–']).ends_with('\n') || h.trim().is_empty()
    });
    line_start && text.get(end..).is_some_and(|r| r.starts_with(':'))
}

/// Whether hyphenated single letters at `start..end` ("P-O", "A-M") are a person's initials rather than a
/// range: not after a word for blocks, entrances, rows, items or classes ("blokk A-D", "opgang C-D", "punkt
/// A-C"), not up to the end of the alphabet ("A-Z", "A-Å"), not before a number, a hyphen or a slash.
pub(super) fn initials_not_a_range(text: &str, start: usize, end: usize) -> bool {
    const RANGES: &[&str] = &[
        "blok",
        "blokk",
        "blokke",
        "blokkene",
        "blokkerne",
        "opgang",
        "opgange",
        "opgangene",
        "oppgang",
        "oppgangene",
        "uppgång",
        "uppgångarna",
        "uppgångar",
        "trappe",
        "trapper",
        "trapp",
        "trappa",
        "trapphus",
        "rekke",
        "rekkene",
        "række",
        "rækkerne",
        "rad",
        "länga",
        "hus",
        "husene",
        "husen",
        "huse",
        "husen",
        "bygning",
        "bygg",
        "bygget",
        "byggnad",
        "litra",
        "sone",
        "zone",
        "linje",
        "linie",
        "kategori",
        "klasse",
        "klass",
        "bokstav",
        "bogstav",
        "bokstaverne",
        "bokstavene",
        "felt",
        "fält",
        "område",
        "etape",
        "etappe",
        "etapp",
    ];
    let word = &text[start..end];
    if word.ends_with(['Z', 'Å', 'Ø', 'Ö', 'z', 'å', 'ø', 'ö']) {
        return false;
    }
    let after = text[end..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric() || c == '-' || c == '/' || c == '–') {
        return false;
    }
    // "Storgatan 14 A-C", "nr. 3 A-D": letters right after a house number are its entrances.
    let head = text[..start].strip_suffix(' ').unwrap_or(&text[..start]);
    if head.ends_with(|c: char| c.is_ascii_digit()) {
        return false;
    }
    let before = text[..start]
        .trim_end()
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    !(is_one_of(before, RANGES) || super::super::words::numbered_thing(before))
}

/// A folded word of two letters or more without a vowel ("frp", "krf", "nrk", "sp"): an abbreviation.
pub(super) fn abbreviation(key: &str) -> bool {
    key.chars().filter(|c| c.is_alphabetic()).nth(1).is_some()
        && !key.chars().any(|c| "aeiouyæøåäöüéèáàóòíú".contains(c))
}

/// The lower-case noun at the end of a compound ("Høyre-velgerne", "EF-kampen"); not the short
/// lower-case part of a name ("Kim Jong-il").
pub(super) fn lower_noun(part: &str) -> bool {
    part.starts_with(char::is_lowercase) && part.chars().count() >= 4
}

/// Whether the word before `start` is a preposition of place ("i", "fra", "til", "mellom").
pub(super) fn place_before(text: &str, start: usize) -> bool {
    const PLACE: &[&str] = &[
        "i", "fra", "frå", "från", "mellom", "mellan", "ved", "vid", "nær", "nära", "gjennom",
        "genom", "rundt", "kring", "ud", "ut", "in", "from",
    ];
    word_before_is(text, start, PLACE)
}

/// Whether the name at `start` follows "til"/"till" in a sentence about a letting or a sale ("hyra ut
/// lägenheten i andra hand … till", "godkjent fremleie … til", "andelen er solgt til"): the other party.
/// The sentence is read back to its start (a full stop, a colon or a blank line), at most 300 bytes.
pub(super) fn party_to_a_letting(text: &str, start: usize) -> bool {
    if !word_before_is(text, start, &["til", "till"]) {
        return false;
    }
    let mut from = start.saturating_sub(300);
    while !text.is_char_boundary(from) {
        from += 1;
    }
    let head = text.get(from..start).unwrap_or("");
    let cut = head
        .rfind(['.', '!', '?', ':'])
        .map_or(0, |i| i + 1)
        .max(head.rfind("\n\n").map_or(0, |i| i + 2));
    let sentence = head[cut..].to_lowercase();
    const LETTING: &[&str] = &[
        "fremlej",
        "fremlei",
        "framleig",
        "framlei",
        "andra hand",
        "andrahand",
        "hyra ut",
        "hyr ut",
        "hyrs ut",
        "hyrt ut",
        "leie ut",
        "leies ut",
        "leier ut",
        "leid ut",
        "udleje",
        "udlejet",
        "solgt",
        "seld",
        "selt",
        "selges",
        "sælges",
        "sålt",
        "såld",
        "sålde",
        "säljs",
        "overdrag",
        "overdrat",
        "överlåt",
    ];
    LETTING.iter().any(|w| sentence.contains(w))
}

/// Whether the name at `start` is named as the party of a letting or a sale by its role and a copula
/// ("Leietaker er …", "Lejer bliver …", "Köparen är …", "Ny eier blir …"): a firm is rarely so named.
pub(super) fn party_by_role(text: &str, start: usize) -> bool {
    const COPULA: &[&str] = &[
        "er", "är", "blir", "bliver", "blev", "ble", "vart", "var", "bli",
    ];
    const ROLE: &[&str] = &[
        "leietaker",
        "leietakeren",
        "leigetakar",
        "leigetakaren",
        "fremleietaker",
        "fremleietakeren",
        "framleigetakar",
        "lejer",
        "lejeren",
        "fremlejer",
        "fremlejetager",
        "fremlejetageren",
        "hyresgäst",
        "hyresgästen",
        "andrahandshyresgäst",
        "andrahandshyresgästen",
        "köpare",
        "köparen",
        "kjøper",
        "kjøperen",
        "kjøpar",
        "kjøparen",
        "køber",
        "køberen",
        "eier",
        "ejer",
        "ägare",
    ];
    let Some((a, b)) = word_before(text, start, &[]) else {
        return false;
    };
    if b + 1 != start || !is_one_of(&text[a..b], COPULA) {
        return false;
    }
    let Some((c, d)) = word_before(text, a, &[]) else {
        return false;
    };
    if d + 1 != a {
        return false;
    }
    let role = text[c..d].to_lowercase();
    // "ny eier", "nya ägare": an owner only as the new one.
    if matches!(role.as_str(), "eier" | "ejer" | "ägare") {
        return word_before(text, c, &[])
            .and_then(|(e, f)| text.get(e..f))
            .is_some_and(|w| is_one_of(w, &["ny", "nye", "nya"]));
    }
    ROLE.contains(&role.as_str())
}

/// Whether the line that holds `at` is a numbered heading: it opens with a number, "§" or "Sak"/"Punkt"
/// and its number ("Sak 15/26 Tilrettelegging", "7. Eventuelt", "§ 6 Övrigt").
pub(super) fn numbered_heading(text: &str, at: usize) -> bool {
    let head = text.get(..at).unwrap_or("");
    let line = head[head.rfind('\n').map_or(0, |i| i + 1)..].trim_start();
    let line = ["Sak ", "SAK ", "Punkt ", "Pkt. ", "Pkt "]
        .iter()
        .find_map(|w| line.strip_prefix(w))
        .unwrap_or(line);
    line.starts_with(|c: char| c.is_ascii_digit() || c == '§')
}

/// Whether the name at `start` gave or holds a proxy at a meeting ("fullmakt frå …", "fuldmagt fra …",
/// "fullmakt för …", "fullmakt til …"): the word for a proxy, then a preposition right before the name. A
/// member votes by proxy, a firm does not.
pub(super) fn party_to_a_proxy(text: &str, start: usize) -> bool {
    const BY: &[&str] = &["fra", "frå", "från", "for", "för", "til", "till"];
    const PROXY: &[&str] = &[
        "fullmakt",
        "fullmakta",
        "fullmakten",
        "fuldmagt",
        "fuldmagten",
        "fullmagt",
    ];
    let Some((a, b)) = word_before(text, start, &[]) else {
        return false;
    };
    if b + 1 != start || !is_one_of(&text[a..b], BY) {
        return false;
    }
    word_before(text, a, &[]).is_some_and(|(c, d)| d + 1 == a && is_one_of(&text[c..d], PROXY))
}

/// Whether the name at `start..end` is the proposer of a proposal or a motion that a heading or an item
/// opens with ("5.2 Forslag fra <name>: Varmepumpe", "c) Motion från <name> om cykelrum"): the word for
/// a proposal opening its line (after an item's number or letter), "fra", the name, then a colon, "om"
/// or the line's end. Members propose at a general meeting; a firm's offer is a "tilbud".
pub(super) fn proposer_in_a_heading(text: &str, start: usize, end: usize) -> bool {
    const FROM: &[&str] = &["fra", "frå", "från"];
    const PROPOSAL: &[&str] = &["forslag", "motion", "motion:", "framlegg", "förslag"];
    let rest = text.get(end..).unwrap_or("");
    let closed = rest.starts_with(':')
        || rest.starts_with(" om ")
        || rest.trim_start_matches([' ', '\r']).starts_with('\n')
        || rest.is_empty();
    if !closed {
        return false;
    }
    let Some((a, b)) = word_before(text, start, &[]) else {
        return false;
    };
    if b + 1 != start || !is_one_of(&text[a..b], FROM) {
        return false;
    }
    let Some((c, d)) = word_before(text, a, &[]) else {
        return false;
    };
    if d + 1 != a || !is_one_of(&text[c..d], PROPOSAL) {
        return false;
    }
    // The proposal's word opens its line, after an item's number or letter ("5.2", "c)", "§ 4").
    let line = &text[text[..c].rfind('\n').map_or(0, |i| i + 1)..c];
    line.split_whitespace().all(|w| {
        w.chars()
            .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | ')' | '§' | '-'))
            || (w.len() == 2 && w.ends_with(')'))
    })
}

/// Whether the name at `start..end` signs a letter or an e-mail: a closing word right before it, on its
/// line or alone on the line before ("Helsing <name>", "Med vänlig hälsning,\n<name>", "Mvh. <name>"), and
/// nothing after it on its line.
pub(super) fn signs_after_a_closing(text: &str, start: usize, end: usize) -> bool {
    let rest = text
        .get(end..)
        .unwrap_or("")
        .split('\n')
        .next()
        .unwrap_or("");
    if !rest.trim_end_matches(['\r', ' ']).is_empty() {
        return false;
    }
    let Some((a, b)) = word_before(text, start, &[',', '.', '\n', '\r']) else {
        return false;
    };
    text[b..start].matches('\n').count() <= 1 && closings().contains_fold(&text[a..b])
}

/// Whether a role's label and its colon stand right before `start` ("Varamedlem:   ", "Suppleant: "), the
/// label opening its line (after indentation or a bullet) or a sentence: the slot of a name in a list of
/// those elected, whatever case the name is typed in; a buyer's or a tenant's ("Leietaker: <name>").
pub(super) fn role_label_before(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("");
    let Some(head) = head
        .strip_suffix([' ', '\t'])
        .map(|h| h.trim_end_matches([' ', '\t']))
        .and_then(|h| h.strip_suffix(':'))
    else {
        return false;
    };
    let role = super::super::text::trailing_letters(head);
    let before = head[..head.len() - role.len()].trim_end_matches([' ', '\t', '-', '•', '*', '·']);
    let opens = before.is_empty() || before.ends_with(['\n', '\r']) || before.ends_with(". ");
    let opens = opens || before.ends_with('.') && head[..head.len() - role.len()].ends_with(' ');
    let role = role.to_lowercase();
    opens
        && role.chars().nth(3).is_some()
        && (cues().contains(role.as_str()) || compound_cue(&role) || inflected_cue(&role))
}

/// Whether a verb of moving in or out follows `end` ("har flyttet inn", "flytter ind", "flyttade ut"):
/// people move, firms and places do not.
pub(super) fn moving_after(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("");
    let mut words = rest
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
        .take(3);
    let Some(mut w) = words.next() else {
        return false;
    };
    if !rest.starts_with(' ') {
        return false;
    }
    if is_one_of(
        w,
        &[
            "har", "hade", "hadde", "havde", "er", "är", "ska", "skal", "vil",
        ],
    ) {
        let Some(next) = words.next() else {
            return false;
        };
        w = next;
    }
    let moving = is_one_of(
        w,
        &[
            "flyttet", "flytter", "flyttede", "flyttat", "flyttar", "flyttade", "flytte", "flytta",
        ],
    );
    moving
        && words
            .next()
            .is_some_and(|p| is_one_of(p, &["inn", "ind", "in", "ut", "ud"]))
}

/// Whether the word right before `start` (past spaces) is one of `words`.
pub(super) fn word_before_is(text: &str, start: usize, words: &[&str]) -> bool {
    word_before(text, start, &[])
        .and_then(|(a, b)| text.get(a..b))
        .is_some_and(|w| is_one_of(w, words))
}

/// Whether a lower-case word follows `end` after one space ("Høyres velgere"): what stands before
/// it is a genitive of something, not a name on its own.
/// A function word after it ("Gross også", "Hansens og") is no noun: a surname ending in -s stays one.
pub(super) fn noun_follows(text: &str, end: usize) -> bool {
    text.get(end..)
        .and_then(|r| r.strip_prefix(' '))
        .filter(|r| r.starts_with(char::is_lowercase))
        .is_some_and(|r| {
            let w = r.split(|c: char| !c.is_alphabetic()).next().unwrap_or("");
            !function_words().contains(w)
        })
}

/// "(Gross, 1996: 200)": an author in a citation, a surname, a comma and a year in brackets.
pub(super) fn citation(text: &str, start: usize, end: usize) -> bool {
    let opened = text
        .get(..start)
        .is_some_and(|h| h.ends_with('(') || h.ends_with("jf. ") || h.ends_with("( "));
    let Some(rest) = text.get(end..) else {
        return false;
    };
    // The comma is required: "(Budget 2024)", "(Bilag 2021)" in minutes are no citations.
    let Some(rest) = rest.strip_prefix(", ") else {
        return false;
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    opened
        && digits == 4
        && rest[4..].starts_with([')', ':', ',', ';'])
        && rest[..4]
            .parse::<u32>()
            .is_ok_and(|y| (1500..=2100).contains(&y))
}

/// "Fjord & Co.", "Dyhr & Partnere", "Olsen & Jørgensen": names joined by an ampersand are a firm's,
/// so a word with one right before or after it is never taken for a person's name on its own.
pub(super) fn ampersand_beside(text: &str, start: usize, end: usize) -> bool {
    text.get(..start)
        .is_some_and(|h| h.trim_end_matches(' ').ends_with('&'))
        || text
            .get(end..)
            .is_some_and(|r| r.trim_start_matches(' ').starts_with('&'))
}

/// Words that join two people's names.
pub(super) const CONJUNCTIONS: &[&str] = &[" og ", " och ", " and ", " & ", " eller ", " samt "];
/// A hyphenated given name whose first part is a first name ("Hans-Jørgen", "Tor-Arne", "Paul-Loup"):
/// the second part is a first name too, or a capitalised word that is no place ("Jan-Mayen") and no
/// compound's lower-case noun ("Obama-administrasjonen").
pub(super) fn hyphen_given(text: &str, s: &Scan, names: &WordMap<NameInfo>, t: &Tok) -> bool {
    let key = &s.keys[t.k0..t.k1];
    let Some((a, b)) = key.split_once('-') else {
        return false;
    };
    let halves = text.get(t.start..t.end).and_then(|w| w.split_once('-'));
    let second_capitalised =
        halves.is_some_and(|(_, w)| w.starts_with(char::is_uppercase) && !w.contains('-'));
    if !names.get(a).is_some_and(|x| x.nordic > 0 || x.intl > 0) {
        // "Ros-Marie", "Lille-Leif", "Vesle-Knut": a first part no list knows before a listed first
        // name (also a word: its capital after a hyphen says the name), both halves capitalised, is a
        // double first name or a nickname; not a place
        // ("Nord-Carolina", "Saint-Laurent") nor a short form ("EU-Anna").
        return second_capitalised
            && halves.is_some_and(|(w, _)| {
                w.starts_with(char::is_uppercase) && w.chars().skip(1).all(char::is_lowercase)
            })
            && a.chars().nth(2).is_some()
            && names
                .get(b)
                .is_some_and(|x| (x.nordic > 0 || x.intl > 0) && !x.thing)
            && !is_place(key)
            && !is_place(a)
            && !starts_place(a)
            && !starts_hyphenated_place(a)
            && !function_words().contains(a)
            && !title_starts().contains(a)
            && !cues().contains(a)
            && !abbreviation(a);
    }
    names.contains_key(b)
        || (second_capitalised
            && b.chars().nth(2).is_some()
            && !is_place(b)
            && !function_words().contains(b)
            && !abbreviation(b))
}

/// The keys a surname of a name found in full matches among the loose words, whose keys drop a
/// genitive ending: the folded surname itself and, when it ends like a genitive, its stem too ("næss"
/// and "næs", "williams" and "william"), so that "Næss" alone after "Arne Næss" is the surname.
pub(super) fn surname_keys(key: &str) -> impl Iterator<Item = &str> {
    let stem = genitive_stem(key).and_then(|n| key.get(..n));
    std::iter::once(key).chain(stem)
}

/// A folded word with the ending of a noun's definite form ("kommunen", "udvalget", "regjeringa",
/// "styrelsen", "politiet"): at the start of a sentence such a word is the noun, not a surname.
pub(super) fn definite_ending(key: &str) -> bool {
    ["en", "et", "ne", "na", "an", "a"]
        .iter()
        .any(|e| key.ends_with(e))
}

/// A folded word with the definite ending of a neuter noun ("rådet", "styret", "udvalget") or of a
/// plural ("kvinnene", "bøndene", "partierne"): a group or an institution when it is capitalised.
pub(super) fn group_noun(key: &str) -> bool {
    let n = key.chars().count();
    (n >= 5 && key.ends_with("et"))
        || (n >= 6
            && ["ene", "ane", "erne", "arna", "orna"]
                .iter()
                .any(|e| key.ends_with(e)))
}

/// Whether the word right before `start` is a noun that makes the name after it a thing
/// ("hovedstaden Santiago", "magasinet Elle", "fjernsynskanalen France 24").
pub(super) fn thing_before(text: &str, start: usize) -> bool {
    word_before(text, start, &['-'])
        .and_then(|(a, b)| text.get(a..b))
        .is_some_and(is_thing_noun)
}

/// Whether an abbreviated saint stands right before `start` ("St. Helena", "Sct. Jørgens Park", "S:t
/// Eriks"): the name is a place's, a church's or a day's.
pub(super) fn saint_before(text: &str, start: usize) -> bool {
    let head = text.get(..start).unwrap_or("").trim_end_matches(' ');
    ["St.", "Sct.", "Skt.", "S:t", "Sta."].iter().any(|a| {
        head.strip_suffix(a)
            .is_some_and(|h| h.is_empty() || h.ends_with(|c: char| !c.is_alphanumeric()))
    })
}
/// Surnames formed from a father's name ("Hansen", "Pedersen", "Andersson", "Olsen") are names wherever
/// they stand. The stem must be a first name, which keeps nouns like "Bestyrelsen" and "Sandkassen" out.
pub(super) fn patronymic(key: &str, names: &WordMap<NameInfo>) -> bool {
    const NOUNS: &[&str] = &[
        "person", "personen", "dansen", "sæsonen", "halsen", "varsen", "krisen", "prisen",
        "kassen", "messen", "bussen", "massen", "klassen", "pressen", "vasen", "linsen",
    ];
    const SUFFIXES: &[&str] = &["sen", "son", "datter", "dotter", "dóttir"];
    if !SUFFIXES.iter().any(|x| key.ends_with(x)) || key.chars().count() < 5 || NOUNS.contains(&key)
    {
        return false;
    }
    let is_name = |stem: &str| stem.chars().count() >= 3 && names.contains_key(stem);
    for suf in [
        "sen", "son", "sdatter", "sdotter", "sdóttir", "dóttir", "datter",
    ] {
        if let Some(stem) = key.strip_suffix(suf) {
            // "Peder-sen", "Hans-en", "Ol(e)-sen", "Anders-son", "Karl-sson".
            let with_s = key.strip_suffix(&suf[1..]).unwrap_or("");
            let with_e = format!("{stem}e");
            let without_s = stem.strip_suffix('s').unwrap_or("");
            if is_name(stem) || is_name(with_s) || is_name(&with_e) || is_name(without_s) {
                return true;
            }
        }
    }
    false
}
/// Whether a verb of saying follows `end` ("… og Hellesnes sa at").
pub(super) fn speech_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let mut words = rest.split(|c: char| !c.is_alphabetic());
    let w = words.next().unwrap_or("");
    if speech_verbs().contains(w) {
        return true;
    }
    // "Ulla har bedt om en nøgle", "Aino hade frågat": the verb in a perfect tense, after its auxiliary;
    // after a word, not after initials ("B.T. har bedt …" is a newspaper asking).
    // The auxiliary first: it rules out nearly every word at once.
    if !is_one_of(w, &["har", "havde", "hadde", "hade"]) {
        return false;
    }
    let last_word = text
        .get(..end)
        .unwrap_or("")
        .chars()
        .rev()
        .take_while(|c| c.is_alphabetic())
        .count();
    last_word >= 3
        && rest.as_bytes().get(w.len()) == Some(&b' ')
        && words
            .next()
            .is_some_and(|p| super::super::words::speech_participles().contains(p))
}

/// Whether a verb of saying follows where a person comes from, after `end` ("Grøndahl fra nr. 6 spurgte",
/// "Ebbe fra festudvalget mindede om", "Lund från 12B undrade"): "fra"/"frå"/"från", then one word in lower
/// case (a committee, a floor's word) or a unit by its number ("nr. 6", "nr 6", "12B"), then the verb.
pub(super) fn speech_after_whence(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let Some(rest) = [" fra ", " frå ", " från "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    let word_end = |r: &str| {
        r.find(|c: char| !(c.is_alphanumeric() || c == '.'))
            .unwrap_or(r.len())
    };
    let w = &rest[..word_end(rest)];
    let mut after = &rest[w.len()..];
    let numbered = |w: &str| w.starts_with(|c: char| c.is_ascii_digit());
    if matches!(w, "nr." | "nr" | "Nr." | "lejl." | "lgh" | "lgh.") {
        let Some(r) = after.strip_prefix(' ') else {
            return false;
        };
        let n = &r[..word_end(r)];
        if !numbered(n) {
            return false;
        }
        after = &r[n.len()..];
    } else {
        // A unit by its number ("12B"; a day's "15." is none), or a word in lower case ("festudvalget").
        let unit = numbered(w) && !w.ends_with('.');
        let lower = w.chars().count() >= 3 && w.chars().all(char::is_lowercase);
        if !(unit || lower) {
            return false;
        }
    }
    speech_after(text, text.len() - after.len())
}

/// "Etterpå sa han …", "Derfor mener hun …", "Derefter spurgte fru Thrane …": whether the verb of saying
/// after `end` is followed by its subject, a personal pronoun or a title of address and a name. The word
/// before the verb then is an adverbial that starts the sentence, not the speaker. (Not "den", "det" or a
/// noun: "Harremoës kritiserede forslaget" has its object there.)
pub(super) fn subject_after_verb(text: &str, end: usize) -> bool {
    const PRONOUNS: &[&str] = &[
        "han", "hun", "ho", "hon", "de", "dei", "vi", "me", "jeg", "eg", "jag", "du", "dere",
        "dokker", "ni", "man",
    ];
    let mut words = text
        .get(end..)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let (Some(_verb), Some(next)) = (words.next(), words.next()) else {
        return false;
    };
    next.starts_with(char::is_lowercase)
        && (is_one_of(next, PRONOUNS)
            || (super::super::words::is_title_of_address(next)
                && words
                    .next()
                    .is_some_and(|n| n.starts_with(char::is_uppercase))))
}

/// "Perisat (24)", "Marie Høeg (1866 - 1949)": an age or the years of a life right after `end`.
pub(super) fn age_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(" (")) else {
        return false;
    };
    let n = rest.bytes().take_while(u8::is_ascii_digit).count();
    let age = (1..=3).contains(&n)
        && rest[n..].starts_with(')')
        && rest[..n].parse::<u32>().is_ok_and(|a| a < 120);
    age || life_years(rest)
}

/// "1866 - 1949)", "50 - 130)": the years of a life, not a score ("2 - 1").
pub(super) fn life_years(rest: &str) -> bool {
    let digits = |r: &str| r.bytes().take_while(u8::is_ascii_digit).count();
    let n = digits(rest);
    if !(2..=4).contains(&n) {
        return false;
    }
    let r = rest[n..].trim_start_matches(' ');
    let Some(r) = r.strip_prefix('-').or_else(|| r.strip_prefix('–')) else {
        return false;
    };
    let r = r.trim_start_matches(' ');
    let m = digits(r);
    let (Ok(born), Ok(died)) = (rest[..n].parse::<u32>(), r[..m].parse::<u32>()) else {
        return false;
    };
    (2..=4).contains(&m)
        && r[m..].starts_with(')')
        && (15..=110).contains(&died.saturating_sub(born))
}
/// Whether the word before `start` is a verb of saying ("sagde", "sier", "säger").
pub(super) fn speech_before(text: &str, start: usize) -> bool {
    word_before(text, start, &[])
        .and_then(|(a, b)| text.get(a..b))
        .is_some_and(|w| speech_verbs().contains_fold(w))
}

/// Whether a cue ("fru", "hr.", "andelshaver", a verb of saying) stands right before `start`.
pub(super) fn cue_before(text: &str, start: usize) -> bool {
    cue_before_by(text, start, |w| compound_cue(w) || inflected_cue(w))
}

/// [`cue_before`] with `role` answering `compound_cue(w) || inflected_cue(w)` for the word before, so
/// that the names pass can ask it once per distinct word ([`Scan::role_suffix`]).
pub(super) fn cue_before_by(text: &str, start: usize, mut role: impl FnMut(&str) -> bool) -> bool {
    let Some((a, b)) = word_before(text, start, &['.', '/', ',']) else {
        // "… og fra familien\nHaugerud i annen etasje": a paragraph's line (forty characters or more)
        // wrapped right after a cue in lower case.
        let Some(line) = text
            .get(..start)
            .and_then(|h| h.strip_suffix('\n'))
            .map(|h| h.trim_end_matches([' ', '\r']))
        else {
            return false;
        };
        // Not a heading ("§ 12 Fråga om ansvarsfrihet för styrelseledamöterna\nStämman …") nor a
        // plural role, which names no one person.
        let own = &line[line.rfind('\n').map_or(0, |i| i + 1)..];
        let wrapped = own.len() >= 40
            && !own
                .trim_start()
                .starts_with(|c: char| c.is_ascii_digit() || c == '§');
        return wrapped
            && word_before(text, line.len(), &[])
                .and_then(|(a, b)| text.get(a..b))
                .is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        && !["na", "ne"].iter().any(|e| w.ends_with(e))
                        && (cues().contains_fold(w) || role(w))
                });
    };
    let (Some(w), Some(gap)) = (text.get(a..b), text.get(b..start)) else {
        return false;
    };
    // "FN's generalsekretær, Boutros …", "foreningens advokat, Jens …": a title or role in apposition,
    // set off by one comma; not a verb of saying ("…, sagde han, Hansen …" is rarer than a list).
    // The word after the comma must be able to start a name: not a function word or an article
    // ("sir, chefredaktøren, De har …"), nor another title in a list ("formand, Kasserer").
    if gap.contains(',') {
        let next = text
            .get(start..word_end(text, start))
            .unwrap_or("")
            .to_lowercase();
        return gap == ", "
            && w.starts_with(char::is_lowercase)
            && (cues().contains_fold(w) || role(w))
            && !function_words().contains(&next)
            && !title_starts().contains(&next)
            && !particles().contains(&next)
            && !cues_and_speech().contains(&next);
    }
    // "har spurt Rosvoll", "har bedt Tvedmark om …": the one asked, after a participle of asking or saying
    // in a perfect tense, as after "spurte" (one space each, within the sentence).
    if gap == " "
        && super::super::words::speech_participles().contains(w)
        && text
            .get(..a)
            .and_then(|h| h.strip_suffix(' '))
            .is_some_and(|h| {
                ["har", "hade", "havde", "hadde"].iter().any(|x| {
                    h.strip_suffix(x)
                        .is_some_and(|r| r.is_empty() || r.ends_with(' '))
                })
            })
    {
        return true;
    }
    if gap == " " && body_through(text, a, w) {
        return true;
    }
    // "hr. Hansen", "v/ Hansen", "fam. Hansen" — but "… andelshaver. Forslaget …" crosses a sentence.
    if !cues_and_speech().contains_fold(w) && !role(w) {
        return false;
    }
    let abbreviation = is_one_of(w, &["hr", "fr", "frk", "v", "fam"]);
    abbreviation || !gap.contains('.')
}

/// Whether a lower-case word names a body of the association in its definite form ("styret",
/// "valgkomiteen", "festudvalget", "valberedningen"), as the last part of a compound too.
pub(super) fn is_body(lower: &str) -> bool {
    const BODIES: &[&str] = &[
        "styret",
        "styrelsen",
        "bestyrelsen",
        "komiteen",
        "komitéen",
        "kommittén",
        "utvalget",
        "utvalet",
        "udvalget",
        "utskottet",
        "valberedningen",
        "gruppen",
        "gruppa",
    ];
    BODIES.iter().any(|body| lower.ends_with(body))
}

/// Whether `w` (at `a`) is "ved", "vid" or "genom" after a body of the association in its definite form,
/// the person the body acts through: "valgkomiteen ved …", "styret ved …", "festudvalget ved …",
/// "valberedningen genom …", the body opening a sentence too. After another noun "ved" is a place's
/// ("huset ved Sjøen").
pub(super) fn body_through(text: &str, a: usize, w: &str) -> bool {
    if !matches!(w, "ved" | "vid" | "genom" | "gjennom" | "gennem") {
        return false;
    }
    word_before(text, a, &[])
        .and_then(|(x, y)| text.get(x..y))
        .is_some_and(|b| {
            let b = b.to_lowercase();
            is_body(&b)
        })
}

/// A compound whose last part is a title or a role ("statsadvokat", "sjefredaktøren", "styremedlem",
/// "visepresident"): Nordic compounds take the meaning of their last word. The part must be five letters
/// or more, so that "mor", "far" or "mann" inside an ordinary word does not count.
pub(super) fn compound_cue(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) || word.chars().nth(7).is_none() {
        return false;
    }
    let lower = lower_case(word);
    // Every suffix ends as the word does: most words end in no cue's last two letters.
    if !cues().may_end(&lower) {
        return false;
    }
    lower
        .char_indices()
        .skip(2)
        .map(|(i, _)| &lower[i..])
        .take_while(|rest| rest.chars().nth(4).is_some())
        .any(|rest| cues().contains(rest))
}

/// `word` in lower case, borrowed when it is already (the cue tests ask of every word before a name).
fn lower_case(word: &str) -> std::borrow::Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(word.to_lowercase())
    }
}

/// A title or role in its definite or plural form ("representanten", "journalistene", "talsmannen",
/// "advokaterne"): the lists hold the base form and the common definite singular; the rest are regular.
pub(super) fn inflected_cue(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) || word.len() < 6 {
        return false;
    }
    let lower = lower_case(word);
    ["ene", "erne", "ane", "arna", "en", "et", "a", "n"]
        .iter()
        .filter_map(|suffix| lower.strip_suffix(suffix))
        .any(|base| base.chars().nth(3).is_some() && (cues().contains(base) || compound_cue(base)))
}

/// "L.T. og hendes mand", "A.K. och hennes sambo": a person's own family right after (a spouse, a partner,
/// the children), which only a person has.
pub(super) fn kin_after(text: &str, end: usize) -> bool {
    let mut words = text
        .get(end..)
        .unwrap_or("")
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty());
    let (Some(and), Some(whose), Some(kin)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    is_one_of(and, &["og", "och"])
        && is_one_of(
            whose,
            &["hendes", "hans", "hennes", "hennar", "sin", "sine", "sina"],
        )
        && is_one_of(
            kin,
            &[
                "mand",
                "mann",
                "man",
                "kone",
                "hustru",
                "fru",
                "kæreste",
                "kjæreste",
                "sambo",
                "samboer",
                "partner",
                "børn",
                "barn",
                "barna",
                "børnene",
                "barnen",
                "datter",
                "dotter",
                "søn",
                "sønn",
                "son",
                "familie",
                "familien",
                "familj",
                "familjen",
            ],
        )
}

/// "Forfall: Helga", "Afbud: Gitte og Bo", "Närvarande: Liv, Sten": whether `start` stands in the list of
/// a line that opens with an attendance label and its colon, among names (capitalised words, commas,
/// "og"/"och", roles in brackets). Everyone on such a list is a person, a first name that is also a word
/// too.
pub(super) fn in_attendance_list(text: &str, start: usize) -> bool {
    const LABELS: &[&str] = &[
        "til stede",
        "tilstede",
        "fremmøtt",
        "fremmødt",
        "forfall",
        "meldt forfall",
        "afbud",
        "afbud fra",
        "fraværende",
        "fravær",
        "deltagere",
        "deltakere",
        "deltog",
        "närvarande",
        "frånvarande",
        "förhinder",
        "anmält förhinder",
        "ej närvarande",
        "närvarande ledamöter",
    ];
    let Some(head) = text.get(..start) else {
        return false;
    };
    let line = &head[head.rfind('\n').map_or(0, |i| i + 1)..];
    let Some((label, list)) = line.split_once(':') else {
        return false;
    };
    let label = label.trim().to_lowercase();
    LABELS.contains(&label.as_str())
        && list.split([',', ' ']).filter(|w| !w.is_empty()).all(|w| {
            w.starts_with(char::is_uppercase)
                || w.starts_with('(')
                || w.ends_with(')')
                || is_one_of(w, &["og", "och", "samt"])
        })
}

/// "Mette fra nr. 12", "Ole i nr. 4": a first name tied to a unit.
pub(super) fn unit_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.trim_start();
    const CUES: [&str; 8] = [
        "fra nr", "i nr", "på nr", "från nr", "frå nr", "fra lejl", "i lgh", "fra lgh",
    ];
    // Asked after most capitalised words: the first letter rules out nearly all of them at once.
    let Some(&first) = rest.as_bytes().first() else {
        return false;
    };
    if !CUES
        .iter()
        .any(|p| p.as_bytes()[0].eq_ignore_ascii_case(&first))
    {
        return false;
    }
    for p in CUES {
        if rest.len() >= p.len()
            && rest
                .get(..p.len())
                .is_some_and(|h| h.eq_ignore_ascii_case(p))
        {
            return true;
        }
    }
    // "Gitte fra 3. sal", "H.J. fra 2. sal", "Eva från 2 tr": a floor someone comes from is a home; only
    // after "from" ("Fælleshuset på 1. sal" is a room on a floor).
    if let Some(floor) = ["fra", "från", "frå"]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
        .filter(|f| f.starts_with(char::is_whitespace))
    {
        // "Tine fra\n  anden sal": the floor may open the next line, in figures or in words.
        let floor = floor.trim_start();
        if floor_at(floor) || floor_in_words_at(floor) {
            return true;
        }
    }
    // "Zeynep fra 12A", "Ole i 7B", "Kari fra H0302": a unit written as a house number with its letter or
    // a flat's code, which read as nothing but a home.
    let Some(unit) = ["fra ", "i ", "på ", "från ", "frå "]
        .iter()
        .find_map(|p| rest.strip_prefix(p))
    else {
        return false;
    };
    lettered_unit(unit)
}

/// "Helles (1. th.) forslag", "Ole (nr. 7) spurgte", "Kari (H0302)": whether the home stands in
/// brackets right after `end`, a name's end.
pub(super) fn home_in_brackets_after(text: &str, end: usize) -> bool {
    text.get(end..)
        .map(str::trim_start)
        .and_then(|r| r.strip_prefix('('))
        .is_some_and(|inner| home_in_brackets(inner.trim_start()))
}

/// Whether `s`, the inside of a bracket, starts with a home and closes on it: a floor and its side or
/// word ("1. th.", "2. sal", "st. tv."), a lettered house or a flat's code ("7B", "H0302"), or a number
/// after "nr." ("nr. 7"), before the closing bracket or a comma.
fn home_in_brackets(s: &str) -> bool {
    let closes = |t: &str| t.trim_start().starts_with([')', ',']);
    let lower = s.get(..s.len().min(12)).unwrap_or(s).to_lowercase();
    let ground = ["st. ", "st.", "stuen "]
        .iter()
        .find_map(|p| lower.strip_prefix(p))
        .is_some_and(|r| {
            let r = r.trim_start();
            ["th", "tv", "mf"].iter().any(|side| r.starts_with(side))
        });
    if ground || floor_at(s) {
        let n = s.find(')').unwrap_or(s.len());
        return n <= 16;
    }
    if lettered_unit(s) {
        return true;
    }
    let Some(num) = ["nr. ", "nr.", "nr "]
        .iter()
        .find_map(|p| s.strip_prefix(p))
    else {
        return false;
    };
    let digits = num.bytes().take_while(u8::is_ascii_digit).count();
    (1..=3).contains(&digits) && closes(&num[digits..])
}

/// Whether `s` starts with a floor in words: an ordinal and a floor's word ("anden sal", "tredje
/// etasje", "andra våningen", "første høgda").
fn floor_in_words_at(s: &str) -> bool {
    let mut words = s.split_whitespace();
    let (Some(ordinal), Some(word)) = (words.next(), words.next()) else {
        return false;
    };
    let word = word
        .trim_end_matches(|c: char| !c.is_alphabetic())
        .to_lowercase();
    crate::redact::flats::BARE_FLOOR_ORDINALS.contains(&ordinal.to_lowercase().as_str())
        && matches!(
            word.as_str(),
            "sal" | "etage" | "etasje" | "etg" | "våning" | "våningen" | "høgda" | "høgd"
        )
}

/// Whether `s` starts with a floor: a number, a full stop or not, and a floor's word ("3. sal", "2.
/// etage", "4. etasje", "1. th.", "2 tr").
fn floor_at(s: &str) -> bool {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || digits > 2 {
        return false;
    }
    let rest = &s[digits..];
    let rest = rest.strip_prefix('.').unwrap_or(rest);
    let Some(rest) = rest.strip_prefix(' ') else {
        return false;
    };
    let word: String = rest
        .chars()
        .take_while(|c| c.is_alphabetic())
        .collect::<String>()
        .to_lowercase();
    matches!(
        word.as_str(),
        "sal"
            | "salen"
            | "etage"
            | "etasje"
            | "etg"
            | "th"
            | "tv"
            | "mf"
            | "tr"
            | "trappor"
            | "våning"
            | "våningen"
    )
}

/// Whether `s` starts with a house number and its letter ("12A", "7B") or a flat's code ("H0302"), ending
/// there.
fn lettered_unit(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize| {
        b[from.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count()
    };
    let ends = |at: usize| {
        !b.get(at)
            .is_some_and(|c| c.is_ascii_alphanumeric() || *c >= 0x80)
    };
    let n = digits(0);
    if (1..=3).contains(&n) && b.get(n).is_some_and(u8::is_ascii_uppercase) {
        return ends(n + 1);
    }
    matches!(b.first(), Some(b'H' | b'U' | b'K' | b'L')) && digits(1) == 4 && ends(5)
}

pub(super) fn followed_by_company(text: &str, end: usize) -> bool {
    company_word_or_ampersand(text, end, true)
}

/// Whether a firm's word follows `end` (after one space), or, with `ampersand`, an "&".
fn company_word_or_ampersand(text: &str, end: usize, ampersand: bool) -> bool {
    let Some(rest) = text.get(end..) else {
        return false;
    };
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    let word: &str = rest
        .split(|c: char| c.is_whitespace() || c == ',' || c == '.')
        .next()
        .unwrap_or("");
    (ampersand && rest.starts_with('&')) || is_company_word(word)
}

/// Whether a title of address ("fru", "hr.", "fröken") stands right before `start`: what follows is a
/// person's name.
pub(super) fn titled(text: &str, start: usize) -> bool {
    word_before(text, start, &['.'])
        .and_then(|(a, b)| text.get(a..b))
        .is_some_and(is_title_of_address)
}

/// [`followed_by_company`] for a name after a cue that starts at `start`: after a title of address ("fru
/// Hansen & hr. Berg", "hr. Dahl & frue") the ampersand joins people, and only a firm's word after the
/// name ("hr. Dahl ApS") makes it a firm's.
pub(super) fn company_after_cue(text: &str, start: usize, end: usize) -> bool {
    company_word_or_ampersand(text, end, !titled(text, start))
}

/// "Nordre Follo kommune", "Vestby sparebank": whether the word right after `end` (one space) is an
/// institution's noun in lower case, so that the capitalised words before it are the institution's name.
pub(super) fn institution_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let word: &str = rest
        .split(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    // The noun itself, not a compound that ends in one ("forslag" ends like "grendelag").
    word.chars().next().is_some_and(char::is_lowercase)
        && super::super::words::institution_endings().contains(word)
}
