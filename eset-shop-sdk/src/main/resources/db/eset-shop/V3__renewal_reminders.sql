-- eset-shop schema, version 3 (schema_version row 4): the renewal reminders each reseller's shops claimed and
-- delivered, one row per reminder (a license, its expiry and a window), so a reminder goes out once whatever the
-- number of instances, restarts or runs. Plain SQL for H2 2.x and PostgreSQL 12+.

CREATE TABLE eset_renewal_reminder (
    reseller_id    VARCHAR(64)  NOT NULL,
    event_id       VARCHAR(64)  NOT NULL,
    license_id     VARCHAR(64)  NOT NULL,
    expires        DATE         NOT NULL,
    window_days    INTEGER      NOT NULL,
    created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    claimed_by     VARCHAR(256),
    claimed_until  TIMESTAMP WITH TIME ZONE,
    delivered_at   TIMESTAMP WITH TIME ZONE,
    CONSTRAINT eset_renewal_reminder_pk PRIMARY KEY (reseller_id, event_id)
);

UPDATE eset_meta SET meta_value = '4' WHERE name = 'schema_version';
