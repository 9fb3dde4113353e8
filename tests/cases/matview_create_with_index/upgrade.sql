CREATE MATERIALIZED VIEW public.daily_usage AS
 SELECT usage.agent_id,
    date_trunc('day'::text, usage.at) AS day,
    sum(usage.tokens) AS tokens
   FROM public.usage
  GROUP BY usage.agent_id, (date_trunc('day'::text, usage.at));
COMMENT ON MATERIALIZED VIEW public.daily_usage IS 'tokens per agent and day';
CREATE UNIQUE INDEX daily_usage_agent_day ON public.daily_usage USING btree (agent_id, day);
