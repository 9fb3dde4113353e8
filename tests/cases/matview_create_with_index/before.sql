CREATE TABLE public.usage (id bigint PRIMARY KEY, agent_id bigint NOT NULL, tokens int NOT NULL, at timestamptz NOT NULL);
