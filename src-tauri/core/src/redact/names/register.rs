//! The register's names: every resident and official compiled into one table of folded words, matched
//! longest-first against a run of capitalised words, and the mentions that could be more than one person
//! settled once the whole document has been read.

use super::*;
use unicode_normalization::UnicodeNormalization;

impl NameRecognizer {
    pub(super) fn add(&mut self, name: &str, keep: bool) {
        let words: Vec<&str> = name.split_whitespace().collect();
        if words.is_empty() || words.len() > 8 {
            return;
        }
        let id = self.people.len() as u32;
        let last = words
            .iter()
            .rposition(|w| !particles().contains_fold(w))
            .unwrap_or(words.len() - 1);
        let mut buf = String::new();
        for (pos, w) in words.iter().enumerate() {
            let part = if pos == last && (pos > 0 || words.len() == 1) {
                Part::Family
            } else if pos > 0 && particles().contains_fold(w) {
                Part::Particle
            } else {
                Part::Given
            };
            fold_into(w.trim_matches(|c: char| !c.is_alphabetic()), &mut buf);
            if buf.is_empty() {
                continue;
            }
            let slot = Slot {
                person: id,
                pos: pos as u8,
                part,
            };
            self.table.entry(buf.clone()).or_default().push(slot);
            // "Haetta", "Bjornstad": the name typed without the Nordic letters.
            if !buf.is_ascii() {
                for variant in ascii_spellings(&buf) {
                    // Short spellings ("as" for "Ås") would collide with ordinary words.
                    if variant != buf && variant.len() >= 4 {
                        let v = self.table.entry(variant).or_default();
                        if !v.iter().any(|x| x.person == id && x.pos == slot.pos) {
                            v.push(slot);
                        }
                    }
                }
            }
            // "Kalle" for Karl, "Bosse" for Bo, "Lise" for Elisabeth, "Gosia" for Małgorzata: a given
            // name's short forms (for "Karl-Erik", those of each part) name the same person.
            if part == Part::Given {
                let mut shorts: Vec<&str> = Vec::new();
                for formal in std::iter::once(buf.as_str()).chain(buf.split('-')) {
                    for short in super::super::lists::short_forms(formal) {
                        if *short != buf && !shorts.contains(&short.as_str()) {
                            shorts.push(short);
                        }
                    }
                }
                // "Siva" for Sivakumar, "Abdi" for Abdirahman: a long first name that the list gives no
                // short form is shortened to its first four letters, when they read as a name (a Nordic
                // first name, or ending in a vowel as "Siva" does) and as no word or place.
                if shorts.is_empty() && pos == 0 {
                    if let Some(p) = prefix_nickname(&buf) {
                        if !self.table.contains_key(&p) {
                            self.table.entry(p).or_default().push(slot);
                        }
                    }
                }
                // "Kenneth" no, "Ulf" -> "Ulfa": the Swedish pet form of a short first name.
                if pos == 0 {
                    if let Some(p) = suffix_nickname(&buf) {
                        if !self.table.contains_key(&p) {
                            self.table.entry(p).or_default().push(slot);
                        }
                    }
                }
                for short in shorts {
                    let v = self.table.entry(short.to_string()).or_default();
                    if !v.iter().any(|x| x.person == id && x.pos == slot.pos) {
                        v.push(slot);
                    }
                }
            }
            // "Bundgaard" for "Bundgaard-Vest": a long part of a double surname alone.
            if part == Part::Family && buf.contains('-') {
                let parts: Vec<String> = buf
                    .split('-')
                    .filter(|p| p.chars().count() >= 5)
                    .map(str::to_string)
                    .collect();
                for p in parts {
                    self.table.entry(p).or_default().push(slot);
                }
            }
        }
        // "MohammadKarimi", "Kirstendamgaard": the first name and the surname run together where OCR or
        // extraction lost the space; a full mention of the person.
        if words.len() >= 2 && last > 0 {
            let mut glued = String::new();
            fold_into(
                words[0].trim_matches(|c: char| !c.is_alphabetic()),
                &mut buf,
            );
            glued.push_str(&buf);
            fold_into(
                words[last].trim_matches(|c: char| !c.is_alphabetic()),
                &mut buf,
            );
            glued.push_str(&buf);
            if glued.chars().count() >= 8 && !glued.contains('-') {
                let v = self.table.entry(glued).or_default();
                if !v.iter().any(|x| x.person == id) {
                    v.push(Slot {
                        person: id,
                        pos: last as u8,
                        part: Part::Family,
                    });
                }
            }
        }
        let initials: String = words
            .iter()
            .filter(|w| !particles().contains_fold(w))
            .flat_map(|w| w.split('-'))
            .filter_map(|w| w.chars().next())
            .flat_map(char::to_lowercase)
            .collect();
        if initials.chars().count() >= 2 {
            self.initials.entry(initials).or_default().push(id);
        }
        // "K-E" for "Karl-Erik": the initials of a hyphenated first name alone.
        if let Some(given) = words.first().filter(|w| w.contains('-') && words.len() > 1) {
            let letters: String = given
                .split('-')
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            self.add_initials(letters, id);
        }
        // "K.V." for "Karl Johan Vestbjerg", "A.S." for "Anne-Mette Skovhus", "G.B." for "Gitte
        // Brøns-Holm": the first given name's initial and the surname's, as minutes shorten a long name.
        if last > 0 {
            let letters: String = [words[0], words[last]]
                .iter()
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            self.add_initials(letters, id);
        }
        // "P.E." for "Poul Erik Dam": the initials of two given names, as "K-E" is of a hyphenated one.
        if last >= 2 {
            let letters: String = words[..last]
                .iter()
                .filter(|w| !particles().contains_fold(w))
                .filter_map(|w| w.chars().next())
                .flat_map(char::to_lowercase)
                .collect();
            self.add_initials(letters, id);
        }
        self.people.push(Person {
            words: words.len() as u8,
            keep,
            household: None,
        });
    }
    /// "kaja.nyhus@…" for Katarina Nyhus, "tobbe.kiaer@…" for Torben Kiær: the name a resident goes
    /// by, as the first part of their e-mail address before a part that is their surname. Taken as a
    /// given name of person `id` when it starts with the first given name's letter, is no given name
    /// of theirs already, is a first name or a pet name the lists know (one that is also a word too:
    /// the address says it is a name), and is no place or function word.
    pub(super) fn add_email_nickname(&mut self, name: &str, email: &str, id: u32) {
        let Some(nick) = email_nickname(name, email) else {
            return;
        };
        let v = self.table.entry(nick).or_default();
        if !v.iter().any(|x| x.person == id) {
            v.push(Slot {
                person: id,
                pos: 0,
                part: Part::Given,
            });
        }
    }
    pub(super) fn slots<'a>(&'a self, s: &Scan, t: &Tok) -> Option<&'a [Slot]> {
        if self.table.is_empty() {
            return None;
        }
        let key = &s.keys[t.k0..t.k1];
        if let Some(v) = self.table.get(key) {
            return Some(v);
        }
        if t.g1 != t.k1 {
            if let Some(v) = self.table.get(&s.keys[t.k0..t.g1]) {
                return Some(v);
            }
        }
        // "Hansen-familien", "Trier-sagen": a registered name as part of a compound.
        if key.contains('-') {
            return key
                .split('-')
                .filter(|p| p.chars().count() >= 3)
                .find_map(|p| self.table.get(p))
                .map(Vec::as_slice);
        }
        None
    }
    /// The longest sequence of words from `i` that belong, in order, to one registered person.
    pub(super) fn register_match(
        &self,
        s: &Scan,
        run: &[Tok],
        i: usize,
    ) -> Option<(usize, Vec<u32>, bool)> {
        let first = self.slots(s, &run[i])?;
        // The slots of the following words, looked up once. Slots are sorted by (person, position)
        // because people are added in order, so a person's next word is found by binary search.
        let mut next: [&[Slot]; 8] = [&[]; 8];
        let mut avail = 0;
        while avail < next.len() && i + 1 + avail < run.len() {
            match self.slots(s, &run[i + 1 + avail]) {
                Some(v) => next[avail] = v,
                None => break,
            }
            avail += 1;
        }
        let mut best_len = 0usize;
        let mut best: Vec<u32> = Vec::new();
        let mut best_family = false;
        // "Førde" of "Ragnhild Førde Njøs": a middle name that is no first name of the lists (a family
        // name or a town) is not the person alone, as Nordic minutes never call anyone by it.
        let middle = |slot: &Slot| {
            slot.part == Part::Given
                && slot.pos > 0
                && first_names().get(&s.keys[run[i].k0..run[i].k1]).is_none()
        };
        for slot in first {
            let mut pos = slot.pos;
            let mut len = 1;
            let mut family = slot.part == Part::Family;
            let mut only_particles = slot.part == Part::Particle;
            for v in &next[..avail] {
                let at = v.partition_point(|x| (x.person, x.pos) <= (slot.person, pos));
                let Some(n) = v.get(at).filter(|x| x.person == slot.person) else {
                    break;
                };
                pos = n.pos;
                family |= n.part == Part::Family;
                only_particles &= n.part == Part::Particle;
                len += 1;
            }
            if only_particles || (len == 1 && middle(slot)) {
                continue;
            }
            if len > best_len {
                best_len = len;
                best.clear();
                best_family = family;
            }
            if len == best_len && best.last() != Some(&slot.person) {
                best.push(slot.person);
                best_family |= family;
            }
        }
        (best_len > 0).then_some((i + best_len, best, best_family))
    }
    /// Whether " og <first name> <surname>" follows `end`: "og"/"och", a listed first name and a capitalised
    /// surname that the register holds for no one (a couple who share it).
    pub(super) fn couple_of_another_name(&self, text: &str, end: usize) -> bool {
        let Some(rest) = text
            .get(end..)
            .and_then(|r| r.strip_prefix(" og ").or_else(|| r.strip_prefix(" och ")))
        else {
            return false;
        };
        let mut words = rest.splitn(3, ' ');
        let (Some(given), Some(family)) = (words.next(), words.next()) else {
            return false;
        };
        let family = family.trim_end_matches(|c: char| !c.is_alphabetic());
        let capitalised = |w: &str| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase)
                && c.clone().next().is_some()
                && c.all(|c| c.is_lowercase() || c == '-')
        };
        if !capitalised(given) || !capitalised(family) {
            return false;
        }
        let mut key = String::new();
        fold_into(given, &mut key);
        if first_names().get(&key).is_none_or(|x| x.thing) {
            return false;
        }
        // A surname the register holds for anyone ("<first name> og <first name> <surname>", two
        // people of the register) lists two people; one it holds for no one is the couple's.
        fold_into(family, &mut key);
        !self
            .table
            .get(&key)
            .is_some_and(|v| v.iter().any(|x| x.part == Part::Family))
    }

    pub(super) fn push_register(
        &self,
        s: &mut Scan,
        start: usize,
        end: usize,
        candidates: Vec<u32>,
        len: usize,
    ) {
        let keep_all = candidates
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| x.keep));
        let keep_none = candidates
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep));
        if let [p] = candidates.as_slice() {
            if self
                .people
                .get(*p as usize)
                .is_some_and(|x| len >= 2 || x.words == 1)
            {
                s.full_mentions.push((*p, start));
            }
        }
        let subject = match candidates.as_slice() {
            [p] => Some(format!("r{p}")),
            _ => None,
        };
        let (decision, reason) = if keep_all {
            (
                Decision::Keep,
                "an official in a role on the document's date",
            )
        } else {
            (Decision::Redact, "a resident in the register")
        };
        s.out.push(Raw {
            start,
            end,
            kind: Kind::Person,
            recognizer: Recognizer::Register,
            score: if len >= 2 { 1.0 } else { 0.9 },
            reason,
            decision,
            subject,
        });
        if !keep_all && !keep_none {
            s.pending.push(Pending {
                raw: s.out.len() - 1,
                candidates,
            });
        }
    }
    /// The lower-case forms to look for: every full name of two words or more, the first name with
    /// the surname's initial ("kari n."), and a first name of three letters or more that is no
    /// function word or place (marked when a list knows it as an ordinary word too). `written` holds
    /// each person's registered name in lower case.
    pub(super) fn compile_lower(&self, written: &[(String, usize)]) -> Option<LowerNames> {
        let mut patterns: Vec<String> = Vec::new();
        let mut forms: Vec<Vec<(u32, LowerForm)>> = Vec::new();
        let mut index: HashMap<String, usize> = HashMap::default();
        let mut initials: Vec<Option<char>> =
            vec![None; written.iter().map(|(_, id)| id + 1).max().unwrap_or(0)];
        let mut add = |form: &str, who: u32, kind: LowerForm| {
            let i = *index.entry(form.to_string()).or_insert_with(|| {
                patterns.push(form.to_string());
                forms.push(Vec::new());
                patterns.len() - 1
            });
            if let Some(f) = forms.get_mut(i) {
                if !f.contains(&(who, kind)) {
                    f.push((who, kind));
                }
            }
        };
        for (full, id) in written {
            let id = *id;
            let words: Vec<&str> = full.split_whitespace().collect();
            if words.len() < 2 || !full.chars().any(char::is_alphabetic) {
                continue;
            }
            let joined = words.join(" ");
            // "oliver brinks schæfer": the full name's genitive, which the search would otherwise
            // pass by (a letter right after a match makes it no name).
            if !joined.ends_with(['s', 'x', 'z']) && joined.ends_with(char::is_alphabetic) {
                add(&format!("{joined}s"), id as u32, LowerForm::Full);
            }
            add(&joined, id as u32, LowerForm::Full);
            // The surname: the last word that is no particle ("gro von krogh": "krogh"); the given
            // names before any particle ("karl johan").
            let Some(last) = words.iter().rposition(|w| !particles().contains_fold(w)) else {
                continue;
            };
            let first_part = words[..last]
                .iter()
                .position(|w| particles().contains_fold(w))
                .unwrap_or(last);
            let givens = &words[..first_part];
            let Some(&given) = givens.first() else {
                continue;
            };
            // "sven-erik": a double first name keeps its hyphen in lower case too.
            let letters = |g: &str| {
                g.chars().all(|c| c.is_alphabetic() || c == '-')
                    && !g.starts_with('-')
                    && !g.ends_with('-')
            };
            let shape = |g: &str| {
                g.chars().count() >= 2
                    && letters(g)
                    && !function_words().contains(g)
                    && !is_place(g)
            };
            let word =
                given.chars().count() < 4 || first_names().get(given).is_some_and(|x| x.word);
            let initial = words[last].chars().next().filter(|c| c.is_alphabetic());
            // The first name alone, and the given names together ("karl johan", "inga britt": two
            // given names together are no word).
            let mut alone: Vec<(String, LowerForm)> = Vec::new();
            if shape(given) {
                let kind = if word {
                    LowerForm::WordGiven
                } else {
                    LowerForm::Given
                };
                alone.push((given.to_string(), kind));
            }
            if givens.len() > 1 && givens.iter().all(|g| letters(g)) {
                alone.push((givens.join(" "), LowerForm::Given));
            }
            // "grannen kenta": the first name's short forms in small letters too, as the table has them
            // capitalised ("Kenta" for Kent).
            if let Some(pet) = suffix_nickname(given) {
                if shape(&pet) {
                    alone.push((pet, LowerForm::Given));
                }
            }
            for formal in std::iter::once(given).chain(given.split('-')) {
                for short in super::super::lists::short_forms(formal) {
                    if short != given && shape(short) && !alone.iter().any(|(a, _)| a == short) {
                        let word = short.chars().count() < 4
                            || first_names().get(short).is_some_and(|x| x.word);
                        let kind = if word {
                            LowerForm::WordGiven
                        } else {
                            LowerForm::Given
                        };
                        alone.push((short.clone(), kind));
                    }
                }
            }
            // "hamza q.", "vera k": the first name and the surname's initial, as "Hamza Q." is read;
            // without the full stop only when the letter is no word ("liv i" is a phrase). The form
            // without it is read after the first name's match (a pattern of its own would hide the
            // first name before a word that starts with that letter: "vita spurgte").
            let bare = initial.filter(|i| !function_words().contains(i.encode_utf8(&mut [0; 4])));
            if let (Some(i), Some(slot)) = (bare, initials.get_mut(id)) {
                *slot = Some(i);
            }
            for (g, kind) in alone {
                if let Some(initial) = initial {
                    add(&format!("{g} {initial}."), id as u32, LowerForm::Initial);
                }
                // A first name of two letters ("bo") only with the initial after it.
                let kind = if g.chars().count() < 3 {
                    LowerForm::Short
                } else {
                    kind
                };
                add(&g, id as u32, kind);
                if kind == LowerForm::Given {
                    // "gudruns cykel": the genitive, as lower-case e-mails write it too.
                    add(&format!("{g}s"), id as u32, kind);
                }
            }
            // "fru abildgaard", "mogens elkjær … elkjær oplyste": the surname alone, when it is no
            // first name either (a surname such as "Martin" or "Anker" is one).
            let surname = words[last];
            if surname.chars().count() >= 4
                && shape(surname)
                && first_names().get(surname).is_none()
            {
                add(surname, id as u32, LowerForm::Surname);
            }
        }
        if patterns.is_empty() {
            return None;
        }
        Some(LowerNames {
            patterns,
            forms,
            initials,
        })
    }

    /// Registered names written all in lower case, as e-mail headers and signatures have them
    /// ("Fra: kari nesset", "mvh kari"): a full name and a first name with the surname's initial
    /// always; a first name alone when the document names that person, in full or by a surname only
    /// they have ("hos kirsten" in an e-mail about "Abildskov"), when the line is typed in lower case,
    /// or when it stands where only a name stands ([`name_place`]: "mvh kari", "anne-marie har
    /// skrevet …"); a first name that is also a word ("sanna", "gro") only in that place, and after a
    /// verb opening a sentence only when the document names that person.
    pub(super) fn lower_case_names(&self, text: &str, hits: &[Hit], s: &mut Scan) {
        let Some(lower) = &self.lower else { return };
        let mut alone: Vec<(usize, usize, u32, LowerForm)> = Vec::new();
        let mut found: Vec<(usize, usize, Vec<u32>, LowerForm)> = Vec::new();
        let mut surnames: Vec<(usize, usize, usize, Vec<u32>)> = Vec::new();
        for m in hits {
            let before = text.get(..m.start).and_then(|h| h.chars().next_back());
            let after = text.get(m.end..).and_then(|t| t.chars().next());
            if before.is_some_and(char::is_alphanumeric)
                || after.is_some_and(char::is_alphanumeric)
                // "liv k.-s": an initial is no initial when a hyphen or a full stop joins it to more.
                || (text[m.start..m.end].ends_with('.')
                    && after.is_some_and(|c| c == '-' || c == '.'))
            {
                continue;
            }
            // Several people may share the same form: every one of them is a candidate.
            let Some(people) = lower.forms.get(m.pattern) else {
                continue;
            };
            for &(who, kind) in people {
                match kind {
                    LowerForm::Full | LowerForm::Initial => match found.last_mut() {
                        Some(f) if f.0 == m.start && f.3 == kind => f.2.push(who),
                        _ => found.push((m.start, m.end, vec![who], kind)),
                    },
                    LowerForm::Surname => match surnames.last_mut() {
                        Some(f) if f.0 == m.start => f.3.push(who),
                        _ => surnames.push((m.start, m.end, m.pattern, vec![who])),
                    },
                    LowerForm::Given | LowerForm::WordGiven | LowerForm::Short => {
                        // "vera k": the surname's initial, a letter alone, after the first name.
                        let initial = lower.initials.get(who as usize).copied().flatten();
                        let mut rest = text[m.end..].chars();
                        let bare = initial.is_some_and(|i| {
                            rest.next() == Some(' ')
                                && rest.next() == Some(i)
                                && rest.next().is_none_or(|c| !c.is_alphanumeric() && c != '.')
                        });
                        if bare {
                            let end = m.end + 1 + initial.map_or(0, char::len_utf8);
                            match found.last_mut() {
                                Some(f) if f.0 == m.start && f.3 == LowerForm::Initial => {
                                    f.2.push(who);
                                }
                                _ => found.push((m.start, end, vec![who], LowerForm::Initial)),
                            }
                        } else if kind != LowerForm::Short {
                            alone.push((m.start, m.end, who, kind));
                        }
                    }
                }
            }
        }
        for (start, end, who, kind) in found {
            let len = if kind == LowerForm::Full { 2 } else { 1 };
            self.push_register(s, start, end, who, len);
        }
        let named: HashSet<u32> = s
            .full_mentions
            .iter()
            .map(|(p, _)| *p)
            .chain(s.surname_mentions.iter().copied())
            .collect();
        // The verdict on the last line read: with many residents, a line holds several of their first
        // names in lower case, and each asked again for its line.
        let mut last_line: Option<(usize, bool)> = None;
        for (start, end, who, kind) in alone {
            let place = name_place(text, start, end);
            let take = match kind {
                LowerForm::WordGiven => {
                    place == Some(NamePlace::Signed) || (place.is_some() && named.contains(&who))
                }
                // In a line written all in lower case, as e-mails are ("marit i 3. etasje sier …"), a
                // lower case first name is no weaker a sign than a capitalised one elsewhere (the
                // forms are first names that no list holds as a word).
                _ => {
                    place.is_some() || named.contains(&who) || {
                        let from = line_start(text, start);
                        match last_line {
                            Some((at, lower)) if at == from => lower,
                            _ => {
                                let lower = lower_case_line(text, start);
                                last_line = Some((from, lower));
                                lower
                            }
                        }
                    }
                }
            };
            if take {
                self.push_register(s, start, end, vec![who], 1);
                if kind == LowerForm::WordGiven {
                    if let Some(r) = s.out.last_mut().filter(|r| r.decision == Decision::Redact) {
                        r.reason = policy::WORD_NAME_IN_A_NAMES_PLACE;
                    }
                }
            }
        }
        self.lower_case_surnames(text, surnames, &named, s);
    }

    /// A registered surname alone in small letters (`hits`: start, end, pattern, its people) is the
    /// person's after a title or a word of kinship or role ("fru abildgaard", "beboer elkjær"), and in a
    /// line written all in lower case when the document names one of its people ("mogens elkjær …
    /// elkjær oplyste"). A surname the document also writes in small letters in an ordinary line, not
    /// after such a word, is a word there ("langs skovmark og eng"): then only the titled ones are taken.
    fn lower_case_surnames(
        &self,
        text: &str,
        hits: Vec<(usize, usize, usize, Vec<u32>)>,
        named: &HashSet<u32>,
        s: &mut Scan,
    ) {
        let titled = |start: usize| {
            word_before(text, start, &['.'])
                .and_then(|(a, b)| text.get(a..b))
                .is_some_and(|w| cues().contains_fold(w))
        };
        let mut lines: HashMap<usize, bool> = HashMap::default();
        let verdicts: Vec<(bool, bool)> = hits
            .iter()
            .map(|&(start, _, _, _)| {
                let lower = *lines
                    .entry(line_start(text, start))
                    .or_insert_with(|| lower_case_line(text, start));
                (titled(start), lower)
            })
            .collect();
        let words: HashSet<usize> = hits
            .iter()
            .zip(&verdicts)
            .filter(|(_, &(titled, lower))| !titled && !lower)
            .map(|((_, _, pattern, _), _)| *pattern)
            .collect();
        for ((start, end, pattern, people), (titled, lower)) in hits.into_iter().zip(verdicts) {
            let taken = titled
                || (lower && !words.contains(&pattern) && people.iter().any(|p| named.contains(p)));
            if taken {
                self.push_register(s, start, end, people, 1);
            }
        }
    }

    /// A registered name written as a lower-case handle, as in a user name or an e-mail signature
    /// ("i.sjodin", "kari.nesset", "k.nesset"): an initial or first name, a full stop, and the same
    /// person's surname (the Nordic letters may be typed without their marks). Not inside an e-mail
    /// address or a web address. Cheap: only a full stop between two lower-case ASCII letters is looked
    /// at.
    pub(super) fn handles(&self, text: &str, s: &mut Scan) {
        if self.table.is_empty() {
            return;
        }
        let bytes = text.as_bytes();
        let part_byte = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'@' | b'/' | b'_');
        for dot in memchr::memchr_iter(b'.', bytes) {
            let lower = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_lowercase);
            if dot == 0 || !lower(dot - 1) || !lower(dot + 1) {
                continue;
            }
            let mut start = dot;
            while start > 0 && bytes[start - 1].is_ascii_lowercase() {
                start -= 1;
            }
            let mut end = dot + 1;
            while end < bytes.len() && bytes[end].is_ascii_lowercase() {
                end += 1;
            }
            // The handle stands alone: no other part of an address or a path joins it. A full stop
            // right after it ends the sentence.
            let joined_before = start > 0 && part_byte(bytes[start - 1]);
            let joined_after = match bytes.get(end) {
                Some(b'.') => bytes.get(end + 1).is_some_and(u8::is_ascii_alphanumeric),
                Some(&b) => part_byte(b) || b == b'-',
                None => false,
            };
            if joined_before || joined_after {
                continue;
            }
            let (Some(first), Some(last)) = (text.get(start..dot), text.get(dot + 1..end)) else {
                continue;
            };
            if last.len() < 3 {
                continue;
            }
            let Some(family) = self.table.get(last) else {
                continue;
            };
            let who: Vec<u32> = family
                .iter()
                .filter(|x| x.part == Part::Family)
                .map(|x| x.person)
                .filter(|&p| {
                    if first.len() == 1 {
                        // The initial of the same person's first name: "is" for Inger Sjödin.
                        let mut letters = first.to_string();
                        letters.extend(last.chars().next());
                        self.initials.get(&letters).is_some_and(|v| v.contains(&p))
                    } else {
                        self.table.get(first).is_some_and(|v| {
                            v.iter().any(|x| x.person == p && x.part == Part::Given)
                        })
                    }
                })
                .collect();
            if !who.is_empty() {
                self.push_register(s, start, end, who, 2);
            }
        }
    }

    /// Files `id` under the initials `letters` ("ke", "pe") once; a single letter is no initials.
    fn add_initials(&mut self, letters: String, id: u32) {
        if letters.chars().count() >= 2 {
            let v = self.initials.entry(letters).or_default();
            if !v.contains(&id) {
                v.push(id);
            }
        }
    }

    /// The residents whose initials the capitals at `run[i]` are, written bare: three or four capitals
    /// ("JOB" for Jens-Ole Brorsbøl, "KEW" for Karl Erik Wismann) standing alone or after a closing
    /// ("Mvh JOB"), in a line that is no heading in capitals, and no function word, legal form or other
    /// word of the lists ("DEN", "ApS"); none when an official shares them.
    pub(super) fn bare_initials(
        &self,
        text: &str,
        s: &Scan,
        run: &[Tok],
        i: usize,
        n: usize,
    ) -> Option<&[u32]> {
        let t = run.get(i)?;
        let word = text.get(t.start..t.end)?;
        let count = word.chars().count();
        // Two capitals only in a list of who came or sent word ("Til stede: LK, BD").
        let listed = count == 2 && attendance_list(text, t.start);
        if !((3..=4).contains(&count) || listed) || !word.chars().all(char::is_uppercase) {
            return None;
        }
        let alone = n == 1
            || (n == 2
                && i == 1
                && run
                    .first()
                    .and_then(|c| text.get(c.start..c.end))
                    .is_some_and(|w| closings().contains_fold(w)));
        let key = &s.keys[t.k0..t.k1];
        if !alone
            || function_words().contains(key)
            || super::super::words::is_legal_form(word)
            || first_names().get(key).is_some()
            || is_place(key)
        {
            return None;
        }
        // A heading in capitals ("NYE BEBOERE") holds capitals that are words.
        let from = line_start(text, t.start);
        let to = text
            .get(t.end..)
            .and_then(|r| r.find('\n'))
            .map_or(text.len(), |k| t.end + k);
        if !text
            .get(from..to)
            .is_some_and(|l| l.chars().any(char::is_lowercase))
        {
            return None;
        }
        let people = self.initials.get(key)?;
        people
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep))
            .then_some(people.as_slice())
    }

    /// The residents whose initials a word of single letters joined by hyphens is ("k-e", "a-m"); none
    /// when an official shares them.
    pub(super) fn hyphen_initials(&self, key: &str) -> Option<&[u32]> {
        let letters = hyphen_letters(key)?;
        let people = self.initials.get(&letters)?;
        people
            .iter()
            .all(|&p| self.people.get(p as usize).is_some_and(|x| !x.keep))
            .then_some(people.as_slice())
    }

    /// A registered surname, or a first name of four letters or more that is no ordinary word, glued to
    /// a lower-case word that the lists know (a verb of saying or a function word: "Ulvangforklarte",
    /// "Hansenog", "Rasmusbad"): where the name ends, and who it may be.
    pub(super) fn glued_surname(
        &self,
        text: &str,
        s: &mut Scan,
        t: &Tok,
    ) -> Option<(usize, Vec<u32>)> {
        if self.table.is_empty() || t.upper || t.end - t.start < 7 {
            return None;
        }
        let word = text.get(t.start..t.end)?;
        // The answer depends on the word alone (as written): each distinct word is split once per
        // document (every split costs two set look-ups and a fold, for every capitalised word).
        let answer = if let Some(known) = s.glued.get(word) {
            known
                .as_ref()
                .map(|(b, people)| (t.start + b, people.clone()))
        } else {
            let found = self.glued_split(word);
            let answer = found
                .as_ref()
                .map(|(b, people)| (t.start + b, people.clone()));
            s.glued.insert(word.to_string(), found);
            answer
        };
        // "Häggen vid garaget": a definite ending is the word's own ("the bird cherry"), no word run
        // on; in quotation marks it makes a nickname of the surname ("kender ham som "Kühlen"").
        let definite = |end: usize| {
            matches!(
                text.get(end..t.end),
                Some("en" | "et" | "an" | "ar" | "na" | "ne")
            )
        };
        let quoted = text[..t.start].ends_with(['"', '«', '“', '”', '\'', '‘', '’']);
        // A word of one letter run on ("Møllgaardi går", "Kjærnesi nr. 8") is one only before the next
        // word, and only where the whole is no name the register or the lists know, nor a place
        // ("Rezaei" beside a registered "Reza").
        let one_letter_apart = |end: usize| {
            text.get(end..t.end).is_none_or(|r| r.chars().count() > 1) || {
                let mut after = text[t.end..].chars();
                let mut whole = String::new();
                fold_into(word, &mut whole);
                after.next() == Some(' ')
                    && after.next().is_some_and(char::is_alphanumeric)
                    && first_names().get(&whole).is_none()
                    && !is_surname(&whole)
                    && !is_place(&whole)
                    && !self.table.contains_key(&whole)
            }
        };
        answer.filter(|&(end, _)| (quoted || !definite(end)) && one_letter_apart(end))
    }

    /// [`NameRecognizer::glued_surname`] for one word: the byte where the glued word starts and
    /// the registered people whose name ends there.
    fn glued_split(&self, word: &str) -> Option<(usize, Vec<u32>)> {
        let mut buf = String::new();
        for (b, _) in word.char_indices().skip(3) {
            let rest = &word[b..];
            // One letter only as a word of its own ("Møllgaardi går": "i"); whether a word follows
            // it is the caller's to ask.
            let one_letter = rest.chars().count() == 1;
            if (rest.len() < 2 && !one_letter) || !rest.starts_with(char::is_lowercase) {
                continue;
            }
            if !(speech_verbs().contains(rest)
                || function_words().contains(rest)
                || WRITING_VERBS.contains(&rest))
            {
                continue;
            }
            fold_into(&word[..b], &mut buf);
            let given_ok = buf.chars().count() >= 4
                && !function_words().contains(&buf)
                && first_names().get(&buf).is_none_or(|x| !x.word);
            let people: Vec<u32> = self
                .table
                .get(&buf)
                .into_iter()
                .flatten()
                .filter(|x| x.part == Part::Family || (given_ok && x.part == Part::Given))
                .map(|x| x.person)
                .collect();
            if !people.is_empty() {
                return Some((b, people));
            }
        }
        None
    }

    /// Settles what needs the whole document: ambiguous register mentions and guests' single names.
    pub(super) fn settle(&self, text: &str, lower_hits: &[Hit], s: &mut Scan) {
        self.lower_case_names(text, lower_hits, s);
        self.handles(text, s);
        // Asked for every weak and every ambiguous mention: one look-up each instead of a walk over
        // all mentions (which made a long document quadratic).
        let named = FullMentions::new(&s.full_mentions);
        let weak = std::mem::take(&mut s.weak);
        // "Hilde og Geir skal ha fest", "Geir og Hilde": a first name joined by "og" to a person's name
        // is a name too (the byte spans of the people found, by start).
        let mut persons: Vec<(usize, usize)> = Vec::new();
        if !weak.is_empty() {
            // Two weak words joined to each other ("Per og Hans") prove nothing.
            let weak_at: HashSet<usize> = weak.iter().map(|(at, _)| *at).collect();
            persons = s
                .out
                .iter()
                .enumerate()
                .filter(|(i, r)| {
                    r.kind == Kind::Person && r.decision == Decision::Redact && !weak_at.contains(i)
                })
                .map(|(_, r)| (r.start, r.end))
                .collect();
            persons.sort_unstable();
        }
        // "<first> <surname> døde i januar. … <co-owner> blir boende i huset.": the homes of the people named in
        // full, whose co-owners a first name alone may then name.
        let named_homes: HashSet<u32> = if weak.is_empty() {
            HashSet::default()
        } else {
            named
                .people()
                .filter_map(|p| self.people.get(p as usize)?.household)
                .collect()
        };
        for (at, candidates) in weak {
            let joined = s
                .out
                .get(at)
                .is_some_and(|r| joined_to_person(text, r.start, r.end, &persons));
            let housemate = candidates.iter().any(|&c| {
                self.people
                    .get(c as usize)
                    .and_then(|p| p.household)
                    .is_some_and(|h| named_homes.contains(&h))
            });
            if let (false, false, Some(r)) = (
                named.any(&candidates) || housemate,
                joined,
                s.out.get_mut(at),
            ) {
                // Not a name after all: an empty span is dropped by the policy.
                r.end = r.start;
            }
        }
        for p in std::mem::take(&mut s.pending) {
            let Some(at) = s.out.get(p.raw).map(|r| r.start) else {
                continue;
            };
            if let (Some(who), Some(r)) = (named.nearest(&p.candidates, at), s.out.get_mut(p.raw)) {
                let keep = self.people.get(who as usize).is_some_and(|x| x.keep);
                r.decision = if keep {
                    Decision::Keep
                } else {
                    Decision::Redact
                };
                r.reason = if keep {
                    "an official in a role on the document's date"
                } else {
                    "a resident in the register"
                };
                r.subject = Some(format!("r{who}"));
            }
        }
        self.lone_places(text, s);
        self.confirm_unknown(text, s);
        self.places_in_use(text, s);
        self.loose_words(text, s);
        self.place_compound_heads(text, s);
    }
}

/// The nickname the first part of `email`'s local part gives the person `name` (see
/// [`NameRecognizer::add_email_nickname`]), folded; `None` when the address gives none.
fn email_nickname(name: &str, email: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let (first, last) = (words.first()?, words.last()?);
    if words.len() < 2 {
        return None;
    }
    let local = email.split('@').next()?.to_lowercase();
    let mut parts = local.split(['.', '_', '-']);
    let nick = parts.next()?;
    let mut buf = String::new();
    fold_into(last.trim_matches(|c: char| !c.is_alphabetic()), &mut buf);
    let surname = buf.clone();
    let spellings = ascii_spellings(&surname);
    let after_is_surname = parts.any(|p| {
        let p = p.trim_end_matches(|c: char| c.is_ascii_digit());
        p == surname || spellings.iter().any(|s| s == p)
    });
    if !after_is_surname {
        return None;
    }
    let n = nick.chars().count();
    let mut given = String::new();
    let mut is_given = false;
    for w in &words[..words.len() - 1] {
        fold_into(w.trim_matches(|c: char| !c.is_alphabetic()), &mut given);
        is_given |= given == nick || given.split('-').any(|g| g == nick);
    }
    fold_into(first.trim_matches(|c: char| !c.is_alphabetic()), &mut given);
    // A first name or a pet name the lists know: "mail.lind", "info.lind" give none.
    let known = first_names().get(nick).is_some_and(|x| !x.thing)
        || super::super::lists::is_short_form(nick);
    ((3..=10).contains(&n)
        && nick.chars().all(char::is_alphabetic)
        && !is_given
        && given.chars().next() == nick.chars().next()
        && known
        && !function_words().contains(nick)
        && !is_place(nick))
    .then(|| nick.to_string())
}

/// The Swedish pet form of a short first name that ends in a consonant: the name and an "a" ("kenneth"
/// no, "bengt" -> "bengta", "ulf" -> "ulfa"), as Swedish minutes call a neighbour. `None` when that
/// form is a Nordic first name of its own ("jan" -> "jana", "tor" -> "tora"), a word, a place or a function
/// word, or when the name is long (six letters or more) or hyphenated.
fn suffix_nickname(given: &str) -> Option<String> {
    let n = given.chars().count();
    if !(3..=5).contains(&n) || !given.chars().all(char::is_alphabetic) {
        return None;
    }
    let last = given.chars().next_back()?;
    if "aeiouyæøåäö".contains(last) {
        return None;
    }
    let form = format!("{given}a");
    // A name only from elsewhere ("kenta" is also Japanese) is no Nordic name of its own.
    let own = first_names()
        .get(&form)
        .is_some_and(|x| x.nordic > 0 || x.word || x.thing);
    (!own && !function_words().contains(&form) && !is_place(&form)).then_some(form)
}

/// The first four letters of a long first name (eight letters or more, not hyphenated), as a nickname:
/// "sivakumar" -> "siva". `None` when they are a word, a place or no name-like form.
fn prefix_nickname(given: &str) -> Option<String> {
    if given.chars().count() < 8 || !given.chars().all(char::is_alphabetic) {
        return None;
    }
    let p: String = given.chars().take(4).collect();
    let vowel_end = p.ends_with(['a', 'e', 'i', 'o', 'u', 'y', 'æ', 'ø', 'å', 'ä', 'ö']);
    let known = first_names().get(&p);
    let name_like = vowel_end || known.is_some_and(|x| x.nordic > 0);
    (name_like
        && !known.is_some_and(|x| x.word || x.thing)
        && !function_words().contains(&p)
        && !is_place(&p))
    .then_some(p)
}

/// "Siv har ersatt självrisken", "Bo har ikke betalt", "Lykke havde flyttet": whether a verb in a perfect
/// tense follows `end` (an auxiliary, at most one adverb such as "ikke" or "redan", and a
/// participle: a lower-case word ending in "t" or "dd" that is no function word). Said of a registered
/// first name that is also a word, it makes that word the subject, a person who did something; a noun
/// that is also a first name rarely starts a sentence in minutes with a deed.
///
/// A verb in the present or past tense from `assets/words/deed-verbs.txt` counts too ("Gitte flytter hjem",
/// "Liv ønsker at …"), followed by a lower-case word or the end of the clause.
pub(super) fn deed_after(text: &str, end: usize) -> bool {
    let Some(rest) = text.get(end..).and_then(|r| r.strip_prefix(' ')) else {
        return false;
    };
    let mut words = rest.split(' ');
    let Some(first) = words.next() else {
        return false;
    };
    if deed_verbs().contains(first.trim_end_matches([',', '.', ';', ':'])) {
        return words
            .next()
            .is_none_or(|w| w.is_empty() || w.starts_with(char::is_lowercase))
            || first.ends_with(['.', ',', ';', ':']);
    }
    if !is_one_of(first, &["har", "hade", "havde", "hadde"]) {
        return false;
    }
    let participle = |w: &str| {
        w.chars().count() >= 4
            && w.chars().all(char::is_lowercase)
            && (w.ends_with('t') || w.ends_with("dd"))
            && !function_words().contains(w)
    };
    let Some(w) = words.next() else { return false };
    let w = w.trim_end_matches([',', '.', ';', ':']);
    if participle(w) {
        return true;
    }
    is_one_of(
        w,
        &[
            "ikke",
            "inte",
            "ej",
            "også",
            "också",
            "nu",
            "nå",
            "allerede",
            "redan",
            "just",
            "selv",
            "själv",
            "sjølv",
            "endnu",
            "ännu",
            "endelig",
            "äntligen",
        ],
    ) && words
        .next()
        .map(|w| w.trim_end_matches([',', '.', ';', ':']))
        .is_some_and(participle)
}

/// Where a lower-case first name stands in a name's place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NamePlace {
    /// Signing a letter or an e-mail: after a closing word ("mvh gro", "hilsen knut") or after a
    /// slash alone on its line ("/siv").
    Signed,
    /// Opening a sentence as the subject of a verb of saying or a deed ("sanna undrade om …",
    /// "anne-marie har skrevet …").
    Subject,
}

/// Whether the lower-case word at `start..end` stands where only a name stands, and how.
fn name_place(text: &str, start: usize, end: usize) -> Option<NamePlace> {
    if let Some((ws, we)) = word_before(text, start, &[]) {
        if closings().contains(&text[ws..we].to_lowercase())
            && text[we..start].chars().all(|c| c == ' ' || c == '\u{a0}')
        {
            return Some(NamePlace::Signed);
        }
    }
    let head = &text[line_start(text, start)..start];
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    if head.trim_start() == "/" && text[end..line_end].trim().is_empty() {
        return Some(NamePlace::Signed);
    }
    if !starts_sentence(text, start) || head.trim_end().ends_with(':') {
        return None;
    }
    let next = text[end..]
        .strip_prefix(' ')
        .and_then(|r| r.split(' ').next())
        .map(|w| w.trim_end_matches([',', '.', ';', ':']));
    (next.is_some_and(|w| speech_verbs().contains(w)) || deed_after(text, end))
        .then_some(NamePlace::Subject)
}

/// Where the line that holds `at` starts.
/// Whether `at` stands in a list of people after the line's opening word for those present, absent or
/// responsible and a colon ("Til stede: LK, BD og MB", "Frånvarande: AL"), with only capitals, commas
/// and "og"/"och"/"and" between the colon and `at`.
fn attendance_list(text: &str, at: usize) -> bool {
    const OPENINGS: &[&str] = &[
        "til stede",
        "tilstede",
        "til stades",
        "fremmødte",
        "deltagere",
        "deltakere",
        "deltakarar",
        "deltagare",
        "deltog",
        "møtt",
        "afbud",
        "forfall",
        "meldt forfall",
        "fraværende",
        "fråverande",
        "närvarande",
        "frånvarande",
        "ansvarlig",
        "ansvarleg",
        "ansvarig",
    ];
    let Some(line) = text.get(line_start(text, at)..at) else {
        return false;
    };
    // "Til stede: LK og BD. Afbud: MB": the list after the last full stop.
    let line = line.rsplit(['.', ';']).next().unwrap_or(line);
    let Some((opening, list)) = line.split_once(':') else {
        return false;
    };
    let opening = opening
        .trim_start_matches(|c: char| !c.is_alphabetic())
        .trim()
        .to_lowercase();
    OPENINGS.contains(&opening.as_str())
        && list.split([',', ' ', '/', '&']).all(|w| {
            w.is_empty() || matches!(w, "og" | "och" | "and") || w.chars().all(char::is_uppercase)
        })
}

fn line_start(text: &str, at: usize) -> usize {
    memchr::memrchr(b'\n', text.as_bytes().get(..at).unwrap_or_default()).map_or(0, |i| i + 1)
}

/// Whether the line around `at` is written in lower case (no capitalised word; codes such as "H0202"
/// may stand in it) and is a sentence or more (six words), as the body of an e-mail typed without
/// capitals is.
fn lower_case_line(text: &str, at: usize) -> bool {
    let from = line_start(text, at);
    let to = text
        .get(at..)
        .and_then(|t| t.find('\n'))
        .map_or(text.len(), |i| at + i);
    let line = text.get(from..to).unwrap_or("");
    let capitalised = |w: &str| {
        let mut c = w.trim_start_matches(|c: char| !c.is_alphanumeric()).chars();
        c.next().is_some_and(char::is_uppercase) && c.next().is_some_and(char::is_lowercase)
    };
    !line.split_whitespace().any(capitalised) && line.split_whitespace().count() >= 6
}

/// Whether the word at `start..end` is joined by "og", "och", "and" or "&" to a person's name found
/// right after or right before it (`persons`: byte spans by start).
fn joined_to_person(text: &str, start: usize, end: usize, persons: &[(usize, usize)]) -> bool {
    const AND: &[&str] = &[" og ", " och ", " and ", " & "];
    let after = text.get(end..).and_then(|rest| {
        AND.iter()
            .find(|a| rest.starts_with(**a))
            .map(|a| end + a.len())
    });
    let before = text.get(..start).and_then(|head| {
        AND.iter()
            .find(|a| head.ends_with(**a))
            .map(|a| start - a.len())
    });
    after.is_some_and(|p| persons.binary_search_by_key(&p, |&(s, _)| s).is_ok())
        || before.is_some_and(|p| persons.iter().any(|&(_, e)| e == p))
}

/// The mentions of registered people by full name, per person, sorted by position.
struct FullMentions {
    /// Person → (byte position, index in the order the mentions were found).
    by_person: HashMap<u32, Vec<(usize, usize)>>,
}

impl FullMentions {
    fn new(mentions: &[(u32, usize)]) -> FullMentions {
        let mut by_person: HashMap<u32, Vec<(usize, usize)>> = HashMap::default();
        for (idx, &(who, pos)) in mentions.iter().enumerate() {
            by_person.entry(who).or_default().push((pos, idx));
        }
        for v in by_person.values_mut() {
            v.sort_unstable();
        }
        FullMentions { by_person }
    }

    /// The people named in full somewhere.
    fn people(&self) -> impl Iterator<Item = u32> + '_ {
        self.by_person.keys().copied()
    }

    /// Whether any of `candidates` is named in full somewhere.
    fn any(&self, candidates: &[u32]) -> bool {
        candidates.iter().any(|c| self.by_person.contains_key(c))
    }

    /// The candidate named in full nearest to `at`, a mention before it preferred (one after it
    /// counts four times its distance); on a tie the mention found first.
    fn nearest(&self, candidates: &[u32], at: usize) -> Option<u32> {
        let mut best: Option<(usize, usize, u32)> = None;
        for &who in candidates {
            let Some(v) = self.by_person.get(&who) else {
                continue;
            };
            let i = v.partition_point(|&(pos, _)| pos <= at);
            // The last mention at or before `at` (the first found at that position), and the first
            // after it.
            let before = i.checked_sub(1).and_then(|j| v.get(j)).map(|&(pos, _)| {
                let first = v.partition_point(|&(p, _)| p < pos);
                (at - pos, v[first].1)
            });
            let after = v.get(i).map(|&(pos, idx)| ((pos - at) * 4, idx));
            for (key, idx) in before.into_iter().chain(after) {
                if best.is_none_or(|(k, x, _)| (key, idx) < (k, x)) {
                    best = Some((key, idx, who));
                }
            }
        }
        best.map(|(_, _, who)| who)
    }
}

/// The two usual ASCII spellings of a name with Nordic letters: "hætta" → "haetta", "hatta";
/// "bjørnstad" → "bjoernstad", "bjornstad".
pub(super) fn ascii_spellings(key: &str) -> [String; 2] {
    let mut long = String::with_capacity(key.len() + 4);
    let mut short = String::with_capacity(key.len());
    for c in key.chars() {
        let (l, sh) = match c {
            'æ' | 'ä' => ("ae", "a"),
            'ø' | 'ö' => ("oe", "o"),
            'å' => ("aa", "a"),
            'ü' => ("ue", "u"),
            'é' | 'è' | 'ê' => ("e", "e"),
            'á' | 'à' => ("a", "a"),
            'ó' | 'ò' => ("o", "o"),
            // Letters of other alphabets that secretaries type without their marks ("Wisniewski" for
            // "Wiśniewski", "Yildiz" for "Yıldız", "Nguyen Van Phuc" for "Nguyễn Văn Phúc").
            'ł' => ("l", "l"),
            'ı' => ("i", "i"),
            'đ' => ("d", "d"),
            'ß' => ("ss", "ss"),
            c if !c.is_ascii() => {
                let base: String = std::iter::once(c)
                    .nfd()
                    .filter(char::is_ascii_alphabetic)
                    .collect();
                if base.is_empty() {
                    long.push(c);
                    short.push(c);
                } else {
                    long.push_str(&base);
                    short.push_str(&base);
                }
                continue;
            }
            _ => {
                long.push(c);
                short.push(c);
                continue;
            }
        };
        long.push_str(l);
        short.push_str(sh);
    }
    [long, short]
}
/// Splits a register cell that holds two owners ("Sanne Rosendahl og Kenneth Rosendahl", "Bjørg og Ivan
/// Leth") into one name each, written given name first: the register's own co-owner routine. A cell
/// that names a firm ("Kongsberg Bakeri AS", a shop that owns a section) names no person: its words
/// are not registered names, and the re-scan does not take the firm's kept name for a resident's.
pub(in crate::redact) fn split_owners(cell: &str) -> Vec<String> {
    if names_a_firm(cell) {
        return Vec::new();
    }
    crate::register::co_owners::split(cell)
        .iter()
        .map(|n| crate::register::co_owners::given_first(n))
        .collect()
}

/// A register cell that is a firm's name: it closes with a legal form as firms write it ("AS", "ApS",
/// "AB", "A/S") after at least one word, and is not written in capitals throughout (where "DA" or "SA"
/// closing a name could be anything).
fn names_a_firm(cell: &str) -> bool {
    let words: Vec<&str> = cell
        .split_whitespace()
        .map(|w| w.trim_end_matches(['.', ',']))
        .collect();
    let [.., before, last] = words.as_slice() else {
        return false;
    };
    crate::redact::words::is_legal_form(last)
        && before.chars().any(char::is_alphabetic)
        && cell.chars().any(char::is_lowercase)
}

/// Verbs of writing, which the list of verbs of saying leaves out ("skriver Aftenposten" is a
/// newspaper's), but which after a registered surname that lost its space ("<surname>skriver, at …") report
/// what the resident wrote as the verbs of saying do.
const WRITING_VERBS: &[&str] = &[
    "skriver", "skrev", "skrivar", "skreiv", "skriv", "skrivit", "skrevet", "skrive", "skrivet",
];

#[cfg(test)]
mod tests {
    use super::*;

    proptest::proptest! {
        /// The indexed search for the nearest full mention answers what the walk over every mention
        /// answered.
        #[test]
        fn the_nearest_full_mention_is_the_one_the_walk_found(
            mentions in proptest::collection::vec((0u32..6, 0usize..60), 0..40),
            candidates in proptest::collection::vec(0u32..7, 0..4),
            at in 0usize..60,
        ) {
            let walk = mentions
                .iter()
                .filter(|(who, _)| candidates.contains(who))
                .min_by_key(|(_, pos)| if *pos <= at { at - pos } else { (pos - at) * 4 })
                .map(|(who, _)| *who);
            let index = FullMentions::new(&mentions);
            proptest::prop_assert_eq!(index.nearest(&candidates, at), walk);
            let any = mentions.iter().any(|(who, _)| candidates.contains(who));
            proptest::prop_assert_eq!(index.any(&candidates), any);
        }
    }

    /// Names typed without the marks of their alphabet: Polish, Turkish, Vietnamese and German letters
    /// fold to their base letters, the Nordic ones to both their spellings.
    #[test]
    fn spellings_without_marks() {
        assert_eq!(ascii_spellings("wiśniewski")[1], "wisniewski");
        assert_eq!(ascii_spellings("yıldız")[1], "yildiz");
        assert_eq!(ascii_spellings("małgorzata")[1], "malgorzata");
        assert_eq!(ascii_spellings("nguyễn")[1], "nguyen");
        assert_eq!(ascii_spellings("đặng")[1], "dang");
        assert_eq!(ascii_spellings("petrović")[1], "petrovic");
        assert_eq!(
            ascii_spellings("grøn"),
            ["groen".to_string(), "gron".to_string()]
        );
    }

    /// A long first name's first four letters are its nickname when they read as a name, never for a
    /// short or hyphenated name or a prefix that reads as no name; a short first name's Swedish pet form
    /// is the name and an "a".
    #[test]
    fn prefix_nicknames_of_long_first_names() {
        assert_eq!(super::suffix_nickname("tord").as_deref(), Some("torda"));
        // A form that is a first name of its own, a long name or one ending in a vowel has none.
        assert_eq!(super::suffix_nickname("jan"), None);
        assert_eq!(super::suffix_nickname("kenneth"), None);
        assert_eq!(super::suffix_nickname("ole"), None);
        assert_eq!(prefix_nickname("sivakumar").as_deref(), Some("siva"));
        assert_eq!(prefix_nickname("abdirahman").as_deref(), Some("abdi"));
        // Short names, hyphenated ones and prefixes that read as no name.
        assert_eq!(prefix_nickname("karina"), None);
        assert_eq!(prefix_nickname("jens-peter"), None);
        assert_eq!(prefix_nickname("gudbrandur"), None);
    }

    /// The first part of a resident's e-mail address before their surname is a name they go by, when it
    /// starts as their first name does and is no given name of theirs, no word and no place.
    #[test]
    fn a_nickname_from_a_residents_email_address() {
        let nick = super::email_nickname;
        assert_eq!(
            nick("Margareta Lind", "maggan.lind@example.org").as_deref(),
            Some("maggan")
        );
        assert_eq!(
            nick("Kristian Sønderby", "kris_sonderby@example.org").as_deref(),
            Some("kris")
        );
        assert_eq!(
            nick("Torbjørn Aas", "tobben.aas77@example.org").as_deref(),
            Some("tobben")
        );
        for (name, email) in [
            // Their own given name; no surname after; another first letter; no name; one part.
            ("Margareta Lind", "margareta.lind@example.org"),
            ("Ole Petter Dal", "petter.dal@example.org"),
            ("Margareta Lind", "maggan.l@example.org"),
            ("Margareta Lind", "ebba.lind@example.org"),
            ("Margareta Lind", "mail.lind@example.org"),
            ("Margareta Lind", "maggan@example.org"),
        ] {
            assert_eq!(nick(name, email), None, "{email}");
        }
    }

    /// A registered first name's short forms find the resident; the short forms of one part of a
    /// hyphenated first name too ("Kalle" for Karl-Erik); a form of no registered name finds no one.
    #[test]
    fn short_forms_of_registered_first_names() {
        let mut r = NameRecognizer::new(None);
        r.add("Karl-Erik Hansen", false);
        r.add("Małgorzata Zielińska", false);
        r.add("Elisabeth de la Cour", false);
        for (form, who) in [("kalle", 0), ("gosia", 1), ("lise", 2), ("lisbeth", 2)] {
            let slots = r.table.get(form).map(Vec::as_slice).unwrap_or(&[]);
            assert!(
                slots
                    .iter()
                    .any(|x| x.person == who && x.part == Part::Given),
                "{form}: {slots:?}"
            );
        }
        assert!(!r.table.contains_key("bosse"));
        assert!(super::super::super::lists::short_forms("bo").contains(&"bosse".to_string()));
    }

    /// "fra"/"på"/"i" and a street of the residents' homes after a first name, with or without the house
    /// number, in any letter case; another street, a street's longer name or no preposition is none.
    #[test]
    fn a_street_of_the_residents_after_a_first_name() {
        use crate::association::Country;
        use crate::redact::{Context, KnownPerson};
        let mut ctx = Context::new(Country::DK);
        for (name, address) in [
            ("Inger Holt", "Kildevej 12"),
            ("Vidar Lie", "Bjørkeveien 4, H0101"),
        ] {
            ctx.residents.push(KnownPerson {
                name: name.into(),
                address: Some(address.into()),
                ..KnownPerson::default()
            });
        }
        let r = NameRecognizer::new(Some(&ctx));
        for (text, end) in [
            ("Inger fra Kildevej er syg.", 5),
            ("Vidar på Bjørkeveien 4 har ringt.", 5),
            ("Inger frå kildevej kom.", 5),
            ("Ivar från Kildevej.", 4),
        ] {
            assert!(r.street_after(text, end), "{text}");
        }
        for (text, end) in [
            ("Inger fra Kildevejen er syg.", 5),
            ("Inger fra Storgade er syg.", 5),
            ("Inger ved Kildevej er syg.", 5),
        ] {
            assert!(!r.street_after(text, end), "{text}");
        }
    }

    /// A long name is filed under every initials minutes write for it: of each part, of the given names,
    /// and of the first given name with the surname; a particle gives no letter.
    #[test]
    fn initials_of_long_names() {
        let mut r = NameRecognizer::new(None);
        r.add("Karl Johan Vestbjerg", false);
        r.add("Anne-Mette Skovhus", false);
        r.add("Gitte Brøns-Holm", false);
        r.add("Hakon de Thurah", false);
        for (letters, who) in [
            ("kjv", 0),
            ("kj", 0),
            ("kv", 0),
            ("ams", 1),
            ("am", 1),
            ("as", 1),
            ("gbh", 2),
            ("gb", 2),
            ("ht", 3),
        ] {
            assert!(
                r.initials.get(letters).is_some_and(|v| v.contains(&who)),
                "{letters}"
            );
        }
        assert!(!r.initials.contains_key("hd") && !r.initials.contains_key("hdt"));
    }

    /// A first name and surname run together are the person in full.
    #[test]
    fn a_full_name_run_together() {
        let mut r = NameRecognizer::new(None);
        r.add("Mohammad Karimi", false);
        r.add("Ib Holm", false);
        let slots = r
            .table
            .get("mohammadkarimi")
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        assert!(slots
            .iter()
            .any(|x| x.person == 0 && x.part == Part::Family));
        // Too short to be told from a word: "ibholm" is not added.
        assert!(!r.table.contains_key("ibholm"));
    }

    #[test]
    fn two_owners_in_one_cell() {
        assert_eq!(
            split_owners("Bjørg og Ivan Leth"),
            vec!["Bjørg Leth".to_string(), "Ivan Leth".to_string()]
        );
        assert_eq!(split_owners("A B & C D").len(), 2);
        assert_eq!(
            split_owners("Hansen, Jens Peter"),
            vec!["Jens Peter Hansen".to_string()]
        );
    }

    /// Regression (a firm that owns a unit): a register row whose owner is a firm named no person, so
    /// "Bakeri" alone was taken for a registered name and the re-scan flagged the firm's kept name as a
    /// resident's.
    #[test]
    fn a_firm_that_owns_a_unit_is_no_person() {
        for firm in [
            "Kongsberg Bakeri AS",
            "Hansen & Søn ApS",
            "Lunds Blommor AB",
            "Tømrer Friis A/S",
        ] {
            assert_eq!(split_owners(firm), Vec::<String>::new(), "{firm}");
        }
        // A person's name, one in capitals, and a lone legal form are not firms.
        assert_eq!(split_owners("Kari Aas"), ["Kari Aas"]);
        assert_eq!(split_owners("ANNE LISE DA"), ["ANNE LISE DA"]);
        assert_eq!(split_owners("AS"), ["AS"]);
        // With the firm in the register, its name and the legal form of other firms stay.
        let gone = removed(
            &["Kongsberg Bakeri AS", "Sigve Tollefsen"],
            "Møtet var i bakrommet til Kongsberg Bakeri AS. Sigve Tollefsen fikk tilbud fra Lågen Elektro AS.",
        );
        assert_eq!(gone, ["Sigve Tollefsen"]);
    }
    /// The register's residents (invented) and what detection with them removes from `text`.
    fn removed(people: &[&str], text: &str) -> Vec<String> {
        let mut ctx = crate::redact::Context::new(crate::association::Country::SE);
        for name in people {
            ctx.residents.push(crate::redact::KnownPerson {
                name: (*name).into(),
                ..crate::redact::KnownPerson::default()
            });
        }
        crate::redact::detect(text, Some(&ctx))
            .into_iter()
            .filter(|f| f.decision == crate::redact::Decision::Redact)
            .map(|f| f.text)
            .collect()
    }

    /// Three or four bare capitals that are one resident's initials are that resident, alone or after
    /// a closing; a heading in capitals, a legal form, a word of the lists, two letters, capitals beside
    /// another capitalised word and an official's initials stay.
    #[test]
    fn bare_initials_of_a_resident() {
        let people = ["Jens-Ole Brorsbøl", "Karl Erik Wismann", "Anna Bergström"];
        let out = removed(&people, "Kommentar fra JOB: fint. Mvh KEW");
        for i in ["JOB", "KEW"] {
            assert!(out.contains(&i.to_string()), "{i}: {out:?}");
        }
        for text in [
            "JOB OG KEW PÅ DAGSORDENEN",
            "Hos KEW Bygg blev det aftalt.",
            "Vi talte om AB og om det.",
        ] {
            let out = removed(&people, text);
            assert!(out.is_empty(), "{text}: {out:?}");
        }
    }

    /// Regression (issue 14, initials tied to a resident): two capitals that are a resident's initials,
    /// in a list of who was present, absent or responsible ("Til stede: LK, BD"), stayed; two capitals
    /// elsewhere, in such a list after a word, or an official's stay. Invented lines.
    #[test]
    fn two_capitals_in_an_attendance_list() {
        let people = ["Lone Kjær", "Bo Dam", "Mette Bech"];
        let out = removed(&people, "Referat\nTil stede: LK, BD og MB\nAfbud: ingen.");
        for i in ["LK", "BD", "MB"] {
            assert!(out.contains(&i.to_string()), "{i}: {out:?}");
        }
        let out = removed(
            &people,
            "Protokoll\nNärvarande: LK. Frånvarande: MB\nAnsvarig: BD",
        );
        for i in ["MB", "BD"] {
            assert!(out.contains(&i.to_string()), "{i}: {out:?}");
        }
        for text in [
            "Referat\nLK og BD er forkortelser i planen.",
            "Referat\nTil stede: alle fra BD og LK.",
            "Referat\nDagsorden: BD, LK",
        ] {
            let out = removed(&people, text);
            assert!(out.is_empty(), "{text}: {out:?}");
        }
    }

    /// A registered surname alone in small letters: after a title or a word of kinship or role, and in
    /// a line written all in lower case once the document names the person; never where the document
    /// also writes it in small letters as a word, nor a surname that is a place or a first name.
    #[test]
    fn lower_case_surnames_alone() {
        let people = [
            "Mogens Tvilstrup",
            "Aase Brønderslev",
            "Oda Skovmark",
            "Ivar Martin",
        ];
        let text = "Fra: mogens tvilstrup\n\
                    hej, campingvognen er min og jeg flytter den snart, skriver tvilstrup til os\n\
                    Vi har talt med fru skovmark om hækken.";
        let out = removed(&people, text);
        for name in ["mogens tvilstrup", "tvilstrup", "skovmark"] {
            assert!(out.contains(&name.to_string()), "{name}: {out:?}");
        }
        // A line with capitals: the surname alone of someone named stays unless a title stands before.
        let out = removed(
            &people,
            "Mogens Tvilstrup kom. Vi ringer til tvilstrup i morgen.",
        );
        assert!(!out.contains(&"tvilstrup".to_string()), "{out:?}");
        // A surname that is a place stays ("brønderslev"), and so does one that is a first name.
        let text = "Aase Brønderslev og Ivar Martin skrev:\n\
                    vi kører til brønderslev på lørdag og martin kommer også med i bilen";
        let out = removed(&people, text);
        assert!(!out.contains(&"brønderslev".to_string()), "{out:?}");
        // The document writes the surname as an ordinary word in a line with capitals: a word there,
        // also in its lower-case lines.
        let text = "Oda Skovmark deltog. Stien går langs skovmark og eng.\n\
                    vi har set at der er skovmark bag husene og det er fint";
        let out = removed(&people, text);
        assert!(!out.contains(&"skovmark".to_string()), "{out:?}");
    }

    /// A lower-case first name in a pasted e-mail is the resident's when the document names them by a
    /// surname only they have, and a double first name keeps its hyphen in lower case ("sven-erik").
    #[test]
    fn lower_case_first_names_of_people_the_document_names() {
        let people = ["Kirsten Holmvik", "Sven-Erik Tarnow", "Gunhild Rask"];
        let text = "Hej. Røgen kommer fra altanen hos kirsten tror jeg, men jeg er ikke sikker.\n\
                    Holmvik har fået besked.\n\
                    og sven-erik i stuen siger at han også kan lugte det";
        let out = removed(&people, text);
        assert!(out.contains(&"kirsten".to_string()), "{out:?}");
        assert!(out.contains(&"sven-erik".to_string()), "{out:?}");
        // A first name of someone the document does not name, in a line with capitals, stays a word.
        let out = removed(&people, "Vi talte om gunhild i går. Det var Fint.");
        assert!(!out.contains(&"gunhild".to_string()), "{out:?}");
    }

    /// Lower-case short forms of a registered name, as pasted e-mails and hurried minutes write them: the
    /// first name with the surname's initial, a first name where only a name stands (signing, or the
    /// subject of a verb of saying or a deed opening a sentence), and a first name that is also a word
    /// only there, never as the word elsewhere.
    #[test]
    fn lower_case_short_forms_in_a_names_place() {
        let people = [
            "Tove Brekkan",
            "Ulrik Ødegård",
            "Mai-Britt Solheim",
            "Liv Isaksen",
        ];
        // The first name with the surname's initial, with or without the full stop.
        let out = removed(&people, "Forslag fra tove b., som bor i nr. 4: Bom.");
        assert!(out.contains(&"tove b.".to_string()), "{out:?}");
        let out = removed(&people, "ulrik ø har meldt seg til dugnaden.");
        assert!(out.contains(&"ulrik ø".to_string()), "{out:?}");
        // A double first name opening a sentence before a deed.
        let out = removed(
            &people,
            "Det ble spurt om vaskeriet. mai-britt har laget en oppskrift.",
        );
        assert!(out.contains(&"mai-britt".to_string()), "{out:?}");
        // Signing a pasted message, after a closing word or a slash.
        let out = removed(
            &people,
            "Det gjelder boden.\n\"kan vi få nøkkel? hilsen liv\"",
        );
        assert!(out.contains(&"liv".to_string()), "{out:?}");
        let out = removed(&people, "Det gjelder boden.\n  /liv\n");
        assert!(out.contains(&"liv".to_string()), "{out:?}");
        // "liv" the word stays, and "liv i" is no initial.
        let out = removed(
            &people,
            "Liv Isaksen ba om ordet. Det er liv i hagen. liv i huset gir glede.",
        );
        assert!(!out.iter().any(|w| w.starts_with("liv")), "{out:?}");
        // A word-name before a verb opening a sentence: only when the document names the person.
        let out = removed(&people, "Hagen er fin.\nliv spurte om nøkler.");
        assert!(out.is_empty(), "{out:?}");
        let out = removed(&people, "Liv Isaksen var til stede.\nliv spurte om nøkler.");
        assert!(out.contains(&"liv".to_string()), "{out:?}");
    }

    /// A registered first name that is also a word, at a sentence's start before a perfect tense, is the
    /// person; before anything else it needs the person named in full.
    #[test]
    fn a_first_name_that_is_a_word_before_a_deed() {
        assert!(deed_after("Siv har ersatt självrisken.", 3));
        assert!(deed_after("Bo har ikke betalt.", 2));
        assert!(deed_after("Lykke havde flyttet sin cykel.", 5));
        assert!(!deed_after("Siv har ett förråd.", 3));
        assert!(!deed_after("Siv har vi plantet.", 3));
        assert!(!deed_after("Siv ved åen.", 3));
        // A verb in the present or past tense that minutes use of a resident.
        assert!(deed_after("Gitte flytter hjem i uge 38.", 5));
        assert!(deed_after("Liv ønsker at bytte bod.", 3));
        assert!(deed_after("Bo sålde bilen.", 2));
        assert!(deed_after("Tove kom.", 4));
        assert!(!deed_after("Liv kan være hårdt.", 3));
        assert!(!deed_after("Siv växer vid dammen.", 3));
        assert!(!deed_after("Bo skal Vi.", 2));
        let out = removed(
            &["Siv Engholm"],
            "Vattnet rann ned. Siv har ersatt självrisken.",
        );
        assert!(out.contains(&"Siv".to_string()), "{out:?}");
        let out = removed(
            &["Siv Engholm"],
            "Siv växer vid dammen. Siv och vass klipps i höst.",
        );
        assert!(out.is_empty(), "{out:?}");
    }
    /// A listed first name that is no one's in the register before a board member's surname is a relative,
    /// someone else, and goes; the board member by full name, by surname alone and by first name stays.
    #[test]
    fn a_relative_of_someone_who_stays() {
        let mut ctx = crate::redact::Context::new(crate::association::Country::NO);
        ctx.officials.push(crate::redact::Official {
            name: "Petter Nordvik".into(),
            role: crate::redact::RoleKind::from_title("styremedlem"),
            valid_from: None,
            valid_to: None,
        });
        let text =
            "Ingrid Nordvik støttet forslaget. Petter Nordvik var enig, og Nordvik skrev under. \
                    Petter og Lise Nordvik takket.";
        let removed: Vec<String> = crate::redact::detect(text, Some(&ctx))
            .into_iter()
            .filter(|f| f.decision == crate::redact::Decision::Redact)
            .map(|f| f.text)
            .collect();
        assert_eq!(removed, ["Ingrid Nordvik", "Lise Nordvik"]);
    }
    /// A relative of someone who stays by a first name from elsewhere ("Amani", "Zeynep"), and by a first
    /// name the register holds for another official: the two names are nobody's together. An ordinary
    /// word before the surname, a role and the officials themselves stay.
    #[test]
    fn a_relative_of_someone_who_stays_by_any_first_name() {
        let mut ctx = crate::redact::Context::new(crate::association::Country::SE);
        for (name, role) in [
            ("Tarik Özdemir", "kassör"),
            ("Agnes Lindholm", "ordförande"),
        ] {
            ctx.officials.push(crate::redact::Official {
                name: name.into(),
                role: crate::redact::RoleKind::from_title(role),
                valid_from: None,
                valid_to: None,
            });
        }
        let text = "Kassör Tarik Özdemir redovisade. Zeynep Özdemir frågade om avgiften. \
                    Agnes Özdemir lämnade en motion. Kassören Özdemir svarade, och Agnes tackade.";
        let removed: Vec<String> = crate::redact::detect(text, Some(&ctx))
            .into_iter()
            .filter(|f| f.decision == crate::redact::Decision::Redact)
            .map(|f| f.text)
            .collect();
        assert_eq!(removed, ["Zeynep Özdemir", "Agnes Özdemir"]);
    }
}
