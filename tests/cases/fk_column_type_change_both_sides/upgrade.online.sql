SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.c
ALTER TABLE public.c ALTER COLUMN p_id TYPE bigint;
-- hazard: rewrites-table public.p
ALTER TABLE public.p ALTER COLUMN id TYPE bigint;
