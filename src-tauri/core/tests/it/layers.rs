//! No import loops in the core: its modules form layers, each using only those below it
//! (`docs/ARCHITECTURE.md`, "Layers"). A source scan builds the graph of `crate::…` and `super::…`
//! paths between the top-level modules of `src/`, and between the sibling modules inside every
//! module folder (`register/people.rs` → `register/units.rs`), and fails on any cycle, naming the
//! lines that make it. Tests (`#[cfg(test)]` items) and comments do not count: a test may reach
//! anything.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The code of a Rust source with comments and the contents of string and character literals
/// blanked (line breaks kept, so line numbers stay), and every `#[cfg(test)]` item removed.
fn code_of(src: &str) -> String {
    let chars: Vec<char> = src.chars().collect();
    let mut out = String::with_capacity(src.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    i += 2;
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    out.push(blank(chars[i]));
                    i += 1;
                }
            }
        } else if c == 'r'
            && matches!(next, Some('"') | Some('#'))
            && !chars[..i]
                .last()
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            out.push_str("\"\"");
            loop {
                match chars.get(j) {
                    None => break,
                    Some('"') if (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) => {
                        j += 1 + hashes;
                        break;
                    }
                    Some(&other) => {
                        out.push(blank(other));
                        j += 1;
                    }
                }
            }
            i = j;
        } else if c == '"' {
            out.push('"');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&x) = chars.get(i) {
                    out.push(blank(x));
                }
                i += 1;
            }
            out.push('"');
            i += 1;
        } else if c == '\'' {
            // A character literal ('a', '\n', '\'') or a lifetime ('a), which has no closing quote.
            if next == Some('\\') {
                let mut j = i + 2;
                while j < chars.len() && chars[j] != '\'' {
                    j += 1;
                }
                out.push_str("' '");
                i = j + 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                out.push_str("' '");
                i += 3;
            } else {
                out.push(c);
                i += 1;
            }
        } else {
            out.push(c);
            i += 1;
        }
    }
    without_test_items(&out)
}

/// `code` without the items marked `#[cfg(test)]` (a `mod tests { … }`, a `use …;`), line breaks
/// kept.
fn without_test_items(code: &str) -> String {
    let mut out = code.to_string();
    while let Some(at) = out.find("#[cfg(test)]") {
        let bytes = out.as_bytes();
        let mut i = at;
        while i < bytes.len() && bytes[i] != b'{' && bytes[i] != b';' {
            i += 1;
        }
        if bytes.get(i) == Some(&b'{') {
            let mut depth = 0;
            while i < bytes.len() {
                match bytes[i] {
                    b'{' => depth += 1,
                    b'}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        let end = (i + 1).min(out.len());
        let lines = "\n".repeat(out[at..end].matches('\n').count());
        out.replace_range(at..end, &lines);
    }
    out
}

/// The first name after each `prefix::` in `code` (each name of a `prefix::{a, b::c}` group), with
/// its line.
fn paths_after(code: &str, prefix: &str) -> Vec<(String, usize)> {
    let mut found = Vec::new();
    let needle = format!("{prefix}::");
    for (at, _) in code.match_indices(&needle) {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|b| b.is_alphanumeric() || b == '_' || b == '$') {
            continue;
        }
        let line = code[..at].matches('\n').count() + 1;
        let rest = &code[at + needle.len()..];
        if let Some(group) = rest.strip_prefix('{') {
            // The top-level names of the group: a name at depth 0, after `{` or `,`.
            let mut depth = 0;
            let mut item = String::new();
            let mut items = Vec::new();
            for ch in group.chars() {
                match ch {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                    _ => {}
                }
                if depth == 0 && ch != ',' {
                    item.push(ch);
                }
            }
            items.push(item);
            for it in items {
                let name = first_name(&it);
                if !name.is_empty() {
                    found.push((name, line));
                }
            }
        } else {
            let name = first_name(rest);
            if !name.is_empty() {
                found.push((name, line));
            }
        }
    }
    found
}

fn first_name(text: &str) -> String {
    text.trim_start()
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// The modules declared by files in `dir`: `x.rs` and `x/mod.rs` (not `mod.rs`, `lib.rs`).
fn modules_in(dir: &Path) -> BTreeSet<String> {
    let mut mods = BTreeSet::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        let folder = path.is_dir() && path.join("mod.rs").is_file();
        let file = path.extension().is_some_and(|e| e == "rs")
            && !matches!(name.as_str(), "mod" | "lib" | "main");
        if folder || file {
            mods.insert(name);
        }
    }
    mods
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// An edge of the graph: which module uses which, and where (file:line), for the message.
type Graph = BTreeMap<String, BTreeMap<String, Vec<String>>>;

/// The graph between the modules declared in `dir`, whose path in the crate is `crate_path`
/// (`crate`, `crate::register`): a module uses a sibling when any of its files names
/// `crate_path::sibling`, or its own file (`x.rs`, `x/mod.rs`) names `super::sibling`.
fn graph_of(src: &Path, dir: &Path, crate_path: &str) -> Graph {
    let mods = modules_in(dir);
    let mut graph: Graph = mods.iter().map(|m| (m.clone(), BTreeMap::new())).collect();
    for m in &mods {
        let mut files = Vec::new();
        let file = dir.join(format!("{m}.rs"));
        let folder = dir.join(m);
        if file.is_file() {
            files.push(file.clone());
        }
        if folder.is_dir() {
            rust_files(&folder, &mut files);
        }
        for f in files {
            let code = code_of(&std::fs::read_to_string(&f).unwrap());
            let mut names = paths_after(&code, crate_path);
            if crate_path != "crate" && (f == file || f == folder.join("mod.rs")) {
                names.extend(paths_after(&code, "super"));
            }
            for (name, line) in names {
                if &name != m && mods.contains(&name) {
                    let at = format!("{}:{line}", f.strip_prefix(src).unwrap().display());
                    graph.get_mut(m).unwrap().entry(name).or_default().push(at);
                }
            }
        }
    }
    graph
}

/// A cycle of `graph`, if it has one, as the modules in order (the first again at the end).
fn cycle(graph: &Graph) -> Option<Vec<String>> {
    fn visit(
        node: &str,
        graph: &Graph,
        state: &mut BTreeMap<String, u8>,
        stack: &mut Vec<String>,
    ) -> Option<Vec<String>> {
        state.insert(node.to_string(), 1);
        stack.push(node.to_string());
        for next in graph.get(node).into_iter().flat_map(|e| e.keys()) {
            match state.get(next.as_str()).copied().unwrap_or(0) {
                1 => {
                    let from = stack.iter().position(|n| n == next).unwrap();
                    let mut found = stack[from..].to_vec();
                    found.push(next.clone());
                    return Some(found);
                }
                0 => {
                    if let Some(found) = visit(next, graph, state, stack) {
                        return Some(found);
                    }
                }
                _ => {}
            }
        }
        stack.pop();
        state.insert(node.to_string(), 2);
        None
    }
    let mut state = BTreeMap::new();
    for node in graph.keys() {
        if state.get(node.as_str()).copied().unwrap_or(0) == 0 {
            let mut stack = Vec::new();
            if let Some(found) = visit(node, graph, &mut state, &mut stack) {
                return Some(found);
            }
        }
    }
    None
}

/// Every module folder under `dir` (the crate's `src` included), with its path in the crate.
fn folders(dir: &Path, crate_path: &str, out: &mut Vec<(PathBuf, String)>) {
    out.push((dir.to_path_buf(), crate_path.to_string()));
    for m in modules_in(dir) {
        let sub = dir.join(&m);
        if sub.is_dir() {
            folders(&sub, &format!("{crate_path}::{m}"), out);
        }
    }
}

fn describe(graph: &Graph, cycle: &[String]) -> String {
    cycle
        .windows(2)
        .map(|w| format!("{} → {} ({})", w[0], w[1], graph[&w[0]][&w[1]].join(", ")))
        .collect::<Vec<_>>()
        .join("; ")
}

#[test]
fn the_core_has_no_import_loops() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut all = Vec::new();
    folders(&src, "crate", &mut all);
    assert!(all.len() > 10, "the scan found the module folders");
    let mut loops = Vec::new();
    for (dir, crate_path) in &all {
        let graph = graph_of(&src, dir, crate_path);
        if let Some(found) = cycle(&graph) {
            loops.push(format!("{crate_path}: {}", describe(&graph, &found)));
        }
    }
    assert!(
        loops.is_empty(),
        "import loops (move the shared piece down or the use case up; docs/ARCHITECTURE.md, \"Layers\"):\n{}",
        loops.join("\n")
    );
}

/// The scan sees the uses that are there: the layers the architecture names.
#[test]
fn the_scan_finds_the_known_uses() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let top = graph_of(&src, &src, "crate");
    for (from, to) in [
        ("publish", "minutes"),
        ("minutes", "formats"),
        ("requests", "privacy"),
        ("privacy", "retention"),
        ("handover", "vault"),
    ] {
        assert!(top[from].contains_key(to), "{from} → {to} not found");
    }
    let register = graph_of(&src, &src.join("register"), "crate::register");
    assert!(register["pages"].contains_key("people"));
    assert!(register["sublets"].contains_key("people"));
}

#[test]
fn comments_strings_and_tests_do_not_count() {
    let code = code_of(
        "use crate::{a, b::{c, d}, self};\n\
         // crate::comment\n\
         let s = \"crate::string\"; let r = r#\"crate::raw\"#; let c = '\"'; fn f<'a>() {}\n\
         /* crate::block */ x = crate::e::f();\n\
         #[cfg(test)]\nmod tests { use crate::tested; }\n\
         #[cfg(test)]\nuse crate::only_in_tests;\n\
         $crate::macro_path; y = crate::g;",
    );
    let names: Vec<(String, usize)> = paths_after(&code, "crate");
    assert_eq!(
        names,
        [
            ("a".to_string(), 1),
            ("b".to_string(), 1),
            ("self".to_string(), 1),
            ("e".to_string(), 4),
            ("g".to_string(), 9),
        ]
    );
}

#[test]
fn a_loop_is_found_and_named() {
    let mut graph = Graph::new();
    for (from, to) in [("a", "b"), ("b", "c"), ("c", "a"), ("c", "d")] {
        graph
            .entry(from.to_string())
            .or_default()
            .insert(to.to_string(), vec![format!("{from}.rs:1")]);
    }
    graph.insert("d".to_string(), BTreeMap::new());
    let found = cycle(&graph).unwrap();
    assert_eq!(found, ["a", "b", "c", "a"]);
    assert_eq!(
        describe(&graph, &found),
        "a → b (a.rs:1); b → c (b.rs:1); c → a (c.rs:1)"
    );
    graph.get_mut("c").unwrap().remove("a");
    assert_eq!(cycle(&graph), None);
}
