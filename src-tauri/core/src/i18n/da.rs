//! The Danish texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "Til",
        from: "Fra",
        date: "Dato",
        address: "Adresse",
        roles: "Hverv",
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
    handover: Handover {
        title: "Kvittering for overdragelse af arkivet",
        not_recorded: "(ikke registreret)",
        summary: "Den afgående bestyrelse har overdraget foreningens arkiv til den nye bestyrelse. Arkivet er skrevet til en ny fil med en ny adgangskode; den gamle adgangskode åbner ikke den nye fil.",
        members_keys: "bestyrelsesmedlemmers nøgler",
        new_passphrase: "ny adgangskode",
        yes: "ja",
        association: "Forening",
        outgoing_board: "Afgående bestyrelse",
        incoming_board: "Ny bestyrelse",
        new_file: "Ny fil",
        protection: "Beskyttelse",
        opened_and_checked: "Åbnet og kontrolleret",
        fingerprint_note: "Filens fingeraftryk. Kontrollér det med sha256sum (Linux), shasum -a 256 (macOS) eller Get-FileHash (Windows).",
        contents: "Indhold",
        units: "Andele/lejligheder",
        people: "Personer",
        ownerships: "Andele",
        name_plate_orders: "Navneskilte",
        organisations: "Organisationer",
        requests: "Anmodninger fra beboere",
        audit_entries: "Logposter",
        kind: "Type",
        count: "Antal",
        checklist: "Tjekliste",
        sweep_nothing_due: "Sletning efter opbevaringsreglerne er gennemført: intet har overskredet sin opbevaringsperiode.",
        sweep_deleted: "De {n} poster, hvis opbevaringsperiode var udløbet ved overdragelsen, er slettet.",
        passwords_changed: "Adgangskoderne til bestyrelsens e-mail og digitale arkiv er skiftet.",
        outgoing_members_have_deleted: "De afgående medlemmer har slettet deres kopier af arkivet og af den gamle adgangskode.",
        agreements_reviewed: "Databehandleraftalerne (administrator, vicevært, digitalt arkiv, nyhedsbrev) er gennemgået.",
        passphrase_in_person: "Den nye adgangskode er givet personligt til den nye bestyrelse, ikke pr. e-mail.",
        signatures: "Underskrifter",
        for_outgoing_board: "For den afgående bestyrelse",
        for_incoming_board: "For den nye bestyrelse",
    },
    requests: Requests {
        access: "indsigt",
        rectification: "berigtigelse",
        erasure: "sletning",
        restriction: "begrænsning af behandling",
        objection: "indsigelse",
        portability: "dataportabilitet",
        open: "åben",
        answered: "besvaret",
        refused: "afvist",
        withdrawn: "trukket tilbage",
        erased_person: "Slettet person",
    },
};
