SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.users
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age > 100)) NOT VALID;
