-- aludel: revision 20260101000000_initial
-- aludel: message initial
-- aludel: transaction per-migration

-- aludel: upgrade
CREATE TABLE accounts (id bigint PRIMARY KEY, name text NOT NULL);

-- aludel: downgrade
DROP TABLE accounts;
