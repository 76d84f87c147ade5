-- A script after every real one, for JdbcMigrationTest: it must run once, on its own, from the SDK's history table.
CREATE TABLE eset_later_probe (id INTEGER NOT NULL PRIMARY KEY);
