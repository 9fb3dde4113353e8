SET LOCAL lock_timeout = '5s';
-- hazard: blocks-writes public.users
-- hazard: may-fail-on-existing-rows public.users.email
ALTER TABLE public.users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
ALTER TABLE public.users VALIDATE CONSTRAINT users_email_not_null;
SET LOCAL lock_timeout = '5s';
ALTER TABLE public.users ALTER COLUMN email SET NOT NULL;
ALTER TABLE public.users DROP CONSTRAINT users_email_not_null;
