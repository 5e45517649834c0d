-- The ASP.NET Core Data Protection key ring (the keys of the coordinator pages' sign-in cookie and anti-forgery tokens),
-- kept beside the decisions so that the service after a restart, and every replica on one database, reads the same
-- ring. Each key's secret is sealed with the decision record's encryption key before it reaches this table.
CREATE TABLE data_protection_keys (
    name       TEXT    NOT NULL PRIMARY KEY,
    created_at BIGINT  NOT NULL,
    xml        TEXT    NOT NULL
);
