-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users VALIDATE CONSTRAINT users_age_check;
