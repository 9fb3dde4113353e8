DROP INDEX public.daily_usage_tokens;
ALTER MATERIALIZED VIEW public.daily_usage RESET (fillfactor);
