SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t
-- hazard: may-fail-on-existing-rows public.t.price
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(8,2) USING price::numeric(8,2);
