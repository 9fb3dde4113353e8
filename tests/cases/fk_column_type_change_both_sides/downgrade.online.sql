SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.p
-- hazard: may-fail-on-existing-rows public.p.id
ALTER TABLE public.p ALTER COLUMN id TYPE integer USING id::integer;
-- hazard: rewrites-table public.c
-- hazard: may-fail-on-existing-rows public.c.p_id
ALTER TABLE public.c ALTER COLUMN p_id TYPE integer USING p_id::integer;
