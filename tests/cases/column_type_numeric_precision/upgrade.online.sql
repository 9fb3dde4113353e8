SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ALTER COLUMN price TYPE numeric(12,2);
