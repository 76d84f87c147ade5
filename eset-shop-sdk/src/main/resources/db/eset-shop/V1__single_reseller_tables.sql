-- eset-shop schema, version 1: the single-reseller tables of SDK 0.1 (schema versions 1 and 2 of its eset_meta row).
-- Plain SQL that runs on H2 2.x and PostgreSQL 12+. Every statement is idempotent, so on a database of an earlier
-- layout (which Flyway baselines at version 0) it upgrades the tables in place; V2 then scopes them to resellers.
-- Timestamps are stored WITH TIME ZONE at microsecond precision; the adapters truncate instants to match.
-- Text columns are at least as wide as LicenseText's limits, which the sync checks before storing.

CREATE TABLE IF NOT EXISTS eset_meta (
    name        VARCHAR(64)  NOT NULL PRIMARY KEY,
    meta_value  VARCHAR(512) NOT NULL
);

CREATE TABLE IF NOT EXISTS eset_license (
    id            VARCHAR(64)  NOT NULL PRIMARY KEY,
    license_key   VARCHAR(512) NOT NULL,
    product       VARCHAR(32)  NOT NULL,
    product_name  VARCHAR(1000) NOT NULL,
    seats         INTEGER      NOT NULL,
    used_seats    INTEGER      NOT NULL,
    state         VARCHAR(64)  NOT NULL,
    trial         BOOLEAN      NOT NULL,
    discount      VARCHAR(256),
    issued        DATE         NOT NULL,
    expires       DATE         NOT NULL,
    modified      TIMESTAMP WITH TIME ZONE NOT NULL,
    organization  VARCHAR(1000) NOT NULL,
    first_name    VARCHAR(1000) NOT NULL,
    last_name     VARCHAR(1000) NOT NULL,
    email         VARCHAR(1000) NOT NULL,
    country       VARCHAR(64),
    vat_id        VARCHAR(128),
    order_number  VARCHAR(128)
);

-- version 1 had narrower text columns and no order number
ALTER TABLE eset_license ALTER COLUMN product_name SET DATA TYPE VARCHAR(1000);
ALTER TABLE eset_license ALTER COLUMN discount SET DATA TYPE VARCHAR(256);
ALTER TABLE eset_license ALTER COLUMN organization SET DATA TYPE VARCHAR(1000);
ALTER TABLE eset_license ALTER COLUMN first_name SET DATA TYPE VARCHAR(1000);
ALTER TABLE eset_license ALTER COLUMN last_name SET DATA TYPE VARCHAR(1000);
ALTER TABLE eset_license ALTER COLUMN email SET DATA TYPE VARCHAR(1000);
ALTER TABLE eset_license ALTER COLUMN country SET DATA TYPE VARCHAR(64);
ALTER TABLE eset_license ALTER COLUMN vat_id SET DATA TYPE VARCHAR(128);
ALTER TABLE eset_license ADD COLUMN IF NOT EXISTS order_number VARCHAR(128);

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
    idempotency_key   VARCHAR(64)  NOT NULL PRIMARY KEY,
    operation         VARCHAR(32)  NOT NULL,
    payload           VARCHAR(1000000) NOT NULL,
    state             VARCHAR(16)  NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by        VARCHAR(256),
    claimed_until     TIMESTAMP WITH TIME ZONE,
    order_number      VARCHAR(128),
    license_id        VARCHAR(64),
    rejection         VARCHAR(4000),
    delivered_at      TIMESTAMP WITH TIME ZONE,
    eula_version      VARCHAR(256),
    eula_accepted_by  VARCHAR(1000),
    eula_accepted_at  TIMESTAMP WITH TIME ZONE
);

-- Journals created before confirmations were tracked lack delivered_at; the SDK adds it and marks their confirmed
-- entries delivered before this script runs (Migrations), so an upgrade does not send every past confirmation again.
ALTER TABLE eset_order_journal ADD COLUMN IF NOT EXISTS delivered_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE eset_order_journal ADD COLUMN IF NOT EXISTS eula_version VARCHAR(256);
ALTER TABLE eset_order_journal ADD COLUMN IF NOT EXISTS eula_accepted_by VARCHAR(1000);
ALTER TABLE eset_order_journal ADD COLUMN IF NOT EXISTS eula_accepted_at TIMESTAMP WITH TIME ZONE;

CREATE INDEX IF NOT EXISTS eset_order_journal_state ON eset_order_journal (state, created_at);
