-- The decision record. Times are Unix milliseconds (UTC). Reporting columns hold no answer value and no free text;
-- the request and the full response are in payload, encrypted (AES-GCM, key_id names the key), until they are purged.
CREATE TABLE decisions (
    decision_id      TEXT    NOT NULL PRIMARY KEY,
    decided_at       INTEGER NOT NULL,
    client_id        TEXT    NOT NULL,
    channel          TEXT    NOT NULL,
    ruleset_version  TEXT    NOT NULL,
    ruleset_hash     TEXT    NOT NULL,
    policy_profile   TEXT    NOT NULL,
    policy_hash      TEXT    NOT NULL,
    category         TEXT    NOT NULL,
    subtype          TEXT,
    pathway          TEXT,
    reason_ids       TEXT    NOT NULL,
    indications      TEXT    NOT NULL,
    blocking_missing TEXT    NOT NULL,
    key_id           TEXT,
    payload          BLOB
);
-- Ascending: new decisions append at the right edge of each index (SQLite's cheapest insert); newest-first listing
-- reads the index backwards.
CREATE INDEX decisions_by_time ON decisions (decided_at, decision_id);
CREATE INDEX decisions_by_client ON decisions (client_id, decided_at, decision_id);

CREATE TABLE feedback (
    decision_id          TEXT    NOT NULL,
    received_at          INTEGER NOT NULL,
    outcome              TEXT    NOT NULL,
    override_reason      TEXT,
    accepted_suggestions INTEGER NOT NULL
);
CREATE INDEX feedback_by_decision ON feedback (decision_id);

CREATE TABLE idempotency_keys (
    client_id   TEXT    NOT NULL,
    key_hash    TEXT    NOT NULL,
    created_at  INTEGER NOT NULL,
    request_mac TEXT    NOT NULL,
    key_id      TEXT    NOT NULL,
    response    BLOB    NOT NULL,
    PRIMARY KEY (client_id, key_hash)
);

CREATE TABLE cds_tokens (
    issuer     TEXT    NOT NULL,
    jti        TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (issuer, jti)
);
