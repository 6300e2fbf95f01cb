//! The Swedish texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "Till",
        from: "Från",
        date: "Datum",
        address: "Adress",
        roles: "Uppdrag",
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
    handover: Handover {
        title: "Kvitto på överlämning av arkivet",
        not_recorded: "(inte registrerat)",
        summary: "Den avgående styrelsen har lämnat över föreningens arkiv till den nya styrelsen. Arkivet är skrivet till en ny fil med ett nytt lösenord; det gamla lösenordet öppnar inte den nya filen.",
        members_keys: "styrelseledamöters nycklar",
        new_passphrase: "nytt lösenord",
        yes: "ja",
        association: "Förening",
        outgoing_board: "Avgående styrelse",
        incoming_board: "Ny styrelse",
        new_file: "Ny fil",
        protection: "Skydd",
        opened_and_checked: "Öppnad och kontrollerad",
        fingerprint_note: "Filens fingeravtryck. Kontrollera det med sha256sum (Linux), shasum -a 256 (macOS) eller Get-FileHash (Windows).",
        contents: "Innehåll",
        units: "Lägenheter",
        people: "Personer",
        ownerships: "Innehav",
        name_plate_orders: "Namnskyltar",
        organisations: "Organisationer",
        requests: "Begäranden från boende",
        audit_entries: "Loggposter",
        kind: "Typ",
        count: "Antal",
        checklist: "Checklista",
        sweep_nothing_due: "Gallring enligt gallringsreglerna är gjord: inget behöver gallras.",
        sweep_deleted: "De {n} poster som skulle gallras vid överlämningen är gallrade.",
        passwords_changed: "Lösenorden till styrelsens e-post och digitala arkiv är bytta.",
        outgoing_members_have_deleted: "De avgående ledamöterna har raderat sina kopior av arkivet och av det gamla lösenordet.",
        agreements_reviewed: "Personuppgiftsbiträdesavtalen (förvaltare, fastighetsskötare, digitalt arkiv, nyhetsbrev) är genomgångna.",
        passphrase_in_person: "Det nya lösenordet är lämnat personligen till den nya styrelsen, inte via e-post.",
        signatures: "Underskrifter",
        for_outgoing_board: "För den avgående styrelsen",
        for_incoming_board: "För den nya styrelsen",
    },
    requests: Requests {
        access: "tillgång",
        rectification: "rättelse",
        erasure: "radering",
        restriction: "begränsning av behandling",
        objection: "invändning",
        portability: "dataportabilitet",
        open: "öppen",
        answered: "besvarad",
        refused: "avslagen",
        withdrawn: "återkallad",
        erased_person: "Raderad person",
    },
};
