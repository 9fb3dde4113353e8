DROP INDEX public.daily_usage_agent_day;
DROP MATERIALIZED VIEW public.daily_usage;
