SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.age
ALTER TABLE public.users ADD CONSTRAINT users_age_not_null CHECK (age IS NOT NULL) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_age_not_null;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ALTER COLUMN age SET NOT NULL;
ALTER TABLE public.users DROP CONSTRAINT users_age_not_null;
