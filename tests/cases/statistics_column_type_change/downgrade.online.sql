SET LOCAL lock_timeout = '5s';
-- hazard: rewrites-table public.orders
-- hazard: may-fail-on-existing-rows public.orders.city
ALTER TABLE public.orders ALTER COLUMN city TYPE character varying(40) USING city::character varying(40);
