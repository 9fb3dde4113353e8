DROP INDEX CONCURRENTLY public.daily_usage_tokens;
SET LOCAL lock_timeout = '5s';
ALTER MATERIALIZED VIEW public.daily_usage RESET (fillfactor);
