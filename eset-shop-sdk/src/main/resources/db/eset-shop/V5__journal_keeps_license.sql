-- eset-shop schema, version 6 of the eset_meta row: a confirmed journal entry keeps the license ESET issued (JSON text, as the SDK writes
-- it), so a retry of the purchase under its key is answered from the journal alone, even while ESET is down and when
-- the license book lacks the license. Entries confirmed before keep none (the SDK then reads the license book).
-- Plain SQL for H2 2.x and PostgreSQL 12+.

ALTER TABLE eset_order_journal ADD COLUMN license VARCHAR(1000000);

UPDATE eset_meta SET meta_value = '6' WHERE name = 'schema_version';
