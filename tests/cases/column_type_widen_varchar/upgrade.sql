ALTER TABLE public.t ALTER COLUMN name TYPE character varying(50);
