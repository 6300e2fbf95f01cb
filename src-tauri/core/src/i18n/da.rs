//! The Danish texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
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
        title: "Bestilling af navneskilte",
        plates_counted: "skilte",
        board_of: "Bestyrelsen for",
        request:
            "Lav og opsæt venligst disse navneskilte. Skriv til bestyrelsen, når de er sat op, \
            eller hvis noget er uklart.",
        text_on_plate: "Tekst på skiltet",
        plates: "Skilte",
        order: "Ordre",
        discard_note:
            "Bestillingen indeholder kun det, der skal stå på skiltene. Smid den ud, når skiltene \
            er sat op.",
    },
};
