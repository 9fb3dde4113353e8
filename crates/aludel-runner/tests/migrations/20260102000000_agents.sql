-- aludel: revision 20260102000000_agents
-- aludel: parents 20260101000000_initial
-- aludel: message agents
-- aludel: transaction per-migration

-- aludel: upgrade
CREATE TYPE connection_type AS ENUM ('POWERBI', 'DB');
CREATE TABLE agents (
    id bigint PRIMARY KEY,
    account_id bigint NOT NULL REFERENCES accounts (id),
    connection connection_type NOT NULL
);

-- aludel: downgrade
DROP TABLE agents;
DROP TYPE connection_type;
