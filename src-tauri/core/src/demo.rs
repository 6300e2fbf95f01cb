//! The demo archive: a fictional Danish association to try Andel with. Every name and number in
//! it is invented. It grows as each area of the app lands.

use std::path::Path;

use chrono::{DateTime, Utc};

use crate::association::{self, AssociationChanges, Country};
use crate::vault::{Encryption, SecretString, Vault};

/// The demo archive's passphrase, shown on the start screen and printed by `andel demo`.
pub const DEMO_PASSPHRASE: &str = "demo-andel-2026";

/// The demo association's name.
pub const DEMO_NAME: &str = "A/B Kastanjegården";

/// Writes the demo archive at `path` (which must not exist).
pub fn create(
    path: &Path,
    scrypt_work_factor: Option<u8>,
    now: DateTime<Utc>,
) -> Result<Vault, crate::vault::Error> {
    let encryption = Encryption::Passphrase {
        passphrase: SecretString::from(DEMO_PASSPHRASE.to_string()),
        work_factor: scrypt_work_factor,
    };
    let mut vault = Vault::create(path, DEMO_NAME, Country::DK, encryption, "Demo", now)?;
    association::update(
        vault.conn(),
        &AssociationChanges {
            org_number: Some("29 87 65 43".into()),
            address: Some("Kastanjevej 2-40, 8000 Aarhus C".into()),
            email: Some("bestyrelsen@kastanjegaarden.example".into()),
            ..Default::default()
        },
        "Demo",
        now,
    )?;
    vault.save(now)?;
    Ok(vault)
}
