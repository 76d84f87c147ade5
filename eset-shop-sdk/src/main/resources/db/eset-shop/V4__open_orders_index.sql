-- eset-shop schema, version 5 of the eset_meta row: the journal's open orders (pending, or confirmed and not yet
-- delivered) are found through an index, not a scan of every settled entry. A reconcile, the fleet's round and the
-- search for unreadable entries each look up the two index ranges state = 'PENDING' and
-- (state = 'CONFIRMED', delivered_at IS NULL), so they cost O(open orders) however long the journal grows.
-- Plain SQL for H2 2.x and PostgreSQL 12+ (no partial index: H2 has none). Independent of the other scripts after V2.

CREATE INDEX eset_order_journal_open ON eset_order_journal (state, delivered_at, reseller_id, created_at);

UPDATE eset_meta SET meta_value = '5' WHERE name = 'schema_version';
