-- The host application's own first migration, in Spring Boot's default location: same version as the SDK's V1.
CREATE TABLE host_customer (id INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL);
