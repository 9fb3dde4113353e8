SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.t
ALTER TABLE public.t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY;
SELECT setval(pg_get_serial_sequence('public.t', 'id'), max(id)) FROM public.t HAVING max(id) IS NOT NULL;
