SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users DROP CONSTRAINT users_age_check;
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.users_age_check
ALTER TABLE public.users ADD CONSTRAINT users_age_check CHECK (((age >= 18) AND (age < 200))) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_age_check;
