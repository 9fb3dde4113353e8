CREATE TABLE public.usage (id bigint PRIMARY KEY, agent_id bigint NOT NULL, tokens int NOT NULL, at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW public.daily_usage WITH (fillfactor = 70) AS SELECT agent_id, sum(tokens) AS tokens FROM public.usage GROUP BY 1;
CREATE INDEX daily_usage_tokens ON public.daily_usage USING brin (tokens);
