SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ALTER COLUMN n DROP DEFAULT;
-- hazard: rewrites-table public.t
ALTER TABLE public.t ALTER COLUMN n TYPE bigint;
ALTER TABLE public.t ALTER COLUMN n SET DEFAULT 0;
