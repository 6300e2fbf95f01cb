//! The English texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "To",
        from: "From",
        date: "Date",
        address: "Address",
    },
    plates_order: PlatesOrder {
        door: "door",
        mailbox: "mailbox",
        title: "Name-plate order",
        plates_counted: "plates",
        board_of: "The board of",
        request:
            "Please make and mount these name plates, and tell the board when they are up or if \
            anything is unclear.",
        text_on_plate: "Text on the plate",
        plates: "Plates",
        order: "Order",
        discard_note:
            "This order holds only what goes on the plates. Please discard it once they are up.",
    },
};
