//! Several owners in one cell of a resident list or one name field ("Sanne og Kenneth Rosendahl",
//! "Karin Lund och Per Ek", "A Aa, B Bb og C Cc"): one routine, used by the import when it reads the
//! administrator's list and by the redaction when it compiles the register's names, so the two always
//! agree on who the people are.

/// The words that join two owners in one cell (a lone "/" included: "Ann Berg / Bo Berg").
const JOINERS: [&str; 7] = ["og", "och", "and", "&", "+", "og/eller", "/"];

/// The people named in one cell: "X og Y", "X och Y", "X & Y", "X and Y", "X / Y", "X, Y og Z". A first
/// name alone before the joiner borrows the last name after it: "Jostein og Marit Pedersen" is
/// Jostein Pedersen and Marit Pedersen. Without a joiner a comma does not separate people: "Hansen,
/// Jens" is one person written surname first (see [`given_first`]).
pub fn split(cell: &str) -> Vec<String> {
    let words: Vec<&str> = cell.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let joiner = |w: &str| JOINERS.contains(&w.to_lowercase().as_str());
    let has_joiner = words.iter().any(|w| joiner(w));
    let mut parts: Vec<Vec<String>> = vec![Vec::new()];
    for w in words {
        if joiner(w) {
            parts.push(Vec::new());
            continue;
        }
        // Commas separate people only in a list that also has a joiner ("A, B og C").
        if has_joiner && w.ends_with(',') {
            let w = w.trim_end_matches(',');
            if let Some(last) = parts.last_mut() {
                if !w.is_empty() {
                    last.push(w.to_string());
                }
            }
            parts.push(Vec::new());
            continue;
        }
        if let Some(last) = parts.last_mut() {
            last.push(w.to_string());
        }
    }
    let parts: Vec<Vec<String>> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    let surname = parts
        .last()
        .filter(|p| p.len() >= 2)
        .and_then(|p| p.last().cloned());
    let count = parts.len();
    parts
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let mut name = p.join(" ");
            if p.len() == 1 && i + 1 < count {
                if let Some(s) = &surname {
                    name = format!("{name} {s}");
                }
            }
            name
        })
        .collect()
}

/// A name written surname first ("Hansen, Jens Peter", as some administrators export it) in the
/// order minutes write it ("Jens Peter Hansen"); any other name unchanged.
pub fn given_first(name: &str) -> String {
    match name.split_once(',') {
        Some((family, given)) if !given.contains(',') && !given.trim().is_empty() => {
            format!("{} {}", given.trim(), family.trim())
        }
        _ => name.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn co_owners_in_one_cell() {
        assert_eq!(
            split("Sanne Rosendahl og Kenneth Rosendahl"),
            ["Sanne Rosendahl", "Kenneth Rosendahl"]
        );
        assert_eq!(
            split("Jostein og Marit Pedersen"),
            ["Jostein Pedersen", "Marit Pedersen"]
        );
        assert_eq!(split("Karin Lund och Per Ek"), ["Karin Lund", "Per Ek"]);
        assert_eq!(split("Ann Berg & Bo Berg"), ["Ann Berg", "Bo Berg"]);
        assert_eq!(split("Ann Berg and Bo Berg"), ["Ann Berg", "Bo Berg"]);
        assert_eq!(split("Ann Berg / Bo Berg"), ["Ann Berg", "Bo Berg"]);
        assert_eq!(split("Hansen, Jens"), ["Hansen, Jens"]);
        assert_eq!(split("A Aa, B Bb og C Cc"), ["A Aa", "B Bb", "C Cc"]);
        assert_eq!(split("Inga Sara Hætta"), ["Inga Sara Hætta"]);
        assert!(split("  ").is_empty());
    }

    #[test]
    fn surname_first() {
        assert_eq!(given_first("Hansen, Jens Peter"), "Jens Peter Hansen");
        assert_eq!(given_first("Jens Hansen"), "Jens Hansen");
        assert_eq!(given_first("Hansen,"), "Hansen,");
    }
}
