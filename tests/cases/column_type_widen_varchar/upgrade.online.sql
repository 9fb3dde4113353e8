SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ALTER COLUMN name TYPE character varying(50);
