-- eset-shop schema, version 2: every row belongs to a reseller, the marketplace's ResellerId, first in every key.
-- Each table is rebuilt with the reseller column and its rows copied: the rows of a single-reseller database go to the
-- reseller in eset_meta's 'legacy_reseller' row (JdbcStorage.migrate writes it), else to 'default', the reseller of
-- the one-reseller adapters. Plain SQL for H2 2.x and PostgreSQL 12+.

CREATE TABLE eset_license_by_reseller (
    reseller_id   VARCHAR(64)  NOT NULL,
    id            VARCHAR(64)  NOT NULL,
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
    order_number  VARCHAR(128),
    CONSTRAINT eset_license_pk PRIMARY KEY (reseller_id, id)
);

INSERT INTO eset_license_by_reseller (reseller_id, id, license_key, product, product_name, seats, used_seats, state,
        trial, discount, issued, expires, modified, organization, first_name, last_name, email, country, vat_id,
        order_number)
    SELECT COALESCE((SELECT meta_value FROM eset_meta WHERE name = 'legacy_reseller'), 'default'), id, license_key,
        product, product_name, seats, used_seats, state, trial, discount, issued, expires, modified, organization,
        first_name, last_name, email, country, vat_id, order_number
    FROM eset_license;

DROP TABLE eset_license;
ALTER TABLE eset_license_by_reseller RENAME TO eset_license;
CREATE INDEX eset_license_expires ON eset_license (reseller_id, expires, id);

CREATE TABLE eset_sync_cursor_by_reseller (
    reseller_id     VARCHAR(64) NOT NULL,
    since_at        TIMESTAMP WITH TIME ZONE,
    next_skip       INTEGER NOT NULL,
    high_water      TIMESTAMP WITH TIME ZONE,
    in_progress     BOOLEAN NOT NULL,
    last_completed  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT eset_sync_cursor_pk PRIMARY KEY (reseller_id)
);

INSERT INTO eset_sync_cursor_by_reseller (reseller_id, since_at, next_skip, high_water, in_progress, last_completed)
    SELECT COALESCE((SELECT meta_value FROM eset_meta WHERE name = 'legacy_reseller'), 'default'), since_at,
        next_skip, high_water, in_progress, last_completed
    FROM eset_sync_cursor WHERE id = 1;

DROP TABLE eset_sync_cursor;
ALTER TABLE eset_sync_cursor_by_reseller RENAME TO eset_sync_cursor;

-- Which instance syncs a reseller's book in a fleet round, until when (EsetShops.syncAll).
CREATE TABLE eset_sync_lease (
    reseller_id    VARCHAR(64)  NOT NULL,
    claimed_by     VARCHAR(256),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT eset_sync_lease_pk PRIMARY KEY (reseller_id)
);

CREATE TABLE eset_order_journal_by_reseller (
    reseller_id       VARCHAR(64)  NOT NULL,
    idempotency_key   VARCHAR(64)  NOT NULL,
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
    eula_accepted_at  TIMESTAMP WITH TIME ZONE,
    CONSTRAINT eset_order_journal_pk PRIMARY KEY (reseller_id, idempotency_key)
);

INSERT INTO eset_order_journal_by_reseller (reseller_id, idempotency_key, operation, payload, state, created_at,
        updated_at, claimed_by, claimed_until, order_number, license_id, rejection, delivered_at, eula_version,
        eula_accepted_by, eula_accepted_at)
    SELECT COALESCE((SELECT meta_value FROM eset_meta WHERE name = 'legacy_reseller'), 'default'), idempotency_key,
        operation, payload, state, created_at, updated_at, claimed_by, claimed_until, order_number, license_id,
        rejection, delivered_at, eula_version, eula_accepted_by, eula_accepted_at
    FROM eset_order_journal;

DROP TABLE eset_order_journal;
ALTER TABLE eset_order_journal_by_reseller RENAME TO eset_order_journal;
CREATE INDEX eset_order_journal_state ON eset_order_journal (reseller_id, state, created_at);

-- The ESET partner each reseller's rows belong to (bound on first use, refused for another partner after).
CREATE TABLE eset_partner_binding (
    reseller_id  VARCHAR(64)  NOT NULL,
    partner_id   VARCHAR(512) NOT NULL,
    CONSTRAINT eset_partner_binding_pk PRIMARY KEY (reseller_id)
);

INSERT INTO eset_partner_binding (reseller_id, partner_id)
    SELECT COALESCE((SELECT meta_value FROM eset_meta WHERE name = 'legacy_reseller'), 'default'), meta_value
    FROM eset_meta WHERE name = 'partner_id';

-- eset_meta keeps the version row only: the SDK reads it to skip Flyway on a current database, and an SDK of the
-- single-reseller schema (version 2) warns that the database is newer than it.
DELETE FROM eset_meta;
INSERT INTO eset_meta (name, meta_value) VALUES ('schema_version', '3');
