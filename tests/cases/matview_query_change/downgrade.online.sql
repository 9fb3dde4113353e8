DROP INDEX CONCURRENTLY public.daily_usage_agent_day;
SET LOCAL lock_timeout = '5s';
DROP MATERIALIZED VIEW public.daily_usage;
-- hazard: rewrites-table public.daily_usage
CREATE MATERIALIZED VIEW public.daily_usage AS
 SELECT usage.agent_id,
    date_trunc('day'::text, usage.at) AS day,
    sum(usage.tokens) AS tokens
   FROM public.usage
  GROUP BY usage.agent_id, (date_trunc('day'::text, usage.at));
-- hazard: may-fail-on-existing-rows public.daily_usage_agent_day
CREATE UNIQUE INDEX CONCURRENTLY daily_usage_agent_day ON public.daily_usage USING btree (agent_id, day);
