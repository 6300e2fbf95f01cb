//! Column names: which of the register's fields a column of the administrator's list holds.
//!
//! Administrators name their columns in Danish, Norwegian, Swedish or English, with dots,
//! hyphens and abbreviations ("Andelsnr.", "Leil.nr", "Lgh nr", "LM-nr", "Postnr. og by",
//! "E-mail"). A header is normalised (lower case, punctuation to spaces) and looked up in the
//! table below; the board can override any column, and Andel remembers the override for the
//! association's next list.

use serde::{Deserialize, Serialize};

/// What a column of the resident list holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[cfg_attr(feature = "specta", derive(specta::Type))]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// Share number (andelsnr.); identifies the unit.
    Share,
    /// Flat number (Leil.nr, Lgh nr, LM-nr); identifies the unit when there is no share number.
    Flat,
    Address,
    PostcodeCity,
    /// Floor and side (Etage, Etasje, Våning).
    Floor,
    /// The owner's name; may hold two ("X og Y").
    Name,
    /// A co-owner's name.
    CoOwner,
    FirstName,
    LastName,
    Phone,
    Email,
    /// The day the owner moved in or took over.
    MovedIn,
    /// Whether the unit is sublet (shown, not imported: sublets need the board's decision).
    Sublet,
    /// A national identity number: never read.
    NationalId,
    /// A column to leave out.
    Ignore,
}

impl Field {
    pub const ALL: [Field; 15] = [
        Field::Share,
        Field::Flat,
        Field::Address,
        Field::PostcodeCity,
        Field::Floor,
        Field::Name,
        Field::CoOwner,
        Field::FirstName,
        Field::LastName,
        Field::Phone,
        Field::Email,
        Field::MovedIn,
        Field::Sublet,
        Field::NationalId,
        Field::Ignore,
    ];

    /// The name used in `--map COLUMN=field`, the stored mapping and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Share => "share",
            Field::Flat => "flat",
            Field::Address => "address",
            Field::PostcodeCity => "postcode_city",
            Field::Floor => "floor",
            Field::Name => "name",
            Field::CoOwner => "co_owner",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Phone => "phone",
            Field::Email => "email",
            Field::MovedIn => "moved_in",
            Field::Sublet => "sublet",
            Field::NationalId => "national_id",
            Field::Ignore => "ignore",
        }
    }

    /// Reads a field name as people type it in `--map` ("unit", "co-owner", "skip" ...).
    pub fn parse(text: &str) -> Option<Field> {
        let t = text.trim().to_lowercase().replace(['-', ' '], "_");
        if let Some(f) = Field::ALL.into_iter().find(|f| f.as_str() == t) {
            return Some(f);
        }
        Some(match t.as_str() {
            "unit" | "share_number" | "andelsnr" => Field::Share,
            "flat_number" | "apartment" => Field::Flat,
            "postcode" | "city" | "zip" => Field::PostcodeCity,
            "floor_side" | "side" => Field::Floor,
            "owner" | "owners" | "navn" | "namn" => Field::Name,
            "coowner" | "co_owners" => Field::CoOwner,
            "mobile" | "telephone" | "tel" => Field::Phone,
            "e_mail" | "mail" => Field::Email,
            "from" | "movedin" | "moved" | "since" => Field::MovedIn,
            "skip" | "none" | "" => Field::Ignore,
            _ => return None,
        })
    }
}

/// A header as compared: lower case, punctuation and runs of spaces turned into one space.
pub fn normalise(header: &str) -> String {
    let cleaned: String = header
        .trim_start_matches('\u{feff}')
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_lowercase().next().unwrap_or(c)
            } else {
                ' '
            }
        })
        .collect();
    super::super::tidy(&cleaned)
}

/// Known column names (normalised) and their fields.
const KNOWN: &[(&str, Field)] = &[
    // The unit's share number.
    ("andelsnr", Field::Share),
    ("andels nr", Field::Share),
    ("andelsnummer", Field::Share),
    ("andel nr", Field::Share),
    ("andelnr", Field::Share),
    ("andel", Field::Share),
    ("andelsbolig nr", Field::Share),
    ("share", Field::Share),
    ("share no", Field::Share),
    ("share number", Field::Share),
    ("unit", Field::Share),
    ("unit no", Field::Share),
    ("unit number", Field::Share),
    ("bostadsrätt nr", Field::Share),
    ("bostadsrättsnr", Field::Share),
    ("medlemsnr", Field::Share),
    ("nr", Field::Share),
    ("no", Field::Share),
    // The flat's number.
    ("leil nr", Field::Flat),
    ("leilnr", Field::Flat),
    ("leil", Field::Flat),
    ("leilighet", Field::Flat),
    ("leilighetsnr", Field::Flat),
    ("leilighetsnummer", Field::Flat),
    ("leilighet nr", Field::Flat),
    ("bolignr", Field::Flat),
    ("bolignummer", Field::Flat),
    ("bolig nr", Field::Flat),
    ("bruksenhetsnr", Field::Flat),
    ("lejl nr", Field::Flat),
    ("lejlnr", Field::Flat),
    ("lejlighed", Field::Flat),
    ("lejlighedsnr", Field::Flat),
    ("lejlighedsnummer", Field::Flat),
    ("lgh nr", Field::Flat),
    ("lghnr", Field::Flat),
    ("lgh", Field::Flat),
    ("lägenhet", Field::Flat),
    ("lägenhetsnr", Field::Flat),
    ("lägenhetsnummer", Field::Flat),
    ("lm nr", Field::Flat),
    ("lmnr", Field::Flat),
    ("flat", Field::Flat),
    ("flat no", Field::Flat),
    ("flat number", Field::Flat),
    ("apartment", Field::Flat),
    ("apartment no", Field::Flat),
    ("apt", Field::Flat),
    // Address.
    ("adresse", Field::Address),
    ("adress", Field::Address),
    ("address", Field::Address),
    ("gade", Field::Address),
    ("gadeadresse", Field::Address),
    ("gateadresse", Field::Address),
    ("gatuadress", Field::Address),
    ("street", Field::Address),
    ("street address", Field::Address),
    ("postadresse", Field::Address),
    ("postadress", Field::Address),
    // Postcode and town.
    ("postnr og by", Field::PostcodeCity),
    ("postnr by", Field::PostcodeCity),
    ("postnummer og by", Field::PostcodeCity),
    ("postnr", Field::PostcodeCity),
    ("postnummer", Field::PostcodeCity),
    ("postnr og sted", Field::PostcodeCity),
    ("postnr sted", Field::PostcodeCity),
    ("postnummer og sted", Field::PostcodeCity),
    ("poststed", Field::PostcodeCity),
    ("postort", Field::PostcodeCity),
    ("postnr ort", Field::PostcodeCity),
    ("postnummer och ort", Field::PostcodeCity),
    ("postnummer ort", Field::PostcodeCity),
    ("by", Field::PostcodeCity),
    ("sted", Field::PostcodeCity),
    ("ort", Field::PostcodeCity),
    ("postcode", Field::PostcodeCity),
    ("post code", Field::PostcodeCity),
    ("postcode and city", Field::PostcodeCity),
    ("zip", Field::PostcodeCity),
    ("city", Field::PostcodeCity),
    ("town", Field::PostcodeCity),
    // Floor and side.
    ("etage", Field::Floor),
    ("etage side", Field::Floor),
    ("etage og side", Field::Floor),
    ("etasje", Field::Floor),
    ("etg", Field::Floor),
    ("våning", Field::Floor),
    ("vaning", Field::Floor),
    ("plan", Field::Floor),
    ("floor", Field::Floor),
    ("floor side", Field::Floor),
    ("side", Field::Floor),
    // Owner's name.
    ("navn", Field::Name),
    ("namn", Field::Name),
    ("name", Field::Name),
    ("fulde navn", Field::Name),
    ("fullt navn", Field::Name),
    ("fullständigt namn", Field::Name),
    ("full name", Field::Name),
    ("andelshaver", Field::Name),
    ("andelshavere", Field::Name),
    ("andelshavers navn", Field::Name),
    ("andelseier", Field::Name),
    ("andelseiere", Field::Name),
    ("eier", Field::Name),
    ("eiere", Field::Name),
    ("eier 1", Field::Name),
    ("ejer", Field::Name),
    ("ejere", Field::Name),
    ("ejer 1", Field::Name),
    ("owner", Field::Name),
    ("owners", Field::Name),
    ("owner 1", Field::Name),
    ("bostadsrättshavare", Field::Name),
    ("innehavare", Field::Name),
    ("medlem", Field::Name),
    ("member", Field::Name),
    ("navn 1", Field::Name),
    ("name 1", Field::Name),
    ("namn 1", Field::Name),
    // Co-owner.
    ("medeier", Field::CoOwner),
    ("medejer", Field::CoOwner),
    ("medandelshaver", Field::CoOwner),
    ("medandelseier", Field::CoOwner),
    ("delägare", Field::CoOwner),
    ("medinnehavare", Field::CoOwner),
    ("co owner", Field::CoOwner),
    ("coowner", Field::CoOwner),
    ("joint owner", Field::CoOwner),
    ("eier 2", Field::CoOwner),
    ("ejer 2", Field::CoOwner),
    ("owner 2", Field::CoOwner),
    ("navn 2", Field::CoOwner),
    ("name 2", Field::CoOwner),
    ("namn 2", Field::CoOwner),
    ("andelshaver 2", Field::CoOwner),
    ("medlem 2", Field::CoOwner),
    // First and last name in separate columns.
    ("fornavn", Field::FirstName),
    ("förnamn", Field::FirstName),
    ("first name", Field::FirstName),
    ("firstname", Field::FirstName),
    ("given name", Field::FirstName),
    ("efternavn", Field::LastName),
    ("etternavn", Field::LastName),
    ("efternamn", Field::LastName),
    ("last name", Field::LastName),
    ("lastname", Field::LastName),
    ("surname", Field::LastName),
    // Phone.
    ("telefon", Field::Phone),
    ("telefonnr", Field::Phone),
    ("telefonnummer", Field::Phone),
    ("tlf", Field::Phone),
    ("tlf nr", Field::Phone),
    ("tlfnr", Field::Phone),
    ("tel", Field::Phone),
    ("mobil", Field::Phone),
    ("mobilnr", Field::Phone),
    ("mobilnummer", Field::Phone),
    ("mobiltelefon", Field::Phone),
    ("mobile", Field::Phone),
    ("mobile phone", Field::Phone),
    ("phone", Field::Phone),
    ("phone number", Field::Phone),
    ("telephone", Field::Phone),
    ("fastnet", Field::Phone),
    ("fastnettelefon", Field::Phone),
    ("fasttelefon", Field::Phone),
    ("hjemmetelefon", Field::Phone),
    ("hemtelefon", Field::Phone),
    // E-mail.
    ("e mail", Field::Email),
    ("email", Field::Email),
    ("e post", Field::Email),
    ("epost", Field::Email),
    ("e postadresse", Field::Email),
    ("e postadress", Field::Email),
    ("e mail adresse", Field::Email),
    ("e mailadresse", Field::Email),
    ("emailadresse", Field::Email),
    ("mail", Field::Email),
    ("mailadresse", Field::Email),
    ("email address", Field::Email),
    ("e mail address", Field::Email),
    // Moved in.
    ("indflyttet", Field::MovedIn),
    ("indflytning", Field::MovedIn),
    ("indflytningsdato", Field::MovedIn),
    ("indflyttningsdato", Field::MovedIn),
    ("overtaget", Field::MovedIn),
    ("overtagelsesdato", Field::MovedIn),
    ("overtatt", Field::MovedIn),
    ("overtakelse", Field::MovedIn),
    ("overtakelsesdato", Field::MovedIn),
    ("innflyttet", Field::MovedIn),
    ("innflytting", Field::MovedIn),
    ("innflyttingsdato", Field::MovedIn),
    ("tillträde", Field::MovedIn),
    ("tillträdesdag", Field::MovedIn),
    ("tillträdesdatum", Field::MovedIn),
    ("inflyttad", Field::MovedIn),
    ("inflyttning", Field::MovedIn),
    ("inflyttningsdatum", Field::MovedIn),
    ("moved in", Field::MovedIn),
    ("move in", Field::MovedIn),
    ("move in date", Field::MovedIn),
    ("moving in date", Field::MovedIn),
    ("owner since", Field::MovedIn),
    ("since", Field::MovedIn),
    // Sublet flag.
    ("fremlejet", Field::Sublet),
    ("fremleje", Field::Sublet),
    ("fremleid", Field::Sublet),
    ("fremleie", Field::Sublet),
    ("utleid", Field::Sublet),
    ("andrahandsuthyrd", Field::Sublet),
    ("andrahandsuthyrning", Field::Sublet),
    ("andra hand", Field::Sublet),
    ("uthyrd i andra hand", Field::Sublet),
    ("sublet", Field::Sublet),
    ("sublets", Field::Sublet),
    ("sublease", Field::Sublet),
    // National identity numbers: recognised only to be left out.
    ("cpr", Field::NationalId),
    ("cpr nr", Field::NationalId),
    ("cprnr", Field::NationalId),
    ("cpr nummer", Field::NationalId),
    ("personnummer", Field::NationalId),
    ("personnr", Field::NationalId),
    ("person nr", Field::NationalId),
    ("pnr", Field::NationalId),
    ("samordningsnummer", Field::NationalId),
    ("fødselsnummer", Field::NationalId),
    ("fødselsnr", Field::NationalId),
    ("fnr", Field::NationalId),
    ("personal number", Field::NationalId),
    ("personal id", Field::NationalId),
    ("national id", Field::NationalId),
    ("ssn", Field::NationalId),
    ("fødselsdato", Field::NationalId),
    ("födelsedatum", Field::NationalId),
    ("date of birth", Field::NationalId),
];

/// The field a column name stands for, if Andel knows it.
pub fn recognise(header: &str) -> Option<Field> {
    let n = normalise(header);
    if n.is_empty() {
        return None;
    }
    KNOWN
        .iter()
        .find(|(name, _)| *name == n)
        .map(|(_, f)| *f)
        .or_else(|| {
            // "CPR-nr." and "Personnummer (ÅÅMMDD-XXXX)" style headers: any word that names a
            // national ID makes the column one, so such a column is never read by accident.
            n.split(' ')
                .any(|w| {
                    matches!(
                        w,
                        "cpr" | "cprnr" | "personnummer" | "fødselsnummer" | "fnr" | "ssn"
                    )
                })
                .then_some(Field::NationalId)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_headers_are_recognised() {
        for (h, f) in [
            ("Andelsnr.", Field::Share),
            ("Leil.nr", Field::Flat),
            ("Lgh nr", Field::Flat),
            ("LM-nr", Field::Flat),
            ("Adresse", Field::Address),
            ("Adress", Field::Address),
            ("Postnr. og by", Field::PostcodeCity),
            ("Etage", Field::Floor),
            ("Etasje", Field::Floor),
            ("Våning", Field::Floor),
            ("Navn", Field::Name),
            ("Namn", Field::Name),
            ("Andelshaver", Field::Name),
            ("Eier", Field::Name),
            ("Medeier", Field::CoOwner),
            ("Telefon", Field::Phone),
            ("Mobil", Field::Phone),
            ("Fastnet", Field::Phone),
            ("E-mail", Field::Email),
            ("E-post", Field::Email),
            ("Indflyttet", Field::MovedIn),
            ("Indflytningsdato", Field::MovedIn),
            ("Overtatt", Field::MovedIn),
            ("Tillträde", Field::MovedIn),
            ("Fremlejet", Field::Sublet),
            ("\u{feff}Andelsnr", Field::Share),
            ("CPR-nr.", Field::NationalId),
        ] {
            assert_eq!(recognise(h), Some(f), "{h}");
        }
        assert_eq!(recognise("Bemærkning"), None);
    }

    #[test]
    fn field_names_parse() {
        for f in Field::ALL {
            assert_eq!(Field::parse(f.as_str()), Some(f));
        }
        assert_eq!(Field::parse("co-owner"), Some(Field::CoOwner));
        assert_eq!(Field::parse("banana"), None);
    }
}
