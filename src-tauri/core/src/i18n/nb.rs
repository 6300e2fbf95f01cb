//! The Norwegian (bokmål) texts of Andel's documents. Every field of [`Texts`] must be filled here, so a
//! text added in one language and forgotten in another is a compile error.

use super::texts::*;

pub(super) static TEXTS: Texts = Texts {
    common: Common {
        to: "Til",
        from: "Fra",
        date: "Dato",
        address: "Adresse",
        roles: "Verv",
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
    handover: Handover {
        title: "Kvittering for overlevering av arkivet",
        not_recorded: "(ikke registrert)",
        summary: "Det avtroppende styret har overlevert lagets arkiv til det nye styret. Arkivet er skrevet til en ny fil med et nytt passord; det gamle passordet åpner ikke den nye filen.",
        members_keys: "styremedlemmers nøkler",
        new_passphrase: "nytt passord",
        yes: "ja",
        association: "Borettslag",
        outgoing_board: "Avtroppende styre",
        incoming_board: "Nytt styre",
        new_file: "Ny fil",
        protection: "Beskyttelse",
        opened_and_checked: "Åpnet og kontrollert",
        fingerprint_note: "Filens fingeravtrykk. Kontroller det med sha256sum (Linux), shasum -a 256 (macOS) eller Get-FileHash (Windows).",
        contents: "Innhold",
        units: "Andeler/leiligheter",
        people: "Personer",
        ownerships: "Andeler",
        name_plate_orders: "Navneskilt",
        organisations: "Organisasjoner",
        requests: "Henvendelser fra beboere",
        audit_entries: "Loggføringer",
        kind: "Type",
        count: "Antall",
        checklist: "Sjekkliste",
        sweep_nothing_due: "Sletting etter lagringsreglene er gjennomført: ingenting har passert lagringstiden.",
        sweep_deleted: "De {n} postene som hadde passert lagringstiden ved overleveringen, er slettet.",
        passwords_changed: "Passordene til styrets e-post og digitale arkiv er byttet.",
        outgoing_members_have_deleted: "De avtroppende medlemmene har slettet sine kopier av arkivet og av det gamle passordet.",
        agreements_reviewed: "Databehandleravtalene (forretningsfører, vaktmester, digitalt arkiv, nyhetsbrev) er gjennomgått.",
        passphrase_in_person: "Det nye passordet er gitt personlig til det nye styret, ikke på e-post.",
        signatures: "Underskrifter",
        for_outgoing_board: "For det avtroppende styret",
        for_incoming_board: "For det nye styret",
    },
    requests: Requests {
        access: "innsyn",
        rectification: "retting",
        erasure: "sletting",
        restriction: "begrensning av behandling",
        objection: "protest",
        portability: "dataportabilitet",
        open: "åpen",
        answered: "besvart",
        refused: "avslått",
        withdrawn: "trukket tilbake",
        erased_person: "Slettet person",
    },
};
