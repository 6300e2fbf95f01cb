//! How a text a board member typed is cleaned and compared: spacing tidied, blanks as nothing,
//! names compared without regard to case and spacing and only as whole words, and the loose
//! check that an e-mail field holds an e-mail address. Shared by the register, requests,
//! privacy and minutes, so that "the same name" means the same everywhere.

/// A trimmed text with runs of whitespace collapsed to one space.
pub(crate) fn tidy(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `None` for an empty or blank text, else the tidied text.
pub(crate) fn optional(text: Option<&str>) -> Option<String> {
    text.map(tidy).filter(|t| !t.is_empty())
}

/// The form of a name used to decide whether two spellings are the same person: case and
/// spacing do not matter.
pub(crate) fn name_key(name: &str) -> String {
    tidy(name).to_lowercase()
}

/// Does `text` hold `name` as whole words, in order (case and spacing do not matter)? "Ida Holm"
/// is in "Jens og Ida Holm" but not in "Frida Holm": a name is never found as a substring of
/// another.
pub(crate) fn holds_name(text: &str, name: &str) -> bool {
    let words = |t: &str| -> Vec<String> {
        t.split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let needle = words(name);
    let hay = words(text);
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle.as_slice())
}

/// Does `text` look like an e-mail address? Deliberately loose: the point is to catch a phone
/// number typed into the e-mail field, not to validate RFC 5322.
pub(crate) fn looks_like_email(text: &str) -> bool {
    match text.split_once('@') {
        Some((local, domain)) => {
            !local.is_empty()
                && domain.contains('.')
                && !domain.starts_with('.')
                && !domain.ends_with('.')
                && !text.contains(char::is_whitespace)
        }
        None => false,
    }
}
