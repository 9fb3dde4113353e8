SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age >= 0)) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_age_check;
