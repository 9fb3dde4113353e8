SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t
-- hazard: may-fail-on-existing-rows public.t.n
ALTER TABLE public.t ALTER COLUMN n TYPE integer USING n::integer;
