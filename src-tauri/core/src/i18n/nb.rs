//! The Norwegian (bokmål) texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "Til",
        from: "Fra",
        date: "Dato",
        address: "Adresse",
    },
    plates_order: PlatesOrder {
        door: "dør",
        mailbox: "postkasse",
        title: "Bestilling av navneskilt",
        plates_counted: "skilt",
        board_of: "Styret i",
        request:
            "Vennligst lag og monter disse navneskiltene. Gi styret beskjed når de er montert, \
            eller hvis noe er uklart.",
        text_on_plate: "Tekst på skiltet",
        plates: "Skilt",
        order: "Ordre",
        discard_note:
            "Bestillingen inneholder bare det som skal stå på skiltene. Kast den når skiltene er \
            montert.",
    },
};
