SET LOCAL lock_timeout = '5s';
ALTER MATERIALIZED VIEW public.daily_usage SET (fillfactor=70);
CREATE INDEX CONCURRENTLY daily_usage_tokens ON public.daily_usage USING brin (tokens);
