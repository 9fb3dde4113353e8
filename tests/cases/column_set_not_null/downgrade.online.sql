SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ALTER COLUMN age DROP NOT NULL;
