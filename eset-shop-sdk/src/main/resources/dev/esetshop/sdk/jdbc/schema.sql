-- The eset-shop storage schema, created on first use. Plain SQL that runs on H2 2.x and PostgreSQL 12+.
-- Timestamps are stored WITH TIME ZONE at microsecond precision; the adapters truncate instants to match.

CREATE TABLE IF NOT EXISTS eset_license (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    license_key   VARCHAR(512) NOT NULL,
    product       VARCHAR(32)  NOT NULL,
    product_name  VARCHAR(512) NOT NULL,
    seats         INTEGER      NOT NULL,
    used_seats    INTEGER      NOT NULL,
    state         VARCHAR(64)  NOT NULL,
    trial         BOOLEAN      NOT NULL,
    discount      VARCHAR(128),
    issued        DATE         NOT NULL,
    expires       DATE         NOT NULL,
    modified      TIMESTAMP WITH TIME ZONE NOT NULL,
    organization  VARCHAR(512) NOT NULL,
    first_name    VARCHAR(256) NOT NULL,
    last_name     VARCHAR(256) NOT NULL,
    email         VARCHAR(512) NOT NULL,
    country       VARCHAR(8),
    vat_id        VARCHAR(64)
);

CREATE INDEX IF NOT EXISTS eset_license_expires ON eset_license (expires, id);

CREATE TABLE IF NOT EXISTS eset_sync_cursor (
    id              INTEGER NOT NULL PRIMARY KEY,
    since_at        TIMESTAMP WITH TIME ZONE,
    next_skip       INTEGER NOT NULL,
    high_water      TIMESTAMP WITH TIME ZONE,
    in_progress     BOOLEAN NOT NULL,
    last_completed  TIMESTAMP WITH TIME ZONE
);

CREATE TABLE IF NOT EXISTS eset_order_journal (
    idempotency_key  VARCHAR(64)  NOT NULL PRIMARY KEY,
    operation        VARCHAR(32)  NOT NULL,
    payload          VARCHAR(1000000) NOT NULL,
    state            VARCHAR(16)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by       VARCHAR(256),
    claimed_until    TIMESTAMP WITH TIME ZONE,
    order_number     VARCHAR(128),
    license_id       VARCHAR(64),
    rejection        VARCHAR(4000),
    delivered_at     TIMESTAMP WITH TIME ZONE
);

-- Journals created before confirmations were tracked lack the column; JdbcOrderJournal marks their confirmed
-- entries delivered when it adds it, so an upgrade does not send every past confirmation again.
ALTER TABLE eset_order_journal ADD COLUMN IF NOT EXISTS delivered_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX IF NOT EXISTS eset_order_journal_state ON eset_order_journal (state, created_at);
