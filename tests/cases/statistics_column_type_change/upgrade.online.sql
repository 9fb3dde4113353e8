SET LOCAL lock_timeout = '5s';
ALTER TABLE public.orders ALTER COLUMN city TYPE text;
