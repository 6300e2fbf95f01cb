//! age encryption of an archive's bytes, and the mapping of age's failures to ours.
//!
//! The whole payload is read before anything is trusted: age reports damage to the payload
//! (a flipped bit, a cut-off tail) only while it is being read, chunk by chunk.

use std::io::{Read, Write};
use std::iter;

use age::secrecy::SecretString;
use age::{scrypt, x25519, DecryptError, Decryptor, Encryptor};

use super::{Damage, Error};

const AGE_MAGIC: &[u8] = b"age-encryption.org/v1\n";

/// How an archive is encrypted when it is saved.
#[derive(Clone)]
pub enum Encryption {
    /// One passphrase for the whole board (age's scrypt recipient).
    Passphrase {
        passphrase: SecretString,
        /// scrypt's log2(N); `None` lets age pick about one second of work on this machine.
        work_factor: Option<u8>,
    },
    /// One X25519 key per board member.
    Recipients(Vec<x25519::Recipient>),
}

impl std::fmt::Debug for Encryption {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Encryption::Passphrase { work_factor, .. } => f
                .debug_struct("Passphrase")
                .field("work_factor", work_factor)
                .finish_non_exhaustive(),
            Encryption::Recipients(r) => f.debug_tuple("Recipients").field(&r.len()).finish(),
        }
    }
}

impl Encryption {
    /// "passphrase" or "recipients", as `andel info --json` reports it.
    pub fn kind(&self) -> &'static str {
        match self {
            Encryption::Passphrase { .. } => "passphrase",
            Encryption::Recipients(_) => "recipients",
        }
    }
}

/// What unlocks an archive.
pub enum Unlock {
    Passphrase(SecretString),
    Identities(Vec<x25519::Identity>),
}

impl std::fmt::Debug for Unlock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Unlock::Passphrase(_) => f.write_str("Unlock::Passphrase(..)"),
            Unlock::Identities(ids) => write!(f, "Unlock::Identities({} keys)", ids.len()),
        }
    }
}

/// Reads the age identities (board members' secret keys) from identity files, as `age-keygen`
/// writes them.
pub fn read_identities(paths: &[&std::path::Path]) -> Result<Vec<x25519::Identity>, Error> {
    let mut all = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path).map_err(|e| Error::IdentityFile {
            path: path.to_path_buf(),
            source: e,
        })?;
        all.extend(parse_identities(&text)?);
    }
    Ok(all)
}

/// Reads X25519 identities from the text of an age identity file (comments and blank lines
/// are allowed, as `age-keygen` writes them).
pub fn parse_identities(text: &str) -> Result<Vec<x25519::Identity>, Error> {
    let mut ids = Vec::new();
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let id = line
            .parse::<x25519::Identity>()
            .map_err(|_| Error::BadIdentityFile)?;
        ids.push(id);
    }
    if ids.is_empty() {
        return Err(Error::BadIdentityFile);
    }
    Ok(ids)
}

/// Parses an age public key ("age1...").
pub fn parse_recipient(text: &str) -> Result<x25519::Recipient, Error> {
    text.trim()
        .parse::<x25519::Recipient>()
        .map_err(|_| Error::BadRecipient(text.trim().to_string()))
}

/// How an archive on disk is protected, read from its header without decrypting anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Protection {
    Passphrase,
    Recipients,
}

/// Reads an archive's header and tells whether it needs a passphrase or a key file.
pub fn probe(path: &std::path::Path) -> Result<Protection, Error> {
    let mut head = Vec::with_capacity(8192);
    let file = std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => Error::NotFound(path.to_path_buf()),
        _ => Error::Io {
            op: "read",
            path: path.to_path_buf(),
            source: e,
        },
    })?;
    file.take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| Error::Io {
            op: "read",
            path: path.to_path_buf(),
            source: e,
        })?;
    if !head.starts_with(AGE_MAGIC) {
        return Err(Error::NotAnArchive);
    }
    let decryptor =
        Decryptor::new_buffered(&head[..]).map_err(|e| Error::Damaged(Damage::Age(e)))?;
    Ok(if decryptor.is_scrypt() {
        Protection::Passphrase
    } else {
        Protection::Recipients
    })
}

/// Encrypts `plaintext` into `out` (a file being written, or a buffer in tests).
pub(crate) fn encrypt_to<W: Write>(
    plaintext: &[u8],
    encryption: &Encryption,
    out: W,
) -> std::io::Result<W> {
    let encryptor = match encryption {
        Encryption::Passphrase {
            passphrase,
            work_factor,
        } => {
            let mut recipient = scrypt::Recipient::new(passphrase.clone());
            if let Some(n) = work_factor {
                recipient.set_work_factor(*n);
            }
            Encryptor::with_recipients(iter::once(&recipient as &dyn age::Recipient))
        }
        Encryption::Recipients(recipients) => {
            Encryptor::with_recipients(recipients.iter().map(|r| r as &dyn age::Recipient))
        }
    }
    .map_err(std::io::Error::other)?;
    let mut writer = encryptor.wrap_output(out)?;
    writer.write_all(plaintext)?;
    writer.finish()
}

/// The length of the plaintext inside an age file, from the file's length and its first bytes
/// (which hold the whole header). `None` when the header is not there or the sizes do not fit.
///
/// age's payload is a 16-byte nonce followed by chunks of 64 KiB of plaintext, each with a
/// 16-byte tag; the last chunk may be shorter.
pub(crate) fn plaintext_len(file_len: u64, head: &[u8]) -> Option<u64> {
    const CHUNK: u64 = 64 * 1024;
    const TAG: u64 = 16;
    const NONCE: u64 = 16;
    let mac_line = head.windows(5).position(|w| w == b"\n--- ")?;
    let header_len = mac_line + 1 + head[mac_line + 1..].iter().position(|&b| b == b'\n')? + 1;
    let payload = file_len.checked_sub(header_len as u64 + NONCE)?;
    let chunks = payload.div_ceil(CHUNK + TAG).max(1);
    payload.checked_sub(chunks * TAG)
}

/// Parses the header of an age file and unwraps its key: the returned reader yields the
/// plaintext, checking each chunk's tag as it goes.
pub(crate) fn open_stream<R: std::io::BufRead>(
    input: R,
    starts_like_age: bool,
    unlock: &Unlock,
) -> Result<age::stream::StreamReader<R>, Error> {
    let decryptor = Decryptor::new_buffered(input).map_err(|e| {
        if starts_like_age {
            // An age header that does not parse: cut short or overwritten.
            Error::Damaged(Damage::Age(e))
        } else {
            Error::NotAnArchive
        }
    })?;
    match unlock {
        Unlock::Passphrase(passphrase) => {
            if !decryptor.is_scrypt() {
                return Err(Error::NeedsKey);
            }
            let identity = scrypt::Identity::new(passphrase.clone());
            decryptor
                .decrypt(iter::once(&identity as &dyn age::Identity))
                .map_err(|e| map_unwrap_error(e, Error::WrongPassphrase))
        }
        Unlock::Identities(ids) => {
            if decryptor.is_scrypt() {
                return Err(Error::NeedsPassphrase);
            }
            decryptor
                .decrypt(ids.iter().map(|i| i as &dyn age::Identity))
                .map_err(|e| map_unwrap_error(e, Error::WrongKey))
        }
    }
}

/// Whether bytes begin like an age v1 file.
pub(crate) fn looks_like_age(head: &[u8]) -> bool {
    head.starts_with(AGE_MAGIC)
}

fn map_unwrap_error(e: DecryptError, wrong: Error) -> Error {
    match e {
        DecryptError::DecryptionFailed | DecryptError::NoMatchingKeys => wrong,
        DecryptError::ExcessiveWork { .. } => Error::ExcessiveWork,
        other => Error::Damaged(Damage::Age(other)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use zeroize::Zeroizing;

    fn encrypt(plaintext: &[u8], encryption: &Encryption) -> Result<Vec<u8>, Error> {
        Ok(encrypt_to(plaintext, encryption, Vec::new()).expect("encrypting to a buffer"))
    }

    fn decrypt(ciphertext: &[u8], unlock: &Unlock) -> Result<Zeroizing<Vec<u8>>, Error> {
        let mut reader = open_stream(ciphertext, looks_like_age(ciphertext), unlock)?;
        let mut out = Zeroizing::new(Vec::new());
        reader
            .read_to_end(&mut out)
            .map_err(|e| Error::Damaged(Damage::Payload(e)))?;
        assert_eq!(
            plaintext_len(ciphertext.len() as u64, ciphertext),
            Some(out.len() as u64)
        );
        Ok(out)
    }

    #[test]
    fn plaintext_length_is_known_from_the_file_size() {
        let id = x25519::Identity::generate();
        let enc = Encryption::Recipients(vec![id.to_public()]);
        for len in [0usize, 1, 65_535, 65_536, 65_537, 3 * 65_536, 200_001] {
            let ct = encrypt(&vec![3u8; len], &enc).unwrap();
            assert_eq!(
                plaintext_len(ct.len() as u64, &ct),
                Some(len as u64),
                "{len}"
            );
        }
        assert_eq!(plaintext_len(100, b"no header here"), None);
    }

    fn pass(p: &str) -> SecretString {
        SecretString::from(p.to_string())
    }

    #[test]
    fn passphrase_round_trip_and_wrong_passphrase() {
        let enc = Encryption::Passphrase {
            passphrase: pass("correct horse"),
            work_factor: Some(4),
        };
        let ct = encrypt(b"hello board", &enc).unwrap();
        let pt = decrypt(&ct, &Unlock::Passphrase(pass("correct horse"))).unwrap();
        assert_eq!(&pt[..], b"hello board");
        assert!(matches!(
            decrypt(&ct, &Unlock::Passphrase(pass("wrong"))),
            Err(Error::WrongPassphrase)
        ));
        let id = x25519::Identity::generate();
        assert!(matches!(
            decrypt(&ct, &Unlock::Identities(vec![id])),
            Err(Error::NeedsPassphrase)
        ));
    }

    #[test]
    fn recipients_round_trip_and_wrong_key() {
        let alice = x25519::Identity::generate();
        let bob = x25519::Identity::generate();
        let enc = Encryption::Recipients(vec![alice.to_public(), bob.to_public()]);
        let ct = encrypt(&[7u8; 200_000], &enc).unwrap();
        let pt = decrypt(&ct, &Unlock::Identities(vec![bob])).unwrap();
        assert_eq!(pt.len(), 200_000);
        let eve = x25519::Identity::generate();
        assert!(matches!(
            decrypt(&ct, &Unlock::Identities(vec![eve])),
            Err(Error::WrongKey)
        ));
        assert!(matches!(
            decrypt(&ct, &Unlock::Passphrase(pass("x"))),
            Err(Error::NeedsKey)
        ));
    }

    #[test]
    fn truncation_and_bit_flips_are_damage_not_wrong_key() {
        let alice = x25519::Identity::generate();
        let enc = Encryption::Recipients(vec![alice.to_public()]);
        let ct = encrypt(&[1u8; 150_000], &enc).unwrap();
        let unlock = Unlock::Identities(vec![alice]);
        let cut = &ct[..ct.len() - 1000];
        assert!(matches!(decrypt(cut, &unlock), Err(Error::Damaged(_))));
        let mut flipped = ct.clone();
        let at = flipped.len() / 2;
        flipped[at] ^= 0x40;
        assert!(matches!(decrypt(&flipped, &unlock), Err(Error::Damaged(_))));
        assert!(matches!(
            decrypt(&ct[..40], &unlock),
            Err(Error::Damaged(_))
        ));
        assert!(matches!(
            decrypt(b"just some text", &unlock),
            Err(Error::NotAnArchive)
        ));
    }

    #[test]
    fn identity_files_parse_like_age_keygen_writes_them() {
        let id = x25519::Identity::generate();
        use age::secrecy::ExposeSecret;
        let text = format!(
            "# created: 2026-01-01\n# public key: {}\n{}\n",
            id.to_public(),
            id.to_string().expose_secret()
        );
        assert_eq!(parse_identities(&text).unwrap().len(), 1);
        assert!(matches!(
            parse_identities("# nothing\n"),
            Err(Error::BadIdentityFile)
        ));
        assert!(parse_recipient("age1nonsense").is_err());
        assert!(parse_recipient(&id.to_public().to_string()).is_ok());
    }
}
