SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t
ALTER TABLE public.t ADD COLUMN total integer GENERATED ALWAYS AS ((a + b)) STORED;
