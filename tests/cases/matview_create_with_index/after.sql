CREATE TABLE public.usage (id bigint PRIMARY KEY, agent_id bigint NOT NULL, tokens int NOT NULL, at timestamptz NOT NULL);
CREATE MATERIALIZED VIEW public.daily_usage AS SELECT agent_id, date_trunc('day', at) AS day, sum(tokens) AS tokens FROM public.usage GROUP BY 1, 2;
CREATE UNIQUE INDEX daily_usage_agent_day ON public.daily_usage (agent_id, day);
COMMENT ON MATERIALIZED VIEW public.daily_usage IS 'tokens per agent and day';
