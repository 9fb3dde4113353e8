SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users DROP CONSTRAINT users_age_check;
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age > 0)) NOT VALID;
