//! Small text helpers shared by the recognizers: word boundaries, case-folded keys without allocating per
//! word, looking at the words just before a position, and byte-to-character offsets.

use std::hash::{BuildHasherDefault, Hasher};

use unicode_normalization::UnicodeNormalization;

/// FNV-1a: the tables are keyed by short words, where SipHash's set-up costs more than the hashing.
/// (No untrusted party picks the keys of a local document to attack the table.)
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}

/// A pattern searched over the whole text, compiled once per process into `cell`.
///
/// The regex crate's fast engine (a lazy DFA) cannot read a Unicode word boundary (`\b`, `\B`,
/// `\b{start}` …) past a byte beyond ASCII: it gives up, and the slow engine then reads the rest of
/// every line of Nordic minutes, ten times slower, with no test failing (in December 2026 four such
/// patterns made nine tenths of `andel detect`). So a whole-text pattern uses ASCII boundaries
/// (`(?-u:\b)`) or checks the word's edges in code, and a pattern with Unicode boundaries runs only
/// where a cheaper search found a candidate, anchored there. Tests and debug builds refuse a
/// whole-text pattern the lazy DFA cannot run on its own ([`lazy_dfa_runs`]).
pub fn whole_text_regex(
    cell: &'static std::sync::OnceLock<Option<regex::Regex>>,
    pattern: &str,
) -> Option<&'static regex::Regex> {
    cell.get_or_init(|| {
        debug_assert!(
            lazy_dfa_runs(pattern),
            "a pattern searched over the whole text must not need the slow engine (Unicode word \
             boundaries?): {pattern}"
        );
        regex::Regex::new(pattern).ok()
    })
    .as_ref()
}

/// Whether the regex crate's lazy DFA can search `pattern` on any text by itself: it refuses to be
/// built for a pattern with Unicode word boundaries, the one construct that sends a search over
/// Nordic text to the slow engine.
pub fn lazy_dfa_runs(pattern: &str) -> bool {
    regex_automata::hybrid::regex::Regex::new(pattern).is_ok()
}

/// The caches of an [`AnchoredPattern`]'s two engines, one set per thread that searches.
type AnchoredCaches = (
    regex_automata::hybrid::dfa::Cache,
    regex_automata::nfa::thompson::pikevm::Cache,
);

/// Makes an [`AnchoredPattern`]'s caches.
type AnchoredCachesFn = Box<
    dyn Fn() -> AnchoredCaches + Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe,
>;

/// A pattern searched only anchored at its haystack's start (it begins with `^`), compiled forward
/// only. `regex::Regex` compiles each pattern twice, forwards and in reverse, the reverse for finding
/// where a match starts; an anchored match starts at the start, so that half is never read. For a
/// pattern with Unicode classes it is two fifths of the compiling (the floors after persons: 16.0 M
/// instructions as a `Regex`, 9.1 M the forward NFA), which each `andel detect` pays once. It answers
/// as `Regex::find` and `Regex::captures` do: a lazy DFA finds whether and where the leftmost-first
/// match ends, as the regex crate's does, and a PikeVM reads the groups of a match found, or the
/// match itself where the lazy DFA gives up (a Unicode word boundary before a byte beyond ASCII).
pub struct AnchoredPattern {
    dfa: regex_automata::hybrid::dfa::DFA,
    vm: regex_automata::nfa::thompson::pikevm::PikeVM,
    caches: regex_automata::util::pool::Pool<AnchoredCaches, AnchoredCachesFn>,
}

impl AnchoredPattern {
    /// `pattern` compiled, or `None` where it does not compile.
    pub fn new(pattern: &str) -> Option<AnchoredPattern> {
        use regex_automata::{hybrid, nfa::thompson};
        let nfa = thompson::NFA::new(pattern).ok()?;
        let dfa = hybrid::dfa::DFA::builder()
            // As the regex crate's: a Unicode word boundary makes it give up on a byte beyond ASCII.
            .configure(hybrid::dfa::Config::new().unicode_word_boundary(true))
            .build_from_nfa(nfa.clone())
            .ok()?;
        let vm = thompson::pikevm::PikeVM::new_from_nfa(nfa).ok()?;
        let (d, v) = (dfa.clone(), vm.clone());
        let make: AnchoredCachesFn = Box::new(move || (d.create_cache(), v.create_cache()));
        Some(AnchoredPattern {
            dfa,
            vm,
            caches: regex_automata::util::pool::Pool::new(make),
        })
    }

    /// Where the match at `hay`'s start ends: `Regex::find(hay).map(|m| m.end())`.
    pub fn find_end(&self, hay: &str) -> Option<usize> {
        let input = regex_automata::Input::new(hay).anchored(regex_automata::Anchored::Yes);
        let mut caches = self.caches.get();
        let (dfa_cache, vm_cache) = &mut *caches;
        match self.dfa.try_search_fwd(dfa_cache, &input) {
            Ok(found) => found.map(|m| m.offset()),
            Err(_) => self.vm.find(vm_cache, input).map(|m| m.end()),
        }
    }

    /// Group `group` of the match at `hay`'s start, as (start, end): `Regex::captures(hay)` and the
    /// group's span.
    pub fn group(&self, hay: &str, group: usize) -> Option<(usize, usize)> {
        let input = regex_automata::Input::new(hay).anchored(regex_automata::Anchored::Yes);
        let mut caches = self.caches.get();
        let (dfa_cache, vm_cache) = &mut *caches;
        // Most haystacks hold no match, which the lazy DFA tells soonest.
        if let Ok(None) = self.dfa.try_search_fwd(dfa_cache, &input) {
            return None;
        }
        let mut caps = self.vm.create_captures();
        self.vm.search(vm_cache, &input, &mut caps);
        caps.get_group(group).map(|s| (s.start, s.end))
    }
}

/// A hash map keyed by folded words.
pub type WordMap<V> = std::collections::HashMap<String, V, BuildHasherDefault<Fnv>>;

/// A hash map with [`Fnv`] hashing, for the recognizers' tables of words, positions and people.
pub type FastMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A hash set with [`Fnv`] hashing.
pub type FastSet<T> = std::collections::HashSet<T, BuildHasherDefault<Fnv>>;

/// A match of one pattern of one of [`OnePass`]'s sets; `pattern` is its index in its set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub end: usize,
    pub pattern: usize,
}

/// Several sets of patterns (the register's places and organisations, its names in lower case, its
/// residents' phones, e-mails and addresses) searched in one pass over a text, with for each set the
/// answer of a leftmost-longest search of its own: the leftmost match, the longest of those, then on
/// from its end. Three such searches read the whole text three times (a seventh of the detection in
/// the dense benchmark); one pass reports, at each place of the text, every pattern that opens there,
/// from which each set's leftmost-longest matches are picked.
///
/// The pass is a walk down a trie of the patterns' bytes ([`PatternTrie`]) from each place where one
/// may open, asked of the place's first four bytes ([`PatternTrie::may_open`]): it finds at each place
/// the patterns an overlapping Aho–Corasick search reports as starting there, the same matches. An
/// automaton read every byte of the text (a DFA about 20 instructions a byte, a contiguous NFA about
/// 45) and a DFA cost about 2,000–4,000 instructions per byte of the patterns to build (the dense
/// bench's register, 1,416 patterns of 17 kB: 0.069 G, paid by each process's first detection); the
/// trie costs a few dozen instructions a pattern byte to build (5.5 M there) and the search about
/// thirteen a byte of text where no pattern opens. The walk from a place reads at most the longest pattern's bytes. A set with an empty
/// pattern (which matches at every place) is searched by the automaton, as before.
#[derive(Debug, Default)]
pub struct OnePass {
    /// Every set's patterns in one list, until a search builds its trie.
    patterns: Vec<String>,
    trie: std::sync::OnceLock<PatternTrie>,
    /// The automaton, only where a pattern is empty.
    automaton: std::sync::OnceLock<Option<aho_corasick::AhoCorasick>>,
    /// Per pattern of the automaton: its set and its index there.
    owner: Vec<(usize, usize)>,
    sets: usize,
}

impl OnePass {
    pub fn new(sets: &[&[String]]) -> OnePass {
        let mut owner = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        for (k, set) in sets.iter().enumerate() {
            for (i, p) in set.iter().enumerate() {
                owner.push((k, i));
                patterns.push(p.clone());
            }
        }
        OnePass {
            patterns,
            owner,
            sets: sets.len(),
            ..OnePass::default()
        }
    }

    /// An overlapping automaton of the patterns, of `kind` where it can be built.
    fn build(&self, kind: aho_corasick::AhoCorasickKind) -> Option<aho_corasick::AhoCorasick> {
        if self.patterns.is_empty() {
            return None;
        }
        let build = |kind| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(aho_corasick::MatchKind::Standard)
                .kind(kind)
                .build(&self.patterns)
                .ok()
        };
        // A register too large for a DFA's state numbers still gets its search, a slower one.
        build(Some(kind)).or_else(|| build(None))
    }

    /// Each set's leftmost-longest matches in `text`, in order.
    pub fn find(&self, text: &str) -> Vec<Vec<Hit>> {
        if self.patterns.is_empty() {
            return vec![Vec::new(); self.sets];
        }
        if self.patterns.iter().any(String::is_empty) {
            return match self
                .automaton
                .get_or_init(|| self.build(aho_corasick::AhoCorasickKind::ContiguousNFA))
            {
                Some(ac) => self.find_by(ac, text),
                None => vec![Vec::new(); self.sets],
            };
        }
        let trie = self
            .trie
            .get_or_init(|| PatternTrie::new(self.patterns.iter().map(String::as_bytes)));
        self.find_in_trie(trie, text)
    }

    /// [`Self::find`] by the trie of the patterns, none of them empty: at each place, per set, the
    /// longest pattern that opens there (of equal ones the first), taken where the set's last match
    /// taken has ended.
    fn find_in_trie(&self, trie: &PatternTrie, text: &str) -> Vec<Vec<Hit>> {
        let mut found: Vec<Vec<Hit>> = vec![Vec::new(); self.sets];
        // Per set: where its last match taken ends, and the best match at the place asked.
        let mut ended = vec![0usize; self.sets];
        let mut best: Vec<Option<(usize, usize)>> = vec![None; self.sets];
        let bytes = text.as_bytes();
        let mut at = |start: usize| {
            let mut any = false;
            trie.walk(bytes, start, |end, id| {
                let Some(&(k, pattern)) = self.owner.get(id) else {
                    return;
                };
                if let Some(b) = best.get_mut(k) {
                    // Ends come in ascending order; at one end, the patterns in the order given.
                    if b.is_none_or(|(e, _)| end > e) {
                        *b = Some((end, pattern));
                        any = true;
                    }
                }
            });
            if !any {
                return;
            }
            for ((b, set), ended) in best.iter_mut().zip(&mut found).zip(&mut ended) {
                if let Some((end, pattern)) = b.take() {
                    if start >= *ended {
                        set.push(Hit {
                            start,
                            end,
                            pattern,
                        });
                        *ended = end;
                    }
                }
            }
        };
        for (start, four) in bytes.windows(4).enumerate() {
            if trie.may_open(u32::from_le_bytes([four[0], four[1], four[2], four[3]])) {
                at(start);
            }
        }
        // The last three places, where only a pattern shorter than four bytes fits: each asked.
        for start in bytes.len().saturating_sub(3)..bytes.len() {
            at(start);
        }
        found
    }

    /// [`Self::find`] by the overlapping automaton `ac` of the patterns: the reference the trie's
    /// walk is checked against, and the search where a pattern is empty.
    fn find_by(&self, ac: &aho_corasick::AhoCorasick, text: &str) -> Vec<Vec<Hit>> {
        let mut found: Vec<Vec<Hit>> = vec![Vec::new(); self.sets];
        for m in ac.find_overlapping_iter(text) {
            let Some(&(k, pattern)) = self.owner.get(m.pattern().as_usize()) else {
                continue;
            };
            if let Some(set) = found.get_mut(k) {
                set.push(Hit {
                    start: m.start(),
                    end: m.end(),
                    pattern,
                });
            }
        }
        for set in &mut found {
            // Leftmost first, the longest of those first (of equal patterns the first, as a
            // leftmost-longest automaton reports), then the next that starts at or after its end.
            set.sort_unstable_by_key(|h| (h.start, std::cmp::Reverse(h.end), h.pattern));
            let mut end = 0usize;
            set.retain(|h| {
                let take = h.start >= end;
                if take {
                    end = h.end;
                }
                take
            });
        }
        found
    }
}

/// A trie of byte strings (none empty), for [`OnePass`]: which of them open at a place of a text.
/// Where one may open is asked of a place's first four bytes ([`PatternTrie::may_open`]), so the
/// walk starts at few places: the pairs of bytes the strings open with, then the strings' first four
/// bytes hashed into a set of bits (a string shorter than four bytes by its first two).
#[derive(Debug)]
struct PatternTrie {
    /// The pairs of bytes some string opens with (first + second × 256, as a text's little-endian
    /// bytes read), as bits; a string of one byte opens every pair that starts with its byte.
    pairs: Box<[u64; 1024]>,
    /// The same for the strings shorter than four bytes alone.
    short_pairs: Box<[u64; 1024]>,
    /// The first four bytes of the strings of four bytes or more, hashed ([`quad_hash`]), as bits.
    quads: Box<[u64; 1024]>,
    /// The root's child per byte (0: none; node 0 is the root).
    root: Box<[u32; 256]>,
    /// Per node: its edges `edges[n[0]..n[1]]` and the strings that end there `ends[n[2]..n[3]]`.
    nodes: Vec<[u32; 4]>,
    /// The edges' bytes, sorted within a node, and the nodes they lead to.
    edge_bytes: Vec<u8>,
    edge_to: Vec<u32>,
    /// The strings' indexes, ascending within a node.
    ends: Vec<u32>,
}

/// A place's first four bytes (little-endian) hashed to one of 65,536 bits.
#[inline]
fn quad_hash(four: u32) -> usize {
    (four.wrapping_mul(0x9e37_79b1) >> 16) as usize
}

/// Sets bit `k` of a set of 65,536.
fn set_bit(bits: &mut [u64; 1024], k: usize) {
    bits[(k >> 6) & 1023] |= 1 << (k & 63);
}

/// Whether bit `k` of a set of 65,536 is set.
#[inline]
fn bit(bits: &[u64; 1024], k: usize) -> bool {
    bits[(k >> 6) & 1023] >> (k & 63) & 1 != 0
}

impl PatternTrie {
    fn new<'p>(strings: impl Iterator<Item = &'p [u8]>) -> PatternTrie {
        let mut pairs = Box::new([0u64; 1024]);
        let mut short_pairs = Box::new([0u64; 1024]);
        let mut quads = Box::new([0u64; 1024]);
        let mut root = Box::new([0u32; 256]);
        // Built with each node's edges and strings in a list of its own, then laid out flat.
        let mut kids: Vec<Vec<(u8, u32)>> = vec![Vec::new()];
        let mut here: Vec<Vec<u32>> = vec![Vec::new()];
        for (id, s) in strings.enumerate() {
            match *s {
                [b0, b1, b2, b3, ..] => {
                    set_bit(&mut pairs, usize::from(b0) | usize::from(b1) << 8);
                    set_bit(&mut quads, quad_hash(u32::from_le_bytes([b0, b1, b2, b3])));
                }
                [b0, b1, ..] => {
                    for bits in [&mut pairs, &mut short_pairs] {
                        set_bit(bits, usize::from(b0) | usize::from(b1) << 8);
                    }
                }
                [b0] => {
                    for second in 0..=255u8 {
                        for bits in [&mut pairs, &mut short_pairs] {
                            set_bit(bits, usize::from(b0) | usize::from(second) << 8);
                        }
                    }
                }
                [] => continue,
            }
            let mut node = 0usize;
            for (i, &b) in s.iter().enumerate() {
                let next = if i == 0 {
                    root[usize::from(b)]
                } else {
                    kids[node].iter().find(|e| e.0 == b).map_or(0, |e| e.1)
                };
                node = if next != 0 {
                    next as usize
                } else {
                    let n = kids.len();
                    kids.push(Vec::new());
                    here.push(Vec::new());
                    if i == 0 {
                        root[usize::from(b)] = n as u32;
                    }
                    kids[node].push((b, n as u32));
                    n
                };
            }
            here[node].push(id as u32);
        }
        let (mut nodes, mut edge_bytes, mut edge_to, mut ends) = (
            Vec::with_capacity(kids.len()),
            Vec::new(),
            Vec::new(),
            Vec::new(),
        );
        for (mut k, h) in kids.into_iter().zip(here) {
            k.sort_unstable();
            let (e0, m0) = (edge_bytes.len() as u32, ends.len() as u32);
            edge_bytes.extend(k.iter().map(|e| e.0));
            edge_to.extend(k.iter().map(|e| e.1));
            ends.extend(h);
            nodes.push([e0, edge_bytes.len() as u32, m0, ends.len() as u32]);
        }
        PatternTrie {
            pairs,
            short_pairs,
            quads,
            root,
            nodes,
            edge_bytes,
            edge_to,
            ends,
        }
    }

    /// Whether a string may open at a place whose first four bytes are `four` (little-endian): never
    /// false where one opens there.
    #[inline]
    fn may_open(&self, four: u32) -> bool {
        let pair = (four & 0xffff) as usize;
        bit(&self.pairs, pair)
            && (bit(&self.quads, quad_hash(four)) || bit(&self.short_pairs, pair))
    }

    /// Each string that `bytes[start..]` opens with, as `(end, index)`: by ascending end, and at one
    /// end by ascending index.
    fn walk(&self, bytes: &[u8], start: usize, mut hit: impl FnMut(usize, usize)) {
        let Some(&b0) = bytes.get(start) else {
            return;
        };
        let mut node = self.root[usize::from(b0)] as usize;
        let mut end = start + 1;
        while node != 0 {
            let Some(&[e0, e1, m0, m1]) = self.nodes.get(node) else {
                return;
            };
            if m0 < m1 {
                for &id in self.ends.get(m0 as usize..m1 as usize).unwrap_or_default() {
                    hit(end, id as usize);
                }
            }
            let Some(&b) = bytes.get(end) else {
                return;
            };
            let (e0, e1) = (e0 as usize, e1 as usize);
            let edges = self.edge_bytes.get(e0..e1).unwrap_or_default();
            // Most nodes have one edge or a few.
            let i = if edges.len() <= 8 {
                edges.iter().position(|&e| e == b)
            } else {
                edges.binary_search(&b).ok()
            };
            node = match i {
                Some(i) => self.edge_to.get(e0 + i).map_or(0, |&n| n as usize),
                None => 0,
            };
            end += 1;
        }
    }
}

/// Where [`AnchoredStarts`] asks its patterns' first two bytes, eight bytes at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Lanes {
    /// At ASCII capitals and bytes above ASCII (a person's name opens with one): a word of eight bytes
    /// with neither is passed over at once (the bit trick of `repair::next_capital`). Where a pattern
    /// opens with another byte, or has fewer than two, every byte is asked.
    Capitals,
    /// Only after a byte that is no ASCII letter or digit, or at the text's start: for searches whose
    /// matches count only where no letter or digit stands right before them. (Not exact for
    /// `find_iter`: a match after a letter is never asked, so it hides nothing.)
    AfterNoAsciiAlphanumeric,
}

/// Matches of a leftmost-longest automaton built with anchored starts, by anchored searches only where
/// a pattern's first two bytes stand. With [`Lanes::Capitals`] they are the matches of an unanchored
/// `find_iter` of the same patterns and kind: the leftmost-longest match is the longest one that starts
/// at the first place where any starts, so asking each such place in turn, from the end of the last
/// match, finds the same matches. Over the dense bench a whole-text DFA read every byte at about 18
/// instructions; here most bytes are passed over in one or two.
pub(crate) struct AnchoredStarts<'a> {
    /// Built with `MatchKind::LeftmostLongest` and anchored starts.
    ac: &'a aho_corasick::AhoCorasick,
    /// The patterns' first bytes.
    first: [bool; 256],
    /// Their first two bytes, as a bit set of 65,536 (first byte × 256 + second).
    pairs: Vec<u64>,
    /// Whether a pattern has fewer than two bytes: then every place is asked.
    every_place: bool,
    lanes: Lanes,
}

impl<'a> AnchoredStarts<'a> {
    pub(crate) fn new<'p>(
        ac: &'a aho_corasick::AhoCorasick,
        patterns: impl IntoIterator<Item = &'p str>,
        mut lanes: Lanes,
    ) -> Self {
        let mut first = [false; 256];
        let mut pairs = vec![0u64; 1024];
        let mut every_place = false;
        let mut capitals = true;
        for p in patterns {
            match p.as_bytes() {
                [b0, b1, ..] => {
                    first[usize::from(*b0)] = true;
                    let k = usize::from(*b0) << 8 | usize::from(*b1);
                    pairs[k / 64] |= 1 << (k % 64);
                    capitals &= *b0 >= 0x80 || b0.is_ascii_uppercase();
                }
                _ => every_place = true,
            }
        }
        if lanes == Lanes::Capitals && !capitals {
            every_place = true;
        }
        if every_place {
            lanes = Lanes::Capitals;
        }
        AnchoredStarts {
            ac,
            first,
            pairs,
            every_place,
            lanes,
        }
    }

    /// Whether a pattern may start at `k`.
    fn opens(&self, bytes: &[u8], k: usize) -> bool {
        if self.every_place {
            return true;
        }
        let b0 = usize::from(bytes[k]);
        self.first[b0]
            && bytes.get(k + 1).is_some_and(|&b1| {
                let p = b0 << 8 | usize::from(b1);
                self.pairs[p / 64] & (1 << (p % 64)) != 0
            })
    }

    /// The first place at or after `i` where a pattern may start.
    fn next_start(&self, bytes: &[u8], mut i: usize) -> Option<usize> {
        const ONES: u64 = 0x0101_0101_0101_0101;
        const HIGH: u64 = 0x8080_8080_8080_8080;
        // The high bit of each byte of `w` between `lo` and `hi`, both exclusive, below 0x80.
        let between = |w: u64, lo: u64, hi: u64| {
            let low = w & !HIGH;
            (ONES * (127 + hi) - low) & !w & (low + ONES * (127 - lo)) & HIGH
        };
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0x80; 8]));
            let mut lanes = if self.every_place {
                HIGH
            } else if self.lanes == Lanes::Capitals {
                between(w, 0x40, 0x5b) | (w & HIGH)
            } else {
                // The byte before each: the word shifted up a byte, with the one before the chunk
                // (a space at the text's start).
                let before = i.checked_sub(1).map_or(b' ', |p| bytes[p]);
                let prev = w << 8 | u64::from(before);
                let alphanumeric = between(prev, 0x2f, 0x3a)
                    | between(prev, 0x40, 0x5b)
                    | between(prev, 0x60, 0x7b);
                !alphanumeric & HIGH
            };
            while lanes != 0 {
                let k = i + lanes.trailing_zeros() as usize / 8;
                if self.opens(bytes, k) {
                    return Some(k);
                }
                lanes &= lanes - 1;
            }
            i += 8;
        }
        (i..bytes.len()).find(|&k| {
            (self.every_place
                || self.lanes == Lanes::Capitals
                || k.checked_sub(1)
                    .is_none_or(|p| !bytes[p].is_ascii_alphanumeric()))
                && self.opens(bytes, k)
        })
    }

    /// The longest match at each place asked, from the end of the last match on (see [`Lanes`]).
    pub(crate) fn find_iter(&self, text: &str) -> Vec<aho_corasick::Match> {
        self.matches(text, true)
    }

    /// The longest match at every place asked, each place asked whatever matched before it.
    pub(crate) fn longest_at_each(&self, text: &str) -> Vec<aho_corasick::Match> {
        self.matches(text, false)
    }

    fn matches(&self, text: &str, apart: bool) -> Vec<aho_corasick::Match> {
        use aho_corasick::{Anchored, Input};
        let bytes = text.as_bytes();
        let mut found = Vec::new();
        let mut i = 0;
        while let Some(at) = self.next_start(bytes, i) {
            let input = Input::new(text)
                .span(at..text.len())
                .anchored(Anchored::Yes);
            match self.ac.try_find(input).ok().flatten() {
                Some(m) if m.end() > at => {
                    i = if apart { m.end() } else { at + 1 };
                    found.push(m);
                }
                _ => i = at + 1,
            }
        }
        found
    }
}

/// Whether `c` may be part of a word (a name, a street, a cue word).
pub fn is_word_char(c: char) -> bool {
    // Latin-1 letters (æ, ø, å, ä, ö, é …) without the Unicode table lookup: they are most of the
    // non-ASCII letters in Nordic minutes.
    match c {
        'a'..='z' | 'A'..='Z' => true,
        '\u{C0}'..='\u{FF}' => c != '\u{D7}' && c != '\u{F7}',
        _ if c.is_ascii() => false,
        _ => c.is_alphabetic(),
    }
}

/// Writes the lower-case, NFC form of `word` into `buf` (cleared first), dropping a line break and the
/// spaces around it inside a word that was hyphenated across lines ("Rosenborg-\nFriis").
pub fn fold_into(word: &str, buf: &mut String) {
    buf.clear();
    // Fast path: a plain ASCII word.
    if word
        .bytes()
        .all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'\'')
    {
        buf.push_str(word);
        buf.make_ascii_lowercase();
        return;
    }
    let mut combining = false;
    for c in word.chars() {
        if c == '\n' || c == '\r' || c == ' ' || c == '\u{a0}' {
            continue;
        }
        if ('\u{300}'..='\u{36f}').contains(&c) {
            combining = true;
        }
        if c == '’' {
            buf.push('\'');
            continue;
        }
        if c.is_ascii() {
            buf.push(c.to_ascii_lowercase());
        } else if ('\u{C0}'..='\u{FF}').contains(&c) {
            // Latin-1 without the Unicode table: À–Þ but × lower-case 32 code points on, the rest
            // (ß–ÿ, ×) are their own lower case.
            let lower = if c <= '\u{DE}' && c != '\u{D7}' {
                char::from_u32(u32::from(c) + 0x20).unwrap_or(c)
            } else {
                c
            };
            buf.push(lower);
        } else {
            buf.extend(c.to_lowercase());
        }
    }
    if combining {
        // Text from PDFs and macOS is often decomposed (NFD); the lists are composed.
        let composed: String = buf.nfc().collect();
        *buf = composed;
    }
}

/// The letters that end `s`, as a slice of it ("… til formand" → "formand"); empty where `s` ends in no
/// letter. The word a head ends with, read without collecting it backwards.
pub fn trailing_letters(s: &str) -> &str {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphabetic())
        .last()
        .map_or(s.len(), |(i, _)| i);
    &s[start..]
}

/// The previous word before byte `pos` (skipping spaces and the punctuation in `skip`), as a byte range.
pub fn word_before(text: &str, pos: usize, skip: &[char]) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let bytes = head.as_bytes();
    // Back over the spaces and `skip` to the word's last character: an ASCII byte read as it is,
    // any other char decoded.
    let mut k = bytes.len();
    let (mut j, e) = loop {
        let b = *bytes.get(k.checked_sub(1)?)?;
        if b < 0x80 {
            if b.is_ascii_alphabetic() {
                break (k - 1, k);
            } else if b == b' ' || skip.contains(&char::from(b)) {
                k -= 1;
                continue;
            }
            return None;
        }
        let c = head.get(..k)?.chars().next_back()?;
        let i = k - c.len_utf8();
        if is_word_char(c) {
            break (i, k);
        } else if c == '\u{a0}' || skip.contains(&c) {
            k = i;
            continue;
        }
        return None;
    };
    // Back over the word's letters: ASCII and Latin-1 ones (`0xC3` and one byte) byte by byte,
    // any other char decoded.
    while j > 0 {
        let b = bytes[j - 1];
        if b.is_ascii_alphabetic() {
            j -= 1;
        } else if b < 0x80 {
            break;
        } else if j >= 2
            && bytes[j - 2] == 0xC3
            && (0x80..=0xBF).contains(&b)
            && b != 0x97
            && b != 0xB7
        {
            j -= 2;
        } else {
            match head.get(..j).and_then(|h| h.chars().next_back()) {
                Some(c) if is_word_char(c) => j -= c.len_utf8(),
                _ => break,
            }
        }
    }
    Some((j, e))
}

/// [`word_before`] char by char: the reference its byte walk is tested against.
/// Whether the word at `start..end` is a town: right after a postcode ("6800 Førde", "DK-8000 Aarhus",
/// "224 66 Lund": four digits, or three and two, no other digit before) or before the word for its
/// municipality ("Førde kommune", "Lunds kommun").
pub fn town_in_address(text: &str, start: usize, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    let municipality = after
        .strip_prefix(' ')
        .map(|a| a.split(|c: char| !c.is_alphabetic()).next().unwrap_or(""))
        .is_some_and(|w| is_one_of(w, &["kommune", "kommunes", "kommun", "kommuns", "kommunen"]));
    if municipality {
        return true;
    }
    let Some(head) = text
        .get(..start)
        .and_then(|h| h.strip_suffix([' ', '\u{a0}']))
    else {
        return false;
    };
    let digits = |h: &str| h.len() - h.trim_end_matches(|c: char| c.is_ascii_digit()).len();
    // Not glued to a word or a number, nor after another group of digits ("41 22 6783").
    let alone = |h: &str| {
        !h.ends_with(|c: char| c.is_alphanumeric() || matches!(c, '.' | ',' | ':'))
            && !h.trim_end().ends_with(|c: char| c.is_ascii_digit())
    };
    let d = digits(head);
    if d == 4 {
        let rest = &head[..head.len() - 4];
        let rest = rest.strip_suffix('-').map_or(rest, |r| {
            r.trim_end_matches(|c: char| c.is_ascii_uppercase())
        });
        return alone(rest);
    }
    // The Swedish "224 66".
    if d == 2 {
        let h = &head[..head.len() - 2];
        if let Some(h) = h.strip_suffix(' ') {
            return digits(h) == 3 && alone(&h[..h.len() - 3]);
        }
    }
    false
}

#[cfg(test)]
fn word_before_chars(text: &str, pos: usize, skip: &[char]) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let mut end = None;
    for (i, c) in head.char_indices().rev() {
        match end {
            None => {
                if is_word_char(c) {
                    end = Some(i + c.len_utf8());
                } else if !(c == ' ' || c == '\u{a0}' || skip.contains(&c)) {
                    return None;
                }
            }
            Some(e) => {
                if !is_word_char(c) {
                    return Some((i + c.len_utf8(), e));
                }
            }
        }
    }
    end.map(|e| (0, e))
}

/// Case-insensitive comparison of a word with a lower-case cue. Upper- and lower-case forms of the
/// letters Nordic text uses have the same UTF-8 length, so a length mismatch settles most comparisons.
pub fn eq_fold(word: &str, lower: &str) -> bool {
    if word.len() != lower.len() {
        return false;
    }
    if word.is_ascii() {
        return word.eq_ignore_ascii_case(lower);
    }
    let mut a = word.chars().flat_map(char::to_lowercase);
    let mut b = lower.chars();
    loop {
        match (a.next(), b.next()) {
            (None, None) => return true,
            (Some(x), Some(y)) if x == y => {}
            _ => return false,
        }
    }
}

/// Whether `word` equals any of the lower-case `cues`, ignoring case. Short lists are compared directly;
/// for the longer ones the first byte rules out most cues before any comparison.
pub fn is_one_of(word: &str, cues: &[&str]) -> bool {
    let Some(&b0) = word.as_bytes().first() else {
        return false;
    };
    let b0 = b0.to_ascii_lowercase();
    cues.iter().any(|c| {
        c.len() == word.len()
            && c.as_bytes().first().is_some_and(|&f| f == b0 || f >= 0x80)
            && eq_fold(word, c)
    })
}

/// A set of lower-case cue words with a case-insensitive lookup that does not allocate for ASCII words.
#[derive(Debug)]
pub struct WordSet {
    words: std::collections::HashSet<&'static str, BuildHasherDefault<Fnv>>,
    /// The longest word in bytes: a longer word is answered without hashing.
    max_len: usize,
    /// The last two bytes of every word of two bytes or more, as a bit set: see
    /// [`WordSet::may_end`].
    tails: Box<[u64; 1024]>,
    /// The first two bytes of every word of two bytes or more, as a bit set: a word of two bytes or
    /// more that starts otherwise is not in the set (asked with the tails, before hashing).
    heads: Box<[u64; 1024]>,
}

impl WordSet {
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut tails = Box::new([0u64; 1024]);
        let mut heads = Box::new([0u64; 1024]);
        for w in words {
            if let (Some(t), Some(h)) = (tail(w), head(w.as_bytes())) {
                tails[t / 64] |= 1 << (t % 64);
                heads[h / 64] |= 1 << (h % 64);
            }
        }
        WordSet {
            words: words.iter().copied().collect(),
            max_len: words.iter().map(|w| w.len()).max().unwrap_or(0),
            tails,
            heads,
        }
    }

    /// Whether some word of the set of two bytes or more starts with the first two bytes of
    /// `folded` (which has two or more).
    fn may_start(&self, folded: &[u8]) -> bool {
        head(folded).is_some_and(|h| self.heads[h / 64] & (1 << (h % 64)) != 0)
    }

    /// Whether some word of the set of two bytes or more ends in the last two bytes of `folded`:
    /// when not, no suffix of `folded` is in the set, which the searches for a cue at the end of a
    /// compound ask first.
    pub fn may_end(&self, folded: &str) -> bool {
        tail(folded).is_some_and(|t| self.tails[t / 64] & (1 << (t % 64)) != 0)
    }

    /// The longest word of the set, in bytes.
    pub fn max_len(&self) -> usize {
        self.max_len
    }

    /// Lookup of a word that is already lower-case.
    pub fn contains(&self, folded: &str) -> bool {
        // The tails' bit set answers most words that are not in the set without hashing them.
        folded.len() <= self.max_len
            && (folded.len() < 2 || self.may_end(folded) && self.may_start(folded.as_bytes()))
            && self.words.contains(folded)
    }

    pub fn contains_fold(&self, word: &str) -> bool {
        if word.is_empty() || word.len() > 32 {
            return false;
        }
        let mut buf = [0u8; 32];
        let b = &mut buf[..word.len()];
        if fold_latin1(word.as_bytes(), b) {
            // Lower-casing ASCII and Latin-1 letters keeps a word's length; the length and the
            // tails' bit set answer most words that are not in the set before any hashing.
            if b.len() > self.max_len
                || (b.len() >= 2 && !(self.may_end_bytes(b) && self.may_start(b)))
            {
                return false;
            }
            return std::str::from_utf8(b).is_ok_and(|w| self.words.contains(w));
        }
        self.contains(word.to_lowercase().as_str())
    }

    /// [`WordSet::may_end`] of folded bytes.
    fn may_end_bytes(&self, folded: &[u8]) -> bool {
        match folded {
            [.., a, b] => {
                let t = usize::from(*a) << 8 | usize::from(*b);
                self.tails[t / 64] & (1 << (t % 64)) != 0
            }
            _ => false,
        }
    }
}

/// Lower-cases `word` into `out` (of the same length) byte by byte when it holds only ASCII and
/// Latin-1 characters (U+0080–U+00FF written `0xC2`/`0xC3` and one byte), as `to_lowercase` does:
/// À–Þ but × are 32 code points (one byte value) on; `false`, with `out` unspecified, for any other
/// character.
fn fold_latin1(word: &[u8], out: &mut [u8]) -> bool {
    let mut i = 0;
    while i < word.len() {
        let b = word[i];
        if b < 0x80 {
            out[i] = b.to_ascii_lowercase();
            i += 1;
            continue;
        }
        let Some(&n) = word.get(i + 1) else {
            return false;
        };
        if !matches!(b, 0xC2 | 0xC3) || !(0x80..=0xBF).contains(&n) {
            return false;
        }
        out[i] = b;
        out[i + 1] = if b == 0xC3 && n <= 0x9E && n != 0x97 {
            n + 0x20
        } else {
            n
        };
        i += 2;
    }
    true
}

/// The first two bytes of `word` as a number, if it has two.
fn head(word: &[u8]) -> Option<usize> {
    match word {
        [a, b, ..] => Some(usize::from(*a) << 8 | usize::from(*b)),
        _ => None,
    }
}

/// The last two bytes of `word` as a number, if it has two.
fn tail(word: &str) -> Option<usize> {
    match word.as_bytes() {
        [.., a, b] => Some(usize::from(*a) << 8 | usize::from(*b)),
        _ => None,
    }
}

/// Converts sorted byte offsets to character offsets in one pass; `points` must be ascending.
pub fn byte_to_char_offsets(text: &str, points: &[usize]) -> Vec<usize> {
    let mut out = Vec::with_capacity(points.len());
    let mut chars = 0usize;
    let mut last = 0usize;
    for &p in points {
        let p = p.min(text.len());
        if p >= last {
            chars += text.get(last..p).map_or(0, |s| s.chars().count());
            last = p;
        }
        out.push(chars);
    }
    out
}

/// Whether a capitalised word at `start` begins a sentence (or a line, a heading, a list item).
pub fn starts_sentence(text: &str, start: usize) -> bool {
    let Some(head) = text.get(..start) else {
        return true;
    };
    for (at, c) in head.char_indices().rev() {
        match c {
            ' ' | '\t' | '\u{a0}' | '"' | '«' | '“' | '(' | '[' | '–' | '-' | '•' | '*' => {
                continue
            }
            '.' | '!' | '?' | ':' | '\n' | ';' => return true,
            // "6 Elles har …", "3.2 Vidare …": the number of a note or a section at the start of a
            // line.
            c if c.is_ascii_digit() => {
                let line = head[..at].rsplit('\n').next().unwrap_or("");
                return line
                    .chars()
                    .all(|c| c.is_ascii_digit() || matches!(c, '.' | ' ' | '\t'));
            }
            _ => return false,
        }
    }
    true
}

/// Whether the word at `start` follows a list item's letter or number and a closing bracket at the
/// start of its line ("c) Motion från …", "(2) Forslag …").
pub fn starts_list_item(text: &str, start: usize) -> bool {
    let head = text
        .get(..start)
        .unwrap_or("")
        .trim_end_matches([' ', '\t']);
    let Some(head) = head.strip_suffix(')') else {
        return false;
    };
    let line = head.rsplit('\n').next().unwrap_or("").trim_start();
    let mark = line.strip_prefix('(').unwrap_or(line);
    !mark.is_empty()
        && mark.len() <= 3
        && (mark.bytes().all(|b| b.is_ascii_digit())
            || mark.bytes().all(|b| b.is_ascii_lowercase()))
}

/// Whether the word at `start` opens a numbered heading or list item: only a number stands before it on
/// its line, with a full stop, a bracket or a section sign ("4. Forslag", "§ 6 Vattenskada", "Sak 3
/// Val", "Sag 4 Fremleje", "c) Motion"), or a case's number with its year after the item's word ("Sak 31/25
/// Utleige").
pub fn opens_numbered_line(text: &str, start: usize) -> bool {
    if starts_list_item(text, start) {
        return true;
    }
    let head = text.get(..start).unwrap_or("");
    let line = head.rsplit('\n').next().unwrap_or(head);
    let mark = line.trim_matches([' ', '\t', '\r']);
    if line.len() == mark.len() || line.len() > 24 {
        // No gap between the number and the word, or a longer line.
        return false;
    }
    let mark = mark.strip_prefix('§').unwrap_or(mark).trim_start();
    let worded = ["sak ", "sag ", "punkt ", "ärende ", "pkt. "]
        .iter()
        .find_map(|p| {
            mark.get(..p.len())
                .filter(|h| h.to_lowercase() == **p)
                .map(|_| &mark[p.len()..])
        });
    let mark = worded.unwrap_or(mark);
    let number = mark.strip_suffix(['.', ')', ':']).unwrap_or(mark);
    let digits = |n: &str, most: usize| {
        (1..=most).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit())
    };
    // A case's number with its year after a slash ("Sak 31/25", "Sak 4/2026"), as boards number their
    // cases through the years; only after the item's word, where no date can stand.
    let numbered_case = worded.is_some()
        && number.split_once('/').is_some_and(|(n, year)| {
            digits(n, 3) && matches!(year.len(), 2 | 4) && digits(year, 4)
        });
    digits(number, 3) || numbered_case
}

/// The offset of the first ASCII digit in `bytes` at or after `from`. Digits are rare in minutes and
/// the number recognizers jump from one to the next: eight bytes are tested at once (a byte less 10
/// after `^ b'0'` borrows into a high bit that was clear), and only the eight that hold a digit are
/// read one by one.
pub fn next_digit(bytes: &[u8], from: usize) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    let mut i = from;
    while let Some(chunk) = bytes.get(i..i + 8) {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        let x = u64::from_le_bytes(word) ^ (0x30 * ONES);
        if x.wrapping_sub(10 * ONES) & !x & (0x80 * ONES) != 0 {
            break;
        }
        i += 8;
    }
    bytes
        .get(i..)?
        .iter()
        .position(u8::is_ascii_digit)
        .map(|p| i + p)
}

#[cfg(test)]
mod tests {
    /// Anchored patterns like the recognizers' own: Unicode classes, ASCII and Unicode word
    /// boundaries, case-insensitive alternations with letters beyond ASCII, groups.
    const ANCHORED: &[&str] = &[
        r"^(?:(?:s|'s)?(?:[ \t]+\p{Ll}+)?[ \t]+(?:i|på|fra)[ \t]+|,[ \t]+)((?i:\d{1,2}\.\s?(?:etasje|sal|våning)|første etasje|stuen)(?:[ \t]+i[ \t]+\p{Lu}[\p{L}'.-]*[ \t]\d{1,4}(?:[ \t]?[a-zA-Z](?-u:\b))?)?)",
        r"(?i)^(?: ?[A-Z](?:[^\p{L}\d]|$))?,? {0,2}(?:(?:st|kl|\d{1,2})\.? ?(?:tv|th)\b\.?|\d{1,2}\.? ?(?:sal|etage|våning)\b\.?|(?:bv|stuen|bottenvåningen)\b|(?:lgh|lejl)\.? ?[A-Z]?\d{1,4}\b)",
        r"^[A-Z]?, (?:\d{4}|\d{3} \d{2}) \p{Lu}[\p{L}-]+(?: (?:\p{Lu}[\p{L}-]*))?",
    ];

    /// Pieces of the haystacks: what the patterns read, in either case, and what breaks them.
    const AFTER: &[&str] = &[
        " ",
        "\t",
        ", ",
        ",",
        "s",
        "'s",
        " i ",
        " på ",
        " fra ",
        "2. ",
        "12.",
        "3",
        "etasje",
        "sal",
        "SAL",
        "våning",
        "VÅNING",
        "første etasje",
        "stuen",
        "Stuen",
        " Storvej 4",
        " a",
        "b",
        "th",
        "TH",
        "tv",
        ".",
        "kl",
        "st",
        "bv",
        "bottenvåningen",
        "BOTTENVÅNINGEN",
        "lgh",
        "lejl. ",
        "1102",
        "A",
        "ø",
        "æble",
        " Ærø",
        "8700 Horsens",
        "722 15 Västerås",
        "-",
        "\n",
        "é",
        "K",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]
        /// An anchored pattern compiled forward only ends and groups its match where the regex
        /// crate's does.
        #[test]
        fn an_anchored_pattern_matches_as_the_regex(
            which in 0..ANCHORED.len(),
            pieces in proptest::collection::vec(proptest::sample::select(AFTER), 0..12),
            tail in crate::redact::testgen::text(),
        ) {
            let hay = pieces.concat() + &tail;
            let re = regex::Regex::new(ANCHORED[which]).unwrap();
            let a = AnchoredPattern::new(ANCHORED[which]).unwrap();
            proptest::prop_assert_eq!(a.find_end(&hay), re.find(&hay).map(|m| m.end()), "{:?}", hay);
            for g in 0..re.captures_len() {
                proptest::prop_assert_eq!(
                    a.group(&hay, g),
                    re.captures(&hay).and_then(|c| c.get(g)).map(|m| (m.start(), m.end())),
                    "{:?} group {}", hay, g
                );
            }
        }
    }

    /// Regression (speed: the anchored patterns with Unicode classes were compiled in reverse too,
    /// two fifths of their compiling, never read): matches, groups and misses as the regex crate's on
    /// invented text, where the lazy DFA runs and where a Unicode word boundary before a letter beyond
    /// ASCII makes it give up.
    #[test]
    fn regression_an_anchored_pattern_compiled_forward_only_answers_as_the_regex() {
        for (which, hay) in [
            (0, " i 2. etasje i Storvej 4 b, der"),
            (0, "s hund på første etasje"),
            (0, " fra stuen"),
            (0, ", 3. sal."),
            (0, " i mødet"),
            (1, ", 2. th. Ærø"),
            (1, ", bottenvåningen"),
            (1, ", bottenvåningenø"),
            (1, " A, lejl. 12ø"),
            (1, ", kl. 19"),
            (2, ", 8700 Horsens"),
            (2, ", 722 15 Västerås Stad"),
            (2, " 8700 Horsens"),
        ] {
            let re = regex::Regex::new(ANCHORED[which]).unwrap();
            let a = AnchoredPattern::new(ANCHORED[which]).unwrap();
            assert_eq!(a.find_end(hay), re.find(hay).map(|m| m.end()), "{hay}");
            for g in 0..re.captures_len() {
                let want = re
                    .captures(hay)
                    .and_then(|c| c.get(g))
                    .map(|m| (m.start(), m.end()));
                assert_eq!(a.group(hay, g), want, "{hay} group {g}");
            }
        }
        assert_eq!(
            AnchoredPattern::new(ANCHORED[0])
                .unwrap()
                .group(" i 2. etasje i Storvej 4 b, der", 1),
            Some((3, 26))
        );
    }

    proptest::proptest! {
        /// The byte walk back over the spaces and skipped marks and over a word's letters finds the word
        /// the char-by-char walk finds (marks to skip in ASCII and beyond).
        #[test]
        fn word_before_reads_bytes_as_the_chars(text in "[aÅø×÷Z.,' \u{a0}ɐ–1\n-]{0,14}") {
            for pos in (0..=text.len()).filter(|&p| text.is_char_boundary(p)) {
                for skip in [&[][..], &['.', '/', ','][..], &['–', '\'', '×'][..]] {
                    proptest::prop_assert_eq!(
                        word_before(&text, pos, skip),
                        word_before_chars(&text, pos, skip),
                        "{:?} at {}", text, pos
                    );
                }
            }
        }
    }

    proptest::proptest! {
        /// The slice of a text's last letters is the word the char walk collected backwards and turned
        /// round, as the callers built it before (letters beyond ASCII, combining marks, none at all).
        #[test]
        fn trailing_letters_are_the_last_letters_collected(text in "[aÅø×Z.,' \u{a0}ß\u{301}1\n-]{0,12}") {
            let collected: String = text
                .chars()
                .rev()
                .take_while(|c| c.is_alphabetic())
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect();
            proptest::prop_assert_eq!(trailing_letters(&text), collected.as_str());
        }
    }

    #[test]
    fn trailing_letters_of_a_head() {
        assert_eq!(trailing_letters("Bilen til formand"), "formand");
        assert_eq!(trailing_letters("Sak 4. Ørjan"), "Ørjan");
        assert_eq!(trailing_letters("nr. 12"), "");
        assert_eq!(trailing_letters(""), "");
    }

    proptest::proptest! {
        /// Regression guard for the bit sets a set asks before hashing (the words' first and last
        /// two bytes): a word is found exactly when its lower-case form is one of the set's.
        #[test]
        fn a_set_finds_what_its_words_hold(
            words in proptest::collection::vec("[abøåÅ]{0,4}", 0..12),
            asked in "[aAbBøØåÅ\u{212A}ſ]{1,5}",
        ) {
            let words: Vec<&'static str> = words.into_iter().map(|w| &*w.leak()).collect();
            let set = WordSet::new(&words);
            let lower = asked.to_lowercase();
            proptest::prop_assert_eq!(set.contains_fold(&asked), words.contains(&lower.as_str()));
            proptest::prop_assert_eq!(set.contains(&lower), words.contains(&lower.as_str()));
        }
    }

    /// The Latin-1 characters are folded without the Unicode table exactly as `to_lowercase` folds
    /// them, and a set finds them as it finds the word folded that way.
    #[test]
    fn latin1_folds_as_unicode_does() {
        let mut buf = String::new();
        let set = WordSet::new(&["abæ", "øy", "à", "åse", "xµ"]);
        for c in '\u{80}'..='\u{FF}' {
            let word = format!("Ab{c}");
            let lower = word.to_lowercase();
            if c >= '\u{C0}' {
                fold_into(&word, &mut buf);
                assert_eq!(buf, lower, "{c:?}");
            }
            let mut out = [0u8; 8];
            let out = &mut out[..word.len()];
            assert!(fold_latin1(word.as_bytes(), out), "{c:?}");
            assert_eq!(out, lower.as_bytes(), "{c:?}");
        }
        for w in [
            "ABÆ",
            "Øy",
            "À",
            "ÅSE",
            "XΜ",
            "xµ",
            "Ab",
            "ÅSEN",
            "ØY\u{301}",
        ] {
            assert_eq!(
                set.contains_fold(w),
                set.contains(&w.to_lowercase()),
                "{w:?}"
            );
        }
    }
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The digit found eight bytes at a time is the one a byte-by-byte search finds.
        #[test]
        fn next_digit_is_the_first_digit(
            bytes in prop::collection::vec(prop_oneof![4 => any::<u8>(), 1 => b'0'..=b'9', 1 => Just(b'/'), 1 => Just(b':')], 0..40),
            from in 0usize..48,
        ) {
            let naive = bytes.get(from..).and_then(|b| b.iter().position(u8::is_ascii_digit)).map(|p| from + p);
            prop_assert_eq!(next_digit(&bytes, from), naive);
        }
    }

    /// Regression (issue 14, a sentence-initial word before a name on news text): a word after an
    /// opening bracket or after a note's number at the start of a line was read as inside a sentence,
    /// so its capital counted as a name's.
    #[test]
    fn a_bracket_or_a_numbered_line_starts_a_sentence() {
        let t = "[Ok, her kjem meir.";
        assert!(starts_sentence(t, 1));
        let t = "Slik var det.\n6 Elles har rådet gjort mykje.\n3.2 Vidare kjem planen.";
        assert!(starts_sentence(t, t.find("Elles").unwrap_or(0)));
        assert!(starts_sentence(t, t.find("Vidare").unwrap_or(0)));
        let t = "Dei møttest i 2010 Hansen og Berg.";
        assert!(!starts_sentence(t, t.find("Hansen").unwrap_or(0)));
    }

    /// The capitalised word after a list item's letter or number and a closing bracket at the start of
    /// a line ("c) Motion från …") opens the item; a bracket after a word or a name is no list item.
    /// Invented lines.
    #[test]
    fn a_list_items_mark_opens_the_item() {
        let t = "§ 9 Motioner\na) Motion från Eva Lund.\n  (b) Forslag fra styret.\n12) Indstilling om hegn.";
        for w in ["Motion från", "Forslag", "Indstilling"] {
            assert!(starts_list_item(t, t.find(w).unwrap_or(0)), "{w}");
        }
        let t = "Talte (kort) Hansen og Ole) Berg, (Per) Lund.";
        for w in ["Hansen", "Berg", "Lund"] {
            assert!(!starts_list_item(t, t.find(w).unwrap_or(0)), "{w}");
        }
    }

    /// The leftmost-longest matches of one set alone, as its own automaton finds them.
    fn alone(patterns: &[String], text: &str) -> Vec<Hit> {
        let Ok(ac) = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(patterns)
        else {
            return Vec::new();
        };
        ac.find_iter(text)
            .map(|m| Hit {
                start: m.start(),
                end: m.end(),
                pattern: m.pattern().as_usize(),
            })
            .collect()
    }

    /// Regression (issue 14's speed round): four patterns with Unicode word boundaries searched the
    /// whole text, the lazy DFA gave up at every letter beyond ASCII and the slow engine read every
    /// line: detection ten times slower, and no test failed. The guard: every whole-text pattern is
    /// compiled here through [`whole_text_regex`] (or, for the relations' first words, checked
    /// beside it), whose check refuses one that needs the slow engine.
    #[test]
    fn whole_text_patterns_stay_in_the_fast_engine() {
        assert!(!lazy_dfa_runs(r"(?i)\bnaboen\b"));
        assert!(!lazy_dfa_runs(r"\b{start}hans"));
        assert!(lazy_dfa_runs(r"(?i)(?-u:\b)naboen(?-u:\b)"));
        // Every form the whole-text patterns look for, so each is compiled: floors at addresses and
        // at someone's home, floor and side, Swedish stairs, an entrance with its floor, a street with its floor alone,
        // flats by their relation to someone.
        let text = "Naboen over klaget. Hun bor i 3. etasje i Lyngveien 6, Storegade 7, 2. th. og \
                    Storgatan 4, 2 tr. t.h.\n4B, 1. etasje er tom. Storegade 9, 1.\nKælderlejligheden \
                    står tom; grannen under, hans plass. Taket i andre etasje hos Lund.";
        let found = super::super::Detector::new(None).detect(text);
        assert!(!found.is_empty());
        assert!(lazy_dfa_runs(&super::super::relations::starts_source()));
    }

    proptest::proptest! {
        /// One pass over three sets finds, for each, what a leftmost-longest search of that set
        /// alone finds: overlapping and nested patterns, patterns shared between sets, repeats.
        #[test]
        fn one_pass_finds_what_each_search_alone_finds(
            sets in proptest::collection::vec(
                proptest::collection::vec("[abø ]{1,5}", 0..6), 3),
            text in "[abøc ]{0,60}",
        ) {
            let refs: Vec<&[String]> = sets.iter().map(Vec::as_slice).collect();
            let one = OnePass::new(&refs);
            let found = one.find(&text);
            for (k, set) in sets.iter().enumerate() {
                let want = if set.is_empty() { Vec::new() } else { alone(set, &text) };
                proptest::prop_assert_eq!(&found[k], &want, "set {} {:?}", k, set);
            }
            // Every kind of overlapping automaton, the reference, finds the same.
            for kind in [AhoCorasickKind::DFA, AhoCorasickKind::ContiguousNFA, AhoCorasickKind::NoncontiguousNFA] {
                if let Some(ac) = one.build(kind) {
                    proptest::prop_assert_eq!(&one.find_by(&ac, &text), &found, "{:?}", kind);
                }
            }
        }

        /// The trie's walk from the places where a pattern's first two bytes stand finds what the
        /// overlapping automaton finds: patterns of one byte, repeated in a set and across sets,
        /// sharing their heads, nested, with bytes beyond ASCII, at the text's start and end.
        #[test]
        fn the_tries_walk_finds_what_the_overlapping_automaton_finds(
            sets in proptest::collection::vec(
                proptest::collection::vec("[abø1 ]{1,4}|[abø ]{4,7}|[Aa]?bø|ø|1", 0..8), 1..4),
            text in "[abøø1c ]{0,80}",
        ) {
            let refs: Vec<&[String]> = sets.iter().map(Vec::as_slice).collect();
            let one = OnePass::new(&refs);
            let found = one.find(&text);
            proptest::prop_assert!(one.automaton.get().is_none());
            if let Some(ac) = one.build(AhoCorasickKind::NoncontiguousNFA) {
                proptest::prop_assert_eq!(one.find_by(&ac, &text), found);
            } else {
                proptest::prop_assert!(found.iter().all(Vec::is_empty));
            }
        }
    }

    use aho_corasick::AhoCorasickKind;

    /// Regression (class: the register's search read by a trie from where its patterns open): the
    /// search built no automaton (a DFA cost 0.069 G on the dense bench's first detection and read
    /// each byte in about 20 instructions); it walks a trie of the patterns from each place whose
    /// first two bytes open one, and finds per set the leftmost-longest matches, inside words too;
    /// only a set with an empty pattern is searched by the automaton.
    #[test]
    fn regression_the_register_search_walks_a_trie_from_where_patterns_open() {
        let names: Vec<String> = [
            "Kari Nesset",
            "Ingrid Lund",
            "kari nesset",
            "Lund",
            "Lundsgade",
        ]
        .map(String::from)
        .to_vec();
        let phones: Vec<String> = vec!["41 22 33 44".into(), "22 33".into()];
        let one = OnePass::new(&[&names, &phones]);
        assert!(one.trie.get().is_none());
        let text = "Kari Nesset og Ingrid Lund (41 22 33 44); kari nesset, Lundsgaden 2233.";
        let found = one.find(text);
        assert!(one.trie.get().is_some() && one.automaton.get().is_none());
        let spans = |k: usize| -> Vec<(&str, usize)> {
            found[k]
                .iter()
                .map(|h| (&text[h.start..h.end], h.pattern))
                .collect()
        };
        assert_eq!(
            spans(0),
            [
                ("Kari Nesset", 0),
                ("Ingrid Lund", 1),
                ("kari nesset", 2),
                ("Lundsgade", 4)
            ]
        );
        assert_eq!(spans(1), [("41 22 33 44", 0)]);
        // Where a pattern may open: its first four bytes, or the first two of one shorter, or the
        // byte of one of one byte.
        let trie = PatternTrie::new(["abcd", "xy", "c"].iter().map(|s| s.as_bytes()));
        let four = |s: &[u8; 4]| trie.may_open(u32::from_le_bytes(*s));
        assert!(four(b"abcd") && four(b"xyzz") && four(b"cxyz") && four(&[b'c', 0xc3, 0xa5, b' ']));
        assert!(!four(b"abce") || bit(&trie.quads, quad_hash(u32::from_le_bytes(*b"abce"))));
        assert!(!four(b"bcda") && !four(b"yxzz") && !four(b"accd"));
        // An empty pattern matches at every place: the automaton searches that set.
        let empty: Vec<String> = vec![String::new(), "Lund".into()];
        let with_empty = OnePass::new(&[&empty]);
        let found = with_empty.find("Lund");
        assert!(with_empty.automaton.get().is_some());
        assert_eq!(found[0].first().map(|h| (h.start, h.end)), Some((0, 4)));
    }
}
