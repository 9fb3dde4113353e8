SET LOCAL lock_timeout = '5s';
-- hazard: data-loss public.t.total
-- hazard: rewrites-table public.t
ALTER TABLE public.t DROP COLUMN total;
ALTER TABLE public.t ADD COLUMN total integer GENERATED ALWAYS AS ((a + b)) STORED;
