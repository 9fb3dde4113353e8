ALTER TABLE public.orders ALTER COLUMN city TYPE text;
