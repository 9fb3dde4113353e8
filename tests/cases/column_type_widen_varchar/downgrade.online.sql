SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.t
-- hazard: may-fail-on-existing-rows public.t.name
ALTER TABLE public.t ALTER COLUMN name TYPE character varying(10) USING name::character varying(10);
