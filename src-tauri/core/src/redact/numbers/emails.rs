//! E-mail addresses, found from each `@`, also when written apart ("navn[at]domene.no", "x (at) y.no").

use crate::redact::policy::Raw;
use crate::redact::{Kind, Recognizer};

/// E-mail addresses, found from each `@`.
pub fn scan_emails(text: &str, out: &mut Vec<Raw>) {
    for at in memchr::memchr_iter(b'@', text.as_bytes()) {
        if let Some((s, e)) = email_around(text, at, at + 1) {
            out.push(Raw::redact(
                s,
                e,
                Kind::Email,
                Recognizer::Email,
                0.97,
                "an e-mail address",
            ));
        }
    }
    // "ragna[at]online.no", "post (at) foreningen.dk", "kari(snabel-a)mail.se": an address written
    // so that harvesters miss it is an address all the same.
    let bytes = text.as_bytes();
    let mut found: Vec<(usize, usize)> = Vec::new();
    for marker in [
        "at)",
        "at]",
        "AT)",
        "AT]",
        "snabel-a)",
        "snabel-a]",
        "krøllalfa)",
        "krøllalfa]",
    ] {
        for m in memchr::memmem::find_iter(bytes, marker.as_bytes()) {
            let Some(open) = m.checked_sub(1) else {
                continue;
            };
            let close = marker.as_bytes()[marker.len() - 1];
            let wanted = if close == b')' { b'(' } else { b'[' };
            if bytes[open] != wanted {
                continue;
            }
            let local_end = if open > 0 && bytes[open - 1] == b' ' {
                open - 1
            } else {
                open
            };
            let after = m + marker.len();
            let domain_start = if bytes.get(after) == Some(&b' ') {
                after + 1
            } else {
                after
            };
            if let Some(span) = email_around(text, local_end, domain_start) {
                found.push(span);
            }
        }
    }
    for (s, e) in found {
        out.push(Raw::redact(
            s,
            e,
            Kind::Email,
            Recognizer::Email,
            0.9,
            "an e-mail address written apart",
        ));
    }
}

/// The e-mail address whose local part ends at `local_end` and whose domain starts at `domain_start`
/// (around an "@" or a written-out "(at)"): its span, when both parts are there and the domain ends in
/// a top-level domain of letters.
fn email_around(text: &str, local_end: usize, domain_start: usize) -> Option<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut s = local_end;
    while s > 0 {
        let b = bytes[s - 1];
        if b.is_ascii_alphanumeric() || matches!(b, b'.' | b'_' | b'%' | b'+' | b'-') || b >= 0x80 {
            s -= 1;
        } else {
            break;
        }
    }
    while s < local_end && !text.is_char_boundary(s) {
        s += 1;
    }
    // Non-ASCII letters may belong to the local part, but not punctuation like "«".
    while s < local_end
        && text
            .get(s..local_end)
            .and_then(|t| t.chars().next())
            .is_some_and(|c| !c.is_alphanumeric() && c.len_utf8() > 1)
    {
        s += text
            .get(s..local_end)
            .and_then(|t| t.chars().next())
            .map_or(1, char::len_utf8);
    }
    let mut e = domain_start;
    while e < bytes.len() && (bytes[e].is_ascii_alphanumeric() || matches!(bytes[e], b'.' | b'-')) {
        e += 1;
    }
    while e > domain_start && matches!(bytes[e - 1], b'.' | b'-') {
        e -= 1;
    }
    let domain = text.get(domain_start..e).unwrap_or("");
    let tld_ok = domain
        .rsplit('.')
        .next()
        .is_some_and(|t| t.len() >= 2 && t.bytes().all(|b| b.is_ascii_alphabetic()))
        && domain.contains('.');
    (s < local_end && tld_ok).then_some((s, e))
}
