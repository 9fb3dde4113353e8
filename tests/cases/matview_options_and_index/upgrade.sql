ALTER MATERIALIZED VIEW public.daily_usage SET (fillfactor=70);
-- hazard: blocks-writes public.daily_usage
CREATE INDEX daily_usage_tokens ON public.daily_usage USING brin (tokens);
