DROP INDEX CONCURRENTLY public.daily_usage_agent_day;
SET LOCAL lock_timeout = '5s';
DROP MATERIALIZED VIEW public.daily_usage;
