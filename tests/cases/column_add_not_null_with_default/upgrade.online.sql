SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ADD COLUMN active boolean DEFAULT true NOT NULL;
