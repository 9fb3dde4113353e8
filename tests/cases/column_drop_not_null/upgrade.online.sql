SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ALTER COLUMN email DROP NOT NULL;
