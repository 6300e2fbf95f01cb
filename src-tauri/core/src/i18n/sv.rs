//! The Swedish texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "Till",
        from: "Från",
        date: "Datum",
        address: "Adress",
    },
    plates_order: PlatesOrder {
        door: "dörr",
        mailbox: "brevlåda",
        title: "Beställning av namnskyltar",
        plates_counted: "skyltar",
        board_of: "Styrelsen för",
        request:
            "Vänligen tillverka och sätt upp dessa namnskyltar. Meddela styrelsen när de sitter \
            uppe, eller om något är oklart.",
        text_on_plate: "Text på skylten",
        plates: "Skyltar",
        order: "Order",
        discard_note:
            "Beställningen innehåller bara det som ska stå på skyltarna. Släng den när skyltarna \
            sitter uppe.",
    },
};
