SET LOCAL lock_timeout = '5s';
ALTER TABLE public.t ALTER COLUMN s SET DEFAULT 'a'::text;
