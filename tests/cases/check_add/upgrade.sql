-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK ((age >= 0));
