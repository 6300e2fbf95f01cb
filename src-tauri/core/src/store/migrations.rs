//! Schema migrations, oldest first. A migration is never edited once released: archives in the
//! field carry its result. Add a new one at the end instead; `user_version` counts them.

use rusqlite::{Connection, OptionalExtension};

use super::Error;

const MIGRATIONS: &[&str] = &[
    // 1: the association, who may decrypt the archive, and the audit trail.
    "CREATE TABLE association (
        id          INTEGER PRIMARY KEY CHECK (id = 1),
        name        TEXT NOT NULL,
        country     TEXT NOT NULL CHECK (country IN ('DK', 'NO', 'SE')),
        org_number  TEXT,
        address     TEXT,
        email       TEXT,
        created_at  TEXT NOT NULL
    );
    CREATE TABLE recipient (
        public_key  TEXT PRIMARY KEY,
        label       TEXT
    );
    CREATE TABLE audit (
        id          INTEGER PRIMARY KEY,
        at          TEXT NOT NULL,
        actor       TEXT NOT NULL,
        action      TEXT NOT NULL,
        subject     TEXT
    );",
    // 2: per-archive settings (auto-lock, document language) and a faster audit view.
    "CREATE TABLE setting (
        key         TEXT PRIMARY KEY,
        value       TEXT NOT NULL
    );
    CREATE INDEX audit_by_time ON audit (at);
    ALTER TABLE association ADD COLUMN language TEXT;",
    // 3: the register: units, people, ownership history, sublets, name-plate orders, roles and
    // organisations. Dates are ISO `YYYY-MM-DD` texts, so they sort and compare as dates.
    "CREATE TABLE unit (
        id              INTEGER PRIMARY KEY,
        number          TEXT NOT NULL UNIQUE COLLATE NOCASE,
        flat            TEXT,
        address         TEXT,
        postcode_city   TEXT,
        floor_side      TEXT,
        created_at      TEXT NOT NULL
    );
    CREATE TABLE person (
        id              INTEGER PRIMARY KEY,
        name            TEXT NOT NULL,
        phone           TEXT,
        email           TEXT,
        note            TEXT,
        created_at      TEXT NOT NULL
    );
    CREATE TABLE ownership (
        id              INTEGER PRIMARY KEY,
        unit_id         INTEGER NOT NULL REFERENCES unit (id),
        person_id       INTEGER NOT NULL REFERENCES person (id),
        from_date       TEXT,
        to_date         TEXT,
        CHECK (from_date IS NULL OR to_date IS NULL OR to_date >= from_date)
    );
    CREATE INDEX ownership_by_unit ON ownership (unit_id);
    CREATE INDEX ownership_by_person ON ownership (person_id);
    CREATE TABLE organisation (
        id                  INTEGER PRIMARY KEY,
        name                TEXT NOT NULL,
        kind                TEXT NOT NULL CHECK (kind IN ('administrator', 'caretaker', 'cloud',
                                'newsletter', 'bank', 'auditor', 'other')),
        contact             TEXT,
        email               TEXT,
        phone               TEXT,
        dpa_signed_on       TEXT,
        dpa_reference       TEXT,
        third_country       TEXT,
        transfer_safeguard  TEXT,
        created_at          TEXT NOT NULL
    );
    CREATE TABLE sublet (
        id              INTEGER PRIMARY KEY,
        unit_id         INTEGER NOT NULL REFERENCES unit (id),
        owner_id        INTEGER REFERENCES person (id),
        subtenant_id    INTEGER NOT NULL REFERENCES person (id),
        requested_on    TEXT NOT NULL,
        reason          TEXT,
        from_date       TEXT NOT NULL,
        to_date         TEXT NOT NULL,
        decision        TEXT CHECK (decision IN ('approved', 'rejected')),
        decided_on      TEXT,
        decided_by      INTEGER REFERENCES person (id),
        ended_on        TEXT,
        CHECK (to_date >= from_date)
    );
    CREATE INDEX sublet_by_unit ON sublet (unit_id);
    CREATE TABLE name_plate_order (
        id              INTEGER PRIMARY KEY,
        unit_id         INTEGER NOT NULL REFERENCES unit (id),
        lines           TEXT NOT NULL,
        kinds           TEXT NOT NULL,
        cause           TEXT,
        created_on      TEXT NOT NULL,
        sent_on         TEXT,
        sent_to         INTEGER REFERENCES organisation (id),
        mounted_on      TEXT
    );
    CREATE TABLE role (
        id              INTEGER PRIMARY KEY,
        person_id       INTEGER NOT NULL REFERENCES person (id),
        kind            TEXT NOT NULL CHECK (kind IN ('chair', 'vice-chair', 'treasurer',
                            'secretary', 'board-member', 'alternate', 'meeting-chair',
                            'minute-taker', 'auditor', 'nomination-committee', 'webmaster')),
        from_date       TEXT,
        to_date         TEXT
    );
    CREATE INDEX role_by_person ON role (person_id);",
    // 4: the minutes archive: each document with its original file, the extracted text, a
    // full-text index (FTS5, kept in step by triggers) and the webmaster's redaction decisions
    // per finding, so a re-run of the redaction keeps them. Offsets count characters of `text`.
    "CREATE TABLE document (
        id              INTEGER PRIMARY KEY,
        title           TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        format          TEXT NOT NULL CHECK (format IN ('txt', 'md', 'docx', 'pdf')),
        kind            TEXT NOT NULL CHECK (kind IN ('ordinary', 'extraordinary', 'board')),
        meeting_date    TEXT NOT NULL,
        original        BLOB NOT NULL,
        sha256          TEXT NOT NULL,
        text            TEXT NOT NULL,
        imported_at     TEXT NOT NULL
    );
    CREATE INDEX document_by_date ON document (meeting_date);
    CREATE INDEX document_by_sha256 ON document (sha256);
    CREATE VIRTUAL TABLE document_fts USING fts5 (
        title, text, content = 'document', content_rowid = 'id',
        tokenize = 'unicode61 remove_diacritics 0'
    );
    CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
        INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
        INSERT INTO document_fts (document_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
        INSERT INTO document_fts (document_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE redaction_decision (
        id              INTEGER PRIMARY KEY,
        document_id     INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
        start_char      INTEGER NOT NULL,
        end_char        INTEGER NOT NULL,
        text            TEXT NOT NULL,
        kind            TEXT NOT NULL,
        decision        TEXT NOT NULL CHECK (decision IN ('redact', 'keep')),
        all_occurrences INTEGER NOT NULL DEFAULT 0,
        decided_at      TEXT NOT NULL,
        decided_by      TEXT NOT NULL,
        CHECK (end_char >= start_char)
    );
    CREATE INDEX redaction_decision_by_document ON redaction_decision (document_id);",
    // 5: the Art. 30 record: the association's processing activities, and the editions of the
    // privacy notice that were issued. A default activity carries its `key` and leaves a text
    // field NULL to mean "the built-in text, in the document's language"; a board's own wording
    // replaces it. Recipients are organisation kinds, so the notice follows the register.
    "CREATE TABLE processing_activity (
        id                  INTEGER PRIMARY KEY,
        key                 TEXT UNIQUE,
        position            INTEGER NOT NULL,
        name                TEXT,
        purpose             TEXT,
        legal_basis         TEXT NOT NULL CHECK (legal_basis IN ('consent', 'contract',
                                'legal-obligation', 'legitimate-interest')),
        legitimate_interest TEXT,
        data_categories     TEXT,
        subject_categories  TEXT,
        recipient_kinds     TEXT NOT NULL DEFAULT '',
        other_recipients    TEXT,
        retention           TEXT,
        source              TEXT,
        active              INTEGER NOT NULL DEFAULT 1,
        updated_at          TEXT NOT NULL
    );
    CREATE TABLE notice_edition (
        id              INTEGER PRIMARY KEY,
        language        TEXT NOT NULL,
        version         INTEGER NOT NULL,
        effective_on    TEXT NOT NULL,
        content_sha256  TEXT NOT NULL,
        created_at      TEXT NOT NULL,
        UNIQUE (language, version)
    );",
    // 6: residents' requests under Art. 15-21 with their deadlines, retention rules the board
    // changed from the country's defaults, and the mark left on a person who was erased.
    "CREATE TABLE request (
        id                  INTEGER PRIMARY KEY,
        kind                TEXT NOT NULL CHECK (kind IN ('access', 'rectification', 'erasure',
                                'restriction', 'objection', 'portability')),
        received_on         TEXT NOT NULL,
        channel             TEXT,
        person_id           INTEGER REFERENCES person (id),
        requester_name      TEXT NOT NULL,
        identity_check      TEXT,
        identity_checked_on TEXT,
        due_on              TEXT NOT NULL,
        extended_to         TEXT,
        extension_reason    TEXT,
        extended_on         TEXT,
        status              TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'answered',
                                'refused', 'withdrawn')),
        closed_on           TEXT,
        note                TEXT,
        created_at          TEXT NOT NULL,
        CHECK (extended_to IS NULL OR (extension_reason IS NOT NULL AND extended_on IS NOT NULL)),
        CHECK (closed_on IS NULL OR status <> 'open')
    );
    CREATE INDEX request_by_due ON request (due_on);
    CREATE INDEX request_by_person ON request (person_id);
    CREATE TABLE retention_rule (
        kind        TEXT PRIMARY KEY,
        months      INTEGER CHECK (months IS NULL OR months >= 0),
        updated_at  TEXT NOT NULL
    );
    ALTER TABLE person ADD COLUMN erased_on TEXT;",
    // 7: identity. Earlier imports took one name for one person, so two residents with the same
    // name may have become one record that owns both units (with one of their phone numbers).
    // Nothing is merged or split here, as only the board knows who is who: a person who owns or
    // owned more than one unit is marked for the board to check on their page (split them with
    // `register::split`, or confirm they are one person). The mark is a reason code, no personal
    // data, and no other row changes.
    "ALTER TABLE person ADD COLUMN identity_review TEXT;
    UPDATE person SET identity_review = 'several-units'
     WHERE id IN (SELECT person_id FROM ownership GROUP BY person_id
                  HAVING count(DISTINCT unit_id) > 1);",
    // 8: scanned minutes: the document table rebuilt (SQLite cannot change a CHECK in place) to
    // take the image formats png, jpeg and tiff; then, for documents read by OCR, each page (its
    // own text layer or OCR, the image's size and resolution, the mean confidence) and each
    // recognised word's place in the document's text (in characters), its box on the page (in
    // pixels) and Tesseract's confidence (0-100).
    "CREATE TABLE document_new (
        id              INTEGER PRIMARY KEY,
        title           TEXT NOT NULL,
        file_name       TEXT NOT NULL,
        format          TEXT NOT NULL CHECK (format IN ('txt', 'md', 'docx', 'pdf', 'png', 'jpeg',
                            'tiff')),
        kind            TEXT NOT NULL CHECK (kind IN ('ordinary', 'extraordinary', 'board')),
        meeting_date    TEXT NOT NULL,
        original        BLOB NOT NULL,
        sha256          TEXT NOT NULL,
        text            TEXT NOT NULL,
        imported_at     TEXT NOT NULL
    );
    INSERT INTO document_new SELECT id, title, file_name, format, kind, meeting_date, original,
        sha256, text, imported_at FROM document;
    DROP TABLE document;
    ALTER TABLE document_new RENAME TO document;
    CREATE INDEX document_by_date ON document (meeting_date);
    CREATE INDEX document_by_sha256 ON document (sha256);
    CREATE TRIGGER document_fts_insert AFTER INSERT ON document BEGIN
        INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TRIGGER document_fts_delete AFTER DELETE ON document BEGIN
        INSERT INTO document_fts (document_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
    END;
    CREATE TRIGGER document_fts_update AFTER UPDATE OF title, text ON document BEGIN
        INSERT INTO document_fts (document_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        INSERT INTO document_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
    END;
    CREATE TABLE ocr_page (
        document_id     INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
        page            INTEGER NOT NULL CHECK (page >= 1),
        source          TEXT NOT NULL CHECK (source IN ('text', 'ocr')),
        language        TEXT NOT NULL CHECK (language IN ('da', 'nb', 'sv')),
        width           INTEGER NOT NULL,
        height          INTEGER NOT NULL,
        dpi             INTEGER NOT NULL,
        mean_confidence INTEGER,
        PRIMARY KEY (document_id, page)
    );
    CREATE TABLE ocr_word (
        document_id     INTEGER NOT NULL REFERENCES document (id) ON DELETE CASCADE,
        page            INTEGER NOT NULL,
        start_char      INTEGER NOT NULL,
        end_char        INTEGER NOT NULL,
        x               INTEGER NOT NULL,
        y               INTEGER NOT NULL,
        w               INTEGER NOT NULL,
        h               INTEGER NOT NULL,
        confidence      INTEGER NOT NULL CHECK (confidence BETWEEN 0 AND 100),
        CHECK (end_char >= start_char)
    );
    CREATE INDEX ocr_word_by_document ON ocr_word (document_id, start_char);",
    // 9: the board's own texts belong to the language they were written in. An activity's texts
    // move to `activity_text`, one row per field and language (a board may write a field in
    // several languages); an organisation's own transfer safeguard gets its language. Texts
    // written before this version are taken to be in the association's country's language, the
    // language the app and the CLI showed them in by default; other languages then fall back to
    // Andel's built-in text.
    "CREATE TABLE activity_text (
        activity_id INTEGER NOT NULL REFERENCES processing_activity (id) ON DELETE CASCADE,
        field       TEXT NOT NULL CHECK (field IN ('name', 'purpose', 'legitimate_interest',
                        'data_categories', 'subject_categories', 'other_recipients', 'retention',
                        'source')),
        language    TEXT NOT NULL CHECK (language IN ('da', 'nb', 'sv', 'en')),
        text        TEXT NOT NULL,
        PRIMARY KEY (activity_id, field, language)
    );
    WITH home (language) AS (
            SELECT COALESCE((SELECT CASE country WHEN 'DK' THEN 'da' WHEN 'NO' THEN 'nb'
                                WHEN 'SE' THEN 'sv' END FROM association), 'en')),
        texts (activity_id, field, text) AS (
            SELECT id, 'name', name FROM processing_activity UNION ALL
            SELECT id, 'purpose', purpose FROM processing_activity UNION ALL
            SELECT id, 'legitimate_interest', legitimate_interest FROM processing_activity UNION ALL
            SELECT id, 'data_categories', data_categories FROM processing_activity UNION ALL
            SELECT id, 'subject_categories', subject_categories FROM processing_activity UNION ALL
            SELECT id, 'other_recipients', other_recipients FROM processing_activity UNION ALL
            SELECT id, 'retention', retention FROM processing_activity UNION ALL
            SELECT id, 'source', source FROM processing_activity)
    INSERT INTO activity_text (activity_id, field, language, text)
        SELECT activity_id, field, home.language, text FROM texts, home WHERE text IS NOT NULL;
    ALTER TABLE processing_activity DROP COLUMN name;
    ALTER TABLE processing_activity DROP COLUMN purpose;
    ALTER TABLE processing_activity DROP COLUMN legitimate_interest;
    ALTER TABLE processing_activity DROP COLUMN data_categories;
    ALTER TABLE processing_activity DROP COLUMN subject_categories;
    ALTER TABLE processing_activity DROP COLUMN other_recipients;
    ALTER TABLE processing_activity DROP COLUMN retention;
    ALTER TABLE processing_activity DROP COLUMN source;
    ALTER TABLE organisation ADD COLUMN transfer_safeguard_language TEXT
        CHECK (transfer_safeguard_language IN ('da', 'nb', 'sv', 'en'));
    UPDATE organisation SET transfer_safeguard_language = COALESCE((SELECT CASE country
            WHEN 'DK' THEN 'da' WHEN 'NO' THEN 'nb' WHEN 'SE' THEN 'sv' END FROM association), 'en')
     WHERE transfer_safeguard IS NOT NULL;",
    // 10: the special grounds a Norwegian board approved a sublet on (borettslagsloven § 5-6 (1):
    // the owner a legal person, temporarily away, a close relative in the household, a right of
    // use under family law). A sublet on such grounds may run longer than § 5-5's three years
    // and the board's maximum, so it is not "too long". NULL: approved on no special grounds.
    "ALTER TABLE sublet ADD COLUMN special_grounds TEXT CHECK (special_grounds IN
        ('legal-person', 'absence', 'relative', 'family-law'));",
    // 11: sublets and name-plate orders are kept in the same encrypted archive as the register,
    // so the cloud service that stores it is their recipient too (the notice left it out). Only
    // activities whose recipients the board never changed get it: a board's own choice stays.
    "UPDATE processing_activity SET recipient_kinds = 'administrator,cloud'
      WHERE key = 'sublets' AND recipient_kinds = 'administrator';
    UPDATE processing_activity SET recipient_kinds = 'caretaker,cloud'
      WHERE key = 'name_plates' AND recipient_kinds = 'caretaker';",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i32 = MIGRATIONS.len() as i32;

pub(super) fn migrate_to(conn: &mut Connection, target: i32) -> Result<(), Error> {
    let current = super::schema_version(conn)?;
    if current >= target {
        return Ok(());
    }
    // A migration that rebuilds a table (SQLite's documented way to change a constraint) must not
    // let dropping the old table cascade into the tables that refer to it: foreign keys are off
    // while migrating, checked before the commit, and on again afterwards.
    conn.pragma_update(None, "foreign_keys", false)
        .map_err(Error::sqlite("starting a migration"))?;
    let result = migrate_steps(conn, current, target);
    conn.pragma_update(None, "foreign_keys", true)
        .map_err(Error::sqlite("finishing a migration"))?;
    result
}

fn migrate_steps(conn: &mut Connection, current: i32, target: i32) -> Result<(), Error> {
    let tx = conn
        .transaction()
        .map_err(Error::sqlite("starting a migration"))?;
    for (index, sql) in MIGRATIONS
        .iter()
        .enumerate()
        .take(target as usize)
        .skip(current as usize)
    {
        tx.execute_batch(sql)
            .map_err(Error::sqlite("migrating the schema"))?;
        tx.pragma_update(None, "user_version", index as i32 + 1)
            .map_err(Error::sqlite("recording the schema version"))?;
    }
    let broken: Option<String> = tx
        .query_row("PRAGMA foreign_key_check", [], |r| r.get(0))
        .optional()
        .map_err(Error::sqlite("checking the migrated schema"))?;
    if let Some(table) = broken {
        return Err(Error::Sqlite {
            op: "checking the migrated schema",
            source: rusqlite::Error::SqliteFailure(
                rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_CONSTRAINT),
                Some(format!("a reference in {table} points nowhere")),
            ),
        });
    }
    tx.commit()
        .map_err(Error::sqlite("committing a migration"))?;
    Ok(())
}
