CREATE TABLE public.usage (id bigint PRIMARY KEY, agent_id bigint NOT NULL, tokens int NOT NULL, at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW public.daily_usage AS SELECT agent_id, sum(tokens) AS tokens FROM public.usage GROUP BY 1;
