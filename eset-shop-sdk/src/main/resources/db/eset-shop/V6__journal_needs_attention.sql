-- eset-shop schema, version 7 of the eset_meta row: a pending journal entry may be marked as needing a person (its
-- reason in attention), when ESET answered in a way the journal cannot settle (a receipt whose order number it cannot
-- record). A reconcile lists such an entry as needing attention and never sends it again; no shop claims it.
-- Plain SQL for H2 2.x and PostgreSQL 12+.

ALTER TABLE eset_order_journal ADD COLUMN attention VARCHAR(2000);

UPDATE eset_meta SET meta_value = '7' WHERE name = 'schema_version';
