-- aludel: revision 20260102000000_users
-- aludel: parents 20260101000000_initial
-- aludel: message users
-- aludel: transaction none

-- aludel: upgrade
CREATE TABLE users (id bigint PRIMARY KEY, account_id bigint NOT NULL);
CREATE INDEX CONCURRENTLY users_account_id ON users (account_id);

-- aludel: downgrade
DROP INDEX CONCURRENTLY users_account_id;
DROP TABLE users;
