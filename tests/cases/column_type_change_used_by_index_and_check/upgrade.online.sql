SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t
ALTER TABLE public.t ALTER COLUMN n TYPE bigint;
